"""The DOT map: escaping (checked against the real dot binary), the map's content and style."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.export.common import clean_text
from argmap.export.dot import build_dot, dot_escape, dot_quote, html_text, to_dot, wrap

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


# ---------------------------------------------------------------- helpers (also used by test_render)

def need_dot() -> str:
    exe = shutil.which("dot")
    if exe is None:
        pytest.skip("Graphviz 'dot' is not installed (apt-get install graphviz / brew install graphviz)")
    return exe


def run_dot(text: str, fmt: str = "svg") -> bytes:
    """Run dot on DOT text; fail with dot's own message if it rejects the text."""
    proc = subprocess.run([need_dot(), f"-T{fmt}"], input=text.encode("utf-8"), capture_output=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[:2000]
    return proc.stdout


def svg_nodes(root: ET.Element) -> dict[str, ET.Element]:
    """SVG node groups by DOT node name."""
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == "node"}


def svg_tooltips(root: ET.Element) -> dict[str, str]:
    """xlink:title of every link, by xlink:href."""
    return {a.get(f"{XLINK}href"): a.get(f"{XLINK}title") for a in root.iter(f"{SVG}a")}


def node_tooltip(root: ET.Element, name: str) -> str | None:
    """The tooltip (xlink:title) Graphviz wrote for the node named ``name``."""
    for a in svg_nodes(root)[name].iter(f"{SVG}a"):
        if a.get(f"{XLINK}title"):
            return a.get(f"{XLINK}title")
    return None


def all_edges(graph) -> dict:
    """Every edge of a pydot graph and its subgraphs, by (source, destination)."""
    out = {(e.get_source(), e.get_destination()): e for e in graph.get_edge_list()}
    for sub in graph.get_subgraphs():
        out.update(all_edges(sub))
    return out


def shown(text: str) -> str:
    """What Graphviz shows for ``text``: no-break spaces and zero-width spaces normalised."""
    return text.replace("\xa0", " ").replace("\u200b", "")


# ---------------------------------------------------------------- escaping

NASTY = [
    'He said "no" \\ and \\N \\G \\l \\n twice\\',
    "line one\nline two\r\nline three\rfour",
    "<b>&amp; {braces} | pipes [brackets] AT&T &#92; &lt;",
    "non-ASCII: \u00fcber caf\u00e9 \u4e2d\u6587 \U0001f600 \u00a3100",
    "ctrl\x00\x01\x1b\x7f\x85 bell\x07",
    "\ud800 lone surrogate",
    '\\"', '"\\', "\\", '"', "", "   ",
    "x" * 10_000,
]


@pytest.mark.parametrize("text", NASTY)
def test_dot_escape_leaves_no_unescaped_quote_or_raw_newline(text):
    out = dot_escape(text)
    assert "\n" not in out and "\r" not in out
    # every double quote is preceded by a backslash that is not itself escaped
    for i, ch in enumerate(out):
        if ch == '"':
            assert out[i - 1] == "\\" and (i < 2 or out[i - 2] != "\\")
    assert not out.endswith("\\") or out.endswith('\\"')


def test_dot_escape_specifics():
    assert dot_escape('a "b"') == 'a \\"b\\"'
    assert dot_escape("a\nb") == "a\\nb"
    assert dot_escape("a\nb", newline="\\l") == "a\\lb"
    assert dot_escape("x & y") == "x &amp; y"
    assert dot_escape("a\\b") == "a\\\\\u200bb"
    assert dot_escape("bell\x07\x00") == "bell"
    assert dot_quote("q") == '"q"'


def test_html_text_escapes_markup():
    assert html_text('<B>"x" & y</B>\n') == "&lt;B&gt;&quot;x&quot; &amp; y&lt;/B&gt; "


def test_wrap_limits_width_and_lines():
    lines = wrap("word " * 100, 40, 4)
    assert len(lines) == 4 and all(len(x) <= 40 for x in lines)
    assert lines[-1].endswith("\u2026")
    assert wrap("short text") == ["short text"]
    assert all(len(x) <= 40 for x in wrap("y" * 500))


