"""argmap build: read a corpus and write the argument graph (and its map)."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.options import (
    CACHE_DEFAULT_TEXT,
    DEFAULT_GRAPH,
    default_cache_dir,
    echo,
    extraction_options,
    handle_errors,
    say,
)

DEFAULT_CORPUS = "corpus"


@click.command("build")
@click.argument("corpus_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default=DEFAULT_GRAPH, show_default=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Graph JSON to write; the map (.svg and .dot) is written beside it.")
@extraction_options(cache_help=f"Cache directory [default: {CACHE_DEFAULT_TEXT}].")
@click.option("--no-render", is_flag=True, help="Write the graph JSON only, no map.")
@click.option("--timestamp/--no-timestamp", default=False, show_default=True,
              help="Record the build time (built_at) in the graph. Off by default: rebuilds are byte-identical.")
@handle_errors
def build_cmd(corpus_dirs, output, model, taxonomy_path, cues, jobs, cache_dir, no_cache, no_render,
              max_bytes, strict, timestamp, max_chars, max_sentence_chars, keep_near_duplicates):
    """Read articles (.txt, .md, .html, .pdf, .docx) and build the argument graph.

    \b
    Examples:
      argmap build                       # the sample corpus in corpus/
      argmap build ../shared/corpus -o graphs/seed.json
      argmap build my-articles/ --jobs 2 --no-render
    """
    from argmap.atomic import Staging
    from argmap.build import build_corpus
    from argmap.errors import CorpusError
    from argmap.graph import dumps_graph
    from argmap.limits import Limits
    from argmap.outputs import check_outputs

    paths = list(corpus_dirs) or [Path(DEFAULT_CORPUS)]
    for p in paths:
        if not p.exists():
            raise CorpusError(f"corpus path {p} does not exist")
    check_outputs(output_files(output, render=not no_render),
                  [("taxonomy", taxonomy_path), ("cue lexicon", cues)], corpus=paths)
    cache = None if no_cache else (cache_dir or default_cache_dir())
    bar_state = {}

    def progress(n: int) -> None:
        if n % 25 == 0:
            click.echo(f"  ... {n} documents", err=True)
        bar_state["n"] = n

    graph, stats = build_corpus(paths, model=model, taxonomy_path=taxonomy_path, cues=cues, cache_dir=cache,
                                jobs=jobs, max_bytes=max_bytes, include_build_time=timestamp,
                                limits=Limits(max_chars, max_sentence_chars), progress=progress,
                                keep_near_duplicates=keep_near_duplicates)
    check_documents(stats, paths, output)
    with Staging() as staged:
        staged.write_text(output, dumps_graph(graph))
        drawn, no_map = stage_map(graph, output, staged) if not no_render else ([], None)
    say(_summary(graph, stats, output))
    report_map(drawn, no_map)
    if strict and _problems(stats.skipped):
        click.echo(f"argmap: {len(_problems(stats.skipped))} skipped and --strict was given", err=True)
        raise click.exceptions.Exit(1)


def output_files(output: Path, *, render: bool) -> list[tuple[str, Path]]:
    """What a build (or a merge with --render) writes: the graph, and the map beside it."""
    files = [("graph", output)]
    if render:
        files += [("map source", output.with_suffix(".dot")), ("map", output.with_suffix(".svg"))]
    return files


def check_documents(stats, paths: list[Path], output: Path) -> None:
    """Refuse to replace a graph when no document could be read or every one failed extraction."""
    from argmap.errors import CorpusError

    reasons = "; ".join(f"{s['path']}: {s['reason']}" for s in _problems(stats.skipped)[:3])
    where = ", ".join(map(str, paths))
    if stats.documents == 0:
        raise CorpusError(f"no readable documents in {where}" + (f" ({reasons})" if reasons else ""))
    if stats.documents == stats.failed:
        kept = f"; {output} was left as it was" if output.exists() else ""
        raise CorpusError(f"extraction failed on every document in {where} ({reasons}){kept}")


def stage_map(graph, output: Path, staged) -> tuple[list[Path], str | None]:
    """Stage the map (.dot and .svg beside ``output``); the paths staged and why there is no
    picture, if there is none. Notes (a large map drawn as an index, Graphviz's warnings) are
    printed as they come."""
    from argmap.export.render import stage_map as stage

    return stage(graph, output.with_suffix(".svg"), staged, on_note=lambda message: echo(f"note: {message}", err=True))


def report_map(drawn: list[Path], no_map: str | None) -> None:
    """The summary's map line, or why no picture was drawn (exit 2 unless Graphviz is missing)."""
    from argmap.export.render import INSTALL_HINT

    if no_map is None:
        if drawn:
            say("  map        " + ", ".join(str(p) for p in drawn))
        return
    echo(f"wrote {drawn[0]}; no map image: {no_map}", err=True)
    if INSTALL_HINT not in no_map:
        raise click.exceptions.Exit(2)


def _summary(graph, stats, output: Path) -> str:
    from argmap.duplicates import describe_duplicate

    kinds: dict[str, int] = {}
    stances: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
        if d["kind"] == "claim":
            stances[d["stance"]] = stances.get(d["stance"], 0) + 1
    argued = {v for u, v, k in graph.edges(keys=True) if k in {"supports", "objects_to"}}
    raised = {v for u, v, k in graph.edges(keys=True) if k == "raises"}
    candidates = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "proposal" and d.get("candidate"))
    lines = [
        f"wrote {output}",
        (f"  documents  {stats.documents - stats.failed} ({stats.parsed} parsed, {stats.cached} from cached parses, "
         f"{stats.reused} unchanged, " + (f"{stats.failed} failed, " if stats.failed else "")
         + f"{stats.tokens} tokens, {stats.seconds:.1f}s)"),
        f"  actors     {kinds.get('actor', 0)}",
        (f"  claims     {kinds.get('claim', 0)} ({stances.get('support', 0)} support, {stances.get('object', 0)} object, "
        f"{stances.get('neutral', 0)} neutral)"),
        (f"  proposals  {len({p for p in argued if p.startswith('proposal:')})} argued about "
        f"({candidates} candidates not in the taxonomy)"),
        f"  themes     {len(raised)} raised",
        *_dates(graph),
    ]
    problems = _problems(stats.skipped)
    ignored = [s for s in stats.skipped if s not in problems]
    lines.append(f"  skipped    {len(problems)}")
    lines += [f"    {s['path']}: {s['reason']}" for s in problems]
    if ignored:
        lines.append(f"  ignored    {len(ignored)}")
        lines += [f"    {s['path']}: {s['reason']}" for s in ignored]
    if stats.duplicates:
        lines.append(f"  duplicates {len(stats.duplicates)}")
        lines += [f"    {d['path']}: {describe_duplicate(d)}" for d in stats.duplicates]
    noted = sorted((str(d.get("path") or n), note) for n, d in graph.nodes(data=True)
                   if d["kind"] == "document" for note in d.get("notes") or ())
    lines.append(f"  notes      {len(noted)}")
    lines += [f"    {path}: {note}" for path, note in noted]
    return "\n".join(lines)


