/* Comparing two waves (ecosys/waves.h): the union of the actors, the ties
 * formed, dissolved and persisting, Jaccard stability, presence, and the
 * closure of triads by the new ties. Groups, axes and the graph-level
 * measures are in wave_changes.c. Works on libecosys's own arrays (the
 * graph's edge list and the CSR adjacency of graph/adjacency.h); only the
 * graph-level measures call igraph, through their public functions. */
#include "dynamics/waves_internal.h"

#include "core/error.h"
#include "graph/dataset_internal.h"
#include "core/names.h"
#include "core/text_copy.h"
#include "graph/adjacency.h"
#include "graph/graph_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

int ecosys_waves_options_init(ecosys_waves_options *options, unsigned int version)
{
    if (!options || version != ECOSYS_WAVES_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_waves_options version %u", version);
    ecosys_waves_options defaults = ECOSYS_WAVES_OPTIONS_INIT;
    *options = defaults;
    return 0;
}

static const char *const measure_names[ECOSYS_WAVES_MEASURE_COUNT] = {
    "actors",
    "active_actors",
    "ties",
    "density",
    "mean_degree",
    "ei_index",
    "transitivity",
    "degree_centralization",
    "betweenness_centralization",
    "component_count",
    "largest_component_share",
    "brokerage_coordinator",
    "brokerage_itinerant",
    "brokerage_representative",
    "brokerage_gatekeeper",
    "brokerage_liaison",
    "brokerage_total",
};

const char *ecosys_waves_measure_name(int measure)
{
    return measure >= 0 && measure < ECOSYS_WAVES_MEASURE_COUNT ? measure_names[measure] : NULL;
}

/* ---- small helpers ---------------------------------------------------------- */

int ecosys_i_pair_compare(const void *x, const void *y)
{
    const ecosys_i_pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    return (p->b > q->b) - (p->b < q->b);
}

int ecosys_i_pair_find(const ecosys_i_pair *pairs, size_t count, ecosys_i_pair p)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ecosys_i_pair_compare(&pairs[mid], &p) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < count && ecosys_i_pair_compare(&pairs[lo], &p) == 0;
}

static void tie_set_dispose(ecosys_waves_tie_set *s)
{
    free(s->sources);
    free(s->targets);
    free(s->flags);
    free(s->by_group);
    free(s->by_axis);
    memset(s, 0, sizeof *s);
}

void ecosys_waves_dispose(ecosys_waves *w)
{
    if (!w)
        return;
    ecosys_i_names_free(w->actor_ids, w->actor_count);
    free(w->actor_presence);
    free(w->actor_group);
    ecosys_i_names_free(w->group_names, w->group_count);
    ecosys_i_names_free(w->axis_names, w->axis_count);
    tie_set_dispose(&w->formed);
    tie_set_dispose(&w->dissolved);
    tie_set_dispose(&w->persisting);
    ecosys_index_list_dispose(&w->entering);
    ecosys_index_list_dispose(&w->leaving);
    free(w->coordinator_id);
    memset(w, 0, sizeof *w);
    w->coordinator = NONE;
}

static void work_dispose(ecosys_i_waves_work *w)
{
    for (int i = 0; i < 2; i++) {
        free(w->to_union[i]);
        free(w->from_union[i]);
        free(w->edges[i]);
    }
    memset(w, 0, sizeof *w);
}

/* ---- the union of the actors ------------------------------------------------ */

/* The dataset actor of @p w's dataset 0 matching actor @p actor of dataset
 * 1, by id; NONE if there is none. */
static size_t actor_in_first(const ecosys_i_waves_work *w, size_t actor)
{
    if (w->dataset[0] == w->dataset[1])
        return actor;
    const char *id = ecosys_dataset_field(w->dataset[1], ECOSYS_TABLE_ACTORS, actor, "id");
    if (!id)
        return NONE;
    /* The internal lookup records no error: an id missing from the first
     * wave is an entering actor, not a failure. */
    size_t length = strlen(id);
    size_t index = ecosys_i_dataset_find_actor_hashed(w->dataset[0], id, length,
                                                      ecosys_i_strpool_hash(id, length));
    return index == SIZE_MAX ? NONE : index;
}

