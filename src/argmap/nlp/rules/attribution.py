"""Attribution rules: who says each sentence.

A sentence's speaker comes from the first rule of ``SPEAKER`` that answers; the subject of a
speech verb is resolved to an actor by ``SUBJECT``; a quotation's sentences take the speaker
``QUOTE_SPEAKER`` finds; and a sentence nobody else says is the author's in an opinion piece or
an organisation's own statement, unless ``NOT_THE_AUTHORS`` says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon
from argmap.nlp.rules import RuleTable
from argmap.nlp.state import ORG, PERSON, UNNAMED, ActorState
from argmap.nlp.text import agent_objects, doc_text, in_others_as_clause, lemma_tokens, text_of, tokens

NOBODY = ""  # a rule's answer that ends the search with no speaker
# rules that name a speaker explicitly (their speakers are reported, not writing)
EXPLICIT_RULES = ("speech-verb", "subject", "according-to")
#: The rule name of a motion's title given to its movers (set by the motions pass, read by stance).
MOTION_TITLE = "motion-title"

OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"


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

    def record(self) -> dict:
        d = dict(self.__dict__)
        d["co_speakers"] = list(self.co_speakers)
        return d

    @classmethod
    def from_record(cls, d: dict) -> Unit:
        return cls(**{**d, "co_speakers": tuple(d.get("co_speakers") or ())})


@dataclass(frozen=True)
class Said:
    """A speaker found for a sentence: the actor key (or UNNAMED), the cue, the rule, the cue token."""

    speaker: str
    cue: str
    rule: str
    token: int | None = None


def word_regex(words, *, ignore_case: bool = False, capital_i: bool = False) -> re.Pattern[str]:
    """A regex matching any of ``words`` on word boundaries."""
    forms = [("I" + w[1:] if capital_i and (w == "i" or w.startswith("i'")) else w) for w in words]
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + r")\b", flags)


@dataclass
class AttributionContext:
    doc: Doc
    lex: Lexicon
    state: ActorState
    sents: list[Span]
    quotes: list[tuple[int, int]]
    recent: Recency
    owners: dict[str, str] = field(default_factory=dict)  # "vision" -> the actor who announced it
    publishers: dict[str, str] = field(default_factory=dict)  # "strategy" -> who published it, said by nobody
    first_plural: re.Pattern[str] | None = None
    first_singular: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        self.first_plural = word_regex(self.lex.ordered("pronouns.first_person_plural"), ignore_case=True)
        self.first_singular = word_regex(self.lex.ordered("pronouns.first_person_singular"), capital_i=True)
        self._quoted = bytearray(len(doc_text(self.doc)) + 1)  # 1 strictly inside a quotation
        for a, b in self.quotes:
            self._quoted[a + 1:b] = b"\x01" * max(0, b - a - 1)
        self._verbs: dict[int, list[Token]] = {}

    def words(self, name: str) -> frozenset[str]:
        return self.lex[name]

    def first_person(self) -> frozenset[str]:
        """'I', 'we' and their forms: the writer's own voice."""
        return self.lex.union("pronouns.first_person_plural", "pronouns.first_person_singular")

    def inside_quote(self, offset: int) -> bool:
        return 0 <= offset < len(self._quoted) and bool(self._quoted[offset])


# ---------------------------------------------------------------- who says a sentence
SPEAKER = RuleTable("attribution", "speaker", "Who says a sentence (the first rule that answers decides).")


@SPEAKER.rule("according-to", "'according to X' gives the sentence to X (to nobody named when X is no actor).",
              "Caseloads are too high, according to BASW.")
def according_to(ctx: AttributionContext, sent: Span) -> Said | None:
    low = text_of(sent).lower()
    for phrase in ctx.lex.according_to:
        pos = low.find(phrase)
        if pos < 0:
            continue
        after = sent.doc.char_span(sent.start_char + pos + len(phrase), sent.end_char, alignment_mode="expand")
        if after is None or _in_side_clause(sent.doc.char_span(sent.start_char + pos, sent.end_char, alignment_mode="expand")):
            continue
        for tok in after:
            key = ctx.state.actor_of(tok)
            if key:
                return Said(key, phrase, "according-to", tok.i)
            if tok.is_punct and tok.text in ",.;":
                break
        return Said(UNNAMED, phrase, "according-to-unnamed")
    return None


def _in_side_clause(span: Span | None) -> bool:
    """Whether a phrase's first word hangs in a clause set on a noun or a verb ('services where, in the
    view of X, a council has failed'): the view is of that clause only, not the sentence's."""
    return span is not None and any(t.dep_ in {"relcl", "advcl", "acl"} for t in span[0].ancestors)


@SPEAKER.rule("viewpoint", "'For X, ...': the rest of the sentence is X's view.",
              "For Jane Doe, the new teams are the most hopeful development.")
def viewpoint(ctx: AttributionContext, sent: Span) -> Said | None:
    first = next((t for t in tokens(sent) if not t.is_space), None)
    if first is None or first.lower_ not in ctx.words("markers.viewpoint") or first.dep_ != "prep":
        return None
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    key = ctx.state.actor_of(obj) if obj is not None else None
    if key and any(t.text == "," for t in sent[:12]):
        return Said(key, f"{first.lower_} X,", "viewpoint", first.i)
    return None


@SPEAKER.rule("statement-of", "A statement noun owned by an actor ('the verdict of X') gives the sentence to X.",
              "That was the verdict of BASW.")
def statement_of(ctx: AttributionContext, sent: Span) -> Said | None:
    for tok in lemma_tokens(sent, ctx.lex.statement_nouns):
        if ctx.inside_quote(tok.idx) or _handled(ctx, tok):
            continue
        owner = _statement_subject_owner(ctx, tok)
        if owner:
            return Said(owner, tok.lemma_.lower(), "statement-of", tok.i)
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ctx.words("markers.statement_of"):
                continue
            for obj in prep.children:
                key = ctx.state.actor_of(obj) if obj.dep_ == "pobj" else None
                if key:
                    return Said(key, tok.lemma_.lower(), "statement-of", tok.i)
    return None


def _handled(ctx: AttributionContext, tok: Token) -> bool:
    """'Jane Doe discussed the report from X', 'Jane Doe responded to a report by X': a statement
    someone named handles is theirs to discuss; X does not say the sentence."""
    if tok.dep_ == "dobj":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
    else:
        return False
    return any(c.dep_ == "nsubj" and any(ctx.state.actor_of(t) for t in c.subtree) for c in verb.children)


def _statement_subject_owner(ctx: AttributionContext, tok: Token) -> str | None:
    """'The government response was that ...', 'BASW's verdict is clear': the owner of a statement
    noun that is the subject of 'be'."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() != "be":
        return None
    return next((k for c in tok.children if c.dep_ in {"poss", "compound"} and (k := ctx.state.actor_of(c))), None)


def speech_verbs(ctx: AttributionContext, sent: Span) -> list[Token]:
    """Speech verbs outside quotations, main verbs first ('does not feel realistic' and relative
    clauses report no one); worked out once per sentence."""
    if sent.start not in ctx._verbs:
        ctx._verbs[sent.start] = _speech_verbs(ctx, sent)
    return ctx._verbs[sent.start]


def _speech_verbs(ctx: AttributionContext, sent: Span) -> list[Token]:
    verbs = [t for t in lemma_tokens(sent, ctx.lex.speech_verbs) if t.pos_ in {"VERB", "AUX", "NOUN"}
             and not ctx.inside_quote(t.idx) and not any(c.dep_ == "acomp" for c in t.children)
             and (t.dep_ != "relcl" or _pronoun_reporter(ctx, t)) and not in_others_as_clause(t, ctx.state.actor_of)
             and not wished_act(ctx, t) and not free_relative(t) and not asked_of(ctx, t) and not under_writer(ctx, t)
             and not urged_headline(ctx, t)]
    return sorted(verbs, key=lambda t: (t.dep_ != "ROOT", t.i))


def urged_headline(ctx: AttributionContext, verb: Token) -> bool:
    """'Government urged not to ignore the call', 'Councils asked to cut costs': a verb of urging
    with nobody urged after it but an infinitive is a headline's passive; its subject is urged, it
    does not speak."""
    return verb.lemma_.lower() in ctx.words("verbs.urge") and verb.tag_ in {"VBD", "VBN"} and \
        not any(c.dep_ in {"dobj", "ccomp", "prep", "dative"} for c in verb.children) and \
        any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def under_writer(ctx: AttributionContext, verb: Token) -> bool:
    """'We are delighted that the Government has accepted ...': a speech verb in the clause the
    writer ('we', 'I') says how they feel about reports another's act within the writer's sentence."""
    first = ctx.first_person()
    if any(c.dep_ == "nsubj" and c.lower_ in first for c in verb.children):
        return False
    tok = verb
    while tok.head.i != tok.i:
        tok = tok.head
        if any(c.dep_ == "nsubj" and c.lower_ in first for c in tok.children):
            return tok.lemma_.lower() == "be" and any(c.dep_ == "acomp" for c in tok.children)
    return False


def asked_of(ctx: AttributionContext, verb: Token) -> bool:
    """'The government must support councils', 'ministers should back the plan': what someone other
    than the writer is told to do, not what they say ('I must stress that ...' is said)."""
    return any(c.dep_ == "aux" and c.lower_ in ctx.words("markers.recommending") for c in verb.children) and \
        not any(c.dep_ == "nsubj" and c.lower_ in ctx.first_person() for c in verb.children)


def free_relative(verb: Token) -> bool:
    """'homes who can charge what they want': a verb whose object is a wh-word before it names a
    thing ('what they want'), it reports no one."""
    return any(c.dep_ == "dobj" and c.tag_ == "WP" and c.i < verb.i for c in verb.children)


def wished_act(ctx: AttributionContext, verb: Token) -> bool:
    """'time for the Government to follow suit and recognise X': a verb in a 'for X to' clause is
    something wished of X, not X speaking; so is one in what a hope or wish says ('my hope that the
    review would call out X')."""
    head = verb.head if verb.dep_ == "conj" else verb
    if head.dep_ in {"acl", "ccomp"} and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in ctx.words("nouns.hope") and \
            any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children) and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _pronoun_reporter(ctx: AttributionContext, verb: Token) -> bool:
    """'X's strategy, which it said would transform care': a relative clause whose speech verb's
    subject is a pronoun for the sentence's own subject reports it; so do 'Jane Doe, who said' and
    'X published a report which said' (other relative clauses report no one)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WP":  # 'Jane Doe, who said ...'
        return ctx.state.actor_of(verb.head) is not None
    if subject is not None and subject.tag_ == "WDT":  # 'X published a report which said ...'
        return relative_which_work(ctx, subject) is not None
    return subject is not None and subject.lower_ in ctx.words("pronouns.personal") and \
        any(t.tag_ in {"WDT", "WP"} and t.i < subject.i for t in verb.subtree)  # 'which it said would ...'


def speaking_subjects(ctx: AttributionContext, verb: Token) -> list[Token]:
    """A speech verb's subjects; a passive's subject does not speak unless the verb says how it feels,
    or unless its 'auxiliary' is an actor's name the parser misread ('the charity Become praised')."""
    misread = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and ctx.state.actor_of(c)]
    if misread:
        return [*(c for c in subjects(verb, ctx.words("verbs.going_on"))),
                *(s for m in misread for s in m.children if s.dep_ == "nsubj"), *misread]
    return [*(c for c in subjects(verb, ctx.words("verbs.going_on"))
              if c.dep_ != "nsubjpass" or verb.lemma_.lower() in ctx.words("verbs.feeling_passive")),
            *inverted_speaker(verb), *publishers_of_saying_work(ctx, verb)]


