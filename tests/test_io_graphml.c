/* GraphML reading and writing: files written by NetworkX and igraph, the
 * features the reader accepts, exact round trips, and every invalid case
 * under tests/data/invalid/graphml/<case>/{input.graphml,expected}. */
#include "test_support.h"

#include <glib.h>

#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers --------------------------------------------------------------- */

static const char *valid(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/valid/graphml/%s", ecosys_test_env("ECOSYS_TEST_DATA"), name);
    return path;
}

static ecosys_dataset *read_ok(const char *path)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_read(&ds, path, ECOSYS_FORMAT_AUTO));
    assert_non_null(ds);
    return ds;
}

static const char *actor_field(const ecosys_dataset *ds, const char *id, const char *column)
{
    size_t i;
    assert_ok(ecosys_dataset_find_actor(&i, ds, id));
    const char *value = ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, i, column);
    assert_non_null(value);
    return value;
}

static const char *attribute_type(const ecosys_dataset *ds, ecosys_table table,
                                  const char *name)
{
    size_t attr;
    assert_ok(ecosys_dataset_find_attribute(&attr, ds, table, name));
    return ecosys_dataset_attribute_type(ds, table, attr);
}

static double weight_sum(const ecosys_dataset *ds)
{
    double sum = 0;
    for (size_t t = 0; t < ecosys_dataset_tie_count(ds); t++) {
        ecosys_tie_info tie;
        assert_ok(ecosys_dataset_tie(&tie, ds, t));
        sum += tie.weight;
    }
    return sum;
}

/* Number of entries in a directory, "." and ".." excluded. */
static size_t entry_count(const char *dir)
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

static void assert_equal_datasets(const ecosys_dataset *a, const ecosys_dataset *b)
{
    char *difference = NULL;
    int equal = ecosys_dataset_equal(&difference, a, b);
    if (equal != 1)
        fail_msg("datasets differ: %s", difference ? difference : "(error)");
    ecosys_string_free(difference);
}

/* ---- files written by other tools ----------------------------------------- */

static void test_networkx_karate(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("networkx_karate.graphml"));
    assert_int_equal(ecosys_dataset_actor_count(ds), 34);
    assert_int_equal(ecosys_dataset_tie_count(ds), 78);
    assert_false(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 1);
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "club"), "string");
    assert_string_equal(actor_field(ds, "0", "club"), "Mr. Hi");
    assert_string_equal(actor_field(ds, "33", "club"), "Officer");
    size_t officers = 0;
    for (size_t i = 0; i < 34; i++)
        officers +=
            strcmp(ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, i, "club"), "Officer") == 0;
    assert_int_equal(officers, 17);
    assert_close(weight_sum(ds), 231.0, 0.0); /* NetworkX: sum of the "weight" attributes */
    ecosys_tie_info tie;
    assert_ok(ecosys_dataset_tie(&tie, ds, 77));
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 77, "source"), "32");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 77, "target"), "33");
    assert_close(tie.weight, 5.0, 0.0);
    ecosys_dataset_free(ds);
}

static void test_networkx_multidigraph(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("networkx_multidigraph.graphml"));
    assert_true(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_actor_count(ds), 3);
    assert_int_equal(ecosys_dataset_tie_count(ds), 3);
    /* NetworkX declares its keys in reverse order; free attributes follow
     * the file's key order. */
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 3);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 0), "active");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "active"), "boolean");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "score"), "double");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "size"), "long");
    assert_string_equal(actor_field(ds, "a", "active"), "True"); /* text as written */
    assert_string_equal(actor_field(ds, "b", "name"), "Université");
    assert_string_equal(actor_field(ds, "b", "sector"), "academia");
    assert_string_equal(actor_field(ds, "c", "name"), "Ville <C> & co");
    assert_string_equal(actor_field(ds, "c", "score"), "2.0");
    /* Edge ids (the multigraph keys) are kept as the tie attribute "id". */
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 1, "id"), "1");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 2, "id"), "0");
    ecosys_tie_info tie;
    assert_ok(ecosys_dataset_tie(&tie, ds, 1));
    assert_close(tie.weight, 1.0, 0.0);
    assert_string_equal(tie.kind, "advice");
    assert_string_equal(tie.start, "2020-03");
    assert_ok(ecosys_dataset_tie(&tie, ds, 2));
    assert_int_equal(tie.source, tie.target); /* self-tie */
    assert_close(tie.weight, 0.0, 0.0);
    assert_string_equal(tie.start, "");
    ecosys_dataset_free(ds);
}

