/* CSV dataset directories: the bundled Clermont dataset, exact round trips,
 * RFC 4180 details (BOM, CRLF, quoted newlines, fields across the reader's
 * 64 KiB blocks), columns in any order, free attributes, dataset.csv, and
 * every bad-input class as a data folder in tests/data/invalid/csv/<case>/
 * whose file `expected` gives the error's code, file, line, column and
 * message fragments. */
#include "test_support.h"

#include <glib.h>

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

static void write_bytes(const char *dir, const char *name, const char *bytes, size_t length)
{
    FILE *f = fopen(ecosys_test_path(dir, name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, length, f), length);
    assert_int_equal(fclose(f), 0);
}

static void write_text(const char *dir, const char *name, const char *text)
{
    write_bytes(dir, name, text, strlen(text));
}

static const char *actor_field(const ecosys_dataset *ds, size_t row, const char *column)
{
    const char *value = ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS, row, column);
    assert_non_null(value);
    return value;
}

static const char *tie_field(const ecosys_dataset *ds, size_t row, const char *column)
{
    const char *value = ecosys_dataset_field(ds, ECOSYS_TABLE_TIES, row, column);
    assert_non_null(value);
    return value;
}

static double tie_weight(const ecosys_dataset *ds, size_t row)
{
    ecosys_tie_info tie;
    assert_ok(ecosys_dataset_tie(&tie, ds, row));
    return tie.weight;
}

/* Reads @p dir expecting failure; checks code, line and column. */
static void assert_read_fails(const char *dir, int code, size_t line, size_t column,
                              const char *fragment)
{
    ecosys_dataset *ds = NULL;
    int rc = ecosys_dataset_read(&ds, dir, ECOSYS_FORMAT_CSV);
    const ecosys_error *e = ecosys_error_last();
    if (rc != code || e->line != line || e->column != column || !strstr(e->message, fragment))
        fail_msg("got %s at %zu:%zu \"%s\"; expected %s at %zu:%zu with \"%s\"",
                 ecosys_error_name(rc), e->line, e->column, e->message, ecosys_error_name(code),
                 line, column, fragment);
    assert_null(ds);
}

static const char *const basic_actors = "id,name,sector,territory,axes\n"
                                        "a,Alpha,business,T1,food\n"
                                        "b,Beta,public,T2,\n";

/* ---- the bundled dataset -------------------------------------------------- */

static void test_clermont(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_read(ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_CSV);
    assert_int_equal(ecosys_dataset_actor_count(ds), 25);
    assert_int_equal(ecosys_dataset_tie_count(ds), 84);
    assert_false(ecosys_dataset_is_directed(ds));

    assert_string_equal(actor_field(ds, 0, "id"), "cisca");
    assert_string_equal(actor_field(ds, 0, "sector"), "intermediary");
    assert_string_equal(actor_field(ds, 0, "axes"), "mobility;food;digital");
    assert_string_equal(actor_field(ds, 1, "name"), "Université Clermont-Auvergne");
    assert_string_equal(actor_field(ds, 0, "scope"), "local");
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 0), "scope");
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, 1), "evidence");

    assert_string_equal(tie_field(ds, 0, "source"), "cisca");
    assert_string_equal(tie_field(ds, 0, "target"), "uca");
    assert_true(tie_weight(ds, 0) == 2.0);
    assert_string_equal(tie_field(ds, 0, "kind"), "co_presidency");
    assert_string_equal(tie_field(ds, 0, "start"), "2019-01");
    assert_string_equal(tie_field(ds, 0, "end"), "");
    assert_string_equal(tie_field(ds, 0, "evidence"), "stated");
    /* The note is quoted in the file because it holds commas. */
    assert_non_null(strstr(tie_field(ds, 0, "note"), "(Mathias Bernard) is a CISCA co-president;"));
    assert_string_equal(ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_TIES, 1), "note");

    size_t i;
    assert_ok(ecosys_dataset_find_actor(&i, ds, "inra"));
    assert_string_equal(actor_field(ds, i, "sector"), "academia");
    ecosys_dataset_free(ds);
}

