/* Building a graph from a dataset: snapshot and filters, then the tie
 * conventions (weight 0 is data only, self-ties ignored, repeated ties
 * summed). See ecosys/graph.h. */
#include "graph/graph_internal.h"

#include "core/error.h"
#include "core/igraph_guard.h"
#include "graph/dataset_internal.h"

#include <stdlib.h>
#include <string.h>

#define NO_VERTEX SIZE_MAX
#define NOT_PARSED INT32_MIN

int ecosys_graph_options_init(ecosys_graph_options *options, unsigned int version)
{
    if (!options || version != ECOSYS_GRAPH_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_graph_options version %u", version);
    ecosys_graph_options defaults = ECOSYS_GRAPH_OPTIONS_INIT;
    *options = defaults;
    return 0;
}

int ecosys_i_snapshot_window(ecosys_i_window *w, const ecosys_graph_options *o)
{
    w->active = 0;
    w->first = INT32_MIN + 1;
    w->last = INT32_MAX;
    int32_t first, last;
    if (o->at) {
        if (o->from || o->to)
            return ecosys_i_error(ECOSYS_EINVAL, "snapshot: give either at or from/to, not both");
        if (ecosys_date_parse(&first, &last, o->at))
            return ecosys_i_error_prefix("snapshot date (at)");
        *w = (ecosys_i_window){1, first, last};
        return 0;
    }
    if (o->from) {
        if (ecosys_date_parse(&first, &last, o->from))
            return ecosys_i_error_prefix("snapshot start (from)");
        w->first = first;
        w->active = 1;
    }
    if (o->to) {
        if (ecosys_date_parse(&first, &last, o->to))
            return ecosys_i_error_prefix("snapshot end (to)");
        w->last = last;
        w->active = 1;
    }
    return 0;
}

/* The snapshot window, from no later than to. */
static int parse_window(ecosys_i_window *w, const ecosys_graph_options *o)
{
    int rc = ecosys_i_snapshot_window(w, o);
    if (rc)
        return rc;
    if (w->first > w->last)
        return ecosys_i_error(ECOSYS_EINVAL, "snapshot: from \"%s\" is after to \"%s\"", o->from,
                              o->to);
    return 0;
}

/* Tie dates parsed once per distinct string (index into the pool). */
typedef struct date_cache {
    int32_t *first;
    int32_t *last;
} date_cache;

static void date_of(const ecosys_dataset *ds, date_cache *cache, uint32_t text,
                    int32_t *first, int32_t *last)
{
    if (cache->first[text] == NOT_PARSED)
        /* Validated when the tie was added, so it parses. */
        ecosys_date_parse(&cache->first[text], &cache->last[text],
                          ecosys_i_strpool_get(&ds->pool, text));
    *first = cache->first[text];
    *last = cache->last[text];
}

static int tie_in_window(const ecosys_dataset *ds, date_cache *cache, const ecosys_i_window *w,
                         size_t t)
{
    int32_t start = INT32_MIN + 1, end = INT32_MAX, unused;
    uint32_t first = ecosys_i_tie_text(&ds->tie_start, t);
    uint32_t last = ecosys_i_tie_text(&ds->tie_end, t);
    if (first)
        date_of(ds, cache, first, &start, &unused);
    if (last)
        date_of(ds, cache, last, &unused, &end);
    return start <= w->last && end >= w->first;
}

/* Which pool index a filter string has; 0 = no filter; UINT32_MAX = the
 * value occurs nowhere, so nothing matches. */
static uint32_t filter_value(const ecosys_dataset *ds, const char *text)
{
    uint32_t index;
    if (!text)
        return 0;
    if (!text[0] || !ecosys_i_strpool_lookup(&index, &ds->pool, text))
        return UINT32_MAX;
    return index;
}

/* A tie that passed the filters, bucketed by its (lower) source vertex: the
 * other end in the high 32 bits, the tie index in the low ones. 8 bytes where
 * a (vertex, weight) pair takes 16, to keep the memory of building a graph
 * low: the weight is read from the dataset when merging. Sorting a bucket's
 * keys orders it by other end, then repeated ties in dataset order, so their
 * weights are summed in that order. */
typedef uint64_t candidate;

#define OTHER_END(c) ((size_t) ((c) >> 32))
#define TIE_OF(c) ((size_t) ((c) & UINT32_MAX))

static int compare_candidates(const void *a, const void *b)
{
    candidate x = *(const candidate *) a, y = *(const candidate *) b;
    return (x > y) - (x < y);
}

/* Buckets are short (a vertex's ties with higher vertices): insertion sort,
 * and qsort for the few large ones. */
static void sort_bucket(candidate *c, size_t count)
{
    if (count > 32) {
        qsort(c, count, sizeof *c, compare_candidates);
        return;
    }
    for (size_t i = 1; i < count; i++) {
        candidate x = c[i];
        size_t j = i;
        for (; j > 0 && c[j - 1] > x; j--)
            c[j] = c[j - 1];
        c[j] = x;
    }
}

typedef struct builder {
    const ecosys_dataset *ds;
    ecosys_graph *g;
    size_t n;                  /* vertices before dropping isolates */
    size_t *offsets;           /* bucket start per source vertex, n + 1 */
    candidate *cands;          /* bucketed by (lower) source vertex */
    size_t cand_count;
    igraph_vector_int_t edges; /* merged: from, to, from, to... as igraph_create() takes them */
    int have_edges;
    ecosys_i_column weights;   /* merged weights, compact while igraph_create() runs */
    size_t edge_count;
} builder;

static void builder_dispose(builder *b)
{
    free(b->offsets);
    free(b->cands);
    ecosys_i_column_dispose(&b->weights);
    if (b->have_edges) {
        ecosys_i_igraph_lock();
        igraph_vector_int_destroy(&b->edges);
        ecosys_i_igraph_unlock(IGRAPH_SUCCESS, "building the graph");
    }
}

static int select_actors(builder *b, const ecosys_graph_options *o)
{
    const ecosys_dataset *ds = b->ds;
    ecosys_graph *g = b->g;
    uint32_t territory = filter_value(ds, o->territory);
    g->actor_vertex = malloc((ds->actor_count ? ds->actor_count : 1) * sizeof(size_t));
    g->vertex_actor = malloc((ds->actor_count ? ds->actor_count : 1) * sizeof(size_t));
    if (!g->actor_vertex || !g->vertex_actor)
        return ecosys_i_error_nomem();
    size_t n = 0;
    for (size_t a = 0; a < ds->actor_count; a++) {
        if (territory && ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_TERRITORY, a) != territory) {
            g->actor_vertex[a] = NO_VERTEX;
            continue;
        }
        g->actor_vertex[a] = n;
        g->vertex_actor[n++] = a;
    }
    b->n = n;
    return 0;
}

