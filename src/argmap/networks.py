"""Discourse networks: DNA-style actor networks, coalitions and polarisation, from the argument graph.

A *statement* (as in Philip Leifeld's Discourse Network Analyzer) is one actor's stance on one
proposal in one claim: a claim with a speaker, a support or object stance and two target proposals
gives two statements. Neutral and unattributed claims give none. Networks are built from the
statements that pass the filters (dates, proposals, themes, documents, actor types).

How often a statement counts (``duplicates``):

* ``"document"`` (default): an actor's stance on a proposal counts once per document, however many
  sentences repeat it;
* ``"include"``: every claim counts;
* ``"once"``: once over the whole period (each actor's profile is then a set of proposal-stances).

With ``a[i][p, s]`` the count of actor *i*'s statements with stance *s* on proposal *p*:

* **congruence** weight of actors *i*, *j* = Σ over (p, s) of a[i][p, s] · a[j][p, s]
  (both take the same stance on the same proposal);
* **conflict** = Σ over p of a[i][p, support] · a[j][p, object] + a[i][p, object] · a[j][p, support];
* **subtract** = congruence − conflict;
* **two-mode**: actor–proposal edges carrying the support and object counts;
* **affiliation**: person–organisation edges (who speaks for which organisation).

Normalisation of one-mode weights (as DNA defines them), with n_i = Σ a[i] the actor's statements:
``"none"``; ``"average"`` (average activity): weight / ((n_i + n_j) / 2); ``"jaccard"``:
weight / (Σ a[i] where j has none + Σ a[j] where i has none + Σ a[i]·a[j] where both have some);
``"cosine"``: weight / (√Σ a[i]² · √Σ a[j]²). Two-mode: ``"none"``, ``"activity"`` (each edge divided
by the actor's statements) or ``"prominence"`` (divided by the proposal's statements).

Every function takes the graph (networkx MultiDiGraph) or a :class:`~argmap.queries.GraphIndex` and
returns new objects; nothing here reads or writes files. Networks are undirected ``networkx.Graph``
objects whose nodes are actor ids (``actor:...``; two-mode adds ``proposal:...``).
"""

from __future__ import annotations

import math
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from argmap.errors import QueryError
from argmap.queries import OBJECT, SUPPORT, GraphIndex, index_of, lookup

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx  # imported where a network is built: statements and timelines need none

    from argmap.queries import GraphLike

KINDS = ("congruence", "conflict", "subtract", "two-mode", "affiliation")
ONE_MODE = ("congruence", "conflict", "subtract")
NORMALIZATIONS = {
    "congruence": ("none", "average", "jaccard", "cosine"),
    "conflict": ("none", "average", "jaccard", "cosine"),
    "subtract": ("none", "average", "jaccard", "cosine"),
    "two-mode": ("none", "activity", "prominence"),
    "affiliation": ("none",),
}
DUPLICATES = ("document", "include", "once")
ACTOR_TYPES = ("person", "organisation")
DEFAULT_SEED = 14  #: Louvain's random seed: the same graph always gives the same coalitions

NETWORK_HELP = (
    "congruence links two actors by the statements in which they take the same stance on the same "
    "proposal (weight: sum over proposal-stances of the product of their counts); conflict by "
    "opposite stances on the same proposal; subtract is congruence minus conflict; two-mode links "
    "actors to proposals (edges carry support and object counts); affiliation links people to "
    "their organisations.")
NORMALIZATION_HELP = (
    "none: raw weights. average (average activity): weight / ((n_i + n_j)/2), n = an actor's "
    "statements. jaccard: weight / (statements of i on proposal-stances j never uses + those of j "
    "that i never uses + sum of products where both have some). cosine: weight / (sqrt(sum a_i^2) * "
    "sqrt(sum a_j^2)) over the two actors' proposal-stance counts. Two-mode: activity divides each "
    "edge by the actor's statements, prominence by the proposal's.")
DUPLICATES_HELP = (
    "document: an actor's stance on a proposal counts once per document; include: every claim "
    "counts; once: once over the whole period.")
