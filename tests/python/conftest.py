"""Shared fixtures of the Python binding's tests.

Run by ctest (``ctest -L python``), which sets ECOSYS_LIBRARY to the built
library, PYTHONPATH to bindings/python and ECOSYS_CLERMONT, ECOSYS_TEST_DATA,
ECOSYS_SOURCE_DIR, ECOSYS_BINARY_DIR, ECOSYS_SUMMARY_PROGRAM. Run by hand
from the repository (``/usr/bin/python3 -m pytest tests/python``), the same
values default to the source tree and a build in ``build/``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("ECOSYS_SOURCE_DIR",
                                 Path(__file__).resolve().parents[2]))
BINARY_DIR = Path(os.environ.get("ECOSYS_BINARY_DIR", SOURCE_DIR / "build"))

if "ECOSYS_LIBRARY" not in os.environ and (BINARY_DIR / "libecosys.so").exists():
    os.environ["ECOSYS_LIBRARY"] = str(BINARY_DIR / "libecosys.so")
_bindings = str(SOURCE_DIR / "bindings" / "python")
if _bindings not in sys.path:
    sys.path.insert(0, _bindings)
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_bindings, os.environ.get("PYTHONPATH")) if p)

import ecosys  # noqa: E402  (after the path set-up above)

CLERMONT = Path(os.environ.get("ECOSYS_CLERMONT", SOURCE_DIR / "examples/data/clermont"))
TEST_DATA = Path(os.environ.get("ECOSYS_TEST_DATA", SOURCE_DIR / "tests/data"))
LABEL_DAY = "2019-04-12"


def summary_program() -> Path | None:
    """The C program ecosys-summary of this build, if there is one."""
    path = os.environ.get("ECOSYS_SUMMARY_PROGRAM")
    if path:
        return Path(path)
    candidate = BINARY_DIR / "examples" / "ecosys-summary"
    return candidate if candidate.exists() else None


@pytest.fixture
def clermont_path() -> Path:
    """The bundled Clermont dataset directory."""
    return CLERMONT


@pytest.fixture
def clermont():
    """The Clermont dataset, closed after the test."""
    with ecosys.Dataset.read(CLERMONT) as ds:
        yield ds


@pytest.fixture
def clermont_graph(clermont):
    """The whole Clermont network (every tie, undirected)."""
    with ecosys.Graph(clermont) as g:
        yield g


@pytest.fixture
def star():
    """The star of docs/summary-json.md: hub tied to alpha (2), beta, gamma."""
    g = ecosys.Graph.from_records(
        actors=[{"id": "hub", "name": "Hub", "sector": "core"},
                {"id": "alpha", "name": "Alpha", "sector": "core"},
                {"id": "beta", "name": "Beta", "sector": "edge"},
                {"id": "gamma", "name": "Gamma", "sector": "edge"}],
        ties=[("hub", "alpha", 2), ("hub", "beta"), ("hub", "gamma")])
    with g:
        yield g


@pytest.fixture
def karate():
    """Zachary's karate club as NetworkX wrote it (GraphML)."""
    with ecosys.Dataset.read(TEST_DATA / "valid/graphml/networkx_karate.graphml") as ds:
        yield ds


# Values that may differ in their last bits between two computations of the
# same thing: eigenvector centrality (ARPACK's start vector comes from
# igraph's random number generator), PageRank (Debian's igraph runs PRPACK
# with OpenMP, so sums are reduced in varying order: about 1e-13 relative
# from 2000 actors up), and the summary's betweenness_normalized (raw /
# pairs in the report, igraph's own scaling in
# ecosys_betweenness(ECOSYS_NORMALIZED)).
LAST_BITS = ("eigenvector", "eigenvector_centralization", "pagerank",
             "betweenness_normalized")


def same_value(a, b, name: str = "") -> bool:
    """Equal as the C library means it: JSON null is NaN, NaN equals NaN,
    and the LAST_BITS measures agree to 1e-9 relative."""
    import math
    if isinstance(a, dict) and isinstance(b, dict):
        # Inside a measure's dict (keyed by actor id) the measure's name holds.
        return a.keys() == b.keys() and all(
            same_value(a[k], b[k], name if name in LAST_BITS else k) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y, name) for x, y in zip(a, b))
    if a is None or b is None:
        other = b if a is None else a
        return other is None or (isinstance(other, float) and math.isnan(other))
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        if name in LAST_BITS:
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b
