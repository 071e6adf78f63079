"""Resilience from Python: the curves of every targeted strategy against
NetworkX computed here (remove the node, recompute the largest connected
component; NetworkX's ties broken as the library's, by (-score, index)),
the random strategy's reproducibility across thread counts, group orders,
progress and cancellation, and bad arguments."""

from __future__ import annotations

import math
import re

import networkx as nx
import pytest

import ecosys
from conftest import SOURCE_DIR

EXPECTED = SOURCE_DIR / "tests" / "data" / "expected"


def _karate():
    text = (EXPECTED / "graphs.h").read_text()
    edges = re.search(r"KARATE_EDGES\[KARATE_M\]\[2\] = \{(.*?)\};", text, re.S).group(1)
    weights = re.search(r"KARATE_WEIGHTS\[KARATE_M\] = \{(.*?)\};", text, re.S).group(1)
    flat = [int(x) for x in re.findall(r"\d+", edges)]
    w = [float(x) for x in re.findall(r"\d+", weights)]
    return list(zip(flat[0::2], flat[1::2], w))


@pytest.fixture
def karate():
    ties = [{"source": str(a), "target": str(b), "weight": w} for a, b, w in _karate()]
    with ecosys.Graph.from_records(actors=[{"id": str(i)} for i in range(34)],
                                   ties=ties) as g:
        yield g


def _nx_karate():
    G = nx.Graph()
    G.add_nodes_from(range(34))
    G.add_weighted_edges_from(_karate())
    return G


def _score(G, kind):
    if kind == "degree":
        return dict(G.degree())
    if kind == "strength":
        return dict(G.degree(weight="weight"))
    b = nx.betweenness_centrality(G, normalized=False)
    return {v: round(x, 9) for v, x in b.items()}


def _nx_attack(G, kind, adaptive):
    """(order, largest component sizes after each removal) by NetworkX."""
    H = G.copy()
    score = _score(H, kind)
    order, sizes = [], []
    while H.number_of_nodes():
        if adaptive:
            score = _score(H, kind)
        v = min(H.nodes(), key=lambda u: (-score[u], u))
        order.append(v)
        H.remove_node(v)
        sizes.append(max((len(c) for c in nx.connected_components(H)), default=0))
    return order, sizes


@pytest.mark.parametrize("kind", ["degree", "strength", "betweenness"])
@pytest.mark.parametrize("adaptive", [False, True])
def test_attacks_match_networkx(karate, kind, adaptive):
    r = ecosys.resilience(karate, kind, adaptive=adaptive)
    order, sizes = _nx_attack(_nx_karate(), kind, adaptive)
    assert r.strategy == kind and r.adaptive == adaptive and r.steps == 34
    assert r.order == [str(v) for v in order]
    assert r.largest == pytest.approx([1.0] + [s / 34 for s in sizes], abs=1e-12)
    assert r.robustness == pytest.approx(sum(sizes) / 34 ** 2, abs=1e-12)
    expected_critical = next(q for q, s in enumerate([34] + sizes) if s <= 17) / 34
    assert r.critical_fraction == pytest.approx(expected_critical, abs=1e-12)
    assert r.largest_sd is None and r.replicates == 0


def test_components_and_caller_order_match_networkx(karate):
    # The caller's order: odd members first, then a partial order.
    order = [str(v) for v in range(1, 34, 2)]
    r = ecosys.resilience(karate, order=order)
    assert r.strategy == "order" and r.steps == 17 and math.isnan(r.robustness)
    H = _nx_karate()
    expected_sizes, expected_counts = [34], [1]
    for v in order:
        H.remove_node(int(v))
        expected_sizes.append(max(len(c) for c in nx.connected_components(H)))
        expected_counts.append(nx.number_connected_components(H))
    assert r.largest == pytest.approx([s / 34 for s in expected_sizes], abs=1e-12)
    assert r.components == pytest.approx(expected_counts, abs=1e-12)
    # vertex indices work as well as ids
    assert ecosys.resilience(karate, order=list(range(1, 34, 2))).largest == r.largest


