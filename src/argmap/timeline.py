"""The debate over time: a series of networks in moving windows, and support and objection per month.

:func:`windows` cuts the dated statements into windows of a given length moved by a given step
(``window="6M", step="1M"``) and builds, per window, the actor network, its coalitions and the
polarisation (:mod:`argmap.networks`). :func:`timeline` counts, month by month, the actors and
claims supporting and objecting to a proposal or raising a theme, and marks the actors whose stance
changed. Statements from undated documents cannot be placed in time: they are counted apart
(``undated``), never guessed. Pure functions over the graph, like :mod:`argmap.networks`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from argmap.errors import QueryError
from argmap.networks import (
    DEFAULT_SEED,
    Coalition,
    Polarisation,
    Statement,
    add_months,
    coalitions,
    network_from_statements,
    polarisation_of,
    resolve_filters,
    statements,
)
from argmap.queries import OBJECT, SUPPORT, index_of, lookup

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from argmap.queries import GraphLike

PERIOD_UNITS = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}


@dataclass(frozen=True)
class Period:
    """A length of time: ``count`` days, weeks, months or years."""

    count: int
    unit: str  # "D" | "W" | "M" | "Y"

    def add(self, day: date, times: int = 1) -> date:
        """``day`` moved forward by this period ``times`` times."""
        n = self.count * times
        if self.unit == "D":
            return day + timedelta(days=n)
        if self.unit == "W":
            return day + timedelta(weeks=n)
        return add_months(day, n * (12 if self.unit == "Y" else 1))

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"


def parse_period(text: str | Period) -> Period:
    """``"6M"`` -> six months; units D (days), W (weeks), M (months), Y (years)."""
    if isinstance(text, Period):
        return text
    m = re.fullmatch(r"\s*(\d+)\s*([DWMYdwmy])\s*", str(text))
    if not m or int(m.group(1)) < 1:
        raise QueryError(f"not a period: {text!r} (a positive number and D, W, M or Y, e.g. 6M or 2W)")
    return Period(int(m.group(1)), m.group(2).upper())


def _align(day: date, unit: str) -> date:
    """The start of the calendar unit holding ``day`` (month and year windows start on the 1st)."""
    if unit == "M":
        return day.replace(day=1)
    if unit == "Y":
        return day.replace(month=1, day=1)
    if unit == "W":
        return day - timedelta(days=day.weekday())
    return day


# ---------------------------------------------------------------- windows

@dataclass(frozen=True)
class Window:
    """One time window: statements dated ``start`` <= date < ``end`` and what they make."""

    start: date
    end: date  # exclusive
    statements: int  # counted as the network counts them (its duplicates setting)
    network: nx.Graph
    coalitions: tuple[Coalition, ...]
    polarisation: Polarisation

    @property
    def label(self) -> str:
        """``2025-03-01..2025-08-31`` (the last day inclusive)."""
        return f"{self.start.isoformat()}..{(self.end - timedelta(days=1)).isoformat()}"

    def summary(self) -> dict[str, Any]:
        """The window's row of the summary table."""
        actors = sum(1 for _, d in self.network.nodes(data=True) if d.get("node_type", "actor") == "actor")
        return {"start": self.start.isoformat(), "end": (self.end - timedelta(days=1)).isoformat(),
                "statements": self.statements, "actors": actors, "edges": self.network.number_of_edges(),
                "coalitions": len(self.coalitions), "polarisation": self.polarisation.value}

    def to_dict(self) -> dict[str, Any]:
        """The summary row with the coalitions and the polarisation's counts (the network itself is
        left out: ``networkx.node_link_data(window.network, edges="edges")`` gives it)."""
        return {**self.summary(), "coalitions": [c.to_dict() for c in self.coalitions],
                "polarisation": self.polarisation.to_dict()}


