/* Waves (ecosys/waves.h): ties formed, dissolved and persisting, overall,
 * by group pair and by axis; Jaccard stability; actors entering and
 * leaving; triad closure, through the coordinator; crossing groups; the
 * change of the graph-level measures; the rendering.
 *
 * Where each expected value comes from (tests/data/expected/README.md):
 * - hand-made waves: by hand, the calculation next to each value;
 * - Clermont before (to 2019-03-31) and after (from 2019-04-01):
 *   tests/data/expected/reference_waves.py, which reads the CSV files with
 *   Python's csv module and computes with NetworkX 2.8 and the definitions,
 *   without libecosys; its output is reference_waves.h. */
#include "test_support.h"

#include "data/expected/reference_waves.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-12

static void assert_sizes(const size_t *actual, const size_t *expected, size_t n)
{
    ecosys_test_sizes_equal(actual, expected, n);
}

/* ---- W: one dataset, two dated snapshots ---------------------------------
 * Actors 0..7 (ids "0".."7"), sectors A A B B C C A C: groups in order of
 * first appearance A = 0, B = 1, C = 2. Coordinator "0".
 * before = ties active up to 2019-03-31; after = from 2019-04-01.
 *
 *  tie  pair  axis      start       end         waves
 *  t0   0-1   food      2018        -           both
 *  t1   0-2   mobility  2018-01     2018-12     before
 *  t2   0-2   digital   2019-05     -           after
 *  t3   3-4   ""        2017        -           both
 *  t4   0-3   food      2018        2019-02     before
 *  t5   0-3   food      2018-02     2018-04     before (repeat of 0-3, same axis)
 *  t6   1-2   mobility  2018-06     2018-12     before
 *  t7   1-2   food      2018-03     2018-09     before (second axis of 1-2)
 *  t8   4-5   ""        2017        2018        before
 *  t9   4-7   food      2018        2019-01     before
 *  t10  1-3   mobility  2019-05     -           after
 *  t11  2-3   digital   2019-04-15  -           after
 *  t12  3-5   food      2019-06     -           after
 *  t13  5-6   ""        2019-05     -           after
 *  t14  2-5   digital   2019-09     -           after
 *  t15  2-5   mobility  2020        -           after (second axis of 2-5)
 *  t16  1-4   food      2019-05     -           weight 0: not a tie
 *  t17  6-6   social    2019-05     -           self-tie: ignored
 *
 * E1 = {0-1, 0-2, 0-3, 1-2, 3-4, 4-5, 4-7}            |E1| = 7
 * E2 = {0-1, 0-2, 1-3, 2-3, 2-5, 3-4, 3-5, 5-6}       |E2| = 8
 * persisting 0-1, 0-2, 3-4 (3); dissolved 0-3, 1-2, 4-5, 4-7 (4);
 * formed 1-3, 2-3, 2-5, 3-5, 5-6 (5); Jaccard 3 / (3 + 4 + 5) = 0.25. */
typedef struct wtie {
    size_t s, t;
    double weight;
    const char *axis, *start, *end;
} wtie;

static const wtie W_TIES[18] = {
    {0, 1, 1, "food", "2018", ""},          {0, 2, 1, "mobility", "2018-01", "2018-12"},
    {0, 2, 1, "digital", "2019-05", ""},    {3, 4, 1, "", "2017", ""},
    {0, 3, 1, "food", "2018", "2019-02"},   {0, 3, 1, "food", "2018-02", "2018-04"},
    {1, 2, 1, "mobility", "2018-06", "2018-12"}, {1, 2, 1, "food", "2018-03", "2018-09"},
    {4, 5, 1, "", "2017", "2018"},          {4, 7, 1, "food", "2018", "2019-01"},
    {1, 3, 1, "mobility", "2019-05", ""},   {2, 3, 1, "digital", "2019-04-15", ""},
    {3, 5, 1, "food", "2019-06", ""},       {5, 6, 1, "", "2019-05", ""},
    {2, 5, 1, "digital", "2019-09", ""},    {2, 5, 1, "mobility", "2020", ""},
    {1, 4, 0, "food", "2019-05", ""},       {6, 6, 1, "social", "2019-05", ""},
};
static const char *const W_SECTORS[8] = {"A", "A", "B", "B", "C", "C", "A", "C"};

static ecosys_dataset *w_dataset(int directed)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, directed));
    for (size_t i = 0; i < 8; i++) {
        char id[8];
        snprintf(id, sizeof id, "%zu", i);
        ecosys_actor_info a = {id, NULL, W_SECTORS[i], NULL, NULL};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &a));
    }
    for (size_t k = 0; k < 18; k++) {
        const wtie *t = &W_TIES[k];
        ecosys_tie_info info = {t->s, t->t, t->weight, "project", t->axis, t->start, t->end};
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &info));
    }
    return ds;
}

static void snapshots(ecosys_graph_options *before, ecosys_graph_options *after)
{
    assert_ok(ecosys_graph_options_init(before, ECOSYS_GRAPH_OPTIONS_VERSION));
    assert_ok(ecosys_graph_options_init(after, ECOSYS_GRAPH_OPTIONS_VERSION));
    before->to = "2019-03-31";
    after->from = "2019-04-01";
}

static size_t axis_of(const ecosys_waves *w, const char *name)
{
    for (size_t a = 0; a < w->axis_count; a++)
        if (strcmp(w->axis_names[a], name) == 0)
            return a;
    fail_msg("no axis \"%s\"", name);
    return 0;
}

/* @p dated_axes: the snapshot options were given, so each wave's axes come
 * from its own dated ties (else every tie of a pair counts in both waves,
 * and "digital", t2 on the before edge 0-2, comes third). */
