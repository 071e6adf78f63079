"""The summary: formats, options, and the same text as the C program."""

from __future__ import annotations

import json
import math
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
    assert data["schema"] == "ecosys-summary" and data["schema_version"] == 2
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
    (["--seed", "5", "--replicates", "50", "--communities", "louvain"], {},
     {"seed": 5, "replicates": 50, "communities": "louvain"}),
    (["--communities", "none", "--group", "territory"], {},
     {"communities": "none", "group": "territory"}),
    (["--no-across-groups"], {}, {"across_groups": False}),
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


# ---- across groups: every new member equals the Python measure of the same name ----

#: Per-actor JSON member: how to compute it from Python (group "sector" unless given).
ACROSS_ACTOR = {
    "ei_index": lambda g, w, grp: ecosys.ei_index_actors(g, grp, weighted=w),
    "blau": lambda g, w, grp: ecosys.blau(g, grp, weighted=w),
    "participation": lambda g, w, grp: ecosys.participation(g, grp, weighted=w),
    "constraint": lambda g, w, grp: ecosys.constraint(g, weighted=w),
    "effective_size": lambda g, w, grp: ecosys.effective_size(g, weighted=w),
    "efficiency": lambda g, w, grp: ecosys.efficiency(g, weighted=w),
    "hierarchy": lambda g, w, grp: ecosys.hierarchy(g, weighted=w),
}


def _by_role(d):
    return {role: (None if isinstance(x, float) and not math.isfinite(x) else x)
            for role, x in d.items()}


@pytest.mark.parametrize("options", [{}, {"directed": True}, {"at": LABEL_DAY}])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("group", ["sector", "territory"])
def test_across_groups_equal_the_python_measures(clermont, options, weighted, group):
    """Each new member of the JSON summary, for every actor, group and the
    whole graph, equals what ecosys.mixing, ecosys.brokerage and
    ecosys.communities return with the summary's options."""
    with ecosys.Graph(clermont, **options) as g:
        data = ecosys.summary_json(g, weighted=weighted, group=group, seed=7, replicates=200)
        actors = data["actors"]
        assert [a["id"] for a in actors] == g.actor_ids
        for name, compute in ACROSS_ACTOR.items():
            ours = compute(g, weighted, group)
            for a in actors:
                assert same_value(ours[a["id"]], a[name], name), (name, a["id"])
            assert data["uses_weights"][name] is weighted
        roles = ecosys.brokerage_roles(g, group)
        for a in actors:
            assert a["brokerage"] == roles.raw[a["id"]], a["id"]
            assert same_value(_by_role(roles.z[a["id"]]), a["brokerage_z"]), a["id"]
        broker = data["brokerage"]
        assert broker["graph_raw"] == roles.graph_raw
        assert same_value(broker["graph_z"], _by_role(roles.graph_z))
        assert same_value(broker["graph_expected"], roles.graph_expected)
        assert broker["density"] == roles.density and broker["arc_count"] == roles.arc_count
        assert data["uses_weights"]["brokerage"] is False

        mixing = data["mixing"]
        ei = ecosys.ei_index(g, group, weighted=weighted)
        for field in ("external", "internal", "ei_index", "dyads", "internal_dyads",
                      "expected", "sd", "z"):
            assert same_value(getattr(ei, field), mixing["ei_index"][field], field), field
        for grp in data["groups"]:
            assert same_value(ei.groups[grp["value"]], grp["ei_index"]), grp["value"]
        perm = ecosys.ei_permutation_test(g, group, replicates=200, seed=7, weighted=weighted)
        got = mixing["ei_index"]["permutation"]
        for field in ("replicates", "seed", "observed", "mean", "sd", "z", "p_greater",
                      "p_less"):
            assert same_value(getattr(perm, field), got[field], field), field
        assert mixing["ei_index"]["p"] == min(1.0, 2 * min(perm.p_greater, perm.p_less))
        assert same_value(ecosys.assortativity(g, group, weighted=weighted),
                          mixing["assortativity"])
        matrix = ecosys.mixing_matrix(g, group)
        assert mixing["mixing_matrix"]["groups"] == matrix.groups
        assert mixing["mixing_matrix"]["ties"] == matrix.ties
        assert same_value(mixing["mixing_matrix"]["weights"], matrix.weights)
        assert mixing["group"] == group and mixing["weighted"] is weighted

        found = ecosys.community_detect(g, seed=7, weighted=weighted)
        with found.partition as communities:
            membership = communities.membership
            assert [a["community"] for a in actors] == \
                [int(membership[k]) for k in g.actor_ids]
            assert same_value(found.modularity, data["communities"]["modularity"])
            assert same_value(ecosys.modularity(g, communities, weighted=weighted, mode="all"),
                              data["communities"]["modularity"])
            z = ecosys.within_module_z(g, communities, weighted=weighted)
            part = ecosys.participation(g, communities, weighted=weighted)
            role = ecosys.roles(g, communities, weighted=weighted)
            for a in actors:
                assert same_value(z[a["id"]], a["within_module_z"]), a["id"]
                assert same_value(part[a["id"]], a["community_participation"]), a["id"]
                assert role[a["id"]] == a["role"], a["id"]
            summary = ecosys.community_summary(g, communities, group)
            listed = data["communities"]["communities"]
            assert [c["name"] for c in listed] == list(summary.communities)
            for c in listed:
                expected = dict(summary.communities[c["name"]])
                assert same_value(expected, {k: v for k, v in c.items() if k != "name"})


def test_across_groups_options(clermont_graph):
    data = ecosys.summary_json(clermont_graph)
    assert data["options"]["seed"] == 1 and data["options"]["replicates"] == 1000
    assert data["options"]["communities"] == "leiden" and data["options"]["across_groups"]
    assert data["mixing"]["ei_index"]["permutation"]["replicates"] == 1000
    louvain = ecosys.summary_json(clermont_graph, communities="louvain", seed=3)
    assert louvain["communities"]["algorithm"] == "louvain"
    found = ecosys.louvain(clermont_graph, seed=3)
    with found.partition as p:
        assert [a["community"] for a in louvain["actors"]] == \
            [int(p.membership[k]) for k in clermont_graph.actor_ids]
    none = ecosys.summary_json(clermont_graph, communities="none")
    assert none["communities"] is None and none["mixing"] is not None
    assert all(a["community"] is None and a["role"] is None for a in none["actors"])
    skipped = ecosys.summary_json(clermont_graph, across_groups=False)
    assert skipped["options"]["across_groups"] is False
    assert skipped["mixing"] is None and skipped["brokerage"] is None
    assert skipped["communities"] is None
    assert all(a["constraint"] is None and a["brokerage"] is None for a in skipped["actors"])
    assert all(grp["ei_index"] is None for grp in skipped["groups"])
    assert skipped["actors"][0].keys() == data["actors"][0].keys()
    text = ecosys.summary(clermont_graph, across_groups=False)
    assert "Across groups" not in text and "Brokers" not in text
    text = ecosys.summary(clermont_graph)
    for heading in ("Across groups (by sector)", "Brokers", "Communities", "Mixing matrix"):
        assert heading in text
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.summary(clermont_graph, communities="walktrap")
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.summary(clermont_graph, replicates=0)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.summary(clermont_graph, seed=-1)
