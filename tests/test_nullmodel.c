/* Null models and significance (ecosys/nullmodel.h).
 *
 * Where each expected value comes from:
 * - statistics of small graphs: by hand, the calculation beside each value;
 *   on Zachary's karate club and the directed graph D
 *   (tests/data/expected/graphs.h): the library's igraph-based
 *   ecosys_structure_compute() and its mixing functions (themselves checked
 *   against NetworkX in test_structure.c and test_mixing.c), plus
 *   NetworkX's values in reference_mixing.h;
 * - exact null moments: every graph of a tiny case enumerated here (all
 *   subsets of m dyads; for rewiring, those with the observed degrees),
 *   with the statistics recomputed by brute force on an adjacency matrix
 *   (independent of the library's code), and the enumerated E-I moments of
 *   tests/data/expected/reference_mixing.py; a large seeded ensemble must
 *   match them within a few standard errors;
 * - the permutation test: ecosys_ei_permutation_test() (same streams). */
#include "test_support.h"

#include "data/expected/graphs.h"
#include "data/expected/reference_mixing.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXACT 1e-12

static ecosys_partition *partition_of(const size_t *membership, size_t n)
{
    ecosys_partition *p = NULL;
    assert_ok(ecosys_partition_from_membership(&p, membership, n));
    return p;
}

static ecosys_null_options options_for(ecosys_null_model model, size_t replicates,
                                       uint64_t seed, unsigned int threads)
{
    ecosys_null_options o;
    assert_ok(ecosys_null_options_init(&o, ECOSYS_NULL_OPTIONS_VERSION));
    o.model = model;
    o.replicates = replicates;
    o.seed = seed;
    o.threads = threads;
    return o;
}

static ecosys_statistic builtin(ecosys_statistic_kind kind)
{
    ecosys_statistic s = {kind, NULL, NULL};
    return s;
}

/* ---- statistics against hand values and the igraph-based measures ------------ */

/* Triangle 0-1-2 with pendant 3 on 2: degrees 2 2 3 1; one triangle;
 * triples 1 + 1 + 3 + 0 = 5, transitivity 3/5; local clustering 1, 1, 1/3,
 * 0, mean 7/12; degree centralization (1 + 1 + 0 + 2) / (3 x 2) = 2/3;
 * density 4/6. Star of 5: centralization (0 + 4 x 3)/(4 x 3) = 1,
 * transitivity 0 (6 triples, none closed). One tie on two vertices: no
 * triple, transitivity NaN; n < 3, centralization NaN. */
static void statistics_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_tri_pendant, 4, NULL, 0);
    double x;
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_TRANSITIVITY));
    assert_close(x, 3.0 / 5.0, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING));
    assert_close(x, 7.0 / 12.0, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_DEGREE_CENTRALIZATION));
    assert_close(x, 2.0 / 3.0, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_DENSITY));
    assert_close(x, 4.0 / 6.0, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    g = ecosys_test_graph(&ds, 5, ecosys_test_star, 4, NULL, 0);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_DEGREE_CENTRALIZATION));
    assert_close(x, 1.0, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_TRANSITIVITY));
    assert_close(x, 0.0, EXACT); /* 6 triples, no triangle */
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    const size_t one[1][2] = {{0, 1}};
    g = ecosys_test_graph(&ds, 2, one, 1, NULL, 0);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_TRANSITIVITY));
    assert_true(isnan(x));
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_DEGREE_CENTRALIZATION));
    assert_true(isnan(x));
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void compare_with_structure(const ecosys_graph *g)
{
    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g, ECOSYS_NO_PATHS));
    double x;
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_DENSITY));
    assert_close(x, s.density, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_TRANSITIVITY));
    assert_close(x, s.transitivity, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING));
    assert_close(x, s.mean_local_clustering, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_DEGREE_CENTRALIZATION));
    assert_close(x, s.degree_centralization, EXACT);
}

static size_t karate_club[KARATE_N];

static void karate_membership(void)
{
    for (size_t v = 0; v < KARATE_N; v++)
        karate_club[v] = strcmp(KARATE_CLUB[v], KARATE_CLUB[0]) != 0;
}

