/* Tie lists on libecosys's own arrays, for the
 * measures of ecosys/communities.h. See communities_internal.h. */
#include "measures/communities_internal.h"

#include "core/error.h"
#include "graph/partition_internal.h"

#include <stdlib.h>
#include <string.h>

void ecosys_i_ties_dispose(ecosys_i_ties *t)
{
    free(t->from);
    free(t->to);
    free(t->weight);
    memset(t, 0, sizeof *t);
}

int ecosys_i_check_partition(const ecosys_graph *g, const ecosys_partition *p, const char *what)
{
    if (!p)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL partition", what);
    if (ecosys_partition_vertex_count(p) != g->info.actor_count)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "%s: the partition has %zu vertices, the graph %zu actors", what,
                              ecosys_partition_vertex_count(p), g->info.actor_count);
    return 0;
}

/* A neighbour and its weight, for sorting one vertex's list. */
typedef struct half_tie {
    size_t other;
    double weight;
} half_tie;

static int compare_half(const void *a, const void *b)
{
    size_t x = ((const half_tie *) a)->other, y = ((const half_tie *) b)->other;
    return (x > y) - (x < y);
}

static int alloc_ties(ecosys_i_ties *t, size_t m)
{
    t->from = ecosys_i_alloc_array(m, sizeof *t->from);
    t->to = ecosys_i_alloc_array(m, sizeof *t->to);
    t->weight = ecosys_i_alloc_array(m, sizeof *t->weight);
    if (!t->from || !t->to || !t->weight) {
        ecosys_i_ties_dispose(t);
        return ecosys_i_error_nomem();
    }
    return 0;
}

/* The undirected view of a directed graph: bucket the arcs by their lower
 * end (counting sort), sort each bucket by the higher end and merge equal
 * pairs, summing weights (the order igraph's view sums them in does not
 * matter for two terms). */
static int undirected_view(ecosys_i_ties *t, const ecosys_graph *g, int weighted)
{
    size_t n = g->info.actor_count, m = g->info.tie_count;
    size_t *start = calloc(n + 1, sizeof *start);
    half_tie *bucket = ecosys_i_alloc_array(m, sizeof *bucket);
    int rc = 0;
    if (!start || !bucket || alloc_ties(t, m)) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (size_t e = 0; e < m; e++) {
        size_t a = (size_t) IGRAPH_FROM(&g->ig, e), b = (size_t) IGRAPH_TO(&g->ig, e);
        start[(a < b ? a : b) + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    for (size_t e = 0; e < m; e++) {
        size_t a = (size_t) IGRAPH_FROM(&g->ig, e), b = (size_t) IGRAPH_TO(&g->ig, e);
        size_t lo = a < b ? a : b, hi = a < b ? b : a;
        bucket[start[lo]++] = (half_tie){hi, VECTOR(g->weights)[e]};
    }
    /* start[v] now ends bucket v; shift back. */
    for (size_t v = n; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        half_tie *list = bucket + start[v];
        size_t length = start[v + 1] - start[v];
        qsort(list, length, sizeof *list, compare_half);
        for (size_t i = 0; i < length; i++) {
            if (i > 0 && list[i].other == list[i - 1].other) {
                t->weight[k - 1] += list[i].weight;
                continue;
            }
            t->from[k] = v;
            t->to[k] = list[i].other;
            t->weight[k] = list[i].weight;
            k++;
        }
    }
    t->count = k;
    if (!weighted)
        for (size_t e = 0; e < k; e++)
            t->weight[e] = 1.0;
done:
    free(start);
    free(bucket);
    return rc;
}

int ecosys_i_ties_build(ecosys_i_ties *t, const ecosys_graph *g, int undirected, int weighted)
{
    memset(t, 0, sizeof *t);
    if (undirected && g->info.directed)
        return undirected_view(t, g, weighted);
    size_t m = g->info.tie_count;
    if (alloc_ties(t, m))
        return ECOSYS_ENOMEM;
    for (size_t e = 0; e < m; e++) {
        t->from[e] = (size_t) IGRAPH_FROM(&g->ig, e);
        t->to[e] = (size_t) IGRAPH_TO(&g->ig, e);
        t->weight[e] = weighted ? VECTOR(g->weights)[e] : 1.0;
    }
    t->count = m;
    return 0;
}
