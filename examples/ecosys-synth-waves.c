/* ecosys-synth-waves: writes a synthetic two-wave ecosystem in which a
 * coordinator introduces its contacts to each other across sectors, as a
 * CSV dataset directory. See docs/programs.md; the model is described in
 * examples/synth/synth_waves.h and docs/measures.md ("Calibration").
 *
 *     ecosys-synth-waves [OPTION...] OUTDIR
 *
 * Exit status: 0 success, 1 the dataset cannot be made or written, 2 a
 * usage error (unknown option, bad value, missing OUTDIR). */
#include <ecosys.h>

/* Messages, option parsing, the bundled dataset and writing the report:
 * what the example programs share that is not about libecosys. */
#include "program_support.h"
#include "synth/synth_waves.h"

#include <glib.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#define PROGRAM "ecosys-synth-waves"

/* The name in messages (program_support.h). */
const char program_name[] = PROGRAM;

typedef struct arguments {
    char *actors, *sectors, *territories, *mean_degree, *coordinator_degree, *dissolution,
        *formed, *closure, *effect, *seed;
    gboolean version;
    char **rest;
} arguments;

static void arguments_free(arguments *a)
{
    char *all[] = {a->actors,      a->sectors, a->territories, a->mean_degree, a->coordinator_degree,
                   a->dissolution, a->formed,  a->closure,     a->effect,      a->seed};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        g_free(all[i]);
    g_strfreev(a->rest);
}

/* A whole number in [min, max] (NULL: left as is); -1 if it is not. */
static int parse_size(size_t *out, const char *text, guint64 min, guint64 max)
{
    guint64 v = 0;
    if (!text)
        return 0;
    if (parse_unsigned(&v, text, min, max))
        return -1;
    *out = (size_t) v;
    return 0;
}

/* A finite number in [min, max] (NULL: left as is); -1 if it is not. */
static int parse_double(double *out, const char *text, double min, double max)
{
    if (!text)
        return 0;
    char *end = NULL;
    double v = g_ascii_strtod(text, &end);
    if (!text[0] || *end || !(v >= min && v <= max))
        return -1;
    *out = v;
    return 0;
}

