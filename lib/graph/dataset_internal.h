/* Internal layout of a dataset, shared by the loaders, writers and the graph
 * builder. Columns are parallel arrays of interned-string indices (see
 * core/strpool.h); weights are doubles; tie ends are actor indices. */
#ifndef ECOSYS_GRAPH_DATASET_INTERNAL_H
#define ECOSYS_GRAPH_DATASET_INTERNAL_H

#include "ecosys/dataset.h"

#include "core/strpool.h"
#include "graph/column.h"

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

/* A date field's days, cached by pool index (see date_of() in dataset.c). */
typedef struct ecosys_i_date_entry {
    uint32_t text; /* pool index; 0 ("", never a date) marks a free entry */
    int32_t first, last;
} ecosys_i_date_entry;

/* Every string enters the pool through ecosys_i_dataset_intern(), so all of
 * them are valid UTF-8: a text is checked once, when first seen. */
struct ecosys_dataset {
    int directed;
    ecosys_i_strpool pool; /* a string's value: the actor with that id, if any */
    ecosys_i_date_entry *dates; /* NULL until the first tie with a date */

    size_t actor_count;
    size_t actor_capacity;
    uint32_t *actor_id;
    uint32_t *actor_name;
    /* Categorical: compact columns (column.h) of pool indices. Read any
     * built-in actor field with ecosys_i_actor_text(). */
    ecosys_i_column actor_sector;
    ecosys_i_column actor_territory;
    ecosys_i_column actor_axes;

    size_t tie_count;
    size_t tie_capacity;
    uint32_t *tie_source; /* actor index */
    uint32_t *tie_target;
    /* The other tie fields repeat few values: compact columns (column.h).
     * Read them with ecosys_i_tie_weight() and ecosys_i_tie_text(). */
    ecosys_i_column tie_weight; /* bits of the double */
    ecosys_i_column tie_kind;   /* pool indices */
    ecosys_i_column tie_axis;
    ecosys_i_column tie_start;
    ecosys_i_column tie_end;

    ecosys_i_attribute_table attributes[2]; /* indexed by ecosys_table */

    struct ecosys_i_twomode *twomode; /* events, participation: graph/twomode_internal.h */
};

/* Indices of the built-in fields in ecosys_i_actor_fields and
 * ecosys_i_tie_fields, as loaders name them in their messages. */
enum { ECOSYS_I_ACTOR_ID, ECOSYS_I_ACTOR_NAME, ECOSYS_I_ACTOR_SECTOR, ECOSYS_I_ACTOR_TERRITORY,
       ECOSYS_I_ACTOR_AXES, ECOSYS_I_ACTOR_FIELDS };
enum { ECOSYS_I_TIE_SOURCE, ECOSYS_I_TIE_TARGET, ECOSYS_I_TIE_WEIGHT, ECOSYS_I_TIE_KIND,
       ECOSYS_I_TIE_AXIS, ECOSYS_I_TIE_START, ECOSYS_I_TIE_END, ECOSYS_I_TIE_FIELDS,
       ECOSYS_I_TIE_ORDER = ECOSYS_I_TIE_FIELDS /* not a field: end before start */ };

/* ---- for loaders: rows whose texts are already interned -----------------------
 *
 * The public add functions intern their texts and call these; loaders that
 * hold pool indices already (or look many ids up at once) call them directly,
 * so that validation is the same code on every path. */

/* Interns a text of the dataset (its @p length bytes, no NUL among them):
 * *out receives its pool index. A text new to the pool must be valid UTF-8.
 * Returns 0, ECOSYS_EINVAL ("not valid UTF-8", without naming the field:
 * callers prefix it), ECOSYS_ENOMEM or ECOSYS_ERROR (the pool is full). */
int ecosys_i_dataset_intern(uint32_t *out, ecosys_dataset *ds, const char *text, size_t length);
/* The same with @p hash = ecosys_i_strpool_hash(text, length). */
int ecosys_i_dataset_intern_hashed(uint32_t *out, ecosys_dataset *ds, const char *text,
                                   size_t length, uint32_t hash);

/* Stores a text that is never looked up (see ecosys_i_strpool_store()):
 * actor names, almost all distinct. "" is index 0 as when interned. Same
 * returns as ecosys_i_dataset_intern(). */
int ecosys_i_dataset_store(uint32_t *out, ecosys_dataset *ds, const char *text, size_t length);

/* The actor whose id has pool index @p id, or SIZE_MAX. */
static inline size_t ecosys_i_dataset_actor_of(const ecosys_dataset *ds, uint32_t id)
{
    uint32_t actor = ecosys_i_strpool_value(&ds->pool, id);
    return actor == ECOSYS_I_STRPOOL_NONE ? SIZE_MAX : actor;
}

