/* Comparison of two datasets, used by round-trip tests and by users who
 * check that a conversion kept everything. */
#include "graph/dataset_internal.h"
#include "graph/twomode_internal.h"

#include "core/error.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int differ(char **out, const char *format, ...) G_GNUC_PRINTF(2, 3);

static int differ(char **out, const char *format, ...)
{
    if (out) {
        /* measured, then formatted into malloc'd memory (released with
         * ecosys_string_free): g_strdup_vprintf would abort on OOM */
        va_list args;
        va_start(args, format);
        int length = vsnprintf(NULL, 0, format, args);
        va_end(args);
        *out = length < 0 ? NULL : malloc((size_t) length + 1);
        if (!*out)
            return ecosys_i_error_nomem();
        va_start(args, format);
        vsnprintf(*out, (size_t) length + 1, format, args);
        va_end(args);
    }
    return 0;
}

static int same_fields(char **out, const ecosys_dataset *a, const ecosys_dataset *b,
                       ecosys_table table, size_t row, const char *const *fields,
                       const char *what)
{
    for (size_t f = 0; fields[f]; f++) {
        if (strcmp(fields[f], "weight") == 0)
            continue;
        const char *x = ecosys_dataset_field(a, table, row, fields[f]);
        const char *y = ecosys_dataset_field(b, table, row, fields[f]);
        if (strcmp(x, y) != 0)
            return differ(out, "%s %zu: %s \"%s\" != \"%s\"", what, row, fields[f], x, y);
    }
    return 1;
}

static int same_attributes(char **out, const ecosys_dataset *a, const ecosys_dataset *b,
                           ecosys_table table, const char *what)
{
    size_t count = ecosys_dataset_attribute_count(a, table);
    if (count != ecosys_dataset_attribute_count(b, table))
        return differ(out, "%s attributes: %zu != %zu", what, count,
                      ecosys_dataset_attribute_count(b, table));
    size_t rows = table == ECOSYS_TABLE_ACTORS ? a->actor_count : a->tie_count;
    for (size_t k = 0; k < count; k++) {
        const char *name = ecosys_dataset_attribute_name(a, table, k);
        if (strcmp(name, ecosys_dataset_attribute_name(b, table, k)) != 0)
            return differ(out, "%s attribute %zu: \"%s\" != \"%s\"", what, k, name,
                          ecosys_dataset_attribute_name(b, table, k));
        for (size_t r = 0; r < rows; r++) {
            const char *x = ecosys_dataset_attribute(a, table, r, k);
            const char *y = ecosys_dataset_attribute(b, table, r, k);
            if (strcmp(x, y) != 0)
                return differ(out, "%s %zu: attribute %s \"%s\" != \"%s\"", what, r, name, x, y);
        }
    }
    return 1;
}

int ecosys_dataset_equal(char **out, const ecosys_dataset *a, const ecosys_dataset *b)
{
    if (out)
        *out = NULL;
    if (!a || !b)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_equal: NULL dataset");
    if (a->directed != b->directed)
        return differ(out, "directed: %d != %d", a->directed, b->directed);
    if (a->actor_count != b->actor_count)
        return differ(out, "actor count: %zu != %zu", a->actor_count, b->actor_count);
    if (a->tie_count != b->tie_count)
        return differ(out, "tie count: %zu != %zu", a->tie_count, b->tie_count);
    int rc;
    for (size_t i = 0; i < a->actor_count; i++)
        if ((rc = same_fields(out, a, b, ECOSYS_TABLE_ACTORS, i, ecosys_i_actor_fields,
                              "actor")) != 1)
            return rc;
    for (size_t i = 0; i < a->tie_count; i++) {
        if ((rc = same_fields(out, a, b, ECOSYS_TABLE_TIES, i, ecosys_i_tie_fields, "tie")) != 1)
            return rc;
        double wa = ecosys_i_tie_weight(a, i), wb = ecosys_i_tie_weight(b, i);
        if (wa != wb)
            return differ(out, "tie %zu: weight %.17g != %.17g", i, wa, wb);
    }
    if ((rc = same_attributes(out, a, b, ECOSYS_TABLE_ACTORS, "actor")) != 1)
        return rc;
    if ((rc = same_attributes(out, a, b, ECOSYS_TABLE_TIES, "tie")) != 1)
        return rc;
    return ecosys_i_twomode_equal(out, a, b);
}
