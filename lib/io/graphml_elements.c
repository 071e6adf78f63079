/* GraphML elements (graphml_read_internal.h): the SAX2 callbacks of start
 * tags, end tags and text, which check where each element stands, and
 * <graph>, <node>, <edge> and <data> onto actor and tie records. <node id>
 * is an actor, <edge source target> a tie; the <data> of each, or else the
 * default of its key, fill the built-in fields and free attributes when the
 * element ends. Whatever the model cannot hold (graph-level data, nested
 * graphs, hyperedges, ports, mixed directions, XML inside <data>, several
 * graphs) is ECOSYS_EUNSUPPORTED at the element that carries it. */
#include "io/graphml_read_internal.h"

#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define NONE UINT32_MAX /* no <data> for a key, no id for an edge */

/* The elements the reader keeps on its stack (r->stack). */
enum element { E_GRAPHML, E_KEY, E_DEFAULT, E_GRAPH, E_NODE, E_EDGE, E_DATA };

static const char *const element_names[] = {"graphml", "key",  "default", "graph",
                                            "node",    "edge", "data"};

/* ---- <graph>, <node>, <edge>, <data> -------------------------------------- */

static int start_graph(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                       ecosys_i_location where)
{
    if (r->seen_graph)
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                     "a second <graph>: one graph per file is supported");
    r->seen_graph = 1;
    char *edgedefault = ecosys_i_graphml_attribute(r, attrs, count, "edgedefault");
    int rc = r->rc;
    if (!rc) {
        if (!edgedefault || strcmp(edgedefault, "directed") == 0) /* GraphML's default */
            ecosys_dataset_set_directed(r->ds, 1);
        else if (strcmp(edgedefault, "undirected") == 0)
            ecosys_dataset_set_directed(r->ds, 0);
        else
            rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                       "edgedefault=\"%.100s\" (expected directed or undirected)",
                                       edgedefault);
    }
    free(edgedefault);
    return rc;
}

static void reset_values(ecosys_i_graphml_reader *r)
{
    for (size_t k = 0; k < r->key_count; k++)
        r->values[k] = NONE;
    r->pairs.count = 0;
}

static int start_node(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                      ecosys_i_location where)
{
    char *id = ecosys_i_graphml_attribute(r, attrs, count, "id");
    int rc = r->rc;
    if (!rc && !id)
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "<node> without an id");
    memset(&r->actor, 0, sizeof r->actor);
    if (!rc)
        rc = ecosys_i_graphml_intern(r, &r->actor.id, id);
    free(id);
    r->actor.where = r->actor.id_where = where;
    reset_values(r);
    return rc;
}

static int start_edge(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                      ecosys_i_location where)
{
    if (ecosys_i_graphml_has_attribute(attrs, count, "sourceport") ||
        ecosys_i_graphml_has_attribute(attrs, count, "targetport"))
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where, "ports are not supported");
    char *source = ecosys_i_graphml_attribute(r, attrs, count, "source");
    char *target = r->rc ? NULL : ecosys_i_graphml_attribute(r, attrs, count, "target");
    char *directed = r->rc ? NULL : ecosys_i_graphml_attribute(r, attrs, count, "directed");
    char *id = r->rc ? NULL : ecosys_i_graphml_attribute(r, attrs, count, "id");
    int rc = r->rc;
    if (!rc && (!source || !target))
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "<edge> without a %s",
                                   source ? "target" : "source");
    if (!rc && directed) {
        /* xs:boolean: true, false, 1 or 0 */
        int value = strcmp(directed, "true") == 0 || strcmp(directed, "1") == 0    ? 1
                    : strcmp(directed, "false") == 0 || strcmp(directed, "0") == 0 ? 0
                                                                                   : -1;
        if (value < 0)
            rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                       "directed=\"%.100s\" (expected true or false)", directed);
        else if (value != ecosys_dataset_is_directed(r->ds))
            rc = ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                       "a %s edge in %s graph: graphs mixing directed and "
                                       "undirected edges are not supported",
                                       value ? "directed" : "undirected",
                                       value ? "an undirected" : "a directed");
    }
    memset(&r->tie, 0, sizeof r->tie);
    r->tie.source_actor = r->tie.target_actor = SIZE_MAX;
    r->tie.where = r->tie.source_where = r->tie.target_where = where;
    r->edge_xml_id = NONE;
    reset_values(r);
    if (!rc && id) {
        if (r->edge_key_named_id)
            rc = ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                       "edge ids clash with the edge key named \"id\"");
        else if (!r->has_edge_id_attr &&
                 (rc = ecosys_i_find_or_add_attribute(&r->edge_id_attr, r->ds,
                                                      ECOSYS_TABLE_TIES, "id")))
            ecosys_i_graphml_fail_last(r, rc, where, NULL);
        else
            r->has_edge_id_attr = 1;
        if (!rc)
            rc = ecosys_i_graphml_intern(r, &r->edge_xml_id, id);
    }
    if (!rc && !(rc = ecosys_i_graphml_keep(r, ecosys_i_tie_end(&r->tie.source,
                                                                &r->tie.source_actor, r->ds,
                                                                source))))
        rc = ecosys_i_graphml_keep(r, ecosys_i_tie_end(&r->tie.target, &r->tie.target_actor,
                                                       r->ds, target));
    free(source);
    free(target);
    free(directed);
    free(id);
    return rc;
}

