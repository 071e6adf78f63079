/**
 * @file ecosys/communities.h
 * @brief Communities (Louvain, Leiden), modularity, participation,
 *        within-module degree and Guimera-Amaral roles.
 *
 * Conventions (docs/measures.md, "Communities and roles", gives the
 * formulas, references and how to read them):
 * - Communities come back as an ecosys_partition (ecosys/partition.h):
 *   communities named "0", "1", ... numbered in the order of their first
 *   vertex, so vertex 0 is always in community "0".
 * - Detection runs on undirected graphs. A directed graph is first turned
 *   into its undirected simple version (a->b and b->a become one tie whose
 *   weight is the sum of the two), the view the measures use when they
 *   ignore direction, and the modularity returned is that view's.
 * - Every measure that takes a partition accepts any one: sectors,
 *   territories, axes (ecosys_partition_by_attribute()) or communities. It
 *   must have as many vertices as the graph (else ECOSYS_EINVAL).
 * - Weights are intensities; without ECOSYS_WEIGHTED every tie counts 1.
 *   The graph has no self-ties, no zero-weight ties and no repeated ties
 *   (ecosys_graph_new() ignores the first two and sums repeats), so neither
 *   do these measures.
 * - Nothing here calls igraph in an inner loop: modularity, participation,
 *   within-module z, roles and the summary run on libecosys's own arrays
 *   and may be called from several threads at once. Detection calls igraph
 *   under the library's igraph lock (one detection at a time).
 */
#ifndef ECOSYS_COMMUNITIES_H
#define ECOSYS_COMMUNITIES_H

#include "ecosys/graph.h"
#include "ecosys/measures.h"
#include "ecosys/partition.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- detection ----------------------------------------------------------- */

/** Community detection algorithms (modularity objective). */
typedef enum ecosys_community_algorithm {
    /** Leiden (Traag, Waltman & van Eck 2019), igraph_community_leiden. */
    ECOSYS_COMMUNITY_LEIDEN = 0,
    /** Louvain (Blondel et al. 2008), igraph_community_multilevel. */
    ECOSYS_COMMUNITY_LOUVAIN = 1
} ecosys_community_algorithm;

/** Version of ecosys_community_options this header describes. */
#define ECOSYS_COMMUNITY_OPTIONS_VERSION 1

/** Leiden: the most iterations run when ecosys_community_options::iterations is 0. */
#define ECOSYS_COMMUNITY_MAX_ITERATIONS 20

/**
 * Options of community detection. Initialise with
 * ECOSYS_COMMUNITY_OPTIONS_INIT or ecosys_community_options_init().
 */
typedef struct ecosys_community_options {
    unsigned int version;                 /**< ECOSYS_COMMUNITY_OPTIONS_VERSION. */
    ecosys_community_algorithm algorithm; /**< Default ECOSYS_COMMUNITY_LEIDEN (ecosys_community_detect() only). */
    uint64_t seed;                        /**< Seed of the random visiting orders; same seed, same partition. Default 1. */
    double resolution;                    /**< Resolution gamma of the modularity, > 0. Default 1. */
    int weighted;                         /**< Non-zero: tie weights are intensities; 0 (default): every tie counts 1. */
    /**
     * Leiden only: k > 0 runs exactly k iterations (default 2, as
     * leidenalg and igraph's R and Python interfaces); 0 iterates until an
     * iteration leaves the partition unchanged, at most
     * ECOSYS_COMMUNITY_MAX_ITERATIONS times (each iteration costs about as
     * much as the second: docs/measures.md gives timings).
     */
    unsigned int iterations;
} ecosys_community_options;

/** Static initialiser for ecosys_community_options. */
#define ECOSYS_COMMUNITY_OPTIONS_INIT \
    { ECOSYS_COMMUNITY_OPTIONS_VERSION, ECOSYS_COMMUNITY_LEIDEN, 1u, 1.0, 0, 2u }

