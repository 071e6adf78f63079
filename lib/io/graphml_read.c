/* GraphML reader.
 *
 * libxml2's SAX2 push parser, fed 64 KiB at a time: the file streams (no
 * tree is built) and every callback knows the exact line and column of the
 * parser, from which the start of the element's tag is found (see
 * xml_support.h, which also says why not xmlTextReader).
 *
 * Security: no network (XML_PARSE_NONET), no entity substitution (no
 * XML_PARSE_NOENT), no DTD loading (no XML_PARSE_DTDLOAD, no externalSubset
 * callback). Any markup declaration in an internal DTD subset, and any
 * reference to an entity other than the five predefined ones, is an error,
 * so no entity is ever expanded. A DOCTYPE line alone is accepted.
 *
 * Model (docs/formats.md): <node id> is an actor, <edge source target> a
 * tie; <data> whose key's attr.name is name/sector/territory/axes (nodes) or
 * weight/kind/axis/start/end (edges) fills the built-in field, every other
 * key is a free attribute, created in key order with its attr.type. A
 * <default> is materialised in every element lacking the data. Whatever the
 * model cannot hold (graph-level data, nested graphs, hyperedges, ports,
 * mixed directions, XML inside <data>, <desc>, several graphs) is
 * ECOSYS_EUNSUPPORTED at the element that carries it.
 */
#include "io/io_internal.h"

#include "core/error.h"
#include "io/graph_io_common.h"
#include "io/xml_support.h"

#include <glib.h>
#include <libxml/parser.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define NONE UINT32_MAX

enum domain { ON_NODE = 1, ON_EDGE = 2, ON_GRAPH = 4 };

enum slot {
    SLOT_NONE, /* the key does not apply to this kind of element */
    SLOT_FREE,
    SLOT_NAME,
    SLOT_SECTOR,
    SLOT_TERRITORY,
    SLOT_AXES,
    SLOT_WEIGHT,
    SLOT_KIND,
    SLOT_AXIS,
    SLOT_START,
    SLOT_END
};

typedef struct key {
    char *id;
    char *name;          /* attr.name, or the id when absent */
    unsigned domains;    /* enum domain bits */
    const char *for_text; /* static */
    enum slot node_slot, edge_slot;
    size_t node_attr, edge_attr; /* free attribute indices (SLOT_FREE) */
    int has_default;
    uint32_t default_value; /* pool index */
    double default_weight;
} key;

enum element { E_GRAPHML, E_KEY, E_DEFAULT, E_GRAPH, E_NODE, E_EDGE, E_DATA };

static const char *const element_names[] = {"graphml", "key",  "default", "graph",
                                            "node",    "edge", "data"};

typedef struct reader {
    xmlParserCtxtPtr ctxt;
    ecosys_dataset *ds;
    const char *path;
    int rc; /* first error; the parser is stopped once set */

    enum element stack[8];
    size_t depth;
    int seen_graph;

    key *keys;
    size_t key_count, key_capacity;
    GHashTable *key_by_id; /* id -> index + 1 */
    int edge_key_named_id; /* an edge key has attr.name "id" */
    int has_edge_id_attr;  /* the free tie attribute "id" holding XML edge ids */
    size_t edge_id_attr;

    /* the node or edge being read */
    uint32_t *values; /* per key: pool index of its <data>, NONE if absent */
    double weight;
    ecosys_i_actor_record actor;
    ecosys_i_tie_record tie;
    uint32_t edge_xml_id; /* pool index, NONE if the edge has no id */
    ecosys_i_pair_list pairs;
    ecosys_i_tie_buffer ties;

    /* the <data> or <default> being read */
    size_t data_key;
    ecosys_i_location data_where;
    char *text;
    size_t text_length, text_capacity;
} reader;

/* ---- errors and positions ------------------------------------------------ */

static int fail(reader *r, int code, ecosys_i_location where, const char *format, ...)
    ECOSYS_I_PRINTF(4, 5);

static int fail(reader *r, int code, ecosys_i_location where, const char *format, ...)
{
    if (r->rc)
        return r->rc;
    char message[900];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    r->rc = ecosys_i_error_at(code, r->path, where.line, where.column, "%s", message);
    xmlStopParser(r->ctxt);
    return r->rc;
}

/* Records an error already set by a callee (keeps its code and message,
 * adds the location; EINVAL from the dataset's validation becomes EPARSE). */
