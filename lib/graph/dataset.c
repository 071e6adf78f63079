/* Datasets: creation, actors, ties and the built-in fields. Free attributes
 * live in attributes.c, comparison in dataset_equal.c. */
#include "graph/dataset_internal.h"
#include "graph/twomode_internal.h"

#include "core/error.h"

#include <glib.h>
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
    ecosys_i_column_init(&ds->tie_weight, sizeof(double));
    ecosys_i_column_init(&ds->actor_sector, sizeof(uint32_t));
    ecosys_i_column_init(&ds->actor_territory, sizeof(uint32_t));
    ecosys_i_column_init(&ds->actor_axes, sizeof(uint32_t));
    ecosys_i_column *texts[] = {&ds->tie_kind, &ds->tie_axis, &ds->tie_start, &ds->tie_end};
    for (size_t c = 0; c < sizeof texts / sizeof *texts; c++)
        ecosys_i_column_init(texts[c], sizeof(uint32_t));
    int rc = ecosys_i_strpool_init(&ds->pool);
    if (rc) {
        free(ds);
        return rc;
    }
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
    ecosys_i_strpool_dispose(&ds->pool);
    free(ds->dates);
    free(ds->actor_id);
    free(ds->actor_name);
    ecosys_i_column_dispose(&ds->actor_sector);
    ecosys_i_column_dispose(&ds->actor_territory);
    ecosys_i_column_dispose(&ds->actor_axes);
    free(ds->tie_source);
    free(ds->tie_target);
    ecosys_i_column *columns[] = {&ds->tie_weight, &ds->tie_kind, &ds->tie_axis,
                                  &ds->tie_start, &ds->tie_end};
    for (size_t c = 0; c < sizeof columns / sizeof *columns; c++)
        ecosys_i_column_dispose(columns[c]);
    attribute_table_dispose(&ds->attributes[0]);
    attribute_table_dispose(&ds->attributes[1]);
    ecosys_i_twomode_free(ds->twomode);
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

int ecosys_i_dataset_intern_hashed(uint32_t *out, ecosys_dataset *ds, const char *text,
                                   size_t length, uint32_t hash)
{
    uint32_t index = ecosys_i_strpool_lookup_hashed(&ds->pool, text, length, hash);
    if (index != ECOSYS_I_STRPOOL_NONE) {
        *out = index;
        return 0;
    }
    if (!g_utf8_validate(text, (gssize) length, NULL))
        return ecosys_i_error(ECOSYS_EINVAL, "not valid UTF-8");
    return ecosys_i_strpool_intern_hashed(out, &ds->pool, text, length, hash);
}

int ecosys_i_dataset_intern(uint32_t *out, ecosys_dataset *ds, const char *text, size_t length)
{
    return ecosys_i_dataset_intern_hashed(out, ds, text, length,
                                          ecosys_i_strpool_hash(text, length));
}

int ecosys_i_dataset_store(uint32_t *out, ecosys_dataset *ds, const char *text, size_t length)
{
    *out = 0;
    if (length == 0)
        return 0;
    if (!g_utf8_validate(text, (gssize) length, NULL))
        return ecosys_i_error(ECOSYS_EINVAL, "not valid UTF-8");
    return ecosys_i_strpool_store(out, &ds->pool, text, length);
}

/* Interns a field given to the API (NULL means ""); errors name it. */
static int intern_field(uint32_t *out, ecosys_dataset *ds, const char *text, const char *field)
{
    if (!text)
        text = "";
    int rc = ecosys_i_dataset_intern(out, ds, text, strlen(text));
    return rc == ECOSYS_EINVAL ? ecosys_i_error_prefix("%s", field) : rc;
}

static int grow_actors(ecosys_dataset *ds, size_t capacity)
{
    if (capacity > UINT32_MAX)
        return ecosys_i_error(ECOSYS_ERROR, "too many actors (limit %u)", (unsigned) UINT32_MAX);
    /* Arrays and columns already grown stay valid, just larger. */
    if (ecosys_i_resize((void **) &ds->actor_id, capacity, sizeof(uint32_t)) ||
        ecosys_i_resize((void **) &ds->actor_name, capacity, sizeof(uint32_t)) ||
        ecosys_i_column_reserve(&ds->actor_sector, capacity, ds->actor_count) ||
        ecosys_i_column_reserve(&ds->actor_territory, capacity, ds->actor_count) ||
        ecosys_i_column_reserve(&ds->actor_axes, capacity, ds->actor_count))
        return ECOSYS_ENOMEM;
    ds->actor_capacity = capacity;
    return 0;
}

