/* The fuzz oracle (fuzz_common.h): the readers' contract checked on any
 * input. Any input gives either a dataset or a located error; a dataset
 * survives being written in each format and read back; and the writer is
 * stable, so a second write gives the same bytes (for JSON from the second
 * generation on: docs/formats.md, "Round trip", types read back as JSON can
 * tell them). abort() is for the harness only: the library never aborts. */
#include "fuzz_common.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[4096];
static char joined[4096 + 256];

#define FAIL(...)                                                                 \
    do {                                                                          \
        fprintf(stderr, "fuzz oracle: " __VA_ARGS__);                             \
        fputc('\n', stderr);                                                      \
        abort();                                                                  \
    } while (0)

static void remove_scratch(void)
{
    fuzz_remove(scratch);
}

const char *fuzz_path(const char *name)
{
    if (!scratch[0]) {
        /* $TMPDIR first: tools/fuzz.sh points it at one directory that it
         * removes at the end, since libFuzzer ends its processes with
         * _Exit(), which skips atexit(). */
        const char *base = getenv("TMPDIR");
        struct stat st;
        if (!base || !base[0])
            base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
                           access("/dev/shm", W_OK) == 0
                       ? "/dev/shm"
                       : "/tmp";
        snprintf(scratch, sizeof scratch, "%s/ecosys-fuzz-XXXXXX", base);
        if (!mkdtemp(scratch))
            FAIL("cannot create a scratch directory under %s", base);
        atexit(remove_scratch);
    }
    snprintf(joined, sizeof joined, "%s/%s", scratch, name);
    return joined;
}

void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        FAIL("cannot write %s", path);
}

void fuzz_remove(const char *path)
{
    DIR *dir = opendir(path);
    if (dir) {
        struct dirent *entry;
        char child[8192];
        while ((entry = readdir(dir))) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
                continue;
            snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
            fuzz_remove(child);
        }
        closedir(dir);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static char *slurp(const char *path, size_t *size);

/* A location must lie in its file: a line at most one past the last line
 * end (LF, CRLF or a lone CR, which XML counts as a line end too), a column
 * at most one past the longest line. This catches a line or column that
 * wrapped around (size_t) or was counted from the wrong end of a text. */
static void check_inside(const ecosys_error *e, const char *path)
{
    size_t size;
    char *text = slurp(e->source, &size);
    if (!text)
        return; /* an empty or unreadable file: nothing to bound by */
    size_t ends = 0, longest = 0, length = 0;
    for (size_t i = 0; i < size; i++) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == size || text[i + 1] != '\n')))
            ends++;
        length = text[i] == '\n' ? 0 : length + 1;
        if (length > longest)
            longest = length;
    }
    free(text);
    if (e->line > ends + 1 || e->column > longest + 1)
        FAIL("read %s: %s:%zu:%zu is outside the file (%zu lines, the longest %zu bytes): %s",
             path, e->source, e->line, e->column, ends + 1, longest, e->message);
}

/* Every failure must say what, and a parse or unsupported-content error
 * where (docs/formats.md: "Bad input is reported where it is"). */
static void check_error(int rc, const char *what, const char *path)
{
    const ecosys_error *e = ecosys_error_last();
    if (rc >= 0 || e->code != rc)
        FAIL("%s %s: returned %d but the last error's code is %d", what, path, rc, e->code);
    if (!e->message[0] || !e->source[0])
        FAIL("%s %s: %s without message or source (message \"%s\", source \"%s\")", what,
             path, ecosys_error_name(rc), e->message, e->source);
    if ((rc == ECOSYS_EPARSE || rc == ECOSYS_EUNSUPPORTED) && (e->line == 0 || e->column == 0))
        FAIL("%s %s: %s without line and column (%s:%zu:%zu: %s)", what, path,
             ecosys_error_name(rc), e->source, e->line, e->column, e->message);
    check_inside(e, path);
}

static const char *const format_names[] = {"auto", "csv", "graphml", "json"};

/* The file (or CSV directory) of one written generation. */
static const char *output_path(ecosys_format format, int generation, char *buffer, size_t size)
{
    static const char *const suffix[] = {"", "", ".graphml", ".json"};
    char name[64];
    snprintf(name, sizeof name, "out%d-%s%s", generation, format_names[format], suffix[format]);
    snprintf(buffer, size, "%s", fuzz_path(name));
    return buffer;
}

/* Reads a whole file into a malloc'ed buffer ("" and size 0 if missing). */
static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    *size = 0;
    if (f) {
        size_t cap = 0, n;
        char chunk[65536];
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (*size + n > cap) {
                cap = (*size + n) * 2;
                char *grown = realloc(text, cap);
                if (!grown)
                    FAIL("out of memory");
                text = grown;
            }
            memcpy(text + *size, chunk, n);
            *size += n;
        }
        fclose(f);
    }
    return text;
}

