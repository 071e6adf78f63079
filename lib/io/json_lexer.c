/* The strict RFC 8259 tokenizer of the node-link JSON reader (json_read.c
 * says why not json-glib). It streams the file in 64 KiB blocks, counts
 * lines and columns (in code points) as it consumes bytes, and locates every
 * error where the offending token starts: a string or number at its first
 * character, an escape at its backslash, anything else at the byte met. It
 * knows nothing of the node-link layout: scalars are read whole into
 * r->text, objects and arrays one member or element at a time
 * (ecosys_i_json_next_member(), ecosys_i_json_next_element()), so the layer
 * above never recurses beyond the layout's fixed depth. */
#include "io/json_read_internal.h"

#include <errno.h>
#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------------- */

int ecosys_i_json_fail(ecosys_i_json_reader *r, int code, ecosys_i_location where,
                       const char *format, ...)
{
    char message[900];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    return ecosys_i_error_at(code, r->path, where.line, where.column, "%s", message);
}

int ecosys_i_json_fail_last(ecosys_i_json_reader *r, int rc, ecosys_i_location where,
                            const char *where_text)
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

void ecosys_i_json_skip_space(ecosys_i_json_reader *r)
{
    for (int c = ecosys_i_json_peek(r); c == ' ' || c == '\t' || c == '\n' || c == '\r';
         c = ecosys_i_json_peek(r))
        ecosys_i_json_advance(r);
}

int ecosys_i_json_unexpected(ecosys_i_json_reader *r, const char *expected)
{
    int c = ecosys_i_json_peek(r);
    if (c < 0 && r->eof == 2)
        return ecosys_i_error_at(ECOSYS_EIO, r->path, r->line, r->column, "read error: %s",
                                 strerror(errno));
    ecosys_i_location here = ecosys_i_json_here(r);
    if (c < 0)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, here, "unexpected end of file, expected %s",
                                  expected);
    if (c >= 0x20 && c < 0x7F)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, here, "unexpected character '%c', expected %s",
                                  c, expected);
    return ecosys_i_json_fail(r, ECOSYS_EPARSE, here, "unexpected byte 0x%02X, expected %s",
                              (unsigned) c, expected);
}

/* Consumes @p c (after spaces) or fails. */
static int expect(ecosys_i_json_reader *r, char c, const char *expected)
{
    ecosys_i_json_skip_space(r);
    if (ecosys_i_json_peek(r) != (unsigned char) c)
        return ecosys_i_json_unexpected(r, expected);
    ecosys_i_json_advance(r);
    return 0;
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
static int read_hex4(ecosys_i_json_reader *r, unsigned *out, ecosys_i_location escape)
{
    unsigned value = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(ecosys_i_json_peek(r));
        if (d < 0)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, escape,
                                      "invalid \\u escape: expected 4 hex digits");
        ecosys_i_json_advance(r);
        value = value * 16 + (unsigned) d;
    }
    *out = value;
    return 0;
}

static int read_escape(ecosys_i_json_reader *r, ecosys_i_text_buffer *out)
{
    ecosys_i_location escape = ecosys_i_json_here(r); /* at the backslash */
    ecosys_i_json_advance(r);
    int c = ecosys_i_json_peek(r);
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *simple = c > 0 ? strchr(from, c) : NULL;
    if (simple) {
        ecosys_i_json_advance(r);
        if (ecosys_i_text_buffer_append(out, &to[simple - from], 1))
            return ecosys_i_error_nomem();
        return 0;
    }
    if (c != 'u')
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, escape, "invalid escape sequence in a string");
    ecosys_i_json_advance(r);
    unsigned code;
    int rc = read_hex4(r, &code, escape);
    if (rc)
        return rc;
    if (code >= 0xDC00 && code <= 0xDFFF)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, escape,
                                  "invalid \\u escape: lone low surrogate");
    if (code >= 0xD800 && code <= 0xDBFF) {
        unsigned low;
        if (ecosys_i_json_peek(r) != '\\')
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, escape,
                                      "invalid \\u escape: lone high surrogate");
        ecosys_i_json_advance(r);
        if (ecosys_i_json_peek(r) != 'u')
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, escape,
                                      "invalid \\u escape: lone high surrogate");
        ecosys_i_json_advance(r);
        if ((rc = read_hex4(r, &low, escape)))
            return rc;
        if (low < 0xDC00 || low > 0xDFFF)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, escape,
                                      "invalid \\u escape: lone high surrogate");
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (code == 0)
        return ecosys_i_json_fail(r, ECOSYS_EUNSUPPORTED, escape,
                                  "\\u0000 (a NUL character) cannot be kept in a text value");
    char utf8[6];
    int n = g_unichar_to_utf8(code, utf8);
    return ecosys_i_text_buffer_append(out, utf8, (size_t) n) ? ecosys_i_error_nomem() : 0;
}

