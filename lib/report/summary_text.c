/* The summary as plain text and as Markdown. One renderer serves both: the
 * sections are the same and only headings, lists and tables differ, so the
 * two formats cannot drift apart. Memory comes from malloc and every failure
 * ends in ECOSYS_ENOMEM. */
#include "report/report_internal.h"

#include "core/error.h"

#include <glib.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest actor name shown in a plain-text table, in characters. */
#define TEXT_NAME_WIDTH 40

/* ---- a growable string that remembers failure ------------------------- */

typedef struct buf {
    char *data;
    size_t length;
    size_t capacity;
    int failed;
} buf;

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

static void buf_addn(buf *b, const char *text, size_t length)
{
    if (!buf_reserve(b, length))
        return;
    memcpy(b->data + b->length, text, length);
    b->length += length;
    b->data[b->length] = '\0';
}

static void buf_add(buf *b, const char *text)
{
    buf_addn(b, text, strlen(text));
}

static void buf_repeat(buf *b, const char *text, size_t times)
{
    for (size_t i = 0; i < times; i++)
        buf_add(b, text);
}

static void buf_addf(buf *b, const char *format, ...) ECOSYS_I_PRINTF(2, 3);

static void buf_addf(buf *b, const char *format, ...)
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
static size_t width_of(const char *text)
{
    return (size_t) g_utf8_strlen(text, -1);
}

/* Line width of plain text. */
#define TEXT_WIDTH 78

/* Appends text that starts at column @p column, breaking lines at spaces so
 * that they end before TEXT_WIDTH where a word allows it; continuation
 * lines start with @p indent spaces. */
static void buf_add_wrapped(buf *b, const char *text, size_t column, size_t indent)
{
    const char *p = text;
    int first = 1;
    while (*p) {
        const char *space = strchr(p, ' ');
        size_t bytes = space ? (size_t) (space - p) : strlen(p);
        size_t chars = (size_t) g_utf8_strlen(p, (gssize) bytes);
        if (!first && column + 1 + chars > TEXT_WIDTH && column > indent) {
            buf_add(b, "\n");
            buf_repeat(b, " ", indent);
            column = indent;
        } else if (!first) {
            buf_add(b, " ");
            column++;
        }
        buf_addn(b, p, bytes);
        column += chars;
        first = 0;
        p += bytes;
        while (*p == ' ')
            p++;
    }
}

/* ---- numbers ------------------------------------------------------------ */

/* How a value is shown. */
enum {
    SHOW_FRACTION = 0, /* 4 significant digits, even for whole values (1.000) */
    SHOW_WHOLE = 1,    /* a count */
    SHOW_AUTO = 2      /* whole values as counts (a strength of 31), others as fractions */
};

/* About 4 significant digits, no exponent between 1e-4 and 1e6; 0 as "0";
 * "n/a" for NaN. Always a '.' as decimal point, whatever the caller's
 * locale (g_ascii_formatd). */
static void format_number(char out[48], double v, int show)
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

typedef struct table {
    size_t columns;
    const char *align; /* 'l' or 'r' per column */
    char **cells;      /* row-major, malloc'ed copies */
    size_t count;      /* cells used */
    size_t capacity;
    int failed;
} table;

static void table_init(table *t, size_t columns, const char *align)
{
    memset(t, 0, sizeof *t);
    t->columns = columns;
    t->align = align;
}

static void table_dispose(table *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

static void table_cell(table *t, const char *text)
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
    char *copy = malloc(length + 1);
    if (!copy) {
        t->failed = 1;
        return;
    }
    /* A line break or tab in a name would break the row: make it a space. */
    for (size_t i = 0; i <= length; i++)
        copy[i] = (text[i] > 0 && text[i] < 0x20) || text[i] == 0x7f ? ' ' : text[i];
    t->cells[t->count++] = copy;
}

static void table_number(table *t, double v, int show)
{
    char text[48];
    format_number(text, v, show);
    table_cell(t, text);
}

static void table_size(table *t, size_t v)
{
    char text[32];
    snprintf(text, sizeof text, "%zu", v);
    table_cell(t, text);
}

