/* Vertex measures of ecosys/measures.h on small graphs, by hand: degree,
 * strength, betweenness, closeness, harmonic, eigenvector, PageRank, local
 * clustering, core numbers, components, articulation points, bridges.
 *
 * Every expected value has its hand calculation next to it. The same
 * measures on Zachary's karate club and a directed graph, against NetworkX,
 * are in tests/test_centrality_reference.c; edge cases, flags and argument
 * errors in tests/test_measures.c. */
#include "test_support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define EXACT 1e-12   /* values computed by closed formula or exact path counts */
#define ITERATIVE 1e-9 /* eigenvectors (ARPACK) and PageRank (PRPACK vs power method) */

/* ---- the small graphs, by hand ------------------------------------------ */

/* The graphs are ecosys_test_p4, _star, _tri_pendant, _two_parts and
 * _diamond of test_support.h. */

static void path4_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_p4, 3, NULL, 0);
    double x[4];

    /* Degree 1, 2, 2, 1; normalised by n - 1 = 3. */
    assert_ok(ecosys_degree(x, g, 0));
    assert_vector_close(x, ((double[]){1, 2, 2, 1}), 4, EXACT);
    assert_ok(ecosys_degree(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0 / 3}), 4, EXACT);

    /* Betweenness: 1 lies on 0-2 and 0-3, 2 on 1-3 and 0-3: 0, 2, 2, 0.
     * Normalised by (n-1)(n-2)/2 = 3 pairs. */
    assert_ok(ecosys_betweenness(x, g, 0));
    assert_vector_close(x, ((double[]){0, 2, 2, 0}), 4, EXACT);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){0, 2.0 / 3, 2.0 / 3, 0}), 4, EXACT);

    /* Closeness: distance sums 6, 4, 4, 6 -> 1/6, 1/4; normalised 3/sum. */
    assert_ok(ecosys_closeness(x, g, 0));
    assert_vector_close(x, ((double[]){1.0 / 6, 0.25, 0.25, 1.0 / 6}), 4, EXACT);
    assert_ok(ecosys_closeness(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){0.5, 0.75, 0.75, 0.5}), 4, EXACT);

    /* Harmonic: 1 + 1/2 + 1/3 = 11/6 at the ends, 1 + 1 + 1/2 = 5/2 inside. */
    assert_ok(ecosys_harmonic(x, g, 0));
    assert_vector_close(x, ((double[]){11.0 / 6, 2.5, 2.5, 11.0 / 6}), 4, EXACT);
    assert_ok(ecosys_harmonic(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){11.0 / 18, 2.5 / 3, 2.5 / 3, 11.0 / 18}), 4, EXACT);

    /* Eigenvector: lambda = golden ratio phi, vector (1, phi, phi, 1);
     * scaled to max 1: ends 1/phi = 0.6180339887498949. */
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_vector_close(x, ((double[]){0.6180339887498949, 1, 1, 0.6180339887498949}), 4,
                        ITERATIVE);

    /* PageRank, d = 0.85, by symmetry ends a, middles b with 2a + 2b = 1,
     * a = 0.15/4 + 0.85 b/2  =>  b = 0.4625 / 1.425, a = 0.5 - b. */
    assert_ok(ecosys_pagerank(x, g, 0.85, 0));
    double b = 0.4625 / 1.425, a = 0.5 - b;
    assert_vector_close(x, ((double[]){a, b, b, a}), 4, ITERATIVE);

    /* No triangle: local clustering 0 (degree-1 ends are 0 by convention). */
    assert_ok(ecosys_local_clustering(x, g, 0));
    assert_vector_close(x, ((double[]){0, 0, 0, 0}), 4, EXACT);

    /* A path is its own 1-core. */
    size_t cores[4], members[4], count = 99;
    assert_ok(ecosys_core_number(cores, g, 0));
    ecosys_test_sizes_equal(cores, (size_t[]){1, 1, 1, 1}, 4);
    assert_ok(ecosys_components(members, &count, g));
    assert_int_equal(count, 1);
    ecosys_test_sizes_equal(members, (size_t[]){0, 0, 0, 0}, 4);

    /* Cut vertices 1 and 2; every edge of a tree is a bridge. */
    ecosys_index_list points;
    assert_ok(ecosys_articulation_points(&points, g));
    assert_int_equal(points.count, 2);
    ecosys_test_sizes_equal(points.items, (size_t[]){1, 2}, 2);
    ecosys_index_list_dispose(&points);
    assert_null(points.items);
    assert_int_equal(points.count, 0);
    ecosys_pair_list bridges;
    assert_ok(ecosys_bridges(&bridges, g));
    assert_int_equal(bridges.count, 3);
    ecosys_test_sizes_equal(bridges.sources, (size_t[]){0, 1, 2}, 3);
    ecosys_test_sizes_equal(bridges.targets, (size_t[]){1, 2, 3}, 3);
    ecosys_pair_list_dispose(&bridges);
    assert_null(bridges.sources);
    assert_int_equal(bridges.count, 0);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void star_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 5, ecosys_test_star, 4, NULL, 0);
    double x[5];

    /* The centre lies on all C(4,2) = 6 leaf pairs: normalised 6/6 = 1. */
    assert_ok(ecosys_betweenness(x, g, 0));
    assert_vector_close(x, ((double[]){6, 0, 0, 0, 0}), 5, EXACT);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){1, 0, 0, 0, 0}), 5, EXACT);

    /* Closeness normalised: centre 4/4 = 1; leaf 4/(1 + 3*2) = 4/7. */
    assert_ok(ecosys_closeness(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7}), 5, EXACT);

    /* Harmonic: centre 4; leaf 1 + 3/2 = 2.5. */
    assert_ok(ecosys_harmonic(x, g, 0));
    assert_vector_close(x, ((double[]){4, 2.5, 2.5, 2.5, 2.5}), 5, EXACT);

    /* Eigenvector: lambda = 2, centre = 2 x leaf: leaves 1/2. */
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_vector_close(x, ((double[]){1, 0.5, 0.5, 0.5, 0.5}), 5, ITERATIVE);

    /* PageRank: c = 0.15/5 + 0.85 * 4l, l = 0.15/5 + 0.85 c/4, c + 4l = 1
     * => c = 0.88 / 1.85, l = (1 - c)/4. */
    assert_ok(ecosys_pagerank(x, g, 0.85, 0));
    double c = 0.88 / 1.85, l = (1 - c) / 4;
    assert_vector_close(x, ((double[]){c, l, l, l, l}), 5, ITERATIVE);

    /* The centre is the only cut vertex; four bridges. */
    ecosys_index_list points;
    assert_ok(ecosys_articulation_points(&points, g));
    assert_int_equal(points.count, 1);
    assert_int_equal(points.items[0], 0);
    ecosys_index_list_dispose(&points);
    ecosys_pair_list bridges;
    assert_ok(ecosys_bridges(&bridges, g));
    assert_int_equal(bridges.count, 4);
    ecosys_test_sizes_equal(bridges.sources, (size_t[]){0, 0, 0, 0}, 4);
    ecosys_test_sizes_equal(bridges.targets, (size_t[]){1, 2, 3, 4}, 4);
    ecosys_pair_list_dispose(&bridges);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void triangle_with_pendant_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_tri_pendant, 4, NULL, 0);
    double x[4];
    size_t cores[4];

    /* 0 and 1: their 2 neighbours are linked -> 1. 2: neighbours 0, 1, 3,
     * one link among 3 pairs -> 1/3. 3 has degree 1 -> 0 (convention). */
    assert_ok(ecosys_local_clustering(x, g, 0));
    assert_vector_close(x, ((double[]){1, 1, 1.0 / 3, 0}), 4, EXACT);

    /* The triangle is the 2-core; the pendant only in the 1-core. */
    assert_ok(ecosys_core_number(cores, g, 0));
    ecosys_test_sizes_equal(cores, (size_t[]){2, 2, 2, 1}, 4);

    /* 2 lies on 0-3 and 1-3. */
    assert_ok(ecosys_betweenness(x, g, 0));
    assert_vector_close(x, ((double[]){0, 0, 2, 0}), 4, EXACT);

    /* The pendant edge 2-3 is the only bridge, 2 the only cut vertex. */
    ecosys_pair_list bridges;
    assert_ok(ecosys_bridges(&bridges, g));
    assert_int_equal(bridges.count, 1);
    assert_int_equal(bridges.sources[0], 2);
    assert_int_equal(bridges.targets[0], 3);
    ecosys_pair_list_dispose(&bridges);
    ecosys_index_list points;
    assert_ok(ecosys_articulation_points(&points, g));
    assert_int_equal(points.count, 1);
    assert_int_equal(points.items[0], 2);
    ecosys_index_list_dispose(&points);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void disconnected_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 7, ecosys_test_two_parts, 5, NULL, 0);
    double x[7];
    size_t members[7], count = 0;

    /* Components in order of their first vertex: {0,2,4} is 0, {1,3,5} is
     * 1, {6} is 2. */
    assert_ok(ecosys_components(members, &count, g));
    assert_int_equal(count, 3);
    ecosys_test_sizes_equal(members, (size_t[]){0, 1, 0, 1, 0, 1, 2}, 7);
    assert_ok(ecosys_components(members, NULL, g)); /* count is optional */

    /* Closeness over reachable vertices. 0 reaches 2 (1) and 4 (2): 1/3,
     * normalised (r-1)/sum = 2/3 (NetworkX's wf_improved would scale it by
     * (r-1)/(n-1) = 2/6). 2 reaches 0 and 4 at 1: 1/2, normalised 1.
     * Triangle: 2/2 = 1. The isolate reaches nothing: NaN. */
    assert_ok(ecosys_closeness(x, g, 0));
    assert_vector_close(x, ((double[]){1.0 / 3, 0.5, 0.5, 0.5, 1.0 / 3, 0.5, NAN}), 7, EXACT);
    assert_ok(ecosys_closeness(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){2.0 / 3, 1, 1, 1, 2.0 / 3, 1, NAN}), 7, EXACT);

    /* Harmonic counts unreachable vertices as 0: 0 has 1 + 1/2, 2 has 2,
     * triangle vertices 2, the isolate 0; normalised by n - 1 = 6. */
    assert_ok(ecosys_harmonic(x, g, 0));
    assert_vector_close(x, ((double[]){1.5, 2, 2, 2, 1.5, 2, 0}), 7, EXACT);
    assert_ok(ecosys_harmonic(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){0.25, 2.0 / 6, 2.0 / 6, 2.0 / 6, 0.25, 2.0 / 6, 0}), 7,
                        EXACT);

    /* Eigenvector: the triangle's eigenvalue 2 beats the path's sqrt(2), so
     * the principal eigenvector lives on the triangle; the rest is 0 (not
     * -0: the library clears igraph's sign). */
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_vector_close(x, ((double[]){0, 1, 0, 1, 0, 1, 0}), 7, ITERATIVE);
    assert_false(signbit(x[0]) || signbit(x[6]));

    /* PageRank still sums to 1; the isolate gets only the teleport share
     * (1 - d)/n plus d/n of its own dangling mass: p = 0.15/7 + 0.85 p/7
     * => p = 0.15 / (7 - 0.85). */
    assert_ok(ecosys_pagerank(x, g, 0.85, 0));
    double sum = 0;
    for (size_t v = 0; v < 7; v++)
        sum += x[v];
    assert_close(sum, 1, ITERATIVE);
    assert_close(x[6], 0.15 / (7 - 0.85), ITERATIVE);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- directed graphs by hand -------------------------------------------- */

