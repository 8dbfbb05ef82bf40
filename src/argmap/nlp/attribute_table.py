"""The model's attribute rules, applied over arrays: the same annotations as spaCy's
``AttributeRuler``, in a small fraction of its time.

A spaCy pipeline's ``attribute_ruler`` maps fine-grained tags to coarse ones and morphology, and
patches lemmas and tags of a few words, through Matcher patterns ("TAG is NNS", "LOWER is 'ai'
and the next LOWER matches n't"). spaCy checks every pattern at every token; in the English
pipelines that is about an eighth of the whole parse. :class:`AttributeTable` compiles the same
patterns into column tests over ``Doc.to_array`` (equality, ``IN``, ``NOT_IN``, ``REGEX``, fixed
sequences of tokens) and writes the results with one ``Doc.from_array``, applying rules in the
ruler's order so that a later rule wins, as spaCy's does.

Only patterns it can read exactly are compiled. A ruler with anything else (operators such as
``OP``, comparisons, fuzzy or extension attributes, custom-attribute outputs) is left as spaCy
made it (:func:`use_attribute_table` returns False), and so is a Doc that lacks an annotation a
pattern tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy

from spacy.attrs import IDS
from spacy.language import Language
from spacy.strings import get_string_id

from argmap.nlp.stand_in import StandIn

TABLE_COMPONENT = "argmap_attribute_table"
_MAX_REMEMBERED = 200_000  # regex answers kept per (pattern, word); past this, they start again
# token attributes whose Matcher value is the plain column of Doc.to_array
_COLUMNS = frozenset(("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX",
                      "ENT_TYPE", "LENGTH")) | frozenset(n for n in IDS if n.startswith(("IS_", "LIKE_")))
_ALIASES = {"TEXT": "ORTH"}
# Doc.has_annotation names of the columns a parse fills in
_ANNOTATION = {"TAG": "TAG", "POS": "POS", "DEP": "DEP", "LEMMA": "LEMMA", "ENT_TYPE": "ENT_TYPE"}


class Unsupported(ValueError):
    """A pattern the table cannot apply exactly as spaCy's Matcher would."""


@dataclass(frozen=True)
class _Test:
    """One test on one column: ``kind`` is 'eq', 'in', 'not_in' or 'regex'."""

    attr: str
    kind: str
    value: Any  # int hash, frozenset of hashes, or compiled regex


@dataclass(frozen=True)
class _Rule:
    """One pattern of the ruler: token tests in sequence, the token it sets, what it sets (rules
    are kept in the ruler's order, so a later one wins)."""

    tokens: tuple[tuple[_Test, ...], ...]
    index: int
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value)


def _attr_name(key: Any) -> str:
    name = _ALIASES.get(str(key).upper(), str(key).upper())
    if name not in _COLUMNS:
        raise Unsupported(f"attribute {key!r}")
    return name


def _scalar(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int)):
        return get_string_id(value)
    raise Unsupported(f"value {value!r}")


def _predicate(attr: str, op: str, value: Any) -> _Test:
    if op in ("IN", "NOT_IN") and isinstance(value, (list, tuple, set, frozenset)):
        return _Test(attr, op.lower(), frozenset(get_string_id(v) for v in value))
    if op == "REGEX" and isinstance(value, str):
        return _Test(attr, "regex", re.compile(value))
    raise Unsupported(f"predicate {op!r}")


def _token_tests(spec: Any) -> tuple[_Test, ...]:
    if not isinstance(spec, dict) or not spec:
        raise Unsupported("empty or non-dict token")
    tests: list[_Test] = []
    for key, value in spec.items():
        attr = _attr_name(key)
        if isinstance(value, dict):
            tests.extend(_predicate(attr, op, v) for op, v in value.items())
        else:
            tests.append(_Test(attr, "eq", _scalar(value)))
    return tuple(tests)


def _outputs(attrs: dict) -> tuple[tuple[int, int], ...]:
    if not all(isinstance(k, int) and isinstance(v, int) for k, v in attrs.items()):
        raise Unsupported("custom-attribute output")
    return tuple(attrs.items())


def compile_rules(ruler: Any) -> list[_Rule]:
    """The ruler's patterns as :class:`_Rule` s, in the order spaCy applies them.

    Raises :class:`Unsupported` for anything the table cannot apply exactly.
    """
    rules: list[_Rule] = []
    for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
        outputs = _outputs(attrs)
        for pattern in ruler.matcher.get(ruler.vocab.strings[str(order)])[1]:
            tokens = tuple(_token_tests(spec) for spec in pattern)
            if not tokens or not -len(tokens) <= index < len(tokens):
                raise Unsupported("index outside the pattern")
            rules.append(_Rule(tokens, index, outputs))
    return rules