POLARISATION_HELP = (
    "Polarisation = (share of agreement that lies inside coalitions) x (share of disagreement that "
    "runs between coalitions), over every pair of actors, with agreement and disagreement counted as "
    "the congruence and conflict weights without normalisation. 0: no disagreement, or all of it "
    "inside coalitions; 1: camps that agree among themselves and disagree only with each other.")


# ---------------------------------------------------------------- statements and filters

@dataclass(frozen=True)
class Statement:
    """One actor's stance on one proposal in one claim (DNA's statement)."""

    claim: str
    actor: str
    proposal: str
    stance: str  # "support" | "object"
    document: str  # document id, without "doc:"
    date: date | None
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    """The resolved filters a network was built with (node ids; dates inclusive)."""

    since: date | None = None
    until: date | None = None
    proposals: tuple[str, ...] | None = None
    themes: tuple[str, ...] | None = None
    documents: tuple[str, ...] | None = None
    actor_types: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, unset filters as None."""
        d = asdict(self)
        for k in ("since", "until"):
            d[k] = d[k].isoformat() if d[k] else None
        for k in ("proposals", "themes", "documents", "actor_types"):
            d[k] = list(d[k]) if d[k] is not None else None
        return d


def parse_day(value: str | date | None, *, end: bool = False) -> date | None:
    """A date from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a ``date`` passes through).

    With ``end=True`` a year or month means its last day ("2025-03" -> 2025-03-31), so an
    ``until`` filter includes the whole period. QueryError for anything else.
    """
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            y, m = int(text[:4]), int(text[5:])
            first = date(y, m, 1)
            return date.fromordinal(add_months(first, 1).toordinal() - 1) if end else first
        return date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of a shorter month (Jan 31 + 1 -> Feb 28)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(d, day.day))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def document_date(ix: GraphIndex, doc_id: str) -> date | None:
    """The publication date of a document (its ``date`` attribute), or None if it has none."""
    raw = ix.nodes.get(f"doc:{doc_id}", {}).get("date")
    if not isinstance(raw, str) or len(raw) < 10:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def resolve_filters(graph: GraphLike, *, since: str | date | None = None, until: str | date | None = None,
                    proposals: Iterable[str] | None = None, themes: Iterable[str] | None = None,
                    documents: Iterable[str] | None = None,
                    actor_types: Iterable[str] | None = None) -> Filters:
    """Filters with every name resolved to node ids (an exact id is taken as is; other text is
    matched like the query commands do, raising NoMatchError with suggestions)."""
    ix = index_of(graph)
    lo, hi = parse_day(since), parse_day(until, end=True)
    if lo and hi and lo > hi:
        raise QueryError(f"--since {lo.isoformat()} is after --until {hi.isoformat()}")
    types = None
    if actor_types is not None:
        types = tuple(sorted({_actor_type(t) for t in _as_list(actor_types)}))
    return Filters(since=lo, until=hi,
                   proposals=_resolve(ix, proposals, "proposal"), themes=_resolve(ix, themes, "theme"),
                   documents=_resolve(ix, documents, "document"), actor_types=types)


def statements(graph: GraphLike, filters: Filters | None = None, **filter_args: Any) -> list[Statement]:
    """The statements that pass the filters, in document, claim and proposal order.

    Pass resolved :class:`Filters` or the keyword filters of :func:`resolve_filters`. With a
    date filter, statements from undated documents are left out.
    """
    ix = index_of(graph)
    f = filters if filters is not None else resolve_filters(ix, **filter_args)
    return [s for s in _all_statements(ix) if _passes(ix, s, f)]


def undated_statements(graph: GraphLike) -> int:
    """How many statements come from documents without a date."""
    return sum(1 for s in _all_statements(index_of(graph)) if s.date is None)


_STATEMENTS: weakref.WeakKeyDictionary[GraphIndex, list[Statement]] = weakref.WeakKeyDictionary()


def _all_statements(ix: GraphIndex) -> list[Statement]:
    """Every statement of the graph, worked out once per index (indexes are cached per graph)."""
    cached = _STATEMENTS.get(ix)
    if cached is not None:
        return cached
    dates: dict[str, date | None] = {}
    out = []
    for claim, actor in ix.speaker.items():
        if ix.kind(actor) != "actor":
            continue
        doc = ix.doc_id(claim)
        if doc not in dates:
            dates[doc] = document_date(ix, doc)
        themes = tuple(sorted(ix.themes.get(claim, ())))
        seen = set()
        for proposal, stance in ix.targets.get(claim, ()):
            if stance in (SUPPORT, OBJECT) and (proposal, stance) not in seen:
                seen.add((proposal, stance))
                out.append(Statement(claim, actor, proposal, stance, doc, dates[doc], themes))
    out.sort(key=lambda s: (s.document, _claim_number(s.claim), s.claim, s.proposal, s.stance))
    _STATEMENTS[ix] = out
    return out


def _claim_number(claim: str) -> int:
    tail = claim.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _passes(ix: GraphIndex, s: Statement, f: Filters) -> bool:
    if (f.since or f.until) and s.date is None:
        return False
    if f.since and s.date < f.since:  # type: ignore[operator]
        return False
    if f.until and s.date > f.until:  # type: ignore[operator]
        return False
    if f.proposals is not None and s.proposal not in f.proposals:
        return False
    if f.themes is not None and not set(s.themes) & set(f.themes):
        return False
    if f.documents is not None and f"doc:{s.document}" not in f.documents:
        return False
    return f.actor_types is None or _type_of(ix, s.actor) in f.actor_types


def _type_of(ix: GraphIndex, actor: str) -> str:
    return str(ix.nodes.get(actor, {}).get("actor_type") or "organisation")


def _actor_type(value: str) -> str:
    v = str(value).strip().lower()
    v = {"organization": "organisation", "org": "organisation", "people": "person", "persons": "person",
         "organisations": "organisation", "organizations": "organisation"}.get(v, v)
    if v not in ACTOR_TYPES:
        raise QueryError(f"unknown actor type {value!r}; choose person or organisation")
    return v


def _as_list(values: Iterable[str] | str) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


def _resolve(ix: GraphIndex, values: Iterable[str] | None, kind: str) -> tuple[str, ...] | None:
    if values is None:
        return None
    found: set[str] = set()
    for value in _as_list(values):
        if ix.kind(value) == kind:
            found.add(value)
            continue
        prefixed = f"doc:{value}" if kind == "document" else f"{kind}:{value}"
        if ix.kind(prefixed) == kind:
            found.add(prefixed)
            continue
        found.update(lookup(ix, value, (kind,)).ids)
    return tuple(sorted(found))


# ---------------------------------------------------------------- profiles and weights

Profile = Counter  # (proposal, stance) -> count


def profiles(stmts: Iterable[Statement], duplicates: str = "document") -> dict[str, Counter]:
    """Each actor's statement counts per (proposal, stance), duplicates counted as ``duplicates`` says."""
    if duplicates not in DUPLICATES:
        raise QueryError(f"unknown duplicates setting {duplicates!r}; choose one of: {', '.join(DUPLICATES)}")
    out: dict[str, Counter] = defaultdict(Counter)
    seen: set[tuple[Any, ...]] = set()
    for s in stmts:
        key: tuple[Any, ...]
        if duplicates == "include":
            key = (s.claim, s.actor, s.proposal, s.stance)
        elif duplicates == "document":
            key = (s.document, s.actor, s.proposal, s.stance)
        else:
            key = (s.actor, s.proposal, s.stance)
        if key in seen:
            continue
        seen.add(key)
        out[s.actor][(s.proposal, s.stance)] += 1
    return dict(out)


