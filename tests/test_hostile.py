"""Bad, careless and hostile input (issue 13): one test per defect the probe reproduced.

Each test failed on the code before the fix. Grouped as the issue lists them:

1. outputs that are inputs (or each other) are refused before any work;
2. inputs are read only from regular files, within a size limit per kind;
3. what a file smuggles in (escape sequences) never reaches the terminal raw;
4. a bad declared HTML charset falls back like a missing one;
5. the taxonomy and cue lexicon are checked against their schema before any work;
6. a build where every document failed keeps the previous graph;
7. model names never import other modules;
8. stray non-UTF-8 bytes are repaired where they are, not by decoding the whole file otherwise;
9. deep folders are walked without recursion;
10. parser workers die with the build that started them;
11. the outputs of one command are replaced together or not at all, and an interrupt always
    ends with its message;
12. the smaller ones: long front-matter titles, non-Latin scripts, impossible graph values,
    full disks, UTF-16 without a byte-order mark, odd file names.

The property test at the end feeds random taxonomy and cue TOML structures to argmap.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus import SkipDocument, iter_corpus_files, read_document
from argmap.errors import GraphFileError, TaxonomyError
from argmap.graph import read_graph, write_graph
from conftest import ROOT, SAMPLE_CORPUS

ESC = "\x1b"
PROSE = (
    "The council leader said the family help plan would not work without new money for local "
    "teams. She warned that social workers were already stretched and that children would wait "
    "longer for support. A spokesperson for the department said the reforms were the right way "
    "forward and that every area would receive a share of the grant.\n"
)


def invoke(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


def assert_one_line_error(result, status: int = 2, *, contains: tuple[str, ...] = ()) -> str:
    """The command failed with ``status`` and one ``Error:`` line, no traceback."""
    assert result.exit_code == status, (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for word in contains:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def run_argmap(*args: str, timeout: float = 60, memory_mb: int | None = None, env: dict | None = None,
               cwd: Path | None = None) -> subprocess.CompletedProcess:
    """argmap in a fresh process, killed after ``timeout`` s, with at most ``memory_mb`` of
    address space (so that a defect that reads without end fails the test instead of the machine)."""
    def limit() -> None:
        if memory_mb:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2 ** 20, memory_mb * 2 ** 20))

    try:
        return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True,
                              timeout=timeout, preexec_fn=limit, env={**os.environ, **(env or {})},
                              cwd=cwd)
    except subprocess.TimeoutExpired:
        pytest.fail(f"argmap {' '.join(args)} was still running after {timeout}s")


def assert_process_error(proc: subprocess.CompletedProcess, *, contains: tuple[str, ...] = ()) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-500:], proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), proc.stderr
    for word in contains:
        assert word in lines[0], (word, lines[0])
    return lines[0]


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """Two sample articles in a folder of their own."""
    d = tmp_path / "c"
    d.mkdir()
    for name in ("family-help-rollout-funding.md", "opinion-kinship-carers-afterthought.md"):
        shutil.copy(SAMPLE_CORPUS / name, d / name)
    return d


# ================================================================ 1. outputs that are inputs

@pytest.mark.parametrize("name", ["opinion-kinship-carers-afterthought.md", "new-graph.txt"])
def test_build_refuses_an_output_inside_its_corpus(corpus, name):
    """`build c -o c/a.md` replaced the article with graph JSON, exit 0; a new .txt there would be
    read as an article by the next build."""
    out = corpus / name
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    r = invoke("build", str(corpus), "-o", str(out), "--no-render", "--no-cache")
    assert_one_line_error(r, contains=(str(out), "corpus"))
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


@pytest.mark.parametrize("suffix", [".svg", ".dot"])
def test_build_refuses_a_graph_name_its_own_map_would_overwrite(corpus, tmp_path, suffix):
    """`build c -o out/g.svg` wrote the graph, then the map over it."""
    out = tmp_path / "out" / f"g{suffix}"
    r = invoke("build", str(corpus), "-o", str(out), "--no-cache")
    assert_one_line_error(r, contains=(str(out), "overwrite the graph"))
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


@pytest.mark.parametrize("how", ["same path", "symlink", "hard link"])
def test_export_refuses_to_overwrite_the_graph_it_reads(small_graph_file, tmp_path, how):
    """`export --format csv -g g.json -o g.json` destroyed the graph."""
    target = small_graph_file
    if how == "symlink":
        target = tmp_path / "link.json"
        target.symlink_to(small_graph_file)
    elif how == "hard link":
        target = tmp_path / "hard.json"
        os.link(small_graph_file, target)
    before = small_graph_file.read_bytes()
    r = invoke("export", "--format", "csv", "-g", str(small_graph_file), "-o", str(target))
    assert_one_line_error(r, contains=("graph file",))
    assert small_graph_file.read_bytes() == before


def test_render_refuses_to_overwrite_the_graph_it_reads(small_graph_file, tmp_path):
    graph = tmp_path / "g.dot"
    shutil.copy(small_graph_file, graph)
    before = graph.read_bytes()
    r = invoke("render", "-g", str(graph), "-o", str(graph))
    assert_one_line_error(r, contains=(str(graph),))
    assert graph.read_bytes() == before


def test_merge_refuses_to_overwrite_its_records(tmp_path):
    """`merge r.jsonl -o r.jsonl` destroyed the records."""
    from argmap.records import dumps_result
    from conftest import small_results

    records = tmp_path / "r.jsonl"
    records.write_text("".join(dumps_result(r) + "\n" for r in small_results()), encoding="utf-8")
    before = records.read_bytes()
    r = invoke("merge", str(records), "-o", str(records))
    assert_one_line_error(r, contains=(str(records), "records file"))
    assert records.read_bytes() == before


def test_extract_refuses_to_write_over_an_article(corpus):
    out = corpus / "family-help-rollout-funding.md"
    before = out.read_bytes()
    r = invoke("extract", str(corpus), "-o", str(out), "--no-cache")
    assert_one_line_error(r, contains=(str(out),))
    assert out.read_bytes() == before


# ================================================================ 2. unbounded reads

NOT_REGULAR = {
    # option -> the command line with {} for the path
    "taxonomy": ("build", "{corpus}", "-o", "{out}", "--no-cache", "--taxonomy", "{}"),
    "cues": ("build", "{corpus}", "-o", "{out}", "--no-cache", "--cues", "{}"),
    "graph": ("actors", "-g", "{}"),
    "gold": ("evaluate", "{}", "-g", "{graph}"),
    "records": ("merge", "{}", "-o", "{out}"),
}


@pytest.mark.skipif(os.name != "posix" or not Path("/dev/zero").exists(), reason="POSIX devices and FIFOs")
@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
@pytest.mark.parametrize("kind", sorted(NOT_REGULAR))
def test_inputs_that_are_not_regular_files_are_refused_at_once(kind, source, corpus, small_graph_file, tmp_path):
    """`--taxonomy /dev/zero` read 24 GB until the kernel killed argmap; a FIFO as --taxonomy or -g
    blocked for ever. Now: one line naming the file and what it is, at once."""
    path = source
    if source == "fifo":
        path = str(tmp_path / "pipe")
        os.mkfifo(path)
    out = tmp_path / "out" / "g.json"
    args = [a.format(path, corpus=corpus, out=out, graph=small_graph_file) for a in NOT_REGULAR[kind]]
    proc = run_argmap(*args, timeout=30, memory_mb=3000)
    assert_process_error(proc, contains=(path, "not a regular file"))
    assert not out.exists()


@pytest.mark.skipif(os.name != "posix" or not Path("/dev/zero").exists(), reason="POSIX devices and FIFOs")
def test_taxonomy_check_refuses_devices_and_fifos_at_once(tmp_path):
    """`argmap taxonomy check` (and add-proposal) read the file whole, whatever it was."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        proc = run_argmap("taxonomy", "check", path, timeout=30, memory_mb=3000)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert f"{path}: whole file: taxonomy file {path} is " in proc.stdout and "not a regular file" in proc.stdout
        proc = run_argmap("taxonomy", "add-proposal", path, "--id", "x", "--label", "X", timeout=30, memory_mb=3000)
        assert_process_error(proc, contains=(path, "not a regular file"))


