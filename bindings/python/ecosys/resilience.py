"""Resilience (``ecosys/resilience.h``): how the network falls apart when
actors leave.

:func:`resilience` removes the actors one by one, in the order of a
strategy, and records after q removals (q = 0 .. steps) the largest
connected component (direction ignored) as a fraction of the ORIGINAL
number of actors, S(q), and the number of components of what remains.
Strategies: ``"random"`` (``replicates`` seeded orders, mean and sd curves;
replicate r uses random stream r of ``seed``, so the result never depends
on ``threads``), ``"degree"``, ``"strength"``, ``"betweenness"`` (static:
ranked once on the intact graph; ``adaptive=True``: ranked again after
each removal), and ``"order"``: the caller's ``order`` (actor ids or
vertex indices; :func:`resilience_group_order` gives "all actors of one
sector"). Equal scores go by the lower vertex index.

Robustness R = (1/n) sum_{q=1..n} S(q) (Schneider et al. 2011); the
critical fraction is the smallest q/n with S(q) <= ``threshold``.
docs/measures.md, "Resilience", says how to read them.

Progress: ``progress(done, total)`` is called in the calling thread;
returning True cancels (the call raises :class:`ecosys.CancelledError`),
and an exception raised inside it, KeyboardInterrupt included, cancels the
run and is re-raised once the library has freed everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, List, Optional, Sequence, Union

from . import _native
from .errors import invalid
from .graph import Graph
from .partition import Partition, _partition_of

__all__ = ["REMOVAL_STRATEGIES", "Resilience", "resilience", "resilience_group_order"]

#: Strategies by name, as ``ecosys_removal_strategy_name()`` spells them.
REMOVAL_STRATEGIES = {"random": 0, "degree": 1, "strength": 2, "betweenness": 3, "order": 4}


@dataclass(frozen=True)
class Resilience:
    """Result of :func:`resilience` (``ecosys_resilience``). The curves
    have ``steps + 1`` entries, entry q after q removals (0: intact);
    for ``"random"`` they are means over the replicates. ``order`` holds
    the removed actors' ids in order (None for random)."""
    strategy: str
    adaptive: bool
    actor_count: int
    steps: int
    order: Optional[List[str]]
    largest: List[float]
    largest_sd: Optional[List[float]]
    components: List[float]
    robustness: float
    robustness_sd: float
    critical_fraction: float
    threshold: float
    replicates: int
    seed: int
    threads: int
    replicate_robustness: List[float]
    replicate_critical: List[float]


def _vertices(graph: Graph, order: Sequence[Union[str, int]]) -> List[int]:
    vertices = []
    for actor in order:
        if isinstance(actor, bool) or not isinstance(actor, (str, int)):
            raise TypeError(f"an order lists actor ids or vertex indices, not "
                            f"{type(actor).__name__}")
        if isinstance(actor, str):
            vertices.append(graph.vertex(actor))
        elif actor < 0:
            raise invalid(f"vertex {actor} is negative")
        else:
            vertices.append(actor)
    return vertices


def resilience(graph: Graph, strategy: str = "degree", *, adaptive: bool = False,
               replicates: int = 100, seed: int = 0, threads: int = 0,
               threshold: float = 0.5, order: Optional[Sequence[Union[str, int]]] = None,
               progress: Optional[Callable[[int, int], Any]] = None) -> Resilience:
    """Removes the actors of ``graph`` by ``strategy`` (``ecosys_resilience_run``).

    ``order`` (strategy ``"order"``; given alone it implies it): distinct
    actor ids or vertex indices, removed first to last; fewer than all
    actors make a partial curve whose robustness is NaN.

    Raises:
        InvalidArgumentError: unknown strategy, replicates < 1, threshold
            outside [0, 1], an order empty, repeated or out of range.
        CancelledError: ``progress`` returned True.
    """
    if order is not None and strategy == "degree":
        strategy = "order"
    if strategy not in REMOVAL_STRATEGIES:
        raise invalid(f"unknown strategy {strategy!r} "
                      f"(known: {', '.join(REMOVAL_STRATEGIES)})")
    if strategy == "order" and order is None:
        raise invalid("the order strategy needs order=")
    if strategy == "random" and replicates < 1:
        raise invalid("replicates must be at least 1")
    vertices = _vertices(graph, order) if strategy == "order" and order is not None else None
    raw = _native.resilience(graph._handle, REMOVAL_STRATEGIES[strategy], adaptive,
                             int(replicates), int(seed) & (2 ** 64 - 1), int(threads),
                             float(threshold), vertices, progress)
    keys = graph._keys()
    return Resilience(
        strategy=strategy, adaptive=raw["adaptive"], actor_count=raw["actor_count"],
        steps=raw["steps"],
        order=[keys[v] for v in raw["order"]] if raw["order"] is not None else None,
        largest=list(raw["largest"]),
        largest_sd=list(raw["largest_sd"]) if raw["largest_sd"] is not None else None,
        components=list(raw["components"]), robustness=raw["robustness"],
        robustness_sd=raw["robustness_sd"], critical_fraction=raw["critical_fraction"],
        threshold=raw["threshold"], replicates=raw["replicates"], seed=raw["seed"],
        threads=raw["threads"], replicate_robustness=list(raw["replicate_robustness"]),
        replicate_critical=list(raw["replicate_critical"]))


def resilience_group_order(graph: Graph, group: Union[Partition, str], value: str) -> List[str]:
    """The actors (ids, in vertex order) whose ``group`` (a Partition or an
    actor attribute name such as ``"sector"``) is ``value``: the order for
    "every actor of this group leaves" (``ecosys_resilience_group_order``).

    Raises:
        NotFoundError: no group is named ``value``.
    """
    with _partition_of(graph, group) as partition:
        number = partition.find_group(value)
        vertices = _native.resilience_group_order(partition._handle, number)
    keys = graph._keys()
    return [keys[v] for v in vertices]
