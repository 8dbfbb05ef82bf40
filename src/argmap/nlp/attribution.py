"""The argmap_attribution component: who says each sentence.

A sentence is attributed by, in order: a speech verb whose subject is an actor or a pronoun
resolved to one ("X warned that", "she says", "their statement states"); "according to X";
membership of a direct quotation whose speaker is named anywhere in it (quotes may run across
sentences and paragraphs, and the speaker may come after the quote); an actor as the subject of
an evaluative sentence; and, in an opinion piece, the article's author. Sentences whose speaker
is an unnamed group ("critics claim") are marked as such and never given to the author.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon, load_lexicon
from argmap.nlp.actors import ORG, PERSON, ActorInfo, ActorState
from argmap.nlp.extensions import install_extensions
from argmap.nlp.resources import doc_text

OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"  # British style: 'like this' (curly only)
UNNAMED = "-"
OWN_VOICE_GENRES = frozenset({"opinion", "analysis", "comment", "editorial", "blog", "briefing", "statement"})  # speaker marker: a named speaker is absent but somebody else is speaking
_FIRST_PERSON_PLURAL = re.compile(r"\b(our|we|us)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|I'm|I've|I'd|I'll)\b")


@dataclass
class Unit:
    """One sentence with its speaker and why."""

    sent: int  # index into list(doc.sents)
    start: int  # token bounds
    end: int
    para: int
    heading: bool
    quoted: bool
    speaker: str | None = None
    cue: str = ""
    rule: str = ""
    cue_token: int | None = None
    co_speakers: tuple[str, ...] = ()
    listed: bool = False  # an item of a list of proposals introduced by its proposer


class Attributor:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        state: ActorState = doc._.argmap_actors
        meta = doc._.argmap_meta or {}
        sents = list(doc.sents)
        quotes = _quote_regions(doc_text(doc))
        units = _units(doc, sents, quotes, meta.get("list_lines") or ())
        recent = _Recency(state)
        owners: dict[str, str] = {}  # "vision" -> the actor who announced it
        self._owners = owners
        for u in units:
            sent = sents[u.sent]
            if not u.heading:
                found = self._explicit(sent, state, recent, quotes)
                if found:
                    u.speaker, u.cue, u.rule, u.cue_token = found
                    u.co_speakers = self._co_speakers(sent, u, state)
            if u.speaker and u.speaker != UNNAMED:
                _note_ownership(sent, u.speaker, owners)
            recent.observe(sent, u.speaker if u.speaker != UNNAMED else None)
        _spread_quotes(units, sents, quotes, state)
        _interview_answers(units, sents, state, meta)
        _proposal_lists(units, sents, meta.get("list_lines") or (), owners, state, doc_text(doc))
        self._author(doc, units, sents, state, meta)
        doc._.argmap_units = units
        return doc

    # ------------------------------------------------------------ explicit attribution
    def _explicit(self, sent: Span, state: ActorState, recent: _Recency, quotes):
        lex = self.lex
        # according to X
        low = sent.text.lower()
        for phrase in lex.according_to:
            pos = low.find(phrase)
            if pos >= 0:
                after = sent.doc.char_span(sent.start_char + pos + len(phrase), sent.end_char, alignment_mode="expand")
                if after is not None:
                    for tok in after:
                        key = state.actor_of(tok)
                        if key:
                            return key, phrase, "according-to", tok.i
                        if tok.is_punct and tok.text in ",.;":
                            break
                    return UNNAMED, phrase, "according-to-unnamed", None
        # "For X, who runs a youth service, the new teams are the most hopeful development": X's view
        first = next((t for t in sent if not t.is_space), None)
        if first is not None and first.lower_ in {"for", "to"} and first.dep_ == "prep":
            obj = next((c for c in first.children if c.dep_ == "pobj"), None)
            key = state.actor_of(obj) if obj is not None else None
            if key and any(t.text == "," for t in sent[:12]):
                return key, f"{first.lower_} X,", "viewpoint", first.i
        # "That was the verdict of X" / "the view of X": a statement noun owned by an actor
        for tok in sent:
            if tok.lemma_.lower() in lex.statement_nouns and not _inside(tok.idx, quotes):
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "by"}:
                        for obj in prep.children:
                            key = state.actor_of(obj) if obj.dep_ == "pobj" else None
                            if key:
                                return key, tok.lemma_.lower(), "statement-of", tok.i
        verbs = [t for t in sent if t.lemma_.lower() in lex.speech_verbs and t.pos_ in {"VERB", "AUX", "NOUN"}
                 and not _inside(t.idx, quotes)
                 and not any(c.dep_ == "acomp" for c in t.children)  # 'does not feel realistic' reports no one
                 and t.dep_ != "relcl"]  # 'the change Munro wanted is far from achieved': not what Munro says
        verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
        unnamed = None
        for verb in verbs:
            subjects = [c for c in _subjects(verb) if c.dep_ != "nsubjpass" or verb.lemma_.lower() in _FEELING_PASSIVES]
            # 'It can be seen that', 'X, whilst welcomed, ...': a passive's subject is not who speaks
            for subj in subjects:
                key = self._resolve(subj, state, recent)
                if key:
                    rule = "speech-verb" if subj.pos_ != "PRON" else "speech-verb-pronoun"
                    return key, verb.lemma_.lower(), rule, verb.i
            subj = subjects[0] if subjects else None
            if subj is None and verb.dep_ == "ROOT" and not any(c.lower_ in CONCESSIVE for c in verb.children):
                # 'reforms are proposed': someone unnamed proposes ('X, whilst welcomed, ...' is the writer's)
                subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and unnamed is None \
                    and subj.lower_ not in self.lex.statement_nouns \
                    and not (subj.lemma_.lower() in _DOCUMENT_NOUNS and not any(c.dep_ == "ccomp" for c in verb.children)) \
                    and "ROOT" in (verb.dep_, verb.head.dep_):  # ('the bill says nothing': the writer's view)
                unnamed = (UNNAMED, verb.lemma_.lower(), "unnamed-speaker", verb.i)
        # an actor as subject of the main clause ("Ms Hinds also supports plans", "BASW is concerned")
        root = sent.root
        if not _inside(root.idx, quotes) and self._evaluative_root(root):
            for subj in _subjects(root):
                if subj.lower_ in {"it", "this", "that", "there"}:
                    continue  # "It remains unclear how ...": no speaker in an expletive subject
                key = self._resolve(subj, state, recent)
                if key:
                    return key, root.lemma_.lower(), "subject", root.i
        return unnamed

    def _co_speakers(self, sent: Span, unit: Unit, state: ActorState) -> tuple[str, ...]:
        """Other actors conjoined with the speaker as subjects ('Both X and Y argued')."""
        if unit.cue_token is None or unit.speaker in (None, UNNAMED):
            return ()
        verb = sent.doc[unit.cue_token]
        out = []
        for subj in _subjects(verb):
            for t in subj.subtree:
                if t.dep_ == "conj" and _direct(t, subj):
                    key = state.actor_of(t)
                    if key and key != unit.speaker and key not in out:
                        out.append(key)
        return tuple(out)

    def _evaluative_root(self, root: Token) -> bool:
        """A main verb that itself takes a stance, or 'be'/'remain' with a stance complement."""
        lex = self.lex
        stance_words = lex.support_lemmas | lex.object_lemmas
        if root.lemma_.lower() in stance_words:
            return True
        return any(c.dep_ in {"acomp", "attr", "dobj", "oprd"} and
                   (c.lemma_.lower() in stance_words or c.lower_ in stance_words) for c in root.children)

    def _resolve(self, subj: Token, state: ActorState, recent: _Recency) -> str | None:
        key = state.actor_of(subj)
        if key:
            return key
        # 'campaigners such as Carolyne Willow believed ...': the one named speaks for the group
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ in {"as", "including", "like"} and \
                    (prep.lower_ != "as" or any(c.lower_ == "such" for c in prep.children) or
                     subj.i + 1 < len(subj.doc) and subj.doc[subj.i + 1].lower_ == "such"):
                named = [state.actor_of(c) for c in prep.children if c.dep_ == "pobj" and state.actor_of(c)]
                if len(named) == 1:
                    return named[0]
        # "a spokesperson added": for the organisation that was just speaking
        if subj.lemma_.lower() in {"spokesperson", "spokesman", "spokeswoman"} and \
                not any(state.actor_of(t) for t in subj.subtree):
            key = recent.organisation()
            if key:
                return key
        # "..., says the emeritus professor of social work": a definite role noun is the person
        # just spoken of; "directors told us" (no article, plural) is an unnamed group
        if subj.lemma_.lower() in self.lex.role_words and subj.pos_ == "NOUN" and subj.tag_ != "NNS":
            phrase = [t for t in subj.subtree if not t.is_punct and not t.is_space]
            tail = state.actor_of(phrase[-1]) if phrase else None
            if tail and state.registry[tail].type == PERSON:
                return tail  # "chief executive of the Bureau Anna Feutchwang": the name ends the phrase
            if not any(state.actor_of(t) and state.registry[state.actor_of(t)].type == PERSON and _direct(t, subj)
                       for t in subj.subtree):
                if any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "their", "his", "her"}
                       for c in subj.children):
                    return recent.person()
                return None
        # "chief executive of the Bureau Jane Doe adds": a person named in the subject phrase
        # wins over an organisation in it; then any conjunct or apposition that is an actor
        found = [state.actor_of(t) for t in subj.subtree
                 if state.actor_of(t) and (t.dep_ in {"compound", "appos", "conj", "flat", "nsubj"} and _direct(t, subj)
                                           or t.dep_ == "pobj" and t.head.head == subj and t.head.lower_ in {"by", "from"})]
        persons = [k for k in found if state.registry.get(k) and state.registry[k].type == PERSON]
        if persons:
            return persons[0]
        if found and subj.dep_ != "nsubjpass":
            return found[0]
        low = subj.lower_
        # "the review states": the person who leads the review (role "review chair")
        if subj.pos_ == "NOUN" and low in _WORK_NOUNS and \
                any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "this"} for c in subj.children):
            lead = _leader_of(low, state) or getattr(self, "_owners", {}).get(low)
            if lead:
                return lead  # ... or the one who published it ('the report recommends')
        # "the union", "the charity", "the department": an organisation named just before
        if subj.pos_ == "NOUN" and subj.tag_ != "NNS" and \
                any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "this"} for c in subj.children):
            key = recent.organisation_named(subj.lemma_.lower())
            if key:
                return key
        if subj.pos_ == "PRON":
            if low in {"he", "she"}:
                # 'Yvonne Castell chairs the forum, and she fears ...': a person named earlier in the sentence
                earlier = [state.actor_of(t) for t in subj.sent if t.i < subj.i and state.actor_of(t)
                           and t.dep_ in {"nsubj", "dobj", "pobj"} and state.registry[state.actor_of(t)].type == PERSON
                           and len(state.registry[state.actor_of(t)].name.split()) >= 2]  # a full name
                if earlier and recent.fits(earlier[-1], low):
                    return earlier[-1]
                return recent.person(low)
            if low in {"it", "they"}:
                return recent.organisation(allow_person=low == "they")
            return None
        if low in self.lex.statement_nouns:
            for child in subj.children:
                if child.dep_ == "poss":
                    key = state.actor_of(child)
                    if key:
                        return key
                    if child.lower_ in {"their", "its"}:
                        return recent.organisation(allow_person=child.lower_ == "their")
                    if child.lower_ in {"his", "her"}:
                        return recent.person(child.lower_)
        return None

    # ------------------------------------------------------------ the author
    def _author(self, doc: Doc, units, sents, state: ActorState, meta: dict) -> None:
        author_key = meta.get("author_key")
        opinion = meta.get("genre") in OWN_VOICE_GENRES
        if not author_key:
            # organisations reported in the body ('BASW said') are not the writer; a headline's
            # 'says the Trust' over a press release does not count against it
            quoted_speakers = {u.speaker for u in units if u.speaker and u.sent > 0 and not u.heading
                               and u.rule.startswith(("speech-verb", "subject", "according-to"))}
            org = _organisation_author(doc, sents, units, state, exclude=quoted_speakers)
            if org:
                author_key, opinion = org, True
                meta["author_key"] = org
        if author_key and not opinion and state.registry.get(author_key) is not None and \
                state.registry[author_key].type == ORG and sum(
                    1 for u in units if not u.quoted and _FIRST_PERSON_PLURAL.search(sents[u.sent].text)) >= 2:
            opinion = True  # an organisation's own statement: it signs it and speaks as 'we'
            meta["genre"] = "statement"
        if not author_key or not opinion:
            return
        for u in units:
            # the stance component keeps only the evaluative ones
            if u.speaker is None and not u.heading and not u.quoted and _unheld_view(sents[u.sent]):
                u.speaker, u.cue, u.rule = UNNAMED, "there was a view", "unnamed-view"
            elif u.speaker is None and not u.heading and not u.quoted and _asserts(sents[u.sent]) \
                    and not _reports_research(sents[u.sent]):
                u.speaker, u.cue, u.rule = author_key, "author", "author"


def _interview_answers(units, sents, state: ActorState, meta: dict) -> None:
    """A question-and-answer interview: the answers are the interviewee's (the person it names
    most), the questions are nobody's position."""
    alone = {}
    for u in units:
        alone[u.para] = alone.get(u.para, 0) + 1

    def is_question(u) -> bool:  # a question on a line of its own ('**How do you feel?**', 'Q: ...?')
        text = sents[u.sent].text.strip().strip("*_ ").strip()
        return text.endswith("?") and len(text.split()) <= 30 and (alone[u.para] == 1 or u.heading or
                                                                   text.lower().startswith("q:"))
    questions = [u for u in units if is_question(u)]
    genre = str(meta.get("genre") or "").lower()
    by_para = {}
    for u in units:
        by_para.setdefault(u.para, []).append(u)
    # an answer speaks in the first person ('I welcome them', 'my brother')
    answered = sum(1 for q in questions if any(_FIRST_PERSON.search(sents[a.sent].text)
                                               for a in by_para.get(q.para + 1, [])))
    if answered < 3 and not (genre in {"interview", "q&a", "qa"} and questions):
        return
    counts: dict[str, int] = {}
    title = str(meta.get("title") or "")
    for u in units:
        sent = sents[u.sent]
        if sent.text.strip().lower().startswith(("by ", "interview by", "interviewed by", "words by")):
            continue  # the interviewer's byline
        for tok in sent:
            key = state.actor_of(tok)
            if key and state.registry[key].type == PERSON and key != meta.get("author_key"):
                counts[key] = counts.get(key, 0) + 1
    for key in counts:  # the one the headline names is the one interviewed
        if state.registry[key].name.split()[-1] in title:
            counts[key] += 100
    if not counts:
        return
    who = max(sorted(counts), key=lambda k: counts[k])
    first = questions[0].sent
    for u in units:
        if u.sent > first and u.speaker is None and not u.heading and u not in questions:
            u.speaker, u.cue, u.rule = who, "interview answer", "interview-answer"


