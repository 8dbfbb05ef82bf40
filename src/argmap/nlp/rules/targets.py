"""Target rules: which proposals and grounds (themes) each draft claim is about.

A claim's own words come first. ``STEPS`` then decide, in order, what a claim that names no
proposal (or only the debate's umbrella) is about: the thing a recommendation asks for, a policy
the headline names, what the speaker presses for, the subject of a passive verdict, a candidate
named earlier, what a pointing phrase or pronoun refers to, the topic words of a proposal, or a
new candidate proposal (discovery). A step answers KEEP or DROP, or passes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon
from argmap.model import Stance
from argmap.nlp import cues as K
from argmap.nlp.cues import Draft
from argmap.nlp.change import asks_for_change
from argmap.nlp.recommend import recommended
from argmap.nlp.rules import RuleTable
from argmap.nlp.rules.attribution import Unit
from argmap.nlp.state import ActorState
from argmap.nlp.text import (answered_at, doc_matches, doc_text, forbidden, match_tokens, name_head, right_after,
                              span_matches, text_of, tokens)
from argmap.taxonomy import Match, Taxonomy
from argmap.text import fold, slugify

CANDIDATE_PREFIX = "candidate-"
KEEP, DROP = "keep", "drop"


@dataclass
class TargetContext:
    doc: Doc
    taxonomy: Taxonomy
    lex: Lexicon
    skip: set[int]
    sents: list[Span]
    units: list[Unit]
    candidates: dict[str, str] = field(default_factory=dict)  # id -> label, found in this document
    _lead_candidates: dict[str, tuple[str, str]] | None = None
    _headline_named: dict[str, str] | None = None
    _named_heads: list[tuple[int, str, str]] | None = None
    _lead_paras: list[int] | None = None
    _opening_documents: list[tuple[int, str]] | None = None  # (sentence, policy document it names)
    _chunks: list[tuple[int, int]] | None = None
    _matches: dict[tuple[int, int], tuple[Match, ...]] = field(default_factory=dict)  # span -> its names

    def words(self, name: str) -> frozenset[str]:
        return self.lex[name]

    def umbrella(self, pid: str) -> bool:
        """The general proposal or a policy document: a name for many proposals at once."""
        return pid in self.taxonomy.umbrellas

    def all_umbrellas(self, ids: list[str]) -> bool:
        return bool(ids) and all(self.umbrella(p) for p in ids)

    @property
    def stance_words(self) -> frozenset[str]:
        return self.lex.union("stance.support.lemmas", "stance.object.lemmas", "verbs.urge", "verbs.about_proposal")

    def add_candidate(self, cand: tuple[str, str]) -> str:
        self.candidates[cand[0]] = cand[1]
        return cand[0]


@dataclass
class Work:
    """One draft claim being linked: the draft, its span, the proposals its own words name."""

    draft: Draft
    span: Span
    own: list[str]

    def take(self, targets: list[str], cue: str, themes: list[str] | None = None) -> str:
        self.draft.targets = list(targets)
        self.draft.target_cues.append(cue)
        if themes is not None:
            self.draft.themes = themes
        return KEEP


# ---------------------------------------------------------------- names in a span
def matches(ctx: TargetContext, span: Span) -> tuple[Match, ...]:
    """Proposal names in a span, except inside actor names and descriptions of actors (worked out
    once per span: the steps ask again and again)."""
    key = (span.start, span.end)
    found = ctx._matches.get(key)
    if found is None:
        found = ctx._matches[key] = tuple(_matches(ctx, span))
    return found


def _matches(ctx: TargetContext, span: Span) -> list[Match]:
    out = []
    found = span_matches(span, ctx.taxonomy, "proposals")
    for m in found:
        toks = match_tokens(span, m)
        if toks is not None and (all(t.i in ctx.skip for t in toks) or describes_actor(toks.root, ctx.skip)
                                 or inside_longer_name(toks) or reform_of_something_else(ctx, m.id, toks)
                                 or names_an_instance(ctx, toks) or of_another_proposal(span, m, toks, found)
                                 or done_to_another_proposal(ctx, span, m, toks, found)):
            continue
        out.append(m)
    return out


def of_another_proposal(span: Span, m: Match, toks: Span, found: list[Match]) -> bool:
    """'a RCC pathfinder', 'the family help pilot': a one-word name whose compound modifier names another
    proposal is that proposal's pilot or part, not the proposal the word names alone."""
    if len(toks) != 1:
        return False
    before = [c for c in toks.root.children if c.dep_ == "compound" and c.i < toks.start]
    return any(o.id != m.id and o.start <= c.idx - span.start_char < o.end for c in before for o in found)


def done_to_another_proposal(ctx: TargetContext, span: Span, m: Match, toks: Span, found: list[Match]) -> bool:
    """'Family hubs will be rolled out': a name that is a verb ('rolled out') whose subject or object
    names another particular proposal says what is done to that proposal; it does not name its own."""
    root = toks.root
    if root.pos_ != "VERB" or any(t.i != root.i and t.dep_ != "prt" for t in toks):
        return False  # only a name that is the verb alone ('rolled out'), not one with its object ('recruit carers')
    args = [t for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} for t in c.subtree]
    return any(o.id != m.id and not ctx.umbrella(o.id) and o.start <= t.idx - span.start_char < o.end
               for t in args for o in found)


