/* Fuzz target: the CSV dataset directory reader.
 *
 * A fuzzer mutates one byte string, but a CSV dataset is up to five files.
 * The input is cut at each line that is exactly "===" (the separator
 * "===\n" at the start of the input or just after a "\n"; the "\n" before
 * it stays with the part before). The parts are, in order, actors.csv,
 * collaborations.csv, dataset.csv, events.csv and participation.csv; a file
 * without a part is absent. So "id\na\n===\nsource,target\n" is a dataset
 * of one actor and no ties, and an input without "===" has no
 * collaborations.csv (an EIO error, which must be located too). */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const files[] = {"actors.csv", "collaborations.csv", "dataset.csv",
                                    "events.csv", "participation.csv"};
enum { FILE_COUNT = sizeof files / sizeof files[0] };

/* The start of the next separator at or after @p from, or @p size. */
static size_t next_separator(const uint8_t *data, size_t size, size_t from)
{
    for (size_t i = from; i + 4 <= size; i++)
        if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "===\n", 4) == 0)
            return i;
    return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[4096], path[8192];
    snprintf(dir, sizeof dir, "%s", fuzz_path("input"));
    fuzz_remove(dir); /* reused between runs: no file of the last input stays */
    if (mkdir(dir, 0700) != 0)
        abort();
    size_t start = 0;
    for (size_t f = 0; f < FILE_COUNT && start <= size; f++) {
        size_t end = next_separator(data, size, start);
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        fuzz_write_file(path, data + start, end - start);
        start = end + 4; /* past "===\n"; > size when there was none */
    }
    fuzz_check(dir, ECOSYS_FORMAT_CSV);
    return 0;
}
