"""The argument graph as node-link data, built straight from extraction results (no networkx).

:func:`graph_data` merges per-document results into the dict that networkx's ``node_link_data``
would give for the graph :func:`argmap.graph.build_graph` builds (nodes sorted by id, edges by
source, target and key), so the file written from it is the same, byte for byte. Building the
dict directly costs a fraction of the memory and time of a networkx graph, which matters when a
merge holds hundreds of thousands of claims; :func:`write_graph_data` then streams it to disk.

Node ids are readable and stable (``doc:<id>``, ``actor:<slug>``, ``claim:<doc>:<n>``,
``proposal:<id>``, ``theme:<id>``); every node has ``kind`` and ``label``; every edge has
``kind`` (also its key).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from argmap import __version__, atomic
from argmap.graphfile import FORMAT, FORMAT_VERSION
from argmap.model import ActorType, DocResult, EdgeKind, NodeKind, Stance

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


class _Builder:
    """Nodes and edges as networkx would hold them: adding a node again updates its attributes;
    an edge creates missing end nodes (without attributes); an edge (source, target, key) is kept once."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], None] = {}
        self.actor_sets: dict[str, tuple[set[str], set[str]]] = {}  # actor -> (aliases, documents)

    def node(self, n: str, **attrs: Any) -> None:
        self.nodes.setdefault(n, {}).update(attrs)

    def edge(self, u: str, v: str, kind: str) -> None:
        self.nodes.setdefault(u, {})
        self.nodes.setdefault(v, {})
        self.edges[(u, v, kind)] = None

    def add_result(self, res: DocResult) -> None:
        doc = res.doc
        dnode = doc_node(doc["id"])
        self.node(dnode, kind=NodeKind.DOCUMENT.value, label=doc.get("title") or doc["id"],
                  **{k: v for k, v in doc.items() if k not in {"id", "title"} and v is not None})
        for cand in res.candidates:
            node = proposal_node(cand["id"])
            if node not in self.nodes:
                self.node(node, kind=NodeKind.PROPOSAL.value, label=cand["label"], aliases=[], candidate=True)
        for actor in res.actors:
            self._actor(actor, doc["id"])
        for actor in res.actors:
            if actor.affiliation:
                org = actor_node(actor.affiliation)
                if org in self.nodes:
                    self.edge(actor_node(actor.id), org, EdgeKind.AFFILIATED_WITH.value)
        for c in res.claims:
            self.node(c.id, kind=NodeKind.CLAIM.value, label=short_label(c.text), text=c.text,
                      document=c.doc_id, start=c.start, end=c.end, stance=c.stance.value,
                      speaker=actor_node(c.speaker) if c.speaker else None,
                      targets=[proposal_node(t) for t in c.targets],
                      themes=[theme_node(t) for t in c.themes],
                      attribution=c.attribution, stance_cues=list(c.stance_cues),
                      target_cues=list(c.target_cues), rule=c.rule, quoted=c.quoted)
            self.edge(c.id, dnode, EdgeKind.FOUND_IN.value)
            if c.speaker:
                self.edge(actor_node(c.speaker), c.id, EdgeKind.ASSERTS.value)
            ek = STANCE_EDGE[c.stance].value
            for t in c.targets:
                self.edge(c.id, proposal_node(t), ek)
            for t in c.themes:
                self.edge(c.id, theme_node(t), EdgeKind.RAISES.value)

    def _actor(self, actor: Any, doc_id: str) -> None:
        node = actor_node(actor.id)
        data = self.nodes.get(node)
        if data is None:
            self.node(node, kind=NodeKind.ACTOR.value, label=actor.name, name=actor.name,
                      actor_type=ActorType(actor.type).value, aliases=sorted(set(actor.aliases)),
                      role=actor.role, affiliation=actor_node(actor.affiliation) if actor.affiliation else None,
                      documents=[doc_id])
            return
        # aliases and documents accumulate in sets and are sorted once, at the end
        aliases, documents = self.actor_sets.setdefault(
            node, (set(data.get("aliases", [])), set(data.get("documents", []))))
        aliases.update(actor.aliases)
        documents.add(doc_id)
        for key in ("role", "affiliation"):
            value = getattr(actor, key)
            if value and not data.get(key):
                data[key] = actor_node(value) if key == "affiliation" else value
        if len(actor.name) > len(data["label"]):
            data["label"] = data["name"] = actor.name

    def merge_candidates(self) -> None:
        """Candidate proposals that name one thing in other words become one node (see
        :func:`candidate_merges`): edges and claims' targets move to it, the label becomes an alias."""
        cands = sorted(n for n, d in self.nodes.items()
                       if d.get("kind") == NodeKind.PROPOSAL.value and d.get("candidate"))
        if len(cands) < 2:
            return
        incoming: dict[str, list[tuple[str, str]]] = {n: [] for n in cands}
        for u, v, k in self.edges:
            if v in incoming:
                incoming[v].append((u, k))
        plan = candidate_merges({n: str(self.nodes[n].get("label", "")) for n in cands},
                                {n: len(incoming[n]) for n in cands})
        for old in sorted(plan):
            new = plan[old]
            label = self.nodes[old].get("label")
            aliases = self.nodes[new].setdefault("aliases", [])
            if label and label not in aliases:
                aliases.append(label)
                aliases.sort()
            for claim, key in incoming[old]:
                del self.edges[(claim, old, key)]
                self.edges.setdefault((claim, new, key), None)
                data = self.nodes[claim]
                data["targets"] = list(dict.fromkeys(new if t == old else t for t in data.get("targets") or []))
            del self.nodes[old]

    def finish(self, meta: dict[str, Any]) -> dict[str, Any]:
        for node, (aliases, documents) in self.actor_sets.items():
            data = self.nodes[node]
            data["aliases"], data["documents"] = sorted(aliases), sorted(documents)
        nodes = [{**{k: d[k] for k in sorted(d)}, "id": n} for n, d in sorted(self.nodes.items())]
        edges = [{"kind": k, "source": u, "target": v, "key": k} for u, v, k in sorted(self.edges)]
        return {"directed": True, "multigraph": True, "graph": meta, "nodes": nodes, "edges": edges}


