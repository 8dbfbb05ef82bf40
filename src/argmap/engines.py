"""The map step on an engine beyond one machine: Dask here, and the contract any engine follows.

The contract (Dask, Spark, Ray alike):

1. The driver lists the corpus with :func:`argmap.build.list_corpus`: ``(file, root, document id)``
   entries, ids assigned once, so they never depend on how the corpus is cut.
2. Each partition of entries goes to :func:`extract_partition` on a worker, with the same
   :class:`~argmap.build.ExtractOptions` everywhere. It returns a :class:`PartitionResult`
   (DocResults, skipped files, counts, and a fingerprint of every text read).
3. The driver judges repeated texts over the whole corpus with :func:`drop_repeats` (in corpus
   order, as one machine would) and merges the rest with argmap's merge, which orders documents
   by id: the graph is byte-identical to ``argmap build`` on one machine, whatever the engine or
   the number of partitions.

:func:`record_lines` is the simpler contract of ``argmap extract`` on a shard (JSON lines, repeats
dropped within the partition only), for engines that move text and a driver that runs
``argmap merge`` on the files.

Each worker process keeps one loaded pipeline per set of options, so the spaCy model loads once
per worker, not once per partition. Paths (corpus files, ``--cache-dir``) are opened on the
workers as given: on a cluster, use paths every worker can read (shared storage), and run the
driver from the same directory layout (a relative path is kept in the graph as given).
"""

from __future__ import annotations

import contextlib
import math
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap.build import (
    BuildStats,
    Extraction,
    ExtractOptions,
    Extractor,
    Progress,
    extract_entries,
    list_corpus,
)
from argmap.errors import ArgmapError
from argmap.model import DocResult

DOCS_PER_PARTITION = 25  #: default partition size (the model loads once per worker, not per partition)
_STAT_FIELDS = ("documents", "parsed", "cached", "reused", "tokens", "failed")


class EngineError(ArgmapError):
    """The engine is not installed, cannot be reached, or a worker failed."""


@dataclass
class PartitionResult:
    """What one partition of the map step gives back to the driver.

    ``fingerprints`` holds ``(path, text key, signature)`` of every document read (see
    :mod:`argmap.duplicates`): repeats are judged on the driver, over the whole corpus in corpus
    order, and ``costs`` (path -> the counts its extraction added) lets the driver take a dropped
    repeat's work out of the counts.
    """

    results: list[DocResult]
    skipped: list[dict[str, str]]
    stats: BuildStats
    model_name: str
    fingerprints: list[tuple[str, str, Any]] = field(default_factory=list)
    costs: dict[str, dict[str, int]] = field(default_factory=dict)


_EXTRACTORS: dict[ExtractOptions, Extractor] = {}  # per worker process


def worker_extractor(options: ExtractOptions) -> Extractor:
    """The worker process's extractor for ``options`` (built, and the model loaded, once)."""
    ex = _EXTRACTORS.get(options)
    if ex is None:
        ex = _EXTRACTORS[options] = options.extractor()
    return ex


def extract_partition(entries: Iterable[tuple[str, str, str]], options: ExtractOptions, *,
                      report: Callable[[int, int], None] | None = None) -> PartitionResult:
    """The map step for one partition of ``(file, root, document id)`` entries, on a worker.

    ``report(documents, tokens)`` is called after each document (extracted or skipped) with the
    increments, for a progress bar on the driver.
    """
    from argmap.duplicates import signature, text_key

    ex = worker_extractor(options)
    ex.stats = BuildStats()  # this partition's counts
    skipped: list[dict[str, str]] = []
    fingerprints: list[tuple[str, str, Any]] = []
    costs: dict[str, dict[str, int]] = {}
    last = _counts(ex.stats)

    def settled(path: str) -> None:
        """One document went through the extractor: what it cost, and a progress report."""
        nonlocal last
        now = _counts(ex.stats)
        costs[path] = {k: now[k] - last[k] for k in now}
        last = now
        if report is not None:
            report(1, costs[path]["tokens"])

    def skip(path: str, reason: str) -> None:
        skipped.append({"path": str(path), "reason": reason})
        if reason.startswith("extraction failed"):
            settled(str(path))
        elif report is not None:
            report(1, 0)

    def screen(documents: Iterable[Any]) -> Iterator[Any]:
        for doc in documents:  # every document goes on; the driver judges repeats
            fingerprints.append((doc.path, text_key(doc.clean), signature(doc.path, doc.clean)))
            yield doc

    results = list(extract_entries(entries, options, extractor=ex, on_skip=skip,
                                   on_result=lambda r: settled(str(r.doc.get("path"))), screen=screen))
    return PartitionResult(results, skipped, ex.stats, ex.model_name, fingerprints, costs)


def _counts(stats: BuildStats) -> dict[str, int]:
    return {name: getattr(stats, name) for name in _STAT_FIELDS}


