"""Query commands: objectors, supporters, objections, positions, contested, actors, proposals,
themes, show, agree, explain. Each prints readable text, or the library's dict with --json.

These commands read the graph's SQLite store beside its JSON (:mod:`argmap.store`; written on
first use when missing or out of date), or the JSON straight into a
:class:`argmap.queries.GraphIndex`; never networkx, never spaCy. Exit status: 0 with an answer (which may be empty),
1 when the query names nothing (the message lists the closest names), 2 for other errors.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import click

from argmap.cli.options import UsageFailure, echo_json, graph_option, handle_errors, json_option
from argmap.queries import CONTESTED_HELP  # light: no networkx, no spaCy

STANCE_WORD = {"support": "Supports", "object": "Objects to", "mixed": "Mixed on", "neutral": "Discusses"}



class NoAnswer(UsageFailure):
    """The query named nothing in the graph: one line, exit status 1."""

    exit_code = 1


def query_command(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a query command: QueryError -> exit 1 (with JSON on stdout under --json), other
    ArgmapError -> exit 2 via :func:`handle_errors`."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from argmap.errors import QueryError
        from argmap.queries import NoMatchError

        try:
            return func(*args, **kwargs)
        except QueryError as exc:
            if kwargs.get("as_json"):
                sugg = exc.suggestions if isinstance(exc, NoMatchError) else ()
                echo_json({"error": str(exc), "matched": [],
                           "suggestions": [c.to_dict() for c in sugg]})
            raise NoAnswer(str(exc)) from None

    return handle_errors(wrapper)


def _index(graph_path: str):
    """The saved graph as a query index: its store, or the JSON. The process is short-lived, so
    what was loaded is frozen out of the cyclic garbage collector: later collections skip it."""
    import gc

    from argmap.store import open_index

    ix = open_index(graph_path)
    gc.freeze()
    return ix


DEFAULT_EVIDENCE = 20

evidence_option = click.option(
    "--evidence", "-e", type=click.IntRange(min=0), default=DEFAULT_EVIDENCE, show_default=True,
    help="Quote at most N claims per actor or group (0: all); the rest are counted.")


def _evidence_limit(n: int) -> int | None:
    return None if n == 0 else n


def _more_line(count: int, indent: int) -> list[str]:
    if not count:
        return []
    return [" " * indent + f"... and {_plural(count, 'more claim')} (--evidence 0 to quote all)"]


def _arg(text: str) -> str:
    """A command-line string made safe to print (undecodable bytes become U+FFFD)."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


# ---------------------------------------------------------------- text helpers

def _width() -> int:
    import os
    import shutil
    import sys

    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit():
        w = int(cols)
    elif sys.stdout.isatty():
        w = shutil.get_terminal_size((80, 24)).columns
    else:
        w = 80
    return max(40, min(w, 100))


def _quoted(text: str) -> str:
    """Evidence in quotation marks, without doubling marks the text already opens or closes with."""
    body = _clean(text)
    marks = "\u201c\u201d\u2018\u2019\"'"
    if body[:1] in marks:
        return body  # a quotation already shows its own marks
    return f"\u201c{body}\u201d"


def _clean(text: Any) -> str:
    """One line of printable text: whitespace collapsed, control characters escaped."""
    s = " ".join(str(text).split())
    if s.isprintable():
        return s
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in s)


def _wrap(text: str, indent: int, first: str = "") -> str:
    import textwrap

    pad = " " * indent
    return textwrap.fill(text, width=_width(), initial_indent=pad + first,
                         subsequent_indent=pad + " " * len(first),
                         break_long_words=True, break_on_hyphens=False) or pad + first


def _loc(c: dict[str, Any]) -> str:
    return f"{c['document']}:{c['start']}-{c['end']}"


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _ref(node: dict[str, Any]) -> str:
    return f"{_clean(node.get('label') or node.get('name'))} [{node['id']}]"


