/* Internal: the one rule for the text of a tie's weight, shared by the CSV,
 * GraphML and node-link JSON readers, so that a weight one format refuses
 * is not silently altered by another (1e-400 once became 0 in GraphML and
 * JSON while CSV refused it).
 *
 * A weight is a number in C's strtod syntax (decimal, or hexadecimal such
 * as 0x1p-2; the decimal separator is always a point, whatever the locale),
 * with nothing before or after it, finite, >= 0, and not so small that it
 * would become 0. Each reader adds its own location and prefix to the
 * problem (and decides about surrounding spaces: XML allows them). */
#ifndef ECOSYS_IO_WEIGHT_TEXT_H
#define ECOSYS_IO_WEIGHT_TEXT_H

#include <stddef.h>

typedef enum ecosys_i_weight_status {
    ECOSYS_I_WEIGHT_OK = 0,
    ECOSYS_I_WEIGHT_NOT_A_NUMBER,
    ECOSYS_I_WEIGHT_NOT_FINITE,
    ECOSYS_I_WEIGHT_UNDERFLOW,
    ECOSYS_I_WEIGHT_NEGATIVE
} ecosys_i_weight_status;

/* Parses the @p length bytes of @p text (NUL-terminated at text[length]).
 * On ECOSYS_I_WEIGHT_OK *out is the weight; otherwise *out is unchanged. */
ecosys_i_weight_status ecosys_i_weight_from_text(double *out, const char *text, size_t length);

/* What is wrong, to follow the quoted text: "is not a number", ... */
const char *ecosys_i_weight_problem(ecosys_i_weight_status status);

#endif
