/* Writing CSV: one file through a temporary file (see csv_writer.h), and
 * a whole dataset directory, ecosys_i_write_csv_dir() (docs/formats.md). */
#include "io/csv_writer.h"

#include "core/error.h"
#include "graph/dataset_internal.h"
#include "io/io_internal.h"
#include "io/csv_twomode.h"

#include <glib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUFFER_SIZE (64 * 1024)

struct ecosys_i_csv_writer {
    char *path;     /* the target */
    char *tmp_path; /* where the records go until commit */
    FILE *file;     /* NULL once finished */
    char *buffer;   /* records are assembled here and written in big blocks */
    size_t len;
    int at_record_start;
    int error; /* sticky: 0 or the first failure's code */
};

/* Tells temporary names apart between threads of one process. */
static atomic_uint tmp_counter;

static int io_error(ecosys_i_csv_writer *w, const char *what, int err)
{
    if (!w->error)
        w->error = ecosys_i_error_at(ecosys_i_io_code(err), w->path, 0, 0, "%s: %s", what, strerror(err));
    return w->error;
}

/* Creates the temporary file with the permissions a plain fopen(path, "w")
 * would give (0666 less the umask), which mkstemp's 0600 would not. */
static int create_tmp(ecosys_i_csv_writer *w)
{
    size_t length = strlen(w->path) + 64; /* ".<pid>.<counter>.tmp" */
    w->tmp_path = malloc(length);
    if (!w->tmp_path)
        return w->error = ecosys_i_error_nomem();
    for (int attempt = 0; attempt < 100; attempt++) {
        snprintf(w->tmp_path, length, "%s.%ld.%u.tmp", w->path, (long) getpid(),
                 atomic_fetch_add(&tmp_counter, 1u));
        int fd = open(w->tmp_path, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0)
            return io_error(w, "cannot create a temporary file", errno);
        w->file = fdopen(fd, "wb");
        if (!w->file) {
            int err = errno;
            close(fd);
            unlink(w->tmp_path);
            return io_error(w, "cannot open a temporary file", err);
        }
        return 0;
    }
    return io_error(w, "cannot create a temporary file", EEXIST);
}

static void writer_free(ecosys_i_csv_writer *w)
{
    free(w->path);
    free(w->tmp_path);
    free(w->buffer);
    free(w);
}

int ecosys_i_csv_writer_open(ecosys_i_csv_writer **out, const char *path)
{
    *out = NULL;
    ecosys_i_csv_writer *w = calloc(1, sizeof *w);
    if (!w)
        return ecosys_i_error_nomem();
    w->path = malloc(strlen(path) + 1);
    w->buffer = malloc(BUFFER_SIZE);
    w->at_record_start = 1;
    if (!w->path || !w->buffer) {
        writer_free(w);
        return ecosys_i_error_nomem();
    }
    strcpy(w->path, path);
    int rc = create_tmp(w);
    if (rc) {
        writer_free(w);
        return rc;
    }
    *out = w;
    return 0;
}

static int flush(ecosys_i_csv_writer *w)
{
    if (w->len && fwrite(w->buffer, 1, w->len, w->file) != w->len)
        return io_error(w, "write error", errno);
    w->len = 0;
    return 0;
}

static int put(ecosys_i_csv_writer *w, const char *bytes, size_t n)
{
    if (w->error)
        return w->error;
    while (n > 0) {
        if (w->len == BUFFER_SIZE && flush(w))
            return w->error;
        size_t room = BUFFER_SIZE - w->len, part = n < room ? n : room;
        memcpy(w->buffer + w->len, bytes, part);
        w->len += part;
        bytes += part;
        n -= part;
    }
    return 0;
}

static int needs_quotes(const char *text, size_t length)
{
    if (length == 0)
        return 0;
    if (text[0] == ' ' || text[0] == '\t' || text[length - 1] == ' ' ||
        text[length - 1] == '\t')
        return 1;
    return strcspn(text, ",\"\r\n") != length;
}

/* Encloses the field in quotes and doubles the quotes inside it. */
static int put_quoted(ecosys_i_csv_writer *w, const char *text)
{
    put(w, "\"", 1);
    for (const char *quote; (quote = strchr(text, '"')); text = quote + 1) {
        put(w, text, (size_t) (quote - text + 1));
        put(w, "\"", 1);
    }
    put(w, text, strlen(text));
    put(w, "\"", 1);
    return w->error;
}

