/* Internal: every call into igraph goes through this guard.
 *
 * Why: igraph's default error handler aborts the process, its warning
 * handler prints, and Debian builds igraph without thread safety (its
 * error-cleanup stack and RNG are process globals). So each entry point that
 * touches igraph (including igraph_vector_init and friends) does
 *
 *     ecosys_i_igraph_lock();
 *     igraph_error_t rc = ...igraph calls...;
 *     int err = ecosys_i_igraph_unlock(rc, "betweenness");
 *
 * lock() takes one process-wide recursive mutex and installs handlers that
 * record igraph's message instead of aborting or printing; unlock() restores
 * the caller's handlers, releases the mutex and maps igraph's code to an
 * ECOSYS_E* code with the recorded message as the last error.
 */
#ifndef ECOSYS_CORE_IGRAPH_GUARD_H
#define ECOSYS_CORE_IGRAPH_GUARD_H

#include <igraph.h>

#include <stdint.h>

void ecosys_i_igraph_lock(void);

/* Returns 0 if rc is IGRAPH_SUCCESS, otherwise a negative ECOSYS_E* code;
 * @p what names the operation in the error message. */
int ecosys_i_igraph_unlock(igraph_error_t rc, const char *what);

/* Reseeds the private generator igraph draws from with @p seed, for a
 * seeded computation (community detection). The caller holds the lock; the
 * seed holds until the outermost unlock, and the next outermost lock
 * reseeds with the fixed seed again, so every other guarded call still
 * starts from the same state. Returns IGRAPH_FAILURE if the private
 * generator could not be created (the default one is then in use and is
 * left alone). */
igraph_error_t ecosys_i_igraph_seed(uint64_t seed);

/* Maps an igraph error code to an ECOSYS_E* code (0 for success). */
int ecosys_i_igraph_code(igraph_error_t rc);

#endif
