/* What the three fuzz harnesses share: a per-process scratch directory and
 * the oracle run on every input (tests/fuzz/README.md, docs/hardening.md). */
#ifndef ECOSYS_FUZZ_COMMON_H
#define ECOSYS_FUZZ_COMMON_H

#include <ecosys.h>

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry point; each harness defines it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The scratch directory of this process (created on first use under
 * $TMPDIR, else /dev/shm, else /tmp; removed at exit) joined with @p name.
 * The result is a static buffer, valid until the next call. */
const char *fuzz_path(const char *name);

/* Writes @p size bytes to @p path, replacing it; aborts on failure (a
 * harness problem, not a finding). */
void fuzz_write_file(const char *path, const uint8_t *data, size_t size);

/* Removes @p path if it exists (a file, or a directory with its files). */
void fuzz_remove(const char *path);

/* The oracle. Reads @p path as @p format; on failure, checks the error
 * contract (the output stays NULL; a code, message and source; a line and
 * column for a parse or unsupported-content error). On success, writes the
 * dataset in each of the three formats, reads each back and checks that it
 * equals the first (a write refused with ECOSYS_EUNSUPPORTED is allowed).
 * Any breach prints what happened and calls abort(). */
void fuzz_check(const char *path, ecosys_format format);

#endif
