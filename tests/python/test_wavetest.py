"""Significance of a wave comparison from Python: the same values as the C
tests (tests/test_wave_test.c) on the same hand-made waves (every figure
worked out there, C(n, k) written out), the same Clermont figures as the
C program for the same seed, results independent of the thread count,
progress reported to a Python callable, cancellation by returning True or
by raising."""

from __future__ import annotations

import math

import pytest

import ecosys


def close(a, b, tol=1e-12):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tol


# Six actors in three sectors, coordinator "0" (tests/test_wave_test.c):
# before 0-1 0-2 0-3 2-4; after 0-1 0-2 0-3 1-2 2-3 4-5 1-5.
SECTORS = "AABBCC"
BEFORE = [(0, 1), (0, 2), (0, 3), (2, 4)]
AFTER = [(0, 1), (0, 2), (0, 3), (1, 2), (2, 3), (4, 5), (1, 5)]


def dataset(ties, ids=None):
    ids = ids or [str(i) for i in range(6)]
    return ecosys.Dataset.from_records(
        actors=[{"id": ids[i], "sector": s} for i, s in enumerate(SECTORS)],
        ties=[{"source": ids[a], "target": ids[b]} for a, b in ties])


@pytest.fixture
def hand_graphs():
    with dataset(BEFORE) as d0, dataset(AFTER) as d1:
        with ecosys.Graph(d0) as g0, ecosys.Graph(d1) as g1:
            yield g0, g1


def check_exact(r, observed, mean, sd, p_greater, p_less):
    assert r.replicates == 0
    assert r.observed == observed
    assert close(r.mean, mean) and close(r.sd, sd)
    assert close(r.p_greater, p_greater) and close(r.p_less, p_less)


def test_hand_made_waves(hand_graphs):
    g0, g1 = hand_graphs
    t = ecosys.wave_test(g0, g1, coordinator="0", replicates=0)
    assert (t.formed, t.dissolved, t.candidate_dyads) == (4, 1, 11)
    assert (t.ties_before, t.ties_after) == (4, 7)
    assert t.changes == {} and t.replicates == 0
    # hypergeometric(11, 9, 4) at 2: P(X <= 2) = C(9,2) C(2,2)/C(11,4) = 36/330
    assert t.crossing_candidates == 9
    check_exact(t.formed_crossing, 2, 36 / 11, math.sqrt(504 / 1210), 1, 36 / 330)
    # hypergeometric(11, 3, 4) at 2: P(X >= 2) = (3 x 28 + 8)/330
    assert (t.coordinator, t.coordinator_contacts, t.coordinator_candidates) == (0, 3, 3)
    check_exact(t.formed_via_coordinator, 2, 12 / 11, math.sqrt(672 / 1210), 92 / 330,
                322 / 330)
    # hypergeometric(4, 3, 2) at 2: 1/2
    assert (t.closing_candidates, t.formed_closing_triad) == (4, 2)
    check_exact(t.closure_via_coordinator, 2, 1.5, 0.5, 0.5, 1)
    assert close(t.before_values["ei_index"], 0.5) and close(t.after_values["ei_index"], 1 / 7)
    assert close(t.after_values["transitivity"], 6 / 11)

    none = ecosys.wave_test(g0, g1, replicates=0)
    assert none.coordinator is None
    assert math.isnan(none.formed_via_coordinator.observed)
    assert math.isnan(none.closure_via_coordinator.p_greater)


def test_change_tests_and_threads(hand_graphs):
    g0, g1 = hand_graphs
    runs = [ecosys.wave_test(g0, g1, coordinator="0", replicates=300, seed=9, threads=t)
            for t in (1, 2, 4)]
    assert list(runs[0].changes) == list(ecosys.WAVE_TEST_STATISTICS)
    for other in runs[1:]:
        assert repr(other.changes) == repr(runs[0].changes)  # NaN z: compare the text
    ei = runs[0].changes["ei_index"]
    assert (ei.replicates, ei.valid, ei.seed) == (300, 300, 9)
    assert close(ei.observed, 1 / 7 - 0.5)
    density = runs[0].changes["density"]
    assert density.sd == 0 and density.p_greater == 1 and density.p_less == 1
    assert close(density.observed, 3 / 15)


def test_clermont_as_the_program(clermont):
    """The figures ecosys-compare prints on the bundled dataset."""
    with ecosys.Graph(clermont, to="2019-04-11") as g0, \
            ecosys.Graph(clermont, from_="2019-04-12") as g1:
        t = ecosys.wave_test(g0, g1, coordinator="cisca", replicates=100, seed=7)
        w = ecosys.waves_compare(g0, g1, coordinator="cisca")
    assert (t.formed, t.dissolved) == (w.formed.count, w.dissolved.count) == (18, 6)
    assert t.formed_via_coordinator.observed == w.formed_through_coordinator == 4
    assert t.formed_closing_triad == w.formed_closing_triad == 10
    assert t.formed_crossing.observed == w.formed_crossing_groups == 11
    assert close(t.formed_via_coordinator.mean, 72 / 13)  # 18 x 76 / 247
    assert close(t.closure_via_coordinator.mean, 10 * 76 / 121)


def test_progress_and_cancellation(hand_graphs):
    g0, g1 = hand_graphs
    seen = []
    ecosys.wave_test(g0, g1, replicates=50, threads=2,
                     progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 50) and seen[-1] == (50, 50)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))

    with pytest.raises(ecosys.CancelledError):
        ecosys.wave_test(g0, g1, replicates=10 ** 6, threads=2,
                         progress=lambda done, total: done > 0)

    class Stop(Exception):
        pass

    def stop(done, total):
        if done > 0:
            raise Stop()

    with pytest.raises(Stop):
        ecosys.wave_test(g0, g1, replicates=10 ** 6, threads=1, progress=stop)


def test_errors(hand_graphs):
    g0, g1 = hand_graphs
    with pytest.raises(ecosys.NotFoundError):
        ecosys.wave_test(g0, g1, coordinator="nobody")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.wave_test(g0, g1, group="colour")
    with dataset(AFTER, ids=["0", "1", "2", "x", "4", "5"]) as other:
        with ecosys.Graph(other) as gx:
            with pytest.raises(ecosys.InvalidArgumentError, match="same actors"):
                ecosys.wave_test(g0, gx)
    with pytest.raises(TypeError):
        ecosys.wave_test(g0, None)