@pytest.mark.dot
def test_labels_and_tooltips_survive_dot_exactly():
    """Every nasty text, as label and tooltip, comes out of dot -Tsvg exactly as clean_text says."""
    body = "\n".join(f'n{i} [label={dot_quote(t)}, tooltip={dot_quote(t)}, URL="#n{i}"];'
                     for i, t in enumerate(NASTY))
    root = ET.fromstring(run_dot("digraph g {\n" + body + "\n}\n"))
    tips = svg_tooltips(root)
    nodes = svg_nodes(root)
    for i, t in enumerate(NASTY):
        want = shown(clean_text(t).replace("\t", " "))
        assert shown(tips[f"#n{i}"] or "") == want
        lines = [x.text or "" for x in nodes[f"n{i}"].iter(f"{SVG}text")]
        assert shown("\n".join(lines)) == "\n".join(x for x in want.split("\n") if x) or not want.strip()


text_strategy = st.lists(
    st.one_of(
        st.text(st.characters(codec=None, exclude_categories=()), max_size=20),  # anything: surrogates, controls, emoji
        st.sampled_from(list('"\\\n\r\t<>{}|[]&;#@*_/=-+:') + ["\\N", "\\G", "&amp;", "<BR/>", "\u2028"]),
    ),
    max_size=30,
).map("".join)


@pytest.mark.dot
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_strategy, min_size=1, max_size=12))
def test_property_any_text_round_trips_through_dot(texts):
    body = "\n".join(f'n{i} [label={dot_quote(t)}, tooltip={dot_quote(t)}, URL="#n{i}"];'
                     for i, t in enumerate(texts))
    root = ET.fromstring(run_dot("digraph g {\n" + body + "\n}\n"))
    tips = svg_tooltips(root)
    for i, t in enumerate(texts):
        assert shown(tips[f"#n{i}"] or "") == shown(clean_text(t).replace("\t", " "))


@pytest.mark.dot
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(claim_text=text_strategy, name=text_strategy, title=text_strategy, theme=text_strategy,
       proposal=text_strategy)
def test_property_map_with_any_text_draws(small_graph, claim_text, name, title, theme, proposal):
    """Arbitrary claim texts, actor names, document titles, theme and proposal labels never break
    the map: dot accepts it and the SVG is well-formed XML."""
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = claim_text + "x" * 50
    g.nodes["actor:jo-bloggs"]["label"] = name
    g.nodes["actor:jo-bloggs"]["role"] = title
    g.nodes["doc:doc-a"]["label"] = title
    g.nodes["theme:funding"]["label"] = theme
    g.nodes["proposal:multi-agency-child-protection-teams"]["label"] = proposal
    root = ET.fromstring(run_dot(build_dot(g).to_string()))
    assert '"claim:doc-a:1"' in build_dot(g).to_string()
    assert "claim:doc-a:1" in svg_nodes(root)