def test_input_size_limits_name_the_file_and_the_variable(tmp_path, monkeypatch):
    """Each kind of input has a limit; going over it names the file and how to raise it."""
    from argmap.taxonomy import load_taxonomy

    big = tmp_path / "big.toml"
    big.write_text('[[proposal]]\nid = "a"\nlabel = "A"\n' + "# padding\n" * 300, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAX_TAXONOMY_BYTES", "1k")
    with pytest.raises(TaxonomyError) as exc:
        load_taxonomy(big)
    message = str(exc.value)
    assert str(big) in message and "ARGMAP_MAX_TAXONOMY_BYTES" in message and "\n" not in message
    monkeypatch.setenv("ARGMAP_MAX_TAXONOMY_BYTES", "4k")
    assert list(load_taxonomy(big).proposals) == ["a"]


def test_graph_size_limit_is_checked_before_reading(small_graph_file, monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_GRAPH_BYTES", "100")
    r = invoke("actors", "-g", str(small_graph_file))
    assert_one_line_error(r, contains=(str(small_graph_file), "ARGMAP_MAX_GRAPH_BYTES"))


# ================================================================ 3. terminal escapes

def _graph_with_titles(taxonomy, title: str):
    from argmap.graph import build_graph
    from conftest import small_results

    results = small_results()
    for r in results:
        r.doc["title"] = title
    return build_graph(results, taxonomy, meta={"model": "hand-built"})


EVIL_TITLE = f"Council {ESC}[2J{ESC}]0;pwned\x07 budget \x9b31m\u202eevil"


def _raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch in (ESC, "\x07", "\x9b", "\u202e")]


def test_ambiguous_show_message_escapes_what_titles_smuggle_in(taxonomy, tmp_path):
    """Two documents with the same title holding escape sequences: `show` said they matched
    several nodes and printed the titles raw."""
    path = tmp_path / "g.json"
    write_graph(_graph_with_titles(taxonomy, EVIL_TITLE), path)
    r = invoke("show", "-g", str(path), "Council budget evil")
    assert r.exit_code == 1, r.output
    assert "matches several" in r.stderr
    assert _raw_controls(r.output) == [] and "\\x1b[2J" in r.stderr


def test_show_escapes_a_node_id_from_a_hand_made_graph(small_graph, tmp_path):
    import networkx as nx

    g = nx.relabel_nodes(small_graph, {"actor:basw": f"actor:basw{ESC}[31m"})
    path = tmp_path / "g.json"
    write_graph(g, path)
    r = invoke("show", "-g", str(path), f"actor:basw{ESC}[31m")
    assert r.exit_code == 0, r.output
    assert _raw_controls(r.output) == [] and "actor:basw\\x1b[31m" in r.output


def test_json_output_escapes_controls_but_decodes_to_the_exact_strings(taxonomy, tmp_path):
    path = tmp_path / "g.json"
    write_graph(_graph_with_titles(taxonomy, EVIL_TITLE), path)
    r = invoke("show", "-g", str(path), "doc:doc-a", "--json")
    assert r.exit_code == 0, r.output
    assert _raw_controls(r.output) == []
    assert json.loads(r.output)["label"] == EVIL_TITLE


@pytest.mark.model
def test_build_summary_escapes_skipped_file_names(corpus, tmp_path):
    """The build summary printed the names of skipped files raw."""
    (corpus / f"evil{ESC}]0;pwned\x07{ESC}[2J.txt").write_bytes(b"")
    out = tmp_path / "g.json"
    r = invoke("build", str(corpus), "-o", str(out), "--no-render", "--no-cache")
    assert r.exit_code == 0, r.output
    assert _raw_controls(r.output) == [] and "evil\\x1b]0;pwned\\x07\\x1b[2J.txt: empty file" in r.stdout


# ================================================================ 4. a bad declared charset

@pytest.mark.parametrize("charset", ["undefined", "unicode-escape"])
def test_a_bad_declared_charset_falls_back_like_a_missing_one(tmp_path, charset):
    """`<meta charset="undefined">` with a stray byte raised a UnicodeError traceback and no graph
    was written."""
    page = (f'<html><head><meta charset="{charset}"><title>Care</title></head><body><article><p>'
            f"{PROSE}</p><p>The caf\xe9 owner agreed.</p></article></body></html>").encode("cp1252")
    path = tmp_path / "page.html"
    path.write_bytes(page)
    doc = read_document(path)
    assert "café owner agreed" in doc.text and doc.encoding == "cp1252"


# ================================================================ 5. the schema

def toml_string(s: str) -> str:
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "nan" if v != v else ("inf" if v == float("inf") else "-inf" if v == float("-inf") else repr(v))
    if isinstance(v, str):
        return toml_string(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f"{toml_string(k)} = {toml_value(x)}" for k, x in v.items()) + "}"


def toml_document(data: dict) -> str:
    """TOML text for ``data``: plain keys first, then tables and arrays of tables."""
    lines = [f"{toml_string(k)} = {toml_value(v)}" for k, v in data.items()
             if not isinstance(v, dict) and not (isinstance(v, list) and v and all(isinstance(x, dict) for x in v))]
    for k, v in data.items():
        if isinstance(v, dict):
            lines.append(f"[{toml_string(k)}]")
            lines += [f"{toml_string(kk)} = {toml_value(vv)}" for kk, vv in v.items()]
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            for item in v:
                lines.append(f"[[{toml_string(k)}]]")
                lines += [f"{toml_string(kk)} = {toml_value(vv)}" for kk, vv in item.items()]
    return "\n".join(lines) + "\n"



def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+): (?P<entry>[^:]+): (?P<rest>.+)$")


