/* Internal: a pool of interned strings addressed by 32-bit indices.
 *
 * Why: datasets repeat the same few values (sectors, kinds, axes, dates) over
 * millions of ties; storing a 4-byte index per field instead of a pointer or
 * a copy halves the memory of a loaded dataset. Index 0 is always "".
 *
 * Each string also carries a 32-bit value, ECOSYS_I_STRPOOL_NONE until set:
 * a dataset keeps there the actor whose id the string is, so that finding
 * an actor by id is one lookup (see strpool.c for why it is stored with the
 * text).
 *
 * Strings are stored in an arena and never move, so the pointers returned by
 * ecosys_i_strpool_get() stay valid until the pool is disposed. Texts given
 * with a length must hold no NUL byte in their first length bytes. */
#ifndef ECOSYS_CORE_STRPOOL_H
#define ECOSYS_CORE_STRPOOL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* An index no string has (the pool holds at most UINT32_MAX - 1 strings),
 * and the value of a string whose value was never set. */
#define ECOSYS_I_STRPOOL_NONE UINT32_MAX

typedef struct ecosys_i_strpool_slot {
    uint32_t hash;
    uint32_t entry; /* where the string is in the arena; ECOSYS_I_STRPOOL_NONE: a free slot */
} ecosys_i_strpool_slot;

typedef struct ecosys_i_strpool {
    ecosys_i_strpool_slot *slots;
    size_t mask;       /* slot count - 1; the count is a power of two */
    uint32_t *entries; /* index -> entry (4 bytes where a pointer takes 8) */
    uint32_t count;
    uint32_t indexed;  /* strings in the slots (the others were stored, not indexed) */
    uint32_t capacity; /* of entries[] */
    char **blocks;     /* the arena */
    uint32_t block_count;
    uint32_t block_capacity;
    uint32_t current;     /* the block being filled */
    size_t used;          /* bytes used in it */
    size_t size;          /* its size */
} ecosys_i_strpool;

/* Returns 0 or ECOSYS_ENOMEM (the pool is then disposed). */
int ecosys_i_strpool_init(ecosys_i_strpool *pool);
void ecosys_i_strpool_dispose(ecosys_i_strpool *pool);

/* The hash the calls below use, for callers that hash a string once for
 * both a prefetch and a lookup. */
uint32_t ecosys_i_strpool_hash(const char *text, size_t length);

#if defined(__GNUC__)
#define ECOSYS_I_PREFETCH(address) __builtin_prefetch(address)
#else
#define ECOSYS_I_PREFETCH(address) ((void) (address))
#endif

/* Asks the CPU to fetch the slot where a string of hash @p hash starts its
 * probe. Only a hint: with millions of strings each lookup misses the cache,
 * and prefetching a batch overlaps the misses instead of waiting for each. */
static inline void ecosys_i_strpool_prefetch(const ecosys_i_strpool *pool, uint32_t hash)
{
    ECOSYS_I_PREFETCH(&pool->slots[hash & pool->mask]);
}

/* Interns the @p length bytes at @p text; stores its index in *out. @p hash
 * must be ecosys_i_strpool_hash(text, length). Returns 0, ECOSYS_ENOMEM, or
 * ECOSYS_ERROR when the pool is full. */
int ecosys_i_strpool_intern_hashed(uint32_t *out, ecosys_i_strpool *pool, const char *text,
                                   size_t length, uint32_t hash);
int ecosys_i_strpool_intern_len(uint32_t *out, ecosys_i_strpool *pool, const char *text,
                                size_t length);
/* As above for a C string; NULL means "". */
int ecosys_i_strpool_intern(uint32_t *out, ecosys_i_strpool *pool, const char *text);

/* Stores the @p length bytes at @p text under a new index without indexing
 * them: lookups never find the string and interning the same text later
 * gives another index. For texts that are (almost) all distinct and never
 * looked up, such as actor names: it saves the hash slots (16 bytes a
 * string at the usual load). Returns 0, ECOSYS_ENOMEM or ECOSYS_ERROR. */
int ecosys_i_strpool_store(uint32_t *out, ecosys_i_strpool *pool, const char *text,
                           size_t length);

/* Looks a string up without adding it: returns its index, or
 * ECOSYS_I_STRPOOL_NONE if the pool does not hold it. */
uint32_t ecosys_i_strpool_lookup_hashed(const ecosys_i_strpool *pool, const char *text,
                                        size_t length, uint32_t hash);
uint32_t ecosys_i_strpool_lookup_len(const ecosys_i_strpool *pool, const char *text,
                                     size_t length);
/* As above for a C string; returns 1 and sets *out if found, else 0. */
int ecosys_i_strpool_lookup(uint32_t *out, const ecosys_i_strpool *pool, const char *text);

/* A string to look up among many. */
typedef struct ecosys_i_strpool_key {
    const char *text;
    size_t length;
} ecosys_i_strpool_key;

/* Looks @p count strings up at once: index[i] receives the index of keys[i]
 * (ECOSYS_I_STRPOOL_NONE if absent) and, if @p value is not NULL, value[i]
 * its value (ECOSYS_I_STRPOOL_NONE if absent). The same results as one
 * lookup per key, faster for a large pool: each lookup then misses the cache
 * twice, slot then text, and here the misses of all keys overlap, one stage
 * at a time, instead of coming one after the other. */
void ecosys_i_strpool_lookup_many(uint32_t *index, uint32_t *value,
                                  const ecosys_i_strpool *pool,
                                  const ecosys_i_strpool_key *keys, size_t count);

/* An entry position: a block number, then a 4-byte unit in the block. */
#define ECOSYS_I_STRPOOL_UNIT_BITS 18

/* The entry at position @p entry: the string's index (4 bytes), its value
 * (4 bytes), then its text. */
static inline char *ecosys_i_strpool_at(const ecosys_i_strpool *pool, uint32_t entry)
{
    return pool->blocks[entry >> ECOSYS_I_STRPOOL_UNIT_BITS] +
           (size_t) (entry & ((1u << ECOSYS_I_STRPOOL_UNIT_BITS) - 1)) * 4;
}

#define ECOSYS_I_STRPOOL_VALUE_AT 4
#define ECOSYS_I_STRPOOL_TEXT_AT 8

static inline const char *ecosys_i_strpool_get(const ecosys_i_strpool *pool, uint32_t i)
{
    return ecosys_i_strpool_at(pool, pool->entries[i]) + ECOSYS_I_STRPOOL_TEXT_AT;
}

static inline uint32_t ecosys_i_strpool_value(const ecosys_i_strpool *pool, uint32_t i)
{
    uint32_t value;
    memcpy(&value, ecosys_i_strpool_at(pool, pool->entries[i]) + ECOSYS_I_STRPOOL_VALUE_AT,
           sizeof value);
    return value;
}

static inline void ecosys_i_strpool_set_value(ecosys_i_strpool *pool, uint32_t i, uint32_t value)
{
    memcpy(ecosys_i_strpool_at(pool, pool->entries[i]) + ECOSYS_I_STRPOOL_VALUE_AT, &value,
           sizeof value);
}

#endif
