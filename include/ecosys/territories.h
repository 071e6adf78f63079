/**
 * @file ecosys/territories.h
 * @brief Comparison between territories: difference-in-differences with a
 * permutation p-value, and a table of territories with z-scores against a
 * null model.
 *
 * A *territory* is a value of the actors' @c territory field. The graph of
 * territory t in a snapshot is the snapshot's graph restricted to t
 * (ecosys_graph_options.territory = t): t's actors and the ties between
 * them. docs/measures.md, "Comparison between territories", gives every
 * definition and how to read the results.
 *
 * Statistics are those of ecosys/nullmodel.h (ecosys_statistic: density,
 * E-I index, assortativity, transitivity, mean local clustering, degree
 * centralization, or a custom one), computed exactly as the null models
 * compute them (binary; the groups of the E-I index and the assortativity
 * by the options' @c group attribute, over the territory's actors).
 *
 * Nothing prints; every function returns 0 or a negative ECOSYS_E* code
 * and sets the calling thread's last error.
 */
#ifndef ECOSYS_TERRITORIES_H
#define ECOSYS_TERRITORIES_H

#include "ecosys/graph.h"
#include "ecosys/nullmodel.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ecosys_territory_options this header describes. */
#define ECOSYS_TERRITORY_OPTIONS_VERSION 1

/**
 * Options of ecosys_territory_did_run() and ecosys_territory_table_run().
 * Initialise with ECOSYS_TERRITORY_OPTIONS_INIT or
 * ecosys_territory_options_init(). Everything is borrowed for the duration
 * of the call only.
 */
typedef struct ecosys_territory_options {
    unsigned int version;            /**< ECOSYS_TERRITORY_OPTIONS_VERSION. */
    const char *group;               /**< Actor attribute giving the groups of the E-I index and the assortativity (ecosys_partition_by_attribute()); NULL: "sector". */
    const char *const *territories;  /**< The territories compared, each a territory of some actor, no repeat; NULL: every non-empty territory of the dataset's actors, in order of first appearance. */
    size_t territory_count;          /**< Number of names in @c territories (ignored if it is NULL). */
    ecosys_null_model model;         /**< Table: the null model (default ECOSYS_NULL_UNIFORM). */
    size_t replicates;               /**< Table: replicates per territory, >= 1 (default 1000). */
    uint64_t seed;                   /**< Table: the seed of every territory's ensemble (default 0). */
    unsigned int threads;            /**< Table: worker threads; 0 (default): one per core. Results never depend on it. */
    double swaps_per_tie;            /**< Table, rewiring: swap attempts per tie (default ECOSYS_NULL_DEFAULT_SWAPS_PER_TIE). */
    ecosys_progress_callback progress; /**< Progress and cancellation (see the functions); NULL: none. */
    void *progress_user;             /**< Passed to @c progress. */
} ecosys_territory_options;

/** Static initialiser for ecosys_territory_options. */
#define ECOSYS_TERRITORY_OPTIONS_INIT { ECOSYS_TERRITORY_OPTIONS_VERSION, NULL, NULL, 0, \
                                        ECOSYS_NULL_UNIFORM, 1000, 0, 0, \
                                        ECOSYS_NULL_DEFAULT_SWAPS_PER_TIE, NULL, NULL }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_TERRITORY_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL (NULL @p options, unknown version).
 */
ECOSYS_EXTERN int ecosys_territory_options_init(ecosys_territory_options *options,
                                                unsigned int version);

/* ---- difference-in-differences ------------------------------------------------ */

/** The difference-in-differences of one statistic. */
typedef struct ecosys_territory_did_result {
    ecosys_statistic_kind kind; /**< The statistic. */
    double treated_change;      /**< after - before in the treated territory (NaN if undefined in either). */
    double comparison_change;   /**< Mean of after - before over the comparison territories where it is defined; NaN if none. */
    double did;                 /**< treated_change - comparison_change. */
    double p_greater;           /**< Permutation p-value: share of the arrangements whose DiD is >= the observed one (the observed arrangement included); NaN if @c did is. */
    double p_less;              /**< Share of the arrangements whose DiD is <= the observed one. */
    size_t comparisons;         /**< Comparison territories where the change is defined. */
    size_t arrangements;        /**< V, the arrangements (choices of the treated territory) whose DiD is defined. */
} ecosys_territory_did_result;

