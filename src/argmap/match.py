"""Forgiving name matching: turn what a user typed into proposal, theme, actor or document nodes.

:func:`resolve` scores every name a node is known by (label, aliases or theme terms, its id; for
people also the surname; for organisations also the acronym of the name) against the query, in
tiers from strict to loose:

====  =========  ==========================================================================
1.00  exact      same name once case, punctuation, apostrophes, hyphens and spaces are ignored
0.95  words      same content words, in any order, ignoring stop words ("of", "the") and
                 simple endings ("chairs"/"chair", "independence"/"independent")
0.90  acronym    a one-word query equal to an organisation's initials ("BASW", "DfE")
<0.9  partial    the query's words (weighted by rarity) are mostly found in the name; typos
                 count for little (a misspelt word alone is only a suggestion); scored by how
                 much of the query and how much of the name the overlap covers
====  =========  ==========================================================================

A node is matched when its best score reaches :data:`MATCH_THRESHOLD`; every node within
:data:`MARGIN` of the best score is returned, so a vague query shows all it could mean while an
exact name or alias ("family help") beats names that merely contain it ("family help practices").
When nothing matches, :attr:`Resolution.suggestions` holds the closest names (difflib similarity
plus word overlap). Nothing here raises on any input string.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import defaultdict
from functools import lru_cache
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.text import fold

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from argmap.queries import GraphIndex

KINDS = ("proposal", "theme", "actor", "document")
MATCH_THRESHOLD = 0.6
MARGIN = 0.1
OTHER_READING = 0.4  # a near miss of a matched query at least this close is reported as another reading
MAX_QUERY_CHARS = 300  # longer queries are cut before matching (they still never crash)

SCORE_EXACT = 1.0
SCORE_WORDS = 0.95
SCORE_ACRONYM = 0.9
MIN_QUERY_COVER = 0.7  # share of the query's (weighted) words a partial match must cover
FUZZY_WEIGHT = 0.6  # how much a typo-corrected word counts toward that share

STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its",
    "of", "on", "or", "over", "the", "their", "this", "to", "under", "was", "were", "what", "which",
    "who", "whom", "with", "about", "against",
})
# Titles dropped when deriving a person's surname ("Dr Jo Bloggs" -> "Bloggs").
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
                     "baroness", "cllr", "rev"})

# Suffixes stripped by the small stemmer, longest first; (suffix, replacement).
_SUFFIXES = tuple(sorted(
    [(s, "") for s in (
        "isations", "izations", "isation", "ization", "ations", "ation", "ators", "ator", "ating",
        "ated", "ates", "ate", "ences", "ence", "ances", "ance", "ents", "ent", "ants", "ant",
        "ments", "ment", "ities", "ity", "ings", "ing", "ness", "ly", "ed", "s")]
    + [("ies", "y"), ("ied", "y"), ("sses", "ss")],
    key=lambda p: len(p[0]), reverse=True))
_MIN_STEM = 3

_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_NON_WORD = re.compile(r"[\W_]+")


# ---------------------------------------------------------------- normalising text

def canon(text: str) -> str:
    """The strictest comparable form: folded, apostrophes dropped, only letters and digits kept
    ("Multi-agency teams" == "multiagency teams", "Children's" == "childrens")."""
    return _NON_WORD.sub("", _prepare(text))


def _prepare(text: str) -> str:
    text = fold(text[:MAX_QUERY_CHARS]).replace("&", " and ")
    return _APOSTROPHES.sub("", text)


def raw_words(text: str) -> list[str]:
    """Folded words (hyphenated words split into their parts), stop words kept."""
    return [w for w in _NON_WORD.split(_prepare(text)) if w]


@lru_cache(maxsize=1 << 16)  # a large graph's names repeat their words many times over
def stem(word: str) -> str:
    """A crude stem: strip up to two common English endings, keeping at least three letters."""
    for _ in range(2):
        for suffix, repl in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= _MIN_STEM:
                word = word[: len(word) - len(suffix)] + repl
                break
        else:
            break
    if len(word) > _MIN_STEM and word.endswith("e"):
        word = word[:-1]
    return word


def _compounds(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Hyphenated words in ``text`` as (stem of the joined word, stems of its parts)."""
    out = []
    for chunk in _prepare(text).split():
        if "-" in chunk:
            parts = [p for p in _NON_WORD.split(chunk) if p]
            if len(parts) > 1:
                out.append((stem("".join(parts)), tuple(stem(p) for p in parts)))
    return out


