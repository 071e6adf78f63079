/* Internal: the network summary, computed once (lib/report/summary.c) and
 * rendered as text or Markdown (summary_text.c) or JSON (summary_json.c).
 * Every renderer reads only this struct, so the three formats always agree. */
#ifndef ECOSYS_REPORT_REPORT_INTERNAL_H
#define ECOSYS_REPORT_REPORT_INTERNAL_H

#include "ecosys/brokerage.h"
#include "ecosys/communities.h"
#include "ecosys/measures.h"
#include "ecosys/mixing.h"
#include "ecosys/partition.h"
#include "ecosys/report.h"

#include <stddef.h>

/* The per-actor measures held as doubles, in the order they are reported. */
typedef enum ecosys_i_measure {
    ECOSYS_I_DEGREE,
    ECOSYS_I_STRENGTH,
    ECOSYS_I_BETWEENNESS,            /* raw */
    ECOSYS_I_BETWEENNESS_NORMALIZED,
    ECOSYS_I_CLOSENESS,              /* normalised: inverse mean distance to reachable actors */
    ECOSYS_I_HARMONIC,               /* normalised by n - 1 */
    ECOSYS_I_EIGENVECTOR,            /* maximum 1 */
    ECOSYS_I_PAGERANK,               /* damping ECOSYS_I_DAMPING, sums to 1 */
    ECOSYS_I_LOCAL_CLUSTERING,
    ECOSYS_I_MEASURE_COUNT
} ecosys_i_measure;

/* When a measure uses tie weights. */
typedef enum ecosys_i_weights {
    ECOSYS_I_WEIGHTS_NEVER,   /* degree, local clustering, core number */
    ECOSYS_I_WEIGHTS_ALWAYS,  /* strength */
    ECOSYS_I_WEIGHTS_OPTION   /* with ECOSYS_WEIGHTED only */
} ecosys_i_weights;

/* What the renderers need to know about a measure. */
typedef struct ecosys_i_measure_info {
    const char *name;    /* C, Python and JSON name, e.g. "betweenness_normalized" */
    const char *label;   /* heading, e.g. "Betweenness (normalised)" */
    const char *meaning; /* one line for a reader, starting lower-case, no final stop */
    ecosys_i_weights weights;
    int ranked;          /* listed in the "most central actors" section */
    int integral;        /* values are whole numbers */
    int path;            /* needs all shortest paths: skipped (NaN) with ECOSYS_NO_PATHS */
} ecosys_i_measure_info;

extern const ecosys_i_measure_info ecosys_i_measures[ECOSYS_I_MEASURE_COUNT];

/* PageRank damping factor used by the summary. */
#define ECOSYS_I_DAMPING 0.85

/* Default number of actors listed per centrality and default group. */
#define ECOSYS_I_DEFAULT_TOP 5
#define ECOSYS_I_DEFAULT_GROUP "sector"

/* One value of the group attribute. */
typedef struct ecosys_i_group {
    const char *value;      /* borrowed from the dataset; may be "" */
    size_t actor_count;
    size_t internal_ties;   /* edges with both ends in the group */
    size_t external_ties;   /* edges with exactly one end in the group */
    double internal_weight; /* summed weights of those edges */
    double external_weight;
    double mean_degree;     /* mean degree of its actors */
} ecosys_i_group;

/* One entry of a top list. */
typedef struct ecosys_i_rank {
    size_t vertex;
    double value;
} ecosys_i_rank;

/* Above this many groups the mixing matrix (k x k) is neither computed nor
 * written: grouping by a near-unique attribute (name, id) would make it
 * quadratic in the number of actors. */
#define ECOSYS_I_MAX_MATRIX_GROUPS 200

/* Above this many cells (communities x groups) the make-up of the
 * communities is left out, for the same reason. */
#define ECOSYS_I_MAX_COMPOSITION_CELLS ((size_t) 1 << 22)

/* The measures across groups (lib/report/summary_sectors.c): what the
 * sections "Across groups", "Brokers" and "Communities" and their JSON
 * members show. Every array is indexed by vertex. */