def publishers_of_saying_work(ctx: AttributionContext, verb: Token) -> list[Token]:
    """'The review has published its report calling for a reset': a work that a participle has
    saying something speaks for whoever published it (the subjects of the verb of publishing)."""
    work = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or work.lemma_.lower() not in ctx.words("nouns.work") or \
            work.dep_ != "dobj" or work.head.lemma_.lower() not in ctx.words("verbs.publish"):
        return []
    return list(subjects(work.head))


def inverted_speaker(verb: Token) -> list[Token]:
    """'Ministers must act says the Trust' with no comma: the parser takes the name after the verb
    for its object; after what is said (a clause before the verb), with no subject of its own
    ('executives told LGC' tells LGC), it is the one who says it."""
    kids = list(verb.children)
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in kids) or any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids):
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]


@SPEAKER.rule("speech-verb", "The subject of a speech verb, resolved to an actor, says the sentence.",
              "Jane Doe warned that the plan was rushed.")
def speech_verb(ctx: AttributionContext, sent: Span) -> Said | None:
    for verb in speech_verbs(ctx, sent):
        for subj in speaking_subjects(ctx, verb):
            key = resolve_subject(ctx, subj)
            if key:
                rule = "speech-verb" if subj.pos_ != "PRON" else "speech-verb-pronoun"
                return Said(key, verb.lemma_.lower(), rule, verb.i)
    return None


@SPEAKER.rule("made-clear", "'X has been clear that ...', 'X made (it) clear that ...': saying something plainly is "
              "saying it; the subject speaks (not 'it is clear that').",
              "The Carers Union has been clear that the plan is rushed.")
def made_clear(ctx: AttributionContext, sent: Span) -> Said | None:
    for tok in tokens(sent):
        verb = _plainly_said(ctx, tok)
        for subj in subjects(verb) if verb is not None else ():
            key = None if subj.lower_ in ctx.words("pronouns.empty_subjects") else resolve_subject(ctx, subj)
            if key:
                return Said(key, "clear", "speech-verb" if subj.pos_ != "PRON" else "speech-verb-pronoun", verb.i)
    return None


def _plainly_said(ctx: AttributionContext, tok: Token) -> Token | None:
    """The 'be' or 'make' of 'has been clear that', 'made (it) clear that', outside quotations."""
    doc = tok.doc
    if tok.lower_ not in ctx.words("markers.plainly") or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "that" or \
            ctx.inside_quote(tok.idx):
        return None
    verb = tok.head
    return verb if verb.lemma_.lower() in ctx.words("verbs.making_plain") and verb.i < tok.i else None


@SPEAKER.rule("of-the-view", "'X is of the view that ...', 'X remains of the opinion that ...': holding a view said "
              "with its content is saying it; the subject speaks.",
              "The Carers Union is of the view that the plan is rushed.")
def of_the_view(ctx: AttributionContext, sent: Span) -> Said | None:
    views = ctx.words("nouns.view")
    for tok in tokens(sent):
        if tok.lemma_.lower() not in views or tok.dep_ != "pobj" or tok.head.lower_ != "of" or \
                ctx.inside_quote(tok.idx) or not _view_content(tok):
            continue
        verb = tok.head.head
        for subj in subjects(verb) if verb.pos_ in {"AUX", "VERB"} else ():
            key = resolve_subject(ctx, subj)
            if key:
                return Said(key, "view", "speech-verb" if subj.pos_ != "PRON" else "speech-verb-pronoun", verb.i)
    return None


