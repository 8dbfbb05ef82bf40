"""The argmap_attribution stage: one unit per sentence, with who says it and why.

A sentence is attributed by the ``SPEAKER`` rules; a quotation's sentences by ``QUOTE_SPEAKER``;
answers of a question-and-answer interview by the interviewee; items of a list of proposals by
who introduced the list; and, in an opinion piece or an organisation's own statement, the rest by
the author (see :mod:`argmap.nlp.rules.attribution`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon
from argmap.nlp.rules.attribution import (
    CLOSE_QUOTES, NOT_THE_AUTHORS, OPEN_QUOTES, QUOTE_SPEAKER, SINGLE_CLOSE, SINGLE_OPEN, SPEAKER,
    EXPLICIT_RULES, AttributionContext, Quotation, Recency, Unit, acted_on, addressed, co_speakers, leader_of, name_head,
    note_ownership, note_possessed_works, note_publisher, note_sources,
    unheld_view, word_regex,
)
from argmap.nlp.motions import motion_movers
from argmap.nlp.rules.actors import sign_off_end, signature_lines, speaker_name
from argmap.nlp.state import ORG, PERSON, UNITS, UNNAMED, ActorState, meta
from argmap.nlp.text import agent_objects, as_clause, doc_text, text_of, tokens


def attribute(doc: Doc, lex: Lexicon) -> Doc:
    """Give each sentence its speaker; save the units on the Doc."""
    state = ActorState.of(doc, "argmap_attribution")
    facts = meta(doc)
    sents = list(doc.sents)
    quotes = quote_regions(doc_text(doc), lex)
    ctx = AttributionContext(doc, lex, state, sents, quotes, Recency(state, lex))
    list_lines = set(facts.get("list_lines") or ())
    units = make_units(doc, sents, quotes, list_lines)
    for u in units:
        sent = sents[u.sent]
        said = None if u.heading else SPEAKER.first(ctx, sent)
        if said is not None:
            u.speaker, u.cue, u.rule, u.cue_token = said.speaker, said.cue, said.rule, said.token
            u.co_speakers = co_speakers(ctx, said)
        if u.speaker and u.speaker != UNNAMED:
            note_ownership(ctx, sent, u.speaker)
            note_possessed_works(ctx, sent)
        elif u.speaker is None:
            note_publisher(ctx, sent)
        if not u.heading:
            note_sources(ctx, sent)
        ctx.recent.observe(sent, u.speaker if u.speaker != UNNAMED else None)
    transcript_turns(ctx, units)
    summary_lines(ctx, units)
    heading_speakers(ctx, units)
    captioned_statements(ctx, units)
    spread_quotes(ctx, units)
    between_one_speaker(ctx, units)
    resumed_quotes(ctx, units, facts)
    interview_answers(ctx, units, facts)
    interview_quotes(ctx, units)
    proposal_lists(ctx, units, list_lines)
    statement_blocks(ctx, units)
    work_contents(ctx, units)
    author_voice(ctx, units, facts)
    signatories(ctx, units)
    letter_writers(ctx, units)
    motion_movers(ctx, units)
    agreeing_others(ctx, units)
    doc.user_data[UNITS] = [u.record() for u in units]
    return doc


# ---------------------------------------------------------------- sentences and quotations
def make_units(doc: Doc, sents: list[Span], quotes, list_lines=()) -> list[Unit]:
    """One Unit per sentence, numbered by paragraph (text line), with headings marked."""
    text = doc_text(doc)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    line_of = [bisect_left(breaks, first_char(text, s.start_char, s.end_char)) for s in sents]
    rank = {line: i + 1 for i, line in enumerate(sorted(set(line_of)))}
    in_quote = bytearray(len(text) + 1)
    for a, b in quotes:
        in_quote[a:b] = b"\x01" * (b - a)
    units = []
    for k, sent in enumerate(sents):
        words = [t for t in tokens(sent) if not t.is_space and not t.is_punct]
        heading = _is_heading_line(text, sent, words) and line_of[k] not in list_lines
        inside = sum(in_quote[t.idx] for t in words)
        quoted = bool(words) and inside >= max(1, len(words) // 2)
        units.append(Unit(k, sent.start, sent.end, rank[line_of[k]], heading, quoted))
    return units


def _is_heading_line(text: str, sent: Span, words) -> bool:
    """A short line of its own without closing punctuation."""
    a = text.rfind("\n", 0, sent.start_char + 1) + 1
    b = text.find("\n", sent.start_char)
    line = text[a:b if b >= 0 else len(text)].strip()
    if not words or line.endswith((".", "?", "!", "\u201d", '"', ":", ";", ",")):
        return False
    return 0 < len(re.findall(r"[^\W\d_]+", line)) <= 12


def first_char(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of text[start:end] (or ``start``)."""
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return start


