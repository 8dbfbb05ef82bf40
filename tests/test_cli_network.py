"""argmap network, coalitions, timeline, diff and export --format dna on the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from argmap import networks, timeline
from argmap.cli import cli, cmd_network, cmd_timeline
from argmap.graph import write_graph
from conftest import ROOT, have_dot
from test_networks import camps  # noqa: F401  (fixture)
from test_timeline import moving  # noqa: F401  (fixture)


@pytest.fixture()
def camps_file(camps, tmp_path):  # noqa: F811
    path = tmp_path / "camps.json"
    write_graph(camps, path)
    return str(path)


@pytest.fixture()
def moving_file(moving, tmp_path):  # noqa: F811
    path = tmp_path / "moving.json"
    write_graph(moving, path)
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "200"})


def test_network_text(camps_file):
    r = run("network", "-g", camps_file)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("congruence network: 5 actors, 4 edges, 2 coalitions (colours); 12 statements")
    assert "       3  Ann -- Bob  (agree 3, disagree 0)" in r.stdout
    assert "  1. Ann, Bob, Union\n       3 support Family help services" in r.stdout
    assert "polarisation 1.00: 7 of 7 agreements inside coalitions, 13 of 13 disagreements between them" in r.stdout


def test_network_says_what_a_date_filter_left_out(camps_file):
    r = run("network", "-g", camps_file, "--since", "2025-04")
    assert r.stdout.rstrip().endswith("1 statement from undated documents left out by the dates (see 'argmap build')")
    assert "undated" not in run("network", "-g", camps_file).stdout


def test_network_files_and_json(camps_file, tmp_path):
    out = tmp_path / "net.graphml"
    r = run("network", "-g", camps_file, "--kind", "subtract", "--normalization", "average", "-o", str(out))
    assert r.exit_code == 0 and out.exists() and r.stdout == ""
    assert r.stderr.startswith(f"wrote {out} (subtract network (average normalisation): 5 actors")
    r = run("network", "-g", camps_file, "--kind", "two-mode", "--theme", "funding", "--json")
    data = json.loads(r.stdout)
    assert {e["target"] for e in data["network"]["edges"]} == {"proposal:family-help", "proposal:pathfinder-rollout"}
    assert data["polarisation"]["value"] == 0.0 and data["coalitions"][0]["members"][0]["name"] == "Cat"


@pytest.mark.skipif(not have_dot(), reason="Graphviz dot is not installed")
def test_network_picture(camps_file, tmp_path):
    r = run("network", "-g", camps_file, "--actor-type", "person", "-o", str(tmp_path / "n.png"))
    assert r.exit_code == 0 and (tmp_path / "n.png").read_bytes()[:4] == b"\x89PNG"


def test_network_errors_are_one_line(camps_file, tmp_path):
    r = run("network", "-g", camps_file, "--kind", "two-mode", "--normalization", "jaccard")
    assert r.exit_code == 1 and r.stderr.strip() == ("Error: normalisation 'jaccard' does not apply to a two-mode "
                                                     "network; choose one of: none, activity, prominence")
    r = run("network", "-g", camps_file, "--proposal", "moon landings", "--json")
    assert r.exit_code == 1 and json.loads(r.stdout)["error"].startswith("no proposal matches 'moon landings'")
    r = run("network", "-g", camps_file, "--since", "March")
    assert r.exit_code == 1 and "not a date" in r.stderr
    r = run("network", "-g", camps_file, "-o", str(tmp_path / "net.txt"))
    assert r.exit_code == 2 and "cannot tell the network format" in r.stderr
    r = run("network", "-g", str(tmp_path / "missing.json"))
    assert r.exit_code == 2 and "not found" in r.stderr and "Traceback" not in r.output


def test_network_windows(moving_file, tmp_path):
    r = run("network", "-g", moving_file, "--window", "2M", "--step", "1M", "-o", str(tmp_path / "w.gexf"))
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[:3] == [
        "congruence networks, 2M windows every 1M:",
        "from        to          statements actors edges coalitions polarisation",
        "2025-01-01  2025-02-28           4      3     1          1         1.00"]
    assert len(r.stdout.splitlines()) == 7 and (tmp_path / "w.gexf").exists()
    assert r.stdout.splitlines()[-1].startswith("1 statement from undated documents left out")
    r = run("network", "-g", moving_file, "--window", "3M", "--json")
    assert [w["start"] for w in json.loads(r.stdout)["windows"]] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    r = run("network", "-g", moving_file, "--window", "six months")
    assert r.exit_code == 1 and "not a period" in r.stderr


def test_coalitions_command(camps_file):
    r = run("coalitions", "-g", camps_file)
    assert r.exit_code == 0 and r.stdout.startswith("coalitions (2):\n  1. Ann, Bob, Union")
    data = json.loads(run("coalitions", "-g", camps_file, "--kind", "subtract", "--json").stdout)
    assert [len(c["members"]) for c in data["coalitions"]] == [3, 2] and data["polarisation"]["value"] == 1.0
    assert run("coalitions", "-g", camps_file, "--until", "2025-03").stdout.startswith("coalitions (1):")


def test_timeline_command(moving_file, tmp_path):
    r = run("timeline", "pathfinder roll-out", "-g", moving_file)
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == [
        "Support and objection per month: National roll-out of the pathfinder reforms [proposal:pathfinder-rollout]",
        "month    support object   claims +/- changed",
        "2025-01        1      2   1/2",
        "2025-02        0      0   0/0",
        "2025-03        2      1   2/1        Bob \u21ba",
        "2025-04        0      0   0/0",
        "2025-05        2      0   2/0        Bob \u21ba",
        "",
        "stance changes:",
        "  2025-03  Bob: object (2025-01) -> mixed",
        "  2025-05  Bob: mixed (2025-03) -> support",
        "",
        "1 claim from undated documents not placed in a month"]
    data = json.loads(run("timeline", "funding", "-g", moving_file, "--json").stdout)
    assert data["targets"] == [{"id": "theme:funding", "label": "Funding and resources"}]
    r = run("timeline", "space elevators", "-g", moving_file)
    assert r.exit_code == 1 and r.stderr.startswith("Error: no proposal or theme matches")
    if have_dot():
        r = run("timeline", "roll-out", "-g", moving_file, "-o", str(tmp_path / "t.svg"))
        assert r.exit_code == 0 and (tmp_path / "t.svg").read_text().lstrip().startswith("<?xml")


def test_diff_command(camps_file, moving_file):
    r = run("diff", camps_file, moving_file)
    assert r.exit_code == 0
    assert "documents: 3 added, 3 removed" in r.stdout and "  + jan" in r.stdout
    assert "  Union on Family help services: support -> none" in r.stdout
    assert run("diff", camps_file, camps_file).stdout == "no differences\n"
    data = json.loads(run("diff", camps_file, moving_file, "--json").stdout)
    assert set(data) == {"documents", "actors", "proposals", "claims", "stance_changes"}
    r = run("diff", camps_file, "nowhere.json")
    assert r.exit_code == 2 and "not found" in r.stderr


def test_dna_export_command(camps_file, tmp_path):
    out = tmp_path / "statements.csv"
    r = run("export", "-g", camps_file, "--format", "dna", "-o", str(out))
    assert r.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,person,organization,concept,agreement,title,author,source,section,type,date,")
    assert len(lines) == 14


def test_help_texts_match_the_library():
    assert cmd_network.KIND_HELP == networks.NETWORK_HELP
    assert cmd_network.NORMALIZATION_HELP == networks.NORMALIZATION_HELP
    assert cmd_network.DUPLICATES_HELP == networks.DUPLICATES_HELP
    assert cmd_network.POLARISATION_HELP == networks.POLARISATION_HELP
    assert cmd_timeline.TIMELINE_HELP == timeline.TIMELINE_HELP
    assert cmd_network.KINDS == networks.KINDS and cmd_network.DUPLICATES == networks.DUPLICATES
    help_text = run("network", "--help").stdout
    for phrase in ("average (average activity)", "cosine", "jaccard", "Polarisation = (share of agreement"):
        assert phrase in help_text


def test_network_commands_do_not_import_spacy(camps_file):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from argmap.cli import cli\n"
        "for args in (['network'], ['coalitions'], ['timeline', 'family help'], ['network', '--window', '1M']):\n"
        f"    r = CliRunner().invoke(cli, [*args, '-g', {camps_file!r}])\n"
        "    assert r.exit_code == 0, (args, r.output)\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_readme_python_example_runs():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### From Python"):]
    code = re.search(r"```python\n(.*?)\n```", section, re.DOTALL).group(1)
    proc = subprocess.run([sys.executable, "-c", code + "\nassert groups and t.rows and series and d.empty"],
                          check=False, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
