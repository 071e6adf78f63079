/* Resilience (ecosys/resilience.h): the entry point, its options, results
 * and the group order. The order of a targeted strategy comes from
 * resilience_order.c, the curve of any order from resilience_curve.c, the
 * random replicates from resilience_random.c. */
#include "dynamics/resilience_internal.h"

#include "core/error.h"
#include "graph/graph_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ecosys_resilience_options_init(ecosys_resilience_options *options, unsigned int version)
{
    if (!options)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_resilience_options_init: NULL options");
    if (version != ECOSYS_RESILIENCE_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_resilience_options_init: unknown options version %u "
                              "(this library knows %d)",
                              version, ECOSYS_RESILIENCE_OPTIONS_VERSION);
    ecosys_resilience_options defaults = ECOSYS_RESILIENCE_OPTIONS_INIT;
    *options = defaults;
    return 0;
}

void ecosys_resilience_dispose(ecosys_resilience *result)
{
    if (!result)
        return;
    free(result->order);
    free(result->largest);
    free(result->largest_sd);
    free(result->components);
    free(result->replicate_robustness);
    free(result->replicate_critical);
    memset(result, 0, sizeof *result);
}

const char *ecosys_removal_strategy_name(ecosys_removal_strategy strategy)
{
    switch (strategy) {
    case ECOSYS_REMOVAL_RANDOM:
        return "random";
    case ECOSYS_REMOVAL_DEGREE:
        return "degree";
    case ECOSYS_REMOVAL_STRENGTH:
        return "strength";
    case ECOSYS_REMOVAL_BETWEENNESS:
        return "betweenness";
    case ECOSYS_REMOVAL_ORDER:
        return "order";
    }
    return NULL;
}

int ecosys_resilience_group_order(size_t **out_order, size_t *out_count,
                                  const ecosys_partition *partition, size_t group)
{
    const char *what = "ecosys_resilience_group_order";
    if (!out_order || !out_count || !partition)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL argument", what);
    *out_order = NULL;
    *out_count = 0;
    size_t k = ecosys_partition_group_count(partition);
    if (group >= k)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: group %zu out of range (%zu groups)", what,
                              group, k);
    size_t size = ecosys_partition_group_size(partition, group);
    size_t n = ecosys_partition_vertex_count(partition);
    const size_t *membership = ecosys_partition_membership(partition);
    size_t *order = malloc((size ? size : 1) * sizeof *order);
    if (!order)
        return ecosys_i_error_nomem();
    size_t c = 0;
    for (size_t v = 0; v < n && c < size; v++) {
        if (membership[v] == group)
            order[c++] = v;
    }
    *out_order = order;
    *out_count = c;
    return 0;
}

void ecosys_resilience_order_free(size_t *order)
{
    free(order);
}

/* ---- arguments ------------------------------------------------------------------------ */

static int check_order(const ecosys_resilience_options *o, size_t n)
{
    const char *what = "ecosys_resilience_run";
    if (!o->order || o->order_length == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: the order strategy needs a non-empty order",
                              what);
    if (o->order_length > n)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: the order has %zu entries but the graph %zu "
                                             "actors", what, o->order_length, n);
    unsigned char *seen = calloc(n, 1);
    if (!seen)
        return ecosys_i_error_nomem();
    int rc = 0;
    for (size_t i = 0; i < o->order_length && !rc; i++) {
        size_t v = o->order[i];
        if (v >= n)
            rc = ecosys_i_error(ECOSYS_EINVAL, "%s: order[%zu] = %zu is not a vertex (n = %zu)",
                                what, i, v, n);
        else if (seen[v]++)
            rc = ecosys_i_error(ECOSYS_EINVAL, "%s: order[%zu] = %zu is removed twice", what, i,
                                v);
    }
    free(seen);
    return rc;
}

