/* Streaming RFC 4180 tokenizer: see csv_reader.h.
 *
 * The scanner copies each field's bytes into one record buffer (fields
 * separated by NULs), so a record costs no allocation once the buffers have
 * grown to the longest record. Runs of ordinary bytes are scanned with a
 * class table and copied with one memcpy; columns are counted as UTF-8
 * lead bytes, so they are code points for valid text. */
#include "io/csv_reader.h"

#include "core/error.h"
#include "io/io_internal.h"

#include <glib.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE (64 * 1024)

/* Bytes that end a run of field text; every other byte is copied as is.
 * NUL ends every run: it is also the sentinel after the block's last byte,
 * which spares the scanning loop a bounds check. */
static const unsigned char stops_unquoted[256] = {
    [','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1, [0] = 1,
};
static const unsigned char stops_quoted[256] = {
    ['"'] = 1, ['\n'] = 1, [0] = 1,
};

struct ecosys_i_csv_reader {
    FILE *file;
    char *path;
    unsigned char *block;
    size_t pos, len;     /* block[pos .. len) not yet consumed */
    int at_end;          /* fread has met the end of the file */
    size_t line, column; /* position of block[pos] */

    char *text; /* the record's fields, each NUL-terminated */
    size_t text_len, text_cap;
    ecosys_i_csv_field *fields;
    size_t *offsets; /* start of each field in text (text may move while growing) */
    size_t field_count, field_cap;
    size_t expected; /* fields per record; 0 = any */

    struct {
        int code; /* 0: none */
        size_t line, column;
        char message[1024];
    } deferred; /* see defer_error() */
};

const char *ecosys_i_csv_path(const ecosys_i_csv_reader *r)
{
    return r->path;
}

void ecosys_i_csv_expect_fields(ecosys_i_csv_reader *r, size_t count)
{
    r->expected = count;
}

void ecosys_i_csv_close(ecosys_i_csv_reader *r)
{
    if (!r)
        return;
    if (r->file)
        fclose(r->file);
    free(r->path);
    free(r->block);
    free(r->text);
    free(r->fields);
    free(r->offsets);
    free(r);
}

static int parse_error(const ecosys_i_csv_reader *r, size_t line, size_t column,
                       const char *message)
{
    return ecosys_i_error_at(ECOSYS_EPARSE, r->path, line, column, "%s", message);
}

/* Makes block[pos] readable. Returns 1 if a byte is there, 0 at the end of
 * the file, or ECOSYS_EIO. */
static int fill(ecosys_i_csv_reader *r)
{
    if (r->pos < r->len)
        return 1;
    if (r->at_end)
        return 0;
    r->len = fread(r->block, 1, BLOCK_SIZE, r->file);
    r->block[r->len] = '\0'; /* the sentinel */
    r->pos = 0;
    if (r->len < BLOCK_SIZE) {
        if (ferror(r->file))
            return ecosys_i_error_at(ECOSYS_EIO, r->path, r->line, r->column, "read error: %s",
                                     strerror(errno));
        r->at_end = 1;
    }
    return r->len > 0;
}

int ecosys_i_csv_open(ecosys_i_csv_reader **out, const char *path)
{
    *out = NULL;
    ecosys_i_csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return ecosys_i_error_nomem();
    r->path = strdup(path);
    r->block = malloc(BLOCK_SIZE + 1); /* + the sentinel */
    if (!r->path || !r->block) {
        ecosys_i_csv_close(r);
        return ecosys_i_error_nomem();
    }
    r->file = fopen(path, "rb");
    if (!r->file) {
        int rc = ecosys_i_error_at(ecosys_i_io_code(errno), path, 0, 0, "cannot open: %s",
                                   strerror(errno));
        ecosys_i_csv_close(r);
        return rc;
    }
    r->line = 1;
    r->column = 1;
    int rc = fill(r);
    if (rc < 0) {
        ecosys_i_csv_close(r);
        return rc;
    }
    /* A UTF-8 byte order mark is no character of the first field. */
    if (r->len >= 3 && memcmp(r->block, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
    *out = r;
    return 0;
}

/* ---- the record buffer ---------------------------------------------------- */

/* Makes room for @p n more bytes and a NUL in the record buffer. */
static int grow_text(ecosys_i_csv_reader *r, size_t n)
{
    size_t need = r->text_len + n + 1;
    if (need < n) /* overflow */
        return ecosys_i_error_nomem();
    size_t cap = r->text_cap ? r->text_cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *grown = realloc(r->text, cap);
    if (!grown)
        return ecosys_i_error_nomem();
    r->text = grown;
    r->text_cap = cap;
    return 0;
}

static inline int append(ecosys_i_csv_reader *r, const void *bytes, size_t n)
{
    if (n >= r->text_cap - r->text_len && grow_text(r, n))
        return ECOSYS_ENOMEM;
    memcpy(r->text + r->text_len, bytes, n);
    r->text_len += n;
    return 0;
}

static int begin_field(ecosys_i_csv_reader *r)
{
    if (r->field_count == r->field_cap) {
        size_t cap = r->field_cap ? r->field_cap * 2 : 32;
        ecosys_i_csv_field *fields = realloc(r->fields, cap * sizeof *fields);
        if (!fields)
            return ecosys_i_error_nomem();
        r->fields = fields;
        size_t *offsets = realloc(r->offsets, cap * sizeof *offsets);
        if (!offsets)
            return ecosys_i_error_nomem();
        r->offsets = offsets;
        r->field_cap = cap;
    }
    ecosys_i_csv_field *f = &r->fields[r->field_count];
    f->line = r->line;
    f->column = r->column;
    r->offsets[r->field_count++] = r->text_len;
    return 0;
}

/* Terminates the current field and checks its text: ASCII-only fields
 * (no byte with the high bit, noted while scanning) need no validation. */
static int end_field(ecosys_i_csv_reader *r, unsigned char high_bits)
{
    size_t k = r->field_count - 1;
    ecosys_i_csv_field *f = &r->fields[k];
    f->length = r->text_len - r->offsets[k];
    int rc = append(r, "", 1);
    if (rc)
        return rc;
    if ((high_bits & 0x80) &&
        !g_utf8_validate(r->text + r->offsets[k], (gssize) f->length, NULL))
        return parse_error(r, f->line, f->column,
                           "field is not valid UTF-8 (the file must be saved as UTF-8)");
    return 0;
}

/* ---- scanning ------------------------------------------------------------- */

/* Columns are code points: count the bytes that are not UTF-8
 * continuation bytes. */
static size_t count_characters(const unsigned char *p, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += (p[i] & 0xC0) != 0x80;
    return count;
}

/* Copies bytes up to the next one marked in @p stops. Returns 1 when
 * stopped at such a byte, 0 at the end of the file, or a negative code. */
static int scan_run(ecosys_i_csv_reader *r, const unsigned char *stops, unsigned char *high_bits)
{
    for (;;) {
        int rc = fill(r);
        if (rc <= 0)
            return rc;
        const unsigned char *start = r->block + r->pos, *p = start;
        unsigned char bits = 0;
        while (!stops[*p])
            bits |= *p++;
        size_t n = (size_t) (p - start);
        if ((rc = append(r, start, n)))
            return rc;
        r->pos += n;
        r->column += bits & 0x80 ? count_characters(start, n) : n;
        *high_bits |= bits;
        if (r->pos < r->len)
            return 1;
    }
}

/* Reads an unquoted field; stops at the byte after it (or the end). */
static int read_unquoted(ecosys_i_csv_reader *r)
{
    unsigned char high = 0;
    int rc = scan_run(r, stops_unquoted, &high);
    if (rc < 0)
        return rc;
    if (rc > 0) {
        unsigned char c = r->block[r->pos];
        if (c == '"')
            return parse_error(r, r->line, r->column,
                               "quote inside an unquoted field (enclose the whole field in "
                               "quotes and double the quotes inside it)");
        if (c == '\0')
            return parse_error(r, r->line, r->column, "NUL byte in field");
    }
    return end_field(r, high);
}

/* Reads a quoted field, r->pos being on its opening quote; stops after the
 * closing quote. */
static int read_quoted(ecosys_i_csv_reader *r)
{
    const ecosys_i_csv_field *f = &r->fields[r->field_count - 1];
    size_t open_line = f->line, open_column = f->column;
    unsigned char high = 0;
    r->pos++;
    r->column++;
    for (;;) {
        int rc = scan_run(r, stops_quoted, &high);
        if (rc < 0)
            return rc;
        if (rc == 0)
            return parse_error(r, open_line, open_column,
                               "unterminated quoted field: end of file before its closing quote");
        unsigned char c = r->block[r->pos];
        if (c == '\0')
            return parse_error(r, r->line, r->column, "NUL byte in field");
        r->pos++;
        if (c == '\n') {
            if ((rc = append(r, "\n", 1)))
                return rc;
            r->line++;
            r->column = 1;
            continue;
        }
        /* A quote: doubled, it is data; alone, it closes the field. */
        r->column++;
        if ((rc = fill(r)) < 0)
            return rc;
        if (rc == 0 || r->block[r->pos] != '"')
            return end_field(r, high);
        if ((rc = append(r, "\"", 1)))
            return rc;
        r->pos++;
        r->column++;
    }
}

/* Consumes a line end at r->pos (LF or CRLF). Returns 0, or an error for a
 * CR that no LF follows. */
static int consume_line_end(ecosys_i_csv_reader *r)
{
    if (r->block[r->pos] == '\r') {
        size_t line = r->line, column = r->column;
        r->pos++;
        r->column++;
        int rc = fill(r);
        if (rc < 0)
            return rc;
        if (rc == 0 || r->block[r->pos] != '\n')
            return parse_error(r, line, column,
                               "carriage return not followed by a line feed (a CR inside a "
                               "field must be quoted)");
    }
    r->pos++;
    r->line++;
    r->column = 1;
    return 0;
}

/* Skips line ends before a record. Returns 1 if a record follows, 0 at the
 * end of the file (blank lines there are ignored), or an error for a blank
 * line in the middle of the file. */
static int skip_blank_lines(ecosys_i_csv_reader *r)
{
    size_t blank_line = 0;
    for (;;) {
        int rc = fill(r);
        if (rc <= 0)
            return rc;
        unsigned char c = r->block[r->pos];
        if (c != '\n' && c != '\r')
            break;
        if (!blank_line)
            blank_line = r->line;
        if ((rc = consume_line_end(r)))
            return rc;
    }
    if (blank_line)
        return parse_error(r, blank_line, 1,
                           "empty line (a record needs at least one field; write \"\" for one "
                           "empty field)");
    return 1;
}

/* After a field: a comma (returns 1: another field follows), a line end or
 * the end of the file (returns 0: the record is complete), else an error. */
static int after_field(ecosys_i_csv_reader *r, int quoted, ecosys_i_csv_record *rec)
{
    int rc = fill(r);
    if (rc < 0)
        return rc;
    rec->end_line = r->line;
    rec->end_column = r->column;
    if (rc == 0)
        return 0;
    unsigned char c = r->block[r->pos];
    if (c == ',') {
        r->pos++;
        r->column++;
        return 1;
    }
    if (c == '\n' || c == '\r')
        return consume_line_end(r);
    if (quoted)
        return parse_error(r, r->line, r->column,
                           "text after the closing quote of a field (a quote inside a quoted "
                           "field is written as two quotes)");
    return parse_error(r, r->line, r->column, "unexpected character"); /* not reached */
}

static int check_count(const ecosys_i_csv_reader *r, const ecosys_i_csv_record *rec)
{
    if (!r->expected || rec->count == r->expected)
        return 0;
    size_t line = rec->end_line, column = rec->end_column;
    if (rec->count > r->expected) {
        line = rec->fields[r->expected].line;
        column = rec->fields[r->expected].column;
    }
    return ecosys_i_error_at(ECOSYS_EPARSE, r->path, line, column,
                             "too %s fields: expected %zu fields, found %zu",
                             rec->count > r->expected ? "many" : "few", r->expected,
                             rec->count);
}

/* Appends the next record's fields to the buffers. Returns 1, 0 at the end
 * of the file, or a negative code. */
static int read_record(ecosys_i_csv_reader *r, ecosys_i_csv_record *rec)
{
    size_t first = r->field_count;
    int rc = skip_blank_lines(r);
    if (rc <= 0)
        return rc;
    rec->line = r->line;
    for (;;) {
        if ((rc = begin_field(r)) || (rc = fill(r)) < 0)
            return rc;
        int quoted = rc > 0 && r->block[r->pos] == '"';
        if ((rc = quoted ? read_quoted(r) : read_unquoted(r)))
            return rc;
        if ((rc = after_field(r, quoted, rec)) < 0)
            return rc;
        if (rc == 0)
            break;
    }
    rec->fields = r->fields + first; /* fixed up by the caller: buffers may still move */
    rec->count = r->field_count - first;
    if ((rc = check_count(r, rec)))
        return rc;
    return 1;
}

/* Keeps an error met after some good records of a batch, so that those
 * are processed first (one of them may hold an earlier error). */
static void defer_error(ecosys_i_csv_reader *r)
{
    const ecosys_error *e = ecosys_error_last();
    r->deferred.code = e->code;
    r->deferred.line = e->line;
    r->deferred.column = e->column;
    snprintf(r->deferred.message, sizeof r->deferred.message, "%s", e->message);
}

int ecosys_i_csv_read_many(ecosys_i_csv_reader *r, ecosys_i_csv_record *records, size_t max,
                           size_t *count)
{
    *count = 0;
    if (r->deferred.code)
        return ecosys_i_error_at(r->deferred.code, r->path, r->deferred.line,
                                 r->deferred.column, "%s", r->deferred.message);
    r->text_len = 0;
    r->field_count = 0;
    size_t n = 0;
    while (n < max) {
        int rc = read_record(r, &records[n]);
        if (rc == 0)
            break;
        if (rc < 0) {
            if (n == 0)
                return rc;
            defer_error(r);
            break;
        }
        n++;
    }
    for (size_t k = 0; k < r->field_count; k++)
        r->fields[k].text = r->text + r->offsets[k];
    for (size_t i = 0, first = 0; i < n; first += records[i++].count)
        records[i].fields = r->fields + first;
    *count = n;
    return 0;
}

int ecosys_i_csv_read(ecosys_i_csv_reader *r, ecosys_i_csv_record *rec)
{
    size_t count;
    int rc = ecosys_i_csv_read_many(r, rec, 1, &count);
    return rc ? rc : (int) count;
}
