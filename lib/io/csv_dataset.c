/* CSV dataset directories (docs/formats.md, "CSV"): actors.csv, then
 * collaborations.csv, and the optional dataset.csv that marks a directed
 * dataset. The tokenizer (csv_reader.c) finds the fields; this file maps
 * columns to fields, validates every value and reports bad input at its
 * file, line and column. */
#include "io/io_internal.h"

#include "core/error.h"
#include "graph/dataset_internal.h"
#include "io/csv_table.h"
#include "io/csv_twomode.h"
#include "io/weight_text.h"

#include <glib.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ACTORS_FILE "actors.csv"
#define TIES_FILE "collaborations.csv"
#define META_FILE "dataset.csv"

static const ecosys_i_csv_table actors_table = {0, ECOSYS_TABLE_ACTORS, ecosys_i_actor_fields, 1,
                                               "id"};
static const ecosys_i_csv_table ties_table = {0, ECOSYS_TABLE_TIES, ecosys_i_tie_fields, 2,
                                             "source, target"};

/* ---- loading state -------------------------------------------------------------- */

/* The texts a tie column showed last (kind, axis, start, end): a column
 * takes few values (five kinds, a few axes, mostly empty ends), and
 * recognising a short text here costs a compare in a line of cache where
 * the pool costs a hash and a probe of its table and entries. Direct-mapped
 * by length and two bytes; holds pool indices, which never change. */
#define RECENT 32
#define RECENT_TEXT 23

typedef struct recent_text {
    uint32_t index;             /* pool index (an entry of length 0 is empty) */
    uint8_t length;
    char text[RECENT_TEXT];
} recent_text;

typedef struct loader {
    ecosys_dataset *ds;
    size_t *defined_on; /* by actor index: line of its row, for duplicate ids */
    size_t defined_capacity;
    recent_text recent[4][RECENT]; /* per tie text column */
} loader;

static recent_text *recent_slot(recent_text *column, const char *text, size_t length)
{
    unsigned char first = (unsigned char) text[0], last = (unsigned char) text[length - 1];
    return &column[(length * 7 + first * 3 + last) % RECENT];
}

/* Rows are processed in batches, and what the rows of a batch look up in the
 * dataset is looked up for the whole batch at once: with 100k+ actors each
 * lookup misses the cache, and overlapping the misses of a batch instead of
 * waiting for each in turn makes loading several times faster. */
#define BATCH 64

typedef struct batch_lookups {
    uint32_t id_hash[BATCH];  /* actor rows: hash of the id, its slot prefetched */
    uint32_t actor[BATCH][2]; /* tie rows: the actors of source and target */
    uint32_t text[BATCH][4];  /* tie rows: kind, axis, start and end in the pool, or
                               * ECOSYS_I_STRPOOL_NONE for a text new to it */
} batch_lookups;

/* ---- rows ----------------------------------------------------------------------- */

static const ecosys_i_csv_field *field_of(const ecosys_i_csv_record *rec,
                                          const ecosys_i_csv_columns *map, int builtin)
{
    return map->at[builtin] == ECOSYS_I_CSV_NONE ? NULL : &rec->fields[map->at[builtin]];
}

/* Interns a field of a built-in column: *out receives its pool index, 0
 * ("") for an empty field or a missing column. */
static int intern(uint32_t *out, loader *L, const ecosys_i_csv_reader *r,
                  const ecosys_i_csv_record *rec, const ecosys_i_csv_columns *map,
                  ecosys_table table, int builtin)
{
    const ecosys_i_csv_field *f = field_of(rec, map, builtin);
    *out = 0;
    if (!f || f->length == 0)
        return 0;
    /* Names are all but unique and never looked up: stored, not indexed. */
    int rc = table == ECOSYS_TABLE_ACTORS && builtin == ECOSYS_I_ACTOR_NAME
                 ? ecosys_i_dataset_store(out, L->ds, f->text, f->length)
                 : ecosys_i_dataset_intern(out, L->ds, f->text, f->length);
    return rc ? ecosys_i_csv_located(rc, r, f, map->table->fields[builtin]) : 0;
}