static void w_check(const ecosys_waves *w, int dated_axes)
{
    assert_false(w->directed);
    assert_int_equal(w->actor_count, 8);
    for (size_t i = 0; i < 8; i++) {
        char id[8];
        snprintf(id, sizeof id, "%zu", i);
        assert_string_equal(w->actor_ids[i], id);
    }
    assert_int_equal(w->ties_before, 7);
    assert_int_equal(w->ties_after, 8);

    /* Formed, sorted by (source, target). */
    assert_int_equal(w->formed.count, 5);
    assert_sizes(w->formed.sources, (size_t[]){1, 2, 2, 3, 5}, 5);
    assert_sizes(w->formed.targets, (size_t[]){3, 3, 5, 5, 6}, 5);
    assert_int_equal(w->dissolved.count, 4);
    assert_sizes(w->dissolved.sources, (size_t[]){0, 1, 4, 4}, 4);
    assert_sizes(w->dissolved.targets, (size_t[]){3, 2, 5, 7}, 4);
    assert_int_equal(w->persisting.count, 3);
    assert_sizes(w->persisting.sources, (size_t[]){0, 0, 3}, 3);
    assert_sizes(w->persisting.targets, (size_t[]){1, 2, 4}, 3);
    assert_close(w->jaccard, 0.25, EXACT); /* 3 / 12 */

    /* Groups A = {0, 1, 6}, B = {2, 3}, C = {4, 5, 7}. */
    assert_int_equal(w->group_count, 3);
    assert_string_equal(w->group_names[0], "A");
    assert_string_equal(w->group_names[1], "B");
    assert_string_equal(w->group_names[2], "C");
    assert_sizes(w->actor_group, (size_t[]){0, 0, 1, 1, 2, 2, 0, 2}, 8);
    /* Formed: 1-3 AB, 2-3 BB, 2-5 BC, 3-5 BC, 5-6 CA. Symmetric, a tie
     * between two groups in both cells: AB 1, AC 1, BB 1, BC 2. */
    assert_sizes(w->formed.by_group, (size_t[]){0, 1, 1, 1, 1, 2, 1, 2, 0}, 9);
    /* Dissolved: 0-3 AB, 1-2 AB, 4-5 CC, 4-7 CC. */
    assert_sizes(w->dissolved.by_group, (size_t[]){0, 2, 0, 2, 0, 0, 0, 0, 2}, 9);
    /* Persisting: 0-1 AA, 0-2 AB, 3-4 BC. */
    assert_sizes(w->persisting.by_group, (size_t[]){1, 1, 0, 1, 0, 1, 0, 1, 0}, 9);
    /* Crossing: all formed ties but 2-3 (B-B): 4 of 5. */
    assert_int_equal(w->formed_crossing_groups, 4);
    assert_close(w->crossing_share, 0.8, EXACT);
    assert_int_equal(w->formed.flags[1] & ECOSYS_WAVES_TIE_CROSSES_GROUPS, 0); /* 2-3 */
    assert_true(w->formed.flags[0] & ECOSYS_WAVES_TIE_CROSSES_GROUPS);        /* 1-3 */

    /* Axes, in order of first appearance: before facts in tie order (t0 food,
     * t1 mobility, t3 ""), then after ones (t2 digital). "social" (only on a
     * self-tie) never appears. */
    assert_int_equal(w->axis_count, 4);
    assert_string_equal(w->axis_names[0], "food");
    assert_string_equal(w->axis_names[1], "mobility");
    assert_string_equal(w->axis_names[2], dated_axes ? "" : "digital");
    assert_string_equal(w->axis_names[3], dated_axes ? "digital" : "");
    size_t food = axis_of(w, "food"), mob = axis_of(w, "mobility"), none = axis_of(w, ""),
           dig = axis_of(w, "digital");
    /* Formed: 1-3 mobility, 2-3 digital, 2-5 digital + mobility (counts under
     * both), 3-5 food, 5-6 "": food 1, mobility 2, "" 1, digital 2. */
    assert_int_equal(w->formed.by_axis[food], 1);
    assert_int_equal(w->formed.by_axis[mob], 2);
    assert_int_equal(w->formed.by_axis[none], 1);
    assert_int_equal(w->formed.by_axis[dig], 2);
    /* Dissolved: 0-3 food (t4 and t5: once), 1-2 mobility + food, 4-5 "",
     * 4-7 food: food 3, mobility 1, "" 1, digital 0. */
    assert_int_equal(w->dissolved.by_axis[food], 3);
    assert_int_equal(w->dissolved.by_axis[mob], 1);
    assert_int_equal(w->dissolved.by_axis[none], 1);
    assert_int_equal(w->dissolved.by_axis[dig], 0);
    /* Persisting: 0-1 food (in both waves: once), 0-2 mobility (before) and
     * digital (after), 3-4 "": one each. */
    assert_int_equal(w->persisting.by_axis[food], 1);
    assert_int_equal(w->persisting.by_axis[mob], 1);
    assert_int_equal(w->persisting.by_axis[none], 1);
    assert_int_equal(w->persisting.by_axis[dig], 1);

    /* Presence (has a tie): before {0,1,2,3,4,5,7}, after {0,...,6}. */
    assert_int_equal(w->present_before, 7);
    assert_int_equal(w->present_after, 7);
    assert_int_equal(w->entering.count, 1);
    assert_int_equal(w->entering.items[0], 6);
    assert_int_equal(w->leaving.count, 1);
    assert_int_equal(w->leaving.items[0], 7);
    assert_int_equal(w->actor_presence[6], ECOSYS_WAVES_IN_BEFORE | ECOSYS_WAVES_IN_AFTER |
                                               ECOSYS_WAVES_TIED_AFTER);

    /* Triad closure, neighbours before: N(1) = {0,2}, N(2) = {0,1},
     * N(3) = {0,4}, N(5) = {4}, N(6) = {}.
     * 1-3: common {0}, the coordinator; 2-3: common {0}, the coordinator;
     * 2-5: none; 3-5: common {4}, not the coordinator; 5-6: none.
     * Closing 3 of 5 = 0.6; through the coordinator 2 of 3. */
    assert_int_equal(w->coordinator, 0);
    assert_string_equal(w->coordinator_id, "0");
    assert_int_equal(w->formed_closing_triad, 3);
    assert_int_equal(w->formed_through_coordinator, 2);
    assert_close(w->triad_closure_share, 0.6, EXACT);
    assert_close(w->coordinator_share, 2.0 / 3, EXACT);
    unsigned int closes = ECOSYS_WAVES_TIE_CLOSES_TRIAD, via = ECOSYS_WAVES_TIE_THROUGH_COORDINATOR;
    assert_int_equal(w->formed.flags[0] & (closes | via), closes | via); /* 1-3 */
    assert_int_equal(w->formed.flags[1] & (closes | via), closes | via); /* 2-3 */
    assert_int_equal(w->formed.flags[2] & (closes | via), 0);            /* 2-5 */
    assert_int_equal(w->formed.flags[3] & (closes | via), closes);       /* 3-5 */
    assert_int_equal(w->formed.flags[4] & (closes | via), 0);            /* 5-6 */

    /* Measures; 8 actors in both graphs (no isolate dropped), 28 dyads.
     * Before: degrees 0:3 1:2 2:2 3:2 4:3 5:1 6:0 7:1. */
    const ecosys_waves_change *m = w->measures;
    assert_close(m[ECOSYS_WAVES_ACTORS].before, 8, EXACT);
    assert_close(m[ECOSYS_WAVES_ACTORS].change, 0, EXACT);
    assert_close(m[ECOSYS_WAVES_ACTIVE_ACTORS].before, 7, EXACT);
    assert_close(m[ECOSYS_WAVES_ACTIVE_ACTORS].after, 7, EXACT);
    assert_close(m[ECOSYS_WAVES_TIES].change, 1, EXACT);
    assert_close(m[ECOSYS_WAVES_DENSITY].before, 7.0 / 28, EXACT);
    assert_close(m[ECOSYS_WAVES_DENSITY].after, 8.0 / 28, EXACT);
    assert_close(m[ECOSYS_WAVES_DENSITY].change, 1.0 / 28, EXACT);
    assert_close(m[ECOSYS_WAVES_MEAN_DEGREE].before, 14.0 / 8, EXACT);
    assert_close(m[ECOSYS_WAVES_MEAN_DEGREE].after, 2, EXACT);
    /* E-I before: internal 0-1, 4-5, 4-7 (3); external 0-2, 0-3, 1-2, 3-4
     * (4): 1/7. After: internal 0-1, 2-3 (2); external 6: 4/8 = 0.5. */
    assert_close(m[ECOSYS_WAVES_EI_INDEX].before, 1.0 / 7, EXACT);
    assert_close(m[ECOSYS_WAVES_EI_INDEX].after, 0.5, EXACT);
    assert_close(m[ECOSYS_WAVES_EI_INDEX].change, 0.5 - 1.0 / 7, EXACT);
    /* Transitivity before: triangle 0-1-2; triples sum C(d,2) = 3+1+1+1+3 = 9:
     * 3/9. After: triangle 2-3-5; degrees 0:2 1:2 2:3 3:4 4:1 5:3 6:1 7:0,
     * triples 1+1+3+6+3 = 14: 3/14. */
    assert_close(m[ECOSYS_WAVES_TRANSITIVITY].before, 1.0 / 3, EXACT);
    assert_close(m[ECOSYS_WAVES_TRANSITIVITY].after, 3.0 / 14, EXACT);
    /* Degree centralization, igraph's maximum (n-1)(n-2) = 42: before
     * sum(3 - d) = 0+1+1+1+0+2+3+2 = 10; after sum(4 - d) = 2+2+1+0+3+1+3+4 = 16. */
    assert_close(m[ECOSYS_WAVES_DEGREE_CENTRALIZATION].before, 10.0 / 42, EXACT);
    assert_close(m[ECOSYS_WAVES_DEGREE_CENTRALIZATION].after, 16.0 / 42, EXACT);
    /* Components: before {0,1,2,3,4,5,7} and {6}; after {0,...,6} and {7}. */
    assert_close(m[ECOSYS_WAVES_COMPONENTS].before, 2, EXACT);
    assert_close(m[ECOSYS_WAVES_COMPONENTS].after, 2, EXACT);
    assert_close(m[ECOSYS_WAVES_LARGEST_COMPONENT_SHARE].before, 7.0 / 8, EXACT);
    assert_close(m[ECOSYS_WAVES_LARGEST_COMPONENT_SHARE].change, 0, EXACT);
    /* Brokerage (two-paths a -> v -> c, no a - c tie, both directions).
     * Before: v0 {1,3}: representative + gatekeeper, {2,3} (B, B via A):
     * 2 itinerant; v3 {0,4} A-B-C: 2 liaison; v4 {3,5}, {3,7}: B into C: 2
     * representative + 2 gatekeeper, {5,7} all C: 2 coordinator. Total 12.
     * After: v0 {1,2}: rep + gk; v1 {0,3}: rep + gk; v2 {0,3}: rep + gk,
     * {0,5}: 2 liaison; v3 {1,2}: rep + gk, {1,4}, {1,5}: 4 liaison, {2,4}:
     * rep + gk, {4,5} C-B-C: 2 itinerant; v5 {2,6}, {3,6}: 4 liaison.
     * Coordinator 0, itinerant 2, representative 5, gatekeeper 5, liaison
     * 10, total 22. */
    const double before_roles[6] = {2, 2, 3, 3, 2, 12}, after_roles[6] = {0, 2, 5, 5, 10, 22};
    for (int r = 0; r < 6; r++) {
        assert_close(m[ECOSYS_WAVES_BROKERAGE_COORDINATOR + r].before, before_roles[r], EXACT);
        assert_close(m[ECOSYS_WAVES_BROKERAGE_COORDINATOR + r].after, after_roles[r], EXACT);
    }
    /* Betweenness centralization: the value of ecosys_structure_compute()
     * on each wave's graph (checked against NetworkX on Clermont below). */
    assert_false(isnan(m[ECOSYS_WAVES_BETWEENNESS_CENTRALIZATION].before));
}

