/* Resilience: removing actors (ecosys/resilience.h).
 *
 * Where each expected value comes from:
 * - small graphs: by hand, the removals written beside each case;
 * - seeded random graphs: the orders recomputed here by brute force
 *   (scores from scratch on the remaining graph after every removal;
 *   betweenness from all-pairs BFS path counts, not Brandes's recursion)
 *   and the curves from a BFS of the remaining graph after every removal;
 * - Zachary's karate club: NetworkX 2.8 (see karate_against_networkx);
 * - the random strategy's mean curve: the exact expectation over all
 *   subsets of remaining actors, enumerated here. */
#include "test_support.h"

#include "data/expected/graphs.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-12

static ecosys_resilience_options options_for(ecosys_removal_strategy strategy, int adaptive)
{
    ecosys_resilience_options o;
    assert_ok(ecosys_resilience_options_init(&o, ECOSYS_RESILIENCE_OPTIONS_VERSION));
    o.strategy = strategy;
    o.adaptive = adaptive;
    return o;
}

/* Runs @p o on @p g and checks the order and the largest sizes (in
 * actors, k + 1 of them) and, if not NULL, the component counts. */
static void expect_curve(const ecosys_graph *g, const ecosys_resilience_options *o,
                         const size_t *order, const size_t *sizes, const size_t *comps,
                         size_t k)
{
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, o));
    size_t n = ecosys_graph_actor_count(g);
    assert_int_equal(r.actor_count, n);
    assert_int_equal(r.steps, k);
    if (order)
        ecosys_test_sizes_equal(r.order, order, k);
    for (size_t q = 0; q <= k; q++) {
        assert_close(r.largest[q], (double) sizes[q] / (double) n, EXACT);
        if (comps)
            assert_close(r.components[q], (double) comps[q], EXACT);
    }
    assert_null(r.largest_sd);
    assert_null(r.replicate_robustness);
    ecosys_resilience_dispose(&r);
}

static double robustness_of(const ecosys_graph *g, const ecosys_resilience_options *o)
{
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, o));
    double x = r.robustness;
    ecosys_resilience_dispose(&r);
    return x;
}

static double critical_of(const ecosys_graph *g, const ecosys_resilience_options *o)
{
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, o));
    double x = r.critical_fraction;
    ecosys_resilience_dispose(&r);
    return x;
}

/* ---- small graphs by hand ----------------------------------------------------------- */

/* P4 0-1-2-3: degrees 1 2 2 1, betweenness 0 2 2 0, so every static
 * strategy removes 1, 2, 0, 3; adaptive degree too (after 1 goes, 2 and 3
 * have degree 1 and 0 has 0: 2 by index, then 0 and 3, isolated, by index).
 * Remaining: {0},{2,3} -> 2 (2 components); {0},{3} -> 1 (2); {3} -> 1
 * (1); none -> 0. R = (2+1+1+0)/16 = 1/4; S(1) = 2/4 <= 0.5: critical
 * fraction 1/4. Adaptive betweenness differs: once 1 has gone, {0} and
 * {2,3} are complete graphs where nobody lies between two others, all
 * scores are 0 and the lowest index, 0, goes next: order 1, 0, 2, 3, sizes
 * 4 2 2 1 0 ({2,3} still whole after 0 goes), components 1 2 1 1 0,
 * R = 5/16. */
