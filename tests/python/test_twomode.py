"""Two-mode data from Python: events and participation, CSV round trip,
projections (checked against NetworkX's bipartite projections, computed here
on the same data), axis layers and helix synergy (the same values as the C
tests: tests/data/expected/reference_twomode.h)."""

from __future__ import annotations

import math
import re

import pytest

import ecosys
from conftest import CLERMONT, SOURCE_DIR, TEST_DATA

SMALL = TEST_DATA / "valid" / "twomode"


def reference(name):
    """A constant of tests/data/expected/reference_twomode.h, as the C tests see it."""
    text = (SOURCE_DIR / "tests/data/expected/reference_twomode.h").read_text()
    match = re.search(rf"#define {name} (.*)", text)
    return [float(x) for x in match.group(1).split(",")]


def reference_pairs(name):
    text = (SOURCE_DIR / "tests/data/expected/reference_twomode.h").read_text()

    def array(suffix):
        body = re.search(rf"{name}_{suffix}\[\] = {{(.*)}};", text).group(1)
        return [float(x) for x in body.split(",")]
    return list(zip(array("SOURCE"), array("TARGET"), array("WEIGHT")))


@pytest.fixture
def small():
    with ecosys.Dataset.read(SMALL) as ds:
        yield ds


def test_read(small):
    events = ecosys.events(small)
    assert [e.id for e in events] == ["e1", "e2", "e3", "e4", "e5", "e6"]
    assert events[0].name == "Steering committee, mobility"
    assert events[4].attributes == {"place": "Café"}
    rows = ecosys.participation_rows(small)
    assert len(rows) == 15
    assert (rows[-1].actor, rows[-1].event, rows[-1].attributes) == ("a", "e1",
                                                                     {"role": "repeated row"})
    assert ecosys.find_event(small, "e3") == 2
    with pytest.raises(ecosys.NotFoundError):
        ecosys.find_event(small, "nope")
    assert ecosys.has_twomode(small)


def test_build_and_round_trip(tmp_path):
    with ecosys.Dataset() as ds:
        ds.add_actor("x", sector="academia")
        ds.add_actor("y", sector="business")
        assert ecosys.add_event(ds, "m1", "Meeting", date="2019-05", axis="food",
                                place="Hall") == 0
        ecosys.add_event(ds, "m2")
        ecosys.add_participation(ds, "x", "m1", role="chair")
        ecosys.add_participation(ds, "y", "m1")
        with pytest.raises(ecosys.AlreadyExistsError):
            ecosys.add_event(ds, "m1")
        with pytest.raises(ecosys.InvalidArgumentError):
            ecosys.add_event(ds, "m3", date="2019-13")
        with pytest.raises(ecosys.NotFoundError):
            ecosys.add_participation(ds, "x", "nope")
        ds.write(tmp_path / "out")
        with ecosys.Dataset.read(tmp_path / "out") as back:
            assert back.difference(ds) is None
            assert ecosys.participation_rows(back)[0].attributes == {"role": "chair"}
        with pytest.raises(ecosys.UnsupportedError, match="two-mode"):
            ds.write(tmp_path / "out.graphml")
        with pytest.raises(ecosys.UnsupportedError):
            ds.write(tmp_path / "out.json")
        ecosys.clear_twomode(ds)
        assert not ecosys.has_twomode(ds)
        ds.write(tmp_path / "out.json")


@pytest.mark.parametrize("weight,name", [("count", "TM_ALL_COUNT"), ("newman", "TM_ALL_NEWMAN"),
                                         ("jaccard", "TM_ALL_JACCARD")])
def test_projection_matches_c_reference(small, weight, name):
    result = ecosys.project(small, weight=weight)
    with result.dataset as p:
        got = [(float(t.source_actor.index), float(t.target_actor.index), t.weight)
               for t in p.ties]
    for (s, t, w), (rs, rt, rw) in zip(got, reference_pairs(name)):
        assert (s, t) == (rs, rt)
        assert w == pytest.approx(rw, abs=1e-12)
    assert len(got) == len(reference_pairs(name))
    assert result.repeated_participations == 1 and result.events_used == 6


