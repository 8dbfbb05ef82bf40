"""Network files: GraphML that Gephi and visone accept, JSON, CSV, pictures, dynamic GEXF, DNA export."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from argmap.errors import ExportError
from argmap.export import export_text
from argmap.export.dna import COLUMNS, dna_rows
from argmap.export.network_files import (
    coalition_colour,
    network_csv,
    network_dot,
    network_graphml,
    network_json,
    windows_gexf,
    write_network,
    write_windows,
)
from argmap.export.timeline_chart import timeline_dot, write_timeline_chart
from argmap.networks import actor_network, coalitions, label_coalitions
from argmap.timeline import timeline, windows
from conftest import have_dot
from test_networks import camps  # noqa: F401  (fixture)
from test_timeline import moving  # noqa: F401  (fixture)

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
GRAPHML_TYPES = {"boolean": {"true", "false"}, "int": None, "long": None, "float": None, "double": None,
                 "string": None}


@pytest.fixture()
def net(camps):  # noqa: F811
    n = actor_network(camps, "subtract")
    return label_coalitions(n, coalitions(n))


def test_graphml_declares_every_attribute_once_with_a_type(net):
    root = ET.fromstring(network_graphml(net))
    keys = root.findall("g:key", NS)
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    assert {k.get("for") for k in keys} <= {"node", "edge"}  # no graph-level data: Gephi rejects it
    assert all(k.get("attr.type") in GRAPHML_TYPES and k.get("attr.name") for k in keys)
    declared = {k.get("id"): k.get("attr.type") for k in keys}
    graph = root.find("g:graph", NS)
    assert graph.get("edgedefault") == "undirected" and graph.find("g:data", NS) is None
    for data in root.iter(f"{{{NS['g']}}}data"):
        kind = declared[data.get("key")]
        text = data.text or ""
        if kind in ("int", "long"):
            int(text)
        elif kind in ("float", "double"):
            assert float(text) != 0 or data.get("key") != "weight"
        elif kind == "boolean":
            assert text in ("true", "false")
    assert {"label", "weight", "coalition", "statements", "agree", "r", "g", "b"} <= set(declared)


def test_graphml_round_trip_keeps_every_attribute(net):
    back = nx.read_graphml(io.StringIO(network_graphml(net)))
    assert set(back.nodes) == set(net.nodes) and back.number_of_edges() == net.number_of_edges()
    a, b = next(iter(net.edges))
    assert back.edges[a, b]["weight"] == net.edges[a, b]["weight"]
    assert back.edges[a, b]["agree"] == "; ".join(net.edges[a, b]["agree"])
    assert back.nodes["actor:ann"]["label"] == "Ann" and back.nodes["actor:ann"]["coalition"] >= 1
    assert back.edges["actor:ann", "actor:dept"]["weight"] < 0


def test_graphml_types_stay_consistent_when_values_mix():
    g = nx.Graph()
    g.add_node("a", label="A", score=1, tag=None)
    g.add_node("b", label="B", score=2.5, tag="x")
    g.add_edge("a", "b", weight=1)
    root = ET.fromstring(network_graphml(g))
    types = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key", NS)}
    assert types["score"] == "double" and types["tag"] == "string"


def test_json_and_csv(net):
    data = json.loads(network_json(net))
    assert data["graph"]["kind"] == "subtract" and data["edges"] and isinstance(data["edges"][0]["agree"], list)
    rows = list(csv.DictReader(io.StringIO(network_csv(net))))
    assert len(rows) == net.number_of_edges()
    row = next(r for r in rows if {r["source"], r["target"]} == {"actor:ann", "actor:dept"})
    assert row["weight"] == "-3" and row["source_label"] in ("Ann", "Dept") and row["conflict"] == "3"


def test_picture_source(net):
    dot = network_dot(net, title="subtract network")
    assert "layout=neato" in dot and "start=14" in dot
    assert f'fillcolor="{coalition_colour(1)}"' in dot and "style=dashed" in dot  # a negative tie
    assert '"actor:ann" [shape=ellipse' in dot and '"actor:dept" [shape=box' in dot


@pytest.mark.skipif(not have_dot(), reason="Graphviz dot is not installed")
@pytest.mark.dot
def test_write_network_by_extension(net, tmp_path):
    for ext in ("graphml", "json", "csv", "dot", "svg", "png"):
        path = write_network(net, tmp_path / f"net.{ext}")
        assert path.stat().st_size > 100
    assert (tmp_path / "net.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ExportError, match="cannot tell"):
        write_network(net, tmp_path / "net.txt")


def test_dynamic_gexf(moving, tmp_path):  # noqa: F811
    ws = windows(moving, window="2M", step="1M")
    text = windows_gexf(ws)
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text and 'lastmodifieddate="2025-05-31"' in text
    g = nx.read_gexf(io.StringIO(text))
    bob = g.nodes["actor:bob"]
    assert bob["spells"] == [("2025-01-01", "2025-05-31")]  # present in every window slice
    assert bob["statements"][0] == (1, "2025-01-01", "2025-01-31")
    edge = g.edges["actor:bob", "actor:dept"]
    assert edge["spells"] == [("2025-01-01", "2025-01-31")]  # they agree only in the first window
    assert windows_gexf(ws) == text  # reproducible
    assert write_windows(ws, tmp_path / "w.gexf") == [tmp_path / "w.gexf"]
    files = write_windows(ws, tmp_path / "w.graphml")
    assert [p.name for p in files] == ["w-2025-01-01.graphml", "w-2025-02-01.graphml", "w-2025-03-01.graphml",
                                       "w-2025-04-01.graphml"]


def test_timeline_chart(moving, tmp_path):  # noqa: F811
    t = timeline(moving, "pathfinder")
    dot = timeline_dot(t)
    assert dot.count('BGCOLOR="#2E8B57"') == 3 and dot.count('BGCOLOR="#C0392B"') == 2  # Jan, Mar, May / Jan, Mar
    assert dot.count("\u21ba 1<") == 2 and "1 undated claim not shown" in dot
    assert "\u21ba 2025-03  Bob: object (2025-01) \u2192 mixed" in dot
    if have_dot():
        for ext in ("png", "svg"):
            assert write_timeline_chart(t, tmp_path / f"t.{ext}").stat().st_size > 500
    with pytest.raises(ExportError, match="nothing to draw"):
        timeline_dot(timeline(moving, "home education"))


def test_dna_export(camps):  # noqa: F811
    rows = dna_rows(camps)
    assert len(rows) == 13  # one per attributed support/object claim and target
    ann = next(r for r in rows if r["person"] == "Ann" and r["document"] == "march")
    assert (ann["organization"], ann["agreement"], ann["date"], ann["concept"]) == (
        "Union", 1, "2025-03-10", "Family help services")
    dept = next(r for r in rows if r["organization"] == "Dept" and r["document"] == "march")
    assert dept["person"] == "" and dept["agreement"] == 0 and dept["themes"] == "theme:funding"
    text = export_text(camps, "dna")
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == COLUMNS
