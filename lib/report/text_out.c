/* The pieces of the text and Markdown renderers: see text_out.h. */
#include "report/text_out.h"

#include <glib.h>

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a growable string that remembers failure ------------------------- */

static int buf_reserve(buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (extra > SIZE_MAX - b->length - 1) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->length + extra + 1;
    if (need <= b->capacity)
        return 1;
    size_t capacity = b->capacity ? b->capacity : 1024;
    while (capacity < need)
        capacity = capacity > SIZE_MAX / 2 ? need : capacity * 2;
    char *data = realloc(b->data, capacity);
    if (!data) {
        b->failed = 1;
        return 0;
    }
    b->data = data;
    b->capacity = capacity;
    return 1;
}

void ecosys_i_buf_addn(buf *b, const char *text, size_t length)
{
    if (!buf_reserve(b, length))
        return;
    memcpy(b->data + b->length, text, length);
    b->length += length;
    b->data[b->length] = '\0';
}

void ecosys_i_buf_add(buf *b, const char *text)
{
    ecosys_i_buf_addn(b, text, strlen(text));
}

void ecosys_i_buf_repeat(buf *b, const char *text, size_t times)
{
    for (size_t i = 0; i < times; i++)
        ecosys_i_buf_add(b, text);
}

void ecosys_i_buf_addf(buf *b, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    int need = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (need >= 0 && buf_reserve(b, (size_t) need)) {
        vsnprintf(b->data + b->length, (size_t) need + 1, format, args);
        b->length += (size_t) need;
    }
    va_end(args);
}

/* Display width of UTF-8 text, counted in characters. */
size_t ecosys_i_width_of(const char *text)
{
    return (size_t) g_utf8_strlen(text, -1);
}

/* Appends text that starts at column @p column, breaking lines at spaces so
 * that they end before TEXT_WIDTH where a word allows it; continuation
 * lines start with @p indent spaces. */
void ecosys_i_buf_add_wrapped(buf *b, const char *text, size_t column, size_t indent)
{
    const char *p = text;
    int first = 1;
    while (*p) {
        const char *space = strchr(p, ' ');
        size_t bytes = space ? (size_t) (space - p) : strlen(p);
        size_t chars = (size_t) g_utf8_strlen(p, (gssize) bytes);
        if (!first && column + 1 + chars > TEXT_WIDTH && column > indent) {
            ecosys_i_buf_add(b, "\n");
            ecosys_i_buf_repeat(b, " ", indent);
            column = indent;
        } else if (!first) {
            ecosys_i_buf_add(b, " ");
            column++;
        }
        ecosys_i_buf_addn(b, p, bytes);
        column += chars;
        first = 0;
        p += bytes;
        while (*p == ' ')
            p++;
    }
}

/* ---- numbers ------------------------------------------------------------ */

/* About 4 significant digits, no exponent between 1e-4 and 1e6; 0 as "0";
 * "n/a" for NaN. Always a '.' as decimal point, whatever the caller's
 * locale (g_ascii_formatd). */
void ecosys_i_format_number(char out[48], double v, int show)
{
    int whole = v == floor(v) && fabs(v) < 1e15;
    if (isnan(v)) {
        snprintf(out, 48, "n/a");
    } else if (isinf(v)) {
        snprintf(out, 48, "%s", v > 0 ? "inf" : "-inf");
    } else if (show == SHOW_WHOLE || v == 0 || (show == SHOW_AUTO && whole)) {
        g_ascii_formatd(out, 48, "%.0f", v);
    } else if (fabs(v) < 1e-4 || fabs(v) >= 1e6) {
        g_ascii_formatd(out, 48, "%.3e", v);
    } else {
        int decimals = 3 - (int) floor(log10(fabs(v)));
        char format[16];
        snprintf(format, sizeof format, "%%.%df", decimals < 0 ? 0 : decimals);
        g_ascii_formatd(out, 48, format, v);
    }
}

/* ---- tables ------------------------------------------------------------- */

void ecosys_i_table_init(table *t, size_t columns, const char *align)
{
    ecosys_i_table_init_style(t, columns, align, TABLE_WRAPPED);
}

