"""Significance of a wave comparison (``ecosys/wavetest.h``): what changed
between two waves, and is it more than chance?

:func:`wave_test` takes two graphs of the same actors in the same order (two
snapshots of one dataset, or graphs of two datasets whose actor ids match
one for one) and returns:

- three exact tests of the new ties, each against the hypergeometric
  distribution of "the f new ties are a uniform random subset of the N
  pairs untied before": ``formed_crossing`` (new ties between two groups),
  ``formed_via_coordinator`` (new ties between two before-contacts of the
  coordinator) and ``closure_via_coordinator`` (among the new ties that
  close a triad, those through the coordinator; robust to background
  triadic closure: read it first). Their ``replicates`` is 0 (exact);
  without ``coordinator`` the last two are NaN;
- ``changes``: the change (after - before) of ``"density"``, ``"ei_index"``,
  ``"assortativity"``, ``"transitivity"``, ``"mean_local_clustering"`` and
  ``"degree_centralization"`` against ``replicates`` random placements of
  the same change (remove the d dissolved ties' count at random, add the f
  formed ties' count at random among untied pairs); empty if ``replicates``
  is 0.

Replicate r uses random stream r of ``seed``: the result depends on the seed,
never on ``threads`` (0 = all cores). ``progress(done, total)`` is called in
the calling thread; returning True cancels (the call raises
:class:`ecosys.CancelledError`), and an exception raised inside it,
KeyboardInterrupt included, cancels the run and is re-raised as it was.
docs/measures.md, "Significance of a wave comparison", gives the formulas and
how an evaluator reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

from . import _native
from .errors import invalid
from .graph import Graph
from .nullmodel import NULL_STATISTICS, NullResult

__all__ = ["WaveTest", "wave_test", "WAVE_TEST_STATISTICS"]

#: The statistics of the change tests, in the order of ``ecosys_statistic_kind``.
WAVE_TEST_STATISTICS = tuple(sorted(NULL_STATISTICS, key=NULL_STATISTICS.__getitem__))


@dataclass(frozen=True)
class WaveTest:
    """Result of :func:`wave_test` (``ecosys_wave_test``). The exact tests
    are :class:`ecosys.NullResult` with ``replicates`` 0; ``changes``,
    ``before_values`` and ``after_values`` are keyed by statistic name.
    ``coordinator`` is the coordinator's vertex, or None."""
    formed: int
    dissolved: int
    candidate_dyads: int
    formed_crossing: NullResult
    formed_via_coordinator: NullResult
    closure_via_coordinator: NullResult
    changes: Dict[str, NullResult]
    crossing_candidates: int
    coordinator_candidates: int
    closing_candidates: int
    formed_closing_triad: int
    coordinator: Optional[int]
    coordinator_contacts: int
    ties_before: int
    ties_after: int
    before_values: Dict[str, float]
    after_values: Dict[str, float]
    replicates: int
    seed: int
    threads: int


def _result(name: str, r: Dict[str, Any]) -> NullResult:
    return NullResult(name, r["observed"], r["mean"], r["sd"], r["z"], r["p_greater"],
                      r["p_less"], int(r["replicates"]), int(r["valid"]), int(r["seed"]))


def wave_test(before: Graph, after: Graph, *, group: str = "sector",
              coordinator: Optional[str] = None, replicates: int = 1000, seed: int = 1,
              threads: int = 0,
              progress: Optional[Callable[[int, int], Any]] = None) -> WaveTest:
    """Tests the change from ``before`` to ``after`` against chance
    (``ecosys_wave_test_run``). ``group`` is the actor attribute of the
    groups (crossing ties, E-I index, assortativity); ``coordinator`` an
    actor id. Raises :class:`ecosys.InvalidArgumentError` if the graphs'
    actors differ, :class:`ecosys.NotFoundError` for an unknown
    coordinator, :class:`ecosys.CancelledError` if ``progress`` returned
    True, or re-raises what ``progress`` raised."""
    if not isinstance(before, Graph) or not isinstance(after, Graph):
        raise TypeError("before and after must be ecosys.Graph objects")
    if replicates < 0:
        raise invalid("replicates must be 0 (no change tests) or more")
    raw = _native.wave_test(before._handle, after._handle, _native.text(group, "group"),
                            _native.text(coordinator, "coordinator"), int(replicates),
                            int(seed) & (2 ** 64 - 1), int(threads), progress)
    names = WAVE_TEST_STATISTICS
    changes = {names[int(r["kind"])]: _result(names[int(r["kind"])], r)
               for r in raw["changes"]}
    return WaveTest(
        raw["formed"], raw["dissolved"], raw["candidate_dyads"],
        _result("formed_crossing", raw["formed_crossing"]),
        _result("formed_via_coordinator", raw["formed_via_coordinator"]),
        _result("closure_via_coordinator", raw["closure_via_coordinator"]),
        changes, raw["crossing_candidates"], raw["coordinator_candidates"],
        raw["closing_candidates"], raw["formed_closing_triad"],
        None if raw["coordinator"] == 2 ** 64 - 1 else raw["coordinator"],
        raw["coordinator_contacts"], raw["ties_before"], raw["ties_after"],
        dict(zip(names, raw["before_values"])), dict(zip(names, raw["after_values"])),
        raw["replicates"], raw["seed"], raw["threads"])
