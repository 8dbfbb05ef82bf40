"""argmap build: read a corpus and write the argument graph (and its query store and map)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from argmap.cli.options import (
    CACHE_DEFAULT_TEXT,
    DEFAULT_GRAPH,
    default_cache_dir,
    echo,
    engine_options,
    extraction_options,
    handle_errors,
    progress_bar,
    quiet_option,
    say,
)

DEFAULT_CORPUS = "corpus"


@click.command("build")
@click.argument("corpus_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default=DEFAULT_GRAPH, show_default=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Graph JSON to write; its query store (.sqlite) and map (.svg and .dot) are written beside it.")
@extraction_options(cache_help=f"Cache directory [default: {CACHE_DEFAULT_TEXT}].")
@click.option("--no-render", is_flag=True, help="Write the graph JSON only, no map.")
@click.option("--timestamp/--no-timestamp", default=False, show_default=True,
              help="Record the build time (built_at) in the graph. Off by default: rebuilds are byte-identical.")
@engine_options
@quiet_option
@handle_errors
def build_cmd(corpus_dirs, output, model, taxonomy_path, cues, jobs, cache_dir, no_cache, no_render,
              max_bytes, strict, timestamp, max_chars, max_sentence_chars, keep_near_duplicates,
              engine, scheduler, partitions, quiet):
    """Read articles (.txt, .md, .html, .pdf, .docx) and build the argument graph.

    \b
    Examples:
      argmap build                       # the sample corpus in corpus/
      argmap build ../shared/corpus -o graphs/seed.json
      argmap build my-articles/ --jobs 2 --no-render
      argmap build my-articles/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from argmap.build import build_corpus_data
    from argmap.errors import CorpusError
    from argmap.limits import Limits
    from argmap.outputs import check_outputs

    paths = list(corpus_dirs) or [Path(DEFAULT_CORPUS)]
    for p in paths:
        if not p.exists():
            raise CorpusError(f"corpus path {p} does not exist")
    check_outputs(output_files(output, render=not no_render),
                  [("taxonomy", taxonomy_path), ("cue lexicon", cues)], corpus=paths)
    cache = None if no_cache else (cache_dir or default_cache_dir())
    with progress_bar(quiet) as bar:
        data, stats = build_corpus_data(
            paths, model=model, taxonomy_path=taxonomy_path, cues=cues, cache_dir=cache, jobs=jobs,
            max_bytes=max_bytes, include_build_time=timestamp, limits=Limits(max_chars, max_sentence_chars),
            progress=bar, keep_near_duplicates=keep_near_duplicates, engine=engine, scheduler=scheduler,
            partitions=partitions)
    check_documents(stats, paths, output)
    done = publish(data, output, render=not no_render)
    if not quiet:
        say(_summary(data, stats, output, unchanged=not done.graph_written))
    report_map(done, quiet=quiet)
    if strict and _problems(stats.skipped):
        click.echo(f"argmap: {len(_problems(stats.skipped))} skipped and --strict was given", err=True)
        raise click.exceptions.Exit(1)


def output_files(output: Path, *, render: bool) -> list[tuple[str, Path]]:
    """What a build (or a merge with --render) writes: the graph, its query store, and the map beside it."""
    from argmap.store import store_path

    files = [("graph", output), ("query store", store_path(output))]
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


@dataclass
class Published:
    """What :func:`publish` did: the graph rewritten or kept, the map drawn, kept or missing."""

    graph_written: bool
    drawn: list[Path] = field(default_factory=list)
    no_map: str | None = None  # why no picture was drawn
    maps_kept: list[Path] = field(default_factory=list)  # up to date: not drawn again


