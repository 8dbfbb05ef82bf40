"""The build: merge order, extract + merge == build, --jobs 2 == --jobs 1, failures, streaming."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from click.testing import CliRunner

from argmap.build import merge_record_files, merge_results
from argmap.graph import dumps_graph
from argmap.records import RecordError, dumps_result
from conftest import SAMPLE_CORPUS, small_results

ARTICLES = sorted(p for p in SAMPLE_CORPUS.glob("*.md") if p.stem.lower() != "readme")


@pytest.fixture()
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for p in ARTICLES:
        shutil.copy(p, d / p.name)
    return d


# ---------------------------------------------------------------- merging (no model)

def test_merge_does_not_depend_on_result_order(taxonomy):
    a, b = small_results()
    # the same actor with a role in one document only: first-come attributes must not depend on order
    b2 = replace(b, actors=tuple(replace(x, role="spokesperson") if x.id == "basw" else x for x in b.actors))
    one = dumps_graph(merge_results([a, b2], taxonomy, built_at=False))
    two = dumps_graph(merge_results([b2, a], taxonomy, built_at=False))
    assert one == two
    assert '"built_at"' not in one
    assert '"built_at"' not in dumps_graph(merge_results([a], taxonomy))  # byte-identical by default
    assert '"built_at"' in dumps_graph(merge_results([a], taxonomy, built_at=True))


def _write(path, results, provenance=None):
    path.write_text("".join(dumps_result(r, provenance=provenance) + "\n" for r in results), encoding="utf-8")
    return path


def test_merge_record_files_matches_merge_results(taxonomy, tmp_path):
    a, b = small_results()
    f1 = _write(tmp_path / "one.jsonl", [b], {"model": "m", "taxonomy": taxonomy.digest})
    f2 = _write(tmp_path / "two.jsonl", [a, b], {"model": "m", "taxonomy": taxonomy.digest})  # b twice, same
    warnings = []
    graph, n = merge_record_files([f1, f2], taxonomy, built_at=False, warn=warnings.append)
    assert n == 2 and warnings == []
    assert dumps_graph(graph) == dumps_graph(merge_results([a, b], taxonomy, meta={"model": "m"}, built_at=False))


def test_merge_record_files_rejects_conflicts_and_unknown_targets(taxonomy, tmp_path):
    a = small_results()[0]
    other_a = replace(a, claims=a.claims[:1])
    f1, f2 = _write(tmp_path / "one.jsonl", [a]), _write(tmp_path / "two.jsonl", [other_a])
    with pytest.raises(RecordError, match=r"two\.jsonl:1: document id 'doc-a' also in .*one\.jsonl:1"):
        merge_record_files([f1, f2], taxonomy)
    bad = replace(a, claims=(replace(a.claims[0], targets=("universal-basic-income",)),))
    f3 = _write(tmp_path / "three.jsonl", [bad])
    with pytest.raises(RecordError, match="unknown proposal 'universal-basic-income'.*another taxonomy"):
        merge_record_files([f3], taxonomy)


def test_merge_record_files_warns_about_another_taxonomy(taxonomy, tmp_path):
    f = _write(tmp_path / "one.jsonl", small_results(), {"model": "m", "taxonomy": "0123456789abcdef"})
    warnings = []
    _, n = merge_record_files([f], taxonomy, warn=warnings.append)
    assert n == 2
    assert len(warnings) == 1 and "another taxonomy" in warnings[0]


def test_merge_cli_errors_in_one_line(tmp_path):
    from argmap.cli import cli

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format": "argmap-docresult", "format_version": 1}\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["merge", str(bad), "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == [f"Error: {bad}:1: record has no document id"]
    assert not (tmp_path / "g.json").exists()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["merge", str(empty), "-o", str(tmp_path / "g.json")])
    assert r.exit_code == 2 and "no records" in r.output


# ---------------------------------------------------------------- with the model

@pytest.mark.model
def test_extract_then_merge_equals_build(corpus_dir, tmp_path):
    from argmap.cli import cli

    runner = CliRunner()
    r = runner.invoke(cli, ["build", str(corpus_dir), "-o", str(tmp_path / "build.json"), "--no-render",
                            "--no-timestamp", "--no-cache"])
    assert r.exit_code == 0, r.output
    # the map step in two shards (files named one by one), merged in the "wrong" order
    files = sorted(str(p) for p in corpus_dir.iterdir())
    shard1, shard2 = files[0::2], files[1::2]
    r1 = runner.invoke(cli, ["extract", *shard1, "-o", str(tmp_path / "s1.jsonl")])
    assert r1.exit_code == 0, r1.output
    r2 = runner.invoke(cli, ["extract", *shard2, "-o", "-", "--no-cache"])
    assert r2.exit_code == 0
    (tmp_path / "s2.jsonl").write_text(r2.stdout, encoding="utf-8")
    assert len(r2.stdout.splitlines()) == len(shard2)
    r3 = runner.invoke(cli, ["merge", str(tmp_path / "s2.jsonl"), str(tmp_path / "s1.jsonl"),
                             "-o", str(tmp_path / "merged.json"), "--no-timestamp"])
    assert r3.exit_code == 0, r3.output
    assert (tmp_path / "merged.json").read_bytes() == (tmp_path / "build.json").read_bytes()


@pytest.mark.model
def test_jobs_two_gives_the_same_graph_as_jobs_one(corpus_dir, tmp_path):
    from argmap.cli import cli

    runner = CliRunner()
    base = ["build", str(corpus_dir), "--no-render", "--no-timestamp"]
    r = runner.invoke(cli, [*base, "-j", "1", "--no-cache", "-o", str(tmp_path / "j1.json")])
    assert r.exit_code == 0, r.output
    cache = tmp_path / "cache"
    r = runner.invoke(cli, [*base, "-j", "2", "--cache-dir", str(cache), "-o", str(tmp_path / "j2.json")])
    assert r.exit_code == 0, r.output
    assert f"{len(ARTICLES)} parsed" in r.output
    shutil.rmtree(cache / "results")  # now the workers analyse cached parses
    r = runner.invoke(cli, [*base, "-j", "2", "--cache-dir", str(cache), "-o", str(tmp_path / "j2c.json")])
    assert r.exit_code == 0, r.output
    assert f"0 parsed, {len(ARTICLES)} from cached parses" in r.output
    j1 = (tmp_path / "j1.json").read_bytes()
    assert (tmp_path / "j2.json").read_bytes() == j1
    assert (tmp_path / "j2c.json").read_bytes() == j1


@pytest.fixture(scope="module")
def shared():
    from argmap.build import Extractor
    from argmap.errors import ModelNotFoundError

    try:
        ex = Extractor()
        ex.nlp  # noqa: B018 - load now
    except ModelNotFoundError as exc:  # pragma: no cover
        pytest.skip(f"no spaCy model installed: {exc}")
    return ex


def _doc(i: int, text: str):
    import hashlib

    from argmap.model import Document

    return Document(id=f"d{i}", path=f"d{i}.txt", text=text, clean=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest())


@pytest.mark.model
def test_a_failing_document_is_skipped_not_fatal(shared, monkeypatch):
    from argmap.build import Extractor, ResultStep

    original = ResultStep._analyse

    def flaky(self, doc, document):
        if document.id == "d1":
            raise ValueError("boom")
        return original(self, doc, document)

    monkeypatch.setattr(ResultStep, "_analyse", flaky)
    skipped = []
    ex = Extractor(pipeline=shared.nlp, on_skip=lambda path, reason: skipped.append((path, reason)))
    docs = [_doc(i, f"The council said it backed family help number {i}.") for i in range(3)]
    results = list(ex.extract(docs))
    assert [r.doc["id"] for r in results] == ["d0", "d2"]
    assert skipped == [("d1.txt", "extraction failed (ValueError: boom)")]
    assert ex.stats.failed == 1 and ex.stats.documents == 3


@pytest.mark.model
def test_documents_are_streamed_not_read_all_at_once(shared):
    from argmap.build import Extractor

    pulled = []

    def documents():
        for i in range(200):
            pulled.append(i)
            yield _doc(i, f"Ministers said the plan number {i} was welcome.")

    ex = Extractor(pipeline=shared.nlp, batch_size=4)
    stream = ex.extract(documents())
    first = next(stream)
    assert first.doc["id"] == "d0"
    assert len(pulled) < 50, f"{len(pulled)} documents read before the first result"
    assert len(list(stream)) == 199


@pytest.mark.model
def test_extract_honours_limits_and_strict(corpus_dir, tmp_path):
    from argmap.cli import cli

    (corpus_dir / "README.md").write_text("# About these articles\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(corpus_dir), "-o", str(tmp_path / "c.jsonl"), "--no-cache",
                                 "--max-chars", "100", "--strict"])
    assert r.exit_code == 1
    assert r.stderr.count("over the 100-character limit") == len(ARTICLES)
    assert "ignored" in r.stderr and "README.md" in r.stderr
    assert (tmp_path / "c.jsonl").read_text(encoding="utf-8") == ""