/**
 * Initialises options to their defaults.
 *
 * @param options receives the defaults.
 * @param version ECOSYS_COMMUNITY_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL (NULL, or a version this library does not know).
 */
ECOSYS_EXTERN int ecosys_community_options_init(ecosys_community_options *options,
                                                unsigned int version);

/**
 * Finds communities by maximising modularity with the algorithm of
 * @p options (Leiden by default).
 *
 * Leiden: igraph_community_leiden with node weights k_i (degree, or
 * strength if weighted) and resolution gamma / 2m, which is modularity
 * (igraph's documented form), beta 0.01, iterated as options->iterations
 * says. Louvain: igraph_community_multilevel with resolution gamma, the
 * partition of its last (best) level. Both visit vertices in an order drawn
 * from a generator seeded with options->seed: the same seed on the same
 * graph gives the same partition; different seeds may give different
 * partitions of nearly equal modularity (modularity has many near-optimal
 * partitions). Isolated actors are communities of one. Without ties every
 * actor is alone and the modularity is NaN.
 *
 * Time: near-linear in practice, O(m) per pass over the ties (Leiden
 * O(m) per iteration); memory O(n + m).
 *
 * @param out_partition  receives the communities; free with ecosys_partition_free().
 * @param out_modularity receives the modularity of the partition on the
 *                       (undirected view of the) graph, with the
 *                       options' resolution and weighting; may be NULL.
 * @param graph          the graph; a directed one runs on its undirected view.
 * @param options        NULL for defaults.
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown version or algorithm,
 *         resolution not > 0); ECOSYS_ENOMEM; ECOSYS_ECOMPUTE.
 */
ECOSYS_EXTERN int ecosys_community_detect(ecosys_partition **out_partition,
                                          double *out_modularity, const ecosys_graph *graph,
                                          const ecosys_community_options *options);

/**
 * Louvain communities: ecosys_community_detect() with the algorithm set to
 * ECOSYS_COMMUNITY_LOUVAIN whatever options->algorithm says.
 * Blondel, Guillaume, Lambiotte & Lefebvre (2008). Near-linear per pass.
 * Slow on large ecosystems with igraph 0.10.2 (docs/measures.md).
 *
 * @param out_partition  receives the communities.
 * @param out_modularity receives their modularity; may be NULL.
 * @param graph          the graph.
 * @param options        NULL for defaults.
 * @return as ecosys_community_detect().
 */
ECOSYS_EXTERN int ecosys_louvain(ecosys_partition **out_partition, double *out_modularity,
                                 const ecosys_graph *graph,
                                 const ecosys_community_options *options);

/**
 * Leiden communities: ecosys_community_detect() with the algorithm set to
 * ECOSYS_COMMUNITY_LEIDEN whatever options->algorithm says.
 * Traag, Waltman & van Eck (2019). O(m) per iteration.
 *
 * @param out_partition  receives the communities.
 * @param out_modularity receives their modularity; may be NULL.
 * @param graph          the graph.
 * @param options        NULL for defaults.
 * @return as ecosys_community_detect().
 */
ECOSYS_EXTERN int ecosys_leiden(ecosys_partition **out_partition, double *out_modularity,
                                const ecosys_graph *graph,
                                const ecosys_community_options *options);

/* ---- modularity ------------------------------------------------------------ */

