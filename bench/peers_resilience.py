#!/usr/bin/python3
"""The NetworkX peer of the resilience benchmark (bench/run_resilience.sh).

usage: /usr/bin/python3 bench/peers_resilience.py [--sample K] [--replicates R]
           [--seed S] DATASET_DIR

What a NetworkX user would write: read DATASET_DIR/actors.csv and
collaborations.csv with the csv module, build the simple undirected graph
(every actor a node, self-ties and zero-weight ties dropped), then the naive
attack: remove a node, recompute the largest connected component
(nx.connected_components), repeat. Steps timed:

- static_degree: order sorted on (-degree, index) once, then n removals;
- adaptive_degree: before each removal the node maximising (degree, -index)
  on the remaining graph, then the removal;
- random: R random orders (random.Random(S * 1000003 + r)), n removals each.

Each removal costs O(n + m) (the components are recomputed), so a whole
curve is O(n (n + m)): hours at 10^5. With --sample K (default: all steps
up to 2,000 actors, else 200), only the first K removals of each curve are
made and timed, and the time is extrapolated linearly to n removals
(seconds x n / K; an over-estimate, as the graph shrinks) -- the output
says "extrapolated from K steps". Random: one replicate is timed that way
and multiplied by R. Prints "STEP SECONDS" lines like bench_resilience,
and "# R ..." (exact only without sampling).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import time

import networkx as nx


def read(directory):
    with open(os.path.join(directory, "actors.csv"), newline="", encoding="utf-8-sig") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    index = {a: i for i, a in enumerate(ids)}
    G = nx.Graph()
    G.add_nodes_from(range(len(ids)))
    with open(os.path.join(directory, "collaborations.csv"), newline="",
              encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            w = float(row.get("weight") or 1)
            a, b = index[row["source"]], index[row["target"]]
            if w > 0 and a != b:
                G.add_edge(a, b)
    return G


def largest(H):
    return max((len(c) for c in nx.connected_components(H)), default=0)


def attack(G, order_of, steps):
    """Removes `steps` nodes, choosing each with order_of(H, q); returns
    the sum of largest component sizes."""
    H = G.copy()
    total = 0
    for q in range(steps):
        H.remove_node(order_of(H, q))
        total += largest(H)
    return total


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sample", type=int, default=None)
    p.add_argument("--replicates", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("directory")
    a = p.parse_args()
    G = read(a.directory)
    n = G.number_of_nodes()
    k = a.sample or (n if n <= 2000 else 200)
    k = min(k, n)
    scale = n / k
    note = "" if k == n else f"  # extrapolated from {k} steps"
    print(f"# actors {n} ties {G.number_of_edges()}")

    t = time.perf_counter()
    order = sorted(G, key=lambda v: (-G.degree(v), v))
    s_static = attack(G, lambda H, q: order[q], k)
    print(f"static_degree {(time.perf_counter() - t) * scale:.6f}{note}")

    t = time.perf_counter()
    s_adaptive = attack(G, lambda H, q: min(H, key=lambda v: (-H.degree(v), v)), k)
    print(f"adaptive_degree {(time.perf_counter() - t) * scale:.6f}{note}")

    timed = 1 if k < n else a.replicates
    t = time.perf_counter()
    totals = []
    for r in range(timed):
        rng = random.Random(a.seed * 1000003 + r)
        perm = list(G)
        rng.shuffle(perm)
        totals.append(attack(G, lambda H, q: perm[q], k))
    seconds = (time.perf_counter() - t) * scale * a.replicates / timed
    extra = note if timed == a.replicates else f"  # extrapolated from {k} steps of 1 replicate"
    print(f"random_{a.replicates} {seconds:.6f}{extra}")
    if k == n:
        print(f"# R static_degree {s_static / n ** 2:.10f} adaptive_degree "
              f"{s_adaptive / n ** 2:.10f} random_mean {sum(totals) / len(totals) / n ** 2:.10f}")


if __name__ == "__main__":
    main()
