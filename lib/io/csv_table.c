/* The header row and free attributes of every CSV table of a dataset
 * directory (csv_table.h), and the errors located at a field. */
#include "io/csv_table.h"

#include "core/strpool.h"

#include <glib.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert((int) ECOSYS_I_ACTOR_FIELDS <= ECOSYS_I_CSV_MAX_BUILTINS &&
                   (int) ECOSYS_I_EVENT_FIELDS <= ECOSYS_I_CSV_MAX_BUILTINS &&
                   (int) ECOSYS_I_PART_FIELDS <= ECOSYS_I_CSV_MAX_BUILTINS,
               "ecosys_i_csv_columns.at holds the built-in fields of every table");

/* ---- errors ----------------------------------------------------------------- */

int ecosys_i_csv_parse_error(const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                             const char *format, ...)
{
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), f->line, f->column, "%s",
                             message);
}

int ecosys_i_csv_located(int rc, const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                         const char *column)
{
    if (rc == ECOSYS_ENOMEM)
        return rc;
    char message[1024];
    snprintf(message, sizeof message, "%s", ecosys_error_last()->message);
    int code = rc == ECOSYS_EINVAL || rc == ECOSYS_EEXISTS ? ECOSYS_EPARSE : rc;
    if (column)
        return ecosys_i_error_at(code, ecosys_i_csv_path(r), f->line, f->column,
                                 "column \"%s\": %s", column, message);
    return ecosys_i_error_at(code, ecosys_i_csv_path(r), f->line, f->column, "%s", message);
}

/* ---- free attributes, in the dataset's tables or in its two-mode part --------- */

static int add_attribute(size_t *attr, const ecosys_i_csv_table *t, ecosys_dataset *ds,
                         const char *name)
{
    return t->twomode
               ? ecosys_twomode_add_attribute(attr, ds, (ecosys_twomode_table) t->which, name)
               : ecosys_dataset_add_attribute(attr, ds, (ecosys_table) t->which, name);
}

static int set_attribute(const ecosys_i_csv_table *t, ecosys_dataset *ds, size_t row,
                         size_t attr, const char *value)
{
    return t->twomode ? ecosys_twomode_set_attribute(ds, (ecosys_twomode_table) t->which, row,
                                                     attr, value)
                      : ecosys_dataset_set_attribute(ds, (ecosys_table) t->which, row, attr,
                                                     value);
}

static const char *attribute_name(const ecosys_i_csv_table *t, const ecosys_dataset *ds,
                                  size_t attr)
{
    return t->twomode
               ? ecosys_twomode_attribute_name(ds, (ecosys_twomode_table) t->which, attr)
               : ecosys_dataset_attribute_name(ds, (ecosys_table) t->which, attr);
}

int ecosys_i_csv_set_attributes(const ecosys_i_csv_columns *map, ecosys_dataset *ds,
                                const ecosys_i_csv_reader *r, const ecosys_i_csv_record *rec,
                                size_t row)
{
    for (size_t a = 0; a < map->attr_count; a++) {
        const ecosys_i_csv_field *f = &rec->fields[map->attr_column[a]];
        if (f->length == 0) /* unset values read "" already */
            continue;
        int rc = set_attribute(map->table, ds, row, map->attr_index[a], f->text);
        if (rc)
            return ecosys_i_csv_located(rc, r, f,
                                        attribute_name(map->table, ds, map->attr_index[a]));
    }
    return 0;
}

/* ---- the header row ----------------------------------------------------------- */

static const char *basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int builtin_index(const ecosys_i_csv_table *t, const char *name)
{
    for (int i = 0; t->fields[i]; i++)
        if (strcmp(t->fields[i], name) == 0)
            return i;
    return -1;
}

/* Maps header column @p k; @p seen interns the names met so far, each
 * with its column + 1 as value (a pool, not a GHashTable, whose inserts
 * abort on allocation failure). */
