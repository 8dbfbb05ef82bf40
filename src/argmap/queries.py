"""Questions analysts ask of an argument graph, as pure functions returning plain dicts and lists.

Every function takes the graph (a networkx MultiDiGraph from :func:`argmap.graph.read_graph` or
:func:`argmap.graph.build_graph`) or a :class:`GraphIndex`, and answers from a ``GraphIndex``
built in one pass over the nodes and edges and cached per graph object. :func:`load_index`
reads a saved graph file straight into an index without networkx, which is what the CLI uses.
A query that names nothing raises :class:`NoMatchError` (a :class:`~argmap.errors.QueryError`)
whose message lists the closest names.

Return shapes (the CLI's ``--json`` output is exactly these)::

    ActorRef  = {"id", "name", "kind"}            # kind: "person" | "organisation"
    NodeRef   = {"id", "kind", "label"}
    Claim     = {"id", "text", "document", "start", "end", "stance", "quoted",
                 "targets": [proposal id], "themes": [theme id],
                 "speaker": ActorRef | None,  # only in objections, positions(members=True), candidates
                 "why": {"attribution", "stance_cues", "target_cues", "rule"}}  # only with explain=True

    objectors / supporters(g, query, *, theme=None, document=None, explain=False) ->
      {"query", "stance": "object"|"support", "matched": [NodeRef],
       "filters": {"theme": [NodeRef] | None, "document": [NodeRef] | None},
       "actors": [{"id", "name", "kind", "stance", "mixed": bool, "claims": [Claim]}],
       "unattributed": int}
    objections(g, query, *, document=None, explain=False) ->
      {"query", "matched": [NodeRef], "total_claims": int, "total_actors": int,
       "grounds": [{"id": theme id | None, "label", "actors": [ActorRef], "claims": [Claim]}]}
    positions(g, actor_query, *, members=False, explain=False) ->
      {"query", "matched": [NodeRef], "actors": [{"id", "name", "kind", "role",
       "affiliation": ActorRef | None, "members": [ActorRef], "documents": [doc id],
       "positions": [{"id", "label", "candidate", "stance", "support", "object", "neutral",
                      "claims": [Claim]}],
       "untargeted": [Claim]}]}
    contested(g, limit=None) ->
      [{"id", "label", "candidate", "score", "objectors", "supporters", "neutral", "balance",
        "grounds": [{"id", "label"}], "claims": int}]
    list_actors(g) -> [{"id", "name", "kind", "role", "affiliation": actor id | None, "aliases",
                        "documents", "claims", "support", "object", "neutral", "proposals"}]
    list_proposals(g, candidates=False) -> [{"id", "label", "aliases", "candidate", "claims",
                        "support", "object", "neutral", "supporters", "objectors", "documents",
                        "evidence": [Claim]  (candidates=True only)}]
    list_themes(g) -> [{"id", "label", "aliases", "claims", "support", "object", "neutral",
                        "actors", "proposals"}]
    show(g, node_id) -> {"id", "kind", "label", "attributes": {...},
                         "out": [{"edge", "id", "kind", "label"}], "in": [...same]}
    agree(g, a, b) -> {"a": ActorRef, "b": ActorRef,
                       "same": [Agreement], "opposite": [Agreement], "partly": [Agreement]}
      Agreement = {"id", "label", "a_stance", "b_stance", "a_claims": [Claim], "b_claims": [Claim]}
    explain(g, claim_id) -> {"id", "text", "document": {"id", "title", "path"}, "start", "end",
                             "location", "speaker": ActorRef | None, "attribution", "stance",
                             "stance_cues", "targets": [NodeRef], "target_cues",
                             "themes": [NodeRef], "rule", "quoted"}

Counts ("objectors", "supporters", "actors") count distinct attributed actors; "support",
"object", "neutral" and "claims" count claims.

``evidence=N`` (objectors, supporters, objections, positions, agree, list_proposals with
candidates) quotes at most N claims per actor, ground or proposal and adds, beside each list it
may cut, the count of claims left out: ``"more"`` beside ``"claims"``, ``"untargeted_more"``,
``"a_more"``/``"b_more"``, ``"evidence_more"``. Without it (the default) every claim is quoted
and those keys are absent.

The same functions answer from a :class:`argmap.store.StoreIndex` (the SQLite store beside the
graph file), which implements this module's :class:`GraphIndex` on demand; both give the same
answers (the store's lists of claims may come in another order, so nothing here depends on it).
"""

from __future__ import annotations

import heapq
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import GraphFileError, QueryError
from argmap.graphfile import FORMAT, FORMAT_VERSION, check_envelope, read_graph_json
from argmap.match import Candidate, NameIndex, Resolution, describe, show_query

if TYPE_CHECKING:  # pragma: no cover - queries never import networkx at run time
    from typing import TypeAlias

    import networkx as nx

    GraphLike: TypeAlias = "nx.MultiDiGraph | GraphIndex"

# Same values as argmap.graph.FORMAT / FORMAT_VERSION (a test keeps them equal); repeated here so
# reading a graph for a query does not import networkx.
GRAPH_FORMAT = FORMAT  # the graph file format this module reads (argmap.graphfile)
GRAPH_FORMAT_VERSION = FORMAT_VERSION

SUPPORT, OBJECT, NEUTRAL = "support", "object", "neutral"
_EDGE_STANCE = {"supports": SUPPORT, "objects_to": OBJECT, "about": NEUTRAL}
_OPPOSITE = {SUPPORT: OBJECT, OBJECT: SUPPORT}

