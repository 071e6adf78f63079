"""Measures: every function, equal to the C library's summary, and checked
independently against NetworkX on Zachary's karate club."""

from __future__ import annotations

import math

import pytest

import ecosys
from conftest import LABEL_DAY, same_value

ACTOR_MEASURES = {
    # JSON member: how to compute it from Python
    "degree": lambda g, w: ecosys.degree(g),
    "strength": lambda g, w: ecosys.strength(g),
    "betweenness": lambda g, w: ecosys.betweenness(g, weighted=w),
    "betweenness_normalized": lambda g, w: ecosys.betweenness(g, normalized=True, weighted=w),
    "closeness": lambda g, w: ecosys.closeness(g, normalized=True, weighted=w),
    "harmonic": lambda g, w: ecosys.harmonic(g, normalized=True, weighted=w),
    "eigenvector": lambda g, w: ecosys.eigenvector(g, weighted=w),
    "pagerank": lambda g, w: ecosys.pagerank(g, weighted=w),
    "local_clustering": lambda g, w: ecosys.local_clustering(g),
    "core_number": lambda g, w: ecosys.core_number(g),
    "component": lambda g, w: ecosys.components(g).membership,
}


def same(a, b, name):
    """Equal as the JSON says (conftest.same_value)."""
    return same_value(a, b, name)


def test_vector_results_are_dicts_in_vertex_order(clermont_graph):
    g = clermont_graph
    for name in ecosys.available("actor"):
        result = ecosys.compute(g, name)
        values = result.membership if name == "components" else result
        assert isinstance(values, dict) and list(values) == g.actor_ids, name
    assert all(type(v) is int for v in ecosys.degree(g).values())
    assert all(type(v) is int for v in ecosys.core_number(g).values())
    assert all(type(v) is float for v in ecosys.degree(g, normalized=True).values())
    assert all(type(v) is float for v in ecosys.pagerank(g).values())


@pytest.mark.parametrize("options", [{}, {"at": LABEL_DAY}, {"directed": True},
                                     {"kind": "project", "drop_isolates": True}])
@pytest.mark.parametrize("weighted", [False, True])
def test_equal_to_the_c_summary(clermont, options, weighted):
    """Every measure equals the one the C summary computed (JSON through the
    binding: ecosys_summary_render)."""
    with ecosys.Graph(clermont, **options) as g:
        summary = ecosys.summary_json(g, weighted=weighted)
        assert [a["id"] for a in summary["actors"]] == g.actor_ids
        for name, compute in ACTOR_MEASURES.items():
            ours = compute(g, weighted)
            for actor in summary["actors"]:
                assert same(ours[actor["id"]], actor[name], name), (name, actor["id"])
        structure = ecosys.structure(g, weighted=weighted)
        for field, value in structure.as_dict().items():
            assert same(value, summary["graph"][field], field), field
        for field, value in g.info.__dict__.items():
            assert summary["graph"][field] == value, field
        assert summary["graph"]["component_count"] == ecosys.components(g).count
        assert summary["graph"]["articulation_point_count"] == \
            len(ecosys.articulation_points(g))
        assert summary["graph"]["bridge_count"] == len(ecosys.bridges(g))


def test_modes_in_directed_graphs(clermont):
    with ecosys.Graph(clermont, directed=True) as g:
        total = ecosys.degree(g)
        out = ecosys.degree(g, mode="out")
        inn = ecosys.degree(g, mode="in")
        assert ecosys.degree(g, mode="all") == total
        assert all(out[k] + inn[k] == total[k] for k in total)
        assert ecosys.strength(g, mode="out") != ecosys.strength(g, mode="in")
        for f in (ecosys.betweenness, ecosys.closeness, ecosys.harmonic):
            assert same_value(f(g), f(g, mode="out"))
        assert ecosys.core_number(g, mode="all") == ecosys.core_number(g)
    with ecosys.Graph(clermont) as g:  # undirected: the mode changes nothing
        assert ecosys.degree(g, mode="in") == ecosys.degree(g)


