/* A wave comparison (ecosys/waves.h) for a reader: text, Markdown or JSON.
 *
 * Text and Markdown share one renderer (only headings and tables differ),
 * written for an evaluator who is not a programmer: each section opens with
 * a sentence saying what the figures mean. JSON holds every figure, ties as
 * actor ids, for programs (the layout is in docs/measures.md, "Waves").
 *
 * The "Significance" section ("is it more than chance?") renders the tests of
 * ecosys/wavetest.h handed in ecosys_waves_render_options (version 2):
 * add_significance() (text, Markdown) and add_json_significance() (JSON);
 * without them text and Markdown say they were not computed and JSON writes
 * "significance": null.
 *
 * Memory comes from malloc and every failure ends in ECOSYS_ENOMEM. */
#include "ecosys/waves.h"
#include "ecosys/wavetest.h"

#include "core/error.h"
#include "core/json_out.h"
#include "report/text_out.h"

#include <glib.h>

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_TOP 10
#define NO_COORDINATOR ((size_t) -1)

/* ---- numbers ---------------------------------------------------------------- */

/* A change with its sign: "+0.04", "-3", "0". */
static void format_change(char out[48], double v)
{
    char number[48];
    ecosys_i_format_number(number, v, SHOW_AUTO); /* at most about 20 characters */
    snprintf(out, 48, "%s%.40s", v > 0 ? "+" : "", number);
}

/* A share as a percentage with one decimal, "n/a" for NaN. */
static void format_share(char out[48], double share)
{
    if (isnan(share)) {
        snprintf(out, 48, "n/a");
        return;
    }
    g_ascii_formatd(out, 48, "%.1f", 100 * share);
    size_t length = strlen(out);
    if (length + 2 < 48)
        memcpy(out + length, "%", 2);
}

/* ---- tables --------------------------------------------------------------------- */

static void table_cellf(table *t, const char *format, ...) ECOSYS_I_PRINTF(2, 3);

static void table_cellf(table *t, const char *format, ...)
{
    char text[TABLE_CELL_BYTES + 1];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    ecosys_i_table_cell(t, text);
}

/* ---- document pieces ---------------------------------------------------------------- */

typedef struct doc {
    buf b;      /* the document */
    buf p;      /* the paragraph being written: wrapped into b in plain text */
    int markdown;
    const ecosys_waves *w;
    const char *before;
    const char *after;
    size_t top;
    const ecosys_wave_test *test; /* NULL: significance not computed */
} doc;

static void heading(doc *d, int level, const char *text)
{
    if (d->markdown) {
        ecosys_i_buf_repeat(&d->b, "#", (size_t) level);
        ecosys_i_buf_add(&d->b, " ");
        ecosys_i_buf_add(&d->b, text);
        ecosys_i_buf_add(&d->b, "\n\n");
        return;
    }
    ecosys_i_buf_add(&d->b, text);
    ecosys_i_buf_add(&d->b, "\n");
    ecosys_i_buf_repeat(&d->b, level == 1 ? "=" : "-", ecosys_i_width_of(text));
    ecosys_i_buf_add(&d->b, "\n\n");
}

/* Moves the paragraph into the document: as one line in Markdown, broken
 * at spaces before TEXT_WIDTH in plain text. */
static void paragraph_end(doc *d)
{
    if (d->p.failed)
        d->b.failed = 1;
    const char *p = d->p.data ? d->p.data : "";
    if (d->markdown) {
        ecosys_i_buf_add(&d->b, p);
    } else {
        while (*p == ' ')
            p++;
        ecosys_i_buf_add_wrapped(&d->b, p, 0, 0);
    }
    ecosys_i_buf_add(&d->b, "\n\n");
    d->p.length = 0;
    if (d->p.data)
        d->p.data[0] = '\0';
}

/* An actor id as shown to the reader: `id` in Markdown, as is in text. */
static void add_id(doc *d, buf *b, const char *id)
{
    if (d->markdown) {
        ecosys_i_buf_add(b, "`");
        ecosys_i_buf_add(b, id);
        ecosys_i_buf_add(b, "`");
    } else {
        ecosys_i_buf_add(b, id);
    }
}

static const char *axis_label(const char *name)
{
    return name[0] ? name : "(no axis)";
}

static const char *group_label(const char *name)
{
    return name[0] ? name : "(unknown)";
}

