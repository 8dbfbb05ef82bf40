"""Building the argument graph from a corpus: read, parse (with cache), analyse, merge.

The per-document step (:func:`extract_documents`) is a pure map from articles to
:class:`~argmap.model.DocResult` records; the graph build is a merge of those records, so the
map step can run anywhere (see the README's "Beyond one machine").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.model import DocResult, Document

CHUNK = 64  # documents held in memory at once per batch


@dataclass
class BuildStats:
    documents: int = 0
    parsed: int = 0
    cached: int = 0
    tokens: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0


class Extractor:
    """Holds a loaded pipeline and turns Documents into DocResults."""

    def __init__(self, model: str | None = None, *, taxonomy: str | None = None, cues: str | None = None,
                 cache_dir: str | Path | None = None, jobs: int = 1, batch_size: int = 16):
        from argmap.cache import ParseCache, model_id
        from argmap.nlp.pipeline import build_pipeline, parse_components

        self.nlp = build_pipeline(model, taxonomy=taxonomy, cues=cues)
        self.parse_names = parse_components(self.nlp)
        self.model_name = f"{self.nlp.meta.get('lang')}_{self.nlp.meta.get('name')}-{self.nlp.meta.get('version')}"
        self.cache = ParseCache(cache_dir, model_id(self.nlp)) if cache_dir else None
        self.jobs = max(1, jobs)
        self.batch_size = batch_size
        self.stats = BuildStats()

    def _parse(self, texts: list[str]) -> list:
        from argmap.nlp.pipeline import ANALYSIS_COMPONENTS

        n_process = self.jobs if len(texts) > 1 else 1
        return list(self.nlp.pipe(texts, disable=list(ANALYSIS_COMPONENTS), n_process=n_process,
                                  batch_size=self.batch_size))

    def _analyse(self, doc, document: Document) -> DocResult:
        from argmap.extract import nlp_meta, to_result
        from argmap.nlp.pipeline import analyse

        doc._.argmap_meta = nlp_meta(document)
        return to_result(analyse(self.nlp, doc), document)

    def extract(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """Stream DocResults in input order, parsing only what the cache lacks."""
        it = iter(documents)
        pending: list[Document] = []
        while True:
            chunk = list(islice(it, CHUNK * self.jobs))
            if not chunk:
                break
            parsed: dict[int, Any] = {}
            todo = []
            for i, document in enumerate(chunk):
                doc = self.cache.get(document.clean, self.nlp.vocab) if self.cache else None
                if doc is not None:
                    parsed[i] = doc
                else:
                    todo.append(i)
            if todo:
                for i, doc in zip(todo, self._parse([chunk[i].clean for i in todo])):
                    parsed[i] = doc
                    if self.cache:
                        self.cache.put(chunk[i].clean, doc)
            self.stats.parsed += len(todo)
            self.stats.cached += len(chunk) - len(todo)
            for i, document in enumerate(chunk):
                self.stats.documents += 1
                self.stats.tokens += len(parsed[i])
                yield self._analyse(parsed[i], document)
            del pending[:]


def build_corpus(paths: list[str | Path], *, model: str | None = None, taxonomy_path: str | None = None,
                 cues: str | None = None, cache_dir: str | Path | None = None, jobs: int = 1,
                 max_bytes: int | None = None, include_build_time: bool = True,
                 progress: Callable[[int], None] | None = None) -> tuple[nx.MultiDiGraph, BuildStats]:
    """Read the corpus, extract every document, and merge the results into one graph."""
    from argmap import corpus
    from argmap.graph import build_graph
    from argmap.taxonomy import load_taxonomy

    started = time.perf_counter()
    taxonomy = load_taxonomy(taxonomy_path)
    extractor = Extractor(model, taxonomy=taxonomy_path, cues=cues, cache_dir=cache_dir, jobs=jobs)
    skipped: list[dict[str, str]] = []
    kwargs = {"on_skip": lambda s: skipped.append({"path": str(s.path), "reason": s.reason})}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    documents = corpus.load_corpus(paths, **kwargs)

    def counted(results: Iterator[DocResult]) -> Iterator[DocResult]:
        for n, r in enumerate(results, start=1):
            if progress:
                progress(n)
            yield r

    results = list(counted(extractor.extract(documents)))
    meta: dict[str, Any] = {"model": extractor.model_name, "skipped": sorted(skipped, key=lambda s: s["path"])}
    if include_build_time:
        meta["built_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    graph = build_graph(results, taxonomy, meta=meta)
    stats = extractor.stats
    stats.skipped = meta["skipped"]
    stats.seconds = time.perf_counter() - started
    return graph, stats
