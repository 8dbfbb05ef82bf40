"""AIF export: the Argument Interchange Format JSON read by AIFdb, OVA and arguebuf.

The mapping (AIF never links two I-nodes directly; a scheme node stands between them):

- every claim is an I-node (its text); every proposal a claim supports or objects to is an
  I-node too (its label);
- a claim supporting proposal P gives  claim-I -> RA "Default Inference" -> P-I;
  a claim objecting to P gives         claim-I -> CA "Default Conflict"  -> P-I;
  neutral claims stay I-nodes with no scheme;
- a claim with a known speaker gets a locution: an L-node ("Name: text") linked to the
  claim's I-node through a YA "Asserting" node, an entry in ``locutions`` naming the
  speaker's ``personID``, and the speaker an entry in ``participants``.

All ids are strings ("1", "2", ...), numbered in a stable order so the same graph always
gives the same file. Themes have no place in AIF and are left out.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, TypedDict

import networkx as nx

from argmap.atomic import write_text
from argmap.export.common import claims, label, listed
from argmap.model import ActorType, Stance

NodeType = Literal["I", "L", "RA", "CA", "MA", "PA", "TA", "YA"]
SCHEME_TYPES = frozenset({"RA", "CA", "MA", "PA"})
ILLOCUTION_TYPES = frozenset({"YA", "TA"})
NODE_TYPES = frozenset({"I", "L"}) | SCHEME_TYPES | ILLOCUTION_TYPES

SCHEME_FOR_STANCE = {
    Stance.SUPPORT.value: ("RA", "Default Inference"),
    Stance.OBJECT.value: ("CA", "Default Conflict"),
}
ASSERTING = "Asserting"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class AifNode(TypedDict, total=False):
    nodeID: str
    text: str
    type: NodeType
    timestamp: str
    scheme: str


class AifEdge(TypedDict):
    edgeID: str
    fromID: str
    toID: str
    formEdgeID: None


class AifLocution(TypedDict):
    nodeID: str
    personID: str
    timestamp: str
    start: None
    end: None
    source: str | None


class AifParticipant(TypedDict):
    participantID: str
    firstname: str
    surname: str


class AifGraph(TypedDict):
    nodes: list[AifNode]
    edges: list[AifEdge]
    locutions: list[AifLocution]
    participants: list[AifParticipant]


class _Builder:
    def __init__(self) -> None:
        self.data: AifGraph = {"nodes": [], "edges": [], "locutions": [], "participants": []}
        self._next = 0

    def new_id(self) -> str:
        self._next += 1
        return str(self._next)

    def node(self, type_: NodeType, text: str, timestamp: str, scheme: str | None = None) -> str:
        nid = self.new_id()
        node: AifNode = {"nodeID": nid, "text": text, "type": type_, "timestamp": timestamp}
        if scheme:
            node["scheme"] = scheme
        self.data["nodes"].append(node)
        return nid

    def edge(self, src: str, dst: str) -> None:
        self.data["edges"].append(
            {"edgeID": self.new_id(), "fromID": src, "toID": dst, "formEdgeID": None})


def aif_data(graph: nx.MultiDiGraph) -> AifGraph:
    """The graph as an AIF dict (``nodes``, ``edges``, ``locutions``, ``participants``)."""
    b = _Builder()
    items = list(claims(graph))
    stamps = {n: _timestamp(graph, d.get("document")) for n, d in items}

    people: dict[str, str] = {}
    for _, d in items:
        speaker = d.get("speaker")
        if speaker and speaker in graph and speaker not in people:
            people[speaker] = ""
    for actor in sorted(people):
        pid = b.new_id()
        people[actor] = pid
        first, last = _split_name(graph, actor)
        b.data["participants"].append({"participantID": pid, "firstname": first, "surname": last})

    proposal_ids: dict[str, str] = {}
    targeted = sorted({t for _, d in items if d.get("stance") in SCHEME_FOR_STANCE
                       for t in listed(d.get("targets")) if t in graph})
    for p in targeted:
        proposal_ids[p] = b.node("I", label(graph, p), _earliest(stamps.values()))

    for n, d in items:
        ts = stamps[n]
        text = _flat(d.get("text") or d.get("label") or n)
        i_node = b.node("I", text, ts)
        speaker = d.get("speaker")
        if speaker in people:
            l_node = b.node("L", f"{_flat(label(graph, speaker))}: {text}", ts)
            ya = b.node("YA", ASSERTING, ts, scheme=ASSERTING)
            b.edge(l_node, ya)
            b.edge(ya, i_node)
            b.data["locutions"].append({
                "nodeID": l_node, "personID": people[speaker], "timestamp": ts,
                "start": None, "end": None, "source": d.get("document"),
            })
        scheme = SCHEME_FOR_STANCE.get(str(d.get("stance")))
        if scheme:
            for t in listed(d.get("targets")):
                if t in proposal_ids:
                    s_node = b.node(scheme[0], scheme[1], ts, scheme=scheme[1])  # type: ignore[arg-type]
                    b.edge(i_node, s_node)
                    b.edge(s_node, proposal_ids[t])
    return b.data


def to_aif(graph: nx.MultiDiGraph) -> str:
    """The graph as AIF JSON text."""
    return json.dumps(aif_data(graph), ensure_ascii=False, indent=1) + "\n"


def write_aif(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as AIF JSON to ``path`` atomically."""
    write_text(path, to_aif(graph))