PAIR_BLOCK = 512  #: actors per block of the matrix computation (memory: block x actors x 8 bytes per matrix)
MATRIX_ACTORS = 300  #: from this many actors on, pairs are computed with numpy matrices (importing numpy
#: costs more than it saves below it)


@dataclass(frozen=True)
class Pair:
    """Two actors (``a < b``) with any congruence or conflict, and the denominator of a normalisation."""

    a: str
    b: str
    congruence: int
    conflict: int
    norm: float = 1.0


def pairs(prof: Mapping[str, Counter], normalization: str = "none", *, method: str = "auto") -> list[Pair]:
    """Every pair of actors with congruence or conflict, with the normalisation's denominator,
    ordered by ``(a, b)``.

    ``method="python"`` counts, for each proposal-stance, the products over the actors holding it
    (and over the holders of the opposite stance). ``method="numpy"`` turns the profiles into an
    actors x proposal-stances count matrix A: congruence is A·Aᵀ and conflict A·Fᵀ, F being A with
    each proposal's support and object columns swapped, both off the diagonal, in blocks of
    :data:`PAIR_BLOCK` actors so memory stays small. ``"auto"`` takes numpy from
    :data:`MATRIX_ACTORS` actors on. Both give the same pairs (a test checks it).
    """
    if normalization not in ("none", "average", "jaccard", "cosine"):
        raise QueryError(f"unknown normalisation {normalization!r}")
    if method == "python" or (method == "auto" and len(prof) < MATRIX_ACTORS):
        return _pairs_python(prof, normalization)
    return _pairs_numpy(prof, normalization)


