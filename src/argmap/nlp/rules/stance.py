"""Stance rules: which cues a clause holds, which way each points, and when a clause with no cue
word still takes a side.

``CUES`` finds cues in a clause (all rules apply, in order, each claiming the tokens it used);
``NOT_A_CUE`` vetoes a cue word in context; ``NEGATED`` says whether a cue is negated; ``FLIPS``
turn a cue word the other way; ``FALLBACKS`` give a clause without cues its stance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from argmap.lexicon import Lexicon
from argmap.nlp import cues as K
from argmap.nlp.cues import Cue
from argmap.nlp.change import asks_for_change
from argmap.nlp.recommend import denied_clause, inverted, recommended
from argmap.nlp.rules import RuleTable
from argmap.nlp.rules.attribution import MOTION_TITLE
from argmap.nlp.state import ActorState, meta
from argmap.nlp.text import (
    agent_objects, answered_at, as_clause, doc_matches, doc_text, forbidden, in_others_as_clause, match_tokens,
    span_matches, text_of, tokens,
)
from argmap.taxonomy import Taxonomy
from argmap.text import literal_trie

# quotation marks (not apostrophes) blanked before phrase matching; one character for one keeps offsets
_QUOTES = re.compile(r"[\u201c\u201d\"\u2018]|\u2019(?!\w)")


def phrase_re(phrases) -> re.Pattern[str] | None:
    """One regex for a list of lower-case cue phrases, longest first, on word boundaries."""
    return _phrase_re(tuple(sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))))


@lru_cache(maxsize=64)  # each document's context asks again for the same lexicon's phrases
def _phrase_re(items: tuple[str, ...]) -> re.Pattern[str] | None:
    if not items:
        return None
    return re.compile(r"(?<!\w)(?:" + literal_trie(list(items)) + r")(?!\w)")


@dataclass
class StanceContext:
    """What the stance rules need about the document (built once per document)."""

    lex: Lexicon
    taxonomy: Taxonomy | None
    state: ActorState
    support_phrases: re.Pattern[str] | None = None
    object_phrases: re.Pattern[str] | None = None
    conditions: re.Pattern[str] | None = None
    negator_phrases: re.Pattern[str] | None = None
    ignore: re.Pattern[str] | None = None
    urge_hint: re.Pattern[str] | None = None
    government_role: re.Pattern[str] | None = None
    signs: dict[str, int] = field(default_factory=dict)  # stance word -> +1 / -1 (support wins)

    def __post_init__(self) -> None:
        lex = self.lex
        self.signs = {**dict.fromkeys(lex.object_lemmas, -1), **dict.fromkeys(lex.support_lemmas, +1)}
        self.support_phrases = phrase_re(lex.support_phrases)
        self.object_phrases = phrase_re(lex.object_phrases)
        self.conditions = phrase_re(lex.conditions)
        self.negator_phrases = phrase_re(lex.negator_phrases)
        self.ignore = phrase_re(lex.ignore_phrases)
        gov = sorted(lex.government_words, key=len, reverse=True)  # a minister's role names one of these
        self.government_role = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, gov)) + r")(?!\w)") if gov else None
        # the text test that saves a token walk: 'urging', 'pressed', 'calls' ...
        self.urge_hint = re.compile(r"\b(?:" + "|".join(re.escape(v.removesuffix("e")) for v in sorted(lex["verbs.urge"])) + ")")

    def words(self, name: str) -> frozenset[str]:
        return self.lex[name]

    def condition_themes(self) -> set[str]:
        return {t for t, e in self.taxonomy.themes.items() if e.condition} if self.taxonomy else set()

    def names_proposal(self, span: Span, *, documents: bool = False) -> bool:
        """Whether a particular proposal (not the debate's umbrella; a policy document only when
        asked) is named in the span."""
        if self.taxonomy is None:
            return False
        broad = {self.taxonomy.general_proposal} if documents else self.taxonomy.umbrellas
        return any(m.id not in broad for m in span_matches(span, self.taxonomy, "proposals"))


@dataclass
class Clause:
    """A clause being scored: its span, the tokens to leave alone, the tokens cues have used."""

    span: Span
    skip: set[int]
    unit: object | None = None  # the sentence's Unit, when scoring a real sentence
    used: set[int] = field(default_factory=set)
    low: str = ""

    def __post_init__(self) -> None:
        # 'it is “imperative”' reads as 'it is imperative', and 'won’t work' as "won't work"
        self.low = _QUOTES.sub(" ", text_of(self.span).lower()).replace("\u2019", "'")

    def tokens_of(self, m: re.Match[str]) -> Span | None:
        base = self.span.start_char
        return self.span.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")


# ---------------------------------------------------------------- finding cues
CUES = RuleTable("stance", "cues", "Cues in a clause (every rule applies, in order; a token serves one cue).")


@CUES.rule("ignored-phrase", "Phrases whose cue words carry no stance ('things that go wrong') use up their words.",
           "Social workers step in when things go wrong.")
def ignored_phrases(ctx: StanceContext, c: Clause) -> None:
    if ctx.ignore is None:
        return None
    for m in ctx.ignore.finditer(c.low):
        toks = c.tokens_of(m)
        if toks is not None:
            c.used.update(t.i for t in toks)
    return None


@CUES.rule("depending-on", "'depending on the risk': a variable, not a worry about risk.",
           "Cases are allocated depending on the complexity and risk.")
def depending_on(ctx: StanceContext, c: Clause) -> None:
    if "depending" not in c.low:
        return None
    for tok in tokens(c.span):
        if tok.lower_ == "depending" and tok.dep_ in {"prep", "advcl", "acl"}:
            c.used.update(t.i for t in tok.subtree)
    return None


@CUES.rule("recalled", "A relative clause in the past perfect recalls an earlier stance ('X, which had warned "
           "that ..., welcomed ...'): its words are no cue now.",
           "The charity, which had warned that the plan was rushed, welcomed the guidance.")
def recalled(ctx: StanceContext, c: Clause) -> None:
    for tok in tokens(c.span):
        if tok.dep_ == "relcl" and any(ch.dep_ == "aux" and ch.lower_ in ctx.words("markers.recalling") for ch in tok.children):
            c.used.update(t.i for t in tok.subtree)
    return None


@CUES.rule("opposition-judged", "'opposition to X is wrong', 'resistance to outsourcing is counter-productive': "
           "judging a stance against something to be wrong backs the thing.",
           "Resistance to family help is counter-productive.")
def opposition_judged(ctx: StanceContext, c: Clause) -> list[Cue]:
    opposing = ctx.words("nouns.opposing")
    if not any(w in c.low for w in opposing):
        return []
    out = []
    for tok in tokens(c.span):
        if tok.i in c.used or tok.dep_ != "nsubj" or tok.lemma_.lower() not in opposing:
            continue
        pred = tok.head
        words = [t for t in c.span.doc[tok.right_edge.i + 1:pred.right_edge.i + 1] if t.i < c.span.end]
        if _judged_wrong(ctx, words) and not negated(ctx, pred, c.span):
            c.used.update([tok.i, *(t.i for t in words)])
            out.append(Cue(K.WORD, +1, f"{tok.text} ... judged wrong", "opposition-judged", 2.0))
    return out


def _judged_wrong(ctx: StanceContext, words: list[Token]) -> bool:
    """Whether a predicate's words hold an objection word or phrase ('is wrong', 'is counter-productive')."""
    if not words:
        return False
    low = words[0].doc.text[words[0].idx:words[-1].idx + len(words[-1])].lower()
    return any(word_sign(ctx, t) < 0 for t in words) or \
        ctx.object_phrases is not None and ctx.object_phrases.search(low) is not None


@CUES.rule("phrase", "Condition, objection and support phrases (longest first), negated when a negator governs them.",
           "The plan is a step in the right direction.")
def phrase_cues(ctx: StanceContext, c: Clause) -> list[Cue]:
    found = []
    for regex, sign, kind in ((ctx.conditions, -1, K.CONDITION), (ctx.object_phrases, -1, K.PHRASE),
                              (ctx.support_phrases, +1, K.PHRASE)):
        if regex is not None:
            found += [(m, sign, kind) for m in regex.finditer(c.low)]
    found.sort(key=lambda f: (-(f[0].end() - f[0].start()), f[0].start()))
    out = []
    for m, sign, kind in found:
        toks = c.tokens_of(m)
        if toks is None or any(t.i in c.used for t in toks) or all(t.i in c.skip for t in toks):
            continue
        c.used.update(t.i for t in toks)
        cue = _phrase_cue(ctx, c, m.group(0), toks, sign, kind)
        if cue is not None:
            out.append(cue)
    return out


