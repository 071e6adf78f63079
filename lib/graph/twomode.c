/* Two-mode tables of a dataset: events, participation and their free
 * attributes (ecosys/twomode.h). Computations on them live in
 * graph/projection.c. */
#include "graph/twomode_internal.h"

#include "core/error.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ecosys_i_event_fields[] = {"id", "name", "date", "axis", "kind", NULL};
const char *const ecosys_i_participation_fields[] = {"actor", "event", NULL};

/* ---- life cycle ------------------------------------------------------------ */

const ecosys_i_twomode *ecosys_i_twomode_get(const ecosys_dataset *ds)
{
    return ds ? ds->twomode : NULL;
}

ecosys_i_twomode *ecosys_i_twomode_of(ecosys_dataset *ds)
{
    if (ds->twomode)
        return ds->twomode;
    ecosys_i_twomode *tm = calloc(1, sizeof *tm);
    if (!tm) {
        ecosys_i_error_nomem();
        return NULL;
    }
    if (ecosys_i_strpool_init(&tm->pool)) {
        free(tm);
        ecosys_i_error_nomem();
        return NULL;
    }
    ds->twomode = tm;
    return tm;
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

void ecosys_i_twomode_free(ecosys_i_twomode *tm)
{
    if (!tm)
        return;
    ecosys_i_strpool_dispose(&tm->pool);
    for (int f = 0; f < ECOSYS_I_EVENT_FIELDS; f++)
        free(tm->event_field[f]);
    free(tm->part_actor);
    free(tm->part_event);
    attribute_table_dispose(&tm->attributes[0]);
    attribute_table_dispose(&tm->attributes[1]);
    free(tm);
}

int ecosys_i_twomode_intern(uint32_t *out, ecosys_i_twomode *tm, const char *text, size_t length)
{
    uint32_t index = ecosys_i_strpool_lookup_len(&tm->pool, text, length);
    if (index != ECOSYS_I_STRPOOL_NONE) {
        *out = index;
        return 0;
    }
    if (!g_utf8_validate(text, (gssize) length, NULL))
        return ecosys_i_error(ECOSYS_EINVAL, "not valid UTF-8");
    return ecosys_i_strpool_intern_len(out, &tm->pool, text, length);
}

/* ---- events ------------------------------------------------------------------ */

size_t ecosys_i_twomode_find_event(const ecosys_i_twomode *tm, const char *id, size_t length)
{
    if (!tm)
        return SIZE_MAX;
    uint32_t index = ecosys_i_strpool_lookup_len(&tm->pool, id, length);
    if (index == ECOSYS_I_STRPOOL_NONE)
        return SIZE_MAX;
    uint32_t event = ecosys_i_strpool_value(&tm->pool, index);
    return event == ECOSYS_I_STRPOOL_NONE ? SIZE_MAX : event;
}

static int reserve_events(ecosys_i_twomode *tm, size_t need)
{
    if (need <= tm->event_capacity)
        return 0;
    if (need > UINT32_MAX - 1)
        return ecosys_i_error(ECOSYS_ERROR, "too many events (limit %u)",
                              (unsigned) (UINT32_MAX - 1));
    size_t capacity = ecosys_i_next_capacity(tm->event_capacity, need);
    if (capacity > UINT32_MAX - 1)
        capacity = UINT32_MAX - 1;
    for (int f = 0; f < ECOSYS_I_EVENT_FIELDS; f++)
        if (ecosys_i_resize((void **) &tm->event_field[f], capacity, sizeof(uint32_t)))
            return ECOSYS_ENOMEM;
    tm->event_capacity = capacity;
    return 0;
}

int ecosys_i_twomode_add_event_interned(size_t *out_index, ecosys_i_twomode *tm,
                                        const uint32_t field[ECOSYS_I_EVENT_FIELDS],
                                        int *bad_field)
{
    int bad = ECOSYS_I_EVENT_ID, rc;
    uint32_t id = field[ECOSYS_I_EVENT_ID];
    if (id == ECOSYS_I_STRPOOL_NONE || id >= tm->pool.count ||
        ecosys_i_strpool_get(&tm->pool, id)[0] == '\0') {
        rc = ecosys_i_error(ECOSYS_EINVAL, "event id is empty");
        goto fail;
    }
    if (ecosys_i_strpool_value(&tm->pool, id) != ECOSYS_I_STRPOOL_NONE) {
        rc = ecosys_i_error(ECOSYS_EEXISTS, "duplicate event id \"%.200s\"",
                            ecosys_i_strpool_get(&tm->pool, id));
        goto fail;
    }
    const char *date = ecosys_i_strpool_get(&tm->pool, field[ECOSYS_I_EVENT_DATE]);
    int32_t first, last;
    if (date[0] && ecosys_date_parse(&first, &last, date)) {
        bad = ECOSYS_I_EVENT_DATE;
        rc = ECOSYS_EINVAL;
        goto fail;
    }
    if ((rc = reserve_events(tm, tm->event_count + 1)))
        return rc;
    size_t i = tm->event_count++;
    for (int f = 0; f < ECOSYS_I_EVENT_FIELDS; f++)
        tm->event_field[f][i] = field[f];
    ecosys_i_strpool_set_value(&tm->pool, id, (uint32_t) i);
    if (out_index)
        *out_index = i;
    return 0;
fail:
    if (bad_field)
        *bad_field = bad;
    return rc;
}

int ecosys_twomode_add_event(size_t *out_index, ecosys_dataset *ds, const ecosys_event_info *e)
{
    if (!ds || !e)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_add_event: NULL argument");
    ecosys_i_twomode *tm = ecosys_i_twomode_of(ds);
    if (!tm)
        return ECOSYS_ENOMEM;
    const char *texts[] = {e->id, e->name, e->date, e->axis, e->kind};
    uint32_t field[ECOSYS_I_EVENT_FIELDS];
    for (int f = 0; f < ECOSYS_I_EVENT_FIELDS; f++) {
        const char *text = texts[f] ? texts[f] : "";
        int rc = ecosys_i_twomode_intern(&field[f], tm, text, strlen(text));
        if (rc == ECOSYS_EINVAL)
            return ecosys_i_error_prefix("event %s", ecosys_i_event_fields[f]);
        if (rc)
            return rc;
    }
    int bad, rc = ecosys_i_twomode_add_event_interned(out_index, tm, field, &bad);
    if (rc == ECOSYS_EINVAL && bad == ECOSYS_I_EVENT_DATE)
        return ecosys_i_error_prefix("event date");
    return rc;
}

size_t ecosys_twomode_event_count(const ecosys_dataset *ds)
{
    return ds && ds->twomode ? ds->twomode->event_count : 0;
}

int ecosys_twomode_event(ecosys_event_info *out, const ecosys_dataset *ds, size_t i)
{
    size_t count = ecosys_twomode_event_count(ds);
    if (!out || i >= count)
        return ecosys_i_error(ECOSYS_EINVAL, "event index %zu out of range (%zu events)", i,
                              count);
    const ecosys_i_twomode *tm = ds->twomode;
    const char **fields[] = {&out->id, &out->name, &out->date, &out->axis, &out->kind};
    for (int f = 0; f < ECOSYS_I_EVENT_FIELDS; f++)
        *fields[f] = ecosys_i_strpool_get(&tm->pool, tm->event_field[f][i]);
    return 0;
}

int ecosys_twomode_find_event(size_t *out_index, const ecosys_dataset *ds, const char *id)
{
    if (!out_index || !ds || !id)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_find_event: NULL argument");
    size_t event = ecosys_i_twomode_find_event(ds->twomode, id, strlen(id));
    if (event == SIZE_MAX)
        return ecosys_i_error(ECOSYS_ENOTFOUND, "no event has the id \"%.200s\"", id);
    *out_index = event;
    return 0;
}

/* ---- participation --------------------------------------------------------------- */

int ecosys_twomode_add_participation(size_t *out_index, ecosys_dataset *ds,
                                     const ecosys_participation_info *p)
{
    if (!ds || !p)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_add_participation: NULL argument");
    if (p->actor >= ds->actor_count)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "participation names actor index %zu, out of range (%zu actors)",
                              p->actor, ds->actor_count);
    size_t events = ecosys_twomode_event_count(ds);
    if (p->event >= events)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "participation names event index %zu, out of range (%zu events)",
                              p->event, events);
    ecosys_i_twomode *tm = ds->twomode; /* exists: it has an event */
    if (tm->part_count + 1 > tm->part_capacity) {
        size_t capacity = ecosys_i_next_capacity(tm->part_capacity, tm->part_count + 1);
        if (ecosys_i_resize((void **) &tm->part_actor, capacity, sizeof(uint32_t)) ||
            ecosys_i_resize((void **) &tm->part_event, capacity, sizeof(uint32_t)))
            return ECOSYS_ENOMEM;
        tm->part_capacity = capacity;
    }
    size_t i = tm->part_count++;
    tm->part_actor[i] = (uint32_t) p->actor;
    tm->part_event[i] = (uint32_t) p->event;
    if (out_index)
        *out_index = i;
    return 0;
}

