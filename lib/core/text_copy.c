/* A malloc'ed copy of a string: see text_copy.h. */
#include "core/text_copy.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

int ecosys_i_text_copy(char **out, const char *text)
{
    size_t length = strlen(text) + 1;
    *out = malloc(length);
    if (!*out)
        return ecosys_i_error_nomem();
    memcpy(*out, text, length);
    return 0;
}