static ecosys_waves_options w_options(void)
{
    ecosys_waves_options o;
    assert_ok(ecosys_waves_options_init(&o, ECOSYS_WAVES_OPTIONS_VERSION));
    o.coordinator = "0";
    return o;
}

static void hand_waves_by_snapshots(void **state)
{
    (void) state;
    ecosys_dataset *ds = w_dataset(0);
    ecosys_graph_options b, a;
    snapshots(&b, &a);
    ecosys_waves_options o = w_options();
    ecosys_waves w;
    assert_ok(ecosys_waves_compare_snapshots(&w, ds, &b, &a, &o));
    w_check(&w, 1);
    ecosys_waves_dispose(&w);
    assert_null(w.actor_ids);
    ecosys_waves_dispose(&w); /* twice: harmless */
    ecosys_waves_dispose(NULL);
    ecosys_dataset_free(ds);
}

/* The same waves from graphs built by the caller, with and without the
 * snapshot options (here every pair's ties carry the same axes whatever
 * their dates, so the axis counts agree), and the presence by vertex. */
static void hand_waves_by_graphs(void **state)
{
    (void) state;
    ecosys_dataset *ds = w_dataset(0);
    ecosys_graph_options b, a;
    snapshots(&b, &a);
    ecosys_graph *g0, *g1;
    assert_ok(ecosys_graph_new(&g0, ds, &b));
    assert_ok(ecosys_graph_new(&g1, ds, &a));
    ecosys_waves_options o = w_options();
    o.before_snapshot = &b;
    o.after_snapshot = &a;
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, g0, g1, &o));
    w_check(&w, 1);
    ecosys_waves_dispose(&w);

    o.before_snapshot = o.after_snapshot = NULL;
    assert_ok(ecosys_waves_compare(&w, g0, g1, &o));
    w_check(&w, 0);
    ecosys_structure s;
    assert_ok(ecosys_structure_compute(&s, g0, 0));
    assert_close(w.measures[ECOSYS_WAVES_BETWEENNESS_CENTRALIZATION].before,
                 s.betweenness_centralization, EXACT);
    ecosys_waves_dispose(&w);

    /* Every actor is a vertex of both snapshots: nobody enters or leaves. */
    o.flags = ECOSYS_WAVES_PRESENCE_VERTEX | ECOSYS_NO_PATHS | ECOSYS_WAVES_NO_BROKERAGE;
    assert_ok(ecosys_waves_compare(&w, g0, g1, &o));
    assert_int_equal(w.present_before, 8);
    assert_int_equal(w.present_after, 8);
    assert_int_equal(w.entering.count, 0);
    assert_int_equal(w.leaving.count, 0);
    assert_true(isnan(w.measures[ECOSYS_WAVES_BETWEENNESS_CENTRALIZATION].before));
    assert_true(isnan(w.measures[ECOSYS_WAVES_BETWEENNESS_CENTRALIZATION].change));
    assert_true(isnan(w.measures[ECOSYS_WAVES_BROKERAGE_TOTAL].after));
    assert_close(w.measures[ECOSYS_WAVES_DENSITY].after, 8.0 / 28, EXACT);
    ecosys_waves_dispose(&w);

    /* Without a coordinator: no tie is closed through one; the share is NaN. */
    o = w_options();
    o.coordinator = NULL;
    assert_ok(ecosys_waves_compare(&w, g0, g1, &o));
    assert_int_equal(w.formed_closing_triad, 3);
    assert_int_equal(w.formed_through_coordinator, 0);
    assert_true(isnan(w.coordinator_share));
    assert_int_equal(w.coordinator, (size_t) -1);
    assert_null(w.coordinator_id);
    ecosys_waves_dispose(&w);

    /* The coordinator 4 closes nothing (3-5 closes through 4: 1 of 3). */
    o.coordinator = "4";
    assert_ok(ecosys_waves_compare(&w, g0, g1, &o));
    assert_int_equal(w.formed_through_coordinator, 1);
    assert_close(w.coordinator_share, 1.0 / 3, EXACT);
    ecosys_waves_dispose(&w);

    ecosys_graph_free(g0);
    ecosys_graph_free(g1);
    ecosys_dataset_free(ds);
}