size_t ecosys_twomode_participation_count(const ecosys_dataset *ds)
{
    return ds && ds->twomode ? ds->twomode->part_count : 0;
}

int ecosys_twomode_participation(ecosys_participation_info *out, const ecosys_dataset *ds,
                                 size_t i)
{
    size_t count = ecosys_twomode_participation_count(ds);
    if (!out || i >= count)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "participation index %zu out of range (%zu rows)", i, count);
    out->actor = ds->twomode->part_actor[i];
    out->event = ds->twomode->part_event[i];
    return 0;
}

int ecosys_twomode_present(const ecosys_dataset *ds)
{
    const ecosys_i_twomode *tm = ecosys_i_twomode_get(ds);
    return tm && (tm->event_count || tm->part_count || tm->attributes[0].count ||
                  tm->attributes[1].count);
}

void ecosys_twomode_clear(ecosys_dataset *ds)
{
    if (!ds)
        return;
    ecosys_i_twomode_free(ds->twomode);
    ds->twomode = NULL;
}

/* ---- free attributes ---------------------------------------------------------------- */

static int known_table(ecosys_twomode_table table)
{
    return table == ECOSYS_TWOMODE_EVENTS || table == ECOSYS_TWOMODE_PARTICIPATION;
}

static size_t row_count(const ecosys_i_twomode *tm, ecosys_twomode_table table)
{
    return table == ECOSYS_TWOMODE_EVENTS ? tm->event_count : tm->part_count;
}