static int check_arguments(const ecosys_graph *graph, const ecosys_resilience_options *o)
{
    const char *what = "ecosys_resilience_run";
    if (!graph)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: NULL graph", what);
    if (o->version != ECOSYS_RESILIENCE_OPTIONS_VERSION)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown options version %u (expected %d)",
                              what, o->version, ECOSYS_RESILIENCE_OPTIONS_VERSION);
    if (!ecosys_removal_strategy_name(o->strategy))
        return ecosys_i_error(ECOSYS_EINVAL, "%s: unknown strategy %d", what, (int) o->strategy);
    size_t n = graph->info.actor_count;
    if (n == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: the graph has no actor", what);
    if (n >= UINT32_MAX)
        return ecosys_i_error(ECOSYS_EUNSUPPORTED, "%s: %zu actors: at most 2^32 - 2", what, n);
    if (!(o->threshold >= 0 && o->threshold <= 1))
        return ecosys_i_error(ECOSYS_EINVAL, "%s: threshold %g is not in [0, 1]", what,
                              o->threshold);
    if (o->strategy == ECOSYS_REMOVAL_RANDOM && o->replicates == 0)
        return ecosys_i_error(ECOSYS_EINVAL, "%s: replicates must be at least 1", what);
    if (o->strategy == ECOSYS_REMOVAL_ORDER)
        return check_order(o, n);
    return 0;
}

/* ---- results -------------------------------------------------------------------------- */

static int alloc_curves(ecosys_resilience *res, size_t k, int random, size_t R)
{
    res->largest = malloc((k + 1) * sizeof *res->largest);
    res->components = malloc((k + 1) * sizeof *res->components);
    if (!res->largest || !res->components)
        return ecosys_i_error_nomem();
    if (random) {
        res->largest_sd = malloc((k + 1) * sizeof *res->largest_sd);
        res->replicate_robustness = malloc(R * sizeof *res->replicate_robustness);
        res->replicate_critical = malloc(R * sizeof *res->replicate_critical);
        if (!res->largest_sd || !res->replicate_robustness || !res->replicate_critical)
            return ecosys_i_error_nomem();
    } else {
        res->order = malloc((k ? k : 1) * sizeof *res->order);
        if (!res->order)
            return ecosys_i_error_nomem();
    }
    return 0;
}

/* An ordered strategy: the order, then its curve. */
static int run_ordered(ecosys_resilience *res, const ecosys_i_adjacency *adj,
                       const ecosys_resilience_options *o)
{
    size_t n = adj->n, k = n;
    if (o->strategy == ECOSYS_REMOVAL_ORDER)
        k = o->order_length;
    int rc = alloc_curves(res, k, 0, 0);
    if (rc)
        return rc;
    ecosys_i_res_progress progress = {o->progress, o->progress_user};
    if (o->strategy == ECOSYS_REMOVAL_ORDER) {
        if (ecosys_i_res_report(&progress, 0, 1))
            return ecosys_i_error(ECOSYS_ECANCELLED,
                                  "ecosys_resilience_run: cancelled by the progress callback");
        memcpy(res->order, o->order, k * sizeof *res->order);
    } else if ((rc = ecosys_i_res_order(res->order, adj, o->strategy, o->adaptive, &progress))) {
        return rc;
    }
    size_t *largest = malloc((k + 1) * sizeof *largest);
    size_t *comps = malloc((k + 1) * sizeof *comps);
    ecosys_i_res_uf uf = {NULL, NULL, NULL};
    if (!largest || !comps)
        rc = ecosys_i_error_nomem();
    else
        rc = ecosys_i_res_uf_init(&uf, n);
    if (!rc) {
        ecosys_i_res_curve(largest, comps, adj, res->order, k, &uf);
        uint64_t total = 0;
        for (size_t q = 0; q <= k; q++) {
            res->largest[q] = (double) largest[q] / (double) n;
            res->components[q] = (double) comps[q];
            if (q > 0)
                total += largest[q];
        }
        res->robustness = k == n ? (double) total / ((double) n * (double) n) : NAN;
        res->critical_fraction = ecosys_i_res_critical(largest, k, n, o->threshold);
        if (o->strategy == ECOSYS_REMOVAL_ORDER && ecosys_i_res_report(&progress, 1, 1))
            rc = ecosys_i_error(ECOSYS_ECANCELLED,
                                "ecosys_resilience_run: cancelled by the progress callback");
    }
    ecosys_i_res_uf_destroy(&uf);
    free(largest);
    free(comps);
    res->steps = k;
    res->threads = 1;
    return rc;
}

