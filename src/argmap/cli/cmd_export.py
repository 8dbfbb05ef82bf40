"""argmap export: write the graph in another format (json, aif, graphml, argdown, dot, csv)."""

from __future__ import annotations

import click

from argmap.cli.options import graph_option, handle_errors, load_graph
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

    graph = load_graph(graph_path)
    if output == "-":
        click.echo(export_text(graph, fmt), nl=False)
        return
    path = write_export(graph, fmt, output)
    click.echo(f"wrote {path} ({fmt})", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(export_cmd)
