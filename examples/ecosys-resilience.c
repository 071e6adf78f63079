/* ecosys-resilience: how fragile is an ecosystem network when actors
 * leave? Random departures, the best-connected or the brokers first, or a
 * whole sector. Text, Markdown or JSON. See docs/measures.md, "Resilience".
 *
 *     ecosys-resilience [OPTION...] [DATASET]
 *
 * Without DATASET: the bundled Clermont dataset (all ties).
 * Exit status: 0 success, 1 the data cannot be read or the results
 * computed or written, 2 a usage error (unknown option, bad value). */
#include <ecosys.h>

#include "program_support.h"

#include <glib.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROGRAM "ecosys-resilience"

const char program_name[] = PROGRAM;

typedef struct arguments {
    char *format, *strategy, *replicates, *seed, *threads, *group, *remove_group, *threshold;
    char *output;
    gboolean adaptive, version;
    char **rest;
} arguments;

/* One scenario: a strategy's result and how to name it. */
typedef struct scenario {
    const char *label; /* for a reader */
    ecosys_resilience r;
} scenario;

/* A group's departure. */
typedef struct departure {
    const char *name;
    size_t size;
    ecosys_resilience r;
} departure;

typedef struct report {
    ecosys_report_format format;
    const char *title;
    const ecosys_graph *graph;
    const ecosys_dataset *ds;
    size_t n, m;
    scenario scenarios[6];
    size_t scenario_count;
    size_t attack;         /* the scenario used for "the N most connected" */
    const char *group;     /* attribute */
    departure *departures; /* ranked, most harmful first */
    size_t departure_count;
    departure *removed;    /* --remove-group, or NULL */
    GString *out;
} report;

/* ---- progress bar on a terminal ---------------------------------------------------- */

static int draw_progress(size_t done, size_t total, void *user)
{
    size_t *last = user;
    size_t percent = total ? done * 100 / total : 100;
    if (percent == *last && done != total)
        return 0;
    *last = percent;
    fprintf(stderr, "\rRemoving actors %3zu%% (%zu/%zu)", percent, done, total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
    return 0;
}

/* ---- helpers ------------------------------------------------------------------------ */

static const char *actor_id(const report *rp, size_t vertex)
{
    ecosys_actor_info info;
    if (ecosys_dataset_actor(&info, rp->ds, ecosys_graph_actor(rp->graph, vertex)))
        return "?";
    return info.id;
}

static void json_string(GString *s, const char *text)
{
    g_string_append_c(s, '"');
    for (const unsigned char *p = (const unsigned char *) text; *p; p++) {
        if (*p == '"' || *p == '\\')
            g_string_append_printf(s, "\\%c", *p);
        else if (*p < 0x20)
            g_string_append_printf(s, "\\u%04x", *p);
        else
            g_string_append_c(s, (char) *p);
    }
    g_string_append_c(s, '"');
}

static void json_number(GString *s, double x)
{
    if (!isfinite(x)) {
        g_string_append(s, "null");
        return;
    }
    /* The shortest text that reads back to the same double. */
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];
    const char *formats[] = {"%.15g", "%.16g", "%.17g"};
    for (size_t i = 0; i < 3; i++) {
        g_ascii_formatd(buffer, sizeof buffer, formats[i], x);
        if (g_ascii_strtod(buffer, NULL) == x)
            break;
    }
    g_string_append(s, buffer);
}

static void json_numbers(GString *s, const double *x, size_t count)
{
    if (!x) {
        g_string_append(s, "null");
        return;
    }
    g_string_append_c(s, '[');
    for (size_t i = 0; i < count; i++) {
        if (i)
            g_string_append_c(s, ',');
        json_number(s, x[i]);
    }
    g_string_append_c(s, ']');
}