def _pairs_python(prof: Mapping[str, Counter], normalization: str) -> list[Pair]:
    by_key: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for actor in sorted(prof):
        for key, n in prof[actor].items():
            if n:
                by_key[key].append((actor, n))
    cong: Counter = Counter()
    conf: Counter = Counter()
    for (proposal, stance), holders in by_key.items():
        for x in range(len(holders)):
            a, na = holders[x]
            for b, nb in holders[x + 1:]:
                cong[(a, b)] += na * nb  # holders are in actor order, so a < b
        if stance == SUPPORT:
            for a, na in holders:
                for b, nb in by_key.get((proposal, OBJECT), ()):
                    if a != b:
                        conf[(a, b) if a < b else (b, a)] += na * nb
    return [Pair(a, b, cong[(a, b)], conf[(a, b)], normaliser(prof[a], prof[b], normalization))
            for a, b in sorted(set(cong) | set(conf))]


def _pairs_numpy(prof: Mapping[str, Counter], normalization: str) -> list[Pair]:
    import numpy as np

    actors = sorted(prof)
    keys = sorted({k for c in prof.values() for k, n in c.items() if n})
    if len(actors) < 2 or not keys:
        return []
    col = {k: j for j, k in enumerate(keys)}
    a = np.zeros((len(actors), len(keys)), dtype=np.int64)
    for row, actor in enumerate(actors):
        for k, n in prof[actor].items():
            if n:
                a[row, col[k]] = n
    flip = np.array([col.get((p, OBJECT if st == SUPPORT else SUPPORT), -1) for p, st in keys])
    f = np.zeros_like(a)
    f[:, flip >= 0] = a[:, flip[flip >= 0]]
    present = (a > 0).astype(np.int64)
    total = a.sum(axis=1)
    length = np.sqrt((a * a).sum(axis=1).astype(np.float64))
    out: list[Pair] = []
    for lo in range(0, len(actors), PAIR_BLOCK):
        hi = min(lo + PAIR_BLOCK, len(actors))
        cong = a[lo:hi] @ a.T
        conf = a[lo:hi] @ f.T
        rows, cols = np.nonzero(np.triu((cong != 0) | (conf != 0), k=lo + 1))
        if not len(rows):
            continue
        i, j = rows + lo, cols
        c1, c2 = cong[rows, cols], conf[rows, cols]
        if normalization == "average":
            norm = (total[i] + total[j]) / 2
        elif normalization == "jaccard":  # m11 + m10 + m01 (see normaliser)
            only_i = total[i] - (a[lo:hi] @ present.T)[rows, cols]
            only_j = total[j] - (present[lo:hi] @ a.T)[rows, cols]
            norm = (c1 + only_i + only_j).astype(np.float64)
        elif normalization == "cosine":
            norm = length[i] * length[j]
        else:
            norm = np.ones(len(rows))
        out += [Pair(actors[x], actors[y], int(u), int(v), float(z))
                for x, y, u, v, z in zip(i.tolist(), j.tolist(), c1.tolist(), c2.tolist(), norm.tolist())]
    return out


