/* Internal: the tie lists that modularity, participation,
 * within-module z, roles and the community summary run on.
 *
 * These are libecosys's own arrays, built once per call from the graph's
 * edge vectors (read directly, no igraph function called), so the measures
 * of ecosys/communities.h never enter igraph in their loops and may run in
 * several threads at once (later issues run ensembles in parallel; Debian's
 * igraph is not thread safe). Participation, within-module z and roles
 * walk the CSR adjacency of graph/adjacency.h. */
#ifndef ECOSYS_MEASURES_COMMUNITIES_INTERNAL_H
#define ECOSYS_MEASURES_COMMUNITIES_INTERNAL_H

#include "ecosys/communities.h"
#include "graph/graph_internal.h"

/* A list of ties: ends and weight (1 when unweighted). */
typedef struct ecosys_i_ties {
    size_t count;
    size_t *from;
    size_t *to;
    double *weight;
} ecosys_i_ties;

/* The graph's ties: its edges as they are (@p undirected 0, or an
 * undirected graph), or for a directed graph with @p undirected set its
 * undirected simple view (a->b and b->a one tie, weights summed; the view
 * of measures_internal.h). Weights are 1 unless @p weighted. O(m log d).
 * Returns 0 or ECOSYS_ENOMEM (recorded). */
int ecosys_i_ties_build(ecosys_i_ties *out, const ecosys_graph *graph, int undirected,
                        int weighted);
void ecosys_i_ties_dispose(ecosys_i_ties *ties);

/* ECOSYS_EINVAL (recorded, naming @p what) unless @p partition is not NULL
 * and has as many vertices as @p graph. */
int ecosys_i_check_partition(const ecosys_graph *graph, const ecosys_partition *partition,
                             const char *what);

/* Modularity of @p membership (@p group_count groups) on the ties of
 * ecosys_i_ties_build(graph, undirected, weighted); the directed formula
 * if the graph is directed and @p undirected is 0. NaN without ties.
 * Returns 0 or ECOSYS_ENOMEM. */
int ecosys_i_modularity(double *out, const ecosys_graph *graph, const size_t *membership,
                        size_t group_count, double resolution, int weighted, int undirected);

#endif