static int note_definition(loader *L, size_t row, size_t line)
{
    if (row >= L->defined_capacity) {
        size_t capacity = ecosys_i_next_capacity(L->defined_capacity, row + 1);
        if (ecosys_i_resize((void **) &L->defined_on, capacity, sizeof *L->defined_on))
            return ECOSYS_ENOMEM;
        L->defined_capacity = capacity;
    }
    L->defined_on[row] = line;
    return 0;
}

static int add_actor_row(loader *L, const ecosys_i_csv_reader *r,
                         const ecosys_i_csv_columns *map, const ecosys_i_csv_record *rec,
                         uint32_t hash)
{
    const ecosys_i_csv_field *id = field_of(rec, map, ECOSYS_I_ACTOR_ID);
    if (id->length == 0)
        return ecosys_i_csv_parse_error(r, id,
                                        "empty actor id: every actor needs a unique, non-empty id");
    ecosys_i_actor_row row;
    int rc = ecosys_i_dataset_intern_hashed(&row.field[ECOSYS_I_ACTOR_ID], L->ds, id->text,
                                            id->length, hash);
    if (rc)
        return ecosys_i_csv_located(rc, r, id, "id");
    size_t first = ecosys_i_dataset_actor_of(L->ds, row.field[ECOSYS_I_ACTOR_ID]);
    if (first != SIZE_MAX)
        return ecosys_i_csv_parse_error(r, id,
                                        "duplicate actor id \"%.200s\" (first defined on line %zu)",
                                        id->text, L->defined_on[first]);
    for (int f = ECOSYS_I_ACTOR_NAME; f < ECOSYS_I_ACTOR_FIELDS; f++)
        if ((rc = intern(&row.field[f], L, r, rec, map, ECOSYS_TABLE_ACTORS, f)))
            return rc;
    size_t index;
    if ((rc = ecosys_i_dataset_add_actor_interned(&index, L->ds, &row)))
        return ecosys_i_csv_located(rc, r, id, NULL);
    if ((rc = note_definition(L, index, rec->line)))
        return rc;
    return ecosys_i_csv_set_attributes(map, L->ds, r, rec, index);
}

/* A tie's end: @p actor is what the batch lookup found for it. */
static int find_end(size_t *out, const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                    uint32_t actor, const char *column)
{
    if (f->length == 0)
        return ecosys_i_csv_parse_error(r, f, "empty actor id in column \"%s\"", column);
    if (actor == ECOSYS_I_STRPOOL_NONE)
        return ecosys_i_csv_parse_error(r, f,
                                        "unknown actor \"%.200s\" in column \"%s\": %s has no "
                                        "actor with this id", f->text, column, ACTORS_FILE);
    *out = actor;
    return 0;
}

/* Most weights are small integers: read them exactly without strtod. */
static int small_integer(double *out, const char *text, size_t length)
{
    if (length > 9)
        return 0;
    uint32_t value = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] < '0' || text[i] > '9')
            return 0;
        value = value * 10 + (uint32_t) (text[i] - '0');
    }
    *out = value;
    return 1;
}

/* A weight follows io/weight_text.h; an empty field means 1, and spaces
 * around it are an error (CSV fields are taken as they are). */
static int parse_weight(double *out, const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f)
{
    *out = 1.0;
    if (!f || f->length == 0 || small_integer(out, f->text, f->length))
        return 0;
    const char *text = f->text;
    if (g_ascii_isspace(text[0]) || g_ascii_isspace(text[f->length - 1]))
        return ecosys_i_csv_parse_error(r, f,
                                        "column \"weight\": \"%.64s\" has leading or trailing "
                                        "spaces",
                                        text);
    ecosys_i_weight_status status = ecosys_i_weight_from_text(out, text, f->length);
    if (status != ECOSYS_I_WEIGHT_OK)
        return ecosys_i_csv_parse_error(r, f, "column \"weight\": \"%.64s\" %s", text,
                                        ecosys_i_weight_problem(status));
    return 0;
}

