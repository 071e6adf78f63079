/* Node-link JSON reader: the layout of NetworkX's node_link_data
 * ({"directed", "multigraph", "graph", "nodes", "links" or "edges"}).
 *
 * Why not json-glib: Debian 12's json-glib 1.6 loses or alters data
 * silently, which the loaders must never do: integers beyond 64 bits wrap
 * (12345678901234567890 reads as -6101065172474983726), only the last of
 * duplicate object members is kept, strings are cut at "\u0000", numbers
 * are kept as doubles (so 1.0 and 1 cannot be told apart and the text of
 * a number is lost), hexadecimal and leading-zero numbers are accepted, and
 * values carry no position, so semantic errors could not be located. It also
 * builds the whole document as a tree. This reader is a strict RFC 8259
 * parser driven by the node-link layout: it streams the file in 64 KiB
 * blocks, never recurses beyond the layout's fixed depth, keeps the text of
 * every number as written, and locates every error by line and column (in
 * code points) plus a JSON pointer ("/links/3/weight") in the message.
 *
 * Model (docs/formats.md): "id" is the actor id (a string, or an integer
 * kept as its decimal text); name/sector/territory/axes of a node and
 * source/target/weight/kind/axis/start/end of a link fill the built-in
 * fields; every other member is a free attribute, created in order of first
 * appearance, whose type is "long", "double" or "boolean" when all its
 * non-empty values are JSON numbers of that kind or booleans, else
 * "string". Values are kept as their JSON text. null, arrays (except
 * "axes", an array of strings joined with ';') and objects as values, a
 * non-empty "graph" object and unknown top-level members are
 * ECOSYS_EUNSUPPORTED. */
#include "io/io_internal.h"

#include "core/error.h"
#include "io/graph_io_common.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { BLOCK = 64 * 1024 };

/* Kinds of JSON values. */
typedef enum vkind { V_STRING, V_INT, V_REAL, V_TRUE, V_FALSE, V_NULL, V_ARRAY, V_OBJECT } vkind;

/* Type evidence of a free attribute's values. */
enum { SEEN_STRING = 1, SEEN_INT = 2, SEEN_REAL = 4, SEEN_BOOL = 8 };

typedef struct text_buffer {
    char *data;
    size_t length, capacity;
} text_buffer;

typedef struct column_info {
    unsigned *seen;  /* per free attribute: SEEN_* bits */
    size_t *stamp;   /* per free attribute: 1 + the row that last set it */
    size_t capacity;
} column_info;

typedef struct reader {
    FILE *fp;
    const char *path;
    ecosys_dataset *ds;
    unsigned char *block;
    size_t length, pos;
    int eof;
    size_t line, column; /* of the next byte */

    text_buffer text; /* the last string or number read */
    text_buffer key;  /* the last member name read */
    text_buffer join; /* axes joined from an array */

    column_info columns[2]; /* by ecosys_table */
    ecosys_i_actor_record actor;
    ecosys_i_tie_record tie;
    ecosys_i_pair_list pairs;
    ecosys_i_tie_buffer ties;
    size_t row_serial; /* increases for every node and link */
} reader;

/* ---- errors ---------------------------------------------------------------- */

static ecosys_i_location here(const reader *r)
{
    ecosys_i_location where = {r->line, r->column};
    return where;
}

static int fail(reader *r, int code, ecosys_i_location where, const char *format, ...)
    ECOSYS_I_PRINTF(4, 5);

static int fail(reader *r, int code, ecosys_i_location where, const char *format, ...)
{
    char message[900];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    return ecosys_i_error_at(code, r->path, where.line, where.column, "%s", message);
}

/* Where a value is, as a JSON pointer such as /nodes/3/club, formatted
 * only when an error needs it. */
typedef struct json_ptr {
    const char *section; /* "nodes", "links" or "edges" */
    size_t index;
    const char *member; /* NULL for the object itself */
    char text[256];
} json_ptr;

/* Formats the pointer (member names escaped as RFC 6901 says: ~ as ~0, /
 * as ~1), shortened if very long. */