def quote_regions(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Character spans inside double quotation marks; an unclosed quote runs to the end of its
    paragraph and, when the next paragraph opens with a quote mark, joins it."""
    unclosed_said = re.compile(r",\s+" + word_regex(lex.ordered("verbs.said_forms")).pattern)
    regions: list[tuple[int, int]] = []
    pos = 0
    carry = False
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue  # a blank line between paragraphs of one quotation keeps it open
        open_at, i = None, 0
        if carry and line.lstrip()[:1] in OPEN_QUOTES + '"':
            open_at = regions.pop()[0]  # the quotation goes on in this paragraph: one region over both
            i = len(line) - len(line.lstrip()) + 1
        elif carry and _closes_first(line):
            open_at = regions.pop()[0]  # '... sewage spills.' then 'The sector is broken.”': it ends here
        open_at = _close_quotes(line, start, i, open_at, regions)
        carry = False
        if open_at is not None:
            # an unclosed quotation that runs into ', said X' was closed by mistake there
            m = unclosed_said.search(text, max(open_at, start), pos)
            regions.append((open_at, m.start() + 1) if m is not None else (open_at, pos))
            carry = m is None
    return regions + single_quote_regions(text)


def _closes_first(line: str) -> bool:
    """Whether the first double quotation mark of a line is a closing curly one."""
    first = next((ch for ch in line if ch in OPEN_QUOTES + CLOSE_QUOTES + '"'), None)
    return first is not None and first in CLOSE_QUOTES


def _close_quotes(line: str, start: int, i: int, open_at: int | None, regions: list) -> int | None:
    """Walk one line from ``i`` appending closed quotations; the offset of one left open, or None."""
    straight_open = False
    for m in _QUOTE_MARK.finditer(line, i):  # only the quotation marks matter: jump from one to the next
        ch, i = m.group(), m.start()
        if (ch in OPEN_QUOTES or (ch == '"' and not straight_open)) and open_at is None:
            open_at = start + i
            straight_open = ch == '"'
        elif (ch in CLOSE_QUOTES or ch == '"') and open_at is not None:
            regions.append((open_at, start + i + 1))
            open_at = None
            straight_open = False
    return open_at


_QUOTE_MARK = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES) + '"]')


def single_quote_regions(text: str) -> list[tuple[int, int]]:
    """Quotations in single quotes: curly ones, and straight ones that open a capitalised word after
    a space, a colon or a line start ("said: 'The ...'"). An opening mark starts a word; a closing
    mark follows a character and precedes a non-letter (an apostrophe inside a word never closes).
    A quotation left open at the end of a paragraph goes on when the next one opens with a mark
    (the British way of quoting several paragraphs)."""
    regions: list[tuple[int, int]] = []
    pos = 0
    carry = False
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        open_at = regions.pop()[0] if carry and _opens_single(line, lead) else None
        carry = False
        for i in (m.start() for m in _SINGLE_MARK.finditer(line)):  # only the marks matter
            if open_at is None and _opens_single(line, i):
                open_at = start + i
            elif open_at is not None and (start + i) - open_at > 1 and _closes_single(line, i):
                regions.append((open_at, start + i + 1))
                open_at = None
        if open_at is not None:
            regions.append((open_at, pos))
            carry = True
    return regions


_SINGLE_MARK = re.compile("[" + SINGLE_OPEN + SINGLE_CLOSE + "']")


def _opens_single(line: str, i: int) -> bool:
    ch, before = line[i], line[i - 1] if i > 0 else " "
    if ch == SINGLE_OPEN:
        return not before.isalnum()
    return ch == "'" and (before.isspace() or before in "(:") and line[i + 1:i + 2].isupper()


def _closes_single(line: str, i: int) -> bool:
    after = line[i + 1:i + 2]
    return line[i] in (SINGLE_CLOSE, "'") and not line[i - 1].isspace() and not after.isalnum()


def spread_quotes(ctx: AttributionContext, units: list[Unit]) -> None:
    """Every sentence of a quotation gets the speaker named in it or right around it."""
    sents = ctx.sents
    for a, b in ctx.quotes:
        members = [u for u in units if sents[u.sent].start_char < b and sents[u.sent].end_char > a]
        if not members or len(doc_text(ctx.doc)[a:b].split()) < 5:
            continue  # a scare quote or a quoted phrase, not a quotation
        q = Quotation(a, b, members, [u for u in units if sents[u.sent].end_char <= a],
                      [u for u in units if sents[u.sent].start_char >= b])
        said = QUOTE_SPEAKER.first(ctx, q)
        if said is None:
            continue
        for u in members:
            if u.speaker is None:
                u.speaker, u.cue, u.rule, u.quoted = said.speaker, said.cue, said.rule, True


def statement_blocks(ctx: AttributionContext, units: list[Unit]) -> None:
    """'The Trust said:' at the end of a line, with no quotation after it: the lines that follow
    are the Trust's statement, up to the next heading, quotation or sentence that names its own
    speaker. What the statement says of others in the third person ('They have ignored the
    evidence') stays the statement's, not theirs."""
    text = doc_text(ctx.doc)
    speaker = None
    for u in units:
        if speaker is not None and _ends_block(u):
            speaker = None
        if speaker is not None and (u.speaker is None or u.rule == "subject"):
            u.speaker, u.cue, u.rule = speaker, "statement after a colon", "statement-block"
            u.cue_token, u.co_speakers = None, ()
        elif _opens_block(ctx, u, text):
            speaker = u.speaker


def _opens_block(ctx: AttributionContext, u: Unit, text: str) -> bool:
    """A line ending 'X said:' whose speaker a speech verb names, outside quotations."""
    if u.quoted or u.heading or u.speaker in (None, UNNAMED) or not u.rule.startswith("speech-verb"):
        return False
    said = text[:ctx.sents[u.sent].end_char].rstrip()
    return said.endswith(":") and not text[len(said):].split("\n", 1)[0].strip()


def _ends_block(u: Unit) -> bool:
    return u.heading or u.quoted or (u.speaker not in (None, UNNAMED) and u.rule != "subject")


def between_one_speaker(ctx: AttributionContext, units: list[Unit]) -> None:
    """A sentence that names no speaker but quotes someone's words, between two sentences of one
    speaker ('X welcomed A. However, B needs “more money”. He warned C.'), is that speaker's too."""
    for before, u, after in zip(units, units[1:], units[2:]):
        if u.speaker is not None or u.heading or before.heading or after.heading:
            continue
        if before.speaker in (None, UNNAMED) or before.speaker != after.speaker:
            continue
        sent = ctx.sents[u.sent]
        if any(a < sent.end_char and b > sent.start_char for a, b in ctx.quotes):
            u.speaker, u.cue, u.rule = before.speaker, "between its sentences", "between-one-speaker"


def resumed_quotes(ctx: AttributionContext, units: list[Unit], facts: dict) -> None:
    """In a report with no person as its author, a paragraph in the first person singular that
    names no speaker, right after a person's quoted sentence ('If I have someone on leave, I can't find
    a locum.': a block quote that lost its marks), goes on with that person's words; so does a
    quotation right after it that names no speaker."""
    if ctx.state.is_person(facts.get("author_key")):
        return  # an opinion piece: 'I' is its writer
    # the voice going on, the paragraph before, the last paragraph it went on into and whether that
    # paragraph had no quotation marks
    voice, para, resumed, bare = None, -1, -1, False
    for u in units:
        if u.speaker is not None or u.heading:
            voice = _quoted_person(ctx, u)
        elif voice is not None and _goes_on(ctx, u, para, resumed, bare):
            u.speaker, u.cue, u.rule = voice, "goes on with the quotation before", "resumed-quote"
            if u.para != resumed:
                resumed, bare = u.para, not u.quoted
        elif u.para != para:
            voice = None
        para = u.para


def _quoted_person(ctx: AttributionContext, u: Unit) -> str | None:
    """The person whose quoted sentence a unit is ('"But councils are stretched."' after her name)."""
    return u.speaker if not u.heading and u.quoted and u.rule == "quote" and ctx.state.is_person(u.speaker) else None


def _goes_on(ctx: AttributionContext, u: Unit, para: int, resumed: int, bare: bool) -> bool:
    """Whether a unit with no speaker goes on with the voice before: in the paragraph it went on
    into; a quotation after a paragraph without marks; an 'I' paragraph right after the quotation."""
    return u.para == resumed or u.quoted and bare and u.para == resumed + 1 or \
        not u.quoted and u.para == para + 1 and _first_singular(ctx, u)


def _first_singular(ctx: AttributionContext, u: Unit) -> bool:
    return bool(ctx.first_singular is not None and ctx.first_singular.search(text_of(ctx.sents[u.sent])))


# ---------------------------------------------------------------- transcripts
def transcript_turns(ctx: AttributionContext, units: list[Unit]) -> None:
    """A transcript: a speaker line ('Jane Doe (Lab)', 'Jane Doe:', 'Moved by Lord Doe') opens a
    turn; the paragraphs after it are that speaker's until the next speaker line or question. So
    does a label opening a line of its own words ('Jane Doe (JD): ...', then 'JD: ...'), unless the
    line asks a question (the interviewer's)."""
    text = doc_text(ctx.doc)
    current = None
    labels = line_labels(ctx, text)
    quoting = None  # who says the quotation a turn reads out ('BASW, which wrote saying that: "..."')
    for n, u in enumerate(units):
        sent = ctx.sents[u.sent]
        quoting = _read_out(ctx, units, n, current, quoting)
        if quoting is not None:
            u.speaker, u.cue, u.rule = quoting, "quoted in a turn", "quote"
            continue
        first = first_char(text, sent.start_char, sent.end_char)
        line_start = text.rfind("\n", 0, first) + 1
        line_end = text.find("\n", first)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        key = turn_speaker(ctx, line, line_start)
        label = labels.get(line_start) if first == first_char(text, line_start, len(text)) else None
        if key is not None:
            current = key
        elif label is not None:
            current = None if line.rstrip().endswith("?") else label
            if current:
                _in_turn(ctx, u, current, line)
        elif _question_line(ctx, sent):
            current = None
        elif current:
            _in_turn(ctx, u, current, line)


def summary_lines(ctx: AttributionContext, units: list[Unit]) -> None:
    """A summary of what each person said, set out as a line with only a person's name (short lines
    of party and seat may follow) and then a paragraph that opens with a past-tense verb and no
    subject ('Called for more support for kinship carers.'): the paragraph is that person's, except a
    sentence that opens with a verb of asking ('Asked the Minister to ...'), a question put and no
    position."""
    last: tuple[int, str] | None = None  # (paragraph, person) of the latest line that is only a name
    taken = -1  # the paragraph given to that person
    for u in units:
        sent = ctx.sents[u.sent]
        if u.heading:
            key = _name_line(ctx, sent)
            last = (u.para, key) if key else last
            continue
        past = u.speaker is None and last is not None and _subjectless_past(sent)
        if u.speaker is None and last is not None and (u.para == taken or past and u.para - last[0] <= 3):
            asked = past and _opening_word(sent).lemma_.lower() in ctx.words("verbs.ask_question")
            # 'Asked the Minister to consider ...': a question put, no position of the member's
            u.speaker, u.cue, u.rule = (UNNAMED, "a question put", "summary-question") if asked else \
                (last[1], "the name above", "summary-line")
            taken = u.para


def _name_line(ctx: AttributionContext, sent: Span) -> str | None:
    """The person a line names when it is only that name."""
    words = [t for t in tokens(sent) if t.is_alpha]
    keys = {ctx.state.actor_of(t) for t in words}
    key = next(iter(keys)) if len(keys) == 1 else None
    return key if key and ctx.state.is_person(key) else None


def _opening_word(sent: Span) -> Token | None:
    """A sentence's first word (punctuation and spaces passed over)."""
    return next((t for t in tokens(sent) if not t.is_space and not t.is_punct), None)


def _subjectless_past(sent: Span) -> bool:
    """A sentence whose root, its first word, is a past-tense verb with no subject or auxiliary of
    its own ('Stressed the need for ...'; the parser may tag it a participle)."""
    first = _opening_word(sent)
    return first is not None and first.tag_ in {"VBD", "VBN"} and first.dep_ == "ROOT" and first.is_title and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in first.children)


_LABEL = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4})(?: \((?P<short>[A-Z]{1,5})\))?:\s+\S")


