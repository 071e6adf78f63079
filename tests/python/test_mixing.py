"""Mixing across groups from Python: the same values as the C tests
(tests/test_mixing.c, hand-computed graph H1) and as NetworkX on the
karate club."""

from __future__ import annotations

import math

import pytest

import ecosys


def close(a, b, tol=1e-12):
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k], tol) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(close(x, y, tol) for x, y in zip(a, b))
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tol


@pytest.fixture
def h1():
    """Graph H1 of tests/test_mixing.c: sectors A A B B C A; a weight-0 tie,
    a self-tie and a repeated tie that the graph rules set aside or merge."""
    g = ecosys.Graph.from_records(
        actors=[{"id": str(i), "sector": s} for i, s in enumerate("AABBCA")],
        ties=[("0", "1", 2), ("0", "2", 1), ("1", "2", 3), ("2", "3", 1), ("3", "4", 4),
              ("0", "3", 0), ("4", "4", 5), ("1", "0", 1)])
    with g:
        yield g


def test_h1_as_in_c(h1):
    m = ecosys.mixing_matrix(h1)  # group defaults to "sector"
    assert m.groups == ["A", "B", "C"] and not m.directed
    assert m.ties == [[1, 2, 0], [2, 1, 1], [0, 1, 0]]
    assert m.weights == [[3, 4, 0], [4, 1, 4], [0, 4, 0]]
    assert close(ecosys.assortativity(h1), -1 / 29)
    assert close(ecosys.assortativity(h1, weighted=True), -1 / 15)

    ei = ecosys.ei_index(h1, "sector")
    assert (ei.external, ei.internal) == (3, 2)
    assert close(ei.ei_index, 0.2) and close(ei.expected, 7 / 15)
    assert close(ei.sd, 2 * math.sqrt(44 / 63) / 5)
    assert close(ei.z, (0.2 - 7 / 15) / ei.sd)
    assert close(ei.groups["A"]["ei_index"], 1 / 3)
    assert close(ei.groups["C"]["expected"], 1) and math.isnan(ei.groups["C"]["z"])
    assert close(ecosys.ei_index(h1, weighted=True).ei_index, 1 / 3)

    nan = math.nan
    assert close(ecosys.ei_index_actors(h1),
                 {"0": 0, "1": 0, "2": 1 / 3, "3": 0, "4": 1, "5": nan})
    assert close(ecosys.ei_index_actors(h1, weighted=True),
                 {"0": -0.5, "1": 0, "2": 0.6, "3": 0.6, "4": 1, "5": nan})
    assert close(ecosys.blau(h1), {"0": 0.5, "1": 0.5, "2": 4 / 9, "3": 0.5, "4": 0, "5": nan})
    assert close(ecosys.iqv(h1), {"0": 0.75, "1": 0.75, "2": 2 / 3, "3": 0.75, "4": 0,
                                  "5": nan})
    assert close(ecosys.blau(h1, weighted=True),
                 {"0": 0.375, "1": 0.5, "2": 0.32, "3": 0.32, "4": 0, "5": nan})


def test_partition_or_attribute_name(h1):
    with ecosys.Partition.by_attribute(h1, "sector") as p:
        assert close(ecosys.blau(h1, p), ecosys.blau(h1, "sector"))
    with ecosys.Partition.from_membership(h1, [0, 0, 0, 1, 1, 1]) as p:
        assert ecosys.mixing_matrix(h1, p).groups == ["0", "1"]
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.blau(h1, "colour")
    with pytest.raises(TypeError):
        ecosys.blau(h1, 3)
    with ecosys.Partition.from_membership(2, [0, 1]) as wrong:
        with pytest.raises(ecosys.InvalidArgumentError, match="partition has 2 vertices"):
            ecosys.ei_index(h1, wrong)


def test_directed_modes():
    g = ecosys.Graph.from_records(
        actors=[{"id": i, "sector": s} for i, s in zip("abcd", "XXYY")],
        ties=[("a", "b", 1), ("b", "a", 4), ("a", "c", 3), ("d", "c", 1)], directed=True)
    with g:
        assert ecosys.mixing_matrix(g).ties == [[2, 1], [0, 1]]
        out = ecosys.ei_index_actors(g, mode="out")
        assert math.isnan(out["c"]) and out["a"] == 0  # c has only incoming ties
        assert ecosys.ei_index_actors(g) == {"a": 0, "b": -1, "c": 0, "d": -1}
        assert close(ecosys.assortativity(g), 0.5)


def test_permutation_is_seeded(h1):
    a = ecosys.ei_permutation_test(h1, replicates=500, seed=3)
    b = ecosys.ei_permutation_test(h1, "sector", replicates=500, seed=3)
    assert a == b and a.replicates == 500 and a.seed == 3
    assert close(a.observed, 0.2)
    assert 1 / 501 <= a.p_greater <= 1 and 1 / 501 <= a.p_less <= 1
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.ei_permutation_test(h1, replicates=0)


def test_karate_against_networkx(karate):
    nx = pytest.importorskip("networkx")
    K = nx.karate_club_graph()
    with ecosys.Graph(karate) as g:
        # the GraphML holds the club as a free actor attribute
        assert "club" in karate.attributes()
        with ecosys.Partition.by_attribute(g, "club") as p:
            assert p.membership == {i: K.nodes[int(i)]["club"] for i in g.actor_ids}
            assert close(ecosys.assortativity(g, p),
                         nx.attribute_assortativity_coefficient(K, "club"))
            m = ecosys.mixing_matrix(g, p)
            order = {name: i for i, name in enumerate(m.groups)}
            nxm = nx.attribute_mixing_matrix(K, "club", mapping=order, normalized=False)
            for a in range(2):
                for b in range(2):
                    assert m.ties[a][b] * (2 if a == b else 1) == nxm[a][b]


def test_registered(h1):
    for name in ("blau", "iqv", "ei_index_actors"):
        assert ecosys.measure_info(name).capability == "mixing"
        assert list(ecosys.compute(h1, name)) == h1.actor_ids
    assert close(ecosys.compute(h1, "assortativity"), -1 / 29)
