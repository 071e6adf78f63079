/* Interned strings: see strpool.h.
 *
 * Why not GHashTable: loading 1M actors and 5M ties looks a string up about
 * 35M times, and with 2M strings a lookup misses the cache at every memory
 * access it makes. GLib's table keeps hashes, keys and values in three arrays
 * and the key text elsewhere again: up to four misses per lookup, and 16 to
 * 20 bytes per slot where ours take 8. GLib also aborts when memory runs out,
 * where this code reports ECOSYS_ENOMEM.
 *
 * Layout, for two misses per lookup: a slot (8 bytes) holds the hash and
 * where the string's entry is in the arena; the entry holds the string's
 * index, its value and its text, so one cache line usually answers "is it
 * this string, which index, which actor". A 32-bit entry position is a block
 * number (14 bits) and a 4-byte unit in the block (18 bits): blocks of at
 * most 1 MiB, up to 16 GiB of text. */
/* For MADV_HUGEPAGE (see allocate_slots()), hidden by _POSIX_C_SOURCE. */
#define _DEFAULT_SOURCE

#include "core/strpool.h"

#include "core/error.h"

#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define FIRST_SLOTS 64
#define FIRST_BLOCK ((size_t) 4 << 10)
#define UNIT_BITS ECOSYS_I_STRPOOL_UNIT_BITS
#define LARGEST_BLOCK ((size_t) 4 << UNIT_BITS) /* 1 MiB: every unit numbered */
#define MAX_BLOCKS (UINT32_MAX >> UNIT_BITS)    /* the last number would make NONE */

/* An entry: the string's index and value, then its text and NUL, padded to
 * 4 bytes (strpool.h reads the value and the text). */
typedef struct entry_head {
    uint32_t index;
    uint32_t value;
} entry_head;

_Static_assert(offsetof(entry_head, value) == ECOSYS_I_STRPOOL_VALUE_AT &&
                   sizeof(entry_head) == ECOSYS_I_STRPOOL_TEXT_AT,
               "strpool.h reads the value and the text at these offsets");

/* ---- the arena --------------------------------------------------------------- */

static int add_block(ecosys_i_strpool *pool, size_t size)
{
    if (pool->block_count == MAX_BLOCKS)
        return ecosys_i_error(ECOSYS_ERROR, "too much distinct text (limit 16 GiB)");
    if (pool->block_count == pool->block_capacity) {
        uint32_t capacity = pool->block_capacity ? pool->block_capacity * 2 : 16;
        char **grown = realloc(pool->blocks, capacity * sizeof *grown);
        if (!grown)
            return ecosys_i_error_nomem();
        pool->blocks = grown;
        pool->block_capacity = capacity;
    }
    char *block = malloc(size);
    if (!block)
        return ecosys_i_error_nomem();
    pool->blocks[pool->block_count++] = block;
    return 0;
}

/* Makes room for an entry of @p size bytes (a multiple of 4) and returns
 * its position through *entry. Blocks double from 4 KiB to 1 MiB, so a small
 * dataset stays small; an entry longer than that gets a block of its own. */
static int reserve_entry(uint32_t *entry, ecosys_i_strpool *pool, size_t size)
{
    int rc;
    if (pool->blocks && size <= pool->size - pool->used) {
        *entry = pool->current << UNIT_BITS | (uint32_t) (pool->used / 4);
        pool->used += size;
        return 0;
    }
    size_t next = pool->block_count < 8 ? FIRST_BLOCK << pool->block_count : LARGEST_BLOCK;
    if (size > next) {
        if ((rc = add_block(pool, size)))
            return rc;
        *entry = (pool->block_count - 1) << UNIT_BITS;
        return 0;
    }
    if ((rc = add_block(pool, next)))
        return rc;
    pool->current = pool->block_count - 1;
    pool->size = next;
    pool->used = size;
    *entry = pool->current << UNIT_BITS;
    return 0;
}

/* ---- the index --------------------------------------------------------------- */

uint32_t ecosys_i_strpool_hash(const char *text, size_t length)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ length;
    for (; length >= 8; text += 8, length -= 8) {
        uint64_t word;
        memcpy(&word, text, 8);
        h = (h ^ word) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    uint64_t word = 0;
    memcpy(&word, text, length);
    h = (h ^ word) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    return (uint32_t) h;
}

/* Large tables are probed at random, one TLB miss per lookup with 4 KiB
 * pages (and a costly one under virtualisation): on Linux, ask for 2 MiB
 * pages, which cover the table with a few TLB entries. */
#define HUGE_PAGE ((size_t) 2 << 20)

