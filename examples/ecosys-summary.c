/* ecosys-summary: a readable summary of a social-innovation ecosystem
 * network, as text, Markdown or JSON. See docs/programs.md.
 *
 *     ecosys-summary [OPTION...] [DATASET]
 *
 * DATASET is a CSV dataset directory, a .graphml file or a .json file;
 * without it the program summarises the bundled Clermont dataset.
 * Exit status: 0 success, 1 the dataset cannot be read or the summary
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

#define PROGRAM "ecosys-summary"

/* The name in messages (program_support.h). */
const char program_name[] = PROGRAM;

typedef struct arguments {
    char *format;
    char *group;
    gint top;
    gboolean weighted;
    gboolean no_paths;
    char *seed;
    char *replicates;
    char *communities;
    gboolean no_across_groups;
    char *at;
    char *from;
    char *to;
    char *axis;
    char *kind;
    char *territory;
    gboolean directed;
    gboolean undirected;
    gboolean drop_isolates;
    char *title;
    char *output;
    gboolean version;
    char **rest;
} arguments;

static void arguments_free(arguments *a)
{
    g_free(a->format);
    g_free(a->group);
    g_free(a->seed);
    g_free(a->replicates);
    g_free(a->communities);
    g_free(a->at);
    g_free(a->from);
    g_free(a->to);
    g_free(a->axis);
    g_free(a->kind);
    g_free(a->territory);
    g_free(a->title);
    g_free(a->output);
    g_strfreev(a->rest);
}

static int parse_communities(ecosys_summary_communities *out, const char *text)
{
    if (!text || strcmp(text, "leiden") == 0)
        *out = ECOSYS_SUMMARY_COMMUNITIES_LEIDEN;
    else if (strcmp(text, "louvain") == 0)
        *out = ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN;
    else if (strcmp(text, "none") == 0)
        *out = ECOSYS_SUMMARY_COMMUNITIES_NONE;
    else
        return -1;
    return 0;
}

static int run(arguments *a)
{
    ecosys_summary_options so = ECOSYS_SUMMARY_OPTIONS_INIT;
    ecosys_graph_options go = ECOSYS_GRAPH_OPTIONS_INIT;
    if (parse_format(&so.format, a->format))
        return usage_error("unknown format \"%s\": expected text, markdown or json", a->format);
    if (a->top < 1)
        return usage_error("--top must be a positive number of actors%s", "");
    if (parse_communities(&so.communities, a->communities))
        return usage_error("unknown --communities \"%s\": expected leiden, louvain or none",
                           a->communities);
    guint64 seed = ECOSYS_SUMMARY_DEFAULT_SEED, replicates = ECOSYS_SUMMARY_DEFAULT_REPLICATES;
    if (a->seed && parse_unsigned(&seed, a->seed, 0, G_MAXUINT64))
        return usage_error("--seed must be a whole number from 0 to 2^64 - 1, not \"%s\"",
                           a->seed);
    if (a->replicates && parse_unsigned(&replicates, a->replicates, 1, G_MAXSIZE))
        return usage_error("--replicates must be a positive whole number, not \"%s\"",
                           a->replicates);
    if (a->directed && a->undirected)
        return usage_error("give either --directed or --undirected, not both%s", "");
    if (a->rest && a->rest[0] && a->rest[1])
        return usage_error("one DATASET at most (got also \"%s\")", a->rest[1]);
    const char *texts[] = {a->group, a->seed,  a->replicates, a->communities, a->at, a->from,
                           a->to,    a->axis, a->kind,       a->territory,    a->title};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (texts[i] && !g_utf8_validate(texts[i], -1, NULL))
            return usage_error("an option value is not valid UTF-8%s", "");

    char *path = NULL;
    if (a->rest && a->rest[0])
        path = g_strdup(a->rest[0]);
    else if (!(path = bundled_dataset()))
        return EXIT_FAILURE;

    int status = EXIT_FAILURE;
    ecosys_dataset *ds = NULL;
    ecosys_graph *graph = NULL;
    char *text = NULL;
    size_t length = 0;
    int rc = ecosys_dataset_read(&ds, path, ECOSYS_FORMAT_AUTO);
    if (rc) {
        print_error(rc);
        goto done;
    }

    go.direction = a->directed     ? ECOSYS_DIRECTION_DIRECTED
                   : a->undirected ? ECOSYS_DIRECTION_UNDIRECTED
                                   : ECOSYS_DIRECTION_AS_DATASET;
    go.at = a->at;
    go.from = a->from;
    go.to = a->to;
    go.axis = a->axis;
    go.kind = a->kind;
    go.territory = a->territory;
    go.drop_isolates = a->drop_isolates;
    if ((rc = ecosys_graph_new(&graph, ds, &go))) {
        print_error(rc);
        status = rc == ECOSYS_EINVAL ? EXIT_USAGE : EXIT_FAILURE;
        goto done;
    }

    char *default_title = a->rest && a->rest[0]
                              ? g_strdup(path)
                              : g_strdup("Clermont (bundled illustrative dataset)");
    so.group = a->group;
    so.top = (size_t) a->top;
    so.title = a->title ? a->title : default_title;
    so.flags = (a->weighted ? (unsigned int) ECOSYS_WEIGHTED : 0u) |
               (a->no_paths ? (unsigned int) ECOSYS_NO_PATHS : 0u);
    so.graph_options = &go;
    so.seed = seed;
    so.replicates = (size_t) replicates;
    so.skip_across_groups = a->no_across_groups;
    rc = ecosys_summary_render(&text, &length, graph, &so);
    g_free(default_title);
    if (rc) {
        print_error(rc);
        status = rc == ECOSYS_EINVAL ? EXIT_USAGE : EXIT_FAILURE;
        goto done;
    }
    status = write_report(a->output, text, length);

done:
    ecosys_string_free(text);
    ecosys_graph_free(graph);
    ecosys_dataset_free(ds);
    g_free(path);
    return status;
}

