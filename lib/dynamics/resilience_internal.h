/* Internal: the pieces of ecosys_resilience_run() (ecosys/resilience.h):
 * the curve of a removal order (resilience_curve.c), the orders of the
 * targeted strategies (resilience_order.c) and the random replicates
 * (resilience_random.c). All work on the pooled, direction-ignored CSR
 * adjacency (graph/adjacency.h "all" lists), never on igraph, so they are
 * thread-safe. */
#ifndef ECOSYS_DYNAMICS_RESILIENCE_INTERNAL_H
#define ECOSYS_DYNAMICS_RESILIENCE_INTERNAL_H

#include "ecosys/resilience.h"
#include "graph/adjacency.h"

#include <stddef.h>
#include <stdint.h>

/* Scratch of the union-find curve: 3 arrays of n. */
typedef struct ecosys_i_res_uf {
    uint32_t *parent;
    uint32_t *size;
    unsigned char *present;
} ecosys_i_res_uf;

/* 0 or ECOSYS_ENOMEM (last error set); on error @p uf is left freeable. */
int ecosys_i_res_uf_init(ecosys_i_res_uf *uf, size_t n);
void ecosys_i_res_uf_destroy(ecosys_i_res_uf *uf);

/* The curve of removing @p order[0 .. k-1] (distinct vertices of @p adj):
 * after q removals (q = 0 .. k), largest[q] = size of the largest component
 * of the remaining vertices (direction ignored) and comps[q] their number
 * of components. Built backwards (Newman & Ziff 2001): the vertices never
 * removed first, then order[k-1], ..., order[0] added back, merging with
 * union-find (union by size, path halving). O(n + m alpha(n)). Never
 * allocates, never fails. */
void ecosys_i_res_curve(size_t *largest, size_t *comps, const ecosys_i_adjacency *adj,
                        const size_t *order, size_t k, ecosys_i_res_uf *uf);

/* Progress and cancellation of the calling thread's strategies. */
typedef struct ecosys_i_res_progress {
    ecosys_progress_callback call; /* NULL: none */
    void *user;
} ecosys_i_res_progress;

/* Non-zero if the callback asked to cancel. */
int ecosys_i_res_report(const ecosys_i_res_progress *p, size_t done, size_t total);

/* The removal order of a targeted strategy (degree, strength, betweenness;
 * static or adaptive) into @p order (n vertices), as documented at
 * ecosys_resilience_run(). @p adj needs weights (ECOSYS_I_ADJ_WEIGHTS) for
 * strength. Returns 0, ECOSYS_ENOMEM or ECOSYS_ECANCELLED with the last
 * error set. */
int ecosys_i_res_order(size_t *order, const ecosys_i_adjacency *adj,
                       ecosys_removal_strategy strategy, int adaptive,
                       const ecosys_i_res_progress *progress);

/* What the random replicates add up: exact integer sums over the
 * replicates, so that the result does not depend on which thread ran
 * which replicate. */
typedef struct ecosys_i_res_random {
    uint64_t *sum_largest;  /* n + 1: sum over r of largest_r[q] */
    uint64_t *sum_squares;  /* n + 1: sum over r of largest_r[q]^2 */
    uint64_t *sum_comps;    /* n + 1: sum over r of comps_r[q] */
    double *robustness;     /* R: replicate r's robustness */
    double *critical;       /* R: replicate r's critical fraction */
    unsigned int threads;   /* threads used */
} ecosys_i_res_random;

/* Runs the R replicates of the random strategy on options->threads
 * threads, filling @p out (arrays allocated by the caller, sums zeroed),
 * with progress and cancellation as ecosys_resilience_run() documents.
 * Returns 0, ECOSYS_ENOMEM, ECOSYS_ECANCELLED or ECOSYS_ERROR (no mutex)
 * with the last error set. */
int ecosys_i_res_random_run(ecosys_i_res_random *out, const ecosys_i_adjacency *adj,
                            const ecosys_resilience_options *options);

/* Smallest q/n, q = 0 .. k, with largest[q] <= threshold n; NaN if none. */
double ecosys_i_res_critical(const size_t *largest, size_t k, size_t n, double threshold);

#endif