/* Decides for each tie whether it becomes a candidate edge, and returns its
 * ends through *u, *v (u < v when undirected). */
static int tie_is_edge(builder *b, const ecosys_graph_options *o, const ecosys_i_window *w,
                       date_cache *cache, uint32_t kind, uint32_t axis, size_t t, size_t *u,
                       size_t *v, int count)
{
    const ecosys_dataset *ds = b->ds;
    ecosys_graph_info *info = &b->g->info;
    size_t x = b->g->actor_vertex[ds->tie_source[t]];
    size_t y = b->g->actor_vertex[ds->tie_target[t]];
    if (x == NO_VERTEX || y == NO_VERTEX || (kind && ecosys_i_tie_text(&ds->tie_kind, t) != kind) ||
        (axis && ecosys_i_tie_text(&ds->tie_axis, t) != axis) ||
        (w->active && !tie_in_window(ds, cache, w, t))) {
        info->ties_filtered_out += count;
        return 0;
    }
    if (ecosys_i_tie_weight(ds, t) == 0) {
        info->zero_weight_ties += count;
        return 0;
    }
    if (x == y) {
        info->self_ties += count;
        return 0;
    }
    if (!info->directed && x > y) {
        size_t swap = x;
        x = y;
        y = swap;
    }
    *u = x;
    *v = y;
    return 1;
}

