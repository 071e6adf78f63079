/* Core: error reporting, versions, dates, the dataset model and free
 * attributes. Expected values are hand-computed; each says how. */
#include "test_support.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void version_matches_header(void **state)
{
    (void) state;
    assert_string_equal(ecosys_version(), ECOSYS_VERSION_STRING);
    assert_int_equal(ecosys_version_number(), ECOSYS_VERSION_NUMBER);
    assert_int_equal(ECOSYS_VERSION_NUMBER,
                     ECOSYS_VERSION_MAJOR * 10000 + ECOSYS_VERSION_MINOR * 100 +
                         ECOSYS_VERSION_PATCH);
}

static void error_names_and_texts(void **state)
{
    (void) state;
    assert_string_equal(ecosys_error_name(ECOSYS_EINVAL), "EINVAL");
    assert_string_equal(ecosys_error_name(ECOSYS_EPARSE), "EPARSE");
    assert_string_equal(ecosys_error_name(12345), "UNKNOWN");
    assert_string_equal(ecosys_strerror(ECOSYS_ENOMEM), "out of memory");
    assert_string_equal(ecosys_strerror(-999), "unknown error");
    ecosys_error_clear();
    const ecosys_error *e = ecosys_error_last();
    assert_non_null(e);
    assert_int_equal(e->code, ECOSYS_OK);
    assert_string_equal(e->message, "");
    assert_string_equal(e->source, "");
}

static void *error_in_thread(void *arg)
{
    (void) arg;
    /* A fresh thread starts with no error, whatever the main thread has. */
    const ecosys_error *e = ecosys_error_last();
    int clean = e->code == ECOSYS_OK && strcmp(e->message, "") == 0;
    ecosys_dataset *ds = NULL;
    int rc = ecosys_dataset_new(NULL, 0);
    (void) ds;
    int own = rc == ECOSYS_EINVAL && ecosys_error_last()->code == ECOSYS_EINVAL;
    return (void *) (intptr_t) (clean && own);
}

static void last_error_is_per_thread(void **state)
{
    (void) state;
    size_t index;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_int_equal(ecosys_dataset_find_actor(&index, ds, "nobody"), ECOSYS_ENOTFOUND);
    pthread_t thread;
    void *result = NULL;
    assert_int_equal(pthread_create(&thread, NULL, error_in_thread, NULL), 0);
    assert_int_equal(pthread_join(thread, &result), 0);
    assert_true((intptr_t) result);
    /* The other thread's error did not touch ours. */
    assert_int_equal(ecosys_error_last()->code, ECOSYS_ENOTFOUND);
    assert_non_null(strstr(ecosys_error_last()->message, "nobody"));
    ecosys_dataset_free(ds);
}

static void dates_name_whole_periods(void **state)
{
    (void) state;
    int32_t first, last;
    /* 1970-01-01 is day 0 by definition. */
    assert_ok(ecosys_date_parse(&first, &last, "1970-01-01"));
    assert_int_equal(first, 0);
    assert_int_equal(last, 0);
    /* 2019-01-01: 49 years after 1970 with 12 leap days (1972..2016):
     * 49 * 365 + 12 = 17897; 2019-12-31 is 364 days later. */
    assert_ok(ecosys_date_parse(&first, &last, "2019"));
    assert_int_equal(first, 17897);
    assert_int_equal(last, 18261);
    /* 2020-02: 2020-01-01 = 18262; + 31 days of January; leap February has 29. */
    assert_ok(ecosys_date_parse(&first, &last, "2020-02"));
    assert_int_equal(first, 18293);
    assert_int_equal(last, 18321);
    /* The label day, 2019-04-12: 17897 + 31 + 28 + 31 + 11 = 17998. */
    assert_ok(ecosys_date_parse(&first, &last, "2019-04-12"));
    assert_int_equal(first, 17998);
    assert_int_equal(last, 17998);
}

static void malformed_dates_are_refused(void **state)
{
    (void) state;
    const char *bad[] = {"",        "19",        "2019-4",     "2019/04",    "2019-13",
                         "2019-00", "2019-02-30", "2019-04-31", "0000",      "2019-04-1",
                         " 2019",   "2019-04-12T10:00", "2019-1-01", "abcd"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int32_t first = 7, last = 7;
        int rc = ecosys_date_parse(&first, &last, bad[i]);
        if (rc != ECOSYS_EINVAL)
            fail_msg("date \"%s\" accepted", bad[i]);
        assert_non_null(strstr(ecosys_error_last()->message, "date"));
        assert_int_equal(first, 7); /* outputs untouched on failure */
    }
    int32_t day;
    assert_ok(ecosys_date_parse(&day, NULL, "2020-02-29")); /* leap day exists */
    assert_int_equal(ecosys_date_parse(&day, NULL, "2019-02-29"), ECOSYS_EINVAL);
    assert_int_equal(ecosys_date_parse(&day, NULL, NULL), ECOSYS_EINVAL);
}