def line_labels(ctx: AttributionContext, text: str) -> dict[int, str]:
    """The speaker of each line opened by a label naming an actor ('Jane Doe (JD): ...', or later
    'JD: ...'), by the line's offset; none unless two lines or more are labelled with a name (a
    question-and-answer layout, not one 'X: ...' headline)."""
    found: dict[int, str] = {}
    shorts: dict[str, str] = {}
    named = offset = 0
    for line in text.split("\n"):
        m = _LABEL.match(line)
        key = shorts.get(m.group("name")) if m else None
        if m and key is None:
            span = ctx.doc.char_span(offset + m.start("name"), offset + m.end("name"), alignment_mode="expand")
            key = next((k for t in tokens(span) if (k := ctx.state.actor_of(t))), None) if span is not None else None
            named += key is not None
            if key and m.group("short"):
                shorts[m.group("short")] = key
        if key:
            found[offset] = key
        offset += len(line) + 1
    return found if named >= 2 else {}


def _read_out(ctx: AttributionContext, units: list[Unit], n: int, current: str | None, quoting: str | None) -> str | None:
    """Whom a quotation read out in a turn is from: the actor a relative clause of saying names at the
    end of the line before it ('... by BASW, which wrote saying that:'), for as long as it goes on."""
    u = units[n]
    if current is None or u.speaker is not None or not u.quoted:
        return None
    if n and units[n - 1].quoted:
        return quoting
    before = ctx.sents[units[n - 1].sent] if n else None
    if before is None or not text_of(before).rstrip().endswith(":"):
        return None
    key = _relative_sayer(ctx, before)
    return key if key not in (None, current) else None


def _relative_sayer(ctx: AttributionContext, sent: Span) -> str | None:
    """The actor just before 'which'/'who' and a verb of saying ('BASW, which wrote saying that')."""
    toks = [t for t in sent if not t.is_space]
    for i, t in enumerate(toks):
        if t.lower_ not in ctx.words("markers.relative_sayers") or i == 0:
            continue
        if not any(v.lemma_.lower() in ctx.lex.speech_verbs for v in toks[i + 1:i + 3]):
            continue
        j = i - 1
        while j >= 0 and toks[j].is_punct:
            j -= 1
        if j >= 0 and (key := ctx.state.actor_of(toks[j])):
            return key
    return None


def _in_turn(ctx: AttributionContext, u: Unit, current: str, line: str) -> None:
    """A sentence of ``current``'s turn: theirs unless someone else says it; 'as X said' is theirs, X agreeing."""
    if u.speaker is None and not u.heading and not speaker_name(line, ctx.lex):
        u.speaker, u.cue, u.rule = current, "transcript turn", "transcript-turn"
    elif u.speaker not in (None, UNNAMED, current) and not u.quoted and _agreeing(ctx, u):
        _agree(u, current, "transcript turn", "transcript-turn")
    elif u.speaker not in (None, UNNAMED, current) and not u.quoted and _own_body(ctx, u):
        u.speaker, u.cue, u.rule = current, "transcript turn", "transcript-turn"