/* ---- directed ------------------------------------------------------------
 * Actors 0..3, sectors A B A B (A = 0, B = 1). Before arcs 0->1, 1->2,
 * 2->0; after arcs 1->0, 1->2, 2->0, 0->3. Formed 0->3, 1->0 (an arc in the
 * other direction is another tie); dissolved 0->1; persisting 1->2, 2->0.
 * Jaccard 2 / 5. */
static void directed_waves(void **state)
{
    (void) state;
    static const size_t before[3][2] = {{0, 1}, {1, 2}, {2, 0}};
    static const size_t after[4][2] = {{1, 0}, {1, 2}, {2, 0}, {0, 3}};
    static const char *const sectors[4] = {"A", "B", "A", "B"};
    ecosys_dataset *d0 = ecosys_test_dataset(4, before, 3, NULL, 1, sectors);
    ecosys_dataset *d1 = ecosys_test_dataset(4, after, 4, NULL, 1, sectors);
    ecosys_graph *g0, *g1;
    assert_ok(ecosys_graph_new(&g0, d0, NULL));
    assert_ok(ecosys_graph_new(&g1, d1, NULL));
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, g0, g1, NULL));
    assert_true(w.directed);
    assert_int_equal(w.formed.count, 2);
    assert_sizes(w.formed.sources, (size_t[]){0, 1}, 2);
    assert_sizes(w.formed.targets, (size_t[]){3, 0}, 2);
    assert_int_equal(w.dissolved.count, 1);
    assert_int_equal(w.dissolved.sources[0], 0);
    assert_int_equal(w.dissolved.targets[0], 1);
    assert_int_equal(w.persisting.count, 2);
    assert_sizes(w.persisting.sources, (size_t[]){1, 2}, 2);
    assert_sizes(w.persisting.targets, (size_t[]){2, 0}, 2);
    assert_close(w.jaccard, 0.4, EXACT);
    /* Row = source's group: formed 0->3 A->B, 1->0 B->A; dissolved 0->1
     * A->B; persisting 1->2 B->A, 2->0 A->A. */
    assert_sizes(w.formed.by_group, (size_t[]){0, 1, 1, 0}, 4);
    assert_sizes(w.dissolved.by_group, (size_t[]){0, 1, 0, 0}, 4);
    assert_sizes(w.persisting.by_group, (size_t[]){1, 0, 1, 0}, 4);
    /* 1->0: pooled neighbours before N(1) = {0, 2}, N(0) = {1, 2}: common 2,
     * closes. 0->3: 3 had no tie. */
    assert_int_equal(w.formed_closing_triad, 1);
    assert_close(w.triad_closure_share, 0.5, EXACT);
    assert_int_equal(w.entering.count, 1);
    assert_int_equal(w.entering.items[0], 3);
    assert_int_equal(w.leaving.count, 0);
    /* Density over n(n-1) = 12 ordered pairs: 3/12 then 4/12. */
    assert_close(w.measures[ECOSYS_WAVES_DENSITY].before, 0.25, EXACT);
    assert_close(w.measures[ECOSYS_WAVES_DENSITY].after, 1.0 / 3, EXACT);
    ecosys_waves_dispose(&w);
    ecosys_graph_free(g0);
    ecosys_graph_free(g1);
    ecosys_dataset_free(d0);
    ecosys_dataset_free(d1);
}

