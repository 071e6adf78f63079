"""Partitions: by attribute, from a membership, names, life cycle."""

from __future__ import annotations

import gc

import pytest

import ecosys


@pytest.fixture
def sectors():
    """Five actors: two companies, one association, one without sector, one company."""
    g = ecosys.Graph.from_records(
        actors=[{"id": "a", "sector": "company"}, {"id": "b", "sector": "association"},
                {"id": "c", "sector": ""}, {"id": "d", "sector": "company"},
                {"id": "e", "sector": "association", "size": "big"}],
        ties=[("a", "b"), ("b", "c")])
    with g:
        yield g


def test_by_attribute(sectors):
    with ecosys.Partition.by_attribute(sectors, "sector") as p:
        # numbered in order of the first actor having them; "" is a group
        assert p.groups == ["company", "association", ""]
        assert p.membership == {"a": "company", "b": "association", "c": "",
                                "d": "company", "e": "association"}
        assert list(p.membership) == sectors.actor_ids
        assert p.group_numbers == [0, 1, 2, 0, 1]
        assert p.sizes == {"company": 2, "association": 2, "": 1}
        assert p.group_count == 3 and p.vertex_count == len(p) == 5
        assert p.find_group("association") == 1
        assert p.group_of("c") == ""
        with pytest.raises(ecosys.NotFoundError):
            p.find_group("state")
        with pytest.raises(ecosys.NotFoundError):
            p.group_of("zz")
        assert repr(p) == "<Partition: 5 actors in 3 groups>"
    assert p.closed and repr(p) == "<Partition (closed)>"
    with ecosys.Partition.by_attribute(sectors, "size") as p:  # free attribute
        assert p.groups == ["", "big"]


def test_unknown_attribute_lists_the_available_ones(sectors):
    with pytest.raises(ecosys.InvalidArgumentError) as info:
        ecosys.Partition.by_attribute(sectors, "colour")
    assert 'no actor attribute "colour"' in str(info.value)
    assert "sector" in str(info.value) and "size" in str(info.value)


def test_from_membership_numbers(sectors):
    # the C library renumbers by first appearance and names by decimal text
    with ecosys.Partition.from_membership(5, [5, 2, 5, 7, 2]) as p:
        assert p.groups == ["5", "2", "7"]
        assert p.group_numbers == [0, 1, 0, 2, 1]
        assert p.membership == {0: "5", 1: "2", 2: "5", 3: "7", 4: "2"}
    with ecosys.Partition.from_membership(sectors, {"a": 1, "b": 1, "c": 0, "d": 0,
                                                    "e": 3}) as p:
        assert p.groups == ["1", "0", "3"]
        assert p.membership["e"] == "3"


def test_from_membership_labels(sectors):
    with ecosys.Partition.from_membership(
            sectors, {"e": "x", "d": "y", "c": "x", "b": "z", "a": "y"}) as p:
        # vertex order a..e: y z x y x
        assert p.groups == ["y", "z", "x"]
        assert p.group_numbers == [0, 1, 2, 0, 2]
        assert p.find_group("x") == 2
    with ecosys.Partition.from_membership(sectors, ["p", "q", "p", "q", "p"]) as p:
        assert p.membership == {"a": "p", "b": "q", "c": "p", "d": "q", "e": "p"}


def test_from_membership_errors(sectors):
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.Partition.from_membership(sectors, {"a": 0})
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.Partition.from_membership(sectors, {k: 0 for k in "abcdez"})
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.Partition.from_membership(sectors, [0, 1])
    with pytest.raises(ecosys.InvalidArgumentError):
        ecosys.Partition.from_membership(-1, [])
    with pytest.raises(TypeError):
        ecosys.Partition.from_membership("abc", [0, 1, 2])
    with pytest.raises(TypeError):
        ecosys.Partition.by_attribute("graph", "sector")


def test_zero_vertices():
    with ecosys.Partition.from_membership(0, []) as p:
        assert p.groups == [] and p.membership == {} and len(p) == 0


def test_outlives_its_graph_and_is_collected():
    g = ecosys.Graph.from_records(actors=[{"id": "a", "sector": "s"}], ties=[])
    p = ecosys.Partition.by_attribute(g, "sector")
    g.close()
    assert p.membership == {"a": "s"}  # copied, not borrowed
    p.close()
    p.close()  # twice is fine
    with pytest.raises(ecosys.ClosedError):
        p._handle
    q = ecosys.Partition.from_membership(3, [0, 0, 1])
    finalizer = q._finalizer
    del q
    gc.collect()
    assert not finalizer.alive