def publish(data: dict[str, Any], output: Path, *, render: bool) -> Published:
    """Write a built graph: the JSON (unless it holds these bytes already) and the map (unless it
    is the one drawn from this graph) replaced together, then the query store (unless it matches)."""
    from argmap.atomic import Staging
    from argmap.graphdata import write_graph_data
    from argmap.save import ensure_store, maps_up_to_date, record_maps

    maps = [output.with_suffix(".dot"), output.with_suffix(".svg")]
    with Staging() as staged:
        written, sha256 = write_graph_data(data, output, staged=staged)
        done = Published(written)
        if render and maps_up_to_date(output, maps, graph_written=written):
            done.maps_kept = maps
        elif render:
            from argmap.graph import graph_from_node_link

            done.drawn, done.no_map = stage_map(graph_from_node_link(data), output, staged)
    ensure_store(data, output, sha256=sha256, graph_written=written)
    if done.drawn and done.no_map is None:
        record_maps(output, done.drawn)
    return done


def stage_map(graph, output: Path, staged) -> tuple[list[Path], str | None]:
    """Stage the map (.dot and .svg beside ``output``); the paths staged and why there is no
    picture, if there is none. Notes (a large map drawn as an index, Graphviz's warnings) are
    printed as they come."""
    from argmap.export.render import stage_map as stage

    return stage(graph, output.with_suffix(".svg"), staged, on_note=lambda message: echo(f"note: {message}", err=True))


def report_map(done: Published, *, quiet: bool = False) -> None:
    """The summary's map line, or why no picture was drawn (exit 2 unless Graphviz is missing)."""
    if done.maps_kept:
        if not quiet:
            say("  map        " + ", ".join(str(p) for p in done.maps_kept) + " (up to date)")
        return
    if done.no_map is None:
        if done.drawn and not quiet:
            say("  map        " + ", ".join(str(p) for p in done.drawn))
        return
    from argmap.export.render import INSTALL_HINT  # imports Graphviz's helpers: only when needed

    echo(f"wrote {done.drawn[0]}; no map image: {done.no_map}", err=True)
    if INSTALL_HINT not in done.no_map:
        raise click.exceptions.Exit(2)


def _summary(data, stats, output: Path, *, unchanged: bool = False) -> str:
    from argmap.duplicates import describe_duplicate

    kinds: dict[str, int] = {}
    stances: dict[str, int] = {}
    candidates = 0
    noted = []
    for d in data["nodes"]:
        kind = d.get("kind")
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "claim":
            stances[d["stance"]] = stances.get(d["stance"], 0) + 1
        elif kind == "proposal" and d.get("candidate"):
            candidates += 1
        elif kind == "document":
            noted += [(str(d.get("path") or d["id"]), note) for note in d.get("notes") or ()]
    argued = {e["target"] for e in data["edges"] if e["key"] in {"supports", "objects_to"}}
    raised = {e["target"] for e in data["edges"] if e["key"] == "raises"}
    lines = [
        f"wrote {output}" if not unchanged else f"kept {output} (unchanged)",
        (f"  documents  {stats.documents - stats.failed} ({stats.parsed} parsed, {stats.cached} from cached parses, "
         f"{stats.reused} unchanged, " + (f"{stats.failed} failed, " if stats.failed else "")
         + f"{stats.tokens} tokens, {stats.seconds:.1f}s)"),
        f"  actors     {kinds.get('actor', 0)}",
        (f"  claims     {kinds.get('claim', 0)} ({stances.get('support', 0)} support, {stances.get('object', 0)} object, "
        f"{stances.get('neutral', 0)} neutral)"),
        (f"  proposals  {len({p for p in argued if p.startswith('proposal:')})} argued about "
        f"({candidates} candidates not in the taxonomy)"),
        f"  themes     {len(raised)} raised",
        *_dates(data),
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
    noted.sort()
    lines.append(f"  notes      {len(noted)}")
    lines += [f"    {path}: {note}" for path, note in noted]
    return "\n".join(lines)


def _dates(data) -> list[str]:
    """The dates line: how many documents are dated, over what span, from where; the undated ones
    and any impossible date that was ignored."""
    docs = sorted(((str(d.get("path") or d["id"]), d) for d in data["nodes"] if d.get("kind") == "document"),
                  key=lambda pd: pd[0])
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
