/* GraphML writer (libxml2's xmlTextWriter, streaming to a temporary file
 * renamed over the target when complete).
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
#include "io/xml_support.h"

#include <glib.h>
#include <libxml/xmlwriter.h>

#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

static const char *const node_keys[] = {"name", "sector", "territory", "axes", NULL};
static const char *const edge_keys[] = {"kind", "axis", "start", "end", NULL};

static const char *text(const ecosys_dataset *ds, uint32_t index)
{
    return ecosys_i_strpool_get(&ds->pool, index);
}

typedef struct writer {
    xmlTextWriterPtr xml;
    ecosys_i_atomic_file file;
    const ecosys_dataset *ds;
    const char *path;
    int rc; /* an error already recorded (EUNSUPPORTED) */
} writer;

static int on_write(void *context, const char *bytes, int length)
{
    ecosys_i_atomic_file *file = context;
    ecosys_i_atomic_write(file, bytes, (size_t) length);
    return file->error ? -1 : length;
}

static int on_close(void *context)
{
    return 0; /* the file is closed by ecosys_i_atomic_commit / _abort */
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
    xmlTextWriterPtr x = w->xml;
    gunichar c = unwritable(name);
    if (c) {
        w->rc = ecosys_i_error_at(ECOSYS_EUNSUPPORTED, w->path, 0, 0,
                                  "attribute name \"%.200s\": character U+%04X cannot be "
                                  "written in XML 1.0",
                                  name, (unsigned) c);
        return -1;
    }
    if (xmlTextWriterStartElement(x, BAD_CAST "key") < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "id", BAD_CAST id) < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "for", BAD_CAST domain) < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "attr.name", BAD_CAST name) < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "attr.type", BAD_CAST type) < 0 ||
        xmlTextWriterEndElement(x) < 0)
        return -1;
    return 0;
}

static int write_data(writer *w, const char *key, const char *value, const char *what,
                      size_t row, const char *field)
{
    xmlTextWriterPtr x = w->xml;
    if (check(w, value, what, row, field) < 0 ||
        xmlTextWriterStartElement(x, BAD_CAST "data") < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "key", BAD_CAST key) < 0 ||
        xmlTextWriterWriteString(x, BAD_CAST value) < 0 || xmlTextWriterFullEndElement(x) < 0)
        return -1;
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
    xmlTextWriterPtr x = w->xml;
    size_t attrs = ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_ACTORS);
    char id[32];
    for (size_t i = 0; i < ds->actor_count; i++) {
        const char *actor_id = text(ds, ds->actor_id[i]);
        if (check(w, actor_id, "actor", i, "id") < 0 ||
            xmlTextWriterStartElement(x, BAD_CAST "node") < 0 ||
            xmlTextWriterWriteAttribute(x, BAD_CAST "id", BAD_CAST actor_id) < 0)
            return -1;
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
        if (xmlTextWriterEndElement(x) < 0)
            return -1;
    }
    return 0;
}

static int write_edges(writer *w)
{
    const ecosys_dataset *ds = w->ds;
    xmlTextWriterPtr x = w->xml;
    size_t attrs = ecosys_dataset_attribute_count(ds, ECOSYS_TABLE_TIES);
    const ecosys_i_column *columns[] = {&ds->tie_kind, &ds->tie_axis, &ds->tie_start,
                                        &ds->tie_end};
    char id[32], weight[32];
    for (size_t i = 0; i < ds->tie_count; i++) {
        ecosys_i_format_weight(weight, ecosys_i_tie_weight(ds, i));
        if (xmlTextWriterStartElement(x, BAD_CAST "edge") < 0 ||
            xmlTextWriterWriteAttribute(x, BAD_CAST "source",
                                        BAD_CAST text(ds, ds->actor_id[ds->tie_source[i]])) < 0 ||
            xmlTextWriterWriteAttribute(x, BAD_CAST "target",
                                        BAD_CAST text(ds, ds->actor_id[ds->tie_target[i]])) < 0 ||
            write_data(w, "weight", weight, "tie", i, "weight") < 0)
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
        if (xmlTextWriterEndElement(x) < 0)
            return -1;
    }
    return 0;
}

static int write_document(writer *w)
{
    xmlTextWriterPtr x = w->xml;
    if (xmlTextWriterSetIndent(x, 1) < 0 || xmlTextWriterSetIndentString(x, BAD_CAST "  ") < 0 ||
        xmlTextWriterStartDocument(x, "1.0", "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElement(x, BAD_CAST "graphml") < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "xmlns", BAD_CAST GRAPHML_NS) < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "xmlns:xsi",
                                    BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0 ||
        xmlTextWriterWriteAttribute(
            x, BAD_CAST "xsi:schemaLocation",
            BAD_CAST GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0 ||
        write_keys(w) < 0 || xmlTextWriterStartElement(x, BAD_CAST "graph") < 0 ||
        xmlTextWriterWriteAttribute(x, BAD_CAST "id", BAD_CAST "G") < 0 ||
        xmlTextWriterWriteAttribute(
            x, BAD_CAST "edgedefault",
            BAD_CAST(ecosys_dataset_is_directed(w->ds) ? "directed" : "undirected")) < 0 ||
        write_nodes(w) < 0 || write_edges(w) < 0 || xmlTextWriterEndDocument(x) < 0 ||
        xmlTextWriterFlush(x) < 0)
        return -1;
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
    ecosys_i_xml_handlers saved;
    ecosys_i_xml_begin(&saved);
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(on_write, on_close, &w.file, NULL);
    w.xml = out ? xmlNewTextWriter(out) : NULL;
    if (!w.xml) {
        if (out)
            xmlOutputBufferClose(out);
        ecosys_i_xml_end(&saved);
        ecosys_i_atomic_abort(&w.file);
        return ecosys_i_error_nomem();
    }
    int failed = write_document(&w) < 0;
    xmlFreeTextWriter(w.xml); /* flushes and closes the output buffer */
    ecosys_i_xml_end(&saved);
    if (w.rc) {
        ecosys_i_atomic_abort(&w.file);
        return w.rc;
    }
    if (failed && !w.file.error) {
        ecosys_i_atomic_abort(&w.file);
        return ecosys_i_error_at(ECOSYS_EIO, path, 0, 0, "cannot write: libxml2 writer error");
    }
    return ecosys_i_atomic_commit(&w.file); /* reports a write error if any */
}
