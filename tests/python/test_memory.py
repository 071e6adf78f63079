"""Memory ownership: close(), with, weakref.finalize, no leak over 10^4 cycles."""

from __future__ import annotations

import gc
import os

import pytest

import ecosys
from conftest import CLERMONT


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_no_leak_over_ten_thousand_cycles():
    """10^4 create/free cycles of Dataset + Graph (+ a measure), freed in
    every way the API offers; the resident set must not grow."""

    def cycle(i: int) -> None:
        if i % 3 == 0:  # explicit close
            ds = ecosys.Dataset.read(CLERMONT)
            g = ecosys.Graph(ds, at="2019-04-12")
            ecosys.degree(g)
            g.close()
            ds.close()
        elif i % 3 == 1:  # context managers
            with ecosys.Dataset.read(CLERMONT) as ds, ecosys.Graph(ds) as g:
                ecosys.articulation_points(g)
                ecosys.bridges(g)
        else:  # garbage collection only (reference counting)
            g = ecosys.Graph.from_records(ties=[("a", "b"), ("b", "c")])
            ecosys.summary(g, "json")

    for i in range(300):  # warm-up: allocator pools, caches
        cycle(i)
    gc.collect()
    before = rss_bytes()
    for i in range(10_000):
        cycle(i)
    gc.collect()
    growth = rss_bytes() - before
    assert growth < 20 * 1024 * 1024, f"RSS grew by {growth / 1e6:.1f} MB"


def test_close_and_with(clermont_path):
    ds = ecosys.Dataset.read(clermont_path)
    g = ecosys.Graph(ds)
    assert not ds.closed and not g.closed
    g.close()
    g.close()  # idempotent
    assert g.closed and repr(g) == "<Graph (closed)>"
    for use in (lambda: g.actor_count, lambda: ecosys.degree(g), lambda: g.info,
                lambda: ecosys.summary(g), lambda: g.edges(), lambda: ecosys.structure(g)):
        with pytest.raises(ecosys.ClosedError):
            use()
    with pytest.raises(ValueError):  # ClosedError is a ValueError, like closed files
        ecosys.pagerank(g)
    assert ds.actor_count == 25  # the dataset is still open
    ds.close()
    ds.close()
    assert ds.closed
    with pytest.raises(ecosys.ClosedError):
        ds.actors[0].name
    with pytest.raises(ecosys.ClosedError):
        ds.actors.ids()
    with pytest.raises(ecosys.ClosedError):
        g.actor_ids
    with pytest.raises(ecosys.ClosedError):
        ecosys.Graph(ds)
    with ecosys.Dataset.read(clermont_path) as ds2:
        pass
    assert ds2.closed


def test_closing_a_dataset_closes_its_graphs(clermont_path):
    ds = ecosys.Dataset.read(clermont_path)
    graphs = [ecosys.Graph(ds), ecosys.Graph(ds, at="2019")]
    ds.close()
    assert all(g.closed for g in graphs)


def test_graph_keeps_its_dataset_alive(clermont_path):
    g = ecosys.Graph(ecosys.Dataset.read(clermont_path))  # no other reference to the dataset
    gc.collect()
    assert ecosys.degree(g)["cisca"] > 0
    assert g.actors[0].name.startswith("Centre")
    ds = g.dataset
    del g
    gc.collect()
    assert not ds.closed and ds.actor_count == 25


def test_any_finalisation_order_is_safe(clermont_path):
    """Dataset and graph in one garbage cycle: the collector may finalise
    them in any order; the C dataset is freed after the C graph."""
    for _ in range(200):
        ds = ecosys.Dataset.read(clermont_path)
        g = ecosys.Graph(ds)
        ds.cycle = g  # a reference cycle through both objects
        g.cycle = ds
        owner = ds._owner
        del ds, g
        gc.collect()
        assert owner._handle == 0  # freed, after the graph


def test_views_keep_the_dataset_alive(clermont_path):
    actor = ecosys.Dataset.read(clermont_path).actors["uca"]
    gc.collect()
    assert actor.name == "Université Clermont-Auvergne"


def test_failed_graph_releases_its_borrow(clermont):
    with pytest.raises(ValueError):
        ecosys.Graph(clermont, at="not a date")
    assert clermont._owner._users == 1
    clermont.add_actor("still-mutable")  # no graph left registered
