"""Actor rules: where mentions of people and organisations come from, which are kept, and how a
mention gets a role.

Mentions come from the taxonomy's known actors, the NER model's entities (repaired), proper-noun
subjects of speech verbs the NER model missed, and names next to a role. Within a document, a
surname or a titled name resolves to the full name mentioned elsewhere in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import dropwhile, takewhile

from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon
from argmap.nlp.rules import RuleTable
from argmap.nlp.state import ORG, PERSON, ActorInfo, meta
from argmap.nlp.text import agent_objects, doc_matches, doc_text, span_matches, tokens, words_at
from argmap.taxonomy import Match, Taxonomy
from argmap.text import fold, slugify

_BAD_CHARS = re.compile(r"[\n\u2022\u00b7\u25aa\u25cf|@#/\\]")
_NAME_TOKEN = re.compile(r"^[A-Z][\w'\u2019.-]*$")
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


@dataclass(frozen=True)
class Mention:
    """A candidate actor mention: a span, the kind of actor, a taxonomy key when known; a sure
    mention (a transcript's speaker line) wins over an overlapping entity."""

    span: Span
    type: str
    key: str = ""
    known: bool = False
    sure: bool = False


@dataclass
class ActorContext:
    doc: Doc
    taxonomy: Taxonomy
    lex: Lexicon

    def is_role(self, word: str) -> bool:
        return word in self.lex.role_words

    def is_org_word(self, word: str) -> bool:
        return word in self.lex.org_words

    @property
    def small_words(self) -> frozenset[str]:
        """Words a name's initials pass over ('of', 'and', 'the')."""
        return self.lex.union("markers.name_small_words", "markers.name_article")


# ---------------------------------------------------------------- where mentions come from
MENTIONS = RuleTable("actors", "mentions", "Where actor mentions come from (all apply, in order).")


@MENTIONS.rule("known-actor", "A taxonomy actor's name or alias is a mention of that actor.",
               "BASW said the plans were rushed.")
def known_actors(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    out = []
    for m in ctx.taxonomy.find_actors(doc_text(ctx.doc)):
        if ctx.taxonomy.actors[m.id].work:
            continue  # named by its work, and a speaker only where the work says something (below)
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        span = trim(span, ctx.lex) if span is not None else None
        kind = ctx.taxonomy.actors[m.id].type or ORG
        if span is not None and not (kind == ORG and earlier_holder(ctx, span)) and not _a_word_of_a_thing(ctx, span) \
                and not _another_level(ctx, span):
            out.append(Mention(span, kind, m.id, True))
    return out


def _another_level(ctx: ActorContext, span: Span) -> bool:
    """'improve local government', 'devolved governments': a one-word common-noun name qualified
    by another level or place of government is that level's body, not the actor of the name."""
    tok = span[0]
    return len(span) == 1 and tok.is_lower and any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in ctx.lex["markers.other_levels"] for c in tok.children)


def _a_word_of_a_thing(ctx: ActorContext, span: Span) -> bool:
    """'Labour shortages ...' at a sentence start: a one-word name that only modifies a common
    noun names a kind of thing, not the actor spelt the same ('Government proposals', a plan word
    after it, is still the government's)."""
    tok = span[0]
    head = tok.head
    return len(span) == 1 and tok.is_sent_start and tok.dep_ in {"compound", "amod", "nmod"} and \
        head.pos_ == "NOUN" and head.i == tok.i + 1 and \
        head.lower_ not in ctx.lex.union("nouns.plan", "nouns.ownable", "nouns.work")



@MENTIONS.rule("outlet", "The name of the outlet that publishes the page (its metadata), or its initials, written "
               "in the text, is an organisation.", "CoramQ has set up a panel. (outlet: CoramQ)")
def outlet_name(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    outlet = " ".join(str(meta(ctx.doc).get("outlet") or "").split())
    if len(outlet) < 3 or ctx.taxonomy.actor_for_name(outlet) is not None:
        return []  # a known actor is found by its own rule
    covered = _covered(found)
    out = []
    text = doc_text(ctx.doc)
    for m in re.finditer(r"(?<![\w-])" + _apostrophes_either_way(outlet) + r"(?![\w-])", text):
        span = ctx.doc.char_span(m.start(), m.end())
        if span is not None and not any(t.i in covered or t.ent_type_ in PERSON_LABELS for t in span):
            out.append(Mention(span, ORG))
    return out + _outlet_initials(ctx, outlet, text, covered)


def _apostrophes_either_way(name: str) -> str:
    """A pattern for a name whose apostrophes may be straight or curly ('Children's', 'Children’s')."""
    return "".join("['\u2019]" if ch in "'\u2019" else re.escape(ch) for ch in name)


def _outlet_initials(ctx: ActorContext, outlet: str, text: str, covered: set[int]) -> list[Mention]:
    """'NLCBF' on the National Leaving Care Benchmarking Forum's page: the outlet's initials."""
    out = []
    for m in re.finditer(r"(?<![\w-])[A-Z]{3,}(?![\w-])", text):
        span = ctx.doc.char_span(m.start(), m.end())
        if span is not None and not any(t.i in covered for t in span) and m.group() not in outlet.split() \
                and abbreviates(m.group(), outlet, ctx.small_words):
            out.append(Mention(span, ORG, sure=True))
    return out


@MENTIONS.rule("signatory", "A line of capitalised words in the list after a letter's sign-off ('Yours sincerely,') "
               "names a signatory.", "Yours sincerely,\nHearth Alliance\nRosa Pell")
def signatory_lines(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    text = doc_text(ctx.doc)
    at = sign_off_end(text, ctx.lex)
    if at is None:
        return []
    covered = _covered(found)
    out = []
    for start, body in signature_lines(text, at, ctx.lex):
        span = ctx.doc.char_span(start, start + len(body), alignment_mode="expand") if _signs(ctx, body) else None
        if span is None or any(t.i in covered for t in span):
            continue
        person = any(t.ent_type_ in PERSON_LABELS for t in span) and not any(ctx.is_org_word(t.lower_) for t in span)
        out.append(Mention(span, PERSON if person else ORG))
    return out


def _signs(ctx: ActorContext, body: str) -> bool:
    """Whether a line under a sign-off is a signatory's name: capitalised name words and connectors
    ('Age & Care Alliance', 'Centre for Ageing Better'; a line of prose names no one), not only role
    words ('Chief Executive' under the name is the signatory's title)."""
    joins = ctx.lex["layout.organisation_connectors"]
    words = body.split()
    if not all(w.lower() in joins or name_word(w.replace("&", ""), ctx.lex) for w in words):
        return False
    return not all(ctx.is_role(w.lower()) or w.lower() in joins for w in words)


def sign_off_end(text: str, lex: Lexicon) -> int | None:
    """Where the line of a letter's sign-off ('Yours sincerely,') ends, or None."""
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        if _sign_off(line, lex):
            return pos
    return None


def _sign_off(line: str, lex: Lexicon) -> bool:
    return line.strip().rstrip(",:.").strip().lower() in lex["layout.sign_offs"]


def signature_lines(text: str, at: int, lex: Lexicon) -> list[tuple[int, str]]:
    """(offset, text) of the short lines after a sign-off, up to the first line of prose."""
    out = []
    pos = at
    for line in text[at:].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.strip()
        if not body or _sign_off(body, lex):
            continue
        if len(body.split()) > 8 or body.endswith((".", "?", "!")):
            break
        out.append((start + len(line) - len(line.lstrip()), body))
    return out


@MENTIONS.rule("entity", "A PERSON or ORG entity (repaired by the entity repairs) is a mention.",
               "Jane Doe of Rights4Kids said the plan was rushed.")
def entities(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for ent in ctx.doc.ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS | PLACE_LABELS:
            continue
        span = trim(ent, ctx.lex)
        if span is not None:
            out += ENTITY_REPAIRS.first(ctx, span, ent.label_) or []
    return out


@MENTIONS.rule("speech-subject", "A proper-noun subject of a speech verb is a mention, even when NER missed it.",
               "Halvergate warned that the cap would fail.")
def speech_subjects(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    out = []
    toks = tokens(ctx.doc)
    for tok in (toks[i] for i in words_at(ctx.doc, frozenset(ctx.lex.speech_verbs))):
        if tok.lemma_.lower() not in ctx.lex.speech_verbs:
            continue
        for child in tok.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or child.pos_ != "PROPN" or child.i in covered:
                continue
            if ctx.is_role(child.lower_) or any(t.i in covered for t in _own_phrase(child)):
                continue  # "Director of X at Y, Jane Doe told": the name is elsewhere in the phrase
            span = trim(ctx.doc[_named_after_start(ctx, child):child.i + 1], ctx.lex)
            if span is not None and plausible(ctx, span):
                out.append(_subject_mention(ctx, span))
    return out


def _named_after_start(ctx: ActorContext, tok: Token) -> int:
    """Where a subject's proper name starts; for an organisation word after a proper name in the
    possessive ('St Ann's Fellowship'), where that name starts."""
    start = _proper_start(ctx.doc, tok.i)
    doc = ctx.doc
    if start == tok.i and start > 1 and ctx.is_org_word(tok.lower_) and doc[start - 1].tag_ == "POS" and \
            doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper():
        return _proper_start(doc, start - 2)
    return start


def _own_phrase(tok: Token) -> list[Token]:
    """A subject's phrase without what a comma sets beside it ('Jane Doe, chief executive of the
    Trust,'): the organisation there is no sign that the name is elsewhere in the phrase."""
    beside = {t.i for c in tok.rights if c.dep_ in {"appos", "conj"} and
              any(p.text == "," for p in tok.doc[tok.i + 1:c.left_edge.i]) for t in c.subtree}
    return [t for t in tok.subtree if t.i not in beside]


# a capital after three or more small letters ('WildFish', 'CoramBAAF'), not a surname's 'Mac'/'Mc'
_MIXED_CASE = re.compile(r"^[A-Z][a-z]{3,}[A-Z][A-Za-z]*$")


@MENTIONS.rule("mixed-case-subject", "A word with capitals inside it ('CoramBAAF', 'WildFish') as the subject of a "
               "verb is an organisation, even when NER missed it.", "CoramBAAF has set up a new committee.")
def mixed_case_subjects(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    out = []
    for tok in tokens(ctx.doc):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "PROPN" and tok.i not in covered and \
                _MIXED_CASE.match(tok.text):
            span = ctx.doc[tok.i:tok.i + 1]
            if plausible(ctx, span):
                out.append(Mention(span, ORG))
    return out


def _subject_mention(ctx: ActorContext, span: Span) -> Mention:
    """A speech verb's proper-noun subject as a mention: an organisation when long, when an
    organisation word is in it or when it ends in a place ('Adoption UK'), named in full when its
    bracketed initials spell more."""
    span = spelt_back(ctx, span) or spelt_forward(ctx, span) or person_tail(span) or span
    org = len(span.text.split()) > 3 or any(ctx.is_org_word(t.lower_) for t in span) or _ends_in_place(span) or \
        _initials(span)  # (words, not tokens: 'Jane Sacks-Jones' is two)
    return Mention(span, ORG if org else PERSON)


def _one_proper_name(span: Span) -> bool:
    """A name that is one capitalised word tagged as a proper noun ('Unison', 'Barnardo')."""
    return len(span) == 1 and span.text[:1].isupper() and span.text.isalpha() and span[0].pos_ == "PROPN"


def _stands_alone(tok: Token) -> bool:
    """Whether a proper noun is a name by itself: not the first word of a compound ('Kinship care'),
    nor the last of a longer name ('Ada Lorne'), nor after an article ('the Lorne')."""
    return tok.pos_ == "PROPN" and tok.dep_ != "compound" and \
        not any(c.dep_ in {"compound", "det"} for c in tok.children)


def _initials(span: Span) -> bool:
    """A name that is one word in capitals ('TACT', 'ADCS'): initials, an organisation's."""
    return len(span) == 1 and span.text.isalpha() and span.text.isupper() and len(span.text) >= 2


@MENTIONS.rule("work-speaks", "A review or report through which a taxonomy actor speaks (its 'work'), named as the "
               "subject of a speech verb, its agent ('recommended by the Hearth Review') or the owner of a plan "
               "noun ('the Hearth Review's recommendation'), is a mention of that actor.",
               "The Hearth Review recommends a duty to house children near home.")
def work_speaks(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    works, only = page_works(ctx)
    if not works:
        return []
    toks = tokens(ctx.doc)
    out = []
    for word in (toks[i] for i in words_at(ctx.doc, frozenset(ctx.lex.speech_verbs) | ctx.lex["nouns.plan"])):
        for subj in _sayers(ctx, word):
            out += _work_mention(ctx, subj, works, only)
    return out


def page_works(ctx: ActorContext) -> tuple[list[Match], Match | None]:
    """The names of works (reviews, commissions: a taxonomy actor's ``work``) the page holds, and
    the first of them when they all name one work, else None."""
    through = ctx.taxonomy.speakers_through
    works = [m for m in doc_matches(ctx.doc, ctx.taxonomy, "proposals") if m.id in through] if through else []
    return works, works[0] if len({m.id for m in works}) == 1 else None


def _work_mention(ctx: ActorContext, subj: Token, works: list, only) -> list[Mention]:
    """The mention a sayer makes: a work's name it is part of, or 'the report' pointing to the one work."""
    through = ctx.taxonomy.speakers_through
    m = next((m for m in works if m.start <= subj.idx < m.end), None)
    if m is None:
        return [Mention(ctx.doc[subj.i:subj.i + 1], ORG, through[only.id], True)] \
            if only is not None and _the_work(ctx, subj, only) else []
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return [Mention(span, ORG, through[m.id], True)] if span is not None else []


def _the_work(ctx: ActorContext, subj: Token, work) -> bool:
    """'the review', 'the report': the head noun of the one work on the page, a work noun in its name
    ('the review' for 'the Hearth Review of Family Courts'), or what such a work puts out, with
    'the', points back to it."""
    words = [w.lower() for w in work.phrase.split()]
    heads = {words[-1], *(w for w in words if w in ctx.lex["nouns.work"]), *ctx.lex["nouns.work_output"]}
    return subj.pos_ == "NOUN" and subj.lemma_.lower() in heads and \
        any(c.dep_ == "det" and c.lower_ in ctx.lex["markers.definite"] for c in subj.children)


def _sayers(ctx: ActorContext, word: Token) -> list[Token]:
    """Who a word says says something: the subject of a speech verb and the agent of a passive one
    ('recommended by X'); the owner of a plan noun ('X's recommendation')."""
    if word.lemma_.lower() in ctx.lex.speech_verbs and word.pos_ in {"VERB", "AUX"}:
        return [c for c in word.children if c.dep_ == "nsubj"] + agent_objects(word)
    if word.lower_ in ctx.lex["nouns.plan"] and word.pos_ in {"NOUN", "PROPN"}:
        return [c for c in word.children if c.dep_ == "poss"]
    return []


@MENTIONS.rule("titled-name", "A title ('Lord', 'Baroness', 'Dr', 'Cllr') before one to three capitalised proper nouns "
               "is a person, even when NER missed it.", "For Lord Halvergate, the amendment was a first step.")
def titled_names(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    toks = tokens(ctx.doc)
    out = []
    for i in words_at(ctx.doc, frozenset(ctx.lex.titles)):
        title = toks[i]
        if not title.is_title or title.lower_.rstrip(".") not in ctx.lex.titles or i in covered:
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and _bare_name_word(ctx, toks[j]) and not ctx.is_role(toks[j].lower_) \
                and j not in covered:
            j += 1
        if j > i + 1 and (j == len(toks) or not toks[j].is_title or toks[j].is_sent_start):
            span = ctx.doc[i:j]
            if plausible(ctx, span):
                out.append(Mention(span, PERSON))
    return out


@MENTIONS.rule("collective-name", "Capitalised words just before a lower-case word for a group of organisations "
               "('the Fair Start coalition') name an organisation, that word included.",
               "The Fair Start coalition said the plan was late.")
def collective_names(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    doc = ctx.doc
    out = []
    for i in words_at(doc, frozenset(ctx.lex["nouns.collective"])):
        j = i
        while j > doc[i].sent.start and doc[j - 1].is_title and doc[j - 1].pos_ != "DET" and j - 1 not in covered:
            j -= 1
        if doc[i].is_lower and i not in covered and i - j >= 1 and plausible(ctx, span := doc[j:i + 1]):
            out.append(Mention(span, ORG))
    return out


@MENTIONS.rule("initialled-body", "Capitalised words ending in a word for a body ('Alliance', 'Trust') and followed by "
               "the initials they spell in brackets ('the Fair Start Alliance (FSA)') name an organisation, there "
               "and wherever the name stands again, even when NER missed it.", "The Fair Start Alliance (FSA) is a group of charities.")
def initialled_bodies(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    doc = ctx.doc
    bodies = ctx.lex["layout.body_names"]
    out = []
    for i in range(1, len(doc) - 2):
        head = doc[i - 1]
        if doc[i].text != "(" or not head.is_title or head.lower_ not in bodies or i - 1 in covered:
            continue
        fuller = spelt_back(ctx, doc[i - 1:i])
        if fuller is None or any(t.i in covered for t in fuller) or not plausible(ctx, fuller):
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(fuller.text)}(?![\w-])", doc_text(doc)):
            span = doc.char_span(hit.start(), hit.end())  # the name again, wherever it stands
            if span is not None and not any(t.i in covered for t in span):
                out.append(Mention(span, ORG))
                covered.update(range(span.start, span.end))
    return out


@MENTIONS.rule("named-with-role", "Two or three capitalised proper nouns next to a role are a person.",
               "The panel heard from Jo Bell, director of Kinship Now.")
def named_with_role(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    doc = ctx.doc
    toks = tokens(doc)
    out = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and j - i < 3 and _bare_name_word(ctx, toks[j], later=j > i) and j not in covered:
            j += 1
        if j - i >= 2:
            span = doc[i:j]
            if looks_like_person(ctx, span) and plausible(ctx, span):
                out.append(Mention(span, PERSON))
            i = j
        else:
            i += 1
    return out


def _bare_name_word(ctx: ActorContext, tok, *, later: bool = False) -> bool:
    """A word of a name: a capitalised proper noun; after the first, a capitalised common noun too
    (the tagger reads the surname 'Waters' in 'Rita Waters' as the noun)."""
    return (tok.pos_ == "PROPN" or later and tok.pos_ == "NOUN") and tok.is_title and tok.is_alpha and \
        not ctx.is_org_word(tok.lower_)


def _covered(found: list[Mention]) -> set[int]:
    return {i for m in found for i in range(m.span.start, m.span.end)}


def _proper_start(doc: Doc, i: int) -> int:
    """Where the proper name ending at ``i`` starts, over a hyphen inside it ('Sacks-Jones')."""
    while i > 0:
        if doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
            i -= 1
        elif i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and \
                doc[i - 2].pos_ == "PROPN" and doc[i - 2].text[:1].isupper():
            i -= 2
        else:
            break
    return i


@MENTIONS.rule("speaker-line", "A transcript line that is only a person's name with its decorations "
               "('Jane Doe Portrait Jane Doe (Lab)', 'Jane Doe:', 'Moved by Lord Doe') names a person.",
               "Jane Doe (Lab)\nMy Lords, I welcome this clause.")
def speaker_lines(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    out = []
    text = doc_text(ctx.doc)
    pos = 0
    lines = text.splitlines(keepends=True)
    for k, line in enumerate(lines):
        over_party = _name_over_party(lines, k, ctx.lex)
        name = speaker_name(line, ctx.lex) or over_party
        span = ctx.doc.char_span(pos + name[0], pos + name[1], alignment_mode="expand") if name else None
        span = trim(span, ctx.lex) if span is not None else None
        # a name line with only a colon ('Next Steps:') must also be a name to the NER model
        if span is not None and (over_party or _decorated(line, ctx.lex) or any(t.ent_type_ == "PERSON" for t in tokens(span))):
            out.append(Mention(span, PERSON, sure=True))
        pos += len(line)
    return out


def _name_over_party(lines: list[str], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """'Jane Doe' on a line of its own with 'Lab' on the next: where the name is on its line."""
    body = lines[k].rstrip()
    following = lines[k + 1].strip().lower() if k + 1 < len(lines) else ""
    words = body.split()
    if following not in lex["layout.party_labels"] or not 2 <= len(words) <= 4 or not _name_words(words, lex):
        return None
    start = len(body) - len(body.lstrip())
    return start, len(body)


@MENTIONS.rule("named-again", "An organisation that speaks on the page under its initials ('TACT responds'), or "
               "anyone who speaks under a one-word proper name ('Unison said'), is a mention wherever that name "
               "stands again as a name by itself (not in a compound or a longer name, not after an article), even "
               "where the tagger missed it.",
               "TACT responds to the review. TACT, the fostering charity, broadly welcomes it.")
def named_again(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    text = doc_text(ctx.doc)
    named: dict[str, Mention] = {}
    for m in found:
        name = m.span.text
        root = m.span.root
        if (m.type == ORG and _initials(m.span) or _one_proper_name(m.span)) and \
                root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in ctx.lex.speech_verbs:
            named.setdefault(name, m)
    out = []
    for name, m in named.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = ctx.doc.char_span(hit.start(), hit.end())
            if span is not None and not any(t.i in covered for t in span) and \
                    (_initials(span) or _stands_alone(span.root)):
                out.append(Mention(span, m.type, m.key, m.known))
                covered.update(range(span.start, span.end))
    return out


@MENTIONS.rule("letterhead", "A short line by itself among a page's first lines, above its first sentence, of "
               "capitalised words ending in an organisation word, is an organisation's name, even where the tagger "
               "missed it.",
               "Hearth Carers Alliance\n\nWe welcome the plan.")
def letterhead_lines(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    return [Mention(span, ORG) for _, span in _opening_lines(ctx)
            if not any(t.i in covered for t in span) and letterhead_name(ctx, span)]


@MENTIONS.rule("document-by-line", "Among a page's first lines, a line naming the page's document and whose it is "
               "('Written evidence submitted by X', 'Response from X'): the capitalised words after 'by' or 'from' "
               "to the line's end (or a comma or bracket) are the name of whoever wrote it, even where the tagger "
               "missed it.",
               "Written evidence submitted by Just for Kids Law\n\nWe welcome the plan.")
def document_by_lines(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    covered = _covered(found)
    out = []
    for _, _, span in _first_lines(ctx):
        name = _authored_name(ctx, span) if span is not None else None
        if name is not None and not any(t.i in covered for t in name) and plausible(ctx, name):
            person = plain_name_words(ctx, name) and not any(ctx.is_org_word(t.lower_) for t in name)
            out.append(Mention(name, PERSON if person else ORG))
    return out


def _first_lines(ctx: ActorContext) -> Iterator[tuple[int, str, Span | None]]:
    """A page's first non-empty lines (as many as a letterhead may be among): each with its place
    among them (1 for the first), its text and its span."""
    pos = lines = 0
    for line in doc_text(ctx.doc).splitlines(keepends=True):
        body = line.strip()
        start = pos + line.index(body) if body else pos
        pos += len(line)
        if not body:
            continue
        lines += 1
        if lines > LETTERHEAD_LINES:
            break
        span = ctx.doc.char_span(start, start + len(body), alignment_mode="contract")
        yield lines, body, span if span is not None and len(span) else None


def _authored_name(ctx: ActorContext, line: Span) -> Span | None:
    """The name after 'by'/'from' on a line that names a document of its own ('evidence submitted by
    X'): capitalised words and small words, up to a comma, a bracket or the line's end."""
    words = [t for t in tokens(line) if not t.is_space]
    at = _authored_at(ctx, words) if len(words) <= DOCUMENT_LINE_WORDS else None  # else a paragraph
    if at is None:
        return None
    name = list(takewhile(lambda t: not t.is_punct and (t.is_title or t.lower_ in ctx.small_words), words[at + 1:]))
    rest = words[at + 1 + len(name):]
    name = list(dropwhile(lambda t: t.lower_ in ctx.small_words, name))  # 'by the Association'
    if rest and rest[0].text not in {",", "("} or len(name) < 2 or not name[-1].is_title:
        return None  # the name runs to the line's end, a comma or a bracket
    return line.doc[name[0].i:name[-1].i + 1]


def _authored_at(ctx: ActorContext, words: list[Token]) -> int | None:
    """Where 'by' or 'from' follows a document word on a line ('evidence submitted by')."""
    documents, authored = ctx.lex["nouns.self_document"], ctx.lex["markers.authored_by"]
    return next((i for i, t in enumerate(words) if t.lower_ in authored and
                 any(w.lower_ in documents for w in words[:i])), None)


@MENTIONS.rule("byline", "A line by itself among a page's first lines, under the first and above the first "
               "sentence, of two or three capitalised name words, on a page that speaks as 'I', is its writer's "
               "name, even where the tagger missed it or took the line for a heading.",
               "Open Day\n\nIvy Marsh\n\nI chaired the launch. I worry about the plan.")
def byline_lines(ctx: ActorContext, found: list[Mention]) -> list[Mention]:
    if sum(1 for sent in ctx.doc.sents if any(t.text == "I" and _unquoted(t) for t in sent)) < 2:
        return []
    covered = _covered([m for m in found if m.type != PERSON])
    return [Mention(span, PERSON) for line, span in _opening_lines(ctx)
            if line > 1 and not any(t.i in covered for t in span) and _name_line(ctx, span)]  # under the title


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _unquoted(tok: Token) -> bool:
    """Whether a word is outside quotation marks in its sentence (an even number of them before it)."""
    return sum(t.text in QUOTE_MARKS for t in tok.sent if t.i < tok.i) % 2 == 0


def _name_line(ctx: ActorContext, span: Span) -> bool:
    """Plain name words and nothing else, none a title or role word ('Parents Heard' is no name)."""
    return plain_name_words(ctx, span) and not any(t.lower_ in ctx.lex.titles or ctx.is_role(t.lower_) for t in span) \
        and not span_matches(span, ctx.taxonomy, "proposals")


def _opening_lines(ctx: ActorContext) -> Iterator[tuple[int, Span]]:
    """The short lines among a page's first non-empty lines, above its first sentence, each with
    its place among the non-empty lines (1 for the first)."""
    for place, body, span in _first_lines(ctx):
        if body.endswith((".", "!", "?")):
            break  # the body has begun: a letterhead or a byline is above it
        if span is not None and len(body.split()) <= HEADING_WORDS:
            yield place, span


#: How many words a line naming a document and its writer has at most ('Written evidence submitted by X').
DOCUMENT_LINE_WORDS = 16
#: How many of a page's first non-empty lines a letterhead may be among; how many words a heading has at most.
LETTERHEAD_LINES = 4
HEADING_WORDS = 6

_PARENS = re.compile(r"\s*\((?=[A-Z0-9])[^()]*\)")  # a label in capitals: "(Lab)", "(Leeds North)", not "(news from ...)"


def speaker_name(line: str, lex: Lexicon) -> tuple[int, int] | None:
    """Where the name is on a transcript speaker line ("Jane Doe Portrait Jane Doe (Lab)",
    "Jane Doe:", "Moved by The Earl of Doe"), as offsets into the line, or None."""
    body = line.rstrip()
    if (twice := _name_given_twice(body, lex)) is not None:
        return twice
    if (office := _office_holder(body, lex)) is not None:
        return office
    if (portrait := _name_over_portrait(body, lex)) is not None:
        return portrait
    if not body.strip() or len(body) > 90:
        return None
    decorated = body.endswith(":")
    body = body.removesuffix(":")
    if _PARENS.search(body):
        decorated = True
        body = _PARENS.sub(lambda m: " " * len(m.group(0)), body)
    start, end = len(body) - len(body.lstrip()), len(body.rstrip())
    for phrase in lex.ordered("layout.speaker_decorations"):
        m = re.search(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", body[start:end])
        if m is None:
            continue
        decorated = True
        before, after = (start, start + m.start()), (start + m.end(), end)
        start, end = before if body[before[0]:before[1]].strip() else after
        start, end = start + len(body[start:end]) - len(body[start:end].lstrip()), len(body[:end].rstrip())
    words = body[start:end].split()
    if not decorated and not (words and words[0].lower() in lex["nouns.peerage"]):
        return None
    return (start, end) if _name_words(words, lex) else None


_HOLDER_IN_BRACKETS = re.compile(r"^(\s*)(.+?) \(([^()]+)\)$")


def _office_holder(body: str, lex: Lexicon) -> tuple[int, int] | None:
    """'The Minister for Children and Families (Jane Doe)': an office, then its holder's name in
    brackets, as a record of debates heads a minister's turn; where the name is."""
    m = _HOLDER_IN_BRACKETS.match(body) if len(body) <= 150 else None
    if m is None or not _name_words(m.group(3).split(), lex):
        return None
    office = m.group(2).split()
    connectors = lex["layout.organisation_connectors"]
    if office[0] != "The" or not all(w[:1].isupper() or w in connectors for w in office):
        return None
    # an office word: 'The Care Review (Final Report)' is no office and its holder
    words = re.findall(r"[a-z]+", m.group(2).lower())
    return m.span(3) if any(w in lex["actors.role_words"] for w in words) else None


def _name_over_portrait(body: str, lex: Lexicon) -> tuple[int, int] | None:
    """'Jane Doe Portrait The Parliamentary Under-Secretary of State for Education (Jane Doe)': a name,
    then a decoration (a picture's caption), then however long an office: where the name is."""
    low = body.lower()
    for phrase in lex.ordered("layout.speaker_decorations"):
        m = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low)
        if m is None or m.start() == 0:
            continue
        start = len(body) - len(body.lstrip())
        end = len(body[:m.start()].rstrip())
        if _name_words(body[start:end].split(), lex):
            return start, end
    return None


def _name_given_twice(body: str, lex: Lexicon) -> tuple[int, int] | None:
    """'Photo of Jane Doe Jane Doe Labour, Leeds 2:15, 28 January': after a decoration, a name given
    twice (a picture's caption, then the name) and whatever follows (party, role, time)."""
    low = body.lower()
    lead = next((len(p) for p in lex.ordered("layout.speaker_decorations") if low.lstrip().startswith(p + " ")), None)
    if lead is None:
        return None
    at = len(body) - len(body.lstrip()) + lead
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", body[at:])]
    words = [body[at + a:at + b] for a, b in spans]
    for k in (2, 3, 4):
        if len(words) >= 2 * k and words[:k] == words[k:2 * k] and _name_words(words[:k], lex):
            return at + spans[0][0], at + spans[k - 1][1]
    return None


def _decorated(line: str, lex: Lexicon) -> bool:
    """A speaker line marked by more than a colon: decorations, a party in brackets, a peer's title."""
    low = line.strip().lower()
    return bool(_PARENS.search(line)) or low.split()[0] in lex["nouns.peerage"] or any(
        re.search(rf"(?<!\w){re.escape(p)}(?!\w)", low) for p in lex.ordered("layout.speaker_decorations"))


def _name_words(words: list[str], lex: Lexicon) -> bool:
    if not 2 <= len(words) <= 6 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(name_word(w, lex) for w in words)


def name_word(word: str, lex: Lexicon) -> bool:
    """A word that may stand in a name: capitalised letters (hyphens and apostrophes aside) or a
    lower-case connector ('of', 'the')."""
    return word[:1].isupper() and word.replace("-", "").replace("'", "").replace("\u2019", "").isalpha() \
        or word.lower() in lex["layout.name_connectors"]


# ---------------------------------------------------------------- repairs of NER entities
@lru_cache(maxsize=1 << 16)
def abbreviates(short: str, full: str, small: frozenset[str] = frozenset()) -> bool:
    """Whether ``short`` is ``full`` by its initials ('ADCS'; an acronym in the full name counts
    whole: 'APPGAP' for 'APPG for Adoption and Permanence'), by the acronym that heads it ('APPG'
    for 'APPG for Adoption and Permanence'), by the first letters of each of its words ('Lib Dem'
    for 'Liberal Democrats'; small words of the full name aside), or spelt with other punctuation
    ('Childrens' for "Children's"; a leading small word aside)."""
    all_words = re.findall(r"[\w'’]+", full)
    words = [w for w in all_words if w.lower() not in small]
    parts = short.replace(".", "").split()
    if len(words) < 2 or short == full:
        return False
    if letters(bare_name(short, small)) == letters(bare_name(full, small)):
        return True  # 'Childrens Services' for "Children's Services"
    if len(parts) == 1 and parts[0].isupper():
        return _initials_of(parts[0], words, all_words, small)
    return len(parts) == len(words) and all(
        len(p) >= 3 and w.lower().startswith(p.lower().rstrip("s")) and w.lower() != p.lower() for p, w in zip(parts, words))


def _initials_of(short: str, words: list[str], all_words: list[str], small: frozenset[str]) -> bool:
    """Whether capitals are a name's initials ('ADCS'), with an acronym inside it counted whole
    ('APPGAP': 'APPG for Adoption and Permanence'), or the acronym heading it ('APPG': 'APPG for X')."""
    if len(short) == len(words) and short.lower() == "".join(w[0].lower() for w in words):
        return True
    if short.lower() == "".join(w if w.isupper() else w[0] for w in words).lower():
        return True
    return len(all_words) > 2 and all_words[0] == short and all_words[1].lower() in small


def bare_name(name: str, articles: frozenset[str]) -> str:
    """A name without a leading article ('The Fostering Network' -> 'Fostering Network')."""
    words = name.split()
    return " ".join(words[1:] if words[:1] and words[0].lower() in articles else words)


def letters(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


ENTITY_REPAIRS = RuleTable("actors", "entity-repairs",
                           "How an entity becomes mentions (the first rule that answers decides).")


@ENTITY_REPAIRS.rule("owner-before-possessive", "An organisation entity that runs on over the possessive of a name "
                     "ending in an organisation word ('Carers Union's Statement on the Plans') is the owner.",
                     "Carers Union's Statement on the Government's Plans")
def owner_before_possessive(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in ORG_LABELS:
        return None
    joins = ctx.lex.union("layout.name_connectors", "markers.name_joins")
    for t in span[1:-1]:
        if t.tag_ == "POS" and ctx.is_org_word(t.nbor(-1).lower_):
            owner = span.doc[span.start:t.i]
            return [Mention(owner, ORG)] if plausible(ctx, owner) else []
        if t.is_lower and t.lower_ not in joins:
            break  # past the name ('... Statement on Government's Plans')
    return None


@ENTITY_REPAIRS.rule("implausible", "An entity that is no plausible actor's name is no mention.",
                     "Friday Briefing Notes on the Plans")
def implausible_entity(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    return None if plausible(ctx, span) else []


@ENTITY_REPAIRS.rule("place-tag-person", "A place tag ending in two capitalised words after a preposition is a person.",
                     "The commissioner for England Anne Longfield said it was overdue.")
def place_tag_person(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in PLACE_LABELS:
        return None
    tail = person_tail(span, label)
    return [Mention(tail, PERSON)] if tail is not None else []


@ENTITY_REPAIRS.rule("portfolio", "A person or organisation entity right after a role and 'for' is a place or a "
                     "portfolio ('the MP for Whitehaven'); so is an organisation entity right after a lower-case role "
                     "word ('cabinet member Children's Services').", "She became the MP for Whitehaven and Workington.")
def portfolio(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    doc = span.doc
    start = span.start
    if start >= 2 and doc[start - 1].lower_ == "and" and doc[start - 2].ent_type_:
        start -= 2  # 'the MP for Whitehaven and Workington': the second place as well
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
    if label not in PLACE_LABELS and start >= 2 and doc[start - 1].lower_ in ctx.lex["markers.portfolio"] \
            and ctx.is_role(doc[start - 2].lower_):
        return []
    if label in ORG_LABELS and start >= 1 and doc[start - 1].is_lower and ctx.is_role(doc[start - 1].lower_):
        return []  # 'cabinet member Children's Services at X': the member's brief, written without 'for'
    return None


@ENTITY_REPAIRS.rule("named-before-role", "A person entity that runs on over a role word after the name ('Jo Bell Head' "
                     "in 'Jo Bell Head of Policy at X said') is the person named before the role.",
                     "Jo Bell Head of Policy at Kinship Now said the plan was late.")
def named_before_role(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in PERSON_LABELS:
        return None
    end = span.end
    letters = ctx.lex.union("actors.honours", "actors.post_nominal")  # 'Jane Roe MP': her name and her office
    while end - span.start > 2 and ctx.is_role(span.doc[end - 1].lower_) and \
            span.doc[end - 1].lower_.replace(".", "") not in letters:
        end -= 1
    name = span.doc[span.start:end]
    words = name.text.split()  # 'Jo Bell-Marsh': a hyphenated surname is one word
    if end == span.end or not 2 <= len(words) <= 3 or \
            not all(w[:1].isupper() and not ctx.is_org_word(w.lower()) for w in words):
        return None
    return [Mention(name, PERSON)]


@ENTITY_REPAIRS.rule("unit-at-org", "An organisation entity naming a unit at an organisation ('Policy Development at "
                     "Kinship Now') is the organisation after 'at'.",
                     "Jo Bell, Head of Policy Development at Kinship Now, said the plan was late.")
def unit_at_org(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in ORG_LABELS:
        return None
    at = next((t.i for t in tokens(span)[1:-1] if t.lower_ == "at"), None)
    if at is None:
        return None
    org = trim(span.doc[at + 1:span.end], ctx.lex)
    return [Mention(org, ORG)] if org is not None and plausible(ctx, org) else []


@ENTITY_REPAIRS.rule("remit-name", "A body's name ending in an organisation word runs on over 'on the' and the "
                     "capitalised words after it ('Commission' + 'on the Water Sector').",
                     "The People's Commission on the Water Sector published its report.")
def remit_name(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    doc = span.doc
    end = span.end
    if label not in ORG_LABELS or not ctx.is_org_word(doc[end - 1].lower_) or end + 2 >= len(doc):
        return None
    if doc[end].lower_ not in ctx.lex["markers.remit_joins"] or \
            doc[end + 1].lower_ not in ctx.lex["markers.remit_determiners"]:
        return None
    stop = end + 2
    while stop < len(doc) and doc[stop].is_title and not doc[stop].is_sent_start:
        stop += 1
    return [Mention(doc[span.start:stop], ORG)] if stop > end + 2 else None


@ENTITY_REPAIRS.rule("cut-name", "An organisation name cut after 'of', 'for' or 'and' runs on over the capitalised "
                     "words after it ('Association of Directors of' + 'Children's Services'); a name-like 'First Last' "
                     "before 'of' and a known actor is a person of that actor.",
                     "The Association of Directors of Children's Services said it was late.")
def cut_name(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    doc = span.doc
    joins = ctx.lex.union("layout.name_connectors", "markers.name_joins")
    if label not in ORG_LABELS or span.end >= len(doc):
        return None
    end = span.end
    if doc[span.end - 1].lower_ not in joins:
        if doc[end].lower_ not in joins:
            return None
        end += 1  # 'Association of Directors' + 'of Children's Services'
    start_of_rest = end
    while end < len(doc) and (doc[end].is_title or doc[end].text[:1] in "'\u2019") and not doc[end].is_sent_start:
        end += 1
    if end > start_of_rest and _person_of_known(ctx, span, doc[start_of_rest:end]):
        return [Mention(span, PERSON)]  # 'Sophie Vale of We Own It': a person of a known organisation
    return [Mention(doc[span.start:end], ORG)] if end > start_of_rest else None


def _person_of_known(ctx: ActorContext, span: Span, rest: Span) -> bool:
    """A name-like span ('First Last') followed by 'of' and a taxonomy actor's name."""
    head = [t for t in tokens(span) if t.lower_ not in ctx.lex.union("layout.name_connectors", "markers.name_joins")]
    return _name_like(ctx, head) and ctx.taxonomy.actor_for_name(rest.text) is not None


def _name_like(ctx: ActorContext, toks: Span | list[Token]) -> bool:
    """Two or three capitalised words, none of them an organisation word: a person's name."""
    return 2 <= len(toks) <= 3 and all(t.is_alpha and t.is_title and not ctx.is_org_word(t.lower_) for t in toks)


@ENTITY_REPAIRS.rule("peer-of-place", "A peer's title, name and territorial designation ('Baroness Hale of Richmond') "
                     "tagged as one entity is that one person.",
                     "Baroness Hale of Richmond gave the lecture.")
def peer_of_place(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in PERSON_LABELS | ORG_LABELS or span[0].lower_ not in ctx.lex["nouns.peerage"]:
        return None
    return [Mention(span, PERSON)] if peer_place_end(ctx, span.doc, span.start) == span.end else None


def with_designation(ctx: ActorContext, m: Mention) -> Mention:
    """A peer's mention ('Lord Watson') runs on over the territorial designation after it ('of
    Invergowrie'), the title before the name included."""
    if m.type != PERSON or m.known or m.sure:
        return m
    start = m.span.start - 1 if m.span.start > 0 and m.span.doc[m.span.start - 1].lower_ in ctx.lex["nouns.peerage"] \
        else m.span.start
    end = peer_place_end(ctx, m.span.doc, start)
    return replace(m, span=m.span.doc[start:end]) if end is not None and end > m.span.end else m


def peer_place_end(ctx: ActorContext, doc: Doc, start: int) -> int | None:
    """Where a peer's name that opens at ``start`` ends when it has a territorial designation
    ('Lord Watson of Invergowrie': a peerage title, one or two capitalised names, 'of' and one or
    two capitalised place words), else None."""
    toks = tokens(doc)
    if toks[start].lower_ not in ctx.lex["nouns.peerage"] or not toks[start].is_title:
        return None
    of = _capitals_end(toks, start + 1, 2)
    if of == start + 1 or of + 1 >= len(toks) or toks[of].lower_ not in ctx.lex["markers.peer_designation"]:
        return None
    end = _capitals_end(toks, of + 1, 2)
    if end == of + 1 or end < len(toks) and not toks[end].is_sent_start and _capitals_end(toks, end, 1) > end:
        return None  # 'Baroness Smith of Malvern Portrait Baroness ...': a run of capitals, no one name
    return end


def _capitals_end(toks: list[Token], i: int, most: int) -> int:
    """Where a run of at most ``most`` capitalised words from ``i`` ends (no new sentence inside)."""
    end = i
    while end < len(toks) and end - i < most and toks[end].is_title and toks[end].is_alpha and \
            not (end > i and toks[end].is_sent_start):
        end += 1
    return end


@ENTITY_REPAIRS.rule("name-of-org", "'First Last of Org' tagged as one person is the person and the organisation.",
                     "Mina Ruel of Rights4Kids said the register was welcome.")
def name_of_org(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    cut = next((t.i for t in tokens(span) if t.lower_ == "of"), None)
    if cut is None:
        return None
    head = span.doc[span.start:cut]
    if not _name_like(ctx, head):
        return None
    out = [Mention(head, PERSON)]
    rest = trim(span.doc[cut + 1:span.end], ctx.lex)
    if rest is not None and plausible(ctx, rest):
        out.append(Mention(rest, ORG))
    return out


@ENTITY_REPAIRS.rule("role-inside", "A person entity with a role word inside it ('Carers Union Chair Jo Bell') is the "
                     "person named after the role.", "Carers Union Chair Jo Bell said the register was welcome.")
def role_inside(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in PERSON_LABELS:
        return None
    roles = [t.i for t in tokens(span)[:-2] if ctx.is_role(t.lower_)]
    if not roles:
        return None
    name = span.doc[roles[-1] + 1:span.end]
    return [Mention(name, PERSON)] if _name_like(ctx, name) and plausible(ctx, name) else None


@ENTITY_REPAIRS.rule("initials-before-name", "A person entity opening with a word in capitals ('CEO of Adoption UK Sue "
                     "Rowe' with 'UK Sue Rowe' tagged) is the person named after it; the capitals and the "
                     "capitalised words just before them are an organisation.",
                     "The chief executive of Carers UK Sue Rowe said the register was welcome.")
def initials_before_name(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in PERSON_LABELS:
        return None
    cut = span.start
    while cut < span.end and span.doc[cut].is_upper and span.doc[cut].is_alpha and len(span.doc[cut]) >= 2:
        cut += 1
    name = span.doc[cut:span.end]
    if cut == span.start or not _name_like(ctx, name):
        return None
    start = span.start
    while start > span.sent.start and _name_word(ctx, span.doc[start - 1]):
        start -= 1  # 'Carers' of 'Carers UK'
    out = [Mention(name, PERSON)]
    org = trim(span.doc[start:cut], ctx.lex)
    if org is not None and plausible(ctx, org):
        out.append(Mention(org, ORG))
    return out


def _name_word(ctx: ActorContext, t: Token) -> bool:
    return a_first_name(ctx, t) or t.is_title and ctx.is_org_word(t.lower_)


@ENTITY_REPAIRS.rule("org-then-name", "An organisation entity that runs on over a person's name after its last "
                     "organisation word ('Fostering Trust Jo Bell' in 'chief executive of the Fostering Trust Jo Bell "
                     "said') is the organisation and the person.",
                     "Chief executive of the Hearth Trust Jo Bell said the register was welcome.")
def org_then_name(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if label not in ORG_LABELS:
        return None
    last = next((t.i for t in reversed(tokens(span)) if (t.is_title or t.is_upper) and ctx.is_org_word(t.lower_)), None)
    if last is None or last == span.start:
        return None
    name = span.doc[last + 1:span.end]
    if not _name_like(ctx, name) or not all(a_first_name(ctx, t) for t in name):
        return None
    org = trim(span.doc[span.start:last + 1], ctx.lex)
    return [Mention(org, ORG), Mention(name, PERSON)] if org is not None and plausible(ctx, org) else None


@ENTITY_REPAIRS.rule("spelt-out", "An organisation entity cut short before its initials in brackets runs back over "
                     "the words the initials spell ('Recruitment and Employment Confederation (REC)' with only "
                     "'Employment Confederation' tagged).",
                     "The Recruitment and Employment Confederation (REC) said the rules would fail.")
def spelt_out(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    fuller = spelt_back(ctx, span) if label not in PERSON_LABELS else None
    return [Mention(fuller, ORG)] if fuller is not None else None


def spelt_back(ctx: ActorContext, span: Span) -> Span | None:
    """A name cut short before its initials in brackets, run back over the words they spell."""
    short = bracketed_initials(span)
    if short is None:
        return None
    for start in range(span.start - 1, max(span.sent.start, span.start - 4) - 1, -1):
        word = span.doc[start]
        fuller = span.doc[start:span.end]
        if word.is_title and not word.is_sent_start and abbreviates(short, fuller.text, ctx.small_words):
            return fuller
    return None


def spelt_forward(ctx: ActorContext, span: Span) -> Span | None:
    """A name cut short before the rest of it and its initials in brackets ('The APPG for Adoption and
    Permanence (APPGAP)' with only 'APPG' found): run on over the capitalised and small words the
    initials spell."""
    doc = span.doc
    for end in range(span.end + 1, min(span.sent.end, span.end + 6) + 1):
        word = doc[end - 1]
        if not (word.is_title or word.is_upper or word.lower_ in ctx.small_words):
            return None
        fuller = doc[span.start:end]
        short = bracketed_initials(fuller)
        if short is not None:
            return fuller if abbreviates(short, fuller.text, ctx.small_words) else None
    return None


def bracketed_initials(span: Span) -> str | None:
    """The initials in brackets right after a name ('... Confederation (REC)'), if any."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    word = doc[span.end + 1].text
    return word if word.isalpha() and word.isupper() and len(word) >= 2 else None


@ENTITY_REPAIRS.rule("document-tail", "An entity that ends with the name of its own document ('NLCBF Initial "
                     "Response', 'Coram Submission', 'Jane Doe Briefing') is the organisation or person named before it.",
                     "Government's response to the review: NLCBF Initial Response")
def document_tail(ctx: ActorContext, span: Span, label: str) -> list[Mention] | None:
    if span[-1].lower_ not in ctx.lex["nouns.self_document"]:
        return None
    cut = span.end - 1
    while cut > span.start and span.doc[cut - 1].lower_ in ctx.lex["markers.document_modifiers"]:
        cut -= 1
    named = span.doc[span.start:cut]
    return [Mention(named, PERSON if label in PERSON_LABELS else ORG)] if len(named) and plausible(ctx, named) else []


@ENTITY_REPAIRS.rule("entity", "Any other PERSON or ORG entity is a mention (an ORG that looks like a person is one; "
                     "a one-word person takes the first name before it).",
                     "Superintendent Anjali Bhatt said the teams would help.")
def plain_entity(ctx: ActorContext, span: Span, label: str) -> list[Mention]:
    kind = PERSON if label in PERSON_LABELS else ORG
    if kind == ORG and len(span) == 1 and looks_like_person(ctx, fuller := with_first_name(ctx, span)):
        span = fuller  # 'Priya Sandhu, head of policy' with only 'Sandhu' tagged, as an organisation
    if kind == ORG and looks_like_person(ctx, span):
        kind = PERSON
    if kind == PERSON and len(span) == 1:
        span = with_first_name(ctx, span)
    return [Mention(span, kind)]


def with_first_name(ctx: ActorContext, span: Span) -> Span:
    """A one-word person extended over the capitalised first name just before it."""
    doc = span.doc
    i = span.start
    if i == 0:
        return span
    t = doc[i - 1]
    if t.ent_type_ == "" and a_first_name(ctx, t):
        return doc[i - 1:span.end]
    return span


def a_first_name(ctx: ActorContext, t: Token) -> bool:
    """Whether a word can be a first name: a capitalised proper noun that is no title, role or
    organisation word (nor a word that opens sentences, 'Meanwhile', at a sentence start)."""
    return t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in ctx.lex.titles \
        and not ctx.is_role(t.lower_) and not ctx.is_org_word(t.lower_) \
        and not (t.i == t.sent.start and t.lower_ in ctx.lex["markers.name_edges"])


def looks_like_person(ctx: ActorContext, span: Span) -> bool:
    """Plain name words next to a role ('X Y, chief executive', 'director X Y')."""
    return plain_name_words(ctx, span) and ROLE_NEIGHBOURS.any(ctx, span)


def plain_name_words(ctx: ActorContext, span: Span) -> bool:
    """Two or three capitalised words, none an organisation word or a word for people ('Member for
    Children, Young People and Education' is a portfolio)."""
    people = ctx.lex["nouns.beneficiary"]
    return 2 <= len(span) <= 3 and not any(ctx.is_org_word(t.lower_) or not t.is_alpha or not t.is_title
                                           or t.lower_ in people for t in tokens(span))


ROLE_NEIGHBOURS = RuleTable("actors", "role-neighbours", "A name-like span is a person when a role stands next to it.")


@ROLE_NEIGHBOURS.rule("role-after", "A comma and a role word follow the name.",
                      "Jo Bell, chief executive of the trust, said the plan was rushed.")
def role_after(ctx: ActorContext, span: Span) -> bool:
    nxt = span.doc[span.end:span.end + 5]
    return len(nxt) > 1 and nxt[0].text == "," and any(ctx.is_role(t.lower_) for t in nxt[1:])


@ROLE_NEIGHBOURS.rule("role-before", "A role word stands just before the name.",
                      "Chief executive Jo Bell said the plan was rushed.")
def role_before_name(ctx: ActorContext, span: Span) -> bool:
    before = span.doc[max(0, span.start - 3):span.start]
    return len(before) > 0 and ctx.is_role(before[-1].lower_)


@ROLE_NEIGHBOURS.rule("role-phrase-comma", "A role phrase and a comma come before the name.",
                      "The director of children's services, Anna Groom, said the plan was rushed.")
def role_phrase_before(ctx: ActorContext, span: Span) -> bool:
    far = span.doc[max(0, span.start - 8):span.start]
    return len(far) > 1 and far[-1].text == "," and any(ctx.is_role(t.lower_) for t in far[:-1])


# ---------------------------------------------------------------- which mentions are plausible actors
IMPLAUSIBLE = RuleTable("actors", "implausible", "A span is not an actor when any of these holds.")


@IMPLAUSIBLE.rule("odd-characters", "Line breaks, bullets, handles or slashes, one character, or over eight tokens.",
                  "Share | Twitter said nothing.")
def odd_characters(ctx: ActorContext, span: Span) -> bool:
    return bool(_BAD_CHARS.search(span.text)) or len(span.text) < 2 or len(span) > 8


@IMPLAUSIBLE.rule("not-an-actor", "A name listed under actors.not_actors (page furniture, services, places).",
                  "Covid said nothing.")
def listed_not_actor(ctx: ActorContext, span: Span) -> bool:
    low = fold(span.text)  # curly apostrophes too ('Children’s Social Care')
    return low in ctx.lex.not_actors or low.removeprefix("the ") in ctx.lex.not_actors


@IMPLAUSIBLE.rule("page-sections", "A name made only of the words of a site's sections ('News & Events', 'Latest "
                  "News', 'News & JobsNews', run-together words split at their capitals) is page furniture.",
                  "News & Events said nothing.")
def page_sections(ctx: ActorContext, span: Span) -> bool:
    # run-together words split at their capitals ('JobsNews'); a word in capitals stays whole ('BBC News')
    words = [w.lower() for part in re.findall(r"[\w'’-]+", span.text)
             for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", part)]
    sections = ctx.lex["layout.section_words"]
    joins = ctx.lex["markers.name_joins"]
    return any(w in sections for w in words) and all(w in sections or w in joins for w in words)


@IMPLAUSIBLE.rule("field-or-document", "A field of work with a place ('Children's Social Care in England') or a "
                  "lone document word ('Review') names no actor.", "The Review said nothing.")
def field_or_document(ctx: ActorContext, span: Span) -> bool:
    low = fold(span.text).removeprefix("the ")
    if len(span) == 1 and low in ctx.lex["nouns.document_head"]:
        return True
    return any(low.startswith(n + " ") and low[len(n) + 1:].split(" ", 1)[0] in ctx.lex["markers.field_preps"]
               for n in ctx.lex.not_actors)


@IMPLAUSIBLE.rule("not-a-name", "No capital letter, or a number in it.", "the 2024 review said it would help.")
def not_a_name(ctx: ActorContext, span: Span) -> bool:
    return not any(t.text[:1].isupper() for t in tokens(span)) or any(t.like_num for t in tokens(span))


@IMPLAUSIBLE.rule("lone-role", "A role word alone, or its plural ('Minister', 'MPs'), is no actor.",
                  "Minister said it would help.")
def lone_role(ctx: ActorContext, span: Span) -> bool:
    word = span[0].lower_
    return len(span) == 1 and (ctx.is_role(word) or word.endswith("s") and ctx.is_role(word[:-1]))


@IMPLAUSIBLE.rule("group-noun", "A plural common noun alone, capitalised only because it opens a sentence "
                  "('Charities have criticised ...'), is an unnamed group, no actor.",
                  "Charities have criticised the cut.")
def group_noun(ctx: ActorContext, span: Span) -> bool:
    word = span[0]
    return len(span) == 1 and word.is_sent_start and word.tag_ in {"NNS", "NNPS"} and \
        ctx.taxonomy.actor_for_name(word.text) is None  # 'Foundations', a body the taxonomy knows, stays


@IMPLAUSIBLE.rule("addressed-member", "A word after a courtesy ('my hon. Friend', 'the noble Lord') is the member "
                  "addressed, no name.", "Does my hon. Friend agree that the plan will help?")
def addressed_member(ctx: ActorContext, span: Span) -> bool:
    doc = span.doc
    at = span.start - 1
    while at >= 0 and doc[at].is_punct:
        at -= 1
    return len(span) == 1 and at >= 0 and doc[at].lower_ in ctx.lex["actors.courtesy"]


@IMPLAUSIBLE.rule("place-of-a-role", "Capitalised words between 'the' and a role word ('the Houghton and Sunderland "
                  "South MP') name the role's place, no actor (a body the taxonomy knows stays).",
                  "The Hartwell and Dunmore South MP said the plan would help.")
def place_of_a_role(ctx: ActorContext, span: Span) -> bool:
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ctx.lex["markers.name_article"] or \
            ctx.taxonomy.actor_for_name(span.text) is not None:
        return False
    at = span.end
    while at < len(doc) and (doc[at].is_title or doc[at].pos_ == "CCONJ" or
                             doc[at].lower_ in ctx.lex["layout.name_connectors"]) and not ctx.is_role(doc[at].lower_):
        at += 1
    return at < len(doc) and at - span.end <= 4 and ctx.is_role(doc[at].lower_) and \
        not any(ctx.is_org_word(t.lower_) for t in span)


@IMPLAUSIBLE.rule("bill-stage", "A committee or report named as a stage of a bill ('In Committee and on Report', "
                  "'the House of Commons committee stage') is no actor.",
                  "In Committee and on Report, the party tabled twelve amendments.")
def bill_stage(ctx: ActorContext, span: Span) -> bool:
    doc = span.doc
    last = span[-1].lower_
    if last not in ctx.lex["nouns.bill_stage"]:
        return False
    if span.end < len(doc) and doc[span.end].lower_ in ctx.lex["nouns.stage"]:
        return True  # 'committee stage', 'report stage'
    before = doc[span.start - 1] if span.start > 0 else None
    return len(span) == 1 and before is not None and before.lower_ in ctx.lex["markers.stage_prepositions"]


@IMPLAUSIBLE.rule("law", "The name of a law or a draft law is not an actor.",
                  "The Children's Wellbeing and Schools Bill says nothing about it.")
def law_name(ctx: ActorContext, span: Span) -> bool:
    law = ctx.lex["nouns.law"]
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    and_after = doc[span.end + 1:span.end + 5] if after == "and" else []
    return span[-1].lower_ in law or after in law or any(t.lower_ in law for t in and_after)


@IMPLAUSIBLE.rule("heading", "A whole short line by itself is a heading, not an actor (the end of a longer "
                  "line the parser cut off is not).", "Practice & Systems")
def heading_name(ctx: ActorContext, span: Span) -> bool:
    return is_heading(span) and not letterhead_name(ctx, span)


def letterhead_name(ctx: ActorContext, span: Span) -> bool:
    """A line of two or more capitalised words ending in an organisation word ('Care Review Watch
    Alliance'): an organisation's name heading its page, not a heading."""
    words = [t for t in tokens(span) if not t.is_punct and not t.is_space]
    return len(words) >= 2 and ctx.is_org_word(words[-1].lower_) and \
        all(t.is_title or t.lower_ in ctx.small_words for t in words)


@IMPLAUSIBLE.rule("proposal-name", "A span that names a taxonomy proposal is a proposal, not an actor (unless it ends "
                  "in a place or in a word for a body, as organisations' names do: 'Adoption UK', 'the Care Review "
                  "Watch Alliance').",
                  "The National Framework sets the standard.")
def proposal_name(ctx: ActorContext, span: Span) -> bool:
    if _ends_in_place(span) or len(span) > 1 and span[-1].is_title and span[-1].lower_ in ctx.lex["layout.body_names"]:
        return False
    return bool(span_matches(span, ctx.taxonomy, "proposals"))


def _ends_in_place(span: Span) -> bool:
    """A name of several words whose last is a proper-noun place ('Adoption UK'): an organisation's."""
    return len(span) > 1 and span[-1].ent_type_ in PLACE_LABELS and span[-1].pos_ == "PROPN"


@IMPLAUSIBLE.rule("epithet", "An epithet for someone just named ('the Irishman', 'the musician') is no name.",
                  "The Irishman said the plan was weak.")
def epithet(ctx: ActorContext, span: Span) -> bool:
    words = [t for t in span if t.lower_ not in ctx.lex["markers.name_edges"]]
    return len(words) == 1 and words[0].lower_ in ctx.lex["actors.epithets"]


@IMPLAUSIBLE.rule("titled-document", "A span with a colon inside ('Care Matters: Homes for All') is a document's "
                  "title and subtitle, not a name.", "Care Matters: Homes for All sets the standard.")
def titled_document(ctx: ActorContext, span: Span) -> bool:
    return any(t.text == ":" for t in span[1:-1])


@IMPLAUSIBLE.rule("earlier-holder", "A body described as an earlier holder of its office ('the previous "
                  "government', 'the last Conservative Government') is not the body of that name today.",
                  "The previous Government announced a ban.")
def earlier_holder(ctx: ActorContext, span: Span) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in ctx.lex["markers.former"] for c in span.root.children)


def plausible(ctx: ActorContext, span: Span) -> bool:
    return not IMPLAUSIBLE.any(ctx, span)


def is_heading(span: Span) -> bool:
    """A mention that is a whole short line by itself ("Practice & Systems") is a heading; the end
    of a longer line the parser cut off ("'Quote': Jane Doe") is not."""
    sent = span.sent
    words = [t for t in tokens(sent) if not t.is_space and not t.is_punct]
    return len(words) <= HEADING_WORDS and not sent.text.strip().endswith((".", "?", "!", "\u201d", '"')) and \
        span.start - sent.start <= 1 and sent.end - span.end <= 2 and _starts_line(sent)


def _starts_line(sent: Span) -> bool:
    doc = sent.doc
    return sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws or doc[sent.start - 1].is_space and \
        "\n" in doc[sent.start - 1].text


def trim(span: Span, lex: Lexicon) -> Span | None:
    """Drop leading determiners and punctuation and trailing possessives from a name span."""
    start, end = span.start, span.end
    doc = span.doc
    edges = lex["markers.name_edges"]
    while start < end and (doc[start].is_punct or doc[start].lower_ in edges or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in edges or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None


def person_tail(span: Span, label: str = "") -> Span | None:
    """The person in a span: the trailing two capitalised tokens of '<place> First Last' after a
    preposition; a two-word name the NER model took for a place ('Yvonne Ash chairs ...'), unless a
    preposition puts it in a place ('councils in North Wessex'); a short span that is not a place
    tag is kept whole; a one-word place tag is nobody."""
    toks = list(span)
    prev = span.doc[span.start - 1] if span.start > 0 else None
    after_preposition = prev is not None and prev.pos_ == "ADP"
    if len(toks) >= 3 and all(_NAME_TOKEN.match(t.text) for t in toks[-2:]) and after_preposition:
        return span.doc[span.end - 2:span.end]
    if len(toks) >= 3:
        return None
    if (label or span.label_) in PLACE_LABELS:
        return span if len(toks) == 2 and all(_NAME_TOKEN.match(t.text) for t in toks) and not after_preposition \
            else None
    return span


def non_overlapping(found: list[Mention]) -> list[Mention]:
    """Keep known actors first, then longer spans, dropping overlaps."""
    order = sorted(found, key=lambda m: (not m.known, not m.sure, -(m.span.end - m.span.start), m.span.start))
    taken: set[int] = set()
    out = []
    for m in order:
        idx = set(range(m.span.start, m.span.end))
        if not idx & taken:
            taken |= idx
            out.append(m)
    return sorted(out, key=lambda m: m.span.start)


def name_text(span: Span, lex: Lexicon) -> str:
    """The name a mention gives, without titles, or honours and letters of office after it ('Jane
    Doe OBE', 'Jane Doe MP'), with hyphens and apostrophes normalised."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_space or span.doc[start].lower_.rstrip(".") in lex.titles):
        start += 1
    after = lex.union("actors.honours", "actors.post_nominal")
    while end - start > 2 and span.doc[end - 1].lower_.replace(".", "") in after:
        end -= 1
    text = " ".join(span.doc[start:end].text.split())
    return text.replace(" - ", "-").replace(" -", "-").replace("- ", "-").replace("\u2019", "'").strip()


# ---------------------------------------------------------------- roles of people
ROLES = RuleTable("actors", "roles", "Where a person's role phrase is (the first that names a role word wins).")


@ROLES.rule("apposition-after", "'Jane Doe, chief executive of X, said': the apposition after the name.",
            "Jane Doe, chief executive of Kinship Now, said the plan was late.")
def apposition_after(ctx: ActorContext, span: Span) -> tuple[str, int, int] | None:
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and doc[j].text not in {",", ".", ";", ":", "\u201c", '"'} and j - i < 16 and not doc[j].is_space:
        if doc[j].pos_ == "VERB" and doc[j].dep_ in {"ROOT", "ccomp"} and j > i + 1:
            break
        j += 1
    if j <= i + 1 or j - i >= 16:
        return None
    first = doc[i + 1]
    if first.text[:1].isupper() and first.pos_ == "PROPN" and first.lower_ not in ctx.lex.role_words:
        return None  # a list of names, not a role ('Jane Doe, President of X' is a role)
    return _with_role_word(ctx, doc[i + 1:j].text, i + 1, j)


@ROLES.rule("role-before", "'children's minister Jane Doe' or 'Director of X, Jane Doe': the phrase before the name.",
            "Children's minister Jane Doe said the plan was late.")
def role_before(ctx: ActorContext, span: Span) -> tuple[str, int, int] | None:
    doc = span.doc
    sent = span.sent
    i = span.start
    if i > sent.start and doc[i - 1].text == ",":
        return _role_opening_sentence(ctx, span)
    j = i
    while j > sent.start and j > i - 10:
        t = doc[j - 1]
        if t.is_punct and t.text not in {"'", "\u2019", "-"} or t.pos_ in {"VERB", "AUX"} or \
                t.lower_ in ctx.lex["markers.role_stops"]:
            break
        j -= 1
    if j < i and any(ctx.is_role(t.lower_) for t in doc[j:i]):
        return _with_role_word(ctx, doc[j:i].text, j, i)
    return None


@ROLES.rule("letters-of-office", "'Jane Doe MP said': letters of an elected office closing the name.",
            "Jane Doe MP said the plan was late.")
def letters_of_office(ctx: ActorContext, span: Span) -> tuple[str, int, int] | None:
    last = span.doc[span.end - 1]
    if len(span) < 3 or last.lower_.replace(".", "") not in ctx.lex["actors.post_nominal"]:
        return None
    return last.text, last.i, last.i + 1


def _role_opening_sentence(ctx: ActorContext, span: Span) -> tuple[str, int, int] | None:
    """'The director of children's services, Jane Doe, said': the sentence's opening phrase."""
    doc = span.doc
    sent = span.sent
    j = span.start - 1
    if any(t.text == "," for t in doc[sent.start:j]) or j - sent.start > 14:
        return None
    start = sent.start
    while start < j and (doc[start].is_punct or doc[start].lower_ in ctx.lex["markers.leading_connectives"]):
        start += 1
    return _with_role_word(ctx, doc[start:j].text, start, j) if start < j else None


def _with_role_word(ctx: ActorContext, text: str, start: int, end: int) -> tuple[str, int, int] | None:
    return (text, start, end) if any(w.lower().strip(",.'\u2019s") in ctx.lex.role_words for w in text.split()) \
        else None


def actor_info(key: str, entry, name: str | None = None) -> ActorInfo:
    """A registry record for a taxonomy actor."""
    return ActorInfo(key, entry.label, entry.type or ORG, set(entry.aliases), known=True, work=entry.work)


def author_kind(ctx: ActorContext, name: str, meta: dict) -> str:
    """Whether a byline names a person (two to four plain words) or an organisation."""
    words = name.replace("'s", "").replace("\u2019s", "").lower().split()
    looks_org = any(w.strip(",.&") in ctx.lex.org_words for w in words) or "&" in name
    return PERSON if 2 <= len(words) <= 4 and not looks_org and meta.get("author_type") != ORG else ORG


def person_key(name: str, full_names: dict[str, str]) -> str:
    words = name.split()
    return full_names[words[0]] if len(words) == 1 and words[0] in full_names else slugify(name)
