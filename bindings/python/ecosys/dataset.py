"""Datasets: actors, collaborations (ties) and their free attributes.

A :class:`Dataset` is the data as read from files or built in Python: every
actor and every tie (self-ties, repeated ties and ties of weight 0
included), every attribute kept as text. Its :attr:`Dataset.actors` and
:attr:`Dataset.ties` are read-only sequences of :class:`Actor` and
:class:`Tie` views.
"""

from __future__ import annotations

import datetime
import enum
import os
import weakref
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple,
                    Union, overload)

from . import _native
from ._handles import Owner, attach
from .errors import NotFoundError, invalid

__all__ = ["Dataset", "Actor", "Tie", "ActorSequence", "TieSequence", "Format", "Table",
           "parse_date", "detect_format", "ACTOR_FIELDS", "TIE_FIELDS"]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

#: Built-in fields of an actor, in file order.
ACTOR_FIELDS = ("id", "name", "sector", "territory", "axes")
#: Built-in fields of a tie, in file order.
TIE_FIELDS = ("source", "target", "weight", "kind", "axis", "start", "end")


class Format(enum.IntEnum):
    """File formats of a dataset (``ecosys_format``)."""
    AUTO = 0     #: guess from the path: a directory is CSV, .graphml/.xml GraphML, .json JSON
    CSV = 1      #: a directory holding actors.csv and collaborations.csv
    GRAPHML = 2  #: one GraphML file
    JSON = 3     #: one node-link JSON file (NetworkX's node_link_data)


class Table(enum.IntEnum):
    """The two tables of a dataset (``ecosys_table``)."""
    ACTORS = 0  #: actors.csv: one row per actor
    TIES = 1    #: collaborations.csv: one row per tie


def _format(value: Union[None, str, Format]) -> Format:
    if value is None:
        return Format.AUTO
    if isinstance(value, Format):
        return value
    if isinstance(value, str):
        try:
            return Format[value.upper()]
        except KeyError:
            pass
    raise invalid(f"unknown format {value!r}: expected 'csv', 'graphml', 'json' or None")


def _table(value: Union[str, Table]) -> Table:
    if isinstance(value, Table):
        return value
    if isinstance(value, str):
        key = {"actors": "ACTORS", "actor": "ACTORS", "ties": "TIES", "tie": "TIES",
               "collaborations": "TIES"}.get(value.lower())
        if key:
            return Table[key]
    raise invalid(f"unknown table {value!r}: expected 'actors' or 'ties'")


def _axes_text(axes: Union[None, str, Iterable[str]]) -> str:
    if axes is None:
        return ""
    if isinstance(axes, str):
        return axes
    return ";".join(axes)


