/* Internal: a streaming RFC 4180 tokenizer that knows where every field is.
 *
 * Why hand-written: libcsv (the Debian CSV library) does not report the line
 * and column of a field, and every error of a loader must name them.
 *
 * The file is read in 64 KiB blocks, never whole. Rules: comma separator;
 * fields may be enclosed in double quotes, inside which commas, CR, LF and
 * doubled quotes ("") are data; records end with LF or CRLF (a last record
 * without a line end is fine); a UTF-8 BOM at the start of the file is
 * skipped. Errors (ECOSYS_EPARSE, with the file, line and column): an
 * unterminated quoted field (located where it starts), a quote inside an
 * unquoted field, text after a closing quote, a CR not followed by LF
 * outside quotes, a NUL byte, a field that is not valid UTF-8 (located where
 * the field starts), a blank line followed by more data (blank lines at the
 * end of the file are ignored), and a record whose number of fields differs
 * from the expected one. Lines are physical lines (1-based), columns count
 * UTF-8 code points (1-based). */
#ifndef ECOSYS_IO_CSV_READER_H
#define ECOSYS_IO_CSV_READER_H

#include <stddef.h>

typedef struct ecosys_i_csv_reader ecosys_i_csv_reader;

/* One field of the current record. */
typedef struct ecosys_i_csv_field {
    const char *text; /* unquoted, NUL-terminated, valid UTF-8; valid until the next read */
    size_t length;    /* in bytes */
    size_t line;      /* physical line where the field starts */
    size_t column;    /* column of its first character (the opening quote if quoted) */
} ecosys_i_csv_field;

/* The current record, owned by the reader. */
typedef struct ecosys_i_csv_record {
    const ecosys_i_csv_field *fields;
    size_t count;
    size_t line;       /* where the record starts */
    size_t end_line;   /* where it ends: the position just after its last field */
    size_t end_column;
} ecosys_i_csv_record;

/* Opens @p path. Returns 0, ECOSYS_EIO (with the path and the system's
 * reason) or ECOSYS_ENOMEM. */
int ecosys_i_csv_open(ecosys_i_csv_reader **out, const char *path);

/* Closes the file and frees the reader. Accepts NULL. */
void ecosys_i_csv_close(ecosys_i_csv_reader *reader);

/* The path given to ecosys_i_csv_open() (borrowed). */
const char *ecosys_i_csv_path(const ecosys_i_csv_reader *reader);

/* From now on, a record with other than @p count fields is an error
 * ("expected N fields, found K"); 0 accepts any number. */
void ecosys_i_csv_expect_fields(ecosys_i_csv_reader *reader, size_t count);

/* Reads the next record into *record. Returns 1 if a record was read, 0 at
 * the end of the file, or a negative code (the last error says where). */
int ecosys_i_csv_read(ecosys_i_csv_reader *reader, ecosys_i_csv_record *record);

/* Reads up to @p max records into @p records (sharing the reader's
 * buffers, all valid until the next read), so that a caller can work on a
 * batch at once. *count receives how many were read, 0 at the end of the
 * file. Returns 0 or a negative code. An error met after some records is
 * returned by the next call, so the records before it come first. */
int ecosys_i_csv_read_many(ecosys_i_csv_reader *reader, ecosys_i_csv_record *records,
                           size_t max, size_t *count);

#endif
