/**
 * @file ecosys/brokerage.h
 * @brief Brokerage: Burt's structural holes and Gould-Fernandez roles.
 *
 * Two families of measures of the actors who stand between others
 * (docs/measures.md, "Brokerage", gives the formulas, references, where
 * peers differ and how to read them):
 *
 * - **Structural holes** (Burt 1992): constraint, effective size,
 *   efficiency and hierarchy of each actor's contacts. Directed graphs pool
 *   in- and out-ties: the contacts of v are the actors tied to v in either
 *   direction, and the "mutual weight" of v and u is w(v->u) + w(u->v) (1
 *   per arc unweighted), as igraph's igraph_constraint() and NetworkX do.
 *   Self-ties and zero-weight ties never reach a graph (ecosys/graph.h) and
 *   repeated ties arrive summed, so they play no part here.
 * - **Brokerage roles** (Gould & Fernandez 1989) over a partition of the
 *   actors into groups (ecosys/partition.h): on every two-path a -> v -> c
 *   with a != c and no tie a -> c, v is a broker, of one of five roles by
 *   the groups of a, v and c. Undirected ties count as two arcs. Counts,
 *   expected counts, standard deviations and z-scores are those of R's
 *   sna::brokerage() (sna 2.7).
 *
 * Every function returns 0 or a negative ECOSYS_E* code, never prints and
 * may run in several threads at once on the same graph: none calls igraph
 * (they work on libecosys's own adjacency arrays).
 */
#ifndef ECOSYS_BROKERAGE_H
#define ECOSYS_BROKERAGE_H

#include <stdint.h>

#include "ecosys/graph.h"
#include "ecosys/measures.h"
#include "ecosys/partition.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- structural holes ------------------------------------------------------ */

/**
 * Burt's constraint (Burt 1992, whole-network model), as igraph computes it:
 * C_i = sum over contacts j of (p_ij + sum_{q != i, j} p_iq p_qj)^2 with
 * p_ij = a_ij / sum_k a_ik, a_ij the mutual weight of i and j (summed
 * weights of both arcs in a directed graph; 1 per arc, or per undirected
 * tie, without ECOSYS_WEIGHTED) and q ranging over the contacts of i that
 * are also contacts of j. Values are positive: 1 for an actor with one
 * contact, 9/8 in a closed triad, 1/k at the centre of a star of k, low for
 * an actor whose contacts are not tied to each other.
 * NaN for actors without contacts (isolates). A directed actor with only
 * incoming ties has contacts and gets a value (NetworkX 2.8 gives NaN).
 *
 * Time O(sum_v d(v)^2), d the number of contacts; memory O(n + m).
 *
 * @param out   receives one value per vertex (ecosys_graph_actor_count()).
 * @param graph the graph.
 * @param flags 0 or ECOSYS_WEIGHTED (use tie weights as intensities).
 * @return 0; ECOSYS_EINVAL (NULL argument, other flag); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_constraint(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Burt's effective size (Burt 1992): the number of contacts minus their
 * redundancy, ES_i = sum_j (1 - sum_{q != i, j} p_iq m_jq) over contacts j
 * of i, with p as in ecosys_constraint() and m_jq = a_jq / max_k a_jk (j's
 * tie to q relative to j's strongest tie, over all of j's contacts). On an
 * undirected graph without ECOSYS_WEIGHTED this equals Borgatti's (1997)
 * n_i - 2 t_i / n_i, n_i contacts and t_i ties among them. NaN for
 * isolates. NetworkX 2.8 computes the same except that a directed actor
 * with only incoming ties gets NaN there.
 *
 * Time O(sum_v d(v)^2); memory O(n + m).
 *
 * @param out   receives one value per vertex.
 * @param graph the graph.
 * @param flags 0 or ECOSYS_WEIGHTED.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_effective_size(double *out, const ecosys_graph *graph,
                                        unsigned int flags);

/**
 * Efficiency (Burt 1992): effective size / number of contacts, in (0, 1].
 * NaN for isolates. Time O(sum_v d(v)^2).
 *
 * @param out   receives one value per vertex.
 * @param graph the graph.
 * @param flags 0 or ECOSYS_WEIGHTED.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_efficiency(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Hierarchy (Burt 1992): how far the constraint on i concentrates on one
 * contact, the Coleman-Theil disorder index of the contributions
 * c_ij = (p_ij + sum_q p_iq p_qj)^2 to C_i:
 * H_i = sum_j (c_ij / c) ln(c_ij / c) / (N ln N), c = C_i / N, N the
 * number of contacts. 0 when every contact constrains i equally, towards 1
 * when one contact holds all the constraint. NaN for actors with fewer than
 * two contacts (N ln N = 0). Time O(sum_v d(v)^2).
 *
 * @param out   receives one value per vertex.
 * @param graph the graph.
 * @param flags 0 or ECOSYS_WEIGHTED.
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_hierarchy(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * The four structural-hole measures of every actor, computed in one pass.
 * Filled by ecosys_structural_holes_compute(); release with
 * ecosys_structural_holes_dispose().
 */
typedef struct ecosys_structural_holes {
    size_t actor_count;     /**< Length of every array. */
    int weighted;           /**< Non-zero if tie weights were used. */
    size_t *contacts;       /**< Number of contacts (pooled in- and out-neighbours). */
    double *constraint;     /**< As ecosys_constraint(). */
    double *effective_size; /**< As ecosys_effective_size(). */
    double *efficiency;     /**< As ecosys_efficiency(). */
    double *hierarchy;      /**< As ecosys_hierarchy(). */
} ecosys_structural_holes;