def pair_counts(prof: Mapping[str, Counter]) -> dict[tuple[str, str], tuple[int, int]]:
    """(congruence, conflict) raw weights for every pair of actors with any of either (a < b)."""
    return {(p.a, p.b): (p.congruence, p.conflict) for p in pairs(prof)}


def normaliser(a: Counter, b: Counter, normalization: str) -> float:
    """The denominator DNA's one-mode normalisation uses for two actors' profiles (one pair at a
    time; :func:`pairs` computes the same for all pairs at once)."""
    if normalization == "none":
        return 1.0
    if normalization == "average":
        return (sum(a.values()) + sum(b.values())) / 2
    if normalization == "jaccard":
        total = 0
        for key in set(a) | set(b):
            x, y = a.get(key, 0), b.get(key, 0)
            total += x * y if x and y else x + y
        return float(total)
    if normalization == "cosine":
        return math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    raise QueryError(f"unknown normalisation {normalization!r}")


# ---------------------------------------------------------------- networks

def actor_network(graph: GraphLike, kind: str = "congruence", *, normalization: str = "none",
                  duplicates: str = "document", since: str | date | None = None,
                  until: str | date | None = None, proposals: Iterable[str] | None = None,
                  themes: Iterable[str] | None = None, documents: Iterable[str] | None = None,
                  actor_types: Iterable[str] | None = None, min_weight: float = 0) -> nx.Graph:
    """The actor network of ``kind`` (see the module docstring) over the filtered statements.

    Nodes are the actors with at least one statement that passes the filters (two-mode adds the
    proposals they speak about; affiliation keeps person-organisation pairs where either is
    active). Edges with weight 0, or whose absolute weight is below ``min_weight``, are left out.
    Node attributes: ``label``, ``node_type`` ("actor"/"proposal"), ``actor_type``, ``role``,
    ``affiliation``, ``statements``, ``support``, ``object``, ``documents``, ``supports`` and
    ``objects`` (proposal ids), ``first_date``, ``last_date``. One-mode edge attributes: ``weight``,
    ``congruence``, ``conflict`` (raw counts), ``agree`` and ``disagree`` (proposal ids). The graph
    attributes record the kind, normalisation, duplicates setting, filters and statement counts
    (``undated_left_out``: statements a date filter dropped because their document is undated).
    """
    ix = index_of(graph)
    _check_kind(kind, normalization)
    f = resolve_filters(ix, since=since, until=until, proposals=proposals, themes=themes,
                        documents=documents, actor_types=actor_types)
    net = network_from_statements(ix, statements(ix, f), kind, normalization=normalization,
                                  duplicates=duplicates, min_weight=min_weight, filters=f)
    net.graph["undated_left_out"] = undated_left_out(ix, f)
    return net


def undated_left_out(graph: GraphLike, filters: Filters) -> int:
    """How many statements a date filter leaves out only because their document has no date."""
    if not (filters.since or filters.until):
        return 0
    ix = index_of(graph)
    return sum(1 for s in statements(ix, replace(filters, since=None, until=None)) if s.date is None)


def network_from_statements(graph: GraphLike, stmts: list[Statement], kind: str = "congruence", *,
                            normalization: str = "none", duplicates: str = "document",
                            min_weight: float = 0, filters: Filters | None = None) -> nx.Graph:
    """:func:`actor_network` over statements already chosen (the time windows use it)."""
    import networkx as nx

    ix = index_of(graph)
    _check_kind(kind, normalization)
    prof = profiles(stmts, duplicates)
    net = nx.Graph()
    net.graph.update({
        "kind": kind, "normalization": normalization, "duplicates": duplicates, "min_weight": min_weight,
        "filters": (filters or Filters()).to_dict(), "statements": sum(sum(p.values()) for p in prof.values()),
        "proposal_labels": {p: ix.label(p) for p in sorted({p for c in prof.values() for p, _ in c})},
    })
    active = sorted(prof)
    by_actor: dict[str, list[Statement]] = defaultdict(list)
    for st in stmts:
        by_actor[st.actor].append(st)
    for actor in active:
        net.add_node(actor, **_actor_attrs(ix, actor, prof[actor], by_actor[actor]))
    if kind in ONE_MODE:
        _one_mode_edges(net, prof, kind, normalization, min_weight)
    elif kind == "two-mode":
        _two_mode(net, ix, prof, normalization, min_weight)
    else:
        _affiliation(net, ix, set(active), min_weight)
    return net


