/* Significance of a wave comparison (ecosys/wavetest.h).
 *
 * Where each expected value comes from:
 * - hypergeometric probabilities and tails: every subset of a tiny
 *   population enumerated here (bit masks), and exact rational values
 *   computed with Python's fractions and math.comb for populations up to
 *   10^12 (tests/data/expected/reference_wave_test.py, which generated
 *   reference_wave_test.h);
 * - the hand-made waves: counts and probabilities worked out by hand in the
 *   comments beside them (C(n, k) written out);
 * - the change tests' null: every placement of the change enumerated here
 *   (all d-subsets of the before ties times all f-subsets of the untied
 *   dyads), the statistics recomputed by brute force on an adjacency
 *   matrix; a seeded ensemble must match the exact mean and sd within a
 *   few standard errors;
 * - Clermont: the counts of the independent wave comparison
 *   (ecosys_waves_compare(), tests/test_waves.c checks it against NetworkX).
 */
#include "test_support.h"

/* The hypergeometric code has no dependency: compiled in, to test it at
 * populations no graph of a unit test reaches. */
#include "../lib/dynamics/hypergeometric.c"

#include "data/expected/reference_wave_test.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-12

static void assert_relative(double actual, double expected, double tolerance)
{
    double scale = fabs(expected) > 1e-300 ? fabs(expected) : 1e-300;
    if (!(fabs(actual - expected) <= tolerance * scale))
        fail_msg("%.17g, expected %.17g (relative tolerance %g)", actual, expected, tolerance);
}

/* ---- hypergeometric: enumeration and exact rationals --------------------------------- */

static double choose(unsigned n, unsigned k)
{
    double c = 1;
    for (unsigned i = 0; i < k; i++)
        c = c * (n - i) / (i + 1);
    return c;
}

static void hypergeometric_by_enumeration(void **state)
{
    (void) state;
    /* Every population of N <= 10 items, the first K marked, every draw
     * size f: count the f-subsets (bit masks) by the marked items they
     * hold. */
    for (unsigned N = 1; N <= 10; N++) {
        for (unsigned K = 0; K <= N; K++) {
            for (unsigned f = 0; f <= N; f++) {
                double count[11] = {0};
                double total = 0;
                for (unsigned mask = 0; mask < (1u << N); mask++) {
                    if ((unsigned) __builtin_popcount(mask) != f)
                        continue;
                    count[__builtin_popcount(mask & ((1u << K) - 1))]++;
                    total++;
                }
                assert_close(total, choose(N, f), 0);
                for (unsigned x = 0; x <= f; x++) {
                    double greater = 0, less = 0;
                    for (unsigned k = 0; k <= f; k++) {
                        if (k >= x)
                            greater += count[k] / total;
                        if (k <= x)
                            less += count[k] / total;
                    }
                    double pmf = exp(ecosys_i_hypergeometric_log_pmf(x, N, K, f));
                    assert_close(pmf, count[x] / total, 1e-13);
                    ecosys_i_hypergeometric h;
                    ecosys_i_hypergeometric_test(&h, x, N, K, f);
                    assert_close(h.p_greater, greater, 1e-13);
                    assert_close(h.p_less, less, 1e-13);
                    double mean = 0, square = 0;
                    for (unsigned k = 0; k <= f; k++) {
                        mean += k * count[k] / total;
                        square += (double) k * k * count[k] / total;
                    }
                    assert_close(h.mean, mean, 1e-12);
                    assert_close(h.sd, sqrt(fmax(0, square - mean * mean)), 1e-7);
                }
            }
        }
    }
}

static void hypergeometric_exact_rationals(void **state)
{
    (void) state;
    size_t count = sizeof reference_hypergeometric / sizeof reference_hypergeometric[0];
    for (size_t i = 0; i < count; i++) {
        const struct hypergeometric_case *c = &reference_hypergeometric[i];
        ecosys_i_hypergeometric h;
        ecosys_i_hypergeometric_test(&h, c->x, c->N, c->K, c->f);
        assert_relative(h.mean, c->mean, 1e-14);
        assert_relative(h.sd, c->sd, 1e-12);
        /* 1e-13 relative down to tails of 1e-15, for N up to 10^12 */
        assert_relative(h.p_greater, c->p_greater, 1e-13);
        assert_relative(h.p_less, c->p_less, 1e-13);
    }
}

/* ---- hand-made waves ----------------------------------------------------------------- */

