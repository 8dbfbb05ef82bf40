"""The build cache: entries are checked, and a cached build gives exactly the uncached graph."""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cache import (
    DOCUMENTS_DIR,
    PARSE_DIR,
    RESULT_DIR,
    DocumentCache,
    EntryStore,
    ResultCache,
    pack_entry,
    source_digest,
    unpack_entry,
)
from argmap.model import Document
from conftest import SAMPLE_CORPUS, small_results

ARTICLES = sorted(p for p in SAMPLE_CORPUS.glob("*.md") if p.stem.lower() != "readme")


# ---------------------------------------------------------------- no model needed

def test_entry_round_trip_and_every_kind_of_damage():
    key, payload = "ab" * 32, b"some payload \x00\xff bytes"
    raw = pack_entry(key, payload)
    assert unpack_entry(raw, key) == payload
    assert unpack_entry(raw, "cd" * 32) is None  # filed under another key
    assert unpack_entry(raw[:-1], key) is None  # truncated
    assert unpack_entry(raw[:-1] + b"X", key) is None  # a flipped byte
    assert unpack_entry(b"junk" + raw, key) is None  # not our header
    assert unpack_entry(b"", key) is None
    header_only = raw.split(b"\n", 1)[0]
    assert unpack_entry(header_only, key) is None


def test_entry_store_counts_and_survives_unwritable_dirs(tmp_path):
    store = EntryStore(tmp_path / "s")
    key = "0f" * 32
    assert store.read(key) is None and store.stats.misses == 1
    store.write(key, b"x")
    assert store.read(key) == b"x"
    store.path(key).write_bytes(b"garbage")
    assert store.read(key) is None and store.stats.rejected == 1
    blocked = EntryStore(tmp_path / "file-not-dir")
    (tmp_path / "file-not-dir").write_text("I am a file")
    blocked.write(key, b"x")  # must not raise
    assert blocked.stats.write_errors == 1


def test_cache_entries_skip_the_fsync_that_outputs_keep(tmp_path, monkeypatch):
    """An entry checks itself when read, so the cache does not wait for the disk; outputs still do."""
    from argmap.atomic import write_bytes

    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    store = EntryStore(tmp_path / "s")
    store.write("0f" * 32, b"x")
    assert synced == [] and store.read("0f" * 32) == b"x"
    write_bytes(tmp_path / "out.json", b"{}")
    assert len(synced) == 1


def _document(result, text="Some text.") -> Document:
    return Document(id=result.doc["id"], path=result.doc["path"], text=text, clean=text,
                    sha256=result.doc["sha256"], title=result.doc.get("title"))


def test_result_cache_round_trip_and_rejections(tmp_path):
    a, b = small_results()
    doc_a, doc_b = _document(a), _document(b, "Other text.")
    cache = ResultCache(tmp_path, "fingerprint-1")
    assert cache.get(doc_a) is None
    cache.put(doc_a, a, tokens=7)
    cache.put(doc_b, b, tokens=9)
    assert cache.get(doc_a) == (a, 7)
    # another fingerprint (taxonomy, cues, code or model changed) does not see it
    assert ResultCache(tmp_path, "fingerprint-2").get(doc_a) is None
    # an edited document does not see it
    assert cache.get(replace(doc_a, clean="Some text, edited.")) is None
    # a valid entry of another document filed under this document's key: rejected
    path_a = cache.store.path(cache.key(doc_a))
    foreign = unpack_entry(cache.store.path(cache.key(doc_b)).read_bytes(), cache.key(doc_b))
    path_a.write_bytes(pack_entry(cache.key(doc_a), foreign))
    before = cache.stats.rejected
    assert cache.get(doc_a) is None
    assert cache.stats.rejected == before + 1
    # a checksummed entry that is not a record: rejected
    path_a.write_bytes(pack_entry(cache.key(doc_a), b"{not json"))
    assert cache.get(doc_a) is None
    assert cache.stats.rejected == before + 2