def validate_aif(data: Any) -> list[str]:
    """Problems that break the AIF rules in ``data`` (an empty list when there are none).

    Checks: the four lists exist; ids are unique strings; node types are AIF types; every
    edge, locution and participant reference resolves; no edge joins two I-nodes; every
    scheme node (RA/CA/MA/PA) has at least one premise and exactly one conclusion; every YA
    node links locutions (or transitions) to what they assert; L-nodes touch only YA/TA nodes.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["AIF data is not a JSON object"]
    for key in ("nodes", "edges", "locutions", "participants"):
        if not isinstance(data.get(key), list):
            problems.append(f"missing list {key!r}")
    if problems:
        return problems
    types: dict[str, str] = {}
    for node in data["nodes"]:
        nid = node.get("nodeID") if isinstance(node, dict) else None
        if not isinstance(nid, str) or not nid:
            problems.append(f"node without a string nodeID: {node!r:.80}")
            continue
        if nid in types:
            problems.append(f"duplicate nodeID {nid}")
        if node.get("type") not in NODE_TYPES:
            problems.append(f"node {nid} has unknown type {node.get('type')!r}")
        if not isinstance(node.get("text"), str):
            problems.append(f"node {nid} has no text")
        types[nid] = str(node.get("type"))
    incoming: dict[str, list[str]] = {n: [] for n in types}
    outgoing: dict[str, list[str]] = {n: [] for n in types}
    edge_ids: set[str] = set()
    for edge in data["edges"]:
        eid, src, dst = (edge.get(k) if isinstance(edge, dict) else None
                         for k in ("edgeID", "fromID", "toID"))
        if not isinstance(eid, str) or not eid:
            problems.append(f"edge without a string edgeID: {edge!r:.80}")
            continue
        if eid in edge_ids or eid in types:
            problems.append(f"duplicate id {eid} (edge)")
        edge_ids.add(eid)
        if src not in types or dst not in types:
            problems.append(f"edge {eid} refers to a missing node ({src!r} -> {dst!r})")
            continue
        if types[src] == "I" and types[dst] == "I":
            problems.append(f"edge {eid} joins two I-nodes ({src} -> {dst}); AIF needs a scheme node")
        if "L" in (types[src], types[dst]) and {types[src], types[dst]} - {"L", "YA", "TA"}:
            problems.append(f"edge {eid} links an L-node to a {types[src] if types[dst] == 'L' else types[dst]} node")
        outgoing[src].append(dst)
        incoming[dst].append(src)
    for nid, t in types.items():
        if t in SCHEME_TYPES:
            if not incoming[nid]:
                problems.append(f"{t} node {nid} has no premise")
            if len(outgoing[nid]) != 1:
                problems.append(f"{t} node {nid} has {len(outgoing[nid])} conclusions, not exactly one")
        elif t == "YA":
            if not any(types[s] in ("L", "TA") for s in incoming[nid]):
                problems.append(f"YA node {nid} is not anchored in a locution or transition")
            if not outgoing[nid]:
                problems.append(f"YA node {nid} has no target")
    persons = set()
    for part in data["participants"]:
        pid = part.get("participantID") if isinstance(part, dict) else None
        if not isinstance(pid, str) or not pid:
            problems.append(f"participant without a string participantID: {part!r:.80}")
        else:
            persons.add(pid)
    for loc in data["locutions"]:
        if not isinstance(loc, dict):
            problems.append(f"locution is not an object: {loc!r:.80}")
            continue
        if types.get(loc.get("nodeID")) != "L":
            problems.append(f"locution refers to {loc.get('nodeID')!r}, which is not an L-node")
        if loc.get("personID") not in persons:
            problems.append(f"locution {loc.get('nodeID')!r} names unknown person {loc.get('personID')!r}")
    return problems


# ---------------------------------------------------------------- helpers

def _flat(text: Any) -> str:
    return " ".join(str(text).split())


def _split_name(graph: nx.MultiDiGraph, actor: str) -> tuple[str, str]:
    """AIF participants have a first name and a surname; organisations keep their whole name."""
    name = _flat(label(graph, actor))
    if graph.nodes[actor].get("actor_type") == ActorType.PERSON and " " in name:
        first, _, last = name.rpartition(" ")
        return first, last
    return name, ""


def _timestamp(graph: nx.MultiDiGraph, doc_id: str | None) -> str:
    """The document's date as an AIF timestamp ('YYYY-MM-DD HH:mm:ss'); '' when unknown."""
    node = f"doc:{doc_id}" if doc_id else None
    date = graph.nodes[node].get("date") if node and node in graph else None
    m = _DATE.match(str(date or ""))
    if not m:
        return ""
    try:
        day = datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return ""
    return f"{day.isoformat()} 00:00:00"


def _earliest(stamps: Iterable[str]) -> str:
    known = sorted(s for s in stamps if s)
    return known[0] if known else ""
