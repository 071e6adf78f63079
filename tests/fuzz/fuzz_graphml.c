/* Fuzz target: the GraphML reader. The input is one GraphML file. */
#include "fuzz_common.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", fuzz_path("input.graphml"));
    fuzz_write_file(path, data, size);
    fuzz_check(path, ECOSYS_FORMAT_GRAPHML);
    return 0;
}
