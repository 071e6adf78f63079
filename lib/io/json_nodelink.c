/* Node and link objects of a node-link JSON file onto the dataset
 * (docs/formats.md): "id" is the actor id (a string, or an integer kept as
 * its decimal text); name/sector/territory/axes of a node and
 * source/target/weight/kind/axis/start/end of a link fill the built-in
 * fields; every other member is a free attribute, created in order of first
 * appearance, whose type (set at the end, ecosys_i_json_set_types()) is
 * "long", "double" or "boolean" when all its non-empty values are JSON
 * numbers of that kind or booleans, else "string". Values are kept as their
 * JSON text. Errors name the value by a JSON pointer ("/links/3/weight"),
 * built only when an error needs it. */
#include "io/json_read_internal.h"
#include "io/weight_text.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* Type evidence of a free attribute's values. */
enum { SEEN_STRING = 1, SEEN_INT = 2, SEEN_REAL = 4, SEEN_BOOL = 8 };

/* Where a value is, as a JSON pointer such as /nodes/3/club, formatted
 * only when an error needs it. */
typedef struct json_ptr {
    const char *section; /* "nodes", "links" or "edges" */
    size_t index;
    const char *member; /* NULL for the object itself */
    char text[256];
} json_ptr;

/* Formats the pointer (member names escaped as RFC 6901 says: ~ as ~0, /
 * as ~1), shortened if very long. */
static const char *pointer(json_ptr *p)
{
    int n = snprintf(p->text, sizeof p->text, "/%s/%zu", p->section, p->index);
    if (!p->member || n < 0 || n >= 200)
        return p->text;
    size_t at = (size_t) n;
    p->text[at++] = '/';
    for (const char *c = p->member; *c && at < 240; c++) {
        if (*c == '~' || *c == '/') {
            p->text[at++] = '~';
            p->text[at++] = *c == '~' ? '0' : '1';
        } else {
            p->text[at++] = *c;
        }
    }
    if (at >= 240) /* do not cut a UTF-8 sequence */
        while (at > 0 && (p->text[at - 1] & 0xC0) == 0x80)
            at--;
    p->text[at] = '\0';
    return p->text;
}

/* ---- values ------------------------------------------------------------------ */

static const char *kind_name(ecosys_i_json_kind kind)
{
    switch (kind) {
    case ECOSYS_I_JSON_NULL: return "null";
    case ECOSYS_I_JSON_ARRAY: return "an array";
    case ECOSYS_I_JSON_OBJECT: return "an object";
    default: return "this value";
    }
}

/* Reads a text value: a string as is, a number or boolean as its JSON text;
 * null, arrays and objects are unsupported. The text is left in r->text. */
static int read_text(ecosys_i_json_reader *r, json_ptr *ptr, ecosys_i_json_kind *kind,
                     ecosys_i_location *where)
{
    int rc = ecosys_i_json_read_value(r, kind, where);
    if (rc)
        return rc;
    switch (*kind) {
    case ECOSYS_I_JSON_TRUE:
    case ECOSYS_I_JSON_FALSE:
        if (ecosys_i_text_buffer_reset(&r->text) ||
            ecosys_i_text_buffer_append(&r->text, *kind == ECOSYS_I_JSON_TRUE ? "true" : "false",
                                      *kind == ECOSYS_I_JSON_TRUE ? 4 : 5))
            return ecosys_i_error_nomem();
        return 0;
    case ECOSYS_I_JSON_NULL:
    case ECOSYS_I_JSON_ARRAY:
    case ECOSYS_I_JSON_OBJECT:
        return ecosys_i_json_fail(
            r, ECOSYS_EUNSUPPORTED, *where,
            "%s: %s is not supported as a value (only strings, numbers and booleans)",
            pointer(ptr), kind_name(*kind));
    default:
        return 0;
    }
}

static int intern(ecosys_i_json_reader *r, uint32_t *out, const char *text)
{
    return ecosys_i_dataset_intern(out, r->ds, text, strlen(text));
}

