"""Every rule of every table has a test where it fires and a near miss where it must not, named
``test_<component>_<table>__<rule>__fires`` and ``test_<component>_<table>__<rule>__near_miss...``."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import argmap.nlp.components  # noqa: F401  (every stage, so every rule table)
import argmap.nlp.stance  # noqa: F401
from argmap.nlp.rules import TABLES


def stem_of(table_qualified: str, rule: str) -> str:
    """The stem of the tests of one rule ('stance.negated', 'negator-before' ->
    'test_stance_negated__negator_before')."""
    return f"test_{table_qualified.replace('.', '_').replace('-', '_')}__{rule.replace('-', '_')}"


def rule_tests() -> set[str]:
    here = Path(__file__).parent
    names: set[str] = set()
    for info in pkgutil.iter_modules([str(here)]):
        if info.name.startswith("test_"):
            module = importlib.import_module(f"{__package__}.{info.name}")
            names |= {n for n in vars(module) if n.startswith("test_")}
    return names


def test_every_rule_has_a_test_where_it_fires_and_a_near_miss():
    names = rule_tests()
    missing = []
    for table in TABLES:
        for rule in table:
            stem = stem_of(table.qualified, rule.name)
            if f"{stem}__fires" not in names:
                missing.append(f"{stem}__fires")
            if not any(n.startswith(f"{stem}__near_miss") for n in names):
                missing.append(f"{stem}__near_miss")
    assert not missing, "rules without tests:\n" + "\n".join(missing)


def test_the_check_sees_the_tables_of_every_stage():
    assert {t.component for t in TABLES} == {"actors", "attribution", "stance", "targets"}
    assert {"stance.clause-cuts", "stance.drafting"} <= {t.qualified for t in TABLES}
