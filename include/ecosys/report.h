/**
 * @file ecosys/report.h
 * @brief The network summary as text, Markdown or JSON.
 *
 * The summary gathers the graph-level structure, every actor's centralities
 * and a breakdown by one categorical attribute (default "sector"). The JSON
 * layout is documented in docs/summary-json.md; names of measures are the
 * same in C, Python and JSON.
 */
#ifndef ECOSYS_REPORT_H
#define ECOSYS_REPORT_H

#include "ecosys/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats of a report. */
typedef enum ecosys_report_format {
    ECOSYS_REPORT_TEXT = 0,     /**< Plain text for a reader at a terminal. */
    ECOSYS_REPORT_MARKDOWN = 1, /**< Markdown tables. */
    ECOSYS_REPORT_JSON = 2      /**< JSON (docs/summary-json.md). */
} ecosys_report_format;

/** Version of ecosys_summary_options this header describes. */
#define ECOSYS_SUMMARY_OPTIONS_VERSION 1

/** Options of ecosys_summary_render(). */
typedef struct ecosys_summary_options {
    unsigned int version;        /**< ECOSYS_SUMMARY_OPTIONS_VERSION. */
    ecosys_report_format format; /**< Default: text. */
    const char *group;           /**< Actor attribute to break down by; NULL: "sector". */
    size_t top;                  /**< Actors listed per centrality in text/Markdown; 0: 5. */
    const char *title;           /**< Heading; NULL: none beyond the default. */
} ecosys_summary_options;

/** Static initialiser for ecosys_summary_options. */
#define ECOSYS_SUMMARY_OPTIONS_INIT { ECOSYS_SUMMARY_OPTIONS_VERSION, ECOSYS_REPORT_TEXT, NULL, 0, NULL }

/**
 * Initialises options to their defaults.
 *
 * @return 0, or ECOSYS_EINVAL for an unknown version.
 */
ECOSYS_EXTERN int ecosys_summary_options_init(ecosys_summary_options *options,
                                              unsigned int version);

/**
 * Renders the summary of a graph.
 *
 * @param out_text receives a NUL-terminated UTF-8 string; free it with
 *                 ecosys_string_free().
 * @param out_length receives its length in bytes (may be NULL).
 * @param options NULL for defaults.
 * @return 0; ECOSYS_EINVAL (unknown group attribute, bad option);
 *         ECOSYS_ENOMEM; ECOSYS_ECOMPUTE.
 */
ECOSYS_EXTERN int ecosys_summary_render(char **out_text, size_t *out_length,
                                        const ecosys_graph *graph,
                                        const ecosys_summary_options *options);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_REPORT_H */
