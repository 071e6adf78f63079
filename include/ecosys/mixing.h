/**
 * @file ecosys/mixing.h
 * @brief Mixing across groups: mixing matrix, E-I index with its nulls,
 * nominal assortativity, Blau heterogeneity and IQV.
 *
 * Every function takes a graph and an ecosys_partition of its vertices
 * (by sector, territory, axes, community...; see ecosys/partition.h) with
 * as many vertices as the graph (else ECOSYS_EINVAL). Names are those of
 * the JSON summary: @c mixing_matrix, @c ei_index, @c assortativity,
 * @c blau, @c iqv. docs/measures.md, "Mixing across groups", gives the
 * formulas, references and how to read them.
 *
 * Conventions shared by every function here:
 * - Ties are the graph's edges, after the rules of ecosys/graph.h: a tie of
 *   weight 0 is not an edge (it counts nowhere), self-ties are ignored,
 *   repeated ties between the same pair (ordered pair if directed) are one
 *   edge whose weight is their sum. So a pair tied three times counts one
 *   tie unweighted, and the sum of the three weights with ECOSYS_WEIGHTED.
 * - Unweighted by default: every tie counts 1. ECOSYS_WEIGHTED sums the
 *   weights (intensities) instead.
 * - Directed graphs: network and group level count each arc once (a->b and
 *   b->a are two ties). Actor-level measures accept a mode:
 *   ECOSYS_MODE_OUT (the actor's out-ties), ECOSYS_MODE_IN (in-ties) or
 *   ECOSYS_MODE_ALL (the default: the actor's partners whatever the
 *   direction, a reciprocated pair being one partner whose weight is the
 *   sum of the two arcs, as in the undirected version of the graph).
 *   Undirected graphs ignore the mode.
 * - Undefined values are NaN (never an error): an isolate's actor-level
 *   values, the E-I index of a graph or group without ties, a z-score whose
 *   null standard deviation is 0.
 * - Computed on libecosys's own arrays, not through igraph: every function
 *   is safe to call from several threads at once on the same graph and
 *   partition. None prints; all return 0 or a negative ECOSYS_E* code.
 */
#ifndef ECOSYS_MIXING_H
#define ECOSYS_MIXING_H

#include "ecosys/measures.h"
#include "ecosys/partition.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The mixing matrix: ties and summed weights between groups. Filled by
 * ecosys_mixing_matrix_compute(); release with ecosys_mixing_matrix_dispose().
 *
 * Both matrices are k x k, row-major: cell (g, h) is at index g * k + h.
 * - Undirected graphs: cell (g, h) is the number of ties between an actor
 *   of g and an actor of h, so the matrix is symmetric and a tie between
 *   two groups appears in both cells (g, h) and (h, g); a tie within g
 *   appears once, in (g, g). The ties are the diagonal plus the upper
 *   triangle. (NetworkX's attribute_mixing_matrix counts each tie from
 *   both ends, so its diagonal is twice this one; Newman's e_ij is that
 *   matrix divided by 2m.)
 * - Directed graphs: row = group of the source, column = group of the
 *   target, each arc once; the cells sum to the number of ties.
 */
typedef struct ecosys_mixing_matrix {
    size_t group_count; /**< k, the number of groups of the partition. */
    int directed;       /**< Non-zero if the graph is directed. */
    double *ties;       /**< k x k tie counts (whole numbers); owned by the struct. */
    double *weights;    /**< k x k sums of tie weights; owned by the struct. */
} ecosys_mixing_matrix;

/**
 * Computes the mixing matrix of @p graph over the groups of @p partition.
 * Time O(m + k^2), memory O(k^2).
 *
 * @param out       receives the matrices (zeroed first; on error left empty).
 * @param graph     the graph.
 * @param partition a partition of the graph's vertices.
 * @return 0; ECOSYS_EINVAL (NULL argument, partition of another size);
 *         ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_mixing_matrix_compute(ecosys_mixing_matrix *out,
                                               const ecosys_graph *graph,
                                               const ecosys_partition *partition);

/** Frees the matrices of @p matrix and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_mixing_matrix_dispose(ecosys_mixing_matrix *matrix);

/**
 * The E-I index (Krackhardt & Stern 1988) at network and group level, with
 * its exact null. Filled by ecosys_ei_index_compute(); release with
 * ecosys_ei_index_dispose().
 *
 * EI = (E - I) / (E + I), E the external ties (ends in two groups), I the
 * internal ones (both ends in one group); weights summed with
 * ECOSYS_WEIGHTED. +1: every tie crosses groups; -1: every tie stays
 * inside one; NaN without ties. Group g: E_g counts the ties with exactly
 * one end in g, I_g those with both ends in g, each tie once.
 *
 * Exact null, network level: the uniform graph with the same number m of
 * ties, that is the m ties (with their weights, if weighted) placed on m
 * distinct dyads drawn uniformly among the D dyads (D = n(n-1)/2 unordered
 * pairs; n(n-1) ordered pairs if directed), D_I of which lie within a
 * group (sum over groups of n_g(n_g-1)/2, or n_g(n_g-1) if directed). The
 * number of internal ties is hypergeometric; with p = D_I / D:
 * - expected EI = 1 - 2p (NaN if m = 0 or n < 2);
 * - Var(I) = p(1-p) (D S2 - W^2) / (D - 1), W the total weight and S2 the
 *   sum of squared weights (unweighted W = S2 = m: the hypergeometric
 *   variance m p (1-p) (D-m)/(D-1)); sd of EI = 2 sqrt(Var(I)) / W;
 * - z = (EI - expected) / sd.
 * The sd is 0, and z NaN, when D_I = 0 (every group has one actor: every
 * tie is external whatever the graph), D_I = D (a single group), m = 0 or
 * m = D (the complete graph).
 *
 * Group level, the same null conditional on the T_g ties at g: they lie on
 * T_g distinct dyads drawn uniformly among the D_g dyads touching g, of
 * which n_g(n_g-1)/2 are internal and n_g(n - n_g) external (both doubled
 * if directed); same formulas with p = internal / D_g. NaN expected value
 * for a group without ties; NaN z for a group of one actor (no internal
 * dyad) or a group that is the whole graph.
 */