def _date_text(value: Union[None, str, datetime.date]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    raise TypeError(f"a date must be a str (YYYY, YYYY-MM, YYYY-MM-DD) or a datetime.date, "
                    f"not {type(value).__name__}")


def _attribute_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


_EPOCH = datetime.date(1970, 1, 1)


def parse_date(text: str) -> Tuple[datetime.date, datetime.date]:
    """Parses an ISO 8601 date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into the
    first and last day of the period it names: ``"2019"`` gives
    ``(date(2019, 1, 1), date(2019, 12, 31))``.

    Raises:
        InvalidArgumentError: anything else (the message says why).
    """
    first, last = _native.date_parse(_native.text(text, "date"))
    return (_EPOCH + datetime.timedelta(days=first), _EPOCH + datetime.timedelta(days=last))


def detect_format(path: PathLike) -> Format:
    """Guesses the format of ``path`` as :attr:`Format.AUTO` does.

    Raises:
        EcosysIOError: the path does not exist.
        UnsupportedError: the format cannot be told from the path.
    """
    return Format(_native.format_detect(_native.path(path)))


class Actor:
    """A read-only view of one actor of a dataset.

    Reads through to the dataset: keep the view, not its values, and it
    always shows the dataset's current content. ``actor["column"]`` reads
    any built-in field or free attribute as text.
    """

    __slots__ = ("_dataset", "_index", "__weakref__")

    def __init__(self, dataset: "Dataset", index: int) -> None:
        self._dataset = dataset
        self._index = index

    @property
    def dataset(self) -> "Dataset":
        """The dataset this actor belongs to."""
        return self._dataset

    @property
    def index(self) -> int:
        """The actor's index in the dataset (0-based, in input order)."""
        return self._index

    def _fields(self) -> Tuple[str, str, str, str, str]:
        return _native.dataset_actor(self._dataset._handle, self._index)

    @property
    def id(self) -> str:
        """The unique id."""
        return self._dataset._ids()[self._index]

    @property
    def name(self) -> str:
        """The display name ("" if none)."""
        return self._fields()[1]

    @property
    def sector(self) -> str:
        """The sector (academia, business, public, civil_society, intermediary, ...)."""
        return self._fields()[2]

    @property
    def territory(self) -> str:
        """The territory."""
        return self._fields()[3]

    @property
    def axes(self) -> Tuple[str, ...]:
        """The thematic axes, split from the ';'-separated text (``actor["axes"]``)."""
        return tuple(a.strip() for a in self._fields()[4].split(";") if a.strip())

    def has_axis(self, axis: str) -> bool:
        """True if the actor's axes include ``axis`` (surrounding spaces ignored)."""
        return _native.call("ecosys_dataset_actor_has_axis", self._dataset._handle,
                            self._index, _native.text(axis, "axis"))

    @property
    def attributes(self) -> Dict[str, str]:
        """The free attributes (columns beyond the built-in fields), as text."""
        return self._dataset._row_attributes(Table.ACTORS, self._index)

    def __getitem__(self, column: str) -> str:
        value = _native.call("ecosys_dataset_field", self._dataset._handle, Table.ACTORS,
                             self._index, _native.text(column, "column"))
        if value is None:
            raise NotFoundError(f"actors have no column {column!r}")
        return value

    def get(self, column: str, default: Optional[str] = None) -> Optional[str]:
        """``actor[column]``, or ``default`` if there is no such column."""
        try:
            return self[column]
        except NotFoundError:
            return default

    def as_dict(self) -> Dict[str, str]:
        """Every field and free attribute, as text (``axes`` as its text)."""
        row = dict(zip(ACTOR_FIELDS, self._fields()))
        row.update(self.attributes)
        return row

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Actor):
            return NotImplemented
        return other._dataset is self._dataset and other._index == self._index

    def __hash__(self) -> int:
        return hash((id(self._dataset), self._index))

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_index"):
            raise AttributeError("Actor is a read-only view")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        try:
            fields = self._fields()
        except Exception:  # closed dataset
            return f"<Actor #{self._index} of a closed dataset>"
        return f"Actor(id={fields[0]!r}, name={fields[1]!r}, sector={fields[2]!r})"


class Tie:
    """A read-only view of one tie (collaboration) of a dataset.

    ``source`` and ``target`` are actor ids, as in the files. ``tie["column"]``
    reads any built-in field or free attribute (``"weight"`` as a float).
    """

    __slots__ = ("_dataset", "_index", "__weakref__")

    def __init__(self, dataset: "Dataset", index: int) -> None:
        self._dataset = dataset
        self._index = index

    @property
    def dataset(self) -> "Dataset":
        """The dataset this tie belongs to."""
        return self._dataset

    @property
    def index(self) -> int:
        """The tie's index in the dataset (0-based, in input order)."""
        return self._index

    def _fields(self) -> Tuple[int, int, float, str, str, str, str]:
        return _native.dataset_tie(self._dataset._handle, self._index)

    @property
    def source(self) -> str:
        """Id of the source actor."""
        return self._dataset._ids()[self._fields()[0]]

    @property
    def target(self) -> str:
        """Id of the target actor."""
        return self._dataset._ids()[self._fields()[1]]

    @property
    def source_actor(self) -> Actor:
        """The source actor."""
        return Actor(self._dataset, self._fields()[0])

    @property
    def target_actor(self) -> Actor:
        """The target actor."""
        return Actor(self._dataset, self._fields()[1])

    @property
    def weight(self) -> float:
        """Intensity, finite and >= 0 (0: kept as data, no tie for any measure)."""
        return self._fields()[2]

    @property
    def kind(self) -> str:
        """Kind: steering_committee, project, funding, advice, ..."""
        return self._fields()[3]

    @property
    def axis(self) -> str:
        """Thematic axis."""
        return self._fields()[4]

    @property
    def start(self) -> str:
        """Start date (YYYY, YYYY-MM or YYYY-MM-DD); "" = since always."""
        return self._fields()[5]

    @property
    def end(self) -> str:
        """End date; "" = still active."""
        return self._fields()[6]

    @property
    def attributes(self) -> Dict[str, str]:
        """The free attributes, as text."""
        return self._dataset._row_attributes(Table.TIES, self._index)

    def __getitem__(self, column: str) -> Union[str, float]:
        if column == "weight":
            return self.weight
        value = _native.call("ecosys_dataset_field", self._dataset._handle, Table.TIES,
                             self._index, _native.text(column, "column"))
        if value is None:
            raise NotFoundError(f"ties have no column {column!r}")
        return value

    def get(self, column: str, default: Any = None) -> Any:
        """``tie[column]``, or ``default`` if there is no such column."""
        try:
            return self[column]
        except NotFoundError:
            return default

    def as_dict(self) -> Dict[str, Any]:
        """Every field (``weight`` a float, ends as ids) and free attribute."""
        s, t, w, kind, axis, start, end = self._fields()
        ids = self._dataset._ids()
        row: Dict[str, Any] = dict(zip(TIE_FIELDS, (ids[s], ids[t], w, kind, axis, start, end)))
        row.update(self.attributes)
        return row

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tie):
            return NotImplemented
        return other._dataset is self._dataset and other._index == self._index

    def __hash__(self) -> int:
        return hash((id(self._dataset), self._index, "tie"))

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_index"):
            raise AttributeError("Tie is a read-only view")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        try:
            row = self.as_dict()
        except Exception:
            return f"<Tie #{self._index} of a closed dataset>"
        return (f"Tie(source={row['source']!r}, target={row['target']!r}, "
                f"weight={row['weight']!r}, kind={row['kind']!r})")