static const ecosys_i_attribute *attribute_of(const ecosys_dataset *ds,
                                              ecosys_twomode_table table, size_t attr)
{
    const ecosys_i_twomode *tm = ecosys_i_twomode_get(ds);
    if (!tm || !known_table(table) || attr >= tm->attributes[table].count)
        return NULL;
    return &tm->attributes[table].items[attr];
}

size_t ecosys_twomode_attribute_count(const ecosys_dataset *ds, ecosys_twomode_table table)
{
    const ecosys_i_twomode *tm = ecosys_i_twomode_get(ds);
    return tm && known_table(table) ? tm->attributes[table].count : 0;
}

const char *ecosys_twomode_attribute_name(const ecosys_dataset *ds, ecosys_twomode_table table,
                                          size_t attr)
{
    const ecosys_i_attribute *a = attribute_of(ds, table, attr);
    return a ? a->name : NULL;
}

int ecosys_twomode_find_attribute(size_t *out_attr, const ecosys_dataset *ds,
                                  ecosys_twomode_table table, const char *name)
{
    if (!out_attr || !ds || !name || !known_table(table))
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_find_attribute: bad argument");
    size_t count = ecosys_twomode_attribute_count(ds, table);
    for (size_t a = 0; a < count; a++) {
        if (strcmp(ds->twomode->attributes[table].items[a].name, name) == 0) {
            *out_attr = a;
            return 0;
        }
    }
    return ecosys_i_error(ECOSYS_ENOTFOUND, "no %s attribute \"%.200s\"",
                          table == ECOSYS_TWOMODE_EVENTS ? "event" : "participation", name);
}