@pytest.mark.dot
def test_ten_thousand_character_claim(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = ("A very long claim \\ with \"quotes\" <and> {braces} | " * 200)[:10_000]
    dot = build_dot(g).to_string()
    root = ET.fromstring(run_dot(dot))
    tip = node_tooltip(root, "claim:doc-a:1")
    assert tip.startswith("A very long claim") and len(tip) > 9_000


# ---------------------------------------------------------------- the map

def test_map_has_clusters_legend_and_stance_colours(small_graph):
    dot = to_dot(small_graph)
    assert 'rankdir="LR"' in dot
    assert 'subgraph "cluster_p_multi-agency-child-protection-teams"' in dot
    assert 'subgraph "cluster_legend"' in dot
    assert "Legend" in dot and "Grounds (themes)" in dot and "Funding and resources" in dot
    # support edges blue with an arrow, objections vermilion with a tee
    g = build_dot(small_graph)
    edges = all_edges(g)
    sup = edges[('"claim:doc-b:1"', '"proposal:multi-agency-child-protection-teams"')]
    obj = edges[('"proposal:multi-agency-child-protection-teams"', '"claim:doc-a:1"')]
    assert sup.get("color") == '"#0072b2"' and sup.get("arrowhead") == "normal"
    assert obj.get("color") == '"#d55e00"' and obj.get("arrowtail") == "tee"


def test_map_nodes_shapes_tooltips(small_graph):
    dot = to_dot(small_graph)
    # proposals bold boxes, claims notes, people ellipses, organisations 3-D boxes
    assert '"proposal:family-help" [label=<<B>Family help services</B>' in dot
    assert 'shape=note' in dot and 'shape=ellipse' in dot and 'shape=box3d' in dot
    assert 'style="rounded,filled,bold"' in dot
    # full text, speaker and source (with the offsets) in the claim tooltip; no dangling anchors
    assert 'Source: Doc A (Test Times) - doc-a.md - chars 100-154' in dot
    assert "URL=" not in dot  # no article address known: nothing to link to
    # the themed claim is filled with its theme colour, the unthemed one white
    assert 'fillcolor="#ffffff"' in dot
    # only proposals somebody argues about are drawn
    assert "proposal:adoption-drive" not in dot


def test_actor_drawn_in_each_cluster_it_speaks_in(small_graph):
    dot = to_dot(small_graph)
    assert '"actor:basw@proposal:family-help@for"' in dot
    assert '"actor:basw@proposal:alternatively-qualified-staff@against"' in dot
    assert '"actor:basw@proposal:family-help@for" -> "claim:doc-b:3"' in dot


def test_claims_for_on_the_left_against_on_the_right(small_graph):
    g = build_dot(small_graph)
    edges = all_edges(g)
    p = '"proposal:multi-agency-child-protection-teams"'
    # support: claim -> proposal; objection laid out proposal -> claim, drawn backwards
    assert ('"claim:doc-b:1"', p) in edges
    back = edges[(p, '"claim:doc-a:1"')]
    assert back.get("dir") == "back" and back.get("arrowtail") == "tee"
    speaker = edges[('"claim:doc-a:1"', '"actor:jo-bloggs@proposal:multi-agency-child-protection-teams@against"')]
    assert speaker.get("dir") == "back"
    # the proposals share one rank: the middle of the map
    same = [sg for sg in g.get_subgraphs() if sg.get("rank") == "same"]
    assert any({n.get_name() for n in sg.get_nodes()} >= {p, '"proposal:family-help"'} for sg in same)


def test_claim_text_wrapped_and_cut(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = "word " * 200
    dot = to_dot(g)
    label = next(line for line in dot.splitlines() if line.startswith('"claim:doc-a:1"'))
    assert label.count('<BR ALIGN="LEFT"/>') == 4  # four lines, each ended
    assert "\u2026" in label


@pytest.mark.dot
def test_small_map_draws(small_graph):
    root = ET.fromstring(run_dot(to_dot(small_graph)))
    nodes = svg_nodes(root)
    assert {"claim:doc-a:1", "claim:doc-b:3", "proposal:family-help"} <= set(nodes)


def test_empty_graph_gives_a_note(small_graph):
    g = small_graph.copy()
    g.remove_nodes_from([n for n, d in small_graph.nodes(data=True) if d["kind"] == "claim"])
    dot = to_dot(g)
    assert "No claims with a proposal to show" in dot and "0 claims shown of 0" in dot


def test_large_map_is_laid_out_in_columns(small_graph):
    g = small_graph.copy()
    # 40 claims spread over four proposals: the map uses several columns of clusters
    props = ["proposal:family-help", "proposal:national-framework", "proposal:kinship-care-support",
             "proposal:adoption-drive"]
    for i in range(40):
        c = f"claim:doc-z:{i}"
        g.add_node(c, kind="claim", label=f"claim {i}", text=f"claim number {i}", document="doc-a",
                   start=i, end=i + 5, stance="object" if i % 2 else "support", speaker="actor:basw",
                   targets=[props[i % 4]], themes=[])
    dot = to_dot(g)
    assert "rank=same" in dot and "style=invis" in dot