def _dates(graph) -> list[str]:
    """The dates line: how many documents are dated, over what span, from where; the undated ones
    and any impossible date that was ignored."""
    docs = sorted((str(d.get("path") or n), d) for n, d in graph.nodes(data=True) if d["kind"] == "document")
    dated = [d for _, d in docs if d.get("date")]
    sources: dict[str, int] = {}
    for d in dated:
        sources[d.get("date_source") or "unknown"] = sources.get(d.get("date_source") or "unknown", 0) + 1
    first, last = (min(d["date"] for d in dated), max(d["date"] for d in dated)) if dated else ("", "")
    span = f", {first} to {last}" if first != last else f", {first}" if first else ""
    how = " (" + ", ".join(f"{s} {n}" for s, n in sorted(sources.items())) + ")" if sources else ""
    lines = [f"  dates      {len(dated)} dated{span}{how}; {len(docs) - len(dated)} undated"]
    lines += [f"    {path}: no date found (kept; left out of date filters and time windows)"
              for path, d in docs if not d.get("date")]
    lines += [f"    {path}: {problem}" for path, d in docs for problem in d.get("date_problems") or ()]
    return lines


def _problems(skipped: list[dict[str, str]]) -> list[dict[str, str]]:
    """The skips that are problems (documentation files such as README.md, other formats are not)."""
    from argmap.corpus import is_ignored

    return [s for s in skipped if not is_ignored(s["reason"])]


def register(cli: click.Group) -> None:
    cli.add_command(build_cmd)
