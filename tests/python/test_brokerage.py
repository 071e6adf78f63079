"""Brokerage from Python gives the C library's values.

The expected values are those the C tests pin (tests/test_brokerage.c):
the generated headers tests/data/expected/reference_brokerage_nx.h
(NetworkX / python-igraph) and reference_brokerage_sna.h (R sna), parsed
here, plus the hand calculations of the C tests. See
tests/data/expected/README.md, "Brokerage".
"""

from __future__ import annotations

import math
import re

import pytest

import ecosys
from conftest import SOURCE_DIR

EXPECTED = SOURCE_DIR / "tests" / "data" / "expected"


def _arrays(name: str):
    text = (EXPECTED / name).read_text()
    out = {}
    for key, body in re.findall(r"static const (?:double|size_t) (\w+)\[[^\]]*\](?:\[2\])? = "
                                r"\{(.*?)\};", text, re.S):
        values = []
        for token in re.findall(r"-?INFINITY|NAN|-?\d[\d.e+-]*", body):
            values.append({"NAN": math.nan, "INFINITY": math.inf,
                           "-INFINITY": -math.inf}.get(token) if token.isalpha()
                          or token.lstrip("-").isalpha() else float(token))
        out[key] = values
    return out


GRAPHS = _arrays("graphs.h")
NX = _arrays("reference_brokerage_nx.h")
SNA = _arrays("reference_brokerage_sna.h")
CLUB = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1]


def _same(actual, expected, rel=1e-9, abs_=1e-10):
    assert len(actual) == len(expected)
    for a, e in zip(actual, expected):
        if math.isnan(e):
            assert math.isnan(a), (a, e)
        elif math.isinf(e):
            assert a == e
        else:
            assert a == pytest.approx(e, rel=rel, abs=abs_)


def _graph(edges_name, weights_name, n, directed, sectors=None):
    flat = [int(x) for x in GRAPHS[edges_name]]
    weights = GRAPHS[weights_name]
    actors = [{"id": str(i), "sector": sectors[i] if sectors else ""} for i in range(n)]
    ties = [(str(flat[2 * k]), str(flat[2 * k + 1]), weights[k]) for k in range(len(weights))]
    return ecosys.Graph.from_records(actors=actors, ties=ties, directed=directed)


@pytest.fixture
def karate():
    with _graph("KARATE_EDGES", "KARATE_WEIGHTS", 34, False,
                ["hi" if c == 0 else "officer" for c in CLUB]) as g:
        yield g


@pytest.fixture
def directed():
    with _graph("D_EDGES", "D_WEIGHTS", 8, True,
                ["ess", "ess", "ess", "public", "public", "firm", "firm", "firm"]) as g:
        yield g


@pytest.mark.parametrize("weighted,suffix", [(False, "U"), (True, "W")])
@pytest.mark.parametrize("label", ["KARATE", "D"])
def test_structural_holes_match_networkx(request, label, weighted, suffix):
    g = request.getfixturevalue("karate" if label == "KARATE" else "directed")
    for name, function in (("CONSTRAINT", ecosys.constraint),
                           ("EFFECTIVE_SIZE", ecosys.effective_size),
                           ("EFFICIENCY", ecosys.efficiency),
                           ("HIERARCHY", ecosys.hierarchy)):
        values = function(g, weighted=weighted)
        assert list(values) == [str(i) for i in range(len(values))]
        _same(list(values.values()), NX[f"NX_{label}_{name}_{suffix}"])
    _same(list(ecosys.constraint(g, weighted=weighted).values()),
          NX[f"IGRAPH_{label}_CONSTRAINT_{suffix}"])
    holes = ecosys.structural_holes(g, weighted=weighted)
    assert holes.weighted is weighted
    assert holes.constraint == ecosys.constraint(g, weighted=weighted) or all(
        (math.isnan(a) and math.isnan(b)) or a == b
        for a, b in zip(holes.constraint.values(),
                        ecosys.constraint(g, weighted=weighted).values()))
    assert holes.effective_size == ecosys.effective_size(g, weighted=weighted)