def _phrase_cue(ctx: StanceContext, c: Clause, phrase: str, toks: Span, sign: int, kind: str) -> Cue | None:
    first = phrase.split()[0]
    if kind == K.CONDITION:
        if first not in ctx.words("markers.groundless_conditions") and not condition_has_ground(ctx, toks, c.span):
            return None  # 'without significant reform' is no objection; 'without extra funding' is
        return Cue(K.CONDITION, sign, phrase + " (condition)", "condition", 1.5)
    if _phrase_says_nothing(ctx, c, toks, sign):
        return None
    neg = first not in ctx.lex.negators and negated(ctx, toks[0], c.span)
    if neg and sign > 0 and toks[0].lemma_.lower() in ctx.lex.union("verbs.urge", "verbs.campaign"):
        return None  # 'no longer calling for curbs', 'not pressing for a ban': a demand not made takes no side
    return Cue(K.PHRASE, -sign if neg else sign, ("not " if neg else "") + phrase, "phrase")


def _phrase_says_nothing(ctx: StanceContext, c: Clause, toks: Span, sign: int) -> bool:
    """Whether a stance phrase takes no stance of the speaker's here: someone else's act ('X said the
    commission has set out changes'), who people are ('care leavers at risk of homelessness'), or
    what they go through ('too many children are still waiting for a home')."""
    if sign > 0:
        return someone_elses_act(ctx, toks[0], c)
    return describes_people(ctx, toks[0]) or _peoples_plight(ctx, toks)


def _peoples_plight(ctx: StanceContext, toks: Span) -> bool:
    """Whether an objection phrase is said of people ('children are still waiting for a home') in a
    sentence that names no proposal: it tells what they go through, not what the speaker objects to."""
    verb = next((t for t in toks if t.pos_ == "VERB"), None)
    subject = _sufferer(ctx, verb) if verb is not None else None
    return subject is not None and subject.lemma_.lower() in ctx.words("nouns.beneficiary") and \
        not ctx.names_proposal(verb.sent)


def describes_people(ctx: StanceContext, tok: Token) -> bool:
    """Whether a phrase opened by ``tok`` is a preposition that tells which people a noun for people
    means ('children at risk of harm'; 'a safety net for care leavers at risk', however the parser
    hung it; not 'it leaves children at risk', where the people are what is acted on)."""
    if tok.pos_ != "ADP" or tok.dep_ != "prep" or tok.i == 0:
        return False
    people = ctx.words("nouns.beneficiary")
    before = tok.doc[tok.i - 1]
    return tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in people or \
        before.pos_ == "NOUN" and before.dep_ == "pobj" and before.lemma_.lower() in people


def someone_elses_act(ctx: StanceContext, tok: Token, c: Clause) -> bool:
    """A verb of putting a plan forward or asking for one ('announce', 'set out', 'call for') whose
    subject is an actor other than the speaker reports that actor's act; it is not the speaker's support."""
    verbs = ctx.lex.union("verbs.proposer", "verbs.putting_out", "verbs.calling")
    if c.unit is None or not c.unit.speaker or tok.pos_ != "VERB" or \
            tok.lemma_.lower() not in verbs and tok.lower_ not in verbs:  # 'trialling', lemmatised 'trialle'
        return False
    if any(ch.dep_ == "aux" and ch.lower_ in ctx.words("markers.recommending") for ch in tok.children):
        return False  # 'ministers should set out a plan': what the speaker asks for
    key = _doer_of(ctx, tok)
    return key is not None and key != c.unit.speaker or key is None and _document_does(ctx, tok)