/* Six actors in three sectors: 0 1 (A), 2 3 (B), 4 5 (C); coordinator "0".
 * Before: 0-1 0-2 0-3 2-4.  After: 0-1 0-2 0-3 1-2 2-3 4-5 1-5.
 * Formed f = 4 (1-2 2-3 4-5 1-5), dissolved d = 1 (2-4).
 * D = 15 dyads, N = 15 - 4 = 11 untied before. */
static const char *const hand_sectors[6] = {"A", "A", "B", "B", "C", "C"};
static const size_t hand_before[4][2] = {{0, 1}, {0, 2}, {0, 3}, {2, 4}};
static const size_t hand_after[7][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {2, 3}, {4, 5}, {1, 5}};

typedef struct hand_waves {
    ecosys_dataset *ds[2];
    ecosys_graph *g[2];
} hand_waves;

static void hand_open(hand_waves *h, const size_t (*before)[2], size_t m0,
                      const size_t (*after)[2], size_t m1, size_t n, const char *const *sectors,
                      int directed)
{
    h->ds[0] = ecosys_test_dataset(n, before, m0, NULL, directed, sectors);
    h->ds[1] = ecosys_test_dataset(n, after, m1, NULL, directed, sectors);
    for (int i = 0; i < 2; i++)
        assert_ok(ecosys_graph_new(&h->g[i], h->ds[i], NULL));
}

static void hand_close(hand_waves *h)
{
    for (int i = 0; i < 2; i++) {
        ecosys_graph_free(h->g[i]);
        ecosys_dataset_free(h->ds[i]);
    }
}

static ecosys_wave_test_options options_for(const char *coordinator, size_t replicates,
                                            uint64_t seed, unsigned int threads)
{
    ecosys_wave_test_options o;
    assert_ok(ecosys_wave_test_options_init(&o, ECOSYS_WAVE_TEST_OPTIONS_VERSION));
    o.coordinator = coordinator;
    o.replicates = replicates;
    o.seed = seed;
    o.threads = threads;
    return o;
}

static void check_exact(const ecosys_null_result *r, double observed, double mean, double sd,
                        double p_greater, double p_less)
{
    assert_int_equal(r->kind, ECOSYS_STATISTIC_CUSTOM);
    assert_int_equal(r->replicates, 0);
    assert_close(r->observed, observed, 0);
    assert_close(r->mean, mean, EXACT);
    assert_close(r->sd, sd, EXACT);
    assert_close(r->z, sd > 0 ? (observed - mean) / sd : NAN, 1e-10);
    assert_close(r->p_greater, p_greater, EXACT);
    assert_close(r->p_less, p_less, EXACT);
}