def windows(graph: GraphLike, *, window: str | Period = "6M", step: str | Period = "1M",
            kind: str = "congruence", normalization: str = "none", duplicates: str = "document",
            seed: int = DEFAULT_SEED, since: str | date | None = None, until: str | date | None = None,
            proposals: Iterable[str] | None = None, themes: Iterable[str] | None = None,
            documents: Iterable[str] | None = None, actor_types: Iterable[str] | None = None,
            min_weight: float = 0) -> list[Window]:
    """Networks of the dated statements in moving windows of length ``window``, ``step`` apart.

    The first window starts at the beginning of the month (year, week; with a step in days, the
    day) of the earliest statement, or at ``since``; windows follow every ``step`` until one reaches past the latest statement
    (or ``until``), so every dated statement falls in at least one window. Each window has its
    network (as :func:`argmap.networks.actor_network` builds it), coalitions (of its congruence
    network, or of its subtract network when ``kind="subtract"``) and polarisation.
    Raises QueryError when no statement is dated.
    """
    ix = index_of(graph)
    length, stride = parse_period(window), parse_period(step)
    f = resolve_filters(ix, since=since, until=until, proposals=proposals, themes=themes,
                        documents=documents, actor_types=actor_types)
    chosen_all = statements(ix, f)
    dated = [s for s in chosen_all if s.date is not None]
    if not dated:
        raise QueryError("no dated statements to cut into windows (see 'argmap build' for undated documents)")
    days = [s.date for s in dated if s.date is not None]
    last = f.until or max(days)
    start = f.since or _align(min(days), stride.unit)
    out: list[Window] = []
    n = 0
    while True:
        lo = stride.add(start, n)
        hi = length.add(lo)
        chosen = [s for s in dated if lo <= s.date < hi]  # type: ignore[operator]
        out.append(_window(ix, lo, hi, chosen, kind, normalization, duplicates, seed, min_weight, f))
        out[-1].network.graph["undated_left_out"] = len(chosen_all) - len(dated)
        if hi > last or len(out) >= 10000:
            return out
        n += 1


def _window(ix: Any, lo: date, hi: date, chosen: list[Statement], kind: str, normalization: str,
            duplicates: str, seed: int, min_weight: float, f: Any) -> Window:
    net = network_from_statements(ix, chosen, kind, normalization=normalization, duplicates=duplicates,
                                  min_weight=min_weight, filters=f)
    net.graph.update({"start": lo.isoformat(), "end": (hi - timedelta(days=1)).isoformat()})
    basis = net if kind in ("congruence", "subtract") and normalization == "none" and not min_weight else \
        network_from_statements(ix, chosen, "subtract" if kind == "subtract" else "congruence", duplicates=duplicates)
    found = tuple(coalitions(basis, seed=seed))
    return Window(lo, hi, net.graph["statements"], net, found, polarisation_of(ix, chosen, found, duplicates=duplicates))


# ---------------------------------------------------------------- timeline

@dataclass(frozen=True)
class TimelineRow:
    """One month of a timeline."""

    month: str  # YYYY-MM
    supporters: tuple[str, ...]  # actor ids
    objectors: tuple[str, ...]
    support_claims: int
    object_claims: int
    changed: tuple[str, ...] = ()  # actors whose stance this month differs from their previous one

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "support": len(self.supporters), "object": len(self.objectors),
                "support_claims": self.support_claims, "object_claims": self.object_claims,
                "supporters": list(self.supporters), "objectors": list(self.objectors),
                "changed": list(self.changed)}


@dataclass(frozen=True)
class StanceChange:
    """An actor whose stance in ``month`` differs from the one they took in ``before_month``."""

    actor: str
    name: str
    before: str  # support | object | mixed
    before_month: str
    after: str
    month: str

    def to_dict(self) -> dict[str, str]:
        return {"actor": self.actor, "name": self.name, "before": self.before,
                "before_month": self.before_month, "after": self.after, "month": self.month}


@dataclass(frozen=True)
class Timeline:
    """Support and objection per month for what a query names."""

    query: str
    targets: tuple[tuple[str, str], ...]  # (node id, label)
    rows: tuple[TimelineRow, ...]
    changes: tuple[StanceChange, ...]
    names: dict[str, str]  # actor id -> name
    undated: int = 0  # claims on the targets from documents without a date

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "targets": [{"id": i, "label": lab} for i, lab in self.targets],
                "months": [r.to_dict() for r in self.rows], "changes": [c.to_dict() for c in self.changes],
                "undated_claims": self.undated}


