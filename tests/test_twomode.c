/* Two-mode data (ecosys/twomode.h): events and participation through the
 * API and the CSV files, round trips, the writers that refuse them,
 * projections checked against NetworkX's bipartite projections, per-axis
 * layers, and helix synergy against hand calculations and an independent
 * Python computation (tests/data/expected/reference_twomode.py, whose output
 * is reference_twomode.h). Bad files are data folders in
 * tests/data/invalid/csv/ (events_* and participation_*), run by
 * test_io_csv. */
#include "test_support.h"

#include "data/expected/reference_twomode.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ecosys_dataset *small(void)
{
    return ecosys_test_read_valid("twomode", "");
}

static size_t event_of(const ecosys_dataset *ds, const char *id)
{
    size_t e = SIZE_MAX;
    assert_ok(ecosys_twomode_find_event(&e, ds, id));
    return e;
}

/* ---- the data model through the API ---------------------------------------- */

static void test_api(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_int_equal(ecosys_twomode_event_count(ds), 0);
    assert_false(ecosys_twomode_present(ds));
    const ecosys_actor_info actors[] = {{"x", NULL, "academia", NULL, NULL},
                                        {"y", NULL, "business", NULL, NULL}};
    for (size_t i = 0; i < 2; i++)
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actors[i]));

    /* No event yet: a participation names an event out of range. */
    ecosys_participation_info p = {0, 0};
    assert_int_equal(ecosys_twomode_add_participation(NULL, ds, &p), ECOSYS_EINVAL);

    size_t e;
    ecosys_event_info ev = {"x", "Committee", "2019-02", "food", "steering_committee"};
    assert_ok(ecosys_twomode_add_event(&e, ds, &ev)); /* an event id may equal an actor id */
    assert_int_equal(e, 0);
    ecosys_event_info bare = {"m2", NULL, NULL, NULL, NULL};
    assert_ok(ecosys_twomode_add_event(&e, ds, &bare));
    assert_int_equal(e, 1);
    assert_true(ecosys_twomode_present(ds));

    /* Rejected events: duplicate id, empty id, malformed date, bad UTF-8. */
    ecosys_event_info dup = {"x", NULL, NULL, NULL, NULL};
    assert_int_equal(ecosys_twomode_add_event(NULL, ds, &dup), ECOSYS_EEXISTS);
    assert_non_null(strstr(ecosys_error_last()->message, "duplicate event id \"x\""));
    ecosys_event_info empty = {"", NULL, NULL, NULL, NULL};
    assert_int_equal(ecosys_twomode_add_event(NULL, ds, &empty), ECOSYS_EINVAL);
    ecosys_event_info bad_date = {"m3", NULL, "2019-13", NULL, NULL};
    assert_int_equal(ecosys_twomode_add_event(NULL, ds, &bad_date), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "event date"));
    ecosys_event_info bad_text = {"m4", "\xff", NULL, NULL, NULL};
    assert_int_equal(ecosys_twomode_add_event(NULL, ds, &bad_text), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "UTF-8"));
    assert_int_equal(ecosys_twomode_event_count(ds), 2);

    ecosys_event_info got;
    assert_ok(ecosys_twomode_event(&got, ds, 0));
    assert_string_equal(got.id, "x");
    assert_string_equal(got.name, "Committee");
    assert_string_equal(got.date, "2019-02");
    assert_string_equal(got.axis, "food");
    assert_string_equal(got.kind, "steering_committee");
    assert_ok(ecosys_twomode_event(&got, ds, 1));
    assert_string_equal(got.name, ""); /* NULL in, "" out */
    assert_int_equal(ecosys_twomode_event(&got, ds, 2), ECOSYS_EINVAL);
    assert_int_equal(event_of(ds, "m2"), 1);
    assert_int_equal(ecosys_twomode_find_event(&e, ds, "y"), ECOSYS_ENOTFOUND);

    /* Participation: indices checked; repeats kept as data. */
    ecosys_participation_info rows[] = {{0, 0}, {1, 0}, {1, 1}, {1, 1}};
    for (size_t i = 0; i < 4; i++)
        assert_ok(ecosys_twomode_add_participation(&e, ds, &rows[i]));
    assert_int_equal(e, 3);
    ecosys_participation_info out_of_range[] = {{2, 0}, {0, 2}};
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(ecosys_twomode_add_participation(NULL, ds, &out_of_range[i]),
                         ECOSYS_EINVAL);
    assert_int_equal(ecosys_twomode_participation_count(ds), 4);
    assert_ok(ecosys_twomode_participation(&p, ds, 2));
    assert_int_equal(p.actor, 1);
    assert_int_equal(p.event, 1);
    assert_int_equal(ecosys_twomode_participation(&p, ds, 4), ECOSYS_EINVAL);

    /* Free attributes of both tables. */
    size_t role, place;
    assert_ok(ecosys_twomode_add_attribute(&role, ds, ECOSYS_TWOMODE_PARTICIPATION, "role"));
    assert_ok(ecosys_twomode_add_attribute(&place, ds, ECOSYS_TWOMODE_EVENTS, "place"));
    assert_int_equal(ecosys_twomode_add_attribute(NULL, ds, ECOSYS_TWOMODE_EVENTS, "date"),
                     ECOSYS_EEXISTS);
    assert_int_equal(
        ecosys_twomode_add_attribute(NULL, ds, ECOSYS_TWOMODE_PARTICIPATION, "event"),
        ECOSYS_EEXISTS);
    assert_int_equal(ecosys_twomode_add_attribute(NULL, ds, ECOSYS_TWOMODE_EVENTS, "place"),
                     ECOSYS_EEXISTS);
    assert_int_equal(ecosys_twomode_add_attribute(NULL, ds, ECOSYS_TWOMODE_EVENTS, ""),
                     ECOSYS_EINVAL);
    assert_ok(ecosys_twomode_set_attribute(ds, ECOSYS_TWOMODE_PARTICIPATION, 2, role, "chair"));
    assert_string_equal(ecosys_twomode_attribute(ds, ECOSYS_TWOMODE_PARTICIPATION, 2, role),
                        "chair");
    assert_string_equal(ecosys_twomode_attribute(ds, ECOSYS_TWOMODE_PARTICIPATION, 3, role), "");
    assert_null(ecosys_twomode_attribute(ds, ECOSYS_TWOMODE_PARTICIPATION, 4, role));
    assert_int_equal(ecosys_twomode_set_attribute(ds, ECOSYS_TWOMODE_EVENTS, 2, place, "x"),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_twomode_attribute_count(ds, ECOSYS_TWOMODE_EVENTS), 1);
    assert_string_equal(ecosys_twomode_attribute_name(ds, ECOSYS_TWOMODE_EVENTS, 0), "place");
    size_t found;
    assert_ok(ecosys_twomode_find_attribute(&found, ds, ECOSYS_TWOMODE_PARTICIPATION, "role"));
    assert_int_equal(found, role);
    assert_int_equal(ecosys_twomode_find_attribute(&found, ds, ECOSYS_TWOMODE_EVENTS, "role"),
                     ECOSYS_ENOTFOUND);

    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);
    ecosys_twomode_clear(ds);
    assert_false(ecosys_twomode_present(ds));
    assert_int_equal(ecosys_twomode_event_count(ds), 0);
    ecosys_twomode_clear(NULL);
    ecosys_dataset_free(ds);
}

