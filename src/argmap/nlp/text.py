"""Text look-ups on a Doc that several rules need, worked out once per document and kept on the
Doc as plain data: the Doc's text and the taxonomy phrases found in it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from argmap.taxonomy import Match, Taxonomy


def agent_objects(verb: Token) -> list[Token]:
    """What a passive verb's 'by' phrase names ('backed by the Trust': Trust)."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def tokens(span: Doc | Span) -> list[Token]:
    """The tokens of a Doc or Span, as Token objects made once per Doc: iterating a Span builds a
    new Token object for every token on every pass, and the rules pass over each sentence often."""
    doc = span.doc if isinstance(span, Span) else span
    toks = _per_doc(_TOKENS, doc, list)
    return toks[span.start:span.end] if isinstance(span, Span) else toks


def _per_doc(table: dict, doc: Doc, make):
    """``make(doc)``, kept in ``table`` for the last few Docs: keyed by the Doc's id, with the Doc
    kept beside it so that a new Doc reusing an old id is told apart."""
    hit = table.get(id(doc))
    if hit is None or hit[0] is not doc:
        hit = table[id(doc)] = (doc, make(doc))
        if len(table) > 4:
            table.pop(next(iter(table)))
    return hit[1]


def words_at(doc: Doc, words: frozenset[str]) -> list[int]:
    """The indices of the tokens whose lemma or lower-case form is one of ``words``, found with the
    Doc's arrays rather than token by token (for passes that look at a few words of every sentence)."""
    import numpy as np

    if not words or not len(doc):
        return []
    arr = _per_doc(_FORMS, doc, lambda d: d.to_array(["LEMMA", "LOWER"]).astype("uint64"))
    wanted = _word_hashes(words)
    return [int(i) for i in np.nonzero(np.isin(arr[:, 0], wanted) | np.isin(arr[:, 1], wanted))[0]]


# id of a Doc -> (that Doc, its lemma and lower-case columns)
_FORMS: dict[int, tuple[Doc, "np.ndarray"]] = {}


@lru_cache(maxsize=64)
def _word_hashes(words: frozenset[str]):
    """The string-store hashes of ``words`` (the same in every vocabulary), as an array."""
    import numpy as np
    from spacy.strings import hash_string

    return np.array(sorted(hash_string(w) for w in words), dtype="uint64")


# id of a Doc -> (that Doc, its tokens); the Doc is kept so that a new Doc reusing an id is told apart
_TOKENS: dict[int, tuple[Doc, list[Token]]] = {}


def lemma_tokens(span: Doc | Span, words: frozenset[str]) -> list[Token]:
    """The tokens of ``span`` whose lower-cased lemma is one of ``words``, in order: the same as
    testing ``t.lemma_.lower() in words`` token by token, from an index made once per Doc (for
    rules that look at a few words of every sentence)."""
    doc = span.doc if isinstance(span, Span) else span
    index, by_words = _per_doc(_LEMMAS, doc, _lemma_index)
    found = by_words.get(words)
    if found is None:
        found = by_words[words] = sorted(i for w in words for i in index.get(w, ()))
    if isinstance(span, Span):
        found = found[bisect_left(found, span.start):bisect_left(found, span.end)]
    toks = tokens(doc)
    return [toks[i] for i in found]


def _lemma_index(doc: Doc) -> tuple[dict[str, list[int]], dict[frozenset[str], list[int]]]:
    """Lower-cased lemma -> token indices, and an empty table for the answers per word set."""
    index: dict[str, list[int]] = {}
    for t in tokens(doc):
        index.setdefault(t.lemma_.lower(), []).append(t.i)
    return index, {}


# id of a Doc -> (that Doc, (lower-cased lemma -> token indices, word set -> sorted indices))
_LEMMAS: dict[int, tuple[Doc, tuple[dict[str, list[int]], dict[frozenset[str], list[int]]]]] = {}