typedef struct ecosys_i_across {
    int computed;                /* 0: skipped (skip_across_groups): everything below empty */
    uint64_t seed;
    size_t replicates;
    ecosys_summary_communities communities;

    /* by the group attribute (the summary's partition) */
    ecosys_mixing_matrix matrix;  /* ties NULL above ECOSYS_I_MAX_MATRIX_GROUPS groups */
    ecosys_ei_index ei;
    ecosys_ei_permutation permutation;
    double ei_p;                  /* two-sided: min(1, 2 min(p_greater, p_less)) */
    double assortativity;
    double *ei_actor;             /* ecosys_ei_index_actors */
    double *blau;                 /* ecosys_blau */
    double *participation;        /* ecosys_participation over the groups */

    /* brokerage */
    ecosys_structural_holes holes;
    ecosys_brokerage brokerage;   /* by the group attribute */

    /* communities: partition NULL with ECOSYS_SUMMARY_COMMUNITIES_NONE */
    ecosys_partition *community;
    const size_t *actor_community;
    double modularity;
    double *within_module_z;
    double *community_participation;
    ecosys_role *role;
    ecosys_community_summary community_summary; /* composition NULL above the cap */

    /* text top lists */
    ecosys_i_rank *broker_rank;      /* largest brokerage totals (> 0) */
    size_t broker_rank_count;
    ecosys_i_rank *constraint_rank;  /* lowest constraint */
    size_t constraint_rank_count;
    ecosys_i_rank *hub_rank;         /* hubs and connectors of communities, by within-module z */
    size_t hub_rank_count;
} ecosys_i_across;

typedef struct ecosys_i_summary {
    /* inputs (borrowed) */
    const ecosys_graph *graph;
    const ecosys_dataset *dataset;
    const char *title;        /* NULL: none */
    const char *group;        /* attribute name */
    size_t top;               /* requested length of the top lists */
    int weighted;             /* ECOSYS_WEIGHTED was given */
    int paths;                /* path measures computed (ECOSYS_NO_PATHS not given) */
    const ecosys_graph_options *graph_options; /* NULL: not stated */

    /* graph level */
    ecosys_graph_info info;
    ecosys_structure structure;

    /* actor level, indexed by graph vertex (vertex order = dataset order) */
    size_t n;
    double *values[ECOSYS_I_MEASURE_COUNT];
    size_t *core_number;
    size_t *component;
    ecosys_partition *partition; /* groups of the vertices by the group attribute */
    const size_t *actor_group;   /* membership of the partition */

    /* groups in order of first appearance among the vertices */
    ecosys_i_group *groups;
    size_t group_count;

    /* top lists of the ranked measures (NULL/0 for the others) */
    ecosys_i_rank *ranks[ECOSYS_I_MEASURE_COUNT];
    size_t rank_count[ECOSYS_I_MEASURE_COUNT];

    /* measures across groups, brokerage and communities */
    ecosys_i_across across;
} ecosys_i_summary;

/* Computes the summary. @p options is already validated and defaulted.
 * Returns 0 or a negative code with the last error set; on failure the
 * summary is disposed. */
int ecosys_i_summary_compute(ecosys_i_summary *out, const ecosys_graph *graph,
                             const ecosys_summary_options *options);

/* Computes s->across (summary_sectors.c) from the options; the rest of
 * the summary (groups, partition) must be computed. Returns 0 or a
 * negative code with the last error set. */
int ecosys_i_across_compute(ecosys_i_summary *s, const ecosys_summary_options *options);

/* Frees what s->across owns and zeroes it. */
void ecosys_i_across_dispose(ecosys_i_across *across);

/* Sorting helper of the top lists: larger values first, then input order. */
int ecosys_i_compare_rank(const void *a, const void *b);

/* Name of a community algorithm: "leiden", "louvain" or "none". */
const char *ecosys_i_communities_name(ecosys_summary_communities communities);

/* Frees what the summary owns and zeroes it. Accepts NULL. */
void ecosys_i_summary_dispose(ecosys_i_summary *summary);

/* Whether measure @p m used weights in this summary. */
int ecosys_i_summary_measure_weighted(const ecosys_i_summary *summary, ecosys_i_measure m);

/* Borrowed strings of vertex @p v's actor. */
const char *ecosys_i_summary_actor_id(const ecosys_i_summary *summary, size_t v);
const char *ecosys_i_summary_actor_name(const ecosys_i_summary *summary, size_t v);

/* Name of a direction ("as_dataset", "undirected", "directed"). */
const char *ecosys_i_direction_name(ecosys_direction direction);

/* Renderers: *out_text is malloc'ed (free with ecosys_string_free()) and
 * ends with a newline. Return 0 or ECOSYS_ENOMEM. */
int ecosys_i_render_text(char **out_text, size_t *out_length, const ecosys_i_summary *summary);
int ecosys_i_render_markdown(char **out_text, size_t *out_length,
                             const ecosys_i_summary *summary);
int ecosys_i_render_json(char **out_text, size_t *out_length, const ecosys_i_summary *summary);

#endif
