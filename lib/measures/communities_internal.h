/* Internal: what the measures of ecosys/communities.h share.
 *
 * They run on the graph's edge vectors (read directly, no igraph function
 * called) or on the CSR adjacency of graph/adjacency.h, so they never
 * enter igraph in their loops and may run in several threads at once
 * (Debian's igraph is not thread safe). */
#ifndef ECOSYS_MEASURES_COMMUNITIES_INTERNAL_H
#define ECOSYS_MEASURES_COMMUNITIES_INTERNAL_H

#include "ecosys/communities.h"
#include "graph/graph_internal.h"

/* Modularity of @p membership (@p group_count groups) on the graph's ties,
 * or with @p undirected on a directed graph its undirected simple view
 * (a->b and b->a one tie, weights summed; measures_internal.h); the
 * directed formula if the graph is directed and @p undirected is 0.
 * Weights are 1 unless @p weighted. NaN without ties. O(n + m).
 * Returns 0, ECOSYS_ENOMEM or ECOSYS_EUNSUPPORTED (graph/adjacency.h). */
int ecosys_i_modularity(double *out, const ecosys_graph *graph, const size_t *membership,
                        size_t group_count, double resolution, int weighted, int undirected);

#endif