int ecosys_i_csv_write_field(ecosys_i_csv_writer *w, const char *text)
{
    if (w->error)
        return w->error;
    if (!w->at_record_start && put(w, ",", 1))
        return w->error;
    w->at_record_start = 0;
    size_t length = strlen(text);
    return needs_quotes(text, length) ? put_quoted(w, text) : put(w, text, length);
}

int ecosys_i_csv_end_record(ecosys_i_csv_writer *w)
{
    if (w->error)
        return w->error;
    w->at_record_start = 1;
    return put(w, "\n", 1);
}

int ecosys_i_csv_writer_finish(ecosys_i_csv_writer *w)
{
    if (!w->file)
        return w->error;
    int rc = w->error ? w->error : flush(w);
    if (fflush(w->file) != 0 && !rc)
        rc = io_error(w, "write error", errno);
    if (fclose(w->file) != 0 && !rc)
        rc = io_error(w, "cannot close", errno);
    w->file = NULL;
    return rc;
}

int ecosys_i_csv_writer_commit(ecosys_i_csv_writer *w)
{
    int rc = ecosys_i_csv_writer_finish(w);
    if (!rc && rename(w->tmp_path, w->path) != 0)
        rc = io_error(w, "cannot replace the file", errno);
    if (rc) {
        ecosys_i_csv_writer_abort(w);
        return rc;
    }
    writer_free(w);
    return 0;
}

void ecosys_i_csv_writer_abort(ecosys_i_csv_writer *w)
{
    if (!w)
        return;
    if (w->file)
        fclose(w->file);
    unlink(w->tmp_path);
    writer_free(w);
}

/* ---- a dataset directory ------------------------------------------------ */

#define ACTORS_FILE "actors.csv"
#define TIES_FILE "collaborations.csv"
#define META_FILE "dataset.csv"

static const char *const *builtin_fields(ecosys_table table)
{
    return table == ECOSYS_TABLE_ACTORS ? ecosys_i_actor_fields : ecosys_i_tie_fields;
}

int ecosys_i_csv_write_header(ecosys_i_csv_writer *w, const char *const *fields,
                              const ecosys_i_attribute_table *attributes)
{
    int rc = 0;
    for (const char *const *f = fields; *f && !rc; f++)
        rc = ecosys_i_csv_write_field(w, *f);
    size_t count = attributes ? attributes->count : 0;
    for (size_t a = 0; a < count && !rc; a++)
        rc = ecosys_i_csv_write_field(w, attributes->items[a].name);
    return rc ? rc : ecosys_i_csv_end_record(w);
}

int ecosys_i_csv_write_attributes(ecosys_i_csv_writer *w,
                                  const ecosys_i_attribute_table *attributes,
                                  const ecosys_i_strpool *pool, size_t row)
{
    size_t count = attributes ? attributes->count : 0;
    int rc = 0;
    for (size_t a = 0; a < count && !rc; a++) {
        const ecosys_i_attribute *attribute = &attributes->items[a];
        rc = ecosys_i_csv_write_field(
            w, ecosys_i_strpool_get(pool, row < attribute->length ? attribute->values[row] : 0));
    }
    return rc ? rc : ecosys_i_csv_end_record(w);
}

static int write_header(ecosys_i_csv_writer *w, const ecosys_dataset *ds, ecosys_table table)
{
    return ecosys_i_csv_write_header(w, builtin_fields(table), &ds->attributes[table]);
}

static int write_attributes(ecosys_i_csv_writer *w, const ecosys_dataset *ds,
                            ecosys_table table, size_t row)
{
    return ecosys_i_csv_write_attributes(w, &ds->attributes[table], &ds->pool, row);
}

static int write_actors(ecosys_i_csv_writer *w, const ecosys_dataset *ds)
{
    int rc = write_header(w, ds, ECOSYS_TABLE_ACTORS);
    for (size_t i = 0; i < ds->actor_count && !rc; i++) {
        ecosys_actor_info a;
        ecosys_dataset_actor(&a, ds, i);
        const char *fields[] = {a.id, a.name, a.sector, a.territory, a.axes};
        for (size_t f = 0; f < 5 && !rc; f++)
            rc = ecosys_i_csv_write_field(w, fields[f]);
        if (!rc)
            rc = write_attributes(w, ds, ECOSYS_TABLE_ACTORS, i);
    }
    return rc ? rc : ecosys_i_csv_writer_finish(w);
}