def _view_content(noun: Token) -> bool:
    """Whether a view noun is followed by the 'that' of a clause saying what the view is ('the view that
    the plan is rushed'; the parser may hang the clause on another word)."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark"


@SPEAKER.rule("name-before-verb", "'In an interview Jane Doe said ...': a speech verb left without a subject by the parser, "
              "right after an actor's name it took into an opening phrase: that actor says the sentence.",
              "In an interview Jane Doe said the plan was rushed.")
def name_before_verb(ctx: AttributionContext, sent: Span) -> Said | None:
    for verb in speech_verbs(ctx, sent):
        if verb.i == sent.start or verb.tag_ not in {"VBD", "VBZ", "VBP"} or subjects(verb):
            continue
        for at in (_before_aside(verb.doc, verb.i - 1, sent.start), _before_role(ctx, verb.i - 1, sent.start)):
            name = verb.doc[at]
            key = ctx.state.actor_of(name) if at >= sent.start else None
            if key and name.pos_ == "PROPN" and name.dep_ in {"pobj", "compound", "npadvmod", "appos", "conj"} and \
                    name.head.i < verb.i and (at == verb.i - 1 or ctx.state.is_person(key)):
                return Said(key, verb.lemma_.lower(), "speech-verb", verb.i)
    return None


def _before_role(ctx: AttributionContext, i: int, start: int) -> int:
    """The token before a role set off by commas that ends at ``i`` ('Jane Doe, chief executive of
    the Trust, said': the name's last word), else -1."""
    doc, roles = ctx.doc, ctx.lex.role_words
    small = ctx.lex.union("markers.name_small_words", "markers.name_article")
    if doc[i].text != ",":
        return -1
    j = i - 1
    while j > start and doc[j].text != "," and (doc[j].is_title or doc[j].lower_ in small or doc[j].lower_ in roles
                                                  or ctx.state.actor_of(doc[j])):
        j -= 1
    if doc[j].text != "," or not any(t.lower_ in roles for t in doc[j + 1:i]):
        return -1
    return j - 1


def _before_aside(doc, i: int, start: int) -> int:
    """The token before a short bracketed aside that ends at ``i`` ('Jane Doe (pictured) said'), else ``i``."""
    if doc[i].text != ")":
        return i
    j = i - 1
    while j > max(start, i - 5) and doc[j].text != "(":
        j -= 1
    return j - 1 if doc[j].text == "(" and j > start else i


@SPEAKER.rule("evaluative-subject", "An actor as subject of a main verb that itself takes a stance speaks (not of a "
              "verb of hardship: 'the Government has failed to ...' judges the Government).",
              "BASW is concerned about the plan.")
def evaluative_subject(ctx: AttributionContext, sent: Span) -> Said | None:
    root = sent.root
    if ctx.inside_quote(root.idx) or not _evaluative(ctx, root):
        return None
    for subj in subjects(root):
        if subj.lower_ in ctx.words("pronouns.empty_subjects"):
            continue  # "It remains unclear how ...": no speaker in an expletive subject
        if subj.dep_ == "nsubjpass" and root.lemma_.lower() in ctx.words("verbs.reception"):
            continue  # 'the government has been criticised': what is judged, not who judges
        key = resolve_subject(ctx, subj)
        if key:
            return Said(key, root.lemma_.lower(), "subject", root.i)
    return None


@SPEAKER.rule("verdict-agent", "'The plan was backed by X', 'hailed by X': the agent of a passive verdict speaks.",
              "The new duty was welcomed by the Carers Union.")
def verdict_agent(ctx: AttributionContext, sent: Span) -> Said | None:
    return _passive_agent(ctx, sent, ctx.words("verbs.reception"), "verdict-agent", lambda tok: True)


def _passive_agent(ctx: AttributionContext, sent: Span, verbs: frozenset[str], rule: str, fits) -> Said | None:
    """The actor a passive participle of one of ``verbs`` (outside quotations, and ``fits``) names
    as its agent ('... by X')."""
    for tok in tokens(sent):
        if tok.tag_ != "VBN" or tok.lemma_.lower() not in verbs or ctx.inside_quote(tok.idx) or not fits(tok):
            continue
        key = next((k for o in agent_objects(tok) if (k := ctx.state.actor_of(o))), None)
        if key:
            return Said(key, tok.lemma_.lower(), rule, tok.i)
    return None


@SPEAKER.rule("naming-agent", "'It was called a whitewash by X', 'described as bold by X': the agent of a passive "
              "verb of naming, with what it names the thing as, speaks.",
              "The new duty was called a disgrace by the Carers Union.")
def naming_agent(ctx: AttributionContext, sent: Span) -> Said | None:
    return _passive_agent(ctx, sent, ctx.words("verbs.naming"), "naming-agent", lambda tok: any(
        c.dep_ in {"oprd", "attr"} or c.dep_ == "prep" and c.lower_ == "as" for c in tok.children))


@SPEAKER.rule("publishes-own", "'The department published its strategy': an actor putting out its own plan "
              "or document speaks the sentence.", "The department has published its strategy for reform.")
def publishes_own(ctx: AttributionContext, sent: Span) -> Said | None:
    root = sent.root
    if root.lemma_.lower() not in ctx.words("verbs.publish") or root.pos_ != "VERB" or ctx.inside_quote(root.idx):
        return None
    works = ctx.lex.union("nouns.document", "nouns.ownable")
    own = ctx.words("pronouns.possessive")
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in works and  # 'its' may hang on a word before the noun
               any(p.dep_ == "poss" and p.lower_ in own for p in c.subtree if p.i < c.i) for c in root.children):
        return None
    for subj in (c for c in root.children if c.dep_ == "nsubj"):
        key = resolve_subject(ctx, subj)
        if key:
            return Said(key, root.lemma_.lower(), "publishes-own", root.i)
    return None


@SPEAKER.rule("unnamed-speaker", "A speech verb whose subject is a noun naming no actor: someone unnamed speaks "
              "(unless the writer speaks too: 'parents told me, which is why I called for ...'; not in an aside "
              "'as my friend pointed out').",
              "Critics warned that the plan was rushed.")
def unnamed_speaker(ctx: AttributionContext, sent: Span) -> Said | None:
    verbs = speech_verbs(ctx, sent)
    if _writer_speaks(ctx, verbs):
        return None  # the writer's own 'I have called for' outweighs what others told them
    for verb in verbs:
        if any(c.dep_ == "mark" and c.lower_ in ctx.words("markers.aside") for c in verb.children):
            continue  # 'as my noble friend has pointed out, ...': an aside, not who speaks
        subj = _unnamed_candidate(ctx, verb)
        if subj is not None and _unnamed_subject(ctx, subj, verb):
            return Said(UNNAMED, verb.lemma_.lower(), "unnamed-speaker", verb.i)
    return None


def _writer_speaks(ctx: AttributionContext, verbs: list[Token]) -> bool:
    """Whether one of the speech verbs has 'I' or 'we' as its subject."""
    mine = ctx.first_person()
    return any(c.dep_ == "nsubj" and c.lower_ in mine for verb in verbs for c in verb.children)


def _unnamed_candidate(ctx: AttributionContext, verb: Token) -> Token | None:
    """The speech verb's subject; for a main verb in the passive ('reforms are proposed'), the
    passive subject (someone unnamed proposes; 'X, whilst welcomed, ...' is the writer's)."""
    found = speaking_subjects(ctx, verb)
    if found:
        return found[0]
    if verb.dep_ == "ROOT" and not any(c.lower_ in ctx.words("markers.concessive") for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
    return None


def _unnamed_subject(ctx: AttributionContext, subj: Token, verb: Token) -> bool:
    if subj.pos_ not in {"NOUN", "PROPN"} or subj.lower_ in ctx.lex.statement_nouns:
        return False
    if subj.lemma_.lower() in ctx.words("nouns.document") and not any(c.dep_ == "ccomp" for c in verb.children):
        return False  # 'the bill says nothing': the writer's view
    return "ROOT" in (verb.dep_, verb.head.dep_)


def _evaluative(ctx: AttributionContext, root: Token) -> bool:
    """A main verb that itself takes a stance, or 'be'/'remain' with a stance complement, or a verb
    whose subject does what a stance verb after 'to' says ('intends to introduce', 'moved to scrap')."""
    stance_words = ctx.lex.union("stance.support.lemmas", "stance.object.lemmas")
    if root.lemma_.lower() in ctx.words("stance.object.hardship"):
        return False  # 'the Government has failed to ...', 'councils struggle to ...': what befalls the subject
    if root.lemma_.lower() in stance_words or root.lower_ in stance_words:
        return True  # a form listed where the lemmatizer errs ('trialling' to 'trialle')
    if root.lemma_.lower() in ctx.words("verbs.vote") and any(
            c.dep_ == "prep" and c.lower_ in ctx.words("verbs.vote_sides") for c in root.children):
        return True  # 'voted for the Bill', 'voted against it': a vote is a stance
    return any(c.dep_ in {"acomp", "attr", "dobj", "oprd"} and
               (c.lemma_.lower() in stance_words or c.lower_ in stance_words) or
               c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in stance_words for c in root.children)


def co_speakers(ctx: AttributionContext, said: Said) -> tuple[str, ...]:
    """Other actors conjoined with the speaker as subjects ('Both X and Y argued'), or listed as
    members of the subject's group ('opponents, including X and a coalition including Y, said')."""
    if said.token is None or said.speaker == UNNAMED:
        return ()
    out: list[str] = []
    for subj in subjects(ctx.doc[said.token], ctx.words("verbs.going_on")):
        for t in subj.subtree:
            key = ctx.state.actor_of(t) if t.dep_ == "conj" and direct(t, subj) or listed_member(ctx, t) else None
            if key and key != said.speaker and key not in out:
                out.append(key)
    return tuple(out)


def listed_member(ctx: AttributionContext, tok: Token) -> bool:
    """Whether a word is named as a member of a group ('including X', 'such as X', 'like X and Y'):
    the object of a member preposition, or a word joined to one."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ctx.words("markers.group_members"):
        return False
    return prep.lower_ != "as" or any(c.lower_ == "such" for c in prep.children) or \
        prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


# ---------------------------------------------------------------- who a subject stands for
SUBJECT = RuleTable("attribution", "subject",
                    "Which actor a speech verb's subject stands for (the first rule that answers decides).")


def resolve_subject(ctx: AttributionContext, subj: Token) -> str | None:
    key = SUBJECT.first(ctx, subj)
    return key or None


@SUBJECT.rule("role-holder", "'The X President, Jane Doe, said': the person in apposition to a role in the subject "
              "phrase speaks, not the organisation.", "The Association of Directors President, Jane Doe, said it was late.")
def role_holder(ctx: AttributionContext, subj: Token) -> str | None:
    for t in subj.subtree:
        key = ctx.state.actor_of(t)
        if key and t.dep_ == "appos" and ctx.state.is_person(key) and t.head.lemma_.lower() in ctx.lex.role_words:
            return key
    return None


@SUBJECT.rule("role-title", "'The President of X said': the one person the document names as X's president speaks.",
              "Jane Doe is president of the Carers Union. The President of the Carers Union said it was late.")
def role_title(ctx: AttributionContext, subj: Token) -> str | None:
    role = subj.lemma_.lower()
    if role not in ctx.lex.role_words or subj.pos_ != "NOUN" and subj.pos_ != "PROPN":
        return None
    orgs = {k for t in subj.subtree if (k := ctx.state.actor_of(t)) and ctx.state.is_org(k)}
    if len(orgs) != 1:
        return None
    return _holder_of(ctx, role, next(iter(orgs)))


@SUBJECT.rule("role-after-name", "'the Carers Union (CU) president has said', parsed with the organisation as the "
              "subject: the one person the document names in the role written right after the name speaks.",
              "Jane Doe is president of the Carers Union. The Carers Union (CU) president has said it was late.")
def role_after_name(ctx: AttributionContext, subj: Token) -> str | None:
    key = _organisation(ctx, subj)
    if key is None:
        return None
    doc, i = subj.doc, subj.i
    while i + 1 < len(doc) and (ctx.state.actor_of(doc[i + 1]) == key or doc[i + 1].dep_ in {"prep", "pobj", "case"}
                                and doc[i + 1].pos_ != "NOUN" or doc[i + 1].is_punct and doc[i + 1].text in "()"):
        i += 1  # over the rest of the name and an acronym in brackets
    role = doc[i + 1] if i + 1 < len(doc) else None
    if role is None or role.lemma_.lower() not in ctx.lex.role_words or role.pos_ not in {"NOUN", "PROPN"}:
        return None
    return _holder_of(ctx, role.lemma_.lower(), key) or _holder_named_at(ctx, role.lemma_.lower(), key)


def _organisation(ctx: AttributionContext, tok: Token) -> str | None:
    """The organisation a word names, if it names one."""
    key = ctx.state.actor_of(tok)
    return key if key and ctx.state.is_org(key) else None


def _holder_named_at(ctx: AttributionContext, role: str, org: str) -> str | None:
    """The one person whose role phrase names the organisation ('ADCS president Jane Doe')."""
    info = ctx.state.registry.get(org)
    names = {n.lower() for n in ({info.name, *info.aliases} if info is not None else ())}
    holders = [k for k, p in ctx.state.registry.items()
               if p.type == PERSON and p.role and role in (low := p.role.lower()).split()
               and any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", low) for n in names)]
    return holders[0] if len(holders) == 1 else None


@SUBJECT.rule("member-of", "'Jane Doe of the Trust said': the person named before 'of' and the organisation "
              "speaks, even when the parse makes the organisation the subject.",
              "Jane Doe of Rights4Kids said the plan was rushed.")
def member_of(ctx: AttributionContext, subj: Token) -> str | None:
    key = _organisation(ctx, subj)
    if key is None:
        return None
    doc, i = subj.doc, subj.i
    while i > 0 and ctx.state.actor_of(doc[i - 1]) == key:
        i -= 1
    if i > 0 and doc[i - 1].lower_ in ctx.words("markers.name_edges"):
        i -= 1  # 'of the Trust'
    if i < 2 or doc[i - 1].lower_ not in ctx.words("markers.member_of"):
        return None
    person = ctx.state.actor_of(doc[i - 2])
    return person if person and ctx.state.is_person(person) else None


@SUBJECT.rule("relative-who", "'Jane Doe, who said ...': the relative pronoun stands for the actor it follows.",
              "The plan was backed by Jane Doe, who said it was overdue.")
def relative_who(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.tag_ != "WP" or subj.head.dep_ != "relcl":
        return None
    return ctx.state.actor_of(subj.head.head)


@SUBJECT.rule("relative-which-work", "'X published a report which said ...', '... its report on 25 May, which "
              "concludes': the relative pronoun stands for the work, which speaks for whoever published it.",
              "The Trust published a report which said the plan was rushed.")
def relative_which_work(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.tag_ != "WDT" or subj.head.dep_ != "relcl":
        return None
    work = _published_before(ctx, subj.head.head)
    if work is None or work.lemma_.lower() not in ctx.words("nouns.work") or work.dep_ != "dobj" or \
            work.head.lemma_.lower() not in ctx.words("verbs.publish"):
        return None
    return next((k for s in subjects(work.head) if (k := ctx.state.actor_of(s))), None)


def _published_before(ctx: AttributionContext, head: Token) -> Token | None:
    """What a relative clause describes: its head, or, when that is a date ('published its report on
    25 May, which concludes ...'), the object of the verb the date belongs to."""
    if head.ent_type_ != "DATE":
        return head
    verb = next((t for t in head.ancestors if t.pos_ == "VERB"), None)
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None


@SUBJECT.rule("work-output", "'the review's initial report calls for': what a work puts out speaks as the work "
              "that owns it does.", "Review chair Jane Doe spoke today. The Hearth Review's report calls for a duty.")
def work_output(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.pos_ != "NOUN" or subj.lemma_.lower() not in ctx.words("nouns.work_output"):
        return None
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON" or owner.lemma_.lower() in ctx.words("nouns.work_output"):
        return None  # 'its report': the pronoun's rules, not this one
    return SUBJECT.first(ctx, owner)


@SUBJECT.rule("work-led", "'the review recommends': a review that speaks for its panel speaks for the person the "
              "document names as leading it, when there is one.",
              "Review chair Jane Doe opened the hearing. The Hearth Review recommends a duty.")
def work_led(ctx: AttributionContext, subj: Token) -> str | None:
    key = ctx.state.actor_of(subj)
    if not ctx.state.speaks_through_work(key):
        return None
    nouns = {t.lower_ for t in subj.subtree if ctx.state.actor_of(t) == key} & ctx.words("nouns.work")
    return led_by(ctx, subj) or next((k for noun in sorted(nouns) if (k := leader_of(ctx, noun))), None)


@SUBJECT.rule("mention", "The subject is an actor mention.", "BASW said the plan was rushed.")
def subject_mention(ctx: AttributionContext, subj: Token) -> str | None:
    return ctx.state.actor_of(subj)


@SUBJECT.rule("group-member", "'campaigners such as X': the one named speaks for the group.",
              "Campaigners such as Jane Doe believed the plan was rushed.")
def group_member(ctx: AttributionContext, subj: Token) -> str | None:
    doc = subj.doc
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ not in ctx.words("markers.group_members"):
            continue
        if prep.lower_ == "as" and not (any(c.lower_ == "such" for c in prep.children)
                                        or subj.i + 1 < len(doc) and doc[subj.i + 1].lower_ == "such"):
            continue
        named = [ctx.state.actor_of(c) for c in prep.children if c.dep_ == "pobj" and ctx.state.actor_of(c)]
        if len(named) == 1:
            return named[0]
    return None


@SUBJECT.rule("spokesperson", "'a spokesperson for X said', 'an X spokesperson said': X; 'a spokesperson added': the "
              "organisation just speaking; 'says the spokesperson for children on the council, Jo Bell': the person "
              "named at the end.",
              "BASW welcomed the plan. A spokesperson added that funding was short.")
def spokesperson(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.lemma_.lower() not in ctx.words("nouns.spokesperson"):
        return None
    if tail := _person_ending(ctx, subj) or _organisation_before(ctx, subj):
        return tail
    preps = [p for p in subj.children if p.dep_ == "prep" and p.lower_ in ctx.words("markers.spoken_for")]
    if preps:  # 'a spokesperson for the department said': that organisation, if it is an actor
        return next((ctx.state.actor_of(o) for p in preps for o in p.children
                     if o.dep_ == "pobj" and ctx.state.actor_of(o)), None) or NOBODY
    return ctx.recent.organisation() if not any(ctx.state.actor_of(t) for t in subj.subtree) else None


def _organisation_before(ctx: AttributionContext, subj: Token) -> str | None:
    """'a Department for Education spokesperson', 'the council's spokesperson': the organisation
    named before the noun."""
    return next((k for c in subj.children if c.dep_ in {"compound", "nmod", "poss"}
                 and (k := ctx.state.actor_of(c)) and ctx.state.is_org(k)), None)


@SUBJECT.rule("epithet", "'The Irishman said': an epithet is the person just spoken of.",
              "Jane Doe spoke at the launch. The Irishman said the plan was weak.")
def epithet_subject(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.lower_ not in ctx.words("actors.epithets") or not _determined(ctx, subj):
        return None
    return ctx.recent.person() or NOBODY


@SUBJECT.rule("role-noun", "'says the professor' is the one person given that role, else the person just spoken of; "
              "'directors told us' nobody named.",
              "Jane Doe has studied care for years. The professor says the plan is rushed.")
def role_noun(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.lemma_.lower() not in ctx.lex.role_words or subj.pos_ != "NOUN" or subj.tag_ == "NNS":
        return None
    tail = _person_ending(ctx, subj)
    if tail:
        return tail  # "chief executive of the Bureau Anna Feutchwang": the name ends the phrase
    if any(ctx.state.is_person(ctx.state.actor_of(t)) and direct(t, subj) for t in subj.subtree):
        return None
    if not _determined(ctx, subj):
        return NOBODY
    return _holder_of(ctx, subj.lemma_.lower()) or ctx.recent.person() or NOBODY


@SUBJECT.rule("role-phrase", "'The Hartwell and Dunmore South MP said': a subject phrase opened by 'the', ended by "
              "a role word and naming no actor is that role's one holder, else the person just spoken of.",
              "Jane Doe has backed the plan. The Hartwell and Dunmore South MP said it would help.")
def role_phrase(ctx: AttributionContext, subj: Token) -> str | None:
    phrase = _phrase_words(subj)
    if len(phrase) < 3 or phrase[0].lower_ not in ctx.words("markers.definite") or phrase[0].dep_ != "det" or \
            phrase[-1].lower_ not in ctx.lex.role_words or subj.lemma_.lower() in ctx.lex.role_words or \
            any(ctx.state.actor_of(t) or t.lower_ in ctx.words("actors.org_words") for t in phrase):
        return None  # 'the Kent County Council leader': someone at a body, not the person just named
    return _holder_of(ctx, phrase[-1].lower_) or ctx.recent.person() or NOBODY


def _person_ending(ctx: AttributionContext, subj: Token) -> str | None:
    """The person whose name ends a subject phrase, if any."""
    phrase = _phrase_words(subj)
    tail = ctx.state.actor_of(phrase[-1]) if phrase else None
    return tail if tail and ctx.state.is_person(tail) else None


def _phrase_words(subj: Token) -> list[Token]:
    """The words of the phrase a subject heads (punctuation and spaces aside)."""
    return [t for t in subj.subtree if not t.is_punct and not t.is_space]


def _holder_of(ctx: AttributionContext, role: str, org: str | None = None) -> str | None:
    """The one person the document gives this role ('Children's minister Jane Doe' for 'the
    minister'), at ``org`` when one is given, else None."""
    holders = [k for k, info in ctx.state.registry.items()
               if info.type == PERSON and info.role and role in info.role.lower().split()
               and (org is None or info.affiliation == org)]
    return holders[0] if len(holders) == 1 else None


def _determined(ctx: AttributionContext, tok: Token) -> bool:
    """'the professor', 'its chair', 'the Department for Education minister': a noun with a definite
    or possessive determiner, its own or opening its phrase."""
    dets = ctx.lex.union("markers.definite", "pronouns.possessive")
    return any(c.dep_ in {"det", "poss"} and c.lower_ in dets for c in tok.children) or \
        (tok.left_edge.i < tok.i and tok.left_edge.lower_ in dets and tok.left_edge.dep_ in {"det", "poss"})


@SUBJECT.rule("earlier-title", "'as my noble friend said': the person named earlier right after the same words "
              "('my noble friend Lady Doe').",
              "I speak to the amendment of my noble friend Lady Doe. As my noble friend said, it is needed.")
def earlier_title(ctx: AttributionContext, subj: Token) -> str | None:
    own = ctx.lex.union("pronouns.first_person_plural", "pronouns.first_person_singular")
    if subj.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ in own for c in subj.children):
        return None
    words = [t.lower_ for t in subj.subtree if t.i <= subj.i]
    doc, n = subj.doc, len(words)
    for t in reversed(doc[n: subj.left_edge.i]):
        key = ctx.state.actor_of(t)
        if key and ctx.state.is_person(key) and ctx.state.actor_of(doc[t.i - 1]) != key and \
                [w.lower_ for w in doc[t.i - n: t.i]] == words:
            return key
    return None


@SUBJECT.rule("named-in-phrase", "A person named in the subject phrase wins over an organisation in it.",
              "Her colleague, Jane Doe, adds that the plan is rushed.")
def named_in_phrase(ctx: AttributionContext, subj: Token) -> str | None:
    agent = ctx.words("markers.agent")
    found = [ctx.state.actor_of(t) for t in subj.subtree
             if ctx.state.actor_of(t) and (t.dep_ in {"compound", "appos", "conj", "flat", "nsubj"} and direct(t, subj)
                                           or t.dep_ == "pobj" and t.head.head == subj and t.head.lower_ in agent)]
    persons = [k for k in found if ctx.state.is_person(k)]
    if persons:
        return persons[0]
    return found[0] if found and subj.dep_ != "nsubjpass" else None


@SUBJECT.rule("published-by", "'a paper published by X states', 'the report, produced by X, says': X, named as the one "
              "who put it out.",
              "A paper published by the Carers Union states that help is late.")
def published_by(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.pos_ != "NOUN" or subj.lemma_.lower() not in ctx.lex.union("nouns.work", "attribution.statement_nouns"):
        return None
    return next(_agents(ctx, subj, ctx.words("verbs.publish")), None)


@SUBJECT.rule("work-leader", "'the review states': the person who leads the review, or who published it.",
              "Review chair Jane Doe published the report. The review states that help is needed.")
def work_leader(ctx: AttributionContext, subj: Token) -> str | None:
    low = subj.lower_
    if subj.pos_ != "NOUN" or low not in ctx.words("nouns.work") or not _definite(ctx, subj):
        return None
    return led_by(ctx, subj) or leader_of(ctx, low) or ctx.owners.get(low) or ctx.publishers.get(low)


def led_by(ctx: AttributionContext, work: Token) -> str | None:
    """'the review, led by Jane Doe', 'the commission, chaired by ...': the person named as its leader."""
    return next((k for k in _agents(ctx, work, ctx.words("nouns.lead")) if ctx.state.is_person(k)), None)


def _agents(ctx: AttributionContext, work: Token, verbs: frozenset[str]) -> Iterator[str]:
    """For each participle of ``verbs`` describing a work ('the review, led by X', 'a paper published
    by X'), the first actor its 'by' phrase names."""
    for verb in work.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in verbs:
            key = next((k for o in agent_objects(verb) if (k := ctx.state.actor_of(o))), None)
            if key:
                yield key


@SUBJECT.rule("organisation-noun", "'the union', 'the charity', 'the Committee': an organisation named just before.",
              "The Carers Union welcomed the plan. The union said it was overdue.")
def organisation_noun(ctx: AttributionContext, subj: Token) -> str | None:
    capitalised = subj.pos_ == "PROPN" and subj.lower_ in ctx.words("actors.org_words")  # 'the Committee'
    if (subj.pos_ == "NOUN" or capitalised) and subj.tag_ not in {"NNS", "NNPS"} and _definite(ctx, subj):
        return ctx.recent.organisation_named(subj.lemma_.lower())
    return None


@SUBJECT.rule("personal-pronoun", "'he'/'she' is the person just speaking or named; 'it'/'they' the organisation "
              "that is subject earlier in the sentence, else the one just speaking.",
              "Jane Doe chairs the forum. She said the plan was rushed.")
def personal_pronoun(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.pos_ != "PRON":
        return None
    low = subj.lower_
    if low in ctx.lex.union("pronouns.male", "pronouns.female"):
        return _person_pronoun(ctx, subj, low)
    if low in {"it", "they"}:
        return _organisation_pronoun(ctx, subj, low)
    return NOBODY


def _person_pronoun(ctx: AttributionContext, subj: Token, low: str) -> str:
    """'he'/'she': a person named in full earlier in the sentence, else the one just speaking or named."""
    outside = not ctx.inside_quote(subj.idx)  # '"Josh was the founder," she added': not Josh
    earlier = [ctx.state.actor_of(t) for t in subj.sent if t.i < subj.i and ctx.state.actor_of(t)
               and not (outside and ctx.inside_quote(t.idx))
               and t.dep_ in {"nsubj", "dobj", "pobj"} and ctx.state.is_person(ctx.state.actor_of(t))
               and len(ctx.state.registry[ctx.state.actor_of(t)].name.split()) >= 2]  # a full name
    if earlier and ctx.recent.fits(earlier[-1], low):
        return earlier[-1]
    return ctx.recent.person(low) or NOBODY


def _organisation_pronoun(ctx: AttributionContext, subj: Token, low: str) -> str:
    """'it'/'they': an organisation that is subject earlier in the sentence ('The government will set
    out a law so it can ...'), else the organisation just speaking."""
    earlier = [k for t in subj.sent if t.i < subj.i and t.dep_ == "nsubj" and (k := ctx.state.actor_of(t))
               and ctx.state.is_org(k)]
    if earlier:
        return earlier[-1]
    if _reported_saying(ctx, subj, low):
        return None  # 'Both councils have said they want ...': the councils, whom no actor names
    if subj.i == subj.sent.start and _thing_before(ctx, subj, low):
        return None  # 'These powers were rushed. They threaten ...': the powers, not an organisation
    if low == "they" and _people_before(ctx, subj):
        return None  # 'We thank kinship carers. By opening their homes, they transform lives.': the carers
    return ctx.recent.organisation(allow_person=low == "they") or NOBODY


def _reported_saying(ctx: AttributionContext, subj: Token, low: str) -> bool:
    """Whether 'it'/'they' opens what a noun subject of a speech verb says ('Both councils have said
    they want ...'): the pronoun stands for that subject, of the pronoun's number."""
    clause = subj.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in ctx.lex.speech_verbs:
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and (c.tag_ == "NNS") == (low == "they")
               for c in verb.children)


def _people_before(ctx: AttributionContext, subj: Token) -> bool:
    """Whether the sentence before the one 'they' stands in names people in the plural ('kinship
    carers', 'families') and no organisation: they are whom 'they' stands for."""
    start = subj.sent.start
    while start > 0 and subj.doc[start - 1].is_space:
        start -= 1
    if start == 0:
        return False
    before = subj.doc[start - 1].sent
    people = ctx.words("nouns.beneficiary")
    return any(t.tag_ == "NNS" and t.lemma_.lower() in people and not ctx.state.actor_of(t) for t in before) and \
        not any((k := ctx.state.actor_of(t)) and ctx.state.is_org(k) for t in before)


def _thing_before(ctx: AttributionContext, subj: Token, low: str) -> bool:
    """Whether the sentence before one opening with 'it'/'they' has for subject a common noun of the
    pronoun's number that names no actor ('These powers have been drafted ...' before 'They'), nor
    a statement, work or plan that speaks for its owner ('The CHA's evidence calls for X. It urges ...')."""
    start = subj.sent.start
    while start > 0 and subj.doc[start - 1].is_space:
        start -= 1
    if start == 0:
        return False
    root = subj.doc[start - 1].sent.root
    plural = low == "they"
    voices = ctx.lex.union("attribution.statement_nouns", "nouns.work", "nouns.plan")
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN" and (c.tag_ == "NNS") == plural
               and not ctx.state.actor_of(c) and c.lemma_.lower() not in voices and c.lower_ not in voices
               for c in root.children)


@SUBJECT.rule("statement-owner", "'their statement states': the owner of the statement speaks; 'the statement adds': "
              "the owner of the statement named before it.",
              "BASW responded quickly. Their statement states that the plan is rushed.")
def statement_owner(ctx: AttributionContext, subj: Token) -> str | None:
    if subj.lower_ not in ctx.lex.statement_nouns:
        return None
    for child in subj.children:
        if child.dep_ != "poss":
            continue
        key = ctx.state.actor_of(child)
        if key:
            return key
        if child.lower_ in {"their", "its"}:
            return ctx.recent.organisation(allow_person=child.lower_ == "their")
        if child.lower_ in {"his", "her"}:
            return ctx.recent.person(child.lower_)
    if any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return _owned_before(ctx, subj)  # 'BASW's response states ... The response adds: ...'
    return None


def _owned_before(ctx: AttributionContext, noun: Token) -> str | None:
    """The actor that owns the same statement noun last before ``noun`` ('BASW's response')."""
    for tok in reversed(noun.doc[:noun.i]):
        if tok.lower_ == noun.lower_:
            key = ctx.state.possessor(tok)
            if key:
                return key
    return None


def _definite(ctx: AttributionContext, tok: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ in ctx.words("markers.definite") for c in tok.children)


def leader_of(ctx: AttributionContext, noun: str) -> str | None:
    """The one person whose role says they lead a piece of work of this kind ("Review chair")."""
    lead = ctx.words("nouns.lead")
    found = [key for key, info in ctx.state.registry.items() if info.type == PERSON and info.role
             and noun in info.role.lower() and any(w in info.role.lower() for w in lead)]
    return found[0] if len(found) == 1 else None


def direct(tok: Token, subj: Token) -> bool:
    """Whether ``tok`` belongs to the subject phrase itself, not to a prepositional phrase or a
    relative clause or a clause of what a noun holds inside it ('the coalition, whose members include
    X', 'the recommendation that X sets out a plan')."""
    while tok.i != subj.i and tok.head.i != tok.i:
        if tok.dep_ in {"pobj", "prep", "relcl", "acl"}:
            return False
        tok = tok.head
    return True


def subjects(verb: Token, going_on: frozenset[str] = frozenset()) -> list[Token]:
    """The subjects of a verb; for '..., warning that' / 'adding that', those of the governing verb
    (not for a past participle with a conjunction: 'X invests, as recommended by Y' is no act of
    X's); for 'went on to say', 'continued to argue', those of the verb of going on."""
    found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not found and verb.head.i != verb.i and (verb.dep_ in {"advcl", "conj"} and not _marked_participle(verb) or
                                               verb.dep_ == "xcomp" and _going_on(verb.head, going_on)):
        found = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return found


def _marked_participle(verb: Token) -> bool:
    """'as recommended by Y', 'if approved', 'once agreed': a past participle opened by a conjunction."""
    return verb.tag_ == "VBN" and any(c.dep_ == "mark" for c in verb.children)


def _going_on(verb: Token, going_on: frozenset[str]) -> bool:
    """'went on', 'continued', 'proceeded': a verb of carrying on (a phrasal verb with its particle)."""
    low = verb.lemma_.lower()
    return low in going_on or any(c.dep_ == "prt" and f"{low} {c.lower_}" in going_on for c in verb.children)


# ---------------------------------------------------------------- what an actor owns
OWNERSHIP = RuleTable("attribution", "ownership", "A piece of work a speaker owns (all rules apply).")


@OWNERSHIP.rule("published", "'X announced its vision': X owns the vision.",
                "The government announced its vision for reform.")
def published(ctx: AttributionContext, tok: Token) -> str | None:
    if tok.lemma_.lower() in ctx.lex.union("nouns.work", "nouns.ownable") and tok.dep_ in {"dobj", "nsubjpass"} \
            and tok.head.lemma_.lower() in ctx.words("verbs.publish"):
        return tok.lemma_.lower()
    return None


@OWNERSHIP.rule("says-in-a-report", "'the committee says in a report': the committee owns the report.",
                "The committee says in a report that the plan is rushed.")
def says_in_report(ctx: AttributionContext, tok: Token) -> str | None:
    if tok.lemma_.lower() in ctx.words("nouns.work") and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
            tok.head.head.lemma_.lower() in ctx.words("verbs.report") and \
            any(c.dep_ in {"det", "poss"} and c.lower_ in ctx.words("markers.report_determiners") for c in tok.children):
        return tok.lemma_.lower()
    return None


@OWNERSHIP.rule("own-possessive", "'The government responded on its proposed reforms': an organisation owns what "
                "a possessive pronoun marks as its own.", "The government has responded to feedback on its proposed reforms.")
def own_possessive(ctx: AttributionContext, tok: Token) -> str | None:
    if tok.lemma_.lower() not in ctx.lex.union("nouns.work", "nouns.ownable"):
        return None
    mark = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ctx.words("pronouns.possessive")), None)
    return tok.lemma_.lower() if mark is not None and _organisation_owns(ctx, tok, mark) else None


def _organisation_owns(ctx: AttributionContext, tok: Token, mark: Token) -> bool:
    """Whether a possessive pronoun stands for the organisation named last before it in its sentence
    ('the government responded to feedback on its proposed reforms'); 'the minister answered the
    review and its recommendations' speaks of the review's, and a person's 'his vision' is a view,
    not a publication. In a sentence where someone speaks of themselves as 'we' or 'our', 'its'
    is somebody else."""
    if mark.lower_ in ctx.words("pronouns.personal_possessive") or \
            any(t.lower_ in ctx.first_person() for t in tok.doc[tok.sent.start:tok.sent.end]):
        return False  # 'NYAS is pleased to see our call within its recommendations': 'our' is NYAS, 'its' another
    key = next((k for t in reversed(tok.doc[tok.sent.start:mark.i]) if (k := ctx.state.actor_of(t))), None)
    return bool(key) and not ctx.state.is_person(key)


def owned_works(ctx: AttributionContext, sent: Span) -> Iterator[tuple[str, Token]]:
    """(the work noun, its token) for each work the sentence shows someone owning (``OWNERSHIP``;
    every ownership rule is about a work or ownable noun, so other tokens are not offered)."""
    works = ctx.lex.union("nouns.work", "nouns.ownable")
    for tok in tokens(sent):
        if tok.lemma_.lower() not in works:
            continue
        for noun in OWNERSHIP.collect(ctx, tok)[:1]:
            yield noun, tok


def note_ownership(ctx: AttributionContext, sent: Span, speaker: str) -> None:
    for noun, _ in owned_works(ctx, sent):
        ctx.owners.setdefault(noun, speaker)


def note_publisher(ctx: AttributionContext, sent: Span) -> None:
    """'The department published its strategy', said by nobody named: the publishing verb's
    subject published the work (kept apart from what speakers own); 'the government's plan to
    overhaul care has been welcomed': the named owner of a work put it forward."""
    for noun, tok in owned_works(ctx, sent):
        key = next((k for s in subjects(tok.head) if (k := ctx.state.actor_of(s))), None)
        if key:
            ctx.publishers.setdefault(noun, key)
    note_possessed_works(ctx, sent)


def note_possessed_works(ctx: AttributionContext, sent: Span) -> None:
    """'Jane Doe's landmark review', 'the government's plan', whoever says the sentence: the work
    named with its owner's possessive is that owner's."""
    works = ctx.lex.union("nouns.work", "nouns.ownable")
    for tok in tokens(sent):
        if tok.lemma_.lower() in works and not ctx.inside_quote(tok.idx):
            key = ctx.state.possessor(tok)
            if key:
                ctx.publishers.setdefault(tok.lemma_.lower(), key)


def note_sources(ctx: AttributionContext, sent: Span) -> None:
    """'according to a new report from X', 'a survey by X found': X put the work out, whoever says
    the sentence."""
    works = ctx.words("nouns.work")
    for tok in tokens(sent):
        if tok.lemma_.lower() in works and not ctx.inside_quote(tok.idx):
            key = _from_owner(ctx, tok)
            if key:
                ctx.publishers.setdefault(tok.lemma_.lower(), key)


def _from_owner(ctx: AttributionContext, work: Token) -> str | None:
    """'a new report from X', 'a survey by X': the actor a work noun says it comes from."""
    return next((k for p in work.children if p.dep_ in {"prep", "agent"} and p.lower_ in ctx.words("markers.agent")
                 for o in p.children if o.dep_ == "pobj" and (k := ctx.state.actor_of(o))), None)


# ---------------------------------------------------------------- the speaker of a quotation
@dataclass(frozen=True)
class Quotation:
    """A quotation and the sentences around it."""

    start: int
    end: int
    members: list[Unit]
    before: list[Unit]
    after: list[Unit]


QUOTE_SPEAKER = RuleTable("attribution", "quote-speaker",
                          "Who says a quotation whose sentences name no speaker (the first that answers decides).")


@QUOTE_SPEAKER.rule("named-inside", "A speaker found for any sentence of the quotation says all of it.",
                    "\u201cThe plan is rushed. It has no money behind it,\u201d said Jane Doe.")
def named_inside(ctx: AttributionContext, q: Quotation) -> Said | None:
    u = next((u for u in q.members if u.speaker), None)
    return Said(u.speaker, u.cue or "quote", "quote") if u else None


@QUOTE_SPEAKER.rule("colon-in-sentence", "'X put it plainly: \u201c...': the subject of the clause before the colon.",
                    "Colin Marsh, a youth worker, put it plainly: \u201cThe plan has no money behind it.\u201d")
def colon_in_sentence(ctx: AttributionContext, q: Quotation) -> Said | None:
    key = colon_speaker(ctx, ctx.sents[q.members[0].sent], q.start)
    return Said(key, "quote", "quote") if key else None


@QUOTE_SPEAKER.rule("introduced-by-colon-line", "A line ending with a colon or a comma ('As Jane Doe said,') whose "
                    "speaker is known introduces it.",
                    "Jane Doe said:\n\u201cThe plan is rushed and has no money behind it.\u201d")
def colon_line_speaker(ctx: AttributionContext, q: Quotation) -> Said | None:
    last = q.before[-1] if q.before else None
    if last is not None and last.speaker and text_of(ctx.sents[last.sent]).rstrip().endswith((":", ",")):
        return Said(last.speaker, last.cue or "quote", "quote")  # 'Jane Doe said:' / 'As Jane Doe said,'
    return None


@QUOTE_SPEAKER.rule("continued", "'\u201cA,\u201d said X. \u201cB.\u201d': the quotation goes on in X's voice.",
                    "\u201cIt is rushed,\u201d said Jane Doe. \u201cThere is no money behind the plan at all.\u201d")
def continued(ctx: AttributionContext, q: Quotation) -> Said | None:
    last = q.before[-1] if q.before else None
    if last is not None and last.speaker not in (None, UNNAMED) and last.para == q.members[0].para \
            and (last.quoted or last.rule.startswith("speech-verb")):
        return Said(last.speaker, last.cue or "quote", "quote")
    return None


@QUOTE_SPEAKER.rule("introduced-person", "A person who is the subject of the sentence before, in the paragraph.",
                    "Sam Eccles, 20, is one of our ambassadors. \u201cMy adviser stayed with me all the way.\u201d")
def introduced_person(ctx: AttributionContext, q: Quotation) -> Said | None:
    last = q.before[-1] if q.before else None
    if last is None or last.para != q.members[0].para:
        return None
    root = ctx.sents[last.sent].root
    who = next((ctx.state.actor_of(c) for c in root.children if c.dep_ == "nsubj" and ctx.state.actor_of(c)), None)
    return Said(who, "quote", "quote") if who and ctx.state.is_person(who) else None


@QUOTE_SPEAKER.rule("speaker-after", "', she says.' in the next sentence of the paragraph names the speaker.",
                    "\u201cThe plan is rushed and it has no money.\u201d That is how Jane Doe put it, she says.")
def speaker_after(ctx: AttributionContext, q: Quotation) -> Said | None:
    nxt = q.after[0] if q.after else None
    if q.before and q.before[-1].para == q.members[0].para:
        return None  # the sentence before, in the same paragraph, introduces it (or nobody does)
    if nxt is not None and nxt.speaker and nxt.para == q.members[-1].para and \
            ctx.sents[q.members[0].sent].start_char >= q.start - 1:
        return Said(nxt.speaker, nxt.cue or "quote", "quote")
    return None


@QUOTE_SPEAKER.rule("colon-line-subject", "A quotation opening a line after a line ending with a colon: "
                    "the subject of that line.", "Colin Marsh put it plainly:\n\u201cThe plan has no money behind it.\u201d")
def colon_line_subject(ctx: AttributionContext, q: Quotation) -> Said | None:
    if ctx.sents[q.members[0].sent].start_char < q.start - 1 or not q.before:
        return None
    sent = ctx.sents[q.before[-1].sent]
    if not sent.text.rstrip().endswith(":"):
        return None
    key = colon_speaker(ctx, sent, sent.end_char)
    return Said(key, "quote", "quote") if key else None


@QUOTE_SPEAKER.rule("next-paragraph", "A quotation opening the paragraph after one that ends with someone's "
                    "quoted words goes on in their voice (no one else named in it).",
                    "Jane Doe said: \u201cThe plan is rushed.\u201d\n\u201cThere is no money behind it at all.\u201d")
def next_paragraph(ctx: AttributionContext, q: Quotation) -> Said | None:
    last = q.before[-1] if q.before else None
    first = ctx.sents[q.members[0].sent]
    if last is None or last.speaker in (None, UNNAMED) or not last.quoted or last.para != q.members[0].para - 1:
        return None
    text = doc_text(ctx.doc)
    if text[first.start_char:q.start].strip():
        return None  # the quotation does not open its paragraph
    return Said(last.speaker, last.cue or "quote", "quote")


@QUOTE_SPEAKER.rule("speaker-line", "A paragraph that only names a speaker ('said Jane Doe, chief executive of X.') "
                    "says the quotation in the paragraph before it, and one opening the paragraph after it.",
                    "\u201cThe plan is rushed and has no money behind it.\n\nsaid Jane Doe, chair of the Trust.")
def speaker_line(ctx: AttributionContext, q: Quotation) -> Said | None:
    nxt = q.after[0] if q.after else None
    if nxt is not None and nxt.para == q.members[-1].para + 1 and _names_only_a_speaker(ctx, nxt, q.after[1:]):
        return Said(nxt.speaker, nxt.cue or "quote", "quote")
    last = _paragraph_before(ctx, q)
    if last is not None and _names_only_a_speaker(ctx, last, []) and (len(q.before) < 2 or q.before[-2].para != last.para):
        return Said(last.speaker, last.cue or "quote", "quote")
    return None


def _paragraph_before(ctx: AttributionContext, q: Quotation) -> Unit | None:
    """The last sentence of the paragraph right before a quotation that opens its own paragraph."""
    last = q.before[-1] if q.before else None
    first = ctx.sents[q.members[0].sent]
    if last is None or last.para != q.members[0].para - 1 or first.start_char < q.start - 1:
        return None
    return last


def _speech_line_before(ctx: AttributionContext, q: Quotation) -> Unit | None:
    """The last sentence of the paragraph before a quotation opening its own paragraph, when a speech
    verb gave it a named speaker."""
    last = _paragraph_before(ctx, q)
    if last is None or last.speaker in (None, UNNAMED) or not last.rule.startswith("speech-verb") or last.cue_token is None:
        return None
    return last


@QUOTE_SPEAKER.rule("after-says-line", "A quotation opening the paragraph after one that ends '..., says Jane Doe.' "
                    "(what she says, then her name) goes on in her voice.",
                    "The plan is a start, says Jane Doe, chair of the Trust.\n\u201cBut there is no money behind it.")
def after_says_line(ctx: AttributionContext, q: Quotation) -> Said | None:
    last = _speech_line_before(ctx, q)
    if last is None:
        return None
    verb = ctx.doc[last.cue_token]
    said_first = any(c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i for c in verb.children)
    return Said(last.speaker, last.cue or "quote", "quote") if said_first else None


@QUOTE_SPEAKER.rule("after-announced-speaker", "A quotation opening the paragraph after a one-sentence paragraph in "
                    "which someone speaks without saying what ('Jane Doe responded to the report.') is what they said.",
                    "Jane Doe responded to the report.\n\u201cThe plan is rushed and has no money behind it.\u201d")
def after_announced_speaker(ctx: AttributionContext, q: Quotation) -> Said | None:
    last = _speech_line_before(ctx, q)
    if last is None or last.quoted or any(u.para == last.para for u in q.before[:-1]):
        return None
    verb = ctx.doc[last.cue_token]
    said = any(c.dep_ in {"ccomp", "parataxis", "xcomp", "dobj"} for c in verb.children)
    return None if said else Said(last.speaker, last.cue or "quote", "quote")


def _names_only_a_speaker(ctx: AttributionContext, u: Unit, following: list[Unit]) -> bool:
    """Whether a sentence, alone in its paragraph, only gives a speaker: a speech verb opening it
    ('said Jane Doe, ...') or closing it ('Jane Doe said.')."""
    if u.speaker in (None, UNNAMED) or u.quoted or any(f.para == u.para for f in following):
        return False
    words = [t for t in tokens(ctx.sents[u.sent]) if not t.is_punct and not t.is_space]
    if not words or len(words) > 25:
        return False
    return any(t.lemma_.lower() in ctx.lex.speech_verbs and t.pos_ == "VERB" for t in (words[0], words[-1]))


def colon_speaker(ctx: AttributionContext, sent: Span, quote_start: int) -> str | None:
    """The subject of the clause that introduces a quotation with a colon."""
    doc = sent.doc
    colon = next((t for t in reversed(doc[sent.start:sent.end]) if t.text == ":" and t.idx < quote_start), None)
    if colon is None or doc_text(doc)[colon.idx + 1:quote_start].strip():
        return None
    for tok in doc[sent.start:colon.i]:
        if tok.dep_ != "nsubj":
            continue
        key = ctx.state.actor_of(tok) or next(
            (ctx.state.actor_of(t) for t in tok.subtree if ctx.state.actor_of(t) and t.dep_ in {"compound", "flat"}), None)
        if key:
            return key
    return None


# ---------------------------------------------------------------- sentences that are not the author's
NOT_THE_AUTHORS = RuleTable("attribution", "not-the-authors",
                            "An unattributed sentence of an opinion piece that is not the author's position.")


@NOT_THE_AUTHORS.rule("question", "A question asserts nothing, unless it puts a view as a question.",
                      "Will the review live up to its ambitions?")
def plain_question(ctx: AttributionContext, sent: Span) -> bool:
    if not text_of(sent).rstrip().endswith("?"):
        return False
    first = next((t for t in tokens(sent) if not t.is_punct and not t.is_space), None)
    return first is None or first.lower_ not in ctx.words("markers.suggesting")


@NOT_THE_AUTHORS.rule("research", "A reported finding or statistic is not the writer's position.",
                      "A survey in 2017 found that caseloads had risen.")
def reports_research(ctx: AttributionContext, sent: Span) -> bool:
    root = sent.root
    research = ctx.words("nouns.research")
    finding = root.lemma_.lower() in ctx.words("verbs.finding")
    if any(_research_subject(ctx, subj, finding) for subj in root.children if subj.dep_ in {"nsubj", "nsubjpass"}):
        return True
    # the parser may lose the subject of 'found'; a research noun before it is enough
    return finding and any(t.lemma_.lower() in research for t in sent[:root.i - sent.start])


def _research_subject(ctx: AttributionContext, subj: Token, finding: bool) -> bool:
    """Whether a sentence's subject makes it a finding: research that found something or is not the
    work the writer points at; a piece of work that found something ('Sir Martin Narey's 2016 review
    found ...'); a statistic ('around 75 per cent of young people wait ...'; a date is none)."""
    lemma = subj.lemma_.lower()
    if lemma in ctx.words("nouns.research") and (finding or not _pointed_at(ctx, subj)):
        return True
    if finding and lemma in ctx.words("nouns.work"):
        return True
    return any(t.pos_ == "NUM" and any(ch.isdigit() for ch in t.text) and t.ent_type_ not in {"DATE", "TIME"}
               or t.lower_ in ctx.words("nouns.share") for t in subj.subtree)


def _pointed_at(ctx: AttributionContext, noun: Token) -> bool:
    """'this report': the piece of work the writer is responding to, not a finding it reports."""
    return any(c.dep_ == "det" and c.lower_ in ctx.words("markers.demonstrative") for c in noun.children)


def unheld_view(ctx: AttributionContext, sent: Span) -> bool:
    """'There was a strong feeling that ...': a view held by people the writer does not name."""
    root = sent.root
    return any(c.dep_ == "expl" for c in root.children) and any(
        c.dep_ in {"attr", "nsubj"} and c.lemma_.lower() in ctx.words("nouns.view") for c in root.children)


# ---------------------------------------------------------------- an organisation writing about itself
def addressed(ctx: AttributionContext, tok: Token, *, possessive: bool = True) -> bool:
    """'we are calling on the government', 'we urge ministers', 'the government's plans': someone the
    writer addresses or discusses, not the writer (see ``ADDRESSED``)."""
    head = name_head(ctx, tok)
    return any(rule(ctx, head) for rule in ADDRESSED if possessive or rule.name != "possessive")


def name_head(ctx: AttributionContext, tok: Token) -> Token:
    """The token that links a (several-word, conjoined) name to the rest of its sentence."""
    state = ctx.state
    for _ in range(8):
        key = state.actor_of(tok)
        while key and tok.head.i != tok.i and state.actor_of(tok.head) == key:
            tok = tok.head  # the head of a several-word name
        if tok.dep_ in {"compound", "flat", "det", "amod", "conj"} and tok.head.i != tok.i:
            tok = tok.head  # ('calling on A and B': both are addressed)
            continue
        break
    return tok


ADDRESSED = RuleTable("attribution", "addressed",
                      "An organisation the writer addresses or discusses is not the writer (any rule that holds).")


@ADDRESSED.rule("addressed-preposition", "'calling on X', 'writing to X', 'working with X', 'our response to X'.",
                "We shared our recommendations with the Committee.")
def addressed_preposition(ctx: AttributionContext, tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in ctx.words("markers.addressed")


@ADDRESSED.rule("urged", "'we urge ministers', 'we ask the council': the object of an urging or asking verb.",
                "We urge the council to think again.")
def urged_object(ctx: AttributionContext, tok: Token) -> bool:
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.lex.union("verbs.urge", "verbs.address")


@ADDRESSED.rule("possessive", "'we welcome the government's commitment': the owner of what is discussed.",
                "We welcome the government's commitment to care leavers.")
def possessive_owner(ctx: AttributionContext, tok: Token) -> bool:
    return tok.dep_ == "poss"


@ADDRESSED.rule("judged-by-us", "'we are pleased that the department is ...': the subject of a clause the writer "
                "judges, under a verb whose subject is 'we' or 'I'.",
                "We are pleased that the department is taking a cautious approach.")
def judged_by_us(ctx: AttributionContext, tok: Token) -> bool:
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ not in CLAUSE_LINKS:
        return False
    mine = ctx.first_person()
    verb = tok.head
    while verb.dep_ in CLAUSE_LINKS and verb.head is not verb:
        verb = verb.head
        if any(ch.dep_ == "nsubj" and ch.lower_ in mine for ch in verb.children):
            return True
    return False


@ADDRESSED.rule("pressed-for", "'calling for Ofwat to be made responsible', 'pressing for the council to act': the "
                "subject of what someone presses for.",
                "We are calling for the regulator to be given new powers.")
def pressed_for_subject(ctx: AttributionContext, tok: Token) -> bool:
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    clause = tok.head
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) and \
        clause.head.lemma_.lower() in ctx.lex.union("verbs.urge", "verbs.wish")


def acted_on(ctx: AttributionContext, tok: Token) -> bool:
    """'we push for changes in the House of Lords', 'it plays into the hands of the water companies':
    an organisation a 'we' sentence acts on or places things in is not thereby the writer; one
    beside 'we' ('we at X', 'as X, we', 'championed by X', 'members of X') or called 'our' ('to
    involve our Committee') may be."""
    head = name_head(ctx, tok)
    if any(c.dep_ == "poss" and c.lower_ in ctx.words("pronouns.first_person_plural") for c in head.children):
        return False
    if head.dep_ == "appos" and head.head.i != head.i:
        head = head.head  # 'refers to our inquiry, Strengthening Families': as the inquiry is
    if _yours(ctx, head):
        return True  # 'in your role as minister at X': the addressee's
    return head.dep_ == "dobj" or head.dep_ == "pobj" and head.head.lower_ not in ctx.words("markers.writer_preps")


def _yours(ctx: AttributionContext, tok: Token) -> bool:
    """Whether a phrase the name sits in, up to its clause, belongs to the one addressed ('your role')."""
    yours = ctx.words("pronouns.second_person")
    for _ in range(6):
        if any(c.dep_ == "poss" and c.lower_ in yours for c in tok.children):
            return True
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: Links from a clause up to the clause it hangs on ('we believe [that X needs]', 'are pleased [that X is]').
CLAUSE_LINKS = frozenset({"ccomp", "acomp", "conj", "xcomp", "advcl"})


@ADDRESSED.rule("membership", "'As a member of X, I ...': a body the writer belongs to is not the writer.",
                "As a member of the Implementation Board, I am glad to see the plan.")
def membership(ctx: AttributionContext, tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ctx.words("nouns.membership")


# ---------------------------------------------------------------- who was speaking lately
class Recency:
    """Who was last speaking or mentioned, for pronoun resolution."""

    def __init__(self, state: ActorState, lex: Lexicon):
        self.state = state
        self.male = lex["pronouns.male"]
        self.female = lex["pronouns.female"]
        self.generic_org = lex["nouns.organisation"]
        self.speakers: list[tuple[int, str]] = []
        self.persons: list[str] = []
        self.person_at: list[tuple[int, int, str]] = []  # (sentence number, -order, person)
        self.gender: dict[str, str] = {}  # person -> "m" / "f", from pronouns already resolved to them
        self.orgs: list[tuple[int, str]] = []
        self.n = 0

    def _sex(self, pronoun: str | None) -> str | None:
        return "m" if pronoun in self.male else "f" if pronoun in self.female else None

    def observe(self, sent: Span, speaker: str | None) -> None:
        self.n += 1
        seen: list[str] = []
        for tok in tokens(sent):
            key = self.state.actor_of(tok)
            if key and (not seen or seen[-1] != key):
                seen.append(key)
        for order, key in enumerate(seen):
            if self.state.is_person(key):
                self.persons.append(key)
                self.person_at.append((self.n, -order, key))  # in one sentence the first named leads
            elif key in self.state.registry:
                self.orgs.append((self.n, key))
        if speaker:
            self.speakers.append((self.n, speaker))

    def fits(self, key: str, pronoun: str) -> bool:
        """Whether a person can be the 'he' or 'she' (not already called by the other pronoun)."""
        sex = self._sex(pronoun)
        if sex is None or self.gender.get(key, sex) != sex:
            return sex is None
        self.gender.setdefault(key, sex)
        return True

    def person(self, pronoun: str | None = None) -> str | None:
        """The person a 'he'/'she' refers to: the last speaker if they spoke within two sentences
        and nobody has been named since, else the person last named or heard within six."""
        sex = self._sex(pronoun)

        def fits(key: str) -> bool:
            return sex is None or self.gender.get(key, sex) == sex

        found = self._recent_speaker(fits) or self._recent_person(fits) or \
            next((key for key in reversed(self.persons) if fits(key)), None)
        if found is not None and sex is not None:
            self.gender.setdefault(found, sex)
        return found

    def _recent_speaker(self, fits) -> str | None:
        if not self.speakers or self.n - self.speakers[-1][0] > 2 or not fits(self.speakers[-1][1]):
            return None
        at, key = self.speakers[-1]
        if not self.state.is_person(key):  # 'he' after an organisation's act is the person who spoke just before it
            person = next((k for n, k in reversed(self.speakers) if self.n - n <= 3 and self.state.is_person(k)), None)
            if person is not None and fits(person) and not any(n > at - 1 for n, _, _ in self.person_at):
                return person
        # nobody named since; an organisation speaking gives way to a person named in its own sentence
        since = at if self.state.is_person(key) else at - 1
        return None if any(n > since for n, _, _ in self.person_at) else key

    def _recent_person(self, fits) -> str | None:
        events = [(n, 1, key) for n, key in self.speakers if self.state.is_person(key)]
        events += self.person_at
        return next((key for n, _, key in sorted(events, key=lambda e: (e[0], e[1]), reverse=True)
                     if self.n - n <= 6 and fits(key)), None)

    def organisation_named(self, noun: str) -> str | None:
        """The latest organisation (within a few sentences) whose name or role contains ``noun``;
        further back only when it is the one organisation of that kind named so far. A word for any
        organisation ('the charity') is first the organisation that has just spoken, not one its
        words named ('X, which called on the Government ..., said ... The charity said')."""
        matching = {key for _, key in self.orgs if noun in self._words(key)}
        if len(matching) == 1 and noun not in self.generic_org:
            return matching.pop()
        if noun in self.generic_org and not matching and self.speakers and self.speakers[-1][0] == self.n and \
                self.state.is_org(self.speakers[-1][1]):
            return self.speakers[-1][1]
        for n, key in reversed(self.orgs):
            if self.n - n > 8:
                break
            if noun in self._words(key) or noun in self.generic_org and key in self.state.registry:
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