static void statistics_match_library_measures(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    compare_with_structure(g);
    karate_membership();
    ecosys_partition *p = partition_of(karate_club, KARATE_N);
    double x;
    assert_ok(ecosys_null_statistic_compute(&x, g, p, ECOSYS_STATISTIC_EI_INDEX));
    assert_close(x, KARATE_EI, EXACT);
    assert_ok(ecosys_null_statistic_compute(&x, g, p, ECOSYS_STATISTIC_ASSORTATIVITY));
    assert_close(x, KARATE_ASSORTATIVITY, EXACT);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* Directed D: transitivity and clustering ignore direction (the
     * reciprocated pairs merge), degree = in + out with maximum 2(n-1)(n-2). */
    g = ecosys_test_graph(&ds, D_N, D_EDGES, D_M, NULL, 1);
    compare_with_structure(g);
    const size_t d_groups[D_N] = {0, 0, 1, 1, 0, 1, 2, 2}; /* aabbabcc */
    p = partition_of(d_groups, D_N);
    assert_ok(ecosys_null_statistic_compute(&x, g, p, ECOSYS_STATISTIC_ASSORTATIVITY));
    assert_close(x, D_ASSORTATIVITY, EXACT);
    double lib;
    assert_ok(ecosys_assortativity_nominal(&lib, g, p, 0));
    assert_close(x, lib, 0); /* the same sums in the same order */
    ecosys_ei_index ei;
    assert_ok(ecosys_ei_index_compute(&ei, g, p, 0));
    assert_ok(ecosys_null_statistic_compute(&x, g, p, ECOSYS_STATISTIC_EI_INDEX));
    assert_close(x, ei.ei_index, 0);
    ecosys_ei_index_dispose(&ei);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- exact null moments by enumeration ------------------------------------------ */

typedef struct moments {
    double mean, sd; /* population sd over the enumerated graphs */
    size_t graphs;
} moments;

/* Transitivity of the graph of the dyads in @p mask (direction ignored)
 * by brute force on an adjacency matrix. */
static double brute_transitivity(size_t n, const size_t (*dyads)[2], size_t dyad_count,
                                 unsigned mask)
{
    int adj[8][8] = {{0}};
    for (size_t i = 0; i < dyad_count; i++) {
        if (mask & (1u << i)) {
            adj[dyads[i][0]][dyads[i][1]] = 1;
            adj[dyads[i][1]][dyads[i][0]] = 1;
        }
    }
    double closed = 0, triples = 0;
    for (size_t v = 0; v < n; v++) {
        for (size_t a = 0; a < n; a++) {
            for (size_t b = a + 1; b < n; b++) {
                if (a == v || b == v || !adj[v][a] || !adj[v][b])
                    continue;
                triples += 1;
                closed += adj[a][b];
            }
        }
    }
    return triples > 0 ? closed / triples : NAN;
}

static double brute_ei(const size_t *group, const size_t (*dyads)[2], size_t dyad_count,
                       unsigned mask)
{
    double e = 0, i = 0;
    for (size_t k = 0; k < dyad_count; k++) {
        if (mask & (1u << k)) {
            if (group[dyads[k][0]] == group[dyads[k][1]])
                i += 1;
            else
                e += 1;
        }
    }
    return e + i > 0 ? (e - i) / (e + i) : NAN;
}

/* Every graph of m ties on n vertices (optionally only those with the
 * degrees of @p degrees, undirected): moments of transitivity (which = 0)
 * or E-I (which = 1). */
static moments enumerate(size_t n, int directed, size_t m, const size_t *group, int which,
                         const size_t *degrees)
{
    size_t dyads[64][2], count = 0;
    for (size_t u = 0; u < n; u++) {
        for (size_t v = directed ? 0 : u + 1; v < n; v++) {
            if (u != v) {
                dyads[count][0] = u;
                dyads[count][1] = v;
                count++;
            }
        }
    }
    assert_true(count <= 16);
    double sum = 0, squares = 0;
    size_t graphs = 0;
    for (unsigned mask = 0; mask < (1u << count); mask++) {
        if ((size_t) __builtin_popcount(mask) != m)
            continue;
        if (degrees) {
            size_t d[8] = {0};
            for (size_t k = 0; k < count; k++) {
                if (mask & (1u << k)) {
                    d[dyads[k][0]]++;
                    d[dyads[k][1]]++;
                }
            }
            if (memcmp(d, degrees, n * sizeof *d) != 0)
                continue;
        }
        double x = which == 0 ? brute_transitivity(n, dyads, count, mask)
                              : brute_ei(group, dyads, count, mask);
        assert_false(isnan(x));
        sum += x;
        squares += x * x;
        graphs++;
    }
    moments mo;
    mo.graphs = graphs;
    mo.mean = sum / (double) graphs;
    mo.sd = sqrt(squares / (double) graphs - mo.mean * mo.mean);
    return mo;
}

/* The ensemble's mean within 4 standard errors of the exact one, its sd
 * within 5 % of the exact one. */
static void assert_matches(const ecosys_null_result *r, moments exact)
{
    double se = exact.sd / sqrt((double) r->valid);
    if (!(fabs(r->mean - exact.mean) <= 4 * se + 1e-12))
        fail_msg("null mean %.6f, exact %.6f (%zu graphs), se %.6f", r->mean, exact.mean,
                 exact.graphs, se);
    if (!(fabs(r->sd / exact.sd - 1) < 0.05))
        fail_msg("null sd %.6f, exact %.6f (%zu graphs)", r->sd, exact.sd, exact.graphs);
}

static void run_null(ecosys_null_test *out, const ecosys_graph *g, const ecosys_partition *p,
                     const ecosys_statistic *stats, size_t count, const ecosys_null_options *o)
{
    assert_ok(ecosys_null_test_run(out, g, p, stats, count, o));
}

#define ENSEMBLE 20000

static void uniform_exact_moments(void **state)
{
    (void) state;
    ecosys_statistic stats[2] = {builtin(ECOSYS_STATISTIC_TRANSITIVITY),
                                 builtin(ECOSYS_STATISTIC_EI_INDEX)};
    ecosys_null_options o = options_for(ECOSYS_NULL_UNIFORM, ENSEMBLE, 7, 0);
    ecosys_null_test t;

    /* n = 5, m = 4, groups aaabb: C(10, 4) = 210 graphs. */
    {
        const size_t group[5] = {0, 0, 0, 1, 1};
        const size_t edges[4][2] = {{0, 1}, {1, 2}, {2, 0}, {3, 4}};
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, 5, edges, 4, NULL, 0);
        ecosys_partition *p = partition_of(group, 5);
        run_null(&t, g, p, stats, 2, &o);
        moments tr = enumerate(5, 0, 4, group, 0, NULL), ei = enumerate(5, 0, 4, group, 1, NULL);
        assert_int_equal(tr.graphs, 210);
        assert_matches(&t.results[0], tr);
        assert_matches(&t.results[1], ei);
        /* The enumerated E-I moments are the hypergeometric ones of
         * ecosys_ei_index (two independent derivations). */
        ecosys_ei_index exact;
        assert_ok(ecosys_ei_index_compute(&exact, g, p, 0));
        assert_close(ei.mean, exact.expected, 1e-12);
        assert_close(ei.sd, exact.sd, 1e-12);
        assert_close(t.results[1].observed, exact.ei_index, 0);
        ecosys_ei_index_dispose(&exact);
        assert_int_equal(t.results[0].valid, ENSEMBLE);
        ecosys_null_test_dispose(&t);
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
    }
    /* Dense: n = 5, m = 8 of 10 dyads (the complement is drawn): 45 graphs. */
    {
        const size_t group[5] = {0, 0, 0, 1, 1};
        const size_t edges[8][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4},
                                    {1, 2}, {1, 3}, {2, 3}, {2, 4}};
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, 5, edges, 8, NULL, 0);
        ecosys_partition *p = partition_of(group, 5);
        run_null(&t, g, p, stats, 2, &o);
        assert_matches(&t.results[0], enumerate(5, 0, 8, group, 0, NULL));
        assert_matches(&t.results[1], enumerate(5, 0, 8, group, 1, NULL));
        ecosys_null_test_dispose(&t);
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
    }
    /* Directed: n = 4, m = 3, groups aabb: C(12, 3) = 220 graphs, E-I moments
     * also from reference_mixing.py (NULL_D4_*); and m = 5 for transitivity
     * (direction ignored: reciprocated pairs merge). */
    {
        const size_t group[4] = {0, 0, 1, 1};
        const size_t edges[5][2] = {{0, 1}, {1, 0}, {1, 2}, {2, 3}, {3, 1}};
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, 4, edges + 2, 3, NULL, 1);
        ecosys_partition *p = partition_of(group, 4);
        run_null(&t, g, p, stats + 1, 1, &o);
        moments ei = enumerate(4, 1, 3, group, 1, NULL);
        assert_int_equal(ei.graphs, 220);
        assert_close(ei.mean, NULL_D4_MEAN, 1e-12);
        assert_close(ei.sd, NULL_D4_SD, 1e-12);
        assert_matches(&t.results[0], ei);
        ecosys_null_test_dispose(&t);
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);

        g = ecosys_test_graph(&ds, 4, edges, 5, NULL, 1);
        run_null(&t, g, NULL, stats, 1, &o);
        /* All 5-arc graphs on 4 vertices: some leave a merged graph with
         * no triple? No: 5 arcs cover at least 3 pairs, so a triple exists. */
        assert_matches(&t.results[0], enumerate(4, 1, 5, group, 0, NULL));
        ecosys_null_test_dispose(&t);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
    }
    /* n = 6, m = 4, groups aabbcd (reference_mixing.py: NULL_U6_*). */
    {
        const size_t group[6] = {0, 0, 1, 1, 2, 3};
        const size_t edges[4][2] = {{0, 1}, {2, 3}, {4, 5}, {0, 2}};
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, 6, edges, 4, NULL, 0);
        ecosys_partition *p = partition_of(group, 6);
        run_null(&t, g, p, stats + 1, 1, &o);
        moments ei = enumerate(6, 0, 4, group, 1, NULL);
        assert_close(ei.mean, NULL_U6_MEAN, 1e-12);
        assert_close(ei.sd, NULL_U6_SD, 1e-12);
        assert_matches(&t.results[0], ei);
        ecosys_null_test_dispose(&t);
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
    }
}

