/* The ensembles' replicate runner. See parallel.h.
 *
 * With T > 1, T POSIX threads take replicates from an atomic counter; the
 * calling thread does not run jobs: it waits on a condition variable that
 * the workers signal after each replicate, calls the progress callback
 * with the lock released, and sets the cancel flag if asked. With T = 1,
 * or when no thread can be created, the calling thread runs the
 * replicates itself and reports between them. */
#include "core/parallel.h"

#include "core/error.h"

#include <glib.h>
#include <pthread.h>
#include <stdlib.h>

typedef struct state state;

/* What one thread needs: its worker's state and the run's. */
typedef struct slot {
    state *st;
    unsigned int index;
    pthread_t thread;
} slot;

struct state {
    const ecosys_i_parallel *run; /* read-only while the workers run */
    atomic_size_t next;
    atomic_int cancel;
    pthread_mutex_t lock; /* guards what follows */
    pthread_cond_t changed;
    size_t done;
    unsigned int running;
    int error; /* the failed job of the lowest replicate */
    size_t error_replicate;
    unsigned int error_worker;
};

static void *worker_of(const ecosys_i_parallel *run, unsigned int t)
{
    return (char *) run->workers + (size_t) t * run->worker_size;
}

static int report(const ecosys_i_parallel *run, size_t done)
{
    return run->progress ? run->progress(done, run->replicates, run->progress_user) != 0 : 0;
}

static void *thread_main(void *data)
{
    slot *s = data;
    state *st = s->st;
    const ecosys_i_parallel *run = st->run;
    void *worker = worker_of(run, s->index);
    while (!atomic_load(&st->cancel)) {
        size_t r = atomic_fetch_add(&st->next, 1);
        if (r >= run->replicates)
            break;
        int rc = run->job(worker, r, run->shared, &st->cancel);
        pthread_mutex_lock(&st->lock);
        if (rc) {
            /* A job that saw the flag was stopped, it did not fail. */
            if (rc != ECOSYS_ECANCELLED && (!st->error || r < st->error_replicate)) {
                st->error = rc;
                st->error_replicate = r;
                st->error_worker = s->index;
            }
            atomic_store(&st->cancel, 1);
        } else {
            st->done++;
        }
        pthread_cond_signal(&st->changed);
        pthread_mutex_unlock(&st->lock);
        if (rc)
            break;
    }
    pthread_mutex_lock(&st->lock);
    st->running--;
    pthread_cond_signal(&st->changed);
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

/* Every replicate in the calling thread with worker 0, reporting after
 * each ((0, R) has been reported). */
static int run_inline(state *st)
{
    const ecosys_i_parallel *run = st->run;
    for (size_t r = 0; r < run->replicates; r++) {
        int rc = run->job(worker_of(run, 0), r, run->shared, &st->cancel);
        if (rc == ECOSYS_ECANCELLED)
            return rc;
        if (rc) {
            st->error = rc;
            st->error_replicate = r;
            st->error_worker = 0;
            return rc;
        }
        if (report(run, r + 1))
            return ECOSYS_ECANCELLED;
    }
    return 0;
}

/* Starts the threads, reports until they have all stopped, joins them.
 * Returns 0, ECOSYS_ECANCELLED or a job's error (st->error). */
static int run_threads(state *st, slot *slots, unsigned int *used)
{
    const ecosys_i_parallel *run = st->run;
    unsigned int started = 0;
    pthread_mutex_lock(&st->lock);
    for (unsigned int t = 0; t < run->threads; t++) {
        slots[t].st = st;
        slots[t].index = t;
        if (pthread_create(&slots[t].thread, NULL, thread_main, &slots[t]) != 0)
            break; /* fewer threads: same results, only slower */
        started++;
        st->running++;
    }
    pthread_mutex_unlock(&st->lock);
    if (started == 0)
        return run_inline(st); /* same results, in this thread */
    *used = started;
    int cancelled = 0;
    size_t reported = 0;
    pthread_mutex_lock(&st->lock);
    while (st->running > 0) {
        if (st->done != reported && !cancelled && run->progress) {
            size_t done = st->done;
            pthread_mutex_unlock(&st->lock); /* the callback may take its time */
            int stop = report(run, done);
            pthread_mutex_lock(&st->lock);
            reported = done;
            if (stop) {
                cancelled = 1;
                atomic_store(&st->cancel, 1);
            }
            continue;
        }
        pthread_cond_wait(&st->changed, &st->lock);
    }
    pthread_mutex_unlock(&st->lock);
    for (unsigned int t = 0; t < started; t++)
        pthread_join(slots[t].thread, NULL);
    if (st->error)
        return st->error;
    if (cancelled)
        return ECOSYS_ECANCELLED;
    if (reported != run->replicates && report(run, run->replicates))
        return ECOSYS_ECANCELLED;
    return 0;
}

unsigned int ecosys_i_parallel_threads(unsigned int asked, size_t replicates)
{
    unsigned int T = asked ? asked : (unsigned int) g_get_num_processors();
    if (T < 1)
        T = 1;
    if ((size_t) T > replicates)
        T = replicates ? (unsigned int) replicates : 1;
    return T;
}

int ecosys_i_parallel_run(ecosys_i_parallel_outcome *out, const ecosys_i_parallel *run)
{
    out->threads_used = 1;
    out->job_error = 0;
    out->replicate = 0;
    out->worker = 0;
    state st = {.run = run};
    atomic_init(&st.next, 0);
    atomic_init(&st.cancel, 0);
    slot *slots = NULL;
    if (run->threads > 1 && !(slots = calloc(run->threads, sizeof *slots)))
        return ecosys_i_error_nomem();
    if (pthread_mutex_init(&st.lock, NULL) != 0) {
        free(slots);
        return ecosys_i_error(ECOSYS_ERROR, "%s: cannot create a mutex", run->who);
    }
    if (pthread_cond_init(&st.changed, NULL) != 0) {
        pthread_mutex_destroy(&st.lock);
        free(slots);
        return ecosys_i_error(ECOSYS_ERROR, "%s: cannot create a condition variable", run->who);
    }
    int rc = 0;
    if (report(run, 0))
        rc = ECOSYS_ECANCELLED;
    else
        rc = slots ? run_threads(&st, slots, &out->threads_used) : run_inline(&st);
    pthread_cond_destroy(&st.changed);
    pthread_mutex_destroy(&st.lock);
    free(slots);
    if (st.error) {
        out->job_error = st.error;
        out->replicate = st.error_replicate;
        out->worker = st.error_worker;
        return st.error;
    }
    if (rc == ECOSYS_ECANCELLED)
        return ecosys_i_error(ECOSYS_ECANCELLED, "%s: cancelled by the progress callback",
                              run->who);
    return rc;
}