/**
 * Result of ecosys_territory_did_run(); release with
 * ecosys_territory_did_dispose(). Every array is owned by the struct.
 * Territory t's values for statistic s are at index t S + s.
 */
typedef struct ecosys_territory_did {
    size_t territory_count;   /**< K, the territories compared (the treated one included). */
    char **territories;       /**< Their names, in the options' order (or order of first appearance). */
    size_t treated;           /**< Index of the treated territory in @c territories. */
    size_t statistic_count;   /**< S. */
    size_t *actors_before;    /**< K: actors of each territory's before graph. */
    size_t *ties_before;      /**< K: ties of each territory's before graph. */
    size_t *actors_after;     /**< K: actors of each territory's after graph. */
    size_t *ties_after;       /**< K: ties of each territory's after graph. */
    double *before;           /**< K x S: each statistic on each territory's before graph. */
    double *after;            /**< K x S: the same after. */
    double *did_as_treated;   /**< K x S: the DiD if that territory were the treated one (the permutation distribution). */
    ecosys_territory_did_result *results; /**< S results, in the order asked. */
} ecosys_territory_did;

/**
 * Difference-in-differences of graph-level statistics between a treated
 * territory and the comparison territories, across two snapshots.
 *
 * With d_t = S(after_t) - S(before_t) the change of territory t (NaN if S is
 * undefined in either graph), the DiD of the treated territory T against
 * the comparison set C (the other territories compared) is
 *
 *     DiD_T = d_T - (1/|C'|) sum_{c in C'} d_c,  C' = {c in C : d_c defined}.
 *
 * Permutation p-value: the "treated" label is reassigned to each of the K
 * territories in turn (the others then being the comparisons), which
 * enumerates every arrangement exactly: with one treated territory there
 * are K of them, so no sampling is needed whatever K. With V the
 * arrangements whose DiD is defined, p_greater = #{j : DiD_j >= DiD_T} / V
 * and p_less = #{j : DiD_j <= DiD_T} / V (values within 1e-10 max(1, |x|)
 * count as equal). The smallest attainable p-value is 1/V: with fewer than
 * 20 territories no p-value can be below 0.05, which is the honest answer
 * when so few territories are compared (docs/measures.md). When every d_j is
 * defined, DiD_j = (K d_j - sum_i d_i)/(K - 1), so the p-value is the rank
 * of the treated territory's change among the K changes.
 *
 * Progress: @c progress is called with done = 0 before the first territory,
 * then after each territory (both snapshots) with done = 2 x (territories
 * done), total = 2K; non-zero cancels (ECOSYS_ECANCELLED).
 *
 * Time: the 2K graphs (O(n + m log m) each, see ecosys_graph_new()) and the
 * statistics on each (O(m d) at most); no igraph in the statistics.
 * Memory O(n + m) plus O(K S).
 *
 * @param out             receives the result (zeroed first; left empty on error).
 * @param dataset         the dataset (borrowed).
 * @param before          graph options of the before snapshot (e.g. to = "2019-03-31"); NULL: all ties. Its territory is ignored.
 * @param after           graph options of the after snapshot; NULL: all ties. Its territory is ignored.
 * @param treated         the treated territory, one of those compared.
 * @param statistics      @p statistic_count statistics.
 * @param statistic_count S >= 1.
 * @param options         NULL for defaults (groups by "sector", every territory).
 * @return 0; ECOSYS_EINVAL (NULL argument, S = 0, unknown kind or options
 *         version, a custom statistic without callback, fewer than two
 *         territories, a territory named twice, bad snapshot options,
 *         unknown group attribute); ECOSYS_ENOTFOUND (@p treated or a
 *         territory of the options that no actor has); ECOSYS_ENOMEM;
 *         ECOSYS_ECOMPUTE (a custom statistic returned non-zero);
 *         ECOSYS_ECANCELLED.
 */
