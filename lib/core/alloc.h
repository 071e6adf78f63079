/* Internal: arrays allocated with an overflow check, for the many places
 * that size a buffer by n or m. At least one element is allocated, so that
 * an empty graph gets a valid pointer; NULL means overflow or no memory
 * (the caller records ECOSYS_ENOMEM). */
#ifndef ECOSYS_CORE_ALLOC_H
#define ECOSYS_CORE_ALLOC_H

#include <stdint.h>
#include <stdlib.h>

/* malloc of @p count elements of @p size. */
static inline void *ecosys_i_alloc_array(size_t count, size_t size)
{
    if (count == 0)
        count = 1;
    if (size && count > SIZE_MAX / size)
        return NULL;
    return malloc(count * size);
}

/* calloc of @p count elements of @p size (calloc checks the product). */
static inline void *ecosys_i_zalloc_array(size_t count, size_t size)
{
    return calloc(count ? count : 1, size);
}

#endif
