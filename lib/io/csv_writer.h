/* Internal: writing one CSV file safely.
 *
 * Records go to a temporary file next to the target (same directory, so the
 * final rename cannot cross file systems); ecosys_i_csv_writer_commit()
 * renames it over the target, ecosys_i_csv_writer_abort() removes it. A
 * reader therefore never sees a half-written file.
 *
 * Output: UTF-8 as given, LF line ends, no BOM. A field is quoted only when
 * it must be (comma, quote, CR or LF inside) or when it starts or ends with
 * a space or tab, which tools such as spreadsheets would otherwise trim.
 *
 * Write errors are sticky: after the first failure every call returns it,
 * and commit reports it (ECOSYS_EIO with the path and the system's reason). */
#ifndef ECOSYS_IO_CSV_WRITER_H
#define ECOSYS_IO_CSV_WRITER_H

#include <stddef.h>

typedef struct ecosys_i_csv_writer ecosys_i_csv_writer;

/* Creates the temporary file for @p path. Returns 0, ECOSYS_EIO or
 * ECOSYS_ENOMEM. */
int ecosys_i_csv_writer_open(ecosys_i_csv_writer **out, const char *path);

/* Appends one field to the current record (a comma first unless it is the
 * record's first field). */
int ecosys_i_csv_write_field(ecosys_i_csv_writer *writer, const char *text);

/* Ends the current record with LF. */
int ecosys_i_csv_end_record(ecosys_i_csv_writer *writer);

/* Flushes and closes the temporary file, checking every step. The writer
 * stays allocated: call ecosys_i_csv_writer_commit() or _abort() next. */
int ecosys_i_csv_writer_finish(ecosys_i_csv_writer *writer);

/* Renames the finished temporary file over the target and frees the
 * writer. Returns 0 or ECOSYS_EIO (the temporary file is then removed). */
int ecosys_i_csv_writer_commit(ecosys_i_csv_writer *writer);

/* Removes the temporary file and frees the writer. Accepts NULL. */
void ecosys_i_csv_writer_abort(ecosys_i_csv_writer *writer);

/* ---- a dataset's tables (actors, ties; events, participation) ---------- */

struct ecosys_i_attribute_table;
struct ecosys_i_strpool;

/* The header record of a table: the names of the built-in @p fields
 * (NULL-terminated), then those of the free @p attributes (NULL: none). */
int ecosys_i_csv_write_header(ecosys_i_csv_writer *writer, const char *const *fields,
                              const struct ecosys_i_attribute_table *attributes);

/* Ends the record of @p row with its values of the free @p attributes
 * (NULL: none), pool indices into @p pool ("" past an attribute's stored
 * values). */
int ecosys_i_csv_write_attributes(ecosys_i_csv_writer *writer,
                                  const struct ecosys_i_attribute_table *attributes,
                                  const struct ecosys_i_strpool *pool, size_t row);

#endif
