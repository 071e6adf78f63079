/* Internal: the GraphML reader's three parts and the state they share.
 *
 * - graphml_read.c: the SAX2 plumbing (libxml2's push parser, fed 64 KiB at
 *   a time), its security limits, errors that stop the parser, and what
 *   the other parts read from libxml2 (start-tag attributes, text).
 * - graphml_keys.c: <key> and <default>: attribute types, and where each
 *   key's data go (a built-in field or a free attribute).
 * - graphml_elements.c: the element callbacks, and <graph>, <node>, <edge>
 *   and <data> onto actor and tie records.
 *
 * A function that fails records the first error in r->rc (with the file,
 * line, column and message), stops the parser and returns the code; every
 * callback does nothing once r->rc is set. */
#ifndef ECOSYS_IO_GRAPHML_READ_INTERNAL_H
#define ECOSYS_IO_GRAPHML_READ_INTERNAL_H

#include "core/error.h"
#include "io/text_buffer.h"
#include "core/strpool.h"
#include "io/graph_io_common.h"
#include "io/xml_support.h"

#include <glib.h>
#include <libxml/parser.h>

/* Which elements a key is declared for (its for="..."). */
enum { ECOSYS_I_GRAPHML_ON_NODE = 1, ECOSYS_I_GRAPHML_ON_EDGE = 2, ECOSYS_I_GRAPHML_ON_GRAPH = 4 };

/* Where the data of a key go in one kind of element. */
typedef enum ecosys_i_graphml_slot {
    ECOSYS_I_GRAPHML_SLOT_NONE, /* the key does not apply to this kind of element */
    ECOSYS_I_GRAPHML_SLOT_FREE, /* a free attribute */
    ECOSYS_I_GRAPHML_SLOT_NAME,
    ECOSYS_I_GRAPHML_SLOT_SECTOR,
    ECOSYS_I_GRAPHML_SLOT_TERRITORY,
    ECOSYS_I_GRAPHML_SLOT_AXES,
    ECOSYS_I_GRAPHML_SLOT_WEIGHT,
    ECOSYS_I_GRAPHML_SLOT_KIND,
    ECOSYS_I_GRAPHML_SLOT_AXIS,
    ECOSYS_I_GRAPHML_SLOT_START,
    ECOSYS_I_GRAPHML_SLOT_END
} ecosys_i_graphml_slot;

/* A <key> declaration. */
typedef struct ecosys_i_graphml_key {
    char *id;
    char *name;           /* attr.name, or the id when absent */
    unsigned domains;     /* ECOSYS_I_GRAPHML_ON_* bits */
    const char *for_text; /* static */
    ecosys_i_graphml_slot node_slot, edge_slot;
    size_t node_attr, edge_attr; /* free attribute indices (SLOT_FREE) */
    int has_default;
    uint32_t default_value; /* pool index */
    double default_weight;
} ecosys_i_graphml_key;

typedef struct ecosys_i_graphml_reader {
    xmlParserCtxtPtr ctxt;
    ecosys_dataset *ds;
    const char *path;
    int rc; /* first error; the parser is stopped once set */

    int stack[8]; /* the open elements (an enum of graphml_elements.c) */
    size_t depth;
    int seen_graph;

    ecosys_i_graphml_key *keys;
    size_t key_count, key_capacity;
    ecosys_i_strpool key_ids; /* each key's id, with its index as value (a
                                 GHashTable would abort on allocation failure) */
    int edge_key_named_id; /* an edge key has attr.name "id" */
    int has_edge_id_attr;  /* the free tie attribute "id" holding XML edge ids */
    size_t edge_id_attr;

    /* the node or edge being read */
    uint32_t *values; /* per key: pool index of its <data>, UINT32_MAX if absent */
    double weight;
    ecosys_i_actor_record actor;
    ecosys_i_tie_record tie;
    uint32_t edge_xml_id; /* pool index, UINT32_MAX if the edge has no id */
    ecosys_i_pair_list pairs;
    ecosys_i_tie_buffer ties;

    /* the <data> or <default> being read */
    size_t data_key;
    ecosys_i_location data_where;
    ecosys_i_text_buffer text;
} ecosys_i_graphml_reader;

/* ---- graphml_read.c ------------------------------------------------------------ */

/* Records the error (unless one is recorded already) and stops the parser. */
int ecosys_i_graphml_fail(ecosys_i_graphml_reader *r, int code, ecosys_i_location where,
                          const char *format, ...) ECOSYS_I_PRINTF(4, 5);

/* Records an error already set by a callee (keeps its code and message,
 * adds the location and @p prefix; EINVAL from the dataset's validation
 * becomes EPARSE). */
int ecosys_i_graphml_fail_last(ecosys_i_graphml_reader *r, int rc, ecosys_i_location where,
                               const char *prefix);

/* Remembers an error recorded (with its location) by a shared helper. */
int ecosys_i_graphml_keep(ecosys_i_graphml_reader *r, int rc);

/* The text of the <data> or <default> being read, in r->text. */
int ecosys_i_graphml_text_append(ecosys_i_graphml_reader *r, const char *bytes, size_t length);
int ecosys_i_graphml_text_reset(ecosys_i_graphml_reader *r);

/* Returns a copy of the unprefixed attribute @p name of a start tag (NULL
 * if absent, or on out-of-memory with r->rc set). */
char *ecosys_i_graphml_attribute(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                                 const char *name);
int ecosys_i_graphml_has_attribute(const xmlChar **attrs, int count, const char *name);

/* Interns @p text in the dataset's pool. */
int ecosys_i_graphml_intern(ecosys_i_graphml_reader *r, uint32_t *out, const char *text);

/* ---- graphml_keys.c ------------------------------------------------------------ */

int ecosys_i_graphml_start_key(ecosys_i_graphml_reader *r, const xmlChar **attrs, int count,
                               ecosys_i_location where);
int ecosys_i_graphml_end_default(ecosys_i_graphml_reader *r);

/* Checks a date or weight value where it is read, so that the error points
 * at its <data> or <default>; a weight is parsed into *weight. */
int ecosys_i_graphml_check_value(ecosys_i_graphml_reader *r, ecosys_i_graphml_slot slot,
                                 const char *text, double *weight, ecosys_i_location where);

/* ---- graphml_elements.c: the SAX2 callbacks of elements and text ---------------- */

void ecosys_i_graphml_on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                               const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                               int nb_attributes, int nb_defaulted, const xmlChar **attrs);
void ecosys_i_graphml_on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *uri);
void ecosys_i_graphml_on_text(void *ctx, const xmlChar *text, int length);
void ecosys_i_graphml_on_cdata(void *ctx, const xmlChar *text, int length);

#endif
