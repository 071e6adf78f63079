"""Graphs built from a dataset: snapshots, filters and the tie rules.

A :class:`Graph` is the network the measures run on. Its vertices are the
dataset's actors that pass the filters, in dataset order; its edges are the
dataset's ties after the rules of ``ecosys/graph.h``: weight 0 is data only,
self-ties are ignored, repeated ties between the same pair are summed into
one edge. :attr:`Graph.info` says how many ties each rule set aside.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Union

from . import _native
from ._handles import Owner, attach
from .dataset import Actor, Dataset, _date_text
from .errors import invalid

__all__ = ["Graph", "GraphInfo", "GraphOptions", "Edge"]

DateLike = Union[None, str, datetime.date]


@dataclass(frozen=True)
class GraphOptions:
    """How a graph was built (``ecosys_graph_options``); None means no filter.

    ``directed`` None follows the dataset. ``from_`` is C's ``from``.
    """
    at: Optional[str] = None
    from_: Optional[str] = None
    to: Optional[str] = None
    axis: Optional[str] = None
    kind: Optional[str] = None
    territory: Optional[str] = None
    directed: Optional[bool] = None
    drop_isolates: bool = False


@dataclass(frozen=True)
class GraphInfo:
    """What building the graph did with the dataset's ties (``ecosys_graph_info``).

    ``ties_in_dataset == ties_filtered_out + zero_weight_ties + self_ties +
    merged_ties + tie_count``: nothing is dropped silently.
    """
    actor_count: int
    tie_count: int
    directed: bool
    ties_in_dataset: int
    ties_filtered_out: int
    zero_weight_ties: int
    self_ties: int
    merged_ties: int
    actors_filtered_out: int


class Edge(NamedTuple):
    """An edge of a graph: actor ids (source < target in vertex order if
    undirected) and the summed weight of the ties it merges."""
    source: str
    target: str
    weight: float


class GraphActors(Sequence[Actor]):
    """The actors of a graph, in vertex order (views into the dataset)."""

    __slots__ = ("_graph",)

    def __init__(self, graph: "Graph") -> None:
        self._graph = graph

    def __len__(self) -> int:
        return self._graph.actor_count

    def __getitem__(self, key: Any) -> Any:
        indices = self._graph._actor_indices()
        dataset = self._graph.dataset
        if isinstance(key, slice):
            return [Actor(dataset, i) for i in indices[key]]
        return Actor(dataset, indices[key])

    def __iter__(self) -> Iterator[Actor]:
        dataset = self._graph.dataset
        return (Actor(dataset, i) for i in self._graph._actor_indices())

    def __repr__(self) -> str:
        return f"<{len(self)} actors of a graph>"


class Graph:
    """A graph (network) built from a dataset.

    Args:
        dataset: the dataset; the graph keeps it alive and it cannot change
            while the graph is open.
        at: only ties active on this date (``YYYY``, ``YYYY-MM``,
            ``YYYY-MM-DD`` or a ``datetime.date``; a partial date is its
            whole period). Exclusive with ``from_``/``to``.
        from_, to: only ties active at some time during [from_, to].
        axis: only ties on this thematic axis.
        kind: only ties of this kind.
        territory: only actors of this territory, and the ties between them.
        directed: None (as the dataset), True or False.
        drop_isolates: leave out actors without any tie after filtering.

    Raises:
        InvalidArgumentError: a malformed date, ``from_`` after ``to``,
            ``at`` together with ``from_``/``to``.

    The graph is immutable: several threads may compute measures on it at
    once. Free it with :meth:`close`, a ``with`` block, or let the garbage
    collector do it.
    """

    def __init__(self, dataset: Dataset, *, at: DateLike = None, from_: DateLike = None,
                 to: DateLike = None, axis: Optional[str] = None, kind: Optional[str] = None,
                 territory: Optional[str] = None, directed: Optional[bool] = None,
                 drop_isolates: bool = False) -> None:
        if not isinstance(dataset, Dataset):
            raise TypeError(f"dataset must be an ecosys.Dataset, not {type(dataset).__name__}")
        self._options = GraphOptions(_date_text(at), _date_text(from_), _date_text(to), axis,
                                     kind, territory, directed, bool(drop_isolates))
        self._c_options = _native_options(self._options)
        self._dataset = dataset
        self._indices: Optional[List[int]] = None
        self._ids: Optional[List[str]] = None
        self._owns_dataset = False
        dataset._owner.acquire()
        try:
            handle = _native.graph_new(dataset._handle, self._c_options)
        except BaseException:
            dataset._owner.release()
            raise
        self._owner = Owner(handle, _native.graph_free, "graph")
        self._finalizer = attach(self, self._owner, dataset._owner)
        dataset._graphs.add(self)
        self._info = GraphInfo(**_native.graph_info(handle))

    @classmethod
    def from_records(cls, actors: Any = None, ties: Iterable[Any] = (),
                     directed: bool = False, **options: Any) -> "Graph":
        """Builds a dataset with :meth:`Dataset.from_records` and its graph
        in one step; closing the graph also closes that dataset."""
        dataset = Dataset.from_records(actors, ties, directed=directed)
        try:
            graph = cls(dataset, **options)
        except BaseException:
            dataset.close()
            raise
        graph._owns_dataset = True
        return graph

    # ---- life ---------------------------------------------------------------------------

    @property
    def _handle(self) -> int:
        return self._owner.handle

    def close(self) -> None:
        """Frees the graph now (and its dataset if :meth:`from_records` made
        it). Calling it again does nothing."""
        self._dataset._graphs.discard(self)
        self._finalizer()
        if self._owns_dataset:
            self._dataset.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return not self._finalizer.alive

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- what it is -------------------------------------------------------------------------

    @property
    def dataset(self) -> Dataset:
        """The dataset the graph was built from."""
        return self._dataset

    @property
    def options(self) -> GraphOptions:
        """The options the graph was built with."""
        return self._options

    @property
    def info(self) -> GraphInfo:
        """What building the graph did with the dataset's ties."""
        self._handle  # raises once closed
        return self._info

    @property
    def actor_count(self) -> int:
        """Number of vertices (actors in the graph)."""
        return _native.call("ecosys_graph_actor_count", self._handle)

    @property
    def tie_count(self) -> int:
        """Number of edges (after merging repeated ties)."""
        return _native.call("ecosys_graph_tie_count", self._handle)

    @property
    def directed(self) -> bool:
        """True if the graph is directed."""
        return _native.call("ecosys_graph_is_directed", self._handle)

    def __len__(self) -> int:
        return self.actor_count

    def _actor_indices(self) -> List[int]:
        if self._indices is None:
            handle = self._handle
            n = self._info.actor_count
            if self._info.actors_filtered_out == 0:
                self._indices = list(range(n))  # vertex order is dataset order
            else:
                self._indices = _native.graph_actor_indices(handle, n)
        return self._indices

    @property
    def actor_ids(self) -> List[str]:
        """Actor ids in vertex order: the keys, in order, of every measure's dict."""
        if self._ids is None:
            self._handle
            ids = self._dataset._ids()
            self._ids = [ids[i] for i in self._actor_indices()]
        return list(self._ids)

    def _keys(self) -> List[str]:
        """actor_ids without the defensive copy (for the measures)."""
        if self._ids is None:
            self.actor_ids
        self._handle
        return self._ids  # type: ignore[return-value]

    @property
    def actors(self) -> GraphActors:
        """The graph's actors in vertex order (views into the dataset)."""
        return GraphActors(self)

    def vertex(self, actor: Union[str, Actor]) -> int:
        """Vertex index of an actor (by id or view).

        Raises:
            NotFoundError: no such actor, or it is not in the graph.
        """
        index = actor.index if isinstance(actor, Actor) else self._dataset.find_actor(actor)
        return _native.graph_vertex(self._handle, index)

    def actor(self, vertex: int) -> Actor:
        """The actor at a vertex index."""
        indices = self._actor_indices()
        if not 0 <= vertex < len(indices):
            raise invalid(f"vertex {vertex} out of range (0..{len(indices) - 1})")
        return Actor(self._dataset, indices[vertex])

    def edges(self) -> List[Edge]:
        """Every edge as (source id, target id, summed weight), in edge order."""
        sources, targets, weights = _native.graph_edges(self._handle)
        keys = self._keys()
        return [Edge(keys[s], keys[t], w) for s, t, w in zip(sources, targets, weights)]

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __repr__(self) -> str:
        if self.closed:
            return "<Graph (closed)>"
        i = self._info
        kind = "directed" if i.directed else "undirected"
        return f"<Graph: {i.actor_count} actors, {i.tie_count} ties, {kind}>"


def _native_options(options: GraphOptions) -> Any:
    """The ecosys_graph_options of ``options`` (dates already text)."""
    directed = options.directed
    return _native.graph_options(
        0 if directed is None else (2 if directed else 1),
        _native.text(options.at, "at"), _native.text(options.from_, "from_"),
        _native.text(options.to, "to"), _native.text(options.axis, "axis"),
        _native.text(options.kind, "kind"), _native.text(options.territory, "territory"),
        bool(options.drop_isolates))


def _field_names(cls: Any) -> List[str]:
    return [f.name for f in fields(cls)]


def options_dict(options: GraphOptions) -> Dict[str, Any]:
    """The options as a dict (``from_`` spelled ``from`` as in C and JSON)."""
    d = {name: getattr(options, name) for name in _field_names(GraphOptions)}
    d["from"] = d.pop("from_")
    return d
