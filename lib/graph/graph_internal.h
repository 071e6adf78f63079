/* Internal layout of a graph, shared by the measures and reports. */
#ifndef ECOSYS_GRAPH_GRAPH_INTERNAL_H
#define ECOSYS_GRAPH_GRAPH_INTERNAL_H

#include "ecosys/graph.h"

#include <igraph.h>

#include <stdint.h>

struct ecosys_graph {
    const ecosys_dataset *dataset; /* borrowed */
    igraph_t ig;                   /* simple graph: no loops, no multi-edges */
    igraph_vector_t weights;       /* summed weight of each edge, > 0 */
    size_t *vertex_actor;          /* vertex -> dataset actor index */
    size_t *actor_vertex;          /* dataset actor index -> vertex, or SIZE_MAX */
    ecosys_graph_info info;
};

/* Lengths 1/weight of each edge, for weighted path measures. The caller
 * holds the igraph lock and destroys the vector. */
igraph_error_t ecosys_i_graph_lengths(igraph_vector_t *out, const ecosys_graph *graph);

/* The snapshot window of the graph options @p o (at, or from/to) in days:
 * [first, last], unbounded ends INT32_MIN+1 and INT32_MAX; active is 0
 * when no date is given. ECOSYS_EINVAL (error set) for a date that does
 * not parse or at given with from/to; from after to is not checked. Used
 * by ecosys_graph_new() and the wave comparison (wave_changes.c). */
typedef struct ecosys_i_window {
    int active;
    int32_t first;
    int32_t last;
} ecosys_i_window;

int ecosys_i_snapshot_window(ecosys_i_window *w, const ecosys_graph_options *o);

#endif
