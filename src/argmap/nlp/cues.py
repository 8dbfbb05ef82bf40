"""Typed results the components hand each other: stance cues and draft claims.

Components read fields of these, never parse a label: a cue's ``kind`` says what found it and its
``sign`` which way it points; its ``label`` is only for people (``argmap explain``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.model import Stance

# kinds of cue found in the words of a clause
WORD = "word"
PHRASE = "phrase"
CONDITION = "condition"
GRANT = "grant"
ONLY_IF = "only-if"
URGED = "urged"
CONCESSION = "concession"
NEED = "need"
# kinds of cue that decide a stance when no cue word is present
WANT = "want"
RECOMMENDATION = "recommendation"
SHOULD = "should"
ARGUE = "argue"
GOVERNMENT = "government"
LISTED = "listed"
OWNER = "owner"
ELABORATES = "elaborates"
IMPROVE = "improve"
FALLBACK_KINDS = frozenset({WANT, RECOMMENDATION, SHOULD, ARGUE, GOVERNMENT, LISTED, OWNER, IMPROVE})


@dataclass(frozen=True)
class Cue:
    """Evidence for a stance: what kind of cue, which way it points, the words, the rule."""

    kind: str
    sign: int
    label: str
    rule: str = ""
    weight: float = 1.0

    @property
    def counts_for_mix(self) -> bool:
        """Whether the cue is a word of its own (fallback cues only stand in for missing words)."""
        return self.kind not in FALLBACK_KINDS


@dataclass
class Draft:
    """A claim before it leaves spaCy: a clause or sentence with its speaker, stance and targets."""

    unit: int  # index of its sentence's unit
    start: int  # token bounds
    end: int
    speaker: str
    stance: Stance
    cues: list[Cue] = field(default_factory=list)
    rule: str = ""
    targets: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    target_cues: list[str] = field(default_factory=list)

    def has_cue(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.cues)

    def record(self) -> dict[str, Any]:
        """The draft as plain data (what ``dataclasses.asdict`` gives, without its deep copying,
        which cost a tenth of the analysis)."""
        return {"unit": self.unit, "start": self.start, "end": self.end, "speaker": self.speaker,
                "stance": self.stance.value,
                "cues": [{"kind": c.kind, "sign": c.sign, "label": c.label, "rule": c.rule, "weight": c.weight}
                         for c in self.cues],
                "rule": self.rule, "targets": list(self.targets), "themes": list(self.themes),
                "target_cues": list(self.target_cues)}

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> Draft:
        return cls(d["unit"], d["start"], d["end"], d["speaker"], Stance(d["stance"]),
                   [Cue(**c) for c in d.get("cues") or ()], d.get("rule", ""), list(d.get("targets") or ()),
                   list(d.get("themes") or ()), list(d.get("target_cues") or ()))
