"""The argument map as Graphviz DOT: proposals in the middle of their own clusters, claims hanging
off them (blue, arrow: support; vermilion, bar: objection), actors as the sources of their
claims, grounds (themes) as the claims' fill colour, and a legend.

Readable at any size: a map of more than :data:`MAP_MAX_CLAIMS` claims is not drawn claim by
claim unless ``max_claims`` asks for it. The overview becomes an index of the proposals (one node
each with its counts and top grounds, :mod:`argmap.export.index_map`) and a focused map draws
the :data:`MAP_MAX_CLAIMS` most informative claims; ``on_note`` is told, with how to draw more.
Colours are colour-blind safe (Okabe-Ito for the stances, Paul Tol's "light" set for grounds);
the most frequent grounds of the map get the colours, any others one grey hatched fill.

Every string that reaches the DOT text is quoted and escaped here (pydot's own quoting does not
escape backslashes): :func:`dot_quote` for ordinary strings, :func:`html_text` for the HTML-like
labels. Building the DOT is pure; running Graphviz is :mod:`argmap.export.render`'s job.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pydot

from argmap.atomic import write_text
from argmap.export.common import (
    bare_id,
    claims,
    clean_text,
    document_node,
    label,
    listed,
    source_line,
)
from argmap.export.select import Selection, select_claims
from argmap.model import ActorType, NodeKind, Stance

# -------------------------------------------------------------------------- escaping

def dot_escape(text: Any, *, newline: str = r"\n") -> str:
    """``text`` escaped for the inside of a DOT double-quoted string (an escString).

    Double quotes are escaped; ampersands become ``&amp;`` (Graphviz reads ``&...;`` as a
    character entity); line breaks become ``newline`` (``\\n`` centred, ``\\l`` left-aligned);
    tabs become spaces and unprintable characters are dropped. Backslashes are doubled and
    followed by a zero-width space: some Graphviz versions unescape tooltips twice, and the
    space keeps a literal backslash from pairing with the next character there (``\\N``
    would become the node's name).
    """
    text = clean_text(text).replace("\t", " ")
    text = text.replace("&", "&amp;").replace("\\", "\\\\\u200b").replace('"', '\\"')
    return text.replace("\n", newline)


def dot_quote(text: Any, *, newline: str = r"\n") -> str:
    """``text`` as a complete DOT double-quoted string."""
    return f'"{dot_escape(text, newline=newline)}"'


def html_text(text: Any) -> str:
    """``text`` escaped for the inside of a Graphviz HTML-like label (XML character data).

    Besides the XML escapes, ``]`` becomes ``&#93;``: Graphviz's HTML lexer chokes on a bare
    one in some versions.
    """
    text = clean_text(text).replace("\t", " ").replace("\n", " ")
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("]", "&#93;"))


def html_nonempty(escaped: str) -> str:
    """Escaped HTML text that is never empty (Graphviz rejects empty <B>, <I> and <FONT>)."""
    return escaped if escaped.strip() else "&#160;"


def html_label(body: str) -> str:
    """An HTML-like label value (already-escaped ``body`` inside angle brackets)."""
    return f"<{body}>"


def wrap(text: Any, width: int = 40, max_lines: int = 4) -> list[str]:
    """``text`` wrapped to lines of at most ``width`` characters, at most ``max_lines`` of them,
    the last ending in an ellipsis when the text was cut."""
    flat = " ".join(clean_text(text).split())
    if not flat:
        return [""]
    return textwrap.wrap(flat, width=width, max_lines=max_lines, placeholder=" \u2026",
                         break_long_words=True, break_on_hyphens=False) or [""]


def shorten(text: Any, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(clean_text(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 1)].rstrip() + "\u2026"


# -------------------------------------------------------------------------- style

# Okabe-Ito blue and vermilion: told apart with every common colour-vision deficiency (the arrow
# heads, a triangle and a bar, and the side of the proposal a claim stands on say it again)
STANCE_COLOUR = {
    Stance.SUPPORT.value: "#0072b2",
    Stance.OBJECT.value: "#d55e00",
    Stance.NEUTRAL.value: "#8c8c8c",
}
STANCE_VERB = {
    Stance.SUPPORT.value: "supports",
    Stance.OBJECT.value: "objects to",
    Stance.NEUTRAL.value: "mentions",
}
STANCE_ARROW = {Stance.SUPPORT.value: "normal", Stance.OBJECT.value: "tee",
                Stance.NEUTRAL.value: "open"}
# Fills for grounds: Paul Tol's "light" qualitative scheme (made for labelled areas with dark
# text, distinct for colour-blind readers), without its grey, which marks the other grounds
THEME_PALETTE = ("#77aadd", "#ee8866", "#eedd88", "#ffaabb", "#99ddff", "#44bb99", "#bbcc33", "#aaaa00")
OTHER_THEME_FILL = "#dddddd"  # grounds beyond the palette: grey, with hatched corners
OTHER_THEME_STYLE = "filled,diagonals"
NO_THEME_FILL = "#ffffff"
MAP_MAX_CLAIMS = 80  #: larger maps become an index (overview) or are cut (focused), unless max_claims says
PROPOSAL_FILL = "#fff4d6"
PERSON_FILL = "#e8eef7"
ORG_FILL = "#dbe6f3"
FONT = "Helvetica"
TEXT_WIDTH = 40
TEXT_LINES = 4


def theme_colours(graph: nx.MultiDiGraph, claim_ids: list[str] | tuple[str, ...] | None = None) -> dict[str, str]:
    """A fill colour for the grounds of a map: the themes that are the first ground of most of
    its claims (``claim_ids``, default all) take the palette's colours in that order (ties by
    label); themes left over are not in the result (they get :data:`OTHER_THEME_FILL`)."""
    ids = claim_ids if claim_ids is not None else [n for n, _ in claims(graph)]
    counts: Counter[str] = Counter()
    for c in ids:
        themes = [t for t in listed(graph.nodes[c].get("themes")) if t in graph]
        if themes:
            counts[themes[0]] += 1
    ranked = sorted(counts, key=lambda t: (-counts[t], label(graph, t).lower(), t))
    return {t: THEME_PALETTE[i] for i, t in enumerate(ranked[:len(THEME_PALETTE)])}


# -------------------------------------------------------------------------- building

def build_dot(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    stance: str | None = None,
    theme: str | None = None,
    max_claims: int | None = None,
    on_note: Callable[[str], None] | None = None,
) -> pydot.Dot:
    """The argument map as a pydot graph (pure: nothing is run or written).

    ``focus`` names a proposal, theme or actor whose neighbourhood is drawn; ``stance``
    ('object' or 'support') and ``theme`` keep only matching claims; ``max_claims`` keeps
    at most that many, spread over the proposals. See :func:`select_claims`. Without
    ``max_claims``, a selection of more than :data:`MAP_MAX_CLAIMS` claims gives an index of the
    proposals (no focus) or the :data:`MAP_MAX_CLAIMS` most informative claims (a focus), and
    ``on_note`` receives one line saying so and how to draw a focused map.
    """
    sel = select_claims(graph, focus=focus, stance=stance, theme=theme, max_claims=max_claims)
    if max_claims is None and len(sel.claims) > MAP_MAX_CLAIMS:
        if sel.focus is None:
            from argmap.export.index_map import build_index, index_note

            if on_note is not None:
                on_note(index_note(graph, sel, MAP_MAX_CLAIMS))
            return build_index(graph, sel, MAP_MAX_CLAIMS)
        drawn = select_claims(graph, focus=focus, stance=stance, theme=theme, max_claims=MAP_MAX_CLAIMS)
        if on_note is not None:
            on_note(f"{len(sel.claims)} claims match, more than the {MAP_MAX_CLAIMS} a map shows one by one: "
                    f"drew the {MAP_MAX_CLAIMS} most informative (with a stance, a speaker and a ground first); "
                    "narrow it with --stance or --theme, or choose the number with --max-claims N")
        sel = drawn
    return _MapBuilder(graph, sel).build()


def to_dot(graph: nx.MultiDiGraph) -> str:
    """The DOT text of the full argument map (the map ``argmap render`` draws)."""
    return build_dot(graph).to_string()


def write_dot(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the DOT text of the full map to ``path`` atomically."""
    write_text(path, to_dot(graph))


