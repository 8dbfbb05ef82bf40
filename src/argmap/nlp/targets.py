"""The argmap_targets component: which proposals and grounds (themes) each claim is about.

A claim's own words come first; a reaction that does not name its proposal ("describes the
proposal as depressing") borrows it from the sentences just before it in the paragraph, then
from the previous paragraph, then from the section heading. Claims with a stance but no known
proposal yield a candidate proposal from the noun phrase they are about (discovery).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmap.model import Stance
from argmap.nlp.actors import ActorState
from argmap.nlp.extensions import install_extensions
from argmap.nlp.recommend import recommended
from argmap.nlp.resources import get_taxonomy, span_matches
from argmap.nlp.stance import RECOMMENDATION_CUE, URGED_SUFFIX, WANT_CUE
from argmap.taxonomy import Taxonomy
from argmap.text import slugify

CANDIDATE_PREFIX = "candidate-"
# verbs whose subject, not object, is what an objection is about ("X would swamp teams")
_HARM_VERBS = frozenset({"swamp", "overwhelm", "undermine", "threaten", "damage", "harm", "weaken", "erode",
                         "jeopardise", "jeopardize", "burden", "remove", "dilute", "compromise"})
# verbs granting a state of affairs: a problem granted this way is no objection to a proposal
_ACKNOWLEDGE = frozenset({"recognise", "recognize", "acknowledge", "admit", "concede", "accept"})
# verbs of receiving a proposal: in the passive their subject is the proposal ('X is welcomed')
_RECEPTION_VERBS = frozenset({"welcome", "back", "support", "endorse", "praise", "applaud", "criticise", "criticize",
                              "oppose", "reject", "condemn", "question", "dispute", "challenge", "attack"})
_STOP = frozenset({"a", "an", "the", "new", "to", "of", "for", "on", "in", "and", "face", "faces", "over", "with"})
# head nouns of a policy named in a headline ('pay cap', 'profit limit', 'reporting duty')
_POLICY_HEADS = frozenset({"cap", "ceiling", "limit", "ban", "tax", "levy", "duty", "register", "allowance",
                           "scheme", "pilot", "checks", "check", "inspection", "inspections", "target", "bill",
                           "guarantee", "entitlement", "fund", "grant", "regulation", "rules", "rule"})
_POLICY_HINT = re.compile(r"\b(?:" + "|".join(sorted(_POLICY_HEADS)) + r")")
# last words of proposal names too common to point back to one ('more support', 'the care')
_VAGUE_HEADS = frozenset({"support", "care", "help", "carer", "people", "child", "children", "family", "families",
                          "staff", "work", "working", "reform", "review", "plan", "number", "school", "education",
                          "sector", "provider", "company", "out", "up", "educated", "partner", "practice", "area",
                          "level", "way", "system", "model", "approach", "service", "information"})
# verbs that press someone to act
_URGE_VERBS = frozenset({"urge", "press", "encourage", "call", "implore", "ask"})
# prepositions that complete a bare head noun in a candidate's label
_COMPLEMENT_PREPS = frozenset({"into", "of", "on", "for", "about", "to", "by"})
# nouns that, with 'the'/'this'/'these', point back to the policy an article is about
_POINTING_NOUNS = frozenset({"duty", "scheme", "policy", "idea", "it", "rule", "rules", "meeting", "meetings",
                             "arrangement", "arrangements", "programme", "pilot", "legislation", "law", "model",
                             "approach", "system", "reform", "reforms", "team", "teams"})
# a determiner pointing back to the kind of proposals just described
_PLURAL_POINTERS = frozenset({"such"})  # "these reforms" is the whole programme; "such reforms" the ones just named
# nouns that point back to a proposal named nearby rather than naming one
ANAPHORIC_HEADS = frozenset({"proposal", "proposals", "plan", "plans", "move", "change", "changes", "idea",
                             "measure", "measures", "recommendations", "recommendation"})


class TargetLinker:
    def __init__(self, taxonomy: Taxonomy, stance_words: frozenset[str] = frozenset(),
                 proposal_words: frozenset[str] = frozenset()):
        self.tax = taxonomy
        self.stance_words = stance_words
        self.proposal_words = proposal_words

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        state: ActorState = doc._.argmap_actors
        skip = set(state.mention_at) | state.role_tokens
        sents = list(doc.sents)
        units = doc._.argmap_units or []
        candidates: dict[str, str] = {}
        kept = []
        for d in doc._.argmap_claims or []:
            span = doc[d.start:d.end]
            own = self._proposals(span, skip)
            d.targets = own
            d.target_cues = [f"named: {p}" for p in self._phrases(span, skip)]
            if not own and RECOMMENDATION_CUE in d.cues:
                obj = recommended(span)
                cand = None
                if obj is not None and obj.head.tag_ == "VBG":  # 'effort ... in keeping siblings together'
                    cand = self._words_label(list(obj.head.subtree), skip)
                elif obj is not None:
                    chunk = next((c for c in _noun_chunks(span) if c.root.i == obj.i), None)
                    cand = self._label(chunk, skip) if chunk is not None else None
                if cand is None:
                    continue
                candidates[cand[0]] = cand[1]
                d.targets, d.themes = [cand[0]], []
                d.target_cues.append(f"candidate: {cand[1]}")
                kept.append(d)
                continue
            if not own and d.stance != Stance.NEUTRAL and self.tax.topic_of(span.text) is None:
                lead = self._lead_candidates(units, sents, skip)
                hit = next((lead[_singular(t.lower_)] for t in span if t.pos_ == "NOUN" and
                            _singular(t.lower_) in lead and any(c.dep_ == "det" for c in t.children)), None)
                if hit is not None:  # 'welcomed the cap' in a report headlined on a pay cap
                    candidates[hit[0]] = hit[1]
                    d.targets, d.themes = [hit[0]], self._themes(span, skip)
                    d.target_cues.append(f"points back to the lead: {hit[1]}")
                    kept.append(d)
                    continue
            if not own and any(c.endswith(URGED_SUFFIX) for c in d.cues):
                urged = self._candidate(span, skip)  # 'calling on the government to place a legal duty'
                if urged is not None:
                    candidates[urged[0]] = urged[1]
                    d.targets, d.themes = [urged[0]], self._themes(span, skip)
                    d.target_cues.append(f"candidate: {urged[1]}")
                    kept.append(d)
                    continue
            passive = self._passive_subject(span, skip) if not own and d.stance != Stance.NEUTRAL else None
            if passive is not None:  # 'the inclusion of X, whilst welcomed, ...': X is what is welcomed
                candidates[passive[0]] = passive[1]
                d.targets, d.themes = [passive[0]], self._themes(span, skip)
                d.target_cues.append(f"candidate: {passive[1]}")
                kept.append(d)
                continue
            if own and d.stance == Stance.OBJECT and _pronoun_subject(span):
                # 'But it says nothing about care leavers': 'it' is what is objected to, not care leavers
                ante = self._context(d.unit, units, sents, skip, None, plural=False, nearest=True)
                if ante:
                    own = d.targets = ante[0]
                    d.target_cues.append(f"the pronoun's antecedent: {ante[1]}")
            if not own and d.stance != Stance.NEUTRAL:
                again = next((c for t in span if t.pos_ == "NOUN" and (c := _candidate_heads(candidates).get(
                    _singular(t.lower_))) is not None), None)
                if again is not None:  # 'A guardian would be worth having' after 'an independent guardian'
                    d.targets, d.themes = [again[0]], self._themes(span, skip)
                    d.target_cues.append(f"points back to: {again[1]}")
                    kept.append(d)
                    continue
            pointed = self._head_anaphor(span, skip) if not own or own == [self.tax.general_proposal] else None
            if pointed is not None or not own or own == [self.tax.general_proposal] and self._anaphoric(span, skip):
                if d.stance == Stance.OBJECT and d.unit.cue in _ACKNOWLEDGE:
                    continue  # 'X recognised that caseloads remain too high': a problem granted, no objection
                ctx = pointed  # 'welcomed the identifier' beats 'reviews' in passing
                if ctx is None:
                    ctx = self._context(d.unit, units, sents, skip, span, plural=self._plural_pointer(span, skip))
                if ctx:
                    d.targets, where = ctx
                    d.target_cues.append(f"context: {where}")
            d.themes = self._themes(span, skip)
            if d.stance == Stance.NEUTRAL:
                if not own:
                    continue  # a neutral remark is only kept when it names a proposal
            elif not d.targets and (topic := self.tax.topic_of(span.text)) is not None:
                # 'the new duty on councils to bring the wider family together and make a plan before
                # court': no name, but the words of one proposal
                d.targets = [topic]
                d.target_cues.append("topic words of the proposal")
            elif not d.targets:
                cand = self._wanted(span, skip) if WANT_CUE in d.cues else None
                cand = cand or self._candidate(span, skip)
                lead = None
                if cand is None and self._points_back(span):
                    cand = self._context_candidate(d.unit, units, sents, skip)
                    if cand is None:
                        lead = self._lead(units, sents, skip, d.unit)  # 'the duty' in a report about one duty
                if lead:
                    d.targets = lead[0]
                    d.target_cues.append(f"context: {lead[1]}")
                elif cand:
                    cid, label = cand
                    candidates[cid] = label
                    d.targets = [cid]
                    d.target_cues.append(f"candidate: {label}")
                elif not d.themes:
                    continue
            kept.append(d)
        # 'X backs A but fears it will fail': a clause with no target of its own is about its sibling's
        for d in kept:
            if not d.targets:
                sibling = next((o for o in kept if o.unit is d.unit and o is not d and o.targets
                                and not o.targets[0].startswith(CANDIDATE_PREFIX)), None)
                if sibling is not None:
                    d.targets = list(sibling.targets)
                    d.target_cues.append("context: the other clause of its sentence")
        doc._.argmap_claims = kept
        doc._.argmap_candidates = [{"id": k, "label": v} for k, v in sorted(candidates.items())]
        return doc

    def _matches(self, span: Span, skip: set[int]):
        out = []
        for m in span_matches(span, self.tax, "proposals"):
            toks = span.doc.char_span(span.start_char + m.start, span.start_char + m.end, alignment_mode="expand")
            if toks is not None and (all(t.i in skip for t in toks) or _describes_actor(toks.root, skip)):
                continue
            out.append(m)
        return out

    def _proposals(self, span: Span, skip: set[int]) -> list[str]:
        ids = []
        matches = self._matches(span, skip)
        main = [m for m in matches if not _in_example(span, m)]
        for m in main or matches:  # 'the review addressed issues like X': the review, X is an example
            if m.id not in ids:
                ids.append(m.id)
        general = self.tax.general_proposal
        if general in ids and len(ids) > 1 and not any(
                m.id == general and self._owned(span, m) for m in main or matches):
            ids.remove(general)  # 'X, one of the reforms' is about X; 'X, to take forward its recommendations' both
        return ids

    @staticmethod
    def _owned(span: Span, m) -> bool:
        """'its recommendations', 'their plans': the whole programme named as someone's own."""
        toks = span.doc.char_span(span.start_char + m.start, span.start_char + m.end, alignment_mode="expand")
        return toks is not None and toks.start > 0 and span.doc[toks.start - 1].lower_ in {"its", "their", "his", "her"} \
            and toks.root.dep_ not in {"compound", "nmod", "amod"}  # not 'its Families First areas'

    def _anaphoric(self, span: Span, skip: set[int]) -> bool:
        """The general proposal is named only by a pointing phrase ('the proposal', 'these plans',
        'such positive reforms')."""
        found = [m for m in self._matches(span, skip) if m.id == self.tax.general_proposal]
        return bool(found) and all(m.phrase.split()[-1] in ANAPHORIC_HEADS or self._pointer_before(span, m)
                                   for m in found)

    @staticmethod
    def _pointer_before(span: Span, m) -> bool:
        toks = span.doc.char_span(span.start_char + m.start, span.start_char + m.end, alignment_mode="expand")
        if toks is None:
            return False
        before = span.doc[max(span.start, toks.start - 2):toks.start]
        return any(t.lower_ in _PLURAL_POINTERS for t in before)

    def _plural_pointer(self, span: Span, skip: set[int]) -> bool:
        """'such positive reforms', 'these proposals': a pointer to several proposals named before."""
        return any(m.id == self.tax.general_proposal and self._pointer_before(span, m)
                   for m in self._matches(span, skip))

    def _phrases(self, span: Span, skip: set[int]) -> list[str]:
        return sorted({m.phrase for m in self._matches(span, skip)})

    def _context(self, unit, units, sents, skip, span=None, plural=False, nearest=False):
        """Proposals named around a claim: the rest of its sentence, the two sentences before it in
        the paragraph, the previous paragraph's last two sentences, then the section heading. A specific
        proposal found anywhere on that path beats a mention of 'the reforms' in general. A plural
        pointer ('such reforms') takes every proposal named so far in its section."""
        if plural:
            # 'such positive reforms': every proposal named so far in this section
            heads = [u for u in units if u.heading and 0 < u.sent < unit.sent]
            first = heads[-1].sent if heads else 0
            named: list[str] = []
            for u in units:
                if first < u.sent < unit.sent and not u.heading:
                    named += [p for p in self._proposals(sents[u.sent], skip)
                              if p != self.tax.general_proposal and p not in named]
            if named:
                return named, "named earlier in the section"
        places = []
        sent = sents[unit.sent]
        if span is not None and (span.start, span.end) != (sent.start, sent.end):
            places.append((sent, "same sentence"))
        same_para = [u for u in units if u.para == unit.para and u.sent < unit.sent]
        places += [(sents[u.sent], sents[u.sent].text.strip()[:80]) for u in reversed(same_para[-2:])]
        prev_para = [u for u in units if u.para == unit.para - 1 and not u.heading]
        places += [(sents[u.sent], sents[u.sent].text.strip()[:80]) for u in reversed(prev_para[-2:])]
        general = None
        # 'They will only succeed if ...': a pronoun subject is the nearest thing named, even 'the reforms'
        pronoun = nearest or span is not None and _pronoun_subject(span)
        for where_span, where in places:
            found = self._proposals(where_span, skip)
            if not found:
                continue
            if found == [self.tax.general_proposal]:
                if pronoun and where != "same sentence":
                    return found, where
                general = general or (found, where)
                continue
            # a pointing reference ('this was a good idea') is to the nearest proposal named
            return [self._last_proposal(where_span, skip)], where
        headings = [u for u in units if u.heading and 0 < u.sent < unit.sent]  # not the title line
        if headings:
            h = sents[headings[-1].sent]
            found = self._proposals(h, skip)
            if found and found != [self.tax.general_proposal]:
                return found, "heading: " + h.text.strip()[:80]
        return general

    def _lead_candidates(self, units, sents, skip) -> dict[str, tuple[str, str]]:
        """Policies the title or first paragraph names that the taxonomy does not know ('Agency
        social workers face pay cap'): head noun -> candidate (id, label)."""
        doc = sents[0].doc if sents else None
        cache = doc.user_data.get("argmap_lead_candidates") if doc is not None else None
        if cache is not None:
            return cache
        found: dict[str, tuple[str, str]] = {}
        meta = (doc._.argmap_meta or {}) if doc is not None else {}
        words = re.findall(r"[A-Za-z][\w'-]*", meta.get("title") or "")
        for i, w in enumerate(words):  # the headline from the front matter: 'face pay cap as ...'
            head = _singular(w)
            if head in _POLICY_HEADS and i > 0 and words[i - 1].lower() not in _STOP and head not in found:
                label = f"{words[i - 1].lower()} {w.lower()}"
                found[head] = (CANDIDATE_PREFIX + slugify(label, 40), label)
        for u in units:
            if u.para > 2:
                break
            if not _POLICY_HINT.search(sents[u.sent].text.lower()):
                continue  # (noun chunks cost a walk of the parse; most opening sentences name no policy)
            for chunk in sents[u.sent].noun_chunks:
                head = _singular(chunk.root.lower_)
                if head in _POLICY_HEADS and head not in found and not self._matches(chunk, skip):
                    label = self._words_label([t for t in chunk if t.dep_ in {"compound", "amod", "nmod"}
                                               or t.i == chunk.root.i], skip)
                    if label:
                        found[head] = label
        if doc is not None:
            doc.user_data["argmap_lead_candidates"] = found
        return found

    def _head_anaphor(self, span: Span, skip: set[int]):
        """'the teams', 'joint teams', 'the register': a noun that ends the name of a proposal named
        earlier in the article points back to it (the latest one of that name)."""
        named = span.doc.user_data.get("argmap_named_heads")
        if named is None:  # (end, head noun, id) of every particular proposal named, once per document
            named = span.doc.user_data["argmap_named_heads"] = [
                (m.end, _singular(m.phrase.split()[-1]), m.id)
                for m in sorted(span_matches(span.doc[:], self.tax, "proposals"), key=lambda m: m.start)
                if m.id != self.tax.general_proposal]
        heads = {head: pid for end, head, pid in named if end <= span.start_char and head not in _VAGUE_HEADS}
        for tok in span:
            if tok.pos_ != "NOUN" or tok.i in skip or tok.dep_ == "compound":
                continue
            head = _singular(tok.lower_)
            if head in heads and any(c.dep_ in {"det", "amod", "poss"} for c in tok.children):
                return [heads[head]], f"points back: {tok.text}"
        return None

    def _lead(self, units, sents, skip, unit):
        """The proposal an article is about: the one its title names, else the one its first two
        paragraphs name, if they name only one."""
        body = sents[0].doc.user_data.get("argmap_lead_paras") if sents else None
        if body is None:  # the first two paragraphs with text, once per document
            body = sorted({u.para for u in units if not u.heading and sents[u.sent].text.strip()})[:2]
            if sents:
                sents[0].doc.user_data["argmap_lead_paras"] = body
        lead = [u for u in units if (u.para in body or u.sent == 0) and u.sent < unit.sent]
        if lead:  # the headline names what the report is about
            title = [p for p in self._proposals(sents[lead[0].sent], skip) if p != self.tax.general_proposal]
            if len(set(title)) == 1:
                return title[:1], "the article's title: " + sents[lead[0].sent].text.strip()[:60]
        found = []
        for u in lead:
            found += [p for p in self._proposals(sents[u.sent], skip)
                      if p != self.tax.general_proposal and p not in found]
        if len(found) == 1:
            return found, "the article's lead: " + sents[lead[0].sent].text.strip()[:60]
        if not found and lead:  # no proposal named: the one the headline and opening describe
            meta = sents[0].doc._.argmap_meta or {}
            topic = self.tax.topic_of(" ".join([meta.get("title") or ""] + [sents[u.sent].text for u in lead]))
            if topic:
                return [topic], "the article's topic (taxonomy keywords in its headline and opening)"
        return None

    def _last_proposal(self, span: Span, skip: set[int]) -> str:
        matches = [m for m in self._matches(span, skip) if m.id != self.tax.general_proposal]
        return max(matches, key=lambda m: m.start).id

    def _themes(self, span: Span, skip: set[int]) -> list[str]:
        ids = []
        # a ground word inside a proposal's own name ('pilot schemes', 'kinship allowance') names the
        # proposal, not a ground
        named = [(m.start, m.end) for m in self._matches(span, skip)]
        for m in span_matches(span, self.tax, "themes"):
            if any(a <= m.start and m.end <= b for a, b in named):
                continue
            toks = span.doc.char_span(span.start_char + m.start, span.start_char + m.end, alignment_mode="expand")
            if toks is not None and all(t.i in skip for t in toks):
                continue
            if m.id not in ids:
                ids.append(m.id)
        return ids

    def _passive_subject(self, span: Span, skip: set[int]):
        """The subject of a passive stance verb ('X is welcomed', 'X was criticised') as a
        candidate proposal (id, label), when it is a noun phrase of its own."""
        for tok in span:
            if tok.tag_ != "VBN" or tok.lemma_.lower() not in _RECEPTION_VERBS:
                continue
            if any(c.dep_ == "auxpass" for c in tok.children):  # 'X is welcomed'
                subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ in {"NOUN", "PROPN"}), None)
            elif tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:  # 'X, whilst welcomed, ...'
                subj = tok.head
            else:
                continue
            chunk = next((c for c in _noun_chunks(span) if subj is not None and c.root.i == subj.i), None)
            if chunk is not None and not self._matches(span.doc[chunk.start:subj.right_edge.i + 1], skip):
                return self._label(chunk, skip)
        return None

    def _points_back(self, span: Span) -> bool:
        """'the change', 'this plan', 'such a duty': the claim is about something named before."""
        return any(t.lemma_.lower() in ANAPHORIC_HEADS | _POINTING_NOUNS and
                   any(c.lower_ in {"the", "this", "that", "such", "these"} for c in t.children)
                   for t in span)

    def _context_candidate(self, unit, units, sents, skip):
        """A candidate proposal introduced in the sentence or paragraph before the claim."""
        before = [u for u in units if u.sent < unit.sent and not u.heading][-2:]
        for u in reversed(before):
            found = self._introduced(sents[u.sent], skip)
            if found:
                return found
        return None

    def _introduced(self, span: Span, skip: set[int]):
        """The object of a proposal word ('consulting on a mandatory reporting duty')."""
        for chunk in _noun_chunks(span):
            root = chunk.root
            head = root.head
            gov = head.head if root.dep_ == "pobj" else head
            if root.dep_ == "dobj" and gov.dep_ in {"xcomp", "acl"} and gov.head.lemma_.lower() in self.proposal_words:
                gov = gov.head  # 'plans to change the age of criminal responsibility'
            if root.dep_ not in {"dobj", "pobj"} or gov.lemma_.lower() not in self.proposal_words:
                continue
            cand = self._label(chunk, skip)
            if cand:
                return cand
        return None

    def _label(self, chunk: Span, skip: set[int]):
        if chunk.root.pos_ == "PRON" or any(t.i in skip for t in chunk):
            return None
        words = _content(chunk)[:6]
        if len(words) < 2:  # 'an investigation into the market': the head noun needs its complement
            prep = next((c for c in chunk.root.rights if c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS), None)
            if prep is not None and not any(t.i in skip for t in prep.subtree):
                words = (words + _content(prep.subtree))[:6]
        return _candidate_of(words)

    @staticmethod
    def _words_label(tokens: list[Token], skip: set[int]):
        """A candidate (id, label) from the content words of a phrase, or None if under two."""
        return _candidate_of([t for t in _content(tokens) if t.i not in skip][:6])

    def _wanted(self, span: Span, skip: set[int]):
        """'wants the age of criminal responsibility raised': the thing the speaker wants done."""
        for tok in span:
            if tok.lemma_.lower() not in {"want", "like"}:
                continue
            for comp in tok.children:
                if comp.dep_ in {"ccomp", "xcomp"}:
                    arg = next((g for g in comp.children if g.dep_ in {"nsubj", "nsubjpass", "dobj"}), None)
                    if arg is not None:
                        return self._words_label(list(arg.subtree), skip)
                if comp.dep_ == "dobj":
                    return self._words_label(list(comp.subtree), skip)
        return None

    def _candidate(self, span: Span, skip: set[int]):
        """The noun phrase a stance word governs ("backed a caseload cap", "concerns about X"),
        as a candidate proposal (id, label)."""
        stance_words = self.stance_words
        chunks = _noun_chunks(span)
        for chunk in chunks:
            root = chunk.root
            head = root.head
            if root.dep_ == "dobj" and head.lemma_.lower() in _HARM_VERBS:
                # "a duty backed by sanctions could swamp social work teams": the duty is at issue
                subj = next((c for c in chunks if c.root.dep_ in {"nsubj", "nsubjpass"} and c.root.head.i == head.i),
                            None)
                if subj is not None:
                    sub = [t.i for t in subj.root.subtree]
                    subj = span.doc[min(sub):max(sub) + 1]
                cand = self._label(subj, skip) if subj is not None else None
                if cand:
                    return cand
                continue
            if root.dep_ == "dobj" and (head.lemma_.lower() in stance_words - {"call"} or _urged_action(head)) or \
                    root.dep_ == "pobj" and head.lower_ in {"about", "over", "against", "for", "on", "to"} and \
                    (head.head.lemma_.lower() in stance_words or head.head.lower_ in stance_words):
                pass
            else:
                continue
            cand = self._label(chunk, skip)
            if cand:
                return cand
        return self._introduced(span, skip)


