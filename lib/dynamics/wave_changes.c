/* Comparing two waves, continued (ecosys/waves.h): the groups of the union
 * actors, the attribution of ties to axes, and the graph-level measures of
 * each wave. See waves.c for the union of actors and the ties. */
#include "dynamics/waves_internal.h"

#include "core/error.h"
#include "core/names.h"
#include "core/text_copy.h"
#include "ecosys/brokerage.h"
#include "ecosys/mixing.h"
#include "graph/graph_internal.h"
#include "graph/partition_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

/* ---- numbering names by first appearance ------------------------------------- */

typedef struct named {
    const char *name;
    size_t index;
} named;

static int compare_named(const void *x, const void *y)
{
    const named *p = x, *q = y;
    int c = strcmp(p->name, q->name);
    if (c)
        return c;
    return (p->index > q->index) - (p->index < q->index);
}

/* A run of equal names in the sorted array: [start, end) and the smallest
 * input index holding the name. */
typedef struct run {
    size_t start;
    size_t end;
    size_t first;
} run;

static int compare_runs(const void *x, const void *y)
{
    const run *p = x, *q = y;
    return (p->first > q->first) - (p->first < q->first);
}

int ecosys_i_unify_names(size_t *ids, char ***out_names, size_t *out_count,
                         const char *const *names, size_t n)
{
    *out_names = NULL;
    *out_count = 0;
    named *sorted = ecosys_i_zalloc_array(n, sizeof *sorted);
    run *runs = ecosys_i_zalloc_array(n, sizeof *runs);
    char **distinct = NULL;
    size_t count = 0;
    int rc = 0;
    if (!sorted || !runs) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = (named){names[i] ? names[i] : "", i};
    qsort(sorted, n, sizeof *sorted, compare_named);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(sorted[j].name, sorted[i].name) == 0)
            j++;
        runs[count++] = (run){i, j, sorted[i].index};
        i = j;
    }
    qsort(runs, count, sizeof *runs, compare_runs);
    distinct = ecosys_i_zalloc_array(count, sizeof *distinct);
    if (!distinct) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    for (size_t g = 0; g < count; g++) {
        if ((rc = ecosys_i_text_copy(&distinct[g], sorted[runs[g].start].name)))
            goto done;
        for (size_t i = runs[g].start; i < runs[g].end; i++)
            ids[sorted[i].index] = g;
    }
done:
    if (rc) {
        ecosys_i_names_free(distinct, count);
        distinct = NULL;
    }
    free(sorted);
    free(runs);
    if (!rc) {
        *out_names = distinct;
        *out_count = count;
    }
    return rc;
}

/* ---- groups ------------------------------------------------------------------ */

int ecosys_i_waves_groups(ecosys_waves *out, const ecosys_i_waves_work *w,
                          const ecosys_waves_options *o)
{
    const ecosys_partition *p[2] = {o->before_groups, o->after_groups};
    const char *attribute = o->group ? o->group : "sector";
    int by_partition = p[0] && p[1];
    for (int i = 0; i < 2; i++) {
        static const char *const who[2] = {"ecosys_waves_compare (before)",
                                           "ecosys_waves_compare (after)"};
        int rc = by_partition ? ecosys_i_partition_check(p[i], w->n[i], who[i]) : 0;
        if (rc)
            return rc;
        if (!by_partition &&
            !ecosys_dataset_has_field(w->dataset[i], ECOSYS_TABLE_ACTORS, attribute))
            return ecosys_i_unknown_actor_attribute(w->dataset[i], attribute);
    }
    size_t n = w->union_count;
    const char **names = ecosys_i_zalloc_array(n, sizeof *names);
    out->actor_group = ecosys_i_zalloc_array(n, sizeof(size_t));
    if (!names || !out->actor_group) {
        free(names);
        return ecosys_i_error_nomem();
    }
    for (size_t u = 0; u < n; u++) {
        int i = w->from_union[0][u] != NONE ? 0 : 1;
        size_t v = w->from_union[i][u];
        names[u] = by_partition
                       ? ecosys_partition_group_name(p[i], ecosys_partition_group_of(p[i], v))
                       : ecosys_dataset_field(w->dataset[i], ECOSYS_TABLE_ACTORS,
                                              ecosys_graph_actor(w->graph[i], v), attribute);
    }
    int rc = ecosys_i_unify_names(out->actor_group, &out->group_names, &out->group_count,
                                  names, n);
    free(names);
    return rc;
}

/* ---- axes -------------------------------------------------------------------- */

/* Which dataset ties a snapshot keeps, as ecosys_graph_new() decides it
 * (lib/graph/graph.c): the date window, the axis and kind filters. */
typedef struct snapshot_filter {
    int dated;
    int32_t first;
    int32_t last;
    const char *axis;
    const char *kind;
} snapshot_filter;