class ActorSequence(Sequence[Actor]):
    """The actors of a dataset, in input order; also indexable by actor id:
    ``dataset.actors[3]``, ``dataset.actors["cisca"]``, ``"cisca" in dataset.actors``.
    """

    __slots__ = ("_dataset",)

    def __init__(self, dataset: "Dataset") -> None:
        self._dataset = dataset

    def __len__(self) -> int:
        return self._dataset.actor_count

    @overload
    def __getitem__(self, key: Union[int, str]) -> Actor: ...

    @overload
    def __getitem__(self, key: slice) -> List[Actor]: ...

    def __getitem__(self, key: Union[int, str, slice]) -> Union[Actor, List[Actor]]:
        if isinstance(key, str):
            return Actor(self._dataset, self._dataset.find_actor(key))
        if isinstance(key, slice):
            return [Actor(self._dataset, i) for i in range(*key.indices(len(self)))]
        if not isinstance(key, int):
            raise TypeError(f"actor index must be an int, an id or a slice, not {type(key).__name__}")
        n = len(self)
        index = key + n if key < 0 else key
        if not 0 <= index < n:
            raise IndexError(f"actor index {key} out of range (0..{n - 1})")
        return Actor(self._dataset, index)

    def __iter__(self) -> Iterator[Actor]:
        return (Actor(self._dataset, i) for i in range(len(self)))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Actor):
            return item.dataset is self._dataset
        if isinstance(item, str):
            try:
                self._dataset.find_actor(item)
            except NotFoundError:
                return False
            return True
        return False

    def ids(self) -> List[str]:
        """Every actor id, in input order."""
        return list(self._dataset._ids())

    def __repr__(self) -> str:
        return f"<{len(self)} actors>"


class TieSequence(Sequence[Tie]):
    """The ties of a dataset, in input order, all of them as stored."""

    __slots__ = ("_dataset",)

    def __init__(self, dataset: "Dataset") -> None:
        self._dataset = dataset

    def __len__(self) -> int:
        return self._dataset.tie_count

    @overload
    def __getitem__(self, key: int) -> Tie: ...

    @overload
    def __getitem__(self, key: slice) -> List[Tie]: ...

    def __getitem__(self, key: Union[int, slice]) -> Union[Tie, List[Tie]]:
        if isinstance(key, slice):
            return [Tie(self._dataset, i) for i in range(*key.indices(len(self)))]
        if not isinstance(key, int):
            raise TypeError(f"tie index must be an int or a slice, not {type(key).__name__}")
        n = len(self)
        index = key + n if key < 0 else key
        if not 0 <= index < n:
            raise IndexError(f"tie index {key} out of range (0..{n - 1})")
        return Tie(self._dataset, index)

    def __iter__(self) -> Iterator[Tie]:
        return (Tie(self._dataset, i) for i in range(len(self)))

    def __repr__(self) -> str:
        return f"<{len(self)} ties>"