/* ---- the CSV files ------------------------------------------------------------- */

static void test_read_small(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    assert_int_equal(ecosys_dataset_actor_count(ds), 7);
    assert_int_equal(ecosys_twomode_event_count(ds), 6);
    assert_int_equal(ecosys_twomode_participation_count(ds), 15);
    ecosys_event_info e;
    assert_ok(ecosys_twomode_event(&e, ds, event_of(ds, "e1")));
    assert_string_equal(e.name, "Steering committee, mobility"); /* quoted comma */
    assert_string_equal(e.date, "2019-01");
    assert_ok(ecosys_twomode_event(&e, ds, event_of(ds, "e5")));
    assert_string_equal(e.date, "");
    size_t place, role;
    assert_ok(ecosys_twomode_find_attribute(&place, ds, ECOSYS_TWOMODE_EVENTS, "place"));
    assert_string_equal(ecosys_twomode_attribute(ds, ECOSYS_TWOMODE_EVENTS, 4, place), "Café");
    assert_ok(ecosys_twomode_find_attribute(&role, ds, ECOSYS_TWOMODE_PARTICIPATION, "role"));
    assert_string_equal(ecosys_twomode_attribute(ds, ECOSYS_TWOMODE_PARTICIPATION, 14, role),
                        "repeated row");
    ecosys_participation_info p;
    assert_ok(ecosys_twomode_participation(&p, ds, 14));
    assert_int_equal(p.actor, 0);
    assert_int_equal(p.event, 0);
    ecosys_dataset_free(ds);
}

