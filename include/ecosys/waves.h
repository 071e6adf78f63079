/**
 * @file ecosys/waves.h
 * @brief Waves: what changed between two snapshots of an ecosystem.
 *
 * Compares two graphs whose actors share ids: two snapshots of one dataset
 * (dates or intervals, see ecosys_graph_options), or graphs of two datasets
 * whose actors are matched by id. docs/measures.md, "Waves", gives every
 * definition and how an evaluator reads the result.
 *
 * Conventions:
 * - **Actors.** The union of the two graphs' vertices, matched by id. Union
 *   actor i < n1 is vertex i of the first ("before") graph; the actors found
 *   only in the second ("after") graph follow, in its vertex order. Every
 *   index in a result is a union index into ecosys_waves.actor_ids.
 * - **Ties.** A tie is an edge of a graph, after the graph's rules (weight 0
 *   is not a tie, self-ties ignored, repeated ties merged into one): an
 *   unordered pair of actors in undirected graphs, an ordered pair in
 *   directed ones (a->b and b->a are two ties). Weights play no part:
 *   a tie that persists with another weight persists. A tie is *formed* if
 *   its pair is a tie after but not before, *dissolved* if before but not
 *   after, *persisting* if in both.
 * - **Presence.** An actor is *present* in a wave if it has at least one tie
 *   there (default), or, with ECOSYS_WAVES_PRESENCE_VERTEX, if it is a vertex
 *   of the wave's graph, isolates included. The default suits snapshots of
 *   one dataset, where every actor of the table is a vertex of both graphs:
 *   an actor *enters* when its first tie appears. *Entering*: present after,
 *   not before; *leaving*: present before, not after.
 * - **Groups.** Each union actor has one group (default: the actor
 *   attribute "sector"), taken from the first graph where the actor is a
 *   vertex (the before graph if it is in both); groups of the two waves are
 *   matched by name. Both waves' E-I index and brokerage use this grouping.
 * - **Axes.** A tie's axes are the values of the @c axis field of the
 *   dataset ties merged into it (empty axis: the axis named ""). A tie whose
 *   merged ties carry several axes counts once under each of them, so the
 *   counts by axis may sum to more than the ties. Formed ties take the axes
 *   of the after wave, dissolved ones those of the before wave, persisting
 *   ones those of either wave. Which dataset ties make an edge of a wave is
 *   known from the snapshot options the graph was built with
 *   (ecosys_waves_options.before_snapshot / after_snapshot, filled by
 *   ecosys_waves_compare_snapshots()); without them every tie of positive
 *   weight between the pair counts, whatever its dates.
 *
 * Thread safety: a comparison reads its graphs only; several may run at
 * once (the graph-level measures take the library's igraph lock).
 * Nothing prints; every function returns 0 or a negative ECOSYS_E* code.
 */
#ifndef ECOSYS_WAVES_H
#define ECOSYS_WAVES_H

#include "ecosys/graph.h"
#include "ecosys/measures.h"
#include "ecosys/partition.h"
#include "ecosys/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Flags of ecosys_waves_options.flags, combined with | and with
 * ECOSYS_NO_PATHS (ecosys/measures.h), which skips the path measures
 * (betweenness centralization is then NaN in both waves).
 */
enum ecosys_waves_flags {
    ECOSYS_WAVES_PRESENCE_VERTEX = 1u << 16, /**< Present = a vertex of the wave's graph (isolates included), not "has a tie". */
    ECOSYS_WAVES_NO_BROKERAGE = 1u << 17     /**< Skip the brokerage roles (their measures are NaN). */
};

/** Version of ecosys_waves_options this header describes. */
#define ECOSYS_WAVES_OPTIONS_VERSION 1

/**
 * Options of ecosys_waves_compare(). Initialise with
 * ECOSYS_WAVES_OPTIONS_INIT or ecosys_waves_options_init(). Everything is
 * borrowed for the duration of the call only.
 */
