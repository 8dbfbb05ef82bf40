"""Maps stay readable at any size: an index above the size limit, colour-blind-safe grounds,
legend labels in full, badges with full totals, links that lead somewhere, Graphviz's warnings
passed on."""

from __future__ import annotations

import itertools
import struct
import xml.etree.ElementTree as ET

import pytest

from argmap.export.dot import (
    MAP_MAX_CLAIMS,
    NO_THEME_FILL,
    OTHER_THEME_FILL,
    THEME_PALETTE,
    build_dot,
    to_dot,
)
from argmap.graph import build_graph
from argmap.model import Actor, ActorType, Claim, DocResult, Stance
from test_export_dot import SVG, XLINK, need_dot, node_tooltip, run_dot, svg_nodes

TEAMS = "proposal:multi-agency-child-protection-teams"
THEMES = ("funding", "evaluation", "dilution-of-social-work", "legal-protections", "multi-agency-capacity",
          "early-intervention", "care-experienced-voice", "profit-and-markets", "workforce",
          "local-accountability")
PROPOSALS = ("family-help", "multi-agency-child-protection-teams", "alternatively-qualified-staff",
             "kinship-care-support", "regional-care-cooperatives", "pathfinder-rollout")


def big_graph(taxonomy, n_docs: int = 40, per_doc: int = 6):
    """A graph of ``n_docs * per_doc`` claims spread over six proposals and ten grounds."""
    results = []
    for d in range(n_docs):
        doc = f"doc-{d:03d}"
        actors = (Actor(f"person-{d % 25}", f"Person {d % 25}", ActorType.PERSON, ()),)
        claims = []
        for n in range(per_doc):
            k = d * per_doc + n
            stance = (Stance.SUPPORT, Stance.OBJECT, Stance.NEUTRAL)[k % 3]
            claims.append(Claim(
                id=f"claim:{doc}:{n}", doc_id=doc, text=f"Claim {k} about the reform, said at some length.",
                start=n * 100, end=n * 100 + 40, speaker=actors[0].id, stance=stance,
                targets=(PROPOSALS[k % len(PROPOSALS)],), themes=(THEMES[(k // 7) % len(THEMES)],),
                attribution="said", stance_cues=(), rule="hand-built", quoted=False))
        meta = {"id": doc, "path": f"{doc}.md", "sha256": "0" * 64, "title": f"Doc {d}"}
        results.append(DocResult(meta, actors, tuple(claims)))
    return build_graph(results, taxonomy, meta={"model": "hand-built"})


# ---------------------------------------------------------------- size

def test_a_large_overview_becomes_an_index_of_proposals_and_says_how_to_focus(taxonomy):
    g = big_graph(taxonomy)
    notes: list[str] = []
    dot = build_dot(g, on_note=notes.append).to_string()
    assert "claim:" not in dot  # no claim drawn one by one
    for p in PROPOSALS:
        assert f'"proposal:{p}"' in dot
    assert "top grounds:" in dot and "actors &#183; " in dot
    (note,) = notes
    assert note.startswith(f"240 claims are more than the {MAP_MAX_CLAIMS} a map shows one by one")
    assert "argmap render --focus" in note and "\n" not in note


def test_the_index_counts_and_grounds_are_right(taxonomy):
    from argmap.export.index_map import proposal_summaries
    from argmap.export.select import select_claims

    g = big_graph(taxonomy)
    rows = {r["id"]: r for r in proposal_summaries(g, select_claims(g).claims)}
    assert sum(r["claims"] for r in rows.values()) == 240
    fh = rows["proposal:family-help"]
    assert fh["claims"] == 40 and sum(fh["stances"].values()) == 40 and len(fh["documents"]) == 40
    dot = build_dot(g).to_string()
    top, n = fh["grounds"].most_common(1)[0]
    assert f"{g.nodes[top]['label']} ({n})" in dot  # the ground's full name and count


def test_a_small_map_is_drawn_claim_by_claim(small_graph):
    notes: list[str] = []
    dot = build_dot(small_graph, on_note=notes.append).to_string()
    assert '"claim:doc-a:1"' in dot and notes == []


def test_a_large_focused_map_draws_the_limit_and_says_so(taxonomy):
    g = big_graph(taxonomy, n_docs=100)  # 100 claims on each proposal
    notes: list[str] = []
    dot = build_dot(g, focus="family help", on_note=notes.append).to_string()
    assert dot.count('shape=note') == MAP_MAX_CLAIMS
    assert notes and notes[0].startswith(f"100 claims match, more than the {MAP_MAX_CLAIMS}")
    assert f"{MAP_MAX_CLAIMS} of 100 claims drawn" in dot
    assert build_dot(g, focus="family help", max_claims=100).to_string().count("shape=note") == 100


@pytest.mark.dot
def test_the_overview_of_a_large_corpus_is_a_picture_of_readable_size(taxonomy, tmp_path):
    from argmap.export.render import render

    g = big_graph(taxonomy, n_docs=400)  # 2,400 claims
    png = render(build_dot(g), tmp_path / "index.png")
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    assert width < 3000 and height < 3000, (width, height)


# ---------------------------------------------------------------- badges

def test_badges_show_full_totals_and_note_the_drawn_subset(small_graph):
    dot = to_dot(small_graph)
    assert "1 for</FONT> &#183; " in dot and "2 against</FONT>" in dot
    assert "claims drawn" not in dot  # everything is drawn
    dot = build_dot(small_graph, stance="object").to_string()
    teams = dot[dot.index(f'"{TEAMS}" [label='):]
    teams = teams[:teams.index("\n")]
    assert "1 for</FONT>" in teams and "2 against</FONT>" in teams  # the totals, not the drawn subset
    assert "2 of 3 claims drawn" in teams


# ---------------------------------------------------------------- colours and legend

def _lab(rgb_linear: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb_linear
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
               0.0193 * r + 0.1192 * g + 0.9505 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


#: Machado, Oliveira and Fernandes (2009) simulation matrices, full severity, linear RGB
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _seen(colour: str, vision: str | None) -> tuple[float, float, float]:
    def linear(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5)]
    if vision:
        rgb = [min(max(sum(m * c for m, c in zip(row, rgb)), 0.0), 1.0) for row in CVD[vision]]
    return _lab(rgb)


@pytest.mark.parametrize("vision", [None, *CVD])
def test_ground_colours_can_be_told_apart_with_any_colour_vision(vision):
    fills = [*THEME_PALETTE, OTHER_THEME_FILL, NO_THEME_FILL]
    worst = min((sum((x - y) ** 2 for x, y in zip(_seen(a, vision), _seen(b, vision))) ** 0.5, a, b)
                for a, b in itertools.combinations(fills, 2))
    assert worst[0] >= 10, worst  # CIE76 colour difference; the old palette had pairs at 1.5


def test_more_grounds_than_colours_share_one_hatched_grey(taxonomy):
    g = big_graph(taxonomy, n_docs=10)  # 60 claims on ten grounds: two beyond the palette
    dot = to_dot(g)
    assert len(THEME_PALETTE) < len(THEMES)
    assert 'style="filled,diagonals"' in dot and f'fillcolor="{OTHER_THEME_FILL}"' in dot
    assert "other grounds (grey, hatched corners):" in dot


def test_legend_labels_are_in_full(small_graph):
    g = small_graph.copy()
    long_label = "Workforce pressure, caseloads and working conditions of every children's social worker"
    g.nodes["theme:funding"]["label"] = long_label
    dot = to_dot(g)
    legend = dot[dot.index('subgraph "cluster_legend"'):]
    words = [w for w in legend.replace('<BR ALIGN="LEFT"/>', " ").split()]
    assert " ".join(long_label.split()) in " ".join(words)
    assert "\u2026" not in legend


# ---------------------------------------------------------------- links and warnings

@pytest.mark.dot
def test_svg_links_lead_somewhere(small_graph):
    g = small_graph.copy()
    g.nodes["doc:doc-a"]["url"] = "https://example.org/news/doc-a"
    g.nodes["doc:doc-b"]["url"] = "javascript:alert(1)"  # not a web address: no link
    root = ET.fromstring(run_dot(to_dot(g)))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    hrefs = [a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a") if a.get(f"{XLINK}href")]
    assert hrefs and all(h == "https://example.org/news/doc-a" or h.lstrip("#") in ids for h in hrefs)
    assert not any(h.startswith("#doc:") for h in hrefs)
    tip = node_tooltip(root, "claim:doc-a:1")
    assert tip.startswith('Bloggs said the teams "cannot work without new money".')
    assert "Article: https://example.org/news/doc-a" in tip
    links = [a for a in svg_nodes(root)["claim:doc-b:1"].iter(f"{SVG}a") if a.get(f"{XLINK}href")]
    assert links == []


@pytest.mark.dot
def test_graphviz_warnings_are_passed_on_in_one_line(tmp_path):
    from argmap.export.render import render
    from argmap.export.render import run_dot as render_dot

    need_dot()
    heard: list[str] = []
    text = 'digraph { a [shape=nosuchshape]; b [shape=alsonotashape]; a -> b }'
    assert render_dot(text, "svg", on_warning=heard.append)
    assert heard == ["Graphviz warned: using box for unknown shape nosuchshape (and 1 more)"]
    heard.clear()
    render("digraph { a -> b }", tmp_path / "ok.svg", on_warning=heard.append)
    assert heard == []


@pytest.mark.dot
def test_render_command_prints_the_index_note(taxonomy, tmp_path):
    from click.testing import CliRunner

    from argmap.cli import cli
    from argmap.graph import write_graph

    need_dot()
    path = tmp_path / "big.json"
    write_graph(big_graph(taxonomy), path)
    r = CliRunner().invoke(cli, ["render", "-g", str(path), "-o", str(tmp_path / "map.svg")])
    assert r.exit_code == 0, r.output
    assert "note: 240 claims are more than the" in r.output and "argmap render --focus" in r.output
