/* CSR adjacency of a graph, built without igraph calls. See adjacency.h.
 *
 * Sorting without a comparison sort: bucketing arcs by one end gives lists
 * in arbitrary order; "transposing" lists (for v in increasing order, append
 * v to the list of each of its neighbours) gives lists sorted by
 * construction. Directed: arcs bucketed by target (unsorted in-lists),
 * transposed into out-lists (sorted), transposed back into in-lists
 * (sorted). Undirected: both directions bucketed into a scratch list,
 * transposed once (the relation is symmetric). All O(n + m). */
#include "graph/adjacency.h"

#include "core/error.h"
#include "graph/graph_internal.h"

#include <stdlib.h>
#include <string.h>

void ecosys_i_adjacency_destroy(ecosys_i_adjacency *adj)
{
    if (!adj)
        return;
    if (adj->in_start != adj->out_start) {
        free(adj->in_start);
        free(adj->in_nbr);
        free(adj->in_w);
    }
    if (adj->all_start != adj->out_start) {
        free(adj->all_start);
        free(adj->all_nbr);
        free(adj->all_w);
    }
    free(adj->out_start);
    free(adj->out_nbr);
    free(adj->out_w);
    memset(adj, 0, sizeof *adj);
}

/* One list: offsets, neighbours, weights (weights optional). */
typedef struct list {
    size_t *start;
    uint32_t *nbr;
    double *w;
} list;

static int list_alloc(list *l, size_t n, size_t arcs, int weights)
{
    l->start = calloc(n + 1, sizeof *l->start);
    l->nbr = malloc((arcs ? arcs : 1) * sizeof *l->nbr);
    l->w = weights ? malloc((arcs ? arcs : 1) * sizeof *l->w) : NULL;
    if (!l->start || !l->nbr || (weights && !l->w))
        return ecosys_i_error_nomem();
    return 0;
}

static void list_free(list *l)
{
    free(l->start);
    free(l->nbr);
    free(l->w);
    memset(l, 0, sizeof *l);
}

/* Turns counts in start[1..n] into offsets (start[0] = 0). */
static void counts_to_offsets(size_t *start, size_t n)
{
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
}

/* dst = transpose of src (same n, same arc count); dst->start already holds
 * the offsets. @p fill: scratch of n positions. */
static void transpose(list *dst, const list *src, size_t n, size_t *fill)
{
    memcpy(fill, dst->start, n * sizeof *fill);
    for (size_t v = 0; v < n; v++) {
        for (size_t k = src->start[v]; k < src->start[v + 1]; k++) {
            size_t at = fill[src->nbr[k]]++;
            dst->nbr[at] = (uint32_t) v;
            if (dst->w)
                dst->w[at] = src->w[k];
        }
    }
}

/* Pooled lists of a directed graph: merge of the sorted out- and in-lists. */
static int build_pooled(ecosys_i_adjacency *adj, int weights)
{
    size_t n = adj->n, total = 0;
    size_t *start = calloc(n + 1, sizeof *start);
    if (!start)
        return ecosys_i_error_nomem();
    for (size_t v = 0; v < n; v++) { /* count the union */
        size_t i = adj->out_start[v], ie = adj->out_start[v + 1];
        size_t j = adj->in_start[v], je = adj->in_start[v + 1], c = 0;
        while (i < ie || j < je) {
            if (j == je || (i < ie && adj->out_nbr[i] < adj->in_nbr[j]))
                i++;
            else if (i == ie || adj->in_nbr[j] < adj->out_nbr[i])
                j++;
            else
                i++, j++;
            c++;
        }
        start[v + 1] = c;
        total += c;
    }
    counts_to_offsets(start, n);
    adj->all_start = start;
    adj->all_nbr = malloc((total ? total : 1) * sizeof *adj->all_nbr);
    if (weights)
        adj->all_w = malloc((total ? total : 1) * sizeof *adj->all_w);
    if (!adj->all_nbr || (weights && !adj->all_w))
        return ecosys_i_error_nomem();
    for (size_t v = 0; v < n; v++) {
        size_t i = adj->out_start[v], ie = adj->out_start[v + 1];
        size_t j = adj->in_start[v], je = adj->in_start[v + 1], k = start[v];
        while (i < ie || j < je) {
            double w = 0;
            uint32_t u;
            if (j == je || (i < ie && adj->out_nbr[i] < adj->in_nbr[j])) {
                u = adj->out_nbr[i];
                w = weights ? adj->out_w[i] : 0;
                i++;
            } else if (i == ie || adj->in_nbr[j] < adj->out_nbr[i]) {
                u = adj->in_nbr[j];
                w = weights ? adj->in_w[j] : 0;
                j++;
            } else {
                u = adj->out_nbr[i];
                w = weights ? adj->out_w[i] + adj->in_w[j] : 0;
                i++, j++;
            }
            adj->all_nbr[k] = u;
            if (weights)
                adj->all_w[k] = w;
            k++;
        }
    }
    return 0;
}