typedef struct ecosys_waves_options {
    unsigned int version;  /**< ECOSYS_WAVES_OPTIONS_VERSION. */
    const char *group;     /**< Actor attribute that gives the groups (see ecosys_partition_by_attribute()); NULL: "sector". Ignored if both partitions below are given. */
    const ecosys_partition *before_groups; /**< Groups of the before graph's vertices (e.g. communities); NULL: by @c group. Give both or neither. */
    const ecosys_partition *after_groups;  /**< Groups of the after graph's vertices, matched with the before ones by group name. */
    const char *coordinator; /**< Id of the named actor (the coordinator) for the triad-closure breakdown; NULL: none. */
    unsigned int flags;    /**< 0, or ECOSYS_NO_PATHS, ECOSYS_WAVES_PRESENCE_VERTEX, ECOSYS_WAVES_NO_BROKERAGE. */
    const ecosys_graph_options *before_snapshot; /**< Options the before graph was built with, to know which dataset ties make its edges (axes only); NULL: all ties of positive weight. */
    const ecosys_graph_options *after_snapshot;  /**< Same for the after graph. */
} ecosys_waves_options;

/** Static initialiser for ecosys_waves_options. */
#define ECOSYS_WAVES_OPTIONS_INIT { ECOSYS_WAVES_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, \
                                    NULL, NULL }

/**
 * Initialises options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_WAVES_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL for an unknown version or NULL @p options.
 */
ECOSYS_EXTERN int ecosys_waves_options_init(ecosys_waves_options *options, unsigned int version);

/** The graph-level measures compared between the waves, indexes of ecosys_waves.measures. */
typedef enum ecosys_waves_measure_id {
    ECOSYS_WAVES_ACTORS = 0,                  /**< "actors": vertices of the graph (isolates included). */
    ECOSYS_WAVES_ACTIVE_ACTORS = 1,           /**< "active_actors": actors with at least one tie. */
    ECOSYS_WAVES_TIES = 2,                    /**< "ties": edges after merging. */
    ECOSYS_WAVES_DENSITY = 3,                 /**< "density" (ecosys_structure). */
    ECOSYS_WAVES_MEAN_DEGREE = 4,             /**< "mean_degree" (ecosys_structure). */
    ECOSYS_WAVES_EI_INDEX = 5,                /**< "ei_index": network E-I index over the groups (ecosys_ei_index_compute(), unweighted). */
    ECOSYS_WAVES_TRANSITIVITY = 6,            /**< "transitivity": global clustering. */
    ECOSYS_WAVES_DEGREE_CENTRALIZATION = 7,   /**< "degree_centralization" (Freeman, igraph's maximum). */
    ECOSYS_WAVES_BETWEENNESS_CENTRALIZATION = 8, /**< "betweenness_centralization"; NaN with ECOSYS_NO_PATHS. */
    ECOSYS_WAVES_COMPONENTS = 9,              /**< "component_count": components, isolates included. */
    ECOSYS_WAVES_LARGEST_COMPONENT_SHARE = 10,/**< "largest_component_share": largest component / actors; NaN without actors. */
    ECOSYS_WAVES_BROKERAGE_COORDINATOR = 11,  /**< "brokerage_coordinator": Gould-Fernandez coordinator two-paths over the groups (ecosys_brokerage_roles(), graph total). */
    ECOSYS_WAVES_BROKERAGE_ITINERANT = 12,    /**< "brokerage_itinerant". */
    ECOSYS_WAVES_BROKERAGE_REPRESENTATIVE = 13, /**< "brokerage_representative". */
    ECOSYS_WAVES_BROKERAGE_GATEKEEPER = 14,   /**< "brokerage_gatekeeper". */
    ECOSYS_WAVES_BROKERAGE_LIAISON = 15,      /**< "brokerage_liaison". */
    ECOSYS_WAVES_BROKERAGE_TOTAL = 16,        /**< "brokerage_total": all brokered two-paths. */
    ECOSYS_WAVES_MEASURE_COUNT = 17           /**< Number of measures. */
} ecosys_waves_measure_id;

