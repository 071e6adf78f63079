/**
 * @file ecosys/nullmodel.h
 * @brief Null models and significance: is an observed graph-level value
 * more than chance?
 *
 * ecosys_null_test_run() draws R random graphs (replicates) from a null model
 * of the observed graph, computes chosen graph-level statistics on each,
 * and compares the observed values with these null distributions: null
 * mean, standard deviation, z-score and both one-sided p-values
 * (docs/measures.md, "Null models and significance", says how to read them).
 *
 * Null models (ecosys_null_model):
 * - ECOSYS_NULL_UNIFORM, the conditional uniform graph U(n, m): the same n
 *   actors and m ties, placed uniformly over the simple graphs (no loop, no
 *   repeated tie) of that size; directed or undirected as the graph.
 * - ECOSYS_NULL_PERMUTATION: the graph stays as it is and the partition's
 *   labels are shuffled over the actors (group sizes kept). Only statistics
 *   that use the partition vary under it.
 * - ECOSYS_NULL_REWIRING, degree-preserving rewiring: each replicate starts
 *   from the observed graph and makes swaps_per_tie x m attempts of a
 *   double edge swap (a-b, c-d become a-d, c-b; directed a->b, c->d become
 *   a->d, c->b), an attempt being refused if it would create a loop or a
 *   repeated tie. Every degree (in- and out-degrees if directed) is kept and
 *   the graph stays simple. Undirected, the chain's stationary distribution
 *   is uniform over the simple graphs with these degrees (Fosdick, Larremore,
 *   Nishimura & Ugander 2018, SIAM Review 60(2)); directed, swaps alone do
 *   not reach every graph with the given in- and out-degrees (Rao, Jana &
 *   Bandyopadhyay 1996), which docs/measures.md discusses.
 *
 * All models are binary: tie weights are ignored, and every statistic
 * counts a tie 1.
 *
 * Reproducibility: replicate r draws from random stream r of the seed
 * (libecosys's xoshiro256**, docs/design.md "Random numbers"), and results
 * are kept per replicate and reduced in replicate order: the result depends
 * only on the graph, the partition, the statistics and the options' model,
 * replicates, seed and swaps_per_tie, bit for bit, never on the number of
 * threads or on the platform.
 *
 * Threads: the replicates run on @c threads worker threads (0: one per
 * core). Their inner loops read and write libecosys's own arrays only, never
 * igraph (Debian's igraph is not thread-safe), so they scale with cores.
 */
#ifndef ECOSYS_NULLMODEL_H
#define ECOSYS_NULLMODEL_H

#include "ecosys/mixing.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The null models of ecosys_null_test_run(). */
typedef enum ecosys_null_model {
    ECOSYS_NULL_UNIFORM = 0,     /**< Same actors and number of ties, uniform over simple graphs. */
    ECOSYS_NULL_PERMUTATION = 1, /**< Graph fixed, partition labels shuffled over the actors. */
    ECOSYS_NULL_REWIRING = 2     /**< Degree-preserving double edge swaps, graph kept simple. */
} ecosys_null_model;

/**
 * The graph-level statistics an ensemble can test. All ignore weights; all
 * are computed on libecosys's own arrays (thread-safe, no igraph).
 */
typedef enum ecosys_statistic_kind {
    /** m / (n(n-1)/2), directed m / (n(n-1)); NaN if n < 2. Constant under
     *  every model here (they keep m): a reference, not a test. O(1). */
    ECOSYS_STATISTIC_DENSITY = 0,
    /** Network E-I index (E - I)/(E + I) over the partition (ecosys_ei_index,
     *  unweighted); NaN without ties. Needs a partition. O(m). */
    ECOSYS_STATISTIC_EI_INDEX = 1,
    /** Nominal assortativity (Newman 2003) over the partition, unweighted,
     *  as ecosys_assortativity_nominal(). Needs a partition. O(m + k). */
    ECOSYS_STATISTIC_ASSORTATIVITY = 2,
    /** Global transitivity 3 x triangles / connected triples, direction
     *  ignored, as ecosys_structure::transitivity; NaN without triples.
     *  Triangles counted on sorted adjacency rows, O(m d). */
    ECOSYS_STATISTIC_TRANSITIVITY = 3,
    /** Mean local clustering over all actors, degree < 2 counting 0,
     *  direction ignored, as ecosys_structure::mean_local_clustering;
     *  NaN if n = 0. O(m d). */
    ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING = 4,
    /** Freeman degree centralization sum_v (max - d_v) over igraph's
     *  theoretical maximum, as ecosys_structure::degree_centralization:
     *  (n-1)(n-2) undirected; directed, degree = in + out and maximum
     *  2(n-1)(n-2). NaN if n < 3. Constant under rewiring. O(n + m). */
    ECOSYS_STATISTIC_DEGREE_CENTRALIZATION = 5,
    /** A statistic of the caller: ecosys_statistic::callback. */
    ECOSYS_STATISTIC_CUSTOM = 6
} ecosys_statistic_kind;

