/* Datasets: creation, actors, ties and the built-in fields. Free attributes
 * live in attributes.c, comparison in dataset_equal.c. */
#include "graph/dataset_internal.h"

#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const ecosys_i_actor_fields[] = {"id", "name", "sector", "territory", "axes", NULL};
const char *const ecosys_i_tie_fields[] = {"source", "target", "weight", "kind", "axis",
                                           "start",  "end",    NULL};

int ecosys_i_is_builtin_field(ecosys_table table, const char *name)
{
    const char *const *fields =
        table == ECOSYS_TABLE_ACTORS ? ecosys_i_actor_fields : ecosys_i_tie_fields;
    for (; *fields; fields++)
        if (strcmp(*fields, name) == 0)
            return 1;
    return 0;
}

int ecosys_i_resize(void **array, size_t capacity, size_t size)
{
    if (capacity > SIZE_MAX / size)
        return ecosys_i_error_nomem();
    void *grown = realloc(*array, capacity * size);
    if (!grown && capacity > 0)
        return ecosys_i_error_nomem();
    *array = grown;
    return 0;
}

size_t ecosys_i_next_capacity(size_t capacity, size_t need)
{
    size_t next = capacity < 16 ? 16 : capacity;
    while (next < need)
        next = next > SIZE_MAX / 2 ? SIZE_MAX : next * 2;
    return next;
}

int ecosys_dataset_new(ecosys_dataset **out, int directed)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_new: out is NULL");
    *out = NULL;
    ecosys_dataset *ds = calloc(1, sizeof *ds);
    if (!ds)
        return ecosys_i_error_nomem();
    ds->directed = directed != 0;
    int rc = ecosys_i_strpool_init(&ds->pool);
    if (rc) {
        free(ds);
        return rc;
    }
    ds->actor_by_id = g_hash_table_new(g_str_hash, g_str_equal);
    *out = ds;
    return 0;
}

static void attribute_table_dispose(ecosys_i_attribute_table *table)
{
    for (size_t i = 0; i < table->count; i++) {
        free(table->items[i].name);
        free(table->items[i].type);
        free(table->items[i].values);
    }
    free(table->items);
}

void ecosys_dataset_free(ecosys_dataset *ds)
{
    if (!ds)
        return;
    g_hash_table_destroy(ds->actor_by_id);
    ecosys_i_strpool_dispose(&ds->pool);
    free(ds->actor_id);
    free(ds->actor_name);
    free(ds->actor_sector);
    free(ds->actor_territory);
    free(ds->actor_axes);
    free(ds->tie_source);
    free(ds->tie_target);
    free(ds->tie_weight);
    free(ds->tie_kind);
    free(ds->tie_axis);
    free(ds->tie_start);
    free(ds->tie_end);
    attribute_table_dispose(&ds->attributes[0]);
    attribute_table_dispose(&ds->attributes[1]);
    free(ds);
}

int ecosys_dataset_is_directed(const ecosys_dataset *ds)
{
    return ds ? ds->directed : 0;
}

void ecosys_dataset_set_directed(ecosys_dataset *ds, int directed)
{
    if (ds)
        ds->directed = directed != 0;
}

size_t ecosys_dataset_actor_count(const ecosys_dataset *ds)
{
    return ds ? ds->actor_count : 0;
}

size_t ecosys_dataset_tie_count(const ecosys_dataset *ds)
{
    return ds ? ds->tie_count : 0;
}

static int check_utf8(const char *field, const char *value)
{
    if (value && !g_utf8_validate(value, -1, NULL))
        return ecosys_i_error(ECOSYS_EINVAL, "%s is not valid UTF-8", field);
    return 0;
}

static int reserve_actors(ecosys_dataset *ds, size_t need)
{
    if (need <= ds->actor_capacity)
        return 0;
    if (need > UINT32_MAX)
        return ecosys_i_error(ECOSYS_ERROR, "too many actors (limit %u)", (unsigned) UINT32_MAX);
    size_t capacity = ecosys_i_next_capacity(ds->actor_capacity, need);
    uint32_t **columns[] = {&ds->actor_id, &ds->actor_name, &ds->actor_sector,
                            &ds->actor_territory, &ds->actor_axes};
    for (size_t c = 0; c < sizeof columns / sizeof *columns; c++)
        if (ecosys_i_resize((void **) columns[c], capacity, sizeof(uint32_t)))
            return ECOSYS_ENOMEM; /* arrays already grown stay valid, just larger */
    ds->actor_capacity = capacity;
    return 0;
}

