/* Node-link JSON reading and writing: files written by NetworkX, the
 * features the reader accepts, exact round trips, and every invalid case
 * under tests/data/invalid/json/<case>/{input.json,expected}. */
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
    snprintf(path, sizeof path, "%s/valid/json/%s", ecosys_test_env("ECOSYS_TEST_DATA"), name);
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

static char *file_text(const char *path)
{
    gchar *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

/* ---- files written by NetworkX ------------------------------------------- */

static void test_networkx_karate(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("networkx_karate.json"));
    assert_int_equal(ecosys_dataset_actor_count(ds), 34);
    assert_int_equal(ecosys_dataset_tie_count(ds), 78);
    assert_false(ecosys_dataset_is_directed(ds));
    /* NetworkX writes integer ids: kept as their decimal text. */
    assert_string_equal(actor_field(ds, "0", "club"), "Mr. Hi");
    assert_string_equal(actor_field(ds, "33", "club"), "Officer");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "club"), "string");
    assert_close(weight_sum(ds), 231.0, 0.0); /* NetworkX: sum of the "weight" attributes */
    ecosys_tie_info tie;
    assert_ok(ecosys_dataset_tie(&tie, ds, 77));
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 77, "source"), "32");
    assert_close(tie.weight, 5.0, 0.0);

    /* The same graph saved by NetworkX as GraphML reads as the same dataset. */
    char graphml[4096];
    snprintf(graphml, sizeof graphml, "%s/valid/graphml/networkx_karate.graphml",
             ecosys_test_env("ECOSYS_TEST_DATA"));
    ecosys_dataset *other = read_ok(graphml);
    assert_equal_datasets(ds, other);
    ecosys_dataset_free(other);
    ecosys_dataset_free(ds);
}

static void test_networkx_multidigraph_edges(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("networkx_multidigraph.json"));
    assert_true(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_actor_count(ds), 3);
    assert_int_equal(ecosys_dataset_tie_count(ds), 3); /* under "edges" */
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 3);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 0), "size");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "size"), "long");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "score"), "double");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "active"), "boolean");
    assert_string_equal(actor_field(ds, "b", "name"), "Universit\xc3\xa9"); /* from \u00e9 */
    assert_string_equal(actor_field(ds, "c", "score"), "2.0"); /* as written */
    assert_string_equal(actor_field(ds, "b", "active"), "false");
    /* The multigraph keys are kept as the tie attribute "key". */
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_TIES, "key"), "long");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 1, "key"), "1");
    ecosys_tie_info tie;
    assert_ok(ecosys_dataset_tie(&tie, ds, 1));
    assert_close(tie.weight, 1.0, 0.0);
    assert_string_equal(tie.kind, "advice");
    assert_string_equal(tie.start, "2020-03");
    assert_ok(ecosys_dataset_tie(&tie, ds, 2));
    assert_int_equal(tie.source, tie.target);
    assert_close(tie.weight, 0.0, 0.0);

    /* Same content as NetworkX's GraphML of the same graph, but for the
     * attribute order, the texts of booleans and floats, and edge ids. */
    char graphml[4096];
    snprintf(graphml, sizeof graphml, "%s/valid/graphml/networkx_multidigraph.graphml",
             ecosys_test_env("ECOSYS_TEST_DATA"));
    ecosys_dataset *other = read_ok(graphml);
    for (size_t t = 0; t < 3; t++) {
        ecosys_tie_info a, b;
        assert_ok(ecosys_dataset_tie(&a, ds, t));
        assert_ok(ecosys_dataset_tie(&b, other, t));
        assert_int_equal(a.source, b.source);
        assert_int_equal(a.target, b.target);
        assert_close(a.weight, b.weight, 0.0);
        assert_string_equal(a.kind, b.kind);
    }
    ecosys_dataset_free(other);
    ecosys_dataset_free(ds);
}

/* ---- the accepted features ----------------------------------------------- */

