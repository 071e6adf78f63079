"""Structure and centrality of a graph (``ecosys/measures.h``).

Every measure has the name it has in C (``ecosys_<name>``) and in the JSON
summary. Actor-level measures return a dict ``{actor id: value}`` whose
insertion order is the graph's vertex order (the dataset's order); the
values come from one C call filling one array, never one call per value.
Undefined values (closeness of an isolated actor, ...) are ``nan``.

Conventions (docs/measures.md gives each formula and reference):

- ``weighted``: tie weights are intensities. Measures that sum ties
  (strength, eigenvector, PageRank) sum weights; path measures
  (betweenness, closeness, harmonic, distances) take 1/weight as the length
  of a tie. Default: weights ignored (hops).
- ``mode`` (directed graphs only): ``"out"`` follows ties forwards, ``"in"``
  backwards, ``"all"`` ignores direction; None is each measure's default.
- ``normalized``: as each measure documents.

Every measure is also registered by name: :func:`compute` and
:func:`available` (the registry later capabilities add to, see
docs/python.md "Extending").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple, TypeVar

from . import _native
from .errors import invalid
from .graph import Graph

__all__ = [
    "Structure", "Components", "MeasureInfo",
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
    "pagerank", "local_clustering", "core_number", "components", "articulation_points",
    "bridges", "structure", "register", "available", "compute", "measure_info",
]

WEIGHTED = 1 << 0
NORMALIZED = 1 << 1
_MODES = {None: 0, "out": 1 << 2, "in": 1 << 3, "all": (1 << 2) | (1 << 3)}

F = TypeVar("F", bound=Callable[..., Any])


# ---- the registry -----------------------------------------------------------------------------

@dataclass(frozen=True)
class MeasureInfo:
    """A registered measure.

    Attributes:
        name: its name, as in C and JSON.
        level: ``"actor"`` (dict by actor id), ``"graph"`` (one value or
            record), ``"list"`` (actor ids or pairs).
        c_function: the C function it calls.
        function: the Python function.
        capability: the module that registered it (``"measures"``, later
            ``"mixing"``, ``"waves"``, ...).
    """
    name: str
    level: str
    c_function: str
    function: Callable[..., Any]
    capability: str


_REGISTRY: Dict[str, MeasureInfo] = {}


def register(name: str, *, level: str, c_function: str,
             capability: str = "measures") -> Callable[[F], F]:
    """Decorator: registers a measure function under ``name``.

    Used by every capability module; see docs/python.md "Extending".
    """
    if level not in ("actor", "graph", "list"):
        raise ValueError(f"unknown level {level!r}")

    def decorate(function: F) -> F:
        if name in _REGISTRY:
            raise ValueError(f"measure {name!r} is already registered")
        _REGISTRY[name] = MeasureInfo(name, level, c_function, function, capability)
        return function

    return decorate


def available(level: Optional[str] = None) -> List[str]:
    """Names of the registered measures (of one level if given), in
    registration order."""
    return [m.name for m in _REGISTRY.values() if level is None or m.level == level]


def measure_info(name: str) -> MeasureInfo:
    """The registry entry of a measure (raises InvalidArgumentError if unknown)."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise invalid(f"unknown measure {name!r}; available: {', '.join(available())}") \
            from None


def compute(graph: Graph, name: str, **options: Any) -> Any:
    """Computes a measure by name: ``compute(g, "pagerank", damping=0.9)``."""
    return measure_info(name).function(graph, **options)


# ---- helpers --------------------------------------------------------------------------------------


def _flags(*, weighted: bool = False, normalized: bool = False,
           mode: Optional[str] = None) -> int:
    try:
        flags = _MODES[mode]
    except (KeyError, TypeError):
        raise invalid(f"unknown mode {mode!r}: expected 'out', 'in', 'all' or None") from None
    if weighted:
        flags |= WEIGHTED
    if normalized:
        flags |= NORMALIZED
    return flags


def _doubles(graph: Graph, c_function: str, *args: Any) -> Dict[str, float]:
    keys = graph._keys()
    values = _native.double_vector(c_function, graph._handle, len(keys), *args)
    return dict(zip(keys, values))


def _integers(graph: Graph, c_function: str, *args: Any) -> Dict[str, int]:
    keys = graph._keys()
    values = _native.double_vector(c_function, graph._handle, len(keys), *args)
    return dict(zip(keys, map(int, values)))


# ---- actor-level measures ---------------------------------------------------------------------------


@register("degree", level="actor", c_function="ecosys_degree")
def degree(graph: Graph, *, normalized: bool = False,
           mode: Optional[str] = None) -> Dict[str, Any]:
    """Degree: number of partners (merged ties count once); ints, or floats
    divided by n - 1 if ``normalized``. Directed default mode ``"all"``. O(n)."""
    flags = _flags(normalized=normalized, mode=mode)
    if normalized:
        return _doubles(graph, "ecosys_degree", flags)
    return _integers(graph, "ecosys_degree", flags)


@register("strength", level="actor", c_function="ecosys_strength")
def strength(graph: Graph, *, mode: Optional[str] = None) -> Dict[str, float]:
    """Strength: sum of the weights of each actor's ties. Directed default
    mode ``"all"``. O(n + m)."""
    return _doubles(graph, "ecosys_strength", _flags(mode=mode))


@register("betweenness", level="actor", c_function="ecosys_betweenness")
def betweenness(graph: Graph, *, normalized: bool = False, weighted: bool = False,
                mode: Optional[str] = None) -> Dict[str, float]:
    """Betweenness (Freeman 1977; Brandes 2001): sum over pairs of other
    actors of the share of their shortest paths through the actor.
    ``normalized`` divides by (n-1)(n-2)/2 (directed (n-1)(n-2)); the JSON
    summary's ``betweenness_normalized``. Directed default mode ``"out"``.
    O(n m)."""
    return _doubles(graph, "ecosys_betweenness",
                    _flags(weighted=weighted, normalized=normalized, mode=mode))


