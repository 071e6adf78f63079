/* The thread-local last error. Fixed-size buffers: recording an error never
 * allocates, so an out-of-memory condition can always be reported. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct error_slot {
    ecosys_error pub;
    char message[1024];
    char source[1024];
} error_slot;

static _Thread_local error_slot slot;

static error_slot *current(void)
{
    /* Thread-locals start zeroed: point the public strings at the buffers. */
    slot.pub.message = slot.message;
    slot.pub.source = slot.source;
    return &slot;
}

const ecosys_error *ecosys_error_last(void)
{
    return &current()->pub;
}

void ecosys_error_clear(void)
{
    error_slot *s = current();
    s->pub.code = ECOSYS_OK;
    s->pub.line = 0;
    s->pub.column = 0;
    s->message[0] = '\0';
    s->source[0] = '\0';
}

static int record(int code, const char *source, size_t line, size_t column,
                  const char *format, va_list args)
{
    error_slot *s = current();
    s->pub.code = code;
    s->pub.line = line;
    s->pub.column = column;
    vsnprintf(s->message, sizeof s->message, format, args);
    snprintf(s->source, sizeof s->source, "%s", source ? source : "");
    return code;
}

int ecosys_i_error(int code, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    record(code, NULL, 0, 0, format, args);
    va_end(args);
    return code;
}

int ecosys_i_error_at(int code, const char *source, size_t line, size_t column,
                      const char *format, ...)
{
    va_list args;
    va_start(args, format);
    record(code, source, line, column, format, args);
    va_end(args);
    return code;
}

int ecosys_i_error_locate(const char *source, size_t line, size_t column)
{
    error_slot *s = current();
    snprintf(s->source, sizeof s->source, "%s", source ? source : "");
    s->pub.line = line;
    s->pub.column = column;
    return s->pub.code;
}

int ecosys_i_error_prefix(const char *format, ...)
{
    error_slot *s = current();
    char prefix[512];
    va_list args;
    va_start(args, format);
    vsnprintf(prefix, sizeof prefix, format, args);
    va_end(args);
    /* Shift the old message right and put "prefix: " in front, truncating
     * the tail if it no longer fits. */
    size_t head = strlen(prefix) + 2, capacity = sizeof s->message - 1;
    size_t old = strlen(s->message);
    if (old > capacity - head)
        old = capacity - head;
    memmove(s->message + head, s->message, old);
    memcpy(s->message, prefix, head - 2);
    memcpy(s->message + head - 2, ": ", 2);
    s->message[head + old] = '\0';
    return s->pub.code;
}

int ecosys_i_error_nomem(void)
{
    error_slot *s = current();
    static const char text[] = "out of memory";
    s->pub.code = ECOSYS_ENOMEM;
    s->pub.line = 0;
    s->pub.column = 0;
    memcpy(s->message, text, sizeof text);
    s->source[0] = '\0';
    return ECOSYS_ENOMEM;
}

const char *ecosys_strerror(int code)
{
    switch (code) {
#define ECOSYS_XX_TEXT(name, value, text) case value: return text;
        ECOSYS_ERROR_MAP(ECOSYS_XX_TEXT)
#undef ECOSYS_XX_TEXT
    default:
        return "unknown error";
    }
}

const char *ecosys_error_name(int code)
{
    switch (code) {
#define ECOSYS_XX_NAME(name, value, text) case value: return #name;
        ECOSYS_ERROR_MAP(ECOSYS_XX_NAME)
#undef ECOSYS_XX_NAME
    default:
        return "UNKNOWN";
    }
}
