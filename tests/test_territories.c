/* Comparison between territories (ecosys/territories.h).
 *
 * Where each expected value comes from:
 * - the difference-in-differences on the 3-territory dataset below: by hand,
 *   every statistic of every territory's two graphs worked out beside the
 *   dataset, then the DiD formula;
 * - the permutation p-values: by hand for that dataset, and by enumerating
 *   the arrangements here (every territory in turn as the treated one) from
 *   the before/after values, independently of the library's reduction;
 * - the table: ecosys_null_test_run() on each territory's graph, built here
 *   with the territory filter, must give the same results bit for bit; and
 *   the same for 1, 2 and 4 threads. */
#include "test_support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-12

/* Three territories; before = snapshot at 2018-06-01, after at 2020-06-01.
 * Ties "P" persist (2018 -> no end), "B" are before only (2018 - 2018),
 * "A" after only (from 2020).
 *
 * T1: a(business) b(public) c(business) d(civil_society)
 *     before a-b P, b-c P, a-c B: a triangle; after a-b, b-c, c-d A, a-d A: a 4-cycle.
 *     density 3/6 -> 4/6 (change 1/6); E-I by sector: before a-b E, b-c E,
 *     a-c I: (2-1)/3 = 1/3 -> after 4 E, 0 I: 1 (change 2/3);
 *     transitivity 1 -> 0 (change -1).
 * T2: e(business) f(public) g(public)
 *     before e-f P; after e-f, f-g A.
 *     density 1/3 -> 2/3 (change 1/3); E-I 1 -> (1-1)/2 = 0 (change -1);
 *     transitivity NaN (no connected triple) -> 0 (change NaN).
 * T3: h(business) i(civil_society) j(civil_society) k(business)
 *     before h-i P, i-j P, j-k B: a path; after h-i, i-j, h-j A: a triangle and k alone.
 *     density 3/6 -> 3/6 (change 0); E-I (2-1)/3 -> (2-1)/3 (change 0);
 *     transitivity 0 -> 1 (change 1).
 * A persisting tie a-e between T1 and T2 is in neither territory's graph.
 *
 * DiD of T1 (comparisons T2, T3):
 *   density: 1/6 - (1/3 + 0)/2 = 0; as treated, T2: 1/3 - (1/6 + 0)/2 = 1/4,
 *     T3: 0 - (1/6 + 1/3)/2 = -1/4; p_greater = #{0, 1/4} / 3 = 2/3,
 *     p_less = #{0, -1/4} / 3 = 2/3.
 *   E-I: 2/3 - (-1 + 0)/2 = 7/6; T2: -1 - (2/3 + 0)/2 = -4/3; T3: 0 - (2/3 - 1)/2 = 1/6;
 *     p_greater = 1/3, p_less = 3/3.
 *   transitivity: T2's change is undefined, so the comparison is T3 alone:
 *     -1 - 1 = -2 (1 comparison); T2: NaN; T3: 1 - (-1) = 2 (its only defined
 *     comparison is T1); V = 2 arrangements, p_greater = 2/2, p_less = 1/2. */
static ecosys_dataset *three_territories(void)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    static const char *const actors[][3] = {
        {"a", "business", "T1"}, {"b", "public", "T1"},        {"c", "business", "T1"},
        {"d", "civil_society", "T1"}, {"e", "business", "T2"}, {"f", "public", "T2"},
        {"g", "public", "T2"},   {"h", "business", "T3"},      {"i", "civil_society", "T3"},
        {"j", "civil_society", "T3"}, {"k", "business", "T3"}};
    for (size_t i = 0; i < sizeof actors / sizeof actors[0]; i++) {
        ecosys_actor_info a = {actors[i][0], NULL, actors[i][1], actors[i][2], NULL};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &a));
    }
    /* source, target, kind: 'P', 'B' or 'A' */
    static const struct {
        size_t s, t;
        char kind;
    } ties[] = {{0, 1, 'P'}, {1, 2, 'P'}, {0, 2, 'B'}, {2, 3, 'A'}, {0, 3, 'A'},
                {4, 5, 'P'}, {5, 6, 'A'},
                {7, 8, 'P'}, {8, 9, 'P'}, {9, 10, 'B'}, {7, 9, 'A'},
                {0, 4, 'P'}};
    for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++) {
        ecosys_tie_info t = {ties[i].s, ties[i].t, 1.0, "project", "", "2018", ""};
        if (ties[i].kind == 'B')
            t.end = "2018";
        if (ties[i].kind == 'A')
            t.start = "2020";
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &t));
    }
    return ds;
}