def _acronyms(text: str) -> set[str]:
    """Initials (three or more) of a multi-word name, with and without its stop words ("dfe")."""
    words = [w for w in re.split(r"[\s/]+", _prepare(text)) if _NON_WORD.sub("", w)]
    if len(words) < 2:
        return set()
    initials = {"".join(_NON_WORD.sub("", w)[0] for w in words)}
    content = [w for w in words if _NON_WORD.sub("", w) not in STOP_WORDS]
    if len(content) >= 2:
        initials.add("".join(_NON_WORD.sub("", w)[0] for w in content))
    return {a for a in initials if len(a) >= 3}


# ---------------------------------------------------------------- results

@dataclass(frozen=True)
class Candidate:
    """One node a query matched (or came close to): its id, kind, label and how it matched."""

    id: str
    kind: str
    label: str
    score: float
    name: str  # the name or alias that matched best
    how: str  # exact | words | acronym | partial | similar

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "kind": self.kind, "label": self.label}


@dataclass(frozen=True)
class Resolution:
    """What a query matched: ``matches`` (best first); ``suggestions``: the closest names when
    nothing matched, the closest other readings when something did."""

    query: str
    kinds: tuple[str, ...]
    matches: tuple[Candidate, ...]
    suggestions: tuple[Candidate, ...] = ()

    @property
    def ok(self) -> bool:
        return bool(self.matches)

    @property
    def ambiguous(self) -> bool:
        return len(self.matches) > 1

    @property
    def ids(self) -> list[str]:
        return [m.id for m in self.matches]

    def matched(self) -> list[dict[str, str]]:
        """The matched nodes as ``[{"id", "kind", "label"}]``."""
        return [m.to_dict() for m in self.matches]


# ---------------------------------------------------------------- the name index

@dataclass(frozen=True)
class _Name:
    node: str
    name: str
    canon: str
    stems: tuple[str, ...]


class _KindTable:
    """Every name of every node of one kind, indexed by canonical form, word set, word, acronym."""

    def __init__(self, kind: str, nodes: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        self.kind = kind
        self.labels: dict[str, str] = {}
        pairs: list[tuple[str, str]] = []
        organisations: set[str] = set()
        for node, data in nodes:
            label = str(data.get("label") or data.get("name") or node)
            self.labels[node] = label
            if kind == "actor" and data.get("actor_type") != "person":
                organisations.add(node)
            pairs.extend((node, n) for n in _names_of(kind, node, data, label))
        self.compounds: dict[str, tuple[str, ...]] = {}
        for _, name in pairs:
            for joined, parts in _compounds(name):
                self.compounds.setdefault(joined, parts)
        self.names: list[_Name] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.wordsets: dict[frozenset[str], list[int]] = defaultdict(list)
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        self.acronyms: dict[str, list[int]] = defaultdict(list)
        df: dict[str, set[str]] = defaultdict(set)
        seen: set[tuple[str, str]] = set()
        for node, name in pairs:
            c = canon(name)
            if not c or (node, c) in seen:
                continue
            seen.add((node, c))
            stems = tuple(content_stems(name, self.compounds))
            i = len(self.names)
            self.names.append(_Name(node, name, c, stems))
            self.exact[c].append(i)
            if stems:
                self.wordsets[frozenset(stems)].append(i)
            for s in set(stems):
                self.by_stem[s].append(i)
                df[s].add(node)
            if node in organisations:
                for a in _acronyms(name):
                    self.acronyms[a].append(i)
        self.df = {s: len(nodes_) for s, nodes_ in df.items()}
        self.count = len(self.labels)


def _names_of(kind: str, node: str, data: Mapping[str, Any], label: str) -> list[str]:
    names = [label]
    for key in ("name", "title"):
        if isinstance(data.get(key), str):
            names.append(data[key])
    aliases = data.get("aliases")
    if isinstance(aliases, list | tuple):
        names.extend(a for a in aliases if isinstance(a, str))
    names.extend([node.split(":", 1)[-1], node])
    if kind == "actor" and data.get("actor_type") == "person":
        words = [w for w in str(data.get("name") or label).split() if fold(w).strip(".") not in _TITLES]
        if len(words) > 1:
            names.append(" ".join(words[1:]))
            names.append(words[-1])
    if kind == "document" and isinstance(data.get("path"), str):
        base = re.split(r"[\\/]", data["path"])[-1]
        names.extend([base, base.rsplit(".", 1)[0]])
    return [n for n in names if n and n.strip()]


def content_stems(text: str, compounds: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """The stems of the content words of ``text`` (stop words dropped, known compounds split)."""
    out: list[str] = []
    for w in raw_words(text):
        if w in STOP_WORDS:
            continue
        s = stem(w)
        if compounds and s in compounds:
            out.extend(compounds[s])
        else:
            out.append(s)
    return out


class NameIndex:
    """Name tables for the proposal, theme, actor and document nodes of one graph.

    Each kind's table is built the first time that kind is searched.
    """

    def __init__(self, nodes_by_kind: Mapping[str, list[tuple[str, Mapping[str, Any]]]]) -> None:
        """``nodes_by_kind``: kind -> [(node id, attributes)]; only ``get(kind, [])`` is called,
        when that kind is first searched (so a store reads a kind's nodes only if needed)."""
        self._nodes = nodes_by_kind
        self._tables: dict[str, _KindTable] = {}

    @classmethod
    def from_nodes(cls, nodes: Iterable[tuple[str, Mapping[str, Any]]]) -> NameIndex:
        by_kind: dict[str, list[tuple[str, Mapping[str, Any]]]] = defaultdict(list)
        for node, data in nodes:
            kind = data.get("kind")
            if kind in KINDS:
                by_kind[kind].append((node, data))
        return cls(by_kind)

    def table(self, kind: str) -> _KindTable:
        if kind not in self._tables:
            self._tables[kind] = _KindTable(kind, self._nodes.get(kind, []) if kind in KINDS else [])
        return self._tables[kind]

    def resolve(self, query: str, kinds: Iterable[str] = ("proposal", "theme")) -> Resolution:
        """Score the query against every name of the given kinds; see the module docstring."""
        kinds = tuple(dict.fromkeys(kinds))
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise ValueError(f"unknown kind(s) {bad}; choose from {KINDS}")
        text = query if isinstance(query, str) else str(query)
        tables = [self.table(k) for k in kinds]
        best = _score_all(text, tables)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.kind, c.label.casefold(), c.id))
        if ranked and ranked[0].score >= MATCH_THRESHOLD:
            top = ranked[0].score
            matches = tuple(c for c in ranked if c.score >= MATCH_THRESHOLD and c.score >= top - MARGIN)
            # the closest other readings, for a user who meant something else
            others = tuple(c for c in ranked if c not in matches and c.score >= OTHER_READING)[:3]
            return Resolution(text, kinds, matches, others)
        return Resolution(text, kinds, (), _suggest(text, tables, ranked))