static void test_csv_round_trip(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);

    /* ecosys_dataset_equal sees the two-mode tables. */
    ecosys_dataset *other = small();
    ecosys_event_info extra = {"e7", NULL, NULL, NULL, NULL};
    assert_ok(ecosys_twomode_add_event(NULL, other, &extra));
    char *difference = NULL;
    assert_int_equal(ecosys_dataset_equal(&difference, ds, other), 0);
    assert_non_null(strstr(difference, "event count"));
    ecosys_string_free(difference);
    ecosys_dataset_free(other);

    other = small();
    size_t role;
    assert_ok(ecosys_twomode_find_attribute(&role, other, ECOSYS_TWOMODE_PARTICIPATION, "role"));
    assert_ok(ecosys_twomode_set_attribute(other, ECOSYS_TWOMODE_PARTICIPATION, 0, role, "x"));
    assert_int_equal(ecosys_dataset_equal(&difference, ds, other), 0);
    assert_non_null(strstr(difference, "participation 0: attribute role"));
    ecosys_string_free(difference);
    ecosys_dataset_free(other);

    /* Writing a dataset without two-mode data over a directory that had some
     * removes the stale files, so it reads back without them. */
    char *dir = ecosys_test_tmpdir();
    assert_ok(ecosys_dataset_write(ds, dir, ECOSYS_FORMAT_CSV));
    assert_true(g_file_test(ecosys_test_path(dir, "events.csv"), G_FILE_TEST_EXISTS));
    ecosys_twomode_clear(ds);
    assert_ok(ecosys_dataset_write(ds, dir, ECOSYS_FORMAT_CSV));
    assert_false(g_file_test(ecosys_test_path(dir, "events.csv"), G_FILE_TEST_EXISTS));
    assert_false(g_file_test(ecosys_test_path(dir, "participation.csv"), G_FILE_TEST_EXISTS));
    ecosys_dataset *back = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_false(ecosys_twomode_present(back));
    ecosys_dataset_free(back);
    ecosys_test_rmtree(dir);
    free(dir);
    ecosys_dataset_free(ds);
}

static void test_header_only_events(void **state)
{
    (void) state;
    /* events.csv with a header only: a dataset with no events, which reads
     * back equal to one without the file. */
    char *dir = ecosys_test_tmpdir();
    const char *files[][2] = {{"actors.csv", "id\na\n"},
                              {"collaborations.csv", "source,target\n"},
                              {"events.csv", "id,name\n"}};
    for (size_t i = 0; i < 3; i++)
        assert_true(g_file_set_contents(ecosys_test_path(dir, files[i][0]), files[i][1], -1,
                                        NULL));
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_int_equal(ecosys_twomode_event_count(ds), 0);
    assert_false(ecosys_twomode_present(ds));
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_GRAPHML); /* nothing to lose */
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_other_writers_refuse(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    char *dir = ecosys_test_tmpdir();
    const char *names[] = {"out.graphml", "out.json"};
    const ecosys_format formats[] = {ECOSYS_FORMAT_GRAPHML, ECOSYS_FORMAT_JSON};
    for (size_t i = 0; i < 2; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s", ecosys_test_path(dir, names[i]));
        assert_int_equal(ecosys_dataset_write(ds, path, formats[i]), ECOSYS_EUNSUPPORTED);
        assert_non_null(strstr(ecosys_error_last()->message, "two-mode data (6 events"));
        assert_int_equal(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_AUTO), ECOSYS_EUNSUPPORTED);
        assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    }
    assert_int_equal(ecosys_test_entry_count(dir), 0);
    /* A deliberate export of the one-mode part. */
    ecosys_twomode_clear(ds);
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_GRAPHML);
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_JSON);
    ecosys_test_rmtree(dir);
    free(dir);
    ecosys_dataset_free(ds);
}

/* ---- projection -------------------------------------------------------------------- */

static void assert_projection(const ecosys_dataset *p, size_t count, const size_t *source,
                              const size_t *target, const double *weight)
{
    assert_int_equal(ecosys_dataset_tie_count(p), count);
    size_t shared;
    assert_ok(ecosys_dataset_find_attribute(&shared, p, ECOSYS_TABLE_TIES, "shared_events"));
    for (size_t k = 0; k < count; k++) {
        ecosys_tie_info t;
        assert_ok(ecosys_dataset_tie(&t, p, k));
        assert_int_equal(t.source, source[k]);
        assert_int_equal(t.target, target[k]);
        assert_close(t.weight, weight[k], 1e-12);
        assert_string_equal(t.kind, "co-participation");
    }
}

