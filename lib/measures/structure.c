/* Graph-level structure: size, density, components, distances in the
 * largest component, clustering, Freeman centralizations, cores, cut
 * vertices and cut edges. See ecosys/measures.h and docs/measures.md. */
#include "measures/measures_internal.h"

#include "core/error.h"
#include "core/igraph_guard.h"

#include <math.h>
#include <stdlib.h>

/* Components, the largest one (ties: lowest component index, that is the
 * component of the lowest vertex), isolates. */
static igraph_error_t components_part(ecosys_structure *s, const ecosys_graph *g)
{
    igraph_integer_t n = igraph_vcount(&g->ig), largest = 0;
    igraph_vector_int_t membership, sizes, degree;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&sizes, 0);
    IGRAPH_CHECK(ecosys_i_components(&g->ig, &membership, &sizes));
    igraph_integer_t count = igraph_vector_int_size(&sizes);
    for (igraph_integer_t c = 1; c < count; c++)
        if (VECTOR(sizes)[c] > VECTOR(sizes)[largest])
            largest = c;
    s->component_count = (size_t) count;
    s->largest_component_size = (size_t) VECTOR(sizes)[largest];
    IGRAPH_VECTOR_INT_INIT_FINALLY(&degree, n);
    IGRAPH_CHECK(igraph_degree(&g->ig, &degree, igraph_vss_all(), IGRAPH_ALL,
                               IGRAPH_LOOPS)); /* none: see centrality.c */
    s->isolate_count = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        s->isolate_count += VECTOR(degree)[v] == 0;
    igraph_vector_int_destroy(&degree);
    igraph_vector_int_destroy(&sizes);
    igraph_vector_int_destroy(&membership);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

/* Diameter and mean distance of the largest component (ties: the component
 * of the lowest vertex, as components_part() picks it), from one search per
 * vertex (distances.c), outside igraph. Left NaN if it has < 2 actors. */
static int distances_part(ecosys_structure *s, const ecosys_graph *g, int weighted)
{
    size_t n = g->info.actor_count, count = 0, largest = 0;
    size_t *membership = malloc(n * sizeof *membership);
    size_t *sizes = calloc(n, sizeof *sizes);
    int rc = membership && sizes ? ecosys_components(membership, &count, g)
                                 : ecosys_i_error_nomem();
    if (!rc) {
        for (size_t v = 0; v < n; v++)
            sizes[membership[v]]++;
        for (size_t c = 1; c < count; c++)
            if (sizes[c] > sizes[largest])
                largest = c;
        if (sizes[largest] >= 2)
            rc = ecosys_i_distance_summary(&s->diameter, &s->mean_distance, g, membership,
                                           largest, weighted);
    }
    free(membership);
    free(sizes);
    return rc;
}

/* The parts that ignore direction and need no igraph: transitivity and
 * mean local clustering from one triangle count (clustering.c), cut
 * vertices and cut edges from one depth-first search (cut_points.c). */
static int undirected_part(ecosys_structure *s, const ecosys_graph *g)
{
    size_t n = g->info.actor_count;
    double *local = malloc(n * sizeof *local);
    unsigned char *flags = malloc(2 * n);
    if (!local || !flags) {
        free(local);
        free(flags);
        return ecosys_i_error_nomem();
    }
    int rc = ecosys_i_clustering(local, &s->transitivity, g);
    if (!rc) {
        double sum = 0;
        for (size_t v = 0; v < n; v++)
            sum += local[v];
        s->mean_local_clustering = sum / (double) n;
        rc = ecosys_i_cut_elements(flags, flags + n, NULL, g);
    }
    if (!rc) {
        s->articulation_point_count = s->bridge_count = 0;
        for (size_t v = 0; v < n; v++) {
            s->articulation_point_count += flags[v];
            s->bridge_count += flags[n + v];
        }
    }
    free(local);
    free(flags);
    return rc;
}

