"""Small text helpers shared by every stage: normalising names and quotes, slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTE_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ",
})


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTE_MAP.items())


def straighten(text: str) -> str:
    """``text`` with curly quotes, dashes and no-break spaces made plain, one character for one
    (a replace per character class: many times faster than ``translate`` on a whole document)."""
    for a, b in _QUOTE_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def fold(text: str) -> str:
    """Lowercase, straighten quotes and dashes, collapse whitespace: a form for matching names."""
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 120  # names and phrases are folded again and again and kept; long texts are not


@lru_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = straighten(unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"\s+", " ", text).strip()


def slugify(text: str, max_len: int = 60) -> str:
    """A readable, stable id fragment: ascii letters, digits and hyphens."""
    text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode("ascii")
    text = text.replace("&", " and ").replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:max_len].rstrip("-") or "x"


def _atoms(phrase: str, plurals: bool, hyphens: bool = True) -> list[str]:
    """A phrase as regex pieces, one per character: a space matches any run of white space, a
    hyphen may be a space or nothing (unless not ``hyphens``), and with ``plurals`` a final letter
    may take an "s"."""
    out = [r"\s+" if c == " " else r"[-\s]?" if c == "-" and hyphens else re.escape(c) for c in phrase]
    if plurals and phrase[-1].isalpha() and not phrase.endswith("s"):
        out.append("s?")
    return out


def _atom_trie(phrases: list[str], plurals: bool, hyphens: bool = True) -> dict:
    """A trie of the phrases' regex pieces; "" marks where a phrase ends; each node remembers the
    length of the longest phrase below it, so that longer phrases are tried first."""
    root: dict = {"": None, "longest": 0, "next": {}}
    for phrase in phrases:
        node = root
        for atom in _atoms(phrase, plurals, hyphens):
            node["longest"] = max(node["longest"], len(phrase))
            node = node["next"].setdefault(atom, {"": None, "longest": 0, "next": {}})
        node["longest"] = max(node["longest"], len(phrase))
        node[""] = True
    return root


def _trie_regex(node: dict) -> str:
    """The alternation the trie stands for, with common beginnings written once (the regex engine
    then rejects a position after a character or two instead of trying every phrase)."""
    branches = [atom + _trie_regex(child)
                for atom, child in sorted(node["next"].items(), key=lambda kv: -kv[1]["longest"])]
    if node[""]:
        branches.append("")  # the phrase that ends here, after every longer one
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def literal_trie(phrases: list[str]) -> str:
    """The phrases (spaces matching any white space, every other character itself) as one
    alternation with their shared beginnings written once. At any position it matches what a
    plain alternation of the phrases, longest first, would: phrases that part at a character
    cannot both match there, and on one path the longer is tried first."""
    return _trie_regex(_atom_trie(sorted(phrases, key=lambda p: (-len(p), p)), plurals=False, hyphens=False))


def phrase_pattern(phrases: list[str], *, lower: bool = True, plurals: bool = False) -> re.Pattern[str] | None:
    """A regex matching any of the phrases on word boundaries, longest first.

    With ``lower`` the phrases are folded (match a folded text); without, capitals are kept.
    """
    norm = fold if lower else (lambda s: " ".join(s.translate(_QUOTE_MAP).split()))
    cleaned = sorted({norm(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    # The word-boundary checks are factored out of the alternation, and the phrases' shared
    # beginnings are written once (a trie), so the regex engine rejects most positions after a
    # character or two instead of trying every phrase (about 3 times faster than one alternative
    # per phrase on the shipped taxonomies; the same matches on every corpus).
    buckets: dict[tuple[bool, bool], list[str]] = {}
    for p in cleaned:
        buckets.setdefault((p[0].isalnum(), p[-1].isalnum()), []).append(p)
    parts = []
    for (left, right) in ((True, True), (True, False), (False, True), (False, False)):
        if (left, right) in buckets:
            body = _trie_regex(_atom_trie(buckets[(left, right)], plurals))
            parts.append((r"(?<!\w)" if left else "") + "(?:" + body + ")" + (r"(?!\w)" if right else ""))
    return re.compile("|".join(parts))
