"""The README documents every command, and CI runs exactly the README's test command."""

from __future__ import annotations

import re

from argmap.cli import all_commands
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in all_commands() if f"argmap {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_help_has_an_example():
    lacking = [name for name, cmd in all_commands().items() if "argmap " + name not in (cmd.help or "")]
    assert not lacking, f"commands whose --help shows no example: {lacking}"


def test_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    assert len(blocks) >= 2, "the quick start has an install-and-run command and a test command"
    test_command = blocks[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert "pytest" in test_command
