/* Writing JSON text: see json_out.h. */
#include "core/json_out.h"

#include "core/double_text.h"
#include "core/error.h"

#include <glib.h>

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ecosys_i_json_init(ecosys_i_json_out *j, unsigned indent, const char *colon)
{
    memset(j, 0, sizeof *j);
    j->indent = indent;
    j->colon = colon;
}

void ecosys_i_json_set_sink(ecosys_i_json_out *j, ecosys_i_json_sink sink, void *context)
{
    j->sink = sink;
    j->sink_context = context;
}

/* A call out of order: a bug in the caller, reported rather than written
 * as broken JSON. */
static void misuse(ecosys_i_json_out *j, const char *what)
{
    if (!j->error)
        j->error = ecosys_i_error(ECOSYS_ERROR, "internal error: JSON output: %s", what);
}

/* Room for @p extra more bytes and a final NUL. */
static int reserve(ecosys_i_json_out *j, size_t extra)
{
    if (extra >= SIZE_MAX / 2 - j->length) {
        j->error = ecosys_i_error_nomem();
        return 0;
    }
    size_t need = j->length + extra + 1;
    if (need <= j->capacity)
        return 1;
    size_t capacity = j->capacity ? j->capacity : 4096;
    while (capacity < need)
        capacity *= 2;
    char *data = realloc(j->data, capacity);
    if (!data) {
        j->error = ecosys_i_error_nomem();
        return 0;
    }
    j->data = data;
    j->capacity = capacity;
    return 1;
}

static void flush(ecosys_i_json_out *j)
{
    if (j->length)
        j->sink(j->sink_context, j->data, j->length);
    j->length = 0;
}

static void append(ecosys_i_json_out *j, const char *bytes, size_t length)
{
    if (j->error)
        return;
    if (j->sink && j->length + length > ECOSYS_I_JSON_CHUNK) {
        flush(j);
        if (length >= ECOSYS_I_JSON_CHUNK) { /* a huge string: no copy */
            j->sink(j->sink_context, bytes, length);
            return;
        }
    }
    if (!reserve(j, length))
        return;
    memcpy(j->data + j->length, bytes, length);
    j->length += length;
}

static void append_text(ecosys_i_json_out *j, const char *text)
{
    append(j, text, strlen(text));
}

/* A line break, then the indentation of @p depth levels. */
static void new_line(ecosys_i_json_out *j, size_t depth)
{
    static const char spaces[] = "                                ";
    append(j, "\n", 1);
    for (size_t left = depth * j->indent; left > 0;) {
        size_t n = left < sizeof spaces - 1 ? left : sizeof spaces - 1;
        append(j, spaces, n);
        left -= n;
    }
}

/* Before an item (a member's name, or an array element): the comma and the
 * line break or space that set it apart from the previous one. */
static void separate(ecosys_i_json_out *j)
{
    if (j->depth == 0)
        return;
    int has_items = j->level[j->depth - 1].items;
    if (has_items)
        append(j, ",", 1);
    if (!j->level[j->depth - 1].line)
        new_line(j, j->depth);
    else if (has_items)
        append(j, " ", 1);
    j->level[j->depth - 1].items = 1;
}

/* Whether a value may be written here; writes what goes before it. */
static int begin_value(ecosys_i_json_out *j)
{
    if (j->error)
        return 0;
    if (j->named) {
        j->named = 0;
        return 1;
    }
    if (j->depth > 0 && j->level[j->depth - 1].close == '}') {
        misuse(j, "object member without a name");
        return 0;
    }
    if (j->depth == 0 && j->done) {
        misuse(j, "second top-level value");
        return 0;
    }
    separate(j);
    return 1;
}

/* After a value: a complete document ends with a line feed. */
static void end_value(ecosys_i_json_out *j)
{
    if (j->depth == 0) {
        append(j, "\n", 1);
        j->done = 1;
    }
}

