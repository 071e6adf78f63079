/* Computations on two-mode data (ecosys/twomode.h): projection to actor
 * ties, per-axis layers and helix synergy. All three start from the same
 * incidence: the events that pass a filter, each with its distinct actors,
 * built by sorting the participation rows (no hash table, so every
 * allocation can fail cleanly). */
#include "graph/partition_internal.h"
#include "graph/twomode_internal.h"

#include "core/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- event filter ------------------------------------------------------------- */

typedef struct filter {
    const char *axis, *kind; /* NULL: any */
    int dated;               /* a date window applies */
    int32_t first, last;
} filter;

static int filter_compile(filter *c, const ecosys_event_filter *f, const char *who)
{
    *c = (filter){NULL, NULL, 0, INT32_MIN + 1, INT32_MAX};
    if (!f)
        return 0;
    c->axis = f->axis;
    c->kind = f->kind;
    int32_t first, last;
    if (f->at) {
        if (f->from || f->to)
            return ecosys_i_error(ECOSYS_EINVAL, "%s: give either at or from/to, not both", who);
        if (ecosys_date_parse(&first, &last, f->at))
            return ecosys_i_error_prefix("%s: filter date (at)", who);
        c->dated = 1;
        c->first = first;
        c->last = last;
        return 0;
    }
    if (f->from) {
        if (ecosys_date_parse(&first, &last, f->from))
            return ecosys_i_error_prefix("%s: filter start (from)", who);
        c->first = first;
        c->dated = 1;
    }
    if (f->to) {
        if (ecosys_date_parse(&first, &last, f->to))
            return ecosys_i_error_prefix("%s: filter end (to)", who);
        c->last = last;
        c->dated = 1;
    }
    if (c->first > c->last)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: from \"%s\" is after to \"%s\"", who, f->from,
                              f->to);
    return 0;
}

static int event_passes(const filter *c, const ecosys_i_twomode *tm, size_t e)
{
    const ecosys_i_strpool *p = &tm->pool;
    if (c->axis && strcmp(ecosys_i_strpool_get(p, tm->event_field[ECOSYS_I_EVENT_AXIS][e]),
                          c->axis) != 0)
        return 0;
    if (c->kind && strcmp(ecosys_i_strpool_get(p, tm->event_field[ECOSYS_I_EVENT_KIND][e]),
                          c->kind) != 0)
        return 0;
    if (!c->dated)
        return 1;
    const char *date = ecosys_i_strpool_get(p, tm->event_field[ECOSYS_I_EVENT_DATE][e]);
    int32_t first, last;
    if (!date[0] || ecosys_date_parse(&first, &last, date)) /* dates were checked on entry */
        return 0;
    return first <= c->last && last >= c->first;
}

/* ---- incidence: events used, each with its distinct actors -------------------------- */

typedef struct incidence {
    size_t event_count; /* events used */
    uint32_t *event;    /* their dataset indices, ascending */
    size_t *start;      /* event_count + 1 offsets into actor[] */
    uint32_t *actor;    /* distinct actors of each event, ascending */
    ecosys_projection_info info;
} incidence;

static void incidence_dispose(incidence *inc)
{
    free(inc->event);
    free(inc->start);
    free(inc->actor);
    memset(inc, 0, sizeof *inc);
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *) x, b = *(const uint64_t *) y;
    return (a > b) - (a < b);
}