static int build_union(ecosys_i_waves_work *w)
{
    size_t n0 = w->n[0], n1 = w->n[1];
    if (n1 > SIZE_MAX / 2 || n0 > SIZE_MAX / 2 - n1)
        return ecosys_i_error_nomem();
    size_t cap = n0 + n1;
    w->to_union[0] = ecosys_i_zalloc_array(n0, sizeof(size_t));
    w->to_union[1] = ecosys_i_zalloc_array(n1, sizeof(size_t));
    w->from_union[0] = ecosys_i_zalloc_array(cap, sizeof(size_t));
    w->from_union[1] = ecosys_i_zalloc_array(cap, sizeof(size_t));
    if (!w->to_union[0] || !w->to_union[1] || !w->from_union[0] || !w->from_union[1])
        return ecosys_i_error_nomem();
    for (size_t u = 0; u < cap; u++)
        w->from_union[0][u] = w->from_union[1][u] = NONE;
    for (size_t v = 0; v < n0; v++) {
        w->to_union[0][v] = v;
        w->from_union[0][v] = v;
    }
    size_t next = n0;
    const ecosys_graph *g0 = w->graph[0], *g1 = w->graph[1];
    for (size_t v = 0; v < n1; v++) {
        size_t actor = actor_in_first(w, g1->vertex_actor[v]);
        size_t u = actor == NONE ? NONE : g0->actor_vertex[actor];
        if (u == NONE)
            u = next++;
        w->to_union[1][v] = u;
        w->from_union[1][u] = v;
    }
    w->union_count = next;
    return 0;
}

static int collect_edges(ecosys_i_waves_work *w, int i)
{
    const ecosys_graph *g = w->graph[i];
    size_t m = g->info.tie_count;
    w->edges[i] = ecosys_i_zalloc_array(m, sizeof(ecosys_i_pair));
    if (!w->edges[i])
        return ecosys_i_error_nomem();
    for (size_t e = 0; e < m; e++) {
        size_t s = (size_t) IGRAPH_FROM(&g->ig, (igraph_integer_t) e);
        size_t t = (size_t) IGRAPH_TO(&g->ig, (igraph_integer_t) e);
        size_t a = w->to_union[i][s], b = w->to_union[i][t];
        if (!w->directed && a > b) {
            size_t swap = a;
            a = b;
            b = swap;
        }
        w->edges[i][e] = (ecosys_i_pair){a, b};
    }
    qsort(w->edges[i], m, sizeof(ecosys_i_pair), ecosys_i_pair_compare);
    w->m[i] = m;
    return 0;
}

