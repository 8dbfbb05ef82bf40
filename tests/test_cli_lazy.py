"""The command table the CLI uses to import a command's module only when that command runs."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click

from argmap import cli as cli_pkg


def test_the_table_names_every_command_its_module_registers():
    for module in sorted(set(cli_pkg.COMMANDS.values())):
        group = click.Group()
        importlib.import_module(f"argmap.cli.{module}").register(group)
        assert group.commands, module
        for name in group.commands:
            assert cli_pkg.COMMANDS.get(name) == module, f"{name} (registered by {module}) is not in COMMANDS"
    assert sorted(cli_pkg.all_commands()) == sorted(cli_pkg.COMMANDS)


def test_a_query_imports_only_its_own_command_module():
    code = ("import sys\nfrom argmap.cli import cli\n"
            "try:\n    cli.main(['objectors', '--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('argmap.cli.cmd_')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "['argmap.cli.cmd_query']"


def test_help_lists_every_command():
    from click.testing import CliRunner

    result = CliRunner().invoke(cli_pkg.cli, ["--help"])
    assert result.exit_code == 0
    for name in cli_pkg.COMMANDS:
        assert f"  {name} " in result.output or f"  {name}\n" in result.output, name
