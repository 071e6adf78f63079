/* The network summary: options, the computation done once for every format,
 * and the dispatch to the renderers. See ecosys/report.h and
 * docs/summary-json.md. */
#include "report/report_internal.h"

#include "core/error.h"
#include "graph/dataset_internal.h"
#include "graph/partition_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ecosys_i_measure_info ecosys_i_measures[ECOSYS_I_MEASURE_COUNT] = {
    [ECOSYS_I_DEGREE] = {"degree", "Degree",
                         "number of partners: how many actors it works with directly",
                         ECOSYS_I_WEIGHTS_NEVER, 1, 1, 0},
    [ECOSYS_I_STRENGTH] = {"strength", "Strength",
                           "sum of the weights of its ties: how intensely it collaborates",
                           ECOSYS_I_WEIGHTS_ALWAYS, 1, 0, 0},
    [ECOSYS_I_BETWEENNESS] = {"betweenness", "Betweenness",
                              "number of shortest paths between other actors that pass through it",
                              ECOSYS_I_WEIGHTS_OPTION, 0, 0, 1},
    [ECOSYS_I_BETWEENNESS_NORMALIZED] = {
        "betweenness_normalized", "Betweenness (normalised)",
        "how often an actor lies on the shortest paths between others: a broker "
        "(share of the pairs of other actors, 0 to 1)",
        ECOSYS_I_WEIGHTS_OPTION, 1, 0, 1},
    [ECOSYS_I_CLOSENESS] = {"closeness", "Closeness",
                            "inverse of the mean distance to the actors it can reach: "
                            "how few steps it needs to reach them",
                            ECOSYS_I_WEIGHTS_OPTION, 1, 0, 1},
    [ECOSYS_I_HARMONIC] = {"harmonic", "Harmonic closeness",
                           "mean of 1/distance to every other actor (0 if unreachable): "
                           "closeness that still works when the network is in pieces",
                           ECOSYS_I_WEIGHTS_OPTION, 1, 0, 1},
    [ECOSYS_I_EIGENVECTOR] = {"eigenvector", "Eigenvector",
                              "tied to actors that are themselves well tied "
                              "(1 = the highest)",
                              ECOSYS_I_WEIGHTS_OPTION, 1, 0, 0},
    [ECOSYS_I_PAGERANK] = {"pagerank", "PageRank",
                           "share of time a random walk along the ties spends at the actor "
                           "(damping 0.85; sums to 1 over all actors)",
                           ECOSYS_I_WEIGHTS_OPTION, 1, 0, 0},
    [ECOSYS_I_LOCAL_CLUSTERING] = {"local_clustering", "Local clustering",
                                   "share of pairs of its partners that also work together "
                                   "(0 with fewer than 2 partners)",
                                   ECOSYS_I_WEIGHTS_NEVER, 0, 0, 0},
};

/* Size of a version 1 ecosys_summary_options: every member up to
 * graph_options, the padding after it included (a version 1 struct ends
 * there, rounded up to its alignment, which the members since do not
 * change as none is more aligned than a pointer or a uint64_t). */
#define OPTIONS_V1_SIZE offsetof(ecosys_summary_options, seed)

int ecosys_summary_options_init(ecosys_summary_options *options, unsigned int version)
{
    if (!options || (version != ECOSYS_SUMMARY_OPTIONS_VERSION && version != 1))
        return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_summary_options version %u",
                              version);
    ecosys_summary_options defaults = ECOSYS_SUMMARY_OPTIONS_INIT;
    if (version == 1) {
        /* A version 1 caller's struct has room for the version 1 members only. */
        defaults.version = 1;
        memcpy(options, &defaults, OPTIONS_V1_SIZE);
    } else {
        *options = defaults;
    }
    return 0;
}

const char *ecosys_i_communities_name(ecosys_summary_communities communities)
{
    switch (communities) {
    case ECOSYS_SUMMARY_COMMUNITIES_LEIDEN:
        return "leiden";
    case ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN:
        return "louvain";
    case ECOSYS_SUMMARY_COMMUNITIES_NONE:
    default:
        return "none";
    }
}