static void path_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_p4, 3, NULL, 0);
    const size_t order[] = {1, 2, 0, 3}, sizes[] = {4, 2, 1, 1, 0}, comps[] = {1, 2, 2, 1, 0};
    ecosys_removal_strategy targeted[] = {ECOSYS_REMOVAL_DEGREE, ECOSYS_REMOVAL_STRENGTH,
                                          ECOSYS_REMOVAL_BETWEENNESS};
    for (int a = 0; a < 2; a++) {
        for (size_t s = 0; s < 3; s++) {
            ecosys_resilience_options o = options_for(targeted[s], a);
            if (a && targeted[s] == ECOSYS_REMOVAL_BETWEENNESS)
                continue;
            expect_curve(g, &o, order, sizes, comps, 4);
            assert_close(robustness_of(g, &o), 0.25, EXACT);
            assert_close(critical_of(g, &o), 0.25, EXACT);
        }
    }
    const size_t b_order[] = {1, 0, 2, 3}, b_sizes[] = {4, 2, 2, 1, 0},
                 b_comps[] = {1, 2, 1, 1, 0};
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_BETWEENNESS, 1);
    expect_curve(g, &o, b_order, b_sizes, b_comps, 4);
    assert_close(robustness_of(g, &o), 5.0 / 16.0, EXACT);
    assert_close(critical_of(g, &o), 0.25, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Star, centre 0 and leaves 1..4: the centre goes first and leaves four
 * isolates. Sizes 5, 1, 1, 1, 1, 0; components 1, 4, 3, 2, 1, 0;
 * R = 4/25; critical fraction 1/5. Threshold 0.2 (= 1/5): S(1) = 0.2 is
 * at it, so 1/5 too; threshold 0.19: only S(5) = 0, fraction 1. */
static void star_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 5, ecosys_test_star, 4, NULL, 0);
    const size_t order[] = {0, 1, 2, 3, 4}, sizes[] = {5, 1, 1, 1, 1, 0},
                 comps[] = {1, 4, 3, 2, 1, 0};
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_DEGREE, 0);
    expect_curve(g, &o, order, sizes, comps, 5);
    assert_close(robustness_of(g, &o), 4.0 / 25.0, EXACT);
    assert_close(critical_of(g, &o), 0.2, EXACT);
    o.threshold = 0.2;
    assert_close(critical_of(g, &o), 0.2, EXACT);
    o.threshold = 0.19;
    assert_close(critical_of(g, &o), 1.0, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Two triangles 0-1-2 and 3-4-5 joined by the bridge 2-3. */
static const size_t bridged[7][2] = {{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}, {2, 3}};

/* Degrees 2 2 3 3 2 2; betweenness of 2 and 3: each carries the 2 x 3
 * pairs from its side ({0,1} or {4,5}) to the other side: 6; the others
 * 0. Static (degree and betweenness): 2, 3, 0, 1, 4, 5; remaining
 * {0,1}{3,4,5} -> 3 (2 components), {0,1}{4,5} -> 2 (2), {1}{4,5} -> 2 (2),
 * {4,5} -> 2 (1), {5} -> 1 (1), 0. R = (3+2+2+2+1+0)/36 = 10/36; critical
 * 1/6. Adaptive degree: after 2, degrees 1 1 . 2 2 2 -> 3; then 1 1 . . 1 1
 * -> 0; then 0 . . . 1 1 -> 4; then 1 and 5 isolated -> 1, 5. Order 2, 3,
 * 0, 4, 1, 5: sizes 6 3 2 2 1 1 0, components 1 2 2 2 2 1 0, R = 9/36. */
static void bridged_triangles_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 6, bridged, 7, NULL, 0);
    const size_t order[] = {2, 3, 0, 1, 4, 5}, sizes[] = {6, 3, 2, 2, 2, 1, 0},
                 comps[] = {1, 2, 2, 2, 1, 1, 0};
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_DEGREE, 0);
    expect_curve(g, &o, order, sizes, comps, 6);
    assert_close(robustness_of(g, &o), 10.0 / 36.0, EXACT);
    assert_close(critical_of(g, &o), 1.0 / 6.0, EXACT);
    o.strategy = ECOSYS_REMOVAL_BETWEENNESS;
    expect_curve(g, &o, order, sizes, comps, 6);

    const size_t a_order[] = {2, 3, 0, 4, 1, 5}, a_sizes[] = {6, 3, 2, 2, 1, 1, 0},
                 a_comps[] = {1, 2, 2, 2, 2, 1, 0};
    o = options_for(ECOSYS_REMOVAL_DEGREE, 1);
    expect_curve(g, &o, a_order, a_sizes, a_comps, 6);
    assert_close(robustness_of(g, &o), 9.0 / 36.0, EXACT);

    /* The caller's order, partial: the bridge end 2 alone -> {0,1}{3,4,5}:
     * sizes 6, 3; R undefined (NaN); S(1) = 1/2: critical 1/6. Removing 0
     * then 1 -> {1,2,3,4,5} 5, then {2,3,4,5} 4: never <= 3, critical NaN. */
    const size_t one[] = {2}, one_sizes[] = {6, 3}, one_comps[] = {1, 2};
    o = options_for(ECOSYS_REMOVAL_ORDER, 0);
    o.order = one;
    o.order_length = 1;
    expect_curve(g, &o, one, one_sizes, one_comps, 1);
    assert_true(isnan(robustness_of(g, &o)));
    assert_close(critical_of(g, &o), 1.0 / 6.0, EXACT);
    const size_t two[] = {0, 1}, two_sizes[] = {6, 5, 4}, two_comps[] = {1, 1, 1};
    o.order = two;
    o.order_length = 2;
    expect_curve(g, &o, two, two_sizes, two_comps, 2);
    assert_true(isnan(critical_of(g, &o)));
    /* A full caller order is Schneider's R: 5, 4, 3, 2, 1, 0 removing in
     * index order (each removal leaves one connected piece): R = 15/36. */
    const size_t all[] = {0, 1, 2, 3, 4, 5}, all_sizes[] = {6, 5, 4, 3, 2, 1, 0};
    o.order = all;
    o.order_length = 6;
    expect_curve(g, &o, all, all_sizes, NULL, 6);
    assert_close(robustness_of(g, &o), 15.0 / 36.0, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Tie 0-1 and isolates 2, 3: an isolate is a component of size 1. Degree
 * order 0, 1, 2, 3 (ties by index). Remaining {1}{2}{3} -> 1 (3
 * components), {2}{3} -> 1 (2), {3} -> 1 (1), 0. R = 3/16. S(0) = 2/4 is
 * already <= 0.5: critical fraction 0. */
static void isolates_by_hand(void **state)
{
    (void) state;
    const size_t edge[1][2] = {{0, 1}};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, edge, 1, NULL, 0);
    const size_t order[] = {0, 1, 2, 3}, sizes[] = {2, 1, 1, 1, 0}, comps[] = {3, 3, 2, 1, 0};
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_DEGREE, 0);
    expect_curve(g, &o, order, sizes, comps, 4);
    assert_close(robustness_of(g, &o), 3.0 / 16.0, EXACT);
    assert_close(critical_of(g, &o), 0.0, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Directed: 0->1 (weight 2), 1->0 (3), 1->2 (1), 3->2 (1). Direction
 * ignored, the neighbours are 0:{1} 1:{0,2} 2:{1,3} 3:{2}, so degrees
 * 1 2 2 1 (the reciprocated pair is ONE neighbour; in + out would give
 * 2 3 2 1 and the order 1, 0, 2, 3). Degree order 1, 2, 0, 3: remaining
 * {0}{2,3} -> 2, {0}{3} -> 1, {3} -> 1, 0; R = 4/16. Strengths pool both
 * arcs: 0: 2+3 = 5, 1: 2+3+1 = 6, 2: 2, 3: 1; order 1, 0, 2, 3:
 * {0}{2,3} -> 2, {2,3} -> 2, {3} -> 1, 0; R = 5/16. */
static void directed_reciprocated_by_hand(void **state)
{
    (void) state;
    const size_t arcs[4][2] = {{0, 1}, {1, 0}, {1, 2}, {3, 2}};
    const double w[4] = {2, 3, 1, 1};
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, arcs, 4, w, 1);
    assert_true(ecosys_graph_is_directed(g));
    const size_t d_order[] = {1, 2, 0, 3}, d_sizes[] = {4, 2, 1, 1, 0};
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_DEGREE, 0);
    expect_curve(g, &o, d_order, d_sizes, NULL, 4);
    assert_close(robustness_of(g, &o), 4.0 / 16.0, EXACT);
    const size_t s_order[] = {1, 0, 2, 3}, s_sizes[] = {4, 2, 2, 1, 0};
    o.strategy = ECOSYS_REMOVAL_STRENGTH;
    expect_curve(g, &o, s_order, s_sizes, NULL, 4);
    assert_close(robustness_of(g, &o), 5.0 / 16.0, EXACT);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- NetworkX on the karate club ------------------------------------------------------- */