static void actors_are_stored_and_found(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    assert_int_equal(ecosys_dataset_actor_count(ds), 0);
    ecosys_actor_info a = {"cisca", "CISCA", "intermediary", "Clermont-Ferrand",
                           "mobility; food;digital"};
    ecosys_actor_info b = {"uca", "Université Clermont Auvergne", "academia", NULL, NULL};
    size_t ia, ib;
    assert_ok(ecosys_dataset_add_actor(&ia, ds, &a));
    assert_ok(ecosys_dataset_add_actor(&ib, ds, &b));
    assert_int_equal(ia, 0);
    assert_int_equal(ib, 1);
    ecosys_actor_info got;
    assert_ok(ecosys_dataset_actor(&got, ds, 1));
    assert_string_equal(got.name, "Université Clermont Auvergne");
    assert_string_equal(got.territory, ""); /* NULL in means "" out */
    size_t found;
    assert_ok(ecosys_dataset_find_actor(&found, ds, "uca"));
    assert_int_equal(found, 1);
    assert_int_equal(ecosys_dataset_find_actor(&found, ds, "UCA"), ECOSYS_ENOTFOUND);
    /* axes: ';'-separated items, spaces around items ignored, exact match */
    assert_true(ecosys_dataset_actor_has_axis(ds, 0, "food"));
    assert_true(ecosys_dataset_actor_has_axis(ds, 0, "mobility"));
    assert_true(ecosys_dataset_actor_has_axis(ds, 0, "digital"));
    assert_false(ecosys_dataset_actor_has_axis(ds, 0, "foo"));
    assert_false(ecosys_dataset_actor_has_axis(ds, 1, "food"));
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, 0, "sector"),
                        "intermediary");
    assert_null(ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, 0, "nosuch"));
    assert_null(ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, 5, "id"));
    assert_int_equal(ecosys_dataset_actor(&got, ds, 2), ECOSYS_EINVAL);
    ecosys_dataset_free(ds);
}

static void bad_actors_are_refused(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    ecosys_actor_info ok = {"a", "A", "", "", ""};
    assert_ok(ecosys_dataset_add_actor(NULL, ds, &ok));
    ecosys_actor_info dup = {"a", "again", "", "", ""};
    assert_int_equal(ecosys_dataset_add_actor(NULL, ds, &dup), ECOSYS_EEXISTS);
    assert_non_null(strstr(ecosys_error_last()->message, "duplicate"));
    ecosys_actor_info empty = {"", "x", "", "", ""};
    assert_int_equal(ecosys_dataset_add_actor(NULL, ds, &empty), ECOSYS_EINVAL);
    ecosys_actor_info null_id = {NULL, "x", "", "", ""};
    assert_int_equal(ecosys_dataset_add_actor(NULL, ds, &null_id), ECOSYS_EINVAL);
    ecosys_actor_info bad_utf8 = {"b", "caf\xc3", "", "", ""};
    assert_int_equal(ecosys_dataset_add_actor(NULL, ds, &bad_utf8), ECOSYS_EINVAL);
    assert_non_null(strstr(ecosys_error_last()->message, "UTF-8"));
    assert_int_equal(ecosys_dataset_add_actor(NULL, ds, NULL), ECOSYS_EINVAL);
    /* Nothing was added by the failures. */
    assert_int_equal(ecosys_dataset_actor_count(ds), 1);
    ecosys_dataset_free(ds);
}

/* 100k actors: the pool's hash table and arena grow many times over, and
 * every id must still be found with its own index and its texts intact. */
