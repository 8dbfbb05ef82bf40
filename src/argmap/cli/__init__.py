"""The argmap command line: a click group; each command lives in a small module of this package."""

from __future__ import annotations

import click

from argmap import __version__


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


def main() -> None:
    """Console-script entry point: run the CLI with signal handling installed.

    Ctrl-C prints ``argmap: interrupted`` and exits with status 130; ``kill`` (SIGTERM) prints
    ``argmap: terminated`` and exits with 143. Outputs are written atomically, so an interrupted
    command leaves every earlier file as it was.
    """
    from argmap.cli import signals

    signals.install()
    try:
        cli.main(standalone_mode=True)
    except KeyboardInterrupt as exc:  # outside a command (commands use options.handle_errors)
        click.echo(signals.message(exc), err=True)
        status = signals.exit_status(exc)
    except SystemExit as exc:
        if not signals.interrupted():
            raise
        status = exc.code if isinstance(exc.code, int) else 1
    else:  # pragma: no cover - standalone click always exits through SystemExit
        return
    signals.exit_now(status)
