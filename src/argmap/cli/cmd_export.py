"""argmap export: write the graph in another format (json, aif, graphml, argdown, dot, csv)."""

from __future__ import annotations

import click

from argmap.cli.options import echo, graph_option, handle_errors, load_graph
from argmap.export import FORMATS


def _format_help() -> str:
    return "\n".join(f"  {f.name:<8} {f.description}" for f in FORMATS.values())


@click.command("export", epilog="\b\nFormats:\n" + _format_help())
@graph_option
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(sorted(FORMATS), case_sensitive=False),
              help="Output format (see the list below).")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write; '-' prints to standard output.")
@handle_errors
def export_cmd(graph_path: str, fmt: str, output: str) -> None:
    """Export the argument graph for other tools.

    \b
    Examples:
      argmap export --format aif -o graphs/argmap-aif.json
      argmap export -g graphs/seed.json --format csv -o claims.csv
      argmap export --format argdown -o - | less
    """
    from argmap.export import export_text, write_export
    from argmap.outputs import check_outputs

    check_outputs([("export", output)], [("graph file", graph_path)])
    graph = load_graph(graph_path)
    if output == "-":
        text = export_text(graph, fmt)
        if _is_terminal():  # for reading, not for a pipe: made safe
            from argmap.terminal import safe_json, safe_text

            text = safe_json(text) if fmt in ("json", "aif") else safe_text(text)
        click.echo(text, nl=False)
        return
    path = write_export(graph, fmt, output)
    echo(f"wrote {path} ({fmt})", err=True)


def _is_terminal() -> bool:
    import sys

    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stdout, or a closed one
        return False


def register(cli: click.Group) -> None:
    cli.add_command(export_cmd)
