"""Waves (``ecosys/waves.h``): what changed between two snapshots of an
ecosystem.

Compares two graphs whose actors share ids: two snapshots of one dataset
(:func:`waves_compare_snapshots`, or two :class:`~ecosys.Graph` objects
built with ``at``/``from_``/``to``), or graphs of two datasets whose actors
are matched by id (:func:`waves_compare`). The result says which ties
formed, dissolved and persisted (overall, by pair of groups, by axis), the
Jaccard stability, who entered and left, how many new ties closed a triad
and how many of those through the coordinator, and the change of every
graph-level measure. :func:`waves_render` and
:func:`waves_render_snapshots` give the same as a readable report (text,
Markdown or JSON).

Names are those of C and JSON. Definitions and caveats: docs/measures.md,
"Waves". Presence: by default an actor is present in a wave if it has a tie
there (``presence="vertex"``: if it is in the wave's graph). A tie whose
collaborations carry several axes counts under each of them.

>>> import ecosys
>>> ds = ecosys.Dataset.read("examples/data/clermont")           # doctest: +SKIP
>>> w = ecosys.waves_compare_snapshots(ds, {"to": "2019-03-31"},
...                                    {"from_": "2019-04-01"},
...                                    coordinator="cisca")      # doctest: +SKIP
>>> w.formed.count, w.triad_closure_share                        # doctest: +SKIP
(18, 0.5555555555555556)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _native
from .dataset import Dataset, _date_text
from .errors import invalid
from .graph import Graph, GraphOptions, _native_options
from .partition import Partition
from .report import FORMATS

__all__ = ["Waves", "WaveTies", "WaveTie", "WaveChange", "WAVES_MEASURES", "waves_compare",
           "waves_compare_snapshots", "waves_render", "waves_render_snapshots"]

#: Names of the graph-level measures compared, in C order.
WAVES_MEASURES: Tuple[str, ...] = tuple(
    _native.call("ecosys_waves_measure_name", m) for m in range(_native.WAVES_MEASURE_COUNT))

_CROSSES, _CLOSES, _THROUGH = 1, 2, 4

Groups = Union[str, Tuple[Partition, Partition]]
Snapshot = Union[None, GraphOptions, Mapping[str, Any]]


@dataclass(frozen=True)
class WaveChange:
    """A graph-level measure in both waves; ``change`` = after - before
    (``nan`` where undefined)."""
    before: float
    after: float
    change: float


@dataclass(frozen=True)
class WaveTie:
    """A tie (actor ids; source < target in union order if undirected)."""
    source: str
    target: str
    crosses_groups: bool
    closes_triad: bool = False
    through_coordinator: bool = False


@dataclass(frozen=True)
class WaveTies:
    """The ties formed, dissolved or persisting.

    ``by_group[(g, h)]``: ties between groups g and h; undirected, a tie
    between two groups counts in both ``(g, h)`` and ``(h, g)`` and a tie
    within g once in ``(g, g)`` (the mixing-matrix convention); directed,
    g is the source's group. ``by_axis[axis]``: ties carrying the axis (a
    tie with several axes counts under each; "" for ties without one)."""
    count: int
    ties: List[WaveTie]
    by_group: Dict[Tuple[str, str], int]
    by_axis: Dict[str, int]


@dataclass(frozen=True)
class Waves:
    """A comparison of two waves (``ecosys_waves``); actors by id, groups
    and axes by name."""
    directed: bool
    actors: List[str]
    groups: List[str]
    axes: List[str]
    actor_group: Dict[str, str]
    ties_before: int
    ties_after: int
    formed: WaveTies
    dissolved: WaveTies
    persisting: WaveTies
    jaccard: float
    present_before: int
    present_after: int
    entering: List[str]
    leaving: List[str]
    coordinator: Optional[str]
    formed_closing_triad: int
    formed_through_coordinator: int
    formed_crossing_groups: int
    triad_closure_share: float
    coordinator_share: float
    crossing_share: float
    measures: Dict[str, WaveChange]


def _flags(paths: bool, brokerage: bool, presence: str) -> int:
    if presence not in ("tie", "vertex"):
        raise invalid(f"unknown presence {presence!r}: expected 'tie' or 'vertex'")
    flags = 0 if paths else 1 << 4  # ECOSYS_NO_PATHS
    if not brokerage:
        flags |= _native.WAVES_NO_BROKERAGE
    if presence == "vertex":
        flags |= _native.WAVES_PRESENCE_VERTEX
    return flags


def _group_options(group: Groups) -> Tuple[Optional[bytes], Optional[Tuple[int, int]]]:
    if isinstance(group, str):
        return _native.text(group, "group"), None
    if (isinstance(group, tuple) and len(group) == 2
            and all(isinstance(p, Partition) for p in group)):
        return None, (group[0]._handle, group[1]._handle)
    raise TypeError("group must be an attribute name or a (before, after) pair of "
                    "ecosys.Partition")


_SNAPSHOT_KEYS = ("at", "from_", "to", "axis", "kind", "territory", "directed",
                  "drop_isolates")


def _snapshot(spec: Snapshot, what: str) -> Any:
    """An ecosys_graph_options from a GraphOptions, a dict of Graph keywords
    (at, from_ or "from", to, axis, kind, territory, directed,
    drop_isolates) or None (all ties)."""
    if spec is None:
        spec = {}
    if isinstance(spec, GraphOptions):
        values = {k: getattr(spec, k) for k in _SNAPSHOT_KEYS}
    elif isinstance(spec, Mapping):
        values = dict(spec)
        if "from" in values:
            values["from_"] = values.pop("from")
        unknown = set(values) - set(_SNAPSHOT_KEYS)
        if unknown:
            raise invalid(f"{what}: unknown snapshot option(s) {sorted(unknown)}")
    else:
        raise TypeError(f"{what} must be a dict of graph options or an ecosys.GraphOptions")
    return _native_options(GraphOptions(
        _date_text(values.get("at")), _date_text(values.get("from_")),
        _date_text(values.get("to")), values.get("axis"), values.get("kind"),
        values.get("territory"), values.get("directed"),
        bool(values.get("drop_isolates", False))))


def _tie_set(raw: Dict[str, Any], ids: List[str], groups: List[str],
             axes: List[str]) -> WaveTies:
    k = len(groups)
    ties = [WaveTie(ids[s], ids[t], bool(f & _CROSSES), bool(f & _CLOSES), bool(f & _THROUGH))
            for s, t, f in zip(raw["sources"], raw["targets"], raw["flags"])]
    by_group = {(groups[g], groups[h]): raw["by_group"][g * k + h]
                for g in range(k) for h in range(k)}
    return WaveTies(raw["count"], ties, by_group, dict(zip(axes, raw["by_axis"])))


def _result(raw: Dict[str, Any]) -> Waves:
    ids, groups, axes = raw["actor_ids"], raw["group_names"], raw["axis_names"]
    return Waves(
        directed=raw["directed"], actors=ids, groups=groups, axes=axes,
        actor_group={ids[u]: groups[g] for u, g in enumerate(raw["actor_group"])},
        ties_before=raw["ties_before"], ties_after=raw["ties_after"],
        formed=_tie_set(raw["formed"], ids, groups, axes),
        dissolved=_tie_set(raw["dissolved"], ids, groups, axes),
        persisting=_tie_set(raw["persisting"], ids, groups, axes),
        jaccard=raw["jaccard"], present_before=raw["present_before"],
        present_after=raw["present_after"], entering=[ids[u] for u in raw["entering"]],
        leaving=[ids[u] for u in raw["leaving"]], coordinator=raw["coordinator_id"],
        formed_closing_triad=raw["formed_closing_triad"],
        formed_through_coordinator=raw["formed_through_coordinator"],
        formed_crossing_groups=raw["formed_crossing_groups"],
        triad_closure_share=raw["triad_closure_share"],
        coordinator_share=raw["coordinator_share"], crossing_share=raw["crossing_share"],
        measures={name: WaveChange(*values) for name, values in raw["measures"].items()})


def _render_args(format: str, title: Optional[str], before_label: Optional[str],
                 after_label: Optional[str], top: int) -> Tuple[Any, ...]:
    if format not in FORMATS:
        raise invalid(f"unknown format {format!r}: expected 'text', 'markdown' or 'json'")
    if top < 0:
        raise invalid("top must be >= 0")
    return (FORMATS[format], _native.text(title, "title"),
            _native.text(before_label, "before_label"), _native.text(after_label, "after_label"),
            top)


def _run_graphs(before: Graph, after: Graph, group: Groups, coordinator: Optional[str],
                paths: bool, brokerage: bool, presence: str, render: Any = None) -> Any:
    for g in (before, after):
        if not isinstance(g, Graph):
            raise TypeError(f"waves are compared between ecosys.Graph objects, not "
                            f"{type(g).__name__}")
    name, partitions = _group_options(group)
    # The graphs know the options they were built with: pass them, so that
    # ties are attributed to axes from the right (dated) collaborations.
    options = _native.waves_options(name, partitions, _native.text(coordinator, "coordinator"),
                                    _flags(paths, brokerage, presence), before._c_options,
                                    after._c_options)
    return _native.waves_compare(before._handle, after._handle, options, render=render)


def _run_snapshots(dataset: Dataset, before: Snapshot, after: Snapshot, group: str,
                   coordinator: Optional[str], paths: bool, brokerage: bool, presence: str,
                   render: Any = None) -> Any:
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be an ecosys.Dataset, not {type(dataset).__name__}")
    if not isinstance(group, str):
        raise TypeError("waves_compare_snapshots groups by an attribute name (the graphs "
                        "are built inside)")
    b, a = _snapshot(before, "before"), _snapshot(after, "after")
    options = _native.waves_options(_native.text(group, "group"), None,
                                    _native.text(coordinator, "coordinator"),
                                    _flags(paths, brokerage, presence), None, None)
    return _native.waves_compare(None, None, options, dataset=dataset._handle,
                                 before_snapshot=b, after_snapshot=a, render=render)


def waves_compare(before: Graph, after: Graph, *, group: Groups = "sector",
                  coordinator: Optional[str] = None, paths: bool = True,
                  brokerage: bool = True, presence: str = "tie") -> Waves:
    """Compares two graphs whose actors share ids (``ecosys_waves_compare``).

    Args:
        before, after: the two waves (snapshots of one dataset, or graphs
            of two datasets: actors are matched by id).
        group: an actor attribute (default ``"sector"``), or a pair of
            :class:`~ecosys.Partition` (one per graph, groups matched by
            name).
        coordinator: id of the named actor for the triad-closure breakdown.
        paths: False skips the path measures (betweenness centralization
            is then nan); use on large graphs.
        brokerage: False skips the Gould-Fernandez brokerage totals.
        presence: ``"tie"`` (present = has a tie in the wave) or
            ``"vertex"`` (present = in the wave's graph).

    Raises:
        InvalidArgumentError: graphs of different direction, an unknown
            group attribute, presence or flag.
        NotFoundError: a coordinator that is no actor of either dataset.
    """
    return _result(_run_graphs(before, after, group, coordinator, paths, brokerage, presence))


def waves_compare_snapshots(dataset: Dataset, before: Snapshot, after: Snapshot, *,
                            group: str = "sector", coordinator: Optional[str] = None,
                            paths: bool = True, brokerage: bool = True,
                            presence: str = "tie") -> Waves:
    """Builds two snapshots of one dataset and compares them
    (``ecosys_waves_compare_snapshots``).

    ``before`` and ``after`` are dicts of the keywords of
    :class:`~ecosys.Graph` (``at``, ``from_`` or ``"from"``, ``to``,
    ``axis``, ``kind``, ``territory``, ``directed``, ``drop_isolates``),
    a :class:`~ecosys.GraphOptions`, or None (all ties). Other arguments as
    :func:`waves_compare`.
    """
    return _result(_run_snapshots(dataset, before, after, group, coordinator, paths,
                                  brokerage, presence))


def waves_render(before: Graph, after: Graph, format: str = "text", *,
                 title: Optional[str] = None, before_label: Optional[str] = None,
                 after_label: Optional[str] = None, top: int = 0, group: Groups = "sector",
                 coordinator: Optional[str] = None, paths: bool = True,
                 brokerage: bool = True, presence: str = "tie") -> str:
    """The comparison of :func:`waves_compare` as a report
    (``ecosys_waves_render``): ``format`` ``"text"``, ``"markdown"`` or
    ``"json"``; ``before_label``/``after_label`` name the waves for the
    reader; ``top`` ties listed per list (0: 10)."""
    render = _render_args(format, title, before_label, after_label, top)
    return _run_graphs(before, after, group, coordinator, paths, brokerage, presence, render)


def waves_render_snapshots(dataset: Dataset, before: Snapshot, after: Snapshot,
                           format: str = "text", *, title: Optional[str] = None,
                           before_label: Optional[str] = None,
                           after_label: Optional[str] = None, top: int = 0,
                           group: str = "sector", coordinator: Optional[str] = None,
                           paths: bool = True, brokerage: bool = True,
                           presence: str = "tie") -> str:
    """The comparison of :func:`waves_compare_snapshots` as a report (see
    :func:`waves_render`)."""
    render = _render_args(format, title, before_label, after_label, top)
    return _run_snapshots(dataset, before, after, group, coordinator, paths, brokerage,
                          presence, render)
