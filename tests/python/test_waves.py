"""Waves from Python: the same values as the C tests (tests/test_waves.c):
the hand-made waves W (each count worked out there) and Clermont before and
after the label, against tests/data/expected/reference_waves.py, which
computes them from the CSV files with NetworkX, without libecosys."""

from __future__ import annotations

import importlib.util
import json
import math

import pytest

import ecosys

from conftest import SOURCE_DIR


def close(a, b, tol=1e-12):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tol


# ---- W of tests/test_waves.c ------------------------------------------------------

W_TIES = [
    ("0", "1", 1, "food", "2018", ""), ("0", "2", 1, "mobility", "2018-01", "2018-12"),
    ("0", "2", 1, "digital", "2019-05", ""), ("3", "4", 1, "", "2017", ""),
    ("0", "3", 1, "food", "2018", "2019-02"), ("0", "3", 1, "food", "2018-02", "2018-04"),
    ("1", "2", 1, "mobility", "2018-06", "2018-12"), ("1", "2", 1, "food", "2018-03", "2018-09"),
    ("4", "5", 1, "", "2017", "2018"), ("4", "7", 1, "food", "2018", "2019-01"),
    ("1", "3", 1, "mobility", "2019-05", ""), ("2", "3", 1, "digital", "2019-04-15", ""),
    ("3", "5", 1, "food", "2019-06", ""), ("5", "6", 1, "", "2019-05", ""),
    ("2", "5", 1, "digital", "2019-09", ""), ("2", "5", 1, "mobility", "2020", ""),
    ("1", "4", 0, "food", "2019-05", ""), ("6", "6", 1, "social", "2019-05", ""),
]
BEFORE = {"to": "2019-03-31"}
AFTER = {"from": "2019-04-01"}


@pytest.fixture
def w_dataset():
    ds = ecosys.Dataset.from_records(
        actors=[{"id": str(i), "sector": s} for i, s in enumerate("AABBCCAC")],
        ties=[{"source": s, "target": t, "weight": w, "axis": a, "start": b, "end": e}
              for s, t, w, a, b, e in W_TIES])
    with ds:
        yield ds


def check_w(w):
    assert w.actors == [str(i) for i in range(8)] and not w.directed
    assert (w.ties_before, w.ties_after) == (7, 8)
    pairs = lambda s: [(t.source, t.target) for t in s.ties]
    assert pairs(w.formed) == [("1", "3"), ("2", "3"), ("2", "5"), ("3", "5"), ("5", "6")]
    assert pairs(w.dissolved) == [("0", "3"), ("1", "2"), ("4", "5"), ("4", "7")]
    assert pairs(w.persisting) == [("0", "1"), ("0", "2"), ("3", "4")]
    assert close(w.jaccard, 0.25)
    assert w.groups == ["A", "B", "C"]
    assert w.actor_group["7"] == "C"
    assert w.formed.by_group[("A", "B")] == w.formed.by_group[("B", "A")] == 1
    assert w.formed.by_group[("B", "C")] == 2 and w.formed.by_group[("B", "B")] == 1
    assert w.dissolved.by_group[("C", "C")] == 2 and w.dissolved.by_group[("A", "B")] == 2
    assert w.persisting.by_group[("A", "A")] == 1
    assert w.formed.by_axis == {"food": 1, "mobility": 2, "": 1, "digital": 2}
    assert w.dissolved.by_axis == {"food": 3, "mobility": 1, "": 1, "digital": 0}
    assert w.persisting.by_axis == {"food": 1, "mobility": 1, "": 1, "digital": 1}
    assert (w.present_before, w.present_after) == (7, 7)
    assert w.entering == ["6"] and w.leaving == ["7"]
    assert w.coordinator == "0"
    assert (w.formed_closing_triad, w.formed_through_coordinator) == (3, 2)
    assert close(w.triad_closure_share, 0.6) and close(w.coordinator_share, 2 / 3)
    assert w.formed_crossing_groups == 4 and close(w.crossing_share, 0.8)
    flags = [(t.closes_triad, t.through_coordinator, t.crosses_groups) for t in w.formed.ties]
    assert flags == [(True, True, True), (True, True, False), (False, False, True),
                     (True, False, True), (False, False, True)]
    m = w.measures
    assert list(m) == list(ecosys.WAVES_MEASURES)
    assert close(m["density"].before, 7 / 28) and close(m["density"].change, 1 / 28)
    assert close(m["ei_index"].before, 1 / 7) and close(m["ei_index"].after, 0.5)
    assert close(m["transitivity"].before, 1 / 3) and close(m["transitivity"].after, 3 / 14)
    assert close(m["degree_centralization"].after, 16 / 42)
    assert (m["brokerage_total"].before, m["brokerage_total"].after) == (12, 22)
    assert (m["brokerage_liaison"].before, m["brokerage_liaison"].after) == (2, 10)


