"""The explorer: one self-contained HTML page to browse the debate (``argmap explore``).

:func:`explorer_data` precomputes everything the page shows with argmap's query functions
(:mod:`argmap.queries`): for each proposal its objectors and supporters and both grouped by
ground, for each actor their positions, for each theme who raises it on each side, for each
claim its ``explain`` record and its paragraph with the cue words marked; and, when the graph
has them, the actor congruence network with its coalitions and each proposal's timeline
(:mod:`argmap.export.explore_networks`). Query answers are
stored with claims and nodes as ids (each claim and node is stored once). :func:`to_html` puts
that data, the page's hand-written script and style (``explorer/`` in this package) into one
HTML file with a Content-Security-Policy that forbids every request: nothing is fetched when it
opens, so it works from ``file://`` with the network off and can be mailed.

The page opens on the whole map unless the overview would draw more than :data:`OVERVIEW_LIMIT`
nodes or :data:`OVERVIEW_EDGE_LIMIT` links; then it opens focused on the most contested
proposal (or the one named by ``focus``). A focused view draws each claim as a node when there
are at most :data:`CLAIM_DRAW_LIMIT` of them, otherwise one link per neighbour with its count, for
the :data:`NEIGHBOUR_LIMIT` neighbours with most claims.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap import __version__
from argmap.errors import ExportError, QueryError
from argmap.export.evidence import cue_marks, paragraph_bounds
from argmap.export.explore_networks import network_view, timeline_view
from argmap.export.layout import force_layout
from argmap.queries import (
    GraphIndex,
    contested,
    explain,
    index_of,
    list_actors,
    list_proposals,
    list_themes,
    lookup,
    objections,
    objectors,
    positions,
    supporters,
)

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

DATA_VERSION = 1  #: the shape of the page's data (``version`` in it)
OVERVIEW_LIMIT = 150  #: more overview nodes than this: the page opens focused on one proposal
OVERVIEW_EDGE_LIMIT = 600  #: more overview links than this: likewise
CLAIM_DRAW_LIMIT = 60  #: a focused view with more claims draws one link per neighbour instead
NEIGHBOUR_LIMIT = 60  #: ... and only the neighbours with most claims (the panel lists them all)
_DOC_FIELDS = ("date", "outlet", "author", "author_role", "url", "path", "genre")
_ASSETS = "explorer"


# ---------------------------------------------------------------- the data

def explorer_data(g: nx.MultiDiGraph | GraphIndex, *, texts: Mapping[str, str] | None = None,
                  missing: Mapping[str, str] | None = None, focus: str | None = None,
                  title: str | None = None) -> dict[str, Any]:
    """Everything the explorer page shows, as JSON-ready data.

    ``texts`` maps document node ids (``doc:<id>``) to their text (see
    :func:`argmap.export.sources.document_texts`); claims of other documents are shown without
    their paragraph, with the reason from ``missing`` when given. ``focus`` names the node the
    page opens on (any name a query accepts); raises :class:`~argmap.errors.QueryError` if it
    names nothing or several nodes.
    """
    ix = index_of(g)
    texts = texts or {}
    nodes = _nodes(ix)
    claims, paragraphs = _claims(ix, texts)
    overview_nodes, overview_edges = overview_network(ix)
    boxes = {n: _box(ix, n) for n in overview_nodes}
    layout = force_layout(overview_nodes, overview_edges, boxes=boxes)
    ranking = contested(ix)
    start = _start(ix, focus, ranking, len(overview_nodes), len(overview_edges))
    dates = sorted(str(d["date"]) for d in nodes.values() if d["kind"] == "document" and d.get("date"))
    meta = dict(ix.meta)
    return {
        "version": DATA_VERSION,
        "meta": {
            "title": title or _default_title(meta),
            "argmap_version": __version__,
            "built_at": meta.get("built_at"),
            "taxonomy": (meta.get("taxonomy") or {}).get("name"),
            "counts": {k: len(ix.by_kind.get(k, ())) for k in ("document", "actor", "claim", "proposal", "theme")},
            "dates": [dates[0], dates[-1]] if dates else None,
            "start": start,
            "overview": {"nodes": len(overview_nodes), "edges": len(overview_edges),
                         "limit": OVERVIEW_LIMIT, "edge_limit": OVERVIEW_EDGE_LIMIT},
            "claim_draw_limit": CLAIM_DRAW_LIMIT,
            "neighbour_limit": NEIGHBOUR_LIMIT,
            "missing_texts": dict(sorted((missing or {}).items())),
        },
        "nodes": nodes,
        "claims": claims,
        "paragraphs": paragraphs,
        "layout": {n: list(xy) for n, xy in layout.items()},
        "panels": _panels(ix),
        "network": network_view(ix),
        "timeline": timeline_view(ix),
        "home": {
            "contested": [_compact(r) for r in ranking],
            "actors": [r["id"] for r in list_actors(ix)],
            "themes": [r["id"] for r in list_themes(ix) if r["claims"]],
            "documents": sorted(ix.by_kind.get("document", ()),
                                key=lambda d: (str(nodes[d].get("date") or "9999"), nodes[d]["label"].casefold())),
        },
    }


def _default_title(meta: Mapping[str, Any]) -> str:
    name = (meta.get("taxonomy") or {}).get("name") if isinstance(meta.get("taxonomy"), Mapping) else None
    return f"argmap: {str(name).replace('-', ' ')}" if name else "argmap explorer"


def _nodes(ix: GraphIndex) -> dict[str, dict[str, Any]]:
    """Proposals, themes, actors and documents with what the page shows about each (no claims)."""
    out: dict[str, dict[str, Any]] = {}
    for p in sorted(ix.by_kind.get("proposal", ())):
        d = ix.nodes[p]
        out[p] = _drop_empty({"kind": "proposal", "label": ix.label(p), "aliases": list(d.get("aliases") or []),
                              "candidate": bool(d.get("candidate", False)), "parent": d.get("parent"),
                              "claims": len(ix.claims_on.get(p, ()))})
    for t in sorted(ix.by_kind.get("theme", ())):
        d = ix.nodes[t]
        out[t] = _drop_empty({"kind": "theme", "label": ix.label(t), "aliases": list(d.get("aliases") or []),
                              "claims": len(ix.claims_raising.get(t, ()))})
    for a in sorted(ix.by_kind.get("actor", ())):
        d = ix.nodes[a]
        out[a] = _drop_empty({"kind": "actor", "label": ix.label(a), "type": d.get("actor_type"),
                              "role": d.get("role"), "aliases": list(d.get("aliases") or []),
                              "claims": len(ix.claims_of.get(a, ()))})
    for doc in sorted(ix.by_kind.get("document", ())):
        d = ix.nodes[doc]
        out[doc] = _drop_empty({"kind": "document", "label": ix.label(doc),
                                **{k: d.get(k) for k in _DOC_FIELDS}})
    return out


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _claims(ix: GraphIndex, texts: Mapping[str, str]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Each claim's explain record (nodes as ids), its stance toward each target, and its context."""
    claims: dict[str, dict[str, Any]] = {}
    paragraphs: list[str] = []
    para_index: dict[tuple[str, int, int], int] = {}
    for c in sorted(ix.by_kind.get("claim", ())):
        e = explain(ix, c)
        rec: dict[str, Any] = {k: _compact(v) for k, v in e.items() if k not in ("id", "document")}
        rec["document"] = e["document"]["id"]
        rec["on"] = [[p, st] for p, st in ix.targets.get(c, ())]
        doc_node = f"doc:{rec['document']}"
        text = texts.get(doc_node)
        start, end = e.get("start"), e.get("end")
        if text is not None and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
            a, b = paragraph_bounds(text, start, end)
            key = (doc_node, a, b)
            if key not in para_index:
                para_index[key] = len(paragraphs)
                paragraphs.append(text[a:b])
            context = paragraphs[para_index[key]]
            sentence = (start - a, end - a)
            rec["context"] = {"paragraph": para_index[key], "start": sentence[0], "end": sentence[1],
                              "marks": [list(m) for m in cue_marks(context, sentence, ix.nodes[c])]}
        claims[c] = _drop_empty(rec)
    return claims, paragraphs


