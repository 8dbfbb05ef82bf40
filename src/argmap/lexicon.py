"""The cue lexicon (data/cues.toml): every word and phrase the extraction rules look for.

Every list of strings in the file is a word class, named by its section path and key
("verbs.urge", "stance.support.lemmas"). The rules ask for classes by name and hold no words
themselves. Part-of-speech limits on cue words come from ``[stance.pos]``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from argmap.errors import TaxonomyError
from argmap.inputs import read_input
from argmap.schema import SchemaError, parse_toml, validate_cues

DEFAULT_CUES = "cues.toml"
POS_SECTION = "stance.pos"


@dataclass(frozen=True)
class Lexicon:
    """Word classes by name, each as a tuple in file order and as a frozenset."""

    classes: Mapping[str, tuple[str, ...]]
    pos_limits: Mapping[str, frozenset[str]] = field(default_factory=dict)
    source: str = DEFAULT_CUES
    digest: str = ""
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, name: str) -> frozenset[str]:
        """The word class ``name`` as a set (lower-cased)."""
        found = self._sets.get(name)
        if found is None:
            found = self._sets[name] = frozenset(self.ordered(name))
        return found

    def union(self, *names: str) -> frozenset[str]:
        """The word classes ``names`` together, as one set (made once)."""
        key = "|".join(names)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset().union(*(self[n] for n in names))
        return found

    def ordered(self, name: str) -> tuple[str, ...]:
        """The word class ``name`` in file order."""
        try:
            return self.classes[name]
        except KeyError:
            raise TaxonomyError(f"cue lexicon {self.source} has no list {name!r}") from None

    def allows(self, word: str, pos: str) -> bool:
        """Whether a cue word may count with this part of speech (no limit when it is not listed)."""
        limit = self.pos_limits.get(word)
        return limit is None or pos in limit

    # names the rules use most, kept as attributes for readability
    speech_verbs = property(lambda self: self["attribution.speech_verbs"])
    according_to = property(lambda self: self.ordered("attribution.according_to"))
    statement_nouns = property(lambda self: self["attribution.statement_nouns"])
    objection_nouns = property(lambda self: self["attribution.objection_nouns"])
    support_lemmas = property(lambda self: self["stance.support.lemmas"])
    support_phrases = property(lambda self: self.ordered("stance.support.phrases"))
    object_lemmas = property(lambda self: self["stance.object.lemmas"])
    object_phrases = property(lambda self: self.ordered("stance.object.phrases"))
    negators = property(lambda self: self["stance.negators.words"])
    ignore_phrases = property(lambda self: self.ordered("stance.ignore.phrases"))
    negator_phrases = property(lambda self: self.ordered("stance.negators.phrases"))
    contrast = property(lambda self: self["stance.contrast.markers"])
    conditions = property(lambda self: self.ordered("stance.condition.phrases"))
    role_words = property(lambda self: self["actors.role_words"])
    not_actors = property(lambda self: self["actors.not_actors"])
    titles = property(lambda self: self["actors.titles"])
    org_words = property(lambda self: self["actors.org_words"])
    government_words = property(lambda self: self["actors.government_words"])
    proposal_words = property(lambda self: self["discovery.proposal_words"])


def lexicon_from_dict(data: Mapping[str, Any], *, source: str = DEFAULT_CUES, digest: str = "") -> Lexicon:
    """Flatten every list of strings in ``data`` into a named word class."""
    classes: dict[str, tuple[str, ...]] = {}
    pos_limits: dict[str, frozenset[str]] = {}

    def walk(prefix: str, node: Mapping[str, Any]) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, Mapping):
                walk(name, value)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                if prefix == POS_SECTION:
                    for word in value:
                        pos_limits[word.lower()] = frozenset(str(key).upper().split("_"))
                else:
                    classes[name] = _with_curly_apostrophes(v.lower() for v in value)
            else:
                raise TaxonomyError(f"cue lexicon {source}: {name} must be a list of strings")

    walk("", data)
    return Lexicon(classes, pos_limits, source, digest)


def _with_curly_apostrophes(words) -> tuple[str, ...]:
    """The words, each written with a straight apostrophe followed by its curly form ('can't',
    'can’t'), as published pages write it."""
    out: list[str] = []
    for word in words:
        out.append(word)
        if "'" in word:
            out.append(word.replace("'", "\u2019"))
    return tuple(dict.fromkeys(out))


def _read(path: str | Path | None) -> tuple[bytes, str]:
    """The bytes of the cue lexicon (the shipped one when ``path`` is None) and its name for messages."""
    if path is None:
        return (resources.files("argmap") / "data" / DEFAULT_CUES).read_bytes(), f"argmap:{DEFAULT_CUES}"
    try:
        return read_input(path, "cues", error=TaxonomyError), str(path)
    except OSError as exc:
        raise TaxonomyError(f"cannot read cue lexicon {path}: {exc.strerror or exc}") from None


def _checked(raw: bytes, source: str) -> dict[str, Any]:
    data = parse_toml(raw, source, "cue lexicon")
    problems = validate_cues(data, source)
    if problems:
        raise SchemaError(problems)
    return data


def read_cues(path: str | Path | None = None) -> dict[str, Any]:
    """The parsed cue lexicon TOML, checked against its schema (:func:`argmap.schema.validate_cues`).

    The file must be a regular file within its size limit (:mod:`argmap.inputs`); any problem is a
    :class:`TaxonomyError` (a :class:`~argmap.schema.SchemaError` with one line per problem).
    """
    return _checked(*_read(path))


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the cue lexicon (the shipped one when ``path`` is None), checked as :func:`read_cues` does."""
    raw, source = _read(path)
    d = _checked(raw, source)
    return lexicon_from_dict(d, source=str(path or DEFAULT_CUES), digest=hashlib.sha256(raw).hexdigest()[:16])