/* An actor id: a string, or an integer kept as its decimal text. For the
 * ends of a link (@p actor not NULL), also the actor's index if known. */
static int read_id(ecosys_i_json_reader *r, json_ptr *ptr, uint32_t *out, size_t *actor,
                   ecosys_i_location *where)
{
    ecosys_i_json_kind kind;
    int rc = ecosys_i_json_read_value(r, &kind, where);
    if (rc)
        return rc;
    if (kind != ECOSYS_I_JSON_STRING && kind != ECOSYS_I_JSON_INT)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, *where, "%s: must be a string or an integer",
                                  pointer(ptr));
    if (actor)
        return ecosys_i_tie_end(out, actor, r->ds, r->text.data);
    return intern(r, out, r->text.data);
}

/* "axes": a string, or an array of strings joined with ';'. */
static int read_axes(ecosys_i_json_reader *r, json_ptr *ptr, uint32_t *out)
{
    ecosys_i_location where;
    ecosys_i_json_skip_space(r);
    if (ecosys_i_json_peek(r) != '[') {
        ecosys_i_json_kind kind;
        int rc = read_text(r, ptr, &kind, &where);
        return rc ? rc : intern(r, out, r->text.data);
    }
    ecosys_i_json_advance(r);
    if (ecosys_i_text_buffer_reset(&r->join))
        return ecosys_i_error_nomem();
    int first = 1, rc;
    size_t count = 0;
    while ((rc = ecosys_i_json_next_element(r, &first)) == 1) {
        ecosys_i_json_kind kind;
        if ((rc = ecosys_i_json_read_value(r, &kind, &where)))
            return rc;
        if (kind != ECOSYS_I_JSON_STRING)
            return ecosys_i_json_fail(r, ECOSYS_EUNSUPPORTED, where,
                                      "%s/%zu: axes must be strings", pointer(ptr), count);
        if (strchr(r->text.data, ';'))
            return ecosys_i_json_fail(r, ECOSYS_EUNSUPPORTED, where,
                                      "%s/%zu: an axis containing ';' cannot be kept (axes are "
                                      "joined with ';')",
                                      pointer(ptr), count);
        if ((count > 0 && ecosys_i_text_buffer_append(&r->join, ";", 1)) ||
            ecosys_i_text_buffer_append(&r->join, r->text.data, r->text.length))
            return ecosys_i_error_nomem();
        count++;
    }
    return rc < 0 ? rc : intern(r, out, r->join.data);
}

static int grow_columns(ecosys_i_json_columns *c, size_t need)
{
    if (need <= c->capacity)
        return 0;
    size_t capacity = ecosys_i_next_capacity(c->capacity, need);
    if (ecosys_i_resize((void **) &c->seen, capacity, sizeof *c->seen) ||
        ecosys_i_resize((void **) &c->stamp, capacity, sizeof *c->stamp))
        return ECOSYS_ENOMEM;
    memset(c->seen + c->capacity, 0, (capacity - c->capacity) * sizeof *c->seen);
    memset(c->stamp + c->capacity, 0, (capacity - c->capacity) * sizeof *c->stamp);
    c->capacity = capacity;
    return 0;
}