/* Rewiring samples uniformly the simple graphs with the observed degrees:
 * n = 6, degrees 3 2 2 2 2 1 (m = 6), every such graph enumerated. */
static void rewiring_exact_moments(void **state)
{
    (void) state;
    const size_t edges[6][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {3, 4}, {4, 5}};
    const size_t degrees[6] = {3, 2, 2, 2, 2, 1};
    const size_t group[6] = {0, 0, 0, 1, 1, 1};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 6, edges, 6, NULL, 0);
    ecosys_partition *p = partition_of(group, 6);
    ecosys_statistic stats[2] = {builtin(ECOSYS_STATISTIC_TRANSITIVITY),
                                 builtin(ECOSYS_STATISTIC_EI_INDEX)};
    ecosys_null_options o = options_for(ECOSYS_NULL_REWIRING, ENSEMBLE, 11, 0);
    ecosys_null_test t;
    run_null(&t, g, p, stats, 2, &o);
    moments tr = enumerate(6, 0, 6, group, 0, degrees), ei = enumerate(6, 0, 6, group, 1, degrees);
    assert_true(tr.graphs > 20);
    assert_matches(&t.results[0], tr);
    assert_matches(&t.results[1], ei);
    assert_int_equal(t.swap_attempts, 60);
    assert_true(t.acceptance > 0 && t.acceptance < 1);
    ecosys_null_test_dispose(&t);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- models keep what they promise (checked inside a custom statistic) ---------- */

typedef struct expectation {
    size_t n, m;
    int directed;
    size_t out_degree[64], in_degree[64]; /* undirected: degree in both */
    size_t group_size[8];
    size_t k;
    int check_degrees;
} expectation;

/* A custom statistic that fails (returns 1) unless the sample is simple,
 * keeps the tie count, the degrees (if asked) and the group sizes; its
 * value is the number of ties. Read-only on its user data: thread-safe. */
static int check_sample(double *out, const ecosys_graph_view *view, void *user)
{
    const expectation *x = user;
    if (view->actor_count != x->n || view->tie_count != x->m || view->directed != x->directed)
        return 1;
    unsigned char seen[64][64];
    memset(seen, 0, sizeof seen);
    size_t out_degree[64] = {0}, in_degree[64] = {0};
    for (size_t e = 0; e < view->tie_count; e++) {
        uint32_t s = view->sources[e], t = view->targets[e];
        if (s == t || s >= x->n || t >= x->n)
            return 2; /* loop */
        if (!view->directed && s > t)
            return 3; /* undirected ends not ordered */
        if (seen[s][t])
            return 4; /* repeated tie */
        seen[s][t] = 1;
        out_degree[s]++;
        in_degree[t]++;
        if (!view->directed) {
            out_degree[t]++;
            in_degree[s]++;
        }
    }
    if (x->check_degrees && (memcmp(out_degree, x->out_degree, x->n * sizeof(size_t)) ||
                             memcmp(in_degree, x->in_degree, x->n * sizeof(size_t))))
        return 5;
    if (view->groups) {
        size_t sizes[8] = {0};
        for (size_t v = 0; v < view->actor_count; v++)
            sizes[view->groups[v]]++;
        if (view->group_count != x->k || memcmp(sizes, x->group_size, x->k * sizeof(size_t)))
            return 6;
    }
    *out = (double) view->tie_count;
    return 0;
}