static void test_features(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_ok(valid("features.json"));
    assert_true(ecosys_dataset_is_directed(ds)); /* "directed" comes last */
    assert_int_equal(ecosys_dataset_actor_count(ds), 2);
    ecosys_actor_info a;
    assert_ok(ecosys_dataset_actor(&a, ds, 0));
    assert_string_equal(a.id, "1");
    assert_string_equal(a.axes, "mobility;food");
    assert_string_equal(a.name, "Caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \\ /");
    assert_ok(ecosys_dataset_actor(&a, ds, 1));
    assert_string_equal(a.id, "b");
    assert_string_equal(a.name, "tab\there");
    assert_string_equal(a.axes, "energy");
    assert_string_equal(actor_field(ds, "b", "ratio"), "1.50");
    assert_string_equal(actor_field(ds, "b", "big"), "12345678901234567890");
    assert_string_equal(actor_field(ds, "b", "n"), "");
    assert_string_equal(actor_field(ds, "1", "ratio"), "");
    /* Types from the values; empty strings and missing members do not count. */
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "n"), "long");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "ratio"), "double");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "flag"), "boolean");
    assert_string_equal(attribute_type(ds, ECOSYS_TABLE_ACTORS, "big"), "long");

    /* Links come before the nodes they name: kept in file order. */
    assert_int_equal(ecosys_dataset_tie_count(ds), 2);
    ecosys_tie_info t;
    assert_ok(ecosys_dataset_tie(&t, ds, 0));
    assert_int_equal(t.source, 1);
    assert_int_equal(t.target, 0);
    assert_close(t.weight, 0.0, 0.0);
    assert_string_equal(t.kind, "advice");
    assert_string_equal(t.start, "2019");
    assert_ok(ecosys_dataset_tie(&t, ds, 1));
    assert_close(t.weight, 1e-3, 0.0);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_TIES, 0), "extra");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 1, "key"), "7");
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
    snprintf(path, sizeof path, "%s/tricky.json", dir);
    ecosys_dataset *ds = tricky_dataset(directed);
    /* JSON can hold control characters (escaped). */
    size_t attr;
    assert_ok(ecosys_dataset_add_attribute(&attr, ds, ECOSYS_TABLE_ACTORS, "control"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 1, attr,
                                           "\x01\x02\x1f\x7f\b\f \xe2\x80\xa8"));
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    /* Writing what was read, then reading and writing that again, gives
     * the same bytes. (Not the first write: a column typed long holding
     * "abc" is written with numbers and strings mixed, and so reads back
     * typed string.) */
    char again[4096], third[4096];
    snprintf(again, sizeof again, "%s/again.json", dir);
    snprintf(third, sizeof third, "%s/third.json", dir);
    assert_ok(ecosys_dataset_write(back, again, ECOSYS_FORMAT_JSON));
    ecosys_dataset *back2 = read_ok(again);
    assert_equal_datasets(ds, back2);
    assert_ok(ecosys_dataset_write(back2, third, ECOSYS_FORMAT_JSON));
    ecosys_dataset_free(back2);
    char *first = file_text(path), *second = file_text(again), *last = file_text(third);
    assert_string_equal(second, last);
    g_free(last);
    /* Repeated ties make a multigraph for NetworkX. */
    assert_non_null(strstr(first, "\"multigraph\": true"));
    g_free(first);
    g_free(second);
    assert_int_equal(entry_count(dir), 3); /* no temporary file left */
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

static void test_types_and_multigraph(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/typed.json", dir);
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 1));
    for (int i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "n%d", i);
        ecosys_actor_info actor = {id, NULL, NULL, NULL, NULL};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actor));
    }
    /* a->b and b->a are distinct pairs in a directed graph. */
    ecosys_tie_info ab = {0, 1, 1.0, NULL, NULL, NULL, NULL};
    ecosys_tie_info ba = {1, 0, 2.0, NULL, NULL, NULL, NULL};
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &ab));
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &ba));
    const char *types[] = {"long", "double", "boolean", "string", "int", "float"};
    const char *values[][3] = {{"1", "-20", ""},       {"0.5", "3", "1e-300"},
                               {"true", "", "false"}, {"1", "true", "x"},
                               {"7", "8", "9"},        {"1.5", "2", "-0.0"}};
    for (size_t k = 0; k < 6; k++) {
        size_t attr;
        assert_ok(ecosys_dataset_add_attribute(&attr, ds, ECOSYS_TABLE_ACTORS, types[k]));
        assert_ok(ecosys_dataset_set_attribute_type(ds, ECOSYS_TABLE_ACTORS, attr, types[k]));
        for (size_t i = 0; i < 3; i++)
            assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, i, attr, values[k][i]));
    }
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    char *text = file_text(path);
    assert_non_null(strstr(text, "\"multigraph\": false"));
    assert_non_null(
        strstr(text, "\"long\": -20, \"double\": 3, \"boolean\": \"\", \"string\": \"true\""));
    g_free(text);
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    /* JSON knows integers, reals and booleans: int and float come back as
     * long and double. */
    const char *read_types[] = {"long", "double", "boolean", "string", "long", "double"};
    for (size_t k = 0; k < 6; k++)
        assert_string_equal(ecosys_dataset_attribute_type(back, ECOSYS_TABLE_ACTORS, k),
                            read_types[k]);
    ecosys_dataset_free(back);

    /* Undirected, the same two ties join one pair twice. */
    ecosys_dataset_set_directed(ds, 0);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    text = file_text(path);
    assert_non_null(strstr(text, "\"multigraph\": true"));
    g_free(text);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_round_trip_of_networkx_files(void **state)
{
    (void) state;
    const char *files[] = {"networkx_karate.json", "networkx_multidigraph.json",
                           "features.json"};
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/copy.json", dir);
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        ecosys_dataset *ds = read_ok(valid(files[f]));
        assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO));
        ecosys_dataset *back = read_ok(path);
        assert_equal_datasets(ds, back);
        for (int table = 0; table < 2; table++)
            for (size_t k = 0; k < ecosys_dataset_attribute_count(ds, (ecosys_table) table); k++)
                assert_string_equal(ecosys_dataset_attribute_type(ds, (ecosys_table) table, k),
                                    ecosys_dataset_attribute_type(back, (ecosys_table) table, k));
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
    snprintf(path, sizeof path, "%s/clermont.json", dir);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* Weights are written as the shortest text that reads back exactly, valid
 * JSON even with an exponent (json-glib 1.6 wrote 1e-300 as "1e-300.0"). */
