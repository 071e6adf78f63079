/* GraphML <key> and <default> declarations (graphml_read_internal.h): a
 * key's attr.type must be one GraphML defines; its attr.name (or its id)
 * decides where its data go in each element it is declared for: a built-in
 * field (name/sector/territory/axes of a node, weight/kind/axis/start/end of
 * an edge, once per field) or else a free attribute, created in key order
 * with the key's type. A <default> is checked like the data it stands for
 * and materialised later in every element lacking the data. */
#include "io/graphml_read_internal.h"
#include "io/weight_text.h"

#include <stdlib.h>
#include <string.h>

static const char *const attribute_types[] = {"string", "boolean", "int", "long",
                                              "float",  "double",  NULL};

static ecosys_i_graphml_slot builtin_slot(ecosys_table table, const char *name)
{
    static const char *const node_names[] = {"name", "sector", "territory", "axes", NULL};
    static const ecosys_i_graphml_slot node_slots[] = {
        ECOSYS_I_GRAPHML_SLOT_NAME, ECOSYS_I_GRAPHML_SLOT_SECTOR, ECOSYS_I_GRAPHML_SLOT_TERRITORY,
        ECOSYS_I_GRAPHML_SLOT_AXES};
    static const char *const edge_names[] = {"weight", "kind", "axis", "start", "end", NULL};
    static const ecosys_i_graphml_slot edge_slots[] = {
        ECOSYS_I_GRAPHML_SLOT_WEIGHT, ECOSYS_I_GRAPHML_SLOT_KIND, ECOSYS_I_GRAPHML_SLOT_AXIS,
        ECOSYS_I_GRAPHML_SLOT_START, ECOSYS_I_GRAPHML_SLOT_END};
    const char *const *names = table == ECOSYS_TABLE_ACTORS ? node_names : edge_names;
    const ecosys_i_graphml_slot *slots = table == ECOSYS_TABLE_ACTORS ? node_slots : edge_slots;
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return slots[i];
    return ECOSYS_I_GRAPHML_SLOT_FREE;
}

/* Decides where a key's data go in one table: a built-in field (once per
 * field) or a new free attribute with the key's type. */
static int assign_slot(ecosys_i_graphml_reader *r, ecosys_i_graphml_key *k, ecosys_table table,
                       const char *type, ecosys_i_location where)
{
    const char *element = table == ECOSYS_TABLE_ACTORS ? "node" : "edge";
    if ((table == ECOSYS_TABLE_ACTORS && strcmp(k->name, "id") == 0) ||
        (table == ECOSYS_TABLE_TIES &&
         (strcmp(k->name, "source") == 0 || strcmp(k->name, "target") == 0)))
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                     "key \"%.200s\": %s %s attribute named \"%s\" would clash "
                                     "with the %s's own %s", k->id,
                                     table == ECOSYS_TABLE_ACTORS ? "a" : "an", element, k->name,
                                     element, k->name);
    ecosys_i_graphml_slot slot = builtin_slot(table, k->name);
    if (slot != ECOSYS_I_GRAPHML_SLOT_FREE) {
        for (size_t i = 0; i + 1 < r->key_count; i++) {
            ecosys_i_graphml_slot other = table == ECOSYS_TABLE_ACTORS ? r->keys[i].node_slot
                                                                       : r->keys[i].edge_slot;
            if (other == slot)
                return ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                             "keys \"%.200s\" and \"%.200s\" both declare the %s "
                                             "attribute \"%s\"", r->keys[i].id, k->id, element,
                                             k->name);
        }
    } else {
        size_t attr;
        int rc = ecosys_dataset_add_attribute(&attr, r->ds, table, k->name);
        if (rc == ECOSYS_EEXISTS)
            return ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                         "key \"%.200s\": a second %s attribute named \"%.200s\"",
                                         k->id, element, k->name);
        if (rc || (rc = ecosys_dataset_set_attribute_type(r->ds, table, attr, type)))
            return ecosys_i_graphml_fail_last(r, rc, where, NULL);
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

