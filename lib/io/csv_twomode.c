/* The two-mode files of a CSV dataset directory (docs/formats.md, "Two-mode
 * files"): events.csv and participation.csv, read after actors.csv (the
 * participation rows name actors) and written beside the other files. */
#include "io/csv_twomode.h"

#include "core/error.h"
#include "graph/twomode_internal.h"
#include "io/csv_table.h"
#include "io/io_internal.h"

#include <glib.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const ecosys_i_csv_table events_table = {1, ECOSYS_TWOMODE_EVENTS, ecosys_i_event_fields,
                                               1, "id"};
static const ecosys_i_csv_table participation_table = {
    1, ECOSYS_TWOMODE_PARTICIPATION, ecosys_i_participation_fields, 2, "actor, event"};

static const char *const *fields_of(ecosys_twomode_table table)
{
    return table == ECOSYS_TWOMODE_EVENTS ? ecosys_i_event_fields
                                          : ecosys_i_participation_fields;
}

/* ---- events.csv -------------------------------------------------------------------- */

typedef struct lines {
    size_t *line; /* by event index: the line of its row */
    size_t capacity;
} lines;

static int add_event_row(ecosys_dataset *ds, lines *L, const ecosys_i_csv_reader *r,
                         const ecosys_i_csv_columns *map, const ecosys_i_csv_record *rec)
{
    ecosys_i_twomode *tm = ds->twomode;
    const ecosys_i_csv_field *id = &rec->fields[map->at[ECOSYS_I_EVENT_ID]];
    if (id->length == 0)
        return ecosys_i_csv_parse_error(r, id,
                                        "empty event id: every event needs a unique, non-empty id");
    size_t first = ecosys_i_twomode_find_event(tm, id->text, id->length);
    if (first != SIZE_MAX)
        return ecosys_i_csv_parse_error(r, id,
                                        "duplicate event id \"%.200s\" (first defined on line %zu)",
                                        id->text, L->line[first]);
    uint32_t field[ECOSYS_I_EVENT_FIELDS];
    for (int b = 0; b < ECOSYS_I_EVENT_FIELDS; b++) {
        field[b] = 0;
        if (map->at[b] == ECOSYS_I_CSV_NONE)
            continue;
        const ecosys_i_csv_field *f = &rec->fields[map->at[b]];
        int rc = ecosys_i_twomode_intern(&field[b], tm, f->text, f->length);
        if (rc)
            return ecosys_i_csv_located(rc, r, f, ecosys_i_event_fields[b]);
    }
    size_t index;
    int bad = ECOSYS_I_EVENT_ID;
    int rc = ecosys_i_twomode_add_event_interned(&index, tm, field, &bad);
    if (rc)
        return ecosys_i_csv_located(
            rc, r, &rec->fields[map->at[bad] == ECOSYS_I_CSV_NONE ? 0 : map->at[bad]],
            ecosys_i_event_fields[bad]);
    if (index >= L->capacity) {
        size_t capacity = ecosys_i_next_capacity(L->capacity, index + 1);
        if (ecosys_i_resize((void **) &L->line, capacity, sizeof *L->line))
            return ECOSYS_ENOMEM;
        L->capacity = capacity;
    }
    L->line[index] = rec->line;
    return ecosys_i_csv_set_attributes(map, ds, r, rec, index);
}

/* ---- participation.csv ---------------------------------------------------------- */

static int add_participation_row(ecosys_dataset *ds, const ecosys_i_csv_reader *r,
                                 const ecosys_i_csv_columns *map, const ecosys_i_csv_record *rec)
{
    const ecosys_i_csv_field *actor = &rec->fields[map->at[ECOSYS_I_PART_ACTOR]];
    const ecosys_i_csv_field *event = &rec->fields[map->at[ECOSYS_I_PART_EVENT]];
    if (actor->length == 0)
        return ecosys_i_csv_parse_error(r, actor, "empty actor id in column \"actor\"");
    ecosys_participation_info p;
    p.actor = ecosys_i_dataset_find_actor_hashed(ds, actor->text, actor->length,
                                                 ecosys_i_strpool_hash(actor->text,
                                                                       actor->length));
    if (p.actor == SIZE_MAX)
        return ecosys_i_csv_parse_error(r, actor,
                                        "unknown actor \"%.200s\" in column \"actor\": "
                                        "actors.csv has no actor with this id",
                                        actor->text);
    if (event->length == 0)
        return ecosys_i_csv_parse_error(r, event, "empty event id in column \"event\"");
    p.event = ecosys_i_twomode_find_event(ds->twomode, event->text, event->length);
    if (p.event == SIZE_MAX)
        return ecosys_i_csv_parse_error(r, event,
                                        "unknown event \"%.200s\" in column \"event\": "
                                        ECOSYS_I_EVENTS_FILE " has no event with this id",
                                        event->text);
    size_t index;
    int rc = ecosys_twomode_add_participation(&index, ds, &p);
    if (rc)
        return ecosys_i_csv_located(rc, r, actor, "actor");
    return ecosys_i_csv_set_attributes(map, ds, r, rec, index);
}

