/* Internal: what the readers of the CSV tables of a dataset directory share
 * (csv_dataset.c: actors.csv and collaborations.csv; csv_twomode.c:
 * events.csv and participation.csv). Every table starts with a header row
 * naming its columns in any order: the built-in fields of the table, and any
 * other name as a free attribute, whose values each row then sets. Errors
 * are ECOSYS_EPARSE at the file, line and column of the field at fault. */
#ifndef ECOSYS_IO_CSV_TABLE_H
#define ECOSYS_IO_CSV_TABLE_H

#include "core/error.h"
#include "graph/twomode_internal.h"
#include "io/csv_reader.h"

/* Not a column: a built-in field the header does not name. */
#define ECOSYS_I_CSV_NONE SIZE_MAX

/* Built-in fields of the widest table (collaborations.csv). */
#define ECOSYS_I_CSV_MAX_BUILTINS ((int) ECOSYS_I_TIE_FIELDS)

/* What a table is. */
typedef struct ecosys_i_csv_table {
    int twomode;               /* 0: which is an ecosys_table; 1: an ecosys_twomode_table */
    int which;
    const char *const *fields; /* its built-in fields, NULL-terminated */
    int required;              /* how many of the first fields must have a column */
    const char *required_text; /* their names, for messages: "source, target" */
} ecosys_i_csv_table;

/* Where the columns of one file go, from its header row. */
typedef struct ecosys_i_csv_columns {
    const ecosys_i_csv_table *table;
    size_t at[ECOSYS_I_CSV_MAX_BUILTINS]; /* column of each built-in field, or NONE */
    size_t attr_count;                    /* columns kept as free attributes: */
    size_t *attr_column;                  /*   their column in the file */
    size_t *attr_index;                   /*   their attribute index in the dataset */
} ecosys_i_csv_columns;

/* Reads the header row of @p table from @p r into @p map, adding a free
 * attribute to @p ds for every column that is not a built-in field; from
 * then on @p r expects every row to have as many fields. Call
 * ecosys_i_csv_columns_dispose() on @p map whatever it returns. */
int ecosys_i_csv_read_header(ecosys_i_csv_columns *map, const ecosys_i_csv_table *table,
                             ecosys_dataset *ds, ecosys_i_csv_reader *r);

void ecosys_i_csv_columns_dispose(ecosys_i_csv_columns *map);

/* Sets the free attributes of row @p row of the table from @p rec (an empty
 * field leaves the value unset). */
int ecosys_i_csv_set_attributes(const ecosys_i_csv_columns *map, ecosys_dataset *ds,
                                const ecosys_i_csv_reader *r, const ecosys_i_csv_record *rec,
                                size_t row);

/* Records ECOSYS_EPARSE at field @p f. */
int ecosys_i_csv_parse_error(const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                             const char *format, ...) ECOSYS_I_PRINTF(3, 4);

/* Re-records the error just raised by a dataset call as found in the file
 * at @p f, keeping its message and naming @p column unless it is NULL. The
 * values came from the file, so a rejected value (EINVAL, EEXISTS) is bad
 * input: EPARSE. Out of memory and the pool's size limit keep their code. */
int ecosys_i_csv_located(int rc, const ecosys_i_csv_reader *r, const ecosys_i_csv_field *f,
                         const char *column);

#endif