static int fail_last(reader *r, int rc, ecosys_i_location where, const char *prefix)
{
    if (r->rc)
        return r->rc;
    if (rc == ECOSYS_ENOMEM) {
        r->rc = rc;
    } else {
        char message[1024];
        snprintf(message, sizeof message, "%s%s%s", prefix ? prefix : "", prefix ? ": " : "",
                 ecosys_error_last()->message);
        if (rc == ECOSYS_EINVAL || rc == ECOSYS_EEXISTS)
            rc = ECOSYS_EPARSE;
        r->rc = ecosys_i_error_at(rc, r->path, where.line, where.column, "%s", message);
    }
    xmlStopParser(r->ctxt);
    return r->rc;
}

/* Remembers an error recorded (with its location) by a shared helper. */
static int keep(reader *r, int rc)
{
    if (rc && !r->rc) {
        r->rc = rc;
        xmlStopParser(r->ctxt);
    }
    return rc;
}

static ecosys_i_location parser_location(const reader *r)
{
    return ecosys_i_xml_parser_location(r->ctxt);
}

static ecosys_i_location tag_location(const reader *r)
{
    return ecosys_i_xml_tag_location(r->ctxt);
}

/* ---- text of <data> and <default> ---------------------------------------- */

static int text_append(reader *r, const char *bytes, size_t length)
{
    if (r->text_length + length + 1 > r->text_capacity) {
        size_t capacity = ecosys_i_next_capacity(r->text_capacity, r->text_length + length + 1);
        if (ecosys_i_resize((void **) &r->text, capacity, 1))
            return keep(r, ECOSYS_ENOMEM);
        r->text_capacity = capacity;
    }
    memcpy(r->text + r->text_length, bytes, length);
    r->text_length += length;
    r->text[r->text_length] = '\0';
    return 0;
}

static int text_reset(reader *r)
{
    r->text_length = 0;
    return text_append(r, "", 0);
}

/* ---- attributes of a start tag ------------------------------------------- */

/* Returns a copy of the unprefixed attribute @p name (NULL if absent, or on
 * out-of-memory with r->rc set). libxml2 hands attribute values over with
 * every '&' written as "&#38;" when entities are not substituted; decode it. */
static char *attribute(reader *r, const xmlChar **attrs, int count, const char *name)
{
    for (int i = 0; i < count; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (a[1] != NULL || strcmp((const char *) a[0], name) != 0)
            continue;
        size_t length = (size_t) (a[4] - a[3]);
        char *value = malloc(length + 1);
        if (!value) {
            keep(r, ecosys_i_error_nomem());
            return NULL;
        }
        size_t n = 0;
        for (const xmlChar *p = a[3]; p < a[4];) {
            if (*p == '&' && a[4] - p >= 5 && memcmp(p, "&#38;", 5) == 0) {
                value[n++] = '&';
                p += 5;
            } else {
                value[n++] = (char) *p++;
            }
        }
        value[n] = '\0';
        return value;
    }
    return NULL;
}

static int has_attribute(const xmlChar **attrs, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (attrs[5 * i + 1] == NULL && strcmp((const char *) attrs[5 * i], name) == 0)
            return 1;
    return 0;
}

static int intern(reader *r, uint32_t *out, const char *text)
{
    int rc = ecosys_i_dataset_intern(out, r->ds, text, strlen(text));
    return rc ? keep(r, rc) : 0;
}

/* ---- <key> ---------------------------------------------------------------- */

static const char *const attribute_types[] = {"string", "boolean", "int", "long",
                                              "float",  "double",  NULL};

static enum slot builtin_slot(ecosys_table table, const char *name)
{
    static const char *const node_names[] = {"name", "sector", "territory", "axes", NULL};
    static const enum slot node_slots[] = {SLOT_NAME, SLOT_SECTOR, SLOT_TERRITORY, SLOT_AXES};
    static const char *const edge_names[] = {"weight", "kind", "axis", "start", "end", NULL};
    static const enum slot edge_slots[] = {SLOT_WEIGHT, SLOT_KIND, SLOT_AXIS, SLOT_START,
                                           SLOT_END};
    const char *const *names = table == ECOSYS_TABLE_ACTORS ? node_names : edge_names;
    const enum slot *slots = table == ECOSYS_TABLE_ACTORS ? node_slots : edge_slots;
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return slots[i];
    return SLOT_FREE;
}