def _matched_lines(data: dict[str, Any]) -> list[str]:
    if data.get("text_match"):
        hits = data.get("text_hits", 0)
        return [_wrap(f"No proposal or theme is named '{_clean(data['query'])}': a text match instead, over what "
                      f"claims say and what they are about ({hits} claim{' mentions' if hits == 1 else 's mention'} it).", 0)]
    matched = data["matched"]
    if len(matched) == 1:
        lines = [f"Matched {matched[0]['kind']}: {_ref(matched[0])}"]
    else:
        lines = [f"Matched {len(matched)} (ambiguous; name one more precisely to narrow it):"]
        lines += [f"  - {m['kind']}: {_ref(m)}" for m in matched]
    for m in matched:
        if m.get("parts"):
            lines.append(_wrap("with its parts: " + "; ".join(_ref(p) for p in m["parts"]), 2))
    if data.get("other_readings"):
        lines.append(_wrap("Other readings: " + "; ".join(_ref(c) for c in data["other_readings"]), 0))
    return lines


def _evidence(c: dict[str, Any], labels: dict[str, str], indent: int, *, skip: Iterable[str] = (),
              explain: bool = False, who: bool = False) -> list[str]:
    quote = _quoted(c["text"])
    if who:
        sp = c.get("speaker")
        quote = (f"{_clean(sp['name'])}: " if sp else "(unattributed): ") + quote
    lines = [_wrap(quote, indent)]
    detail = [_loc(c)]
    skip = set(skip)
    on = [labels.get(t, t) for t in c.get("targets", []) if t not in skip]
    if on:
        detail.append("on: " + "; ".join(on))
    grounds = [labels.get(t, t) for t in c.get("themes", []) if t not in skip]
    if grounds:
        detail.append("grounds: " + "; ".join(grounds))
    lines.append(_wrap(" | ".join(_clean(d) for d in detail), indent + 2))
    if explain and "why" in c:
        w = c["why"]
        why = (f"why: attribution {w['attribution'] or '-'!r}; stance {c['stance']} "
               f"(cues: {', '.join(map(repr, w['stance_cues'])) or '-'}); "
               f"target cues: {', '.join(map(repr, w['target_cues'])) or '-'}; rule: {w['rule'] or '-'}")
        lines.append(_wrap(_clean(why), indent + 2))
    return lines


def _labels(ix: Any) -> dict[str, str]:
    """Labels of proposals and themes, for printing claim targets and grounds."""
    return {n: _clean(ix.label(n)) for k in ("proposal", "theme") for n in ix.by_kind.get(k, [])}


def _emit(lines: list[str]) -> None:
    from argmap.terminal import safe_text

    click.echo(safe_text("\n".join(lines)))


# ---------------------------------------------------------------- objectors / supporters

def _stance_command(name: str, stance: str) -> click.Command:
    verb = "object to" if stance == "object" else "support"

    @click.command(name=name, help=f"""Actors who {verb} a proposal or theme, with their claims as evidence.

    QUERY names a proposal or theme, forgivingly (case, word order, plurals, aliases).
    For a proposal: claims that {verb} it. For a theme: {'objecting' if stance == 'object' else 'supporting'}
    claims raising that ground, about any proposal. Exit status 1 if QUERY names nothing.

    \b
    Examples:
      argmap {name} "family help"
      argmap {name} "multi-agency child protection teams" --theme funding
      argmap {name} funding --document 002 --json
    """)
    @click.argument("query")
    @click.option("--theme", "-t", help="Only claims raising this theme (ground).")
    @click.option("--document", "-d", help="Only claims from this document (id, title or file name).")
    @click.option("--explain", is_flag=True, help="Also print each claim's cues and rule.")
    @evidence_option
    @graph_option
    @json_option
    @query_command
    def command(query: str, theme: str | None, document: str | None, explain: bool, evidence: int,
                graph_path: str, as_json: bool) -> None:
        from argmap import queries

        ix = _index(graph_path)
        fn = queries.objectors if stance == "object" else queries.supporters
        data = fn(ix, _arg(query), theme=None if theme is None else _arg(theme),
                  document=None if document is None else _arg(document), explain=explain,
                  evidence=_evidence_limit(evidence))
        if as_json:
            echo_json(data)
            return
        _emit(_stance_text(data, _labels(ix), explain))

    return command