static void hand_made_counts(void **state)
{
    (void) state;
    hand_waves h;
    hand_open(&h, hand_before, 4, hand_after, 7, 6, hand_sectors, 0);
    ecosys_wave_test_options o = options_for("0", 0, 1, 1);
    ecosys_wave_test t;
    assert_ok(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o));
    assert_int_equal(t.formed, 4);
    assert_int_equal(t.dissolved, 1);
    assert_int_equal(t.candidate_dyads, 11);
    assert_int_equal(t.ties_before, 4);
    assert_int_equal(t.ties_after, 7);
    assert_int_equal(t.statistic_count, 0); /* replicates 0: no change tests */
    assert_null(t.changes);

    /* Crossing: 3 within-sector dyads (0-1 2-3 4-5), 12 across, of which
     * 0-2 0-3 2-4 tied before: K = 9. Formed across: 1-2, 1-5, x = 2.
     * Support of hypergeometric(11, 9, 4) starts at 4 - 2 = 2:
     * P(X >= 2) = 1, P(X <= 2) = P(X = 2) = C(9,2) C(2,2) / C(11,4) = 36/330.
     * mean 4 x 9/11 = 36/11; var 4 (9/11)(2/11)(7/10) = 504/1210. */
    assert_int_equal(t.crossing_candidates, 9);
    check_exact(&t.formed_crossing, 2, 36.0 / 11, sqrt(504.0 / 1210), 1, 36.0 / 330);

    /* Coordinator 0: contacts 1 2 3 (k_c = 3), their 3 pairs untied before:
     * K = 3; formed among them: 1-2 2-3, x = 2.
     * P(X >= 2) = (C(3,2) C(8,2) + C(3,3) C(8,1)) / C(11,4) = (84 + 8)/330;
     * P(X <= 2) = 1 - 8/330. mean 12/11; var 4 (3/11)(8/11)(7/10) = 672/1210. */
    assert_int_equal(t.coordinator, 0);
    assert_int_equal(t.coordinator_contacts, 3);
    assert_int_equal(t.coordinator_candidates, 3);
    check_exact(&t.formed_via_coordinator, 2, 12.0 / 11, sqrt(672.0 / 1210), 92.0 / 330,
                322.0 / 330);

    /* Closure: untied dyads with a common neighbour before: 1-2 1-3 2-3
     * (through 0) and 0-4 (through 2): N' = 4. Formed ties closing a triad:
     * 1-2 and 2-3 (4-5 and 1-5 do not): T = 2, both through 0.
     * hypergeometric(4, 3, 2) at 2: P(X = 2) = C(3,2) C(1,0)/C(4,2) = 1/2;
     * mean 3/2; var 2 (3/4)(1/4)(2/3) = 1/4. */
    assert_int_equal(t.closing_candidates, 4);
    assert_int_equal(t.formed_closing_triad, 2);
    check_exact(&t.closure_via_coordinator, 2, 1.5, 0.5, 0.5, 1);

    /* The statistics of both waves, by hand:
     * density 4/15 -> 7/15; E-I (E=3, I=1) 0.5 -> (E=4, I=3) 1/7;
     * transitivity 0 -> 2 triangles (0-1-2, 0-2-3), 11 triples: 6/11. */
    assert_close(t.before_values[ECOSYS_STATISTIC_DENSITY], 4.0 / 15, EXACT);
    assert_close(t.after_values[ECOSYS_STATISTIC_DENSITY], 7.0 / 15, EXACT);
    assert_close(t.before_values[ECOSYS_STATISTIC_EI_INDEX], 0.5, EXACT);
    assert_close(t.after_values[ECOSYS_STATISTIC_EI_INDEX], 1.0 / 7, EXACT);
    assert_close(t.before_values[ECOSYS_STATISTIC_TRANSITIVITY], 0, EXACT);
    assert_close(t.after_values[ECOSYS_STATISTIC_TRANSITIVITY], 6.0 / 11, EXACT);
    ecosys_wave_test_dispose(&t);

    /* Without coordinator: its two tests are NaN, the rest unchanged. */
    o.coordinator = NULL;
    assert_ok(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o));
    assert_true(isnan(t.formed_via_coordinator.observed));
    assert_true(isnan(t.closure_via_coordinator.p_greater));
    assert_true(t.coordinator == (size_t) -1);
    assert_close(t.formed_crossing.p_less, 36.0 / 330, EXACT);
    ecosys_wave_test_dispose(&t);
    ecosys_wave_test_dispose(&t); /* twice is harmless */
    hand_close(&h);
}

static void directed_counts(void **state)
{
    (void) state;
    /* Directed, 4 actors (sectors A A B B), coordinator "0".
     * Before: 0->1 0->2 1->0. After: 0->1 1->0 1->2 2->1 3->0.
     * D = 12 ordered pairs, N = 9. Formed: 1->2 2->1 3->0 (f = 3);
     * dissolved 0->2 (d = 1). Crossing: 8 ordered pairs across sectors,
     * 0->2 tied before: K = 7; formed across: 1->2 2->1 3->0, x = 3.
     * Contacts of 0 (direction ignored): 1 2; ordered pairs 1->2 2->1, none
     * tied before: K = 2; formed: both, x = 2. Closable: pairs with a common
     * neighbour (through 0): 1->2 2->1: N' = 2; T = 2 (3->0: 3 has no
     * neighbour).
     * hypergeometric(9, 7, 3) at 3: P(X=3) = C(7,3)/C(9,3) = 35/84.
     * hypergeometric(9, 2, 3) at 2: P(X=2) = C(2,2) C(7,1)/84 = 7/84.
     * hypergeometric(2, 2, 2) at 2: point mass. */
    static const char *const sectors[4] = {"A", "A", "B", "B"};
    static const size_t before[3][2] = {{0, 1}, {0, 2}, {1, 0}};
    static const size_t after[5][2] = {{0, 1}, {1, 0}, {1, 2}, {2, 1}, {3, 0}};
    hand_waves h;
    hand_open(&h, before, 3, after, 5, 4, sectors, 1);
    ecosys_wave_test_options o = options_for("0", 200, 3, 2);
    ecosys_wave_test t;
    assert_ok(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o));
    assert_int_equal(t.formed, 3);
    assert_int_equal(t.dissolved, 1);
    assert_int_equal(t.candidate_dyads, 9);
    assert_int_equal(t.crossing_candidates, 7);
    assert_close(t.formed_crossing.p_greater, 35.0 / 84, EXACT);
    assert_close(t.formed_crossing.p_less, 1, EXACT);
    assert_int_equal(t.coordinator_candidates, 2);
    assert_close(t.formed_via_coordinator.p_greater, 7.0 / 84, EXACT);
    assert_int_equal(t.closing_candidates, 2);
    assert_int_equal(t.formed_closing_triad, 2);
    assert_close(t.closure_via_coordinator.p_greater, 1, EXACT);
    assert_close(t.closure_via_coordinator.p_less, 1, EXACT);
    assert_close(t.closure_via_coordinator.sd, 0, 0);
    assert_true(isnan(t.closure_via_coordinator.z));
    assert_int_equal(t.statistic_count, 6);
    ecosys_wave_test_dispose(&t);
    hand_close(&h);
}