def _check_kind(kind: str, normalization: str) -> None:
    if kind not in KINDS:
        raise QueryError(f"unknown network kind {kind!r}; choose one of: {', '.join(KINDS)}")
    allowed = NORMALIZATIONS[kind]
    if normalization not in allowed:
        raise QueryError(f"normalisation {normalization!r} does not apply to a {kind} network; "
                         f"choose one of: {', '.join(allowed)}")


def _actor_attrs(ix: GraphIndex, actor: str, prof: Counter, stmts: list[Statement]) -> dict[str, Any]:
    d = ix.nodes.get(actor, {})
    dates = sorted(s.date for s in stmts if s.date is not None)
    affiliation = ix.affiliation.get(actor) or d.get("affiliation") or ""
    return {
        "label": str(d.get("name") or d.get("label") or actor),
        "node_type": "actor",
        "actor_type": _type_of(ix, actor),
        "role": str(d.get("role") or ""),
        "affiliation": ix.label(affiliation) if affiliation else "",
        "statements": sum(prof.values()),
        "support": sum(n for (_, st), n in prof.items() if st == SUPPORT),
        "object": sum(n for (_, st), n in prof.items() if st == OBJECT),
        "documents": len({s.document for s in stmts}),
        "supports": sorted(p for (p, st), n in prof.items() if st == SUPPORT and n),
        "objects": sorted(p for (p, st), n in prof.items() if st == OBJECT and n),
        "first_date": dates[0].isoformat() if dates else "",
        "last_date": dates[-1].isoformat() if dates else "",
    }


def _one_mode_edges(net: nx.Graph, prof: Mapping[str, Counter], kind: str, normalization: str,
                    min_weight: float) -> None:
    held = {actor: {k for k, n in c.items() if n} for actor, c in prof.items()}
    flipped = {actor: {(p, OBJECT if st == SUPPORT else SUPPORT) for p, st in keys} for actor, keys in held.items()}
    for pair in pairs(prof, normalization):
        raw = {"congruence": pair.congruence, "conflict": pair.conflict,
               "subtract": pair.congruence - pair.conflict}[kind]
        weight = raw / pair.norm if raw and pair.norm else 0.0
        if weight == 0 or abs(weight) < min_weight:
            continue
        agree = sorted({p for p, _ in held[pair.a] & held[pair.b]})
        disagree = sorted({p for p, _ in held[pair.a] & flipped[pair.b]})
        net.add_edge(pair.a, pair.b, weight=float(weight), congruence=pair.congruence, conflict=pair.conflict,
                     agree=agree, disagree=disagree)


def _two_mode(net: nx.Graph, ix: GraphIndex, prof: Mapping[str, Counter], normalization: str,
              min_weight: float) -> None:
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for actor, counts in prof.items():
        for (p, st), n in counts.items():
            cells[(actor, p)][0 if st == SUPPORT else 1] += n
    activity: Counter = Counter()
    prominence: Counter = Counter()
    for (actor, p), (s, o) in cells.items():
        activity[actor] += s + o
        prominence[p] += s + o
    for p in sorted(prominence):
        d = ix.nodes.get(p, {})
        net.add_node(p, label=ix.label(p), node_type="proposal", actor_type="", role="", affiliation="",
                     statements=prominence[p], support=sum(v[0] for (a, q), v in cells.items() if q == p),
                     object=sum(v[1] for (a, q), v in cells.items() if q == p),
                     documents=0, supports=[], objects=[], first_date="", last_date="",
                     candidate=bool(d.get("candidate", False)))
    for (actor, p), (s, o) in sorted(cells.items()):
        total = s + o
        div = {"none": 1, "activity": activity[actor], "prominence": prominence[p]}[normalization]
        weight = total / div if div else 0.0
        if weight == 0 or weight < min_weight:
            continue
        stance = "mixed" if s and o else SUPPORT if s else OBJECT
        net.add_edge(actor, p, weight=float(weight), support=s, object=o, balance=s - o, stance=stance)