/* Decides where a key's data go in one table: a built-in field (once per
 * field) or a new free attribute with the key's type. */
static int assign_slot(reader *r, key *k, ecosys_table table, const char *type,
                       ecosys_i_location where)
{
    const char *element = table == ECOSYS_TABLE_ACTORS ? "node" : "edge";
    if ((table == ECOSYS_TABLE_ACTORS && strcmp(k->name, "id") == 0) ||
        (table == ECOSYS_TABLE_TIES &&
         (strcmp(k->name, "source") == 0 || strcmp(k->name, "target") == 0)))
        return fail(r, ECOSYS_EUNSUPPORTED, where,
                    "key \"%.200s\": %s %s attribute named \"%s\" would clash with the %s's "
                    "own %s",
                    k->id, table == ECOSYS_TABLE_ACTORS ? "a" : "an", element, k->name,
                    element, k->name);
    enum slot slot = builtin_slot(table, k->name);
    if (slot != SLOT_FREE) {
        for (size_t i = 0; i + 1 < r->key_count; i++) {
            enum slot other = table == ECOSYS_TABLE_ACTORS ? r->keys[i].node_slot
                                                           : r->keys[i].edge_slot;
            if (other == slot)
                return fail(r, ECOSYS_EPARSE, where,
                            "keys \"%.200s\" and \"%.200s\" both declare the %s attribute "
                            "\"%s\"",
                            r->keys[i].id, k->id, element, k->name);
        }
    } else {
        size_t attr;
        int rc = ecosys_dataset_add_attribute(&attr, r->ds, table, k->name);
        if (rc == ECOSYS_EEXISTS)
            return fail(r, ECOSYS_EPARSE, where,
                        "key \"%.200s\": a second %s attribute named \"%.200s\"", k->id,
                        element, k->name);
        if (rc || (rc = ecosys_dataset_set_attribute_type(r->ds, table, attr, type)))
            return fail_last(r, rc, where, NULL);
        if (table == ECOSYS_TABLE_ACTORS)
            k->node_attr = attr;
        else
            k->edge_attr = attr;
        if (table == ECOSYS_TABLE_TIES && strcmp(k->name, "id") == 0)
            r->edge_key_named_id = 1;
    }
    if (table == ECOSYS_TABLE_ACTORS)
        k->node_slot = slot;
    else
        k->edge_slot = slot;
    return 0;
}

static int start_key(reader *r, const xmlChar **attrs, int count, ecosys_i_location where)
{
    if (r->seen_graph)
        return fail(r, ECOSYS_EPARSE, where, "<key> after <graph>: keys must come first");
    char *id = attribute(r, attrs, count, "id");
    char *for_text = attribute(r, attrs, count, "for");
    char *name = attribute(r, attrs, count, "attr.name");
    char *type = attribute(r, attrs, count, "attr.type");
    int rc = r->rc;
    if (!rc && (!id || !id[0]))
        rc = fail(r, ECOSYS_EPARSE, where, "<key> without an id");
    if (!rc && g_hash_table_contains(r->key_by_id, id))
        rc = fail(r, ECOSYS_EPARSE, where, "duplicate key id \"%.200s\"", id);
    static const char *const fors[] = {"node", "edge", "graph", "all",
                                       "graphml", "hyperedge", "port", "endpoint", NULL};
    static const unsigned for_domains[] = {ON_NODE, ON_EDGE, ON_GRAPH, ON_NODE | ON_EDGE | ON_GRAPH,
                                           0, 0, 0, 0};
    size_t f = 3; /* "all" when absent, as GraphML says */
    if (!rc && for_text) {
        for (f = 0; fors[f] && strcmp(fors[f], for_text) != 0; f++)
            ;
        if (!fors[f])
            rc = fail(r, ECOSYS_EPARSE, where, "key \"%.200s\": unknown for=\"%.100s\"", id,
                      for_text);
    }
    if (!rc && type) {
        size_t t = 0;
        while (attribute_types[t] && strcmp(attribute_types[t], type) != 0)
            t++;
        if (!attribute_types[t])
            rc = fail(r, ECOSYS_EUNSUPPORTED, where,
                      "key \"%.200s\": attr.type \"%.100s\" is not supported (expected "
                      "boolean, int, long, float, double or string)",
                      id, type);
    }
    if (!rc && r->key_count == r->key_capacity) {
        size_t capacity = ecosys_i_next_capacity(r->key_capacity, r->key_count + 1);
        if ((rc = ecosys_i_resize((void **) &r->keys, capacity, sizeof *r->keys)) ||
            (rc = ecosys_i_resize((void **) &r->values, capacity, sizeof *r->values)))
            keep(r, rc);
        else
            r->key_capacity = capacity;
    }
    if (!rc && !name && !(name = strdup(id)))
        rc = keep(r, ecosys_i_error_nomem());
    if (!rc && !name[0])
        rc = fail(r, ECOSYS_EPARSE, where, "key \"%.200s\": empty attr.name", id);
    if (rc) {
        free(id);
        free(name);
        free(for_text);
        free(type);
        return rc;
    }
    key *k = &r->keys[r->key_count++];
    memset(k, 0, sizeof *k);
    k->id = id;
    k->name = name;
    k->domains = for_domains[f];
    k->for_text = fors[f];
    k->node_slot = k->edge_slot = SLOT_NONE;
    g_hash_table_insert(r->key_by_id, k->id, GSIZE_TO_POINTER(r->key_count));
    if (k->domains & ON_NODE)
        rc = assign_slot(r, k, ECOSYS_TABLE_ACTORS, type ? type : "string", where);
    if (!rc && (k->domains & ON_EDGE))
        rc = assign_slot(r, k, ECOSYS_TABLE_TIES, type ? type : "string", where);
    free(for_text);
    free(type);
    return rc;
}