def _assert_problem_lines(message: str, path: Path, *needles: str) -> list[str]:
    lines = message.splitlines()
    assert lines, message
    for line in lines:
        m = PROBLEM_LINE.match(line)
        assert m and m.group("file") == str(path), line
    for needle in needles:
        assert needle in message, (needle, message)
    return lines


@pytest.mark.model
def test_actor_type_is_checked_before_any_work(corpus, tmp_path):
    """`type = "alien"` made every article that mentions the actor fail extraction, exit 0, and
    replaced the previous graph with an empty one."""
    text = (ROOT / "src/argmap/data/children_social_care.toml").read_text(encoding="utf-8")
    alien = _write(tmp_path, "alien.toml", text.replace('type = "organisation"', 'type = "alien"', 1))
    out = tmp_path / "g.json"
    out.write_text("previous graph\n")
    r = invoke("build", str(corpus), "-o", str(out), "--no-render", "--no-cache", "--taxonomy", str(alien))
    line = assert_one_line_error(r)
    assert line == (f'Error: {alien}: actor \'basw\': type must be one of "person", "organisation" '
                    '(found "alien")')
    assert out.read_text() == "previous graph\n" and r.stdout == ""


TAXONOMY_CASES = {
    "meta-not-a-table": ('meta = "x"\n', ("top level: meta must be a table",)),
    "proposal-not-an-array": ("proposal = 5\n", ("top level: proposal must be an array of tables",)),
    "general-proposal-a-list": ('[meta]\ngeneral_proposal = ["x"]\n[[proposal]]\nid = "x"\n',
                                ("[meta]: general_proposal must be the id of a [[proposal]]",)),
    "typo-alias": ('[[proposal]]\nid = "a"\nalias = ["b"]\n',
                   ("proposal 'a': alias is not a known field", "did you mean aliases?")),
    "non-string-in-a-list": ('[[theme]]\nid = "t"\nterms = ["cash", 5]\n',
                             ("theme 't': terms must be a list of strings, each with at least one letter, digit or symbol (item 2 is 5)",)),
    "empty-alias": ('[[actor]]\nid = "a"\nname = "A"\naliases = [""]\n', ("aliases must be",)),
}