static int map_column(ecosys_i_csv_columns *map, ecosys_dataset *ds, const ecosys_i_csv_reader *r,
                      const ecosys_i_csv_field *f, size_t k, ecosys_i_strpool *seen)
{
    if (f->length == 0)
        return ecosys_i_csv_parse_error(r, f, "empty column name in the header");
    uint32_t name;
    int rc = ecosys_i_strpool_intern(&name, seen, f->text);
    if (rc)
        return rc == ECOSYS_ENOMEM ? ecosys_i_error_nomem()
                                   : ecosys_i_csv_parse_error(r, f, "too many columns");
    uint32_t first = ecosys_i_strpool_value(seen, name);
    if (first != ECOSYS_I_STRPOOL_NONE)
        return ecosys_i_csv_parse_error(r, f, "duplicate column \"%.200s\": the header already "
                                        "names it in field %zu", f->text, (size_t) first);
    ecosys_i_strpool_set_value(seen, name, (uint32_t) (k + 1));
    int builtin = builtin_index(map->table, f->text);
    if (builtin >= 0) {
        map->at[builtin] = k;
        return 0;
    }
    size_t attr;
    rc = add_attribute(&attr, map->table, ds, f->text);
    if (rc) /* the two-mode tables name the column, the others do not */
        return ecosys_i_csv_located(rc, r, f, map->table->twomode ? f->text : NULL);
    map->attr_column[map->attr_count] = k;
    map->attr_index[map->attr_count++] = attr;
    return 0;
}

/* A header name that differs from a required one only by case or spaces
 * is almost certainly meant as it: say so. */
static const char *near_miss(const ecosys_i_csv_record *header, const char *wanted)
{
    size_t wanted_length = strlen(wanted);
    for (size_t k = 0; k < header->count; k++) {
        /* compared in place, spaces trimmed: nothing to allocate */
        const char *a = header->fields[k].text, *b = a + strlen(a);
        while (a < b && g_ascii_isspace(*a))
            a++;
        while (b > a && g_ascii_isspace(b[-1]))
            b--;
        if ((size_t) (b - a) == wanted_length && g_ascii_strncasecmp(a, wanted, wanted_length) == 0)
            return header->fields[k].text;
    }
    return NULL;
}

static int check_required(const ecosys_i_csv_columns *map, const ecosys_i_csv_reader *r,
                          const ecosys_i_csv_record *header)
{
    const ecosys_i_csv_table *t = map->table;
    for (int b = 0; b < t->required; b++) {
        if (map->at[b] != ECOSYS_I_CSV_NONE)
            continue;
        /* The two-mode tables give no hint (yet). */
        const char *miss = t->twomode ? NULL : near_miss(header, t->fields[b]);
        char hint[300] = "";
        if (miss)
            snprintf(hint, sizeof hint,
                     "; found \"%.200s\", but column names are exact and case-sensitive", miss);
        return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), 1, 1,
                                 "missing required column \"%s\" (%s needs the columns: %s)%s",
                                 t->fields[b], basename_of(ecosys_i_csv_path(r)),
                                 t->required_text, hint);
    }
    return 0;
}

int ecosys_i_csv_read_header(ecosys_i_csv_columns *map, const ecosys_i_csv_table *table,
                             ecosys_dataset *ds, ecosys_i_csv_reader *r)
{
    map->table = table;
    map->attr_count = 0;
    map->attr_column = map->attr_index = NULL;
    for (size_t b = 0; b < ECOSYS_I_CSV_MAX_BUILTINS; b++)
        map->at[b] = ECOSYS_I_CSV_NONE;
    ecosys_i_csv_record header;
    int rc = ecosys_i_csv_read(r, &header);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), 1, 1,
                                 "empty file: expected a header row naming the columns (at "
                                 "least: %s)",
                                 table->required_text);
    map->attr_column = malloc(header.count * sizeof *map->attr_column);
    map->attr_index = malloc(header.count * sizeof *map->attr_index);
    if (!map->attr_column || !map->attr_index)
        return ecosys_i_error_nomem();
    ecosys_i_strpool seen;
    if (ecosys_i_strpool_init(&seen) != 0)
        return ecosys_i_error_nomem();
    rc = 0;
    for (size_t k = 0; k < header.count && !rc; k++)
        rc = map_column(map, ds, r, &header.fields[k], k, &seen);
    ecosys_i_strpool_dispose(&seen);
    if (rc)
        return rc;
    ecosys_i_csv_expect_fields(r, header.count);
    return check_required(map, r, &header);
}

void ecosys_i_csv_columns_dispose(ecosys_i_csv_columns *map)
{
    free(map->attr_column);
    free(map->attr_index);
    map->attr_column = map->attr_index = NULL;
}
