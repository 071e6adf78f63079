/* Mixing across groups: the mixing matrix, the E-I index at network, group
 * and actor level with its exact null, nominal assortativity, Blau and IQV.
 * The label-permutation test and the null's variance are in mixing_null.c.
 * See ecosys/mixing.h and docs/measures.md "Mixing across groups".
 *
 * Everything reads the graph's edge arrays directly, or the CSR adjacency
 * built from them (graph/adjacency.h) for each actor's partners, and works
 * on arrays of its own (no igraph call, no lock): these functions may run
 * in many threads at once. */
#include "measures/mixing_internal.h"

#include "core/error.h"
#include "graph/partition_internal.h"
#include "measures/neighbour_groups.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int ecosys_i_mixing_args(const void *out, const ecosys_graph *graph,
                         const ecosys_partition *partition, unsigned int flags,
                         unsigned int allowed, const char *what)
{
    if (!out || !graph || !partition)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", what);
    if (flags & ~allowed)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: flags 0x%x not accepted (accepted: 0x%x)",
                              what, flags & ~allowed, allowed);
    return ecosys_i_partition_check(partition, graph->info.actor_count, what);
}

/* ---- mixing matrix ------------------------------------------------------- */

void ecosys_mixing_matrix_dispose(ecosys_mixing_matrix *matrix)
{
    if (!matrix)
        return;
    free(matrix->ties);
    free(matrix->weights);
    memset(matrix, 0, sizeof *matrix);
}

int ecosys_mixing_matrix_compute(ecosys_mixing_matrix *out, const ecosys_graph *graph,
                                 const ecosys_partition *partition)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, 0, 0, "ecosys_mixing_matrix_compute");
    if (rc)
        return rc;
    memset(out, 0, sizeof *out);
    size_t k = ecosys_partition_group_count(partition);
    if (k && k > SIZE_MAX / k)
        return ecosys_i_error_nomem();
    size_t cells = k ? k * k : 1;
    double *ties = calloc(cells, sizeof *ties);
    double *weights = calloc(cells, sizeof *weights);
    if (!ties || !weights) {
        free(ties);
        free(weights);
        return ecosys_i_error_nomem();
    }
    const size_t *group = ecosys_partition_membership(partition);
    int directed = graph->info.directed != 0;
    for (size_t e = 0; e < graph->info.tie_count; e++) {
        size_t g = group[ecosys_i_edge_from(graph, e)], h = group[ecosys_i_edge_to(graph, e)];
        double w = ecosys_i_edge_weight(graph, e);
        ties[g * k + h] += 1;
        weights[g * k + h] += w;
        if (!directed && g != h) { /* undirected: both cells, see the header */
            ties[h * k + g] += 1;
            weights[h * k + g] += w;
        }
    }
    out->group_count = k;
    out->directed = directed;
    out->ties = ties;
    out->weights = weights;
    return 0;
}

/* ---- E-I index: network and group level ---------------------------------- */

void ecosys_ei_index_dispose(ecosys_ei_index *result)
{
    if (!result)
        return;
    free(result->group_external);
    free(result->group_internal);
    free(result->group_ei_index);
    free(result->group_expected);
    free(result->group_sd);
    free(result->group_z);
    memset(result, 0, sizeof *result);
}

static double ei_ratio(double external, double internal)
{
    double total = external + internal;
    return total > 0 ? (external - internal) / total : NAN;
}

/* Expected value, sd and z of an E-I index @p observed under the uniform
 * placement of @p ties ties on distinct dyads (ecosys/mixing.h). */
static void ei_null(double *expected, double *sd, double *z, double observed, double dyads,
                    double internal_dyads, double ties, double weight, double squares)
{
    if (ties == 0 || dyads == 0) {
        *expected = *sd = *z = NAN;
        return;
    }
    *expected = 1.0 - 2.0 * internal_dyads / dyads;
    *sd = ecosys_i_ei_null_sd(dyads, internal_dyads, ties, weight, squares);
    *z = *sd > 0 ? (observed - *expected) / *sd : NAN;
}

