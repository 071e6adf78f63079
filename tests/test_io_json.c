/* Node-link JSON reading and writing: files written by NetworkX, the
 * features the reader accepts, exact round trips, and every invalid case
 * under tests/data/invalid/json/<case>/{input.json,expected}. */
#include "test_support.h"

#include <glib.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------------- */

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
    ecosys_dataset *ds = ecosys_test_read_valid("json", "networkx_karate.json");
    assert_int_equal(ecosys_dataset_actor_count(ds), 34);
    assert_int_equal(ecosys_dataset_tie_count(ds), 78);
    assert_false(ecosys_dataset_is_directed(ds));
    /* NetworkX writes integer ids: kept as their decimal text. */
    assert_string_equal(ecosys_test_actor_field(ds, "0", "club"), "Mr. Hi");
    assert_string_equal(ecosys_test_actor_field(ds, "33", "club"), "Officer");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "club"), "string");
    /* NetworkX: sum of the "weight" attributes */
    assert_close(ecosys_test_weight_sum(ds), 231.0, 0.0);
    ecosys_tie_info tie;
    assert_ok(ecosys_dataset_tie(&tie, ds, 77));
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 77, "source"), "32");
    assert_close(tie.weight, 5.0, 0.0);

    /* The same graph saved by NetworkX as GraphML reads as the same dataset. */
    ecosys_dataset *other = ecosys_test_read_valid("graphml", "networkx_karate.graphml");
    ecosys_test_assert_equal_datasets(ds, other);
    ecosys_dataset_free(other);
    ecosys_dataset_free(ds);
}

static void test_networkx_multidigraph_edges(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_read_valid("json", "networkx_multidigraph.json");
    assert_true(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_actor_count(ds), 3);
    assert_int_equal(ecosys_dataset_tie_count(ds), 3); /* under "edges" */
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 3);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 0), "size");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "size"), "long");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "score"), "double");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "active"), "boolean");
    /* From \u00e9: */
    assert_string_equal(ecosys_test_actor_field(ds, "b", "name"), "Universit\xc3\xa9");
    assert_string_equal(ecosys_test_actor_field(ds, "c", "score"), "2.0"); /* as written */
    assert_string_equal(ecosys_test_actor_field(ds, "b", "active"), "false");
    /* The multigraph keys are kept as the tie attribute "key". */
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_TIES, "key"), "long");
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
    ecosys_dataset *other = ecosys_test_read_valid("graphml", "networkx_multidigraph.graphml");
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
    ecosys_dataset *ds = ecosys_test_read_valid("json", "features.json");
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
    assert_string_equal(ecosys_test_actor_field(ds, "b", "ratio"), "1.50");
    assert_string_equal(ecosys_test_actor_field(ds, "b", "big"), "12345678901234567890");
    assert_string_equal(ecosys_test_actor_field(ds, "b", "n"), "");
    assert_string_equal(ecosys_test_actor_field(ds, "1", "ratio"), "");
    /* Types from the values; empty strings and missing members do not count. */
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "n"), "long");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "ratio"), "double");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "flag"), "boolean");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "big"), "long");

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

static void round_trip(int directed)
{
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/tricky.json", dir);
    ecosys_dataset *ds = ecosys_test_tricky_dataset(directed);
    /* JSON can hold control characters (escaped). */
    size_t attr;
    assert_ok(ecosys_dataset_add_attribute(&attr, ds, ECOSYS_TABLE_ACTORS, "control"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 1, attr,
                                           "\x01\x02\x1f\x7f\b\f \xe2\x80\xa8"));
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO));
    ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
    ecosys_test_assert_equal_datasets(ds, back);
    /* Writing what was read, then reading and writing that again, gives
     * the same bytes. (Not the first write: a column typed long holding
     * "abc" is written with numbers and strings mixed, and so reads back
     * typed string.) */
    char again[4096], third[4096];
    snprintf(again, sizeof again, "%s/again.json", dir);
    snprintf(third, sizeof third, "%s/third.json", dir);
    assert_ok(ecosys_dataset_write(back, again, ECOSYS_FORMAT_JSON));
    ecosys_dataset *back2 = ecosys_test_read(again, ECOSYS_FORMAT_AUTO);
    ecosys_test_assert_equal_datasets(ds, back2);
    assert_ok(ecosys_dataset_write(back2, third, ECOSYS_FORMAT_JSON));
    ecosys_dataset_free(back2);
    char *first = file_text(path), *second = file_text(again), *last = file_text(third);
    assert_string_equal(second, last);
    g_free(last);
    /* Repeated ties make a multigraph for NetworkX. */
    assert_non_null(strstr(first, "\"multigraph\": true"));
    g_free(first);
    g_free(second);
    assert_int_equal(ecosys_test_entry_count(dir), 3); /* no temporary file left */
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
    ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
    ecosys_test_assert_equal_datasets(ds, back);
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
    const char *const files[] = {"networkx_karate.json", "networkx_multidigraph.json",
                                 "features.json"};
    ecosys_test_round_trip_valid("json", "copy.json", files, sizeof files / sizeof *files);
}

/* The bundled Clermont dataset (CSV) survives a trip through this format. */
static void test_clermont_round_trip(void **state)
{
    (void) state;
    ecosys_test_round_trip_clermont(ECOSYS_FORMAT_JSON);
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
    ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
    for (size_t i = 0; i < 5; i++) {
        ecosys_tie_info tie;
        assert_ok(ecosys_dataset_tie(&tie, back, i));
        assert_true(tie.weight == weights[i]);
    }
    ecosys_test_assert_equal_datasets(ds, back);
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
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_JSON);
    ecosys_dataset_free(ds);
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
    assert_int_equal(ecosys_test_entry_count(dir), 0);
    ecosys_dataset_free(ds);

    /* An empty dataset is fine. */
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_JSON));
    ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
    ecosys_test_assert_equal_datasets(ds, back);
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

static void test_invalid_cases(void **state)
{
    (void) state;
    size_t cases = ecosys_test_check_invalid_cases("json", "input.json", ECOSYS_FORMAT_JSON);
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
