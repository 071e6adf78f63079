/* Measures at the edges: empty graph, one actor, no ties, two actors; the
 * tie conventions seen through the measures (weight 0, self-ties, repeated
 * ties summed); flags and arguments refused with ECOSYS_EINVAL; lists
 * disposed; and nothing ever printed. Expected values are hand-computed,
 * with the calculation next to each. Values on real graphs are in
 * tests/test_centrality.c, tests/test_centrality_reference.c and
 * tests/test_structure.c. */
#include "test_support.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXACT 1e-12
#define ITERATIVE 1e-9

static ecosys_graph *graph_of(ecosys_dataset **ds, size_t n, const size_t (*edges)[2],
                              size_t m, const double *weights, int directed)
{
    return ecosys_test_graph(ds, n, edges, m, weights, directed);
}

static void close_graph(ecosys_graph *g, ecosys_dataset *ds)
{
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void expect_einval(int rc)
{
    assert_int_equal(rc, ECOSYS_EINVAL);
    assert_int_equal(ecosys_error_last()->code, ECOSYS_EINVAL);
    assert_true(ecosys_error_last()->message[0] != '\0');
}

/* ---- tiny graphs -------------------------------------------------------- */

static void empty_graph(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 0, NULL, 0, NULL, 0);
    double x[1] = {42};
    size_t k[1] = {42}, count = 42;
    /* Nothing to compute, nothing written, success. */
    assert_ok(ecosys_degree(x, g, 0));
    assert_ok(ecosys_strength(x, g, 0));
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED));
    assert_ok(ecosys_closeness(x, g, 0));
    assert_ok(ecosys_harmonic(x, g, ECOSYS_NORMALIZED));
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_ok(ecosys_pagerank(x, g, 0.85, 0));
    assert_ok(ecosys_local_clustering(x, g, 0));
    assert_ok(ecosys_core_number(k, g, 0));
    assert_close(x[0], 42, 0);
    assert_int_equal(k[0], 42);
    assert_ok(ecosys_components(k, &count, g));
    assert_int_equal(count, 0);
    ecosys_index_list points = {(size_t *) 1, 1};
    assert_ok(ecosys_articulation_points(&points, g));
    assert_null(points.items);
    assert_int_equal(points.count, 0);
    ecosys_pair_list bridges = {(size_t *) 1, (size_t *) 1, 1};
    assert_ok(ecosys_bridges(&bridges, g));
    assert_null(bridges.sources);
    assert_int_equal(bridges.count, 0);

    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g, ECOSYS_WEIGHTED));
    assert_int_equal(s.actor_count, 0);
    assert_int_equal(s.tie_count, 0);
    assert_true(s.weighted);
    assert_true(isnan(s.density));     /* n < 2 */
    assert_true(isnan(s.mean_degree)); /* n = 0 */
    assert_int_equal(s.component_count, 0);
    assert_int_equal(s.largest_component_size, 0);
    assert_int_equal(s.isolate_count, 0);
    assert_true(isnan(s.diameter));
    assert_true(isnan(s.mean_distance));
    assert_true(isnan(s.transitivity));
    assert_true(isnan(s.mean_local_clustering));
    assert_true(isnan(s.degree_centralization));
    assert_true(isnan(s.betweenness_centralization));
    assert_true(isnan(s.closeness_centralization));
    assert_true(isnan(s.eigenvector_centralization));
    assert_int_equal(s.max_core, 0);
    assert_int_equal(s.articulation_point_count, 0);
    assert_int_equal(s.bridge_count, 0);
    close_graph(g, ds);
}

