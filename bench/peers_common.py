"""What the Python peer benchmarks share (peers_sectors.py, peers_nullmodel.py):
the clock, the peak memory, the report line bench/compare.py reads, and
loading a dataset directory into the same simple NetworkX graph libecosys
builds (self-ties and zero weights dropped, repeated ties summed)."""
import csv
import os
import sys
import time

import networkx as nx

# Wall-clock seconds, or the process's CPU seconds with ECOSYS_BENCH_CLOCK=cpu
# (as the C programs).
clock = time.process_time if os.environ.get("ECOSYS_BENCH_CLOCK") == "cpu" else time.perf_counter


def peak_kib():
    """VmHWM of this process, KiB (-1 if unknown)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def report_seconds(step, seconds):
    """One "step seconds peak_kib" line, as bench/compare.py reads them."""
    print(f"{step} {seconds:.6f} {peak_kib()}", flush=True)


def load(directory, program):
    """The simple undirected graph of a CSV dataset, with a sector per node."""
    G = nx.Graph()
    with open(os.path.join(directory, "actors.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            G.add_node(row["id"], sector=row.get("sector", ""))
    with open(os.path.join(directory, "collaborations.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            s, t = row["source"], row["target"]
            w = float(row["weight"]) if row.get("weight") else 1.0
            if s == t or w == 0:
                continue  # self-ties and zero-weight ties are no ties
            if s not in G or t not in G:
                sys.exit(f"{program}: unknown actor in tie {s},{t}")
            if G.has_edge(s, t):
                G[s][t]["weight"] += w
            else:
                G.add_edge(s, t, weight=w)
    return G
