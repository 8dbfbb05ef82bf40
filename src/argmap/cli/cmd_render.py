"""argmap render: draw the argument map (or part of it) with Graphviz."""

from __future__ import annotations

import click

from argmap.cli.options import echo, graph_option, handle_errors, load_graph

MAP_FORMATS = ("svg", "png", "pdf", "dot")  # == argmap.export.render.RENDER_FORMATS (kept import-free)
DEFAULT_MAP = "graphs/argmap.svg"


@click.command("render")
@graph_option
@click.option("-o", "--output", default=DEFAULT_MAP, show_default=True, type=click.Path(dir_okay=False),
              help="Picture to write; its extension gives the format unless --format is given.")
@click.option("--format", "fmt", type=click.Choice(MAP_FORMATS, case_sensitive=False), default=None,
              help="svg, png, pdf, or dot (the Graphviz source) [default: from --output].")
@click.option("--focus", default=None, metavar="QUERY",
              help="Draw only the claims about one proposal, theme or actor (a name, alias or id).")
@click.option("--stance", type=click.Choice(["object", "support"], case_sensitive=False), default=None,
              help="Draw only objections or only support.")
@click.option("--theme", default=None, metavar="THEME", help="Draw only claims on this ground (a theme).")
@click.option("--max-claims", type=click.IntRange(min=1), default=None, metavar="N",
              help="Draw at most N claims, spread over the proposals.")
@handle_errors
def render_cmd(graph_path: str, output: str, fmt: str | None, focus: str | None, stance: str | None,
               theme: str | None, max_claims: int | None) -> None:
    """Draw the argument map: proposals with the claims for (blue) and against (vermilion) them,
    who made each claim, and on what grounds (fill colour).

    A map of more than 80 claims is not drawn claim by claim unless --max-claims asks: the
    overview becomes an index of the proposals, and a focused map shows the 80 most
    informative claims (a note on stderr says so, and how to draw more).

    \b
    Examples:
      argmap render                                   # graphs/argmap.svg
      argmap render --focus "family help" -o family-help.png
      argmap render --focus BASW --stance object -o basw.svg
      argmap render --theme funding --max-claims 20 -o funding.pdf
    """
    from argmap.export.render import build_dot, format_for, render

    from argmap.outputs import check_outputs

    def note(message: str) -> None:
        echo(f"note: {message}", err=True)

    fmt = format_for(output, fmt)
    check_outputs([("map", output)], [("graph file", graph_path)])
    graph = load_graph(graph_path)
    dot = build_dot(graph, focus=focus, stance=stance, theme=theme, max_claims=max_claims, on_note=note)
    path = render(dot, output, fmt, on_warning=note)
    echo(f"wrote {path}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(render_cmd)
