"""The C library, seen through ctypes: the only module of the package that
touches ctypes.

It finds and loads libecosys, checks its version, mirrors the C structs
field for field, declares every C function it uses with ``argtypes``,
``restype`` and an ``errcheck`` that turns a negative return code into the
exception of :mod:`ecosys.errors` (built from ``ecosys_error_last()``), and
offers the rest of the package plain-Python calls: handles are ``int``,
strings are ``str``, vector results are ``array.array`` filled by one C call.

Extending (docs/python.md, "Extending"): a new capability adds its C
declarations to :data:`DECLARATIONS` under its own key, any new struct as a
``ctypes.Structure`` here, and, if its results have a new shape, one helper
next to :func:`double_vector`; its Python module then calls :func:`call` or
the helpers and never imports ctypes.

Library lookup, first that loads wins:

1. the file named by the ``ECOSYS_LIBRARY`` environment variable (if set,
   it is the only candidate: a wrong path is an error, never a silent
   fallback to another copy);
2. a library installed beside the package: ``libecosys.so*`` in the
   package directory, then the library directory of the prefix the package
   was installed into by ``cmake --install`` (recorded in ``_installed.py``);
3. the system's, found by ``ctypes.util.find_library("ecosys")``;
4. the SONAME ``libecosys.so.0.1`` through the dynamic loader's search path.
"""

from __future__ import annotations

import array
import ctypes
import ctypes.util
import os
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from . import errors

__all__: List[str] = []  # private module: nothing is public

LIBRARY_ENV = "ECOSYS_LIBRARY"
SONAME = "libecosys.so.0.1"
#: (major, minor) of the C ABI this binding was written for; the library's
#: major and minor must be these (patch releases are compatible).
ABI_VERSION = (0, 1)

# ---- finding and loading the library --------------------------------------


def _beside_package() -> List[str]:
    """Candidate library files installed beside the package."""
    here = os.path.dirname(os.path.abspath(__file__))
    found = [os.path.join(here, name) for name in (SONAME, "libecosys.so")]
    try:
        from . import _installed  # written by `cmake --install`
    except ImportError:
        pass
    else:
        found.append(os.path.normpath(os.path.join(here, _installed.LIBRARY_RELATIVE)))
    return found


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []

    def attempt(description: str, name: str) -> Optional[ctypes.CDLL]:
        try:
            return ctypes.CDLL(name)
        except OSError as exc:
            tried.append(f"  {description}: {name}: {exc}")
            return None

    explicit = os.environ.get(LIBRARY_ENV)
    if explicit and os.sep in explicit:
        explicit = os.path.abspath(explicit)
    if explicit:
        lib = attempt(f"${LIBRARY_ENV}", explicit)
        if lib is not None:
            return lib, explicit
    else:
        tried.append(f"  ${LIBRARY_ENV}: not set")
        for path in _beside_package():
            if os.path.exists(path):
                lib = attempt("beside the package", path)
                if lib is not None:
                    return lib, path
            else:
                tried.append(f"  beside the package: {path}: no such file")
        system = ctypes.util.find_library("ecosys")
        if system:
            lib = attempt("ctypes.util.find_library('ecosys')", system)
            if lib is not None:
                return lib, system
        else:
            tried.append("  ctypes.util.find_library('ecosys'): nothing found")
        lib = attempt("the SONAME", SONAME)
        if lib is not None:
            return lib, SONAME
    raise ImportError(
        "ecosys: cannot load the libecosys shared library. Tried, in order:\n"
        + "\n".join(tried)
        + f"\nInstall libecosys (cmake --install), or set {LIBRARY_ENV} to the path of "
        f"{SONAME} (for a build tree: build/libecosys.so).")


_lib, library_path = _load()

# ---- structs: the same fields, in the same order, as the C headers ------------


class ErrorStruct(ctypes.Structure):
    """ecosys_error (ecosys/common.h)."""
    _fields_ = [("code", ctypes.c_int),
                ("message", ctypes.c_char_p),
                ("source", ctypes.c_char_p),
                ("line", ctypes.c_size_t),
                ("column", ctypes.c_size_t)]


class ActorInfo(ctypes.Structure):
    """ecosys_actor_info (ecosys/dataset.h)."""
    _fields_ = [("id", ctypes.c_char_p),
                ("name", ctypes.c_char_p),
                ("sector", ctypes.c_char_p),
                ("territory", ctypes.c_char_p),
                ("axes", ctypes.c_char_p)]


class TieInfo(ctypes.Structure):
    """ecosys_tie_info (ecosys/dataset.h)."""
    _fields_ = [("source", ctypes.c_size_t),
                ("target", ctypes.c_size_t),
                ("weight", ctypes.c_double),
                ("kind", ctypes.c_char_p),
                ("axis", ctypes.c_char_p),
                ("start", ctypes.c_char_p),
                ("end", ctypes.c_char_p)]


class GraphOptions(ctypes.Structure):
    """ecosys_graph_options (ecosys/graph.h); enums are ints."""
    _fields_ = [("version", ctypes.c_uint),
                ("direction", ctypes.c_int),
                ("at", ctypes.c_char_p),
                ("from_", ctypes.c_char_p),
                ("to", ctypes.c_char_p),
                ("axis", ctypes.c_char_p),
                ("kind", ctypes.c_char_p),
                ("territory", ctypes.c_char_p),
                ("drop_isolates", ctypes.c_int)]


class GraphInfo(ctypes.Structure):
    """ecosys_graph_info (ecosys/graph.h)."""
    _fields_ = [("actor_count", ctypes.c_size_t),
                ("tie_count", ctypes.c_size_t),
                ("directed", ctypes.c_int),
                ("ties_in_dataset", ctypes.c_size_t),
                ("ties_filtered_out", ctypes.c_size_t),
                ("zero_weight_ties", ctypes.c_size_t),
                ("self_ties", ctypes.c_size_t),
                ("merged_ties", ctypes.c_size_t),
                ("actors_filtered_out", ctypes.c_size_t)]


class StructureStruct(ctypes.Structure):
    """ecosys_structure (ecosys/measures.h)."""
    _fields_ = [("actor_count", ctypes.c_size_t),
                ("tie_count", ctypes.c_size_t),
                ("directed", ctypes.c_int),
                ("weighted", ctypes.c_int),
                ("density", ctypes.c_double),
                ("mean_degree", ctypes.c_double),
                ("component_count", ctypes.c_size_t),
                ("largest_component_size", ctypes.c_size_t),
                ("isolate_count", ctypes.c_size_t),
                ("diameter", ctypes.c_double),
                ("mean_distance", ctypes.c_double),
                ("transitivity", ctypes.c_double),
                ("mean_local_clustering", ctypes.c_double),
                ("degree_centralization", ctypes.c_double),
                ("betweenness_centralization", ctypes.c_double),
                ("closeness_centralization", ctypes.c_double),
                ("eigenvector_centralization", ctypes.c_double),
                ("max_core", ctypes.c_size_t),
                ("articulation_point_count", ctypes.c_size_t),
                ("bridge_count", ctypes.c_size_t)]


class IndexList(ctypes.Structure):
    """ecosys_index_list (ecosys/measures.h)."""
    _fields_ = [("items", ctypes.POINTER(ctypes.c_size_t)),
                ("count", ctypes.c_size_t)]


class PairList(ctypes.Structure):
    """ecosys_pair_list (ecosys/measures.h)."""
    _fields_ = [("sources", ctypes.POINTER(ctypes.c_size_t)),
                ("targets", ctypes.POINTER(ctypes.c_size_t)),
                ("count", ctypes.c_size_t)]


class SummaryOptions(ctypes.Structure):
    """ecosys_summary_options (ecosys/report.h); enums are ints."""
    _fields_ = [("version", ctypes.c_uint),
                ("format", ctypes.c_int),
                ("group", ctypes.c_char_p),
                ("top", ctypes.c_size_t),
                ("title", ctypes.c_char_p),
                ("flags", ctypes.c_uint),
                ("graph_options", ctypes.POINTER(GraphOptions)),
                # version 2
                ("seed", ctypes.c_uint64),
                ("replicates", ctypes.c_size_t),
                ("communities", ctypes.c_int),
                ("skip_across_groups", ctypes.c_int)]


class MixingMatrixStruct(ctypes.Structure):
    """ecosys_mixing_matrix (ecosys/mixing.h)."""
    _fields_ = [("group_count", ctypes.c_size_t),
                ("directed", ctypes.c_int),
                ("ties", ctypes.POINTER(ctypes.c_double)),
                ("weights", ctypes.POINTER(ctypes.c_double))]


class EIIndexStruct(ctypes.Structure):
    """ecosys_ei_index (ecosys/mixing.h)."""
    _fields_ = [("group_count", ctypes.c_size_t),
                ("directed", ctypes.c_int),
                ("weighted", ctypes.c_int)] + \
        [(name, ctypes.c_double) for name in (
            "external", "internal", "ei_index", "dyads", "internal_dyads", "expected", "sd",
            "z")] + \
        [(name, ctypes.POINTER(ctypes.c_double)) for name in (
            "group_external", "group_internal", "group_ei_index", "group_expected", "group_sd",
            "group_z")]


class EIPermutationStruct(ctypes.Structure):
    """ecosys_ei_permutation (ecosys/mixing.h)."""
    _fields_ = [("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("weighted", ctypes.c_int)] + \
        [(name, ctypes.c_double) for name in (
            "observed", "mean", "sd", "z", "p_greater", "p_less")]


class StructuralHolesStruct(ctypes.Structure):
    """ecosys_structural_holes (ecosys/brokerage.h)."""
    _fields_ = [("actor_count", ctypes.c_size_t),
                ("weighted", ctypes.c_int),
                ("contacts", ctypes.POINTER(ctypes.c_size_t)),
                ("constraint", ctypes.POINTER(ctypes.c_double)),
                ("effective_size", ctypes.POINTER(ctypes.c_double)),
                ("efficiency", ctypes.POINTER(ctypes.c_double)),
                ("hierarchy", ctypes.POINTER(ctypes.c_double))]


BROKERAGE_ROLE_COUNT = 6


class BrokerageStruct(ctypes.Structure):
    """ecosys_brokerage (ecosys/brokerage.h)."""
    _fields_ = [("actor_count", ctypes.c_size_t),
                ("group_count", ctypes.c_size_t),
                ("arc_count", ctypes.c_size_t),
                ("density", ctypes.c_double),
                ("raw", ctypes.POINTER(ctypes.c_uint64)),
                ("expected", ctypes.POINTER(ctypes.c_double)),
                ("sd", ctypes.POINTER(ctypes.c_double)),
                ("z", ctypes.POINTER(ctypes.c_double)),
                ("group_expected", ctypes.POINTER(ctypes.c_double)),
                ("group_sd", ctypes.POINTER(ctypes.c_double)),
                ("graph_raw", ctypes.c_uint64 * BROKERAGE_ROLE_COUNT),
                ("graph_expected", ctypes.c_double * BROKERAGE_ROLE_COUNT),
                ("graph_sd", ctypes.c_double * BROKERAGE_ROLE_COUNT),
                ("graph_z", ctypes.c_double * BROKERAGE_ROLE_COUNT)]


class CommunityOptions(ctypes.Structure):
    """ecosys_community_options (ecosys/communities.h); enums are ints."""
    _fields_ = [("version", ctypes.c_uint),
                ("algorithm", ctypes.c_int),
                ("seed", ctypes.c_uint64),
                ("resolution", ctypes.c_double),
                ("weighted", ctypes.c_int),
                ("iterations", ctypes.c_uint)]


