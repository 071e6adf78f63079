/* Interned strings: see strpool.h. */
#include "core/strpool.h"

#include "core/error.h"

#include <stdlib.h>

int ecosys_i_strpool_init(ecosys_i_strpool *pool)
{
    pool->index = g_hash_table_new(g_str_hash, g_str_equal);
    pool->chunk = g_string_chunk_new(64 * 1024);
    pool->capacity = 64;
    pool->count = 0;
    pool->strings = malloc(pool->capacity * sizeof *pool->strings);
    if (!pool->strings) {
        ecosys_i_strpool_dispose(pool);
        return ecosys_i_error_nomem();
    }
    uint32_t empty;
    return ecosys_i_strpool_intern(&empty, pool, "");
}

void ecosys_i_strpool_dispose(ecosys_i_strpool *pool)
{
    if (pool->index)
        g_hash_table_destroy(pool->index);
    if (pool->chunk)
        g_string_chunk_free(pool->chunk);
    free(pool->strings);
    pool->index = NULL;
    pool->chunk = NULL;
    pool->strings = NULL;
    pool->count = pool->capacity = 0;
}

int ecosys_i_strpool_lookup(uint32_t *out, const ecosys_i_strpool *pool, const char *text)
{
    gpointer value = g_hash_table_lookup(pool->index, text ? text : "");
    if (!value)
        return 0;
    *out = (uint32_t) (GPOINTER_TO_SIZE(value) - 1);
    return 1;
}

int ecosys_i_strpool_intern(uint32_t *out, ecosys_i_strpool *pool, const char *text)
{
    if (!text)
        text = "";
    if (ecosys_i_strpool_lookup(out, pool, text))
        return 0;
    if (pool->count == UINT32_MAX - 1)
        return ecosys_i_error(ECOSYS_ERROR, "too many distinct strings (limit %u)",
                              (unsigned) (UINT32_MAX - 1));
    if (pool->count == pool->capacity) {
        uint32_t capacity = pool->capacity > UINT32_MAX / 2 ? UINT32_MAX : pool->capacity * 2;
        const char **grown = realloc(pool->strings, (size_t) capacity * sizeof *grown);
        if (!grown)
            return ecosys_i_error_nomem();
        pool->strings = grown;
        pool->capacity = capacity;
    }
    const char *stored = g_string_chunk_insert(pool->chunk, text);
    pool->strings[pool->count] = stored;
    g_hash_table_insert(pool->index, (gpointer) stored, GSIZE_TO_POINTER((gsize) pool->count + 1));
    *out = pool->count++;
    return 0;
}