static void test_igraph_karate(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("igraph_karate.graphml"));
    assert_int_equal(ecosys_dataset_actor_count(ds), 34);
    assert_int_equal(ecosys_dataset_tie_count(ds), 78);
    assert_false(ecosys_dataset_is_directed(ds));
    /* igraph's vertex attribute "name" is the actor's name; ids are n0..n33. */
    assert_string_equal(actor_field(ds, "n0", "name"), "actor 0");
    assert_string_equal(actor_field(ds, "n33", "faction"), "2");
    assert_string_equal(actor_field(ds, "n33", "leader"), "true");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "faction"), "double");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "leader"), "boolean");
    assert_close(weight_sum(ds), 154.0, 0.0); /* python-igraph: sum(g.es["weight"]) */
    ecosys_dataset_free(ds);
}

/* ---- the accepted features ----------------------------------------------- */

static void test_features(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("features.graphml"));
    assert_false(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_actor_count(ds), 3);
    ecosys_actor_info a;
    assert_ok(ecosys_dataset_actor(&a, ds, 0));
    assert_string_equal(a.id, "a");
    assert_string_equal(a.name, "Assoc & <Co> \xc3\xa9");
    assert_string_equal(a.sector, "civil_society"); /* the key's default */
    assert_ok(ecosys_dataset_actor(&a, ds, 1));
    assert_string_equal(a.id, "b");
    assert_string_equal(a.name, "Lab <x> & y"); /* CDATA */
    assert_string_equal(a.sector, "academia");
    assert_ok(ecosys_dataset_actor(&a, ds, 2));
    assert_string_equal(a.name, "");
    assert_string_equal(a.sector, "civil_society");

    /* for="all" gives a column in both tables; a key without attr.name is
     * named by its id; the graph key is declared but unused. */
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 2);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 0), "note");
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 1), "size");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "size"), "int");
    assert_string_equal(actor_field(ds, "a", "size"), "12");
    assert_string_equal(actor_field(ds, "b", "note"), "  spaced\n two lines  ");
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_TIES), 2);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_TIES, 0), "note");
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_TIES, 1), "id");

    /* The first edge names nodes declared after it: ties keep file order. */
    assert_int_equal(ecosys_dataset_tie_count(ds), 3);
    ecosys_tie_info t;
    assert_ok(ecosys_dataset_tie(&t, ds, 0));
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 0, "source"), "b");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 0, "target"), "a");
    assert_close(t.weight, 2.5, 0.0); /* default */
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 0, "id"), "e1");
    assert_ok(ecosys_dataset_tie(&t, ds, 1));
    assert_close(t.weight, 0.0, 0.0);
    assert_string_equal(t.kind, "project");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 1, "id"), "");
    assert_ok(ecosys_dataset_tie(&t, ds, 2));
    assert_int_equal(t.source, 2);
    assert_int_equal(t.target, 2);
    ecosys_dataset_free(ds);
}

/* ---- round trips ------------------------------------------------------------ */

static ecosys_dataset *tricky_dataset(int directed)
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

