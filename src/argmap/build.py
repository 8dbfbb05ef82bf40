"""Building the argument graph from a corpus: read, parse (with cache), analyse, merge.

The per-document step is a pure map from an article to its :class:`~argmap.model.DocResult`
(:meth:`Extractor.extract`); the graph build is a merge of those records (:func:`merge_results`),
so the map step can run anywhere (``argmap extract`` / ``argmap merge``; see the README's
"Beyond one machine").

How a document flows (one ``nlp.pipe`` stream for the whole corpus, ``n_process=jobs``):

1. Until the first document whose result is not cached, cached results are yielded straight
   away; spaCy is not even loaded, so a rebuild where nothing changed never touches it.
2. From then on every document goes through the stream in corpus order, so spaCy's bounded
   read-ahead bounds memory: a document still to parse goes as its text; one whose parse is
   cached goes as an empty text with the cached DocBin bytes beside it; one whose result is
   cached goes as an empty text alone.
3. The last component, ``argmap_result``, runs where the parse ran (in spaCy's worker
   processes when ``jobs > 1``): it snapshots the parse for the cache, runs argmap's analysis
   components and :func:`argmap.extract.to_result`, and hands back only the small, picklable
   DocResult (and the parse bytes) instead of the whole Doc.

Results come back in corpus order; the graph is built from them sorted by document id, so the
graph does not depend on the order corpus paths or record files are given in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.limits import Limits, limit_documents, parser_max_length
from argmap.model import DocResult, Document

if TYPE_CHECKING:  # pragma: no cover - a build that reuses every cached result never imports networkx
    import networkx as nx

RESULT_COMPONENT = "argmap_result"
DEFAULT_BATCH_SIZE = 16

# what a document needs from the stream (see the module docstring)
PARSE, CACHED, PASS = "parse", "cached", "pass"


@dataclass
class BuildStats:
    """What a build did: documents read, how each was obtained, tokens, skips, time."""

    documents: int = 0
    parsed: int = 0  # parsed by spaCy in this run
    cached: int = 0  # parse taken from the cache, analysis re-run
    reused: int = 0  # whole result taken from the cache
    tokens: int = 0
    failed: int = 0  # extraction raised; the document was skipped
    skipped: list[dict[str, str]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)  # see argmap.duplicates
    seconds: float = 0.0

    @property
    def from_cache(self) -> int:
        return self.cached + self.reused


@dataclass(frozen=True)
class _Job:
    """Sent with each document through the stream (pickled to workers when jobs > 1)."""

    kind: str  # PARSE | CACHED | PASS
    document: Document | None = None
    payload: bytes | None = None  # cached DocBin bytes (CACHED)
    snapshot: bool = False  # return the parse as DocBin bytes for the cache


@dataclass(frozen=True)
class _Outcome:
    """What comes back for each document (pickled from workers when jobs > 1)."""

    result: DocResult | None = None
    tokens: int = 0
    parse_bytes: bytes | None = None  # a fresh parse to store
    cache_used: bool = False  # the cached parse was valid and used
    error: str | None = None


class ResultStep:
    """The ``argmap_result`` component: analysis and :func:`to_result` wherever the parse ran.

    It only acts on Docs that carry an argmap ``_Job`` as their pipe context, and replaces each
    with an empty Doc whose context is ``(index, _Outcome)``, so what travels back from a worker
    process is the DocResult, not the parse.
    """

    def __init__(self, nlp: Any, name: str):
        from argmap.nlp.pipeline import ANALYSIS_COMPONENTS

        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.parse_steps = [proc for n, proc in nlp.pipeline if n not in ANALYSIS_COMPONENTS and n != name]
        self.analysis_steps = [nlp.get_pipe(n) for n in ANALYSIS_COMPONENTS]

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Doc

        context = doc._context
        if not (isinstance(context, tuple) and len(context) == 2 and isinstance(context[1], _Job)):
            return doc
        index, job = context
        outcome = None if job.kind == PASS else self._run(doc, job)
        out = Doc(self.vocab, words=[])
        out._context = (index, outcome)
        return out

    def _run(self, doc: Any, job: _Job) -> _Outcome:
        from argmap.cache import doc_from_bytes, doc_to_bytes

        document = job.document
        assert document is not None
        cache_used = False
        if job.kind == CACHED:
            cached = doc_from_bytes(job.payload or b"", self.vocab, document.clean)
            cache_used = cached is not None
            doc = cached if cached is not None else self._parse(document.clean)
        parse_bytes = doc_to_bytes(doc) if job.snapshot and not cache_used else None
        try:
            result = self._analyse(doc, document)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus build
            return _Outcome(tokens=len(doc), parse_bytes=parse_bytes, cache_used=cache_used,
                            error=f"extraction failed ({exc.__class__.__name__}: {exc})")
        return _Outcome(result=result, tokens=len(doc), parse_bytes=parse_bytes, cache_used=cache_used)

    def _parse(self, text: str) -> Any:
        doc = self.tokenizer(text)
        for proc in self.parse_steps:
            doc = proc(doc)
        return doc

    def _analyse(self, doc: Any, document: Document) -> DocResult:
        from argmap.extract import nlp_meta, to_result
        from argmap.nlp.text import TEXT_KEY

        doc.user_data.setdefault(TEXT_KEY, document.clean)  # spaCy's tokens keep the text they came from
        doc._.argmap_meta = nlp_meta(document)
        for step in self.analysis_steps:
            doc = step(doc)
        return with_dating(to_result(doc, document), document)


def with_dating(result: DocResult, document: Document) -> DocResult:
    """The result with where the document's date came from (``date_source``), or ``undated``, and
    any impossible dates ignored (``date_problems``) in its metadata (see :mod:`argmap.dates`)."""
    from argmap.dates import Dating

    dating = Dating(document.date, document.date_source, document.date_problems)
    return replace(result, doc={**result.doc, **dating.graph_fields()})


def make_result_step(nlp: Any, name: str) -> ResultStep:
    """Factory of the ``argmap_result`` component."""
    return ResultStep(nlp, name)


def _register_result_component() -> None:
    from spacy.language import Language

    if not Language.has_factory(RESULT_COMPONENT):
        Language.factory(RESULT_COMPONENT, requires=["token.dep"], assigns=[], func=make_result_step)


class Extractor:
    """Turns Documents into DocResults, using and filling the cache; loads spaCy only if needed.

    ``extract`` streams results in input order. Documents whose extraction raises are not
    yielded: they are reported through ``on_skip(path, reason)`` and counted in ``stats.failed``.
    ``pipeline`` reuses the loaded pipeline (:attr:`nlp`) of another Extractor built with the same
    model, taxonomy and cues (to share one model between caches).
    """

    def __init__(self, model: str | None = None, *, taxonomy: str | Path | None = None,
                 cues: str | Path | None = None, cache_dir: str | Path | None = None, jobs: int = 1,
                 batch_size: int = DEFAULT_BATCH_SIZE,
                 on_skip: Callable[[str, str], None] | None = None, pipeline: Any = None,
                 limits: Limits | None = None):
        from argmap import cache
        from argmap.lexicon import read_cues
        from argmap.taxonomy import load_taxonomy

        self.model = model
        self.taxonomy_path = str(taxonomy) if taxonomy is not None else None
        self.cues_path = str(cues) if cues is not None else None
        # configuration first, each checked against its schema, then the model: nothing is read
        # or loaded while any of them is wrong (the shipped cue lexicon is checked by the tests
        # and read only when the pipeline is built, so a rebuild that parses nothing skips it)
        self.taxonomy_digest = load_taxonomy(taxonomy).digest
        if cues is not None:
            read_cues(cues)
        meta = cache.model_meta(model)
        self.model_name = cache.model_label(meta)
        parse_fp = cache.parse_fingerprint(meta)
        self.parses = cache.ParseCache(cache_dir, parse_fp) if cache_dir else None
        self.results = (cache.ResultCache(cache_dir, cache.analysis_fingerprint(parse_fp, self.taxonomy_digest, cues))
                        if cache_dir else None)
        self.jobs = max(1, jobs)
        self.batch_size = max(1, batch_size)
        self.on_skip = on_skip
        self.limits = limits or Limits()
        self.stats = BuildStats()
        self._nlp: Any = pipeline

    @property
    def provenance(self) -> dict[str, str]:
        """What records written by this extractor say about where they came from."""
        from argmap import __version__

        return {"model": self.model_name, "taxonomy": self.taxonomy_digest, "argmap_version": __version__}

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline (model, argmap's components, then ``argmap_result``), loaded on first use."""
        if self._nlp is None:
            from argmap.nlp.pipeline import build_pipeline
            from argmap.nlp.resources import get_taxonomy

            get_taxonomy.cache_clear()  # a taxonomy file edited since it was last loaded in this process
            _register_result_component()
            nlp = build_pipeline(self.model, taxonomy=self.taxonomy_path, cues=self.cues_path)
            nlp.add_pipe(RESULT_COMPONENT, last=True)
            nlp.max_length = parser_max_length(self.limits, nlp.max_length)
            self._nlp = nlp
        return self._nlp

    def extract(self, documents: Iterable[Document]) -> Iterator[DocResult]:
        """Stream the DocResults of ``documents`` in order, parsing only what the cache lacks."""
        it = iter(documents)
        for document in it:
            result = self._cached_result(document)
            if result is None:  # from here on, everything goes through the stream
                yield from self._stream(chain([(document, False)], ((d, True) for d in it)))
                return
            yield result

    def _cached_result(self, document: Document) -> DocResult | None:
        if self.results is None:
            return None
        hit = self.results.get(document)
        if hit is None:
            return None
        result, tokens = hit
        self.stats.documents += 1
        self.stats.reused += 1
        self.stats.tokens += tokens
        return result

    def _stream(self, documents: Iterator[tuple[Document, bool]]) -> Iterator[DocResult]:
        """Results for ``(document, look up its result first)`` pairs, through one ``nlp.pipe``."""
        from argmap.nlp.pipeline import ANALYSIS_COMPONENTS

        nlp = self.nlp
        pending: dict[int, tuple[Document, DocResult | None, bool]] = {}  # bounded by the read-ahead

        def feed() -> Iterator[tuple[str, tuple[int, _Job]]]:
            for i, (document, lookup) in enumerate(documents):
                result = self._cached_result(document) if lookup else None
                if result is not None:
                    pending[i] = (document, result, False)
                    yield "", (i, _Job(PASS))
                    continue
                payload = self.parses.get(document.clean) if self.parses else None
                snapshot = self.parses is not None
                pending[i] = (document, None, payload is not None)
                if payload is not None:
                    yield "", (i, _Job(CACHED, document, payload, snapshot))
                else:
                    yield document.clean, (i, _Job(PARSE, document, None, snapshot))

        from argmap.workers import workers_die_with_parent

        stream = nlp.pipe(feed(), as_tuples=True, batch_size=self.batch_size, n_process=self.jobs,
                          disable=list(ANALYSIS_COMPONENTS))
        with workers_die_with_parent():  # parser workers must not outlive this process, however it ends
            for _, (i, outcome) in stream:
                document, result, offered = pending.pop(i)
                if result is None:
                    result = self._settle(document, outcome, offered)
                if result is not None:
                    yield result

    def _settle(self, document: Document, outcome: _Outcome, offered: bool) -> DocResult | None:
        """Book-keeping in the main process for a document that went through the pipeline."""
        stats = self.stats
        stats.documents += 1
        stats.tokens += outcome.tokens
        if self.parses is not None and outcome.parse_bytes is not None:
            self.parses.put(document.clean, outcome.parse_bytes)
        if outcome.cache_used:
            stats.cached += 1
            if self.parses is not None:
                self.parses.store.hit()
        else:
            stats.parsed += 1
            if self.parses is not None and offered:
                self.parses.store.reject()  # decoded, but not one Doc with this text: re-parsed
        if outcome.error is not None or outcome.result is None:
            stats.failed += 1
            if self.on_skip is not None:
                self.on_skip(document.path, outcome.error or "extraction failed")
            return None
        if self.results is not None:
            self.results.put(document, outcome.result, tokens=outcome.tokens)
        return outcome.result