static void same_bytes(const char *a, const char *b)
{
    size_t na, nb;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    int same = na == nb && (na == 0 || memcmp(x, y, na) == 0);
    free(x);
    free(y);
    if (!same)
        FAIL("writing the read-back dataset again changed the output: %s != %s", a, b);
}

static void same_output(ecosys_format format, const char *a, const char *b)
{
    static const char *const csv_files[] = {"actors.csv", "collaborations.csv", "dataset.csv",
                                            "events.csv", "participation.csv", NULL};
    if (format != ECOSYS_FORMAT_CSV) {
        same_bytes(a, b);
        return;
    }
    for (size_t i = 0; csv_files[i]; i++) {
        char fa[8192], fb[8192];
        snprintf(fa, sizeof fa, "%s/%s", a, csv_files[i]);
        snprintf(fb, sizeof fb, "%s/%s", b, csv_files[i]);
        same_bytes(fa, fb);
    }
}

/* Writes @p ds as @p format, generation @p generation; returns its path, or
 * NULL if the format cannot hold the dataset (ECOSYS_EUNSUPPORTED). */
static const char *write_generation(const ecosys_dataset *ds, ecosys_format format,
                                    int generation, char *buffer, size_t size)
{
    const char *path = output_path(format, generation, buffer, size);
    int rc = ecosys_dataset_write(ds, path, format);
    if (rc == ECOSYS_EUNSUPPORTED) {
        const ecosys_error *e = ecosys_error_last();
        if (!e->message[0])
            FAIL("write %s: EUNSUPPORTED without a message", path);
        return NULL;
    }
    if (rc != 0)
        FAIL("write %s: %s: %s:%zu:%zu: %s", path, ecosys_error_name(rc),
             ecosys_error_last()->source, ecosys_error_last()->line,
             ecosys_error_last()->column, ecosys_error_last()->message);
    return path;
}

static ecosys_dataset *read_back(const char *path, ecosys_format format)
{
    ecosys_dataset *ds = NULL;
    int rc = ecosys_dataset_read(&ds, path, format);
    if (rc != 0)
        FAIL("reading back %s failed: %s: %s:%zu:%zu: %s", path, ecosys_error_name(rc),
             ecosys_error_last()->source, ecosys_error_last()->line,
             ecosys_error_last()->column, ecosys_error_last()->message);
    return ds;
}

static void check_equal(const ecosys_dataset *a, const ecosys_dataset *b, const char *path)
{
    char *difference = NULL;
    int rc = ecosys_dataset_equal(&difference, a, b);
    if (rc != 1)
        FAIL("%s reads back different: %s", path,
             rc == 0 && difference ? difference : ecosys_error_last()->message);
    ecosys_string_free(difference);
}

static void round_trip(const ecosys_dataset *ds, ecosys_format format)
{
    char first[4096], second[4096], third[4096];
    const char *written = write_generation(ds, format, 1, first, sizeof first);
    if (!written)
        return;
    ecosys_dataset *back = read_back(written, format);
    check_equal(ds, back, written);
    if (!write_generation(back, format, 2, second, sizeof second))
        FAIL("%s was written once, but its read-back copy is refused", written);
    if (format == ECOSYS_FORMAT_JSON) {
        /* JSON reads types back as it can tell them: stable from here. */
        ecosys_dataset *again = read_back(second, format);
        check_equal(ds, again, second);
        if (!write_generation(again, format, 3, third, sizeof third))
            FAIL("%s was written twice, but its read-back copy is refused", second);
        same_output(format, second, third);
        ecosys_dataset_free(again);
    } else {
        same_output(format, first, second);
    }
    ecosys_dataset_free(back);
}

void fuzz_check(const char *path, ecosys_format format)
{
    static ecosys_dataset *const sentinel = (ecosys_dataset *)&scratch;
    ecosys_dataset *ds = sentinel;
    ecosys_error_clear();
    int rc = ecosys_dataset_read(&ds, path, format);
    if (rc != 0) {
        if (ds != NULL)
            FAIL("read %s failed (%s) but left the output non-NULL", path,
                 ecosys_error_name(rc));
        check_error(rc, "read", path);
        return;
    }
    if (!ds || ds == sentinel)
        FAIL("read %s succeeded without a dataset", path);
    round_trip(ds, ECOSYS_FORMAT_CSV);
    round_trip(ds, ECOSYS_FORMAT_GRAPHML);
    round_trip(ds, ECOSYS_FORMAT_JSON);
    ecosys_dataset_free(ds);
}