def graph_data(results: Iterable[DocResult], taxonomy: Any, *,
               meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """Merge per-document extraction results into the graph's node-link data.

    Every taxonomy proposal and theme becomes a node (so queries can name them even when no
    claim touches them); candidate proposals found by discovery are added with ``candidate=True``.
    Results are merged in the order given (callers sort them by document id).
    """
    info: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "argmap_version": __version__,
        "taxonomy": {"name": taxonomy.name, "digest": taxonomy.digest, "source": taxonomy.source},
        "documents": [],
        "skipped": [],
    }
    if meta:
        info.update(meta)
    b = _Builder()
    for p in taxonomy.proposals.values():
        b.node(proposal_node(p.id), kind=NodeKind.PROPOSAL.value, label=p.label,
               aliases=list(p.aliases), candidate=False, proposal_kind=p.kind,
               **({"parent": proposal_node(p.parent)} if p.parent else {}))
    for t in taxonomy.themes.values():
        b.node(theme_node(t.id), kind=NodeKind.THEME.value, label=t.label, aliases=list(t.aliases))
    manifest = []
    for res in results:
        b.add_result(res)
        manifest.append({k: res.doc.get(k) for k in ("id", "path", "sha256")})
    manifest.sort(key=lambda d: d["id"])
    info["documents"] = manifest
    b.merge_candidates()
    return b.finish(info)


_LABEL_STOP_WORDS = frozenset({"a", "an", "the", "of", "for", "to", "on", "in", "and"})


def label_words(label: str) -> list[str]:
    """A candidate label's words for comparing labels: lower case, simple plurals made singular,
    small words left out."""
    words = [w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w
             for w in re.findall(r"[a-z0-9]+", label.lower())]
    return [w for w in words if w not in _LABEL_STOP_WORDS]