const char *ecosys_i_direction_name(ecosys_direction direction)
{
    switch (direction) {
    case ECOSYS_DIRECTION_UNDIRECTED:
        return "undirected";
    case ECOSYS_DIRECTION_DIRECTED:
        return "directed";
    case ECOSYS_DIRECTION_AS_DATASET:
    default:
        return "as_dataset";
    }
}

int ecosys_i_summary_measure_weighted(const ecosys_i_summary *s, ecosys_i_measure m)
{
    switch (ecosys_i_measures[m].weights) {
    case ECOSYS_I_WEIGHTS_ALWAYS:
        return 1;
    case ECOSYS_I_WEIGHTS_OPTION:
        return s->weighted;
    case ECOSYS_I_WEIGHTS_NEVER:
    default:
        return 0;
    }
}

const char *ecosys_i_summary_actor_id(const ecosys_i_summary *s, size_t v)
{
    const char *text = ecosys_dataset_field(s->dataset, ECOSYS_TABLE_ACTORS,
                                            ecosys_graph_actor(s->graph, v), "id");
    return text ? text : "";
}

const char *ecosys_i_summary_actor_name(const ecosys_i_summary *s, size_t v)
{
    const char *text = ecosys_dataset_field(s->dataset, ECOSYS_TABLE_ACTORS,
                                            ecosys_graph_actor(s->graph, v), "name");
    return text ? text : "";
}

void ecosys_i_summary_dispose(ecosys_i_summary *s)
{
    if (!s)
        return;
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++) {
        free(s->values[m]);
        free(s->ranks[m]);
    }
    free(s->core_number);
    free(s->component);
    ecosys_i_across_dispose(&s->across);
    ecosys_partition_free(s->partition);
    free(s->groups);
    memset(s, 0, sizeof *s);
}

/* Sorting helper. qsort is not stable: every comparison ends on the vertex
 * index, which makes the order total and ties go to input order. */