CONTESTED_HELP = (
    "The score is min(objectors, supporters) + grounds: objectors and supporters count distinct "
    "actors with at least one objecting or supporting claim on the proposal; grounds counts the "
    "distinct themes raised by its supporting and objecting claims. A proposal nobody opposes "
    "scores only its grounds; one with voices on both sides and many reasons scores highest. "
    "Ties go to the better balanced (balance = min/max of the two sides), then to more actors."
)


class NoMatchError(QueryError):
    """A query named no node; carries the closest names as ``suggestions``."""

    def __init__(self, message: str, resolution: Resolution) -> None:
        super().__init__(message)
        self.resolution = resolution

    @property
    def suggestions(self) -> tuple[Candidate, ...]:
        return self.resolution.suggestions


# ---------------------------------------------------------------- the index

class GraphIndex:
    """Lookups for queries, built in one pass over a graph's nodes and edges.

    Get one with :func:`index_of` (a graph; cached per graph object), :func:`load_index`
    (a graph file) or :meth:`from_data` (node-link data).
    """

    def __init__(self, nodes: Mapping[str, Mapping[str, Any]],
                 edges: Mapping[str, list[tuple[str, str]]], meta: Mapping[str, Any] | None = None) -> None:
        """``nodes``: id -> attributes; ``edges``: edge kind -> [(source, target)]."""
        self.nodes = nodes
        self.meta = dict(meta or {})
        self.by_kind: dict[str, list[str]] = defaultdict(list)
        for n, d in nodes.items():
            self.by_kind[d.get("kind", "")].append(n)
        self._edges = edges
        asserts = edges.get("asserts", ())
        self.speaker: dict[str, str] = {c: a for a, c in asserts}
        self.claims_of: dict[str, list[str]] = _group(asserts)
        self.targets: dict[str, list[tuple[str, str]]] = defaultdict(list)  # claim -> [(proposal, stance)]
        self.claims_on: dict[str, list[tuple[str, str]]] = defaultdict(list)  # proposal -> [(claim, stance)]
        for kind, st in _EDGE_STANCE.items():
            for c, p in edges.get(kind, ()):
                self.targets[c].append((p, st))
                self.claims_on[p].append((c, st))
        raises = edges.get("raises", ())
        self.themes: dict[str, list[str]] = _group(raises)
        self.claims_raising: dict[str, list[str]] = _group((t, c) for c, t in raises)
        self.document: dict[str, str] = dict(edges.get("found_in", ()))
        affiliated = edges.get("affiliated_with", ())
        self.affiliation: dict[str, str] = dict(affiliated)
        self.members: dict[str, list[str]] = _group((o, p) for p, o in affiliated)

    @classmethod
    def from_graph(cls, g: nx.MultiDiGraph) -> GraphIndex:
        """Index a networkx MultiDiGraph (prefer :func:`index_of`, which caches)."""
        edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for u, v, k, d in g.edges(keys=True, data=True):
            edges[d.get("kind", k)].append((u, v))
        return cls(dict(g.nodes(data=True)), edges, g.graph)

    @classmethod
    def from_data(cls, data: Any, *, source: str = "graph") -> GraphIndex:
        """Index node-link data as written by :func:`argmap.graph.write_graph`, checking it."""
        meta = check_envelope(data, source)
        try:
            nodes: dict[str, dict[str, Any]] = {item["id"]: item for item in data["nodes"]}
        except (KeyError, TypeError):
            raise GraphFileError(f"{source} is damaged: a node has no id; rebuild it") from None
        if not all(isinstance(n, str) for n in nodes):
            raise GraphFileError(f"{source} is damaged: a node has no id; rebuild it")
        for n, item in nodes.items():
            if "kind" not in item:
                raise GraphFileError(f"{source} is damaged: node {n!r} has no kind; rebuild it")
        edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
        try:
            for e in data["edges"]:
                edges[e.get("kind") or e.get("key")].append((e["source"], e["target"]))
        except (KeyError, TypeError, AttributeError):
            raise GraphFileError(f"{source} is damaged: an edge has no source/target; rebuild it") from None
        ends = {x for pairs in edges.values() for pair in pairs for x in pair}
        if not ends <= nodes.keys():
            missing = min(map(str, ends - nodes.keys()))
            raise GraphFileError(f"{source} is damaged: node {missing!r} has no kind; rebuild it")
        return cls(nodes, edges, meta)

    @cached_property
    def name_index(self) -> NameIndex:
        """Name tables for forgiving matching (built on first use)."""
        return NameIndex({k: [(n, self.nodes[n]) for n in self.by_kind.get(k, [])]
                          for k in ("proposal", "theme", "actor", "document")})

    @cached_property
    def adjacency(self) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
        """(out, in): node -> [(edge kind, other node)], for showing a neighbourhood."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        inn: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for k, pairs in self._edges.items():
            for u, v in pairs:
                out[u].append((k, v))
                inn[v].append((k, u))
        return out, inn

    def kind(self, node: str) -> str:
        return str(self.nodes.get(node, {}).get("kind", ""))

    def label(self, node: str) -> str:
        d = self.nodes.get(node, {})
        return str(d.get("label") or d.get("name") or node)

    def stance(self, claim: str) -> str:
        """A claim's stance: its ``stance`` attribute, else what its target edges say."""
        st = self.nodes.get(claim, {}).get("stance")
        if st in (SUPPORT, OBJECT, NEUTRAL):
            return str(st)
        kinds = {s for _, s in self.targets.get(claim, ())}
        return kinds.pop() if len(kinds) == 1 else NEUTRAL

    def doc_id(self, claim: str) -> str:
        """The document id (without ``doc:``) a claim comes from."""
        node = self.document.get(claim)
        if node:
            return node.removeprefix("doc:")
        return str(self.nodes.get(claim, {}).get("document") or "")

    def start(self, claim: str) -> Any:
        """A claim's ``start`` offset as stored (an int in a well-formed graph)."""
        return self.nodes.get(claim, {}).get("start")

    def claim_sort_key(self) -> Callable[[str], Any]:
        """The key that puts claims in reading order: document id, start offset, claim id."""
        def key(claim: str) -> tuple[str, int, str]:
            start = self.start(claim)
            return self.doc_id(claim), start if isinstance(start, int) else 0, claim
        return key

    def claims_for(self, node: str, stance: str | None) -> list[str]:
        """Claims on a proposal (with that stance toward it) or raising a theme (with that stance),
        in no particular order."""
        if self.kind(node) == "proposal":
            return [c for c, st in self.claims_on.get(node, ()) if stance is None or st == stance]
        return [c for c in self.claims_raising.get(node, ()) if stance is None or self.stance(c) == stance]

    def parts_of(self, node: str) -> list[str]:
        """The proposals below a proposal through their ``parent`` links (a bill's clauses, the
        documents of the reform), nearest first."""
        children: dict[str, list[str]] = defaultdict(list)
        proposals = self.by_kind.get("proposal", [])
        self.prefetch(proposals)
        for p in proposals:
            parent = self.nodes.get(p, {}).get("parent")
            if isinstance(parent, str):
                children[parent].append(p)
        out: list[str] = []
        frontier = [node]
        while frontier:
            step = [c for f in frontier for c in sorted(children.get(f, ())) if c not in out and c != node]
            out += step
            frontier = step
        return out

    def first_by_speaker(self, nodes: list[str], stance: str, n: int) -> dict[str | None, tuple[int, list[str]]] | None:
        """For the claims with ``stance`` on any of ``nodes`` (proposals and themes), per speaker
        (None: unattributed): how many, and the first ``n`` in reading order. None when this index
        has no quicker way than going through the claims (an in-memory index)."""
        return None

    def speakers_for(self, node: str, stance: str) -> set[str]:
        """The actors of :meth:`claims_for` ``(node, stance)``."""
        return {self.speaker[c] for c in self.claims_for(node, stance) if c in self.speaker}

    def prefetch(self, nodes: Iterable[str]) -> None:
        """A hint that these nodes' attributes are about to be read (a store loads them in one
        query; an in-memory index has them already)."""

    def prefetch_claims(self, claims: Iterable[str]) -> None:
        """A hint that these claims' document, targets and themes are about to be read."""

    def listing(self, name: str, build: Callable[[GraphIndex], Any]) -> Any:
        """A whole-graph listing (see :func:`listing_builders`): ``build(self)`` here; a store
        reads the rows it computed with the same function when it was written."""
        return build(self)