def _content(tokens) -> list[Token]:
    """The words of a phrase that can name a proposal (no stop words, punctuation or numbers)."""
    return [t for t in tokens if not t.is_stop and not t.is_punct and not t.like_num]


def _candidate_of(words: list[Token]):
    """A candidate proposal (id, label) from at least two words, else None."""
    if len(words) < 2:
        return None
    label = " ".join(t.text for t in words)
    return CANDIDATE_PREFIX + slugify(label, 40), label


def _candidate_heads(candidates: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Head noun -> (id, label) of the candidate proposals found so far in a document."""
    out = {}
    for cid, label in candidates.items():
        head = _singular(label.split()[-1])
        if head not in _VAGUE_HEADS and len(head) > 3:
            out[head] = (cid, label)
    return out


def _pronoun_subject(span: Span) -> bool:
    """Whether the span opens with a pronoun subject ('They will only succeed if', 'But it says')."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in {"they", "it", "these"} for t in span[:4])


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _describes_actor(tok: Token, skip: set[int]) -> bool:
    """Whether a name sits in an apposition describing a person or organisation ('X, chief
    executive of Frontline, a graduate training programme'): it describes, it is not discussed."""
    for _ in range(6):
        if tok.dep_ == "appos" and tok.head.i in skip:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _in_example(span: Span, m) -> bool:
    """Whether a matched name stands in an example ('issues like X', 'such as X', 'including X')."""
    toks = span.doc.char_span(span.start_char + m.start, span.start_char + m.end, alignment_mode="expand")
    if toks is None:
        return False
    tok = toks.root
    for _ in range(3):
        if tok.dep_ == "pobj" and (tok.head.lower_ in {"like", "including"} or
                                   tok.head.lower_ == "as" and tok.head.i > 0 and
                                   span.doc[tok.head.i - 1].lower_ == "such"):
            return True
        if tok.dep_ not in {"conj", "appos", "compound"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _urged_action(verb: Token) -> bool:
    """'called on the authority to launch an investigation': the verb is what someone is pressed to do."""
    if not any(c.lower_ == "to" for c in verb.children):
        return False
    up = verb.head
    for _ in range(3):
        if up.lemma_.lower() in _URGE_VERBS:
            return True
        if up.head.i == up.i:
            break
        up = up.head
    return False


def _noun_chunks(span: Span) -> list[Span]:
    """The Doc's noun chunks inside ``span`` (the Doc's are computed once and kept)."""
    doc = span.doc
    chunks = doc.user_data.get("argmap_noun_chunks")
    if chunks is None:
        chunks = doc.user_data["argmap_noun_chunks"] = [(c.start, c.end) for c in doc.noun_chunks]
    return [doc[a:b] for a, b in chunks if span.start <= a and b <= span.end]


@Language.factory(
    "argmap_targets",
    default_config={"taxonomy": None, "cues": None},
    assigns=["doc._.argmap_claims", "doc._.argmap_candidates"],
    requires=["doc._.argmap_claims"],
)
def make_target_linker(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> TargetLinker:
    from argmap.lexicon import load_lexicon

    lex = load_lexicon(cues)
    words = lex.support_lemmas | lex.object_lemmas | {"call", "urge", "oppose", "back", "propose", "plan", "argue",
                                                      "press", "campaign", "want"}
    return TargetLinker(get_taxonomy(taxonomy), frozenset(words), lex.proposal_words)
