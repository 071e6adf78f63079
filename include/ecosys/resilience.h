/**
 * @file ecosys/resilience.h
 * @brief Resilience: how the network falls apart when actors leave.
 *
 * ecosys_resilience_run() removes the actors one by one in an order set by
 * a strategy and records, after each removal, the size of the largest
 * connected component and the number of components among the actors that
 * remain (docs/measures.md, "Resilience", says how to read them).
 *
 * Conventions (the same for every strategy):
 * - Direction is ignored: two actors are connected if a tie joins them in
 *   either direction (weak components). A reciprocated pair is one
 *   neighbour. Weights are ignored except by ECOSYS_REMOVAL_STRENGTH.
 * - After q removals (q = 0 .. k, k the number of removals, n for a full
 *   order), S(q) = size of the largest component of the remaining actors /
 *   n, where n is the ORIGINAL number of actors: S(0) is the largest
 *   component of the intact graph over n, S(n) = 0. An isolate is a
 *   component of size 1.
 * - Robustness R = (1/n) sum_{q=1..n} S(q) (Schneider, Moreira, Andrade,
 *   Havlin & Herrmann 2011, PNAS 108(10):3838): the intact graph (q = 0) is
 *   not counted and the sum runs to the end, so 0 <= R <= (n-1)/(2n) < 1/2;
 *   R = (n-1)/(2n) for a connected graph losing its actors in any order
 *   that keeps it connected (a complete graph), R = (n-1)/n^2 for n
 *   isolates.
 *   Defined for full orders only (NaN when a caller-given order removes
 *   fewer than n actors).
 * - Critical fraction: the smallest q/n, q = 0 .. k, with S(q) <= the
 *   threshold of the options (default 0.5: "half the actors can no longer
 *   reach each other"); 0 if the intact graph is already that fragmented;
 *   NaN if S never falls that low within a partial order.
 * - Ranking: highest score first; equal scores are broken by the lower
 *   vertex index (dataset order), so results are exactly reproducible.
 *
 * Strategies (ecosys_removal_strategy): random (seeded replicates, in
 * parallel), degree, strength, betweenness, each static (ranked once on the
 * intact graph) or adaptive (recomputed on the remaining graph after each
 * removal), and a caller-given order (ecosys_resilience_group_order()
 * builds "every actor of one sector").
 *
 * Reproducibility: replicate r of the random strategy draws from random
 * stream r of the seed (docs/design.md "Random numbers") and every result
 * is an exact integer sum reduced in replicate order: it depends on the
 * graph, the replicates and the seed only, bit for bit, never on the
 * number of threads.
 *
 * Threads: the random replicates run on @c threads workers (0: one per
 * core) over libecosys's own arrays, never igraph. The other strategies
 * run in the calling thread.
 */
#ifndef ECOSYS_RESILIENCE_H
#define ECOSYS_RESILIENCE_H

#include "ecosys/nullmodel.h"
#include "ecosys/partition.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The order in which actors are removed. */
typedef enum ecosys_removal_strategy {
    /** A uniformly random order, one per replicate (failures, turnover). */
    ECOSYS_REMOVAL_RANDOM = 0,
    /** Most distinct neighbours first (direction ignored): the best connected. */
    ECOSYS_REMOVAL_DEGREE = 1,
    /** Largest sum of tie weights first (in and out pooled): the most engaged. */
    ECOSYS_REMOVAL_STRENGTH = 2,
    /** Highest betweenness first (Brandes 2001, direction ignored, hops): the brokers. */
    ECOSYS_REMOVAL_BETWEENNESS = 3,
    /** The caller's order (ecosys_resilience_options::order). */
    ECOSYS_REMOVAL_ORDER = 4
} ecosys_removal_strategy;

/** Version of ecosys_resilience_options this header describes. */
#define ECOSYS_RESILIENCE_OPTIONS_VERSION 1

/** Default threshold of the critical fraction. */
#define ECOSYS_RESILIENCE_DEFAULT_THRESHOLD 0.5

/**
 * Options of ecosys_resilience_run(). Initialise with
 * ECOSYS_RESILIENCE_OPTIONS_INIT or ecosys_resilience_options_init().
 */
typedef struct ecosys_resilience_options {
    unsigned int version;             /**< ECOSYS_RESILIENCE_OPTIONS_VERSION. */
    ecosys_removal_strategy strategy; /**< Default ECOSYS_REMOVAL_DEGREE. */
    int adaptive;                     /**< Non-zero: rank again after each removal (degree, strength, betweenness). Default 0. */
    size_t replicates;                /**< Random: R >= 1 orders; default 100. Ignored otherwise. */
    uint64_t seed;                    /**< Random: any value; default 0. */
    unsigned int threads;             /**< Random: worker threads; 0 (default) one per core. */
    double threshold;                 /**< Critical fraction: S at or below it; in [0, 1]; default 0.5. */
    const size_t *order;              /**< ECOSYS_REMOVAL_ORDER: distinct vertices, removed first to last (borrowed). */
    size_t order_length;              /**< Their number k, 1 <= k <= n. */
    ecosys_progress_callback progress; /**< NULL: no progress report (see ecosys_resilience_run()). */
    void *progress_user;              /**< Passed to @c progress. */
} ecosys_resilience_options;

/** Static initialiser for ecosys_resilience_options. */
#define ECOSYS_RESILIENCE_OPTIONS_INIT { ECOSYS_RESILIENCE_OPTIONS_VERSION, ECOSYS_REMOVAL_DEGREE, \
                                         0, 100, 0, 0, ECOSYS_RESILIENCE_DEFAULT_THRESHOLD, \
                                         NULL, 0, NULL, NULL }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_RESILIENCE_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL (NULL, or a version this library does not know).
 */