static void expect_graph(expectation *x, const ecosys_graph *g, const size_t *group, size_t k)
{
    memset(x, 0, sizeof *x);
    x->n = ecosys_graph_actor_count(g);
    x->m = ecosys_graph_tie_count(g);
    x->directed = ecosys_graph_is_directed(g);
    assert_true(x->n <= 64);
    for (size_t e = 0; e < x->m; e++) {
        size_t s, t;
        assert_ok(ecosys_graph_tie(&s, &t, NULL, g, e));
        x->out_degree[s]++;
        x->in_degree[t]++;
        if (!x->directed) {
            x->out_degree[t]++;
            x->in_degree[s]++;
        }
    }
    x->k = k;
    for (size_t v = 0; group && v < x->n; v++)
        x->group_size[group[v]]++;
}

static void models_keep_their_invariants(void **state)
{
    (void) state;
    karate_membership();
    for (int directed = 0; directed <= 1; directed++) {
        ecosys_dataset *ds;
        ecosys_graph *g = directed ? ecosys_test_graph(&ds, D_N, D_EDGES, D_M, NULL, 1)
                                   : ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M,
                                                       NULL, 0);
        const size_t d_groups[D_N] = {0, 0, 1, 1, 0, 1, 2, 2};
        const size_t *group = directed ? d_groups : karate_club;
        size_t k = directed ? 3 : 2;
        ecosys_partition *p = partition_of(group, ecosys_graph_actor_count(g));
        expectation x;
        expect_graph(&x, g, group, k);
        ecosys_statistic stats[2] = {{ECOSYS_STATISTIC_CUSTOM, check_sample, &x},
                                     builtin(ECOSYS_STATISTIC_DEGREE_CENTRALIZATION)};
        ecosys_null_model models[3] = {ECOSYS_NULL_UNIFORM, ECOSYS_NULL_PERMUTATION,
                                       ECOSYS_NULL_REWIRING};
        for (int i = 0; i < 3; i++) {
            x.check_degrees = models[i] != ECOSYS_NULL_UNIFORM;
            ecosys_null_options o = options_for(models[i], 300, 5, 2);
            ecosys_null_test t;
            run_null(&t, g, p, stats, 2, &o);
            assert_int_equal(t.results[0].valid, 300);
            assert_close(t.results[0].mean, (double) x.m, 0);
            if (models[i] != ECOSYS_NULL_UNIFORM) {
                /* degrees kept: the centralization never moves */
                assert_close(t.results[1].sd, 0, 0);
                assert_true(isnan(t.results[1].z));
                assert_close(t.results[1].p_greater, 1, 0);
                assert_close(t.results[1].p_less, 1, 0);
            } else {
                assert_true(t.results[1].sd > 0);
            }
            ecosys_null_test_dispose(&t);
        }
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
    }
}