/* Largest component sizes (in members) after each removal, from NetworkX
 * 2.8 with the same tie-break, by /tmp script (recorded here):
 *   import networkx as nx; K = nx.karate_club_graph()
 *   def curve(G, order):
 *       H = G.copy(); out = []
 *       for v in order:
 *           H.remove_node(v)
 *           out.append(max((len(c) for c in nx.connected_components(H)), default=0))
 *       return out
 *   o = sorted(K, key=lambda v: (-K.degree(v), v)); print(o, curve(K, o))
 *   o = sorted(K, key=lambda v: (-K.degree(v, weight='weight'), v)); print(o, curve(K, o))
 *   b = nx.betweenness_centrality(K, normalized=False)
 *   o = sorted(K, key=lambda v: (-round(b[v], 9), v)); print(o, curve(K, o))
 * and adaptively: while H has nodes, remove min(H, key=lambda v: (-score_H(v), v))
 * with score_H = H.degree or round(betweenness_centrality(H, normalized=False)[v], 9). */
static const size_t karate_degree_order[34] = {
    33, 0, 32, 2, 1, 3, 31, 8, 13, 23, 5, 6, 7, 27, 29, 30, 4,
    10, 19, 24, 25, 28, 9, 12, 14, 15, 16, 17, 18, 20, 21, 22, 26, 11};
static const size_t karate_degree_sizes[35] = {
    34, 33, 26, 20, 10, 8, 8, 6, 6, 6, 5, 4, 3, 3, 2, 2, 2, 2,
    2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}; /* sum after q >= 1: 164 */
static const size_t karate_adaptive_degree_order[34] = {
    33, 0, 32, 1, 2, 3, 5, 23, 24, 4, 31, 6, 8, 26, 7, 9, 10,
    11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 25, 27, 28, 29, 30};
static const size_t karate_adaptive_degree_sizes[35] = {
    34, 33, 26, 20, 16, 8, 8, 8, 5, 4, 3, 2, 2, 2, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}; /* 157 */
static const size_t karate_strength_order[34] = {
    33, 0, 32, 2, 1, 23, 31, 3, 8, 13, 5, 25, 6, 7, 27, 29, 30,
    4, 10, 15, 24, 16, 26, 28, 14, 19, 22, 12, 20, 21, 9, 11, 17, 18};
static const size_t karate_strength_sizes[35] = {
    34, 33, 26, 20, 10, 8, 5, 5, 5, 5, 5, 4, 4, 2, 2, 2, 2, 2,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}; /* 156 */
static const size_t karate_betweenness_order[34] = {
    0, 33, 32, 2, 31, 8, 1, 13, 19, 5, 6, 27, 23, 30, 3, 25, 29,
    24, 28, 9, 4, 10, 7, 11, 12, 14, 15, 16, 17, 18, 20, 21, 22, 26};
static const size_t karate_betweenness_sizes[35] = {
    34, 27, 26, 20, 10, 10, 9, 6, 6, 6, 6, 6, 5, 3, 3, 2, 2, 2,
    2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}; /* 168 */
static const size_t karate_adaptive_betweenness_order[34] = {
    0, 33, 32, 2, 1, 23, 3, 24, 5, 4, 31, 6, 7, 8, 9, 10, 11,
    12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29, 30};
static const size_t karate_adaptive_betweenness_sizes[35] = {
    34, 27, 26, 20, 10, 8, 5, 5, 5, 4, 3, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 0}; /* 155 */