int ecosys_i_graphml_start_key(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                               ecosys_i_location where)
{
    if (r->seen_graph)
        return ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                     "<key> after <graph>: keys must come first");
    char *id = ecosys_i_graphml_attribute(r, attrs, count, "id");
    char *for_text = ecosys_i_graphml_attribute(r, attrs, count, "for");
    char *name = ecosys_i_graphml_attribute(r, attrs, count, "attr.name");
    char *type = ecosys_i_graphml_attribute(r, attrs, count, "attr.type");
    int rc = r->rc;
    if (!rc && (!id || !id[0]))
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "<key> without an id");
    uint32_t known;
    if (!rc && ecosys_i_strpool_lookup(&known, &r->key_ids, id))
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "duplicate key id \"%.200s\"", id);
    static const char *const fors[] = {"node", "edge", "graph", "all",
                                       "graphml", "hyperedge", "port", "endpoint", NULL};
    static const unsigned for_domains[] = {
        ECOSYS_I_GRAPHML_ON_NODE, ECOSYS_I_GRAPHML_ON_EDGE, ECOSYS_I_GRAPHML_ON_GRAPH,
        ECOSYS_I_GRAPHML_ON_NODE | ECOSYS_I_GRAPHML_ON_EDGE | ECOSYS_I_GRAPHML_ON_GRAPH,
        0, 0, 0, 0};
    size_t f = 3; /* "all" when absent, as GraphML says */
    if (!rc && for_text) {
        for (f = 0; fors[f] && strcmp(fors[f], for_text) != 0; f++)
            ;
        if (!fors[f])
            rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                       "key \"%.200s\": unknown for=\"%.100s\"", id, for_text);
    }
    if (!rc && type) {
        size_t t = 0;
        while (attribute_types[t] && strcmp(attribute_types[t], type) != 0)
            t++;
        if (!attribute_types[t])
            rc = ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, where,
                                       "key \"%.200s\": attr.type \"%.100s\" is not supported "
                                       "(expected boolean, int, long, float, double or string)",
                                       id, type);
    }
    if (!rc && r->key_count == r->key_capacity) {
        size_t capacity = ecosys_i_next_capacity(r->key_capacity, r->key_count + 1);
        if ((rc = ecosys_i_resize((void **) &r->keys, capacity, sizeof *r->keys)) ||
            (rc = ecosys_i_resize((void **) &r->values, capacity, sizeof *r->values)))
            ecosys_i_graphml_keep(r, rc);
        else
            r->key_capacity = capacity;
    }
    if (!rc && !name && !(name = strdup(id)))
        rc = ecosys_i_graphml_keep(r, ecosys_i_error_nomem());
    if (!rc && !name[0])
        rc = ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "key \"%.200s\": empty attr.name",
                                   id);
    if (rc) {
        free(id);
        free(name);
        free(for_text);
        free(type);
        return rc;
    }
    ecosys_i_graphml_key *k = &r->keys[r->key_count++];
    memset(k, 0, sizeof *k);
    k->id = id;
    k->name = name;
    k->domains = for_domains[f];
    k->for_text = fors[f];
    k->node_slot = k->edge_slot = ECOSYS_I_GRAPHML_SLOT_NONE;
    uint32_t entry;
    if ((rc = ecosys_i_strpool_intern(&entry, &r->key_ids, k->id)))
        return ecosys_i_graphml_keep(r, rc == ECOSYS_ENOMEM
                                            ? ecosys_i_error_nomem()
                                            : ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where,
                                                                    "too many keys"));
    ecosys_i_strpool_set_value(&r->key_ids, entry, (uint32_t) (r->key_count - 1));
    if (k->domains & ECOSYS_I_GRAPHML_ON_NODE)
        rc = assign_slot(r, k, ECOSYS_TABLE_ACTORS, type ? type : "string", where);
    if (!rc && (k->domains & ECOSYS_I_GRAPHML_ON_EDGE))
        rc = assign_slot(r, k, ECOSYS_TABLE_TIES, type ? type : "string", where);
    free(for_text);
    free(type);
    return rc;
}

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A weight's text (io/weight_text.h), XML whitespace around it allowed.
 * Returns 0 or ECOSYS_EPARSE with a message (no location). */
static int parse_weight(double *out, const char *text)
{
    size_t begin = 0, end = strlen(text);
    while (begin < end && is_xml_space(text[begin]))
        begin++;
    while (end > begin && is_xml_space(text[end - 1]))
        end--;
    /* A copy without the spaces; a weight longer than the buffer cannot be
     * a useful number but is still judged whole (malloc, not GLib's
     * aborting g_strndup). */
    char small[64], *number = end - begin < sizeof small ? small : malloc(end - begin + 1);
    if (!number)
        return ecosys_i_error_nomem();
    memcpy(number, text + begin, end - begin);
    number[end - begin] = '\0';
    ecosys_i_weight_status status = ecosys_i_weight_from_text(out, number, end - begin);
    if (number != small)
        free(number);
    if (status != ECOSYS_I_WEIGHT_OK)
        return ecosys_i_error(ECOSYS_EPARSE, "weight \"%.100s\" %s", text,
                              ecosys_i_weight_problem(status));
    return 0;
}

int ecosys_i_graphml_check_value(ecosys_i_graphml_reader *r, ecosys_i_graphml_slot slot,
                                 const char *text, double *weight, ecosys_i_location where)
{
    int rc = 0;
    if (slot == ECOSYS_I_GRAPHML_SLOT_WEIGHT) {
        if ((rc = parse_weight(weight, text)))
            return ecosys_i_graphml_fail_last(r, rc, where, NULL);
    } else if ((slot == ECOSYS_I_GRAPHML_SLOT_START || slot == ECOSYS_I_GRAPHML_SLOT_END) &&
               text[0]) {
        int32_t first, last;
        if ((rc = ecosys_date_parse(&first, &last, text)))
            return ecosys_i_graphml_fail_last(
                r, rc, where, slot == ECOSYS_I_GRAPHML_SLOT_START ? "start" : "end");
    }
    return 0;
}

int ecosys_i_graphml_end_default(ecosys_i_graphml_reader *r)
{
    ecosys_i_graphml_key *k = &r->keys[r->data_key];
    if (k->domains & ECOSYS_I_GRAPHML_ON_GRAPH &&
        !(k->domains & (ECOSYS_I_GRAPHML_ON_NODE | ECOSYS_I_GRAPHML_ON_EDGE)))
        return ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, r->data_where,
                                     "key \"%.200s\": a default for a graph key gives the graph "
                                     "an attribute; graph-level attributes are not supported",
                                     k->id);
    int rc;
    if ((rc = ecosys_i_graphml_check_value(r, k->edge_slot, r->text.data, &k->default_weight,
                                           r->data_where)) ||
        (rc = ecosys_i_graphml_intern(r, &k->default_value, r->text.data)))
        return rc;
    k->has_default = 1;
    return 0;
}
