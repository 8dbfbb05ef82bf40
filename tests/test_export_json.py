"""JSON export: networkx node-link, read back losslessly."""

from __future__ import annotations

import json

import networkx as nx

from argmap.export import FORMATS, export_text, write_export
from argmap.export.json_format import from_json, to_json
from argmap.graph import read_graph


def _same(g: nx.MultiDiGraph, h: nx.MultiDiGraph) -> None:
    assert dict(g.nodes(data=True)) == dict(h.nodes(data=True))
    assert sorted(g.edges(keys=True, data=True)) == sorted(h.edges(keys=True, data=True))
    assert g.graph == h.graph


def test_json_round_trip_through_a_file(small_graph, tmp_path):
    path = write_export(small_graph, "json", tmp_path / "g.json")
    back = read_graph(path)
    _same(small_graph, back)
    assert nx.is_isomorphic(small_graph, back)
    # and writing it again gives the same bytes
    assert to_json(back) == path.read_text(encoding="utf-8")


def test_json_round_trip_in_memory(small_graph):
    _same(small_graph, from_json(to_json(small_graph)))


def test_json_is_node_link_with_edges_key(small_graph):
    data = json.loads(export_text(small_graph, "json"))
    assert {"nodes", "edges", "graph", "directed", "multigraph"} <= set(data)
    assert data["graph"]["format"] == "argmap-graph"
    assert len(data["nodes"]) == small_graph.number_of_nodes()
    assert len(data["edges"]) == small_graph.number_of_edges()


def test_json_keeps_non_ascii_and_awkward_text(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = 'caf\u00e9 \u00a3 "q" \\ \n <x>'
    _same(g, from_json(to_json(g)))


def test_registry_entry():
    f = FORMATS["json"]
    assert f.extension == ".json" and "node-link" in f.description