/* Reads a string (at its opening quote) into @p out. */
static int read_string(ecosys_i_json_reader *r, ecosys_i_text_buffer *out)
{
    ecosys_i_location start = ecosys_i_json_here(r);
    ecosys_i_json_advance(r);
    if (ecosys_i_text_buffer_reset(out))
        return ecosys_i_error_nomem();
    for (;;) {
        /* Copy runs of plain bytes at once. */
        size_t run = r->pos;
        while (run < r->length && r->block[run] != '"' && r->block[run] != '\\' &&
               r->block[run] >= 0x20)
            run++;
        if (run > r->pos) {
            if (ecosys_i_text_buffer_append(out, (const char *) r->block + r->pos, run - r->pos))
                return ecosys_i_error_nomem();
            while (r->pos < run)
                ecosys_i_json_advance(r);
        }
        int c = ecosys_i_json_peek(r);
        if (c < 0) {
            if (r->eof == 2)
                return ecosys_i_json_unexpected(r, "a string");
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, start, "unterminated string");
        }
        if (c == '"') {
            ecosys_i_json_advance(r);
            break;
        }
        if (c == '\\') {
            int rc = read_escape(r, out);
            if (rc)
                return rc;
        } else if (c < 0x20) {
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, ecosys_i_json_here(r),
                                      "control character U+%04X in a string (it must be escaped)",
                                      (unsigned) c);
        }
    }
    if (!g_utf8_validate(out->data, (gssize) out->length, NULL))
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, start, "string is not valid UTF-8");
    return 0;
}

static int take_digits(ecosys_i_json_reader *r, ecosys_i_text_buffer *out)
{
    int count = 0;
    for (int c = ecosys_i_json_peek(r); c >= '0' && c <= '9'; c = ecosys_i_json_peek(r)) {
        char d = (char) c;
        if (ecosys_i_text_buffer_append(out, &d, 1))
            return -1;
        ecosys_i_json_advance(r);
        count++;
    }
    return count;
}

/* Reads a number (RFC 8259 grammar) into @p out as written; *kind is
 * ECOSYS_I_JSON_INT if it has neither fraction nor exponent, else
 * ECOSYS_I_JSON_REAL. */
static int read_number(ecosys_i_json_reader *r, ecosys_i_text_buffer *out,
                       ecosys_i_json_kind *kind)
{
    ecosys_i_location start = ecosys_i_json_here(r);
    if (ecosys_i_text_buffer_reset(out))
        return ecosys_i_error_nomem();
    *kind = ECOSYS_I_JSON_INT;
    int c = ecosys_i_json_peek(r);
    if (c == '-') {
        if (ecosys_i_text_buffer_append(out, "-", 1))
            return ecosys_i_error_nomem();
        ecosys_i_json_advance(r);
    }
    int first = ecosys_i_json_peek(r);
    int digits = take_digits(r, out);
    if (digits < 0)
        return ecosys_i_error_nomem();
    if (digits == 0)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, start,
                                  "invalid number: a digit must follow '-'");
    if (first == '0' && digits > 1)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, start, "invalid number: leading zero");
    if (ecosys_i_json_peek(r) == '.') {
        *kind = ECOSYS_I_JSON_REAL;
        if (ecosys_i_text_buffer_append(out, ".", 1))
            return ecosys_i_error_nomem();
        ecosys_i_json_advance(r);
        if ((digits = take_digits(r, out)) < 0)
            return ecosys_i_error_nomem();
        if (digits == 0)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, start,
                                      "invalid number: a digit must follow '.'");
    }
    c = ecosys_i_json_peek(r);
    if (c == 'e' || c == 'E') {
        *kind = ECOSYS_I_JSON_REAL;
        char e = (char) c;
        if (ecosys_i_text_buffer_append(out, &e, 1))
            return ecosys_i_error_nomem();
        ecosys_i_json_advance(r);
        c = ecosys_i_json_peek(r);
        if (c == '+' || c == '-') {
            char sign = (char) c;
            if (ecosys_i_text_buffer_append(out, &sign, 1))
                return ecosys_i_error_nomem();
            ecosys_i_json_advance(r);
        }
        if ((digits = take_digits(r, out)) < 0)
            return ecosys_i_error_nomem();
        if (digits == 0)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, start,
                                      "invalid number: a digit must follow the exponent");
    }
    return 0;
}

