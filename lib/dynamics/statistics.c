/* Graph-level statistics of the ensembles, on libecosys's own arrays: no
 * igraph, no allocation once the scratch exists, safe in many threads at
 * once. Each gives the value the library's igraph-based or mixing measure
 * gives on the same graph (tests/test_nullmodel.c checks them against
 * ecosys_structure_compute(), ecosys_ei_index_compute() and
 * ecosys_assortativity_nominal()). See ecosys/nullmodel.h. */
#include "dynamics/nullmodel_internal.h"

#include "core/error.h"
#include "graph/partition_internal.h"
#include "measures/mixing_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *ecosys_null_statistic_name(ecosys_statistic_kind kind)
{
    switch (kind) {
    case ECOSYS_STATISTIC_DENSITY:
        return "density";
    case ECOSYS_STATISTIC_EI_INDEX:
        return "ei_index";
    case ECOSYS_STATISTIC_ASSORTATIVITY:
        return "assortativity";
    case ECOSYS_STATISTIC_TRANSITIVITY:
        return "transitivity";
    case ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING:
        return "mean_local_clustering";
    case ECOSYS_STATISTIC_DEGREE_CENTRALIZATION:
        return "degree_centralization";
    case ECOSYS_STATISTIC_CUSTOM:
        return "custom";
    }
    return NULL;
}

int ecosys_i_stat_uses_labels(ecosys_statistic_kind kind)
{
    return kind == ECOSYS_STATISTIC_EI_INDEX || kind == ECOSYS_STATISTIC_ASSORTATIVITY ||
           kind == ECOSYS_STATISTIC_CUSTOM;
}

unsigned int ecosys_i_stat_needs(const ecosys_statistic *stats, size_t count)
{
    unsigned int needs = 0;
    for (size_t i = 0; i < count; i++) {
        switch (stats[i].kind) {
        case ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING:
            needs |= ECOSYS_I_NEED_TRI;
            /* fall through */
        case ECOSYS_STATISTIC_TRANSITIVITY:
            needs |= ECOSYS_I_NEED_CSR;
            break;
        case ECOSYS_STATISTIC_DEGREE_CENTRALIZATION:
            needs |= ECOSYS_I_NEED_DEGREE;
            break;
        case ECOSYS_STATISTIC_EI_INDEX:
        case ECOSYS_STATISTIC_ASSORTATIVITY:
            needs |= ECOSYS_I_NEED_GROUPS;
            break;
        default:
            break;
        }
    }
    return needs;
}

void ecosys_i_stat_scratch_destroy(ecosys_i_stat_scratch *sc)
{
    if (!sc)
        return;
    free(sc->start);
    free(sc->nbr);
    free(sc->stamp);
    free(sc->tri);
    free(sc->degree);
    free(sc->mass);
    memset(sc, 0, sizeof *sc);
}

int ecosys_i_stat_scratch_init(ecosys_i_stat_scratch *sc, size_t n, size_t m, size_t k,
                               unsigned int needs)
{
    memset(sc, 0, sizeof *sc);
    int failed = 0;
    if (needs & ECOSYS_I_NEED_CSR) {
        sc->start = ecosys_i_alloc_array(n + 1, sizeof *sc->start);
        sc->nbr = m > SIZE_MAX / 2 ? NULL : ecosys_i_alloc_array(2 * m, sizeof *sc->nbr);
        sc->stamp = ecosys_i_alloc_array(n, sizeof *sc->stamp);
        failed |= !sc->start || !sc->nbr || !sc->stamp;
    }
    if (needs & ECOSYS_I_NEED_TRI)
        failed |= !(sc->tri = ecosys_i_alloc_array(n, sizeof *sc->tri));
    if (needs & ECOSYS_I_NEED_DEGREE)
        failed |= !(sc->degree = ecosys_i_alloc_array(n, sizeof *sc->degree));
    if (needs & ECOSYS_I_NEED_GROUPS)
        failed |= !(sc->mass = ecosys_i_alloc_array(2 * (k ? k : 1), sizeof *sc->mass));
    if (failed) {
        ecosys_i_stat_scratch_destroy(sc);
        return ecosys_i_error_nomem();
    }
    return 0;
}