int ecosys_i_adjacency_init(ecosys_i_adjacency *adj, const ecosys_graph *g, unsigned int parts)
{
    memset(adj, 0, sizeof *adj);
    size_t n = g->info.actor_count, m = g->info.tie_count;
    int weights = (parts & ECOSYS_I_ADJ_WEIGHTS) != 0, unit = (parts & ECOSYS_I_ADJ_UNIT) != 0;
    if (n >= UINT32_MAX)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED,
                              "graphs of 2^32 vertices or more are not supported here");
    adj->n = n;
    adj->directed = g->info.directed != 0;
    adj->arcs = adj->directed ? m : 2 * m;
    size_t *fill = malloc((n ? n : 1) * sizeof *fill);
    list a = {0}, b = {0};
    int rc = fill ? 0 : ecosys_i_error_nomem();
    if (!rc)
        rc = list_alloc(&a, n, adj->arcs, weights);
    if (!rc)
        rc = list_alloc(&b, n, adj->arcs, weights);
    if (rc)
        goto fail;

    /* Bucket: directed by target (a = unsorted in-lists), undirected both
     * ways (a = unsorted neighbour lists). */
    for (size_t e = 0; e < m; e++) {
        size_t s = (size_t) IGRAPH_FROM(&g->ig, e), t = (size_t) IGRAPH_TO(&g->ig, e);
        a.start[t + 1]++;
        if (!adj->directed)
            a.start[s + 1]++;
        else
            b.start[s + 1]++; /* out-degrees, for the transpose */
    }
    counts_to_offsets(a.start, n);
    memcpy(fill, a.start, n * sizeof *fill);
    for (size_t e = 0; e < m; e++) {
        size_t s = (size_t) IGRAPH_FROM(&g->ig, e), t = (size_t) IGRAPH_TO(&g->ig, e);
        double w = unit ? 1.0 : VECTOR(g->weights)[e];
        size_t at = fill[t]++;
        a.nbr[at] = (uint32_t) s;
        if (weights)
            a.w[at] = w;
        if (!adj->directed) {
            at = fill[s]++;
            a.nbr[at] = (uint32_t) t;
            if (weights)
                a.w[at] = w;
        }
    }
    if (!adj->directed) {
        memcpy(b.start, a.start, (n + 1) * sizeof *b.start);
        transpose(&b, &a, n, fill); /* sorted neighbour lists */
        list_free(&a);
        adj->out_start = adj->in_start = adj->all_start = b.start;
        adj->out_nbr = adj->in_nbr = adj->all_nbr = b.nbr;
        adj->out_w = adj->in_w = adj->all_w = b.w;
        free(fill);
        return 0;
    }
    counts_to_offsets(b.start, n);
    transpose(&b, &a, n, fill); /* b = sorted out-lists */
    transpose(&a, &b, n, fill); /* a = sorted in-lists (offsets unchanged) */
    adj->out_start = b.start, adj->out_nbr = b.nbr, adj->out_w = b.w;
    adj->in_start = a.start, adj->in_nbr = a.nbr, adj->in_w = a.w;
    free(fill);
    fill = NULL;
    rc = build_pooled(adj, weights);
    if (rc) {
        ecosys_i_adjacency_destroy(adj);
        return rc;
    }
    return 0;
fail:
    free(fill);
    list_free(&a);
    list_free(&b);
    memset(adj, 0, sizeof *adj);
    return rc;
}
