/* Nulls of the E-I index: the exact variance under the uniform graph with
 * the same ties, and the seeded label-permutation test. See
 * ecosys/mixing.h. */
#include "measures/mixing_internal.h"

#include "core/error.h"
#include "core/random.h"
#include "graph/partition_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double ecosys_i_ei_null_sd(double dyads, double internal_dyads, double ties, double weight,
                           double squares)
{
    /* No variation: no internal dyad, no external one, no tie, or every
     * dyad tied. (Tested exactly rather than left to rounding, which could
     * turn 0 into a tiny positive sd and an absurd z.) */
    if (internal_dyads <= 0 || internal_dyads >= dyads || ties <= 0 || ties >= dyads ||
        dyads <= 1 || weight <= 0)
        return 0.0;
    double p = internal_dyads / dyads;
    /* Internal weight I = sum_e w_e X_e, X_e = 1 if tie e lands on an
     * internal dyad; draws without replacement: Var X_e = p(1-p),
     * Cov(X_e, X_f) = -p(1-p)/(D-1). Hence
     * Var I = p(1-p) (D S2 - W^2) / (D - 1), and EI = 1 - 2 I / W. */
    double variance = p * (1 - p) * (dyads * squares - weight * weight) / (dyads - 1);
    if (!(variance > 0))
        return 0.0;
    return 2.0 * sqrt(variance) / weight;
}

/* Internal weight of the graph under the labels @p group. O(m). */
static double internal_weight(const ecosys_graph *graph, const size_t *group, int weighted)
{
    double internal = 0;
    for (size_t e = 0; e < graph->info.tie_count; e++) {
        if (group[ecosys_i_edge_from(graph, e)] == group[ecosys_i_edge_to(graph, e)])
            internal += weighted ? ecosys_i_edge_weight(graph, e) : 1.0;
    }
    return internal;
}

int ecosys_ei_permutation_test(ecosys_ei_permutation *out, const ecosys_graph *graph,
                               const ecosys_partition *partition, size_t replicates,
                               uint64_t seed, unsigned int flags)
{
    int rc = ecosys_i_mixing_args(out, graph, partition, flags, ECOSYS_WEIGHTED,
                                  "ecosys_ei_permutation_test");
    if (rc)
        return rc;
    if (replicates == 0)
        return ecosys_i_error(ECOSYS_EINVAL,
                              "ecosys_ei_permutation_test: replicates must be at least 1");
    memset(out, 0, sizeof *out);
    out->replicates = replicates;
    out->seed = seed;
    int weighted = (flags & ECOSYS_WEIGHTED) != 0;
    out->weighted = weighted;

    size_t n = graph->info.actor_count, m = graph->info.tie_count;
    double total = 0;
    for (size_t e = 0; e < m; e++)
        total += weighted ? ecosys_i_edge_weight(graph, e) : 1.0;
    const size_t *original = ecosys_partition_membership(partition);
    if (total <= 0) {
        /* No tie: nothing to compare (every E-I index is 0/0). */
        out->observed = out->mean = out->sd = out->z = NAN;
        out->p_greater = out->p_less = NAN;
        return 0;
    }
    size_t *labels = ecosys_i_alloc_array(n, sizeof *labels);
    if (!labels)
        return ecosys_i_error_nomem();

    double observed_internal = internal_weight(graph, original, weighted);
    double observed = (total - 2.0 * observed_internal) / total; /* (E - I) / (E + I) */
    double tolerance = 1e-12 * total;
    size_t at_least = 0, at_most = 0; /* permuted EI >= / <= observed */
    double mean = 0, sum_squares = 0;      /* Welford */
    for (size_t r = 0; r < replicates; r++) {
        /* Replicate r: stream r, always from the original labels, so that
         * it does not depend on the replicates before it. */
        ecosys_i_rng rng;
        ecosys_i_rng_init(&rng, seed, (uint64_t) r);
        memcpy(labels, original, n * sizeof *labels);
        ecosys_i_rng_shuffle(&rng, labels, n);
        double internal = internal_weight(graph, labels, weighted);
        /* EI = 1 - 2 I / W decreases with I: compare internal weights. */
        if (internal <= observed_internal + tolerance)
            at_least++;
        if (internal >= observed_internal - tolerance)
            at_most++;
        double ei = 1.0 - 2.0 * internal / total;
        double delta = ei - mean;
        mean += delta / (double) (r + 1);
        sum_squares += delta * (ei - mean);
    }
    free(labels);

    out->observed = observed;
    out->mean = mean;
    out->sd = replicates > 1 ? sqrt(sum_squares / (double) (replicates - 1)) : NAN;
    out->z = out->sd > 0 ? (out->observed - mean) / out->sd : NAN;
    out->p_greater = (double) (at_least + 1) / (double) (replicates + 1);
    out->p_less = (double) (at_most + 1) / (double) (replicates + 1);
    return 0;
}