static void json_order(GString *s, const report *rp, const size_t *order, size_t count)
{
    if (!order) {
        g_string_append(s, "null");
        return;
    }
    g_string_append_c(s, '[');
    for (size_t i = 0; i < count; i++) {
        if (i)
            g_string_append_c(s, ',');
        json_string(s, actor_id(rp, order[i]));
    }
    g_string_append_c(s, ']');
}

static void json_result(GString *s, const report *rp, const ecosys_resilience *r)
{
    g_string_append(s, "{\"strategy\":");
    json_string(s, ecosys_removal_strategy_name(r->strategy));
    g_string_append_printf(s, ",\"adaptive\":%s,\"steps\":%zu,\"robustness\":",
                           r->adaptive ? "true" : "false", r->steps);
    json_number(s, r->robustness);
    g_string_append(s, ",\"robustness_sd\":");
    json_number(s, r->robustness_sd);
    g_string_append(s, ",\"critical_fraction\":");
    json_number(s, r->critical_fraction);
    g_string_append_printf(s, ",\"replicates\":%zu,\"seed\":", r->replicates);
    if (r->strategy == ECOSYS_REMOVAL_RANDOM)
        g_string_append_printf(s, "%" G_GUINT64_FORMAT, (guint64) r->seed);
    else
        g_string_append(s, "null");
    g_string_append(s, ",\"order\":");
    json_order(s, rp, r->order, r->steps);
    g_string_append(s, ",\"largest\":");
    json_numbers(s, r->largest, r->steps + 1);
    g_string_append(s, ",\"largest_sd\":");
    json_numbers(s, r->largest_sd, r->steps + 1);
    g_string_append(s, ",\"components\":");
    json_numbers(s, r->components, r->steps + 1);
    g_string_append_c(s, '}');
}

static void render_json(report *rp)
{
    GString *s = rp->out;
    g_string_append(s, "{\"kind\":\"ecosys_resilience\",\"title\":");
    json_string(s, rp->title);
    g_string_append_printf(s, ",\"actors\":%zu,\"ties\":%zu,\"threshold\":", rp->n, rp->m);
    json_number(s, rp->scenarios[0].r.threshold);
    g_string_append(s, ",\"scenarios\":[");
    for (size_t i = 0; i < rp->scenario_count; i++) {
        if (i)
            g_string_append_c(s, ',');
        json_result(s, rp, &rp->scenarios[i].r);
    }
    g_string_append(s, "],\"group_attribute\":");
    json_string(s, rp->group);
    g_string_append(s, ",\"group_departures\":[");
    for (size_t i = 0; i < rp->departure_count; i++) {
        const departure *d = &rp->departures[i];
        if (i)
            g_string_append_c(s, ',');
        g_string_append(s, "{\"group\":");
        json_string(s, d->name);
        g_string_append_printf(s, ",\"actors\":%zu,\"largest_after\":", d->size);
        json_number(s, d->r.largest[d->r.steps]);
        g_string_append(s, ",\"components_after\":");
        json_number(s, d->r.components[d->r.steps]);
        g_string_append(s, ",\"result\":");
        json_result(s, rp, &d->r);
        g_string_append_c(s, '}');
    }
    g_string_append(s, "],\"removed_group\":");
    if (rp->removed)
        json_string(s, rp->removed->name);
    else
        g_string_append(s, "null");
    g_string_append(s, "}\n");
}

/* ---- text and Markdown ----------------------------------------------------------------- */

static void heading(report *rp, const char *text)
{
    if (rp->format == ECOSYS_REPORT_MARKDOWN) {
        g_string_append_printf(rp->out, "\n## %s\n\n", text);
    } else {
        g_string_append_printf(rp->out, "\n%s\n", text);
        for (size_t i = 0; i < strlen(text); i++)
            g_string_append_c(rp->out, '-');
        g_string_append(rp->out, "\n\n");
    }
}