#: progress(done, total, tokens): documents done (extracted or skipped) of those listed, tokens parsed
Progress = Callable[[int, int, int], None]

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class ExtractOptions:
    """How to extract documents: everything a worker on another machine needs (picklable)."""

    model: str | None = None
    taxonomy_path: str | None = None
    cues: str | None = None
    cache_dir: str | None = None
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    max_bytes: int | None = None
    limits: Limits = field(default_factory=Limits)
    keep_near_duplicates: bool = False

    def extractor(self, on_skip: Callable[[str, str], None] | None = None) -> Extractor:
        return Extractor(self.model, taxonomy=self.taxonomy_path, cues=self.cues, cache_dir=self.cache_dir,
                         jobs=self.jobs, batch_size=self.batch_size, on_skip=on_skip, limits=self.limits)


@dataclass
class Extraction:
    """What the map step gave for a corpus: results, counts, skipped files, duplicates dropped or
    kept (:mod:`argmap.duplicates`), the model's name."""

    results: list[DocResult]
    stats: BuildStats
    skipped: list[dict[str, str]]
    model_name: str
    duplicates: list[dict[str, Any]] = field(default_factory=list)


def build_corpus(paths: list[str | Path], *, model: str | None = None, taxonomy_path: str | None = None,
                 cues: str | None = None, cache_dir: str | Path | None = None, jobs: int = 1,
                 max_bytes: int | None = None, include_build_time: bool = False,
                 batch_size: int = DEFAULT_BATCH_SIZE, limits: Limits | None = None,
                 progress: Progress | None = None,
                 keep_near_duplicates: bool = False) -> tuple[nx.MultiDiGraph, BuildStats]:
    """Read the corpus, extract every document (cache first), and merge the results into one graph.

    A text repeated in the corpus is read once (:mod:`argmap.duplicates`); a near-duplicate too,
    unless ``keep_near_duplicates``. Both are listed in the graph's ``duplicates``.
    """
    from argmap.graph import graph_from_node_link

    data, stats = build_corpus_data(paths, model=model, taxonomy_path=taxonomy_path, cues=cues,
                                    cache_dir=cache_dir, jobs=jobs, max_bytes=max_bytes,
                                    include_build_time=include_build_time, batch_size=batch_size,
                                    limits=limits, progress=progress, keep_near_duplicates=keep_near_duplicates)
    return graph_from_node_link(data), stats


