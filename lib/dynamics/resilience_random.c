/* The random strategy: R replicates, replicate r removing the actors in a
 * uniformly random order drawn from stream r of the seed (Fisher-Yates on
 * 0 .. n-1), its curve built backwards with union-find
 * (resilience_curve.c).
 *
 * Threads, as the null models' runner (ensemble.c): T workers take
 * replicates from an atomic counter; the calling thread waits, reports
 * progress and sets the cancel flag. Each worker adds its replicates'
 * curves into its own integer sums (largest size, its square, component
 * count); the calling thread adds the workers' sums after the join.
 * Integer sums are exact in any order, and per-replicate values go to slot
 * r, so the result is the same bit for bit whatever T. Workers never
 * allocate: their arrays are made here first. */
#include "dynamics/resilience_internal.h"

#include "core/error.h"
#include "core/random.h"

#include <glib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct shared shared;

typedef struct worker {
    shared *sh;
    size_t *order;   /* n */
    size_t *largest; /* n + 1 */
    size_t *comps;   /* n + 1 */
    uint64_t *sum_largest, *sum_squares, *sum_comps; /* n + 1 each */
    ecosys_i_res_uf uf;
    pthread_t thread;
    int started;
} worker;

struct shared {
    const ecosys_i_adjacency *adj;
    uint64_t seed;
    size_t replicates;
    double threshold;
    ecosys_i_res_random *out;
    atomic_size_t next;
    atomic_int cancel;
    pthread_mutex_t lock; /* guards done, running */
    pthread_cond_t changed;
    size_t done;
    unsigned int running;
};

static void replicate(shared *sh, worker *w, size_t r)
{
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
}

static void *worker_main(void *data)
{
    worker *w = data;
    shared *sh = w->sh;
    while (!atomic_load(&sh->cancel)) {
        size_t r = atomic_fetch_add(&sh->next, 1);
        if (r >= sh->replicates)
            break;
        replicate(sh, w, r);
        pthread_mutex_lock(&sh->lock);
        sh->done++;
        pthread_cond_signal(&sh->changed);
        pthread_mutex_unlock(&sh->lock);
    }
    pthread_mutex_lock(&sh->lock);
    sh->running--;
    pthread_cond_signal(&sh->changed);
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

static int worker_init(worker *w, shared *sh, size_t n)
{
    w->sh = sh;
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

static int report(const ecosys_resilience_options *o, size_t done, size_t total)
{
    return o->progress ? o->progress(done, total, o->progress_user) != 0 : 0;
}

/* Runs the replicates; returns 0 or ECOSYS_ECANCELLED (not yet set). */
static int run_workers(shared *sh, worker *ws, unsigned int T,
                       const ecosys_resilience_options *o, unsigned int *used)
{
    size_t R = sh->replicates;
    *used = 1;
    if (report(o, 0, R))
        return ECOSYS_ECANCELLED;
    unsigned int started = 0;
    if (T > 1) {
        pthread_mutex_lock(&sh->lock);
        for (unsigned int t = 0; t < T; t++) {
            if (pthread_create(&ws[t].thread, NULL, worker_main, &ws[t]) != 0)
                break; /* fewer threads: same result, only slower */
            ws[t].started = 1;
            started++;
            sh->running++;
        }
        pthread_mutex_unlock(&sh->lock);
    }
    if (started == 0) { /* one thread: the replicates run here */
        for (size_t r = 0; r < R; r++) {
            replicate(sh, &ws[0], r);
            if (report(o, r + 1, R))
                return ECOSYS_ECANCELLED;
        }
        return 0;
    }
    *used = started;
    int cancelled = 0;
    size_t reported = 0;
    pthread_mutex_lock(&sh->lock);
    while (sh->running > 0) {
        if (sh->done != reported && !cancelled && o->progress) {
            size_t done = sh->done;
            pthread_mutex_unlock(&sh->lock);
            int stop = report(o, done, R);
            pthread_mutex_lock(&sh->lock);
            reported = done;
            if (stop) {
                cancelled = 1;
                atomic_store(&sh->cancel, 1);
            }
            continue;
        }
        pthread_cond_wait(&sh->changed, &sh->lock);
    }
    pthread_mutex_unlock(&sh->lock);
    for (unsigned int t = 0; t < T; t++) {
        if (ws[t].started)
            pthread_join(ws[t].thread, NULL);
    }
    if (cancelled)
        return ECOSYS_ECANCELLED;
    if (reported != R && report(o, R, R))
        return ECOSYS_ECANCELLED;
    return 0;
}

int ecosys_i_res_random_run(ecosys_i_res_random *out, const ecosys_i_adjacency *adj,
                            const ecosys_resilience_options *o)
{
    size_t n = adj->n, R = o->replicates;
    unsigned int T = o->threads ? o->threads : (unsigned int) g_get_num_processors();
    if (T < 1)
        T = 1;
    if ((size_t) T > R)
        T = (unsigned int) R;
    worker *ws = calloc(T, sizeof *ws);
    if (!ws)
        return ecosys_i_error_nomem();
    shared sh;
    memset(&sh, 0, sizeof sh);
    sh.adj = adj;
    sh.seed = o->seed;
    sh.replicates = R;
    sh.threshold = o->threshold;
    sh.out = out;
    atomic_init(&sh.next, 0);
    atomic_init(&sh.cancel, 0);
    int rc = 0;
    for (unsigned int t = 0; t < T && !rc; t++)
        rc = worker_init(&ws[t], &sh, n);
    if (rc)
        goto done;
    if (pthread_mutex_init(&sh.lock, NULL) != 0) {
        rc = ecosys_i_error(ECOSYS_ERROR, "ecosys_resilience_run: cannot create a mutex");
        goto done;
    }
    if (pthread_cond_init(&sh.changed, NULL) != 0) {
        pthread_mutex_destroy(&sh.lock);
        rc = ecosys_i_error(ECOSYS_ERROR,
                            "ecosys_resilience_run: cannot create a condition variable");
        goto done;
    }
    rc = run_workers(&sh, ws, T, o, &out->threads);
    pthread_cond_destroy(&sh.changed);
    pthread_mutex_destroy(&sh.lock);
    if (rc) {
        rc = ecosys_i_error(ECOSYS_ECANCELLED,
                            "ecosys_resilience_run: cancelled by the progress callback");
        goto done;
    }
    for (unsigned int t = 0; t < T; t++) {
        for (size_t q = 0; q <= n; q++) {
            out->sum_largest[q] += ws[t].sum_largest[q];
            out->sum_squares[q] += ws[t].sum_squares[q];
            out->sum_comps[q] += ws[t].sum_comps[q];
        }
    }
done:
    for (unsigned int t = 0; t < T; t++)
        worker_destroy(&ws[t]);
    free(ws);
    return rc;
}
