"""Options shared by several commands, and the bridge from ArgmapError to a one-line CLI error."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import click

from argmap.errors import ArgmapError

DEFAULT_GRAPH = "graphs/argmap.json"

graph_option = click.option(
    "-g", "--graph", "graph_path", default=DEFAULT_GRAPH, show_default=True,
    type=click.Path(dir_okay=False), help="Graph file written by 'argmap build'.")

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn ArgmapError into click's one-line 'Error: ...' with exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ArgmapError as exc:
            raise UsageFailure(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("argmap: interrupted", err=True)
            raise SystemExit(130) from None

    return wrapper


class UsageFailure(click.ClickException):
    """A one-line error with exit status 2."""

    exit_code = 2


def load_graph(path: str):
    """Read the graph (no spaCy import)."""
    from argmap.graph import read_graph

    return read_graph(path)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