def build_corpus_data(paths: list[str | Path], *, model: str | None = None, taxonomy_path: str | None = None,
                      cues: str | None = None, cache_dir: str | Path | None = None, jobs: int = 1,
                      max_bytes: int | None = None, include_build_time: bool = False,
                      batch_size: int = DEFAULT_BATCH_SIZE, limits: Limits | None = None,
                      progress: Progress | None = None, keep_near_duplicates: bool = False,
                      engine: str = "local", scheduler: str | None = None,
                      partitions: int | None = None) -> tuple[dict[str, Any], BuildStats]:
    """:func:`build_corpus` as node-link data (no networkx), on the ``local`` engine (this
    machine, ``jobs`` processes) or ``dask`` (a Dask cluster at ``scheduler``, or a local one
    of ``jobs`` worker processes; see :mod:`argmap.engines`). Both give the same graph."""
    from argmap.taxonomy import load_taxonomy

    started = time.perf_counter()
    taxonomy = load_taxonomy(taxonomy_path)
    options = ExtractOptions(model, taxonomy_path, cues, None if cache_dir is None else str(cache_dir), jobs,
                             batch_size, max_bytes, limits or Limits(), keep_near_duplicates)
    if engine == "local":
        done = extract_corpus(paths, options, progress=progress)
    elif engine == "dask":
        from argmap.engines import extract_with_dask

        done = extract_with_dask(paths, options, scheduler=scheduler, partitions=partitions, progress=progress)
    else:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    data = merge_data(done.results, taxonomy, meta={"model": done.model_name}, skipped=done.skipped,
                      duplicates=done.duplicates, built_at=include_build_time)
    stats = done.stats
    stats.skipped = data["graph"]["skipped"]
    stats.duplicates = data["graph"]["duplicates"]
    stats.seconds = time.perf_counter() - started
    return data, stats


