/* Internal: the pieces of the text and Markdown renderers (text_out.c):
 * a growable string that remembers failure, numbers for readers, tables,
 * headings, paragraphs and facts. Used by summary_text.c,
 * summary_sectors_text.c and waves_report.c. Memory comes from malloc; a failure sets
 * buf.failed (or table.failed, passed on when rendered) and the renderer
 * returns ECOSYS_ENOMEM. */
#ifndef ECOSYS_REPORT_TEXT_OUT_H
#define ECOSYS_REPORT_TEXT_OUT_H

#include "core/error.h"

#include <stddef.h>

/* Longest actor name shown in a plain-text table, in characters. */
#define TEXT_NAME_WIDTH 40

/* Line width of plain text. */
#define TEXT_WIDTH 78

typedef struct buf {
    char *data;
    size_t length;
    size_t capacity;
    int failed;
} buf;

void ecosys_i_buf_addn(buf *b, const char *text, size_t length);
void ecosys_i_buf_add(buf *b, const char *text);
void ecosys_i_buf_repeat(buf *b, const char *text, size_t times);
void ecosys_i_buf_addf(buf *b, const char *format, ...) ECOSYS_I_PRINTF(2, 3);

/* Display width of UTF-8 text, counted in characters. */
size_t ecosys_i_width_of(const char *text);

/* Appends text that starts at column @p column, breaking lines at spaces so
 * that they end before TEXT_WIDTH where a word allows it; continuation
 * lines start with @p indent spaces. */
void ecosys_i_buf_add_wrapped(buf *b, const char *text, size_t column, size_t indent);

/* How a value is shown. */
enum {
    SHOW_FRACTION = 0, /* 4 significant digits, even for whole values (1.000) */
    SHOW_WHOLE = 1,    /* a count */
    SHOW_AUTO = 2      /* whole values as counts (a strength of 31), others as fractions */
};

/* About 4 significant digits, no exponent between 1e-4 and 1e6; 0 as "0";
 * "n/a" for NaN. */
void ecosys_i_format_number(char out[48], double v, int show);

/* How a table keeps its cells and lays out plain text. */
enum {
    /* Cells whole, control characters and DEL as spaces; in plain text the
     * last left-aligned column is wrapped at TEXT_WIDTH (from the second
     * row) and the rule under the header stops there (the summaries). */
    TABLE_WRAPPED = 0,
    /* Cells cut at TABLE_CELL_BYTES bytes on a character boundary, control
     * characters as spaces; lines as long as the cells make them (the wave
     * comparison, waves_report.c). */
    TABLE_CUT = 1
};

/* Longest cell of a TABLE_CUT table, in bytes. */
#define TABLE_CELL_BYTES 95

typedef struct table {
    size_t columns;
    const char *align; /* 'l' or 'r' per column */
    char **cells;      /* row-major, malloc'ed copies */
    size_t count;      /* cells used */
    size_t capacity;
    int failed;
    int style; /* TABLE_WRAPPED or TABLE_CUT */
} table;

/* A TABLE_WRAPPED table. */
void ecosys_i_table_init(table *t, size_t columns, const char *align);
void ecosys_i_table_init_style(table *t, size_t columns, const char *align, int style);
void ecosys_i_table_dispose(table *t);
void ecosys_i_table_cell(table *t, const char *text);
void ecosys_i_table_number(table *t, double v, int show);
void ecosys_i_table_size(table *t, size_t v);

/* Renders a table whose first row is the header (at most 16 columns).
 * Plain text: columns aligned, two spaces apart, indented by two, a rule
 * under the header (see the table styles). */
void ecosys_i_table_render(buf *b, const table *t, int markdown);

/* A heading: "#" x level in Markdown; underlined (1, 2) or a line of its
 * own (3) in plain text. */
void ecosys_i_heading(buf *b, int markdown, int level, const char *raw);

/* A paragraph: wrapped in plain text, as is in Markdown. */
void ecosys_i_paragraph(buf *b, int markdown, const char *format, ...) ECOSYS_I_PRINTF(3, 4);

/* A "Label: text" line, wrapped with a hanging indent; a bullet with a
 * bold label in Markdown. */
void ecosys_i_fact(buf *b, int markdown, const char *label, const char *format, ...)
    ECOSYS_I_PRINTF(4, 5);

/* Copies at most max characters of UTF-8 text, ending with an ellipsis
 * when cut. */
void ecosys_i_shorten(char *out, size_t size, const char *text, size_t max);

/* The sections across groups ("Across groups", "Brokers", "Communities";
 * summary_sectors_text.c); nothing when they were skipped. */
struct ecosys_i_summary;
void ecosys_i_render_across(buf *b, int markdown, const struct ecosys_i_summary *s);

#endif