def _group(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for k, v in pairs:
        out[k].append(v)
    return out


_CACHE: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], GraphIndex]] = weakref.WeakKeyDictionary()


def index_of(g: GraphLike) -> GraphIndex:
    """The index for a graph: built on first use and cached per graph object.

    The cache is refreshed when the graph's node or edge count changes; after editing attributes
    in place, build a fresh one with :meth:`GraphIndex.from_graph`.
    """
    if isinstance(g, GraphIndex):
        return g
    sig = (g.number_of_nodes(), g.number_of_edges())
    hit = _CACHE.get(g)
    if hit is not None and hit[0] == sig:
        return hit[1]
    ix = GraphIndex.from_graph(g)
    _CACHE[g] = (sig, ix)
    return ix


def load_index(path: str | Path) -> GraphIndex:
    """Read a graph file written by :func:`argmap.graph.write_graph` straight into an index.

    Raises :class:`~argmap.errors.GraphFileError` with one clear line when it can't.
    """
    data, source = read_graph_json(path)
    return GraphIndex.from_data(data, source=source)


# ---------------------------------------------------------------- matching with errors

_KIND_WORDS = {("proposal", "theme"): "proposal or theme", ("proposal",): "proposal",
               ("theme",): "theme", ("actor",): "actor", ("document",): "document"}


def lookup(g: GraphLike, query: str, kinds: tuple[str, ...]) -> Resolution:
    """Resolve ``query`` to nodes of ``kinds``; raise NoMatchError (with the closest names) if none.

    A node id of one of ``kinds`` (``proposal:family-help``, ``actor:basw``) names that node alone.
    """
    ix = index_of(g)
    what = _KIND_WORDS.get(kinds, " or ".join(kinds))
    if not isinstance(query, str) or not query.strip():
        raise QueryError(f"empty query: name a {what}")
    node = query.strip()
    if node in ix.nodes and ix.kind(node) in kinds:
        return Resolution(query, kinds, (Candidate(node, ix.kind(node), ix.label(node), 1.0, node, "exact"),))
    res = ix.name_index.resolve(query, kinds)
    if not res.ok:
        if "actor" not in kinds:
            other = ix.name_index.resolve(query, ("actor",))
            if other.ok and other.matches[0].how in ("exact", "words", "acronym"):
                names = ", ".join(describe(c) for c in other.matches)
                raise NoMatchError(f"no {what} matches '{show_query(query)}', but it names an actor: "
                                   f"{names}; try 'argmap positions'", res)
        close = ", ".join(describe(c) for c in res.suggestions)
        listing = " / ".join(f"'argmap {_LISTING[k]}'" for k in kinds if k in _LISTING)
        hint = f"closest: {close}" if close else "no similar names" + (f"; see {listing}" if listing else "")
        raise NoMatchError(f"no {what} matches '{show_query(query)}'; {hint}", res)
    return res


_LISTING = {"proposal": "proposals", "theme": "themes", "actor": "actors"}


# ---------------------------------------------------------------- building blocks