ECOSYS_EXTERN int ecosys_resilience_options_init(ecosys_resilience_options *options,
                                                 unsigned int version);

/**
 * Result of ecosys_resilience_run(); release with ecosys_resilience_dispose().
 * The curves have k + 1 entries, entry q describing the network after q
 * removals (entry 0: the intact graph). For the random strategy they are
 * means over the replicates.
 */
typedef struct ecosys_resilience {
    ecosys_removal_strategy strategy; /**< The strategy. */
    int adaptive;                /**< 1 if ranked again after each removal, else 0. */
    size_t actor_count;          /**< n. */
    size_t steps;                /**< k: removals made (n unless a partial order). */
    size_t *order;               /**< k vertices in removal order; NULL for random. Owned. */
    double *largest;             /**< k + 1 values S(q) (mean over replicates for random). Owned. */
    double *largest_sd;          /**< Random: k + 1 standard deviations of S(q) (denominator R - 1; NaN if R = 1); else NULL. */
    double *components;          /**< k + 1 numbers of components (mean for random). Owned. */
    double robustness;           /**< R (mean of the replicates' R for random); NaN for a partial order. */
    double robustness_sd;        /**< Random: sd of the replicates' R (NaN if R = 1); else NaN. */
    double critical_fraction;    /**< Smallest q/n with S(q) <= threshold (of the mean curve for random); NaN if none. */
    double threshold;            /**< The threshold used. */
    size_t replicates;           /**< Random: R; else 0. */
    uint64_t seed;               /**< Random: the seed; else 0. */
    unsigned int threads;        /**< Threads actually used (results do not depend on it). */
    double *replicate_robustness; /**< Random: R values, replicate r's R; else NULL. Owned. */
    double *replicate_critical;  /**< Random: R values, replicate r's critical fraction; else NULL. Owned. */
} ecosys_resilience;

/**
 * Removes the actors of @p graph in the order of options->strategy and
 * records the curves described at ecosys_resilience.
 *
 * Scores, all direction-ignored on the remaining graph (adaptive) or the
 * intact one (static): degree = distinct neighbours; strength = sum of the
 * weights of the actor's ties (both directions of a reciprocated pair);
 * betweenness = Brandes's pair dependencies over shortest paths in hops,
 * every unordered pair once. Ties by lower vertex index; betweenness values
 * within a relative 1e-9 of each other count as equal (rounding must not
 * decide who goes first).
 *
 * Time: static orders and the caller's order O(n log n + m alpha(n)): the
 * curve is built backwards, adding actors back in reverse order and merging
 * components with union-find (Newman & Ziff 2001). Adaptive degree and
 * strength O((n + m) log n) with a binary heap, then the same curve.
 * Static betweenness O(n m); adaptive betweenness recomputes it after each
 * removal, O(n * n m) in the worst case (about n^2 m / 3 as the graph
 * shrinks; it stops recomputing once no actor lies between two others):
 * minutes from about a thousand actors. Random O(R (n + m alpha(n))) over
 * the threads. Memory O(n + m), plus O(n) per thread and O(R).
 *
 * Progress: @c progress(done, total) is called from the calling thread
 * with non-decreasing @p done: random, replicates finished of R; adaptive
 * betweenness, removals decided of n (also called again with the same
 * value during one long recomputation); static betweenness, sources
 * processed of n; other strategies (0, 1) then (1, 1). A non-zero return
 * cancels: the call frees everything and returns ECOSYS_ECANCELLED.
 *
 * @param out     receives the result (zeroed first; left empty on error).
 * @param graph   the graph.
 * @param options NULL for defaults (static degree attack).
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown strategy or options
 *         version, a graph without actors, R = 0, threshold outside
 *         [0, 1], an order NULL or empty or longer than n, or naming a
 *         vertex out of range or twice); ECOSYS_EUNSUPPORTED (2^32 - 1
 *         vertices or more); ECOSYS_ENOMEM; ECOSYS_ECANCELLED. The last
 *         error is set in the calling thread.
 */
ECOSYS_EXTERN int ecosys_resilience_run(ecosys_resilience *out, const ecosys_graph *graph,
                                        const ecosys_resilience_options *options);

/** Frees the arrays of @p result and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_resilience_dispose(ecosys_resilience *result);

/**
 * The removal order "every actor of group @p group", in increasing vertex
 * index, for ECOSYS_REMOVAL_ORDER (e.g. all businesses leave). O(n).
 *
 * @param out_order receives a new array of @p *out_count vertices; free it
 *                  with ecosys_resilience_order_free().
 * @param out_count receives the group's size (>= 1: groups are never empty).
 * @param partition the partition (of the graph's vertices).
 * @param group     a group number, < ecosys_partition_group_count().
 * @return 0; ECOSYS_EINVAL (NULL argument, group out of range); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_resilience_group_order(size_t **out_order, size_t *out_count,
                                                const ecosys_partition *partition,
                                                size_t group);

/** Frees an order from ecosys_resilience_group_order(). Accepts NULL. */
ECOSYS_EXTERN void ecosys_resilience_order_free(size_t *order);

/**
 * Name of a strategy: "random", "degree", "strength", "betweenness",
 * "order"; NULL if unknown. Static.
 *
 * @param strategy the strategy.
 */
ECOSYS_EXTERN const char *ecosys_removal_strategy_name(ecosys_removal_strategy strategy);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_RESILIENCE_H */
