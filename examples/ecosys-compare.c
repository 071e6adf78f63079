/* ecosys-compare: what changed between two waves of a social-innovation
 * ecosystem network, and is it more than chance? Text, Markdown or JSON.
 * See docs/programs.md.
 *
 *     ecosys-compare [OPTION...] [DATASET [DATASET2]]
 *
 * One DATASET: compares two snapshots of it (--before..., --after...).
 * Two: compares DATASET (before) with DATASET2 (after), actors matched by
 * id. None: the bundled Clermont dataset, before and after the French
 * Impact label (12 April 2019), coordinator cisca.
 * Exit status: 0 success, 1 the data cannot be read or the comparison
 * computed or written, 2 a usage error (unknown option, bad value). */
#include <ecosys.h>

/* Messages, option parsing, the bundled dataset and writing the report:
 * what the example programs share that is not about libecosys. */
#include "program_support.h"

#include <glib.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROGRAM "ecosys-compare"

/* The name in messages (program_support.h). */
const char program_name[] = PROGRAM;

/* The bundled comparison: the label was awarded on Friday 12 April 2019. */
#define LABEL_BEFORE_TO "2019-04-11"
#define LABEL_AFTER_FROM "2019-04-12"
#define LABEL_COORDINATOR "cisca"

typedef struct arguments {
    char *format;
    char *group;
    char *coordinator;
    char *before, *before_from, *before_to;
    char *after, *after_from, *after_to;
    char *replicates;
    char *seed;
    char *threads;
    char *null_model;
    char *title;
    char *output;
    gboolean no_paths;
    gboolean version;
    char **rest;
} arguments;

static void arguments_free(arguments *a)
{
    char *strings[] = {a->format,     a->group,      a->coordinator, a->before, a->before_from,
                       a->before_to,  a->after,      a->after_from,  a->after_to,
                       a->replicates, a->seed,       a->threads,     a->null_model,
                       a->title,      a->output};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        g_free(strings[i]);
    g_strfreev(a->rest);
}

/* The null models offered: what is tested. */
typedef enum null_choice {
    NULL_PLACEMENT = 0, /* exact tests + random placement of the same change */
    NULL_EXACT = 1,     /* exact tests only */
    NULL_NONE = 2       /* no significance */
} null_choice;

static int parse_null(null_choice *out, const char *text)
{
    if (!text || strcmp(text, "placement") == 0)
        *out = NULL_PLACEMENT;
    else if (strcmp(text, "exact") == 0)
        *out = NULL_EXACT;
    else if (strcmp(text, "none") == 0)
        *out = NULL_NONE;
    else
        return -1;
    return 0;
}

/* Snapshot options from --X DATE or --X-from/--X-to; 0, or a usage error
 * (printed) when both forms are given. */
static int snapshot_options(ecosys_graph_options *o, const char *which, const char *at,
                            const char *from, const char *to)
{
    ecosys_graph_options_init(o, ECOSYS_GRAPH_OPTIONS_VERSION);
    if (at && (from || to)) {
        char what[64];
        snprintf(what, sizeof what, "give either --%s or --%s-from/--%s-to", which, which,
                 which);
        return usage_error("%s, not both", what);
    }
    o->at = at;
    o->from = from;
    o->to = to;
    return 0;
}

/* "before (up to 2019-04-11)", "after (on 2020-01-01)", "before (in PATH,
 * from X to Y)", "before (all ties)": read as "53 ties before (...)". */
static char *snapshot_label(const char *wave, const ecosys_graph_options *o,
                            const char *dataset)
{
    char *when;
    if (o->at)
        when = g_strdup_printf("on %s", o->at);
    else if (o->from && o->to)
        when = g_strdup_printf("from %s to %s", o->from, o->to);
    else if (o->to)
        when = g_strdup_printf("up to %s", o->to);
    else if (o->from)
        when = g_strdup_printf("from %s", o->from);
    else
        when = g_strdup(dataset ? "" : "all ties");
    char *label = dataset ? g_strdup_printf("%s (in %s%s%s)", wave, dataset, when[0] ? ", " : "",
                                            when)
                          : g_strdup_printf("%s (%s)", wave, when);
    g_free(when);
    return label;
}

