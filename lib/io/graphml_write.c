/* GraphML writer, streaming to a temporary file renamed over the target
 * when complete. Written by hand rather than with libxml2's xmlTextWriter:
 * on allocation failure that writer drops text and still reports success
 * (tests/fault found files with values missing), and the markup here is
 * five elements with escaped attributes and content.
 *
 * Output: GraphML 1.0 with keys for the built-in fields (node: name,
 * sector, territory, axes, strings; edge: weight double, kind, axis, start,
 * end, strings), then one key per free attribute with its recorded type;
 * edgedefault from the dataset's direction; node ids are actor ids; every
 * value is written, empty ones included, so reading the file back gives an
 * equal dataset. Weights use the shortest text that reads back exactly.
 *
 * XML 1.0 cannot hold most control characters (U+0001..U+001F except tab,
 * LF, CR) nor U+FFFE/U+FFFF, even escaped: a value containing one is
 * ECOSYS_EUNSUPPORTED rather than a file no parser would read back. */
#include "io/io_internal.h"

#include "core/error.h"
#include "io/graph_io_common.h"

#include <glib.h>

#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

static const char *const node_keys[] = {"name", "sector", "territory", "axes", NULL};
static const char *const edge_keys[] = {"kind", "axis", "start", "end", NULL};

static const char *text(const ecosys_dataset *ds, uint32_t index)
{
    return ecosys_i_strpool_get(&ds->pool, index);
}

typedef struct writer {
    ecosys_i_atomic_file file; /* write errors are sticky there */
    const ecosys_dataset *ds;
    const char *path;
    int rc; /* an error already recorded (EUNSUPPORTED) */
} writer;

static void put(writer *w, const char *text)
{
    ecosys_i_atomic_write(&w->file, text, strlen(text));
}

/* Writes @p text escaped for XML: &, < and > always; in an attribute also
 * the quote and tab, LF and CR as character references (a parser
 * normalises them to spaces otherwise); in content CR (a parser turns
 * CR LF into LF otherwise). The same escapes as libxml2's writer. */
static void put_escaped(writer *w, const char *text, int attribute)
{
    const char *run = text;
    for (const char *p = text;; p++) {
        const char *ref = NULL;
        switch (*p) {
        case '&': ref = "&amp;"; break;
        case '<': ref = "&lt;"; break;
        case '>': ref = "&gt;"; break;
        case '"': ref = attribute ? "&quot;" : NULL; break;
        case '\t': ref = attribute ? "&#9;" : NULL; break;
        case '\n': ref = attribute ? "&#10;" : NULL; break;
        case '\r': ref = "&#13;"; break;
        default: break;
        }
        if (!ref && *p)
            continue;
        ecosys_i_atomic_write(&w->file, run, (size_t) (p - run));
        if (!*p)
            return;
        put(w, ref);
        run = p + 1;
    }
}

/* Writes  name="value"  (with the leading space). */
static void put_attribute(writer *w, const char *name, const char *value)
{
    put(w, " ");
    put(w, name);
    put(w, "=\"");
    put_escaped(w, value, 1);
    put(w, "\"");
}

/* Returns the first character XML 1.0 cannot hold, or 0. */
static gunichar unwritable(const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
            return c;
    }
    return 0;
}

static int check(writer *w, const char *text, const char *what, size_t row, const char *field)
{
    gunichar c = unwritable(text);
    if (!c)
        return 0;
    w->rc = ecosys_i_error_at(ECOSYS_EUNSUPPORTED, w->path, 0, 0,
                              "%s %zu, %s: character U+%04X cannot be written in XML 1.0", what,
                              row, field, (unsigned) c);
    return -1;
}

static int write_key(writer *w, const char *id, const char *domain, const char *name,
                     const char *type)
{
    gunichar c = unwritable(name);
    if (c) {
        w->rc = ecosys_i_error_at(ECOSYS_EUNSUPPORTED, w->path, 0, 0,
                                  "attribute name \"%.200s\": character U+%04X cannot be "
                                  "written in XML 1.0",
                                  name, (unsigned) c);
        return -1;
    }
    put(w, "  <key");
    put_attribute(w, "id", id);
    put_attribute(w, "for", domain);
    put_attribute(w, "attr.name", name);
    put_attribute(w, "attr.type", type);
    put(w, "/>\n");
    return 0;
}

static int write_data(writer *w, const char *key, const char *value, const char *what,
                      size_t row, const char *field)
{
    if (check(w, value, what, row, field) < 0)
        return -1;
    put(w, "      <data");
    put_attribute(w, "key", key);
    put(w, ">");
    put_escaped(w, value, 0);
    put(w, "</data>\n");
    return 0;
}

