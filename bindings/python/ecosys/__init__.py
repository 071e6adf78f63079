"""libecosys from Python: social-innovation ecosystems as networks.

A pure-Python package over the libecosys shared library (through ctypes):
read and write datasets (CSV directory, GraphML, node-link JSON), build
graphs (snapshots, filters), compute every measure and render the summary.

>>> import ecosys
>>> ds = ecosys.Dataset.read("examples/data/clermont")          # doctest: +SKIP
>>> g = ecosys.Graph(ds, at="2019-04-12")                       # doctest: +SKIP
>>> top = sorted(ecosys.betweenness(g, normalized=True).items(),
...              key=lambda kv: -kv[1])[:3]                     # doctest: +SKIP

See docs/python.md. The shared library is found through the
``ECOSYS_LIBRARY`` environment variable, beside the package, or on the
system (see :mod:`ecosys._native`); its version is checked at import.
"""

from __future__ import annotations

from . import _native
from .convert import DataFrames, to_networkx, to_pandas
from .dataset import (ACTOR_FIELDS, TIE_FIELDS, Actor, ActorSequence, Dataset, Format, Table,
                      Tie, TieSequence, detect_format, parse_date)
from .errors import (AlreadyExistsError, CancelledError, ClosedError, ComputeError,
                     EcosysError, EcosysIOError, EcosysMemoryError, InvalidArgumentError,
                     NotFoundError, ParseError, UnsupportedError)
from .graph import Edge, Graph, GraphInfo, GraphOptions
from .measures import (Components, MeasureInfo, Structure, articulation_points, available,
                       betweenness, bridges, closeness, components, compute, core_number,
                       degree, eigenvector, harmonic, local_clustering, measure_info,
                       pagerank, strength, structure)
from .report import summary, summary_json

#: Version of this binding; its major.minor is the C ABI it was written for.
__version__ = "0.1.0"

__all__ = [
    # library
    "__version__", "library_version", "library_path",
    # datasets
    "Dataset", "Actor", "Tie", "ActorSequence", "TieSequence", "Format", "Table",
    "ACTOR_FIELDS", "TIE_FIELDS", "parse_date", "detect_format",
    # graphs
    "Graph", "GraphInfo", "GraphOptions", "Edge",
    # measures
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
    "local_clustering", "core_number", "components", "articulation_points", "bridges",
    "structure", "Structure", "Components", "MeasureInfo", "available", "compute",
    "measure_info",
    # report
    "summary", "summary_json",
    # conversions
    "to_networkx", "to_pandas", "DataFrames",
    # errors
    "EcosysError", "ParseError", "InvalidArgumentError", "AlreadyExistsError",
    "UnsupportedError", "NotFoundError", "EcosysIOError", "EcosysMemoryError",
    "ComputeError", "CancelledError", "ClosedError",
]


def library_version() -> str:
    """Version of the loaded libecosys (``ecosys_version()``), e.g. "0.1.0"."""
    return _native.version()


def library_path() -> str:
    """Path or name the libecosys shared library was loaded from."""
    return _native.library_path
