"""Communities and roles from Python: the same values as the C tests
(tests/test_communities.c), from the same reference file
tests/data/expected/reference_communities.h (NetworkX / python-igraph
modularity, participation and z from the definitions; see
tests/data/expected/README.md, "Communities")."""

from __future__ import annotations

import math
import re

import pytest

import ecosys
from conftest import SOURCE_DIR, TEST_DATA

EXACT = 1e-12
KARATE_BEST_Q = 0.4197896  # Brandes et al. 2008, proven optimal


def _reference():
    """The constants of reference_communities.h, by name."""
    text = (SOURCE_DIR / "tests/data/expected/reference_communities.h").read_text()
    values = {}
    for name, value in re.findall(r"#define (\w+) (\S+)", text):
        if not name.startswith("ECOSYS_"):
            values[name] = float(value)
    for name, items in re.findall(r"static const \w+ (\w+)\[\] = \{([^}]*)\};", text):
        values[name] = [float(x) for x in items.split(",")]
    return values


REF = _reference()


def close(actual, expected, tolerance=EXACT):
    return all(math.isclose(a, e, rel_tol=0, abs_tol=tolerance)
               for a, e in zip(actual, expected)) and len(actual) == len(expected)


@pytest.fixture
def karate_graph(karate):
    with ecosys.Graph(karate) as g:
        yield g


def small(n, ties, weights=None, directed=False, sectors=None):
    actors = [{"id": str(i), "sector": sectors[i] if sectors else ""} for i in range(n)]
    rows = [(str(a), str(b), weights[i] if weights else 1) for i, (a, b) in enumerate(ties)]
    return ecosys.Graph.from_records(actors=actors, ties=rows, directed=directed)


TWO_CLIQUES = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3),
               (4, 5), (4, 6), (4, 7), (5, 6), (5, 7), (6, 7), (3, 4)]


def test_modularity_karate_club_split(karate_graph):
    g = karate_graph
    # The club split, from the GraphML's "club" attribute or from a membership.
    assert ecosys.modularity(g, "club") == pytest.approx(REF["Q_KARATE_CLUB"], abs=EXACT)
    with ecosys.Partition.from_membership(g, [int(x) for x in REF["KARATE_CLUB"]]) as club:
        assert ecosys.modularity(g, club) == pytest.approx(REF["Q_KARATE_CLUB"], abs=EXACT)
        assert ecosys.modularity(g, club, weighted=True) == pytest.approx(
            REF["Q_KARATE_CLUB_WEIGHTED"], abs=EXACT)
        assert ecosys.modularity(g, club, resolution=0.5) == pytest.approx(
            REF["Q_KARATE_CLUB_GAMMA_HALF"], abs=EXACT)
        assert ecosys.modularity(g, club, resolution=2, weighted=True) == pytest.approx(
            REF["Q_KARATE_CLUB_GAMMA_TWO"], abs=EXACT)


def test_participation_and_z_karate(karate_graph):
    g = karate_graph
    assert close(list(ecosys.participation(g, "club").values()),
                 REF["KARATE_CLUB_PARTICIPATION"])
    assert close(list(ecosys.participation(g, "club", weighted=True).values()),
                 REF["KARATE_CLUB_PARTICIPATION_WEIGHTED"])
    assert close(list(ecosys.within_module_z(g, "club").values()), REF["KARATE_CLUB_Z"])
    assert close(list(ecosys.within_module_z(g, "club", weighted=True).values()),
                 REF["KARATE_CLUB_Z_WEIGHTED"])
    roles = ecosys.roles(g, "club")
    assert roles["0"] == roles["33"] == "provincial_hub"
    assert roles["11"] == "ultra_peripheral"


def test_directed_modularity():
    edges = [(0, 1), (1, 2), (2, 0), (1, 0), (2, 3), (3, 4), (4, 2),
             (4, 5), (5, 3), (5, 6), (6, 7), (7, 5), (3, 2), (6, 0)]
    weights = [2, 1, 3, 1, 2, 1, 2, 4, 1, 2, 1, 3, 1, 2]
    with small(8, edges, weights, directed=True) as g, \
            ecosys.Partition.from_membership(g, [0, 0, 0, 1, 1, 1, 2, 2]) as p:
        assert ecosys.modularity(g, p) == pytest.approx(REF["Q_D"], abs=EXACT)
        assert ecosys.modularity(g, p, weighted=True) == pytest.approx(REF["Q_D_WEIGHTED"],
                                                                       abs=EXACT)
        assert ecosys.modularity(g, p, mode="all") == pytest.approx(
            REF["Q_D_UNDIRECTED_VIEW"], abs=EXACT)
        assert ecosys.modularity(g, p, mode="all", weighted=True) == pytest.approx(
            REF["Q_D_UNDIRECTED_VIEW_WEIGHTED"], abs=EXACT)
        with pytest.raises(ecosys.InvalidArgumentError):
            ecosys.modularity(g, p, mode="out")
        # Detection runs on the undirected view and reports its modularity.
        communities, q = ecosys.leiden(g)
        with communities:
            assert q == ecosys.modularity(g, communities, mode="all")


