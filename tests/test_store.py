"""The SQLite query store: the same answers as the JSON, written atomically, used only when it
matches its JSON, and full-text search over claims."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import queries as q
from argmap.cli import cli
from argmap.errors import ArgmapError
from argmap.graph import write_graph
from argmap.graphfile import read_graph_json
from argmap.queries import GraphIndex
from argmap.store import (
    NO_STORE_ENV,
    STORE_VERSION,
    StoreIndex,
    open_index,
    search_claims,
    source_info,
    store_path,
    write_store,
)
from conftest import ROOT, SEED_CORPUS

GOLD_CORPORA = {
    "seed": SEED_CORPUS,
    "sample": ROOT / "corpus",
    "articles": ROOT / "tests" / "articles",
    **{name: ROOT / "tests" / name for name in ("heldout", "unseen", "final", "blind", "sealed")},
}
COMMANDS = ["objectors", "supporters", "objections", "positions", "contested", "actors", "proposals",
            "themes", "show", "agree", "explain"]


def _indexes(graph_file: Path) -> tuple[GraphIndex, StoreIndex]:
    data, source = read_graph_json(graph_file)
    spath = write_store(data, store_path(graph_file), source=source_info(graph_file))
    return GraphIndex.from_data(data, source=source), StoreIndex.open(spath)


def _answer(fn, *args, **kwargs) -> str:
    """A query's answer as JSON text (order included), or its error."""
    try:
        return json.dumps(fn(*args, **kwargs), ensure_ascii=False)
    except ArgmapError as exc:
        return f"{type(exc).__name__}: {exc}"


def _library_calls(ix: GraphIndex) -> list[tuple]:
    """Every query function over every node it can be asked about (names are node ids)."""
    proposals = list(ix.by_kind.get("proposal", []))
    themes = list(ix.by_kind.get("theme", []))
    actors = list(ix.by_kind.get("actor", []))
    claims = list(ix.by_kind.get("claim", []))
    documents = list(ix.by_kind.get("document", []))
    calls: list[tuple] = [(q.contested, (), {}), (q.contested, (), {"limit": 3}), (q.list_actors, (), {}),
                          (q.list_proposals, (), {}), (q.list_proposals, (), {"candidates": True}),
                          (q.list_proposals, (), {"candidates": True, "evidence": 1}), (q.list_themes, (), {})]
    for node in proposals + themes:
        calls += [(q.objectors, (node,), {}), (q.supporters, (node,), {"explain": True}),
                  (q.objectors, (node,), {"evidence": 1}), (q.objections, (node,), {}),
                  (q.objections, (node,), {"evidence": 2, "explain": True}), (q.show, (node,), {})]
    for theme in themes[:3]:
        for node in proposals[:10]:
            calls.append((q.objectors, (node,), {"theme": theme}))
    for doc in documents[:2]:
        for node in proposals[:10] + themes[:5]:
            calls += [(q.supporters, (node,), {"document": doc}), (q.objections, (node,), {"document": doc})]
    for a, b in zip(actors, actors[1:] + actors[:1], strict=True):
        calls += [(q.positions, (a,), {}), (q.positions, (a,), {"members": True, "evidence": 1}),
                  (q.agree, (a, b), {}), (q.agree, (a, b), {"evidence": 1}), (q.show, (a,), {})]
    for c in claims:
        calls += [(q.explain, (c,), {}), (q.show, (c,), {})]
    for d in documents:
        calls.append((q.show, (d,), {}))
    calls += [(q.objectors, ("family help",), {}), (q.positions, ("BASW",), {}), (q.show, ("nothing-like-it",), {}),
              (q.explain, ("claim:no-such:1",), {}), (q.objectors, ("funding",), {"theme": "evaluation"})]
    return calls


def _assert_same_answers(graph_file: Path) -> None:
    json_ix, store_ix = _indexes(graph_file)
    calls = _library_calls(json_ix)
    assert len(calls) > 20
    for fn, args, kwargs in calls:
        assert _answer(fn, store_ix, *args, **kwargs) == _answer(fn, json_ix, *args, **kwargs), (fn.__name__, args, kwargs)
    for text in ("funding", "family help", "multi-agency teams", "social workers", "evaluations"):
        assert search_claims(store_ix, text) == search_claims(json_ix, text)
    store_ix.close()


