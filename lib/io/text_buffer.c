/* Growable texts of the readers: see text_buffer.h. */
#include "io/text_buffer.h"

#include "core/error.h"
#include "graph/dataset_internal.h"

#include <string.h>

int ecosys_i_text_buffer_append(ecosys_i_text_buffer *b, const char *bytes, size_t length)
{
    if (b->length + length + 1 > b->capacity) {
        size_t capacity = ecosys_i_next_capacity(b->capacity, b->length + length + 1);
        if (ecosys_i_resize((void **) &b->data, capacity, 1))
            return ECOSYS_ENOMEM;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, length);
    b->length += length;
    b->data[b->length] = '\0';
    return 0;
}

int ecosys_i_text_buffer_reset(ecosys_i_text_buffer *b)
{
    b->length = 0;
    return ecosys_i_text_buffer_append(b, "", 0);
}
