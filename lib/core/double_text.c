/* The shortest text of a double that reads back exactly (double_text.h). */
#include "core/double_text.h"

#include <glib.h>

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

void ecosys_i_format_double(char buffer[ECOSYS_I_DOUBLE_TEXT], double value)
{
    /* Most weights are small whole numbers: %.15g would print them exactly
     * as their digits, and the integer conversion is cheaper. -0 is left to
     * %g, which keeps its sign. */
    if (fabs(value) < 1e15 && value == (double) (int64_t) value &&
        !(value == 0 && signbit(value))) {
        snprintf(buffer, ECOSYS_I_DOUBLE_TEXT, "%" PRId64, (int64_t) value);
        return;
    }
    /* 17 significant digits always round-trip; fewer usually do and read
     * better. g_ascii_* rather than snprintf/strtod: a program that set a
     * locale with a decimal comma must not get "0,1". */
    static const char *const formats[] = {"%.15g", "%.16g", "%.17g"};
    for (int i = 0; i < 3; i++) {
        g_ascii_formatd(buffer, ECOSYS_I_DOUBLE_TEXT, formats[i], value);
        if (g_ascii_strtod(buffer, NULL) == value)
            return;
    }
}
