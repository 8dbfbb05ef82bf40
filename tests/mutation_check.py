"""Mutation check of the extraction rules: remove each rule from its table in turn, run the rule
tests in this process, and see whether at least one test fails.

    .venv/bin/python tests/mutation_check.py [--table stance.negated] [--verbose]

Prints one line per rule (caught, and by which test) and "N of M removals caught"; exits 1 when
some removal went unnoticed (that rule needs a test), 2 when the tests fail with every rule in place.
Not a test module (pytest does not collect it): it runs the rule tests about a hundred times.

The tests run are ``tests/rules`` and ``tests/test_components.py`` without its two fresh-process
tests (a subprocess loads argmap afresh, so it never sees the removal: it could only fail by
disagreeing with this process, which is no test of the rule).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TARGETS = [str(HERE / "rules"), str(HERE / "test_components.py")]
DESELECT = "not fresh_process"


class _Failures:
    """A pytest plugin that notes the tests that failed."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report) -> None:
        if report.failed:
            self.failed.append(report.nodeid.split("::")[-1])


def run_tests(*, stop_first: bool = True) -> list[str]:
    """Run the rule tests quietly; the names of the tests that failed."""
    record = _Failures()
    args = [*TARGETS, "-q", "-p", "no:cacheprovider", "-k", DESELECT, "--rootdir", str(HERE.parent)]
    if stop_first:
        args.append("-x")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = pytest.main(args, plugins=[record])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise SystemExit(f"pytest could not run the rule tests (exit status {int(code)})")
    return record.failed


def rule_tables():
    """Every rule table (the components import every stage, and so every table)."""
    import argmap.nlp.components  # noqa: F401
    import argmap.nlp.stance  # noqa: F401  (clause cuts and drafting live beside the stage)
    from argmap.nlp.rules import TABLES

    return list(TABLES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", action="append", default=[], help="only these tables (e.g. stance.negated)")
    parser.add_argument("--verbose", action="store_true", help="name every test a removal failed")
    opts = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    broken = run_tests(stop_first=False)
    if broken:
        print("the rule tests fail with every rule in place: " + ", ".join(broken))
        return 2
    rows = []
    for table in rule_tables():
        if opts.table and table.qualified not in opts.table:
            continue
        for rule in list(table):
            table.without(rule.name)
            try:
                failed = run_tests(stop_first=not opts.verbose)
            finally:
                table.restore()
            rows.append((table.qualified, rule.name, failed))
    width = max((len(f"{t}.{r}") for t, r, _ in rows), default=10)
    for t, r, failed in rows:
        verdict = f"caught by {', '.join(failed)}" if failed else "NOT CAUGHT"
        print(f"{t + '.' + r:<{width}}  {verdict}")
    caught = sum(1 for *_, failed in rows if failed)
    print(f"\n{caught} of {len(rows)} removals caught")
    return 0 if caught == len(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
