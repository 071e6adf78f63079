/* Shared helpers of the cmocka tests: see test_support.h. */
#include "test_support.h"

#include <glib.h>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

void ecosys_test_vector_close(const double *actual, const double *expected, size_t n,
                              double tolerance, const char *what, const char *file, int line)
{
    for (size_t i = 0; i < n; i++) {
        if (isnan(actual[i]) && isnan(expected[i]))
            continue;
        if (!(fabs(actual[i] - expected[i]) <= tolerance))
            fail_msg("%s:%d: %s[%zu] = %.17g, expected %.17g (tolerance %g)", file, line, what,
                     i, actual[i], expected[i], tolerance);
    }
}

void ecosys_test_sizes_equal(const size_t *actual, const size_t *expected, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(actual[i], expected[i]);
}

const size_t ecosys_test_p4[3][2] = {{0, 1}, {1, 2}, {2, 3}};
const size_t ecosys_test_star[4][2] = {{0, 1}, {0, 2}, {0, 3}, {0, 4}};
const size_t ecosys_test_tri_pendant[4][2] = {{0, 1}, {1, 2}, {2, 0}, {2, 3}};
const size_t ecosys_test_two_parts[5][2] = {{0, 2}, {2, 4}, {1, 3}, {3, 5}, {5, 1}};
const size_t ecosys_test_diamond[4][2] = {{0, 1}, {1, 3}, {0, 2}, {2, 3}};
const double ecosys_test_diamond_weights[4] = {4, 4, 1, 1};

/* ---- datasets and their files ------------------------------------------- */

ecosys_dataset *ecosys_test_read(const char *path, ecosys_format format)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_read(&ds, path, format));
    assert_non_null(ds);
    return ds;
}

void ecosys_test_assert_equal_datasets(const ecosys_dataset *a, const ecosys_dataset *b)
{
    char *difference = NULL;
    int equal = ecosys_dataset_equal(&difference, a, b);
    if (equal != 1)
        fail_msg("datasets differ: %s", difference ? difference : "(error)");
    assert_null(difference);
}

void ecosys_test_assert_equal_types(const ecosys_dataset *a, const ecosys_dataset *b)
{
    for (int table = 0; table < 2; table++) {
        size_t count = ecosys_dataset_attribute_count(a, (ecosys_table) table);
        assert_int_equal(ecosys_dataset_attribute_count(b, (ecosys_table) table), count);
        for (size_t k = 0; k < count; k++)
            assert_string_equal(ecosys_dataset_attribute_type(a, (ecosys_table) table, k),
                                ecosys_dataset_attribute_type(b, (ecosys_table) table, k));
    }
}

void ecosys_test_round_trip(const ecosys_dataset *ds, ecosys_format format)
{
    const char *file = format == ECOSYS_FORMAT_GRAPHML ? "round_trip.graphml"
                       : format == ECOSYS_FORMAT_JSON  ? "round_trip.json"
                                                       : NULL;
    assert_true(file || format == ECOSYS_FORMAT_CSV);
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s", file ? ecosys_test_path(dir, file) : dir);
    assert_ok(ecosys_dataset_write(ds, path, format));
    ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
    ecosys_test_assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);
    /* No temporary file left: the file, or CSV's own files only. */
    if (file) {
        assert_int_equal(ecosys_test_entry_count(dir), 1);
    } else {
        GDir *entries = g_dir_open(dir, 0, NULL);
        assert_non_null(entries);
        for (const char *name; (name = g_dir_read_name(entries));)
            if (strcmp(name, "actors.csv") != 0 && strcmp(name, "collaborations.csv") != 0 &&
                strcmp(name, "dataset.csv") != 0 && strcmp(name, "events.csv") != 0 &&
                strcmp(name, "participation.csv") != 0)
                fail_msg("unexpected file %s after writing CSV", name);
        g_dir_close(entries);
    }
    ecosys_test_rmtree(dir);
    free(dir);
}

void ecosys_test_round_trip_valid(const char *format_dir, const char *copy_name,
                                  const char *const *files, size_t n)
{
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s", ecosys_test_path(dir, copy_name));
    for (size_t f = 0; f < n; f++) {
        ecosys_dataset *ds = ecosys_test_read_valid(format_dir, files[f]);
        assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO)); /* replaces the last */
        ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
        ecosys_test_assert_equal_datasets(ds, back);
        ecosys_test_assert_equal_types(ds, back);
        ecosys_dataset_free(back);
        ecosys_dataset_free(ds);
    }
    assert_int_equal(ecosys_test_entry_count(dir), 1);
    ecosys_test_rmtree(dir);
    free(dir);
}

void ecosys_test_round_trip_clermont(ecosys_format format)
{
    ecosys_dataset *ds = ecosys_test_read(ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_AUTO);
    assert_true(ecosys_dataset_tie_count(ds) > 0);
    /* GraphML and JSON refuse events (tests/test_twomode.c): their round
     * trip is of the one-mode part. */
    if (format != ECOSYS_FORMAT_CSV)
        ecosys_twomode_clear(ds);
    ecosys_test_round_trip(ds, format);
    ecosys_dataset_free(ds);
}