/**
 * Name of a measure ("density", "ei_index"...), the same in C, Python and
 * JSON; NULL if out of range. Static string.
 *
 * @param measure an ecosys_waves_measure_id.
 */
ECOSYS_EXTERN const char *ecosys_waves_measure_name(int measure);

/** One graph-level measure in both waves. */
typedef struct ecosys_waves_change {
    double before; /**< Value on the before graph (NaN if undefined there). */
    double after;  /**< Value on the after graph. */
    double change; /**< after - before (NaN if either is NaN). */
} ecosys_waves_change;

/** Bits of ecosys_waves_tie_set.flags. */
enum ecosys_waves_tie_flags {
    ECOSYS_WAVES_TIE_CROSSES_GROUPS = 1u << 0,      /**< Its two ends are in different groups. */
    ECOSYS_WAVES_TIE_CLOSES_TRIAD = 1u << 1,        /**< Formed ties only: its ends had a common neighbour before. */
    ECOSYS_WAVES_TIE_THROUGH_COORDINATOR = 1u << 2  /**< Formed ties only: the coordinator was one of those common neighbours. */
};

/**
 * The ties of one kind of change (formed, dissolved or persisting), sorted
 * by (source, target) union index. Owned by the ecosys_waves holding it.
 */
typedef struct ecosys_waves_tie_set {
    size_t count;           /**< Number of ties. */
    size_t *sources;        /**< Union actor index of each tie's source (the lower index if undirected). */
    size_t *targets;        /**< Union actor index of each tie's target. */
    unsigned int *flags;    /**< ecosys_waves_tie_flags of each tie. */
    size_t *by_group;       /**< k x k counts, row-major (cell g * k + h), k = group_count: undirected, a tie between g and h in cells (g, h) and (h, g), a tie within g once in (g, g) (the convention of ecosys_mixing_matrix); directed, row = source's group. */
    size_t *by_axis;        /**< axis_count counts: ties carrying each axis (a tie with several axes counts under each). */
} ecosys_waves_tie_set;

/** Bits of ecosys_waves.actor_presence. */
enum ecosys_waves_presence {
    ECOSYS_WAVES_IN_BEFORE = 1u << 0,    /**< A vertex of the before graph. */
    ECOSYS_WAVES_IN_AFTER = 1u << 1,     /**< A vertex of the after graph. */
    ECOSYS_WAVES_TIED_BEFORE = 1u << 2,  /**< Has at least one tie before. */
    ECOSYS_WAVES_TIED_AFTER = 1u << 3    /**< Has at least one tie after. */
};

/**
 * A comparison of two waves. Filled by ecosys_waves_compare(); release with
 * ecosys_waves_dispose(). Every array is owned by the struct; every actor
 * index is a union index (see the file's conventions).
 */
