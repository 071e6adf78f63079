"""Mixing across groups (``ecosys/mixing.h``): mixing matrix, E-I index
with its exact null and permutation test, nominal assortativity, Blau
heterogeneity and IQV of each actor's partners.

Every function takes ``group``: a :class:`~ecosys.Partition` of the graph,
or the name of an actor attribute (default ``"sector"``) from which one is
built for the call. Names are those of C and of the JSON summary.
Conventions (docs/measures.md, "Mixing across groups"): ties follow the
graph's rules (weight-0 ties are not ties, self-ties ignored, repeated ties
merged); unweighted unless ``weighted``; in directed graphs the actor-level
measures take ``mode`` ``"out"``, ``"in"`` or ``"all"`` (default: partners
whatever the direction). Undefined values are ``nan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Union

from . import _native
from .graph import Graph
from .measures import _flags, register
from .partition import Partition, _partition_of

__all__ = ["MixingMatrix", "EIIndex", "EIPermutation", "mixing_matrix", "ei_index",
           "ei_index_actors", "ei_permutation_test", "assortativity", "blau", "iqv"]

Group = Union[Partition, str]


def _actor_vector(c_function: str, graph: Graph, group: Group, flags: int) -> Dict[str, float]:
    keys = graph._keys()
    with _partition_of(graph, group) as p:
        values = _native.double_vector(c_function, graph._handle, len(keys), p._handle, flags)
    return dict(zip(keys, values))


@dataclass(frozen=True)
class MixingMatrix:
    """Ties and summed weights between groups (``ecosys_mixing_matrix``).

    ``ties[g][h]``: undirected, the number of ties between groups g and h
    (a tie between two groups in both cells, a tie within g once in
    ``[g][g]``); directed, arcs from g (row) to h (column).
    """
    groups: List[str]
    directed: bool
    ties: List[List[float]]
    weights: List[List[float]]


@register("mixing_matrix", level="graph", c_function="ecosys_mixing_matrix_compute",
          capability="mixing")
def mixing_matrix(graph: Graph, group: Group = "sector") -> MixingMatrix:
    """The mixing matrix of tie counts and of summed weights. O(m + k^2)."""
    with _partition_of(graph, group) as p:
        k, directed, ties, weights = _native.mixing_matrix(graph._handle, p._handle)
        names = p.groups
    rows = lambda cells: [list(cells[g * k:(g + 1) * k]) for g in range(k)]
    return MixingMatrix(names, directed, rows(ties), rows(weights))


@dataclass(frozen=True)
class EIIndex:
    """The E-I index at network and group level with its exact null
    (``ecosys_ei_index``). ``groups`` maps each group name to a dict with
    ``external``, ``internal``, ``ei_index``, ``expected``, ``sd``, ``z``."""
    directed: bool
    weighted: bool
    external: float
    internal: float
    ei_index: float
    dyads: float
    internal_dyads: float
    expected: float
    sd: float
    z: float
    groups: Dict[str, Dict[str, float]]


@register("ei_index", level="graph", c_function="ecosys_ei_index_compute",
          capability="mixing")
def ei_index(graph: Graph, group: Group = "sector", *, weighted: bool = False) -> EIIndex:
    """E-I index (Krackhardt & Stern 1988) of the graph and of each group,
    with expected value, sd and z under the uniform graph with the same ties
    (the group's: conditional on its ties). O(m + k)."""
    with _partition_of(graph, group) as p:
        raw = _native.ei_index(graph._handle, p._handle, _flags(weighted=weighted))
        names = p.groups
    fields = ("external", "internal", "ei_index", "expected", "sd", "z")
    groups = {name: {f: raw["group_" + f][g] for f in fields} for g, name in enumerate(names)}
    return EIIndex(raw["directed"], raw["weighted"], raw["external"], raw["internal"],
                   raw["ei_index"], raw["dyads"], raw["internal_dyads"], raw["expected"],
                   raw["sd"], raw["z"], groups)


@register("ei_index_actors", level="actor", c_function="ecosys_ei_index_actors",
          capability="mixing")
def ei_index_actors(graph: Graph, group: Group = "sector", *, weighted: bool = False,
                    mode: Optional[str] = None) -> Dict[str, float]:
    """E-I index of each actor over its own ties; ``nan`` for isolates (in
    the mode). The JSON summary's per-actor ``ei_index``. O(n + m)."""
    return _actor_vector("ecosys_ei_index_actors", graph, group,
                         _flags(weighted=weighted, mode=mode))


@dataclass(frozen=True)
class EIPermutation:
    """Label-permutation test of the network E-I index
    (``ecosys_ei_permutation``); p-values are (1 + count)/(R + 1)."""
    replicates: int
    seed: int
    weighted: bool
    observed: float
    mean: float
    sd: float
    z: float
    p_greater: float
    p_less: float


def ei_permutation_test(graph: Graph, group: Group = "sector", *, replicates: int = 1000,
                        seed: int = 0, weighted: bool = False) -> EIPermutation:
    """Shuffles the groups over the actors ``replicates`` times (replicate r
    on random stream r of ``seed``); the result depends only on the seed
    and the number of replicates. O(R (n + m))."""
    if replicates < 1:
        from .errors import invalid
        raise invalid("replicates must be at least 1")
    with _partition_of(graph, group) as p:
        raw = _native.ei_permutation_test(graph._handle, p._handle, int(replicates),
                                          int(seed) & (2 ** 64 - 1), _flags(weighted=weighted))
    return EIPermutation(**raw)


@register("assortativity", level="graph", c_function="ecosys_assortativity_nominal",
          capability="mixing")
def assortativity(graph: Graph, group: Group = "sector", *, weighted: bool = False) -> float:
    """Nominal assortativity (Newman 2003); ``nan`` without ties or with all
    tie ends in one group. O(m + k^2)."""
    with _partition_of(graph, group) as p:
        return _native.assortativity_nominal(graph._handle, p._handle,
                                             _flags(weighted=weighted))


@register("blau", level="actor", c_function="ecosys_blau", capability="mixing")
def blau(graph: Graph, group: Group = "sector", *, weighted: bool = False,
         mode: Optional[str] = None) -> Dict[str, float]:
    """Blau heterogeneity 1 - sum p_g^2 of each actor's partners (ego
    excluded); ``nan`` for isolates. O(n + m)."""
    return _actor_vector("ecosys_blau", graph, group, _flags(weighted=weighted, mode=mode))


@register("iqv", level="actor", c_function="ecosys_iqv", capability="mixing")
def iqv(graph: Graph, group: Group = "sector", *, weighted: bool = False,
        mode: Optional[str] = None) -> Dict[str, float]:
    """IQV = Blau x k/(k-1), k the partition's number of groups; ``nan`` for
    isolates and when k = 1. O(n + m)."""
    return _actor_vector("ecosys_iqv", graph, group, _flags(weighted=weighted, mode=mode))
