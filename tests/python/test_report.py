"""The summary: formats, options, and the same text as the C program."""

from __future__ import annotations

import json
import subprocess

import pytest

import ecosys
from conftest import CLERMONT, LABEL_DAY, same_value, summary_program


def test_formats(clermont_graph):
    text = ecosys.summary(clermont_graph)
    markdown = ecosys.summary(clermont_graph, "markdown")
    assert ecosys.summary(clermont_graph, "md") == markdown
    data = ecosys.summary_json(clermont_graph)
    assert text.endswith("\n") and markdown.endswith("\n")
    assert text.startswith(str(CLERMONT))  # the dataset's path is the default title
    assert markdown.startswith(f"# {CLERMONT}")
    assert same_value(data, json.loads(ecosys.summary(clermont_graph, "json")))
    assert data["schema"] == "ecosys-summary" and data["schema_version"] == 1
    assert data["libecosys_version"] == ecosys.library_version()
    assert data["dataset"]["title"] == str(CLERMONT)
    assert data["options"]["snapshot"]["direction"] == "as_dataset"


def test_options(clermont):
    with ecosys.Graph(clermont, at=LABEL_DAY, drop_isolates=True) as g:
        data = ecosys.summary_json(g, group="territory", top=3, weighted=True, title="Label day")
        assert data["dataset"]["title"] == "Label day"
        assert data["options"]["group"] == "territory" and data["options"]["top"] == 3
        assert data["options"]["weighted"] is True and data["uses_weights"]["distances"]
        snapshot = data["options"]["snapshot"]
        assert snapshot["at"] == LABEL_DAY and snapshot["drop_isolates"] is True
        assert {grp["value"] for grp in data["groups"]} == {a.territory for a in g.actors}
        text = ecosys.summary(g, top=3, title="Label day")
        assert text.startswith("Label day\n")
    built = ecosys.Graph.from_records(ties=[("a", "b")])
    assert ecosys.summary_json(built)["dataset"]["title"] is None
    built.close()


def test_group_by_free_attribute(clermont_graph):
    data = ecosys.summary_json(clermont_graph, group="scope")
    scopes = {a["scope"] for a in clermont_graph.dataset.actors}
    assert {grp["value"] for grp in data["groups"]} == scopes
    assert sum(grp["actor_count"] for grp in data["groups"]) == clermont_graph.actor_count


PATH_ACTOR = ("betweenness", "betweenness_normalized", "closeness", "harmonic")
PATH_GRAPH = ("diameter", "mean_distance", "betweenness_centralization",
              "closeness_centralization")


@pytest.mark.parametrize("weighted", [False, True])
def test_without_paths(clermont_graph, weighted):
    """paths=False: the path measures are None, everything else as in the full summary."""
    full = ecosys.summary_json(clermont_graph, weighted=weighted)
    fast = ecosys.summary_json(clermont_graph, weighted=weighted, paths=False)
    assert full["options"]["paths"] is True and fast["options"]["paths"] is False
    assert fast["options"]["weighted"] is weighted
    assert fast["uses_weights"] == full["uses_weights"]
    assert fast["graph"].keys() == full["graph"].keys()
    for name in PATH_GRAPH:
        assert fast["graph"][name] is None, name
    assert full["graph"]["diameter"] is not None
    assert same_value({k: v for k, v in fast["graph"].items() if k not in PATH_GRAPH},
                      {k: v for k, v in full["graph"].items() if k not in PATH_GRAPH})
    assert len(fast["actors"]) == len(full["actors"]) == clermont_graph.actor_count
    for a, b in zip(fast["actors"], full["actors"]):
        assert a.keys() == b.keys()
        assert all(a[name] is None for name in PATH_ACTOR), a
        assert same_value({k: v for k, v in a.items() if k not in PATH_ACTOR},
                          {k: v for k, v in b.items() if k not in PATH_ACTOR})
    assert fast["groups"] == full["groups"]
    # Python's own measures agree with the summary that skipped the paths.
    degree = ecosys.compute(clermont_graph, "degree")
    assert {a["id"]: a["degree"] for a in fast["actors"]} == degree

    text = ecosys.summary(clermont_graph, paths=False, weighted=weighted)
    assert "\nPaths: path measures skipped for speed" in text
    assert "path measures were skipped for speed" in text
    assert "\nDegree\n" in text and "\nPageRank\n" in text
    for heading in ("Betweenness (normalised)", "Closeness", "Harmonic closeness"):
        assert f"\n{heading}\n" not in text
        assert f"\n{heading}\n" in ecosys.summary(clermont_graph, weighted=weighted)
    markdown = ecosys.summary(clermont_graph, "markdown", paths=False)
    assert "- **Paths:**" in markdown and "### Closeness" not in markdown


def run_program(*args):
    program = summary_program()
    if program is None or not program.exists():
        pytest.skip("no ecosys-summary program in this build (ECOSYS_SUMMARY_PROGRAM)")
    return subprocess.run([str(program), *args], capture_output=True, text=True, check=True,
                          timeout=300).stdout


@pytest.mark.parametrize("args,options,kwargs", [
    ([], {}, {}),
    (["--at", LABEL_DAY, "--weighted"], {"at": LABEL_DAY}, {"weighted": True}),
    (["--group", "territory", "--top", "3", "--directed", "--drop-isolates", "--kind",
      "project"], {"directed": True, "drop_isolates": True, "kind": "project"},
     {"group": "territory", "top": 3}),
    (["--no-paths"], {}, {"paths": False}),
    (["--no-paths", "--weighted", "--directed"], {"directed": True},
     {"paths": False, "weighted": True}),
])
@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_same_as_the_c_program(args, options, kwargs, fmt):
    """ecosys-summary (C) and ecosys.summary (Python) give the same report."""
    theirs = run_program("--format", fmt, *args, str(CLERMONT))
    with ecosys.Dataset.read(CLERMONT) as ds, ecosys.Graph(ds, **options) as g:
        ours = ecosys.summary(g, fmt, **kwargs)
    if fmt == "json":
        assert same_value(json.loads(ours), json.loads(theirs))
    else:
        assert ours == theirs