static const ecosys_graph_options *snapshot(int after)
{
    static ecosys_graph_options o[2] = {ECOSYS_GRAPH_OPTIONS_INIT, ECOSYS_GRAPH_OPTIONS_INIT};
    o[0].at = "2018-06-01";
    o[1].at = "2020-06-01";
    return &o[after ? 1 : 0];
}

static const ecosys_statistic STATS[3] = {{ECOSYS_STATISTIC_DENSITY, NULL, NULL},
                                          {ECOSYS_STATISTIC_EI_INDEX, NULL, NULL},
                                          {ECOSYS_STATISTIC_TRANSITIVITY, NULL, NULL}};

/* The arrangements enumerated from before/after, independently of the
 * library: DiD_j = d_j - mean of the defined d_i, i != j; p-values count
 * the defined DiD_j >= (<=) DiD_T. */
static void check_by_enumeration(const ecosys_territory_did *r)
{
    const size_t K = r->territory_count, S = r->statistic_count;
    for (size_t s = 0; s < S; s++) {
        double did[16] = {0};
        assert_true(K <= 16);
        for (size_t j = 0; j < K; j++) {
            double dj = r->after[j * S + s] - r->before[j * S + s], sum = 0;
            size_t count = 0;
            for (size_t i = 0; i < K; i++) {
                double di = r->after[i * S + s] - r->before[i * S + s];
                if (i != j && !isnan(di)) {
                    sum += di;
                    count++;
                }
            }
            did[j] = count ? dj - sum / (double) count : NAN;
            assert_close(r->did_as_treated[j * S + s], did[j], EXACT);
        }
        double x = did[r->treated];
        size_t valid = 0, ge = 0, le = 0;
        for (size_t j = 0; j < K; j++) {
            if (isnan(did[j]))
                continue;
            valid++;
            ge += did[j] >= x - 1e-9;
            le += did[j] <= x + 1e-9;
        }
        assert_int_equal(r->results[s].arrangements, valid);
        double pg = isnan(x) ? NAN : (double) ge / (double) valid;
        double pl = isnan(x) ? NAN : (double) le / (double) valid;
        assert_close(r->results[s].p_greater, pg, EXACT);
        assert_close(r->results[s].p_less, pl, EXACT);
        assert_close(r->results[s].did, x, EXACT);
    }
}