static int incidence_build(incidence *inc, const ecosys_dataset *ds, const filter *f)
{
    memset(inc, 0, sizeof *inc);
    const ecosys_i_twomode *tm = ecosys_i_twomode_get(ds);
    size_t events = tm ? tm->event_count : 0, parts = tm ? tm->part_count : 0;
    unsigned char *used = ecosys_i_alloc_array(events, 1);
    uint64_t *keys = ecosys_i_alloc_array(parts, sizeof *keys);
    inc->event = ecosys_i_alloc_array(events, sizeof *inc->event);
    inc->start = ecosys_i_alloc_array(events + 1, sizeof *inc->start);
    inc->actor = ecosys_i_alloc_array(parts, sizeof *inc->actor);
    uint32_t *slot = ecosys_i_alloc_array(events, sizeof *slot); /* dataset event -> used index */
    if (!used || !keys || !inc->event || !inc->start || !inc->actor || !slot) {
        free(used);
        free(keys);
        free(slot);
        incidence_dispose(inc);
        return ecosys_i_error_nomem();
    }
    for (size_t e = 0; e < events; e++) {
        used[e] = (unsigned char) event_passes(f, tm, e);
        if (used[e]) {
            slot[e] = (uint32_t) inc->event_count;
            inc->event[inc->event_count++] = (uint32_t) e;
        }
    }
    inc->info.events_used = inc->event_count;
    inc->info.events_filtered_out = events - inc->event_count;
    /* (used event, actor) keys, sorted: events in order, actors ascending. */
    size_t n = 0;
    for (size_t i = 0; i < parts; i++)
        if (used[tm->part_event[i]])
            keys[n++] = (uint64_t) slot[tm->part_event[i]] << 32 | tm->part_actor[i];
    qsort(keys, n, sizeof *keys, compare_u64);
    size_t k = 0, e = 0;
    inc->start[0] = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && keys[i] == keys[i - 1]) {
            inc->info.repeated_participations++;
            continue;
        }
        size_t event = (size_t) (keys[i] >> 32);
        while (e < event)
            inc->start[++e] = k;
        inc->actor[k++] = (uint32_t) (keys[i] & UINT32_MAX);
    }
    while (e < inc->event_count)
        inc->start[++e] = k;
    inc->info.participations_used = k;
    for (size_t u = 0; u < inc->event_count; u++)
        if (inc->start[u + 1] - inc->start[u] == 1)
            inc->info.single_actor_events++;
    free(used);
    free(keys);
    free(slot);
    return 0;
}

/* ---- pairs of actors sharing events ------------------------------------------------- */

typedef struct pairs {
    size_t count;
    uint32_t *a, *b;  /* a < b */
    double *shared;   /* |E_a and E_b| */
    double *newman;   /* sum of 1/(n_e - 1) */
} pairs;

static void pairs_dispose(pairs *p)
{
    free(p->a);
    free(p->b);
    free(p->shared);
    free(p->newman);
    memset(p, 0, sizeof *p);
}

typedef struct pair_record {
    uint32_t a, b, e; /* e: used-event index, so sums run in event order */
} pair_record;

static int compare_records(const void *x, const void *y)
{
    const pair_record *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->e > q->e) - (p->e < q->e);
}

/* The pairs of the used events @p only (NULL: all) of @p inc. */
static int pairs_build(pairs *out, const incidence *inc, const unsigned char *only)
{
    memset(out, 0, sizeof *out);
    size_t total = 0;
    for (size_t u = 0; u < inc->event_count; u++) {
        if (only && !only[u])
            continue;
        size_t n = inc->start[u + 1] - inc->start[u];
        size_t these = n < 2 ? 0 : (n % 2 ? n * ((n - 1) / 2) : (n / 2) * (n - 1));
        if (n > 1 && (n - 1 > SIZE_MAX / n || total > SIZE_MAX - these))
            return ecosys_i_error_nomem();
        total += these;
    }
    pair_record *records = ecosys_i_alloc_array(total, sizeof *records);
    if (!records)
        return ecosys_i_error_nomem();
    size_t r = 0;
    for (size_t u = 0; u < inc->event_count; u++) {
        if (only && !only[u])
            continue;
        for (size_t i = inc->start[u]; i < inc->start[u + 1]; i++)
            for (size_t j = i + 1; j < inc->start[u + 1]; j++)
                records[r++] = (pair_record){inc->actor[i], inc->actor[j], (uint32_t) u};
    }
    qsort(records, total, sizeof *records, compare_records);
    size_t distinct = 0;
    for (size_t i = 0; i < total; i++)
        if (i == 0 || records[i].a != records[i - 1].a || records[i].b != records[i - 1].b)
            distinct++;
    out->a = ecosys_i_alloc_array(distinct, sizeof *out->a);
    out->b = ecosys_i_alloc_array(distinct, sizeof *out->b);
    out->shared = ecosys_i_alloc_array(distinct, sizeof *out->shared);
    out->newman = ecosys_i_alloc_array(distinct, sizeof *out->newman);
    if (!out->a || !out->b || !out->shared || !out->newman) {
        free(records);
        pairs_dispose(out);
        return ecosys_i_error_nomem();
    }
    size_t k = SIZE_MAX;
    for (size_t i = 0; i < total; i++) {
        if (i == 0 || records[i].a != records[i - 1].a || records[i].b != records[i - 1].b) {
            k = k == SIZE_MAX ? 0 : k + 1;
            out->a[k] = records[i].a;
            out->b[k] = records[i].b;
            out->shared[k] = 0;
            out->newman[k] = 0;
        }
        size_t u = records[i].e, n = inc->start[u + 1] - inc->start[u];
        out->shared[k] += 1;
        out->newman[k] += 1.0 / (double) (n - 1);
    }
    out->count = distinct;
    free(records);
    return 0;
}