def _score_all(query: str, tables: list[_KindTable]) -> dict[str, Candidate]:
    best: dict[str, Candidate] = {}

    def offer(table: _KindTable, i: int, score: float, how: str) -> None:
        n = table.names[i]
        cur = best.get(n.node)
        if cur is None or score > cur.score:
            best[n.node] = Candidate(n.node, table.kind, table.labels[n.node], round(score, 4), n.name, how)

    c = canon(query)
    if not c:
        return best
    total_nodes = sum(t.count for t in tables) or 1
    df: dict[str, int] = defaultdict(int)
    for t in tables:
        for s, d in t.df.items():
            df[s] += d

    def weight(s: str) -> float:
        return math.log(1.0 + total_nodes / (1 + df.get(s, 0))) + 0.1

    words = raw_words(query)
    for t in tables:
        for i in t.exact.get(c, ()):
            offer(t, i, SCORE_EXACT, "exact")
        stems = content_stems(query, t.compounds)
        if stems:
            for i in t.wordsets.get(frozenset(stems), ()):
                offer(t, i, SCORE_WORDS, "words")
        if len(words) == 1 and 2 <= len(words[0]) <= 8:
            for i in t.acronyms.get(words[0], ()):
                offer(t, i, SCORE_ACRONYM, "acronym")
        if not stems:
            continue
        strengths = _stem_strengths(stems, t)
        candidates: set[int] = set()
        for s, alts in strengths.items():
            for alt in alts:
                candidates.update(t.by_stem.get(alt, ()))
        q_total = sum(weight(s) for s in stems)
        for i in candidates:
            name = t.names[i]
            name_stems = set(name.stems)
            hit_name: set[str] = set()
            got = 0.0
            for s in stems:
                alts = strengths[s]
                found = [(alts[a], a) for a in alts if a in name_stems]
                if found:
                    strength, a = max(found)
                    got += weight(s) * strength
                    hit_name.add(a)
            q_cov = got / q_total
            n_total = sum(weight(s) for s in name_stems) or 1.0
            n_cov = sum(weight(s) for s in hit_name) / n_total
            if q_cov >= MIN_QUERY_COVER:
                score = 0.45 + 0.4 * q_cov * (0.5 + 0.5 * n_cov)
            else:
                score = 0.5 * q_cov * (0.5 + 0.5 * n_cov)
            offer(t, i, min(score, SCORE_ACRONYM - 0.01), "partial")
    return best


