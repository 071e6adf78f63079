/* CSV dataset directories (docs/formats.md, "CSV"): actors.csv, then
 * collaborations.csv, and the optional dataset.csv that marks a directed
 * dataset. The tokenizer (csv_reader.c) finds the fields; this file maps
 * columns to fields, validates every value and reports bad input at its
 * file, line and column. */
/* For MADV_HUGEPAGE (see allocate_slots()), hidden by _POSIX_C_SOURCE. */
#define _DEFAULT_SOURCE

#include "io/io_internal.h"

#include "core/error.h"
#include "graph/dataset_internal.h"
#include "io/csv_reader.h"

#include <glib.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define ACTORS_FILE "actors.csv"
#define TIES_FILE "collaborations.csv"
#define META_FILE "dataset.csv"

#define NONE SIZE_MAX

/* Indices into ecosys_i_actor_fields / ecosys_i_tie_fields. */
enum { ACTOR_ID, ACTOR_NAME, ACTOR_SECTOR, ACTOR_TERRITORY, ACTOR_AXES };
enum { TIE_SOURCE, TIE_TARGET, TIE_WEIGHT, TIE_KIND, TIE_AXIS, TIE_START, TIE_END };
#define MAX_BUILTINS 7

/* Where the columns of one file go, from its header row. */
typedef struct column_map {
    ecosys_table table;
    size_t at[MAX_BUILTINS]; /* column of each built-in field, or NONE */
    size_t attr_count;       /* columns kept as free attributes: */
    size_t *attr_column;     /*   their column in the file */
    size_t *attr_index;      /*   their attribute index in the dataset */
} column_map;

static void column_map_dispose(column_map *map)
{
    free(map->attr_column);
    free(map->attr_index);
}

static const char *const *builtin_fields(ecosys_table table)
{
    return table == ECOSYS_TABLE_ACTORS ? ecosys_i_actor_fields : ecosys_i_tie_fields;
}

static const char *required_columns(ecosys_table table)
{
    return table == ECOSYS_TABLE_ACTORS ? "id" : "source, target";
}

static const char *basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- errors ----------------------------------------------------------------- */

static int parse_error_at(const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                          const char *format, ...) ECOSYS_I_PRINTF(3, 4);

static int parse_error_at(const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                          const char *format, ...)
{
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), f->line, f->column, "%s",
                             message);
}

/* Re-records the error just raised by a dataset call as found in the file
 * at @p f, keeping its message and naming the column. The values came from
 * the file, so a rejected value (EINVAL, EEXISTS) is bad input: EPARSE.
 * Out of memory and the pool's size limit keep their code. */
static int located(int rc, const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                   const char *column)
{
    if (rc == ECOSYS_ENOMEM)
        return rc;
    char message[1024];
    snprintf(message, sizeof message, "%s", ecosys_error_last()->message);
    int code = rc == ECOSYS_EINVAL || rc == ECOSYS_EEXISTS ? ECOSYS_EPARSE : rc;
    if (column)
        return ecosys_i_error_at(code, ecosys_i_csv_path(r), f->line, f->column,
                                 "column \"%s\": %s", column, message);
    return ecosys_i_error_at(code, ecosys_i_csv_path(r), f->line, f->column, "%s", message);
}

/* ---- the header row ----------------------------------------------------------- */

static int builtin_index(ecosys_table table, const char *name)
{
    const char *const *fields = builtin_fields(table);
    for (int i = 0; fields[i]; i++)
        if (strcmp(fields[i], name) == 0)
            return i;
    return -1;
}

/* Maps header column @p k; @p seen maps names met so far to column + 1. */
static int map_column(column_map *map, ecosys_dataset *ds, const ecosys_i_csv_reader *r,
                      const ecosys_i_csv_field *f, size_t k, GHashTable *seen)
{
    if (f->length == 0)
        return parse_error_at(r, f, "empty column name in the header");
    gpointer first = g_hash_table_lookup(seen, f->text);
    if (first)
        return parse_error_at(r, f, "duplicate column \"%.200s\": the header already names it "
                              "in field %zu", f->text, GPOINTER_TO_SIZE(first));
    g_hash_table_insert(seen, (gpointer) f->text, GSIZE_TO_POINTER(k + 1));
    int builtin = builtin_index(map->table, f->text);
    if (builtin >= 0) {
        map->at[builtin] = k;
        return 0;
    }
    size_t attr;
    int rc = ecosys_dataset_add_attribute(&attr, ds, map->table, f->text);
    if (rc)
        return located(rc, r, f, NULL);
    map->attr_column[map->attr_count] = k;
    map->attr_index[map->attr_count++] = attr;
    return 0;
}