/* ---- projection ------------------------------------------------------------------- */

int ecosys_projection_options_init(ecosys_projection_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_projection_options_init: NULL options");
    if (version != ECOSYS_PROJECTION_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown projection options version %u (this "
                              "library knows %d)", version, ECOSYS_PROJECTION_OPTIONS_VERSION);
    *options = (ecosys_projection_options) ECOSYS_PROJECTION_OPTIONS_INIT;
    return 0;
}

/* A new dataset with a copy of @p ds's actors and their free attributes. */
static int copy_actors(ecosys_dataset **out, const ecosys_dataset *ds)
{
    ecosys_dataset *copy = NULL;
    int rc = ecosys_dataset_new(&copy, 0);
    size_t actors = ecosys_dataset_actor_count(ds);
    size_t attrs = ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS);
    for (size_t k = 0; k < attrs && !rc; k++) {
        rc = ecosys_dataset_add_attribute(NULL, copy, ECOSYS_TABLE_ACTORS,
                                          ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS,
                                                                        k));
        if (!rc)
            rc = ecosys_dataset_set_attribute_type(
                copy, ECOSYS_TABLE_ACTORS, k,
                ecosys_dataset_attribute_type(ds, ECOSYS_TABLE_ACTORS, k));
    }
    if (!rc)
        rc = ecosys_i_dataset_reserve(copy, actors, 0);
    for (size_t i = 0; i < actors && !rc; i++) {
        ecosys_actor_info a;
        ecosys_dataset_actor(&a, ds, i);
        rc = ecosys_dataset_add_actor(NULL, copy, &a);
        for (size_t k = 0; k < attrs && !rc; k++) {
            const char *value = ecosys_dataset_attribute(ds, ECOSYS_TABLE_ACTORS, i, k);
            if (value[0])
                rc = ecosys_dataset_set_attribute(copy, ECOSYS_TABLE_ACTORS, i, k, value);
        }
    }
    if (rc) {
        ecosys_dataset_free(copy);
        return rc;
    }
    *out = copy;
    return 0;
}

static int add_projected_ties(ecosys_dataset *copy, const pairs *p, const incidence *inc,
                              ecosys_projection_weight weighting, size_t actor_count)
{
    size_t *degree = NULL; /* |E_a|, for Jaccard */
    if (weighting == ECOSYS_PROJECTION_JACCARD) {
        degree = calloc(actor_count ? actor_count : 1, sizeof *degree);
        if (!degree)
            return ecosys_i_error_nomem();
        for (size_t i = 0; i < inc->start[inc->event_count]; i++)
            degree[inc->actor[i]]++;
    }
    size_t shared_attr;
    int rc = ecosys_dataset_add_attribute(&shared_attr, copy, ECOSYS_TABLE_TIES, "shared_events");
    if (!rc)
        rc = ecosys_i_dataset_reserve(copy, 0, p->count);
    for (size_t k = 0; k < p->count && !rc; k++) {
        double weight = p->shared[k];
        if (weighting == ECOSYS_PROJECTION_NEWMAN)
            weight = p->newman[k];
        else if (weighting == ECOSYS_PROJECTION_JACCARD)
            weight = p->shared[k] /
                     ((double) degree[p->a[k]] + (double) degree[p->b[k]] - p->shared[k]);
        ecosys_tie_info tie = {p->a[k], p->b[k], weight, "co-participation", "", "", ""};
        size_t index;
        char count[32];
        snprintf(count, sizeof count, "%.0f", p->shared[k]);
        if (!(rc = ecosys_dataset_add_tie(&index, copy, &tie)))
            rc = ecosys_dataset_set_attribute(copy, ECOSYS_TABLE_TIES, index, shared_attr, count);
    }
    free(degree);
    return rc;
}

