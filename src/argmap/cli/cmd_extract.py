"""argmap extract / argmap merge: the build's map step and merge step as separate commands.

``extract`` turns articles into DocResult records (one JSON line per document); ``merge`` builds
the graph from any number of such files. ``build`` is the two in one process; split, the map
step can run on many machines (see the README's "Beyond one machine").
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.options import (
    CACHE_DEFAULT_TEXT,
    DEFAULT_GRAPH,
    default_cache_dir,
    echo,
    extraction_options,
    handle_errors,
    progress_bar,
    quiet_option,
)


@click.command("extract")
@click.argument("corpus_paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="JSON-lines file to write, one record per document ('-' for standard output).")
@extraction_options(cache_help=f"Cache directory [default: {CACHE_DEFAULT_TEXT}].")
@quiet_option
@handle_errors
def extract_cmd(corpus_paths, output, model, taxonomy_path, cues, jobs, cache_dir, no_cache, max_bytes,
                max_chars, max_sentence_chars, strict, keep_near_duplicates, quiet):
    """Extract claims from articles: one JSON record (a DocResult) per document.

    The per-document half of 'argmap build'. Records from several runs (or machines) are
    combined by 'argmap merge'. Skipped files are listed on standard error.

    \b
    Examples:
      argmap extract corpus/ -o claims.jsonl
      argmap extract part-1/ -o shards/part-1.jsonl --jobs 2
      argmap merge shards/*.jsonl -o graphs/argmap.json
    """
    from argmap.atomic import atomic_open
    from argmap.build import extract_to_records
    from argmap.corpus import is_ignored
    from argmap.duplicates import describe_duplicate
    from argmap.errors import CorpusError
    from argmap.limits import Limits
    from argmap.outputs import check_outputs

    for p in corpus_paths:
        if not p.exists():
            raise CorpusError(f"corpus path {p} does not exist")
    check_outputs([("records file", output)], [("taxonomy", taxonomy_path), ("cue lexicon", cues)],
                  corpus=corpus_paths)
    to_stdout = str(output) == "-"
    cache = None if no_cache else (cache_dir or default_cache_dir())
    kwargs = {"model": model, "taxonomy_path": taxonomy_path, "cues": cues, "cache_dir": cache, "jobs": jobs,
              "max_bytes": max_bytes, "limits": Limits(max_chars, max_sentence_chars),
              "keep_near_duplicates": keep_near_duplicates}
    with progress_bar(quiet) as bar:
        kwargs["progress"] = bar
        if to_stdout:
            stats = extract_to_records(list(corpus_paths), sys.stdout, **kwargs)
        else:
            with atomic_open(output, "w") as fh:
                stats = extract_to_records(list(corpus_paths), fh, **kwargs)
    problems = [s for s in stats.skipped if not is_ignored(s["reason"])]
    for s in problems:
        echo(f"skipped {s['path']}: {s['reason']}", err=True)
    for s in stats.skipped:
        if is_ignored(s["reason"]):
            echo(f"ignored {s['path']}: {s['reason']}", err=True)
    for d in stats.duplicates:
        echo(f"duplicate {d['path']}: {describe_duplicate(d)}", err=True)
    where = "standard output" if to_stdout else str(output)
    if not quiet:
        echo(f"wrote {stats.documents - stats.failed} records to {where} ({stats.parsed} parsed, "
             f"{stats.cached} from cached parses, {stats.reused} unchanged, {stats.tokens} tokens, "
             f"{stats.seconds:.1f}s; {len(problems)} skipped)", err=True)
    if strict and problems:
        raise click.exceptions.Exit(1)


@click.command("merge")
@click.argument("record_files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", default=DEFAULT_GRAPH, show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Graph JSON to write.")
@click.option("--taxonomy", "taxonomy_path", default=None, type=click.Path(dir_okay=False),
              help="Taxonomy TOML file the records were extracted with (default: the shipped one).")
@click.option("--timestamp/--no-timestamp", default=False, show_default=True,
              help="Record the build time (built_at) in the graph. Off by default: rebuilds are byte-identical.")
@click.option("--render/--no-render", default=False, show_default=True,
              help="Also write the map (.svg and .dot) beside the graph.")
@quiet_option
@handle_errors
def merge_cmd(record_files, output, taxonomy_path, timestamp, render, quiet):
    """Build the graph from records written by 'argmap extract' (in any order, from any machine).

    \b
    Examples:
      argmap merge claims.jsonl -o graphs/argmap.json
      argmap merge shards/*.jsonl -o graphs/argmap.json --render
    """
    from argmap.build import merge_record_data
    from argmap.cli.cmd_build import output_files, publish, report_map
    from argmap.errors import CorpusError
    from argmap.outputs import check_outputs
    from argmap.taxonomy import load_taxonomy

    check_outputs(output_files(output, render=render),
                  [*(("records file", r) for r in record_files), ("taxonomy", taxonomy_path)])
    taxonomy = load_taxonomy(taxonomy_path)
    data, n_docs = merge_record_data(record_files, taxonomy, built_at=timestamp,
                                     warn=lambda msg: echo(f"warning: {msg}", err=True))
    if n_docs == 0:
        raise CorpusError(f"no records in {', '.join(map(str, record_files))}")
    done = publish(data, output, render=render)
    kinds: dict[str, int] = {}
    for d in data["nodes"]:
        kinds[d.get("kind")] = kinds.get(d.get("kind"), 0) + 1
    if not quiet:
        echo(f"{'wrote' if done.graph_written else 'kept'} {output}{'' if done.graph_written else ' (unchanged)'}: "
             f"{n_docs} documents, {kinds.get('actor', 0)} actors, {kinds.get('claim', 0)} claims")
    report_map(done, quiet=quiet)


def register(cli: click.Group) -> None:
    cli.add_command(extract_cmd)
    cli.add_command(merge_cmd)
