"""argmap export / argmap render on the command line, and the FORMATS registry."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import ExportError
from argmap.export import FORMATS, Format, get_format
from argmap.graph import read_graph
from test_export_dot import need_dot


@pytest.fixture()
def runner():
    return CliRunner()


# ---------------------------------------------------------------- registry

def test_registry_lists_every_format_with_a_working_function(small_graph):
    assert sorted(FORMATS) == ["aif", "argdown", "csv", "dna", "dot", "graphml", "html", "json"]
    for name, fmt in FORMATS.items():
        assert isinstance(fmt, Format) and fmt.name == name
        assert fmt.extension.startswith(".") and fmt.description
        out = fmt.convert(small_graph)
        assert isinstance(out, str) and out


def test_get_format_unknown():
    assert get_format("JSON").name == "json"
    with pytest.raises(ExportError, match="unknown export format 'xml'; choose one of: aif"):
        get_format("xml")


def test_importing_the_cli_does_not_import_spacy_or_pydot():
    code = ("import sys, argmap.cli, argmap.export; "
            "print(sorted(m for m in ('spacy', 'pydot', 'argmap.export.dot') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_exporting_does_not_import_spacy(small_graph_file):
    code = ("import sys; from argmap.graph import read_graph; from argmap.export import export_text; "
            f"g = read_graph({str(small_graph_file)!r}); "
            "[export_text(g, f) for f in ('json', 'aif', 'graphml', 'argdown', 'dot', 'csv')]; "
            "from argmap.export import render; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- argmap export

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_each_format_to_a_file(runner, small_graph_file, tmp_path, fmt):
    out = tmp_path / f"out{FORMATS[fmt].extension}"
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files


def test_export_json_to_stdout_reads_back(runner, small_graph_file, tmp_path):
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "-f", "json", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout == small_graph_file.read_text(encoding="utf-8")


def test_export_csv_to_stdout(runner, small_graph_file):
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 1 + 6


def test_export_aif_to_stdout_is_json(runner, small_graph_file):
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "--format", "aif"])
    data = json.loads(result.stdout)
    assert set(data) == {"nodes", "edges", "locutions", "participants"}


def test_export_unknown_format_is_click_choice_error(runner, small_graph_file):
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format'" in result.output and "'xml' is not one of" in result.output


def test_export_missing_graph_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["export", "-g", str(tmp_path / "none.json"), "--format", "csv"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: graph file") and "not found" in lines[0]


def test_export_to_a_directory_is_a_usage_error(runner, small_graph_file, tmp_path):
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "-f", "csv", "-o", str(tmp_path)])
    assert result.exit_code == 2 and result.output.strip().endswith("is a directory.")


def test_export_unwritable_path_is_one_line(runner, small_graph_file, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(cli, ["export", "-g", str(small_graph_file), "-f", "csv", "-o",
                                 str(blocker / "out.csv")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot write"), result.output


def test_export_help_has_examples_and_formats(runner):
    result = runner.invoke(cli, ["export", "--help"])
    assert "Examples:" in result.output and "argmap export --format aif" in result.output
    for name in FORMATS:
        assert f"  {name} " in result.output


# ---------------------------------------------------------------- argmap render

@pytest.mark.dot
@pytest.mark.parametrize("ext, magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF"),
                                        ("dot", b"digraph")])
def test_render_formats_from_extension(runner, small_graph_file, tmp_path, ext, magic):
    need_dot()
    out = tmp_path / f"map.{ext}"
    result = runner.invoke(cli, ["render", "-g", str(small_graph_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


@pytest.mark.dot
def test_render_focus_stance_theme_max(runner, small_graph_file, tmp_path):
    need_dot()
    out = tmp_path / "focus.svg"
    result = runner.invoke(cli, ["render", "-g", str(small_graph_file), "-o", str(out), "--focus",
                                 "multi-agency teams", "--stance", "object", "--max-claims", "1"])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert "stance: object" in svg and "at most 1 claims" in svg
    assert svg.count('class="node"') == 1 + 1 + 1 + 1  # proposal, one claim, its speaker, legend


def test_render_format_option_overrides_extension(runner, small_graph_file, tmp_path):
    out = tmp_path / "map.txt"
    result = runner.invoke(cli, ["render", "-g", str(small_graph_file), "-o", str(out), "--format", "dot"])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith('digraph "argmap"')


@pytest.mark.parametrize("args, message", [
    (["--focus", "no such thing anywhere"], "Error: no proposal or theme or actor matches"),
    (["--theme", "funding", "--focus", "family help"], "Error: no claims match"),
    (["-o", "map.gif"], "Error: cannot tell the map format"),
])
def test_render_errors_are_one_line(runner, small_graph_file, tmp_path, args, message):
    result = runner.invoke(cli, ["render", "-g", str(small_graph_file), "-o", str(tmp_path / "m.svg"), *args])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.output


def test_render_without_graphviz_is_one_line(runner, small_graph_file, tmp_path, monkeypatch):
    from argmap.export import render as render_mod

    monkeypatch.setattr(render_mod.shutil, "which", lambda name: None)
    result = runner.invoke(cli, ["render", "-g", str(small_graph_file), "-o", str(tmp_path / "m.png")])
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "m.png").exists()


def test_render_bad_stance_is_click_choice_error(runner, small_graph_file):
    result = runner.invoke(cli, ["render", "-g", str(small_graph_file), "--stance", "maybe"])
    assert result.exit_code == 2 and "'maybe' is not one of" in result.output


def test_render_help_has_examples(runner):
    result = runner.invoke(cli, ["render", "--help"])
    assert "Examples:" in result.output and "--focus" in result.output


def test_exported_json_is_what_the_graph_file_holds(small_graph_file, tmp_path, runner):
    out = tmp_path / "copy.json"
    runner.invoke(cli, ["export", "-g", str(small_graph_file), "-f", "json", "-o", str(out)])
    g, h = read_graph(small_graph_file), read_graph(out)
    assert dict(g.nodes(data=True)) == dict(h.nodes(data=True))


def test_render_command_offers_exactly_the_render_formats():
    from argmap.cli.cmd_render import MAP_FORMATS
    from argmap.export.render import RENDER_FORMATS

    assert tuple(MAP_FORMATS) == tuple(RENDER_FORMATS)
