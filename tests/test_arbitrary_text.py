"""Property tests: any text in claims, names, titles and labels survives every output format.

Graphs are built with :func:`argmap.graph.build_graph` from DocResults whose texts, names,
roles, titles and candidate labels are arbitrary text (quotes, backslashes, newlines, angle
brackets, control characters, right-to-left marks, emoji, very long strings). Each format is
read back with an independent reader and compared with what the format promises to keep:

- JSON (argmap's own graph file): everything, exactly;
- GraphML (networkx's reader): every attribute, with characters XML cannot carry removed;
- CSV (the csv module): every claim row, formula-looking cells behind an apostrophe;
- Argdown (parsed here by its line grammar): every claim defined once, its text unescaped back;
- AIF (json, our validator and arguebuf): every claim an I-node with its text on one line;
- the query commands' text and --json output.

The DOT format has its own property tests (tests/test_export_dot.py). Lone surrogates are left
out: argmap decodes every input strictly, so none can reach a graph.
"""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import cli
from argmap.export import export_text
from argmap.export.aif import validate_aif
from argmap.export.common import clean_text
from argmap.export.csv_format import COLUMNS, FORMULA_START
from argmap.export.graphml import flatten_value
from argmap.graph import build_graph, dumps_graph, read_graph, write_graph
from argmap.model import Actor, ActorType, Claim, DocResult, Stance

AWKWARD = ['"', "'", "\\", "\\n", "\n", "\r\n", "\r", "<", ">", "&", "&amp;", "<br/>", "\x00", "\x1b[31m",
           "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u202e", "\u200b", "{", "}", "[", "]", "#", "@",
           "=", "+", "-", "*", "_", "/", "|", "\t", "//", "#(", "]: ", "---", "\U0001f600", "\ufffe",
           "=cmd|' /C calc'!A0", "  "]
text = st.lists(st.one_of(st.text(st.characters(codec="utf-8"), max_size=12), st.sampled_from(AWKWARD)),
                max_size=10).map("".join)
LONG = ('A "long" claim \\ with <angle> brackets, {braces} and [links]\n' * 2000)[:100_000]


@st.composite
def graphs(draw, claim_text=text, name=text):
    """A graph over the shipped taxonomy whose free text is arbitrary."""
    from argmap.taxonomy import load_taxonomy

    tax = load_taxonomy()
    proposals, themes = sorted(tax.proposals), sorted(tax.themes)
    results = []
    for d in range(draw(st.integers(1, 2))):
        doc_id = f"doc-{d}"
        actors = [Actor(f"actor-{d}-{i}", draw(name), draw(st.sampled_from(list(ActorType))),
                        tuple(draw(st.lists(name, max_size=2))), role=draw(st.none() | name))
                  for i in range(draw(st.integers(0, 3)))]
        claims = []
        for n in range(1, draw(st.integers(1, 4)) + 1):
            body = draw(claim_text)
            claims.append(Claim(
                id=f"claim:{doc_id}:{n}", doc_id=doc_id, text=body, start=n * 10, end=n * 10 + len(body),
                speaker=draw(st.sampled_from([None, *(a.id for a in actors)])),
                stance=draw(st.sampled_from(list(Stance))),
                targets=tuple(draw(st.lists(st.sampled_from(proposals), max_size=2, unique=True))),
                themes=tuple(draw(st.lists(st.sampled_from(themes), max_size=2, unique=True))),
                attribution=draw(name), stance_cues=tuple(draw(st.lists(name, max_size=2))),
                rule="property", quoted=draw(st.booleans())))
        candidates = tuple({"id": f"cand-{d}-{i}", "label": draw(name)} for i in range(draw(st.integers(0, 1))))
        meta = {"id": doc_id, "path": draw(name) or "x.txt", "sha256": "0" * 64, "title": draw(name),
                "outlet": draw(st.none() | name), "author": draw(st.none() | name), "encoding": "utf-8",
                "notes": draw(st.lists(name, max_size=2))}
        results.append(DocResult(meta, tuple(actors), tuple(claims), candidates))
    return build_graph(results, tax, meta={"model": "property", "skipped": [
        {"path": draw(name), "reason": draw(name)}]})


