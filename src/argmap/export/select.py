"""Choose which claims a map shows: the neighbourhood of one proposal, theme or actor, a stance,
a theme, and at most N claims spread fairly over the proposals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.errors import QueryError
from argmap.export.common import bare_id, claims, label, listed
from argmap.model import NodeKind, Stance
from argmap.text import fold, slugify

FOCUS_KINDS = (NodeKind.PROPOSAL, NodeKind.THEME, NodeKind.ACTOR)
STANCES = (Stance.SUPPORT.value, Stance.OBJECT.value)


@dataclass(frozen=True)
class Selection:
    """The claims a map shows and how they were chosen."""

    claims: tuple[str, ...]  # claim ids to draw, in document order
    matched: int  # claims that passed the filters (before --max-claims)
    total: int  # claims in the graph
    untargeted: int = 0  # claims that passed the filters but name no proposal (not drawable)
    focus: str | None = None  # node id of the focus
    filters: tuple[str, ...] = field(default=())  # human-readable description of each filter

    @property
    def truncated(self) -> bool:
        return len(self.claims) < self.matched - self.untargeted


def select_claims(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    stance: str | None = None,
    theme: str | None = None,
    max_claims: int | None = None,
) -> Selection:
    """The claims to draw. Queries are names, labels, aliases or ids, matched forgivingly.

    Raises QueryError when a query matches nothing (or several things equally well), when
    the stance is unknown, or when filters were given and no claim passes them.
    """
    filters: list[str] = []
    all_claims = list(claims(graph))
    chosen = all_claims
    focus_node = None
    if focus:
        focus_node = resolve(graph, focus, FOCUS_KINDS)
        members = _focus_members(graph, focus_node)
        chosen = [(n, d) for n, d in chosen if members(n, d)]
        kind = graph.nodes[focus_node].get("kind")
        filters.append(f"{kind}: {label(graph, focus_node)}")
    if stance:
        wanted = stance.strip().lower()
        aliases = {"objection": "object", "objects": "object", "oppose": "object",
                   "against": "object", "supports": "support", "for": "support"}
        wanted = aliases.get(wanted, wanted)
        if wanted not in STANCES:
            raise QueryError(f"unknown stance {stance!r}; use 'object' or 'support'")
        chosen = [(n, d) for n, d in chosen if d.get("stance") == wanted]
        filters.append(f"stance: {wanted}")
    if theme:
        theme_node = resolve(graph, theme, (NodeKind.THEME,))
        chosen = [(n, d) for n, d in chosen if theme_node in listed(d.get("themes"))]
        filters.append(f"theme: {label(graph, theme_node)}")
    if max_claims is not None and max_claims < 1:
        raise QueryError(f"--max-claims must be at least 1 (got {max_claims})")
    if filters and not chosen:
        raise QueryError(f"no claims match {'; '.join(filters)}")

    drawable = [(n, d) for n, d in chosen if _targets(graph, d)]
    shown = drawable
    if max_claims is not None and len(drawable) > max_claims:
        shown = _spread(graph, drawable, max_claims, focus_node)
        filters.append(f"at most {max_claims} claims")
    return Selection(
        claims=tuple(n for n, _ in shown),
        matched=len(chosen),
        total=len(all_claims),
        untargeted=len(chosen) - len(drawable),
        focus=focus_node,
        filters=tuple(filters),
    )


def resolve(graph: nx.MultiDiGraph, query: str, kinds: Iterable[NodeKind | str]) -> str:
    """The node id of the one node of ``kinds`` that ``query`` names.

    Uses :func:`argmap.match.resolve` (forgiving: aliases, word order, acronyms, typos) when
    that module is installed, else a plain matcher (ids, labels, names and aliases, ignoring
    case; exact beats partial). Raises QueryError naming the candidates when the query is
    ambiguous, or the closest names when it matches nothing.
    """
    kinds = [str(k) for k in kinds]
    if not query or not query.strip():
        raise QueryError("empty query")
    try:
        from argmap import match
    except ImportError:  # pragma: no cover - argmap.match ships with argmap
        return _plain_resolve(graph, query, kinds)
    res = match.resolve(graph, query, kinds=kinds)
    what = " or ".join(kinds)
    shown = match.show_query(query)
    if not res.matches:
        hint = "; ".join(match.describe(c) for c in res.suggestions[:5])
        raise QueryError(f"no {what} matches {shown!r}" + (f"; did you mean: {hint}" if hint else ""))
    if len(res.matches) > 1 and res.matches[0].score <= res.matches[1].score:
        listed_ = "; ".join(match.describe(c) for c in res.matches[:6])
        raise QueryError(f"{shown!r} could mean several: {listed_}; be more specific or use an id")
    return res.matches[0].id


def _plain_resolve(graph: nx.MultiDiGraph, query: str, kinds: list[str]) -> str:
    """Fallback matcher: exact id/label/alias matches beat partial ones; kinds in the given order."""
    q = fold(query)
    q_slug = slugify(query)
    exact: list[str] = []
    partial: list[str] = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") not in kinds:
            continue
        names = [fold(str(x)) for x in _names(node, data)]
        if node.lower() == query.strip().lower() or bare_id(node) == q_slug or q in names:
            exact.append(node)
        elif len(q) >= 3 and any(q in name for name in names):
            partial.append(node)
    for tier in (exact, partial):
        for kind in kinds:
            of_kind = sorted(n for n in tier if graph.nodes[n].get("kind") == kind)
            if len(of_kind) == 1:
                return of_kind[0]
            if len(of_kind) > 1:
                shown = "; ".join(f"{label(graph, n)} [{n}]" for n in of_kind[:6])
                raise QueryError(f"{query!r} could mean several: {shown}; be more specific or use an id")
    raise QueryError(f"no {' or '.join(kinds)} matches {query!r}")


def _names(node: str, data: dict[str, Any]) -> list[str]:
    out = [bare_id(node), data.get("label"), data.get("name"), *listed(data.get("aliases"))]
    return [str(x) for x in out if x]


def _focus_members(graph: nx.MultiDiGraph, focus: str):
    kind = graph.nodes[focus].get("kind")
    if kind == NodeKind.PROPOSAL:
        return lambda n, d: focus in listed(d.get("targets"))
    if kind == NodeKind.THEME:
        return lambda n, d: focus in listed(d.get("themes"))
    # an actor: its own claims, and for an organisation those of people affiliated with it
    org = bare_id(focus)
    members = {focus} | {
        a for a, d in graph.nodes(data=True)
        if d.get("kind") == NodeKind.ACTOR and d.get("affiliation")
        and bare_id(str(d["affiliation"])) == org
    }
    return lambda n, d: d.get("speaker") in members


def _targets(graph: nx.MultiDiGraph, data: dict[str, Any]) -> list[str]:
    return [t for t in listed(data.get("targets")) if t in graph]


def _spread(graph: nx.MultiDiGraph, items: list[tuple[str, dict[str, Any]]], limit: int,
            focus: str | None) -> list[tuple[str, dict[str, Any]]]:
    """At most ``limit`` claims, taken in turn from each proposal, most informative first."""
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for item in items:
        targets = _targets(graph, item[1])
        key = focus if focus in targets else targets[0]
        groups[key].append(item)

    def score(item: tuple[str, dict[str, Any]]) -> tuple:
        d = item[1]
        return (d.get("stance") == Stance.NEUTRAL, d.get("speaker") is None,
                not listed(d.get("themes")))

    queues = [sorted(g, key=score) for _, g in sorted(groups.items(), key=lambda kv: -len(kv[1]))]
    picked: list[tuple[str, dict[str, Any]]] = []
    while len(picked) < limit:
        progressed = False
        for q in queues:
            if q and len(picked) < limit:
                picked.append(q.pop(0))
                progressed = True
        if not progressed:
            break
    order = {n: i for i, (n, _) in enumerate(items)}
    return sorted(picked, key=lambda it: order[it[0]])