@pytest.mark.parametrize("case", sorted(TAXONOMY_CASES))
def test_malformed_taxonomy_is_one_line_per_problem(case, tmp_path):
    from argmap.taxonomy import load_taxonomy

    text, needles = TAXONOMY_CASES[case]
    path = _write(tmp_path, "t.toml", text)
    with pytest.raises(TaxonomyError) as exc:
        load_taxonomy(path)
    _assert_problem_lines(str(exc.value), path, *needles)


def _shipped_cues() -> str:
    return (ROOT / "src/argmap/data/cues.toml").read_text(encoding="utf-8")


def _cue_case(case: str) -> tuple[str, tuple[str, ...]]:
    """A broken copy of the shipped cue lexicon (TOML text) and what its problem lines must say;
    built from the schema table, so it follows the lexicon's structure as it changes."""
    import tomllib
    from types import SimpleNamespace

    try:
        from argmap.schema import cue_keys

        key = next(k for k in cue_keys() if k.required)
    except ImportError:  # argmap before the schema: the first list of the lexicon it read
        key = SimpleNamespace(table="attribution", key="speech_verbs")
    data = tomllib.loads(_shipped_cues())
    *parents, last = key.table.split(".")
    table = data
    for part in parents:
        table = table[part]
    if case == "empty-file":
        return "", ("whole file: is empty",)
    if case == "missing-section":
        del table[last]
        return toml_document(data), (f"[{key.table}]: is missing",)
    if case == "lemmas-a-number":
        table[last][key.key] = 5
        table[last]["x"] = ["y"]
        return toml_document(data), (f"[{key.table}]: {key.key} must be a list of plain words and phrases",
                                     "(found 5)",
                                     f"[{key.table}]: x is not a known list")
    if case == "a-pattern":  # cues are matched as written: a regular expression would be taken apart
        table[last][key.key] = [*table[last][key.key], "warn(s|ed)"]
        n = len(table[last][key.key])
        return toml_document(data), (f"[{key.table}]: {key.key} must be a list of plain words and phrases",
                                     f'(item {n} is "warn(s|ed)")')
    table[last][key.key] = [1, *table[last][key.key]]
    return toml_document(data), (f"[{key.table}]: {key.key} must be a list of plain words and phrases", "(item 1 is 1)")


CUE_CASES = ("empty-file", "missing-section", "lemmas-a-number", "non-string-in-a-list", "a-pattern")


@pytest.mark.parametrize("case", CUE_CASES)
def test_malformed_cue_lexicon_is_one_line_per_problem(case, tmp_path):
    from argmap.lexicon import load_lexicon

    text, needles = _cue_case(case)
    path = _write(tmp_path, f"cues-{case}.toml", text)
    with pytest.raises(TaxonomyError) as exc:
        load_lexicon(str(path))
    _assert_problem_lines(str(exc.value), path, *needles)


def test_the_shipped_taxonomy_and_cue_lexicon_validate_clean():
    import tomllib

    from argmap.schema import validate_cues, validate_taxonomy

    data = ROOT / "src/argmap/data"
    taxonomy = tomllib.loads((data / "children_social_care.toml").read_text(encoding="utf-8"))
    cues = tomllib.loads((data / "cues.toml").read_text(encoding="utf-8"))
    assert validate_taxonomy(taxonomy, "t") == [] and validate_cues(cues, "c") == []
    # the fields the taxonomy is gaining are accepted, and checked
    taxonomy["proposal"][1].update(parent=taxonomy["proposal"][0]["id"], kind="clause")
    taxonomy["theme"][0]["condition"] = True
    assert validate_taxonomy(taxonomy, "t") == []
    taxonomy["proposal"][0]["parent"] = taxonomy["proposal"][1]["id"]
    [problem] = validate_taxonomy(taxonomy, "t")
    assert problem.field == "parent" and "cycle" in problem.message


# ================================================================ 6. every document failed

@pytest.mark.model
def test_a_build_where_every_document_fails_keeps_the_previous_graph(corpus, small_graph_file, tmp_path,
                                                                     monkeypatch):
    from argmap import build

    def broken(self, doc, document):
        raise RuntimeError("a bug in argmap")

    monkeypatch.setattr(build.ResultStep, "_analyse", broken)
    out = tmp_path / "g.json"
    shutil.copy(small_graph_file, out)
    before = out.read_bytes()
    r = invoke("build", str(corpus), "-o", str(out), "--no-cache")
    assert_one_line_error(r, contains=("extraction failed on every document", "a bug in argmap", "left as it was"))
    assert out.read_bytes() == before and not out.with_suffix(".svg").exists()


@pytest.mark.model
def test_the_summary_counts_only_the_documents_in_the_graph(corpus, tmp_path, monkeypatch):
    """With one article failing extraction, the summary said both "documents 2" and "skipped 1"."""
    from argmap import build

    real = build.ResultStep._analyse

    def fail_one(self, doc, document):
        if document.id.startswith("opinion"):
            raise RuntimeError("a bug in argmap")
        return real(self, doc, document)

    monkeypatch.setattr(build.ResultStep, "_analyse", fail_one)
    out = tmp_path / "g.json"
    r = invoke("build", str(corpus), "-o", str(out), "--no-render", "--no-cache")
    assert r.exit_code == 0, r.output
    assert re.search(r"^  documents  1 \(2 parsed, .*1 failed", r.stdout, re.M), r.stdout
    assert "skipped    1" in r.stdout and "extraction failed (RuntimeError: a bug in argmap)" in r.stdout
    assert len(read_graph(out).graph["documents"]) == 1