/* ---- the change tests against enumeration ---------------------------------------------- */

/* Brute force on an adjacency matrix of at most 8 actors. */
typedef struct matrix {
    size_t n;
    unsigned char a[8][8];
} matrix;

static double brute_ei(const matrix *x, const size_t *group)
{
    double e = 0, i = 0;
    for (size_t u = 0; u < x->n; u++)
        for (size_t v = u + 1; v < x->n; v++)
            if (x->a[u][v]) {
                if (group[u] == group[v])
                    i++;
                else
                    e++;
            }
    return e + i > 0 ? (e - i) / (e + i) : NAN;
}

static double brute_transitivity(const matrix *x)
{
    double closed = 0, triples = 0;
    for (size_t v = 0; v < x->n; v++)
        for (size_t u = 0; u < x->n; u++)
            for (size_t w = u + 1; w < x->n; w++)
                if (u != v && w != v && x->a[v][u] && x->a[v][w]) {
                    triples++;
                    closed += x->a[u][w];
                }
    return triples > 0 ? closed / triples : NAN;
}

/* Exact mean and sd (population) of each brute statistic minus its value
 * on the before graph, over every placement of the change. */
static void enumerate_changes(double mean[2], double sd[2], const size_t (*before)[2], size_t m,
                              size_t n, const size_t *group, size_t d, size_t f)
{
    matrix base = {n, {{0}}};
    for (size_t e = 0; e < m; e++)
        base.a[before[e][0]][before[e][1]] = base.a[before[e][1]][before[e][0]] = 1;
    size_t cand[28][2], N = 0;
    for (size_t u = 0; u < n; u++)
        for (size_t v = u + 1; v < n; v++)
            if (!base.a[u][v]) {
                cand[N][0] = u;
                cand[N][1] = v;
                N++;
            }
    double b[2] = {brute_ei(&base, group), brute_transitivity(&base)};
    double sum[2] = {0, 0}, squares[2] = {0, 0}, count = 0;
    for (unsigned rm = 0; rm < (1u << m); rm++) {
        if ((size_t) __builtin_popcount(rm) != d)
            continue;
        for (unsigned add = 0; add < (1u << N); add++) {
            if ((size_t) __builtin_popcount(add) != f)
                continue;
            matrix x = base;
            for (size_t e = 0; e < m; e++)
                if (rm & (1u << e))
                    x.a[before[e][0]][before[e][1]] = x.a[before[e][1]][before[e][0]] = 0;
            for (size_t c = 0; c < N; c++)
                if (add & (1u << c))
                    x.a[cand[c][0]][cand[c][1]] = x.a[cand[c][1]][cand[c][0]] = 1;
            double v[2] = {brute_ei(&x, group) - b[0], brute_transitivity(&x) - b[1]};
            for (int s = 0; s < 2; s++) {
                sum[s] += v[s];
                squares[s] += v[s] * v[s];
            }
            count++;
        }
    }
    for (int s = 0; s < 2; s++) {
        mean[s] = sum[s] / count;
        sd[s] = sqrt(fmax(0, squares[s] / count - mean[s] * mean[s]));
    }
}

