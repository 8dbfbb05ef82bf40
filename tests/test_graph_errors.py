"""A bad graph file gives one clear line and exit status 2 from every command that reads it.

The commands are taken from the CLI itself (every command with a ``--graph`` option), so a new
command is covered as soon as it exists; COMMAND_ARGS must give it its required arguments.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import all_commands, cli
from argmap.errors import GraphFileError
from argmap.graph import FORMAT_VERSION, read_graph, write_graph
from argmap.queries import load_index

#: Required arguments of each command that reads a graph ({gold} and {out} are filled in).
COMMAND_ARGS: dict[str, list[str]] = {
    "actors": [],
    "agree": ["BASW", "Jo Bloggs"],
    "coalitions": [],
    "contested": [],
    "evaluate": ["{gold}"],
    "explain": ["claim:doc-a:1"],
    "explore": ["-o", "{out}"],
    "export": ["--format", "json"],
    "network": [],
    "objections": ["family help"],
    "objectors": ["family help"],
    "positions": ["BASW"],
    "proposals": [],
    "render": ["-o", "{out}"],
    "show": ["BASW"],
    "supporters": ["family help"],
    "themes": [],
    "timeline": ["family help"],
}
EXTRA_INVOCATIONS = [  # every export format reads the graph too
    ["export", "--format", fmt] for fmt in ("aif", "argdown", "csv", "dna", "dot", "graphml", "html")
] + [["actors", "--json"], ["objectors", "family help", "--json"], ["network", "--window", "1M"]]


def graph_commands() -> set[str]:
    """Names of the CLI commands that take a --graph option."""
    return {name for name, cmd in all_commands().items()
            if any(isinstance(p, click.Option) and "--graph" in p.opts for p in cmd.params)}


def test_every_graph_reading_command_is_covered():
    assert graph_commands() == set(COMMAND_ARGS), "give new commands their arguments in COMMAND_ARGS"


def _good_data(small_graph) -> dict:
    from argmap.graph import graph_to_data

    return json.loads(json.dumps(graph_to_data(small_graph)))


def bad_files(small_graph, directory: Path) -> dict[str, tuple[Path, str]]:
    """Broken graph files, each with a phrase its error message must contain."""
    good = _good_data(small_graph)
    good_bytes = (json.dumps(good, indent=1) + "\n").encode()
    node = good["nodes"][0]

    def with_graph(**attrs):
        return {**good, "graph": {**good["graph"], **attrs}}

    contents: dict[str, tuple[bytes | None, str]] = {
        "missing": (None, "not found"),
        "empty": (b"", "is empty"),
        "whitespace": (b" \n\t\n", "is empty"),
        "truncated": (good_bytes[: len(good_bytes) // 2], "not valid JSON"),
        "truncated_one_byte": (good_bytes[:-3], "not valid JSON"),
        "not_json": (b"nodes: [a, b]\n", "not valid JSON"),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not valid JSON"),
        "latin1": ('{"nodes": "caf\u00e9"}'.encode("latin-1"), "not valid JSON"),
        "newer_version": (json.dumps(with_graph(format_version=FORMAT_VERSION + 1)).encode(),
                          f"format version {FORMAT_VERSION + 1}"),
        "version_not_int": (json.dumps(with_graph(format_version="1")).encode(), "format version '1'"),
        "no_version": (json.dumps({**good, "graph": {k: v for k, v in good["graph"].items()
                                                     if k != "format_version"}}).encode(),
                       "format version None"),
        "other_format": (json.dumps(with_graph(format="something-else")).encode(), "not an argmap graph"),
        "graph_attr_list": (json.dumps({**good, "graph": []}).encode(), "not an argmap graph"),
        "json_list": (b"[1, 2, 3]\n", "not an argmap graph"),
        "json_string": (b'"argmap"\n', "not an argmap graph"),
        "json_null": (b"null\n", "not an argmap graph"),
        "json_number": (b"42\n", "not an argmap graph"),
        "empty_object": (b"{}\n", "not an argmap graph"),
        "no_nodes": (json.dumps({k: v for k, v in good.items() if k != "nodes"}).encode(),
                     "not an argmap graph"),
        "no_edges": (json.dumps({k: v for k, v in good.items() if k != "edges"}).encode(),
                     "not an argmap graph"),
        "nodes_object": (json.dumps({**good, "nodes": {"a": node}}).encode(), "not an argmap graph"),
        "nodes_numbers": (json.dumps({**good, "nodes": [1, 2]}).encode(), "damaged"),
        "node_without_id": (json.dumps({**good, "nodes": [{"kind": "actor", "label": "x"}],
                                        "edges": []}).encode(), "damaged"),
        "node_id_not_text": (json.dumps({**good, "nodes": [{"id": 5, "kind": "actor", "label": "x"}],
                                         "edges": []}).encode(), "damaged"),
        "node_without_kind": (json.dumps({**good, "nodes": [{"id": "actor:x", "label": "x"}],
                                          "edges": []}).encode(), "damaged"),
        "edges_strings": (json.dumps({**good, "edges": ["a->b"]}).encode(), "damaged"),
        "edge_to_unknown_node": (json.dumps({**good, "edges": [
            {"source": node["id"], "target": "claim:nowhere:1", "key": "about", "kind": "about"}]}).encode(),
            "damaged"),
        "deeply_nested": (b"[" * 50000 + b"]" * 50000, "not an argmap graph"),
        "directory": (b"DIR", "is a directory"),
    }
    out = {}
    for name, (data, phrase) in contents.items():
        path = directory / f"{name}.json"
        if data == b"DIR":
            path.mkdir()
        elif data is not None:
            path.write_bytes(data)
        out[name] = (path, phrase)
    return out


@pytest.fixture()
def broken(small_graph, tmp_path):
    return bad_files(small_graph, tmp_path)


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text("document\tactor\tstance\ttarget\tevidence\n"
                    "doc-a\tactor:basw\tobject\tproposal:alternatively-qualified-staff\tdiluted\n")
    return path


def _args(command: list[str], graph: Path, gold: Path, out: Path) -> list[str]:
    return [a.format(gold=gold, out=out) for a in command] + ["--graph", str(graph)]


def _invocations() -> list[list[str]]:
    return [[name, *args] for name, args in sorted(COMMAND_ARGS.items())] + EXTRA_INVOCATIONS


def test_fixture_graph_is_good_for_every_command(small_graph_file, gold, tmp_path):
    """The same invocations succeed (or find no answer) on a good graph: the failures below
    come from the file, not from the arguments."""
    runner = CliRunner()
    for command in _invocations():
        result = runner.invoke(cli, _args(command, small_graph_file, gold, tmp_path / "map.svg"))
        assert result.exit_code in (0, 1), (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), command


@pytest.mark.parametrize("command", _invocations(), ids=lambda c: "-".join(c[:3]))
def test_bad_graph_file_gives_one_line_and_status_2(command, broken, gold, tmp_path):
    runner = CliRunner()
    before = {p.name for p in tmp_path.iterdir()}
    for name, (path, phrase) in broken.items():
        result = runner.invoke(cli, _args(command, path, gold, tmp_path / "map.svg"))
        where = f"{' '.join(command)} on {name}: {result.stderr!r}"
        assert result.exit_code == 2, where
        assert isinstance(result.exception, SystemExit), where  # not an uncaught exception
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), where
        assert phrase in lines[0] and "Traceback" not in result.output, where
        if command[0] != "export":
            assert result.stdout == "", where
    assert {p.name for p in tmp_path.iterdir()} == before  # nothing written (no map, no temp file)


@pytest.mark.parametrize("command", [["actors"], ["export", "--format", "csv"], ["render", "-o", "m.svg"]],
                         ids=lambda c: c[0])
@pytest.mark.parametrize("variant", ["missing", "truncated", "newer_version", "json_list", "deeply_nested"])
def test_real_process_prints_one_line_without_traceback(command, variant, broken, tmp_path):
    path, phrase = broken[variant]
    proc = subprocess.run([sys.executable, "-m", "argmap", *command, "--graph", str(path)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"}, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    [line] = proc.stderr.splitlines()
    assert line.startswith("Error: ") and phrase in line


def test_the_message_names_the_file_and_what_to_do(broken):
    path, _ = broken["truncated"]
    with pytest.raises(GraphFileError) as info:
        read_graph(path)
    message = str(info.value)
    assert str(path) in message and "rebuild" in message and "\n" not in message


def test_both_readers_agree_on_what_is_broken(broken):
    """read_graph (export, render, evaluate) and load_index (queries) reject the same files."""
    for path, _ in broken.values():
        for reader in (read_graph, load_index):
            with pytest.raises(GraphFileError):
                reader(path)


def test_a_graph_from_an_older_format_version_is_still_read(small_graph, tmp_path):
    path = tmp_path / "g.json"
    write_graph(small_graph, path)
    assert read_graph(path).graph["format_version"] == FORMAT_VERSION
    assert load_index(path)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["nodes", "edges", "graph", "id", "kind", "source", "target", "key",
                         "format", "format_version", "label", "x"]), children, max_size=5),
    max_leaves=25)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_json)
def test_any_json_is_read_or_refused_with_a_graph_file_error(data, tmp_path):
    """Arbitrary JSON (biased toward graph-like keys) never raises anything but GraphFileError."""
    if isinstance(data, dict) and "graph" in data and isinstance(data["graph"], dict):
        data["graph"].update(format="argmap-graph", format_version=FORMAT_VERSION)
    path = tmp_path / "any.json"
    path.write_text(json.dumps(data))
    for reader in (read_graph, load_index):
        try:
            reader(path)
        except GraphFileError as exc:
            assert "\n" not in str(exc)


def test_candidates_for_one_proposal_become_one_node():
    """'reporting duty' and 'mandatory reporting duty' name one candidate; 'pay cap' stays apart."""
    import networkx as nx

    from argmap.graph import merge_candidates

    g = nx.MultiDiGraph()
    for label in ("reporting duty", "mandatory reporting duty", "pay cap"):
        g.add_node(f"proposal:candidate-{label.replace(' ', '-')}", kind="proposal", label=label, candidate=True,
                   aliases=[])
    for n, label in ((1, "reporting-duty"), (2, "mandatory-reporting-duty")):
        g.add_node(f"claim:d:{n}", kind="claim", targets=[f"proposal:candidate-{label}"])
        g.add_edge(f"claim:d:{n}", f"proposal:candidate-{label}", key="supports", kind="supports")
    merge_candidates(g)
    assert "proposal:candidate-reporting-duty" not in g
    assert g.nodes["claim:d:1"]["targets"] == ["proposal:candidate-mandatory-reporting-duty"]
    assert g.nodes["proposal:candidate-mandatory-reporting-duty"]["aliases"] == ["reporting duty"]
    assert "proposal:candidate-pay-cap" in g