/**
 * Modularity of any partition (Newman & Girvan 2004; Newman 2006), with
 * resolution gamma (Reichardt & Bornholdt 2006):
 *
 *     Q = sum_c [ w_c / m  -  gamma (K_c / 2m)^2 ]
 *
 * over the groups c, where w_c is the number (weight) of ties with both
 * ends in c, K_c the sum of the degrees (strengths) of its actors and m the
 * number (total weight) of ties. Directed graphs use Leicht & Newman's
 * (2008) directed modularity
 *
 *     Q = sum_c [ w_c / m  -  gamma K_c^out K_c^in / m^2 ]
 *
 * unless @p flags has ECOSYS_MODE_ALL, which takes the undirected view
 * (the value ecosys_community_detect() reports). Q lies in [-1/2, 1) for
 * gamma = 1; NaN if the graph has no ties. O(n + m), no igraph call.
 *
 * @param out        receives Q.
 * @param graph      the graph.
 * @param partition  any partition of the graph's vertices.
 * @param resolution gamma >= 0 (1: classic modularity).
 * @param flags      ECOSYS_WEIGHTED; ECOSYS_MODE_ALL (directed graphs).
 * @return 0; ECOSYS_EINVAL (NULL argument, partition of another size,
 *         gamma < 0 or NaN, other flag); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_modularity(double *out, const ecosys_graph *graph,
                                    const ecosys_partition *partition, double resolution,
                                    unsigned int flags);

/* ---- participation, within-module z, roles ---------------------------------- */

/**
 * Participation coefficient (Guimera & Amaral 2005) of every actor:
 *
 *     P_i = 1 - sum_s (k_is / k_i)^2
 *
 * k_is the ties (weights) of i to actors of group s, k_i all of i's ties.
 * 0 when all ties stay in one group, up to 1 - 1/S when they spread evenly
 * over S groups; 0 for isolates (stated convention). Directed graphs:
 * ECOSYS_MODE_OUT (out-ties), ECOSYS_MODE_IN (in-ties) or ECOSYS_MODE_ALL,
 * the default, the undirected view (a reciprocated pair is one tie).
 * O(n + m) (on the shared CSR adjacency, any mode).
 *
 * @param out       n values, indexed by vertex (caller-allocated).
 * @param graph     the graph.
 * @param partition groups: sectors, axes, territories or communities.
 * @param flags     ECOSYS_WEIGHTED; mode bits (directed graphs).
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM; ECOSYS_EUNSUPPORTED (2^32
 *         actors or more).
 */
ECOSYS_EXTERN int ecosys_participation(double *out, const ecosys_graph *graph,
                                       const ecosys_partition *partition, unsigned int flags);

/**
 * Within-module degree z-score (Guimera & Amaral 2005) of every actor:
 *
 *     z_i = (k_i,s_i - mean_s_i) / sd_s_i
 *
 * k_i,s_i the ties (weights) of i to the other actors of its own group
 * s_i; mean and standard deviation of that number over the actors of s_i.
 * The standard deviation is the population one (divide by the group size,
 * as Guimera & Amaral and brain-connectivity toolboxes do). z_i = 0 when the
 * group's standard deviation is 0 (every member equally tied inside,
 * groups of one actor included). Same modes as ecosys_participation().
 * O(n + m).
 *
 * @param out       n values, indexed by vertex (caller-allocated).
 * @param graph     the graph.
 * @param partition the groups (usually communities).
 * @param flags     ECOSYS_WEIGHTED; mode bits (directed graphs).
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_within_module_z(double *out, const ecosys_graph *graph,
                                         const ecosys_partition *partition, unsigned int flags);

/**
 * Guimera & Amaral (2005) roles, from within-module z and participation P.
 * Hubs have z >= 2.5. The enum value is the role's number (R1 = 1).
 */
typedef enum ecosys_role {
    ECOSYS_ROLE_ULTRA_PERIPHERAL = 1,  /**< R1: non-hub, P <= 0.05. */
    ECOSYS_ROLE_PERIPHERAL = 2,        /**< R2: non-hub, 0.05 < P <= 0.62. */
    ECOSYS_ROLE_NONHUB_CONNECTOR = 3,  /**< R3: non-hub, 0.62 < P <= 0.80. */
    ECOSYS_ROLE_NONHUB_KINLESS = 4,    /**< R4: non-hub, P > 0.80. */
    ECOSYS_ROLE_PROVINCIAL_HUB = 5,    /**< R5: hub, P <= 0.30. */
    ECOSYS_ROLE_CONNECTOR_HUB = 6,     /**< R6: hub, 0.30 < P <= 0.75. */
    ECOSYS_ROLE_KINLESS_HUB = 7        /**< R7: hub, P > 0.75. */
} ecosys_role;

