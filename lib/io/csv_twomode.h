/* Internal: events.csv and participation.csv of a CSV dataset directory
 * (lib/io/csv_twomode.c), called by the directory reader and writer. */
#ifndef ECOSYS_IO_CSV_TWOMODE_H
#define ECOSYS_IO_CSV_TWOMODE_H

#include "ecosys/twomode.h"
#include "io/csv_writer.h"

#define ECOSYS_I_EVENTS_FILE "events.csv"
#define ECOSYS_I_PARTICIPATION_FILE "participation.csv"

/* Reads events.csv and participation.csv of @p dir into @p ds, whose actors
 * are read already. Both are optional, but participation.csv needs
 * events.csv. Errors as the other CSV files: EPARSE with file, line,
 * column and message; EIO; ENOMEM. */
int ecosys_i_read_csv_twomode(ecosys_dataset *ds, const char *dir);

/* Writes the two files to temporary files through *events and *parts
 * (opened here, finished, left for the caller to commit or abort). */
int ecosys_i_write_csv_twomode(ecosys_i_csv_writer **events, ecosys_i_csv_writer **parts,
                               const ecosys_dataset *ds, const char *events_path,
                               const char *parts_path);

/* Removes two-mode files left by an earlier dataset (absent files are fine),
 * so that a dataset without two-mode data reads back without it. */
int ecosys_i_remove_csv_twomode(const char *events_path, const char *parts_path);

#endif