def test_small_graph_by_hand():
    # A = {0,1,2,3,6}, B = {4,5}; 6 isolated (reference_communities.py's S).
    ties = [(0, 1), (0, 2), (0, 3), (1, 4), (4, 5)]
    with small(7, ties, [2, 1, 1, 3, 1]) as g, \
            ecosys.Partition.from_membership(g, ["A", "A", "A", "A", "B", "B", "A"]) as p:
        assert close(list(ecosys.participation(g, p).values()), REF["S_PARTICIPATION"])
        assert list(ecosys.participation(g, p).values()) == [0, 0.5, 0, 0, 0.5, 0, 0]
        assert close(list(ecosys.participation(g, p, weighted=True).values()),
                     REF["S_PARTICIPATION_WEIGHTED"])
        assert close(list(ecosys.within_module_z(g, p).values()), REF["S_Z"])
        assert close(list(ecosys.within_module_z(g, p, weighted=True).values()),
                     REF["S_Z_WEIGHTED"])


def test_roles_by_hand():
    ties = ([(0, v) for v in range(1, 10)] + [(10, 11), (10, 12), (11, 12), (13, 14),
                                               (13, 15), (14, 15)]
            + [(0, v) for v in range(10, 16)])
    with small(16, ties) as g, \
            ecosys.Partition.from_membership(g, [0] * 10 + [1] * 3 + [2] * 3) as p:
        roles = ecosys.roles(g, p)
        assert [ecosys.COMMUNITY_ROLES[int(r)] for r in REF["R_ROLES"]] == list(roles.values())
        assert roles["0"] == "connector_hub"
        assert close(list(ecosys.participation(g, p).values()), REF["R_PARTICIPATION"])
        assert close(list(ecosys.within_module_z(g, p).values()), REF["R_Z"])
    assert ecosys.role_classify(2.5, 0.30) == "provincial_hub"
    assert ecosys.role_classify(2.49, 0.81) == "nonhub_kinless"
    assert list(ecosys.COMMUNITY_ROLES.values()) == [
        "ultra_peripheral", "peripheral", "nonhub_connector", "nonhub_kinless",
        "provincial_hub", "connector_hub", "kinless_hub"]


def test_detection_two_cliques():
    with small(8, TWO_CLIQUES) as g:
        for detect in (ecosys.leiden, ecosys.louvain):
            for seed in range(1, 6):
                communities, q = detect(g, seed=seed)
                with communities:
                    assert communities.groups == ["0", "1"]
                    assert communities.group_numbers == [0, 0, 0, 0, 1, 1, 1, 1]
                    assert q == pytest.approx(11 / 26, abs=EXACT)


def test_detection_karate_seeded(karate_graph):
    g = karate_graph
    for seed in range(1, 6):
        a, qa = ecosys.leiden(g, seed=seed)
        b, qb = ecosys.leiden(g, seed=seed)
        with a, b:
            assert a.group_numbers == b.group_numbers and qa == qb
            assert qa == pytest.approx(KARATE_BEST_Q, abs=1e-6)
            assert qa == ecosys.modularity(g, a)
    # Louvain: seed 1 stops at 0.4188, seed 2 reaches 0.4198 (as in C).
    one, q1 = ecosys.louvain(g, seed=1)
    two, q2 = ecosys.louvain(g, seed=2)
    with one, two:
        assert one.group_numbers != two.group_numbers
        assert q2 == pytest.approx(KARATE_BEST_Q, abs=1e-6)
        assert KARATE_BEST_Q - 0.01 <= q1 <= KARATE_BEST_Q
    communities, q = ecosys.community_detect(g, algorithm="louvain", seed=2, weighted=True)
    with communities:
        assert q == ecosys.modularity(g, communities, weighted=True)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.community_detect(g, algorithm="walktrap")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.leiden(g, resolution=0)


def test_community_summary_by_sector():
    sectors = ["public", "public", "business", "academia"] + ["business"] * 4
    with small(8, TWO_CLIQUES, sectors=sectors) as g:
        communities, _ = ecosys.leiden(g)
        with communities:
            summary = ecosys.community_summary(g, communities)
            assert summary.groups == ["public", "business", "academia"]
            assert summary.communities["0"] == {
                "size": 4, "internal_ties": 6, "external_ties": 1, "internal_weight": 6.0,
                "external_weight": 1.0,
                "composition": {"public": 2, "business": 1, "academia": 1}}
            assert summary.communities["1"]["composition"] == {
                "public": 0, "business": 4, "academia": 0}
            bare = ecosys.community_summary(g, communities, by=None)
            assert "composition" not in bare.communities["1"] and bare.groups == []


def test_isolates_and_no_ties():
    with small(4, [(0, 1), (1, 2)]) as g:
        communities, _ = ecosys.leiden(g)
        with communities:
            assert communities.sizes[communities.membership["3"]] == 1
        with ecosys.Partition.from_membership(g, [0, 0, 0, 1]) as p:
            assert ecosys.participation(g, p)["3"] == 0  # isolate
            assert ecosys.within_module_z(g, p)["3"] == 0  # group of one
    with small(3, []) as g:
        communities, q = ecosys.louvain(g)
        with communities:
            assert communities.group_count == 3 and math.isnan(q)
            assert math.isnan(ecosys.modularity(g, communities))
