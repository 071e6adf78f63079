/* Helpers shared by the measures: argument checks, modes, the undirected
 * view of a directed graph, renumbered components. See measures_internal.h. */
#include "measures/measures_internal.h"

#include "core/error.h"

#include <stdlib.h>

int ecosys_i_measure_args(const void *out, const ecosys_graph *graph, unsigned int flags,
                          unsigned int allowed, const char *what)
{
    if (!out || !graph)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", what);
    if (flags & ~allowed)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: flags 0x%x not accepted (accepted: 0x%x)",
                              what, flags & ~allowed, allowed);
    return 0;
}

igraph_neimode_t ecosys_i_mode(unsigned int flags, igraph_neimode_t fallback)
{
    switch (flags & ECOSYS_I_MODE_BITS) {
    case ECOSYS_MODE_OUT:
        return IGRAPH_OUT;
    case ECOSYS_MODE_IN:
        return IGRAPH_IN;
    case ECOSYS_MODE_ALL:
        return IGRAPH_ALL;
    default:
        return fallback;
    }
}

void ecosys_i_view_destroy(ecosys_i_view *view)
{
    if (view->has_own_lengths)
        igraph_vector_destroy(&view->own_lengths);
    if (view->has_own_weights)
        igraph_vector_destroy(&view->own_weights);
    if (view->has_own_graph)
        igraph_destroy(&view->own_graph);
    view->has_own_lengths = view->has_own_weights = view->has_own_graph = 0;
}

/* One arc with its direction dropped. */
typedef struct pair {
    igraph_integer_t lo, hi;
    double weight;
} pair;

static int compare_pairs(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->lo != y->lo)
        return (x->lo > y->lo) - (x->lo < y->lo);
    return (x->hi > y->hi) - (x->hi < y->hi);
}

/* The undirected simple version of a directed graph: reciprocated arcs
 * merged, weights summed. */
static igraph_error_t build_undirected(ecosys_i_view *view, const ecosys_graph *g)
{
    igraph_integer_t m = igraph_ecount(&g->ig), k = 0;
    pair *pairs = malloc((m ? (size_t) m : 1) * sizeof *pairs);
    IGRAPH_CHECK_OOM(pairs, "undirected view");
    IGRAPH_FINALLY(free, pairs);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(&g->ig, e), to = IGRAPH_TO(&g->ig, e);
        pairs[e].lo = from < to ? from : to;
        pairs[e].hi = from < to ? to : from;
        pairs[e].weight = VECTOR(g->weights)[e];
    }
    qsort(pairs, (size_t) m, sizeof *pairs, compare_pairs);
    for (igraph_integer_t e = 0; e < m; e++) {
        if (k > 0 && pairs[k - 1].lo == pairs[e].lo && pairs[k - 1].hi == pairs[e].hi)
            pairs[k - 1].weight += pairs[e].weight;
        else
            pairs[k++] = pairs[e];
    }
    igraph_vector_int_t edges;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 2 * k);
    for (igraph_integer_t e = 0; e < k; e++) {
        VECTOR(edges)[2 * e] = pairs[e].lo;
        VECTOR(edges)[2 * e + 1] = pairs[e].hi;
    }
    IGRAPH_CHECK(igraph_create(&view->own_graph, &edges, igraph_vcount(&g->ig),
                               IGRAPH_UNDIRECTED));
    view->has_own_graph = 1;
    IGRAPH_CHECK(igraph_vector_init(&view->own_weights, k));
    view->has_own_weights = 1;
    for (igraph_integer_t e = 0; e < k; e++)
        VECTOR(view->own_weights)[e] = pairs[e].weight;
    igraph_vector_int_destroy(&edges);
    free(pairs);
    IGRAPH_FINALLY_CLEAN(2);
    view->ig = &view->own_graph;
    view->weights = &view->own_weights;
    return IGRAPH_SUCCESS;
}

igraph_error_t ecosys_i_view_init(ecosys_i_view *view, const ecosys_graph *g, int undirected,
                                  int lengths)
{
    view->has_own_graph = view->has_own_weights = view->has_own_lengths = 0;
    view->ig = &g->ig;
    view->weights = &g->weights;
    view->lengths = NULL;
    IGRAPH_FINALLY(ecosys_i_view_destroy, view);
    if (undirected && igraph_is_directed(&g->ig))
        IGRAPH_CHECK(build_undirected(view, g));
    if (lengths) {
        igraph_integer_t m = igraph_vector_size(view->weights);
        IGRAPH_CHECK(igraph_vector_init(&view->own_lengths, m));
        view->has_own_lengths = 1;
        for (igraph_integer_t e = 0; e < m; e++)
            VECTOR(view->own_lengths)[e] = 1.0 / VECTOR(*view->weights)[e];
        view->lengths = &view->own_lengths;
    }
    return IGRAPH_SUCCESS;
}

igraph_error_t ecosys_i_components(const igraph_t *ig, igraph_vector_int_t *membership,
                                   igraph_vector_int_t *sizes)
{
    igraph_integer_t n = igraph_vcount(ig), count = 0;
    IGRAPH_CHECK(igraph_connected_components(ig, membership, NULL, &count, IGRAPH_WEAK));
    /* igraph numbers components as its search meets them, which is already
     * the order of their first vertex; renumber anyway so the contract
     * does not rest on an implementation detail. */
    igraph_vector_int_t renumber;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&renumber, count);
    igraph_vector_int_fill(&renumber, -1);
    IGRAPH_CHECK(igraph_vector_int_resize(sizes, count));
    igraph_vector_int_null(sizes);
    igraph_integer_t next = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(*membership)[v];
        if (VECTOR(renumber)[c] < 0)
            VECTOR(renumber)[c] = next++;
        c = VECTOR(renumber)[c];
        VECTOR(*membership)[v] = c;
        VECTOR(*sizes)[c]++;
    }
    igraph_vector_int_destroy(&renumber);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}