static void one_actor(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 1, NULL, 0, NULL, 0);
    double x[1];
    size_t k[1], count;
    assert_ok(ecosys_degree(x, g, ECOSYS_NORMALIZED)); /* 0/0: 0 by convention */
    assert_close(x[0], 0, 0);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED)); /* n < 3: 0 */
    assert_close(x[0], 0, 0);
    assert_ok(ecosys_closeness(x, g, 0)); /* reaches nothing */
    assert_true(isnan(x[0]));
    assert_ok(ecosys_harmonic(x, g, ECOSYS_NORMALIZED)); /* n = 1: 0 */
    assert_close(x[0], 0, 0);
    assert_ok(ecosys_eigenvector(x, g, 0)); /* no edge: 0 */
    assert_close(x[0], 0, 0);
    assert_ok(ecosys_pagerank(x, g, 0.85, 0)); /* sums to 1 */
    assert_close(x[0], 1, ITERATIVE);
    assert_ok(ecosys_local_clustering(x, g, 0));
    assert_close(x[0], 0, 0);
    assert_ok(ecosys_core_number(k, g, 0));
    assert_int_equal(k[0], 0);
    assert_ok(ecosys_components(k, &count, g));
    assert_int_equal(count, 1);
    assert_int_equal(k[0], 0);

    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g, 0));
    assert_true(isnan(s.density));
    assert_close(s.mean_degree, 0, 0);
    assert_int_equal(s.component_count, 1);
    assert_int_equal(s.largest_component_size, 1);
    assert_int_equal(s.isolate_count, 1);
    assert_true(isnan(s.diameter));      /* largest component < 2 vertices */
    assert_true(isnan(s.mean_distance));
    assert_true(isnan(s.transitivity));  /* no triple */
    assert_close(s.mean_local_clustering, 0, 0);
    assert_true(isnan(s.degree_centralization)); /* n < 3 */
    assert_true(isnan(s.eigenvector_centralization));
    assert_int_equal(s.max_core, 0);
    close_graph(g, ds);
}

static void no_ties(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 3, NULL, 0, NULL, 0);
    double x[3];
    size_t k[3], count;
    assert_ok(ecosys_degree(x, g, ECOSYS_NORMALIZED));
    assert_true(x[0] == 0 && x[1] == 0 && x[2] == 0);
    assert_ok(ecosys_strength(x, g, 0));
    assert_true(x[0] == 0 && x[1] == 0 && x[2] == 0);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED));
    assert_true(x[0] == 0 && x[1] == 0 && x[2] == 0);
    assert_ok(ecosys_closeness(x, g, ECOSYS_NORMALIZED)); /* isolates: NaN */
    assert_true(isnan(x[0]) && isnan(x[1]) && isnan(x[2]));
    assert_ok(ecosys_harmonic(x, g, 0));
    assert_true(x[0] == 0 && x[1] == 0 && x[2] == 0);
    /* igraph 0.10 gives 1 everywhere here; the stated convention is 0. */
    assert_ok(ecosys_eigenvector(x, g, ECOSYS_WEIGHTED));
    assert_true(x[0] == 0 && x[1] == 0 && x[2] == 0);
    assert_ok(ecosys_pagerank(x, g, 0.85, 0)); /* all dangling: uniform */
    for (size_t v = 0; v < 3; v++)
        assert_close(x[v], 1.0 / 3, ITERATIVE);
    assert_ok(ecosys_local_clustering(x, g, 0));
    assert_true(x[0] == 0 && x[1] == 0 && x[2] == 0);
    assert_ok(ecosys_core_number(k, g, 0));
    assert_true(k[0] == 0 && k[1] == 0 && k[2] == 0);
    assert_ok(ecosys_components(k, &count, g));
    assert_int_equal(count, 3);
    assert_true(k[0] == 0 && k[1] == 1 && k[2] == 2);

    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g, 0));
    assert_close(s.density, 0, 0);
    assert_close(s.mean_degree, 0, 0);
    assert_int_equal(s.component_count, 3);
    assert_int_equal(s.largest_component_size, 1);
    assert_int_equal(s.isolate_count, 3);
    assert_true(isnan(s.diameter));
    assert_true(isnan(s.mean_distance));
    assert_true(isnan(s.transitivity));
    assert_close(s.mean_local_clustering, 0, 0);
    /* All degrees and betweenness 0: no deviation from the maximum. */
    assert_close(s.degree_centralization, 0, 0);
    assert_close(s.betweenness_centralization, 0, 0);
    assert_true(isnan(s.closeness_centralization)); /* isolates */
    assert_close(s.eigenvector_centralization, 0, 0);
    close_graph(g, ds);
}

