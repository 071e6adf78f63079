"""Null models and significance from Python: the same values as the C tests
(tests/test_nullmodel.c) for the same seed, progress reported to a Python
callable, cancellation by returning True or by raising (KeyboardInterrupt
included), and results independent of the thread count."""

from __future__ import annotations

import math
import re

import pytest

import ecosys
from conftest import SOURCE_DIR

EXPECTED = SOURCE_DIR / "tests" / "data" / "expected"


def _karate_edges():
    text = (EXPECTED / "graphs.h").read_text()
    body = re.search(r"KARATE_EDGES\[KARATE_M\]\[2\] = \{(.*?)\};", text, re.S).group(1)
    flat = [int(x) for x in re.findall(r"\d+", body)]
    return list(zip(flat[0::2], flat[1::2]))


def _karate_club():
    text = (EXPECTED / "reference_mixing.h").read_text()
    body = re.search(r"KARATE_CLUB\[34\] = \{(.*?)\};", text, re.S).group(1)
    return re.findall(r'"([^"]*)"', body)


@pytest.fixture
def karate():
    """Zachary's karate club, unweighted, sector = club (as the C test)."""
    club = _karate_club()
    actors = [{"id": str(i), "sector": club[i]} for i in range(34)]
    ties = [(str(a), str(b)) for a, b in _karate_edges()]
    with ecosys.Graph.from_records(actors=actors, ties=ties) as g:
        yield g


ALL = ["density", "ei_index", "assortativity", "transitivity", "mean_local_clustering",
       "degree_centralization"]


def test_same_values_as_c(karate):
    # tests/test_nullmodel.c, result_fields: uniform model, seed 9, 500 replicates.
    t = ecosys.null_test(karate, ALL, model="uniform", seed=9, replicates=500)
    assert t.model == "uniform" and t.replicates == 500 and t.seed == 9
    assert t.results["transitivity"].mean == pytest.approx(0.13894914443913248, abs=1e-15)
    assert t.results["ei_index"].mean == pytest.approx(0.035589743589743636, abs=1e-15)
    assert t.results["ei_index"].sd == pytest.approx(0.10416210537340814, abs=1e-15)
    tr = t.results["transitivity"]
    assert tr.observed == pytest.approx(
        ecosys.structure(karate).transitivity, abs=1e-12)
    assert tr.z > 3 and tr.p_greater == pytest.approx(1 / 501) and tr.p_less == 1
    assert t.results["density"].sd == 0 and math.isnan(t.results["density"].z)
    assert len(t.samples["transitivity"]) == 500
    valid = [x for x in t.samples["transitivity"] if not math.isnan(x)]
    assert tr.mean == pytest.approx(sum(valid) / len(valid), abs=1e-12)


def test_permutation_matches_ei_permutation_test(karate):
    t = ecosys.null_test(karate, ["ei_index"], model="permutation", seed=42, replicates=2000,
                         threads=2)
    ref = ecosys.ei_permutation_test(karate, replicates=2000, seed=42)
    r = t.results["ei_index"]
    assert r.observed == ref.observed
    assert r.mean == pytest.approx(ref.mean, abs=1e-12)
    assert r.sd == pytest.approx(ref.sd, abs=1e-12)
    assert (r.p_greater, r.p_less) == (ref.p_greater, ref.p_less)


def test_statistics_match_structure(karate):
    s = ecosys.structure(karate)
    for name in ("density", "transitivity", "mean_local_clustering", "degree_centralization"):
        assert ecosys.null_statistic(karate, name) == pytest.approx(getattr(s, name),
                                                                    abs=1e-12)
    assert ecosys.null_statistic(karate, "ei_index", "sector") == pytest.approx(
        ecosys.ei_index(karate).ei_index, abs=1e-12)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_statistic(karate, "ei_index")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_statistic(karate, "nonsense")


@pytest.mark.parametrize("model", ["uniform", "permutation", "rewiring"])
def test_thread_count_does_not_change_results(karate, model):
    runs = [ecosys.null_test(karate, ALL, model=model, seed=3, replicates=101, threads=t)
            for t in (1, 2, 3)]
    for other in runs[1:]:
        assert other.samples == runs[0].samples or all(
            (math.isnan(a) and math.isnan(b)) or a == b
            for name in ALL for a, b in zip(other.samples[name], runs[0].samples[name]))
        assert other.results.keys() == runs[0].results.keys()
    assert [r.threads for r in runs] == [1, 2, 3]


def test_rewiring_reports_swaps(karate):
    t = ecosys.null_test(karate, "transitivity", seed=1, replicates=50)
    assert t.model == "rewiring" and t.swaps_per_tie == 10 and t.swap_attempts == 780
    assert 0 < t.acceptance < 1
    assert t.results["transitivity"].valid == 50


def test_progress_callable(karate):
    seen = []
    ecosys.null_test(karate, "transitivity", replicates=40, threads=2,
                     progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 40) and seen[-1] == (40, 40)
    assert all(t == 40 for _, t in seen)
    dones = [d for d, _ in seen]
    assert dones == sorted(dones)


@pytest.mark.parametrize("threads", [1, 2])
def test_cancel_by_returning_true(karate, threads):
    calls = []

    def progress(done, total):
        calls.append(done)
        return done >= 5

    with pytest.raises(ecosys.CancelledError):
        ecosys.null_test(karate, "transitivity", replicates=1000, threads=threads,
                         progress=progress)
    assert max(calls) < 1000


@pytest.mark.parametrize("threads", [1, 2])
def test_cancel_by_raising(karate, threads):
    def progress(done, total):
        if done >= 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ecosys.null_test(karate, "transitivity", replicates=1000, threads=threads,
                         progress=progress)

    class Stop(Exception):
        pass

    def progress_stop(done, total):
        raise Stop("enough")

    with pytest.raises(Stop):
        ecosys.null_test(karate, "transitivity", replicates=100, threads=threads,
                         progress=progress_stop)
    # The library is usable afterwards.
    assert ecosys.null_test(karate, "density", replicates=5).results["density"].valid == 5


def test_custom_statistic(karate):
    def ties(view):
        assert view["actor_count"] == 34 and not view["directed"]
        assert all(a < b for a, b in zip(view["sources"], view["targets"]))
        return view["tie_count"]

    t = ecosys.null_test(karate, [ties, "transitivity"], model="rewiring", replicates=20,
                         threads=2, group=None)
    assert t.results["ties"].mean == 78 and t.results["ties"].sd == 0
    assert t.samples["ties"] == [78.0] * 20

    def broken(view):
        raise ValueError("bad statistic")

    with pytest.raises(ValueError, match="bad statistic"):
        ecosys.null_test(karate, [broken], replicates=10, threads=2)


def test_errors(karate):
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_test(karate, "transitivity", model="nope")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_test(karate, "nope")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_test(karate, "transitivity", replicates=0)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_test(karate, "ei_index", group=None)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.null_test(karate, "transitivity", swaps_per_tie=0)
