"""The argument graph: build it from extraction results, and read and write it as JSON.

The graph is a networkx MultiDiGraph. Node ids are readable and stable
(``doc:<id>``, ``actor:<slug>``, ``claim:<doc>:<n>``, ``proposal:<id>``, ``theme:<id>``);
every node has ``kind`` and ``label``; every edge has ``kind`` (also used as its key).
The file is networkx node-link JSON (``edges="edges"``) with graph attributes for provenance.
"""

from __future__ import annotations

import re

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from argmap import __version__
from argmap.atomic import write_text
from argmap.errors import GraphFileError
from argmap.graphfile import FORMAT, FORMAT_VERSION, check_envelope, read_graph_json
from argmap.model import ActorType, DocResult, EdgeKind, NodeKind, Stance
from argmap.taxonomy import Taxonomy

# node attribute names
KIND = "kind"
LABEL = "label"

STANCE_EDGE = {
    Stance.SUPPORT: EdgeKind.SUPPORTS,
    Stance.OBJECT: EdgeKind.OBJECTS_TO,
    Stance.NEUTRAL: EdgeKind.ABOUT,
}


def doc_node(doc_id: str) -> str:
    return f"doc:{doc_id}"


def proposal_node(pid: str) -> str:
    return f"proposal:{pid}"


def theme_node(tid: str) -> str:
    return f"theme:{tid}"


def actor_node(aid: str) -> str:
    return aid if aid.startswith("actor:") else f"actor:{aid}"


def build_graph(
    results: Iterable[DocResult],
    taxonomy: Taxonomy,
    *,
    meta: dict[str, Any] | None = None,
) -> nx.MultiDiGraph:
    """Merge per-document extraction results into one argument graph.

    Every taxonomy proposal and theme becomes a node (so queries can name them even when no
    claim touches them); candidate proposals found by discovery are added with ``candidate=True``.
    """
    g = nx.MultiDiGraph()
    g.graph.update({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "argmap_version": __version__,
        "taxonomy": {"name": taxonomy.name, "digest": taxonomy.digest, "source": taxonomy.source},
        "documents": [],
        "skipped": [],
    })
    if meta:
        g.graph.update(meta)
    for p in taxonomy.proposals.values():
        g.add_node(proposal_node(p.id), kind=NodeKind.PROPOSAL.value, label=p.label,
                   aliases=list(p.aliases), candidate=False, proposal_kind=p.kind,
                   **({"parent": proposal_node(p.parent)} if p.parent else {}))
    for t in taxonomy.themes.values():
        g.add_node(theme_node(t.id), kind=NodeKind.THEME.value, label=t.label, aliases=list(t.aliases))

    manifest = []
    for res in results:
        _add_result(g, res)
        manifest.append({k: res.doc.get(k) for k in ("id", "path", "sha256")})
    manifest.sort(key=lambda d: d["id"])
    g.graph["documents"] = manifest
    merge_candidates(g)
    return _canonical(g)


def _label_words(label: str) -> list[str]:
    words = [w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w
             for w in re.findall(r"[a-z0-9]+", label.lower())]
    return [w for w in words if w not in {"a", "an", "the", "of", "for", "to", "on", "in", "and"}]


def merge_candidates(g: nx.MultiDiGraph) -> None:
    """Candidate proposals that name one thing in other words ('reporting duty', 'mandatory
    reporting duty') become one node: same head word, and one label's words all in the other's.
    The label most claims use (then the longest) names it; the others become its aliases."""
    cands = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == NodeKind.PROPOSAL.value and d.get("candidate"))
    words = {n: _label_words(g.nodes[n].get("label", "")) for n in cands}
    uses = {n: sum(1 for _ in g.in_edges(n)) for n in cands}
    into: dict[str, str] = {}
    for n in cands:
        wider = [m for m in cands if words[n] and words[m] and words[n][-1] == words[m][-1]
                 and set(words[n]) < set(words[m])]
        if wider:
            into[n] = max(wider, key=lambda m: (uses[m], len(words[m]), m))
    for n in sorted(into):
        m = into[n]
        while m in into:
            m = into[m]
        _retarget(g, n, m)


def _retarget(g: nx.MultiDiGraph, old: str, new: str) -> None:
    label = g.nodes[old].get("label")
    aliases = g.nodes[new].setdefault("aliases", [])
    if label and label not in aliases:
        aliases.append(label)
        aliases.sort()
    for claim, _, key, data in list(g.in_edges(old, keys=True, data=True)):
        g.remove_edge(claim, old, key=key)
        if not g.has_edge(claim, new, key):
            g.add_edge(claim, new, key=key, **data)
        targets = g.nodes[claim].get("targets") or []
        g.nodes[claim]["targets"] = list(dict.fromkeys(new if t == old else t for t in targets))
    g.remove_node(old)