class CommunitySummaryStruct(ctypes.Structure):
    """ecosys_community_summary (ecosys/communities.h)."""
    _fields_ = [("community_count", ctypes.c_size_t),
                ("sizes", ctypes.POINTER(ctypes.c_size_t)),
                ("internal_ties", ctypes.POINTER(ctypes.c_size_t)),
                ("external_ties", ctypes.POINTER(ctypes.c_size_t)),
                ("internal_weight", ctypes.POINTER(ctypes.c_double)),
                ("external_weight", ctypes.POINTER(ctypes.c_double)),
                ("group_count", ctypes.c_size_t),
                ("composition", ctypes.POINTER(ctypes.c_size_t))]


#: The structs above by C name, for the layout test (tests/python).
STRUCTS: Dict[str, type] = {
    "ecosys_community_options": CommunityOptions,
    "ecosys_community_summary": CommunitySummaryStruct,
    "ecosys_structural_holes": StructuralHolesStruct,
    "ecosys_brokerage": BrokerageStruct,
    "ecosys_error": ErrorStruct,
    "ecosys_actor_info": ActorInfo,
    "ecosys_tie_info": TieInfo,
    "ecosys_graph_options": GraphOptions,
    "ecosys_graph_info": GraphInfo,
    "ecosys_structure": StructureStruct,
    "ecosys_index_list": IndexList,
    "ecosys_pair_list": PairList,
    "ecosys_summary_options": SummaryOptions,
    "ecosys_mixing_matrix": MixingMatrixStruct,
    "ecosys_ei_index": EIIndexStruct,
    "ecosys_ei_permutation": EIPermutationStruct,
}

GRAPH_OPTIONS_VERSION = 1
SUMMARY_OPTIONS_VERSION = 2


# ---- two-mode structs (ecosys/twomode.h) ------------------------------------------


class EventInfo(ctypes.Structure):
    """ecosys_event_info (ecosys/twomode.h)."""
    _fields_ = [("id", ctypes.c_char_p),
                ("name", ctypes.c_char_p),
                ("date", ctypes.c_char_p),
                ("axis", ctypes.c_char_p),
                ("kind", ctypes.c_char_p)]


class ParticipationInfo(ctypes.Structure):
    """ecosys_participation_info (ecosys/twomode.h)."""
    _fields_ = [("actor", ctypes.c_size_t),
                ("event", ctypes.c_size_t)]


class EventFilter(ctypes.Structure):
    """ecosys_event_filter (ecosys/twomode.h)."""
    _fields_ = [("axis", ctypes.c_char_p),
                ("kind", ctypes.c_char_p),
                ("at", ctypes.c_char_p),
                ("from_", ctypes.c_char_p),
                ("to", ctypes.c_char_p)]


class ProjectionOptions(ctypes.Structure):
    """ecosys_projection_options (ecosys/twomode.h); enums are ints."""
    _fields_ = [("version", ctypes.c_uint),
                ("weight", ctypes.c_int),
                ("filter", EventFilter)]


class ProjectionInfo(ctypes.Structure):
    """ecosys_projection_info (ecosys/twomode.h)."""
    _fields_ = [("events_used", ctypes.c_size_t),
                ("events_filtered_out", ctypes.c_size_t),
                ("participations_used", ctypes.c_size_t),
                ("repeated_participations", ctypes.c_size_t),
                ("single_actor_events", ctypes.c_size_t),
                ("tie_count", ctypes.c_size_t)]


class AxisLayer(ctypes.Structure):
    """ecosys_axis_layer (ecosys/twomode.h)."""
    _fields_ = [("axis", ctypes.c_char_p),
                ("event_count", ctypes.c_size_t),
                ("actor_count", ctypes.c_size_t),
                ("tie_count", ctypes.c_size_t),
                ("density", ctypes.c_double),
                ("component_count", ctypes.c_size_t),
                ("largest_component", ctypes.c_size_t)]


class MultiAxisActor(ctypes.Structure):
    """ecosys_multi_axis_actor (ecosys/twomode.h)."""
    _fields_ = [("actor", ctypes.c_size_t),
                ("axis_count", ctypes.c_size_t),
                ("axes", ctypes.c_char_p)]


class AxisLayers(ctypes.Structure):
    """ecosys_axis_layers (ecosys/twomode.h)."""
    _fields_ = [("layers", ctypes.POINTER(AxisLayer)),
                ("layer_count", ctypes.c_size_t),
                ("multi_axis", ctypes.POINTER(MultiAxisActor)),
                ("multi_axis_count", ctypes.c_size_t),
                ("unassigned_events", ctypes.c_size_t)]


HELIX_MAX_SECTORS = 4


class HelixOptions(ctypes.Structure):
    """ecosys_helix_options (ecosys/twomode.h)."""
    _fields_ = [("version", ctypes.c_uint),
                ("sectors", ctypes.POINTER(ctypes.c_char_p)),
                ("sector_count", ctypes.c_size_t),
                ("attribute", ctypes.c_char_p),
                ("keep_empty_events", ctypes.c_int),
                ("filter", EventFilter)]


class HelixSynergyStruct(ctypes.Structure):
    """ecosys_helix_synergy (ecosys/twomode.h)."""
    _fields_ = [("dimension", ctypes.c_size_t),
                ("event_count", ctypes.c_size_t),
                ("empty_events", ctypes.c_size_t),
                ("entropy", ctypes.c_double * HELIX_MAX_SECTORS),
                ("joint_entropy", ctypes.c_double),
                ("t", ctypes.c_double),
                ("redundancy", ctypes.c_double)]


STRUCTS.update({
    "ecosys_event_info": EventInfo,
    "ecosys_participation_info": ParticipationInfo,
    "ecosys_event_filter": EventFilter,
    "ecosys_projection_options": ProjectionOptions,
    "ecosys_projection_info": ProjectionInfo,
    "ecosys_axis_layer": AxisLayer,
    "ecosys_multi_axis_actor": MultiAxisActor,
    "ecosys_axis_layers": AxisLayers,
    "ecosys_helix_options": HelixOptions,
    "ecosys_helix_synergy": HelixSynergyStruct,
})

PROJECTION_OPTIONS_VERSION = 1
HELIX_OPTIONS_VERSION = 1

# ---- error checks ---------------------------------------------------------------


def _last_error(code: int) -> errors.EcosysError:
    """The exception for a failed call, from the thread's last error.

    Called from an errcheck, on the thread of the failed call and before any
    other libecosys call, so the last error is that call's. Its strings are
    copied at once (they live until the next call on this thread).
    """
    e = _lib.ecosys_error_last().contents
    if e.code == code:
        return errors.error_from_code(
            code, _decode(e.message), _decode_path(e.source), int(e.line), int(e.column))
    # The library failed without recording why: say what the code means.
    return errors.error_from_code(code, _lib.ecosys_strerror(code))


