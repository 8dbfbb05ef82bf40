"""The query library (argmap.queries) on the small hand-built graph."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap import queries as q
from argmap.errors import GraphFileError, QueryError
from argmap.graph import FORMAT, FORMAT_VERSION, write_graph

TEAMS = "proposal:multi-agency-child-protection-teams"


def claim_ids(actor_row):
    return [c["id"] for c in actor_row["claims"]]


# ---------------------------------------------------------------- the index

def test_format_constants_match_the_graph_module():
    assert (q.GRAPH_FORMAT, q.GRAPH_FORMAT_VERSION) == (FORMAT, FORMAT_VERSION)


def test_index_is_cached_per_graph_and_rebuilt_when_it_grows(small_graph):
    ix = q.index_of(small_graph)
    assert q.index_of(small_graph) is ix
    assert q.index_of(ix) is ix
    small_graph.add_node("actor:new", kind="actor", label="New Voice", name="New Voice", actor_type="person")
    assert q.index_of(small_graph) is not ix


def test_index_lookups(small_graph):
    ix = q.index_of(small_graph)
    assert ix.speaker["claim:doc-a:1"] == "actor:jo-bloggs"
    assert ix.targets["claim:doc-b:1"] == [(TEAMS, "support")]
    assert sorted(c for c, _ in ix.claims_on[TEAMS]) == ["claim:doc-a:1", "claim:doc-b:1", "claim:doc-b:2"]
    assert ix.claims_raising["theme:funding"] == ["claim:doc-a:1"]
    assert ix.doc_id("claim:doc-b:3") == "doc-b"
    assert ix.affiliation["actor:jo-bloggs"] == "actor:union-of-carers"
    assert ix.members["actor:union-of-carers"] == ["actor:jo-bloggs"]


def test_index_from_file_answers_like_index_from_graph(small_graph, small_graph_file):
    from_graph = q.index_of(small_graph)
    from_file = q.load_index(small_graph_file)
    for fn, arg in [(q.objectors, "funding"), (q.supporters, "family help"), (q.objections, "multi-agency teams"),
                    (q.positions, "BASW"), (q.show, TEAMS), (q.explain, "claim:doc-a:1")]:
        assert fn(from_graph, arg) == fn(from_file, arg)
    for fn in (q.contested, q.list_actors, q.list_themes, q.list_proposals):
        assert fn(from_graph) == fn(from_file)


def test_loading_for_queries_does_not_import_networkx(small_graph_file):
    code = ("import sys\n"
            "from argmap.queries import load_index, objectors\n"
            f"r = objectors(load_index({str(small_graph_file)!r}), 'funding')\n"
            "assert r['actors'][0]['id'] == 'actor:jo-bloggs'\n"
            "assert 'networkx' not in sys.modules, 'networkx imported'\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'\n")
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("content, message", [
    (None, "not found"),
    ("", "is empty"),
    ('{"nodes": [', "not valid JSON"),
    ('{"a": 1}', "not an argmap graph"),
    ('{"graph": {"format": "other"}, "nodes": [], "edges": []}', "not an argmap graph file"),
    ('{"graph": {"format": "argmap-graph", "format_version": 99}, "nodes": [], "edges": []}', "format version 99"),
    ('{"graph": {"format": "argmap-graph", "format_version": 1}, "nodes": [{"id": "x"}], "edges": []}',
     "node 'x' has no kind"),
    (('{"graph": {"format": "argmap-graph", "format_version": 1}, "nodes": [{"id": "x", "kind": "actor"}], '
      '"edges": [{"source": "x", "target": "y", "kind": "asserts"}]}'), "node 'y' has no kind"),
    ('{"graph": {"format": "argmap-graph", "format_version": 1}, "nodes": [], "edges": [{"kind": "asserts"}]}',
     "edge has no source"),
])
def test_load_index_errors_are_one_line(tmp_path, content, message):
    path = tmp_path / "g.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFileError) as err:
        q.load_index(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_load_index_reads_what_write_graph_wrote(small_graph, tmp_path):
    write_graph(small_graph, tmp_path / "g.json")
    ix = q.load_index(tmp_path / "g.json")
    assert set(ix.nodes) == set(small_graph.nodes)
    assert sum(len(pairs) for pairs in ix._edges.values()) == small_graph.number_of_edges()
    assert ix.meta["model"] == "hand-built"


# ---------------------------------------------------------------- objectors / supporters

def test_objectors_of_a_proposal_grouped_by_actor(small_graph):
    r = q.objectors(small_graph, "multi-agency teams")
    assert r["matched"] == [{"id": TEAMS, "kind": "proposal", "label": "Multi-agency child protection teams"}]
    assert [a["id"] for a in r["actors"]] == ["actor:jo-bloggs", "actor:sam-o-neil"]
    jo, sam = r["actors"]
    assert jo == {
        "id": "actor:jo-bloggs", "name": "Jo Bloggs", "kind": "person", "stance": "object", "mixed": False,
        "claims": [{"id": "claim:doc-a:1", "text": 'Bloggs said the teams "cannot work without new money".',
                    "document": "doc-a", "start": 100, "end": 154, "stance": "object", "quoted": True,
                    "targets": [TEAMS], "themes": ["theme:funding"]}],
    }
    assert sam["mixed"] is True  # Sam O'Neil also supports the teams
    assert claim_ids(sam) == ["claim:doc-b:2"]
    assert r["unattributed"] == 0


def test_objectors_of_a_theme_are_objections_raising_it_on_any_proposal(small_graph):
    r = q.objectors(small_graph, "funding")
    assert r["matched"][0]["id"] == "theme:funding"
    assert [a["id"] for a in r["actors"]] == ["actor:jo-bloggs"]


def test_theme_filter(small_graph):
    r = q.objectors(small_graph, "multi-agency child protection teams", theme="funding")
    assert r["filters"]["theme"] == [{"id": "theme:funding", "kind": "theme", "label": "Funding and resources"}]
    assert [a["id"] for a in r["actors"]] == ["actor:jo-bloggs"]
    r = q.objectors(small_graph, "multi-agency child protection teams", theme="evaluation")
    assert [a["id"] for a in r["actors"]] == ["actor:sam-o-neil"]


def test_document_filter(small_graph):
    assert [a["id"] for a in q.supporters(small_graph, "family help", document="doc-b")["actors"]] == ["actor:basw"]
    assert [a["id"] for a in q.supporters(small_graph, "family help", document="Doc A")["actors"]] == [
        "actor:union-of-carers"]


def test_supporters_and_explain_fields(small_graph):
    r = q.supporters(small_graph, "family help", explain=True)
    assert [a["id"] for a in r["actors"]] == ["actor:basw", "actor:union-of-carers"]
    why = r["actors"][1]["claims"][0]["why"]
    assert why == {"attribution": "welcomed", "stance_cues": ["welcomed", "sensible way forward"],
                   "target_cues": [], "rule": "hand-built"}
    assert "why" not in q.supporters(small_graph, "family help")["actors"][0]["claims"][0]


def test_empty_answer_is_not_an_error(small_graph):
    r = q.objectors(small_graph, "family help")
    assert r["matched"][0]["id"] == "proposal:family-help" and r["actors"] == []


def test_unattributed_claims_are_counted(small_graph):
    small_graph.add_node("claim:doc-a:9", kind="claim", label="x", text="Nobody in particular objected.",
                         document="doc-a", start=900, end=930, stance="object", speaker=None,
                         targets=["proposal:family-help"], themes=[])
    small_graph.add_edge("claim:doc-a:9", "proposal:family-help", key="objects_to", kind="objects_to")
    small_graph.add_edge("claim:doc-a:9", "doc:doc-a", key="found_in", kind="found_in")
    r = q.objectors(small_graph, "family help")
    assert r["actors"] == [] and r["unattributed"] == 1


def test_no_match_raises_with_suggestions(small_graph):
    with pytest.raises(q.NoMatchError) as err:
        q.objectors(small_graph, "fmaily hlep")
    msg = str(err.value)
    assert msg.startswith("no proposal or theme matches 'fmaily hlep'; closest: Family help services [proposal:family-help]")
    assert err.value.suggestions[0].id == "proposal:family-help"
    assert isinstance(err.value, QueryError)


def test_actor_name_given_where_a_proposal_is_expected(small_graph):
    with pytest.raises(q.NoMatchError, match=r"names an actor: British Association of Social Workers \[actor:basw\]"):
        q.objectors(small_graph, "BASW")


@pytest.mark.parametrize("query", ["", "  ", "\n"])
def test_empty_query(small_graph, query):
    with pytest.raises(QueryError, match="empty query"):
        q.objectors(small_graph, query)


def test_bad_filter_is_a_query_error(small_graph):
    with pytest.raises(q.NoMatchError, match="no theme matches 'zzz'"):
        q.objectors(small_graph, "family help", theme="zzz")
    with pytest.raises(q.NoMatchError, match="no document matches"):
        q.objectors(small_graph, "family help", document="nowhere at all")


# ---------------------------------------------------------------- objections / positions / contested

def test_objections_grouped_by_ground(small_graph):
    r = q.objections(small_graph, "multi-agency teams")
    assert (r["total_claims"], r["total_actors"]) == (2, 2)
    assert [(g["id"], [a["id"] for a in g["actors"]], [c["id"] for c in g["claims"]]) for g in r["grounds"]] == [
        ("theme:evaluation", ["actor:sam-o-neil"], ["claim:doc-b:2"]),
        ("theme:funding", ["actor:jo-bloggs"], ["claim:doc-a:1"]),
    ]
    assert r["grounds"][1]["claims"][0]["speaker"] == {"id": "actor:jo-bloggs", "name": "Jo Bloggs", "kind": "person"}


def test_objections_without_a_ground_come_last(small_graph):
    small_graph.add_node("claim:doc-b:9", kind="claim", label="x", text="Someone objected without a reason.",
                         document="doc-b", start=900, end=935, stance="object", speaker="actor:basw",
                         targets=[TEAMS], themes=[])
    small_graph.add_edge("actor:basw", "claim:doc-b:9", key="asserts", kind="asserts")
    small_graph.add_edge("claim:doc-b:9", TEAMS, key="objects_to", kind="objects_to")
    grounds = q.objections(small_graph, "multi-agency teams")["grounds"]
    assert grounds[-1]["id"] is None and grounds[-1]["label"] == "no ground stated"


def test_objections_only_match_proposals(small_graph):
    with pytest.raises(q.NoMatchError, match="no proposal matches 'workforce'"):
        q.objections(small_graph, "workforce")


def test_positions_of_an_actor(small_graph):
    r = q.positions(small_graph, "BASW")
    (basw,) = r["actors"]
    assert basw["documents"] == ["doc-a", "doc-b"]
    assert [(p["id"], p["stance"], p["support"], p["object"]) for p in basw["positions"]] == [
        ("proposal:alternatively-qualified-staff", "object", 0, 1),
        ("proposal:family-help", "support", 1, 0),
    ]


def test_positions_mixed_and_by_surname(small_graph):
    (sam,) = q.positions(small_graph, "O'Neil")["actors"]
    assert [(p["id"], p["stance"]) for p in sam["positions"]] == [(TEAMS, "mixed")]


def test_positions_with_members(small_graph):
    (org,) = q.positions(small_graph, "Union of Carers")["actors"]
    assert [p["id"] for p in org["positions"]] == ["proposal:family-help"]
    assert org["members"] == [{"id": "actor:jo-bloggs", "name": "Jo Bloggs", "kind": "person"}]
    (org,) = q.positions(small_graph, "Union of Carers", members=True)["actors"]
    assert sorted(p["id"] for p in org["positions"]) == ["proposal:family-help", TEAMS]
    teams = next(p for p in org["positions"] if p["id"] == TEAMS)
    assert teams["claims"][0]["speaker"]["id"] == "actor:jo-bloggs"
    (jo,) = q.positions(small_graph, "Bloggs")["actors"]
    assert jo["affiliation"] == {"id": "actor:union-of-carers", "name": "Union of Carers", "kind": "organisation"}


def test_contested_score_and_order(small_graph):
    rows = q.contested(small_graph)
    assert [(r["id"], r["score"], r["objectors"], r["supporters"], len(r["grounds"])) for r in rows] == [
        (TEAMS, 3, 2, 1, 2),  # min(2, 1) + 2 grounds
        ("proposal:alternatively-qualified-staff", 1, 1, 0, 1),
        ("proposal:family-help", 0, 0, 2, 0),
    ]
    assert rows[0]["balance"] == 0.5
    assert [r["id"] for r in q.contested(small_graph, limit=1)] == [TEAMS]
    assert q.contested(small_graph, limit=0) == []


# ---------------------------------------------------------------- listings

def test_list_actors(small_graph):
    rows = q.list_actors(small_graph)
    assert [r["id"] for r in rows] == ["actor:basw", "actor:sam-o-neil", "actor:jo-bloggs", "actor:union-of-carers"]
    assert {k: rows[0][k] for k in ("claims", "support", "object", "neutral", "documents", "proposals")} == {
        "claims": 2, "support": 1, "object": 1, "neutral": 0, "documents": 2, "proposals": 2}


def test_list_proposals_counts_claims_and_actors(small_graph):
    rows = {r["id"]: r for r in q.list_proposals(small_graph)}
    teams = rows[TEAMS]
    assert (teams["claims"], teams["support"], teams["object"], teams["supporters"], teams["objectors"],
            teams["documents"]) == (3, 1, 2, 1, 2, 2)
    assert rows["proposal:windfall-tax-private-providers"]["claims"] == 0
    assert all(not r["candidate"] for r in rows.values())


def test_list_candidate_proposals_with_evidence(taxonomy):
    from argmap.graph import build_graph
    from argmap.model import Actor, ActorType, Claim, DocResult, Stance

    claim = Claim("claim:doc-c:1", "doc-c", "The council backed a new youth hub.", 10, 45, "town-council",
                  Stance.SUPPORT, ("youth-hubs",), ())
    res = DocResult({"id": "doc-c", "path": "doc-c.md", "sha256": "c" * 64},
                    (Actor("town-council", "Town Council", ActorType.ORGANISATION),), (claim,),
                    ({"id": "youth-hubs", "label": "Youth hubs"},))
    g = build_graph([res], taxonomy)
    (row,) = q.list_proposals(g, candidates=True)
    assert (row["id"], row["candidate"], row["claims"], row["support"]) == ("proposal:youth-hubs", True, 1, 1)
    assert row["evidence"][0]["id"] == "claim:doc-c:1"
    assert row["evidence"][0]["speaker"]["name"] == "Town Council"
    # candidate proposals can be queried by name like taxonomy ones
    assert q.supporters(g, "youth hubs")["actors"][0]["id"] == "actor:town-council"
    assert q.list_proposals(g, candidates=False)[0]["id"] == "proposal:youth-hubs"


def test_list_themes(small_graph):
    rows = {r["id"]: r for r in q.list_themes(small_graph)}
    assert (rows["theme:funding"]["claims"], rows["theme:funding"]["object"], rows["theme:funding"]["actors"],
            rows["theme:funding"]["proposals"]) == (1, 1, 1, 1)
    assert rows["theme:poverty"]["claims"] == 0


# ---------------------------------------------------------------- show / agree / explain

def test_show_by_id_claim_short_id_and_name(small_graph):
    r = q.show(small_graph, "actor:jo-bloggs")
    assert r["kind"] == "actor" and r["attributes"]["role"] == "chair"
    assert r["out"] == [
        {"edge": "affiliated_with", "id": "actor:union-of-carers", "kind": "actor", "label": "Union of Carers"},
        {"edge": "asserts", "id": "claim:doc-a:1", "kind": "claim",
         "label": 'Bloggs said the teams "cannot work without new money".'},
    ]
    assert q.show(small_graph, "doc-a:1")["id"] == "claim:doc-a:1"
    assert q.show(small_graph, "Bloggs")["id"] == "actor:jo-bloggs"
    assert {n["id"] for n in q.show(small_graph, "funding")["in"]} == {"claim:doc-a:1"}


def test_show_ambiguous_name_is_an_error(small_graph):
    with pytest.raises(QueryError, match="matches several nodes"):
        q.show(small_graph, "family")


def test_agree_same_and_opposite(small_graph):
    r = q.agree(small_graph, "BASW", "Union of Carers")
    assert [(x["id"], x["a_stance"], x["b_stance"]) for x in r["same"]] == [("proposal:family-help", "support", "support")]
    assert r["opposite"] == [] and r["partly"] == []


def test_agree_puts_a_mixed_stance_in_partly_only(small_graph):
    r = q.agree(small_graph, "Bloggs", "O'Neil")
    assert [(x["id"], x["a_stance"], x["b_stance"]) for x in r["partly"]] == [(TEAMS, "object", "mixed")]
    assert r["same"] == [] and r["opposite"] == []  # never in both "same" and "opposite"
    assert [c["id"] for c in r["partly"][0]["b_claims"]] == ["claim:doc-b:1", "claim:doc-b:2"]


@pytest.mark.parametrize("a, b, group", [
    ({"support"}, {"support"}, "same"), ({"object"}, {"object"}, "same"),
    ({"support"}, {"object"}, "opposite"), ({"object"}, {"support"}, "opposite"),
    ({"support", "object"}, {"object"}, "partly"), ({"support"}, {"support", "object"}, "partly"),
    ({"support", "object"}, {"support", "object"}, "partly"),
])
def test_agreement_groups(a, b, group):
    assert q.agreement(a, b) == group


def test_agree_errors(small_graph):
    with pytest.raises(QueryError, match="both name British Association of Social Workers"):
        q.agree(small_graph, "BASW", "british association of social workers")
    with pytest.raises(q.NoMatchError, match="no actor matches 'nobody'"):
        q.agree(small_graph, "BASW", "nobody")


def test_explain(small_graph):
    r = q.explain(small_graph, "claim:doc-a:1")
    assert r == {
        "id": "claim:doc-a:1", "text": 'Bloggs said the teams "cannot work without new money".',
        "document": {"id": "doc-a", "title": "Doc A", "path": "doc-a.md"},
        "start": 100, "end": 154, "location": "doc-a:100-154",
        "speaker": {"id": "actor:jo-bloggs", "name": "Jo Bloggs", "kind": "person"},
        "attribution": "says", "stance": "object", "stance_cues": ["without new money"],
        "targets": [{"id": TEAMS, "kind": "proposal", "label": "Multi-agency child protection teams"}],
        "target_cues": [],
        "themes": [{"id": "theme:funding", "kind": "theme", "label": "Funding and resources"}],
        "rule": "hand-built", "quoted": True,
    }
    assert q.explain(small_graph, "doc-a:1") == r


def test_explain_unknown_claim_suggests_ids(small_graph):
    with pytest.raises(QueryError, match=r"no claim 'doc-a:7'; closest: claim:doc-a:"):
        q.explain(small_graph, "doc-a:7")
    with pytest.raises(QueryError, match="no claim 'actor:basw'"):
        q.explain(small_graph, "actor:basw")


def test_a_node_id_names_that_node_alone_without_name_matching(small_graph, monkeypatch):
    ix = q.index_of(small_graph)

    def no_matching(*args, **kwargs):
        raise AssertionError("an exact id should not go through name matching")

    monkeypatch.setattr(type(ix.name_index), "resolve", no_matching)
    res = q.lookup(ix, " actor:basw ", ("actor",))
    assert res.ids == ["actor:basw"] and res.matches[0].how == "exact"
    assert [m["id"] for m in q.objectors(ix, "proposal:alternatively-qualified-staff")["matched"]] == \
        ["proposal:alternatively-qualified-staff"]
    monkeypatch.undo()
    # an id of another kind is still a name to match (and here names an actor, so the hint says so)
    with pytest.raises(q.NoMatchError, match="names an actor"):
        q.lookup(ix, "actor:basw", ("proposal", "theme"))


# ---------------------------------------------------------------- parts, text matches, other readings

def test_a_question_about_a_parent_includes_its_parts(small_graph):
    """The bill's objectors include those of the multi-agency teams, one of its measures; the teams'
    objectors do not include the bill's."""
    from argmap.queries import objectors

    bill = objectors(small_graph, "Children's Wellbeing and Schools Bill")
    assert {a["id"] for a in bill["actors"]} == {"actor:jo-bloggs", "actor:sam-o-neil"}
    parts = {p["id"] for p in bill["matched"][0]["parts"]}
    assert "proposal:multi-agency-child-protection-teams" in parts and "proposal:family-help" not in parts
    teams = objectors(small_graph, "multi-agency child protection teams")
    assert "parts" not in teams["matched"][0]
    reform = objectors(small_graph, "proposal:social-care-reform")  # the whole reform: everything below it
    assert {a["id"] for a in reform["actors"]} == {"actor:jo-bloggs", "actor:sam-o-neil", "actor:basw"}