static void add_ties_summary(doc *d)
{
    const ecosys_waves *w = d->w;
    char jaccard[48];
    heading(d, 2, "Ties");
    ecosys_i_buf_addf(&d->p, "%zu ties %s, %zu %s. ", w->ties_before, d->before, w->ties_after,
                      d->after);
    if (w->ties_before + w->ties_after == 0) {
        ecosys_i_buf_add(&d->p, "No tie in either wave: nothing to compare.");
        paragraph_end(d);
        return;
    }
    ecosys_i_buf_addf(&d->p, "Between them, %zu ties formed, %zu dissolved and %zu persisted. ",
                      w->formed.count, w->dissolved.count, w->persisting.count);
    ecosys_i_format_number(jaccard, w->jaccard, SHOW_AUTO);
    ecosys_i_buf_addf(
        &d->p,
        "Stability (Jaccard index) is %s: the share of all ties seen in either wave that "
        "exist in both (1: nothing changed; 0: no tie survived).",
        jaccard);
    if (w->directed)
        ecosys_i_buf_add(&d->p, " Ties are directed: a->b and b->a count as two ties.");
    paragraph_end(d);
}

static void add_id_list(doc *d, const ecosys_index_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        ecosys_i_buf_add(&d->p, i ? ", " : "");
        add_id(d, &d->p, d->w->actor_ids[list->items[i]]);
    }
}

static void add_presence(doc *d)
{
    const ecosys_waves *w = d->w;
    heading(d, 2, "Actors entering and leaving");
    int vertex = (w->flags & ECOSYS_WAVES_PRESENCE_VERTEX) != 0;
    ecosys_i_buf_addf(&d->p, "An actor counts as present in a wave if %s. ",
                      vertex ? "it is in that wave's network, with or without ties"
                             : "it has at least one tie in that wave");
    ecosys_i_buf_addf(&d->p, "Present: %zu actors %s, %zu %s. ", w->present_before, d->before,
                      w->present_after, d->after);
    ecosys_i_buf_addf(&d->p, "%zu entered", w->entering.count);
    if (w->entering.count) {
        ecosys_i_buf_add(&d->p, " (");
        add_id_list(d, &w->entering);
        ecosys_i_buf_add(&d->p, ")");
    }
    ecosys_i_buf_addf(&d->p, "; %zu left", w->leaving.count);
    if (w->leaving.count) {
        ecosys_i_buf_add(&d->p, " (");
        add_id_list(d, &w->leaving);
        ecosys_i_buf_add(&d->p, ")");
    }
    ecosys_i_buf_add(&d->p, ".");
    paragraph_end(d);
}

static void add_closure(doc *d)
{
    const ecosys_waves *w = d->w;
    char share[48];
    heading(d, 2, "Through whom: new ties and triads");
    if (w->formed.count == 0) {
        ecosys_i_buf_add(&d->p, "No tie formed.");
        paragraph_end(d);
        return;
    }
    format_share(share, w->triad_closure_share);
    ecosys_i_buf_addf(
        &d->p,
        "Of the %zu new ties, %zu (%s) joined two actors who already had a partner in "
        "common %s: they close a triad, the pattern expected when actors are introduced "
        "through someone they both know. ",
        w->formed.count, w->formed_closing_triad, share, d->before);
    if (w->coordinator_id && w->formed_closing_triad) {
        format_share(share, w->coordinator_share);
        ecosys_i_buf_addf(&d->p, "Of those %zu, %zu (%s) had the coordinator ",
                          w->formed_closing_triad, w->formed_through_coordinator, share);
        add_id(d, &d->p, w->coordinator_id);
        ecosys_i_buf_add(&d->p, " as a common partner. ");
    } else if (w->coordinator_id) {
        ecosys_i_buf_add(&d->p, "None closes a triad, so none was closed through the coordinator ");
        add_id(d, &d->p, w->coordinator_id);
        ecosys_i_buf_add(&d->p, ". ");
    }
    format_share(share, w->crossing_share);
    ecosys_i_buf_addf(&d->p, "%zu of the new ties (%s) link actors of different groups.",
                      w->formed_crossing_groups, share);
    paragraph_end(d);
}