def _add_result(g: nx.MultiDiGraph, res: DocResult) -> None:
    doc = res.doc
    dnode = doc_node(doc["id"])
    g.add_node(dnode, kind=NodeKind.DOCUMENT.value,
               label=doc.get("title") or doc["id"],
               **{k: v for k, v in doc.items() if k not in {"id", "title"} and v is not None})
    for cand in res.candidates:
        node = proposal_node(cand["id"])
        if node not in g:
            g.add_node(node, kind=NodeKind.PROPOSAL.value, label=cand["label"],
                       aliases=[], candidate=True)
    for actor in res.actors:
        node = actor_node(actor.id)
        if node in g:
            data = g.nodes[node]
            data["aliases"] = sorted(set(data.get("aliases", [])) | set(actor.aliases))
            data["documents"] = sorted(set(data.get("documents", [])) | {doc["id"]})
            for key in ("role", "affiliation"):
                value = getattr(actor, key)
                if value and not data.get(key):
                    data[key] = actor_node(value) if key == "affiliation" else value
            if len(actor.name) > len(data["label"]):
                data["label"] = data["name"] = actor.name
        else:
            g.add_node(node, kind=NodeKind.ACTOR.value, label=actor.name, name=actor.name,
                       actor_type=ActorType(actor.type).value, aliases=sorted(set(actor.aliases)),
                       role=actor.role, affiliation=actor_node(actor.affiliation) if actor.affiliation else None, documents=[doc["id"]])
    for actor in res.actors:
        if actor.affiliation:
            org = actor_node(actor.affiliation)
            if org in g and not g.has_edge(actor_node(actor.id), org, EdgeKind.AFFILIATED_WITH.value):
                g.add_edge(actor_node(actor.id), org, key=EdgeKind.AFFILIATED_WITH.value,
                           kind=EdgeKind.AFFILIATED_WITH.value)
    for c in res.claims:
        g.add_node(c.id, kind=NodeKind.CLAIM.value, label=_short(c.text), text=c.text,
                   document=c.doc_id, start=c.start, end=c.end, stance=c.stance.value,
                   speaker=actor_node(c.speaker) if c.speaker else None,
                   targets=[proposal_node(t) for t in c.targets],
                   themes=[theme_node(t) for t in c.themes],
                   attribution=c.attribution, stance_cues=list(c.stance_cues),
                   target_cues=list(c.target_cues), rule=c.rule, quoted=c.quoted)
        g.add_edge(c.id, dnode, key=EdgeKind.FOUND_IN.value, kind=EdgeKind.FOUND_IN.value)
        if c.speaker:
            g.add_edge(actor_node(c.speaker), c.id, key=EdgeKind.ASSERTS.value,
                       kind=EdgeKind.ASSERTS.value)
        ek = STANCE_EDGE[c.stance].value
        for t in c.targets:
            g.add_edge(c.id, proposal_node(t), key=ek, kind=ek)
        for t in c.themes:
            g.add_edge(c.id, theme_node(t), key=EdgeKind.RAISES.value, kind=EdgeKind.RAISES.value)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _canonical(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with nodes and edges in sorted order, so the JSON is byte-identical across runs."""
    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    for n in sorted(g.nodes):
        h.add_node(n, **{k: g.nodes[n][k] for k in sorted(g.nodes[n])})
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        h.add_edge(u, v, key=k, **d)
    return h


# ---------------------------------------------------------------- JSON I/O

def graph_to_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dict for a graph."""
    return nx.node_link_data(g, edges="edges")


def graph_from_data(data: Any, *, source: str = "graph") -> nx.MultiDiGraph:
    """Rebuild a graph from node-link data, checking that it is an argmap graph we can read."""
    check_envelope(data, source)
    for kind in ("nodes", "edges"):
        if not all(isinstance(item, dict) for item in data[kind]):
            raise GraphFileError(f"{source} is damaged: its {kind} are not all objects; rebuild it")
    if not all(isinstance(item.get("id"), str) for item in data["nodes"]):
        raise GraphFileError(f"{source} is damaged: a node has no id; rebuild it")
    try:
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as exc:
        raise GraphFileError(f"{source} is damaged ({exc.__class__.__name__}: {exc}); rebuild it") from None
    for n, d in g.nodes(data=True):
        if not isinstance(d, dict) or "kind" not in d:
            raise GraphFileError(f"{source} is damaged: node {n!r} has no kind; rebuild it")
    return g


def dumps_graph(g: nx.MultiDiGraph) -> str:
    """The graph as deterministic JSON text."""
    return json.dumps(graph_to_data(g), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_graph(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph to ``path`` atomically (the previous file survives any failure)."""
    write_text(path, dumps_graph(g))


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph`; raise GraphFileError with one clear line if it can't."""
    data, source = read_graph_json(path)
    return graph_from_data(data, source=source)
