/**
 * @file ecosys/common.h
 * @brief Export macro, version, error codes and the thread-local last error.
 *
 * Every fallible libecosys function returns an `int`: 0 (ECOSYS_OK) on
 * success or a negative `ECOSYS_E*` code. Details of the most recent failure
 * on the calling thread are available from ecosys_error_last().
 */
#ifndef ECOSYS_COMMON_H
#define ECOSYS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "ecosys/version.h"

#if defined(_WIN32) && defined(ECOSYS_BUILDING)
#define ECOSYS_EXTERN __declspec(dllexport)
#elif defined(__GNUC__) && defined(ECOSYS_BUILDING)
#define ECOSYS_EXTERN __attribute__((visibility("default")))
#else
/** Marks a function exported from the shared library. */
#define ECOSYS_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * X-macro table of error codes: name, value, description.
 * It generates the enum, ecosys_strerror() and ecosys_error_name().
 */
#define ECOSYS_ERROR_MAP(XX)                                                  \
    XX(OK, 0, "success")                                                      \
    XX(ERROR, -1, "unspecified error")                                        \
    XX(ENOMEM, -2, "out of memory")                                           \
    XX(EINVAL, -3, "invalid argument")                                        \
    XX(EIO, -4, "input/output error")                                         \
    XX(EPARSE, -5, "malformed input data")                                    \
    XX(ENOTFOUND, -6, "not found")                                            \
    XX(EEXISTS, -7, "already exists")                                         \
    XX(ECOMPUTE, -8, "computation failed")                                    \
    XX(ECANCELLED, -9, "cancelled")                                           \
    XX(EUNSUPPORTED, -10, "unsupported")

/** Error codes returned by libecosys functions. */
typedef enum ecosys_error_code {
#define ECOSYS_XX_ENUM(name, value, text) ECOSYS_##name = value,
    ECOSYS_ERROR_MAP(ECOSYS_XX_ENUM)
#undef ECOSYS_XX_ENUM
} ecosys_error_code;

/**
 * Details of the last error raised on the calling thread.
 *
 * All strings are owned by the library, stored per thread, and valid until
 * the next libecosys call on the same thread. They are never NULL.
 */
typedef struct ecosys_error {
    int code;            /**< ECOSYS_E* code; ECOSYS_OK if none. */
    const char *message; /**< Human-readable text; "" if none. */
    const char *source;  /**< File the problem was found in; "" if none. */
    size_t line;         /**< 1-based line in @c source; 0 if not applicable. */
    size_t column;       /**< 1-based column (in characters) on that line; 0 if not applicable. */
} ecosys_error;

/**
 * Returns the last error raised on the calling thread.
 *
 * Never returns NULL and never allocates, so it is usable after an
 * ECOSYS_ENOMEM failure. After a successful call the previous error is
 * kept: check the return code first.
 */
ECOSYS_EXTERN const ecosys_error *ecosys_error_last(void);

/** Clears the calling thread's last error. */
ECOSYS_EXTERN void ecosys_error_clear(void);

/**
 * Returns a static description of an error code ("invalid argument").
 * Unknown codes give "unknown error". Never NULL.
 */
ECOSYS_EXTERN const char *ecosys_strerror(int code);

/**
 * Returns the symbolic name of an error code without its prefix
 * ("EINVAL"). Unknown codes give "UNKNOWN". Never NULL.
 */
ECOSYS_EXTERN const char *ecosys_error_name(int code);

/**
 * Returns the runtime version string, for example "0.1.0".
 * Compare it with ECOSYS_VERSION_STRING to detect a header/library mismatch.
 */
ECOSYS_EXTERN const char *ecosys_version(void);

/**
 * Returns the runtime version as one number,
 * major * 10000 + minor * 100 + patch (see ECOSYS_VERSION_NUMBER).
 */
ECOSYS_EXTERN int ecosys_version_number(void);

/**
 * Releases a string allocated by libecosys (for example a rendered report).
 * Accepts NULL.
 */
ECOSYS_EXTERN void ecosys_string_free(char *text);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_COMMON_H */
