"""The argmap_stance stage: support, object or neutral for each attributed sentence, as drafts.

Each sentence is cut into clauses at contrast markers (``CLAUSE_CUTS``) and each clause scored
(:mod:`argmap.nlp.rules.stance`); a clause with cues both ways whose two coordinated predicates take
opposite sides gives its supporting predicate a clause of its own (``CLAUSE_SPLITS``). ``DRAFTING``
then turns the scored clauses into draft claims: a concession set against an objection, clauses of
different speakers, a mixed verdict, one stance for the sentence, or one claim per clause.
Co-speakers share their speaker's claims; whoever a plan belongs to backs it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon
from argmap.model import Stance
from argmap.nlp import cues as K
from argmap.nlp.cues import Cue, Draft
from argmap.nlp.rules import RuleTable
from argmap.nlp.rules.attribution import Unit
from argmap.nlp.rules.stance import Clause, StanceContext, score
from argmap.nlp.state import CLAIMS, PERSON, UNITS, UNNAMED, ActorState, meta, require
from argmap.taxonomy import Taxonomy
from argmap.nlp.text import agent_objects, doc_matches, name_head, span_matches, text_of, tokens, words_at

_SIGN = {1: Stance.SUPPORT, -1: Stance.OBJECT, 0: Stance.NEUTRAL}


@dataclass
class Scored:
    clause: Span
    stance: Stance
    cues: list[Cue]


@dataclass
class Sentence:
    """A sentence being drafted: its unit, clauses with their scores, the author of the piece."""

    doc: Doc
    index: int
    unit: Unit
    clauses: list[Span]
    scored: list[Scored]
    author: str | None
    concessive: frozenset[str]
    personal: frozenset[str]
    contrast: frozenset[str]
    state: ActorState | None = None  # the document's actors, for a clause that names its own speaker
    speech_verbs: frozenset[str] = frozenset()

    @property
    def stances(self) -> set[Stance]:
        return {s.stance for s in self.scored if s.stance != Stance.NEUTRAL}

    def draft(self, start: int, end: int, speaker: str, stance: Stance, cues: list[Cue], rule: str) -> Draft:
        return Draft(self.index, start, end, speaker, stance, list(cues), rule)

    def clause_speaker(self, clause: Span) -> str | None:
        """'While the department has argued X, there is a danger that Y': the department said X;
        Y is the writer's own (the author in an opinion piece, else nobody)."""
        cue = self.unit.cue_token
        if cue is None or clause.start <= cue < clause.end:
            return self.unit.speaker
        subject = self.speaking_subject(clause)
        if subject is not None:  # '..., although some in the sector have slammed the move': theirs
            return self.state.actor_of(subject) if self.state is not None else None
        if self.author and not self.unit.quoted and any(t.dep_ == "nsubj" and t.lower_ in {"we", "i"} for t in clause):
            return self.author  # '...; we urge them to think again': the writer's own voice
        holder = self.holder()
        if holder is not None and self.doc[holder.start].lower_ in self.concessive \
                and not any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in self.personal for t in clause):
            return self.author
        return self.unit.speaker

    def speaking_subject(self, clause: Span) -> Token | None:
        """The noun subject of a speech verb of the clause's own, not the unit's cue ('some in the
        sector have slammed the move'); a pronoun ('she warned') is left to the sentence's speaker."""
        subject = self._speech_subject(clause)
        return subject if subject is not None and subject.pos_ in {"NOUN", "PROPN"} else None

    def own_speakers(self, clause: Span) -> list[str]:
        """The actors a clause names as its own speakers with a speech verb that is not the unit's
        cue ('..., while Jo Bell and Sam Reid say B'): the subject and the subjects joined to it."""
        subject = self._speech_subject(clause) if self.state is not None else None
        if subject is None:
            return []
        named = [self.state.actor_of(t) for t in [subject, *subject.conjuncts]]
        return list(dict.fromkeys(k for k in named if k))

    def _speech_subject(self, clause: Span) -> Token | None:
        """The subject of the clause's first speech verb that is not the unit's cue. A speech verb
        whose object is a wh-word only names what was said ('anything short of what the review
        called for fails'), not who says the clause."""
        for tok in tokens(clause):
            if tok.i == self.unit.cue_token or tok.lemma_.lower() not in self.speech_verbs or \
                    any(c.dep_ == "dobj" and c.tag_ in _RELATIVE for c in tok.children):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
        return None

    def holder(self) -> Span | None:
        """The clause that holds the attribution cue ('While the department has argued X')."""
        cue = self.unit.cue_token
        return next((c for c in self.clauses if cue is not None and c.start <= cue < c.end), None)


