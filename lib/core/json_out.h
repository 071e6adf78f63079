/* Internal: writing JSON text (RFC 8259), for the node-link dataset writer
 * (lib/io/json_write.c) and the JSON summary (lib/report/summary_json.c).
 *
 * Why not json-glib's JsonGenerator: Debian 12's json-glib 1.6 writes
 * 1e-300 as "1e-300.0" (invalid JSON) and 0.85 as 0.84999999999999998,
 * leaves U+001F unescaped, needs the whole document as a tree in memory
 * and aborts when memory runs out.
 *
 * Use: ecosys_i_json_init(), then values, each value of an object preceded
 * by ecosys_i_json_name(); commas, line breaks and indentation follow by
 * themselves. ecosys_i_json_finish() ends. Errors are sticky: after one,
 * calls do nothing and finish() returns it, so callers check once. Errors
 * are ECOSYS_ENOMEM, or ECOSYS_ERROR for calls out of order (a bug).
 *
 * Output grows in memory, or, given a sink, goes to the sink in chunks of
 * about ECOSYS_I_JSON_CHUNK bytes, so that a large file streams through a
 * bounded buffer.
 *
 * Layout: a container opened ECOSYS_I_JSON_BLOCK puts each of its items on
 * a line of its own, indented; one opened ECOSYS_I_JSON_LINE, and all it
 * holds, stays on one line with items separated by ", ". Empty containers
 * are {} and []. The document ends with a line feed.
 */
#ifndef ECOSYS_CORE_JSON_OUT_H
#define ECOSYS_CORE_JSON_OUT_H

#include <stddef.h>
#include <stdint.h>

enum {
    ECOSYS_I_JSON_MAX_DEPTH = 16,      /* nesting the writers need, with room */
    ECOSYS_I_JSON_CHUNK = 64 * 1024    /* bytes handed to a sink at a time */
};

typedef enum ecosys_i_json_layout {
    ECOSYS_I_JSON_BLOCK, /* one item per line */
    ECOSYS_I_JSON_LINE   /* all on one line */
} ecosys_i_json_layout;

/* Receives output; reports its own errors (e.g. sticky, like
 * ecosys_i_atomic_write()). */
typedef void (*ecosys_i_json_sink)(void *context, const char *bytes, size_t length);

typedef struct ecosys_i_json_out {
    char *data; /* pending output */
    size_t length;
    size_t capacity;
    ecosys_i_json_sink sink; /* NULL: keep everything in memory */
    void *sink_context;
    const char *colon; /* between a member's name and its value */
    unsigned indent;   /* spaces per level in BLOCK containers */
    int error;         /* first error, 0 if none */
    int named;         /* a member name was written: its value comes next */
    int done;          /* the top-level value is complete */
    size_t depth;      /* open containers */
    struct {
        char close;           /* '}' or ']' */
        unsigned char line;   /* ECOSYS_I_JSON_LINE, itself or inherited */
        unsigned char items;  /* holds at least one item */
    } level[ECOSYS_I_JSON_MAX_DEPTH];
} ecosys_i_json_out;

/* Starts a document: @p indent spaces per level, @p colon between names
 * and values (": ", or json-glib's " : "). Allocates nothing. */
void ecosys_i_json_init(ecosys_i_json_out *j, unsigned indent, const char *colon);

/* Sends output to @p sink instead of memory. Call before any value. */
void ecosys_i_json_set_sink(ecosys_i_json_out *j, ecosys_i_json_sink sink, void *context);

void ecosys_i_json_begin_object(ecosys_i_json_out *j, ecosys_i_json_layout layout);
void ecosys_i_json_end_object(ecosys_i_json_out *j);
void ecosys_i_json_begin_array(ecosys_i_json_out *j, ecosys_i_json_layout layout);
void ecosys_i_json_end_array(ecosys_i_json_out *j);

/* The name of the next member of the current object. */
void ecosys_i_json_name(ecosys_i_json_out *j, const char *name);

/* A string: '"', '\' and control characters escaped, valid UTF-8 as is,
 * each byte of invalid UTF-8 as U+FFFD. NULL writes null. */
void ecosys_i_json_string(ecosys_i_json_out *j, const char *text);

void ecosys_i_json_int(ecosys_i_json_out *j, int64_t value);
void ecosys_i_json_uint(ecosys_i_json_out *j, uint64_t value);

/* The shortest text that reads back as @p value (ecosys_i_format_double():
 * 0.1, 1e-300, 3); NaN and infinities, which JSON lacks, as null. */
void ecosys_i_json_double(ecosys_i_json_out *j, double value);

/* As ecosys_i_json_double(), but a whole number keeps a decimal point
 * (3.0), so that readers which type numbers by their text (Python's json)
 * read a real, as for the other values of the same member. */
void ecosys_i_json_real(ecosys_i_json_out *j, double value);

void ecosys_i_json_bool(ecosys_i_json_out *j, int value);
void ecosys_i_json_null(ecosys_i_json_out *j);

/* A count held in a double (a degree, a cell of a matrix of tie counts):
 * written as an integer (3) when it is a whole number from 0 to 9e15,
 * otherwise as ecosys_i_json_real() (2.5, null). */
void ecosys_i_json_count(ecosys_i_json_out *j, double value);

/* Members of an object: ecosys_i_json_name(@p name), then the value as the
 * function of the same type writes it. The report renderers write hundreds
 * of members; one call each keeps them readable. */
void ecosys_i_json_member_string(ecosys_i_json_out *j, const char *name, const char *text);
void ecosys_i_json_member_uint(ecosys_i_json_out *j, const char *name, uint64_t value);
void ecosys_i_json_member_double(ecosys_i_json_out *j, const char *name, double value);
void ecosys_i_json_member_real(ecosys_i_json_out *j, const char *name, double value);
void ecosys_i_json_member_count(ecosys_i_json_out *j, const char *name, double value);
void ecosys_i_json_member_bool(ecosys_i_json_out *j, const char *name, int value);
void ecosys_i_json_member_null(ecosys_i_json_out *j, const char *name);

/* Begins an object or array that is the value of member @p name; end it
 * with ecosys_i_json_end_object() or ecosys_i_json_end_array(). */
void ecosys_i_json_member_object(ecosys_i_json_out *j, const char *name,
                                 ecosys_i_json_layout layout);
void ecosys_i_json_member_array(ecosys_i_json_out *j, const char *name,
                                ecosys_i_json_layout layout);

/* @p text verbatim: the caller guarantees it is a JSON number or literal
 * (see ecosys_i_json_is_number()). */
void ecosys_i_json_raw(ecosys_i_json_out *j, const char *text);

/* Whether @p text is a JSON number, and with @p integer set, one without
 * fraction or exponent. */
int ecosys_i_json_is_number(const char *text, int integer);

/* Ends the document and releases @p j. In memory, hands over the text
 * (NUL-terminated, malloc'ed: free() it) and its length (@p out_length may
 * be NULL); with a sink, hands it the rest (pass NULL, NULL). Returns 0 or
 * the first error (*out_text is then NULL). */
int ecosys_i_json_finish(ecosys_i_json_out *j, char **out_text, size_t *out_length);

#endif