static void begin(ecosys_i_json_out *j, char open, char close, ecosys_i_json_layout layout)
{
    if (!begin_value(j))
        return;
    if (j->depth == ECOSYS_I_JSON_MAX_DEPTH) {
        misuse(j, "nested too deep");
        return;
    }
    int line = layout == ECOSYS_I_JSON_LINE || (j->depth > 0 && j->level[j->depth - 1].line);
    j->level[j->depth].close = close;
    j->level[j->depth].line = (unsigned char) line;
    j->level[j->depth].items = 0;
    j->depth++;
    append(j, &open, 1);
}

static void end(ecosys_i_json_out *j, char close)
{
    if (j->error)
        return;
    if (j->depth == 0 || j->level[j->depth - 1].close != close || j->named) {
        misuse(j, "container closed out of order");
        return;
    }
    j->depth--;
    if (j->level[j->depth].items && !j->level[j->depth].line)
        new_line(j, j->depth);
    append(j, &close, 1);
    end_value(j);
}

void ecosys_i_json_begin_object(ecosys_i_json_out *j, ecosys_i_json_layout layout)
{
    begin(j, '{', '}', layout);
}

void ecosys_i_json_end_object(ecosys_i_json_out *j)
{
    end(j, '}');
}

void ecosys_i_json_begin_array(ecosys_i_json_out *j, ecosys_i_json_layout layout)
{
    begin(j, '[', ']', layout);
}

void ecosys_i_json_end_array(ecosys_i_json_out *j)
{
    end(j, ']');
}

/* The quoted string, valid UTF-8 assumed. RFC 8259 requires escaping only
 * '"', '\' and U+0000 to U+001F; the short forms are used where they exist,
 * \u00xx otherwise. */
static void escaped(ecosys_i_json_out *j, const char *text, size_t length)
{
    const char *run = text, *stop = text + length;
    for (const char *p = text; p < stop; p++) {
        unsigned char c = (unsigned char) *p;
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        append(j, run, (size_t) (p - run));
        run = p + 1;
        char escape[8];
        switch (c) {
        case '"': append_text(j, "\\\""); break;
        case '\\': append_text(j, "\\\\"); break;
        case '\n': append_text(j, "\\n"); break;
        case '\r': append_text(j, "\\r"); break;
        case '\t': append_text(j, "\\t"); break;
        case '\b': append_text(j, "\\b"); break;
        case '\f': append_text(j, "\\f"); break;
        default:
            snprintf(escape, sizeof escape, "\\u%04x", (unsigned) c);
            append_text(j, escape);
            break;
        }
    }
    append(j, run, (size_t) (stop - run));
}

/* A quoted string. Datasets hold valid UTF-8 only, but a caller's string
 * (a report title) may not: a JSON document must be UTF-8, so each byte
 * that is not is replaced rather than copied. */
static void quoted(ecosys_i_json_out *j, const char *text)
{
    append(j, "\"", 1);
    for (;;) {
        const char *bad;
        int valid = g_utf8_validate(text, -1, &bad);
        escaped(j, text, (size_t) (bad - text));
        if (valid)
            break;
        append_text(j, "\\ufffd");
        text = bad + 1;
    }
    append(j, "\"", 1);
}

void ecosys_i_json_name(ecosys_i_json_out *j, const char *name)
{
    if (j->error)
        return;
    if (j->depth == 0 || j->level[j->depth - 1].close != '}' || j->named) {
        misuse(j, "member name outside an object");
        return;
    }
    separate(j);
    quoted(j, name);
    append_text(j, j->colon);
    j->named = 1;
}

void ecosys_i_json_raw(ecosys_i_json_out *j, const char *text)
{
    if (!begin_value(j))
        return;
    append_text(j, text);
    end_value(j);
}

void ecosys_i_json_string(ecosys_i_json_out *j, const char *text)
{
    if (!text) {
        ecosys_i_json_null(j);
        return;
    }
    if (!begin_value(j))
        return;
    quoted(j, text);
    end_value(j);
}