def proposal_totals(graph: nx.MultiDiGraph) -> dict[str, Counter]:
    """Every proposal's claims in the whole graph, counted by stance (what the badges show)."""
    totals: dict[str, Counter] = {}
    for _, d in claims(graph):
        for t in listed(d.get("targets")):
            totals.setdefault(t, Counter())[str(d.get("stance") or Stance.NEUTRAL.value)] += 1
    return totals


STANCE_WORD = {Stance.SUPPORT.value: "for", Stance.OBJECT.value: "against", Stance.NEUTRAL.value: "neutral"}


def tally_html(counts: Counter) -> str:
    """``3 for · 5 against · 1 neutral`` in the stance colours (HTML-like label text)."""
    return " &#183; ".join(f'<FONT COLOR="{STANCE_COLOUR[st]}">{counts[st]} {STANCE_WORD[st]}</FONT>'
                           for st in STANCE_WORD if counts.get(st))


def tally_text(counts: Counter) -> str:
    """``3 for, 5 against, 1 neutral`` (or ``none``)."""
    return ", ".join(f"{counts[st]} {STANCE_WORD[st]}" for st in STANCE_WORD if counts.get(st)) or "none"


def legend_text(text: Any, width: int = 44) -> str:
    """A legend label in full, wrapped over as many left-aligned lines as it needs."""
    lines = textwrap.wrap(" ".join(clean_text(text).split()), width=width, break_on_hyphens=False) or [""]
    return '<BR ALIGN="LEFT"/>'.join(html_text(x) for x in lines) + '<BR ALIGN="LEFT"/>'