/* A member that is not a built-in field: a free attribute. */
static int read_free(ecosys_i_json_reader *r, ecosys_table table, json_ptr *ptr,
                     ecosys_i_location key_where)
{
    ecosys_i_json_kind kind;
    ecosys_i_location where;
    size_t attr;
    int rc = read_text(r, ptr, &kind, &where);
    if (rc)
        return rc;
    if ((rc = ecosys_i_find_or_add_attribute(&attr, r->ds, table, r->key.data)))
        return ecosys_i_json_fail_last(r, rc, where, pointer(ptr));
    ecosys_i_json_columns *c = &r->columns[table];
    if (grow_columns(c, attr + 1))
        return ecosys_i_error_nomem();
    if (c->stamp[attr] == r->row_serial)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, key_where, "%s: duplicate member",
                                  pointer(ptr));
    c->stamp[attr] = r->row_serial;
    if (kind == ECOSYS_I_JSON_STRING && r->text.length > 0)
        c->seen[attr] |= SEEN_STRING;
    else if (kind == ECOSYS_I_JSON_INT)
        c->seen[attr] |= SEEN_INT;
    else if (kind == ECOSYS_I_JSON_REAL)
        c->seen[attr] |= SEEN_REAL;
    else if (kind == ECOSYS_I_JSON_TRUE || kind == ECOSYS_I_JSON_FALSE)
        c->seen[attr] |= SEEN_BOOL;
    uint32_t value;
    if ((rc = intern(r, &value, r->text.data)) ||
        (rc = ecosys_i_pair_list_push(&r->pairs, (uint32_t) attr, value)))
        return rc;
    return 0;
}

/* Marks a built-in member as seen in this object; a second one is an error. */
static int once(ecosys_i_json_reader *r, unsigned *seen, unsigned bit, json_ptr *ptr,
                ecosys_i_location key_where)
{
    if (*seen & bit)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, key_where, "%s: duplicate member",
                                  pointer(ptr));
    *seen |= bit;
    return 0;
}

/* Enters a node or link object: skips its '{' and starts a new row. */
static void begin_row(ecosys_i_json_reader *r)
{
    ecosys_i_json_advance(r); /* '{' */
    r->pairs.count = 0;
    r->row_serial++;
}

/* Index of @p key in the NULL-terminated @p fields, or of the NULL at
 * their end when the key is a free attribute. */
static size_t field_index(const char *const *fields, const char *key)
{
    size_t f = 0;
    while (fields[f] && strcmp(fields[f], key) != 0)
        f++;
    return f;
}

/* ---- nodes and links ---------------------------------------------------------- */

int ecosys_i_json_read_node(ecosys_i_json_reader *r, size_t index)
{
    static const char *const fields[] = {"id", "name", "sector", "territory", "axes", NULL};
    json_ptr at = {"nodes", index, NULL, ""}, *ptr = &at;
    ecosys_i_actor_record *a = &r->actor;
    memset(a, 0, sizeof *a);
    a->where = ecosys_i_json_here(r);
    begin_row(r);
    unsigned seen = 0;
    int first = 1, rc;
    ecosys_i_location key_where, where;
    while ((rc = ecosys_i_json_next_member(r, &first, &key_where)) == 1) {
        at.member = r->key.data;
        size_t f = field_index(fields, r->key.data);
        if (!fields[f]) {
            rc = read_free(r, ECOSYS_TABLE_ACTORS, ptr, key_where);
        } else if ((rc = once(r, &seen, 1u << f, ptr, key_where))) {
            /* duplicate */
        } else if (f == 0) {
            rc = read_id(r, ptr, &a->id, NULL, &a->id_where);
        } else if (f == 4) {
            rc = read_axes(r, ptr, &a->axes);
        } else {
            ecosys_i_json_kind kind;
            uint32_t *field = f == 1 ? &a->name : f == 2 ? &a->sector : &a->territory;
            if (!(rc = read_text(r, ptr, &kind, &where)))
                rc = intern(r, field, r->text.data);
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return rc;
    at.member = NULL;
    if (!(seen & 1))
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, a->where, "%s: node without \"id\"",
                                  pointer(ptr));
    rc = ecosys_i_commit_actor(r->ds, a, r->pairs.items, r->pairs.count, r->path);
    if (rc && rc != ECOSYS_ENOMEM)
        ecosys_i_error_prefix("%s", pointer(ptr));
    return rc;
}

static int read_weight(ecosys_i_json_reader *r, json_ptr *ptr, double *out)
{
    ecosys_i_json_kind kind;
    ecosys_i_location where;
    int rc = ecosys_i_json_read_value(r, &kind, &where);
    if (rc)
        return rc;
    if (kind != ECOSYS_I_JSON_INT && kind != ECOSYS_I_JSON_REAL)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, where, "%s: weight must be a number",
                                  pointer(ptr));
    /* The lexer has checked JSON's number syntax; the rule of every format
     * (io/weight_text.h) then refuses 1e999, 1e-400 and -1. */
    ecosys_i_weight_status status = ecosys_i_weight_from_text(out, r->text.data, r->text.length);
    if (status != ECOSYS_I_WEIGHT_OK)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, where, "%s: weight %.100s %s", pointer(ptr),
                                  r->text.data, ecosys_i_weight_problem(status));
    return 0;
}