/* The ties of @p set whose flags hold all of @p need, at most d->top. */
static void add_tie_list(doc *d, const char *title, const ecosys_waves_tie_set *set,
                         unsigned int need)
{
    size_t matching = 0;
    for (size_t t = 0; t < set->count; t++)
        matching += (set->flags[t] & need) == need;
    if (matching == 0)
        return;
    heading(d, 3, title);
    const char *arrow = d->w->directed ? " -> " : " - ";
    size_t shown = 0;
    for (size_t t = 0; t < set->count && shown < d->top; t++) {
        if ((set->flags[t] & need) != need)
            continue;
        ecosys_i_buf_add(&d->b, d->markdown ? "- " : "  ");
        add_id(d, &d->b, d->w->actor_ids[set->sources[t]]);
        ecosys_i_buf_add(&d->b, arrow);
        add_id(d, &d->b, d->w->actor_ids[set->targets[t]]);
        ecosys_i_buf_add(&d->b, "\n");
        shown++;
    }
    if (matching > shown)
        ecosys_i_buf_addf(&d->b, "%s... and %zu more\n", d->markdown ? "- " : "  ",
                          matching - shown);
    ecosys_i_buf_add(&d->b, "\n");
}

static void add_group_pairs(doc *d)
{
    const ecosys_waves *w = d->w;
    size_t k = w->group_count;
    heading(d, 2, "Between which groups");
    ecosys_i_buf_addf(
        &d->p,
        "Ties by pair of groups (%zu groups). A tie inside one group is listed on its "
        "own row; pairs without any tie in either wave are left out.",
        k);
    paragraph_end(d);
    table t;
    ecosys_i_table_init_style(&t, 4, "lrrr", TABLE_CUT);
    ecosys_i_table_cell(&t, w->directed ? "from -> to" : "groups");
    ecosys_i_table_cell(&t, "formed");
    ecosys_i_table_cell(&t, "dissolved");
    ecosys_i_table_cell(&t, "persisting");
    for (size_t g = 0; g < k; g++)
        for (size_t h = w->directed ? 0 : g; h < k; h++) {
            size_t c = g * k + h;
            size_t f = w->formed.by_group[c], x = w->dissolved.by_group[c],
                   p = w->persisting.by_group[c];
            if (f + x + p == 0)
                continue;
            if (g == h)
                table_cellf(&t, "%s (within)", group_label(w->group_names[g]));
            else
                table_cellf(&t, "%s%s%s", group_label(w->group_names[g]),
                            w->directed ? " -> " : " - ", group_label(w->group_names[h]));
            table_cellf(&t, "%zu", f);
            table_cellf(&t, "%zu", x);
            table_cellf(&t, "%zu", p);
        }
    ecosys_i_table_render(&d->b, &t, d->markdown);
    ecosys_i_table_dispose(&t);
}

static void add_axes(doc *d)
{
    const ecosys_waves *w = d->w;
    if (w->axis_count == 0)
        return;
    heading(d, 2, "On which axes");
    ecosys_i_buf_add(
        &d->p, "Ties by thematic axis. A tie made of several collaborations on different axes "
               "counts under each, so the columns may add up to more than the ties.");
    paragraph_end(d);
    table t;
    ecosys_i_table_init_style(&t, 4, "lrrr", TABLE_CUT);
    ecosys_i_table_cell(&t, "axis");
    ecosys_i_table_cell(&t, "formed");
    ecosys_i_table_cell(&t, "dissolved");
    ecosys_i_table_cell(&t, "persisting");
    for (size_t a = 0; a < w->axis_count; a++) {
        ecosys_i_table_cell(&t, axis_label(w->axis_names[a]));
        table_cellf(&t, "%zu", w->formed.by_axis[a]);
        table_cellf(&t, "%zu", w->dissolved.by_axis[a]);
        table_cellf(&t, "%zu", w->persisting.by_axis[a]);
    }
    ecosys_i_table_render(&d->b, &t, d->markdown);
    ecosys_i_table_dispose(&t);
}

static const char *const measure_meaning[ECOSYS_WAVES_MEASURE_COUNT] = {
    "actors in the network",
    "actors with at least one tie",
    "ties",
    "share of possible ties that exist",
    "mean number of ties per actor",
    "E-I index: +1 all ties cross groups, -1 all stay inside",
    "share of two-step paths closed into triangles",
    "how much ties concentrate on one actor (0 to 1)",
    "how much brokerage concentrates on one actor (0 to 1)",
    "separate parts of the network",
    "share of actors in the largest connected part",
    "brokerage within one group",
    "brokerage between two members of another group",
    "brokerage from one's own group outwards",
    "brokerage from another group into one's own",
    "brokerage between three different groups",
    "all brokered two-step paths",
};