def detect_stance(doc: Doc, lex: Lexicon, taxonomy: Taxonomy | None) -> Doc:
    """Draft claims for every attributed sentence; save them on the Doc."""
    state = ActorState.of(doc, "argmap_stance")
    units = [Unit.from_record(u) for u in require(doc, UNITS, "argmap_stance", "argmap_attribution")]
    ctx = StanceContext(lex, taxonomy, state)
    skip = set(state.mention_at) | state.role_tokens
    facts = meta(doc)
    author = facts.get("author_key") if facts.get("genre") in lex["genres.own_voice"] else None
    drafts: list[Draft] = []
    for index, unit in enumerate(units):
        if not _claims_something(doc, unit):
            continue
        scored = []
        for c in split_clauses(lex, doc[unit.start:unit.end]):
            found, sign = score(ctx, Clause(c, skip, unit))
            whole = Scored(c, _SIGN[sign], found)
            scored += CLAUSE_SPLITS.first(ctx, skip, unit, whole) or [whole]
        clauses = [sc.clause for sc in scored]
        s = Sentence(doc, index, unit, clauses, scored, author, lex["markers.concessive"], lex["pronouns.personal"],
                     lex.contrast, state, lex.speech_verbs)
        mine = DRAFTING.first(s) or []
        mine += voiced_by(doc, lex, state, mine)
        for co in unit.co_speakers:  # 'Both X and Y argued that ...': each co-speaker holds the same claims
            mine += [Draft(d.unit, d.start, d.end, co, d.stance, list(d.cues), d.rule + "+co-speaker")
                     for d in mine if d.speaker == unit.speaker]
        drafts += elaborated(doc, lex, unit, mine, drafts)
    drafts += owned_plans(doc, lex, state, units, drafts, taxonomy)
    drafts += enacted_plans(doc, lex, state, units, drafts, taxonomy)
    drafts += rejected_plans(doc, lex, state, units, drafts, taxonomy)
    drafts += sides_from(doc, lex, state, units, drafts, taxonomy)
    doc.user_data[CLAIMS] = [d.record() for d in drafts]
    return doc


def _claims_something(doc: Doc, unit: Unit) -> bool:
    if not unit.speaker or unit.speaker == UNNAMED or unit.heading:
        return False
    text = text_of(doc[unit.start:unit.end]).strip()
    return not (text.endswith(":") and len(text.split()) <= 8)  # "The changes include:" introduces


# ---------------------------------------------------------------- clauses
CLAUSE_CUTS = RuleTable("stance", "clause-cuts", "Where a sentence is cut into clauses (all rules apply).")


@CLAUSE_CUTS.rule("semicolon", "A semicolon inside the sentence starts a new clause.",
                  "Ministers rejected the plan; we urge them to think again.")
def semicolon(lex: Lexicon, sent: Span, tok: Token) -> list[int]:
    return [tok.i + 1] if tok.text == ";" and sent.start < tok.i < sent.end - 2 else []


@CLAUSE_CUTS.rule("but", "'but', 'yet' or a contrast word used as a conjunction starts a clause.",
                  "We welcome the teams but fear they are unfunded.")
def but(lex: Lexicon, sent: Span, tok: Token) -> list[int]:
    if tok.pos_ == "ADV" and tok.dep_ != "cc":
        return []  # 'has yet to reach': an adverb, not a conjunction
    if tok.lower_ in lex["markers.coordinating_contrast"] or tok.dep_ == "cc" and tok.lower_ in lex.contrast:
        return [tok.i]
    return []


@CLAUSE_CUTS.rule("however", "', however,' between clauses starts one (not in 'It warned, however, that').",
                  "The plan is welcome, however the money is short.")
def however(lex: Lexicon, sent: Span, tok: Token) -> list[int]:
    doc = sent.doc
    if tok.lower_ != "however" or tok.dep_ == "cc" or not (tok.i > sent.start and doc[tok.i - 1].text in {",", ";"}):
        return []
    after = doc[tok.i + 2] if tok.i + 2 < sent.end else None
    if after is not None and after.lower_ == "that" and doc[tok.i + 1].text == ",":
        return []
    return [tok.i]


@CLAUSE_CUTS.rule("despite", "'despite X, Y': X and Y are clauses.", "Despite the funding, the plan will fail.")
def despite(lex: Lexicon, sent: Span, tok: Token) -> list[int]:
    if tok.lower_ != "despite" or tok.dep_ == "cc":
        return []
    comma = next((t.i for t in sent.doc[tok.i:sent.end] if t.text == ","), None)
    return [tok.i] + ([comma + 1] if comma is not None else [])


@CLAUSE_CUTS.rule("subordinate", "'while/although X, Y' (any other contrast marker): the subordinate clause, "
                  "then the main one.", "While the department has argued the teams work, there is a danger they will fail.")
def subordinate(lex: Lexicon, sent: Span, tok: Token) -> list[int]:
    if tok.lower_ not in lex.contrast or tok.dep_ == "cc" or \
            tok.lower_ in lex["markers.coordinating_contrast"] | {"however", "despite"}:
        return []
    main = _main_clause_start(sent, tok)
    return [tok.i] + ([main] if main is not None else [])


def _main_clause_start(sent: Span, tok: Token) -> int | None:
    """Where the main clause starts after a subordinate one: the root's subject after the marker,
    else a subject outside the marker's clause, else one after a comma, else the clause's end."""
    inner = {t.i for t in tok.head.subtree}
    for find in (_root_subject, _outer_subject, _subject_after_comma):
        found = find(sent, tok, inner)
        if found is not None:
            return found
    return max(inner) + 1 if inner else None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def _root_subject(sent: Span, tok: Token, inner: set[int]) -> int | None:
    root = sent.root
    return next((c.i for c in root.children if c.dep_ in _SUBJECTS and tok.i + 2 < c.i < root.i), None)


