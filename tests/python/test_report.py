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