static void add_measures(doc *d)
{
    const ecosys_waves *w = d->w;
    heading(d, 2, "Network measures");
    ecosys_i_buf_addf(&d->p,
                      "Each measure on both waves (before: %s; after: %s), and the change (after "
                      "minus before).",
                      d->before, d->after);
    if (w->flags & ECOSYS_NO_PATHS)
        ecosys_i_buf_add(&d->p, " Path measures were skipped (betweenness centralization is n/a).");
    paragraph_end(d);
    table t;
    ecosys_i_table_init_style(&t, 5, "lrrrl", TABLE_CUT);
    ecosys_i_table_cell(&t, "measure");
    ecosys_i_table_cell(&t, "before");
    ecosys_i_table_cell(&t, "after");
    ecosys_i_table_cell(&t, "change");
    ecosys_i_table_cell(&t, "meaning");
    char text[48];
    for (int m = 0; m < ECOSYS_WAVES_MEASURE_COUNT; m++) {
        const ecosys_waves_change *c = &w->measures[m];
        if ((w->flags & ECOSYS_WAVES_NO_BROKERAGE) && m >= ECOSYS_WAVES_BROKERAGE_COORDINATOR)
            continue;
        ecosys_i_table_cell(&t, ecosys_waves_measure_name(m));
        ecosys_i_format_number(text, c->before, SHOW_AUTO);
        ecosys_i_table_cell(&t, text);
        ecosys_i_format_number(text, c->after, SHOW_AUTO);
        ecosys_i_table_cell(&t, text);
        format_change(text, c->change);
        ecosys_i_table_cell(&t, text);
        ecosys_i_table_cell(&t, measure_meaning[m]);
    }
    ecosys_i_table_render(&d->b, &t, d->markdown);
    ecosys_i_table_dispose(&t);
}

/* A p-value for readers: "0.012", "< 0.001", "1", "n/a". */
static void format_p_value(char out[48], double p)
{
    if (isnan(p))
        snprintf(out, 48, "n/a");
    else if (p < 0.001)
        snprintf(out, 48, "< 0.001");
    else if (p >= 0.9995)
        snprintf(out, 48, "1");
    else
        snprintf(out, 48, "%.2g", p);
}

/* "p = 0.012", "p < 0.001". */
static void format_p(char out[48], double p)
{
    char value[48];
    format_p_value(value, p);
    snprintf(out, 48, "p %s%.40s", value[0] == '<' ? "" : "= ", value);
}

/* "x, expected e if <null> (p = ...)", the p-value in the direction the
 * observation departs from the expectation. */
static void add_exact_line(doc *d, const ecosys_null_result *r, const char *null_text)
{
    char expected[48], p[48];
    ecosys_i_format_number(expected, r->mean, SHOW_AUTO);
    int fewer = r->observed < r->mean;
    format_p(p, fewer ? r->p_less : r->p_greater);
    ecosys_i_buf_addf(&d->p, "%.0f, expected %s if %s (%s, the chance of %s)", r->observed,
                      expected, null_text, p, fewer ? "as few or fewer" : "as many or more");
}

static const char *const change_label[ECOSYS_WAVE_TEST_STATISTIC_COUNT] = {
    "density", "E-I index", "assortativity", "transitivity", "mean local clustering",
    "degree centralization"};