static ecosys_dataset *project(const ecosys_dataset *ds, ecosys_projection_weight weight,
                               ecosys_projection_info *info)
{
    ecosys_projection_options o;
    assert_ok(ecosys_projection_options_init(&o, ECOSYS_PROJECTION_OPTIONS_VERSION));
    o.weight = weight;
    ecosys_dataset *p = NULL;
    assert_ok(ecosys_twomode_project(&p, info, ds, &o));
    return p;
}

static void test_projection_by_hand(void **state)
{
    (void) state;
    /* a, b, c in e1; a, b in e2; b, c, d, e in e3; e, f in e4; a, d in e5;
     * f alone in e6; a listed twice in e1.
     * count: ab 2 (e1, e2), bc 2 (e1, e3), every other pair 1.
     * Newman: e1 gives 1/2 per pair, e3 1/3, e2, e4, e5 1:
     *   ab = 1/2 + 1 = 1.5, bc = 1/2 + 1/3, ac = 1/2, ad = ef = 1.
     * Jaccard: E_a = {e1,e2,e5}, E_b = {e1,e2,e3}: ab = 2/4; E_c = {e1,e3}:
     *   bc = 2/3. */
    ecosys_dataset *ds = small();
    ecosys_projection_info info;
    ecosys_dataset *p = project(ds, ECOSYS_PROJECTION_COUNT, &info);
    assert_int_equal(info.events_used, 6);
    assert_int_equal(info.events_filtered_out, 0);
    assert_int_equal(info.participations_used, 14);
    assert_int_equal(info.repeated_participations, 1);
    assert_int_equal(info.single_actor_events, 1);
    assert_int_equal(info.tie_count, 10);
    ecosys_tie_info t;
    assert_ok(ecosys_dataset_tie(&t, p, 0)); /* a-b */
    assert_close(t.weight, 2, 0);
    assert_string_equal(ecosys_dataset_field(p, ECOSYS_TABLE_TIES, 0, "shared_events"), "2");
    ecosys_dataset_free(p);
    p = project(ds, ECOSYS_PROJECTION_NEWMAN, NULL);
    assert_ok(ecosys_dataset_tie(&t, p, 0));
    assert_close(t.weight, 1.5, 1e-15);
    assert_ok(ecosys_dataset_tie(&t, p, 3)); /* b-c */
    assert_close(t.weight, 0.5 + 1.0 / 3, 1e-15);
    assert_string_equal(ecosys_dataset_field(p, ECOSYS_TABLE_TIES, 3, "shared_events"), "2");
    ecosys_dataset_free(p);
    p = project(ds, ECOSYS_PROJECTION_JACCARD, NULL);
    assert_ok(ecosys_dataset_tie(&t, p, 0));
    assert_close(t.weight, 0.5, 1e-15);
    assert_ok(ecosys_dataset_tie(&t, p, 3));
    assert_close(t.weight, 2.0 / 3, 1e-15);
    ecosys_dataset_free(p);
    ecosys_dataset_free(ds);
}

static void test_projection_against_networkx(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    ecosys_dataset *p = project(ds, ECOSYS_PROJECTION_COUNT, NULL);
    assert_projection(p, TM_ALL_COUNT_COUNT, TM_ALL_COUNT_SOURCE, TM_ALL_COUNT_TARGET,
                      TM_ALL_COUNT_WEIGHT);
    ecosys_dataset_free(p);
    p = project(ds, ECOSYS_PROJECTION_NEWMAN, NULL);
    assert_projection(p, TM_ALL_NEWMAN_COUNT, TM_ALL_NEWMAN_SOURCE, TM_ALL_NEWMAN_TARGET,
                      TM_ALL_NEWMAN_WEIGHT);
    ecosys_dataset_free(p);
    p = project(ds, ECOSYS_PROJECTION_JACCARD, NULL);
    assert_projection(p, TM_ALL_JACCARD_COUNT, TM_ALL_JACCARD_SOURCE, TM_ALL_JACCARD_TARGET,
                      TM_ALL_JACCARD_WEIGHT);
    ecosys_dataset_free(p);

    ecosys_projection_options o = ECOSYS_PROJECTION_OPTIONS_INIT;
    o.weight = ECOSYS_PROJECTION_JACCARD;
    o.filter.axis = "food";
    ecosys_projection_info info;
    assert_ok(ecosys_twomode_project(&p, &info, ds, &o));
    assert_int_equal(info.events_used, 2);
    assert_int_equal(info.events_filtered_out, 4);
    assert_projection(p, TM_FOOD_JACCARD_COUNT, TM_FOOD_JACCARD_SOURCE, TM_FOOD_JACCARD_TARGET,
                      TM_FOOD_JACCARD_WEIGHT);
    ecosys_dataset_free(p);

    /* Date window 2019-02 .. 2019-12: e2, e3, e6 (e5 is undated: left out). */
    o = (ecosys_projection_options) ECOSYS_PROJECTION_OPTIONS_INIT;
    o.weight = ECOSYS_PROJECTION_NEWMAN;
    o.filter.from = "2019-02";
    o.filter.to = "2019-12";
    assert_ok(ecosys_twomode_project(&p, &info, ds, &o));
    assert_int_equal(info.events_used, 3);
    assert_projection(p, TM_WINDOW_NEWMAN_COUNT, TM_WINDOW_NEWMAN_SOURCE,
                      TM_WINDOW_NEWMAN_TARGET, TM_WINDOW_NEWMAN_WEIGHT);
    ecosys_dataset_free(p);

    /* at: the events whose period holds the day; kind filter. */
    o = (ecosys_projection_options) ECOSYS_PROJECTION_OPTIONS_INIT;
    o.filter.at = "2019-01-20";
    assert_ok(ecosys_twomode_project(&p, &info, ds, &o));
    assert_int_equal(info.events_used, 1); /* e1 (2019-01) */
    assert_int_equal(ecosys_dataset_tie_count(p), 3);
    ecosys_dataset_free(p);
    o = (ecosys_projection_options) ECOSYS_PROJECTION_OPTIONS_INIT;
    o.filter.kind = "steering_committee";
    assert_ok(ecosys_twomode_project(&p, &info, ds, &o));
    assert_int_equal(info.events_used, 2); /* e1, e3 */
    ecosys_dataset_free(p);
    ecosys_dataset_free(ds);
}

