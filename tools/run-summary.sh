#!/bin/sh
# Quick start 1: install what is missing, build, and print the summary of the
# bundled Clermont dataset. Extra arguments go to ecosys-summary, e.g.
#   sh tools/run-summary.sh --format markdown
set -eu
cd "$(dirname "$0")/.."
sh tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target ecosys-summary >/dev/null
exec build/examples/ecosys-summary "$@"
