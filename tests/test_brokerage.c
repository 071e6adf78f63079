/* Brokerage (ecosys/brokerage.h): Burt's constraint, effective size,
 * efficiency and hierarchy; Gould-Fernandez roles with sna's null model.
 *
 * Where the expected values come from (tests/data/expected/README.md,
 * "Brokerage"):
 * - hand calculations on small graphs, written next to each value;
 * - NetworkX 2.8 (nx.constraint, nx.effective_size, nx.local_constraint)
 *   and python-igraph 0.10 (Graph.constraint) on the karate club and the
 *   directed graph D of graphs.h: reference_brokerage_nx.h, printed by
 *   reference_brokerage.py;
 * - R's sna 2.7 brokerage() on the karate club split by club and on D
 *   with two partitions: reference_brokerage_sna.h, printed by
 *   reference_brokerage.R;
 * - a brute-force O(n^3) count of the roles on random graphs, in this file.
 * The edge cases where peers disagree (zero-weight ties, self-ties,
 * repeated ties, actors with only incoming ties, isolates, groups of one
 * or two) are pinned to the documented convention, with the peers' values
 * cited. */
#include "test_support.h"

#include "../data/expected/graphs.h"
#include "../data/expected/reference_brokerage_nx.h"
#include "../data/expected/reference_brokerage_sna.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-12     /* closed formulas */
#define SUMS 1e-10      /* sums of many terms */
#define R_RELATIVE 1e-9 /* against R's printed 17 digits, relative */

/* ---- helpers --------------------------------------------------------------- */

/* All four measures through the one-pass call, checked against the four
 * single-measure calls. */
static void holes(ecosys_structural_holes *h, const ecosys_graph *g, unsigned int flags)
{
    assert_ok(ecosys_structural_holes_compute(h, g, flags));
    size_t n = ecosys_graph_actor_count(g);
    assert_int_equal(h->actor_count, n);
    assert_int_equal(h->weighted, (flags & ECOSYS_WEIGHTED) != 0);
    double *x = malloc((n ? n : 1) * sizeof *x);
    assert_ok(ecosys_constraint(x, g, flags));
    assert_vector_close(x, h->constraint, n, 0);
    assert_ok(ecosys_effective_size(x, g, flags));
    assert_vector_close(x, h->effective_size, n, 0);
    assert_ok(ecosys_efficiency(x, g, flags));
    assert_vector_close(x, h->efficiency, n, 0);
    assert_ok(ecosys_hierarchy(x, g, flags));
    assert_vector_close(x, h->hierarchy, n, 0);
    free(x);
}

/* Burt's hierarchy of contributions c[0..k-1], written out independently
 * of the library: sum (c_j / mean) ln(c_j / mean) / (k ln k). */
static double hierarchy_of(const double *c, size_t k)
{
    double total = 0, h = 0;
    for (size_t j = 0; j < k; j++)
        total += c[j];
    for (size_t j = 0; j < k; j++) {
        double r = c[j] / (total / (double) k);
        h += r * log(r);
    }
    return h / ((double) k * log((double) k));
}

static void close_relative(const double *actual, const double *expected, size_t count,
                           const char *what)
{
    for (size_t i = 0; i < count; i++) {
        double e = expected[i], a = actual[i];
        if (isnan(e) || isinf(e)) {
            if (isnan(e) ? !isnan(a) : a != e)
                fail_msg("%s[%zu] = %.17g, expected %.17g", what, i, a, e);
            continue;
        }
        if (!(fabs(a - e) <= R_RELATIVE * fmax(1.0, fabs(e))))
            fail_msg("%s[%zu] = %.17g, expected %.17g", what, i, a, e);
    }
}

static void raw_equal(const uint64_t *actual, const double *expected, size_t count,
                      const char *what)
{
    for (size_t i = 0; i < count; i++)
        if ((double) actual[i] != expected[i])
            fail_msg("%s[%zu] = %llu, expected %.0f", what, i, (unsigned long long) actual[i],
                     expected[i]);
}

