/* GraphML reading and writing: files written by NetworkX and igraph, the
 * features the reader accepts, exact round trips, and every invalid case
 * under tests/data/invalid/graphml/<case>/{input.graphml,expected}. */
#include "test_support.h"

#include <glib.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- files written by other tools ----------------------------------------- */

static void test_networkx_karate(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_read_valid("graphml", "networkx_karate.graphml");
    assert_int_equal(ecosys_dataset_actor_count(ds), 34);
    assert_int_equal(ecosys_dataset_tie_count(ds), 78);
    assert_false(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 1);
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "club"), "string");
    assert_string_equal(ecosys_test_actor_field(ds, "0", "club"), "Mr. Hi");
    assert_string_equal(ecosys_test_actor_field(ds, "33", "club"), "Officer");
    size_t officers = 0;
    for (size_t i = 0; i < 34; i++)
        officers +=
            strcmp(ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, i, "club"), "Officer") == 0;
    assert_int_equal(officers, 17);
    /* NetworkX: sum of the "weight" attributes */
    assert_close(ecosys_test_weight_sum(ds), 231.0, 0.0);
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
    ecosys_dataset *ds = ecosys_test_read_valid("graphml", "networkx_multidigraph.graphml");
    assert_true(ecosys_dataset_is_directed(ds));
    assert_int_equal(ecosys_dataset_actor_count(ds), 3);
    assert_int_equal(ecosys_dataset_tie_count(ds), 3);
    /* NetworkX declares its keys in reverse order; free attributes follow
     * the file's key order. */
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 3);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 0), "active");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "active"), "boolean");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "score"), "double");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "size"), "long");
    assert_string_equal(ecosys_test_actor_field(ds, "a", "active"), "True"); /* text as written */
    assert_string_equal(ecosys_test_actor_field(ds, "b", "name"), "Université");
    assert_string_equal(ecosys_test_actor_field(ds, "b", "sector"), "academia");
    assert_string_equal(ecosys_test_actor_field(ds, "c", "name"), "Ville <C> & co");
    assert_string_equal(ecosys_test_actor_field(ds, "c", "score"), "2.0");
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
    ecosys_dataset *ds = ecosys_test_read_valid("graphml", "igraph_karate.graphml");
    assert_int_equal(ecosys_dataset_actor_count(ds), 34);
    assert_int_equal(ecosys_dataset_tie_count(ds), 78);
    assert_false(ecosys_dataset_is_directed(ds));
    /* igraph's vertex attribute "name" is the actor's name; ids are n0..n33. */
    assert_string_equal(ecosys_test_actor_field(ds, "n0", "name"), "actor 0");
    assert_string_equal(ecosys_test_actor_field(ds, "n33", "faction"), "2");
    assert_string_equal(ecosys_test_actor_field(ds, "n33", "leader"), "true");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "faction"), "double");
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "leader"), "boolean");
    assert_close(ecosys_test_weight_sum(ds), 154.0, 0.0); /* python-igraph: sum(g.es["weight"]) */
    ecosys_dataset_free(ds);
}

/* ---- the accepted features ----------------------------------------------- */

static void test_features(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_read_valid("graphml", "features.graphml");
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
    assert_string_equal(ecosys_test_attribute_type(ds, ECOSYS_TABLE_ACTORS, "size"), "int");
    assert_string_equal(ecosys_test_actor_field(ds, "a", "size"), "12");
    assert_string_equal(ecosys_test_actor_field(ds, "b", "note"), "  spaced\n two lines  ");
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

static void round_trip(int directed)
{
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/tricky.graphml", dir);
    ecosys_dataset *ds = ecosys_test_tricky_dataset(directed);
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO));
    ecosys_dataset *back = ecosys_test_read(path, ECOSYS_FORMAT_AUTO);
    ecosys_test_assert_equal_datasets(ds, back);
    ecosys_test_assert_equal_types(ds, back); /* types survive too */
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
    assert_int_equal(ecosys_test_entry_count(dir), 2); /* no temporary file left */
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
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 1));
    /* Columns without rows are kept: GraphML declares them as keys. */
    assert_ok(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_TIES, "note"));
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_GRAPHML);
    ecosys_dataset_free(ds);
}

static void test_round_trip_of_other_tools_files(void **state)
{
    (void) state;
    const char *const files[] = {"networkx_karate.graphml", "networkx_multidigraph.graphml",
                                 "igraph_karate.graphml", "features.graphml"};
    ecosys_test_round_trip_valid("graphml", "copy.graphml", files, sizeof files / sizeof *files);
}

/* The bundled Clermont dataset (CSV) survives a trip through this format. */
static void test_clermont_round_trip(void **state)
{
    (void) state;
    ecosys_test_round_trip_clermont(ECOSYS_FORMAT_GRAPHML);
}

/* ---- writing errors --------------------------------------------------------- */

static void test_write_errors(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char path[4096];
    ecosys_dataset *ds = ecosys_test_tricky_dataset(0);

    snprintf(path, sizeof path, "%s/no/such/dir/x.graphml", dir);
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EIO);
    assert_int_equal(ecosys_error_last()->code, ECOSYS_EIO);
    assert_string_equal(ecosys_error_last()->source, path);

    /* XML 1.0 cannot hold U+0001: refuse, leave no file behind. */
    snprintf(path, sizeof path, "%s/control.graphml", dir);
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 2, 0, "bell \x07"));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EUNSUPPORTED);
    assert_non_null(strstr(ecosys_error_last()->message, "U+0007"));
    assert_int_equal(ecosys_test_entry_count(dir), 0);

    /* A failed write does not touch an existing file. */
    assert_true(g_file_set_contents(path, "old", 3, NULL));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EUNSUPPORTED);
    gchar *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    assert_string_equal(text, "old");
    g_free(text);
    assert_int_equal(ecosys_test_entry_count(dir), 1);

    /* A directory in the way: EIO. */
    snprintf(path, sizeof path, "%s/adir.graphml", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 2, 0, "fine"));
    assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_GRAPHML), ECOSYS_EIO);
    assert_int_equal(ecosys_test_entry_count(dir), 2);

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

static void test_invalid_cases(void **state)
{
    (void) state;
    size_t cases =
        ecosys_test_check_invalid_cases("graphml", "input.graphml", ECOSYS_FORMAT_GRAPHML);
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