def _own_body(ctx: AttributionContext, u: Unit) -> bool:
    """'The coalition welcomes the bill', said in a witness's turn: an organisation named only by a
    common noun is the body the speaker stands for, so the speaker says it."""
    if u.cue_token is None or not ctx.state.is_org(u.speaker):
        return False
    subj = next((c for c in ctx.doc[u.cue_token].children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)


def heading_speakers(ctx: AttributionContext, units: list[Unit]) -> None:
    """A section heading that ends with an actor after a dash ('Funding will fall short – BASW')
    names the speaker of the unattributed paragraphs under it, up to the next heading."""
    current = None
    for u in units:
        if u.heading:
            current = _dash_speaker(ctx, ctx.sents[u.sent])
        elif current and u.speaker is None:
            u.speaker, u.cue, u.rule = current, "heading", "heading-speaker"


def captioned_statements(ctx: AttributionContext, units: list[Unit]) -> None:
    """A paragraph in the first person that names no speaker, right above a line that names one
    person and nothing but her role ('... we're making sure support is there' over 'Education
    Secretary Jane Doe'): a pull quote and its caption, so the paragraph is hers."""
    for above, line in zip(units, units[1:]):
        if not line.heading or above.heading or line.para != above.para + 1 or above.speaker is not None:
            continue
        text = text_of(ctx.sents[above.sent])
        if not (ctx.first_plural.search(text) or ctx.first_singular.search(text)):
            continue
        key = _captioned_person(ctx, ctx.sents[line.sent])
        if key is None:
            continue
        for u in units:
            if u.para == above.para and u.speaker is None:
                u.speaker, u.cue, u.rule = key, "caption", "captioned-statement"


def _captioned_person(ctx: AttributionContext, sent: Span) -> str | None:
    """The person a caption line names at its end, after nothing but a short role ('Education
    Secretary Jane Doe'), or None."""
    words = [t for t in tokens(sent) if not (t.is_space or t.is_punct)]
    key = ctx.state.actor_of(words[-1]) if words else None
    if not key or not ctx.state.is_person(key):
        return None
    start = len(words)
    while start > 0 and ctx.state.actor_of(words[start - 1]) == key:
        start -= 1
    role = words[:start]
    return key if not role or len(role) <= 4 and any(t.lower_ in ctx.lex.role_words for t in role) else None


def _dash_speaker(ctx: AttributionContext, sent: Span) -> str | None:
    """The actor a heading names after its last dash, when nothing else follows the name."""
    toks = [t for t in tokens(sent) if not t.is_space]
    dash = max((i for i, t in enumerate(toks) if t.text in ctx.words("layout.heading_dashes")), default=None)
    if dash is None or dash == len(toks) - 1:
        return None
    return _sole_actor(ctx, toks[dash + 1:])


def _sole_actor(ctx: AttributionContext, toks) -> str | None:
    """The one actor that every one of ``toks`` is a mention of, or None."""
    keys = {ctx.state.actor_of(t) for t in toks}
    return keys.pop() if len(keys) == 1 and None not in keys else None


def turn_speaker(ctx: AttributionContext, line: str, offset: int) -> str | None:
    """The person a speaker line names, or None when the line is no speaker line."""
    found = speaker_name(line, ctx.lex)
    if found is None:
        return None
    a, b = offset + found[0], offset + found[1]
    span = ctx.doc.char_span(a, b, alignment_mode="expand")
    return next((k for t in tokens(span) if (k := ctx.state.actor_of(t)) and ctx.state.is_person(k)), None) if span else None


def _question_line(ctx: AttributionContext, sent: Span) -> bool:
    first = text_of(sent).strip().split(" ", 1)[0].lower()
    return first in ctx.words("layout.question_openers")


# ---------------------------------------------------------------- interviews
def interview_answers(ctx: AttributionContext, units: list[Unit], facts: dict) -> None:
    """A question-and-answer interview: the answers are the interviewee's (the person it names
    most, the headline's first), the questions are nobody's position."""
    questions = _questions(ctx, units)
    genre = str(facts.get("genre") or "").lower()
    answered = _answered(ctx, units, questions)
    if answered < 3 and not (genre in ctx.words("genres.interview") and questions) and \
            not (answered and _says_interview(ctx, [u for u in units if u.sent < questions[0].sent])):
        return
    who = _interviewee(ctx, units, facts)
    if who is None:
        return
    first = questions[0].sent
    for u in units:
        if u.sent > first and u.speaker is None and not u.heading and u not in questions:
            u.speaker, u.cue, u.rule = who, "interview answer", "interview-answer"


def interview_quotes(ctx: AttributionContext, units: list[Unit]) -> None:
    """An interview written up as a story ('Care Weekly sat down with Jane Doe, ...'): on a page
    whose opening names the person interviewed, and that asks no questions of its own, a quotation
    that names no speaker is that person's."""
    who = _interviewed(ctx, units[:8])
    if who is None or _questions(ctx, units):
        return
    for u in units:
        if u.speaker is None and u.quoted and not u.heading:
            u.speaker, u.cue, u.rule = who, "the person interviewed", "interview-quote"


def _interviewed(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """The person named within a few words after an interview phrase of the opening ('sat down
    with Jane Doe'; not the interviewer after 'interviewed by')."""
    markers = word_regex(ctx.lex.ordered("markers.interviewed_person"))
    for u in units:
        sent = ctx.sents[u.sent]
        for m in markers.finditer(text_of(sent)):
            after = [t for t in tokens(sent) if t.idx >= sent.start_char + m.end()][:6]
            if after and after[0].lower_ == "by":
                continue
            key = next((k for t in after if (k := ctx.state.actor_of(t))), None)
            if key and ctx.state.is_person(key):
                return key
    return None


def _questions(ctx: AttributionContext, units: list[Unit]) -> list[Unit]:
    """Questions on a line of their own ('**How do you feel?**', 'Q: ...?')."""
    alone: dict[int, int] = {}
    for u in units:
        alone[u.para] = alone.get(u.para, 0) + 1
    out = []
    for u in units:
        text = text_of(ctx.sents[u.sent]).strip().strip("*_ ").strip()
        if text.endswith("?") and len(text.split()) <= 30 and (
                alone[u.para] == 1 or u.heading or text.lower().startswith(tuple(ctx.lex.ordered("markers.question_prefix")))):
            out.append(u)
    return out


def _says_interview(ctx: AttributionContext, units: list[Unit]) -> bool:
    """The opening (up to the first question, at most a dozen sentences) says the piece is an
    interview ('Here she speaks to us about ...')."""
    opening = " ".join(text_of(ctx.sents[u.sent]) for u in units[:12]).lower()
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", opening) for p in ctx.lex.ordered("markers.interview"))


def _answered(ctx: AttributionContext, units: list[Unit], questions: list[Unit]) -> int:
    """How many questions are followed by a paragraph in the first person ('I welcome them')."""
    by_para: dict[int, list[Unit]] = {}
    for u in units:
        by_para.setdefault(u.para, []).append(u)
    return sum(1 for q in questions if any(ctx.first_singular.search(text_of(ctx.sents[a.sent]))
                                           for a in by_para.get(q.para + 1, [])))


def _interviewee(ctx: AttributionContext, units: list[Unit], facts: dict) -> str | None:
    counts: dict[str, int] = {}
    openers = tuple(ctx.lex.ordered("markers.byline_openers"))
    for u in units:
        sent = ctx.sents[u.sent]
        if text_of(sent).strip().lower().startswith(openers):
            continue  # the interviewer's byline
        for tok in tokens(sent):
            key = ctx.state.actor_of(tok)
            if key and ctx.state.is_person(key) and key != facts.get("author_key"):
                counts[key] = counts.get(key, 0) + 1
    title = str(facts.get("title") or "")
    for key in counts:  # the one the headline names is the one interviewed
        if ctx.state.registry[key].name.split()[-1] in title:
            counts[key] += 100
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


# ---------------------------------------------------------------- lists of proposals
def proposal_lists(ctx: AttributionContext, units: list[Unit], list_lines) -> None:
    """Items of a list introduced by a proposer ('The plans include:', 'Key recommendations') are
    that proposer's: each is a proposal they put forward."""
    if not list_lines:
        return
    text = doc_text(ctx.doc)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    line_of = {u.sent: bisect_left(breaks, first_char(text, ctx.sents[u.sent].start_char, ctx.sents[u.sent].end_char))
               for u in units}
    last: tuple[int, str] | None = None  # (unit index, owner) of the latest list with an owner
    for k, u in enumerate(units):
        if not _introduces_list(ctx, u) or line_of[u.sent] in list_lines:
            continue
        owner = _list_owner(ctx, u)
        if owner is None and last is not None and k - last[0] <= 15 and _points_back(ctx, ctx.sents[u.sent]):
            owner = last[1]  # 'This would be achieved by:' goes on with the list before
        if owner is None:
            continue
        last = (k, owner)
        _give_items(ctx, units[k + 1:], line_of, list_lines, owner)


def _introduces_list(ctx: AttributionContext, u: Unit) -> bool:
    sent = ctx.sents[u.sent]
    stripped = text_of(sent).strip()
    intro = stripped.endswith(":") and (any(t.lemma_.lower() in ctx.words("verbs.list_intro") for t in tokens(sent))
                                        or stripped.endswith(" by:"))  # 'would be achieved by:'
    intro = intro or _namely(ctx, stripped)
    heading = u.heading and any(t.lower_ in ctx.words("nouns.list_heading") for t in tokens(sent))
    return intro or heading


def _namely(ctx: AttributionContext, line: str) -> bool:
    """A sentence that ends by opening a list of the plans it names ('the government's reforms,
    namely to;', 'its proposals, including:'); not a list of anything else ('updates on issues
    including:')."""
    words = re.findall(r"[\w'’]+", line.lower())
    plans = ctx.lex.union("nouns.work", "nouns.ownable", "nouns.list_heading", "nouns.plan")
    for opener in ctx.words("markers.list_openers"):
        n = len(opener.split())
        if line[-1:] in {":", ";"} and len(words) > n and " ".join(words[-n:]) == opener:
            return words[-n - 1] in plans
    return False


def _list_owner(ctx: AttributionContext, u: Unit) -> str | None:
    if u.speaker not in (None, UNNAMED) and u.rule != "author":
        return u.speaker
    ownable = ctx.lex.union("nouns.work", "nouns.ownable")
    sent = ctx.sents[u.sent]
    possessor = _list_possessor(ctx, sent)
    if possessor:
        return possessor  # 'the review's main recommendations are:'
    for tok in tokens(sent):
        low = tok.lemma_.lower()
        if low in ownable and low in ctx.owners:
            return ctx.owners[low]
        if low in ctx.words("nouns.list_heading"):
            owner = ctx.owners.get("review") or ctx.owners.get("report") or leader_of(ctx, "review") \
                or leader_of(ctx, "report")
            if owner:
                return owner
    if len(set(ctx.owners.values())) == 1 and any(t.lemma_.lower() in ownable for t in tokens(sent)):
        return next(iter(ctx.owners.values()))  # the one actor in the article who put proposals forward
    return _work_list(ctx, u, sent)


def _work_list(ctx: AttributionContext, u: Unit, sent: Span) -> str | None:
    """'The recommendations include:', said by nobody, after the page has named its one work (a
    review, a commission): the actor that speaks through that work ('We welcome these
    recommendations:' introduces the writer's own reactions)."""
    facts = meta(ctx.doc)
    if u.speaker not in (None, UNNAMED) or not facts.get("work_key") or sent.start_char < facts.get("work_at", 0) \
            or not _names_nobody(ctx, sent):
        return None
    recommends = ctx.words("nouns.recommendation")
    return facts["work_key"] if any(t.lower_ in recommends and not _owned(t) for t in tokens(sent)) else None


def _names_nobody(ctx: AttributionContext, sent: Span) -> bool:
    """Whether a sentence names no actor and has no 'we' or 'I' ('TACT is excited to see the
    following recommendations:' is TACT's own list of reactions)."""
    return not any(ctx.state.actor_of(t) for t in tokens(sent)) and \
        not any(t.lower_ in ctx.first_person() for t in tokens(sent))


def _owned(tok: Token) -> bool:
    """'our recommendations', 'LGA recommendations': a noun with an owner of its own."""
    return any(c.dep_ in {"poss", "compound"} for c in tok.children)


def _points_back(ctx: AttributionContext, sent: Span) -> bool:
    """A list introduction whose subject points back ('This would be achieved by:')."""
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in ctx.words("pronouns.pointing") for t in tokens(sent))


def _list_possessor(ctx: AttributionContext, sent: Span) -> str | None:
    """The actor a list heading word or a piece of work belongs to ('the review's recommendations',
    'the government's strategy sets out:')."""
    nouns = ctx.lex.union("nouns.list_heading", "nouns.work", "nouns.ownable")
    return next((k for t in tokens(sent) if t.lower_ in nouns or t.lemma_.lower() in nouns
                 for c in t.children if c.dep_ == "poss" and (k := _actor_in(ctx, c))), None)


def _actor_in(ctx: AttributionContext, tok: Token) -> str | None:
    """The actor a possessor's phrase names ('the review's', 'the Trust's')."""
    return next((k for t in tok.subtree if (k := ctx.state.actor_of(t))), None)


def _give_items(ctx: AttributionContext, rest: list[Unit], line_of, list_lines, owner: str) -> None:
    """The items of a list (its marked lines) go to its owner; so does a first item that lost its
    mark, a line right after the introduction with marked lines after it."""
    lines = [line_of[u.sent] for u in rest if text_of(ctx.sents[u.sent]).strip()]
    if len(lines) >= 2 and lines[0] not in list_lines and lines[1] in list_lines and lines[1] <= lines[0] + 2:
        list_lines = {*list_lines, lines[0]}
    for item in rest:
        if line_of[item.sent] not in list_lines:
            if text_of(ctx.sents[item.sent]).strip():
                break
            continue
        if item.speaker in (None, UNNAMED) and not item.quoted:
            item.speaker, item.cue, item.rule, item.listed = owner, "list", "proposal-list", True


def work_contents(ctx: AttributionContext, units: list[Unit]) -> None:
    """'The strategy also includes funding for ...': what a piece of work holds is put forward by
    the one who published it (an actor the text shows announcing or publishing it), when no one
    is named as saying the sentence."""
    last = None  # the unit before, when it was a work's contents: 'This includes ...' goes on with them
    for u in units:
        if u.speaker is not None or u.heading or u.quoted:
            last = None
            continue
        root = ctx.sents[u.sent].root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        verb = _contents_verb(ctx, root)
        if verb is None or subj is None:
            last = None
            continue
        owner = (last.speaker if last is not None and subj.lower_ in ctx.words("markers.demonstrative")
                 else _work_owner(ctx, subj))
        if owner:
            u.speaker, u.cue, u.rule = owner, f"the {subj.lower_} {verb.lower_}", "work-contents"
        last = u if owner else None


def _contents_verb(ctx: AttributionContext, root: Token) -> Token | None:
    """The verb by which a sentence says what a work holds: a listing verb ('includes'), or 'has' or
    'places' with a noun of emphasis ('has a focus on early help'), as the root or a verb joined to it
    that shares its subject ('is backed by £200m and has a focus on ...')."""
    for verb in (root, *(c for c in root.conjuncts if c.pos_ in ("VERB", "AUX")
                         and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children))):
        low = verb.lemma_.lower()
        if low in ctx.words("verbs.contain") or low in ctx.words("verbs.give_emphasis") and any(
                d.dep_ == "dobj" and d.lemma_.lower() in ctx.words("markers.emphasis") for d in verb.children):
            return verb
    return None