static int reserve_actors(ecosys_dataset *ds, size_t need)
{
    if (need <= ds->actor_capacity)
        return 0;
    size_t capacity = ecosys_i_next_capacity(ds->actor_capacity, need);
    return grow_actors(ds, capacity > UINT32_MAX && need <= UINT32_MAX ? UINT32_MAX : capacity);
}

int ecosys_i_dataset_add_actor_interned(size_t *out_index, ecosys_dataset *ds,
                                        const ecosys_i_actor_row *a)
{
    uint32_t id = a->field[ECOSYS_I_ACTOR_ID];
    for (int f = 0; f < ECOSYS_I_ACTOR_FIELDS; f++)
        if (a->field[f] >= ds->pool.count)
            return ecosys_i_error(ECOSYS_EINVAL, "actor %s: no text %u in the pool",
                                  ecosys_i_actor_fields[f], (unsigned) a->field[f]);
    if (id == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "actor id is empty");
    if (ecosys_i_dataset_actor_of(ds, id) != SIZE_MAX)
        return ecosys_i_error(ECOSYS_EEXISTS, "duplicate actor id \"%.200s\"",
                              ecosys_i_strpool_get(&ds->pool, id));
    int rc;
    if ((rc = reserve_actors(ds, ds->actor_count + 1)))
        return rc;
    size_t i = ds->actor_count;
    if ((rc = ecosys_i_column_append(&ds->actor_sector, i, a->field[ECOSYS_I_ACTOR_SECTOR])) ||
        (rc = ecosys_i_column_append(&ds->actor_territory, i,
                                     a->field[ECOSYS_I_ACTOR_TERRITORY])) ||
        (rc = ecosys_i_column_append(&ds->actor_axes, i, a->field[ECOSYS_I_ACTOR_AXES])))
        return rc; /* the row is not counted: what was set is overwritten next time */
    ds->actor_id[i] = id;
    ds->actor_name[i] = a->field[ECOSYS_I_ACTOR_NAME];
    ds->actor_count++;
    ecosys_i_strpool_set_value(&ds->pool, id, (uint32_t) i);
    if (out_index)
        *out_index = i;
    return 0;
}

int ecosys_dataset_add_actor(size_t *out_index, ecosys_dataset *ds, const ecosys_actor_info *a)
{
    if (!ds || !a)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_add_actor: NULL argument");
    const char *texts[] = {a->id, a->name, a->sector, a->territory, a->axes};
    static const char *const names[] = {"actor id", "actor name", "actor sector",
                                        "actor territory", "actor axes"};
    ecosys_i_actor_row row;
    for (int f = 0; f < ECOSYS_I_ACTOR_FIELDS; f++) {
        int rc = intern_field(&row.field[f], ds, texts[f], names[f]);
        if (rc)
            return rc;
    }
    return ecosys_i_dataset_add_actor_interned(out_index, ds, &row);
}

int ecosys_dataset_actor(ecosys_actor_info *out, const ecosys_dataset *ds, size_t i)
{
    if (!out || !ds || i >= ds->actor_count)
        return ecosys_i_error(ECOSYS_EINVAL, "actor index %zu out of range (%zu actors)", i,
                              ds ? ds->actor_count : 0);
    const ecosys_i_strpool *p = &ds->pool;
    out->id = ecosys_i_strpool_get(p, ds->actor_id[i]);
    out->name = ecosys_i_strpool_get(p, ds->actor_name[i]);
    out->sector = ecosys_i_strpool_get(p, ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_SECTOR, i));
    out->territory =
        ecosys_i_strpool_get(p, ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_TERRITORY, i));
    out->axes = ecosys_i_strpool_get(p, ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_AXES, i));
    return 0;
}

size_t ecosys_i_dataset_find_actor_hashed(const ecosys_dataset *ds, const char *id,
                                          size_t length, uint32_t hash)
{
    uint32_t index = ecosys_i_strpool_lookup_hashed(&ds->pool, id, length, hash);
    return index == ECOSYS_I_STRPOOL_NONE ? SIZE_MAX : ecosys_i_dataset_actor_of(ds, index);
}

