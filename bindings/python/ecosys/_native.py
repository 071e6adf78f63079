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
                ("graph_options", ctypes.POINTER(GraphOptions))]


#: The structs above by C name, for the layout test (tests/python).
STRUCTS: Dict[str, type] = {
    "ecosys_error": ErrorStruct,
    "ecosys_actor_info": ActorInfo,
    "ecosys_tie_info": TieInfo,
    "ecosys_graph_options": GraphOptions,
    "ecosys_graph_info": GraphInfo,
    "ecosys_structure": StructureStruct,
    "ecosys_index_list": IndexList,
    "ecosys_pair_list": PairList,
    "ecosys_summary_options": SummaryOptions,
}

GRAPH_OPTIONS_VERSION = 1
SUMMARY_OPTIONS_VERSION = 1

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
    "report": {
        "ecosys_summary_options_init": (_i, [_P(SummaryOptions), _u], _check_status),
        "ecosys_summary_render": (_i, [_P(_p), _P(_s), _p, _P(SummaryOptions)],
                                  _check_status),
    },
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


# ---- report ---------------------------------------------------------------------------------


def summary_render(graph: int, fmt: int, group: Optional[bytes], top: int,
                   title: Optional[bytes], flags: int, options: Any) -> str:
    """ecosys_summary_render(); the text is copied, then freed."""
    so = SummaryOptions()
    call("ecosys_summary_options_init", ctypes.byref(so), SUMMARY_OPTIONS_VERSION)
    so.format = fmt
    so.group = group
    so.top = top
    so.title = title
    so.flags = flags
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