def _stem_strengths(stems: list[str], table: _KindTable) -> dict[str, dict[str, float]]:
    """For each query stem, the table stems it may stand for, with how sure we are (1 = same)."""
    import difflib

    out: dict[str, dict[str, float]] = {}
    vocab = table.by_stem
    for s in stems:
        alts: dict[str, float] = {}
        if s in vocab:
            alts[s] = 1.0
        else:
            if len(s) >= 4:
                # a likely typo: counts for little, so a misspelt one-word query is only a
                # suggestion, while one slip in a longer query still matches
                for v in difflib.get_close_matches(s, vocab.keys(), n=3, cutoff=0.8):
                    alts[v] = round(FUZZY_WEIGHT * difflib.SequenceMatcher(None, s, v).ratio(), 3)
                if len(s) >= 5:
                    # a longer or shorter form of the same word the stemmer missed
                    for v in vocab:
                        if len(v) >= 5 and (v.startswith(s) or s.startswith(v)):
                            alts.setdefault(v, 0.85)
        out[s] = alts
    return out


def _suggest(query: str, tables: list[_KindTable], ranked: list[Candidate], n: int = 5) -> tuple[Candidate, ...]:
    import difflib

    out: dict[str, Candidate] = {}
    for cand in ranked:
        if cand.score > 0 and len(out) < n:
            out[cand.id] = Candidate(cand.id, cand.kind, cand.label, cand.score, cand.name, "similar")
    c = canon(query)
    if c and len(out) < n:
        scored: list[tuple[float, str, _KindTable, _Name]] = []
        for t in tables:
            by_canon: dict[str, _Name] = {}
            for name in t.names:
                by_canon.setdefault(name.canon, name)
            for hit in difflib.get_close_matches(c, by_canon.keys(), n=n * 2, cutoff=0.5):
                ratio = difflib.SequenceMatcher(None, c, hit).ratio()
                scored.append((ratio, hit, t, by_canon[hit]))
        for ratio, _, t, name in sorted(scored, key=lambda x: (-x[0], x[1])):
            if len(out) >= n:
                break
            if name.node not in out:
                out[name.node] = Candidate(name.node, t.kind, t.labels[name.node], round(ratio * 0.5, 4),
                                           name.name, "similar")
    return tuple(out.values())


# ---------------------------------------------------------------- entry point

_CACHE: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], NameIndex]] = weakref.WeakKeyDictionary()


def name_index(graph_or_index: nx.MultiDiGraph | GraphIndex | NameIndex) -> NameIndex:
    """The NameIndex for a graph (built once per graph object and cached) or an index."""
    if isinstance(graph_or_index, NameIndex):
        return graph_or_index
    names = getattr(graph_or_index, "name_index", None)
    if isinstance(names, NameIndex):
        return names
    g = graph_or_index
    sig = (g.number_of_nodes(), g.number_of_edges())
    hit = _CACHE.get(g)
    if hit is not None and hit[0] == sig:
        return hit[1]
    idx = NameIndex.from_nodes(g.nodes(data=True))
    _CACHE[g] = (sig, idx)
    return idx


def resolve(graph_or_index: nx.MultiDiGraph | GraphIndex | NameIndex, query: str,
            kinds: Iterable[str] = ("proposal", "theme")) -> Resolution:
    """Find the nodes of the given kinds that ``query`` names.

    ``graph_or_index`` is an argument graph (networkx), a :class:`argmap.queries.GraphIndex`
    or a :class:`NameIndex`. Returns every node within :data:`MARGIN` of the best score (best
    first); when none reaches :data:`MATCH_THRESHOLD`, ``matches`` is empty and ``suggestions``
    lists the closest names.
    """
    return name_index(graph_or_index).resolve(query, kinds)


def describe(c: Candidate) -> str:
    """A candidate for a message: ``Label [kind:id]``."""
    return f"{c.label} [{c.id}]"


def show_query(query: str, limit: int = 80) -> str:
    """A query made safe to print in one line: control characters escaped, long text cut."""
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in query)
    return text if len(text) <= limit else text[: limit - 3] + "..."