/* Appends @p text, wrapped at 78 columns in text mode (Markdown reflows). */
static void paragraph(report *rp, const char *text)
{
    if (rp->format == ECOSYS_REPORT_MARKDOWN) {
        g_string_append(rp->out, text);
        return;
    }
    size_t column = 0;
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            g_string_append_c(rp->out, '\n');
            column = 0;
            p++;
            continue;
        }
        size_t word = strcspn(p, " \n");
        if (column > 0 && column + 1 + word > 78) {
            g_string_append_c(rp->out, '\n');
            column = 0;
        } else if (column > 0) {
            g_string_append_c(rp->out, ' ');
            column++;
        }
        g_string_append_len(rp->out, p, (gssize) word);
        column += word;
        p += word;
        if (*p == ' ')
            p++;
    }
}

static const char *groups_word(double count)
{
    return count == 1 ? "group" : "groups";
}

/* Percentage of the actors who stay (n minus the group) that are still in
 * the largest group: 100 when the departure takes nobody else's ties apart. */
static double stayers_share(const report *rp, const departure *d)
{
    size_t stay = rp->n - d->size;
    return stay ? d->r.largest[d->r.steps] * (double) rp->n / (double) stay * 100 : 0;
}

static void render_text(report *rp)
{
    GString *s = rp->out;
    int md = rp->format == ECOSYS_REPORT_MARKDOWN;
    double threshold = rp->scenarios[0].r.threshold;
    if (md)
        g_string_append_printf(s, "# %s\n\n", rp->title);
    else
        g_string_append_printf(s, "%s\n", rp->title);
    g_string_append_printf(s,
                           "%s%zu actors, %zu ties (direction ignored: two actors are "
                           "connected if a tie joins them either way).\n",
                           md ? "" : "\n", rp->n, rp->m);

    heading(rp, "How fragile is the network?");
    char *intro = g_strdup_printf(
        "Actors leave one at a time. After each departure we measure the largest group of "
        "actors that can still reach each other through ties, as a share of all %zu actors. "
        "The robustness R is the average of that share over all departures, from the first "
        "to the last (Schneider et al. 2011): at most 0.5 (everyone tied to everyone), "
        "lower when the network breaks up sooner. The critical fraction is the share of "
        "actors that must leave before the largest group holds %g%% of the actors or "
        "fewer. Random departures show ordinary turnover; the other orders show how much "
        "the network depends on its central actors.\n\n",
        rp->n, threshold * 100);
    paragraph(rp, intro);
    g_free(intro);
    if (md)
        g_string_append(s, "| who leaves first | R | critical fraction |\n|---|---|---|\n");
    for (size_t i = 0; i < rp->scenario_count; i++) {
        const ecosys_resilience *r = &rp->scenarios[i].r;
        char rtext[64];
        if (r->strategy == ECOSYS_REMOVAL_RANDOM && isfinite(r->robustness_sd))
            g_snprintf(rtext, sizeof rtext, "%.3f ± %.3f", r->robustness, r->robustness_sd);
        else
            g_snprintf(rtext, sizeof rtext, "%.3f", r->robustness);
        if (md)
            g_string_append_printf(s, "| %s | %s | %.2f |\n", rp->scenarios[i].label, rtext,
                                   r->critical_fraction);
        else
            g_string_append_printf(s, "  %-52s R = %-15s critical fraction %.2f\n",
                                   rp->scenarios[i].label, rtext, r->critical_fraction);
    }

    const scenario *attack = &rp->scenarios[rp->attack];
    const ecosys_resilience *a = &attack->r;
    heading(rp, "When the most central actors leave");
    g_string_append_printf(s, "Order: %s. The intact network's largest group holds %.0f%% of "
                              "the actors.\n\n",
                           attack->label, a->largest[0] * 100);
    const size_t counts[] = {1, 3, 5, 10};
    for (size_t i = 0; i < 4; i++) {
        size_t q = counts[i];
        if (q > rp->n || (i > 0 && q == rp->n))
            break;
        g_string_append_printf(s, "%sAfter the %zu most central leave", md ? "- " : "  ", q);
        if (q <= 3) {
            g_string_append(s, " (");
            for (size_t j = 0; j < q; j++)
                g_string_append_printf(s, "%s%s%s%s", j ? ", " : "", md ? "`" : "",
                                       actor_id(rp, a->order[j]), md ? "`" : "");
            g_string_append(s, ")");
        }
        g_string_append_printf(s, ": the largest group holds %.0f%% of the actors (%.0f "
                                  "separate %s).\n",
                               a->largest[q] * 100, a->components[q],
                               groups_word(a->components[q]));
    }

    if (rp->departure_count > 0) {
        char *title = g_strdup_printf("Which %s's departure hurts most", rp->group);
        heading(rp, title);
        g_free(title);
        char *text = g_strdup_printf("Every actor of one %s leaves at once; the others stay. "
                                     "Ranked from the most harmful (a larger group naturally "
                                     "takes more with it). Shares are of all %zu actors, then "
                                     "of those who stay: below 100%%, the departure also cuts "
                                     "the others apart.\n\n",
                                     rp->group, rp->n);
        paragraph(rp, text);
        g_free(text);
        if (md)
            g_string_append_printf(s, "| rank | %s | actors leaving | largest group after | "
                                      "of those who stay | separate groups |\n"
                                      "|---|---|---|---|---|---|\n",
                                   rp->group);
        for (size_t i = 0; i < rp->departure_count; i++) {
            const departure *d = &rp->departures[i];
            double after = d->r.largest[d->r.steps] * 100;
            double parts = d->r.components[d->r.steps];
            double kept = stayers_share(rp, d);
            if (md)
                g_string_append_printf(s, "| %zu | %s | %zu | %.0f%% | %.0f%% | %.0f |\n", i + 1,
                                       d->name[0] ? d->name : "(empty)", d->size, after, kept,
                                       parts);
            else
                g_string_append_printf(s, "  %zu. %-16s %3zu actors leave: the largest group "
                                          "holds %.0f%%, %.0f%% of those who stay (%.0f %s)\n",
                                       i + 1, d->name[0] ? d->name : "(empty)", d->size, after,
                                       kept, parts, groups_word(parts));
        }
    }
    if (rp->removed) {
        const departure *d = rp->removed;
        heading(rp, "The group you asked about");
        char *text = g_strdup_printf("If the %zu actors whose %s is \"%s\" leave, the "
                                     "largest group still holds %.0f%% of all actors, %.0f%% "
                                     "of those who stay (%.0f separate %s).\n",
                                     d->size, rp->group, d->name,
                                     d->r.largest[d->r.steps] * 100, stayers_share(rp, d),
                                     d->r.components[d->r.steps],
                                     groups_word(d->r.components[d->r.steps]));
        paragraph(rp, text);
        g_free(text);
    }
}