# ================================================================ 7. model names

@pytest.mark.parametrize("name", ["this.x", ".x", "a..b"])
def test_model_names_never_import_other_modules(name, corpus, tmp_path):
    """`--model this.x` imported the module `this` (printing the Zen of Python), then a traceback."""
    proc = run_argmap("build", str(corpus), "-o", str(tmp_path / "g.json"), "--no-cache", "--model", name,
                      timeout=60)
    assert "Beautiful is better than ugly" not in proc.stdout + proc.stderr
    assert_process_error(proc, contains=(repr(name),))


def test_only_spacy_pipelines_pass_the_model_name_check(tmp_path):
    """Installed modules that are not spaCy pipelines are refused by name, without importing them."""
    from argmap.errors import ModelNotFoundError
    from argmap.modelname import check_model_name

    for name in ("os", "this", "json"):
        with pytest.raises(ModelNotFoundError, match="not a spaCy pipeline package"):
            check_model_name(name)
    with pytest.raises(ModelNotFoundError, match="no config.cfg"):
        check_model_name(str(tmp_path))
    (tmp_path / "config.cfg").write_text("[nlp]\n")
    check_model_name(str(tmp_path))  # a pipeline directory
    check_model_name("en_core_web_xx_not_installed")  # the loader says it is not installed
    check_model_name(None)


# ================================================================ 8. mixed encodings

def test_stray_bytes_in_utf8_are_repaired_where_they_are(tmp_path):
    """A UTF-8 article with stray Windows-1252 bytes was decoded whole as Latin-1: mojibake and C1
    control characters in every claim."""
    utf8 = ("The chair\u2019s \u201cfamily help\u201d plan \u2013 said Zo\u00eb \u2013 " + PROSE).encode()
    data = utf8 + b"A stray caf\xe9, a \x93quote\x94 and a \x81 byte.\n" + utf8
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert "\u2019s \u201cfamily help\u201d" in doc.text and "Zo\u00eb" in doc.text
    assert "caf\u00e9, a \u201cquote\u201d and a \ufffd byte" in doc.text
    assert not re.search("[\x80-\x9f]|\u00e2\u20ac", doc.text)
    assert any("4 places" in n and "Windows-1252" in n for n in doc.notes), doc.notes


# ================================================================ 9. deep folders

def test_deeply_nested_folders_are_walked_without_recursion(tmp_path):
    """About 990 nested folders gave a RecursionError traceback. The test lowers the recursion
    limit instead of nesting a thousand folders (which shutil.rmtree, and pytest's clean-up of
    its temporary folders, could not delete): 400 levels under a limit of 150 frames more than
    the test itself uses."""
    import inspect

    root = tmp_path / "deep"
    d = root
    depth = 400
    for _ in range(depth):
        d = d / "d"
    d.mkdir(parents=True)
    (d / "article.txt").write_text(PROSE)
    (root / "top.txt").write_text(PROSE)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + 150)
    try:
        found = [p for p, _ in iter_corpus_files([root])]
    finally:
        sys.setrecursionlimit(limit)
    assert [p.name for p in found] == ["article.txt", "top.txt"]
    assert len(found[0].relative_to(root).parts) == depth + 1


# ================================================================ 10. orphaned workers

def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory) -> Path:
    """60 articles: enough for a -j 2 build to be parsing for a few seconds."""
    root = tmp_path_factory.mktemp("many") / "corpus"
    root.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_CORPUS.glob("*.md")) if p.name != "README.md"]
    for i in range(60):
        (root / f"a{i:02d}.md").write_text(texts[i % len(texts)] + f"\n\nArticle {i}.\n", encoding="utf-8")
    return root


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_workers_exit_when_a_build_is_killed(many_articles, tmp_path):
    """`kill -9` of a -j 2 build left two spaCy workers alive, holding the caller's pipes."""
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "build", str(many_articles), "-o",
                             str(tmp_path / "g.json"), "--no-cache", "--no-render", "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        while len(workers) < 2:
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.2)
            workers = _descendants(proc.pid)
        time.sleep(1.0)  # let them get to work
        workers = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
        assert left == [], f"workers {left} outlived the killed build"
        # and nothing holds the caller's pipes any more
        out, err = proc.communicate(timeout=5)
    finally:
        for w in _descendants(proc.pid) | workers:
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass
        if proc.poll() is None:
            proc.kill()


# ================================================================ 11. interrupts in the write phase