def _actor_ref(ix: GraphIndex, actor: str) -> dict[str, Any]:
    d = ix.nodes.get(actor, {})
    return {"id": actor, "name": str(d.get("name") or d.get("label") or actor),
            "kind": str(d.get("actor_type") or "organisation")}


def _node_ref(ix: GraphIndex, node: str) -> dict[str, str]:
    return {"id": node, "kind": ix.kind(node), "label": ix.label(node)}


def _claim(ix: GraphIndex, claim: str, *, explain: bool = False, speaker: bool = False) -> dict[str, Any]:
    d = ix.nodes.get(claim, {})
    out: dict[str, Any] = {
        "id": claim,
        "text": str(d.get("text") or d.get("label") or ""),
        "document": ix.doc_id(claim),
        "start": d.get("start"),
        "end": d.get("end"),
        "stance": ix.stance(claim),
        "quoted": bool(d.get("quoted", False)),
        "targets": [p for p, _ in ix.targets.get(claim, ())],
        "themes": list(ix.themes.get(claim, ())),
    }
    if speaker:
        who = ix.speaker.get(claim)
        out["speaker"] = _actor_ref(ix, who) if who else None
    if explain:
        out["why"] = {"attribution": d.get("attribution") or "",
                      "stance_cues": list(d.get("stance_cues") or []),
                      "target_cues": list(d.get("target_cues") or []),
                      "rule": d.get("rule") or ""}
    return out


def _claim_order(ix: GraphIndex) -> Callable[[str], Any]:
    return ix.claim_sort_key()


def _quote(ix: GraphIndex, claims: list[str], evidence: int | None, *, order: Callable[[str], Any] | None = None,
           **kw: Any) -> tuple[list[dict[str, Any]], int]:
    """The first ``evidence`` of ``claims`` (all when None) as Claim dicts, and how many were left out.
    With ``order``, the first in that order (only the quoted ones are picked out, not all sorted)."""
    shown = _pick(claims, evidence, order)
    ix.prefetch(shown)
    return [_claim(ix, c, **kw) for c in shown], len(claims) - len(shown)


def _pick(claims: list[str], evidence: int | None, order: Callable[[str], Any] | None = None) -> list[str]:
    """The first ``evidence`` of ``claims`` (all when None), in ``order`` if given."""
    if evidence is None:
        return claims if order is None else sorted(claims, key=order)
    n = max(evidence, 0)
    return claims[:n] if order is None else heapq.nsmallest(n, claims, key=order)


def _more(key: str, count: int, evidence: int | None) -> dict[str, int]:
    """``{key: count}`` when quoting is limited (the count of claims left out), else nothing."""
    return {} if evidence is None else {key: count}


def _claims_for(ix: GraphIndex, node: str, stance: str | None) -> list[str]:
    """Claims on a proposal or any of its parts (with that stance toward it) or raising a theme
    (with that stance): a question about the bill includes its clauses."""
    found = ix.claims_for(node, stance)
    if ix.kind(node) == "proposal":
        for part in ix.parts_of(node):
            found += ix.claims_for(part, stance)
    return list(dict.fromkeys(found))


def _matched(ix: GraphIndex, res: Resolution) -> list[dict[str, Any]]:
    """The matched nodes, each proposal with the parts its answer includes."""
    out = []
    for m in res.matched():
        parts = ix.parts_of(m["id"]) if m["kind"] == "proposal" else []
        out.append({**m, **({"parts": [_node_ref(ix, p) for p in parts]} if parts else {})})
    return out


def _readings(res: Resolution) -> dict[str, Any]:
    """The closest other readings of a query that did match (``other_readings``), if any."""
    others = [c.to_dict() for c in res.suggestions]
    return {"other_readings": others} if others and res.ok else {}


def _text_resolution(ix: GraphIndex, query: str, kinds: tuple[str, ...],
                     error: NoMatchError) -> tuple[Resolution, list[str]]:
    """For a query that names no proposal or theme: the claims whose words or targets match it
    (a text match over claim texts and target phrases, stems and word boundaries, like FTS5's
    porter tokenizer), or the original error when none does."""
    from argmap.store import search_claims

    actor = ix.name_index.resolve(query, ("actor",))
    if actor.ok and actor.matches[0].how in ("exact", "words", "acronym"):
        raise error  # it names an actor: the error says to ask 'argmap positions'
    found = search_claims(ix, query, limit=None) if "proposal" in kinds else []
    if not found and "proposal" in kinds:
        found = search_claims(ix, query, limit=None, phrase=False)  # the words anywhere in a claim
    if not found:
        raise error
    return Resolution(query, kinds, ()), found


def _resolve_or_text(ix: GraphIndex, query: str, kinds: tuple[str, ...]) -> tuple[Resolution, list[str] | None]:
    try:
        return lookup(ix, query, kinds), None
    except NoMatchError as exc:
        return _text_resolution(ix, query, kinds, exc)


def _filters(ix: GraphIndex, theme: str | None, document: str | None) -> tuple[set[str] | None, set[str] | None, dict]:
    themes = docs = None
    shown: dict[str, Any] = {"theme": None, "document": None}
    if theme is not None:
        r = lookup(ix, theme, ("theme",))
        themes = set(r.ids)
        shown["theme"] = r.matched()
    if document is not None:
        r = lookup(ix, document, ("document",))
        docs = set(r.ids)
        shown["document"] = r.matched()
    return themes, docs, shown


def _keep(ix: GraphIndex, claim: str, themes: set[str] | None, docs: set[str] | None) -> bool:
    if themes is not None and not themes.intersection(ix.themes.get(claim, ())):
        return False
    return docs is None or ix.document.get(claim, "doc:" + ix.doc_id(claim)) in docs


# ---------------------------------------------------------------- objectors / supporters

