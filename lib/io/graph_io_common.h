/* Internal: what the GraphML and node-link JSON readers and writers share.
 *
 * - Row records: a reader collects an actor's or a tie's fields while it
 *   parses the element or object, then commits the record to the dataset.
 *   Strings are interned in the dataset's own pool (they end up there
 *   anyway), free attribute values are (attribute, value) pairs.
 * - Deferred ties: both formats allow an edge to name a node declared later
 *   in the file. Ties are committed as soon as both ends are known; after
 *   the first tie that names an unknown node, every later tie is buffered
 *   too (so the order of the file is kept) and the buffer is committed when
 *   all nodes have been read. Files that declare nodes first (NetworkX,
 *   igraph, Gephi) never buffer.
 * - Atomic output files: a temporary file next to the target, renamed over
 *   it once complete, so a reader never sees a half-written file.
 * - Texts of numbers that round-trip exactly.
 */
#ifndef ECOSYS_IO_GRAPH_IO_COMMON_H
#define ECOSYS_IO_GRAPH_IO_COMMON_H

#include "graph/dataset_internal.h"

#include <stdio.h>

/* A free attribute value of the row being read. */
typedef struct ecosys_i_value_pair {
    uint32_t attr;  /* free attribute index in its table */
    uint32_t value; /* pool index of the text */
} ecosys_i_value_pair;

/* Where something was found in the input (1-based; 0 = unknown). */
typedef struct ecosys_i_location {
    size_t line;
    size_t column;
} ecosys_i_location;

/* An actor being read. Fields are pool indices (0 is ""). */
typedef struct ecosys_i_actor_record {
    uint32_t id, name, sector, territory, axes;
    ecosys_i_location where;    /* the element or object (errors of the row) */
    ecosys_i_location id_where; /* the id itself (duplicate id) */
} ecosys_i_actor_record;

/* A tie being read. */
typedef struct ecosys_i_tie_record {
    uint32_t source, target;     /* pool indices of the actor ids */
    size_t source_actor;         /* actor indices if known when read, else SIZE_MAX */
    size_t target_actor;
    double weight;
    uint32_t kind, axis, start, end;
    ecosys_i_location where;        /* the element or object */
    ecosys_i_location source_where; /* the source reference (unknown actor) */
    ecosys_i_location target_where;
    size_t index;       /* position among the file's ties (for messages) */
    size_t first_value; /* its pairs in the tie buffer */
    size_t value_count;
} ecosys_i_tie_record;

/* Growable array of pairs (the values of the current row). */
typedef struct ecosys_i_pair_list {
    ecosys_i_value_pair *items;
    size_t count;
    size_t capacity;
} ecosys_i_pair_list;

int ecosys_i_pair_list_push(ecosys_i_pair_list *list, uint32_t attr, uint32_t value);
void ecosys_i_pair_list_dispose(ecosys_i_pair_list *list);

/* Adds the actor and its free attribute values (@p pairs) to the dataset.
 * Errors get @p path and the record's location; a duplicate id or invalid
 * field becomes ECOSYS_EPARSE. */
int ecosys_i_commit_actor(ecosys_dataset *ds, const ecosys_i_actor_record *actor,
                          const ecosys_i_value_pair *pairs, size_t pair_count,
                          const char *path);

/* Ties waiting for their actors (see the top of this file). */
typedef struct ecosys_i_tie_buffer {
    const char *section;          /* JSON: "links" or "edges", to prefix errors with
                                   * "/links/<index>"; NULL for none */
    int deferring;                /* set once a tie had to wait */
    ecosys_i_tie_record *records; /* waiting ties, in file order */
    size_t count;
    size_t capacity;
    ecosys_i_pair_list values; /* their free attribute values */
} ecosys_i_tie_buffer;

void ecosys_i_tie_buffer_dispose(ecosys_i_tie_buffer *buffer);

/* Looks up the actor named @p id: sets *actor to its index and *pool to its
 * id's pool index, or, if there is no such actor yet, *actor to SIZE_MAX
 * and *pool to @p id interned. Returns 0, ECOSYS_ENOMEM, ECOSYS_ERROR or
 * ECOSYS_EINVAL (not UTF-8). */
int ecosys_i_tie_end(uint32_t *pool, size_t *actor, ecosys_dataset *ds, const char *id);

/* Commits @p tie (whose values are @p pairs) now if no tie waits and both
 * actors were known when it was read, else appends it to the buffer. */
int ecosys_i_tie_offer(ecosys_i_tie_buffer *buffer, ecosys_dataset *ds,
                       const ecosys_i_tie_record *tie, const ecosys_i_value_pair *pairs,
                       size_t pair_count, const char *path);

/* Commits every waiting tie, in order: call once all actors are read. An
 * unknown actor is then ECOSYS_EPARSE at the reference's location. */
int ecosys_i_tie_flush(ecosys_i_tie_buffer *buffer, ecosys_dataset *ds, const char *path);

/* Finds the free attribute named @p name or adds it. Returns 0,
 * ECOSYS_EEXISTS (a built-in field), ECOSYS_EINVAL or ECOSYS_ENOMEM. */
int ecosys_i_find_or_add_attribute(size_t *out_attr, ecosys_dataset *ds, ecosys_table table,
                                   const char *name);

/* An output file written through a temporary file (see the top). Writes
 * go through a 64 KiB buffer of its own: the writers emit many small
 * pieces, and stdio's per-call locking would dominate. */
typedef struct ecosys_i_atomic_file {
    FILE *fp;
    char *path;
    char *tmp_path;
    int error; /* errno of the first failed write, 0 if none */
    char *buffer;
    size_t used;
} ecosys_i_atomic_file;

/* Creates the temporary file next to @p path (mode 0666 less the umask).
 * Returns 0, ECOSYS_EIO or ECOSYS_ENOMEM. */
int ecosys_i_atomic_open(ecosys_i_atomic_file *file, const char *path);

/* Writes bytes; errors are sticky and reported by commit. */
void ecosys_i_atomic_write(ecosys_i_atomic_file *file, const char *bytes, size_t length);

/* Flushes, syncs and closes the temporary file and renames it over the
 * target. Returns 0 or ECOSYS_EIO (the temporary file is then removed).
 * Always releases @p file. */
int ecosys_i_atomic_commit(ecosys_i_atomic_file *file);

/* Removes the temporary file and releases @p file. */
void ecosys_i_atomic_abort(ecosys_i_atomic_file *file);

#endif
