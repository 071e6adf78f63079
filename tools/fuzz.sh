#!/bin/sh
# Fuzzes the three dataset readers with libFuzzer (docs/hardening.md,
# "Fuzzing"): builds tests/fuzz/ with clang -fsanitize=fuzzer,address,undefined
# into build-fuzz/ and runs each target for SECONDS seconds (default 60), one
# after the other, from the committed corpus.
#
#   sh tools/fuzz.sh [SECONDS] [csv|graphml|json ...]
#
# New inputs go to build-fuzz/fuzz-corpus/<reader>/ (the committed corpus is
# only read); crashes, leaks, timeouts and oracle failures to
# build-fuzz/fuzz-artifacts/<reader>/; the log to build-fuzz/fuzz-<reader>.log.
# Installs clang-14 and libFuzzer (libclang-rt-14-dev) when missing, as
# tools/install-deps.sh does. Environment: ECOSYS_FUZZ_BUILD (build
# directory), ECOSYS_FUZZ_ARGS (extra libFuzzer options, e.g. -max_len=4096).
set -eu
cd "$(dirname "$0")/.."
seconds=60
if [ $# -gt 0 ]; then seconds=$1; shift; fi
targets=${*:-csv graphml json}
build=${ECOSYS_FUZZ_BUILD:-build-fuzz}
cc=clang-14

# clang-14 and libFuzzer's runtime, from Debian 12's packages.
probe=$(mktemp -d)
printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }\n' >"$probe/probe.c"
if ! command -v $cc >/dev/null 2>&1 ||
   ! $cc -fsanitize=fuzzer,address,undefined "$probe/probe.c" -o "$probe/probe" 2>/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then as_root=""; elif command -v sudo >/dev/null 2>&1; then as_root=sudo; else
        echo "fuzz: clang-14 or libclang-rt-14-dev is missing and I am neither root nor have sudo" >&2
        exit 1
    fi
    echo "fuzz: installing clang-14 libclang-rt-14-dev" >&2
    export DEBIAN_FRONTEND=noninteractive
    $as_root apt-get update -qq
    $as_root apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
fi
rm -rf "$probe"

# The library is instrumented for coverage (fuzzer-no-link) and both ASan
# and UBSan (ECOSYS_SANITIZE); -O1 keeps fuzzing fast and assert() live.
cmake -S . -B "$build" -DCMAKE_C_COMPILER=$cc -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link \
    -DECOSYS_SANITIZE=ON -DECOSYS_FUZZ=ON -DECOSYS_BUILD_BENCH=OFF >/dev/null
# shellcheck disable=SC2046
cmake --build "$build" -j"$(nproc)" $(for t in $targets; do printf -- '--target fuzz_%s ' "$t"; done) >/dev/null

# The harnesses write each input to a scratch directory under $TMPDIR;
# libFuzzer's processes end without running atexit(), so this script gives
# them one (in memory when /dev/shm exists) and removes it at the end.
scratch=$(mktemp -d /dev/shm/ecosys-fuzz.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"

status=0
for t in $targets; do
    mkdir -p "$build/fuzz-corpus/$t" "$build/fuzz-artifacts/$t"
    echo "== fuzz_$t: $seconds s ==" >&2
    # Leaks, UB and ASan reports stop the run; a unit slower than 10 s is a
    # timeout (a hang).
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="tests/fuzz/dict/$t.dict" \
        -artifact_prefix="$build/fuzz-artifacts/$t/" ${ECOSYS_FUZZ_ARGS:-} \
        "$build/fuzz-corpus/$t" "tests/fuzz/corpus/$t" >"$build/fuzz-$t.log" 2>&1 || status=1
    grep -E '^#[0-9]+ +DONE|^stat::number_of_executed_units|^stat::average_exec_per_sec|ERROR|SUMMARY' \
        "$build/fuzz-$t.log" >&2 || true
done
[ "$status" -eq 0 ] || echo "fuzz: a target found a problem: see $build/fuzz-artifacts/ and $build/fuzz-*.log" >&2
exit "$status"