TIMELINE_HELP = (
    "For a proposal: claims supporting or objecting to it; for a theme: supporting or objecting "
    "claims that raise it. Each month counts the distinct actors and the claims on each side. An "
    "actor's stance in a month is support, object or mixed (both); a change is a month whose stance "
    "differs from the same actor's previous one. Claims from undated documents are counted apart.")


def timeline(graph: GraphLike, query: str, *, since: str | date | None = None, until: str | date | None = None,
             documents: Iterable[str] | None = None, actor_types: Iterable[str] | None = None) -> Timeline:
    """Month-by-month support and objection for the proposal(s) or theme(s) ``query`` names.

    Months run from the first to the last month with a dated claim, empty months included.
    Raises NoMatchError (with suggestions) when the query names nothing.
    """
    ix = index_of(graph)
    res = lookup(ix, query, ("proposal", "theme"))
    targets = tuple(res.ids)
    is_theme = ix.kind(targets[0]) == "theme"
    f = resolve_filters(ix, since=since, until=until, documents=documents, actor_types=actor_types,
                        **({"themes": targets} if is_theme else {"proposals": targets}))
    picked = statements(ix, f)
    if is_theme:  # a claim raising the theme counts once, whatever its targets
        picked = list({s.claim + s.stance: s for s in picked}.values())
    by_month: dict[str, dict[str, set[str]]] = defaultdict(lambda: {SUPPORT: set(), OBJECT: set()})
    claims: dict[str, dict[str, set[str]]] = defaultdict(lambda: {SUPPORT: set(), OBJECT: set()})
    undated: set[str] = set()
    for s in picked:
        if s.date is None:
            undated.add(s.claim)
            continue
        month = s.date.strftime("%Y-%m")
        by_month[month][s.stance].add(s.actor)
        claims[month][s.stance].add(s.claim)
    months = _month_range(sorted(by_month))
    changes = _changes(ix, months, by_month)
    changed_in: dict[str, list[str]] = defaultdict(list)
    for c in changes:
        changed_in[c.month].append(c.actor)
    rows = tuple(
        TimelineRow(m, tuple(sorted(by_month[m][SUPPORT])) if m in by_month else (),
                    tuple(sorted(by_month[m][OBJECT])) if m in by_month else (),
                    len(claims[m][SUPPORT]) if m in claims else 0, len(claims[m][OBJECT]) if m in claims else 0,
                    tuple(sorted(changed_in.get(m, ()))))
        for m in months)
    actors = {a for m in by_month.values() for side in m.values() for a in side}
    names = {a: str(ix.nodes.get(a, {}).get("name") or ix.label(a)) for a in sorted(actors)}
    return Timeline(query, tuple((t, ix.label(t)) for t in targets), rows, tuple(changes), names, len(undated))


def _month_range(months: list[str]) -> list[str]:
    if not months:
        return []
    y, m = map(int, months[0].split("-"))
    end = months[-1]
    out = []
    while True:
        label = f"{y:04d}-{m:02d}"
        out.append(label)
        if label >= end:
            return out
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _side(stances: set[str]) -> str:
    return "mixed" if len(stances) > 1 else next(iter(stances))


def _changes(ix: Any, months: list[str], by_month: dict[str, dict[str, set[str]]]) -> list[StanceChange]:
    last: dict[str, tuple[str, str]] = {}  # actor -> (stance, month)
    out = []
    for month in months:
        if month not in by_month:
            continue
        held: dict[str, set[str]] = defaultdict(set)
        for stance, actors in by_month[month].items():
            for a in actors:
                held[a].add(stance)
        for actor in sorted(held):
            now = _side(held[actor])
            if actor in last and last[actor][0] != now:
                before, when = last[actor]
                name = str(ix.nodes.get(actor, {}).get("name") or ix.label(actor))
                out.append(StanceChange(actor, name, before, when, now, month))
            last[actor] = (now, month)
    return out


__all__ = ["PERIOD_UNITS", "TIMELINE_HELP", "Period", "StanceChange", "Timeline", "TimelineRow", "Window",
           "parse_period", "timeline", "windows"]
