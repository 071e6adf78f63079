#!/usr/bin/python3
"""The NetworkX peer of the "across sectors" benchmark (bench/run_sectors.sh).

usage: /usr/bin/python3 bench/peers_sectors.py [--only STEP,...] [--sample K] [--verbose] DATASET_DIR

What a NetworkX user would write: read DATASET_DIR/actors.csv and
collaborations.csv with the csv module, build the same simple graph as
libecosys and raw_igraph (every actor a node with its sector, self-ties and
zero-weight ties dropped, repeated ties summed into one weighted tie), then
time each step. Prints, like bench_ecosys and raw_igraph,

    # networkx DATASET_DIR
    STEP SECONDS PEAK_KIB

PEAK_KIB being the process's peak resident set (VmHWM) after the step;
SECONDS are wall-clock, or the process's CPU time if the environment has
ECOSYS_BENCH_CLOCK=cpu. "load" always runs; --only restricts the other steps. Every measure is
unweighted, as libecosys's defaults are:

    ei_index         E-I index at network and group level, plain Python over
                     G.edges (NetworkX has none; no null model)
    ei_index_actors  E-I index of every actor, plain Python over G.adj
    assortativity    nx.attribute_assortativity_coefficient(G, "sector")
    effective_size   nx.effective_size(G) (its unweighted path calls
                     nx.ego_graph(..., undirected=True), which copies the
                     whole graph (G.to_undirected()) for every actor: O(n m))
    effective_size_triangles
                     the same values as a user aware of Borgatti's formula
                     would write them: d - 2 t / d, t = nx.triangles(G)[v]
    constraint       nx.constraint(G)
    louvain          nx.community.louvain_communities(G, weight=None, seed=1)
    modularity       nx.community.modularity(G, sectors, weight=None), the
                     partition by sector (its sets are built untimed)

--sample K times nx.effective_size on the first K actors only, as step
"effective_size_sample", and prints on a comment line the time per actor
and its extrapolation to every actor (nx.effective_size costs about the
same for every actor: one copy of the whole graph each). --verbose prints a
check value of each step on stderr.
"""
import math
import sys

import networkx as nx

import peers_common
from peers_common import clock, report_seconds

STEPS = ["ei_index", "ei_index_actors", "assortativity", "modularity",
         "effective_size_triangles", "louvain", "constraint", "effective_size"]




def report(step, t0):
    report_seconds(step, clock() - t0)


def load(directory):
    return peers_common.load(directory, "peers_sectors")


def ei_index(G):
    sector = nx.get_node_attributes(G, "sector")
    external = internal = 0
    group_e, group_i = {}, {}
    for u, v in G.edges():
        su, sv = sector[u], sector[v]
        if su == sv:
            internal += 1
            group_i[su] = group_i.get(su, 0) + 1
        else:
            external += 1
            group_e[su] = group_e.get(su, 0) + 1
            group_e[sv] = group_e.get(sv, 0) + 1
    groups = {}
    for g in set(group_e) | set(group_i):
        e, i = group_e.get(g, 0), group_i.get(g, 0)
        groups[g] = (e - i) / (e + i)
    total = external + internal
    return ((external - internal) / total if total else math.nan), external, internal, groups


def ei_index_actors(G):
    sector = nx.get_node_attributes(G, "sector")
    out = {}
    for v, nbrs in G.adj.items():
        sv = sector[v]
        e = i = 0
        for u in nbrs:
            if sector[u] == sv:
                i += 1
            else:
                e += 1
        out[v] = (e - i) / (e + i) if e + i else math.nan
    return out


def mean_defined(values):
    xs = [x for x in values if x == x]
    return sum(xs) / len(xs) if xs else math.nan


def main():
    args = sys.argv[1:]
    only, verbose, directory, sample = None, False, None, 0
    while args:
        a = args.pop(0)
        if a == "--only" and args:
            only = set(s for s in args.pop(0).split(",") if s and s != "load")
            unknown = only - set(STEPS)
            if unknown:
                sys.exit(f"peers_sectors: unknown step(s) {','.join(sorted(unknown))}")
        elif a == "--verbose":
            verbose = True
        elif a == "--sample" and args and args[0].isdigit() and int(args[0]) > 0:
            sample = int(args.pop(0))
        elif not a.startswith("-") and directory is None:
            directory = a
        else:
            sys.exit(__doc__.split("\n\n")[1])
    if directory is None:
        sys.exit(__doc__.split("\n\n")[1])
    wanted = lambda s: only is None or s in only
    log = (lambda *a: print(*a, file=sys.stderr, flush=True)) if verbose else (lambda *a: None)

    print(f"# networkx {nx.__version__} {directory}", flush=True)
    t0 = clock()
    G = load(directory)
    report("load", t0)
    log(f"load: {G.number_of_nodes()} actors, {G.number_of_edges()} distinct ties")

    sector_sets = None

    def modularity():
        q = nx.community.modularity(G, sector_sets, weight=None)
        return f"(sectors): {q!r}"

    def louvain():
        communities = nx.community.louvain_communities(G, weight=None, seed=1)
        return (f"{len(communities)} communities, modularity "
                f"{nx.community.modularity(G, communities, weight=None)!r}")

    def effective_size_triangles():
        tri = nx.triangles(G)
        x = {v: (d - 2 * tri[v] / d if d else math.nan) for v, d in G.degree()}
        return f"mean {mean_defined(x.values())!r}"

    def constraint():
        x = nx.constraint(G)
        first = list(G)[:2]
        return f"{first[0]} {x[first[0]]!r}, {first[1]} {x[first[1]]!r}"

    steps = {
        "ei_index": lambda: "{!r} (E {}, I {})".format(*ei_index(G)[:3]),
        "ei_index_actors": lambda: f"mean {mean_defined(ei_index_actors(G).values())!r}",
        "assortativity": lambda: repr(nx.attribute_assortativity_coefficient(G, "sector")),
        "modularity": modularity,
        "effective_size_triangles": effective_size_triangles,
        "louvain": louvain,
        "constraint": constraint,
        "effective_size": lambda: f"mean {mean_defined(nx.effective_size(G).values())!r}",
    }
    assert list(steps) == STEPS
    for step in STEPS:  # cheapest first: a run cut short keeps what it did
        if not wanted(step):
            continue
        if step == "modularity":  # the sets of the sector partition, untimed
            by_sector = {}
            for v, s in G.nodes(data="sector"):
                by_sector.setdefault(s, set()).add(v)
            sector_sets = list(by_sector.values())
        t0 = clock()
        check = steps[step]()
        report(step, t0)
        log(f"{step}: {check}")
    if sample:
        nodes = list(G)[:sample]
        t0 = clock()
        x = nx.effective_size(G, nodes=nodes)
        dt = clock() - t0
        report("effective_size_sample", t0)
        print(f"# effective_size_sample: {len(nodes)} of {G.number_of_nodes()} actors, "
              f"{dt / len(nodes):.4f} s an actor, about {dt / len(nodes) * G.number_of_nodes():.0f} s "
              "for all", flush=True)
        log(f"effective_size_sample: mean {mean_defined(x.values())!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
