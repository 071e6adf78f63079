/* Free attributes: named text columns of the actor and tie tables, and
 * access to any column by name. */
#include "graph/dataset_internal.h"

#include "core/error.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static const char *const attribute_types[] = {"string", "boolean", "int", "long",
                                              "float",  "double",  NULL};

static ecosys_i_attribute_table *table_of(const ecosys_dataset *ds, ecosys_table table)
{
    if (!ds || (table != ECOSYS_TABLE_ACTORS && table != ECOSYS_TABLE_TIES))
        return NULL;
    return (ecosys_i_attribute_table *) &ds->attributes[table];
}

static size_t row_count(const ecosys_dataset *ds, ecosys_table table)
{
    return table == ECOSYS_TABLE_ACTORS ? ds->actor_count : ds->tie_count;
}

static const ecosys_i_attribute *attribute_of(const ecosys_dataset *ds, ecosys_table table,
                                              size_t attr)
{
    const ecosys_i_attribute_table *t = table_of(ds, table);
    return t && attr < t->count ? &t->items[attr] : NULL;
}

size_t ecosys_dataset_attribute_count(const ecosys_dataset *ds, ecosys_table table)
{
    const ecosys_i_attribute_table *t = table_of(ds, table);
    return t ? t->count : 0;
}

const char *ecosys_dataset_attribute_name(const ecosys_dataset *ds, ecosys_table table,
                                          size_t attr)
{
    const ecosys_i_attribute *a = attribute_of(ds, table, attr);
    return a ? a->name : NULL;
}

const char *ecosys_dataset_attribute_type(const ecosys_dataset *ds, ecosys_table table,
                                          size_t attr)
{
    const ecosys_i_attribute *a = attribute_of(ds, table, attr);
    return a ? a->type : NULL;
}

int ecosys_dataset_set_attribute_type(ecosys_dataset *ds, ecosys_table table, size_t attr,
                                      const char *type)
{
    ecosys_i_attribute *a = (ecosys_i_attribute *) attribute_of(ds, table, attr);
    if (!a)
        return ecosys_i_error(ECOSYS_EINVAL, "attribute index %zu out of range", attr);
    for (const char *const *known = attribute_types; *known; known++) {
        if (type && strcmp(*known, type) == 0) {
            char *copy = strdup(type);
            if (!copy)
                return ecosys_i_error_nomem();
            free(a->type);
            a->type = copy;
            return 0;
        }
    }
    return ecosys_i_error(ECOSYS_EINVAL,
                          "unknown attribute type \"%.64s\" (expected string, boolean, int, "
                          "long, float or double)",
                          type ? type : "(null)");
}

int ecosys_dataset_find_attribute(size_t *out_attr, const ecosys_dataset *ds,
                                  ecosys_table table, const char *name)
{
    const ecosys_i_attribute_table *t = table_of(ds, table);
    if (!t || !name)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_find_attribute: bad argument");
    for (size_t i = 0; i < t->count; i++) {
        if (strcmp(t->items[i].name, name) == 0) {
            if (out_attr)
                *out_attr = i;
            return 0;
        }
    }
    return ecosys_i_error(ECOSYS_ENOTFOUND, "no attribute \"%.200s\"", name);
}

int ecosys_dataset_add_attribute(size_t *out_attr, ecosys_dataset *ds, ecosys_table table,
                                 const char *name)
{
    ecosys_i_attribute_table *t = table_of(ds, table);
    if (!t || !name)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_add_attribute: bad argument");
    if (!name[0])
        return ecosys_i_error(ECOSYS_EINVAL, "attribute name is empty");
    if (!g_utf8_validate(name, -1, NULL))
        return ecosys_i_error(ECOSYS_EINVAL, "attribute name is not valid UTF-8");
    if (ecosys_i_is_builtin_field(table, name))
        return ecosys_i_error(ECOSYS_EEXISTS, "\"%.200s\" is a built-in field", name);
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].name, name) == 0)
            return ecosys_i_error(ECOSYS_EEXISTS, "duplicate attribute \"%.200s\"", name);
    if (t->count == t->capacity) {
        size_t capacity = ecosys_i_next_capacity(t->capacity, t->count + 1);
        if (ecosys_i_resize((void **) &t->items, capacity, sizeof *t->items))
            return ECOSYS_ENOMEM;
        t->capacity = capacity;
    }
    ecosys_i_attribute *a = &t->items[t->count];
    memset(a, 0, sizeof *a);
    a->name = strdup(name);
    a->type = strdup("string");
    if (!a->name || !a->type) {
        free(a->name);
        free(a->type);
        return ecosys_i_error_nomem();
    }
    if (out_attr)
        *out_attr = t->count;
    t->count++;
    return 0;
}

