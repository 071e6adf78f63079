/* Graph building: tie conventions (weight 0, self-ties, repeats), snapshots
 * by date and interval, filters by axis, kind and territory, isolates,
 * direction. Expected values are counted by hand from the small datasets
 * below. */
#include "test_support.h"

#include <string.h>

/* Five actors in two territories:
 *   0 a (north, public)   1 b (north, business)   2 c (north, academia)
 *   3 d (south, public)   4 e (south, civil_society, no ties at all) */
static ecosys_dataset *make_dataset(int directed)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, directed));
    const char *ids[] = {"a", "b", "c", "d", "e"};
    const char *territories[] = {"north", "north", "north", "south", "south"};
    const char *sectors[] = {"public", "business", "academia", "public", "civil_society"};
    for (size_t i = 0; i < 5; i++) {
        ecosys_actor_info actor = {ids[i], ids[i], sectors[i], territories[i], ""};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actor));
    }
    const ecosys_tie_info ties[] = {
        /* source target weight kind axis start end */
        {0, 1, 1, "project", "food", "2018", "2019-03"},           /* t0 ends before the label */
        {1, 0, 2, "project", "food", "2019-06", ""},               /* t1 repeats a-b (reversed) */
        {1, 2, 1, "steering_committee", "mobility", "2018-10", "2019-04"}, /* t2 */
        {2, 3, 3, "funding", "digital", "2019-05-01", ""},         /* t3 crosses territories */
        {0, 0, 1, "project", "food", "", ""},                      /* t4 self-tie */
        {0, 2, 0, "advice", "food", "", ""},                       /* t5 weight 0: data only */
        {0, 1, 0.5, "advice", "", "", ""},                         /* t6 repeats a-b */
    };
    for (size_t t = 0; t < sizeof ties / sizeof *ties; t++)
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &ties[t]));
    return ds;
}

static double weight_between(const ecosys_graph *g, size_t u, size_t v)
{
    for (size_t e = 0; e < ecosys_graph_tie_count(g); e++) {
        size_t s, t;
        double w;
        assert_ok(ecosys_graph_tie(&s, &t, &w, g, e));
        if ((s == u && t == v) || (!ecosys_graph_is_directed(g) && s == v && t == u))
            return w;
    }
    return -1;
}

static void all_ties_follow_the_conventions(void **state)
{
    (void) state;
    ecosys_dataset *ds = make_dataset(0);
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    ecosys_graph_info info;
    assert_ok(ecosys_graph_info_get(&info, g));
    /* Edges: a-b (t0 + t1 + t6 = 1 + 2 + 0.5), b-c, c-d; e is an isolate. */
    assert_int_equal(info.actor_count, 5);
    assert_int_equal(info.tie_count, 3);
    assert_int_equal(info.ties_in_dataset, 7);
    assert_int_equal(info.self_ties, 1);
    assert_int_equal(info.zero_weight_ties, 1);
    assert_int_equal(info.merged_ties, 2);
    assert_int_equal(info.ties_filtered_out, 0);
    assert_int_equal(info.actors_filtered_out, 0);
    assert_false(info.directed);
    assert_close(weight_between(g, 0, 1), 3.5, 0);
    assert_close(weight_between(g, 1, 2), 1, 0);
    assert_close(weight_between(g, 2, 3), 3, 0);
    for (size_t e = 0; e < 3; e++) {
        size_t s, t;
        assert_ok(ecosys_graph_tie(&s, &t, NULL, g, e));
        assert_true(s < t); /* undirected edges come as source < target */
    }
    assert_int_equal(ecosys_graph_tie(NULL, NULL, NULL, g, 3), ECOSYS_EINVAL);
    assert_ptr_equal(ecosys_graph_dataset(g), ds);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void directed_graphs_keep_both_arcs(void **state)
{
    (void) state;
    ecosys_dataset *ds = make_dataset(1);
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    /* Arcs: a->b (t0 + t6 = 1.5), b->a (t1 = 2), b->c, c->d. */
    assert_true(ecosys_graph_is_directed(g));
    assert_int_equal(ecosys_graph_tie_count(g), 4);
    assert_close(weight_between(g, 0, 1), 1.5, 0);
    assert_close(weight_between(g, 1, 0), 2, 0);
    ecosys_graph_free(g);
    /* Asking for an undirected graph merges a->b and b->a. */
    ecosys_graph_options o = ECOSYS_GRAPH_OPTIONS_INIT;
    o.direction = ECOSYS_DIRECTION_UNDIRECTED;
    assert_ok(ecosys_graph_new(&g, ds, &o));
    assert_false(ecosys_graph_is_directed(g));
    assert_int_equal(ecosys_graph_tie_count(g), 3);
    assert_close(weight_between(g, 0, 1), 3.5, 0);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static size_t ties_at(const ecosys_dataset *ds, const char *at, const char *from, const char *to)
{
    ecosys_graph_options o;
    assert_ok(ecosys_graph_options_init(&o, ECOSYS_GRAPH_OPTIONS_VERSION));
    o.at = at;
    o.from = from;
    o.to = to;
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, &o));
    size_t m = ecosys_graph_tie_count(g);
    assert_int_equal(ecosys_graph_actor_count(g), 5); /* snapshots keep every actor */
    ecosys_graph_free(g);
    return m;
}

