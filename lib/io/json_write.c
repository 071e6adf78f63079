/* Node-link JSON writer, streaming to a temporary file renamed over the
 * target when complete.
 *
 * The JSON text comes from the shared writer core/json_out.h (RFC 8259
 * strings, numbers as their shortest exact text), fed to the file 64 KiB
 * at a time, so that a large dataset needs no document in memory. Not
 * json-glib: see json_out.h.
 *
 * Layout: {"directed", "multigraph" (true if two ties join the same pair),
 * "graph": {}, "nodes": [...], "links": [...]}, one node or link per line.
 * A node holds "id", name, sector, territory, axes and every free
 * attribute; a link holds "source" and "target" (actor ids), "weight" (a
 * number, shortest exact text), kind, axis, start, end and every free
 * attribute. Every value is written, empty ones included, so that the
 * columns and their order survive. A free attribute typed long/int,
 * float/double or boolean is written as a JSON number or boolean when its
 * text is one, else as a string. */
#include "io/io_internal.h"

#include "core/error.h"
#include "core/json_out.h"
#include "io/graph_io_common.h"

#include <stdlib.h>
#include <string.h>

typedef ecosys_i_json_out json;

static const char *text(const ecosys_dataset *ds, uint32_t index)
{
    return ecosys_i_strpool_get(&ds->pool, index);
}

/* Writes a free attribute value: bare if its type says number or boolean
 * and the text is one, else as a string. */
static void put_typed(json *j, const char *type, const char *text)
{
    int bare = 0;
    if (strcmp(type, "long") == 0 || strcmp(type, "int") == 0)
        bare = ecosys_i_json_is_number(text, 1);
    else if (strcmp(type, "double") == 0 || strcmp(type, "float") == 0)
        bare = ecosys_i_json_is_number(text, 0);
    else if (strcmp(type, "boolean") == 0)
        bare = strcmp(text, "true") == 0 || strcmp(text, "false") == 0;
    if (bare)
        ecosys_i_json_raw(j, text);
    else
        ecosys_i_json_string(j, text);
}

static void put_member(json *j, const char *name, const char *value)
{
    ecosys_i_json_name(j, name);
    ecosys_i_json_string(j, value);
}

static void put_attributes(json *j, const ecosys_dataset *ds, ecosys_table table, size_t row)
{
    size_t count = ecosys_dataset_attribute_count(ds, table);
    for (size_t a = 0; a < count; a++) {
        ecosys_i_json_name(j, ecosys_dataset_attribute_name(ds, table, a));
        put_typed(j, ecosys_dataset_attribute_type(ds, table, a),
                  ecosys_dataset_attribute(ds, table, row, a));
    }
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
    return x < y ? -1 : x > y;
}

/* Whether two ties join the same pair (in the same direction if directed):
 * NetworkX then needs a multigraph. */
static int has_repeated_ties(int *out, const ecosys_dataset *ds)
{
    *out = 0;
    if (ds->tie_count < 2)
        return 0;
    uint64_t *pairs = malloc(ds->tie_count * sizeof *pairs);
    if (!pairs)
        return ecosys_i_error_nomem();
    for (size_t i = 0; i < ds->tie_count; i++) {
        uint64_t s = ds->tie_source[i], t = ds->tie_target[i];
        if (!ds->directed && s > t) {
            uint64_t swap = s;
            s = t;
            t = swap;
        }
        pairs[i] = s << 32 | t;
    }
    qsort(pairs, ds->tie_count, sizeof *pairs, compare_u64);
    for (size_t i = 1; i < ds->tie_count && !*out; i++)
        *out = pairs[i] == pairs[i - 1];
    free(pairs);
    return 0;
}

/* A table without rows cannot carry its free attributes in node-link JSON
 * (columns exist only as members of rows): refuse rather than lose them. */