/** z at and above which an actor is a hub (Guimera & Amaral 2005). */
#define ECOSYS_ROLE_HUB_Z 2.5

/**
 * The role of an actor with within-module z @p z and participation @p p,
 * by the thresholds of ecosys_role. O(1).
 *
 * @param z within-module degree z-score.
 * @param p participation coefficient.
 * @return the role (NaN z counts as a non-hub, NaN p as 0).
 */
ECOSYS_EXTERN ecosys_role ecosys_role_classify(double z, double p);

/**
 * Name of a role: "ultra_peripheral", "peripheral", "nonhub_connector",
 * "nonhub_kinless", "provincial_hub", "connector_hub", "kinless_hub";
 * "unknown" for any other value. Static, never NULL.
 *
 * @param role the role.
 */
ECOSYS_EXTERN const char *ecosys_role_name(ecosys_role role);

/**
 * Guimera-Amaral role of every actor, with its participation and
 * within-module z if wanted (one pass computes all three). Participation is
 * taken over the same partition as z (usually communities). O(n + m).
 *
 * @param out_roles         n roles (caller-allocated).
 * @param out_participation n participation values, or NULL.
 * @param out_z             n within-module z-scores, or NULL.
 * @param graph             the graph.
 * @param partition         the groups (usually communities).
 * @param flags             ECOSYS_WEIGHTED; mode bits (directed graphs).
 * @return 0; ECOSYS_EINVAL; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_roles(ecosys_role *out_roles, double *out_participation, double *out_z,
                               const ecosys_graph *graph, const ecosys_partition *partition,
                               unsigned int flags);

/* ---- summary of each community ---------------------------------------------- */

/**
 * Size, ties and make-up of each group of a partition (usually
 * communities); filled by ecosys_community_summary_compute(), released with
 * ecosys_community_summary_dispose(). Arrays are owned by the struct.
 */
typedef struct ecosys_community_summary {
    size_t community_count;   /**< Groups of the partition summarised. */
    size_t *sizes;            /**< Actors in each community. */
    size_t *internal_ties;    /**< Ties (arcs) with both ends in the community. */
    size_t *external_ties;    /**< Ties (arcs) with exactly one end in it, either direction. */
    double *internal_weight;  /**< Summed weight of the internal ties. */
    double *external_weight;  /**< Summed weight of the external ties. */
    size_t group_count;       /**< Groups of the make-up partition; 0 if none was given. */
    /**
     * community_count x group_count counts, row-major:
     * composition[c * group_count + s] actors of community c in group s
     * (group names from the make-up partition). NULL if no make-up.
     */
    size_t *composition;
} ecosys_community_summary;

/**
 * Summarises each group of @p communities: size, internal and external ties
 * (counts and weights) and, if @p by is given, how many of its actors fall
 * in each group of @p by (for example sectors per community). Each tie is
 * counted once in the community of each end: a tie between two communities
 * is external to both. O(n + m + C S) for C communities and S groups.
 *
 * @param out         receives the summary (zeroed first; dispose it even on error).
 * @param graph       the graph.
 * @param communities the partition summarised.
 * @param by          the make-up partition (sectors...), or NULL.
 * @return 0; ECOSYS_EINVAL (NULL argument, partition of another size);
 *         ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_community_summary_compute(ecosys_community_summary *out,
                                                   const ecosys_graph *graph,
                                                   const ecosys_partition *communities,
                                                   const ecosys_partition *by);

/**
 * Frees the arrays of a summary and zeroes it. Accepts NULL.
 *
 * @param summary the summary.
 */
ECOSYS_EXTERN void ecosys_community_summary_dispose(ecosys_community_summary *summary);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_COMMUNITIES_H */
