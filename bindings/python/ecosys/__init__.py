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
from .partition import Partition
from .brokerage import (ROLES, BrokerageRoles, StructuralHoles, brokerage_roles, constraint,
                        effective_size, efficiency, hierarchy, structural_holes)
from .mixing import (EIIndex, EIPermutation, MixingMatrix, assortativity, blau,
                     ei_index, ei_index_actors, ei_permutation_test, iqv, mixing_matrix)
from .communities import (COMMUNITY_ROLES, Communities, CommunitySummary, community_detect,
                          community_summary, leiden, louvain, modularity, participation,
                          role_classify, roles, within_module_z)
from .nullmodel import (NULL_MODELS, NULL_STATISTICS, NullResult, NullTest,
                        null_statistic, null_test)
from .report import summary, summary_json
from .resilience import REMOVAL_STRATEGIES, Resilience, resilience, resilience_group_order
from .territories import (TerritoryDid, TerritoryDidResult, TerritoryTable, territory_did,
                          territory_table)
from .twomode import (AxisLayer, AxisLayers, Event, HelixSynergy, Participation, Projection,
                      ProjectionWeight, add_event, add_participation, axis_layers,
                      clear_twomode, events, find_event, has_twomode, helix_synergy,
                      participation_rows, project)
from .waves import (WAVES_MEASURES, WaveChange, Waves, WaveTie, WaveTies, waves_compare,
                    waves_compare_snapshots, waves_render, waves_render_snapshots)
from .wavetest import WAVE_TEST_STATISTICS, WaveTest, wave_test

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
    # groups
    "Partition",
    # mixing
    "mixing_matrix", "ei_index", "ei_index_actors", "ei_permutation_test", "assortativity",
    "blau", "iqv", "MixingMatrix", "EIIndex", "EIPermutation",
    # brokerage
    "constraint", "effective_size", "efficiency", "hierarchy", "structural_holes",
    "brokerage_roles", "StructuralHoles", "BrokerageRoles", "ROLES",
    # communities
    "community_detect", "louvain", "leiden", "modularity", "participation",
    "within_module_z", "roles", "role_classify", "community_summary", "Communities",
    "CommunitySummary", "COMMUNITY_ROLES",
    # measures
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
    "local_clustering", "core_number", "components", "articulation_points", "bridges",
    "structure", "Structure", "Components", "MeasureInfo", "available", "compute",
    "measure_info",
    # two-mode data
    "events", "participation_rows", "add_event", "add_participation", "find_event",
    "has_twomode", "clear_twomode", "project", "axis_layers", "helix_synergy", "Event",
    "Participation", "Projection", "ProjectionWeight", "AxisLayer", "AxisLayers",
    "HelixSynergy",
    # waves
    "waves_compare", "waves_compare_snapshots", "waves_render", "waves_render_snapshots",
    "Waves", "WaveTies", "WaveTie", "WaveChange", "WAVES_MEASURES",
    # null models and significance
    "null_test", "null_statistic", "NullTest", "NullResult", "NULL_MODELS",
    "NULL_STATISTICS",
    # resilience
    "resilience", "resilience_group_order", "Resilience", "REMOVAL_STRATEGIES",
    # significance of a wave comparison
    "wave_test", "WaveTest", "WAVE_TEST_STATISTICS",
    # comparison between territories
    "territory_did", "territory_table", "TerritoryDid", "TerritoryDidResult",
    "TerritoryTable",
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
