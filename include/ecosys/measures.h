/**
 * @file ecosys/measures.h
 * @brief Structure and centrality of a graph.
 *
 * Conventions shared by every measure (docs/measures.md gives formulas,
 * references and where peers differ):
 * - Vector results are written to an array the caller allocates, of length
 *   ecosys_graph_actor_count(), indexed by graph vertex.
 * - Weights are intensities. Without ECOSYS_WEIGHTED a measure ignores them
 *   (every edge counts 1). With it, measures that sum ties (strength,
 *   eigenvector, PageRank) sum weights, and path-based measures (distances,
 *   betweenness, closeness, harmonic) take 1/weight as the length of a tie,
 *   never the weight itself.
 * - Direction: in directed graphs ECOSYS_MODE_OUT follows arcs forwards,
 *   ECOSYS_MODE_IN backwards, ECOSYS_MODE_ALL ignores direction. Each
 *   measure states its default when no mode is given. Undirected graphs
 *   ignore the mode.
 * - Every function returns 0 or a negative ECOSYS_E* code and never prints.
 */
#ifndef ECOSYS_MEASURES_H
#define ECOSYS_MEASURES_H

#include "ecosys/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of the measures. Combine with |. */
enum ecosys_measure_flags {
    ECOSYS_WEIGHTED = 1u << 0,   /**< Use tie weights (intensities; path length 1/weight). */
    ECOSYS_NORMALIZED = 1u << 1, /**< Normalise as the measure documents. */
    ECOSYS_MODE_OUT = 1u << 2,   /**< Directed graphs: follow arcs forwards. */
    ECOSYS_MODE_IN = 1u << 3,    /**< Directed graphs: follow arcs backwards. */
    ECOSYS_MODE_ALL = (1u << 2) | (1u << 3), /**< Directed graphs: ignore direction. */
    ECOSYS_NO_PATHS = 1u << 4    /**< ecosys_structure_compute(): skip the all-pairs path measures. */
};

/** A list of indices, filled by the library; release with ecosys_index_list_dispose(). */
typedef struct ecosys_index_list {
    size_t *items; /**< Owned by the list. */
    size_t count;  /**< Number of items. */
} ecosys_index_list;

/** Frees the items of a list and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_index_list_dispose(ecosys_index_list *list);

/** A list of vertex pairs; release with ecosys_pair_list_dispose(). */
typedef struct ecosys_pair_list {
    size_t *sources; /**< Owned by the list. */
    size_t *targets; /**< Owned by the list. */
    size_t count;    /**< Number of pairs. */
} ecosys_pair_list;

/** Frees the arrays of a pair list and zeroes it. Accepts NULL. */
ECOSYS_EXTERN void ecosys_pair_list_dispose(ecosys_pair_list *list);

/**
 * Graph-level structure. Distances are hop counts unless computed with
 * ECOSYS_WEIGHTED (then sums of 1/weight).
 */
typedef struct ecosys_structure {
    size_t actor_count;            /**< n, vertices. */
    size_t tie_count;              /**< m, edges after merging. */
    int directed;                  /**< Non-zero if directed. */
    int weighted;                  /**< Non-zero if distances used weights. */
    double density;                /**< m / (n(n-1)/2), or m / (n(n-1)) if directed; NaN if n < 2. */
    double mean_degree;            /**< 2m/n undirected, m/n (mean out-degree) directed; NaN if n = 0. */
    size_t component_count;        /**< Connected components (weak if directed), isolates included. */
    size_t largest_component_size; /**< Vertices in the largest component. */
    size_t isolate_count;          /**< Vertices of degree 0. */
    double diameter;               /**< Longest shortest path in the largest component; NaN if it has < 2 vertices. */
    double mean_distance;          /**< Mean shortest path over ordered reachable pairs of the largest component; NaN if none. */
    double transitivity;           /**< Global clustering 3 x triangles / connected triples (direction ignored); NaN if no triple. */
    double mean_local_clustering;  /**< Mean of local clustering over all vertices, vertices of degree < 2 counting 0; NaN if n = 0. */
    double degree_centralization;      /**< Freeman, normalised by igraph's theoretical maximum (loops excluded). */
    double betweenness_centralization; /**< Freeman, normalised by igraph's theoretical maximum. */
    double closeness_centralization;   /**< Freeman, normalised by igraph's theoretical maximum (connected case). */
    double eigenvector_centralization; /**< Freeman over scaled eigenvector centrality, igraph's maximum. */
    size_t max_core;               /**< Largest k such that the k-core is non-empty. */
    size_t articulation_point_count; /**< Cut vertices (direction ignored). */
    size_t bridge_count;           /**< Cut edges (direction ignored). */
} ecosys_structure;

/**
 * Computes the graph-level structure. Time O(n m) for the distances
 * (one breadth-first search per vertex; Dijkstra, O(n m log n), weighted).
 *
 * With ECOSYS_NO_PATHS the fields that need all shortest paths (diameter,
 * mean_distance, betweenness_centralization, closeness_centralization) are
 * left NaN and the rest costs O(m sqrt(m)) (triangles) or less: use it on large
 * networks (10^5 actors and more).
 *
 * @param out   receives the structure.
 * @param graph the graph.
 * @param flags ECOSYS_WEIGHTED for weighted distances; ECOSYS_NO_PATHS.
 */
