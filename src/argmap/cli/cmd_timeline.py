"""argmap timeline (support and objection per month, with a chart) and argmap diff (two graphs).

Both read saved graphs only (no spaCy). Exit status: 0 with an answer, 1 when the query names
nothing, 2 for other errors (a graph that cannot be read, a chart that cannot be drawn).
"""

from __future__ import annotations

from typing import Any

import click

from argmap.cli.cmd_network import filters_of
from argmap.cli.cmd_query import _arg, _index, query_command
from argmap.cli.options import echo, echo_json, graph_option, handle_errors, json_option

TIMELINE_HELP = (
    "For a proposal: claims supporting or objecting to it; for a theme: supporting or objecting "
    "claims that raise it. Each month counts the distinct actors and the claims on each side. An "
    "actor's stance in a month is support, object or mixed (both); a change is a month whose stance "
    "differs from the same actor's previous one. Claims from undated documents are counted apart.")


@click.command("timeline", epilog="\b\nHow it counts:\n" + TIMELINE_HELP)
@click.argument("query")
@graph_option
@click.option("--since", default=None, metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, metavar="DATE", help="Up to this date (a year or month means its end).")
@click.option("--document", "documents", multiple=True, metavar="ID", help="Only these documents (repeatable).")
@click.option("--actor-type", "actor_types", multiple=True,
              type=click.Choice(["person", "organisation", "organization"], case_sensitive=False),
              help="Only actors of this type (repeatable).")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="Draw the chart: .png, .svg or .pdf (Graphviz), or .dot for its source.")
@json_option
@query_command
def timeline_cmd(query: str, graph_path: str, output: str | None, as_json: bool, **kw: Any) -> None:
    """Support and objection per month for a proposal or theme, and whose stance changed.

    \b
    Examples:
      argmap timeline "pathfinder roll-out"
      argmap timeline funding --actor-type organisation
      argmap timeline "family help" -o graphs/timeline-family-help.png
    """
    from argmap.timeline import timeline

    ix = _index(graph_path)
    f = filters_of({**kw, "proposals": (), "themes": ()})
    t = timeline(ix, _arg(query), since=f["since"], until=f["until"], documents=f["documents"],
                 actor_types=f["actor_types"])
    if output:
        from argmap.export.timeline_chart import write_timeline_chart

        echo(f"wrote {write_timeline_chart(t, output)}", err=True)
    if as_json:
        echo_json(t.to_dict())
        return
    echo(_timeline_text(t))


def _timeline_text(t: Any) -> str:
    names = "; ".join(f"{label} [{node}]" for node, label in t.targets)
    lines = [f"Support and objection per month: {names}"]
    if not t.rows:
        lines.append("  no dated claims" + (f" ({t.undated} in undated documents)" if t.undated else ""))
        return "\n".join(lines)
    lines.append(f"{'month':<8} {'support':>7} {'object':>6}   {'claims +/-':<10} changed")
    for r in t.rows:
        changed = ", ".join(f"{t.names.get(a, a)} \u21ba" for a in r.changed)
        lines.append(f"{r.month:<8} {len(r.supporters):>7} {len(r.objectors):>6}   "
                     f"{f'{r.support_claims}/{r.object_claims}':<10} {changed}".rstrip())
    if t.changes:
        lines.append("")
        lines.append("stance changes:")
        for c in t.changes:
            lines.append(f"  {c.month}  {c.name}: {c.before} ({c.before_month}) -> {c.after}")
    if t.undated:
        lines.append("")
        lines.append(f"{t.undated} claim{'s' if t.undated != 1 else ''} from undated documents not placed in a month")
    return "\n".join(lines)


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@json_option
@handle_errors
def diff_cmd(old: str, new: str, as_json: bool) -> None:
    """What changed between two graphs: documents, actors, proposals and claims added and removed,
    and every actor whose stance on a proposal changed.

    Claims are matched by document, speaker, stance, targets and text (not by id). A stance is
    support, object, mixed (both) or none. Exit status 0 whether or not anything changed.

    \b
    Examples:
      argmap diff graphs/before.json graphs/argmap.json
      argmap diff old.json new.json --json
    """
    from argmap.graphdiff import diff_graphs
    from argmap.queries import load_index

    d = diff_graphs(load_index(old), load_index(new))
    if as_json:
        echo_json(d.to_dict())
        return
    echo(_diff_text(d))


def _diff_text(d: Any) -> str:
    if d.empty:
        return "no differences"
    lines: list[str] = []

    def section(title: str, added: list[str], removed: list[str]) -> None:
        if added or removed:
            lines.append(f"{title}: {len(added)} added, {len(removed)} removed")
            lines.extend(f"  + {x}" for x in added)
            lines.extend(f"  - {x}" for x in removed)

    section("documents", list(d.documents_added), list(d.documents_removed))
    section("actors", [f"{n} [{i}]" for i, n in d.actors_added], [f"{n} [{i}]" for i, n in d.actors_removed])
    section("proposals", [f"{n} [{i}]" for i, n in d.proposals_added], [f"{n} [{i}]" for i, n in d.proposals_removed])
    section("claims", [_claim(c) for c in d.claims_added], [_claim(c) for c in d.claims_removed])
    if d.stance_changes:
        lines.append(f"stance changes: {len(d.stance_changes)}")
        lines.extend(f"  {s.name} on {s.label}: {s.before} -> {s.after}" for s in d.stance_changes)
    return "\n".join(lines)


def _claim(c: Any) -> str:
    who = c.speaker.removeprefix("actor:") if c.speaker else "(unattributed)"
    text = " ".join(c.text.split())
    if len(text) > 90:
        text = text[:89].rstrip() + "\u2026"
    return f"[{c.document}] {who} {c.stance}: {text}"


def register(cli: click.Group) -> None:
    cli.add_command(timeline_cmd)
    cli.add_command(diff_cmd)