static int run(arguments *a)
{
    synth_waves_params p;
    synth_waves_params_default(&p);
    guint64 seed64 = p.seed;
    if (parse_size(&p.actors, a->actors, 4, G_MAXUINT32))
        return usage_error("--actors must be a whole number from 4 to 2^32 - 1, not \"%s\"",
                           a->actors);
    if (parse_size(&p.sectors, a->sectors, 1, SYNTH_WAVES_MAX_SECTORS))
        return usage_error("--sectors must be a whole number from 1 to 8, not \"%s\"",
                           a->sectors);
    if (parse_size(&p.territories, a->territories, 1, G_MAXUINT32))
        return usage_error("--territories must be a positive whole number, not \"%s\"",
                           a->territories);
    if (parse_double(&p.mean_degree, a->mean_degree, 0.0, 1e9))
        return usage_error("--mean-degree must be a number >= 0, not \"%s\"", a->mean_degree);
    if (parse_size(&p.coordinator_degree, a->coordinator_degree, 0, G_MAXUINT32))
        return usage_error("--coordinator-degree must be a whole number, not \"%s\"",
                           a->coordinator_degree);
    if (parse_double(&p.dissolution, a->dissolution, 0.0, 1.0))
        return usage_error("--dissolution must be a number from 0 to 1, not \"%s\"",
                           a->dissolution);
    if (parse_size(&p.formed, a->formed, 0, G_MAXUINT32))
        return usage_error("--formed must be a whole number, not \"%s\"", a->formed);
    if (parse_double(&p.closure, a->closure, 0.0, 1.0))
        return usage_error("--closure must be a number from 0 to 1, not \"%s\"", a->closure);
    if (parse_size(&p.introductions, a->effect, 0, G_MAXUINT32))
        return usage_error("--effect must be a whole number of introductions, not \"%s\"",
                           a->effect);
    if (a->seed && parse_unsigned(&seed64, a->seed, 0, G_MAXUINT64))
        return usage_error("--seed must be a whole number from 0 to 2^64 - 1, not \"%s\"",
                           a->seed);
    p.seed = seed64;
    if (p.coordinator_degree >= p.actors)
        return usage_error("--coordinator-degree must be smaller than --actors%s", "");
    if (!a->rest || !a->rest[0])
        return usage_error("missing OUTDIR, the directory to write the dataset to%s", "");
    if (a->rest[1])
        return usage_error("one OUTDIR only (got also \"%s\")", a->rest[1]);

    ecosys_dataset *ds = NULL;
    synth_waves_info info;
    int rc = synth_waves_generate(&ds, &info, &p);
    if (rc == ECOSYS_EINVAL)
        return usage_error("these parameters ask for more ties than the model can place "
                           "(before ties + formed + effect must be at most a quarter of "
                           "n(n-1), and the closing ties no more than the closing pairs)%s",
                           "");
    if (rc) {
        fprintf(stderr, PROGRAM ": %s\n", ecosys_strerror(rc));
        return EXIT_FAILURE;
    }
    rc = ecosys_dataset_write(ds, a->rest[0], ECOSYS_FORMAT_CSV);
    if (rc) {
        const ecosys_error *e = ecosys_error_last();
        fprintf(stderr, PROGRAM ": %s: %s\n", a->rest[0],
                e->message[0] ? e->message : ecosys_strerror(rc));
        ecosys_dataset_free(ds);
        return EXIT_FAILURE;
    }
    printf("%zu actors, %zu ties written to %s\n"
           "before (%s): %zu ties, %zu of them dissolve\n"
           "after (%s): %zu introductions by \"%s\", %zu ties closing a triad, %zu at random\n",
           ecosys_dataset_actor_count(ds), ecosys_dataset_tie_count(ds), a->rest[0],
           SYNTH_WAVES_BEFORE_DATE, info.ties_before, info.dissolved, SYNTH_WAVES_AFTER_DATE,
           info.introductions, SYNTH_WAVES_COORDINATOR_ID, info.formed_closing,
           info.formed_uniform);
    ecosys_dataset_free(ds);
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    arguments a = {0};
    GOptionEntry entries[] = {
        {"actors", 'n', 0, G_OPTION_ARG_FILENAME, &a.actors, "Actors, the coordinator included "
                                                             "(default: 200)", "N"},
        {"sectors", 0, 0, G_OPTION_ARG_FILENAME, &a.sectors,
         "Sectors, 1 to 8, drawn uniformly (default: 5)", "K"},
        {"territories", 0, 0, G_OPTION_ARG_FILENAME, &a.territories,
         "Territories T1..TK, drawn uniformly (default: 1)", "K"},
        {"mean-degree", 'd', 0, G_OPTION_ARG_FILENAME, &a.mean_degree,
         "Mean degree of the before wave (default: 6)", "D"},
        {"coordinator-degree", 0, 0, G_OPTION_ARG_FILENAME, &a.coordinator_degree,
         "Contacts of the coordinator before (default: 30)", "K"},
        {"dissolution", 0, 0, G_OPTION_ARG_FILENAME, &a.dissolution,
         "Share of before ties that dissolve (default: 0.3)", "SHARE"},
        {"formed", 0, 0, G_OPTION_ARG_FILENAME, &a.formed,
         "Background ties formed between the waves (default: 300)", "M"},
        {"closure", 0, 0, G_OPTION_ARG_FILENAME, &a.closure,
         "Share of the background ties that close a triad through any broker (default: 0)",
         "SHARE"},
        {"effect", 'e', 0, G_OPTION_ARG_FILENAME, &a.effect,
         "Introductions: ties the coordinator makes between two of its contacts of "
         "different sectors (default: 0, no effect)",
         "N"},
        {"seed", 's', 0, G_OPTION_ARG_FILENAME, &a.seed,
         "Seed: the same parameters and seed give the same files (default: 1)", "S"},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &a.version, "Print the version and exit", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a.rest, NULL, "OUTDIR"},
        {NULL, 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL}};

    setlocale(LC_CTYPE, "");
    GOptionContext *context = g_option_context_new(NULL);
    g_option_context_set_summary(
        context,
        "Write a synthetic two-wave ecosystem as a CSV dataset (OUTDIR/actors.csv and "
        "OUTDIR/collaborations.csv). The before wave is the snapshot at " SYNTH_WAVES_BEFORE_DATE
        ", the after wave the one at " SYNTH_WAVES_AFTER_DATE ". Actor \"" SYNTH_WAVES_COORDINATOR_ID
        "\" is a hub; with --effect it introduces pairs of its contacts from different sectors. "
        "The tie column \"origin\" says how each tie was made (persisting, dissolved, "
        "introduction, closure, random).");
    g_option_context_set_description(
        context, "Exit status: 0 on success, 1 if the dataset cannot be written, 2 for a usage "
                 "error.\nThe model: examples/synth/synth_waves.h and docs/measures.md, "
                 "\"Calibration\".");
    int status = parse_command_line(context, entries, &argc, &argv, &a.version);
    if (status < 0)
        status = run(&a);
    arguments_free(&a);
    return status;
}