/* A tie's text field: @p found is its pool index from the batch lookup. */
static int tie_text(uint32_t *out, loader *L, const ecosys_i_csv_reader *r,
                    const ecosys_i_csv_record *rec, const ecosys_i_csv_columns *map, int builtin,
                    uint32_t found)
{
    *out = found;
    return found == ECOSYS_I_STRPOOL_NONE
               ? intern(out, L, r, rec, map, ECOSYS_TABLE_TIES, builtin)
               : 0;
}

/* The tie is validated by the dataset, as ecosys_dataset_add_tie() would;
 * only the texts of the actor ids and the weight are read here, so that their
 * errors say precisely what is wrong with the text. Row @p i of the batch. */
static int add_tie_row(loader *L, const ecosys_i_csv_reader *r, const ecosys_i_csv_columns *map,
                       const ecosys_i_csv_record *rec, const batch_lookups *b, size_t i)
{
    ecosys_i_tie_row tie;
    const uint32_t *text = b->text[i];
    int rc;
    if ((rc = find_end(&tie.source, r, field_of(rec, map, ECOSYS_I_TIE_SOURCE), b->actor[i][0],
                       "source")) ||
        (rc = find_end(&tie.target, r, field_of(rec, map, ECOSYS_I_TIE_TARGET), b->actor[i][1],
                       "target")) ||
        (rc = parse_weight(&tie.weight, r, field_of(rec, map, ECOSYS_I_TIE_WEIGHT))) ||
        (rc = tie_text(&tie.kind, L, r, rec, map, ECOSYS_I_TIE_KIND, text[0])) ||
        (rc = tie_text(&tie.axis, L, r, rec, map, ECOSYS_I_TIE_AXIS, text[1])) ||
        (rc = tie_text(&tie.start, L, r, rec, map, ECOSYS_I_TIE_START, text[2])) ||
        (rc = tie_text(&tie.end, L, r, rec, map, ECOSYS_I_TIE_END, text[3])))
        return rc;
    size_t index;
    int bad = ECOSYS_I_TIE_SOURCE;
    if ((rc = ecosys_i_dataset_add_tie_interned(&index, L->ds, &tie, &bad))) {
        if (bad == ECOSYS_I_TIE_ORDER) /* the end is what comes too early */
            bad = ECOSYS_I_TIE_END;
        const ecosys_i_csv_field *f = field_of(rec, map, bad);
        return ecosys_i_csv_located(rc, r, f ? f : &rec->fields[0], ecosys_i_tie_fields[bad]);
    }
    return ecosys_i_csv_set_attributes(map, L->ds, r, rec, index);
}

/* ---- files -------------------------------------------------------------------- */

/* A built-in field as a key to look up; a missing column reads "". */
static ecosys_i_strpool_key key_of(const ecosys_i_csv_record *rec,
                                   const ecosys_i_csv_columns *map, int builtin)
{
    const ecosys_i_csv_field *f = field_of(rec, map, builtin);
    return f ? (ecosys_i_strpool_key){f->text, f->length} : (ecosys_i_strpool_key){"", 0};
}

