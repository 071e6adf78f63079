/* Communities: detection (Leiden and Louvain through igraph), modularity of
 * any partition and the summary of each community. Participation,
 * within-module z and roles are in roles.c. See ecosys/communities.h and
 * docs/measures.md, "Communities and roles". */
#include "graph/adjacency.h"
#include "measures/communities_internal.h"
#include "measures/measures_internal.h"

#include "core/error.h"
#include "core/igraph_guard.h"
#include "graph/partition_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- options ----------------------------------------------------------------- */

int ecosys_community_options_init(ecosys_community_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_community_options_init: NULL argument");
    if (version != ECOSYS_COMMUNITY_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_community_options_init: unknown options version %u "
                              "(this library knows %u)",
                              version, (unsigned int) ECOSYS_COMMUNITY_OPTIONS_VERSION);
    *options = (ecosys_community_options) ECOSYS_COMMUNITY_OPTIONS_INIT;
    return 0;
}

static int check_options(const ecosys_community_options *o, const char *what)
{
    if (o->version != ECOSYS_COMMUNITY_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown options version %u (this library knows %u)",
                              what, o->version, (unsigned int) ECOSYS_COMMUNITY_OPTIONS_VERSION);
    if (o->algorithm != ECOSYS_COMMUNITY_LEIDEN && o->algorithm != ECOSYS_COMMUNITY_LOUVAIN)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown algorithm %d", what, (int) o->algorithm);
    if (!(o->resolution > 0.0) || isinf(o->resolution)) /* also rejects NaN */
        return ecosys_i_error(ECOSYS_EINVAL, "%s: resolution %g is not a positive number", what,
                              o->resolution);
    return 0;
}

/* ---- modularity ----------------------------------------------------------------- */

/* One tie of weight @p w between groups @p a (source) and @p b (target)
 * into the sums of the modularity. */
static inline void add_tie(size_t a, size_t b, double w, int directed, double *m,
                           double *inside, double *k_out, double *k_in)
{
    *m += w;
    if (a == b)
        *inside += w;
    k_out[a] += w;
    k_in[b] += w;
    if (!directed) {
        k_out[b] += w;
        k_in[a] += w;
    }
}

int ecosys_i_modularity(double *out, const ecosys_graph *g, const size_t *membership,
                        size_t group_count, double gamma, int weighted, int undirected)
{
    int directed = g->info.directed && !undirected;
    /* Only the undirected view of a directed graph needs lists of its own:
     * the pooled CSR lists (graph/adjacency.h: reciprocated arcs one tie,
     * weights summed), each tie read once from its lower end. Otherwise
     * read the graph's edge vectors in place. */
    int view = undirected && g->info.directed;
    ecosys_i_adjacency adj = {0};
    int rc = view ? ecosys_i_adjacency_init(&adj, g, weighted ? ECOSYS_I_ADJ_WEIGHTS : 0) : 0;
    if (rc)
        return rc;
    /* K_out and K_in per group (undirected: both are K_c, the degree sum). */
    double *k_out = calloc(group_count ? group_count : 1, sizeof *k_out);
    double *k_in = calloc(group_count ? group_count : 1, sizeof *k_in);
    if (!k_out || !k_in) {
        free(k_out);
        free(k_in);
        ecosys_i_adjacency_destroy(&adj);
        return ecosys_i_error_nomem();
    }
    double m = 0.0, inside = 0.0;
    if (view) {
        for (size_t v = 0; v < adj.n; v++)
            for (size_t k = adj.all_start[v]; k < adj.all_start[v + 1]; k++)
                if (adj.all_nbr[k] > v)
                    add_tie(membership[v], membership[adj.all_nbr[k]],
                            weighted ? adj.all_w[k] : 1.0, directed, &m, &inside, k_out, k_in);
    } else {
        const igraph_integer_t *from = VECTOR(g->ig.from), *to = VECTOR(g->ig.to);
        const double *weight = weighted ? VECTOR(g->weights) : NULL;
        for (size_t e = 0; e < g->info.tie_count; e++)
            add_tie(membership[from[e]], membership[to[e]], weight ? weight[e] : 1.0, directed,
                    &m, &inside, k_out, k_in);
    }
    double expected = 0.0; /* sum_c K_out K_in, over m^2 (directed) or 4 m^2 */
    for (size_t c = 0; c < group_count; c++)
        expected += k_out[c] * k_in[c];
    if (m > 0.0)
        *out = inside / m - gamma * expected / ((directed ? 1.0 : 4.0) * m * m);
    else
        *out = NAN;
    free(k_out);
    free(k_in);
    ecosys_i_adjacency_destroy(&adj);
    return 0;
}