class AttributeTable(StandIn):
    """Applies an attribute ruler's compiled rules to Docs (see the module docstring).

    The ``argmap_attribute_table`` component: made empty by its factory, then given the ruler it
    stands in for with :meth:`adopt` (which raises :class:`Unsupported` and changes nothing if the
    ruler cannot be read exactly). It saves and loads as that ruler does (``to_disk``,
    ``from_disk``, ``to_bytes``, ``from_bytes``), so a saved pipeline loads again with its rules.
    """

    def __init__(self, vocab: Any = None, name: str = "attribute_ruler"):
        self.vocab, self.name = vocab, name
        self.ruler: Any = None
        self.rules: list[_Rule] = []
        self.columns: list[str] = []
        self.outputs: list[int] = []
        self._regex_hits: dict[tuple[str, int], bool] = {}

    def adopt(self, ruler: Any) -> None:
        rules = compile_rules(ruler)
        self.ruler, self.vocab, self.rules = ruler, ruler.vocab, rules
        self.columns = sorted({t.attr for r in rules for tokens in r.tokens for t in tokens})
        self.outputs = sorted({a for r in rules for a, _ in r.attrs})

    def _fresh(self) -> Any:
        from spacy.pipeline import AttributeRuler

        return AttributeRuler(self.vocab, self.name)

    def _adopted(self) -> Any:
        if self.ruler is None:
            raise ValueError(f"{TABLE_COMPONENT} has no attribute rules: give it a ruler with adopt()")
        return self.ruler

    def applies_to(self, doc: Any) -> bool:
        """Whether every annotation the patterns test is present (else spaCy's ruler runs)."""
        return all(doc.has_annotation(_ANNOTATION[c]) for c in self.columns if c in _ANNOTATION)

    def __call__(self, doc: Any) -> Any:
        ruler = self._adopted()
        if not len(doc) or not self.outputs:
            return doc
        if not self.applies_to(doc):
            return ruler(doc)
        columns = _Columns(_rows(doc, [IDS[c] for c in self.columns]), self.columns)
        out = _rows(doc, self.outputs)
        position = {a: i for i, a in enumerate(self.outputs)}
        for rule in self.rules:
            if columns.may_match(rule):
                targets = self._targets(rule, columns, len(doc))
                for attr, value in rule.attrs:
                    out[targets, position[attr]] = value
        doc.from_array(self.outputs, out)
        return doc

    def _targets(self, rule: _Rule, columns: _Columns, n: int) -> numpy.ndarray:
        width = len(rule.tokens)
        if width > n:
            return numpy.empty(0, dtype=numpy.intp)
        starts = None
        for offset, tests in enumerate(rule.tokens):
            for test in tests:
                mask = self._mask(test, columns)[offset:offset + n - width + 1]
                starts = mask if starts is None else starts & mask
        return numpy.flatnonzero(starts) + (rule.index if rule.index >= 0 else width + rule.index)

    def _mask(self, test: _Test, columns: _Columns) -> numpy.ndarray:
        mask = columns.masks.get(test)
        if mask is None:
            values = columns.values[test.attr]
            if test.kind == "eq":
                mask = values == test.value
            elif test.kind == "regex":
                unique, inverse = columns.unique(test.attr)
                mask = numpy.fromiter((self._searched(test, v) for v in unique.tolist()), dtype=bool,
                                      count=len(unique))[inverse]
            else:
                hits = test.value & columns.present(test.attr)
                mask = numpy.isin(values, numpy.fromiter(hits, dtype=numpy.uint64, count=len(hits)))
                mask = mask if test.kind == "in" else ~mask
            columns.masks[test] = mask
        return mask

    def _searched(self, test: _Test, value: int) -> bool:
        key = (test.value.pattern, value)
        hits = self._regex_hits
        hit = hits.get(key)
        if hit is None:
            if len(hits) >= _MAX_REMEMBERED:
                hits.clear()  # bounded memory on a corpus with a huge vocabulary
            hit = hits[key] = bool(test.value.search(self.vocab.strings[value]))
        return hit


def _rows(doc: Any, attrs: list[int]) -> numpy.ndarray:
    """``doc.to_array(attrs)`` as a 2-D array even for one attribute (spaCy returns 1-D then)."""
    return doc.to_array(attrs).reshape(len(doc), len(attrs))


class _Columns:
    """One Doc's tested columns, with their distinct values and the masks made so far."""

    def __init__(self, values: numpy.ndarray, names: list[str]):
        self.values = {c: values[:, i] for i, c in enumerate(names)}
        self.masks: dict[_Test, numpy.ndarray] = {}
        self._unique: dict[str, tuple[numpy.ndarray, numpy.ndarray]] = {}
        self._present: dict[str, set[int]] = {}

    def unique(self, attr: str) -> tuple[numpy.ndarray, numpy.ndarray]:
        found = self._unique.get(attr)
        if found is None:
            found = self._unique[attr] = numpy.unique(self.values[attr], return_inverse=True)
        return found

    def present(self, attr: str) -> set[int]:
        found = self._present.get(attr)
        if found is None:
            found = self._present[attr] = set(self.unique(attr)[0].tolist())
        return found

    def may_match(self, rule: _Rule) -> bool:
        """False when some token test asks for a value the Doc does not have (a quick skip)."""
        for tests in rule.tokens:
            for test in tests:
                if test.kind == "eq" and test.value not in self.present(test.attr):
                    return False
                if test.kind == "in" and test.value.isdisjoint(self.present(test.attr)):
                    return False
        return True


def use_attribute_table(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Run ``nlp``'s attribute ruler through an :class:`AttributeTable` if it can be read exactly.

    Returns whether it was swapped; the pipeline keeps the component's name and position.
    """
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), AttributeTable):
        return False
    ruler = nlp.get_pipe(name)
    try:
        compile_rules(ruler)
    except Unsupported:
        return False
    nlp.replace_pipe(name, TABLE_COMPONENT)
    nlp.get_pipe(name).adopt(ruler)
    return True


@Language.factory(TABLE_COMPONENT, requires=["token.tag"], assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """Factory of the ``argmap_attribute_table`` component (empty until :meth:`AttributeTable.adopt`
    or a load from disk)."""
    return AttributeTable(nlp.vocab, name)