typedef struct ecosys_waves {
    int directed;             /**< Non-zero if the graphs are directed (ties are ordered pairs). */
    unsigned int flags;       /**< The flags the comparison ran with. */
    size_t actor_count;       /**< Actors of the union of the two graphs. */
    char **actor_ids;         /**< Id of each union actor (UTF-8). */
    unsigned int *actor_presence; /**< ecosys_waves_presence bits of each union actor. */
    size_t *actor_group;      /**< Group of each union actor, 0 <= g < group_count. */
    size_t group_count;       /**< k, the groups (by name, in order of first appearance over the union actors). */
    char **group_names;       /**< Name of each group. */
    size_t axis_count;        /**< Distinct tie axes met (in order of first appearance, before then after). */
    char **axis_names;        /**< Name of each axis ("" for ties without one). */
    size_t ties_before;       /**< |E1|, ties of the before graph. */
    size_t ties_after;        /**< |E2|, ties of the after graph. */
    ecosys_waves_tie_set formed;     /**< E2 \ E1. */
    ecosys_waves_tie_set dissolved;  /**< E1 \ E2. */
    ecosys_waves_tie_set persisting; /**< E1 and E2. */
    double jaccard;           /**< Stability |E1 and E2| / |E1 or E2|; NaN if both waves have no tie. */
    size_t present_before;    /**< Actors present before (see the file's "Presence"). */
    size_t present_after;     /**< Actors present after. */
    ecosys_index_list entering; /**< Present after, not before, in union order. */
    ecosys_index_list leaving;  /**< Present before, not after, in union order. */
    char *coordinator_id;     /**< Copy of the coordinator id asked for; NULL if none. */
    size_t coordinator;       /**< Its union index; (size_t)-1 if none or not a vertex of either graph. */
    size_t formed_closing_triad;       /**< Formed ties whose ends had a common neighbour before (direction ignored). */
    size_t formed_through_coordinator; /**< Of those, ties where the coordinator was a common neighbour before. */
    size_t formed_crossing_groups;     /**< Formed ties whose ends are in different groups. */
    double triad_closure_share;        /**< formed_closing_triad / formed.count; NaN if no tie formed. */
    double coordinator_share;          /**< formed_through_coordinator / formed_closing_triad; NaN if none closes a triad or no coordinator. */
    double crossing_share;             /**< formed_crossing_groups / formed.count; NaN if no tie formed. */
    ecosys_waves_change measures[ECOSYS_WAVES_MEASURE_COUNT]; /**< Graph-level measures, by ecosys_waves_measure_id. */
} ecosys_waves;

/**
 * Compares two graphs whose actors share ids (see the file's conventions
 * and docs/measures.md, "Waves").
 *
 * Triad closure: a formed tie a-b *closes a triad* if a and b had a common
 * neighbour in the before graph (direction ignored); it is *closed through
 * the coordinator* if the coordinator was one of those common neighbours.
 * An actor absent from the before graph has no neighbour there, so its new
 * ties close nothing.
 *
 * Time O((n + m) log m) for the comparison, plus O(sum over formed ties of
 * the two ends' before degrees) for triad closure, O(T log T) for the axes
 * (T dataset ties), and the graph-level measures on each wave: O(n m) for
 * betweenness centralization (skip with ECOSYS_NO_PATHS), O(m d) for
 * transitivity, O(sum_v d_in(v) d_out(v) log d) for brokerage (skip with
 * ECOSYS_WAVES_NO_BROKERAGE). Memory O(n + m + T + k^2).
 *
 * @param out     receives the comparison (zeroed first; on error left
 *                empty); release with ecosys_waves_dispose().
 * @param before  the first wave (borrowed).
 * @param after   the second wave (borrowed); may be the same graph, or
 *                a graph of another dataset (actors matched by id).
 * @param options NULL for defaults (groups by "sector", no coordinator).
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown options version or
 *         flag, graphs of different direction, unknown group attribute,
 *         one partition without the other or of the wrong size, malformed
 *         snapshot options); ECOSYS_ENOTFOUND (a coordinator id that is no
 *         actor of either dataset); ECOSYS_ENOMEM; ECOSYS_ECOMPUTE.
 */
ECOSYS_EXTERN int ecosys_waves_compare(ecosys_waves *out, const ecosys_graph *before,
                                       const ecosys_graph *after,
                                       const ecosys_waves_options *options);

/**
 * Builds the two snapshots of one dataset and compares them: the graphs
 * are built with ecosys_graph_new() from @p before_snapshot and
 * @p after_snapshot, which also attribute ties to axes; then as
 * ecosys_waves_compare(). The partitions of @p options must be NULL (the
 * graphs are internal): group by an attribute. Same cost as building the
 * two graphs plus ecosys_waves_compare().
 *
 * @param out             receives the comparison; release with ecosys_waves_dispose().
 * @param dataset         the dataset (borrowed).
 * @param before_snapshot options of the before graph, e.g. to = "2019-03-31".
 * @param after_snapshot  options of the after graph, e.g. from = "2019-04-01".
 * @param options         NULL for defaults; its snapshot fields are ignored.
 * @return as ecosys_graph_new() and ecosys_waves_compare(); ECOSYS_EINVAL if
 *         @p options holds partitions.
 */