static void test_projection_is_a_dataset(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    ecosys_dataset *p = project(ds, ECOSYS_PROJECTION_NEWMAN, NULL);
    /* Same actors, fields and free attributes, in the same order. */
    assert_int_equal(ecosys_dataset_actor_count(p), 7);
    assert_false(ecosys_dataset_is_directed(p));
    assert_false(ecosys_twomode_present(p));
    assert_string_equal(ecosys_dataset_field(p, ECOSYS_TABLE_ACTORS, 6, "id"), "g");
    assert_string_equal(ecosys_dataset_field(p, ECOSYS_TABLE_ACTORS, 2, "helix"), "government");
    assert_string_equal(ecosys_dataset_field(p, ECOSYS_TABLE_ACTORS, 3, "name"),
                        "Delta Association");
    /* Every graph function runs on it: 7 vertices (g isolated), 10 edges. */
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, p, NULL));
    assert_int_equal(ecosys_graph_actor_count(g), 7);
    assert_int_equal(ecosys_graph_tie_count(g), 10);
    double strength[7];
    assert_ok(ecosys_strength(strength, g, 0));
    /* a: ab 1.5 + ac 0.5 + ad 1 */
    assert_close(strength[0], 3.0, 1e-12);
    assert_close(strength[6], 0.0, 0);
    ecosys_graph_free(g);
    /* and it is written like any dataset, GraphML included. */
    ecosys_test_round_trip(p, ECOSYS_FORMAT_GRAPHML);
    ecosys_test_round_trip(p, ECOSYS_FORMAT_CSV);
    ecosys_dataset_free(p);

    /* No two-mode data: the actors, no ties. */
    ecosys_dataset *plain = NULL;
    assert_ok(ecosys_dataset_new(&plain, 1));
    const ecosys_actor_info a = {"solo", NULL, NULL, NULL, NULL};
    assert_ok(ecosys_dataset_add_actor(NULL, plain, &a));
    ecosys_projection_info info;
    assert_ok(ecosys_twomode_project(&p, &info, plain, NULL));
    assert_int_equal(ecosys_dataset_actor_count(p), 1);
    assert_int_equal(ecosys_dataset_tie_count(p), 0);
    assert_int_equal(info.events_used, 0);
    ecosys_dataset_free(p);
    ecosys_dataset_free(plain);
    ecosys_dataset_free(ds);
}

