/* Path-based centralities: betweenness, closeness, harmonic closeness.
 * Hop counts by default; with ECOSYS_WEIGHTED a tie's length is 1/weight.
 * See ecosys/measures.h and docs/measures.md. */
#include "measures/measures_internal.h"

#include "core/error.h"
#include "core/igraph_guard.h"

#include <string.h>

#define PATH_FLAGS (ECOSYS_WEIGHTED | ECOSYS_NORMALIZED | ECOSYS_I_MODE_BITS)

/* The graph and igraph mode a path measure runs on. Undirected graphs and
 * ECOSYS_MODE_ALL on directed graphs use the undirected simple view (see
 * measures_internal.h); otherwise the directed graph with mode OUT or IN. */
static igraph_error_t path_view(ecosys_i_view *view, igraph_neimode_t *mode,
                                const ecosys_graph *g, unsigned int flags)
{
    *mode = igraph_is_directed(&g->ig) ? ecosys_i_mode(flags, IGRAPH_OUT) : IGRAPH_ALL;
    IGRAPH_CHECK(ecosys_i_view_init(view, g, *mode == IGRAPH_ALL,
                                    (flags & ECOSYS_WEIGHTED) != 0));
    return IGRAPH_SUCCESS;
}

/* ---- betweenness -------------------------------------------------------- */

static igraph_error_t betweenness_impl(double *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    ecosys_i_view view;
    igraph_neimode_t mode;
    IGRAPH_CHECK(path_view(&view, &mode, g, flags));
    igraph_vector_t result;
    IGRAPH_VECTOR_INIT_FINALLY(&result, n);
    /* Betweenness is the same on the reversed graph, so MODE_IN and
     * MODE_OUT agree: both count directed paths. igraph counts each
     * unordered pair once in undirected graphs. */
    IGRAPH_CHECK(igraph_betweenness(view.ig, &result, igraph_vss_all(), IGRAPH_DIRECTED,
                                    view.lengths));
    double scale = 1.0;
    if (flags & ECOSYS_NORMALIZED) {
        double pairs = (double) (n - 1) * (double) (n - 2);
        if (!igraph_is_directed(view.ig))
            pairs /= 2;
        scale = n >= 3 ? 1.0 / pairs : 0.0;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        out[v] = VECTOR(result)[v] * scale;
    igraph_vector_destroy(&result);
    ecosys_i_view_destroy(&view);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

int ecosys_betweenness(double *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, PATH_FLAGS, "ecosys_betweenness");
    if (rc)
        return rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = betweenness_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "betweenness");
}

/* ---- closeness ---------------------------------------------------------- */

static igraph_error_t closeness_impl(double *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    ecosys_i_view view;
    igraph_neimode_t mode;
    IGRAPH_CHECK(path_view(&view, &mode, g, flags));
    igraph_vector_t result;
    IGRAPH_VECTOR_INIT_FINALLY(&result, n);
    /* igraph 0.10: only reachable vertices count; normalized gives
     * (r - 1) / sum; a vertex that reaches nothing gets NaN. */
    IGRAPH_CHECK(igraph_closeness(view.ig, &result, NULL, NULL, igraph_vss_all(), mode,
                                  view.lengths, (flags & ECOSYS_NORMALIZED) != 0));
    memcpy(out, VECTOR(result), (size_t) n * sizeof *out);
    igraph_vector_destroy(&result);
    ecosys_i_view_destroy(&view);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

int ecosys_closeness(double *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, PATH_FLAGS, "ecosys_closeness");
    if (rc)
        return rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = closeness_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "closeness");
}

/* ---- harmonic closeness ------------------------------------------------- */

static igraph_error_t harmonic_impl(double *out, const ecosys_graph *g, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    ecosys_i_view view;
    igraph_neimode_t mode;
    IGRAPH_CHECK(path_view(&view, &mode, g, flags));
    igraph_vector_t result;
    IGRAPH_VECTOR_INIT_FINALLY(&result, n);
    IGRAPH_CHECK(igraph_harmonic_centrality(view.ig, &result, igraph_vss_all(), mode,
                                            view.lengths, /* normalized = */ false));
    /* Normalised here so n = 1 gives 0 whatever igraph does. */
    double scale = (flags & ECOSYS_NORMALIZED) ? (n > 1 ? 1.0 / (double) (n - 1) : 0.0) : 1.0;
    for (igraph_integer_t v = 0; v < n; v++)
        out[v] = VECTOR(result)[v] * scale;
    igraph_vector_destroy(&result);
    ecosys_i_view_destroy(&view);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

int ecosys_harmonic(double *out, const ecosys_graph *g, unsigned int flags)
{
    int rc = ecosys_i_measure_args(out, g, flags, PATH_FLAGS, "ecosys_harmonic");
    if (rc)
        return rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = harmonic_impl(out, g, flags);
    return ecosys_i_igraph_unlock(irc, "harmonic closeness");
}
