"""Optional conversions to NetworkX and pandas.

Neither library is required by ecosys: each is imported when a function
here is first called, and a missing one raises ImportError naming it.
"""

from __future__ import annotations

import importlib
from typing import Any, Iterable, NamedTuple, Optional, Union

from .dataset import Dataset
from .graph import Graph

__all__ = ["to_networkx", "to_pandas", "DataFrames"]


def _require(module: str, purpose: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{purpose} needs {module}, which is not installed "
                          f"(Debian: apt install python3-{module})") from exc


def to_networkx(obj: Union[Graph, Dataset], *,
                measures: Optional[Iterable[str]] = None) -> Any:
    """Converts to a NetworkX graph.

    - A :class:`Graph` gives an ``nx.Graph`` (``nx.DiGraph`` if directed):
      one node per actor of the graph, keyed by id, with the actor's fields
      and free attributes as node attributes, and one edge per graph edge
      with its summed ``weight``. ``measures`` names actor-level measures
      (see :func:`ecosys.measures.available`) to add as node attributes.
    - A :class:`Dataset` gives an ``nx.MultiGraph`` (``nx.MultiDiGraph``)
      with every tie as stored (self-ties, repeats, weight 0 included), keyed
      by tie index, with all its fields and free attributes.
    """
    nx = _require("networkx", "to_networkx")
    if isinstance(obj, Graph):
        g = nx.DiGraph() if obj.directed else nx.Graph()
        for actor in obj.actors:
            row = actor.as_dict()
            g.add_node(row.pop("id"), **row)
        for name in measures or ():
            from .measures import compute, measure_info
            if measure_info(name).level != "actor":
                raise ValueError(f"{name!r} is not an actor-level measure")
            values = compute(obj, name)
            if name == "components":
                values = values.membership
            nx.set_node_attributes(g, values, name)
        for source, target, weight in obj.edges():
            g.add_edge(source, target, weight=weight)
        return g
    if isinstance(obj, Dataset):
        g = nx.MultiDiGraph() if obj.directed else nx.MultiGraph()
        for actor in obj.actors:
            row = actor.as_dict()
            g.add_node(row.pop("id"), **row)
        for tie in obj.ties:
            row = tie.as_dict()
            g.add_edge(row.pop("source"), row.pop("target"), key=tie.index, **row)
        return g
    raise TypeError(f"to_networkx takes a Graph or a Dataset, not {type(obj).__name__}")


class DataFrames(NamedTuple):
    """The two tables of a dataset as pandas DataFrames."""
    actors: Any
    ties: Any


def to_pandas(obj: Union[Graph, Dataset], *,
              measures: Optional[Iterable[str]] = None) -> Any:
    """Converts to pandas.

    - A :class:`Dataset` gives :class:`DataFrames` ``(actors, ties)``: one row
      per actor (index: id) and per tie, every field and free attribute.
    - A :class:`Graph` gives one DataFrame of its actors in vertex order
      (index: id) with their fields, plus one column per actor-level
      measure named in ``measures`` (default: none).
    """
    pd = _require("pandas", "to_pandas")
    if isinstance(obj, Dataset):
        actors = pd.DataFrame([a.as_dict() for a in obj.actors],
                              columns=["id", "name", "sector", "territory", "axes",
                                       *obj.attributes("actors")]).set_index("id")
        ties = pd.DataFrame([t.as_dict() for t in obj.ties],
                            columns=["source", "target", "weight", "kind", "axis", "start",
                                     "end", *obj.attributes("ties")])
        return DataFrames(actors, ties)
    if isinstance(obj, Graph):
        frame = pd.DataFrame([a.as_dict() for a in obj.actors],
                             columns=["id", "name", "sector", "territory", "axes",
                                      *obj.dataset.attributes("actors")]).set_index("id")
        for name in measures or ():
            from .measures import compute, measure_info
            if measure_info(name).level != "actor":
                raise ValueError(f"{name!r} is not an actor-level measure")
            values = compute(obj, name)
            if name == "components":
                values = values.membership
            frame[name] = pd.Series(values)
        return frame
    raise TypeError(f"to_pandas takes a Graph or a Dataset, not {type(obj).__name__}")