/* The random strategy: replicates, then means and standard deviations from
 * the exact integer sums. */
static int run_random(ecosys_resilience *res, const ecosys_i_adjacency *adj,
                      const ecosys_resilience_options *o)
{
    size_t n = adj->n, R = o->replicates;
    int rc = alloc_curves(res, n, 1, R);
    if (rc)
        return rc;
    ecosys_i_res_random sums = {calloc(n + 1, sizeof(uint64_t)), calloc(n + 1, sizeof(uint64_t)),
                                calloc(n + 1, sizeof(uint64_t)), res->replicate_robustness,
                                res->replicate_critical, 1};
    if (!sums.sum_largest || !sums.sum_squares || !sums.sum_comps)
        rc = ecosys_i_error_nomem();
    else
        rc = ecosys_i_res_random_run(&sums, adj, o);
    if (!rc) {
        double dn = (double) n, dR = (double) R;
        for (size_t q = 0; q <= n; q++) {
            res->largest[q] = (double) sums.sum_largest[q] / (dR * dn);
            res->components[q] = (double) sums.sum_comps[q] / dR;
            /* R sum x^2 - (sum x)^2, exact in long double's 64-bit mantissa. */
            long double s = (long double) sums.sum_largest[q];
            long double spread = (long double) R * (long double) sums.sum_squares[q] - s * s;
            res->largest_sd[q] =
                R > 1 ? sqrt((double) (spread / ((long double) R * (long double) (R - 1)))) / dn
                      : NAN;
        }
        double mean = 0, squares = 0;
        for (size_t r = 0; r < R; r++)
            mean += res->replicate_robustness[r];
        mean /= dR;
        for (size_t r = 0; r < R; r++) {
            double d = res->replicate_robustness[r] - mean;
            squares += d * d;
        }
        res->robustness = mean;
        res->robustness_sd = R > 1 ? sqrt(squares / (dR - 1)) : NAN;
        /* The critical fraction of the mean curve. */
        res->critical_fraction = NAN;
        for (size_t q = 0; q <= n; q++) {
            if ((double) sums.sum_largest[q] <= o->threshold * dR * dn) {
                res->critical_fraction = (double) q / dn;
                break;
            }
        }
    }
    free(sums.sum_largest);
    free(sums.sum_squares);
    free(sums.sum_comps);
    res->steps = n;
    res->replicates = R;
    res->seed = o->seed;
    res->threads = sums.threads;
    return rc;
}

int ecosys_resilience_run(ecosys_resilience *out, const ecosys_graph *graph,
                          const ecosys_resilience_options *options)
{
    if (!out)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_resilience_run: NULL out");
    memset(out, 0, sizeof *out);
    ecosys_resilience_options defaults = ECOSYS_RESILIENCE_OPTIONS_INIT;
    const ecosys_resilience_options *o = options ? options : &defaults;
    int rc = check_arguments(graph, o);
    if (rc)
        return rc;
    ecosys_i_adjacency adj;
    unsigned int parts = o->strategy == ECOSYS_REMOVAL_STRENGTH ? ECOSYS_I_ADJ_WEIGHTS : 0;
    if ((rc = ecosys_i_adjacency_init(&adj, graph, parts)))
        return rc;
    ecosys_resilience res;
    memset(&res, 0, sizeof res);
    res.strategy = o->strategy;
    res.adaptive = o->adaptive && (o->strategy == ECOSYS_REMOVAL_DEGREE ||
                                   o->strategy == ECOSYS_REMOVAL_STRENGTH ||
                                   o->strategy == ECOSYS_REMOVAL_BETWEENNESS);
    res.actor_count = adj.n;
    res.threshold = o->threshold;
    res.robustness_sd = NAN;
    ecosys_resilience_options local = *o;
    local.adaptive = res.adaptive;
    rc = o->strategy == ECOSYS_REMOVAL_RANDOM ? run_random(&res, &adj, &local)
                                              : run_ordered(&res, &adj, &local);
    ecosys_i_adjacency_destroy(&adj);
    if (rc) {
        ecosys_resilience_dispose(&res);
        return rc;
    }
    *out = res;
    return 0;
}