def _stance_text(data: dict[str, Any], labels: dict[str, str], explain: bool) -> list[str]:
    title = "Objectors" if data["stance"] == "object" else "Supporters"
    other = "also supports" if data["stance"] == "object" else "also objects"
    lines = [f"{title}: '{_clean(data['query'])}'", *_matched_lines(data)]
    for key in ("theme", "document"):
        if data["filters"][key]:
            lines.append(f"Only {key}: " + "; ".join(_ref(m) for m in data["filters"][key]))
    actors = data["actors"]
    n_claims = sum(len(a["claims"]) + a.get("more", 0) for a in actors)
    lines.append(f"{_plural(len(actors), 'actor')}, {_plural(n_claims, 'claim')}"
                 + (f" (+{data['unattributed']} unattributed)" if data["unattributed"] else ""))
    skip = {m["id"] for m in data["matched"]}
    for a in actors:
        lines.append("")
        note = f"; {other}" if a["mixed"] else ""
        total = len(a["claims"]) + a.get("more", 0)
        lines.append(f"{_clean(a['name'])} ({a['kind']}) [{a['id']}] - {_plural(total, 'claim')}{note}")
        for c in a["claims"]:
            lines += _evidence(c, labels, 2, skip=skip, explain=explain)
        lines += _more_line(a.get("more", 0), 2)
    return lines


# ---------------------------------------------------------------- objections

@click.command()
@click.argument("query")
@click.option("--document", "-d", help="Only claims from this document (id, title or file name).")
@click.option("--explain", is_flag=True, help="Also print each claim's cues and rule.")
@evidence_option
@graph_option
@json_option
@query_command
def objections(query: str, document: str | None, explain: bool, evidence: int, graph_path: str,
               as_json: bool) -> None:
    """The objections to a proposal, grouped by ground (theme): who raised each, and where.

    A claim raising two grounds is listed under both; claims with no ground come last.

    \b
    Examples:
      argmap objections "family help"
      argmap objections "multi-agency teams" --json
    """
    from argmap import queries

    ix = _index(graph_path)
    data = queries.objections(ix, _arg(query), document=None if document is None else _arg(document),
                              explain=explain, evidence=_evidence_limit(evidence))
    if as_json:
        echo_json(data)
        return
    labels = _labels(ix)
    lines = [f"Objections: '{_clean(data['query'])}'", *_matched_lines(data),
             (f"{_plural(data['total_claims'], 'claim')} by {_plural(data['total_actors'], 'actor')}, "
              f"on {_plural(sum(1 for g in data['grounds'] if g['id']), 'ground')}")]
    skip = {m["id"] for m in data["matched"]}
    for gr in data["grounds"]:
        lines.append("")
        who = ", ".join(_clean(a["name"]) for a in gr["actors"]) or "no named actor"
        head = _clean(gr["label"]) + (f" [{gr['id']}]" if gr["id"] else "")
        total = len(gr["claims"]) + gr.get("more", 0)
        lines.append(_wrap(f"{head} - {_plural(total, 'claim')}; raised by {who}", 0))
        for c in gr["claims"]:
            lines += _evidence(c, labels, 2, skip=skip | {gr["id"]}, explain=explain, who=True)
        lines += _more_line(gr.get("more", 0), 2)
    _emit(lines)


# ---------------------------------------------------------------- positions

