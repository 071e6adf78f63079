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
    const char *title;           /**< Heading, e.g. the dataset's name or path; NULL: none beyond the default. */
    unsigned int flags;          /**< 0, or ECOSYS_WEIGHTED and/or ECOSYS_NO_PATHS combined with |
                                      (ecosys/measures.h). ECOSYS_WEIGHTED: path measures take
                                      1/weight as tie length, eigenvector and PageRank sum weights;
                                      default hops. Every format states which measures used weights.
                                      ECOSYS_NO_PATHS: skip the all-pairs path measures (see
                                      ecosys_summary_render()); default: computed. */
    const ecosys_graph_options *graph_options; /**< The options the graph was built with, so the
                                      report can describe its snapshot and filters (borrowed for the
                                      call); NULL: the report says they were not stated. */
} ecosys_summary_options;

/** Static initialiser for ecosys_summary_options. */
#define ECOSYS_SUMMARY_OPTIONS_INIT { ECOSYS_SUMMARY_OPTIONS_VERSION, ECOSYS_REPORT_TEXT, NULL, 0, \
                                      NULL, 0, NULL }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_SUMMARY_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL for an unknown version or NULL @p options.
 */
ECOSYS_EXTERN int ecosys_summary_options_init(ecosys_summary_options *options,
                                              unsigned int version);

/**
 * Renders the summary of a graph.
 *
 * Computes once, then renders: the graph's bookkeeping (ecosys_graph_info),
 * its structure (ecosys_structure_compute()), every actor's degree,
 * strength, betweenness (raw and normalised), closeness (normalised),
 * harmonic closeness (normalised), eigenvector, PageRank (damping 0.85),
 * local clustering, core number and component, the top actors of each
 * centrality (equal values in input order) and, per value of the group
 * attribute, its actors, the ties inside it and to other groups, and their
 * mean degree. Time O(n m) (weighted: O(n m log n)), dominated by the path
 * measures.
 *
 * With ECOSYS_NO_PATHS in the flags the path measures are skipped:
 * betweenness (raw and normalised), closeness and harmonic closeness of
 * every actor are NaN (JSON null, text "n/a"), the structure is computed
 * with ECOSYS_NO_PATHS (diameter, mean distance, betweenness and closeness
 * centralization NaN), text and Markdown leave out the top lists of those
 * measures and say why in one line, and the JSON options record
 * "paths": false. Everything else is unchanged, and costs O(m d) for the
 * triangles (d the largest degree) plus what eigenvector and PageRank take:
 * seconds at 10^5 actors and 5 x 10^5 ties instead of hours. Recommended
 * above about 20,000 actors.
 *
 * Memory: every format fails with ECOSYS_ENOMEM when an allocation fails.
 *
 * @param out_text receives a NUL-terminated UTF-8 string ending with a
 *                 newline; free it with ecosys_string_free(). Set to NULL
 *                 on failure.
 * @param out_length receives its length in bytes (may be NULL).
 * @param graph the graph to summarise (borrowed).
 * @param options NULL for defaults.
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown options version, unknown
 *         format, flags other than ECOSYS_WEIGHTED and ECOSYS_NO_PATHS, or a
 *         group attribute the actors do not have: the message lists those
 *         they have);
 *         ECOSYS_ENOMEM; ECOSYS_ECOMPUTE.
 */
ECOSYS_EXTERN int ecosys_summary_render(char **out_text, size_t *out_length,
                                        const ecosys_graph *graph,
                                        const ecosys_summary_options *options);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_REPORT_H */