def _cli(graph_file: Path, args: list[str], *, store: bool) -> tuple[int, str]:
    env = {"COLUMNS": "80", NO_STORE_ENV: "" if store else "1"}
    r = CliRunner().invoke(cli, [args[0], "-g", str(graph_file), *args[1:]], env=env)
    assert r.exception is None or isinstance(r.exception, SystemExit), (args, r.exception)
    return r.exit_code, r.stdout


def _cli_calls(ix: GraphIndex) -> list[list[str]]:
    proposal = next((p for p, on in ix.claims_on.items() if on), "proposal:family-help")
    theme = next((t for t, cs in ix.claims_raising.items() if cs), "theme:funding")
    actors = [a for a in ix.by_kind.get("actor", []) if ix.claims_of.get(a)] or ["actor:none"]
    claim = next(iter(ix.by_kind.get("claim", [])), "claim:none:1")
    calls = [["objectors", proposal], ["objectors", theme, "--explain"], ["supporters", proposal, "-e", "1"],
             ["objections", proposal], ["positions", actors[0]], ["positions", actors[-1], "--members"],
             ["contested"], ["contested", "--limit", "2"], ["actors"], ["proposals"], ["proposals", "--candidates"],
             ["themes"], ["show", proposal], ["show", actors[0]], ["agree", actors[0], actors[-1]],
             ["explain", claim], ["objectors", "no such thing at all"]]
    assert {c[0] for c in calls} == set(COMMANDS)
    # the discourse-network commands read the same index (whole-graph scans)
    calls += [["network"], ["network", "--kind", "conflict"], ["coalitions"], ["timeline", proposal]]
    return calls + [[c[0], "--json", *c[1:]] for c in calls]


# ---------------------------------------------------------------- same answers

def test_store_answers_every_query_like_the_json(small_graph_file):
    _assert_same_answers(small_graph_file)


def test_every_query_command_answers_the_same_from_store_and_json(small_graph_file):
    ix = q.load_index(small_graph_file)
    for args in _cli_calls(ix):
        assert _cli(small_graph_file, args, store=True) == _cli(small_graph_file, args, store=False), args
    assert store_path(small_graph_file).is_file()


@pytest.fixture(scope="module")
def gold_graphs(extractor, taxonomy, tmp_path_factory):
    """Every gold corpus's graph, written to a file (built once for this module)."""
    from argmap.build import merge_results
    from argmap.corpus import load_corpus

    out = {}
    folder = tmp_path_factory.mktemp("gold")
    for name, path in GOLD_CORPORA.items():
        if not path.is_dir():
            continue
        graph = merge_results(list(extractor.extract(load_corpus([path]))), taxonomy, meta={"model": "test"},
                              built_at=False)
        out[name] = folder / f"{name}.json"
        write_graph(graph, out[name])
    return out


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(GOLD_CORPORA))
def test_all_queries_on_each_gold_corpus_give_the_same_answer_both_ways(gold_graphs, name):
    if name not in gold_graphs:
        pytest.skip(f"corpus {GOLD_CORPORA[name]} not found")
    graph_file = gold_graphs[name]
    _assert_same_answers(graph_file)  # the library, every node
    ix = q.load_index(graph_file)
    for args in _cli_calls(ix):  # the command line, every command, text and JSON
        assert _cli(graph_file, args, store=True) == _cli(graph_file, args, store=False), args


# ---------------------------------------------------------------- when the store is used

def test_queries_build_the_store_on_first_use_and_use_it_after(small_graph_file):
    spath = store_path(small_graph_file)
    assert not spath.exists()
    assert isinstance(open_index(small_graph_file), GraphIndex)
    assert spath.is_file()
    ix = open_index(small_graph_file)
    assert isinstance(ix, StoreIndex) and ix.meta_value("version") == STORE_VERSION
    assert ix.meta_value("source")["sha256"] == source_info(small_graph_file)["sha256"]


def test_a_store_that_does_not_match_its_json_is_rebuilt(small_graph_file, small_graph):
    open_index(small_graph_file)
    small_graph.remove_node("claim:doc-a:1")
    write_graph(small_graph, small_graph_file)  # same folder, new content
    ix = open_index(small_graph_file)
    assert not isinstance(ix, StoreIndex)  # answered from the JSON, and the store rewritten
    assert "claim:doc-a:1" not in ix.nodes
    again = open_index(small_graph_file)
    assert isinstance(again, StoreIndex) and "claim:doc-a:1" not in again.nodes