static void karate_against_networkx(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, KARATE_WEIGHTS, 0);
    struct {
        ecosys_removal_strategy s;
        int adaptive;
        const size_t *order, *sizes;
        double sum;
    } cases[] = {
        {ECOSYS_REMOVAL_DEGREE, 0, karate_degree_order, karate_degree_sizes, 164},
        {ECOSYS_REMOVAL_DEGREE, 1, karate_adaptive_degree_order, karate_adaptive_degree_sizes,
         157},
        {ECOSYS_REMOVAL_STRENGTH, 0, karate_strength_order, karate_strength_sizes, 156},
        {ECOSYS_REMOVAL_BETWEENNESS, 0, karate_betweenness_order, karate_betweenness_sizes, 168},
        {ECOSYS_REMOVAL_BETWEENNESS, 1, karate_adaptive_betweenness_order,
         karate_adaptive_betweenness_sizes, 155},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        ecosys_resilience_options o = options_for(cases[c].s, cases[c].adaptive);
        expect_curve(g, &o, cases[c].order, cases[c].sizes, NULL, KARATE_N);
        assert_close(robustness_of(g, &o), cases[c].sum / (34.0 * 34.0), EXACT);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- brute force on seeded random graphs ---------------------------------------------- */

enum { BF_N = 28 };

typedef struct bf_graph {
    size_t n;
    double w[BF_N][BF_N]; /* pooled weight, 0 = no tie */
} bf_graph;

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    return *s >> 33;
}

/* BFS from s over alive vertices: distances (-1 unreachable) and path counts. */
static void bfs(const bf_graph *G, const int *alive, size_t s, int *dist, double *sigma)
{
    size_t queue[BF_N], head = 0, tail = 0;
    for (size_t v = 0; v < G->n; v++) {
        dist[v] = -1;
        sigma[v] = 0;
    }
    dist[s] = 0;
    sigma[s] = 1;
    queue[tail++] = s;
    while (head < tail) {
        size_t v = queue[head++];
        for (size_t u = 0; u < G->n; u++) {
            if (!alive[u] || G->w[v][u] == 0)
                continue;
            if (dist[u] < 0) {
                dist[u] = dist[v] + 1;
                queue[tail++] = u;
            }
            if (dist[u] == dist[v] + 1)
                sigma[u] += sigma[v];
        }
    }
}

/* Score of v on the alive graph: 0 degree, 1 strength, 2 betweenness as
 * the sum over pairs {s,t} of sigma_s(v) sigma_t(v) / sigma_s(t) when v
 * lies on a shortest s-t path (d(s,v) + d(v,t) = d(s,t)). */
static void bf_scores(const bf_graph *G, const int *alive, int kind, double *score)
{
    size_t n = G->n;
    for (size_t v = 0; v < n; v++) {
        score[v] = 0;
        for (size_t u = 0; u < n && kind < 2; u++) {
            if (alive[v] && alive[u] && G->w[v][u] != 0)
                score[v] += kind == 0 ? 1 : G->w[v][u];
        }
    }
    if (kind < 2)
        return;
    static int dist[BF_N][BF_N];
    static double sigma[BF_N][BF_N];
    for (size_t s = 0; s < n; s++) {
        if (alive[s])
            bfs(G, alive, s, dist[s], sigma[s]);
    }
    for (size_t s = 0; s < n; s++) {
        for (size_t t = s + 1; t < n; t++) {
            if (!alive[s] || !alive[t] || dist[s][t] < 0)
                continue;
            for (size_t v = 0; v < n; v++) {
                if (v == s || v == t || !alive[v] || dist[s][v] < 0)
                    continue;
                if (dist[s][v] + dist[t][v] == dist[s][t])
                    score[v] += sigma[s][v] * sigma[t][v] / sigma[s][t];
            }
        }
    }
}

/* Highest score among alive vertices, lower index on a tie (relative 1e-9). */
static size_t bf_best(const double *score, const int *alive, size_t n)
{
    size_t best = SIZE_MAX;
    for (size_t v = 0; v < n; v++) {
        if (!alive[v])
            continue;
        if (best == SIZE_MAX || score[v] > score[best] + 1e-9 * fabs(score[best]) + 1e-12)
            best = v;
    }
    return best;
}

static void bf_order(const bf_graph *G, int kind, int adaptive, size_t *order)
{
    int alive[BF_N], all[BF_N];
    double score[BF_N];
    for (size_t v = 0; v < G->n; v++)
        alive[v] = all[v] = 1;
    bf_scores(G, all, kind, score);
    for (size_t q = 0; q < G->n; q++) {
        if (adaptive)
            bf_scores(G, alive, kind, score);
        size_t v = bf_best(score, alive, G->n);
        order[q] = v;
        alive[v] = 0;
    }
}

/* Largest component and component count of the alive vertices, by BFS. */
static void bf_components(const bf_graph *G, const int *alive, size_t *largest, size_t *count)
{
    int dist[BF_N];
    double sigma[BF_N];
    int seen[BF_N] = {0};
    *largest = 0;
    *count = 0;
    for (size_t s = 0; s < G->n; s++) {
        if (!alive[s] || seen[s])
            continue;
        bfs(G, alive, s, dist, sigma);
        size_t size = 0;
        for (size_t v = 0; v < G->n; v++) {
            if (dist[v] >= 0) {
                seen[v] = 1;
                size++;
            }
        }
        (*count)++;
        if (size > *largest)
            *largest = size;
    }
}

/* Every strategy on seeded random graphs (some sparse with isolates, some
 * dense, directed or not, whole-number weights so that strengths are
 * exact): the library's order must be the brute-force order, and its
 * curve the BFS curve of that order. */
