"""Taxonomy objects shared by components, loaded once per path."""

from __future__ import annotations

from functools import lru_cache

from argmap.taxonomy import Taxonomy, load_taxonomy


@lru_cache(maxsize=8)
def get_taxonomy(path: str | None) -> Taxonomy:
    return load_taxonomy(path)


def span_matches(span, taxonomy: Taxonomy, kind: str):
    """Taxonomy matches ("proposals" or "themes") inside ``span``, offsets relative to the span.

    The whole document is matched once and the result kept on the Doc, so the many span-level
    look-ups of the components cost a filter, not a regex pass each.
    """
    from argmap.taxonomy import Match

    doc = span.doc
    key = f"argmap_{kind}_matches"
    found = doc.user_data.get(key)
    if found is None:
        text = doc.user_data.get("argmap_text") or doc.text
        finder = taxonomy.find_proposals if kind == "proposals" else taxonomy.find_themes
        found = finder(text)
        doc.user_data[key] = found
    a, b = span.start_char, span.end_char
    return [Match(m.id, m.phrase, m.start - a, m.end - a) for m in found if a <= m.start and m.end <= b]


def doc_text(doc) -> str:
    """The Doc's text, built once (spaCy rebuilds ``doc.text`` from its tokens on every access)."""
    text = doc.user_data.get("argmap_text")
    if text is None:
        text = doc.user_data["argmap_text"] = doc.text
    return text
