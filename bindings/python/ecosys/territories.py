"""Comparison between territories (``ecosys/territories.h``).

:func:`territory_did` gives the difference-in-differences of graph-level
statistics between a treated territory and the comparison territories
across two snapshots, with its exact permutation p-value (the "treated"
label given to each territory in turn). :func:`territory_table` gives, for
each territory and statistic, the observed value and its test against a
null model of that territory's graph (a :class:`~ecosys.NullResult`), so
that territories of different sizes compare on the z-score.

Each territory's graph is the snapshot restricted to it (the ``territory``
graph option). Statistics are those of :func:`ecosys.null_test`: names
(``"density"``, ``"ei_index"``, ``"assortativity"``, ``"transitivity"``,
``"mean_local_clustering"``, ``"degree_centralization"``) or callables.
Snapshots are dicts of :class:`~ecosys.Graph` keywords (``at``, ``from_``,
``to``...), a :class:`~ecosys.GraphOptions` or None (all ties); their
territory is ignored. docs/measures.md, "Comparison between territories",
gives the definitions.

Progress: ``progress(done, total)`` is called in the calling thread;
returning True cancels (:class:`ecosys.CancelledError`), and an exception
raised inside it is re-raised once the library has freed everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import _native
from .dataset import Dataset
from .errors import invalid
from .nullmodel import NULL_MODELS, NullResult, Statistic, _statistics
from .waves import Snapshot, _snapshot

__all__ = ["TerritoryDid", "TerritoryDidResult", "TerritoryTable", "territory_did",
           "territory_table"]


@dataclass(frozen=True)
class TerritoryDidResult:
    """The difference-in-differences of one statistic
    (``ecosys_territory_did_result``): ``did`` = ``treated_change`` -
    ``comparison_change`` (mean change of the comparison territories where
    it is defined); ``p_greater`` and ``p_less`` are the shares of the
    ``arrangements`` (each territory in turn as the treated one) whose DiD
    is >= (<=) the observed one."""
    statistic: str
    treated_change: float
    comparison_change: float
    did: float
    p_greater: float
    p_less: float
    comparisons: int
    arrangements: int


@dataclass(frozen=True)
class TerritoryDid:
    """Result of :func:`territory_did` (``ecosys_territory_did``). ``before``,
    ``after`` and ``did_as_treated`` map each territory to a dict of its
    values by statistic name; ``graphs`` maps each territory to (actors
    before, ties before, actors after, ties after)."""
    territories: List[str]
    treated: str
    results: Dict[str, TerritoryDidResult]
    before: Dict[str, Dict[str, float]]
    after: Dict[str, Dict[str, float]]
    did_as_treated: Dict[str, Dict[str, float]]
    graphs: Dict[str, Tuple[int, int, int, int]]


@dataclass(frozen=True)
class TerritoryTable:
    """Result of :func:`territory_table` (``ecosys_territory_table``):
    ``results[territory][statistic]`` is the :class:`~ecosys.NullResult` of
    that territory's graph; ``actors`` and ``ties`` its size."""
    model: str
    replicates: int
    seed: int
    swaps_per_tie: float
    territories: List[str]
    actors: Dict[str, int]
    ties: Dict[str, int]
    results: Dict[str, Dict[str, NullResult]]


def _names(territories: Optional[Sequence[str]]) -> Optional[List[bytes]]:
    if territories is None:
        return None
    if isinstance(territories, str):
        raise TypeError("territories must be a sequence of names, not a str")
    return [_native.text(t, "territory") for t in territories]  # type: ignore[misc]


def _check_dataset(dataset: Any) -> None:
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be an ecosys.Dataset, not {type(dataset).__name__}")


