#!/bin/sh
# The resilience benchmark: a static degree attack, an adaptive degree
# attack and 100 random replicates (1 and 2 threads) through libecosys,
# beside NetworkX's naive remove-and-recompute loop (bench/peers_resilience.py,
# extrapolated from a sample of steps above 2,000 actors: it says so), on the
# synthetic ecosystems of gen_ecosystem. Prints each program's lines.
#
#   sh bench/run_resilience.sh [BUILD_DIR] [SIZES]
#
# BUILD_DIR defaults to build-bench (configured here in Release); SIZES to
# "10000 100000". Datasets are generated once (gen_ecosystem --seed 1) under
# $ECOSYS_BENCH_DATA (default /tmp/ecosys-bench), shared with run_bench.sh.
# Environment: REPLICATES (default 100), THREADS (default "1 2"), REPEAT
# (libecosys runs per thread count, default 3), NX_SAMPLE (NetworkX steps
# timed per curve; default all up to 2,000 actors, else 200), PEER_TIMEOUT
# (seconds, default 3600). Wall-clock seconds: run on a quiet machine.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
sizes=${2:-"10000 100000"}
data=${ECOSYS_BENCH_DATA:-/tmp/ecosys-bench}
replicates=${REPLICATES:-100}
threads=${THREADS:-"1 2"}
repeat=${REPEAT:-3}
peer_timeout=${PEER_TIMEOUT:-3600}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DECOSYS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target gen_ecosystem bench_resilience >/dev/null

echo "# libecosys resilience benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m)"
echo "# command: sh bench/run_resilience.sh $build \"$sizes\" (REPLICATES=$replicates THREADS=\"$threads\" REPEAT=$repeat)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
    dir="$data/$n"
    if [ ! -f "$dir/collaborations.csv" ]; then
        "$build/bench/gen_ecosystem" --actors "$n" --seed 1 "$dir" >/dev/null
    fi
    echo "## $n actors: libecosys"
    for i in $(seq "$repeat"); do
        for t in $threads; do
            "$build/bench/bench_resilience" --replicates "$replicates" --threads "$t" "$dir"
        done
    done
    echo "## $n actors: NetworkX $(/usr/bin/python3 -c 'import networkx; print(networkx.__version__)')"
    sample=""
    [ -z "${NX_SAMPLE:-}" ] || sample="--sample $NX_SAMPLE"
    # shellcheck disable=SC2086 # sample is empty or two words
    timeout "$peer_timeout" /usr/bin/python3 bench/peers_resilience.py $sample \
        --replicates "$replicates" "$dir" || echo "# NetworkX at $n: exit status $? (124: cut)"
    echo "# $n actors done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