/* ---- computing --------------------------------------------------------------------------- */

static int parse_strategy(ecosys_removal_strategy *out, const char *text)
{
    for (int s = ECOSYS_REMOVAL_RANDOM; s <= ECOSYS_REMOVAL_BETWEENNESS; s++) {
        if (strcmp(text, ecosys_removal_strategy_name((ecosys_removal_strategy) s)) == 0) {
            *out = (ecosys_removal_strategy) s;
            return 0;
        }
    }
    return -1;
}

static const char *label_of(ecosys_removal_strategy s, int adaptive)
{
    switch (s) {
    case ECOSYS_REMOVAL_RANDOM:
        return "at random (mean over the runs)";
    case ECOSYS_REMOVAL_DEGREE:
        return adaptive ? "most connected first (recomputed)" : "most connected first (degree)";
    case ECOSYS_REMOVAL_STRENGTH:
        return adaptive ? "most engaged first (recomputed)" : "most engaged first (strength)";
    case ECOSYS_REMOVAL_BETWEENNESS:
        return adaptive ? "brokers first (recomputed)" : "brokers first (betweenness)";
    default:
        return "given order";
    }
}

static int by_harm(const void *x, const void *y)
{
    const departure *a = x, *b = y;
    double sa = a->r.largest[a->r.steps], sb = b->r.largest[b->r.steps];
    if (sa != sb)
        return sa < sb ? -1 : 1;
    return strcmp(a->name, b->name);
}