def list_corpus(paths: list[str | Path], skipped: list[dict[str, str]]) -> list[tuple[Path, Path, str]]:
    """The corpus files under ``paths`` as ``(file, root, document id)``, in corpus order; files
    passed over while listing (README and the like) are added to ``skipped``."""
    from argmap.corpus import assign_ids, iter_corpus_files

    def skip(s: Any) -> None:
        skipped.append({"path": str(s.path), "reason": s.reason})

    return list(assign_ids(iter_corpus_files(paths, on_skip=skip)))


def extract_entries(entries: Iterable[tuple[Path | str, Path | str, str]], options: ExtractOptions, *,
                    extractor: Extractor | None = None, on_skip: Callable[[str, str], None] | None = None,
                    on_result: Callable[[DocResult], None] | None = None,
                    on_duplicate: Callable[[dict[str, Any]], None] | None = None,
                    screen: Callable[[Iterable[Document]], Iterable[Document]] | None = None) -> Iterator[DocResult]:
    """The map step over listed files: read each, drop repeats, apply the limits, extract (cache first).

    Files that cannot be read or are too long, and documents whose extraction fails, go to
    ``on_skip(path, reason)``; repeated texts to ``on_duplicate`` (see :mod:`argmap.duplicates`).
    ``screen`` replaces the duplicate filter (an engine whose workers see only part of the
    corpus passes every document on and lets the driver judge). ``extractor`` reuses a loaded
    one (built from ``options``).
    """
    from argmap import corpus
    from argmap.duplicates import drop_duplicates

    def skip(path: str, reason: str) -> None:
        if on_skip is not None:
            on_skip(path, reason)

    ex = extractor if extractor is not None else options.extractor(on_skip=skip)
    if extractor is not None:
        ex.on_skip = skip
    kwargs: dict[str, Any] = {"on_skip": lambda s: skip(s.path, s.reason)}
    if options.max_bytes is not None:
        kwargs["max_bytes"] = options.max_bytes
    if options.cache_dir:
        from argmap.cache import DocumentCache

        kwargs["cache"] = DocumentCache(options.cache_dir)
    files = ((Path(p), Path(r), i) for p, r, i in entries)
    documents: Iterable[Document] = corpus.read_documents(files, **kwargs)
    if screen is not None:
        documents = screen(documents)
    else:
        from argmap.cache import SignatureCache

        documents = drop_duplicates(documents, keep_near=options.keep_near_duplicates,
                                    on_duplicate=lambda d: on_duplicate(d.to_dict()) if on_duplicate else None,
                                    signatures=SignatureCache(options.cache_dir) if options.cache_dir else None)
    documents = limit_documents(documents, options.limits, on_skip=skip)
    for result in ex.extract(documents):
        if on_result is not None:
            on_result(result)
        yield result


