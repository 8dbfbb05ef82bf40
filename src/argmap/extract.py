"""From an analysed spaCy Doc to argmap's plain records: the only bridge out of spaCy objects."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from argmap.model import Actor, ActorType, Claim, DocResult, Document

DOC_FIELDS = ("id", "path", "sha256", "title", "date", "outlet", "author", "url", "genre", "encoding")


def doc_meta(document: Document) -> dict[str, Any]:
    """What the graph keeps about a document (everything but its text)."""
    meta = {k: getattr(document, k) for k in DOC_FIELDS}
    if document.notes:
        meta["notes"] = list(document.notes)
    return meta


_LIST_ITEM = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2013*-]|\d+[.)])\s")


def nlp_meta(document: Document) -> dict[str, Any]:
    """What argmap's components need to know about the document (set as doc._.argmap_meta):
    its author, genre, outlet and address, and which lines were list items in the file (bullets are blanked in the
    cleaned text, so the components cannot see them)."""
    items = {n for n, line in enumerate(document.text.split("\n")) if _LIST_ITEM.match(line)}
    return {"author": document.author, "author_role": document.author_role, "genre": document.genre,
            "title": document.title, "id": document.id, "list_lines": sorted(items),
            "outlet": document.outlet, "url": document.url}


def to_result(doc: Doc, document: Document) -> DocResult:
    """Turn an analysed Doc into a DocResult: claims with source offsets, and their actors."""
    from argmap.nlp.cues import Draft
    from argmap.nlp.state import CANDIDATES, CLAIMS, REGISTRY, UNITS, ActorInfo
    from argmap.nlp.text import text_of

    units = doc.user_data.get(UNITS) or []
    drafts = [Draft.from_record(d) for d in doc.user_data.get(CLAIMS) or ()]
    registry = {k: ActorInfo.from_record(v) for k, v in (doc.user_data.get(REGISTRY) or {}).items()}
    claims = []
    used: set[str] = set()
    for n, d in enumerate(sorted(drafts, key=lambda d: (d.start, d.end, d.stance.value)), start=1):
        span = doc[d.start:d.end]
        lo, hi = _strip(text_of(span))
        start = document.to_source(span.start_char + lo)
        end = document.to_source(span.start_char + hi)
        unit = units[d.unit]
        claims.append(Claim(
            id=f"claim:{document.id}:{n}", doc_id=document.id, text=document.text[start:end],
            start=start, end=end, speaker=d.speaker, stance=d.stance,
            targets=tuple(d.targets), themes=tuple(d.themes),
            attribution=unit["cue"], stance_cues=tuple(c.label for c in d.cues), target_cues=tuple(d.target_cues),
            rule=d.rule, quoted=unit["quoted"],
        ))
        used.add(d.speaker)
    keep = set(used) | {registry[k].affiliation for k in used if k in registry and registry[k].affiliation}
    actors = tuple(
        Actor(id=info.key, name=info.name, type=ActorType(info.type), aliases=tuple(sorted(info.aliases - {info.name})),
              role=info.role, affiliation=info.affiliation if info.affiliation in keep else None)
        for key, info in sorted(registry.items()) if key in keep
    )
    return DocResult(doc=doc_meta(document), actors=actors, claims=tuple(claims),
                     candidates=tuple(dict(c) for c in doc.user_data.get(CANDIDATES) or ()))


def _strip(text: str) -> tuple[int, int]:
    lo = len(text) - len(text.lstrip())
    hi = len(text.rstrip())
    return lo, max(lo, hi)