static int run(arguments *a)
{
    ecosys_report_format format;
    if (parse_format(&format, a->format))
        return usage_error("unknown format \"%s\": expected text, markdown or json", a->format);
    ecosys_removal_strategy strategy = ECOSYS_REMOVAL_DEGREE;
    if (a->strategy && parse_strategy(&strategy, a->strategy))
        return usage_error("unknown strategy \"%s\": expected random, degree, strength or "
                           "betweenness",
                           a->strategy);
    guint64 replicates = 100, seed = 1, threads = 0;
    if (a->replicates && parse_unsigned(&replicates, a->replicates, 1, G_MAXSIZE))
        return usage_error("--replicates must be a positive whole number, not \"%s\"",
                           a->replicates);
    if (a->seed && parse_unsigned(&seed, a->seed, 0, G_MAXUINT64))
        return usage_error("--seed must be a whole number, not \"%s\"", a->seed);
    if (a->threads && parse_unsigned(&threads, a->threads, 0, 4096))
        return usage_error("--threads must be a whole number from 0 to 4096, not \"%s\"",
                           a->threads);
    double threshold = ECOSYS_RESILIENCE_DEFAULT_THRESHOLD;
    if (a->threshold) {
        char *end = NULL;
        threshold = g_ascii_strtod(a->threshold, &end);
        if (!end || *end || !(threshold >= 0 && threshold <= 1))
            return usage_error("--threshold must be a number from 0 to 1, not \"%s\"",
                               a->threshold);
    }
    if (a->rest && a->rest[0] && a->rest[1])
        return usage_error("one DATASET at most (got also \"%s\")", a->rest[1]);

    int status = EXIT_FAILURE, rc;
    char *path = a->rest && a->rest[0] ? g_strdup(a->rest[0]) : bundled_dataset();
    if (!path)
        return EXIT_FAILURE;
    int bundled = !(a->rest && a->rest[0]);
    ecosys_dataset *ds = NULL;
    ecosys_graph *graph = NULL;
    ecosys_partition *partition = NULL;
    report rp;
    memset(&rp, 0, sizeof rp);
    rp.out = g_string_new(NULL);
    if ((rc = ecosys_dataset_read(&ds, path, ECOSYS_FORMAT_AUTO)) ||
        (rc = ecosys_graph_new(&graph, ds, NULL))) {
        print_error(rc);
        goto done;
    }
    rp.format = format;
    rp.title = bundled ? "Clermont (bundled illustrative dataset): resilience" : path;
    rp.graph = graph;
    rp.ds = ds;
    rp.n = ecosys_graph_actor_count(graph);
    rp.m = ecosys_graph_tie_count(graph);
    rp.group = a->group ? a->group : "sector";
    if (rp.n == 0) {
        fprintf(stderr, PROGRAM ": %s: no actor\n", path);
        goto done;
    }
    if ((rc = ecosys_partition_by_attribute(&partition, graph, rp.group))) {
        print_error(rc);
        status = EXIT_USAGE;
        goto done;
    }
    size_t removed_group = SIZE_MAX;
    if (a->remove_group &&
        (rc = ecosys_partition_find_group(&removed_group, partition, a->remove_group))) {
        fprintf(stderr, PROGRAM ": no %s is \"%s\"\n", rp.group, a->remove_group);
        status = EXIT_USAGE;
        goto done;
    }

    /* The scenarios: one strategy if asked, else the usual set. */
    struct {
        ecosys_removal_strategy s;
        int adaptive;
    } plan[6];
    size_t count = 0;
    if (a->strategy) {
        if (strategy != ECOSYS_REMOVAL_RANDOM) { /* chance, for comparison */
            plan[count].s = ECOSYS_REMOVAL_RANDOM;
            plan[count++].adaptive = 0;
        }
        plan[count].s = strategy;
        plan[count++].adaptive = a->adaptive;
    } else {
        ecosys_removal_strategy usual[] = {ECOSYS_REMOVAL_RANDOM, ECOSYS_REMOVAL_DEGREE,
                                           ECOSYS_REMOVAL_STRENGTH, ECOSYS_REMOVAL_BETWEENNESS};
        for (size_t i = 0; i < 4; i++) {
            plan[count].s = usual[i];
            plan[count++].adaptive = a->adaptive && usual[i] != ECOSYS_REMOVAL_RANDOM;
        }
    }
    rp.attack = count > 1 ? 1 : 0;
    for (size_t i = 0; i < count; i++) {
        ecosys_resilience_options o;
        ecosys_resilience_options_init(&o, ECOSYS_RESILIENCE_OPTIONS_VERSION);
        o.strategy = plan[i].s;
        o.adaptive = plan[i].adaptive;
        o.replicates = (size_t) replicates;
        o.seed = seed;
        o.threads = (unsigned int) threads;
        o.threshold = threshold;
        size_t last = SIZE_MAX;
        if (isatty(STDERR_FILENO) &&
            (plan[i].s == ECOSYS_REMOVAL_RANDOM || plan[i].s == ECOSYS_REMOVAL_BETWEENNESS)) {
            o.progress = draw_progress;
            o.progress_user = &last;
        }
        rp.scenarios[i].label = label_of(plan[i].s, plan[i].adaptive);
        if ((rc = ecosys_resilience_run(&rp.scenarios[i].r, graph, &o))) {
            print_error(rc);
            goto done;
        }
        rp.scenario_count = i + 1;
    }
    if (rp.scenarios[rp.attack].r.strategy == ECOSYS_REMOVAL_RANDOM)
        rp.attack = SIZE_MAX; /* --strategy random: no targeted order to tell */

    /* Each group's departure, ranked. */
    size_t k = ecosys_partition_group_count(partition);
    rp.departures = g_new0(departure, k);
    for (size_t g = 0; g < k; g++) {
        departure *d = &rp.departures[g];
        size_t *order = NULL;
        if ((rc = ecosys_resilience_group_order(&order, &d->size, partition, g))) {
            print_error(rc);
            goto done;
        }
        d->name = ecosys_partition_group_name(partition, g);
        ecosys_resilience_options o;
        ecosys_resilience_options_init(&o, ECOSYS_RESILIENCE_OPTIONS_VERSION);
        o.strategy = ECOSYS_REMOVAL_ORDER;
        o.order = order;
        o.order_length = d->size;
        o.threshold = threshold;
        rc = ecosys_resilience_run(&d->r, graph, &o);
        ecosys_resilience_order_free(order);
        if (rc) {
            print_error(rc);
            goto done;
        }
        rp.departure_count = g + 1;
    }
    const char *removed_name = removed_group != SIZE_MAX
                                   ? ecosys_partition_group_name(partition, removed_group)
                                   : NULL;
    qsort(rp.departures, rp.departure_count, sizeof *rp.departures, by_harm);
    for (size_t g = 0; removed_name && g < rp.departure_count; g++) {
        if (rp.departures[g].name == removed_name)
            rp.removed = &rp.departures[g];
    }

    if (rp.attack == SIZE_MAX) {
        /* only random asked: tell the degree attack all the same */
        ecosys_resilience_options o;
        ecosys_resilience_options_init(&o, ECOSYS_RESILIENCE_OPTIONS_VERSION);
        o.threshold = threshold;
        rp.scenarios[rp.scenario_count].label = label_of(ECOSYS_REMOVAL_DEGREE, 0);
        if ((rc = ecosys_resilience_run(&rp.scenarios[rp.scenario_count].r, graph, &o))) {
            print_error(rc);
            goto done;
        }
        rp.attack = rp.scenario_count++;
    }
    if (format == ECOSYS_REPORT_JSON)
        render_json(&rp);
    else
        render_text(&rp);
    status = write_report(a->output, rp.out->str, rp.out->len);

done:
    for (size_t i = 0; i < rp.scenario_count; i++)
        ecosys_resilience_dispose(&rp.scenarios[i].r);
    for (size_t g = 0; g < rp.departure_count; g++)
        ecosys_resilience_dispose(&rp.departures[g].r);
    g_free(rp.departures);
    g_string_free(rp.out, TRUE);
    ecosys_partition_free(partition);
    ecosys_graph_free(graph);
    ecosys_dataset_free(ds);
    g_free(path);
    return status;
}