int ecosys_i_compare_rank(const void *a, const void *b)
{
    const ecosys_i_rank *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? 1 : -1; /* larger first */
    return (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

/* Groups: the partition of the vertices by the group attribute (ordered by
 * first vertex), with each group's ties inside and to other groups. */
static int compute_groups(ecosys_i_summary *s)
{
    int rc = ecosys_partition_by_attribute(&s->partition, s->graph, s->group);
    if (rc)
        return rc;
    size_t count = ecosys_partition_group_count(s->partition);
    s->actor_group = ecosys_partition_membership(s->partition);
    s->groups = ecosys_i_alloc_array(count, sizeof *s->groups);
    if (!s->groups)
        return ecosys_i_error_nomem();
    for (size_t g = 0; g < count; g++)
        s->groups[g] = (ecosys_i_group){
            .value = ecosys_partition_group_name(s->partition, g),
            .actor_count = ecosys_partition_group_size(s->partition, g)};
    s->group_count = count;
    const double *degree = s->values[ECOSYS_I_DEGREE];
    for (size_t v = 0; v < s->n; v++)
        s->groups[s->actor_group[v]].mean_degree += degree[v];
    for (size_t g = 0; g < count; g++)
        s->groups[g].mean_degree /= (double) s->groups[g].actor_count;

    size_t m = ecosys_graph_tie_count(s->graph);
    for (size_t e = 0; e < m; e++) {
        size_t a, b;
        double w;
        if ((rc = ecosys_graph_tie(&a, &b, &w, s->graph, e)))
            return rc;
        size_t ga = s->actor_group[a], gb = s->actor_group[b];
        if (ga == gb) {
            s->groups[ga].internal_ties++;
            s->groups[ga].internal_weight += w;
        } else {
            s->groups[ga].external_ties++;
            s->groups[ga].external_weight += w;
            s->groups[gb].external_ties++;
            s->groups[gb].external_weight += w;
        }
    }
    return 0;
}

static int compute_ranks(ecosys_i_summary *s)
{
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++) {
        if (!ecosys_i_measures[m].ranked || (ecosys_i_measures[m].path && !s->paths))
            continue;
        ecosys_i_rank *all = ecosys_i_alloc_array(s->n, sizeof *all);
        if (!all)
            return ecosys_i_error_nomem();
        size_t count = 0;
        for (size_t v = 0; v < s->n; v++)
            if (!isnan(s->values[m][v]))
                all[count++] = (ecosys_i_rank){v, s->values[m][v]};
        qsort(all, count, sizeof *all, ecosys_i_compare_rank);
        s->ranks[m] = all;
        s->rank_count[m] = count < s->top ? count : s->top;
    }
    return 0;
}

/* Fills a per-actor measure with NaN (not computed). */
static void fill_nan(double *values, size_t n)
{
    for (size_t v = 0; v < n; v++)
        values[v] = NAN;
}

/* The all-pairs path measures: betweenness (raw and normalised), closeness
 * and harmonic closeness. O(n m); skipped with ECOSYS_NO_PATHS. */
static int compute_path_measures(ecosys_i_summary *s, unsigned int w)
{
    const ecosys_graph *g = s->graph;
    double **val = s->values;
    if (!s->paths) {
        for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++)
            if (ecosys_i_measures[m].path)
                fill_nan(val[m], s->n);
        return 0;
    }
    int rc;
    if ((rc = ecosys_betweenness(val[ECOSYS_I_BETWEENNESS], g, w)) ||
        (rc = ecosys_closeness(val[ECOSYS_I_CLOSENESS], g, w | ECOSYS_NORMALIZED)) ||
        (rc = ecosys_harmonic(val[ECOSYS_I_HARMONIC], g, w | ECOSYS_NORMALIZED)))
        return rc;

    /* Normalised betweenness from the raw values, with the divisor
     * ecosys_betweenness() documents for ECOSYS_NORMALIZED: pairs of other
     * vertices, (n-1)(n-2)/2 undirected, (n-1)(n-2) directed; 0 if n < 3. */
    double n = (double) s->n;
    double pairs = (n - 1.0) * (n - 2.0) / (s->info.directed ? 1.0 : 2.0);
    for (size_t v = 0; v < s->n; v++)
        val[ECOSYS_I_BETWEENNESS_NORMALIZED][v] =
            s->n < 3 ? 0.0 : val[ECOSYS_I_BETWEENNESS][v] / pairs;
    return 0;
}

static int compute_measures(ecosys_i_summary *s)
{
    const ecosys_graph *g = s->graph;
    unsigned int w = s->weighted ? ECOSYS_WEIGHTED : 0u;
    unsigned int structure_flags = w | (s->paths ? 0u : (unsigned int) ECOSYS_NO_PATHS);
    double **val = s->values;
    int rc;
    if ((rc = ecosys_structure_compute(&s->structure, g, structure_flags)) ||
        (rc = ecosys_degree(val[ECOSYS_I_DEGREE], g, 0)) ||
        (rc = ecosys_strength(val[ECOSYS_I_STRENGTH], g, ECOSYS_WEIGHTED)) ||
        (rc = compute_path_measures(s, w)) ||
        (rc = ecosys_eigenvector(val[ECOSYS_I_EIGENVECTOR], g, w)) ||
        (rc = ecosys_pagerank(val[ECOSYS_I_PAGERANK], g, ECOSYS_I_DAMPING, w)) ||
        (rc = ecosys_local_clustering(val[ECOSYS_I_LOCAL_CLUSTERING], g, 0)) ||
        (rc = ecosys_core_number(s->core_number, g, 0)) ||
        (rc = ecosys_components(s->component, NULL, g)))
        return rc;
    return 0;
}