void ecosys_i_table_init_style(table *t, size_t columns, const char *align, int style)
{
    memset(t, 0, sizeof *t);
    t->columns = columns;
    t->align = align;
    t->style = style;
}

void ecosys_i_table_dispose(table *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

void ecosys_i_table_cell(table *t, const char *text)
{
    if (t->failed)
        return;
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? t->capacity * 2 : 64;
        char **cells = capacity < SIZE_MAX / sizeof *cells
                           ? realloc(t->cells, capacity * sizeof *cells)
                           : NULL;
        if (!cells) {
            t->failed = 1;
            return;
        }
        t->cells = cells;
        t->capacity = capacity;
    }
    size_t length = strlen(text);
    int cut = t->style == TABLE_CUT;
    if (cut && length > TABLE_CELL_BYTES) {
        length = TABLE_CELL_BYTES;
        while (length > 0 && ((unsigned char) text[length] & 0xC0) == 0x80)
            length--;
    }
    char *copy = malloc(length + 1);
    if (!copy) {
        t->failed = 1;
        return;
    }
    /* A line break or tab in a name would break the row: make it a space. */
    for (size_t i = 0; i < length; i++)
        copy[i] = (text[i] > 0 && text[i] < 0x20) || (!cut && text[i] == 0x7f) ? ' ' : text[i];
    copy[length] = '\0';
    t->cells[t->count++] = copy;
}

void ecosys_i_table_number(table *t, double v, int show)
{
    char text[48];
    ecosys_i_format_number(text, v, show);
    ecosys_i_table_cell(t, text);
}

void ecosys_i_table_size(table *t, size_t v)
{
    char text[32];
    snprintf(text, sizeof text, "%zu", v);
    ecosys_i_table_cell(t, text);
}