def _compact(value: Any) -> Any:
    """A query answer with each claim and node reference replaced by its id; ``query`` and
    ``matched`` dropped (the page knows which node it asked about)."""
    if isinstance(value, dict):
        ident = value.get("id")
        if isinstance(ident, str):
            if ident.startswith("claim:") and "text" in value:
                return ident
            if set(value) <= {"id", "kind", "label", "name"}:
                return ident
        return {k: _compact(v) for k, v in value.items() if k not in ("query", "matched")}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def _panels(ix: GraphIndex) -> dict[str, dict[str, Any]]:
    """The side panel of each proposal, theme and actor: the answers of the CLI's queries."""
    panels: dict[str, dict[str, Any]] = {}
    proposal_rows = {r["id"]: r for r in list_proposals(ix)}
    contested_rows = {r["id"]: r for r in contested(ix)}
    for p in sorted(ix.by_kind.get("proposal", ())):
        if not ix.claims_on.get(p):
            continue
        sup = supporters(ix, p)
        panels[p] = {
            "summary": _compact(proposal_rows[p]),
            "contested": _compact(contested_rows.get(p)),
            "objectors": _compact(objectors(ix, p)),
            "supporters": _compact(sup),
            "objections": _compact(objections(ix, p)),
            "support_grounds": _grounds(ix, [c["id"] for a in sup["actors"] for c in a["claims"]]),
        }
    theme_rows = {r["id"]: r for r in list_themes(ix)}
    for t in sorted(ix.by_kind.get("theme", ())):
        if not ix.claims_raising.get(t):
            continue
        panels[t] = {"summary": _compact(theme_rows[t]), "objectors": _compact(objectors(ix, t)),
                     "supporters": _compact(supporters(ix, t))}
    actor_rows = {r["id"]: r for r in list_actors(ix)}
    for a in sorted(ix.by_kind.get("actor", ())):
        answer = positions(ix, a)["actors"][0]
        panels[a] = {"summary": _compact(actor_rows[a]),
                     "positions": _compact({k: v for k, v in answer.items() if k not in ("id", "name", "kind")})}
    by_doc: dict[str, list[str]] = defaultdict(list)
    for c in ix.by_kind.get("claim", ()):
        by_doc[f"doc:{ix.doc_id(c)}"].append(c)
    for doc in sorted(ix.by_kind.get("document", ())):
        cs = sorted(by_doc.get(doc, ()), key=lambda c: (_int(ix.nodes[c].get("start")), c))
        speakers = Counter(ix.speaker[c] for c in cs if c in ix.speaker)
        panels[doc] = {"claims": cs, "speakers": [a for a, _ in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))]}
    return panels