def test_structural_holes_by_hand():
    # Triangle 0-1-2 with pendant 3 on 2, and an isolate 4 (tests/test_brokerage.c).
    with ecosys.Graph.from_records(
            actors=[{"id": str(i)} for i in range(5)],
            ties=[("0", "1"), ("1", "2"), ("2", "0"), ("2", "3")]) as g:
        holes = ecosys.structural_holes(g)
        _same(list(holes.constraint.values()), [145 / 144, 145 / 144, 11 / 18, 1, math.nan])
        _same(list(holes.effective_size.values()), [1, 1, 7 / 3, 1, math.nan])
        _same(list(holes.efficiency.values()), [0.5, 0.5, 7 / 9, 1, math.nan])
        assert holes.contacts == {"0": 2, "1": 2, "2": 3, "3": 1, "4": 0}
        assert math.isnan(holes.hierarchy["3"]) and math.isnan(holes.hierarchy["4"])


def _check_sna(result, prefix, n):
    def flat(per_actor):
        return [row[role] for row in per_actor.values() for role in ecosys.ROLES]

    assert flat(result.raw) == SNA[f"{prefix}_RAW_NLI"]
    _same(flat(result.expected), SNA[f"{prefix}_EXP_NLI"])
    _same(flat(result.sd), SNA[f"{prefix}_SD_NLI"])
    _same(flat(result.z), SNA[f"{prefix}_Z_NLI"])
    assert [result.graph_raw[r] for r in ecosys.ROLES] == SNA[f"{prefix}_RAW_GLI"]
    _same([result.graph_expected[r] for r in ecosys.ROLES], SNA[f"{prefix}_EXP_GLI"])
    _same([result.graph_sd[r] for r in ecosys.ROLES], SNA[f"{prefix}_SD_GLI"])
    _same([result.graph_z[r] for r in ecosys.ROLES], SNA[f"{prefix}_Z_GLI"])
    _same(flat(result.group_expected), SNA[f"{prefix}_EXP_GRP"])
    _same(flat(result.group_sd), SNA[f"{prefix}_SD_GRP"])
    assert len(result.raw) == n


def test_brokerage_roles_match_sna_karate(karate):
    result = ecosys.brokerage_roles(karate, group="sector")
    _check_sna(result, "SNA_KARATE_CLUB", 34)
    assert result.arc_count == 156
    assert result.density == pytest.approx(156 / (34 * 33))
    assert result.groups["0"] == "hi" and result.groups["33"] == "officer"
    # Mr. Hi (0) brokers 174 two-paths inside his club (sna: w_I = 174).
    assert result.raw["0"]["coordinator"] == 174


def test_brokerage_roles_match_sna_directed(directed):
    _check_sna(ecosys.brokerage_roles(directed), "SNA_D_THREE", 8)
    with ecosys.Partition.from_membership(directed, [0, 1, 1, 2, 2, 2, 2, 2]) as p:
        result = ecosys.brokerage_roles(directed, group=p)
    _check_sna(result, "SNA_D_SMALL", 8)
    assert math.isnan(result.z["0"]["coordinator"])  # a group of one


def test_representative_and_gatekeeper_are_not_swapped():
    # 0 -> 1 -> 2: broker with the source's group is a representative,
    # with the target's group a gatekeeper (sna b_IO and b_OI).
    for sectors, role in ((["A", "A", "B"], "representative"), (["A", "B", "B"], "gatekeeper")):
        with ecosys.Graph.from_records(
                actors=[{"id": str(i), "sector": s} for i, s in enumerate(sectors)],
                ties=[("0", "1"), ("1", "2")], directed=True) as g:
            result = ecosys.brokerage_roles(g)
            assert result.raw["1"] == {r: int(r in (role, "total")) for r in ecosys.ROLES}


def test_brokerage_errors(directed):
    with pytest.raises(ecosys.InvalidArgumentError, match="no actor attribute"):
        ecosys.brokerage_roles(directed, group="no-such-attribute")
    with ecosys.Partition.from_membership(3, [0, 0, 1]) as p:
        # the C library's one message for every function taking a partition
        with pytest.raises(ecosys.InvalidArgumentError,
                           match="ecosys_brokerage_roles: the partition has 3 vertices but the "
                                 "graph has"):
            ecosys.brokerage_roles(directed, group=p)
    with pytest.raises(TypeError):
        ecosys.brokerage_roles(directed, group=3)


def test_registered_by_name(directed):
    for name in ("constraint", "effective_size", "efficiency", "hierarchy",
                 "structural_holes", "brokerage_roles"):
        assert name in ecosys.available()
    assert ecosys.compute(directed, "constraint") == ecosys.constraint(directed)