static int is_builtin(ecosys_twomode_table table, const char *name)
{
    const char *const *fields = table == ECOSYS_TWOMODE_EVENTS ? ecosys_i_event_fields
                                                               : ecosys_i_participation_fields;
    for (; *fields; fields++)
        if (strcmp(*fields, name) == 0)
            return 1;
    return 0;
}

int ecosys_twomode_add_attribute(size_t *out_attr, ecosys_dataset *ds,
                                 ecosys_twomode_table table, const char *name)
{
    if (!ds || !name || !known_table(table))
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_add_attribute: bad argument");
    if (!name[0])
        return ecosys_i_error(ECOSYS_EINVAL, "attribute name is empty");
    if (!g_utf8_validate(name, -1, NULL))
        return ecosys_i_error(ECOSYS_EINVAL, "attribute name is not valid UTF-8");
    const char *what = table == ECOSYS_TWOMODE_EVENTS ? "event" : "participation";
    if (is_builtin(table, name))
        return ecosys_i_error(ECOSYS_EEXISTS, "\"%.200s\" is a built-in %s field", name, what);
    size_t existing;
    if (ecosys_twomode_find_attribute(&existing, ds, table, name) == 0)
        return ecosys_i_error(ECOSYS_EEXISTS, "%s attribute \"%.200s\" already exists", what,
                              name);
    ecosys_i_twomode *tm = ecosys_i_twomode_of(ds);
    if (!tm)
        return ECOSYS_ENOMEM;
    ecosys_i_attribute_table *t = &tm->attributes[table];
    if (t->count == t->capacity) {
        size_t capacity = ecosys_i_next_capacity(t->capacity, t->count + 1);
        if (ecosys_i_resize((void **) &t->items, capacity, sizeof *t->items))
            return ECOSYS_ENOMEM;
        t->capacity = capacity;
    }
    ecosys_i_attribute a = {strdup(name), strdup("string"), NULL, 0, 0};
    if (!a.name || !a.type) {
        free(a.name);
        free(a.type);
        return ecosys_i_error_nomem();
    }
    t->items[t->count] = a;
    if (out_attr)
        *out_attr = t->count;
    t->count++;
    return 0;
}

int ecosys_twomode_set_attribute(ecosys_dataset *ds, ecosys_twomode_table table, size_t row,
                                 size_t attr, const char *value)
{
    ecosys_i_attribute *a = (ecosys_i_attribute *) attribute_of(ds, table, attr);
    if (!a || !value)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_twomode_set_attribute: no attribute %zu "
                              "or NULL value", attr);
    ecosys_i_twomode *tm = ds->twomode;
    if (row >= row_count(tm, table))
        return ecosys_i_error(ECOSYS_EINVAL, "row %zu out of range (%zu rows)", row,
                              row_count(tm, table));
    uint32_t text;
    int rc = ecosys_i_twomode_intern(&text, tm, value, strlen(value));
    if (rc == ECOSYS_EINVAL)
        return ecosys_i_error_prefix("attribute \"%.200s\"", a->name);
    if (rc)
        return rc;
    if (row >= a->length) {
        if (row >= a->capacity) {
            size_t capacity = ecosys_i_next_capacity(a->capacity, row + 1);
            if (ecosys_i_resize((void **) &a->values, capacity, sizeof(uint32_t)))
                return ECOSYS_ENOMEM;
            a->capacity = capacity;
        }
        memset(a->values + a->length, 0, (row + 1 - a->length) * sizeof(uint32_t));
        a->length = row + 1;
    }
    a->values[row] = text;
    return 0;
}

