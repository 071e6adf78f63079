/* libxml2 support for the GraphML reader: see xml_support.h. */
#include "io/xml_support.h"

#include <glib.h>

/* ---- quiet libxml2 ------------------------------------------------------------ */

static void silent_generic(void *ctx, const char *format, ...)
{
}

static void silent_structured(void *ctx, xmlErrorPtr error)
{
}

static gpointer init_libxml2(gpointer unused)
{
    xmlInitParser();
    return NULL;
}

void ecosys_i_xml_begin(ecosys_i_xml_handlers *saved)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, init_libxml2, NULL);
    saved->generic = xmlGenericError;
    saved->generic_context = xmlGenericErrorContext;
    saved->structured = xmlStructuredError;
    saved->structured_context = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, silent_generic);
    xmlSetStructuredErrorFunc(NULL, silent_structured);
}

void ecosys_i_xml_end(const ecosys_i_xml_handlers *saved)
{
    /* libxml2 keeps a copy of the last error of the thread (message and
     * file name, allocated), which our parse has replaced anyway: free it,
     * so that nothing of the call stays allocated. */
    xmlResetLastError();
    xmlSetGenericErrorFunc(saved->generic_context, saved->generic);
    xmlSetStructuredErrorFunc(saved->structured_context, saved->structured);
}

/* ---- positions ------------------------------------------------------------- */

ecosys_i_location ecosys_i_xml_parser_location(xmlParserCtxtPtr ctxt)
{
    const xmlParserInputPtr in = ctxt->input;
    ecosys_i_location here = {in && in->line > 0 ? (size_t) in->line : 0,
                              in && in->col > 0 ? (size_t) in->col : 0};
    return here;
}

static int is_continuation(xmlChar c)
{
    return (c & 0xC0) == 0x80;
}

/* Where byte @p p of the input buffer is, knowing where `cur` is (p <=
 * cur): count back from `cur`. Columns count code points, as libxml2's do.
 * Falls back to the parser's position if the buffer does not reach back to
 * the start of p's line. */
static ecosys_i_location buffer_location(xmlParserCtxtPtr ctxt, const xmlChar *p)
{
    ecosys_i_location here = ecosys_i_xml_parser_location(ctxt);
    const xmlParserInputPtr in = ctxt->input;
    if (!in || !in->cur || !in->base || p < in->base || p > in->cur || here.line == 0)
        return here;
    size_t chars = 0, newlines = 0;
    for (const xmlChar *q = p; q < in->cur; q++) {
        if (*q == '\n')
            newlines++;
        if (!is_continuation(*q))
            chars++;
    }
    if (newlines == 0) {
        if (here.column > chars)
            here.column -= chars;
        return here;
    }
    /* p is on an earlier line: count back to the start of that line. */
    size_t column = 1;
    const xmlChar *q = p;
    while (q > in->base && q[-1] != '\n') {
        q--;
        if (!is_continuation(*q))
            column++;
    }
    if (q == in->base && in->consumed != 0)
        return here; /* the start of the line is no longer buffered */
    here.line -= newlines;
    here.column = column;
    return here;
}

/* Where the current start tag begins. When SAX2 reports a start tag, the
 * input still holds the whole tag (the attribute values point into it) and
 * `cur` is at its end; '<' cannot occur inside a tag, so the last '<'
 * before `cur` is the tag's start. */
ecosys_i_location ecosys_i_xml_tag_location(xmlParserCtxtPtr ctxt)
{
    const xmlParserInputPtr in = ctxt->input;
    if (!in || !in->cur || !in->base)
        return ecosys_i_xml_parser_location(ctxt);
    const xmlChar *p = in->cur;
    while (p > in->base && *p != '<')
        p--;
    return *p == '<' ? buffer_location(ctxt, p) : ecosys_i_xml_parser_location(ctxt);
}

/* Where character @p i of a text just reported by the characters callback
 * is. libxml2 reports the text with its position at the text's end, so
 * count back through the text itself. */
ecosys_i_location ecosys_i_xml_text_location(xmlParserCtxtPtr ctxt, const xmlChar *text,
                                             int length, int i)
{
    ecosys_i_location here = ecosys_i_xml_parser_location(ctxt);
    size_t chars = 0, newlines = 0;
    for (int k = i; k < length; k++) {
        if (text[k] == '\n')
            newlines++;
        if (!is_continuation(text[k]))
            chars++;
    }
    if (newlines == 0) {
        if (here.column > chars)
            here.column -= chars;
        return here;
    }
    size_t column = 1;
    int k = i;
    while (k > 0 && text[k - 1] != '\n') {
        k--;
        if (!is_continuation(text[k]))
            column++;
    }
    if (k == 0)
        return here; /* the start of the line is not in this text */
    /* libxml2 hands a lone CR over as a line feed but does not count it as
     * a line: never go back past line 1 (the text's end is then the best
     * position known). */
    if (newlines >= here.line)
        return here;
    here.line -= newlines;
    here.column = column;
    return here;
}

/* Where character @p i of a CDATA block is: libxml2 calls the cdataBlock
 * callback before it moves past the block, so the parser's position is the
 * block's start, and the count goes forward through the text. */
ecosys_i_location ecosys_i_xml_cdata_location(xmlParserCtxtPtr ctxt, const xmlChar *text, int i)
{
    ecosys_i_location here = ecosys_i_xml_parser_location(ctxt);
    for (int k = 0; k < i; k++) {
        if (text[k] == '\n') {
            here.line++;
            here.column = 1;
        } else if (!is_continuation(text[k])) {
            here.column++;
        }
    }
    return here;
}