static void did_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    ecosys_territory_did r;
    assert_ok(ecosys_territory_did_run(&r, ds, snapshot(0), snapshot(1), "T1", STATS, 3, NULL));
    assert_int_equal(r.territory_count, 3);
    assert_string_equal(r.territories[0], "T1");
    assert_string_equal(r.territories[1], "T2");
    assert_string_equal(r.territories[2], "T3");
    assert_int_equal(r.treated, 0);
    assert_int_equal(r.statistic_count, 3);
    /* graphs: the a-e tie is in neither territory */
    const size_t actors[3] = {4, 3, 4}, before_ties[3] = {3, 1, 3}, after_ties[3] = {4, 2, 3};
    ecosys_test_sizes_equal(r.actors_before, actors, 3);
    ecosys_test_sizes_equal(r.actors_after, actors, 3);
    ecosys_test_sizes_equal(r.ties_before, before_ties, 3);
    ecosys_test_sizes_equal(r.ties_after, after_ties, 3);
    /* K x S values, rows T1 T2 T3, columns density, E-I, transitivity */
    const double before[9] = {3.0 / 6, 1.0 / 3, 1.0, 1.0 / 3, 1.0, NAN, 3.0 / 6, 1.0 / 3, 0.0};
    const double after[9] = {4.0 / 6, 1.0, 0.0, 2.0 / 3, 0.0, 0.0, 3.0 / 6, 1.0 / 3, 1.0};
    assert_vector_close(r.before, before, 9, EXACT);
    assert_vector_close(r.after, after, 9, EXACT);
    const double did_as_treated[9] = {0.0, 7.0 / 6, -2.0, 0.25, -4.0 / 3, NAN,
                                      -0.25, 1.0 / 6, 2.0};
    assert_vector_close(r.did_as_treated, did_as_treated, 9, EXACT);

    const ecosys_territory_did_result *d = r.results;
    assert_int_equal(d[0].kind, ECOSYS_STATISTIC_DENSITY);
    assert_close(d[0].treated_change, 1.0 / 6, EXACT);
    assert_close(d[0].comparison_change, 1.0 / 6, EXACT);
    assert_close(d[0].did, 0.0, EXACT);
    assert_close(d[0].p_greater, 2.0 / 3, EXACT);
    assert_close(d[0].p_less, 2.0 / 3, EXACT);
    assert_int_equal(d[0].comparisons, 2);
    assert_int_equal(d[0].arrangements, 3);

    assert_int_equal(d[1].kind, ECOSYS_STATISTIC_EI_INDEX);
    assert_close(d[1].treated_change, 2.0 / 3, EXACT);
    assert_close(d[1].comparison_change, -0.5, EXACT);
    assert_close(d[1].did, 7.0 / 6, EXACT);
    assert_close(d[1].p_greater, 1.0 / 3, EXACT);
    assert_close(d[1].p_less, 1.0, EXACT);

    assert_close(d[2].treated_change, -1.0, EXACT);
    assert_close(d[2].comparison_change, 1.0, EXACT);
    assert_close(d[2].did, -2.0, EXACT);
    assert_int_equal(d[2].comparisons, 1);
    assert_int_equal(d[2].arrangements, 2);
    assert_close(d[2].p_greater, 1.0, EXACT);
    assert_close(d[2].p_less, 0.5, EXACT);
    check_by_enumeration(&r);
    ecosys_territory_did_dispose(&r);

    /* T2 treated: its transitivity change is undefined, so is its DiD */
    assert_ok(ecosys_territory_did_run(&r, ds, snapshot(0), snapshot(1), "T2", STATS, 3, NULL));
    assert_int_equal(r.treated, 1);
    assert_close(r.results[0].did, 0.25, EXACT);
    assert_close(r.results[1].did, -4.0 / 3, EXACT);
    assert_close(r.results[1].p_less, 1.0 / 3, EXACT);
    assert_true(isnan(r.results[2].did) && isnan(r.results[2].p_greater));
    check_by_enumeration(&r);
    ecosys_territory_did_dispose(&r);
    ecosys_territory_did_dispose(&r); /* twice is fine */
    ecosys_dataset_free(ds);
}

/* A subset of territories, in the options' order; a custom statistic. */
static int tie_count_stat(double *out, const ecosys_graph_view *view, void *user)
{
    (void) user;
    *out = (double) view->tie_count;
    return 0;
}

static int failing_stat(double *out, const ecosys_graph_view *view, void *user)
{
    (void) out;
    (void) view;
    (void) user;
    return 7;
}

static void did_options(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    ecosys_territory_options o;
    assert_ok(ecosys_territory_options_init(&o, ECOSYS_TERRITORY_OPTIONS_VERSION));
    const char *const names[2] = {"T3", "T1"};
    o.territories = names;
    o.territory_count = 2;
    ecosys_statistic stats[2] = {{ECOSYS_STATISTIC_DENSITY, NULL, NULL},
                                 {ECOSYS_STATISTIC_CUSTOM, tie_count_stat, NULL}};
    ecosys_territory_did r;
    assert_ok(ecosys_territory_did_run(&r, ds, snapshot(0), snapshot(1), "T1", stats, 2, &o));
    assert_int_equal(r.territory_count, 2);
    assert_string_equal(r.territories[0], "T3");
    assert_int_equal(r.treated, 1);
    /* density: 1/6 - 0; DiD of T3 as treated: 0 - 1/6 */
    assert_close(r.results[0].did, 1.0 / 6, EXACT);
    assert_close(r.results[0].p_greater, 0.5, EXACT);
    assert_close(r.results[0].p_less, 1.0, EXACT);
    /* ties: T1 3 -> 4, T3 3 -> 3: DiD 1 */
    assert_int_equal(r.results[1].kind, ECOSYS_STATISTIC_CUSTOM);
    assert_close(r.results[1].did, 1.0, EXACT);
    check_by_enumeration(&r);
    ecosys_territory_did_dispose(&r);

    /* groups by territory: every tie internal, E-I -1 everywhere, DiD 0 */
    o.territories = NULL;
    o.group = "territory";
    ecosys_statistic ei = {ECOSYS_STATISTIC_EI_INDEX, NULL, NULL};
    assert_ok(ecosys_territory_did_run(&r, ds, snapshot(0), snapshot(1), "T3", &ei, 1, &o));
    assert_close(r.results[0].did, 0.0, EXACT);
    assert_close(r.results[0].p_greater, 1.0, EXACT);
    ecosys_territory_did_dispose(&r);
    ecosys_dataset_free(ds);
}

