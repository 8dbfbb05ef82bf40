"""argmap taxonomy new / check / add-proposal / add-theme (no model needed)."""

from __future__ import annotations

import tomllib

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.errors import TaxonomyError
from argmap.taxonomy import load_taxonomy
from argmap.taxonomy_tools import append_entry, check_text, skeleton, toml_string


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture()
def started(tmp_path):
    path = tmp_path / "debate" / "school-meals.toml"
    r = run("taxonomy", "new", "School meals", "-o", str(path))
    assert r.exit_code == 0, r.output
    return path


# ---------------------------------------------------------------- new

def test_new_writes_a_commented_skeleton_that_passes_the_check(started):
    text = started.read_text()
    assert text.startswith("# argmap taxonomy for the debate school-meals\n")
    data = tomllib.loads(text)
    assert data["meta"] == {"name": "School meals", "general_proposal": "reform"}
    assert check_text(text, "x") == []
    for field in ("# parent = ", "# kind = ", "# condition = true", "# keywords = ", "# [[actor]]"):
        assert field in text, field  # the optional fields are shown, commented
    assert load_taxonomy(started).proposals["reform"].label == "The reform as a whole"


def test_new_does_not_overwrite_unless_forced(started):
    started.write_text("# mine\n")
    r = run("taxonomy", "new", "School meals", "-o", str(started))
    assert r.exit_code == 2 and "exists" in r.output and started.read_text() == "# mine\n"
    assert run("taxonomy", "new", "School meals", "-o", str(started), "--force").exit_code == 0
    assert started.read_text().startswith("# argmap taxonomy")


def test_new_without_output_writes_name_toml_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("taxonomy", "new", "Housing Reform").exit_code == 0
    assert (tmp_path / "housing-reform.toml").is_file()


# ---------------------------------------------------------------- check

def test_check_passes_the_shipped_taxonomy_with_notes_only():
    r = run("taxonomy", "check")
    assert r.exit_code == 0, r.output
    last = r.output.strip().splitlines()[-1]
    assert last.startswith("argmap:children_social_care.toml: ") and " 0 problems, " in last
    assert "note: " in r.output  # e.g. 'family help' shadowed inside 'family help practices'


BROKEN = """\
[meta]
name = "broken"
general_proposal = "nowhere"

[[proposal]]
id = "Bad Id"
label = "A proposal"

[[proposal]]
id = "twice"
label = "Twice"
alias = ["typo for aliases"]

[[proposal]]
id = "twice"
label = "Twice again"
parent = "missing"

[[theme]]
id = "cost"
label = "Cost"
condition = "yes"
"""


def test_check_lists_every_problem_on_its_own_line_and_exits_1(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN)
    r = run("taxonomy", "check", str(path))
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert lines[-1].endswith(f"{len(lines) - 1} problems, 0 notes")
    text = "\n".join(lines)
    for fragment in ("general_proposal 'nowhere' is not a proposal id", "id must be lowercase letters",
                     "alias is not a known field", "is a duplicate", "parent 'missing' is not a proposal id",
                     "condition must be true or false"):
        assert fragment in text, fragment
    assert all(line.startswith(str(path)) for line in lines[:-1])


def test_check_reuses_the_schema_validator(tmp_path, monkeypatch):
    """One validator: `argmap taxonomy check` reports what argmap.schema.validate_taxonomy finds."""
    from argmap import schema, taxonomy_tools

    sentinel = schema.Problem("x.toml", "[meta]", "name", "sentinel problem from the schema")
    monkeypatch.setattr(taxonomy_tools, "validate_taxonomy", lambda data, source: [sentinel])
    path = tmp_path / "t.toml"
    path.write_text(skeleton("t"))
    r = run("taxonomy", "check", str(path))
    assert r.exit_code == 1 and "x.toml: [meta]: name sentinel problem from the schema" in r.output
    assert taxonomy_tools.validate_taxonomy is not None and schema.validate_taxonomy.__module__ == "argmap.schema"


