/* Internal: the one runner of libecosys's ensembles: R seeded replicates on
 * T POSIX threads (the null models, dynamics/ensemble.c; the random removals
 * of resilience, dynamics/resilience_random.c; any later ensemble).
 *
 * What it guarantees, so that its callers need not:
 *   - Replicates are taken from a shared atomic counter (dynamic
 *     scheduling: replicates may cost differently). The job of replicate r
 *     must depend on r only (stream r of the seed) and write to its own
 *     slot or to its worker's state: then the result is the same bit for
 *     bit whatever T, which thread ran which replicate or in which order.
 *   - The workers' states are made by the caller, in the calling thread,
 *     before the run: the jobs never allocate, and an allocation failure is
 *     reported by the caller. After the run the caller reduces them (e.g.
 *     adds per-worker integer sums).
 *   - The progress callback runs only in the calling thread, one call at a
 *     time (it need not be thread-safe): first (0, R), then non-decreasing
 *     counts of finished replicates, last (R, R) on success. With one
 *     thread, or when no thread can be created, the calling thread runs the
 *     replicates itself and reports after each: R + 1 calls.
 *   - Cancellation (the callback returning non-zero, or a job failing) sets
 *     one flag that the workers check before each replicate and that the
 *     jobs may poll inside a long replicate.
 *
 * Why not GLib's GThreadPool: it aborts when it cannot allocate or create
 * a thread; here a failed pthread_create() only means fewer threads. */
#ifndef ECOSYS_CORE_PARALLEL_H
#define ECOSYS_CORE_PARALLEL_H

#include <stdatomic.h>
#include <stddef.h>

/* Same type as ecosys_progress_callback (ecosys/nullmodel.h), restated so
 * that core depends on no module above it. Non-zero return: cancel. */
typedef int (*ecosys_i_parallel_progress)(size_t done, size_t total, void *user);

/* Runs replicate @p replicate with @p worker's state and the read-only (or
 * slot-per-replicate) @p shared. Returns 0; ECOSYS_ECANCELLED if it saw
 * @p cancel set (it may poll it in a long replicate); or another non-zero
 * code, which stops the run and is returned by ecosys_i_parallel_run().
 * Runs in a worker thread: it must not allocate, nor set the last error
 * (thread-local); it keeps what the caller needs to describe a failure in
 * @p worker (the worker runs no further replicate after a failure). */
typedef int (*ecosys_i_parallel_job)(void *worker, size_t replicate, void *shared,
                                     const atomic_int *cancel);

typedef struct ecosys_i_parallel {
    size_t replicates;     /* R >= 1 */
    unsigned int threads;  /* T, from ecosys_i_parallel_threads() */
    void *workers;         /* T states of worker_size bytes each, worker t at t * worker_size */
    size_t worker_size;
    ecosys_i_parallel_job job;
    void *shared;
    ecosys_i_parallel_progress progress; /* NULL: none */
    void *progress_user;
    const char *who;       /* names the public function in error messages */
} ecosys_i_parallel;

/* How a run went. */
typedef struct ecosys_i_parallel_outcome {
    unsigned int threads_used; /* threads that ran replicates (1: the calling thread) */
    int job_error;             /* non-zero: a job failed with this code... */
    size_t replicate;          /* ...at this replicate (the lowest that failed)... */
    unsigned int worker;       /* ...in this worker's state */
} ecosys_i_parallel_outcome;

/* The threads to use for @p asked (0: one per core) and @p replicates:
 * clamped to [1, replicates]. */
unsigned int ecosys_i_parallel_threads(unsigned int asked, size_t replicates);

/* Runs the replicates of @p run. Returns 0; ECOSYS_ECANCELLED ("<who>:
 * cancelled by the progress callback"), ECOSYS_ERROR (no mutex or
 * condition variable) or ECOSYS_ENOMEM, with the last error set; or the
 * code of a failed job, without setting the last error: out->job_error,
 * replicate and worker then say where, for the caller's message. A job's
 * failure wins over a cancellation by the callback. */
int ecosys_i_parallel_run(ecosys_i_parallel_outcome *out, const ecosys_i_parallel *run);

#endif