static int collect_candidates(builder *b, const ecosys_graph_options *o, const ecosys_i_window *w)
{
    const ecosys_dataset *ds = b->ds;
    if (ds->tie_count > UINT32_MAX) /* a candidate holds a tie index in 32 bits */
        return ecosys_i_error(ECOSYS_ERROR, "too many ties for a graph (limit %u)",
                              (unsigned) UINT32_MAX);
    uint32_t kind = filter_value(ds, o->kind), axis = filter_value(ds, o->axis);
    date_cache cache = {NULL, NULL};
    int rc = 0;
    if (w->active) {
        cache.first = malloc(((size_t) ds->pool.count) * sizeof(int32_t));
        cache.last = malloc(((size_t) ds->pool.count) * sizeof(int32_t));
        if (!cache.first || !cache.last) {
            rc = ecosys_i_error_nomem();
            goto done;
        }
        for (uint32_t i = 0; i < ds->pool.count; i++)
            cache.first[i] = NOT_PARSED;
    }
    b->offsets = calloc(b->n + 1, sizeof(size_t));
    if (!b->offsets) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    /* Counting sort by source vertex: count, prefix sums, place. */
    size_t u, v;
    for (size_t t = 0; t < ds->tie_count; t++)
        if (tie_is_edge(b, o, w, &cache, kind, axis, t, &u, &v, 1))
            b->offsets[u + 1]++;
    for (size_t i = 0; i < b->n; i++)
        b->offsets[i + 1] += b->offsets[i];
    b->cand_count = b->offsets[b->n];
    b->cands = malloc((b->cand_count ? b->cand_count : 1) * sizeof *b->cands);
    size_t *fill = malloc((b->n ? b->n : 1) * sizeof *fill);
    if (!b->cands || !fill) {
        free(fill);
        rc = ecosys_i_error_nomem();
        goto done;
    }
    memcpy(fill, b->offsets, b->n * sizeof *fill);
    for (size_t t = 0; t < ds->tie_count; t++)
        if (tie_is_edge(b, o, w, &cache, kind, axis, t, &u, &v, 0))
            b->cands[fill[u]++] = (candidate) v << 32 | t;
    free(fill);
done:
    free(cache.first);
    free(cache.last);
    return rc;
}

/* Sorts each bucket and counts the distinct edges, so that the igraph
 * vectors are allocated at their final size. */
static size_t sort_candidates(builder *b)
{
    size_t m = 0;
    for (size_t u = 0; u < b->n; u++) {
        candidate *first = b->cands + b->offsets[u];
        size_t count = b->offsets[u + 1] - b->offsets[u];
        sort_bucket(first, count);
        for (size_t i = 0; i < count; i++)
            m += i == 0 || OTHER_END(first[i]) != OTHER_END(first[i - 1]);
    }
    return m;
}

/* Merges repeated ties into the edge list and the compact weights, then
 * frees the candidates. The weights stay compact (1 or 2 bytes an edge when
 * they take few values, see column.h) until igraph_create() has built its
 * indices, the peak of building a graph; only then do they become igraph's
 * vector of doubles. */