def _document_does(ctx: StanceContext, verb: Token) -> bool:
    """'The White Paper is supposed to set out the plan': a policy document as the subject of a verb
    of putting forward (or of the verb it completes) says what the document does, not the speaker's view."""
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    subject = next((ch for h in heads for ch in h.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or ctx.taxonomy is None:
        return False
    span = subject.doc[subject.left_edge.i:subject.right_edge.i + 1]
    return any(ctx.taxonomy.proposals[m.id].kind == "document" for m in span_matches(span, ctx.taxonomy, "proposals"))


def _doer_of(ctx: StanceContext, verb: Token) -> str | None:
    """The actor a verb's subject names, or the agent of its passive ('X, first proposed by the Trust')."""
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    key = next((k for t in subject.subtree if (k := ctx.state.actor_of(t))), None) if subject is not None else None
    if key is None and verb.tag_ == "VBN":
        key = next((k for o in agent_objects(verb) for t in o.subtree if (k := ctx.state.actor_of(t))), None)
    return key


def condition_has_ground(ctx: StanceContext, toks: Span, span: Span) -> bool:
    """A condition is an objection when what it requires is a ground marked ``condition`` in the taxonomy."""
    if ctx.taxonomy is None:
        return True
    reach = max([toks.end + 6, toks.root.right_edge.i + 1] +
                [t.head.right_edge.i + 1 for t in toks if t.dep_ == "mark"])
    end = span.end
    if toks[-1].pos_ == "ADP":  # 'will depend on A; B; C': everything the condition lists
        reach = end = toks[0].sent.end
    after = span.doc[toks.start: min(end, reach)]
    wanted = ctx.condition_themes()
    if any(m.id in wanted for m in span_matches(after, ctx.taxonomy, "themes")):
        return True
    # 'funding must be a key focus', 'funding needs to be found': what the phrase's verb says of its subject
    verb = toks[0].head if toks[0].dep_ in {"aux", "auxpass"} else toks[0]
    subject = next((ch for ch in verb.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.i < toks.start and any(
        m.id in wanted for m in span_matches(span.doc[subject.left_edge.i: subject.i + 1], ctx.taxonomy, "themes"))


@CUES.rule("word", "A stance word (its lemma or form) not vetoed by NOT_A_CUE, turned by NEGATED and FLIPS.",
           "BASW welcomed the new duty.")
def word_cues(ctx: StanceContext, c: Clause) -> list[Cue]:
    out = []
    for tok in tokens(c.span):
        if tok.i in c.used or tok.i in c.skip or tok.is_punct:
            continue
        cue = GRANTS.first(ctx, tok, c) or _word_cue(ctx, tok, c)
        if cue is not None:
            out.append(cue)
    return out


def word_sign(ctx: StanceContext, tok: Token) -> int:
    """+1 for a support word (lemma or form), -1 for an objection word, else 0; support wins."""
    a, b = ctx.signs.get(tok.lemma_.lower(), 0), ctx.signs.get(tok.lower_, 0)
    return +1 if a > 0 or b > 0 else -1 if a or b else 0


def _word_cue(ctx: StanceContext, tok: Token, c: Clause) -> Cue | None:
    sign = word_sign(ctx, tok)
    if not sign or NOT_A_CUE.any(ctx, tok, sign) or sign > 0 and someone_elses_act(ctx, tok, c):
        return None
    neg = negated(ctx, tok, c.span)
    if any(rule(ctx, tok, sign) for rule in FLIPS):
        neg = not neg
    return Cue(K.WORD, -sign if neg else sign, ("not " if neg else "") + tok.text, "word")


GRANTS = RuleTable("stance", "grants", "Refusing to grant an objection backs what it objects to.")


@GRANTS.rule("refused-objection", "'did not accept claims that ...': refusing to grant an objection is support.",
             "She did not accept claims that the teams would fail.")
def refused_objection(ctx: StanceContext, tok: Token, c: Clause) -> Cue | None:
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.words("verbs.grant") or word_sign(ctx, tok):
        return None
    if plain_negated(ctx, tok, c.span) and any(
            ch.dep_ == "dobj" and ch.lemma_.lower() in ctx.lex.objection_nouns for ch in tok.children):
        return Cue(K.GRANT, +1, f"not {tok.text} the objection", "refused-objection")
    return None


@GRANTS.rule("refused-question", "'Asked if the review is tinkering, he said: I don't accept it': refusing the "
             "objection a question put is support.",
             "Asked if the plan was rushed, she said: I do not accept that.")
def refused_question(ctx: StanceContext, tok: Token, c: Clause) -> Cue | None:
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.words("verbs.grant") or not plain_negated(ctx, tok, c.span):
        return None
    if not any(ch.dep_ == "dobj" and ch.lower_ in ctx.words("pronouns.pointing") for ch in tok.children):
        return None
    if any(word_sign(ctx, t) < 0 and asked(ctx, t, -1) for t in tokens(c.span)):
        return Cue(K.GRANT, +1, f"not {tok.text} what was put to them", "refused-question")
    return None


_WH_TAGS = frozenset({"WRB", "WP", "WDT"})  # 'how', 'what', 'which' opening an indirect question
NOT_A_CUE = RuleTable("stance", "not-a-cue", "A stance word that takes no stance here (any rule vetoes it).")


@NOT_A_CUE.rule("part-of-speech", "A cue word limited in [stance.pos] to some parts of speech counts only as those.",
                "Family support is offered to every parent.")
def wrong_part_of_speech(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return not (ctx.lex.allows(tok.lemma_.lower(), tok.pos_) and ctx.lex.allows(tok.lower_, tok.pos_))


@NOT_A_CUE.rule("chance-to-take-part", "A support word whose object is a chance to take part ('we welcome the "
                "opportunity to respond', 'delighted to have the chance to comment') is a courtesy.",
                "We welcome the opportunity to respond to the consultation.")
def chance_to_take_part(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign <= 0:
        return False
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]  # 'delighted to have the chance'
    chances = [c for v in verbs for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.words("nouns.chance")]
    return any(a.dep_ == "acl" and a.lemma_.lower() in ctx.words("verbs.take_part") for c in chances for a in c.children)


@NOT_A_CUE.rule("description", "A past participle describing a noun ('favoured advisers') is a description.",
                "A survey backed by interviews found rising caseloads.")
def description(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return sign > 0 and tok.tag_ == "VBN" and tok.dep_ in {"amod", "acl"} and \
        not any(ch.lower_ in ctx.words("markers.concessive") for ch in tok.children)  # 'X, whilst welcomed, ...'


@NOT_A_CUE.rule("record", "A proposer verb in the passive with no agent records events ('changes were introduced').",
                "The changes were introduced in 2014.")
def record_of_events(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return sign > 0 and tok.lemma_.lower() in ctx.words("verbs.proposer") and \
        any(ch.dep_ == "auxpass" for ch in tok.children) and not any(ch.dep_ == "agent" for ch in tok.children)


@NOT_A_CUE.rule("withdrawal", "A proposer verb whose object is going back on a plan ('confirmed the u-turn') "
                "backs no proposal.", "The minister confirmed the u-turn on the Bill.")
def withdrawal(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign <= 0 or tok.lemma_.lower() not in ctx.words("verbs.proposer"):
        return False
    doc = tok.doc
    objects = [ch for ch in tok.children if ch.dep_ == "dobj"]  # 'the u-turn' may come as three objects
    last = "".join(t.lower_ for t in doc[max(0, objects[-1].i - 2):objects[-1].i + 1]) if objects else ""
    return any(last.endswith(w) for w in ctx.words("nouns.withdrawal"))  # 'u', '-', 'turn' as one word


@NOT_A_CUE.rule("answered", "A stance word inside what the speaker answers ('in response to concerns about X', "
                "'responding to criticism') is the other side's, not the speaker's.",
                "Responding to concerns about funding, the minister said the plan was sound.")
def answered(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return answered_at(tok, ctx.words("markers.answering"), steps=8)


@NOT_A_CUE.rule("asked", "A stance word inside a question put to the speaker ('asked if the review is tinkering') "
                "or a question the speaker asks ('asks how X can be done') is nobody's position.",
                "Asked whether the plan was rushed, the minister said it was sound.")
def asked(ctx: StanceContext, tok: Token, sign: int) -> bool:
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.lemma_.lower() in ctx.words("verbs.ask_question") and tok.dep_ in {"advcl", "ccomp"} and any(
                c.dep_ == "mark" and c.lower_ in ctx.words("markers.whether") or c.tag_ in _WH_TAGS and c.i < tok.i
                for c in tok.children):
            return True
        tok = head
    return False


@NOT_A_CUE.rule("denied", "An objection word in what the speaker refuses to grant or does not think ('I don't accept "
                "that the plans are rushed', 'you wouldn't expect me to think that it was tinkering') is denied, not raised.",
                "I do not accept that the plans are rushed.")
def denied(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign >= 0:
        return False
    views = ctx.lex.union("verbs.grant", "verbs.hold_view")
    verb = _governor(tok, 6, lambda t, head: t.dep_ == "ccomp" and head.lemma_.lower() in views)
    return verb is not None and _refused(verb)


def _governor(tok: Token, steps: int, link) -> Token | None:
    """The first head up from ``tok`` (at most ``steps`` up) that ``link(child, head)`` accepts."""
    for _ in range(steps):
        head = tok.head
        if head.i == tok.i:
            return None
        if link(tok, head):
            return head
        tok = head
    return None


def _refused(verb: Token) -> bool:
    """Whether a verb is negated, itself or through the verb it completes ('wouldn't expect me to accept')."""
    return any(c.dep_ == "neg" for c in verb.children) or \
        verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


@NOT_A_CUE.rule("overridden", "An objection the speaker sets aside ('despite the opposition from some quarters, we "
                "will go ahead') is not theirs.", "Despite the opposition, the council backed the plan.")
def overridden(ctx: StanceContext, tok: Token, sign: int) -> bool:
    overriding = ctx.words("markers.overriding")
    return sign < 0 and _governor(tok, 4, lambda t, head: t.dep_ == "pobj" and head.lower_ in overriding) is not None


@NOT_A_CUE.rule("service", "A support verb whose object is people describes a service ('supporting families'); "
                "people named inside a proposal ('family help') are not its object.",
                "The teams will support families in crisis.")
def service(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return sign > 0 and tok.pos_ == "VERB" and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in ctx.words("nouns.beneficiary")
        and not any(g.dep_ in {"acl", "relcl"} and g.tag_ == "VBG" for g in ch.children)
        and not in_proposal_name(ctx, ch)
        for ch in tok.children)


@NOT_A_CUE.rule("peoples-troubles", "An objection noun that says what people live with ('families with problems', "
                "'families struggling with problems like debt') describes their need, not an objection.",
                "Family help will reach families struggling with problems like debt.")
def peoples_troubles(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in ctx.words("markers.living_with"):
        return False
    holder = tok.head.head  # 'families with problems', or the verb of 'families struggling with problems'
    if holder.dep_ == "acl" and holder.lemma_.lower() in ctx.words("stance.object.hardship"):
        holder = holder.head
    return holder.pos_ == "NOUN" and holder.lemma_.lower() in ctx.words("nouns.beneficiary")


@NOT_A_CUE.rule("the-opposition", "'Opposition' written with a capital inside a sentence ('the Liberal Democrats "
                "Opposition spokesperson', 'the Opposition has pressed the council') names the parties out of office, "
                "not an objection, unless it says to what ('Opposition to the plan').",
                "The Opposition spokesperson for children asked about the plan.")
def the_opposition(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or not tok.text[:1].isupper() or tok.lower_ not in ctx.words("nouns.opposition_name") or tok.is_sent_start:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ctx.words("markers.opposed_to") for c in tok.children)


@NOT_A_CUE.rule("worry-for-people", "A worry about people ('concerns about kinship carers', 'fears for children') is "
                "care for them, not an objection; a worry about a plan, or about a quality of the people "
                "('unqualified staff'), still objects.",
                "She raised concerns about kinship carers.")
def worry_for_people(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or tok.pos_ != "NOUN" or tok.lower_ not in ctx.words("attribution.objection_nouns"):
        return False
    objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ctx.words("markers.about")
               for o in p.children if o.dep_ == "pobj"]
    # people as they are ('kinship carers'), not a quality of theirs ('unqualified staff')
    return bool(objects) and all(o.lemma_.lower() in ctx.words("nouns.beneficiary")
                                 and not any(c.dep_ == "amod" for c in o.children) for o in objects)


@NOT_A_CUE.rule("hardship", "A hardship word whose subject is people ('households struggle to pay') describes their "
                "need, not an objection; the speaker's own ('we struggle to see') and a named plan's still count, "
                "unless the word only describes the people ('support for families struggling with debt').",
                "Many households struggle to pay their bills.")
def hardship(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or tok.lemma_.lower() not in ctx.words("stance.object.hardship"):
        return False
    subject = _sufferer(ctx, tok)
    if subject is None or subject.lemma_.lower() not in ctx.words("nouns.beneficiary"):
        return False
    describes = tok.dep_ in {"acl", "relcl"} and subject.i == tok.head.i  # 'families struggling with debt'
    return describes or not ctx.names_proposal(tok.sent)


@NOT_A_CUE.rule("when-it-happens", "An objection verb heading a clause of time about people ('before children are "
                "removed', 'until families reach crisis') says when something happens, not what the speaker objects to.",
                "Councils must offer a family meeting before children are removed.")
def when_it_happens(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ctx.words("markers.time_marks")
                                                  for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.lemma_.lower() in ctx.words("nouns.beneficiary")


@NOT_A_CUE.rule("when-there-are", "An objection noun that a clause of time says there is ('considered when there "
                "are concerns about the plan') says when something is done, not what the speaker objects to.",
                "Relatives should be consulted first when there are concerns about the plan.")
def when_there_are(ctx: StanceContext, tok: Token, sign: int) -> bool:
    verb = tok.head
    return sign < 0 and tok.pos_ == "NOUN" and tok.dep_ in {"attr", "nsubj"} and verb.dep_ == "advcl" and \
        any(c.dep_ == "expl" for c in verb.children) and \
        any(c.dep_ in {"mark", "advmod"} and c.lower_ in ctx.words("markers.time_marks") for c in verb.children)


@NOT_A_CUE.rule("if-it-happens", "An objection verb heading an 'if' or 'unless' clause ('a reserve power if other "
                "measures fail') names a condition, not what the speaker objects to; under a verb of saying or "
                "asking ('asked if it failed') it is a question, left to the other rules.",
                "The cap is a reserve power if other measures fail.")
def if_it_happens(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return sign < 0 and tok.pos_ == "VERB" and tok.dep_ == "advcl" and \
        tok.head.lemma_.lower() not in ctx.lex.union("verbs.ask_question", "attribution.speech_verbs") and any(
            c.dep_ == "mark" and c.lower_ in ctx.words("markers.condition_marks") for c in tok.children)


def _sufferer(ctx: StanceContext, tok: Token) -> Token | None:
    """Who a hardship word is said of: its subject, the noun a participle or relative clause
    describes ('households struggling', 'customers who struggle'), the plural 'they' stands for,
    the people a count names ('thousands of children')."""
    subject = next((ch for ch in tok.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and tok.dep_ in {"acl", "relcl", "xcomp"} or \
            subject is not None and subject.tag_ in {"WP", "WDT"} and tok.dep_ == "relcl":
        subject = tok.head
    if subject is None:
        return None
    return _they_people(ctx, tok, subject) if subject.lower_ == "they" else _counted(ctx, subject)


def _they_people(ctx: StanceContext, tok: Token, subject: Token) -> Token | None:
    people = ctx.words("nouns.beneficiary")  # the nearest plural, not 'incomes' of 'people on low incomes'
    return next((t for t in reversed(tok.doc[tok.sent.start: subject.i]) if t.tag_ == "NNS" and (
        t.lemma_.lower() in people or not (t.dep_ == "pobj" and t.head.head.pos_ in {"NOUN", "PROPN"}))), None)


def _counted(ctx: StanceContext, noun: Token) -> Token:
    """What a count names ('thousands of children', 'many of the families'): the people."""
    if noun.like_num or noun.tag_ == "CD" or noun.lemma_.lower() in ctx.words("nouns.count"):
        return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), noun)
    return noun


@NOT_A_CUE.rule("as-others-feared", "A stance verb in an 'as' clause of unnamed others ('... as some critics "
                "feared') is theirs, set against the speaker's view.",
                "The plan is no rushed job, as some critics feared it would be.")
def as_others_feared(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return tok.pos_ == "VERB" and in_others_as_clause(tok, ctx.state.actor_of, steps=1)


@NOT_A_CUE.rule("as-named-said", "A speech verb heading an 'as' clause of a named actor ('..., as the Institute "
                "has warned') says who agrees with the sentence, not what it makes of a plan.",
                "Services are crumbling, as the Institute has warned.")
def as_named_said(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.lex.speech_verbs and as_clause(tok) and \
        any(c.dep_ == "nsubj" and ctx.state.actor_of(c) for c in tok.children)


@NOT_A_CUE.rule("state-of-a-thing", "An objection participle in -ing describing something that is no plan ('failing "
                "water companies', 'the struggling sector'), or any objection word describing the present arrangements "
                "('an overwhelmed system'), tells its state; 'a failing plan' still objects.",
                "Failing companies could dodge the fines.")
def state_of_a_thing(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or tok.dep_ != "amod" or tok.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.tag_ != "VBG" and tok.head.lemma_.lower() not in ctx.words("nouns.status_quo"):
        return False  # else only of the present arrangements ('an overwhelmed system'); 'a failed experiment' objects
    thing = tok.head
    plans = ctx.lex.union("nouns.plan", "nouns.document_head", "nouns.work")
    return thing.lower_ not in plans and thing.lemma_.lower() not in plans and not in_proposal_name(ctx, thing) and \
        not (ctx.taxonomy is not None and span_matches(tok.doc[thing.i: thing.i + 1], ctx.taxonomy, "themes"))


@NOT_A_CUE.rule("compound-word", "An objection noun that only modifies another noun ('opposition parties', 'risk "
                "assessment', 'the failure regime') names a kind of thing; one with an adjective of its own "
                "('huge concerns family hubs will ...', a clause the parser ran on) is a noun in its own right.",
                "Ministers saw off amendments from opposition parties.")
def compound_word(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return sign < 0 and tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"} \
        and not any(c.dep_ == "amod" for c in tok.children)


@NOT_A_CUE.rule("inverted-condition", "A stance verb in a condition put with an inverted 'should' ('should other "
                "measures fail') supposes; it takes no stance.",
                "A cap is kept as a backstop should other measures fail.")
def inverted_condition(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ in ctx.words("markers.recommending") and inverted(c) for c in tok.children)


@NOT_A_CUE.rule("finding", "A stance word in what research found ('reviews have found that information sharing is "
                "problematic') reports the finding; it is not the speaker's verdict.",
                "Studies have found that the waiting is harmful.")
def research_finding(ctx: StanceContext, tok: Token, sign: int) -> bool:
    for _ in range(5):  # up to the clause the word is in, then what that clause is the object of
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "ccomp":
            return tok.head.lemma_.lower() in ctx.words("verbs.finding") and any(
                c.dep_ in {"nsubj", "nsubjpass"} and (c.lemma_.lower() in ctx.words("nouns.research") or (
                    c.tag_ == "NNS" and c.lemma_.lower() in ctx.words("nouns.work")))  # 'reviews have found'
                for c in tok.head.children)
        tok = tok.head
    return False


@NOT_A_CUE.rule("proposal-aim", "An objection noun a named proposal is aimed at ('criminal liability for failures', "
                "'fines for breaches') says what the proposal tackles, not what the speaker objects to.",
                "Ministers will bring in criminal liability for failures.")
def proposal_aim(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0 or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in ctx.words("markers.aimed_at"):
        return False
    return in_proposal_name(ctx, tok.head.head)


@NOT_A_CUE.rule("problem-revealed", "A verb of putting forward whose object is a problem and names no proposal "
                "('helped to unveil the scale of the problem') reveals it; it puts nothing forward.",
                "The data unveiled the scale of the problem.")
def problem_revealed(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign < 0 or ctx.taxonomy is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.words("verbs.proposer"):
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or not any(t.lemma_.lower() in ctx.lex.object_lemmas for t in obj.subtree):
        return False
    return not span_matches(tok.doc[obj.left_edge.i:obj.right_edge.i + 1], ctx.taxonomy, "proposals")


def in_proposal_name(ctx: StanceContext, tok: Token) -> bool:
    """Whether ``tok`` is part of a taxonomy proposal's name in the text."""
    return ctx.taxonomy is not None and any(
        m.start <= tok.idx < m.end for m in doc_matches(tok.doc, ctx.taxonomy, "proposals"))


FLIPS = RuleTable("stance", "flips", "A cue word that points the other way here (each rule that holds flips it).")


@FLIPS.rule("less", "'less hopeful': a lowered support adjective objects.", "She was less hopeful about the plan.")
def lowered(ctx: StanceContext, tok: Token, sign: int) -> bool:
    return sign > 0 and tok.pos_ == "ADJ" and any(
        ch.lower_ in ctx.words("markers.lowering") and ch.dep_ == "advmod" for ch in tok.children)


@FLIPS.rule("remedied-problem", "A problem word that a remedy verb acts on ('address the problems', 'end the "
            "dangerous use') is what a proposal fixes, not an objection to it.",
            "These teams seek to address the problems we see.")
def remedied_problem(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign > 0:
        return False
    noun = tok if tok.pos_ == "NOUN" else tok.head if tok.pos_ == "ADJ" and tok.dep_ == "amod" else None
    if noun is not None and noun.dep_ == "conj":  # '... rules and barriers': the first of the joined nouns
        noun = next((t for t in noun.conjuncts if t.dep_ != "conj"), noun)
    return noun is not None and noun.dep_ in {"dobj", "nsubjpass"} and \
        noun.head.lemma_.lower() in ctx.words("verbs.remedy")


@FLIPS.rule("objection-object", "'rejects that criticism', 'remove barriers', 'reverse the decline': an objection "
            "verb whose object is an objection, or a remedy verb whose object is a problem or a worsening, supports.",
            "The minister rejected the criticism of the plan.")
def objection_object(ctx: StanceContext, tok: Token, sign: int) -> bool:
    if sign >= 0 or tok.pos_ != "VERB":
        return False
    remedy = tok.lemma_.lower() in ctx.words("verbs.remedy")
    objects = [o for ch in tok.children if ch.dep_ == "dobj" for o in (ch, *ch.conjuncts)]  # '... rules and barriers'
    return any(o.lemma_.lower() in ctx.lex.objection_nouns or remedy and (
        word_sign(ctx, o) < 0 or o.lemma_.lower() in ctx.words("nouns.worsening")) for o in objects)


@CUES.rule("only-if", "'will only reach them if ...': 'only' on a verb with an 'if'/'unless' clause is a condition.",
           "Family help will only reach them if councils are funded.")
def only_if(ctx: StanceContext, c: Clause) -> list[Cue]:
    if "only" not in c.low:
        return []
    marks = ctx.words("markers.condition_marks")
    return [Cue(K.ONLY_IF, -1, f"only {tok.head.text} ... if (condition)", "only-if", 1.5) for tok in tokens(c.span)
            if tok.lower_ == "only" and tok.dep_ == "advmod" and tok.i not in c.used and any(
                ch.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in ch.children)
                for ch in tok.head.children)]


@CUES.rule("no-remedy", "'won't stop the leaks', 'will not solve the crisis': a plan said not to remedy a problem is "
           "objected to (the speaker's own 'we cannot fix it' is no verdict on a plan).",
           "The cap won't solve the staffing crisis.")
def no_remedy(ctx: StanceContext, c: Clause) -> list[Cue]:
    out = []
    for tok in tokens(c.span):
        if tok.i in c.used or tok.lemma_.lower() not in ctx.words("verbs.remedy") or tok.pos_ != "VERB" or \
                not plain_negated(ctx, tok, c.span) or not any(ch.dep_ == "dobj" for ch in tok.children):
            continue
        subject = next((ch for ch in tok.children if ch.dep_ in {"nsubj", "csubj"}), None)
        if subject is None or subject.lower_ in ctx.lex.union("pronouns.first_person_plural",
                                                               "pronouns.first_person_singular"):
            continue
        c.used.add(tok.i)
        out.append(Cue(K.WORD, -1, f"not {tok.text} (no remedy)", "no-remedy"))
    return out


@CUES.rule("urged", "'urges the government to pilot X': what the speaker presses for is backed (not disclosures).",
           "The charity urged ministers to extend the allowance.")
def urged(ctx: StanceContext, c: Clause) -> list[Cue]:
    if not ctx.urge_hint.search(c.low):
        return []
    out = []
    for tok in tokens(c.span):
        if tok.i in c.skip or tok.i in c.used:
            continue
        action = urged_action(ctx, tok)
        if action is None or action.i in c.used or action.lemma_.lower() in ctx.lex.object_lemmas \
                or action.lemma_.lower() in ctx.words("verbs.disclose"):
            continue
        asked = c.span.doc[action.i:action.right_edge.i + 1]
        if ground_named(ctx, asked, condition=True) and not ctx.names_proposal(asked):
            # 'we urge the government to provide the investment needed': a condition on resources
            out.append(Cue(K.CONDITION, -1, f"{tok.text} ... to {action.text} (condition)", "urged-resources", 1.5))
        else:
            out.append(Cue(K.URGED, +1, f"{tok.text} ... to {action.text} (pressed for)", "urged"))
    return out


def urged_action(ctx: StanceContext, tok: Token) -> Token | None:
    """'urges the government to pilot X', 'called on the authority to launch Y': the verb of the
    action the speaker presses for, else None."""
    if not _pressing(ctx, tok):
        return None
    found = _pressed_action(tok)
    people = ctx.lex.union("pronouns.male", "pronouns.female")
    if found is not None and any(ch.dep_ == "dobj" and ch.lower_ in people for ch in found.children):
        return None  # 'asking detractors to judge him': an action on a person, no proposal pressed for
    return found


def _pressed_action(tok: Token) -> Token | None:
    """The 'to' verb an urge verb presses for: its complement, else one the parser hung off 'on'
    ('called on the CMA to launch'), else a clause of the verb after the 'on' of who is called on
    ('... call on ministers to invest')."""
    return _complement_action(tok) or _action_under_on(tok) or _action_after_on(tok)


def _complement_action(tok: Token) -> Token | None:
    return next((ch for ch in tok.children if ch.dep_ in {"xcomp", "ccomp"} and _to_verb_after(ch, tok)), None)


def _action_under_on(tok: Token) -> Token | None:
    return next((g for ch in tok.children if ch.lower_ == "on" for g in ch.subtree if _to_verb_after(g, tok)), None)


def _action_after_on(tok: Token) -> Token | None:
    called = [a.i for a in tok.children if a.dep_ == "prep" and a.lower_ == "on"]
    return next((ch for ch in tok.children if ch.dep_ == "advcl" and _to_verb_after(ch, tok) and
                 any(i < ch.i for i in called)), None)


def _pressing(ctx: StanceContext, tok: Token) -> bool:
    """Whether ``tok`` is an urge verb the speaker uses on someone: not passive ('when asked by X
    to commit', 'he was urged to act': pressed, not pressing); 'call' only as 'call on'."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in ctx.words("verbs.urge"):
        return False
    if any(ch.dep_ in {"auxpass", "agent"} for ch in tok.children):
        return False
    return lemma != "call" or any(ch.lower_ == "on" for ch in tok.children)


def _to_verb_after(verb: Token, tok: Token) -> bool:
    return verb.pos_ == "VERB" and verb.i > tok.i and any(a.lower_ == "to" for a in verb.children)


@CUES.rule("funded-condition", "'must be fully funded', 'assurance that it will be properly funded': a demand that "
           "something be paid for in full is a condition on its funding, an objection on that ground.",
           "New duties must be fully funded.")
def funded_condition(ctx: StanceContext, c: Clause) -> list[Cue]:
    if not any(w in c.low for w in ctx.words("verbs.fund")):
        return []  # ('funded', 'resourced', 'financed' hold their verb)
    out = []
    for tok in tokens(c.span):
        if tok.i in c.used or tok.tag_ != "VBN" or tok.lemma_.lower() not in ctx.words("verbs.fund") or \
                not any(a.dep_ == "advmod" and a.lower_ in ctx.words("markers.sufficiency") for a in tok.children):
            continue
        if _demanded(ctx, tok) and not negated(ctx, tok, c.span):
            c.used.add(tok.i)
            out.append(Cue(K.CONDITION, -1, f"be {tok.text} (condition)", "funded-condition", 1.5))
    return out


def _demanded(ctx: StanceContext, tok: Token) -> bool:
    """Whether a passive participle is asked for: under 'must'/'should', or what an assurance or a
    guarantee is sought of ('assurance that the plans will be fully funded')."""
    kids = list(tok.children)
    if not any(k.dep_ == "auxpass" for k in kids):
        return False  # 'a fully funded service' describes it
    if any(k.dep_ == "aux" and k.lower_ in ctx.words("markers.recommending") for k in kids):
        return True
    return tok.dep_ in {"ccomp", "acl"} and tok.head.lemma_.lower() in ctx.words("nouns.assurance")


@CUES.rule("need", "What is needed: a condition ground ('we need further investment') is an objection on it; "
           "a proposal ('the need to restore early help') is backed.", "To shift the dial we need further investment.")
def needed(ctx: StanceContext, c: Clause) -> list[Cue]:
    if "need" not in c.low and "requir" not in c.low:
        return []
    out = []
    for tok in tokens(c.span):
        if tok.i in c.used or tok.i in c.skip or tok.lemma_.lower() not in ctx.words("verbs.need"):
            continue
        what = needed_phrase(tok)
        if what is None or negated(ctx, tok, c.span) or _past(tok) and not _reported(ctx, tok):
            continue  # ('£2bn was needed', 'it required'): a report of the past, no condition now
        cue, spent = _need_cue(ctx, tok, what)
        if spent:
            c.used.update(t.i for t in what)  # its words say what is needed, no cue of their own
        out += [cue] if cue is not None else []
    return out


def _need_cue(ctx: StanceContext, tok: Token, what: Span) -> tuple[Cue | None, bool]:
    """The cue of what is needed, and whether its words are spent on it: more of a named proposal
    ('further investment in early help') is asked for; a condition ground ('extra funding') is an
    objection on it; a named proposal or carrying out a document is asked for."""
    if _improved_proposal(ctx, what):
        return Cue(K.NEED, +1, f"{tok.text} ... in (asks for more of it)", "need", 1.5), True
    if ground_named(ctx, what, condition=True):
        return Cue(K.NEED, -1, f"{tok.text} ... (condition)", "need", 1.5), True
    if ctx.names_proposal(what) or _carried_out(ctx, what):
        return Cue(K.NEED, +1, f"{tok.text} (asks for it)", "need"), False
    if any(asks_for_change(ctx.lex, t) for t in [*what, *tok.children]):  # 'change is needed to ...': its subject
        return Cue(K.NEED, +1, f"{tok.text} ... change (asks for reform)", "need"), False
    return None, False


def _improved_proposal(ctx: StanceContext, what: Span) -> bool:
    """'investment in early help', 'to invest further in family hubs': a word of improving followed by
    an 'in' whose next few words name a particular proposal (read by position: the parser often hangs
    the 'in' elsewhere)."""
    improve = ctx.lex.union("verbs.improve", "nouns.amount")
    doc = what.doc
    for t in what:
        if t.lemma_.lower() not in improve:
            continue
        at = next((i for i in range(t.i + 1, min(t.i + 3, len(doc))) if doc[i].lower_ == "in"), None)
        if at is not None and ctx.names_proposal(doc[at:min(at + IMPROVED_REACH, t.sent.end)]):
            return True
    return False


#: How many words after the 'in' of 'investment in' may name what is invested in.
IMPROVED_REACH = 8


def _carried_out(ctx: StanceContext, what: Span) -> bool:
    """'needs to implement the review': what is needed carries out a named policy document."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in ctx.words("verbs.carry_out") for t in what) and \
        ctx.names_proposal(what, documents=True)


def _reported(ctx: StanceContext, tok: Token) -> bool:
    """A past tense shifted back by the speech verb that reports it ('she said social work needed
    a reset'): what the speaker says is needed now."""
    return tok.tag_ == "VBD" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in ctx.lex.speech_verbs


def _past(tok: Token) -> bool:
    """A verb in the past tense, or a passive with a past auxiliary ('was needed')."""
    return tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in tok.children)


def needed_phrase(tok: Token) -> Span | None:
    """What a 'need'/'require' asks for: its object or complement, the subject of 'X is needed',
    the noun a relative clause qualifies, or what follows 'the need for' / 'the need to'."""
    doc = tok.doc
    if tok.pos_ == "NOUN" and tok.tag_ != "NN":
        return None  # 'children with complex needs' asks for nothing
    parts = _needed_parts(tok)
    if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ == "NOUN" and (
            not any(c.dep_ == "dobj" for c in tok.children)
            or any(t.tag_ in {"WDT", "WP"} for t in doc[tok.head.i + 1:tok.i])):
        # 'the funding (which councils) need(ed)'; without a relative pronoun and with an object of
        # its own ('the dial we need further funding') it is a misread clause that asks for its object
        return doc[tok.head.left_edge.i:tok.head.i + 1]

    if not parts:
        return None
    idx = [t.i for p in parts for t in p.subtree]
    return doc[min(idx):max(idx) + 1]


def _needed_parts(tok: Token) -> list[Token]:
    noun = tok.pos_ == "NOUN"
    parts = [ch for ch in tok.children if ch.dep_ in {"dobj", "xcomp", "ccomp", "acl", "prep"}
             and (not noun or ch.lower_ in {"for", "to"} or ch.dep_ == "acl")]
    return parts or ([ch for ch in tok.children if ch.dep_ == "nsubjpass"] if tok.tag_ == "VBN" else [])


def ground_named(ctx: StanceContext, span: Span, *, condition: bool) -> bool:
    """Whether a span names a ground (only those marked ``condition`` when asked)."""
    if ctx.taxonomy is None:
        return False
    wanted = ctx.condition_themes() if condition else set(ctx.taxonomy.themes)
    return any(m.id in wanted for m in span_matches(span, ctx.taxonomy, "themes"))


# ---------------------------------------------------------------- negation
NEGATED = RuleTable("stance", "negated", "Whether a cue is negated (any rule that holds negates it).")


def negated(ctx: StanceContext, tok: Token, span: Span) -> bool:
    """Whether a cue is negated. A prohibition ('must not be diluted') keeps the cue's polarity."""
    return not prohibition(ctx, tok, span) and plain_negated(ctx, tok, span)


def plain_negated(ctx: StanceContext, tok: Token, span: Span) -> bool:
    return NEGATED.any(ctx, tok, span)


def prohibition(ctx: StanceContext, tok: Token, span: Span) -> bool:
    """'must not be diluted', 'should not be weakened': a prohibition voices the same concern; so
    does a harm the speaker would make sure of avoiding ('ensure that it does not weaken ...')."""
    if not _objection_word(ctx, tok):
        return False
    if guarded_against(ctx, tok) or prohibited_object(ctx, tok):
        return True
    window = [t.lower_ for t in span.doc[max(span.start, tok.i - 4):tok.i]]
    alone, tail = ctx.words("markers.prohibiting_alone"), ctx.words("markers.prohibition_tail")
    return any(w in ctx.words("markers.prohibiting") and (window[i + 1] in tail or w in alone)
               for i, w in enumerate(window[:-1]))


def prohibited_object(ctx: StanceContext, tok: Token) -> bool:
    """'staff must not face undue pressure', 'it should not lead to delays': an objection noun as
    the object of a verb under a prohibiting modal and 'not' is a harm forbidden, the same concern."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in {"dobj", "attr"}:
        return False
    return head.pos_ in {"VERB", "AUX"} and forbidden(head, ctx.words("markers.prohibiting"))


def guarded_against(ctx: StanceContext, tok: Token) -> bool:
    """'ensure the changes do not destabilise the system', 'make sure it does not fail': an objection
    verb negated in what a verb of making certain governs is a harm to guard against."""
    return (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in ctx.words("verbs.making_certain")
            and any(ch.dep_ == "neg" for ch in tok.children) and _objection_word(ctx, tok))


def _objection_word(ctx: StanceContext, tok: Token) -> bool:
    return tok.lemma_.lower() in ctx.lex.object_lemmas or tok.lower_ in ctx.lex.object_lemmas


@NEGATED.rule("negation-child", "The cue word has a negation of its own ('not welcome').",
              "The union did not welcome the plan.")
def negation_child(ctx: StanceContext, tok: Token, span: Span) -> bool:
    return any(ch.dep_ == "neg" for ch in tok.children)


@NEGATED.rule("negated-head", "The verb the cue depends on is negated before it ('is not realistic').",
              "The timetable is not realistic.")
def negated_head(ctx: StanceContext, tok: Token, span: Span) -> bool:
    return tok.dep_ in {"acomp", "attr", "xcomp", "dobj", "pobj", "amod"} and \
        any(ch.dep_ == "neg" and ch.i < tok.i for ch in tok.head.children)


@NEGATED.rule("negated-preposition", "The cue is the object of a preposition on a negated verb.",
              "The plan does not come with enough funding.")
def negated_preposition(ctx: StanceContext, tok: Token, span: Span) -> bool:
    head = tok.head
    return tok.dep_ == "pobj" and head.dep_ == "prep" and any(ch.dep_ == "neg" and ch.i < tok.i for ch in head.head.children)


@NEGATED.rule("negated-subject-clause", "A cue in a subject clause of a negated verb ('failing ... is no longer an option').",
              "Failing to act is no longer an option.")
def negated_subject_clause(ctx: StanceContext, tok: Token, span: Span) -> bool:
    return tok.dep_ in {"csubj", "nsubj"} and any(
        ch.lower_ in ctx.words("markers.subject_negators") or (ch.lower_ == "longer" and any(g.lower_ == "no" for g in ch.children))
        for ch in tok.head.children)


@NEGATED.rule("negator-before", "A negator word among the three words before the cue ('no clear plan').",
              "There is never a clear plan.")
def negator_before(ctx: StanceContext, tok: Token, span: Span) -> bool:
    window = span.doc[max(span.start, tok.i - 3):tok.i]
    return any(t.lower_ in ctx.lex.negators and t.lower_ != "without" for t in window)


@NEGATED.rule("negator-phrase", "A negating phrase just before the cue ('far from welcoming').",
              "Far from welcoming the plan, the union attacked it.")
def negator_phrase(ctx: StanceContext, tok: Token, span: Span) -> bool:
    before = doc_text(span.doc)[max(span.start_char, tok.idx - 25):tok.idx].lower()
    return bool(ctx.negator_phrases is not None and ctx.negator_phrases.search(before))


# ---------------------------------------------------------------- clauses without cue words
FALLBACKS = RuleTable("stance", "fallbacks", "The stance of a clause with no cue (the first rule that answers decides).")


@FALLBACKS.rule("wish", "'wants the age raised', 'would like to see X': the speaker's own wish backs it.",
                "She wants the allowance extended to every carer.")
def wish(ctx: StanceContext, c: Clause) -> Cue | None:
    if ("want" in c.low or "like" in c.low) and any(wants(ctx, t, c.unit) for t in tokens(c.span) if t.i not in c.skip):
        return Cue(K.WANT, +1, "wants it (what the speaker wants done)", "wish")
    return None


@FALLBACKS.rule("should-proposal", "A proposal as subject or object of 'should' is recommended.",
                "Family help should be delivered by skilled professionals.")
def should_proposal(ctx: StanceContext, c: Clause) -> Cue | None:
    return Cue(K.SHOULD, +1, "should (recommendation)", "should-proposal") if recommends(ctx, c.span) else None


@FALLBACKS.rule("argues-for", "Arguing about a named proposal with no cue against it argues for it.",
                "He argued that family group conferences keep children at home.")
def argues_for(ctx: StanceContext, c: Clause) -> Cue | None:
    unit = c.unit
    if unit is not None and unit.cue in ctx.words("verbs.argue") and ctx.names_proposal(c.span):
        return Cue(K.ARGUE, +1, f"{unit.cue} (makes the case)", "argues-for")
    return None


@FALLBACKS.rule("agrees-with", "Agreeing with a named proposal backs it; disagreeing, or not agreeing, objects to it "
                "(agreeing with someone that ... holds their view, not a stance on them).",
                "We agree with the kinship allowance.")
def agrees_with(ctx: StanceContext, c: Clause) -> Cue | None:
    for tok in tokens(c.span):
        lemma = tok.lemma_.lower()
        agree, disagree = lemma in ctx.words("verbs.agree_with"), lemma in ctx.words("verbs.disagree_with")
        if tok.pos_ == "VERB" and (agree or disagree) and tok.i not in c.skip and _agreed_proposal(ctx, tok):
            sign = (-1 if disagree else 1) * (-1 if negated(ctx, tok, c.span) else 1)
            return Cue(K.ARGUE, sign, f"{tok.text} with (its own view of it)", "agrees-with")
    return None


def _agreed_proposal(ctx: StanceContext, verb: Token) -> bool:
    """Whether the 'with' phrase of a verb of agreeing names a proposal: not an actor, and not
    followed by the view agreed with ('agree with the review that ...': the review's view)."""
    withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
             and not any(o.dep_ == "pobj" and ctx.state.actor_of(o) for o in p.children)]
    if not withs:
        return False
    after = verb.doc[withs[0].i:verb.right_edge.i + 1]
    return not any(t.dep_ in {"ccomp", "mark"} for t in after) and ctx.names_proposal(after)


@FALLBACKS.rule("government-plan", "The government describing its own named plan (a policy document too, or one "
                "pointed back to as the subject: 'the Bill is designed to ...') supports it.",
                "The Department for Education said the teams will start in April.")
def government_plan(ctx: StanceContext, c: Clause) -> Cue | None:
    unit = c.unit
    if unit is not None and is_government(ctx, unit.speaker) and (
            ctx.names_proposal(c.span, documents=True) or _own_document_pointed(ctx, c.span)) \
            and not any(t.dep_ == "neg" for t in tokens(c.span)):
        return Cue(K.GOVERNMENT, +1, "the government describing its own plan", "government-plan")
    return None


def _own_document_pointed(ctx: StanceContext, span: Span) -> bool:
    """'the Bill', 'this strategy' as the subject of a clause: a document pointed back to by name."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in ctx.words("nouns.own_document") and
               any(d.dep_ in {"det", "poss"} and d.lower_ in ctx.words("markers.definite") for d in t.children)
               for t in tokens(span))


@FALLBACKS.rule("work-contents", "What a speaker's own published work includes, the speaker puts forward.",
                "The government published its strategy. The strategy includes family help teams.")
def work_contents(ctx: StanceContext, c: Clause) -> Cue | None:
    unit = c.unit
    if unit is not None and unit.rule == "work-contents" and ctx.names_proposal(c.span):
        return Cue(K.GOVERNMENT, +1, f"{unit.cue} (its own work)", "work-contents")
    return None


@FALLBACKS.rule("own-doing", "An organisation's own page that writes of itself by name, saying what it does itself "
                "with a named proposal ('The council has set up family help teams'), backs it.",
                "Hearth Council is a children's services authority. The council has set up family help teams.")
def own_doing(ctx: StanceContext, c: Clause) -> Cue | None:
    unit = c.unit
    if unit is None or unit.rule != "author" or not unit.speaker or not meta(c.span.doc).get("third_person") or \
            not ctx.state.is_org(unit.speaker) or not ctx.names_proposal(c.span):
        return None
    root = c.span.root
    return Cue(K.GOVERNMENT, +1, f"{root.text} (what it does itself)", "own-doing") \
        if _does_itself(ctx, root, unit.speaker) else None


def _does_itself(ctx: StanceContext, root: Token, key: str) -> bool:
    """Whether a clause's verb says what the organisation does itself: its subject is the organisation,
    not negated, and not a copula saying what kind of body it is ('Hearth is a charity that ...')."""
    subj = next((ch for ch in root.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or any(t.dep_ == "neg" for t in root.children) or \
            not ctx.state.names_itself(subj, key, ctx.words("actors.org_words")):
        return False
    return not (root.lemma_.lower() == "be" and any(
        ch.dep_ == "attr" and ch.lemma_.lower() in ctx.words("actors.org_words") for ch in root.children))


@FALLBACKS.rule("publisher", "Whoever publishes, launches or sets out a named proposal backs it.",
                "Today the government has published its implementation plan.")
def publisher(ctx: StanceContext, c: Clause) -> Cue | None:
    unit = c.unit
    if unit is None or not unit.speaker or ctx.taxonomy is None:
        return None
    named = named_tokens(ctx, c.span)
    for tok in tokens(c.span):
        if tok.lemma_.lower() in ctx.words("verbs.publish") and tok.pos_ == "VERB" and \
                any(ch.dep_ == "nsubj" and ctx.state.actor_of(ch) == unit.speaker for ch in tok.children) and \
                any(ch.dep_ == "dobj" and ch.i in named for ch in tok.children):
            return Cue(K.GOVERNMENT, +1, f"{tok.text} (its own plan)", "publisher")
    return None


def named_tokens(ctx: StanceContext, span: Span) -> set[int]:
    """Tokens inside names of proposals (the debate's umbrella aside)."""
    out: set[int] = set()
    for m in span_matches(span, ctx.taxonomy, "proposals"):
        toks = match_tokens(span, m)
        if m.id != ctx.taxonomy.general_proposal and toks is not None:
            out.update(t.i for t in toks)
    return out


@FALLBACKS.rule("recommendation", "A 'should'/'must' sentence backs the thing it asks for.",
                "Every care leaver should have a personal adviser.")
def recommendation(ctx: StanceContext, c: Clause) -> Cue | None:
    if c.unit is not None and recommended(c.span, ctx.lex) is not None:
        return Cue(K.RECOMMENDATION, +1, "should (what it asks for)", "recommendation")
    return None


@FALLBACKS.rule("improvement", "Asking for more or better of a named proposal ('better support for kinship carers', "
                "'strengthen family help') backs it.", "They want to provide better support for kinship carers.")
def improvement(ctx: StanceContext, c: Clause) -> Cue | None:
    if ctx.taxonomy is None:
        return None
    for m in span_matches(c.span, ctx.taxonomy, "proposals"):
        if m.id in ctx.taxonomy.umbrellas:
            continue
        toks = match_tokens(c.span, m)
        word = improved_by(ctx, toks.root) if toks is not None else None
        if word is not None:
            return Cue(K.IMPROVE, +1, f"{word.text} ... (asks for more of it)", "improvement")
    return None


def improved_by(ctx: StanceContext, tok: Token) -> Token | None:
    """The word asking for more or better of the phrase around ``tok``: an improving modifier of it
    or of the noun it completes ('better support for X'), or an improving verb governing it."""
    for _ in range(4):
        found = next((ch for ch in tok.children if ch.dep_ in {"amod", "advmod", "compound"}
                      and ch.lower_ in ctx.words("markers.improving")), None)
        if found is not None:
            return found
        if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in ctx.words("verbs.improve"):
            return tok.head
        if tok.dep_ not in {"pobj", "prep", "compound", "conj"} or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


@FALLBACKS.rule("promised-benefit", "What a named (or pointed-to) proposal will do for people backs it ('the merged "
                "teams would mean families tell their story once', 'these would give families the support they need').",
                "The family help teams would give every family one worker.")
def promised_benefit(ctx: StanceContext, c: Clause) -> Cue | None:
    if c.unit is None or not c.unit.speaker:
        return None
    for tok in tokens(c.span):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.words("verbs.benefit"):
            continue
        kids = list(tok.children)
        if any(k.dep_ == "neg" for k in kids) or not any(k.dep_ == "aux" and k.lower_ in ctx.words("markers.future") for k in kids):
            continue
        subj = next((k for k in kids if k.dep_ == "nsubj"), None)
        if subj is not None and _a_proposal(ctx, subj):
            return Cue(K.IMPROVE, +1, f"{tok.text} (what it will do)", "promised-benefit")
    return None


def _a_proposal(ctx: StanceContext, subj: Token) -> bool:
    """A subject that names a proposal, or points to one ('these', 'the teams'), and is no actor."""
    if ctx.state.actor_of(subj):
        return False
    phrase = subj.doc[subj.left_edge.i:subj.right_edge.i + 1]
    if ctx.names_proposal(phrase, documents=True):
        return True
    return subj.lower_ in ctx.words("pronouns.objected") or (
        subj.pos_ == "NOUN" and any(k.dep_ == "det" and k.lower_ in ctx.words("markers.pointing") for k in subj.children)
        and subj.lemma_.lower() not in ctx.words("nouns.beneficiary"))


@FALLBACKS.rule("motion", "A motion's title, given to its movers, backs what it names.",
                "Motion: Kinship Care Allowances\nProposed by Councillor Jo Bell")
def motion(ctx: StanceContext, c: Clause) -> Cue | None:
    if c.unit is not None and c.unit.rule == MOTION_TITLE:
        return Cue(K.LISTED, +1, "the motion they put forward", "motion")
    return None


@FALLBACKS.rule("listed", "An item of a list of proposals backs the proposal.",
                "The plans include:\n- a register of children not in school")
def listed(ctx: StanceContext, c: Clause) -> Cue | None:
    if c.unit is not None and c.unit.listed:
        return Cue(K.LISTED, +1, "listed among its proposals", "listed")
    return None


def wants(ctx: StanceContext, tok: Token, unit: object | None = None) -> bool:
    """'wants the age of criminal responsibility raised', 'would like to see X': the speaker wants
    a thing done (a clause or an object), not a person to do something."""
    if tok.lemma_.lower() not in ctx.words("verbs.wish") or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if not _own_wish(ctx, tok, kids, speaking=getattr(unit, "cue_token", None) == tok.i):
        return False
    if any(ch.dep_ in {"xcomp", "ccomp"} and ch.lemma_.lower() in ctx.words("verbs.succeed") for ch in kids):
        return True  # 'we want them to succeed'
    if _wants_someone_to_act(kids):
        # 'I would want the review to look at ...': someone else to act, no wish of the speaker's,
        # unless what they are wanted to do brings a proposal about ('wants ministers to bring in a cap')
        return any(ch.dep_ in {"ccomp", "xcomp"} and ch.lemma_.lower() in ctx.words("verbs.enact") for ch in kids)
    return any(ch.dep_ in {"ccomp", "xcomp", "dobj"} for ch in kids)


def _own_wish(ctx: StanceContext, tok: Token, kids: list[Token], *, speaking: bool = False) -> bool:
    """The speaker's own unconditional wish: 'would like', a personal or named subject (or the
    subject that made the sentence the speaker's: 'the association wants ...'), no 'if'."""
    if tok.lemma_.lower() == "like" and not any(ch.lower_ in {"would", "'d"} for ch in kids):
        return False
    subj = next((ch for ch in kids if ch.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in ctx.words("pronouns.wishing") and subj.pos_ != "PROPN" and not speaking:
        return False  # 'nobody wants to go back', 'what people want': not the speaker's own wish
    if any(ch.dep_ in {"neg", "mark"} for ch in kids):
        return False  # 'if ministers want to ...'
    # 'I would want that worked out before we sign': a condition, not a wish
    return not any(t.dep_ == "mark" and t.lower_ in ctx.words("markers.condition_before") for t in tok.subtree)


def _wants_someone_to_act(kids: list[Token]) -> bool:
    return any(ch.dep_ == "dobj" for ch in kids) and any(ch.dep_ == "xcomp" for ch in kids) or any(
        ch.dep_ in {"ccomp", "xcomp"} and ch.tag_ != "VBN" and any(g.dep_ == "nsubj" for g in ch.children)
        for ch in kids)


def recommends(ctx: StanceContext, span: Span) -> bool:
    """'Family help should be built ...': a named proposal as the subject or object of 'should'."""
    if ctx.taxonomy is None:
        return False
    mentions = [(span.start_char + m.start, span.start_char + m.end)
                for m in span_matches(span, ctx.taxonomy, "proposals") if m.id not in ctx.taxonomy.umbrellas]
    if not mentions:
        return False
    inside = lambda t: any(a <= t.idx < b for a, b in mentions)  # noqa: E731
    return any(arg.dep_ in {"nsubj", "nsubjpass"} and inside(arg)
               or arg.dep_ in {"dobj", "prep"} and any(inside(t) for t in arg.subtree)  # 'should add X to Y'
               or arg.dep_ == "attr" and _existential(ctx, tok.head, arg) and inside(arg)  # 'there should be X'
               for tok in _modals(ctx, span) for arg in tok.head.children)


def _existential(ctx: StanceContext, verb: Token, thing: Token) -> bool:
    """'there should be X' (not 'there should be no X'): an expletive 'there' as the verb's subject."""
    return any(c.dep_ == "expl" for c in verb.children) and \
        not any(c.dep_ in {"det", "neg"} and c.lower_ in ctx.lex.negators for c in thing.children)


def _modals(ctx: StanceContext, span: Span) -> list[Token]:
    """'should'/'must' auxiliaries of verbs neither negated nor in an open question, nor put before
    their verb's subject ('should the firm fail', 'Should X be scrapped?': a condition or a question)."""
    return [t for t in tokens(span) if t.lower_ in ctx.words("markers.recommending") and t.dep_ == "aux"
            and not _open_or_negated(ctx, t.head) and not inverted(t) and not denied_clause(t.head)]


def _open_or_negated(ctx: StanceContext, verb: Token) -> bool:
    return any(ch.dep_ == "neg" or ch.dep_ == "mark" and ch.lower_ in ctx.words("markers.open_question")
               for ch in verb.children)


def is_government(ctx: StanceContext, speaker: str | None) -> bool:
    """Whether the speaker is the government, a department or a minister (by name or role)."""
    info = ctx.state.registry.get(speaker) if speaker else None
    if info is None:
        return False
    words = ctx.lex.government_words
    if info.type == "person":  # a minister: by role
        role = (info.role or "").lower()
        return ctx.government_role is not None and ctx.government_role.search(role) is not None
    # an organisation: by its whole name, so that the Local Government Association is not the government
    names = {n.lower().removeprefix("the ") for n in (info.name, *info.aliases)}
    return any(n == w or n.endswith(" " + w) for n in names for w in words)


def score(ctx: StanceContext, c: Clause) -> tuple[list[Cue], int]:
    """The cues of a clause and the sign of their weighted sum (+1, -1 or 0)."""
    found: list[Cue] = []
    for rule in CUES:
        found += rule(ctx, c) or []
    if not found:
        fallback = FALLBACKS.first(ctx, c)
        return ([fallback], fallback.sign) if fallback is not None else ([], 0)
    total = sum(cue.sign * cue.weight for cue in found)
    return found, (total > 0) - (total < 0)