/* Checks a date or weight value where it is read, so that the error points
 * at its <data> or <default>. */
static int check_value(reader *r, enum slot slot, const char *text, double *weight,
                       ecosys_i_location where)
{
    int rc = 0;
    if (slot == SLOT_WEIGHT) {
        if ((rc = ecosys_i_parse_weight(weight, text)))
            return fail_last(r, rc, where, NULL);
    } else if ((slot == SLOT_START || slot == SLOT_END) && text[0]) {
        int32_t first, last;
        if ((rc = ecosys_date_parse(&first, &last, text)))
            return fail_last(r, rc, where, slot == SLOT_START ? "start" : "end");
    }
    return 0;
}

static int end_default(reader *r)
{
    key *k = &r->keys[r->data_key];
    if (k->domains & ON_GRAPH && !(k->domains & (ON_NODE | ON_EDGE)))
        return fail(r, ECOSYS_EUNSUPPORTED, r->data_where,
                    "key \"%.200s\": a default for a graph key gives the graph an attribute; "
                    "graph-level attributes are not supported",
                    k->id);
    int rc;
    if ((rc = check_value(r, k->edge_slot, r->text, &k->default_weight, r->data_where)) ||
        (rc = intern(r, &k->default_value, r->text)))
        return rc;
    k->has_default = 1;
    return 0;
}

/* ---- <graph>, <node>, <edge>, <data> -------------------------------------- */

static int start_graph(reader *r, const xmlChar **attrs, int count, ecosys_i_location where)
{
    if (r->seen_graph)
        return fail(r, ECOSYS_EUNSUPPORTED, where,
                    "a second <graph>: one graph per file is supported");
    r->seen_graph = 1;
    char *edgedefault = attribute(r, attrs, count, "edgedefault");
    int rc = r->rc;
    if (!rc) {
        if (!edgedefault || strcmp(edgedefault, "directed") == 0) /* GraphML's default */
            ecosys_dataset_set_directed(r->ds, 1);
        else if (strcmp(edgedefault, "undirected") == 0)
            ecosys_dataset_set_directed(r->ds, 0);
        else
            rc = fail(r, ECOSYS_EPARSE, where,
                      "edgedefault=\"%.100s\" (expected directed or undirected)", edgedefault);
    }
    free(edgedefault);
    return rc;
}

static void reset_values(reader *r)
{
    for (size_t k = 0; k < r->key_count; k++)
        r->values[k] = NONE;
    r->pairs.count = 0;
}

static int start_node(reader *r, const xmlChar **attrs, int count, ecosys_i_location where)
{
    char *id = attribute(r, attrs, count, "id");
    int rc = r->rc;
    if (!rc && !id)
        rc = fail(r, ECOSYS_EPARSE, where, "<node> without an id");
    memset(&r->actor, 0, sizeof r->actor);
    if (!rc)
        rc = intern(r, &r->actor.id, id);
    free(id);
    r->actor.where = r->actor.id_where = where;
    reset_values(r);
    return rc;
}

