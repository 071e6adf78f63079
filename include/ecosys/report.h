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

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats of a report. */
typedef enum ecosys_report_format {
    ECOSYS_REPORT_TEXT = 0,     /**< Plain text for a reader at a terminal. */
    ECOSYS_REPORT_MARKDOWN = 1, /**< Markdown tables. */
    ECOSYS_REPORT_JSON = 2      /**< JSON (docs/summary-json.md). */
} ecosys_report_format;

/** Version of ecosys_summary_options this header describes. Version 1
 * (every member up to graph_options) is still accepted: its callers get
 * the defaults of the members added since. */
#define ECOSYS_SUMMARY_OPTIONS_VERSION 2

/** Community detection of the summary (ecosys_summary_options::communities);
 * the first two values are those of ecosys_community_algorithm. */
typedef enum ecosys_summary_communities {
    ECOSYS_SUMMARY_COMMUNITIES_LEIDEN = 0,  /**< Leiden (the default). */
    ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN = 1, /**< Louvain. */
    ECOSYS_SUMMARY_COMMUNITIES_NONE = 2     /**< No communities: their members are null. */
} ecosys_summary_communities;

/** Default seed of the summary's random draws (E-I permutation test,
 * community detection). */
#define ECOSYS_SUMMARY_DEFAULT_SEED 1u

/** Default number of permutations of the E-I label-permutation test. */
#define ECOSYS_SUMMARY_DEFAULT_REPLICATES 1000u

/** Options of ecosys_summary_render(). */
typedef struct ecosys_summary_options {
    unsigned int version;        /**< ECOSYS_SUMMARY_OPTIONS_VERSION (or 1). */
    ecosys_report_format format; /**< Default: text. */
    const char *group;           /**< Actor attribute to break down by; NULL: "sector". */
    size_t top;                  /**< Actors listed per centrality in text/Markdown; 0: 5. */
    const char *title;           /**< Heading, e.g. the dataset's name or path; NULL: none beyond the default. */
    unsigned int flags;          /**< 0, or ECOSYS_WEIGHTED and/or ECOSYS_NO_PATHS combined with |
                                      (ecosys/measures.h). ECOSYS_WEIGHTED: path measures take
                                      1/weight as tie length, eigenvector and PageRank sum weights,
                                      the measures across groups (mixing, E-I, Blau, participation,
                                      structural holes, communities) sum weights as intensities;
                                      default hops and counts. Every format states which measures
                                      used weights. ECOSYS_NO_PATHS: skip the all-pairs path
                                      measures (see ecosys_summary_render()); default: computed. */
    const ecosys_graph_options *graph_options; /**< The options the graph was built with, so the
                                      report can describe its snapshot and filters (borrowed for the
                                      call); NULL: the report says they were not stated. */
    /* ---- version 2 ---- */
    uint64_t seed;               /**< Seed of the E-I label-permutation test and of community
                                      detection: the same seed gives the same report. Any value;
                                      default ECOSYS_SUMMARY_DEFAULT_SEED. */
    size_t replicates;           /**< Permutations of the E-I test; 0:
                                      ECOSYS_SUMMARY_DEFAULT_REPLICATES. */
    ecosys_summary_communities communities; /**< Community detection; default Leiden. */
    int skip_across_groups;      /**< Non-zero: skip the measures across groups (mixing, E-I,
                                      assortativity, Blau, participation, structural holes,
                                      brokerage roles, communities): their JSON members are null
                                      and text and Markdown leave their sections out. Default 0. */
} ecosys_summary_options;

/** Static initialiser for ecosys_summary_options. */
#define ECOSYS_SUMMARY_OPTIONS_INIT { ECOSYS_SUMMARY_OPTIONS_VERSION, ECOSYS_REPORT_TEXT, NULL, 0, \
                                      NULL, 0, NULL, ECOSYS_SUMMARY_DEFAULT_SEED, 0, \
                                      ECOSYS_SUMMARY_COMMUNITIES_LEIDEN, 0 }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill. With @p version 1 only the members of
 *                version 1 (up to graph_options) are written: a caller
 *                built against the version 1 header has no room for more.
 * @param version ECOSYS_SUMMARY_OPTIONS_VERSION, or 1.
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
 * Across groups (unless skip_across_groups), by the same group attribute:
 * the mixing matrix (ecosys/mixing.h; left out above
 * 200 groups), the E-I index of the network with its exact null and a
 * label-permutation test (@p replicates permutations drawn from @p seed),
 * of each group with its conditional null and of each actor, nominal
 * assortativity, Blau heterogeneity and participation of each actor's
 * partners; Burt's constraint, effective size, efficiency and hierarchy
 * and Gould-Fernandez brokerage roles with their z-scores
 * (ecosys/brokerage.h); communities detected with @p communities and
 * @p seed, their modularity, size, make-up by group and ties, and each
 * actor's community, within-module z, participation over the communities
 * and Guimera-Amaral role (ecosys/communities.h). Every value equals the
 * one the measure's own function returns with the summary's weighting and
 * the default mode (ECOSYS_MODE_ALL). Extra time
 * O(R (n + m) + sum_v d(v)^2 + sum_v d_in(v) d_out(v) log d) for R
 * replicates, plus community detection (near-linear): well under a second
 * at 10^4 actors.
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
 *         format, unknown communities value, flags other than
 *         ECOSYS_WEIGHTED and ECOSYS_NO_PATHS, or a
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