int ecosys_twomode_project(ecosys_dataset **out, ecosys_projection_info *out_info,
                           const ecosys_dataset *ds, const ecosys_projection_options *options)
{
    if (!out || !ds)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_project: NULL argument");
    *out = NULL;
    ecosys_projection_options defaults = ECOSYS_PROJECTION_OPTIONS_INIT;
    if (!options)
        options = &defaults;
    if (options->version != ECOSYS_PROJECTION_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown projection options version %u",
                              options->version);
    if (options->weight != ECOSYS_PROJECTION_COUNT && options->weight != ECOSYS_PROJECTION_NEWMAN &&
        options->weight != ECOSYS_PROJECTION_JACCARD)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown projection weighting %d (expected count, "
                              "newman or jaccard)", (int) options->weight);
    filter f;
    int rc = filter_compile(&f, &options->filter, "projection");
    if (rc)
        return rc;
    incidence inc;
    pairs p = {0};
    ecosys_dataset *copy = NULL;
    if ((rc = incidence_build(&inc, ds, &f)))
        return rc;
    if (!(rc = pairs_build(&p, &inc, NULL)) && !(rc = copy_actors(&copy, ds)))
        rc = add_projected_ties(copy, &p, &inc, options->weight, ecosys_dataset_actor_count(ds));
    inc.info.tie_count = p.count;
    if (out_info && !rc)
        *out_info = inc.info;
    pairs_dispose(&p);
    incidence_dispose(&inc);
    if (rc) {
        ecosys_dataset_free(copy);
        return rc;
    }
    *out = copy;
    return 0;
}

/* ---- per-axis layers ------------------------------------------------------------------ */

static size_t find_root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* The measures of layer @p layer (the used events marked in @p only). */
static int layer_measures(ecosys_axis_layer *layer, const incidence *inc,
                          const unsigned char *only, size_t actor_count, size_t *parent,
                          size_t *size, unsigned char *active)
{
    pairs p;
    int rc = pairs_build(&p, inc, only);
    if (rc)
        return rc;
    layer->tie_count = p.count;
    pairs_dispose(&p);
    for (size_t a = 0; a < actor_count; a++) {
        parent[a] = a;
        size[a] = 1;
        active[a] = 0;
    }
    for (size_t u = 0; u < inc->event_count; u++) {
        if (!only[u])
            continue;
        layer->event_count++;
        for (size_t i = inc->start[u]; i < inc->start[u + 1]; i++) {
            active[inc->actor[i]] = 1;
            size_t x = find_root(parent, inc->actor[inc->start[u]]);
            size_t y = find_root(parent, inc->actor[i]);
            if (x != y) {
                if (size[x] < size[y]) {
                    size_t t = x;
                    x = y;
                    y = t;
                }
                parent[y] = x;
                size[x] += size[y];
            }
        }
    }
    for (size_t a = 0; a < actor_count; a++) {
        if (!active[a])
            continue;
        layer->actor_count++;
        if (find_root(parent, a) == a) {
            layer->component_count++;
            if (size[a] > layer->largest_component)
                layer->largest_component = size[a];
        }
    }
    double n = (double) layer->actor_count;
    layer->density = layer->actor_count < 2 ? NAN : (double) layer->tie_count / (n * (n - 1) / 2);
    return 0;
}

void ecosys_axis_layers_dispose(ecosys_axis_layers *layers)
{
    if (!layers)
        return;
    for (size_t i = 0; i < layers->layer_count; i++)
        free((char *) layers->layers[i].axis);
    for (size_t i = 0; i < layers->multi_axis_count; i++)
        free((char *) layers->multi_axis[i].axes);
    free(layers->layers);
    free(layers->multi_axis);
    memset(layers, 0, sizeof *layers);
}

/* The distinct non-empty axes of the used events, in order of first event:
 * *axis_of[u] receives the layer of used event u (SIZE_MAX: no axis). */
static int find_axes(ecosys_axis_layers *out, size_t *axis_of, const incidence *inc,
                     const ecosys_i_twomode *tm)
{
    uint32_t *texts = ecosys_i_alloc_array(inc->event_count, sizeof *texts);
    if (!texts)
        return ecosys_i_error_nomem();
    size_t count = 0;
    for (size_t u = 0; u < inc->event_count; u++) {
        uint32_t axis = tm->event_field[ECOSYS_I_EVENT_AXIS][inc->event[u]];
        axis_of[u] = SIZE_MAX;
        if (axis == 0) {
            out->unassigned_events++;
            continue;
        }
        for (size_t k = 0; k < count && axis_of[u] == SIZE_MAX; k++) /* few axes: linear */
            if (texts[k] == axis)
                axis_of[u] = k;
        if (axis_of[u] == SIZE_MAX) {
            texts[count] = axis;
            axis_of[u] = count++;
        }
    }
    out->layers = calloc(count ? count : 1, sizeof *out->layers);
    if (!out->layers) {
        free(texts);
        return ecosys_i_error_nomem();
    }
    for (size_t k = 0; k < count; k++) {
        char *name = strdup(ecosys_i_strpool_get(&tm->pool, texts[k]));
        if (!name) {
            free(texts);
            return ecosys_i_error_nomem();
        }
        out->layers[k].axis = name;
        out->layer_count++;
    }
    free(texts);
    return 0;
}

