"""Argdown export: a document an Argdown user can paste into the Argdown editor or VS Code.

Each proposal is a statement with a heading of its own; under it, every claim on it is an
indented child statement, ``+`` when it supports the proposal and ``-`` when it objects.
A claim is defined (title and text) the first time it appears and only referred to after
that. Speakers and themes are tags (``#(Jo Bloggs)``, ``#(Funding and resources)``); claims
that take no stance are listed at the end. Characters with a meaning in Argdown are escaped
with a backslash in texts and removed from titles and tags, so the claim texts cannot turn
into syntax.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.atomic import write_text
from argmap.export.common import bare_id, claims, clean_text, label, listed
from argmap.model import Stance

RELATION = {Stance.SUPPORT.value: "+", Stance.OBJECT.value: "-"}
# characters Argdown reads as syntax inside a line of text
_SPECIAL = re.compile(r"([\\\[\]<>#*_@{}/=])")
# characters that cannot appear in a [title] or a #(tag)
_TITLE_BAD = re.compile(r"[\[\]<>(){}#@*_\\/=|`]+")


def argdown_escape(text: Any) -> str:
    """``text`` on one line with every Argdown special character backslash-escaped."""
    flat = " ".join(clean_text(text).split())
    return _SPECIAL.sub(r"\\\1", flat)


def argdown_title(text: Any, limit: int = 80) -> str:
    """A safe statement title: one line, no brackets or other syntax characters."""
    flat = " ".join(_TITLE_BAD.sub(" ", clean_text(text)).split()).strip(" :.-+")
    return flat[:limit].rstrip(" :.-+") or "untitled"


def argdown_tag(text: Any) -> str:
    """A tag, ``#(like this)``, holding ``text`` without characters that would end it."""
    return f"#({argdown_title(text, 60)})"


def to_argdown(graph: nx.MultiDiGraph) -> str:
    """The graph as an Argdown document."""
    items = list(claims(graph))
    titles = _claim_titles(graph, (n for n, _ in items))
    by_proposal: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    neutral: list[tuple[str, dict[str, Any]]] = []
    for n, d in items:
        targets = [t for t in listed(d.get("targets")) if t in graph]
        rel = RELATION.get(str(d.get("stance")))
        if rel and targets:
            for t in targets:
                by_proposal.setdefault(t, []).append((n, d))
        else:
            neutral.append((n, d))

    tax = graph.graph.get("taxonomy") or {}
    name = tax.get("name") if isinstance(tax, dict) else None
    title = f"argmap: {name}" if name else "argmap argument map"
    out = ["===", f"title: {json.dumps(argdown_title(title), ensure_ascii=False)}",
           "subTitle: \"claims for and against each proposal, as extracted by argmap\"", "===", ""]
    out.append("// '+' under a proposal: the claim supports it; '-': the claim objects to it.")
    out.append("// Tags name the speaker and the grounds (themes) of each claim.")
    out.append("")
    defined: set[str] = set()
    proposal_titles = _unique({p: argdown_title(label(graph, p)) for p in by_proposal},
                              reserved=set(titles.values()))
    for p in sorted(by_proposal, key=lambda p: (label(graph, p).lower(), p)):
        out.append(f"# {argdown_escape(label(graph, p))}")
        out.append("")
        tags = " #proposal" + (" #candidate" if graph.nodes[p].get("candidate") else "")
        out.append(f"[{proposal_titles[p]}]: {argdown_escape(label(graph, p))}{tags}")
        for n, d in by_proposal[p]:
            rel = RELATION[str(d.get("stance"))]
            if n in defined:
                out.append(f"  {rel} [{titles[n]}]")
            else:
                out.append(f"  {rel} [{titles[n]}]: {_statement(graph, d)}")
                defined.add(n)
        out.append("")
    if neutral:
        out.append("# Claims with no stance on a proposal")
        out.append("")
        for n, d in neutral:
            about = ", ".join(label(graph, t) for t in listed(d.get("targets")) if t in graph)
            note = f" {argdown_escape('(about: ' + about + ')')}" if about else ""
            out.append(f"[{titles[n]}]: {_statement(graph, d)}{note}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_argdown(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as an Argdown document to ``path`` atomically."""
    write_text(path, to_argdown(graph))


def _statement(graph: nx.MultiDiGraph, d: dict[str, Any]) -> str:
    text = argdown_escape(d.get("text") or d.get("label") or "")
    tags = []
    speaker = d.get("speaker")
    if speaker and speaker in graph:
        tags.append(argdown_tag(label(graph, speaker)))
    tags.extend(argdown_tag(label(graph, t)) for t in listed(d.get("themes")) if t in graph)
    return " ".join([text, *tags]) if tags else text


def _claim_titles(graph: nx.MultiDiGraph, ids: Iterable[str]) -> dict[str, str]:
    """A unique title per claim: 'Speaker, document n' (the claim id is the tiebreaker)."""
    raw = {}
    for n in ids:
        d = graph.nodes[n]
        who = label(graph, d.get("speaker")) or "Unattributed"
        place = bare_id(n).replace(":", " ")
        raw[n] = argdown_title(f"{who}, {place}", 100)
    return _unique(raw)


def _unique(titles: dict[str, str], reserved: set[str] | None = None) -> dict[str, str]:
    seen = set(reserved or ())
    out = {}
    for key in sorted(titles):
        base = titles[key]
        title, i = base, 2
        while title.lower() in {s.lower() for s in seen}:
            title = f"{base} {i}"
            i += 1
        seen.add(title)
        out[key] = title
    return out
