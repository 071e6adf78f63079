/* Internal: a malloc'ed copy of a string, for the strings the library's
 * results own (actor ids, group, territory and coordinator names), which
 * callers release with free().
 *
 * Why not g_strdup: it aborts the host program when memory runs out, and
 * the library must return ECOSYS_ENOMEM instead (CONVENTIONS.md, item 6).
 * Why not strdup: it is POSIX, not C11, and records no library error. */
#ifndef ECOSYS_CORE_TEXT_COPY_H
#define ECOSYS_CORE_TEXT_COPY_H

/* *out = a malloc'ed copy of @p text (NUL included). Returns 0, or
 * ECOSYS_ENOMEM (recorded as the last error) with *out NULL. */
int ecosys_i_text_copy(char **out, const char *text);

#endif
