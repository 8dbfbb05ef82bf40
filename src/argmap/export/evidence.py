"""A claim's evidence for display: its sentence inside its paragraph, and where its cue words stand.

Pure functions over a document's text (``Document.text``, the text every stored offset points
into) and a claim's attributes; :mod:`argmap.export.sources` reads the texts.

A claim keeps its cues as short descriptions (``"lack of"``, ``"should (recommendation)"``,
``"named: family help"``, ``"context: ..."``) and its attribution as a verb lemma (``"argue"``).
:func:`cue_marks` finds the literal words among them in the text around the claim; descriptions
that are not words of the text (``"listed among its proposals"``, ``"context: ..."``) mark
nothing, and an attribution verb is found in its regular forms only (``argue``, ``argues``,
``argued``, ``arguing``; not ``said`` for ``say``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

#: at most this many characters of the paragraph are kept on each side of the sentence
CONTEXT_CHARS = 600
#: attribution values that name a rule, not a word of the text
_NOT_WORDS = frozenset({"", "author", "list", "quote", "heading", "byline", "colon"})
_DESCRIPTION = re.compile(r"\s*\([^()]*\)\s*$")  # "should (recommendation)" -> "should"
_NAMED = "named:"


def paragraph_bounds(text: str, start: int, end: int, *, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """``(para_start, para_end)``: the paragraph (line) holding ``text[start:end]``, cut to at most
    ``limit`` characters on each side of it at a space."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if start - a > limit:
        cut = text.find(" ", start - limit, start)
        a = cut + 1 if cut >= 0 else start - limit
    if b - end > limit:
        cut = text.rfind(" ", end, end + limit)
        b = cut if cut > end else end + limit
    return a, b


def cue_marks(context: str, sentence: tuple[int, int], claim: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """Where the claim's cues stand in ``context``: sorted, non-overlapping ``(start, end, kind)``.

    ``sentence`` is the claim's ``(start, end)`` inside ``context``; stance and target cues are
    looked for inside it, the attribution verb in the whole context (nearest the sentence).
    Kinds: ``"stance"``, ``"target"``, ``"attribution"``.
    """
    s0, s1 = sentence
    marks: list[tuple[int, int, str]] = []
    for cue in _strings(claim.get("stance_cues")):
        marks += _find_phrase(context, _DESCRIPTION.sub("", cue), s0, s1, "stance")
    for cue in _strings(claim.get("target_cues")):
        if cue.startswith(_NAMED):
            marks += _find_phrase(context, cue[len(_NAMED):], s0, s1, "target")
    verb = str(claim.get("attribution") or "").strip().lower()
    if verb not in _NOT_WORDS and verb.isalpha():
        found = _find_verb(context, verb)
        if found:
            mid = (s0 + s1) / 2
            a, b = min(found, key=lambda m: (0 if s0 <= m[0] < s1 else 1, abs(m[0] - mid)))
            marks.append((a, b, "attribution"))
    return _without_overlaps(marks)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return [str(v) for v in value if v]
    return []


def _find_phrase(text: str, phrase: str, lo: int, hi: int, kind: str) -> list[tuple[int, int, str]]:
    words = phrase.split()
    if not words or sum(len(w) for w in words) < 2:
        return []
    pattern = r"(?<!\w)" + r"[\s\-]+".join(re.escape(w) for w in words) + r"(?!\w)"
    return [(m.start() + lo, m.end() + lo, kind)
            for m in re.finditer(pattern, text[lo:hi], flags=re.IGNORECASE)]


def _find_verb(text: str, lemma: str) -> list[tuple[int, int]]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = [re.escape(lemma), re.escape(stem) + "(?:es|ed|ing|s|d)"]
    if lemma.endswith("y") and len(lemma) > 2:
        forms.append(re.escape(lemma[:-1]) + "(?:ies|ied)")
    pattern = r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def _without_overlaps(marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest first wins where two marks overlap; the result sorted by position."""
    kept: list[tuple[int, int, str]] = []
    for m in sorted(set(marks), key=lambda m: (-(m[1] - m[0]), m[0], m[2])):
        if all(m[1] <= k[0] or m[0] >= k[1] for k in kept):
            kept.append(m)
    return sorted(kept)
