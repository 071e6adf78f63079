/* Internal: the readers and writers of each format, dispatched by
 * ecosys_dataset_read() / ecosys_dataset_write() in lib/io/dataset_io.c.
 *
 * Every reader returns 0 with *out set, or a negative code with *out NULL
 * and the last error carrying source, line, column and message. Every
 * writer returns 0 or a negative code (ECOSYS_EIO with the path). */
#ifndef ECOSYS_IO_INTERNAL_H
#define ECOSYS_IO_INTERNAL_H

#include "core/double_text.h"
#include "ecosys/io.h"

/* CSV dataset directory (actors.csv + collaborations.csv): lib/io/csv_*.c */
int ecosys_i_read_csv_dir(ecosys_dataset **out, const char *dir);
int ecosys_i_write_csv_dir(const ecosys_dataset *ds, const char *dir);

/* GraphML file: lib/io/graphml_*.c (libxml2) */
int ecosys_i_read_graphml(ecosys_dataset **out, const char *path);
int ecosys_i_write_graphml(const ecosys_dataset *ds, const char *path);

/* Node-link JSON file: lib/io/json_*.c */
int ecosys_i_read_json(ecosys_dataset **out, const char *path);
int ecosys_i_write_json(const ecosys_dataset *ds, const char *path);

/* lib/io/path.c. dir "/" name with one separator, allocated with malloc;
 * NULL when out of memory (the last error is not set). */
char *ecosys_i_path_join(const char *dir, const char *name);

/* Creates @p dir and its missing parents (mode 0777 less the umask).
 * Returns 0, or ECOSYS_EIO / ECOSYS_ENOMEM with the last error set. */
int ecosys_i_mkdir_parents(const char *dir);

/* The code of a failed system call: ECOSYS_ENOMEM for ENOMEM (fopen and
 * fdopen allocate their FILE), ECOSYS_EIO otherwise. */
int ecosys_i_io_code(int err);

/* Formats a weight so that strtod() gives back the same double, using the
 * shortest of %.15g, %.16g, %.17g that round-trips: ecosys_i_format_double(),
 * under the name the writers know. @p buffer holds 32. */
static inline void ecosys_i_format_weight(char buffer[ECOSYS_I_DOUBLE_TEXT], double weight)
{
    ecosys_i_format_double(buffer, weight);
}

#endif