static void test_clermont_round_trip(void **state)
{
    (void) state;
    ecosys_dataset *ds = ecosys_test_read(ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_CSV);
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);

    /* The bundled actors.csv quotes exactly the fields that need it, as the
     * writer does, so the writer reproduces it byte for byte.
     * (collaborations.csv quotes every note, needed or not.) */
    char *dir = ecosys_test_tmpdir();
    assert_ok(ecosys_dataset_write(ds, dir, ECOSYS_FORMAT_CSV));
    char *original = NULL, *written = NULL;
    gsize original_length = 0, written_length = 0;
    assert_true(g_file_get_contents(
        ecosys_test_path(ecosys_test_env("ECOSYS_CLERMONT"), "actors.csv"), &original,
        &original_length, NULL));
    assert_true(
        g_file_get_contents(ecosys_test_path(dir, "actors.csv"), &written, &written_length, NULL));
    assert_int_equal(written_length, original_length);
    assert_memory_equal(written, original, original_length);
    g_free(original);
    g_free(written);
    /* An undirected dataset needs no dataset.csv. */
    assert_false(g_file_test(ecosys_test_path(dir, "dataset.csv"), G_FILE_TEST_EXISTS));
    ecosys_test_rmtree(dir);
    free(dir);
    ecosys_dataset_free(ds);
}

/* ---- exact round trips -------------------------------------------------- */

static ecosys_dataset *tricky_dataset(int directed)
{
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, directed));
    const ecosys_actor_info actors[] = {
        {"plain", "Plain", "business", "T1", "food"},
        {"comma,id", "Name, with comma", "", "", ""},
        {"quote\"id", "He said \"hi\"", "public", "", "a;b"},
        {"newlines", "line1\nline2\r\nline3\rend", "\n", "\r\n", ""},
        {"é ünïcödé ✓ 𝄞", "日本語", "civil_society", "Zürich", "mobilité"},
        {" spaced ", "  leading", "trailing  ", "\ttab", " "},
        {"\"", "\"\"", ",", "\"\n\"", ",,"},
        {"empty-fields", "", "", "", ""},
    };
    for (size_t i = 0; i < sizeof actors / sizeof *actors; i++)
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actors[i]));
    const ecosys_tie_info ties[] = {
        {0, 1, 0.1, "project", "food", "2019", "2020"},
        {1, 2, 1e-300, "kind, with comma", "axis \"quoted\"", "2019-04", "2019-04"},
        {2, 3, 0, "", "", "2019-04-12", ""},
        {3, 4, 5e-324, "multi\nline", "", "", "2021-02-28"},
        {4, 5, DBL_MAX, " spaced ", "\t", "", ""},
        {5, 6, 1.0 / 3.0, "日本", "ü", "", ""},
        {6, 7, 123456789.123, "", "", "", ""},
        {7, 7, 1, "self", "", "", ""},
        {0, 1, 2.5, "repeat", "", "", ""},
        {1, 0, 1e21, "reversed repeat", "", "", ""},
    };
    for (size_t t = 0; t < sizeof ties / sizeof *ties; t++)
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &ties[t]));

    /* Free attributes: names that need quoting, names of the other table's
     * built-in fields, values that are empty, an attribute never set. */
    size_t scope, odd, weight, never;
    assert_ok(ecosys_dataset_add_attribute(&scope, ds, ECOSYS_TABLE_ACTORS, "scope"));
    assert_ok(ecosys_dataset_add_attribute(&odd, ds, ECOSYS_TABLE_ACTORS, "odd, \"name\"\n"));
    assert_ok(ecosys_dataset_add_attribute(&weight, ds, ECOSYS_TABLE_ACTORS, "weight"));
    assert_ok(ecosys_dataset_add_attribute(&never, ds, ECOSYS_TABLE_ACTORS, "never set"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 0, scope, "local"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 2, scope, ""));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 4, odd, "a,b\n\"c\""));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, 7, weight, " 1 "));
    size_t id, evidence, empty;
    assert_ok(ecosys_dataset_add_attribute(&id, ds, ECOSYS_TABLE_TIES, "id"));
    assert_ok(ecosys_dataset_add_attribute(&evidence, ds, ECOSYS_TABLE_TIES, "évidence"));
    assert_ok(ecosys_dataset_add_attribute(&empty, ds, ECOSYS_TABLE_TIES, "empty"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 0, id, "t0"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 9, id, "t9"));
    assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_TIES, 3, evidence, "stated,\r\n"));
    return ds;
}

