"""argmap explore: write the interactive explorer, one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.options import echo, graph_option, handle_errors
from argmap.errors import ExportError


@click.command("explore")
@graph_option
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="HTML file to write [default: the graph's path with .html].")
@click.option("--focus", default=None, metavar="QUERY",
              help="Open on this proposal, actor, theme or document (a name, alias or id) instead of the "
                   "whole map (or, for a big graph, the most contested proposal).")
@click.option("--corpus", "corpus_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Folder to look in for articles that are no longer at their recorded path "
                   "(matched by content); repeatable.")
@click.option("--title", default=None, help="Title of the page [default: from the taxonomy].")
@handle_errors
def explore_cmd(graph_path: str, output: str | None, focus: str | None, corpus_dirs: tuple[str, ...],
                title: str | None) -> None:
    """Write an interactive explorer of the debate: one HTML file that opens in any browser,
    needs no network and can be mailed. It holds the argument map (pan, zoom, a node's
    neighbourhood, filters, search) and, beside it, what argmap's queries answer about the node
    you click: a proposal's objectors and supporters by ground, an actor's positions, a claim's
    sentence in its paragraph with the cue words marked and why argmap found it.

    The articles are read again (from the paths recorded in the graph, or from --corpus) to
    show each claim's paragraph; an article that is missing or changed is shown without it.

    \b
    Examples:
      argmap explore                                   # graphs/argmap.json -> graphs/argmap.html
      argmap explore -g graphs/seed.json -o debate.html
      argmap explore --focus "family help" -o family-help.html
      argmap explore -g moved.json --corpus ~/articles -o debate.html
    """
    from argmap.export.explore import explorer_data, render_page
    from argmap.export.sources import document_texts
    from argmap.queries import load_index

    graph = Path(graph_path)
    out = Path(output) if output else graph.with_suffix(".html")
    if out.resolve() == graph.resolve():
        raise ExportError(f"the output {out} is the graph file; choose another -o")
    from argmap.outputs import check_outputs

    check_outputs([("explorer", out)], [("graph file", graph)])  # hard links too
    ix = load_index(graph)
    docs = {d: ix.nodes[d] for d in ix.by_kind.get("document", ())}
    texts, missing = document_texts(docs, bases=[graph.parent, graph.parent.parent], search=corpus_dirs)
    data = explorer_data(ix, texts=texts, missing=missing, focus=focus, title=title)
    page = render_page(data).encode("utf-8")
    from argmap.atomic import write_bytes

    write_bytes(out, page)
    start = data["meta"]["start"]
    opens = f"opens on {ix.label(start)} [{start}]" if start else "opens on the whole map"
    counts = data["meta"]["counts"]
    echo(f"wrote {out} ({len(page) / 1e6:.1f} MB: {counts['claim']} claims, {counts['actor']} actors, "
               f"{counts['document']} documents; {opens})", err=True)
    if missing:
        echo(f"note: {len(missing)} of {len(docs)} articles not found or changed since the build; their "
                   f"claims are shown without their paragraph (pass --corpus DIR): "
                   f"{'; '.join(list(missing.values())[:3])}{' ...' if len(missing) > 3 else ''}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(explore_cmd)