static void did_errors(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    ecosys_territory_did r;
    ecosys_territory_options o = ECOSYS_TERRITORY_OPTIONS_INIT;
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T9", STATS, 3, NULL),
                     ECOSYS_ENOTFOUND);
    assert_null(r.territories);
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", STATS, 0, NULL),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_territory_did_run(&r, NULL, NULL, NULL, "T1", STATS, 3, NULL),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_territory_did_run(NULL, ds, NULL, NULL, "T1", STATS, 3, NULL),
                     ECOSYS_EINVAL);
    const char *const dup[2] = {"T1", "T1"}, *const unknown[2] = {"T1", "Nowhere"},
                      *const one[1] = {"T1"};
    o.territories = dup;
    o.territory_count = 2;
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", STATS, 3, &o),
                     ECOSYS_EINVAL);
    o.territories = unknown;
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", STATS, 3, &o),
                     ECOSYS_ENOTFOUND);
    assert_non_null(strstr(ecosys_error_last()->message, "Nowhere"));
    o.territories = one;
    o.territory_count = 1;
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", STATS, 3, &o),
                     ECOSYS_EINVAL);
    o.territories = NULL;
    o.group = "no_such_attribute";
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", STATS, 3, &o),
                     ECOSYS_EINVAL);
    o.group = NULL;
    o.version = 99;
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", STATS, 3, &o),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_territory_options_init(&o, 99), ECOSYS_EINVAL);
    assert_int_equal(ecosys_territory_options_init(NULL, ECOSYS_TERRITORY_OPTIONS_VERSION),
                     ECOSYS_EINVAL);
    ecosys_statistic bad[2] = {{ECOSYS_STATISTIC_CUSTOM, NULL, NULL},
                               {(ecosys_statistic_kind) 42, NULL, NULL}};
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", bad, 1, NULL),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", bad + 1, 1, NULL),
                     ECOSYS_EINVAL);
    ecosys_statistic failing = {ECOSYS_STATISTIC_CUSTOM, failing_stat, NULL};
    assert_int_equal(ecosys_territory_did_run(&r, ds, NULL, NULL, "T1", &failing, 1, NULL),
                     ECOSYS_ECOMPUTE);
    ecosys_graph_options at_and_from = ECOSYS_GRAPH_OPTIONS_INIT;
    at_and_from.at = "2019";
    at_and_from.from = "2018";
    assert_int_equal(ecosys_territory_did_run(&r, ds, &at_and_from, NULL, "T1", STATS, 3, NULL),
                     ECOSYS_EINVAL);
    ecosys_territory_did_dispose(NULL);
    ecosys_territory_table_dispose(NULL);
    ecosys_dataset_free(ds);
}

/* ---- progress and cancellation ------------------------------------------------ */

typedef struct progress_log {
    size_t calls, last_done, last_total, cancel_at;
    int decreasing;
} progress_log;

static int log_progress(size_t done, size_t total, void *user)
{
    progress_log *log = user;
    if (log->calls > 0 && done < log->last_done)
        log->decreasing = 1;
    log->calls++;
    log->last_done = done;
    log->last_total = total;
    return log->cancel_at && log->calls >= log->cancel_at;
}