def _grounds(ix: GraphIndex, claim_ids: list[str]) -> list[dict[str, Any]]:
    """Claims grouped by the ground (theme) they raise, in the order and shape of
    :func:`argmap.queries.objections` (``"no ground stated"`` last)."""
    groups: dict[str | None, list[str]] = defaultdict(list)
    for c in dict.fromkeys(sorted(claim_ids, key=lambda c: (ix.doc_id(c), _int(ix.nodes[c].get("start")), c))):
        for t in ix.themes.get(c, ()) or [None]:
            groups[t].append(c)
    rows = []
    for t, cs in groups.items():
        speakers = sorted({ix.speaker[c] for c in cs if c in ix.speaker}, key=lambda a: ix.label(a).casefold())
        rows.append({"id": t, "label": ix.label(t) if t else "no ground stated", "actors": speakers, "claims": cs})
    rows.sort(key=lambda r: (r["id"] is None, -len(r["claims"]), -len(r["actors"]), r["label"].casefold()))
    return rows


def _int(value: Any) -> int:
    return value if isinstance(value, int) else 0


def overview_network(ix: GraphIndex) -> tuple[list[str], list[tuple[str, str, float]]]:
    """The nodes and weighted links of the whole-map view: actor-proposal (claims by the actor on
    the proposal), theme-proposal (claims on the proposal raising the theme) and, for claims on
    no proposal, actor-theme. Nodes in a stable order: proposals, themes, actors."""
    weights: Counter[tuple[str, str]] = Counter()
    for c in ix.by_kind.get("claim", ()):
        who = ix.speaker.get(c)
        targets = [p for p, _ in ix.targets.get(c, ())]
        for p in targets:
            if who:
                weights[(who, p)] += 1
            for t in ix.themes.get(c, ()):
                weights[(t, p)] += 1
        if not targets and who:
            for t in ix.themes.get(c, ()):
                weights[(who, t)] += 1
    present = {n for pair in weights for n in pair}
    order = {"proposal": 0, "theme": 1, "actor": 2}
    nodes = sorted(present, key=lambda n: (order.get(ix.kind(n), 3), n))
    edges = [(a, b, float(w)) for (a, b), w in sorted(weights.items())]
    return nodes, edges