int ecosys_ei_index_compute(ecosys_ei_index *out, const ecosys_graph *graph,
                            const ecosys_partition *partition, unsigned int flags)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, flags, ECOSYS_WEIGHTED,
                                  "ecosys_ei_index_compute");
    if (rc)
        return rc;
    memset(out, 0, sizeof *out);
    size_t k = ecosys_partition_group_count(partition);
    size_t n = graph->info.actor_count, m = graph->info.tie_count;
    int directed = graph->info.directed != 0, weighted = (flags & ECOSYS_WEIGHTED) != 0;
    /* Per group: external, internal, tie count, weight, squared weights. */
    double *arrays[6] = {NULL};
    double *ties_at = calloc(k ? k : 1, sizeof *ties_at);
    double *squares_at = calloc(k ? k : 1, sizeof *squares_at);
    int failed = !ties_at || !squares_at;
    for (int i = 0; i < 6 && !failed; i++)
        failed = !(arrays[i] = calloc(k ? k : 1, sizeof *arrays[i]));
    if (failed) {
        for (int i = 0; i < 6; i++)
            free(arrays[i]);
        free(ties_at);
        free(squares_at);
        return ecosys_i_error_nomem();
    }
    double *ext = arrays[0], *in = arrays[1];
    const size_t *group = ecosys_partition_membership(partition);
    double external = 0, internal = 0, squares = 0;
    for (size_t e = 0; e < m; e++) {
        size_t g = group[ecosys_i_edge_from(graph, e)], h = group[ecosys_i_edge_to(graph, e)];
        double w = weighted ? ecosys_i_edge_weight(graph, e) : 1.0;
        squares += w * w;
        if (g == h) {
            internal += w;
            in[g] += w;
            ties_at[g] += 1;
            squares_at[g] += w * w;
        } else {
            external += w;
            ext[g] += w;
            ext[h] += w;
            ties_at[g] += 1;
            ties_at[h] += 1;
            squares_at[g] += w * w;
            squares_at[h] += w * w;
        }
    }
    out->group_count = k;
    out->directed = directed;
    out->weighted = weighted;
    out->external = external;
    out->internal = internal;
    out->ei_index = ei_ratio(external, internal);

    double nd = (double) n, factor = directed ? 1.0 : 0.5; /* ordered or unordered pairs */
    out->dyads = factor * nd * (nd - 1);
    double internal_dyads = 0;
    for (size_t g = 0; g < k; g++) {
        double size = (double) ecosys_partition_group_size(partition, g);
        internal_dyads += factor * size * (size - 1);
    }
    out->internal_dyads = internal_dyads;
    ei_null(&out->expected, &out->sd, &out->z, out->ei_index, out->dyads, internal_dyads,
            (double) m, external + internal, squares);

    out->group_external = ext;
    out->group_internal = in;
    out->group_ei_index = arrays[2];
    out->group_expected = arrays[3];
    out->group_sd = arrays[4];
    out->group_z = arrays[5];
    for (size_t g = 0; g < k; g++) {
        double size = (double) ecosys_partition_group_size(partition, g);
        double inside = factor * size * (size - 1);
        double across = 2 * factor * size * (nd - size); /* directed: out and in */
        out->group_ei_index[g] = ei_ratio(ext[g], in[g]);
        ei_null(&out->group_expected[g], &out->group_sd[g], &out->group_z[g],
                out->group_ei_index[g], inside + across, inside, ties_at[g], ext[g] + in[g],
                squares_at[g]);
    }
    free(ties_at);
    free(squares_at);
    return 0;
}

/* ---- nominal assortativity ------------------------------------------------ */

int ecosys_assortativity_nominal(double *out, const ecosys_graph *graph,
                                 const ecosys_partition *partition, unsigned int flags)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, flags, ECOSYS_WEIGHTED,
                                  "ecosys_assortativity_nominal");
    if (rc)
        return rc;
    ecosys_mixing_matrix matrix;
    if ((rc = ecosys_mixing_matrix_compute(&matrix, graph, partition)))
        return rc;
    size_t k = matrix.group_count;
    const double *cell = (flags & ECOSYS_WEIGHTED) ? matrix.weights : matrix.ties;
    double *a = calloc(k ? 2 * k : 1, sizeof *a);
    if (!a) {
        ecosys_mixing_matrix_dispose(&matrix);
        return ecosys_i_error_nomem();
    }
    double *b = a + k;
    /* e_gh from the matrix: undirected, the tie ends (NetworkX's matrix:
     * the diagonal doubled), directed the arcs; total = sum of e's cells. */
    double total = 0, trace = 0;
    for (size_t g = 0; g < k; g++) {
        for (size_t h = 0; h < k; h++) {
            double x = cell[g * k + h] * (!matrix.directed && g == h ? 2.0 : 1.0);
            a[g] += x;
            b[h] += x;
            total += x;
            if (g == h)
                trace += x;
        }
    }
    double products = 0;
    for (size_t g = 0; g < k && total > 0; g++)
        products += (a[g] / total) * (b[g] / total);
    if (total > 0 && products < 1.0)
        *out = (trace / total - products) / (1.0 - products);
    else
        *out = NAN; /* no tie, or every tie end in one group */
    free(a);
    ecosys_mixing_matrix_dispose(&matrix);
    return 0;
}

