"""Plain data passed between argmap's stages: documents, actors, claims and their kinds."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Stance(StrEnum):
    """The stance a claim takes toward its targets."""

    SUPPORT = "support"
    OBJECT = "object"
    NEUTRAL = "neutral"


class NodeKind(StrEnum):
    """The kinds of node in the argument graph."""

    DOCUMENT = "document"
    ACTOR = "actor"
    CLAIM = "claim"
    PROPOSAL = "proposal"
    THEME = "theme"


class EdgeKind(StrEnum):
    """The kinds of edge in the argument graph (also used as the MultiDiGraph edge key)."""

    ASSERTS = "asserts"  # actor -> claim
    SUPPORTS = "supports"  # claim -> proposal
    OBJECTS_TO = "objects_to"  # claim -> proposal
    ABOUT = "about"  # claim -> proposal (neutral claims)
    RAISES = "raises"  # claim -> theme
    FOUND_IN = "found_in"  # claim -> document
    AFFILIATED_WITH = "affiliated_with"  # person -> organisation


class ActorType(StrEnum):
    """Whether an actor is a person or an organisation."""

    PERSON = "person"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Document:
    """One article as read from disk.

    ``text`` is the decoded text exactly as read (for HTML: the text extracted from it);
    every offset argmap stores points into it. ``clean`` is the same text with page furniture
    blanked out and glued words split, fed to the NLP pipeline; ``offset_map`` converts
    offsets in ``clean`` back to offsets in ``text`` (see :func:`argmap.corpus.to_source`).
    """

    id: str
    path: str
    text: str
    clean: str
    sha256: str
    offset_map: tuple[tuple[int, int], ...] = ()
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    author_role: str | None = None
    url: str | None = None
    genre: str | None = None
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    date_source: str | None = None  # where ``date`` was found (see :mod:`argmap.dates`)
    date_problems: tuple[str, ...] = ()  # impossible dates met and ignored

    def to_source(self, offset: int) -> int:
        """Map an offset in ``clean`` to the matching offset in ``text``."""
        shift = 0
        for clean_pos, delta in self.offset_map:
            if clean_pos > offset:
                break
            shift = delta
        return offset + shift


@dataclass(frozen=True)
class Actor:
    """A person or organisation that takes positions in the debate."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None  # actor id of an organisation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """One attributed proposition with its stance, targets and grounds, and why it was extracted."""

    id: str
    doc_id: str
    text: str
    start: int  # offsets into Document.text
    end: int
    speaker: str | None  # actor id
    stance: Stance
    targets: tuple[str, ...] = ()  # proposal ids
    themes: tuple[str, ...] = ()  # theme ids
    attribution: str = ""  # the cue that attributes it ("says", "quote", "according to", "author")
    stance_cues: tuple[str, ...] = ()
    target_cues: tuple[str, ...] = ()
    rule: str = ""  # which rule or component decided
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocResult:
    """Everything extracted from one document: the unit the graph build merges."""

    doc: dict[str, Any]  # document metadata (no text)
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    candidates: tuple[dict[str, Any], ...] = field(default=())  # candidate proposals found
