"""Builders for the rule tests: hand-built Docs (no model), a tiny made-up taxonomy, the shipped cue
lexicon, and the context objects the rule tables take.

A rule test calls the rule's function directly (its own answer) and then the code that applies the
rule's table (``first``, ``any``, ``score``, ``split_clauses`` ...), so that removing the rule from
its table makes the second assertion fail: that is what ``tests/mutation_check.py`` counts.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from argmap.lexicon import load_lexicon
from argmap.model import Stance
from argmap.nlp.attribution import make_units, quote_regions
from argmap.nlp.cues import Cue, Draft
from argmap.nlp.rules import RuleTable
from argmap.nlp.rules.actors import ActorContext, actor_info
from argmap.nlp.rules.attribution import AttributionContext, Quotation, Recency, Unit
from argmap.nlp.rules.stance import Clause, StanceContext
from argmap.nlp.rules.targets import TargetContext, Work, matches, proposals
from argmap.nlp.state import ORG, PERSON, REGISTRY, ActorInfo, ActorState, install_extensions, save_actors
from argmap.nlp.text import doc_text
from argmap.taxonomy import taxonomy_from_dict
from handdoc import hand_doc

LEX = load_lexicon()

# made-up proposals, grounds and actors (not the shipped taxonomy, which changes with the domain)
TAXONOMY = taxonomy_from_dict({
    "meta": {"name": "rule tests", "general_proposal": "care-reform"},
    "proposal": [
        {"id": "care-reform", "label": "care reform", "aliases": ["the reforms", "the proposals"]},
        {"id": "family-help", "label": "family help", "aliases": ["family help teams"]},
        {"id": "family-group-conferences", "label": "family group conferences",
         "keywords": ["relative", "together", "court"]},
        {"id": "kinship-allowance", "label": "kinship allowance",
         "keywords": ["grandparent", "grandchildren", "allowance", "kinship"]},
        {"id": "child-protection-teams", "label": "child protection teams"},
        {"id": "national-framework", "label": "National Framework"},
        {"id": "courts-bill", "label": "Family Courts Bill", "aliases": ["the bill"]},
        {"id": "care-leaver-support", "label": "care leaver support", "aliases": ["care leavers"]},
        {"id": "career-framework", "label": "career framework"},
        {"id": "end-spot-purchasing", "label": "ending spot purchasing", "aliases": ["spot purchasing"]},
        {"id": "pathfinders", "label": "pathfinder programme", "aliases": ["pathfinder", "rolled out"]},
        {"id": "practice-guidance", "label": "practice guidance", "kind": "document"},
        {"id": "hearth-review", "label": "Hearth Review", "kind": "document",
         "aliases": ["trust's reply", "reply to the trust's letter", "Hearth Review of Family Support"]},
    ],
    "theme": [
        {"id": "funding", "label": "funding", "terms": ["funding", "money"], "condition": True},
        {"id": "evaluation", "label": "evaluation", "terms": ["evaluation"]},
    ],
    "actor": [
        {"id": "basw", "label": "British Association of Social Workers", "aliases": ["BASW"],
         "type": "organisation"},
        {"id": "dfe", "label": "Department for Education", "aliases": ["DfE"], "type": "organisation"},
        {"id": "lga", "label": "Local Government Association", "type": "organisation"},
        {"id": "iris-vane", "label": "Iris Vane", "type": "person"},
        {"id": "hearth-panel", "label": "Hearth Review Panel", "type": "organisation", "work": "hearth-review"},
    ],
})


# ---------------------------------------------------------------- Docs
def parse(spec: str, *, title: str | None = None, **facts: Any) -> Doc:
    """A hand-built Doc (see tests/handdoc.py); ``title`` and other document facts go in the meta."""
    install_extensions()
    doc = hand_doc(spec)
    doc._.argmap_meta = {**({"title": title} if title else {}), **facts}
    return doc


def place_actors(doc: Doc, *mentions: tuple[int, int, str] | tuple[int, int, str, str],
                 roles: dict[str, str] | None = None, role_tokens: tuple[int, ...] = ()) -> ActorState:
    """Put actor mentions on a Doc as ``argmap_actors`` would, and read them back.

    A mention is ``(start, end, key)`` for an actor of the taxonomy, or ``(start, end, key, type)``
    for one found in the text (type ``person`` or ``organisation``; its name is the span's text).
    ``roles`` gives people their role phrase.
    """
    registry: dict[str, ActorInfo] = {}
    spans: list[tuple[Span, str]] = []
    for m in mentions:
        start, end, key = m[:3]
        span = doc[start:end]
        if key in TAXONOMY.actors:
            registry.setdefault(key, actor_info(key, TAXONOMY.actors[key]))
        else:
            kind = m[3] if len(m) > 3 else PERSON
            registry.setdefault(key, ActorInfo(key, span.text, kind))
        spans.append((span, key))
    for key, role in (roles or {}).items():
        registry[key].role = role
    save_actors(doc, registry, spans, set(role_tokens))
    return ActorState.of(doc, "rule tests")


def actor_ctx(doc: Doc) -> ActorContext:
    return ActorContext(doc, TAXONOMY, LEX)


# ---------------------------------------------------------------- attribution
def state_of(doc: Doc) -> ActorState:
    """The actors placed on the Doc (none when ``place_actors`` was not called)."""
    if doc.user_data.get(REGISTRY) is None:
        return place_actors(doc)
    return ActorState.of(doc, "rule tests")


def attribution_ctx(doc: Doc) -> AttributionContext:
    state = state_of(doc)
    return AttributionContext(doc, LEX, state, list(doc.sents), quote_regions(doc_text(doc), LEX), Recency(state, LEX))


def observe(ctx: AttributionContext, *speakers: str | None) -> None:
    """Let the context see the first sentences of the Doc, said by ``speakers`` in turn (None: nobody)."""
    for sent, speaker in zip(ctx.sents, speakers, strict=False):
        ctx.recent.observe(sent, speaker)


def units_of(ctx: AttributionContext, **speakers: tuple[str, str, str]) -> list[Unit]:
    """The Doc's units; ``u<N>=(speaker, cue, rule)`` gives sentence N its speaker."""
    units = make_units(ctx.doc, ctx.sents, ctx.quotes)
    for name, (speaker, cue, rule) in speakers.items():
        u = units[int(name.removeprefix("u"))]
        u.speaker, u.cue, u.rule = speaker, cue, rule
    return units


def quotation(ctx: AttributionContext, units: list[Unit], n: int = 0) -> Quotation:
    """The n-th quotation of the Doc with its sentences, as the quote-speaker rules see it."""
    a, b = ctx.quotes[n]
    sents = ctx.sents
    return Quotation(a, b, [u for u in units if sents[u.sent].start_char < b and sents[u.sent].end_char > a],
                     [u for u in units if sents[u.sent].end_char <= a],
                     [u for u in units if sents[u.sent].start_char >= b])


# ---------------------------------------------------------------- stance
def stance_ctx(doc: Doc) -> StanceContext:
    return StanceContext(LEX, TAXONOMY, state_of(doc))


def clause(ctx: StanceContext, span: Span, unit: Unit | None = None) -> Clause:
    """A clause to score, leaving actor mentions alone as the stance stage does."""
    return Clause(span, set(ctx.state.mention_at) | ctx.state.role_tokens, unit)


def unit(span: Span, speaker: str = "someone", cue: str = "say", rule: str = "speech-verb", **kw: Any) -> Unit:
    """A sentence's unit with a speaker (what attribution would have left)."""
    return Unit(0, span.start, span.end, 1, False, False, speaker, cue, rule, **kw)


# ---------------------------------------------------------------- targets
def target_ctx(doc: Doc, **speakers: tuple[str, str, str]) -> TargetContext:
    actx = attribution_ctx(doc)
    units = units_of(actx, **speakers)
    return TargetContext(doc, TAXONOMY, LEX, set(actx.state.mention_at) | actx.state.role_tokens, actx.sents, units)


def work(ctx: TargetContext, sent: int, stance: Stance, *cues: Cue, span: Span | None = None) -> Work:
    """A draft claim over sentence ``sent`` (or ``span``) ready for the target steps, as ``link`` sets it up."""
    span = span if span is not None else ctx.sents[sent]
    draft = Draft(sent, span.start, span.end, ctx.units[sent].speaker or "someone", stance, list(cues))
    own = proposals(ctx, span)
    draft.targets = list(own)
    draft.target_cues = [f"named: {p}" for p in sorted({m.phrase for m in matches(ctx, span)})]
    return Work(draft, span, own)


# ---------------------------------------------------------------- tables
def holding(table: RuleTable, *args: Any) -> list[str]:
    """The names of the rules of ``table`` whose answer is truthy (for side-effect-free tables)."""
    return [r.name for r in table if r(*args)]


# a letter signed by an organisation and a person, one a line after 'Yours sincerely,' (the
# signatory mentions and the signatories pass are both tested on it)
SIGNED_LETTER = """
We         PRON  PRP  nsubj    1 O
agree      VERB  VBP  ROOT     1 O
.          PUNCT .    punct    1 O
\\n        SPACE _SP  dep      2 O
Yours      PRON  PRP$ ROOT     4 O
sincerely  ADV   RB   advmod   4 O
,          PUNCT ,    punct    4 O
\\n        SPACE _SP  dep      6 O
Hearth     PROPN NNP  compound 9 O
Alliance   PROPN NNP  ROOT     9 O
\\n        SPACE _SP  dep      9 O
Rosa       PROPN NNP  compound 12 B-PERSON
Pell       PROPN NNP  ROOT     12 I-PERSON
"""


# 'Written evidence submitted by Just for Kids Law' with the name parsed apart and untagged (the
# document-by-line mentions rule and the self-titled author pass are both tested on it)
EVIDENCE_BY_NAME_PARSED_APART = """
Written    VERB  VBN  amod     1 O lemma=write
evidence   NOUN  NN   ROOT     1 O
submitted  VERB  VBN  acl      1 O lemma=submit
by         ADP   IN   agent    2 O
Just       ADV   RB   advmod   5 O
for        ADP   IN   prep     2 O
Kids       NOUN  NNS  compound 7 O
Law        NOUN  NN   pobj     5 O
"""


__all__ = ["LEX", "TAXONOMY", "SIGNED_LETTER", "EVIDENCE_BY_NAME_PARSED_APART", "ORG", "PERSON", "Stance", "Cue", "Draft", "parse", "place_actors", "actor_ctx",
           "attribution_ctx", "observe", "units_of", "quotation", "stance_ctx", "clause", "unit", "target_ctx",
           "work", "holding"]