def article_url(graph: nx.MultiDiGraph, doc_id: str | None) -> str | None:
    """The web address of a claim's article when the corpus gave one (http or https only)."""
    node = document_node(graph, doc_id)
    url = str(graph.nodes[node].get("url") or "").strip() if node else ""
    return url if url.lower().startswith(("http://", "https://")) and " " not in url else None


LEFT, RIGHT = "for", "against"  # the two sides of a proposal's cluster


def _local(actor: str, proposal: str, side: str) -> str:
    """The DOT node id of an actor drawn on one side of one proposal's cluster."""
    return f"{actor}@{proposal}@{side}"


def _columns(order: list[str], heights: dict[str, float]) -> dict[str, int]:
    """Which column each proposal's cluster goes in: one column for a small map, up to four
    for a large one, the clusters spread so the columns are about the same height."""
    total = sum(heights.values())
    ncols = 1 if total <= 10 else max(2, min(4, round((total / 8) ** 0.5)))
    ncols = max(1, min(ncols, len(order)))
    filled = [0.0] * ncols
    out: dict[str, int] = {}
    for p in sorted(order, key=lambda p: -heights[p]):  # tallest first, each into the lowest column
        col = min(range(ncols), key=lambda i: (filled[i], i))
        out[p] = col
        filled[col] += heights[p] + 0.8
    return out


class _Cluster:
    """One proposal's cluster: claims for it on its left, claims against it on its right."""

    def __init__(self, proposal: str) -> None:
        self.proposal = proposal
        self.sides: dict[str, list[str]] = {LEFT: [], RIGHT: []}

    def height(self) -> float:
        return max(len(self.sides[LEFT]), len(self.sides[RIGHT]), 1)