def candidate_merges(labels: dict[str, str], uses: dict[str, int]) -> dict[str, str]:
    """Which candidate proposals name one thing in other words ('reporting duty', 'mandatory
    reporting duty'): same head word, and one label's words all in the other's. Returns each
    merged candidate and the one it becomes: the wider label most claims use (then the longest,
    then the id), followed to the end of a chain."""
    words = {n: label_words(label) for n, label in labels.items()}
    cands = sorted(labels)
    into: dict[str, str] = {}
    for n in cands:
        wider = [m for m in cands if words[n] and words[m] and words[n][-1] == words[m][-1]
                 and set(words[n]) < set(words[m])]
        if wider:
            into[n] = max(wider, key=lambda m: (uses[m], len(words[m]), m))
    plan = {}
    for n, m in into.items():
        while m in into:
            m = into[m]
        plan[n] = m
    return plan


def short_label(text: str, n: int = 90) -> str:
    """A claim's label: its text on one line, cut to ``n`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------- JSON text

_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]  # the C encoder, ensure_ascii=False


def iter_json(data: Any) -> Iterator[str]:
    """The chunks of ``json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\\n"``.

    Same text, made faster for the graph's shape (the standard library's indented encoder is
    pure Python) and produced about a megabyte at a time, so a large graph is never one string
    in memory.
    """
    out: list[str] = []
    size = 0
    for piece in _top(data):
        out.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            yield "".join(out)
            out.clear()
            size = 0
    out.append("\n")
    yield "".join(out)


_CHUNK = 1 << 20


def _top(value: Any) -> Iterator[str]:
    """The text of ``value`` in pieces: one per element of the top-level containers' lists."""
    if not isinstance(value, dict) or not value:
        buf: list[str] = []
        _emit(value, buf, "\n")
        yield "".join(buf)
        return
    yield "{"
    first = True
    for key in sorted(value):
        yield ("\n " if first else ",\n ") + _encode_str(key) + ": "
        first = False
        item = value[key]
        if isinstance(item, list) and item:
            yield "["
            for i, element in enumerate(item):
                buf = ["\n  " if i == 0 else ",\n  "]
                _emit(element, buf, "\n  ")
                yield "".join(buf)
            yield "\n ]"
        else:
            buf = []
            _emit(item, buf, "\n ")
            yield "".join(buf)
    yield "\n}"


def _emit(value: Any, out: list[str], nl: str) -> None:
    if isinstance(value, str):
        out.append(_encode_str(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = nl + " "
        out.append("{")
        first = True
        for key in sorted(value):
            out.append(inner if first else "," + inner)
            first = False
            if not isinstance(key, str):
                raise TypeError(f"graph data has a non-string key {key!r}")
            out.append(_encode_str(key))
            out.append(": ")
            _emit(value[key], out, inner)
        out.append(nl + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = nl + " "
        out.append("[")
        first = True
        for item in value:
            out.append(inner if first else "," + inner)
            first = False
            _emit(item, out, inner)
        out.append(nl + "]")
    else:
        raise TypeError(f"graph data holds a {type(value).__name__}, which JSON cannot represent")


def dumps_data(data: dict[str, Any]) -> str:
    """The graph file's text for node-link ``data`` (deterministic)."""
    return "".join(iter_json(data))


def write_graph_data(data: dict[str, Any], path: str | Path, *, staged: atomic.Staging | None = None) -> tuple[bool, str]:
    """Write node-link ``data`` to ``path`` atomically (the previous file survives any failure),
    unless the file already holds exactly these bytes: then it is left untouched. With ``staged``
    the new file waits for that :class:`argmap.atomic.Staging` to commit.

    Returns ``(written, sha256 of the text)``.
    """
    path = Path(path)
    digest = hashlib.sha256()
    try:
        old = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError:
        old = None
    same = old is not None
    try:
        with atomic.atomic_open(path, "wb", encoding=None, staged=staged) as fh:
            for chunk in iter_json(data):
                raw = chunk.encode("utf-8")
                digest.update(raw)
                fh.write(raw)
                if same and old.read(len(raw)) != raw:  # type: ignore[union-attr]
                    same = False
            if same and old.read(1):  # type: ignore[union-attr]
                same = False
            if same:
                raise _Unchanged
    except _Unchanged:
        return False, digest.hexdigest()
    finally:
        if old is not None:
            old.close()
    return True, digest.hexdigest()


class _Unchanged(Exception):
    """The file already holds the graph's bytes (the temporary copy is dropped)."""
