#!/bin/sh
# Rebuilds the seed part of tests/fuzz/corpus/ from the loader test data
# (tests/data/valid, tests/data/invalid), one file per case. Files the fuzzer
# found are added by hand (minimized, named found-*) and are kept. The CSV
# seeds join the files of a case directory in the order fuzz_csv.c expects,
# with a "===" line between them; a file the case lacks is left empty when a
# later file follows (so a case without actors.csv becomes one with an empty
# actors.csv: the missing-file paths are reached by inputs without "===").
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../data"
corpus="$here/corpus"
mkdir -p "$corpus/csv" "$corpus/graphml" "$corpus/json"

for f in "$data"/valid/graphml/*.graphml; do cp "$f" "$corpus/graphml/valid-$(basename "$f")"; done
for d in "$data"/invalid/graphml/*/; do cp "$d/input.graphml" "$corpus/graphml/invalid-$(basename "$d").graphml"; done
for f in "$data"/valid/json/*.json; do cp "$f" "$corpus/json/valid-$(basename "$f")"; done
for d in "$data"/invalid/json/*/; do cp "$d/input.json" "$corpus/json/invalid-$(basename "$d").json"; done

# join DIR: the files of a CSV dataset directory as one fuzz input.
join() {
    last=0 i=0
    for f in actors.csv collaborations.csv dataset.csv events.csv participation.csv; do
        i=$((i + 1)); [ -e "$1/$f" ] && last=$i
    done
    i=0
    for f in actors.csv collaborations.csv dataset.csv events.csv participation.csv; do
        i=$((i + 1)); [ "$i" -gt "$last" ] && break
        [ "$i" -gt 1 ] && printf '===\n'
        [ -e "$1/$f" ] && cat "$1/$f"
    done
    return 0
}
join "$data/valid/twomode" >"$corpus/csv/valid-twomode.csv"
for d in "$data"/invalid/csv/*/; do join "$d" >"$corpus/csv/invalid-$(basename "$d").csv"; done