ECOSYS_EXTERN int ecosys_territory_did_run(ecosys_territory_did *out,
                                           const ecosys_dataset *dataset,
                                           const ecosys_graph_options *before,
                                           const ecosys_graph_options *after,
                                           const char *treated,
                                           const ecosys_statistic *statistics,
                                           size_t statistic_count,
                                           const ecosys_territory_options *options);

/** Frees what @p did owns and zeroes it. Accepts NULL and a zeroed struct. */
ECOSYS_EXTERN void ecosys_territory_did_dispose(ecosys_territory_did *did);

/* ---- table of territories ------------------------------------------------------ */

/**
 * Result of ecosys_territory_table_run(); release with
 * ecosys_territory_table_dispose(). Every array is owned by the struct.
 */
typedef struct ecosys_territory_table {
    ecosys_null_model model;  /**< The null model. */
    size_t replicates;        /**< R per territory. */
    uint64_t seed;            /**< The seed of every territory's ensemble. */
    double swaps_per_tie;     /**< Rewiring: attempts per tie; 0 for the other models. */
    size_t territory_count;   /**< K. */
    char **territories;       /**< Their names (rows). */
    size_t *actor_counts;     /**< K: actors of each territory's graph. */
    size_t *tie_counts;       /**< K: ties of each territory's graph. */
    size_t statistic_count;   /**< S (columns). */
    ecosys_null_result *results; /**< K x S: territory t, statistic s at t S + s, exactly what ecosys_null_test_run() gives on t's graph. */
} ecosys_territory_table;

/**
 * A table of territories: for each territory and statistic, the observed
 * value on the territory's graph and its test against a null model of that
 * graph (null mean, sd, z-score, p-values: an ecosys_null_result). The
 * z-score puts territories of different sizes on one scale: density,
 * transitivity or E-I of a small territory are not comparable with a large
 * one's as raw values, but "how far from chance" is.
 *
 * Row t is ecosys_null_test_run() on t's graph (the snapshot restricted to
 * t) with t's partition by @c group and the options' model, replicates,
 * seed, threads and swaps_per_tie: every territory uses the same seed, so
 * a row can be reproduced alone, and the table is identical for any number
 * of threads.
 *
 * Progress: @c progress is called with done counting the replicates of all
 * territories (territory t's replicates after the previous territories'),
 * total = K R, done = 0 first and total last; non-zero cancels
 * (ECOSYS_ECANCELLED).
 *
 * Time: K graphs plus K ensembles (see ecosys_null_test_run()).
 * Memory: that of one ensemble plus O(K S).
 *
 * @param out             receives the table (zeroed first; left empty on error).
 * @param dataset         the dataset (borrowed).
 * @param snapshot        graph options of the snapshot; NULL: all ties. Its territory is ignored.
 * @param statistics      @p statistic_count statistics.
 * @param statistic_count S >= 1.
 * @param options         NULL for defaults (every territory, uniform model, 1000 replicates, seed 0).
 * @return 0; ECOSYS_EINVAL (as ecosys_null_test_run(), plus no territory,
 *         a territory named twice, bad snapshot options, unknown group
 *         attribute); ECOSYS_ENOTFOUND (a territory of the options that no
 *         actor has); ECOSYS_EUNSUPPORTED; ECOSYS_ENOMEM; ECOSYS_ECOMPUTE;
 *         ECOSYS_ECANCELLED.
 */
ECOSYS_EXTERN int ecosys_territory_table_run(ecosys_territory_table *out,
                                             const ecosys_dataset *dataset,
                                             const ecosys_graph_options *snapshot,
                                             const ecosys_statistic *statistics,
                                             size_t statistic_count,
                                             const ecosys_territory_options *options);

/** Frees what @p table owns and zeroes it. Accepts NULL and a zeroed struct. */
ECOSYS_EXTERN void ecosys_territory_table_dispose(ecosys_territory_table *table);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_TERRITORIES_H */