/* Appends text to b, escaping what would break a Markdown table cell. */
static void add_markdown_cell(buf *b, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' || *p == '`' || *p == '[' ||
            *p == ']' || *p == '<' || *p == '>')
            buf_addn(b, "\\", 1);
        buf_addn(b, (*p == '\n' || *p == '\r') ? " " : p, 1);
    }
}

/* Renders a table whose first row is the header. Plain text: columns
 * aligned, two spaces apart, indented by two, a rule under the header. */
static void table_render(buf *b, const table *t, int markdown)
{
    if (t->failed) {
        b->failed = 1;
        return;
    }
    size_t rows = t->count / t->columns;
    if (markdown) {
        for (size_t r = 0; r < rows; r++) {
            buf_add(b, "|");
            for (size_t c = 0; c < t->columns; c++) {
                buf_add(b, " ");
                add_markdown_cell(b, t->cells[r * t->columns + c]);
                buf_add(b, " |");
            }
            buf_add(b, "\n");
            if (r == 0) {
                buf_add(b, "|");
                for (size_t c = 0; c < t->columns; c++)
                    buf_add(b, t->align[c] == 'r' ? " ---: |" : " --- |");
                buf_add(b, "\n");
            }
        }
        buf_add(b, "\n");
        return;
    }
    size_t width[16] = {0};
    for (size_t i = 0; i < t->count; i++) {
        size_t w = width_of(t->cells[i]);
        if (w > width[i % t->columns])
            width[i % t->columns] = w;
    }
    for (size_t r = 0; r < rows; r++) {
        buf_add(b, "  ");
        size_t start = 2; /* column where the current cell starts */
        for (size_t c = 0; c < t->columns; c++) {
            const char *cell = t->cells[r * t->columns + c];
            size_t pad = width[c] - width_of(cell);
            int last = c + 1 == t->columns;
            if (t->align[c] == 'r')
                buf_repeat(b, " ", pad);
            if (last && t->align[c] != 'r' && r > 0)
                buf_add_wrapped(b, cell, start, start);
            else
                buf_add(b, cell);
            if (t->align[c] != 'r' && !last)
                buf_repeat(b, " ", pad);
            if (!last)
                buf_add(b, "  ");
            start += width[c] + 2;
        }
        buf_add(b, "\n");
        if (r == 0) {
            buf_add(b, "  ");
            size_t total = 0;
            for (size_t c = 0; c < t->columns; c++)
                total += width[c] + (c ? 2 : 0);
            buf_repeat(b, "-", total + 2 > TEXT_WIDTH ? TEXT_WIDTH - 2 : total);
            buf_add(b, "\n");
        }
    }
    buf_add(b, "\n");
}

/* ---- document pieces ---------------------------------------------------- */

static void heading(buf *b, int markdown, int level, const char *raw)
{
    char *text = g_strdup(raw);
    g_strdelimit(text, "\t\n\r", ' '); /* a heading is one line */
    if (markdown) {
        buf_repeat(b, "#", (size_t) level);
        buf_add(b, " ");
        buf_add(b, text);
        buf_add(b, "\n\n");
    } else if (level >= 3) {
        buf_add(b, text); /* plain text: a sub-heading is a line of its own */
        buf_add(b, "\n");
    } else {
        buf_add(b, text);
        buf_add(b, "\n");
        buf_repeat(b, level == 1 ? "=" : "-", width_of(text));
        buf_add(b, "\n\n");
    }
    g_free(text);
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
static void paragraph(buf *b, int markdown, const char *format, ...) ECOSYS_I_PRINTF(3, 4);

static void paragraph(buf *b, int markdown, const char *format, ...)
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
        buf_add(b, text);
    else
        buf_add_wrapped(b, text, 0, 0);
    buf_add(b, "\n\n");
    free(text);
}

/* A "Label: text" line, wrapped with a hanging indent; a bullet with a
 * bold label in Markdown. */
static void fact(buf *b, int markdown, const char *label, const char *format, ...)
    ECOSYS_I_PRINTF(4, 5);

static void fact(buf *b, int markdown, const char *label, const char *format, ...)
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
        buf_addf(b, "- **%s:** %s\n", label, text);
    } else {
        buf_addf(b, "%s: ", label);
        buf_add_wrapped(b, text, width_of(label) + 2, 2);
        buf_add(b, "\n");
    }
    free(text);
}

/* Snapshot and filters, in words. */
static void describe_snapshot(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_graph_options *o = s->graph_options;
    if (!o) {
        fact(b, markdown, "Snapshot", "not stated (the caller did not pass the graph options)");
        return;
    }
    if (o->at)
        fact(b, markdown, "Snapshot", "ties active on %s", o->at);
    else if (o->from && o->to)
        fact(b, markdown, "Snapshot", "ties active at some time from %s to %s", o->from, o->to);
    else if (o->from)
        fact(b, markdown, "Snapshot", "ties active at some time from %s on", o->from);
    else if (o->to)
        fact(b, markdown, "Snapshot", "ties active at some time up to %s", o->to);
    else
        fact(b, markdown, "Snapshot", "all ties, whatever their dates");

    char filters[512];
    size_t used = 0;
    filters[0] = '\0';
    const char *names[3] = {"tie axis", "tie kind", "actor territory"};
    const char *values[3] = {o->axis, o->kind, o->territory};
    for (int i = 0; i < 3; i++)
        if (values[i] && used < sizeof filters)
            used += (size_t) snprintf(filters + used, sizeof filters - used, "%s%s = \"%s\"",
                                      used ? ", " : "", names[i], values[i]);
    if (o->drop_isolates && used < sizeof filters)
        snprintf(filters + used, sizeof filters - used, "%sactors without ties left out",
                 used ? ", " : "");
    fact(b, markdown, "Filters", "%s", filters[0] ? filters : "none");
}

static void describe_weights(buf *b, int markdown, const ecosys_i_summary *s)
{
    if (s->weighted)
        fact(b, markdown, "Weights",
             "used. Distances, betweenness, closeness and harmonic closeness take 1/weight as "
             "the length of a tie (a stronger tie is a shorter path); eigenvector and PageRank "
             "sum weights; strength sums weights; degree, local clustering, core numbers and "
             "the centralizations ignore them");
    else
        fact(b, markdown, "Weights",
             "not used for paths: distances, betweenness, closeness and harmonic closeness "
             "count hops (each tie is one step); eigenvector, PageRank, degree, local "
             "clustering, core numbers and the centralizations ignore weights; only strength "
             "sums them (use the weighted option to change this)");
}

static void header(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_graph_info *info = &s->info;
    heading(b, markdown, 1, s->title ? s->title : "Network summary");
    fact(b, markdown, "Network", "%zu actors, %zu ties, %s", info->actor_count, info->tie_count,
         info->directed ? "directed (a tie goes from its source to its target)"
                        : "undirected");
    describe_snapshot(b, markdown, s);
    describe_weights(b, markdown, s);
    if (!s->paths)
        fact(b, markdown, "Paths",
             "path measures skipped for speed (no-paths option): betweenness, closeness, "
             "harmonic closeness, the diameter, the mean distance and the betweenness and "
             "closeness centralizations were not computed and read n/a");
    fact(b, markdown, "Ties",
         "%zu in the dataset; %zu outside the snapshot or filters; %zu of weight 0 (kept as "
         "data, not counted); %zu self-ties ignored; %zu repeated ties merged into the tie "
         "between the same actors (weights summed); %zu ties remain",
         info->ties_in_dataset, info->ties_filtered_out, info->zero_weight_ties,
         info->self_ties, info->merged_ties, info->tie_count);
    fact(b, markdown, "Actors", "%zu in the dataset; %zu left out by the filters",
         ecosys_dataset_actor_count(s->dataset), info->actors_filtered_out);
    if (info->directed)
        fact(b, markdown, "Direction",
             "degree and strength count incoming and outgoing ties; betweenness, closeness "
             "and harmonic closeness follow ties in their direction; eigenvector centrality "
             "counts incoming ties; components ignore direction");
    buf_add(b, "\n");
}

static void graph_row(table *t, const char *label, double value, int show,
                      const char *meaning)
{
    table_cell(t, label);
    table_number(t, value, show);
    table_cell(t, meaning);
}

static void whole_network(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_structure *st = &s->structure;
    const char *length = s->weighted ? "sum of 1/weight along the path" : "in hops";
    char diameter[160], distance[160];
    snprintf(diameter, sizeof diameter, "longest shortest path in the largest component (%s)",
             length);
    snprintf(distance, sizeof distance,
             "mean shortest path between actors of the largest component (%s)", length);

    heading(b, markdown, 2, "The whole network");
    table t;
    table_init(&t, 3, "lrl");
    table_cell(&t, "measure");
    table_cell(&t, "value");
    table_cell(&t, "what it means");
    graph_row(&t, "Density", st->density, SHOW_FRACTION, "share of the possible ties that exist");
    graph_row(&t, "Mean degree", st->mean_degree, SHOW_FRACTION,
              st->directed ? "mean number of outgoing ties per actor"
                           : "mean number of partners per actor");
    graph_row(&t, "Components", (double) st->component_count, SHOW_WHOLE,
              "separate parts of the network (an isolated actor is one part)");
    graph_row(&t, "Largest component", (double) st->largest_component_size, SHOW_WHOLE,
              "actors in the biggest part");
    graph_row(&t, "Isolated actors", (double) st->isolate_count, SHOW_WHOLE,
              "actors without any tie");
    graph_row(&t, "Diameter", st->diameter, SHOW_AUTO, diameter);
    graph_row(&t, "Mean distance", st->mean_distance, SHOW_FRACTION, distance);
    graph_row(&t, "Transitivity", st->transitivity, SHOW_FRACTION,
              "share of two-step paths closed into a triangle: partners of partners work "
              "together");
    graph_row(&t, "Mean local clustering", st->mean_local_clustering, SHOW_FRACTION,
              "mean over actors of the share of their partners' pairs that are tied "
              "(fewer than 2 partners: 0)");
    graph_row(&t, "Degree centralization", st->degree_centralization, SHOW_FRACTION,
              "0: every actor has as many partners; 1: a star around one actor");
    graph_row(&t, "Betweenness centralization", st->betweenness_centralization, SHOW_FRACTION,
              "1: one actor lies on every path (a single broker)");
    graph_row(&t, "Closeness centralization", st->closeness_centralization, SHOW_FRACTION,
              "1: one actor is much closer to all others than they are to each other");
    graph_row(&t, "Eigenvector centralization", st->eigenvector_centralization, SHOW_FRACTION,
              "1: influence concentrated on one actor");
    graph_row(&t, "Largest k-core", (double) st->max_core, SHOW_WHOLE,
              "largest k such that a group exists whose members each have k partners in it");
    graph_row(&t, "Articulation points", (double) st->articulation_point_count, SHOW_WHOLE,
              "actors whose departure would split the network");
    graph_row(&t, "Bridges", (double) st->bridge_count, SHOW_WHOLE,
              "ties whose loss would split the network");
    table_render(b, &t, markdown);
    table_dispose(&t);
    /* Without the path measures their four fields are NaN by request, not
     * undefined: only the others are checked. */
    const double defined[] = {st->density, st->mean_degree, st->transitivity,
                              st->mean_local_clustering, st->degree_centralization,
                              st->eigenvector_centralization, st->diameter, st->mean_distance,
                              st->betweenness_centralization, st->closeness_centralization};
    size_t checked = sizeof defined / sizeof defined[0] - (s->paths ? 0 : 4);
    if (!s->paths)
        paragraph(b, markdown,
                  "n/a for the diameter, the mean distance and the betweenness and closeness "
                  "centralizations: path measures were skipped for speed.");
    for (size_t i = 0; i < checked; i++)
        if (isnan(defined[i])) {
            paragraph(b, markdown,
                      "n/a: not defined for this network (for example the closeness "
                      "centralization when some actor reaches nobody, the diameter without "
                      "any tie, transitivity without any two-step path).");
            break;
        }
}

/* How a ranked measure used weights, as a sentence. */
static const char *weights_note(const ecosys_i_summary *s, ecosys_i_measure m)
{
    switch (m) {
    case ECOSYS_I_STRENGTH:
        return "Uses the weights";
    case ECOSYS_I_BETWEENNESS:
    case ECOSYS_I_BETWEENNESS_NORMALIZED:
    case ECOSYS_I_CLOSENESS:
    case ECOSYS_I_HARMONIC:
        return s->weighted ? "Weighted paths: a tie's length is 1/weight"
                           : "Paths counted in hops, weights not used";
    default:
        return ecosys_i_summary_measure_weighted(s, m) ? "Uses the weights"
                                                       : "Weights not used";
    }
}

/* Copies at most max characters of UTF-8 text, ending with an ellipsis
 * when cut. */
static void shorten(char *out, size_t size, const char *text, size_t max)
{
    if (width_of(text) <= max) {
        snprintf(out, size, "%s", text);
        return;
    }
    const char *end = g_utf8_offset_to_pointer(text, (glong) (max - 1));
    size_t bytes = (size_t) (end - text);
    if (bytes + 4 > size)
        bytes = size - 4;
    memcpy(out, text, bytes);
    memcpy(out + bytes, "\xe2\x80\xa6", 4); /* U+2026 and NUL */
}

static void top_actors(buf *b, int markdown, const ecosys_i_summary *s)
{
    char title[64];
    snprintf(title, sizeof title, "Most central actors (top %zu)", s->top);
    heading(b, markdown, 2, title);
    paragraph(b, markdown, "For each centrality, the actors with the highest values; equal "
                           "values are listed in the order of the input.");
    if (!s->paths)
        paragraph(b, markdown, "Betweenness, closeness and harmonic closeness are left out: "
                               "path measures were skipped for speed.");
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++) {
        const ecosys_i_measure_info *info = &ecosys_i_measures[m];
        if (!info->ranked || (info->path && !s->paths))
            continue;
        heading(b, markdown, 3, info->label);
        paragraph(b, markdown, "%c%s. %s.", g_ascii_toupper(info->meaning[0]),
                  info->meaning + 1, weights_note(s, (ecosys_i_measure) m));
        if (s->rank_count[m] == 0) {
            buf_add(b, markdown ? "_No actor has a value._\n\n" : "  (no actor has a value)\n\n");
            continue;
        }
        table t;
        table_init(&t, 4, "rllr");
        table_cell(&t, "#");
        table_cell(&t, "actor");
        table_cell(&t, "id");
        table_cell(&t, info->name);
        for (size_t r = 0; r < s->rank_count[m]; r++) {
            const ecosys_i_rank *rank = &s->ranks[m][r];
            char name[4 * TEXT_NAME_WIDTH + 8];
            const char *full = ecosys_i_summary_actor_name(s, rank->vertex);
            table_size(&t, r + 1);
            if (markdown) {
                table_cell(&t, full);
            } else {
                shorten(name, sizeof name, full, TEXT_NAME_WIDTH);
                table_cell(&t, name);
            }
            table_cell(&t, ecosys_i_summary_actor_id(s, rank->vertex));
            int show = info->integral ? SHOW_WHOLE
                       : m == ECOSYS_I_STRENGTH ? SHOW_AUTO
                                                : SHOW_FRACTION;
            table_number(&t, rank->value, show);
        }
        table_render(b, &t, markdown);
        table_dispose(&t);
    }
}

static void groups(buf *b, int markdown, const ecosys_i_summary *s)
{
    char title[160];
    snprintf(title, sizeof title, "Groups by %s", s->group);
    heading(b, markdown, 2, title);
    paragraph(b, markdown,
              "%zu groups. Ties inside: both actors in the group. Ties to other groups: one "
              "actor in the group, the other outside (such a tie counts for both groups). "
              "Mean degree: mean number of partners of the group's actors.",
              s->group_count);
    table t;
    table_init(&t, 5, "lrrrr");
    table_cell(&t, s->group);
    table_cell(&t, "actors");
    table_cell(&t, "ties inside");
    table_cell(&t, "ties to other groups");
    table_cell(&t, "mean degree");
    for (size_t g = 0; g < s->group_count; g++) {
        const ecosys_i_group *group = &s->groups[g];
        table_cell(&t, group->value[0] ? group->value : "(empty)");
        table_size(&t, group->actor_count);
        table_size(&t, group->internal_ties);
        table_size(&t, group->external_ties);
        table_number(&t, group->mean_degree, SHOW_FRACTION);
    }
    table_render(b, &t, markdown);
    table_dispose(&t);
}

static int render(char **out_text, size_t *out_length, const ecosys_i_summary *s, int markdown)
{
    buf b = {0};
    header(&b, markdown, s);
    whole_network(&b, markdown, s);
    top_actors(&b, markdown, s);
    groups(&b, markdown, s);
    buf_addf(&b, "%sComputed by libecosys %s.%s\n", markdown ? "_" : "", ecosys_version(),
             markdown ? "_" : "");
    if (b.failed || !b.data) {
        free(b.data);
        return ecosys_i_error_nomem();
    }
    *out_text = b.data;
    if (out_length)
        *out_length = b.length;
    return 0;
}

int ecosys_i_render_text(char **out_text, size_t *out_length, const ecosys_i_summary *s)
{
    return render(out_text, out_length, s, 0);
}

int ecosys_i_render_markdown(char **out_text, size_t *out_length, const ecosys_i_summary *s)
{
    return render(out_text, out_length, s, 1);
}