def _outer_subject(sent: Span, tok: Token, inner: set[int]) -> int | None:
    return next((t.i for t in sent.doc[tok.i + 1:sent.end] if t.dep_ in _SUBJECTS and t.i not in inner
                 and t.head.i > t.i), None)


def _subject_after_comma(sent: Span, tok: Token, inner: set[int]) -> int | None:
    doc = sent.doc  # the parser folded the whole sentence under the marker
    return next((t.i for t in doc[tok.i + 2:sent.end] if t.dep_ in _SUBJECTS and doc[t.i - 1].text in {",", ")"}), None)


def split_clauses(lex: Lexicon, sent: Span) -> list[Span]:
    """Cut a sentence at contrast markers: 'X but Y', 'while X, Y', 'although X, Y', 'X; however, Y'."""
    cuts: set[int] = set()
    for tok in tokens(sent):
        if tok.lower_ in lex.contrast or tok.text == ";":
            for rule in CLAUSE_CUTS:
                cuts.update(rule(lex, sent, tok))
    bounds = [sent.start, *sorted(c for c in cuts if sent.start < c < sent.end - 1), sent.end]
    parts = [sent.doc[a:b] for a, b in pairwise(bounds) if b - a >= 2]
    return parts or [sent]


CLAUSE_SPLITS = RuleTable("stance", "clause-splits", "A scored clause cut again where its parts take opposite "
                          "sides (the first rule that answers decides).")


@CLAUSE_SPLITS.rule("disagreeing-predicates", "A clause with cues both ways whose two coordinated predicates take "
                    "opposite sides: the supporting predicate is a clause of its own (what is backed is named there); "
                    "the objection keeps the whole clause, whose other words may be its grounds.",
                    "Jo Bell warns the plan will fail and backs a national register.")
def disagreeing_predicates(ctx: StanceContext, skip: set[int], unit: Unit, scored: Scored) -> list[Scored] | None:
    signs = {c.sign for c in scored.cues if c.counts_for_mix}
    cut = _predicate_cut(scored.clause) if {1, -1} <= signs else None
    if cut is None:
        return None
    doc, clause = scored.clause.doc, scored.clause
    parts = []
    for part in (doc[clause.start:cut], doc[cut:clause.end]):
        found, sign = score(ctx, Clause(part, skip, unit))
        parts.append(Scored(part, _SIGN[sign], found))
    if {p.stance for p in parts} != {Stance.SUPPORT, Stance.OBJECT}:
        return None
    return [p if p.stance == Stance.SUPPORT else Scored(clause, p.stance, p.cues) for p in parts]


def _predicate_cut(clause: Span) -> int | None:
    """Where the second of two coordinated verbs begins (at its conjunction, 'and' or 'or'): the
    clause's one verb joined to another verb (the parser may join it to the verb of a clause inside)."""
    verbs = {"VERB", "AUX"}
    joined = [t for t in tokens(clause)
              if t.dep_ == "conj" and t.pos_ in verbs and t.head.pos_ in verbs and clause.start <= t.head.i < t.i]
    if len(joined) != 1:
        return None
    conj = joined[0]
    cc = next((c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i), None)
    cut = cc.i if cc is not None else conj.left_edge.i
    return cut if clause.start + 2 <= cut <= clause.end - 2 else None


# ---------------------------------------------------------------- from scored clauses to drafts
DRAFTING = RuleTable("stance", "drafting", "How scored clauses become draft claims (the first rule that answers decides).")


@DRAFTING.rule("concession", "'While X has argued A, there is a danger that B': A is X's, set against the writer's "
               "objection B it defends what B objects to.",
               "While the department has argued the teams work, there is a danger the teams will fail.")
def concession(s: Sentence) -> list[Draft] | None:
    holder = s.holder()
    if len(s.clauses) < 2 or len(s.stances) != 1 or holder is None or s.doc[holder.start].lower_ not in s.concessive:
        return None
    if any(sc.stance != Stance.NEUTRAL for sc in s.scored if sc.clause is holder):
        return None
    stanced = [sc for sc in s.scored if sc.stance != Stance.NEUTRAL]
    speaker = s.clause_speaker(stanced[0].clause)
    if speaker == s.unit.speaker:
        return None
    out = [s.draft(sc.clause.start, sc.clause.end, speaker, sc.stance, sc.cues, f"{s.unit.rule}+contrast-split")
           for sc in stanced if speaker]
    if stanced[0].stance == Stance.OBJECT:
        label = f"{s.doc[holder.start].lower_} ... {s.doc[s.unit.cue_token].text} (set against an objection)"
        out.append(s.draft(holder.start, holder.end, s.unit.speaker, Stance.SUPPORT,
                           [Cue(K.CONCESSION, +1, label, "concession")], f"{s.unit.rule}+concession"))
    return out


@DRAFTING.rule("speakers-differ", "Clauses of one stance that belong to different speakers give one claim each.",
               "Ministers have rejected the cap; we urge them to think again.")
def speakers_differ(s: Sentence) -> list[Draft] | None:
    if len(s.stances) != 1 or len(s.clauses) < 2:
        return None
    stanced = [(sc, s.clause_speaker(sc.clause)) for sc in s.scored if sc.stance != Stance.NEUTRAL]
    if len({sp for _, sp in stanced}) < 2:
        return None
    return [s.draft(sc.clause.start, sc.clause.end, sp, sc.stance, sc.cues, f"{s.unit.rule}+contrast-split")
            for sc, sp in stanced if sp]


