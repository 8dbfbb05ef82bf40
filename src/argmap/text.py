"""Small text helpers shared by every stage: normalising names and quotes, slugs."""

from __future__ import annotations

import re
import unicodedata

_QUOTE_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ",
})


def fold(text: str) -> str:
    """Lowercase, straighten quotes and dashes, collapse whitespace: a form for matching names."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP).lower()
    return re.sub(r"\s+", " ", text).strip()


def slugify(text: str, max_len: int = 60) -> str:
    """A readable, stable id fragment: ascii letters, digits and hyphens."""
    text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode("ascii")
    text = text.replace("&", " and ").replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:max_len].rstrip("-") or "x"


def phrase_pattern(phrases: list[str], *, lower: bool = True, plurals: bool = False) -> re.Pattern[str] | None:
    """A regex matching any of the phrases on word boundaries, longest first.

    With ``lower`` the phrases are folded (match a folded text); without, capitals are kept.
    """
    norm = fold if lower else (lambda s: " ".join(s.translate(_QUOTE_MAP).split()))
    cleaned = sorted({norm(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    # Factoring the word-boundary checks out of the alternation lets the regex engine reject a
    # position once instead of once per phrase (about 30 times faster on a taxonomy's aliases).
    buckets: dict[tuple[bool, bool], list[str]] = {}
    for p in cleaned:
        body = re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
        if plurals and p[-1].isalpha() and not p.endswith("s"):
            body += "s?"
        buckets.setdefault((p[0].isalnum(), p[-1].isalnum()), []).append(body)
    parts = []
    for (left, right) in ((True, True), (True, False), (False, True), (False, False)):
        if (left, right) in buckets:
            parts.append((r"(?<!\w)" if left else "") + "(?:" + "|".join(buckets[(left, right)]) + ")"
                         + (r"(?!\w)" if right else ""))
    return re.compile("|".join(parts))
