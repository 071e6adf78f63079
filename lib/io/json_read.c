/* Node-link JSON reader: the layout of NetworkX's node_link_data
 * ({"directed", "multigraph", "graph", "nodes", "links" or "edges"}).
 *
 * Why not json-glib: Debian 12's json-glib 1.6 loses or alters data
 * silently, which the loaders must never do: integers beyond 64 bits wrap
 * (12345678901234567890 reads as -6101065172474983726), only the last of
 * duplicate object members is kept, strings are cut at "\u0000", numbers
 * are kept as doubles (so 1.0 and 1 cannot be told apart and the text of
 * a number is lost), hexadecimal and leading-zero numbers are accepted, and
 * values carry no position, so semantic errors could not be located. It also
 * builds the whole document as a tree. This reader is a strict RFC 8259
 * parser driven by the node-link layout: it streams the file in 64 KiB
 * blocks, never recurses beyond the layout's fixed depth, keeps the text of
 * every number as written, and locates every error by line and column (in
 * code points) plus a JSON pointer ("/links/3/weight") in the message.
 *
 * It comes in three parts (json_read_internal.h): the tokenizer
 * (json_lexer.c), the node and link objects (json_nodelink.c, which also
 * gives the model), and here the document: its top-level members and the
 * entry point. null, arrays (except "axes", an array of strings joined with
 * ';') and objects as values, a non-empty "graph" object and unknown
 * top-level members are ECOSYS_EUNSUPPORTED. */
#include "io/io_internal.h"

#include "io/json_read_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* "nodes" or "links"/"edges": an array of objects. */
static int read_rows(ecosys_i_json_reader *r, const char *section, int nodes)
{
    ecosys_i_json_skip_space(r);
    if (ecosys_i_json_peek(r) != '[') {
        if (ecosys_i_json_peek(r) < 0)
            return ecosys_i_json_unexpected(r, "an array");
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, ecosys_i_json_here(r),
                                  "/%s: must be an array of objects", section);
    }
    ecosys_i_json_advance(r);
    int first = 1, rc;
    size_t index = 0;
    while ((rc = ecosys_i_json_next_element(r, &first)) == 1) {
        if (ecosys_i_json_peek(r) != '{') {
            if (ecosys_i_json_peek(r) < 0)
                return ecosys_i_json_unexpected(r, "an object");
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, ecosys_i_json_here(r),
                                      "/%s/%zu: a %s must be an object", section, index,
                                      nodes ? "node" : "link");
        }
        if ((rc = nodes ? ecosys_i_json_read_node(r, index)
                        : ecosys_i_json_read_link(r, section, index)))
            return rc;
        index++;
    }
    return rc;
}

static int read_bool(ecosys_i_json_reader *r, const char *name, int *out)
{
    ecosys_i_json_kind kind;
    ecosys_i_location where;
    int rc = ecosys_i_json_read_value(r, &kind, &where);
    if (rc)
        return rc;
    if (kind != ECOSYS_I_JSON_TRUE && kind != ECOSYS_I_JSON_FALSE)
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, where, "/%s: must be true or false", name);
    *out = kind == ECOSYS_I_JSON_TRUE;
    return 0;
}

/* "graph": graph-level attributes, which a dataset cannot hold. */
static int read_graph(ecosys_i_json_reader *r)
{
    ecosys_i_json_skip_space(r);
    if (ecosys_i_json_peek(r) != '{') {
        if (ecosys_i_json_peek(r) < 0)
            return ecosys_i_json_unexpected(r, "an object");
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, ecosys_i_json_here(r),
                                  "/graph: must be an object");
    }
    ecosys_i_json_advance(r);
    int first = 1;
    ecosys_i_location key_where;
    int rc = ecosys_i_json_next_member(r, &first, &key_where);
    if (rc == 1) {
        char ptr[256];
        snprintf(ptr, sizeof ptr, "/graph/%.200s", r->key.data);
        return ecosys_i_json_fail(r, ECOSYS_EUNSUPPORTED, key_where,
                                  "%s: graph-level attributes are not supported (a dataset has "
                                  "none); remove them before export (NetworkX: G.graph.clear())",
                                  ptr);
    }
    return rc;
}

enum { TOP_DIRECTED = 1, TOP_MULTIGRAPH = 2, TOP_GRAPH = 4, TOP_NODES = 8, TOP_LINKS = 16 };