static void snapshots_by_date_and_interval(void **state)
{
    (void) state;
    ecosys_dataset *ds = make_dataset(0);
    /* 2019-04-12: t0 ended 2019-03; t1 starts 2019-06; t2 runs to the end of
     * April 2019 (active); t3 starts in May; t4 self, t5 zero, t6 undated
     * (active always) -> edges b-c (t2) and a-b (t6). */
    assert_int_equal(ties_at(ds, "2019-04-12", NULL, NULL), 2);
    /* 2020: t1 (a-b), t3 (c-d), t6 (a-b) -> 2 edges. */
    assert_int_equal(ties_at(ds, "2020-01-01", NULL, NULL), 2);
    /* 2017: only undated t6 -> 1 edge. */
    assert_int_equal(ties_at(ds, "2017", NULL, NULL), 1);
    /* "2019" as a whole year overlaps every dated tie -> 3 edges. */
    assert_int_equal(ties_at(ds, "2019", NULL, NULL), 3);
    /* Interval [2019-04-30, 2019-05-01] overlaps t2 (to end of April) and t3. */
    assert_int_equal(ties_at(ds, NULL, "2019-04-30", "2019-05-01"), 3);
    /* Open intervals. */
    assert_int_equal(ties_at(ds, NULL, "2019-05-02", NULL), 2); /* t1, t3, t6: a-b, c-d */
    assert_int_equal(ties_at(ds, NULL, NULL, "2018-09"), 1);     /* t0, t6: a-b */
    ecosys_dataset_free(ds);
}