def test_star_by_hand(star):
    """The star of docs/summary-json.md, computed by hand."""
    assert ecosys.degree(star) == {"hub": 3, "alpha": 1, "beta": 1, "gamma": 1}
    assert ecosys.degree(star, normalized=True)["hub"] == 1.0
    assert ecosys.strength(star) == {"hub": 4.0, "alpha": 2.0, "beta": 1.0, "gamma": 1.0}
    assert ecosys.betweenness(star)["hub"] == 3.0
    assert ecosys.betweenness(star, normalized=True)["hub"] == 1.0
    assert ecosys.closeness(star)["alpha"] == pytest.approx(1 / 5)
    assert ecosys.closeness(star, normalized=True)["alpha"] == pytest.approx(3 / 5)
    assert ecosys.harmonic(star)["alpha"] == pytest.approx(2.0)
    assert ecosys.harmonic(star, normalized=True)["alpha"] == pytest.approx(2 / 3)
    assert ecosys.eigenvector(star)["hub"] == pytest.approx(1.0)
    assert ecosys.eigenvector(star)["alpha"] == pytest.approx(3 ** -0.5)
    assert sum(ecosys.pagerank(star).values()) == pytest.approx(1.0)
    assert ecosys.pagerank(star, damping=0)["hub"] == pytest.approx(0.25)
    assert ecosys.pagerank(star, weighted=True)["alpha"] > ecosys.pagerank(star)["alpha"]
    assert set(ecosys.local_clustering(star).values()) == {0.0}
    assert set(ecosys.core_number(star).values()) == {1}
    assert ecosys.components(star) == ecosys.Components(1, dict.fromkeys(star.actor_ids, 0))
    assert ecosys.articulation_points(star) == ["hub"]
    assert ecosys.bridges(star) == [("hub", "alpha"), ("hub", "beta"), ("hub", "gamma")]
    s = ecosys.structure(star)
    assert (s.actor_count, s.tie_count, s.density, s.mean_degree, s.diameter) == \
        (4, 3, 0.5, 1.5, 2.0)
    assert s.transitivity == 0.0  # triples but no triangle (NaN only without any triple)
    assert s.articulation_point_count == 1 and s.bridge_count == 3 and s.max_core == 1


def test_nan_for_undefined_values():
    g = ecosys.Graph.from_records(actors=["alone", "a", "b"], ties=[("a", "b")])
    assert math.isnan(ecosys.closeness(g)["alone"])
    assert ecosys.harmonic(g)["alone"] == 0.0
    assert math.isnan(ecosys.structure(g).transitivity)
    summary = ecosys.summary_json(g)
    assert summary["actors"][0]["closeness"] is None and summary["graph"]["transitivity"] is None
    g.close()


def test_structure_fields_match_c():
    names = list(ecosys.Structure.__dataclass_fields__)
    assert names == ["actor_count", "tie_count", "directed", "weighted", "density",
                     "mean_degree", "component_count", "largest_component_size",
                     "isolate_count", "diameter", "mean_distance", "transitivity",
                     "mean_local_clustering", "degree_centralization",
                     "betweenness_centralization", "closeness_centralization",
                     "eigenvector_centralization", "max_core", "articulation_point_count",
                     "bridge_count"]


def test_registry(clermont_graph):
    # Other capabilities (mixing, brokerage, ...) register theirs too.
    own = lambda level: [n for n in ecosys.available(level)
                         if ecosys.measure_info(n).capability == "measures"]
    assert own("graph") == ["structure"]
    assert own("list") == ["articulation_points", "bridges"]
    info = ecosys.measure_info("pagerank")
    assert info.c_function == "ecosys_pagerank" and info.function is ecosys.pagerank
    assert info.level == "actor" and info.capability == "measures"
    assert ecosys.compute(clermont_graph, "pagerank", damping=0.5) == \
        ecosys.pagerank(clermont_graph, damping=0.5)
    with pytest.raises(ValueError):
        ecosys.measures.register("pagerank", level="actor", c_function="x")(lambda g: g)
    with pytest.raises(ValueError):
        ecosys.measures.register("new", level="galaxy", c_function="x")


# ---- an independent check: NetworkX on Zachary's karate club -----------------------------

nx = pytest.importorskip("networkx")