static void two_actors(void **state)
{
    (void) state;
    static const size_t edge[][2] = {{0, 1}};
    static const double weight[] = {4};
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 2, edge, 1, weight, 0);
    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g, ECOSYS_WEIGHTED));
    assert_close(s.density, 1, 0);
    assert_close(s.mean_degree, 1, 0);
    assert_close(s.diameter, 0.25, EXACT); /* length 1/4 */
    assert_close(s.mean_distance, 0.25, EXACT);
    assert_true(isnan(s.transitivity)); /* no connected triple */
    assert_close(s.mean_local_clustering, 0, 0);
    /* Freeman's maxima are 0 for n = 2: NaN, not 0/0 noise. */
    assert_true(isnan(s.degree_centralization));
    assert_true(isnan(s.betweenness_centralization));
    assert_true(isnan(s.closeness_centralization));
    assert_true(isnan(s.eigenvector_centralization));
    assert_int_equal(s.bridge_count, 1);
    assert_int_equal(s.articulation_point_count, 0);
    double x[2];
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED)); /* 1 / (1/4) */
    assert_close(x[0], 4, EXACT);
    assert_close(x[1], 4, EXACT);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED)); /* n < 3 */
    assert_true(x[0] == 0 && x[1] == 0);
    close_graph(g, ds);
}

/* ---- tie conventions through the measures ------------------------------ */

static void tie_conventions(void **state)
{
    (void) state;
    /* 0-1 weight 1 and 1-0 weight 2 (undirected repeats: one edge of
     * weight 3), self-tie 1-1 (ignored), 1-2 of weight 0 (data only). */
    static const size_t ties[][2] = {{0, 1}, {1, 0}, {1, 1}, {1, 2}};
    static const double weights[] = {1, 2, 5, 0};
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 3, ties, 4, weights, 0);
    double x[3];
    assert_ok(ecosys_degree(x, g, 0));
    assert_true(x[0] == 1 && x[1] == 1 && x[2] == 0);
    assert_ok(ecosys_strength(x, g, 0));
    assert_true(x[0] == 3 && x[1] == 3 && x[2] == 0);
    /* One tie of length 1/3: closeness 3 at both ends, NaN for 2. */
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED));
    assert_close(x[0], 3, EXACT);
    assert_close(x[1], 3, EXACT);
    assert_true(isnan(x[2]));
    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g, ECOSYS_WEIGHTED));
    assert_int_equal(s.tie_count, 1);
    assert_int_equal(s.isolate_count, 1);
    assert_int_equal(s.component_count, 2);
    assert_close(s.diameter, 1.0 / 3, EXACT);
    close_graph(g, ds);

    /* Directed: 0->1 twice (1 + 2 = 3), 1->0 once (4) stays its own arc. */
    static const size_t arcs[][2] = {{0, 1}, {0, 1}, {1, 0}};
    static const double arc_weights[] = {1, 2, 4};
    g = graph_of(&ds, 2, arcs, 3, arc_weights, 1);
    assert_ok(ecosys_strength(x, g, ECOSYS_MODE_OUT));
    assert_true(x[0] == 3 && x[1] == 4);
    assert_ok(ecosys_degree(x, g, 0)); /* in + out */
    assert_true(x[0] == 2 && x[1] == 2);
    /* Direction ignored: one edge of weight 3 + 4 = 7, length 1/7. */
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED | ECOSYS_MODE_ALL));
    assert_close(x[0], 7, EXACT);
    /* Directed: 0 reaches 1 at 1/3, 1 reaches 0 at 1/4. */
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED));
    assert_close(x[0], 3, EXACT);
    assert_close(x[1], 4, EXACT);
    close_graph(g, ds);
}