def test_a_touched_json_with_the_same_bytes_keeps_its_store(small_graph_file):
    open_index(small_graph_file)
    st = small_graph_file.stat()
    os.utime(small_graph_file, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert isinstance(open_index(small_graph_file), StoreIndex)


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_damaged_store_is_replaced(small_graph_file, content):
    store_path(small_graph_file).write_bytes(content)
    assert not isinstance(open_index(small_graph_file), StoreIndex)
    assert isinstance(open_index(small_graph_file), StoreIndex)


def test_a_store_from_a_newer_argmap_is_not_read(small_graph_file):
    spath = store_path(small_graph_file)
    open_index(small_graph_file)
    con = sqlite3.connect(spath)
    con.execute("UPDATE meta SET value = ? WHERE key = 'version'", (json.dumps(STORE_VERSION + 1),))
    con.commit()
    con.close()
    assert not isinstance(open_index(small_graph_file), StoreIndex)
    assert isinstance(open_index(small_graph_file), StoreIndex)  # rewritten in this version


def test_no_store_env_reads_the_json_and_writes_nothing(small_graph_file, monkeypatch):
    monkeypatch.setenv(NO_STORE_ENV, "1")
    assert not isinstance(open_index(small_graph_file), StoreIndex)
    assert not store_path(small_graph_file).exists()


def test_a_store_that_cannot_be_written_still_answers_from_the_json(small_graph_file, monkeypatch):
    import argmap.store

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(argmap.store, "write_store", refuse)
    r = CliRunner().invoke(cli, ["objectors", "funding", "-g", str(small_graph_file)])
    assert r.exit_code == 0 and "Jo Bloggs" in r.stdout
    assert not store_path(small_graph_file).exists()


def test_the_store_can_be_given_instead_of_the_json(small_graph_file, tmp_path):
    data, _ = read_graph_json(small_graph_file)
    spath = write_store(data, tmp_path / "only.sqlite")
    r = CliRunner().invoke(cli, ["positions", "Bloggs", "-g", str(spath)], env={"COLUMNS": "80"})
    expected = CliRunner().invoke(cli, ["positions", "Bloggs", "-g", str(small_graph_file)], env={"COLUMNS": "80"})
    assert r.exit_code == 0 and r.stdout == expected.stdout


def test_writing_a_store_is_atomic(small_graph_file, monkeypatch):
    import argmap.store

    spath = store_path(small_graph_file)
    open_index(small_graph_file)
    before = spath.read_bytes()

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(argmap.store, "_fill", broken)
    data, _ = read_graph_json(small_graph_file)
    with pytest.raises(KeyboardInterrupt):
        write_store(data, spath)
    assert spath.read_bytes() == before
    assert sorted(p.name for p in spath.parent.iterdir()) == sorted([small_graph_file.name, spath.name])


def test_new_node_and_edge_attributes_flow_through_without_schema_changes(small_graph_file, tmp_path):
    data, _ = read_graph_json(small_graph_file)
    for node in data["nodes"]:
        if node["id"] == "doc:doc-a":
            node["date"] = "2025-03-01"
            node["coalition"] = {"name": "reformers", "since": 2024}
    data["edges"][0]["weight"] = 0.5
    spath = write_store(data, tmp_path / "g.sqlite")
    ix = StoreIndex.open(spath)
    assert q.show(ix, "doc:doc-a")["attributes"]["coalition"] == {"name": "reformers", "since": 2024}
    assert q.show(ix, "doc:doc-a")["attributes"]["date"] == "2025-03-01"
    extra = ix.con.execute("SELECT data FROM edges WHERE data IS NOT NULL").fetchall()
    assert [json.loads(x[0]) for x in extra] == [{"weight": 0.5}]


def test_query_commands_on_a_store_import_neither_spacy_nor_networkx(small_graph_file):
    open_index(small_graph_file)  # the store exists: the commands below read only it
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from argmap.cli import cli\n"
        "for args in (['objectors', 'funding'], ['positions', 'BASW'], ['contested'], ['show', 'funding'],\n"
        "             ['explain', 'doc-a:1'], ['agree', 'BASW', 'Bloggs'], ['themes']):\n"
        f"    r = CliRunner().invoke(cli, [*args, '-g', {str(small_graph_file)!r}])\n"
        "    assert r.exit_code in (0, 1), (args, r.output)\n"
        "assert 'spacy' not in sys.modules and 'networkx' not in sys.modules, 'spacy or networkx imported'\n"
        "from argmap.store import StoreIndex, open_index\n"
        f"assert isinstance(open_index({str(small_graph_file)!r}), StoreIndex)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- evidence limits

def test_evidence_limit_counts_what_it_leaves_out(small_graph_file):
    _, ix = _indexes(small_graph_file)
    full = q.objectors(ix, "multi-agency teams")
    cut = q.objectors(ix, "multi-agency teams", evidence=0)
    assert [a["id"] for a in cut["actors"]] == [a["id"] for a in full["actors"]]
    assert all(a["claims"] == [] and a["more"] == len(b["claims"]) for a, b in zip(cut["actors"], full["actors"],
                                                                                     strict=True))
    assert "more" not in full["actors"][0]
    r = CliRunner().invoke(cli, ["positions", "O'Neil", "-e", "1", "-g", str(small_graph_file)],
                           env={"COLUMNS": "80"})
    assert "Mixed on: Multi-agency child protection teams" in r.stdout
    assert r.stdout.count("\u201c") == 1  # one claim quoted
    assert "    ... and 1 more claim (--evidence 0 to quote all)" in r.stdout


def test_store_groups_claims_by_speaker_as_the_json_would(small_graph_file):
    """Each speaker's count and first claims in reading order, from one pass over the store's rows,
    for every proposal (with its parts, each claim once) and theme; an in-memory index has no such
    shortcut and says so."""
    json_ix, store_ix = _indexes(small_graph_file)
    assert json_ix.first_by_speaker(["theme:funding"], "object", 2) is None
    cut = 0
    for node in list(json_ix.by_kind.get("proposal", [])) + list(json_ix.by_kind.get("theme", [])):
        nodes = [node, *(json_ix.parts_of(node) if json_ix.kind(node) == "proposal" else [])]
        for stance, n in (("support", 0), ("support", 2), ("object", 0), ("object", 2)):
            claims = list(dict.fromkeys(c for p in nodes for c in json_ix.claims_for(p, stance)))
            expected: dict = {}
            for c in sorted(claims, key=json_ix.claim_sort_key()):
                count, first = expected.get(json_ix.speaker.get(c), (0, []))
                expected[json_ix.speaker.get(c)] = (count + 1, first + [c] if len(first) < n else first)
            assert store_ix.first_by_speaker(nodes, stance, n) == expected, (node, stance, n)
            cut += sum(count > len(first) for count, first in expected.values())
    assert cut  # some speaker had more claims than were kept
    assert store_ix.first_by_speaker([next(iter(json_ix.by_kind["actor"]))], "object", 2) is None


# ---------------------------------------------------------------- full-text search

def test_search_claims_matches_stems_whole_words_and_target_phrases(small_graph_file):
    json_ix, store_ix = _indexes(small_graph_file)
    for ix in (json_ix, store_ix):
        assert search_claims(ix, "pilot") == ["claim:doc-b:2"]  # "pilots"
        assert search_claims(ix, "evaluations") == ["claim:doc-b:2"]  # "evaluation"
        assert search_claims(ix, "valu") == [] and search_claims(ix, "ilot") == []  # whole words only
        assert sorted(search_claims(ix, "FAMILY HELP")) == ["claim:doc-a:3", "claim:doc-b:3"]
        assert search_claims(ix, "help family") == []  # a phrase: the words in order
        assert sorted(search_claims(ix, "help family", phrase=False)) == ["claim:doc-a:3", "claim:doc-b:3"]
        assert search_claims(ix, "family help", limit=1) in (["claim:doc-a:3"], ["claim:doc-b:3"])
        assert search_claims(ix, "  ") == [] and search_claims(ix, '"; DROP TABLE claims; --') == []
    assert search_claims(store_ix, "family help") == search_claims(json_ix, "family help")


def test_search_claims_reads_target_phrases_and_ignores_accents(taxonomy, tmp_path):
    from argmap.graph import build_graph
    from argmap.model import Actor, ActorType, Claim, DocResult, Stance

    claim = Claim("claim:d:1", "d", "Ministers praised the café scheme.", 0, 34, "x", Stance.SUPPORT,
                  ("family-help",), (), attribution="praised", target_cues=("named: the early help offer",),
                  rule="hand-built")
    g = build_graph([DocResult({"id": "d", "path": "d.md", "sha256": "0" * 64},
                               (Actor("x", "X Group", ActorType.ORGANISATION, ()),), (claim,))], taxonomy)
    write_graph(g, tmp_path / "g.json")
    json_ix, store_ix = _indexes(tmp_path / "g.json")
    for ix in (json_ix, store_ix):
        assert search_claims(ix, "cafe") == ["claim:d:1"]
        assert search_claims(ix, "early help offers") == ["claim:d:1"]  # a target phrase, stemmed
