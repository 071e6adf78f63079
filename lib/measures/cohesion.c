/* Cohesion of the neighbourhood and of the whole: local clustering, core
 * numbers, components, articulation points, bridges. See ecosys/measures.h
 * and docs/measures.md. */
#include "measures/measures_internal.h"

#include "core/error.h"
#include "core/igraph_guard.h"

#include <stdlib.h>
#include <string.h>

/* ---- local clustering --------------------------------------------------- */

int ecosys_local_clustering(double *out, const ecosys_graph *g, unsigned int flags)
{
    /* No flag: weights and direction are ignored, so none is meaningful
     * (ECOSYS_WEIGHTED is refused rather than silently ignored). */
    int rc = ecosys_i_measure_args(out, g, flags, 0, "ecosys_local_clustering");
    if (rc)
        return rc;
    return ecosys_i_clustering(out, NULL, g); /* clustering.c: no igraph */
}

/* ---- core number -------------------------------------------------------- */

static igraph_error_t core_number_impl(size_t *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    igraph_vector_int_t cores;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cores, n);
    /* Directed graphs: the k-core by in-, out- or in+out degree (mode ALL,
     * the default: a reciprocated pair counts 2, as in igraph and NetworkX). */
    IGRAPH_CHECK(igraph_coreness(&g->ig, &cores, ecosys_i_mode(flags, IGRAPH_ALL)));
    for (igraph_integer_t v = 0; v < n; v++)
        out[v] = (size_t) VECTOR(cores)[v];
    igraph_vector_int_destroy(&cores);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

int ecosys_core_number(size_t *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_I_MODE_BITS, "ecosys_core_number");
    if (rc)
        return rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = core_number_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "core number");
}

/* ---- components --------------------------------------------------------- */

static igraph_error_t components_impl(size_t *membership, size_t *count, const ecosys_graph *g)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    igraph_vector_int_t member, sizes;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&member, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sizes, 0);
    IGRAPH_CHECK(ecosys_i_components(&g->ig, &member, &sizes));
    for (igraph_integer_t v = 0; v < n; v++)
        membership[v] = (size_t) VECTOR(member)[v];
    *count = (size_t) igraph_vector_int_size(&sizes);
    igraph_vector_int_destroy(&sizes);
    igraph_vector_int_destroy(&member);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

int ecosys_components(size_t *out_membership, size_t *out_count, const ecosys_graph *g)
{
    int rc = ecosys_i_measure_args(out_membership, g, 0, 0, "ecosys_components");
    if (rc)
        return rc;
    size_t count = 0;
    if (g->info.actor_count > 0) {
        ecosys_i_igraph_lock();
        igraph_error_t irc = components_impl(out_membership, &count, g);
        if ((rc = ecosys_i_igraph_unlock(irc, "components")))
            return rc;
    }
    if (out_count)
        *out_count = count;
    return 0;
}

/* ---- articulation points and bridges (cut_points.c: no igraph) ----------- */

int ecosys_articulation_points(ecosys_index_list *out, const ecosys_graph *g)
{
    int rc = ecosys_i_measure_args(out, g, 0, 0, "ecosys_articulation_points");
    if (rc)
        return rc;
    out->items = NULL;
    out->count = 0;
    size_t n = g->info.actor_count, count = 0;
    if (n == 0)
        return 0;
    unsigned char *is_point = malloc(n);
    if (!is_point)
        return ecosys_i_error_nomem();
    if ((rc = ecosys_i_cut_elements(is_point, NULL, NULL, g))) {
        free(is_point);
        return rc;
    }
    for (size_t v = 0; v < n; v++)
        count += is_point[v];
    size_t *items = count ? malloc(count * sizeof *items) : NULL;
    if (count && !items) {
        free(is_point);
        return ecosys_i_error_nomem();
    }
    for (size_t v = 0, k = 0; v < n; v++)
        if (is_point[v])
            items[k++] = v; /* increasing vertex order */
    free(is_point);
    out->items = items;
    out->count = count;
    return 0;
}

typedef struct bridge {
    size_t source, target;
} bridge;

static int compare_bridges(const void *a, const void *b)
{
    const bridge *x = a, *y = b;
    if (x->source != y->source)
        return (x->source > y->source) - (x->source < y->source);
    return (x->target > y->target) - (x->target < y->target);
}

/* The bridges as pairs source < target, sorted. */
static int bridges_found(bridge **found, size_t *count, const ecosys_graph *g)
{
    size_t n = g->info.actor_count, k = 0;
    unsigned char *bridge_child = malloc(n);
    uint32_t *parent = malloc(n * sizeof *parent);
    int rc = bridge_child && parent ? ecosys_i_cut_elements(NULL, bridge_child, parent, g)
                                    : ecosys_i_error_nomem();
    for (size_t v = 0; !rc && v < n; v++)
        k += bridge_child[v];
    bridge *list = rc ? NULL : malloc((k ? k : 1) * sizeof *list);
    if (!rc && !list)
        rc = ecosys_i_error_nomem();
    for (size_t v = 0, i = 0; !rc && v < n; v++) {
        if (!bridge_child[v])
            continue;
        size_t p = parent[v];
        list[i].source = p < v ? p : v;
        list[i].target = p < v ? v : p;
        i++;
    }
    free(bridge_child);
    free(parent);
    if (rc)
        return rc;
    qsort(list, k, sizeof *list, compare_bridges);
    *found = list;
    *count = k;
    return 0;
}

int ecosys_bridges(ecosys_pair_list *out, const ecosys_graph *g)
{
    int rc = ecosys_i_measure_args(out, g, 0, 0, "ecosys_bridges");
    if (rc)
        return rc;
    out->sources = out->targets = NULL;
    out->count = 0;
    if (g->info.actor_count == 0)
        return 0;
    bridge *list = NULL;
    size_t count = 0;
    if ((rc = bridges_found(&list, &count, g)))
        return rc;
    size_t *sources = count ? malloc(count * sizeof *sources) : NULL;
    size_t *targets = count ? malloc(count * sizeof *targets) : NULL;
    if (count && (!sources || !targets)) {
        free(sources);
        free(targets);
        free(list);
        return ecosys_i_error_nomem();
    }
    for (size_t i = 0; i < count; i++) {
        sources[i] = list[i].source;
        targets[i] = list[i].target;
    }
    free(list);
    out->sources = sources;
    out->targets = targets;
    out->count = count;
    return 0;
}