/* Appends the axes of the actors active on several layers; @p on is an
 * actor_count x layer_count matrix of flags. */
static int collect_multi_axis(ecosys_axis_layers *out, const unsigned char *on,
                              size_t actor_count)
{
    size_t L = out->layer_count, count = 0;
    for (size_t a = 0; a < actor_count; a++) {
        size_t k = 0;
        for (size_t l = 0; l < L; l++)
            k += on[a * L + l];
        count += k >= 2;
    }
    out->multi_axis = calloc(count ? count : 1, sizeof *out->multi_axis);
    if (!out->multi_axis)
        return ecosys_i_error_nomem();
    for (size_t a = 0; a < actor_count; a++) {
        size_t k = 0, length = 0;
        for (size_t l = 0; l < L; l++)
            if (on[a * L + l]) {
                k++;
                length += strlen(out->layers[l].axis) + 1;
            }
        if (k < 2)
            continue;
        char *axes = malloc(length);
        if (!axes)
            return ecosys_i_error_nomem();
        axes[0] = '\0';
        for (size_t l = 0, first = 1; l < L; l++)
            if (on[a * L + l]) {
                if (!first)
                    strcat(axes, ";");
                strcat(axes, out->layers[l].axis);
                first = 0;
            }
        out->multi_axis[out->multi_axis_count++] = (ecosys_multi_axis_actor){a, k, axes};
    }
    return 0;
}

int ecosys_twomode_axis_layers(ecosys_axis_layers *out, const ecosys_dataset *ds,
                               const ecosys_event_filter *event_filter)
{
    if (!out || !ds)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_axis_layers: NULL argument");
    memset(out, 0, sizeof *out);
    if (event_filter && event_filter->axis)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_axis_layers: the filter's axis must "
                              "be NULL (every axis is a layer)");
    filter f;
    int rc = filter_compile(&f, event_filter, "axis layers");
    if (rc)
        return rc;
    incidence inc;
    if ((rc = incidence_build(&inc, ds, &f)))
        return rc;
    size_t actors = ecosys_dataset_actor_count(ds);
    size_t *axis_of = ecosys_i_alloc_array(inc.event_count, sizeof *axis_of);
    if (!axis_of || (rc = find_axes(out, axis_of, &inc, ecosys_i_twomode_get(ds)))) {
        rc = rc ? rc : ecosys_i_error_nomem();
        goto done;
    }
    size_t L = out->layer_count;
    unsigned char *only = ecosys_i_alloc_array(inc.event_count, 1);
    unsigned char *active = ecosys_i_alloc_array(actors, 1);
    size_t *parent = ecosys_i_alloc_array(actors, sizeof *parent);
    size_t *size = ecosys_i_alloc_array(actors, sizeof *size);
    unsigned char *on = NULL;
    if (L && actors <= SIZE_MAX / L)
        on = calloc(actors ? actors * L : 1, 1);
    if (!only || !active || !parent || !size || (L && !on))
        rc = ecosys_i_error_nomem();
    for (size_t l = 0; l < L && !rc; l++) {
        for (size_t u = 0; u < inc.event_count; u++)
            only[u] = axis_of[u] == l;
        rc = layer_measures(&out->layers[l], &inc, only, actors, parent, size, active);
        for (size_t a = 0; a < actors && !rc; a++)
            on[a * L + l] = active[a];
    }
    if (!rc && L)
        rc = collect_multi_axis(out, on, actors);
    free(only);
    free(active);
    free(parent);
    free(size);
    free(on);
done:
    free(axis_of);
    incidence_dispose(&inc);
    if (rc)
        ecosys_axis_layers_dispose(out);
    return rc;
}

/* ---- helix synergy --------------------------------------------------------------------- */