int main(int argc, char **argv)
{
    arguments a;
    memset(&a, 0, sizeof a);
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_FILENAME, &a.format,
         "Output format: text (default), markdown or json", "FORMAT"},
        {"strategy", 's', 0, G_OPTION_ARG_FILENAME, &a.strategy,
         "Who leaves first: random, degree (the best connected), strength (the most engaged) "
         "or betweenness (the brokers); default: all four",
         "NAME"},
        {"adaptive", 'a', 0, G_OPTION_ARG_NONE, &a.adaptive,
         "Rank the actors again after each departure (betweenness: slow beyond a few "
         "thousand actors)",
         NULL},
        {"replicates", 'r', 0, G_OPTION_ARG_FILENAME, &a.replicates,
         "Random departure orders averaged (default: 100)", "N"},
        {"seed", 0, 0, G_OPTION_ARG_FILENAME, &a.seed,
         "Seed of the random orders: the same seed gives the same report (default: 1)", "N"},
        {"threads", 'j', 0, G_OPTION_ARG_FILENAME, &a.threads,
         "Threads for the random orders; 0 (default) one per core. The report does not "
         "depend on it",
         "N"},
        {"threshold", 0, 0, G_OPTION_ARG_FILENAME, &a.threshold,
         "Critical fraction: departures until the largest group holds this share of the "
         "actors or less (default: 0.5)",
         "X"},
        {"group", 'g', 0, G_OPTION_ARG_FILENAME, &a.group,
         "Actor attribute whose groups leave in turn (default: sector)", "ATTR"},
        {"remove-group", 0, 0, G_OPTION_ARG_FILENAME, &a.remove_group,
         "Also tell what happens when the actors of this --group value leave", "VALUE"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "Write the report to FILE instead of standard output", "FILE"},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &a.version, "Print the version and exit", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a.rest, NULL, "[DATASET]"},
        {NULL, 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL}};

    setlocale(LC_CTYPE, "");
    GOptionContext *context = g_option_context_new(NULL);
    g_option_context_set_summary(
        context, "How fragile is a social-innovation ecosystem network when actors leave? "
                 "Removes the actors one at a time (at random, the best connected, the most "
                 "engaged or the brokers first) and each group of --group in turn, and "
                 "reports how the largest connected group shrinks.\n\n"
                 "Without DATASET, the bundled Clermont dataset (illustrative data).");
    g_option_context_set_description(
        context, "A progress bar is shown on standard error when it is a terminal.\n"
                 "Exit status: 0 on success, 1 if the data cannot be read or the report "
                 "cannot be computed or written, 2 for a usage error.\n"
                 "Environment: ECOSYS_DATA_DIR, a directory holding clermont/, overrides "
                 "where the bundled dataset is looked for.\n"
                 "How to read the results: docs/measures.md, \"Resilience\".");
    int status = parse_command_line(context, entries, &argc, &argv, &a.version);
    if (status < 0)
        status = run(&a);
    char *strings[] = {a.format, a.strategy, a.replicates, a.seed, a.threads,
                       a.group,  a.remove_group, a.threshold, a.output};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        g_free(strings[i]);
    g_strfreev(a.rest);
    return status;
}