def test_hand_waves_by_snapshots(w_dataset):
    check_w(ecosys.waves_compare_snapshots(w_dataset, BEFORE, AFTER, coordinator="0"))


def test_hand_waves_by_graphs(w_dataset):
    with ecosys.Graph(w_dataset, to="2019-03-31") as g0, \
            ecosys.Graph(w_dataset, from_="2019-04-01") as g1:
        check_w(ecosys.waves_compare(g0, g1, coordinator="0"))
        w = ecosys.waves_compare(g0, g1, presence="vertex", paths=False, brokerage=False)
        assert w.entering == [] and w.leaving == [] and w.coordinator is None
        assert math.isnan(w.coordinator_share)
        assert math.isnan(w.measures["betweenness_centralization"].before)
        assert math.isnan(w.measures["brokerage_total"].change)
        with ecosys.Partition.by_attribute(g0, "sector") as p0, \
                ecosys.Partition.by_attribute(g1, "sector") as p1:
            assert ecosys.waves_compare(g0, g1, group=(p0, p1)).formed.by_group == \
                w.formed.by_group
        with pytest.raises(ecosys.NotFoundError):
            ecosys.waves_compare(g0, g1, coordinator="nobody")
        with pytest.raises(ecosys.InvalidArgumentError):
            ecosys.waves_compare(g0, g1, group="colour")
        with pytest.raises(ecosys.InvalidArgumentError):
            ecosys.waves_compare(g0, g1, presence="sometimes")
        with pytest.raises(TypeError):
            ecosys.waves_compare(g0, w_dataset)


def test_directed_and_two_datasets():
    g0 = ecosys.Graph.from_records(
        actors=[{"id": "x", "sector": "A"}, {"id": "y", "sector": "B"},
                {"id": "z", "sector": "A"}], ties=[("x", "y"), ("y", "z")])
    g1 = ecosys.Graph.from_records(
        actors=[{"id": "w", "sector": "C"}, {"id": "z", "sector": "A"},
                {"id": "y", "sector": "B"}, {"id": "v", "sector": "C"}],
        ties=[("y", "z"), ("z", "w"), ("y", "w")])
    with g0, g1:
        w = ecosys.waves_compare(g0, g1, coordinator="y")
        assert w.actors == ["x", "y", "z", "w", "v"]
        assert [(t.source, t.target) for t in w.formed.ties] == [("y", "w"), ("z", "w")]
        assert w.entering == ["w"] and w.leaving == ["x"]
        assert close(w.jaccard, 0.25) and w.formed_closing_triad == 0
        assert ecosys.waves_compare(g0, g1, presence="vertex").entering == ["w", "v"]
    d0 = ecosys.Graph.from_records(actors=["0", "1", "2", "3"],
                                   ties=[("0", "1"), ("1", "2"), ("2", "0")], directed=True)
    d1 = ecosys.Graph.from_records(actors=["0", "1", "2", "3"],
                                   ties=[("1", "0"), ("1", "2"), ("2", "0"), ("0", "3")],
                                   directed=True)
    with d0, d1:
        w = ecosys.waves_compare(d0, d1)
        assert w.directed
        assert [(t.source, t.target) for t in w.formed.ties] == [("0", "3"), ("1", "0")]
        assert [(t.source, t.target) for t in w.dissolved.ties] == [("0", "1")]
        assert close(w.jaccard, 0.4) and w.formed_closing_triad == 1
        with ecosys.Graph.from_records(actors=["0"], ties=[]) as u:
            with pytest.raises(ecosys.InvalidArgumentError):
                ecosys.waves_compare(d0, u)