static void test_projection_bad_options(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    ecosys_dataset *p = (ecosys_dataset *) ds; /* must be reset to NULL */
    ecosys_projection_options o = ECOSYS_PROJECTION_OPTIONS_INIT;
    o.filter.at = "2019";
    o.filter.from = "2018";
    assert_int_equal(ecosys_twomode_project(&p, NULL, ds, &o), ECOSYS_EINVAL);
    assert_null(p);
    assert_non_null(strstr(ecosys_error_last()->message, "either at or from/to"));
    o = (ecosys_projection_options) ECOSYS_PROJECTION_OPTIONS_INIT;
    o.filter.from = "2019-13";
    assert_int_equal(ecosys_twomode_project(&p, NULL, ds, &o), ECOSYS_EINVAL);
    o.filter.from = "2020";
    o.filter.to = "2019";
    assert_int_equal(ecosys_twomode_project(&p, NULL, ds, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "is after"));
    o = (ecosys_projection_options) ECOSYS_PROJECTION_OPTIONS_INIT;
    o.weight = (ecosys_projection_weight) 7;
    assert_int_equal(ecosys_twomode_project(&p, NULL, ds, &o), ECOSYS_EINVAL);
    o.weight = ECOSYS_PROJECTION_COUNT;
    o.version = 99;
    assert_int_equal(ecosys_twomode_project(&p, NULL, ds, &o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_projection_options_init(&o, 99), ECOSYS_EINVAL);
    assert_int_equal(ecosys_twomode_project(NULL, NULL, ds, NULL), ECOSYS_EINVAL);
    ecosys_dataset_free(ds);
}

/* ---- per-axis layers ---------------------------------------------------------------- */

static void assert_layer(const ecosys_axis_layer *l, const char *axis, size_t events,
                         size_t actors, size_t ties, double density, size_t components,
                         size_t largest)
{
    assert_string_equal(l->axis, axis);
    assert_int_equal(l->event_count, events);
    assert_int_equal(l->actor_count, actors);
    assert_int_equal(l->tie_count, ties);
    assert_close(l->density, density, 1e-15);
    assert_int_equal(l->component_count, components);
    assert_int_equal(l->largest_component, largest);
}

static void test_axis_layers(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    ecosys_axis_layers L;
    assert_ok(ecosys_twomode_axis_layers(&L, ds, NULL));
    /* Layers in order of first event: e1 mobility, e3 food, e5 digital;
     * e6 has no axis. Measures from NetworkX (reference_twomode.py). */
    assert_int_equal(L.layer_count, 3);
    assert_int_equal(L.unassigned_events, 1);
    assert_layer(&L.layers[0], "mobility", 2, TM_LAYER_MOBILITY);
    assert_layer(&L.layers[1], "food", 2, TM_LAYER_FOOD);
    assert_layer(&L.layers[2], "digital", 1, TM_LAYER_DIGITAL);
    /* By hand: a in e1, e2 (mobility) and e5 (digital); b and c in e1
     * (mobility) and e3 (food); d in e3 and e5; e and f only in food. */
    assert_int_equal(L.multi_axis_count, 4);
    const char *axes[] = {"mobility;digital", "mobility;food", "mobility;food", "food;digital"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(L.multi_axis[i].actor, i);
        assert_int_equal(L.multi_axis[i].axis_count, 2);
        assert_string_equal(L.multi_axis[i].axes, axes[i]);
    }
    ecosys_axis_layers_dispose(&L);
    ecosys_axis_layers_dispose(&L); /* zeroed: a second dispose is harmless */
    ecosys_axis_layers_dispose(NULL);

    /* Filtered to 2019: e4 (2020) and e5 (undated) go: food keeps e3 only. */
    ecosys_event_filter f = {NULL, NULL, NULL, "2019", "2019"};
    assert_ok(ecosys_twomode_axis_layers(&L, ds, &f));
    assert_int_equal(L.layer_count, 2);
    assert_layer(&L.layers[1], "food", 1, 4, 6, 1.0, 1, 4);
    assert_int_equal(L.multi_axis_count, 2); /* b, c */
    ecosys_axis_layers_dispose(&L);

    f = (ecosys_event_filter){"food", NULL, NULL, NULL, NULL};
    assert_int_equal(ecosys_twomode_axis_layers(&L, ds, &f), ECOSYS_EINVAL);
    assert_int_equal(L.layer_count, 0);
    ecosys_dataset_free(ds);
}

/* ---- helix synergy -------------------------------------------------------------------- */

/* A dataset of one actor per sector x, y, z, w and one event per given
 * subset of them (bit i: sector i takes part; 0: an event of an actor of
 * another sector). */
static ecosys_dataset *coded_events(const unsigned *subsets, size_t n)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    const char *sectors[] = {"x", "y", "z", "w", "other"};
    for (size_t i = 0; i < 5; i++) {
        ecosys_actor_info a = {sectors[i], NULL, sectors[i], NULL, NULL};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &a));
    }
    for (size_t e = 0; e < n; e++) {
        char id[32];
        snprintf(id, sizeof id, "ev%zu", e);
        ecosys_event_info ev = {id, NULL, NULL, NULL, NULL};
        assert_ok(ecosys_twomode_add_event(NULL, ds, &ev));
        for (size_t i = 0; i < 4; i++) {
            if (subsets[e] >> i & 1u) {
                ecosys_participation_info p = {i, e};
                assert_ok(ecosys_twomode_add_participation(NULL, ds, &p));
            }
        }
        if (!subsets[e]) {
            ecosys_participation_info p = {4, e};
            assert_ok(ecosys_twomode_add_participation(NULL, ds, &p));
        }
    }
    return ds;
}