int ecosys_i_summary_compute(ecosys_i_summary *s, const ecosys_graph *graph,
                             const ecosys_summary_options *o)
{
    memset(s, 0, sizeof *s);
    s->graph = graph;
    s->dataset = ecosys_graph_dataset(graph);
    s->title = o->title;
    s->group = o->group;
    s->top = o->top;
    s->weighted = (o->flags & ECOSYS_WEIGHTED) != 0;
    s->paths = (o->flags & ECOSYS_NO_PATHS) == 0;
    s->graph_options = o->graph_options;

    int rc = ecosys_graph_info_get(&s->info, graph);
    if (rc)
        goto fail;
    if (!ecosys_dataset_has_field(s->dataset, ECOSYS_TABLE_ACTORS, s->group)) {
        rc = ecosys_i_unknown_actor_attribute(s->dataset, s->group);
        goto fail;
    }
    s->n = ecosys_graph_actor_count(graph);
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++)
        if (!(s->values[m] = ecosys_i_alloc_array(s->n, sizeof(double))))
            goto nomem;
    s->core_number = ecosys_i_alloc_array(s->n, sizeof(size_t));
    s->component = ecosys_i_alloc_array(s->n, sizeof(size_t));
    if (!s->core_number || !s->component)
        goto nomem;

    if ((rc = compute_measures(s)) || (rc = compute_groups(s)) || (rc = compute_ranks(s)) ||
        (rc = ecosys_i_across_compute(s, o)))
        goto fail;
    return 0;

nomem:
    rc = ecosys_i_error_nomem();
fail:
    ecosys_i_summary_dispose(s);
    return rc;
}

int ecosys_summary_render(char **out_text, size_t *out_length, const ecosys_graph *graph,
                          const ecosys_summary_options *options)
{
    if (out_text)
        *out_text = NULL;
    if (out_length)
        *out_length = 0;
    if (!out_text || !graph)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_summary_render: NULL argument");

    ecosys_summary_options o = ECOSYS_SUMMARY_OPTIONS_INIT;
    if (options) {
        if (options->version == 1) {
            /* Read no further than a version 1 struct goes; the members
             * since keep their defaults. */
            memcpy(&o, options, OPTIONS_V1_SIZE);
            o.version = ECOSYS_SUMMARY_OPTIONS_VERSION;
        } else if (options->version == ECOSYS_SUMMARY_OPTIONS_VERSION) {
            o = *options;
        } else {
            return ecosys_i_error(ECOSYS_EINVAL, "unknown ecosys_summary_options version %u",
                                  options->version);
        }
    }
    if (o.format != ECOSYS_REPORT_TEXT && o.format != ECOSYS_REPORT_MARKDOWN &&
        o.format != ECOSYS_REPORT_JSON)
        return ecosys_i_error(ECOSYS_EINVAL, "unknown report format %d", (int) o.format);
    if (o.flags & ~(unsigned int) (ECOSYS_WEIGHTED | ECOSYS_NO_PATHS))
        return ecosys_i_error(ECOSYS_EINVAL,
                              "summary flags: only ECOSYS_WEIGHTED and ECOSYS_NO_PATHS are "
                              "accepted (got 0x%x)",
                              o.flags);
    if (o.communities != ECOSYS_SUMMARY_COMMUNITIES_LEIDEN &&
        o.communities != ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN &&
        o.communities != ECOSYS_SUMMARY_COMMUNITIES_NONE)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "unknown summary communities value %d: expected "
                              "ECOSYS_SUMMARY_COMMUNITIES_LEIDEN, _LOUVAIN or _NONE",
                              (int) o.communities);
    if (o.replicates == 0)
        o.replicates = ECOSYS_SUMMARY_DEFAULT_REPLICATES;
    if (!o.group)
        o.group = ECOSYS_I_DEFAULT_GROUP;
    if (o.top == 0)
        o.top = ECOSYS_I_DEFAULT_TOP;

    ecosys_i_summary summary;
    int rc = ecosys_i_summary_compute(&summary, graph, &o);
    if (rc)
        return rc;
    switch (o.format) {
    case ECOSYS_REPORT_MARKDOWN:
        rc = ecosys_i_render_markdown(out_text, out_length, &summary);
        break;
    case ECOSYS_REPORT_JSON:
        rc = ecosys_i_render_json(out_text, out_length, &summary);
        break;
    case ECOSYS_REPORT_TEXT:
    default:
        rc = ecosys_i_render_text(out_text, out_length, &summary);
        break;
    }
    ecosys_i_summary_dispose(&summary);
    return rc;
}