def test_a_file_read_again_comes_from_the_document_cache(tmp_path, monkeypatch):
    """A file read once is not decoded and cleaned again while its bytes, place and id stay the
    same; any of those changing reads it afresh, and a damaged entry is never trusted."""
    from argmap import corpus

    page = tmp_path / "page.md"
    page.write_text("---\noutlet: Test Weekly\n---\nA headline\n\nShare | Tweet\n\nJo Bell said the plan was \u201clate\u201d.\n",
                    encoding="utf-8")
    cache = DocumentCache(tmp_path / "cache")
    first = corpus.read_document(page, tmp_path, doc_id="page", cache=cache)
    assert first == corpus.read_document(page, tmp_path, doc_id="page")  # the same as reading without a cache

    def no_cleaning(*a, **k):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(corpus, "clean_text", no_cleaning)
    assert corpus.read_document(page, tmp_path, doc_id="page", cache=cache) == first
    assert cache.stats.hits == 1
    with pytest.raises(AssertionError):  # another id is another document
        corpus.read_document(page, tmp_path, doc_id="page-2", cache=cache)
    page.write_text(page.read_text(encoding="utf-8").replace("late", "early"), encoding="utf-8")
    with pytest.raises(AssertionError):  # new bytes: read afresh
        corpus.read_document(page, tmp_path, doc_id="page", cache=cache)
    monkeypatch.undo()
    edited = corpus.read_document(page, tmp_path, doc_id="page", cache=cache)
    assert "early" in edited.clean
    for entry in (p for p in (tmp_path / "cache" / DOCUMENTS_DIR).rglob("*") if p.is_file()):
        entry.write_bytes(pack_entry(entry.name, b"not a compressed record"))  # checksummed, but no record
    assert corpus.read_document(page, tmp_path, doc_id="page", cache=cache) == edited
    assert cache.stats.rejected == 1


def test_source_digest_changes_with_a_file(tmp_path):
    assert source_digest() == source_digest()
    assert source_digest(("cache.py",)) != source_digest(("build.py",))


# ---------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def shared():
    """One loaded pipeline for this module (Extractors built with pipeline= reuse it)."""
    from argmap.build import Extractor
    from argmap.errors import ModelNotFoundError

    try:
        ex = Extractor()
        ex.nlp  # noqa: B018 - load now
    except ModelNotFoundError as exc:  # pragma: no cover
        pytest.skip(f"no spaCy model installed: {exc}")
    return ex


@pytest.fixture()
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for p in ARTICLES:
        shutil.copy(p, d / p.name)
    return d


def build(corpus: Path, cache_dir: Path | None, *, pipeline, taxonomy: Path | None = None):
    """(graph JSON text, Extractor) for a corpus, the way 'argmap build' does it."""
    from argmap.build import Extractor, merge_results
    from argmap.corpus import load_corpus
    from argmap.graph import dumps_graph
    from argmap.taxonomy import load_taxonomy

    ex = Extractor(cache_dir=cache_dir, pipeline=pipeline, taxonomy=taxonomy)
    results = list(ex.extract(load_corpus([corpus])))
    graph = merge_results(results, load_taxonomy(taxonomy), meta={"model": ex.model_name}, built_at=False)
    return dumps_graph(graph), ex


def entries(cache_dir: Path, store: str) -> list[Path]:
    return sorted(p for p in (cache_dir / store).rglob("*") if p.is_file())