/**
 * Computes constraint, effective size, efficiency and hierarchy in one
 * pass, O(sum_v d(v)^2) time, O(n + m) memory.
 *
 * @param out   receives the arrays (owned by @p out; release with
 *              ecosys_structural_holes_dispose()). Zeroed on error.
 * @param graph the graph.
 * @param flags 0 or ECOSYS_WEIGHTED.
 * @return 0; ECOSYS_EINVAL (NULL argument, other flag); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_structural_holes_compute(ecosys_structural_holes *out,
                                                  const ecosys_graph *graph, unsigned int flags);

/** Frees the arrays of @p holes and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_structural_holes_dispose(ecosys_structural_holes *holes);

/* ---- Gould-Fernandez brokerage roles ---------------------------------------- */

/**
 * The brokerage roles of Gould & Fernandez (1989), in the order of the
 * columns of sna::brokerage() (w_I, w_O, b_IO, b_OI, b_O, t). On a two-path
 * a -> v -> c (a != c, no tie a -> c), v is:
 */
typedef enum ecosys_brokerage_role {
    ECOSYS_ROLE_COORDINATOR = 0,    /**< a, v, c in one group (sna w_I). */
    ECOSYS_ROLE_ITINERANT = 1,      /**< a and c in one group, v in another (sna w_O). */
    ECOSYS_ROLE_REPRESENTATIVE = 2, /**< v in a's group, c elsewhere (sna b_IO). */
    ECOSYS_ROLE_GATEKEEPER = 3,     /**< v in c's group, a elsewhere (sna b_OI). */
    ECOSYS_ROLE_LIAISON = 4,        /**< a, v, c in three different groups (sna b_O). */
    ECOSYS_ROLE_TOTAL = 5           /**< Any of the five (sna t). */
} ecosys_brokerage_role;

/** Number of ecosys_brokerage_role values (the row length of the arrays). */
#define ECOSYS_BROKERAGE_ROLE_COUNT 6

/**
 * Brokerage roles of every actor with sna's null model. Filled by
 * ecosys_brokerage_roles(); release with ecosys_brokerage_dispose().
 *
 * Per-actor arrays are row-major, ECOSYS_BROKERAGE_ROLE_COUNT values per
 * actor: the value of role r for vertex v is at [v * 6 + r]. Names in
 * brackets are those of sna::brokerage()'s result.
 *
 * The null model (Gould & Fernandez 1989, as sna implements it) is a
 * Bernoulli graph with the observed density d = arcs / (n (n - 1)); the
 * expectation and variance of an actor's count depend only on the size of
 * its group, so exp/sd are per group, copied to each member. z = (raw -
 * expected) / sd follows IEEE arithmetic as R does: NaN when both are 0
 * (e.g. coordinator in a group of one or two), +-Inf when sd is 0 and raw
 * differs. n < 2 gives a NaN density and NaN expectations.
 */
typedef struct ecosys_brokerage {
    size_t actor_count;  /**< n, vertices. */
    size_t group_count;  /**< Groups of the partition. */
    size_t arc_count;    /**< Arcs: ties if directed, 2 x ties if undirected. */
    double density;      /**< arcs / (n (n - 1)); NaN if n < 2. */
    uint64_t *raw;       /**< Counts per actor and role [raw.nli]. */
    double *expected;    /**< Expected counts per actor and role [exp.nli]. */
    double *sd;          /**< Standard deviations per actor and role [sd.nli]. */
    double *z;           /**< z-scores per actor and role [z.nli]. */
    double *group_expected; /**< Expected counts per group and role, group_count rows [exp.grp]. */
    double *group_sd;       /**< Standard deviations per group and role [sd.grp]. */
    uint64_t graph_raw[ECOSYS_BROKERAGE_ROLE_COUNT];  /**< Totals over actors [raw.gli]. */
    double graph_expected[ECOSYS_BROKERAGE_ROLE_COUNT]; /**< Expected totals [exp.gli]. */
    double graph_sd[ECOSYS_BROKERAGE_ROLE_COUNT];       /**< Their standard deviations [sd.gli]. */
    double graph_z[ECOSYS_BROKERAGE_ROLE_COUNT];        /**< Their z-scores [z.gli]. */
} ecosys_brokerage;

/**
 * Gould-Fernandez brokerage roles of every actor over @p partition, with
 * sna::brokerage()'s expected counts, standard deviations and z-scores at
 * actor and graph level.
 *
 * Counting: for every broker v, in-neighbour a and out-neighbour c of v with
 * a != c and no arc a -> c (an undirected tie is an arc each way, so a
 * reciprocated or undirected a - c tie closes the two-path both ways).
 * Weights are ignored.
 *
 * Time O(sum_v d_in(v) d_out(v) log d) for the counts (each pair (a, v)
 * costs min(d_out(a), d_out(v) log d_out(a))), O(n + G + K^2) for the null
 * model, G groups of K distinct sizes (K < sqrt(2n)); memory O(n + m + G).
 *
 * @param out       receives the result (arrays owned by @p out; release with
 *                  ecosys_brokerage_dispose()). Zeroed on error.
 * @param graph     the graph.
 * @param partition a group for every vertex of @p graph (borrowed).
 * @param flags     0 (reserved).
 * @return 0; ECOSYS_EINVAL (NULL argument, a flag, a partition of another
 *         number of vertices); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_brokerage_roles(ecosys_brokerage *out, const ecosys_graph *graph,
                                         const ecosys_partition *partition, unsigned int flags);

/** Frees the arrays of @p brokerage and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_brokerage_dispose(ecosys_brokerage *brokerage);

/**
 * Name of a role: "coordinator", "itinerant", "representative",
 * "gatekeeper", "liaison", "total"; NULL if out of range. Static string.
 */
ECOSYS_EXTERN const char *ecosys_brokerage_role_name(int role);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_BROKERAGE_H */
