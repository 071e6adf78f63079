#!/usr/bin/python3
"""The NetworkX peer of the null-model benchmark (bench/run_nullmodel.sh).

usage: /usr/bin/python3 bench/peers_nullmodel.py [--replicates K] [--seed S]
           [--swaps-per-tie Q] [--acceptance A] [--verbose] DATASET_DIR

What a NetworkX user would write to test the E-I index over sectors and the
transitivity against degree-preserving rewiring: read DATASET_DIR/actors.csv
and collaborations.csv with the csv module, build the same simple undirected
graph as bench_nullmodel (every actor a node with its sector, self-ties and
zero-weight ties dropped, repeated ties summed into one weighted tie), then
K times (default 3):

    H = G.copy()
    nx.double_edge_swap(H, nswap=NSWAP, max_tries=100 * m, seed=random.Random(...))
    nx.transitivity(H); E-I index of H over sectors (plain Python: NetworkX has none)

Replicate r uses seed=random.Random(S * 1000003 + r) (S default 1).

The swap count. double_edge_swap's nswap counts *accepted* swaps (it loops
until nswap swaps succeeded, at most max_tries attempts), whereas libecosys
makes ceil(Q m) *attempts* (Q = swaps_per_tie, default 10), refused ones
included. So that both do the same work and mix as much, NSWAP is the number
of swaps libecosys accepts on average: round(A * ceil(Q m)), A being
libecosys's acceptance (bench_nullmodel prints it; bench/run_nullmodel.sh
passes it with --acceptance). Without --acceptance, A = 1: NSWAP = ceil(Q m),
as the issue literally says (10 m swaps; on the benchmark graphs A is about
0.997, so the difference is 0.3 %). Both draw a swap's two ties the same way
(uniform ties with a random orientation: NetworkX picks an end in proportion
to its degree, then a uniform neighbour) and refuse loops and repeated ties.

Prints, like bench_nullmodel, "STEP SECONDS PEAK_KIB" lines (wall-clock
seconds, or the process's CPU seconds with ECOSYS_BENCH_CLOCK=cpu; PEAK_KIB
the peak resident set, VmHWM, after the step):

    load                          reading and building G
    rewiring_K_networkx           the K replicates (copy, swaps, both measures)
    rewiring_per_replicate        the same divided by K
    rewiring_1000_extrapolated    1000 x the per-replicate time: NOT measured,
                                  extrapolated from K replicates

and comment lines with the breakdown of a replicate (copy, swaps,
transitivity, E-I) and, for a sanity check against bench_nullmodel, the
observed values and the null means over the K replicates.
"""
import math
import random
import sys

import networkx as nx

import peers_common
from peers_common import clock, report_seconds


report = report_seconds


def load(directory):
    return peers_common.load(directory, "peers_nullmodel")


def ei_index(G, sector):
    """Network E-I index (E - I)/(E + I) over sectors, every tie counted 1."""
    external = internal = 0
    for u, v in G.edges():
        if sector[u] == sector[v]:
            internal += 1
        else:
            external += 1
    total = external + internal
    return (external - internal) / total if total else math.nan


def mean_sd(xs):
    xs = [x for x in xs if x == x]
    if not xs:
        return math.nan, math.nan
    mean = sum(xs) / len(xs)
    if len(xs) < 2:
        return mean, math.nan
    return mean, math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))


def main():
    args = sys.argv[1:]
    replicates, seed, q, acceptance, verbose, directory = 3, 1, 10.0, 1.0, False, None
    usage = __doc__.split("\n\n")[1]
    try:
        while args:
            a = args.pop(0)
            if a == "--replicates" and args:
                replicates = int(args.pop(0))
            elif a == "--seed" and args:
                seed = int(args.pop(0))
            elif a == "--swaps-per-tie" and args:
                q = float(args.pop(0))
            elif a == "--acceptance" and args:
                acceptance = float(args.pop(0))
            elif a == "--verbose":
                verbose = True
            elif not a.startswith("-") and directory is None:
                directory = a
            else:
                sys.exit(usage)
    except ValueError:
        sys.exit(usage)
    if directory is None or replicates < 1 or not q > 0 or not 0 < acceptance <= 1:
        sys.exit(usage)
    log = (lambda *a: print(*a, file=sys.stderr, flush=True)) if verbose else (lambda *a: None)

    print(f"# peers_nullmodel networkx {nx.__version__} {directory} replicates {replicates} "
          f"seed {seed} swaps_per_tie {q:g} acceptance {acceptance:g}", flush=True)
    t0 = clock()
    G = load(directory)
    report("load", clock() - t0)
    n, m = G.number_of_nodes(), G.number_of_edges()
    attempts = math.ceil(q * m)
    nswap = max(1, round(acceptance * attempts))
    max_tries = 100 * m
    print(f"# {n} actors, {m} ties; nswap {nswap} accepted swaps per replicate "
          f"(= round({acceptance:g} x ceil({q:g} x m))), max_tries {max_tries}", flush=True)
    sector = dict(G.nodes(data="sector"))
    observed_ei, observed_t = ei_index(G, sector), nx.transitivity(G)

    parts = {"copy": 0.0, "double_edge_swap": 0.0, "transitivity": 0.0, "ei_index": 0.0}
    ei_values, t_values = [], []
    total = 0.0
    for r in range(replicates):
        rng = random.Random(seed * 1000003 + r)
        t0 = clock()
        H = G.copy()
        t1 = clock()
        nx.double_edge_swap(H, nswap=nswap, max_tries=max_tries, seed=rng)
        t2 = clock()
        t_values.append(nx.transitivity(H))
        t3 = clock()
        ei_values.append(ei_index(H, sector))
        t4 = clock()
        del H
        parts["copy"] += t1 - t0
        parts["double_edge_swap"] += t2 - t1
        parts["transitivity"] += t3 - t2
        parts["ei_index"] += t4 - t3
        total += t4 - t0
        log(f"replicate {r + 1}/{replicates}: {t4 - t0:.2f} s, "
            f"ei {ei_values[-1]!r}, transitivity {t_values[-1]!r}")
    per = total / replicates
    report(f"rewiring_{replicates}_networkx", total)
    report("rewiring_per_replicate", per)
    report("rewiring_1000_extrapolated", 1000 * per)
    print(f"# rewiring_1000_extrapolated is extrapolated from {replicates} replicate(s) "
          f"(1000 x {per:.3f} s), not measured")
    print("# per replicate: " + ", ".join(f"{k} {v / replicates:.3f} s" for k, v in parts.items()))
    for name, obs, xs in (("ei_index", observed_ei, ei_values),
                          ("transitivity", observed_t, t_values)):
        mean, sd = mean_sd(xs)
        print(f"# {name} observed {obs:.9g} null mean {mean:.9g} sd {sd:.6g} "
              f"(over {len(xs)} replicate(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