static void pagerank_damping(void **state)
{
    (void) state;
    static const size_t p4[][2] = {{0, 1}, {1, 2}, {2, 3}};
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 4, p4, 3, NULL, 0);
    double x[4];
    /* d = 0: pure teleport, uniform. */
    assert_ok(ecosys_pagerank(x, g, 0, 0));
    for (size_t v = 0; v < 4; v++)
        assert_close(x[v], 0.25, ITERATIVE);
    /* d = 1 on a connected undirected graph: the random walk's stationary
     * distribution, degree / 2m = 1/6, 2/6, 2/6, 1/6. */
    assert_ok(ecosys_pagerank(x, g, 1, 0));
    assert_close(x[0], 1.0 / 6, ITERATIVE);
    assert_close(x[1], 2.0 / 6, ITERATIVE);
    assert_close(x[2], 2.0 / 6, ITERATIVE);
    assert_close(x[3], 1.0 / 6, ITERATIVE);
    close_graph(g, ds);

    /* d = 1 on the directed star 0 -> 1, 2, 3: dangling leaves spread
     * their rank evenly, h = 3l/4 and l = h/3 + 3l/4, h + 3l = 1 =>
     * l = 1/3.75 = 4/15, h = 1/5. */
    static const size_t arcs[][2] = {{0, 1}, {0, 2}, {0, 3}};
    g = graph_of(&ds, 4, arcs, 3, NULL, 1);
    assert_ok(ecosys_pagerank(x, g, 1, 0));
    assert_close(x[0], 0.2, ITERATIVE);
    assert_close(x[1], 4.0 / 15, ITERATIVE);
    assert_close(x[3], 4.0 / 15, ITERATIVE);
    /* Just below 1 PRPACK is used, and agrees. */
    assert_ok(ecosys_pagerank(x, g, 0.9999999, 0));
    assert_close(x[0], 0.2, 1e-6);
    expect_einval(ecosys_pagerank(x, g, -0.01, 0));
    expect_einval(ecosys_pagerank(x, g, 1.01, 0));
    expect_einval(ecosys_pagerank(x, g, NAN, 0));
    close_graph(g, ds);
}

/* ---- flags and arguments ------------------------------------------------ */

static void flags_refused(void **state)
{
    (void) state;
    static const size_t p3[][2] = {{0, 1}, {1, 2}};
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 3, p3, 2, NULL, 0);
    double x[3];
    size_t k[3];
    ecosys_structure s;
    const unsigned int unknown = 1u << 9; /* no flag has this bit */

    /* Unknown bits: everywhere. */
    expect_einval(ecosys_structure_compute(&s, g, unknown));
    expect_einval(ecosys_degree(x, g, unknown));
    expect_einval(ecosys_strength(x, g, unknown));
    expect_einval(ecosys_betweenness(x, g, unknown));
    expect_einval(ecosys_closeness(x, g, unknown));
    expect_einval(ecosys_harmonic(x, g, unknown));
    expect_einval(ecosys_eigenvector(x, g, unknown));
    expect_einval(ecosys_pagerank(x, g, 0.85, unknown));
    expect_einval(ecosys_local_clustering(x, g, unknown));
    expect_einval(ecosys_core_number(k, g, unknown));
    expect_einval(ecosys_core_number(k, g, 0x80000000u));

    /* Known flags a measure does not document. */
    expect_einval(ecosys_degree(x, g, ECOSYS_WEIGHTED)); /* use strength */
    assert_non_null(strstr(ecosys_error_last()->message, "ecosys_strength"));
    expect_einval(ecosys_structure_compute(&s, g, ECOSYS_NORMALIZED));
    expect_einval(ecosys_structure_compute(&s, g, ECOSYS_MODE_OUT));
    expect_einval(ecosys_strength(x, g, ECOSYS_NORMALIZED));
    expect_einval(ecosys_eigenvector(x, g, ECOSYS_NORMALIZED));
    expect_einval(ecosys_eigenvector(x, g, ECOSYS_MODE_IN));
    expect_einval(ecosys_pagerank(x, g, 0.85, ECOSYS_MODE_ALL));
    expect_einval(ecosys_local_clustering(x, g, ECOSYS_WEIGHTED));
    expect_einval(ecosys_local_clustering(x, g, ECOSYS_MODE_ALL));
    expect_einval(ecosys_core_number(k, g, ECOSYS_WEIGHTED));
    expect_einval(ecosys_core_number(k, g, ECOSYS_NORMALIZED));
    expect_einval(ecosys_betweenness(x, g, ECOSYS_NO_PATHS)); /* structure only */

    /* Accepted combinations (undirected graphs ignore the mode). */
    assert_ok(ecosys_degree(x, g, ECOSYS_NORMALIZED | ECOSYS_MODE_IN));
    assert_ok(ecosys_strength(x, g, ECOSYS_WEIGHTED | ECOSYS_MODE_OUT));
    assert_ok(ecosys_betweenness(x, g, ECOSYS_WEIGHTED | ECOSYS_NORMALIZED | ECOSYS_MODE_ALL));
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED | ECOSYS_NORMALIZED | ECOSYS_MODE_IN));
    assert_ok(ecosys_harmonic(x, g, ECOSYS_WEIGHTED | ECOSYS_NORMALIZED | ECOSYS_MODE_OUT));
    assert_ok(ecosys_eigenvector(x, g, ECOSYS_WEIGHTED));
    assert_ok(ecosys_pagerank(x, g, 0.85, ECOSYS_WEIGHTED));
    assert_ok(ecosys_core_number(k, g, ECOSYS_MODE_ALL));
    assert_ok(ecosys_structure_compute(&s, g, ECOSYS_WEIGHTED));
    close_graph(g, ds);
}