/* ---- each actor's partners ------------------------------------------------ */

/* Builds the adjacency and picks the partners of the mode (neighbour_groups.h):
 * a partner reached by two arcs (mode ALL on a directed graph) is one
 * partner, its two weights summed. */
static int partners_init(ecosys_i_adjacency *adj, ecosys_i_neighbours *partners,
                         const ecosys_graph *graph, unsigned int flags)
{
    int weighted = (flags & ECOSYS_WEIGHTED) != 0;
    int rc = ecosys_i_adjacency_init(adj, graph, weighted ? ECOSYS_I_ADJ_WEIGHTS : 0);
    if (!rc)
        *partners = ecosys_i_neighbours_by_mode(adj, flags, weighted);
    return rc;
}

int ecosys_ei_index_actors(double *out, const ecosys_graph *graph,
                           const ecosys_partition *partition, unsigned int flags)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, flags,
                                  ECOSYS_WEIGHTED | ECOSYS_MODE_ALL, "ecosys_ei_index_actors");
    if (rc)
        return rc;
    ecosys_i_adjacency adj;
    ecosys_i_neighbours p;
    if ((rc = partners_init(&adj, &p, graph, flags)))
        return rc;
    const size_t *group = ecosys_partition_membership(partition);
    for (size_t v = 0; v < p.n; v++) {
        double external = 0, internal = 0;
        for (size_t i = p.start[v]; i < p.start[v + 1]; i++) {
            double w = ecosys_i_neighbour_weight(&p, i);
            if (group[p.nbr[i]] == group[v])
                internal += w;
            else
                external += w;
        }
        out[v] = ei_ratio(external, internal);
    }
    ecosys_i_adjacency_destroy(&adj);
    return 0;
}

/* 1 - sum_g p_g^2 over each actor's partners (NaN without partners, the
 * convention of ecosys/mixing.h), times @p scale. */
static int heterogeneity(double *out, const ecosys_graph *graph,
                         const ecosys_partition *partition, unsigned int flags, double scale)
{
    ecosys_i_adjacency adj;
    ecosys_i_neighbours p;
    int rc = partners_init(&adj, &p, graph, flags);
    if (!rc)
        rc = ecosys_i_group_dispersion(out, &p, ecosys_partition_membership(partition),
                                       ecosys_partition_group_count(partition), NAN);
    ecosys_i_adjacency_destroy(&adj);
    if (rc)
        return rc;
    if (scale != 1.0)
        for (size_t v = 0; v < p.n; v++)
            out[v] *= scale;
    return 0;
}

int ecosys_blau(double *out, const ecosys_graph *graph, const ecosys_partition *partition,
                unsigned int flags)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, flags,
                                  ECOSYS_WEIGHTED | ECOSYS_MODE_ALL, "ecosys_blau");
    return rc ? rc : heterogeneity(out, graph, partition, flags, 1.0);
}

int ecosys_iqv(double *out, const ecosys_graph *graph, const ecosys_partition *partition,
               unsigned int flags)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, flags,
                                  ECOSYS_WEIGHTED | ECOSYS_MODE_ALL, "ecosys_iqv");
    if (rc)
        return rc;
    double k = (double) ecosys_partition_group_count(partition);
    if (k < 2) {
        for (size_t v = 0; v < graph->info.actor_count; v++)
            out[v] = NAN;
        return 0;
    }
    return heterogeneity(out, graph, partition, flags, k / (k - 1));
}
