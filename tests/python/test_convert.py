"""Optional conversions: NetworkX and pandas (skipped if not installed)."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

import ecosys
from conftest import CLERMONT


def test_import_does_not_need_networkx_or_pandas():
    code = ("import sys; sys.modules['networkx'] = None; sys.modules['pandas'] = None\n"
            "import ecosys\n"
            "g = ecosys.Graph.from_records(ties=[('a', 'b')])\n"
            "try:\n"
            "    ecosys.to_networkx(g)\n"
            "except ImportError as e:\n"
            "    print('ImportError', e)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "ImportError to_networkx needs networkx" in result.stdout


def test_to_networkx_graph(clermont):
    nx = pytest.importorskip("networkx")
    with ecosys.Graph(clermont, at="2019-04-12") as g:
        G = ecosys.to_networkx(g, measures=["degree", "pagerank", "components"])
        assert isinstance(G, nx.Graph) and not G.is_directed()
        assert list(G.nodes) == g.actor_ids
        assert G.number_of_edges() == g.tie_count
        assert G.nodes["cisca"]["sector"] == "intermediary"
        assert G.nodes["cisca"]["scope"] == "local"
        assert dict(G.degree()) == ecosys.degree(g)
        assert nx.get_node_attributes(G, "pagerank") == ecosys.pagerank(g)
        assert nx.get_node_attributes(G, "components") == ecosys.components(g).membership
        for e in g.edges():
            assert G.edges[e.source, e.target]["weight"] == e.weight
        with pytest.raises(ValueError):
            ecosys.to_networkx(g, measures=["structure"])
    with ecosys.Graph(clermont, directed=True) as g:
        assert isinstance(ecosys.to_networkx(g), nx.DiGraph)


def test_to_networkx_dataset(clermont):
    nx = pytest.importorskip("networkx")
    M = ecosys.to_networkx(clermont)
    assert isinstance(M, nx.MultiGraph)
    assert M.number_of_edges() == clermont.tie_count  # every tie, repeats included
    tie = clermont.ties[0]
    assert M.edges[tie.source, tie.target, 0]["kind"] == tie.kind
    assert M.edges[tie.source, tie.target, 0]["note"] == tie["note"]
    with pytest.raises(TypeError):
        ecosys.to_networkx("graph")


def test_to_pandas(clermont):
    pd = pytest.importorskip("pandas")
    actors, ties = ecosys.to_pandas(clermont)
    assert isinstance(actors, pd.DataFrame) and list(actors.index) == clermont.actors.ids()
    assert list(actors.columns) == ["name", "sector", "territory", "axes", "scope", "evidence"]
    assert len(ties) == clermont.tie_count and ties["weight"].dtype.kind == "f"
    assert ties.loc[0, "note"] == clermont.ties[0]["note"]
    with ecosys.Graph(clermont) as g:
        frame = ecosys.to_pandas(g, measures=["betweenness", "closeness", "core_number"])
        assert list(frame.index) == g.actor_ids
        assert frame.loc["cisca", "betweenness"] == ecosys.betweenness(g)["cisca"]
        assert frame["core_number"].to_dict() == ecosys.core_number(g)
        assert all(not math.isnan(x) for x in frame["betweenness"])
    with pytest.raises(TypeError):
        ecosys.to_pandas(42)


def test_pandas_reads_the_csv_the_same():
    pd = pytest.importorskip("pandas")
    with ecosys.Dataset.read(CLERMONT) as ds:
        actors, _ = ecosys.to_pandas(ds)
    direct = pd.read_csv(CLERMONT / "actors.csv", dtype=str, keep_default_na=False)
    assert actors.reset_index().equals(direct)