static void directed_star_by_hand(void **state)
{
    (void) state;
    /* 0 -> 1, 0 -> 2, 0 -> 3 */
    static const size_t arcs[][2] = {{0, 1}, {0, 2}, {0, 3}};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, arcs, 3, NULL, 1);
    double x[4];
    size_t cores[4];

    assert_ok(ecosys_degree(x, g, 0)); /* default MODE_ALL: in + out */
    assert_vector_close(x, ((double[]){3, 1, 1, 1}), 4, EXACT);
    assert_ok(ecosys_degree(x, g, ECOSYS_MODE_OUT));
    assert_vector_close(x, ((double[]){3, 0, 0, 0}), 4, EXACT);
    assert_ok(ecosys_degree(x, g, ECOSYS_MODE_IN | ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){0, 1.0 / 3, 1.0 / 3, 1.0 / 3}), 4, EXACT);

    /* Default MODE_OUT: the hub reaches all three at 1 (1/3, normalised 1);
     * leaves reach nothing (NaN). MODE_IN: the reverse. */
    assert_ok(ecosys_closeness(x, g, 0));
    assert_vector_close(x, ((double[]){1.0 / 3, NAN, NAN, NAN}), 4, EXACT);
    assert_ok(ecosys_closeness(x, g, ECOSYS_MODE_IN | ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){NAN, 1, 1, 1}), 4, EXACT);
    /* MODE_ALL: the undirected star: hub 3/3, leaves 3/5. */
    assert_ok(ecosys_closeness(x, g, ECOSYS_MODE_ALL | ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){1, 0.6, 0.6, 0.6}), 4, EXACT);

    /* Harmonic: OUT hub 3, leaves 0; IN hub 0, leaves 1. */
    assert_ok(ecosys_harmonic(x, g, 0));
    assert_vector_close(x, ((double[]){3, 0, 0, 0}), 4, EXACT);
    assert_ok(ecosys_harmonic(x, g, ECOSYS_MODE_IN));
    assert_vector_close(x, ((double[]){0, 1, 1, 1}), 4, EXACT);

    /* No directed path has an inner vertex: betweenness 0; ignoring
     * direction the hub lies on the 3 leaf pairs. */
    assert_ok(ecosys_betweenness(x, g, 0));
    assert_vector_close(x, ((double[]){0, 0, 0, 0}), 4, EXACT);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_MODE_ALL));
    assert_vector_close(x, ((double[]){3, 0, 0, 0}), 4, EXACT);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_MODE_ALL | ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){1, 0, 0, 0}), 4, EXACT);

    /* In-link eigenvector of an acyclic graph: eigenvalue 0, all 0 (igraph
     * warns; the warning is silenced). */
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_vector_close(x, ((double[]){0, 0, 0, 0}), 4, EXACT);

    /* PageRank with dangling leaves jumping uniformly: hub h, leaves l,
     * h = 0.15/4 + 0.85 (3l/4), h + 3l = 1 => l = 0.9625 / 3.6375. */
    assert_ok(ecosys_pagerank(x, g, 0.85, 0));
    double l = 0.9625 / 3.6375, h = 1 - 3 * l;
    assert_vector_close(x, ((double[]){h, l, l, l}), 4, ITERATIVE);

    /* Cores by in + out degree: every vertex is in the 1-core only. */
    assert_ok(ecosys_core_number(cores, g, 0));
    ecosys_test_sizes_equal(cores, (size_t[]){1, 1, 1, 1}, 4);
    /* By out-degree: leaves have 0 and drop first, then the hub has 0. */
    assert_ok(ecosys_core_number(cores, g, ECOSYS_MODE_OUT));
    ecosys_test_sizes_equal(cores, (size_t[]){0, 0, 0, 0}, 4);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void directed_cycle_by_hand(void **state)
{
    (void) state;
    /* 0 -> 1 -> 2 -> 0 */
    static const size_t arcs[][2] = {{0, 1}, {1, 2}, {2, 0}};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 3, arcs, 3, NULL, 1);
    double x[3];

    /* Each vertex reaches the next at 1 and the one after at 2: 1/3,
     * normalised 2/3. */
    assert_ok(ecosys_closeness(x, g, 0));
    assert_vector_close(x, ((double[]){1.0 / 3, 1.0 / 3, 1.0 / 3}), 3, EXACT);
    assert_ok(ecosys_closeness(x, g, ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){2.0 / 3, 2.0 / 3, 2.0 / 3}), 3, EXACT);
    /* v lies on the path from v-1 to v+1 only: 1 each, normalised by
     * (n-1)(n-2) = 2 ordered pairs. */
    assert_ok(ecosys_betweenness(x, g, 0));
    assert_vector_close(x, ((double[]){1, 1, 1}), 3, EXACT);
    assert_ok(ecosys_betweenness(x, g, ECOSYS_NORMALIZED | ECOSYS_MODE_IN));
    assert_vector_close(x, ((double[]){0.5, 0.5, 0.5}), 3, EXACT);
    /* Symmetric: eigenvector all 1, PageRank all 1/3. */
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_vector_close(x, ((double[]){1, 1, 1}), 3, ITERATIVE);
    assert_ok(ecosys_pagerank(x, g, 0.85, 0));
    assert_vector_close(x, ((double[]){1.0 / 3, 1.0 / 3, 1.0 / 3}), 3, ITERATIVE);
    /* Direction ignored it is a triangle: clustering 1, one 2-core. */
    assert_ok(ecosys_local_clustering(x, g, 0));
    assert_vector_close(x, ((double[]){1, 1, 1}), 3, EXACT);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* "Direction ignored" merges a->b and b->a into one edge with the summed
 * weight, exactly as ECOSYS_DIRECTION_UNDIRECTED would. igraph's own
 * IGRAPH_ALL on the directed graph would see two parallel edges. */