static ecosys_helix_synergy helix(const ecosys_dataset *ds, size_t k, int keep_empty)
{
    static const char *const sectors[] = {"x", "y", "z", "w"};
    ecosys_helix_options o;
    assert_ok(ecosys_helix_options_init(&o, ECOSYS_HELIX_OPTIONS_VERSION));
    o.sectors = sectors;
    o.sector_count = k;
    o.keep_empty_events = keep_empty;
    ecosys_helix_synergy out;
    assert_ok(ecosys_twomode_helix_synergy(&out, ds, &o));
    return out;
}

static void test_helix_by_hand(void **state)
{
    (void) state;
    /* Parity: events {x,y,z}, {x}, {y}, {z}: each sector is present in 2 of
     * 4 events (H = 1 bit); each pair takes its 4 values once (H = 2); the
     * triple takes 4 of its 8 values once each (H = 2).
     * T = 3*1 - 3*2 + 2 = -1 bit: synergy (any two sectors determine the
     * third). */
    const unsigned parity[] = {7, 1, 2, 4};
    ecosys_dataset *ds = coded_events(parity, 4);
    ecosys_helix_synergy s = helix(ds, 3, 0);
    assert_int_equal(s.dimension, 3);
    assert_int_equal(s.event_count, 4);
    assert_close(s.entropy[0], 1.0, 1e-15);
    assert_close(s.joint_entropy, 2.0, 1e-15);
    assert_close(s.t, -1.0, 1e-14);
    assert_close(s.redundancy, -1.0, 1e-14); /* odd k: R = T */
    /* Two dimensions, keeping the {z} event as (0, 0): x and y independent
     * (uniform over 4 cells), T = 1 + 1 - 2 = 0. */
    assert_close(helix(ds, 2, 1).t, 0.0, 1e-14);
    ecosys_dataset_free(ds);

    /* Redundancy: all three or none, twice each (the empty events kept):
     * H_x = H_xy = H_xyz = 1, T = 3 - 3 + 1 = +1 bit. Without the empty
     * events every sector is constant: all H = 0, T = 0. */
    const unsigned together[] = {7, 0, 7, 0};
    ds = coded_events(together, 4);
    s = helix(ds, 3, 1);
    assert_int_equal(s.event_count, 4);
    assert_int_equal(s.empty_events, 2);
    assert_close(s.t, 1.0, 1e-14);
    s = helix(ds, 3, 0);
    assert_int_equal(s.event_count, 2);
    assert_int_equal(s.empty_events, 2);
    assert_close(s.t, 0.0, 1e-15);
    ecosys_dataset_free(ds);

    /* Four dimensions, all four or none: every H_S = 1, so
     * T = 4 - 6 + 4 - 1 = +1 bit. */
    const unsigned four[] = {15, 0};
    ds = coded_events(four, 2);
    s = helix(ds, 4, 1);
    assert_close(s.t, 1.0, 1e-14);
    /* Even k: the mutual redundancy is R = -T (Leydesdorff & Ivanova 2014,
     * "when the dimensionality is even, the sign is different"), so
     * R = -1 bit here. */
    assert_close(s.redundancy, -1.0, 1e-14);
    assert_close(s.entropy[3], 1.0, 1e-15);
    ecosys_dataset_free(ds);

    /* No event: T = 0 over N = 0. */
    ds = coded_events(NULL, 0);
    s = helix(ds, 3, 0);
    assert_int_equal(s.event_count, 0);
    assert_close(s.t, 0.0, 0);
    ecosys_dataset_free(ds);
}

