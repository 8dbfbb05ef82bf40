"""The argmap command line: a click group; each command lives in a small module of this package."""

from __future__ import annotations

from argmap.cli import startup

_startup_handlers = startup.guard()  # until the commands are imported: Ctrl-C is one line, not a traceback

import click  # noqa: E402

from argmap import __version__  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """Map a policy debate from articles: who claims what, for or against which proposal, and why.

    \b
    Example:
      argmap build corpus/ -o graphs/argmap.json
      argmap objectors "family help"
    """


def _register() -> None:
    import importlib
    import pkgutil

    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("cmd_")):
        importlib.import_module(f"{__name__}.{mod}").register(cli)


_register()
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