static void look_up_batch(batch_lookups *b, loader *L, const ecosys_i_csv_columns *map,
                          const ecosys_i_csv_record *batch, size_t count)
{
    if (map->table == &actors_table) {
        for (size_t i = 0; i < count; i++) {
            const ecosys_i_csv_field *f = field_of(&batch[i], map, ECOSYS_I_ACTOR_ID);
            b->id_hash[i] = ecosys_i_strpool_hash(f->text, f->length);
            ecosys_i_dataset_prefetch(L->ds, b->id_hash[i]);
        }
        return;
    }
    static const int text_fields[4] = {ECOSYS_I_TIE_KIND, ECOSYS_I_TIE_AXIS, ECOSYS_I_TIE_START,
                                       ECOSYS_I_TIE_END};
    ecosys_i_strpool_key ids[BATCH][2], texts[BATCH][4];
    uint32_t id_index[BATCH][2];
    for (size_t i = 0; i < count; i++) {
        ids[i][0] = key_of(&batch[i], map, ECOSYS_I_TIE_SOURCE);
        ids[i][1] = key_of(&batch[i], map, ECOSYS_I_TIE_TARGET);
        for (int k = 0; k < 4; k++)
            texts[i][k] = key_of(&batch[i], map, text_fields[k]);
    }
    ecosys_i_dataset_lookup_many(id_index[0], b->actor[0], L->ds, ids[0], 2 * count);
    /* Texts: "" is pool index 0; recent ones come from their column's
     * cache; only the others go to the pool, in one batch. */
    ecosys_i_strpool_key missed[BATCH * 4];
    uint32_t missed_at[BATCH * 4], missed_index[BATCH * 4];
    size_t misses = 0;
    for (size_t i = 0; i < count; i++) {
        for (int k = 0; k < 4; k++) {
            const ecosys_i_strpool_key *key = &texts[i][k];
            if (key->length == 0) {
                b->text[i][k] = 0;
                continue;
            }
            const recent_text *r = key->length <= RECENT_TEXT
                                       ? recent_slot(L->recent[k], key->text, key->length)
                                       : NULL;
            if (r && r->index != ECOSYS_I_STRPOOL_NONE && r->length == key->length &&
                memcmp(r->text, key->text, key->length) == 0) {
                b->text[i][k] = r->index;
                continue;
            }
            missed[misses] = *key;
            missed_at[misses++] = (uint32_t) (i * 4 + (size_t) k);
        }
    }
    ecosys_i_dataset_lookup_many(missed_index, NULL, L->ds, missed, misses);
    for (size_t j = 0; j < misses; j++) {
        size_t i = missed_at[j] / 4, k = missed_at[j] % 4;
        b->text[i][k] = missed_index[j];
        if (missed_index[j] == ECOSYS_I_STRPOOL_NONE || missed[j].length > RECENT_TEXT)
            continue; /* a new text is interned by its row, and met again later */
        recent_text *r = recent_slot(L->recent[k], missed[j].text, missed[j].length);
        r->index = missed_index[j];
        r->length = (uint8_t) missed[j].length;
        memcpy(r->text, missed[j].text, missed[j].length);
    }
}

/* Estimates the rows of the file from its size and its first batch, and
 * makes room for them (see ecosys_i_dataset_reserve()), with 1/16 more for
 * rows longer than the first ones. Only a hint: failures are ignored. */
static void reserve_rows(loader *L, const char *path, ecosys_table table,
                         const ecosys_i_csv_record *batch, size_t count)
{
    struct stat st;
    size_t bytes = 0;
    for (size_t i = 0; i < count; i++)
        for (size_t k = 0; k < batch[i].count; k++)
            bytes += batch[i].fields[k].length + 1; /* and its comma or line end */
    if (bytes == 0 || stat(path, &st) != 0 || st.st_size <= 0)
        return;
    double rows = (double) st.st_size / (double) bytes * (double) count * (1 + 1.0 / 16);
    if (rows >= (double) UINT32_MAX)
        return;
    size_t more = (size_t) rows;
    if (table == ECOSYS_TABLE_ACTORS)
        ecosys_i_dataset_reserve(L->ds, ecosys_dataset_actor_count(L->ds) + more, 0);
    else
        ecosys_i_dataset_reserve(L->ds, 0, ecosys_dataset_tie_count(L->ds) + more);
}

static int read_table(loader *L, const char *path, ecosys_table table)
{
    ecosys_i_csv_reader *r = NULL;
    ecosys_i_csv_columns map = {0};
    int rc = ecosys_i_csv_open(&r, path);
    if (!rc)
        rc = ecosys_i_csv_read_header(&map, table == ECOSYS_TABLE_ACTORS ? &actors_table
                                                                         : &ties_table,
                                      L->ds, r);
    ecosys_i_csv_record batch[BATCH];
    batch_lookups found;
    size_t count;
    int first = 1;
    while (!rc && !(rc = ecosys_i_csv_read_many(r, batch, BATCH, &count)) && count > 0) {
        if (first) {
            reserve_rows(L, path, table, batch, count);
            first = 0;
        }
        look_up_batch(&found, L, &map, batch, count);
        for (size_t i = 0; i < count && !rc; i++)
            rc = table == ECOSYS_TABLE_ACTORS
                     ? add_actor_row(L, r, &map, &batch[i], found.id_hash[i])
                     : add_tie_row(L, r, &map, &batch[i], &found, i);
    }
    ecosys_i_csv_columns_dispose(&map);
    ecosys_i_csv_close(r);
    return rc;
}