typedef struct ecosys_ei_index {
    size_t group_count;       /**< k, the number of groups. */
    int directed;             /**< Non-zero if the graph is directed (dyads are ordered pairs). */
    int weighted;             /**< Non-zero if weights were summed. */
    double external;          /**< E: ties (or weight) between groups. */
    double internal;          /**< I: ties (or weight) within groups. */
    double ei_index;          /**< (E - I) / (E + I); NaN without ties. */
    double dyads;             /**< D, the number of dyads. */
    double internal_dyads;    /**< D_I, the dyads within a group. */
    double expected;          /**< 1 - 2 D_I / D under the exact null; NaN if m = 0 or D = 0. */
    double sd;                /**< Standard deviation of EI under the exact null. */
    double z;                 /**< (ei_index - expected) / sd; NaN if sd = 0. */
    double *group_external;   /**< k values E_g; owned by the struct. */
    double *group_internal;   /**< k values I_g; owned by the struct. */
    double *group_ei_index;   /**< k values (E_g - I_g) / (E_g + I_g); NaN for a group without ties. */
    double *group_expected;   /**< k expected values under the conditional null. */
    double *group_sd;         /**< k standard deviations under the conditional null. */
    double *group_z;          /**< k z-scores; NaN where the sd is 0. */
} ecosys_ei_index;

/**
 * Computes the E-I index of @p graph at network and group level with its
 * exact null (see ecosys_ei_index). Time O(m + k), memory O(k).
 *
 * @param out       receives the result (zeroed first).
 * @param graph     the graph.
 * @param partition a partition of the graph's vertices.
 * @param flags     0, or ECOSYS_WEIGHTED to sum weights.
 * @return 0; ECOSYS_EINVAL (NULL argument, partition of another size,
 *         other flags); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_ei_index_compute(ecosys_ei_index *out, const ecosys_graph *graph,
                                          const ecosys_partition *partition,
                                          unsigned int flags);

/** Frees the arrays of @p result and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_ei_index_dispose(ecosys_ei_index *result);

/**
 * E-I index of each actor over its own ties: (E_v - I_v) / (E_v + I_v),
 * E_v the actor's ties to other groups, I_v to its own group (weights
 * summed with ECOSYS_WEIGHTED). NaN for an actor without ties (in the
 * chosen mode). Directed default ECOSYS_MODE_ALL (see the file's
 * conventions): an actor with only incoming ties has a value with
 * ECOSYS_MODE_ALL and ECOSYS_MODE_IN, NaN with ECOSYS_MODE_OUT.
 * Time O(n + m), memory O(n + m).
 *
 * @param out       array of ecosys_graph_actor_count() values, by vertex.
 * @param graph     the graph.
 * @param partition a partition of the graph's vertices.
 * @param flags     ECOSYS_WEIGHTED and a mode.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM; ECOSYS_EUNSUPPORTED (2^32
 *         actors or more).
 */
ECOSYS_EXTERN int ecosys_ei_index_actors(double *out, const ecosys_graph *graph,
                                         const ecosys_partition *partition, unsigned int flags);

/**
 * Result of the label-permutation test of the network E-I index
 * (ecosys_ei_permutation_test()). A plain struct: nothing to dispose.
 */
typedef struct ecosys_ei_permutation {
    size_t replicates;  /**< R, the number of permutations. */
    uint64_t seed;      /**< The seed. */
    int weighted;       /**< Non-zero if weights were summed. */
    double observed;    /**< The E-I index of the graph (NaN without ties). */
    double mean;        /**< Mean of the R permuted E-I indices. */
    double sd;          /**< Their standard deviation (denominator R - 1; NaN if R = 1). */
    double z;           /**< (observed - mean) / sd; NaN if sd is 0 or NaN. */
    double p_greater;   /**< (1 + #{permuted >= observed}) / (R + 1): small if ties cross groups more than chance. */
    double p_less;      /**< (1 + #{permuted <= observed}) / (R + 1): small if ties stay inside groups more than chance. */
} ecosys_ei_permutation;

