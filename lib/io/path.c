/* File-system helpers of the readers and writers (io_internal.h), written
 * on malloc so that they fail with ECOSYS_ENOMEM where GLib's
 * g_build_filename and g_mkdir_with_parents would abort the process. */
#include "core/error.h"
#include "io/io_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *ecosys_i_path_join(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    int slash = d > 0 && dir[d - 1] != '/'; /* as g_build_filename: one separator */
    char *path = malloc(d + (size_t) slash + n + 1);
    if (!path)
        return NULL;
    memcpy(path, dir, d);
    if (slash)
        path[d] = '/';
    memcpy(path + d + slash, name, n + 1);
    return path;
}

int ecosys_i_io_code(int err)
{
    return err == ENOMEM ? ECOSYS_ENOMEM : ECOSYS_EIO;
}

/* mkdir -p: creates each missing directory of the path in turn. */
int ecosys_i_mkdir_parents(const char *dir)
{
    char *path = malloc(strlen(dir) + 1);
    if (!path)
        return ecosys_i_error_nomem();
    strcpy(path, dir);
    int err = 0;
    for (char *p = path;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char kept = *p;
        *p = '\0';
        struct stat st;
        if (path[0] != '\0' && mkdir(path, 0777) != 0 && errno != EEXIST)
            err = errno;
        else if (path[0] != '\0' && stat(path, &st) == 0 && !S_ISDIR(st.st_mode))
            err = ENOTDIR;
        *p = kept;
        if (err || kept == '\0')
            break;
    }
    free(path);
    if (err)
        return ecosys_i_error_at(ecosys_i_io_code(err), dir, 0, 0,
                                 "cannot create the directory: %s", strerror(err));
    return 0;
}