def objectors(g: GraphLike, query: str, *, theme: str | None = None, document: str | None = None,
              explain: bool = False, evidence: int | None = None) -> dict[str, Any]:
    """Actors who object to what ``query`` names, with their claims as evidence.

    A proposal: claims objecting to it. A theme: objecting claims that raise it (any proposal).
    ``theme`` keeps only claims raising that theme; ``document`` only claims from that document.
    ``evidence`` quotes at most that many claims per actor (``more`` counts the rest).
    """
    return _by_stance(g, query, OBJECT, theme=theme, document=document, explain=explain, evidence=evidence)


def supporters(g: GraphLike, query: str, *, theme: str | None = None, document: str | None = None,
               explain: bool = False, evidence: int | None = None) -> dict[str, Any]:
    """Actors who support what ``query`` names; see :func:`objectors`."""
    return _by_stance(g, query, SUPPORT, theme=theme, document=document, explain=explain, evidence=evidence)


def _by_stance(g: GraphLike, query: str, stance: str, *, theme: str | None, document: str | None,
               explain: bool, evidence: int | None = None) -> dict[str, Any]:
    ix = index_of(g)
    res, text_hits = _resolve_or_text(ix, query, ("proposal", "theme"))
    themes, docs, shown = _filters(ix, theme, document)
    if text_hits is None and themes is None and docs is None and evidence is not None:
        nodes = [p for m in res.matches for p in [m.id, *(ix.parts_of(m.id) if ix.kind(m.id) == "proposal" else [])]]
        groups = ix.first_by_speaker(list(dict.fromkeys(nodes)), stance, max(evidence, 0))
        if groups is not None:  # a store groups the claims by speaker itself
            opposite = {a for m in res.matches for a in ix.speakers_for(m.id, _OPPOSITE[stance])}
            return _stance_answer(ix, query, stance, res, shown, groups, opposite, explain, evidence)
    chosen: set[str] = set()
    opposite: set[str] = set()  # actors who also take the other stance on the matched nodes
    if text_hits is not None:  # no proposal or theme by that name: the claims whose words match it
        ix.prefetch_claims(text_hits)
        chosen.update(c for c in text_hits if ix.stance(c) == stance and _keep(ix, c, themes, docs))
        opposite.update(ix.speaker[c] for c in text_hits if ix.stance(c) == _OPPOSITE[stance] and c in ix.speaker)
    for m in res.matches:
        found = _claims_for(ix, m.id, stance)
        if themes is None and docs is None:
            chosen.update(found)
        else:
            ix.prefetch_claims(found)
            chosen.update(c for c in found if _keep(ix, c, themes, docs))
        opposite |= ix.speakers_for(m.id, _OPPOSITE[stance])
    by_actor: dict[str | None, list[str]] = defaultdict(list)
    for c in chosen:
        by_actor[ix.speaker.get(c)].append(c)
    order = _claim_order(ix)
    groups = {who: (len(claims), [] if who is None else _pick(claims, evidence, order))
              for who, claims in by_actor.items()}
    return {**_stance_answer(ix, query, stance, res, shown, groups, opposite, explain, evidence),
            **({"text_match": True, "text_hits": len(text_hits)} if text_hits is not None else {})}


def _stance_answer(ix: GraphIndex, query: str, stance: str, res: Resolution, shown: dict[str, Any],
                   groups: dict[str | None, tuple[int, list[str]]], opposite: set[str], explain: bool,
                   evidence: int | None) -> dict[str, Any]:
    """:func:`_by_stance`'s answer from the claims grouped by speaker (None: unattributed), each
    group's count and the claims it quotes, in reading order (see :meth:`GraphIndex.first_by_speaker`)."""
    actors = []
    for who, (count, first) in groups.items():
        if who is None:
            continue
        ix.prefetch(first)
        quoted = [_claim(ix, c, explain=explain) for c in first]
        actors.append({**_actor_ref(ix, who), "stance": stance, "mixed": who in opposite, "claims": quoted,
                       **_more("more", count - len(quoted), evidence)})
    actors.sort(key=lambda a: (-len(a["claims"]) - a.get("more", 0), a["name"].casefold(), a["id"]))
    return {"query": query, "stance": stance, "matched": _matched(ix, res), "filters": shown,
            "actors": actors, "unattributed": groups.get(None, (0, []))[0], **_readings(res)}


# ---------------------------------------------------------------- objections by ground

def objections(g: GraphLike, query: str, *, document: str | None = None, explain: bool = False,
               evidence: int | None = None) -> dict[str, Any]:
    """The objections to a proposal, grouped by ground (theme), each with who raised it and where.

    A claim raising two themes appears under both; claims raising none are grouped under
    ``{"id": None, "label": "no ground stated"}``, listed last. ``evidence`` quotes at most that
    many claims per ground (``more`` counts the rest).
    """
    ix = index_of(g)
    res, text_hits = _resolve_or_text(ix, query, ("proposal",))
    _, docs, _ = _filters(ix, None, document)
    found = [c for m in res.matches for c in _claims_for(ix, m.id, OBJECT)]
    if text_hits is not None:  # no proposal by that name: the objections whose words match it
        ix.prefetch_claims(text_hits)
        found = [c for c in text_hits if ix.stance(c) == OBJECT]
    ix.prefetch_claims(found)  # grouped by their themes below
    claims = sorted({c for c in found if _keep(ix, c, None, docs)}, key=_claim_order(ix))
    groups: dict[str | None, list[str]] = defaultdict(list)
    for c in claims:
        for t in ix.themes.get(c, ()) or [None]:
            groups[t].append(c)
    grounds = []
    for t, cs in groups.items():
        speakers = sorted({ix.speaker[c] for c in cs if c in ix.speaker},
                          key=lambda a: _actor_ref(ix, a)["name"].casefold())
        quoted, more = _quote(ix, cs, evidence, explain=explain, speaker=True)
        grounds.append({"id": t, "label": ix.label(t) if t else "no ground stated",
                        "actors": [_actor_ref(ix, a) for a in speakers], "claims": quoted,
                        **_more("more", more, evidence)})
    grounds.sort(key=lambda gr: (gr["id"] is None, -len(gr["claims"]) - gr.get("more", 0), -len(gr["actors"]),
                                 gr["label"].casefold()))
    return {"query": query, "matched": _matched(ix, res), "total_claims": len(claims),
            "total_actors": len({ix.speaker[c] for c in claims if c in ix.speaker}), "grounds": grounds,
            **_readings(res), **({"text_match": True, "text_hits": len(text_hits)} if text_hits is not None else {})}