static void check_against_enumeration(const size_t (*before)[2], size_t m0,
                                      const size_t (*after)[2], size_t m1, size_t n,
                                      const char *const *sectors, const size_t *group)
{
    hand_waves h;
    hand_open(&h, before, m0, after, m1, n, sectors, 0);
    size_t R = 20000;
    ecosys_wave_test_options o = options_for(NULL, R, 11, 4);
    ecosys_wave_test t;
    assert_ok(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o));
    double mean[2], sd[2];
    enumerate_changes(mean, sd, before, m0, n, group, t.dissolved, t.formed);
    const ecosys_null_result *r[2] = {&t.changes[ECOSYS_STATISTIC_EI_INDEX],
                                      &t.changes[ECOSYS_STATISTIC_TRANSITIVITY]};
    for (int s = 0; s < 2; s++) {
        /* NaN-free here (every placement has ties and triples) */
        assert_int_equal(r[s]->valid, R);
        double se = sd[s] / sqrt((double) R);
        if (fabs(r[s]->mean - mean[s]) > 5 * se + 1e-12)
            fail_msg("statistic %d: ensemble mean %.6g, exact %.6g (se %.3g)", s, r[s]->mean,
                     mean[s], se);
        if (fabs(r[s]->sd - sd[s]) > 0.05 * sd[s] + 1e-12)
            fail_msg("statistic %d: ensemble sd %.6g, exact %.6g", s, r[s]->sd, sd[s]);
    }
    /* Density keeps m - d + f ties: constant, p-values 1. */
    const ecosys_null_result *density = &t.changes[ECOSYS_STATISTIC_DENSITY];
    assert_close(density->sd, 0, EXACT);
    assert_close(density->observed, density->mean, EXACT);
    assert_close(density->p_greater, 1, 0);
    assert_close(density->p_less, 1, 0);
    ecosys_wave_test_dispose(&t);
    hand_close(&h);
}

static void change_null_sparse(void **state)
{
    (void) state;
    /* 4 x C(11, 4) = 1320 placements; the rejection sampler. */
    static const size_t group[6] = {0, 0, 1, 1, 2, 2};
    check_against_enumeration(hand_before, 4, hand_after, 7, 6, hand_sectors, group);
}

static void change_null_dense(void **state)
{
    (void) state;
    /* 5 actors, 8 of the 10 dyads tied before: the listed-candidates
     * sampler. Before: all but 0-1 and 2-4; after: add 0-1, drop 2-3.
     * 8 x C(2, 1) = 16 placements. */
    static const char *const sectors[5] = {"A", "A", "B", "B", "B"};
    static const size_t group[5] = {0, 0, 1, 1, 1};
    static const size_t before[8][2] = {{0, 2}, {0, 3}, {0, 4}, {1, 2},
                                        {1, 3}, {1, 4}, {2, 3}, {3, 4}};
    static const size_t after[8][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4},
                                       {1, 2}, {1, 3}, {1, 4}, {3, 4}};
    check_against_enumeration(before, 8, after, 8, 5, sectors, group);
}

/* ---- reproducibility, progress, cancellation -------------------------------------------- */

static ecosys_dataset *read_clermont(void)
{
    return ecosys_test_read(ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_CSV);
}

typedef struct clermont_waves {
    ecosys_dataset *ds;
    ecosys_graph *g[2];
} clermont_waves;

/* Before: ties active up to 2019-04-11; after: from 2019-04-12 (the label). */
static void clermont_open(clermont_waves *c)
{
    c->ds = read_clermont();
    ecosys_graph_options b, a;
    assert_ok(ecosys_graph_options_init(&b, ECOSYS_GRAPH_OPTIONS_VERSION));
    assert_ok(ecosys_graph_options_init(&a, ECOSYS_GRAPH_OPTIONS_VERSION));
    b.to = "2019-04-11";
    a.from = "2019-04-12";
    assert_ok(ecosys_graph_new(&c->g[0], c->ds, &b));
    assert_ok(ecosys_graph_new(&c->g[1], c->ds, &a));
}

static void clermont_close(clermont_waves *c)
{
    ecosys_graph_free(c->g[0]);
    ecosys_graph_free(c->g[1]);
    ecosys_dataset_free(c->ds);
}