ActorRecord = Union[str, Mapping[str, Any]]
TieRecord = Union[Mapping[str, Any], Sequence[Any]]


class Dataset:
    """A dataset: actors, ties and free attributes, owned by the C library.

    Create one with :meth:`read`, :meth:`from_records`, or ``Dataset()``
    (empty) and :meth:`add_actor` / :meth:`add_tie`. Its memory is freed by
    :meth:`close`, at the end of a ``with`` block, or when it is garbage
    collected, whichever comes first; closing it also closes the graphs
    built from it.

    A dataset cannot change while a graph built from it is open (the graph
    reads it): close the graphs first.
    """

    def __init__(self, directed: bool = False) -> None:
        """Creates an empty dataset whose ties are ``directed`` or not."""
        self._init_handle(_native.dataset_new(directed))

    def _init_handle(self, handle: int) -> None:
        self._owner = Owner(handle, _native.dataset_free, "dataset")
        self._finalizer = attach(self, self._owner)
        self._graphs: "weakref.WeakSet[Any]" = weakref.WeakSet()
        self._id_cache: Optional[List[str]] = None
        self.source: Optional[str] = None

    @classmethod
    def _from_handle(cls, handle: int) -> "Dataset":
        self = cls.__new__(cls)
        self._init_handle(handle)
        return self

    # ---- creation -----------------------------------------------------------------------

    @classmethod
    def read(cls, path: PathLike, format: Union[None, str, Format] = None) -> "Dataset":
        """Reads a dataset: a CSV directory, a GraphML file or a node-link JSON file.

        Args:
            path: the directory or file.
            format: ``"csv"``, ``"graphml"``, ``"json"`` or None to guess from
                the path (a directory is CSV).

        Raises:
            ParseError: bad input; ``.file``, ``.line``, ``.column`` say where.
            EcosysIOError: the path cannot be opened or read (an ``OSError``).
            UnsupportedError: the format cannot be told or is not supported.
        """
        dataset = cls._from_handle(_native.dataset_read(_native.path(path), _format(format)))
        dataset.source = os.fsdecode(path)
        return dataset

    @classmethod
    def from_records(cls, actors: Union[None, Iterable[ActorRecord],
                                        Mapping[str, Mapping[str, Any]]] = None,
                     ties: Iterable[TieRecord] = (), directed: bool = False) -> "Dataset":
        """Builds a dataset from Python values.

        Args:
            actors: actor ids (str), or dicts with ``id`` and any of ``name``,
                ``sector``, ``territory``, ``axes`` (text ``"a;b"`` or a list)
                and free attributes, or a dict ``{id: {field: value}}``.
                None: the actors named by the ties, in order of appearance.
            ties: dicts with ``source``, ``target`` (actor ids) and any of
                ``weight`` (default 1), ``kind``, ``axis``, ``start``, ``end``
                and free attributes; or tuples ``(source, target)`` or
                ``(source, target, weight)``.
            directed: whether ties are directed.

        Free attribute values are stored as text (``str(value)``; None is "").

        Raises:
            InvalidArgumentError: a bad value (empty id, negative weight, bad date...).
            AlreadyExistsError: a repeated actor id.
            NotFoundError: a tie names an unknown actor.
        """
        dataset = cls(directed)
        try:
            tie_list = list(ties)
            if actors is None:
                seen: Dict[str, None] = {}
                for tie in tie_list:
                    s, t = _tie_ends(tie)
                    seen.setdefault(s)
                    seen.setdefault(t)
                actor_iter: Iterable[ActorRecord] = list(seen)
            elif isinstance(actors, Mapping):
                actor_iter = [dict(fields, id=key) for key, fields in actors.items()]
            else:
                actor_iter = actors
            for record in actor_iter:
                if isinstance(record, str):
                    dataset.add_actor(record)
                elif isinstance(record, Mapping):
                    dataset.add_actor(**{str(k): v for k, v in record.items()})
                else:
                    raise TypeError(f"an actor must be an id or a dict, not "
                                    f"{type(record).__name__}")
            for tie in tie_list:
                if isinstance(tie, Mapping):
                    dataset.add_tie(**{str(k): v for k, v in tie.items()})
                else:
                    dataset.add_tie(*tie)
        except BaseException:
            dataset.close()
            raise
        return dataset

    # ---- life ---------------------------------------------------------------------------

    @property
    def _handle(self) -> int:
        return self._owner.handle

    def close(self) -> None:
        """Frees the dataset now, closing the graphs built from it first.
        Calling it again does nothing."""
        for graph in list(self._graphs):
            graph.close()
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return not self._finalizer.alive

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_mutable(self) -> None:
        if len(self._graphs):
            raise invalid("this dataset cannot change while a graph built from it is open: "
                          "close the graphs first")

    # ---- reading ------------------------------------------------------------------------

    @property
    def directed(self) -> bool:
        """Whether ties are directed (settable while no graph is open)."""
        return _native.call("ecosys_dataset_is_directed", self._handle)

    @directed.setter
    def directed(self, value: bool) -> None:
        self._check_mutable()
        _native.call("ecosys_dataset_set_directed", self._handle, 1 if value else 0)

    @property
    def actor_count(self) -> int:
        """Number of actors."""
        return _native.call("ecosys_dataset_actor_count", self._handle)

    @property
    def tie_count(self) -> int:
        """Number of ties, all of them as stored."""
        return _native.call("ecosys_dataset_tie_count", self._handle)

    @property
    def actors(self) -> ActorSequence:
        """The actors, in input order (also indexable by id)."""
        return ActorSequence(self)

    @property
    def ties(self) -> TieSequence:
        """The ties, in input order."""
        return TieSequence(self)

    def _ids(self) -> List[str]:
        handle = self._handle  # raises once closed, cache or not
        ids = self._id_cache
        if ids is None:
            ids = self._id_cache = _native.dataset_actor_ids(handle)
        return ids

    def find_actor(self, actor_id: str) -> int:
        """Index of the actor with this id.

        Raises:
            NotFoundError: no actor has this id (a ``LookupError``).
        """
        return _native.dataset_find_actor(self._handle, _native.text(actor_id, "actor id"))

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (raises NotFoundError if none)."""
        return Actor(self, self.find_actor(actor_id))

    def attributes(self, table: Union[str, Table] = Table.ACTORS) -> List[str]:
        """Names of the free attributes of a table, in order."""
        return _native.dataset_attribute_names(self._handle, _table(table))

    def attribute_type(self, name: str, table: Union[str, Table] = Table.ACTORS) -> str:
        """Declared type of a free attribute ("string", "int", "double", ...)."""
        t = _table(table)
        index = _native.dataset_find_attribute(self._handle, t, _native.text(name, "attribute"))
        return _native.call("ecosys_dataset_attribute_type", self._handle, t, index) or ""

    def has_field(self, column: str, table: Union[str, Table] = Table.ACTORS) -> bool:
        """True if ``column`` is a built-in field or a free attribute of the table."""
        return _native.call("ecosys_dataset_has_field", self._handle, _table(table),
                            _native.text(column, "column"))

    def _row_attributes(self, table: Table, row: int) -> Dict[str, str]:
        handle = self._handle
        names = _native.dataset_attribute_names(handle, table)
        return {name: _native.call("ecosys_dataset_attribute", handle, table, row, i) or ""
                for i, name in enumerate(names)}

    # ---- building -----------------------------------------------------------------------

    def add_actor(self, id: str, name: str = "", sector: str = "", territory: str = "",
                  axes: Union[None, str, Iterable[str]] = "", **attributes: Any) -> Actor:
        """Appends an actor; extra keyword arguments are free attributes
        (created if missing, stored as text).

        Raises:
            InvalidArgumentError: empty id or invalid text.
            AlreadyExistsError: the id is already used.
        """
        self._check_mutable()
        handle = self._handle
        fields = (_native.text(id, "id"), _native.text(_attribute_text(name), "name"),
                  _native.text(_attribute_text(sector), "sector"),
                  _native.text(_attribute_text(territory), "territory"),
                  _native.text(_axes_text(axes), "axes"))
        index = _native.dataset_add_actor(handle, fields)
        if self._id_cache is not None:
            self._id_cache.append(id)
        for key, value in attributes.items():
            self._set(Table.ACTORS, index, key, value)
        return Actor(self, index)

    def add_tie(self, source: str, target: str, weight: float = 1.0, kind: str = "",
                axis: str = "", start: Union[None, str, datetime.date] = "",
                end: Union[None, str, datetime.date] = "", **attributes: Any) -> Tie:
        """Appends a tie between two actors given by id; extra keyword
        arguments are free attributes.

        Raises:
            NotFoundError: an end is not an actor of the dataset.
            InvalidArgumentError: a negative, NaN or infinite weight, a
                malformed date, an end before its start.
        """
        self._check_mutable()
        handle = self._handle
        s = self.find_actor(source)
        t = self.find_actor(target)
        try:
            w = float(weight)
        except (TypeError, ValueError):
            raise invalid(f"weight {weight!r} is not a number") from None
        fields = (_native.text(_attribute_text(kind), "kind"),
                  _native.text(_attribute_text(axis), "axis"),
                  _native.text(_date_text(start) or "", "start"),
                  _native.text(_date_text(end) or "", "end"))
        index = _native.dataset_add_tie(handle, s, t, w, fields)
        for key, value in attributes.items():
            self._set(Table.TIES, index, key, value)
        return Tie(self, index)

    def add_attribute(self, name: str, table: Union[str, Table] = Table.ACTORS,
                      type: Optional[str] = None) -> None:
        """Adds a free attribute (column) to a table; existing rows get "".

        Args:
            type: declared type ("string", "boolean", "int", "long", "float",
                "double"), written to GraphML; default "string".

        Raises:
            AlreadyExistsError: the name is a built-in field or already exists.
        """
        self._check_mutable()
        t = _table(table)
        index = _native.dataset_add_attribute(self._handle, t, _native.text(name, "attribute"))
        if type is not None:
            _native.call("ecosys_dataset_set_attribute_type", self._handle, t, index,
                         _native.text(type, "type"))

    def set_attribute_type(self, name: str, type: str,
                           table: Union[str, Table] = Table.ACTORS) -> None:
        """Declares the type of a free attribute (GraphML's attr.type vocabulary)."""
        self._check_mutable()
        t = _table(table)
        index = _native.dataset_find_attribute(self._handle, t, _native.text(name, "attribute"))
        _native.call("ecosys_dataset_set_attribute_type", self._handle, t, index,
                     _native.text(type, "type"))

    def set_attribute(self, row: Union[Actor, Tie], name: str, value: Any) -> None:
        """Sets a free attribute of one actor or tie (created if missing)."""
        self._check_mutable()
        if isinstance(row, Actor):
            table = Table.ACTORS
        elif isinstance(row, Tie):
            table = Table.TIES
        else:
            raise TypeError("row must be an Actor or a Tie of this dataset")
        if row.dataset is not self:
            raise invalid("row belongs to another dataset")
        self._set(table, row.index, name, value)

    def _set(self, table: Table, row: int, name: str, value: Any) -> None:
        handle = self._handle
        encoded = _native.text(name, "attribute name")
        if not _native.call("ecosys_dataset_has_field", handle, table, encoded):
            _native.dataset_add_attribute(handle, table, encoded)
        try:
            index = _native.dataset_find_attribute(handle, table, encoded)
        except NotFoundError:
            raise invalid(f"{name!r} is a built-in field: pass it as a parameter") from None
        _native.call("ecosys_dataset_set_attribute", handle, table, row, index,
                     _native.text(_attribute_text(value), name))

    # ---- writing and comparing ---------------------------------------------------------------

    def write(self, path: PathLike, format: Union[None, str, Format] = None) -> None:
        """Writes the dataset. For CSV, ``path`` is a directory, created if
        missing. ``format`` None guesses from the extension (none: CSV).
        Reading the result back gives an equal dataset.

        Raises:
            EcosysIOError: the files cannot be written.
        """
        _native.dataset_write(self._handle, _native.path(path), _format(format))

    def difference(self, other: "Dataset") -> Optional[str]:
        """The first difference from ``other``, or None if they are equal
        (same direction, actors, ties, attributes and values, in order)."""
        equal, described = _native.dataset_equal(self._handle, other._handle)
        return None if equal else (described or "the datasets differ")

    def equals(self, other: "Dataset") -> bool:
        """True if :meth:`difference` finds none."""
        return self.difference(other) is None

    def graph(self, **options: Any) -> Any:
        """A :class:`ecosys.Graph` of this dataset (same options as Graph)."""
        from .graph import Graph
        return Graph(self, **options)

    def __repr__(self) -> str:
        if self.closed:
            return "<Dataset (closed)>"
        kind = "directed" if self.directed else "undirected"
        where = f" from {self.source!r}" if self.source else ""
        return f"<Dataset{where}: {self.actor_count} actors, {self.tie_count} ties, {kind}>"


def _tie_ends(tie: TieRecord) -> Tuple[str, str]:
    if isinstance(tie, Mapping):
        return tie["source"], tie["target"]
    return tie[0], tie[1]