/* The permutation model draws what ecosys_ei_permutation_test() draws. */
static void permutation_matches_ei_permutation_test(void **state)
{
    (void) state;
    karate_membership();
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_partition *p = partition_of(karate_club, KARATE_N);
    ecosys_statistic stats[3] = {builtin(ECOSYS_STATISTIC_EI_INDEX),
                                 builtin(ECOSYS_STATISTIC_TRANSITIVITY),
                                 builtin(ECOSYS_STATISTIC_ASSORTATIVITY)};
    ecosys_null_options o = options_for(ECOSYS_NULL_PERMUTATION, 2000, 42, 3);
    ecosys_null_test t;
    run_null(&t, g, p, stats, 3, &o);
    ecosys_ei_permutation ref;
    assert_ok(ecosys_ei_permutation_test(&ref, g, p, 2000, 42, 0));
    assert_close(t.results[0].observed, ref.observed, 0);
    assert_close(t.results[0].mean, ref.mean, 1e-12);
    assert_close(t.results[0].sd, ref.sd, 1e-12);
    assert_close(t.results[0].p_greater, ref.p_greater, 0);
    assert_close(t.results[0].p_less, ref.p_less, 0);
    /* Strongly assortative clubs: far below the permuted E-I. */
    assert_true(t.results[0].z < -5);
    assert_close(t.results[0].p_less, 1.0 / 2001.0, 0);
    /* The graph does not move: transitivity constant. */
    assert_close(t.results[1].sd, 0, 0);
    assert_close(t.results[1].mean, t.results[1].observed, 0);
    assert_true(t.results[2].z > 5);
    assert_true(isnan(t.acceptance));
    ecosys_null_test_dispose(&t);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- rewiring mixes ---------------------------------------------------------------- */

typedef struct original_ties {
    size_t n;
    unsigned char tied[KARATE_N][KARATE_N];
    size_t m;
} original_ties;

/* Share of the sample's ties that were ties of the observed graph. */
static int share_original(double *out, const ecosys_graph_view *view, void *user)
{
    const original_ties *o = user;
    size_t kept = 0;
    for (size_t e = 0; e < view->tie_count; e++)
        kept += o->tied[view->sources[e]][view->targets[e]];
    *out = (double) kept / (double) o->m;
    return 0;
}

static double mean_share(const ecosys_graph *g, original_ties *ties, double swaps_per_tie,
                         double *se)
{
    ecosys_statistic stat = {ECOSYS_STATISTIC_CUSTOM, share_original, ties};
    ecosys_null_options o = options_for(ECOSYS_NULL_REWIRING, 4000, 3, 0);
    o.swaps_per_tie = swaps_per_tie;
    ecosys_null_test t;
    run_null(&t, g, NULL, &stat, 1, &o);
    double mean = t.results[0].mean;
    *se = t.results[0].sd / sqrt(4000.0);
    ecosys_null_test_dispose(&t);
    return mean;
}

/* The share of original ties left falls to its stationary level (that of
 * a long run, 100 attempts per tie) by 10 attempts per tie, from far above
 * it after 0.1 per tie; and successive states of a chain of replicates
 * (each started from the previous one's graph) have a small lag-1
 * autocorrelation of transitivity. */
static void rewiring_mixes(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    static original_ties ties;
    memset(&ties, 0, sizeof ties);
    ties.m = KARATE_M;
    for (size_t e = 0; e < KARATE_M; e++)
        ties.tied[KARATE_EDGES[e][0]][KARATE_EDGES[e][1]] = 1;
    double se_short, se_default, se_long;
    double short_run = mean_share(g, &ties, 0.1, &se_short);
    double by_default = mean_share(g, &ties, ECOSYS_NULL_DEFAULT_SWAPS_PER_TIE, &se_default);
    double long_run = mean_share(g, &ties, 100, &se_long);
    double se = sqrt(se_default * se_default + se_long * se_long);
    if (!(fabs(by_default - long_run) <= 4 * se))
        fail_msg("share of original ties %.4f after 10 swaps/tie, %.4f stationary (se %.4f)",
                 by_default, long_run, se);
    assert_true(short_run > long_run + 0.3);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* One replicate's ties, copied out by a custom statistic. */
typedef struct captured {
    size_t edges[KARATE_M][2];
    size_t m;
} captured;

static int capture(double *out, const ecosys_graph_view *view, void *user)
{
    captured *c = user;
    if (view->replicate == 0) { /* one replicate, one thread: no race */
        for (size_t e = 0; e < view->tie_count; e++) {
            c->edges[e][0] = view->sources[e];
            c->edges[e][1] = view->targets[e];
        }
        c->m = view->tie_count;
    }
    *out = 0;
    return 0;
}

static void rewiring_chain_autocorrelation(void **state)
{
    (void) state;
    enum { STEPS = 80 };
    static captured c;
    memcpy(c.edges, KARATE_EDGES, sizeof c.edges);
    c.m = KARATE_M;
    double values[STEPS];
    for (int step = 0; step < STEPS; step++) {
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, (const size_t(*)[2]) c.edges, c.m,
                                            NULL, 0);
        ecosys_statistic stats[2] = {builtin(ECOSYS_STATISTIC_TRANSITIVITY),
                                     {ECOSYS_STATISTIC_CUSTOM, capture, &c}};
        ecosys_null_options o = options_for(ECOSYS_NULL_REWIRING, 1, 1000 + (uint64_t) step, 1);
        ecosys_null_test t;
        run_null(&t, g, NULL, stats, 2, &o);
        values[step] = t.samples[0];
        ecosys_null_test_dispose(&t);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
    }
    double mean = 0, var = 0, cov = 0;
    for (int i = 0; i < STEPS; i++)
        mean += values[i] / STEPS;
    for (int i = 0; i < STEPS; i++)
        var += (values[i] - mean) * (values[i] - mean);
    for (int i = 1; i < STEPS; i++)
        cov += (values[i] - mean) * (values[i - 1] - mean);
    double rho = cov / var;
    /* Independent draws: rho ~ N(0, 1/80), sd 0.11. */
    if (!(fabs(rho) < 0.35))
        fail_msg("lag-1 autocorrelation of transitivity along the chain: %.3f", rho);
}

/* ---- reproducibility ------------------------------------------------------------------ */

static void run_karate(ecosys_null_test *t, ecosys_null_model model, uint64_t seed,
                       unsigned int threads, size_t replicates)
{
    karate_membership();
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_partition *p = partition_of(karate_club, KARATE_N);
    ecosys_statistic stats[6] = {
        builtin(ECOSYS_STATISTIC_DENSITY), builtin(ECOSYS_STATISTIC_EI_INDEX),
        builtin(ECOSYS_STATISTIC_ASSORTATIVITY), builtin(ECOSYS_STATISTIC_TRANSITIVITY),
        builtin(ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING),
        builtin(ECOSYS_STATISTIC_DEGREE_CENTRALIZATION)};
    ecosys_null_options o = options_for(model, replicates, seed, threads);
    run_null(t, g, p, stats, 6, &o);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void assert_same_test(const ecosys_null_test *a, const ecosys_null_test *b)
{
    assert_int_equal(a->replicates, b->replicates);
    assert_int_equal(a->statistic_count, b->statistic_count);
    assert_memory_equal(a->samples, b->samples,
                        a->replicates * a->statistic_count * sizeof(double));
    assert_memory_equal(a->results, b->results, a->statistic_count * sizeof *a->results);
    assert_memory_equal(&a->acceptance, &b->acceptance, sizeof(double));
}

static void same_result_for_any_thread_count(void **state)
{
    (void) state;
    ecosys_null_model models[3] = {ECOSYS_NULL_UNIFORM, ECOSYS_NULL_PERMUTATION,
                                   ECOSYS_NULL_REWIRING};
    unsigned int threads[4] = {1, 2, 3, 8};
    for (int i = 0; i < 3; i++) {
        ecosys_null_test one;
        run_karate(&one, models[i], 2024, 1, 203);
        assert_int_equal(one.threads, 1);
        for (int k = 1; k < 4; k++) {
            ecosys_null_test many;
            run_karate(&many, models[i], 2024, threads[k], 203);
            assert_int_equal(many.threads, threads[k]);
            assert_same_test(&one, &many);
            ecosys_null_test_dispose(&many);
        }
        ecosys_null_test_dispose(&one);
    }
}

static void seeds(void **state)
{
    (void) state;
    ecosys_null_test a, b, c;
    run_karate(&a, ECOSYS_NULL_REWIRING, 1, 2, 100);
    run_karate(&b, ECOSYS_NULL_REWIRING, 1, 2, 100);
    run_karate(&c, ECOSYS_NULL_REWIRING, 2, 2, 100);
    assert_same_test(&a, &b);
    assert_int_equal(a.seed, 1);
    assert_int_equal(a.results[3].seed, 1);
    assert_int_equal(a.results[3].replicates, 100);
    /* Transitivity samples differ with another seed. */
    size_t differ = 0;
    for (size_t r = 0; r < 100; r++)
        differ += a.samples[r * 6 + 3] != c.samples[r * 6 + 3];
    assert_true(differ > 50);
    /* Replicate r depends only on (seed, r): the first 50 of 100 are the 50 of a run of 50. */
    ecosys_null_test d;
    run_karate(&d, ECOSYS_NULL_REWIRING, 1, 3, 50);
    assert_memory_equal(d.samples, a.samples, 50 * 6 * sizeof(double));
    ecosys_null_test_dispose(&a);
    ecosys_null_test_dispose(&b);
    ecosys_null_test_dispose(&c);
    ecosys_null_test_dispose(&d);
}

/* ---- p-values, z-scores ----------------------------------------------------------------- */

static void result_fields(void **state)
{
    (void) state;
    ecosys_null_test t;
    run_karate(&t, ECOSYS_NULL_UNIFORM, 9, 0, 500);
    /* Recompute everything from the samples. */
    for (size_t s = 0; s < 6; s++) {
        const ecosys_null_result *r = &t.results[s];
        double sum = 0, squares = 0;
        size_t ge = 0, le = 0, valid = 0;
        for (size_t i = 0; i < 500; i++) {
            double x = t.samples[i * 6 + s];
            if (isnan(x))
                continue;
            valid++;
            sum += x;
        }
        double mean = sum / (double) valid;
        for (size_t i = 0; i < 500; i++) {
            double x = t.samples[i * 6 + s];
            if (isnan(x))
                continue;
            squares += (x - mean) * (x - mean);
            ge += x >= r->observed - 1e-10;
            le += x <= r->observed + 1e-10;
        }
        assert_int_equal(r->valid, valid);
        assert_close(r->mean, mean, 1e-12);
        assert_close(r->sd, sqrt(squares / (double) (valid - 1)), 1e-12);
        assert_close(r->p_greater, (double) (ge + 1) / (double) (valid + 1), 0);
        assert_close(r->p_less, (double) (le + 1) / (double) (valid + 1), 0);
        if (r->sd > 0)
            assert_close(r->z, (r->observed - r->mean) / r->sd, 1e-12);
    }
    /* Karate is far more clustered and assortative than a uniform graph. */
    /* Pinned regression values of this seed (the library's own output, not
     * independent: they fix the random streams, and tests/python/
     * test_nullmodel.py checks that Python gets the same). */
    assert_close(t.results[3].mean, 0.13894914443913248, 1e-15);
    assert_close(t.results[1].mean, 0.035589743589743636, 1e-15);
    assert_close(t.results[1].sd, 0.10416210537340814, 1e-15);
    assert_true(t.results[3].z > 3);
    assert_close(t.results[3].p_greater, 1.0 / 501.0, 0);
    assert_close(t.results[3].p_less, 1.0, 0);
    assert_true(t.results[1].z < -5);
    /* Density is fixed by the model. */
    assert_close(t.results[0].sd, 0, 0);
    assert_close(t.results[0].observed, 78.0 / 561.0, EXACT);
    assert_int_equal(t.model, ECOSYS_NULL_UNIFORM);
    assert_int_equal(t.swap_attempts, 0);
    ecosys_null_test_dispose(&t);
}

/* ---- progress and cancellation ------------------------------------------------------- */

typedef struct progress_log {
    size_t calls;
    size_t first, last, total;
    int monotonic;
    size_t cancel_at; /* cancel when done >= this (SIZE_MAX: never) */
    size_t previous;
} progress_log;

static int on_progress(size_t done, size_t total, void *user)
{
    progress_log *log = user;
    if (log->calls == 0)
        log->first = done;
    else if (done < log->previous)
        log->monotonic = 0;
    if (done > total)
        log->monotonic = 0;
    log->previous = log->last = done;
    log->total = total;
    log->calls++;
    return done >= log->cancel_at;
}

static int karate_with_progress(progress_log *log, unsigned int threads, ecosys_null_model model,
                                size_t replicates, ecosys_null_test *t)
{
    karate_membership();
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_partition *p = partition_of(karate_club, KARATE_N);
    ecosys_statistic stats[2] = {builtin(ECOSYS_STATISTIC_EI_INDEX),
                                 builtin(ECOSYS_STATISTIC_TRANSITIVITY)};
    ecosys_null_options o = options_for(model, replicates, 5, threads);
    o.progress = on_progress;
    o.progress_user = log;
    int rc = ecosys_null_test_run(t, g, p, stats, 2, &o);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    return rc;
}

static void progress_reported(void **state)
{
    (void) state;
    unsigned int threads[3] = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
        progress_log log = {0, 0, 0, 0, 1, SIZE_MAX, 0};
        ecosys_null_test t;
        assert_ok(karate_with_progress(&log, threads[i], ECOSYS_NULL_REWIRING, 300, &t));
        assert_int_equal(log.first, 0);
        assert_int_equal(log.last, 300);
        assert_int_equal(log.total, 300);
        assert_true(log.monotonic);
        assert_true(log.calls >= 2);
        if (threads[i] == 1)
            assert_int_equal(log.calls, 301); /* 0, then after each replicate */
        ecosys_null_test_dispose(&t);
    }
}

static void cancellation(void **state)
{
    (void) state;
    unsigned int threads[3] = {1, 2, 8};
    size_t at[3] = {0, 7, 299};
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            progress_log log = {0, 0, 0, 0, 1, at[j], 0};
            ecosys_null_test t;
            memset(&t, 0xAB, sizeof t);
            int rc = karate_with_progress(&log, threads[i], ECOSYS_NULL_REWIRING, 300, &t);
            assert_int_equal(rc, ECOSYS_ECANCELLED);
            assert_int_equal(ecosys_error_last()->code, ECOSYS_ECANCELLED);
            assert_non_null(strstr(ecosys_error_last()->message, "cancelled"));
            assert_null(t.results);
            assert_null(t.samples);
            assert_true(log.monotonic);
            ecosys_null_test_dispose(&t);
        }
    }
}