int ecosys_helix_options_init(ecosys_helix_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_helix_options_init: NULL options");
    if (version != ECOSYS_HELIX_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown helix options version %u (this library "
                              "knows %d)", version, ECOSYS_HELIX_OPTIONS_VERSION);
    *options = (ecosys_helix_options) ECOSYS_HELIX_OPTIONS_INIT;
    return 0;
}

static int check_helix_options(const ecosys_dataset *ds, const ecosys_helix_options *o)
{
    if (o->version != ECOSYS_HELIX_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown helix options version %u", o->version);
    size_t k = o->sector_count;
    if (!o->sectors || k < 2 || k > ECOSYS_HELIX_MAX_SECTORS)
        return ecosys_i_error(ECOSYS_EINVAL, "helix synergy takes 2 to %d sectors, not %zu "
                              "(for example academia, business, public)",
                              ECOSYS_HELIX_MAX_SECTORS, o->sectors ? k : 0);
    for (size_t i = 0; i < k; i++) {
        if (!o->sectors[i])
            return ecosys_i_error(ECOSYS_EINVAL, "helix synergy: sector %zu is NULL", i);
        for (size_t j = 0; j < i; j++)
            if (strcmp(o->sectors[i], o->sectors[j]) == 0)
                return ecosys_i_error(ECOSYS_EINVAL, "helix synergy: sector \"%.200s\" is given "
                                      "twice", o->sectors[i]);
    }
    const char *attribute = o->attribute ? o->attribute : "sector";
    if (!ecosys_dataset_has_field(ds, ECOSYS_TABLE_ACTORS, attribute))
        return ecosys_i_error(ECOSYS_EINVAL, "helix synergy: actors have no column \"%.200s\"",
                              attribute);
    return 0;
}

/* Shannon entropy (bits) of the counts c[0..n) summing to N. */
static double entropy(const size_t *c, size_t n, size_t N)
{
    double h = 0;
    for (size_t i = 0; i < n; i++)
        if (c[i]) {
            double p = (double) c[i] / (double) N;
            h -= p * log2(p);
        }
    return h;
}

int ecosys_twomode_helix_synergy(ecosys_helix_synergy *out, const ecosys_dataset *ds,
                                 const ecosys_helix_options *o)
{
    if (!out || !ds || !o)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_helix_synergy: NULL argument");
    memset(out, 0, sizeof *out);
    int rc = check_helix_options(ds, o);
    filter f;
    if (rc || (rc = filter_compile(&f, &o->filter, "helix synergy")))
        return rc;
    size_t k = o->sector_count, actors = ecosys_dataset_actor_count(ds);
    const char *attribute = o->attribute ? o->attribute : "sector";
    unsigned char *bits = ecosys_i_alloc_array(actors, 1);
    if (!bits)
        return ecosys_i_error_nomem();
    for (size_t a = 0; a < actors; a++) {
        const char *value = ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, a, attribute);
        bits[a] = 0;
        for (size_t i = 0; i < k; i++)
            if (value && strcmp(value, o->sectors[i]) == 0)
                bits[a] |= (unsigned char) (1u << i);
    }
    incidence inc;
    if ((rc = incidence_build(&inc, ds, &f))) {
        free(bits);
        return rc;
    }
    size_t cells[1u << ECOSYS_HELIX_MAX_SECTORS] = {0}, N = 0;
    for (size_t u = 0; u < inc.event_count; u++) {
        unsigned mask = 0;
        for (size_t i = inc.start[u]; i < inc.start[u + 1]; i++)
            mask |= bits[inc.actor[i]];
        if (mask == 0) {
            out->empty_events++;
            if (!o->keep_empty_events)
                continue;
        }
        cells[mask]++;
        N++;
    }
    incidence_dispose(&inc);
    free(bits);
    out->dimension = k;
    out->event_count = N;
    if (N == 0)
        return 0;
    /* H_S for every non-empty subset S of the sectors, from the marginal of
     * the 2^k cells on S; T is their alternating sum. */
    unsigned full = (1u << k) - 1;
    for (unsigned S = 1; S <= full; S++) {
        size_t marginal[1u << ECOSYS_HELIX_MAX_SECTORS] = {0};
        for (unsigned cell = 0; cell <= full; cell++)
            marginal[cell & S] += cells[cell];
        double h = entropy(marginal, (size_t) full + 1, N);
        unsigned size = 0, lowest = 0;
        for (unsigned i = k; i-- > 0;)
            if (S >> i & 1u) {
                size++;
                lowest = i;
            }
        out->t += size % 2 ? h : -h;
        if (size == 1)
            out->entropy[lowest] = h;
        if (S == full)
            out->joint_entropy = h;
    }
    /* Leydesdorff & Ivanova (2014): R = T in odd dimensions, -T in even. */
    out->redundancy = k % 2 ? out->t : -out->t;
    return 0;
}