@pytest.fixture
def karate_pair(karate):
    """(ecosys graph, NetworkX graph with string node ids and weights)."""
    G = nx.relabel_nodes(nx.karate_club_graph(), str)
    with ecosys.Graph(karate) as g:
        yield g, G


def close_dicts(ours, theirs, rel=1e-9, abs=1e-12):
    assert set(ours) == set(theirs)
    for k in ours:
        assert ours[k] == pytest.approx(theirs[k], rel=rel, abs=abs), k


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # nx 2.8's pagerank_scipy
def test_karate_against_networkx(karate_pair):
    g, G = karate_pair
    assert ecosys.degree(g) == dict(G.degree())
    close_dicts(ecosys.strength(g), dict(G.degree(weight="weight")))
    close_dicts(ecosys.betweenness(g, normalized=True), nx.betweenness_centrality(G))
    close_dicts(ecosys.betweenness(g), nx.betweenness_centrality(G, normalized=False))
    close_dicts(ecosys.closeness(g, normalized=True), nx.closeness_centrality(G))
    n = G.number_of_nodes()
    close_dicts(ecosys.harmonic(g, normalized=True),
                {k: v / (n - 1) for k, v in nx.harmonic_centrality(G).items()})
    ev = nx.eigenvector_centrality_numpy(G)
    top = max(ev.values())
    close_dicts(ecosys.eigenvector(g), {k: v / top for k, v in ev.items()}, rel=1e-6)
    close_dicts(ecosys.pagerank(g), nx.pagerank(G, weight=None, tol=1e-12), rel=1e-6)
    close_dicts(ecosys.pagerank(g, weighted=True), nx.pagerank(G, weight="weight", tol=1e-12),
                rel=1e-6)
    close_dicts(ecosys.local_clustering(g), nx.clustering(G))
    assert ecosys.core_number(g) == nx.core_number(G)
    assert set(ecosys.articulation_points(g)) == set(nx.articulation_points(G))
    assert {frozenset(b) for b in ecosys.bridges(g)} == {frozenset(b) for b in nx.bridges(G)}


def test_karate_weighted_paths_against_networkx(karate_pair):
    """Weighted path measures take 1/weight as the length of a tie."""
    g, G = karate_pair
    for u, v, data in G.edges(data=True):
        data["length"] = 1.0 / data["weight"]
    n = G.number_of_nodes()
    close_dicts(ecosys.harmonic(g, normalized=True, weighted=True),
                {k: v / (n - 1) for k, v in nx.harmonic_centrality(G, distance="length").items()})
    close_dicts(ecosys.closeness(g, normalized=True, weighted=True),
                nx.closeness_centrality(G, distance="length"))


def test_karate_structure_against_networkx(karate_pair):
    g, G = karate_pair
    s = ecosys.structure(g)
    assert (s.actor_count, s.tie_count) == (G.number_of_nodes(), G.number_of_edges())
    assert s.density == pytest.approx(nx.density(G))
    assert s.transitivity == pytest.approx(nx.transitivity(G))
    assert s.mean_local_clustering == pytest.approx(nx.average_clustering(G))
    assert s.diameter == nx.diameter(G)
    assert s.mean_distance == pytest.approx(nx.average_shortest_path_length(G))
    assert s.component_count == nx.number_connected_components(G)
    assert s.max_core == max(nx.core_number(G).values())
    assert s.articulation_point_count == len(list(nx.articulation_points(G)))
    assert s.bridge_count == len(list(nx.bridges(G)))


def test_components_against_networkx(clermont):
    with ecosys.Graph(clermont, at=LABEL_DAY) as g:
        G = nx.Graph()
        G.add_nodes_from(g.actor_ids)
        G.add_edges_from((e.source, e.target) for e in g.edges())
        count, membership = ecosys.components(g)
        assert count == nx.number_connected_components(G)
        groups = {}
        for actor, c in membership.items():
            groups.setdefault(c, set()).add(actor)
        assert sorted(map(sorted, groups.values())) == \
            sorted(map(sorted, nx.connected_components(G)))
        # numbered in order of first actor
        firsts = [min(g.actor_ids.index(a) for a in groups[c]) for c in sorted(groups)]
        assert firsts == sorted(firsts)
