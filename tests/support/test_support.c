/* Shared helpers of the cmocka tests: see test_support.h. */
#include "test_support.h"

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ecosys_test_assert_ok(int rc, const char *what, const char *file, int line)
{
    if (rc != 0) {
        const ecosys_error *e = ecosys_error_last();
        fail_msg("%s:%d: %s returned %d (%s): %s [%s:%zu:%zu]", file, line, what, rc,
                 ecosys_error_name(rc), e->message, e->source, e->line, e->column);
    }
}

void ecosys_test_assert_close(double actual, double expected, double tolerance,
                              const char *what, const char *file, int line)
{
    if (isnan(actual) && isnan(expected))
        return;
    if (!(fabs(actual - expected) <= tolerance))
        fail_msg("%s:%d: %s = %.17g, expected %.17g (tolerance %g)", file, line, what, actual,
                 expected, tolerance);
}

const char *ecosys_test_env(const char *name)
{
    const char *value = getenv(name);
    if (!value || !value[0])
        fail_msg("environment variable %s is not set (run the tests through ctest)", name);
    return value;
}

const char *ecosys_test_path(const char *dir, const char *name)
{
    static char buffer[4096];
    snprintf(buffer, sizeof buffer, "%s/%s", dir, name);
    return buffer;
}

char *ecosys_test_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path = malloc(4096);
    assert_non_null(path);
    snprintf(path, 4096, "%s/ecosys-test-XXXXXX", base && base[0] ? base : "/tmp");
    assert_non_null(mkdtemp(path));
    return path;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void) st;
    (void) flag;
    (void) ftw;
    return remove(path);
}

void ecosys_test_rmtree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

ecosys_dataset *ecosys_test_dataset(size_t n, const size_t (*edges)[2], size_t m,
                                    const double *weights, int directed,
                                    const char *const *sectors)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, directed));
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "%zu", i);
        ecosys_actor_info actor = {id, id, sectors ? sectors[i] : "", "", ""};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actor));
    }
    for (size_t e = 0; e < m; e++) {
        ecosys_tie_info tie = {edges[e][0], edges[e][1], weights ? weights[e] : 1.0,
                               NULL, NULL, NULL, NULL};
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &tie));
    }
    return ds;
}

ecosys_graph *ecosys_test_graph(ecosys_dataset **out_ds, size_t n, const size_t (*edges)[2],
                                size_t m, const double *weights, int directed)
{
    ecosys_graph *g = NULL;
    *out_ds = ecosys_test_dataset(n, edges, m, weights, directed, NULL);
    assert_ok(ecosys_graph_new(&g, *out_ds, NULL));
    return g;
}