static int start_edge(reader *r, const xmlChar **attrs, int count, ecosys_i_location where)
{
    if (has_attribute(attrs, count, "sourceport") || has_attribute(attrs, count, "targetport"))
        return fail(r, ECOSYS_EUNSUPPORTED, where, "ports are not supported");
    char *source = attribute(r, attrs, count, "source");
    char *target = r->rc ? NULL : attribute(r, attrs, count, "target");
    char *directed = r->rc ? NULL : attribute(r, attrs, count, "directed");
    char *id = r->rc ? NULL : attribute(r, attrs, count, "id");
    int rc = r->rc;
    if (!rc && (!source || !target))
        rc = fail(r, ECOSYS_EPARSE, where, "<edge> without a %s", source ? "target" : "source");
    if (!rc && directed) {
        /* xs:boolean: true, false, 1 or 0 */
        int value = strcmp(directed, "true") == 0 || strcmp(directed, "1") == 0    ? 1
                    : strcmp(directed, "false") == 0 || strcmp(directed, "0") == 0 ? 0
                                                                                   : -1;
        if (value < 0)
            rc = fail(r, ECOSYS_EPARSE, where, "directed=\"%.100s\" (expected true or false)",
                      directed);
        else if (value != ecosys_dataset_is_directed(r->ds))
            rc = fail(r, ECOSYS_EUNSUPPORTED, where,
                      "a %s edge in %s graph: graphs mixing directed and undirected edges "
                      "are not supported",
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
            rc = fail(r, ECOSYS_EUNSUPPORTED, where,
                      "edge ids clash with the edge key named \"id\"");
        else if (!r->has_edge_id_attr &&
                 (rc = ecosys_i_find_or_add_attribute(&r->edge_id_attr, r->ds,
                                                      ECOSYS_TABLE_TIES, "id")))
            fail_last(r, rc, where, NULL);
        else
            r->has_edge_id_attr = 1;
        if (!rc)
            rc = intern(r, &r->edge_xml_id, id);
    }
    if (!rc && !(rc = keep(r, ecosys_i_tie_end(&r->tie.source, &r->tie.source_actor, r->ds,
                                                source))))
        rc = keep(r, ecosys_i_tie_end(&r->tie.target, &r->tie.target_actor, r->ds, target));
    free(source);
    free(target);
    free(directed);
    free(id);
    return rc;
}

static int start_data(reader *r, enum element parent, const xmlChar **attrs, int count,
                      ecosys_i_location where)
{
    char *id = attribute(r, attrs, count, "key");
    if (r->rc)
        return r->rc;
    int rc = 0;
    gpointer found = id ? g_hash_table_lookup(r->key_by_id, id) : NULL;
    unsigned domain = parent == E_NODE ? ON_NODE : parent == E_EDGE ? ON_EDGE : ON_GRAPH;
    const char *element = element_names[parent];
    if (!id) {
        rc = fail(r, ECOSYS_EPARSE, where, "<data> without a key");
    } else if (!found) {
        rc = fail(r, ECOSYS_EPARSE, where, "<data> with undeclared key \"%.200s\"", id);
    } else if (domain == ON_GRAPH) {
        rc = fail(r, ECOSYS_EUNSUPPORTED, where,
                  "graph-level data (key \"%.200s\") is not supported: a dataset has no "
                  "graph attributes",
                  r->keys[GPOINTER_TO_SIZE(found) - 1].name);
    } else {
        r->data_key = GPOINTER_TO_SIZE(found) - 1;
        const key *k = &r->keys[r->data_key];
        if (!(k->domains & domain))
            rc = fail(r, ECOSYS_EPARSE, where,
                      "<data> inside <%s> with key \"%.200s\", declared for=\"%s\"", element, id,
                      k->for_text);
        else if (r->values[r->data_key] != NONE)
            rc = fail(r, ECOSYS_EPARSE, where, "a second <data> for key \"%.200s\" in this <%s>",
                      id, element);
    }
    free(id);
    r->data_where = where;
    return rc ? rc : text_reset(r);
}

static int end_data(reader *r, enum element parent)
{
    const key *k = &r->keys[r->data_key];
    enum slot slot = parent == E_NODE ? k->node_slot : k->edge_slot;
    int rc = check_value(r, slot, r->text, &r->weight, r->data_where);
    return rc ? rc : intern(r, &r->values[r->data_key], r->text);
}

/* The value of key @p k for the element just read: its <data>, else the
 * key's default, else NONE. */
static uint32_t value_of(const reader *r, size_t k)
{
    if (r->values[k] != NONE)
        return r->values[k];
    return r->keys[k].has_default ? r->keys[k].default_value : NONE;
}

static int end_node(reader *r)
{
    int rc;
    for (size_t k = 0; k < r->key_count; k++) {
        uint32_t v = value_of(r, k);
        if (v == NONE)
            continue;
        switch (r->keys[k].node_slot) {
        case SLOT_NAME: r->actor.name = v; break;
        case SLOT_SECTOR: r->actor.sector = v; break;
        case SLOT_TERRITORY: r->actor.territory = v; break;
        case SLOT_AXES: r->actor.axes = v; break;
        case SLOT_FREE:
            if ((rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) r->keys[k].node_attr, v)))
                return keep(r, rc);
            break;
        default: break;
        }
    }
    return keep(r, ecosys_i_commit_actor(r->ds, &r->actor, r->pairs.items, r->pairs.count,
                                         r->path));
}