static int read_literal(ecosys_i_json_reader *r, const char *word)
{
    ecosys_i_location start = ecosys_i_json_here(r);
    for (const char *p = word; *p; p++) {
        if (ecosys_i_json_peek(r) != (unsigned char) *p)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, start,
                                      "invalid literal (expected %s)", word);
        ecosys_i_json_advance(r);
    }
    int c = ecosys_i_json_peek(r);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, start, "invalid literal (expected %s)", word);
    return 0;
}

int ecosys_i_json_read_value(ecosys_i_json_reader *r, ecosys_i_json_kind *kind,
                             ecosys_i_location *where)
{
    ecosys_i_json_skip_space(r);
    *where = ecosys_i_json_here(r);
    int c = ecosys_i_json_peek(r);
    switch (c) {
    case '"': *kind = ECOSYS_I_JSON_STRING; return read_string(r, &r->text);
    case '[': *kind = ECOSYS_I_JSON_ARRAY; return 0;
    case '{': *kind = ECOSYS_I_JSON_OBJECT; return 0;
    case 't': *kind = ECOSYS_I_JSON_TRUE; return read_literal(r, "true");
    case 'f': *kind = ECOSYS_I_JSON_FALSE; return read_literal(r, "false");
    case 'n': *kind = ECOSYS_I_JSON_NULL; return read_literal(r, "null");
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            return read_number(r, &r->text, kind);
        return ecosys_i_json_unexpected(r, "a value");
    }
}

/* ---- objects and arrays ------------------------------------------------------ */

int ecosys_i_json_next_member(ecosys_i_json_reader *r, int *first,
                              ecosys_i_location *key_where)
{
    ecosys_i_json_skip_space(r);
    int c = ecosys_i_json_peek(r);
    if (*first && c == '}') {
        ecosys_i_json_advance(r);
        return 0;
    }
    if (!*first) {
        if (c == '}') {
            ecosys_i_json_advance(r);
            return 0;
        }
        if (c != ',')
            return ecosys_i_json_unexpected(r, "',' or '}'");
        ecosys_i_json_advance(r);
        ecosys_i_json_skip_space(r);
        c = ecosys_i_json_peek(r);
    }
    *first = 0;
    *key_where = ecosys_i_json_here(r);
    if (c != '"')
        return ecosys_i_json_unexpected(r, "a member name (a string)");
    int rc = read_string(r, &r->key);
    if (rc)
        return rc;
    if ((rc = expect(r, ':', "':'")))
        return rc;
    return 1;
}

int ecosys_i_json_next_element(ecosys_i_json_reader *r, int *first)
{
    ecosys_i_json_skip_space(r);
    int c = ecosys_i_json_peek(r);
    if (c == ']' && *first) {
        ecosys_i_json_advance(r);
        return 0;
    }
    if (!*first) {
        if (c == ']') {
            ecosys_i_json_advance(r);
            return 0;
        }
        if (c != ',')
            return ecosys_i_json_unexpected(r, "',' or ']'");
        ecosys_i_json_advance(r);
        ecosys_i_json_skip_space(r);
    }
    *first = 0;
    return 1;
}