static void many_actors_are_found(void **state)
{
    (void) state;
    enum { N = 100000 };
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    char id[32], name[64];
    for (size_t i = 0; i < N; i++) {
        snprintf(id, sizeof id, "a%zu", i);
        /* Longer than a hash word, and shared by two actors: stored once. */
        snprintf(name, sizeof name, "actor number %zu of the ecosystem", i / 2);
        ecosys_actor_info a = {id, name, i % 2 ? "academia" : "business", "", ""};
        size_t index = SIZE_MAX;
        assert_ok(ecosys_dataset_add_actor(&index, ds, &a));
        assert_int_equal(index, i);
    }
    assert_int_equal(ecosys_dataset_actor_count(ds), N);
    for (size_t i = 0; i < N; i++) {
        snprintf(id, sizeof id, "a%zu", i);
        size_t found = SIZE_MAX;
        assert_ok(ecosys_dataset_find_actor(&found, ds, id));
        assert_int_equal(found, i);
    }
    ecosys_actor_info got;
    assert_ok(ecosys_dataset_actor(&got, ds, N - 1));
    assert_string_equal(got.id, "a99999");
    assert_string_equal(got.name, "actor number 49999 of the ecosystem");
    assert_string_equal(got.sector, "academia");
    /* Not found: a new id, a prefix and an extension of real ids, and texts
     * the pool holds that are no actor's id. */
    const char *absent[] = {"a100000", "a", "a9999 ", "A1", "academia", "", NULL};
    for (const char *const *text = absent; *text; text++)
        if (ecosys_dataset_find_actor(NULL, ds, *text) != ECOSYS_ENOTFOUND)
            fail_msg("\"%s\" was found", *text);
    ecosys_actor_info dup = {"a4242", "", "", "", ""};
    assert_int_equal(ecosys_dataset_add_actor(NULL, ds, &dup), ECOSYS_EEXISTS);
    assert_int_equal(ecosys_dataset_actor_count(ds), N);
    ecosys_dataset_free(ds);
}

static void ties_are_validated(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_dataset(2, NULL, 0, NULL, 0, NULL);
    ecosys_tie_info good = {0, 1, 2.5, "project", "food", "2019-05", ""};
    size_t t;
    assert_ok(ecosys_dataset_add_tie(&t, ds, &good));
    ecosys_tie_info got;
    assert_ok(ecosys_dataset_tie(&got, ds, t));
    assert_int_equal(got.source, 0);
    assert_int_equal(got.target, 1);
    assert_close(got.weight, 2.5, 0);
    assert_string_equal(got.kind, "project");
    assert_string_equal(got.start, "2019-05");
    assert_string_equal(got.end, "");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, 0, "target"), "1");

    struct {
        ecosys_tie_info tie;
        const char *message;
    } bad[] = {
        {{0, 2, 1, "", "", "", ""}, "out of range"},
        {{0, 1, -1, "", "", "", ""}, "weight"},
        {{0, 1, NAN, "", "", "", ""}, "weight"},
        {{0, 1, INFINITY, "", "", "", ""}, "weight"},
        {{0, 1, 1, "", "", "2019/04", ""}, "start: malformed date"},
        {{0, 1, 1, "", "", "", "2019-02-30"}, "end: invalid date"},
        {{0, 1, 1, "", "", "2019-05", "2019-04"}, "before start"},
        {{0, 1, 1, "\xff", "", "", ""}, "UTF-8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(ecosys_dataset_add_tie(NULL, ds, &bad[i].tie), ECOSYS_EINVAL);
        if (!strstr(ecosys_error_last()->message, bad[i].message))
            fail_msg("case %zu: message \"%s\" lacks \"%s\"", i, ecosys_error_last()->message,
                     bad[i].message);
    }
    /* A partial end names its whole period: start 2019-05, end 2019 is fine. */
    ecosys_tie_info partial = {0, 1, 0, "", "", "2019-05", "2019"};
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &partial));
    /* Weight 0, self-ties and repeats are kept as data. */
    ecosys_tie_info self = {1, 1, 1, "", "", "", ""};
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &self));
    assert_int_equal(ecosys_dataset_tie_count(ds), 3);
    ecosys_dataset_free(ds);
}

