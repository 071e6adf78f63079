/**
 * @file ecosys/graph.h
 * @brief Graphs built from a dataset: snapshots, filters, tie aggregation.
 *
 * A graph is the network the measures run on. It is built from a dataset
 * with a snapshot (all ties, the ties active on a date, or during an
 * interval) and filters (tie axis, tie kind, actor territory). Its vertices
 * are the dataset's actors that pass the filters, in dataset order
 * (isolates included unless asked otherwise). Its edges are the dataset's
 * ties after these conventions (DOMAIN.md section 2):
 * - a tie of weight 0 is data only, not an edge;
 * - a self-tie is ignored;
 * - repeated ties between the same pair (same ordered pair if directed) are
 *   summed into one edge whose weight is the sum of their weights.
 * ecosys_graph_info() reports how many ties each rule set aside.
 *
 * Dates: a partial date names its whole period ("2019" is the whole year).
 * A tie is active on day d if start <= d <= end (empty start: since always;
 * empty end: still active), with start taken as the first day of its period
 * and end as the last. It is active during [from, to] if these periods
 * overlap.
 *
 * A graph borrows its dataset: the dataset must outlive it and must not be
 * modified while it exists. A graph is immutable: several threads may run
 * measures on one graph at once.
 */
#ifndef ECOSYS_GRAPH_H
#define ECOSYS_GRAPH_H

#include "ecosys/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque handle to a graph. */
typedef struct ecosys_graph ecosys_graph;

/** Direction of the graph built from a dataset. */
typedef enum ecosys_direction {
    ECOSYS_DIRECTION_AS_DATASET = 0, /**< Directed if the dataset is. */
    ECOSYS_DIRECTION_UNDIRECTED = 1, /**< Ignore directions (a->b and b->a become one edge, weights summed). */
    ECOSYS_DIRECTION_DIRECTED = 2    /**< Directed: source -> target. */
} ecosys_direction;

/** Version of ecosys_graph_options this header describes. */
#define ECOSYS_GRAPH_OPTIONS_VERSION 1

/**
 * Options of ecosys_graph_new(). Initialise with ECOSYS_GRAPH_OPTIONS_INIT
 * or ecosys_graph_options_init(); all fields default to "no filter".
 * Strings are borrowed for the duration of the call only.
 */
typedef struct ecosys_graph_options {
    unsigned int version;      /**< ECOSYS_GRAPH_OPTIONS_VERSION. */
    ecosys_direction direction;/**< Default: as the dataset. */
    const char *at;            /**< Ties active on this date; NULL: no date filter. Exclusive with from/to. */
    const char *from;          /**< Ties active during [from, to]; NULL: unbounded below. */
    const char *to;            /**< Upper bound of the interval; NULL: unbounded above. */
    const char *axis;          /**< Only ties whose axis is this; NULL: all. */
    const char *kind;          /**< Only ties whose kind is this; NULL: all. */
    const char *territory;     /**< Only actors of this territory (and ties between them); NULL: all. */
    int drop_isolates;         /**< Non-zero: leave out actors with no edge after filtering. */
} ecosys_graph_options;

/** Static initialiser for ecosys_graph_options. */
#define ECOSYS_GRAPH_OPTIONS_INIT { ECOSYS_GRAPH_OPTIONS_VERSION, ECOSYS_DIRECTION_AS_DATASET, \
                                    NULL, NULL, NULL, NULL, NULL, NULL, 0 }

/**
 * Initialises options to their defaults.
 *
 * @return 0, or ECOSYS_EINVAL if @p version is not one this library knows.
 */
ECOSYS_EXTERN int ecosys_graph_options_init(ecosys_graph_options *options, unsigned int version);

/**
 * Builds a graph from a dataset. Time O(n + m log m) for n actors and m
 * ties (the sort that merges repeated ties).
 *
 * @param out      receives the graph; free it with ecosys_graph_free().
 * @param dataset  borrowed; must outlive the graph.
 * @param options  NULL for defaults (all actors, all ties, dataset direction).
 * @return 0; ECOSYS_EINVAL (bad option: malformed date, from after to,
 *         at together with from/to, unknown options version); ECOSYS_ENOMEM;
 *         ECOSYS_ECOMPUTE.
 */
ECOSYS_EXTERN int ecosys_graph_new(ecosys_graph **out, const ecosys_dataset *dataset,
                                   const ecosys_graph_options *options);

/** Frees a graph. Accepts NULL. The dataset is not freed. */
ECOSYS_EXTERN void ecosys_graph_free(ecosys_graph *graph);

/** What building a graph did with the dataset's ties. */
typedef struct ecosys_graph_info {
    size_t actor_count;          /**< Vertices of the graph. */
    size_t tie_count;            /**< Edges of the graph (after merging). */
    int directed;                /**< Non-zero if directed. */
    size_t ties_in_dataset;      /**< All ties of the dataset. */
    size_t ties_filtered_out;    /**< Outside the snapshot, axis, kind or territory. */
    size_t zero_weight_ties;     /**< Ties of weight 0 kept as data only. */
    size_t self_ties;            /**< Self-ties ignored. */
    size_t merged_ties;          /**< Ties summed into an edge already counted (repeats). */
    size_t actors_filtered_out;  /**< Actors left out (territory filter, drop_isolates). */
} ecosys_graph_info;

/** Fills @p out with the graph's bookkeeping. @return 0 or ECOSYS_EINVAL. */
ECOSYS_EXTERN int ecosys_graph_info_get(ecosys_graph_info *out, const ecosys_graph *graph);

/** Returns the number of vertices (actors in the graph). */
ECOSYS_EXTERN size_t ecosys_graph_actor_count(const ecosys_graph *graph);

/** Returns the number of edges (after merging repeated ties). */
ECOSYS_EXTERN size_t ecosys_graph_tie_count(const ecosys_graph *graph);

/** Returns non-zero if the graph is directed. */
ECOSYS_EXTERN int ecosys_graph_is_directed(const ecosys_graph *graph);

/** Returns the dataset the graph was built from (borrowed). */
ECOSYS_EXTERN const ecosys_dataset *ecosys_graph_dataset(const ecosys_graph *graph);

/**
 * Maps a graph vertex to its dataset actor index.
 *
 * @return the actor index, or (size_t)-1 if @p vertex is out of range.
 */
ECOSYS_EXTERN size_t ecosys_graph_actor(const ecosys_graph *graph, size_t vertex);

/**
 * Maps a dataset actor index to its graph vertex.
 *
 * @return 0, or ECOSYS_ENOTFOUND if the actor is not in the graph.
 */
ECOSYS_EXTERN int ecosys_graph_vertex(size_t *out_vertex, const ecosys_graph *graph,
                                      size_t actor);

/**
 * Reads edge @p edge: its end vertices (graph vertex indices) and its
 * summed weight. For undirected graphs source < target.
 *
 * @return 0, or ECOSYS_EINVAL if out of range. Any out pointer may be NULL.
 */
ECOSYS_EXTERN int ecosys_graph_tie(size_t *out_source, size_t *out_target, double *out_weight,
                                   const ecosys_graph *graph, size_t edge);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_GRAPH_H */
