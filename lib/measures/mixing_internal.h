/* Internal: what mixing.c and mixing_null.c share. Everything works on the
 * graph's edge arrays read directly (no igraph call: plain reads of its
 * vectors are thread-safe) and on libecosys's own arrays. */
#ifndef ECOSYS_MEASURES_MIXING_INTERNAL_H
#define ECOSYS_MEASURES_MIXING_INTERNAL_H

#include "ecosys/mixing.h"
#include "graph/graph_internal.h"

/* Ends and weight of edge @p e (direction as stored: source, target). */
static inline size_t ecosys_i_edge_from(const ecosys_graph *g, size_t e)
{
    return (size_t) IGRAPH_FROM(&g->ig, (igraph_integer_t) e);
}

static inline size_t ecosys_i_edge_to(const ecosys_graph *g, size_t e)
{
    return (size_t) IGRAPH_TO(&g->ig, (igraph_integer_t) e);
}

static inline double ecosys_i_edge_weight(const ecosys_graph *g, size_t e)
{
    return VECTOR(g->weights)[(igraph_integer_t) e];
}

/* Checks the arguments of a mixing function: non-NULL @p out, @p graph and
 * @p partition, a partition of as many vertices as the graph, no flag
 * outside @p allowed. Returns 0 or ECOSYS_EINVAL naming @p what. */
int ecosys_i_mixing_args(const void *out, const ecosys_graph *graph,
                         const ecosys_partition *partition, unsigned int flags,
                         unsigned int allowed, const char *what);

/* Standard deviation of the E-I index when @p ties ties of total weight
 * @p weight and summed squared weights @p squares lie on as many distinct
 * dyads drawn uniformly among @p dyads, @p internal_dyads of them internal
 * (hypergeometric with marks; see ecosys/mixing.h). 0 when the number of
 * internal ties cannot vary. */
double ecosys_i_ei_null_sd(double dyads, double internal_dyads, double ties, double weight,
                           double squares);

#endif
