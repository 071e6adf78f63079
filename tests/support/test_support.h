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

/* Fails unless actual[i] and expected[i] are within tolerance for every i
 * < n (NaN equals NaN). */
#define assert_vector_close(actual, expected, n, tolerance) \
    ecosys_test_vector_close((actual), (expected), (n), (tolerance), #actual, __FILE__, __LINE__)
void ecosys_test_vector_close(const double *actual, const double *expected, size_t n,
                              double tolerance, const char *what, const char *file, int line);

/* Fails unless actual[i] == expected[i] for every i < n. */
void ecosys_test_sizes_equal(const size_t *actual, const size_t *expected, size_t n);

/* The small undirected graphs checked by hand in test_centrality.c and
 * test_structure.c; both files register their tests of the first four with
 * ECOSYS_TEST_SMALL_GRAPH_TESTS, so each defines path4_by_hand,
 * star_by_hand, triangle_with_pendant_by_hand and disconnected_by_hand. */
extern const size_t ecosys_test_p4[3][2];          /* P4: 0 - 1 - 2 - 3 */
extern const size_t ecosys_test_star[4][2];        /* centre 0, leaves 1..4 */
extern const size_t ecosys_test_tri_pendant[4][2]; /* triangle 0-1-2, pendant 3 on 2 */
extern const size_t ecosys_test_two_parts[5][2];   /* path 0-2-4, triangle 1-3-5; 6 alone */
extern const size_t ecosys_test_diamond[4][2];     /* 4-cycle 0-1-3-2 */
extern const double ecosys_test_diamond_weights[4]; /* 4, 4, 1, 1 */
#define ECOSYS_TEST_SMALL_GRAPH_TESTS                                                   \
    cmocka_unit_test(path4_by_hand), cmocka_unit_test(star_by_hand),                    \
        cmocka_unit_test(triangle_with_pendant_by_hand), cmocka_unit_test(disconnected_by_hand)

/* ---- datasets and their files (test_io_*.c) ------------------------------ */

/* Reads a dataset; fails the test unless that succeeds. */
ecosys_dataset *ecosys_test_read(const char *path, ecosys_format format);

/* Fails unless ecosys_dataset_equal() finds the datasets equal (and then
 * gives no difference text), naming the difference. */
void ecosys_test_assert_equal_datasets(const ecosys_dataset *a, const ecosys_dataset *b);

/* Fails unless both datasets' attributes have the same types, in order. */
void ecosys_test_assert_equal_types(const ecosys_dataset *a, const ecosys_dataset *b);

/* Writes @p ds with @p format (CSV, GRAPHML or JSON) into a fresh temporary
 * directory (CSV: the directory itself; otherwise a file in it named by the
 * format's extension), reads it back with ECOSYS_FORMAT_AUTO and fails
 * unless it is equal and no other (temporary) file was left. */
void ecosys_test_round_trip(const ecosys_dataset *ds, ecosys_format format);

/* Reads each of the @p n @p files of $ECOSYS_TEST_DATA/valid/<format_dir>/,
 * writes it with ECOSYS_FORMAT_AUTO to <copy_name> in one temporary
 * directory (replacing the last), reads that back and fails unless it is
 * equal, with the same attribute types; no other file may be left. */
void ecosys_test_round_trip_valid(const char *format_dir, const char *copy_name,
                                  const char *const *files, size_t n);

/* The bundled Clermont dataset ($ECOSYS_CLERMONT, CSV, with ties) passes
 * ecosys_test_round_trip() in @p format. */
void ecosys_test_round_trip_clermont(ecosys_format format);

/* Number of entries in a directory, "." and ".." excluded. */
size_t ecosys_test_entry_count(const char *dir);

/* Reads $ECOSYS_TEST_DATA/valid/<format_dir>/<name> (ECOSYS_FORMAT_AUTO);
 * fails the test unless that succeeds. */
ecosys_dataset *ecosys_test_read_valid(const char *format_dir, const char *name);

/* Field @p column of the actor with id @p id (must exist). */
const char *ecosys_test_actor_field(const ecosys_dataset *ds, const char *id, const char *column);

/* Type of the attribute @p name of @p table (must exist). */
const char *ecosys_test_attribute_type(const ecosys_dataset *ds, ecosys_table table,
                                       const char *name);

/* Sum of the ties' weights. */
double ecosys_test_weight_sum(const ecosys_dataset *ds);

/* Six actors and nine ties whose texts need escaping in XML and JSON
 * (quotes, <&>, "]]>", entities, CR/LF, tabs, non-ASCII, spaces at the
 * ends), extreme weights, typed actor attributes and tie attributes, one
 * never set. */
ecosys_dataset *ecosys_test_tricky_dataset(int directed);

/* The data-driven invalid inputs: reads every case folder of
 * $ECOSYS_TEST_DATA/invalid/<format_dir>/ (a README.md and dot files there
 * are not cases; any other file is a failure) with @p format, from the file
 * @p input_name in the folder, or from the folder itself if NULL. The
 * folder's file `expected` holds lines "code: ", "file: ", "line: ",
 * "column: " and one or more "message: " (any other line is a failure, as
 * is a missing key). Each case must fail with that error name (and
 * ecosys_error_last()->code), set the dataset pointer to NULL, name the file
 * (basename of the error's source) at that line and column, and have every
 * message as a fragment of the error's message. Nothing may be printed on
 * stderr meanwhile. Fails the test with every mismatch; returns the number
 * of cases checked. */
size_t ecosys_test_check_invalid_cases(const char *format_dir, const char *input_name,
                                       ecosys_format format);

#endif
