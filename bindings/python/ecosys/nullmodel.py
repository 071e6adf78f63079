"""Null models and significance (``ecosys/nullmodel.h``): is an observed
graph-level value more than chance?

:func:`null_test` draws ``replicates`` random graphs from a null model of
the graph (``"uniform"``: same actors and number of ties; ``"permutation"``:
the groups shuffled over the actors; ``"rewiring"``: degree-preserving
double edge swaps, ``swaps_per_tie`` attempts per tie, 10 by default),
computes each statistic on each, and returns for each the observed value,
null mean, sd, z-score and both one-sided p-values ((1 + count)/(R + 1)).
Replicate r uses random stream r of ``seed``: the result depends on the seed,
never on ``threads`` (0 = all cores). docs/measures.md, "Null models and
significance", explains how to read a z-score and when to trust it.

Statistics are named as in C: ``"density"``, ``"ei_index"``,
``"assortativity"``, ``"transitivity"``, ``"mean_local_clustering"``,
``"degree_centralization"``; or any Python callable taking a dict view of
the sampled graph (``actor_count``, ``tie_count``, ``directed``,
``sources``, ``targets``, ``groups``, ``group_count``, ``replicate``) and
returning a float: it runs in the worker threads under the GIL, so it is
slow beside the built-in ones.

Progress: ``progress(done, total)`` is called in the calling thread, with
``done`` from 0 to ``total``; returning True cancels (the call raises
:class:`ecosys.CancelledError`), and an exception raised inside it,
KeyboardInterrupt included (Ctrl-C), cancels the run and is re-raised as it
was once the library has freed everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from . import _native
from .errors import invalid
from .graph import Graph
from .partition import Partition

__all__ = ["NULL_MODELS", "NULL_STATISTICS", "NullResult", "NullTest", "null_test",
           "null_statistic"]

#: Null models by name, as ``ecosys_null_model_name()`` spells them.
NULL_MODELS = {"uniform": 0, "permutation": 1, "rewiring": 2}
#: Built-in statistics by name, as ``ecosys_null_statistic_name()`` spells them.
NULL_STATISTICS = {"density": 0, "ei_index": 1, "assortativity": 2, "transitivity": 3,
              "mean_local_clustering": 4, "degree_centralization": 5}
_CUSTOM = 6
_NEEDS_GROUPS = ("ei_index", "assortativity")
_GROUP_KINDS = tuple(NULL_STATISTICS[name] for name in _NEEDS_GROUPS)

Statistic = Union[str, Callable[[Dict[str, Any]], float]]
Group = Union[Partition, str, None]


@dataclass(frozen=True)
class NullResult:
    """The test of one statistic (``ecosys_null_result``): observed value,
    null mean and sd (denominator V - 1), z = (observed - mean)/sd,
    ``p_greater`` = (1 + #{null >= observed})/(V + 1) and ``p_less``
    likewise, over the V = ``valid`` replicates where it is defined."""
    statistic: str
    observed: float
    mean: float
    sd: float
    z: float
    p_greater: float
    p_less: float
    replicates: int
    valid: int
    seed: int


@dataclass(frozen=True)
class NullTest:
    """Result of :func:`null_test` (``ecosys_null_test``). ``results`` and
    ``samples`` (each statistic's R values, in replicate order) are keyed
    by statistic name (a callable by its ``__name__``)."""
    model: str
    replicates: int
    seed: int
    threads: int
    swaps_per_tie: float
    swap_attempts: int
    acceptance: float
    results: Dict[str, NullResult]
    samples: Dict[str, List[float]]


def _statistic_name(statistic: Statistic) -> str:
    if isinstance(statistic, str):
        return statistic
    return getattr(statistic, "__name__", "custom")


def _statistics(statistics: Sequence[Statistic],
                empty: str) -> Tuple[List[str], List[int], List[Any]]:
    """The names, C kinds and callables (None for a built-in one) of
    ``statistics`` (one statistic or a sequence of them); raises ``empty``
    as an InvalidArgumentError if there is none."""
    if isinstance(statistics, str) or callable(statistics):
        statistics = [statistics]  # type: ignore[list-item]
    names: List[str] = []
    kinds: List[int] = []
    customs: List[Optional[Callable[[Dict[str, Any]], float]]] = []
    for statistic in statistics:
        if isinstance(statistic, str):
            if statistic not in NULL_STATISTICS:
                raise invalid(f"unknown statistic {statistic!r} "
                              f"(known: {', '.join(NULL_STATISTICS)}, or a callable)")
            kinds.append(NULL_STATISTICS[statistic])
            customs.append(None)
        elif callable(statistic):
            kinds.append(_CUSTOM)
            customs.append(statistic)
        else:
            raise TypeError(f"a statistic is a name or a callable, not "
                            f"{type(statistic).__name__}")
        names.append(_statistic_name(statistic))
    if not kinds:
        raise invalid(empty)
    return names, kinds, customs


def _partition(graph: Graph, group: Group, needed: bool, wanted: bool) -> Optional[Partition]:
    """The partition to pass: ``group`` itself, one built from an attribute
    name if some statistic or the model may use it (``wanted``), or None.
    Raises if ``needed`` and there is none."""
    if isinstance(group, Partition):
        return group
    if group is None:
        if needed:
            raise invalid("the label permutation, the E-I index and the assortativity "
                          "need group= (a Partition or an actor attribute name)")
        return None
    if isinstance(group, str):
        return Partition.by_attribute(graph, group) if wanted else None
    raise TypeError(f"group must be an ecosys.Partition, an attribute name or None, "
                    f"not {type(group).__name__}")


def null_test(graph: Graph, statistics: Sequence[Statistic] = ("ei_index", "transitivity"),
              *, model: str = "rewiring", group: Group = "sector", replicates: int = 1000,
              seed: int = 0, threads: int = 0, swaps_per_tie: float = 10.0,
              progress: Optional[Callable[[int, int], Any]] = None) -> NullTest:
    """Tests ``statistics`` of ``graph`` against the null ``model``
    (``ecosys_null_test_run``). ``group`` (a Partition or an attribute
    name, default ``"sector"``) is used by the E-I index, the assortativity
    and the permutation model, and passed to callables as ``groups``.
    Raises :class:`ecosys.CancelledError` if ``progress`` returned True,
    or re-raises what ``progress`` or a statistic raised."""
    if model not in NULL_MODELS:
        raise invalid(f"unknown null model {model!r} (known: {', '.join(NULL_MODELS)})")
    names, kinds, customs = _statistics(statistics, "no statistic to test")
    if replicates < 1:
        raise invalid("replicates must be at least 1")
    needed = model == "permutation" or any(k in _GROUP_KINDS for k in kinds)
    wanted = needed or any(c is not None for c in customs)
    partition = _partition(graph, group, needed, wanted)
    owned = partition is not None and not isinstance(group, Partition)
    try:
        raw = _native.null_test(graph._handle, partition._handle if partition else None,
                                kinds, customs, NULL_MODELS[model], int(replicates),
                                int(seed) & (2 ** 64 - 1), int(threads),
                                float(swaps_per_tie), progress)
    finally:
        if owned:
            partition.close()
    count = len(names)
    results = {}
    samples = {}
    for i, name in enumerate(names):
        r = raw["results"][i]
        results[name] = NullResult(name, r["observed"], r["mean"], r["sd"], r["z"],
                                   r["p_greater"], r["p_less"], int(r["replicates"]),
                                   int(r["valid"]), int(r["seed"]))
        samples[name] = list(raw["samples"][i::count])
    model_name = {v: k for k, v in NULL_MODELS.items()}[raw["model"]]
    return NullTest(model_name, raw["replicates"], raw["seed"], raw["threads"],
                    raw["swaps_per_tie"], raw["swap_attempts"], raw["acceptance"], results,
                    samples)


def null_statistic(graph: Graph, statistic: str, group: Group = None) -> float:
    """One built-in statistic of the graph itself
    (``ecosys_null_statistic_compute``): the value :func:`null_test` reports
    as observed. ``group`` is needed by ``"ei_index"`` and
    ``"assortativity"``."""
    if statistic not in NULL_STATISTICS:
        raise invalid(f"unknown statistic {statistic!r} (known: {', '.join(NULL_STATISTICS)})")
    needed = statistic in _NEEDS_GROUPS
    partition = _partition(graph, group, needed, needed)
    owned = partition is not None and not isinstance(group, Partition)
    try:
        return _native.null_statistic(graph._handle, partition._handle if partition else None,
                                      NULL_STATISTICS[statistic])
    finally:
        if owned:
            partition.close()
