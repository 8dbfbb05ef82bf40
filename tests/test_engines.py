"""The map step on other engines: partitions, the worker function, and Dask on a LocalCluster of
two worker processes giving the local build's graph byte for byte."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.build import ExtractOptions, list_corpus
from argmap.cli import cli
from argmap.engines import EngineError, drop_repeats, extract_partition, partition, record_lines
from argmap.records import loads_result
from conftest import ROOT

ARTICLES = ROOT / "tests" / "articles"


def test_partition_cuts_runs_in_order_none_empty():
    items = list(range(10))
    assert partition(items, 3) == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert partition(items, 20) == [[i] for i in items]
    assert partition([], 4) == []
    assert [len(p) for p in partition(list(range(60)), None)] == [20, 20, 20]  # about 25 each
    assert [x for part in partition(list(range(101)), 7) for x in part] == list(range(101))


def test_document_ids_are_assigned_before_reading(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "same.txt").write_bytes(b"\x00\x01binary")  # unreadable, yet it takes its id
    (b / "same.txt").write_text("Some text that is readable.", encoding="utf-8")
    skipped: list[dict[str, str]] = []
    ids = [i for _, _, i in list_corpus([a, b], skipped)]
    assert ids == ["same", "b/same"]


@pytest.mark.model
def test_a_partition_gives_what_the_local_build_gives(extractor, taxonomy):
    from argmap.corpus import load_corpus

    entries = [(str(p), str(r), i) for p, r, i in list_corpus([ARTICLES], [])]
    reported = []
    part = extract_partition(entries[:3], ExtractOptions(), report=lambda d, t: reported.append((d, t)))
    local = list(extractor.extract(doc for doc in load_corpus([ARTICLES]) if doc.id in {e[2] for e in entries[:3]}))
    assert part.results == local
    assert [d for d, _ in reported] == [1, 1, 1] and sum(t for _, t in reported) == part.stats.tokens > 0
    assert part.stats.documents == 3 and part.model_name.startswith("en_")
    lines = list(record_lines(entries[:2], ExtractOptions()))
    assert [loads_result(line) for line in lines] == local[:2]


def test_dask_engine_without_dask_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    with pytest.raises(EngineError, match=r"pip install 'argmap\[dask\]'"):
        from argmap.engines import extract_with_dask

        extract_with_dask([tmp_path], ExtractOptions())
    r = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "g.json"), "--engine", "dask"])
    assert r.exit_code == 2 and "pip install 'argmap[dask]'" in r.output and "Traceback" not in r.output


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "g.json"), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in r.output


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes (what the README's recipe starts on a laptop)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c


@pytest.fixture()
def corpus_with_repeats(tmp_path) -> Path:
    """The six test articles, one saved twice under another name and one republished with other
    furniture: the repeats land in other partitions than their originals."""
    root = tmp_path / "corpus"
    shutil.copytree(ARTICLES, root)
    first, second = sorted(p for p in root.iterdir() if p.suffix in {".md", ".txt"})[:2]
    shutil.copy(first, root / "zz-saved-twice" f"{first.suffix}")
    text = second.read_text(encoding="utf-8")
    (root / "zz-republished.txt").write_text("Share this story. Sign up to our newsletter.\n\n" + text
                                             + "\n\nRelated stories: more from our reporters.\n", encoding="utf-8")
    return root


def _summary_lines(output: str) -> list[str]:
    return [re.sub(r", [0-9.]+s\)", ")", line) for line in output.splitlines()[1:]]  # without the time


@pytest.mark.slow
@pytest.mark.model
def test_dask_build_on_two_worker_processes_is_byte_identical_to_the_local_build(cluster, corpus_with_repeats,
                                                                                  tmp_path):
    local, dask = tmp_path / "local" / "g.json", tmp_path / "dask" / "g.json"
    r1 = CliRunner().invoke(cli, ["build", str(corpus_with_repeats), "-o", str(local), "--no-render", "--no-cache"])
    assert r1.exit_code == 0, r1.output
    r2 = CliRunner().invoke(cli, ["build", str(corpus_with_repeats), "-o", str(dask), "--no-render", "--no-cache",
                                  "--engine", "dask", "--scheduler", cluster.scheduler_address, "--partitions", "4"])
    assert r2.exit_code == 0, r2.output
    assert dask.read_bytes() == local.read_bytes()
    assert _summary_lines(r2.output) == _summary_lines(r1.output)  # the same counts, skips and duplicates
    assert "  duplicates 2" in r2.output and "zz-saved-twice" in r2.output
    assert len(cluster.workers) == 2 and cluster.processes  # the cluster: two worker processes


@pytest.mark.slow
@pytest.mark.model
def test_dask_reports_progress_per_document(cluster, tmp_path):
    from distributed import Client

    from argmap.engines import extract_with_dask

    seen: list[tuple[int, int, int]] = []
    with Client(cluster) as client:
        done = extract_with_dask([ARTICLES], ExtractOptions(), client=client, partitions=2,
                                 progress=lambda d, n, t: seen.append((d, n, t)))
    assert len(done.results) == 6 and done.stats.documents == 6
    assert seen[-1] == (6, 6, done.stats.tokens)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen) and len(seen) >= 2


@pytest.mark.model
def test_the_readme_recipe_for_other_engines_gives_the_local_graph(corpus_with_repeats, tmp_path):
    """What the README shows for Spark, with a plain map over partitions standing in for Spark."""
    from argmap.build import merge_data
    from argmap.save import save_graph
    from argmap.taxonomy import load_taxonomy

    local = tmp_path / "local.json"
    r = CliRunner().invoke(cli, ["build", str(corpus_with_repeats), "-o", str(local), "--no-render", "--no-cache"])
    assert r.exit_code == 0, r.output
    skipped: list[dict[str, str]] = []
    entries = [(str(p), str(r), i) for p, r, i in list_corpus([corpus_with_repeats], skipped)]
    options = ExtractOptions()
    parts = [extract_partition(part, options) for part in partition(entries, 3)]
    results, worker_skips, stats, duplicates = drop_repeats(entries, parts, keep_near=False)
    data = merge_data(results, load_taxonomy(), meta={"model": parts[0].model_name},
                      skipped=skipped + worker_skips, duplicates=duplicates)
    save_graph(data, tmp_path / "engine.json")
    assert (tmp_path / "engine.json").read_bytes() == local.read_bytes()
    assert stats.documents == len(results) == 6