static void test_helix_against_python(void **state)
{
    (void) state;
    ecosys_dataset *ds = small();
    const char *triple[] = {"academia", "business", "public"};
    const char *sparse[] = {"public", "civil_society", "academia"};
    const char *quadruple[] = {"academia", "business", "public", "civil_society"};
    const char *helices[] = {"university", "industry", "government"};
    ecosys_helix_options o = ECOSYS_HELIX_OPTIONS_INIT;
    ecosys_helix_synergy s;
    o.sectors = triple;
    o.sector_count = 3;
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_int_equal(s.event_count, 6);
    assert_close(s.t, TM_HELIX_TRIPLE, 1e-12);
    assert_true(s.t < 0); /* a little synergy */
    o.sectors = sparse;
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_int_equal(s.event_count, 5);
    assert_int_equal(s.empty_events, 1); /* e6: f, business only */
    assert_close(s.t, TM_HELIX_SPARSE, 1e-12);
    o.keep_empty_events = 1;
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_int_equal(s.event_count, 6);
    assert_close(s.t, TM_HELIX_SPARSE_KEEP, 1e-12);
    o.keep_empty_events = 0;
    o.sectors = quadruple;
    o.sector_count = 4;
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_close(s.t, TM_HELIX_QUADRUPLE, 1e-12);
    o.sectors = helices;
    o.sector_count = 3;
    o.attribute = "helix";
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_close(s.t, TM_HELIX_ATTRIBUTE, 1e-12);
    /* Filter: the food axis only (e3, e4). */
    o = (ecosys_helix_options) ECOSYS_HELIX_OPTIONS_INIT;
    o.sectors = triple;
    o.sector_count = 3;
    o.filter.axis = "food";
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_int_equal(s.event_count, 2);

    /* Bad options. */
    const char *repeated[] = {"academia", "academia", "public"};
    o = (ecosys_helix_options) ECOSYS_HELIX_OPTIONS_INIT;
    o.sectors = repeated;
    o.sector_count = 3;
    assert_int_equal(ecosys_twomode_helix_synergy(&s, ds, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "twice"));
    o.sectors = quadruple;
    o.sector_count = 1;
    assert_int_equal(ecosys_twomode_helix_synergy(&s, ds, &o), ECOSYS_EINVAL);
    o.sector_count = 5;
    assert_int_equal(ecosys_twomode_helix_synergy(&s, ds, &o), ECOSYS_EINVAL);
    o.sector_count = 3;
    o.attribute = "no_such_column";
    assert_int_equal(ecosys_twomode_helix_synergy(&s, ds, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "no_such_column"));
    o.attribute = NULL;
    o.version = 0;
    assert_int_equal(ecosys_twomode_helix_synergy(&s, ds, &o), ECOSYS_EINVAL);
    assert_int_equal(ecosys_helix_options_init(&o, 2), ECOSYS_EINVAL);
    ecosys_dataset_free(ds);
}

/* ---- the bundled Clermont dataset ---------------------------------------------- */

static void test_clermont(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_read(ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_CSV);
    assert_true(ecosys_twomode_event_count(ds) > 0);
    assert_true(ecosys_twomode_participation_count(ds) > 0);
    size_t evidence;
    assert_ok(ecosys_twomode_find_attribute(&evidence, ds, ECOSYS_TWOMODE_PARTICIPATION,
                                            "evidence"));
    for (size_t i = 0; i < ecosys_twomode_participation_count(ds); i++) {
        const char *value = ecosys_twomode_attribute(ds, ECOSYS_TWOMODE_PARTICIPATION, i,
                                                     evidence);
        assert_true(strcmp(value, "stated") == 0 || strcmp(value, "assumed") == 0);
    }
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);
    ecosys_axis_layers L;
    assert_ok(ecosys_twomode_axis_layers(&L, ds, NULL));
    assert_int_equal(L.layer_count, 3); /* mobility, food, digital */
    ecosys_axis_layers_dispose(&L);
    const char *triple[] = {"academia", "business", "public"};
    ecosys_helix_options o = ECOSYS_HELIX_OPTIONS_INIT;
    o.sectors = triple;
    o.sector_count = 3;
    ecosys_helix_synergy s;
    assert_ok(ecosys_twomode_helix_synergy(&s, ds, &o));
    assert_true(s.event_count > 0 && isfinite(s.t));
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_api),
        cmocka_unit_test(test_read_small),
        cmocka_unit_test(test_csv_round_trip),
        cmocka_unit_test(test_header_only_events),
        cmocka_unit_test(test_other_writers_refuse),
        cmocka_unit_test(test_projection_by_hand),
        cmocka_unit_test(test_projection_against_networkx),
        cmocka_unit_test(test_projection_is_a_dataset),
        cmocka_unit_test(test_projection_bad_options),
        cmocka_unit_test(test_axis_layers),
        cmocka_unit_test(test_helix_by_hand),
        cmocka_unit_test(test_helix_against_python),
        cmocka_unit_test(test_clermont),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