static int read_date(ecosys_i_json_reader *r, json_ptr *ptr, uint32_t *out)
{
    ecosys_i_json_kind kind;
    ecosys_i_location where;
    int rc = read_text(r, ptr, &kind, &where);
    if (rc)
        return rc;
    int32_t first, last;
    if (r->text.length > 0 && (rc = ecosys_date_parse(&first, &last, r->text.data)))
        return ecosys_i_json_fail_last(r, rc, where, pointer(ptr));
    return intern(r, out, r->text.data);
}

int ecosys_i_json_read_link(ecosys_i_json_reader *r, const char *section, size_t index)
{
    static const char *const fields[] = {"source", "target", "weight", "kind",
                                         "axis",   "start",  "end",    NULL};
    json_ptr at = {section, index, NULL, ""}, *ptr = &at;
    ecosys_i_tie_record *t = &r->tie;
    memset(t, 0, sizeof *t);
    t->source_actor = t->target_actor = SIZE_MAX;
    t->where = ecosys_i_json_here(r);
    t->weight = 1.0;
    t->index = index;
    begin_row(r);
    unsigned seen = 0;
    int first = 1, rc;
    ecosys_i_location key_where, where;
    while ((rc = ecosys_i_json_next_member(r, &first, &key_where)) == 1) {
        at.member = r->key.data;
        size_t f = field_index(fields, r->key.data);
        if (!fields[f]) {
            rc = read_free(r, ECOSYS_TABLE_TIES, ptr, key_where);
        } else if ((rc = once(r, &seen, 1u << f, ptr, key_where))) {
            /* duplicate */
        } else if (f == 0) {
            rc = read_id(r, ptr, &t->source, &t->source_actor, &t->source_where);
        } else if (f == 1) {
            rc = read_id(r, ptr, &t->target, &t->target_actor, &t->target_where);
        } else if (f == 2) {
            rc = read_weight(r, ptr, &t->weight);
        } else if (f == 5 || f == 6) {
            rc = read_date(r, ptr, f == 5 ? &t->start : &t->end);
        } else {
            ecosys_i_json_kind kind;
            if (!(rc = read_text(r, ptr, &kind, &where)))
                rc = intern(r, f == 3 ? &t->kind : &t->axis, r->text.data);
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return rc;
    at.member = NULL;
    if ((seen & 3) != 3)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, t->where, "%s: link without \"%s\"",
                                  pointer(ptr), seen & 1 ? "target" : "source");
    return ecosys_i_tie_offer(&r->ties, r->ds, t, r->pairs.items, r->pairs.count, r->path);
}

/* ---- the types of free attributes ------------------------------------------------ */

int ecosys_i_json_set_types(ecosys_i_json_reader *r)
{
    for (int table = 0; table < 2; table++) {
        const ecosys_i_json_columns *c = &r->columns[table];
        size_t count = ecosys_dataset_attribute_count(r->ds, (ecosys_table) table);
        for (size_t a = 0; a < count && a < c->capacity; a++) {
            unsigned seen = c->seen[a];
            const char *type = seen == SEEN_INT                 ? "long"
                               : seen == SEEN_REAL || seen == (SEEN_INT | SEEN_REAL) ? "double"
                               : seen == SEEN_BOOL                                    ? "boolean"
                                                                                      : "string";
            int rc = ecosys_dataset_set_attribute_type(r->ds, (ecosys_table) table, a, type);
            if (rc)
                return rc;
        }
    }
    return 0;
}
