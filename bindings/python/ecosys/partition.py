"""Groups of actors: by a categorical attribute, or any membership
(``ecosys/partition.h``).

A :class:`Partition` gives every actor of a graph exactly one group. The
measures across groups (mixing, E-I index, brokerage roles, participation)
take one, or an attribute name from which they build one; communities
produce one.

>>> with ecosys.Partition.by_attribute(g, "sector") as p:      # doctest: +SKIP
...     p.groups                      # ['association', 'company', ...]
...     p.membership["a01"]           # 'association'

By attribute, each distinct text value is a group (compared byte for byte);
an empty value is a group of its own named ``""``. Groups are numbered
0, 1, ... in the order of the first actor that has them.

The partition copies what it needs: it does not keep the graph open and
never changes. Free it with :meth:`Partition.close`, a ``with`` block, or
let the garbage collector do it.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Dict, Hashable, Iterable, Iterator, List, Mapping, Optional, Sequence, \
    Union

from . import _native
from ._handles import Owner, attach
from .errors import invalid
from .graph import Graph

__all__ = ["Partition"]


class Partition:
    """A partition of a graph's actors (or of ``n`` vertices) into groups.

    Build one with :meth:`by_attribute` or :meth:`from_membership`.

    Attributes read from the C partition (copied once, at construction):
        groups: group names in group order (index = group number).
        sizes: number of actors of each group, in group order.
    """

    __slots__ = ("_owner", "_finalizer", "_keys", "_groups", "_sizes", "_membership",
                 "__weakref__")

    def __init__(self, handle: int, keys: Sequence[Hashable],
                 names: Optional[Sequence[str]] = None) -> None:
        """Private: use :meth:`by_attribute` or :meth:`from_membership`."""
        self._owner = Owner(handle, _native.partition_free, "partition")
        self._finalizer = attach(self, self._owner)
        self._keys = list(keys)
        groups = _native.partition_groups(handle)
        self._groups = list(names) if names is not None else [name for name, _ in groups]
        self._sizes = [size for _, size in groups]
        self._membership = _native.partition_membership(handle)

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def by_attribute(cls, graph: Graph, attribute: str) -> "Partition":
        """Groups the graph's actors by the value of an actor attribute.

        Args:
            graph: the graph.
            attribute: ``"sector"``, ``"territory"``, ``"axes"``, ``"name"``,
                ``"id"`` or a free actor attribute of the dataset.

        Raises:
            InvalidArgumentError: no such attribute (the message lists the
                available ones).
        """
        if not isinstance(graph, Graph):
            raise TypeError(f"graph must be an ecosys.Graph, not {type(graph).__name__}")
        handle = _native.partition_by_attribute(graph._handle,
                                                _native.text(attribute, "attribute"))
        return cls._own(handle, graph._keys())

    @classmethod
    def from_membership(cls, graph_or_count: Union[Graph, int],
                        membership: Union[Mapping[Any, Hashable], Iterable[Hashable]]
                        ) -> "Partition":
        """Builds a partition from each actor's group label.

        Args:
            graph_or_count: a :class:`Graph` (keys are actor ids) or a number
                of vertices ``n`` (keys are vertex indices 0..n-1).
            membership: a dict {actor id (or vertex index): label} covering
                every actor, or a sequence of labels in vertex order.
                Labels that are all non-negative ints keep the C library's
                names (their decimal text, ``"5"``); any other labels are
                named by ``str(label)``. Groups are numbered in order of
                first appearance.

        Raises:
            InvalidArgumentError: a missing, unknown or extra actor, or a
                sequence of the wrong length.
        """
        if isinstance(graph_or_count, Graph):
            keys: List[Hashable] = list(graph_or_count._keys())
            graph_or_count._handle  # raises once closed
        elif isinstance(graph_or_count, int) and not isinstance(graph_or_count, bool):
            if graph_or_count < 0:
                raise invalid("the vertex count must be >= 0")
            keys = list(range(graph_or_count))
        else:
            raise TypeError("graph_or_count must be an ecosys.Graph or an int, not "
                            f"{type(graph_or_count).__name__}")
        if isinstance(membership, Mapping):
            missing = [k for k in keys if k not in membership]
            if missing:
                raise invalid(f"membership lacks {len(missing)} actor(s), e.g. {missing[0]!r}")
            if len(membership) != len(keys):
                known = set(keys)
                extra = next(k for k in membership if k not in known)
                raise invalid(f"membership names {extra!r}, which is not in the graph")
            labels = [membership[k] for k in keys]
        else:
            labels = list(membership)
            if len(labels) != len(keys):
                raise invalid(f"membership has {len(labels)} labels for {len(keys)} vertices")
        if all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in labels):
            return cls._own(_native.partition_from_membership(labels), keys)
        # Other labels: numbered by first appearance (as C renumbers), named by str().
        number: Dict[Hashable, int] = {}
        for label in labels:
            number.setdefault(label, len(number))
        names = [str(label) for label in number]
        if len(set(names)) != len(names):
            raise invalid("two different labels have the same text")
        return cls._own(_native.partition_from_membership([number[x] for x in labels]), keys,
                        names)

    @classmethod
    def _own(cls, handle: int, keys: Sequence[Hashable],
             names: Optional[Sequence[str]] = None) -> "Partition":
        try:
            return cls(handle, keys, names)
        except BaseException:
            _native.partition_free(handle)
            raise

    # ---- life ---------------------------------------------------------------------------------

    @property
    def _handle(self) -> int:
        return self._owner.handle

    def close(self) -> None:
        """Frees the partition now. Calling it again does nothing."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return not self._finalizer.alive

    def __enter__(self) -> "Partition":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- what it is -----------------------------------------------------------------------------

    @property
    def vertex_count(self) -> int:
        """Number of actors (vertices) partitioned."""
        return len(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def group_count(self) -> int:
        """Number of groups."""
        return len(self._groups)

    @property
    def groups(self) -> List[str]:
        """Group names in group order (the index of a name is its number)."""
        return list(self._groups)

    @property
    def sizes(self) -> Dict[str, int]:
        """{group name: number of actors}, in group order."""
        return dict(zip(self._groups, self._sizes))

    @property
    def membership(self) -> Dict[Hashable, str]:
        """{actor id (or vertex index): group name}, in vertex order."""
        groups = self._groups
        return {k: groups[g] for k, g in zip(self._keys, self._membership)}

    @property
    def group_numbers(self) -> List[int]:
        """The group number of every vertex, in vertex order."""
        return list(self._membership)

    def group_of(self, actor: Hashable) -> str:
        """The group name of an actor (by id, or vertex index for a count).

        Raises:
            NotFoundError: no such actor.
        """
        try:
            index = self._keys.index(actor)
        except ValueError:
            from .errors import NotFoundError
            raise NotFoundError(f"no actor {actor!r} in the partition") from None
        return self._groups[self._membership[index]]

    def find_group(self, name: str) -> int:
        """The number of the group named ``name``.

        Raises:
            NotFoundError: no such group.
        """
        try:
            return self._groups.index(name)
        except ValueError:
            from .errors import NotFoundError
            raise NotFoundError(f"no group {name!r} in the partition") from None

    def __repr__(self) -> str:
        if self.closed:
            return "<Partition (closed)>"
        return f"<Partition: {self.vertex_count} actors in {self.group_count} groups>"


@contextmanager
def _partition_of(graph: Graph, group: Union["Partition", str],
                  what: str = "group") -> Iterator["Partition"]:
    """``group`` itself if it is a Partition, else the partition by that
    attribute name, freed at the end of the ``with`` block. ``what`` names
    the argument in the TypeError raised for anything else."""
    if isinstance(group, Partition):
        yield group
    elif isinstance(group, str):
        with Partition.by_attribute(graph, group) as partition:
            yield partition
    else:
        raise TypeError(f"{what} must be an ecosys.Partition or an attribute name, "
                        f"not {type(group).__name__}")
