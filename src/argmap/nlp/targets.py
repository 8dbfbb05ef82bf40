"""The argmap_targets stage: link each draft claim to the proposals and grounds it is about, and
turn the drafts into claim spans (see :mod:`argmap.nlp.rules.targets` for the steps)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from argmap.lexicon import Lexicon
from argmap.nlp.cues import Draft
from argmap.nlp.rules.attribution import Unit
from argmap.nlp.rules.targets import TargetContext, ended_targets, link, not_own_work, sibling_targets
from argmap.nlp.state import CANDIDATES, CLAIM_SPANS, CLAIMS, UNITS, ActorState, require
from argmap.taxonomy import Taxonomy


def link_targets(doc: Doc, lex: Lexicon, taxonomy: Taxonomy) -> Doc:
    """Give every draft its targets and grounds, keep those about something, save them as claims."""
    state = ActorState.of(doc, "argmap_targets")
    drafts = [Draft.from_record(d) for d in require(doc, CLAIMS, "argmap_targets", "argmap_stance")]
    units = [Unit.from_record(u) for u in require(doc, UNITS, "argmap_targets", "argmap_attribution")]
    ctx = TargetContext(doc, taxonomy, lex, set(state.mention_at) | state.role_tokens, list(doc.sents), units)
    kept = not_own_work(state, ended_targets(ctx, [d for d in drafts if link(ctx, d)]))
    sibling_targets(kept)
    doc.user_data[CLAIMS] = [d.record() for d in kept]
    doc.user_data[CANDIDATES] = [{"id": k, "label": v} for k, v in sorted(ctx.candidates.items())]
    doc.spans[CLAIM_SPANS] = [Span(doc, d.start, d.end, label=d.stance.value, span_id=str(n)) for n, d in enumerate(kept)]
    return doc
