#!/usr/bin/python3
"""Reference values of the wave comparison (tests/test_waves.c,
tests/python/test_waves.py) on the bundled Clermont dataset, obtained
without libecosys: the CSV files are read with the csv module, the
snapshots are cut here from the definitions, and the measures come from
NetworkX 2.8 where it has them (density, transitivity, components,
betweenness) and from the definitions in plain Python otherwise (E-I index,
Freeman degree and betweenness centralization with igraph's theoretical
maxima, Gould-Fernandez brokerage counts, triad closure).

Waves: before = ties active at some time up to 2019-03-31 (the snapshot
``to = "2019-03-31"``), after = ties active at some time from 2019-04-01
(``from = "2019-04-01"``); the French Impact label was awarded on
2019-04-12. Coordinator: ``cisca``. Groups: ``sector``.

    /usr/bin/python3 tests/data/expected/reference_waves.py > tests/data/expected/reference_waves.h

The Python test imports this module and calls :func:`compute` directly.
"""
import calendar
import csv
import datetime
import math
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
CLERMONT = os.path.join(HERE, "..", "..", "..", "examples", "data", "clermont")
BEFORE_TO = "2019-03-31"
AFTER_FROM = "2019-04-01"
COORDINATOR = "cisca"
MEASURES = ["actors", "active_actors", "ties", "density", "mean_degree", "ei_index",
            "transitivity", "degree_centralization", "betweenness_centralization",
            "component_count", "largest_component_share", "brokerage_coordinator",
            "brokerage_itinerant", "brokerage_representative", "brokerage_gatekeeper",
            "brokerage_liaison", "brokerage_total"]


def period(text):
    """First and last day of YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
    day = datetime.date(*parts)
    return day, day


def active(tie, first, last):
    """Whether the tie is active at some time during [first, last]."""
    start = period(tie["start"])[0] if tie["start"] else datetime.date.min
    end = period(tie["end"])[1] if tie["end"] else datetime.date.max
    return start <= last and end >= first


def read(directory):
    with open(os.path.join(directory, "actors.csv"), newline="", encoding="utf-8") as f:
        actors = list(csv.DictReader(f))
    with open(os.path.join(directory, "collaborations.csv"), newline="", encoding="utf-8") as f:
        ties = list(csv.DictReader(f))
    return actors, ties


def wave(actors, ties, first, last):
    """The undirected graph of a snapshot (every actor a vertex) and the
    axes carried by each edge."""
    G = nx.Graph()
    G.add_nodes_from(a["id"] for a in actors)
    axes = {}
    for t in ties:
        if float(t["weight"]) == 0 or t["source"] == t["target"] or not active(t, first, last):
            continue
        pair = frozenset((t["source"], t["target"]))
        G.add_edge(t["source"], t["target"])
        axes.setdefault(pair, set()).add(t["axis"])
    return G, axes


def ei_index(G, group):
    e = sum(1 for u, v in G.edges() if group[u] != group[v])
    i = G.number_of_edges() - e
    return (e - i) / (e + i) if e + i else math.nan


def degree_centralization(G):
    """Freeman, igraph's maximum for undirected graphs without loops: (n-1)(n-2)."""
    n = G.number_of_nodes()
    d = dict(G.degree())
    top = max(d.values())
    return sum(top - x for x in d.values()) / ((n - 1) * (n - 2))


def betweenness_centralization(G):
    """Freeman over raw betweenness, igraph's maximum (n-1)^2 (n-2) / 2."""
    n = G.number_of_nodes()
    b = nx.betweenness_centrality(G, normalized=False)
    top = max(b.values())
    return sum(top - x for x in b.values()) / ((n - 1) ** 2 * (n - 2) / 2)


