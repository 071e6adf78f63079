"""Communities and roles (``ecosys/communities.h``): Louvain and Leiden,
modularity of any partition, participation coefficient, within-module
degree z-score, Guimera-Amaral roles and a summary of each community.

Names are those of C (``ecosys_<name>``). Functions that take a partition
accept a :class:`~ecosys.Partition` of the graph or the name of an actor
attribute (``"sector"``, ``"territory"``, ``"axes"``, ...) from which one is
built for the call. Detection returns :class:`Communities`, a named tuple
``(partition, modularity)``; close the partition (or use ``with``) when done.

>>> communities, q = ecosys.leiden(g, seed=7)                    # doctest: +SKIP
>>> ecosys.roles(g, communities)["a01"]                          # doctest: +SKIP
'connector_hub'

Conventions (docs/measures.md, "Communities and roles"): unweighted unless
``weighted``; detection runs on the undirected view of a directed graph;
modularity of a directed graph is Leicht & Newman's unless ``mode="all"``;
participation and z take ``mode`` ``"out"``, ``"in"`` or ``"all"`` (default,
the undirected view) in directed graphs; P = 0 for isolates; z uses the
population standard deviation and is 0 where that is 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, NamedTuple, Optional, Union

from . import _native
from .errors import invalid
from .graph import Graph
from .measures import _flags, register
from .partition import Partition, _partition_of

__all__ = ["Communities", "CommunitySummary", "COMMUNITY_ROLES", "LEIDEN", "LOUVAIN",
           "community_detect", "louvain", "leiden", "modularity", "participation",
           "within_module_z", "roles", "role_classify", "community_summary"]

Group = Union[Partition, str]

#: Algorithms of :func:`community_detect` (``ecosys_community_algorithm``).
LEIDEN = "leiden"
LOUVAIN = "louvain"
_ALGORITHMS = {LEIDEN: 0, LOUVAIN: 1}

#: Role names by number (R1 .. R7), as ``ecosys_role_name`` gives them.
COMMUNITY_ROLES: Dict[int, str] = {r: _native.role_name(r) for r in range(1, 8)}


class Communities(NamedTuple):
    """Result of detection: the communities (named "0", "1", ... in order
    of their first actor) and their modularity (``nan`` without ties)."""
    partition: Partition
    modularity: float


def community_detect(graph: Graph, *, algorithm: str = LEIDEN, seed: int = 1,
                     resolution: float = 1.0, weighted: bool = False,
                     iterations: int = 2) -> Communities:
    """Communities maximising modularity (``ecosys_community_detect``).

    Args:
        algorithm: ``"leiden"`` (Traag et al. 2019, default) or ``"louvain"``
            (Blondel et al. 2008).
        seed: same seed, same partition; other seeds may give other
            partitions of nearly equal modularity.
        resolution: gamma > 0 (1: classic modularity; larger: smaller
            communities).
        weighted: tie weights as intensities.
        iterations: Leiden only: number of iterations (default 2); 0 until
            an iteration changes nothing (at most 20).

    Directed graphs run on their undirected view. Near-linear time.
    """
    try:
        code = _ALGORITHMS[algorithm]
    except (KeyError, TypeError):
        raise invalid(f"unknown algorithm {algorithm!r}: expected 'leiden' or 'louvain'") \
            from None
    return _detect("ecosys_community_detect", graph, code, seed, resolution, weighted,
                   iterations)


def louvain(graph: Graph, *, seed: int = 1, resolution: float = 1.0,
            weighted: bool = False) -> Communities:
    """Louvain communities (``ecosys_louvain``; Blondel et al. 2008, igraph's
    multilevel). Slow on large ecosystems with igraph 0.10.2: prefer
    :func:`leiden` from 10^5 actors."""
    return _detect("ecosys_louvain", graph, 1, seed, resolution, weighted, 2)


def leiden(graph: Graph, *, seed: int = 1, resolution: float = 1.0, weighted: bool = False,
           iterations: int = 2) -> Communities:
    """Leiden communities (``ecosys_leiden``; Traag, Waltman & van Eck 2019)
    with the modularity objective. ``iterations`` as in
    :func:`community_detect`."""
    return _detect("ecosys_leiden", graph, 0, seed, resolution, weighted, iterations)


def _detect(c_function: str, graph: Graph, algorithm: int, seed: int, resolution: float,
            weighted: bool, iterations: int) -> Communities:
    if not isinstance(graph, Graph):
        raise TypeError(f"graph must be an ecosys.Graph, not {type(graph).__name__}")
    if int(iterations) < 0:
        raise invalid("iterations must be >= 0")
    handle, q = _native.community_detect(c_function, graph._handle, algorithm,
                                         int(seed) & (2 ** 64 - 1), float(resolution),
                                         bool(weighted), int(iterations))
    return Communities(Partition._own(handle, graph._keys()), q)


@register("modularity", level="graph", c_function="ecosys_modularity",
          capability="communities")
def modularity(graph: Graph, partition: Group = "sector", *, resolution: float = 1.0,
               weighted: bool = False, mode: Optional[str] = None) -> float:
    """Modularity of any partition (Newman & Girvan 2004), resolution gamma;
    directed graphs: Leicht & Newman's directed modularity, or the
    undirected view's with ``mode="all"``. ``nan`` without ties. O(n + m)."""
    if mode not in (None, "all"):
        raise invalid(f"modularity takes mode 'all' or None, not {mode!r}")
    with _partition_of(graph, partition, "partition") as p:
        return _native.modularity(graph._handle, p._handle, float(resolution),
                                  _flags(weighted=weighted, mode=mode))