@click.command()
@click.argument("actor")
@click.option("--members", is_flag=True, help="For an organisation, include claims by its people.")
@click.option("--explain", is_flag=True, help="Also print each claim's cues and rule.")
@evidence_option
@graph_option
@json_option
@query_command
def positions(actor: str, members: bool, explain: bool, evidence: int, graph_path: str, as_json: bool) -> None:
    """Everything one actor supports and objects to, across documents, with evidence.

    ACTOR is a name, alias, surname or acronym ("BASW", "Sacks-Jones").

    \b
    Examples:
      argmap positions BASW
      argmap positions "Union of Carers" --members --json
    """
    from argmap import queries

    ix = _index(graph_path)
    data = queries.positions(ix, _arg(actor), members=members, explain=explain,
                             evidence=_evidence_limit(evidence))
    if as_json:
        echo_json(data)
        return
    labels = _labels(ix)
    lines = [f"Positions: '{_clean(data['query'])}'", *_matched_lines(data)]
    for a in data["actors"]:
        lines += ["", f"{_clean(a['name'])} ({a['kind']}) [{a['id']}]"]
        if a["role"]:
            lines.append(f"  role: {_clean(a['role'])}")
        if a["affiliation"]:
            lines.append(f"  affiliated with: {_clean(a['affiliation']['name'])} [{a['affiliation']['id']}]")
        if a["members"]:
            lines.append(_wrap("members: " + ", ".join(_clean(m["name"]) for m in a["members"]), 2))
        lines.append(_wrap("documents: " + (", ".join(a["documents"]) or "-"), 2))
        if not a["positions"] and not a["untargeted"]:
            lines.append("  no claims recorded")
        for p in a["positions"]:
            counts = ", ".join(f"{p[k]} {k}" for k in ("support", "object", "neutral") if p[k])
            lines += ["", _wrap(f"{STANCE_WORD[p['stance']]}: {_clean(p['label'])} [{p['id']}] ({counts})", 2)]
            for c in p["claims"]:
                lines += _evidence(c, labels, 4, skip={p["id"]}, explain=explain, who=members)
            lines += _more_line(p.get("more", 0), 4)
        if a["untargeted"]:
            lines += ["", f"  Other claims (no proposal): {len(a['untargeted']) + a.get('untargeted_more', 0)}"]
            for c in a["untargeted"]:
                lines += _evidence(c, labels, 4, explain=explain, who=members)
            lines += _more_line(a.get("untargeted_more", 0), 4)
    _emit(lines)


# ---------------------------------------------------------------- contested

@click.command(help=f"""Proposals ranked by how contested they are: where the fault lines are.

    {CONTESTED_HELP}

    \b
    Examples:
      argmap contested
      argmap contested --limit 5 --json
    """)
@click.option("--limit", "-n", type=click.IntRange(min=0), help="Show only the first N proposals.")
@graph_option
@json_option
@query_command
def contested(limit: int | None, graph_path: str, as_json: bool) -> None:
    from argmap import queries

    rows = queries.contested(_index(graph_path), limit=limit)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        _emit(["No proposal has supporting or objecting claims."])
        return
    lines = ["score = min(objectors, supporters) + grounds  (see --help)", "",
             f"{'score':>5} {'obj':>4} {'sup':>4} {'grounds':>7}  proposal"]
    for r in rows:
        cand = " (candidate)" if r["candidate"] else ""
        lines.append(f"{r['score']:>5} {r['objectors']:>4} {r['supporters']:>4} {len(r['grounds']):>7}  "
                     f"{_clean(r['label'])}{cand} [{r['id']}]")
        if r["grounds"]:
            lines.append(_wrap("grounds: " + "; ".join(_clean(g["label"]) for g in r["grounds"]), 25))
    _emit(lines)


# ---------------------------------------------------------------- listings

@click.command(name="actors")
@graph_option
@json_option
@query_command
def actors_cmd(graph_path: str, as_json: bool) -> None:
    """Every actor with their documents and claims (by stance), most active first.

    \b
    Example:
      argmap actors --json
    """
    from argmap import queries

    rows = queries.list_actors(_index(graph_path))
    if as_json:
        echo_json(rows)
        return
    lines = [f"{_plural(len(rows), 'actor')}", "",
             f"{'claims':>6} {'sup':>4} {'obj':>4} {'neu':>4} {'docs':>4}  actor"]
    for r in rows:
        lines.append(f"{r['claims']:>6} {r['support']:>4} {r['object']:>4} {r['neutral']:>4} {r['documents']:>4}  "
                     f"{_clean(r['name'])} ({r['kind']}) [{r['id']}]")
    _emit(lines)


@click.command(name="proposals")
@click.option("--candidates", is_flag=True,
              help="Only candidate proposals found by discovery (not in the taxonomy), with evidence.")