# ---------------------------------------------------------------- one actor's positions

def positions(g: GraphLike, actor_query: str, *, members: bool = False, explain: bool = False,
              evidence: int | None = None) -> dict[str, Any]:
    """Everything an actor supports, objects to or discusses, across documents, with evidence.

    ``members=True`` also counts claims by people affiliated with an organisation.
    A proposal's ``stance`` is support, object, mixed (claims both ways) or neutral.
    ``evidence`` quotes at most that many claims per proposal (``more`` counts the rest).
    """
    ix = index_of(g)
    res = lookup(ix, actor_query, ("actor",))
    order = _claim_order(ix)
    actors = []
    for m in res.matches:
        a = m.id
        d = ix.nodes.get(a, {})
        people = sorted(ix.members.get(a, ()), key=lambda p: ix.label(p).casefold())
        speakers = [a, *people] if members else [a]
        claims = sorted({c for s in speakers for c in ix.claims_of.get(s, ())}, key=order)
        per: dict[str, list[str]] = defaultdict(list)
        untargeted = []
        for c in claims:
            targets = ix.targets.get(c, ())
            if not targets:
                untargeted.append(c)
            for p, _ in targets:
                per[p].append(c)
        rows = []
        for p, cs in per.items():
            counts = _stance_counts(ix, p, cs)
            quoted, more = _quote(ix, cs, evidence, explain=explain, speaker=members)
            rows.append({"id": p, "label": ix.label(p),
                         "candidate": bool(ix.nodes.get(p, {}).get("candidate", False)),
                         "stance": _overall(counts), **counts, "claims": quoted, **_more("more", more, evidence)})
        rows.sort(key=lambda r: (-len(r["claims"]) - r.get("more", 0), r["label"].casefold()))
        aff = ix.affiliation.get(a) or d.get("affiliation")
        aff_node = aff if isinstance(aff, str) and aff in ix.nodes else (
            f"actor:{aff}" if isinstance(aff, str) and f"actor:{aff}" in ix.nodes else None)
        quoted, more = _quote(ix, untargeted, evidence, explain=explain, speaker=members)
        actors.append({**_actor_ref(ix, a), "role": d.get("role"),
                       "affiliation": _actor_ref(ix, aff_node) if aff_node else None,
                       "members": [_actor_ref(ix, p) for p in people],
                       "documents": sorted(d.get("documents") or {ix.doc_id(c) for c in claims}),
                       "positions": rows, "untargeted": quoted, **_more("untargeted_more", more, evidence)})
    return {"query": actor_query, "matched": res.matched(), "actors": actors}


def _stance_counts(ix: GraphIndex, proposal: str, claims: Iterable[str]) -> dict[str, int]:
    counts = {SUPPORT: 0, OBJECT: 0, NEUTRAL: 0}
    for c in claims:
        for p, st in ix.targets.get(c, ()):
            if p == proposal:
                counts[st] += 1
    return counts


def _overall(counts: Mapping[str, int]) -> str:
    if counts[SUPPORT] and counts[OBJECT]:
        return "mixed"
    if counts[SUPPORT]:
        return SUPPORT
    if counts[OBJECT]:
        return OBJECT
    return NEUTRAL


# ---------------------------------------------------------------- where the fault lines are

def contested(g: GraphLike, limit: int | None = None) -> list[dict[str, Any]]:
    """Proposals ranked by how contested they are (see :data:`CONTESTED_HELP` for the score).

    Only proposals with at least one supporting or objecting claim are listed.
    """
    rows = index_of(g).listing("contested", _contested_rows)
    return rows if limit is None else rows[: max(limit, 0)]


def _contested_rows(ix: GraphIndex) -> list[dict[str, Any]]:
    rows = []
    for p in ix.by_kind.get("proposal", []):
        on = ix.claims_on.get(p, ())
        sides: dict[str, set[str]] = {SUPPORT: set(), OBJECT: set()}
        grounds: set[str] = set()
        neutral = 0
        for c, st in on:
            if st == NEUTRAL:
                neutral += 1
                continue
            if c in ix.speaker:
                sides[st].add(ix.speaker[c])
            grounds.update(ix.themes.get(c, ()))
        n_obj, n_sup = len(sides[OBJECT]), len(sides[SUPPORT])
        if len(on) == neutral:
            continue
        rows.append({
            "id": p, "label": ix.label(p), "candidate": bool(ix.nodes[p].get("candidate", False)),
            "score": min(n_obj, n_sup) + len(grounds),
            "objectors": n_obj, "supporters": n_sup, "neutral": neutral,
            "balance": round(min(n_obj, n_sup) / max(n_obj, n_sup), 3) if max(n_obj, n_sup) else 0.0,
            "grounds": [{"id": t, "label": ix.label(t)} for t in sorted(grounds, key=lambda t: ix.label(t).casefold())],
            "claims": len(on),
        })
    rows.sort(key=lambda r: (-r["score"], -r["balance"], -(r["objectors"] + r["supporters"]),
                             r["label"].casefold()))
    return rows


