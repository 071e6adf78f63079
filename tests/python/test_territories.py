"""Comparison between territories from Python: the same values as the C
tests (tests/test_territories.c: the DiD worked out by hand on the same
3-territory dataset, p-values by enumeration), the table equal to
ecosys.null_test on each territory's graph, results independent of the
thread count, progress and cancellation from Python."""

from __future__ import annotations

import dataclasses
import math

import pytest

import ecosys

BEFORE = {"at": "2018-06-01"}
AFTER = {"at": "2020-06-01"}
STATS = ["density", "ei_index", "transitivity"]


@pytest.fixture
def three():
    """The dataset of tests/test_territories.c (three_territories)."""
    actors = [("a", "business", "T1"), ("b", "public", "T1"), ("c", "business", "T1"),
              ("d", "civil_society", "T1"), ("e", "business", "T2"), ("f", "public", "T2"),
              ("g", "public", "T2"), ("h", "business", "T3"), ("i", "civil_society", "T3"),
              ("j", "civil_society", "T3"), ("k", "business", "T3")]
    kinds = {"P": ("2018", ""), "B": ("2018", "2018"), "A": ("2020", "")}
    ties = [("a", "b", "P"), ("b", "c", "P"), ("a", "c", "B"), ("c", "d", "A"), ("a", "d", "A"),
            ("e", "f", "P"), ("f", "g", "A"),
            ("h", "i", "P"), ("i", "j", "P"), ("j", "k", "B"), ("h", "j", "A"),
            ("a", "e", "P")]
    ds = ecosys.Dataset.from_records(
        actors=[{"id": i, "sector": s, "territory": t} for i, s, t in actors],
        ties=[{"source": s, "target": t, "kind": "project", "start": kinds[k][0],
               "end": kinds[k][1]} for s, t, k in ties])
    with ds:
        yield ds


def _same(a, b):
    """Two NullResults equal field for field, NaN equal to NaN."""
    fa, fb = dataclasses.astuple(a), dataclasses.astuple(b)
    return all(x == y or (isinstance(x, float) and math.isnan(x) and math.isnan(y))
               for x, y in zip(fa, fb))


def _same_tables(a, b):
    return a.territories == b.territories and all(
        _same(a.results[t][n], b.results[t][n]) for t in a.territories for n in a.results[t])


def _close(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, abs=1e-12)


def test_did_by_hand(three):
    r = ecosys.territory_did(three, BEFORE, AFTER, "T1", STATS)
    assert r.territories == ["T1", "T2", "T3"] and r.treated == "T1"
    assert r.graphs == {"T1": (4, 3, 4, 4), "T2": (3, 1, 3, 2), "T3": (4, 3, 4, 3)}
    assert r.before["T1"]["transitivity"] == 1 and math.isnan(r.before["T2"]["transitivity"])
    assert _close(r.after["T2"]["ei_index"], 0.0)
    d = r.results["density"]
    assert _close(d.treated_change, 1 / 6) and _close(d.comparison_change, 1 / 6)
    assert _close(d.did, 0.0) and _close(d.p_greater, 2 / 3) and _close(d.p_less, 2 / 3)
    assert d.comparisons == 2 and d.arrangements == 3
    e = r.results["ei_index"]
    assert _close(e.did, 7 / 6) and _close(e.p_greater, 1 / 3) and _close(e.p_less, 1.0)
    t = r.results["transitivity"]
    assert _close(t.did, -2.0) and t.comparisons == 1 and t.arrangements == 2
    assert _close(t.p_greater, 1.0) and _close(t.p_less, 0.5)
    expected = {"T1": [0.0, 7 / 6, -2.0], "T2": [0.25, -4 / 3, math.nan],
                "T3": [-0.25, 1 / 6, 2.0]}
    for territory, values in expected.items():
        for name, value in zip(STATS, values):
            assert _close(r.did_as_treated[territory][name], value)
    # the p-values by enumeration of the arrangements
    for name in STATS:
        dids = [v[name] for v in r.did_as_treated.values() if not math.isnan(v[name])]
        x = r.results[name].did
        assert _close(r.results[name].p_greater, sum(v >= x - 1e-9 for v in dids) / len(dids))
        assert _close(r.results[name].p_less, sum(v <= x + 1e-9 for v in dids) / len(dids))