static void null_arguments(void **state)
{
    (void) state;
    static const size_t p3[][2] = {{0, 1}, {1, 2}};
    ecosys_dataset *ds;
    ecosys_graph *g = graph_of(&ds, 3, p3, 2, NULL, 0);
    double x[3];
    size_t k[3], count;
    ecosys_structure s;
    ecosys_index_list points;
    ecosys_pair_list bridges;

    expect_einval(ecosys_structure_compute(NULL, g, 0));
    expect_einval(ecosys_structure_compute(&s, NULL, 0));
    expect_einval(ecosys_degree(NULL, g, 0));
    expect_einval(ecosys_degree(x, NULL, 0));
    expect_einval(ecosys_strength(NULL, g, 0));
    expect_einval(ecosys_strength(x, NULL, 0));
    expect_einval(ecosys_betweenness(NULL, g, 0));
    expect_einval(ecosys_betweenness(x, NULL, 0));
    expect_einval(ecosys_closeness(NULL, g, 0));
    expect_einval(ecosys_closeness(x, NULL, 0));
    expect_einval(ecosys_harmonic(NULL, g, 0));
    expect_einval(ecosys_harmonic(x, NULL, 0));
    expect_einval(ecosys_eigenvector(NULL, g, 0));
    expect_einval(ecosys_eigenvector(x, NULL, 0));
    expect_einval(ecosys_pagerank(NULL, g, 0.85, 0));
    expect_einval(ecosys_pagerank(x, NULL, 0.85, 0));
    expect_einval(ecosys_local_clustering(NULL, g, 0));
    expect_einval(ecosys_local_clustering(x, NULL, 0));
    expect_einval(ecosys_core_number(NULL, g, 0));
    expect_einval(ecosys_core_number(k, NULL, 0));
    expect_einval(ecosys_components(NULL, &count, g));
    expect_einval(ecosys_components(k, &count, NULL));
    expect_einval(ecosys_articulation_points(NULL, g));
    expect_einval(ecosys_articulation_points(&points, NULL));
    expect_einval(ecosys_bridges(NULL, g));
    expect_einval(ecosys_bridges(&bridges, NULL));

    /* Disposing NULL or an already disposed list is harmless. */
    ecosys_index_list_dispose(NULL);
    ecosys_pair_list_dispose(NULL);
    assert_ok(ecosys_articulation_points(&points, g));
    ecosys_index_list_dispose(&points);
    ecosys_index_list_dispose(&points);
    assert_ok(ecosys_bridges(&bridges, g));
    ecosys_pair_list_dispose(&bridges);
    ecosys_pair_list_dispose(&bridges);
    close_graph(g, ds);
}

/* ---- silence ------------------------------------------------------------ */

/* Runs, with stdout and stderr redirected to a file, calls on which igraph
 * warns (acyclic eigenvector, isolates in closeness, disconnected
 * eigenvector) or fails, and refused arguments; the file must stay empty.
 * No cmocka assertion inside the redirected stretch (its messages would be
 * captured). */