static int write_ties(ecosys_i_csv_writer *w, const ecosys_dataset *ds)
{
    int rc = write_header(w, ds, ECOSYS_TABLE_TIES);
    for (size_t i = 0; i < ds->tie_count && !rc; i++) {
        ecosys_tie_info t;
        ecosys_dataset_tie(&t, ds, i);
        char weight[32];
        ecosys_i_format_weight(weight, t.weight);
        const char *fields[] = {ecosys_i_strpool_get(&ds->pool, ds->actor_id[t.source]),
                                ecosys_i_strpool_get(&ds->pool, ds->actor_id[t.target]),
                                weight, t.kind, t.axis, t.start, t.end};
        for (size_t f = 0; f < 7 && !rc; f++)
            rc = ecosys_i_csv_write_field(w, fields[f]);
        if (!rc)
            rc = write_attributes(w, ds, ECOSYS_TABLE_TIES, i);
    }
    return rc ? rc : ecosys_i_csv_writer_finish(w);
}

static int write_meta(ecosys_i_csv_writer *w)
{
    int rc;
    if ((rc = ecosys_i_csv_write_field(w, "key")) || (rc = ecosys_i_csv_write_field(w, "value")) ||
        (rc = ecosys_i_csv_end_record(w)) || (rc = ecosys_i_csv_write_field(w, "directed")) ||
        (rc = ecosys_i_csv_write_field(w, "true")) || (rc = ecosys_i_csv_end_record(w)))
        return rc;
    return ecosys_i_csv_writer_finish(w);
}

/* Writes the three files to temporary files first and renames them only
 * when all are complete, so a failure leaves the old files in place. */
static int write_files(const ecosys_dataset *ds, const char *actors, const char *ties,
                       const char *meta, const char *events, const char *parts)
{
    ecosys_i_csv_writer *w[5] = {NULL, NULL, NULL, NULL, NULL};
    int directed = ecosys_dataset_is_directed(ds), rc;
    int twomode = ecosys_twomode_present(ds); /* events.csv, participation.csv */
    if ((rc = ecosys_i_csv_writer_open(&w[0], actors)) || (rc = write_actors(w[0], ds)) ||
        (rc = ecosys_i_csv_writer_open(&w[1], ties)) || (rc = write_ties(w[1], ds)) ||
        (directed && ((rc = ecosys_i_csv_writer_open(&w[2], meta)) || (rc = write_meta(w[2])))) ||
        (twomode && (rc = ecosys_i_write_csv_twomode(&w[3], &w[4], ds, events, parts)))) {
        for (int k = 0; k < 5; k++)
            ecosys_i_csv_writer_abort(w[k]);
        return rc;
    }
    for (int k = 0; k < 5; k++) {
        if (rc)
            ecosys_i_csv_writer_abort(w[k]);
        else if (w[k])
            rc = ecosys_i_csv_writer_commit(w[k]);
    }
    /* A dataset.csv left by an earlier directed dataset would make this
     * undirected one read back as directed. */
    if (!rc && !directed && unlink(meta) != 0 && errno != ENOENT)
        rc = ecosys_i_error_at(ECOSYS_EIO, meta, 0, 0, "cannot remove: %s", strerror(errno));
    if (!rc && !twomode)
        rc = ecosys_i_remove_csv_twomode(events, parts);
    return rc;
}

int ecosys_i_write_csv_dir(const ecosys_dataset *ds, const char *dir)
{
    int rc = ecosys_i_mkdir_parents(dir);
    if (rc)
        return rc;
    char *actors = ecosys_i_path_join(dir, ACTORS_FILE);
    char *ties = ecosys_i_path_join(dir, TIES_FILE);
    char *meta = ecosys_i_path_join(dir, META_FILE);
    char *events = ecosys_i_path_join(dir, ECOSYS_I_EVENTS_FILE);
    char *parts = ecosys_i_path_join(dir, ECOSYS_I_PARTICIPATION_FILE);
    rc = actors && ties && meta && events && parts
             ? write_files(ds, actors, ties, meta, events, parts)
             : ecosys_i_error_nomem();
    free(events);
    free(parts);
    free(actors);
    free(ties);
    free(meta);
    return rc;
}