static void add_significance(doc *d)
{
    const ecosys_wave_test *t = d->test;
    const ecosys_waves *w = d->w;
    heading(d, 2, "Significance");
    if (!t) {
        ecosys_i_buf_add(
            &d->p, "Not computed: this report says what changed, not whether the change is more "
                   "than chance. Compare the observed values with a null model (same actors and "
                   "number of ties, or the same degrees) before drawing conclusions.");
        paragraph_end(d);
        return;
    }
    ecosys_i_buf_addf(&d->p,
                      "Is it more than chance? Each line compares what happened with what chance "
                      "alone would give. The exact tests suppose that the %zu new ties had formed "
                      "at random among the %zu pairs of actors not tied %s; a small p says the "
                      "pattern is unlikely under that assumption.",
                      t->formed, t->candidate_dyads, d->before);
    paragraph_end(d);
    int coordinator = w->coordinator_id && !isnan(t->formed_via_coordinator.observed);
    if (d->markdown)
        ecosys_i_buf_add(&d->b, "- ");
    if (coordinator) {
        ecosys_i_buf_add(&d->p, "Read first: of the ");
        ecosys_i_buf_addf(&d->p,
                          "%zu new ties that closed a triad (between actors with a partner in "
                          "common), those through ",
                          t->formed_closing_triad);
        add_id(d, &d->p, w->coordinator_id);
        ecosys_i_buf_add(&d->p, ": ");
        add_exact_line(d, &t->closure_via_coordinator,
                       "such introductions had been made at random among the pairs that had "
                       "a partner in common");
        ecosys_i_buf_add(&d->p, ". This test allows for friends of friends meeting anyway.");
        paragraph_end(d);
        if (d->markdown)
            ecosys_i_buf_add(&d->b, "- ");
        ecosys_i_buf_add(&d->p, "New ties between ");
        add_id(d, &d->p, w->coordinator_id);
        ecosys_i_buf_add(&d->p, "'s contacts: ");
        add_exact_line(d, &t->formed_via_coordinator,
                       "new ties had formed at random among unconnected pairs");
        ecosys_i_buf_add(&d->p, ".");
        paragraph_end(d);
        if (d->markdown)
            ecosys_i_buf_add(&d->b, "- ");
    }
    if (!coordinator) {
        ecosys_i_buf_add(&d->p, "No coordinator was named, so its introductions were not tested.");
        paragraph_end(d);
        if (d->markdown)
            ecosys_i_buf_add(&d->b, "- ");
    }
    ecosys_i_buf_add(&d->p, "New ties between groups: ");
    add_exact_line(d, &t->formed_crossing, "new ties had formed at random among unconnected pairs");
    ecosys_i_buf_add(&d->p, ".");
    paragraph_end(d);
    if (t->statistic_count == 0 || !t->changes) {
        ecosys_i_buf_add(&d->p,
                         "The change in the network measures was not tested (no replicates).");
        paragraph_end(d);
        return;
    }
    ecosys_i_buf_addf(
        &d->p,
        "Network measures: the observed change (second wave minus first) beside the "
        "change given by %zu random placements of the same change (remove %zu ties at "
        "random, add %zu at random among unconnected pairs; seed %llu), as mean \u00b1 "
        "standard deviation. p is the share of random placements that change the "
        "measure at least as much in the same direction.",
        t->replicates, t->dissolved, t->formed, (unsigned long long) t->seed);
    paragraph_end(d);
    table tb;
    ecosys_i_table_init_style(&tb, 5, "lrrrl", TABLE_CUT);
    ecosys_i_table_cell(&tb, "measure");
    ecosys_i_table_cell(&tb, "observed change");
    ecosys_i_table_cell(&tb, "random change");
    ecosys_i_table_cell(&tb, "z");
    ecosys_i_table_cell(&tb, "p");
    char text[48], sd[48];
    for (size_t s = 0; s < t->statistic_count && s < ECOSYS_WAVE_TEST_STATISTIC_COUNT; s++) {
        const ecosys_null_result *r = &t->changes[s];
        if (s == ECOSYS_STATISTIC_DENSITY)
            continue; /* constant under this null: nothing to test */
        ecosys_i_table_cell(&tb, change_label[s]);
        format_change(text, r->observed);
        ecosys_i_table_cell(&tb, text);
        format_change(text, r->mean);
        ecosys_i_format_number(sd, r->sd, SHOW_AUTO);
        table_cellf(&tb, "%s \u00b1 %s", text, sd);
        ecosys_i_format_number(text, r->z, SHOW_AUTO);
        ecosys_i_table_cell(&tb, text);
        format_p_value(text, r->observed < r->mean ? r->p_less : r->p_greater);
        ecosys_i_table_cell(&tb, text);
    }
    ecosys_i_table_render(&d->b, &tb, d->markdown);
    ecosys_i_table_dispose(&tb);
    ecosys_i_buf_add(
        &d->p, "Several tests are read at once: even when chance alone is at work, about one p "
               "in twenty falls below 0.05, so one small p among many is weak evidence. The "
               "exact tests also assume that ties form independently of the network around "
               "them; the triad test (read first) relaxes that.");
    paragraph_end(d);
}