size_t ecosys_test_entry_count(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

ecosys_dataset *ecosys_test_read_valid(const char *format_dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/valid/%s/%s", ecosys_test_env("ECOSYS_TEST_DATA"),
             format_dir, name);
    return ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
}

const char *ecosys_test_actor_field(const ecosys_dataset *ds, const char *id, const char *column)
{
    size_t i;
    assert_ok(ecosys_dataset_find_actor(&i, ds, id));
    const char *value = ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, i, column);
    assert_non_null(value);
    return value;
}

const char *ecosys_test_attribute_type(const ecosys_dataset *ds, ecosys_table table,
                                       const char *name)
{
    size_t attr;
    assert_ok(ecosys_dataset_find_attribute(&attr, ds, table, name));
    return ecosys_dataset_attribute_type(ds, table, attr);
}

double ecosys_test_weight_sum(const ecosys_dataset *ds)
{
    double sum = 0;
    for (size_t t = 0; t < ecosys_dataset_tie_count(ds); t++) {
        ecosys_tie_info tie;
        assert_ok(ecosys_dataset_tie(&tie, ds, t));
        sum += tie.weight;
    }
    return sum;
}

ecosys_dataset *ecosys_test_tricky_dataset(int directed)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, directed));
    const ecosys_actor_info actors[] = {
        {"a", "Assoc \"A\" <&> 'q'", "civil_society", "Clermont", "mobility;food"},
        {"\xc3\xa9-\xc3\xbc \xf0\x9f\x98\x80", "Universit\xc3\xa9\nClermont", "academia", "", ""},
        {"c&<>\"'", "", "", "Vichy", " energy ; food "},
        {"d", "  leading and trailing  ", "public", "x\r\ny\rz", "\t"},
        {"e", "", "", "", ""},
        {"]]>", "]]> inside", "&amp; literally", "&#38;", "<![CDATA[x]]>"},
    };
    size_t n = sizeof actors / sizeof *actors;
    for (size_t i = 0; i < n; i++)
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actors[i]));
    const struct {
        size_t s, t;
        double w;
        const char *kind, *axis, *start, *end;
    } ties[] = {
        {0, 1, 0.0, "project", "mobility", "2019", "2020-06"},
        {0, 1, 0.1, "", "", "2019-03-01", ""},
        {2, 2, 1e-300, "self", "", "", ""},
        {3, 0, 12345.678, "funding", "<&>", "", "2021"},
        {1, 2, 1.0, "\"quoted\"", "", "", ""},
        {0, 1, 5e-324, "", "", "", ""},
        {4, 3, 1.7976931348623157e308, "", "", "", ""},
        {1, 0, 0.30000000000000004, "", "", "", ""},
        {5, 5, 2.0, "", "", "", ""},
    };
    for (size_t i = 0; i < sizeof ties / sizeof *ties; i++) {
        ecosys_tie_info tie = {ties[i].s, ties[i].t, ties[i].w, ties[i].kind,
                               ties[i].axis, ties[i].start, ties[i].end};
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &tie));
    }
    const struct {
        const char *name, *type;
        const char *values[6];
    } actor_attrs[] = {
        {"note", "string", {"", "quote \" & <tag>", "line1\nline2", "\ttab", "", "]]>"}},
        {"size", "long", {"12", "", "abc", "007", "-3", "1e3"}},
        {"score", "double", {"0.5", "1e-300", "", "NaN", "2", "-0"}},
        {"flag", "boolean", {"true", "false", "True", "", "1", "false"}},
        {"empty", "string", {"", "", "", "", "", ""}},
        {"with space & <sign>", "int", {"1", "2", "3", "4", "5", "6"}},
    };
    for (size_t k = 0; k < sizeof actor_attrs / sizeof *actor_attrs; k++) {
        size_t attr;
        assert_ok(ecosys_dataset_add_attribute(&attr, ds, ECOSYS_TABLE_ACTORS,
                                               actor_attrs[k].name));
        assert_ok(ecosys_dataset_set_attribute_type(ds, ECOSYS_TABLE_ACTORS, attr,
                                                    actor_attrs[k].type));
        for (size_t i = 0; i < n; i++)
            assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, i, attr,
                                                   actor_attrs[k].values[i]));
    }
    size_t note, count;
    assert_ok(ecosys_dataset_add_attribute(&note, ds, ECOSYS_TABLE_TIES, "note"));
    assert_ok(ecosys_dataset_add_attribute(&count, ds, ECOSYS_TABLE_TIES, "count"));
    assert_ok(ecosys_dataset_set_attribute_type(ds, ECOSYS_TABLE_TIES, count, "long"));
    assert_ok(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_TIES, "never set"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 1, note, "x & y"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 3, note, "<>\n"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 0, count, "3"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 8, count, "-12"));
    return ds;
}

/* ---- invalid inputs, data-driven ------------------------------------------ */

/* Checks one case folder, appending each mismatch to @p problems. Uses no
 * cmocka assertion: stderr is redirected meanwhile. */