static int start_data(ecosys_i_graphml_reader *r, enum element parent, const xmlChar **attrs,
                      int count, ecosys_i_location where)
{
    char *id = ecosys_i_graphml_attribute(r, attrs, count, "key");
    if (r->rc)
        return r->rc;
    int rc = 0;
    uint32_t entry;
    int found = id && ecosys_i_strpool_lookup(&entry, &r->key_ids, id);
    size_t key = found ? ecosys_i_strpool_value(&r->key_ids, entry) : 0;
    unsigned domain = parent == E_NODE   ? ECOSYS_I_GRAPHML_ON_NODE
                      : parent == E_EDGE ? ECOSYS_I_GRAPHML_ON_EDGE
                                         : ECOSYS_I_GRAPHML_ON_GRAPH;
    const char *element = element_names[parent];
    if (!id) {
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "<data> without a key");
    } else if (!found) {
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "<data> with undeclared key \"%.200s\"",
                                   id);
    } else if (domain == ECOSYS_I_GRAPHML_ON_GRAPH) {
        rc = ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                   "graph-level data (key \"%.200s\") is not supported: a dataset "
                                   "has no graph attributes",
                                   r->keys[key].name);
    } else {
        r->data_key = key;
        const ecosys_i_graphml_key *k = &r->keys[r->data_key];
        if (!(k->domains & domain))
            rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                       "<data> inside <%s> with key \"%.200s\", declared "
                                       "for=\"%s\"", element, id, k->for_text);
        else if (r->values[r->data_key] != NONE)
            rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                       "a second <data> for key \"%.200s\" in this <%s>", id,
                                       element);
    }
    free(id);
    r->data_where = where;
    return rc ? rc : ecosys_i_graphml_text_reset(r);
}

static int end_data(ecosys_i_graphml_reader *r, enum element parent)
{
    const ecosys_i_graphml_key *k = &r->keys[r->data_key];
    ecosys_i_graphml_slot slot = parent == E_NODE ? k->node_slot : k->edge_slot;
    int rc = ecosys_i_graphml_check_value(r, slot, r->text.data, &r->weight, r->data_where);
    return rc ? rc : ecosys_i_graphml_intern(r, &r->values[r->data_key], r->text.data);
}

/* The value of key @p k for the element just read: its <data>, else the
 * key's default, else NONE. */
static uint32_t value_of(const ecosys_i_graphml_reader *r, size_t k)
{
    if (r->values[k] != NONE)
        return r->values[k];
    return r->keys[k].has_default ? r->keys[k].default_value : NONE;
}

static int end_node(ecosys_i_graphml_reader *r)
{
    int rc;
    for (size_t k = 0; k < r->key_count; k++) {
        uint32_t v = value_of(r, k);
        if (v == NONE)
            continue;
        switch (r->keys[k].node_slot) {
        case ECOSYS_I_GRAPHML_SLOT_NAME: r->actor.name = v; break;
        case ECOSYS_I_GRAPHML_SLOT_SECTOR: r->actor.sector = v; break;
        case ECOSYS_I_GRAPHML_SLOT_TERRITORY: r->actor.territory = v; break;
        case ECOSYS_I_GRAPHML_SLOT_AXES: r->actor.axes = v; break;
        case ECOSYS_I_GRAPHML_SLOT_FREE:
            if ((rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) r->keys[k].node_attr, v)))
                return ecosys_i_graphml_keep(r, rc);
            break;
        default: break;
        }
    }
    return ecosys_i_graphml_keep(r, ecosys_i_commit_actor(r->ds, &r->actor, r->pairs.items,
                                                          r->pairs.count, r->path));
}

