/* Internal: arrays of malloc'ed strings (actor ids, group and territory
 * names) as the results of the library hold them. */
#ifndef ECOSYS_CORE_NAMES_H
#define ECOSYS_CORE_NAMES_H

#include <stddef.h>

/* Frees the @p count strings of @p names, then the array; NULL does
 * nothing. */
void ecosys_i_names_free(char **names, size_t count);

#endif