static void progress_and_cancel(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    ecosys_territory_options o = ECOSYS_TERRITORY_OPTIONS_INIT;
    progress_log log = {0, 0, 0, 0, 0};
    o.progress = log_progress;
    o.progress_user = &log;
    ecosys_territory_did r;
    assert_ok(ecosys_territory_did_run(&r, ds, snapshot(0), snapshot(1), "T1", STATS, 3, &o));
    assert_int_equal(log.calls, 4); /* 0, 2, 4, 6 */
    assert_int_equal(log.last_done, 6);
    assert_int_equal(log.last_total, 6);
    assert_false(log.decreasing);
    ecosys_territory_did_dispose(&r);

    log = (progress_log){0, 0, 0, 2, 0};
    assert_int_equal(ecosys_territory_did_run(&r, ds, snapshot(0), snapshot(1), "T1", STATS, 3,
                                              &o),
                     ECOSYS_ECANCELLED);
    assert_null(r.territories);
    assert_int_equal(ecosys_error_last()->code, ECOSYS_ECANCELLED);

    ecosys_territory_table t;
    log = (progress_log){0, 0, 0, 0, 0};
    o.replicates = 50;
    o.threads = 2;
    assert_ok(ecosys_territory_table_run(&t, ds, snapshot(1), STATS, 3, &o));
    assert_true(log.calls >= 2);
    assert_int_equal(log.last_done, 150);
    assert_int_equal(log.last_total, 150);
    assert_false(log.decreasing);
    ecosys_territory_table_dispose(&t);

    log = (progress_log){0, 0, 0, 1, 0};
    assert_int_equal(ecosys_territory_table_run(&t, ds, snapshot(1), STATS, 3, &o),
                     ECOSYS_ECANCELLED);
    assert_null(t.results);
    ecosys_dataset_free(ds);
}

/* ---- the table ------------------------------------------------------------------- */

static void assert_same_result(const ecosys_null_result *a, const ecosys_null_result *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->replicates, b->replicates);
    assert_int_equal(a->valid, b->valid);
    assert_true(a->seed == b->seed);
    const double x[6] = {a->observed, a->mean, a->sd, a->z, a->p_greater, a->p_less};
    const double y[6] = {b->observed, b->mean, b->sd, b->z, b->p_greater, b->p_less};
    for (int i = 0; i < 6; i++)
        assert_true((isnan(x[i]) && isnan(y[i])) || x[i] == y[i]);
}

static void table_equals_null_test(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    static const ecosys_statistic stats[4] = {{ECOSYS_STATISTIC_DENSITY, NULL, NULL},
                                              {ECOSYS_STATISTIC_EI_INDEX, NULL, NULL},
                                              {ECOSYS_STATISTIC_TRANSITIVITY, NULL, NULL},
                                              {ECOSYS_STATISTIC_DEGREE_CENTRALIZATION, NULL,
                                               NULL}};
    const ecosys_null_model models[3] = {ECOSYS_NULL_UNIFORM, ECOSYS_NULL_PERMUTATION,
                                         ECOSYS_NULL_REWIRING};
    for (int m = 0; m < 3; m++) {
        ecosys_territory_options o = ECOSYS_TERRITORY_OPTIONS_INIT;
        o.model = models[m];
        o.replicates = 200;
        o.seed = 42;
        o.threads = 1;
        ecosys_territory_table t;
        assert_ok(ecosys_territory_table_run(&t, ds, snapshot(1), stats, 4, &o));
        assert_int_equal(t.territory_count, 3);
        assert_int_equal(t.statistic_count, 4);
        assert_int_equal(t.replicates, 200);
        assert_true(t.seed == 42);
        assert_int_equal(t.model, models[m]);
        const size_t actors[3] = {4, 3, 4}, ties[3] = {4, 2, 3};
        ecosys_test_sizes_equal(t.actor_counts, actors, 3);
        ecosys_test_sizes_equal(t.tie_counts, ties, 3);
        for (size_t k = 0; k < 3; k++) {
            ecosys_graph_options go = *snapshot(1);
            go.territory = t.territories[k];
            ecosys_graph *g = NULL;
            ecosys_partition *p = NULL;
            assert_ok(ecosys_graph_new(&g, ds, &go));
            assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
            ecosys_null_options no = ECOSYS_NULL_OPTIONS_INIT;
            no.model = models[m];
            no.replicates = 200;
            no.seed = 42;
            no.threads = 1;
            ecosys_null_test nt;
            assert_ok(ecosys_null_test_run(&nt, g, p, stats, 4, &no));
            for (size_t s = 0; s < 4; s++)
                assert_same_result(&t.results[k * 4 + s], &nt.results[s]);
            ecosys_null_test_dispose(&nt);
            ecosys_partition_free(p);
            ecosys_graph_free(g);
        }
        /* observed values: the after column of the DiD by hand */
        assert_close(t.results[0 * 4 + 0].observed, 4.0 / 6, EXACT);
        assert_close(t.results[1 * 4 + 1].observed, 0.0, EXACT);
        assert_close(t.results[2 * 4 + 2].observed, 1.0, EXACT);
        ecosys_territory_table_dispose(&t);
    }
    ecosys_dataset_free(ds);
}