static void free_attributes(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_dataset(3, NULL, 0, NULL, 0, NULL);
    size_t legal, size;
    assert_ok(ecosys_dataset_add_attribute(&legal, ds, ECOSYS_TABLE_ACTORS, "legal_form"));
    assert_ok(ecosys_dataset_add_attribute(&size, ds, ECOSYS_TABLE_ACTORS, "staff"));
    assert_int_equal(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_ACTORS, "staff"),
                     ECOSYS_EEXISTS);
    assert_int_equal(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_ACTORS, "sector"),
                     ECOSYS_EEXISTS);
    assert_int_equal(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_ACTORS, ""),
                     ECOSYS_EINVAL);
    /* "sector" is built in for actors but free for ties. */
    assert_ok(ecosys_dataset_add_attribute(NULL, ds, ECOSYS_TABLE_TIES, "sector"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 2, legal, "SCIC"));
    assert_string_equal(ecosys_dataset_attribute(ds, ECOSYS_TABLE_ACTORS, 2, legal), "SCIC");
    assert_string_equal(ecosys_dataset_attribute(ds, ECOSYS_TABLE_ACTORS, 0, legal), "");
    assert_string_equal(ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, 2, "legal_form"), "SCIC");
    assert_true(ecosys_dataset_has_field(ds, ECOSYS_TABLE_ACTORS, "staff"));
    assert_false(ecosys_dataset_has_field(ds, ECOSYS_TABLE_ACTORS, "nosuch"));
    /* Rows added after the attribute read "" until set. */
    ecosys_actor_info late = {"late", "", "", "", ""};
    size_t row;
    assert_ok(ecosys_dataset_add_actor(&row, ds, &late));
    assert_string_equal(ecosys_dataset_attribute(ds, ECOSYS_TABLE_ACTORS, row, size), "");
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, row, size, "12"));
    assert_string_equal(ecosys_dataset_attribute(ds, ECOSYS_TABLE_ACTORS, row, size), "12");
    assert_int_equal(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 99, size, "x"),
                     ECOSYS_EINVAL);
    assert_int_equal(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 0, size, "\xc0"),
                     ECOSYS_EINVAL);
    assert_string_equal(ecosys_dataset_attribute_type(ds, ECOSYS_TABLE_ACTORS, size), "string");
    assert_ok(ecosys_dataset_set_attribute_type(ds, ECOSYS_TABLE_ACTORS, size, "int"));
    assert_string_equal(ecosys_dataset_attribute_type(ds, ECOSYS_TABLE_ACTORS, size), "int");
    assert_int_equal(ecosys_dataset_set_attribute_type(ds, ECOSYS_TABLE_ACTORS, size, "date"),
                     ECOSYS_EINVAL);
    size_t found;
    assert_ok(ecosys_dataset_find_attribute(&found, ds, ECOSYS_TABLE_ACTORS, "staff"));
    assert_int_equal(found, size);
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 2);
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 1), "staff");
    assert_null(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 2));
    ecosys_dataset_free(ds);
}

static void equality_finds_first_difference(void **state)
{
    (void) state;
    const size_t edges[][2] = {{0, 1}, {1, 2}};
    ecosys_dataset *a = ecosys_test_dataset(3, edges, 2, NULL, 0, NULL);
    ecosys_dataset *b = ecosys_test_dataset(3, edges, 2, NULL, 0, NULL);
    char *why = NULL;
    assert_int_equal(ecosys_dataset_equal(&why, a, b), 1);
    assert_null(why);
    ecosys_tie_info extra = {0, 2, 0.5, "", "", "", ""};
    assert_ok(ecosys_dataset_add_tie(NULL, a, &extra));
    assert_int_equal(ecosys_dataset_equal(&why, a, b), 0);
    assert_non_null(strstr(why, "tie count"));
    ecosys_string_free(why);
    extra.weight = 0.25;
    assert_ok(ecosys_dataset_add_tie(NULL, b, &extra));
    assert_int_equal(ecosys_dataset_equal(&why, a, b), 0);
    assert_non_null(strstr(why, "weight"));
    ecosys_string_free(why);
    ecosys_dataset_free(a);
    ecosys_dataset_free(b);
}

static void null_handles_are_harmless(void **state)
{
    (void) state;
    ecosys_dataset_free(NULL);
    ecosys_graph_free(NULL);
    ecosys_string_free(NULL);
    assert_int_equal(ecosys_dataset_actor_count(NULL), 0);
    assert_int_equal(ecosys_dataset_tie_count(NULL), 0);
    assert_int_equal(ecosys_dataset_new(NULL, 0), ECOSYS_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_matches_header),
        cmocka_unit_test(error_names_and_texts),
        cmocka_unit_test(last_error_is_per_thread),
        cmocka_unit_test(dates_name_whole_periods),
        cmocka_unit_test(malformed_dates_are_refused),
        cmocka_unit_test(actors_are_stored_and_found),
        cmocka_unit_test(bad_actors_are_refused),
        cmocka_unit_test(many_actors_are_found),
        cmocka_unit_test(ties_are_validated),
        cmocka_unit_test(free_attributes),
        cmocka_unit_test(equality_finds_first_difference),
        cmocka_unit_test(null_handles_are_harmless),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
