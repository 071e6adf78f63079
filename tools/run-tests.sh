#!/bin/sh
# Quick start 2: install what is missing, build, and run the whole test
# suite three times: a normal build (unit tests, examples, header, symbol,
# install and API-reference checks), the same tests under AddressSanitizer +
# UndefinedBehaviorSanitizer, and under valgrind memcheck. Any failure,
# sanitizer report, memcheck error or leak fails the run.
set -eu
cd "$(dirname "$0")/.."
sh tools/install-deps.sh
jobs=$(nproc)

echo "== normal build ==" >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs" >/dev/null
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer ==" >&2
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DECOSYS_SANITIZE=ON -DECOSYS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -L "unit|example"

echo "== valgrind memcheck ==" >&2
cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=Debug -DECOSYS_VALGRIND=ON -DECOSYS_BUILD_BENCH=OFF >/dev/null
cmake --build build-valgrind -j"$jobs" >/dev/null
ctest --test-dir build-valgrind --output-on-failure -j"$jobs" -L "unit|example"
