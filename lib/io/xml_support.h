/* Internal: libxml2 support for the GraphML reader (the writer writes its
 * markup itself, see graphml_write.c).
 *
 * Quiet: libxml2 reports some problems (I/O failures of output buffers, writer
 * misuse, encoding errors) through its thread-local generic and structured
 * error handlers, whose defaults print to stderr. The library never prints:
 * around every use of libxml2 both handlers are replaced by silent ones and
 * the caller's handlers are restored afterwards. */
#ifndef ECOSYS_IO_XML_SUPPORT_H
#define ECOSYS_IO_XML_SUPPORT_H

#include "io/graph_io_common.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

typedef struct ecosys_i_xml_handlers {
    xmlGenericErrorFunc generic;
    void *generic_context;
    xmlStructuredErrorFunc structured;
    void *structured_context;
} ecosys_i_xml_handlers;

/* Initialises libxml2 once per process (thread-safe) and installs silent
 * error handlers on the calling thread, saving the caller's in *saved. */
void ecosys_i_xml_begin(ecosys_i_xml_handlers *saved);

/* Restores the handlers saved by ecosys_i_xml_begin(). */
void ecosys_i_xml_end(const ecosys_i_xml_handlers *saved);

/* Positions, for a SAX2 push parser (1-based lines, columns in code points,
 * as libxml2 counts them; 0 when unknown).
 *
 * xmlTextReader was the first choice for reading, but it parses ahead in
 * 512-byte chunks and reports only the parser's position, so its lines and
 * columns point past the element. In SAX2 callbacks the parser's position
 * is exact, and the input buffer still holds what was just parsed, so the
 * start of a tag or of a text can be found by counting back. */

/* The parser's current position. */
ecosys_i_location ecosys_i_xml_parser_location(xmlParserCtxtPtr ctxt);

/* Where the start tag just reported to startElementNs begins (its '<'):
 * the input still holds the whole tag (attribute values point into it)
 * and '<' cannot occur inside a tag, so the last '<' before the parser's
 * position is the tag's start. */
ecosys_i_location ecosys_i_xml_tag_location(xmlParserCtxtPtr ctxt);

/* Where byte @p i of a text just reported to the characters callback is:
 * libxml2 reports a text with its position at the text's end, so count
 * back through the text itself. */
ecosys_i_location ecosys_i_xml_text_location(xmlParserCtxtPtr ctxt, const xmlChar *text,
                                             int length, int i);

/* Where byte @p i of a CDATA block just reported to the cdataBlock callback
 * is: the parser is still at the block's start, so count forward. */
ecosys_i_location ecosys_i_xml_cdata_location(xmlParserCtxtPtr ctxt, const xmlChar *text, int i);

#endif
