/* Internal: compressed sparse row (CSR) adjacency of a graph, for measures
 * whose inner loops must not call igraph.
 *
 * Why: Debian's igraph is built without thread safety and every igraph call
 * takes the library's one lock (core/igraph_guard.h). Measures that walk
 * neighbourhoods many times (structural holes, brokerage roles, and later
 * the ensembles that run them in parallel threads) build this read-only
 * structure once, from struct ecosys_graph's edge arrays (plain memory
 * reads, no igraph function call, no lock), then loop on flat arrays.
 *
 * Layout. Three lists per vertex, each a CSR pair (start[n + 1], nbr[]):
 *   out: arcs v -> u           (undirected graphs: every neighbour of v)
 *   in:  arcs u -> v           (undirected graphs: the same arrays as out)
 *   all: pooled neighbours, u tied to v in either direction, once each
 *        (undirected graphs: the same arrays as out)
 * The neighbours of v in list L are L_nbr[L_start[v] .. L_start[v + 1] - 1],
 * sorted in increasing vertex order, without repeats (the graph has no
 * multi-edge) and without v itself (no self-loop), so that "is u -> w a
 * tie?" costs O(log d) with ecosys_i_adjacency_find().
 *
 * Weights (optional, ECOSYS_I_ADJ_WEIGHTS): out_w/in_w/all_w run parallel
 * to the neighbour arrays. With ECOSYS_I_ADJ_UNIT they are 1 per arc
 * instead of the tie's summed weight. Pooled weight = w(v -> u) + w(u -> v)
 * in directed graphs (a reciprocated pair weighs the sum of both arcs, the
 * "mutual weight" of Burt, igraph and NetworkX), the edge's weight in
 * undirected graphs (an undirected tie counts once).
 *
 * Vertex indices are uint32_t to halve the memory traffic of the inner
 * loops; graphs of 2^32 vertices or more are refused (ECOSYS_EUNSUPPORTED).
 * Memory: about 12 bytes per arc and list (4 index + 8 weight), three lists
 * for directed graphs, one for undirected.
 *
 * The structure is immutable once built: any number of threads may read it.
 */
#ifndef ECOSYS_GRAPH_ADJACENCY_H
#define ECOSYS_GRAPH_ADJACENCY_H

#include "ecosys/graph.h"

#include <stddef.h>
#include <stdint.h>

/* What to build (combine with |). The neighbour lists are always built. */
enum ecosys_i_adjacency_parts {
    ECOSYS_I_ADJ_WEIGHTS = 1u << 0, /* fill out_w, in_w, all_w */
    ECOSYS_I_ADJ_UNIT = 1u << 1     /* ...with 1 per arc instead of the weights */
};

typedef struct ecosys_i_adjacency {
    size_t n;        /* vertices */
    size_t arcs;     /* arcs: edges if directed, 2 x edges if undirected */
    int directed;

    size_t *out_start; /* n + 1 offsets into out_nbr */
    uint32_t *out_nbr;
    double *out_w;     /* NULL unless ECOSYS_I_ADJ_WEIGHTS */

    size_t *in_start;  /* aliases of out_* if undirected */
    uint32_t *in_nbr;
    double *in_w;

    size_t *all_start; /* aliases of out_* if undirected */
    uint32_t *all_nbr;
    double *all_w;
} ecosys_i_adjacency;

/* Builds @p adj from @p graph: O(n + m) time and memory (counting sorts, no
 * comparison sort). @p parts: ecosys_i_adjacency_parts. Does not take the
 * igraph lock and is safe to call from several threads on one graph.
 * Returns 0, ECOSYS_ENOMEM or ECOSYS_EUNSUPPORTED (2^32 vertices or more);
 * on error @p adj is left empty (destroying it is harmless). */
int ecosys_i_adjacency_init(ecosys_i_adjacency *adj, const ecosys_graph *graph,
                            unsigned int parts);

/* Frees the arrays and zeroes @p adj. Accepts NULL and a zeroed struct. */
void ecosys_i_adjacency_destroy(ecosys_i_adjacency *adj);

/* Position of @p u in the sorted range nbr[begin, end), or SIZE_MAX if
 * absent. O(log(end - begin)). */
static inline size_t ecosys_i_adjacency_find(const uint32_t *nbr, size_t begin, size_t end,
                                             uint32_t u)
{
    size_t lo = begin, hi = end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (nbr[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < end && nbr[lo] == u ? lo : SIZE_MAX;
}

/* Non-zero if the arc v -> u exists (the edge, undirected). O(log d). */
static inline int ecosys_i_adjacency_has_arc(const ecosys_i_adjacency *adj, uint32_t v,
                                             uint32_t u)
{
    size_t b = adj->out_start[v], e = adj->out_start[v + 1];
    return ecosys_i_adjacency_find(adj->out_nbr, b, e, u) != SIZE_MAX;
}

/* Non-zero if @p u and @p v have a common neighbour in the pooled lists
 * (tied to both, in either direction): a merge of the two sorted lists,
 * O(d(u) + d(v)). The test of triad closure in the wave comparisons. */
static inline int ecosys_i_adjacency_common_neighbour(const ecosys_i_adjacency *adj, uint32_t u,
                                                      uint32_t v)
{
    const uint32_t *nbr = adj->all_nbr;
    size_t i = adj->all_start[u], ie = adj->all_start[u + 1];
    size_t j = adj->all_start[v], je = adj->all_start[v + 1];
    while (i < ie && j < je) {
        if (nbr[i] == nbr[j])
            return 1;
        if (nbr[i] < nbr[j])
            i++;
        else
            j++;
    }
    return 0;
}

#endif