@DRAFTING.rule("own-speaker", "The one stanced clause names speakers of its own with a speech verb ('A, writes "
               "Jo Bell, while Sam Reid says B'): theirs, not the sentence's first speaker's.",
               "The plan is kind, writes Jo Bell, while Sam Reid says the teams will fail.")
def own_speaker(s: Sentence) -> list[Draft] | None:
    stanced = [sc for sc in s.scored if sc.stance != Stance.NEUTRAL]
    if len(s.clauses) < 2 or len(stanced) != 1:
        return None
    sc = stanced[0]
    speakers = [k for k in s.own_speakers(sc.clause) if k != s.unit.speaker]
    if not speakers:
        return None
    return [s.draft(sc.clause.start, sc.clause.end, k, sc.stance, sc.cues, f"{s.unit.rule}+own-speaker")
            for k in speakers]


@DRAFTING.rule("mixed", "As many support cues as objection cues in one stance: one claim per stance.",
               "It is a good idea that needs more detail.")
def mixed(s: Sentence) -> list[Draft] | None:
    if len(s.stances) > 1:
        return None
    cues = _sentence_cues(s)
    pos = sum(1 for c in cues if c.counts_for_mix and c.sign > 0)
    neg = sum(1 for c in cues if c.counts_for_mix and c.sign < 0)
    if not (pos and neg and pos == neg):
        return None
    u = s.unit
    return [s.draft(u.start, u.end, u.speaker, st, [c for c in cues if c.counts_for_mix and c.sign == sign],
                    f"{u.rule}+mixed") for st, sign in ((Stance.SUPPORT, 1), (Stance.OBJECT, -1))]


@DRAFTING.rule("one-stance", "One stance for the sentence, over its stanced clauses (a condition runs over all of it).",
               "BASW welcomed the new duty.")
def one_stance(s: Sentence) -> list[Draft] | None:
    if len(s.stances) > 1:
        return None
    stance = next(iter(s.stances), Stance.NEUTRAL)
    cues = _sentence_cues(s)
    stanced = [sc.clause for sc in s.scored if sc.stance != Stance.NEUTRAL] if stance != Stance.NEUTRAL else []
    if any(c.kind in (K.CONDITION, K.ONLY_IF) for c in cues):
        stanced = []  # 'will depend on A; B; C': the condition runs over the whole sentence
    u = s.unit
    start = stanced[0].start if stanced else u.start
    end = stanced[-1].end if stanced else u.end
    if start > u.start and (s.doc[start].lower_ in s.contrast or s.doc[start].is_punct):
        start = _after_contrast(s.doc, s.contrast, start, end, u.start)
    return [s.draft(start, end, u.speaker, stance, cues, f"{u.rule}+cues")]


def _after_contrast(doc: Doc, contrast: frozenset[str], start: int, end: int, sentence_start: int) -> int:
    """'A, but B': a claim of B alone starts after the contrast word when B has a subject of its
    own (what A says is not B's ground); 'it is staffed by X but will lead Y' shares A's subject, so
    the claim keeps the whole sentence."""
    while start < end - 1 and (doc[start].lower_ in contrast or doc[start].is_punct):
        start += 1
    heads = [t for t in doc[start:end] if t.head.i == t.i or not start <= t.head.i < end]
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for t in heads for c in t.children)
    return start if own_subject else sentence_start


@DRAFTING.rule("contrast-split", "Clauses that disagree give one claim each, each with its clause's speaker.",
               "We welcome the teams but fear they are unfunded.")
def contrast_split(s: Sentence) -> list[Draft]:
    out = []
    for sc in s.scored:
        speaker = s.clause_speaker(sc.clause) if sc.stance != Stance.NEUTRAL else None
        if speaker:
            out.append(s.draft(sc.clause.start, sc.clause.end, speaker, sc.stance, sc.cues,
                               f"{s.unit.rule}+contrast-split"))
    return out


def _sentence_cues(s: Sentence) -> list[Cue]:
    stance = next(iter(s.stances), Stance.NEUTRAL)
    return [c for sc in s.scored if sc.stance == stance or stance == Stance.NEUTRAL for c in sc.cues]


def owned_plans(doc: Doc, lex: Lexicon, state: ActorState, units: list[Unit], drafts: list[Draft],
                taxonomy: Taxonomy | None = None) -> list[Draft]:
    """'We welcome the government's commitment that every care leaver will ...': whoever a plan
    belongs to backs it, whatever the speaker makes of it (when the plan's own words name a
    particular proposal: an owner's plan is not guessed from the sentences around it)."""
    out = []
    plan_nouns = lex["nouns.plan"]
    for index, unit, tok in _units_words(doc, units, plan_nouns):
        owner = _plan_owner(state, tok, plan_nouns) or _plan_owner_after(lex, state, tok) or \
            _work_recommendation(lex, tok, unit, drafts)
        if not owner or owner == unit.speaker:
            continue
        start, end = _noun_phrase(tok)
        general = tok.lower_ in lex["nouns.reforming"] and _governing(lex, state, owner)
        stance = Stance.OBJECT if _rejecting_plan(lex, tok) else Stance.SUPPORT
        draft = _backing(doc, taxonomy, drafts, index, owner, start, end, f"{doc[tok.i - 1].text} {tok.text}",
                         "owner-of-plan", stance, general=general) if end - start >= 3 else None
        if draft is not None:
            out.append(draft)
    return out + _owned_documents(doc, state, units, drafts + out, taxonomy)