static int end_edge(reader *r)
{
    int rc;
    r->tie.weight = 1.0;
    for (size_t k = 0; k < r->key_count; k++) {
        uint32_t v = value_of(r, k);
        if (v == NONE)
            continue;
        switch (r->keys[k].edge_slot) {
        case SLOT_WEIGHT:
            r->tie.weight = r->values[k] != NONE ? r->weight : r->keys[k].default_weight;
            break;
        case SLOT_KIND: r->tie.kind = v; break;
        case SLOT_AXIS: r->tie.axis = v; break;
        case SLOT_START: r->tie.start = v; break;
        case SLOT_END: r->tie.end = v; break;
        case SLOT_FREE:
            if ((rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) r->keys[k].edge_attr, v)))
                return keep(r, rc);
            break;
        default: break;
        }
    }
    if (r->edge_xml_id != NONE &&
        (rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) r->edge_id_attr, r->edge_xml_id)))
        return keep(r, rc);
    return keep(r, ecosys_i_tie_offer(&r->ties, r->ds, &r->tie, r->pairs.items, r->pairs.count,
                                      r->path));
}

/* ---- SAX callbacks --------------------------------------------------------- */

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

static int unexpected(reader *r, const char *name, int has_parent, enum element parent,
                      ecosys_i_location where)
{
    if (!has_parent)
        return fail(r, ECOSYS_EPARSE, where,
                    "not a GraphML file: the root element is <%.100s>, not <graphml>", name);
    if (parent == E_DATA || parent == E_DEFAULT)
        return fail(r, ECOSYS_EUNSUPPORTED, where,
                    "element <%.100s> inside <%s>: XML-valued data (such as yEd graphics) "
                    "are not supported",
                    name, element_names[parent]);
    if (strcmp(name, "graph") == 0)
        return fail(r, ECOSYS_EUNSUPPORTED, where, "nested graphs are not supported");
    if (strcmp(name, "hyperedge") == 0)
        return fail(r, ECOSYS_EUNSUPPORTED, where, "hyperedges are not supported");
    if (strcmp(name, "port") == 0)
        return fail(r, ECOSYS_EUNSUPPORTED, where, "ports are not supported");
    if (is_graphml_element(name))
        return fail(r, ECOSYS_EUNSUPPORTED, where, "<%s> inside <%s> is not supported", name,
                    element_names[parent]);
    return fail(r, ECOSYS_EPARSE, where, "unknown element <%.100s> inside <%s>", name,
                element_names[parent]);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attrs)
{
    reader *r = ctx;
    if (r->rc)
        return;
    const char *name = (const char *) localname;
    ecosys_i_location where = tag_location(r);
    int has_parent = r->depth > 0;
    enum element parent = has_parent ? r->stack[r->depth - 1] : E_GRAPHML;
    if (has_parent && (parent == E_DATA || parent == E_DEFAULT)) {
        unexpected(r, name, has_parent, parent, where);
        return;
    }
    if (uri && strcmp((const char *) uri, GRAPHML_NS) != 0) {
        fail(r, has_parent ? ECOSYS_EUNSUPPORTED : ECOSYS_EPARSE, where,
             "element <%s%s%.100s> from namespace %.200s is not supported",
             prefix ? (const char *) prefix : "", prefix ? ":" : "", name, (const char *) uri);
        return;
    }
    enum element element;
    int rc = 0;
    if (!has_parent && strcmp(name, "graphml") == 0) {
        element = E_GRAPHML;
    } else if (has_parent && parent == E_GRAPHML && strcmp(name, "key") == 0) {
        element = E_KEY;
        rc = start_key(r, attrs, nb_attributes, where);
    } else if (has_parent && parent == E_KEY && strcmp(name, "default") == 0) {
        element = E_DEFAULT;
        r->data_key = r->key_count - 1;
        r->data_where = where;
        if (r->keys[r->data_key].has_default)
            rc = fail(r, ECOSYS_EPARSE, where, "a second <default> in key \"%.200s\"",
                      r->keys[r->data_key].id);
        else
            rc = text_reset(r);
    } else if (has_parent && parent == E_GRAPHML && strcmp(name, "graph") == 0) {
        element = E_GRAPH;
        rc = start_graph(r, attrs, nb_attributes, where);
    } else if (has_parent && parent == E_GRAPHML && strcmp(name, "data") == 0) {
        fail(r, ECOSYS_EUNSUPPORTED, where,
             "data on <graphml> itself are not supported: a dataset has no such attributes");
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
        fail(r, ECOSYS_EPARSE, where, "elements nested too deeply");
        return;
    }
    r->stack[r->depth++] = element;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    reader *r = ctx;
    if (r->rc || r->depth == 0)
        return;
    enum element element = r->stack[--r->depth];
    enum element parent = r->depth > 0 ? r->stack[r->depth - 1] : E_GRAPHML;
    switch (element) {
    case E_DEFAULT: end_default(r); break;
    case E_DATA: end_data(r, parent); break;
    case E_NODE: end_node(r); break;
    case E_EDGE: end_edge(r); break;
    case E_GRAPH: keep(r, ecosys_i_tie_flush(&r->ties, r->ds, r->path)); break;
    case E_GRAPHML:
        if (!r->seen_graph)
            fail(r, ECOSYS_EPARSE, parser_location(r), "the file holds no <graph>");
        break;
    default: break;
    }
}