/* ---- errors -------------------------------------------------------------------------- */

static int failing_statistic(double *out, const ecosys_graph_view *view, void *user)
{
    (void) user;
    *out = 0;
    return view->replicate == 17 ? 42 : 0;
}

static void errors(void **state)
{
    (void) state;
    ecosys_null_options o;
    assert_int_equal(ecosys_null_options_init(&o, 99), ECOSYS_EINVAL);
    assert_int_equal(ecosys_null_options_init(NULL, ECOSYS_NULL_OPTIONS_VERSION), ECOSYS_EINVAL);
    assert_ok(ecosys_null_options_init(&o, ECOSYS_NULL_OPTIONS_VERSION));
    ecosys_null_options init = ECOSYS_NULL_OPTIONS_INIT;
    assert_int_equal(o.version, init.version);
    assert_int_equal(o.model, ECOSYS_NULL_UNIFORM);
    assert_int_equal(o.seed, init.seed);
    assert_int_equal(o.threads, 0);
    assert_null(o.progress);
    assert_null(o.progress_user);
    assert_int_equal(o.replicates, 1000);
    assert_close(o.swaps_per_tie, 10, 0);

    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_statistic ei = builtin(ECOSYS_STATISTIC_EI_INDEX);
    ecosys_statistic tr = builtin(ECOSYS_STATISTIC_TRANSITIVITY);
    ecosys_null_test t;
    assert_int_equal(ecosys_null_test_run(NULL, g, NULL, &tr, 1, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_null_test_run(&t, NULL, NULL, &tr, 1, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 0, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &ei, 1, NULL), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "partition"));
    o.replicates = 0;
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o), ECOSYS_EINVAL);
    o.replicates = 10;
    o.model = (ecosys_null_model) 7;
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o), ECOSYS_EINVAL);
    o.model = ECOSYS_NULL_REWIRING;
    o.swaps_per_tie = 0;
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o), ECOSYS_EINVAL);
    o.swaps_per_tie = 10;
    o.model = ECOSYS_NULL_PERMUTATION;
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o), ECOSYS_EINVAL);
    o.model = ECOSYS_NULL_UNIFORM;
    ecosys_statistic bad = {(ecosys_statistic_kind) 99, NULL, NULL};
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &bad, 1, &o), ECOSYS_EINVAL);
    ecosys_statistic no_callback = {ECOSYS_STATISTIC_CUSTOM, NULL, NULL};
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &no_callback, 1, &o), ECOSYS_EINVAL);
    const size_t small[3] = {0, 1, 0};
    ecosys_partition *p = partition_of(small, 3);
    assert_int_equal(ecosys_null_test_run(&t, g, p, &ei, 1, &o), ECOSYS_EINVAL);
    ecosys_partition_free(p);
    o.version = 2;
    assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o), ECOSYS_EINVAL);
    o.version = ECOSYS_NULL_OPTIONS_VERSION;

    /* A failing custom statistic stops the run in any thread count. */
    ecosys_statistic failing = {ECOSYS_STATISTIC_CUSTOM, failing_statistic, NULL};
    for (unsigned int threads = 1; threads <= 3; threads++) {
        o.replicates = 100;
        o.threads = threads;
        assert_int_equal(ecosys_null_test_run(&t, g, NULL, &failing, 1, &o), ECOSYS_ECOMPUTE);
        assert_int_equal(ecosys_error_last()->code, ECOSYS_ECOMPUTE);
        assert_non_null(strstr(ecosys_error_last()->message, "returned 42 at replicate 17"));
        assert_null(t.samples);
    }
    double x;
    assert_int_equal(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_EI_INDEX),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_null_statistic_compute(&x, g, NULL, ECOSYS_STATISTIC_CUSTOM),
                     ECOSYS_EINVAL);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    assert_string_equal(ecosys_null_model_name(ECOSYS_NULL_REWIRING), "rewiring");
    assert_null(ecosys_null_model_name((ecosys_null_model) 9));
    assert_string_equal(ecosys_null_statistic_name(ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING),
                        "mean_local_clustering");
    assert_null(ecosys_null_statistic_name((ecosys_statistic_kind) 99));
    ecosys_null_test_dispose(NULL);
}