def test_projection_matches_networkx(small):
    nx = pytest.importorskip("networkx")
    from networkx.algorithms import bipartite
    B = nx.Graph()
    actors = small.actors.ids()
    B.add_nodes_from(actors, bipartite=0)
    for row in ecosys.participation_rows(small):
        if ecosys.events(small)[ecosys.find_event(small, row.event)].axis == "food":
            B.add_edge(row.actor, "ev:" + row.event)
    expected = bipartite.collaboration_weighted_projected_graph(B, actors)
    result = ecosys.project(small, weight=ecosys.ProjectionWeight.NEWMAN, axis="food")
    with result.dataset as p:
        assert p.tie_count == expected.number_of_edges()
        for t in p.ties:
            assert t.weight == pytest.approx(expected[t.source][t.target]["weight"], abs=1e-12)
            assert t.kind == "co-participation"
            assert t["shared_events"] == "1"
    with pytest.raises(ValueError):
        ecosys.project(small, weight="cosine")


def test_projection_feeds_measures(small):
    result = ecosys.project(small, weight="newman", from_="2019-02", to="2019-12")
    assert result.events_used == 3
    with result.dataset as p, ecosys.Graph(p) as g:
        strength = ecosys.strength(g)
        assert strength["b"] == pytest.approx(1 + 3 * (1 / 3))  # ab (e2) + bc, bd, be (e3)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.project(small, at="2019", from_="2018")


def test_axis_layers(small):
    result = ecosys.axis_layers(small)
    assert [layer.axis for layer in result.layers] == ["mobility", "food", "digital"]
    for layer, name in zip(result.layers, ("TM_LAYER_MOBILITY", "TM_LAYER_FOOD",
                                           "TM_LAYER_DIGITAL")):
        actors, ties, density, components, largest = reference(name)
        assert (layer.actor_count, layer.tie_count, layer.component_count,
                layer.largest_component) == (actors, ties, components, largest)
        assert layer.density == pytest.approx(density)
    assert result.multi_axis == {"a": ("mobility", "digital"), "b": ("mobility", "food"),
                                 "c": ("mobility", "food"), "d": ("food", "digital")}
    assert result.unassigned_events == 1


def test_helix_synergy(small):
    triple = ecosys.helix_synergy(small, ["academia", "business", "public"])
    assert triple.t == pytest.approx(reference("TM_HELIX_TRIPLE")[0], abs=1e-12)
    assert triple.t < 0 and triple.event_count == 6
    assert set(triple.entropy) == {"academia", "business", "public"}
    sparse = ecosys.helix_synergy(small, ["public", "civil_society", "academia"],
                                  keep_empty_events=True)
    assert sparse.t == pytest.approx(reference("TM_HELIX_SPARSE_KEEP")[0], abs=1e-12)
    quadruple = ecosys.helix_synergy(small, ["academia", "business", "public", "civil_society"])
    assert quadruple.t == pytest.approx(reference("TM_HELIX_QUADRUPLE")[0], abs=1e-12)
    # Mutual redundancy (Leydesdorff & Ivanova 2014): T in odd dimensions, -T in even.
    assert triple.redundancy == triple.t and quadruple.redundancy == -quadruple.t
    by_column = ecosys.helix_synergy(small, ["university", "industry", "government"],
                                     attribute="helix")
    assert by_column.t == pytest.approx(reference("TM_HELIX_ATTRIBUTE")[0], abs=1e-12)
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.helix_synergy(small, ["academia"])


def test_clermont_two_mode():
    with ecosys.Dataset.read(CLERMONT) as ds:
        rows = ecosys.participation_rows(ds)
        assert rows and {r.attributes["evidence"] for r in rows} == {"stated", "assumed"}
        layers = ecosys.axis_layers(ds)
        assert [layer.axis for layer in layers.layers] == ["mobility", "food", "digital"]
        assert "cisca" in layers.multi_axis
        assert math.isfinite(ecosys.helix_synergy(ds, ["academia", "business", "public"]).t)