int ecosys_dataset_find_actor(size_t *out_index, const ecosys_dataset *ds, const char *id)
{
    if (!ds || !id)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_find_actor: NULL argument");
    size_t length = strlen(id);
    size_t actor = ecosys_i_dataset_find_actor_hashed(ds, id, length,
                                                      ecosys_i_strpool_hash(id, length));
    if (actor == SIZE_MAX)
        return ecosys_i_error(ECOSYS_ENOTFOUND, "no actor with id \"%.200s\"", id);
    if (out_index)
        *out_index = actor;
    return 0;
}

int ecosys_dataset_actor_has_axis(const ecosys_dataset *ds, size_t i, const char *axis)
{
    if (!ds || !axis || i >= ds->actor_count)
        return 0;
    const char *axes =
        ecosys_i_strpool_get(&ds->pool, ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_AXES, i));
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

/* The days a date field covers. Loading 5M ties checks up to 10M dates, most
 * of them repeats of a few thousand texts: a small cache, direct-mapped by
 * pool index, parses each distinct text about once instead of once per tie.
 * Without memory for the cache, dates are parsed each time. */
#define DATE_CACHE 4096

static int date_of(int32_t *first, int32_t *last, ecosys_dataset *ds, uint32_t text)
{
    if (!ds->dates)
        ds->dates = calloc(DATE_CACHE, sizeof *ds->dates);
    ecosys_i_date_entry *entry = ds->dates ? &ds->dates[text % DATE_CACHE] : NULL;
    if (entry && entry->text == text) {
        *first = entry->first;
        *last = entry->last;
        return 0;
    }
    int rc = ecosys_date_parse(first, last, ecosys_i_strpool_get(&ds->pool, text));
    if (!rc && entry)
        *entry = (ecosys_i_date_entry){text, *first, *last};
    return rc;
}

/* The one validation of a tie, whichever way it comes in. Texts are valid
 * UTF-8 already: the pool holds nothing else. */
static int check_tie(ecosys_dataset *ds, const ecosys_i_tie_row *t, int *bad)
{
    if (t->source >= ds->actor_count || t->target >= ds->actor_count) {
        *bad = t->source >= ds->actor_count ? ECOSYS_I_TIE_SOURCE : ECOSYS_I_TIE_TARGET;
        return ecosys_i_error(ECOSYS_EINVAL, "tie names actor index %zu, out of range (%zu actors)",
                              t->source >= ds->actor_count ? t->source : t->target,
                              ds->actor_count);
    }
    if (!isfinite(t->weight) || t->weight < 0) {
        *bad = ECOSYS_I_TIE_WEIGHT;
        return ecosys_i_error(ECOSYS_EINVAL, "weight %g must be finite and >= 0", t->weight);
    }
    const uint32_t texts[] = {t->kind, t->axis, t->start, t->end};
    for (int i = 0; i < 4; i++) {
        if (texts[i] >= ds->pool.count) {
            *bad = ECOSYS_I_TIE_KIND + i;
            return ecosys_i_error(ECOSYS_EINVAL, "tie %s: no text %u in the pool",
                                  ecosys_i_tie_fields[*bad], (unsigned) texts[i]);
        }
    }
    int32_t start_first = INT32_MIN, end_last = INT32_MAX, unused;
    *bad = ECOSYS_I_TIE_START;
    if (t->start && date_of(&start_first, &unused, ds, t->start))
        return ECOSYS_EINVAL;
    *bad = ECOSYS_I_TIE_END;
    if (t->end && date_of(&unused, &end_last, ds, t->end))
        return ECOSYS_EINVAL;
    *bad = ECOSYS_I_TIE_ORDER;
    if (end_last < start_first)
        return ecosys_i_error(ECOSYS_EINVAL, "end \"%s\" is before start \"%s\"",
                              ecosys_i_strpool_get(&ds->pool, t->end),
                              ecosys_i_strpool_get(&ds->pool, t->start));
    return 0;
}

