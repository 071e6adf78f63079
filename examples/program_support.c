/* See program_support.h. */
#include "program_support.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the bundled dataset lives (set by examples/CMakeLists.txt):
 * ECOSYS_RELATIVE_DATA_DIR from the directory of the installed program,
 * ECOSYS_SOURCE_DATA_DIR in the source tree (for the build tree). */
#ifndef ECOSYS_RELATIVE_DATA_DIR
#define ECOSYS_RELATIVE_DATA_DIR "../share/ecosys"
#endif
#ifndef ECOSYS_SOURCE_DATA_DIR
#define ECOSYS_SOURCE_DATA_DIR ""
#endif

void print_error(int rc)
{
    const ecosys_error *e = ecosys_error_last();
    const char *message = e->message[0] ? e->message : ecosys_strerror(rc);
    if (e->source[0] && e->line && e->column)
        fprintf(stderr, "%s: %s:%zu:%zu: %s\n", program_name, e->source, e->line, e->column,
                message);
    else if (e->source[0] && e->line)
        fprintf(stderr, "%s: %s:%zu: %s\n", program_name, e->source, e->line, message);
    else if (e->source[0])
        fprintf(stderr, "%s: %s: %s\n", program_name, e->source, message);
    else
        fprintf(stderr, "%s: %s\n", program_name, message);
}

int usage_error(const char *format, const char *value)
{
    fprintf(stderr, "%s: ", program_name);
    fprintf(stderr, format, value);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", program_name);
    return EXIT_USAGE;
}

int parse_command_line(GOptionContext *context, const GOptionEntry *entries, int *argc,
                       char ***argv, const gboolean *version)
{
    g_option_context_add_main_entries(context, entries, NULL);
    GError *error = NULL;
    int status = -1;
    if (!g_option_context_parse(context, argc, argv, &error)) {
        status = usage_error("%s", error->message);
        g_error_free(error);
    } else if (*version) {
        printf("%s (libecosys) %s\n", program_name, ecosys_version());
        status = EXIT_SUCCESS;
    }
    g_option_context_free(context);
    return status;
}

char *bundled_dataset(void)
{
    const char *env = g_getenv("ECOSYS_DATA_DIR");
    if (env && env[0]) {
        char *path = g_build_filename(env, "clermont", NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR))
            return path;
        fprintf(stderr, "%s: ECOSYS_DATA_DIR is set but %s is not a directory\n", program_name,
                path);
        g_free(path);
        return NULL;
    }
    char *tried[2] = {NULL, NULL};
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        char *bindir = g_path_get_dirname(exe);
        tried[0] = g_build_filename(bindir, ECOSYS_RELATIVE_DATA_DIR, "clermont", NULL);
        g_free(bindir);
        g_free(exe);
    }
    if (ECOSYS_SOURCE_DATA_DIR[0])
        tried[1] = g_build_filename(ECOSYS_SOURCE_DATA_DIR, "clermont", NULL);
    for (int i = 0; i < 2; i++) {
        if (tried[i] && g_file_test(tried[i], G_FILE_TEST_IS_DIR)) {
            char *found = tried[i];
            g_free(tried[1 - i]);
            return found;
        }
    }
    fprintf(stderr,
            "%s: the bundled Clermont dataset was not found (looked in %s and %s); "
            "give a DATASET or set ECOSYS_DATA_DIR\n",
            program_name, tried[0] ? tried[0] : "(installed location unknown)",
            tried[1] ? tried[1] : "(no source tree)");
    g_free(tried[0]);
    g_free(tried[1]);
    return NULL;
}

int parse_format(ecosys_report_format *out, const char *text)
{
    if (!text || strcmp(text, "text") == 0)
        *out = ECOSYS_REPORT_TEXT;
    else if (strcmp(text, "markdown") == 0 || strcmp(text, "md") == 0)
        *out = ECOSYS_REPORT_MARKDOWN;
    else if (strcmp(text, "json") == 0)
        *out = ECOSYS_REPORT_JSON;
    else
        return -1;
    return 0;
}

int parse_unsigned(guint64 *out, const char *text, guint64 min, guint64 max)
{
    return g_ascii_string_to_unsigned(text, 10, min, max, out, NULL) ? 0 : -1;
}

int write_report(const char *output, const char *text, size_t length)
{
    FILE *f = output ? fopen(output, "wb") : stdout;
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", program_name, output, strerror(errno));
        return EXIT_FAILURE;
    }
    size_t written = fwrite(text, 1, length, f);
    int failed = written != length || fflush(f) != 0 || ferror(f);
    int saved = errno;
    if (output && fclose(f) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        fprintf(stderr, "%s: %s: %s\n", program_name, output ? output : "standard output",
                strerror(saved));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