ECOSYS_EXTERN int ecosys_structure_compute(ecosys_structure *out, const ecosys_graph *graph,
                                           unsigned int flags);

/**
 * Degree: number of edges at each vertex (merged ties count once).
 * Directed default: ECOSYS_MODE_ALL (in + out). ECOSYS_NORMALIZED divides by
 * n - 1. ECOSYS_WEIGHTED is not accepted (use ecosys_strength()). O(n).
 */
ECOSYS_EXTERN int ecosys_degree(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Strength: sum of the weights of the edges at each vertex. Directed default
 * ECOSYS_MODE_ALL. O(n + m).
 */
ECOSYS_EXTERN int ecosys_strength(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Betweenness (Freeman 1977; Brandes 2001): sum over pairs s != t != v of
 * sigma_st(v) / sigma_st. Undirected pairs counted once. ECOSYS_NORMALIZED
 * divides by (n-1)(n-2)/2 undirected, (n-1)(n-2) directed (0 if n < 3).
 * Directed default ECOSYS_MODE_OUT (directed paths). O(n m), weighted
 * O(n m + n^2 log n).
 */
ECOSYS_EXTERN int ecosys_betweenness(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Closeness over reachable actors (igraph's convention): 1 / sum of the
 * distances to the vertices reachable from v; with ECOSYS_NORMALIZED
 * (r - 1) / sum, r the number of vertices reached including v, that is the
 * inverse mean distance to reachable vertices. NaN for isolates. Directed
 * default ECOSYS_MODE_OUT. O(n m).
 */
ECOSYS_EXTERN int ecosys_closeness(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Harmonic closeness (Marchiori & Latora 2000; Rochat 2009): sum over
 * u != v of 1 / d(v, u), unreachable vertices adding 0. ECOSYS_NORMALIZED
 * divides by n - 1 (0 for n = 1). Recommended for disconnected ecosystems.
 * Directed default ECOSYS_MODE_OUT. O(n m).
 */
ECOSYS_EXTERN int ecosys_harmonic(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Eigenvector centrality (Bonacich 1972), scaled so the maximum is 1 (0
 * everywhere if there are no edges). Directed graphs use in-links (the
 * prestige convention of igraph and NetworkX). Weighted with
 * ECOSYS_WEIGHTED. Computed by ARPACK through igraph.
 */
ECOSYS_EXTERN int ecosys_eigenvector(double *out, const ecosys_graph *graph, unsigned int flags);

/**
 * PageRank (Brin & Page 1998), damping @p damping (0.85 usually), summing to
 * 1; dangling vertices jump uniformly. Weighted with ECOSYS_WEIGHTED.
 * Computed by igraph's PRPACK; for damping 1 (no teleportation) the
 * stationary distribution is found by ARPACK instead and is unique only
 * if the graph is connected. @return ECOSYS_EINVAL unless 0 <= damping <= 1.
 */
ECOSYS_EXTERN int ecosys_pagerank(double *out, const ecosys_graph *graph, double damping,
                                  unsigned int flags);

/**
 * Local clustering (Watts & Strogatz 1998): edges among v's neighbours over
 * k(k-1)/2; vertices of degree < 2 get 0 (stated convention; igraph's
 * TRANSITIVITY_ZERO). Direction ignored (a reciprocated pair is one tie),
 * weights ignored. Triangles counted on degree-ordered forward lists
 * (Schank & Wagner 2005): O(m sqrt(m)) time, O(n + m) memory.
 */
ECOSYS_EXTERN int ecosys_local_clustering(double *out, const ecosys_graph *graph,
                                          unsigned int flags);

/**
 * Core number (Seidman 1983; Batagelj & Zaversnik 2003): the largest k such
 * that v belongs to the k-core. Directed default ECOSYS_MODE_ALL. O(m).
 */
ECOSYS_EXTERN int ecosys_core_number(size_t *out, const ecosys_graph *graph, unsigned int flags);

/**
 * Connected components (weak for directed graphs): component index of each
 * vertex, components numbered from 0 in order of their first vertex.
 *
 * @param out_membership receives the component of each vertex
 *        (ecosys_graph_actor_count() entries).
 * @param out_count receives the number of components (may be NULL).
 * @param graph the graph.
 */
ECOSYS_EXTERN int ecosys_components(size_t *out_membership, size_t *out_count,
                                    const ecosys_graph *graph);

/**
 * Articulation points (cut vertices), direction ignored, in increasing
 * vertex order. O(n + m).
 */
ECOSYS_EXTERN int ecosys_articulation_points(ecosys_index_list *out, const ecosys_graph *graph);

/**
 * Bridges (cut edges), direction ignored, as vertex pairs with
 * source < target, sorted. O(n + m).
 */
ECOSYS_EXTERN int ecosys_bridges(ecosys_pair_list *out, const ecosys_graph *graph);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_MEASURES_H */
