"""The argmap_stance component: support / object / neutral for each attributed sentence.

Cue words and phrases come from the lexicon; a cue under negation flips ("not realistic",
"far from opposing"); a condition ("will only be possible with sustainable funding") is an
objection; a sentence whose clauses disagree ("welcomes X but has concerns about Y") gives one
claim per stance, each over its own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon, load_lexicon
from argmap.model import Stance
from argmap.nlp.actors import ActorState
from argmap.nlp.attribution import CONCESSIVE, OWN_VOICE_GENRES, UNNAMED, Unit
from argmap.nlp.extensions import install_extensions
from argmap.nlp.recommend import recommended
from argmap.nlp.resources import doc_text, span_matches

# stance lemmas that only count as verbs/adjectives ("support" the noun is usually a service)
_VERB_ONLY = {"support", "back", "welcome", "benefit", "improve", "strengthen", "complement", "favour", "favor",
              "champion", "fail", "struggle", "stretch", "remove", "disappear", "lack", "fear", "risk",
              "announce", "confirm", "introduce", "launch", "hope", "commit", "plan", "propose", "object"}


RECOMMENDATION_CUE = "should (what it asks for)"
WANT_CUE = "wants it (what the speaker wants done)"
URGED_SUFFIX = " (pressed for)"
# verbs of putting a proposal forward: support from whoever does it, a bare record in the passive
_PROPOSER_VERBS = frozenset({"announce", "confirm", "introduce", "launch", "propose", "unveil", "plan", "recommend"})
# verbs of making a case: with no cue against it, arguing about a proposal argues for it
_ARGUE_VERBS = frozenset({"argue", "insist", "maintain", "contend", "assert"})
# verbs of granting a point: refusing to grant an objection sides with what it objects to
_GRANT_VERBS = frozenset({"accept", "buy", "share", "agree"})
# condition openers that make an objection even when what they require is no known ground
_GROUNDLESS_OK = frozenset({"unless", "only"})
# what a thing is wished to do when the wish backs it ('we want them to succeed')
_SUCCEED = frozenset({"succeed", "work", "thrive", "flourish", "deliver"})
# nouns for a plan that belongs to whoever is named as its owner ('the government's commitment that ...')
_PLAN_NOUNS = frozenset({"plan", "plans", "commitment", "pledge", "proposal", "proposals", "promise", "decision",
                         "intention", "vision", "offer"})
# verbs that press someone to act ('urges the government to pilot ...')
_URGE_VERBS = frozenset({"urge", "press", "encourage", "call", "implore", "exhort"})
# pronouns that carry a speaker over from a conceded clause ('while X argued ..., she warned ...')
_PERSONAL = frozenset({"he", "she", "it", "they", "we", "i"})
_URGE_HINT = re.compile(r"\b(?:" + "|".join(v.removesuffix("e") for v in sorted(_URGE_VERBS)) + ")")  # 'urging'...
# verbs of disclosure: pressing someone to publish or explain asks for answers, it backs nothing
_DISCLOSE = frozenset({"publish", "confirm", "explain", "clarify", "disclose", "reveal", "set", "lay", "share"})
# cue words that take a stance only as adjectives ("an encouraging start", not "encouraging X")
_ADJ_ONLY = {"encouraging", "promising"}
# objects that make a support verb describe a service rather than a position
_BENEFICIARIES = {"family", "families", "child", "children", "carer", "carers", "parent", "parents", "people",
                  "person", "worker", "workers", "them", "him", "her", "us", "council", "councils", "young",
                  "practitioner", "practitioners", "staff", "leaver", "leavers"}


@dataclass
class Draft:
    """A claim before target linking: a clause or sentence with its speaker and stance."""

    unit: Unit
    start: int  # token bounds
    end: int
    speaker: str
    stance: Stance
    cues: list[str] = field(default_factory=list)
    rule: str = ""
    targets: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    target_cues: list[str] = field(default_factory=list)


# themes that make a condition an objection ("only possible with sustainable funding")
CONDITION_THEMES = frozenset({"funding", "workforce", "evaluation", "multi-agency-capacity", "clarity-and-detail",
                              "legal-protections", "care-experienced-voice"})


class StanceDetector:
    def __init__(self, lexicon: Lexicon, taxonomy=None, condition_themes=CONDITION_THEMES):
        self.lex = lexicon
        self.taxonomy = taxonomy
        self.condition_themes = condition_themes
        self._support_phrases = _phrase_re(lexicon.support_phrases)
        self._object_phrases = _phrase_re(lexicon.object_phrases)
        self._conditions = _phrase_re(lexicon.conditions)
        self._neg_phrases = _phrase_re(lexicon.negator_phrases)
        self._ignore = _phrase_re(lexicon.ignore_phrases)
        self._cue_sign: dict[str, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        state: ActorState = doc._.argmap_actors
        skip = set(state.mention_at) | state.role_tokens
        meta = doc._.argmap_meta or {}
        author = meta.get("author_key") if meta.get("genre") in OWN_VOICE_GENRES else None
        drafts: list[Draft] = []
        for unit in doc._.argmap_units or []:
            if not unit.speaker or unit.speaker == UNNAMED or unit.heading:
                continue
            text = doc[unit.start:unit.end].text.strip()
            if text.endswith(":") and len(text.split()) <= 8:
                continue  # "The proposed changes include:" introduces, it does not claim
            clauses = self._clauses(doc[unit.start:unit.end])
            scored = [(c, *self.score(c, skip, unit)) for c in clauses]
            stances = {s for _, s, _ in scored if s != Stance.NEUTRAL}
            rule = f"{unit.rule}+cues"
            if self._concession(doc, unit, clauses, scored, stances, author, drafts) or \
                    len(stances) == 1 and self._split_speakers(doc, unit, clauses, scored, author, drafts):
                pass  # claims already drafted clause by clause
            elif len(stances) <= 1:
                stance = stances.pop() if stances else Stance.NEUTRAL
                cues = [cue for _, s, cs in scored if s == stance or stance == Stance.NEUTRAL for cue in cs]
                pos = sum(1 for c in cues if self._polarity(c) > 0)
                neg = sum(1 for c in cues if self._polarity(c) < 0)
                if pos and neg and pos == neg:
                    # 'a good idea that needs more detail': one claim per stance, both kept
                    for st, sign in ((Stance.SUPPORT, 1), (Stance.OBJECT, -1)):
                        drafts.append(Draft(unit, unit.start, unit.end, unit.speaker, st,
                                            [c for c in cues if self._polarity(c) == sign], f"{unit.rule}+mixed"))
                else:
                    # a neutral clause beside the stance ("...; we urge them to think again") is left out
                    stanced = [c for c, st, _ in scored if st != Stance.NEUTRAL] if stance != Stance.NEUTRAL else []
                    if any(c.endswith("(condition)") for c in cues):
                        stanced = []  # 'will depend on A; B; C': the condition runs over the whole sentence
                    start = stanced[0].start if stanced else unit.start
                    end = stanced[-1].end if stanced else unit.end
                    if doc[start].lower_ in self.lex.contrast or doc[start].is_punct:
                        start = unit.start
                    drafts.append(Draft(unit, start, end, unit.speaker, stance, cues, rule))
            else:
                for clause, stance, cues in scored:
                    if stance != Stance.NEUTRAL:
                        speaker = self._clause_speaker(doc, unit, clause, clauses, author)
                        if speaker:
                            drafts.append(Draft(unit, clause.start, clause.end, speaker, stance, cues,
                                                f"{unit.rule}+contrast-split"))
            # 'Both X and Y argued that ...': each co-speaker holds the same claims
            for co in unit.co_speakers:
                for d in [d for d in drafts if d.unit is unit and d.speaker == unit.speaker]:
                    drafts.append(Draft(unit, d.start, d.end, co, d.stance, list(d.cues), d.rule + "+co-speaker"))
        drafts += self._owned_plans(doc, drafts)
        doc._.argmap_claims = drafts
        return doc

    def _owned_plans(self, doc: Doc, drafts: list[Draft]) -> list[Draft]:
        """'We welcome the government's commitment that every care leaver will ...': whoever a plan
        belongs to backs it, whatever the speaker makes of it."""
        state: ActorState = doc._.argmap_actors
        out = []
        for unit in doc._.argmap_units or []:
            if unit.heading:
                continue
            for tok in doc[unit.start:unit.end]:
                if tok.lower_ not in _PLAN_NOUNS or tok.pos_ != "NOUN":
                    continue
                owner = next((state.actor_of(c) for c in tok.children if c.dep_ == "poss" and state.actor_of(c)),
                             None)
                if not owner or owner == unit.speaker:
                    continue
                sub = [t.i for t in tok.subtree]
                start, end = min(sub), max(sub) + 1
                if end - start < 3 or any(d.speaker == owner and d.start <= start < d.end for d in drafts):
                    continue
                out.append(Draft(unit, start, end, owner, Stance.SUPPORT, [f"{doc[tok.i - 1].text} {tok.text}"],
                                 "owner-of-plan"))
        return out

    def _concession(self, doc: Doc, unit: Unit, clauses: list[Span], scored, stances, author, drafts) -> bool:
        """'While the department has argued X, there is a danger that Y': X is the department's,
        Y the writer's; set against the writer's objection, X defends what Y objects to."""
        cue = unit.cue_token
        if len(clauses) < 2 or len(stances) != 1 or cue is None:
            return False
        holder = next((c for c in clauses if c.start <= cue < c.end), None)
        if holder is None or doc[holder.start].lower_ not in CONCESSIVE:
            return False
        if any(st != Stance.NEUTRAL for c, st, _ in scored if c is holder):
            return False
        stanced = [(c, st, cs) for c, st, cs in scored if st != Stance.NEUTRAL]
        speaker = self._clause_speaker(doc, unit, stanced[0][0], clauses, author)
        if speaker == unit.speaker:
            return False
        for clause, st, cs in stanced:
            if speaker:
                drafts.append(Draft(unit, clause.start, clause.end, speaker, st, cs, f"{unit.rule}+contrast-split"))
        if stanced[0][1] == Stance.OBJECT:
            label = f"{doc[holder.start].lower_} ... {doc[cue].text} (set against an objection)"
            self._cue_sign[label] = +1
            drafts.append(Draft(unit, holder.start, holder.end, unit.speaker, Stance.SUPPORT, [label],
                                f"{unit.rule}+concession"))
        return True

    def _split_speakers(self, doc: Doc, unit: Unit, clauses: list[Span], scored, author, drafts) -> bool:
        """'Ministers have rejected X; we urge them to think again': clauses of one stance that
        belong to different speakers give one claim each."""
        if len(clauses) < 2:
            return False
        speakers = [self._clause_speaker(doc, unit, c, clauses, author) for c in clauses]
        stanced = [(c, st, cs, sp) for (c, st, cs), sp in zip(scored, speakers) if st != Stance.NEUTRAL]
        if len({sp for *_, sp in stanced}) < 2:
            return False
        for clause, st, cs, sp in stanced:
            if sp:
                drafts.append(Draft(unit, clause.start, clause.end, sp, st, cs, f"{unit.rule}+contrast-split"))
        return True

    def _polarity(self, cue: str) -> int:
        """+1 / -1 for a cue string produced by :meth:`score`."""
        return self._cue_sign.get(cue, 0)

    def _clause_speaker(self, doc: Doc, unit: Unit, clause: Span, clauses: list[Span], author: str | None):
        """'While the department has argued X, there is a danger that Y': the department said X;
        Y is the writer's own (the author in an opinion piece, else nobody)."""
        cue = unit.cue_token
        if cue is None or clause.start <= cue < clause.end:
            return unit.speaker
        if author and not unit.quoted and any(t.dep_ == "nsubj" and t.lower_ in {"we", "i"} for t in clause):
            return author  # '...; we urge them to think again': the writer's own voice
        holder = next((c for c in clauses if c.start <= cue < c.end), None)
        if holder is not None and doc[holder.start].lower_ in CONCESSIVE \
                and not any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in _PERSONAL for t in clause):
            return author
        return unit.speaker

    # ------------------------------------------------------------ clauses
    def _clauses(self, sent: Span) -> list[Span]:
        """Split a sentence at contrast markers: 'X but Y', 'while X, Y', 'although X, Y', 'X; however, Y'."""
        doc = sent.doc
        cuts: set[int] = set()
        for tok in sent:
            low = tok.lower_
            if low not in self.lex.contrast and low != ";":
                continue
            if low == ";" and sent.start < tok.i < sent.end - 2:
                cuts.add(tok.i + 1)
            elif low in {"but", "yet"} or tok.dep_ == "cc":
                cuts.add(tok.i)
            elif low == "however":
                after = doc[tok.i + 2] if tok.i + 2 < sent.end else None
                if tok.i > sent.start and doc[tok.i - 1].text in {",", ";"} and not (
                        after is not None and after.lower_ == "that" and doc[tok.i + 1].text == ","):
                    cuts.add(tok.i)  # (not in 'It warned, however, that ...': one clause with an aside)
            elif low == "despite":
                cuts.add(tok.i)
                comma = next((t.i for t in doc[tok.i:sent.end] if t.text == ","), None)
                if comma is not None:
                    cuts.add(comma + 1)
            else:  # while, whilst, although, though: the subordinate clause, then the main one
                cuts.add(tok.i)
                inner = {t.i for t in tok.head.subtree}
                root = sent.root
                main = next((c.i for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}
                             and tok.i + 2 < c.i < root.i), None)
                if main is None:
                    main = next((t.i for t in doc[tok.i + 1:sent.end] if t.dep_ in {"nsubj", "nsubjpass", "expl"}
                                 and t.i not in inner and t.head.i > t.i), None)
                if main is None:  # the parser folded the whole sentence under the marker
                    main = next((t.i for t in doc[tok.i + 2:sent.end] if t.dep_ in {"nsubj", "nsubjpass", "expl"}
                                 and doc[t.i - 1].text in {",", ")"}), None)
                if main is None:
                    main = max(inner) + 1 if inner else None
                if main is not None:
                    cuts.add(main)
        bounds = [sent.start, *sorted(c for c in cuts if sent.start < c < sent.end - 1), sent.end]
        parts = [doc[a:b] for a, b in pairwise(bounds) if b - a >= 2]
        return parts or [sent]

    # ------------------------------------------------------------ scoring
    def score(self, span: Span, skip: set[int], unit: Unit | None = None) -> tuple[Stance, list[str]]:
        """The stance of a span of text and the cues that decided it."""
        lex = self.lex
        total = 0.0
        cues: list[str] = []
        low_text = _QUOTES.sub(" ", span.text.lower())  # 'it is “imperative”' reads as 'it is imperative'
        base = span.start_char
        used: set[int] = set()  # tokens already counted in a phrase (or in a phrase to ignore)
        if self._ignore is not None:
            for m in self._ignore.finditer(low_text):
                toks = span.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
                if toks is not None:
                    used.update(t.i for t in toks)
        for tok in (span if "depending" in low_text else ()):
            if tok.lower_ == "depending" and tok.dep_ in {"prep", "advcl", "acl"}:
                used.update(t.i for t in tok.subtree)  # 'depending on the complexity and risk': a variable
        found = []
        for regex, sign, label in ((self._conditions, -1, "condition"),
                                   (self._object_phrases, -1, ""), (self._support_phrases, +1, "")):
            if regex is not None:
                found += [(m, sign, label) for m in regex.finditer(low_text)]
        found.sort(key=lambda f: (-(f[0].end() - f[0].start()), f[0].start()))
        if True:
            for m, sign, label in found:
                toks = span.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
                if toks is None or any(t.i in used for t in toks) or all(t.i in skip for t in toks):
                    continue
                used.update(t.i for t in toks)
                if label == "condition" and m.group(0).split()[0] in _GROUNDLESS_OK:
                    pass  # 'unless the two are brought together', 'only if ...': a condition whatever it names
                elif label == "condition" and not self._condition_has_ground(toks, span):
                    continue
                starts_negated = m.group(0).split()[0] in self.lex.negators
                neg = self._negated(toks[0], span, phrase=True) if label != "condition" and not starts_negated \
                    else False
                s = -sign if neg else sign
                total += s * (1.5 if label == "condition" else 1.0)
                cue = ("not " if neg else "") + m.group(0) + (" (condition)" if label else "")
                self._cue_sign[cue] = s
                cues.append(cue)
        for tok in span:
            if tok.i in used or tok.i in skip or tok.is_punct:
                continue
            lemma, low = tok.lemma_.lower(), tok.lower_
            sign = 0
            if lemma in lex.support_lemmas or low in lex.support_lemmas:
                sign = +1
            elif lemma in lex.object_lemmas or low in lex.object_lemmas:
                sign = -1
            if not sign and lemma in _GRANT_VERBS and tok.pos_ == "VERB" and self._plain_negated(tok, span) and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in lex.objection_nouns for c in tok.children):
                cue = f"not {tok.text} the objection"  # 'she did not accept claims that it would ...'
                self._cue_sign[cue] = +1
                total += 1
                cues.append(cue)
                continue
            if not sign:
                continue
            if (lemma in _VERB_ONLY or low in _VERB_ONLY) and tok.pos_ not in {"VERB", "ADJ"} \
                    and not (lemma in {"fear", "risk", "lack"} and tok.pos_ == "NOUN"):
                continue
            if low in _ADJ_ONLY and tok.pos_ != "ADJ":
                continue
            if lemma in {"favour", "favor"} and tok.pos_ != "VERB":
                continue  # "a coterie of favoured advisers" is no backing
            if sign > 0 and tok.tag_ == "VBN" and tok.dep_ in {"amod", "acl"} and \
                    not any(c.lower_ in CONCESSIVE for c in tok.children):  # 'X, whilst welcomed, ...' counts
                continue  # 'favoured advisers', 'a survey backed by interviews': a description
            if sign > 0 and lemma in _PROPOSER_VERBS and any(c.dep_ == "auxpass" for c in tok.children) \
                    and not any(c.dep_ == "agent" for c in tok.children):
                continue  # 'changes were introduced in 2014': a record of events, nobody's stance
            if sign > 0 and tok.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _BENEFICIARIES
                    and not any(g.dep_ in {"acl", "relcl"} and g.tag_ == "VBG" for g in c.children)
                    for c in tok.children):
                continue  # "supporting families" is a service; "supports councils commissioning X" a stance
            neg = self._negated(tok, span)
            if sign > 0 and tok.pos_ == "ADJ" and any(c.lower_ == "less" and c.dep_ == "advmod" for c in tok.children):
                neg = not neg  # 'less hopeful about the promises'
            if sign < 0 and tok.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in lex.objection_nouns for c in tok.children):
                neg = not neg  # "rejects that criticism", "dismissed the concerns"
            total += -sign if neg else sign
            cue = ("not " if neg else "") + tok.text
            self._cue_sign[cue] = -sign if neg else sign
            cues.append(cue)
        for tok in (span if "only" in low_text else ()):
            # 'family help will only reach them if ...': 'only' on a verb with an 'if'/'unless' clause
            if tok.lower_ == "only" and tok.dep_ == "advmod" and tok.i not in used and any(
                    c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in c.children)
                    for c in tok.head.children):
                cue = f"only {tok.head.text} ... if (condition)"
                self._cue_sign[cue] = -1
                total -= 1.5
                cues.append(cue)
        for tok in (span if _URGE_HINT.search(low_text) else ()):  # (the text test saves a token walk)
            if tok.i in skip or tok.i in used:
                continue
            urged = self._urged(tok)
            if urged is not None and urged.i not in used and urged.lemma_.lower() not in lex.object_lemmas \
                    and urged.lemma_.lower() not in _DISCLOSE:  # 'to publish a costing' asks for answers
                cue = f"{tok.text} ... to {urged.text}{URGED_SUFFIX}"
                self._cue_sign[cue] = +1
                total += 1
                cues.append(cue)
        if not cues and ("want" in low_text or "like" in low_text) and \
                any(self._wants(t) for t in span if t.i not in skip):
            return Stance.SUPPORT, [WANT_CUE]
        if not cues and self._recommends(span):
            return Stance.SUPPORT, ["should (recommendation)"]
        if not cues and unit is not None and unit.cue in _ARGUE_VERBS and self._names_proposal(span):
            return Stance.SUPPORT, [f"{unit.cue} (makes the case)"]
        if not cues and unit is not None and self._government(span.doc, unit.speaker) and self._names_proposal(span) \
                and not any(t.dep_ == "neg" for t in span):
            return Stance.SUPPORT, ["the government describing its own plan"]
        if not cues and unit is not None and recommended(span) is not None:
            return Stance.SUPPORT, [RECOMMENDATION_CUE]
        if not cues and unit is not None and unit.listed:
            return Stance.SUPPORT, ["listed among its proposals"]
        if total > 0:
            return Stance.SUPPORT, cues
        if total < 0:
            return Stance.OBJECT, cues
        return Stance.NEUTRAL, cues

    @staticmethod
    def _urged(tok: Token) -> Token | None:
        """'urges the government to pilot X', 'called on the authority to launch Y': the action
        the speaker presses for (its verb), else None."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _URGE_VERBS:
            return None
        if lemma == "call" and not any(c.lower_ == "on" for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB" and c.i > tok.i and \
                    any(a.lower_ == "to" for a in c.children):
                return c
        for c in tok.children:  # 'called on the CMA to launch': the parser may hang it off 'on'
            if c.lower_ == "on":
                for g in c.subtree:
                    if g.pos_ == "VERB" and g.i > tok.i and any(a.lower_ == "to" for a in g.children):
                        return g
        return None

    def _government(self, doc: Doc, speaker: str | None) -> bool:
        """Whether the speaker is the government, a department or a minister (by name or role)."""
        state = doc._.argmap_actors
        info = state.registry.get(speaker) if speaker and state is not None else None
        if info is None:
            return False
        if info.type == "person":  # a minister: by role
            role = (info.role or "").lower()
            return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", role) for w in self.lex.government_words)
        # an organisation: by its whole name ('UK Government', 'the Department for Education'), so that
        # the Local Government Association is not the government
        names = {n.lower().removeprefix("the ") for n in (info.name, *info.aliases)}
        return any(n == w or n.endswith(" " + w) for n in names for w in self.lex.government_words)

    @staticmethod
    def _wants(tok: Token) -> bool:
        """'wants the age of criminal responsibility raised', 'would like to see X': the speaker wants
        a thing done (a clause or an object), not a person to do something."""
        if tok.lemma_.lower() not in {"want", "like"} or tok.pos_ != "VERB":
            return False
        if tok.lemma_.lower() == "like" and not any(c.lower_ in {"would", "'d"} for c in tok.children):
            return False
        kids = list(tok.children)
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in {"i", "we", "he", "she"} and subj.pos_ != "PROPN":
            return False  # 'nobody wants to go back', 'what people want': not the speaker's own wish
        if any(c.dep_ == "neg" or c.dep_ == "mark" for c in kids):
            return False  # 'if ministers want to ...'
        if any(t.dep_ == "mark" and t.lower_ in {"before", "until", "unless"} for t in tok.subtree):
            return False  # 'I would want to see that worked out before we sign': a condition, not a wish
        if any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in _SUCCEED for c in kids):
            return True  # 'we want them to succeed'
        if any(c.dep_ == "dobj" for c in kids) and any(c.dep_ == "xcomp" for c in kids) or any(
                c.dep_ in {"ccomp", "xcomp"} and c.tag_ != "VBN" and any(g.dep_ == "nsubj" for g in c.children)
                for c in kids):  # ('wants the age raised' is a wish about a thing)
            return False  # 'I would want the review to look at ...': someone else to act
        return any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in kids)

    def _names_proposal(self, span: Span) -> bool:
        """Whether a particular proposal (not 'the reforms' in general) is named in the span."""
        return self.taxonomy is not None and any(
            m.id != self.taxonomy.general_proposal for m in span_matches(span, self.taxonomy, "proposals"))

    def _recommends(self, span: Span) -> bool:
        """'Family help should be delivered by skilled professionals': a proposal as the subject
        of 'should' is being recommended."""
        if self.taxonomy is None:
            return False
        mentions = [(span.start_char + m.start, span.start_char + m.end)
                    for m in span_matches(span, self.taxonomy, "proposals")
                    if m.id != self.taxonomy.general_proposal]
        if not mentions:
            return False
        for tok in span:
            if tok.lower_ in {"should", "must"} and tok.dep_ == "aux" and not any(
                    c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in tok.head.children):
                for arg in tok.head.children:
                    # 'Family help should be built ...', 'ministers should make the framework the priority'
                    if arg.dep_ in {"nsubj", "nsubjpass"} and any(a <= arg.idx < b for a, b in mentions):
                        return True
                    if arg.dep_ in {"dobj", "prep"} and any(a <= t.idx < b for t in arg.subtree for a, b in mentions):
                        return True  # ('should add care experience to the protected characteristics')
        return False

    def _condition_has_ground(self, toks: Span, span: Span) -> bool:
        """'without significant reform' is no objection; 'without extra funding' is."""
        if self.taxonomy is None:
            return True
        # the condition's clause: 'not if councils must deliver it from overspent budgets'
        reach = max([toks.end + 6, toks.root.right_edge.i + 1] +
                    [t.head.right_edge.i + 1 for t in toks if t.dep_ == "mark"])
        end = span.end
        if toks[-1].pos_ == "ADP":  # 'will depend on A; B; C': everything the condition lists
            reach = end = toks[0].sent.end
        after = span.doc[toks.start: min(end, reach)]
        return any(m.id in self.condition_themes for m in span_matches(after, self.taxonomy, "themes"))

    def _negated(self, tok: Token, span: Span, phrase: bool = False) -> bool:
        """Whether a cue is negated. A prohibition ('must not be diluted', 'should not be
        weakened') keeps the cue's polarity: it voices the same concern."""
        if self._prohibition(tok, span):
            return False
        return self._plain_negated(tok, span)

    def _prohibition(self, tok: Token, span: Span) -> bool:
        window = [t.lower_ for t in span.doc[max(span.start, tok.i - 4):tok.i]]
        for i, w in enumerate(window[:-1]):
            if w in {"must", "should", "cannot", "can't", "mustn't", "shouldn't"} and \
                    (window[i + 1] in {"not", "n't", "be"} or w in {"cannot", "can't", "mustn't", "shouldn't"}):
                return tok.lemma_.lower() in self.lex.object_lemmas or tok.lower_ in self.lex.object_lemmas
        return False

    def _plain_negated(self, tok: Token, span: Span) -> bool:
        neg = self.lex.negators
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        head = tok.head
        if tok.dep_ in {"acomp", "attr", "xcomp", "dobj", "pobj", "amod"} and \
                any(c.dep_ == "neg" and c.i < tok.i for c in head.children):
            return True
        if tok.dep_ == "pobj" and head.dep_ == "prep" and any(c.dep_ == "neg" and c.i < tok.i for c in head.head.children):
            return True
        if tok.dep_ in {"csubj", "nsubj"} and any(
                c.lower_ in {"not", "never", "n't"} or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
                for c in head.children):
            return True  # "failing to do so is no longer an option"
        window = span.doc[max(span.start, tok.i - 3):tok.i]
        if any(t.lower_ in neg and t.lower_ != "without" for t in window):
            return True
        before = doc_text(span.doc)[max(span.start_char, tok.idx - 25):tok.idx].lower()
        return bool(self._neg_phrases is not None and self._neg_phrases.search(before))


# quotation marks (not apostrophes) blanked before phrase matching; one character for one keeps offsets
_QUOTES = re.compile(r"[\u201c\u201d\"\u2018]|\u2019(?!\w)")


def _phrase_re(phrases) -> re.Pattern[str] | None:
    """One regex for a list of lower-case cue phrases, longest first, on word boundaries."""
    items = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not items:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items) + r")(?!\w)")


@Language.factory(
    "argmap_stance",
    default_config={"taxonomy": None, "cues": None},
    assigns=["doc._.argmap_claims"],
    requires=["doc._.argmap_units"],
)
def make_stance_detector(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> StanceDetector:
    from argmap.nlp.resources import get_taxonomy

    return StanceDetector(load_lexicon(cues), get_taxonomy(taxonomy))