@evidence_option
@graph_option
@json_option
@query_command
def proposals_cmd(candidates: bool, evidence: int, graph_path: str, as_json: bool) -> None:
    """Every proposal with claim counts and distinct supporters and objectors.

    With --candidates, the proposals discovery found that the taxonomy lacks, each with the claims
    that mention it, so you can add the good ones to the taxonomy file.

    \b
    Examples:
      argmap proposals
      argmap proposals --candidates
    """
    from argmap import queries

    ix = _index(graph_path)
    rows = queries.list_proposals(ix, candidates=candidates,
                                  evidence=_evidence_limit(evidence) if candidates else None)
    if as_json:
        echo_json(rows)
        return
    if candidates:
        lines = [f"{_plural(len(rows), 'candidate proposal')} (found by discovery, not in the taxonomy)"]
        labels = _labels(ix)
        for r in rows:
            lines += ["", (f"{_clean(r['label'])} [{r['id']}] - {_plural(r['claims'], 'claim')} "
                           f"({r['support']} support, {r['object']} object, {r['neutral']} neutral)")]
            for c in r["evidence"]:
                lines += _evidence(c, labels, 2, skip={r["id"]}, who=True)
            lines += _more_line(r.get("evidence_more", 0), 2)
        _emit(lines)
        return
    lines = [f"{_plural(len(rows), 'proposal')}", "",
             f"{'claims':>6} {'sup':>4} {'obj':>4} {'neu':>4} {'for':>4} {'vs':>4}  proposal"]
    for r in rows:
        cand = " (candidate)" if r["candidate"] else ""
        lines.append(f"{r['claims']:>6} {r['support']:>4} {r['object']:>4} {r['neutral']:>4} "
                     f"{r['supporters']:>4} {r['objectors']:>4}  {_clean(r['label'])}{cand} [{r['id']}]")
    lines += ["", "sup/obj/neu count claims; for/vs count distinct supporting/objecting actors."]
    _emit(lines)


@click.command(name="themes")
@graph_option
@json_option
@query_command
def themes_cmd(graph_path: str, as_json: bool) -> None:
    """Every theme (ground of argument) with claim counts, actors and proposals.

    \b
    Example:
      argmap themes
    """
    from argmap import queries

    rows = queries.list_themes(_index(graph_path))
    if as_json:
        echo_json(rows)
        return
    lines = [f"{_plural(len(rows), 'theme')}", "",
             f"{'claims':>6} {'sup':>4} {'obj':>4} {'neu':>4} {'actors':>6}  theme"]
    for r in rows:
        lines.append(f"{r['claims']:>6} {r['support']:>4} {r['object']:>4} {r['neutral']:>4} {r['actors']:>6}  "
                     f"{_clean(r['label'])} [{r['id']}]")
    _emit(lines)


# ---------------------------------------------------------------- show / agree / explain

SHOW_LIMIT = 20


@click.command()
@click.argument("node_id")
@graph_option
@json_option
@query_command
def show(node_id: str, graph_path: str, as_json: bool) -> None:
    """One node (by id, claim id or name) with its attributes and neighbours.

    \b
    Examples:
      argmap show proposal:family-help
      argmap show BASW --json
    """
    from argmap import queries

    data = queries.show(_index(graph_path), _arg(node_id))
    if as_json:
        echo_json(data)
        return
    lines = [f"{data['id']} ({data['kind']})", _wrap(_clean(data["label"]), 2)]
    for k, v in sorted(data["attributes"].items()):
        shown = ", ".join(map(str, v)) if isinstance(v, list) else v
        lines.append(_wrap(_clean(f"{k}: {shown if shown not in (None, '') else '-'}"), 2))
    for title, arrow, items in (("Out", "->", data["out"]), ("In", "<-", data["in"])):
        lines += ["", f"{title} ({len(items)}):"]
        by_edge: dict[str, list[dict[str, str]]] = {}
        for it in items:
            by_edge.setdefault(it["edge"], []).append(it)
        for edge, its in by_edge.items():
            for it in its[:SHOW_LIMIT]:
                lines.append(_wrap(_clean(f"{edge} {arrow} {it['label']} [{it['id']}]"), 2))
            if len(its) > SHOW_LIMIT:
                lines.append(f"  ... and {len(its) - SHOW_LIMIT} more {edge} (see --json)")
        if not items:
            lines.append("  (none)")
    _emit(lines)