/**
 * Label-permutation test of the network E-I index: the groups are shuffled
 * over the actors (the group sizes and the graph stay as they are) R times,
 * and the observed E-I index is compared with the R permuted ones.
 *
 * p-values count the observed labelling as one of the permutations:
 * (1 + number of permuted values at least as extreme) / (R + 1) (Davison &
 * Hinkley 1997; North, Curtis & Sham 2002), so they are never 0 and are
 * valid at any R. Permuted values within 1e-12 W (W the total weight) of
 * the observed one count as equal to it.
 *
 * Replicate r (0 <= r < R) shuffles the original labels with its own
 * random stream r of @p seed (libecosys's xoshiro256**, docs/design.md):
 * the result depends only on the graph, the partition, @p seed and
 * @p replicates, never on the platform or (later) the number of threads.
 * Time O(R (n + m)), memory O(n).
 *
 * @param out        receives the result.
 * @param graph      the graph.
 * @param partition  a partition of the graph's vertices.
 * @param replicates R >= 1 (1000 to 10000 usually).
 * @param seed       any value; the same seed gives the same result.
 * @param flags      0, or ECOSYS_WEIGHTED to sum weights.
 * @return 0; ECOSYS_EINVAL (NULL argument, R = 0, partition of another
 *         size, other flags); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_ei_permutation_test(ecosys_ei_permutation *out,
                                             const ecosys_graph *graph,
                                             const ecosys_partition *partition,
                                             size_t replicates, uint64_t seed,
                                             unsigned int flags);

/**
 * Nominal assortativity (Newman 2003, "Mixing patterns in networks", Phys.
 * Rev. E 67, 026126): r = (sum_g e_gg - sum_g a_g b_g) / (1 - sum_g a_g b_g),
 * e_gh the fraction of tie ends joining group g to group h, a_g and b_g its
 * row and column sums. Undirected: e is symmetric, each tie counted from
 * both ends (a = b). Directed: e_gh the fraction of arcs from g to h.
 * ECOSYS_WEIGHTED: fractions of the total weight instead of tie counts
 * (igraph 0.10's igraph_assortativity_nominal takes no weights, so
 * libecosys computes r from its own mixing matrix, weighted or not; the
 * unweighted value equals igraph's and NetworkX's
 * attribute_assortativity_coefficient). +1: ties only within groups; 0: as
 * mixed as chance given the groups' shares of ties; negative: groups
 * prefer each other. NaN without ties, or when sum_g a_g b_g = 1 (all tie
 * ends in one group). Time O(m + k^2).
 *
 * @param out       receives r.
 * @param graph     the graph.
 * @param partition a partition of the graph's vertices.
 * @param flags     0, or ECOSYS_WEIGHTED.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_assortativity_nominal(double *out, const ecosys_graph *graph,
                                               const ecosys_partition *partition,
                                               unsigned int flags);

/**
 * Blau's heterogeneity index (Blau 1977) of each actor's partners:
 * 1 - sum_g p_g^2, p_g the share of the actor's partners in group g (of its
 * tie weight with ECOSYS_WEIGHTED). Ego is excluded: only the partners
 * count, not the actor itself or its own group as such. 0: all partners in
 * one group; close to 1 - 1/k: partners spread evenly over the k groups.
 * NaN for an actor without ties (in the chosen mode). Directed default
 * ECOSYS_MODE_ALL. Time O(n + m), memory O(n + m + k).
 *
 * @param out       array of ecosys_graph_actor_count() values, by vertex.
 * @param graph     the graph.
 * @param partition a partition of the graph's vertices.
 * @param flags     ECOSYS_WEIGHTED and a mode.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM; ECOSYS_EUNSUPPORTED (2^32
 *         actors or more).
 */
ECOSYS_EXTERN int ecosys_blau(double *out, const ecosys_graph *graph,
                              const ecosys_partition *partition, unsigned int flags);

/**
 * Index of qualitative variation (Agresti & Agresti 1978) of each actor's
 * partners: Blau * k / (k - 1), k the number of groups of the partition
 * (all of them, not only those among the actor's partners), so that 1
 * means partners spread evenly over every group. NaN for an actor without
 * ties, and for every actor if k = 1. Same flags, modes and cost as
 * ecosys_blau().
 *
 * @param out       array of ecosys_graph_actor_count() values, by vertex.
 * @param graph     the graph.
 * @param partition a partition of the graph's vertices.
 * @param flags     ECOSYS_WEIGHTED and a mode.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM; ECOSYS_EUNSUPPORTED (2^32
 *         actors or more).
 */
ECOSYS_EXTERN int ecosys_iqv(double *out, const ecosys_graph *graph,
                             const ecosys_partition *partition, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_MIXING_H */