static int end_edge(ecosys_i_graphml_reader *r)
{
    int rc;
    r->tie.weight = 1.0;
    for (size_t k = 0; k < r->key_count; k++) {
        uint32_t v = value_of(r, k);
        if (v == NONE)
            continue;
        switch (r->keys[k].edge_slot) {
        case ECOSYS_I_GRAPHML_SLOT_WEIGHT:
            r->tie.weight = r->values[k] != NONE ? r->weight : r->keys[k].default_weight;
            break;
        case ECOSYS_I_GRAPHML_SLOT_KIND: r->tie.kind = v; break;
        case ECOSYS_I_GRAPHML_SLOT_AXIS: r->tie.axis = v; break;
        case ECOSYS_I_GRAPHML_SLOT_START: r->tie.start = v; break;
        case ECOSYS_I_GRAPHML_SLOT_END: r->tie.end = v; break;
        case ECOSYS_I_GRAPHML_SLOT_FREE:
            if ((rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) r->keys[k].edge_attr, v)))
                return ecosys_i_graphml_keep(r, rc);
            break;
        default: break;
        }
    }
    if (r->edge_xml_id != NONE &&
        (rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) r->edge_id_attr, r->edge_xml_id)))
        return ecosys_i_graphml_keep(r, rc);
    return ecosys_i_graphml_keep(r, ecosys_i_tie_offer(&r->ties, r->ds, &r->tie, r->pairs.items,
                                                       r->pairs.count, r->path));
}

/* ---- SAX2 callbacks -------------------------------------------------------- */

static const char *const graphml_elements[] = {
    "graphml", "key", "default", "desc", "graph", "node", "edge", "hyperedge",
    "endpoint", "port", "data", "locator", NULL};

static int is_graphml_element(const char *name)
{
    for (size_t i = 0; graphml_elements[i]; i++)
        if (strcmp(graphml_elements[i], name) == 0)
            return 1;
    return 0;
}

static int unexpected(ecosys_i_graphml_reader *r, const char *name, int has_parent,
                      enum element parent, ecosys_i_location where)
{
    if (!has_parent)
        return ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                     "not a GraphML file: the root element is <%.100s>, not "
                                     "<graphml>", name);
    if (parent == E_DATA || parent == E_DEFAULT)
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                     "element <%.100s> inside <%s>: XML-valued data (such as yEd "
                                     "graphics) are not supported", name, element_names[parent]);
    if (strcmp(name, "graph") == 0)
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                     "nested graphs are not supported");
    if (strcmp(name, "hyperedge") == 0)
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where, "hyperedges are not supported");
    if (strcmp(name, "port") == 0)
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where, "ports are not supported");
    if (is_graphml_element(name))
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                     "<%s> inside <%s> is not supported", name,
                                     element_names[parent]);
    return ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "unknown element <%.100s> inside <%s>",
                                 name, element_names[parent]);
}