#define CHECK_SNA(b, P, n, groups)                                                      \
    do {                                                                                \
        raw_equal((b).raw, P##_RAW_NLI, (n) * 6, #P "_RAW_NLI");                        \
        close_relative((b).expected, P##_EXP_NLI, (n) * 6, #P "_EXP_NLI");              \
        close_relative((b).sd, P##_SD_NLI, (n) * 6, #P "_SD_NLI");                      \
        close_relative((b).z, P##_Z_NLI, (n) * 6, #P "_Z_NLI");                         \
        raw_equal((b).graph_raw, P##_RAW_GLI, 6, #P "_RAW_GLI");                        \
        close_relative((b).graph_expected, P##_EXP_GLI, 6, #P "_EXP_GLI");              \
        close_relative((b).graph_sd, P##_SD_GLI, 6, #P "_SD_GLI");                      \
        close_relative((b).graph_z, P##_Z_GLI, 6, #P "_Z_GLI");                         \
        close_relative((b).group_expected, P##_EXP_GRP, (groups) * 6, #P "_EXP_GRP");   \
        close_relative((b).group_sd, P##_SD_GRP, (groups) * 6, #P "_SD_GRP");           \
    } while (0)

static ecosys_partition *membership_partition(const size_t *membership, size_t n)
{
    ecosys_partition *p = NULL;
    assert_ok(ecosys_partition_from_membership(&p, membership, n));
    return p;
}

/* ---- structural holes by hand ------------------------------------------------- */

static void star_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 5, ecosys_test_star, 4, NULL, 0);
    ecosys_structural_holes h;
    holes(&h, g, 0);
    /* Centre: 4 contacts, p = 1/4, no tie among them: C = 4 (1/4)^2 = 1/4;
     * ES = 4 - 0; efficiency 1; equal contributions: hierarchy 0.
     * Leaf: one contact, p = 1: C = 1, ES = 1, efficiency 1, hierarchy NaN
     * (fewer than two contacts). */
    assert_vector_close(h.constraint, ((double[]){0.25, 1, 1, 1, 1}), 5, EXACT);
    assert_vector_close(h.effective_size, ((double[]){4, 1, 1, 1, 1}), 5, EXACT);
    assert_vector_close(h.efficiency, ((double[]){1, 1, 1, 1, 1}), 5, EXACT);
    assert_vector_close(h.hierarchy, ((double[]){0, NAN, NAN, NAN, NAN}), 5, EXACT);
    ecosys_test_sizes_equal(h.contacts, (size_t[]){4, 1, 1, 1, 1}, 5);
    ecosys_structural_holes_dispose(&h);
    assert_null(h.constraint);
    assert_int_equal(h.actor_count, 0);
    ecosys_structural_holes_dispose(NULL);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void triangle_with_pendant_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_tri_pendant, 4, NULL, 0);
    ecosys_structural_holes h;
    holes(&h, g, 0);
    /* Vertex 0: contacts 1, 2 (p = 1/2). On 1: 1/2 + p02 p21 = 1/2 + 1/2 * 1/3
     * = 2/3 -> 4/9; on 2: 1/2 + p01 p12 = 1/2 + 1/2 * 1/2 = 3/4 -> 9/16;
     * C = 4/9 + 9/16 = 145/144. Same for 1.
     * Vertex 2: contacts 0, 1, 3 (p = 1/3). On 0: 1/3 + p21 p10 = 1/3 + 1/6
     * -> 1/4; on 1: 1/4; on 3: (1/3)^2 = 1/9; C = 11/18.
     * Vertex 3: one contact: 1.
     * Effective size (Borgatti n - 2t/n): 0 and 1: 2 - 2/2 = 1; 2: 3 - 2/3
     * = 7/3; 3: 1. Efficiency: 1/2, 1/2, 7/9, 1. */
    assert_vector_close(h.constraint, ((double[]){145.0 / 144, 145.0 / 144, 11.0 / 18, 1}), 4,
                        EXACT);
    assert_vector_close(h.effective_size, ((double[]){1, 1, 7.0 / 3, 1}), 4, EXACT);
    assert_vector_close(h.efficiency, ((double[]){0.5, 0.5, 7.0 / 9, 1}), 4, EXACT);
    double h0 = hierarchy_of((double[]){4.0 / 9, 9.0 / 16}, 2);
    double h2 = hierarchy_of((double[]){0.25, 0.25, 1.0 / 9}, 3);
    assert_vector_close(h.hierarchy, ((double[]){h0, h0, h2, NAN}), 4, EXACT);
    /* h0 written out: r = 128/145, 162/145. */
    assert_close(h0, (128.0 / 145 * log(128.0 / 145) + 162.0 / 145 * log(162.0 / 145)) /
                         (2 * log(2)), EXACT);
    ecosys_structural_holes_dispose(&h);

    /* Weighted: 0-1 weight 2, the others 1. Strengths s0 = 3, s1 = 3,
     * s2 = 3, s3 = 1. Vertex 0: p01 = 2/3, p02 = 1/3.
     * C0: on 1: 2/3 + p02 p21 = 2/3 + 1/3 * 1/3 = 7/9 -> 49/81; on 2:
     * 1/3 + p01 p12 = 1/3 + 2/3 * 1/3 = 5/9 -> 25/81; C0 = 74/81.
     * ES0: max tie of 1 is 2, of 2 is 1. Redundancy of 1: p02 m12 =
     * 1/3 * 1/2 = 1/6; of 2: p01 m21 = 2/3 * 1 = 2/3. ES0 = 2 - 5/6 = 7/6. */
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    g = ecosys_test_graph(&ds, 4, ecosys_test_tri_pendant, 4, (double[]){2, 1, 1, 1}, 0);
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_close(h.constraint[0], 74.0 / 81, EXACT);
    assert_close(h.effective_size[0], 7.0 / 6, EXACT);
    assert_close(h.efficiency[0], 7.0 / 12, EXACT);
    assert_close(h.hierarchy[0], hierarchy_of((double[]){49.0 / 81, 25.0 / 81}, 2), EXACT);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void weighted_diamond_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_diamond, 4,
                                        ecosys_test_diamond_weights, 0);
    ecosys_structural_holes h;
    /* 4-cycle 0-1-3-2, weights 0-1: 4, 1-3: 4, 0-2: 1, 2-3: 1; no triangle,
     * so no indirect term. Vertex 0: p01 = 4/5, p02 = 1/5: C = 0.64 + 0.04
     * = 0.68; vertex 1: p10 = p13 = 1/2: C = 0.5. Unweighted 0.5 for all.
     * ES = 2 everywhere (no contact tied to another), efficiency 1.
     * Hierarchy of 0: c = 0.64, 0.04 (r = 32/17, 2/17); of 1: 0. */
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_vector_close(h.constraint, ((double[]){0.68, 0.5, 0.5, 0.68}), 4, EXACT);
    assert_vector_close(h.effective_size, ((double[]){2, 2, 2, 2}), 4, EXACT);
    assert_vector_close(h.efficiency, ((double[]){1, 1, 1, 1}), 4, EXACT);
    double h0 = (32.0 / 17 * log(32.0 / 17) + 2.0 / 17 * log(2.0 / 17)) / (2 * log(2));
    assert_vector_close(h.hierarchy, ((double[]){h0, 0, 0, h0}), 4, EXACT);
    ecosys_structural_holes_dispose(&h);
    holes(&h, g, 0);
    assert_vector_close(h.constraint, ((double[]){0.5, 0.5, 0.5, 0.5}), 4, EXACT);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void isolates_pairs_and_empty_graphs(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    /* Path 0-2-4, triangle 1-3-5, 6 alone: the isolate is NaN everywhere
     * (igraph and NetworkX agree). Path ends: C = 1; middle 2: p = 1/2 each,
     * no indirect: C = 1/2, ES = 2, hierarchy 0. Triangle: 2 (1/2 + 1/4)^2
     * = 9/8 (the maximum of a dyad-closed triad), ES 2 - 2/2 = 1. */
    ecosys_graph *g = ecosys_test_graph(&ds, 7, ecosys_test_two_parts, 5, NULL, 0);
    ecosys_structural_holes h;
    holes(&h, g, 0);
    assert_vector_close(h.constraint, ((double[]){1, 1.125, 0.5, 1.125, 1, 1.125, NAN}), 7,
                        EXACT);
    assert_vector_close(h.effective_size, ((double[]){1, 1, 2, 1, 1, 1, NAN}), 7, EXACT);
    assert_vector_close(h.efficiency, ((double[]){1, 0.5, 1, 0.5, 1, 0.5, NAN}), 7, EXACT);
    assert_vector_close(h.hierarchy, ((double[]){NAN, 0, 0, 0, NAN, 0, NAN}), 7, EXACT);
    ecosys_test_sizes_equal(h.contacts, (size_t[]){1, 2, 2, 2, 1, 2, 0}, 7);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* Two actors, one tie: each has one contact (C = ES = efficiency = 1,
     * hierarchy NaN). */
    g = ecosys_test_graph(&ds, 2, (const size_t[][2]){{0, 1}}, 1, NULL, 0);
    holes(&h, g, 0);
    assert_vector_close(h.constraint, ((double[]){1, 1}), 2, EXACT);
    assert_vector_close(h.effective_size, ((double[]){1, 1}), 2, EXACT);
    assert_vector_close(h.hierarchy, ((double[]){NAN, NAN}), 2, EXACT);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* No actor: success, empty arrays. */
    g = ecosys_test_graph(&ds, 0, NULL, 0, NULL, 0);
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_int_equal(h.actor_count, 0);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- structural holes against NetworkX and igraph ------------------------------ */

static void karate_against_networkx(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, KARATE_WEIGHTS, 0);
    ecosys_structural_holes h;
    holes(&h, g, 0);
    assert_vector_close(h.constraint, NX_KARATE_CONSTRAINT_U, KARATE_N, SUMS);
    assert_vector_close(h.constraint, IGRAPH_KARATE_CONSTRAINT_U, KARATE_N, SUMS);
    assert_vector_close(h.effective_size, NX_KARATE_EFFECTIVE_SIZE_U, KARATE_N, SUMS);
    assert_vector_close(h.efficiency, NX_KARATE_EFFICIENCY_U, KARATE_N, SUMS);
    assert_vector_close(h.hierarchy, NX_KARATE_HIERARCHY_U, KARATE_N, SUMS);
    ecosys_structural_holes_dispose(&h);
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_vector_close(h.constraint, NX_KARATE_CONSTRAINT_W, KARATE_N, SUMS);
    assert_vector_close(h.constraint, IGRAPH_KARATE_CONSTRAINT_W, KARATE_N, SUMS);
    assert_vector_close(h.effective_size, NX_KARATE_EFFECTIVE_SIZE_W, KARATE_N, SUMS);
    assert_vector_close(h.efficiency, NX_KARATE_EFFICIENCY_W, KARATE_N, SUMS);
    assert_vector_close(h.hierarchy, NX_KARATE_HIERARCHY_W, KARATE_N, SUMS);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void directed_against_networkx(void **state)
{
    (void) state;
    /* D: in- and out-ties pooled, a reciprocated pair weighing both arcs
     * (2 unweighted). NetworkX, igraph and libecosys agree here (every
     * actor of D has out-ties). */
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, D_N, D_EDGES, D_M, D_WEIGHTS, 1);
    ecosys_structural_holes h;
    holes(&h, g, 0);
    assert_vector_close(h.constraint, NX_D_CONSTRAINT_U, D_N, SUMS);
    assert_vector_close(h.constraint, IGRAPH_D_CONSTRAINT_U, D_N, SUMS);
    assert_vector_close(h.effective_size, NX_D_EFFECTIVE_SIZE_U, D_N, SUMS);
    assert_vector_close(h.efficiency, NX_D_EFFICIENCY_U, D_N, SUMS);
    assert_vector_close(h.hierarchy, NX_D_HIERARCHY_U, D_N, SUMS);
    ecosys_structural_holes_dispose(&h);
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_vector_close(h.constraint, NX_D_CONSTRAINT_W, D_N, SUMS);
    assert_vector_close(h.constraint, IGRAPH_D_CONSTRAINT_W, D_N, SUMS);
    assert_vector_close(h.effective_size, NX_D_EFFECTIVE_SIZE_W, D_N, SUMS);
    assert_vector_close(h.efficiency, NX_D_EFFICIENCY_W, D_N, SUMS);
    assert_vector_close(h.hierarchy, NX_D_HIERARCHY_W, D_N, SUMS);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- structural holes: where the peers disagree ----------------------------------- */

static void only_incoming_ties(void **state)
{
    (void) state;
    /* Arcs 1->0, 2->0, 1->2: vertex 0 has only incoming ties. Pooled, the
     * three form a triangle: C = 9/8 and ES = 1 for everyone. igraph agrees
     * (IGRAPH_SINK_CONSTRAINT); NetworkX gives NaN for vertex 0 because it
     * tests successors only (NX_SINK_CONSTRAINT, NX_SINK_EFFECTIVE_SIZE). */
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 3, (const size_t[][2]){{1, 0}, {2, 0}, {1, 2}}, 3,
                                        NULL, 1);
    ecosys_structural_holes h;
    holes(&h, g, 0);
    assert_vector_close(h.constraint, IGRAPH_SINK_CONSTRAINT, 3, EXACT);
    assert_vector_close(h.constraint, ((double[]){1.125, 1.125, 1.125}), 3, EXACT);
    assert_true(isnan(NX_SINK_CONSTRAINT[0]) && isnan(NX_SINK_EFFECTIVE_SIZE[0]));
    assert_vector_close(h.effective_size, ((double[]){1, 1, 1}), 3, EXACT);
    assert_vector_close(h.effective_size + 1, NX_SINK_EFFECTIVE_SIZE + 1, 2, EXACT);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void zero_weight_self_and_repeated_ties(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_structural_holes h;
    /* Zero weight: triangle 0-1-2 and 2-3 of weight 0. A zero-weight tie is
     * data only (ecosys/graph.h): 3 is an isolate (NaN, as igraph gives,
     * IGRAPH_ZERO_CONSTRAINT_W), 2 has two contacts (ES 1). NetworkX keeps
     * the tie: C3 = 0 and ES2 = 2 (NX_ZERO_*). */
    ecosys_graph *g = ecosys_test_graph(
        &ds, 4, (const size_t[][2]){{0, 1}, {1, 2}, {0, 2}, {2, 3}}, 4, (double[]){1, 1, 1, 0}, 0);
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_vector_close(h.constraint, IGRAPH_ZERO_CONSTRAINT_W, 4, EXACT);
    assert_vector_close(h.effective_size, ((double[]){1, 1, 1, NAN}), 4, EXACT);
    assert_close(NX_ZERO_EFFECTIVE_SIZE_W[2], 2, 0);
    assert_close(NX_ZERO_CONSTRAINT_W[3], 0, 0);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* Self-tie 0-0 on the triangle with a pendant: ignored, so the values
     * are those without it (145/144, 145/144, 11/18, 1), igraph's
     * (IGRAPH_LOOP_CONSTRAINT). NetworkX counts the loop in the strength
     * of 0 (NX_LOOP_CONSTRAINT: 1.2037...). */
    g = ecosys_test_graph(&ds, 4, (const size_t[][2]){{0, 1}, {1, 2}, {0, 2}, {2, 3}, {0, 0}}, 5,
                          NULL, 0);
    holes(&h, g, 0);
    assert_vector_close(h.constraint, IGRAPH_LOOP_CONSTRAINT, 4, EXACT);
    assert_vector_close(h.constraint, ((double[]){145.0 / 144, 145.0 / 144, 11.0 / 18, 1}), 4,
                        EXACT);
    assert_true(fabs(NX_LOOP_CONSTRAINT[0] - 145.0 / 144) > 0.1);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* Repeated ties: 0-1 twice (weights 1 + 1) is one tie of weight 2, so
     * weighted values equal the hand values of the weighted triangle with
     * pendant (C0 = 74/81), unweighted ones the plain graph (145/144). */
    g = ecosys_test_graph(&ds, 4,
                          (const size_t[][2]){{0, 1}, {1, 2}, {2, 0}, {2, 3}, {1, 0}}, 5, NULL, 0);
    holes(&h, g, ECOSYS_WEIGHTED);
    assert_close(h.constraint[0], 74.0 / 81, EXACT);
    assert_close(h.effective_size[0], 7.0 / 6, EXACT);
    ecosys_structural_holes_dispose(&h);
    holes(&h, g, 0);
    assert_close(h.constraint[0], 145.0 / 144, EXACT);
    ecosys_structural_holes_dispose(&h);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- brokerage roles by hand ----------------------------------------------------- */

static void roles_by_hand(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_brokerage b;
    /* Arcs 0 -> 1 -> 2. Groups A, A, B: 1 shares the source's group:
     * representative (sna's b_IO, HAND_REPRESENTATIVE_RAW). Groups A, B, B:
     * 1 shares the target's group: gatekeeper (b_OI, HAND_GATEKEEPER_RAW). */
    ecosys_graph *g = ecosys_test_graph(&ds, 3, (const size_t[][2]){{0, 1}, {1, 2}}, 2, NULL, 1);
    ecosys_partition *p = membership_partition((size_t[]){0, 0, 1}, 3);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    raw_equal(b.raw, HAND_REPRESENTATIVE_RAW, 18, "representative case");
    assert_int_equal(b.raw[1 * 6 + ECOSYS_ROLE_REPRESENTATIVE], 1);
    /* Density 2 arcs / (3 * 2) = 1/3. */
    assert_close(b.density, 1.0 / 3, EXACT);
    assert_int_equal(b.arc_count, 2);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    p = membership_partition((size_t[]){0, 1, 1}, 3);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    raw_equal(b.raw, HAND_GATEKEEPER_RAW, 18, "gatekeeper case");
    assert_int_equal(b.raw[1 * 6 + ECOSYS_ROLE_GATEKEEPER], 1);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    /* Groups A, B, C: liaison; A, B, A: itinerant; A, A, A: coordinator. */
    size_t cases[3][3] = {{0, 1, 2}, {0, 1, 0}, {0, 0, 0}};
    int roles[3] = {ECOSYS_ROLE_LIAISON, ECOSYS_ROLE_ITINERANT, ECOSYS_ROLE_COORDINATOR};
    for (int c = 0; c < 3; c++) {
        p = membership_partition(cases[c], 3);
        assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
        for (int r = 0; r < 5; r++)
            assert_int_equal(b.raw[1 * 6 + r], r == roles[c]);
        assert_int_equal(b.raw[1 * 6 + ECOSYS_ROLE_TOTAL], 1);
        assert_int_equal(b.raw[0 * 6 + ECOSYS_ROLE_TOTAL] + b.raw[2 * 6 + ECOSYS_ROLE_TOTAL], 0);
        ecosys_brokerage_dispose(&b);
        ecosys_partition_free(p);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* Undirected path 0 - 1 - 2, groups A, A, B: two arcs per tie, so 1
     * brokers 0 -> 1 -> 2 (representative) and 2 -> 1 -> 0 (gatekeeper);
     * 0 -> 1 -> 0 is not a two-path (a == c). 4 arcs: density 4/6. */
    g = ecosys_test_graph(&ds, 3, ecosys_test_p4, 2, NULL, 0);
    p = membership_partition((size_t[]){0, 0, 1}, 3);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    uint64_t expected[18] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0};
    assert_memory_equal(b.raw, expected, sizeof expected);
    assert_close(b.density, 4.0 / 6, EXACT);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* A closed triad brokers nothing; a reciprocated a <-> c closes both
     * directions. Triangle 0-1-2 undirected: all zero. */
    g = ecosys_test_graph(&ds, 3, (const size_t[][2]){{0, 1}, {1, 2}, {2, 0}}, 3, NULL, 0);
    p = membership_partition((size_t[]){0, 1, 2}, 3);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    for (size_t i = 0; i < 18; i++)
        assert_int_equal(b.raw[i], 0);
    /* Complete graph: density 1, D = d^2 (1 - d) = 0: expectations 0 and
     * sd 0, so z = 0/0 = NaN everywhere, as in R. */
    assert_close(b.density, 1, EXACT);
    for (size_t i = 0; i < 18; i++)
        assert_true(isnan(b.z[i]));
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- brokerage roles against sna ----------------------------------------------------- */

static const size_t KARATE_CLUB[KARATE_N] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0,
                                             0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

static void karate_clubs_against_sna(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, KARATE_N, KARATE_EDGES, KARATE_M, KARATE_WEIGHTS, 0);
    ecosys_partition *p = membership_partition(KARATE_CLUB, KARATE_N);
    ecosys_brokerage b;
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    assert_int_equal(b.actor_count, KARATE_N);
    assert_int_equal(b.group_count, 2);
    assert_int_equal(b.arc_count, 2 * KARATE_M);
    assert_close(b.density, 156.0 / (34 * 33), EXACT);
    CHECK_SNA(b, SNA_KARATE_CLUB, (size_t) KARATE_N, 2);
    /* Two groups: no liaison is possible; sna gives 0, sd 0 and z NaN. */
    assert_true(isnan(b.graph_z[ECOSYS_ROLE_LIAISON]));
    ecosys_brokerage_dispose(&b);
    assert_null(b.raw);
    ecosys_brokerage_dispose(NULL);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void directed_groups_against_sna(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, D_N, D_EDGES, D_M, D_WEIGHTS, 1);
    ecosys_brokerage b;
    ecosys_partition *p = membership_partition((size_t[]){0, 0, 0, 1, 1, 2, 2, 2}, D_N);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    assert_close(b.density, 14.0 / 56, EXACT);
    CHECK_SNA(b, SNA_D_THREE, (size_t) D_N, 3);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);

    /* Groups of one (vertex 0) and two (1, 2): the coordinator (and, for the
     * group of one, representative and gatekeeper) cannot occur: expected 0,
     * sd 0, z NaN as in sna (SNA_D_SMALL_Z_NLI). */
    p = membership_partition((size_t[]){0, 1, 1, 2, 2, 2, 2, 2}, D_N);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    CHECK_SNA(b, SNA_D_SMALL, (size_t) D_N, 3);
    assert_true(isnan(b.z[0 * 6 + ECOSYS_ROLE_COORDINATOR]));
    assert_true(isnan(b.z[0 * 6 + ECOSYS_ROLE_GATEKEEPER]));
    assert_true(isnan(b.z[1 * 6 + ECOSYS_ROLE_COORDINATOR]));
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void partition_by_attribute(void **state)
{
    (void) state;
    /* The same groups from the sector attribute as from a membership. */
    static const char *const sectors[D_N] = {"ess", "ess", "ess", "public", "public",
                                             "firm", "firm", "firm"};
    ecosys_dataset *ds = ecosys_test_dataset(D_N, D_EDGES, D_M, D_WEIGHTS, 1, sectors);
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    ecosys_partition *p = NULL;
    assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
    ecosys_brokerage b;
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    CHECK_SNA(b, SNA_D_THREE, (size_t) D_N, 3);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Brute force over all triples of a random graph with hubs (so both the
 * walking and the binary-search paths of the counter run). */
static void roles_against_brute_force(void **state)
{
    (void) state;
    enum { N = 120, GROUPS = 4 };
    for (int directed = 0; directed <= 1; directed++) {
        unsigned int seed = 12345u + (unsigned) directed;
        size_t (*edges)[2] = malloc(N * N * sizeof *edges), m = 0;
        static unsigned char arc[N][N];
        memset(arc, 0, sizeof arc);
        for (size_t u = 0; u < N; u++) {
            for (size_t v = 0; v < N; v++) {
                if (u == v || (!directed && v < u))
                    continue;
                seed = seed * 1103515245u + 12345u;
                unsigned int r = (seed >> 16) % 1000;
                /* Vertices 0-2 are hubs: tied to 60% of the others. */
                unsigned int threshold = (u < 3 || v < 3) ? 600 : 40;
                if (r < threshold) {
                    edges[m][0] = u, edges[m][1] = v, m++;
                    arc[u][v] = 1;
                    if (!directed)
                        arc[v][u] = 1;
                }
            }
        }
        size_t membership[N];
        for (size_t v = 0; v < N; v++)
            membership[v] = (v * 7 + v / 5) % GROUPS;
        ecosys_dataset *ds;
        ecosys_graph *g = ecosys_test_graph(&ds, N, (const size_t(*)[2]) edges, m, NULL,
                                            directed);
        ecosys_partition *p = membership_partition(membership, N);
        ecosys_brokerage b;
        assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
        for (size_t v = 0; v < N; v++) {
            uint64_t count[6] = {0};
            for (size_t a = 0; a < N; a++) {
                if (!arc[a][v])
                    continue;
                for (size_t c = 0; c < N; c++) {
                    if (c == a || !arc[v][c] || arc[a][c])
                        continue;
                    size_t ga = membership[a], gv = membership[v], gc = membership[c];
                    int role = ga == gv && gv == gc   ? 0
                               : ga == gc            ? 1
                               : ga == gv            ? 2
                               : gv == gc            ? 3
                                                     : 4;
                    count[role]++;
                    count[5]++;
                }
            }
            assert_memory_equal(b.raw + v * 6, count, sizeof count);
        }
        ecosys_brokerage_dispose(&b);
        ecosys_partition_free(p);
        ecosys_graph_free(g);
        ecosys_dataset_free(ds);
        free(edges);
    }
}

static void groups_of_one_everywhere(void **state)
{
    (void) state;
    /* Every actor its own group (a partition by id): everything is a
     * liaison, itinerant or representative/gatekeeper cannot occur. The
     * null model stays finite (size classes, not pairs of groups). P4. */
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 4, ecosys_test_p4, 3, NULL, 0);
    ecosys_partition *p = membership_partition((size_t[]){0, 1, 2, 3}, 4);
    ecosys_brokerage b;
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    /* 1 brokers 0 <-> 2 both ways, 2 brokers 1 <-> 3: 2 liaisons each. */
    assert_int_equal(b.raw[1 * 6 + ECOSYS_ROLE_LIAISON], 2);
    assert_int_equal(b.raw[2 * 6 + ECOSYS_ROLE_LIAISON], 2);
    assert_int_equal(b.graph_raw[ECOSYS_ROLE_TOTAL], 4);
    /* sna with cl = 1:4 on P4 gives: d = 6/12 = 1/2, D = 1/8; liaison
     * expected per actor D ((N-1)^2 - (N-1)) = 6/8 = 0.75, graph-level
     * D sum_{i!=j} 1 * 1 * (4 - 2) = D * 12 * 2 = 3. */
    assert_close(b.expected[0 * 6 + ECOSYS_ROLE_LIAISON], 0.75, EXACT);
    assert_close(b.graph_expected[ECOSYS_ROLE_LIAISON], 3, EXACT);
    assert_close(b.graph_expected[ECOSYS_ROLE_TOTAL], 0.125 * 4 * 3 * 2, EXACT);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- errors ----------------------------------------------------------------------------- */

static void errors(void **state)
{
    (void) state;
    ecosys_dataset *ds;
    ecosys_graph *g = ecosys_test_graph(&ds, 3, ecosys_test_p4, 2, NULL, 0);
    double x[3];
    assert_int_equal(ecosys_constraint(NULL, g, 0), ECOSYS_EINVAL);
    assert_int_equal(ecosys_effective_size(x, NULL, 0), ECOSYS_EINVAL);
    assert_int_equal(ecosys_efficiency(x, g, ECOSYS_NORMALIZED), ECOSYS_EINVAL);
    assert_int_equal(ecosys_hierarchy(x, g, ECOSYS_MODE_OUT), ECOSYS_EINVAL);
    assert_int_equal(ecosys_structural_holes_compute(NULL, g, 0), ECOSYS_EINVAL);
    ecosys_brokerage b;
    ecosys_partition *p = membership_partition((size_t[]){0, 0}, 2);
    assert_int_equal(ecosys_brokerage_roles(&b, g, p, 0), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "partition has 2 vertices"));
    assert_null(b.raw);
    ecosys_partition_free(p);
    p = membership_partition((size_t[]){0, 0, 1}, 3);
    assert_int_equal(ecosys_brokerage_roles(&b, g, p, ECOSYS_WEIGHTED), ECOSYS_EINVAL);
    assert_int_equal(ecosys_brokerage_roles(&b, NULL, p, 0), ECOSYS_EINVAL);
    assert_int_equal(ecosys_brokerage_roles(&b, g, NULL, 0), ECOSYS_EINVAL);
    assert_int_equal(ecosys_brokerage_roles(NULL, g, p, 0), ECOSYS_EINVAL);
    ecosys_partition_free(p);
    assert_string_equal(ecosys_brokerage_role_name(ECOSYS_ROLE_REPRESENTATIVE), "representative");
    assert_string_equal(ecosys_brokerage_role_name(ECOSYS_ROLE_GATEKEEPER), "gatekeeper");
    assert_null(ecosys_brokerage_role_name(6));
    assert_null(ecosys_brokerage_role_name(-1));
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* No actor: success, NaN density. One actor: NaN density too (n < 2). */
    g = ecosys_test_graph(&ds, 1, NULL, 0, NULL, 0);
    p = membership_partition((size_t[]){0}, 1);
    assert_ok(ecosys_brokerage_roles(&b, g, p, 0));
    assert_true(isnan(b.density));
    assert_int_equal(b.raw[ECOSYS_ROLE_TOTAL], 0);
    ecosys_brokerage_dispose(&b);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(star_by_hand),
        cmocka_unit_test(triangle_with_pendant_by_hand),
        cmocka_unit_test(weighted_diamond_by_hand),
        cmocka_unit_test(isolates_pairs_and_empty_graphs),
        cmocka_unit_test(karate_against_networkx),
        cmocka_unit_test(directed_against_networkx),
        cmocka_unit_test(only_incoming_ties),
        cmocka_unit_test(zero_weight_self_and_repeated_ties),
        cmocka_unit_test(roles_by_hand),
        cmocka_unit_test(karate_clubs_against_sna),
        cmocka_unit_test(directed_groups_against_sna),
        cmocka_unit_test(partition_by_attribute),
        cmocka_unit_test(roles_against_brute_force),
        cmocka_unit_test(groups_of_one_everywhere),
        cmocka_unit_test(errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