def _rejecting_plan(lex: Lexicon, tok: Token) -> bool:
    """'the government's decision to decline the amendments': a plan noun whose infinitive is a
    rejecting verb turns down what that verb names."""
    return any(c.dep_ == "acl" and c.pos_ == "VERB" and _phrasal(c) in lex["verbs.rejecter"] for c in tok.children)


def _owned_documents(doc: Doc, state: ActorState, units: list[Unit], drafts: list[Draft],
                     taxonomy: Taxonomy | None) -> list[Draft]:
    """'I support the Government's Schools Bill': the actor a policy document's name is the
    possession of backs that document (named by the taxonomy as a document); so does the actor whose
    possessive opens a name of the document ('the Government's response to the review')."""
    out: list[Draft] = []
    starts = [u.start for u in units]
    for toks in _document_names(doc, taxonomy):
        head = name_head(toks)
        owner = next((k for t in [*toks, head] for c in t.children
                      if c.dep_ == "poss" and (not toks.start <= c.i < toks.end or c.i <= toks.start + 1)
                      and (k := state.actor_of(c))), None)
        k = bisect_right(starts, head.i) - 1
        if owner is None or k < 0 or head.i >= units[k].end or units[k].heading or owner == units[k].speaker:
            continue
        start, end = _noun_phrase(head)
        draft = _backing(doc, taxonomy, drafts + out, k, owner, start, end, f"{doc[head.i - 1].text} {head.text}",
                         "owner-of-plan")
        if draft is not None:
            out.append(draft)
    return out


def _document_names(doc: Doc, taxonomy: Taxonomy | None) -> Iterator[Span]:
    """The tokens of each name of a policy document (a taxonomy proposal of kind "document")."""
    for m in doc_matches(doc, taxonomy, "proposals") if taxonomy is not None else ():
        entry = taxonomy.proposals.get(m.id)
        toks = doc.char_span(m.start, m.end, alignment_mode="expand")
        if entry is not None and entry.kind == "document" and toks is not None:
            yield toks


def _units_words(doc: Doc, units: list[Unit], words: frozenset[str]) -> Iterator[tuple[int, Unit, Token]]:
    """(the unit's index, the unit, the token) for each token of a sentence that is no heading
    whose lemma or form is one of ``words``."""
    starts = [u.start for u in units]
    toks = tokens(doc)
    for i in words_at(doc, words):
        k = bisect_right(starts, i) - 1
        if k >= 0 and i < units[k].end and not units[k].heading:
            yield k, units[k], toks[i]


def _backing(doc: Doc, taxonomy: Taxonomy | None, drafts: list[Draft], index: int, owner: str, start: int, end: int,
             label: str, rule: str, stance: Stance = Stance.SUPPORT, *, general: bool = False) -> Draft | None:
    """The owner's support (or ``stance``) for the words ``start:end``, unless a claim of theirs
    covers them already or they name no particular proposal ('the government's plans' is not
    guessed from context; with ``general``, the reform as a whole may be what they name: 'the
    government's reforms')."""
    if any(d.speaker == owner and d.start <= start < d.end for d in drafts) or \
            not (_names_particular(doc[start:end], taxonomy) or general and _names_general(doc[start:end], taxonomy)):
        return None
    sign = 1 if stance == Stance.SUPPORT else -1
    return Draft(index, start, end, owner, stance, [Cue(K.OWNER, sign, label, rule)], rule)


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """The bounds of the phrase a noun heads; of a noun the parser made the sentence's root, only
    the words before it, itself and a prepositional phrase right after it ('The call for a tax, and
    ...'), not the whole sentence."""
    if tok.dep_ == "ROOT":
        after = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1), None)
        return tok.left_edge.i, (after.right_edge.i if after is not None else tok.i) + 1
    return tok.left_edge.i, tok.right_edge.i + 1


def _plan_owner(state: ActorState, tok: Token, plan_nouns: frozenset[str]) -> str | None:
    """The actor named as the owner of a plan noun ('the government's commitment', 'Government plans')."""
    if tok.lower_ not in plan_nouns or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    return next((state.actor_of(c) for c in tok.children if c.dep_ in {"poss", "compound"} and state.actor_of(c)), None) \
        or _stray_possessive_owner(state, tok)


def _stray_possessive_owner(state: ActorState, tok: Token) -> str | None:
    """A possessive just before a plan noun that the parser hung elsewhere ('welcome the
    government's plans' with 'government' as the verb's object, 'in the Budget of the Government's
    plans' with the mark on 'Budget'): the actor named before the mark still owns the plan."""
    j = tok.i - 1
    while j > 0 and tok.doc[j].dep_ in {"amod", "compound"} and tok.doc[j].head.i == tok.i:
        j -= 1  # 'the government's ambitious plans'
    return state.actor_of(tok.doc[j - 1]) if j >= 1 and tok.doc[j].tag_ == "POS" else None