static int render_text(char **out, size_t *out_length, const ecosys_waves *w,
                       const ecosys_waves_render_options *o, int markdown)
{
    doc d = {.markdown = markdown,
             .w = w,
             .before = o->before_label ? o->before_label : "before",
             .after = o->after_label ? o->after_label : "after",
             .top = o->top ? o->top : DEFAULT_TOP,
             .test = o->version >= 2 ? o->significance : NULL};
    heading(&d, 1, o->title ? o->title : "What changed between the two waves");
    if (o->title)
        ecosys_i_buf_add(&d.p, "What changed between the two waves. ");
    ecosys_i_buf_addf(&d.p, "First wave: %s; second wave: %s. %zu actors in all, in %zu groups.",
                      d.before, d.after, w->actor_count, w->group_count);
    paragraph_end(&d);
    add_ties_summary(&d);
    add_closure(&d);
    if (w->coordinator_id && w->coordinator != NO_COORDINATOR) {
        char title[160];
        snprintf(title, sizeof title, "New ties closed through %s", w->coordinator_id);
        add_tie_list(&d, title, &w->formed, ECOSYS_WAVES_TIE_THROUGH_COORDINATOR);
    }
    add_tie_list(&d, "New ties", &w->formed, 0);
    add_tie_list(&d, "Dissolved ties", &w->dissolved, 0);
    add_group_pairs(&d);
    add_axes(&d);
    add_presence(&d);
    add_measures(&d);
    add_significance(&d);
    /* one trailing newline */
    while (!d.b.failed && d.b.length > 1 && d.b.data[d.b.length - 2] == '\n')
        d.b.data[--d.b.length] = '\0';
    free(d.p.data);
    if (d.b.failed || d.p.failed || !d.b.data) {
        free(d.b.data);
        return ecosys_i_error_nomem();
    }
    *out = d.b.data;
    if (out_length)
        *out_length = d.b.length;
    return 0;
}

/* ---- JSON -------------------------------------------------------------------------- */

typedef ecosys_i_json_out json;

static void add_names(json *j, const char *key, char *const *names, size_t count)
{
    ecosys_i_json_member_array(j, key, ECOSYS_I_JSON_LINE);
    for (size_t i = 0; i < count; i++)
        ecosys_i_json_string(j, names[i]);
    ecosys_i_json_end_array(j);
}

static void add_sizes(json *j, const char *key, const size_t *values, size_t count)
{
    if (key)
        ecosys_i_json_name(j, key);
    ecosys_i_json_begin_array(j, ECOSYS_I_JSON_LINE);
    for (size_t i = 0; i < count; i++)
        ecosys_i_json_uint(j, values[i]);
    ecosys_i_json_end_array(j);
}

static void add_id_array(json *j, const char *key, const ecosys_waves *w,
                         const ecosys_index_list *list)
{
    ecosys_i_json_member_array(j, key, ECOSYS_I_JSON_LINE);
    for (size_t i = 0; i < list->count; i++)
        ecosys_i_json_string(j, w->actor_ids[list->items[i]]);
    ecosys_i_json_end_array(j);
}