static int parse_snapshot(snapshot_filter *f, const ecosys_graph_options *o)
{
    memset(f, 0, sizeof *f);
    f->first = INT32_MIN + 1;
    f->last = INT32_MAX;
    if (!o)
        return 0;
    f->axis = o->axis;
    f->kind = o->kind;
    ecosys_i_window w;
    int rc = ecosys_i_snapshot_window(&w, o);
    if (rc)
        return rc;
    f->dated = w.active;
    f->first = w.first;
    f->last = w.last;
    return 0;
}

/* An empty filter value matches nothing, as in ecosys_graph_new(). */
static int text_passes(const char *filter, const char *value)
{
    return !filter || (filter[0] && strcmp(filter, value) == 0);
}

static int tie_passes(const snapshot_filter *f, const ecosys_tie_info *t)
{
    if (!text_passes(f->axis, t->axis) || !text_passes(f->kind, t->kind))
        return 0;
    if (!f->dated)
        return 1;
    int32_t start = INT32_MIN + 1, end = INT32_MAX, unused;
    /* Dates were validated when the tie was added. */
    if (t->start[0] && ecosys_date_parse(&start, &unused, t->start))
        return 0;
    if (t->end[0] && ecosys_date_parse(&unused, &end, t->end))
        return 0;
    return start <= f->last && end >= f->first;
}

/* A (tie, axis) fact: pair in union indices, axis number (first a slot in
 * the names array, then the axis's number). */
typedef struct triple {
    size_t a;
    size_t b;
    size_t axis;
} triple;

static int compare_triples(const void *x, const void *y)
{
    const triple *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    if (p->b != q->b)
        return (p->b > q->b) - (p->b < q->b);
    return (p->axis > q->axis) - (p->axis < q->axis);
}

/* Sorts and removes repeats; returns the new count. */
static size_t sort_unique(triple *t, size_t count)
{
    if (count == 0)
        return 0;
    qsort(t, count, sizeof *t, compare_triples);
    size_t kept = 1;
    for (size_t i = 1; i < count; i++)
        if (compare_triples(&t[i], &t[kept - 1]) != 0)
            t[kept++] = t[i];
    return kept;
}

/* The (tie, axis) facts of wave @p i: every dataset tie that made one of
 * its edges. @p names receives the axis text of each (borrowed from the
 * dataset), @p t the facts with axis = their slot in @p names + @p base. */
static int collect_triples(triple *t, const char **names, size_t *count,
                           const ecosys_i_waves_work *w, int i, size_t base)
{
    snapshot_filter f;
    int rc = parse_snapshot(&f, w->snapshot[i]);
    if (rc)
        return rc;
    const ecosys_dataset *ds = w->dataset[i];
    const ecosys_graph *g = w->graph[i];
    size_t ties = ecosys_dataset_tie_count(ds), found = 0;
    for (size_t k = 0; k < ties; k++) {
        ecosys_tie_info info;
        if (ecosys_dataset_tie(&info, ds, k) || info.weight == 0 || info.source == info.target ||
            !tie_passes(&f, &info))
            continue;
        size_t x = g->actor_vertex[info.source], y = g->actor_vertex[info.target];
        if (x == NONE || y == NONE)
            continue; /* an actor outside the graph (territory filter, dropped isolate) */
        ecosys_i_pair p = {w->to_union[i][x], w->to_union[i][y]};
        if (!w->directed && p.a > p.b) {
            size_t swap = p.a;
            p.a = p.b;
            p.b = swap;
        }
        if (!ecosys_i_pair_find(w->edges[i], w->m[i], p))
            continue; /* not an edge of this wave (options that do not match the graph) */
        names[found] = info.axis;
        t[found] = (triple){p.a, p.b, base + found};
        found++;
    }
    *count = found;
    return 0;
}

