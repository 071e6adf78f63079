/* Internal: a compact column of a dataset table.
 *
 * Why: the per-tie columns other than the ends (weight, kind, axis, start,
 * end) repeat a few values over millions of rows: five kinds, a handful of
 * axes, a few thousand dates, weights that are counts or scores. Stored as
 * 4-byte pool indices and 8-byte doubles they took 24 of the 32 bytes of a
 * tie; stored as 1- or 2-byte codes into a dictionary of the column's
 * distinct values they take 5 to 10, which is what keeps a loaded 10^6-actor
 * dataset within the memory aim (docs/performance.md).
 *
 * A column holds 64-bit values (a pool index, or the bits of a double: the
 * exact value is kept, -0.0 and 0.0 apart). Codes start 1 byte wide and widen
 * to 2 when a 257th distinct value arrives; past 65536 distinct values the
 * column turns "plain" and stores the values themselves (4 or 8 bytes a row,
 * as before), so no data set is ever worse off than without coding.
 *
 * Rows are appended in order (row = number of rows already set); a column
 * does not know its row count, its table does. */
#ifndef ECOSYS_GRAPH_COLUMN_H
#define ECOSYS_GRAPH_COLUMN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct ecosys_i_column {
    unsigned char *rows;  /* width bytes per row: a code, or the value if plain */
    size_t capacity;      /* rows allocated */
    uint8_t width;        /* 1 or 2 (codes), or value_size (plain) */
    uint8_t plain;        /* non-zero once rows hold the values themselves */
    uint8_t value_size;   /* 4 (values below 2^32) or 8 */
    uint64_t *dict;       /* code -> value */
    uint32_t dict_count;
    uint32_t dict_capacity;
    uint32_t *slots;      /* value -> code + 1 (0: free), open addressing */
    uint32_t slot_mask;
} ecosys_i_column;

/* An empty column of values of @p value_size bytes (4 or 8). Allocates
 * nothing. */
void ecosys_i_column_init(ecosys_i_column *column, unsigned value_size);
void ecosys_i_column_dispose(ecosys_i_column *column);

/* Makes room for @p capacity rows, keeping the first @p rows. Returns 0 or
 * ECOSYS_ENOMEM (the column is then unchanged). */
int ecosys_i_column_reserve(ecosys_i_column *column, size_t capacity, size_t rows);

/* Sets row @p row (< capacity) to @p value, where rows [0, row) are set
 * already (the count a widening has to convert). Returns 0 or
 * ECOSYS_ENOMEM (the column is then unchanged). */
int ecosys_i_column_append(ecosys_i_column *column, size_t row, uint64_t value);

/* The value of row @p row. */
static inline uint64_t ecosys_i_column_get(const ecosys_i_column *c, size_t row)
{
    if (!c->plain) {
        if (c->width == 1)
            return c->dict[c->rows[row]];
        uint16_t code;
        memcpy(&code, c->rows + 2 * row, 2);
        return c->dict[code];
    }
    if (c->width == 4) {
        uint32_t value;
        memcpy(&value, c->rows + 4 * row, 4);
        return value;
    }
    uint64_t value;
    memcpy(&value, c->rows + 8 * row, 8);
    return value;
}

/* The pool index in row @p row of a column of 4-byte values. */
static inline uint32_t ecosys_i_column_index(const ecosys_i_column *c, size_t row)
{
    return (uint32_t) ecosys_i_column_get(c, row);
}

/* The double in row @p row of a column of 8-byte values. */
static inline double ecosys_i_column_double(const ecosys_i_column *c, size_t row)
{
    uint64_t bits = ecosys_i_column_get(c, row);
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/* The bits of a double, to append. */
static inline uint64_t ecosys_i_double_bits(double value)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

/* Where row @p row is stored (to prefetch it). */
static inline const void *ecosys_i_column_row(const ecosys_i_column *c, size_t row)
{
    return c->rows + row * c->width;
}

/* Bytes a row takes now (for the memory figures of docs/performance.md). */
static inline size_t ecosys_i_column_row_bytes(const ecosys_i_column *c)
{
    return c->width;
}

#endif