void ecosys_i_json_int(ecosys_i_json_out *j, int64_t value)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRId64, value);
    ecosys_i_json_raw(j, text);
}

void ecosys_i_json_uint(ecosys_i_json_out *j, uint64_t value)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRIu64, value);
    ecosys_i_json_raw(j, text);
}

static void number(ecosys_i_json_out *j, double value, int keep_point)
{
    if (!isfinite(value)) {
        ecosys_i_json_null(j);
        return;
    }
    char text[ECOSYS_I_DOUBLE_TEXT + 2];
    ecosys_i_format_double(text, value);
    if (keep_point && !strpbrk(text, ".e"))
        strcat(text, ".0");
    ecosys_i_json_raw(j, text);
}

void ecosys_i_json_double(ecosys_i_json_out *j, double value)
{
    number(j, value, 0);
}

void ecosys_i_json_real(ecosys_i_json_out *j, double value)
{
    number(j, value, 1);
}

void ecosys_i_json_bool(ecosys_i_json_out *j, int value)
{
    ecosys_i_json_raw(j, value ? "true" : "false");
}

void ecosys_i_json_null(ecosys_i_json_out *j)
{
    ecosys_i_json_raw(j, "null");
}

void ecosys_i_json_count(ecosys_i_json_out *j, double value)
{
    /* 9e15 < 2^53: every whole number below it is exact in a double. */
    if (value >= 0 && value < 9e15 && value == floor(value))
        ecosys_i_json_uint(j, (uint64_t) value);
    else
        ecosys_i_json_real(j, value);
}

void ecosys_i_json_member_string(ecosys_i_json_out *j, const char *name, const char *text)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_string(j, text);
}

void ecosys_i_json_member_uint(ecosys_i_json_out *j, const char *name, uint64_t value)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_uint(j, value);
}

void ecosys_i_json_member_double(ecosys_i_json_out *j, const char *name, double value)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_double(j, value);
}

void ecosys_i_json_member_real(ecosys_i_json_out *j, const char *name, double value)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_real(j, value);
}

void ecosys_i_json_member_count(ecosys_i_json_out *j, const char *name, double value)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_count(j, value);
}

void ecosys_i_json_member_bool(ecosys_i_json_out *j, const char *name, int value)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_bool(j, value);
}

void ecosys_i_json_member_null(ecosys_i_json_out *j, const char *name)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_null(j);
}

void ecosys_i_json_member_object(ecosys_i_json_out *j, const char *name,
                                 ecosys_i_json_layout layout)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_begin_object(j, layout);
}

void ecosys_i_json_member_array(ecosys_i_json_out *j, const char *name,
                                ecosys_i_json_layout layout)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_begin_array(j, layout);
}

/* Skips one or more digits; NULL if there is none. */
static const char *digits(const char *p)
{
    if (!(*p >= '0' && *p <= '9'))
        return NULL;
    while (*p >= '0' && *p <= '9')
        p++;
    return p;
}

int ecosys_i_json_is_number(const char *text, int integer)
{
    const char *p = text;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (!(*p >= '1' && *p <= '9') || !(p = digits(p)))
        return 0;
    if (!integer && *p == '.' && !(p = digits(p + 1)))
        return 0;
    if (!integer && (*p == 'e' || *p == 'E')) {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(p = digits(p)))
            return 0;
    }
    return *p == '\0';
}

int ecosys_i_json_finish(ecosys_i_json_out *j, char **out_text, size_t *out_length)
{
    if (out_text)
        *out_text = NULL;
    if (out_length)
        *out_length = 0;
    if (!j->error && (!j->done || j->depth > 0))
        misuse(j, "document not complete");
    int rc = j->error;
    if (!rc && j->sink) {
        flush(j);
    } else if (!rc && out_text) {
        j->data[j->length] = '\0'; /* reserve() kept room for it */
        *out_text = j->data;
        if (out_length)
            *out_length = j->length;
        j->data = NULL;
    }
    free(j->data);
    memset(j, 0, sizeof *j);
    return rc;
}