static int read_file(ecosys_dataset *ds, const char *path, ecosys_twomode_table table)
{
    ecosys_i_csv_reader *r = NULL;
    ecosys_i_csv_columns map = {0};
    lines L = {NULL, 0};
    ecosys_i_csv_record rec;
    int rc = ecosys_i_csv_open(&r, path);
    if (!rc)
        rc = ecosys_i_csv_read_header(&map, table == ECOSYS_TWOMODE_EVENTS ? &events_table
                                                                           : &participation_table,
                                      ds, r);
    while (!rc && (rc = ecosys_i_csv_read(r, &rec)) == 1)
        rc = table == ECOSYS_TWOMODE_EVENTS ? add_event_row(ds, &L, r, &map, &rec)
                                            : add_participation_row(ds, r, &map, &rec);
    ecosys_i_csv_columns_dispose(&map);
    free(L.line);
    ecosys_i_csv_close(r);
    return rc;
}

int ecosys_i_read_csv_twomode(ecosys_dataset *ds, const char *dir)
{
    char *events = ecosys_i_path_join(dir, ECOSYS_I_EVENTS_FILE);
    char *parts = ecosys_i_path_join(dir, ECOSYS_I_PARTICIPATION_FILE);
    if (!events || !parts) {
        free(events);
        free(parts);
        return ecosys_i_error_nomem();
    }
    int has_events = g_file_test(events, G_FILE_TEST_EXISTS);
    int has_parts = g_file_test(parts, G_FILE_TEST_EXISTS);
    int rc = 0;
    if (has_parts && !has_events)
        rc = ecosys_i_error_at(ECOSYS_EPARSE, parts, 1, 1,
                               ECOSYS_I_PARTICIPATION_FILE " needs " ECOSYS_I_EVENTS_FILE
                               " beside it: participation rows name events, and there is no "
                               ECOSYS_I_EVENTS_FILE " in this directory");
    else if (has_events && !ecosys_i_twomode_of(ds))
        rc = ECOSYS_ENOMEM;
    if (!rc && has_events)
        rc = read_file(ds, events, ECOSYS_TWOMODE_EVENTS);
    if (!rc && has_parts)
        rc = read_file(ds, parts, ECOSYS_TWOMODE_PARTICIPATION);
    free(events);
    free(parts);
    return rc;
}

/* ---- writing ------------------------------------------------------------------------ */

static int write_header(ecosys_i_csv_writer *w, const ecosys_dataset *ds,
                        ecosys_twomode_table table)
{
    const ecosys_i_twomode *tm = ecosys_i_twomode_get(ds);
    return ecosys_i_csv_write_header(w, fields_of(table), tm ? &tm->attributes[table] : NULL);
}

static int write_attributes(ecosys_i_csv_writer *w, const ecosys_dataset *ds,
                            ecosys_twomode_table table, size_t row)
{
    const ecosys_i_twomode *tm = ecosys_i_twomode_get(ds);
    return tm ? ecosys_i_csv_write_attributes(w, &tm->attributes[table], &tm->pool, row)
              : ecosys_i_csv_end_record(w);
}

static int write_events(ecosys_i_csv_writer *w, const ecosys_dataset *ds)
{
    int rc = write_header(w, ds, ECOSYS_TWOMODE_EVENTS);
    size_t count = ecosys_twomode_event_count(ds);
    for (size_t i = 0; i < count && !rc; i++) {
        ecosys_event_info e;
        ecosys_twomode_event(&e, ds, i);
        const char *fields[] = {e.id, e.name, e.date, e.axis, e.kind};
        for (size_t f = 0; f < ECOSYS_I_EVENT_FIELDS && !rc; f++)
            rc = ecosys_i_csv_write_field(w, fields[f]);
        if (!rc)
            rc = write_attributes(w, ds, ECOSYS_TWOMODE_EVENTS, i);
    }
    return rc ? rc : ecosys_i_csv_writer_finish(w);
}

static int write_participation(ecosys_i_csv_writer *w, const ecosys_dataset *ds)
{
    int rc = write_header(w, ds, ECOSYS_TWOMODE_PARTICIPATION);
    size_t count = ecosys_twomode_participation_count(ds);
    for (size_t i = 0; i < count && !rc; i++) {
        ecosys_participation_info p;
        ecosys_event_info e;
        ecosys_twomode_participation(&p, ds, i);
        ecosys_twomode_event(&e, ds, p.event);
        if (!(rc = ecosys_i_csv_write_field(w, ecosys_dataset_field(ds, ECOSYS_TABLE_ACTORS,
                                                                    p.actor, "id"))) &&
            !(rc = ecosys_i_csv_write_field(w, e.id)))
            rc = write_attributes(w, ds, ECOSYS_TWOMODE_PARTICIPATION, i);
    }
    return rc ? rc : ecosys_i_csv_writer_finish(w);
}

int ecosys_i_write_csv_twomode(ecosys_i_csv_writer **events, ecosys_i_csv_writer **parts,
                               const ecosys_dataset *ds, const char *events_path,
                               const char *parts_path)
{
    int rc;
    if ((rc = ecosys_i_csv_writer_open(events, events_path)) || (rc = write_events(*events, ds)) ||
        (rc = ecosys_i_csv_writer_open(parts, parts_path)))
        return rc;
    return write_participation(*parts, ds);
}

int ecosys_i_remove_csv_twomode(const char *events_path, const char *parts_path)
{
    const char *paths[] = {events_path, parts_path};
    for (int k = 0; k < 2; k++)
        if (unlink(paths[k]) != 0 && errno != ENOENT)
            return ecosys_i_error_at(ECOSYS_EIO, paths[k], 0, 0, "cannot remove: %s",
                                     strerror(errno));
    return 0;
}