def _vector(c_function: str, graph: Graph, partition: Group, flags: int) -> Dict[str, float]:
    keys = graph._keys()
    with _partition_of(graph, partition, "partition") as p:
        values = _native.double_vector(c_function, graph._handle, len(keys), p._handle, flags)
    return dict(zip(keys, values))


@register("participation", level="actor", c_function="ecosys_participation",
          capability="communities")
def participation(graph: Graph, partition: Group = "sector", *, weighted: bool = False,
                  mode: Optional[str] = None) -> Dict[str, float]:
    """Participation coefficient (Guimera & Amaral 2005) 1 - sum_s
    (k_is/k_i)^2 of each actor over the groups of ``partition`` (sectors by
    default); 0 for isolates. The JSON summary's ``participation``. O(n + m)."""
    return _vector("ecosys_participation", graph, partition,
                   _flags(weighted=weighted, mode=mode))


@register("within_module_z", level="actor", c_function="ecosys_within_module_z",
          capability="communities")
def within_module_z(graph: Graph, partition: Group = "sector", *, weighted: bool = False,
                    mode: Optional[str] = None) -> Dict[str, float]:
    """Within-module degree z-score (Guimera & Amaral 2005) of each actor in
    its own group: population standard deviation; 0 where the group's sd is
    0 (groups of one included). O(n + m)."""
    return _vector("ecosys_within_module_z", graph, partition,
                   _flags(weighted=weighted, mode=mode))


@register("roles", level="actor", c_function="ecosys_roles", capability="communities")
def roles(graph: Graph, partition: Group = "sector", *, weighted: bool = False,
          mode: Optional[str] = None) -> Dict[str, str]:
    """Guimera-Amaral role of each actor: ``"ultra_peripheral"`` (R1),
    ``"peripheral"``, ``"nonhub_connector"``, ``"nonhub_kinless"``,
    ``"provincial_hub"``, ``"connector_hub"``, ``"kinless_hub"`` (R7). Hubs
    have z >= 2.5. O(n + m)."""
    keys = graph._keys()
    with _partition_of(graph, partition, "partition") as p:
        numbers, _, _ = _native.roles(graph._handle, p._handle, len(keys),
                                      _flags(weighted=weighted, mode=mode))
    return {k: COMMUNITY_ROLES.get(r, "unknown") for k, r in zip(keys, numbers)}


def role_classify(z: float, participation: float) -> str:
    """The role name for a within-module z and a participation coefficient
    (``ecosys_role_classify``)."""
    number = _native.call("ecosys_role_classify", float(z), float(participation))
    return COMMUNITY_ROLES.get(number, "unknown")


@dataclass(frozen=True)
class CommunitySummary:
    """Each community's size, ties and make-up (``ecosys_community_summary``).

    ``communities`` maps each community name to a dict with ``size``,
    ``internal_ties``, ``external_ties``, ``internal_weight``,
    ``external_weight`` and, if a make-up partition was given,
    ``composition`` ({group name: actors of the community in it}).
    """
    communities: Dict[str, Dict[str, object]]
    groups: List[str]


def community_summary(graph: Graph, communities: Group,
                      by: Optional[Group] = "sector") -> CommunitySummary:
    """Size, internal and external ties (counts and weights) of each group of
    ``communities``, and how many of its actors fall in each group of ``by``
    (sectors by default; None: no make-up). A tie between two communities
    is external to both. O(n + m + C S)."""
    with _partition_of(graph, communities, "partition") as c:
        names = c.groups
        if by is None:
            raw = _native.community_summary(graph._handle, c._handle, None)
            groups: List[str] = []
        else:
            with _partition_of(graph, by, "partition") as b:
                raw = _native.community_summary(graph._handle, c._handle, b._handle)
                groups = b.groups
    s = len(groups)
    result: Dict[str, Dict[str, object]] = {}
    for i, name in enumerate(names):
        entry: Dict[str, object] = {
            "size": raw["sizes"][i],
            "internal_ties": raw["internal_ties"][i],
            "external_ties": raw["external_ties"][i],
            "internal_weight": raw["internal_weight"][i],
            "external_weight": raw["external_weight"][i],
        }
        if by is not None:
            entry["composition"] = dict(zip(groups, raw["composition"][i * s:(i + 1) * s]))
        result[name] = entry
    return CommunitySummary(result, groups)
