/**
 * @file ecosys/io.h
 * @brief Reading and writing datasets: CSV directory, GraphML, node-link JSON.
 *
 * Formats (docs/formats.md gives every detail):
 * - ECOSYS_FORMAT_CSV: a directory holding actors.csv and collaborations.csv
 *   (RFC 4180, UTF-8, optional BOM, header row, columns in any order,
 *   unknown columns kept as free attributes).
 * - ECOSYS_FORMAT_GRAPHML: one GraphML file, as Gephi, NetworkX and igraph
 *   write it; every `<key>` becomes a free attribute unless it names a built-in
 *   field.
 * - ECOSYS_FORMAT_JSON: one JSON file in the node-link layout of NetworkX's
 *   node_link_data (keys "directed", "multigraph", "graph", "nodes",
 *   "links"/"edges").
 *
 * Errors: a reader that meets bad input fails with ECOSYS_EPARSE (or
 * ECOSYS_EIO if a file cannot be opened) and sets the last error's source,
 * line, column and message. Nothing is dropped or altered silently: any
 * input the reader cannot keep exactly is an error.
 */
#ifndef ECOSYS_IO_H
#define ECOSYS_IO_H

#include "ecosys/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** File formats of a dataset. */
typedef enum ecosys_format {
    ECOSYS_FORMAT_AUTO = 0,   /**< Guess: a directory is CSV, *.graphml / *.xml GraphML, *.json JSON. */
    ECOSYS_FORMAT_CSV = 1,    /**< Directory with actors.csv and collaborations.csv. */
    ECOSYS_FORMAT_GRAPHML = 2,/**< One GraphML file. */
    ECOSYS_FORMAT_JSON = 3    /**< One node-link JSON file. */
} ecosys_format;

/**
 * Guesses the format of @p path as ECOSYS_FORMAT_AUTO does.
 *
 * @return 0, ECOSYS_EIO if the path does not exist, or ECOSYS_EUNSUPPORTED
 *         if the format cannot be told from it.
 */
ECOSYS_EXTERN int ecosys_format_detect(ecosys_format *out, const char *path);

/**
 * Reads a dataset.
 *
 * @param out    receives the new dataset; free it with ecosys_dataset_free().
 *               Left NULL on failure.
 * @param path   a CSV dataset directory or a file.
 * @param format the format, or ECOSYS_FORMAT_AUTO.
 * @return 0; ECOSYS_EIO (cannot open or read); ECOSYS_EPARSE (bad input,
 *         with file, line, column and message in ecosys_error_last());
 *         ECOSYS_EUNSUPPORTED (unknown format); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_read(ecosys_dataset **out, const char *path,
                                      ecosys_format format);

/**
 * Writes a dataset. For ECOSYS_FORMAT_CSV, @p path is a directory, created
 * if missing; actors.csv and collaborations.csv in it are replaced. Reading
 * the result back gives an equal dataset (ecosys_dataset_equal()).
 *
 * @param dataset the dataset to write.
 * @param path    the directory (CSV) or file to write.
 * @param format  the format; ECOSYS_FORMAT_AUTO guesses from the path's
 *                extension (no extension: CSV directory).
 * @return 0; ECOSYS_EIO; ECOSYS_EUNSUPPORTED; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_write(const ecosys_dataset *dataset, const char *path,
                                       ecosys_format format);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_IO_H */
