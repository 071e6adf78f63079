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
 *
 * This file holds the plumbing: the parser, its security limits, errors
 * and what the other parts read from libxml2. Keys and defaults are in
 * graphml_keys.c, elements in graphml_elements.c (graphml_read_internal.h).
 */
#include "io/io_internal.h"

#include "io/graphml_read_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors and positions ------------------------------------------------ */

int ecosys_i_graphml_fail(ecosys_i_graphml_reader *r, int code, ecosys_i_location where,
                          const char *format, ...)
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

int ecosys_i_graphml_fail_last(ecosys_i_graphml_reader *r, int rc, ecosys_i_location where,
                               const char *prefix)
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

int ecosys_i_graphml_keep(ecosys_i_graphml_reader *r, int rc)
{
    if (rc && !r->rc) {
        r->rc = rc;
        xmlStopParser(r->ctxt);
    }
    return rc;
}

/* ---- text of <data> and <default> ---------------------------------------- */

int ecosys_i_graphml_text_append(ecosys_i_graphml_reader *r, const char *bytes, size_t length)
{
    return ecosys_i_text_buffer_append(&r->text, bytes, length)
               ? ecosys_i_graphml_keep(r, ECOSYS_ENOMEM)
               : 0;
}

int ecosys_i_graphml_text_reset(ecosys_i_graphml_reader *r)
{
    return ecosys_i_text_buffer_reset(&r->text) ? ecosys_i_graphml_keep(r, ECOSYS_ENOMEM) : 0;
}

/* ---- attributes of a start tag ------------------------------------------- */

/* libxml2 hands attribute values over with every '&' written as "&#38;"
 * when entities are not substituted: decode it. */
char *ecosys_i_graphml_attribute(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                                 const char *name)
{
    for (int i = 0; i < count; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (a[1] != NULL || strcmp((const char *) a[0], name) != 0)
            continue;
        size_t length = (size_t) (a[4] - a[3]);
        char *value = malloc(length + 1);
        if (!value) {
            ecosys_i_graphml_keep(r, ecosys_i_error_nomem());
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

int ecosys_i_graphml_has_attribute(const xmlChar **attrs, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (attrs[5 * i + 1] == NULL && strcmp((const char *) attrs[5 * i], name) == 0)
            return 1;
    return 0;
}

int ecosys_i_graphml_intern(ecosys_i_graphml_reader *r, uint32_t *out, const char *text)
{
    int rc = ecosys_i_dataset_intern(out, r->ds, text, strlen(text));
    return rc ? ecosys_i_graphml_keep(r, rc) : 0;
}

/* ---- security: no entity is ever expanded, no DTD declaration accepted ---- */

static void on_reference(void *ctx, const xmlChar *name)
{
    ecosys_i_graphml_reader *r = ctx;
    ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, ecosys_i_xml_parser_location(r->ctxt),
                          "entity reference &%.100s; is not supported (entities are never "
                          "expanded)", (const char *) name);
}

static void on_declaration(ecosys_i_graphml_reader *r)
{
    ecosys_i_graphml_fail(r, ECOSYS_EUNSUPPORTED, ecosys_i_xml_parser_location(r->ctxt),
                          "DTD declarations in the document are not supported (entities are "
                          "never expanded)");
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

/* ---- libxml2's own errors --------------------------------------------------- */

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    ecosys_i_graphml_reader *r = ctx;
    if (r->rc || !e)
        return;
    if (e->code == XML_ERR_NO_MEMORY) {
        ecosys_i_graphml_keep(r, ecosys_i_error_nomem());
        return;
    }
    /* Warnings are harmless (e.g. a relative namespace URI), except an
     * undeclared entity, whose reference libxml2 would drop. A namespace
     * URI libxml2 finds invalid is harmless too, even reported as an error
     * (libxml2 2.9 does so for prefixed namespaces, and also when parsing
     * the URI ran out of memory): GraphML readers only compare it. */
    if ((e->level < XML_ERR_ERROR && e->code != XML_WAR_UNDECLARED_ENTITY) ||
        e->code == XML_WAR_NS_URI || e->code == XML_WAR_NS_URI_RELATIVE)
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
    ecosys_i_graphml_fail(r, ECOSYS_EPARSE, where, "malformed XML: %s", message);
}

/* ---- the reader ------------------------------------------------------------ */

static void reader_dispose(ecosys_i_graphml_reader *r)
{
    for (size_t k = 0; k < r->key_count; k++) {
        free(r->keys[k].id);
        free(r->keys[k].name);
    }
    free(r->keys);
    free(r->values);
    free(r->text.data);
    ecosys_i_strpool_dispose(&r->key_ids);
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

static int parse(ecosys_i_graphml_reader *r, FILE *fp)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = ecosys_i_graphml_on_start;
    sax.endElementNs = ecosys_i_graphml_on_end;
    sax.characters = ecosys_i_graphml_on_text;
    sax.cdataBlock = ecosys_i_graphml_on_cdata;
    sax.ignorableWhitespace = ecosys_i_graphml_on_text;
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
    /* No file name: errors carry r->path already, and libxml2 2.9 leaks
     * the input stream when copying the name fails for lack of memory. */
    r->ctxt = ferror(fp) ? NULL : xmlCreatePushParserCtxt(&sax, r, block, (int) n, NULL);
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
        return ecosys_i_graphml_fail(r, ECOSYS_EPARSE, start,
                                     "empty file: expected a GraphML document");
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
        if (status == XML_ERR_NO_MEMORY || r->ctxt->errNo == XML_ERR_NO_MEMORY)
            ecosys_i_graphml_keep(r, ecosys_i_error_nomem());
        if (status && !r->rc)
            ecosys_i_graphml_fail(r, ECOSYS_EPARSE, ecosys_i_xml_parser_location(r->ctxt),
                                  "malformed XML (libxml2 error %d)", status);
        if (last)
            break;
    }
    if (!r->rc && !r->ctxt->wellFormed)
        ecosys_i_graphml_fail(r, ECOSYS_EPARSE, ecosys_i_xml_parser_location(r->ctxt),
                              "malformed XML");
    free(block);
    return r->rc;
}

int ecosys_i_read_graphml(ecosys_dataset **out, const char *path)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ecosys_i_error_at(ecosys_i_io_code(errno), path, 0, 0, "cannot open: %s",
                                 strerror(errno));
    ecosys_i_graphml_reader r;
    memset(&r, 0, sizeof r);
    r.path = path;
    int rc = ecosys_dataset_new(&r.ds, 1);
    if (rc) {
        fclose(fp);
        return rc;
    }
    if (ecosys_i_strpool_init(&r.key_ids) != 0) {
        ecosys_dataset_free(r.ds);
        fclose(fp);
        return ecosys_i_error_nomem();
    }
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