/* ---- progress bar on a terminal ---------------------------------------------------- */

typedef struct progress_bar {
    int shown;
    size_t last_percent;
} progress_bar;

static int draw_progress(size_t done, size_t total, void *user)
{
    progress_bar *bar = user;
    size_t percent = total ? done * 100 / total : 100;
    if (bar->shown && percent == bar->last_percent && done != total)
        return 0;
    bar->shown = 1;
    bar->last_percent = percent;
    char cells[41];
    size_t filled = percent * 40 / 100;
    for (size_t i = 0; i < 40; i++)
        cells[i] = i < filled ? '#' : ' ';
    cells[40] = '\0';
    fprintf(stderr, "\rTesting the change against chance [%s] %3zu%% (%zu/%zu)", cells, percent,
            done, total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
    return 0;
}

/* ---- the comparison ----------------------------------------------------------------- */

static int run(arguments *a)
{
    ecosys_waves_render_options ro;
    ecosys_waves_render_options_init(&ro, ECOSYS_WAVES_RENDER_OPTIONS_VERSION);
    if (parse_format(&ro.format, a->format))
        return usage_error("unknown format \"%s\": expected text, markdown or json", a->format);
    null_choice null_model;
    if (parse_null(&null_model, a->null_model))
        return usage_error("unknown --null \"%s\": expected placement, exact or none",
                           a->null_model);
    guint64 replicates = ECOSYS_WAVE_TEST_DEFAULT_REPLICATES, seed = 1, threads = 0;
    if (a->replicates && parse_unsigned(&replicates, a->replicates, 1, G_MAXSIZE))
        return usage_error("--replicates must be a positive whole number, not \"%s\"",
                           a->replicates);
    if (a->seed && parse_unsigned(&seed, a->seed, 0, G_MAXUINT64))
        return usage_error("--seed must be a whole number from 0 to 2^64 - 1, not \"%s\"",
                           a->seed);
    if (a->threads && parse_unsigned(&threads, a->threads, 0, 4096))
        return usage_error("--threads must be a whole number from 0 (one per core) to 4096, "
                           "not \"%s\"",
                           a->threads);
    size_t datasets = 0;
    while (a->rest && a->rest[datasets])
        datasets++;
    if (datasets > 2)
        return usage_error("two DATASETs at most (got also \"%s\")", a->rest[2]);
    const char *texts[] = {a->group,  a->coordinator, a->before, a->before_from, a->before_to,
                           a->after,  a->after_from,  a->after_to, a->title};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (texts[i] && !g_utf8_validate(texts[i], -1, NULL))
            return usage_error("an option value is not valid UTF-8%s", "");
    ecosys_graph_options bo, ao;
    if (snapshot_options(&bo, "before", a->before, a->before_from, a->before_to) ||
        snapshot_options(&ao, "after", a->after, a->after_from, a->after_to))
        return EXIT_USAGE;
    int any_date = bo.at || bo.from || bo.to || ao.at || ao.from || ao.to;
    int bundled = datasets == 0;
    if (bundled && !any_date) {
        bo.to = LABEL_BEFORE_TO;
        ao.from = LABEL_AFTER_FROM;
    } else if (datasets == 1 && !any_date) {
        return usage_error("%s", "one DATASET: give the two waves' dates (--before DATE or "
                                 "--before-from/--before-to, and --after...), or a second "
                                 "DATASET");
    }
    const char *coordinator = a->coordinator;
    if (bundled && !coordinator)
        coordinator = LABEL_COORDINATOR;
    if (coordinator && !coordinator[0])
        coordinator = NULL; /* --coordinator "": none */

    char *paths[2] = {NULL, NULL};
    if (bundled) {
        if (!(paths[0] = bundled_dataset()))
            return EXIT_FAILURE;
    } else {
        for (size_t i = 0; i < datasets; i++)
            paths[i] = g_strdup(a->rest[i]);
    }

    int status = EXIT_FAILURE;
    ecosys_dataset *ds[2] = {NULL, NULL};
    ecosys_graph *graph[2] = {NULL, NULL};
    ecosys_waves waves;
    memset(&waves, 0, sizeof waves);
    ecosys_wave_test test;
    memset(&test, 0, sizeof test);
    int have_test = 0;
    char *text = NULL, *labels[2] = {NULL, NULL}, *title = NULL;
    size_t length = 0;
    int rc;
    for (size_t i = 0; i < (datasets == 2 ? 2u : 1u); i++) {
        if ((rc = ecosys_dataset_read(&ds[i], paths[i], ECOSYS_FORMAT_AUTO))) {
            print_error(rc);
            goto done;
        }
    }
    const ecosys_dataset *second = ds[1] ? ds[1] : ds[0];
    if ((rc = ecosys_graph_new(&graph[0], ds[0], &bo)) ||
        (rc = ecosys_graph_new(&graph[1], second, &ao))) {
        print_error(rc);
        status = rc == ECOSYS_EINVAL ? EXIT_USAGE : EXIT_FAILURE;
        goto done;
    }

    ecosys_waves_options wo;
    ecosys_waves_options_init(&wo, ECOSYS_WAVES_OPTIONS_VERSION);
    wo.group = a->group;
    wo.coordinator = coordinator;
    wo.flags = a->no_paths ? (unsigned int) ECOSYS_NO_PATHS : 0u;
    wo.before_snapshot = &bo;
    wo.after_snapshot = &ao;
    if ((rc = ecosys_waves_compare(&waves, graph[0], graph[1], &wo))) {
        print_error(rc);
        status = rc == ECOSYS_EINVAL || rc == ECOSYS_ENOTFOUND ? EXIT_USAGE : EXIT_FAILURE;
        goto done;
    }

    if (null_model != NULL_NONE) {
        ecosys_wave_test_options to;
        ecosys_wave_test_options_init(&to, ECOSYS_WAVE_TEST_OPTIONS_VERSION);
        to.group = a->group;
        to.coordinator = coordinator;
        to.replicates = null_model == NULL_EXACT ? 0 : (size_t) replicates;
        to.seed = seed;
        to.threads = (unsigned int) threads;
        progress_bar bar = {0, 0};
        if (to.replicates > 0 && isatty(STDERR_FILENO)) {
            to.progress = draw_progress;
            to.user = &bar;
        }
        if ((rc = ecosys_wave_test_run(&test, graph[0], graph[1], &to))) {
            if (bar.shown)
                fputc('\n', stderr);
            print_error(rc);
            if (rc == ECOSYS_EINVAL)
                fprintf(stderr, PROGRAM ": (the significance tests need the same actors in "
                                        "both waves; --null none compares without them)\n");
            goto done;
        }
        have_test = 1;
        ro.significance = &test;
    }

    const char *names[2] = {NULL, NULL};
    if (datasets == 2) {
        names[0] = paths[0];
        names[1] = paths[1];
    }
    labels[0] = snapshot_label("before", &bo, names[0]);
    labels[1] = snapshot_label("after", &ao, names[1]);
    if (a->title)
        title = g_strdup(a->title);
    else if (bundled)
        title = g_strdup("Clermont (bundled illustrative dataset): before and after the "
                         "French Impact label (12 April 2019)");
    else if (datasets == 2)
        title = g_strdup_printf("%s and %s", paths[0], paths[1]);
    else
        title = g_strdup(paths[0]);
    ro.title = title;
    ro.before_label = labels[0];
    ro.after_label = labels[1];
    if ((rc = ecosys_waves_render(&text, &length, &waves, &ro))) {
        print_error(rc);
        goto done;
    }
    status = write_report(a->output, text, length);

done:
    ecosys_string_free(text);
    if (have_test)
        ecosys_wave_test_dispose(&test);
    ecosys_waves_dispose(&waves);
    for (int i = 0; i < 2; i++) {
        ecosys_graph_free(graph[i]);
        ecosys_dataset_free(ds[i]);
        g_free(paths[i]);
        g_free(labels[i]);
    }
    g_free(title);
    return status;
}

int main(int argc, char **argv)
{
    arguments a;
    memset(&a, 0, sizeof a);
    /* Values are taken as bytes (G_OPTION_ARG_FILENAME) and checked to be
     * UTF-8, so that no locale conversion can refuse them. */
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_FILENAME, &a.format,
         "Output format: text (default), markdown or json", "FORMAT"},
        {"group", 'g', 0, G_OPTION_ARG_FILENAME, &a.group,
         "Actor attribute whose values are the groups (crossing ties, E-I index; default: "
         "sector)",
         "ATTR"},
        {"coordinator", 'c', 0, G_OPTION_ARG_FILENAME, &a.coordinator,
         "Actor id of the coordinator whose introductions are tested (default: none; cisca "
         "on the bundled dataset)",
         "ID"},
        {"before", 0, 0, G_OPTION_ARG_FILENAME, &a.before,
         "First wave: ties active on DATE (YYYY, YYYY-MM or YYYY-MM-DD)", "DATE"},
        {"before-from", 0, 0, G_OPTION_ARG_FILENAME, &a.before_from,
         "First wave: ties active at some time from DATE on", "DATE"},
        {"before-to", 0, 0, G_OPTION_ARG_FILENAME, &a.before_to,
         "First wave: ties active at some time up to DATE", "DATE"},
        {"after", 0, 0, G_OPTION_ARG_FILENAME, &a.after, "Second wave: ties active on DATE",
         "DATE"},
        {"after-from", 0, 0, G_OPTION_ARG_FILENAME, &a.after_from,
         "Second wave: ties active at some time from DATE on", "DATE"},
        {"after-to", 0, 0, G_OPTION_ARG_FILENAME, &a.after_to,
         "Second wave: ties active at some time up to DATE", "DATE"},
        {"null", 0, 0, G_OPTION_ARG_FILENAME, &a.null_model,
         "What is tested against chance: placement (default: the exact tests of the new "
         "ties and the change of each measure against random placements of the same change), "
         "exact (the exact tests only), or none",
         "MODEL"},
        {"replicates", 'r', 0, G_OPTION_ARG_FILENAME, &a.replicates,
         "Random placements of the change (default: 1000)", "N"},
        {"seed", 0, 0, G_OPTION_ARG_FILENAME, &a.seed,
         "Seed of the random placements: the same seed gives the same report (default: 1)",
         "N"},
        {"threads", 'j', 0, G_OPTION_ARG_FILENAME, &a.threads,
         "Threads for the random placements; 0 (default) one per core. The report does not "
         "depend on it",
         "N"},
        {"no-paths", 0, 0, G_OPTION_ARG_NONE, &a.no_paths,
         "Skip betweenness centralization (O(n m)) in the measures of both waves", NULL},
        {"title", 't', 0, G_OPTION_ARG_FILENAME, &a.title, "Heading of the report", "TEXT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "Write the report to FILE instead of standard output", "FILE"},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &a.version, "Print the version and exit", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a.rest, NULL,
         "[DATASET [DATASET2]]"},
        {NULL, 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL}};

    setlocale(LC_CTYPE, "");
    GOptionContext *context = g_option_context_new(NULL);
    g_option_context_set_summary(
        context,
        "Compare two waves of a social-innovation ecosystem network: which ties formed, "
        "dissolved and persisted, between which groups and through whom, how every network "
        "measure changed, and whether the change is more than chance.\n\n"
        "One DATASET: its ties on two dates or intervals (--before..., --after...). Two "
        "DATASETs: the first is the before wave, the second the after wave, actors matched by "
        "id. Without DATASET, the bundled Clermont dataset (illustrative data) before "
        "(ties active up to " LABEL_BEFORE_TO ") and after (from " LABEL_AFTER_FROM
        ") the French Impact label, with coordinator " LABEL_COORDINATOR ".");
    g_option_context_set_description(
        context, "A progress bar is shown on standard error when it is a terminal.\n"
                 "Exit status: 0 on success, 1 if the data cannot be read or the report "
                 "cannot be computed or written, 2 for a usage error.\n"
                 "Environment: ECOSYS_DATA_DIR, a directory holding clermont/, overrides "
                 "where the bundled dataset is looked for.\n"
                 "How to read the tests: docs/measures.md, \"Significance of a wave "
                 "comparison\".");
    int status = parse_command_line(context, entries, &argc, &argv, &a.version);
    if (status < 0)
        status = run(&a);
    arguments_free(&a);
    return status;
}