/**
 * A read-only view of one graph of an ensemble (or of the observed graph),
 * handed to a custom statistic. Everything is borrowed for the duration of
 * the callback only; the arrays are reused for the next replicate.
 */
typedef struct ecosys_graph_view {
    size_t actor_count;     /**< n, the vertices 0 .. n-1 (the graph's vertex order). */
    size_t tie_count;       /**< m, the edges. */
    int directed;           /**< Non-zero if edges are arcs source -> target. */
    const uint32_t *sources; /**< m edge sources; undirected: the smaller end. */
    const uint32_t *targets; /**< m edge targets; undirected: the larger end. No loop, no repeat. */
    const size_t *groups;   /**< n group numbers (permuted under ECOSYS_NULL_PERMUTATION), or NULL without partition. */
    size_t group_count;     /**< k, the number of groups (0 without partition). */
    size_t replicate;       /**< The replicate r, or (size_t)-1 for the observed graph. */
} ecosys_graph_view;

/**
 * A custom statistic: writes one value to @p out (NaN allowed: "undefined
 * here"). Called for the observed graph in the calling thread, then once
 * per replicate from the worker threads, several at once: it must be
 * thread-safe (read-only access to @p user is). It must not call back into
 * the ensemble.
 *
 * @param out  receives the value.
 * @param view the graph (borrowed for the call).
 * @param user ecosys_statistic::user.
 * @return 0; any other value stops the ensemble, which then fails with
 *         ECOSYS_ECOMPUTE.
 */
typedef int (*ecosys_statistic_callback)(double *out, const ecosys_graph_view *view, void *user);

/** One statistic to test. */
typedef struct ecosys_statistic {
    ecosys_statistic_kind kind;         /**< What to compute. */
    ecosys_statistic_callback callback; /**< ECOSYS_STATISTIC_CUSTOM: the function; else ignored. */
    void *user;                         /**< Passed to @c callback. */
} ecosys_statistic;

/**
 * Progress of an ensemble: @p done of @p total replicates finished.
 *
 * Always called from the thread that called ecosys_null_test_run(), never from
 * a worker and never twice at once, so it needs no locking of its own. It
 * is called with done = 0 before the first replicate, then with
 * non-decreasing values (not necessarily every one: several replicates may
 * finish between two calls), and with done = total at the end.
 *
 * @param done  replicates finished.
 * @param total replicates asked for.
 * @param user  ecosys_null_options::progress_user.
 * @return 0 to go on; non-zero cancels: the workers stop after their
 *         current replicate (or within a few milliseconds of rewiring), and
 *         ecosys_null_test_run() frees everything and returns ECOSYS_ECANCELLED.
 */
typedef int (*ecosys_progress_callback)(size_t done, size_t total, void *user);

/** Version of ecosys_null_options this header describes. */
#define ECOSYS_NULL_OPTIONS_VERSION 1

/** Default number of swap attempts per tie of ECOSYS_NULL_REWIRING. */
#define ECOSYS_NULL_DEFAULT_SWAPS_PER_TIE 10.0

/**
 * Options of ecosys_null_test_run(). Initialise with ECOSYS_NULL_OPTIONS_INIT
 * or ecosys_null_options_init().
 */
typedef struct ecosys_null_options {
    unsigned int version;       /**< ECOSYS_NULL_OPTIONS_VERSION. */
    ecosys_null_model model;    /**< Default ECOSYS_NULL_UNIFORM. */
    size_t replicates;          /**< R >= 1; default 1000. */
    uint64_t seed;              /**< Any value; default 0. Same seed, same result. */
    unsigned int threads;       /**< Worker threads; 0 (default): one per core. */
    double swaps_per_tie;       /**< Rewiring: swap attempts per tie, > 0; default 10 (see docs/measures.md). */
    ecosys_progress_callback progress; /**< NULL: no progress report. */
    void *progress_user;        /**< Passed to @c progress. */
} ecosys_null_options;

/** Static initialiser for ecosys_null_options. */
#define ECOSYS_NULL_OPTIONS_INIT { ECOSYS_NULL_OPTIONS_VERSION, ECOSYS_NULL_UNIFORM, 1000, 0, 0, \
                                   ECOSYS_NULL_DEFAULT_SWAPS_PER_TIE, NULL, NULL }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_NULL_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL (NULL, or a version this library does not know).
 */
ECOSYS_EXTERN int ecosys_null_options_init(ecosys_null_options *options, unsigned int version);

/**
 * The test of one statistic. With x the observed value and x_1 .. x_R the
 * replicates' values, of which the V that are not NaN count:
 * - mean = sum x_r / V, sd = sqrt(sum (x_r - mean)^2 / (V - 1)) (NaN if
 *   V < 2), z = (x - mean) / sd (NaN if sd is 0 or NaN, or x is NaN);
 * - p_greater = (1 + #{x_r >= x}) / (V + 1), p_less = (1 + #{x_r <= x}) /
 *   (V + 1): the observed graph counts as one of the draws (Davison &
 *   Hinkley 1997; North, Curtis & Sham 2002), so a p-value is never 0 and
 *   is valid at any R; NaN if x is NaN. Values within 1e-10 max(1, |x|) of
 *   x count as equal to it (rounding must not decide a tie).
 */