@register("closeness", level="actor", c_function="ecosys_closeness")
def closeness(graph: Graph, *, normalized: bool = False, weighted: bool = False,
              mode: Optional[str] = None) -> Dict[str, float]:
    """Closeness over reachable actors (igraph's convention): 1 / sum of
    distances to the actors reached; ``normalized`` (the JSON summary's)
    gives (r-1) / sum, the inverse mean distance. ``nan`` for isolates.
    Directed default mode ``"out"``. O(n m)."""
    return _doubles(graph, "ecosys_closeness",
                    _flags(weighted=weighted, normalized=normalized, mode=mode))


@register("harmonic", level="actor", c_function="ecosys_harmonic")
def harmonic(graph: Graph, *, normalized: bool = False, weighted: bool = False,
             mode: Optional[str] = None) -> Dict[str, float]:
    """Harmonic closeness (Marchiori & Latora 2000): sum of 1/distance to
    every other actor (0 if unreachable); ``normalized`` (the JSON
    summary's) divides by n - 1. Directed default mode ``"out"``. O(n m)."""
    return _doubles(graph, "ecosys_harmonic",
                    _flags(weighted=weighted, normalized=normalized, mode=mode))


@register("eigenvector", level="actor", c_function="ecosys_eigenvector")
def eigenvector(graph: Graph, *, weighted: bool = False) -> Dict[str, float]:
    """Eigenvector centrality (Bonacich 1972) scaled so the maximum is 1 (0
    everywhere without ties); directed graphs use in-links."""
    return _doubles(graph, "ecosys_eigenvector", _flags(weighted=weighted))


@register("pagerank", level="actor", c_function="ecosys_pagerank")
def pagerank(graph: Graph, *, damping: float = 0.85,
             weighted: bool = False) -> Dict[str, float]:
    """PageRank (Brin & Page 1998), summing to 1; dangling actors jump
    uniformly. Raises InvalidArgumentError unless 0 <= damping <= 1."""
    damping = float(damping)
    if math.isnan(damping):
        raise invalid("damping must be a number in [0, 1]")
    return _doubles(graph, "ecosys_pagerank", damping, _flags(weighted=weighted))


@register("local_clustering", level="actor", c_function="ecosys_local_clustering")
def local_clustering(graph: Graph) -> Dict[str, float]:
    """Local clustering (Watts & Strogatz 1998): ties among an actor's
    partners over k(k-1)/2; 0 with fewer than 2 partners. Direction and
    weights ignored."""
    return _doubles(graph, "ecosys_local_clustering", 0)


@register("core_number", level="actor", c_function="ecosys_core_number")
def core_number(graph: Graph, *, mode: Optional[str] = None) -> Dict[str, int]:
    """Core number (Seidman 1983): the largest k such that the actor is in
    the k-core. Directed default mode ``"all"``. O(m)."""
    keys = graph._keys()
    values = _native.size_vector("ecosys_core_number", graph._handle, len(keys),
                                 _flags(mode=mode))
    return dict(zip(keys, values))


class Components(NamedTuple):
    """Connected components (weak if directed): their number, and each
    actor's component (numbered from 0 in order of first actor)."""
    count: int
    membership: Dict[str, int]


@register("components", level="actor", c_function="ecosys_components")
def components(graph: Graph) -> Components:
    """Connected components (weak for directed graphs)."""
    keys = graph._keys()
    membership, count = _native.components(graph._handle, len(keys))
    return Components(count, dict(zip(keys, membership)))


# ---- lists ---------------------------------------------------------------------------------------------


@register("articulation_points", level="list", c_function="ecosys_articulation_points")
def articulation_points(graph: Graph) -> List[str]:
    """Articulation points (cut vertices), direction ignored, as actor ids
    in vertex order."""
    keys = graph._keys()
    return [keys[v] for v in _native.index_list("ecosys_articulation_points", graph._handle)]


@register("bridges", level="list", c_function="ecosys_bridges")
def bridges(graph: Graph) -> List[Tuple[str, str]]:
    """Bridges (cut edges), direction ignored, as (id, id) pairs in vertex
    order, sorted."""
    keys = graph._keys()
    return [(keys[s], keys[t]) for s, t in _native.pair_list("ecosys_bridges", graph._handle)]


# ---- graph level ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Structure:
    """Graph-level structure: the fields of C's ``ecosys_structure``, same
    names and order (the JSON summary's ``graph`` object uses them too).
    Undefined values are ``nan``. Distances are hops, or sums of 1/weight
    if ``weighted``."""
    actor_count: int
    tie_count: int
    directed: bool
    weighted: bool
    density: float
    mean_degree: float
    component_count: int
    largest_component_size: int
    isolate_count: int
    diameter: float
    mean_distance: float
    transitivity: float
    mean_local_clustering: float
    degree_centralization: float
    betweenness_centralization: float
    closeness_centralization: float
    eigenvector_centralization: float
    max_core: int
    articulation_point_count: int
    bridge_count: int

    def as_dict(self) -> Dict[str, Any]:
        """The fields as a dict, in C order."""
        return dict(self.__dict__)


@register("structure", level="graph", c_function="ecosys_structure_compute")
def structure(graph: Graph, *, weighted: bool = False) -> Structure:
    """Size, density, components, distances, transitivity, clustering,
    Freeman centralizations, cores, articulation points and bridges in one
    call. O(n m) (weighted: O(n m log n))."""
    return Structure(**_native.structure(graph._handle, _flags(weighted=weighted)))