def _plan_owner_after(lex: Lexicon, state: ActorState, tok: Token) -> str | None:
    """The actor a plan noun's 'by'/'from'/'of' phrase names ('the announcement by the government',
    'the recommendations of the committee')."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in lex["markers.statement_of"]]
    return next((k for p in preps for o in p.children if o.dep_ == "pobj" and (k := state.actor_of(o))), None)


def _work_recommendation(lex: Lexicon, tok: Token, unit: Unit, drafts: list[Draft]) -> str | None:
    """'The recommendation for a windfall tax', 'we welcome the recommendation to pay carers', with
    no owner named ('our recommendation', 'LGA recommendations', 'recommendations from the LGA'),
    after the page has named its one work (a review, a commission): the work's; not in a sentence
    where the speaker objects ('concerns around recommendations for X'), which records the objection."""
    facts = meta(tok.doc)
    if not facts.get("work_key") or tok.idx < facts["work_at"] or tok.pos_ != "NOUN" or \
            tok.lower_ not in lex["nouns.recommendation"]:
        return None
    if any(d.speaker == unit.speaker and d.stance == Stance.OBJECT and d.start <= tok.i < d.end for d in drafts):
        return None
    return facts["work_key"] if _unowned_and_aimed(lex, tok) else None


def _unowned_and_aimed(lex: Lexicon, tok: Token) -> bool:
    """Whether a plan noun names no owner ('our', 'LGA', 'from X') and says what it is for ('for X', 'to do X')."""
    preps = lex["markers.statement_of"]
    owned = any(c.dep_ in {"poss", "compound"} or c.dep_ == "prep" and c.lower_ in preps for c in tok.children)
    aimed = any(c.dep_ == "acl" or c.dep_ == "prep" and c.lower_ in lex["markers.aimed_at"] for c in tok.children)
    return aimed and not owned


def enacted_plans(doc: Doc, lex: Lexicon, state: ActorState, units: list[Unit], drafts: list[Draft],
                  taxonomy: Taxonomy | None = None) -> list[Draft]:
    """'ADCS said the government is trialling family help', '... the government has committed to
    family help', '... the LGA has called for family help': whoever puts a proposal forward or asks
    for it (the actor subject of a proposer verb, a verb of promising or of calling for, in anyone's
    sentence) backs it, when the words after the verb name a particular proposal."""
    verbs = lex.union("verbs.proposer", "verbs.commitment", "verbs.calling")

    def act(tok: Token, speaker: str | None) -> tuple[str, int, int] | None:
        if tok.pos_ != "VERB" or not (tok.lemma_.lower() in verbs or tok.lower_ in verbs):
            return None
        return _enactment(state, tok, speaker)

    return _acts_on_plans(doc, units, drafts, taxonomy, verbs, act, lambda tok: tok.text, "enacts", Stance.SUPPORT)


def _acts_on_plans(doc: Doc, units: list[Unit], drafts: list[Draft], taxonomy: Taxonomy | None,
                   words: frozenset[str], act, label, rule: str, stance: Stance) -> list[Draft]:
    """The drafts of an act on a plan: for each of ``words`` in a sentence, ``act`` gives (the actor,
    the bounds of what it acts on) or None; the actor takes ``stance`` on those words, the verb
    included in the claim."""
    out = []
    for index, unit, tok in _units_words(doc, units, words):
        found = act(tok, unit.speaker)
        if found is None:
            continue
        owner, start, end = found
        draft = _backing(doc, taxonomy, drafts, index, owner, start, end, label(tok), rule, stance)
        if draft is not None:
            draft.start = min(tok.i, start)  # the verb that acts on it belongs to the claim
            out.append(draft)
    return out


def _enactment(state: ActorState, tok: Token, speaker: str | None) -> tuple[str, int, int] | None:
    """(the actor, the bounds of what it puts forward) when ``tok``, a proposer verb, is not negated
    and its subject is an actor other than the sentence's speaker."""
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    owner = _doer(state, tok)
    put = _put_forward(tok)
    sub = [t.i for c in put for t in c.subtree]
    if tok.dep_ == "relcl" and any(c.tag_ in _RELATIVE and c.dep_ == "dobj" for c in put):
        sub = _described(tok)  # 'bill rises which Ofwat announced': the rises
    if owner is None:
        owner, sub = _passive_doer(state, tok)
    if not owner or owner == speaker or not sub:
        return None
    return owner, min(sub), max(sub) + 1


def _put_forward(verb: Token) -> list[Token]:
    """The dependants of a proposer verb that say what it puts forward: those after the verb
    ('announced X'; not a phrase before it: 'In its response to X, ...'), or the relative pronoun
    that stands for it ('rises which Ofwat announced')."""
    return [c for c in verb.children if c.dep_ in _PUT_FORWARD and (c.i > verb.i or c.tag_ in _RELATIVE)]


def _passive_doer(state: ActorState, tok: Token) -> tuple[str | None, list[int]]:
    """'X was proposed by the Trust', 'X, recommended by the Trust', 'X, which was proposed by the Trust':
    the agent, and what it put forward (the passive subject, or the noun phrase the participle or
    relative clause describes, without that clause)."""
    agent = next((k for o in agent_objects(tok) if (k := state.actor_of(o) or state.possessor(o))), None)
    if agent is None or tok.tag_ != "VBN":
        return None, []
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]  # several: 'co - operatives' split
    if subjects and not (subjects[0].tag_ in _RELATIVE and tok.dep_ == "relcl"):
        return agent, [t.i for c in subjects for t in c.subtree]
    return (agent, _described(tok)) if tok.dep_ in {"acl", "relcl", "advcl"} else (None, [])