static int merge_candidates(builder *b)
{
    ecosys_graph *g = b->g;
    const ecosys_dataset *ds = b->ds;
    size_t m = sort_candidates(b);
    ecosys_i_column_init(&b->weights, sizeof(double));
    int err = ecosys_i_column_reserve(&b->weights, m, 0);
    if (err)
        return err;
    ecosys_i_igraph_lock();
    igraph_error_t rc = igraph_vector_int_init(&b->edges, (igraph_integer_t) (2 * m));
    b->have_edges = rc == IGRAPH_SUCCESS;
    if ((err = ecosys_i_igraph_unlock(rc, "building the graph")))
        return err;
    /* Weights are read at random: prefetch their rows a few candidates ahead. */
    enum { AHEAD = 16 };
    size_t e = 0;
    for (size_t u = 0; u < b->n; u++) {
        size_t end = b->offsets[u + 1];
        for (size_t k = b->offsets[u]; k < end;) {
            size_t v = OTHER_END(b->cands[k]);
            double weight = 0;
            for (; k < end && OTHER_END(b->cands[k]) == v; k++) { /* repeated ties, in order */
                if (k + AHEAD < b->cand_count)
                    ECOSYS_I_PREFETCH(ecosys_i_column_row(&ds->tie_weight,
                                                          TIE_OF(b->cands[k + AHEAD])));
                weight += ecosys_i_tie_weight(ds, TIE_OF(b->cands[k]));
            }
            if ((err = ecosys_i_column_append(&b->weights, e, ecosys_i_double_bits(weight))))
                return err;
            VECTOR(b->edges)[2 * e] = (igraph_integer_t) u;
            VECTOR(b->edges)[2 * e + 1] = (igraph_integer_t) v;
            e++;
        }
    }
    b->edge_count = m;
    g->info.merged_ties = b->cand_count - m;
    free(b->cands);
    b->cands = NULL;
    return 0;
}

/* Renumbers vertices to leave out those without edges. */
static int drop_isolates(builder *b)
{
    ecosys_graph *g = b->g;
    size_t *keep = calloc(b->n ? b->n : 1, sizeof *keep);
    if (!keep)
        return ecosys_i_error_nomem();
    igraph_integer_t *ends = VECTOR(b->edges);
    for (size_t i = 0; i < 2 * b->edge_count; i++)
        keep[ends[i]] = 1;
    size_t n = 0;
    for (size_t v = 0; v < b->n; v++) {
        size_t actor = g->vertex_actor[v];
        if (!keep[v]) {
            g->actor_vertex[actor] = NO_VERTEX;
            continue;
        }
        keep[v] = n; /* reuse as the new number */
        g->actor_vertex[actor] = n;
        g->vertex_actor[n++] = actor;
    }
    for (size_t i = 0; i < 2 * b->edge_count; i++)
        ends[i] = (igraph_integer_t) keep[ends[i]];
    free(keep);
    b->n = n;
    return 0;
}

/* The candidates and bucket offsets are freed first: igraph_create()
 * copies the edges and sorts them, the peak of building a graph. */
static int make_igraph(builder *b)
{
    ecosys_graph *g = b->g;
    free(b->offsets);
    b->offsets = NULL;
    ecosys_i_igraph_lock();
    igraph_error_t rc = igraph_create(&g->ig, &b->edges, (igraph_integer_t) b->n,
                                      g->info.directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&b->edges);
    b->have_edges = 0;
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_init(&g->weights, (igraph_integer_t) b->edge_count);
        if (rc != IGRAPH_SUCCESS)
            igraph_destroy(&g->ig);
    }
    if (rc == IGRAPH_SUCCESS)
        for (size_t e = 0; e < b->edge_count; e++)
            VECTOR(g->weights)[e] = ecosys_i_column_double(&b->weights, e);
    return ecosys_i_igraph_unlock(rc, "building the graph");
}