void ecosys_i_graphml_on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                               const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                               int nb_attributes, int nb_defaulted, const xmlChar **attrs)
{
    ecosys_i_graphml_reader *r = ctx;
    if (r->rc)
        return;
    const char *name = (const char *) localname;
    ecosys_i_location where = ecosys_i_xml_tag_location(r->ctxt);
    int has_parent = r->depth > 0;
    enum element parent = has_parent ? (enum element) r->stack[r->depth - 1] : E_GRAPHML;
    if (has_parent && (parent == E_DATA || parent == E_DEFAULT)) {
        unexpected(r, name, has_parent, parent, where);
        return;
    }
    if (uri && strcmp((const char *) uri, GRAPHML_NS) != 0) {
        ecosys_i_graphml_fail(r, has_parent ? ECOSYS_EUNSUPPORTED : ECOSYS_EPARSE, where,
                              "element <%s%s%.100s> from namespace %.200s is not supported",
                              prefix ? (const char *) prefix : "", prefix ? ":" : "", name,
                              (const char *) uri);
        return;
    }
    enum element element;
    int rc = 0;
    if (!has_parent && strcmp(name, "graphml") == 0) {
        element = E_GRAPHML;
    } else if (has_parent && parent == E_GRAPHML && strcmp(name, "key") == 0) {
        element = E_KEY;
        rc = ecosys_i_graphml_start_key(r, attrs, nb_attributes, where);
    } else if (has_parent && parent == E_KEY && strcmp(name, "default") == 0) {
        element = E_DEFAULT;
        r->data_key = r->key_count - 1;
        r->data_where = where;
        if (r->keys[r->data_key].has_default)
            rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                       "a second <default> in key \"%.200s\"",
                                       r->keys[r->data_key].id);
        else
            rc = ecosys_i_graphml_text_reset(r);
    } else if (has_parent && parent == E_GRAPHML && strcmp(name, "graph") == 0) {
        element = E_GRAPH;
        rc = start_graph(r, attrs, nb_attributes, where);
    } else if (has_parent && parent == E_GRAPHML && strcmp(name, "data") == 0) {
        ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                              "data on <graphml> itself are not supported: a dataset has no such "
                              "attributes");
        return;
    } else if (has_parent && parent == E_GRAPH && strcmp(name, "node") == 0) {
        element = E_NODE;
        rc = start_node(r, attrs, nb_attributes, where);
    } else if (has_parent && parent == E_GRAPH && strcmp(name, "edge") == 0) {
        element = E_EDGE;
        rc = start_edge(r, attrs, nb_attributes, where);
    } else if (has_parent && (parent == E_GRAPH || parent == E_NODE || parent == E_EDGE) &&
               strcmp(name, "data") == 0) {
        element = E_DATA;
        rc = start_data(r, parent, attrs, nb_attributes, where);
    } else {
        unexpected(r, name, has_parent, parent, where);
        return;
    }
    if (rc)
        return;
    if (r->depth == sizeof r->stack / sizeof *r->stack) { /* cannot happen: depth <= 4 */
        ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "elements nested too deeply");
        return;
    }
    r->stack[r->depth++] = element;
}

void ecosys_i_graphml_on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *uri)
{
    ecosys_i_graphml_reader *r = ctx;
    if (r->rc || r->depth == 0)
        return;
    enum element element = (enum element) r->stack[--r->depth];
    enum element parent = r->depth > 0 ? (enum element) r->stack[r->depth - 1] : E_GRAPHML;
    switch (element) {
    case E_DEFAULT: ecosys_i_graphml_end_default(r); break;
    case E_DATA: end_data(r, parent); break;
    case E_NODE: end_node(r); break;
    case E_EDGE: end_edge(r); break;
    case E_GRAPH: ecosys_i_graphml_keep(r, ecosys_i_tie_flush(&r->ties, r->ds, r->path)); break;
    case E_GRAPHML:
        if (!r->seen_graph)
            ecosys_i_graphml_fail(r, ECOSYS_EPARSE, ecosys_i_xml_parser_location(r->ctxt),
                                  "the file holds no <graph>");
        break;
    default: break;
    }
}

/* Text between elements: kept inside <data> and <default>, else only
 * whitespace is allowed. @p cdata: a CDATA block, whose position libxml2
 * gives at its start instead of its end (xml_support.h). */
static void on_text(void *ctx, const xmlChar *text, int length, int cdata)
{
    ecosys_i_graphml_reader *r = ctx;
    if (r->rc || r->depth == 0)
        return;
    enum element top = (enum element) r->stack[r->depth - 1];
    if (top == E_DATA || top == E_DEFAULT) {
        ecosys_i_graphml_text_append(r, (const char *) text, (size_t) length);
        return;
    }
    for (int i = 0; i < length; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
            ecosys_i_graphml_fail(r, ECOSYS_EPARSE,
                                  cdata ? ecosys_i_xml_cdata_location(r->ctxt, text, i)
                                        : ecosys_i_xml_text_location(r->ctxt, text, length, i),
                                  "unexpected text inside <%s>", element_names[top]);
            return;
        }
    }
}

void ecosys_i_graphml_on_text(void *ctx, const xmlChar *text, int length)
{
    on_text(ctx, text, length, 0);
}

void ecosys_i_graphml_on_cdata(void *ctx, const xmlChar *text, int length)
{
    on_text(ctx, text, length, 1);
}