int ecosys_dataset_add_actor(size_t *out_index, ecosys_dataset *ds, const ecosys_actor_info *a)
{
    if (!ds || !a)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_add_actor: NULL argument");
    if (!a->id || !a->id[0])
        return ecosys_i_error(ECOSYS_EINVAL, "actor id is empty");
    int rc;
    if ((rc = check_utf8("actor id", a->id)) || (rc = check_utf8("actor name", a->name)) ||
        (rc = check_utf8("actor sector", a->sector)) ||
        (rc = check_utf8("actor territory", a->territory)) ||
        (rc = check_utf8("actor axes", a->axes)))
        return rc;
    if (g_hash_table_contains(ds->actor_by_id, a->id))
        return ecosys_i_error(ECOSYS_EEXISTS, "duplicate actor id \"%.200s\"", a->id);
    if ((rc = reserve_actors(ds, ds->actor_count + 1)))
        return rc;
    size_t i = ds->actor_count;
    if ((rc = ecosys_i_strpool_intern(&ds->actor_id[i], &ds->pool, a->id)) ||
        (rc = ecosys_i_strpool_intern(&ds->actor_name[i], &ds->pool, a->name)) ||
        (rc = ecosys_i_strpool_intern(&ds->actor_sector[i], &ds->pool, a->sector)) ||
        (rc = ecosys_i_strpool_intern(&ds->actor_territory[i], &ds->pool, a->territory)) ||
        (rc = ecosys_i_strpool_intern(&ds->actor_axes[i], &ds->pool, a->axes)))
        return rc;
    g_hash_table_insert(ds->actor_by_id,
                        (gpointer) ecosys_i_strpool_get(&ds->pool, ds->actor_id[i]),
                        GSIZE_TO_POINTER(i + 1));
    ds->actor_count++;
    if (out_index)
        *out_index = i;
    return 0;
}

int ecosys_dataset_actor(ecosys_actor_info *out, const ecosys_dataset *ds, size_t i)
{
    if (!out || !ds || i >= ds->actor_count)
        return ecosys_i_error(ECOSYS_EINVAL, "actor index %zu out of range (%zu actors)", i,
                              ds ? ds->actor_count : 0);
    const ecosys_i_strpool *p = &ds->pool;
    out->id = ecosys_i_strpool_get(p, ds->actor_id[i]);
    out->name = ecosys_i_strpool_get(p, ds->actor_name[i]);
    out->sector = ecosys_i_strpool_get(p, ds->actor_sector[i]);
    out->territory = ecosys_i_strpool_get(p, ds->actor_territory[i]);
    out->axes = ecosys_i_strpool_get(p, ds->actor_axes[i]);
    return 0;
}

int ecosys_dataset_find_actor(size_t *out_index, const ecosys_dataset *ds, const char *id)
{
    if (!ds || !id)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_find_actor: NULL argument");
    gpointer found = g_hash_table_lookup(ds->actor_by_id, id);
    if (!found)
        return ecosys_i_error(ECOSYS_ENOTFOUND, "no actor with id \"%.200s\"", id);
    if (out_index)
        *out_index = GPOINTER_TO_SIZE(found) - 1;
    return 0;
}

int ecosys_dataset_actor_has_axis(const ecosys_dataset *ds, size_t i, const char *axis)
{
    if (!ds || !axis || i >= ds->actor_count)
        return 0;
    const char *axes = ecosys_i_strpool_get(&ds->pool, ds->actor_axes[i]);
    size_t want = strlen(axis);
    while (*axes) {
        const char *end = strchr(axes, ';');
        if (!end)
            end = axes + strlen(axes);
        const char *a = axes, *b = end;
        while (a < b && g_ascii_isspace(*a))
            a++;
        while (b > a && g_ascii_isspace(b[-1]))
            b--;
        if ((size_t) (b - a) == want && memcmp(a, axis, want) == 0)
            return 1;
        axes = *end ? end + 1 : end;
    }
    return 0;
}