static void test_tricky_round_trip(void **state)
{
    (void) state;
    ecosys_dataset *ds = tricky_dataset(0);
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);
    ecosys_dataset_free(ds);
}

static void test_directed_round_trip(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    ecosys_dataset *directed = tricky_dataset(1);
    assert_ok(ecosys_dataset_write(directed, dir, ECOSYS_FORMAT_CSV));
    assert_true(g_file_test(ecosys_test_path(dir, "dataset.csv"), G_FILE_TEST_EXISTS));
    ecosys_dataset *back = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_true(ecosys_dataset_is_directed(back));
    ecosys_test_assert_equal_datasets(directed, back);
    ecosys_dataset_free(back);

    /* Writing an undirected dataset over it removes the stale marker. */
    ecosys_dataset *undirected = tricky_dataset(0);
    assert_ok(ecosys_dataset_write(undirected, dir, ECOSYS_FORMAT_CSV));
    assert_false(g_file_test(ecosys_test_path(dir, "dataset.csv"), G_FILE_TEST_EXISTS));
    back = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_false(ecosys_dataset_is_directed(back));
    ecosys_test_assert_equal_datasets(undirected, back);

    ecosys_dataset_free(back);
    ecosys_dataset_free(undirected);
    ecosys_dataset_free(directed);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_empty_dataset_round_trip(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);
    ecosys_dataset_free(ds);
}

