"""Saving a built graph: the JSON and its store are written by build and merge, and a rebuild that
changes nothing rewrites nothing (no JSON, no store, no map)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.graphdata import dumps_data, graph_data
from argmap.records import dumps_result
from argmap.save import maps_up_to_date, record_maps, save_graph
from argmap.store import StoreIndex, store_path
from conftest import SAMPLE_CORPUS, have_dot, small_results


@pytest.fixture()
def records(tmp_path) -> Path:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(dumps_result(r) + "\n" for r in small_results()), encoding="utf-8")
    return path


def _stamps(*paths: Path) -> list[int]:
    return [p.stat().st_mtime_ns for p in paths]


def test_save_graph_writes_json_and_store_then_keeps_both(taxonomy, tmp_path):
    data = graph_data(small_results(), taxonomy)
    out = tmp_path / "g.json"
    first = save_graph(data, out)
    assert first.graph_written and first.store_written
    assert out.read_text(encoding="utf-8") == dumps_data(data)
    assert StoreIndex.open(store_path(out)).matches(out)
    before = _stamps(out, store_path(out))
    again = save_graph(data, out)
    assert not again.graph_written and not again.store_written
    assert _stamps(out, store_path(out)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "g.sqlite"]  # no temporary files left


def test_a_missing_or_stale_store_is_rewritten_even_when_the_json_is_not(taxonomy, tmp_path):
    data = graph_data(small_results(), taxonomy)
    out = tmp_path / "g.json"
    save_graph(data, out)
    store_path(out).unlink()
    saved = save_graph(data, out)
    assert not saved.graph_written and saved.store_written
    assert store_path(out).is_file() and StoreIndex.open(store_path(out)).matches(out)
    store_path(out).write_bytes(b"garbage")
    saved = save_graph(data, out)
    assert not saved.graph_written and saved.store_written
    assert StoreIndex.open(store_path(out)).matches(out)


def test_a_changed_graph_is_rewritten(taxonomy, tmp_path):
    out = tmp_path / "g.json"
    save_graph(graph_data(small_results(), taxonomy), out)
    changed = graph_data(small_results()[:1], taxonomy)
    saved = save_graph(changed, out)
    assert saved.graph_written and saved.store_written
    assert out.read_text(encoding="utf-8") == dumps_data(changed)


def test_maps_are_up_to_date_only_as_recorded_for_this_graph(taxonomy, tmp_path):
    graph, dot, svg = tmp_path / "g.json", tmp_path / "g.dot", tmp_path / "g.svg"
    save_graph(graph_data(small_results(), taxonomy), graph)
    dot.write_text("digraph {}")
    svg.write_text("<svg/>")
    assert not maps_up_to_date(graph, [dot, svg], graph_written=False)  # never recorded as drawn from it
    record_maps(graph, [dot, svg])
    assert maps_up_to_date(graph, [dot, svg], graph_written=False)
    assert not maps_up_to_date(graph, [dot, svg], graph_written=True)
    copy = tmp_path / "copy"
    copy.mkdir()
    for p in (graph, dot, svg):  # a copied folder without the store (a clone): drawn again
        shutil.copy2(p, copy / p.name)
    assert not maps_up_to_date(copy / "g.json", [copy / "g.dot", copy / "g.svg"], graph_written=False)
    svg.write_text("<svg>another map</svg>")  # drawn by something else since
    assert not maps_up_to_date(graph, [dot, svg], graph_written=False)
    record_maps(graph, [dot, svg])
    assert maps_up_to_date(graph, [dot, svg], graph_written=False)
    dot.unlink()
    assert not maps_up_to_date(graph, [dot, svg], graph_written=False)


def test_merge_writes_the_store_and_a_repeated_merge_keeps_everything(records, tmp_path):
    out = tmp_path / "out" / "g.json"
    args = ["merge", str(records), "-o", str(out), "--no-timestamp"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0 and r.stdout.startswith(f"wrote {out}: 2 documents")
    assert StoreIndex.open(store_path(out)).matches(out)
    before = _stamps(out, store_path(out))
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0 and r.stdout.startswith(f"kept {out} (unchanged): 2 documents")
    assert _stamps(out, store_path(out)) == before
    r = CliRunner().invoke(cli, [*args, "--quiet"])
    assert r.exit_code == 0 and r.output == ""


@pytest.mark.skipif(not have_dot(), reason="needs the Graphviz dot binary")
def test_merge_render_draws_the_map_once(records, tmp_path):
    out = tmp_path / "g.json"
    args = ["merge", str(records), "-o", str(out), "--no-timestamp", "--render"]
    r = CliRunner().invoke(cli, args)
    maps = [out.with_suffix(".dot"), out.with_suffix(".svg")]
    assert r.exit_code == 0 and f"map        {maps[0]}, {maps[1]}\n" in r.stdout
    before = _stamps(*maps)
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0 and "(up to date)" in r.stdout
    assert _stamps(*maps) == before
    maps[1].unlink()  # a missing map is drawn again, though the graph is unchanged
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0 and "(up to date)" not in r.stdout and maps[1].stat().st_size > 0


@pytest.mark.model
def test_build_twice_rewrites_nothing_the_second_time(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SAMPLE_CORPUS.glob("*.md"))[:2]:
        if p.stem.lower() != "readme":
            shutil.copy(p, corpus / p.name)
    out = tmp_path / "graphs" / "g.json"
    args = ["build", str(corpus), "-o", str(out), "--no-timestamp"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    written = [out, store_path(out)] + ([out.with_suffix(".dot"), out.with_suffix(".svg")] if have_dot() else [])
    before = _stamps(*written)
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0 and r.stdout.startswith(f"kept {out} (unchanged)")
    assert "0 parsed" in r.stdout and _stamps(*written) == before
    if have_dot():
        assert "(up to date)" in r.stdout


@pytest.mark.model
def test_a_no_change_rebuild_loads_neither_spacy_nor_networkx_nor_numpy(tmp_path):
    """What keeps a rebuild that changes nothing fast: cached results, cached duplicate
    signatures, the JSON compared rather than rebuilt through networkx, the map left alone."""
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SAMPLE_CORPUS.glob("*-*.md"))[:2]:
        shutil.copy(p, corpus / p.name)
    out, cache = tmp_path / "g.json", tmp_path / "cache"
    args = ["build", str(corpus), "-o", str(out), "--cache-dir", str(cache)] + ([] if have_dot() else ["--no-render"])
    assert CliRunner().invoke(cli, args).exit_code == 0
    code = ("import sys\n"
            "from argmap.cli import cli\n"
            f"try:\n    cli.main({args!r}, standalone_mode=False)\n"
            "except SystemExit:\n    pass\n"
            "loaded = [m for m in ('spacy', 'networkx', 'numpy', 'pydot') if m in sys.modules]\n"
            "assert not loaded, loaded\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"kept {out} (unchanged)")
    assert "(up to date)" in proc.stdout or not have_dot()


def test_duplicate_signatures_come_from_the_cache_the_second_time(tmp_path):
    from argmap.cache import SignatureCache
    from argmap.corpus import load_corpus
    from argmap.duplicates import drop_duplicates

    docs = list(load_corpus([SAMPLE_CORPUS]))
    docs.append(replace(docs[0], id="again", path="again.md"))  # the same text saved twice
    store = SignatureCache(tmp_path)
    found1, found2 = [], []
    assert [d.id for d in drop_duplicates(docs, on_duplicate=found1.append, signatures=store)] == \
        [d.id for d in docs[:-1]]
    written = store.store.stats.written
    assert written == len(docs) - 1
    again = SignatureCache(tmp_path)
    assert [d.id for d in drop_duplicates(docs, on_duplicate=found2.append, signatures=again)] == \
        [d.id for d in docs[:-1]]
    assert found1 == found2 and again.store.stats.hits == written and again.store.stats.written == 0
