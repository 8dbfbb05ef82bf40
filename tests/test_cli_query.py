"""The query commands end to end through click's CliRunner, on the small hand-built graph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["objectors", "supporters", "objections", "positions", "contested", "actors", "proposals",
            "themes", "show", "agree", "explain"]


def run(graph, *args):
    command, *rest = args
    result = CliRunner().invoke(cli, [command, "-g", str(graph), *rest], env={"COLUMNS": "80"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def run_json(graph, *args):
    result = run(graph, args[0], "--json", *args[1:])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------- text output

def test_objectors_text_exact(small_graph_file):
    result = run(small_graph_file, "objectors", "multi-agency teams")
    assert result.exit_code == 0
    assert result.stdout == (
        "Objectors: 'multi-agency teams'\n"
        "Matched proposal: Multi-agency child protection teams [proposal:multi-agency-child-protection-teams]\n"
        "2 actors, 2 claims\n"
        "\n"
        "Jo Bloggs (person) [actor:jo-bloggs] - 1 claim\n"
        "  \u201cBloggs said the teams \"cannot work without new money\".\u201d\n"
        "    doc-a:100-154 | grounds: Funding and resources\n"
        "\n"
        "Sam O'Neil (person) [actor:sam-o-neil] - 1 claim; also supports\n"
        "  \u201cBut O'Neil warned there was no evaluation of the pilots.\u201d\n"
        "    doc-b:200-256 | grounds: Evaluation, testing and piloting\n"
    )


def test_objectors_of_a_theme_shows_the_proposal_and_explain_line(small_graph_file):
    out = run(small_graph_file, "objectors", "funding", "--explain").stdout
    assert "Matched theme: Funding and resources [theme:funding]\n" in out
    assert "doc-a:100-154 | on: Multi-agency child protection teams\n" in out
    assert "why: attribution 'says'; stance object (cues: 'without new money'); target\n    cues: -; rule: hand-built" in out


def test_objectors_with_theme_filter(small_graph_file):
    out = run(small_graph_file, "objectors", "multi-agency child protection teams", "--theme", "evaluation").stdout
    assert "Only theme: Evaluation, testing and piloting [theme:evaluation]\n" in out
    assert "Sam O'Neil (person)" in out and "Jo Bloggs" not in out


def test_supporters_with_document_filter_and_empty_answer(small_graph_file):
    out = run(small_graph_file, "supporters", "family help", "-d", "doc-b").stdout
    assert "1 actor, 1 claim" in out and "British Association of Social Workers (organisation) [actor:basw]" in out
    result = run(small_graph_file, "objectors", "family help")
    assert result.exit_code == 0
    assert "0 actors, 0 claims" in result.stdout


def test_ambiguous_query_shows_what_it_matched(small_graph_file):
    out = run(small_graph_file, "supporters", "help").stdout
    assert "(ambiguous; name one more precisely to narrow it):" in out
    assert "  - proposal: Family help services [proposal:family-help]\n" in out
    assert "  - proposal: Devolved family help practices [proposal:family-help-practices]\n" in out


def test_objections_text(small_graph_file):
    out = run(small_graph_file, "objections", "multi agency teams").stdout
    assert "2 claims by 2 actors, on 2 grounds\n" in out
    assert "Funding and resources [theme:funding] - 1 claim; raised by Jo Bloggs\n" in out
    assert "  Jo Bloggs: \u201cBloggs said the teams" in out


def test_positions_text(small_graph_file):
    out = run(small_graph_file, "positions", "basw").stdout
    assert "Matched actor: British Association of Social Workers [actor:basw]\n" in out
    assert "  Supports: Family help services [proposal:family-help] (1 support)\n" in out
    assert "  Objects to: Cases held by alternatively qualified staff\n  [proposal:alternatively-qualified-staff] (1 object)\n" in out
    out = run(small_graph_file, "positions", "Union of Carers", "--members").stdout
    assert "    Jo Bloggs: \u201cBloggs said" in out


def test_contested_text(small_graph_file):
    out = run(small_graph_file, "contested", "-n", "1").stdout
    assert out.splitlines()[2:4] == [
        "score  obj  sup grounds  proposal",
        "    3    2    1       2  Multi-agency child protection teams [proposal:multi-agency-child-protection-teams]",
    ]
    assert "Family help services" not in out


def test_listings_text(small_graph_file):
    out = run(small_graph_file, "actors").stdout
    assert out.splitlines()[0] == "4 actors"
    assert "     2    1    1    0    2  British Association of Social Workers (organisation) [actor:basw]" in out
    out = run(small_graph_file, "proposals").stdout
    assert "     3    1    2    0    1    2  Multi-agency child protection teams [proposal:multi-agency-child-protection-teams]" in out
    assert run(small_graph_file, "proposals", "--candidates").stdout.startswith("0 candidate proposals")
    out = run(small_graph_file, "themes").stdout
    assert "     1    0    1    0      1  Funding and resources [theme:funding]" in out


def test_show_agree_explain_text(small_graph_file):
    out = run(small_graph_file, "show", "bloggs").stdout
    assert out.startswith("actor:jo-bloggs (actor)\n  Jo Bloggs\n")
    assert "  affiliated_with -> Union of Carers [actor:union-of-carers]\n" in out
    out = run(small_graph_file, "agree", "BASW", "union of carers").stdout
    assert "Same stance on 1 proposal:\n  Family help services [proposal:family-help]: A support, B support\n" in out
    assert "Opposite stance on 0 proposals." in out
    assert "Partly agree on 0 proposals." in out
    out = run(small_graph_file, "agree", "Bloggs", "O'Neil").stdout
    assert "Partly agree on 1 proposal:\n  Multi-agency child protection teams" in out
    assert "Same stance on 0 proposals." in out and "Opposite stance on 0 proposals." in out
    out = run(small_graph_file, "explain", "doc-a:1").stdout
    assert "  speaker:      Jo Bloggs (person) [actor:jo-bloggs]\n" in out
    assert "  stance cues:  \u201cwithout new money\u201d\n" in out
    assert "  location:     doc-a:100-154\n" in out


# ---------------------------------------------------------------- JSON output

def test_objectors_json_shape(small_graph_file):
    data = run_json(small_graph_file, "objectors", "funding")
    required = {"query", "stance", "matched", "filters", "actors", "unattributed"}
    assert required <= set(data) <= required | {"other_readings", "text_match", "text_hits"}
    assert data["query"] == "funding"
    assert data["matched"] == [{"id": "theme:funding", "kind": "theme", "label": "Funding and resources"}]
    (actor,) = data["actors"]
    assert {"id", "name", "kind", "stance", "claims"} <= set(actor)
    assert {"id", "text", "document", "start", "end", "themes"} <= set(actor["claims"][0])


@pytest.mark.parametrize("args, check", [
    (["supporters", "family help"], lambda d: [a["id"] for a in d["actors"]] == ["actor:basw", "actor:union-of-carers"]),
    (["objections", "multi-agency teams"], lambda d: [g["id"] for g in d["grounds"]] == ["theme:evaluation", "theme:funding"]),
    (["positions", "Sacks-Jones"], None),
    (["positions", "O'Neil"], lambda d: d["actors"][0]["positions"][0]["stance"] == "mixed"),
    (["contested"], lambda d: d[0]["score"] == 3),
    (["actors"], lambda d: len(d) == 4),
    (["proposals"], lambda d: d[0]["id"] == "proposal:multi-agency-child-protection-teams"),
    (["proposals", "--candidates"], lambda d: d == []),
    (["themes"], lambda d: d[0]["claims"] == 1),
    (["show", "theme:funding"], lambda d: d["in"][0]["id"] == "claim:doc-a:1"),
    (["agree", "Bloggs", "O'Neil"], lambda d: d["partly"][0]["b_stance"] == "mixed" and not d["opposite"]),
    (["explain", "claim:doc-b:2"], lambda d: d["themes"][0]["id"] == "theme:evaluation"),
])
def test_json_commands(small_graph_file, args, check):
    if check is None:  # "Sacks-Jones" is not in the small graph: exit 1 with JSON on stdout
        result = run(small_graph_file, args[0], "--json", *args[1:])
        assert result.exit_code == 1
        assert json.loads(result.stdout)["matched"] == []
        return
    assert check(run_json(small_graph_file, *args))


# ---------------------------------------------------------------- errors and exit codes

def test_no_match_exits_1_with_closest_names(small_graph_file):
    result = run(small_graph_file, "objectors", "fmaily hlep")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "Error: no proposal or theme matches 'fmaily hlep'; closest: Family help services [proposal:family-help], ")
    assert result.stderr.count("\n") == 1


def test_no_match_json_goes_to_stdout(small_graph_file):
    result = run(small_graph_file, "objectors", "fundng", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["matched"] == [] and data["suggestions"][0]["id"] == "theme:funding"
    assert data["error"].startswith("no proposal or theme matches 'fundng'")


def test_actor_given_to_objectors_says_so(small_graph_file):
    result = run(small_graph_file, "objectors", "BASW")
    assert result.exit_code == 1
    assert "but it names an actor: British Association of Social Workers [actor:basw]; try 'argmap positions'" in result.stderr


def test_missing_graph_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["objectors", "funding", "-g", str(tmp_path / "none.json")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: graph file {tmp_path / 'none.json'} not found; run 'argmap build' first or pass -g PATH\n"


def test_agree_ambiguous_and_same_actor_exit_1(small_graph_file):
    result = run(small_graph_file, "agree", "BASW", "basw")
    assert result.exit_code == 1 and "both name" in result.stderr


@pytest.mark.parametrize("query", ['say "hi"', "back\\slash", "new\nline", "<script>", "ctl\x01\x1b[31m", "\ttab",
                                   "'quote'", "\u202eright-to-left", "\ud800lone"])
def test_awkward_query_strings(small_graph_file, query):
    result = run(small_graph_file, "objectors", "--", query)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1  # one line, control characters escaped
    assert "\x1b" not in result.stderr and "\x01" not in result.stderr
    result = run(small_graph_file, "objectors", "--json", "--", query)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["matched"] == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_json_output_round_trips_any_query(small_graph_file, query):
    result = run(small_graph_file, "objectors", "--json", "--", query)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    if result.exit_code == 0:
        assert data["query"] == query
        assert all(m["kind"] in ("proposal", "theme") for m in data["matched"])
    else:
        assert data["matched"] == [] and data["error"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and "--graph" in result.stdout


def test_contested_help_explains_the_score():
    out = CliRunner().invoke(cli, ["contested", "--help"], env={"COLUMNS": "200"}).stdout
    assert "min(objectors, supporters) + grounds" in out


# ---------------------------------------------------------------- no spaCy

def test_query_commands_do_not_import_spacy(small_graph_file):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from argmap.cli import cli\n"
        "for args in (['objectors', 'funding'], ['positions', 'BASW'], ['contested'], ['show', 'funding'],\n"
        "             ['explain', 'doc-a:1'], ['objectors', 'nothing-like-it']):\n"
        f"    r = CliRunner().invoke(cli, [*args, '-g', {str(small_graph_file)!r}])\n"
        "    assert r.exit_code in (0, 1), (args, r.output)\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert not any(m.startswith(('argmap.nlp', 'argmap.extract')) for m in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- seed corpus graph

@pytest.fixture(scope="module")
def seed_path(seed_graph_file):
    """The seed corpus graph, built once per test session (conftest), or $ARGMAP_SEED_GRAPH."""
    return Path(os.environ.get("ARGMAP_SEED_GRAPH") or seed_graph_file)


@pytest.mark.seed
@pytest.mark.model
def test_seed_objectors_funding(seed_path):
    data = run_json(seed_path, "objectors", "funding")
    assert data["matched"][0]["id"] == "theme:funding"
    names = {a["name"] for a in data["actors"]}
    assert {"James Blewett", "Keith Glazier"} <= names
    for actor in data["actors"]:
        for claim in actor["claims"]:
            assert "theme:funding" in claim["themes"] and claim["end"] > claim["start"]


@pytest.mark.seed
@pytest.mark.model
def test_seed_objectors_and_supporters_of_a_proposal(seed_path):
    data = run_json(seed_path, "objectors", "multi-agency child protection teams")
    assert data["matched"][0]["id"] == "proposal:multi-agency-child-protection-teams"
    assert "James Blewett" in {a["name"] for a in data["actors"]}
    data = run_json(seed_path, "supporters", "family help")
    assert {"Matt Buttery", "Ray Jones"} <= {a["name"] for a in data["actors"]}
    r = CliRunner().invoke(cli, ["objectors", "family help", "-g", str(seed_path)])
    assert r.exit_code == 0 and "Carolyne Willow" in r.output and "depressing" in r.output


@pytest.mark.seed
@pytest.mark.model
def test_seed_positions_basw_and_contested(seed_path):
    data = run_json(seed_path, "positions", "BASW")
    assert data["matched"][0]["id"] == "actor:basw"
    basw = data["actors"][0]
    objected = {p["id"] for p in basw["positions"] if p["stance"] in {"object", "mixed"}}
    assert "proposal:alternatively-qualified-staff" in objected
    ranked = run_json(seed_path, "contested")
    assert ranked and ranked[0]["objectors"] >= 1 and ranked[0]["supporters"] >= 1


@pytest.mark.seed
@pytest.mark.model
def test_seed_objections_grouped_by_ground(seed_path):
    data = run_json(seed_path, "objections", "multi-agency child protection teams")
    grounds = {g["id"] for g in data["grounds"]}
    assert "theme:multi-agency-capacity" in grounds


def _closed_pipe_run(*args: str) -> tuple[int, str]:
    """Run argmap with its stdout a pipe whose reader has already gone (``argmap ... | head -0``)."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    return proc.wait(timeout=60), err


def test_a_closed_pipe_ends_quietly_with_status_0(small_graph_file):
    status, err = _closed_pipe_run("actors", "-g", str(small_graph_file))
    assert (status, err) == (0, "")
    status, err = _closed_pipe_run("objectors", "funding", "-g", str(small_graph_file), "--json")
    assert (status, err) == (0, "")