_RELATIVE = frozenset({"WDT", "WP"})  # 'which', 'that', 'what' standing for the noun a clause describes


def _described(clause: Token) -> list[int]:
    """The noun phrase a participle or relative clause describes ('X, recommended by ...', 'X, which
    was proposed by ...'), or what the clause an adverbial participle hangs on names ('will invest in
    X, as recommended by ...'), without that clause."""
    return [t.i for t in clause.head.subtree if t.i < clause.left_edge.i]


_PUT_FORWARD = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr"})


def _doer(state: ActorState, tok: Token) -> str | None:
    """The actor doing what a verb says: its subject, or the actor a gerund is said of ('the Trust,
    lobbying for X'; 'reports of the Trust lobbying for X', 'the Trust's lobbying for X')."""
    subject = _subject_actor(state, tok)
    if subject is not None or tok.tag_ != "VBG":
        return subject
    if tok.dep_ == "acl" and state.actor_of(tok.head):
        return state.actor_of(tok.head)
    return next((k for c in tok.children if c.dep_ in {"compound", "poss"} and (k := state.actor_of(c))), None)


def _subject_actor(state: ActorState, tok: Token) -> str | None:
    """The actor that is a verb's subject, if any."""
    return next((k for c in tok.children if c.dep_ == "nsubj" and (k := state.actor_of(c))), None)


def rejected_plans(doc: Doc, lex: Lexicon, state: ActorState, units: list[Unit], drafts: list[Draft],
                   taxonomy: Taxonomy | None = None) -> list[Draft]:
    """'(Campaigners say) ministers ruled out nationalising the companies', 'ministers banned the
    commission from considering public ownership': whoever turns a proposal down (the actor subject
    of a rejecting verb, in anyone's sentence) objects to it, when the verb's own words name a
    particular proposal."""
    verbs = frozenset(lex["verbs.preventer"] | {v.split()[0] for v in lex["verbs.rejecter"]})
    return _acts_on_plans(doc, units, drafts, taxonomy, verbs, lambda tok, speaker: _rejection(lex, state, tok, speaker),
                          _phrasal, "rejects", Stance.OBJECT)


def sides_from(doc: Doc, lex: Lexicon, state: ActorState, units: list[Unit], drafts: list[Draft],
               taxonomy: Taxonomy | None = None) -> list[Draft]:
    """'The clauses were approved despite opposition from X and Y', 'the minister cited support from
    X': each actor a noun of taking sides names in its 'from' phrase holds that side on what the
    noun's 'to'/'for' phrase names or, with none, what the sentence names (a particular proposal, or
    what the sentence's own claim is about)."""
    sides = {**{w: Stance.SUPPORT for w in lex["nouns.siding_for"]},
             **{w: Stance.OBJECT for w in lex["nouns.siding_against"]}}
    won = lex.union("verbs.won", "attribution.speech_verbs")
    out: list[Draft] = []
    for index, unit, tok in _units_words(doc, units, frozenset(sides)):
        stance = sides.get(tok.lower_)
        if stance is None or not _taking_sides(tok, stance, won, lex["markers.scant"]):
            continue
        for owner in dict.fromkeys(_side_holders(state, tok)):
            if owner != unit.speaker and not any(d.speaker == owner and d.unit == index for d in drafts + out):
                draft = _side_draft(doc, lex, taxonomy, drafts + out, index, unit, tok, owner, stance)
                out += [draft] if draft is not None else []
    return out


def _side_draft(doc: Doc, lex: Lexicon, taxonomy: Taxonomy | None, drafts: list[Draft], index: int, unit: Unit,
                tok: Token, owner: str, stance: Stance) -> Draft | None:
    """The side ``owner`` takes by the noun ``tok``: on what its 'to'/'for' phrase names, else on a
    particular proposal the sentence names, else on what the sentence's own claim is about."""
    cue = Cue(K.OWNER, 1 if stance == Stance.SUPPORT else -1, f"{tok.text} from", "sides-from")
    about = [t.i for p in tok.children if p.dep_ == "prep" and p.lower_ in lex["markers.about"] for t in p.subtree]
    start, end = (min(about), max(about) + 1) if about else (unit.start, unit.end)
    draft = _backing(doc, taxonomy, drafts, index, owner, start, end, cue.label, "sides-from", stance)
    said = next((d for d in drafts if d.unit == index), None) if not about else None
    if draft is None and said is not None:
        draft = Draft(index, said.start, said.end, owner, stance, [cue], "sides-from")
    return draft


def _taking_sides(tok: Token, stance: Stance, won: frozenset[str], scant: frozenset[str]) -> bool:
    """Whether a noun of a side is one taken: not negated or scant ('no opposition', 'little
    support'); a noun of support only as the object of a verb of saying or of winning ('cited support
    from', 'won backing from'), not a service ('support from the virtual school helps')."""
    if tok.pos_ != "NOUN" or any(c.dep_ == "neg" or c.lower_ in scant for c in tok.children):
        return False
    return stance == Stance.OBJECT or tok.dep_ == "dobj" and tok.head.lemma_.lower() in won