def test_directed_graph_ignores_direction():
    # 0->1, 1->0 (a reciprocated pair: one neighbour), 1->2, 3->2. NetworkX
    # on the undirected view: degrees 1 2 2 1, so 1, 2, 0, 3.
    ties = [("0", "1"), ("1", "0"), ("1", "2"), ("3", "2")]
    with ecosys.Graph.from_records(actors=[{"id": str(i)} for i in range(4)],
                                   ties=[{"source": a, "target": b} for a, b in ties],
                                   directed=True) as g:
        D = nx.DiGraph([(int(a), int(b)) for a, b in ties]).to_undirected()
        order, sizes = _nx_attack(D, "degree", False)
        r = ecosys.resilience(g)
        assert r.order == [str(v) for v in order] == ["1", "2", "0", "3"]
        assert r.largest == pytest.approx([1.0] + [s / 4 for s in sizes])


def test_random_is_reproducible_and_thread_independent(karate):
    runs = [ecosys.resilience(karate, "random", replicates=200, seed=5, threads=t)
            for t in (1, 2, 4)]
    for r in runs[1:]:
        assert r.largest == runs[0].largest
        assert r.largest_sd == runs[0].largest_sd
        assert r.replicate_robustness == runs[0].replicate_robustness
        assert r.robustness == runs[0].robustness
    other = ecosys.resilience(karate, "random", replicates=200, seed=6)
    assert other.replicate_robustness != runs[0].replicate_robustness
    r = runs[0]
    assert r.order is None and r.replicates == 200 and r.seed == 5
    assert len(r.replicate_robustness) == 200 and len(r.largest) == 35
    assert r.robustness == pytest.approx(sum(r.replicate_robustness) / 200, abs=1e-12)
    # Random failures hurt less than the NetworkX degree attack.
    assert r.robustness > sum(_nx_attack(_nx_karate(), "degree", False)[1]) / 34 ** 2


def test_group_order(clermont_path):
    with ecosys.Dataset.read(clermont_path) as ds, ecosys.Graph(ds) as g:
        businesses = [a.id for a in g.actors if a.sector == "business"]
        assert businesses
        assert ecosys.resilience_group_order(g, "sector", "business") == businesses
        r = ecosys.resilience(g, order=businesses)
        assert r.order == businesses and r.steps == len(businesses)
        with pytest.raises(ecosys.NotFoundError):
            ecosys.resilience_group_order(g, "sector", "no such sector")


def test_progress_and_cancellation(karate):
    seen = []
    ecosys.resilience(karate, "random", replicates=20, threads=2,
                      progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 20) and seen[-1] == (20, 20)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))
    with pytest.raises(ecosys.CancelledError):
        ecosys.resilience(karate, "betweenness", adaptive=True, progress=lambda d, t: d >= 3)

    def boom(done, total):
        raise KeyError("stop")
    with pytest.raises(KeyError):
        ecosys.resilience(karate, "random", progress=boom)


def test_bad_arguments(karate):
    with pytest.raises(ecosys.InvalidArgumentError, match="unknown strategy"):
        ecosys.resilience(karate, "alphabetical")
    with pytest.raises(ecosys.InvalidArgumentError, match="replicates"):
        ecosys.resilience(karate, "random", replicates=0)
    with pytest.raises(ecosys.InvalidArgumentError, match="threshold"):
        ecosys.resilience(karate, threshold=2.0)
    with pytest.raises(ecosys.InvalidArgumentError, match="twice"):
        ecosys.resilience(karate, order=["1", "1"])
    with pytest.raises(ecosys.InvalidArgumentError, match="not a vertex"):
        ecosys.resilience(karate, order=[40])
    with pytest.raises(ecosys.NotFoundError):
        ecosys.resilience(karate, order=["nobody"])
    with pytest.raises(ecosys.InvalidArgumentError, match="needs order"):
        ecosys.resilience(karate, "order")