def _claims(g: nx.MultiDiGraph) -> dict[str, dict]:
    return {n: d for n, d in g.nodes(data=True) if d["kind"] == "claim"}


def _one_line(value) -> str:
    return " ".join(clean_text(value).split())


PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@PROPERTY
@given(g=graphs())
def test_json_round_trips_exactly(g, tmp_path):
    path = tmp_path / "g.json"
    write_graph(g, path)
    h = read_graph(path)
    assert dict(h.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted(h.edges(keys=True, data=True)) == sorted(g.edges(keys=True, data=True))
    assert h.graph == g.graph
    assert dumps_graph(h) == path.read_text(encoding="utf-8")  # and writes back the same bytes
    assert json.loads(export_text(g, "json")) == json.loads(path.read_text(encoding="utf-8"))


@PROPERTY
@given(g=graphs())
def test_graphml_keeps_every_attribute(g):
    h = nx.read_graphml(io.BytesIO(export_text(g, "graphml").encode("utf-8")), force_multigraph=True)
    assert set(h.nodes) == set(g.nodes)
    for n, d in g.nodes(data=True):
        for key, value in d.items():
            flat = flatten_value(value)
            if flat is None:
                assert key not in h.nodes[n]
            elif isinstance(flat, str):
                assert h.nodes[n].get(key, "") == flat, (n, key)
            else:
                assert h.nodes[n][key] == flat, (n, key)
    assert sorted((u, v, k) for u, v, k in h.edges(keys=True)) == sorted(g.edges(keys=True))


@PROPERTY
@given(g=graphs())
def test_csv_rows_read_back(g):
    rows = list(csv.reader(io.StringIO(export_text(g, "csv"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    body = {r[0]: dict(zip(COLUMNS, r)) for r in rows[1:]}
    claims = _claims(g)
    assert set(body) == set(claims) and len(rows) - 1 == len(claims)
    for n, d in claims.items():
        want = clean_text(d["text"])
        if want.startswith(FORMULA_START):
            want = "'" + want
        assert body[n]["text"] == want
        speaker = d["speaker"]
        name = clean_text(g.nodes[speaker]["label"]) if speaker else ""
        if name.startswith(FORMULA_START):
            name = "'" + name
        if not speaker or g.nodes[speaker]["label"].strip():
            assert body[n]["actor_name"] == name
        assert int(body[n]["start"]) == d["start"] and body[n]["stance"] == d["stance"]


_STATEMENT = re.compile(r"^(?:  [+-] )?\[(?P<title>[^\]]+)\](?:: (?P<rest>.*))?$")
_TAG = re.compile(r" #(?:\([^)]*\)|[\w-]+)$")  # #(a tag) or #tag


def _strip_tags(rest: str) -> str:
    while _TAG.search(rest):
        rest = _TAG.sub("", rest)
    return rest


def _argdown_definitions(doc: str) -> list[list[str]]:
    """For every statement definition (``[title]: text #(tags) (about: ...)``), the readings of
    its text: tags removed, and also the neutral-claim note removed when the line ends like one."""
    out = []
    for line in doc.splitlines():
        m = _STATEMENT.match(line)
        if m and m.group("rest") is not None:
            rest = m.group("rest")
            readings = [_strip_tags(rest)]
            cut = rest.rfind(" (about: ")
            if cut >= 0 and rest.endswith(")"):
                readings.append(_strip_tags(rest[:cut]))
            out.append(readings)
    return out


def _argdown_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _unescaped_syntax(raw: str) -> bool:
    return re.search(r"(?<!\\)[\[\]<>#]", raw.replace("\\\\", "")) is not None


def check_argdown(g: nx.MultiDiGraph) -> None:
    doc = export_text(g, "argdown")
    for line in doc.splitlines():  # only the grammar argmap writes, whatever the text
        assert (line in ("", "===") or line.startswith(("title: ", "subTitle: ", "// ", "# "))
                or _STATEMENT.match(line)), repr(line)
    definitions = _argdown_definitions(doc)
    for readings in definitions:  # no unescaped Argdown syntax inside a text
        assert not all(_unescaped_syntax(r) for r in readings), readings
    texts = {_argdown_unescape(r) for readings in definitions for r in readings}
    for n, d in _claims(g).items():
        want = _one_line(d["text"] or d["label"] or "")
        assert want in texts, (n, want)


@PROPERTY
@given(g=graphs())
def test_argdown_defines_every_claim_and_its_text_unescapes_back(g):
    check_argdown(g)


@PROPERTY
@given(g=graphs())
def test_aif_is_valid_json_with_every_claim_text(g):
    data = json.loads(export_text(g, "aif"))
    assert validate_aif(data) == []
    i_texts = [n["text"] for n in data["nodes"] if n["type"] == "I"]
    for d in _claims(g).values():
        assert " ".join(str(d["text"] or d["label"]).split()) in i_texts or not d["text"].strip()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(g=graphs())
def test_arguebuf_loads_the_aif_whatever_the_text(g):
    arguebuf = pytest.importorskip("arguebuf")
    data = json.loads(export_text(g, "aif"))
    loaded = arguebuf.load.aif(data)
    assert len(loaded.atom_nodes) == sum(1 for n in data["nodes"] if n["type"] == "I")


@PROPERTY
@given(g=graphs())
def test_query_output_carries_any_label(g, tmp_path):
    path = tmp_path / "g.json"
    write_graph(g, path)
    runner = CliRunner()
    for command in (["actors"], ["proposals", "--candidates"], ["themes"], ["contested"]):
        text_out = runner.invoke(cli, [*command, "-g", str(path)])
        assert text_out.exit_code == 0, text_out.output
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text_out.stdout)  # control characters escaped
        json_out = runner.invoke(cli, [*command, "--json", "-g", str(path)])
        assert json_out.exit_code == 0, json_out.output
        json.loads(json_out.stdout)
    rows = {a["id"]: a for a in json.loads(runner.invoke(cli, ["actors", "--json", "-g", str(path)]).stdout)}
    for n, d in g.nodes(data=True):
        if d["kind"] == "actor":
            assert rows[n]["name"] == (d.get("name") or d.get("label") or n)


def test_very_long_text_in_every_format(tmp_path):
    from argmap.taxonomy import load_taxonomy

    speaker = Actor("speaker", LONG, ActorType.PERSON, role=LONG)
    claim = Claim(id="claim:doc-0:1", doc_id="doc-0", text=LONG, start=0, end=len(LONG), speaker="speaker",
                  stance=Stance.OBJECT, targets=("family-help",), themes=("funding",), attribution="said")
    meta = {"id": "doc-0", "path": "long.txt", "sha256": "0" * 64, "title": LONG, "encoding": "utf-8"}
    g = build_graph([DocResult(meta, (speaker,), (claim,))], load_taxonomy())
    path = tmp_path / "g.json"
    write_graph(g, path)
    assert read_graph(path).nodes["claim:doc-0:1"]["text"] == LONG
    h = nx.read_graphml(io.BytesIO(export_text(g, "graphml").encode()), force_multigraph=True)
    assert h.nodes["claim:doc-0:1"]["text"] == clean_text(LONG)
    rows = list(csv.reader(io.StringIO(export_text(g, "csv"), newline="")))
    assert rows[1][COLUMNS.index("text")] == LONG
    check_argdown(g)
    aif = json.loads(export_text(g, "aif"))
    assert validate_aif(aif) == [] and _one_line(LONG) in [n["text"] for n in aif["nodes"]]