static void add_tie_set(json *j, const char *key, const ecosys_waves *w,
                        const ecosys_waves_tie_set *s, int formed)
{
    ecosys_i_json_member_object(j, key, ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_uint(j, "count", s->count);
    ecosys_i_json_member_array(j, "by_group", ECOSYS_I_JSON_BLOCK);
    for (size_t g = 0; g < w->group_count; g++)
        add_sizes(j, NULL, s->by_group + g * w->group_count, w->group_count);
    ecosys_i_json_end_array(j);
    add_sizes(j, "by_axis", s->by_axis, w->axis_count);
    ecosys_i_json_member_array(j, "ties", ECOSYS_I_JSON_BLOCK);
    for (size_t t = 0; t < s->count; t++) {
        ecosys_i_json_begin_object(j, ECOSYS_I_JSON_LINE);
        ecosys_i_json_member_string(j, "source", w->actor_ids[s->sources[t]]);
        ecosys_i_json_member_string(j, "target", w->actor_ids[s->targets[t]]);
        ecosys_i_json_member_bool(j, "crosses_groups",
                                  (s->flags[t] & ECOSYS_WAVES_TIE_CROSSES_GROUPS) != 0);
        if (formed) {
            ecosys_i_json_member_bool(j, "closes_triad",
                                      (s->flags[t] & ECOSYS_WAVES_TIE_CLOSES_TRIAD) != 0);
            ecosys_i_json_member_bool(j, "through_coordinator",
                                      (s->flags[t] & ECOSYS_WAVES_TIE_THROUGH_COORDINATOR) != 0);
        }
        ecosys_i_json_end_object(j);
    }
    ecosys_i_json_end_array(j);
    ecosys_i_json_end_object(j);
}

static void add_result(json *j, const char *key, const ecosys_null_result *r, int exact)
{
    ecosys_i_json_member_object(j, key, ECOSYS_I_JSON_LINE);
    ecosys_i_json_member_double(j, "observed", r->observed);
    ecosys_i_json_member_double(j, "mean", r->mean);
    ecosys_i_json_member_double(j, "sd", r->sd);
    ecosys_i_json_member_double(j, "z", r->z);
    ecosys_i_json_member_double(j, "p_greater", r->p_greater);
    ecosys_i_json_member_double(j, "p_less", r->p_less);
    if (!exact) {
        ecosys_i_json_member_uint(j, "replicates", r->replicates);
        ecosys_i_json_member_uint(j, "valid", r->valid);
    }
    ecosys_i_json_end_object(j);
}

/* The value of "significance": null, or the tests (docs/measures.md,
 * "Significance of a wave comparison"). */
static void add_json_significance(json *j, const ecosys_wave_test *t)
{
    ecosys_i_json_name(j, "significance");
    if (!t) {
        ecosys_i_json_null(j);
        return;
    }
    ecosys_i_json_begin_object(j, ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_uint(j, "formed", t->formed);
    ecosys_i_json_member_uint(j, "dissolved", t->dissolved);
    ecosys_i_json_member_uint(j, "candidate_dyads", t->candidate_dyads);
    ecosys_i_json_member_uint(j, "crossing_candidates", t->crossing_candidates);
    ecosys_i_json_member_uint(j, "coordinator_candidates", t->coordinator_candidates);
    ecosys_i_json_member_uint(j, "closing_candidates", t->closing_candidates);
    ecosys_i_json_member_uint(j, "formed_closing_triad", t->formed_closing_triad);
    ecosys_i_json_member_object(j, "exact", ECOSYS_I_JSON_BLOCK);
    add_result(j, "formed_crossing", &t->formed_crossing, 1);
    add_result(j, "formed_via_coordinator", &t->formed_via_coordinator, 1);
    add_result(j, "closure_via_coordinator", &t->closure_via_coordinator, 1);
    ecosys_i_json_end_object(j);
    ecosys_i_json_name(j, "changes");
    if (!t->changes) {
        ecosys_i_json_null(j);
    } else {
        ecosys_i_json_begin_object(j, ECOSYS_I_JSON_BLOCK);
        ecosys_i_json_member_string(j, "null_model", "random_placement");
        ecosys_i_json_member_uint(j, "replicates", t->replicates);
        ecosys_i_json_member_uint(j, "seed", (size_t) t->seed);
        for (size_t s = 0; s < t->statistic_count; s++)
            add_result(j, ecosys_null_statistic_name(t->changes[s].kind), &t->changes[s], 0);
        ecosys_i_json_end_object(j);
    }
    ecosys_i_json_end_object(j);
}

static int render_json(char **out, size_t *out_length, const ecosys_waves *w,
                       const ecosys_waves_render_options *o)
{
    json j;
    ecosys_i_json_init(&j, 2, ": ");
    ecosys_i_json_begin_object(&j, ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(&j, "kind", "ecosys_waves");
    ecosys_i_json_member_uint(&j, "schema_version", 1);
    ecosys_i_json_member_string(&j, "title", o->title);
    ecosys_i_json_member_string(&j, "before_label", o->before_label ? o->before_label : "before");
    ecosys_i_json_member_string(&j, "after_label", o->after_label ? o->after_label : "after");
    ecosys_i_json_member_bool(&j, "directed", w->directed);
    ecosys_i_json_member_object(&j, "options", ECOSYS_I_JSON_LINE);
    ecosys_i_json_member_bool(&j, "paths", !(w->flags & ECOSYS_NO_PATHS));
    ecosys_i_json_member_bool(&j, "brokerage", !(w->flags & ECOSYS_WAVES_NO_BROKERAGE));
    ecosys_i_json_member_string(&j, "presence",
                                w->flags & ECOSYS_WAVES_PRESENCE_VERTEX ? "vertex" : "tie");
    ecosys_i_json_member_string(&j, "coordinator", w->coordinator_id);
    ecosys_i_json_end_object(&j);
    add_names(&j, "actors", w->actor_ids, w->actor_count);
    add_names(&j, "groups", w->group_names, w->group_count);
    add_sizes(&j, "actor_group", w->actor_group, w->actor_count);
    add_names(&j, "axes", w->axis_names, w->axis_count);

    ecosys_i_json_member_object(&j, "ties", ECOSYS_I_JSON_LINE);
    ecosys_i_json_member_uint(&j, "before", w->ties_before);
    ecosys_i_json_member_uint(&j, "after", w->ties_after);
    ecosys_i_json_member_uint(&j, "formed", w->formed.count);
    ecosys_i_json_member_uint(&j, "dissolved", w->dissolved.count);
    ecosys_i_json_member_uint(&j, "persisting", w->persisting.count);
    ecosys_i_json_member_double(&j, "jaccard", w->jaccard);
    ecosys_i_json_end_object(&j);

    ecosys_i_json_member_object(&j, "triad_closure", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(&j, "coordinator", w->coordinator_id);
    ecosys_i_json_member_uint(&j, "formed_closing_triad", w->formed_closing_triad);
    ecosys_i_json_member_uint(&j, "formed_through_coordinator", w->formed_through_coordinator);
    ecosys_i_json_member_uint(&j, "formed_crossing_groups", w->formed_crossing_groups);
    ecosys_i_json_member_double(&j, "triad_closure_share", w->triad_closure_share);
    ecosys_i_json_member_double(&j, "coordinator_share", w->coordinator_share);
    ecosys_i_json_member_double(&j, "crossing_share", w->crossing_share);
    ecosys_i_json_end_object(&j);

    ecosys_i_json_member_object(&j, "presence", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_uint(&j, "before", w->present_before);
    ecosys_i_json_member_uint(&j, "after", w->present_after);
    add_id_array(&j, "entering", w, &w->entering);
    add_id_array(&j, "leaving", w, &w->leaving);
    ecosys_i_json_end_object(&j);

    ecosys_i_json_member_object(&j, "measures", ECOSYS_I_JSON_BLOCK);
    for (int m = 0; m < ECOSYS_WAVES_MEASURE_COUNT; m++) {
        ecosys_i_json_member_object(&j, ecosys_waves_measure_name(m), ECOSYS_I_JSON_LINE);
        ecosys_i_json_member_double(&j, "before", w->measures[m].before);
        ecosys_i_json_member_double(&j, "after", w->measures[m].after);
        ecosys_i_json_member_double(&j, "change", w->measures[m].change);
        ecosys_i_json_end_object(&j);
    }
    ecosys_i_json_end_object(&j);

    add_tie_set(&j, "formed", w, &w->formed, 1);
    add_tie_set(&j, "dissolved", w, &w->dissolved, 0);
    add_tie_set(&j, "persisting", w, &w->persisting, 0);
    add_json_significance(&j, o->version >= 2 ? o->significance : NULL);
    ecosys_i_json_end_object(&j);
    int rc = ecosys_i_json_finish(&j, out, out_length);
    if (rc == ECOSYS_ENOMEM)
        return ecosys_i_error_nomem();
    if (rc)
        return ecosys_i_error(rc, "rendering the waves as JSON failed");
    return 0;
}

/* ---- entry points ------------------------------------------------------------------ */

int ecosys_waves_render_options_init(ecosys_waves_render_options *options, unsigned int version)
{
    if (!options || version < 1 || version > ECOSYS_WAVES_RENDER_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_waves_render_options version %u",
                              version);
    ecosys_waves_render_options defaults = ECOSYS_WAVES_RENDER_OPTIONS_INIT;
    defaults.version = version;
    /* A version 1 struct ends before @c significance. */
    size_t size = version == 1 ? offsetof(ecosys_waves_render_options, significance)
                               : sizeof defaults;
    memcpy(options, &defaults, size);
    return 0;
}

int ecosys_waves_render(char **out_text, size_t *out_length, const ecosys_waves *waves,
                        const ecosys_waves_render_options *options)
{
    if (out_text)
        *out_text = NULL;
    if (out_length)
        *out_length = 0;
    if (!out_text || !waves)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_waves_render: NULL argument");
    ecosys_waves_render_options defaults = ECOSYS_WAVES_RENDER_OPTIONS_INIT;
    const ecosys_waves_render_options *o = options ? options : &defaults;
    if (o->version < 1 || o->version > ECOSYS_WAVES_RENDER_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_waves_render_options version %u",
                              o->version);
    switch (o->format) {
    case ECOSYS_REPORT_TEXT:
        return render_text(out_text, out_length, waves, o, 0);
    case ECOSYS_REPORT_MARKDOWN:
        return render_text(out_text, out_length, waves, o, 1);
    case ECOSYS_REPORT_JSON:
        return render_json(out_text, out_length, waves, o);
    }
    return ecosys_i_error(ECOSYS_EINVAL, "ecosys_waves_render: unknown format %d",
                          (int) o->format);
}