static const char *P(json_ptr *p)
{
    int n = snprintf(p->text, sizeof p->text, "/%s/%zu", p->section, p->index);
    if (!p->member || n < 0 || n >= 200)
        return p->text;
    size_t at = (size_t) n;
    p->text[at++] = '/';
    for (const char *c = p->member; *c && at < 240; c++) {
        if (*c == '~' || *c == '/') {
            p->text[at++] = '~';
            p->text[at++] = *c == '~' ? '0' : '1';
        } else {
            p->text[at++] = *c;
        }
    }
    if (at >= 240) /* do not cut a UTF-8 sequence */
        while (at > 0 && (p->text[at - 1] & 0xC0) == 0x80)
            at--;
    p->text[at] = '\0';
    return p->text;
}

/* Adds the file and location to the error a callee recorded, prefixing its
 * message with @p where_text; validation errors (EINVAL) become EPARSE. */
static int fail_last(reader *r, int rc, ecosys_i_location where, const char *where_text)
{
    if (rc == ECOSYS_ENOMEM)
        return rc;
    char message[1024];
    snprintf(message, sizeof message, "%s", ecosys_error_last()->message);
    if (rc == ECOSYS_EINVAL || rc == ECOSYS_EEXISTS)
        rc = ECOSYS_EPARSE;
    return ecosys_i_error_at(rc, r->path, where.line, where.column, "%s: %s", where_text,
                             message);
}

/* ---- bytes ------------------------------------------------------------------ */

/* The next byte, or -1 at the end of the file (or a read error, which the
 * caller finds in r->eof == 2). */
static int peek(reader *r)
{
    if (r->pos < r->length)
        return r->block[r->pos];
    if (r->eof)
        return -1;
    r->length = fread(r->block, 1, BLOCK, r->fp);
    r->pos = 0;
    if (r->length < BLOCK)
        r->eof = ferror(r->fp) ? 2 : 1;
    return r->length ? r->block[0] : -1;
}

static void advance(reader *r)
{
    unsigned char c = r->block[r->pos++];
    if (c == '\n') {
        r->line++;
        r->column = 1;
    } else if ((c & 0xC0) != 0x80) {
        r->column++;
    }
}

static void skip_space(reader *r)
{
    for (int c = peek(r); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek(r))
        advance(r);
}

static int unexpected(reader *r, const char *expected)
{
    int c = peek(r);
    if (c < 0 && r->eof == 2)
        return ecosys_i_error_at(ECOSYS_EIO, r->path, r->line, r->column, "read error: %s",
                                 strerror(errno));
    if (c < 0)
        return fail(r, ECOSYS_EPARSE, here(r), "unexpected end of file, expected %s", expected);
    if (c >= 0x20 && c < 0x7F)
        return fail(r, ECOSYS_EPARSE, here(r), "unexpected character '%c', expected %s", c,
                    expected);
    return fail(r, ECOSYS_EPARSE, here(r), "unexpected byte 0x%02X, expected %s", (unsigned) c,
                expected);
}

/* Consumes @p c (after spaces) or fails. */
static int expect(reader *r, char c, const char *expected)
{
    skip_space(r);
    if (peek(r) != (unsigned char) c)
        return unexpected(r, expected);
    advance(r);
    return 0;
}

/* ---- text buffers ----------------------------------------------------------- */

static int buffer_append(text_buffer *b, const char *bytes, size_t length)
{
    if (b->length + length + 1 > b->capacity) {
        size_t capacity = ecosys_i_next_capacity(b->capacity, b->length + length + 1);
        if (ecosys_i_resize((void **) &b->data, capacity, 1))
            return ECOSYS_ENOMEM;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, length);
    b->length += length;
    b->data[b->length] = '\0';
    return 0;
}

static int buffer_reset(text_buffer *b)
{
    b->length = 0;
    return buffer_append(b, "", 0);
}

/* ---- scalars ---------------------------------------------------------------- */

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Reads the 4 hex digits of a \u escape. */
static int read_hex4(reader *r, unsigned *out, ecosys_i_location escape)
{
    unsigned value = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(peek(r));
        if (d < 0)
            return fail(r, ECOSYS_EPARSE, escape, "invalid \\u escape: expected 4 hex digits");
        advance(r);
        value = value * 16 + (unsigned) d;
    }
    *out = value;
    return 0;
}

