"""Drawing maps: choosing claims (focus, stance, theme, max), running dot, atomic writes,
and what happens when Graphviz is missing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.errors import ExportError, QueryError
from argmap.export import render as render_mod
from argmap.export.render import (
    GraphvizMissing,
    build_dot,
    format_for,
    render,
    render_all,
)
from argmap.export.select import select_claims
from test_export_dot import need_dot, svg_nodes

# ---------------------------------------------------------------- choosing claims


def test_select_everything_by_default(small_graph):
    sel = select_claims(small_graph)
    assert len(sel.claims) == sel.matched == sel.total == 6
    assert sel.filters == () and not sel.truncated


def test_focus_on_proposal_by_alias(small_graph):
    sel = select_claims(small_graph, focus="multi-agency teams")
    assert sel.focus == "proposal:multi-agency-child-protection-teams"
    assert sel.claims == ("claim:doc-a:1", "claim:doc-b:1", "claim:doc-b:2")


def test_focus_on_theme_and_actor(small_graph):
    assert select_claims(small_graph, focus="funding").claims == ("claim:doc-a:1",)
    assert select_claims(small_graph, focus="BASW").claims == ("claim:doc-a:2", "claim:doc-b:3")
    # an organisation's neighbourhood includes the people affiliated with it
    assert select_claims(small_graph, focus="Union of Carers").claims == ("claim:doc-a:1", "claim:doc-a:3")


def test_stance_and_theme_filters(small_graph):
    assert select_claims(small_graph, stance="object").claims == (
        "claim:doc-a:1", "claim:doc-a:2", "claim:doc-b:2")
    assert select_claims(small_graph, stance="support", focus="family help").claims == (
        "claim:doc-a:3", "claim:doc-b:3")
    assert select_claims(small_graph, theme="evaluation").claims == ("claim:doc-b:2",)


def test_max_claims_spreads_over_proposals(small_graph):
    sel = select_claims(small_graph, max_claims=3)
    assert len(sel.claims) == 3 and sel.truncated
    targets = {small_graph.nodes[c]["targets"][0] for c in sel.claims}
    assert len(targets) == 3  # one from each of the three proposals argued about
    # themed, attributed claims are preferred within a proposal
    assert "claim:doc-a:1" in sel.claims or "claim:doc-b:2" in sel.claims


@pytest.mark.parametrize("kwargs, message", [
    ({"focus": "no such thing at all"}, "matches"),
    ({"stance": "sideways"}, "unknown stance"),
    ({"theme": "family help"}, "no theme matches"),
    ({"focus": "family help", "theme": "funding"}, "no claims match"),
    ({"max_claims": 0}, "at least 1"),
])
def test_selection_errors_are_one_line(small_graph, kwargs, message):
    with pytest.raises(QueryError) as err:
        select_claims(small_graph, **kwargs)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_claims_without_a_proposal_are_counted_not_drawn(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-b:1"]["targets"] = []
    sel = select_claims(g)
    assert "claim:doc-b:1" not in sel.claims and sel.untargeted == 1
    assert "name no proposal" in build_dot(g).get("label")


def test_focus_map_shows_the_filters_in_its_title(small_graph):
    dot = build_dot(small_graph, focus="family help", stance="support").to_string()
    assert "proposal: Family help services; stance: support" in dot
    assert "claim:doc-a:1" not in dot


# ---------------------------------------------------------------- formats


def test_format_from_extension_or_option(tmp_path):
    assert format_for(tmp_path / "m.svg") == "svg"
    assert format_for(tmp_path / "m.PNG") == "png"
    assert format_for(tmp_path / "m.svg", "pdf") == "pdf"
    with pytest.raises(ExportError, match="cannot tell the map format"):
        format_for(tmp_path / "m.gif")
    with pytest.raises(ExportError, match="unknown map format"):
        format_for(tmp_path / "m.svg", "gif")


# ---------------------------------------------------------------- rendering


@pytest.mark.dot
@pytest.mark.parametrize("fmt, magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_render_writes_each_format_atomically(small_graph, tmp_path, fmt, magic):
    need_dot()
    out = render(build_dot(small_graph), tmp_path / f"map.{fmt}")
    assert out.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [f"map.{fmt}"]  # no temp file left behind


@pytest.mark.dot
def test_render_all_writes_dot_and_svg(small_graph, tmp_path):
    need_dot()
    written = render_all(small_graph, tmp_path / "graphs" / "argmap.svg")
    assert [p.name for p in written] == ["argmap.dot", "argmap.svg"]
    assert sorted(p.name for p in (tmp_path / "graphs").iterdir()) == ["argmap.dot", "argmap.svg"]
    root = ET.fromstring(written[1].read_bytes())
    assert "proposal:family-help" in svg_nodes(root)
    assert written[0].read_text(encoding="utf-8").startswith('digraph "argmap"')


@pytest.mark.dot
def test_failed_render_keeps_the_old_file(small_graph, tmp_path):
    need_dot()
    out = tmp_path / "map.svg"
    out.write_text("old map", encoding="utf-8")
    with pytest.raises(ExportError, match="Graphviz could not draw the map"):
        render("digraph { this is not dot ", out)
    assert out.read_text(encoding="utf-8") == "old map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_render_dot_format_needs_no_graphviz(small_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(render_mod.shutil, "which", lambda name: None)
    out = render(build_dot(small_graph), tmp_path / "m.dot")
    assert out.read_text(encoding="utf-8").startswith('digraph "argmap"')


def test_missing_graphviz_raises_and_still_writes_dot(small_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(render_mod.shutil, "which", lambda name: None)
    with pytest.raises(GraphvizMissing) as err:
        render_all(small_graph, tmp_path / "argmap.svg")
    msg = str(err.value)
    assert "apt-get install graphviz" in msg and "brew install graphviz" in msg and "\n" not in msg
    assert isinstance(err.value, ExportError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["argmap.dot"]


def test_missing_graphviz_on_empty_path(small_graph, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(GraphvizMissing):
        render(build_dot(small_graph), tmp_path / "m.png")
    assert not (tmp_path / "m.png").exists()


@pytest.mark.dot
def test_dot_timeout_is_one_line(small_graph, tmp_path, monkeypatch):
    need_dot()
    import subprocess

    def slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(cmd="dot", timeout=kwargs.get("timeout"))

    monkeypatch.setattr(render_mod.subprocess, "run", slow)
    with pytest.raises(ExportError, match="longer than"):
        render(build_dot(small_graph), tmp_path / "m.svg", timeout=1)
    assert not (tmp_path / "m.svg").exists()