def test_check_of_a_file_that_is_not_toml_or_not_there(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\nname = 1\n")
    r = run("taxonomy", "check", str(bad))
    assert r.exit_code == 1 and "is not valid TOML" in r.output
    r = run("taxonomy", "check", str(tmp_path / "none.toml"))
    assert r.exit_code == 1 and "cannot be read" in r.output


COLLIDING = skeleton("c") + """
[[proposal]]
id = "family-help"
label = "Family help"
aliases = ["family hubs"]

[[proposal]]
id = "hubs"
label = "Community hubs"
aliases = ["Family-hub", "hub"]

[[theme]]
id = "money"
label = "Money"
terms = ["funding", "Money"]
"""


def test_names_that_collide_are_problems():
    found = check_text(COLLIDING, "c.toml")
    problems = [str(f) for f in found if f.problem]
    assert problems == [
        ("c.toml: proposal 'hubs': 'Family-hub' collides with 'family hubs' of proposal 'family-help' (case, "
        "plurals and hyphens are ignored): the first in the file wins, so 'hubs' is never found by it; "
        "remove or reword one"),
        ("c.toml: theme 'money': 'funding' collides with 'funding' of theme 'funding' (case, plurals and hyphens "
        "are ignored): the first in the file wins, so 'money' is never found by it; remove or reword one"),
        ("c.toml: theme 'money': 'Money' collides with 'money' of theme 'funding' (case, plurals and hyphens "
        "are ignored): the first in the file wins, so 'money' is never found by it; remove or reword one"),
    ]


def test_names_inside_longer_names_are_notes_unless_parent_and_child():
    text = skeleton("s") + """
[[proposal]]
id = "family-help"
label = "Family help"

[[proposal]]
id = "family-help-practices"
label = "Family help practices"

[[proposal]]
id = "bill"
label = "The care bill"
kind = "document"

[[proposal]]
id = "bill-clause"
label = "Clause 2 of the care bill"
parent = "bill"
kind = "clause"
"""
    notes = [str(f) for f in check_text(text, "s.toml") if not f.problem]
    assert notes == [("note: s.toml: proposal 'family-help': 'Family help' is shadowed inside 'Family help "
                     "practices' of proposal 'family-help-practices': where an article writes 'Family help "
                     "practices', only 'family-help-practices' is found")]


# ---------------------------------------------------------------- add-proposal / add-theme

def test_add_proposal_appends_and_keeps_every_comment(started):
    before = started.read_text()
    r = run("taxonomy", "add-proposal", str(started), "--label", "Universal free school meals",
            "--alias", "free meals for all", "--alias", "universal free meals", "--parent", "reform",
            "--kind", "policy", "--keyword", "meals")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("added proposal 'universal-free-school-meals' to ")
    after = started.read_text()
    assert after.startswith(before)  # nothing above the new entry changed
    assert after[len(before):] == ('\n[[proposal]]\nid = "universal-free-school-meals"\n'
                                   'label = "Universal free school meals"\n'
                                   'aliases = ["free meals for all", "universal free meals"]\n'
                                   'keywords = ["meals"]\nparent = "reform"\nkind = "policy"\n')
    taxonomy = load_taxonomy(started)
    (match,) = taxonomy.find_proposals("Ministers promised free meals for all by 2027.")
    assert match.id == "universal-free-school-meals"
    assert taxonomy.proposals["universal-free-school-meals"].parent == "reform"


def test_add_theme_with_condition(started):
    r = run("taxonomy", "add-theme", str(started), "--label", "Stigma", "--term", "stigma", "--term",
            "singled out", "--condition")
    assert r.exit_code == 0, r.output
    theme = load_taxonomy(started).themes["stigma"]
    assert theme.aliases == ("stigma", "singled out") and theme.condition is True


@pytest.mark.parametrize("args, reason", [
    (["--label", "Free meals", "--alias", "The reforms"], "'The reforms' collides with 'the reform' of proposal 'reform'"),
    (["--label", "Free meals", "--parent", "nowhere"], "parent 'nowhere' is not a proposal id"),
    (["--label", "Again", "--id", "reform"], "is a duplicate"),
    (["--label", "Bad", "--id", "Not An Id"], "id must be lowercase letters"),
])
def test_an_entry_with_a_problem_is_not_added(started, args, reason):
    before = started.read_bytes()
    r = run("taxonomy", "add-proposal", str(started), *args)
    assert r.exit_code == 2 and reason in r.output, r.output
    assert "Traceback" not in r.output
    assert started.read_bytes() == before
    assert not [p for p in started.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_file_with_problems_is_not_extended(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN)
    with pytest.raises(TaxonomyError, match="has problems already"):
        append_entry(path, "theme", {"label": "New"})
    assert path.read_text() == BROKEN


def test_awkward_text_is_written_as_valid_toml(started):
    label = 'The "fair" levy \\ on sugar\u00a0drinks \u2013 caf\u00e9 \x7f'
    eid, _ = append_entry(started, "proposal", {"label": label, "aliases": ['quote " and \\ backslash']})
    assert load_taxonomy(started).proposals[eid].label == label
    assert tomllib.loads(f"x = {toml_string(label)}")["x"] == label


def test_a_file_without_a_final_newline_gets_one(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(skeleton("t").rstrip("\n"))
    append_entry(path, "theme", {"label": "Stigma", "terms": ["stigma"]})
    assert '# aliases = ["..."]\n\n[[theme]]\nid = "stigma"\n' in path.read_text()
    assert check_text(path.read_text(), "t") == []