static int read_document(ecosys_i_json_reader *r)
{
    /* A UTF-8 byte order mark is skipped. */
    if (ecosys_i_json_peek(r) == 0xEF && r->length >= 3 && r->block[1] == 0xBB &&
        r->block[2] == 0xBF)
        r->pos = 3;
    ecosys_i_json_skip_space(r);
    ecosys_i_location top = ecosys_i_json_here(r);
    if (ecosys_i_json_peek(r) != '{') {
        if (ecosys_i_json_peek(r) < 0 && r->eof != 2 && r->line == 1 && r->column == 1)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, top, "empty file: expected a JSON object");
        return ecosys_i_json_unexpected(r, "'{' (a node-link JSON object)");
    }
    ecosys_i_json_advance(r);
    unsigned seen = 0;
    int first = 1, rc;
    ecosys_i_location key_where;
    while ((rc = ecosys_i_json_next_member(r, &first, &key_where)) == 1) {
        const char *name = r->key.data;
        unsigned bit = strcmp(name, "directed") == 0     ? TOP_DIRECTED
                       : strcmp(name, "multigraph") == 0 ? TOP_MULTIGRAPH
                       : strcmp(name, "graph") == 0      ? TOP_GRAPH
                       : strcmp(name, "nodes") == 0      ? TOP_NODES
                       : strcmp(name, "links") == 0 || strcmp(name, "edges") == 0 ? TOP_LINKS
                                                                                   : 0;
        if (!bit)
            return ecosys_i_json_fail(r, ECOSYS_EUNSUPPORTED, key_where,
                                      "/%.200s: unknown top-level member (expected directed, "
                                      "multigraph, graph, nodes, links or edges)",
                                      name);
        if (seen & bit)
            return ecosys_i_json_fail(r, ECOSYS_EPARSE, key_where,
                                      bit == TOP_LINKS ? "/%.200s: a second list of links "
                                                         "(\"links\" or \"edges\")"
                                                       : "/%.200s: duplicate member",
                                      name);
        seen |= bit;
        int flag = 0; /* read_bool() sets it on success, which GCC -O2 cannot prove */
        switch (bit) {
        case TOP_DIRECTED:
            if (!(rc = read_bool(r, "directed", &flag)))
                ecosys_dataset_set_directed(r->ds, flag);
            break;
        case TOP_MULTIGRAPH: /* derived from the ties; the writer recomputes it */
            rc = read_bool(r, "multigraph", &flag);
            break;
        case TOP_GRAPH: rc = read_graph(r); break;
        case TOP_NODES: rc = read_rows(r, "nodes", 1); break;
        default:
            r->ties.section = strcmp(name, "links") == 0 ? "links" : "edges";
            rc = read_rows(r, r->ties.section, 0);
            break;
        }
        if (rc)
            return rc;
    }
    if (rc < 0)
        return rc;
    ecosys_i_json_skip_space(r);
    if (ecosys_i_json_peek(r) >= 0 || r->eof == 2)
        return ecosys_i_json_unexpected(r, "the end of the file");
    if (!(seen & TOP_NODES))
        return ecosys_i_json_fail(r, ECOSYS_EPARSE, top,
                                  "missing \"nodes\": not a node-link JSON document");
    return ecosys_i_tie_flush(&r->ties, r->ds, r->path);
}

int ecosys_i_read_json(ecosys_dataset **out, const char *path)
{
    *out = NULL;
    ecosys_i_json_reader r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.line = r.column = 1;
    r.fp = fopen(path, "rb");
    if (!r.fp)
        return ecosys_i_error_at(ecosys_i_io_code(errno), path, 0, 0, "cannot open: %s",
                                 strerror(errno));
    int rc = ecosys_dataset_new(&r.ds, 0);
    if (!rc && !(r.block = malloc(ECOSYS_I_JSON_BLOCK)))
        rc = ecosys_i_error_nomem();
    if (!rc)
        rc = read_document(&r);
    if (!rc)
        rc = ecosys_i_json_set_types(&r);
    fclose(r.fp);
    free(r.block);
    free(r.text.data);
    free(r.key.data);
    free(r.join.data);
    for (int t = 0; t < 2; t++) {
        free(r.columns[t].seen);
        free(r.columns[t].stamp);
    }
    ecosys_i_pair_list_dispose(&r.pairs);
    ecosys_i_tie_buffer_dispose(&r.ties);
    if (rc) {
        if (rc == ECOSYS_ENOMEM)
            ecosys_i_error_nomem();
        ecosys_dataset_free(r.ds);
        return rc;
    }
    *out = r.ds;
    return 0;
}