@pytest.mark.model
def test_cold_warm_and_uncached_builds_are_identical(shared, corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    uncached, ex0 = build(corpus_dir, None, pipeline=shared.nlp)
    cold, ex1 = build(corpus_dir, cache, pipeline=shared.nlp)
    assert (ex1.stats.parsed, ex1.stats.cached, ex1.stats.reused) == (len(ARTICLES), 0, 0)
    assert len(entries(cache, PARSE_DIR)) == len(entries(cache, RESULT_DIR)) == len(ARTICLES)
    warm, ex2 = build(corpus_dir, cache, pipeline=None)  # no pipeline given: must not need one
    assert (ex2.stats.parsed, ex2.stats.cached, ex2.stats.reused) == (0, 0, len(ARTICLES))
    assert ex2._nlp is None, "a rebuild with nothing changed loaded spaCy"
    assert ex2.stats.tokens == ex1.stats.tokens == ex0.stats.tokens > 0
    # re-analysis from cached parses only (results dropped)
    shutil.rmtree(cache / RESULT_DIR)
    reparsed, ex3 = build(corpus_dir, cache, pipeline=shared.nlp)
    assert (ex3.stats.parsed, ex3.stats.cached, ex3.stats.reused) == (0, len(ARTICLES), 0)
    assert uncached == cold == warm == reparsed


@pytest.mark.model
def test_corrupt_parse_entry_is_reparsed_and_rewritten(shared, corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    expected, _ = build(corpus_dir, cache, pipeline=shared.nlp)
    shutil.rmtree(cache / RESULT_DIR)
    victim = entries(cache, PARSE_DIR)[0]
    raw = victim.read_bytes()
    victim.write_bytes(raw[: len(raw) // 2])  # truncated, as after a crash mid-write by another tool
    got, ex = build(corpus_dir, cache, pipeline=shared.nlp)
    assert got == expected
    assert (ex.stats.parsed, ex.stats.cached) == (1, len(ARTICLES) - 1)
    assert ex.parses.stats.rejected == 1
    assert victim.read_bytes() == raw, "the re-parse was not stored over the corrupt entry"


@pytest.mark.model
def test_stale_parse_entry_is_detected_by_its_content(shared, corpus_dir, tmp_path):
    """A well-formed entry holding another text's parse (a key collision) is never trusted."""
    from argmap.corpus import load_corpus

    cache = tmp_path / "cache"
    expected, ex0 = build(corpus_dir, cache, pipeline=shared.nlp)
    shutil.rmtree(cache / RESULT_DIR)
    docs = list(load_corpus([corpus_dir]))
    key_a, key_b = (ex0.parses.key(d.clean) for d in docs[:2])
    payload_b = unpack_entry(ex0.parses.store.path(key_b).read_bytes(), key_b)
    ex0.parses.store.path(key_a).write_bytes(pack_entry(key_a, payload_b))  # header and checksum valid
    got, ex = build(corpus_dir, cache, pipeline=shared.nlp)
    assert got == expected
    assert (ex.stats.parsed, ex.stats.cached) == (1, len(ARTICLES) - 1)
    assert ex.parses.stats.rejected == 1
    assert unpack_entry(ex0.parses.store.path(key_a).read_bytes(), key_a) != payload_b


@pytest.mark.model
def test_corrupt_result_entry_is_recomputed(shared, corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    expected, _ = build(corpus_dir, cache, pipeline=shared.nlp)
    victim = entries(cache, RESULT_DIR)[-1]
    victim.write_bytes(victim.read_bytes().replace(b'"claims":[', b'"claims":[{}, ', 1))
    got, ex = build(corpus_dir, cache, pipeline=shared.nlp)
    assert got == expected
    assert (ex.stats.parsed, ex.stats.cached, ex.stats.reused) == (0, 1, len(ARTICLES) - 1)
    assert ex.results.stats.rejected == 1


def _toml(data: dict) -> str:
    """A minimal TOML writer for the taxonomy's shape (tables of strings, arrays of tables)."""
    def value(v):
        return "[" + ", ".join(json.dumps(x) for x in v) + "]" if isinstance(v, list) else json.dumps(v)

    out = []
    for key, v in data.items():
        if isinstance(v, dict):
            out.append(f"[{key}]")
            out += [f"{k} = {value(x)}" for k, x in v.items()]
        else:
            for entry in v:
                out.append(f"[[{key}]]")
                out += [f"{k} = {value(x)}" for k, x in entry.items()]
        out.append("")
    return "\n".join(out)


def _targets(graph_json: str) -> set[str]:
    data = json.loads(graph_json)
    return {t for n in data["nodes"] if n["kind"] == "claim" for t in n["targets"]}


@pytest.mark.model
def test_taxonomy_change_relinks_without_reparsing(shared, corpus_dir, tmp_path):
    shipped = tomllib.loads((Path(__file__).parent.parent / "src/argmap/data/children_social_care.toml")
                            .read_text(encoding="utf-8"))
    t1, t2 = tmp_path / "t1.toml", tmp_path / "t2.toml"
    t1.write_text(_toml(shipped), encoding="utf-8")
    cache = tmp_path / "cache"
    first, _ = build(corpus_dir, cache, pipeline=None, taxonomy=t1)
    assert "proposal:family-help" in _targets(first)
    edited = dict(shipped, proposal=[p for p in shipped["proposal"] if p["id"] != "family-help"])
    t2.write_text(_toml(edited), encoding="utf-8")

    relinked, ex = build(corpus_dir, cache, pipeline=None, taxonomy=t2)
    assert (ex.stats.parsed, ex.stats.cached, ex.stats.reused) == (0, len(ARTICLES), 0)
    assert "proposal:family-help" not in _targets(relinked)
    fresh, _ = build(corpus_dir, None, pipeline=ex.nlp, taxonomy=t2)
    assert relinked == fresh
    # and back: both taxonomies' results stay cached side by side
    again, ex_back = build(corpus_dir, cache, pipeline=None, taxonomy=t1)
    assert again == first
    assert ex_back.stats.reused == len(ARTICLES) and ex_back._nlp is None


@pytest.mark.model
def test_one_new_article_parses_only_that_one(shared, corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    new = corpus_dir / ARTICLES[0].name
    held_back = tmp_path / "held-back.md"
    shutil.move(new, held_back)
    build(corpus_dir, cache, pipeline=shared.nlp)
    shutil.move(held_back, new)  # sorts first: every later document passes through the stream
    got, ex = build(corpus_dir, cache, pipeline=shared.nlp)
    assert (ex.stats.parsed, ex.stats.cached, ex.stats.reused) == (1, 0, len(ARTICLES) - 1)
    expected, _ = build(corpus_dir, None, pipeline=shared.nlp)
    assert got == expected


@pytest.mark.model
def test_cli_build_cached_and_uncached_byte_identical(corpus_dir, tmp_path):
    from argmap.cli import cli

    runner = CliRunner()
    out = tmp_path / "out"
    args = ["build", str(corpus_dir), "--no-render", "--no-timestamp"]
    r1 = runner.invoke(cli, [*args, "-o", str(out / "cold.json")])
    assert r1.exit_code == 0, r1.output
    assert not (out / ".argmap-cache").exists(), "the cache is not put beside the output"
    assert (Path(os.environ["ARGMAP_CACHE_DIR"]) / PARSE_DIR).is_dir(), "default cache: $ARGMAP_CACHE_DIR"
    r2 = runner.invoke(cli, [*args, "-o", str(out / "warm.json")])
    assert r2.exit_code == 0, r2.output
    assert f"0 parsed, 0 from cached parses, {len(ARTICLES)} unchanged" in r2.output
    r3 = runner.invoke(cli, [*args, "--no-cache", "-o", str(tmp_path / "nocache.json")])
    assert r3.exit_code == 0, r3.output
    assert not (tmp_path / ".argmap-cache").exists()
    cold, warm, nocache = ((out / "cold.json").read_bytes(), (out / "warm.json").read_bytes(),
                           (tmp_path / "nocache.json").read_bytes())
    assert cold == warm == nocache
    r4 = runner.invoke(cli, [*args, "--cache-dir", str(tmp_path / "elsewhere"), "-o", str(tmp_path / "x.json")])
    assert r4.exit_code == 0, r4.output
    assert len(entries(tmp_path / "elsewhere", PARSE_DIR)) == len(ARTICLES)


def test_default_cache_dir_is_one_place_per_user(monkeypatch, tmp_path):
    from argmap.cli.options import default_cache_dir

    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("ARGMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "argmap"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "argmap"
    monkeypatch.chdir(tmp_path)  # not the current directory either
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "argmap"


@pytest.mark.model
def test_parse_bytes_are_what_docbin_writes(shared):
    """argmap writes a parse from the Doc's arrays; the bytes must be DocBin's own, for parsed text
    of every shape (entities, no morphology, a lone "_", odd white space, an empty text)."""
    from spacy.tokens import DocBin, Span

    from argmap.cache import doc_from_bytes, doc_to_bytes

    texts = ["The Trust said on Monday that it backs the plan. Ms Smith disagreed.",
             "_ is a word here;  two  spaces\n\nand a line.  ", "Émigré café: “quoted” — dashes.", ""]
    nlp = shared.nlp
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name.startswith("argmap")]):
        docs = list(nlp.pipe(texts))
    with_groups = shared.nlp.make_doc("A span group makes DocBin do the work.")
    with_groups.spans["x"] = [Span(with_groups, 0, 2, label="X")]
    for doc in [*docs, with_groups]:
        expected = DocBin(store_user_data=False, docs=[doc]).to_bytes()
        assert doc_to_bytes(doc) == expected, doc.text
        back = doc_from_bytes(expected, shared.nlp.vocab, doc.text)
        assert back is not None and [t.dep_ for t in back] == [t.dep_ for t in doc]
