/* Internal: setting the thread-local last error (see ecosys/common.h). */
#ifndef ECOSYS_CORE_ERROR_H
#define ECOSYS_CORE_ERROR_H

#include "ecosys/common.h"

#if defined(__GNUC__)
#define ECOSYS_I_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define ECOSYS_I_PRINTF(fmt, args)
#endif

/* Records an error without location; returns @p code so callers can
 * `return ecosys_i_error(ECOSYS_EINVAL, "...")`. */
int ecosys_i_error(int code, const char *format, ...) ECOSYS_I_PRINTF(2, 3);

/* Records an error found at source:line:column (line/column 0 = unknown). */
int ecosys_i_error_at(int code, const char *source, size_t line, size_t column,
                      const char *format, ...) ECOSYS_I_PRINTF(5, 6);

/* Adds a location to the error already recorded (keeps code and message);
 * returns its code. Used by loaders around calls that validate values. */
int ecosys_i_error_locate(const char *source, size_t line, size_t column);

/* Prefixes the message of the error already recorded, as in
 * "column \"weight\": <message>"; returns its code. */
int ecosys_i_error_prefix(const char *format, ...) ECOSYS_I_PRINTF(1, 2);

/* Records ECOSYS_ENOMEM without allocating or formatting. */
int ecosys_i_error_nomem(void);

#endif
