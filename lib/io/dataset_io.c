/* ecosys_dataset_read / ecosys_dataset_write: format detection and
 * dispatch to the readers and writers of each format. */
#include "io/io_internal.h"

#include "core/error.h"
#include "ecosys/twomode.h"

#include <glib.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n >= k && g_ascii_strcasecmp(path + n - k, suffix) == 0;
}

static int format_from_name(ecosys_format *out, const char *path)
{
    if (has_suffix(path, ".graphml") || has_suffix(path, ".xml")) {
        *out = ECOSYS_FORMAT_GRAPHML;
        return 0;
    }
    if (has_suffix(path, ".json")) {
        *out = ECOSYS_FORMAT_JSON;
        return 0;
    }
    return ECOSYS_EUNSUPPORTED;
}

int ecosys_format_detect(ecosys_format *out, const char *path)
{
    if (!out || !path)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_format_detect: NULL argument");
    struct stat st;
    if (stat(path, &st) != 0)
        return ecosys_i_error_at(ecosys_i_io_code(errno), path, 0, 0, "cannot access: %s",
                                 strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        *out = ECOSYS_FORMAT_CSV;
        return 0;
    }
    if (format_from_name(out, path) == 0)
        return 0;
    return ecosys_i_error_at(ECOSYS_EUNSUPPORTED, path, 0, 0,
                             "unknown dataset format: expected a directory of CSV files, a "
                             ".graphml file or a .json file");
}

int ecosys_dataset_read(ecosys_dataset **out, const char *path, ecosys_format format)
{
    if (!out || !path)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_read: NULL argument");
    *out = NULL;
    int rc;
    if (format == ECOSYS_FORMAT_AUTO && (rc = ecosys_format_detect(&format, path)))
        return rc;
    switch (format) {
    case ECOSYS_FORMAT_CSV:
        return ecosys_i_read_csv_dir(out, path);
    case ECOSYS_FORMAT_GRAPHML:
        return ecosys_i_read_graphml(out, path);
    case ECOSYS_FORMAT_JSON:
        return ecosys_i_read_json(out, path);
    default:
        return ecosys_i_error(ECOSYS_EUNSUPPORTED, "unknown format %d", (int) format);
    }
}

int ecosys_dataset_write(const ecosys_dataset *ds, const char *path, ecosys_format format)
{
    if (!ds || !path)
        return ecosys_i_error(ECOSYS_EINVAL, "ecosys_dataset_write: NULL argument");
    if (format == ECOSYS_FORMAT_AUTO && format_from_name(&format, path) != 0)
        format = ECOSYS_FORMAT_CSV;
    if ((format == ECOSYS_FORMAT_GRAPHML || format == ECOSYS_FORMAT_JSON) &&
        ecosys_twomode_present(ds))
        return ecosys_i_error_at(ECOSYS_EUNSUPPORTED, path, 0, 0,
                                 "this dataset holds two-mode data (%zu events, %zu participation "
                                 "rows), which %s cannot store: write it as a CSV directory "
                                 "(events.csv, participation.csv), or project it first "
                                 "(ecosys_twomode_project)",
                                 ecosys_twomode_event_count(ds),
                                 ecosys_twomode_participation_count(ds),
                                 format == ECOSYS_FORMAT_GRAPHML ? "GraphML" : "JSON");
    switch (format) {
    case ECOSYS_FORMAT_CSV:
        return ecosys_i_write_csv_dir(ds, path);
    case ECOSYS_FORMAT_GRAPHML:
        return ecosys_i_write_graphml(ds, path);
    case ECOSYS_FORMAT_JSON:
        return ecosys_i_write_json(ds, path);
    default:
        return ecosys_i_error(ECOSYS_EUNSUPPORTED, "unknown format %d", (int) format);
    }
}