static void round_trip(int directed)
{
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/tricky.graphml", dir);
    ecosys_dataset *ds = tricky_dataset(directed);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    /* Types survive too. */
    for (int table = 0; table < 2; table++)
        for (size_t k = 0; k < ecosys_dataset_attribute_count(ds, (ecosys_table) table); k++)
            assert_string_equal(ecosys_dataset_attribute_type(ds, (ecosys_table) table, k),
                                ecosys_dataset_attribute_type(back, (ecosys_table) table, k));
    /* A second write of what was read gives the same bytes. */
    char again[4096];
    snprintf(again, sizeof again, "%s/again.graphml", dir);
    assert_ok(ecosys_dataset_write(back, again, ECOSYS_FORMAT_GRAPHML));
    gchar *first = NULL, *second = NULL;
    gsize first_length = 0, second_length = 0;
    assert_true(g_file_get_contents(path, &first, &first_length, NULL));
    assert_true(g_file_get_contents(again, &second, &second_length, NULL));
    assert_int_equal(first_length, second_length);
    assert_memory_equal(first, second, first_length);
    g_free(first);
    g_free(second);
    assert_int_equal(entry_count(dir), 2); /* no temporary file left */
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_round_trip_undirected(void **state)
{
    (void) state;
    round_trip(0);
}

static void test_round_trip_directed(void **state)
{
    (void) state;
    round_trip(1);
}

static void test_round_trip_empty(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/empty.graphml", dir);
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 1));
    /* Columns without rows are kept: GraphML declares them as keys. */
    assert_ok(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_TIES, "note"));
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_round_trip_of_other_tools_files(void **state)
{
    (void) state;
    const char *files[] = {"networkx_karate.graphml", "networkx_multidigraph.graphml",
                           "igraph_karate.graphml", "features.graphml"};
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/copy.graphml", dir);
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        ecosys_dataset *ds = read_ok(valid(files[f]));
        assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO)); /* replaces the last */
        ecosys_dataset *back = read_ok(path);
        assert_equal_datasets(ds, back);
        ecosys_dataset_free(back);
        ecosys_dataset_free(ds);
    }
    assert_int_equal(entry_count(dir), 1);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* The bundled Clermont dataset (CSV) survives a trip through this format. */
static void test_clermont_round_trip(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(ecosys_test_env("ECOSYS_CLERMONT"));
    assert_true(ecosys_dataset_tie_count(ds) > 0);
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/clermont.graphml", dir);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* ---- writing errors --------------------------------------------------------- */

static void test_write_errors(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    ecosys_dataset *ds = tricky_dataset(0);

    snprintf(path, sizeof path, "%s/no/such/dir/x.graphml", dir);
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EIO);
    assert_int_equal(ecosys_error_last()->code, ECOSYS_EIO);
    assert_string_equal(ecosys_error_last()->source, path);

    /* XML 1.0 cannot hold U+0001: refuse, leave no file behind. */
    snprintf(path, sizeof path, "%s/control.graphml", dir);
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 2, 0, "bell \x07"));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EUNSUPPORTED);
    assert_non_null(strstr(ecosys_error_last()->message, "U+0007"));
    assert_int_equal(entry_count(dir), 0);

    /* A failed write does not touch an existing file. */
    assert_true(g_file_set_contents(path, "old", 3, NULL));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EUNSUPPORTED);
    gchar *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    assert_string_equal(text, "old");
    g_free(text);
    assert_int_equal(entry_count(dir), 1);

    /* A directory in the way: EIO. */
    snprintf(path, sizeof path, "%s/adir.graphml", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 2, 0, "fine"));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EIO);
    assert_int_equal(entry_count(dir), 2);

    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_read_missing_file(void **state)
{
    (void) state;
    ecosys_dataset *ds = (ecosys_dataset *) &ds; /* must be reset to NULL */
    assert_int_equal(ecosys_dataset_read(&ds, "/nonexistent/x.graphml", ECOSYS_FORMAT_GRAPHML),
                     ECOSYS_EIO);
    assert_null(ds);
    assert_string_equal(ecosys_error_last()->source, "/nonexistent/x.graphml");
}

/* ---- invalid inputs, data-driven ---------------------------------------------- */

/* Checks one case folder; returns NULL or a description of the mismatch
 * (to free). Does not use cmocka's assertions: stderr may be redirected. */