def brokerage(G, group):
    """Gould-Fernandez roles over every two-path a -> v -> c (undirected
    ties as two arcs), a != c, no tie a - c: coordinator, itinerant,
    representative, gatekeeper, liaison, total."""
    counts = [0] * 6
    for v in G:
        nbrs = list(G[v])
        for a in nbrs:
            for c in nbrs:
                if a == c or G.has_edge(a, c):
                    continue
                ga, gv, gc = group[a], group[v], group[c]
                if ga == gv == gc:
                    r = 0
                elif ga == gc:
                    r = 1
                elif gv == ga:
                    r = 2
                elif gv == gc:
                    r = 3
                else:
                    r = 4
                counts[r] += 1
                counts[5] += 1
    return counts


def measures(G, group):
    n = G.number_of_nodes()
    components = list(nx.connected_components(G))
    values = {
        "actors": n,
        "active_actors": sum(1 for v in G if G.degree(v) > 0),
        "ties": G.number_of_edges(),
        "density": nx.density(G),
        "mean_degree": 2 * G.number_of_edges() / n,
        "ei_index": ei_index(G, group),
        "transitivity": nx.transitivity(G),
        "degree_centralization": degree_centralization(G),
        "betweenness_centralization": betweenness_centralization(G),
        "component_count": len(components),
        "largest_component_share": max(len(c) for c in components) / n,
    }
    for name, value in zip(MEASURES[11:], brokerage(G, group)):
        values[name] = value
    return values


def compute(directory=CLERMONT):
    """Every figure of the comparison, keyed as in ecosys_waves."""
    actors, ties = read(directory)
    order = [a["id"] for a in actors]  # union order = vertex order = actor table order
    position = {a: i for i, a in enumerate(order)}
    group = {a["id"]: a["sector"] for a in actors}
    groups = []
    for a in order:
        if group[a] not in groups:
            groups.append(group[a])
    gindex = {g: i for i, g in enumerate(groups)}

    before, axes0 = wave(actors, ties, datetime.date.min, period(BEFORE_TO)[1])
    after, axes1 = wave(actors, ties, period(AFTER_FROM)[0], datetime.date.max)
    e0 = {frozenset(e) for e in before.edges()}
    e1 = {frozenset(e) for e in after.edges()}
    sets = {"formed": e1 - e0, "dissolved": e0 - e1, "persisting": e0 & e1}

    # Axes in order of first appearance: the ties making the before edges in
    # file order, then those making the after edges.
    axis_names = []
    for first, last in ((datetime.date.min, period(BEFORE_TO)[1]),
                        (period(AFTER_FROM)[0], datetime.date.max)):
        for t in ties:
            if float(t["weight"]) != 0 and t["source"] != t["target"] \
                    and active(t, first, last) and t["axis"] not in axis_names:
                axis_names.append(t["axis"])

    result = {"actor_ids": order, "groups": groups, "axes": axis_names,
              "ties_before": len(e0), "ties_after": len(e1)}
    k = len(groups)
    for name, pairs in sets.items():
        by_group = [[0] * k for _ in range(k)]
        for p in pairs:
            a, b = tuple(p)
            g, h = gindex[group[a]], gindex[group[b]]
            by_group[g][h] += 1
            if g != h:
                by_group[h][g] += 1
        by_axis = [0] * len(axis_names)
        for p in pairs:
            carried = set()
            if name in ("dissolved", "persisting"):
                carried |= axes0[p]
            if name in ("formed", "persisting"):
                carried |= axes1[p]
            for x in carried:
                by_axis[axis_names.index(x)] += 1
        result[name] = {
            "count": len(pairs),
            "pairs": sorted(tuple(sorted((position[a] for a in p))) for p in pairs),
            "by_group": by_group,
            "by_axis": by_axis,
        }
    result["jaccard"] = len(e0 & e1) / len(e0 | e1)

    tied0 = {v for v in before if before.degree(v) > 0}
    tied1 = {v for v in after if after.degree(v) > 0}
    result["present_before"] = len(tied0)
    result["present_after"] = len(tied1)
    result["entering"] = sorted(position[v] for v in tied1 - tied0)
    result["leaving"] = sorted(position[v] for v in tied0 - tied1)

    closing = through = crossing = 0
    for p in sets["formed"]:
        a, b = tuple(p)
        common = set(before[a]) & set(before[b])
        if common:
            closing += 1
            if COORDINATOR in common:
                through += 1
        if group[a] != group[b]:
            crossing += 1
    formed = len(sets["formed"])
    result["formed_closing_triad"] = closing
    result["formed_through_coordinator"] = through
    result["formed_crossing_groups"] = crossing
    result["triad_closure_share"] = closing / formed
    result["coordinator_share"] = through / closing
    result["crossing_share"] = crossing / formed

    m0, m1 = measures(before, group), measures(after, group)
    result["measures"] = {name: (m0[name], m1[name]) for name in MEASURES}
    return result


