/* The compact tie and actor columns (lib/graph/column.h) keep every value
 * exactly, whatever the number of distinct values: codes of 1 byte (up to
 * 256 values), of 2 bytes (up to 65536), then plain values. Every test
 * writes values that cross those widths, then reads each row back through
 * the public API and compares it with what was written. The expected
 * values are the inputs themselves: no computation is involved. */
#include "test_support.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ACTORS = 300, TIES = 70000 };

/* Weight of tie t: 70000 distinct values (past the 65536 codes), with exact
 * binary fractions, a value that is not one (0.1 * t) and -0.0 / 0.0. */
static double weight_of(size_t t)
{
    if (t == 5)
        return -0.0;
    if (t == 6)
        return 0.0;
    return t % 2 ? (double) t * 0.1 : (double) t / 1024.0;
}

/* Kind of tie t: 300 distinct texts (past the 256 one-byte codes). */
static void kind_of(char *out, size_t size, size_t t)
{
    snprintf(out, size, "kind-%zu", t % 300);
}

/* Start of tie t: 70000 distinct dates (past the 65536 codes) from 1850 on. */
static void start_of(char *out, size_t size, size_t t)
{
    GDate *d = g_date_new_dmy(1, G_DATE_JANUARY, 1850);
    g_date_add_days(d, (guint) t);
    snprintf(out, size, "%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d),
             g_date_get_day(d));
    g_date_free(d);
}

static ecosys_dataset *build(void)
{
    ecosys_dataset *ds;
    assert_ok(ecosys_dataset_new(&ds, 0));
    char id[32], sector[32], territory[32];
    for (size_t a = 0; a < ACTORS; a++) {
        snprintf(id, sizeof id, "a%zu", a);
        snprintf(sector, sizeof sector, "s%zu", a % 7);
        snprintf(territory, sizeof territory, "t%zu", a); /* 300: past one byte */
        ecosys_actor_info info = {id, "", sector, territory, a % 2 ? "food;mobility" : ""};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &info));
    }
    char kind[32], start[32];
    for (size_t t = 0; t < TIES; t++) {
        kind_of(kind, sizeof kind, t);
        start_of(start, sizeof start, t);
        ecosys_tie_info tie = {t % ACTORS, (t * 7 + 1) % ACTORS, weight_of(t), kind,
                               t % 3 ? "food" : "", start, ""};
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &tie));
    }
    return ds;
}

static void every_value_reads_back_exactly(void **state)
{
    (void) state;
    ecosys_dataset *ds = build();
    char kind[32], start[32], sector[32], territory[32];
    for (size_t t = 0; t < TIES; t++) {
        ecosys_tie_info tie;
        assert_ok(ecosys_dataset_tie(&tie, ds, t));
        double w = weight_of(t);
        assert_true(memcmp(&tie.weight, &w, sizeof w) == 0); /* bit for bit: -0.0 too */
        kind_of(kind, sizeof kind, t);
        start_of(start, sizeof start, t);
        assert_string_equal(tie.kind, kind);
        assert_string_equal(tie.start, start);
        assert_string_equal(tie.axis, t % 3 ? "food" : "");
        assert_string_equal(tie.end, "");
    }
    for (size_t a = 0; a < ACTORS; a++) {
        ecosys_actor_info actor;
        assert_ok(ecosys_dataset_actor(&actor, ds, a));
        snprintf(sector, sizeof sector, "s%zu", a % 7);
        snprintf(territory, sizeof territory, "t%zu", a);
        assert_string_equal(actor.sector, sector);
        assert_string_equal(actor.territory, territory);
        assert_string_equal(actor.axes, a % 2 ? "food;mobility" : "");
    }
    assert_true(signbit(weight_of(5)));
    ecosys_dataset_free(ds);
}

/* Filters compare the compact columns with the filter's text. */
static void filters_and_weights_see_the_same_values(void **state)
{
    (void) state;
    ecosys_dataset *ds = build();
    ecosys_graph_options o = ECOSYS_GRAPH_OPTIONS_INIT;
    o.kind = "kind-299";
    o.territory = NULL;
    ecosys_graph *g;
    assert_ok(ecosys_graph_new(&g, ds, &o));
    /* Expected by the same rules, computed from the inputs: ties with
     * t % 300 == 299, weight > 0, ends distinct; repeated pairs summed. */
    double expected_total = 0;
    size_t expected_ties = 0;
    for (size_t t = 0; t < TIES; t++) {
        size_t s = t % ACTORS, r = (t * 7 + 1) % ACTORS;
        if (t % 300 != 299 || weight_of(t) == 0 || s == r)
            continue;
        expected_total += weight_of(t);
        expected_ties++;
    }
    ecosys_graph_info info;
    assert_ok(ecosys_graph_info_get(&info, g));
    assert_int_equal(info.tie_count + info.merged_ties, expected_ties);
    double total = 0;
    for (size_t e = 0; e < ecosys_graph_tie_count(g); e++) {
        double w;
        assert_ok(ecosys_graph_tie(NULL, NULL, &w, g, e));
        total += w;
    }
    assert_close(total, expected_total, 1e-9 * expected_total);
    ecosys_graph_free(g);

    ecosys_graph_options by_territory = ECOSYS_GRAPH_OPTIONS_INIT;
    by_territory.territory = "t257"; /* a two-byte code */
    assert_ok(ecosys_graph_new(&g, ds, &by_territory));
    assert_int_equal(ecosys_graph_actor_count(g), 1);
    assert_int_equal(ecosys_graph_actor(g, 0), 257);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* A dataset with few distinct values survives a CSV round trip unchanged
 * (the columns stay one byte wide), and so does the wide one. */
static void round_trips_keep_the_columns(void **state)
{
    (void) state;
    ecosys_dataset *ds = build();
    char *dir = ecosys_test_tmpdir();
    const char *path = ecosys_test_path(dir, "wide");
    assert_ok(ecosys_dataset_write(ds, path, ECOSYS_FORMAT_CSV));
    ecosys_dataset *back;
    assert_ok(ecosys_dataset_read(&back, path, ECOSYS_FORMAT_CSV));
    char *difference = NULL;
    int equal = ecosys_dataset_equal(&difference, ds, back);
    if (equal != 1)
        fail_msg("round trip differs: %s", difference ? difference : "(error)");
    ecosys_dataset_free(back);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_value_reads_back_exactly),
        cmocka_unit_test(filters_and_weights_see_the_same_values),
        cmocka_unit_test(round_trips_keep_the_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