def reform_of_something_else(ctx: TargetContext, pid: str, toks: Span) -> bool:
    """'pledged to reform foster care': the general reform's name used as a verb whose object is
    not the whole domain the reform is of (all the general proposal's label words: 'children's
    social care') names a reform of that one thing."""
    if pid != ctx.taxonomy.general_proposal or len(toks) != 1 or toks.root.pos_ != "VERB":
        return False
    obj = next((c for c in toks.root.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" or obj.lemma_.lower() in ctx.words("nouns.status_quo"):
        return False  # 'to reform it', 'to reform the system': the domain as a whole
    domain = set(re.findall(r"[a-z]{2,}", fold(ctx.taxonomy.proposals[pid].label))) - ctx.words("nouns.reforming") - \
        ctx.words("nouns.label_stop")
    words = set(re.findall(r"[a-z]{2,}", fold(text_of(obj.doc[obj.left_edge.i:obj.right_edge.i + 1]))))
    return not domain <= words


def names_an_instance(ctx: TargetContext, toks: Span) -> bool:
    """'every family help case', 'a kinship care assessment': a proposal's name that only modifies a
    noun for one piece of casework names that piece of work, not the policy."""
    head = toks.root.head
    return toks.root.dep_ == "compound" and head.i >= toks.end and head.lemma_.lower() in ctx.words("nouns.instance")


def inside_longer_name(toks: Span) -> bool:
    """A one-word name that is part of a longer proper name ('Review' in 'the Spending Review',
    'Levy' in 'the Apprenticeship Levy'): a capitalised compound word before it."""
    return len(toks) == 1 and any(c.dep_ == "compound" and c.i < toks.start and c.is_title and not c.is_sent_start
                                  for c in toks.root.children)


def proposals(ctx: TargetContext, span: Span, *, examples: bool = True) -> list[str]:
    """The proposals a span names, examples aside (unless it names nothing else and ``examples``);
    the umbrella only when nothing else or owned."""
    ids: list[str] = []
    found = matches(ctx, span)
    main = [m for m in found if not _aside(ctx, span, m, found)]
    if len(main) > 1 and any(w in text_of(span).lower() for w in ctx.words("markers.answering")):
        main = [m for m in main if not in_answer(ctx, span, m)] or main  # what is answered, when nothing else
    for m in main or (found if examples else []):  # 'the review addressed issues like X': the review, X is an example
        if m.id not in ids:
            ids.append(m.id)
    return _particular_first(ctx, span, ids, main or found)


def _particular_first(ctx: TargetContext, span: Span, ids: list[str], found: list[Match]) -> list[str]:
    """'X, one of the reforms' is about X, not the reforms; 'X, to take forward its recommendations'
    is about both; of a document and the programme it belongs to, the document."""
    if any(not ctx.umbrella(p) for p in ids):
        kept = {m.id for m in found if ctx.umbrella(m.id) and (owned(ctx, span, m) or described(ctx, span, m, found))}
        return [p for p in ids if not ctx.umbrella(p) or p in kept]
    below = {a for p in ids for a in ctx.taxonomy.ancestors(p)}
    return [p for p in ids if p not in below]


def described(ctx: TargetContext, span: Span, m: Match, found: list[Match]) -> bool:
    """'the Bill, which will give kinship carers more support': a document whose own relative clause
    (or a participle clause set off by a comma) names the particular proposals: both are meant, the
    document and what it holds; not 'reforms suggested around kinship care', reforms of one thing."""
    toks = match_tokens(span, m)
    inside = _describing_clauses(toks) if toks is not None else set()
    return bool(inside) and any(
        not ctx.umbrella(o.id) and (sub := match_tokens(span, o)) is not None and all(t.i in inside for t in sub)
        for o in found)


def _describing_clauses(toks: Span) -> set[int]:
    """The token indices of the relative clauses (and comma-set participle clauses) after a name."""
    clauses = [c for t in [*toks, name_head(toks)] for c in t.children if c.i >= toks.end and c.i > 0 and
               (c.dep_ == "relcl" or c.dep_ == "acl" and c.doc[c.left_edge.i - 1].text == ",")]
    return {t.i for c in clauses for t in c.subtree}


def owned(ctx: TargetContext, span: Span, m: Match) -> bool:
    """'its recommendations', 'their plans': the whole programme named as someone's own."""
    toks = match_tokens(span, m)
    return toks is not None and toks.start > 0 and span.doc[toks.start - 1].lower_ in ctx.words("pronouns.possessive") \
        and toks.root.dep_ not in {"compound", "nmod", "amod"}  # not 'its Families First areas'


def themes(ctx: TargetContext, span: Span) -> list[str]:
    """Grounds a span raises; a ground word inside a longer proposal name names the proposal ('the
    funding formula'), a proposal named by the ground word alone is both ('marketisation'); a ground
    raised only by words another raised ground absorbs gives way to it ('the financial interests of
    investors' beside 'profits' is about profit)."""
    ids: list[str] = []
    said: dict[str, set[str]] = {}
    named = [(m.start, m.end) for m in matches(ctx, span)]
    for m in span_matches(span, ctx.taxonomy, "themes"):
        if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in named):
            continue
        toks = match_tokens(span, m)
        if toks is not None and all(t.i in ctx.skip for t in toks):
            continue
        if m.id not in ids:
            ids.append(m.id)
        said.setdefault(m.id, set()).add(m.phrase.lower())
    return _unabsorbed(ctx, ids, said)


def _unabsorbed(ctx: TargetContext, ids: list[str], said: dict[str, set[str]]) -> list[str]:
    """The grounds not raised only by words another raised ground absorbs."""
    return [i for i in ids if not said[i] <= {w for j in ids if j != i for w in ctx.taxonomy.themes[j].absorbs}]


def describes_actor(tok: Token, skip: set[int]) -> bool:
    """Whether a name sits in an apposition describing an actor ('X, chief executive of Frontline,
    a graduate training programme'): it describes, it is not discussed."""
    for _ in range(6):
        if tok.dep_ == "appos" and tok.head.i in skip:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def in_example(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a matched name stands in an example ('issues like X', 'such as X', 'including X')."""
    toks = match_tokens(span, m)
    if toks is None:
        return False
    tok = toks.root
    for _ in range(3):
        if tok.dep_ == "pobj" and (tok.head.lower_ in ctx.words("markers.example") or
                                   tok.head.lower_ == "as" and tok.head.i > 0 and span.doc[tok.head.i - 1].lower_ == "such"):
            return True
        if tok.dep_ not in {"conj", "appos", "compound"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def in_purpose(span: Span, m: Match) -> bool:
    """Whether a matched name is what something is for ('a minister's post to coordinate reform'):
    the post is asked for; the debate named as its purpose is not what the claim is about."""
    toks = match_tokens(span, m)
    tok = toks.root if toks is not None else None
    for _ in range(3):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.dep_ in {"acl", "advcl"} and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True
    return False


def _aside(ctx: TargetContext, span: Span, m: Match, found: list[Match]) -> bool:
    """A name the claim mentions without being about it: an example, what another plan serves,
    who is agreed with."""
    return in_example(ctx, span, m) or served_by(ctx, span, m, found) or agreed_with(ctx, span, m) or \
        acted_on(ctx, span, m, found) or in_scene(ctx, span, m)


def agreed_with(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a matched name is who the speaker agrees with ('we agree with the care review that
    reforms risk ...'): it holds the view too; the view is about something else."""
    toks = match_tokens(span, m)
    if toks is None or toks.root.dep_ != "pobj" or toks.root.head.lower_ != "with":
        return False
    return toks.root.head.head.lemma_.lower() in ctx.words("verbs.agree_with")


def served_by(ctx: TargetContext, span: Span, m: Match, found: list[Match]) -> bool:
    """Whether a matched name is what another named plan serves ('its implementation strategy for
    the review'): the strategy is discussed, not the review."""
    toks = match_tokens(span, m)
    if toks is None or toks.root.dep_ != "pobj" or toks.root.head.lower_ not in ctx.words("markers.served"):
        return False
    head = toks.root.head.head
    return any(o is not m and o.id != m.id and span.start_char + o.start <= head.idx < span.start_char + o.end
               for o in found)


def acted_on(ctx: TargetContext, span: Span, m: Match, found: list[Match]) -> bool:
    """Whether a matched name is what another named plan acts on ('a windfall tax on for-profit
    providers'), or whose it is ('a cap on the profits of private providers'): the tax is
    discussed, not the providers."""
    toks = match_tokens(span, m)
    head = name_head(toks) if toks is not None else None
    while head is not None and head.dep_ == "pobj" and head.head.lower_ in ctx.words("markers.owner_of") and \
            head.head.head.i != head.head.i:
        head = head.head.head  # 'providers' in 'the profits of providers': what 'profits' stands in
    if head is None or head.dep_ != "pobj" or head.head.lower_ not in ctx.words("markers.acted_on"):
        return False
    plan = head.head.head
    return any(o.id != m.id and span.start_char + o.start <= plan.idx < span.start_char + o.end for o in found)


def in_scene(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a matched name is the object of a preposition of time ('reform must put
    affordability first, with households struggling following a rise in bills'): it says when,
    not what the claim is about."""
    toks = match_tokens(span, m)
    head = name_head(toks) if toks is not None else None
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in ctx.words("markers.scene")


def in_answer(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a matched name is what something answers ('its plan in response to the review'):
    the review is answered, the plan is what the claim is about."""
    toks = match_tokens(span, m)
    # 'in response to the review', not 'has responded to its consultation'
    return toks is not None and answered_at(toks.root, ctx.words("markers.answering"), steps=4, aside_only=True)


# ---------------------------------------------------------------- what a claim is about
STEPS = RuleTable("targets", "steps", "What a claim is about, step by step (a step keeps or drops the claim, or passes).")


@STEPS.rule("purpose", "'a call for a minister's post to coordinate reform': the thing asked for, not the debate "
            "named only as its purpose.",
            "Jo Bell reiterated her call for a national register of carers to drive reform.")
def purpose(ctx: TargetContext, w: Work) -> str | None:
    if not w.own or w.draft.stance == Stance.NEUTRAL or not all(ctx.umbrella(p) for p in w.own):
        return None
    named = [m for m in matches(ctx, w.span) if m.id in w.own]
    if not named or not all(in_purpose(w.span, m) for m in named):
        return None
    cand = candidate(ctx, w.span)
    if cand is None:
        return None
    return w.take([ctx.add_candidate(cand)], f"candidate: {cand[1]}", themes(ctx, w.span))


@STEPS.rule("set-aside", "'focus on X rather than considering Y', 'back X instead of Y': what a supporting claim sets "
            "aside, when it names nothing else, is objected to.",
            "Ivo Grant backed local teams rather than family help.")
def set_aside_step(ctx: TargetContext, w: Work) -> str | None:
    return _objects_to_named(ctx, w, set_aside, "set aside for something else")


@STEPS.rule("restrained", "'called for greater regulation of private providers': what a supporting claim wants held "
            "back, when it names nothing else, is objected to.",
            "Councils called for greater regulation of family help.")
def restrained_step(ctx: TargetContext, w: Work) -> str | None:
    return _objects_to_named(ctx, w, restrained, "held back by what is called for")


def _objects_to_named(ctx: TargetContext, w: Work, test, cue: str) -> None:
    """A supporting claim every proposal of whose own names passes ``test`` objects to them (the
    step passes either way)."""
    if not w.own or w.draft.stance != Stance.SUPPORT:
        return None
    named = [m for m in matches(ctx, w.span) if m.id in w.own]
    if named and all(test(ctx, w.span, m) for m in named):
        w.draft.stance = Stance.OBJECT
        w.draft.target_cues.append(cue)
    return None


def restrained(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a matched name is what a restraint noun holds back ('regulation of X', 'curbs on X',
    'interventions to address X'), also a name that modifies the noun held back ('curbs on
    for-profit providers')."""
    toks = match_tokens(span, m)
    tok = name_head(toks) if toks is not None else None
    if tok is None:
        return False
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and \
            tok.head.lemma_.lower() in ctx.lex.union("verbs.restrain", "verbs.remedy"):
        return not _a_remedy(ctx, m.id)  # 'regulate or ban agencies', 'to tackle profiteering'
    if tok.dep_ == "pobj" and tok.head.lower_ in ctx.words("markers.restrained_by"):
        noun = tok.head.head
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.words("verbs.remedy") and tok.head.dep_ in {"acl", "relcl"}:
        noun = tok.head.head
    else:
        return False
    return noun.pos_ == "NOUN" and noun.lower_ in ctx.words("nouns.restraint")


def _a_remedy(ctx: TargetContext, pid: str) -> bool:
    """Whether a proposal's label says it holds back what its names name ('ending operator
    self-monitoring', named 'self-monitoring'): acting on the name carries the proposal out."""
    entry = ctx.taxonomy.proposals.get(pid)
    verbs = ctx.lex.union("verbs.restrain", "verbs.remedy")
    words = re.findall(r"[a-z]+", fold(" ".join([entry.label, *entry.names]))) if entry is not None else []
    return any(w in verbs or w.removesuffix("ing") in verbs or w.removesuffix("ing") + "e" in verbs for w in words)


def set_aside(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a matched name is the alternative set aside ('rather than Y', 'instead of Y'), also
    when the parser joins the alternative as a coordinated verb ('open homes rather than paying Y')."""
    toks = match_tokens(span, m)
    tok = toks.root if toks is not None else None
    for _ in range(10):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ == "conj" and any(_alternative(ctx, c) for c in tok.head.children
                                      if c.dep_ == "cc" and tok.head.i < c.i < tok.i):
            return True
        tok = tok.head
        if _alternative(ctx, tok):
            return True
    return False


def _alternative(ctx: TargetContext, tok: Token) -> bool:
    """'than' with 'rather' ('rather than'), 'of' with 'instead' ('instead of')."""
    return tok.lower_ in ctx.words("markers.alternative_heads") and any(
        c.lower_ in ctx.words("markers.alternative_marks") for c in tok.children)


@STEPS.rule("described-thing", "'backed joining the partnership, which would let councils recruit carers': a proposal "
            "named only in a relative clause describes the thing backed; when the sentence's words are those of another "
            "proposal, that one is what it is about.",
            "She backed the hub, which will run family help with relatives together in court.")
def described_thing(ctx: TargetContext, w: Work) -> str | None:
    if not w.own or w.draft.stance == Stance.NEUTRAL:
        return None
    named = [m for m in matches(ctx, w.span) if m.id in w.own]
    if not named or not all(_in_description(w.span, m) for m in named):
        return None
    topic = ctx.taxonomy.topic_of(text_of(w.span))
    if topic is None or topic in w.own or ctx.umbrella(topic):
        doc = _described_document(ctx, w, named)
        return w.take([doc], "the article's document, described", themes(ctx, w.span)) if doc else None
    return w.take([topic], "topic words of the thing described", themes(ctx, w.span))


def _described_document(ctx: TargetContext, w: Work, named: list[Match]) -> str | None:
    """'We welcome the government's approach, which builds on the review': the thing described is
    named in general words ('approach', 'plans'); it is the article's policy document, when its
    opening names one other than those in the description."""
    nouns = {n for m in named if (n := _described_noun(w.span, m)) is not None}
    general = ctx.lex.union("nouns.pointing", "nouns.anaphoric")
    if len(nouns) != 1 or not {(noun := nouns.pop()).lemma_.lower(), noun.lower_} & general:
        return None
    doc = lead_document(ctx, w.draft.unit)
    return doc if doc is not None and doc not in w.own else None


def _in_description(span: Span, m: Match) -> bool:
    """Whether a name lies inside a relative clause that describes a noun of the span."""
    return _described_noun(span, m) is not None


def _described_noun(span: Span, m: Match) -> Token | None:
    """The noun of the span whose relative clause holds a name, if any."""
    toks = match_tokens(span, m)
    if toks is None:
        return None
    tok = toks.root
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end:
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head
        tok = tok.head
    return None


@STEPS.rule("recommended-thing", "A recommendation naming no proposal is about the thing it asks for; one that points back "
            "('the ban should be extended') to nothing named nearby is about the article's lead.",
            "More effort should be made in keeping siblings together.")
def recommended_thing(ctx: TargetContext, w: Work) -> str | None:
    if w.own or not w.draft.has_cue(K.RECOMMENDATION):
        return None
    obj = recommended(w.span, ctx.lex)
    cand = None
    if obj is not None and obj.head.tag_ == "VBG":  # 'effort ... in keeping siblings together'
        cand = words_label(ctx, list(obj.head.subtree))
    elif obj is not None:
        chunk = next((c for c in noun_chunks(ctx, w.span) if c.root.i == obj.i), None)
        cand = label(ctx, chunk) if chunk is not None and not pointing_chunk(ctx, chunk) else None
    if cand is None:
        pointed = head_anaphor(ctx, w.span)  # 'the teams should ...': what was named before
        if pointed is None and points_back(ctx, w.span):
            pointed = lead(ctx, w.draft.unit)  # 'should have extended the ban' in a report on one ban
        return w.take(pointed[0], f"context: {pointed[1]}", themes(ctx, w.span)) if pointed else DROP
    return w.take([ctx.add_candidate(cand)], f"candidate: {cand[1]}", [])


@STEPS.rule("headline-policy", "'welcomed the cap' in a report headlined on a pay cap: the headline's policy "
            "(a candidate, or the taxonomy proposal the headline names).",
            "Agency social workers face pay cap\nUnions welcomed the cap.")
def headline_policy(ctx: TargetContext, w: Work) -> str | None:
    if w.own or w.draft.stance == Stance.NEUTRAL or ctx.taxonomy.topic_of(text_of(w.span)) is not None:
        return None
    lead = {**headline_named(ctx), **lead_candidates(ctx)}
    hit = next((lead[singular(t.lower_)] for t in tokens(w.span) if t.pos_ == "NOUN" and singular(t.lower_) in lead
                and any(c.dep_ == "det" for c in t.children) and _same_number(t, lead[singular(t.lower_)])), None)
    if hit is None:
        return None
    if isinstance(hit, str):
        return w.take([hit], "points back to the headline", themes(ctx, w.span))
    return w.take([ctx.add_candidate(hit)], f"points back to the lead: {hit[1]}", themes(ctx, w.span))


def headline_named(ctx: TargetContext) -> dict[str, str]:
    """Particular proposals the front-matter headline names, by the last word of the name it uses
    ('face pay cap': 'cap' -> the pay cap); the debate's umbrellas aside (worked out once per document)."""
    if ctx._headline_named is None:
        title = (ctx.doc._.argmap_meta or {}).get("title") or ""
        ctx._headline_named = {singular(m.phrase.split()[-1]): m.id for m in ctx.taxonomy.find_proposals(title)
                               if not ctx.umbrella(m.id) and m.id != ctx.taxonomy.general_proposal}
    return ctx._headline_named


def _same_number(tok: Token, cand: tuple[str, str] | str) -> bool:
    """'the costly bills' is not the one Bill of the headline: a plural points back to a plural."""
    return tok.lower_ == singular(tok.lower_) or isinstance(cand, tuple) and cand[1].split()[-1] == tok.lower_


@STEPS.rule("pressed-for", "What the speaker presses for ('calling on the government to place a legal duty').",
            "The charity called on ministers to create a national register.")
def pressed_for(ctx: TargetContext, w: Work) -> str | None:
    if w.own or not w.draft.has_cue(K.URGED):
        return None
    cand = candidate(ctx, w.span)
    if cand is None:
        return None
    return w.take([ctx.add_candidate(cand)], f"candidate: {cand[1]}", themes(ctx, w.span))


@STEPS.rule("passive-subject", "'X is welcomed', 'X, whilst welcomed, ...': X is what the verdict is about.",
            "The new duty to share records was welcomed by the charity.")
def passive_subject_step(ctx: TargetContext, w: Work) -> str | None:
    if not _unnamed_stance(w):
        return None
    cand = passive_subject(ctx, w.span)
    if cand is None:
        return None
    return w.take([ctx.add_candidate(cand)], f"candidate: {cand[1]}", themes(ctx, w.span))


@STEPS.rule("pronoun-antecedent", "'But it says nothing about care leavers': 'it' is what is objected to.",
            "The bill was published today. But it says nothing about care leavers.")
def pronoun_antecedent(ctx: TargetContext, w: Work) -> str | None:
    if not w.own or w.draft.stance != Stance.OBJECT or not pronoun_subject(ctx, w.span):
        return None
    ante = context(ctx, w.draft.unit, nearest=True)
    if ante:
        w.own = w.draft.targets = ante[0]
        w.draft.target_cues.append(f"the pronoun's antecedent: {ante[1]}")
    return None


@STEPS.rule("omitted", "'the plan barely mentions adoption', 'the bill says nothing about carers': what an objection says is "
            "left out is not what it objects to; the thing that leaves it out, named before as the subject, is.",
            "The strategy was published. The strategy barely mentions family help.")
def omitted_step(ctx: TargetContext, w: Work) -> str | None:
    if not w.own or w.draft.stance != Stance.OBJECT:
        return None
    named = [m for m in matches(ctx, w.span) if m.id in w.own]
    if not named or not all(any(omitted(ctx, w.span, m) for m in named if m.id == p) for p in {m.id for m in named}):
        return None  # (a proposal named twice is left out when one of its names is)
    found = head_anaphor(ctx, w.span, subject_only=True)
    if found:
        w.own = w.draft.targets = found[0]
        w.draft.target_cues.append(f"what leaves it out: {found[1]}")
    return None


def left_out(ctx: TargetContext, tok: Token) -> bool:
    """'omits X', 'lacks X', 'missed an opportunity to fund X': a word a verb of leaving out takes,
    or inside what a missed chance was for."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.words("verbs.leave_out") or missed_chance(ctx, tok)


def missed_chance(ctx: TargetContext, tok: Token) -> bool:
    """Whether a word is inside what a missed chance was for ('missed an opportunity to fund X')."""
    for _ in range(5):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if singular(tok.lower_) in ctx.words("nouns.chance") and tok.head.lemma_.lower() in ctx.words("verbs.let_go"):
            return True
    return False


def omitted(ctx: TargetContext, span: Span, m: Match) -> bool:
    """Whether a name is what a sentence says is left out: the object of a 'mention' barely made or
    denied ('barely mentions X'), of 'nothing/little about' ('says nothing about X'), or of a scant
    mention ('no mention of X')."""
    toks = match_tokens(span, m)
    tok = toks.root if toks is not None else None
    if tok is None:
        return False
    scant, mention = ctx.words("markers.scant"), ctx.words("verbs.mention")
    if left_out(ctx, tok):
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in mention:
        return any(c.dep_ == "neg" or c.lower_ in scant for c in tok.head.children)
    if tok.dep_ != "pobj":
        return False
    holder = tok.head.head
    if holder.lower_ in scant or tok.head.lower_ == "of" and singular(holder.lower_) in ctx.words("markers.absence"):
        return True  # 'nothing about X', 'little about X', 'the omission of X'
    return holder.lemma_.lower() in mention and any(c.lower_ in scant for c in holder.children)


@STEPS.rule("earlier-candidate", "A head noun of a candidate found earlier points back to it.",
            "They proposed an independent guardian. A guardian would be worth having.")
def earlier_candidate(ctx: TargetContext, w: Work) -> str | None:
    if not _unnamed_stance(w):
        return None
    heads = candidate_heads(ctx)
    again = next((heads[singular(t.lower_)] for t in tokens(w.span) if t.pos_ == "NOUN" and singular(t.lower_) in heads), None)
    if again is None:
        return None
    return w.take([again[0]], f"points back to: {again[1]}", themes(ctx, w.span))


def _unnamed_stance(w: Work) -> bool:
    """A stanced claim whose own words name no proposal (what the later steps look for)."""
    return not w.own and w.draft.stance != Stance.NEUTRAL


@STEPS.rule("introduced-thing", "What a verb of putting forward introduces (or a verb someone promises to do: "
            "'pledged to cut sewage spills'), when a new (bare or indefinite) noun phrase names it and no "
            "proposal is named: a candidate, not what was named nearby.",
            "The Bill passed. The government will introduce reporting duties for councils.")
def introduced_thing(ctx: TargetContext, w: Work) -> str | None:
    if not _unnamed_stance(w) or not any(t.dep_ in _OBJECTS and put_forward(ctx, object_verb(ctx, t))
                                         for t in tokens(w.span)):
        return None  # (the noun chunks are worked out only when a verb of putting forward has an object)
    for chunk in noun_chunks(ctx, w.span):
        root = chunk.root
        verb = object_verb(ctx, root)
        if verb is None or not put_forward(ctx, verb) or _points_to_earlier(ctx, chunk):
            continue
        cand = label(ctx, chunk)
        if cand:
            return w.take([ctx.add_candidate(cand)], f"candidate: {cand[1]}", themes(ctx, w.span))
    return None


def _points_to_earlier(ctx: TargetContext, chunk: Span) -> bool:
    """Whether a noun phrase points to something before it: a possessive, a demonstrative ('this
    cap', 'such a duty'), or 'the' with a head noun the document used before ('the cap' after 'a
    cap'; not 'the modernisation of contact', new to the page)."""
    root = chunk.root
    before = [t for t in chunk if t.i < root.i]
    if any(t.dep_ == "poss" or t.lower_ in ctx.words("markers.pointing") and t.lower_ != "the" for t in before):
        return True
    lemma = root.lemma_.lower()
    return any(t.lower_ == "the" for t in before) and any(t.lemma_.lower() == lemma for t in ctx.doc[:chunk.start])


_OBJECTS = frozenset({"dobj", "pobj", "pcomp", "oprd", "attr"})


def object_verb(ctx: TargetContext, tok: Token) -> Token | None:
    """The verb whose object a word is: its head when it is a direct object ('cut red tape'); for
    the thing named in 'reduce what he called red tape', the verb of the 'what' ('reduce')."""
    if tok.dep_ == "dobj":
        if tok.lower_ == "what" and tok.head.dep_ == "ccomp" and tok.head.lemma_.lower() in ctx.words("verbs.naming"):
            return None  # the 'what' of a naming verb: the thing named after 'as' stands for it
        return tok.head
    head = tok.head
    if tok.dep_ in {"pobj", "pcomp"} and head.lower_ == "as":
        head = head.head
    elif tok.dep_ not in {"oprd", "attr"}:
        return None
    if head.lemma_.lower() in ctx.words("verbs.naming") and head.dep_ == "ccomp" and \
            any(c.dep_ == "dobj" and c.lower_ == "what" for c in head.children):
        return head.head
    return None


def put_forward(ctx: TargetContext, verb: Token | None) -> bool:
    """Whether a verb puts its object forward: a verb of putting forward ('introduce reporting
    duties'), or the verb someone promises to do ('pledged to cut sewage spills', 'committed to
    setting up regional teams')."""
    if verb is None:
        return False
    if verb.lemma_.lower() in ctx.words("verbs.proposer"):
        return True
    up = verb.head
    if verb.dep_ == "pcomp" and up.lower_ == "to":
        up = up.head
    elif verb.dep_ != "xcomp":
        return False
    return up.i != verb.i and up.lemma_.lower() in ctx.lex.union("verbs.commitment", "verbs.proposer")


@STEPS.rule("topic-words", "No name, but the words of one particular proposal ('the new duty to bring the wider "
            "family together'): that proposal, before what was named nearby.",
            "The duty to bring relatives together before court is right.")
def topic_words(ctx: TargetContext, w: Work) -> str | None:
    if not _unnamed_stance(w):
        return None
    topic = ctx.taxonomy.topic_of(text_of(w.span))
    if topic is None or ctx.umbrella(topic):
        return None
    return w.take([topic], "topic words of the proposal", themes(ctx, w.span))


@STEPS.rule("diagnosis", "An objection whose subject is the present system ('the care system has failed "
            "families'), or the speaker's own story ('I never recovered'), and that names no proposal diagnoses "
            "a problem: it objects to nothing named nearby.",
            "The system has failed too many children.")
def diagnosis(ctx: TargetContext, w: Work) -> str | None:
    if w.own or w.draft.stance != Stance.OBJECT:
        return None
    clause = w.span.root
    if clause.lemma_.lower() in ctx.lex.speech_verbs:  # 'X said the system remains stuck': what was said
        clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not (subject.lemma_.lower() in ctx.words("nouns.status_quo")
                               or _own_story(ctx, clause, subject)):
        return None
    w.draft.themes = themes(ctx, w.span)
    return KEEP if w.draft.themes else DROP


def _own_story(ctx: TargetContext, verb: Token, subject: Token) -> bool:
    """'I never recovered from the time I was homeless': what happened to the speaker ('I' with a
    verb of doing in the past) is a story of the problem, not an objection to a plan; 'I was
    sceptical about a pilot', 'I opposed it' (being, or a stance verb) are views."""
    return subject.lower_ in ctx.words("pronouns.first_person_singular") and verb.tag_ == "VBD" and \
        verb.lemma_.lower() != "be" and verb.lemma_.lower() not in ctx.stance_words


@STEPS.rule("call-for-change", "A supporting claim that names no proposal and asks for change to the present system "
            "('the system needs to change', 'urgent change is needed'): the reform as a whole.",
            "The care system needs urgent change.")
def call_for_change(ctx: TargetContext, w: Work) -> str | None:
    general = ctx.taxonomy.general_proposal
    if w.own or w.draft.stance != Stance.SUPPORT or general is None:
        return None
    if not any(asks_for_change(ctx.lex, t) for t in w.span):
        return None
    return w.take([general], "a call for change to the present system", themes(ctx, w.span))


@STEPS.rule("reference", "A pointing phrase ('the teams', 'such reforms') or no name at all: what was named nearby.",
            "Councils will set up child protection teams. The teams will need police officers.")
def reference(ctx: TargetContext, w: Work) -> str | None:
    umbrella = ctx.all_umbrellas(w.own)
    pointed = head_anaphor(ctx, w.span, speaker=speaker_subject(ctx, w)) if not w.own or umbrella else None
    if not (pointed is not None or not w.own or umbrella and anaphoric(ctx, w.span)):
        return None
    if w.draft.stance == Stance.OBJECT and ctx.units[w.draft.unit].cue in ctx.words("verbs.acknowledge"):
        return DROP  # 'X recognised that caseloads remain too high': a problem granted, no objection
    if pointed:
        w.own = w.draft.targets = pointed[0]  # a pointing phrase names what it points to
        w.draft.target_cues.append(f"context: {pointed[1]}")
        return None
    found = context(ctx, w.draft.unit, w.span, plural=plural_pointer(ctx, w.span))
    if found and w.own and found[0] == [ctx.taxonomy.general_proposal]:
        return None  # 'the implementation plan': a document named is not replaced by the general reform
    if found:
        w.draft.targets = found[0]
        w.draft.target_cues.append(f"context: {found[1]}")
    return None


def speaker_subject(ctx: TargetContext, w: Work) -> int | None:
    """The subject of the speech verb that gives a claim its speaker ('The review, led by Jo Bell,
    said these would help': 'review'), which names who speaks, not what the claim is about."""
    cue = own_cue(ctx, w.draft)
    return next((c.i for c in cue.children if c.dep_ == "nsubj"), None) if cue is not None else None


def own_cue(ctx: TargetContext, draft: Draft) -> Token | None:
    """The speech verb that gave a claim's sentence the claim's own speaker, if one did."""
    unit = ctx.units[draft.unit]
    return ctx.doc[unit.cue_token] if unit.cue_token is not None and unit.speaker == draft.speaker else None


@STEPS.rule("lead-document", "The debate as a whole named in general words ('the plan', 'the reforms', 'overhaul') "
            "in an article whose opening names one policy document: that document.",
            "Ministers publish care strategy\nThe strategy came out today. Charities welcomed the reforms.")
def lead_document_step(ctx: TargetContext, w: Work) -> str | None:
    general = ctx.taxonomy.general_proposal
    if w.draft.targets != [general]:
        return None
    doc = lead_document(ctx, w.draft.unit)
    if doc is not None:
        w.draft.targets = [doc]
        w.draft.target_cues.append(f"the article's document: {ctx.taxonomy.proposals[doc].label}")
    return None


def lead_document(ctx: TargetContext, unit_index: int) -> str | None:
    """The one policy document (``kind = "document"``) that an article's title and first two
    paragraphs name before the claim, if exactly one."""
    sents, units = ctx.sents, ctx.units
    lead_paras = _lead_paragraphs(ctx)
    if ctx._opening_documents is None:
        ctx._opening_documents = [(u.sent, p) for u in units if u.para in lead_paras or u.sent == 0
                                  for p in proposals(ctx, sents[u.sent]) if ctx.taxonomy.proposals[p].kind == "document"]
    before = units[unit_index].sent
    named = [(sent, p) for sent, p in ctx._opening_documents if sent < before]
    if len({p for _, p in named}) == 1:
        return named[0][1]
    first = [p for sent, p in named if sent == named[0][0]] if named else []
    return first[0] if len(first) == 1 else None  # several: the one named first, alone in its sentence


@STEPS.rule("grounds", "The grounds a claim raises; a neutral claim is kept only when it names a proposal.",
            "Without funding the teams will fail.")
def grounds(ctx: TargetContext, w: Work) -> str | None:
    w.draft.themes = themes(ctx, w.span)
    if w.draft.stance == Stance.NEUTRAL:
        return KEEP if w.own else DROP
    return KEEP if w.draft.targets else None


@STEPS.rule("discovery", "A new candidate proposal from the noun phrase the stance is about (not for an objection, "
            "whose own words mostly name the harm it fears), else a pointing phrase's antecedent candidate, the "
            "article's lead or the one candidate its opening introduces.",
            "Unions backed a caseload cap.")
def discovery(ctx: TargetContext, w: Work) -> str | None:
    cand = wanted(ctx, w.span) if w.draft.has_cue(K.WANT) else None
    if cand is None and w.draft.stance != Stance.OBJECT:  # what an objection names is mostly the harm it fears
        cand = candidate(ctx, w.span)
    if cand is None and (points_back(ctx, w.span) or _new_voice_pointing(ctx, w)):
        cand = context_candidate(ctx, w.draft.unit)
        if cand is None:
            found = lead(ctx, w.draft.unit)  # 'the duty' in a report about one duty
            if found:
                return w.take(found[0], f"context: {found[1]}")
            cand = _opening_pointed(ctx, w)
    return w.take([ctx.add_candidate(cand)], f"candidate: {cand[1]}") if cand else None


def _new_voice_pointing(ctx: TargetContext, w: Work) -> bool:
    """'Jo Bell said: "This is a positive step."' after someone else's words: a supporting verdict whose
    subject is a demonstrative is about what the article reports, not about the speaker's own last words."""
    before = ctx.units[w.draft.unit - 1] if w.draft.unit > 0 else None
    return w.draft.stance == Stance.SUPPORT and demonstrative_subject(ctx, w.span) and \
        (before is None or before.speaker != w.draft.speaker)


def _opening_pointed(ctx: TargetContext, w: Work) -> tuple[str, str] | None:
    """'these proposals' in a report about one new proposal: the candidate its opening introduces."""
    return opening_candidate(ctx, w.draft.unit) if points_back(ctx, w.span, nouns="nouns.anaphoric") else None


@STEPS.rule("topic-grounds", "A claim on grounds alone ('the money will not pay for a co-ordinator'), pointing back "
            "to nothing, in an article whose headline and opening use one proposal's keywords most: that proposal.",
            "Family meetings before court\nCouncils will offer families a meeting. The money will not pay for staff.")
def topic_grounds(ctx: TargetContext, w: Work) -> str | None:
    if not w.draft.themes or w.draft.stance == Stance.NEUTRAL or _about_something_else(ctx, w):
        return None
    topic = article_topic(ctx, w.draft.unit)
    return w.take([topic], "grounds in an article on one proposal (its keywords in the headline and opening)") \
        if topic else None


def _about_something_else(ctx: TargetContext, w: Work) -> bool:
    """Whether a claim on grounds alone is about something it points back to ('It can be dropped
    ...') or that the sentences just before introduce ('warned that a duty could swamp teams')."""
    pointing = ctx.words("pronouns.pointing")
    if any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in pointing for t in tokens(w.span)):
        return True
    return context_candidate(ctx, w.draft.unit) is not None


def article_topic(ctx: TargetContext, unit_index: int) -> str | None:
    """The particular proposal whose taxonomy keywords the article's headline and opening use most."""
    topic = opening_topic(ctx, opening_before(ctx, unit_index))
    return topic if topic and not ctx.umbrella(topic) else None


@STEPS.rule("grounds-only", "A claim with grounds and no target is kept for its grounds; with neither, dropped.",
            "Without funding the teams will fail.")
def grounds_only(ctx: TargetContext, w: Work) -> str:
    return KEEP if w.draft.themes else DROP


def link(ctx: TargetContext, draft: Draft) -> bool:
    """Apply the steps to one draft; whether the claim is kept."""
    span = ctx.doc[draft.start:draft.end]
    own = without_speaker_name(ctx, draft, span, proposals(ctx, span))
    if own and all(in_example(ctx, span, m) for m in matches(ctx, span)):
        pointed = head_anaphor(ctx, span, subject_only=True)  # 'the review addressed issues like X'
        own = pointed[0] if pointed else own
    own = [p for p in own if p != draft.speaker]
    draft.targets = list(own)
    draft.target_cues = [f"named: {p}" for p in sorted({m.phrase for m in matches(ctx, span)})]
    w = Work(draft, span, own)
    kept = STEPS.first(ctx, w) == KEEP
    if draft.speaker in draft.targets:  # an actor that is also a proposal (a commission and its report) is not about itself
        draft.targets = [p for p in draft.targets if p != draft.speaker]
        kept = bool(draft.targets or draft.themes)
    return kept


def without_speaker_name(ctx: TargetContext, draft: Draft, span: Span, own: list[str]) -> list[str]:
    """'The commission will recommend X', said by the commission: a proposal named only by the
    words that name the claim's own speaker (the subject of its cue verb) is not what it is about."""
    cue = own_cue(ctx, draft)
    if not own or cue is None or not span.start <= cue.i < span.end:
        return own
    subject = {t.i for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    if not subject:
        return own
    inside: dict[str, bool] = {}
    for m in matches(ctx, span):
        toks = match_tokens(span, m)
        inside[m.id] = inside.get(m.id, True) and toks is not None and all(t.i in subject for t in toks)
    return [p for p in own if not inside.get(p, False)]


def ended_targets(ctx: TargetContext, kept: list[Draft]) -> list[Draft]:
    """'... the need to end private profiteering': a supporting claim that backs putting an end to
    a proposal objects to that proposal (one claim of its own), unless the proposal's own label is
    such an ending ('a ban on bonuses')."""
    out = []
    for d in kept:
        ended = [p for p in d.targets if _ended(ctx, d, p)] if d.stance != Stance.OBJECT else []
        if not ended:
            out.append(d)
            continue
        rest = [p for p in d.targets if p not in ended]
        if rest:
            d.targets = rest
            out.append(d)
        out.append(Draft(d.unit, d.start, d.end, d.speaker, Stance.OBJECT, list(d.cues), d.rule + "+ended", ended,
                         list(d.themes), [*d.target_cues, "what it backs putting an end to"]))
    return out


def _ended(ctx: TargetContext, d: Draft, pid: str) -> bool:
    """Whether the claim names ``pid`` as the object of a verb of ending outside the name, and the
    proposal is not itself an ending."""
    ending = ctx.words("verbs.ending")
    span = ctx.doc[d.start:d.end]
    for m in matches(ctx, span):
        toks = match_tokens(span, m) if m.id == pid else None
        verb = (ending_verb(ctx, toks.root) or forbidding_verb(ctx, toks.root)) if toks is not None else None
        if verb is not None and not toks.start <= verb.i < toks.end:
            entry = ctx.taxonomy.proposals.get(pid)
            return not _an_ending(entry.label if entry is not None else ctx.candidates.get(pid, ""), ending)
    return False


def ending_verb(ctx: TargetContext, tok: Token) -> Token | None:
    """The verb of ending that acts on ``tok``: as its object ('end X', 'stamp out profiteering') or
    the subject of its passive ('X must be ended'), through a noun of use ('end the use of X', 'curb
    reliance on X'), or after its particle ('crack down on X', 'phase out X'); or the noun of ending
    ('an end to X', 'a ban on X')."""
    tok = _through_use(ctx, tok)
    if _acted_on(tok) and tok.head.lower_ in ctx.words("verbs.ending_noun_preps") and tok.head.head.pos_ == "NOUN":
        return _ending_noun(ctx, tok.head.head)  # 'an end to profiteering', 'a ban on X'
    acted_on = _ended_by_head(ctx, tok)
    verb = tok.head if acted_on else None
    if _acted_on(tok) and tok.head.lower_ in ctx.words("verbs.ending_acted_on") and tok.head.dep_ == "prep":
        verb = tok.head.head  # 'crack down on X', 'crack down on profiteering'
    if verb is None or verb.lemma_.lower() not in ctx.words("verbs.ending") or not _completed(ctx, verb):
        return None
    return verb if acted_on or _ending_particle(ctx, verb) else None


def _through_use(ctx: TargetContext, tok: Token) -> Token:
    """'the use of X': the noun of use, through which a verb of ending reaches X; else ``tok``."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ctx.words("verbs.ending_preps") and \
            singular(tok.head.head.lower_) in ctx.words("verbs.ending_through"):
        return tok.head.head
    return tok


def _ending_noun(ctx: TargetContext, noun: Token) -> Token | None:
    """A noun of ending ('end', 'ban', 'halt'), not denied ('no end to X' ends nothing)."""
    negators = ctx.words("stance.negators.words")
    if noun.lemma_.lower() not in ctx.words("verbs.ending") or any(c.lower_ in negators for c in noun.children):
        return None
    return noun


#: how what a verb of ending ends hangs on it: its object, or the subject of its passive
_ENDED_DEPS = frozenset({"dobj", "nsubjpass", "csubjpass"})


def _ended_by_head(ctx: TargetContext, tok: Token) -> bool:
    """Whether ``tok`` hangs on its head as what a verb would end: its object, its passive's subject,
    or a gerund complement ('end profiteering', 'stamp out profiteering')."""
    return tok.dep_ in _ENDED_DEPS or _gerund_ended(tok) or \
        tok.dep_ == "xcomp" and tok.tag_ == "VBG" and _ending_particle(ctx, tok.head)


def forbidding_verb(ctx: TargetContext, tok: Token) -> Token | None:
    """'providers should not be making excessive profits', 'councils must not outsource X': a verb
    under a prohibiting modal and 'not' forbids what it acts on, as a verb of ending does."""
    verb = tok.head if tok.dep_ == "dobj" or _gerund_ended(tok) else None
    if _acted_on(tok) and tok.head.dep_ == "prep":
        verb = tok.head.head
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in ctx.words("verbs.ending"):
        return None  # 'must not end X' forbids the ending, not X
    return verb if forbidden(verb, ctx.words("markers.prohibiting")) else None


def _acted_on(tok: Token) -> bool:
    """What a preposition acts on: its object, or a gerund the parser hangs on it ('on profiteering')."""
    return tok.dep_ == "pobj" or (tok.dep_ == "pcomp" and tok.tag_ == "VBG")


def _gerund_ended(tok: Token) -> bool:
    """'end profiteering', 'stop outsourcing': a gerund the parser hangs on the verb as its
    complement is what the verb ends (not after a particle: 'end up outsourcing')."""
    return tok.dep_ == "xcomp" and tok.tag_ == "VBG" and not any(c.dep_ == "prt" for c in tok.head.children)


def _completed(ctx: TargetContext, verb: Token) -> bool:
    """A verb of ending, not negated, with what it needs to end anything: its particle ('crack
    down'), or what takes the place of what it ends ('replace X with Y'; 'teams replacing X'
    describes the teams)."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.words("verbs.ending_with_particle") and not _ending_particle(ctx, verb) or \
            any(c.dep_ == "neg" for c in verb.children):  # 'must not end X' keeps X
        return False
    return lemma not in ctx.words("verbs.ending_with_replacement") or \
        any(c.dep_ == "prep" and c.lower_ in ctx.words("verbs.replacement_preps") for c in verb.children)


def _ending_particle(ctx: TargetContext, verb: Token) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in ctx.words("verbs.ending_particles") for c in verb.children)


@lru_cache(maxsize=1024)
def _an_ending(label: str, ending: frozenset[str]) -> bool:
    """Whether a proposal's label is itself an ending ('ending self-monitoring', 'abolition of X')."""
    return any(w.startswith(e[:5]) for w in re.findall(r"[a-z]+", fold(label)) for e in ending)


def not_own_work(state: ActorState, kept: list[Draft]) -> list[Draft]:
    """A claim of an actor that speaks through a piece of work (a review's panel) is never about that
    work itself: the review does not back the review; what it recommends is what it backs. A claim
    left with no proposal and no grounds is dropped."""
    out = []
    for d in kept:
        work = state.registry[d.speaker].work if d.speaker in state.registry else None
        if work is not None and work in d.targets:
            d.targets = [p for p in d.targets if p != work]
            if not d.targets and not d.themes:
                continue
        out.append(d)
    return out


def sibling_targets(kept: list[Draft]) -> None:
    """'X backs A but fears it will fail': a clause with no target of its own is about its sibling's
    (another clause of the same speaker in the same sentence)."""
    for d in kept:
        if d.targets:
            continue
        sibling = next((o for o in kept if o.unit == d.unit and o is not d and o.targets and o.speaker == d.speaker
                        and not o.targets[0].startswith(CANDIDATE_PREFIX)), None)
        if sibling is not None:
            d.targets = list(sibling.targets)
            d.target_cues.append("context: the other clause of its sentence")


# ---------------------------------------------------------------- references to what was named nearby
def anaphoric(ctx: TargetContext, span: Span) -> bool:
    """The umbrella proposal is named only by a pointing phrase ('the proposal', 'such positive reforms')."""
    found = [m for m in matches(ctx, span) if ctx.umbrella(m.id)]
    return bool(found) and all(m.phrase.split()[-1] in ctx.words("nouns.anaphoric") or pointer_before(ctx, span, m)
                               or pointed_scope(ctx, span, m) for m in found)


def pointer_before(ctx: TargetContext, span: Span, m: Match) -> bool:
    toks = match_tokens(span, m)
    if toks is None:
        return False
    return any(t.lower_ in ctx.words("markers.plural_pointer") for t in span.doc[max(span.start, toks.start - 2):toks.start])


def pointed_scope(ctx: TargetContext, span: Span, m: Match) -> bool:
    """'government reforms in this space', 'changes in that area': a phrase after the name that
    points back ('in' and a demonstrative noun) makes the general name a reference."""
    toks = match_tokens(span, m)
    if toks is None:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(demonstrative_noun(ctx, o) for o in c.children
                                                             if o.dep_ == "pobj") for c in toks.root.children)


def plural_pointer(ctx: TargetContext, span: Span) -> bool:
    """'such positive reforms': a pointer to several proposals named before."""
    return any(ctx.umbrella(m.id) and pointer_before(ctx, span, m) for m in matches(ctx, span))


def context(ctx: TargetContext, unit_index: int, span: Span | None = None, *, plural: bool = False,
            nearest: bool = False) -> tuple[list[str], str] | None:
    """Proposals named around a claim: the rest of its sentence, the two sentences before it in the
    paragraph, the previous paragraph's last two, then the section heading. A particular proposal
    found anywhere on that path beats the umbrella; a plural pointer takes every proposal named so
    far in its section."""
    unit = ctx.units[unit_index]
    if plural and (named := section_proposals(ctx, unit)):
        return named, "named earlier in the section"
    general = None
    pronoun = nearest or span is not None and pronoun_subject(ctx, span)
    for where_span, where in context_places(ctx, unit, span):
        found = named_in(ctx, where_span)
        if not found:
            continue
        if not ctx.all_umbrellas(found):
            return found, where
        if pronoun and where != "same sentence":
            return found, where  # 'They will only succeed if ...': the nearest thing named
        general = general or (found, where)
    return heading_proposals(ctx, unit) or general


def named_in(ctx: TargetContext, span: Span) -> list[str]:
    """What a sentence near a claim names: its last particular proposal (a pointing reference is to
    the nearest one named), else its umbrellas, else what a pointing phrase in it refers to."""
    found = proposals(ctx, span, examples=False)
    if not found:
        return (head_anaphor(ctx, span) or ([], ""))[0]  # 'the bill' in the sentence before
    named = [m for m in matches(ctx, span) if not ctx.umbrella(m.id) and m.id in found]  # not a name set aside
    return [max(named, key=lambda m: m.start).id] if named and not ctx.all_umbrellas(found) else found


def heading_proposals(ctx: TargetContext, unit: Unit) -> tuple[list[str], str] | None:
    heading = section_heading(ctx, unit)
    found = proposals(ctx, heading) if heading is not None else []
    if found and not ctx.all_umbrellas(found):
        return found, "heading: " + text_of(heading).strip()[:80]
    return None


def context_places(ctx: TargetContext, unit: Unit, span: Span | None) -> list[tuple[Span, str]]:
    sents, units = ctx.sents, ctx.units
    places = []
    sent = sents[unit.sent]
    if span is not None and (span.start, span.end) != (sent.start, sent.end):
        if not demonstrative(ctx, span):
            places.append((sent, "same sentence"))
        elif span.start > sent.start:  # 'such a model' refers back: to the words before it, not after
            places.append((sent.doc[sent.start:span.start], "same sentence"))
    same_para = [u for u in units if u.para == unit.para and u.sent < unit.sent]
    places += [(sents[u.sent], text_of(sents[u.sent]).strip()[:80]) for u in reversed(same_para[-2:])]
    prev_para = [u for u in units if u.para == unit.para - 1 and not u.heading]
    places += [(sents[u.sent], text_of(sents[u.sent]).strip()[:80]) for u in reversed(prev_para[-2:])]
    return places


def section_heading(ctx: TargetContext, unit: Unit) -> Span | None:
    headings = [u for u in ctx.units if u.heading and 0 < u.sent < unit.sent]  # not the title line
    return ctx.sents[headings[-1].sent] if headings else None


def section_proposals(ctx: TargetContext, unit: Unit) -> list[str]:
    heads = [u for u in ctx.units if u.heading and 0 < u.sent < unit.sent]
    first = heads[-1].sent if heads else 0
    named: list[str] = []
    for u in ctx.units:
        if first < u.sent < unit.sent and not u.heading:
            named += [p for p in proposals(ctx, ctx.sents[u.sent]) if not ctx.umbrella(p) and p not in named]
    return named


def last_proposal(ctx: TargetContext, span: Span) -> str:
    found = [m for m in matches(ctx, span) if not ctx.umbrella(m.id)]
    return max(found, key=lambda m: m.start).id


def head_anaphor(ctx: TargetContext, span: Span, *, subject_only: bool = False,
                 speaker: int | None = None) -> tuple[list[str], str] | None:
    """'the teams', 'joint teams', 'the register', 'the Bill': a noun that ends the name of a
    proposal or document named earlier in the article points back to it (the latest one of that
    name); 'the spending review' (a word of its own before the noun) does not."""
    heads = {head: target for end, head, target in named_heads(ctx) if end <= span.start_char}
    for tok in (t for t in tokens(span) if t.i != speaker and pointing_noun(ctx, t, subject_only)
                and not responded_to(ctx, t)):
        target = _named_by_head(ctx, tok, heads)
        if target is None or not any(c.dep_ in {"det", "amod", "poss"} for c in tok.children) or \
                _plural_for_one_document(ctx, tok, target):
            continue
        if isinstance(target, tuple):
            return [ctx.add_candidate(target)], f"points back: {tok.text} ({target[1]})"
        return [target], f"points back: {tok.text}"
    return the_one_document(ctx, span, subject_only, speaker)


def responded_to(ctx: TargetContext, tok: Token) -> bool:
    """'responded to the review with its strategy', 'in response to the review': what is responded to."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in ctx.words("markers.responding")


def _named_by_head(ctx: TargetContext, tok: Token, heads: dict) -> str | tuple[str, str] | None:
    """What a pointing noun names among the proposals named before: by its own last word, by a
    document word after 'the' ('the report' for the review, not 'its report'), or by another name's
    last word after a demonstrative ('these hikes' after 'bill rises')."""
    word = singular(tok.lower_)
    target = heads.get(word)
    if target is None and _definite(ctx, tok):
        target = heads.get(f"the {word}")
    if target is None and f"this {word}" in heads and demonstrative_noun(ctx, tok):
        target = heads[f"this {word}"]
    return target


def _plural_for_one_document(ctx: TargetContext, tok: Token, target: str | tuple[str, str]) -> bool:
    """'the costly bills' after 'the Bill': a plural document word does not point back to one document."""
    if tok.tag_ not in {"NNS", "NNPS"} or singular(tok.lower_) not in ctx.words("nouns.document_head"):
        return False
    entry = ctx.taxonomy.proposals.get(target) if isinstance(target, str) else None
    return isinstance(target, tuple) or entry is not None and entry.kind == "document"


def pointing_noun(ctx: TargetContext, tok: Token, subject_only: bool) -> bool:
    """A noun that may point back: not part of a compound, with no compound word of its own, a
    subject when only subjects count."""
    return tok.pos_ in {"NOUN", "PROPN"} and tok.i not in ctx.skip and tok.dep_ != "compound" and \
        not any(c.dep_ == "compound" for c in tok.children) and \
        (not subject_only or tok.dep_ in {"nsubj", "nsubjpass"})


def demonstrative(ctx: TargetContext, span: Span) -> bool:
    """Whether a noun in the clause takes a demonstrative that points back ('such a model', 'this
    approach'); 'this year' is a date."""
    return any(c.dep_ in {"det", "predet", "amod"} and c.lower_ in ctx.words("markers.demonstrative")
               and c.head.pos_ == "NOUN" and not c.head.ent_type_ for c in tokens(span))


def _definite(ctx: TargetContext, tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ctx.words("markers.pointing") for c in tok.children)


def the_one_document(ctx: TargetContext, span: Span, subject_only: bool = False,
                     speaker: int | None = None) -> tuple[list[str], str] | None:
    """'the bill', 'this strategy' with nothing of that kind named before: the debate's one policy
    document of that kind, when the taxonomy has exactly one (not the speaker: 'the review said')."""
    heads = ctx.words("nouns.document_head")
    for tok in tokens(span):
        head = singular(tok.lower_)
        if head not in heads or tok.i == speaker or not _one_document_word(ctx, tok, subject_only):
            continue
        kinds = ctx.words("nouns.law") if head in ctx.words("nouns.law") else {head}
        own = _own_document(ctx, tok, kinds)
        if own is not None:
            return own, f"the article's own {head}: {tok.text}"
        docs = [p for p, e in ctx.taxonomy.proposals.items() if e.kind == "document"
                and singular(fold(e.label).split()[-1]) in kinds]
        if len(docs) == 1:
            return docs, f"the debate's one {head}: {tok.text}"
    return None


def _one_document_word(ctx: TargetContext, tok: Token, subject_only: bool) -> bool:
    """A singular pointing noun with 'the' or an owner ('the bill', 'its strategy'), not what is
    responded to; 'the costly bills' is no one document."""
    return pointing_noun(ctx, tok, subject_only) and not responded_to(ctx, tok) and tok.tag_ not in {"NNS", "NNPS"} \
        and (_definite(ctx, tok) or any(c.dep_ == "poss" for c in tok.children))


def _own_document(ctx: TargetContext, tok: Token, kinds: set[str] | frozenset[str]) -> list[str] | None:
    """'the legislation' in an article that names its bill ('the Children and Social Work Bill'), up
    to and including this word: the latest such document."""
    own = [t for end, h, t in named_heads(ctx) if h in kinds and end <= tok.idx + len(tok.text)]
    if not own:
        return None
    return [ctx.add_candidate(own[-1])] if isinstance(own[-1], tuple) else [own[-1]]


def named_heads(ctx: TargetContext) -> list[tuple[int, str, str | tuple[str, str]]]:
    """(end offset, head noun, proposal id or candidate) of every particular proposal named in the
    document and of every named document the taxonomy lacks ('the Children and Social Work Bill').
    A policy document also answers to the document words in any of its names ('the report' for
    a review whose names include "the review's final report")."""
    if ctx._named_heads is None:
        vague = ctx.words("nouns.vague_head")
        found: list[tuple[int, str, str | tuple[str, str]]] = []
        for m in doc_matches(ctx.doc, ctx.taxonomy, "proposals"):
            if m.id == ctx.taxonomy.general_proposal:
                continue
            head = singular(_head_word(ctx, m))
            found += [(m.end, head, m.id)] if head not in vague else []
            found += [(m.end, f"the {w}", m.id) for w in sorted(document_words(ctx, m.id) - {head} - vague)]
            found += [(m.end, f"this {w}", m.id) for w in sorted(name_heads(ctx, m.id) - {head} - vague)]
        found += named_documents(ctx)
        ctx._named_heads = sorted(found, key=lambda f: f[0])
    return ctx._named_heads


def _head_word(ctx: TargetContext, m: Match) -> str:
    """The noun a name is of: its last word, or the noun before a preposition that heads it ('a rise
    in water bills' is a rise, not bills; 'their bill' does not point back to it)."""
    toks = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    root = toks.root if toks is not None else None
    if root is not None and root.i + 1 < toks.end and root.nbor().pos_ == "ADP" and root.pos_ == "NOUN":
        return root.lower_
    return m.phrase.split()[-1]


def name_heads(ctx: TargetContext, pid: str) -> set[str]:
    """The last words of all a proposal's names ('rises' and 'hikes' for bill rises and bill hikes)."""
    if pid not in _NAME_HEADS.setdefault(ctx.taxonomy.digest, {}):
        entry = ctx.taxonomy.proposals.get(pid)
        _NAME_HEADS[ctx.taxonomy.digest][pid] = {singular(fold(name).split()[-1]) for name in entry.names
                                                 if name.strip()} if entry is not None else set()
    return _NAME_HEADS[ctx.taxonomy.digest][pid]


_NAME_HEADS: dict[str, dict[str, set[str]]] = {}  # taxonomy digest -> proposal -> last words of its names


def demonstrative_noun(ctx: TargetContext, tok: Token) -> bool:
    """'these hikes', 'this approach': a noun with a demonstrative determiner."""
    return any(c.dep_ in {"det", "predet"} and c.lower_ in ctx.words("markers.demonstrative")
               and c.lower_ not in ctx.words("markers.plural_pointer") for c in tok.children)  # not 'such': a kind


def document_words(ctx: TargetContext, pid: str) -> set[str]:
    """The document words ('review', 'report', 'bill') in the names of a policy document."""
    entry = ctx.taxonomy.proposals.get(pid)
    if entry is None or entry.kind != "document":
        return set()
    heads = ctx.words("nouns.document_head")
    return {singular(w) for name in entry.names for w in fold(name).split() if singular(w) in heads}


def named_documents(ctx: TargetContext) -> list[tuple[int, str, str | tuple[str, str]]]:
    """Capitalised names ending in a document word that the taxonomy does not know ('the Children
    and Social Work Bill'), as candidate proposals: (end offset, head noun, (id, label)); a name
    that holds one proposal's name before its document word ('the National Adoption Strategy') is
    that proposal's document: (end offset, head noun, proposal id)."""
    heads = ctx.words("nouns.document_head")
    known = doc_matches(ctx.doc, ctx.taxonomy, "proposals")
    out: list[tuple[int, str, str | tuple[str, str]]] = []
    for tok in tokens(ctx.doc):
        name = _capitalised_name(ctx, tok) if tok.lower_ in heads and tok.is_title else None
        if name is None or sum(t.is_title for t in name) < 2:
            continue
        inside = [m for m in known if m.start < name.end_char and name.start_char < m.end]
        if not inside:
            text = " ".join(name.text.split())
            out.append((name.end_char, tok.lower_, (CANDIDATE_PREFIX + slugify(text, 40), text)))
        elif _one_proposal_before(ctx, inside, name.start_char, tok.idx):
            out.append((name.end_char, tok.lower_, inside[0].id))
    return out


def _one_proposal_before(ctx: TargetContext, inside: list[Match], start: int, head_at: int) -> bool:
    """Whether the matches inside a document's name are one particular proposal's, all before its
    document word ('the National Adoption Strategy')."""
    return len({m.id for m in inside}) == 1 and inside[0].id != ctx.taxonomy.general_proposal and \
        all(start <= m.start and m.end <= head_at for m in inside)


def _capitalised_name(ctx: TargetContext, tok: Token) -> Span:
    """The run of capitalised words (and connectors) ending at ``tok`` within its sentence."""
    connectors = ctx.words("layout.name_connectors") | {"and", "for", "'s", "\u2019s"}
    doc = ctx.doc
    start = tok.i
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in connectors) and not doc[start - 1].is_sent_start:
        start -= 1
    while start < tok.i and not doc[start].is_title:
        start += 1
    return doc[start:tok.i + 1]


def pronoun_subject(ctx: TargetContext, span: Span) -> bool:
    """Whether the span opens with a pronoun subject ('They will only succeed if', 'But it says')."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in ctx.words("pronouns.objected") for t in span[:4])


def demonstrative_subject(ctx: TargetContext, span: Span) -> bool:
    """'This is a positive step', 'these are welcome changes': a demonstrative pronoun as a subject
    stands for something named before."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ == "DT" and t.lower_ in ctx.words("markers.demonstrative")
               for t in tokens(span))


def points_back(ctx: TargetContext, span: Span, nouns: str = "") -> bool:
    """'the change', 'this plan', 'such a duty': the claim is about something named before (only
    by the words of ``nouns`` when given: 'these proposals', not 'the system')."""
    nouns = ctx.words(nouns) if nouns else ctx.lex.union("nouns.anaphoric", "nouns.pointing")
    pointing = ctx.words("markers.pointing")
    return any(t.lemma_.lower() in nouns and any(c.lower_ in pointing for c in t.children) for t in tokens(span))


def _lead_paragraphs(ctx: TargetContext) -> list[int]:
    """The first two paragraphs with text (headings aside): an article's opening."""
    if ctx._lead_paras is None:
        found: list[int] = []
        for u in sorted(ctx.units, key=lambda u: u.para):
            if len(found) == 2:
                break
            if u.para not in found and not u.heading and _prose(ctx.sents[u.sent]):
                found.append(u.para)
        ctx._lead_paras = found
    return ctx._lead_paras


def _prose(sent: Span) -> bool:
    """A sentence of prose (a verb and at least six words), not page furniture ('4 min read')."""
    words = [t for t in tokens(sent) if t.is_alpha]
    return len(words) >= 6 and any(t.pos_ in {"VERB", "AUX"} for t in words)


def lead(ctx: TargetContext, unit_index: int) -> tuple[list[str], str] | None:
    """The proposal an article is about (see ``LEAD``), from its opening before the claim."""
    opening = opening_before(ctx, unit_index)
    return LEAD.first(ctx, opening) if opening else None


def opening_before(ctx: TargetContext, unit_index: int) -> list[Span]:
    """The sentences of the article's opening (its title and first two paragraphs) before a claim."""
    lead_paras = _lead_paragraphs(ctx)
    before = ctx.units[unit_index].sent
    return [ctx.sents[u.sent] for u in ctx.units if (u.para in lead_paras or u.sent == 0) and u.sent < before
            and text_of(ctx.sents[u.sent]).strip()]  # (a blank first 'sentence' is no title)


LEAD = RuleTable("targets", "lead", "The proposal an article is about (the first rule that answers decides).")


@LEAD.rule("title", "The one particular proposal the title names.",
           "Councils to run family help teams\nThe teams start in April.")
def title_lead(ctx: TargetContext, opening: list[Span]) -> tuple[list[str], str] | None:
    title = [p for p in proposals(ctx, opening[0]) if not ctx.umbrella(p)]
    if len(set(title)) == 1:
        return title[:1], "the article's title: " + text_of(opening[0]).strip()[:60]
    return None


@LEAD.rule("opening", "The one particular proposal the first two paragraphs name.",
           "Pay rises for social workers\nMinisters announced a new career framework on Monday.")
def opening_lead(ctx: TargetContext, opening: list[Span]) -> tuple[list[str], str] | None:
    found: list[str] = []
    for sent in opening:
        found += [p for p in proposals(ctx, sent) if not ctx.umbrella(p) and p not in found]
    return (found, "the article's lead: " + text_of(opening[0]).strip()[:60]) if len(found) == 1 else None


@LEAD.rule("topic", "No proposal named anywhere in the opening: the one whose taxonomy keywords it uses most.",
           "Grandparents raising grandchildren\nRelatives who take in children want an allowance.")
def topic_lead(ctx: TargetContext, opening: list[Span]) -> tuple[list[str], str] | None:
    if any(not ctx.umbrella(p) for sent in opening for p in proposals(ctx, sent)):
        return None
    topic = opening_topic(ctx, opening)
    return ([topic], "the article's topic (taxonomy keywords in its headline and opening)") if topic else None


def opening_topic(ctx: TargetContext, opening: list[Span]) -> str | None:
    """The proposal whose taxonomy keywords the headline and the given opening sentences use most."""
    facts = ctx.doc._.argmap_meta or {}
    return ctx.taxonomy.topic_of(" ".join([facts.get("title") or ""] + [text_of(s) for s in opening]))


# ---------------------------------------------------------------- candidate proposals (discovery)
def lead_candidates(ctx: TargetContext) -> dict[str, tuple[str, str]]:
    """Policies the title or first paragraphs name that the taxonomy does not know ('Agency social
    workers face pay cap'): head noun -> candidate (id, label)."""
    if ctx._lead_candidates is None:
        found = _headline_policies(ctx)
        for head, cand in _opening_policies(ctx).items():
            found.setdefault(head, cand)
        ctx._lead_candidates = found
    return ctx._lead_candidates


def _headline_policies(ctx: TargetContext) -> dict[str, tuple[str, str]]:
    """'face pay cap as ...': a policy head noun in the front-matter headline, with the word before it."""
    heads, stop = ctx.words("nouns.policy_head"), ctx.words("nouns.label_stop")
    facts = ctx.doc._.argmap_meta or {}
    title = facts.get("title") or ""
    named = [(m.start, m.end) for m in ctx.taxonomy.find_proposals(title)]
    named_ends = [e for _, e in named]
    spans = list(re.finditer(r"[A-Za-z][\w'-]*", title))
    words = [m.group() for m in spans]
    found: dict[str, tuple[str, str]] = {}
    for i, w in enumerate(words):
        head = singular(w)
        if right_after(title, named_ends, spans[i].start()) or any(a <= spans[i].start() < b for a, b in named):
            continue  # 'Staying Close support scheme', 'Schools Bill' of a named bill: what the taxonomy names
        if head in heads and i > 0 and words[i - 1].lower() not in stop and head not in found:
            text = f"{words[i - 1].lower()} {w.lower()}"
            found[head] = (CANDIDATE_PREFIX + slugify(text, 40), text)
    return found


def _opening_policies(ctx: TargetContext) -> dict[str, tuple[str, str]]:
    """Noun chunks of the first two paragraphs headed by a policy noun the taxonomy does not name."""
    heads = ctx.words("nouns.policy_head")
    hint = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in sorted(heads)) + r")")
    found: dict[str, tuple[str, str]] = {}
    for u in ctx.units:
        if u.para > 2:
            break
        sent = ctx.sents[u.sent]
        if not hint.search(text_of(sent).lower()):
            continue  # (noun chunks cost a walk of the parse; most opening sentences name no policy)
        named = [(sent.start_char + m.start, sent.start_char + m.end) for m in matches(ctx, sent)]
        for chunk in noun_chunks(ctx, sent):
            head = singular(chunk.root.lower_)
            if head in heads and head not in found and _new_policy_chunk(ctx, chunk, named):
                cand = words_label(ctx, [t for t in chunk if t.dep_ in {"compound", "amod", "nmod"} or t.i == chunk.root.i])
                if cand:
                    found[head] = cand
    return found


def _new_policy_chunk(ctx: TargetContext, chunk: Span, named: list[tuple[int, int]]) -> bool:
    """A noun chunk that can name a new policy: not inside or across a name the taxonomy knows ('Schools
    Bill' of a named bill), not right after one ('Staying Close support scheme'), not pointing back."""
    if any(a < chunk.end_char and chunk.start_char < b for a, b in named) or pointing_chunk(ctx, chunk):
        return False
    return not right_after(doc_text(ctx.doc), [e for _, e in named], chunk.root.idx)


def candidate_heads(ctx: TargetContext) -> dict[str, tuple[str, str]]:
    """Head noun -> (id, label) of the candidate proposals found so far in the document."""
    vague = ctx.words("nouns.vague_head")
    out = {}
    for cid, text in ctx.candidates.items():
        head = singular(text.split()[-1])
        if head not in vague and len(head) > 3:
            out[head] = (cid, text)
    return out


def passive_subject(ctx: TargetContext, span: Span) -> tuple[str, str] | None:
    """The subject of a passive verdict ('X is welcomed', 'X was criticised') as a candidate."""
    for tok in tokens(span):
        subj = _verdict_subject(ctx, tok)
        if subj is None:
            continue
        chunk = next((c for c in noun_chunks(ctx, span) if c.root.i == subj.i), None)
        if chunk is not None and not matches(ctx, span.doc[chunk.start:subj.right_edge.i + 1]) and \
                not pointing_chunk(ctx, chunk):
            return label(ctx, chunk)
    return None


def _verdict_subject(ctx: TargetContext, tok: Token) -> Token | None:
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in ctx.words("verbs.reception"):
        return None
    if any(c.dep_ == "auxpass" for c in tok.children):  # 'X is welcomed'
        return next((c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ in {"NOUN", "PROPN"}), None)
    if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:  # 'X, whilst welcomed, ...'
        return tok.head
    return None


def context_candidate(ctx: TargetContext, unit_index: int) -> tuple[str, str] | None:
    """A candidate proposal introduced in one of the two sentences before the claim."""
    unit = ctx.units[unit_index]
    before = [u for u in ctx.units if u.sent < unit.sent and not u.heading][-2:]
    for u in reversed(before):
        found = introduced(ctx, ctx.sents[u.sent])
        if found:
            return found
    return None


def opening_candidate(ctx: TargetContext, unit_index: int) -> tuple[str, str] | None:
    """The one candidate proposal that the article's opening (its title and first two paragraphs,
    before the claim) introduces ('Commenting on proposals to introduce national rules on ...')."""
    found = {c for sent in opening_before(ctx, unit_index) if (c := introduced(ctx, sent)) is not None}
    return found.pop() if len(found) == 1 else None


def introduced(ctx: TargetContext, span: Span) -> tuple[str, str] | None:
    """The object of a proposal word ('consulting on a mandatory reporting duty')."""
    proposal_words = ctx.lex.proposal_words
    for chunk in noun_chunks(ctx, span):
        root = chunk.root
        gov = root.head.head if root.dep_ == "pobj" else root.head
        if root.dep_ == "dobj" and gov.dep_ in {"xcomp", "acl"} and gov.head.lemma_.lower() in proposal_words:
            gov = gov.head  # 'plans to change the age of criminal responsibility'
        if root.dep_ not in {"dobj", "pobj"} or gov.lemma_.lower() not in proposal_words:
            continue
        cand = label(ctx, chunk)
        if cand:
            return cand
    return None


def wanted(ctx: TargetContext, span: Span) -> tuple[str, str] | None:
    """'wants the age of criminal responsibility raised': the thing the speaker wants done."""
    for tok in tokens(span):
        if tok.lemma_.lower() not in ctx.words("verbs.wish"):
            continue
        for comp in tok.children:
            if comp.dep_ in {"ccomp", "xcomp"}:
                arg = next((g for g in comp.children if g.dep_ in {"nsubj", "nsubjpass", "dobj"}), None)
                if arg is not None:
                    return words_label(ctx, list(arg.subtree))
            if comp.dep_ == "dobj":
                return words_label(ctx, list(comp.subtree))
    return None


CANDIDATES = RuleTable("targets", "candidates",
                       "The noun phrase a stance is about, as a new candidate proposal (the first that answers wins).")


def candidate(ctx: TargetContext, span: Span) -> tuple[str, str] | None:
    """A new proposal the span names (no chunk that points back with 'this'/'these' names one)."""
    chunks = noun_chunks(ctx, span)
    for chunk in chunks:
        if pointing_chunk(ctx, chunk):
            continue  # 'this landmark bill': the bill named before
        found = CANDIDATES.first(ctx, span, chunks, chunk)
        if found:
            return found
    return introduced(ctx, span)


def pointing_chunk(ctx: TargetContext, chunk: Span) -> bool:
    """A noun phrase that points back with 'this', 'these', 'that' or 'such' ('this landmark bill')."""
    demonstrative = ctx.words("markers.demonstrative")
    return any(t.dep_ == "det" and t.lower_ in demonstrative for t in chunk)


@CANDIDATES.rule("harm-subject", "'a duty backed by sanctions could swamp teams': the subject of a harm verb.",
                 "A mandatory reporting duty could swamp social work teams.")
def harm_subject(ctx: TargetContext, span: Span, chunks: list[Span], chunk: Span) -> tuple[str, str] | None:
    root = chunk.root
    if root.dep_ != "dobj" or root.head.lemma_.lower() not in ctx.words("verbs.harm"):
        return None
    subj = next((c for c in chunks if c.root.dep_ in {"nsubj", "nsubjpass"} and c.root.head.i == root.head.i), None)
    if subj is None:
        return None
    sub = [t.i for t in subj.root.subtree]
    return label(ctx, span.doc[min(sub):max(sub) + 1])


@CANDIDATES.rule("stance-object", "The object of a stance verb, or of a preposition after a stance word "
                 "('backed a caseload cap', 'concerns about X').", "Unions backed a caseload cap.")
def stance_object(ctx: TargetContext, span: Span, chunks: list[Span], chunk: Span) -> tuple[str, str] | None:
    root = chunk.root
    head = root.head
    words = ctx.stance_words
    if root.dep_ == "dobj" and head.lemma_.lower() in ctx.words("verbs.harm"):
        return None
    if root.dep_ == "dobj" and (head.lemma_.lower() in words - {"call"} or urged_verb(ctx, head)) or \
            root.dep_ == "pobj" and head.lower_ in ctx.words("markers.about") and \
            (head.head.lemma_.lower() in words or head.head.lower_ in words):
        return label(ctx, chunk)
    return None


@CANDIDATES.rule("asked-to-be-done", "'recommended that a mental health assessment be completed': the subject of a "
                 "passive clause a stance verb takes is the thing put forward.",
                 "The committee recommended that a national register be created.")
def asked_to_be_done(ctx: TargetContext, span: Span, chunks: list[Span], chunk: Span) -> tuple[str, str] | None:
    root = chunk.root
    clause = root.head
    if root.dep_ != "nsubjpass" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ctx.stance_words:
        return None
    return label(ctx, chunk)


@CANDIDATES.rule("necessary-clause", "'it is vital that the council invests in new placements': what the clause after a "
                 "word of necessity has done is the thing called for.",
                 "It is vital that the council invests in new foster placements.")
def necessary_clause(ctx: TargetContext, span: Span, chunks: list[Span], chunk: Span) -> tuple[str, str] | None:
    root = chunk.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj":  # 'that it meets its promise to fund X'
        verb = verb.head.head
    if root.dep_ not in {"dobj", "pobj"} or verb.pos_ not in {"VERB", "AUX"} or verb.dep_ != "ccomp":
        return None
    frame = verb.head
    if not any(c.dep_ == "acomp" and c.lower_ in ctx.words("markers.necessity") for c in frame.children) or \
            not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    return label(ctx, chunk)


def urged_verb(ctx: TargetContext, verb: Token) -> bool:
    """'called on the authority to launch an investigation': the verb is what someone is pressed to do."""
    if not any(c.lower_ == "to" for c in verb.children):
        return False
    up = verb.head
    for _ in range(3):
        if up.lemma_.lower() in ctx.words("verbs.urge"):
            return True
        if up.head.i == up.i:
            break
        up = up.head
    return False


def policy_like(ctx: TargetContext, cand: tuple[str, str] | None) -> tuple[str, str] | None:
    """A candidate only when its head word can name a policy ('a caseload cap', 'a national
    strategy'), not people, places or things in general ('young people', 'the minister's comments')."""
    if cand is None:
        return None
    head = singular(fold(cand[1]).split()[-1])
    return None if head in ctx.words("nouns.not_a_policy") else cand


def label(ctx: TargetContext, chunk: Span) -> tuple[str, str] | None:
    """A candidate (id, label) from a noun chunk's content words, with the head's complement when
    the head alone says too little ('a tangle of reporting rules', 'an investigation into the market');
    of an amount ('an increase in the use of family plans'), what it is an amount of."""
    if chunk.root.pos_ == "PRON" or any(t.i in ctx.skip for t in chunk):
        return None
    inner = amount_of(ctx, chunk.root)
    if inner is not None:
        return label(ctx, inner)
    words = content(chunk)[:6]
    if singular(chunk.root.lower_) in ctx.words("nouns.not_a_policy"):
        return None  # 'young people', 'the minister's comments': no policy
    if len(words) < 3:
        words = _with_complement(ctx, chunk.root, words, {"of"})  # 'a tangle of reporting rules'
    if len(words) < 2:
        words = _with_complement(ctx, chunk.root, words, ctx.words("markers.complement"))
    return candidate_of(words)


def amount_of(ctx: TargetContext, head: Token) -> Span | None:
    """'an increase in X', 'the use of X', 'more investment in X': the noun phrase X that an amount
    or use word heads, as a chunk of the Doc, else None."""
    if singular(head.lower_) not in ctx.words("nouns.amount"):
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ctx.words("markers.amount_of")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    return obj.doc[obj.left_edge.i:obj.right_edge.i + 1]


def _with_complement(ctx: TargetContext, head: Token, words: list[Token], preps) -> list[Token]:
    """``words`` and the content words of the head's first complement under one of ``preps``."""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    if prep is None or any(t.i in ctx.skip for t in prep.subtree):
        return words
    return (words + [t for t in content(prep.subtree) if t not in words])[:6]


def words_label(ctx: TargetContext, toks: list[Token]) -> tuple[str, str] | None:
    """A candidate (id, label) from the content words of a phrase, or None if under two."""
    return policy_like(ctx, candidate_of([t for t in content(toks) if t.i not in ctx.skip][:6]))


def content(toks) -> list[Token]:
    """The words of a phrase that can name a proposal (no stop words, punctuation or numbers)."""
    return [t for t in toks if not t.is_stop and not t.is_punct and not t.like_num and not t.is_currency]


def candidate_of(words: list[Token]) -> tuple[str, str] | None:
    """A candidate proposal (id, label) from at least two words, else None."""
    if len(words) < 2:
        return None
    text = " ".join(t.text for t in words)
    return CANDIDATE_PREFIX + slugify(text, 40), text


def noun_chunks(ctx: TargetContext, span: Span) -> list[Span]:
    """The Doc's noun chunks inside ``span`` (the Doc's are computed once per document)."""
    if ctx._chunks is None:
        ctx._chunks = [(c.start, c.end) for c in ctx.doc.noun_chunks]  # in document order
    chunks = ctx._chunks
    i = bisect_left(chunks, (span.start, -1))
    out = []
    while i < len(chunks) and chunks[i][0] < span.end:
        if chunks[i][1] <= span.end:
            out.append(ctx.doc[chunks[i][0]:chunks[i][1]])
        i += 1
    return out


def singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not _KEEPS_S.search(word) and len(word) > 3:
        return word[:-1]
    return word


_KEEPS_S = re.compile(r"[siu]s$")  # 'class', 'crisis', 'bonus' are singular
