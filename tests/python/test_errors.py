"""Errors: every C code maps to its exception class, with file, line, column."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import pytest

import ecosys
from ecosys import errors
from conftest import TEST_DATA

CLASSES = {
    "ENOMEM": (ecosys.EcosysMemoryError, MemoryError),
    "EINVAL": (ecosys.InvalidArgumentError, ValueError),
    "EIO": (ecosys.EcosysIOError, OSError),
    "EPARSE": (ecosys.ParseError, ValueError),
    "ENOTFOUND": (ecosys.NotFoundError, LookupError),
    "EEXISTS": (ecosys.AlreadyExistsError, ValueError),
    "ECOMPUTE": (ecosys.ComputeError, RuntimeError),
    "ECANCELLED": (ecosys.CancelledError, RuntimeError),
    "EUNSUPPORTED": (ecosys.UnsupportedError, ValueError),
}


def read_expected(path: Path) -> dict:
    expected: dict = {"message": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if ":" not in line:
            continue
        key, value = line.split(":", 1)
        value = value.strip()
        if key == "message":
            expected["message"].append(value)
        else:
            expected[key] = value
    return expected


def invalid_cases():
    for fmt, inputs in (("csv", None), ("graphml", "input.graphml"), ("json", "input.json")):
        root = TEST_DATA / "invalid" / fmt
        for case in sorted(p for p in root.iterdir() if p.is_dir()):
            yield pytest.param(fmt, case / inputs if inputs else case, id=f"{fmt}/{case.name}")


@pytest.mark.parametrize("fmt,path", list(invalid_cases()))
def test_invalid_input_cases(fmt, path):
    """Each invalid-input folder of tests/data gives the documented error,
    as the matching exception class, with file, line, column and message."""
    case = path if path.is_dir() else path.parent
    want = read_expected(case / "expected")
    with pytest.raises(ecosys.EcosysError) as info:
        ecosys.Dataset.read(path, format=fmt)
    e = info.value
    cls, builtin = CLASSES[want["code"]]
    assert type(e) is cls, (e, want)
    assert isinstance(e, builtin)
    assert e.name == want["code"]
    assert Path(e.file).name == want["file"]
    assert e.line == int(want["line"]) and e.column == int(want["column"])
    for fragment in want["message"]:
        assert fragment in e.message
    if e.line:
        assert f"{want['file']}:{e.line}:{e.column}: " in str(e)


def test_parse_error_attributes():
    path = TEST_DATA / "invalid/csv/weight_negative"
    with pytest.raises(ValueError) as info:
        ecosys.Dataset.read(path)
    e = info.value
    assert isinstance(e, ecosys.ParseError) and isinstance(e, ecosys.EcosysError)
    assert e.file == str(path / "collaborations.csv") and e.source == e.file
    assert (e.line, e.column) == (2, 5)
    assert e.code == -5
    assert str(e).startswith(f"{path / 'collaborations.csv'}:2:5: ")


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError) as info:
        ecosys.Dataset.read(tmp_path / "nowhere")
    assert isinstance(info.value, ecosys.EcosysIOError)
    assert info.value.filename == str(tmp_path / "nowhere")
    with pytest.raises(ecosys.EcosysIOError):
        ecosys.Dataset.read(tmp_path / "nowhere.json")


def test_write_to_an_impossible_place_is_an_os_error(clermont, tmp_path):
    (tmp_path / "file").write_text("x")
    ecosys.clear_twomode(clermont)  # JSON refuses events first (test_twomode.py)
    with pytest.raises(OSError):
        clermont.write(tmp_path / "file" / "inside.json")


def test_unknown_format(tmp_path):
    (tmp_path / "data.txt").write_text("x")
    with pytest.raises(ecosys.UnsupportedError):
        ecosys.Dataset.read(tmp_path / "data.txt")
    with pytest.raises(ValueError):
        ecosys.Dataset.read(tmp_path / "data.txt", format="xlsx")


def test_unknown_actor_is_a_lookup_error(clermont, clermont_graph):
    with pytest.raises(LookupError):
        clermont.actor("nobody")
    with pytest.raises(ecosys.NotFoundError):
        clermont.actors["nobody"]
    with pytest.raises(LookupError):
        clermont_graph.vertex("nobody")
    with pytest.raises(LookupError):
        ecosys.Dataset.from_records(["a"], [("a", "nobody")])


def test_actor_outside_the_graph_is_a_lookup_error(clermont):
    with ecosys.Graph(clermont, territory="nowhere") as g:
        assert g.actor_count == 0
        with pytest.raises(ecosys.NotFoundError):
            g.vertex("cisca")


def test_bad_options_are_value_errors(clermont, clermont_graph):
    with pytest.raises(ValueError):
        ecosys.Graph(clermont, at="2019-13-01")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.Graph(clermont, at="2019", from_="2018")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.Graph(clermont, from_="2020", to="2019")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.pagerank(clermont_graph, damping=1.5)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.pagerank(clermont_graph, damping=math.nan)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.degree(clermont_graph, mode="sideways")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.summary(clermont_graph, "pdf")
    with pytest.raises(ecosys.InvalidArgumentError) as info:
        ecosys.summary(clermont_graph, group="colour")
    assert "sector" in info.value.message  # lists the attributes the actors have
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.summary(clermont_graph, top=0)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.compute(clermont_graph, "no_such_measure")
    with pytest.raises(TypeError):
        ecosys.degree(clermont_graph, weighted=True)  # degree takes no weights


def test_bad_values_when_building():
    ds = ecosys.Dataset()
    ds.add_actor("a")
    ds.add_actor("b")
    with pytest.raises(ecosys.AlreadyExistsError):
        ds.add_actor("a")
    with pytest.raises(ecosys.InvalidArgumentError):
        ds.add_actor("")
    for weight in (-1, math.nan, math.inf, "heavy"):
        with pytest.raises(ecosys.InvalidArgumentError):
            ds.add_tie("a", "b", weight)
    with pytest.raises(ecosys.InvalidArgumentError):
        ds.add_tie("a", "b", start="2019-02-30")
    with pytest.raises(ecosys.InvalidArgumentError):
        ds.add_tie("a", "b", start="2020", end="2019")
    with pytest.raises(ecosys.InvalidArgumentError):
        ds.add_actor("c\0d")
    with pytest.raises(ecosys.InvalidArgumentError):
        ds.add_actor("\udc80")  # a lone surrogate is no UTF-8
    with pytest.raises(TypeError):
        ds.add_actor(42)
    with pytest.raises(ecosys.AlreadyExistsError):
        ds.add_attribute("name")
    with pytest.raises(ecosys.NotFoundError):
        ds.set_attribute_type("nothing", "int")
    ds.add_attribute("size")
    with pytest.raises(ecosys.InvalidArgumentError):
        ds.set_attribute_type("size", "complex")
    assert ds.actor_count == 2 and ds.tie_count == 0  # nothing half-added
    ds.close()


def test_parse_date_errors():
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.parse_date("12/04/2019")


def test_hierarchy():
    for cls, builtin in CLASSES.values():
        assert issubclass(cls, ecosys.EcosysError) and issubclass(cls, builtin)
    assert issubclass(ecosys.ClosedError, ValueError)
    assert errors.error_class(-1) is ecosys.EcosysError
    assert errors.error_class(-1234) is ecosys.EcosysError


@pytest.mark.parametrize("code", sorted(errors._NAMES))
def test_every_code_builds_its_exception(code):
    if code == 0:
        return
    e = errors.error_from_code(code, "why", "f.csv", 3, 4)
    assert e.code == code and str(e) == "f.csv:3:4: why"
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is type(e) and again.line == 3 and again.message == "why"


def test_error_of_one_thread_is_not_seen_by_another(clermont):
    import threading
    seen = []

    def fail():
        try:
            ecosys.Dataset.read(TEST_DATA / "invalid/csv/weight_negative")
        except ecosys.ParseError as e:
            seen.append(e.line)

    threads = [threading.Thread(target=fail) for _ in range(4)]
    for t in threads:
        t.start()
    with pytest.raises(ecosys.NotFoundError) as info:
        clermont.actor("nobody")
    for t in threads:
        t.join()
    assert seen == [2, 2, 2, 2]
    assert info.value.line == 0 and info.value.code == -6