def _work_owner(ctx: AttributionContext, subj: Token) -> str | None:
    """The owner of the work a subject names ('the strategy', 'the plans', 'its plan'); else, when
    one actor put work forward in the article, that actor (one whose work the sentence names as
    another thing, 'the strategy, published in response to X's review', is not it)."""
    low = subj.lemma_.lower()
    for name in (low, subj.lower_, low.rstrip("s")):
        owner = ctx.owners.get(name) or ctx.publishers.get(name)
        if owner:
            return owner
    works = ctx.lex.union("nouns.work", "nouns.ownable")
    everyone = set(ctx.owners.values()) | set(ctx.publishers.values())
    inside = {t.i for t in subj.subtree if t.i <= subj.i}
    everyone -= {k for t in tokens(subj.sent)
                 if t.i not in inside and t.lemma_.lower() in works
                 and (k := ctx.owners.get(t.lemma_.lower()) or ctx.publishers.get(t.lemma_.lower()))}
    if len(everyone) == 1 and low in works:
        return everyone.pop()  # 'the plans' in an article where one actor put work forward
    return None


# ---------------------------------------------------------------- the author's own voice
def author_voice(ctx: AttributionContext, units: list[Unit], facts: dict) -> None:
    """In an opinion piece or an organisation's own statement, the sentences nobody else says are
    the author's (views of unnamed people, questions and research findings excepted)."""
    author_key = own_voice_author(ctx, units, facts)
    if not author_key:
        return
    for u in units:
        if u.speaker not in (None, UNNAMED, author_key) and not u.quoted and _agreeing(ctx, u):
            _agree(u, author_key, "author", "author")
        if u.speaker is not None or u.heading or u.quoted:
            continue
        sent = ctx.sents[u.sent]
        if unheld_view(ctx, sent):
            u.speaker, u.cue, u.rule = UNNAMED, "there was a view", "unnamed-view"
        elif not NOT_THE_AUTHORS.any(ctx, sent):
            u.speaker, u.cue, u.rule = author_key, "author", "author"
    _own_statement_quoted(ctx, units, author_key)


def _own_statement_quoted(ctx: AttributionContext, units: list[Unit], author_key: str) -> None:
    """'Here is our initial response:' and then a quotation nobody is named as saying: the author's own
    statement, quoted on its own page, up to the next heading or line that is not quoted."""
    own = ctx.first_person()
    opened = False
    for u in units:
        sent = ctx.sents[u.sent]
        if u.heading or not u.quoted and u.speaker != author_key:
            opened = False
        elif u.quoted and opened and u.speaker is None:
            u.speaker, u.cue, u.rule = author_key, "our statement", "author"
        elif not u.quoted:
            opened = text_of(sent).rstrip().endswith(":") and any(
                t.lemma_.lower() in ctx.lex.statement_nouns and any(c.dep_ == "poss" and c.lower_ in own for c in t.children)
                for t in tokens(sent))


def letter_writers(ctx: AttributionContext, units: list[Unit]) -> None:
    """A report of a letter ('A from X, B from Y and C from Z have written to the candidates', 'The
    letter is signed by A, B and C'): what the letter says ('The letter urges them to ...', 'In the
    letter, ...'), said by nobody else, is its writers' (the first speaks, the others with it), the
    people by name when the page also names their organisations as writing. A page that names writers
    of more than one letter gives none of them the letter's words."""
    found = {w for u in units if (w := _writers(ctx, ctx.sents[u.sent]))}
    people = {w for w in found if all(ctx.state.is_person(k) for k in w)}
    chosen = people if len(people) == 1 else found  # the writers by name over their organisations
    if len(chosen) != 1:
        return
    first, *others = next(iter(chosen))
    for u in units:
        if u.speaker in (None, UNNAMED) and not u.heading and not u.quoted and _letter_says(ctx, ctx.sents[u.sent]):
            u.speaker, u.cue, u.rule, u.co_speakers = first, "the letter", "letter-writers", tuple(others)


def _writers(ctx: AttributionContext, sent: Span) -> tuple[str, ...] | None:
    """The actors (two or more) a sentence names as writing a letter: before a verb of writing whose
    object is a letter or that is written 'to' someone, or after the 'by' of one in the passive;
    people when it names any."""
    for verb in tokens(sent):
        side = _writing_side(ctx, sent, verb)
        keys = list(dict.fromkeys(k for t in side if (k := ctx.state.actor_of(t))))
        people = [k for k in keys if ctx.state.is_person(k)]
        if len(people or keys) >= 2:
            return tuple(people or keys)
    return None


def _writing_side(ctx: AttributionContext, sent: Span, verb: Token) -> list[Token]:
    """The words naming who writes, when ``verb`` is a verb of writing a letter: those after a
    passive's 'by' ('signed by A and B'), else those before it ('A and B have written to ...')."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.words("verbs.write_letter"):
        return []
    passive = bool(agent_objects(verb))
    about_letter = any(t.lemma_.lower() in ctx.words("nouns.letter") for t in sent) and \
        (passive or verb.lemma_.lower() != "sign")
    if not about_letter and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return []
    return [t for t in sent if (t.i > verb.i if passive else t.i < verb.i)]


def _letter_says(ctx: AttributionContext, sent: Span) -> bool:
    """'The letter urges ...' (a letter noun as the subject of a speech verb) or 'In the letter, ...'."""
    letter = ctx.words("nouns.letter")
    for tok in tokens(sent):
        if tok.lemma_.lower() not in letter:
            continue
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ctx.lex.speech_verbs:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.i <= sent.start + 1:
            return True
    return False


def agreeing_others(ctx: AttributionContext, units: list[Unit]) -> None:
    """'The onus is on ministers to, as the Review suggests, unlock family networks': the actor of an
    'as' clause with a speech verb holds what the sentence's speaker says, with the speaker."""
    for u in units:
        if u.speaker in (None, UNNAMED) or u.heading:
            continue
        for tok in tokens(ctx.sents[u.sent]):
            who = _agreeing_actor(ctx, tok) if tok.i != u.cue_token else None
            if who and who != u.speaker and who not in u.co_speakers:
                u.co_speakers = (*u.co_speakers, who)


