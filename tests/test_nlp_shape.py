"""The shape of the extraction code: knowledge is data, functions stay small, rules document
themselves (no model needed)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import spacy.glossary

from argmap.lexicon import load_lexicon
from argmap.nlp.rules import all_tables

NLP = Path(__file__).resolve().parents[1] / "src" / "argmap" / "nlp"
MAX_COMPLEXITY = 15
_PLAIN_WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")


def word_lists(source: str) -> list[tuple[int, list[str]]]:
    """Set, list and tuple literals holding three or more plain lowercase words that are not
    spaCy's grammatical labels (dependency relations, tags)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _PLAIN_WORD.match(e.value) and e.value not in spacy.glossary.GLOSSARY]
            if len(words) >= 3:
                found.append((node.lineno, words))
    return found


def test_the_word_list_check_finds_a_word_list():
    assert word_lists('X = {"the", "a", "an"}\n') == [(1, ["the", "a", "an"])]
    assert word_lists('Y = ("nsubj", "dobj", "pobj")\nZ = ["not", "never"]\n') == []


def test_no_word_lists_in_the_extraction_code():
    """Every word the rules look for lives in cues.toml (or the taxonomy), not in code."""
    offenders = [f"{p.relative_to(NLP)}:{line}: {' '.join(words)}"
                 for p in sorted(NLP.rglob("*.py")) for line, words in word_lists(p.read_text())]
    assert not offenders, "word lists in code (move them to data/cues.toml):\n" + "\n".join(offenders)


def test_no_function_in_the_extraction_code_is_too_complex():
    radon = pytest.importorskip("radon.complexity", reason="radon is a test dependency")
    too_complex = [f"{p.relative_to(NLP)}:{b.lineno} {b.name} {b.complexity}"
                   for p in sorted(NLP.rglob("*.py")) for b in radon.cc_visit(p.read_text())
                   if b.complexity > MAX_COMPLEXITY]
    assert not too_complex, f"functions above cyclomatic complexity {MAX_COMPLEXITY}:\n" + "\n".join(too_complex)


def test_every_rule_is_named_described_and_has_an_example():
    tables = all_tables()
    assert len(tables) >= 15
    names = set()
    for table in tables:
        assert table.description and len(table) >= 1
        for rule in table:
            assert rule.name and rule.description and rule.example, (table.qualified, rule.name)
            assert (table.qualified, rule.name) not in names
            names.add((table.qualified, rule.name))


def test_the_rules_name_only_word_classes_the_lexicon_has():
    """A rule asking for a word class cues.toml lacks would fail at run time: check every name."""
    lex = load_lexicon()
    asked = set()
    for p in NLP.rglob("*.py"):
        asked |= set(re.findall(r"""(?:words|lex)(?:\(|\[)\s*"([a-z_]+\.[a-z_.]+)"\s*(?:\)|\])""", p.read_text()))
    assert asked, "no word classes found: the pattern above no longer matches the code"
    missing = sorted(name for name in asked if name not in lex.classes)
    assert not missing, f"word classes the rules ask for but cues.toml lacks: {missing}"
