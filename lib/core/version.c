/* Runtime version and the release of library-allocated strings. */
#include "ecosys/common.h"

#include <stdlib.h>

const char *ecosys_version(void)
{
    return ECOSYS_VERSION_STRING;
}

int ecosys_version_number(void)
{
    return ECOSYS_VERSION_NUMBER;
}

void ecosys_string_free(char *text)
{
    free(text);
}