int ecosys_modularity(double *out, const ecosys_graph *g, const ecosys_partition *p,
                      double resolution, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED | ECOSYS_MODE_ALL,
                                   "ecosys_modularity");
    if (rc)
        return rc;
    if ((flags & ECOSYS_MODE_ALL) && (flags & ECOSYS_MODE_ALL) != ECOSYS_MODE_ALL)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_modularity: only ECOSYS_MODE_ALL is accepted as a mode");
    if ((rc = ecosys_i_partition_check(p, g->info.actor_count, "ecosys_modularity")))
        return rc;
    if (!(resolution >= 0.0) || isinf(resolution))
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_modularity: resolution %g is not >= 0",
                              resolution);
    return ecosys_i_modularity(out, g, ecosys_partition_membership(p),
                               ecosys_partition_group_count(p), resolution,
                               (flags & ECOSYS_WEIGHTED) != 0, (flags & ECOSYS_MODE_ALL) != 0);
}

/* ---- detection ------------------------------------------------------------------- */

/* @p out = @p membership renumbered 0, 1, ... in order of first vertex
 * (@p code: scratch of n entries). */
static igraph_error_t canonical(igraph_vector_int_t *out, const igraph_vector_int_t *membership,
                                igraph_vector_int_t *code)
{
    igraph_integer_t n = igraph_vector_int_size(membership), next = 0;
    IGRAPH_CHECK(igraph_vector_int_resize(out, n));
    IGRAPH_CHECK(igraph_vector_int_resize(code, n));
    igraph_vector_int_fill(code, -1);
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(*membership)[v];
        if (VECTOR(*code)[c] < 0)
            VECTOR(*code)[c] = next++;
        VECTOR(*out)[v] = VECTOR(*code)[c];
    }
    return IGRAPH_SUCCESS;
}

/* Leiden, iterated here rather than by igraph: igraph 0.10.2's
 * n_iterations < 0 ("until stable") stops after the first iteration. */
static igraph_error_t leiden(const ecosys_i_view *view, const igraph_vector_t *weights,
                             const ecosys_community_options *o, igraph_vector_int_t *membership)
{
    igraph_integer_t n = igraph_vcount(view->ig), clusters = 0;
    igraph_vector_t node_weights;
    IGRAPH_VECTOR_INIT_FINALLY(&node_weights, n);
    /* Modularity as igraph documents it: node weights k_i (strength if
     * weighted), resolution gamma / 2m. */
    IGRAPH_CHECK(igraph_strength(view->ig, &node_weights, igraph_vss_all(), IGRAPH_ALL,
                                 IGRAPH_LOOPS, weights));
    double two_m = igraph_vector_sum(&node_weights);
    igraph_vector_int_t previous, current, code;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&previous, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&current, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&code, 0);
    unsigned int limit = o->iterations ? o->iterations : ECOSYS_COMMUNITY_MAX_ITERATIONS;
    for (unsigned int it = 0; it < limit; it++) {
        IGRAPH_CHECK(igraph_community_leiden(view->ig, weights, &node_weights,
                                             o->resolution / two_m, 0.01, it > 0, 1,
                                             membership, &clusters, NULL));
        if (o->iterations == 0) {
            IGRAPH_CHECK(canonical(&current, membership, &code));
            if (it > 0 && igraph_vector_int_all_e(&previous, &current))
                break;
            IGRAPH_CHECK(igraph_vector_int_update(&previous, &current));
        }
    }
    igraph_vector_int_destroy(&code);
    igraph_vector_int_destroy(&current);
    igraph_vector_int_destroy(&previous);
    igraph_vector_destroy(&node_weights);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

static igraph_error_t detect_impl(size_t *out, const ecosys_graph *g,
                                  const ecosys_community_options *o)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    ecosys_i_view view;
    IGRAPH_CHECK(ecosys_i_view_init(&view, g, /* undirected = */ 1, /* lengths = */ 0));
    igraph_vector_int_t membership;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, n);
    const igraph_vector_t *weights = o->weighted ? view.weights : NULL;
    IGRAPH_CHECK(ecosys_i_igraph_seed(o->seed));
    if (o->algorithm == ECOSYS_COMMUNITY_LOUVAIN)
        IGRAPH_CHECK(igraph_community_multilevel(view.ig, weights, o->resolution, &membership,
                                                 NULL, NULL));
    else
        IGRAPH_CHECK(leiden(&view, weights, o, &membership));
    for (igraph_integer_t v = 0; v < n; v++)
        out[v] = (size_t) VECTOR(membership)[v];
    igraph_vector_int_destroy(&membership);
    ecosys_i_view_destroy(&view);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* Renumbers @p membership in place so groups are 0, 1, ... in order of
 * their first vertex; returns the number of groups, or SIZE_MAX if out of
 * memory. */
static size_t renumber(size_t *membership, size_t n)
{
    size_t *code = ecosys_i_alloc_array(n, sizeof *code);
    if (!code)
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        code[i] = SIZE_MAX;
    size_t next = 0;
    for (size_t v = 0; v < n; v++) {
        size_t c = membership[v];
        if (code[c] == SIZE_MAX)
            code[c] = next++;
        membership[v] = code[c];
    }
    free(code);
    return next;
}

