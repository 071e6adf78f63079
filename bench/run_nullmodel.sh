#!/bin/sh
# The null-model benchmark (issue 5, point 7): 1,000 degree-preserving
# rewiring replicates with the E-I index over sectors and the transitivity,
# through libecosys on 1 and 2 threads, beside NetworkX doing the same
# (nx.double_edge_swap, nx.transitivity, an E-I index in plain Python) on
# the same synthetic ecosystems, in the same run. Prints a Markdown table
# (docs/performance.md, "Null-model ensembles (issue 5)").
#
#   sh bench/run_nullmodel.sh [BUILD_DIR] [SIZES]
#
# BUILD_DIR defaults to build-bench (configured here in Release); SIZES to
# "10000 100000". Datasets are generated once (gen_ecosystem --seed 1) under
# $ECOSYS_BENCH_DATA (default /tmp/ecosys-bench), shared with run_bench.sh;
# results go to $ECOSYS_BENCH_DATA/nullmodel-N. Every program runs in its own
# process. Environment:
#
#   REPLICATES     libecosys replicates at every size (default 1000);
#                  REPLICATES_N overrides it at size N (e.g. REPLICATES_100000=200).
#                  Fewer than 1000: the table scales the time by 1000/R and
#                  says so (the cost is linear in R: independent replicates).
#   THREADS        thread counts of libecosys (default "1 2"); the speed-up
#                  column is the first over the second.
#   REPEAT         runs of libecosys per thread count (default 3; best kept).
#   NX_REPLICATES  NetworkX replicates K (default 3 at 10^4 and below, 1
#                  above): its time for 1000 is extrapolated from K (1000 x
#                  seconds per replicate) and the table says so.
#   PEER_TIMEOUT   seconds after which the NetworkX run is cut (default 3600).
#
# Seconds are wall-clock (the point of the thread counts): run on a quiet
# machine. The load average is printed at the start and after each size.
# NetworkX makes as many accepted swaps per replicate as libecosys on
# average (round(acceptance x ceil(10 m)); bench/peers_nullmodel.py says why).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
sizes=${2:-"10000 100000"}
data=${ECOSYS_BENCH_DATA:-/tmp/ecosys-bench}
repeat=${REPEAT:-3}
threads=${THREADS:-"1 2"}
peer_timeout=${PEER_TIMEOUT:-3600}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DECOSYS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target gen_ecosystem bench_nullmodel >/dev/null

echo "# libecosys null-model benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m)"
echo "# command: sh bench/run_nullmodel.sh $build \"$sizes\" (REPLICATES=${REPLICATES:-1000} REPEAT=$repeat THREADS=\"$threads\" NX_REPLICATES=${NX_REPLICATES:-3 at 10^4, 1 above})"
per_size=$(env | grep '^REPLICATES_[0-9]*=' | tr '\n' ' ' || true)
[ -z "$per_size" ] || echo "# per size: $per_size"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

for n in $sizes; do
    dir="$data/$n"
    if [ ! -f "$dir/collaborations.csv" ]; then
        "$build/bench/gen_ecosystem" --actors "$n" --seed 1 "$dir" >/dev/null
    fi
    r=$(printenv "REPLICATES_$n" || true)
    r=${r:-${REPLICATES:-1000}}
    if [ -n "${NX_REPLICATES:-}" ]; then
        k=$NX_REPLICATES
    elif [ "$n" -le 10000 ]; then
        k=3
    else
        k=1
    fi
    out="$data/nullmodel-$n"
    rm -rf "$out"
    mkdir -p "$out"
    for i in $(seq "$repeat"); do
        for t in $threads; do
            "$build/bench/bench_nullmodel" --replicates "$r" --threads "$t" --seed 1 "$dir" \
                >"$out/ecosys-t$t.$i"
        done
    done
    # The share of attempts libecosys accepted (the same for every thread
    # count and run: results do not depend on them).
    first=$(echo "$threads" | cut -d' ' -f1)
    acceptance=$(sed -n 's/.*acceptance \([0-9.]*\).*/\1/p' "$out/ecosys-t$first.1")
    rc=0
    timeout "$peer_timeout" /usr/bin/python3 bench/peers_nullmodel.py --replicates "$k" --seed 1 \
        --acceptance "${acceptance:-1}" "$dir" >"$out/networkx" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "# NetworkX at $n: exit status $rc (124: cut after $peer_timeout s)" | tee -a "$out/networkx"
    fi
    echo "# $n actors done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done

# shellcheck disable=SC2086 # one argument per size
/usr/bin/python3 - "$data" "$threads" $sizes <<'EOF'
import glob, os, re, sys

data, threads, sizes = sys.argv[1], sys.argv[2].split(), sys.argv[3:]

def steps(files):
    """Best (smallest) seconds and largest peak of each step; comments."""
    best, peak, comments = {}, {}, []
    for path in files:
        with open(path) as f:
            for line in f:
                if line.startswith("#"):
                    comments.append(line[1:].strip())
                    continue
                if not line.strip():
                    continue
                step, seconds, kib = line.split()
                best[step] = min(best.get(step, float("inf")), float(seconds))
                peak[step] = max(peak.get(step, 0), int(kib))
    return best, peak, comments