static void on_text(void *ctx, const xmlChar *text, int length)
{
    reader *r = ctx;
    if (r->rc || r->depth == 0)
        return;
    enum element top = r->stack[r->depth - 1];
    if (top == E_DATA || top == E_DEFAULT) {
        text_append(r, (const char *) text, (size_t) length);
        return;
    }
    for (int i = 0; i < length; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
            fail(r, ECOSYS_EPARSE, ecosys_i_xml_text_location(r->ctxt, text, length, i),
                 "unexpected text inside <%s>", element_names[top]);
            return;
        }
    }
}

static void on_reference(void *ctx, const xmlChar *name)
{
    reader *r = ctx;
    fail(r, ECOSYS_EUNSUPPORTED, parser_location(r),
         "entity reference &%.100s; is not supported (entities are never expanded)",
         (const char *) name);
}

static void on_declaration(reader *r)
{
    fail(r, ECOSYS_EUNSUPPORTED, parser_location(r),
         "DTD declarations in the document are not supported (entities are never expanded)");
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    on_declaration(ctx);
}

static void on_attribute_decl(void *ctx, const xmlChar *elem, const xmlChar *fullname, int type,
                              int def, const xmlChar *default_value, xmlEnumerationPtr tree)
{
    xmlFreeEnumeration(tree); /* the callback owns it */
    on_declaration(ctx);
}

static void on_element_decl(void *ctx, const xmlChar *name, int type,
                            xmlElementContentPtr content)
{
    on_declaration(ctx);
}