static void check_invalid_case(GString *problems, const char *case_dir, const char *name,
                               const char *input_name, ecosys_format format)
{
    gchar *expected_path = g_build_filename(case_dir, "expected", NULL);
    gchar *expected = NULL;
    int readable = g_file_get_contents(expected_path, &expected, NULL, NULL);
    g_free(expected_path);
    if (!readable) {
        g_string_append_printf(problems, "\n  %s: cannot read its expected file", name);
        return;
    }
    gchar *input = input_name ? g_build_filename(case_dir, input_name, NULL) : g_strdup(case_dir);
    ecosys_dataset *const unset = (ecosys_dataset *) &expected; /* must come back NULL */
    ecosys_dataset *ds = unset;
    int rc = ecosys_dataset_read(&ds, input, format);
    const ecosys_error *e = ecosys_error_last();
    if (rc == 0)
        g_string_append_printf(problems, "\n  %s: read succeeded", name);
    if (ds != NULL)
        g_string_append_printf(problems, "\n  %s: the dataset is not NULL", name);
    const char *slash = strrchr(e->source, '/');
    const char *source = slash ? slash + 1 : e->source;
    enum { CODE = 1, FILE_ = 2, LINE = 4, COLUMN = 8, MESSAGE = 16, ALL = 31 };
    unsigned seen = 0;
    gchar **lines = g_strsplit(expected, "\n", -1);
    for (size_t i = 0; lines[i]; i++) {
        const char *l = lines[i];
        if (!l[0])
            continue;
        if (g_str_has_prefix(l, "code: ")) {
            seen |= CODE;
            if (strcmp(ecosys_error_name(rc), l + 6) != 0 || e->code != rc)
                g_string_append_printf(problems, "\n  %s: code %s, expected %s (%s)", name,
                                       ecosys_error_name(rc), l + 6, e->message);
        } else if (g_str_has_prefix(l, "file: ")) {
            seen |= FILE_;
            if (strcmp(source, l + 6) != 0)
                g_string_append_printf(problems, "\n  %s: source %s, expected %s", name,
                                       e->source, l + 6);
        } else if (g_str_has_prefix(l, "line: ")) {
            seen |= LINE;
            if (e->line != strtoul(l + 6, NULL, 10))
                g_string_append_printf(problems, "\n  %s: line %zu, expected %s (%s)", name,
                                       e->line, l + 6, e->message);
        } else if (g_str_has_prefix(l, "column: ")) {
            seen |= COLUMN;
            if (e->column != strtoul(l + 8, NULL, 10))
                g_string_append_printf(problems, "\n  %s: column %zu, expected %s (%s)", name,
                                       e->column, l + 8, e->message);
        } else if (g_str_has_prefix(l, "message: ")) {
            seen |= MESSAGE;
            if (!strstr(e->message, l + 9))
                g_string_append_printf(problems, "\n  %s: message \"%s\" lacks \"%s\"", name,
                                       e->message, l + 9);
        } else {
            g_string_append_printf(problems, "\n  %s: bad line in expected: %s", name, l);
        }
    }
    if (seen != ALL)
        g_string_append_printf(problems,
                               "\n  %s: incomplete expected file (code, file, line, column "
                               "and message are all needed)",
                               name);
    g_strfreev(lines);
    g_free(expected);
    g_free(input);
    if (ds != unset)
        ecosys_dataset_free(ds);
}

size_t ecosys_test_check_invalid_cases(const char *format_dir, const char *input_name,
                                       ecosys_format format)
{
    gchar *root = g_build_filename(ecosys_test_env("ECOSYS_TEST_DATA"), "invalid", format_dir,
                                   NULL);
    struct dirent **names = NULL;
    int n = scandir(root, &names, NULL, alphasort);
    assert_true(n > 2);
    /* The library (and libxml2) must not print: send stderr to a file while
     * the cases run. */
    char *tmp = ecosys_test_tmpdir();
    char log[4096];
    snprintf(log, sizeof log, "%s/stderr.txt", tmp);
    fflush(stderr);
    int saved = dup(2), fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 2);
    close(fd);
    GString *problems = g_string_new(NULL);
    size_t cases = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (name[0] != '.') {
            gchar *case_dir = g_build_filename(root, name, NULL);
            if (g_file_test(case_dir, G_FILE_TEST_IS_DIR)) {
                check_invalid_case(problems, case_dir, name, input_name, format);
                cases++;
            } else if (strcmp(name, "README.md") != 0) {
                g_string_append_printf(problems, "\n  %s: not a case folder", name);
            }
            g_free(case_dir);
        }
        free(names[i]);
    }
    free(names);
    g_free(root);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    gchar *printed = NULL;
    gsize printed_length = 0;
    assert_true(g_file_get_contents(log, &printed, &printed_length, NULL));
    ecosys_test_rmtree(tmp);
    free(tmp);
    if (problems->len)
        fail_msg("%s: %zu cases, failures:%s", format_dir, cases, problems->str);
    if (printed_length)
        fail_msg("%s: something was printed on stderr: %s", format_dir, printed);
    g_free(printed);
    g_string_free(problems, TRUE);
    return cases;
}
