/* Internal: the node-link JSON reader's three parts and the state they share.
 *
 * - json_lexer.c: the strict RFC 8259 tokenizer. It streams the file in
 *   64 KiB blocks, knows the line and column (in code points) of every byte,
 *   and reads scalars whole and objects and arrays one member or element at
 *   a time, so the layer above decides what each value means.
 * - json_nodelink.c: one node or link object onto an actor or tie record
 *   (built-in fields, free attributes and their types, JSON pointers such as
 *   "/links/3/weight" in messages).
 * - json_read.c: the document (its top-level members) and the entry point.
 *
 * Every function returns 0 or a negative code with the last error set to
 * the file, line, column and message (ECOSYS_ENOMEM carries no location). */
#ifndef ECOSYS_IO_JSON_READ_INTERNAL_H
#define ECOSYS_IO_JSON_READ_INTERNAL_H

#include "core/error.h"
#include "io/graph_io_common.h"
#include "io/text_buffer.h"

#include <stdio.h>

enum { ECOSYS_I_JSON_BLOCK = 64 * 1024 };

/* Kinds of JSON values. */
typedef enum ecosys_i_json_kind {
    ECOSYS_I_JSON_STRING,
    ECOSYS_I_JSON_INT, /* a number without fraction or exponent */
    ECOSYS_I_JSON_REAL,
    ECOSYS_I_JSON_TRUE,
    ECOSYS_I_JSON_FALSE,
    ECOSYS_I_JSON_NULL,
    ECOSYS_I_JSON_ARRAY,
    ECOSYS_I_JSON_OBJECT
} ecosys_i_json_kind;


/* What the values of each free attribute of a table have been so far. */
typedef struct ecosys_i_json_columns {
    unsigned *seen; /* per free attribute: kinds of its values (json_nodelink.c) */
    size_t *stamp;  /* per free attribute: 1 + the row that last set it */
    size_t capacity;
} ecosys_i_json_columns;

typedef struct ecosys_i_json_reader {
    FILE *fp;
    const char *path;
    ecosys_dataset *ds;
    unsigned char *block;
    size_t length, pos;
    int eof;             /* 1 at the end of the file, 2 after a read error */
    size_t line, column; /* of the next byte */

    ecosys_i_text_buffer text; /* the last string or number read */
    ecosys_i_text_buffer key;  /* the last member name read */
    ecosys_i_text_buffer join; /* axes joined from an array */

    ecosys_i_json_columns columns[2]; /* by ecosys_table */
    ecosys_i_actor_record actor;
    ecosys_i_tie_record tie;
    ecosys_i_pair_list pairs;
    ecosys_i_tie_buffer ties;
    size_t row_serial; /* increases for every node and link */
} ecosys_i_json_reader;

/* ---- json_lexer.c: bytes and positions ---------------------------------------- */

static inline ecosys_i_location ecosys_i_json_here(const ecosys_i_json_reader *r)
{
    ecosys_i_location where = {r->line, r->column};
    return where;
}

/* The next byte, or -1 at the end of the file (or a read error, which the
 * caller finds in r->eof == 2). Inline: the tokenizer calls it per byte. */
static inline int ecosys_i_json_peek(ecosys_i_json_reader *r)
{
    if (r->pos < r->length)
        return r->block[r->pos];
    if (r->eof)
        return -1;
    r->length = fread(r->block, 1, ECOSYS_I_JSON_BLOCK, r->fp);
    r->pos = 0;
    if (r->length < ECOSYS_I_JSON_BLOCK)
        r->eof = ferror(r->fp) ? 2 : 1;
    return r->length ? r->block[0] : -1;
}

/* Consumes the byte just peeked, counting lines and code points. */
static inline void ecosys_i_json_advance(ecosys_i_json_reader *r)
{
    unsigned char c = r->block[r->pos++];
    if (c == '\n') {
        r->line++;
        r->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        r->column++;
    }
}

void ecosys_i_json_skip_space(ecosys_i_json_reader *r);

/* ---- json_lexer.c: errors -------------------------------------------------------- */

/* Records an error of @p code at @p where in the file. */
int ecosys_i_json_fail(ecosys_i_json_reader *r, int code, ecosys_i_location where,
                       const char *format, ...) ECOSYS_I_PRINTF(4, 5);

/* Adds the file and location to the error a callee recorded, prefixing its
 * message with @p where_text; validation errors (EINVAL) become EPARSE. */
int ecosys_i_json_fail_last(ecosys_i_json_reader *r, int rc, ecosys_i_location where,
                            const char *where_text);

/* The error for the next byte not being @p expected (or a read error). */
int ecosys_i_json_unexpected(ecosys_i_json_reader *r, const char *expected);

/* ---- json_lexer.c: values (texts: io/text_buffer.h) ----------------------------- */

/* Reads a value after spaces. Scalars are read whole (strings and numbers
 * into r->text); for arrays and objects only *kind is set and nothing is
 * consumed. */
int ecosys_i_json_read_value(ecosys_i_json_reader *r, ecosys_i_json_kind *kind,
                             ecosys_i_location *where);

/* Iterates over an object's members: call with *first = 1 after the '{' was
 * consumed; returns 1 with the member name in r->key (and the ':' consumed),
 * 0 after the closing '}', or a negative code. */
int ecosys_i_json_next_member(ecosys_i_json_reader *r, int *first,
                              ecosys_i_location *key_where);

/* Same for arrays: returns 1 before each element (spaces skipped), 0 after
 * the closing ']'. */
int ecosys_i_json_next_element(ecosys_i_json_reader *r, int *first);

/* ---- json_nodelink.c ---------------------------------------------------------- */

/* Reads the node object at the current '{', element @p index of "nodes",
 * and adds its actor to the dataset. */
int ecosys_i_json_read_node(ecosys_i_json_reader *r, size_t index);

/* Reads the link object at the current '{', element @p index of
 * @p section ("links" or "edges"), and offers its tie to r->ties. */
int ecosys_i_json_read_link(ecosys_i_json_reader *r, const char *section, size_t index);

/* Records the type of each free attribute from the kinds of its values. */
int ecosys_i_json_set_types(ecosys_i_json_reader *r);

#endif