def _agreeing_actor(ctx: AttributionContext, tok: Token) -> str | None:
    """The actor subject of a speech verb heading an 'as' clause with nothing said of its own ('as
    the Review suggests'; not 'as the Government announced plans', which tells when), or its agent
    ('as recommended by the review')."""
    if tok.lemma_.lower() not in ctx.lex.speech_verbs or not as_clause(tok) or \
            any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in tok.children) or not _set_off(tok):
        return None
    return next((k for c in tok.children if c.dep_ == "nsubj" and (k := ctx.state.actor_of(c))), None) or \
        next((k for o in agent_objects(tok) if (k := ctx.state.actor_of(o))), None)


def _set_off(clause: Token) -> bool:
    """Whether an 'as' clause is set off from the sentence (', as X said,', 'As X said, ...'), not a
    description of a noun before it ('the approach as outlined by X')."""
    mark = clause.left_edge
    return mark.i == mark.sent.start or mark.i > 0 and mark.doc[mark.i - 1].is_punct


def _agreeing(ctx: AttributionContext, u: Unit) -> bool:
    """'We believe, as X said, that ...', 'but, as my noble friend said, there are concerns': the
    speech verb that found X is in an 'as' clause; the writer (or the turn's speaker) speaks, X agrees."""
    return u.cue_token is not None and as_clause(ctx.doc[u.cue_token])


def _agree(u: Unit, speaker: str, cue: str, rule: str) -> None:
    """``speaker`` says the unit; whoever it was given to agrees with it."""
    u.co_speakers = (u.speaker, *u.co_speakers)
    u.speaker, u.cue, u.rule = speaker, cue, rule


def signatories(ctx: AttributionContext, units: list[Unit]) -> None:
    """A letter signed by a list of names ('Yours sincerely,' then one name a line): every actor
    listed signs what the letter says in its own voice, with its writer; a letter with no writer
    found is the first signatory's."""
    text = doc_text(ctx.doc)
    at = sign_off_end(text, ctx.lex)
    if at is None:
        return
    signers = _listed_actors(ctx, text, at)
    if not signers:
        return
    before = [u for u in units if ctx.sents[u.sent].end_char <= at]
    writer = next((u.speaker for u in before if u.rule == "author"), None) or signers[0]
    others = tuple(k for k in signers if k != writer)
    for u in before:
        _sign(ctx, u, writer, others)


def _sign(ctx: AttributionContext, u: Unit, writer: str, others: tuple[str, ...]) -> None:
    """The letter's own sentence ``u`` is its writer's, and its other signatories hold it too."""
    if u.speaker is None and not u.heading and not u.quoted and not NOT_THE_AUTHORS.any(ctx, ctx.sents[u.sent]):
        u.speaker, u.cue, u.rule = writer, "signed letter", "signatory"
    if u.speaker == writer and u.rule in {"author", "signatory"}:
        u.co_speakers = others


def _listed_actors(ctx: AttributionContext, text: str, at: int) -> list[str]:
    """The actors named on the short lines after a sign-off, in order."""
    found: list[str] = []
    for start, body in signature_lines(text, at, ctx.lex):
        span = ctx.doc.char_span(start, start + len(body), alignment_mode="expand")
        for tok in tokens(span) if span is not None else ():
            key = ctx.state.actor_of(tok)
            if key and key not in found:
                found.append(key)
    return found


def own_voice_author(ctx: AttributionContext, units: list[Unit], facts: dict) -> str | None:
    """The author whose voice the unattributed sentences are: a byline in an opinion genre, an
    organisation writing about itself, or a signing organisation that speaks as 'we'."""
    author_key = facts.get("author_key")
    opinion = facts.get("genre") in ctx.words("genres.own_voice")
    if not author_key:
        author_key = _writer(ctx, units, facts)
        if not author_key:
            return None
        facts["author_key"] = author_key
        return author_key
    if not opinion and ctx.state.is_org(author_key) and _we_sentences(ctx, units) >= 2:
        opinion = True  # an organisation's own statement: it signs it and speaks as 'we'
        facts["genre"] = "statement"
    elif not opinion and ctx.state.is_person(author_key) and _i_sentences(ctx, units) >= 2 and \
            not any(u.rule == "transcript-turn" for u in units):
        opinion = True  # a named writer telling their own story as 'I' outside quotations (not a transcript's turns)
        facts["genre"] = "opinion"
    return author_key if opinion else None


def _writer(ctx: AttributionContext, units: list[Unit], facts: dict) -> str | None:
    """The organisation a page with no byline is by, if any; one that speaks only through a piece
    of work (a review's panel) writes no pages."""
    for found in (lambda: answering_body(ctx, units),
                  lambda: announced_writer(ctx, units), lambda: talking_writer(ctx, units),
                  lambda: captioned_writer(ctx, units),
                  lambda: opening_writer(ctx, units),
                  lambda: self_titled_author(ctx, units),
                  lambda: publisher_author(ctx, units, facts),
                  lambda: organisation_author(ctx, units), lambda: speaking_organisation(ctx, units)):
        key = found()
        if key and not ctx.state.speaks_through_work(key):
            return key
    return None