def territory_did(dataset: Dataset, before: Snapshot, after: Snapshot, treated: str,
                  statistics: Sequence[Statistic] = ("ei_index", "density", "transitivity"),
                  *, group: str = "sector", territories: Optional[Sequence[str]] = None,
                  progress: Optional[Callable[[int, int], Any]] = None) -> TerritoryDid:
    """Difference-in-differences of ``statistics`` between the ``treated``
    territory and the others (``ecosys_territory_did_run``).

    Args:
        dataset: the dataset.
        before, after: the two snapshots (dicts of Graph keywords, e.g.
            ``{"to": "2019-03-31"}``, a GraphOptions, or None).
        treated: the treated territory.
        statistics: names or callables (see :func:`ecosys.null_test`).
        group: the actor attribute of the E-I index and the assortativity.
        territories: the territories compared (default: every territory of
            the dataset, in order of first appearance).
        progress: ``progress(done, total)``; True cancels.

    Raises:
        NotFoundError: ``treated`` or a listed territory that no actor has.
        InvalidArgumentError: fewer than two territories, one named twice,
            an unknown statistic or group attribute.
        CancelledError: ``progress`` returned True.
    """
    _check_dataset(dataset)
    names, kinds, customs = _statistics(statistics, "no statistic asked for")
    raw = _native.territory_did(dataset._handle, _snapshot(before, "before"),
                                _snapshot(after, "after"), _native.text(treated, "treated"),
                                _native.text(group, "group"), _names(territories), kinds,
                                customs, progress)
    ts = raw["territories"]
    count = len(names)

    def by_territory(values: Sequence[float]) -> Dict[str, Dict[str, float]]:
        return {t: {n: values[k * count + s] for s, n in enumerate(names)}
                for k, t in enumerate(ts)}

    results = {}
    for s, name in enumerate(names):
        r = raw["results"][s]
        results[name] = TerritoryDidResult(name, r["treated_change"], r["comparison_change"],
                                           r["did"], r["p_greater"], r["p_less"],
                                           int(r["comparisons"]), int(r["arrangements"]))
    graphs = {t: (int(raw["actors_before"][k]), int(raw["ties_before"][k]),
                  int(raw["actors_after"][k]), int(raw["ties_after"][k]))
              for k, t in enumerate(ts)}
    return TerritoryDid(ts, ts[raw["treated"]], results, by_territory(raw["before"]),
                        by_territory(raw["after"]), by_territory(raw["did_as_treated"]),
                        graphs)


def territory_table(dataset: Dataset, snapshot: Snapshot = None,
                    statistics: Sequence[Statistic] = ("ei_index", "density", "transitivity"),
                    *, model: str = "uniform", group: str = "sector",
                    territories: Optional[Sequence[str]] = None, replicates: int = 1000,
                    seed: int = 0, threads: int = 0, swaps_per_tie: float = 10.0,
                    progress: Optional[Callable[[int, int], Any]] = None) -> TerritoryTable:
    """A table of territories (``ecosys_territory_table_run``): each
    territory's graph of the ``snapshot`` tested against the null ``model``
    (as :func:`ecosys.null_test` with the same seed, for every territory).
    ``progress`` counts the replicates of all territories."""
    _check_dataset(dataset)
    if model not in NULL_MODELS:
        raise invalid(f"unknown null model {model!r} (known: {', '.join(NULL_MODELS)})")
    if replicates < 1:
        raise invalid("replicates must be at least 1")
    names, kinds, customs = _statistics(statistics, "no statistic asked for")
    raw = _native.territory_table(dataset._handle, _snapshot(snapshot, "snapshot"),
                                  _native.text(group, "group"), _names(territories), kinds,
                                  customs, NULL_MODELS[model], int(replicates),
                                  int(seed) & (2 ** 64 - 1), int(threads), float(swaps_per_tie),
                                  progress)
    ts = raw["territories"]
    count = len(names)
    results: Dict[str, Dict[str, NullResult]] = {}
    for k, t in enumerate(ts):
        row = {}
        for s, name in enumerate(names):
            r = raw["results"][k * count + s]
            row[name] = NullResult(name, r["observed"], r["mean"], r["sd"], r["z"],
                                   r["p_greater"], r["p_less"], int(r["replicates"]),
                                   int(r["valid"]), int(r["seed"]))
        results[t] = row
    model_name = {v: k for k, v in NULL_MODELS.items()}[raw["model"]]
    return TerritoryTable(model_name, raw["replicates"], raw["seed"], raw["swaps_per_tie"], ts,
                          dict(zip(ts, (int(x) for x in raw["actor_counts"]))),
                          dict(zip(ts, (int(x) for x in raw["tie_counts"]))), results)