/* Replicates 17 and later fail, each with its own code 25 + r (17 -> 42,
 * 18 -> 43, ...); its value is 1 before. Replicate 17 takes 20 ms, so that
 * with several threads later replicates fail first. */
static int failing_from_17(double *out, const ecosys_graph_view *view, void *user)
{
    (void) user;
    *out = 1;
    if (view->replicate == 17) {
        struct timespec pause = {0, 20000000};
        nanosleep(&pause, NULL);
    }
    return view->replicate != SIZE_MAX && view->replicate >= 17 ? 25 + (int) view->replicate
                                                                 : 0;
}

/* Many replicates failing at once in different threads: the error named is
 * the lowest replicate's, with the code that replicate returned and the
 * index of the failing statistic (1: after transitivity). The uniform
 * model's draw never polls the cancel flag, so replicate 17, once taken
 * (always before 18, 19, ... by the shared counter), always reaches its
 * statistic, whatever the thread count. */
static void lowest_failure_reported(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_statistic stats[2] = {builtin(ECOSYS_STATISTIC_TRANSITIVITY),
                                 {ECOSYS_STATISTIC_CUSTOM, failing_from_17, NULL}};
    unsigned int threads[5] = {1, 2, 3, 8, 16};
    for (int i = 0; i < 5; i++) {
        ecosys_null_options o = options_for(ECOSYS_NULL_UNIFORM, 200, 3, threads[i]);
        ecosys_null_test t;
        assert_int_equal(ecosys_null_test_run(&t, g, NULL, stats, 2, &o), ECOSYS_ECOMPUTE);
        assert_int_equal(ecosys_error_last()->code, ECOSYS_ECOMPUTE);
        assert_string_equal(ecosys_error_last()->message,
                            "ecosys_null_test_run: custom statistic 1 returned 42 at "
                            "replicate 17");
        assert_null(t.samples);
        assert_null(t.results);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* The progress callback need not be thread-safe: it is only ever called in
 * the thread that called ecosys_null_test_run(), whatever the threads. */
typedef struct thread_log {
    pthread_t caller;
    size_t calls, elsewhere;
    size_t stop_at;     /* cancel when done >= this (SIZE_MAX: never) */
    size_t after_stop;  /* calls after the one that cancelled */
    int stopped;
} thread_log;

static int on_progress_thread(size_t done, size_t total, void *user)
{
    (void) total;
    thread_log *log = user;
    log->calls++;
    if (!pthread_equal(pthread_self(), log->caller))
        log->elsewhere++;
    if (log->stopped)
        log->after_stop++;
    if (done >= log->stop_at)
        log->stopped = 1;
    return log->stopped;
}

static void progress_in_calling_thread(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_statistic tr = builtin(ECOSYS_STATISTIC_TRANSITIVITY);
    unsigned int threads[3] = {1, 2, 8};
    for (int i = 0; i < 3; i++) {
        thread_log log = {pthread_self(), 0, 0, SIZE_MAX, 0, 0};
        ecosys_null_options o = options_for(ECOSYS_NULL_REWIRING, 100, 9, threads[i]);
        o.progress = on_progress_thread;
        o.progress_user = &log;
        ecosys_null_test t;
        assert_ok(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o));
        assert_true(log.calls >= 2); /* at least (0, 100) and (100, 100) */
        assert_int_equal(log.elsewhere, 0);
        ecosys_null_test_dispose(&t);
        /* Cancelled once half is done (the last call, (100, 100), always
         * comes): no call after the one that cancelled. */
        thread_log stop = {pthread_self(), 0, 0, 50, 0, 0};
        o.progress_user = &stop;
        assert_int_equal(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o), ECOSYS_ECANCELLED);
        assert_string_equal(ecosys_error_last()->message,
                            "ecosys_null_test_run: cancelled by the progress callback");
        assert_int_equal(stop.elsewhere, 0);
        assert_int_equal(stop.after_stop, 0);
        assert_null(t.samples);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* No more threads than replicates (a thread without a replicate would do
 * nothing): 3 replicates asked on 8 threads run on 3; 1 replicate on one
 * per core (0) runs on 1. */
static void threads_clamped_to_replicates(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_statistic tr = builtin(ECOSYS_STATISTIC_TRANSITIVITY);
    ecosys_null_options o = options_for(ECOSYS_NULL_UNIFORM, 3, 1, 8);
    ecosys_null_test t;
    assert_ok(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o));
    assert_int_equal(t.threads, 3);
    ecosys_null_test_dispose(&t);
    o = options_for(ECOSYS_NULL_UNIFORM, 1, 1, 0);
    assert_ok(ecosys_null_test_run(&t, g, NULL, &tr, 1, &o));
    assert_int_equal(t.threads, 1);
    ecosys_null_test_dispose(&t);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Graphs without ties, or too small for a swap, work and give NaN where
 * the statistic is undefined. */
static void degenerate_graphs(void **state)
{
    (void) state;
    const size_t none[1][2] = {{0, 0}};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, none, 0, NULL, 0);
    const size_t group[4] = {0, 0, 1, 1};
    ecosys_partition *p = partition_of(group, 4);
    ecosys_statistic stats[3] = {builtin(ECOSYS_STATISTIC_EI_INDEX),
                                 builtin(ECOSYS_STATISTIC_TRANSITIVITY),
                                 builtin(ECOSYS_STATISTIC_DENSITY)};
    for (int model = 0; model < 3; model++) {
        ecosys_null_options o = options_for((ecosys_null_model) model, 20, 1, 2);
        ecosys_null_test t;
        run_null(&t, g, p, stats, 3, &o);
        assert_true(isnan(t.results[0].observed));
        assert_true(isnan(t.results[0].p_greater));
        assert_int_equal(t.results[0].valid, 0);
        assert_true(isnan(t.results[0].mean));
        assert_close(t.results[2].observed, 0, 0);
        ecosys_null_test_dispose(&t);
    }
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* One tie: rewiring cannot swap; the complete graph under the uniform
     * model is itself. */
    const size_t one[1][2] = {{0, 1}};
    g = ecosys_test_graph(&ds, 3, one, 1, NULL, 0);
    ecosys_null_options o = options_for(ECOSYS_NULL_REWIRING, 5, 1, 1);
    ecosys_null_test t;
    run_null(&t, g, NULL, stats + 2, 1, &o);
    assert_close(t.acceptance, 0, 0);
    ecosys_null_test_dispose(&t);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    const size_t triangle[3][2] = {{0, 1}, {1, 2}, {0, 2}};
    g = ecosys_test_graph(&ds, 3, triangle, 3, NULL, 0);
    o = options_for(ECOSYS_NULL_UNIFORM, 5, 1, 1);
    run_null(&t, g, NULL, stats + 1, 1, &o);
    assert_close(t.results[0].mean, 1, 0);
    assert_close(t.results[0].sd, 0, 0);
    ecosys_null_test_dispose(&t);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(statistics_by_hand),
        cmocka_unit_test(statistics_match_library_measures),
        cmocka_unit_test(uniform_exact_moments),
        cmocka_unit_test(rewiring_exact_moments),
        cmocka_unit_test(models_keep_their_invariants),
        cmocka_unit_test(permutation_matches_ei_permutation_test),
        cmocka_unit_test(rewiring_mixes),
        cmocka_unit_test(rewiring_chain_autocorrelation),
        cmocka_unit_test(same_result_for_any_thread_count),
        cmocka_unit_test(seeds),
        cmocka_unit_test(result_fields),
        cmocka_unit_test(progress_reported),
        cmocka_unit_test(cancellation),
        cmocka_unit_test(errors),
        cmocka_unit_test(lowest_failure_reported),
        cmocka_unit_test(progress_in_calling_thread),
        cmocka_unit_test(threads_clamped_to_replicates),
        cmocka_unit_test(degenerate_graphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
