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

/* One path measure: fills @p result (n entries) on @p view with @p mode. */
typedef igraph_error_t (*path_kernel)(igraph_vector_t *result, const ecosys_i_view *view,
                                      igraph_neimode_t mode, unsigned int flags);

/* What every path measure shares: the view, a result vector, copying out. */
static igraph_error_t path_impl(double *out, const ecosys_graph *g, unsigned int flags,
                                path_kernel kernel)
{
    igraph_integer_t n = igraph_vcount(&g->ig);
    ecosys_i_view view;
    igraph_neimode_t mode;
    IGRAPH_CHECK(path_view(&view, &mode, g, flags));
    igraph_vector_t result;
    IGRAPH_VECTOR_INIT_FINALLY(&result, n);
    IGRAPH_CHECK(kernel(&result, &view, mode, flags));
    memcpy(out, VECTOR(result), (size_t) n * sizeof *out);
    igraph_vector_destroy(&result);
    ecosys_i_view_destroy(&view);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static int run_path_measure(double *out, const ecosys_graph *g, unsigned int flags,
                            path_kernel kernel, const char *function, const char *what)
{
    int rc = ecosys_i_measure_args(out, g, flags, PATH_FLAGS, function);
    if (rc)
        return rc;
    if (g->info.actor_count == 0)
        return 0;
    ecosys_i_igraph_lock();
    igraph_error_t irc = path_impl(out, g, flags, kernel);
    return ecosys_i_igraph_unlock(irc, what);
}

static void scale_vector(igraph_vector_t *v, double scale)
{
    if (scale != 1.0)
        igraph_vector_scale(v, scale);
}

/* ---- betweenness -------------------------------------------------------- */

static igraph_error_t betweenness_kernel(igraph_vector_t *result, const ecosys_i_view *view,
                                         igraph_neimode_t mode, unsigned int flags)
{
    (void) mode;
    igraph_integer_t n = igraph_vcount(view->ig);
    /* Betweenness is the same on the reversed graph, so MODE_IN and
     * MODE_OUT agree: both count directed paths. igraph counts each
     * unordered pair once in undirected graphs. */
    IGRAPH_CHECK(igraph_betweenness(view->ig, result, igraph_vss_all(), IGRAPH_DIRECTED,
                                    view->lengths));
    if (flags & ECOSYS_NORMALIZED) {
        double pairs = (double) (n - 1) * (double) (n - 2);
        if (!igraph_is_directed(view->ig))
            pairs /= 2;
        scale_vector(result, n >= 3 ? 1.0 / pairs : 0.0);
    }
    return IGRAPH_SUCCESS;
}

int ecosys_betweenness(double *out, const ecosys_graph *g, unsigned int flags)
{
    return run_path_measure(out, g, flags, betweenness_kernel, "ecosys_betweenness",
                            "betweenness");
}

/* ---- closeness ---------------------------------------------------------- */

static igraph_error_t closeness_kernel(igraph_vector_t *result, const ecosys_i_view *view,
                                       igraph_neimode_t mode, unsigned int flags)
{
    /* igraph 0.10: only reachable vertices count; normalized gives
     * (r - 1) / sum; a vertex that reaches nothing gets NaN. */
    return igraph_closeness(view->ig, result, NULL, NULL, igraph_vss_all(), mode,
                            view->lengths, (flags & ECOSYS_NORMALIZED) != 0);
}

int ecosys_closeness(double *out, const ecosys_graph *g, unsigned int flags)
{
    return run_path_measure(out, g, flags, closeness_kernel, "ecosys_closeness", "closeness");
}

/* ---- harmonic closeness ------------------------------------------------- */

static igraph_error_t harmonic_kernel(igraph_vector_t *result, const ecosys_i_view *view,
                                      igraph_neimode_t mode, unsigned int flags)
{
    igraph_integer_t n = igraph_vcount(view->ig);
    IGRAPH_CHECK(igraph_harmonic_centrality(view->ig, result, igraph_vss_all(), mode,
                                            view->lengths, /* normalized = */ false));
    /* Normalised here so n = 1 gives 0 whatever igraph does. */
    if (flags & ECOSYS_NORMALIZED)
        scale_vector(result, n > 1 ? 1.0 / (double) (n - 1) : 0.0);
    return IGRAPH_SUCCESS;
}

int ecosys_harmonic(double *out, const ecosys_graph *g, unsigned int flags)
{
    return run_path_measure(out, g, flags, harmonic_kernel, "ecosys_harmonic",
                            "harmonic closeness");
}
