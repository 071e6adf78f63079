/* The random strategy: R replicates, replicate r removing the actors in a
 * uniformly random order drawn from stream r of the seed (Fisher-Yates on
 * 0 .. n-1), its curve built backwards with union-find
 * (resilience_curve.c).
 *
 * Threads: the replicate runner (core/parallel.h) gives each of T workers
 * replicates in turn; each worker adds its replicates' curves into its own
 * integer sums (largest size, its square, component count), which are
 * added up here after the run. Integer sums are exact in any order, and
 * per-replicate values go to slot r, so the result is the same bit for bit
 * whatever T. Workers never allocate: their arrays are made here first. */
#include "dynamics/resilience_internal.h"

#include "core/error.h"
#include "core/parallel.h"
#include "core/random.h"

#include <stdlib.h>

typedef struct worker {
    size_t *order;   /* n */
    size_t *largest; /* n + 1 */
    size_t *comps;   /* n + 1 */
    uint64_t *sum_largest, *sum_squares, *sum_comps; /* n + 1 each */
    ecosys_i_res_uf uf;
} worker;

/* Read-only but for slot r of out's per-replicate arrays. */
typedef struct shared {
    const ecosys_i_adjacency *adj;
    uint64_t seed;
    double threshold;
    ecosys_i_res_random *out;
} shared;

/* Replicate @p r (an ecosys_i_parallel_job: never fails, and a replicate
 * is too short to poll the cancel flag). */
static int replicate(void *worker_state, size_t r, void *shared_state, const atomic_int *cancel)
{
    (void) cancel;
    worker *w = worker_state;
    const shared *sh = shared_state;
    size_t n = sh->adj->n;
    ecosys_i_rng rng;
    ecosys_i_rng_init(&rng, sh->seed, r);
    for (size_t v = 0; v < n; v++)
        w->order[v] = v;
    ecosys_i_rng_shuffle(&rng, w->order, n);
    ecosys_i_res_curve(w->largest, w->comps, sh->adj, w->order, n, &w->uf);
    uint64_t total = 0;
    for (size_t q = 0; q <= n; q++) {
        uint64_t s = w->largest[q];
        w->sum_largest[q] += s;
        w->sum_squares[q] += s * s;
        w->sum_comps[q] += w->comps[q];
        if (q > 0)
            total += s;
    }
    sh->out->robustness[r] = (double) total / ((double) n * (double) n);
    sh->out->critical[r] = ecosys_i_res_critical(w->largest, n, n, sh->threshold);
    return 0;
}

static int worker_init(worker *w, size_t n)
{
    w->order = malloc(n * sizeof *w->order);
    w->largest = malloc((n + 1) * sizeof *w->largest);
    w->comps = malloc((n + 1) * sizeof *w->comps);
    w->sum_largest = calloc(n + 1, sizeof *w->sum_largest);
    w->sum_squares = calloc(n + 1, sizeof *w->sum_squares);
    w->sum_comps = calloc(n + 1, sizeof *w->sum_comps);
    if (!w->order || !w->largest || !w->comps || !w->sum_largest || !w->sum_squares ||
        !w->sum_comps)
        return ecosys_i_error_nomem();
    return ecosys_i_res_uf_init(&w->uf, n);
}

static void worker_destroy(worker *w)
{
    free(w->order);
    free(w->largest);
    free(w->comps);
    free(w->sum_largest);
    free(w->sum_squares);
    free(w->sum_comps);
    ecosys_i_res_uf_destroy(&w->uf);
}

int ecosys_i_res_random_run(ecosys_i_res_random *out, const ecosys_i_adjacency *adj,
                            const ecosys_resilience_options *o)
{
    size_t n = adj->n, R = o->replicates;
    unsigned int T = ecosys_i_parallel_threads(o->threads, R);
    worker *ws = calloc(T, sizeof *ws);
    if (!ws)
        return ecosys_i_error_nomem();
    int rc = 0;
    for (unsigned int t = 0; t < T && !rc; t++)
        rc = worker_init(&ws[t], n);
    if (!rc) {
        shared sh = {adj, o->seed, o->threshold, out};
        ecosys_i_parallel run = {.replicates = R,
                                 .threads = T,
                                 .workers = ws,
                                 .worker_size = sizeof *ws,
                                 .job = replicate,
                                 .shared = &sh,
                                 .progress = o->progress,
                                 .progress_user = o->progress_user,
                                 .who = "ecosys_resilience_run"};
        ecosys_i_parallel_outcome outcome;
        rc = ecosys_i_parallel_run(&outcome, &run); /* replicate() never fails */
        out->threads = outcome.threads_used;
    }
    for (unsigned int t = 0; t < T && !rc; t++) {
        for (size_t q = 0; q <= n; q++) {
            out->sum_largest[q] += ws[t].sum_largest[q];
            out->sum_squares[q] += ws[t].sum_squares[q];
            out->sum_comps[q] += ws[t].sum_comps[q];
        }
    }
    for (unsigned int t = 0; t < T; t++)
        worker_destroy(&ws[t]);
    free(ws);
    return rc;
}
