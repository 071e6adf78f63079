#!/bin/sh
# Runs the libecosys benchmark beside raw igraph on synthetic ecosystems and
# prints a Markdown table per size with seconds, peak memory and ratios.
#
#   sh bench/run_bench.sh [BUILD_DIR] [SIZES]
#
# BUILD_DIR defaults to build-bench (configured here in Release); SIZES to
# "10000 100000 1000000". Datasets are generated once (seed 1) under
# $ECOSYS_BENCH_DATA (default /tmp/ecosys-bench). Each program runs in its
# own process, REPEAT times (default 3); the best time of each step is kept.
# The all-pairs path measures (betweenness, closeness, harmonic, diameter,
# mean distance, full structure) are O(n m): they run at 10^4 only.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
sizes=${2:-"10000 100000 1000000"}
data=${ECOSYS_BENCH_DATA:-/tmp/ecosys-bench}
repeat=${REPEAT:-3}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DECOSYS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target gen_ecosystem raw_igraph bench_ecosys >/dev/null

# Step names of each program (raw_igraph has transitivity, diameter and
# mean_distance as steps; libecosys computes them inside structure).
common="degree,strength,eigenvector,pagerank,local_clustering,coreness,components,articulation_points,bridges"
raw_cheap="$common,transitivity"
eco_cheap="$common,structure_no_paths"
raw_paths="betweenness,closeness,harmonic,diameter,mean_distance"
eco_paths="betweenness,closeness,harmonic,structure"

echo "# libecosys benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
echo "# command: sh bench/run_bench.sh $build \"$sizes\""
for n in $sizes; do
    dir="$data/$n"
    if [ ! -f "$dir/collaborations.csv" ]; then
        "$build/bench/gen_ecosystem" --actors "$n" --seed 1 "$dir" >/dev/null
    fi
    raw_steps=$raw_cheap
    eco_steps=$eco_cheap
    if [ "$n" -le 10000 ]; then
        raw_steps="$raw_steps,$raw_paths"
        eco_steps="$eco_steps,$eco_paths"
    fi
    out="$data/results-$n"
    mkdir -p "$out"
    for i in $(seq "$repeat"); do
        "$build/bench/raw_igraph" --only "$raw_steps" "$dir" > "$out/raw.$i"
        "$build/bench/bench_ecosys" --only "$eco_steps" "$dir" > "$out/ecosys.$i"
    done
    /usr/bin/python3 bench/compare.py "$n" "$out"/raw.* -- "$out"/ecosys.*
done
