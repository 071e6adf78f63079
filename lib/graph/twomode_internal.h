/* Internal: the two-mode tables of a dataset (events, participation), hung
 * off struct ecosys_dataset by one pointer (NULL until the first event,
 * participation row or two-mode attribute), so that the one-mode layout
 * stays as it is. Texts live in a pool of their own, whose values map an
 * event id to its event index (the dataset's pool maps actor ids). */
#ifndef ECOSYS_GRAPH_TWOMODE_INTERNAL_H
#define ECOSYS_GRAPH_TWOMODE_INTERNAL_H

#include "ecosys/twomode.h"

#include "graph/dataset_internal.h"

/* Built-in columns of each two-mode table (NULL-terminated). */
enum { ECOSYS_I_EVENT_ID, ECOSYS_I_EVENT_NAME, ECOSYS_I_EVENT_DATE, ECOSYS_I_EVENT_AXIS,
       ECOSYS_I_EVENT_KIND, ECOSYS_I_EVENT_FIELDS };
enum { ECOSYS_I_PART_ACTOR, ECOSYS_I_PART_EVENT, ECOSYS_I_PART_FIELDS };
extern const char *const ecosys_i_event_fields[];
extern const char *const ecosys_i_participation_fields[];

typedef struct ecosys_i_twomode {
    ecosys_i_strpool pool; /* every text; an event id's value is its event index */

    size_t event_count, event_capacity;
    uint32_t *event_field[ECOSYS_I_EVENT_FIELDS]; /* pool indices */

    size_t part_count, part_capacity;
    uint32_t *part_actor; /* actor index */
    uint32_t *part_event; /* event index */

    ecosys_i_attribute_table attributes[2]; /* indexed by ecosys_twomode_table */
} ecosys_i_twomode;

/* Frees the two-mode tables. Accepts NULL. Called by ecosys_dataset_free(). */
void ecosys_i_twomode_free(ecosys_i_twomode *tm);

/* Compares the two-mode tables of two datasets as ecosys_dataset_equal()
 * does (an absent table equals an empty one without attributes): 1 if
 * equal, 0 with *out describing the difference (if out is not NULL), or a
 * negative code. */
int ecosys_i_twomode_equal(char **out, const ecosys_dataset *a, const ecosys_dataset *b);

/* The two-mode tables of @p ds, created empty if absent. NULL on ENOMEM
 * (recorded). */
ecosys_i_twomode *ecosys_i_twomode_of(ecosys_dataset *ds);

/* Interns a two-mode text (length bytes, no NUL): must be valid UTF-8 when
 * new. Returns 0, ECOSYS_EINVAL ("not valid UTF-8"), ECOSYS_ENOMEM or
 * ECOSYS_ERROR. */
int ecosys_i_twomode_intern(uint32_t *out, ecosys_i_twomode *tm, const char *text,
                            size_t length);

/* An event with its texts interned: validates (non-empty id, unique, date)
 * and appends. On ECOSYS_EINVAL / ECOSYS_EEXISTS *bad_field (if not NULL)
 * receives the ECOSYS_I_EVENT_* field at fault; a malformed date's message
 * does not name its field. */
int ecosys_i_twomode_add_event_interned(size_t *out_index, ecosys_i_twomode *tm,
                                        const uint32_t field[ECOSYS_I_EVENT_FIELDS],
                                        int *bad_field);

/* The event whose id is @p id (length bytes), or SIZE_MAX. */
size_t ecosys_i_twomode_find_event(const ecosys_i_twomode *tm, const char *id, size_t length);

/* The dataset's two-mode tables, or NULL if it has none. */
const ecosys_i_twomode *ecosys_i_twomode_get(const ecosys_dataset *ds);

#endif