int ecosys_dataset_set_attribute(ecosys_dataset *ds, ecosys_table table, size_t row,
                                 size_t attr, const char *value)
{
    ecosys_i_attribute *a = (ecosys_i_attribute *) attribute_of(ds, table, attr);
    if (!a)
        return ecosys_i_error(ECOSYS_EINVAL, "attribute index %zu out of range", attr);
    if (row >= row_count(ds, table))
        return ecosys_i_error(ECOSYS_EINVAL, "row %zu out of range", row);
    if (!value)
        return ecosys_i_error(ECOSYS_EINVAL, "attribute value is NULL");
    uint32_t index;
    int rc = ecosys_i_dataset_intern(&index, ds, value, strlen(value));
    if (rc)
        return rc == ECOSYS_EINVAL ? ecosys_i_error_prefix("attribute \"%.200s\"", a->name) : rc;
    if (row >= a->length) {
        if (index == 0)
            return 0; /* unset rows already read "" */
        if (row >= a->capacity) {
            size_t capacity = ecosys_i_next_capacity(a->capacity, row + 1);
            if (ecosys_i_resize((void **) &a->values, capacity, sizeof *a->values))
                return ECOSYS_ENOMEM;
            a->capacity = capacity;
        }
        memset(a->values + a->length, 0, (row + 1 - a->length) * sizeof *a->values);
        a->length = row + 1;
    }
    a->values[row] = index;
    return 0;
}

const char *ecosys_dataset_attribute(const ecosys_dataset *ds, ecosys_table table, size_t row,
                                     size_t attr)
{
    const ecosys_i_attribute *a = attribute_of(ds, table, attr);
    if (!a || row >= row_count(ds, table))
        return NULL;
    return ecosys_i_strpool_get(&ds->pool, row < a->length ? a->values[row] : 0);
}

static const char *builtin_field(const ecosys_dataset *ds, ecosys_table table, size_t row,
                                 const char *column)
{
    const ecosys_i_strpool *p = &ds->pool;
    if (table == ECOSYS_TABLE_ACTORS) {
        for (int c = 0; ecosys_i_actor_fields[c]; c++)
            if (strcmp(ecosys_i_actor_fields[c], column) == 0)
                return ecosys_i_strpool_get(p, ecosys_i_actor_text(ds, c, row));
        return NULL;
    }
    if (strcmp(column, "source") == 0)
        return ecosys_i_strpool_get(p, ds->actor_id[ds->tie_source[row]]);
    if (strcmp(column, "target") == 0)
        return ecosys_i_strpool_get(p, ds->actor_id[ds->tie_target[row]]);
    const char *names[] = {"kind", "axis", "start", "end"};
    const ecosys_i_column *columns[] = {&ds->tie_kind, &ds->tie_axis, &ds->tie_start,
                                        &ds->tie_end};
    for (size_t c = 0; c < 4; c++)
        if (strcmp(names[c], column) == 0)
            return ecosys_i_strpool_get(p, ecosys_i_tie_text(columns[c], row));
    return NULL;
}

const char *ecosys_dataset_field(const ecosys_dataset *ds, ecosys_table table, size_t row,
                                 const char *column)
{
    if (!table_of(ds, table) || !column || row >= row_count(ds, table))
        return NULL;
    if (ecosys_i_is_builtin_field(table, column))
        return builtin_field(ds, table, row, column);
    const ecosys_i_attribute_table *t = table_of(ds, table);
    for (size_t attr = 0; attr < t->count; attr++) /* no error recorded: a getter */
        if (strcmp(t->items[attr].name, column) == 0)
            return ecosys_dataset_attribute(ds, table, row, attr);
    return NULL;
}

int ecosys_dataset_has_field(const ecosys_dataset *ds, ecosys_table table, const char *column)
{
    if (!table_of(ds, table) || !column)
        return 0;
    if (ecosys_i_is_builtin_field(table, column))
        return 1;
    const ecosys_i_attribute_table *t = table_of(ds, table);
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].name, column) == 0)
            return 1;
    return 0;
}