TEXT_KEY = "argmap_text"  # where a Doc keeps its text once built (or once checked, when read from the cache)


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once (spaCy rebuilds ``doc.text`` from its tokens on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def text_of(span: Span) -> str:
    """A Span's text, cut from the Doc's text (``span.text`` makes a Token object for each token)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_matches(doc: Doc, taxonomy: Taxonomy, kind: str, verb_heads: frozenset[str] = frozenset(),
                fillers: frozenset[str] = frozenset(), breaks: frozenset[str] = frozenset()) -> list[Match]:
    """Taxonomy matches ("proposals" or "themes") in the whole Doc, found once per document (the
    actors stage finds them first, with the lexicon's verb heads, name fillers and phrase breaks:
    "capping profits" is a profit cap, "recruit 10,000 new foster carers" is "recruit foster carers";
    with phrase breaks, a name split by words that describe its words is still the name)."""
    key = f"argmap_{kind}_matches"
    found = doc.user_data.get(key)
    if found is None:
        text = doc_text(doc)
        matched = taxonomy.find_proposals(text, verb_heads, fillers, breaks, describes_name(doc) if breaks else None) \
            if kind == "proposals" else taxonomy.find_themes(text)
        found = doc.user_data[key] = [[m.id, m.phrase, m.start, m.end] for m in matched]
    cached = _MATCHES.get((id(doc), kind))
    if cached is None or cached[0] is not found:  # the records on the Doc are the truth; this only saves work
        cached = _MATCHES[(id(doc), kind)] = (found, [Match(*m) for m in found])
        if len(_MATCHES) > 64:
            _MATCHES.pop(next(iter(_MATCHES)))
    return cached[1]


_DESCRIBING = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})


def describes_name(doc: Doc) -> Callable[[int, int, int, int], bool]:
    """A test of a name split by other words ('multi-agency safeguarding teams' for 'multi-agency
    teams', 'manage the social worker agency market' for 'manage the agency market'): the words of
    the split (offsets ``gap_start:gap_end``) hang only from each other or, as a compound or
    adjective, from a word of the name ('kinship arrangements outside the care' is no 'kinship
    care'; 'foster care must go beyond recruitment' is no 'foster care recruitment'). A possessive
    says whose it is ('a reset of the family's budget system' is no 'reset of the system'), unless
    it is a plural that says what kind ('the children's social worker agency market')."""
    def test(gap_start: int, gap_end: int, name_start: int, name_end: int) -> bool:
        gap, name = doc.char_span(gap_start, gap_end, alignment_mode="expand"), \
            doc.char_span(name_start, name_end, alignment_mode="expand")
        if gap is None or name is None:
            return False
        inside = range(gap.start, gap.end)
        return all(t.head.i in inside or name.start <= t.head.i < name.end and _describing(t) for t in gap)
    return test


def _describing(tok: Token) -> bool:
    return tok.dep_ in _DESCRIBING or tok.dep_ == "poss" and tok.tag_ == "NNS"


# (id of a Doc, kind) -> (the match records on that Doc, the same as Match objects); checked by
# identity of the records, so a new Doc reusing an old id never gets another Doc's matches
_MATCHES: dict[tuple[int, str], tuple[list, list[Match]]] = {}


def span_matches(span: Span, taxonomy: Taxonomy, kind: str) -> list[Match]:
    """Taxonomy matches inside ``span``, offsets relative to the span."""
    a, b = span.start_char, span.end_char
    return [Match(m.id, m.phrase, m.start - a, m.end - a) for m in doc_matches(span.doc, taxonomy, kind)
            if a <= m.start and m.end <= b]


def match_tokens(span: Span, m: Match) -> Span | None:
    """The tokens of a name matched inside ``span`` (``span_matches`` offsets are the span's)."""
    return span.doc.char_span(span.start_char + m.start, span.start_char + m.end, alignment_mode="expand")


def name_head(toks: Span) -> Token:
    """The noun a name heads or modifies ('Families First' in 'the Families First (FFP) programme':
    programme)."""
    head = toks.root
    while head.dep_ in {"compound", "nmod"} and head.head.i > head.i:
        head = head.head
    return head


def right_after(text: str, ends: list[int], at: int, *, words: int = 2) -> bool:
    """Whether offset ``at`` comes at most ``words`` words after one of the offsets ``ends``."""
    return any(e <= at and len(text[e:at].split()) <= words for e in ends)


def forbidden(verb: Token, prohibiting: frozenset[str]) -> bool:
    """Whether a verb stands under a prohibiting modal and 'not' ('must not face', 'should not be
    making')."""
    kids = list(verb.children)
    return any(c.dep_ == "neg" for c in kids) and any(c.dep_ == "aux" and c.lower_ in prohibiting for c in kids)


def as_clause(tok: Token) -> bool:
    """Whether ``tok`` heads an 'as' clause ('as X said', 'as some critics feared')."""
    return tok.dep_ == "advcl" and any(c.dep_ in {"mark", "prep"} and c.lower_ == "as" and c.i < tok.i
                                       for c in tok.children)


def answered_at(tok: Token, answering: frozenset[str], *, steps: int, aside_only: bool = False) -> bool:
    """Whether ``tok`` lies in what something answers: the object of 'to' or 'on' after an answering
    word ('in response to X', 'responding to X', 'commenting on X'), at most ``steps`` heads up;
    ``aside_only``: only after a noun or a participle that sets the answer aside ('response',
    '..., responding to X'; not the verb 'responded')."""
    for _ in range(steps):
        answer = tok.head.head
        aside = answer.pos_ == "NOUN" or answer.tag_ == "VBG" and answer.dep_ in {"advcl", "acl"}
        if tok.dep_ == "pobj" and tok.head.lower_ in {"to", "on"} and answer.lemma_.lower() in answering and \
                (aside or not aside_only):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def in_others_as_clause(tok: Token, is_actor, *, steps: int = 4) -> bool:
    """Whether ``tok`` lies in an 'as' clause whose subject is unnamed others, a plural that is
    nobody's own ('..., as some critics feared it would be'; not 'as my noble friend said'):
    their view, set against the sentence's. ``is_actor`` tells a name (the subject's own or one in
    apposition: 'the Member for X (Jane Doe)')."""
    for _ in range(steps):
        if tok.pos_ in {"VERB", "AUX"} and as_clause(tok):
            return _unnamed_others(next((c for c in tok.children if c.dep_ == "nsubj"), None), is_actor)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _unnamed_others(subject: Token | None, is_actor) -> bool:
    return subject is not None and subject.pos_ == "NOUN" and subject.tag_ == "NNS" and \
        not any(c.dep_ == "poss" for c in subject.children) and not any(is_actor(t) for t in subject.subtree)
