"""argmap's map step on Dask (bag API, local processes), then argmap's own merge.

An example, not part of argmap: Dask is not a dependency (``pip install "dask[bag]"`` to try it).
The per-document extraction is a pure map from an article to a DocResult record, so any engine
that can map a function over a list of files can run it; ``argmap merge`` (here
:func:`argmap.build.merge_record_files`) then builds the graph from the record files.

    python benchmarks/dask_example.py corpus/ -o /tmp/dask-graph.json --workers 2 --partitions 4

On a cluster the same code runs with a ``dask.distributed.Client`` instead of the local process
scheduler, and with the record files written to shared storage (``to_textfiles`` accepts any
fsspec URL). Each partition loads the spaCy model once, so make partitions large (a few hundred
articles each), and point ``--cache-dir`` at storage every worker can reach to share the cache.
Document ids come from each file's path under its corpus folder; ``merge`` refuses two
different documents with one id.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path


def extract_partition(files: Iterable[tuple[str, str]], model: str | None, taxonomy: str | None,
                      cache_dir: str | None) -> Iterator[str]:
    """The map step for one partition: ``(file, corpus root)`` pairs in, record lines out."""
    from argmap.build import Extractor
    from argmap.corpus import SkipDocument, read_document
    from argmap.records import dumps_result

    def documents():
        for path, root in files:
            try:
                yield read_document(path, root)
            except SkipDocument as exc:
                print(f"skipped {path}: {exc.reason}", file=sys.stderr)

    extractor = Extractor(model, taxonomy=taxonomy, cache_dir=cache_dir,
                          on_skip=lambda path, reason: print(f"skipped {path}: {reason}", file=sys.stderr))
    provenance = extractor.provenance
    for result in extractor.extract(documents()):
        yield dumps_result(result, provenance=provenance)


def main(argv: list[str] | None = None) -> None:
    import dask
    import dask.bag as db

    from argmap.build import merge_record_files
    from argmap.corpus import iter_corpus_files
    from argmap.graph import write_graph
    from argmap.taxonomy import load_taxonomy

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True, help="graph JSON to write")
    ap.add_argument("--records", type=Path, help="folder for the record files (default: beside the output)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--model", default=None)
    ap.add_argument("--taxonomy", default=None)
    ap.add_argument("--cache-dir", default=None)
    args = ap.parse_args(argv)

    started = time.perf_counter()
    files = [(str(f), str(root)) for f, root in iter_corpus_files(args.corpus)]
    records_dir = args.records or args.output.parent / (args.output.stem + "-records")
    records_dir.mkdir(parents=True, exist_ok=True)
    for old in records_dir.glob("part-*.jsonl"):
        old.unlink()
    bag = db.from_sequence(files, npartitions=min(args.partitions, max(1, len(files))))
    lines = bag.map_partitions(extract_partition, args.model, args.taxonomy, args.cache_dir)
    # chunksize=1: Dask's process scheduler otherwise hands tasks out six at a time, which would put
    # a few large partitions on one worker
    with dask.config.set(scheduler="processes", num_workers=args.workers, chunksize=1):
        lines.to_textfiles(str(records_dir / "part-*.jsonl"))
    mapped = time.perf_counter()

    parts = sorted(records_dir.glob("part-*.jsonl"))
    graph, n_docs = merge_record_files(parts, load_taxonomy(args.taxonomy),
                                       warn=lambda msg: print(f"warning: {msg}", file=sys.stderr))
    write_graph(graph, args.output)
    print(f"{n_docs} documents: map {mapped - started:.1f}s on {args.workers} Dask workers "
          f"({len(parts)} record files in {records_dir}), merge {time.perf_counter() - mapped:.1f}s; "
          f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