int ecosys_graph_new(ecosys_graph **out, const ecosys_dataset *ds,
                     const ecosys_graph_options *options)
{
    if (!out || !ds)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_graph_new: NULL argument");
    *out = NULL;
    ecosys_graph_options defaults = ECOSYS_GRAPH_OPTIONS_INIT;
    const ecosys_graph_options *o = options ? options : &defaults;
    if (o->version != ECOSYS_GRAPH_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_graph_options version %u",
                              o->version);
    if (o->direction != ECOSYS_DIRECTION_AS_DATASET &&
        o->direction != ECOSYS_DIRECTION_UNDIRECTED && o->direction != ECOSYS_DIRECTION_DIRECTED)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown direction %d", (int) o->direction);
    ecosys_i_window w;
    int rc = parse_window(&w, o);
    if (rc)
        return rc;

    ecosys_graph *g = calloc(1, sizeof *g);
    if (!g)
        return ecosys_i_error_nomem();
    g->dataset = ds;
    g->info.directed = o->direction == ECOSYS_DIRECTION_AS_DATASET
                           ? ds->directed
                           : o->direction == ECOSYS_DIRECTION_DIRECTED;
    g->info.ties_in_dataset = ds->tie_count;
    builder b = {.ds = ds, .g = g};
    if ((rc = select_actors(&b, o)) || (rc = collect_candidates(&b, o, &w)) ||
        (rc = merge_candidates(&b)) || (o->drop_isolates && (rc = drop_isolates(&b))) ||
        (rc = make_igraph(&b))) {
        builder_dispose(&b);
        ecosys_i_igraph_lock();
        igraph_vector_destroy(&g->weights); /* zeroed or allocated: both are fine */
        ecosys_i_igraph_unlock(IGRAPH_SUCCESS, "building the graph");
        free(g->actor_vertex);
        free(g->vertex_actor);
        free(g);
        return rc;
    }
    builder_dispose(&b);
    g->info.actor_count = b.n;
    g->info.tie_count = b.edge_count;
    g->info.actors_filtered_out = ds->actor_count - b.n;
    *out = g;
    return 0;
}

void ecosys_graph_free(ecosys_graph *g)
{
    if (!g)
        return;
    ecosys_i_igraph_lock();
    igraph_destroy(&g->ig);
    igraph_vector_destroy(&g->weights);
    ecosys_i_igraph_unlock(IGRAPH_SUCCESS, "freeing a graph");
    free(g->actor_vertex);
    free(g->vertex_actor);
    free(g);
}

int ecosys_graph_info_get(ecosys_graph_info *out, const ecosys_graph *g)
{
    if (!out || !g)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_graph_info_get: NULL argument");
    *out = g->info;
    return 0;
}

size_t ecosys_graph_actor_count(const ecosys_graph *g)
{
    return g ? g->info.actor_count : 0;
}

size_t ecosys_graph_tie_count(const ecosys_graph *g)
{
    return g ? g->info.tie_count : 0;
}

int ecosys_graph_is_directed(const ecosys_graph *g)
{
    return g ? g->info.directed : 0;
}

const ecosys_dataset *ecosys_graph_dataset(const ecosys_graph *g)
{
    return g ? g->dataset : NULL;
}

size_t ecosys_graph_actor(const ecosys_graph *g, size_t vertex)
{
    return g && vertex < g->info.actor_count ? g->vertex_actor[vertex] : (size_t) -1;
}

int ecosys_graph_vertex(size_t *out_vertex, const ecosys_graph *g, size_t actor)
{
    if (!g || !out_vertex)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_graph_vertex: NULL argument");
    if (actor >= g->dataset->actor_count || g->actor_vertex[actor] == NO_VERTEX)
        return ecosys_i_error(ECOSYS_ENOTFOUND, "actor %zu is not in the graph", actor);
    *out_vertex = g->actor_vertex[actor];
    return 0;
}

int ecosys_graph_tie(size_t *out_source, size_t *out_target, double *out_weight,
                     const ecosys_graph *g, size_t edge)
{
    if (!g || edge >= g->info.tie_count)
        return ecosys_i_error(ECOSYS_EINVAL, "edge %zu out of range", edge);
    size_t from = (size_t) IGRAPH_FROM(&g->ig, (igraph_integer_t) edge);
    size_t to = (size_t) IGRAPH_TO(&g->ig, (igraph_integer_t) edge);
    if (!g->info.directed && from > to) { /* igraph may store either order */
        size_t swap = from;
        from = to;
        to = swap;
    }
    if (out_source)
        *out_source = from;
    if (out_target)
        *out_target = to;
    if (out_weight)
        *out_weight = VECTOR(g->weights)[edge];
    return 0;
}

igraph_error_t ecosys_i_graph_lengths(igraph_vector_t *out, const ecosys_graph *g)
{
    igraph_integer_t m = igraph_vector_size(&g->weights);
    IGRAPH_CHECK(igraph_vector_init(out, m));
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(*out)[e] = 1.0 / VECTOR(g->weights)[e];
    return IGRAPH_SUCCESS;
}