def _box(ix: GraphIndex, node: str) -> tuple[float, float]:
    """Half width and half height of a node as the page draws it (explorer.js: nodeShape)."""
    kind = ix.kind(node)
    if kind in ("proposal", "theme"):
        lines = _wrap(ix.label(node), 22, 3)
        return (max(map(len, lines)) * 6.9 + 18) / 2, (len(lines) * 14.4 + 10) / 2
    r = 7 + min(len(ix.claims_of.get(node, ())) ** 0.5 * 1.6, 16)
    lines = _wrap(ix.label(node), 18, 2)
    return max(r, max(map(len, lines)) * 6.9 / 2), r + len(lines) * 14.4


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Words of ``text`` in lines of about ``width`` characters (as the page wraps labels)."""
    lines: list[str] = []
    line = ""
    for w in str(text).split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return lines[:max_lines] or [""]


def _start(ix: GraphIndex, focus: str | None, ranking: list[dict[str, Any]], n_nodes: int, n_edges: int) -> str | None:
    """The node the page opens on: ``focus``; else, for a big graph, the most contested proposal."""
    if focus is not None:
        res = lookup(ix, focus, ("proposal", "theme", "actor", "document"))
        if res.ambiguous:
            names = ", ".join(f"{m.label} [{m.id}]" for m in res.matches)
            raise QueryError(f"--focus '{focus}' matches several nodes: {names}; give one id")
        return res.matches[0].id
    if n_nodes <= OVERVIEW_LIMIT and n_edges <= OVERVIEW_EDGE_LIMIT:
        return None
    if ranking:
        return str(ranking[0]["id"])
    busiest = sorted(ix.by_kind.get("proposal", ()), key=lambda p: (-len(ix.claims_on.get(p, ())), p))
    return busiest[0] if busiest else None


# ---------------------------------------------------------------- the page

def to_html(g: nx.MultiDiGraph | GraphIndex, *, texts: Mapping[str, str] | None = None,
            missing: Mapping[str, str] | None = None, focus: str | None = None, title: str | None = None) -> str:
    """The explorer page for a graph: one HTML document that needs nothing else."""
    data = explorer_data(g, texts=texts, missing=missing, focus=focus, title=title)
    return render_page(data)


def render_page(data: Mapping[str, Any]) -> str:
    """The explorer page around already computed :func:`explorer_data`."""
    page = _asset("page.html")
    script = _asset("explorer.js")
    style = _asset("explorer.css")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    # inside <script type="application/json">, "<" could end the element: write it as \u003c
    payload = payload.replace("<", "\\u003c")
    csp = ("default-src 'none'; "
           f"script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    values = {
        "CSP": _attr(csp),
        "TITLE": _text(str(data.get("meta", {}).get("title") or "argmap explorer")),
        "VERSION": _attr(__version__),
        "STYLE": style,
        "DATA": payload,
        "SCRIPT": script,
    }
    # split the template at its markers first, so inserted text is never searched for markers
    pieces = re.split(r"@@([A-Z]+)@@", page)
    names = pieces[1::2]
    if sorted(names) != sorted(values):
        raise ExportError(f"explorer template is damaged: markers {names}")
    return "".join(values[p] if i % 2 else p for i, p in enumerate(pieces))


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(_ASSETS, name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(s: str) -> str:
    return _text(s).replace('"', "&quot;")


def write_html(g: nx.MultiDiGraph | GraphIndex, path: str | Path, **options: Any) -> Path:
    """Write the explorer page to ``path`` atomically (the old file survives any failure)."""
    from argmap.atomic import write_bytes

    data = to_html(g, **options).encode("utf-8")
    path = Path(path)
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def export_html(g: nx.MultiDiGraph | GraphIndex) -> str:
    """The ``html`` export format: the explorer page, with paragraphs read from the documents'
    recorded paths (relative to the current directory) where they are still there."""
    from argmap.export.sources import document_texts

    ix = index_of(g)
    texts, missing = document_texts({d: ix.nodes[d] for d in ix.by_kind.get("document", ())})
    return to_html(ix, texts=texts, missing=missing)


__all__ = ["CLAIM_DRAW_LIMIT", "OVERVIEW_EDGE_LIMIT", "OVERVIEW_LIMIT", "explorer_data", "export_html",
           "overview_network", "render_page", "to_html", "write_html"]
