"""Two-mode data: events, participation, projection to actor ties, per-axis
layers and helix synergy (C: ``ecosys/twomode.h``; docs/measures.md,
"Two-mode data").

>>> import ecosys
>>> ds = ecosys.Dataset.read("examples/data/clermont")              # doctest: +SKIP
>>> [e.id for e in ecosys.events(ds)][:2]                           # doctest: +SKIP
['label_application', 'steering_mobility']
>>> co = ecosys.project(ds, weight="newman", axis="food")           # doctest: +SKIP
>>> ecosys.helix_synergy(ds, ["academia", "business", "public"]).t  # doctest: +SKIP

Events and participation rows live in the dataset (they are read from and
written to events.csv and participation.csv of a CSV directory); GraphML
and JSON refuse a dataset that holds them (:class:`UnsupportedError`):
:func:`clear_twomode` removes them for a deliberate export.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _native
from .dataset import Dataset, _attribute_text, _date_text

__all__ = ["Event", "Participation", "Projection", "ProjectionWeight", "AxisLayer",
           "AxisLayers", "HelixSynergy", "EVENT_FIELDS", "events", "participation_rows",
           "add_event", "add_participation", "find_event", "has_twomode", "clear_twomode",
           "project", "axis_layers", "helix_synergy"]

#: The built-in columns of events.csv, in file order.
EVENT_FIELDS = ("id", "name", "date", "axis", "kind")

_EVENTS, _PARTICIPATION = 0, 1  # ecosys_twomode_table


class ProjectionWeight(enum.IntEnum):
    """ecosys_projection_weight: how a projected tie is weighted."""
    COUNT = 0    #: number of shared events
    NEWMAN = 1   #: sum over shared events of 1/(n_e - 1)
    JACCARD = 2  #: shared events / events of either


@dataclass(frozen=True)
class Event:
    """An event (a row of events.csv), copied out of the dataset."""
    index: int
    id: str
    name: str
    date: str
    axis: str
    kind: str
    attributes: Dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Participation:
    """A participation row: actor and event ids, with its free attributes."""
    index: int
    actor: str
    event: str
    attributes: Dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Projection:
    """Result of :func:`project`: the projected dataset and what was used."""
    dataset: Dataset
    events_used: int
    events_filtered_out: int
    participations_used: int
    repeated_participations: int
    single_actor_events: int
    tie_count: int


@dataclass(frozen=True)
class AxisLayer:
    """Headline measures of one axis layer (ecosys_axis_layer)."""
    axis: str
    event_count: int
    actor_count: int
    tie_count: int
    density: float
    component_count: int
    largest_component: int


@dataclass(frozen=True)
class AxisLayers:
    """Result of :func:`axis_layers`."""
    layers: List[AxisLayer]
    #: actor id -> its axes (in layer order), for actors on two axes or more
    multi_axis: Dict[str, Tuple[str, ...]]
    unassigned_events: int


@dataclass(frozen=True)
class HelixSynergy:
    """Result of :func:`helix_synergy` (bits). ``t`` is the mutual
    information in k dimensions; ``redundancy`` the mutual redundancy R
    (Leydesdorff & Ivanova 2014: T in odd dimensions, -T in even ones):
    negative R is synergy in any dimension. See docs/measures.md."""
    sectors: Tuple[str, ...]
    t: float
    event_count: int
    empty_events: int
    entropy: Dict[str, float]
    joint_entropy: float
    redundancy: float


def _text(value: Any, what: str) -> Optional[bytes]:
    return None if value is None else _native.text(_attribute_text(value), what)


def _date(value: Any, what: str) -> Optional[bytes]:
    return None if value is None else _native.text(_date_text(value), what)


def has_twomode(dataset: Dataset) -> bool:
    """True if the dataset holds events, participation or two-mode attributes."""
    return _native.call("ecosys_twomode_present", dataset._handle)


def clear_twomode(dataset: Dataset) -> None:
    """Removes every event, participation row and two-mode attribute."""
    dataset._check_mutable()
    _native.call("ecosys_twomode_clear", dataset._handle)


def _attributes(handle: int, table: int, row: int, names: List[str]) -> Dict[str, str]:
    return {name: _native.call("ecosys_twomode_attribute", handle, table, row, k)
            for k, name in enumerate(names)}


def events(dataset: Dataset) -> List[Event]:
    """Every event, in order, with its free attributes."""
    handle = dataset._handle
    names = _native.twomode_attribute_names(handle, _EVENTS)
    return [Event(i, *_native.twomode_event(handle, i),
                  attributes=_attributes(handle, _EVENTS, i, names))
            for i in range(_native.call("ecosys_twomode_event_count", handle))]


def participation_rows(dataset: Dataset) -> List[Participation]:
    """Every participation row, in order, with actor and event ids."""
    handle = dataset._handle
    names = _native.twomode_attribute_names(handle, _PARTICIPATION)
    ids = _native.dataset_actor_ids(handle)
    event_ids: Dict[int, str] = {}  # each event's id read once, not once per row
    rows = []
    for i in range(_native.call("ecosys_twomode_participation_count", handle)):
        actor, event = _native.twomode_participation(handle, i)
        if event not in event_ids:
            event_ids[event] = _native.twomode_event(handle, event)[0]
        rows.append(Participation(i, ids[actor], event_ids[event],
                                  _attributes(handle, _PARTICIPATION, i, names)))
    return rows


def find_event(dataset: Dataset, event_id: str) -> int:
    """Index of the event with this id (NotFoundError if none)."""
    return _native.twomode_find_event(dataset._handle, _native.text(event_id, "event id"))


def _set_attributes(dataset: Dataset, table: int, row: int, attributes: Dict[str, Any]) -> None:
    handle = dataset._handle
    for key, value in attributes.items():
        attr = _native.twomode_find_or_add_attribute(handle, table, _native.text(key, "column"))
        _native.call("ecosys_twomode_set_attribute", handle, table, row, attr,
                     _native.text(_attribute_text(value), key))


def add_event(dataset: Dataset, id: str, name: str = "", date: Any = "", axis: str = "",
              kind: str = "", **attributes: Any) -> int:
    """Appends an event; extra keyword arguments are free attributes.
    Returns its index.

    Raises:
        InvalidArgumentError: empty id, malformed date or invalid text.
        AlreadyExistsError: an event already has this id.
    """
    dataset._check_mutable()
    fields = (_native.text(id, "id"), _text(name, "name"), _date(date, "date"),
              _text(axis, "axis"), _text(kind, "kind"))
    index = _native.twomode_add_event(dataset._handle, fields)
    _set_attributes(dataset, _EVENTS, index, attributes)
    return index


def add_participation(dataset: Dataset, actor: str, event: str, **attributes: Any) -> int:
    """Appends a participation row (actor and event ids); extra keyword
    arguments are free attributes (e.g. ``role``). Returns its index."""
    dataset._check_mutable()
    handle = dataset._handle
    a = _native.dataset_find_actor(handle, _native.text(actor, "actor"))
    e = find_event(dataset, event)
    index = _native.twomode_add_participation(handle, a, e)
    _set_attributes(dataset, _PARTICIPATION, index, attributes)
    return index


def _weight(value: Union[str, int, ProjectionWeight]) -> int:
    if isinstance(value, str):
        try:
            return ProjectionWeight[value.upper()]
        except KeyError:
            raise ValueError(f"unknown projection weight {value!r} "
                             "(expected count, newman or jaccard)") from None
    return int(ProjectionWeight(value))


def project(dataset: Dataset, weight: Union[str, ProjectionWeight] = "count",
            axis: Optional[str] = None, kind: Optional[str] = None, at: Any = None,
            from_: Any = None, to: Any = None) -> Projection:
    """Projects participation to actor ties (ecosys_twomode_project()).

    Args:
        weight: ``"count"`` (shared events), ``"newman"`` (sum of
            1/(n_e - 1)) or ``"jaccard"`` (shared / either).
        axis, kind: only events of this axis / kind.
        at, from_, to: only events dated on this day / within [from_, to]
            (undated events are then left out).

    Returns:
        A :class:`Projection` whose ``dataset`` is a new undirected dataset:
        the same actors, one tie of kind "co-participation" per pair sharing
        an event, with the free tie attribute "shared_events".
    """
    handle, info = _native.twomode_project(
        dataset._handle, _weight(weight), _text(axis, "axis"), _text(kind, "kind"),
        _date(at, "at"), _date(from_, "from"), _date(to, "to"))
    return Projection(Dataset._from_handle(handle), **info)


def axis_layers(dataset: Dataset, kind: Optional[str] = None, at: Any = None,
                from_: Any = None, to: Any = None) -> AxisLayers:
    """One layer per event axis with its headline measures, and the actors
    active on several axes (ecosys_twomode_axis_layers())."""
    raw = _native.twomode_axis_layers(dataset._handle, _text(kind, "kind"), _date(at, "at"),
                                      _date(from_, "from"), _date(to, "to"))
    ids = _native.dataset_actor_ids(dataset._handle)
    return AxisLayers([AxisLayer(**layer) for layer in raw["layers"]],
                      {ids[a]: tuple(axes.split(";")) for a, axes in raw["multi_axis"]},
                      raw["unassigned_events"])


def helix_synergy(dataset: Dataset, sectors: Sequence[str], attribute: Optional[str] = None,
                  keep_empty_events: bool = False, axis: Optional[str] = None,
                  kind: Optional[str] = None, at: Any = None, from_: Any = None,
                  to: Any = None) -> HelixSynergy:
    """Mutual information in 2 to 4 dimensions over events coded by the
    sectors taking part (ecosys_twomode_helix_synergy()), in bits.

    Args:
        sectors: e.g. ``["academia", "business", "public"]`` (triple helix),
            plus ``"civil_society"`` for the quadruple helix.
        attribute: the actor column holding the sector (default "sector").
        keep_empty_events: count events where none of the sectors takes
            part as the all-absent vector (default: leave them out).
    """
    sectors = tuple(sectors)
    raw = _native.twomode_helix_synergy(
        dataset._handle, [_native.text(s, "sector") for s in sectors],
        _text(attribute, "attribute"), keep_empty_events, _text(axis, "axis"),
        _text(kind, "kind"), _date(at, "at"), _date(from_, "from"), _date(to, "to"))
    return HelixSynergy(sectors, raw["t"],
                        raw["event_count"], raw["empty_events"],
                        dict(zip(sectors, raw["entropy"])), raw["joint_entropy"],
                        raw["redundancy"])
