"""Every export format produced from the seed-corpus graph and checked by its real consumer:
networkx for JSON and GraphML, arguebuf and our AIF validator for AIF, the dot binary for DOT,
the csv module for CSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from argmap.export import FORMATS, export_text
from argmap.export.aif import validate_aif
from argmap.export.json_format import from_json
from argmap.export.render import render_all
from test_export_dot import run_dot, svg_nodes

pytestmark = [pytest.mark.seed, pytest.mark.model]


def _claims(g):
    return [(n, d) for n, d in g.nodes(data=True) if d["kind"] == "claim"]


def test_seed_json_round_trip(seed_graph):
    back = from_json(export_text(seed_graph, "json"))
    assert dict(back.nodes(data=True)) == dict(seed_graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(seed_graph.edges(keys=True, data=True))


def test_seed_graphml_loads_in_networkx(seed_graph):
    h = nx.read_graphml(io.BytesIO(export_text(seed_graph, "graphml").encode("utf-8")),
                        force_multigraph=True)
    assert h.number_of_nodes() == seed_graph.number_of_nodes()
    assert h.number_of_edges() == seed_graph.number_of_edges()


def test_seed_aif_valid_and_loaded_by_arguebuf(seed_graph):
    arguebuf = pytest.importorskip("arguebuf")
    data = json.loads(export_text(seed_graph, "aif"))
    assert validate_aif(data) == []
    claims = _claims(seed_graph)
    support = sum(len(d["targets"]) for _, d in claims if d["stance"] == "support")
    attack = sum(len(d["targets"]) for _, d in claims if d["stance"] == "object")
    proposals = {t for _, d in claims if d["stance"] in ("support", "object") for t in d["targets"]}
    g = arguebuf.load.dict(data)
    assert len(g.atom_nodes) == len(claims) + len(proposals)
    kinds = [type(s.scheme).__name__ for s in g.scheme_nodes.values()]
    assert kinds.count("Support") == support > 0
    assert kinds.count("Attack") == attack > 0


def test_seed_csv_one_row_per_claim(seed_graph):
    rows = list(csv.reader(io.StringIO(export_text(seed_graph, "csv"), newline="")))
    assert len(rows) - 1 == len(_claims(seed_graph))
    assert all(len(r) == 10 for r in rows)


def test_seed_argdown_has_every_argued_proposal(seed_graph):
    text = export_text(seed_graph, "argdown")
    argued = {t for _, d in _claims(seed_graph) if d["stance"] in ("support", "object")
              for t in d["targets"]}
    assert text.count(" #proposal") == len(argued)
    assert "\n  + [" in text and "\n  - [" in text


@pytest.mark.dot
def test_seed_dot_draws_and_render_all(seed_graph, tmp_path):
    from argmap.export.dot import MAP_MAX_CLAIMS, build_dot

    targeted = [n for n, d in _claims(seed_graph) if d["targets"]]
    assert len(targeted) > MAP_MAX_CLAIMS  # so the overview is an index of the proposals
    root = ET.fromstring(run_dot(export_text(seed_graph, "dot")))
    drawn = set(svg_nodes(root))
    argued = {t for n, d in _claims(seed_graph) for t in d["targets"]
              if not seed_graph.nodes[t].get("candidate")}
    assert argued <= drawn
    # asked for, every claim is drawn one by one
    root = ET.fromstring(run_dot(build_dot(seed_graph, max_claims=10_000).to_string()))
    assert set(targeted) <= set(svg_nodes(root))
    written = render_all(seed_graph, tmp_path / "argmap.svg")
    assert [p.suffix for p in written] == [".dot", ".svg"]


def test_every_registered_format_exports_the_seed_graph(seed_graph):
    for name in FORMATS:
        assert export_text(seed_graph, name).strip()
