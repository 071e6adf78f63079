"""Brokerage (``ecosys/brokerage.h``): Burt's structural holes and the
Gould-Fernandez brokerage roles.

Every function has its C name without the ``ecosys_`` prefix. Actor-level
results are dicts ``{actor id: value}`` in vertex order, filled by one C
call each; undefined values (an isolate's constraint, the hierarchy of an
actor with one contact, a z-score whose standard deviation is 0) are
``nan``.

- :func:`constraint`, :func:`effective_size`, :func:`efficiency`,
  :func:`hierarchy` (Burt 1992), or all four at once with
  :func:`structural_holes`. Directed graphs pool in- and out-ties;
  ``weighted=True`` uses tie weights as intensities.
- :func:`brokerage_roles` (Gould & Fernandez 1989): for each actor, the
  number of two-paths a -> v -> c (no tie a -> c) it brokers as
  coordinator, itinerant, representative, gatekeeper, liaison, and in
  total, with the expected counts, standard deviations and z-scores of R's
  ``sna::brokerage()``.

>>> roles = ecosys.brokerage_roles(g, group="sector")          # doctest: +SKIP
>>> roles.raw["a01"]["gatekeeper"], roles.z["a01"]["gatekeeper"]  # doctest: +SKIP

docs/measures.md, "Brokerage", gives the formulas and how to read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Union

from . import _native
from .graph import Graph
from .measures import _doubles as _measure_doubles, register
from .partition import Partition, _partition_of

__all__ = ["ROLES", "StructuralHoles", "BrokerageRoles", "constraint", "effective_size",
           "efficiency", "hierarchy", "structural_holes", "brokerage_roles"]

#: The roles, in the order of the C enum ecosys_brokerage_role and of
#: sna's columns (w_I, w_O, b_IO, b_OI, b_O, t).
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")

_WEIGHTED = 1 << 0


def _flags(weighted: bool) -> int:
    return _WEIGHTED if weighted else 0


def _doubles(graph: Graph, c_function: str, weighted: bool) -> Dict[str, float]:
    return _measure_doubles(graph, c_function, _flags(weighted))


@register("constraint", level="actor", c_function="ecosys_constraint", capability="brokerage")
def constraint(graph: Graph, *, weighted: bool = False) -> Dict[str, float]:
    """Burt's constraint (whole-network model, igraph's computation):
    sum over contacts j of (p_ij + sum_q p_iq p_qj)^2. Low: the actor's
    contacts are not tied to each other (structural holes). ``nan`` for
    isolates. O(sum of squared degrees)."""
    return _doubles(graph, "ecosys_constraint", weighted)


@register("effective_size", level="actor", c_function="ecosys_effective_size",
          capability="brokerage")
def effective_size(graph: Graph, *, weighted: bool = False) -> Dict[str, float]:
    """Burt's effective size: contacts minus their redundancy (n - 2t/n
    unweighted and undirected, Borgatti 1997). ``nan`` for isolates."""
    return _doubles(graph, "ecosys_effective_size", weighted)


@register("efficiency", level="actor", c_function="ecosys_efficiency", capability="brokerage")
def efficiency(graph: Graph, *, weighted: bool = False) -> Dict[str, float]:
    """Burt's efficiency: effective size / number of contacts. ``nan`` for
    isolates."""
    return _doubles(graph, "ecosys_efficiency", weighted)


@register("hierarchy", level="actor", c_function="ecosys_hierarchy", capability="brokerage")
def hierarchy(graph: Graph, *, weighted: bool = False) -> Dict[str, float]:
    """Burt's hierarchy: concentration of the constraint on one contact
    (Coleman-Theil index, 0 = even). ``nan`` below two contacts."""
    return _doubles(graph, "ecosys_hierarchy", weighted)


@dataclass(frozen=True)
class StructuralHoles:
    """The four structural-hole measures of every actor (dicts by actor id).

    Attributes:
        weighted: whether tie weights were used.
        contacts: number of contacts (in- and out-neighbours pooled).
        constraint, effective_size, efficiency, hierarchy: as the functions
            of the same names.
    """
    weighted: bool
    contacts: Dict[str, int]
    constraint: Dict[str, float]
    effective_size: Dict[str, float]
    efficiency: Dict[str, float]
    hierarchy: Dict[str, float]


@register("structural_holes", level="graph", c_function="ecosys_structural_holes_compute",
          capability="brokerage")
def structural_holes(graph: Graph, *, weighted: bool = False) -> StructuralHoles:
    """Constraint, effective size, efficiency and hierarchy in one pass."""
    keys = graph._keys()
    values = _native.structural_holes(graph._handle, _flags(weighted))
    return StructuralHoles(
        weighted=values["weighted"],
        contacts=dict(zip(keys, (int(x) for x in values["contacts"]))),
        **{name: dict(zip(keys, values[name]))
           for name in ("constraint", "effective_size", "efficiency", "hierarchy")})


@dataclass(frozen=True)
class BrokerageRoles:
    """Gould-Fernandez brokerage roles (sna::brokerage()'s result).

    Per-actor attributes are ``{actor id: {role: value}}`` with the roles of
    :data:`ROLES`; graph-level ones ``{role: value}``; per-group ones
    ``{group name: {role: value}}``. sna's names in brackets.

    Attributes:
        raw: counts per actor [raw.nli].
        expected: expected counts under a Bernoulli graph of the same
            density [exp.nli].
        sd: their standard deviations [sd.nli].
        z: (raw - expected) / sd [z.nli]; ``nan`` when sd is 0 and raw
            equals expected, ``inf`` when sd is 0 and they differ.
        graph_raw, graph_expected, graph_sd, graph_z: totals over actors
            [raw.gli, exp.gli, sd.gli, z.gli].
        group_expected, group_sd: per group [exp.grp, sd.grp].
        groups: the group of each actor.
        density: arcs / (n (n - 1)), undirected ties counting two arcs.
        arc_count: the arcs.
    """
    raw: Dict[str, Dict[str, int]]
    expected: Dict[str, Dict[str, float]]
    sd: Dict[str, Dict[str, float]]
    z: Dict[str, Dict[str, float]]
    graph_raw: Dict[str, int]
    graph_expected: Dict[str, float]
    graph_sd: Dict[str, float]
    graph_z: Dict[str, float]
    group_expected: Dict[str, Dict[str, float]]
    group_sd: Dict[str, Dict[str, float]]
    groups: Dict[str, str]
    density: float
    arc_count: int


def _by_role(row: List[Any], cast: Any = float) -> Dict[str, Any]:
    return {role: cast(x) for role, x in zip(ROLES, row)}


@register("brokerage_roles", level="graph", c_function="ecosys_brokerage_roles",
          capability="brokerage")
def brokerage_roles(graph: Graph, group: Union[str, Partition] = "sector") -> BrokerageRoles:
    """Gould & Fernandez (1989) brokerage roles of every actor.

    Args:
        graph: the graph (weights ignored; an undirected tie is two arcs).
        group: a :class:`Partition` of the graph's actors, or the name of an
            actor attribute to group by (default ``"sector"``).

    Raises:
        InvalidArgumentError: unknown attribute, or a partition of another
            number of actors.
    """
    keys = graph._keys()
    with _partition_of(graph, group) as partition:
        # a partition of another size: the C call refuses it (EINVAL, one message)
        values = _native.brokerage_roles(graph._handle, partition._handle, 0)
        names = partition.groups
        membership = partition.group_numbers

    def per_actor(rows: List[List[Any]], cast: Any = float) -> Dict[str, Dict[str, Any]]:
        return {k: _by_role(row, cast) for k, row in zip(keys, rows)}

    return BrokerageRoles(
        raw=per_actor(values["raw"], int),
        expected=per_actor(values["expected"]),
        sd=per_actor(values["sd"]),
        z=per_actor(values["z"]),
        graph_raw=_by_role(values["graph_raw"], int),
        graph_expected=_by_role(values["graph_expected"]),
        graph_sd=_by_role(values["graph_sd"]),
        graph_z=_by_role(values["graph_z"]),
        group_expected={n: _by_role(r) for n, r in zip(names, values["group_expected"])},
        group_sd={n: _by_role(r) for n, r in zip(names, values["group_sd"])},
        groups={k: names[g] for k, g in zip(keys, membership)},
        density=values["density"],
        arc_count=values["arc_count"])
