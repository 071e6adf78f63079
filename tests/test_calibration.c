/* Calibration of the wave tests (ecosys/wavetest.h) on synthetic waves.
 *
 * The datasets come from the example generator examples/synth/synth_waves.c
 * (compiled into this test, see tests/CMakeLists.txt), whose model makes
 * the null hypotheses of the exact tests hold by construction when there is
 * no effect (synth_waves.h). Replicate i uses seed SEED_BASE + i; every run
 * is therefore deterministic, and the rates below are the ones measured.
 *
 * The design (docs/measures.md, "Calibration"): 200 actors in 5 sectors,
 * before-wave mean degree 6 (600 ties), a coordinator with 30 contacts
 * drawn at random, 30% of the before ties dissolve, 300 background ties
 * form; "closure" is the share of those drawn among the pairs with a common
 * neighbour before (background triadic closure, through any broker); the
 * effect is a number of introductions, ties the coordinator makes between
 * two of its contacts of different sectors.
 *
 * Measured here (the same in every build: integer draws, exact tests):
 *   no effect, no closure, 500 replicates: p_greater < 0.05 in
 *     closure_via_coordinator 0.042, formed_via_coordinator 0.042,
 *     formed_crossing 0.046 of them;
 *   no effect, closure 0.3, 500 replicates:
 *     closure_via_coordinator 0.044, formed_crossing 0.040,
 *     formed_via_coordinator 0.862 (anti-conservative, as expected: the
 *     uniform-formation null ignores that friends of friends tie more);
 *   10 introductions, no closure, 200 replicates: power of
 *     closure_via_coordinator 0.92, of formed_via_coordinator 1.00;
 *     5 introductions give 0.415 and 0.50, so 10 is the smallest round
 *     number that reaches 0.8;
 *   20 introductions, closure 0.3, 200 replicates: power of
 *     closure_via_coordinator 1.00 (10 gave about 0.66 in an exploratory
 *     run of 1,000 replicates).
 * The exact tests are discrete, so their size is a little under 0.05:
 * about 0.04 at these expected counts (about 7 formed ties between two
 * contacts of the coordinator without closure, 16 with).
 *
 * Run time: 1,600 replicates of a few milliseconds each, under 10 s in a
 * Debug build. Under valgrind (ECOSYS_VALGRIND) tests/CMakeLists.txt sets
 * ECOSYS_CALIBRATION_REPLICATES=10: each case then runs that many
 * replicates and checks only that every result is well formed, not the
 * rates (too few replicates to estimate them). */
#include "test_support.h"

#include "synth/synth_waves.h"

#include <ecosys/wavetest.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define SEED_BASE 20240501u
#define ALPHA 0.05

/* The number of replicates of a case: @p wanted, or the environment's
 * ECOSYS_CALIBRATION_REPLICATES (a reduced run) if set. */
static size_t replicates_for(size_t wanted, int *reduced)
{
    const char *env = getenv("ECOSYS_CALIBRATION_REPLICATES");
    *reduced = 0;
    if (env && env[0]) {
        long v = strtol(env, NULL, 10);
        if (v > 0 && (size_t) v < wanted) {
            *reduced = 1;
            return (size_t) v;
        }
    }
    return wanted;
}

typedef struct rates {
    size_t replicates;
    double closure_via; /* share with closure_via_coordinator.p_greater < ALPHA */
    double formed_via;  /* same for formed_via_coordinator */
    double crossing;    /* same for formed_crossing */
} rates;

static void check_exact_result(const ecosys_null_result *r)
{
    assert_true(r->replicates == 0 && r->valid == 0);
    assert_true(r->p_greater > 0.0 && r->p_greater <= 1.0 + 1e-12);
    assert_true(r->p_less > 0.0 && r->p_less <= 1.0 + 1e-12);
    assert_true(isfinite(r->mean) && isfinite(r->observed));
}

/* Runs @p count replicates of the design with @p closure and
 * @p introductions; returns the rejection rates at ALPHA. */
static rates run_design(double closure, size_t introductions, size_t count)
{
    rates out = {count, 0.0, 0.0, 0.0};
    size_t closure_via = 0, formed_via = 0, crossing = 0;
    synth_waves_params p;
    synth_waves_params_default(&p);
    p.closure = closure;
    p.introductions = introductions;
    ecosys_graph_options before_opts = ECOSYS_GRAPH_OPTIONS_INIT;
    ecosys_graph_options after_opts = ECOSYS_GRAPH_OPTIONS_INIT;
    before_opts.at = SYNTH_WAVES_BEFORE_DATE;
    after_opts.at = SYNTH_WAVES_AFTER_DATE;
    ecosys_wave_test_options wo;
    assert_ok(ecosys_wave_test_options_init(&wo, ECOSYS_WAVE_TEST_OPTIONS_VERSION));
    wo.coordinator = SYNTH_WAVES_COORDINATOR_ID;
    wo.replicates = 0; /* the exact tests need no ensemble */
    wo.threads = 1;
    for (size_t i = 0; i < count; i++) {
        p.seed = SEED_BASE + i;
        ecosys_dataset *ds = NULL;
        synth_waves_info info;
        assert_ok(synth_waves_generate(&ds, &info, &p));
        assert_int_equal(info.introductions, introductions);
        ecosys_graph *before = NULL, *after = NULL;
        assert_ok(ecosys_graph_new(&before, ds, &before_opts));
        assert_ok(ecosys_graph_new(&after, ds, &after_opts));
        ecosys_wave_test t;
        assert_ok(ecosys_wave_test_run(&t, before, after, &wo));
        /* the generator's counts are the test's */
        assert_int_equal(t.ties_before, info.ties_before);
        assert_int_equal(t.dissolved, info.dissolved);
        assert_int_equal(t.formed, p.formed + introductions);
        assert_int_equal(t.coordinator_contacts, p.coordinator_degree);
        check_exact_result(&t.closure_via_coordinator);
        check_exact_result(&t.formed_via_coordinator);
        check_exact_result(&t.formed_crossing);
        closure_via += t.closure_via_coordinator.p_greater < ALPHA;
        formed_via += t.formed_via_coordinator.p_greater < ALPHA;
        crossing += t.formed_crossing.p_greater < ALPHA;
        ecosys_wave_test_dispose(&t);
        ecosys_graph_free(after);
        ecosys_graph_free(before);
        ecosys_dataset_free(ds);
    }
    out.closure_via = (double) closure_via / (double) count;
    out.formed_via = (double) formed_via / (double) count;
    out.crossing = (double) crossing / (double) count;
    printf("# closure %.1f, %zu introductions, %zu replicates: rejection rate at %.2f: "
           "closure_via_coordinator %.3f, formed_via_coordinator %.3f, formed_crossing %.3f\n",
           closure, introductions, count, ALPHA, out.closure_via, out.formed_via, out.crossing);
    return out;
}

