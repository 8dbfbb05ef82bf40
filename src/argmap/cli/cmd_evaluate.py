"""argmap evaluate: precision, recall and F1 of a graph against a gold annotation."""

from __future__ import annotations

import click

from argmap.cli.options import echo, echo_json, graph_option, handle_errors, json_option, load_graph


@click.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False))
@graph_option
@json_option
@click.option("--quiet", is_flag=True, help="Print the score table only, without misses and false positives.")
@handle_errors
def evaluate_cmd(gold, graph_path, as_json, quiet):
    """Compare the graph's positions with a gold TSV file (see tests/gold/README.md).

    \b
    Example:
      argmap build ../shared/corpus -o graphs/seed.json
      argmap evaluate tests/gold/seed.tsv -g graphs/seed.json
    """
    from argmap.evaluate import evaluate, format_report, read_gold

    positions = read_gold(gold)
    ev = evaluate(load_graph(graph_path), positions)
    if as_json:
        echo_json(ev.as_dict())
    else:
        echo(format_report(ev, show_errors=not quiet))


def register(cli: click.Group) -> None:
    cli.add_command(evaluate_cmd)