static int fill_ids(ecosys_waves *out, const ecosys_i_waves_work *w)
{
    size_t n = w->union_count;
    out->actor_ids = ecosys_i_zalloc_array(n, sizeof(char *));
    out->actor_presence = ecosys_i_zalloc_array(n, sizeof(unsigned int));
    if (!out->actor_ids || !out->actor_presence)
        return ecosys_i_error_nomem();
    out->actor_count = n;
    for (size_t u = 0; u < n; u++) {
        int i = w->from_union[0][u] != NONE ? 0 : 1;
        const ecosys_graph *g = w->graph[i];
        size_t actor = g->vertex_actor[w->from_union[i][u]];
        const char *id = ecosys_dataset_field(w->dataset[i], ECOSYS_TABLE_ACTORS, actor, "id");
        int rc = ecosys_i_text_copy(&out->actor_ids[u], id ? id : "");
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- ties: formed, dissolved, persisting ------------------------------------- */

static int tie_set_alloc(ecosys_waves_tie_set *s, size_t count, size_t k)
{
    s->count = count;
    s->sources = ecosys_i_zalloc_array(count, sizeof(size_t));
    s->targets = ecosys_i_zalloc_array(count, sizeof(size_t));
    s->flags = ecosys_i_zalloc_array(count, sizeof(unsigned int));
    s->by_group = k > 0 && k > SIZE_MAX / k ? NULL : ecosys_i_zalloc_array(k * k, sizeof(size_t));
    if (!s->sources || !s->targets || !s->flags || !s->by_group)
        return ecosys_i_error_nomem();
    return 0;
}

static void tie_set_add(ecosys_waves_tie_set *s, size_t *fill, ecosys_i_pair p,
                        const ecosys_waves *out)
{
    size_t i = (*fill)++;
    s->sources[i] = p.a;
    s->targets[i] = p.b;
    size_t k = out->group_count, g = out->actor_group[p.a], h = out->actor_group[p.b];
    if (g != h)
        s->flags[i] |= ECOSYS_WAVES_TIE_CROSSES_GROUPS;
    s->by_group[g * k + h]++;
    if (!out->directed && g != h)
        s->by_group[h * k + g]++;
}

static int classify_ties(ecosys_waves *out, const ecosys_i_waves_work *w)
{
    const ecosys_i_pair *e0 = w->edges[0], *e1 = w->edges[1];
    size_t m0 = w->m[0], m1 = w->m[1], both = 0;
    for (size_t i = 0, j = 0; i < m0 && j < m1;) {
        int c = ecosys_i_pair_compare(&e0[i], &e1[j]);
        both += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    size_t k = out->group_count;
    int rc;
    if ((rc = tie_set_alloc(&out->formed, m1 - both, k)) ||
        (rc = tie_set_alloc(&out->dissolved, m0 - both, k)) ||
        (rc = tie_set_alloc(&out->persisting, both, k)))
        return rc;
    size_t nf = 0, nd = 0, np = 0, i = 0, j = 0;
    while (i < m0 || j < m1) {
        int c = i == m0 ? 1 : j == m1 ? -1 : ecosys_i_pair_compare(&e0[i], &e1[j]);
        if (c < 0)
            tie_set_add(&out->dissolved, &nd, e0[i++], out);
        else if (c > 0)
            tie_set_add(&out->formed, &nf, e1[j++], out);
        else {
            tie_set_add(&out->persisting, &np, e0[i++], out);
            j++;
        }
    }
    out->ties_before = m0;
    out->ties_after = m1;
    size_t either = m0 + m1 - both;
    out->jaccard = either ? (double) both / (double) either : NAN;
    for (size_t t = 0; t < out->formed.count; t++)
        out->formed_crossing_groups +=
            (out->formed.flags[t] & ECOSYS_WAVES_TIE_CROSSES_GROUPS) != 0;
    return 0;
}

/* ---- presence: entering and leaving ------------------------------------------ */

static int index_list_alloc(ecosys_index_list *list, size_t count)
{
    list->items = ecosys_i_zalloc_array(count, sizeof(size_t));
    list->count = 0;
    return list->items ? 0 : ecosys_i_error_nomem();
}

static int presence(ecosys_waves *out, const ecosys_i_waves_work *w, unsigned int flags)
{
    size_t n = w->union_count;
    for (size_t u = 0; u < n; u++) {
        if (w->from_union[0][u] != NONE)
            out->actor_presence[u] |= ECOSYS_WAVES_IN_BEFORE;
        if (w->from_union[1][u] != NONE)
            out->actor_presence[u] |= ECOSYS_WAVES_IN_AFTER;
    }
    for (int i = 0; i < 2; i++) {
        unsigned int tied = i == 0 ? ECOSYS_WAVES_TIED_BEFORE : ECOSYS_WAVES_TIED_AFTER;
        for (size_t e = 0; e < w->m[i]; e++) {
            out->actor_presence[w->edges[i][e].a] |= tied;
            out->actor_presence[w->edges[i][e].b] |= tied;
        }
    }
    unsigned int in0 = ECOSYS_WAVES_TIED_BEFORE, in1 = ECOSYS_WAVES_TIED_AFTER;
    if (flags & ECOSYS_WAVES_PRESENCE_VERTEX) {
        in0 = ECOSYS_WAVES_IN_BEFORE;
        in1 = ECOSYS_WAVES_IN_AFTER;
    }
    size_t entering = 0, leaving = 0;
    for (size_t u = 0; u < n; u++) {
        int p0 = (out->actor_presence[u] & in0) != 0, p1 = (out->actor_presence[u] & in1) != 0;
        out->present_before += (size_t) p0;
        out->present_after += (size_t) p1;
        entering += (size_t) (p1 && !p0);
        leaving += (size_t) (p0 && !p1);
    }
    int rc;
    if ((rc = index_list_alloc(&out->entering, entering)) ||
        (rc = index_list_alloc(&out->leaving, leaving)))
        return rc;
    for (size_t u = 0; u < n; u++) {
        int p0 = (out->actor_presence[u] & in0) != 0, p1 = (out->actor_presence[u] & in1) != 0;
        if (p1 && !p0)
            out->entering.items[out->entering.count++] = u;
        if (p0 && !p1)
            out->leaving.items[out->leaving.count++] = u;
    }
    return 0;
}

/* ---- triad closure ------------------------------------------------------------ */

static int triad_closure(ecosys_waves *out, const ecosys_i_waves_work *w)
{
    ecosys_i_adjacency adj;
    int rc = ecosys_i_adjacency_init(&adj, w->graph[0], 0);
    if (rc)
        return rc;
    size_t n0 = w->n[0], c = out->coordinator;
    ecosys_waves_tie_set *f = &out->formed;
    for (size_t t = 0; t < f->count; t++) {
        size_t a = f->sources[t], b = f->targets[t];
        if (a >= n0 || b >= n0) /* union indices below n0 are before vertices */
            continue;
        const uint32_t *na = adj.all_nbr + adj.all_start[a], *nb = adj.all_nbr + adj.all_start[b];
        size_t da = adj.all_start[a + 1] - adj.all_start[a];
        size_t db = adj.all_start[b + 1] - adj.all_start[b];
        if (!ecosys_i_adjacency_common_neighbour(&adj, (uint32_t) a, (uint32_t) b))
            continue;
        f->flags[t] |= ECOSYS_WAVES_TIE_CLOSES_TRIAD;
        out->formed_closing_triad++;
        if (c < n0 && c != a && c != b &&
            ecosys_i_adjacency_find(na, 0, da, (uint32_t) c) != SIZE_MAX &&
            ecosys_i_adjacency_find(nb, 0, db, (uint32_t) c) != SIZE_MAX) {
            f->flags[t] |= ECOSYS_WAVES_TIE_THROUGH_COORDINATOR;
            out->formed_through_coordinator++;
        }
    }
    ecosys_i_adjacency_destroy(&adj);
    size_t formed = f->count;
    out->triad_closure_share =
        formed ? (double) out->formed_closing_triad / (double) formed : NAN;
    out->coordinator_share = out->formed_closing_triad && out->coordinator_id
                                 ? (double) out->formed_through_coordinator /
                                       (double) out->formed_closing_triad
                                 : NAN;
    out->crossing_share = formed ? (double) out->formed_crossing_groups / (double) formed : NAN;
    return 0;
}

/* ---- the coordinator ------------------------------------------------------------ */

static int find_coordinator(ecosys_waves *out, const ecosys_i_waves_work *w, const char *id)
{
    out->coordinator = NONE;
    if (!id)
        return 0;
    int rc = ecosys_i_text_copy(&out->coordinator_id, id);
    if (rc)
        return rc;
    int known = 0;
    for (int i = 0; i < 2; i++) {
        size_t actor;
        if (ecosys_dataset_find_actor(&actor, w->dataset[i], id) != 0)
            continue;
        known = 1;
        size_t v = w->graph[i]->actor_vertex[actor];
        if (v != NONE) {
            out->coordinator = w->to_union[i][v];
            break;
        }
    }
    if (!known)
        return ecosys_i_error(ECOSYS_ENOTFOUND, "coordinator \"%s\" is not an actor of %s", id,
                              w->dataset[0] == w->dataset[1] ? "the dataset"
                                                             : "either dataset");
    ecosys_error_clear();
    return 0;
}

/* ---- entry points ---------------------------------------------------------------- */

static int check_options(const ecosys_waves_options *o)
{
    if (o->version != ECOSYS_WAVES_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_waves_options version %u",
                              o->version);
    unsigned int known = ECOSYS_NO_PATHS | ECOSYS_WAVES_PRESENCE_VERTEX |
                         ECOSYS_WAVES_NO_BROKERAGE;
    if (o->flags & ~known)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_waves_compare: unknown flags 0x%x (accepted: "
                              "ECOSYS_NO_PATHS, ECOSYS_WAVES_PRESENCE_VERTEX, "
                              "ECOSYS_WAVES_NO_BROKERAGE)",
                              o->flags & ~known);
    if (!o->before_groups != !o->after_groups)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_waves_compare: give both partitions or neither");
    return 0;
}

int ecosys_waves_compare(ecosys_waves *out, const ecosys_graph *before, const ecosys_graph *after,
                         const ecosys_waves_options *options)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_waves_compare: NULL argument");
    memset(out, 0, sizeof *out);
    out->coordinator = NONE;
    if (!before || !after)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_waves_compare: NULL argument");
    ecosys_waves_options defaults = ECOSYS_WAVES_OPTIONS_INIT;
    const ecosys_waves_options *o = options ? options : &defaults;
    int rc = check_options(o);
    if (rc)
        return rc;
    if (before->info.directed != after->info.directed)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_waves_compare: one graph is directed and the other not");

    ecosys_i_waves_work w = {
        .graph = {before, after},
        .dataset = {before->dataset, after->dataset},
        .snapshot = {o->before_snapshot, o->after_snapshot},
        .directed = before->info.directed,
        .n = {before->info.actor_count, after->info.actor_count},
    };
    out->directed = w.directed;
    out->flags = o->flags;
    if ((rc = build_union(&w)) || (rc = collect_edges(&w, 0)) || (rc = collect_edges(&w, 1)) ||
        (rc = fill_ids(out, &w)) || (rc = find_coordinator(out, &w, o->coordinator)) ||
        (rc = ecosys_i_waves_groups(out, &w, o)) || (rc = classify_ties(out, &w)) ||
        (rc = presence(out, &w, o->flags)) || (rc = triad_closure(out, &w)) ||
        (rc = ecosys_i_waves_axes(out, &w)) || (rc = ecosys_i_waves_measures(out, &w, o->flags))) {
        work_dispose(&w);
        ecosys_waves_dispose(out);
        return rc;
    }
    work_dispose(&w);
    return 0;
}

int ecosys_waves_compare_snapshots(ecosys_waves *out, const ecosys_dataset *dataset,
                                   const ecosys_graph_options *before_snapshot,
                                   const ecosys_graph_options *after_snapshot,
                                   const ecosys_waves_options *options)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_waves_compare_snapshots: NULL argument");
    memset(out, 0, sizeof *out);
    out->coordinator = NONE;
    if (!dataset)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_waves_compare_snapshots: NULL argument");
    ecosys_waves_options o = ECOSYS_WAVES_OPTIONS_INIT;
    if (options) {
        if (options->version != ECOSYS_WAVES_OPTIONS_VERSION)
            return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_waves_options version %u",
                                  options->version);
        if (options->before_groups || options->after_groups)
            return ecosys_i_error(ECOSYS_EINVAL,
                                  "ecosys_waves_compare_snapshots: partitions cannot be given "
                                  "(the graphs are built here); group by an attribute");
        o = *options;
    }
    o.before_snapshot = before_snapshot;
    o.after_snapshot = after_snapshot;
    ecosys_graph *g0 = NULL, *g1 = NULL;
    int rc = ecosys_graph_new(&g0, dataset, before_snapshot);
    if (rc)
        return ecosys_i_error_prefix("before snapshot");
    if ((rc = ecosys_graph_new(&g1, dataset, after_snapshot))) {
        ecosys_graph_free(g0);
        return ecosys_i_error_prefix("after snapshot");
    }
    rc = ecosys_waves_compare(out, g0, g1, &o);
    ecosys_graph_free(g0);
    ecosys_graph_free(g1);
    return rc;
}
