"""argmap rules: the extraction's rules, listed from the rule tables themselves."""

from __future__ import annotations

import json

import click

from argmap.cli.options import handle_errors


@click.command("rules")
@click.option("--component", default=None, metavar="NAME",
              help="Only one component's rules: actors, attribution, stance or targets.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: tables with their rules.")
@handle_errors
def rules_cmd(component: str | None, as_json: bool) -> None:
    """List every extraction rule: its component and table, what it does, and an example.

    The extraction applies these tables in order (see the README's "How it works"); the words they
    look for are in the cue lexicon (data/cues.toml) and the taxonomy.

    \b
    Examples:
      argmap rules
      argmap rules --component stance
      argmap rules --json > rules.json
    """
    from argmap.errors import ArgmapError
    from argmap.nlp.rules import all_tables

    tables = [t for t in all_tables() if component is None or t.component == component.lower()]
    if not tables:
        known = sorted({t.component for t in all_tables()})
        raise ArgmapError(f"no component {component!r}; choose one of: {', '.join(known)}")
    if as_json:
        click.echo(json.dumps([{"component": t.component, "table": t.name, "description": t.description,
                                "rules": [{"name": r.name, "description": r.description, "example": r.example}
                                          for r in t]} for t in tables], indent=2, ensure_ascii=False))
        return
    total = sum(len(t) for t in tables)
    click.echo(f"{total} rules in {len(tables)} tables")
    for t in tables:
        click.echo(f"\n{t.qualified}: {t.description}")
        for n, r in enumerate(t, start=1):
            click.echo(f"  {n:>2}. {r.name}: {r.description}")
            click.echo(f"      e.g. {r.example!r}")


def register(cli: click.Group) -> None:
    cli.add_command(rules_cmd)