def test_empty_and_same_graph(clermont):
    with ecosys.Graph.from_records(actors=["a", "b", "c"], ties=[]) as g:
        w = ecosys.waves_compare(g, g)
        assert w.formed.count == w.dissolved.count == w.persisting.count == 0
        assert math.isnan(w.jaccard) and math.isnan(w.triad_closure_share)
        assert "No tie" in ecosys.waves_render(g, g)
    with ecosys.Graph(clermont) as g:
        w = ecosys.waves_compare(g, g)
        assert w.formed.count == 0 and w.persisting.count == g.tie_count
        assert w.jaccard == 1 and all(c.change == 0 for c in w.measures.values())


# ---- Clermont against the NetworkX reference ----------------------------------------


@pytest.fixture(scope="module")
def reference():
    path = SOURCE_DIR / "tests" / "data" / "expected" / "reference_waves.py"
    spec = importlib.util.spec_from_file_location("reference_waves", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError as exc:  # NetworkX missing: the C test still checks
        pytest.skip(f"reference needs {exc.name}")
    return module.compute()


def test_clermont_against_networkx(clermont, reference):
    w = ecosys.waves_compare_snapshots(clermont, BEFORE, AFTER, coordinator="cisca")
    r = reference
    assert w.actors == r["actor_ids"] and w.groups == r["groups"] and w.axes == r["axes"]
    assert (w.ties_before, w.ties_after) == (r["ties_before"], r["ties_after"])
    index = {a: i for i, a in enumerate(w.actors)}
    k = len(w.groups)
    for name in ("formed", "dissolved", "persisting"):
        got, want = getattr(w, name), r[name]
        assert got.count == want["count"]
        assert [(index[t.source], index[t.target]) for t in got.ties] == want["pairs"]
        assert [got.by_group[(w.groups[g], w.groups[h])] for g in range(k)
                for h in range(k)] == [x for row in want["by_group"] for x in row]
        assert [got.by_axis[a] for a in w.axes] == want["by_axis"]
    assert close(w.jaccard, r["jaccard"])
    assert (w.present_before, w.present_after) == (r["present_before"], r["present_after"])
    assert [index[a] for a in w.entering] == r["entering"]
    assert [index[a] for a in w.leaving] == r["leaving"]
    for name in ("formed_closing_triad", "formed_through_coordinator",
                 "formed_crossing_groups"):
        assert getattr(w, name) == r[name], name
    for name in ("triad_closure_share", "coordinator_share", "crossing_share"):
        assert close(getattr(w, name), r[name]), name
    for name, (before, after) in r["measures"].items():
        assert close(w.measures[name].before, before, 1e-10), name
        assert close(w.measures[name].after, after, 1e-10), name


def test_render(clermont):
    text = ecosys.waves_render_snapshots(clermont, BEFORE, AFTER, "markdown",
                                         coordinator="cisca", before_label="before the label",
                                         after_label="after the label", title="Clermont")
    assert text.startswith("# Clermont\n")
    assert "18 ties formed, 6 dissolved and 47 persisted" in text
    doc = json.loads(ecosys.waves_render_snapshots(clermont, BEFORE, AFTER, "json",
                                                   coordinator="cisca"))
    assert doc["ties"] == {"before": 53, "after": 65, "formed": 18, "dissolved": 6,
                           "persisting": 47, "jaccard": doc["ties"]["jaccard"]}
    assert doc["triad_closure"]["formed_through_coordinator"] == 4
    assert doc["significance"] is None
    assert doc["presence"]["entering"] == ["cap2025", "objectif_capitales"]
    with ecosys.Graph(clermont, to="2019-03-31") as g0, \
            ecosys.Graph(clermont, from_="2019-04-01") as g1:
        assert json.loads(ecosys.waves_render(g0, g1, "json", coordinator="cisca")) == doc
        with pytest.raises(ecosys.InvalidArgumentError):
            ecosys.waves_render(g0, g1, "pdf")
