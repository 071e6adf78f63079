/* The igraph guard: one recursive lock, capturing error/warning handlers.
 * See igraph_guard.h for why. */
#include "core/igraph_guard.h"

#include "core/error.h"

#include <pthread.h>
#include <stdio.h>

/* A POSIX recursive mutex rather than GLib's GRecMutex, which allocates
 * its implementation on first use and aborts if that fails. */
static pthread_mutex_t igraph_mutex;
static pthread_once_t igraph_mutex_once = PTHREAD_ONCE_INIT;

static void init_mutex(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&igraph_mutex, &attr);
    pthread_mutexattr_destroy(&attr);
}

/* Saved per nesting level of the recursive lock; only the owner of the
 * lock touches these, so plain statics are safe. */
static int depth;
static igraph_error_handler_t *saved_error_handler;
static igraph_warning_handler_t *saved_warning_handler;
static char igraph_reason[512];

/* igraph draws random start vectors (ARPACK, used by eigenvector
 * centrality) from its default RNG. Each guarded call gets a private
 * generator reseeded to the same value, so results never vary between
 * calls, and the host program's own igraph RNG is left untouched. */
#define GUARD_SEED 20190412u
static igraph_rng_t private_rng;
static int private_rng_ready;
static igraph_rng_t *saved_rng;
/* Set when the private generator could not be allocated for this call:
 * the call then runs on igraph's default generator, and its result,
 * which would not be reproducible, is replaced by ECOSYS_ENOMEM. */
static int rng_missing;

static void capture_error(const char *reason, const char *file, int line,
                          igraph_error_t igraph_errno)
{
    (void) file;
    (void) line;
    (void) igraph_errno;
    /* Keep the first (innermost) reason: igraph calls the handler again as
     * the error propagates up through IGRAPH_CHECK. */
    if (igraph_reason[0] == '\0')
        snprintf(igraph_reason, sizeof igraph_reason, "%s", reason ? reason : "");
    IGRAPH_FINALLY_FREE();
}

static void ignore_warning(const char *reason, const char *file, int line)
{
    (void) reason;
    (void) file;
    (void) line;
}

void ecosys_i_igraph_lock(void)
{
    pthread_once(&igraph_mutex_once, init_mutex);
    pthread_mutex_lock(&igraph_mutex);
    if (depth++ == 0) {
        igraph_reason[0] = '\0';
        saved_error_handler = igraph_set_error_handler(capture_error);
        saved_warning_handler = igraph_set_warning_handler(ignore_warning);
        if (!private_rng_ready)
            private_rng_ready =
                igraph_rng_init(&private_rng, &igraph_rngtype_mt19937) == IGRAPH_SUCCESS;
        saved_rng = igraph_rng_default();
        rng_missing = !private_rng_ready;
        if (private_rng_ready) {
            igraph_rng_seed(&private_rng, GUARD_SEED);
            igraph_rng_set_default(&private_rng);
        }
    }
}

igraph_error_t ecosys_i_igraph_seed(uint64_t seed)
{
    if (depth == 0 || !private_rng_ready)
        return IGRAPH_FAILURE;
    return igraph_rng_seed(&private_rng, (igraph_uint_t) seed);
}

int ecosys_i_igraph_code(igraph_error_t rc)
{
    switch (rc) {
    case IGRAPH_SUCCESS:
        return ECOSYS_OK;
    case IGRAPH_ENOMEM:
        return ECOSYS_ENOMEM;
    case IGRAPH_EINVAL:
        return ECOSYS_EINVAL;
    case IGRAPH_INTERRUPTED:
        return ECOSYS_ECANCELLED;
    default:
        return ECOSYS_ECOMPUTE;
    }
}

int ecosys_i_igraph_unlock(igraph_error_t rc, const char *what)
{
    int code = ecosys_i_igraph_code(rc);
    if (code == ECOSYS_OK && depth == 1 && rng_missing)
        code = ECOSYS_ENOMEM;
    if (code != ECOSYS_OK) {
        if (code == ECOSYS_ENOMEM)
            ecosys_i_error_nomem();
        else
            ecosys_i_error(code, "%s: igraph: %s (%s)", what,
                           igraph_reason[0] ? igraph_reason : "error",
                           igraph_strerror(rc));
    }
    if (--depth == 0) {
        igraph_set_error_handler(saved_error_handler);
        igraph_set_warning_handler(saved_warning_handler);
        igraph_rng_set_default(saved_rng);
    }
    pthread_mutex_unlock(&igraph_mutex);
    return code;
}
