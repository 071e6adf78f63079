/* What the GraphML and JSON readers and writers share: see graph_io_common.h. */
#include "io/graph_io_common.h"

#include "core/error.h"
#include "io/io_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int ecosys_i_pair_list_push(ecosys_i_pair_list *list, uint32_t attr, uint32_t value)
{
    if (list->count == list->capacity) {
        size_t capacity = ecosys_i_next_capacity(list->capacity, list->count + 1);
        if (ecosys_i_resize((void **) &list->items, capacity, sizeof *list->items))
            return ECOSYS_ENOMEM;
        list->capacity = capacity;
    }
    list->items[list->count].attr = attr;
    list->items[list->count].value = value;
    list->count++;
    return 0;
}

void ecosys_i_pair_list_dispose(ecosys_i_pair_list *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* Turns the error just recorded by a dataset call into a located one: a
 * value the API rejects as invalid (EINVAL) or duplicate (EEXISTS) is
 * malformed input (EPARSE) when it comes from a file. */
static int locate(int rc, const char *path, ecosys_i_location where)
{
    if (rc == ECOSYS_EINVAL || rc == ECOSYS_EEXISTS) {
        char message[1024];
        snprintf(message, sizeof message, "%s", ecosys_error_last()->message);
        return ecosys_i_error_at(ECOSYS_EPARSE, path, where.line, where.column, "%s", message);
    }
    if (rc == ECOSYS_ENOMEM)
        return rc;
    return ecosys_i_error_locate(path, where.line, where.column);
}

static const char *pool_text(const ecosys_dataset *ds, uint32_t index)
{
    return ecosys_i_strpool_get(&ds->pool, index);
}

static int set_values(ecosys_dataset *ds, ecosys_table table, size_t row,
                      const ecosys_i_value_pair *pairs, size_t count, const char *path,
                      ecosys_i_location where)
{
    for (size_t i = 0; i < count; i++) {
        int rc = ecosys_dataset_set_attribute(ds, table, row, pairs[i].attr,
                                              pool_text(ds, pairs[i].value));
        if (rc)
            return locate(rc, path, where);
    }
    return 0;
}

int ecosys_i_commit_actor(ecosys_dataset *ds, const ecosys_i_actor_record *a,
                          const ecosys_i_value_pair *pairs, size_t pair_count,
                          const char *path)
{
    ecosys_i_actor_row fields = {{a->id, a->name, a->sector, a->territory, a->axes}};
    size_t row;
    int rc = ecosys_i_dataset_add_actor_interned(&row, ds, &fields);
    if (rc)
        return locate(rc, path, rc == ECOSYS_EEXISTS ? a->id_where : a->where);
    return set_values(ds, ECOSYS_TABLE_ACTORS, row, pairs, pair_count, path, a->where);
}

void ecosys_i_tie_buffer_dispose(ecosys_i_tie_buffer *buffer)
{
    free(buffer->records);
    ecosys_i_pair_list_dispose(&buffer->values);
    memset(buffer, 0, sizeof *buffer);
}

int ecosys_i_tie_end(uint32_t *pool, size_t *actor, ecosys_dataset *ds, const char *id)
{
    size_t length = strlen(id);
    uint32_t hash = ecosys_i_strpool_hash(id, length);
    *actor = ecosys_i_dataset_find_actor_hashed(ds, id, length, hash);
    if (*actor != SIZE_MAX) {
        *pool = ds->actor_id[*actor];
        return 0;
    }
    return ecosys_i_dataset_intern_hashed(pool, ds, id, length, hash);
}

static int find_end(size_t *out, const ecosys_dataset *ds, uint32_t id, const char *which,
                    ecosys_i_location where, const char *path)
{
    *out = ecosys_i_dataset_actor_of(ds, id);
    if (*out != SIZE_MAX)
        return 0;
    return ecosys_i_error_at(ECOSYS_EPARSE, path, where.line, where.column,
                             "%s \"%.200s\": no node has this id", which, pool_text(ds, id));
}

static int commit_tie(ecosys_dataset *ds, const ecosys_i_tie_record *t,
                      const ecosys_i_value_pair *pairs, size_t pair_count, const char *path)
{
    ecosys_i_tie_row fields = {t->source_actor, t->target_actor, t->weight,
                               t->kind, t->axis, t->start, t->end};
    int rc, bad;
    if ((fields.source == SIZE_MAX &&
         (rc = find_end(&fields.source, ds, t->source, "source", t->source_where, path))) ||
        (fields.target == SIZE_MAX &&
         (rc = find_end(&fields.target, ds, t->target, "target", t->target_where, path))))
        return rc;
    size_t row;
    if ((rc = ecosys_i_dataset_add_tie_interned(&row, ds, &fields, &bad))) {
        if (rc == ECOSYS_EINVAL && (bad == ECOSYS_I_TIE_START || bad == ECOSYS_I_TIE_END))
            ecosys_i_error_prefix("%s", ecosys_i_tie_fields[bad]); /* as the API names it */
        return locate(rc, path, t->where);
    }
    return set_values(ds, ECOSYS_TABLE_TIES, row, pairs, pair_count, path, t->where);
}

/* Commits a tie; errors of JSON files name the link, as in "/links/3: ...". */
static int commit_tie_in(const ecosys_i_tie_buffer *b, ecosys_dataset *ds,
                         const ecosys_i_tie_record *t, const ecosys_i_value_pair *pairs,
                         size_t pair_count, const char *path)
{
    int rc = commit_tie(ds, t, pairs, pair_count, path);
    if (rc && rc != ECOSYS_ENOMEM && b->section)
        ecosys_i_error_prefix("/%s/%zu", b->section, t->index);
    return rc;
}

int ecosys_i_tie_offer(ecosys_i_tie_buffer *b, ecosys_dataset *ds, const ecosys_i_tie_record *tie,
                       const ecosys_i_value_pair *pairs, size_t pair_count, const char *path)
{
    if (!b->deferring && tie->source_actor != SIZE_MAX && tie->target_actor != SIZE_MAX)
        return commit_tie_in(b, ds, tie, pairs, pair_count, path);
    b->deferring = 1;
    if (b->count == b->capacity) {
        size_t capacity = ecosys_i_next_capacity(b->capacity, b->count + 1);
        if (ecosys_i_resize((void **) &b->records, capacity, sizeof *b->records))
            return ECOSYS_ENOMEM;
        b->capacity = capacity;
    }
    ecosys_i_tie_record *stored = &b->records[b->count];
    *stored = *tie;
    stored->first_value = b->values.count;
    stored->value_count = pair_count;
    for (size_t i = 0; i < pair_count; i++) {
        int rc = ecosys_i_pair_list_push(&b->values, pairs[i].attr, pairs[i].value);
        if (rc)
            return rc;
    }
    b->count++;
    return 0;
}

int ecosys_i_tie_flush(ecosys_i_tie_buffer *b, ecosys_dataset *ds, const char *path)
{
    for (size_t i = 0; i < b->count; i++) {
        const ecosys_i_tie_record *t = &b->records[i];
        /* items is NULL when no tie had a value: NULL + 0 is undefined */
        const ecosys_i_value_pair *values =
            t->value_count ? b->values.items + t->first_value : NULL;
        int rc = commit_tie_in(b, ds, t, values, t->value_count, path);
        if (rc)
            return rc;
    }
    const char *section = b->section;
    ecosys_i_tie_buffer_dispose(b);
    b->section = section;
    return 0;
}

int ecosys_i_find_or_add_attribute(size_t *out_attr, ecosys_dataset *ds, ecosys_table table,
                                   const char *name)
{
    const ecosys_i_attribute_table *t = &ds->attributes[table];
    for (size_t i = 0; i < t->count; i++) {
        if (strcmp(t->items[i].name, name) == 0) {
            *out_attr = i;
            return 0;
        }
    }
    return ecosys_dataset_add_attribute(out_attr, ds, table, name);
}

/* ---- atomic output files ------------------------------------------------ */

static atomic_uint tmp_counter;

enum { ATOMIC_BUFFER = 64 * 1024 };

static void release(ecosys_i_atomic_file *f)
{
    free(f->path);
    free(f->tmp_path);
    free(f->buffer);
    memset(f, 0, sizeof *f);
}

int ecosys_i_atomic_open(ecosys_i_atomic_file *f, const char *path)
{
    memset(f, 0, sizeof *f);
    size_t length = strlen(path) + 64;
    f->path = strdup(path);
    f->tmp_path = malloc(length);
    f->buffer = malloc(ATOMIC_BUFFER);
    if (!f->path || !f->tmp_path || !f->buffer) {
        release(f);
        return ecosys_i_error_nomem();
    }
    /* open(O_EXCL, 0666) rather than mkstemp: the file gets the mode a
     * plain fopen would give (0666 less the umask), not mkstemp's 0600. */
    for (int attempt = 0;; attempt++) {
        snprintf(f->tmp_path, length, "%s.%ld.%u.tmp", path, (long) getpid(),
                 atomic_fetch_add(&tmp_counter, 1u));
        int fd = open(f->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            if (errno == EEXIST && attempt < 100)
                continue;
            int rc = ecosys_i_error_at(ecosys_i_io_code(errno), path, 0, 0, "cannot create %s: %s",
                                       f->tmp_path, strerror(errno));
            release(f);
            return rc;
        }
        f->fp = fdopen(fd, "wb");
        if (!f->fp) {
            int rc = ecosys_i_error_at(ecosys_i_io_code(errno), path, 0, 0, "cannot open %s: %s",
                                       f->tmp_path, strerror(errno));
            close(fd);
            unlink(f->tmp_path);
            release(f);
            return rc;
        }
        return 0;
    }
}

static void flush_buffer(ecosys_i_atomic_file *f)
{
    if (!f->error && f->used && fwrite(f->buffer, 1, f->used, f->fp) != f->used)
        f->error = errno ? errno : EIO;
    f->used = 0;
}

void ecosys_i_atomic_write(ecosys_i_atomic_file *f, const char *bytes, size_t length)
{
    if (f->error)
        return;
    if (f->used + length > ATOMIC_BUFFER)
        flush_buffer(f);
    if (length >= ATOMIC_BUFFER) {
        if (!f->error && fwrite(bytes, 1, length, f->fp) != length)
            f->error = errno ? errno : EIO;
        return;
    }
    memcpy(f->buffer + f->used, bytes, length);
    f->used += length;
}

int ecosys_i_atomic_commit(ecosys_i_atomic_file *f)
{
    flush_buffer(f);
    if (!f->error && fflush(f->fp) != 0)
        f->error = errno;
    if (!f->error && fsync(fileno(f->fp)) != 0 && errno != EINVAL && errno != EROFS)
        f->error = errno; /* EINVAL: the file cannot be synced (e.g. a pipe) */
    if (fclose(f->fp) != 0 && !f->error)
        f->error = errno;
    f->fp = NULL;
    if (!f->error && rename(f->tmp_path, f->path) != 0)
        f->error = errno;
    if (f->error) {
        int rc = ecosys_i_error_at(ecosys_i_io_code(f->error), f->path, 0, 0, "cannot write: %s",
                                   strerror(f->error));
        unlink(f->tmp_path);
        release(f);
        return rc;
    }
    release(f);
    return 0;
}

void ecosys_i_atomic_abort(ecosys_i_atomic_file *f)
{
    if (f->fp)
        fclose(f->fp);
    if (f->tmp_path)
        unlink(f->tmp_path);
    release(f);
}
