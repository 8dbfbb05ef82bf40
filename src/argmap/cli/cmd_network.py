"""argmap network and argmap coalitions: discourse networks, their coalitions and polarisation.

Both read the saved graph (no spaCy) and call :mod:`argmap.networks` / :mod:`argmap.timeline`;
files are written by :mod:`argmap.export.network_files`. Exit status: 0 with an answer, 1 when a
filter names nothing or an option value cannot be used, 2 for other errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from argmap.cli.cmd_query import _arg, _index, query_command
from argmap.cli.options import echo, echo_json, graph_option, json_option

KINDS = ("congruence", "conflict", "subtract", "two-mode", "affiliation")
NORMALIZATIONS = ("none", "average", "jaccard", "cosine", "activity", "prominence")
DUPLICATES = ("document", "include", "once")

# the help texts repeat argmap.networks' definitions (kept equal by a test) so --help does not
# import networkx
KIND_HELP = (
    "congruence links two actors by the statements in which they take the same stance on the same "
    "proposal (weight: sum over proposal-stances of the product of their counts); conflict by "
    "opposite stances on the same proposal; subtract is congruence minus conflict; two-mode links "
    "actors to proposals (edges carry support and object counts); affiliation links people to "
    "their organisations.")
NORMALIZATION_HELP = (
    "none: raw weights. average (average activity): weight / ((n_i + n_j)/2), n = an actor's "
    "statements. jaccard: weight / (statements of i on proposal-stances j never uses + those of j "
    "that i never uses + sum of products where both have some). cosine: weight / (sqrt(sum a_i^2) * "
    "sqrt(sum a_j^2)) over the two actors' proposal-stance counts. Two-mode: activity divides each "
    "edge by the actor's statements, prominence by the proposal's.")
DUPLICATES_HELP = (
    "document: an actor's stance on a proposal counts once per document; include: every claim "
    "counts; once: once over the whole period.")
POLARISATION_HELP = (
    "Polarisation = (share of agreement that lies inside coalitions) x (share of disagreement that "
    "runs between coalitions), over every pair of actors, with agreement and disagreement counted as "
    "the congruence and conflict weights without normalisation. 0: no disagreement, or all of it "
    "inside coalitions; 1: camps that agree among themselves and disagree only with each other.")
STATEMENT_HELP = (
    "A statement is one actor's support for or objection to one proposal in one claim; neutral and "
    "unattributed claims make none.")


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--since/--until/--proposal/--theme/--document/--actor-type, shared by network commands."""
    opts = [
        click.option("--since", default=None, metavar="DATE", help="Only documents dated on or after DATE "
                     "(YYYY, YYYY-MM or YYYY-MM-DD); undated documents are then left out."),
        click.option("--until", default=None, metavar="DATE", help="Only documents dated on or before DATE "
                     "(a year or month means its last day)."),
        click.option("--proposal", "proposals", multiple=True, metavar="NAME",
                     help="Only statements on this proposal (repeatable; names are matched like queries)."),
        click.option("--theme", "themes", multiple=True, metavar="NAME",
                     help="Only statements whose claim raises this theme (repeatable)."),
        click.option("--document", "documents", multiple=True, metavar="ID",
                     help="Only statements from this document (repeatable)."),
        click.option("--actor-type", "actor_types", multiple=True,
                     type=click.Choice(["person", "organisation", "organization"], case_sensitive=False),
                     help="Only actors of this type (repeatable)."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def filters_of(kw: dict[str, Any]) -> dict[str, Any]:
    """The filter keyword arguments of :func:`argmap.networks.actor_network` from click's values."""
    return {"since": kw["since"], "until": kw["until"],
            "proposals": [_arg(p) for p in kw["proposals"]] or None,
            "themes": [_arg(t) for t in kw["themes"]] or None,
            "documents": [_arg(d) for d in kw["documents"]] or None,
            "actor_types": list(kw["actor_types"]) or None}


@click.command("network", epilog="\b\nKinds:\n" + KIND_HELP + "\n\n\bNormalisation:\n" + NORMALIZATION_HELP
               + "\n\n\bDuplicates:\n" + DUPLICATES_HELP + "\n\n\bPolarisation:\n" + POLARISATION_HELP)
@graph_option
@click.option("--kind", default="congruence", show_default=True, type=click.Choice(KINDS),
              help="Which network (see Kinds below).")
@click.option("--normalization", "--normalisation", "normalization", default="none", show_default=True,
              type=click.Choice(NORMALIZATIONS), help="Edge weight normalisation (see below).")
@click.option("--duplicates", default="document", show_default=True, type=click.Choice(DUPLICATES),
              help="How often a repeated statement counts (see below).")
@filter_options
@click.option("--min-weight", default=0.0, show_default=True, type=float,
              help="Leave out edges whose absolute weight is below this.")
@click.option("--window", default=None, metavar="PERIOD",
              help="A series of networks in moving windows of this length (6M, 2W, 30D, 1Y).")
@click.option("--step", default="1M", show_default=True, metavar="PERIOD", help="How far each window moves.")
@click.option("--seed", default=14, show_default=True, type=int, help="Louvain's random seed for coalitions.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="Write the network: .graphml, .json, .csv, or a picture (.png, .svg, .pdf, .dot); "
                   "with --window one file per window, or one dynamic .gexf for Gephi's timeline.")
@json_option
@query_command
def network_cmd(graph_path: str, kind: str, normalization: str, duplicates: str, min_weight: float,
                window: str | None, step: str, seed: int, output: str | None, as_json: bool, **kw: Any) -> None:
    """Build an actor network from the graph: who agrees (or disagrees) with whom.

    Without -o, prints the network's strongest ties, its coalitions and the polarisation figure;
    with --window, a table with one row per window. Statements from undated documents are left
    out whenever dates matter (--since, --until, --window).

    \b
    Examples:
      argmap network -o graphs/congruence.png
      argmap network --kind subtract --normalization average -o net.graphml
      argmap network --kind two-mode --theme funding -o funding.csv
      argmap network --window 2M --step 1M -o graphs/windows.gexf
    """
    ix = _index(graph_path)
    filters = filters_of(kw)
    if window:
        _windows(ix, window, step, kind, normalization, duplicates, seed, min_weight, filters, output, as_json)
        return
    from argmap.export.network_files import describe, write_network
    from argmap.networks import (
        actor_network,
        coalitions,
        label_coalitions,
        polarisation_of,
        statements,
    )

    net = actor_network(ix, kind, normalization=normalization, duplicates=duplicates, min_weight=min_weight,
                        **filters)
    basis = net if kind in ("congruence", "subtract") and normalization == "none" and not min_weight else \
        actor_network(ix, "subtract" if kind == "subtract" else "congruence", duplicates=duplicates, **filters)
    found = coalitions(basis, seed=seed)
    pol = polarisation_of(ix, statements(ix, **filters), found, duplicates=duplicates)
    net = label_coalitions(net, found)
    if output:
        path = write_network(net, output, title=describe(net, found))
        echo(f"wrote {path} ({describe(net, found)})", err=True)
    if as_json:
        import networkx as nx

        echo_json({"network": nx.node_link_data(net, edges="edges"), "coalitions": [c.to_dict() for c in found],
                   "polarisation": pol.to_dict()})
        return
    if not output:
        echo(_network_text(net, found, pol))


def _network_text(net: Any, found: list[Any], pol: Any) -> str:
    from argmap.export.network_files import describe

    lines = [describe(net, found) + f"; {net.graph['statements']} statements"]
    edges = sorted(net.edges(data=True), key=lambda e: (-abs(e[2]["weight"]), e[0], e[1]))
    if edges:
        lines.append("")
        lines.append("strongest ties:")
        for a, b, d in edges[:10]:
            extra = ""
            if "congruence" in d:
                extra = f"  (agree {d['congruence']}, disagree {d['conflict']})"
            elif "support" in d:
                extra = f"  ({d['support']} support, {d['object']} object)"
            lines.append(f"  {_num(d['weight']):>6}  {net.nodes[a]['label']} -- {net.nodes[b]['label']}{extra}")
        if len(edges) > 10:
            lines.append(f"  ... {len(edges) - 10} more (-o FILE writes them all)")
    lines += ["", *_coalition_lines(found), "", _polarisation_line(pol)]
    if net.graph.get("undated_left_out"):
        lines += ["", _undated_line(net.graph["undated_left_out"])]
    return "\n".join(lines)


def _undated_line(n: int) -> str:
    return f"{n} statement{'s' if n != 1 else ''} from undated documents left out by the dates (see 'argmap build')"


def _coalition_lines(found: list[Any]) -> list[str]:
    if not found:
        return ["no coalitions (no two actors agree on anything)"]
    lines = [f"coalitions ({len(found)}):"]
    for c in found:
        lines.append(f"  {c.id}. {', '.join(c.labels)}")
        for a in c.agreements[:6]:
            lines.append(f"       {len(a.members)} {'support' if a.stance == 'support' else 'object to'} {a.label}")
        if len(c.agreements) > 6:
            lines.append(f"       ... {len(c.agreements) - 6} more agreements")
    return lines


def _polarisation_line(pol: Any) -> str:
    return (f"polarisation {pol.value:.2f}: {pol.agreement_inside} of {pol.agreement_total} agreements inside "
            f"coalitions, {pol.conflict_across} of {pol.conflict_total} disagreements between them")


def _num(w: float) -> str:
    return str(int(w)) if float(w).is_integer() else f"{w:.3f}"


def _windows(ix: Any, window: str, step: str, kind: str, normalization: str, duplicates: str, seed: int,
             min_weight: float, filters: dict[str, Any], output: str | None, as_json: bool) -> None:
    from argmap.timeline import windows

    series = windows(ix, window=window, step=step, kind=kind, normalization=normalization, duplicates=duplicates,
                     seed=seed, min_weight=min_weight, **filters)
    if output:
        from argmap.export.network_files import write_windows

        written = write_windows(series, output)
        shown = str(written[0]) if len(written) == 1 else f"{written[0]} ... {written[-1]} ({len(written)} files)"
        echo(f"wrote {shown}", err=True)
    rows = [w.summary() for w in series]
    if as_json:
        echo_json({"window": window, "step": step, "kind": kind, "windows": rows})
        return
    echo(f"{kind} networks, {window} windows every {step}:")
    echo(f"{'from':<11} {'to':<11} {'statements':>10} {'actors':>6} {'edges':>5} {'coalitions':>10} "
               f"{'polarisation':>12}")
    for r in rows:
        echo(f"{r['start']:<11} {r['end']:<11} {r['statements']:>10} {r['actors']:>6} {r['edges']:>5} "
                   f"{r['coalitions']:>10} {r['polarisation']:>12.2f}")
    if series and series[0].network.graph.get("undated_left_out"):
        echo(_undated_line(series[0].network.graph["undated_left_out"]))


@click.command("coalitions", epilog="\b\nPolarisation:\n" + POLARISATION_HELP + "\n\n\b\nStatements:\n"
               + STATEMENT_HELP)
@graph_option
@click.option("--kind", default="congruence", show_default=True, type=click.Choice(["congruence", "subtract"]),
              help="Communities of the congruence network, or of congruence minus conflict.")
@click.option("--duplicates", default="document", show_default=True, type=click.Choice(DUPLICATES),
              help=DUPLICATES_HELP)
@filter_options
@click.option("--seed", default=14, show_default=True, type=int, help="Louvain's random seed.")
@json_option
@query_command
def coalitions_cmd(graph_path: str, kind: str, duplicates: str, seed: int, as_json: bool, **kw: Any) -> None:
    """Coalitions: groups of actors who take the same stances, and what they agree on.

    Communities of the actor network found by networkx's Louvain method with a fixed seed (the
    same graph always gives the same coalitions); each is listed with its members and the proposals
    on which at least two of them take the same stance. Ends with the debate's polarisation.

    \b
    Examples:
      argmap coalitions
      argmap coalitions --kind subtract --since 2025-04
      argmap coalitions --json
    """
    from argmap.networks import actor_network, coalitions, polarisation_of, statements

    ix = _index(graph_path)
    filters = filters_of(kw)
    found = coalitions(actor_network(ix, kind, duplicates=duplicates, **filters), seed=seed)
    pol = polarisation_of(ix, statements(ix, **filters), found, duplicates=duplicates)
    if as_json:
        echo_json({"kind": kind, "coalitions": [c.to_dict() for c in found], "polarisation": pol.to_dict()})
        return
    echo("\n".join([*_coalition_lines(found), "", _polarisation_line(pol)]))


def register(cli: click.Group) -> None:
    cli.add_command(network_cmd)
    cli.add_command(coalitions_cmd)
