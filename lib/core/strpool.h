/* Internal: a pool of interned strings addressed by 32-bit indices.
 *
 * Why: datasets repeat the same few values (sectors, kinds, axes, dates) over
 * millions of ties; storing a 4-byte index per field instead of a pointer or
 * a copy halves the memory of a loaded dataset. Index 0 is always "". */
#ifndef ECOSYS_CORE_STRPOOL_H
#define ECOSYS_CORE_STRPOOL_H

#include <glib.h>
#include <stdint.h>

typedef struct ecosys_i_strpool {
    GHashTable *index;    /* string (owned by chunk) -> index + 1 */
    GStringChunk *chunk;  /* storage; strings never move */
    const char **strings; /* index -> string */
    uint32_t count;
    uint32_t capacity;
} ecosys_i_strpool;

/* Returns 0 or ECOSYS_ENOMEM. */
int ecosys_i_strpool_init(ecosys_i_strpool *pool);
void ecosys_i_strpool_dispose(ecosys_i_strpool *pool);

/* Interns @p text (NULL means ""); stores its index in *out.
 * Returns 0, ECOSYS_ENOMEM, or ECOSYS_ERROR when the pool is full. */
int ecosys_i_strpool_intern(uint32_t *out, ecosys_i_strpool *pool, const char *text);

/* Looks a string up without adding it; returns 1 and sets *out if found. */
int ecosys_i_strpool_lookup(uint32_t *out, const ecosys_i_strpool *pool, const char *text);

static inline const char *ecosys_i_strpool_get(const ecosys_i_strpool *pool, uint32_t i)
{
    return pool->strings[i];
}

#endif