static int grow_ties(ecosys_dataset *ds, size_t capacity)
{
    if (ecosys_i_resize((void **) &ds->tie_source, capacity, sizeof(uint32_t)) ||
        ecosys_i_resize((void **) &ds->tie_target, capacity, sizeof(uint32_t)))
        return ECOSYS_ENOMEM;
    ecosys_i_column *columns[] = {&ds->tie_weight, &ds->tie_kind, &ds->tie_axis,
                                  &ds->tie_start, &ds->tie_end};
    for (size_t c = 0; c < sizeof columns / sizeof *columns; c++)
        if (ecosys_i_column_reserve(columns[c], capacity, ds->tie_count))
            return ECOSYS_ENOMEM; /* columns already grown stay valid, just larger */
    ds->tie_capacity = capacity;
    return 0;
}

static int reserve_ties(ecosys_dataset *ds, size_t need)
{
    if (need <= ds->tie_capacity)
        return 0;
    return grow_ties(ds, ecosys_i_next_capacity(ds->tie_capacity, need));
}

int ecosys_i_dataset_reserve(ecosys_dataset *ds, size_t actors, size_t ties)
{
    int rc = 0;
    if (actors > ds->actor_capacity)
        rc = grow_actors(ds, actors);
    if (!rc && ties > ds->tie_capacity)
        rc = grow_ties(ds, ties);
    return rc;
}

int ecosys_i_dataset_add_tie_interned(size_t *out_index, ecosys_dataset *ds,
                                      const ecosys_i_tie_row *t, int *bad_field)
{
    int bad, rc;
    if ((rc = check_tie(ds, t, &bad))) {
        if (bad_field)
            *bad_field = bad;
        return rc;
    }
    if ((rc = reserve_ties(ds, ds->tie_count + 1)))
        return rc;
    size_t i = ds->tie_count;
    if ((rc = ecosys_i_column_append(&ds->tie_weight, i, ecosys_i_double_bits(t->weight))) ||
        (rc = ecosys_i_column_append(&ds->tie_kind, i, t->kind)) ||
        (rc = ecosys_i_column_append(&ds->tie_axis, i, t->axis)) ||
        (rc = ecosys_i_column_append(&ds->tie_start, i, t->start)) ||
        (rc = ecosys_i_column_append(&ds->tie_end, i, t->end)))
        return rc; /* the row is not counted: what was set is overwritten next time */
    ds->tie_source[i] = (uint32_t) t->source;
    ds->tie_target[i] = (uint32_t) t->target;
    ds->tie_count++;
    if (out_index)
        *out_index = i;
    return 0;
}

int ecosys_dataset_add_tie(size_t *out_index, ecosys_dataset *ds, const ecosys_tie_info *t)
{
    if (!ds || !t)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_add_tie: NULL argument");
    ecosys_i_tie_row row = {.source = t->source, .target = t->target, .weight = t->weight};
    int rc, bad;
    if ((rc = intern_field(&row.kind, ds, t->kind, "tie kind")) ||
        (rc = intern_field(&row.axis, ds, t->axis, "tie axis")) ||
        (rc = intern_field(&row.start, ds, t->start, "tie start")) ||
        (rc = intern_field(&row.end, ds, t->end, "tie end")))
        return rc;
    rc = ecosys_i_dataset_add_tie_interned(out_index, ds, &row, &bad);
    if (rc == ECOSYS_EINVAL && (bad == ECOSYS_I_TIE_START || bad == ECOSYS_I_TIE_END))
        return ecosys_i_error_prefix("%s", ecosys_i_tie_fields[bad]);
    return rc;
}

int ecosys_dataset_tie(ecosys_tie_info *out, const ecosys_dataset *ds, size_t i)
{
    if (!out || !ds || i >= ds->tie_count)
        return ecosys_i_error(ECOSYS_EINVAL, "tie index %zu out of range (%zu ties)", i,
                              ds ? ds->tie_count : 0);
    const ecosys_i_strpool *p = &ds->pool;
    out->source = ds->tie_source[i];
    out->target = ds->tie_target[i];
    out->weight = ecosys_i_tie_weight(ds, i);
    out->kind = ecosys_i_strpool_get(p, ecosys_i_tie_text(&ds->tie_kind, i));
    out->axis = ecosys_i_strpool_get(p, ecosys_i_tie_text(&ds->tie_axis, i));
    out->start = ecosys_i_strpool_get(p, ecosys_i_tie_text(&ds->tie_start, i));
    out->end = ecosys_i_strpool_get(p, ecosys_i_tie_text(&ds->tie_end, i));
    return 0;
}
