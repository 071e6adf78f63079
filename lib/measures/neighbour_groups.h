/* Internal: how each actor's neighbours spread over the groups of a
 * partition, on the CSR adjacency of graph/adjacency.h (no igraph call, so
 * safe in several threads at once).
 *
 * Blau's heterogeneity and the IQV (mixing.c) and the participation
 * coefficient (roles.c) are one formula, 1 - sum_g p_g^2 over the shares
 * p_g of an actor's neighbour weight in each group g; they differ only in
 * what an actor without neighbours gets (NaN for Blau and IQV, 0 for the
 * participation coefficient, as their headers state). */
#ifndef ECOSYS_MEASURES_NEIGHBOUR_GROUPS_H
#define ECOSYS_MEASURES_NEIGHBOUR_GROUPS_H

#include "graph/adjacency.h"

#include <stddef.h>
#include <stdint.h>

/* One neighbour list per vertex: vertex v's neighbours are
 * nbr[start[v] .. start[v + 1]), with weights w[...] (w NULL: each
 * neighbour weighs 1). Borrowed from an ecosys_i_adjacency. */
typedef struct ecosys_i_neighbours {
    size_t n;
    const size_t *start;
    const uint32_t *nbr;
    const double *w;
} ecosys_i_neighbours;

/* The list @p flags' mode bits pick: in directed graphs ECOSYS_MODE_OUT the
 * out-list, ECOSYS_MODE_IN the in-list, ECOSYS_MODE_ALL or no mode the
 * pooled list (a reciprocated pair is one neighbour weighing the sum of
 * both arcs); in undirected graphs their one list. Weights only if
 * @p weighted (@p adj built with ECOSYS_I_ADJ_WEIGHTS then). */
ecosys_i_neighbours ecosys_i_neighbours_by_mode(const ecosys_i_adjacency *adj,
                                                unsigned int flags, int weighted);

/* Weight of the neighbour at position @p i of @p a's lists. */
static inline double ecosys_i_neighbour_weight(const ecosys_i_neighbours *a, size_t i)
{
    return a->w ? a->w[i] : 1.0;
}

/* out[v] = 1 - sum_g (k_vg / k_v)^2 for every vertex v of @p a, k_vg the
 * weight of v's neighbours in group g (group[u] < @p group_count) and k_v
 * their total; exactly 0 when all of them are in one group (no rounding
 * residue); @p isolate when k_v is 0. O(n + m) time, O(group_count) memory.
 * Returns 0 or ECOSYS_ENOMEM. */
int ecosys_i_group_dispersion(double *out, const ecosys_i_neighbours *a, const size_t *group,
                              size_t group_count, double isolate);

#endif
