/* Internal layout of a dataset, shared by the loaders, writers and the graph
 * builder. Columns are parallel arrays of interned-string indices (see
 * core/strpool.h); weights are doubles; tie ends are actor indices. */
#ifndef ECOSYS_GRAPH_DATASET_INTERNAL_H
#define ECOSYS_GRAPH_DATASET_INTERNAL_H

#include "ecosys/dataset.h"

#include "core/strpool.h"

#include <glib.h>

/* A free attribute: one column of text values over a table's rows.
 * values[] may be shorter than the table: missing rows read "". */
typedef struct ecosys_i_attribute {
    char *name;
    char *type;       /* GraphML attr.type; "string" by default */
    uint32_t *values; /* pool indices */
    size_t length;    /* rows with a stored value */
    size_t capacity;
} ecosys_i_attribute;

typedef struct ecosys_i_attribute_table {
    ecosys_i_attribute *items;
    size_t count;
    size_t capacity;
} ecosys_i_attribute_table;

struct ecosys_dataset {
    int directed;
    ecosys_i_strpool pool;
    GHashTable *actor_by_id; /* pool string -> actor index + 1 */

    size_t actor_count;
    size_t actor_capacity;
    uint32_t *actor_id;
    uint32_t *actor_name;
    uint32_t *actor_sector;
    uint32_t *actor_territory;
    uint32_t *actor_axes;

    size_t tie_count;
    size_t tie_capacity;
    uint32_t *tie_source; /* actor index */
    uint32_t *tie_target;
    double *tie_weight;
    uint32_t *tie_kind;
    uint32_t *tie_axis;
    uint32_t *tie_start;
    uint32_t *tie_end;

    ecosys_i_attribute_table attributes[2]; /* indexed by ecosys_table */
};

/* Reallocates *array to @p capacity elements of @p size bytes, checking
 * for overflow. On failure *array is unchanged. Returns 0 or ECOSYS_ENOMEM. */
int ecosys_i_resize(void **array, size_t capacity, size_t size);

/* The capacity to grow to so that @p need items fit (doubling, at least 16). */
size_t ecosys_i_next_capacity(size_t capacity, size_t need);

/* Names of the built-in columns of each table (NULL-terminated). */
extern const char *const ecosys_i_actor_fields[];
extern const char *const ecosys_i_tie_fields[];

/* Returns non-zero if @p name is a built-in column of @p table. */
int ecosys_i_is_builtin_field(ecosys_table table, const char *name);

#endif