def test_a_query_that_names_nothing_is_answered_from_the_claims_words(small_graph):
    from argmap.queries import NoMatchError, objections, objectors, supporters

    answer = objectors(small_graph, "cannot work")  # no proposal or theme is called that
    assert answer["text_match"] is True and answer["matched"] == [] and answer["text_hits"] == 1
    assert [a["id"] for a in answer["actors"]] == ["actor:jo-bloggs"]
    assert supporters(small_graph, "every area")["actors"][0]["id"] == "actor:basw"
    assert objections(small_graph, "cannot work")["total_claims"] == 1
    with pytest.raises(NoMatchError):
        objectors(small_graph, "zebra crossings")


def test_a_matched_query_reports_its_other_readings(small_graph):
    from argmap.queries import objectors

    answer = objectors(small_graph, "family help")
    assert answer["matched"][0]["id"] == "proposal:family-help"
    assert "proposal:family-help-practices" in {c["id"] for c in answer["other_readings"]}
    assert "text_match" not in answer


def test_the_cli_says_when_it_answers_from_the_claims_words(small_graph_file):
    import json

    from click.testing import CliRunner

    from argmap.cli import cli

    r = CliRunner().invoke(cli, ["objectors", "cannot work", "-g", str(small_graph_file)])
    assert r.exit_code == 0, r.output
    assert "No proposal or theme is named 'cannot work': a text match instead" in r.output
    assert "Jo Bloggs" in r.output
    r = CliRunner().invoke(cli, ["objectors", "cannot work", "-g", str(small_graph_file), "--json"])
    assert json.loads(r.output)["text_match"] is True
    r = CliRunner().invoke(cli, ["objectors", "zebra crossings", "-g", str(small_graph_file)])
    assert r.exit_code == 1 and "no proposal or theme matches" in r.output
