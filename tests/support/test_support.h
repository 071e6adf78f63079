/* Shared helpers of the cmocka tests. */
#ifndef ECOSYS_TEST_SUPPORT_H
#define ECOSYS_TEST_SUPPORT_H

#include <ecosys.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Fails the test with the last error's details unless rc is 0. */
#define assert_ok(expr) ecosys_test_assert_ok((expr), #expr, __FILE__, __LINE__)
void ecosys_test_assert_ok(int rc, const char *what, const char *file, int line);

/* Fails unless |actual - expected| <= tolerance (NaN equals NaN). */
#define assert_close(actual, expected, tolerance) \
    ecosys_test_assert_close((actual), (expected), (tolerance), #actual, __FILE__, __LINE__)
void ecosys_test_assert_close(double actual, double expected, double tolerance,
                              const char *what, const char *file, int line);

/* Directory of a test resource: env var name, e.g. "ECOSYS_TEST_DATA". The
 * returned string is static. */
const char *ecosys_test_env(const char *name);

/* Joins two path parts into a static buffer (valid until the next call). */
const char *ecosys_test_path(const char *dir, const char *name);

/* Creates a fresh temporary directory; free the result with free(). */
char *ecosys_test_tmpdir(void);

/* Removes a directory tree made by ecosys_test_tmpdir(). */
void ecosys_test_rmtree(const char *dir);

/* Builds a dataset of actors "0".."n-1" (sector from @p sectors if not
 * NULL) and the given undirected or directed edges with weights (NULL: 1). */
ecosys_dataset *ecosys_test_dataset(size_t n, const size_t (*edges)[2], size_t m,
                                    const double *weights, int directed,
                                    const char *const *sectors);

/* Same, then builds its graph with default options. *out_ds receives the
 * dataset (free it after the graph). */
ecosys_graph *ecosys_test_graph(ecosys_dataset **out_ds, size_t n, const size_t (*edges)[2],
                                size_t m, const double *weights, int directed);

#endif