static void brute_force_random_graphs(void **state)
{
    (void) state;
    uint64_t seed = 20240611;
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 10 + lcg(&seed) % (BF_N - 10);
        int directed = trial % 3 == 2;
        size_t m = n / 2 + lcg(&seed) % (2 * n);
        size_t(*edges)[2] = malloc(m * sizeof *edges);
        double *w = malloc(m * sizeof *w);
        bf_graph G;
        memset(&G, 0, sizeof G);
        G.n = n;
        size_t kept = 0;
        for (size_t e = 0; e < m; e++) {
            size_t a = lcg(&seed) % n, b = lcg(&seed) % n;
            if (a == b)
                continue;
            /* distinct arcs only (repeated ones would be merged) */
            int dup = 0;
            for (size_t f = 0; f < kept; f++)
                dup |= (edges[f][0] == a && edges[f][1] == b) ||
                       (!directed && edges[f][0] == b && edges[f][1] == a);
            if (dup)
                continue;
            edges[kept][0] = a;
            edges[kept][1] = b;
            w[kept] = (double) (1 + lcg(&seed) % 4);
            G.w[a][b] += w[kept];
            G.w[b][a] += w[kept];
            kept++;
        }
        if (!directed) { /* undirected: counted once per pair above, twice added */
            for (size_t a = 0; a < n; a++)
                for (size_t b = 0; b < n; b++)
                    G.w[a][b] = 0;
            for (size_t e = 0; e < kept; e++) {
                G.w[edges[e][0]][edges[e][1]] = w[e];
                G.w[edges[e][1]][edges[e][0]] = w[e];
            }
        }
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, n, (const size_t(*)[2]) edges, kept, w, directed);
        ecosys_removal_strategy kinds[] = {ECOSYS_REMOVAL_DEGREE, ECOSYS_REMOVAL_STRENGTH,
                                           ECOSYS_REMOVAL_BETWEENNESS};
        for (int kind = 0; kind < 3; kind++) {
            for (int adaptive = 0; adaptive < 2; adaptive++) {
                size_t expected[BF_N];
                bf_order(&G, kind, adaptive, expected);
                ecosys_resilience_options o = options_for(kinds[kind], adaptive);
                ecosys_resilience r;
                assert_ok(ecosys_resilience_run(&r, g, &o));
                ecosys_test_sizes_equal(r.order, expected, n);
                int alive[BF_N];
                for (size_t v = 0; v < n; v++)
                    alive[v] = 1;
                double total = 0;
                for (size_t q = 0; q <= n; q++) {
                    if (q > 0)
                        alive[expected[q - 1]] = 0;
                    size_t big, count;
                    bf_components(&G, alive, &big, &count);
                    assert_close(r.largest[q], (double) big / (double) n, EXACT);
                    assert_close(r.components[q], (double) count, EXACT);
                    if (q > 0)
                        total += (double) big;
                }
                assert_close(r.robustness, total / (double) (n * n), EXACT);
                ecosys_resilience_dispose(&r);
            }
        }
        /* The caller's order: a random permutation of the first half. */
        size_t perm[BF_N];
        for (size_t v = 0; v < n; v++)
            perm[v] = v;
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = lcg(&seed) % (i + 1), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_ORDER, 0);
        o.order = perm;
        o.order_length = n / 2;
        ecosys_resilience r;
        assert_ok(ecosys_resilience_run(&r, g, &o));
        int alive[BF_N];
        for (size_t v = 0; v < n; v++)
            alive[v] = 1;
        for (size_t q = 0; q <= n / 2; q++) {
            if (q > 0)
                alive[perm[q - 1]] = 0;
            size_t big, count;
            bf_components(&G, alive, &big, &count);
            assert_close(r.largest[q], (double) big / (double) n, EXACT);
            assert_close(r.components[q], (double) count, EXACT);
        }
        ecosys_resilience_dispose(&r);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
        free(edges);
        free(w);
    }
}

/* ---- the random strategy ----------------------------------------------------------------- */

/* On P4, after q random removals the remaining set is uniform over the
 * (4-q)-subsets; E[S(q)] enumerated by brute force: sum over subsets of
 * their largest component, over C(4, q) x 4. The mean of R = 20000
 * replicates must be within 5 standard errors (sd / sqrt(R)). */
