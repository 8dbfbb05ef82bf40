"""The domain taxonomy: proposals, themes (grounds) and known actors, loaded from a TOML file."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from urllib.parse import urlsplit

from argmap.errors import TaxonomyError
from argmap.inputs import read_input
from argmap.schema import PROPOSAL_KINDS, SchemaError, parse_toml, validate_taxonomy  # noqa: F401 (kinds re-exported)
from argmap.text import fold, phrase_pattern

DEFAULT_TAXONOMY = "children_social_care.toml"


@dataclass(frozen=True)
class Entry:
    """A proposal, theme or known actor: an id, a label and the phrases that name it."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    type: str | None = None  # actors only: person | organisation
    keywords: tuple[str, ...] = ()  # proposals only: words that describe its topic
    parent: str | None = None  # proposals only: the policy or document this one is part of
    kind: str = "policy"  # proposals only: policy | document | clause
    condition: bool = False  # themes only: a condition on this ground is an objection
    sites: tuple[str, ...] = ()  # actors only: host names of the web sites it publishes on
    work: str | None = None  # actors only: the proposal (a review, a report) through which it speaks
    absorbs: tuple[str, ...] = ()  # themes only: other grounds' words this ground takes over when it is raised

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Match:
    """One occurrence of a taxonomy phrase in a text."""

    id: str
    phrase: str
    start: int
    end: int