/* ---- two datasets, actors in one wave only --------------------------------
 * D1: actors x (A), y (B), z (A); ties x-y, y-z.
 * D2: actors w (C), z (A), y (B), v (C, no tie); ties y-z, z-w, y-w.
 * Union: x 0, y 1, z 2 (D1's graph), then D2's others in its order: w 3,
 * v 4. Formed y-w (1,3), z-w (2,3); dissolved x-y (0,1); persisting y-z
 * (1,2); Jaccard 1/4. Entering w (has ties after), leaving x. v has no
 * tie: it enters only with ECOSYS_WAVES_PRESENCE_VERTEX (as a vertex). */
static ecosys_dataset *named_dataset(const char *const *ids, const char *const *sectors,
                                     size_t n, const size_t (*ties)[2], size_t m)
{
    ecosys_dataset *ds;
    assert_ok(ecosys_dataset_new(&ds, 0));
    for (size_t i = 0; i < n; i++) {
        ecosys_actor_info a = {ids[i], NULL, sectors[i], NULL, NULL};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &a));
    }
    for (size_t k = 0; k < m; k++) {
        ecosys_tie_info t = {ties[k][0], ties[k][1], 1, NULL, "", NULL, NULL};
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &t));
    }
    return ds;
}

static void two_datasets(void **state)
{
    (void) state;
    static const char *const ids1[3] = {"x", "y", "z"}, *const sec1[3] = {"A", "B", "A"};
    static const size_t ties1[2][2] = {{0, 1}, {1, 2}};
    static const char *const ids2[4] = {"w", "z", "y", "v"};
    static const char *const sec2[4] = {"C", "A", "B", "C"};
    static const size_t ties2[3][2] = {{2, 1}, {1, 0}, {2, 0}};
    ecosys_dataset *d1 = named_dataset(ids1, sec1, 3, ties1, 2);
    ecosys_dataset *d2 = named_dataset(ids2, sec2, 4, ties2, 3);
    ecosys_graph *g1, *g2;
    assert_ok(ecosys_graph_new(&g1, d1, NULL));
    assert_ok(ecosys_graph_new(&g2, d2, NULL));
    ecosys_waves_options o;
    assert_ok(ecosys_waves_options_init(&o, ECOSYS_WAVES_OPTIONS_VERSION));
    o.coordinator = "y";
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, g1, g2, &o));
    assert_int_equal(w.actor_count, 5);
    const char *const ids[5] = {"x", "y", "z", "w", "v"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(w.actor_ids[i], ids[i]);
    assert_int_equal(w.formed.count, 2);
    assert_sizes(w.formed.sources, (size_t[]){1, 2}, 2);
    assert_sizes(w.formed.targets, (size_t[]){3, 3}, 2);
    assert_int_equal(w.dissolved.count, 1);
    assert_int_equal(w.dissolved.sources[0], 0);
    assert_int_equal(w.dissolved.targets[0], 1);
    assert_int_equal(w.persisting.count, 1);
    assert_close(w.jaccard, 0.25, EXACT);
    /* Groups A (x), B (y), C (w): formed y-w B-C, z-w A-C. */
    assert_int_equal(w.group_count, 3);
    assert_string_equal(w.group_names[2], "C");
    assert_sizes(w.formed.by_group, (size_t[]){0, 0, 1, 0, 0, 1, 1, 1, 0}, 9);
    assert_int_equal(w.entering.count, 1);
    assert_int_equal(w.entering.items[0], 3);
    assert_int_equal(w.leaving.count, 1);
    assert_int_equal(w.leaving.items[0], 0);
    assert_int_equal(w.actor_presence[4], ECOSYS_WAVES_IN_AFTER);
    assert_int_equal(w.actor_presence[0], ECOSYS_WAVES_IN_BEFORE | ECOSYS_WAVES_TIED_BEFORE);
    /* w was absent before: its new ties close no triad. */
    assert_int_equal(w.formed_closing_triad, 0);
    assert_true(isnan(w.coordinator_share));
    assert_int_equal(w.coordinator, 1);
    /* Actors: 3 vertices before, 4 after. */
    assert_close(w.measures[ECOSYS_WAVES_ACTORS].change, 1, EXACT);
    ecosys_waves_dispose(&w);

    o.flags = ECOSYS_WAVES_PRESENCE_VERTEX;
    assert_ok(ecosys_waves_compare(&w, g1, g2, &o));
    assert_int_equal(w.entering.count, 2);
    assert_sizes(w.entering.items, (size_t[]){3, 4}, 2);
    assert_int_equal(w.leaving.count, 1);
    ecosys_waves_dispose(&w);

    /* A coordinator that is no actor of either dataset. */
    o.coordinator = "nobody";
    assert_int_equal(ecosys_waves_compare(&w, g1, g2, &o), ECOSYS_ENOTFOUND);
    assert_non_null(strstr(ecosys_error_last()->message, "nobody"));
    assert_null(w.actor_ids);
    ecosys_graph_free(g1);
    ecosys_graph_free(g2);
    ecosys_dataset_free(d1);
    ecosys_dataset_free(d2);
}

