"""Graphs: snapshots, filters, tie rules, vertices and edges."""

from __future__ import annotations

import datetime

import pytest

import ecosys
from conftest import LABEL_DAY


def test_whole_graph(clermont, clermont_graph):
    g = clermont_graph
    info = g.info
    assert isinstance(info, ecosys.GraphInfo)
    assert g.actor_count == len(g) == info.actor_count == clermont.actor_count
    assert g.tie_count == info.tie_count
    assert not g.directed and not info.directed
    assert info.ties_in_dataset == clermont.tie_count
    assert info.ties_in_dataset == (info.ties_filtered_out + info.zero_weight_ties +
                                    info.self_ties + info.merged_ties + info.tie_count)
    assert g.dataset is clermont and g.options == ecosys.GraphOptions()
    assert g.actor_ids == clermont.actors.ids()
    assert [a.id for a in g.actors] == g.actor_ids == [a.id for a in g]
    assert g.actors[0] == clermont.actors[0] and g.actors[1:2] == [clermont.actors[1]]
    assert repr(g) == f"<Graph: {g.actor_count} actors, {g.tie_count} ties, undirected>"


def test_edges_follow_the_tie_rules(clermont_graph):
    edges = clermont_graph.edges()
    assert len(edges) == clermont_graph.tie_count
    assert all(isinstance(e, ecosys.Edge) for e in edges)
    ids = clermont_graph.actor_ids
    total = 0.0
    for e in edges:
        assert e.source != e.target and ids.index(e.source) < ids.index(e.target)
        total += e.weight
    assert total == pytest.approx(sum(t.weight for t in clermont_graph.dataset.ties
                                      if t.source != t.target))
    assert len({(e.source, e.target) for e in edges}) == len(edges)


def test_snapshot_on_a_day(clermont):
    with ecosys.Graph(clermont, at=LABEL_DAY) as g, \
            ecosys.Graph(clermont, at=datetime.date(2019, 4, 12)) as same:
        assert g.options.at == same.options.at == LABEL_DAY
        assert g.tie_count == same.tie_count
        assert 0 < g.tie_count < clermont.tie_count
        assert g.info.ties_filtered_out > 0
        assert g.actor_count == clermont.actor_count  # isolates kept


def test_interval_filters_and_isolates(clermont):
    with ecosys.Graph(clermont, from_="2019-05", to="2019-12") as g:
        assert g.options.from_ == "2019-05" and g.options.to == "2019-12"
    kinds = {t.kind for t in clermont.ties}
    kind = sorted(kinds)[0]
    with ecosys.Graph(clermont, kind=kind, drop_isolates=True) as g:
        assert g.actor_count < clermont.actor_count
        assert g.info.actors_filtered_out == clermont.actor_count - g.actor_count
        members = set(g.actor_ids)
        for e in g.edges():
            assert e.source in members and e.target in members
        v = g.vertex(g.actor_ids[-1])
        assert v == g.actor_count - 1 and g.actor(v).id == g.actor_ids[-1]
        # Vertex order is dataset order, filtered.
        indices = [a.index for a in g.actors]
        assert indices == sorted(indices)
    axes = {t.axis for t in clermont.ties if t.axis}
    if axes:
        with ecosys.Graph(clermont, axis=sorted(axes)[0]) as g:
            assert g.tie_count <= clermont.tie_count


def test_territory_filter(clermont):
    territory = clermont.actors[0].territory
    with ecosys.Graph(clermont, territory=territory) as g:
        assert all(a.territory == territory for a in g.actors)
        assert g.vertex(clermont.actors[0]) == 0


def test_direction(clermont):
    with ecosys.Graph(clermont, directed=True) as g:
        assert g.directed and g.options.directed is True
        assert g.tie_count >= ecosys.Graph(clermont).tie_count
    with ecosys.Graph(clermont, directed=False) as g:
        assert not g.directed
    ds = ecosys.Dataset.from_records(ties=[("a", "b"), ("b", "a")], directed=True)
    assert ecosys.Graph(ds).tie_count == 2
    assert ecosys.Graph(ds, directed=False).tie_count == 1
    assert ecosys.Graph(ds, directed=False).info.merged_ties == 1


def test_tie_rules_counted():
    g = ecosys.Graph.from_records(
        ties=[("a", "b", 1), ("a", "b", 2), ("b", "b", 1), ("b", "c", 0), ("c", "d", 4)])
    i = g.info
    assert (i.tie_count, i.merged_ties, i.self_ties, i.zero_weight_ties) == (2, 1, 1, 1)
    assert g.edges() == [("a", "b", 3.0), ("c", "d", 4.0)]
    g.close()
    assert g.dataset.closed  # from_records' dataset goes with its graph


def test_vertex_errors(clermont_graph):
    with pytest.raises(ecosys.InvalidArgumentError):
        clermont_graph.actor(clermont_graph.actor_count)
    with pytest.raises(TypeError):
        ecosys.Graph("examples/data/clermont")


def test_graph_of_an_empty_dataset():
    ds = ecosys.Dataset()
    with ds.graph() as g:
        assert g.actor_count == 0 and g.edges() == [] and g.actor_ids == []
        assert ecosys.degree(g) == {} and ecosys.pagerank(g) == {}
        assert ecosys.components(g) == (0, {})
        assert ecosys.articulation_points(g) == [] and ecosys.bridges(g) == []
        assert ecosys.structure(g).actor_count == 0
    ds.close()