def extract_corpus(paths: list[str | Path], options: ExtractOptions, *,
                   progress: Progress | None = None) -> Extraction:
    """The map step on this machine (``options.jobs`` processes), reporting progress."""
    skipped: list[dict[str, str]] = []
    entries = list_corpus(paths, skipped)
    total = len(entries)
    early = [0]  # files skipped before extraction (unreadable, too long)

    def skip(path: str, reason: str) -> None:
        skipped.append({"path": str(path), "reason": reason})
        if not reason.startswith("extraction failed"):
            early[0] += 1

    duplicates: list[dict[str, Any]] = []

    def duplicate(d: dict[str, Any]) -> None:
        duplicates.append(d)
        if not d.get("kept"):
            early[0] += 1

    extractor = options.extractor(on_skip=skip)
    stats = extractor.stats
    results = []
    for result in extract_entries(entries, options, extractor=extractor, on_skip=skip, on_duplicate=duplicate):
        results.append(result)
        if progress is not None:
            progress(stats.documents + early[0], total, stats.tokens)
    if progress is not None:
        progress(stats.documents + early[0], total, stats.tokens)
    return Extraction(results, stats, skipped, extractor.model_name, duplicates)


def merge_data(results: Iterable[DocResult], taxonomy: Any, *, meta: dict[str, Any] | None = None,
               skipped: Iterable[dict[str, str]] = (), duplicates: Iterable[dict[str, Any]] = (),
               built_at: bool = False) -> dict[str, Any]:
    """The graph's node-link data for DocResults (taken in document id order, so any input
    order gives one graph). With ``built_at`` the build time is recorded in the graph; without
    it (the default) the same results always give the same bytes."""
    from argmap.graphdata import graph_data

    meta = dict(meta or {})
    meta["skipped"] = sorted(skipped, key=lambda s: (s["path"], s["reason"]))
    meta["duplicates"] = sorted(duplicates, key=lambda d: (d["path"], d["of"]))
    if built_at:
        meta["built_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    ordered = sorted(results, key=lambda r: r.doc["id"])
    return graph_data(ordered, taxonomy, meta=meta)


def merge_results(results: Iterable[DocResult], taxonomy: Any, *, meta: dict[str, Any] | None = None,
                  skipped: Iterable[dict[str, str]] = (), duplicates: Iterable[dict[str, Any]] = (),
                  built_at: bool = False) -> nx.MultiDiGraph:
    """The graph of DocResults (taken in document id order, so any input order gives one graph)."""
    from argmap.graph import graph_from_node_link

    return graph_from_node_link(merge_data(results, taxonomy, meta=meta, skipped=skipped, duplicates=duplicates,
                                           built_at=built_at))


def merge_record_files(paths: Iterable[str | Path], taxonomy: Any, *, built_at: bool = False,
                       warn: Callable[[str], None] | None = None) -> tuple[nx.MultiDiGraph, int]:
    """The graph of the DocResult records in JSON-lines files (see :func:`merge_record_data`)."""
    from argmap.graph import graph_from_node_link

    data, n = merge_record_data(paths, taxonomy, built_at=built_at, warn=warn)
    return graph_from_node_link(data), n


def merge_record_data(paths: Iterable[str | Path], taxonomy: Any, *, built_at: bool = False,
                      warn: Callable[[str], None] | None = None) -> tuple[dict[str, Any], int]:
    """The node-link data of the DocResult records in JSON-lines files (see :mod:`argmap.records`).

    A document id found twice with the same record is kept once; with different records it is
    an error, as is a record whose claims name proposals or themes the taxonomy lacks (extracted
    with another taxonomy). Records extracted with another taxonomy that still resolve are
    merged, with a warning. Returns the data and the number of documents.
    """
    from argmap.records import RecordError, iter_record_files, reference_problems

    by_id: dict[str, tuple[DocResult, str]] = {}
    models: set[str] = set()
    other_taxonomy: list[str] = []
    for result, provenance, where in iter_record_files(paths):
        doc_id = result.doc["id"]
        if doc_id in by_id:
            if by_id[doc_id][0] != result:
                raise RecordError(f"{where}: document id {doc_id!r} also in {by_id[doc_id][1]} with other "
                                  "content (two corpora with the same file names? extract them with distinct roots)")
            continue
        problems = reference_problems(result, taxonomy.proposals, taxonomy.themes)
        if problems:
            raise RecordError(f"{where}: {problems[0]}" + (f" (and {len(problems) - 1} more)" if len(problems) > 1
                              else "") + f"; was it extracted with another taxonomy than {taxonomy.source}?")
        if provenance.get("taxonomy") not in (None, taxonomy.digest):
            other_taxonomy.append(where)
        if isinstance(provenance.get("model"), str):
            models.add(provenance["model"])
        by_id[doc_id] = (result, where)
    if other_taxonomy and warn is not None:
        warn(f"{len(other_taxonomy)} record(s) were extracted with another taxonomy than {taxonomy.source} "
             f"(first: {other_taxonomy[0]}); re-run 'argmap extract' for targets from this one")
    meta = {"model": ", ".join(sorted(models)) if models else "unknown"}
    n = len(by_id)
    results = [r for r, _ in by_id.values()]
    by_id.clear()
    return merge_data(results, taxonomy, meta=meta, built_at=built_at), n


def extract_to_records(paths: list[str | Path], out: Any, *, model: str | None = None,
                       taxonomy_path: str | None = None, cues: str | None = None,
                       cache_dir: str | Path | None = None, jobs: int = 1, max_bytes: int | None = None,
                       batch_size: int = DEFAULT_BATCH_SIZE, limits: Limits | None = None,
                       keep_near_duplicates: bool = False, progress: Progress | None = None) -> BuildStats:
    """The map step alone: write one record line per readable document under ``paths`` to ``out``."""
    from argmap.records import dumps_result

    started = time.perf_counter()
    options = ExtractOptions(model, taxonomy_path, cues, None if cache_dir is None else str(cache_dir), jobs,
                             batch_size, max_bytes, limits or Limits(), keep_near_duplicates)
    skipped: list[dict[str, str]] = []
    entries = list_corpus(paths, skipped)
    total = len(entries)
    early = [0]

    def skip(path: str, reason: str) -> None:
        skipped.append({"path": str(path), "reason": reason})
        if not reason.startswith("extraction failed"):
            early[0] += 1

    duplicates: list[dict[str, Any]] = []

    def duplicate(d: dict[str, Any]) -> None:
        duplicates.append(d)
        if not d.get("kept"):
            early[0] += 1

    extractor = options.extractor(on_skip=skip)
    provenance = extractor.provenance
    stats = extractor.stats
    for result in extract_entries(entries, options, extractor=extractor, on_skip=skip, on_duplicate=duplicate):
        out.write(dumps_result(result, provenance=provenance) + "\n")
        if progress is not None:
            progress(stats.documents + early[0], total, stats.tokens)
    stats.skipped = sorted(skipped, key=lambda s: (s["path"], s["reason"]))
    stats.duplicates = sorted(duplicates, key=lambda d: (d["path"], d["of"]))
    stats.seconds = time.perf_counter() - started
    return stats