/* ---- empty waves and the same graph twice --------------------------------- */

static void empty_waves(void **state)
{
    (void) state;
    static const char *const sectors[3] = {"A", "B", "A"};
    ecosys_dataset *ds = ecosys_test_dataset(3, NULL, 0, NULL, 0, sectors);
    ecosys_graph *g;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, g, g, NULL));
    assert_int_equal(w.actor_count, 3);
    assert_int_equal(w.formed.count + w.dissolved.count + w.persisting.count, 0);
    assert_true(isnan(w.jaccard)); /* 0 / 0 */
    assert_true(isnan(w.triad_closure_share));
    assert_true(isnan(w.crossing_share));
    assert_int_equal(w.present_before + w.present_after, 0);
    assert_int_equal(w.entering.count + w.leaving.count, 0);
    assert_int_equal(w.axis_count, 0);
    assert_close(w.measures[ECOSYS_WAVES_DENSITY].before, 0, EXACT);
    assert_true(isnan(w.measures[ECOSYS_WAVES_EI_INDEX].before));
    assert_true(isnan(w.measures[ECOSYS_WAVES_EI_INDEX].change));
    char *text = NULL;
    assert_ok(ecosys_waves_render(&text, NULL, &w, NULL));
    assert_non_null(strstr(text, "No tie"));
    ecosys_string_free(text);
    ecosys_waves_dispose(&w);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);

    /* No actor at all. */
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    assert_ok(ecosys_waves_compare(&w, g, g, NULL));
    assert_int_equal(w.actor_count, 0);
    assert_int_equal(w.group_count, 0);
    assert_true(isnan(w.measures[ECOSYS_WAVES_LARGEST_COMPONENT_SHARE].before));
    ecosys_waves_dispose(&w);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

static ecosys_dataset *read_clermont(void)
{
    return ecosys_test_read(ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_CSV);
}