static void test_weight_text(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/weights.json", dir);
    const double weights[] = {1e-300, 1e20, 0.1, 0.85, 3.0};
    const char *texts[] = {"1e-300", "1e+20", "0.1", "0.85", "3"};
    const size_t edges[][2] = {{0, 1}, {1, 0}, {0, 1}, {1, 0}, {0, 1}};
    ecosys_dataset *ds = ecosys_test_dataset(2, edges, 5, weights, 1, NULL);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    char *text = file_text(path);
    for (size_t i = 0; i < 5; i++) {
        char member[64];
        snprintf(member, sizeof member, "\"weight\": %s, ", texts[i]);
        if (!strstr(text, member))
            fail_msg("%s not found in:\n%s", member, text);
    }
    g_free(text);
    ecosys_dataset *back = read_ok(path);
    for (size_t i = 0; i < 5; i++) {
        ecosys_tie_info tie;
        assert_ok(ecosys_dataset_tie(&tie, back, i));
        assert_true(tie.weight == weights[i]);
    }
    assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* A file larger than the writer's 64 KiB chunks, with a string larger than
 * a chunk, is written in order and whole. */
static void test_large_file(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/large.json", dir);
    enum { N = 3000 };
    static size_t edges[N][2];
    for (size_t i = 0; i < N; i++) {
        edges[i][0] = i;
        edges[i][1] = (i * 7 + 1) % N;
    }
    ecosys_dataset *ds = ecosys_test_dataset(N, (const size_t(*)[2]) edges, N, NULL, 0, NULL);
    size_t note;
    assert_ok(ecosys_dataset_add_attribute(&note, ds, ECOSYS_TABLE_ACTORS, "note"));
    char *big = malloc(200001);
    assert_non_null(big);
    for (size_t i = 0; i < 200000; i++)
        big[i] = i % 1000 == 999 ? '\n' : (char) ('a' + i % 26);
    big[200000] = '\0';
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, N / 2, note, big));
    free(big);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    assert_int_equal(entry_count(dir), 1);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* ---- writing errors --------------------------------------------------------- */

static void test_write_errors(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));

    /* Columns exist only as members of rows: a column without rows cannot
     * be written, rather than lost. */
    snprintf(path, sizeof path, "%s/empty.json", dir);
    assert_ok(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_TIES, "note"));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON), ECOSYS_EUNSUPPORTED);
    assert_non_null(strstr(ecosys_error_last()->message, "\"note\""));
    assert_int_equal(entry_count(dir), 0);
    ecosys_dataset_free(ds);

    /* An empty dataset is fine. */
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    ecosys_dataset *back = read_ok(path);
    assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);

    snprintf(path, sizeof path, "%s/no/such/dir/x.json", dir);
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON), ECOSYS_EIO);
    assert_string_equal(ecosys_error_last()->source, path);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_read_missing_file(void **state)
{
    (void) state;
    ecosys_dataset *ds = (ecosys_dataset *) &ds; /* must be reset to NULL */
    assert_int_equal(ecosys_dataset_read(&ds, "/nonexistent/x.json", ECOSYS_FORMAT_AUTO),
                     ECOSYS_EIO);
    assert_null(ds);
}

/* ---- invalid inputs, data-driven ---------------------------------------------- */

/* Checks one case folder; returns NULL or a description of the mismatch
 * (to free). Does not use cmocka's assertions: stderr may be redirected. */
static char *check_case(const char *dir, const char *name)
{
    gchar *input = g_build_filename(dir, name, "input.json", NULL);
    gchar *expected_path = g_build_filename(dir, name, "expected", NULL);
    gchar *expected = NULL;
    int readable = g_file_get_contents(expected_path, &expected, NULL, NULL);
    g_free(expected_path);
    if (!readable) {
        g_free(input);
        return g_strdup_printf("%s: cannot read its expected file", name);
    }
    ecosys_dataset *ds = NULL;
    int rc = ecosys_dataset_read(&ds, input, ECOSYS_FORMAT_JSON);
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
    snprintf(dir, sizeof dir, "%s/invalid/json", ecosys_test_env("ECOSYS_TEST_DATA"));
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    assert_true(n > 2);
    /* The library must not print: send stderr to a file while the cases run. */
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
        cmocka_unit_test(test_networkx_multidigraph_edges),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_round_trip_undirected),
        cmocka_unit_test(test_round_trip_directed),
        cmocka_unit_test(test_types_and_multigraph),
        cmocka_unit_test(test_round_trip_of_networkx_files),
        cmocka_unit_test(test_clermont_round_trip),
        cmocka_unit_test(test_weight_text),
        cmocka_unit_test(test_large_file),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_read_missing_file),
        cmocka_unit_test(test_invalid_cases),
    };
    return cmocka_run_group_tests_name("io_json", tests, NULL, NULL);
}