static int write_keys(writer *w)
{
    const ecosys_dataset *ds = w->ds;
    char id[32];
    for (size_t i = 0; node_keys[i]; i++)
        if (write_key(w, node_keys[i], "node", node_keys[i], "string") < 0)
            return -1;
    if (write_key(w, "weight", "edge", "weight", "double") < 0)
        return -1;
    for (size_t i = 0; edge_keys[i]; i++)
        if (write_key(w, edge_keys[i], "edge", edge_keys[i], "string") < 0)
            return -1;
    for (size_t a = 0; a < ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS); a++) {
        snprintf(id, sizeof id, "v%zu", a);
        if (write_key(w, id, "node", ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, a),
                      ecosys_dataset_attribute_type(ds, ECOSYS_TABLE_ACTORS, a)) < 0)
            return -1;
    }
    for (size_t a = 0; a < ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_TIES); a++) {
        snprintf(id, sizeof id, "e%zu", a);
        if (write_key(w, id, "edge", ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_TIES, a),
                      ecosys_dataset_attribute_type(ds, ECOSYS_TABLE_TIES, a)) < 0)
            return -1;
    }
    return 0;
}

static int write_nodes(writer *w)
{
    const ecosys_dataset *ds = w->ds;
    size_t attrs = ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS);
    char id[32];
    for (size_t i = 0; i < ds->actor_count; i++) {
        const char *actor_id = text(ds, ds->actor_id[i]);
        if (check(w, actor_id, "actor", i, "id") < 0)
            return -1;
        put(w, "    <node");
        put_attribute(w, "id", actor_id);
        put(w, ">\n");
        for (size_t k = 0; node_keys[k]; k++)
            if (write_data(w, node_keys[k],
                           text(ds, ecosys_i_actor_text(ds, ECOSYS_I_ACTOR_NAME + (int) k, i)),
                           "actor", i, node_keys[k]) < 0)
                return -1;
        for (size_t a = 0; a < attrs; a++) {
            snprintf(id, sizeof id, "v%zu", a);
            if (write_data(w, id, ecosys_dataset_attribute(ds, ECOSYS_TABLE_ACTORS, i, a),
                           "actor", i, ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_ACTORS, a)) <
                0)
                return -1;
        }
        put(w, "    </node>\n");
    }
    return 0;
}

static int write_edges(writer *w)
{
    const ecosys_dataset *ds = w->ds;
    size_t attrs = ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_TIES);
    const ecosys_i_column *columns[] = {&ds->tie_kind, &ds->tie_axis, &ds->tie_start,
                                        &ds->tie_end};
    char id[32], weight[32];
    for (size_t i = 0; i < ds->tie_count; i++) {
        ecosys_i_format_weight(weight, ecosys_i_tie_weight(ds, i));
        put(w, "    <edge");
        put_attribute(w, "source", text(ds, ds->actor_id[ds->tie_source[i]]));
        put_attribute(w, "target", text(ds, ds->actor_id[ds->tie_target[i]]));
        put(w, ">\n");
        if (write_data(w, "weight", weight, "tie", i, "weight") < 0)
            return -1;
        for (size_t k = 0; edge_keys[k]; k++)
            if (write_data(w, edge_keys[k], text(ds, ecosys_i_tie_text(columns[k], i)), "tie", i,
                           edge_keys[k]) < 0)
                return -1;
        for (size_t a = 0; a < attrs; a++) {
            snprintf(id, sizeof id, "e%zu", a);
            if (write_data(w, id, ecosys_dataset_attribute(ds, ECOSYS_TABLE_TIES, i, a), "tie",
                           i, ecosys_dataset_attribute_name(ds, ECOSYS_TABLE_TIES, a)) < 0)
                return -1;
        }
        put(w, "    </edge>\n");
    }
    return 0;
}

static int write_document(writer *w)
{
    put(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml");
    put_attribute(w, "xmlns", GRAPHML_NS);
    put_attribute(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    put_attribute(w, "xsi:schemaLocation",
                  GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    put(w, ">\n");
    if (write_keys(w) < 0)
        return -1;
    put(w, "  <graph id=\"G\" edgedefault=\"");
    put(w, ecosys_dataset_is_directed(w->ds) ? "directed" : "undirected");
    put(w, "\">\n");
    if (write_nodes(w) < 0 || write_edges(w) < 0)
        return -1;
    put(w, "  </graph>\n</graphml>\n");
    return 0;
}

int ecosys_i_write_graphml(const ecosys_dataset *ds, const char *path)
{
    writer w;
    memset(&w, 0, sizeof w);
    w.ds = ds;
    w.path = path;
    int rc = ecosys_i_atomic_open(&w.file, path);
    if (rc)
        return rc;
    if (write_document(&w) < 0) {
        ecosys_i_atomic_abort(&w.file);
        return w.rc;
    }
    return ecosys_i_atomic_commit(&w.file); /* reports a write error if any */
}
