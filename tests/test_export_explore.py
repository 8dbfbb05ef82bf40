"""The explorer's data and page (argmap.export.explore), its evidence and layout helpers, the
article reader it uses, and `argmap explore` on the command line. The page itself is tested in a
real browser in test_explore_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap import queries
from argmap.cli import cli
from argmap.errors import QueryError
from argmap.export import explore
from argmap.export.evidence import cue_marks, paragraph_bounds
from argmap.export.layout import components, force_layout, remove_overlaps
from argmap.export.sources import document_texts
from argmap.graph import build_graph, write_graph
from argmap.model import Actor, ActorType, Claim, DocResult, Stance
from conftest import ROOT


def page_data(html: str) -> dict:
    """The data embedded in a written page."""
    m = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', html, re.S)
    assert m, "no data element"
    return json.loads(m.group(1))


# ---------------------------------------------------------------- the data is the queries' answers

def test_proposal_panel_holds_the_query_answers(small_graph):
    data = explore.explorer_data(small_graph)
    p = "proposal:multi-agency-child-protection-teams"
    panel = data["panels"][p]
    expect = queries.objectors(small_graph, p)
    assert [a["id"] for a in panel["objectors"]["actors"]] == [a["id"] for a in expect["actors"]]
    assert panel["objectors"]["actors"][0]["claims"] == [c["id"] for c in expect["actors"][0]["claims"]]
    grounds = queries.objections(small_graph, p)["grounds"]
    assert [(g["id"], g["claims"]) for g in panel["objections"]["grounds"]] == \
        [(g["id"], [c["id"] for c in g["claims"]]) for g in grounds]
    assert [a["id"] for a in panel["supporters"]["actors"]] == ["actor:sam-o-neil"]
    # O'Neil is on both sides: the answer says so, as the CLI does
    assert {a["id"]: a["mixed"] for a in panel["objectors"]["actors"]} == {"actor:jo-bloggs": False,
                                                                           "actor:sam-o-neil": True}
    # supporters grouped by ground, in the shape of objections()
    assert panel["support_grounds"] == [{"id": None, "label": "no ground stated",
                                         "actors": ["actor:sam-o-neil"], "claims": ["claim:doc-b:1"]}]
    row = next(r for r in queries.contested(small_graph) if r["id"] == p)
    assert panel["contested"] == {**row, "grounds": [g["id"] for g in row["grounds"]]}


def test_actor_panel_is_positions(small_graph):
    data = explore.explorer_data(small_graph)
    panel = data["panels"]["actor:basw"]
    answer = queries.positions(small_graph, "actor:basw")["actors"][0]
    assert [r["id"] for r in panel["positions"]["positions"]] == [r["id"] for r in answer["positions"]]
    assert panel["positions"]["positions"][0]["claims"] == [c["id"] for c in answer["positions"][0]["claims"]]
    assert panel["summary"]["claims"] == 2
    jo = data["panels"]["actor:jo-bloggs"]["positions"]
    assert jo["affiliation"] == "actor:union-of-carers"


def test_claims_carry_their_explain_record(small_graph):
    data = explore.explorer_data(small_graph)
    c = data["claims"]["claim:doc-a:1"]
    e = queries.explain(small_graph, "claim:doc-a:1")
    assert c["text"] == e["text"] and c["location"] == e["location"] and c["rule"] == e["rule"]
    assert c["speaker"] == "actor:jo-bloggs" and c["document"] == "doc-a"
    assert c["targets"] == ["proposal:multi-agency-child-protection-teams"] and c["themes"] == ["theme:funding"]
    assert c["on"] == [["proposal:multi-agency-child-protection-teams", "object"]]
    assert c["stance_cues"] == ["without new money"] and c["quoted"] is True
    assert "context" not in c  # no article text given


def test_nodes_and_home(small_graph):
    data = explore.explorer_data(small_graph)
    assert data["nodes"]["doc:doc-a"] == {"kind": "document", "label": "Doc A", "outlet": "Test Times", "path": "doc-a.md"}
    assert data["nodes"]["actor:basw"]["aliases"] == ["BASW"]
    assert data["home"]["contested"][0]["id"] == queries.contested(small_graph)[0]["id"]
    assert data["home"]["actors"][0] == queries.list_actors(small_graph)[0]["id"]
    kinds = [d["kind"] for _, d in small_graph.nodes(data=True)]
    assert data["meta"]["counts"] == {k: kinds.count(k) for k in ("document", "actor", "claim", "proposal", "theme")}
    assert data["meta"]["counts"]["claim"] == 6
    # every node drawn on the whole map has a position
    nodes, edges = explore.overview_network(queries.index_of(small_graph))
    assert set(data["layout"]) == set(nodes)
    assert ("actor:basw", "proposal:family-help", 1.0) in edges
    assert ("theme:funding", "proposal:multi-agency-child-protection-teams", 1.0) in edges


def test_the_data_works_from_an_index_as_from_a_graph(small_graph, small_graph_file):
    a = explore.explorer_data(small_graph)
    b = explore.explorer_data(queries.load_index(small_graph_file))
    a["meta"].pop("built_at"), b["meta"].pop("built_at")
    assert a == b


def test_paragraph_and_cue_marks_from_the_article_text(small_graph):
    text = "x" * 100 + 'Bloggs said the teams "cannot work without new money".' + " More.\nNext paragraph."
    data = explore.explorer_data(small_graph, texts={"doc:doc-a": text}, missing={"doc:doc-b": "doc-b.md not found"})
    c = data["claims"]["claim:doc-a:1"]
    para = data["paragraphs"][c["context"]["paragraph"]]
    assert para[c["context"]["start"]:c["context"]["end"]] == c["text"]
    assert para.endswith("More.")  # the paragraph ends at the line break
    marked = [(para[a:b], kind) for a, b, kind in c["context"]["marks"]]
    assert ("without new money", "stance") in marked
    assert ("said", "attribution") not in marked  # the attribution is "says": only its regular forms
    assert "context" not in data["claims"]["claim:doc-b:1"]
    assert data["meta"]["missing_texts"] == {"doc:doc-b": "doc-b.md not found"}


def test_start_node(small_graph, monkeypatch):
    assert explore.explorer_data(small_graph)["meta"]["start"] is None  # small: the whole map
    assert explore.explorer_data(small_graph, focus="BASW")["meta"]["start"] == "actor:basw"
    assert explore.explorer_data(small_graph, focus="proposal:family-help")["meta"]["start"] == "proposal:family-help"
    with pytest.raises(QueryError, match="no proposal or theme or actor or document matches"):
        explore.explorer_data(small_graph, focus="zzzz qqqq")
    monkeypatch.setattr(explore, "OVERVIEW_LIMIT", 3)
    top = queries.contested(small_graph)[0]["id"]
    assert explore.explorer_data(small_graph)["meta"]["start"] == top


# ---------------------------------------------------------------- the page

def test_page_is_self_contained_with_a_strict_policy(small_graph):
    html = explore.to_html(small_graph)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)  # nothing to fetch
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    script = re.findall(r"<script>(.*?)</script>", html, re.S)
    style = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(script) == 1 and len(style) == 1

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {digest(script[0])}" in csp and f"style-src {digest(style[0])}" in csp
    data = page_data(html)
    assert data["version"] == explore.DATA_VERSION and data["claims"].keys() == explore.explorer_data(small_graph)["claims"].keys()


def test_hostile_text_cannot_end_the_data_element(taxonomy):
    evil = 'He said "</script><script>alert(1)</script><!--" was fine.'
    doc = {"id": "d", "path": "d.md", "sha256": "c" * 64, "title": "</title><script>x</script>"}
    claim = Claim(id="claim:d:1", doc_id="d", text=evil, start=0, end=len(evil), speaker="x", stance=Stance.OBJECT,
                  targets=("family-help",))
    g = build_graph([DocResult(doc, (Actor("x", "X </script>", ActorType.PERSON),), (claim,))], taxonomy)
    html = explore.to_html(g, title="A <b>title</b> & more")
    assert html.count("</script>") == 2  # the data element's and the script's own
    assert "<title>A &lt;b&gt;title&lt;/b&gt; &amp; more</title>" in html
    data = page_data(html)
    assert data["claims"]["claim:d:1"]["text"] == evil and data["nodes"]["actor:x"]["label"] == "X </script>"


def test_page_is_deterministic(small_graph):
    assert explore.to_html(small_graph) == explore.to_html(small_graph)


def test_empty_graph_gives_a_page(taxonomy):
    html = explore.to_html(build_graph([], taxonomy))
    data = page_data(html)
    assert data["claims"] == {} and data["layout"] == {} and data["meta"]["start"] is None


# ---------------------------------------------------------------- evidence helpers

def test_paragraph_bounds():
    text = "Title\n\nFirst sentence. Second sentence here.\nNext"
    start = text.index("Second")
    a, b = paragraph_bounds(text, start, start + len("Second sentence here."))
    assert text[a:b] == "First sentence. Second sentence here."
    long = "word " * 400 + "TARGET." + " word" * 400
    s = long.index("TARGET")
    a, b = paragraph_bounds(long, s, s + 7, limit=50)
    assert s - a <= 50 and b - (s + 7) <= 50 and long[a:b].startswith("word") and long[a:b].endswith("word")
    assert paragraph_bounds("abc", 10, 20) == (0, 3)  # offsets past the end are clamped


def test_cue_marks_kinds_and_forms():
    ctx = "Earlier text. The union argued that family help teams lack funding, she argues."
    s0 = ctx.index("The union")
    s1 = ctx.index(", she")
    claim = {"stance_cues": ["lack (absence)", "listed among its proposals"],
             "target_cues": ["named: family help", "context: Earlier text"], "attribution": "argue"}
    marks = [(ctx[a:b], k) for a, b, k in cue_marks(ctx, (s0, s1), claim)]
    assert marks == [("argued", "attribution"), ("family help", "target"), ("lack", "stance")]


def test_cue_marks_ignore_non_words_and_keep_marks_apart():
    ctx = "Councils said the plan lacks a plan."
    claim = {"stance_cues": ["lacks a plan", "plan"], "target_cues": ["named: the plan"], "attribution": "author"}
    marks = [(ctx[a:b], k) for a, b, k in cue_marks(ctx, (0, len(ctx)), claim)]
    assert marks == [("the plan", "target"), ("lacks a plan", "stance")]  # overlapping "plan" dropped
    assert cue_marks(ctx, (0, len(ctx)), {"stance_cues": ["planned"]}) == []  # whole words only
    assert cue_marks(ctx, (0, 5), {"attribution": "say"}) == []  # "said" is not a regular form of "say"


# ---------------------------------------------------------------- layout

def test_force_layout_is_deterministic_and_separates_nodes():
    nodes = [f"n{i}" for i in range(12)]
    edges = [(f"n{i}", f"n{(i + 1) % 12}", 1.0) for i in range(12)] + [("n0", "n6", 3.0)]
    boxes = {n: (40.0, 12.0) for n in nodes}
    a = force_layout(nodes, edges, boxes=boxes)
    assert a == force_layout(nodes, edges, boxes=boxes)
    for i, u in enumerate(nodes):
        for v in nodes[i + 1:]:
            dx, dy = abs(a[u][0] - a[v][0]), abs(a[u][1] - a[v][1])
            assert dx >= 80 or dy >= 24, (u, v, a[u], a[v])


def test_force_layout_packs_separate_pieces_near_each_other():
    pos = force_layout(["a", "b", "c", "d", "e"], [("a", "b", 1.0), ("b", "c", 1.0), ("d", "e", 1.0)])
    assert components(["a", "b", "c", "d", "e"], [("a", "b", 1), ("b", "c", 1), ("d", "e", 1)]) == [["a", "b", "c"], ["d", "e"]]
    span = max(max(abs(x), abs(y)) for x, y in pos.values())
    assert span < 600  # the lone pair is not flung away
    assert force_layout([], []) == {} and force_layout(["x"], []) == {"x": (0.0, 0.0)}


def test_remove_overlaps():
    import numpy as np

    pos = remove_overlaps(np.zeros((3, 2)), np.full((3, 2), 10.0))
    d = np.abs(pos[:, None, :] - pos[None, :, :])
    clash = (d[:, :, 0] < 20) & (d[:, :, 1] < 20)
    np.fill_diagonal(clash, False)
    assert not clash.any()


# ---------------------------------------------------------------- reading the articles

def _results_for(path, text, taxonomy):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    start = text.index("Councils")
    sentence = "Councils warned the plan lacks funding."
    claim = Claim(id="claim:art:1", doc_id="art", text=sentence, start=start, end=start + len(sentence),
                  speaker="lga", stance=Stance.OBJECT, targets=("family-help",), themes=("funding",),
                  stance_cues=("lacks",), attribution="warn")
    doc = {"id": "art", "path": str(path), "sha256": digest, "title": "Art"}
    return build_graph([DocResult(doc, (Actor("lga", "Local Government Association", ActorType.ORGANISATION),),
                                  (claim,))], taxonomy)


def test_document_texts_by_path_by_content_and_changed(tmp_path, taxonomy):
    text = "Title line\n\nIntro words here. Councils warned the plan lacks funding. More after.\n"
    art = tmp_path / "corpus" / "art.txt"
    art.parent.mkdir()
    art.write_text(text, encoding="utf-8")
    g = _results_for(art, text, taxonomy)
    docs = {"doc:art": g.nodes["doc:art"]}
    texts, missing = document_texts(docs)
    assert texts == {"doc:art": text} and missing == {}
    # the corpus moved: found by its bytes under --corpus
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    art.rename(moved)
    texts, missing = document_texts(docs)
    assert texts == {} and "not found" in missing["doc:art"]
    texts, missing = document_texts(docs, search=[tmp_path / "elsewhere"])
    assert texts == {"doc:art": text}
    # changed since the build
    moved.write_text(text.replace("More", "Less"), encoding="utf-8")
    art.write_text(text.replace("More", "Less"), encoding="utf-8")
    texts, missing = document_texts(docs, search=[tmp_path / "elsewhere"])
    assert texts == {} and "has changed since the graph was built" in missing["doc:art"]


# ---------------------------------------------------------------- argmap explore

@pytest.fixture()
def runner():
    return CliRunner()


def test_cli_explore_writes_the_page_with_paragraphs(runner, tmp_path, taxonomy):
    text = "Title line\n\nIntro words here. Councils warned the plan lacks funding. More after.\n"
    art = tmp_path / "art.txt"
    art.write_text(text, encoding="utf-8")
    graph = tmp_path / "g.json"
    write_graph(_results_for(art, text, taxonomy), graph)
    result = runner.invoke(cli, ["explore", "-g", str(graph)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "g.html"
    assert result.output.startswith(f"wrote {out} (") and "1 claims" in result.output
    assert "opens on the whole map" in result.output
    c = page_data(out.read_text(encoding="utf-8"))["claims"]["claim:art:1"]
    assert c["context"]["start"] == len("Intro words here. ")
    assert [m[2] for m in c["context"]["marks"]] == ["attribution", "stance"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_cli_explore_notes_missing_articles_and_focus(runner, small_graph_file, tmp_path):
    out = tmp_path / "x" / "page.html"
    result = runner.invoke(cli, ["explore", "-g", str(small_graph_file), "-o", str(out), "--focus", "family help",
                                 "--title", "Test debate"])
    assert result.exit_code == 0, result.output
    assert "opens on Family help services [proposal:family-help]" in result.output
    assert "note: 2 of 2 articles not found or changed since the build" in result.output
    html = out.read_text(encoding="utf-8")
    assert "<title>Test debate</title>" in html and page_data(html)["meta"]["start"] == "proposal:family-help"


@pytest.mark.parametrize("args, message", [
    (["--focus", "zzzz qqqq"], "Error: no proposal or theme or actor or document matches 'zzzz qqqq'"),
    (["-o", "{graph}"], "Error: the output {graph} is the graph file; choose another -o"),
])
def test_cli_explore_errors_are_one_line(runner, small_graph_file, args, message):
    args = [a.format(graph=small_graph_file) for a in args]
    before = small_graph_file.read_bytes()
    result = runner.invoke(cli, ["explore", "-g", str(small_graph_file), *args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message.format(graph=small_graph_file)), result.output
    assert small_graph_file.read_bytes() == before


def test_cli_explore_missing_graph(runner, tmp_path):
    result = runner.invoke(cli, ["explore", "-g", str(tmp_path / "none.json")])
    assert result.exit_code == 2 and result.output.startswith("Error: graph file")


def test_explore_does_not_import_spacy(small_graph_file, tmp_path):
    code = ("import sys; from argmap.cli import cli; "
            f"cli.main(['explore', '-g', {str(small_graph_file)!r}, '-o', {str(tmp_path / 'p.html')!r}], standalone_mode=False); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- the actor network and the timeline

def test_network_view_is_the_congruence_network_and_its_coalitions(small_graph):
    from argmap import networks

    data = explore.explorer_data(small_graph)
    view = data["network"]
    net = networks.actor_network(small_graph, "congruence")
    assert set(view["nodes"]) == set(net.nodes) == set(view["layout"])
    assert {(e["a"], e["b"], e["weight"]) for e in view["edges"]} == \
        {(a, b, float(d["weight"])) for a, b, d in net.edges(data=True)}
    groups = networks.coalitions(net)
    assert [c["members"] for c in view["coalitions"]] == [list(c.members) for c in groups]
    of = networks.coalition_of(groups)
    assert all(v["coalition"] == of.get(n, 0) for n, v in view["nodes"].items())
    assert view["polarisation"] == networks.polarisation(small_graph, groups).to_dict()


def test_no_timeline_without_dates_and_one_with_them(small_graph, taxonomy):
    from argmap import timeline
    from conftest import small_results

    assert explore.explorer_data(small_graph)["timeline"] is None  # the hand-built documents have no date
    dated = [DocResult({**r.doc, "date": day}, r.actors, r.claims)
             for r, day in zip(small_results(), ("2025-01-10", "2025-03-02"), strict=True)]
    g = build_graph(dated, taxonomy)
    view = explore.explorer_data(g)["timeline"]
    p = "proposal:multi-agency-child-protection-teams"
    expect = timeline.timeline(g, p)
    assert [(m["month"], m["supporters"], m["objectors"]) for m in view["proposals"][p]["months"]] == \
        [(r.month, list(r.supporters), list(r.objectors)) for r in expect.rows]
    assert view["proposals"][p]["months"][0]["month"] == "2025-01" and len(view["proposals"][p]["months"]) == 3


def test_no_network_when_nobody_agrees(taxonomy):
    a = Claim(id="claim:d:1", doc_id="d", text="A backs it.", start=0, end=11, speaker="a", stance=Stance.SUPPORT,
              targets=("family-help",))
    g = build_graph([DocResult({"id": "d", "path": "d.md", "sha256": "0" * 64},
                               (Actor("a", "A", ActorType.PERSON),), (a,))], taxonomy)
    assert explore.explorer_data(g)["network"] is None
