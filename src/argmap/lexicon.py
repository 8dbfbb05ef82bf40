"""The cue lexicon (data/cues.toml): attribution verbs, stance cues, negators, contrast markers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from argmap.errors import TaxonomyError
from argmap.inputs import read_input
from argmap.schema import SchemaError, parse_toml, validate_cues

DEFAULT_CUES = "cues.toml"


@dataclass(frozen=True)
class Lexicon:
    """Cue words and phrases, as frozensets/tuples for fast membership tests."""

    speech_verbs: frozenset[str]
    according_to: tuple[str, ...]
    statement_nouns: frozenset[str]
    objection_nouns: frozenset[str]
    support_lemmas: frozenset[str]
    support_phrases: tuple[str, ...]
    object_lemmas: frozenset[str]
    object_phrases: tuple[str, ...]
    negators: frozenset[str]
    ignore_phrases: tuple[str, ...]
    negator_phrases: tuple[str, ...]
    contrast: frozenset[str]
    conditions: tuple[str, ...]
    neutral_verbs: frozenset[str]
    evaluative: tuple[str, ...]
    role_words: frozenset[str]
    not_actors: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    proposal_words: frozenset[str]
    government_words: frozenset[str] = frozenset()


def read_cues(path: str | Path | None = None) -> dict:
    """The parsed cue lexicon TOML, checked against its schema (:func:`argmap.schema.validate_cues`).

    The file must be a regular file within its size limit (:mod:`argmap.inputs`); any problem is a
    :class:`TaxonomyError` (a :class:`~argmap.schema.SchemaError` with one line per problem).
    """
    if path is None:
        raw = (resources.files("argmap") / "data" / DEFAULT_CUES).read_bytes()
        source = f"argmap:{DEFAULT_CUES}"
    else:
        try:
            raw = read_input(path, "cues", error=TaxonomyError)
        except OSError as exc:
            raise TaxonomyError(f"cannot read cue lexicon {path}: {exc.strerror or exc}") from None
        source = str(path)
    data = parse_toml(raw, source, "cue lexicon")
    problems = validate_cues(data, source)
    if problems:
        raise SchemaError(problems)
    return data


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the cue lexicon (the shipped one when ``path`` is None)."""
    d = read_cues(path)
    st = d.get("stance", {})
    low = lambda xs: tuple(x.lower() for x in xs)
    return Lexicon(
        speech_verbs=frozenset(low(d["attribution"]["speech_verbs"])),
        according_to=low(d["attribution"]["according_to"]),
        statement_nouns=frozenset(low(d["attribution"]["statement_nouns"])),
        objection_nouns=frozenset(low(d["attribution"].get("objection_nouns", []))),
        support_lemmas=frozenset(low(st["support"]["lemmas"])),
        support_phrases=low(st["support"]["phrases"]),
        object_lemmas=frozenset(low(st["object"]["lemmas"])),
        object_phrases=low(st["object"]["phrases"]),
        negators=frozenset(low(st["negators"]["words"])),
        ignore_phrases=low(st.get("ignore", {}).get("phrases", [])),
        negator_phrases=low(st["negators"]["phrases"]),
        contrast=frozenset(low(st["contrast"]["markers"])),
        conditions=low(st["condition"]["phrases"]),
        neutral_verbs=frozenset(low(st["neutral_verbs"]["lemmas"])),
        evaluative=low(d.get("authorship", {}).get("evaluative_markers", [])),
        role_words=frozenset(low(d.get("actors", {}).get("role_words", []))),
        not_actors=frozenset(low(d.get("actors", {}).get("not_actors", []))),
        titles=frozenset(low(d.get("actors", {}).get("titles", []))),
        government_words=frozenset(low(d.get("actors", {}).get("government_words", []))),
        org_words=frozenset(low(d.get("actors", {}).get("org_words", []))),
        proposal_words=frozenset(low(d.get("discovery", {}).get("proposal_words", []))),
    )