@click.command()
@click.argument("actor_a")
@click.argument("actor_b")
@evidence_option
@graph_option
@json_option
@query_command
def agree(actor_a: str, actor_b: str, evidence: int, graph_path: str, as_json: bool) -> None:
    """Where two actors take the same, opposite or partly the same stance on the same proposal.

    An actor who both supports and objects to a proposal is "mixed"; a proposal where either
    actor is mixed is listed once, under "Partly agree".

    \b
    Example:
      argmap agree BASW "Union of Carers"
    """
    from argmap import queries

    data = queries.agree(_index(graph_path), _arg(actor_a), _arg(actor_b), evidence=_evidence_limit(evidence))
    if as_json:
        echo_json(data)
        return
    a, b = data["a"], data["b"]
    lines = [f"A: {_clean(a['name'])} ({a['kind']}) [{a['id']}]", f"B: {_clean(b['name'])} ({b['kind']}) [{b['id']}]"]
    for title, rows in (("Same stance", data["same"]), ("Opposite stance", data["opposite"]),
                        ("Partly agree", data["partly"])):
        lines += ["", f"{title} on {_plural(len(rows), 'proposal')}" + (":" if rows else ".")]
        for r in rows:
            lines.append(_wrap(f"{_clean(r['label'])} [{r['id']}]: A {r['a_stance']}, B {r['b_stance']}", 2))
            for side in ("a", "b"):
                for c in r[f"{side}_claims"]:
                    lines.append(_wrap(f"{side.upper()} ({c['stance']}) {_quoted(c['text'])}", 4))
                    lines.append(_wrap(_loc(c), 8))
                lines += _more_line(r.get(f"{side}_more", 0), 4)
    _emit(lines)


@click.command()
@click.argument("claim_id")
@graph_option
@json_option
@query_command
def explain(claim_id: str, graph_path: str, as_json: bool) -> None:
    """Why a claim was extracted: text, where it is, speaker and attribution cue, stance and its
    cues, targets and their cues, grounds, and the rule that decided.

    \b
    Examples:
      argmap explain claim:doc-a:1
      argmap explain doc-a:1 --json
    """
    from argmap import queries

    d = queries.explain(_index(graph_path), _arg(claim_id))
    if as_json:
        echo_json(d)
        return

    def cues(xs: list[str]) -> str:
        return ", ".join(f"\u201c{_clean(x)}\u201d" for x in xs) or "-"

    doc = d["document"]
    title = f" ({_clean(doc['title'])})" if doc.get("title") else ""
    sp = d["speaker"]
    rows = [
        ("document", f"{doc['id']}{title}" + (f", file {_clean(doc['path'])}" if doc.get("path") else "")),
        ("location", d["location"]),
        ("speaker", f"{_clean(sp['name'])} ({sp['kind']}) [{sp['id']}]" if sp else "(none)"),
        ("attribution", _clean(d["attribution"]) or "-"),
        ("quoted", "yes" if d["quoted"] else "no"),
        ("stance", d["stance"]),
        ("stance cues", cues(d["stance_cues"])),
        ("targets", "; ".join(_ref(t) for t in d["targets"]) or "-"),
        ("target cues", cues(d["target_cues"])),
        ("grounds", "; ".join(_ref(t) for t in d["themes"]) or "-"),
        ("rule", _clean(d["rule"]) or "-"),
    ]
    lines = [d["id"], _wrap(_quoted(d["text"]), 2), ""]
    lines += [_wrap(value, 2, f"{key + ':':<13} ") for key, value in rows]
    _emit(lines)


def register(cli: click.Group) -> None:
    """Add the query commands to the argmap command group."""
    for cmd in (_stance_command("objectors", "object"), _stance_command("supporters", "support"),
                objections, positions, contested, actors_cmd, proposals_cmd, themes_cmd, show, agree, explain):
        cli.add_command(cmd)