def _affiliation(net: nx.Graph, ix: GraphIndex, active: set[str], min_weight: float) -> None:
    for person, org in sorted(ix.affiliation.items()):
        if person not in active and org not in active:
            continue
        if 1.0 < min_weight:
            continue
        for node in (person, org):
            if node not in net:
                net.add_node(node, **_actor_attrs(ix, node, Counter(), []))
        net.add_edge(person, org, weight=1.0)


# ---------------------------------------------------------------- coalitions

@dataclass(frozen=True)
class Agreement:
    """A proposal on which several members of a coalition take the same stance."""

    proposal: str
    label: str
    stance: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Coalition:
    """A community of actors in a congruence or subtract network."""

    id: int
    members: tuple[str, ...]  # actor ids, ordered by label
    labels: tuple[str, ...]
    agreements: tuple[Agreement, ...] = ()
    weight: float = 0.0  # sum of the positive edge weights inside the coalition

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "members": [{"id": m, "name": n} for m, n in zip(self.members, self.labels)],
                "weight": self.weight,
                "agreements": [{"proposal": a.proposal, "label": a.label, "stance": a.stance,
                                "members": list(a.members)} for a in self.agreements]}


def coalitions(network: nx.Graph, *, seed: int = DEFAULT_SEED, resolution: float = 1.0,
               min_size: int = 2, labels: Mapping[str, str] | None = None) -> list[Coalition]:
    """The communities of a congruence or subtract network (networkx's Louvain with a fixed seed).

    Only positive edge weights join actors (a subtract network's negative edges keep them apart by
    not joining them). Communities smaller than ``min_size`` are not coalitions. Coalitions are
    numbered from 1, largest first; each lists the proposals on which at least two members take
    the same stance (from the nodes' ``supports``/``objects``), named from ``labels`` or the
    network's ``proposal_labels``.
    """
    import networkx as nx

    kind = network.graph.get("kind", "congruence")
    if kind not in ("congruence", "subtract"):
        raise QueryError(f"coalitions come from a congruence or subtract network, not {kind}")
    positive = nx.Graph()
    positive.add_nodes_from(sorted(network.nodes))
    positive.add_weighted_edges_from(sorted((a, b, w) for a, b, w in network.edges(data="weight") if w > 0))
    if positive.number_of_edges() == 0:
        return []
    parts = nx.community.louvain_communities(positive, weight="weight", seed=seed, resolution=resolution)
    found = []
    for part in parts:
        if len(part) < min_size:
            continue
        members = sorted(part, key=lambda n: (str(network.nodes[n].get("label", n)).casefold(), n))
        inside = sum(w for a, b, w in positive.subgraph(part).edges(data="weight"))
        found.append((members, inside))
    found.sort(key=lambda mw: (-len(mw[0]), -mw[1], mw[0][0]))
    out = []
    for i, (members, inside) in enumerate(found, start=1):
        out.append(Coalition(i, tuple(members), tuple(str(network.nodes[m].get("label", m)) for m in members),
                             _agreements(network, members, labels or network.graph.get("proposal_labels", {})),
                             float(inside)))
    return out


def _agreements(network: nx.Graph, members: list[str], labels: Mapping[str, str]) -> tuple[Agreement, ...]:
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in members:
        d = network.nodes[m]
        for p in d.get("supports", ()):
            holders[(p, SUPPORT)].append(m)
        for p in d.get("objects", ()):
            holders[(p, OBJECT)].append(m)
    rows = [Agreement(p, labels.get(p, p), st, tuple(ms)) for (p, st), ms in holders.items() if len(ms) >= 2]
    rows.sort(key=lambda a: (-len(a.members), a.stance != SUPPORT, a.label.casefold(), a.proposal))
    return tuple(rows)