WRAPPER = textwrap.dedent('''
    """argmap's CLI with a marker at the phase a test interrupts (nothing in argmap knows it)."""
    import atexit
    import os
    import sys
    import time
    from pathlib import Path

    MARK = Path(os.environ["ARGMAP_TEST_MARK"])
    PHASE = os.environ["ARGMAP_TEST_PHASE"]


    def arrived():
        tmp = MARK.with_name(MARK.name + ".tmp")
        tmp.write_text(str(os.getpid()))
        os.replace(tmp, MARK)


    if PHASE == "draw":  # while Graphviz draws the map (the graph is done)
        from argmap.export import render

        real_run_dot = render.run_dot

        def slow_run_dot(*args, **kwargs):
            out = real_run_dot(*args, **kwargs)
            arrived()
            time.sleep(60)
            return out

        render.run_dot = slow_run_dot
    elif PHASE == "exit":  # the command is over; Python is shutting down
        def at_exit():
            arrived()
            time.sleep(1)

        atexit.register(at_exit)

    from argmap.cli import main

    sys.argv = ["argmap", *sys.argv[1:]]
    main()
''')


def _signal_at(tmp_path: Path, phase: str, sig: signal.Signals, args: list[str]) -> subprocess.CompletedProcess:
    wrapper = tmp_path / "wrapper.py"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    mark = tmp_path / "phase.mark"
    env = {**os.environ, "ARGMAP_TEST_MARK": str(mark), "ARGMAP_TEST_PHASE": phase}
    proc = subprocess.Popen([sys.executable, str(wrapper), *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not mark.exists():
            if proc.poll() is not None:
                pytest.fail(f"argmap ended (status {proc.returncode}) before the {phase} phase: "
                            f"{proc.communicate()[1][-2000:]}")
            assert time.monotonic() < deadline, f"never reached the {phase} phase"
            time.sleep(0.02)
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus and a finished build of it (graph, .dot, .svg, warm cache), made once."""
    root = tmp_path_factory.mktemp("first-build")
    corpus = root / "c"
    corpus.mkdir()
    for name in ("family-help-rollout-funding.md", "opinion-kinship-carers-afterthought.md"):
        shutil.copy(SAMPLE_CORPUS / name, corpus / name)
    out = root / "out" / "g.json"
    r = run_argmap("build", str(corpus), "-o", str(out), timeout=120)
    assert r.returncode == 0, r.stderr
    return corpus, out.parent


@pytest.fixture()
def previous_build(first_build, tmp_path) -> tuple[Path, Path, dict[str, bytes]]:
    """The corpus, and a copy of its build (cache included) whose outputs the test may replace."""
    corpus, built = first_build
    out = tmp_path / "out" / "g.json"
    shutil.copytree(built, out.parent)
    for p in out.parent.glob("g.*"):
        p.write_bytes(p.read_bytes() + b"\n")  # tell the old files from the new ones
    return corpus, out, {p.name: p.read_bytes() for p in out.parent.glob("g.*")}


MESSAGE = {signal.SIGINT: "argmap: interrupted", signal.SIGTERM: "argmap: terminated"}


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.dot
@pytest.mark.skipif(os.name != "posix" or shutil.which("dot") is None, reason="POSIX signals and Graphviz")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupt_while_drawing_the_map_keeps_every_old_output(sig, previous_build, tmp_path):
    """Interrupting a build while it drew the map left the new graph beside the old .dot/.svg."""
    corpus, out, before = previous_build
    r = _signal_at(tmp_path, "draw", sig, ["build", str(corpus), "-o", str(out)])
    assert r.returncode == 128 + sig, r.stderr
    assert r.stderr.strip().splitlines() == [MESSAGE[sig]], r.stderr
    assert {p.name: p.read_bytes() for p in out.parent.glob("g.*")} == before
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_as_argmap_exits_is_neither_a_traceback_nor_a_silent_death(sig, previous_build, tmp_path):
    """A signal while Python shut down after a finished build killed argmap without its message
    (or printed a traceback). Now: the command's outputs are complete, and it either exits 0 or
    with its message and status."""
    corpus, out, before = previous_build
    r = _signal_at(tmp_path, "exit", sig, ["build", str(corpus), "-o", str(out), "--no-render"])
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert r.returncode == 0 or (r.returncode == 128 + sig and r.stderr.strip().endswith(MESSAGE[sig])), \
        (r.returncode, r.stderr)
    assert out.read_bytes() != before["g.json"] and read_graph(out)


# ================================================================ 12. the smaller ones

def test_a_huge_front_matter_title_is_shortened_not_a_language_verdict(tmp_path):
    """A 1 MB front-matter title made the article "not English (0%)"."""
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: " + "Budget " * 150_000 + "\ndate: 2024-03-01\n---\n\n" + PROSE * 3,
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.title.startswith("Budget Budget") and len(doc.title) <= 201
    assert doc.date == "2024-03-01" and doc.clean.strip().startswith("The council leader")


def test_a_chinese_article_is_skipped_as_not_english(tmp_path):
    """A Chinese article was kept as English, with 0 claims."""
    path = tmp_path / "zh.txt"
    path.write_text("儿童社会关怀改革：地方议会表示，家庭帮助计划如果没有新的资金将无法实施。" * 6, encoding="utf-8")
    with pytest.raises(SkipDocument) as exc:
        read_document(path)
    assert exc.value.reason.startswith("not English (most letters are CJK")


@pytest.mark.parametrize("field, value", [("stance", "maybe"), ("start", "x"), ("text", 12345), ("end", -1)])
def test_a_graph_with_impossible_values_is_reported_as_damaged(small_graph, tmp_path, field, value):
    """A graph with stance "maybe", start "x" and text 12345 was accepted and exported."""
    from argmap.graph import graph_to_data
    from argmap.queries import load_index

    data = graph_to_data(small_graph)
    [claim] = [n for n in data["nodes"] if n["id"] == "claim:doc-a:1"]
    claim[field] = value
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for reader in (read_graph, load_index):
        with pytest.raises(GraphFileError, match="is damaged: claim"):
            reader(path)
    r = invoke("export", "--format", "csv", "-g", str(path), "-o", str(tmp_path / "c.csv"))
    assert_one_line_error(r, contains=("is damaged", field))
    assert not (tmp_path / "c.csv").exists()


def test_a_full_disk_names_the_file_it_could_not_write(tmp_path, monkeypatch):
    """A full disk said "No space left on device" without the file name (the README promises
    "cannot write PATH")."""
    from argmap.records import dumps_result
    from conftest import small_results

    records = tmp_path / "r.jsonl"
    records.write_text("".join(dumps_result(r) + "\n" for r in small_results()), encoding="utf-8")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    out = tmp_path / "out" / "g.json"
    r = invoke("merge", str(records), "-o", str(out))
    line = assert_one_line_error(r)
    assert line == f"Error: cannot write {out}: {os.strerror(errno.ENOSPC)}"
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec):
    """UTF-16 without a byte-order mark was skipped as binary (NUL bytes)."""
    path = tmp_path / "u.txt"
    path.write_bytes(("R\u00f4le of the teams. " + PROSE).encode(codec))
    doc = read_document(path)
    assert doc.text.startswith("R\u00f4le of the teams. The council leader") and doc.encoding == codec
    assert any("without a byte-order mark" in n for n in doc.notes)
    # real binary with NUL bytes is still refused
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(SkipDocument, match="binary"):
        read_document(tmp_path / "b.txt")


@pytest.mark.model
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_with_odd_bytes_is_stored_and_printed_safely(corpus, tmp_path):
    """A file name with bytes that are not UTF-8 (and an escape sequence) crashed the graph
    write with a UnicodeEncodeError traceback."""
    odd = os.fsencode(corpus) + b"/odd \xff\x1b[31m name.txt"
    with open(odd, "wb") as fh:
        fh.write(PROSE.encode())
    out = tmp_path / "g.json"
    r = invoke("build", str(corpus), "-o", str(out), "--no-render", "--no-cache")
    assert r.exit_code == 0, (r.output, r.exception)
    assert _raw_controls(r.output) == []
    paths = [d.get("path") for _, d in read_graph(out).nodes(data=True) if d["kind"] == "document"]
    assert f"{corpus}/odd \\xff\x1b[31m name.txt" in paths


# ================================================================ the property test

from hypothesis import HealthCheck, event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
plain_words = st.builds(lambda head, tail: head + tail, st.text("abcdefghij", min_size=1, max_size=4),
                        st.text("abc -'()[].*+?|\\^$", max_size=8))  # regex metacharacters too
ids = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,8}\Z")
#: names a taxonomy or cue list accepts: something besides punctuation and spaces
names = (plain_words | words).filter(lambda s: any(unicodedata.category(c)[0] in "LNSM" for c in s))
scalars = st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=True) | words
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(words, inner, max_size=3),
                      max_leaves=8)
KNOWN = ["meta", "proposal", "theme", "actor", "id", "label", "name", "aliases", "terms", "keywords", "parent",
         "kind", "condition", "type", "general_proposal", "title", "version", "alias", "Proposal"]


@st.composite
def good_taxonomies(draw) -> dict:
    pids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    proposals = []
    for i, pid in enumerate(pids):
        p = {"id": pid, "label": draw(names), "aliases": draw(st.lists(names, max_size=3)),
             "keywords": draw(st.lists(names, max_size=3)), "kind": draw(st.sampled_from(["policy", "document",
                                                                                           "clause"]))}
        if i and draw(st.booleans()):
            p["parent"] = pids[draw(st.integers(0, i - 1))]
        proposals.append(p)
    themes = [{"id": tid, "label": draw(names), "terms": draw(st.lists(names, max_size=3)),
               "condition": draw(st.booleans())} for tid in draw(st.lists(ids, max_size=3, unique=True))]
    actors = [{"id": aid, "name": draw(names), "type": draw(st.sampled_from(["person", "organisation"])),
               "aliases": draw(st.lists(names, max_size=2))} for aid in draw(st.lists(ids, max_size=3, unique=True))]
    data = {"meta": {"name": draw(plain_words), "general_proposal": draw(st.sampled_from(pids))},
            "proposal": proposals, "theme": themes, "actor": actors}
    return {k: v for k, v in data.items() if v or k == "proposal"}


@st.composite
def broken(draw, base: st.SearchStrategy) -> dict:
    """A structure near a good one: a few keys replaced, added or deleted, anywhere in it."""
    data = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        node = data
        path = []
        while isinstance(node, (dict, list)) and node and draw(st.booleans()):
            key = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
            path.append((node, key))
            node = node[key]
        target = path[-1][0] if path else data
        if isinstance(target, dict):
            action = draw(st.sampled_from(["replace", "add", "delete"]))
            key = path[-1][1] if path else draw(st.sampled_from(list(data) or ["x"]))
            if action == "delete" and key in target:
                del target[key]
            elif action == "add":
                target[draw(st.sampled_from(KNOWN) | words)] = draw(values)
            else:
                target[key] = draw(values)
        elif isinstance(target, list) and target:
            target[path[-1][1]] = draw(values)
    return data


def shipped_cue_data() -> dict:
    import tomllib

    return tomllib.loads(_shipped_cues())


@st.composite
def good_cues(draw) -> dict:
    data = shipped_cue_data()
    lists = []  # (table, key) of every list, wherever it is

    def walk(node: dict) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value)
            else:
                lists.append((node, key))

    walk(data)
    # replace a few lists by random (valid) word lists
    for _ in range(draw(st.integers(0, 4))):
        table, key = draw(st.sampled_from(lists))
        table[key] = draw(st.lists(names, min_size=0, max_size=4))
    return data


@pytest.fixture(scope="module")
def pipeline():
    """One loaded pipeline for the property test; argmap's components are swapped per example."""
    from argmap.errors import ModelNotFoundError

    try:
        from argmap.build import _register_result_component
        from argmap.nlp.pipeline import build_pipeline
    except ImportError as exc:  # pragma: no cover
        pytest.skip(str(exc))
    try:
        nlp = build_pipeline()
    except ModelNotFoundError as exc:  # pragma: no cover - CI installs the model
        pytest.skip(str(exc))
    _register_result_component()
    nlp.add_pipe("argmap_result", last=True)
    return nlp


def _extract_with(nlp, taxonomy_path: Path, cues_path: Path, text: str):
    """The real extraction (Extractor, argmap_result) with argmap's components built from these files."""
    from argmap.build import RESULT_COMPONENT, Extractor, merge_results
    from argmap.model import Document
    from argmap.nlp.pipeline import ANALYSIS_COMPONENTS
    from argmap.taxonomy import load_taxonomy

    cfg = {"taxonomy": str(taxonomy_path), "cues": str(cues_path)}
    for name in ANALYSIS_COMPONENTS:
        nlp.replace_pipe(name, name, config=cfg)
    nlp.replace_pipe(RESULT_COMPONENT, RESULT_COMPONENT)
    failures: list[str] = []
    extractor = Extractor(taxonomy=taxonomy_path, cues=cues_path, pipeline=nlp,
                          on_skip=lambda path, reason: failures.append(reason))
    document = Document(id="t", path="t.txt", text=text, clean=text, sha256="0" * 64)
    results = list(extractor.extract([document]))
    assert failures == [] and extractor.stats.failed == 0
    return merge_results(results, load_taxonomy(taxonomy_path), built_at=False)


_counter = iter(range(10 ** 9))


@pytest.mark.model
@settings(max_examples=int(os.environ.get("ARGMAP_HOSTILE_EXAMPLES", "100")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(tax=st.one_of(good_taxonomies(), good_taxonomies(), broken(good_taxonomies()),
                     st.dictionaries(st.sampled_from(KNOWN) | words, values, max_size=4)),
       cues=st.one_of(good_cues(), good_cues(), good_cues(), broken(good_cues()),
                      st.dictionaries(words, values, max_size=3)))
def test_random_taxonomy_and_cue_files_give_problem_lines_or_a_working_build(tax, cues, pipeline, tmp_path_factory):
    """Whatever TOML structure the taxonomy and cue lexicon hold, argmap either refuses them with
    one line per problem (file: entry: field and what is allowed), at the CLI with one ``Error:``
    line each and exit 2, or builds a graph with them: never a traceback."""
    import tomllib

    from argmap.graph import dumps_graph, graph_from_data
    from argmap.lexicon import load_lexicon
    from argmap.taxonomy import load_taxonomy

    d = tmp_path_factory.mktemp("prop")
    n = next(_counter)
    tax_path, cues_path = d / f"tax-{n}.toml", d / f"cues-{n}.toml"
    for path, data in ((tax_path, tax), (cues_path, cues)):
        text = toml_document(data)
        tomllib.loads(text)  # the generator writes valid TOML
        path.write_text(text, encoding="utf-8")
    try:
        load_taxonomy(tax_path)
        load_lexicon(str(cues_path))
    except TaxonomyError as exc:
        event("refused with problem lines")
        lines = str(exc).splitlines()
        assert lines and all(PROBLEM_LINE.match(line) for line in lines), str(exc)
        assert {PROBLEM_LINE.match(line).group("file") for line in lines} <= {str(tax_path), str(cues_path)}
        corpus = d / "corpus"
        corpus.mkdir(exist_ok=True)
        (corpus / "a.txt").write_text(PROSE)
        r = invoke("build", str(corpus), "-o", str(d / "g.json"), "--no-render", "--no-cache",
                   "--taxonomy", str(tax_path), "--cues", str(cues_path))
        assert r.exit_code == 2 and r.stdout == "", (r.output, r.exception)
        assert r.stderr.splitlines() and all(line.startswith("Error: ") for line in r.stderr.splitlines())
        return
    event("built a graph")
    names = [p.get("label", "") for p in tax.get("proposal", [])] + [a.get("name", "") for a in tax.get("actor", [])]
    text = " ".join(f"{name} said the plan would not work." for name in names if isinstance(name, str)) + " " + PROSE
    graph = _extract_with(pipeline, tax_path, cues_path, text)
    assert graph_from_data(json.loads(dumps_graph(graph)))