static void random_mean_matches_enumeration(void **state)
{
    (void) state;
    bf_graph G;
    memset(&G, 0, sizeof G);
    G.n = 4;
    for (size_t e = 0; e < 3; e++)
        G.w[ecosys_test_p4[e][0]][ecosys_test_p4[e][1]] =
            G.w[ecosys_test_p4[e][1]][ecosys_test_p4[e][0]] = 1;
    double expected[5] = {0}, subsets[5] = {0};
    for (unsigned mask = 0; mask < 16; mask++) {
        int alive[BF_N] = {0};
        size_t kept = 0;
        for (size_t v = 0; v < 4; v++) {
            alive[v] = (mask >> v) & 1;
            kept += (size_t) alive[v];
        }
        size_t big, count;
        bf_components(&G, alive, &big, &count);
        expected[4 - kept] += (double) big / 4.0;
        subsets[4 - kept] += 1;
    }
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_p4, 3, NULL, 0);
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_RANDOM, 0);
    o.replicates = 20000;
    o.seed = 3;
    o.threads = 2;
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, &o));
    assert_int_equal(r.replicates, 20000);
    assert_null(r.order);
    double mean_r = 0;
    for (size_t q = 0; q <= 4; q++) {
        expected[q] /= subsets[q];
        double se = r.largest_sd[q] / sqrt(20000.0);
        assert_true(fabs(r.largest[q] - expected[q]) <= 5 * se + EXACT);
        if (q > 0)
            mean_r += expected[q] / 4.0;
    }
    /* E[S(0)] = 1 and E[S(4)] = 0 exactly, with sd 0. */
    assert_close(r.largest[0], 1.0, EXACT);
    assert_close(r.largest_sd[0], 0.0, EXACT);
    assert_close(r.largest[4], 0.0, EXACT);
    /* E[S(3)] = 1/4: one actor left, whichever. */
    assert_close(r.largest[3], 0.25, EXACT);
    assert_close(r.largest_sd[3], 0.0, EXACT);
    assert_true(fabs(r.robustness - mean_r) <= 5 * r.robustness_sd / sqrt(20000.0));
    /* The mean of the replicates' R is the R of the mean curve. */
    double from_curve = 0, from_replicates = 0;
    for (size_t q = 1; q <= 4; q++)
        from_curve += r.largest[q] / 4.0;
    for (size_t i = 0; i < 20000; i++)
        from_replicates += r.replicate_robustness[i];
    assert_close(r.robustness, from_curve, 1e-12);
    assert_close(r.robustness, from_replicates / 20000.0, 1e-12);
    ecosys_resilience_dispose(&r);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Same seed: the same result bit for bit with 1, 2 and 4 threads; another
 * seed: another result. A complete graph K5 loses one actor per removal
 * whatever the order: S(q) = (5-q)/5 exactly, sd 0, R = (4+3+2+1)/25. */
static void random_reproducible(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    ecosys_resilience runs[3];
    unsigned int threads[3] = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
        ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_RANDOM, 0);
        o.replicates = 301;
        o.seed = 99;
        o.threads = threads[i];
        assert_ok(ecosys_resilience_run(&runs[i], g, &o));
        assert_int_equal(runs[i].threads, threads[i]);
    }
    size_t n = KARATE_N;
    for (int i = 1; i < 3; i++) {
        assert_memory_equal(runs[i].largest, runs[0].largest, (n + 1) * sizeof(double));
        assert_memory_equal(runs[i].largest_sd, runs[0].largest_sd, (n + 1) * sizeof(double));
        assert_memory_equal(runs[i].components, runs[0].components, (n + 1) * sizeof(double));
        assert_memory_equal(runs[i].replicate_robustness, runs[0].replicate_robustness,
                            301 * sizeof(double));
        assert_memory_equal(runs[i].replicate_critical, runs[0].replicate_critical,
                            301 * sizeof(double));
        assert_memory_equal(&runs[i].robustness, &runs[0].robustness, sizeof(double));
        assert_memory_equal(&runs[i].robustness_sd, &runs[0].robustness_sd, sizeof(double));
    }
    ecosys_resilience other;
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_RANDOM, 0);
    o.replicates = 301;
    o.seed = 100;
    assert_ok(ecosys_resilience_run(&other, g, &o));
    assert_true(memcmp(other.replicate_robustness, runs[0].replicate_robustness,
                       301 * sizeof(double)) != 0);
    assert_true(other.robustness != runs[0].robustness);
    /* Random failures hurt less than a degree attack (R = 164/34^2). */
    assert_true(runs[0].robustness > 164.0 / (34.0 * 34.0));
    ecosys_resilience_dispose(&other);
    for (int i = 0; i < 3; i++)
        ecosys_resilience_dispose(&runs[i]);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    size_t k5[10][2], e = 0;
    for (size_t a = 0; a < 5; a++)
        for (size_t b = a + 1; b < 5; b++) {
            k5[e][0] = a;
            k5[e][1] = b;
            e++;
        }
    g = ecosys_test_graph(&ds, 5, (const size_t(*)[2]) k5, 10, NULL, 0);
    o.replicates = 7;
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, &o));
    for (size_t q = 0; q <= 5; q++) {
        assert_close(r.largest[q], (5.0 - (double) q) / 5.0, EXACT);
        assert_close(r.largest_sd[q], 0.0, EXACT);
        assert_close(r.components[q], q < 5 ? 1.0 : 0.0, EXACT);
    }
    assert_close(r.robustness, 10.0 / 25.0, EXACT);
    assert_close(r.robustness_sd, 0.0, EXACT);
    assert_close(r.critical_fraction, 3.0 / 5.0, EXACT); /* S(3) = 2/5 <= 0.5 */
    ecosys_resilience_dispose(&r);
    o.replicates = 1; /* one replicate: no sd */
    assert_ok(ecosys_resilience_run(&r, g, &o));
    assert_true(isnan(r.largest_sd[1]));
    assert_true(isnan(r.robustness_sd));
    ecosys_resilience_dispose(&r);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- groups, progress, cancellation, errors ------------------------------------------------ */

/* Sectors a a b b a c on the bridged triangles: groups in order of first
 * appearance a = 0 {0, 1, 4}, b = 1 {2, 3}, c = 2 {5}. Removing a leaves
 * 2-3, 3-5 ({2, 3, 5}) -> 3/6, then the b group leaves {0,1}{4,5} -> 2/6. */