# ---------------------------------------------------------------- listings

def list_actors(g: GraphLike) -> list[dict[str, Any]]:
    """Every actor with how many documents, claims (by stance) and proposals they appear with."""
    return index_of(g).listing("actors", _actor_rows)


def _actor_rows(ix: GraphIndex) -> list[dict[str, Any]]:
    rows = []
    for a in ix.by_kind.get("actor", []):
        d = ix.nodes[a]
        claims = ix.claims_of.get(a, ())
        counts = {SUPPORT: 0, OBJECT: 0, NEUTRAL: 0}
        proposals: set[str] = set()
        docs: set[str] = set(d.get("documents") or [])
        for c in claims:
            counts[ix.stance(c)] += 1
            proposals.update(p for p, _ in ix.targets.get(c, ()))
            docs.add(ix.doc_id(c))
        aff = ix.affiliation.get(a)
        rows.append({**_actor_ref(ix, a), "role": d.get("role"), "affiliation": aff,
                     "aliases": list(d.get("aliases") or []), "documents": len(docs - {""}),
                     "claims": len(claims), **counts, "proposals": len(proposals)})
    rows.sort(key=lambda r: (-r["claims"], r["name"].casefold(), r["id"]))
    return rows


def list_proposals(g: GraphLike, candidates: bool = False, *, evidence: int | None = None) -> list[dict[str, Any]]:
    """Every proposal with claim counts by stance and distinct supporters/objectors.

    ``candidates=True`` lists only candidate proposals found by discovery (not in the taxonomy),
    each with its claims as ``evidence`` so a user can decide whether to add it (at most
    ``evidence`` of them when given; ``evidence_more`` counts the rest).
    """
    ix = index_of(g)
    if not candidates:
        return ix.listing("proposals", _proposal_rows)
    rows = ix.listing("proposals-candidates", _candidate_rows)
    order = _claim_order(ix)
    for row in rows:
        claims = sorted({c for c, _ in ix.claims_on.get(row["id"], ())}, key=order)
        row["evidence"], more = _quote(ix, claims, evidence, speaker=True)
        row.update(_more("evidence_more", more, evidence))
    return rows


def _candidate_rows(ix: GraphIndex) -> list[dict[str, Any]]:
    return _proposal_rows(ix, candidates=True)


def _proposal_rows(ix: GraphIndex, candidates: bool = False) -> list[dict[str, Any]]:
    rows = []
    for p in ix.by_kind.get("proposal", []):
        d = ix.nodes[p]
        is_candidate = bool(d.get("candidate", False))
        if candidates and not is_candidate:
            continue
        on = ix.claims_on.get(p, ())
        counts = {SUPPORT: 0, OBJECT: 0, NEUTRAL: 0}
        sides: dict[str, set[str]] = {SUPPORT: set(), OBJECT: set()}
        for c, st in on:
            counts[st] += 1
            if st in sides and c in ix.speaker:
                sides[st].add(ix.speaker[c])
        row = {"id": p, "label": ix.label(p), "aliases": list(d.get("aliases") or []),
               "candidate": is_candidate, "claims": len(on), **counts,
               "supporters": len(sides[SUPPORT]), "objectors": len(sides[OBJECT]),
               "documents": len({ix.doc_id(c) for c, _ in on})}
        rows.append(row)
    rows.sort(key=lambda r: (-r["claims"], r["label"].casefold(), r["id"]))
    return rows


def list_themes(g: GraphLike) -> list[dict[str, Any]]:
    """Every theme (ground) with claim counts by stance, distinct actors and proposals."""
    return index_of(g).listing("themes", _theme_rows)


def _theme_rows(ix: GraphIndex) -> list[dict[str, Any]]:
    rows = []
    for t in ix.by_kind.get("theme", []):
        d = ix.nodes[t]
        claims = ix.claims_raising.get(t, ())
        counts = {SUPPORT: 0, OBJECT: 0, NEUTRAL: 0}
        for c in claims:
            counts[ix.stance(c)] += 1
        rows.append({"id": t, "label": ix.label(t), "aliases": list(d.get("aliases") or []),
                     "claims": len(claims), **counts,
                     "actors": len({ix.speaker[c] for c in claims if c in ix.speaker}),
                     "proposals": len({p for c in claims for p, _ in ix.targets.get(c, ())})})
    rows.sort(key=lambda r: (-r["claims"], r["label"].casefold(), r["id"]))
    return rows


def listing_builders() -> dict[str, Callable[[GraphIndex], Any]]:
    """The whole-graph listings a store keeps precomputed, by name, with the function that
    computes each from an index (the same function answers when there is no store)."""
    return {"contested": _contested_rows, "actors": _actor_rows, "proposals": _proposal_rows,
            "proposals-candidates": _candidate_rows, "themes": _theme_rows}


# ---------------------------------------------------------------- one node