/* The same table for 1, 2 and 4 threads, bit for bit. */
static void table_threads_reproducible(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    ecosys_territory_options o = ECOSYS_TERRITORY_OPTIONS_INIT;
    o.model = ECOSYS_NULL_REWIRING;
    o.replicates = 300;
    o.seed = 7;
    ecosys_territory_table ref;
    o.threads = 1;
    assert_ok(ecosys_territory_table_run(&ref, ds, NULL, STATS, 3, &o));
    const unsigned int threads[3] = {2, 4, 0};
    for (int i = 0; i < 3; i++) {
        ecosys_territory_table t;
        o.threads = threads[i];
        assert_ok(ecosys_territory_table_run(&t, ds, NULL, STATS, 3, &o));
        for (size_t k = 0; k < 9; k++)
            assert_same_result(&t.results[k], &ref.results[k]);
        ecosys_territory_table_dispose(&t);
    }
    ecosys_territory_table_dispose(&ref);

    /* and a DiD never depends on the options' ensemble fields */
    ecosys_territory_did a, b;
    o.threads = 1;
    assert_ok(ecosys_territory_did_run(&a, ds, snapshot(0), snapshot(1), "T3", STATS, 3, &o));
    o.threads = 3;
    o.seed = 99;
    assert_ok(ecosys_territory_did_run(&b, ds, snapshot(0), snapshot(1), "T3", STATS, 3, &o));
    assert_memory_equal(a.did_as_treated, b.did_as_treated, 9 * sizeof(double));
    ecosys_territory_did_dispose(&a);
    ecosys_territory_did_dispose(&b);
    ecosys_dataset_free(ds);
}

static void table_errors(void **state)
{
    (void) state;
    ecosys_dataset *ds = three_territories();
    ecosys_territory_table t;
    ecosys_territory_options o = ECOSYS_TERRITORY_OPTIONS_INIT;
    o.replicates = 0;
    assert_int_equal(ecosys_territory_table_run(&t, ds, NULL, STATS, 3, &o), ECOSYS_EINVAL);
    o.replicates = 10;
    o.model = (ecosys_null_model) 9;
    assert_int_equal(ecosys_territory_table_run(&t, ds, NULL, STATS, 3, &o), ECOSYS_EINVAL);
    assert_null(t.results);
    o.model = ECOSYS_NULL_UNIFORM;
    assert_int_equal(ecosys_territory_table_run(&t, ds, NULL, NULL, 3, &o), ECOSYS_EINVAL);
    ecosys_dataset *empty = NULL;
    assert_ok(ecosys_dataset_new(&empty, 0));
    assert_int_equal(ecosys_territory_table_run(&t, empty, NULL, STATS, 3, &o), ECOSYS_EINVAL);
    ecosys_dataset_free(empty);
    /* one territory is a table */
    const char *const one[1] = {"T2"};
    o.territories = one;
    o.territory_count = 1;
    assert_ok(ecosys_territory_table_run(&t, ds, NULL, STATS, 3, &o));
    assert_int_equal(t.territory_count, 1);
    assert_string_equal(t.territories[0], "T2");
    ecosys_territory_table_dispose(&t);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(did_by_hand),
        cmocka_unit_test(did_options),
        cmocka_unit_test(did_errors),
        cmocka_unit_test(progress_and_cancel),
        cmocka_unit_test(table_equals_null_test),
        cmocka_unit_test(table_threads_reproducible),
        cmocka_unit_test(table_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