def drop_repeats(entries: list[tuple[str, str, str]], parts: list[PartitionResult], *,
                 keep_near: bool) -> tuple[list[DocResult], list[dict[str, str]], BuildStats, list[dict[str, Any]]]:
    """Judge repeated texts over the whole corpus (in corpus order, as one machine would) and take
    the dropped ones out of the partitions' results, skips and counts."""
    from argmap.duplicates import DuplicateFinder

    rank = {path: i for i, (path, _, _) in enumerate(entries)}
    prints = sorted((fp for part in parts for fp in part.fingerprints), key=lambda fp: rank.get(fp[0], len(rank)))
    finder = DuplicateFinder()
    duplicates: list[dict[str, Any]] = []
    dropped: set[str] = set()
    for path, key, sig in prints:
        dup = finder.check_fingerprint(path, key, sig)
        if dup is None:
            continue
        kept = dup.kind == "near" and keep_near
        duplicates.append({**dup.to_dict(), "kept": kept})
        if not kept:
            dropped.add(path)
    stats = BuildStats()
    results: list[DocResult] = []
    skipped: list[dict[str, str]] = []
    for part in parts:
        for name in _STAT_FIELDS:
            setattr(stats, name, getattr(stats, name) + getattr(part.stats, name)
                    - sum(part.costs.get(p, {}).get(name, 0) for p in dropped))
        results += [r for r in part.results if str(r.doc.get("path")) not in dropped]
        skipped += [s for s in part.skipped if s["path"] not in dropped]
    return results, skipped, stats, duplicates


def record_lines(entries: Iterable[tuple[str, str, str]], options: ExtractOptions) -> Iterator[str]:
    """:func:`extract_partition` as record lines (``argmap extract`` format), for engines that
    move text: Spark ``rdd.mapPartitions(lambda part: record_lines(part, options))``, Ray
    ``map_batches``. Like ``argmap extract`` on a shard: repeated texts are dropped within the
    partition only, and skipped files are not records."""
    from argmap.records import dumps_result

    ex = worker_extractor(options)
    provenance = ex.provenance
    for result in extract_entries(entries, options, extractor=ex):
        yield dumps_result(result, provenance=provenance)


def partition(entries: list[Any], parts: int | None) -> list[list[Any]]:
    """``entries`` cut into ``parts`` runs of consecutive entries (default: about
    :data:`DOCS_PER_PARTITION` each), none empty."""
    if not entries:
        return []
    n = parts if parts else math.ceil(len(entries) / DOCS_PER_PARTITION)
    n = max(1, min(n, len(entries)))
    size, extra = divmod(len(entries), n)
    out, at = [], 0
    for i in range(n):
        step = size + (1 if i < extra else 0)
        out.append(entries[at: at + step])
        at += step
    return out


# ---------------------------------------------------------------- Dask

def _dask_task(entries: list[tuple[str, str, str]], options: ExtractOptions, topic: str) -> PartitionResult:
    """Runs on a Dask worker: the partition, with progress events to the driver."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # not on a distributed worker (a local scheduler)
        worker = None

    def report(docs: int, tokens: int) -> None:
        if worker is not None:
            worker.log_event(topic, {"documents": docs, "tokens": tokens})

    return extract_partition(entries, options, report=report)


def extract_with_dask(paths: list[str | Path], options: ExtractOptions, *, scheduler: str | None = None,
                      partitions: int | None = None, progress: Progress | None = None,
                      client: Any = None) -> Extraction:
    """The map step on Dask: the connected ``client``, the scheduler at ``scheduler``, or else a
    local cluster of ``options.jobs`` worker processes; partitions of about
    :data:`DOCS_PER_PARTITION` documents (or ``partitions``)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'argmap[dask]' "
                          "(or dask[distributed])") from None
    skipped: list[dict[str, str]] = []
    entries = [(str(p), str(r), i) for p, r, i in list_corpus(paths, skipped)]
    total = len(entries)
    worker_options = replace(options, jobs=1)  # each Dask worker is one process
    chunks = partition(entries, partitions)
    owned: list[Any] = []
    if client is None:
        client = _connect(scheduler, options.jobs, owned, Client, LocalCluster)
    topic = f"argmap-progress-{uuid.uuid4().hex}"
    counts = {"documents": 0, "tokens": 0}

    def on_event(event: Any) -> None:
        msg = event[1] if isinstance(event, tuple) and len(event) == 2 else event
        if isinstance(msg, dict):
            counts["documents"] += int(msg.get("documents", 0))
            counts["tokens"] += int(msg.get("tokens", 0))
            if progress is not None:
                progress(min(counts["documents"], total), total, counts["tokens"])

    parts: list[PartitionResult] = []
    try:
        if progress is not None:
            client.subscribe_topic(topic, on_event)
        futures = client.map(_dask_task, chunks, options=worker_options, topic=topic, pure=False)
        for future in as_completed(futures):
            parts.append(future.result())
    except ArgmapError:
        raise
    except Exception as exc:  # noqa: BLE001 - a worker's failure, reported in one line
        raise EngineError(f"the Dask engine failed: {exc.__class__.__name__}: {exc}") from None
    finally:
        if progress is not None:
            with contextlib.suppress(Exception):  # closing down: nothing to report
                client.unsubscribe_topic(topic)
        for thing in owned:
            thing.close()
    results, worker_skips, stats, duplicates = drop_repeats(entries, parts, keep_near=options.keep_near_duplicates)
    if progress is not None:
        progress(total, total, stats.tokens)
    models = {part.model_name for part in parts}
    return Extraction(results, stats, skipped + worker_skips, ", ".join(sorted(models)) if models else "unknown",
                      duplicates)


def _connect(scheduler: str | None, workers: int, owned: list[Any], client_cls: Any, cluster_cls: Any) -> Any:
    import logging

    if scheduler:
        try:
            client = client_cls(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        owned.append(client)
        return client
    cluster = cluster_cls(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR)
    owned.append(cluster)
    client = client_cls(cluster)
    owned.insert(0, client)
    return client