class _MapBuilder:
    def __init__(self, graph: nx.MultiDiGraph, sel: Selection) -> None:
        self.g = graph
        self.sel = sel
        self.colours = theme_colours(graph, sel.claims)
        self.totals = proposal_totals(graph)
        self.dot = pydot.Dot(dot_quote("argmap"), graph_type="digraph", strict=False)

    # ---- top level
    def build(self) -> pydot.Dot:
        g, sel = self.g, self.sel
        claim_data = [(c, g.nodes[c]) for c in sel.claims]
        clusters: dict[str, _Cluster] = {}
        neutral: dict[str, list[str]] = {}
        for c, d in claim_data:
            home = clusters.setdefault(self._home(d), _Cluster(self._home(d)))
            stance = d.get("stance")
            if stance == Stance.OBJECT.value:
                home.sides[RIGHT].append(c)
            elif stance == Stance.SUPPORT.value:
                home.sides[LEFT].append(c)
            else:
                neutral.setdefault(home.proposal, []).append(c)
        for p, cs in neutral.items():  # claims with no stance go on the shorter side
            cl = clusters[p]
            side = LEFT if len(cl.sides[LEFT]) <= len(cl.sides[RIGHT]) else RIGHT
            cl.sides[side].extend(cs)
            cl.sides[side].sort(key=sel.claims.index)
        for _, d in claim_data:  # proposals reached only through a claim's second target
            for t in self._targets(d):
                clusters.setdefault(t, _Cluster(t))
        order = sorted(clusters, key=lambda p: (-clusters[p].height(), label(g, p).lower(), p))
        columns = _columns(order, {p: clusters[p].height() for p in order})

        self._graph_attrs(len(claim_data))
        counts = self._counts(claim_data)
        for p in order:
            self.dot.add_subgraph(self._cluster(clusters[p], counts.get(p, Counter())))
        for c, d in claim_data:
            home = self._home(d)
            for t in self._targets(d):
                if t != home:
                    self.dot.add_edge(self._stance_edge(c, d, t, home=False))
        self._align_columns(order, clusters, columns)
        if not claim_data:
            self.dot.add_node(pydot.Node(dot_quote("empty"), shape="plaintext", label=dot_quote(
                "No claims with a proposal to show.\nRun 'argmap build' on a corpus that "
                "discusses the taxonomy's proposals.")))
        self.dot.add_subgraph(self._legend(claim_data))
        return self.dot

    def _targets(self, d: dict[str, Any]) -> list[str]:
        return [t for t in listed(d.get("targets")) if t in self.g]

    def _home(self, d: dict[str, Any]) -> str:
        """The proposal whose cluster a claim is drawn in: the focus if it targets it, else its first."""
        targets = self._targets(d)
        return self.sel.focus if self.sel.focus in targets else targets[0]

    def _speakers(self, claim_ids: list[str]) -> list[str]:
        return sorted({s for c in claim_ids if (s := self.g.nodes[c].get("speaker")) in self.g})

    def _cluster(self, cl: _Cluster, counts: Counter) -> pydot.Subgraph:
        """One proposal's cluster, left to right: speakers -> claims for it -> the proposal
        <- claims against it <- their speakers.

        Actors are drawn on every side of every cluster they speak in, so no edge has to
        cross the map; edges on the right are laid out backwards (``dir=back``) so that they
        still point at the proposal.
        """
        g, p = self.g, cl.proposal
        sub = pydot.Subgraph(
            dot_quote(f"cluster_p_{bare_id(p)}"), label=dot_quote(""),
            style=dot_quote("rounded,filled"), fillcolor=dot_quote("#fafafa"),
            color=dot_quote("#d0d0d0"), tooltip=dot_quote(f"Claims about: {label(g, p)}"))
        sub.add_node(self._proposal_node(p, counts))
        for side in (LEFT, RIGHT):
            back = side == RIGHT
            for a in self._speakers(cl.sides[side]):
                sub.add_node(self._actor_node(a, _local(a, p, side)))
            for c in cl.sides[side]:
                d = g.nodes[c]
                sub.add_node(self._claim_node(c, d))
                speaker = d.get("speaker")
                if speaker in g:
                    sub.add_edge(self._assert_edge(speaker, _local(speaker, p, side), c, back=back))
                sub.add_edge(self._stance_edge(c, d, p, home=True, back=back))
        return sub

    def _rank_groups(self, cl: _Cluster) -> list[list[str]]:
        """The cluster's nodes in rank order, left to right."""
        p = cl.proposal
        return [
            [_local(a, p, LEFT) for a in self._speakers(cl.sides[LEFT])],
            list(cl.sides[LEFT]),
            [p],
            list(cl.sides[RIGHT]),
            [_local(a, p, RIGHT) for a in self._speakers(cl.sides[RIGHT])],
        ]

    def _align_columns(self, order: list[str], clusters: dict[str, _Cluster],
                       columns: dict[str, int]) -> None:
        """Stack the clusters in columns: one rank per part of a cluster across the column
        (speakers, claims for, proposals, claims against, speakers), invisible edges between
        the columns."""
        ncols = max(columns.values(), default=0) + 1
        firsts: list[str | None] = []
        lasts: list[str | None] = []
        for col in range(ncols):
            groups = [self._rank_groups(clusters[p]) for p in order if columns[p] == col]
            ranks = [[n for grp in groups for n in grp[i]] for i in range(5)]
            for rank_nodes in ranks:
                if len(rank_nodes) > 1:
                    same = pydot.Subgraph(rank="same")
                    for n in rank_nodes:
                        same.add_node(pydot.Node(dot_quote(n)))
                    self.dot.add_subgraph(same)
            nonempty = [r for r in ranks if r]
            firsts.append(nonempty[0][0] if nonempty else None)
            lasts.append(nonempty[-1][0] if nonempty else None)
        for col in range(ncols - 1):
            if lasts[col] and firsts[col + 1]:
                self.dot.add_edge(pydot.Edge(dot_quote(lasts[col]), dot_quote(firsts[col + 1]),
                                             style="invis", weight="0"))

    def _graph_attrs(self, shown: int) -> None:
        g, sel = self.g, self.sel
        tax = g.graph.get("taxonomy") or {}
        name = tax.get("name") if isinstance(tax, dict) else None
        ndocs = len(g.graph.get("documents") or []) or sum(
            1 for _, d in g.nodes(data=True) if d.get("kind") == NodeKind.DOCUMENT)
        title = f"Argument map: {name}" if name else "Argument map"
        lines = [title, f"{shown} claims shown of {sel.total} from {ndocs} documents"]
        if sel.filters:
            lines.append("; ".join(sel.filters))
        if sel.untargeted:
            lines.append(f"{sel.untargeted} matching claims name no proposal and are not drawn")
        self.dot.set("label", dot_quote("\n".join(lines)))
        for key, value in {
            "labelloc": "t", "labeljust": "l", "fontname": FONT, "fontsize": "16",
            "rankdir": "LR", "newrank": "true", "compound": "true", "nodesep": "0.18",
            "ranksep": "0.9", "splines": "true", "outputorder": "edgesfirst", "bgcolor": "white",
            "pad": "0.3", "tooltip": title,
        }.items():
            self.dot.set(key, dot_quote(value))
        self.dot.set_node_defaults(fontname=dot_quote(FONT), fontsize="10", margin=dot_quote("0.12,0.06"))
        self.dot.set_edge_defaults(arrowsize="0.7", fontname=dot_quote(FONT), fontsize="9")

    def _counts(self, claim_data: list[tuple[str, dict[str, Any]]]) -> dict[str, Counter]:
        counts: dict[str, Counter] = {}
        for _, d in claim_data:
            for t in listed(d.get("targets")):
                counts.setdefault(t, Counter())[d.get("stance")] += 1
        return counts

    # ---- nodes
    def _proposal_node(self, p: str, counts: Counter) -> pydot.Node:
        """The proposal with its badge: the graph's full totals, and how many of them are drawn."""
        d = self.g.nodes[p]
        name = label(self.g, p)
        title = "<BR/>".join(html_text(x) for x in wrap(name, 30, 3))
        totals = self.totals.get(p, Counter())
        badge = tally_html(totals)
        total, drawn = sum(totals.values()), sum(counts.values())
        if drawn < total:
            badge += f'<BR/><FONT POINT-SIZE="8" COLOR="#444444">{drawn} of {total} claims drawn</FONT>'
        extra = " (candidate)" if d.get("candidate") else ""
        body = (f'<B>{html_nonempty(title)}</B>{html_text(extra)}'
                + (f'<BR/><FONT POINT-SIZE="9">{badge}</FONT>' if badge else ""))
        aliases = ", ".join(str(a) for a in listed(d.get("aliases"))[:8])
        tip = f"Proposal: {name}" + (f"\nAlso called: {aliases}" if aliases else "")
        tip += f"\nClaims in the graph: {tally_text(totals)}" + (f" ({drawn} drawn)" if drawn < total else "")
        return pydot.Node(dot_quote(p), label=html_label(body), shape="box", style=dot_quote("rounded,filled,bold" + (",dashed" if d.get("candidate") else "")), penwidth="2.2", color=dot_quote("#7a5c00"), fillcolor=dot_quote(PROPOSAL_FILL), fontsize="13", margin=dot_quote("0.2,0.1"), tooltip=dot_quote(tip))

    def _claim_node(self, c: str, d: dict[str, Any]) -> pydot.Node:
        g = self.g
        stance = str(d.get("stance") or Stance.NEUTRAL.value)
        themes = [t for t in listed(d.get("themes")) if t in g]
        speaker = d.get("speaker")
        who = label(g, speaker) if speaker in g else "unattributed"
        doc = d.get("document")
        doc_node = f"doc:{doc}" if doc else None
        doc_title = label(g, doc_node) if doc_node in g else str(doc or "")
        text = d.get("text") or d.get("label") or ""
        lines = "<BR ALIGN=\"LEFT\"/>".join(html_text(x) for x in wrap(text, TEXT_WIDTH, TEXT_LINES))
        rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{lines}<BR ALIGN="LEFT"/></TD></TR>',
                (f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#444444">&#8212; '
                f'{html_text(shorten(who, 30))} &#183; {html_text(shorten(doc_title, 28))}</FONT></TD></TR>')]
        if themes:
            names = ", ".join(label(g, t) for t in themes)
            rows.append(f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#444444"><I>grounds: '
                        f'{html_text(shorten(names, 45))}</I></FONT></TD></TR>')
        body = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>'
        tip_lines = [" ".join(clean_text(text).split()), ""]
        tip_lines.append(f"{who} {STANCE_VERB.get(stance, stance)} "
                         + ", ".join(label(g, t) for t in listed(d.get("targets")) if t in g))
        if themes:
            tip_lines.append("Grounds: " + ", ".join(label(g, t) for t in themes))
        src = source_line(g, d)
        if src:
            tip_lines.append(f"Source: {src}")
        fill, style = self._fill(themes)
        link = {}
        url = article_url(g, doc)
        if url:
            tip_lines.append(f"Article: {url}")
            link = {"URL": dot_quote(url), "target": dot_quote("_blank")}
        return pydot.Node(dot_quote(c), label=html_label(body), shape="note", style=dot_quote(style), fillcolor=dot_quote(fill), color=dot_quote(STANCE_COLOUR.get(stance, "#8c8c8c")), penwidth="1.6", tooltip=dot_quote("\n".join(tip_lines)), **link)

    def _fill(self, themes: list[str]) -> tuple[str, str]:
        """The fill colour and style of a claim grounded on ``themes`` (its first one decides)."""
        if not themes:
            return NO_THEME_FILL, "filled"
        if themes[0] in self.colours:
            return self.colours[themes[0]], "filled"
        return OTHER_THEME_FILL, OTHER_THEME_STYLE

    def _actor_node(self, a: str, node_id: str) -> pydot.Node:
        g = self.g
        d = g.nodes[a]
        name = label(g, a)
        org = d.get("actor_type") == ActorType.ORGANISATION
        details = []
        if d.get("role"):
            details.append(str(d["role"]))
        aff = d.get("affiliation")
        if aff:
            aff_node = aff if str(aff).startswith("actor:") else f"actor:{aff}"
            details.append(label(g, aff_node) if aff_node in g else str(aff))
        body = "<BR/>".join(f"<B>{html_nonempty(html_text(x))}</B>" for x in wrap(name, 26, 2))
        if details:
            body += f'<BR/><FONT POINT-SIZE="8">{html_nonempty(html_text(shorten(", ".join(details), 40)))}</FONT>'
        aliases = ", ".join(str(x) for x in listed(d.get("aliases")))
        tip = f"{'Organisation' if org else 'Person'}: {name}"
        if details:
            tip += f" ({', '.join(details)})"
        if aliases:
            tip += f"\nAlso called: {aliases}"
        docs = listed(d.get("documents"))
        if docs:
            tip += f"\nIn documents: {', '.join(str(x) for x in docs)}"
        return pydot.Node(dot_quote(node_id), label=html_label(body), shape="box3d" if org else "ellipse", style=dot_quote("filled"), fillcolor=dot_quote(ORG_FILL if org else PERSON_FILL), color=dot_quote("#5b7290"), tooltip=dot_quote(tip))

    # ---- edges
    def _assert_edge(self, a: str, node_id: str, c: str, *, back: bool) -> pydot.Edge:
        ends = (c, node_id) if back else (node_id, c)
        head = "arrowtail" if back else "arrowhead"
        return pydot.Edge(dot_quote(ends[0]), dot_quote(ends[1]), **{
            "color": dot_quote("#8a9bb0"), head: "dot", "arrowsize": "0.5", "penwidth": "0.9",
            "tooltip": dot_quote(f"{label(self.g, a)} asserts"), **({"dir": "back"} if back else {}),
        })

    def _stance_edge(self, c: str, d: dict[str, Any], t: str, *, home: bool,
                     back: bool = False) -> pydot.Edge:
        """Claim -> proposal, coloured by stance. ``home``: inside the claim's own cluster;
        otherwise a second target elsewhere on the map, drawn lighter and not bending the layout."""
        stance = str(d.get("stance") or Stance.NEUTRAL.value)
        who = label(self.g, d.get("speaker")) or "unattributed"
        colour = STANCE_COLOUR.get(stance, "#8c8c8c")
        width = 2.0 if stance != Stance.NEUTRAL.value else 1.0
        extra: dict[str, str] = {}
        if not home:
            extra = {"constraint": "false", "weight": "0"}
            colour += "99"
            width = min(width, 1.3)
        ends = (t, c) if back else (c, t)
        head = "arrowtail" if back else "arrowhead"
        if back:
            extra["dir"] = "back"
        return pydot.Edge(dot_quote(ends[0]), dot_quote(ends[1]), **extra, **{
            "color": dot_quote(colour), "penwidth": str(width),
            "style": "solid" if stance != Stance.NEUTRAL.value else "dashed",
            head: STANCE_ARROW.get(stance, "normal"),
            "tooltip": dot_quote(f"{who} {STANCE_VERB.get(stance, stance)} {label(self.g, t)}"),
        })

    # ---- legend
    def _legend(self, claim_data: list[tuple[str, dict[str, Any]]]) -> pydot.Subgraph:
        g = self.g
        firsts = [[t for t in listed(d.get("themes")) if t in g][:1] for _, d in claim_data]
        coloured = [t for t in self.colours if [t] in firsts]  # in palette order: most frequent first
        others = sorted({f[0] for f in firsts if f and f[0] not in self.colours}, key=lambda t: label(g, t).lower())
        stances = {str(d.get("stance")) for _, d in claim_data}
        rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
        for st, words in ((Stance.SUPPORT.value, "claim supports proposal"),
                          (Stance.OBJECT.value, "claim objects to proposal"),
                          (Stance.NEUTRAL.value, "claim mentions proposal (no stance)")):
            if st in stances or st != Stance.NEUTRAL.value:
                arrow = {"support": "&#9472;&#9472;&#9654;", "object": "&#9472;&#9472;&#9475;",
                         "neutral": "&#9476;&#9476;&#9655;"}[st]  # triangle, bar, open triangle
                rows.append(f'<TR><TD ALIGN="LEFT"><FONT COLOR="{STANCE_COLOUR[st]}"><B>{arrow}</B>'
                            f'</FONT></TD><TD ALIGN="LEFT">{words}</TD></TR>')
        rows.append('<TR><TD ALIGN="LEFT"><FONT COLOR="#8a9bb0">&#9472;&#9472;&#9679;</FONT></TD>'
                    '<TD ALIGN="LEFT">actor asserts claim</TD></TR>')
        rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT">Claims for a proposal stand on its left, '
                    'claims against it on its right.</TD></TR>')
        rows.append(f'<TR><TD BGCOLOR="{PROPOSAL_FILL}" BORDER="1"><B>Proposal</B></TD>'
                    '<TD ALIGN="LEFT">reform proposal (box)</TD></TR>')
        rows.append(f'<TR><TD BGCOLOR="{PERSON_FILL}" BORDER="1">Person</TD>'
                    '<TD ALIGN="LEFT">ellipse</TD></TR>')
        rows.append(f'<TR><TD BGCOLOR="{ORG_FILL}" BORDER="1">Organisation</TD>'
                    '<TD ALIGN="LEFT">3-D box</TD></TR>')
        rows.append('<TR><TD BORDER="1">Claim</TD><TD ALIGN="LEFT">note; border = stance, '
                    'fill = ground (theme)</TD></TR>')
        if coloured or others:
            rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Grounds (themes): a claim\'s first ground</B></TD></TR>')
            for t in coloured:
                rows.append(f'<TR><TD BGCOLOR="{self.colours[t]}" BORDER="1"> </TD>'
                            f'<TD ALIGN="LEFT" BALIGN="LEFT">{legend_text(label(g, t))}</TD></TR>')
            if others:
                names = "; ".join(label(g, t) for t in others)
                rows.append(f'<TR><TD BGCOLOR="{OTHER_THEME_FILL}" BORDER="1">//</TD>'
                            f'<TD ALIGN="LEFT" BALIGN="LEFT">{legend_text("other grounds (grey, hatched corners): " + names)}'
                            '</TD></TR>')
            rows.append(f'<TR><TD BGCOLOR="{NO_THEME_FILL}" BORDER="1"> </TD>'
                        '<TD ALIGN="LEFT">no ground named</TD></TR>')
        body = ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
                + "".join(rows) + "</TABLE>")
        legend = pydot.Subgraph(dot_quote("cluster_legend"), label=dot_quote(""), style=dot_quote("rounded"), color=dot_quote("#bbbbbb"), tooltip=dot_quote("Legend"))
        legend.add_node(pydot.Node(dot_quote("legend"), label=html_label(body), shape="plaintext", fontsize="9", tooltip=dot_quote("Legend")))
        return legend