static void clermont_matches_waves(void **state)
{
    (void) state;
    clermont_waves c;
    clermont_open(&c);
    ecosys_wave_test_options o = options_for("cisca", 200, 5, 0);
    ecosys_wave_test t;
    assert_ok(ecosys_wave_test_run(&t, c.g[0], c.g[1], &o));
    ecosys_waves_options wo;
    assert_ok(ecosys_waves_options_init(&wo, ECOSYS_WAVES_OPTIONS_VERSION));
    wo.coordinator = "cisca";
    wo.flags = ECOSYS_NO_PATHS | ECOSYS_WAVES_NO_BROKERAGE;
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, c.g[0], c.g[1], &wo));
    assert_int_equal(t.formed, w.formed.count);
    assert_int_equal(t.dissolved, w.dissolved.count);
    assert_int_equal(t.ties_before, w.ties_before);
    assert_int_equal(t.ties_after, w.ties_after);
    assert_close(t.formed_crossing.observed, (double) w.formed_crossing_groups, 0);
    assert_close(t.formed_via_coordinator.observed, (double) w.formed_through_coordinator, 0);
    assert_close(t.closure_via_coordinator.observed, (double) w.formed_through_coordinator, 0);
    assert_int_equal(t.formed_closing_triad, w.formed_closing_triad);
    size_t n = ecosys_graph_actor_count(c.g[0]);
    assert_int_equal(t.candidate_dyads, n * (n - 1) / 2 - w.ties_before);
    assert_close(t.changes[ECOSYS_STATISTIC_EI_INDEX].observed,
                 w.measures[ECOSYS_WAVES_EI_INDEX].change, 1e-12);
    assert_close(t.changes[ECOSYS_STATISTIC_TRANSITIVITY].observed,
                 w.measures[ECOSYS_WAVES_TRANSITIVITY].change, 1e-12);
    assert_close(t.changes[ECOSYS_STATISTIC_DENSITY].observed,
                 w.measures[ECOSYS_WAVES_DENSITY].change, 1e-12);
    assert_true(t.formed > 0);
    ecosys_waves_dispose(&w);
    ecosys_wave_test_dispose(&t);
    clermont_close(&c);
}

static void same_for_any_thread_count(void **state)
{
    (void) state;
    clermont_waves c;
    clermont_open(&c);
    ecosys_wave_test t[3];
    unsigned int threads[3] = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
        ecosys_wave_test_options o = options_for("cisca", 300, 42, threads[i]);
        assert_ok(ecosys_wave_test_run(&t[i], c.g[0], c.g[1], &o));
        assert_int_equal(t[i].threads, threads[i]);
    }
    for (int i = 1; i < 3; i++) {
        assert_int_equal(t[i].statistic_count, t[0].statistic_count);
        assert_memory_equal(t[i].changes, t[0].changes,
                            t[0].statistic_count * sizeof *t[0].changes);
        assert_memory_equal(&t[i].formed_crossing, &t[0].formed_crossing,
                            sizeof t[0].formed_crossing);
    }
    /* Another seed, other draws. */
    ecosys_wave_test_options o = options_for("cisca", 300, 43, 2);
    ecosys_wave_test other;
    assert_ok(ecosys_wave_test_run(&other, c.g[0], c.g[1], &o));
    assert_true(other.changes[ECOSYS_STATISTIC_TRANSITIVITY].mean !=
                t[0].changes[ECOSYS_STATISTIC_TRANSITIVITY].mean);
    ecosys_wave_test_dispose(&other);
    for (int i = 0; i < 3; i++)
        ecosys_wave_test_dispose(&t[i]);
    clermont_close(&c);
}

typedef struct progress_log {
    size_t calls, first, last, total, cancel_after;
} progress_log;

static int record_progress(size_t done, size_t total, void *user)
{
    progress_log *p = user;
    if (p->calls == 0)
        p->first = done;
    p->calls++;
    p->last = done;
    p->total = total;
    return p->cancel_after && done >= p->cancel_after;
}

static void progress_and_cancellation(void **state)
{
    (void) state;
    clermont_waves c;
    clermont_open(&c);
    for (unsigned int threads = 1; threads <= 2; threads++) {
        progress_log log = {0, 0, 0, 0, 0};
        ecosys_wave_test_options o = options_for("cisca", 100, 1, threads);
        o.progress = record_progress;
        o.user = &log;
        ecosys_wave_test t;
        assert_ok(ecosys_wave_test_run(&t, c.g[0], c.g[1], &o));
        assert_true(log.calls >= 2);
        assert_int_equal(log.first, 0);
        assert_int_equal(log.last, 100);
        assert_int_equal(log.total, 100);
        ecosys_wave_test_dispose(&t);

        progress_log stop = {0, 0, 0, 0, 1};
        o.replicates = 100000;
        o.user = &stop;
        assert_int_equal(ecosys_wave_test_run(&t, c.g[0], c.g[1], &o), ECOSYS_ECANCELLED);
        assert_int_equal(ecosys_error_last()->code, ECOSYS_ECANCELLED);
        assert_null(t.changes);
        assert_int_equal(t.formed, 0);
        assert_true(stop.last < 100000);
    }
    clermont_close(&c);
}

