"""Small read-only helpers the exporters share: claims in order, names and sources of nodes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import networkx as nx

from argmap.model import NodeKind

_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def clean_text(text: Any) -> str:
    """``text`` as a str without characters no output format can carry.

    Control characters (other than newline and tab), unpaired surrogates and the
    non-characters U+FFFE/U+FFFF are dropped; every kind of line break becomes ``\\n``.
    """
    text = _LINE_BREAKS.sub("\n", str(text))
    return "".join(
        ch for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in "\ufffe\uffff")
    )


def nodes_of_kind(graph: nx.MultiDiGraph, kind: NodeKind | str) -> list[str]:
    """Ids of the nodes of one kind, sorted."""
    kind = str(kind)
    return sorted(n for n, d in graph.nodes(data=True) if d.get("kind") == kind)


def claims(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, attributes) of every claim, in document order (document id, then start offset)."""
    ids = nodes_of_kind(graph, NodeKind.CLAIM)
    ids.sort(key=lambda n: (str(graph.nodes[n].get("document") or ""),
                            _int(graph.nodes[n].get("start")), n))
    for n in ids:
        yield n, graph.nodes[n]


def label(graph: nx.MultiDiGraph, node: str | None) -> str:
    """A node's display label (its name, else its id, when the label is blank; '' for None or
    an unknown node)."""
    if not node or node not in graph:
        return ""
    data = graph.nodes[node]
    for key in ("label", "name"):
        value = data.get(key)
        if value is not None and str(value).strip():
            return str(value)
    return node


def bare_id(node: str) -> str:
    """A node id without its kind prefix: 'proposal:family-help' -> 'family-help'."""
    return node.split(":", 1)[1] if ":" in node else node


def listed(value: Any) -> list[Any]:
    """A list attribute as a list (None -> [], a lone value -> [value])."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def document_node(graph: nx.MultiDiGraph, doc_id: str | None) -> str | None:
    """The node id of a claim's document (``doc:<id>``) if it is in the graph."""
    if not doc_id:
        return None
    node = doc_id if doc_id.startswith("doc:") else f"doc:{doc_id}"
    return node if node in graph else None


def source_line(graph: nx.MultiDiGraph, claim: dict[str, Any]) -> str:
    """Where a claim comes from, in one line: 'Doc title (outlet, date) - path, chars 10-80'."""
    doc_id = claim.get("document")
    node = document_node(graph, doc_id)
    parts: list[str] = []
    if node:
        d = graph.nodes[node]
        title = str(d.get("label") or doc_id)
        extra = ", ".join(str(d[k]) for k in ("outlet", "date") if d.get(k))
        parts.append(f"{title} ({extra})" if extra else title)
        if d.get("path"):
            parts.append(str(d["path"]))
    elif doc_id:
        parts.append(str(doc_id))
    start, end = claim.get("start"), claim.get("end")
    if start is not None and end is not None:
        parts.append(f"chars {start}-{end}")
    return " - ".join(parts)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