/* Largest k of a non-empty k-core (k-cores by in + out degree if directed). */
static igraph_error_t max_core_part(ecosys_structure *s, const ecosys_graph *g)
{
    igraph_vector_int_t cores;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cores, 0);
    IGRAPH_CHECK(igraph_coreness(&g->ig, &cores, IGRAPH_ALL));
    s->max_core = (size_t) igraph_vector_int_max(&cores);
    igraph_vector_int_destroy(&cores);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Freeman centralizations, normalised by igraph's theoretical maxima, on
 * the graph as it is (directed paths and in-link eigenvectors if directed),
 * unweighted. Called for n >= 3 only: below, every maximum is 0 (or, for
 * the eigenvector's n - 2, negative) and the ratio means nothing. */
static igraph_error_t centralization_part(ecosys_structure *s, const ecosys_graph *g, int paths)
{
    const igraph_t *ig = &g->ig;
    int directed = igraph_is_directed(ig);
    IGRAPH_CHECK(igraph_centralization_degree(ig, NULL, IGRAPH_ALL, IGRAPH_NO_LOOPS,
                                              &s->degree_centralization, NULL, true));
    if (paths) {
        IGRAPH_CHECK(igraph_centralization_betweenness(ig, NULL, directed,
                                                       &s->betweenness_centralization, NULL,
                                                       true));
        IGRAPH_CHECK(igraph_centralization_closeness(ig, NULL,
                                                     directed ? IGRAPH_OUT : IGRAPH_ALL,
                                                     &s->closeness_centralization, NULL, true));
    }
    IGRAPH_CHECK(igraph_centralization_eigenvector_centrality(
        ig, NULL, NULL, directed, /* scale = */ true, NULL, &s->eigenvector_centralization,
        NULL, true));
    /* Closeness with an isolate is NaN (igraph 0.10); drop the sign bit. */
    double *values[] = {&s->degree_centralization, &s->betweenness_centralization,
                        &s->closeness_centralization, &s->eigenvector_centralization};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        if (isnan(*values[i]))
            *values[i] = NAN;
    return IGRAPH_SUCCESS;
}

static igraph_error_t structure_impl(ecosys_structure *s, const ecosys_graph *g, int paths)
{
    IGRAPH_CHECK(components_part(s, g));
    IGRAPH_CHECK(max_core_part(s, g));
    if (igraph_vcount(&g->ig) >= 3)
        IGRAPH_CHECK(centralization_part(s, g, paths));
    return IGRAPH_SUCCESS;
}

int ecosys_structure_compute(ecosys_structure *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED | ECOSYS_NO_PATHS,
                                   "ecosys_structure_compute");
    if (rc)
        return rc;
    ecosys_structure s = {0};
    size_t n = g->info.actor_count, m = g->info.tie_count;
    s.actor_count = n;
    s.tie_count = m;
    s.directed = g->info.directed != 0;
    s.weighted = (flags & ECOSYS_WEIGHTED) != 0;
    double pairs = (double) n * ((double) n - 1) / (s.directed ? 1.0 : 2.0);
    s.density = n >= 2 ? (double) m / pairs : NAN;
    s.mean_degree = n > 0 ? (double) m * (s.directed ? 1.0 : 2.0) / (double) n : NAN;
    s.diameter = s.mean_distance = s.transitivity = s.mean_local_clustering = NAN;
    s.degree_centralization = s.betweenness_centralization = NAN;
    s.closeness_centralization = s.eigenvector_centralization = NAN;
    if (n > 0 && !(flags & ECOSYS_NO_PATHS) && (rc = distances_part(&s, g, s.weighted)))
        return rc;
    if (n > 0 && (rc = undirected_part(&s, g)))
        return rc;
    if (n > 0) {
        ecosys_i_igraph_lock();
        igraph_error_t irc = structure_impl(&s, g, !(flags & ECOSYS_NO_PATHS));
        if ((rc = ecosys_i_igraph_unlock(irc, "structure")))
            return rc;
    }
    *out = s;
    return 0;
}