/* ---- errors --------------------------------------------------------------------------- */

static void errors(void **state)
{
    (void) state;
    hand_waves h;
    hand_open(&h, hand_before, 4, hand_after, 7, 6, hand_sectors, 0);
    ecosys_wave_test t;
    ecosys_wave_test_options o = options_for(NULL, 10, 1, 1);
    assert_int_equal(ecosys_wave_test_run(NULL, h.g[0], h.g[1], &o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_wave_test_run(&t, NULL, h.g[1], &o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_wave_test_options_init(&o, 99), ECOSYS_EINVAL);
    assert_int_equal(ecosys_wave_test_options_init(NULL, ECOSYS_WAVE_TEST_OPTIONS_VERSION),
                     ECOSYS_EINVAL);
    o = options_for(NULL, 10, 1, 1);
    o.version = 99;
    assert_int_equal(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o), ECOSYS_EINVAL);
    o = options_for("nobody", 10, 1, 1);
    assert_int_equal(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o), ECOSYS_ENOTFOUND);
    assert_non_null(strstr(ecosys_error_last()->message, "nobody"));
    o = options_for(NULL, 10, 1, 1);
    o.group = "colour";
    assert_int_equal(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o), ECOSYS_EINVAL);
    o = options_for(NULL, 10, 1, 1);
    o.flags = ECOSYS_WEIGHTED;
    assert_int_equal(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o), ECOSYS_EUNSUPPORTED);
    o.flags = 1u << 20;
    assert_int_equal(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o), ECOSYS_EINVAL);
    hand_close(&h);

    /* Mismatched actors: another count; the same count, other ids. */
    o = options_for(NULL, 10, 1, 1);
    hand_waves other;
    hand_open(&other, hand_before, 4, hand_after, 7, 6, hand_sectors, 0);
    ecosys_dataset *fewer = ecosys_test_dataset(5, hand_before, 4, NULL, 0, hand_sectors);
    ecosys_graph *g5;
    assert_ok(ecosys_graph_new(&g5, fewer, NULL));
    assert_int_equal(ecosys_wave_test_run(&t, other.g[0], g5, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "same actors"));
    ecosys_dataset *renamed = NULL;
    assert_ok(ecosys_dataset_new(&renamed, 0));
    const char *ids[6] = {"0", "1", "2", "x", "4", "5"};
    for (size_t i = 0; i < 6; i++) {
        ecosys_actor_info actor = {ids[i], ids[i], hand_sectors[i], "", ""};
        assert_ok(ecosys_dataset_add_actor(NULL, renamed, &actor));
    }
    ecosys_graph *gx;
    assert_ok(ecosys_graph_new(&gx, renamed, NULL));
    assert_int_equal(ecosys_wave_test_run(&t, other.g[0], gx, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "\"3\" before and \"x\" after"));
    /* Directed against undirected. */
    ecosys_dataset *dir = ecosys_test_dataset(6, hand_before, 4, NULL, 1, hand_sectors);
    ecosys_graph *gd;
    assert_ok(ecosys_graph_new(&gd, dir, NULL));
    assert_int_equal(ecosys_wave_test_run(&t, other.g[0], gd, &o), ECOSYS_EINVAL);
    ecosys_graph_free(gd);
    ecosys_dataset_free(dir);
    ecosys_graph_free(gx);
    ecosys_dataset_free(renamed);
    ecosys_graph_free(g5);
    ecosys_dataset_free(fewer);
    hand_close(&other);
    ecosys_wave_test_dispose(NULL);
}

/* A graph compared with itself: nothing formed, every test degenerate but
 * defined. */
