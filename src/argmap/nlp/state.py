"""What argmap's components leave on a Doc, as plain data: spans under constant keys and records
in ``doc.user_data``, so an analysed Doc survives ``to_bytes`` / ``DocBin`` and components keep
nothing between documents.

* ``doc.spans["argmap_actors"]``: actor mentions, label = the actor's key;
  ``doc.user_data["argmap_actor_registry"]``: key -> actor record; ``"argmap_role_tokens"``.
* ``doc.user_data["argmap_units"]``: one record per sentence (who says it and why).
* ``doc.user_data["argmap_claims"]``: claim records; at the end ``doc.spans["argmap_claims"]``
  holds one span per claim whose ``span._.argmap_claim`` is its record.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from spacy.tokens import Doc, Span, Token

from argmap.errors import ArgmapError
from argmap.nlp.cues import Draft

ACTOR_SPANS = "argmap_actors"
CLAIM_SPANS = "argmap_claims"
META = "argmap_meta"
REGISTRY = "argmap_actor_registry"
ROLE_TOKENS = "argmap_role_tokens"
UNITS = "argmap_units"
CLAIMS = "argmap_claims"
CANDIDATES = "argmap_candidates"
PERSON, ORG = "person", "organisation"
# what a claim span carries as span._.argmap_<name> (fields of its record)
CLAIM_ATTRIBUTES = tuple(f.name for f in fields(Draft)[3:])  # after unit, start, end
UNNAMED = "-"  # a speaker marker: somebody unnamed speaks ('critics claim')


class PipelineOrderError(ArgmapError):
    """An argmap component ran before the component whose results it needs."""


def install_extensions() -> None:
    """Register argmap's Doc and Span attributes (safe to call many times)."""
    for name in (META, "argmap_candidates"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("argmap_claim"):
        Span.set_extension("argmap_claim", getter=_claim_record)
        for key in CLAIM_ATTRIBUTES:
            Span.set_extension(f"argmap_{key}", getter=lambda span, key=key: (_claim_record(span) or {}).get(key))


def _claim_record(span: Span) -> dict[str, Any] | None:
    records = span.doc.user_data.get(CLAIMS) or ()
    try:
        return records[int(span.id_)]
    except (ValueError, IndexError):
        return None


def require(doc: Doc, key: str, component: str, needed: str) -> Any:
    """The record ``key`` an earlier component left, or a one-line error naming that component."""
    if key not in doc.user_data:
        raise PipelineOrderError(f"{component} needs {needed} to run before it in the pipeline")
    return doc.user_data[key]


def meta(doc: Doc) -> dict[str, Any]:
    """The document facts (author, genre, title, list lines) set before analysis, or {}."""
    found = doc._.argmap_meta
    if found is None:
        found = doc._.argmap_meta = {}
    return found


@dataclass
class ActorInfo:
    """One actor as known inside a document."""

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    affiliation: str | None = None
    known: bool = False
    work: str | None = None  # a taxonomy actor that speaks through a piece of work: that proposal's id

    def record(self) -> dict[str, Any]:
        """The actor as plain data (its aliases sorted)."""
        return {"key": self.key, "name": self.name, "type": self.type, "aliases": sorted(self.aliases),
                "role": self.role, "affiliation": self.affiliation, "known": self.known, "work": self.work}

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> ActorInfo:
        return cls(d["key"], d["name"], d["type"], set(d.get("aliases") or ()), d.get("role"),
                   d.get("affiliation"), bool(d.get("known")), d.get("work"))


class ActorState:
    """Read access to the actors ``argmap_actors`` left on a Doc."""

    def __init__(self, registry: dict[str, ActorInfo], mention_at: dict[int, str], role_tokens: set[int]):
        self.registry = registry
        self.mention_at = mention_at
        self.role_tokens = role_tokens

    @classmethod
    def of(cls, doc: Doc, component: str) -> ActorState:
        records = require(doc, REGISTRY, component, "argmap_actors")
        registry = {k: ActorInfo.from_record(v) for k, v in records.items()}
        mention_at = {i: span.label_ for span in doc.spans.get(ACTOR_SPANS, ()) for i in range(span.start, span.end)}
        return cls(registry, mention_at, set(doc.user_data.get(ROLE_TOKENS) or ()))

    def actor_of(self, token: Token) -> str | None:
        return self.mention_at.get(token.i)

    def is_person(self, key: str | None) -> bool:
        info = self.registry.get(key) if key else None
        return info is not None and info.type == PERSON

    def speaks_through_work(self, key: str | None) -> bool:
        info = self.registry.get(key) if key else None
        return info is not None and info.work is not None

    def is_org(self, key: str | None) -> bool:
        info = self.registry.get(key) if key else None
        return info is not None and info.type == ORG

    def possessor(self, noun: Token) -> str | None:
        """The actor whose possessive a noun has ('BASW's response', 'the Panel's 2022 report')."""
        return next((k for c in noun.children if c.dep_ == "poss" and (k := self.actor_of(c))), None)

    def names_itself(self, subject: Token, key: str, kind_words: frozenset[str]) -> bool:
        """Whether a subject is the organisation ``key`` itself: its name, or 'the council' for a
        council (a kind word of its own name after 'the')."""
        if self.actor_of(subject) == key:
            return True
        info = self.registry.get(key)
        word = subject.lemma_.lower()
        return info is not None and word in kind_words and word in info.name.lower().split() and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)


def save_actors(doc: Doc, registry: dict[str, ActorInfo], mentions: list[tuple[Span, str]], role_tokens: set[int]) -> None:
    doc.spans[ACTOR_SPANS] = [Span(doc, span.start, span.end, label=key) for span, key in mentions]
    doc.user_data[REGISTRY] = {k: v.record() for k, v in registry.items()}
    doc.user_data[ROLE_TOKENS] = sorted(role_tokens)
