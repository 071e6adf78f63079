/* Arrays of malloc'ed strings: see names.h. */
#include "core/names.h"

#include <stdlib.h>

void ecosys_i_names_free(char **names, size_t count)
{
    if (!names)
        return;
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}