def answering_body(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """A written question's page ('Question to the Department for Education:', then 'To ask the
    Secretary of State, ...'): the body the question is put to answers it, so the page's own voice
    after the question is that body's; the question itself is the asker's (unnamed here)."""
    heads = [u for u in units[:3] if not u.quoted]
    body = next((k for u in heads if (k := _questioned(ctx, ctx.sents[u.sent]))), None)
    asked = next((u for u in units[:4] if _opening_words(ctx.sents[u.sent], 2) in ctx.words("layout.question_formulas")),
                 None)
    if body is None or asked is None:
        return None
    asked.speaker, asked.cue, asked.rule = UNNAMED, "the question", "written-question"
    return body


def _questioned(ctx: AttributionContext, sent: Span) -> str | None:
    """The organisation a 'Question to X' line puts its question to."""
    if _opening_words(sent, 2) not in ctx.words("layout.question_headings"):
        return None
    keys = [k for t in tokens(sent) if (k := ctx.state.actor_of(t))]
    return keys[0] if keys and ctx.state.is_org(keys[0]) else None


def _opening_words(sent: Span, n: int) -> str:
    words = [t.lower_ for t in tokens(sent) if not (t.is_space or t.is_punct)]
    return " ".join(words[:n])


def announced_writer(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """'NASS chief executive Jane Doe responds to the reforms', then a body in the first person
    singular: the person the opening line has speaking in the present tense writes the page (not
    the organisation whose site it is on)."""
    if _i_sentences(ctx, units) < 2 or any(u.rule == "transcript-turn" for u in units):
        return None
    for u in units[:3]:
        verb = ctx.doc[u.cue_token] if u.cue_token is not None else None
        if u.speaker and not u.quoted and ctx.state.is_person(u.speaker) and verb is not None and \
                verb.tag_ == "VBZ" and u.rule.startswith(EXPLICIT_RULES):
            return u.speaker
    return None


def talking_writer(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """'Jane Doe, chief executive of the Trust, spoke to the hub about ...' opening a page whose body
    speaks in the first person ('I' at least once, 'I' or 'we' at least twice, outside quotations):
    the person the opening has talking to the outlet is the voice of the page."""
    singular = _i_sentences(ctx, units)
    if not singular or singular + _we_sentences(ctx, units) < 2 or any(u.rule == "transcript-turn" for u in units):
        return None
    for u in units[:3]:
        for tok in tokens(ctx.sents[u.sent]):
            key = _talking_person(ctx, tok)
            if key:
                return key
    return None


def _talking_person(ctx: AttributionContext, tok: Token) -> str | None:
    """The person subject of a verb of talking to someone ('Jane Doe spoke to the hub')."""
    if tok.lemma_.lower() not in ctx.words("verbs.talk_to") or \
            not any(c.dep_ == "prep" and c.lower_ in ctx.words("verbs.talk_to_preps") for c in tok.children):
        return None
    key = next((k for c in tok.children if c.dep_ == "nsubj" and (k := ctx.state.actor_of(c))), None)
    return key if key and ctx.state.is_person(key) else None


def captioned_writer(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """'Jane Doe © House of Commons' on a line of its own over a body in the first person
    singular: the writer's picture, captioned with her name (and its credit), heads her piece."""
    if _i_sentences(ctx, units) < 2 or any(u.rule == "transcript-turn" for u in units):
        return None
    for u in units[:6]:
        key = _caption_name(ctx, ctx.sents[u.sent]) if u.heading else None
        if key and ctx.state.is_person(key):
            return key
    return None


def opening_writer(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """'Jane Doe MP, MP for Leeds North, 7 February 2025, Blog ...' opening a page whose body speaks
    as 'I': the person whose name the page's first words are writes it."""
    if _i_sentences(ctx, units) < 2 or any(u.rule == "transcript-turn" for u in units):
        return None
    first = next((u for u in units if text_of(ctx.sents[u.sent]).strip()), None)
    word = _first_word(ctx, first) if first is not None else None
    key = ctx.state.actor_of(word) if word is not None else None
    full = key is not None and sum(w[:1].isupper() for w in ctx.state.registry[key].name.split()) >= 2  # in full
    return key if full and ctx.state.is_person(key) and not first.quoted else None


def _caption_name(ctx: AttributionContext, sent: Span) -> str | None:
    """The one actor a caption line names in all its words before the picture's credit (a symbol
    such as ©, or 'Picture:')."""
    credit = ctx.words("markers.photo_credit")
    words = []
    for t in tokens(sent):
        symbol = len(t.text) == 1 and unicodedata.category(t.text) == "So"
        if symbol or t.lower_ in credit and t.i + 1 < len(t.doc) and t.nbor(1).text == ":":
            break
        if not (t.is_space or t.is_punct):
            words.append(t)
    return _sole_actor(ctx, words)


def publisher_author(ctx: AttributionContext, units: list[Unit], facts: dict) -> str | None:
    """The publisher (the organisation whose site or outlet the page is) when the page, with no
    byline, speaks as 'we' outside quotations: an organisation's own statement on its own site; a
    member's own site ('Jane Doe MP') when the page speaks as 'I'."""
    key = facts.get("publisher_key")
    if not key:
        return None
    if ctx.state.is_person(key):  # a member's speech speaks for the party too ('we tabled amendments')
        voiced = _i_sentences(ctx, units) + (_we_sentences(ctx, units) if facts.get("member_page") else 0)
        return key if voiced >= 1 else None
    if not ctx.state.is_org(key):
        return None
    if _we_sentences(ctx, units) >= 1:
        return key
    if _self_subject_sentences(ctx, units, key) >= 2:
        facts["third_person"] = True  # it writes of itself by name: what it says it does, it backs
        return key
    return None


def _self_subject_sentences(ctx: AttributionContext, units: list[Unit], key: str) -> int:
    """How many of the page's sentences that nobody is named as saying have the publisher itself for
    subject ('Warwickshire County Council is leading ...', 'The council has set up ...'): an
    organisation writing about itself in the third person on its own site."""
    kinds = ctx.words("actors.org_words")
    count = 0
    for u in units:
        if u.speaker is not None or u.quoted or u.heading:
            continue
        root = ctx.sents[u.sent].root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        count += subj is not None and ctx.state.names_itself(subj, key, kinds)
    return count


def _i_sentences(ctx: AttributionContext, units: list[Unit]) -> int:
    """How many sentences outside quotations speak as 'I'."""
    return _voiced(ctx, units, ctx.first_singular)


def _we_sentences(ctx: AttributionContext, units: list[Unit]) -> int:
    """How many sentences outside quotations speak as 'we'."""
    return _voiced(ctx, units, ctx.first_plural)


def _voiced(ctx: AttributionContext, units: list[Unit], pronouns: re.Pattern[str]) -> int:
    """How many sentences speak with ``pronouns`` outside quotations and outside a named speaker's turn."""
    return sum(1 for u in units if not u.quoted and u.rule != "transcript-turn" and pronouns.search(text_of(ctx.sents[u.sent])))


def self_titled_author(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """An organisation whose own document a title line names ('ASCL submission to the committee',
    'Coram response to the review', 'Ofsted's response to the consultation', 'Action for Children -
    committee submission'): the possessor of the document word, else the first
    organisation before the document word (after the title's dash or colon, if one is named
    there: 'NAO report on costs – LGA response') that the text never addresses or discusses. When the
    title names the page's publisher anywhere ('The Review - Northfold Trust initial view' on the
    Trust's site, 'Government's response to the review: NLCBF initial response' on NLCBF's), the
    document is the publisher's."""
    discussed = _addressed_orgs(ctx, units)
    publisher = meta(ctx.doc).get("publisher_key")
    for u in units[:12]:
        sent = ctx.sents[u.sent]
        doc_word = _title_document_word(ctx, u, sent)
        if doc_word is None:
            continue
        if person := _person_just_before(ctx, sent, doc_word):
            return person  # 'Prof Jane Doe Briefing for the Trust on ...': hers, even on the Trust's site
        if publisher and publisher not in discussed and any(ctx.state.actor_of(t) == publisher for t in tokens(sent)):
            return publisher  # 'Government's response to the review: NLCBF initial response' on NLCBF's site
        named = _title_orgs(ctx, sent, doc_word, discussed)
        key = _possessor_org(ctx, sent.doc[doc_word]) or _title_owner(named, publisher) or \
            _document_by(ctx, sent[doc_word - sent.start], discussed)
        if key:
            return key
    return None


def _person_just_before(ctx: AttributionContext, sent: Span, doc_word: int) -> str | None:
    """The person whose name a title's document word follows straight away ('Jane Doe Briefing',
    'Jane Doe submission'): the writer of the document the title names."""
    key = ctx.state.actor_of(sent.doc[doc_word - 1]) if doc_word > sent.start else None
    return key if key and ctx.state.is_person(key) else None


def _title_orgs(ctx: AttributionContext, sent: Span, doc_word: int, discussed: set[str]) -> list[str]:
    """The organisations a title names before its document word that the text does not discuss; those
    after the title's dash or colon when it names one there ('NAO report – LGA response': the LGA)."""
    cut = max((t.i for t in tokens(sent) if t.i < doc_word and t.text in ctx.words("layout.title_separators")),
              default=-1)
    named = [(t.i, k) for t in tokens(sent) if t.i < doc_word and (k := ctx.state.actor_of(t)) and ctx.state.is_org(k)
             and k not in discussed]
    return [k for i, k in named if i > cut] or [k for _, k in named]


def _past_report(root: Token) -> bool:
    """Whether a sentence's root is a verb in the past tense with a subject of its own (a report of
    what happened; a title says 'X responds to Y', or has no verb)."""
    return root.tag_ == "VBD" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)


def _title_document_word(ctx: AttributionContext, u: Unit, sent: Span) -> int | None:
    """The index of the document word ('response', 'submission') of a title line, if it is one: a
    heading, or one of the first lines that does not report in the past tense ('Education Secretary
    Jane Doe made a statement, detailing the response ...' is a report, not a title)."""
    if not (u.heading or u.sent < 3) or u.quoted or not u.heading and _past_report(sent.root):
        return None
    words = [t.i for t in tokens(sent) if t.lower_ in ctx.words("nouns.self_document")]
    cut = max((t.i for t in tokens(sent) if t.text in ctx.words("layout.title_separators")), default=-1)
    own = [i for i in words if i > cut]  # 'Government's response to the review: NLCBF initial response'
    return (own or words or [None])[0]


def _possessor_org(ctx: AttributionContext, tok: Token) -> str | None:
    """The organisation a title's head word is the possession of ('Ofsted's response to the
    consultation'); not one the line only talks about ('views on the Government's response')."""
    if tok.dep_ in {"pobj", "dobj", "iobj", "attr", "conj"}:
        return None  # what the line is about, not the line itself
    return next((k for c in tok.children if c.dep_ == "poss" and (k := ctx.state.actor_of(c)) and ctx.state.is_org(k)),
                None)


def _title_owner(named: list[str], publisher: str | None) -> str | None:
    """Of the organisations a title names before its document word, the publisher, else the first."""
    return publisher if publisher in named else next(iter(named), None)


def _document_by(ctx: AttributionContext, doc_word: Token, discussed: set[str]) -> str | None:
    """'Statement from the Commissioner', 'Response by the Trust', 'Written evidence submitted by
    the Association': the organisation the title says the document is from."""
    participles = [c for c in doc_word.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for prep in [*doc_word.children, *(g for p in participles for g in p.children)]:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in ctx.words("markers.authored_by"):
            key = next((k for obj in prep.children if obj.dep_ == "pobj" for k in _orgs_in(ctx, obj, discussed)), None)
            return key or _org_right_after(ctx, prep, discussed)
    return None


def _org_right_after(ctx: AttributionContext, prep: Token, discussed: set[str]) -> str | None:
    """The organisation named right after 'by' ('by Just for Kids Law', the name parsed apart)."""
    after = ctx.state.actor_of(prep.doc[prep.i + 1]) if prep.i + 1 < len(prep.doc) else None
    return after if after and ctx.state.is_org(after) and after not in discussed else None


def _orgs_in(ctx: AttributionContext, tok: Token, discussed: set[str]) -> Iterator[str]:
    """The organisations named in a token's phrase, except those the text discusses."""
    return (k for t in tok.subtree if (k := ctx.state.actor_of(t)) and ctx.state.is_org(k) and k not in discussed)


def _addressed_orgs(ctx: AttributionContext, units: list[Unit]) -> set[str]:
    return {k for u in units for t in tokens(ctx.sents[u.sent])
            if (k := ctx.state.actor_of(t)) and ctx.state.is_org(k) and addressed(ctx, t)}


def organisation_author(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """An organisation writing about itself ("our project") outside quotations is the author; one
    reported in the third person ("the government announced") is not. Organisations reported in
    the body ('BASW said') are not the writer."""
    counts, we_sentences = _we_writers(ctx, units)
    mentions = _org_mentions(ctx, units)
    if not counts and we_sentences >= 2 and mentions:
        # a press release names and describes itself in the third person ('The Trust, the national
        # charity for ..., today sets out ...', 'Keyhouse is a charity ...') and then speaks as
        # 'we': the organisation it names most is the writer, if it describes itself
        top = max(sorted(mentions), key=lambda k: mentions[k])
        if mentions[top] >= 2 and list(mentions.values()).count(mentions[top]) == 1 and \
                self_described(ctx, units, top):
            return top
    if not counts and we_sentences >= 2:
        return _letterhead_of(ctx, units)
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _letterhead_of(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """The one organisation whose name alone heads one of the page's first lines, below any
    greeting (a letterhead), on a page that speaks as 'we' and names no one in it."""
    greeting = _greeting(ctx, units)
    heads = set()
    for u in units[:4]:
        if u.sent <= greeting or u.quoted:
            continue
        first = _first_word(ctx, u)
        key = ctx.state.actor_of(first) if first is not None else None
        if key and ctx.state.is_org(key) and _letterhead(ctx, u, key):
            heads.add(key)
    return heads.pop() if len(heads) == 1 else None


def self_described(ctx: AttributionContext, units: list[Unit], key: str) -> bool:
    """Whether the text says what kind of organisation ``key`` is ('Keyhouse is a charity', 'The
    Trust, the national charity for disabled children, ...') or heads the page with its name
    alone, like a letterhead (outside quotations)."""
    kinds = ctx.words("nouns.organisation")
    greeting = _greeting(ctx, units)
    return any(_letterhead(ctx, u, key) and u.sent > greeting or _describes(ctx, ctx.sents[u.sent], key, kinds)
               for u in units if not u.quoted)


def _letterhead(ctx: AttributionContext, u: Unit, key: str) -> bool:
    words = [t for t in tokens(ctx.sents[u.sent]) if not (t.is_punct or t.is_space)]
    return u.heading and bool(words) and all(ctx.state.actor_of(t) == key for t in words)


def _first_word(ctx: AttributionContext, u: Unit) -> Token | None:
    """A unit's first word (punctuation and spaces passed over)."""
    return _opening_word(ctx.sents[u.sent])


def _greeting(ctx: AttributionContext, units: list[Unit]) -> int:
    """The sentence number of a letter's greeting line ('Dear Emma Hardy,') among the first lines,
    or -1: an organisation named alone on a line above it is the recipient's address, no letterhead."""
    openers = ctx.words("layout.salutations")
    for u in units[:12]:
        first = _first_word(ctx, u)
        if first is not None and first.lower_ in openers:
            return u.sent
    return -1


def _describes(ctx: AttributionContext, sent: Span, key: str, kinds: frozenset[str]) -> bool:
    """'X is a charity', 'X, the national charity for ...': a sentence saying what kind of body X is."""
    for tok in tokens(sent):
        if ctx.state.actor_of(tok) != key:
            continue
        head = name_head(ctx, tok)
        if any(c.dep_ == "appos" and c.lemma_.lower() in kinds for c in head.children):
            return True
        if head.dep_ == "nsubj" and head.head.lemma_ == "be" and \
                any(c.dep_ == "attr" and c.lemma_.lower() in kinds for c in head.head.children):
            return True
    return False


def speaking_organisation(ctx: AttributionContext, units: list[Unit]) -> str | None:
    """An organisation's own page in the third person ('Barnardo's welcomes this legislation.
    Barnardo's believes that ...'): the one organisation that speaks in the present tense in two
    sentences or more outside quotations, on a page where nobody else speaks, nobody 'said' and
    no writer speaks as 'I'."""
    if _i_sentences(ctx, units):
        return None
    speakers: dict[str, int] = {}
    for u in units:
        if u.quoted or not u.speaker or u.speaker == UNNAMED or not u.rule.startswith(EXPLICIT_RULES):
            continue
        verb = ctx.doc[u.cue_token] if u.cue_token is not None else None
        if verb is None or verb.tag_ not in {"VBZ", "VBP"}:
            return None  # someone 'said' something: a report, not a statement
        speakers[u.speaker] = speakers.get(u.speaker, 0) + 1
    if len(speakers) != 1:
        return None
    key, count = next(iter(speakers.items()))
    return key if count >= 2 and ctx.state.is_org(key) else None


def _we_writers(ctx: AttributionContext, units: list[Unit]) -> tuple[dict[str, int], int]:
    """Organisations named in the writer's own 'we' sentences (not addressed or acted on, not reported as
    speaking elsewhere), and how many such sentences there are."""
    exclude = _reported_speakers(units)
    counts: dict[str, int] = {}
    we_sentences = 0
    for u in units:
        if u.quoted or (u.speaker and u.speaker != UNNAMED):
            continue  # reported speech ("the minister said we can learn") says nothing of the writer
        sent = ctx.sents[u.sent]
        if not ctx.first_plural.search(text_of(sent)):
            continue
        we_sentences += 1
        key = next((k for tok in tokens(sent) if (k := ctx.state.actor_of(tok)) and ctx.state.is_org(k)
                    and k not in exclude and not addressed(ctx, tok) and not acted_on(ctx, tok)), None)
        if key:
            counts[key] = counts.get(key, 0) + 1
    return counts, we_sentences


def _reported_speakers(units: list[Unit]) -> set[str]:
    """Speakers the body reports ('BASW said'); a headline's 'says the Trust' does not count."""
    return {u.speaker for u in units if u.speaker and u.sent > 0 and not u.heading
            and u.rule.startswith(EXPLICIT_RULES)}


def _org_mentions(ctx: AttributionContext, units: list[Unit]) -> dict[str, int]:
    """Organisations named outside quotations, as who acts or is described."""
    mentions: dict[str, int] = {}
    for u in units:
        if u.quoted:
            continue
        for tok in tokens(ctx.sents[u.sent]):
            key = ctx.state.actor_of(tok)
            if key and ctx.state.is_org(key) and not addressed(ctx, tok, possessive=False):
                mentions[key] = mentions.get(key, 0) + 1
    return mentions


__all__ = ["attribute", "make_units", "quote_regions", "ORG", "PERSON"]