const char *ecosys_twomode_attribute(const ecosys_dataset *ds, ecosys_twomode_table table,
                                     size_t row, size_t attr)
{
    const ecosys_i_attribute *a = attribute_of(ds, table, attr);
    if (!a || row >= row_count(ds->twomode, table))
        return NULL;
    return ecosys_i_strpool_get(&ds->twomode->pool, row < a->length ? a->values[row] : 0);
}

/* ---- comparison --------------------------------------------------------------------- */

static int differ(char **out, const char *format, ...) G_GNUC_PRINTF(2, 3);

static int differ(char **out, const char *format, ...)
{
    if (out) {
        char text[1024];
        va_list args;
        va_start(args, format);
        vsnprintf(text, sizeof text, format, args);
        va_end(args);
        *out = strdup(text); /* released with ecosys_string_free (free) */
        if (!*out)
            return ecosys_i_error_nomem();
    }
    return 0;
}

static int same_attributes(char **out, const ecosys_dataset *a, const ecosys_dataset *b,
                           ecosys_twomode_table table)
{
    const char *what = table == ECOSYS_TWOMODE_EVENTS ? "event" : "participation";
    size_t count = ecosys_twomode_attribute_count(a, table);
    if (count != ecosys_twomode_attribute_count(b, table))
        return differ(out, "%s attributes: %zu != %zu", what, count,
                      ecosys_twomode_attribute_count(b, table));
    size_t rows = table == ECOSYS_TWOMODE_EVENTS ? ecosys_twomode_event_count(a)
                                                 : ecosys_twomode_participation_count(a);
    for (size_t k = 0; k < count; k++) {
        const char *name = ecosys_twomode_attribute_name(a, table, k);
        if (strcmp(name, ecosys_twomode_attribute_name(b, table, k)) != 0)
            return differ(out, "%s attribute %zu: \"%s\" != \"%s\"", what, k, name,
                          ecosys_twomode_attribute_name(b, table, k));
        for (size_t r = 0; r < rows; r++) {
            const char *x = ecosys_twomode_attribute(a, table, r, k);
            const char *y = ecosys_twomode_attribute(b, table, r, k);
            if (strcmp(x, y) != 0)
                return differ(out, "%s %zu: attribute %s \"%s\" != \"%s\"", what, r, name, x, y);
        }
    }
    return 1;
}

int ecosys_i_twomode_equal(char **out, const ecosys_dataset *a, const ecosys_dataset *b)
{
    size_t events = ecosys_twomode_event_count(a);
    if (events != ecosys_twomode_event_count(b))
        return differ(out, "event count: %zu != %zu", events, ecosys_twomode_event_count(b));
    size_t parts = ecosys_twomode_participation_count(a);
    if (parts != ecosys_twomode_participation_count(b))
        return differ(out, "participation count: %zu != %zu", parts,
                      ecosys_twomode_participation_count(b));
    for (size_t i = 0; i < events; i++) {
        ecosys_event_info x, y;
        ecosys_twomode_event(&x, a, i);
        ecosys_twomode_event(&y, b, i);
        const char *xs[] = {x.id, x.name, x.date, x.axis, x.kind};
        const char *ys[] = {y.id, y.name, y.date, y.axis, y.kind};
        for (int f = 0; f < ECOSYS_I_EVENT_FIELDS; f++)
            if (strcmp(xs[f], ys[f]) != 0)
                return differ(out, "event %zu: %s \"%s\" != \"%s\"", i, ecosys_i_event_fields[f],
                              xs[f], ys[f]);
    }
    for (size_t i = 0; i < parts; i++) {
        ecosys_participation_info x, y;
        ecosys_twomode_participation(&x, a, i);
        ecosys_twomode_participation(&y, b, i);
        if (x.actor != y.actor || x.event != y.event)
            return differ(out, "participation %zu: (actor %zu, event %zu) != (actor %zu, event "
                          "%zu)", i, x.actor, x.event, y.actor, y.event);
    }
    int rc;
    if ((rc = same_attributes(out, a, b, ECOSYS_TWOMODE_EVENTS)) != 1)
        return rc;
    return same_attributes(out, a, b, ECOSYS_TWOMODE_PARTICIPATION);
}
