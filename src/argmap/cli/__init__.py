"""The argmap command line: a click group; each command lives in a small module of this package."""

from __future__ import annotations

from argmap.cli import startup

_startup_handlers = startup.guard()  # until click is imported: Ctrl-C is one line, not a traceback

import click  # noqa: E402

from argmap import __version__  # noqa: E402


#: The module of ``argmap.cli`` that defines each command. A command's module is imported only
#: when that command runs (or when the help lists them all), so a query does not pay for
#: importing the build, the exports and the rest; a test checks this table against what each
#: module registers.
COMMANDS = {
    "build": "cmd_build", "evaluate": "cmd_evaluate", "explore": "cmd_explore", "export": "cmd_export",
    "extract": "cmd_extract", "merge": "cmd_extract", "network": "cmd_network", "coalitions": "cmd_network",
    "objectors": "cmd_query", "supporters": "cmd_query", "objections": "cmd_query", "positions": "cmd_query",
    "contested": "cmd_query", "actors": "cmd_query", "proposals": "cmd_query", "themes": "cmd_query",
    "show": "cmd_query", "agree": "cmd_query", "explain": "cmd_query", "render": "cmd_render",
    "rules": "cmd_rules", "taxonomy": "cmd_taxonomy", "timeline": "cmd_timeline", "diff": "cmd_timeline",
}


class _LazyGroup(click.Group):
    """A group that imports a command's module the first time the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            _load(COMMANDS[cmd_name])
        return self.commands.get(cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """Map a policy debate from articles: who claims what, for or against which proposal, and why.

    \b
    Example:
      argmap build corpus/ -o graphs/argmap.json
      argmap objectors "family help"
    """


_loaded: set[str] = set()


def _load(module: str) -> None:
    import importlib

    if module not in _loaded:
        importlib.import_module(f"{__name__}.{module}").register(cli)
        _loaded.add(module)


def all_commands() -> dict[str, click.Command]:
    """Every command by name, all their modules imported (for tests and tools that walk them)."""
    for module in sorted(set(COMMANDS.values())):
        _load(module)
    return dict(cli.commands)


startup.release(_startup_handlers)


def main() -> None:
    """Console-script entry point: run the CLI with signal handling installed.

    Ctrl-C prints ``argmap: interrupted`` and exits with status 130; ``kill`` (SIGTERM) prints
    ``argmap: terminated`` and exits with 143. Outputs are written atomically, so an interrupted
    command leaves every earlier file as it was.
    """
    from argmap.cli import signals

    signals.install()
    try:
        try:
            cli.main(standalone_mode=True)
        finally:
            signals.finished()  # the work is done or abandoned: a signal from now on changes nothing
    except KeyboardInterrupt as exc:  # outside a command (commands use options.handle_errors)
        click.echo(signals.message(exc), err=True)
        status = signals.exit_status(exc)
    except SystemExit as exc:
        if not signals.interrupted():
            raise
        if signals.reported():
            status = exc.code if isinstance(exc.code, int) else 1
        else:  # interrupted where click, not argmap, handled it ("Aborted!")
            click.echo(signals.message(signals.first()), err=True)
            status = signals.exit_status(signals.first())
    else:  # pragma: no cover - standalone click always exits through SystemExit
        return
    signals.exit_now(status)