def _asserts(sent: Span) -> bool:
    """A question asserts nothing ('Will the review live up to its ambitions?') unless it is a
    suggestion put as a question ('Might a national service make more sense?')."""
    if not sent.text.rstrip().endswith("?"):
        return True
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.lower_ in _SUGGESTING


def _unheld_view(sent: Span) -> bool:
    """'There was a strong feeling that ...': a view held by people the writer does not name."""
    root = sent.root
    return any(c.dep_ == "expl" for c in root.children) and any(
        c.dep_ in {"attr", "nsubj"} and c.lemma_.lower() in _VIEW_NOUNS for c in root.children)


_VIEW_NOUNS = frozenset({"feeling", "view", "belief", "consensus", "sense", "perception", "agreement", "fear",
                         "concern", "hope", "expectation"})


def _reports_research(sent: Span) -> bool:
    """'A survey in 2017 found ...', 'Similar findings came from ...': the writer reports
    research; the sentence is not the writer's own position."""
    root = sent.root
    for subj in (c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subj.lemma_.lower() in _RESEARCH:
            return True
        if any(t.pos_ == "NUM" and any(ch.isdigit() for ch in t.text) or t.lower_ in _SHARES for t in subj.subtree):
            return True  # 'around 75 per cent of young people wait ...': a statistic
    # the parser may lose the subject of 'found'; a research noun before it is enough
    return root.lemma_.lower() in _FINDING_VERBS and any(t.lemma_.lower() in _RESEARCH for t in sent[:root.i - sent.start])


# nouns for research whose findings a writer reports
_RESEARCH = frozenset({"survey", "report", "research", "study", "analysis", "data", "figure", "figures", "poll",
                       "finding", "findings", "inquiry", "enquiry", "audit", "census", "statistic", "statistics"})
_SHARES = frozenset({"%", "cent", "percent", "third", "half", "quarter", "fifth", "majority", "minority"})
_FINDING_VERBS = frozenset({"find", "show", "reveal", "suggest", "indicate", "conclude"})
# openings of a question that puts forward a view
_SUGGESTING = frozenset({"might", "wouldn't", "shouldn't", "isn't", "aren't", "doesn't", "surely"})


_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


class _Recency:
    """Who was last speaking or mentioned, for pronoun resolution."""

    def __init__(self, state: ActorState):
        self.state = state
        self.speakers: list[tuple[int, str]] = []
        self.persons: list[str] = []
        self.person_at: list[tuple[int, int, str]] = []  # (sentence number, -order, person) for every person named
        self.gender: dict[str, str] = {}  # person -> "m" / "f", from pronouns already resolved to them
        self.orgs: list[tuple[int, str]] = []
        self.n = 0

    def observe(self, sent: Span, speaker: str | None) -> None:
        self.n += 1
        seen = []
        for tok in sent:
            key = self.state.actor_of(tok)
            if key and (not seen or seen[-1] != key):
                seen.append(key)
        for order, key in enumerate(seen):
            info: ActorInfo | None = self.state.registry.get(key)
            if info is None:
                continue
            if info.type == PERSON:
                self.persons.append(key)
                self.person_at.append((self.n, -order, key))  # in one sentence the first named leads
            else:
                self.orgs.append((self.n, key))
        if speaker:
            self.speakers.append((self.n, speaker))

    def fits(self, key: str, pronoun: str) -> bool:
        """Whether a person can be the 'he' or 'she' (not already called by the other pronoun)."""
        sex = _PRONOUN_SEX.get(pronoun)
        if sex is None or self.gender.get(key, sex) != sex:
            return sex is None
        self.gender.setdefault(key, sex)
        return True

    def person(self, pronoun: str | None = None) -> str | None:
        """The person a 'he'/'she' refers to: the last speaker if they spoke within two sentences
        and nobody has been named since, else the person last named or heard within six; one
        already called by the other pronoun is passed over."""
        sex = _PRONOUN_SEX.get(pronoun or "")

        def fits(key: str) -> bool:
            return sex is None or self.gender.get(key, sex) == sex

        found = None
        if self.speakers and self.n - self.speakers[-1][0] <= 2 and fits(self.speakers[-1][1]) and \
                not any(n > self.speakers[-1][0] for n, _, _ in self.person_at):  # nobody named since
            found = self.speakers[-1][1]
        if found is None:
            events = [(n, 1, key) for n, key in self.speakers
                      if self.state.registry.get(key) and self.state.registry[key].type == PERSON]
            events += self.person_at
            found = next((key for n, _, key in sorted(events, key=lambda e: (e[0], e[1]), reverse=True)
                          if self.n - n <= 6 and fits(key)), None)
        if found is None:
            found = next((key for key in reversed(self.persons) if fits(key)), None)
        if found is not None and sex is not None:
            self.gender.setdefault(found, sex)
        return found

    def organisation_named(self, noun: str) -> str | None:
        """The latest organisation (within a few sentences) whose name or role contains ``noun``;
        further back only when it is the one organisation of that kind named so far."""
        matching = {key for _, key in self.orgs if noun in self._words(key)}
        if len(matching) == 1 and noun not in {"charity", "organisation", "body", "group"}:
            return matching.pop()
        for n, key in reversed(self.orgs):
            if self.n - n > 8:
                break
            info = self.state.registry.get(key)
            words = {w.lower().strip(",.'") for w in " ".join([info.name, *info.aliases]).split()} if info else set()
            if noun in words or noun in {"charity", "organisation", "body", "group"} and info is not None:
                return key
        return None

    def _words(self, key: str) -> set[str]:
        info = self.state.registry.get(key)
        return {w.lower().strip(",.'") for w in " ".join([info.name, *info.aliases]).split()} if info else set()

    def organisation(self, allow_person: bool = False) -> str | None:
        if self.speakers and self.n - self.speakers[-1][0] <= 2:
            key = self.speakers[-1][1]
            info = self.state.registry.get(key)
            if info and (info.type == ORG or allow_person):
                return key
        # otherwise only an organisation named in the sentence just before
        if self.orgs and self.n - self.orgs[-1][0] <= 1:
            return self.orgs[-1][1]
        return None


# markers of a conceded clause ('while X has argued ..., ...', 'X, whilst welcomed, ...')
CONCESSIVE = frozenset({"while", "whilst", "although", "though"})
# passives that describe how their subject feels ('BASW is opposed to', 'she is concerned'): the subject speaks
_FEELING_PASSIVES = frozenset({"oppose", "concern", "worry", "commit", "disappoint", "alarm", "delight", "encourage",
                               "convince", "persuade", "please", "trouble", "dismay", "frustrate"})
_DOCUMENT_NOUNS = frozenset({"bill", "act", "law", "framework", "guidance", "plan", "plans", "paper", "document",
                             "strategy", "legislation", "consultation", "proposal", "proposals"})
_SAY_VERBS = frozenset({"say", "state", "warn", "argue", "conclude", "find", "recommend", "write", "claim"})
_WORK_NOUNS = {"review", "report", "inquiry", "study", "strategy", "paper", "plan", "commission"}
# what an actor can announce and so own ("the government announced its vision")
_OWNABLE = _WORK_NOUNS | {"vision", "plans", "proposal", "proposals", "reform", "reforms", "recommendation",
                          "recommendations", "framework", "programme", "bill", "change", "changes"}
_PUBLISH_VERBS = {"announce", "publish", "unveil", "set", "lay", "launch", "outline", "propose", "make", "produce",
                  "release", "present", "introduce"}
_LIST_VERBS = {"include", "envisage", "propose", "recommend", "be", "achieve", "cover", "involve", "mean",
               "promise", "comprise", "feature", "seek", "aim", "intend"}


def _note_ownership(sent: Span, speaker: str, owners: dict[str, str]) -> None:
    """'X announced its vision / published its recommendations': X owns the vision."""
    for tok in sent:
        if tok.lemma_.lower() in _OWNABLE and tok.dep_ in {"dobj", "nsubjpass"} and \
                tok.head.lemma_.lower() in _PUBLISH_VERBS:
            owners.setdefault(tok.lemma_.lower(), speaker)
        elif tok.lemma_.lower() in _WORK_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
                tok.head.head.lemma_.lower() in _SAY_VERBS and \
                any(c.dep_ in {"det", "poss"} and c.lower_ in {"a", "an", "its", "their"} for c in tok.children):
            owners.setdefault(tok.lemma_.lower(), speaker)  # 'the committee says in a report ...'


def _proposal_lists(units, sents, list_lines, owners, state: ActorState, text: str) -> None:
    """Items of a list introduced by a proposer ('The plans include:', 'Key recommendations')
    are that proposer's: each is a proposal they put forward."""
    if not list_lines:
        return
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    line_of = {u.sent: bisect_left(breaks, _first_char(text, sents[u.sent].start_char, sents[u.sent].end_char))
               for u in units}
    last: tuple[int, str] | None = None  # (unit index, owner) of the latest list with an owner
    for k, u in enumerate(units):
        sent = sents[u.sent]
        stripped = sent.text.strip()
        intro = stripped.endswith(":") and (any(t.lemma_.lower() in _LIST_VERBS for t in sent)
                                            or stripped.endswith(" by:"))  # 'would be achieved by:'

        heading = u.heading and any(t.lower_ in {"recommendations", "proposals", "recommendation"} for t in sent)
        if not (intro or heading) or line_of[u.sent] in list_lines:
            continue
        owner = u.speaker if u.speaker not in (None, UNNAMED) and u.rule != "author" else None
        if owner is None:
            for tok in sent:
                low = tok.lemma_.lower()
                if low in _OWNABLE and low in owners:
                    owner = owners[low]
                    break
                if low in {"recommendation", "recommendations"}:
                    owner = owners.get("review") or owners.get("report") or _leader_of("review", state) \
                        or _leader_of("report", state)
                    if owner:
                        break
        if owner is None and len(set(owners.values())) == 1 and any(t.lemma_.lower() in _OWNABLE for t in sent):
            owner = next(iter(owners.values()))  # the one actor in the article who put proposals forward
        if owner is None and last is not None and k - last[0] <= 15 and _points_back(sent):
            owner = last[1]  # 'This would be achieved by:' goes on with the list before
        if owner is None:
            continue
        last = (k, owner)
        for item in units[k + 1:]:
            if line_of[item.sent] not in list_lines:
                if sents[item.sent].text.strip():
                    break
                continue
            if item.speaker in (None, UNNAMED) and not item.quoted:
                item.speaker, item.cue, item.rule, item.listed = owner, "list", "proposal-list", True


def _points_back(sent: Span) -> bool:
    """A list introduction whose subject points back ('This would be achieved by:')."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in {"this", "these", "it", "they", "that"}
               for t in sent)


_LEAD_WORDS = {"chair", "author", "lead", "leader", "head", "director"}


def _leader_of(noun: str, state: ActorState) -> str | None:
    """The one person whose role says they lead a piece of work of this kind ("Review chair")."""
    found = [key for key, info in state.registry.items() if info.type == PERSON and info.role
             and noun in info.role.lower() and any(w in info.role.lower() for w in _LEAD_WORDS)]
    return found[0] if len(found) == 1 else None


def _direct(tok: Token, subj: Token) -> bool:
    """Whether ``tok`` belongs to the subject phrase itself, not to a prepositional phrase inside
    it ("the professor at X and Y": X and Y are not the speaker)."""
    while tok.i != subj.i and tok.head.i != tok.i:
        if tok.dep_ in {"pobj", "prep"}:
            return False
        tok = tok.head
    return True


def _subjects(verb: Token) -> list[Token]:
    """The subjects of a verb; for '..., warning that' / 'adding that', those of the governing verb."""
    found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not found and verb.dep_ in {"advcl", "conj"} and verb.head.i != verb.i:
        found = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return found


def _first_char(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of text[start:end] (or ``start``)."""
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return start


def _inside(offset: int, regions) -> bool:
    return any(a < offset < b for a, b in regions)


_UNCLOSED_SAID = re.compile(r",\s+(?:said|says|added|adds|told|argued|argues|warned|warns)\b")


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotation marks; an unclosed quote runs to the end of its
    paragraph and, when the next paragraph opens with a quote mark, joins it."""
    regions = []
    pos = 0
    carry = False
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        if not line.strip():
            continue  # a blank line between paragraphs of one quotation keeps it open
        i, n = 0, len(line)
        open_at = None
        if carry and line.lstrip()[:1] in OPEN_QUOTES + '"':
            # the quotation goes on in this paragraph: one region over both
            open_at = regions.pop()[0]
            i = len(line) - len(line.lstrip()) + 1
        carry = False
        straight_open = False
        while i < n:
            ch = line[i]
            if (ch in OPEN_QUOTES or (ch == '"' and not straight_open)) and open_at is None:
                open_at = start + i
                straight_open = ch == '"'
            elif (ch in CLOSE_QUOTES or ch == '"') and open_at is not None:
                regions.append((open_at, start + i + 1))
                open_at = None
                straight_open = False
            i += 1
        if open_at is not None:
            # an unclosed quotation that runs into ', said X' was closed by mistake there
            m = _UNCLOSED_SAID.search(text, max(open_at, start), pos)
            if m is not None:
                regions.append((open_at, m.start() + 1))
            else:
                regions.append((open_at, pos))
                carry = True
    return regions + _single_quote_regions(text)


def _single_quote_regions(text: str) -> list[tuple[int, int]]:
    """Quotations in curly single quotes. An opening mark starts a word; a closing mark is a
    right single quote followed by a non-letter (an apostrophe inside a word never closes)."""
    regions = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        open_at = None
        for i, ch in enumerate(line):
            if ch == SINGLE_OPEN and (i == 0 or not line[i - 1].isalnum()):
                open_at = start + i if open_at is None else open_at
            elif ch == SINGLE_CLOSE and open_at is not None and (i + 1 >= len(line) or not line[i + 1].isalnum()) \
                    and (start + i) - open_at > 1:
                regions.append((open_at, start + i + 1))
                open_at = None
        if open_at is not None:
            regions.append((open_at, pos))
    return regions


def _units(doc: Doc, sents: list[Span], quotes, list_lines=()) -> list[Unit]:
    """One Unit per sentence, numbered by paragraph (text line), with headings marked."""
    text = doc_text(doc)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    line_of = [bisect_left(breaks, _first_char(text, s.start_char, s.end_char)) for s in sents]
    rank = {line: i + 1 for i, line in enumerate(sorted(set(line_of)))}
    in_quote = bytearray(len(text) + 1)
    for a_, b_ in quotes:
        in_quote[a_:b_] = b"\x01" * (b_ - a_)
    units = []
    for k, sent in enumerate(sents):
        words = [t for t in sent if not t.is_space and not t.is_punct]
        a = text.rfind("\n", 0, sent.start_char + 1) + 1
        b = text.find("\n", sent.start_char)
        raw_line = text[a:b if b >= 0 else len(text)]
        line = raw_line.strip()
        line_words = re.findall(r"[^\W\d_]+", line)
        heading = (0 < len(words) and 0 < len(line_words) <= 12 and line_of[k] not in list_lines
                   and not line.endswith((".", "?", "!", "\u201d", '"', ":", ";", ",")))
        inside = sum(in_quote[t.idx] for t in words)
        quoted = bool(words) and inside >= max(1, len(words) // 2)
        units.append(Unit(k, sent.start, sent.end, rank[line_of[k]], heading, quoted))
    return units


def _colon_speaker(sent: Span, quote_start: int, state: ActorState) -> str | None:
    """'Colin Marsh, a youth worker, put it plainly: "...': the subject of the clause that
    introduces a quotation with a colon."""
    doc = sent.doc
    colon = next((t for t in reversed(doc[sent.start:sent.end]) if t.text == ":" and t.idx < quote_start), None)
    if colon is None or doc_text(doc)[colon.idx + 1:quote_start].strip():
        return None
    for tok in doc[sent.start:colon.i]:
        if tok.dep_ == "nsubj" and state.actor_of(tok):
            return state.actor_of(tok)
        if tok.dep_ == "nsubj":
            key = next((state.actor_of(t) for t in tok.subtree if state.actor_of(t) and t.dep_ in {"compound", "flat"}),
                       None)
            if key:
                return key
    return None


def _spread_quotes(units: list[Unit], sents: list[Span], quotes, state: ActorState | None = None) -> None:
    """Every sentence of a quotation gets the speaker named anywhere in it or right around it."""
    for a, b in quotes:
        members = [u for u in units if sents[u.sent].start_char < b and sents[u.sent].end_char > a]
        if not members or len(doc_text(sents[members[0].sent].doc)[a:b].split()) < 5:
            continue  # a scare quote or a quoted phrase, not a quotation
        speaker = next((u for u in members if u.speaker), None)
        if speaker is None:
            # "She said:" on the line before, or ", she says." in the next sentence of the paragraph
            before = [u for u in units if sents[u.sent].end_char <= a]
            after = [u for u in units if sents[u.sent].start_char >= b]
            if before and before[-1].speaker and sents[before[-1].sent].text.rstrip().endswith(":"):
                speaker = before[-1]
            elif before and before[-1].speaker not in (None, UNNAMED) and before[-1].para == members[0].para \
                    and (before[-1].quoted or before[-1].rule.startswith("speech-verb")):
                speaker = before[-1]  # '"A," said X. "B."': the quotation goes on in X's voice
            elif before and before[-1].para == members[0].para and state is not None:
                # 'Shannon Eccles, 20, is one of our ambassadors. "My adviser stayed with me ..."'
                root = sents[before[-1].sent].root
                who = next((state.actor_of(c) for c in root.children
                            if c.dep_ == "nsubj" and state.actor_of(c)), None)
                if who and state.registry[who].type == PERSON:
                    for u in members:
                        if u.speaker is None:
                            u.speaker, u.cue, u.rule, u.quoted = who, "quote", "quote", True
                    continue
            elif after and after[0].speaker and after[0].para == members[-1].para and \
                    sents[members[0].sent].start_char >= a - 1:
                speaker = after[0]
        if speaker is None and state is not None:
            key = _colon_speaker(sents[members[0].sent], a, state)
            if key is None and sents[members[0].sent].start_char >= a - 1:
                before = [u for u in units if sents[u.sent].end_char <= a]
                if before and sents[before[-1].sent].text.rstrip().endswith(":"):
                    sent = sents[before[-1].sent]
                    key = _colon_speaker(sent, sent.end_char, state)
            if key:
                for u in members:
                    if u.speaker is None:
                        u.speaker, u.cue, u.rule, u.quoted = key, "quote", "quote", True
            continue
        if speaker is None:
            continue
        for u in members:
            if u.speaker is None:
                u.speaker, u.cue, u.rule = speaker.speaker, speaker.cue or "quote", "quote"
                u.quoted = True


def _organisation_author(doc: Doc, sents, units, state: ActorState, exclude=frozenset()) -> str | None:
    """An organisation writing about itself ("our project") outside quotations is the author;
    one reported in the third person ("the government announced") is not."""
    counts: dict[str, int] = {}
    mentions: dict[str, int] = {}  # organisations named outside quotations, as who acts or is described
    we_sentences = 0
    for u in units:
        sent = sents[u.sent]
        if not u.quoted:
            for tok in sent:
                key = state.actor_of(tok)
                if key and state.registry[key].type == ORG and not _addressed(tok, state, possessive=False):
                    mentions[key] = mentions.get(key, 0) + 1
        if u.quoted or (u.speaker and u.speaker != UNNAMED):
            continue  # reported speech ("the minister said we can learn") says nothing of the writer
        if not _FIRST_PERSON_PLURAL.search(sent.text):
            continue
        we_sentences += 1
        for tok in sent:
            key = state.actor_of(tok)
            if key and state.registry[key].type == ORG and key not in exclude and not _addressed(tok, state):
                counts[key] = counts.get(key, 0) + 1
                break
    if not counts and we_sentences >= 2 and mentions:
        # a press release names itself in the third person ('The Trust today sets out ...') and then
        # speaks as 'we': the organisation it names most is the writer
        top = max(sorted(mentions), key=lambda k: mentions[k])
        if mentions[top] >= 2 and list(mentions.values()).count(mentions[top]) == 1:
            return top
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])


def _addressed(tok: Token, state: ActorState | None = None, possessive: bool = True) -> bool:
    """'we are calling on the government', 'we urge ministers', 'the government's plans': someone the
    writer addresses or discusses, not the writer."""
    for _ in range(8):
        key = state.actor_of(tok) if state is not None else None
        while key and tok.head.i != tok.i and state.actor_of(tok.head) == key:
            tok = tok.head  # the head of a several-word name ('Department' of 'Department for Education')
        if tok.dep_ in {"compound", "flat", "det", "amod", "conj"} and tok.head.i != tok.i:
            tok = tok.head  # ('calling on the Department for Education and NHS England': both are addressed)
            continue
        break
    return tok.dep_ == "pobj" and tok.head.lower_ in {"on", "to", "upon"} or \
        tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"urge", "ask", "call", "press", "tell", "implore"} or \
        possessive and tok.dep_ == "poss"  # 'we welcome the government's commitment': not the writer


@Language.factory(
    "argmap_attribution",
    default_config={"taxonomy": None, "cues": None},
    assigns=["doc._.argmap_units"],
    requires=["doc._.argmap_actors", "token.dep"],
)
def make_attributor(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> Attributor:
    return Attributor(load_lexicon(cues))
