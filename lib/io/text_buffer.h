/* Internal: a growable NUL-terminated text, the value a reader is reading:
 * the JSON lexer's strings, numbers and member names, the text of a GraphML
 * <data> or <default>. */
#ifndef ECOSYS_IO_TEXT_BUFFER_H
#define ECOSYS_IO_TEXT_BUFFER_H

#include <stddef.h>

typedef struct ecosys_i_text_buffer {
    char *data; /* NUL-terminated once anything was appended or reset */
    size_t length, capacity;
} ecosys_i_text_buffer;

/* Appends @p length bytes. Returns 0 or ECOSYS_ENOMEM (no last error set:
 * the caller knows where it was; the text is then unchanged). */
int ecosys_i_text_buffer_append(ecosys_i_text_buffer *b, const char *bytes, size_t length);

/* Empties the text (to ""). Returns 0 or ECOSYS_ENOMEM, as above. */
int ecosys_i_text_buffer_reset(ecosys_i_text_buffer *b);

#endif
