/* Partitions (ecosys/partition.h): by attribute (empty values, free
 * attributes, unknown attribute), from a membership vector (renumbering and
 * names), find_group, NULL handling, zero vertices, the one message of a
 * partition of the wrong size. Expected values follow
 * from the documented rules: groups numbered by first vertex, "" a group
 * of its own, membership names in decimal. */
#include "test_support.h"

#include <string.h>

static void by_attribute(void **state)
{
    (void) state;
    /* Sectors of actors 0..5: b, a, "", b, a, "" -> groups b = 0 (first at
     * vertex 0), a = 1 (vertex 1), "" = 2 (vertex 2). */
    static const char *const sectors[6] = {"b", "a", "", "b", "a", ""};
    ecosys_dataset *ds = ecosys_test_dataset(6, NULL, 0, NULL, 0, sectors);
    size_t attr;
    assert_ok(ecosys_dataset_add_attribute(&attr, ds, ECOSYS_TABLE_ACTORS, "size"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 3, attr, "big"));
    ecosys_graph *g;
    assert_ok(ecosys_graph_new(&g, ds, NULL));

    ecosys_partition *p = NULL;
    assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
    assert_int_equal(ecosys_partition_vertex_count(p), 6);
    assert_int_equal(ecosys_partition_group_count(p), 3);
    ecosys_test_sizes_equal(ecosys_partition_membership(p), (size_t[]){0, 1, 2, 0, 1, 2}, 6);
    assert_string_equal(ecosys_partition_group_name(p, 0), "b");
    assert_string_equal(ecosys_partition_group_name(p, 1), "a");
    assert_string_equal(ecosys_partition_group_name(p, 2), "");
    assert_null(ecosys_partition_group_name(p, 3));
    assert_int_equal(ecosys_partition_group_size(p, 2), 2);
    assert_int_equal(ecosys_partition_group_size(p, 3), 0);
    assert_int_equal(ecosys_partition_group_of(p, 4), 1);
    assert_true(ecosys_partition_group_of(p, 6) == (size_t) -1);
    size_t group = 99;
    assert_ok(ecosys_partition_find_group(&group, p, ""));
    assert_int_equal(group, 2);
    assert_ok(ecosys_partition_find_group(&group, p, "a"));
    assert_int_equal(group, 1);
    assert_int_equal(ecosys_partition_find_group(&group, p, "c"), ECOSYS_ENOTFOUND);
    assert_non_null(strstr(ecosys_error_last()->message, "no group \"c\""));
    assert_int_equal(ecosys_partition_find_group(NULL, p, "a"), ECOSYS_EINVAL);
    assert_int_equal(ecosys_partition_find_group(&group, NULL, "a"), ECOSYS_EINVAL);
    assert_int_equal(ecosys_partition_find_group(&group, p, NULL), ECOSYS_EINVAL);
    ecosys_partition_free(p);

    /* A free attribute: "" for every actor but 3 -> "" = 0, "big" = 1. */
    assert_ok(ecosys_partition_by_attribute(&p, g, "size"));
    assert_int_equal(ecosys_partition_group_count(p), 2);
    ecosys_test_sizes_equal(ecosys_partition_membership(p), (size_t[]){0, 0, 0, 1, 0, 0}, 6);
    assert_string_equal(ecosys_partition_group_name(p, 1), "big");
    ecosys_partition_free(p);

    /* Built-in "id": every actor its own group. */
    assert_ok(ecosys_partition_by_attribute(&p, g, "id"));
    assert_int_equal(ecosys_partition_group_count(p), 6);
    assert_string_equal(ecosys_partition_group_name(p, 5), "5");
    ecosys_partition_free(p);

    /* Unknown attribute: EINVAL, the message lists what exists. */
    p = (ecosys_partition *) 1;
    assert_int_equal(ecosys_partition_by_attribute(&p, g, "colour"), ECOSYS_EINVAL);
    assert_null(p);
    const char *message = ecosys_error_last()->message;
    assert_non_null(strstr(message, "no actor attribute \"colour\""));
    assert_non_null(strstr(message, "sector"));
    assert_non_null(strstr(message, "size"));
    assert_int_equal(ecosys_partition_by_attribute(NULL, g, "sector"), ECOSYS_EINVAL);
    assert_int_equal(ecosys_partition_by_attribute(&p, NULL, "sector"), ECOSYS_EINVAL);
    assert_int_equal(ecosys_partition_by_attribute(&p, g, NULL), ECOSYS_EINVAL);

    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void from_membership(void **state)
{
    (void) state;
    /* {5, 2, 5, 7, 2} -> {0, 1, 0, 2, 1}, named "5", "2", "7". */
    ecosys_partition *p;
    assert_ok(ecosys_partition_from_membership(&p, (size_t[]){5, 2, 5, 7, 2}, 5));
    assert_int_equal(ecosys_partition_group_count(p), 3);
    ecosys_test_sizes_equal(ecosys_partition_membership(p), (size_t[]){0, 1, 0, 2, 1}, 5);
    assert_string_equal(ecosys_partition_group_name(p, 0), "5");
    assert_string_equal(ecosys_partition_group_name(p, 1), "2");
    assert_string_equal(ecosys_partition_group_name(p, 2), "7");
    assert_int_equal(ecosys_partition_group_size(p, 0), 2);
    size_t group;
    assert_ok(ecosys_partition_find_group(&group, p, "7"));
    assert_int_equal(group, 2);
    ecosys_partition_free(p);

    /* Largest size_t keeps its decimal name. */
    assert_ok(ecosys_partition_from_membership(&p, (size_t[]){SIZE_MAX}, 1));
    assert_string_equal(ecosys_partition_group_name(p, 0), "18446744073709551615");
    ecosys_partition_free(p);

    assert_int_equal(ecosys_partition_from_membership(NULL, (size_t[]){0}, 1), ECOSYS_EINVAL);
    assert_int_equal(ecosys_partition_from_membership(&p, NULL, 1), ECOSYS_EINVAL);
}

static void zero_vertices_and_null(void **state)
{
    (void) state;
    ecosys_partition *p;
    assert_ok(ecosys_partition_from_membership(&p, NULL, 0));
    assert_int_equal(ecosys_partition_vertex_count(p), 0);
    assert_int_equal(ecosys_partition_group_count(p), 0);
    assert_null(ecosys_partition_group_name(p, 0));
    assert_true(ecosys_partition_group_of(p, 0) == (size_t) -1);
    ecosys_partition_free(p);

    ecosys_dataset *ds = ecosys_test_dataset(0, NULL, 0, NULL, 0, NULL);
    ecosys_graph *g;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
    assert_int_equal(ecosys_partition_vertex_count(p), 0);
    assert_int_equal(ecosys_partition_group_count(p), 0);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* Accessors accept NULL. */
    ecosys_partition_free(NULL);
    assert_int_equal(ecosys_partition_vertex_count(NULL), 0);
    assert_int_equal(ecosys_partition_group_count(NULL), 0);
    assert_null(ecosys_partition_membership(NULL));
    assert_true(ecosys_partition_group_of(NULL, 0) == (size_t) -1);
    assert_null(ecosys_partition_group_name(NULL, 0));
    assert_int_equal(ecosys_partition_group_size(NULL, 0), 0);
}

/* A partition of another size than the graph: every function that takes a
 * partition with a graph refuses it with ECOSYS_EINVAL and the same message
 * (graph/partition.c, ecosys_i_partition_check), naming the function. The
 * graph has 3 actors, the partition 2 vertices. */
static void expect_size_error(int rc, const char *function)
{
    assert_int_equal(rc, ECOSYS_EINVAL);
    const char *message = ecosys_error_last()->message;
    assert_non_null(strstr(message, function));
    assert_non_null(strstr(message, "the partition has 2 vertices but the graph has 3 actors"));
}

static void wrong_size_one_message(void **state)
{
    (void) state;
    static const char *const sectors[3] = {"a", "b", "a"};
    static const size_t ties[2][2] = {{0, 1}, {1, 2}};
    ecosys_dataset *ds = ecosys_test_dataset(3, ties, 2, NULL, 0, sectors);
    ecosys_graph *g;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    ecosys_partition *p, *small;
    assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
    assert_ok(ecosys_partition_from_membership(&small, (size_t[]){0, 1}, 2));
    double x[3];
    ecosys_ei_index ei;
    expect_size_error(ecosys_ei_index_compute(&ei, g, small, 0), "ecosys_ei_index_compute");
    expect_size_error(ecosys_blau(x, g, small, 0), "ecosys_blau");
    ecosys_brokerage b;
    expect_size_error(ecosys_brokerage_roles(&b, g, small, 0), "ecosys_brokerage_roles");
    expect_size_error(ecosys_modularity(x, g, small, 1.0, 0), "ecosys_modularity");
    expect_size_error(ecosys_participation(x, g, small, 0), "ecosys_participation");
    ecosys_community_summary cs;
    expect_size_error(ecosys_community_summary_compute(&cs, g, p, small),
                      "ecosys_community_summary_compute");
    ecosys_null_test nt;
    ecosys_statistic ei_stat = {ECOSYS_STATISTIC_EI_INDEX, NULL, NULL};
    ecosys_null_options no = ECOSYS_NULL_OPTIONS_INIT;
    no.replicates = 2;
    no.threads = 1;
    expect_size_error(ecosys_null_test_run(&nt, g, small, &ei_stat, 1, &no),
                      "ecosys_null_test_run");
    ecosys_waves w;
    ecosys_waves_options wo;
    assert_ok(ecosys_waves_options_init(&wo, ECOSYS_WAVES_OPTIONS_VERSION));
    wo.before_groups = p;
    wo.after_groups = small;
    expect_size_error(ecosys_waves_compare(&w, g, g, &wo), "ecosys_waves_compare (after)");
    ecosys_partition_free(small);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(by_attribute),
        cmocka_unit_test(from_membership),
        cmocka_unit_test(zero_vertices_and_null),
        cmocka_unit_test(wrong_size_one_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