int main(int argc, char **argv)
{
    arguments a = {0};
    a.top = 5;
    /* Values are taken as bytes (G_OPTION_ARG_FILENAME) and checked to be
     * UTF-8, so that no locale conversion can refuse them. */
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_FILENAME, &a.format,
         "Output format: text (default), markdown or json", "FORMAT"},
        {"group", 'g', 0, G_OPTION_ARG_FILENAME, &a.group,
         "Actor attribute to break the network down by (default: sector)", "ATTR"},
        {"top", 'n', 0, G_OPTION_ARG_INT, &a.top,
         "Actors listed per centrality in text and Markdown (default: 5)", "N"},
        {"weighted", 'w', 0, G_OPTION_ARG_NONE, &a.weighted,
         "Use tie weights: a tie's length is 1/weight in path measures, eigenvector and "
         "PageRank sum weights (default: hops, weights ignored)",
         NULL},
        {"no-paths", 0, 0, G_OPTION_ARG_NONE, &a.no_paths,
         "Skip the all-pairs path measures (betweenness, closeness, harmonic closeness, "
         "diameter, mean distance; O(n m)): they read n/a (JSON null). Recommended above "
         "about 20,000 actors",
         NULL},
        {"seed", 0, 0, G_OPTION_ARG_FILENAME, &a.seed,
         "Seed of the E-I permutation test and of community detection: the same seed gives "
         "the same report (default: 1)",
         "N"},
        {"replicates", 0, 0, G_OPTION_ARG_FILENAME, &a.replicates,
         "Random reshufflings of the group labels in the E-I permutation test, which gives "
         "its p-value (default: 1000)",
         "N"},
        {"communities", 0, 0, G_OPTION_ARG_FILENAME, &a.communities,
         "Community detection: leiden (default), louvain, or none to skip communities",
         "METHOD"},
        {"no-across-groups", 0, 0, G_OPTION_ARG_NONE, &a.no_across_groups,
         "Skip the sections across groups (E-I index, mixing matrix, brokers, communities): "
         "their JSON members read null",
         NULL},
        {"at", 0, 0, G_OPTION_ARG_FILENAME, &a.at,
         "Only ties active on DATE (YYYY, YYYY-MM or YYYY-MM-DD)", "DATE"},
        {"from", 0, 0, G_OPTION_ARG_FILENAME, &a.from,
         "Only ties active at some time from DATE on", "DATE"},
        {"to", 0, 0, G_OPTION_ARG_FILENAME, &a.to, "Only ties active at some time up to DATE",
         "DATE"},
        {"axis", 0, 0, G_OPTION_ARG_FILENAME, &a.axis, "Only ties on this thematic axis", "AXIS"},
        {"kind", 0, 0, G_OPTION_ARG_FILENAME, &a.kind, "Only ties of this kind", "KIND"},
        {"territory", 0, 0, G_OPTION_ARG_FILENAME, &a.territory,
         "Only actors of this territory and the ties between them", "TERRITORY"},
        {"directed", 0, 0, G_OPTION_ARG_NONE, &a.directed,
         "Treat ties as directed (source -> target)", NULL},
        {"undirected", 0, 0, G_OPTION_ARG_NONE, &a.undirected,
         "Treat ties as undirected even if the dataset is directed", NULL},
        {"drop-isolates", 0, 0, G_OPTION_ARG_NONE, &a.drop_isolates,
         "Leave out actors without ties after filtering", NULL},
        {"title", 't', 0, G_OPTION_ARG_FILENAME, &a.title,
         "Heading of the report (default: the dataset path)", "TEXT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "Write the report to FILE instead of standard output", "FILE"},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &a.version, "Print the version and exit", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a.rest, NULL, "[DATASET]"},
        {NULL, 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL}};

    /* Character set only, for GLib's messages; numbers keep the C locale. */
    setlocale(LC_CTYPE, "");
    /* The usage line gets "[DATASET]" from the G_OPTION_REMAINING entry. */
    GOptionContext *context = g_option_context_new(NULL);
    g_option_context_set_summary(
        context, "Summarise a social-innovation ecosystem network: headline figures, the most "
                 "central actors, a breakdown by group, how ties cross groups (E-I index, "
                 "mixing matrix), brokers and communities.\n\nDATASET is a directory holding "
                 "actors.csv and collaborations.csv, a .graphml file or a .json (node-link) "
                 "file. Without DATASET, the bundled Clermont dataset (illustrative data) is "
                 "used.");
    g_option_context_set_description(
        context, "Exit status: 0 on success, 1 if the dataset cannot be read or the report "
                 "cannot be written, 2 for a usage error.\n"
                 "Environment: ECOSYS_DATA_DIR, a directory holding clermont/, overrides "
                 "where the bundled dataset is looked for.\n"
                 "The JSON layout is documented in docs/summary-json.md.");
    int status = parse_command_line(context, entries, &argc, &argv, &a.version);
    if (status < 0)
        status = run(&a);
    arguments_free(&a);
    return status;
}