static ecosys_i_strpool_slot *allocate_slots(size_t count)
{
    size_t size = count * sizeof(ecosys_i_strpool_slot);
    ecosys_i_strpool_slot *slots;
#if defined(MADV_HUGEPAGE)
    if (size >= HUGE_PAGE) {
        size = (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        slots = aligned_alloc(HUGE_PAGE, size);
        if (slots)
            madvise(slots, size, MADV_HUGEPAGE); /* only advice: failure is harmless */
    } else
#endif
        slots = malloc(size);
    if (slots)
        memset(slots, 0xFF, size); /* every entry ECOSYS_I_STRPOOL_NONE: free */
    return slots;
}

/* Whether the stored text equals the @p length bytes at @p text. The loop
 * stops at the stored text's NUL (text holds none), so it never reads past
 * it; inline, as texts are short and a call to strncmp costs more. */
static int same_text(const char *stored, const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (stored[i] != text[i])
            return 0;
    return stored[length] == '\0';
}

/* Returns the slot holding the text, or the free slot where it belongs.
 * Linear probing: the next slots are usually in the same cache line. */
static ecosys_i_strpool_slot *find_slot(const ecosys_i_strpool *pool, const char *text,
                                        size_t length, uint32_t hash)
{
    for (size_t i = hash & pool->mask;; i = (i + 1) & pool->mask) {
        ecosys_i_strpool_slot *slot = &pool->slots[i];
        if (slot->entry == ECOSYS_I_STRPOOL_NONE)
            return slot;
        if (slot->hash == hash &&
            same_text(ecosys_i_strpool_at(pool, slot->entry) + sizeof(entry_head), text, length))
            return slot;
    }
}

/* Doubles the slots, moving the entries by their stored hash. */
static int grow_slots(ecosys_i_strpool *pool)
{
    size_t count = pool->slots ? (pool->mask + 1) * 2 : FIRST_SLOTS;
    if (count > SIZE_MAX / 2 / sizeof(ecosys_i_strpool_slot))
        return ecosys_i_error_nomem();
    ecosys_i_strpool_slot *slots = allocate_slots(count);
    if (!slots)
        return ecosys_i_error_nomem();
    size_t mask = count - 1;
    for (size_t i = 0; pool->slots && i <= pool->mask; i++) {
        ecosys_i_strpool_slot old = pool->slots[i];
        if (old.entry == ECOSYS_I_STRPOOL_NONE)
            continue;
        size_t k = old.hash & mask; /* texts are distinct: the first free slot */
        while (slots[k].entry != ECOSYS_I_STRPOOL_NONE)
            k = (k + 1) & mask;
        slots[k] = old;
    }
    free(pool->slots);
    pool->slots = slots;
    pool->mask = mask;
    return 0;
}

static entry_head head_of(const ecosys_i_strpool *pool, uint32_t entry)
{
    entry_head head;
    memcpy(&head, ecosys_i_strpool_at(pool, entry), sizeof head);
    return head;
}

/* ---- the pool ---------------------------------------------------------------- */

int ecosys_i_strpool_init(ecosys_i_strpool *pool)
{
    memset(pool, 0, sizeof *pool);
    uint32_t empty;
    int rc = grow_slots(pool);
    if (!rc)
        rc = ecosys_i_strpool_intern_len(&empty, pool, "", 0);
    if (rc)
        ecosys_i_strpool_dispose(pool);
    return rc;
}

void ecosys_i_strpool_dispose(ecosys_i_strpool *pool)
{
    for (uint32_t i = 0; i < pool->block_count; i++)
        free(pool->blocks[i]);
    free(pool->blocks);
    free(pool->slots);
    free(pool->entries);
    memset(pool, 0, sizeof *pool);
}

uint32_t ecosys_i_strpool_lookup_hashed(const ecosys_i_strpool *pool, const char *text,
                                        size_t length, uint32_t hash)
{
    const ecosys_i_strpool_slot *slot = find_slot(pool, text, length, hash);
    return slot->entry == ECOSYS_I_STRPOOL_NONE ? ECOSYS_I_STRPOOL_NONE
                                                : head_of(pool, slot->entry).index;
}

uint32_t ecosys_i_strpool_lookup_len(const ecosys_i_strpool *pool, const char *text,
                                     size_t length)
{
    return ecosys_i_strpool_lookup_hashed(pool, text, length,
                                          ecosys_i_strpool_hash(text, length));
}

int ecosys_i_strpool_lookup(uint32_t *out, const ecosys_i_strpool *pool, const char *text)
{
    if (!text)
        text = "";
    uint32_t index = ecosys_i_strpool_lookup_len(pool, text, strlen(text));
    if (index == ECOSYS_I_STRPOOL_NONE)
        return 0;
    *out = index;
    return 1;
}

/* The entry in the first slot of the probe that has @p hash, or
 * ECOSYS_I_STRPOOL_NONE if a free slot comes first: usually the string's
 * entry, known before its text is read. */
static uint32_t first_candidate(const ecosys_i_strpool *pool, uint32_t hash)
{
    for (size_t i = hash & pool->mask;; i = (i + 1) & pool->mask) {
        const ecosys_i_strpool_slot *slot = &pool->slots[i];
        if (slot->entry == ECOSYS_I_STRPOOL_NONE || slot->hash == hash)
            return slot->entry;
    }
}

#define MANY 64 /* keys per round: enough misses in flight to fill the memory pipes */

static void lookup_round(uint32_t *index, uint32_t *value, const ecosys_i_strpool *pool,
                         const ecosys_i_strpool_key *keys, size_t count)
{
    uint32_t hash[MANY];
    for (size_t i = 0; i < count; i++) {
        hash[i] = ecosys_i_strpool_hash(keys[i].text, keys[i].length);
        ecosys_i_strpool_prefetch(pool, hash[i]);
    }
    for (size_t i = 0; i < count; i++) {
        uint32_t entry = first_candidate(pool, hash[i]);
        if (entry != ECOSYS_I_STRPOOL_NONE)
            ECOSYS_I_PREFETCH(ecosys_i_strpool_at(pool, entry));
    }
    for (size_t i = 0; i < count; i++) { /* all in cache now, but for hash collisions */
        const ecosys_i_strpool_slot *slot =
            find_slot(pool, keys[i].text, keys[i].length, hash[i]);
        entry_head head = {ECOSYS_I_STRPOOL_NONE, ECOSYS_I_STRPOOL_NONE};
        if (slot->entry != ECOSYS_I_STRPOOL_NONE)
            head = head_of(pool, slot->entry);
        index[i] = head.index;
        if (value)
            value[i] = head.value;
    }
}

void ecosys_i_strpool_lookup_many(uint32_t *index, uint32_t *value,
                                  const ecosys_i_strpool *pool,
                                  const ecosys_i_strpool_key *keys, size_t count)
{
    for (size_t done = 0; done < count; done += MANY)
        lookup_round(index + done, value ? value + done : NULL, pool, keys + done,
                     count - done < MANY ? count - done : MANY);
}

static int grow_entries(ecosys_i_strpool *pool)
{
    uint32_t capacity = pool->capacity < 32              ? 64
                        : pool->capacity > UINT32_MAX / 2 ? UINT32_MAX
                                                          : pool->capacity * 2;
    uint32_t *grown = realloc(pool->entries, (size_t) capacity * sizeof *grown);
    if (!grown)
        return ecosys_i_error_nomem();
    pool->entries = grown;
    pool->capacity = capacity;
    return 0;
}

/* Checks that one more string fits and makes room for its index. */
static int room_for_one(ecosys_i_strpool *pool, size_t length)
{
    if (pool->count == UINT32_MAX - 1)
        return ecosys_i_error(ECOSYS_ERROR, "too many distinct strings (limit %u)",
                              (unsigned) (UINT32_MAX - 1));
    if (length > SIZE_MAX - sizeof(entry_head) - 4)
        return ecosys_i_error_nomem();
    if (pool->count == pool->capacity)
        return grow_entries(pool);
    return 0;
}

/* Writes the entry of a new string and gives it the next index. */
static int append_entry(uint32_t *out_entry, ecosys_i_strpool *pool, const char *text,
                        size_t length)
{
    uint32_t entry;
    int rc = reserve_entry(&entry, pool, (sizeof(entry_head) + length + 1 + 3) & ~(size_t) 3);
    if (rc)
        return rc;
    char *at = ecosys_i_strpool_at(pool, entry);
    entry_head head = {pool->count, ECOSYS_I_STRPOOL_NONE};
    memcpy(at, &head, sizeof head);
    memcpy(at + sizeof head, text, length);
    at[sizeof head + length] = '\0';
    pool->entries[pool->count] = entry;
    *out_entry = entry;
    return 0;
}

int ecosys_i_strpool_store(uint32_t *out, ecosys_i_strpool *pool, const char *text,
                           size_t length)
{
    uint32_t entry;
    int rc;
    if ((rc = room_for_one(pool, length)) || (rc = append_entry(&entry, pool, text, length)))
        return rc;
    *out = pool->count++;
    return 0;
}

int ecosys_i_strpool_intern_hashed(uint32_t *out, ecosys_i_strpool *pool, const char *text,
                                   size_t length, uint32_t hash)
{
    ecosys_i_strpool_slot *slot = find_slot(pool, text, length, hash);
    if (slot->entry != ECOSYS_I_STRPOOL_NONE) {
        *out = head_of(pool, slot->entry).index;
        return 0;
    }
    int rc;
    if ((rc = room_for_one(pool, length)))
        return rc;
    /* Keep the load at most 3/4, so probes stay short. Growing moves the
     * slots: find the free one again. */
    if ((size_t) (pool->indexed + 1) * 4 > (pool->mask + 1) * 3) {
        if ((rc = grow_slots(pool)))
            return rc;
        slot = find_slot(pool, text, length, hash);
    }
    uint32_t entry;
    if ((rc = append_entry(&entry, pool, text, length)))
        return rc;
    slot->hash = hash;
    slot->entry = entry;
    pool->indexed++;
    *out = pool->count++;
    return 0;
}

int ecosys_i_strpool_intern_len(uint32_t *out, ecosys_i_strpool *pool, const char *text,
                                size_t length)
{
    return ecosys_i_strpool_intern_hashed(out, pool, text, length,
                                          ecosys_i_strpool_hash(text, length));
}

int ecosys_i_strpool_intern(uint32_t *out, ecosys_i_strpool *pool, const char *text)
{
    if (!text)
        text = "";
    return ecosys_i_strpool_intern_len(out, pool, text, strlen(text));
}