def show(g: GraphLike, node_id: str) -> dict[str, Any]:
    """One node, its attributes and its neighbours (edges out and in).

    ``node_id`` is an exact node id (``proposal:family-help``, ``claim:doc-a:1``), a claim id
    without its prefix (``doc-a:1``), or a name resolved like other queries (must be unambiguous).
    """
    ix = index_of(g)
    node = _exact_node(ix, node_id)
    if node is None:
        res = lookup(ix, node_id, ("proposal", "theme", "actor", "document"))
        if res.ambiguous:
            raise QueryError(f"'{show_query(node_id)}' matches several nodes: "
                             f"{', '.join(describe(c) for c in res.matches)}; give one id")
        node = res.matches[0].id
    d = ix.nodes[node]
    out, inn = ix.adjacency
    attrs = {k: v for k, v in d.items() if k not in ("id", "kind", "label")}

    def near(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
        return [{"edge": k, "id": n, "kind": ix.kind(n), "label": ix.label(n)}
                for k, n in sorted(pairs, key=lambda p: (p[0], p[1]))]

    return {"id": node, "kind": ix.kind(node), "label": ix.label(node), "attributes": attrs,
            "out": near(out.get(node, [])), "in": near(inn.get(node, []))}


def _exact_node(ix: GraphIndex, text: str) -> str | None:
    if not isinstance(text, str):
        return None
    t = text.strip()
    if t in ix.nodes:
        return t
    if f"claim:{t}" in ix.nodes:
        return f"claim:{t}"
    return None


# ---------------------------------------------------------------- two actors

def agree(g: GraphLike, a: str, b: str, *, evidence: int | None = None) -> dict[str, Any]:
    """Where two actors take the same, opposite or partly the same stance on the same proposal.

    An actor's stance on a proposal is the set of support/object stances of their claims on it
    (neutral claims are ignored). Each proposal both argue about goes in exactly one group:
    ``same`` when both take one and the same stance, ``opposite`` when one only supports and the
    other only objects, ``partly`` when either is mixed (holds both stances). ``evidence`` quotes
    at most that many claims per actor and proposal (``a_more``/``b_more`` count the rest).
    """
    ix = index_of(g)
    actor_a, actor_b = _one_actor(ix, a), _one_actor(ix, b)
    if actor_a == actor_b:
        raise QueryError(f"'{show_query(a)}' and '{show_query(b)}' both name {describe_node(ix, actor_a)}")
    sa, sb = _stances_by_proposal(ix, actor_a), _stances_by_proposal(ix, actor_b)
    order = _claim_order(ix)
    groups: dict[str, list[dict[str, Any]]] = {"same": [], "opposite": [], "partly": []}
    for p in sorted(set(sa) & set(sb), key=lambda p: (ix.label(p).casefold(), p)):
        a_st, b_st = set(sa[p]), set(sb[p])
        a_claims, a_more = _quote(ix, sorted({c for cs in sa[p].values() for c in cs}, key=order), evidence)
        b_claims, b_more = _quote(ix, sorted({c for cs in sb[p].values() for c in cs}, key=order), evidence)
        row = {"id": p, "label": ix.label(p), "a_stance": _set_stance(a_st), "b_stance": _set_stance(b_st),
               "a_claims": a_claims, "b_claims": b_claims,
               **_more("a_more", a_more, evidence), **_more("b_more", b_more, evidence)}
        groups[agreement(a_st, b_st)].append(row)
    return {"a": _actor_ref(ix, actor_a), "b": _actor_ref(ix, actor_b), **groups}


def agreement(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> str:
    """``same``, ``opposite`` or ``partly``: how two non-empty sets of support/object stances meet."""
    if len(a) == 1 and a == b:
        return "same"
    if not a & b:
        return "opposite"
    return "partly"


def describe_node(ix: GraphIndex, node: str) -> str:
    return f"{ix.label(node)} [{node}]"


def _one_actor(ix: GraphIndex, query: str) -> str:
    node = _exact_node(ix, query)
    if node is not None and ix.kind(node) == "actor":
        return node
    res = lookup(ix, query, ("actor",))
    if res.ambiguous:
        raise QueryError(f"'{show_query(query)}' matches several actors: "
                         f"{', '.join(describe(c) for c in res.matches)}; be more specific")
    return res.matches[0].id


def _stances_by_proposal(ix: GraphIndex, actor: str) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in ix.claims_of.get(actor, ()):
        for p, st in ix.targets.get(c, ()):
            if st != NEUTRAL:
                out[p][st].append(c)
    return out


def _set_stance(stances: set[str]) -> str:
    return "mixed" if len(stances) > 1 else next(iter(stances))


# ---------------------------------------------------------------- why a claim is there

def explain(g: GraphLike, claim_id: str) -> dict[str, Any]:
    """Why a claim was extracted: its text and location, speaker and attribution cue, stance and
    its cues, targets and their cues, themes, and the rule that decided."""
    ix = index_of(g)
    node = _exact_node(ix, claim_id)
    if node is None or ix.kind(node) != "claim":
        import difflib

        ids = ix.by_kind.get("claim", [])
        q = claim_id.strip() if isinstance(claim_id, str) else ""
        close = difflib.get_close_matches(q if q.startswith("claim:") else f"claim:{q}", ids, n=3, cutoff=0.6)
        hint = f"closest: {', '.join(close)}" if close else "see 'argmap show' or --json output for claim ids"
        raise QueryError(f"no claim '{show_query(str(claim_id))}'; {hint}")
    d = ix.nodes[node]
    doc = ix.doc_id(node)
    dnode = ix.nodes.get(f"doc:{doc}", {})
    who = ix.speaker.get(node)
    return {
        "id": node, "text": str(d.get("text") or ""),
        "document": {"id": doc, "title": dnode.get("title") or dnode.get("label"), "path": dnode.get("path")},
        "start": d.get("start"), "end": d.get("end"), "location": f"{doc}:{d.get('start')}-{d.get('end')}",
        "speaker": _actor_ref(ix, who) if who else None,
        "attribution": d.get("attribution") or "",
        "stance": ix.stance(node), "stance_cues": list(d.get("stance_cues") or []),
        "targets": [_node_ref(ix, p) for p, _ in ix.targets.get(node, ())],
        "target_cues": list(d.get("target_cues") or []),
        "themes": [_node_ref(ix, t) for t in ix.themes.get(node, ())],
        "rule": d.get("rule") or "", "quoted": bool(d.get("quoted", False)),
    }