static int check_representable(const ecosys_dataset *ds, const char *path)
{
    static const char *const what[] = {"actor", "tie"};
    for (int table = 0; table < 2; table++) {
        size_t rows = table == ECOSYS_TABLE_ACTORS ? ds->actor_count : ds->tie_count;
        if (rows == 0 && ecosys_dataset_attribute_count(ds, (ecosys_table) table) > 0)
            return ecosys_i_error_at(
                ECOSYS_EUNSUPPORTED, path, 0, 0,
                "node-link JSON cannot hold the %s attribute \"%.200s\" when there is no %s "
                "to carry it (use GraphML or CSV)",
                what[table], ecosys_dataset_attribute_name(ds, (ecosys_table) table, 0),
                what[table]);
    }
    return 0;
}

static void to_file(void *file, const char *bytes, size_t length)
{
    ecosys_i_atomic_write(file, bytes, length);
}

static void put_nodes(json *j, const ecosys_dataset *ds, const ecosys_i_atomic_file *f)
{
    static const char *const fields[] = {"name", "sector", "territory", "axes"};
    ecosys_i_json_name(j, "nodes");
    ecosys_i_json_begin_array(j, ECOSYS_I_JSON_BLOCK);
    for (size_t i = 0; i < ds->actor_count && !f->error && !j->error; i++) {
        ecosys_i_json_begin_object(j, ECOSYS_I_JSON_LINE);
        put_member(j, "id", text(ds, ds->actor_id[i]));
        for (int k = 0; k < 4; k++)
            put_member(j, fields[k], text(ds, ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_NAME + k, i)));
        put_attributes(j, ds, ECOSYS_TABLE_ACTORS, i);
        ecosys_i_json_end_object(j);
    }
    ecosys_i_json_end_array(j);
}

static void put_links(json *j, const ecosys_dataset *ds, const ecosys_i_atomic_file *f)
{
    static const char *const fields[] = {"kind", "axis", "start", "end"};
    const ecosys_i_column *columns[] = {&ds->tie_kind, &ds->tie_axis, &ds->tie_start,
                                        &ds->tie_end};
    ecosys_i_json_name(j, "links");
    ecosys_i_json_begin_array(j, ECOSYS_I_JSON_BLOCK);
    for (size_t i = 0; i < ds->tie_count && !f->error && !j->error; i++) {
        ecosys_i_json_begin_object(j, ECOSYS_I_JSON_LINE);
        put_member(j, "source", text(ds, ds->actor_id[ds->tie_source[i]]));
        put_member(j, "target", text(ds, ds->actor_id[ds->tie_target[i]]));
        ecosys_i_json_name(j, "weight");
        ecosys_i_json_double(j, ecosys_i_tie_weight(ds, i));
        for (size_t k = 0; k < 4; k++)
            put_member(j, fields[k], text(ds, ecosys_i_tie_text(columns[k], i)));
        put_attributes(j, ds, ECOSYS_TABLE_TIES, i);
        ecosys_i_json_end_object(j);
    }
    ecosys_i_json_end_array(j);
}

int ecosys_i_write_json(const ecosys_dataset *ds, const char *path)
{
    int multigraph, rc;
    if ((rc = check_representable(ds, path)) || (rc = has_repeated_ties(&multigraph, ds)))
        return rc;
    ecosys_i_atomic_file f;
    if ((rc = ecosys_i_atomic_open(&f, path)))
        return rc;
    json j;
    ecosys_i_json_init(&j, 2, ": ");
    ecosys_i_json_set_sink(&j, to_file, &f);
    ecosys_i_json_begin_object(&j, ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_name(&j, "directed");
    ecosys_i_json_bool(&j, ds->directed);
    ecosys_i_json_name(&j, "multigraph");
    ecosys_i_json_bool(&j, multigraph);
    ecosys_i_json_name(&j, "graph");
    ecosys_i_json_begin_object(&j, ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_end_object(&j);
    put_nodes(&j, ds, &f);
    put_links(&j, ds, &f);
    ecosys_i_json_end_object(&j);
    if ((rc = ecosys_i_json_finish(&j, NULL, NULL))) {
        ecosys_i_atomic_abort(&f);
        return rc;
    }
    return ecosys_i_atomic_commit(&f);
}
