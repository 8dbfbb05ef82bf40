"""Motions in council and committee minutes: a title ('Supporting Kinship Care'), 'Proposed by
Councillor A', 'Seconded by Councillor B', then the motion's text. The mover and the seconder put
forward what the title names (the text is the council's, as the page gives it)."""

from __future__ import annotations

from spacy.tokens import Span

from argmap.nlp.rules.attribution import MOTION_TITLE, AttributionContext, Unit
from argmap.nlp.text import text_of, tokens

#: How many sentences before its movers' line a motion's title may stand.
TITLE_REACH = 3


def motion_movers(ctx: AttributionContext, units: list[Unit]) -> None:
    """Give each motion's title, and the lines naming its movers, to its mover (the seconder with
    them)."""
    movers: tuple[str, ...] = ()
    last_line, title = -2, None  # the index of the last movers' line; the motion's title
    for k, u in enumerate(units):
        named = _movers_named(ctx, ctx.sents[u.sent])
        if not named:
            continue
        if last_line == k - 1:
            movers = (*movers, *named)  # 'Seconded by B' goes on with the line before
        else:
            movers, title = named, _title(ctx, units, k)
        last_line = k
        for line in (u, title):
            if line is not None:
                _give(line, movers, MOTION_TITLE if line is title else "motion-mover")


def _title(ctx: AttributionContext, units: list[Unit], k: int) -> Unit | None:
    """The motion's title: the nearest heading before its first movers' line (not a label ending in
    a colon, 'Minutes:'), no longer a heading but its movers' statement."""
    for u in reversed(units[max(0, k - TITLE_REACH):k]):
        if u.heading and not text_of(ctx.sents[u.sent]).rstrip().endswith(":"):
            u.heading = False
            return u
    return None


def _give(u: Unit, movers: tuple[str, ...], rule: str) -> None:
    u.speaker, u.cue, u.rule, u.co_speakers = movers[0], "the motion", rule, movers[1:]


def _movers_named(ctx: AttributionContext, sent: Span) -> tuple[str, ...]:
    """The people a line names as moving, proposing or seconding a motion ('Proposed by Councillor
    A', 'It was moved by Cllr A, seconded by Cllr B')."""
    verbs = ctx.words("verbs.move_motion")
    out = []
    for tok in tokens(sent):
        if tok.lower_ == "by" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ in verbs:
            after = tok.doc[tok.i + 1:min(tok.i + 5, sent.end)]
            key = next((k for t in after if (k := ctx.state.actor_of(t))), None)
            if key and ctx.state.is_person(key):
                out.append(key)
    return tuple(dict.fromkeys(out))