static void test_write_creates_directories(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    char nested[4096];
    snprintf(nested, sizeof nested, "%s/one/two", dir);
    ecosys_dataset *ds = tricky_dataset(0);
    assert_ok(ecosys_dataset_write(ds, nested, ECOSYS_FORMAT_CSV));
    ecosys_dataset *back = ecosys_test_read(nested, ECOSYS_FORMAT_CSV);
    ecosys_test_assert_equal_datasets(ds, back);
    ecosys_dataset_free(back);

    /* A regular file where a directory should be: EIO, naming the path. */
    write_text(dir, "file", "x");
    snprintf(nested, sizeof nested, "%s/file/sub", dir);
    assert_int_equal(ecosys_dataset_write(ds, nested, ECOSYS_FORMAT_CSV), ECOSYS_EIO);
    assert_non_null(strstr(ecosys_error_last()->source, "file/sub"));
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_write_failure_cleans_up(void **state)
{
    (void) state;
    /* actors.csv is a non-empty directory: the final rename fails. */
    char *dir = ecosys_test_tmpdir();
    char blocker[4096];
    snprintf(blocker, sizeof blocker, "%s/actors.csv", dir);
    assert_int_equal(g_mkdir_with_parents(blocker, 0777), 0);
    write_text(blocker, "keep", "x");
    ecosys_dataset *ds = tricky_dataset(1);
    assert_int_equal(ecosys_dataset_write(ds, dir, ECOSYS_FORMAT_CSV), ECOSYS_EIO);
    assert_non_null(strstr(ecosys_error_last()->source, "actors.csv"));
    assert_non_null(strstr(ecosys_error_last()->message, "cannot replace the file"));
    /* Nothing else was written, and no temporary file is left. */
    GDir *entries = g_dir_open(dir, 0, NULL);
    assert_non_null(entries);
    for (const char *name; (name = g_dir_read_name(entries));)
        assert_string_equal(name, "actors.csv");
    g_dir_close(entries);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* ---- reading details ------------------------------------------------------ */

static void test_bom_and_crlf(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    write_text(dir, "actors.csv", "\xEF\xBB\xBFid,name\r\na,\"Al\r\npha\"\r\nb,Beta\r\n");
    write_text(dir, "collaborations.csv", "\xEF\xBB\xBFsource,target,weight\r\na,b,2\r\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_int_equal(ecosys_dataset_actor_count(ds), 2);
    assert_string_equal(actor_field(ds, 0, "id"), "a");
    /* Line ends inside quotes are data, kept as they are. */
    assert_string_equal(actor_field(ds, 0, "name"), "Al\r\npha");
    assert_string_equal(actor_field(ds, 1, "name"), "Beta");
    assert_int_equal(ecosys_dataset_tie_count(ds), 1);
    assert_true(tie_weight(ds, 0) == 2.0);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_line_ends_at_end_of_file(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    /* No final line end; then trailing blank lines: both fine. */
    write_text(dir, "actors.csv", "id\na\nb");
    write_text(dir, "collaborations.csv", "source,target\na,b\n\n\r\n\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_int_equal(ecosys_dataset_actor_count(ds), 2);
    assert_int_equal(ecosys_dataset_tie_count(ds), 1);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_line_numbers_after_quoted_newlines(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    /* Actors: header on line 1, a on lines 2-4, b on lines 5-6. */
    write_text(dir, "actors.csv", "id,name\na,\"one\ntwo\nthree\"\nb,\"x\"\"\ny\"\n");
    write_text(dir, "collaborations.csv",
               "source,target,note\n"
               "a,b,\"multi\n"
               "line, \"\"quoted\"\"\n"
               "note\"\n"
               "b,a,ok\n"
               "a,nobody,x\n");
    /* The bad tie is on physical line 6, its target at column 3. */
    assert_read_fails(dir, ECOSYS_EPARSE, 6, 3, "unknown actor \"nobody\"");
    assert_string_equal(ecosys_error_last()->source,
                        ecosys_test_path(dir, "collaborations.csv"));

    write_text(dir, "collaborations.csv",
               "source,target,note\na,b,\"multi\nline, \"\"quoted\"\"\nnote\"\nb,a,ok\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_string_equal(actor_field(ds, 0, "name"), "one\ntwo\nthree");
    assert_string_equal(actor_field(ds, 1, "name"), "x\"\ny");
    assert_string_equal(tie_field(ds, 0, "note"), "multi\nline, \"quoted\"\nnote");
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_columns_in_any_order(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    write_text(dir, "actors.csv",
               "axes,extra,name,id,sector\n"
               "food,x1,Alpha,a,business\n"
               ",,Beta,b,public\n");
    write_text(dir, "collaborations.csv",
               "weight,end,target,note,source,start\n"
               ",,b,\"hello, world\",a,2019\n"
               "2.5,2020-01-01,a,,b,2019-06\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_string_equal(actor_field(ds, 0, "id"), "a");
    assert_string_equal(actor_field(ds, 0, "name"), "Alpha");
    assert_string_equal(actor_field(ds, 0, "sector"), "business");
    assert_string_equal(actor_field(ds, 0, "territory"), "");
    assert_string_equal(actor_field(ds, 0, "axes"), "food");
    assert_string_equal(actor_field(ds, 0, "extra"), "x1");
    assert_string_equal(actor_field(ds, 1, "extra"), "");
    assert_int_equal(ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS), 1);

    assert_string_equal(tie_field(ds, 0, "source"), "a");
    assert_string_equal(tie_field(ds, 0, "target"), "b");
    assert_true(tie_weight(ds, 0) == 1.0); /* empty weight means 1 */
    assert_string_equal(tie_field(ds, 0, "note"), "hello, world");
    assert_string_equal(tie_field(ds, 0, "start"), "2019");
    assert_string_equal(tie_field(ds, 0, "kind"), "");
    assert_true(tie_weight(ds, 1) == 2.5);
    assert_string_equal(tie_field(ds, 1, "end"), "2020-01-01");
    assert_string_equal(tie_field(ds, 1, "note"), "");
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_weights(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    write_text(dir, "actors.csv", basic_actors);
    write_text(dir, "collaborations.csv",
               "source,target,weight\n"
               "a,b,\n"
               "a,b,007\n"
               "a,b,+3\n"
               "a,b,0.1\n"
               "a,b,1e-300\n"
               "a,b,0x1p-2\n"
               "a,b,0\n"
               "a,b,4.9406564584124654e-324\n"
               "a,b,1.7976931348623157e308\n"
               "a,b,\"2\"\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    const double expected[] = {1, 7, 3, 0.1, 1e-300, 0.25, 0, 4.9406564584124654e-324, DBL_MAX,
                               2};
    assert_int_equal(ecosys_dataset_tie_count(ds), sizeof expected / sizeof *expected);
    for (size_t t = 0; t < sizeof expected / sizeof *expected; t++)
        assert_true(tie_weight(ds, t) == expected[t]);
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);
    ecosys_dataset_free(ds);
    ecosys_test_rmtree(dir);
    free(dir);
}

/* Puts @p piece at byte @p offset of a name field, padding before it, so
 * that it straddles the reader's 64 KiB block boundary. */
static void append_row_across(GString *file, const char *id, size_t offset, const char *piece)
{
    g_string_append_printf(file, "%s,\"", id);
    while (file->len < offset)
        g_string_append_c(file, 'x');
    g_string_append(file, piece);
    g_string_append(file, "\"\r\n");
}

static void test_fields_across_blocks(void **state)
{
    (void) state;
    const size_t block = 64 * 1024;
    GString *file = g_string_new("id,name\n");
    append_row_across(file, "a", block - 1, "\"\"");     /* an escaped quote */
    append_row_across(file, "b", 2 * block - 1, "é\r\n"); /* a 2-byte character */
    append_row_across(file, "c", 3 * block - 1, "");      /* the closing quote */
    /* A long unquoted field whose CRLF straddles the fourth boundary. */
    g_string_append(file, "d,");
    while (file->len < 4 * block - 1 - strlen("short"))
        g_string_append_c(file, 'y');
    g_string_append(file, "short\r\n");
    char *dir = ecosys_test_tmpdir();
    write_bytes(dir, "actors.csv", file->str, file->len);
    write_text(dir, "collaborations.csv", "source,target\na,d\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_int_equal(ecosys_dataset_actor_count(ds), 4);
    const char *a = actor_field(ds, 0, "name");
    assert_int_equal(strlen(a), block - 1 - strlen("id,name\na,\"") + 1);
    assert_string_equal(a + strlen(a) - 2, "x\"");
    const char *b = actor_field(ds, 1, "name");
    assert_string_equal(b + strlen(b) - 4, "é\r\n");
    assert_string_equal(actor_field(ds, 3, "name") + strlen(actor_field(ds, 3, "name")) - 6,
                        "yshort");
    ecosys_test_round_trip(ds, ECOSYS_FORMAT_CSV);
    ecosys_dataset_free(ds);

    /* An error after all that still has the right line and column: line 1
     * header, a: 2, b: 3-4, c: 5, d: 6, then line 7. */
    g_string_append(file, "e,\"ok\"x\n");
    write_bytes(dir, "actors.csv", file->str, file->len);
    assert_read_fails(dir, ECOSYS_EPARSE, 7, 7, "text after the closing quote");
    g_string_free(file, TRUE);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_many_rows(void **state)
{
    (void) state;
    /* More rows than one batch of the loader, with an error in the last. */
    char *dir = ecosys_test_tmpdir();
    GString *actors = g_string_new("id\n"), *ties = g_string_new("source,target,weight\n");
    for (int i = 0; i < 1000; i++) {
        g_string_append_printf(actors, "actor%d\n", i);
        g_string_append_printf(ties, "actor%d,actor%d,%d\n", i, (i * 7) % 1000, i % 5);
    }
    write_bytes(dir, "actors.csv", actors->str, actors->len);
    write_bytes(dir, "collaborations.csv", ties->str, ties->len);
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_int_equal(ecosys_dataset_actor_count(ds), 1000);
    assert_int_equal(ecosys_dataset_tie_count(ds), 1000);
    assert_string_equal(tie_field(ds, 999, "target"), "actor993");
    assert_true(tie_weight(ds, 999) == 4.0);
    ecosys_dataset_free(ds);

    /* A tokenizer error after good rows of the same batch, and a value
     * error before a tokenizer error: the first in the file wins. */
    g_string_append(ties, "actor1,actor2,1,extra\n");
    write_bytes(dir, "collaborations.csv", ties->str, ties->len);
    assert_read_fails(dir, ECOSYS_EPARSE, 1002, 17, "expected 3 fields, found 4");
    g_string_truncate(ties, ties->len - strlen("actor1,actor2,1,extra\n"));
    g_string_append(ties, "actor1,ghost,1\nactor1,actor2,1,extra\n");
    write_bytes(dir, "collaborations.csv", ties->str, ties->len);
    assert_read_fails(dir, ECOSYS_EPARSE, 1002, 8, "unknown actor \"ghost\"");

    g_string_free(actors, TRUE);
    g_string_free(ties, TRUE);
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_long_ids(void **state)
{
    (void) state;
    /* Ids and texts longer than the loader's inline key, sharing a prefix. */
    char *dir = ecosys_test_tmpdir();
    write_text(dir, "actors.csv",
               "id\n"
               "organisation-with-a-long-identifier-1\n"
               "organisation-with-a-long-identifier-2\n"
               "organisation-with-a-long-identifier-22\n");
    write_text(dir, "collaborations.csv",
               "source,target,kind\n"
               "organisation-with-a-long-identifier-2,organisation-with-a-long-identifier-1,"
               "a-long-kind-of-collaboration-1\n"
               "organisation-with-a-long-identifier-22,organisation-with-a-long-identifier-2,"
               "a-long-kind-of-collaboration-2\n"
               "organisation-with-a-long-identifier-1,organisation-with-a-long-identifier-22,"
               "a-long-kind-of-collaboration-1\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    const char *expected[][3] = {{"2", "1", "1"}, {"22", "2", "2"}, {"1", "22", "1"}};
    for (size_t t = 0; t < 3; t++) {
        const char *source = tie_field(ds, t, "source"), *target = tie_field(ds, t, "target");
        const char *kind = tie_field(ds, t, "kind");
        assert_string_equal(source + strlen("organisation-with-a-long-identifier-"),
                            expected[t][0]);
        assert_string_equal(target + strlen("organisation-with-a-long-identifier-"),
                            expected[t][1]);
        assert_string_equal(kind + strlen("a-long-kind-of-collaboration-"), expected[t][2]);
    }
    ecosys_dataset_free(ds);

    write_text(dir, "collaborations.csv",
               "source,target\n"
               "organisation-with-a-long-identifier-1,organisation-with-a-long-identifier-3\n");
    assert_read_fails(dir, ECOSYS_EPARSE, 2, 39, "unknown actor");
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_dataset_csv(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    write_text(dir, "actors.csv", basic_actors);
    write_text(dir, "collaborations.csv", "source,target\na,b\n");
    write_text(dir, "dataset.csv", "key,value\ndirected,true\n");
    ecosys_dataset *ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_true(ecosys_dataset_is_directed(ds));
    ecosys_dataset_free(ds);
    write_text(dir, "dataset.csv", "key,value\ndirected,false\n");
    ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_false(ecosys_dataset_is_directed(ds));
    ecosys_dataset_free(ds);
    write_text(dir, "dataset.csv", "key,value\n");
    ds = ecosys_test_read(dir, ECOSYS_FORMAT_CSV);
    assert_false(ecosys_dataset_is_directed(ds));
    ecosys_dataset_free(ds);
    write_text(dir, "dataset.csv", "key,value\ndirected,true\ndirected,true\n");
    assert_read_fails(dir, ECOSYS_EPARSE, 3, 1, "given twice");
    ecosys_test_rmtree(dir);
    free(dir);
}

static void test_not_a_directory(void **state)
{
    (void) state;
    char *dir = ecosys_test_tmpdir();
    write_text(dir, "actors.csv", basic_actors);
    char path[4096];
    snprintf(path, sizeof path, "%s/actors.csv", dir);
    assert_read_fails(path, ECOSYS_EIO, 0, 0, "not a directory");
    snprintf(path, sizeof path, "%s/missing", dir);
    assert_read_fails(path, ECOSYS_EIO, 0, 0, "no such directory");
    ecosys_test_rmtree(dir);
    free(dir);
}

/* ---- invalid input, one folder per case ----------------------------------------- */

static void test_invalid_cases(void **state)
{
    (void) state;
    /* Each case folder is the dataset directory itself. */
    size_t cases = ecosys_test_check_invalid_cases("csv", NULL, ECOSYS_FORMAT_CSV);
    assert_true(cases >= 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clermont),
        cmocka_unit_test(test_clermont_round_trip),
        cmocka_unit_test(test_tricky_round_trip),
        cmocka_unit_test(test_directed_round_trip),
        cmocka_unit_test(test_empty_dataset_round_trip),
        cmocka_unit_test(test_write_creates_directories),
        cmocka_unit_test(test_write_failure_cleans_up),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_line_ends_at_end_of_file),
        cmocka_unit_test(test_line_numbers_after_quoted_newlines),
        cmocka_unit_test(test_columns_in_any_order),
        cmocka_unit_test(test_weights),
        cmocka_unit_test(test_fields_across_blocks),
        cmocka_unit_test(test_many_rows),
        cmocka_unit_test(test_long_ids),
        cmocka_unit_test(test_dataset_csv),
        cmocka_unit_test(test_not_a_directory),
        cmocka_unit_test(test_invalid_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
