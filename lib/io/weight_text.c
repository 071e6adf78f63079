/* The text of a weight: see weight_text.h. */
#include "io/weight_text.h"

#include <glib.h>

#include <errno.h>
#include <math.h>

ecosys_i_weight_status ecosys_i_weight_from_text(double *out, const char *text, size_t length)
{
    /* g_ascii_strtod would skip leading spaces: refuse them here, so that
     * the whole text is the number. */
    if (length == 0 || g_ascii_isspace(text[0]))
        return ECOSYS_I_WEIGHT_NOT_A_NUMBER;
    char *end;
    errno = 0;
    double weight = g_ascii_strtod(text, &end);
    if (end != text + length)
        return ECOSYS_I_WEIGHT_NOT_A_NUMBER;
    if (!isfinite(weight))
        return ECOSYS_I_WEIGHT_NOT_FINITE;
    if (weight == 0 && errno == ERANGE)
        return ECOSYS_I_WEIGHT_UNDERFLOW;
    if (weight < 0)
        return ECOSYS_I_WEIGHT_NEGATIVE;
    *out = weight;
    return ECOSYS_I_WEIGHT_OK;
}

const char *ecosys_i_weight_problem(ecosys_i_weight_status status)
{
    switch (status) {
    case ECOSYS_I_WEIGHT_OK:
        return "is a valid weight";
    case ECOSYS_I_WEIGHT_NOT_A_NUMBER:
        return "is not a number";
    case ECOSYS_I_WEIGHT_NOT_FINITE:
        return "is not finite (weights must be finite numbers >= 0)";
    case ECOSYS_I_WEIGHT_UNDERFLOW:
        return "is too small to represent (it would become 0)";
    case ECOSYS_I_WEIGHT_NEGATIVE:
        return "is negative (weights must be >= 0)";
    }
    return "is not a valid weight";
}
