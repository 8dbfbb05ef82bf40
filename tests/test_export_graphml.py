"""GraphML export: loads back with networkx.read_graphml with the same nodes and edges."""

from __future__ import annotations

import io
import json

import networkx as nx

from argmap.export.graphml import flatten_value, graphml_graph, to_graphml, write_graphml


def _read(text: str) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)


def test_graphml_loads_with_same_nodes_and_edges(small_graph, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(small_graph, path)
    h = nx.read_graphml(path, force_multigraph=True)
    assert h.is_directed()
    assert h.number_of_nodes() == small_graph.number_of_nodes()
    assert h.number_of_edges() == small_graph.number_of_edges()
    assert set(h.nodes) == set(small_graph.nodes)
    assert sorted(h.edges(keys=True)) == sorted(small_graph.edges(keys=True))


def test_graphml_flattens_lists_and_dicts_and_drops_none(small_graph):
    h = _read(to_graphml(small_graph))
    claim = h.nodes["claim:doc-a:1"]
    assert claim["targets"] == "proposal:multi-agency-child-protection-teams"
    assert claim["themes"] == "theme:funding"
    assert claim["start"] == 100 and claim["quoted"] is True
    person = h.nodes["actor:jo-bloggs"]
    assert person["documents"] == "doc-a"
    org = h.nodes["actor:basw"]
    assert "affiliation" not in org and "role" not in org  # None values dropped
    assert org["documents"] == "doc-a; doc-b"
    assert json.loads(h.graph["taxonomy"])["name"] == small_graph.graph["taxonomy"]["name"]
    assert h.nodes["proposal:family-help"]["label"] == "Family help services"


def test_flatten_value():
    assert flatten_value(None) is None
    assert flatten_value(["a", "b"]) == "a; b"
    assert flatten_value([{"id": 1}]) == '[{"id": 1}]'
    assert flatten_value({"b": 1, "a": 2}) == '{"a": 2, "b": 1}'
    assert flatten_value(3) == 3 and flatten_value(True) is True
    assert flatten_value("bad\x00char\x1b") == "badchar"


def test_graphml_survives_awkward_text(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = 'caf\u00e9 <b>&amp;</b> "q" \x00\x0b end'
    h = _read(to_graphml(g))
    assert h.nodes["claim:doc-a:1"]["text"] == 'caf\u00e9 <b>&amp;</b> "q"  end'


def test_graphml_copy_has_only_scalars(small_graph):
    h = graphml_graph(small_graph)
    for _, d in h.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())
