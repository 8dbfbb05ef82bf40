"""Options shared by several commands, and the bridge from ArgmapError to a one-line CLI error."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

import click

from argmap.errors import ArgmapError

DEFAULT_GRAPH = "graphs/argmap.json"
CACHE_ENV = "ARGMAP_CACHE_DIR"
CACHE_DEFAULT_TEXT = f"${CACHE_ENV}, else $XDG_CACHE_HOME/argmap, else ~/.cache/argmap"


def default_cache_dir() -> Path:
    """Where builds keep their cache unless ``--cache-dir`` says otherwise: one place per user.

    ``$ARGMAP_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``. It
    does not depend on the output path or the current directory, so every build of a user shares
    it (entries are keyed by content, so sharing is safe) and a clone stays clean.
    """
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "argmap"

graph_option = click.option(
    "-g", "--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True,
    type=click.Path(), help="Graph file written by 'argmap build'.")  # the readers check it: one line

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command so that problems end in one line on stderr, never a traceback.

    ArgmapError -> ``Error: ...`` with exit status 2; an operating-system error (a file that
    cannot be written, a full disk) -> ``Error: cannot ...: <reason>`` with status 2; a closed
    pipe on stdout (``argmap ... | head -1``) -> quiet, status 0 (the reader has all it wanted); Ctrl-C ->
    ``argmap: interrupted`` with status 130, SIGTERM -> ``argmap: terminated`` with 143 (see
    :mod:`argmap.cli.signals`).
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            raise UsageFailure(str(exc)) from None
        except BrokenPipeError:
            _quiet_stdout()
            raise SystemExit(0) from None
        except OSError as exc:
            raise UsageFailure(os_error_message(exc)) from None
        except KeyboardInterrupt as exc:
            from argmap.cli import signals

            click.echo(signals.message(exc), err=True)
            raise SystemExit(signals.exit_status(exc)) from None

    return wrapper


def os_error_message(exc: OSError) -> str:
    """One line for an operating-system error: what failed, on which file, and why.

    A temporary file of an atomic write (``.name.XXXX.tmp``) is reported as the file it was for.
    """
    reason = exc.strerror or str(exc) or exc.__class__.__name__
    name = exc.filename
    if name is None:
        return f"operating system error: {reason}"
    path = Path(os.fsdecode(name))
    tmp = re.fullmatch(r"\.(.+)\.[^.]+\.tmp", path.name)
    if tmp:
        return f"cannot write {path.with_name(tmp.group(1))}: {reason}"
    return f"{path}: {reason}"


def say(text: str) -> None:
    """Print a line of a command's report; if stdout is a closed pipe, carry on silently.

    For commands that still have files to write after printing (``build`` draws the map after
    its summary): the reader of the pipe has gone, the work is not abandoned.
    """
    from argmap.terminal import safe_text

    try:
        click.echo(safe_text(text))
    except BrokenPipeError:
        _quiet_stdout()


def _quiet_stdout() -> None:
    """After a broken pipe (``argmap ... | head``), stop Python complaining when it flushes stdout."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class UsageFailure(click.ClickException):
    """An error with exit status 2: one line, or one line per problem, each ``Error: ...``,
    with anything a file smuggled in (escape sequences) shown escaped."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        from argmap.terminal import safe_line

        lines = self.format_message().split("\n") or [""]
        click.echo("\n".join(f"Error: {safe_line(line)}" for line in lines), file=file, err=file is None)


def load_graph(path: str):
    """Read the graph (no spaCy import)."""
    from argmap.graph import read_graph

    return read_graph(path)


def echo_json(data: Any) -> None:
    """Print ``data`` as JSON; characters a terminal would act on are written as ``\\u`` escapes."""
    from argmap.terminal import safe_json

    click.echo(safe_json(json.dumps(data, ensure_ascii=False, indent=2)))


def echo(text: str, *, err: bool = False) -> None:
    """Print text that may hold strings from files (titles, names, paths), made terminal-safe
    (on standard output, as :func:`say`)."""
    from argmap.terminal import safe_text

    if err:
        click.echo(safe_text(text), err=True)
    else:
        say(text)


def extraction_options(cache_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options shared by the commands that read a corpus and run the extraction
    (``build`` and ``extract``): model, configuration, parallelism, cache and input limits."""
    from argmap.limits import DEFAULT_MAX_CHARS, DEFAULT_MAX_SENTENCE_CHARS

    opts = [
        click.option("--model", default=None, envvar="ARGMAP_MODEL", help="spaCy model name (default: best installed)."),
        click.option("--taxonomy", "taxonomy_path", default=None, type=click.Path(dir_okay=False),
                     help="Taxonomy TOML file (default: the shipped children's social care taxonomy)."),
        click.option("--cues", default=None, type=click.Path(dir_okay=False), help="Cue lexicon TOML file."),
        click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
                     help="Parser processes (spaCy n_process)."),
        click.option("--cache-dir", default=None, type=click.Path(file_okay=False, path_type=Path), help=cache_help),
        click.option("--no-cache", is_flag=True, help="Parse everything; neither read nor write the cache."),
        click.option("--max-bytes", default=None, type=click.IntRange(1),
                     help="Skip files larger than this (default 20 MB)."),
        click.option("--max-chars", default=DEFAULT_MAX_CHARS, show_default=True, type=click.IntRange(1),
                     help="Skip documents whose text is longer than this many characters."),
        click.option("--max-sentence-chars", default=DEFAULT_MAX_SENTENCE_CHARS, show_default=True,
                     type=click.IntRange(1),
                     help="Break longer runs of text without a sentence end before parsing (the text is kept whole)."),
        click.option("--strict", is_flag=True, help="Exit with status 1 if any file was skipped (README-type files "
                     "and other formats met while walking a folder are ignored, not skipped)."),
        click.option("--keep-near-duplicates", is_flag=True,
                     help="Read both of two near-duplicate articles (the same text with other page furniture); "
                          "they are still listed. Identical texts are always read once."),
    ]

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for opt in reversed(opts):
            func = opt(func)
        return func

    return decorate


quiet_option = click.option("-q", "--quiet", is_flag=True,
                            help="Print nothing but warnings and errors (no progress bar, no summary).")


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--engine local|dask``, ``--scheduler ADDRESS`` and ``--partitions N`` (the map step's engine)."""
    opts = [
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where documents are parsed: this machine (--jobs processes) or a Dask cluster "
                          "(pip install 'argmap[dask]').",),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Dask scheduler to use (tcp://host:8786); default: a local cluster of --jobs workers."),
        click.option("--partitions", type=click.IntRange(1), default=None,
                     help="Dask tasks to cut the corpus into [default: about 25 documents each]."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


class progress_bar:
    """A :class:`argmap.progress.ProgressBar` on standard error when it is a terminal and not
    ``quiet``; as a context manager it erases itself at the end. Call it as ``bar(done, total, tokens)``."""

    def __init__(self, quiet: bool) -> None:
        from argmap import progress

        self.bar = progress.ProgressBar(0, enabled=progress.wanted(quiet=quiet))

    def __call__(self, done: int, total: int, tokens: int) -> None:
        self.bar.update(done, tokens, total=total)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.close()
