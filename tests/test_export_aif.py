"""AIF export: checked against the AIF rules by our own validator, and loaded by arguebuf."""

from __future__ import annotations

import copy
import json
import logging

import pytest

from argmap.export import export_text
from argmap.export.aif import aif_data, validate_aif

arguebuf = pytest.importorskip("arguebuf", reason="arguebuf (test dependency) is not installed")


def _counts(g):
    claims = [d for _, d in g.nodes(data=True) if d["kind"] == "claim"]
    support = sum(len(d["targets"]) for d in claims if d["stance"] == "support")
    attack = sum(len(d["targets"]) for d in claims if d["stance"] == "object")
    proposals = {t for d in claims if d["stance"] in ("support", "object") for t in d["targets"]}
    spoken = [d for d in claims if d["speaker"]]
    speakers = {d["speaker"] for d in spoken}
    return len(claims), len(proposals), support, attack, len(spoken), len(speakers)


def test_aif_obeys_the_rules(small_graph):
    data = aif_data(small_graph)
    assert validate_aif(data) == []
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    # ids are strings and unique across nodes, edges and participants
    ids = [n["nodeID"] for n in data["nodes"]] + [e["edgeID"] for e in data["edges"]] + [
        p["participantID"] for p in data["participants"]]
    assert all(isinstance(i, str) for i in ids) and len(ids) == len(set(ids))
    assert not any(types[e["fromID"]] == "I" and types[e["toID"]] == "I" for e in data["edges"])


def test_aif_counts_match_the_graph(small_graph):
    n_claims, n_props, support, attack, spoken, speakers = _counts(small_graph)
    data = aif_data(small_graph)
    by_type = {}
    for n in data["nodes"]:
        by_type[n["type"]] = by_type.get(n["type"], 0) + 1
    assert by_type["I"] == n_claims + n_props
    assert by_type["RA"] == support and by_type["CA"] == attack
    assert by_type["L"] == by_type["YA"] == len(data["locutions"]) == spoken
    assert len(data["participants"]) == speakers
    assert all(n["text"] == "Default Inference" for n in data["nodes"] if n["type"] == "RA")
    assert all(n["text"] == "Default Conflict" for n in data["nodes"] if n["type"] == "CA")
    assert all(n["text"] == "Asserting" for n in data["nodes"] if n["type"] == "YA")


def test_support_runs_claim_to_ra_to_proposal(small_graph):
    data = aif_data(small_graph)
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    out = {}
    for e in data["edges"]:
        out.setdefault(e["fromID"], []).append(e["toID"])
    claim = next(i for i, n in nodes.items() if n["text"] == "BASW backed family help for every area.")
    (ra,) = [t for t in out[claim] if nodes[t]["type"] == "RA"]
    assert [nodes[t]["text"] for t in out[ra]] == ["Family help services"]
    # and its speaker's locution asserts it
    loc = next(i for i, n in nodes.items() if n["type"] == "L" and n["text"].endswith("every area."))
    assert nodes[loc]["text"].startswith("British Association of Social Workers: ")
    (ya,) = out[loc]
    assert nodes[ya]["type"] == "YA" and out[ya] == [claim]
    person = next(p for p in data["participants"] if p["firstname"] == "Jo")
    assert person["surname"] == "Bloggs"


def test_arguebuf_loads_it_with_the_same_counts(small_graph, caplog):
    n_claims, n_props, support, attack, *_ = _counts(small_graph)
    text = export_text(small_graph, "aif")
    with caplog.at_level(logging.WARNING):
        g = arguebuf.load.dict(json.loads(text))  # dispatches on "locutions": the AIF loader
    assert len(g.atom_nodes) == n_claims + n_props
    schemes = [type(s.scheme).__name__ for s in g.scheme_nodes.values()]
    assert schemes.count("Support") == support and schemes.count("Attack") == attack
    texts = {a.plain_text for a in g.atom_nodes.values()}
    assert "Family help services" in texts and "BASW backed family help for every area." in texts
    # every argument edge survived (L/YA dialogue nodes are dropped by arguebuf by design)
    assert len(g.edges) == 2 * (support + attack)


def test_arguebuf_dialogue_reconstruction_accepts_it(small_graph):
    data = aif_data(small_graph)
    g = arguebuf.load.aif(copy.deepcopy(data), reconstruct_dialog=True)
    assert len(g.scheme_nodes) == sum(1 for n in data["nodes"] if n["type"] in ("RA", "CA"))


def test_timestamps_follow_document_dates(small_graph):
    g = small_graph.copy()
    g.nodes["doc:doc-a"]["date"] = "2022-06-01"
    g.nodes["doc:doc-b"]["date"] = "2024/2025"
    data = aif_data(g)
    stamps = {n["timestamp"] for n in data["nodes"]}
    assert "2022-06-01 00:00:00" in stamps and "2024-01-01 00:00:00" in stamps
    arguebuf.load.aif(data)  # parses these timestamps


@pytest.mark.parametrize("breakage, complaint", [
    (lambda d: d["edges"].append({"edgeID": "x1", "fromID": "nope", "toID": d["nodes"][0]["nodeID"],
                                  "formEdgeID": None}), "missing node"),
    (lambda d: d["edges"].append({"edgeID": "x2", "fromID": d["nodes"][0]["nodeID"],
                                  "toID": d["nodes"][1]["nodeID"], "formEdgeID": None}), "two I-nodes"),
    (lambda d: d["nodes"].append({"nodeID": "x3", "text": "Default Inference", "type": "RA"}),
     "no premise"),
    (lambda d: d["nodes"].append({"nodeID": 7, "text": "t", "type": "I"}), "string nodeID"),
    (lambda d: d["nodes"].append(dict(d["nodes"][0])), "duplicate nodeID"),
    (lambda d: d["locutions"][0].update(personID="ghost"), "unknown person"),
    (lambda d: d.pop("participants"), "missing list"),
])
def test_validator_catches_breakage(small_graph, breakage, complaint):
    data = aif_data(small_graph)
    breakage(data)
    problems = validate_aif(data)
    assert any(complaint in p for p in problems), problems


def test_validator_catches_scheme_with_two_conclusions(small_graph):
    data = aif_data(small_graph)
    ra = next(n["nodeID"] for n in data["nodes"] if n["type"] == "RA")
    other_i = next(n["nodeID"] for n in data["nodes"] if n["type"] == "I")
    data["edges"].append({"edgeID": "x9", "fromID": ra, "toID": other_i, "formEdgeID": None})
    assert any("2 conclusions" in p for p in validate_aif(data))


def test_neutral_claims_are_i_nodes_without_schemes(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-b:3"]["stance"] = "neutral"
    data = aif_data(g)
    assert validate_aif(data) == []
    assert sum(1 for n in data["nodes"] if n["type"] == "RA") == 2  # three supports, one made neutral
    assert "BASW backed family help for every area." in {n["text"] for n in data["nodes"] if n["type"] == "I"}