def c(x):
    if isinstance(x, float) and math.isnan(x):
        return "NAN"
    return repr(float(x))


def sizes(name, values):
    print(f"static const size_t {name}[{max(len(values), 1)}] = {{"
          + (", ".join(str(v) for v in values) or "0 /* none */") + "};")


def main():
    r = compute()
    print("/* Generated by tests/data/expected/reference_waves.py (NetworkX "
          f"{nx.__version__}, reading examples/data/clermont/actors.csv and collaborations.csv with the csv module):")
    print(f" * before = ties active up to {BEFORE_TO}, after = from {AFTER_FROM}; groups by "
          f"sector; coordinator {COORDINATOR}. Do not edit. */")
    print("#ifndef ECOSYS_TEST_REFERENCE_WAVES_H\n#define ECOSYS_TEST_REFERENCE_WAVES_H\n")
    print("#include <math.h>\n#include <stddef.h>\n")
    print(f"#define CW_ACTOR_COUNT {len(r['actor_ids'])}")
    print("static const char *const CW_GROUPS[] = {"
          + ", ".join(f'"{g}"' for g in r["groups"]) + "};")
    print(f"#define CW_GROUP_COUNT {len(r['groups'])}")
    print("static const char *const CW_AXES[] = {"
          + ", ".join(f'"{a}"' for a in r["axes"]) + "};")
    print(f"#define CW_AXIS_COUNT {len(r['axes'])}")
    print(f"#define CW_TIES_BEFORE {r['ties_before']}")
    print(f"#define CW_TIES_AFTER {r['ties_after']}")
    for name in ("formed", "dissolved", "persisting"):
        s = r[name]
        upper = name.upper()
        print(f"#define CW_{upper}_COUNT {s['count']}")
        sizes(f"CW_{upper}_SOURCES", [a for a, _ in s["pairs"]])
        sizes(f"CW_{upper}_TARGETS", [b for _, b in s["pairs"]])
        sizes(f"CW_{upper}_BY_GROUP", [x for row in s["by_group"] for x in row])
        sizes(f"CW_{upper}_BY_AXIS", s["by_axis"])
    print(f"#define CW_JACCARD {c(r['jaccard'])}")
    print(f"#define CW_PRESENT_BEFORE {r['present_before']}")
    print(f"#define CW_PRESENT_AFTER {r['present_after']}")
    print(f"#define CW_ENTERING_COUNT {len(r['entering'])}")
    sizes("CW_ENTERING", r["entering"])
    print(f"#define CW_LEAVING_COUNT {len(r['leaving'])}")
    sizes("CW_LEAVING", r["leaving"])
    for name in ("formed_closing_triad", "formed_through_coordinator",
                 "formed_crossing_groups"):
        print(f"#define CW_{name.upper()} {r[name]}")
    for name in ("triad_closure_share", "coordinator_share", "crossing_share"):
        print(f"#define CW_{name.upper()} {c(r[name])}")
    print(f"static const double CW_BEFORE[{len(MEASURES)}] = {{")
    for name in MEASURES:
        print(f"    {c(r['measures'][name][0])}, /* {name} */")
    print("};")
    print(f"static const double CW_AFTER[{len(MEASURES)}] = {{")
    for name in MEASURES:
        print(f"    {c(r['measures'][name][1])}, /* {name} */")
    print("};")
    print("\n#endif")


if __name__ == "__main__":
    sys.exit(main())