static int read_escape(reader *r, text_buffer *out)
{
    ecosys_i_location escape = here(r); /* at the backslash */
    advance(r);
    int c = peek(r);
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *simple = c > 0 ? strchr(from, c) : NULL;
    if (simple) {
        advance(r);
        return buffer_append(out, &to[simple - from], 1) ? ecosys_i_error_nomem() : 0;
    }
    if (c != 'u')
        return fail(r, ECOSYS_EPARSE, escape, "invalid escape sequence in a string");
    advance(r);
    unsigned code;
    int rc = read_hex4(r, &code, escape);
    if (rc)
        return rc;
    if (code >= 0xDC00 && code <= 0xDFFF)
        return fail(r, ECOSYS_EPARSE, escape, "invalid \\u escape: lone low surrogate");
    if (code >= 0xD800 && code <= 0xDBFF) {
        unsigned low;
        if (peek(r) != '\\')
            return fail(r, ECOSYS_EPARSE, escape, "invalid \\u escape: lone high surrogate");
        advance(r);
        if (peek(r) != 'u')
            return fail(r, ECOSYS_EPARSE, escape, "invalid \\u escape: lone high surrogate");
        advance(r);
        if ((rc = read_hex4(r, &low, escape)))
            return rc;
        if (low < 0xDC00 || low > 0xDFFF)
            return fail(r, ECOSYS_EPARSE, escape, "invalid \\u escape: lone high surrogate");
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (code == 0)
        return fail(r, ECOSYS_EUNSUPPORTED, escape,
                    "\\u0000 (a NUL character) cannot be kept in a text value");
    char utf8[6];
    int n = g_unichar_to_utf8(code, utf8);
    return buffer_append(out, utf8, (size_t) n) ? ecosys_i_error_nomem() : 0;
}

/* Reads a string (at its opening quote) into @p out. */
static int read_string(reader *r, text_buffer *out)
{
    ecosys_i_location start = here(r);
    advance(r);
    if (buffer_reset(out))
        return ecosys_i_error_nomem();
    for (;;) {
        /* Copy runs of plain bytes at once. */
        size_t run = r->pos;
        while (run < r->length && r->block[run] != '"' && r->block[run] != '\\' &&
               r->block[run] >= 0x20)
            run++;
        if (run > r->pos) {
            if (buffer_append(out, (const char *) r->block + r->pos, run - r->pos))
                return ecosys_i_error_nomem();
            while (r->pos < run)
                advance(r);
        }
        int c = peek(r);
        if (c < 0) {
            if (r->eof == 2)
                return unexpected(r, "a string");
            return fail(r, ECOSYS_EPARSE, start, "unterminated string");
        }
        if (c == '"') {
            advance(r);
            break;
        }
        if (c == '\\') {
            int rc = read_escape(r, out);
            if (rc)
                return rc;
        } else if (c < 0x20) {
            return fail(r, ECOSYS_EPARSE, here(r),
                        "control character U+%04X in a string (it must be escaped)", (unsigned) c);
        }
    }
    if (!g_utf8_validate(out->data, (gssize) out->length, NULL))
        return fail(r, ECOSYS_EPARSE, start, "string is not valid UTF-8");
    return 0;
}

static int take_digits(reader *r, text_buffer *out)
{
    int count = 0;
    for (int c = peek(r); c >= '0' && c <= '9'; c = peek(r)) {
        char d = (char) c;
        if (buffer_append(out, &d, 1))
            return -1;
        advance(r);
        count++;
    }
    return count;
}

/* Reads a number (RFC 8259 grammar) into @p out as written; *kind is V_INT
 * if it has neither fraction nor exponent, else V_REAL. */
static int read_number(reader *r, text_buffer *out, vkind *kind)
{
    ecosys_i_location start = here(r);
    if (buffer_reset(out))
        return ecosys_i_error_nomem();
    *kind = V_INT;
    int c = peek(r);
    if (c == '-') {
        if (buffer_append(out, "-", 1))
            return ecosys_i_error_nomem();
        advance(r);
    }
    int first = peek(r);
    int digits = take_digits(r, out);
    if (digits < 0)
        return ecosys_i_error_nomem();
    if (digits == 0)
        return fail(r, ECOSYS_EPARSE, start, "invalid number: a digit must follow '-'");
    if (first == '0' && digits > 1)
        return fail(r, ECOSYS_EPARSE, start, "invalid number: leading zero");
    if (peek(r) == '.') {
        *kind = V_REAL;
        if (buffer_append(out, ".", 1))
            return ecosys_i_error_nomem();
        advance(r);
        if ((digits = take_digits(r, out)) < 0)
            return ecosys_i_error_nomem();
        if (digits == 0)
            return fail(r, ECOSYS_EPARSE, start, "invalid number: a digit must follow '.'");
    }
    c = peek(r);
    if (c == 'e' || c == 'E') {
        *kind = V_REAL;
        char e = (char) c;
        if (buffer_append(out, &e, 1))
            return ecosys_i_error_nomem();
        advance(r);
        c = peek(r);
        if (c == '+' || c == '-') {
            char sign = (char) c;
            if (buffer_append(out, &sign, 1))
                return ecosys_i_error_nomem();
            advance(r);
        }
        if ((digits = take_digits(r, out)) < 0)
            return ecosys_i_error_nomem();
        if (digits == 0)
            return fail(r, ECOSYS_EPARSE, start,
                        "invalid number: a digit must follow the exponent");
    }
    return 0;
}

static int read_literal(reader *r, const char *word)
{
    ecosys_i_location start = here(r);
    for (const char *p = word; *p; p++) {
        if (peek(r) != (unsigned char) *p)
            return fail(r, ECOSYS_EPARSE, start, "invalid literal (expected %s)", word);
        advance(r);
    }
    int c = peek(r);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return fail(r, ECOSYS_EPARSE, start, "invalid literal (expected %s)", word);
    return 0;
}

/* Reads a value after spaces. Scalars are read whole (strings and numbers
 * into r->text); for arrays and objects only *kind is set and nothing is
 * consumed. */
static int read_value(reader *r, vkind *kind, ecosys_i_location *where)
{
    skip_space(r);
    *where = here(r);
    int c = peek(r);
    switch (c) {
    case '"': *kind = V_STRING; return read_string(r, &r->text);
    case '[': *kind = V_ARRAY; return 0;
    case '{': *kind = V_OBJECT; return 0;
    case 't': *kind = V_TRUE; return read_literal(r, "true");
    case 'f': *kind = V_FALSE; return read_literal(r, "false");
    case 'n': *kind = V_NULL; return read_literal(r, "null");
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            return read_number(r, &r->text, kind);
        return unexpected(r, "a value");
    }
}

/* ---- objects and arrays ------------------------------------------------------ */

/* Iterates over an object's members: call with *first = 1 after the '{' was
 * consumed; returns 1 with the member name in r->key (and the ':' consumed),
 * 0 after the closing '}', or a negative code. */
static int next_member(reader *r, int *first, ecosys_i_location *key_where)
{
    skip_space(r);
    int c = peek(r);
    if (*first && c == '}') {
        advance(r);
        return 0;
    }
    if (!*first) {
        if (c == '}') {
            advance(r);
            return 0;
        }
        if (c != ',')
            return unexpected(r, "',' or '}'");
        advance(r);
        skip_space(r);
        c = peek(r);
    }
    *first = 0;
    *key_where = here(r);
    if (c != '"')
        return unexpected(r, "a member name (a string)");
    int rc = read_string(r, &r->key);
    if (rc)
        return rc;
    if ((rc = expect(r, ':', "':'")))
        return rc;
    return 1;
}

/* Same for arrays: returns 1 before each element (spaces skipped), 0 after
 * the closing ']'. */
static int next_element(reader *r, int *first)
{
    skip_space(r);
    int c = peek(r);
    if (c == ']' && *first) {
        advance(r);
        return 0;
    }
    if (!*first) {
        if (c == ']') {
            advance(r);
            return 0;
        }
        if (c != ',')
            return unexpected(r, "',' or ']'");
        advance(r);
        skip_space(r);
    }
    *first = 0;
    return 1;
}

/* ---- values of nodes and links ------------------------------------------------ */

static const char *kind_name(vkind kind)
{
    switch (kind) {
    case V_NULL: return "null";
    case V_ARRAY: return "an array";
    case V_OBJECT: return "an object";
    default: return "this value";
    }
}

/* Reads a text value: a string as is, a number or boolean as its JSON text;
 * null, arrays and objects are unsupported. The text is left in r->text. */
static int read_text(reader *r, json_ptr *ptr, vkind *kind, ecosys_i_location *where)
{
    int rc = read_value(r, kind, where);
    if (rc)
        return rc;
    switch (*kind) {
    case V_TRUE:
    case V_FALSE:
        if (buffer_reset(&r->text) ||
            buffer_append(&r->text, *kind == V_TRUE ? "true" : "false", *kind == V_TRUE ? 4 : 5))
            return ecosys_i_error_nomem();
        return 0;
    case V_NULL:
    case V_ARRAY:
    case V_OBJECT:
        return fail(r, ECOSYS_EUNSUPPORTED, *where,
                    "%s: %s is not supported as a value (only strings, numbers and booleans)",
                    P(ptr), kind_name(*kind));
    default:
        return 0;
    }
}

static int intern(reader *r, uint32_t *out, const char *text)
{
    return ecosys_i_dataset_intern(out, r->ds, text, strlen(text));
}

/* An actor id: a string, or an integer kept as its decimal text. For the
 * ends of a link (@p actor not NULL), also the actor's index if known. */
static int read_id(reader *r, json_ptr *ptr, uint32_t *out, size_t *actor,
                   ecosys_i_location *where)
{
    vkind kind;
    int rc = read_value(r, &kind, where);
    if (rc)
        return rc;
    if (kind != V_STRING && kind != V_INT)
        return fail(r, ECOSYS_EPARSE, *where, "%s: must be a string or an integer", P(ptr));
    if (actor)
        return ecosys_i_tie_end(out, actor, r->ds, r->text.data);
    return intern(r, out, r->text.data);
}

/* "axes": a string, or an array of strings joined with ';'. */
static int read_axes(reader *r, json_ptr *ptr, uint32_t *out)
{
    ecosys_i_location where;
    skip_space(r);
    if (peek(r) != '[') {
        vkind kind;
        int rc = read_text(r, ptr, &kind, &where);
        return rc ? rc : intern(r, out, r->text.data);
    }
    advance(r);
    if (buffer_reset(&r->join))
        return ecosys_i_error_nomem();
    int first = 1, rc;
    size_t count = 0;
    while ((rc = next_element(r, &first)) == 1) {
        vkind kind;
        if ((rc = read_value(r, &kind, &where)))
            return rc;
        if (kind != V_STRING)
            return fail(r, ECOSYS_EUNSUPPORTED, where,
                        "%s/%zu: axes must be strings", P(ptr), count);
        if (strchr(r->text.data, ';'))
            return fail(r, ECOSYS_EUNSUPPORTED, where,
                        "%s/%zu: an axis containing ';' cannot be kept (axes are joined with "
                        "';')",
                        P(ptr), count);
        if ((count > 0 && buffer_append(&r->join, ";", 1)) ||
            buffer_append(&r->join, r->text.data, r->text.length))
            return ecosys_i_error_nomem();
        count++;
    }
    return rc < 0 ? rc : intern(r, out, r->join.data);
}

static int grow_columns(column_info *c, size_t need)
{
    if (need <= c->capacity)
        return 0;
    size_t capacity = ecosys_i_next_capacity(c->capacity, need);
    if (ecosys_i_resize((void **) &c->seen, capacity, sizeof *c->seen) ||
        ecosys_i_resize((void **) &c->stamp, capacity, sizeof *c->stamp))
        return ECOSYS_ENOMEM;
    memset(c->seen + c->capacity, 0, (capacity - c->capacity) * sizeof *c->seen);
    memset(c->stamp + c->capacity, 0, (capacity - c->capacity) * sizeof *c->stamp);
    c->capacity = capacity;
    return 0;
}

/* A member that is not a built-in field: a free attribute. */
static int read_free(reader *r, ecosys_table table, json_ptr *ptr,
                     ecosys_i_location key_where)
{
    vkind kind;
    ecosys_i_location where;
    size_t attr;
    int rc = read_text(r, ptr, &kind, &where);
    if (rc)
        return rc;
    if ((rc = ecosys_i_find_or_add_attribute(&attr, r->ds, table, r->key.data)))
        return fail_last(r, rc, where, P(ptr));
    column_info *c = &r->columns[table];
    if (grow_columns(c, attr + 1))
        return ecosys_i_error_nomem();
    if (c->stamp[attr] == r->row_serial)
        return fail(r, ECOSYS_EPARSE, key_where, "%s: duplicate member", P(ptr));
    c->stamp[attr] = r->row_serial;
    if (kind == V_STRING && r->text.length > 0)
        c->seen[attr] |= SEEN_STRING;
    else if (kind == V_INT)
        c->seen[attr] |= SEEN_INT;
    else if (kind == V_REAL)
        c->seen[attr] |= SEEN_REAL;
    else if (kind == V_TRUE || kind == V_FALSE)
        c->seen[attr] |= SEEN_BOOL;
    uint32_t value;
    if ((rc = intern(r, &value, r->text.data)) ||
        (rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) attr, value)))
        return rc;
    return 0;
}