static int check_tie(const ecosys_dataset *ds, const ecosys_tie_info *t)
{
    if (t->source >= ds->actor_count || t->target >= ds->actor_count)
        return ecosys_i_error(ECOSYS_EINVAL, "tie names actor index %zu, out of range (%zu actors)",
                              t->source >= ds->actor_count ? t->source : t->target,
                              ds->actor_count);
    if (!isfinite(t->weight) || t->weight < 0)
        return ecosys_i_error(ECOSYS_EINVAL, "weight %g must be finite and >= 0", t->weight);
    int rc;
    if ((rc = check_utf8("tie kind", t->kind)) || (rc = check_utf8("tie axis", t->axis)) ||
        (rc = check_utf8("tie start", t->start)) || (rc = check_utf8("tie end", t->end)))
        return rc;
    int32_t start_first = INT32_MIN, start_last = 0, end_first = 0, end_last = INT32_MAX;
    if (t->start && t->start[0] && (rc = ecosys_date_parse(&start_first, &start_last, t->start)))
        return ecosys_i_error_prefix("start");
    if (t->end && t->end[0] && (rc = ecosys_date_parse(&end_first, &end_last, t->end)))
        return ecosys_i_error_prefix("end");
    (void) start_last;
    (void) end_first;
    if (end_last < start_first)
        return ecosys_i_error(ECOSYS_EINVAL, "end \"%s\" is before start \"%s\"", t->end,
                              t->start);
    return 0;
}

static int reserve_ties(ecosys_dataset *ds, size_t need)
{
    if (need <= ds->tie_capacity)
        return 0;
    size_t capacity = ecosys_i_next_capacity(ds->tie_capacity, need);
    uint32_t **columns[] = {&ds->tie_source, &ds->tie_target, &ds->tie_kind,
                            &ds->tie_axis,   &ds->tie_start,  &ds->tie_end};
    for (size_t c = 0; c < sizeof columns / sizeof *columns; c++)
        if (ecosys_i_resize((void **) columns[c], capacity, sizeof(uint32_t)))
            return ECOSYS_ENOMEM;
    if (ecosys_i_resize((void **) &ds->tie_weight, capacity, sizeof(double)))
        return ECOSYS_ENOMEM;
    ds->tie_capacity = capacity;
    return 0;
}

int ecosys_dataset_add_tie(size_t *out_index, ecosys_dataset *ds, const ecosys_tie_info *t)
{
    if (!ds || !t)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_add_tie: NULL argument");
    int rc;
    if ((rc = check_tie(ds, t)) || (rc = reserve_ties(ds, ds->tie_count + 1)))
        return rc;
    size_t i = ds->tie_count;
    ds->tie_source[i] = (uint32_t) t->source;
    ds->tie_target[i] = (uint32_t) t->target;
    ds->tie_weight[i] = t->weight;
    if ((rc = ecosys_i_strpool_intern(&ds->tie_kind[i], &ds->pool, t->kind)) ||
        (rc = ecosys_i_strpool_intern(&ds->tie_axis[i], &ds->pool, t->axis)) ||
        (rc = ecosys_i_strpool_intern(&ds->tie_start[i], &ds->pool, t->start)) ||
        (rc = ecosys_i_strpool_intern(&ds->tie_end[i], &ds->pool, t->end)))
        return rc;
    ds->tie_count++;
    if (out_index)
        *out_index = i;
    return 0;
}

int ecosys_dataset_tie(ecosys_tie_info *out, const ecosys_dataset *ds, size_t i)
{
    if (!out || !ds || i >= ds->tie_count)
        return ecosys_i_error(ECOSYS_EINVAL, "tie index %zu out of range (%zu ties)", i,
                              ds ? ds->tie_count : 0);
    const ecosys_i_strpool *p = &ds->pool;
    out->source = ds->tie_source[i];
    out->target = ds->tie_target[i];
    out->weight = ds->tie_weight[i];
    out->kind = ecosys_i_strpool_get(p, ds->tie_kind[i]);
    out->axis = ecosys_i_strpool_get(p, ds->tie_axis[i]);
    out->start = ecosys_i_strpool_get(p, ds->tie_start[i]);
    out->end = ecosys_i_strpool_get(p, ds->tie_end[i]);
    return 0;
}