/* No effect, no background closure: both coordinator tests keep their size. */
static void false_positives_without_closure(void **state)
{
    (void) state;
    int reduced;
    rates r = run_design(0.0, 0, replicates_for(500, &reduced));
    if (reduced)
        return;
    assert_true(r.closure_via >= 0.02 && r.closure_via <= 0.08);
    assert_true(r.formed_via >= 0.02 && r.formed_via <= 0.08);
    /* crossing ties are formed uniformly too */
    assert_true(r.crossing >= 0.02 && r.crossing <= 0.08);
}

/* No effect, 30% of the background ties close a triad: the closure-
 * conditional test keeps its size; the uniform-formation one does not
 * (pinned: it rejects in most replicates), which is why the closure-
 * conditional test exists and is the one to read first. */
static void false_positives_with_closure(void **state)
{
    (void) state;
    int reduced;
    rates r = run_design(0.3, 0, replicates_for(500, &reduced));
    if (reduced)
        return;
    assert_true(r.closure_via >= 0.02 && r.closure_via <= 0.08);
    assert_true(r.formed_via > 0.5);
}

/* The documented effect size: 10 introductions among 310 formed ties, on 200
 * actors, no background closure: power >= 0.8. */
static void power_at_ten_introductions(void **state)
{
    (void) state;
    int reduced;
    rates r = run_design(0.0, 10, replicates_for(200, &reduced));
    if (reduced)
        return;
    assert_true(r.closure_via >= 0.8);
    assert_true(r.formed_via >= 0.8);
}

/* With background closure the closure-conditional test needs more: 20
 * introductions give power >= 0.8. */
static void power_with_closure(void **state)
{
    (void) state;
    int reduced;
    rates r = run_design(0.3, 20, replicates_for(200, &reduced));
    if (reduced)
        return;
    assert_true(r.closure_via >= 0.8);
}

/* 5 introductions are below the documented power: the effect size is the
 * smallest round number that reaches 0.8. */
static void five_introductions_are_not_enough(void **state)
{
    (void) state;
    int reduced;
    rates r = run_design(0.0, 5, replicates_for(200, &reduced));
    if (reduced)
        return;
    assert_true(r.closure_via < 0.8);
}

/* The generator is reproducible and its counts are what it says. */
static void generator_reproducible(void **state)
{
    (void) state;
    synth_waves_params p;
    synth_waves_params_default(&p);
    p.closure = 0.3;
    p.introductions = 10;
    p.seed = 7;
    ecosys_dataset *a = NULL, *b = NULL;
    synth_waves_info ia, ib;
    assert_ok(synth_waves_generate(&a, &ia, &p));
    assert_ok(synth_waves_generate(&b, &ib, &p));
    assert_int_equal(ecosys_dataset_equal(NULL, a, b), 1);
    assert_int_equal(ecosys_dataset_actor_count(a), 200);
    assert_int_equal(ia.ties_before, 600);
    assert_int_equal(ia.dissolved, 180);
    assert_int_equal(ia.introductions, 10);
    assert_int_equal(ia.formed_closing, 90);
    assert_int_equal(ia.formed_uniform, 210);
    assert_int_equal(ecosys_dataset_tie_count(a), 600 + 10 + 300);
    p.seed = 8;
    ecosys_dataset *c = NULL;
    assert_ok(synth_waves_generate(&c, NULL, &p));
    assert_int_equal(ecosys_dataset_equal(NULL, a, c), 0);
    ecosys_dataset_free(c);
    ecosys_dataset_free(b);
    ecosys_dataset_free(a);

    ecosys_dataset *none = (ecosys_dataset *) 1;
    p.actors = 3;
    assert_int_equal(synth_waves_generate(&none, NULL, &p), ECOSYS_EINVAL);
    assert_null(none);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(generator_reproducible),
        cmocka_unit_test(false_positives_without_closure),
        cmocka_unit_test(false_positives_with_closure),
        cmocka_unit_test(power_at_ten_introductions),
        cmocka_unit_test(five_introductions_are_not_enough),
        cmocka_unit_test(power_with_closure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
