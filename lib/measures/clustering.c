/* Local clustering by counting the triangles at each vertex, without igraph.
 * See ecosys/measures.h (ecosys_local_clustering) and docs/measures.md.
 *
 * Why not igraph_transitivity_local_undirected: it builds an adjacency list
 * of n separately allocated vectors (about 15 MB of fresh memory at 10^5
 * actors), so a first call costs twice a later one; this file needs about
 * 4n + 8n + 4m bytes (3.6 MB there) and no igraph lock. See docs/design.md.
 *
 * Method: the "forward" algorithm (Schank & Wagner 2005; Latapy 2008).
 * Order vertices by degree, ties by index; keep each edge once, in the list
 * of its lower end ("forward" lists). A triangle a < b < c in that order is
 * then found exactly once: from a, through b in fwd(a), at c in both fwd(b)
 * and fwd(a). Forward lists have at most sqrt(2m) entries, so the count
 * costs O(m sqrt(m)) even with hubs, where the plain "mark the neighbours,
 * scan the neighbours' neighbours" loop costs O(sum of squared degrees). */
#include "measures/measures_internal.h"

#include "core/error.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct forward_lists {
    size_t *start;   /* n + 1 offsets into nbr */
    uint32_t *nbr;
    uint32_t *degree; /* degree in the undirected simple view */
} forward_lists;

static void forward_lists_free(forward_lists *f)
{
    free(f->start);
    free(f->nbr);
    free(f->degree);
}

/* Non-zero if @p a comes before @p b: lower degree, then lower index. */
static inline int ranks_before(const uint32_t *degree, size_t a, size_t b)
{
    return degree[a] < degree[b] || (degree[a] == degree[b] && a < b);
}

/* Keeps the first occurrence of each neighbour in every forward list,
 * compacting in place (a directed graph's reciprocated pair puts the same
 * neighbour twice in one list), and recounts the degrees of the undirected
 * view. @p stamp: n scratch entries. */
static void remove_repeats(forward_lists *f, size_t n, uint32_t *stamp)
{
    memset(stamp, 0xff, n * sizeof *stamp);
    memset(f->degree, 0, n * sizeof *f->degree);
    size_t kept = 0, begin = 0;
    for (size_t v = 0; v < n; v++) {
        size_t end = f->start[v + 1];
        f->start[v] = kept;
        for (size_t k = begin; k < end; k++) {
            uint32_t u = f->nbr[k];
            if (stamp[u] == (uint32_t) v)
                continue;
            stamp[u] = (uint32_t) v;
            f->nbr[kept++] = u;
            f->degree[v]++;
            f->degree[u]++;
        }
        begin = end;
    }
    f->start[n] = kept;
}

/* Builds the forward lists of @p g's undirected view. O(n + m). */
static int forward_lists_init(forward_lists *f, const ecosys_graph *g, uint32_t *stamp)
{
    size_t n = g->info.actor_count, m = g->info.tie_count;
    memset(f, 0, sizeof *f);
    f->degree = calloc(n, sizeof *f->degree);
    f->start = calloc(n + 1, sizeof *f->start);
    f->nbr = malloc((m ? m : 1) * sizeof *f->nbr);
    if (!f->degree || !f->start || !f->nbr) {
        forward_lists_free(f);
        return ecosys_i_error_nomem();
    }
    /* Rank by the degree counting every arc (in + out if directed): any
     * total order gives the right count, and this one is known before the
     * repeats are removed. */
    for (size_t e = 0; e < m; e++) {
        f->degree[IGRAPH_FROM(&g->ig, e)]++;
        f->degree[IGRAPH_TO(&g->ig, e)]++;
    }
    for (size_t e = 0; e < m; e++) {
        size_t s = (size_t) IGRAPH_FROM(&g->ig, e), t = (size_t) IGRAPH_TO(&g->ig, e);
        f->start[(ranks_before(f->degree, s, t) ? s : t) + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        f->start[v + 1] += f->start[v];
    /* Place each edge with start[v] as v's cursor, then shift the offsets
     * back (start[v] has become the end of v's list, the old start[v + 1]). */
    for (size_t e = 0; e < m; e++) {
        size_t s = (size_t) IGRAPH_FROM(&g->ig, e), t = (size_t) IGRAPH_TO(&g->ig, e);
        int s_first = ranks_before(f->degree, s, t);
        f->nbr[f->start[s_first ? s : t]++] = (uint32_t) (s_first ? t : s);
    }
    memmove(f->start + 1, f->start, n * sizeof *f->start);
    f->start[0] = 0;
    if (g->info.directed)
        remove_repeats(f, n, stamp);
    return 0;
}

int ecosys_i_clustering(double *out, double *transitivity, const ecosys_graph *g)
{
    size_t n = g->info.actor_count;
    if (n >= UINT32_MAX)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED,
                              "local clustering: graphs of 2^32 actors or more are not supported");
    uint32_t *stamp = malloc((n ? n : 1) * sizeof *stamp);
    if (!stamp)
        return ecosys_i_error_nomem();
    forward_lists f;
    int rc = forward_lists_init(&f, g, stamp);
    if (rc) {
        free(stamp);
        return rc;
    }
    /* out[v] counts the triangles at v (exact in a double below 2^53). */
    memset(out, 0, n * sizeof *out);
    memset(stamp, 0xff, n * sizeof *stamp);
    for (size_t a = 0; a < n; a++) {
        for (size_t k = f.start[a]; k < f.start[a + 1]; k++)
            stamp[f.nbr[k]] = (uint32_t) a;
        for (size_t k = f.start[a]; k < f.start[a + 1]; k++) {
            uint32_t b = f.nbr[k];
            for (size_t j = f.start[b]; j < f.start[b + 1]; j++) {
                uint32_t c = f.nbr[j];
                if (stamp[c] == (uint32_t) a) {
                    out[a] += 1;
                    out[b] += 1;
                    out[c] += 1;
                }
            }
        }
    }
    /* Sums of integers below 2^53: exact, so the ratio is correctly rounded. */
    double triangles3 = 0, triples = 0;
    for (size_t v = 0; v < n; v++) {
        double k = (double) f.degree[v], pairs = k * (k - 1) / 2;
        triangles3 += out[v];
        triples += pairs;
        out[v] = k < 2 ? 0.0 : out[v] / pairs;
    }
    if (transitivity)
        *transitivity = triples > 0 ? triangles3 / triples : NAN;
    forward_lists_free(&f);
    free(stamp);
    return 0;
}