static void direction_ignored_merges_reciprocated_arcs(void **state)
{
    (void) state;
    /* Square 0-1-3-2-0 with 0 <-> 1 reciprocated. */
    static const size_t square[][2] = {{0, 1}, {1, 0}, {1, 3}, {0, 2}, {2, 3}};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, square, 5, NULL, 1);
    double x[4];
    /* Undirected square: each vertex lies on one of the two shortest paths
     * of the opposite pair: 1/2 each. (Parallel edges would give 1 and 0
     * 2/3 of the 0-3 paths: 0 -> 1 twice.) */
    assert_ok(ecosys_betweenness(x, g, ECOSYS_MODE_ALL));
    assert_vector_close(x, ((double[]){0.5, 0.5, 0.5, 0.5}), 4, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* 0 <-> 1 (weights 1 and 2) and 1 -> 2 (weight 1). */
    static const size_t path[][2] = {{0, 1}, {1, 0}, {1, 2}};
    static const double weights[] = {1, 2, 1};
    g = ecosys_test_graph(&ds, 3, path, 3, weights, 1);
    /* Merged 0-1 has weight 3, length 1/3; 1-2 length 1. From 0: 1/3 and
     * 4/3, sum 5/3: closeness 3/5, normalised 2/(5/3) = 6/5. From 1: 1/3
     * and 1, sum 4/3. From 2: 1 and 4/3, sum 7/3. (Parallel edges would
     * take the shorter length 1/2: 0 would get 1/2.) */
    assert_ok(ecosys_closeness(x, g, ECOSYS_MODE_ALL | ECOSYS_WEIGHTED));
    assert_vector_close(x, ((double[]){0.6, 0.75, 3.0 / 7}), 3, EXACT);
    assert_ok(ecosys_closeness(x, g, ECOSYS_MODE_ALL | ECOSYS_WEIGHTED | ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){1.2, 1.5, 6.0 / 7}), 3, EXACT);
    /* Both undirected edges are bridges and 1 is a cut vertex, though 0-1
     * is two arcs. */
    ecosys_pair_list bridges;
    assert_ok(ecosys_bridges(&bridges, g));
    assert_int_equal(bridges.count, 2);
    ecosys_test_sizes_equal(bridges.sources, (size_t[]){0, 1}, 2);
    ecosys_test_sizes_equal(bridges.targets, (size_t[]){1, 2}, 2);
    ecosys_pair_list_dispose(&bridges);
    ecosys_index_list points;
    assert_ok(ecosys_articulation_points(&points, g));
    assert_int_equal(points.count, 1);
    assert_int_equal(points.items[0], 1);
    ecosys_index_list_dispose(&points);
    /* Strength keeps directions: out 1, 2, 1 ... in 2, 1, 1; all = sums. */
    assert_ok(ecosys_strength(x, g, ECOSYS_MODE_OUT));
    assert_vector_close(x, ((double[]){1, 3, 0}), 3, EXACT);
    assert_ok(ecosys_strength(x, g, ECOSYS_MODE_IN));
    assert_vector_close(x, ((double[]){2, 1, 1}), 3, EXACT);
    assert_ok(ecosys_strength(x, g, 0));
    assert_vector_close(x, ((double[]){3, 4, 1}), 3, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- weights by hand ---------------------------------------------------- */

static void weighted_diamond_by_hand(void **state)
{
    (void) state;
    /* 0-1 (4), 1-3 (4), 0-2 (1), 2-3 (1): lengths 1/4, 1/4, 1, 1. */
    ecosys_dataset *ds;
    ecosys_graph *g =
        ecosys_test_graph(&ds, 4, ecosys_test_diamond, 4, ecosys_test_diamond_weights, 0);
    double x[4];

    /* Hops: a 4-cycle, every vertex on one of two paths of its opposite
     * pair: 1/2 each. */
    assert_ok(ecosys_betweenness(x, g, 0));
    assert_vector_close(x, ((double[]){0.5, 0.5, 0.5, 0.5}), 4, EXACT);
    /* Lengths 1/w: 0-3 only through 1 (1/2 < 2): b(1) = 1; 1-2 through 0
     * or 3 (both 5/4): 1/2 each; 2 lies on no shortest path. */
    assert_ok(ecosys_betweenness(x, g, ECOSYS_WEIGHTED));
    assert_vector_close(x, ((double[]){0.5, 1, 0, 0.5}), 4, EXACT);
    /* Distances from 0: 1/4, 1 (direct), 1/2 -> sum 7/4; from 1: 1/4,
     * 5/4, 1/4 -> 7/4; from 2: 1, 5/4, 1 -> 13/4; 3 like 0. */
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED));
    assert_vector_close(x, ((double[]){4.0 / 7, 4.0 / 7, 4.0 / 13, 4.0 / 7}), 4, EXACT);
    assert_ok(ecosys_closeness(x, g, ECOSYS_WEIGHTED | ECOSYS_NORMALIZED));
    assert_vector_close(x, ((double[]){12.0 / 7, 12.0 / 7, 12.0 / 13, 12.0 / 7}), 4, EXACT);
    /* Harmonic from 0: 4 + 1 + 2 = 7; from 1: 4 + 4/5 + 4 = 8.8; from 2:
     * 1 + 4/5 + 1 = 2.8. */
    assert_ok(ecosys_harmonic(x, g, ECOSYS_WEIGHTED));
    assert_vector_close(x, ((double[]){7, 8.8, 2.8, 7}), 4, EXACT);
    /* Strength 5, 8, 2, 5. */
    assert_ok(ecosys_strength(x, g, 0));
    assert_vector_close(x, ((double[]){5, 8, 2, 5}), 4, EXACT);
    /* Weighted eigenvector: by symmetry 0 and 3 get a, 1 gets b, 2 gets c,
     * with lambda a = 4b + c, lambda b = 8a, lambda c = 2a. So lambda^2 =
     * 32 + 2 = 34, b = 8a/sqrt(34) = 1.372a (the maximum, scaled to 1),
     * a = sqrt(34)/8, c = 2a/sqrt(34) = 1/4. */
    assert_ok(ecosys_eigenvector(x, g, ECOSYS_WEIGHTED));
    double a = sqrt(34.0) / 8;
    assert_vector_close(x, ((double[]){a, 1, 2 * a / sqrt(34.0), a}), 4, ITERATIVE);
    /* Unweighted: a 4-cycle, all 1. */
    assert_ok(ecosys_eigenvector(x, g, 0));
    assert_vector_close(x, ((double[]){1, 1, 1, 1}), 4, ITERATIVE);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        ECOSYS_TEST_SMALL_GRAPH_TESTS,
        cmocka_unit_test(directed_star_by_hand),
        cmocka_unit_test(directed_cycle_by_hand),
        cmocka_unit_test(direction_ignored_merges_reciprocated_arcs),
        cmocka_unit_test(weighted_diamond_by_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