static void group_order(void **state)
{
    (void) state;
    const char *const sectors[] = {"a", "a", "b", "b", "a", "c"};
    ecosys_dataset *ds = ecosys_test_dataset(6, bridged, 7, NULL, 0, sectors);
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    ecosys_partition *p = NULL;
    assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
    size_t *order = NULL, count = 0;
    assert_ok(ecosys_resilience_group_order(&order, &count, p, 0));
    const size_t a[] = {0, 1, 4};
    assert_int_equal(count, 3);
    ecosys_test_sizes_equal(order, a, 3);
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_ORDER, 0);
    o.order = order;
    o.order_length = count;
    const size_t sizes[] = {6, 5, 4, 3};
    expect_curve(g, &o, a, sizes, NULL, 3);
    ecosys_resilience_order_free(order);
    assert_ok(ecosys_resilience_group_order(&order, &count, p, 1));
    o.order = order;
    o.order_length = count;
    const size_t b[] = {2, 3}, b_sizes[] = {6, 3, 2};
    expect_curve(g, &o, b, b_sizes, NULL, 2);
    ecosys_resilience_order_free(order);
    assert_int_equal(ecosys_resilience_group_order(&order, &count, p, 3), ECOSYS_EINVAL);
    assert_null(order);
    assert_non_null(strstr(ecosys_error_last()->message, "out of range"));
    assert_int_equal(ecosys_resilience_group_order(NULL, &count, p, 0), ECOSYS_EINVAL);
    ecosys_resilience_order_free(NULL);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

typedef struct calls {
    size_t count, last_done, last_total, stop_after;
    int monotone;
} calls;

static int on_progress(size_t done, size_t total, void *user)
{
    calls *c = user;
    if (c->count > 0 && done < c->last_done)
        c->monotone = 0;
    c->count++;
    c->last_done = done;
    c->last_total = total;
    return c->stop_after && c->count >= c->stop_after;
}

