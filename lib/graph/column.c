/* Compact columns: see column.h. */
#include "graph/column.h"

#include "core/error.h"

#include <stdlib.h>

#define FIRST_DICT 16
#define MAX_CODED 65536u /* distinct values 2-byte codes can name */

void ecosys_i_column_init(ecosys_i_column *c, unsigned value_size)
{
    memset(c, 0, sizeof *c);
    c->width = 1;
    c->value_size = (uint8_t) value_size;
}

void ecosys_i_column_dispose(ecosys_i_column *c)
{
    free(c->rows);
    free(c->dict);
    free(c->slots);
    memset(c, 0, sizeof *c);
}

/* realloc of count * size bytes, NULL on overflow (the block is then kept). */
static void *resize(void *block, size_t count, size_t size)
{
    if (count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    return realloc(block, bytes ? bytes : 1);
}

int ecosys_i_column_reserve(ecosys_i_column *c, size_t capacity, size_t rows)
{
    (void) rows; /* the rows keep their width: realloc moves them as they are */
    if (capacity <= c->capacity)
        return 0;
    unsigned char *grown = resize(c->rows, capacity, c->width);
    if (!grown)
        return ecosys_i_error_nomem();
    c->rows = grown;
    c->capacity = capacity;
    return 0;
}

/* ---- the dictionary ----------------------------------------------------------- */

static uint32_t slot_of(uint64_t value, uint32_t mask)
{
    value *= 0x9E3779B97F4A7C15u;
    return (uint32_t) (value >> 32) & mask;
}

/* The code of @p value, or MAX_CODED if the dictionary lacks it; *slot
 * receives where it is or would go. */
static uint32_t find_code(const ecosys_i_column *c, uint64_t value, uint32_t *slot)
{
    uint32_t i = slot_of(value, c->slot_mask);
    for (; c->slots[i]; i = (i + 1) & c->slot_mask)
        if (c->dict[c->slots[i] - 1] == value)
            break;
    *slot = i;
    return c->slots[i] ? c->slots[i] - 1 : MAX_CODED;
}

/* Doubles the dictionary and its slots (load kept at most 1/2). */
static int grow_dict(ecosys_i_column *c)
{
    uint32_t capacity = c->dict_capacity ? c->dict_capacity * 2 : FIRST_DICT;
    uint64_t *dict = resize(c->dict, capacity, sizeof *dict);
    if (!dict)
        return ecosys_i_error_nomem();
    c->dict = dict;
    uint32_t *slots = calloc((size_t) capacity * 2, sizeof *slots);
    if (!slots)
        return ecosys_i_error_nomem(); /* the larger dictionary is harmless */
    free(c->slots);
    c->slots = slots;
    c->slot_mask = capacity * 2 - 1;
    c->dict_capacity = capacity;
    for (uint32_t code = 0; code < c->dict_count; code++) {
        uint32_t slot;
        find_code(c, c->dict[code], &slot);
        c->slots[slot] = code + 1;
    }
    return 0;
}

/* ---- widening ----------------------------------------------------------------- */

static void put(unsigned char *rows, unsigned width, size_t row, uint64_t x)
{
    if (width == 1) {
        rows[row] = (unsigned char) x;
    } else if (width == 2) {
        uint16_t v = (uint16_t) x;
        memcpy(rows + 2 * row, &v, 2);
    } else if (width == 4) {
        uint32_t v = (uint32_t) x;
        memcpy(rows + 4 * row, &v, 4);
    } else {
        memcpy(rows + 8 * row, &x, 8);
    }
}

static uint64_t code_at(const ecosys_i_column *c, size_t row)
{
    if (c->width == 1)
        return c->rows[row];
    uint16_t code;
    memcpy(&code, c->rows + 2 * row, 2);
    return code;
}

/* Rewrites the first @p rows rows at @p width bytes (2 for codes, or
 * value_size to turn plain). Converting from the last row down lets the
 * rows widen in place: row r's new bytes start at or after its old ones. */
static int widen(ecosys_i_column *c, unsigned width, size_t rows)
{
    unsigned char *grown = resize(c->rows, c->capacity, width);
    if (!grown)
        return ecosys_i_error_nomem();
    c->rows = grown;
    int to_plain = width == c->value_size;
    for (size_t r = rows; r-- > 0;) {
        uint64_t code = code_at(c, r);
        put(c->rows, width, r, to_plain ? c->dict[code] : code);
    }
    c->width = (uint8_t) width;
    if (to_plain) {
        c->plain = 1;
        free(c->dict);
        free(c->slots);
        c->dict = NULL;
        c->slots = NULL;
        c->dict_count = c->dict_capacity = c->slot_mask = 0;
    }
    return 0;
}

int ecosys_i_column_append(ecosys_i_column *c, size_t row, uint64_t value)
{
    int rc;
    if (c->plain) {
        put(c->rows, c->width, row, value);
        return 0;
    }
    if (!c->slots && (rc = grow_dict(c)))
        return rc;
    uint32_t slot;
    uint32_t code = find_code(c, value, &slot);
    if (code == MAX_CODED) {
        if (c->dict_count == MAX_CODED) {
            if ((rc = widen(c, c->value_size, row)))
                return rc;
            put(c->rows, c->width, row, value);
            return 0;
        }
        if (c->dict_count == 256 && c->width == 1 && (rc = widen(c, 2, row)))
            return rc;
        if (c->dict_count * 2 >= c->dict_capacity) {
            if ((rc = grow_dict(c)))
                return rc;
            find_code(c, value, &slot);
        }
        code = c->dict_count++;
        c->dict[code] = value;
        c->slots[slot] = code + 1;
    }
    put(c->rows, c->width, row, code);
    return 0;
}
