"""argmap taxonomy new / check / add-proposal / add-theme: start and check a taxonomy for another debate."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.options import echo, handle_errors

KINDS = ("policy", "document", "clause")  # = argmap.schema.PROPOSAL_KINDS (kept import-free)


@click.group("taxonomy")
def taxonomy_group() -> None:
    """Start, check and extend a taxonomy (the proposals, grounds and actors of a debate).

    \b
    Examples:
      argmap taxonomy new school-meals            # writes school-meals.toml
      argmap taxonomy check school-meals.toml
      argmap taxonomy add-proposal school-meals.toml --label "Universal free school meals" --alias "free meals for all"
      argmap taxonomy add-theme school-meals.toml --label "Child health" --term nutrition --term obesity
    """


@taxonomy_group.command("new")
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write [default: NAME.toml in the current folder].")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@handle_errors
def new_cmd(name: str, output: Path | None, force: bool) -> None:
    """Write a commented skeleton taxonomy for the debate NAME.

    \b
    Example:
      argmap taxonomy new school-meals -o my-debate/school-meals.toml
    """
    from argmap.atomic import write_text
    from argmap.errors import TaxonomyError
    from argmap.taxonomy_tools import skeleton
    from argmap.text import slugify

    if not name.strip():
        raise TaxonomyError("the debate needs a name, e.g. argmap taxonomy new school-meals")
    path = output or Path(f"{slugify(name, max_len=50)}.toml")
    if path.exists() and not force:
        raise TaxonomyError(f"{path} exists; choose another -o or add --force to replace it")
    write_text(path, skeleton(name))
    echo(f"wrote {path} (a commented skeleton: 1 proposal, 1 theme); after editing: "
               f"argmap taxonomy check {path}")


@taxonomy_group.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@handle_errors
def check_cmd(file: Path | None) -> None:
    """Check a taxonomy file: one line per problem, then notes (names shadowed by longer ones).

    Exit status 0 when there is no problem (notes are fine), 1 when there are problems. Without
    FILE, the shipped taxonomy is checked.

    \b
    Examples:
      argmap taxonomy check school-meals.toml
      argmap taxonomy check            # the shipped children's social care taxonomy
    """
    from argmap.taxonomy_tools import SHIPPED, check_file, check_text, entry_counts, shipped_text

    if file is None:
        where, findings = SHIPPED, check_text(shipped_text(), SHIPPED)
    else:
        where, findings = str(file), check_file(file)
    problems = [f for f in findings if f.problem]
    notes = [f for f in findings if not f.problem]
    for f in problems + notes:
        echo(str(f))
    counts = ""
    if not problems:
        counts = entry_counts(file.read_text(encoding="utf-8") if file else shipped_text()) + "; "
    echo(f"{where}: {counts}{_n(len(problems), 'problem')}, {_n(len(notes), 'note')}")
    if problems:
        raise click.exceptions.Exit(1)


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _report_added(section: str, path: Path, eid: str, notes: list) -> None:
    echo(f"added {section} '{eid}' to {path}")
    for f in notes:
        echo(str(f))


@taxonomy_group.command("add-proposal")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--label", required=True, help="How maps and answers name it (also matched in articles).")
@click.option("--id", "eid", default=None, help="Its id [default: made from the label].")
@click.option("--alias", "aliases", multiple=True, help="Another name articles use (repeatable).")
@click.option("--keyword", "keywords", multiple=True, help="A word of its topic (repeatable).")
@click.option("--parent", default=None, help="The id of the policy or document it is part of.")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="policy (default), document or clause.")
@handle_errors
def add_proposal_cmd(file: Path, label: str, eid: str | None, aliases: tuple[str, ...],
                     keywords: tuple[str, ...], parent: str | None, kind: str | None) -> None:
    """Append a [[proposal]] to a taxonomy file (comments kept; nothing written if it has problems).

    \b
    Example:
      argmap taxonomy add-proposal school-meals.toml --label "Universal free school meals" \\
        --alias "free school meals for all" --parent reform
    """
    from argmap.taxonomy_tools import append_entry

    eid, notes = append_entry(file, "proposal", {"id": eid, "label": label, "aliases": list(aliases),
                                                 "keywords": list(keywords), "parent": parent, "kind": kind})
    _report_added("proposal", file, eid, notes)


@taxonomy_group.command("add-theme")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--label", required=True, help="How maps and answers name the ground.")
@click.option("--id", "eid", default=None, help="Its id [default: made from the label].")
@click.option("--term", "terms", multiple=True, help="A word or phrase showing a claim argues on it (repeatable).")
@click.option("--condition", is_flag=True,
              help="'It will only work with <this>' counts as an objection on this ground.")
@handle_errors
def add_theme_cmd(file: Path, label: str, eid: str | None, terms: tuple[str, ...], condition: bool) -> None:
    """Append a [[theme]] (a ground) to a taxonomy file (comments kept; nothing written if it has problems).

    \b
    Example:
      argmap taxonomy add-theme school-meals.toml --label "Child health" --term nutrition --term obesity
    """
    from argmap.taxonomy_tools import append_entry

    eid, notes = append_entry(file, "theme", {"id": eid, "label": label, "terms": list(terms),
                                              "condition": True if condition else None})
    _report_added("theme", file, eid, notes)


def register(cli: click.Group) -> None:
    cli.add_command(taxonomy_group)
