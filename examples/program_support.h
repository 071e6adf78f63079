/* What the example programs (ecosys-summary, ecosys-compare,
 * ecosys-synth-waves) share and that is not about libecosys itself: error
 * and usage messages, command-line parsing, where the bundled Clermont
 * dataset is, writing the report. Internal to the examples: compiled into
 * each program by examples/CMakeLists.txt, neither installed nor part of
 * the library's API. */
#ifndef ECOSYS_EXAMPLES_PROGRAM_SUPPORT_H
#define ECOSYS_EXAMPLES_PROGRAM_SUPPORT_H

#include <ecosys.h>

#include <glib.h>

#include <stddef.h>

/* Exit status of a usage error (unknown option, bad value). */
enum { EXIT_USAGE = 2 };

/* The program's name in its messages; each program defines it. */
extern const char program_name[];

/* "PROGRAM: FILE:LINE:COLUMN: message" when the library knows where the
 * problem is (ecosys_error_last()), "PROGRAM: message" otherwise. */
void print_error(int rc);

/* Prints "PROGRAM: " @p format (with @p value) and a hint to --help on
 * standard error; returns EXIT_USAGE. */
int usage_error(const char *format, const char *value);

/* Parses the command line with @p context and its main @p entries, then
 * frees the context. Returns -1 when the program is to run; else its exit
 * status: EXIT_USAGE after a parse error (printed), EXIT_SUCCESS after
 * printing the version if *@p version was asked for. */
int parse_command_line(GOptionContext *context, const GOptionEntry *entries, int *argc,
                       char ***argv, const gboolean *version);

/* The bundled Clermont dataset: $ECOSYS_DATA_DIR/clermont if the variable
 * is set; else next to the installed program (ECOSYS_RELATIVE_DATA_DIR);
 * else in the source tree (ECOSYS_SOURCE_DATA_DIR, for the build tree).
 * Returns a new string, or NULL (with a message printed) if none exists. */
char *bundled_dataset(void);

/* text (also NULL), markdown (md) or json; -1 for anything else. */
int parse_format(ecosys_report_format *out, const char *text);

/* A whole number from @p min to @p max in decimal; -1 if it is not. */
int parse_unsigned(guint64 *out, const char *text, guint64 min, guint64 max);

/* Writes the report to FILE @p output, or standard output if NULL.
 * EXIT_SUCCESS or EXIT_FAILURE (message printed). */
int write_report(const char *output, const char *text, size_t length);

#endif