static int check_meta_header(const ecosys_i_csv_reader *r, const ecosys_i_csv_record *header)
{
    if (header->count == 2 && strcmp(header->fields[0].text, "key") == 0 &&
        strcmp(header->fields[1].text, "value") == 0)
        return 0;
    return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), 1, 1,
                             "expected the header row \"key,value\"");
}

static int apply_meta_row(ecosys_dataset *ds, const ecosys_i_csv_reader *r,
                          const ecosys_i_csv_record *rec, size_t *directed_line)
{
    const ecosys_i_csv_field *key = &rec->fields[0], *value = &rec->fields[1];
    if (strcmp(key->text, "directed") != 0)
        return ecosys_i_csv_parse_error(r, key, "unknown key \"%.200s\" (known keys: directed)",
                                        key->text);
    if (*directed_line)
        return ecosys_i_csv_parse_error(r, key, "key \"directed\" given twice (first on line %zu)",
                                        *directed_line);
    *directed_line = rec->line;
    if (strcmp(value->text, "true") != 0 && strcmp(value->text, "false") != 0)
        return ecosys_i_csv_parse_error(r, value,
                                        "\"directed\" must be true or false, not \"%.200s\"",
                                        value->text);
    ecosys_dataset_set_directed(ds, value->text[0] == 't');
    return 0;
}

/* dataset.csv is optional: without it a dataset is undirected. */
static int read_meta(ecosys_dataset *ds, const char *path)
{
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return 0;
    ecosys_i_csv_reader *r = NULL;
    ecosys_i_csv_record rec;
    size_t directed_line = 0;
    int rc = ecosys_i_csv_open(&r, path);
    if (!rc && (rc = ecosys_i_csv_read(r, &rec)) == 0)
        rc = ecosys_i_error_at(ECOSYS_EPARSE, path, 1, 1,
                               "empty file: expected a header row \"key,value\"");
    if (rc == 1 && !(rc = check_meta_header(r, &rec)))
        ecosys_i_csv_expect_fields(r, 2);
    while (!rc && (rc = ecosys_i_csv_read(r, &rec)) == 1)
        rc = apply_meta_row(ds, r, &rec, &directed_line);
    ecosys_i_csv_close(r);
    return rc;
}

int ecosys_i_read_csv_dir(ecosys_dataset **out, const char *dir)
{
    *out = NULL;
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR))
        return ecosys_i_error_at(ECOSYS_EIO, dir, 0, 0,
                                 g_file_test(dir, G_FILE_TEST_EXISTS)
                                     ? "not a directory: a CSV dataset is a directory holding "
                                       ACTORS_FILE " and " TIES_FILE
                                     : "no such directory");
    loader L = {0};
    int rc = ecosys_dataset_new(&L.ds, 0);
    if (rc)
        return rc;
    char *actors = ecosys_i_path_join(dir, ACTORS_FILE);
    char *ties = ecosys_i_path_join(dir, TIES_FILE);
    char *meta = ecosys_i_path_join(dir, META_FILE);
    if (!actors || !ties || !meta)
        rc = ecosys_i_error_nomem();
    else if (!(rc = read_table(&L, actors, ECOSYS_TABLE_ACTORS)) &&
        !(rc = read_table(&L, ties, ECOSYS_TABLE_TIES)) && !(rc = read_meta(L.ds, meta)))
        rc = ecosys_i_read_csv_twomode(L.ds, dir); /* events.csv, participation.csv */
    free(actors);
    free(ties);
    free(meta);
    free(L.defined_on);
    if (rc) {
        ecosys_dataset_free(L.ds);
        return rc;
    }
    *out = L.ds;
    return 0;
}