static void bad_snapshot_options(void **state)
{
    (void) state;
    ecosys_dataset *ds = make_dataset(0);
    ecosys_graph *g = NULL;
    ecosys_graph_options o = ECOSYS_GRAPH_OPTIONS_INIT;
    o.at = "2019-13";
    assert_int_equal(ecosys_graph_new(&g, ds, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "snapshot date"));
    assert_null(g);
    o.at = "2019";
    o.from = "2018";
    assert_int_equal(ecosys_graph_new(&g, ds, &o), ECOSYS_EINVAL);
    o.at = NULL;
    o.from = "2020";
    o.to = "2019";
    assert_int_equal(ecosys_graph_new(&g, ds, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "after"));
    o = (ecosys_graph_options) ECOSYS_GRAPH_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(ecosys_graph_new(&g, ds, &o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_graph_options_init(&o, 99), ECOSYS_EINVAL);
    o = (ecosys_graph_options) ECOSYS_GRAPH_OPTIONS_INIT;
    o.direction = (ecosys_direction) 7;
    assert_int_equal(ecosys_graph_new(&g, ds, &o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_graph_new(&g, NULL, NULL), ECOSYS_EINVAL);
    ecosys_dataset_free(ds);
}

static void filters_by_axis_kind_and_territory(void **state)
{
    (void) state;
    ecosys_dataset *ds = make_dataset(0);
    ecosys_graph *g = NULL;
    ecosys_graph_options o = ECOSYS_GRAPH_OPTIONS_INIT;
    o.axis = "food"; /* t0, t1 (a-b); t4 self; t5 zero */
    assert_ok(ecosys_graph_new(&g, ds, &o));
    assert_int_equal(ecosys_graph_tie_count(g), 1);
    ecosys_graph_info info;
    assert_ok(ecosys_graph_info_get(&info, g));
    assert_int_equal(info.ties_filtered_out, 3); /* t2, t3, t6 */
    ecosys_graph_free(g);

    o = (ecosys_graph_options) ECOSYS_GRAPH_OPTIONS_INIT;
    o.kind = "no such kind";
    assert_ok(ecosys_graph_new(&g, ds, &o));
    assert_int_equal(ecosys_graph_tie_count(g), 0);
    ecosys_graph_free(g);

    o = (ecosys_graph_options) ECOSYS_GRAPH_OPTIONS_INIT;
    o.territory = "north"; /* a, b, c; c-d leaves the territory */
    assert_ok(ecosys_graph_new(&g, ds, &o));
    assert_int_equal(ecosys_graph_actor_count(g), 3);
    assert_int_equal(ecosys_graph_tie_count(g), 2);
    size_t v;
    assert_int_equal(ecosys_graph_vertex(&v, g, 3), ECOSYS_ENOTFOUND);
    assert_ok(ecosys_graph_vertex(&v, g, 2));
    assert_int_equal(v, 2);
    assert_int_equal(ecosys_graph_actor(g, 2), 2);
    assert_int_equal(ecosys_graph_actor(g, 3), (size_t) -1);
    ecosys_graph_free(g);

    o = (ecosys_graph_options) ECOSYS_GRAPH_OPTIONS_INIT;
    o.territory = "south";
    o.drop_isolates = 1; /* d and e have no tie inside the south */
    assert_ok(ecosys_graph_new(&g, ds, &o));
    assert_int_equal(ecosys_graph_actor_count(g), 0);
    assert_int_equal(ecosys_graph_tie_count(g), 0);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void dropping_isolates_renumbers(void **state)
{
    (void) state;
    ecosys_dataset *ds = make_dataset(0);
    ecosys_graph *g = NULL;
    ecosys_graph_options o = ECOSYS_GRAPH_OPTIONS_INIT;
    o.at = "2020"; /* a-b, c-d; e isolated, b.. */
    o.drop_isolates = 1;
    assert_ok(ecosys_graph_new(&g, ds, &o));
    /* 2020: t1 a-b, t3 c-d, t6 a-b: vertices a, b, c, d; e dropped. */
    assert_int_equal(ecosys_graph_actor_count(g), 4);
    assert_int_equal(ecosys_graph_actor(g, 3), 3);
    size_t v;
    assert_int_equal(ecosys_graph_vertex(&v, g, 4), ECOSYS_ENOTFOUND);
    ecosys_graph_info info;
    assert_ok(ecosys_graph_info_get(&info, g));
    assert_int_equal(info.actors_filtered_out, 1);
    size_t s, t;
    assert_ok(ecosys_graph_tie(&s, &t, NULL, g, 1));
    assert_int_equal(s, 2);
    assert_int_equal(t, 3);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static void empty_dataset_gives_empty_graph(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    ecosys_graph *g = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    assert_int_equal(ecosys_graph_actor_count(g), 0);
    assert_int_equal(ecosys_graph_tie_count(g), 0);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_ties_follow_the_conventions),
        cmocka_unit_test(directed_graphs_keep_both_arcs),
        cmocka_unit_test(snapshots_by_date_and_interval),
        cmocka_unit_test(bad_snapshot_options),
        cmocka_unit_test(filters_by_axis_kind_and_territory),
        cmocka_unit_test(dropping_isolates_renumbers),
        cmocka_unit_test(empty_dataset_gives_empty_graph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
