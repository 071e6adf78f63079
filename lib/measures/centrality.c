/* Centralities that sum ties: degree, strength, eigenvector, PageRank.
 * Path-based centralities are in paths.c. See ecosys/measures.h and
 * docs/measures.md. */
#include "measures/measures_internal.h"

#include "core/error.h"
#include "core/igraph_guard.h"

#include <string.h>

/* ---- degree and strength ------------------------------------------------ */

static igraph_error_t degree_impl(double *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    igraph_neimode_t mode = ecosys_i_mode(flags, IGRAPH_ALL);
    igraph_vector_int_t degree;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&degree, n);
    /* A graph has no self-loop (ecosys/graph.h), so counting loops changes
     * nothing, and lets igraph read each degree off its edge index in O(n)
     * instead of scanning every incident edge for loops. */
    IGRAPH_CHECK(igraph_degree(&g->ig, &degree, igraph_vss_all(), mode, IGRAPH_LOOPS));
    /* n = 1: no tie is possible; 0 rather than 0/0 (NetworkX gives 1). */
    double scale = (flags & ECOSYS_NORMALIZED) ? (n > 1 ? 1.0 / (double) (n - 1) : 0.0) : 1.0;
    for (igraph_integer_t v = 0; v < n; v++)
        out[v] = (double) VECTOR(degree)[v] * scale;
    igraph_vector_int_destroy(&degree);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

int ecosys_degree(double *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_NORMALIZED | ECOSYS_I_MODE_BITS,
                                   "ecosys_degree");
    if (rc)
        return flags & ECOSYS_WEIGHTED
                   ? ecosys_i_error(ECOSYS_EINVAL,
                                    "ecosys_degree: ECOSYS_WEIGHTED not accepted "
                                    "(use ecosys_strength)")
                   : rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = degree_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "degree");
}

static igraph_error_t strength_impl(double *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    igraph_vector_t strength;
    IGRAPH_VECTOR_INIT_FINALLY(&strength, n);
    IGRAPH_CHECK(igraph_strength(&g->ig, &strength, igraph_vss_all(),
                                 ecosys_i_mode(flags, IGRAPH_ALL), IGRAPH_LOOPS, /* none */
                                 &g->weights));
    memcpy(out, VECTOR(strength), (size_t) n * sizeof *out);
    igraph_vector_destroy(&strength);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

int ecosys_strength(double *out, const ecosys_graph *g, unsigned int flags)
{
    /* ECOSYS_WEIGHTED is accepted and changes nothing: strength is weighted. */
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED | ECOSYS_I_MODE_BITS,
                                   "ecosys_strength");
    if (rc)
        return rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = strength_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "strength");
}

/* ---- eigenvector centrality --------------------------------------------- */

static igraph_error_t eigenvector_impl(double *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    igraph_vector_t vector;
    IGRAPH_VECTOR_INIT_FINALLY(&vector, n);
    /* Directed graphs: igraph's left eigenvector, a vertex is central if
     * central vertices point to it (in-links). A directed acyclic graph
     * has eigenvalue 0 and all centralities 0 (igraph warns; silenced). */
    IGRAPH_CHECK(igraph_eigenvector_centrality(&g->ig, &vector, NULL, IGRAPH_DIRECTED,
                                               /* scale = */ true,
                                               (flags & ECOSYS_WEIGHTED) ? &g->weights : NULL,
                                               NULL));
    for (igraph_integer_t v = 0; v < n; v++)
        out[v] = ecosys_i_plus_zero(VECTOR(vector)[v]);
    igraph_vector_destroy(&vector);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

int ecosys_eigenvector(double *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED, "ecosys_eigenvector");
    if (rc)
        return rc;
    size_t n = g->info.actor_count;
    if (g->info.tie_count == 0) {
        /* igraph 0.10 gives 1 everywhere for a graph without edges; the
         * stated convention is 0 (no vertex is central). */
        for (size_t v = 0; v < n; v++)
            out[v] = 0.0;
        return 0;
    }
    ecosys_i_igraph_lock();
    igraph_error_t irc = eigenvector_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "eigenvector centrality");
}

/* ---- PageRank ----------------------------------------------------------- */

static igraph_error_t pagerank_impl(double *out, const ecosys_graph *g, double damping,
                                    unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    igraph_vector_t vector;
    IGRAPH_VECTOR_INIT_FINALLY(&vector, n);
    /* PRPACK: direct solve; dangling vertices jump uniformly to all
     * vertices. Its system is singular for damping 1 (it returns NaN):
     * there, the stationary distribution of the walk is an eigenvector,
     * found by ARPACK (unique only if the walk is irreducible, see
     * docs/measures.md). */
    igraph_pagerank_algo_t algo =
        damping == 1.0 ? IGRAPH_PAGERANK_ALGO_ARPACK : IGRAPH_PAGERANK_ALGO_PRPACK;
    IGRAPH_CHECK(igraph_pagerank(&g->ig, algo, &vector, NULL,
                                 igraph_vss_all(), IGRAPH_DIRECTED, damping,
                                 (flags & ECOSYS_WEIGHTED) ? &g->weights : NULL, NULL));
    memcpy(out, VECTOR(vector), (size_t) n * sizeof *out);
    igraph_vector_destroy(&vector);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

int ecosys_pagerank(double *out, const ecosys_graph *g, double damping, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, ECOSYS_WEIGHTED, "ecosys_pagerank");
    if (rc)
        return rc;
    if (!(damping >= 0.0 && damping <= 1.0)) /* also rejects NaN */
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_pagerank: damping %g outside [0, 1]",
                              damping);
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = pagerank_impl(out, g, damping, flags);
    return ecosys_i_igraph_unlock(irc, "PageRank");
}