static void same_graph_twice(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_clermont();
    ecosys_graph *g;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    ecosys_waves_options o;
    assert_ok(ecosys_waves_options_init(&o, ECOSYS_WAVES_OPTIONS_VERSION));
    o.coordinator = "cisca";
    ecosys_waves w;
    assert_ok(ecosys_waves_compare(&w, g, g, &o));
    assert_int_equal(w.formed.count, 0);
    assert_int_equal(w.dissolved.count, 0);
    assert_int_equal(w.persisting.count, ecosys_graph_tie_count(g));
    assert_close(w.jaccard, 1, EXACT);
    assert_int_equal(w.entering.count + w.leaving.count, 0);
    assert_true(isnan(w.triad_closure_share));
    for (int k = 0; k < ECOSYS_WAVES_MEASURE_COUNT; k++)
        assert_close(w.measures[k].change, 0, EXACT);
    ecosys_waves_dispose(&w);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- errors ------------------------------------------------------------------ */

static void invalid_arguments(void **state)
{
    (void) state;
    ecosys_dataset *ds = w_dataset(0);
    ecosys_dataset *dd = w_dataset(1);
    ecosys_graph *g, *gd;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    assert_ok(ecosys_graph_new(&gd, dd, NULL));
    ecosys_waves w;
    ecosys_waves_options o;
    assert_int_equal(ecosys_waves_options_init(&o, 99), ECOSYS_EINVAL);
    assert_int_equal(ecosys_waves_options_init(NULL, ECOSYS_WAVES_OPTIONS_VERSION),
                     ECOSYS_EINVAL);
    assert_ok(ecosys_waves_options_init(&o, ECOSYS_WAVES_OPTIONS_VERSION));
    assert_int_equal(ecosys_waves_compare(NULL, g, g, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_waves_compare(&w, NULL, g, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_waves_compare(&w, g, gd, NULL), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "directed"));
    o.flags = 1u << 30;
    assert_int_equal(ecosys_waves_compare(&w, g, g, &o), ECOSYS_EINVAL);
    o.flags = 0;
    o.group = "colour";
    assert_int_equal(ecosys_waves_compare(&w, g, g, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "sector"));
    o.group = NULL;
    ecosys_partition *p;
    assert_ok(ecosys_partition_by_attribute(&p, g, "sector"));
    o.before_groups = p;
    assert_int_equal(ecosys_waves_compare(&w, g, g, &o), ECOSYS_EINVAL);
    o.after_groups = p;
    assert_ok(ecosys_waves_compare(&w, g, g, &o)); /* partitions given: fine */
    assert_int_equal(w.group_count, 3);
    ecosys_waves_dispose(&w);
    assert_int_equal(ecosys_waves_compare_snapshots(&w, ds, NULL, NULL, &o), ECOSYS_EINVAL);
    o.before_groups = o.after_groups = NULL;
    ecosys_graph_options bad;
    assert_ok(ecosys_graph_options_init(&bad, ECOSYS_GRAPH_OPTIONS_VERSION));
    bad.at = "2019-13";
    assert_int_equal(ecosys_waves_compare_snapshots(&w, ds, &bad, NULL, &o), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "before snapshot"));
    o.version = 7;
    assert_int_equal(ecosys_waves_compare(&w, g, g, &o), ECOSYS_EINVAL);
    assert_null(ecosys_waves_measure_name(-1));
    assert_null(ecosys_waves_measure_name(ECOSYS_WAVES_MEASURE_COUNT));
    assert_string_equal(ecosys_waves_measure_name(ECOSYS_WAVES_EI_INDEX), "ei_index");
    char *text = (char *) "x";
    assert_int_equal(ecosys_waves_render(&text, NULL, NULL, NULL), ECOSYS_EINVAL);
    assert_null(text);
    ecosys_partition_free(p);
    ecosys_graph_free(g);
    ecosys_graph_free(gd);
    ecosys_dataset_free(ds);
    ecosys_dataset_free(dd);
}

/* ---- Clermont, before and after the label: NetworkX reference ---------------- */

static void clermont_against_networkx(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_clermont();
    ecosys_graph_options b, a;
    snapshots(&b, &a);
    ecosys_waves_options o;
    assert_ok(ecosys_waves_options_init(&o, ECOSYS_WAVES_OPTIONS_VERSION));
    o.coordinator = "cisca";
    ecosys_waves w;
    assert_ok(ecosys_waves_compare_snapshots(&w, ds, &b, &a, &o));
    assert_int_equal(w.actor_count, CW_ACTOR_COUNT);
    for (size_t i = 0; i < CW_ACTOR_COUNT; i++) {
        ecosys_actor_info info;
        assert_ok(ecosys_dataset_actor(&info, ds, i));
        assert_string_equal(w.actor_ids[i], info.id);
    }
    assert_int_equal(w.group_count, CW_GROUP_COUNT);
    for (size_t g = 0; g < CW_GROUP_COUNT; g++)
        assert_string_equal(w.group_names[g], CW_GROUPS[g]);
    assert_int_equal(w.axis_count, CW_AXIS_COUNT);
    for (size_t x = 0; x < CW_AXIS_COUNT; x++)
        assert_string_equal(w.axis_names[x], CW_AXES[x]);
    assert_int_equal(w.ties_before, CW_TIES_BEFORE);
    assert_int_equal(w.ties_after, CW_TIES_AFTER);

    assert_int_equal(w.formed.count, CW_FORMED_COUNT);
    assert_sizes(w.formed.sources, CW_FORMED_SOURCES, CW_FORMED_COUNT);
    assert_sizes(w.formed.targets, CW_FORMED_TARGETS, CW_FORMED_COUNT);
    assert_sizes(w.formed.by_group, CW_FORMED_BY_GROUP, CW_GROUP_COUNT * CW_GROUP_COUNT);
    assert_sizes(w.formed.by_axis, CW_FORMED_BY_AXIS, CW_AXIS_COUNT);
    assert_int_equal(w.dissolved.count, CW_DISSOLVED_COUNT);
    assert_sizes(w.dissolved.sources, CW_DISSOLVED_SOURCES, CW_DISSOLVED_COUNT);
    assert_sizes(w.dissolved.targets, CW_DISSOLVED_TARGETS, CW_DISSOLVED_COUNT);
    assert_sizes(w.dissolved.by_group, CW_DISSOLVED_BY_GROUP, CW_GROUP_COUNT * CW_GROUP_COUNT);
    assert_sizes(w.dissolved.by_axis, CW_DISSOLVED_BY_AXIS, CW_AXIS_COUNT);
    assert_int_equal(w.persisting.count, CW_PERSISTING_COUNT);
    assert_sizes(w.persisting.sources, CW_PERSISTING_SOURCES, CW_PERSISTING_COUNT);
    assert_sizes(w.persisting.targets, CW_PERSISTING_TARGETS, CW_PERSISTING_COUNT);
    assert_sizes(w.persisting.by_group, CW_PERSISTING_BY_GROUP,
                 CW_GROUP_COUNT * CW_GROUP_COUNT);
    assert_sizes(w.persisting.by_axis, CW_PERSISTING_BY_AXIS, CW_AXIS_COUNT);
    assert_close(w.jaccard, CW_JACCARD, EXACT);

    assert_int_equal(w.present_before, CW_PRESENT_BEFORE);
    assert_int_equal(w.present_after, CW_PRESENT_AFTER);
    assert_int_equal(w.entering.count, CW_ENTERING_COUNT);
    assert_sizes(w.entering.items, CW_ENTERING, CW_ENTERING_COUNT);
    assert_int_equal(w.leaving.count, CW_LEAVING_COUNT);
    if (CW_LEAVING_COUNT)
        assert_sizes(w.leaving.items, CW_LEAVING, CW_LEAVING_COUNT);

    assert_int_equal(w.formed_closing_triad, CW_FORMED_CLOSING_TRIAD);
    assert_int_equal(w.formed_through_coordinator, CW_FORMED_THROUGH_COORDINATOR);
    assert_int_equal(w.formed_crossing_groups, CW_FORMED_CROSSING_GROUPS);
    assert_close(w.triad_closure_share, CW_TRIAD_CLOSURE_SHARE, EXACT);
    assert_close(w.coordinator_share, CW_COORDINATOR_SHARE, EXACT);
    assert_close(w.crossing_share, CW_CROSSING_SHARE, EXACT);

    for (int k = 0; k < ECOSYS_WAVES_MEASURE_COUNT; k++) {
        assert_close(w.measures[k].before, CW_BEFORE[k], 1e-10);
        assert_close(w.measures[k].after, CW_AFTER[k], 1e-10);
        assert_close(w.measures[k].change, CW_AFTER[k] - CW_BEFORE[k], 1e-10);
    }
    ecosys_waves_dispose(&w);
    ecosys_dataset_free(ds);
}

/* ---- rendering ------------------------------------------------------------------- */

static void render_formats(void **state)
{
    (void) state;
    ecosys_dataset *ds = read_clermont();
    ecosys_graph_options b, a;
    snapshots(&b, &a);
    ecosys_waves_options o;
    assert_ok(ecosys_waves_options_init(&o, ECOSYS_WAVES_OPTIONS_VERSION));
    o.coordinator = "cisca";
    ecosys_waves w;
    assert_ok(ecosys_waves_compare_snapshots(&w, ds, &b, &a, &o));
    ecosys_waves_render_options r;
    assert_ok(ecosys_waves_render_options_init(&r, ECOSYS_WAVES_RENDER_OPTIONS_VERSION));
    assert_int_equal(ecosys_waves_render_options_init(&r, 5), ECOSYS_EINVAL);
    assert_ok(ecosys_waves_render_options_init(&r, ECOSYS_WAVES_RENDER_OPTIONS_VERSION));
    r.before_label = "before the label";
    r.after_label = "after the label";
    r.title = "Clermont";

    char *text = NULL;
    size_t length = 0;
    assert_ok(ecosys_waves_render(&text, &length, &w, &r));
    assert_int_equal(length, strlen(text));
    assert_int_equal(text[length - 1], '\n');
    assert_non_null(strstr(text, "Clermont\n========"));
    assert_non_null(strstr(text, "New ties closed through cisca"));
    assert_non_null(strstr(text, "intermediary - academia"));
    assert_non_null(strstr(text, "Significance\n------------"));
    /* Plain text paragraphs are wrapped before 78 columns. */
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        if (strncmp(line, "  ", 2) != 0) /* tables may be wider */
            assert_true(end - line <= 78);
        line = end + 1;
    }
    ecosys_string_free(text);

    /* Markdown keeps each paragraph on one line. */
    r.format = ECOSYS_REPORT_MARKDOWN;
    assert_ok(ecosys_waves_render(&text, &length, &w, &r));
    assert_non_null(strstr(text, "# Clermont"));
    assert_non_null(strstr(text, "53 ties before the label, 65 after the label. Between them, "
                                 "18 ties formed, 6 dissolved and 47 persisted."));
    assert_non_null(strstr(text, "Of the 18 new ties, 10 (55.6%) joined two actors"));
    assert_non_null(strstr(text, "Of those 10, 4 (40.0%) had the coordinator `cisca`"));
    assert_non_null(strstr(text, "| intermediary - academia | 3 | 1 | 5 |"));
    assert_non_null(strstr(text, "2 entered (`cap2025`, `objectif_capitales`); 0 left."));
    ecosys_string_free(text);

    r.format = ECOSYS_REPORT_JSON;
    assert_ok(ecosys_waves_render(&text, &length, &w, &r));
    assert_int_equal(text[0], '{');
    assert_non_null(strstr(text, "\"formed\""));
    assert_non_null(strstr(text, "\"significance\": null"));
    assert_non_null(strstr(text, "\"jaccard\": 0.6619718309859155"));
    ecosys_string_free(text);

    r.format = (ecosys_report_format) 9;
    assert_int_equal(ecosys_waves_render(&text, &length, &w, &r), ECOSYS_EINVAL);
    ecosys_waves_dispose(&w);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_waves_by_snapshots),
        cmocka_unit_test(hand_waves_by_graphs),
        cmocka_unit_test(directed_waves),
        cmocka_unit_test(two_datasets),
        cmocka_unit_test(empty_waves),
        cmocka_unit_test(same_graph_twice),
        cmocka_unit_test(invalid_arguments),
        cmocka_unit_test(clermont_against_networkx),
        cmocka_unit_test(render_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