typedef struct ecosys_null_result {
    ecosys_statistic_kind kind; /**< The statistic. */
    double observed;            /**< x, its value on the observed graph. */
    double mean;                /**< Null mean. */
    double sd;                  /**< Null standard deviation (denominator V - 1). */
    double z;                   /**< (observed - mean) / sd. */
    double p_greater;           /**< One-sided p-value, small if x is larger than chance. */
    double p_less;              /**< One-sided p-value, small if x is smaller than chance. */
    size_t replicates;          /**< R, the replicates drawn. */
    size_t valid;               /**< V, the replicates where the statistic is defined. */
    uint64_t seed;              /**< The seed. */
} ecosys_null_result;

/**
 * Result of ecosys_null_test_run(); release with ecosys_null_test_dispose().
 */
typedef struct ecosys_null_test {
    ecosys_null_model model;    /**< The model used. */
    size_t replicates;          /**< R. */
    uint64_t seed;              /**< The seed. */
    unsigned int threads;       /**< Worker threads actually used (results do not depend on it). */
    double swaps_per_tie;       /**< Rewiring: attempts per tie; 0 for the other models. */
    size_t swap_attempts;       /**< Rewiring: attempts per replicate, ceil(swaps_per_tie x m); else 0. */
    double acceptance;          /**< Rewiring: share of attempts that swapped, over all replicates; else NaN. */
    size_t statistic_count;     /**< S, the statistics tested. */
    ecosys_null_result *results; /**< S results, in the order asked; owned by the struct. */
    double *samples;            /**< R x S values, replicate r's at [r S .. r S + S - 1]; owned. */
} ecosys_null_test;

/**
 * Tests graph-level statistics of @p graph against a null model.
 *
 * Time O(R (cost of a draw + cost of the statistics)) divided among the
 * threads: a draw costs O(n + m) (uniform: expected O(m) while m <= D/2,
 * O(D) beyond, D the number of dyads; permutation O(n)), rewiring
 * O(swaps_per_tie m E[k^2]/E[k]) (each attempt scans two adjacency rows),
 * and the statistics O(m d) at most (triangles). Memory O(R S) for the
 * samples plus O(n + m) per thread.
 *
 * @param out            receives the result (zeroed first; left empty on error).
 * @param graph          the observed graph.
 * @param partition      a partition of its vertices, needed by the E-I
 *                       index, the assortativity and ECOSYS_NULL_PERMUTATION;
 *                       may be NULL otherwise. Passed to custom statistics.
 * @param statistics     @p statistic_count statistics to test.
 * @param statistic_count S >= 1.
 * @param options        NULL for defaults (uniform, 1000 replicates, seed 0, all cores).
 * @return 0; ECOSYS_EINVAL (NULL argument, S = 0, R = 0, unknown model,
 *         kind or options version, swaps_per_tie not > 0 with rewiring, a
 *         custom statistic without callback, a partition needed but NULL or
 *         of another size); ECOSYS_EUNSUPPORTED (2^32 - 1 vertices or
 *         ties or more);
 *         ECOSYS_ENOMEM; ECOSYS_ECOMPUTE (a custom statistic returned
 *         non-zero); ECOSYS_ECANCELLED (the progress callback asked).
 *         The last error is set in the calling thread.
 */
ECOSYS_EXTERN int ecosys_null_test_run(ecosys_null_test *out, const ecosys_graph *graph,
                                       const ecosys_partition *partition,
                                       const ecosys_statistic *statistics, size_t statistic_count,
                                       const ecosys_null_options *options);

/** Frees the arrays of @p test and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_null_test_dispose(ecosys_null_test *test);

/**
 * Computes one built-in statistic on the observed graph (the value
 * ecosys_null_test_run() reports as observed). Thread-safe, no igraph.
 * Complexity: that of the statistic (see ecosys_statistic_kind).
 *
 * @param out       receives the value.
 * @param graph     the graph.
 * @param partition a partition of its vertices, or NULL if @p kind needs none.
 * @param kind      a statistic other than ECOSYS_STATISTIC_CUSTOM.
 * @return 0; ECOSYS_EINVAL; ECOSYS_EUNSUPPORTED; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_null_statistic_compute(double *out, const ecosys_graph *graph,
                                                const ecosys_partition *partition,
                                                ecosys_statistic_kind kind);

/**
 * Name of a statistic as the JSON summary and the Python binding spell it:
 * "density", "ei_index", "assortativity", "transitivity",
 * "mean_local_clustering", "degree_centralization", "custom"; NULL if
 * unknown. Static.
 *
 * @param kind the statistic.
 */
ECOSYS_EXTERN const char *ecosys_null_statistic_name(ecosys_statistic_kind kind);

/**
 * Name of a null model: "uniform", "permutation", "rewiring"; NULL if
 * unknown. Static.
 *
 * @param model the model.
 */
ECOSYS_EXTERN const char *ecosys_null_model_name(ecosys_null_model model);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_NULLMODEL_H */