/* Appends text to b, escaping what would break a Markdown table cell. */
static void add_markdown_cell(buf *b, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' || *p == '`' || *p == '[' ||
            *p == ']' || *p == '<' || *p == '>')
            ecosys_i_buf_addn(b, "\\", 1);
        ecosys_i_buf_addn(b, (*p == '\n' || *p == '\r') ? " " : p, 1);
    }
}

/* Renders a table whose first row is the header. Plain text: columns
 * aligned, two spaces apart, indented by two, a rule under the header. */
void ecosys_i_table_render(buf *b, const table *t, int markdown)
{
    if (t->failed) {
        b->failed = 1;
        return;
    }
    size_t rows = t->count / t->columns;
    if (markdown) {
        for (size_t r = 0; r < rows; r++) {
            ecosys_i_buf_add(b, "|");
            for (size_t c = 0; c < t->columns; c++) {
                ecosys_i_buf_add(b, " ");
                add_markdown_cell(b, t->cells[r * t->columns + c]);
                ecosys_i_buf_add(b, " |");
            }
            ecosys_i_buf_add(b, "\n");
            if (r == 0) {
                ecosys_i_buf_add(b, "|");
                for (size_t c = 0; c < t->columns; c++)
                    ecosys_i_buf_add(b, t->align[c] == 'r' ? " ---: |" : " --- |");
                ecosys_i_buf_add(b, "\n");
            }
        }
        ecosys_i_buf_add(b, "\n");
        return;
    }
    size_t width[16] = {0};
    for (size_t i = 0; i < t->count; i++) {
        size_t w = ecosys_i_width_of(t->cells[i]);
        if (w > width[i % t->columns])
            width[i % t->columns] = w;
    }
    for (size_t r = 0; r < rows; r++) {
        ecosys_i_buf_add(b, "  ");
        size_t start = 2; /* column where the current cell starts */
        for (size_t c = 0; c < t->columns; c++) {
            const char *cell = t->cells[r * t->columns + c];
            size_t pad = width[c] - ecosys_i_width_of(cell);
            int last = c + 1 == t->columns;
            if (t->align[c] == 'r')
                ecosys_i_buf_repeat(b, " ", pad);
            if (last && t->align[c] != 'r' && r > 0 && t->style == TABLE_WRAPPED)
                ecosys_i_buf_add_wrapped(b, cell, start, start);
            else
                ecosys_i_buf_add(b, cell);
            if (t->align[c] != 'r' && !last)
                ecosys_i_buf_repeat(b, " ", pad);
            if (!last)
                ecosys_i_buf_add(b, "  ");
            start += width[c] + 2;
        }
        ecosys_i_buf_add(b, "\n");
        if (r == 0) {
            ecosys_i_buf_add(b, "  ");
            size_t total = 0;
            for (size_t c = 0; c < t->columns; c++)
                total += width[c] + (c ? 2 : 0);
            if (total + 2 > TEXT_WIDTH && t->style == TABLE_WRAPPED)
                total = TEXT_WIDTH - 2;
            ecosys_i_buf_repeat(b, "-", total);
            ecosys_i_buf_add(b, "\n");
        }
    }
    ecosys_i_buf_add(b, "\n");
}

/* ---- document pieces ---------------------------------------------------- */

/* Appends @p text as one line: tabs and line breaks become spaces. Written
 * into the buffer and mended there, so that nothing else is allocated. */
static void add_one_line(buf *b, const char *text)
{
    size_t start = b->length;
    ecosys_i_buf_add(b, text);
    if (b->failed)
        return;
    for (char *p = b->data + start; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
}

void ecosys_i_heading(buf *b, int markdown, int level, const char *raw)
{
    if (markdown) {
        ecosys_i_buf_repeat(b, "#", (size_t) level);
        ecosys_i_buf_add(b, " ");
        add_one_line(b, raw);
        ecosys_i_buf_add(b, "\n\n");
    } else if (level >= 3) {
        add_one_line(b, raw); /* plain text: a sub-heading is a line of its own */
        ecosys_i_buf_add(b, "\n");
    } else {
        add_one_line(b, raw);
        ecosys_i_buf_add(b, "\n");
        /* a space for each tab or line break: the same count of characters */
        ecosys_i_buf_repeat(b, level == 1 ? "=" : "-", ecosys_i_width_of(raw));
        ecosys_i_buf_add(b, "\n\n");
    }
}

/* printf into a new malloc'ed string; NULL on failure. */
static char *format_va(const char *format, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    int need = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (need < 0)
        return NULL;
    char *text = malloc((size_t) need + 1);
    if (text)
        vsnprintf(text, (size_t) need + 1, format, args);
    return text;
}

/* A paragraph: wrapped in plain text, as is in Markdown. */

void ecosys_i_paragraph(buf *b, int markdown, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = format_va(format, args);
    va_end(args);
    if (!text) {
        b->failed = 1;
        return;
    }
    if (markdown)
        ecosys_i_buf_add(b, text);
    else
        ecosys_i_buf_add_wrapped(b, text, 0, 0);
    ecosys_i_buf_add(b, "\n\n");
    free(text);
}

/* A "Label: text" line, wrapped with a hanging indent; a bullet with a
 * bold label in Markdown. */

void ecosys_i_fact(buf *b, int markdown, const char *label, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = format_va(format, args);
    va_end(args);
    if (!text) {
        b->failed = 1;
        return;
    }
    if (markdown) {
        ecosys_i_buf_addf(b, "- **%s:** %s\n", label, text);
    } else {
        ecosys_i_buf_addf(b, "%s: ", label);
        ecosys_i_buf_add_wrapped(b, text, ecosys_i_width_of(label) + 2, 2);
        ecosys_i_buf_add(b, "\n");
    }
    free(text);
}

/* Copies at most max characters of UTF-8 text, ending with an ellipsis
 * when cut. */
void ecosys_i_shorten(char *out, size_t size, const char *text, size_t max)
{
    size_t length = strlen(text);
    if (ecosys_i_width_of(text) <= max && length < size) {
        memcpy(out, text, length + 1);
        return;
    }
    const char *end = g_utf8_offset_to_pointer(text, (glong) (max ? max - 1 : 0));
    size_t bytes = (size_t) (end - text);
    if (bytes > length)
        bytes = length;
    if (bytes + 4 > size)
        bytes = size - 4;
    /* never cut a UTF-8 character in two: back to its first byte */
    while (bytes > 0 && ((unsigned char) text[bytes] & 0xC0) == 0x80)
        bytes--;
    memcpy(out, text, bytes);
    memcpy(out + bytes, "\xe2\x80\xa6", 4); /* U+2026 and NUL */
}
