"""Threads: measures on one graph from several Python threads at once."""

from __future__ import annotations

import concurrent.futures
import math

import ecosys
from conftest import CLERMONT, LABEL_DAY, same_value


def results(graph):
    return {
        "degree": ecosys.degree(graph),
        "strength": ecosys.strength(graph),
        "betweenness": ecosys.betweenness(graph, normalized=True),
        "closeness": ecosys.closeness(graph),
        "harmonic": ecosys.harmonic(graph, weighted=True),
        "pagerank": ecosys.pagerank(graph),
        "local_clustering": ecosys.local_clustering(graph),
        "core_number": ecosys.core_number(graph),
        "components": ecosys.components(graph),
        "articulation_points": ecosys.articulation_points(graph),
        "bridges": ecosys.bridges(graph),
        "structure": ecosys.structure(graph).as_dict(),
        "summary": ecosys.summary(graph, "markdown"),
    }


def same(a, b):
    return same_value(a, b)


def test_same_graph_from_four_threads():
    with ecosys.Dataset.read(CLERMONT) as ds, ecosys.Graph(ds, at=LABEL_DAY) as g:
        expected = results(g)
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            for got in pool.map(lambda _: results(g), range(32)):
                assert same(got, expected)


def test_eigenvector_from_threads():
    with ecosys.Dataset.read(CLERMONT) as ds, ecosys.Graph(ds) as g:
        expected = ecosys.eigenvector(g)
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            for got in pool.map(lambda _: ecosys.eigenvector(g), range(16)):
                assert got.keys() == expected.keys()
                for k in got:
                    assert math.isclose(got[k], expected[k], rel_tol=1e-9, abs_tol=1e-12)


def test_objects_created_and_freed_in_threads():
    def work(i):
        with ecosys.Dataset.read(CLERMONT) as ds, ecosys.Graph(ds, at=f"{2018 + i % 3}") as g:
            try:
                ds.actor(f"missing-{i}")
            except ecosys.NotFoundError as e:  # the error is this thread's own
                assert f"missing-{i}" in e.message or e.code == -6
            return g.tie_count, sum(ecosys.degree(g).values())

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(work, range(48)))
    for i, (ties, degrees) in enumerate(got):
        assert degrees == 2 * ties
        assert got[i] == got[i % 3]