static char *check_case(const char *dir, const char *name)
{
    gchar *input = g_build_filename(dir, name, "input.graphml", NULL);
    gchar *expected_path = g_build_filename(dir, name, "expected", NULL);
    gchar *expected = NULL;
    int readable = g_file_get_contents(expected_path, &expected, NULL, NULL);
    g_free(expected_path);
    if (!readable) {
        g_free(input);
        return g_strdup_printf("%s: cannot read its expected file", name);
    }
    ecosys_dataset *ds = NULL;
    int rc = ecosys_dataset_read(&ds, input, ECOSYS_FORMAT_GRAPHML);
    const ecosys_error *e = ecosys_error_last();
    char *problem = NULL;
    if (rc == 0 || ds != NULL)
        problem = g_strdup_printf("%s: read succeeded", name);
    gchar **lines = g_strsplit(expected, "\n", -1);
    for (size_t i = 0; lines[i] && !problem; i++) {
        const char *l = lines[i];
        if (!l[0])
            continue;
        if (g_str_has_prefix(l, "code: ")) {
            if (strcmp(ecosys_error_name(rc), l + 6) != 0 || e->code != rc)
                problem = g_strdup_printf("%s: code %s, expected %s (%s)", name,
                                          ecosys_error_name(rc), l + 6, e->message);
        } else if (g_str_has_prefix(l, "file: ")) {
            const char *base = strrchr(e->source, '/');
            if (strcmp(base ? base + 1 : e->source, l + 6) != 0)
                problem = g_strdup_printf("%s: source %s, expected %s", name, e->source, l + 6);
        } else if (g_str_has_prefix(l, "line: ")) {
            if (e->line != strtoul(l + 6, NULL, 10))
                problem = g_strdup_printf("%s: line %zu, expected %s (%s)", name, e->line, l + 6,
                                          e->message);
        } else if (g_str_has_prefix(l, "column: ")) {
            if (e->column != strtoul(l + 8, NULL, 10))
                problem = g_strdup_printf("%s: column %zu, expected %s (%s)", name, e->column,
                                          l + 8, e->message);
        } else if (g_str_has_prefix(l, "message: ")) {
            if (!strstr(e->message, l + 9))
                problem = g_strdup_printf("%s: message \"%s\" lacks \"%s\"", name, e->message,
                                          l + 9);
        } else {
            problem = g_strdup_printf("%s: bad line in expected: %s", name, l);
        }
    }
    g_strfreev(lines);
    g_free(expected);
    g_free(input);
    ecosys_dataset_free(ds);
    return problem;
}

static void test_invalid_cases(void **state)
{
    (void) state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/invalid/graphml", ecosys_test_env("ECOSYS_TEST_DATA"));
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    assert_true(n > 2);
    /* libxml2 must not print: send stderr to a file while the cases run. */
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
        if (names[i]->d_name[0] != '.') {
            char *problem = check_case(dir, names[i]->d_name);
            if (problem)
                g_string_append_printf(problems, "\n  %s", problem);
            g_free(problem);
            cases++;
        }
        free(names[i]);
    }
    free(names);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    gchar *printed = NULL;
    gsize printed_length = 0;
    assert_true(g_file_get_contents(log, &printed, &printed_length, NULL));
    ecosys_test_rmtree(tmp);
    free(tmp);
    if (problems->len)
        fail_msg("%zu cases, failures:%s", cases, problems->str);
    if (printed_length)
        fail_msg("something was printed on stderr: %s", printed);
    g_free(printed);
    g_string_free(problems, TRUE);
    assert_true(cases >= 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_networkx_karate),
        cmocka_unit_test(test_networkx_multidigraph),
        cmocka_unit_test(test_igraph_karate),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_round_trip_undirected),
        cmocka_unit_test(test_round_trip_directed),
        cmocka_unit_test(test_round_trip_empty),
        cmocka_unit_test(test_round_trip_of_other_tools_files),
        cmocka_unit_test(test_clermont_round_trip),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_read_missing_file),
        cmocka_unit_test(test_invalid_cases),
    };
    return cmocka_run_group_tests_name("io_graphml", tests, NULL, NULL);
}