static void progress_and_cancellation(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    struct {
        ecosys_removal_strategy s;
        int adaptive;
        unsigned int threads;
        size_t total;
    } cases[] = {{ECOSYS_REMOVAL_RANDOM, 0, 1, 50},     {ECOSYS_REMOVAL_RANDOM, 0, 2, 50},
                 {ECOSYS_REMOVAL_DEGREE, 1, 0, 1},      {ECOSYS_REMOVAL_BETWEENNESS, 0, 0, 34},
                 {ECOSYS_REMOVAL_BETWEENNESS, 1, 0, 34}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ecosys_resilience_options o = options_for(cases[i].s, cases[i].adaptive);
        o.replicates = 50;
        o.threads = cases[i].threads;
        calls c = {0, 0, 0, 0, 1};
        o.progress = on_progress;
        o.progress_user = &c;
        ecosys_resilience r;
        assert_ok(ecosys_resilience_run(&r, g, &o));
        assert_true(c.monotone);
        assert_true(c.count >= 2);
        assert_int_equal(c.last_done, cases[i].total);
        assert_int_equal(c.last_total, cases[i].total);
        ecosys_resilience_dispose(&r);
        /* Cancel at the second call: ECOSYS_ECANCELLED, result left empty. */
        calls stop = {0, 0, 0, 2, 1};
        o.progress_user = &stop;
        memset(&r, 0xff, sizeof r);
        assert_int_equal(ecosys_resilience_run(&r, g, &o), ECOSYS_ECANCELLED);
        assert_int_equal(ecosys_error_last()->code, ECOSYS_ECANCELLED);
        assert_non_null(strstr(ecosys_error_last()->message, "cancelled"));
        assert_null(r.largest);
        assert_null(r.order);
        assert_int_equal(stop.count, 2);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* The random replicates on many threads: the same result bit for bit as
 * on one (the 1, 2 and 4 of random_reproducible, and 3 and 8 here); the
 * progress callback only ever called in the calling thread, monotone,
 * ending at (R, R); a cancellation after half the replicates stops the
 * calls; no more threads than replicates (3 replicates on 8 threads: 3). */
typedef struct thread_calls {
    pthread_t caller;
    size_t count, elsewhere, last_done, stop_at, after_stop;
    int monotone, stopped;
} thread_calls;

static int on_progress_thread(size_t done, size_t total, void *user)
{
    (void) total;
    thread_calls *c = user;
    if (!pthread_equal(pthread_self(), c->caller))
        c->elsewhere++;
    if (c->count > 0 && done < c->last_done)
        c->monotone = 0;
    c->count++;
    c->last_done = done;
    if (c->stopped)
        c->after_stop++;
    if (done >= c->stop_at)
        c->stopped = 1;
    return c->stopped;
}

static void random_on_threads(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, NULL, 0);
    size_t n = KARATE_N, R = 64;
    ecosys_resilience_options o = options_for(ECOSYS_REMOVAL_RANDOM, 0);
    o.replicates = R;
    o.seed = 7;
    o.threads = 1;
    ecosys_resilience one;
    assert_ok(ecosys_resilience_run(&one, g, &o));
    unsigned int threads[2] = {3, 8};
    for (int i = 0; i < 2; i++) {
        o.threads = threads[i];
        thread_calls c = {pthread_self(), 0, 0, 0, SIZE_MAX, 0, 1, 0};
        o.progress = on_progress_thread;
        o.progress_user = &c;
        ecosys_resilience r;
        assert_ok(ecosys_resilience_run(&r, g, &o));
        assert_int_equal(r.threads, threads[i]);
        assert_memory_equal(r.largest, one.largest, (n + 1) * sizeof(double));
        assert_memory_equal(r.largest_sd, one.largest_sd, (n + 1) * sizeof(double));
        assert_memory_equal(r.components, one.components, (n + 1) * sizeof(double));
        assert_memory_equal(r.replicate_robustness, one.replicate_robustness, R * sizeof(double));
        assert_memory_equal(r.replicate_critical, one.replicate_critical, R * sizeof(double));
        assert_memory_equal(&r.robustness, &one.robustness, sizeof(double));
        assert_int_equal(c.elsewhere, 0);
        assert_true(c.monotone);
        assert_int_equal(c.last_done, R);
        ecosys_resilience_dispose(&r);
        /* The last call (R, R) always comes, so stopping at R / 2 cancels. */
        thread_calls stop = {pthread_self(), 0, 0, 0, R / 2, 0, 1, 0};
        o.progress_user = &stop;
        assert_int_equal(ecosys_resilience_run(&r, g, &o), ECOSYS_ECANCELLED);
        assert_string_equal(ecosys_error_last()->message,
                            "ecosys_resilience_run: cancelled by the progress callback");
        assert_null(r.largest);
        assert_int_equal(stop.elsewhere, 0);
        assert_int_equal(stop.after_stop, 0);
    }
    ecosys_resilience_dispose(&one);
    o.progress = NULL;
    o.replicates = 3;
    o.threads = 8;
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, &o));
    assert_int_equal(r.threads, 3);
    ecosys_resilience_dispose(&r);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void expect_einval(const ecosys_graph *g, const ecosys_resilience_options *o,
                          const char *fragment)
{
    ecosys_resilience r;
    assert_int_equal(ecosys_resilience_run(&r, g, o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_error_last()->code, ECOSYS_EINVAL);
    if (!strstr(ecosys_error_last()->message, fragment))
        fail_msg("message \"%s\" lacks \"%s\"", ecosys_error_last()->message, fragment);
    assert_null(r.largest);
}

static void errors(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_p4, 3, NULL, 0);
    ecosys_resilience r;
    assert_int_equal(ecosys_resilience_run(NULL, g, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_resilience_run(&r, NULL, NULL), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "NULL"));
    assert_int_equal(ecosys_resilience_options_init(NULL, ECOSYS_RESILIENCE_OPTIONS_VERSION),
                     ECOSYS_EINVAL);
    ecosys_resilience_options o;
    assert_int_equal(ecosys_resilience_options_init(&o, 99), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "version"));

    o = options_for(ECOSYS_REMOVAL_DEGREE, 0);
    o.version = 2;
    expect_einval(g, &o, "version");
    o = options_for((ecosys_removal_strategy) 17, 0);
    expect_einval(g, &o, "unknown strategy");
    o = options_for(ECOSYS_REMOVAL_RANDOM, 0);
    o.replicates = 0;
    expect_einval(g, &o, "replicates");
    o = options_for(ECOSYS_REMOVAL_DEGREE, 0);
    o.threshold = 1.5;
    expect_einval(g, &o, "threshold");
    o.threshold = NAN;
    expect_einval(g, &o, "threshold");
    o = options_for(ECOSYS_REMOVAL_ORDER, 0);
    expect_einval(g, &o, "non-empty order");
    const size_t outside[] = {0, 4}, twice[] = {1, 2, 1}, too_long[] = {0, 1, 2, 3, 0};
    o.order = outside;
    o.order_length = 2;
    expect_einval(g, &o, "order[1] = 4 is not a vertex");
    o.order = twice;
    o.order_length = 3;
    expect_einval(g, &o, "order[2] = 1 is removed twice");
    o.order = too_long;
    o.order_length = 5;
    expect_einval(g, &o, "5 entries");
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* No actor at all. */
    g = ecosys_test_graph(&ds, 0, NULL, 0, NULL, 0);
    o = options_for(ECOSYS_REMOVAL_RANDOM, 0);
    expect_einval(g, &o, "no actor");
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    assert_string_equal(ecosys_removal_strategy_name(ECOSYS_REMOVAL_BETWEENNESS), "betweenness");
    assert_null(ecosys_removal_strategy_name((ecosys_removal_strategy) 9));
    ecosys_resilience_dispose(NULL);
}

/* One actor: S(0) = 1, S(1) = 0, R = 0; defaults (NULL options) are the
 * static degree attack. */
static void single_actor(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 1, NULL, 0, NULL, 0);
    ecosys_resilience r;
    assert_ok(ecosys_resilience_run(&r, g, NULL));
    assert_int_equal(r.strategy, ECOSYS_REMOVAL_DEGREE);
    assert_int_equal(r.steps, 1);
    assert_close(r.largest[0], 1.0, EXACT);
    assert_close(r.largest[1], 0.0, EXACT);
    assert_close(r.robustness, 0.0, EXACT);
    assert_close(r.critical_fraction, 1.0, EXACT);
    ecosys_resilience_dispose(&r);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(path_by_hand),
        cmocka_unit_test(star_by_hand),
        cmocka_unit_test(bridged_triangles_by_hand),
        cmocka_unit_test(isolates_by_hand),
        cmocka_unit_test(directed_reciprocated_by_hand),
        cmocka_unit_test(karate_against_networkx),
        cmocka_unit_test(brute_force_random_graphs),
        cmocka_unit_test(random_mean_matches_enumeration),
        cmocka_unit_test(random_reproducible),
        cmocka_unit_test(group_order),
        cmocka_unit_test(progress_and_cancellation),
        cmocka_unit_test(random_on_threads),
        cmocka_unit_test(errors),
        cmocka_unit_test(single_actor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
