#!/bin/sh
# The "across sectors" benchmark (issue 4, point 8): mixing, E-I index,
# structural holes, brokerage roles and communities through libecosys,
# beside raw igraph, NetworkX and R sna on the same synthetic ecosystems, in
# the same run. Prints a Markdown table per size with seconds, peak memory
# and the ratios libecosys / peer (docs/performance.md, "Across sectors").
#
#   sh bench/run_sectors.sh [BUILD_DIR] [SIZES]
#
# BUILD_DIR defaults to build-bench (configured here in Release); SIZES to
# "10000 100000 1000000". Datasets are generated once (seed 1) under
# $ECOSYS_BENCH_DATA (default /tmp/ecosys-bench), shared with run_bench.sh;
# results go to $ECOSYS_BENCH_DATA/sectors-N. Every program runs in its own
# process: the two C programs (bench_ecosys, raw_igraph) REPEAT times
# (default 3), the peers (bench/peers_sectors.py under /usr/bin/python3 with
# NetworkX, bench/peers_sectors.R under Rscript with sna) PEER_REPEAT times
# (default 1), each cut after PEER_TIMEOUT seconds (default 1200; the steps
# done by then are kept). The best time of each step is kept.
#
# Seconds are the process's CPU time (ECOSYS_BENCH_CLOCK=cpu, the default
# here; every timed step runs on one thread), which a loaded machine
# disturbs far less than wall-clock time; ECOSYS_BENCH_CLOCK=wall for
# wall-clock time.
#
# Which steps run at which size (the issue asks brokerage roles and
# effective size at 10^4 and 10^5, the rest at 10^5 and 10^6):
#   - libecosys: every step up to 10^5; at 10^6 not brokerage_roles,
#     effective_size, structural_holes, nor louvain (igraph 0.10.2's
#     multilevel takes over 10 minutes there; raw igraph's too);
#   - NetworkX: everything at 10^4; at 10^5 not constraint (O(sum d^3),
#     about 10x its 10^4 time) nor effective_size (its unweighted path copies
#     the graph once per actor: O(n m)); at 10^6 only the linear steps;
#   - R sna: brokerage at 10^4 and 10^5 (sna offers none of the others).
# ECO_STEPS, RAW_STEPS, NX_STEPS, SNA_STEPS override the lists at every size
# (an empty value skips that program).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
sizes=${2:-"10000 100000 1000000"}
data=${ECOSYS_BENCH_DATA:-/tmp/ecosys-bench}
repeat=${REPEAT:-3}
peer_repeat=${PEER_REPEAT:-1}
peer_timeout=${PEER_TIMEOUT:-1200}
ECOSYS_BENCH_CLOCK=${ECOSYS_BENCH_CLOCK:-cpu}
export ECOSYS_BENCH_CLOCK

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DECOSYS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target gen_ecosystem raw_igraph bench_ecosys >/dev/null

eco_linear="partition,mixing_matrix,ei_index,ei_index_actors,assortativity,blau,modularity,participation,within_module_z"
eco_holes="effective_size,structural_holes,brokerage_roles"
raw_all="assortativity,modularity,constraint,leiden,louvain"
nx_linear="ei_index,ei_index_actors,assortativity,modularity,effective_size_triangles"

echo "# libecosys across-sectors benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m)"
echo "# command: sh bench/run_sectors.sh $build \"$sizes\" (REPEAT=$repeat PEER_REPEAT=$peer_repeat, clock $ECOSYS_BENCH_CLOCK)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# run_peer OUT_FILE COMMAND...: one peer run, cut after $peer_timeout s.
run_peer() {
    peer_out=$1
    shift
    rc=0
    timeout "$peer_timeout" "$@" >"$peer_out" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "# exit status $rc (124: cut after $peer_timeout s)" >>"$peer_out"
        echo "# $*: exit status $rc (124: cut after $peer_timeout s)"
    fi
}

for n in $sizes; do
    dir="$data/$n"
    if [ ! -f "$dir/collaborations.csv" ]; then
        "$build/bench/gen_ecosystem" --actors "$n" --seed 1 "$dir" >/dev/null
    fi
    if [ "$n" -le 100000 ]; then
        eco="$eco_linear,constraint,$eco_holes,leiden,louvain"
        raw=$raw_all
        if [ "$n" -le 10000 ]; then
            nx="$nx_linear,louvain,constraint,effective_size"
        else
            nx="$nx_linear,louvain"
        fi
        sna="brokerage_roles"
    else
        eco="$eco_linear,constraint,leiden"
        raw="assortativity,modularity,constraint,leiden"
        nx=$nx_linear
        sna=""
    fi
    eco=${ECO_STEPS-$eco}
    raw=${RAW_STEPS-$raw}
    nx=${NX_STEPS-$nx}
    sna=${SNA_STEPS-$sna}

    out="$data/sectors-$n"
    rm -rf "$out"
    mkdir -p "$out"
    for i in $(seq "$repeat"); do
        [ -z "$raw" ] || "$build/bench/raw_igraph" --only "$raw" "$dir" >"$out/raw.$i"
        [ -z "$eco" ] || "$build/bench/bench_ecosys" --only "$eco" "$dir" >"$out/ecosys.$i"
    done
    for i in $(seq "$peer_repeat"); do
        [ -z "$nx" ] || run_peer "$out/networkx.$i" /usr/bin/python3 bench/peers_sectors.py --only "$nx" "$dir"
        [ -z "$sna" ] || run_peer "$out/sna.$i" Rscript bench/peers_sectors.R --only "$sna" "$dir"
    done
    echo "# $n actors done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/python3 bench/compare.py --peers "$n" libecosys "$out"/ecosys.* \
        -- "raw igraph" "$out"/raw.* -- NetworkX "$out"/networkx.* -- "R sna" "$out"/sna.*
done