static void no_change(void **state)
{
    (void) state;
    hand_waves h;
    hand_open(&h, hand_before, 4, hand_before, 4, 6, hand_sectors, 0);
    ecosys_wave_test_options o = options_for("0", 50, 1, 1);
    ecosys_wave_test t;
    assert_ok(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o));
    assert_int_equal(t.formed, 0);
    assert_int_equal(t.dissolved, 0);
    check_exact(&t.formed_crossing, 0, 0, 0, 1, 1);
    check_exact(&t.formed_via_coordinator, 0, 0, 0, 1, 1);
    check_exact(&t.closure_via_coordinator, 0, 0, 0, 1, 1);
    for (size_t s = 0; s < t.statistic_count; s++) {
        assert_close(t.changes[s].observed, 0, 0);
        assert_close(t.changes[s].sd, 0, 0);
        assert_close(t.changes[s].p_greater, 1, 0);
    }
    ecosys_wave_test_dispose(&t);
    hand_close(&h);
}

/* The report: the significance section in text, Markdown and JSON, and
 * version 1 render options (without the field) still accepted. */
static void rendered(void **state)
{
    (void) state;
    hand_waves h;
    hand_open(&h, hand_before, 4, hand_after, 7, 6, hand_sectors, 0);
    ecosys_wave_test_options o = options_for("0", 100, 1, 2);
    ecosys_wave_test t;
    assert_ok(ecosys_wave_test_run(&t, h.g[0], h.g[1], &o));
    ecosys_waves_options wo;
    assert_ok(ecosys_waves_options_init(&wo, ECOSYS_WAVES_OPTIONS_VERSION));
    wo.coordinator = "0";
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, h.g[0], h.g[1], &wo));
    ecosys_waves_render_options ro;
    assert_ok(ecosys_waves_render_options_init(&ro, ECOSYS_WAVES_RENDER_OPTIONS_VERSION));
    assert_null(ro.significance);
    ro.significance = &t;
    char *text = NULL;
    assert_ok(ecosys_waves_render(&text, NULL, &w, &ro));
    /* 12/11 = 1.091; P(X >= 2) = 92/330 = 0.28 */
    assert_non_null(strstr(text, "New ties between 0's contacts: 2, expected 1.091 if new ties"));
    assert_non_null(strstr(text, "(p = 0.28, the chance of as many or more)"));
    assert_non_null(strstr(text, "those through 0: 2, expected 1.500"));
    assert_non_null(strstr(text, "100 random placements"));
    ecosys_string_free(text);
    ro.format = ECOSYS_REPORT_MARKDOWN;
    assert_ok(ecosys_waves_render(&text, NULL, &w, &ro));
    assert_non_null(strstr(text, "- New ties between `0`'s contacts: 2"));
    assert_non_null(strstr(text, "| measure | observed change | random change | z | p |"));
    ecosys_string_free(text);
    ro.format = ECOSYS_REPORT_JSON;
    assert_ok(ecosys_waves_render(&text, NULL, &w, &ro));
    assert_non_null(strstr(text, "\"candidate_dyads\": 11"));
    assert_non_null(strstr(text, "\"formed_via_coordinator\": {\"observed\": 2, \"mean\": "));
    assert_non_null(strstr(text, "\"null_model\": \"random_placement\""));
    assert_null(strstr(text, "\"significance\": null"));
    ecosys_string_free(text);

    /* Version 1: the struct ends before significance; init writes no more. */
    struct {
        ecosys_waves_render_options v1;
    } old;
    memset(&old, 0x5a, sizeof old);
    assert_ok(ecosys_waves_render_options_init(&old.v1, 1));
    assert_int_equal(old.v1.version, 1);
    assert_true(*(const unsigned char *) &old.v1.significance == 0x5a);
    old.v1.format = ECOSYS_REPORT_JSON;
    assert_ok(ecosys_waves_render(&text, NULL, &w, &old.v1));
    assert_non_null(strstr(text, "\"significance\": null"));
    ecosys_string_free(text);
    assert_int_equal(ecosys_waves_render_options_init(&ro, 3), ECOSYS_EINVAL);

    ecosys_waves_dispose(&w);
    ecosys_wave_test_dispose(&t);
    hand_close(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hypergeometric_by_enumeration),
        cmocka_unit_test(hypergeometric_exact_rationals),
        cmocka_unit_test(hand_made_counts),
        cmocka_unit_test(directed_counts),
        cmocka_unit_test(change_null_sparse),
        cmocka_unit_test(change_null_dense),
        cmocka_unit_test(clermont_matches_waves),
        cmocka_unit_test(same_for_any_thread_count),
        cmocka_unit_test(progress_and_cancellation),
        cmocka_unit_test(errors),
        cmocka_unit_test(no_change),
        cmocka_unit_test(rendered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