def _check_status(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck of functions returning 0 or a negative ECOSYS_E* code."""
    if result < 0:
        raise _last_error(result)
    return result


def _check_truth(result: int, func: Any, args: Tuple[Any, ...]) -> bool:
    """errcheck of predicates (int, non-zero for true; they cannot fail)."""
    return result != 0


def _check_count(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck of size_t counters (they cannot fail)."""
    return int(result)


def _check_index(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck of functions returning an index or (size_t)-1 when out of range."""
    if result == ctypes.c_size_t(-1).value:
        raise errors.invalid(f"{func.__name__}: index {args[-1]} out of range")
    return int(result)


def _check_borrowed_text(result: Optional[bytes], func: Any,
                         args: Tuple[Any, ...]) -> Optional[str]:
    """errcheck of accessors returning a borrowed string, NULL meaning absent.

    ctypes has already copied the bytes; they are decoded here.
    """
    return None if result is None else _decode(result)


def _check_static_text(result: Optional[bytes], func: Any, args: Tuple[Any, ...]) -> str:
    """errcheck of functions returning a static, never-NULL string."""
    if result is None:
        raise errors.EcosysError(f"{func.__name__} returned NULL")
    return _decode(result)


def _check_error_pointer(result: Any, func: Any, args: Tuple[Any, ...]) -> Any:
    """errcheck of ecosys_error_last (documented never NULL)."""
    if not result:
        raise errors.EcosysError("ecosys_error_last returned NULL")
    return result


def _check_void(result: None, func: Any, args: Tuple[Any, ...]) -> None:
    """errcheck of functions returning nothing (they cannot fail)."""
    return None


# ---- declarations -----------------------------------------------------------------

_p = ctypes.c_void_p
_s = ctypes.c_size_t
_t = ctypes.c_char_p
_i = ctypes.c_int
_u = ctypes.c_uint
_d = ctypes.c_double
_P = ctypes.POINTER

#: Every C function the package uses, by capability: name -> (restype,
#: argtypes, errcheck). Handles are void pointers; enums are ints.
DECLARATIONS: Dict[str, Dict[str, Tuple[Any, List[Any], Callable[..., Any]]]] = {
    "common": {
        "ecosys_error_last": (_P(ErrorStruct), [], _check_error_pointer),
        "ecosys_error_clear": (None, [], _check_void),
        "ecosys_strerror": (_t, [_i], _check_static_text),
        "ecosys_error_name": (_t, [_i], _check_static_text),
        "ecosys_version": (_t, [], _check_static_text),
        "ecosys_version_number": (_i, [], _check_count),
        "ecosys_string_free": (None, [_p], _check_void),
    },
    "dataset": {
        "ecosys_dataset_new": (_i, [_P(_p), _i], _check_status),
        "ecosys_dataset_free": (None, [_p], _check_void),
        "ecosys_dataset_is_directed": (_i, [_p], _check_truth),
        "ecosys_dataset_set_directed": (None, [_p, _i], _check_void),
        "ecosys_dataset_actor_count": (_s, [_p], _check_count),
        "ecosys_dataset_tie_count": (_s, [_p], _check_count),
        "ecosys_dataset_add_actor": (_i, [_P(_s), _p, _P(ActorInfo)], _check_status),
        "ecosys_dataset_actor": (_i, [_P(ActorInfo), _p, _s], _check_status),
        "ecosys_dataset_find_actor": (_i, [_P(_s), _p, _t], _check_status),
        "ecosys_dataset_actor_has_axis": (_i, [_p, _s, _t], _check_truth),
        "ecosys_dataset_add_tie": (_i, [_P(_s), _p, _P(TieInfo)], _check_status),
        "ecosys_dataset_tie": (_i, [_P(TieInfo), _p, _s], _check_status),
        "ecosys_dataset_attribute_count": (_s, [_p, _i], _check_count),
        "ecosys_dataset_attribute_name": (_t, [_p, _i, _s], _check_borrowed_text),
        "ecosys_dataset_attribute_type": (_t, [_p, _i, _s], _check_borrowed_text),
        "ecosys_dataset_set_attribute_type": (_i, [_p, _i, _s, _t], _check_status),
        "ecosys_dataset_add_attribute": (_i, [_P(_s), _p, _i, _t], _check_status),
        "ecosys_dataset_find_attribute": (_i, [_P(_s), _p, _i, _t], _check_status),
        "ecosys_dataset_set_attribute": (_i, [_p, _i, _s, _s, _t], _check_status),
        "ecosys_dataset_attribute": (_t, [_p, _i, _s, _s], _check_borrowed_text),
        "ecosys_dataset_field": (_t, [_p, _i, _s, _t], _check_borrowed_text),
        "ecosys_dataset_has_field": (_i, [_p, _i, _t], _check_truth),
        "ecosys_dataset_equal": (_i, [_P(_p), _p, _p], _check_status),
        "ecosys_date_parse": (_i, [_P(ctypes.c_int32), _P(ctypes.c_int32), _t],
                              _check_status),
    },
    "io": {
        "ecosys_format_detect": (_i, [_P(_i), _t], _check_status),
        "ecosys_dataset_read": (_i, [_P(_p), _t, _i], _check_status),
        "ecosys_dataset_write": (_i, [_p, _t, _i], _check_status),
    },
    "graph": {
        "ecosys_graph_options_init": (_i, [_P(GraphOptions), _u], _check_status),
        "ecosys_graph_new": (_i, [_P(_p), _p, _P(GraphOptions)], _check_status),
        "ecosys_graph_free": (None, [_p], _check_void),
        "ecosys_graph_info_get": (_i, [_P(GraphInfo), _p], _check_status),
        "ecosys_graph_actor_count": (_s, [_p], _check_count),
        "ecosys_graph_tie_count": (_s, [_p], _check_count),
        "ecosys_graph_is_directed": (_i, [_p], _check_truth),
        "ecosys_graph_actor": (_s, [_p, _s], _check_index),
        "ecosys_graph_vertex": (_i, [_P(_s), _p, _s], _check_status),
        "ecosys_graph_tie": (_i, [_P(_s), _P(_s), _P(_d), _p, _s], _check_status),
    },
    "partition": {
        "ecosys_partition_by_attribute": (_i, [_P(_p), _p, _t], _check_status),
        "ecosys_partition_from_membership": (_i, [_P(_p), _P(_s), _s], _check_status),
        "ecosys_partition_free": (None, [_p], _check_void),
        "ecosys_partition_vertex_count": (_s, [_p], _check_count),
        "ecosys_partition_group_count": (_s, [_p], _check_count),
        # Borrowed array (NULL only for a NULL partition): passed through.
        "ecosys_partition_membership": (_P(_s), [_p], lambda result, func, args: result),
        "ecosys_partition_group_of": (_s, [_p, _s], _check_index),
        "ecosys_partition_group_name": (_t, [_p, _s], _check_borrowed_text),
        "ecosys_partition_group_size": (_s, [_p, _s], _check_count),
        "ecosys_partition_find_group": (_i, [_P(_s), _p, _t], _check_status),
    },
    "mixing": {
        "ecosys_mixing_matrix_compute": (_i, [_P(MixingMatrixStruct), _p, _p], _check_status),
        "ecosys_mixing_matrix_dispose": (None, [_P(MixingMatrixStruct)], _check_void),
        "ecosys_ei_index_compute": (_i, [_P(EIIndexStruct), _p, _p, _u], _check_status),
        "ecosys_ei_index_dispose": (None, [_P(EIIndexStruct)], _check_void),
        "ecosys_ei_index_actors": (_i, [_P(_d), _p, _p, _u], _check_status),
        "ecosys_ei_permutation_test": (_i, [_P(EIPermutationStruct), _p, _p, _s,
                                            ctypes.c_uint64, _u], _check_status),
        "ecosys_assortativity_nominal": (_i, [_P(_d), _p, _p, _u], _check_status),
        "ecosys_blau": (_i, [_P(_d), _p, _p, _u], _check_status),
        "ecosys_iqv": (_i, [_P(_d), _p, _p, _u], _check_status),
    },
    "measures": {
        "ecosys_index_list_dispose": (None, [_P(IndexList)], _check_void),
        "ecosys_pair_list_dispose": (None, [_P(PairList)], _check_void),
        "ecosys_structure_compute": (_i, [_P(StructureStruct), _p, _u], _check_status),
        "ecosys_degree": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_strength": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_betweenness": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_closeness": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_harmonic": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_eigenvector": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_pagerank": (_i, [_P(_d), _p, _d, _u], _check_status),
        "ecosys_local_clustering": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_core_number": (_i, [_P(_s), _p, _u], _check_status),
        "ecosys_components": (_i, [_P(_s), _P(_s), _p], _check_status),
        "ecosys_articulation_points": (_i, [_P(IndexList), _p], _check_status),
        "ecosys_bridges": (_i, [_P(PairList), _p], _check_status),
    },
    "brokerage": {
        "ecosys_constraint": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_effective_size": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_efficiency": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_hierarchy": (_i, [_P(_d), _p, _u], _check_status),
        "ecosys_structural_holes_compute": (_i, [_P(StructuralHolesStruct), _p, _u],
                                            _check_status),
        "ecosys_structural_holes_dispose": (None, [_P(StructuralHolesStruct)], _check_void),
        "ecosys_brokerage_roles": (_i, [_P(BrokerageStruct), _p, _p, _u], _check_status),
        "ecosys_brokerage_dispose": (None, [_P(BrokerageStruct)], _check_void),
        "ecosys_brokerage_role_name": (_t, [_i], _check_borrowed_text),
    },
    "communities": {
        "ecosys_community_options_init": (_i, [_P(CommunityOptions), _u], _check_status),
        "ecosys_community_detect": (_i, [_P(_p), _P(_d), _p, _P(CommunityOptions)],
                                    _check_status),
        "ecosys_louvain": (_i, [_P(_p), _P(_d), _p, _P(CommunityOptions)], _check_status),
        "ecosys_leiden": (_i, [_P(_p), _P(_d), _p, _P(CommunityOptions)], _check_status),
        "ecosys_modularity": (_i, [_P(_d), _p, _p, _d, _u], _check_status),
        "ecosys_participation": (_i, [_P(_d), _p, _p, _u], _check_status),
        "ecosys_within_module_z": (_i, [_P(_d), _p, _p, _u], _check_status),
        "ecosys_roles": (_i, [_P(_i), _P(_d), _P(_d), _p, _p, _u], _check_status),
        "ecosys_role_classify": (_i, [_d, _d], _check_count),
        "ecosys_role_name": (_t, [_i], _check_static_text),
        "ecosys_community_summary_compute": (_i, [_P(CommunitySummaryStruct), _p, _p, _p],
                                             _check_status),
        "ecosys_community_summary_dispose": (None, [_P(CommunitySummaryStruct)], _check_void),
    },
    "report": {
        "ecosys_summary_options_init": (_i, [_P(SummaryOptions), _u], _check_status),
        "ecosys_summary_render": (_i, [_P(_p), _P(_s), _p, _P(SummaryOptions)],
                                  _check_status),
    },
}


DECLARATIONS["twomode"] = {
    "ecosys_twomode_add_event": (_i, [_P(_s), _p, _P(EventInfo)], _check_status),
    "ecosys_twomode_event_count": (_s, [_p], _check_count),
    "ecosys_twomode_event": (_i, [_P(EventInfo), _p, _s], _check_status),
    "ecosys_twomode_find_event": (_i, [_P(_s), _p, _t], _check_status),
    "ecosys_twomode_add_participation": (_i, [_P(_s), _p, _P(ParticipationInfo)],
                                         _check_status),
    "ecosys_twomode_participation_count": (_s, [_p], _check_count),
    "ecosys_twomode_participation": (_i, [_P(ParticipationInfo), _p, _s], _check_status),
    "ecosys_twomode_present": (_i, [_p], _check_truth),
    "ecosys_twomode_clear": (None, [_p], _check_void),
    "ecosys_twomode_attribute_count": (_s, [_p, _i], _check_count),
    "ecosys_twomode_attribute_name": (_t, [_p, _i, _s], _check_borrowed_text),
    "ecosys_twomode_add_attribute": (_i, [_P(_s), _p, _i, _t], _check_status),
    "ecosys_twomode_find_attribute": (_i, [_P(_s), _p, _i, _t], _check_status),
    "ecosys_twomode_set_attribute": (_i, [_p, _i, _s, _s, _t], _check_status),
    "ecosys_twomode_attribute": (_t, [_p, _i, _s, _s], _check_borrowed_text),
    "ecosys_projection_options_init": (_i, [_P(ProjectionOptions), _u], _check_status),
    "ecosys_twomode_project": (_i, [_P(_p), _P(ProjectionInfo), _p, _P(ProjectionOptions)],
                               _check_status),
    "ecosys_twomode_axis_layers": (_i, [_P(AxisLayers), _p, _P(EventFilter)], _check_status),
    "ecosys_axis_layers_dispose": (None, [_P(AxisLayers)], _check_void),
    "ecosys_helix_options_init": (_i, [_P(HelixOptions), _u], _check_status),
    "ecosys_twomode_helix_synergy": (_i, [_P(HelixSynergyStruct), _p, _P(HelixOptions)],
                                     _check_status),
}

# ---- waves (ecosys/waves.h) ----------------------------------------------------------

WAVES_OPTIONS_VERSION = 1
WAVES_RENDER_OPTIONS_VERSION = 2
WAVES_MEASURE_COUNT = 17
WAVES_PRESENCE_VERTEX = 1 << 16
WAVES_NO_BROKERAGE = 1 << 17


class WavesOptions(ctypes.Structure):
    """ecosys_waves_options (ecosys/waves.h)."""
    _fields_ = [("version", ctypes.c_uint),
                ("group", ctypes.c_char_p),
                ("before_groups", ctypes.c_void_p),
                ("after_groups", ctypes.c_void_p),
                ("coordinator", ctypes.c_char_p),
                ("flags", ctypes.c_uint),
                ("before_snapshot", ctypes.POINTER(GraphOptions)),
                ("after_snapshot", ctypes.POINTER(GraphOptions))]


class WavesChange(ctypes.Structure):
    """ecosys_waves_change (ecosys/waves.h)."""
    _fields_ = [("before", ctypes.c_double),
                ("after", ctypes.c_double),
                ("change", ctypes.c_double)]


class WavesTieSet(ctypes.Structure):
    """ecosys_waves_tie_set (ecosys/waves.h)."""
    _fields_ = [("count", ctypes.c_size_t),
                ("sources", ctypes.POINTER(ctypes.c_size_t)),
                ("targets", ctypes.POINTER(ctypes.c_size_t)),
                ("flags", ctypes.POINTER(ctypes.c_uint)),
                ("by_group", ctypes.POINTER(ctypes.c_size_t)),
                ("by_axis", ctypes.POINTER(ctypes.c_size_t))]


class WavesStruct(ctypes.Structure):
    """ecosys_waves (ecosys/waves.h)."""
    _fields_ = [("directed", ctypes.c_int),
                ("flags", ctypes.c_uint),
                ("actor_count", ctypes.c_size_t),
                ("actor_ids", ctypes.POINTER(ctypes.c_char_p)),
                ("actor_presence", ctypes.POINTER(ctypes.c_uint)),
                ("actor_group", ctypes.POINTER(ctypes.c_size_t)),
                ("group_count", ctypes.c_size_t),
                ("group_names", ctypes.POINTER(ctypes.c_char_p)),
                ("axis_count", ctypes.c_size_t),
                ("axis_names", ctypes.POINTER(ctypes.c_char_p)),
                ("ties_before", ctypes.c_size_t),
                ("ties_after", ctypes.c_size_t),
                ("formed", WavesTieSet),
                ("dissolved", WavesTieSet),
                ("persisting", WavesTieSet),
                ("jaccard", ctypes.c_double),
                ("present_before", ctypes.c_size_t),
                ("present_after", ctypes.c_size_t),
                ("entering", IndexList),
                ("leaving", IndexList),
                ("coordinator_id", ctypes.c_char_p),
                ("coordinator", ctypes.c_size_t),
                ("formed_closing_triad", ctypes.c_size_t),
                ("formed_through_coordinator", ctypes.c_size_t),
                ("formed_crossing_groups", ctypes.c_size_t),
                ("triad_closure_share", ctypes.c_double),
                ("coordinator_share", ctypes.c_double),
                ("crossing_share", ctypes.c_double),
                ("measures", WavesChange * WAVES_MEASURE_COUNT)]


class WavesRenderOptions(ctypes.Structure):
    """ecosys_waves_render_options (ecosys/waves.h); enums are ints."""
    _fields_ = [("version", ctypes.c_uint),
                ("format", ctypes.c_int),
                ("title", ctypes.c_char_p),
                ("before_label", ctypes.c_char_p),
                ("after_label", ctypes.c_char_p),
                ("top", ctypes.c_size_t),
                ("significance", ctypes.c_void_p)]  # version 2 (ecosys/wavetest.h)


STRUCTS.update({
    "ecosys_waves_options": WavesOptions,
    "ecosys_waves_change": WavesChange,
    "ecosys_waves_tie_set": WavesTieSet,
    "ecosys_waves": WavesStruct,
    "ecosys_waves_render_options": WavesRenderOptions,
})

DECLARATIONS["waves"] = {
    "ecosys_waves_options_init": (_i, [_P(WavesOptions), _u], _check_status),
    "ecosys_waves_measure_name": (_t, [_i], _check_borrowed_text),
    "ecosys_waves_compare": (_i, [_P(WavesStruct), _p, _p, _P(WavesOptions)], _check_status),
    "ecosys_waves_compare_snapshots": (_i, [_P(WavesStruct), _p, _P(GraphOptions),
                                            _P(GraphOptions), _P(WavesOptions)],
                                       _check_status),
    "ecosys_waves_dispose": (None, [_P(WavesStruct)], _check_void),
    "ecosys_waves_render_options_init": (_i, [_P(WavesRenderOptions), _u], _check_status),
    "ecosys_waves_render": (_i, [_P(_p), _P(_s), _P(WavesStruct), _P(WavesRenderOptions)],
                            _check_status),
}


# ---- null models (ecosys/nullmodel.h) --------------------------------------------------


class GraphViewStruct(ctypes.Structure):
    """ecosys_graph_view (ecosys/nullmodel.h)."""
    _fields_ = [("actor_count", ctypes.c_size_t),
                ("tie_count", ctypes.c_size_t),
                ("directed", ctypes.c_int),
                ("sources", ctypes.POINTER(ctypes.c_uint32)),
                ("targets", ctypes.POINTER(ctypes.c_uint32)),
                ("groups", ctypes.POINTER(ctypes.c_size_t)),
                ("group_count", ctypes.c_size_t),
                ("replicate", ctypes.c_size_t)]


#: int (*)(double *out, const ecosys_graph_view *view, void *user)
StatisticCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_double),
                                     ctypes.POINTER(GraphViewStruct), ctypes.c_void_p)
#: int (*)(size_t done, size_t total, void *user)
ProgressCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_size_t, ctypes.c_size_t,
                                    ctypes.c_void_p)


class StatisticStruct(ctypes.Structure):
    """ecosys_statistic (ecosys/nullmodel.h); the enum is an int."""
    _fields_ = [("kind", ctypes.c_int),
                ("callback", StatisticCallback),
                ("user", ctypes.c_void_p)]


class NullOptions(ctypes.Structure):
    """ecosys_null_options (ecosys/nullmodel.h); the enum is an int."""
    _fields_ = [("version", ctypes.c_uint),
                ("model", ctypes.c_int),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint),
                ("swaps_per_tie", ctypes.c_double),
                ("progress", ProgressCallback),
                ("progress_user", ctypes.c_void_p)]


class NullResultStruct(ctypes.Structure):
    """ecosys_null_result (ecosys/nullmodel.h)."""
    _fields_ = [("kind", ctypes.c_int)] + \
        [(name, ctypes.c_double) for name in (
            "observed", "mean", "sd", "z", "p_greater", "p_less")] + \
        [("replicates", ctypes.c_size_t),
         ("valid", ctypes.c_size_t),
         ("seed", ctypes.c_uint64)]


class NullTestStruct(ctypes.Structure):
    """ecosys_null_test (ecosys/nullmodel.h)."""
    _fields_ = [("model", ctypes.c_int),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint),
                ("swaps_per_tie", ctypes.c_double),
                ("swap_attempts", ctypes.c_size_t),
                ("acceptance", ctypes.c_double),
                ("statistic_count", ctypes.c_size_t),
                ("results", ctypes.POINTER(NullResultStruct)),
                ("samples", ctypes.POINTER(ctypes.c_double))]


STRUCTS.update({
    "ecosys_graph_view": GraphViewStruct,
    "ecosys_statistic": StatisticStruct,
    "ecosys_null_options": NullOptions,
    "ecosys_null_result": NullResultStruct,
    "ecosys_null_test": NullTestStruct,
})

NULL_OPTIONS_VERSION = 1

DECLARATIONS["nullmodel"] = {
    "ecosys_null_options_init": (_i, [_P(NullOptions), _u], _check_status),
    "ecosys_null_test_run": (_i, [_P(NullTestStruct), _p, _p, _P(StatisticStruct), _s,
                                  _P(NullOptions)], _check_status),
    "ecosys_null_test_dispose": (None, [_P(NullTestStruct)], _check_void),
    "ecosys_null_statistic_compute": (_i, [_P(_d), _p, _p, _i], _check_status),
    "ecosys_null_statistic_name": (_t, [_i], _check_borrowed_text),
    "ecosys_null_model_name": (_t, [_i], _check_borrowed_text),
}


# ---- significance of a wave comparison (ecosys/wavetest.h) -----------------------------


class WaveTestOptions(ctypes.Structure):
    """ecosys_wave_test_options (ecosys/wavetest.h)."""
    _fields_ = [("version", ctypes.c_uint),
                ("group", ctypes.c_char_p),
                ("coordinator", ctypes.c_char_p),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint),
                ("progress", ProgressCallback),
                ("user", ctypes.c_void_p),
                ("flags", ctypes.c_uint)]


class WaveTestStruct(ctypes.Structure):
    """ecosys_wave_test (ecosys/wavetest.h)."""
    _fields_ = [("formed", ctypes.c_size_t),
                ("dissolved", ctypes.c_size_t),
                ("candidate_dyads", ctypes.c_size_t),
                ("formed_crossing", NullResultStruct),
                ("formed_via_coordinator", NullResultStruct),
                ("closure_via_coordinator", NullResultStruct),
                ("statistic_count", ctypes.c_size_t),
                ("changes", ctypes.POINTER(NullResultStruct)),
                ("crossing_candidates", ctypes.c_size_t),
                ("coordinator_candidates", ctypes.c_size_t),
                ("closing_candidates", ctypes.c_size_t),
                ("formed_closing_triad", ctypes.c_size_t),
                ("coordinator", ctypes.c_size_t),
                ("coordinator_contacts", ctypes.c_size_t),
                ("ties_before", ctypes.c_size_t),
                ("ties_after", ctypes.c_size_t),
                ("before_values", ctypes.c_double * 6),
                ("after_values", ctypes.c_double * 6),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint)]


STRUCTS.update({
    "ecosys_wave_test_options": WaveTestOptions,
    "ecosys_wave_test": WaveTestStruct,
})

WAVE_TEST_OPTIONS_VERSION = 1

DECLARATIONS["wavetest"] = {
    "ecosys_wave_test_options_init": (_i, [_P(WaveTestOptions), _u], _check_status),
    "ecosys_wave_test_run": (_i, [_P(WaveTestStruct), _p, _p, _P(WaveTestOptions)],
                             _check_status),
    "ecosys_wave_test_dispose": (None, [_P(WaveTestStruct)], _check_void),
}



# ---- comparison between territories (ecosys/territories.h) -----------------------------


class TerritoryOptions(ctypes.Structure):
    """ecosys_territory_options (ecosys/territories.h); the enum is an int."""
    _fields_ = [("version", ctypes.c_uint),
                ("group", ctypes.c_char_p),
                ("territories", ctypes.POINTER(ctypes.c_char_p)),
                ("territory_count", ctypes.c_size_t),
                ("model", ctypes.c_int),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint),
                ("swaps_per_tie", ctypes.c_double),
                ("progress", ProgressCallback),
                ("progress_user", ctypes.c_void_p)]


class TerritoryDidResultStruct(ctypes.Structure):
    """ecosys_territory_did_result (ecosys/territories.h)."""
    _fields_ = [("kind", ctypes.c_int)] + \
        [(name, ctypes.c_double) for name in (
            "treated_change", "comparison_change", "did", "p_greater", "p_less")] + \
        [("comparisons", ctypes.c_size_t),
         ("arrangements", ctypes.c_size_t)]


class TerritoryDidStruct(ctypes.Structure):
    """ecosys_territory_did (ecosys/territories.h)."""
    _fields_ = [("territory_count", ctypes.c_size_t),
                ("territories", ctypes.POINTER(ctypes.c_char_p)),
                ("treated", ctypes.c_size_t),
                ("statistic_count", ctypes.c_size_t),
                ("actors_before", ctypes.POINTER(ctypes.c_size_t)),
                ("ties_before", ctypes.POINTER(ctypes.c_size_t)),
                ("actors_after", ctypes.POINTER(ctypes.c_size_t)),
                ("ties_after", ctypes.POINTER(ctypes.c_size_t)),
                ("before", ctypes.POINTER(ctypes.c_double)),
                ("after", ctypes.POINTER(ctypes.c_double)),
                ("did_as_treated", ctypes.POINTER(ctypes.c_double)),
                ("results", ctypes.POINTER(TerritoryDidResultStruct))]


class TerritoryTableStruct(ctypes.Structure):
    """ecosys_territory_table (ecosys/territories.h)."""
    _fields_ = [("model", ctypes.c_int),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("swaps_per_tie", ctypes.c_double),
                ("territory_count", ctypes.c_size_t),
                ("territories", ctypes.POINTER(ctypes.c_char_p)),
                ("actor_counts", ctypes.POINTER(ctypes.c_size_t)),
                ("tie_counts", ctypes.POINTER(ctypes.c_size_t)),
                ("statistic_count", ctypes.c_size_t),
                ("results", ctypes.POINTER(NullResultStruct))]


STRUCTS.update({
    "ecosys_territory_options": TerritoryOptions,
    "ecosys_territory_did_result": TerritoryDidResultStruct,
    "ecosys_territory_did": TerritoryDidStruct,
    "ecosys_territory_table": TerritoryTableStruct,
})

TERRITORY_OPTIONS_VERSION = 1

DECLARATIONS["territories"] = {
    "ecosys_territory_options_init": (_i, [_P(TerritoryOptions), _u], _check_status),
    "ecosys_territory_did_run": (_i, [_P(TerritoryDidStruct), _p, _P(GraphOptions),
                                      _P(GraphOptions), _t, _P(StatisticStruct), _s,
                                      _P(TerritoryOptions)], _check_status),
    "ecosys_territory_did_dispose": (None, [_P(TerritoryDidStruct)], _check_void),
    "ecosys_territory_table_run": (_i, [_P(TerritoryTableStruct), _p, _P(GraphOptions),
                                        _P(StatisticStruct), _s, _P(TerritoryOptions)],
                                   _check_status),
    "ecosys_territory_table_dispose": (None, [_P(TerritoryTableStruct)], _check_void),
}

# ---- resilience (ecosys/resilience.h) ----------------------------------------------------


class ResilienceOptions(ctypes.Structure):
    """ecosys_resilience_options (ecosys/resilience.h); the enum is an int."""
    _fields_ = [("version", ctypes.c_uint),
                ("strategy", ctypes.c_int),
                ("adaptive", ctypes.c_int),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint),
                ("threshold", ctypes.c_double),
                ("order", ctypes.POINTER(ctypes.c_size_t)),
                ("order_length", ctypes.c_size_t),
                ("progress", ProgressCallback),
                ("progress_user", ctypes.c_void_p)]


class ResilienceStruct(ctypes.Structure):
    """ecosys_resilience (ecosys/resilience.h)."""
    _fields_ = [("strategy", ctypes.c_int),
                ("adaptive", ctypes.c_int),
                ("actor_count", ctypes.c_size_t),
                ("steps", ctypes.c_size_t),
                ("order", ctypes.POINTER(ctypes.c_size_t)),
                ("largest", ctypes.POINTER(ctypes.c_double)),
                ("largest_sd", ctypes.POINTER(ctypes.c_double)),
                ("components", ctypes.POINTER(ctypes.c_double)),
                ("robustness", ctypes.c_double),
                ("robustness_sd", ctypes.c_double),
                ("critical_fraction", ctypes.c_double),
                ("threshold", ctypes.c_double),
                ("replicates", ctypes.c_size_t),
                ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_uint),
                ("replicate_robustness", ctypes.POINTER(ctypes.c_double)),
                ("replicate_critical", ctypes.POINTER(ctypes.c_double))]


STRUCTS.update({
    "ecosys_resilience_options": ResilienceOptions,
    "ecosys_resilience": ResilienceStruct,
})

RESILIENCE_OPTIONS_VERSION = 1

DECLARATIONS["resilience"] = {
    "ecosys_resilience_options_init": (_i, [_P(ResilienceOptions), _u], _check_status),
    "ecosys_resilience_run": (_i, [_P(ResilienceStruct), _p, _P(ResilienceOptions)],
                              _check_status),
    "ecosys_resilience_dispose": (None, [_P(ResilienceStruct)], _check_void),
    "ecosys_resilience_group_order": (_i, [_P(_P(_s)), _P(_s), _p, _s], _check_status),
    "ecosys_resilience_order_free": (None, [_P(_s)], _check_void),
    "ecosys_removal_strategy_name": (_t, [_i], _check_borrowed_text),
}


def _declare_all() -> Dict[str, Any]:
    functions: Dict[str, Any] = {}
    missing: List[str] = []
    for table in DECLARATIONS.values():
        for name, (restype, argtypes, errcheck) in table.items():
            try:
                function = getattr(_lib, name)
            except AttributeError:
                missing.append(name)
                continue
            function.restype = restype
            function.argtypes = argtypes
            function.errcheck = errcheck
            functions[name] = function
    if missing:
        raise ImportError(f"ecosys: {library_path} lacks {', '.join(missing)}: "
                          f"it is not the libecosys {ABI_VERSION[0]}.{ABI_VERSION[1]} "
                          "this binding was written for")
    return functions


# The version is checked before anything else is declared, so that an
# incompatible library gives a version error, not a missing-symbol one.
_lib.ecosys_version_number.restype = ctypes.c_int
_lib.ecosys_version_number.argtypes = []
_lib.ecosys_version_number.errcheck = _check_count
_found_version = _lib.ecosys_version_number()
if (_found_version // 10000, _found_version // 100 % 100) != ABI_VERSION:
    raise ImportError(
        f"ecosys: {library_path} is libecosys "
        f"{_found_version // 10000}.{_found_version // 100 % 100}.{_found_version % 100}, "
        f"but this binding needs {ABI_VERSION[0]}.{ABI_VERSION[1]}.x "
        f"(set {LIBRARY_ENV} to the right {SONAME})")

FUNCTIONS = _declare_all()


def call(name: str, *args: Any) -> Any:
    """Calls a declared C function by name (its errcheck applies)."""
    return FUNCTIONS[name](*args)


# ---- strings ------------------------------------------------------------------------


def _decode(raw: Optional[bytes]) -> str:
    return "" if raw is None else raw.decode("utf-8", "replace")


def _decode_path(raw: Optional[bytes]) -> str:
    return "" if raw is None else os.fsdecode(raw)


def text(value: Optional[str], what: str = "value") -> Optional[bytes]:
    """UTF-8 bytes of a str for the C library (None stays NULL)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise errors.invalid(f"{what} is not valid Unicode text: {exc}") from None
    if b"\0" in encoded:
        raise errors.invalid(f"{what} contains a NUL character")
    return encoded


def path(value: "os.PathLike[str] | str | bytes") -> bytes:
    """File-system bytes of a path."""
    encoded = os.fsencode(value)
    if b"\0" in encoded:
        raise errors.invalid("path contains a NUL character")
    return encoded


def _take_string(pointer: ctypes.c_void_p, length: Optional[int] = None) -> str:
    """Copies and decodes a string the library allocated, then frees it."""
    if not pointer.value:
        return ""
    try:
        raw = ctypes.string_at(pointer.value, -1 if length is None else length)
    finally:
        FUNCTIONS["ecosys_string_free"](pointer)
    return raw.decode("utf-8", "replace")


# ---- common -----------------------------------------------------------------------------


def version() -> str:
    """ecosys_version()."""
    return call("ecosys_version")


def version_number() -> int:
    """ecosys_version_number()."""
    return call("ecosys_version_number")


def strerror(code: int) -> str:
    """ecosys_strerror()."""
    return call("ecosys_strerror", code)


def error_name(code: int) -> str:
    """ecosys_error_name()."""
    return call("ecosys_error_name", code)


# ---- datasets ---------------------------------------------------------------------------


def dataset_new(directed: bool) -> int:
    out = ctypes.c_void_p()
    call("ecosys_dataset_new", ctypes.byref(out), 1 if directed else 0)
    return int(out.value or 0)


def dataset_free(handle: int) -> None:
    call("ecosys_dataset_free", handle)


def dataset_read(file: bytes, fmt: int) -> int:
    out = ctypes.c_void_p()
    call("ecosys_dataset_read", ctypes.byref(out), file, fmt)
    return int(out.value or 0)


def dataset_write(handle: int, file: bytes, fmt: int) -> None:
    call("ecosys_dataset_write", handle, file, fmt)


def format_detect(file: bytes) -> int:
    out = ctypes.c_int()
    call("ecosys_format_detect", ctypes.byref(out), file)
    return out.value


def dataset_add_actor(handle: int, fields: Sequence[Optional[bytes]]) -> int:
    """Appends an actor from (id, name, sector, territory, axes) bytes."""
    info = ActorInfo(*fields)
    index = ctypes.c_size_t()
    call("ecosys_dataset_add_actor", ctypes.byref(index), handle, ctypes.byref(info))
    return index.value


def dataset_actor(handle: int, index: int) -> Tuple[str, str, str, str, str]:
    """(id, name, sector, territory, axes) of an actor."""
    info = ActorInfo()
    call("ecosys_dataset_actor", ctypes.byref(info), handle, index)
    return (_decode(info.id), _decode(info.name), _decode(info.sector),
            _decode(info.territory), _decode(info.axes))


def dataset_actor_ids(handle: int, indices: Optional[Iterable[int]] = None) -> List[str]:
    """Ids of the given actors (all, in order, by default)."""
    field = FUNCTIONS["ecosys_dataset_field"]
    if indices is None:
        indices = range(call("ecosys_dataset_actor_count", handle))
    return [field(handle, 0, i, b"id") for i in indices]


def dataset_find_actor(handle: int, actor_id: bytes) -> int:
    index = ctypes.c_size_t()
    call("ecosys_dataset_find_actor", ctypes.byref(index), handle, actor_id)
    return index.value


def dataset_add_tie(handle: int, source: int, target: int, weight: float,
                    fields: Sequence[Optional[bytes]]) -> int:
    """Appends a tie; fields are (kind, axis, start, end) bytes."""
    info = TieInfo(source, target, weight, *fields)
    index = ctypes.c_size_t()
    call("ecosys_dataset_add_tie", ctypes.byref(index), handle, ctypes.byref(info))
    return index.value


def dataset_tie(handle: int, index: int) -> Tuple[int, int, float, str, str, str, str]:
    """(source index, target index, weight, kind, axis, start, end) of a tie."""
    info = TieInfo()
    call("ecosys_dataset_tie", ctypes.byref(info), handle, index)
    return (int(info.source), int(info.target), float(info.weight), _decode(info.kind),
            _decode(info.axis), _decode(info.start), _decode(info.end))


def dataset_attribute_names(handle: int, table: int) -> List[str]:
    name = FUNCTIONS["ecosys_dataset_attribute_name"]
    return [name(handle, table, i)
            for i in range(call("ecosys_dataset_attribute_count", handle, table))]


def dataset_find_attribute(handle: int, table: int, name: bytes) -> int:
    out = ctypes.c_size_t()
    call("ecosys_dataset_find_attribute", ctypes.byref(out), handle, table, name)
    return out.value


def dataset_add_attribute(handle: int, table: int, name: bytes) -> int:
    out = ctypes.c_size_t()
    call("ecosys_dataset_add_attribute", ctypes.byref(out), handle, table, name)
    return out.value


def dataset_equal(a: int, b: int) -> Tuple[bool, Optional[str]]:
    """(equal, first difference or None)."""
    difference = ctypes.c_void_p()
    equal = call("ecosys_dataset_equal", ctypes.byref(difference), a, b)
    described = _take_string(difference) if difference.value else None
    return equal == 1, described


def date_parse(value: bytes) -> Tuple[int, int]:
    first, last = ctypes.c_int32(), ctypes.c_int32()
    call("ecosys_date_parse", ctypes.byref(first), ctypes.byref(last), value)
    return first.value, last.value


# ---- graphs -------------------------------------------------------------------------------


def graph_options(direction: int = 0, at: Optional[bytes] = None,
                  from_: Optional[bytes] = None, to: Optional[bytes] = None,
                  axis: Optional[bytes] = None, kind: Optional[bytes] = None,
                  territory: Optional[bytes] = None, drop_isolates: bool = False) -> Any:
    """An ecosys_graph_options filled from Python values (opaque to callers)."""
    options = GraphOptions()
    call("ecosys_graph_options_init", ctypes.byref(options), GRAPH_OPTIONS_VERSION)
    options.direction = direction
    options.at, options.from_, options.to = at, from_, to
    options.axis, options.kind, options.territory = axis, kind, territory
    options.drop_isolates = 1 if drop_isolates else 0
    return options


def graph_new(dataset: int, options: Any) -> int:
    out = ctypes.c_void_p()
    call("ecosys_graph_new", ctypes.byref(out), dataset, ctypes.byref(options))
    return int(out.value or 0)


def graph_free(handle: int) -> None:
    call("ecosys_graph_free", handle)


def graph_info(handle: int) -> Dict[str, Any]:
    info = GraphInfo()
    call("ecosys_graph_info_get", ctypes.byref(info), handle)
    return {name: (bool(getattr(info, name)) if name == "directed" else int(getattr(info, name)))
            for name, _ in GraphInfo._fields_}


def graph_actor_indices(handle: int, count: int) -> List[int]:
    """Dataset actor index of every vertex, in vertex order."""
    actor = FUNCTIONS["ecosys_graph_actor"]
    return [actor(handle, v) for v in range(count)]


def graph_vertex(handle: int, actor: int) -> int:
    out = ctypes.c_size_t()
    call("ecosys_graph_vertex", ctypes.byref(out), handle, actor)
    return out.value


def graph_edges(handle: int) -> Tuple[List[int], List[int], List[float]]:
    """Sources, targets (vertex indices) and weights of every edge."""
    count = call("ecosys_graph_tie_count", handle)
    tie = FUNCTIONS["ecosys_graph_tie"]
    s, t, w = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_double()
    ps, pt, pw = ctypes.byref(s), ctypes.byref(t), ctypes.byref(w)
    sources: List[int] = []
    targets: List[int] = []
    weights: List[float] = []
    for e in range(count):
        tie(ps, pt, pw, handle, e)
        sources.append(s.value)
        targets.append(t.value)
        weights.append(w.value)
    return sources, targets, weights


# ---- measures: results cross as whole arrays --------------------------------------------

_SIZE_CODE = next(code for code in "NLQI" if code in array.typecodes
                  and array.array(code).itemsize == ctypes.sizeof(ctypes.c_size_t))


def double_vector(name: str, graph: int, count: int, *args: Any) -> "array.array[float]":
    """Calls ``name(double *out, graph, *args)`` and returns out as array('d').

    One C call fills the whole array; nothing crosses value by value.
    """
    result = array.array("d", bytes(8 * max(count, 1)))
    buffer = (ctypes.c_double * len(result)).from_buffer(result)
    call(name, buffer, graph, *args)
    del buffer  # release the export so the array may be resized
    del result[count:]
    return result


def size_vector(name: str, graph: int, count: int, *args: Any) -> "array.array[int]":
    """Calls ``name(size_t *out, graph, *args)`` and returns out as an array."""
    result = array.array(_SIZE_CODE, bytes(ctypes.sizeof(ctypes.c_size_t) * max(count, 1)))
    buffer = (ctypes.c_size_t * len(result)).from_buffer(result)
    call(name, buffer, graph, *args)
    del buffer
    del result[count:]
    return result


def components(graph: int, count: int) -> Tuple["array.array[int]", int]:
    """Membership array and number of components."""
    membership = array.array(_SIZE_CODE,
                             bytes(ctypes.sizeof(ctypes.c_size_t) * max(count, 1)))
    buffer = (ctypes.c_size_t * len(membership)).from_buffer(membership)
    number = ctypes.c_size_t()
    call("ecosys_components", buffer, ctypes.byref(number), graph)
    del buffer
    del membership[count:]
    return membership, number.value


def index_list(name: str, *args: Any) -> List[int]:
    """Calls ``name(ecosys_index_list *out, *args)``; copies, then disposes."""
    out = IndexList()
    call(name, ctypes.byref(out), *args)
    try:
        return out.items[:out.count] if out.count else []
    finally:
        call("ecosys_index_list_dispose", ctypes.byref(out))


def pair_list(name: str, *args: Any) -> List[Tuple[int, int]]:
    """Calls ``name(ecosys_pair_list *out, *args)``; copies, then disposes."""
    out = PairList()
    call(name, ctypes.byref(out), *args)
    try:
        if not out.count:
            return []
        return list(zip(out.sources[:out.count], out.targets[:out.count]))
    finally:
        call("ecosys_pair_list_dispose", ctypes.byref(out))


def structure(graph: int, flags: int) -> Dict[str, Any]:
    """ecosys_structure_compute() as a dict of the C fields."""
    out = StructureStruct()
    call("ecosys_structure_compute", ctypes.byref(out), graph, flags)
    result: Dict[str, Any] = {}
    for name, kind in StructureStruct._fields_:
        value = getattr(out, name)
        if name in ("directed", "weighted"):
            value = bool(value)
        elif kind is ctypes.c_size_t:
            value = int(value)
        result[name] = value
    return result


# ---- partitions -------------------------------------------------------------------------


def partition_by_attribute(graph: int, attribute: bytes) -> int:
    out = ctypes.c_void_p()
    call("ecosys_partition_by_attribute", ctypes.byref(out), graph, attribute)
    return int(out.value or 0)


def partition_from_membership(membership: Sequence[int]) -> int:
    count = len(membership)
    values = (ctypes.c_size_t * max(count, 1))(*membership)
    out = ctypes.c_void_p()
    call("ecosys_partition_from_membership", ctypes.byref(out), values, count)
    return int(out.value or 0)


def partition_free(handle: int) -> None:
    call("ecosys_partition_free", handle)


def partition_membership(handle: int) -> List[int]:
    """Group number of every vertex, copied out of the partition."""
    count = call("ecosys_partition_vertex_count", handle)
    pointer = call("ecosys_partition_membership", handle)
    return list(pointer[:count]) if count else []


def partition_groups(handle: int) -> List[Tuple[str, int]]:
    """(name, size) of every group, in group order."""
    name = FUNCTIONS["ecosys_partition_group_name"]
    size = FUNCTIONS["ecosys_partition_group_size"]
    return [(name(handle, g), size(handle, g))
            for g in range(call("ecosys_partition_group_count", handle))]


# ---- mixing -------------------------------------------------------------------------------


def mixing_matrix(graph: int, partition: int) -> Tuple[int, bool, List[float], List[float]]:
    """(k, directed, ties, weights): row-major k x k lists, copied then disposed."""
    out = MixingMatrixStruct()
    call("ecosys_mixing_matrix_compute", ctypes.byref(out), graph, partition)
    try:
        k = int(out.group_count)
        return (k, bool(out.directed), out.ties[:k * k] if k else [],
                out.weights[:k * k] if k else [])
    finally:
        call("ecosys_mixing_matrix_dispose", ctypes.byref(out))


def ei_index(graph: int, partition: int, flags: int) -> Dict[str, Any]:
    """ecosys_ei_index_compute() as a dict; group_* fields are lists."""
    out = EIIndexStruct()
    call("ecosys_ei_index_compute", ctypes.byref(out), graph, partition, flags)
    try:
        k = int(out.group_count)
        result: Dict[str, Any] = {}
        for name, kind in EIIndexStruct._fields_:
            value = getattr(out, name)
            if name.startswith("group_") and name != "group_count":
                value = value[:k] if k else []
            elif name in ("directed", "weighted"):
                value = bool(value)
            elif kind is ctypes.c_size_t:
                value = int(value)
            result[name] = value
        return result
    finally:
        call("ecosys_ei_index_dispose", ctypes.byref(out))


def ei_permutation_test(graph: int, partition: int, replicates: int, seed: int,
                        flags: int) -> Dict[str, Any]:
    out = EIPermutationStruct()
    call("ecosys_ei_permutation_test", ctypes.byref(out), graph, partition, replicates, seed,
         flags)
    return {name: (bool(getattr(out, name)) if name == "weighted" else getattr(out, name))
            for name, _ in EIPermutationStruct._fields_}


def assortativity_nominal(graph: int, partition: int, flags: int) -> float:
    out = ctypes.c_double()
    call("ecosys_assortativity_nominal", ctypes.byref(out), graph, partition, flags)
    return out.value


# ---- brokerage ------------------------------------------------------------------------------


def structural_holes(graph: int, flags: int) -> Dict[str, Any]:
    """ecosys_structural_holes_compute(): {"contacts", "constraint",
    "effective_size", "efficiency", "hierarchy"} as lists in vertex order;
    copied, then disposed."""
    out = StructuralHolesStruct()
    call("ecosys_structural_holes_compute", ctypes.byref(out), graph, flags)
    try:
        n = int(out.actor_count)
        result: Dict[str, Any] = {"weighted": bool(out.weighted)}
        for name in ("contacts", "constraint", "effective_size", "efficiency", "hierarchy"):
            result[name] = getattr(out, name)[:n] if n else []
        return result
    finally:
        call("ecosys_structural_holes_dispose", ctypes.byref(out))


def brokerage_roles(graph: int, partition: int, flags: int) -> Dict[str, Any]:
    """ecosys_brokerage_roles(): the struct's fields as lists (per-actor
    arrays as rows of BROKERAGE_ROLE_COUNT values); copied, then disposed."""
    out = BrokerageStruct()
    call("ecosys_brokerage_roles", ctypes.byref(out), graph, partition, flags)
    try:
        r = BROKERAGE_ROLE_COUNT

        def rows(pointer: Any, count: int) -> List[List[Any]]:
            flat = pointer[:count * r] if count else []
            return [list(flat[i * r:(i + 1) * r]) for i in range(count)]

        n, g = int(out.actor_count), int(out.group_count)
        return {
            "actor_count": n, "group_count": g, "arc_count": int(out.arc_count),
            "density": out.density,
            "raw": rows(out.raw, n), "expected": rows(out.expected, n),
            "sd": rows(out.sd, n), "z": rows(out.z, n),
            "group_expected": rows(out.group_expected, g),
            "group_sd": rows(out.group_sd, g),
            "graph_raw": [int(x) for x in out.graph_raw],
            "graph_expected": list(out.graph_expected),
            "graph_sd": list(out.graph_sd), "graph_z": list(out.graph_z),
        }
    finally:
        call("ecosys_brokerage_dispose", ctypes.byref(out))


# ---- communities ----------------------------------------------------------------------------

COMMUNITY_OPTIONS_VERSION = 1


def community_detect(name: str, graph: int, algorithm: int, seed: int, resolution: float,
                     weighted: bool, iterations: int) -> Tuple[int, float]:
    """Calls ``name`` (ecosys_community_detect, ecosys_louvain or
    ecosys_leiden): (partition handle, modularity)."""
    options = CommunityOptions()
    call("ecosys_community_options_init", ctypes.byref(options), COMMUNITY_OPTIONS_VERSION)
    options.algorithm = algorithm
    options.seed = seed
    options.resolution = resolution
    options.weighted = 1 if weighted else 0
    options.iterations = iterations
    out = ctypes.c_void_p()
    modularity = ctypes.c_double()
    call(name, ctypes.byref(out), ctypes.byref(modularity), graph, ctypes.byref(options))
    return int(out.value or 0), modularity.value


def modularity(graph: int, partition: int, resolution: float, flags: int) -> float:
    out = ctypes.c_double()
    call("ecosys_modularity", ctypes.byref(out), graph, partition, resolution, flags)
    return out.value


def roles(graph: int, partition: int, count: int,
          flags: int) -> Tuple[List[int], List[float], List[float]]:
    """ecosys_roles(): (roles, participation, within-module z) in vertex order."""
    size = max(count, 1)
    out_roles = (ctypes.c_int * size)()
    out_p = (ctypes.c_double * size)()
    out_z = (ctypes.c_double * size)()
    call("ecosys_roles", out_roles, out_p, out_z, graph, partition, flags)
    return list(out_roles[:count]), list(out_p[:count]), list(out_z[:count])


def role_name(role: int) -> str:
    return call("ecosys_role_name", role)


def community_summary(graph: int, communities: int,
                      by: Optional[int]) -> Dict[str, Any]:
    """ecosys_community_summary_compute() as a dict of lists (composition
    row-major); copied, then disposed."""
    out = CommunitySummaryStruct()
    try:
        call("ecosys_community_summary_compute", ctypes.byref(out), graph, communities, by)
        c, s = int(out.community_count), int(out.group_count)
        result: Dict[str, Any] = {"community_count": c, "group_count": s}
        for name in ("sizes", "internal_ties", "external_ties", "internal_weight",
                     "external_weight"):
            result[name] = getattr(out, name)[:c] if c else []
        result["composition"] = out.composition[:c * s] if out.composition and c * s else []
        return result
    finally:
        call("ecosys_community_summary_dispose", ctypes.byref(out))


# ---- report ---------------------------------------------------------------------------------


def summary_render(graph: int, fmt: int, group: Optional[bytes], top: int,
                   title: Optional[bytes], flags: int, options: Any, seed: int = 1,
                   replicates: int = 0, communities: int = 0,
                   skip_across_groups: bool = False) -> str:
    """ecosys_summary_render(); the text is copied, then freed."""
    so = SummaryOptions()
    call("ecosys_summary_options_init", ctypes.byref(so), SUMMARY_OPTIONS_VERSION)
    so.format = fmt
    so.group = group
    so.top = top
    so.title = title
    so.flags = flags
    so.seed = seed
    so.replicates = replicates
    so.communities = communities
    so.skip_across_groups = 1 if skip_across_groups else 0
    if options is not None:
        so.graph_options = ctypes.pointer(options)
    out = ctypes.c_void_p()
    length = ctypes.c_size_t()
    call("ecosys_summary_render", ctypes.byref(out), ctypes.byref(length), graph,
         ctypes.byref(so))
    return _take_string(out, length.value)


def struct_layout(name: str) -> Tuple[int, List[Tuple[str, int]]]:
    """(size, [(field, offset)]) of a mirrored struct, for the layout test."""
    struct = STRUCTS[name]
    return ctypes.sizeof(struct), [(field, getattr(struct, field).offset)
                                   for field, _ in struct._fields_]


# ---- two-mode data (ecosys/twomode.h) -------------------------------------------------


def twomode_add_event(handle: int, fields: Sequence[Optional[bytes]]) -> int:
    """Appends an event from (id, name, date, axis, kind) bytes."""
    info = EventInfo(*fields)
    index = ctypes.c_size_t()
    call("ecosys_twomode_add_event", ctypes.byref(index), handle, ctypes.byref(info))
    return index.value


def twomode_event(handle: int, index: int) -> Tuple[str, str, str, str, str]:
    """(id, name, date, axis, kind) of an event."""
    info = EventInfo()
    call("ecosys_twomode_event", ctypes.byref(info), handle, index)
    return (_decode(info.id), _decode(info.name), _decode(info.date), _decode(info.axis),
            _decode(info.kind))


def twomode_find_event(handle: int, event_id: bytes) -> int:
    index = ctypes.c_size_t()
    call("ecosys_twomode_find_event", ctypes.byref(index), handle, event_id)
    return index.value


def twomode_add_participation(handle: int, actor: int, event: int) -> int:
    info = ParticipationInfo(actor, event)
    index = ctypes.c_size_t()
    call("ecosys_twomode_add_participation", ctypes.byref(index), handle, ctypes.byref(info))
    return index.value


def twomode_participation(handle: int, index: int) -> Tuple[int, int]:
    """(actor index, event index) of a participation row."""
    info = ParticipationInfo()
    call("ecosys_twomode_participation", ctypes.byref(info), handle, index)
    return int(info.actor), int(info.event)


def twomode_attribute_names(handle: int, table: int) -> List[str]:
    name = FUNCTIONS["ecosys_twomode_attribute_name"]
    return [name(handle, table, i)
            for i in range(call("ecosys_twomode_attribute_count", handle, table))]


def twomode_find_or_add_attribute(handle: int, table: int, name: bytes) -> int:
    out = ctypes.c_size_t()
    try:
        call("ecosys_twomode_find_attribute", ctypes.byref(out), handle, table, name)
    except errors.NotFoundError:
        call("ecosys_twomode_add_attribute", ctypes.byref(out), handle, table, name)
    return out.value


def _event_filter(target: Any, axis: Optional[bytes], kind: Optional[bytes],
                  at: Optional[bytes], from_: Optional[bytes], to: Optional[bytes]) -> None:
    target.axis, target.kind, target.at, target.from_, target.to = axis, kind, at, from_, to


def twomode_project(handle: int, weight: int, axis: Optional[bytes], kind: Optional[bytes],
                    at: Optional[bytes], from_: Optional[bytes],
                    to: Optional[bytes]) -> Tuple[int, Dict[str, int]]:
    """(new dataset handle, info dict) of ecosys_twomode_project()."""
    options = ProjectionOptions()
    call("ecosys_projection_options_init", ctypes.byref(options), PROJECTION_OPTIONS_VERSION)
    options.weight = weight
    _event_filter(options.filter, axis, kind, at, from_, to)
    out = ctypes.c_void_p()
    info = ProjectionInfo()
    call("ecosys_twomode_project", ctypes.byref(out), ctypes.byref(info), handle,
         ctypes.byref(options))
    return int(out.value or 0), {name: int(getattr(info, name)) for name, _ in info._fields_}


def twomode_axis_layers(handle: int, kind: Optional[bytes], at: Optional[bytes],
                        from_: Optional[bytes], to: Optional[bytes]) -> Dict[str, Any]:
    """ecosys_twomode_axis_layers() copied into Python values, then disposed."""
    flt = EventFilter()
    _event_filter(flt, None, kind, at, from_, to)
    out = AxisLayers()
    call("ecosys_twomode_axis_layers", ctypes.byref(out), handle, ctypes.byref(flt))
    try:
        layers = [{"axis": _decode(l.axis), "event_count": int(l.event_count),
                   "actor_count": int(l.actor_count), "tie_count": int(l.tie_count),
                   "density": float(l.density), "component_count": int(l.component_count),
                   "largest_component": int(l.largest_component)}
                  for l in out.layers[:out.layer_count]]
        multi = [(int(m.actor), _decode(m.axes)) for m in out.multi_axis[:out.multi_axis_count]]
        return {"layers": layers, "multi_axis": multi,
                "unassigned_events": int(out.unassigned_events)}
    finally:
        call("ecosys_axis_layers_dispose", ctypes.byref(out))


def twomode_helix_synergy(handle: int, sectors: Sequence[bytes], attribute: Optional[bytes],
                          keep_empty: bool, axis: Optional[bytes], kind: Optional[bytes],
                          at: Optional[bytes], from_: Optional[bytes],
                          to: Optional[bytes]) -> Dict[str, Any]:
    options = HelixOptions()
    call("ecosys_helix_options_init", ctypes.byref(options), HELIX_OPTIONS_VERSION)
    names = (ctypes.c_char_p * max(len(sectors), 1))(*sectors)
    options.sectors = ctypes.cast(names, ctypes.POINTER(ctypes.c_char_p))
    options.sector_count = len(sectors)
    options.attribute = attribute
    options.keep_empty_events = 1 if keep_empty else 0
    _event_filter(options.filter, axis, kind, at, from_, to)
    out = HelixSynergyStruct()
    call("ecosys_twomode_helix_synergy", ctypes.byref(out), handle, ctypes.byref(options))
    k = int(out.dimension)
    return {"dimension": k, "event_count": int(out.event_count),
            "empty_events": int(out.empty_events), "entropy": list(out.entropy[:k]),
            "joint_entropy": float(out.joint_entropy), "t": float(out.t),
            "redundancy": float(out.redundancy)}


# ---- waves (ecosys/waves.h) ------------------------------------------------------------


def _tie_set(s: Any, k: int, a: int) -> Dict[str, Any]:
    n = int(s.count)
    return {"count": n,
            "sources": list(s.sources[:n]) if n else [],
            "targets": list(s.targets[:n]) if n else [],
            "flags": list(s.flags[:n]) if n else [],
            "by_group": list(s.by_group[:k * k]) if k else [],
            "by_axis": list(s.by_axis[:a]) if a else []}


def _waves_dict(out: Any) -> Dict[str, Any]:
    """Copies an ecosys_waves into plain Python values."""
    n, k, a = int(out.actor_count), int(out.group_count), int(out.axis_count)
    names = lambda pointer, count: [_decode(pointer[i]) for i in range(count)]
    index_list = lambda lst: list(lst.items[:lst.count]) if lst.count else []
    result: Dict[str, Any] = {
        "directed": bool(out.directed), "flags": int(out.flags),
        "actor_ids": names(out.actor_ids, n),
        "actor_presence": list(out.actor_presence[:n]) if n else [],
        "actor_group": list(out.actor_group[:n]) if n else [],
        "group_names": names(out.group_names, k), "axis_names": names(out.axis_names, a),
        "entering": index_list(out.entering), "leaving": index_list(out.leaving),
        "coordinator_id": None if out.coordinator_id is None else _decode(out.coordinator_id),
        "measures": {call("ecosys_waves_measure_name", m):
                     (out.measures[m].before, out.measures[m].after, out.measures[m].change)
                     for m in range(WAVES_MEASURE_COUNT)},
    }
    for name in ("formed", "dissolved", "persisting"):
        result[name] = _tie_set(getattr(out, name), k, a)
    for name in ("ties_before", "ties_after", "present_before", "present_after",
                 "formed_closing_triad", "formed_through_coordinator",
                 "formed_crossing_groups"):
        result[name] = int(getattr(out, name))
    for name in ("jaccard", "triad_closure_share", "coordinator_share", "crossing_share"):
        result[name] = float(getattr(out, name))
    return result


def waves_options(group: Optional[bytes], partitions: Optional[Tuple[int, int]],
                  coordinator: Optional[bytes], flags: int, before_snapshot: Any,
                  after_snapshot: Any) -> Any:
    """An ecosys_waves_options filled from Python values (opaque to callers).
    The snapshots (GraphOptions structs or None) must outlive the call."""
    options = WavesOptions()
    call("ecosys_waves_options_init", ctypes.byref(options), WAVES_OPTIONS_VERSION)
    options.group = group
    if partitions is not None:
        options.before_groups, options.after_groups = partitions
    options.coordinator = coordinator
    options.flags = flags
    if before_snapshot is not None:
        options.before_snapshot = ctypes.pointer(before_snapshot)
    if after_snapshot is not None:
        options.after_snapshot = ctypes.pointer(after_snapshot)
    return options


def waves_compare(before: Optional[int], after: Optional[int], options: Any,
                  dataset: Optional[int] = None, before_snapshot: Any = None,
                  after_snapshot: Any = None,
                  render: Optional[Tuple[int, Optional[bytes], Optional[bytes],
                                         Optional[bytes], int]] = None) -> Any:
    """ecosys_waves_compare() on two graph handles or, with ``dataset``,
    ecosys_waves_compare_snapshots(); copied, then disposed. With ``render``
    = (format, title, before label, after label, top), returns the text of
    ecosys_waves_render() instead."""
    out = WavesStruct()
    if dataset is not None:
        call("ecosys_waves_compare_snapshots", ctypes.byref(out), dataset,
             None if before_snapshot is None else ctypes.byref(before_snapshot),
             None if after_snapshot is None else ctypes.byref(after_snapshot),
             ctypes.byref(options))
    else:
        call("ecosys_waves_compare", ctypes.byref(out), before, after, ctypes.byref(options))
    try:
        if render is None:
            return _waves_dict(out)
        ro = WavesRenderOptions()
        call("ecosys_waves_render_options_init", ctypes.byref(ro), WAVES_RENDER_OPTIONS_VERSION)
        ro.format, ro.title, ro.before_label, ro.after_label, ro.top = render
        text = ctypes.c_void_p()
        length = ctypes.c_size_t()
        call("ecosys_waves_render", ctypes.byref(text), ctypes.byref(length),
             ctypes.byref(out), ctypes.byref(ro))
        return _take_string(text, length.value)
    finally:
        call("ecosys_waves_dispose", ctypes.byref(out))


# ---- null models ---------------------------------------------------------------------------


def null_statistic(graph: int, partition: Optional[int], kind: int) -> float:
    """ecosys_null_statistic_compute()."""
    out = ctypes.c_double()
    call("ecosys_null_statistic_compute", ctypes.byref(out), graph, partition, kind)
    return out.value


def _graph_view(view: Any) -> Dict[str, Any]:
    """An ecosys_graph_view copied into Python values."""
    v = view.contents
    m, n = int(v.tie_count), int(v.actor_count)
    return {"actor_count": n, "tie_count": m, "directed": bool(v.directed),
            "sources": v.sources[:m] if m else [], "targets": v.targets[:m] if m else [],
            "groups": v.groups[:n] if v.groups and n else None,
            "group_count": int(v.group_count),
            "replicate": None if v.replicate == ctypes.c_size_t(-1).value else int(v.replicate)}


def _fields(struct: Any) -> Dict[str, Any]:
    """The fields of a ctypes struct as a dict."""
    return {name: getattr(struct, name) for name, _ in type(struct)._fields_}


class _Callbacks:
    """The Python callbacks of one run (progress, custom statistics) as C
    function pointers, kept alive as long as this object.

    The progress callback is always installed (so that Ctrl-C, delivered to
    the calling thread, cancels the run): it calls ``progress(done, total)``
    if given, and cancels when that returns a true value or raises. A
    custom statistic is called with a dict view of the graph (from worker
    threads: ctypes takes the GIL); if it raises, the run stops. An
    exception raised by a callback is kept and re-raised by :meth:`run`
    once the library has returned (a KeyboardInterrupt stays one)."""

    def __init__(self, progress: Optional[Callable[[int, int], Any]]) -> None:
        self.raised: List[BaseException] = []
        self._progress = progress
        self.progress = ProgressCallback(self._on_progress)
        self._statistics: List[Any] = []

    def _on_progress(self, done: int, total: int, user: Any) -> int:
        if self.raised:
            return 1
        try:
            if self._progress is not None and self._progress(int(done), int(total)):
                return 1
        except BaseException as exc:  # noqa: B902 - KeyboardInterrupt included
            self.raised.append(exc)
            return 1
        return 0

    def _statistic(self, function: Callable[[Dict[str, Any]], float]) -> Any:
        def on_statistic(out: Any, view: Any, user: Any) -> int:
            if self.raised:
                return 1
            try:
                out[0] = float(function(_graph_view(view)))
            except BaseException as exc:  # noqa: B902
                self.raised.append(exc)
                return 1
            return 0
        return StatisticCallback(on_statistic)

    def statistics(self, kinds: Sequence[int],
                   customs: Sequence[Optional[Callable[[Dict[str, Any]], float]]]) -> Any:
        """The ecosys_statistic array for ``kinds``, with ``customs[i]`` as
        the callback of statistic i where it is not None."""
        self._statistics = [self._statistic(f) if f is not None else None for f in customs]
        stats = (StatisticStruct * max(len(kinds), 1))()
        for i, kind in enumerate(kinds):
            stats[i].kind = kind
            if self._statistics[i] is not None:
                stats[i].callback = self._statistics[i]
        return stats

    def run(self, function: Callable[..., Any], *args: Any) -> None:
        """``function(*args)``; a cancellation or an error caused by an
        exception raised in a callback raises that exception instead (a
        cancellation asked by returning True raises
        :class:`ecosys.CancelledError` from the C error)."""
        try:
            function(*args)
        except errors.EcosysError:
            if self.raised:
                raise self.raised[0] from None
            raise


def null_test(graph: int, partition: Optional[int], kinds: Sequence[int],
              customs: Sequence[Optional[Callable[[Dict[str, Any]], float]]], model: int,
              replicates: int, seed: int, threads: int, swaps_per_tie: float,
              progress: Optional[Callable[[int, int], Any]]) -> Dict[str, Any]:
    """ecosys_null_test_run() with Python callbacks (see :class:`_Callbacks`);
    results copied, then disposed."""
    callbacks = _Callbacks(progress)
    stats = callbacks.statistics(kinds, customs)
    options = NullOptions()
    call("ecosys_null_options_init", ctypes.byref(options), NULL_OPTIONS_VERSION)
    options.model = model
    options.replicates = replicates
    options.seed = seed
    options.threads = threads
    options.swaps_per_tie = swaps_per_tie
    options.progress = callbacks.progress
    out = NullTestStruct()
    callbacks.run(call, "ecosys_null_test_run", ctypes.byref(out), graph, partition, stats,
                  len(kinds), ctypes.byref(options))
    try:
        count, r = int(out.statistic_count), int(out.replicates)
        results = [_fields(out.results[i]) for i in range(count)]
        samples = out.samples[:r * count]
        return {"model": int(out.model), "replicates": r, "seed": int(out.seed),
                "threads": int(out.threads), "swaps_per_tie": float(out.swaps_per_tie),
                "swap_attempts": int(out.swap_attempts), "acceptance": float(out.acceptance),
                "results": results, "samples": samples}
    finally:
        call("ecosys_null_test_dispose", ctypes.byref(out))


def wave_test(before: int, after: int, group: Optional[bytes], coordinator: Optional[bytes],
              replicates: int, seed: int, threads: int,
              progress: Optional[Callable[[int, int], Any]]) -> Dict[str, Any]:
    """ecosys_wave_test_run() with a Python progress callable (see
    :class:`_Callbacks`); results copied, then disposed."""
    callbacks = _Callbacks(progress)
    options = WaveTestOptions()
    call("ecosys_wave_test_options_init", ctypes.byref(options), WAVE_TEST_OPTIONS_VERSION)
    options.group = group
    options.coordinator = coordinator
    options.replicates = replicates
    options.seed = seed
    options.threads = threads
    options.progress = callbacks.progress
    out = WaveTestStruct()
    callbacks.run(call, "ecosys_wave_test_run", ctypes.byref(out), before, after,
                  ctypes.byref(options))
    try:
        copied: Dict[str, Any] = {name: int(getattr(out, name)) for name in (
            "formed", "dissolved", "candidate_dyads", "crossing_candidates",
            "coordinator_candidates", "closing_candidates", "formed_closing_triad",
            "coordinator", "coordinator_contacts", "ties_before", "ties_after", "replicates",
            "seed", "threads")}
        for name in ("formed_crossing", "formed_via_coordinator", "closure_via_coordinator"):
            copied[name] = _fields(getattr(out, name))
        copied["changes"] = [_fields(out.changes[i]) for i in range(int(out.statistic_count))]
        copied["before_values"] = list(out.before_values)
        copied["after_values"] = list(out.after_values)
        return copied
    finally:
        call("ecosys_wave_test_dispose", ctypes.byref(out))


def _territory_run(run: Callable[[Any, Any, Any], None], group: Optional[bytes],
                   territories: Optional[Sequence[bytes]], kinds: Sequence[int],
                   customs: Sequence[Optional[Callable[[Dict[str, Any]], float]]],
                   model: int, replicates: int, seed: int, threads: int,
                   swaps_per_tie: float,
                   progress: Optional[Callable[[int, int], Any]]) -> None:
    """Shared by :func:`territory_did` and :func:`territory_table`: builds the
    options and statistics, calls ``run(options, statistics, count)``, and
    turns a cancellation or an exception raised by a callback into the
    Python exception, as :func:`null_test` does."""
    callbacks = _Callbacks(progress)
    stats = callbacks.statistics(kinds, customs)
    options = TerritoryOptions()
    call("ecosys_territory_options_init", ctypes.byref(options), TERRITORY_OPTIONS_VERSION)
    options.group = group
    names = None
    if territories is not None:
        names = (ctypes.c_char_p * max(len(territories), 1))(*territories)
        options.territories = names
        options.territory_count = len(territories)
    options.model = model
    options.replicates = replicates
    options.seed = seed
    options.threads = threads
    options.swaps_per_tie = swaps_per_tie
    options.progress = callbacks.progress
    try:
        callbacks.run(run, ctypes.byref(options), stats, len(kinds))
    finally:
        del callbacks, names  # kept alive until here


def territory_did(dataset: int, before: Any, after: Any, treated: bytes, group: Optional[bytes],
                  territories: Optional[Sequence[bytes]], kinds: Sequence[int],
                  customs: Sequence[Optional[Callable[[Dict[str, Any]], float]]],
                  progress: Optional[Callable[[int, int], Any]]) -> Dict[str, Any]:
    """ecosys_territory_did_run(); results copied, then disposed."""
    out = TerritoryDidStruct()

    def run(options: Any, stats: Any, count: int) -> None:
        call("ecosys_territory_did_run", ctypes.byref(out), dataset, ctypes.byref(before),
             ctypes.byref(after), treated, stats, count, options)

    _territory_run(run, group, territories, kinds, customs, 0, 1, 0, 1, 10.0, progress)
    try:
        k, s = int(out.territory_count), int(out.statistic_count)
        return {
            "territories": [out.territories[i].decode("utf-8") for i in range(k)],
            "treated": int(out.treated),
            "actors_before": out.actors_before[:k], "ties_before": out.ties_before[:k],
            "actors_after": out.actors_after[:k], "ties_after": out.ties_after[:k],
            "before": out.before[:k * s], "after": out.after[:k * s],
            "did_as_treated": out.did_as_treated[:k * s],
            "results": [_fields(out.results[i]) for i in range(s)]}
    finally:
        call("ecosys_territory_did_dispose", ctypes.byref(out))


def territory_table(dataset: int, snapshot: Any, group: Optional[bytes],
                    territories: Optional[Sequence[bytes]], kinds: Sequence[int],
                    customs: Sequence[Optional[Callable[[Dict[str, Any]], float]]], model: int,
                    replicates: int, seed: int, threads: int, swaps_per_tie: float,
                    progress: Optional[Callable[[int, int], Any]]) -> Dict[str, Any]:
    """ecosys_territory_table_run(); results copied, then disposed."""
    out = TerritoryTableStruct()

    def run(options: Any, stats: Any, count: int) -> None:
        call("ecosys_territory_table_run", ctypes.byref(out), dataset, ctypes.byref(snapshot),
             stats, count, options)

    _territory_run(run, group, territories, kinds, customs, model, replicates, seed, threads,
                   swaps_per_tie, progress)
    try:
        k, s = int(out.territory_count), int(out.statistic_count)
        return {
            "model": int(out.model), "replicates": int(out.replicates), "seed": int(out.seed),
            "swaps_per_tie": float(out.swaps_per_tie),
            "territories": [out.territories[i].decode("utf-8") for i in range(k)],
            "actor_counts": out.actor_counts[:k], "tie_counts": out.tie_counts[:k],
            "results": [_fields(out.results[i]) for i in range(k * s)]}
    finally:
        call("ecosys_territory_table_dispose", ctypes.byref(out))


def resilience(graph: int, strategy: int, adaptive: bool, replicates: int, seed: int,
               threads: int, threshold: float, order: Optional[Sequence[int]],
               progress: Optional[Callable[[int, int], Any]]) -> Dict[str, Any]:
    """ecosys_resilience_run() with a Python progress callable (see
    :class:`_Callbacks`); results copied, then disposed."""
    callbacks = _Callbacks(progress)
    options = ResilienceOptions()
    call("ecosys_resilience_options_init", ctypes.byref(options), RESILIENCE_OPTIONS_VERSION)
    options.strategy = strategy
    options.adaptive = 1 if adaptive else 0
    options.replicates = replicates
    options.seed = seed
    options.threads = threads
    options.threshold = threshold
    kept = None
    if order is not None:
        kept = (ctypes.c_size_t * max(len(order), 1))(*order)
        options.order = ctypes.cast(kept, ctypes.POINTER(ctypes.c_size_t))
        options.order_length = len(order)
    options.progress = callbacks.progress
    out = ResilienceStruct()
    callbacks.run(call, "ecosys_resilience_run", ctypes.byref(out), graph,
                  ctypes.byref(options))
    try:
        k, r = int(out.steps), int(out.replicates)
        return {
            "strategy": int(out.strategy), "adaptive": bool(out.adaptive),
            "actor_count": int(out.actor_count), "steps": k,
            "order": out.order[:k] if out.order else None,
            "largest": out.largest[:k + 1],
            "largest_sd": out.largest_sd[:k + 1] if out.largest_sd else None,
            "components": out.components[:k + 1],
            "robustness": float(out.robustness), "robustness_sd": float(out.robustness_sd),
            "critical_fraction": float(out.critical_fraction),
            "threshold": float(out.threshold), "replicates": r, "seed": int(out.seed),
            "threads": int(out.threads),
            "replicate_robustness": out.replicate_robustness[:r] if r else [],
            "replicate_critical": out.replicate_critical[:r] if r else []}
    finally:
        call("ecosys_resilience_dispose", ctypes.byref(out))


def resilience_group_order(partition: int, group: int) -> List[int]:
    """ecosys_resilience_group_order(); the order copied, then freed."""
    order = ctypes.POINTER(ctypes.c_size_t)()
    count = ctypes.c_size_t()
    call("ecosys_resilience_group_order", ctypes.byref(order), ctypes.byref(count), partition,
         group)
    try:
        return order[:count.value]
    finally:
        call("ecosys_resilience_order_free", order)