/* The actor with id @p id (@p length bytes), or SIZE_MAX: one pool lookup.
 * @p hash = ecosys_i_strpool_hash(id, length). */
size_t ecosys_i_dataset_find_actor_hashed(const ecosys_dataset *ds, const char *id,
                                          size_t length, uint32_t hash);

/* Looks @p count texts up in the pool at once (see
 * ecosys_i_strpool_lookup_many()): index[i] receives the pool index of
 * texts[i] and, if @p actor is not NULL, actor[i] the actor with that id;
 * either is ECOSYS_I_STRPOOL_NONE if there is none. */
static inline void ecosys_i_dataset_lookup_many(uint32_t *index, uint32_t *actor,
                                                const ecosys_dataset *ds,
                                                const ecosys_i_strpool_key *texts, size_t count)
{
    ecosys_i_strpool_lookup_many(index, actor, &ds->pool, texts, count);
}

/* Prefetches what interning a text of hash @p hash reads first (see
 * ecosys_i_strpool_prefetch()): for loaders adding a batch of actors. */
static inline void ecosys_i_dataset_prefetch(const ecosys_dataset *ds, uint32_t hash)
{
    ecosys_i_strpool_prefetch(&ds->pool, hash);
}

/* Makes room for @p actors actors and @p ties ties in all: for loaders
 * that can estimate their size. Growing the columns by doubling copies them
 * and leaves the old ones as holes in the heap; pages allocated but never
 * written cost nothing, so an estimate a little too high is better. Returns 0,
 * ECOSYS_ENOMEM or ECOSYS_ERROR (more actors than 32-bit indices hold). */
int ecosys_i_dataset_reserve(ecosys_dataset *ds, size_t actors, size_t ties);

/* An actor's fields as pool indices, in ecosys_i_actor_fields order. */
typedef struct ecosys_i_actor_row {
    uint32_t field[ECOSYS_I_ACTOR_FIELDS];
} ecosys_i_actor_row;

/* Adds an actor: its id must be non-empty and not already an actor's.
 * Returns 0, ECOSYS_EINVAL, ECOSYS_EEXISTS, ECOSYS_ENOMEM or ECOSYS_ERROR. */
int ecosys_i_dataset_add_actor_interned(size_t *out_index, ecosys_dataset *ds,
                                        const ecosys_i_actor_row *actor);

/* A tie with its texts as pool indices (0 = ""). */
typedef struct ecosys_i_tie_row {
    size_t source, target; /* actor indices */
    double weight;
    uint32_t kind, axis, start, end;
} ecosys_i_tie_row;

/* Validates and adds a tie: actors in range, weight finite and >= 0, start
 * and end empty or dates (ecosys_date_parse()), end not before start. On
 * ECOSYS_EINVAL, *bad_field (if not NULL) receives what is at fault: an
 * ECOSYS_I_TIE_* field, or ECOSYS_I_TIE_ORDER when end is before start.
 * The message of a malformed date (ECOSYS_I_TIE_START or _END) does not
 * name its field: each caller names it its own way (the API as
 * "start: ...", the CSV loader as column "start"). Returns 0,
 * ECOSYS_EINVAL or ECOSYS_ENOMEM. */
int ecosys_i_dataset_add_tie_interned(size_t *out_index, ecosys_dataset *ds,
                                      const ecosys_i_tie_row *tie, int *bad_field);

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

/* The pool index of built-in field @p field (ECOSYS_I_ACTOR_*) of actor
 * @p a. */
static inline uint32_t ecosys_i_actor_text(const ecosys_dataset *ds, int field, size_t a)
{
    switch (field) {
    case ECOSYS_I_ACTOR_ID:
        return ds->actor_id[a];
    case ECOSYS_I_ACTOR_NAME:
        return ds->actor_name[a];
    case ECOSYS_I_ACTOR_SECTOR:
        return ecosys_i_column_index(&ds->actor_sector, a);
    case ECOSYS_I_ACTOR_TERRITORY:
        return ecosys_i_column_index(&ds->actor_territory, a);
    default:
        return ecosys_i_column_index(&ds->actor_axes, a);
    }
}

/* The weight of tie @p t. */
static inline double ecosys_i_tie_weight(const ecosys_dataset *ds, size_t t)
{
    return ecosys_i_column_double(&ds->tie_weight, t);
}

/* The pool index of a text field of tie @p t: @p column is one of
 * ds->tie_kind, tie_axis, tie_start, tie_end. */
static inline uint32_t ecosys_i_tie_text(const ecosys_i_column *column, size_t t)
{
    return ecosys_i_column_index(column, t);
}

#endif