int ecosys_community_detect(ecosys_partition **out, double *out_modularity,
                            const ecosys_graph *g, const ecosys_community_options *options)
{
    static const char what[] = "ecosys_community_detect";
    if (!out || !g)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", what);
    *out = NULL;
    ecosys_community_options o = ECOSYS_COMMUNITY_OPTIONS_INIT;
    if (options)
        o = *options;
    int rc = check_options(&o, what);
    if (rc)
        return rc;
    size_t n = g->info.actor_count;
    size_t *membership = ecosys_i_alloc_array(n, sizeof *membership);
    if (!membership)
        return ecosys_i_error_nomem();
    if (g->info.tie_count == 0) {
        /* Nothing to optimise (and 2m = 0): every actor alone. */
        for (size_t v = 0; v < n; v++)
            membership[v] = v;
    } else {
        ecosys_i_igraph_lock();
        igraph_error_t irc = detect_impl(membership, g, &o);
        rc = ecosys_i_igraph_unlock(irc, o.algorithm == ECOSYS_COMMUNITY_LOUVAIN
                                             ? "Louvain communities"
                                             : "Leiden communities");
    }
    size_t groups = 0;
    if (!rc && (groups = renumber(membership, n)) == SIZE_MAX)
        rc = ecosys_i_error_nomem();
    if (!rc && out_modularity)
        rc = ecosys_i_modularity(out_modularity, g, membership, groups, o.resolution,
                                 o.weighted != 0, /* undirected = */ 1);
    if (!rc)
        rc = ecosys_partition_from_membership(out, membership, n);
    free(membership);
    return rc;
}

/* ecosys_community_detect() with @p options (NULL: the defaults) but
 * @p algorithm. */
static int detect_with(ecosys_partition **out, double *out_modularity, const ecosys_graph *g,
                       const ecosys_community_options *options,
                       ecosys_community_algorithm algorithm)
{
    ecosys_community_options o = ECOSYS_COMMUNITY_OPTIONS_INIT;
    if (options)
        o = *options;
    o.algorithm = algorithm;
    return ecosys_community_detect(out, out_modularity, g, &o);
}

int ecosys_louvain(ecosys_partition **out, double *out_modularity, const ecosys_graph *g,
                   const ecosys_community_options *options)
{
    return detect_with(out, out_modularity, g, options, ECOSYS_COMMUNITY_LOUVAIN);
}

int ecosys_leiden(ecosys_partition **out, double *out_modularity, const ecosys_graph *g,
                  const ecosys_community_options *options)
{
    return detect_with(out, out_modularity, g, options, ECOSYS_COMMUNITY_LEIDEN);
}

/* ---- summary ------------------------------------------------------------------------ */

void ecosys_community_summary_dispose(ecosys_community_summary *s)
{
    if (!s)
        return;
    free(s->sizes);
    free(s->internal_ties);
    free(s->external_ties);
    free(s->internal_weight);
    free(s->external_weight);
    free(s->composition);
    memset(s, 0, sizeof *s);
}

int ecosys_community_summary_compute(ecosys_community_summary *s, const ecosys_graph *g,
                                     const ecosys_partition *communities,
                                     const ecosys_partition *by)
{
    static const char what[] = "ecosys_community_summary_compute";
    if (!s || !g)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", what);
    memset(s, 0, sizeof *s);
    int rc = ecosys_i_partition_check(communities, g->info.actor_count, what);
    if (!rc && by)
        rc = ecosys_i_partition_check(by, g->info.actor_count, what);
    if (rc)
        return rc;
    size_t count = ecosys_partition_group_count(communities);
    size_t slots = count ? count : 1;
    s->community_count = count;
    s->sizes = calloc(slots, sizeof *s->sizes);
    s->internal_ties = calloc(slots, sizeof *s->internal_ties);
    s->external_ties = calloc(slots, sizeof *s->external_ties);
    s->internal_weight = calloc(slots, sizeof *s->internal_weight);
    s->external_weight = calloc(slots, sizeof *s->external_weight);
    if (!s->sizes || !s->internal_ties || !s->external_ties || !s->internal_weight ||
        !s->external_weight)
        goto nomem;
    const size_t *membership = ecosys_partition_membership(communities);
    size_t n = g->info.actor_count, m = g->info.tie_count;
    for (size_t v = 0; v < n; v++)
        s->sizes[membership[v]]++;
    for (size_t e = 0; e < m; e++) {
        size_t a = membership[IGRAPH_FROM(&g->ig, e)], b = membership[IGRAPH_TO(&g->ig, e)];
        double w = VECTOR(g->weights)[e];
        if (a == b) {
            s->internal_ties[a]++;
            s->internal_weight[a] += w;
        } else {
            s->external_ties[a]++;
            s->external_weight[a] += w;
            s->external_ties[b]++;
            s->external_weight[b] += w;
        }
    }
    if (by) {
        size_t groups = ecosys_partition_group_count(by);
        if (groups && count > SIZE_MAX / groups)
            goto nomem;
        s->group_count = groups;
        size_t cells = count * groups;
        s->composition = calloc(cells ? cells : 1, sizeof *s->composition);
        if (!s->composition)
            goto nomem;
        const size_t *group = ecosys_partition_membership(by);
        for (size_t v = 0; v < n; v++)
            s->composition[membership[v] * groups + group[v]]++;
    }
    return 0;
nomem:
    ecosys_community_summary_dispose(s);
    return ecosys_i_error_nomem();
}
