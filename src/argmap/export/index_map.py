"""The overview of a large argument map: an index of the proposals, one node each.

When a map would hold more claims than can be read one by one (:data:`argmap.export.dot.MAP_MAX_CLAIMS`),
the overview shows each proposal argued about as one box: its name, its claims for, against and
neutral, how many actors and documents, and its top grounds, in full. Boxes stand in columns,
most-argued first; each box's tooltip says how to draw the map of that proposal. Proposals found
outside the taxonomy (candidates) are summed up in one box.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import pairwise
from typing import Any

import networkx as nx
import pydot

from argmap.export.common import label, listed
from argmap.export.dot import (
    FONT,
    PROPOSAL_FILL,
    dot_quote,
    html_label,
    html_nonempty,
    html_text,
    legend_text,
    tally_html,
    tally_text,
    wrap,
)
from argmap.export.select import Selection
from argmap.model import NodeKind, Stance

TOP_GROUNDS = 3  #: grounds named in each proposal's box
ROWS_PER_COLUMN = 6  #: boxes per column before a new column starts


def proposal_summaries(graph: nx.MultiDiGraph, claim_ids: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """Per proposal named by ``claim_ids``: counts by stance, actors, documents and grounds, most
    claims first."""
    rows: dict[str, dict[str, Any]] = {}
    for c in claim_ids:
        d = graph.nodes[c]
        for p in listed(d.get("targets")):
            if p not in graph:
                continue
            row = rows.setdefault(p, {"id": p, "stances": Counter(), "actors": set(), "documents": set(),
                                      "grounds": Counter()})
            row["stances"][str(d.get("stance") or Stance.NEUTRAL.value)] += 1
            if d.get("speaker"):
                row["actors"].add(d["speaker"])
            if d.get("document"):
                row["documents"].add(d["document"])
            for t in listed(d.get("themes")):
                if t in graph:
                    row["grounds"][t] += 1
    out = sorted(rows.values(), key=lambda r: (-sum(r["stances"].values()), label(graph, r["id"]).lower()))
    for r in out:
        r["claims"] = sum(r["stances"].values())
        r["candidate"] = bool(graph.nodes[r["id"]].get("candidate"))
    return out


def index_note(graph: nx.MultiDiGraph, sel: Selection, limit: int) -> str:
    """The one line that says the overview is an index, and how to draw a focused map."""
    rows = [r for r in proposal_summaries(graph, sel.claims) if not r["candidate"]]
    top = label(graph, rows[0]["id"]) if rows else "PROPOSAL"
    return (f"{len(sel.claims):,} claims are more than the {limit} a map shows one by one: drew an index of "
            f"{len(rows)} proposals instead; for the claims about one: argmap render --focus \"{top}\" "
            f"-o focus.svg (or choose the number with --max-claims N)")


def build_index(graph: nx.MultiDiGraph, sel: Selection, limit: int) -> pydot.Dot:
    """The index map of the claims in ``sel`` (see the module docstring)."""
    rows = proposal_summaries(graph, sel.claims)
    known = [r for r in rows if not r["candidate"]]
    candidates = [r for r in rows if r["candidate"]]
    dot = pydot.Dot(dot_quote("argmap-index"), graph_type="digraph", strict=False)
    tax = graph.graph.get("taxonomy") or {}
    name = tax.get("name") if isinstance(tax, dict) else None
    ndocs = len(graph.graph.get("documents") or []) or sum(
        1 for _, d in graph.nodes(data=True) if d.get("kind") == NodeKind.DOCUMENT)
    title = [f"Argument map index{': ' + name if name else ''}",
             (f"{len(sel.claims):,} claims from {ndocs:,} documents on {len(known)} proposals: more than the "
             f"{limit} a map shows one by one."),
             "Draw one proposal's claims with: argmap render --focus \"PROPOSAL\" -o focus.svg"]
    if sel.filters:
        title.append("; ".join(sel.filters))
    for key, value in {"label": "\n".join(title), "labelloc": "t", "labeljust": "l", "fontname": FONT,
                       "fontsize": "16", "rankdir": "TB", "nodesep": "0.3", "ranksep": "0.3",
                       "bgcolor": "white", "pad": "0.3", "tooltip": title[0]}.items():
        dot.set(key, dot_quote(value))
    dot.set_node_defaults(fontname=dot_quote(FONT), fontsize="10", shape="box",
                          style=dot_quote("rounded,filled"), fillcolor=dot_quote(PROPOSAL_FILL),
                          color=dot_quote("#7a5c00"), penwidth="1.6", margin=dot_quote("0.2,0.1"))
    nodes = [_proposal_box(graph, r) for r in known]
    if candidates:
        nodes.append(_candidates_box(graph, candidates))
    ncols = max(1, math.ceil(len(nodes) / ROWS_PER_COLUMN))
    per_col = math.ceil(len(nodes) / ncols) if nodes else 0
    for col in range(ncols):
        column = nodes[col * per_col:(col + 1) * per_col]
        for node in column:
            dot.add_node(node)
        for a, b in pairwise(column):  # a column is a chain of invisible edges
            dot.add_edge(pydot.Edge(a.get_name(), b.get_name(), style="invis"))
    if not nodes:
        dot.add_node(pydot.Node(dot_quote("empty"), shape="plaintext", label=dot_quote("No claims to show.")))
    return dot


def _proposal_box(graph: nx.MultiDiGraph, row: dict[str, Any]) -> pydot.Node:
    p = row["id"]
    name = label(graph, p)
    title = "<BR/>".join(html_text(x) for x in wrap(name, 34, 3))
    grounds = row["grounds"].most_common()
    top = [f"{label(graph, t)} ({n})" for t, n in grounds[:TOP_GROUNDS]]
    lines = [f"<B>{html_nonempty(title)}</B>",
             f'<FONT POINT-SIZE="10">{tally_html(row["stances"])}</FONT>',
             (f'<FONT POINT-SIZE="9" COLOR="#444444">{len(row["actors"])} actors &#183; '
             f'{len(row["documents"])} documents</FONT>')]
    if top:
        lines.append('<FONT POINT-SIZE="9">top grounds:<BR ALIGN="LEFT"/>'
                     + "".join(legend_text(g, 40) for g in top) + "</FONT>")
    body = '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">' + "".join(
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines) + "</TABLE>"
    tip = (f"{name}: {row['claims']} claims ({tally_text(row['stances'])})"
           + (f"\nGrounds: {'; '.join(f'{label(graph, t)} ({n})' for t, n in grounds)}" if grounds else "")
           + f"\nDraw them: argmap render --focus \"{name}\" -o focus.svg")
    return pydot.Node(dot_quote(p), label=html_label(body), tooltip=dot_quote(tip))


def _candidates_box(graph: nx.MultiDiGraph, rows: list[dict[str, Any]]) -> pydot.Node:
    n_claims = sum(r["claims"] for r in rows)
    names = [label(graph, r["id"]) for r in rows[:5]]
    body = (f'<B>{len(rows)} proposals outside the taxonomy</B><BR/>'
            f'<FONT POINT-SIZE="9">{n_claims} claims; most argued:<BR ALIGN="LEFT"/>'
            + "".join(legend_text(x, 40) for x in names)
            + "list them all: argmap proposals --candidates</FONT>")
    tip = "Candidate proposals found by discovery: " + "; ".join(label(graph, r["id"]) for r in rows)
    return pydot.Node(dot_quote("candidates"), label=html_label(body), style=dot_quote("rounded,filled,dashed"),
                      tooltip=dot_quote(tip))