static void on_notation_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                             const xmlChar *system_id)
{
    on_declaration(ctx);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                    const xmlChar *system_id, const xmlChar *notation)
{
    on_declaration(ctx);
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    reader *r = ctx;
    if (r->rc || !e)
        return;
    /* Warnings are harmless (e.g. a relative namespace URI), except an
     * undeclared entity, whose reference libxml2 would drop. */
    if (e->level < XML_ERR_ERROR && e->code != XML_WAR_UNDECLARED_ENTITY)
        return;
    char message[512];
    snprintf(message, sizeof message, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(message);
    while (n > 0 && (message[n - 1] == '\n' || message[n - 1] == ' '))
        message[--n] = '\0';
    for (char *p = message; *p; p++) /* e.g. "...encoding !\nBytes: 0xE9 ..." */
        if (*p == '\n')
            *p = ' ';
    ecosys_i_location where = {e->line > 0 ? (size_t) e->line : 0,
                               e->int2 > 0 ? (size_t) e->int2 : 0};
    fail(r, ECOSYS_EPARSE, where, "malformed XML: %s", message);
}

/* ---- the reader ------------------------------------------------------------ */

static void reader_dispose(reader *r)
{
    for (size_t k = 0; k < r->key_count; k++) {
        free(r->keys[k].id);
        free(r->keys[k].name);
    }
    free(r->keys);
    free(r->values);
    free(r->text);
    if (r->key_by_id)
        g_hash_table_destroy(r->key_by_id);
    ecosys_i_pair_list_dispose(&r->pairs);
    ecosys_i_tie_buffer_dispose(&r->ties);
    if (r->ctxt) {
        /* libxml2 stores entity declarations in a document of its own, even
         * in SAX mode ("expat compatibility"); the context does not own it. */
        if (r->ctxt->myDoc)
            xmlFreeDoc(r->ctxt->myDoc);
        xmlFreeParserCtxt(r->ctxt);
    }
}

static int parse(reader *r, FILE *fp)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.reference = on_reference;
    sax.entityDecl = on_entity_decl;
    sax.attributeDecl = on_attribute_decl;
    sax.elementDecl = on_element_decl;
    sax.notationDecl = on_notation_decl;
    sax.unparsedEntityDecl = on_unparsed_entity_decl;
    sax.serror = on_xml_error;

    enum { BLOCK = 64 * 1024 };
    char *block = malloc(BLOCK);
    if (!block)
        return ecosys_i_error_nomem();
    /* The first bytes let libxml2 detect the encoding. */
    size_t n = fread(block, 1, 4, fp);
    r->ctxt = ferror(fp) ? NULL : xmlCreatePushParserCtxt(&sax, r, block, (int) n, r->path);
    if (!r->ctxt) {
        free(block);
        if (ferror(fp))
            return ecosys_i_error_at(ECOSYS_EIO, r->path, 0, 0, "read error: %s",
                                     strerror(errno));
        return ecosys_i_error_nomem();
    }
    xmlCtxtUseOptions(r->ctxt, XML_PARSE_NONET);
    if (n == 0) {
        free(block);
        ecosys_i_location start = {1, 1};
        return fail(r, ECOSYS_EPARSE, start, "empty file: expected a GraphML document");
    }
    while (!r->rc) {
        n = fread(block, 1, BLOCK, fp);
        if (ferror(fp)) {
            r->rc = ecosys_i_error_at(ECOSYS_EIO, r->path, 0, 0, "read error: %s",
                                      strerror(errno));
            break;
        }
        int last = n < BLOCK;
        int status = xmlParseChunk(r->ctxt, block, (int) n, last);
        if (status && !r->rc)
            fail(r, ECOSYS_EPARSE, parser_location(r), "malformed XML (libxml2 error %d)",
                 status);
        if (last)
            break;
    }
    if (!r->rc && !r->ctxt->wellFormed)
        fail(r, ECOSYS_EPARSE, parser_location(r), "malformed XML");
    free(block);
    return r->rc;
}

int ecosys_i_read_graphml(ecosys_dataset **out, const char *path)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ecosys_i_error_at(ECOSYS_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    reader r;
    memset(&r, 0, sizeof r);
    r.path = path;
    int rc = ecosys_dataset_new(&r.ds, 1);
    if (rc) {
        fclose(fp);
        return rc;
    }
    r.key_by_id = g_hash_table_new(g_str_hash, g_str_equal);
    ecosys_i_xml_handlers saved;
    ecosys_i_xml_begin(&saved);
    rc = parse(&r, fp);
    reader_dispose(&r);
    ecosys_i_xml_end(&saved);
    fclose(fp);
    if (rc) {
        ecosys_dataset_free(r.ds);
        return rc;
    }
    *out = r.ds;
    return 0;
}
