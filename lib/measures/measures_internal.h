/* Internal: helpers shared by the measures (the files of lib/measures).
 *
 * Flags: each measure states the flags it accepts; any other bit is
 * ECOSYS_EINVAL (ecosys_i_measure_args). Mode bits select igraph's
 * IGRAPH_OUT / IGRAPH_IN / IGRAPH_ALL (ecosys_i_mode).
 *
 * Views: measures that "ignore direction" run on the undirected simple
 * version of a directed graph, where a->b and b->a are one edge whose weight
 * is the sum of the two (the same graph ecosys_graph_new() builds with
 * ECOSYS_DIRECTION_UNDIRECTED). Running igraph's IGRAPH_ALL mode on the
 * directed graph instead would see a reciprocated pair as two parallel
 * edges: twice as many shortest paths through it (betweenness), a shorter
 * weighted length (min instead of sum of intensities) and never a bridge. */
#ifndef ECOSYS_MEASURES_MEASURES_INTERNAL_H
#define ECOSYS_MEASURES_MEASURES_INTERNAL_H

#include "ecosys/measures.h"
#include "graph/graph_internal.h"

#include <igraph.h>
#include <stdint.h>

/* The mode bits of the flags. */
#define ECOSYS_I_MODE_BITS ((unsigned int) ECOSYS_MODE_ALL)

/* Checks the arguments every vector measure shares: @p out and @p graph
 * not NULL and no flag outside @p allowed. Returns 0 or ECOSYS_EINVAL with
 * a message naming @p what. */
int ecosys_i_measure_args(const void *out, const ecosys_graph *graph, unsigned int flags,
                          unsigned int allowed, const char *what);

/* igraph's mode for the mode bits of @p flags, @p fallback if none. */
igraph_neimode_t ecosys_i_mode(unsigned int flags, igraph_neimode_t fallback);

/* A graph to run igraph on: the graph itself, or its undirected simple
 * version (see above), with optional lengths 1/weight. */
typedef struct ecosys_i_view {
    const igraph_t *ig;              /* the graph to use */
    const igraph_vector_t *weights;  /* its intensities, one per edge of ig */
    const igraph_vector_t *lengths;  /* 1/weight per edge of ig, or NULL */
    igraph_t own_graph;              /* undirected version, if built */
    igraph_vector_t own_weights;
    igraph_vector_t own_lengths;
    int has_own_graph;
    int has_own_weights;
    int has_own_lengths;
} ecosys_i_view;

/* Fills @p view. @p undirected: use the undirected simple version if the
 * graph is directed (an undirected graph is used as it is). @p lengths:
 * also compute 1/weight lengths. The caller holds the igraph lock. On
 * success the view is left on igraph's FINALLY stack (one entry): release
 * it with ecosys_i_view_destroy() then IGRAPH_FINALLY_CLEAN(1). On error
 * it has been released. */
igraph_error_t ecosys_i_view_init(ecosys_i_view *view, const ecosys_graph *graph,
                                  int undirected, int lengths);
void ecosys_i_view_destroy(ecosys_i_view *view);

/* Membership renumbered so components are 0, 1, ... in order of their
 * first vertex, and their sizes. @p membership and @p sizes are initialised
 * vectors (resized here). The caller holds the lock. */
igraph_error_t ecosys_i_components(const igraph_t *ig, igraph_vector_int_t *membership,
                                   igraph_vector_int_t *sizes);

/* Local clustering of every vertex into @p out (n entries), direction and
 * weights ignored, 0 below degree 2, and (if @p transitivity is not NULL)
 * the global transitivity 3 x triangles / connected triples, NaN without a
 * triple (lib/measures/clustering.c). Plain C on the graph's edge arrays:
 * no igraph call, no lock needed. Returns 0, ECOSYS_ENOMEM or
 * ECOSYS_EUNSUPPORTED, with the last error set. */
int ecosys_i_clustering(double *out, double *transitivity, const ecosys_graph *graph);

/* Cut vertices and cut edges of the undirected view by one depth-first
 * search (lib/measures/cut_points.c), without igraph. Each output may be
 * NULL; otherwise it has n entries: is_point[v] = 1 if v is an articulation
 * point; bridge_child[v] = 1 if the tie parent[v]-v of the search tree is a
 * bridge (parent[v] = UINT32_MAX for the roots). Returns 0, ECOSYS_ENOMEM or
 * ECOSYS_EUNSUPPORTED (2^32 actors or more), with the last error set. */
int ecosys_i_cut_elements(unsigned char *is_point, unsigned char *bridge_child,
                          uint32_t *parent, const ecosys_graph *graph);

/* Diameter and mean distance (over ordered pairs with a path, following
 * arcs if directed; lengths 1/weight if @p weighted, else hops) of the
 * vertices v with component[v] == largest, by one breadth-first or
 * Dijkstra search per vertex (lib/measures/distances.c), without igraph.
 * NaN if no pair has a path. Returns 0, ECOSYS_ENOMEM or
 * ECOSYS_EUNSUPPORTED, with the last error set. */
int ecosys_i_distance_summary(double *diameter, double *mean_distance, const ecosys_graph *graph,
                              const size_t *component, size_t largest, int weighted);

/* Turns igraph's negative zero (eigenvector centrality of unreached
 * vertices) into +0. */
static inline double ecosys_i_plus_zero(double x)
{
    return x == 0 ? 0.0 : x;
}

#endif