def fmt(x):
    return "–" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")

rows, mem, checks, notes = [], [], [], []
for n in sizes:
    out = os.path.join(data, f"nullmodel-{n}")
    eco = {}
    for t in threads:
        best, peak, comments = steps(sorted(glob.glob(os.path.join(out, f"ecosys-t{t}.*"))))
        step = next((s for s in best if s.startswith("rewiring_")), None)
        if step is None:
            eco[t] = None
            continue
        r = int(step.split("_")[1])
        eco[t] = dict(r=r, seconds=best[step], scaled=best[step] * 1000 / r,
                      peak=peak[step], runs=len(glob.glob(os.path.join(out, f"ecosys-t{t}.*"))),
                      comments=comments)
    nx_best, nx_peak, nx_comments = steps([os.path.join(out, "networkx")])
    per = nx_best.get("rewiring_per_replicate")
    k_step = next((s for s in nx_best if s.startswith("rewiring_") and s.endswith("_networkx")), None)
    k = int(k_step.split("_")[1]) if k_step else 0
    nx1000 = 1000 * per if per is not None else None

    t1, t2 = (eco.get(t) for t in (threads + [None, None])[:2])
    r = t1["r"] if t1 else (t2["r"] if t2 else 0)
    speedup = t1["seconds"] / t2["seconds"] if t1 and t2 else None
    ratio = lambda e: nx1000 / e["scaled"] if e and nx1000 else None
    mark = "" if r >= 1000 else " *"
    if r < 1000:
        notes.append(f"\\* {int(n):,} actors: libecosys ran {r} replicates; its seconds for "
                     f"1000 are the measured ones x 1000/{r}.")
    rows.append(f"| {int(n):,} | {r} | {fmt(t1['scaled'] if t1 else None)}{mark if t1 else ''} "
                f"| {fmt(t2['scaled'] if t2 else None)}{mark if t2 else ''} "
                f"| {f'{speedup:.2f}' if speedup else '–'} "
                f"| {fmt(per)} ({k}) | {fmt(nx1000)} "
                f"| {ratio(t1) and f'{ratio(t1):.0f}' or '–'} "
                f"| {ratio(t2) and f'{ratio(t2):.0f}' or '–'} |")
    mib = lambda kib: f"{kib / 1024:.1f}" if kib else "–"
    mem.append(f"| {int(n):,} | {mib(t1['peak'] if t1 else 0)} | {mib(t2['peak'] if t2 else 0)} "
               f"| {mib(nx_peak.get('rewiring_per_replicate', 0))} |")
    # Sanity check: observed values and null means on both sides.
    def stat(comments, name):
        for c in comments:
            m = re.match(rf"{name} observed (\S+) null mean (\S+) sd (\S+)", c)
            if m:
                return m.groups()
        return ("–", "–", "–")
    e_comments = (t1 or t2 or {"comments": []})["comments"]
    for name in ("ei_index", "transitivity"):
        eo, em, es = stat(e_comments, name)
        no, nm, ns = stat(nx_comments, name)
        checks.append(f"| {int(n):,} | {name} | {eo} | {em} | {es} | {no} | {nm} |")
    acc = next((c for c in e_comments if "acceptance" in c), "").split(", seconds")[0]
    if acc:
        notes.append(f"{int(n):,} actors: libecosys {acc}.")
    nsw = next((c for c in nx_comments if "nswap" in c), "")
    if nsw:
        notes.append(f"{int(n):,} actors: NetworkX {nsw}.")

t_a, t_b = (threads + ["?", "?"])[:2]
thr = lambda t: f"{t} thread" + ("" if t == "1" else "s")
print("\n### Null-model ensembles: 1000 rewiring replicates, E-I index and transitivity\n")
print(f"| actors | libecosys replicates run | libecosys {thr(t_a)} (s, for 1000) "
      f"| libecosys {thr(t_b)} (s, for 1000) | speed-up {t_a}→{t_b} "
      f"| NetworkX s per replicate (replicates run) | NetworkX s for 1000, extrapolated "
      f"| NetworkX / libecosys {thr(t_a)} | NetworkX / libecosys {thr(t_b)} |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print("\n".join(rows))
print("\nNetworkX's time for 1000 replicates is extrapolated from the replicates it ran "
      "(1000 x seconds per replicate), never measured. libecosys: best of the runs; wall-clock.")
for note in notes:
    print(f"\n{note}")
print(f"\n| actors | libecosys peak, {thr(t_a)} (MiB) | libecosys peak, {thr(t_b)} (MiB) "
      "| NetworkX peak (MiB) |")
print("|---:|---:|---:|---:|")
print("\n".join(mem))
print("\nSanity check (same graph, same model): observed values must be equal; null means "
      "agree within a few libecosys sd / sqrt(NetworkX replicates).\n")
print("| actors | statistic | observed (libecosys) | null mean (libecosys) | null sd (libecosys) "
      "| observed (NetworkX) | null mean (NetworkX) |")
print("|---:|---|---:|---:|---:|---:|---:|")
print("\n".join(checks))
EOF