/* ---- sorting rows ------------------------------------------------------------ */

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return (x > y) - (x < y);
}

void ecosys_i_sort_u32(uint32_t *items, size_t count)
{
    if (count > 24) {
        qsort(items, count, sizeof *items, compare_u32);
        return;
    }
    for (size_t i = 1; i < count; i++) { /* insertion sort: rows are short */
        uint32_t x = items[i];
        size_t j = i;
        while (j > 0 && items[j - 1] > x) {
            items[j] = items[j - 1];
            j--;
        }
        items[j] = x;
    }
}

/* The undirected simple CSR of the view's edges (a reciprocated pair of
 * arcs is one neighbour), rows sorted. O(n + m + sorting the rows). */
static void build_csr(ecosys_i_stat_scratch *sc, const ecosys_graph_view *view)
{
    size_t n = view->actor_count, m = view->tie_count;
    size_t *start = sc->start;
    memset(start, 0, (n + 1) * sizeof *start);
    for (size_t e = 0; e < m; e++) {
        start[view->sources[e] + 1]++;
        start[view->targets[e] + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    /* Fill with start[v] as the cursor of row v, then shift back. */
    for (size_t e = 0; e < m; e++) {
        uint32_t s = view->sources[e], t = view->targets[e];
        sc->nbr[start[s]++] = t;
        sc->nbr[start[t]++] = s;
    }
    for (size_t v = n; v > 0; v--)
        start[v] = start[v - 1];
    start[0] = 0;
    for (size_t v = 0; v < n; v++)
        ecosys_i_sort_u32(sc->nbr + start[v], start[v + 1] - start[v]);
    if (!view->directed)
        return;
    /* Directed: a <-> b listed twice in both rows; keep one, compacting. */
    size_t kept = 0, begin = 0;
    for (size_t v = 0; v < n; v++) {
        size_t end = start[v + 1];
        start[v] = kept;
        for (size_t i = begin; i < end; i++) {
            if (i > begin && sc->nbr[i] == sc->nbr[i - 1])
                continue;
            sc->nbr[kept++] = sc->nbr[i];
        }
        begin = end;
    }
    start[n] = kept;
}

/* First position in the sorted row [begin, end) holding a value > @p v. */
static inline size_t first_above(const uint32_t *nbr, size_t begin, size_t end, uint32_t v)
{
    while (begin < end) {
        size_t mid = begin + (end - begin) / 2;
        if (nbr[mid] <= v)
            begin = mid + 1;
        else
            end = mid;
    }
    return begin;
}

/* Triangles v < u < w of the sorted CSR: each once. With @p tri, also the
 * triangles at each vertex. O(sum over edges of the degree) = O(m d). */
static uint64_t count_triangles(const size_t *start, const uint32_t *nbr, size_t n,
                                uint32_t *stamp, uint64_t *tri)
{
    uint64_t total = 0;
    if (tri)
        memset(tri, 0, n * sizeof *tri);
    memset(stamp, 0, n * sizeof *stamp);
    for (size_t v = 0; v < n; v++) {
        uint32_t mark = (uint32_t) v + 1; /* n < 2^32 - 1: never 0 */
        size_t above = first_above(nbr, start[v], start[v + 1], (uint32_t) v);
        for (size_t i = above; i < start[v + 1]; i++)
            stamp[nbr[i]] = mark;
        for (size_t i = above; i < start[v + 1]; i++) {
            uint32_t u = nbr[i];
            size_t from = first_above(nbr, start[u], start[u + 1], u);
            for (size_t j = from; j < start[u + 1]; j++) {
                uint32_t w = nbr[j];
                if (stamp[w] != mark)
                    continue;
                total++;
                if (tri) {
                    tri[v]++;
                    tri[u]++;
                    tri[w]++;
                }
            }
        }
    }
    return total;
}

/* ---- the statistics ---------------------------------------------------------- */

static double density(const ecosys_graph_view *view)
{
    double n = (double) view->actor_count;
    if (view->actor_count < 2)
        return NAN;
    double dyads = view->directed ? n * (n - 1) : n * (n - 1) / 2;
    return (double) view->tie_count / dyads;
}

static double ei_index(const ecosys_graph_view *view)
{
    const size_t *group = view->groups;
    double external = 0, internal = 0;
    for (size_t e = 0; e < view->tie_count; e++) {
        if (group[view->sources[e]] == group[view->targets[e]])
            internal += 1;
        else
            external += 1;
    }
    double total = external + internal;
    return total > 0 ? (external - internal) / total : NAN;
}

/* As ecosys_assortativity_nominal(), unweighted: the same sums in the same
 * order (every term a whole number until the last divisions). */
static double assortativity(const ecosys_graph_view *view, double *mass)
{
    size_t k = view->group_count;
    double *a = mass, *b = mass + k;
    memset(mass, 0, 2 * k * sizeof *mass);
    const size_t *group = view->groups;
    double total = 0, trace = 0;
    for (size_t e = 0; e < view->tie_count; e++) {
        size_t g = group[view->sources[e]], h = group[view->targets[e]];
        if (view->directed) {
            a[g] += 1;
            b[h] += 1;
            total += 1;
            trace += g == h;
        } else {
            /* Tie ends: e_gh and e_hg each get 1 (e_gg gets 2). */
            a[g] += 1;
            b[h] += 1;
            a[h] += 1;
            b[g] += 1;
            total += 2;
            trace += g == h ? 2 : 0;
        }
    }
    double products = 0;
    for (size_t g = 0; g < k && total > 0; g++)
        products += (a[g] / total) * (b[g] / total);
    if (total > 0 && products < 1.0)
        return (trace / total - products) / (1.0 - products);
    return NAN;
}

static double degree_centralization(const ecosys_graph_view *view, size_t *degree)
{
    size_t n = view->actor_count;
    if (n < 3)
        return NAN;
    memset(degree, 0, n * sizeof *degree);
    for (size_t e = 0; e < view->tie_count; e++) {
        degree[view->sources[e]]++;
        degree[view->targets[e]]++;
    }
    size_t max = 0;
    for (size_t v = 0; v < n; v++)
        max = degree[v] > max ? degree[v] : max;
    /* sum_v (max - d_v) = n max - 2m exactly, as whole numbers. */
    double sum = (double) n * (double) max - 2.0 * (double) view->tie_count;
    double nd = (double) n;
    double maximum = (view->directed ? 2.0 : 1.0) * (nd - 1) * (nd - 2);
    return sum / maximum;
}

int ecosys_i_statistics_compute(double *values, const ecosys_statistic *stats, size_t count,
                                const ecosys_graph_view *view, ecosys_i_stat_scratch *sc,
                                const ecosys_i_csr *csr, size_t *failed_stat,
                                int *failed_code)
{
    size_t n = view->actor_count;
    int have_triangles = 0;
    uint64_t triangles = 0;
    const size_t *start = NULL;
    const uint32_t *nbr = NULL;
    for (size_t i = 0; i < count; i++) {
        ecosys_statistic_kind kind = stats[i].kind;
        if ((kind == ECOSYS_STATISTIC_TRANSITIVITY ||
             kind == ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING) && !have_triangles) {
            if (csr) {
                if (!csr->sorted) {
                    for (size_t v = 0; v < n; v++)
                        ecosys_i_sort_u32(csr->nbr + csr->start[v],
                                          csr->start[v + 1] - csr->start[v]);
                }
                start = csr->start;
                nbr = csr->nbr;
            } else {
                build_csr(sc, view);
                start = sc->start;
                nbr = sc->nbr;
            }
            triangles = count_triangles(start, nbr, n, sc->stamp, sc->tri);
            have_triangles = 1;
        }
        switch (kind) {
        case ECOSYS_STATISTIC_DENSITY:
            values[i] = density(view);
            break;
        case ECOSYS_STATISTIC_EI_INDEX:
            values[i] = ei_index(view);
            break;
        case ECOSYS_STATISTIC_ASSORTATIVITY:
            values[i] = assortativity(view, sc->mass);
            break;
        case ECOSYS_STATISTIC_TRANSITIVITY: {
            uint64_t triples = 0;
            for (size_t v = 0; v < n; v++) {
                uint64_t d = start[v + 1] - start[v];
                triples += d * (d - (d > 0)) / 2;
            }
            values[i] = triples ? 3.0 * (double) triangles / (double) triples : NAN;
            break;
        }
        case ECOSYS_STATISTIC_MEAN_LOCAL_CLUSTERING: {
            /* As ecosys_structure_compute(): the local values summed in
             * vertex order, degree < 2 counting 0, then divided by n. */
            double sum = 0;
            for (size_t v = 0; v < n; v++) {
                double d = (double) (start[v + 1] - start[v]);
                if (d >= 2)
                    sum += (double) sc->tri[v] / (d * (d - 1) / 2);
            }
            values[i] = n ? sum / (double) n : NAN;
            break;
        }
        case ECOSYS_STATISTIC_DEGREE_CENTRALIZATION:
            values[i] = degree_centralization(view, sc->degree);
            break;
        case ECOSYS_STATISTIC_CUSTOM: {
            double value = NAN;
            int rc = stats[i].callback(&value, view, stats[i].user);
            if (rc) {
                *failed_stat = i;
                *failed_code = rc;
                return ECOSYS_ECOMPUTE;
            }
            values[i] = value;
            break;
        }
        }
    }
    return 0;
}

/* ---- one statistic of a graph ------------------------------------------------- */

int ecosys_null_statistic_compute(double *out, const ecosys_graph *graph,
                                  const ecosys_partition *partition,
                                  ecosys_statistic_kind kind)
{
    if (!out || !graph)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_null_statistic_compute: NULL argument");
    if (!ecosys_null_statistic_name(kind) || kind == ECOSYS_STATISTIC_CUSTOM)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_null_statistic_compute: statistic %d is not a built-in one",
                              (int) kind);
    ecosys_statistic stat = {kind, NULL, NULL};
    unsigned int needs = ecosys_i_stat_needs(&stat, 1);
    if (needs & ECOSYS_I_NEED_GROUPS) {
        int rc = ecosys_i_mixing_args(out, graph, partition, 0, 0,
                                      "ecosys_null_statistic_compute");
        if (rc)
            return rc;
    }
    ecosys_i_null_graph g;
    int rc = ecosys_i_null_graph_init(&g, graph, (needs & ECOSYS_I_NEED_GROUPS) ? partition : NULL,
                                      0);
    if (rc)
        return rc;
    ecosys_i_stat_scratch sc;
    if ((rc = ecosys_i_stat_scratch_init(&sc, g.n, g.m, g.group_count, needs))) {
        ecosys_i_null_graph_destroy(&g);
        return rc;
    }
    ecosys_graph_view view = {g.n, g.m, g.directed, g.src, g.dst, g.groups, g.group_count,
                              SIZE_MAX};
    size_t failed_stat = 0;
    int failed_code = 0;
    double value = NAN;
    ecosys_i_statistics_compute(&value, &stat, 1, &view, &sc, NULL, &failed_stat, &failed_code);
    *out = value;
    ecosys_i_stat_scratch_destroy(&sc);
    ecosys_i_null_graph_destroy(&g);
    return 0;
}