/* A header name that differs from a required one only by case or spaces
 * is almost certainly meant as it: say so. */
static const char *near_miss(const ecosys_i_csv_record *header, const char *wanted)
{
    for (size_t k = 0; k < header->count; k++) {
        char *stripped = g_strstrip(g_strdup(header->fields[k].text));
        int same = g_ascii_strcasecmp(stripped, wanted) == 0;
        g_free(stripped);
        if (same)
            return header->fields[k].text;
    }
    return NULL;
}

static int check_required(const column_map *map, const ecosys_i_csv_reader *r,
                          const ecosys_i_csv_record *header)
{
    int required = map->table == ECOSYS_TABLE_ACTORS ? 1 : 2; /* id; source, target */
    for (int b = 0; b < required; b++) {
        if (map->at[b] != NONE)
            continue;
        const char *name = builtin_fields(map->table)[b];
        const char *miss = near_miss(header, name);
        char hint[300] = "";
        if (miss)
            snprintf(hint, sizeof hint,
                     "; found \"%.200s\", but column names are exact and case-sensitive", miss);
        return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), 1, 1,
                                 "missing required column \"%s\" (%s needs the columns: %s)%s",
                                 name, basename_of(ecosys_i_csv_path(r)),
                                 required_columns(map->table), hint);
    }
    return 0;
}

static int read_header(column_map *map, ecosys_dataset *ds, ecosys_i_csv_reader *r)
{
    ecosys_i_csv_record header;
    int rc = ecosys_i_csv_read(r, &header);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return ecosys_i_error_at(ECOSYS_EPARSE, ecosys_i_csv_path(r), 1, 1,
                                 "empty file: expected a header row naming the columns (at "
                                 "least: %s)",
                                 required_columns(map->table));
    for (size_t b = 0; b < MAX_BUILTINS; b++)
        map->at[b] = NONE;
    map->attr_column = malloc(header.count * sizeof *map->attr_column);
    map->attr_index = malloc(header.count * sizeof *map->attr_index);
    if (!map->attr_column || !map->attr_index)
        return ecosys_i_error_nomem();
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    rc = 0;
    for (size_t k = 0; k < header.count && !rc; k++)
        rc = map_column(map, ds, r, &header.fields[k], k, seen);
    g_hash_table_destroy(seen);
    if (rc)
        return rc;
    ecosys_i_csv_expect_fields(r, header.count);
    return check_required(map, r, &header);
}

/* ---- fast lookups ------------------------------------------------------------- */

/* Why not GHashTable: a 5M-tie file makes 6 lookups per row (two actor ids,
 * kind, axis, start, end), and with 100k+ actors each id lookup misses the
 * cache. GLib's table keeps hashes, keys and values in three arrays and the
 * key text elsewhere again: up to four cache misses per lookup. Here one
 * 24-byte slot holds the hash, the value and the key's first 16 bytes, so a
 * lookup of an id or a date touches one cache line, and the table is small.
 * A longer key is found from the value (an actor index or a text number). */
#define INLINE_KEY 16
#define EMPTY_SLOT UINT32_MAX /* as a value: no actor or pool index is that large */

typedef struct str_slot {
    uint32_t hash;
    uint32_t value;        /* EMPTY_SLOT for a free slot */
    char head[INLINE_KEY]; /* the key's first bytes, NUL-padded */
} str_slot;

typedef struct str_table {
    str_slot *slots;
    size_t mask; /* capacity - 1; capacity is a power of two */
    size_t count;
    const ecosys_i_strpool *pool;
    uint32_t *const *to_pool; /* (*to_pool)[value] is the key's pool index; the array may move */
} str_table;

static uint32_t hash_text(const char *text, size_t length)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ length;
    for (; length >= 8; text += 8, length -= 8) {
        uint64_t word;
        memcpy(&word, text, 8);
        h = (h ^ word) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    uint64_t word = 0;
    memcpy(&word, text, length);
    h = (h ^ word) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    return (uint32_t) h;
}

static const char *key_of(const str_table *t, uint32_t value)
{
    return ecosys_i_strpool_get(t->pool, (*t->to_pool)[value]);
}