ECOSYS_EXTERN int ecosys_waves_compare_snapshots(ecosys_waves *out,
                                                 const ecosys_dataset *dataset,
                                                 const ecosys_graph_options *before_snapshot,
                                                 const ecosys_graph_options *after_snapshot,
                                                 const ecosys_waves_options *options);

/** Frees what @p waves owns and zeroes it. Accepts NULL and a zeroed struct. */
ECOSYS_EXTERN void ecosys_waves_dispose(ecosys_waves *waves);

/**
 * Version of ecosys_waves_render_options this header describes. Version 2
 * added @c significance; version 1 structs (without it) are still accepted
 * by ecosys_waves_render_options_init() and ecosys_waves_render().
 */
#define ECOSYS_WAVES_RENDER_OPTIONS_VERSION 2

struct ecosys_wave_test;

/** Options of ecosys_waves_render(). Strings are borrowed for the call. */
typedef struct ecosys_waves_render_options {
    unsigned int version;        /**< ECOSYS_WAVES_RENDER_OPTIONS_VERSION. */
    ecosys_report_format format; /**< Text (default), Markdown or JSON. */
    const char *title;           /**< Heading, e.g. the dataset's name; NULL: "What changed between the two waves". */
    const char *before_label;    /**< How to name the first wave, e.g. "before the label (to 2019-03-31)"; NULL: "before". */
    const char *after_label;     /**< How to name the second wave; NULL: "after". */
    size_t top;                  /**< Ties listed per list in text/Markdown (formed through the coordinator, formed, dissolved); 0: 10. */
    /** Version 2: the significance of the comparison (ecosys_wave_test_run()
     *  on the same two graphs, ecosys/wavetest.h), rendered in the
     *  "Significance" section and as JSON "significance"; NULL:
     *  not computed (the section says so, JSON "significance": null). Borrowed. */
    const struct ecosys_wave_test *significance;
} ecosys_waves_render_options;

/** Static initialiser for ecosys_waves_render_options. */
#define ECOSYS_WAVES_RENDER_OPTIONS_INIT { ECOSYS_WAVES_RENDER_OPTIONS_VERSION, ECOSYS_REPORT_TEXT, \
                                           NULL, NULL, NULL, 0, NULL }

/**
 * Initialises render options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_WAVES_RENDER_OPTIONS_VERSION, or 1 for a version 1
 *                struct (only its fields are written).
 * @return 0, or ECOSYS_EINVAL for an unknown version or NULL @p options.
 */
ECOSYS_EXTERN int ecosys_waves_render_options_init(ecosys_waves_render_options *options,
                                                   unsigned int version);

/**
 * Renders a comparison for a reader: what changed (ties formed, dissolved,
 * persisting, stability), between which groups, on which axes, through
 * whom (triad closure and the coordinator), who entered and left, and the
 * change of every graph-level measure. Text and Markdown explain each
 * figure in a sentence; JSON holds every figure (ties as actor ids), with a
 * "significance" member: the tests of options->significance
 * (ecosys/wavetest.h), or null without them. Time O(n + m + k^2 + axes).
 *
 * @param out_text   receives a NUL-terminated UTF-8 string ending with a
 *                   newline; free it with ecosys_string_free(). NULL on failure.
 * @param out_length receives its length in bytes (may be NULL).
 * @param waves      the comparison (borrowed).
 * @param options    NULL for defaults (text).
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown version or format);
 *         ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_waves_render(char **out_text, size_t *out_length,
                                      const ecosys_waves *waves,
                                      const ecosys_waves_render_options *options);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_WAVES_H */