/* Marks a built-in member as seen in this object; a second one is an error. */
static int once(reader *r, unsigned *seen, unsigned bit, json_ptr *ptr,
                ecosys_i_location key_where)
{
    if (*seen & bit)
        return fail(r, ECOSYS_EPARSE, key_where, "%s: duplicate member", P(ptr));
    *seen |= bit;
    return 0;
}

/* Enters a node or link object: skips its '{' and starts a new row. */
static void begin_row(reader *r)
{
    advance(r); /* '{' */
    r->pairs.count = 0;
    r->row_serial++;
}

/* Index of @p key in the NULL-terminated @p fields, or of the NULL at
 * their end when the key is a free attribute. */
static size_t field_index(const char *const *fields, const char *key)
{
    size_t f = 0;
    while (fields[f] && strcmp(fields[f], key) != 0)
        f++;
    return f;
}

static int read_node(reader *r, size_t index)
{
    static const char *const fields[] = {"id", "name", "sector", "territory", "axes", NULL};
    json_ptr at = {"nodes", index, NULL, ""}, *ptr = &at;
    ecosys_i_actor_record *a = &r->actor;
    memset(a, 0, sizeof *a);
    a->where = here(r);
    begin_row(r);
    unsigned seen = 0;
    int first = 1, rc;
    ecosys_i_location key_where, where;
    while ((rc = next_member(r, &first, &key_where)) == 1) {
        at.member = r->key.data;
        size_t f = field_index(fields, r->key.data);
        if (!fields[f]) {
            rc = read_free(r, ECOSYS_TABLE_ACTORS, ptr, key_where);
        } else if ((rc = once(r, &seen, 1u << f, ptr, key_where))) {
            /* duplicate */
        } else if (f == 0) {
            rc = read_id(r, ptr, &a->id, NULL, &a->id_where);
        } else if (f == 4) {
            rc = read_axes(r, ptr, &a->axes);
        } else {
            vkind kind;
            uint32_t *field = f == 1 ? &a->name : f == 2 ? &a->sector : &a->territory;
            if (!(rc = read_text(r, ptr, &kind, &where)))
                rc = intern(r, field, r->text.data);
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return rc;
    at.member = NULL;
    if (!(seen & 1))
        return fail(r, ECOSYS_EPARSE, a->where, "%s: node without \"id\"", P(ptr));
    rc = ecosys_i_commit_actor(r->ds, a, r->pairs.items, r->pairs.count, r->path);
    if (rc && rc != ECOSYS_ENOMEM)
        ecosys_i_error_prefix("%s", P(ptr));
    return rc;
}

static int read_weight(reader *r, json_ptr *ptr, double *out)
{
    vkind kind;
    ecosys_i_location where;
    int rc = read_value(r, &kind, &where);
    if (rc)
        return rc;
    if (kind != V_INT && kind != V_REAL)
        return fail(r, ECOSYS_EPARSE, where, "%s: weight must be a number", P(ptr));
    double w = g_ascii_strtod(r->text.data, NULL);
    if (!isfinite(w) || w < 0)
        return fail(r, ECOSYS_EPARSE, where, "%s: weight %.100s must be finite and >= 0", P(ptr),
                    r->text.data);
    *out = w;
    return 0;
}

static int read_date(reader *r, json_ptr *ptr, uint32_t *out)
{
    vkind kind;
    ecosys_i_location where;
    int rc = read_text(r, ptr, &kind, &where);
    if (rc)
        return rc;
    int32_t first, last;
    if (r->text.length > 0 && (rc = ecosys_date_parse(&first, &last, r->text.data)))
        return fail_last(r, rc, where, P(ptr));
    return intern(r, out, r->text.data);
}

static int read_link(reader *r, const char *section, size_t index)
{
    static const char *const fields[] = {"source", "target", "weight", "kind",
                                         "axis",   "start",  "end",    NULL};
    json_ptr at = {section, index, NULL, ""}, *ptr = &at;
    ecosys_i_tie_record *t = &r->tie;
    memset(t, 0, sizeof *t);
    t->source_actor = t->target_actor = SIZE_MAX;
    t->where = here(r);
    t->weight = 1.0;
    t->index = index;
    begin_row(r);
    unsigned seen = 0;
    int first = 1, rc;
    ecosys_i_location key_where, where;
    while ((rc = next_member(r, &first, &key_where)) == 1) {
        at.member = r->key.data;
        size_t f = field_index(fields, r->key.data);
        if (!fields[f]) {
            rc = read_free(r, ECOSYS_TABLE_TIES, ptr, key_where);
        } else if ((rc = once(r, &seen, 1u << f, ptr, key_where))) {
            /* duplicate */
        } else if (f == 0) {
            rc = read_id(r, ptr, &t->source, &t->source_actor, &t->source_where);
        } else if (f == 1) {
            rc = read_id(r, ptr, &t->target, &t->target_actor, &t->target_where);
        } else if (f == 2) {
            rc = read_weight(r, ptr, &t->weight);
        } else if (f == 5 || f == 6) {
            rc = read_date(r, ptr, f == 5 ? &t->start : &t->end);
        } else {
            vkind kind;
            if (!(rc = read_text(r, ptr, &kind, &where)))
                rc = intern(r, f == 3 ? &t->kind : &t->axis, r->text.data);
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return rc;
    at.member = NULL;
    if ((seen & 3) != 3)
        return fail(r, ECOSYS_EPARSE, t->where, "%s: link without \"%s\"", P(ptr),
                    seen & 1 ? "target" : "source");
    return ecosys_i_tie_offer(&r->ties, r->ds, t, r->pairs.items, r->pairs.count, r->path);
}

/* "nodes" or "links"/"edges": an array of objects. */
static int read_rows(reader *r, const char *section, int nodes)
{
    skip_space(r);
    if (peek(r) != '[') {
        if (peek(r) < 0)
            return unexpected(r, "an array");
        return fail(r, ECOSYS_EPARSE, here(r), "/%s: must be an array of objects", section);
    }
    advance(r);
    int first = 1, rc;
    size_t index = 0;
    while ((rc = next_element(r, &first)) == 1) {
        if (peek(r) != '{') {
            if (peek(r) < 0)
                return unexpected(r, "an object");
            return fail(r, ECOSYS_EPARSE, here(r), "/%s/%zu: a %s must be an object", section,
                        index, nodes ? "node" : "link");
        }
        if ((rc = nodes ? read_node(r, index) : read_link(r, section, index)))
            return rc;
        index++;
    }
    return rc;
}

static int read_bool(reader *r, const char *name, int *out)
{
    vkind kind;
    ecosys_i_location where;
    int rc = read_value(r, &kind, &where);
    if (rc)
        return rc;
    if (kind != V_TRUE && kind != V_FALSE)
        return fail(r, ECOSYS_EPARSE, where, "/%s: must be true or false", name);
    *out = kind == V_TRUE;
    return 0;
}

/* "graph": graph-level attributes, which a dataset cannot hold. */
static int read_graph(reader *r)
{
    skip_space(r);
    if (peek(r) != '{') {
        if (peek(r) < 0)
            return unexpected(r, "an object");
        return fail(r, ECOSYS_EPARSE, here(r), "/graph: must be an object");
    }
    advance(r);
    int first = 1;
    ecosys_i_location key_where;
    int rc = next_member(r, &first, &key_where);
    if (rc == 1) {
        char ptr[256];
        snprintf(ptr, sizeof ptr, "/graph/%.200s", r->key.data);
        return fail(r, ECOSYS_EUNSUPPORTED, key_where,
                    "%s: graph-level attributes are not supported (a dataset has none); "
                    "remove them before export (NetworkX: G.graph.clear())",
                    ptr);
    }
    return rc;
}

enum { TOP_DIRECTED = 1, TOP_MULTIGRAPH = 2, TOP_GRAPH = 4, TOP_NODES = 8, TOP_LINKS = 16 };

static int read_document(reader *r)
{
    /* A UTF-8 byte order mark is skipped. */
    if (peek(r) == 0xEF && r->length >= 3 && r->block[1] == 0xBB && r->block[2] == 0xBF)
        r->pos = 3;
    skip_space(r);
    ecosys_i_location top = here(r);
    if (peek(r) != '{') {
        if (peek(r) < 0 && r->eof != 2 && r->line == 1 && r->column == 1)
            return fail(r, ECOSYS_EPARSE, top, "empty file: expected a JSON object");
        return unexpected(r, "'{' (a node-link JSON object)");
    }
    advance(r);
    unsigned seen = 0;
    int first = 1, rc;
    ecosys_i_location key_where;
    while ((rc = next_member(r, &first, &key_where)) == 1) {
        const char *name = r->key.data;
        unsigned bit = strcmp(name, "directed") == 0     ? TOP_DIRECTED
                       : strcmp(name, "multigraph") == 0 ? TOP_MULTIGRAPH
                       : strcmp(name, "graph") == 0      ? TOP_GRAPH
                       : strcmp(name, "nodes") == 0      ? TOP_NODES
                       : strcmp(name, "links") == 0 || strcmp(name, "edges") == 0 ? TOP_LINKS
                                                                                   : 0;
        if (!bit)
            return fail(r, ECOSYS_EUNSUPPORTED, key_where,
                        "/%.200s: unknown top-level member (expected directed, multigraph, "
                        "graph, nodes, links or edges)",
                        name);
        if (seen & bit)
            return fail(r, ECOSYS_EPARSE, key_where,
                        bit == TOP_LINKS ? "/%.200s: a second list of links (\"links\" or "
                                           "\"edges\")"
                                         : "/%.200s: duplicate member",
                        name);
        seen |= bit;
        int flag = 0; /* read_bool() sets it on success, which GCC -O2 cannot prove */
        switch (bit) {
        case TOP_DIRECTED:
            if (!(rc = read_bool(r, "directed", &flag)))
                ecosys_dataset_set_directed(r->ds, flag);
            break;
        case TOP_MULTIGRAPH: /* derived from the ties; the writer recomputes it */
            rc = read_bool(r, "multigraph", &flag);
            break;
        case TOP_GRAPH: rc = read_graph(r); break;
        case TOP_NODES: rc = read_rows(r, "nodes", 1); break;
        default:
            r->ties.section = strcmp(name, "links") == 0 ? "links" : "edges";
            rc = read_rows(r, r->ties.section, 0);
            break;
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return rc;
    skip_space(r);
    if (peek(r) >= 0 || r->eof == 2)
        return unexpected(r, "the end of the file");
    if (!(seen & TOP_NODES))
        return fail(r, ECOSYS_EPARSE, top, "missing \"nodes\": not a node-link JSON document");
    return ecosys_i_tie_flush(&r->ties, r->ds, r->path);
}

/* Records the type of each free attribute from the kinds of its values. */
static int set_types(reader *r)
{
    for (int table = 0; table < 2; table++) {
        const column_info *c = &r->columns[table];
        size_t count = ecosys_dataset_attribute_count(r->ds, (ecosys_table) table);
        for (size_t a = 0; a < count && a < c->capacity; a++) {
            unsigned seen = c->seen[a];
            const char *type = seen == SEEN_INT                 ? "long"
                               : seen == SEEN_REAL || seen == (SEEN_INT | SEEN_REAL) ? "double"
                               : seen == SEEN_BOOL                                    ? "boolean"
                                                                                      : "string";
            int rc = ecosys_dataset_set_attribute_type(r->ds, (ecosys_table) table, a, type);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int ecosys_i_read_json(ecosys_dataset **out, const char *path)
{
    *out = NULL;
    reader r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.line = r.column = 1;
    r.fp = fopen(path, "rb");
    if (!r.fp)
        return ecosys_i_error_at(ECOSYS_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    int rc = ecosys_dataset_new(&r.ds, 0);
    if (!rc && !(r.block = malloc(BLOCK)))
        rc = ecosys_i_error_nomem();
    if (!rc)
        rc = read_document(&r);
    if (!rc)
        rc = set_types(&r);
    fclose(r.fp);
    free(r.block);
    free(r.text.data);
    free(r.key.data);
    free(r.join.data);
    for (int t = 0; t < 2; t++) {
        free(r.columns[t].seen);
        free(r.columns[t].stamp);
    }
    ecosys_i_pair_list_dispose(&r.pairs);
    ecosys_i_tie_buffer_dispose(&r.ties);
    if (rc) {
        if (rc == ECOSYS_ENOMEM)
            ecosys_i_error_nomem();
        ecosys_dataset_free(r.ds);
        return rc;
    }
    *out = r.ds;
    return 0;
}