def _side_holders(state: ActorState, tok: Token) -> list[str]:
    """The actors a noun's 'from' phrase names, with those joined to them ('from X and Y')."""
    return [k for p in tok.children if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children if o.dep_ == "pobj" for t in (o, *o.conjuncts) if (k := state.actor_of(t))]


def _phrasal(tok: Token) -> str:
    """A verb's lemma with its particle ('rule out')."""
    return " ".join([tok.lemma_.lower(), *(c.lower_ for c in tok.children if c.dep_ == "prt")])


def _rejection(lex: Lexicon, state: ActorState, tok: Token, speaker: str | None) -> tuple[str, int, int] | None:
    """(the actor, the bounds of what it turns down) when ``tok`` is a rejecting verb (or a verb of
    stopping with a 'from' phrase), not negated, whose subject is an actor other than the speaker."""
    if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
        return None
    owner = _subject_actor(state, tok)
    sub = _turned_down(lex, tok) if owner and owner != speaker else []
    return (owner, min(sub), max(sub) + 1) if sub else None


def _turned_down(lex: Lexicon, tok: Token) -> list[int]:
    """The token indices of what a verb turns down: its 'from' phrase for a verb of stopping, its
    object or clause for a rejecting verb, nothing for any other verb."""
    barred = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"]
    if barred and tok.lemma_.lower() in lex["verbs.preventer"]:
        return [t.i for c in barred for t in c.subtree]
    if _phrasal(tok) in lex["verbs.rejecter"]:
        return [t.i for c in tok.children if c.dep_ in {"dobj", "xcomp", "ccomp"} for t in c.subtree]
    return []


def _names_general(span: Span, taxonomy: Taxonomy | None) -> bool:
    """Whether a span names the debate's general reform."""
    return taxonomy is not None and \
        any(m.id == taxonomy.general_proposal for m in span_matches(span, taxonomy, "proposals"))


def _governing(lex: Lexicon, state: ActorState, key: str) -> bool:
    """Whether an actor is the government or one of its departments, by its whole name ('the
    Department for Education'; not the Local Government Association)."""
    info = state.registry.get(key)
    if info is None or info.type == PERSON:
        return False
    names = {n.lower().removeprefix("the ") for n in (info.name, *info.aliases)}
    return any(n == w or n.endswith(" " + w) for n in names for w in lex.government_words)


def _names_particular(span: Span, taxonomy: Taxonomy | None) -> bool:
    """Whether a span names a proposal other than the general reform (anything, without a taxonomy)."""
    return taxonomy is None or any(m.id != taxonomy.general_proposal for m in span_matches(span, taxonomy, "proposals"))


def elaborated(doc: Doc, lex: Lexicon, unit: Unit, mine: list[Draft], before: list[Draft]) -> list[Draft]:
    """'There is a lot to welcome. This includes the focus on early help.': a sentence with no stance
    of its own that spells out what the speaker's sentence before it judged ('this/these include
    ...') takes that sentence's stance."""
    if len(mine) != 1 or mine[0].stance != Stance.NEUTRAL or not _spells_out(doc[unit.start:unit.end], lex):
        return mine
    d = mine[0]
    prior = [p for p in before if p.unit == d.unit - 1 and p.speaker == d.speaker]
    stances = {p.stance for p in prior} - {Stance.NEUTRAL}
    if len(stances) != 1:
        return mine
    stance = stances.pop()
    cue = Cue(K.ELABORATES, 1 if stance == Stance.SUPPORT else -1, "spells out the sentence before", "elaborates")
    return [Draft(d.unit, d.start, d.end, d.speaker, stance, [*d.cues, cue], d.rule + "+elaborates")]


def _spells_out(sent: Span, lex: Lexicon) -> bool:
    """'This includes ...', 'These included ...': a demonstrative subject of a listing verb."""
    root = sent.root
    return root.lemma_.lower() in lex["verbs.contain"] and any(
        c.dep_ == "nsubj" and c.lower_ in lex["markers.demonstrative"] and not list(c.children) for c in root.children)


def voiced_by(doc: Doc, lex: Lexicon, state: ActorState, drafts: list[Draft]) -> list[Draft]:
    """'there are concerns from experts such as Jane Doe': whoever a stance noun is said to come
    from ('from', 'of', 'among' a named actor) holds the claim too."""
    out: list[Draft] = []
    for d in drafts:
        if d.stance == Stance.NEUTRAL:
            continue
        for key in _voices(doc, lex, state, d):
            if key != d.speaker and not any(o.speaker == key for o in out):
                out.append(Draft(d.unit, d.start, d.end, key, d.stance, list(d.cues), d.rule + "+voiced-by"))
    return out


def _voices(doc: Doc, lex: Lexicon, state: ActorState, d: Draft) -> list[str]:
    """The actors named after 'from'/'of'/'among' on the draft's stance nouns, in order."""
    labels = {c.label for c in d.cues if c.kind == K.WORD}
    preps = [c for tok in tokens(doc[d.start:d.end]) if tok.pos_ == "NOUN" and tok.text in labels
             for c in tok.children if c.dep_ == "prep" and c.lower_ in lex["markers.voiced_by"]]
    return list(dict.fromkeys(k for prep in preps for t in prep.subtree if (k := state.actor_of(t))))