int ecosys_i_waves_axes(ecosys_waves *out, const ecosys_i_waves_work *w)
{
    size_t t0 = ecosys_dataset_tie_count(w->dataset[0]);
    size_t t1 = ecosys_dataset_tie_count(w->dataset[1]);
    if (t1 > SIZE_MAX / 64 || t0 > SIZE_MAX / 64 - t1)
        return ecosys_i_error_nomem();
    size_t total = t0 + t1;
    triple *t = ecosys_i_zalloc_array(total, sizeof *t);
    triple *both = ecosys_i_zalloc_array(total, sizeof *both);
    const char **names = ecosys_i_zalloc_array(total, sizeof *names);
    size_t *ids = ecosys_i_zalloc_array(total, sizeof *ids);
    size_t c0 = 0, c1 = 0;
    int rc = 0;
    if (!t || !both || !names || !ids) {
        rc = ecosys_i_error_nomem();
        goto done;
    }
    if ((rc = collect_triples(t, names, &c0, w, 0, 0)) ||
        (rc = collect_triples(t + c0, names + c0, &c1, w, 1, c0)))
        goto done;
    if ((rc = ecosys_i_unify_names(ids, &out->axis_names, &out->axis_count, names, c0 + c1)))
        goto done;
    for (size_t i = 0; i < c0 + c1; i++)
        t[i].axis = ids[t[i].axis];
    ecosys_waves_tie_set *sets[3] = {&out->formed, &out->dissolved, &out->persisting};
    for (int s = 0; s < 3; s++)
        if (!(sets[s]->by_axis = ecosys_i_zalloc_array(out->axis_count, sizeof(size_t)))) {
            rc = ecosys_i_error_nomem();
            goto done;
        }
    /* Each wave's facts in its own range: [0, c0) before, [c0, c0 + c1)
     * after; a pair carrying an axis through several ties counts once. */
    triple *before = t, *after = t + c0;
    size_t u0 = sort_unique(before, c0), u1 = sort_unique(after, c1), kept = 0;
    for (size_t i = 0; i < u0; i++) {
        ecosys_i_pair p = {before[i].a, before[i].b};
        if (ecosys_i_pair_find(w->edges[1], w->m[1], p))
            both[kept++] = before[i];
        else
            out->dissolved.by_axis[before[i].axis]++;
    }
    for (size_t i = 0; i < u1; i++) {
        ecosys_i_pair p = {after[i].a, after[i].b};
        if (ecosys_i_pair_find(w->edges[0], w->m[0], p))
            both[kept++] = after[i];
        else
            out->formed.by_axis[after[i].axis]++;
    }
    /* Persisting ties carry the axes of either wave, each once. */
    kept = sort_unique(both, kept);
    for (size_t i = 0; i < kept; i++)
        out->persisting.by_axis[both[i].axis]++;
done:
    free(t);
    free(both);
    free(names);
    free(ids);
    return rc;
}

/* ---- graph-level measures ------------------------------------------------------ */

static int wave_values(ecosys_waves *out, const ecosys_i_waves_work *w, int i,
                       unsigned int flags)
{
    const ecosys_graph *g = w->graph[i];
    size_t n = w->n[i];
    double v[ECOSYS_WAVES_MEASURE_COUNT];
    for (int k = 0; k < ECOSYS_WAVES_MEASURE_COUNT; k++)
        v[k] = NAN;
    size_t *membership = ecosys_i_zalloc_array(n, sizeof *membership);
    if (!membership)
        return ecosys_i_error_nomem();
    for (size_t x = 0; x < n; x++)
        membership[x] = out->actor_group[w->to_union[i][x]];
    ecosys_partition *p = NULL;
    int rc = ecosys_partition_from_membership(&p, membership, n);
    free(membership);
    if (rc)
        return rc;

    ecosys_structure s;
    if ((rc = ecosys_structure_compute(&s, g, flags & ECOSYS_NO_PATHS)))
        goto done;
    v[ECOSYS_WAVES_ACTORS] = (double) s.actor_count;
    v[ECOSYS_WAVES_ACTIVE_ACTORS] = (double) (s.actor_count - s.isolate_count);
    v[ECOSYS_WAVES_TIES] = (double) s.tie_count;
    v[ECOSYS_WAVES_DENSITY] = s.density;
    v[ECOSYS_WAVES_MEAN_DEGREE] = s.mean_degree;
    v[ECOSYS_WAVES_TRANSITIVITY] = s.transitivity;
    v[ECOSYS_WAVES_DEGREE_CENTRALIZATION] = s.degree_centralization;
    v[ECOSYS_WAVES_BETWEENNESS_CENTRALIZATION] = s.betweenness_centralization;
    v[ECOSYS_WAVES_COMPONENTS] = (double) s.component_count;
    v[ECOSYS_WAVES_LARGEST_COMPONENT_SHARE] =
        s.actor_count ? (double) s.largest_component_size / (double) s.actor_count : NAN;

    ecosys_ei_index ei;
    if ((rc = ecosys_ei_index_compute(&ei, g, p, 0)))
        goto done;
    v[ECOSYS_WAVES_EI_INDEX] = ei.ei_index;
    ecosys_ei_index_dispose(&ei);

    if (!(flags & ECOSYS_WAVES_NO_BROKERAGE)) {
        ecosys_brokerage b;
        if ((rc = ecosys_brokerage_roles(&b, g, p, 0)))
            goto done;
        for (int r = 0; r < ECOSYS_BROKERAGE_ROLE_COUNT; r++)
            v[ECOSYS_WAVES_BROKERAGE_COORDINATOR + r] = (double) b.graph_raw[r];
        ecosys_brokerage_dispose(&b);
    }
    for (int k = 0; k < ECOSYS_WAVES_MEASURE_COUNT; k++) {
        if (i == 0)
            out->measures[k].before = v[k];
        else
            out->measures[k].after = v[k];
    }
done:
    ecosys_partition_free(p);
    return rc;
}

int ecosys_i_waves_measures(ecosys_waves *out, const ecosys_i_waves_work *w, unsigned int flags)
{
    int rc;
    if ((rc = wave_values(out, w, 0, flags)) || (rc = wave_values(out, w, 1, flags)))
        return rc;
    for (int k = 0; k < ECOSYS_WAVES_MEASURE_COUNT; k++)
        out->measures[k].change = out->measures[k].after - out->measures[k].before;
    return 0;
}