def coalition_of(coalitions_: Iterable[Coalition]) -> dict[str, int]:
    """actor id -> coalition number (actors in no coalition are absent)."""
    return {m: c.id for c in coalitions_ for m in c.members}


def label_coalitions(network: nx.Graph, coalitions_: Iterable[Coalition]) -> nx.Graph:
    """A copy of ``network`` whose nodes carry ``coalition`` (0 for actors in none)."""
    of = coalition_of(coalitions_)
    out = network.copy()
    for n in out.nodes:
        out.nodes[n]["coalition"] = of.get(n, 0)
    return out


def proposal_labels(graph: GraphLike) -> dict[str, str]:
    """proposal id -> label, for naming what coalitions agree on."""
    ix = index_of(graph)
    return {p: ix.label(p) for p in ix.by_kind.get("proposal", [])}


# ---------------------------------------------------------------- polarisation

@dataclass(frozen=True)
class Polarisation:
    """The debate's polarisation (see :data:`POLARISATION_HELP`) and the counts it comes from."""

    value: float
    agreement_inside: int
    agreement_total: int
    conflict_across: int
    conflict_total: int
    coalitions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def polarisation(graph: GraphLike, coalitions_: Iterable[Coalition] | None = None, *,
                 seed: int = DEFAULT_SEED, duplicates: str = "document", **filter_args: Any) -> Polarisation:
    """Polarisation of the filtered debate: (agreement inside coalitions / all agreement) x
    (disagreement between coalitions / all disagreement), counted over every pair of actors.

    ``coalitions_`` defaults to those of the congruence network with the same filters.
    """
    ix = index_of(graph)
    f = resolve_filters(ix, **filter_args)
    return polarisation_of(ix, statements(ix, f), coalitions_, seed=seed, duplicates=duplicates)


def polarisation_of(graph: GraphLike, stmts: list[Statement], coalitions_: Iterable[Coalition] | None = None,
                    *, seed: int = DEFAULT_SEED, duplicates: str = "document") -> Polarisation:
    """:func:`polarisation` over statements already chosen."""
    if coalitions_ is None:
        coalitions_ = coalitions(network_from_statements(graph, stmts, "congruence", duplicates=duplicates),
                                 seed=seed)
    groups = list(coalitions_)
    of = coalition_of(groups)
    inside = across = cong_total = conf_total = 0
    for (a, b), (cong, conf) in pair_counts(profiles(stmts, duplicates)).items():
        same = a in of and of.get(a) == of.get(b)
        cong_total += cong
        conf_total += conf
        inside += cong if same else 0
        across += 0 if same else conf
    value = (inside / cong_total if cong_total else 0.0) * (across / conf_total if conf_total else 0.0)
    return Polarisation(round(value, 6), inside, cong_total, across, conf_total, len(groups))


_ELSEWHERE = {"windows": "argmap.timeline", "timeline": "argmap.timeline", "Window": "argmap.timeline",
              "Timeline": "argmap.timeline", "diff_graphs": "argmap.graphdiff", "GraphDiff": "argmap.graphdiff"}


def __getattr__(name: str) -> Any:
    """The time and diff functions, importable from here too (``from argmap.networks import timeline``)."""
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(_ELSEWHERE[name]), name)
    raise AttributeError(f"module 'argmap.networks' has no attribute {name!r}")


__all__ = [
    "DEFAULT_SEED", "DUPLICATES", "KINDS", "NORMALIZATIONS", "POLARISATION_HELP", "Agreement", "Coalition",
    "Filters", "Pair", "Polarisation", "Statement", "actor_network", "add_months", "coalition_of", "coalitions",
    "document_date", "label_coalitions", "network_from_statements", "normaliser", "pair_counts", "pairs",
    "parse_day", "polarisation", "polarisation_of", "profiles", "proposal_labels", "resolve_filters",
    "statements", "undated_statements",
]