static void never_prints(void **state)
{
    (void) state;
    static const size_t star[][2] = {{0, 1}, {0, 2}, {0, 3}};
    static const size_t parts[][2] = {{0, 1}, {1, 2}, {2, 0}, {3, 4}};
    ecosys_dataset *ds1, *ds2, *ds3;
    ecosys_graph *dag = graph_of(&ds1, 5, star, 3, NULL, 1); /* 4 is an isolate */
    ecosys_graph *split = graph_of(&ds2, 6, parts, 4, NULL, 0);
    ecosys_graph *none = graph_of(&ds3, 0, NULL, 0, NULL, 0);
    double x[6];
    size_t k[6];
    ecosys_structure s;
    ecosys_index_list points;
    ecosys_pair_list bridges;
    char *dir = ecosys_test_tmpdir();
    char path[4200];
    snprintf(path, sizeof path, "%s/output", dir);

    fflush(stdout);
    fflush(stderr);
    int saved_out = dup(1), saved_err = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved_out >= 0 && saved_err >= 0 && fd >= 0);
    dup2(fd, 1);
    dup2(fd, 2);

    int failures = 0;
    ecosys_graph *graphs[] = {dag, split, none};
    for (size_t i = 0; i < 3; i++) {
        ecosys_graph *g = graphs[i];
        failures += ecosys_structure_compute(&s, g, 0) != 0;
        failures += ecosys_structure_compute(&s, g, ECOSYS_WEIGHTED) != 0;
        failures += ecosys_eigenvector(x, g, 0) != 0;
        failures += ecosys_eigenvector(x, g, ECOSYS_WEIGHTED) != 0;
        failures += ecosys_closeness(x, g, ECOSYS_NORMALIZED) != 0;
        failures += ecosys_closeness(x, g, ECOSYS_MODE_ALL | ECOSYS_WEIGHTED) != 0;
        failures += ecosys_harmonic(x, g, ECOSYS_NORMALIZED | ECOSYS_MODE_IN) != 0;
        failures += ecosys_betweenness(x, g, ECOSYS_WEIGHTED | ECOSYS_MODE_ALL) != 0;
        failures += ecosys_pagerank(x, g, 1.0, ECOSYS_WEIGHTED) != 0;
        failures += ecosys_local_clustering(x, g, 0) != 0;
        failures += ecosys_core_number(k, g, ECOSYS_MODE_IN) != 0;
        failures += ecosys_components(k, NULL, g) != 0;
        failures += ecosys_articulation_points(&points, g) != 0;
        ecosys_index_list_dispose(&points);
        failures += ecosys_bridges(&bridges, g) != 0;
        ecosys_pair_list_dispose(&bridges);
        /* Refused: these must fail, quietly. */
        failures += ecosys_degree(x, g, ECOSYS_WEIGHTED) != ECOSYS_EINVAL;
        failures += ecosys_pagerank(x, g, 2.0, 0) != ECOSYS_EINVAL;
        failures += ecosys_betweenness(NULL, g, 0) != ECOSYS_EINVAL;
    }

    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    close(fd);

    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    if (st.st_size != 0) {
        char text[512] = "";
        FILE *f = fopen(path, "r");
        if (f) {
            size_t got = fread(text, 1, sizeof text - 1, f);
            text[got] = '\0';
            fclose(f);
        }
        fail_msg("the library printed %lld bytes: %s", (long long) st.st_size, text);
    }
    assert_int_equal(failures, 0);
    ecosys_test_rmtree(dir);
    free(dir);
    close_graph(dag, ds1);
    close_graph(split, ds2);
    close_graph(none, ds3);
}

/* Iterative solvers must not vary between calls: igraph's ARPACK start
 * vector comes from an RNG that the library reseeds on every call. A ring
 * of 3000 actors with chords i -> 7i mod n is big enough for ARPACK to
 * iterate. Expected: bit-identical vectors. */
static void eigenvector_is_reproducible(void **state)
{
    (void) state;
    enum { N = 3000 };
    static size_t edges[2 * N][2];
    for (size_t i = 0; i < N; i++) {
        edges[2 * i][0] = i;
        edges[2 * i][1] = (i + 1) % N;
        edges[2 * i + 1][0] = i;
        edges[2 * i + 1][1] = (7 * i + 3) % N;
    }
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, N, (const size_t (*)[2]) edges, 2 * N, NULL, 0);
    static double first[N], again[N];
    assert_ok(ecosys_eigenvector(first, g, 0));
    for (int round = 0; round < 3; round++) {
        assert_ok(ecosys_eigenvector(again, g, 0));
        assert_memory_equal(first, again, sizeof first);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eigenvector_is_reproducible),
        cmocka_unit_test(empty_graph),
        cmocka_unit_test(one_actor),
        cmocka_unit_test(no_ties),
        cmocka_unit_test(two_actors),
        cmocka_unit_test(tie_conventions),
        cmocka_unit_test(pagerank_damping),
        cmocka_unit_test(flags_refused),
        cmocka_unit_test(null_arguments),
        cmocka_unit_test(never_prints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