static int slot_holds(const str_table *t, const str_slot *slot, const char *text, size_t length)
{
    size_t head = length < INLINE_KEY ? length + 1 : INLINE_KEY; /* with the NUL if it fits */
    for (size_t i = 0; i < head; i++)
        if (slot->head[i] != text[i])
            return 0;
    return length < INLINE_KEY || strcmp(key_of(t, slot->value) + INLINE_KEY,
                                         text + INLINE_KEY) == 0;
}

/* Returns the slot holding @p text, or the empty slot where it belongs. */
static str_slot *str_table_slot(const str_table *t, const char *text, size_t length,
                                uint32_t hash)
{
    for (size_t i = hash & t->mask;; i = (i + 1) & t->mask) {
        str_slot *slot = &t->slots[i];
        if (slot->value == EMPTY_SLOT ||
            (slot->hash == hash && slot_holds(t, slot, text, length)))
            return slot;
    }
}

/* Large tables are looked up at random, one TLB miss per lookup with 4 KiB
 * pages (and a costly one under virtualisation): on Linux, ask for 2 MiB
 * pages, which cover the table with a few TLB entries. */
#define HUGE_PAGE ((size_t) 2 << 20)

static str_slot *allocate_slots(size_t capacity)
{
    size_t size = capacity * sizeof(str_slot);
#if defined(MADV_HUGEPAGE)
    if (size >= HUGE_PAGE) {
        size = (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        str_slot *slots = aligned_alloc(HUGE_PAGE, size);
        if (slots)
            madvise(slots, size, MADV_HUGEPAGE); /* only advice: failure is harmless */
        return slots;
    }
#endif
    return malloc(size);
}

static int str_table_grow(str_table *t)
{
    size_t capacity = t->slots ? (t->mask + 1) * 2 : 1024;
    if (capacity > SIZE_MAX / 2 / sizeof(str_slot))
        return ecosys_i_error_nomem();
    str_slot *slots = allocate_slots(capacity);
    if (!slots)
        return ecosys_i_error_nomem();
    memset(slots, 0xFF, capacity * sizeof *slots); /* every value EMPTY_SLOT */
    size_t mask = capacity - 1;
    for (size_t i = 0; t->slots && i <= t->mask; i++) {
        const str_slot *old = &t->slots[i];
        if (old->value == EMPTY_SLOT)
            continue;
        size_t k = old->hash & mask; /* keys are distinct: the first free slot */
        while (slots[k].value != EMPTY_SLOT)
            k = (k + 1) & mask;
        slots[k] = *old;
    }
    free(t->slots);
    t->slots = slots;
    t->mask = mask;
    return 0;
}

static int str_table_init(str_table *t, const ecosys_i_strpool *pool, uint32_t *const *to_pool)
{
    *t = (str_table){.pool = pool, .to_pool = to_pool};
    return str_table_grow(t);
}

/* Stores a key in the empty @p slot found by str_table_slot(); may move
 * the slots. */
static int str_table_insert(str_table *t, str_slot *slot, const char *key, size_t length,
                            uint32_t hash, uint32_t value)
{
    slot->hash = hash;
    slot->value = value;
    memset(slot->head, 0, INLINE_KEY);
    memcpy(slot->head, key, length < INLINE_KEY ? length : INLINE_KEY);
    t->count++;
    return t->count * 2 > t->mask ? str_table_grow(t) : 0; /* load factor <= 1/2 */
}

/* ---- loading state -------------------------------------------------------------- */

#define DATE_UNKNOWN INT32_MIN /* no real date maps to it: years start at 1 */

typedef struct date_bounds {
    int32_t first, last; /* days since 1970-01-01; first is DATE_UNKNOWN until parsed */
} date_bounds;

typedef struct loader {
    ecosys_dataset *ds;
    str_table actors;       /* actor id -> actor index */
    str_table texts;        /* text of a tie field -> text number, in order of appearance */
    uint32_t *text_pool;    /* by text number: its pool index */
    date_bounds *text_date; /* by text number: the days it covers, once parsed as a date */
    size_t text_count, text_capacity;
    size_t *defined_on; /* by actor index: line of its row, for duplicate ids */
    size_t defined_capacity;
} loader;

static int loader_init(loader *L)
{
    *L = (loader){0};
    int rc = ecosys_dataset_new(&L->ds, 0);
    if (!rc && !(rc = str_table_init(&L->actors, &L->ds->pool, &L->ds->actor_id)))
        rc = str_table_init(&L->texts, &L->ds->pool, &L->text_pool);
    return rc;
}

static void loader_dispose(loader *L)
{
    free(L->actors.slots);
    free(L->texts.slots);
    free(L->text_pool);
    free(L->text_date);
    free(L->defined_on);
}

static int add_text(loader *L, uint32_t pool_index)
{
    if (L->text_count == L->text_capacity) {
        size_t capacity = ecosys_i_next_capacity(L->text_capacity, L->text_count + 1);
        if (ecosys_i_resize((void **) &L->text_pool, capacity, sizeof *L->text_pool) ||
            ecosys_i_resize((void **) &L->text_date, capacity, sizeof *L->text_date))
            return ECOSYS_ENOMEM;
        L->text_capacity = capacity;
    }
    L->text_pool[L->text_count] = pool_index;
    L->text_date[L->text_count].first = DATE_UNKNOWN;
    L->text_count++;
    return 0;
}

/* Interns a tie's text field: *pool_index receives its pool index (0, ""
 * for an empty field or a missing column), *number its text number. */
static int intern(uint32_t *pool_index, uint32_t *number, loader *L,
                  const ecosys_i_csv_field *f)
{
    *pool_index = 0;
    if (!f || f->length == 0)
        return 0;
    uint32_t hash = hash_text(f->text, f->length);
    str_slot *slot = str_table_slot(&L->texts, f->text, f->length, hash);
    if (slot->value == EMPTY_SLOT) {
        int rc;
        if ((rc = ecosys_i_strpool_intern(pool_index, &L->ds->pool, f->text)) ||
            (rc = add_text(L, *pool_index)))
            return rc;
        *number = (uint32_t) (L->text_count - 1);
        return str_table_insert(&L->texts, slot, f->text, f->length, hash, *number);
    }
    *number = slot->value;
    *pool_index = L->text_pool[*number];
    return 0;
}

/* The days a date field covers, parsed once per distinct text. */
static int date_of(date_bounds *out, loader *L, const ecosys_i_csv_reader *r,
                   const ecosys_i_csv_field *f, uint32_t number, const char *column)
{
    date_bounds *d = &L->text_date[number];
    if (d->first == DATE_UNKNOWN && ecosys_date_parse(&d->first, &d->last, f->text)) {
        d->first = DATE_UNKNOWN;
        return located(ECOSYS_EINVAL, r, f, column);
    }
    *out = *d;
    return 0;
}

/* ---- rows ----------------------------------------------------------------------- */

static const ecosys_i_csv_field *field_of(const ecosys_i_csv_record *rec, const column_map *map,
                                          int builtin)
{
    return map->at[builtin] == NONE ? NULL : &rec->fields[map->at[builtin]];
}

static const char *text_of(const ecosys_i_csv_record *rec, const column_map *map, int builtin)
{
    return map->at[builtin] == NONE ? "" : rec->fields[map->at[builtin]].text;
}

static int set_attributes(ecosys_dataset *ds, const ecosys_i_csv_reader *r,
                          const column_map *map, const ecosys_i_csv_record *rec, size_t row)
{
    for (size_t a = 0; a < map->attr_count; a++) {
        const ecosys_i_csv_field *f = &rec->fields[map->attr_column[a]];
        if (f->length == 0) /* unset values read "" already */
            continue;
        int rc = ecosys_dataset_set_attribute(ds, map->table, row, map->attr_index[a], f->text);
        if (rc)
            return located(rc, r, f, ecosys_dataset_attribute_name(ds, map->table,
                                                                   map->attr_index[a]));
    }
    return 0;
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

static int add_actor_row(loader *L, const ecosys_i_csv_reader *r, const column_map *map,
                         const ecosys_i_csv_record *rec, uint32_t hash)
{
    const ecosys_i_csv_field *id = field_of(rec, map, ACTOR_ID);
    if (id->length == 0)
        return parse_error_at(r, id, "empty actor id: every actor needs a unique, non-empty id");
    str_slot *slot = str_table_slot(&L->actors, id->text, id->length, hash);
    if (slot->value != EMPTY_SLOT)
        return parse_error_at(r, id, "duplicate actor id \"%.200s\" (first defined on line %zu)",
                              id->text, L->defined_on[slot->value]);
    ecosys_actor_info actor = {id->text, text_of(rec, map, ACTOR_NAME),
                               text_of(rec, map, ACTOR_SECTOR),
                               text_of(rec, map, ACTOR_TERRITORY), text_of(rec, map, ACTOR_AXES)};
    size_t row;
    int rc = ecosys_dataset_add_actor(&row, L->ds, &actor);
    if (rc)
        return located(rc, r, id, NULL);
    if ((rc = note_definition(L, row, rec->line)) ||
        (rc = str_table_insert(&L->actors, slot, id->text, id->length, hash, (uint32_t) row)))
        return rc;
    return set_attributes(L->ds, r, map, rec, row);
}

static int find_end(size_t *out, const loader *L, const ecosys_i_csv_reader *r,
                    const ecosys_i_csv_field *f, uint32_t hash, const char *column)
{
    if (f->length == 0)
        return parse_error_at(r, f, "empty actor id in column \"%s\"", column);
    str_slot *slot = str_table_slot(&L->actors, f->text, f->length, hash);
    if (slot->value == EMPTY_SLOT)
        return parse_error_at(r, f, "unknown actor \"%.200s\" in column \"%s\": %s has no actor "
                              "with this id", f->text, column, ACTORS_FILE);
    *out = slot->value;
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

/* A weight is a plain decimal (or hexadecimal) number, finite and >= 0;
 * an empty field means 1. g_ascii_strtod ignores the C locale, which a
 * host program may have set to use decimal commas. */
static int parse_weight(double *out, const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f)
{
    *out = 1.0;
    if (!f || f->length == 0 || small_integer(out, f->text, f->length))
        return 0;
    const char *text = f->text;
    if (g_ascii_isspace(text[0]) || g_ascii_isspace(text[f->length - 1]))
        return parse_error_at(r, f, "column \"weight\": \"%.64s\" has leading or trailing spaces",
                              text);
    char *end;
    errno = 0;
    double weight = g_ascii_strtod(text, &end);
    if (end != text + f->length)
        return parse_error_at(r, f, "column \"weight\": \"%.64s\" is not a number", text);
    if (!isfinite(weight))
        return parse_error_at(r, f, "column \"weight\": %.64s is not finite (weights must be "
                              "finite numbers >= 0)", text);
    if (weight == 0 && errno == ERANGE)
        return parse_error_at(r, f, "column \"weight\": %.64s is too small to represent (it "
                              "would become 0)", text);
    if (weight < 0)
        return parse_error_at(r, f, "column \"weight\": %.64s is negative (weights must be >= 0)",
                              text);
    *out = weight;
    return 0;
}

/* Text fields of a tie as pool indices, dates checked. */
typedef struct tie_texts {
    uint32_t kind, axis, start, end;
} tie_texts;

static int read_tie_texts(tie_texts *out, loader *L, const ecosys_i_csv_reader *r,
                          const ecosys_i_csv_record *rec, const column_map *map)
{
    const ecosys_i_csv_field *start = field_of(rec, map, TIE_START);
    const ecosys_i_csv_field *end = field_of(rec, map, TIE_END);
    date_bounds from = {INT32_MIN, INT32_MIN}, to = {INT32_MAX, INT32_MAX};
    uint32_t number, start_number = 0, end_number = 0;
    int rc;
    if ((rc = intern(&out->kind, &number, L, field_of(rec, map, TIE_KIND))) ||
        (rc = intern(&out->axis, &number, L, field_of(rec, map, TIE_AXIS))) ||
        (rc = intern(&out->start, &start_number, L, start)) ||
        (rc = intern(&out->end, &end_number, L, end)) ||
        (out->start && (rc = date_of(&from, L, r, start, start_number, "start"))) ||
        (out->end && (rc = date_of(&to, L, r, end, end_number, "end"))))
        return rc;
    if (to.last < from.first)
        return parse_error_at(r, end, "column \"end\": end \"%s\" is before start \"%s\"",
                              end->text, start->text);
    return 0;
}

/* Every value is checked above as ecosys_dataset_add_tie() would (actor
 * indices, weight, UTF-8 by the tokenizer, dates); the tie is then appended
 * with empty texts and its interned texts stored directly, which spares a
 * second validation and four hash lookups per row. */
static int add_tie_row(loader *L, const ecosys_i_csv_reader *r, const column_map *map,
                       const ecosys_i_csv_record *rec, const uint32_t end_hash[2])
{
    ecosys_tie_info tie = {0};
    tie_texts texts;
    int rc;
    if ((rc = find_end(&tie.source, L, r, field_of(rec, map, TIE_SOURCE), end_hash[0],
                       "source")) ||
        (rc = find_end(&tie.target, L, r, field_of(rec, map, TIE_TARGET), end_hash[1],
                       "target")) ||
        (rc = parse_weight(&tie.weight, r, field_of(rec, map, TIE_WEIGHT))) ||
        (rc = read_tie_texts(&texts, L, r, rec, map)))
        return rc;
    size_t row;
    if ((rc = ecosys_dataset_add_tie(&row, L->ds, &tie)))
        return located(rc, r, &rec->fields[0], NULL);
    L->ds->tie_kind[row] = texts.kind;
    L->ds->tie_axis[row] = texts.axis;
    L->ds->tie_start[row] = texts.start;
    L->ds->tie_end[row] = texts.end;
    return set_attributes(L->ds, r, map, rec, row);
}

/* ---- files -------------------------------------------------------------------- */

/* Rows are processed in batches: before a batch is added, the slots of all
 * its actor ids are requested from memory at once. With 100k+
 * actors each lookup misses the cache; overlapping the misses of a batch
 * instead of waiting for each in turn makes loading ties several times
 * faster. */
#define BATCH 64

#if defined(__GNUC__)
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void) (address))
#endif

/* Hashes the actor ids of a batch (the id of each actor row, the source and
 * target of each tie row) and asks for their slots. */
static void prefetch_ids(uint32_t (*hashes)[2], const loader *L, const column_map *map,
                         const ecosys_i_csv_record *batch, size_t count)
{
    static const int actor_ids[] = {ACTOR_ID}, tie_ids[] = {TIE_SOURCE, TIE_TARGET};
    const int *ids = map->table == ECOSYS_TABLE_ACTORS ? actor_ids : tie_ids;
    int id_count = map->table == ECOSYS_TABLE_ACTORS ? 1 : 2;
    for (size_t i = 0; i < count; i++) {
        for (int e = 0; e < id_count; e++) {
            const ecosys_i_csv_field *f = field_of(&batch[i], map, ids[e]);
            hashes[i][e] = hash_text(f->text, f->length);
            PREFETCH(&L->actors.slots[hashes[i][e] & L->actors.mask]);
        }
    }
}

static int read_table(loader *L, const char *path, ecosys_table table)
{
    ecosys_i_csv_reader *r = NULL;
    column_map map = {.table = table};
    int rc = ecosys_i_csv_open(&r, path);
    if (!rc)
        rc = read_header(&map, L->ds, r);
    ecosys_i_csv_record batch[BATCH];
    uint32_t hashes[BATCH][2];
    size_t count;
    while (!rc && !(rc = ecosys_i_csv_read_many(r, batch, BATCH, &count)) && count > 0) {
        prefetch_ids(hashes, L, &map, batch, count);
        for (size_t i = 0; i < count && !rc; i++)
            rc = table == ECOSYS_TABLE_ACTORS
                     ? add_actor_row(L, r, &map, &batch[i], hashes[i][0])
                     : add_tie_row(L, r, &map, &batch[i], hashes[i]);
    }
    column_map_dispose(&map);
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
        return parse_error_at(r, key, "unknown key \"%.200s\" (known keys: directed)", key->text);
    if (*directed_line)
        return parse_error_at(r, key, "key \"directed\" given twice (first on line %zu)",
                              *directed_line);
    *directed_line = rec->line;
    if (strcmp(value->text, "true") != 0 && strcmp(value->text, "false") != 0)
        return parse_error_at(r, value, "\"directed\" must be true or false, not \"%.200s\"",
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
    loader L;
    int rc = loader_init(&L);
    if (rc) {
        ecosys_dataset_free(L.ds);
        loader_dispose(&L);
        return rc;
    }
    char *actors = g_build_filename(dir, ACTORS_FILE, NULL);
    char *ties = g_build_filename(dir, TIES_FILE, NULL);
    char *meta = g_build_filename(dir, META_FILE, NULL);
    if (!(rc = read_table(&L, actors, ECOSYS_TABLE_ACTORS)) &&
        !(rc = read_table(&L, ties, ECOSYS_TABLE_TIES)))
        rc = read_meta(L.ds, meta);
    g_free(actors);
    g_free(ties);
    g_free(meta);
    loader_dispose(&L);
    if (rc) {
        ecosys_dataset_free(L.ds);
        return rc;
    }
    *out = L.ds;
    return 0;
}