@dataclass(frozen=True)
class Taxonomy:
    """Proposals, themes and actors, with matchers compiled once."""

    name: str
    proposals: dict[str, Entry]
    themes: dict[str, Entry]
    actors: dict[str, Entry]
    general_proposal: str | None = None
    digest: str = ""
    source: str = ""
    _unused: tuple = field(default=(), repr=False)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _proposal_index(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        return _index(self.proposals, include_label=True)

    @cached_property
    def _theme_index(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        return _index(self.themes, include_label=False)

    @cached_property
    def _actor_index(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        return _index(self.actors, include_label=True, case_sensitive=True)

    @cached_property
    def umbrellas(self) -> frozenset[str]:
        """Proposals that stand for many: the general proposal and the policy documents (a review,
        a strategy, a bill). A particular proposal named beside one of them is what a claim is about."""
        return frozenset({p for p, e in self.proposals.items() if e.kind == "document"} |
                         ({self.general_proposal} if self.general_proposal else set()))

    def descendants(self, proposal_id: str) -> tuple[str, ...]:
        """The proposals below ``proposal_id`` through ``parent`` links (itself excluded), in file order."""
        below: list[str] = []
        frontier = {proposal_id}
        while frontier:
            step = [p for p, e in self.proposals.items() if e.parent in frontier and p not in below]
            below.extend(step)
            frontier = set(step)
        return tuple(below)

    def ancestors(self, proposal_id: str) -> tuple[str, ...]:
        """The proposals above ``proposal_id`` through ``parent`` links, nearest first."""
        out: list[str] = []
        entry = self.proposals.get(proposal_id)
        while entry is not None and entry.parent is not None:
            out.append(entry.parent)
            entry = self.proposals.get(entry.parent)
        return tuple(out)

    def topic_of(self, text: str, minimum: int = 3) -> str | None:
        """The proposal whose keywords ``text`` uses most (at least ``minimum`` different ones, and
        more than any other proposal), or None."""
        low = " " + " ".join(re.findall(r"[\w'-]+", fold(text))) + " "
        scores = sorted(((sum(1 for k, ks in forms if k in low or ks in low), pid)
                         for pid, forms in self._keyword_forms), reverse=True)
        if not scores or scores[0][0] < minimum or len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None
        return scores[0][1]

    @cached_property
    def _keyword_forms(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Each proposal with keywords and those keywords as whole words, singular and plural."""
        return [(pid, [(f" {k} ", f" {k}s ") for k in e.keywords]) for pid, e in self.proposals.items() if e.keywords]

    def find_proposals(self, text: str, verb_heads: frozenset[str] = frozenset(),
                       fillers: frozenset[str] = frozenset(), breaks: frozenset[str] = frozenset(),
                       gap_ok: Callable[[int, int, int, int], bool] | None = None) -> list[Match]:
        """Proposal mentions in ``text`` (longest phrase wins; offsets into the folded text). With
        ``verb_heads`` ("cap", "ban"), a two-word alias ending in one ("profit cap") also matches
        as a verb and its object ("capping profits", "caps on profit"); with ``breaks`` as well
        (words that end a phrase), also spread out ("caps on children's home profits"). With
        ``fillers`` ("more", "new"), a name the text splits only with such words or numbers also
        matches ("recruit 10,000 new foster carers" for "recruit foster carers"). With ``gap_ok``, a
        name of two or more words the text splits once with one to three other words (no break
        words) matches when ``gap_ok(gap_start, gap_end, name_start, name_end)`` says those words only
        describe the name's words ("multi-agency safeguarding teams" for "multi-agency teams")."""
        found = _find(self._proposal_index, text)
        if verb_heads:
            found = _merge(found, _find(self._verb_index(verb_heads), text))
        if verb_heads and breaks:
            found = _merge(found, self._find_spread(verb_heads, breaks, text))
        if fillers:
            found = _merge(found, _find_across(self._proposal_index, text, fillers))
        if gap_ok is not None:
            found = _merge(found, self._find_gapped(text, breaks, gap_ok))
        return _merge(found, defined_acronyms(found, text))

    def _find_gapped(self, text: str, breaks: frozenset[str], gap_ok: Callable[[int, int, int, int], bool]) -> list[Match]:
        """Names of two or more words (not one that starts with an article) split once by one to
        three words that are no break words and that ``gap_ok`` accepts: at each word, the first
        such name, and the search goes on after it."""
        if "gapped" not in self._cache:
            firsts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for entry in self.proposals.values():
                for name in entry.names:
                    words = tuple(fold(name).split())
                    if len(words) >= 2 and words[0] not in _ARTICLES:
                        firsts.setdefault(words[0], []).append((words, entry.id))
            self._cache["gapped"] = firsts
        firsts = self._cache["gapped"]
        folded = fold_keep_length(text)
        words = [(m.group(0), m.start(), m.end()) for m in _WORD_OR_MARK.finditer(folded)]
        out: list[Match] = []
        for i, (first, start, _) in enumerate(words):
            if out and start < out[-1].end:
                continue  # inside the name found last
            for name, pid in firsts.get(first, ()):
                hit = _split_name_at(words, i, name, breaks)
                if hit is not None and gap_ok(*hit[1], start, hit[0]):
                    out.append(Match(pid, " ".join(folded[start:hit[0]].split()), start, hit[0]))
                    break
        return out

    def _verb_index(self, verb_heads: frozenset[str]):
        if verb_heads in self._cache:
            return self._cache[verb_heads]
        lookup = PhraseLookup()
        for entry in self.proposals.values():
            for alias in entry.names:
                words = fold(alias).split()
                if len(words) == 2 and words[1] in verb_heads:
                    for form in verb_forms(words[1]):
                        for link in _OBJECT_LINKS:  # 'capping profits', 'caps on profit', 'the banning of bonuses'
                            lookup.setdefault(f"{form} {link}{words[0]}", entry.id)
                            lookup.setdefault(f"{form} {link}{plural(words[0])}", entry.id)
        index = self._cache[verb_heads] = (phrase_pattern(list(lookup), lower=True), lookup, False)
        return index

    def _find_spread(self, verb_heads: frozenset[str], breaks: frozenset[str], text: str) -> list[Match]:
        """'caps on children's home profits', 'capping the profits of homes': a two-word name ending in
        a verb head ('profit cap') with up to three words between the head's link and its object
        ('caps on ... profits'), or an object after 'the' and before 'of' ('cap the profits of ...')."""
        key = ("spread", verb_heads, breaks)
        if key not in self._cache:
            self._cache[key] = _spread_patterns(self.proposals, verb_heads, breaks)
        folded = fold_keep_length(text)
        out = [Match(pid, " ".join(m.group(0).split()), m.start(), m.end())
               for pid, pattern in self._cache[key] for m in pattern.finditer(folded)]
        return sorted(out, key=lambda m: m.start)

    def find_themes(self, text: str) -> list[Match]:
        """Theme cue terms in ``text``."""
        return _find(self._theme_index, text)

    def find_actors(self, text: str) -> list[Match]:
        """Known actor names or aliases in ``text``."""
        return _find(self._actor_index, text)

    def actor_for_name(self, name: str) -> Entry | None:
        """The known actor whose name or alias is exactly ``name`` (folded, "the" optional), if any."""
        return self._actor_names.get(fold(name).removeprefix("the "))

    def actor_for_site(self, url: str) -> Entry | None:
        """The known actor one of whose ``sites`` hosts the web address ``url`` (the host itself or
        a subdomain of it: "www.example.org" is on "example.org"), if any."""
        url = url.strip()
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        while host:
            if host in self._actor_sites:
                return self._actor_sites[host]
            host = host.partition(".")[2]
        return None

    @cached_property
    def speakers_through(self) -> dict[str, str]:
        """Proposal id -> the known actor that speaks through it ('the review recommends ...' is
        said by the panel that wrote the review), from the actors' ``work`` fields."""
        return {entry.work: entry.id for entry in self.actors.values() if entry.work}

    @cached_property
    def _actor_sites(self) -> dict[str, Entry]:
        return {host: entry for entry in self.actors.values() for host in entry.sites}

    @cached_property
    def _actor_names(self) -> dict[str, Entry]:
        names: dict[str, Entry] = {}
        for entry in self.actors.values():
            for n in entry.names:
                names.setdefault(fold(n).removeprefix("the "), entry)
        return names


#: What may stand between a verb form and its object in a reworded alias ("caps on profit").
_OBJECT_LINKS = ("", "of ", "on ", "of the ", "on the ")


def plural(word: str) -> str:
    """A regular plural ('profit': profits; 'bonus': bonuses)."""
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def verb_forms(word: str) -> list[str]:
    """A noun that is also a verb, in its verb forms ('cap': caps, capping, capped; 'levy': levies,
    levying, levied; 'regulate': regulates, regulating, regulated)."""
    if word.endswith("e"):
        return [word, word + "s", word[:-1] + "ing", word + "d"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies", word + "ing", word[:-1] + "ied"]
    short = len(word) <= 4 and word[-1] not in "aeiouwxy" and word[-2:-1] in "aeiou" and word[-3:-2] not in "aeiou"
    base = word + word[-1] if short else word
    return [word, plural(word), base + "ing", base + "ed"]


def _spread_patterns(proposals: dict[str, Entry], verb_heads: frozenset[str],
                     breaks: frozenset[str]) -> list[tuple[str, re.Pattern[str]]]:
    """For each two-word name ending in a verb head ('profit cap'), a pattern of the head's forms, a
    link ('on', 'of'), one to three words none of ``breaks``, and the object ('caps on children's
    home profits'); and of the head's forms, 'the', the object and 'of' ('cap the profits of')."""
    stop = "|".join(re.escape(fold(w)) for w in sorted(breaks))
    between = r"(?:(?!(?:" + stop + r")\b)[a-z][\w'\u2019-]*\s+){1,3}"
    links = "|".join(sorted({link.split()[0] for link in _OBJECT_LINKS if link}))
    out = []
    for entry in proposals.values():
        for alias in entry.names:
            words = fold(alias).split()
            if len(words) != 2 or words[1] not in verb_heads:
                continue
            heads = "|".join(re.escape(f) for f in verb_forms(words[1]))
            obj = "|".join(re.escape(f) for f in (words[0], plural(words[0])))
            out.append((entry.id, re.compile(
                rf"\b(?:{heads})\s+(?:(?:{links})\s+(?:the\s+)?{between}(?:{obj})|the\s+(?:{obj})\s+of)\b")))
    return out


#: a parenthesised acronym right after a name ("Regional Care Co-operatives (RCCs)")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")
#: small words a name's acronym may leave out ("Department for Education", DfE; "Children and Social Work")
_ACRONYM_SKIPS = frozenset({"of", "and", "for", "the", "to", "in", "on", "a", "&"})


def defined_acronyms(found: list[Match], text: str) -> list[Match]:
    """'Regional Care Co-operatives (RCCs) ... RCCs will ...': an acronym a text gives in brackets
    right after a proposal's name names that proposal wherever the text uses it afterwards."""
    out: list[Match] = []
    for m in found:
        after = _ACRONYM_AFTER.match(text, m.end)
        if after is None or not _abbreviates(after.group(1), text[m.start:m.end]):
            continue
        short = after.group(1)
        base = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
        for hit in re.finditer(rf"(?<![\w-]){re.escape(base)}s?(?![\w-])", text[after.end():]):
            at = after.end() + hit.start()
            out.append(Match(m.id, hit.group(0), at, at + len(hit.group(0))))
    return out


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short``'s capitals are the initials of the name's words (small words and the parts
    of a hyphenated word may count or not: 'RCC' for 'Regional Care Co-operatives')."""
    caps = "".join(ch for ch in short if ch.isupper()).lower()
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", name)]
    whole = "".join(w[0] for w in words if w.lower() not in _ACRONYM_SKIPS).lower()
    parts = "".join(p[0] for w in words if w.lower() not in _ACRONYM_SKIPS for p in w.split("-") if p).lower()
    every = "".join(w[0] for w in words).lower()
    return len(caps) >= 2 and caps in {whole, parts, every}


def _merge(a: list[Match], b: list[Match]) -> list[Match]:
    """Matches of two passes, in text order, without overlaps (the first pass wins)."""
    taken = [(m.start, m.end) for m in a]
    extra = [m for m in b if not any(s < m.end and m.start < e for s, e in taken)]
    return sorted(a + extra, key=lambda m: m.start)


def _index(entries: dict[str, Entry], *, include_label: bool, case_sensitive: bool = False):
    """A matcher and a phrase -> id lookup. Case-sensitive indexes (actor names) keep capitals."""
    lookup = PhraseLookup()
    norm = _straighten if case_sensitive else fold
    for entry in entries.values():
        names = entry.names if include_label else entry.aliases or (entry.label,)
        for name in names:
            lookup.setdefault(norm(name), entry.id)
            if case_sensitive and name[:1].islower():  # "the government" also at a sentence start
                lookup.setdefault(norm(name[:1].upper() + name[1:]), entry.id)
            if case_sensitive and (headline := _headline_case(name)) != name:  # "Action For Children"
                lookup.setdefault(norm(headline), entry.id)
            if not case_sensitive and (turned := reordered(norm(name))):
                lookup.setdefault(turned, entry.id)
    return phrase_pattern(list(lookup), lower=not case_sensitive, plurals=not case_sensitive), lookup, case_sensitive


def _headline_case(name: str) -> str:
    """A capitalised name of several words with its small words capitalised too, as a headline or
    a page's own style writes it ('Action For Children'); any other name as it is."""
    words = name.split(" ")
    if len(words) < 2 or not words[0][:1].isupper() or not any(w[:1].islower() for w in words):
        return name
    return " ".join(w[:1].upper() + w[1:] for w in words)


def reordered(name: str) -> str | None:
    """'regulation of social work' also as 'social work regulation' (a noun and its 'of' phrase
    as a compound), when the phrase is one to three words of four letters or more (no 'the', 'to')."""
    words = name.split()
    if len(words) < 3 or words[1] != "of" or not 1 <= len(words) - 2 <= 3:
        return None
    rest = words[2:]
    if not all(w.isalpha() and len(w) >= 4 for w in words[:1] + rest):
        return None
    return " ".join(rest + words[:1])


def _straighten(text: str) -> str:
    from argmap.text import _QUOTE_MAP

    return " ".join(text.translate(_QUOTE_MAP).split())


def _find(index, text: str) -> list[Match]:
    pattern, lookup, case_sensitive = index
    if pattern is None:
        return []
    folded = fold_keep_length(text, lower=not case_sensitive)
    out = []
    pos = 0
    while (m := pattern.search(folded, pos)) is not None:
        key = _key(lookup, m)
        longer = _longer_inside(pattern, folded, m)
        other = _key(lookup, longer) if longer is not None else None
        if other is not None and other != key:
            m, key = longer, other  # 'the bill rises' is 'bill rises', not 'the bill'
        # (the actors' index is the case-sensitive one: 'the Longfield-led review' is still Longfield)
        if key and (case_sensitive or not _joined_before(folded, m.start())):
            out.append(Match(key, " ".join(m.group(0).split()), m.start(), m.end()))
        pos = max(m.end(), pos + 1)
    return out


_WORD_OR_MARK = re.compile(r"[\w'\u2019-]+|[^\w\s]")
_ARTICLES = frozenset({"the", "a", "an"})  # a name that starts with one, split, is a pointing phrase


def _same_word(word: str, seen: str) -> bool:
    return seen == word or seen == plural(word)


def _split_name_at(words: list[tuple[str, int, int]], i: int, name: tuple[str, ...],
                   breaks: frozenset[str]) -> tuple[int, tuple[int, int]] | None:
    """Where ``name`` starts at ``words[i]`` split once by one to three words that are neither
    break words nor marks: (the end offset, (the split's start, its end)), or None."""
    for cut in range(1, len(name)):
        j = i + cut
        if j > len(words) or not _same_word(name[cut - 1], words[j - 1][0]):
            return None
        for size in (1, 2, 3):
            gap = words[j:j + size]
            if len(gap) < size or gap[-1][0] in breaks or not gap[-1][0][0].isalnum():
                break
            rest = words[j + size:j + size + len(name) - cut]
            if len(rest) == len(name) - cut and all(_same_word(w, r[0]) for w, r in zip(name[cut:], rest)):
                return rest[-1][2], (gap[0][1], gap[-1][2])
    return None


def _find_across(index, text: str, fillers: frozenset[str]) -> list[Match]:
    """Matches of names the text splits only with filler words or numbers: the text is matched with
    those words taken out, and a match that spans a word taken out is kept (offsets into the text);
    not a name that starts with 'the' ('the new report' points to a report, it is no name)."""
    folded = fold_keep_length(text)
    pieces: list[tuple[int, int]] = []  # (start, end) of the stretches of the text that stay, in order
    pos = 0
    for m in _filler_pattern(fillers).finditer(folded):
        pieces.append((pos, m.start()))
        pos = m.end()
    if not pieces:
        return []
    pieces.append((pos, len(folded)))
    squeezed = "".join(folded[a:b] for a, b in pieces)
    firsts = list(accumulate((b - a for a, b in pieces[:-1]), initial=0))  # each piece's offset in squeezed

    def at(i: int) -> int:  # a squeezed offset as an offset into the text
        k = bisect_right(firsts, i) - 1
        return pieces[k][0] + i - firsts[k]

    out = []
    for m in _find(index, squeezed):
        start, end = at(m.start), at(m.end - 1) + 1
        if end - start != m.end - m.start and not m.phrase.startswith("the "):
            out.append(Match(m.id, " ".join(folded[start:end].split()), start, end))
    return out


@lru_cache(maxsize=4)
def _filler_pattern(fillers: frozenset[str]) -> re.Pattern[str]:
    """Whole filler words (or numbers) between two words, with the space after them."""
    words = "|".join(re.escape(fold(w)) for w in sorted(fillers, key=len, reverse=True))
    return re.compile(r"(?<=\s)(?:" + words + r"|\d[\d,.]*\d|\d)\s+(?=\w)")


def _joined_before(text: str, start: int) -> bool:
    """Whether a phrase found at ``start`` is the end of a longer hyphened word ('for-profit' in
    'not-for-profit', 'funded' in 'under-funded'): what the word before it adds changes its meaning."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()


def _key(lookup: PhraseLookup, m: re.Match[str]) -> str | None:
    phrase = " ".join(m.group(0).split())
    return (lookup.get(phrase) or lookup.get(phrase.replace(" ", "-")) or _loose_lookup(lookup, phrase)
            or (phrase.endswith("s") and (lookup.get(phrase[:-1]) or _loose_lookup(lookup, phrase[:-1]))) or None)


def _longer_inside(pattern: re.Pattern[str], text: str, m: re.Match[str]) -> re.Match[str] | None:
    """A longer phrase that starts at a word inside the match ``m`` and runs past its end."""
    for j in (m.start() + k + 1 for k, ch in enumerate(m.group(0)[:-1]) if not ch.isalnum()):
        if text[j].isalnum():
            longer = pattern.match(text, j)
            if longer is not None and longer.end() > m.end() and longer.end() - j > m.end() - m.start():
                return longer
    return None


class PhraseLookup(dict):
    """Phrase -> id, with a second table of the phrases without hyphens or spaces (the first phrase
    of each such form wins), made on the first loose look-up."""

    _squashed: dict[str, str] | None = None

    def squashed(self) -> dict[str, str]:
        if self._squashed is None:
            table: dict[str, str] = {}
            for name, key in self.items():
                table.setdefault(_squash(name), key)
            self._squashed = table
        return self._squashed


def _squash(phrase: str) -> str:
    return re.sub(r"[-\s]", "", phrase)


def _loose_lookup(lookup: PhraseLookup, phrase: str) -> str | None:
    """The id of a phrase that differs from ``phrase`` only in hyphens and spaces."""
    return lookup.squashed().get(_squash(phrase))


@lru_cache(maxsize=8)  # a document's text is folded for proposals, verb forms, themes and actors
def fold_keep_length(text: str, *, lower: bool = True) -> str:
    """Like :func:`fold` but one output character per input character, so offsets still hold."""
    from argmap.text import _QUOTE_MAP, straighten

    fast = straighten(text)
    if lower:
        fast = fast.lower()
    if len(fast) == len(text):
        return fast  # the usual case: no character changed length
    out = []
    for c in text:
        d = c.translate(_QUOTE_MAP)
        if lower:
            d = d.lower()
        out.append(d if len(d) == 1 else c)
    return "".join(out)


SHIPPED_PREFIX = "argmap:"


def shipped_taxonomies() -> list[str]:
    """The taxonomies that ship with argmap, as ``argmap:<file>`` names for ``--taxonomy``."""
    return sorted(f"{SHIPPED_PREFIX}{p.name}" for p in (resources.files("argmap") / "data").iterdir()
                  if p.name.endswith(".toml") and p.name != "cues.toml")


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load a taxonomy file: the shipped children's social care one when ``path`` is None, another
    shipped one by its ``argmap:<file>`` name (``argmap:water_industry.toml``), else a file.

    A file must be a regular file within its size limit (:mod:`argmap.inputs`); every taxonomy must
    match the schema (:func:`argmap.schema.validate_taxonomy`); otherwise :class:`TaxonomyError`
    (a :class:`~argmap.schema.SchemaError` with one line per problem).
    """
    if path is None or str(path).startswith(SHIPPED_PREFIX):
        name = DEFAULT_TAXONOMY if path is None else str(path)[len(SHIPPED_PREFIX):]
        ref = resources.files("argmap") / "data" / name
        if "/" in name or not name.endswith(".toml") or not ref.is_file():
            raise TaxonomyError(f"no shipped taxonomy {path!s}; shipped: {', '.join(shipped_taxonomies())}")
        raw = ref.read_bytes()
        source = f"{SHIPPED_PREFIX}{name}"
    else:
        p = Path(path)
        try:
            raw = read_input(p, "taxonomy", error=TaxonomyError)
        except OSError as exc:
            raise TaxonomyError(f"cannot read taxonomy {p}: {exc.strerror or exc}") from None
        source = str(p)
    return _parsed(raw, source)


@lru_cache(maxsize=8)  # a build reads its taxonomy more than once; the same bytes give the same taxonomy
def _parsed(raw: bytes, source: str) -> Taxonomy:
    data = parse_toml(raw, source, "taxonomy")
    return taxonomy_from_dict(data, digest=hashlib.sha256(raw).hexdigest()[:16], source=source)


def taxonomy_from_dict(data: dict, *, digest: str = "", source: str = "") -> Taxonomy:
    """Build a Taxonomy from parsed TOML data; :class:`~argmap.schema.SchemaError` (one line per
    problem) when it does not match the schema."""
    problems = validate_taxonomy(data, source or "taxonomy")
    if problems:
        raise SchemaError(problems)

    def entries(key: str, alias_key: str) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        for item in data.get(key, []):
            eid = item["id"]
            label = item.get("label") or item.get("name") or eid.replace("-", " ")
            out[eid] = Entry(eid, label, tuple(item.get(alias_key, [])), type=item.get("type"),
                             keywords=tuple(k.lower() for k in item.get("keywords", [])),
                             parent=item.get("parent"), kind=item.get("kind", "policy"),
                             condition=item.get("condition", False),
                             sites=tuple(h.lower() for h in item.get("sites", [])), work=item.get("work"),
                             absorbs=tuple(w.lower() for w in item.get("absorbs", [])))
        return out

    meta = data.get("meta", {})
    return Taxonomy(
        name=str(meta.get("name", "taxonomy")),
        proposals=entries("proposal", "aliases"),
        themes=entries("theme", "terms"),
        actors=entries("actor", "aliases"),
        general_proposal=meta.get("general_proposal"),
        digest=digest,
        source=source,
    )