def test_did_options(three):
    def ties(view):
        return view["tie_count"]

    r = ecosys.territory_did(three, BEFORE, AFTER, "T1", ["density", ties],
                             territories=["T3", "T1"])
    assert r.territories == ["T3", "T1"]
    assert _close(r.results["density"].did, 1 / 6)
    assert _close(r.results["density"].p_greater, 0.5)
    assert _close(r.results["ties"].did, 1.0)
    r = ecosys.territory_did(three, BEFORE, AFTER, "T3", "ei_index", group="territory")
    assert _close(r.results["ei_index"].did, 0.0)


def test_errors(three):
    with pytest.raises(ecosys.NotFoundError):
        ecosys.territory_did(three, BEFORE, AFTER, "T9", STATS)
    with pytest.raises(ecosys.NotFoundError, match="Nowhere"):
        ecosys.territory_did(three, BEFORE, AFTER, "T1", STATS, territories=["T1", "Nowhere"])
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.territory_did(three, BEFORE, AFTER, "T1", STATS, territories=["T1", "T1"])
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.territory_did(three, BEFORE, AFTER, "T1", ["no_such_statistic"])
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.territory_table(three, AFTER, STATS, model="nope")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.territory_table(three, AFTER, STATS, group="no_such_attribute")
    with pytest.raises(TypeError):
        ecosys.territory_did("not a dataset", BEFORE, AFTER, "T1")


@pytest.mark.parametrize("model", ["uniform", "permutation", "rewiring"])
def test_table_equals_null_test(three, model):
    stats = ["density", "ei_index", "transitivity", "degree_centralization"]
    t = ecosys.territory_table(three, AFTER, stats, model=model, replicates=200, seed=42,
                               threads=1)
    assert t.model == model and t.replicates == 200 and t.seed == 42
    assert t.actors == {"T1": 4, "T2": 3, "T3": 4} and t.ties == {"T1": 4, "T2": 2, "T3": 3}
    for territory in t.territories:
        with ecosys.Graph(three, territory=territory, **AFTER) as g:
            ref = ecosys.null_test(g, stats, model=model, replicates=200, seed=42, threads=1)
        for name in stats:
            assert _same(t.results[territory][name], ref.results[name])
    assert _close(t.results["T1"]["density"].observed, 4 / 6)
    assert _close(t.results["T3"]["transitivity"].observed, 1.0)


def test_table_threads(three):
    tables = [ecosys.territory_table(three, None, STATS, model="rewiring", replicates=300,
                                     seed=7, threads=n) for n in (1, 2, 4)]
    assert _same_tables(tables[0], tables[1]) and _same_tables(tables[0], tables[2])


def test_progress_and_cancel(three):
    seen = []
    ecosys.territory_did(three, BEFORE, AFTER, "T1", STATS,
                         progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 6), (2, 6), (4, 6), (6, 6)]
    seen.clear()
    ecosys.territory_table(three, AFTER, STATS, replicates=50, threads=2,
                           progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (150, 150)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))
    with pytest.raises(ecosys.CancelledError):
        ecosys.territory_table(three, AFTER, STATS, replicates=50, progress=lambda d, t: True)
    with pytest.raises(ecosys.CancelledError):
        ecosys.territory_did(three, BEFORE, AFTER, "T1", STATS, progress=lambda d, t: d > 0)

    class Stop(Exception):
        pass

    def boom(done, total):
        raise Stop()

    with pytest.raises(Stop):
        ecosys.territory_table(three, AFTER, STATS, replicates=50, progress=boom)
