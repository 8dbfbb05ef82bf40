"""The evaluator: gold parsing, matching rules, scores (hand-built graph; no model)."""

from __future__ import annotations

import pytest

from argmap.errors import ArgmapError
from argmap.evaluate import Position, evaluate, format_report, graph_positions, read_gold

HEADER = "document\tactor\tstance\ttarget\tevidence\n"


def write(tmp_path, rows: str):
    p = tmp_path / "gold.tsv"
    p.write_text(HEADER + rows, encoding="utf-8")
    return p


def test_graph_positions_include_objection_grounds(small_graph):
    pos = graph_positions(small_graph)
    assert Position("doc-a", "actor:jo-bloggs", "object", "theme:funding") in pos
    assert Position("doc-a", "actor:union-of-carers", "support", "proposal:family-help") in pos
    # support claims contribute no theme positions
    assert not any(p.stance == "support" and p.target.startswith("theme:") for p in pos)


def test_perfect_and_partial_scores(small_graph, tmp_path):
    gold = read_gold(write(tmp_path,
        "doc-a\tJo Bloggs\tobject\tproposal:multi-agency-child-protection-teams\tx\n"
        "doc-a\tBloggs\tobject\ttheme:funding\tx\n"               # surname alias
        "doc-a\tBASW\tobject\tproposal:alternatively-qualified-staff\tx\n"  # acronym alias
        "doc-b\tSam O\u2019Neil\tsupport\tproposal:multi-agency-child-protection-teams\tx\n"  # curly apostrophe
        "doc-b\tSam O'Neil\tobject\tproposal:family-help\tmissed\n"))
    ev = evaluate(small_graph, gold)
    overall = ev.scores["overall"]
    assert overall.tp == 4 and overall.fn == 1
    assert [p.target for p in ev.missed] == ["proposal:family-help"]
    # everything the graph says about doc-a and doc-b that gold lacks is a false positive
    fp_targets = {p.target for p, _ in ev.false_positives}
    assert "theme:dilution-of-social-work" in fp_targets and "theme:evaluation" in fp_targets
    assert 0 < overall.precision < 1 and overall.recall == pytest.approx(0.8)
    report = format_report(ev)
    assert "missed (1):" in report and "false positives" in report


def test_documents_outside_the_gold_are_ignored(small_graph, tmp_path):
    gold = read_gold(write(tmp_path, "doc-a\tJo Bloggs\tobject\ttheme:funding\tx\n"))
    ev = evaluate(small_graph, gold)
    assert all(p.document == "doc-a" for p, _ in ev.false_positives)


@pytest.mark.parametrize("rows,message", [
    ("doc\tactor\tmaybe\tproposal:x\tx\n", "stance must be support or object"),
    ("doc\tactor\tobject\tfamily-help\tx\n", "target must start with"),
    ("doc\tactor\n", "expected at least 4"),
])
def test_malformed_gold_is_one_clear_error(tmp_path, rows, message):
    with pytest.raises(ArgmapError, match=message):
        read_gold(write(tmp_path, rows))


def test_gold_without_header_is_rejected(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text("a\tb\tc\td\n")
    with pytest.raises(ArgmapError, match="header"):
        read_gold(p)


def test_candidate_proposals_match_discovery_targets(taxonomy, tmp_path):
    from argmap.graph import build_graph
    from argmap.model import Actor, ActorType, DocResult, Stance
    from conftest import _claim

    c = _claim("d", 1, "kim", Stance.SUPPORT, "Kim backed a caseload cap.", ["candidate-caseload-cap"])
    res = DocResult({"id": "d", "path": "d.txt", "sha256": "0" * 64}, (Actor("kim", "Kim Lo", ActorType.PERSON),),
                    (c,), ({"id": "candidate-caseload-cap", "label": "caseload cap"},))
    g = build_graph([res], taxonomy)
    gold = read_gold(write(tmp_path, "d\tKim Lo\tsupport\tproposal:?caseload cap\tx\n"))
    assert evaluate(g, gold).scores["overall"].tp == 1


def _doc_graph():
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("doc:d", kind="document", path="d.txt")
    g.add_node("actor:x", kind="actor", label="X", name="X")
    g.add_node("proposal:reform", kind="proposal", label="Reform", proposal_kind="policy")
    g.add_node("proposal:bill", kind="proposal", label="Bill", proposal_kind="document", parent="proposal:reform")
    g.add_node("proposal:clause", kind="proposal", label="Clause", proposal_kind="clause", parent="proposal:bill")
    for n, target in enumerate(("proposal:bill", "proposal:clause")):
        g.add_node(f"claim:d:{n}", kind="claim", document="d", speaker="actor:x", stance="object",
                   targets=[target], themes=[])
    return g


def test_a_document_the_gold_never_names_counts_as_its_parent(tmp_path):
    """Older gold files call the bill 'the reform'; a clause is never promoted."""
    gold = read_gold(write(tmp_path, "d\tX\tobject\tproposal:reform\tx\n"))
    ev = evaluate(_doc_graph(), gold)
    assert ev.scores["overall"].tp == 1
    assert [p.target for p, _ in ev.false_positives] == ["proposal:clause"]


def test_a_gold_file_that_names_the_document_is_scored_exactly(tmp_path):
    gold = read_gold(write(tmp_path, "d\tX\tobject\tproposal:bill\tx\nd\tX\tobject\tproposal:reform\tx\n"))
    ev = evaluate(_doc_graph(), gold)
    assert ev.scores["overall"].tp == 1
    assert [p.target for p in ev.missed] == ["proposal:reform"]


def test_a_document_the_gold_names_outside_the_taxonomy_is_scored_as_itself(tmp_path):
    """A gold file written before the taxonomy described the bill names it 'proposal:?Bill': a claim
    about the bill matches that name and is not promoted to the reform."""
    gold = read_gold(write(tmp_path, "d\tX\tobject\tproposal:?Bill\tx\n"))
    ev = evaluate(_doc_graph(), gold)
    assert ev.scores["overall"].tp == 1
    assert [p.target for p, _ in ev.false_positives] == ["proposal:clause"]


def _named_graph(label: str, aliases: list[str], *, candidate: bool = False):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("doc:d", kind="document", path="d.txt")
    g.add_node("actor:x", kind="actor", label="X", name="X")
    g.add_node("proposal:p", kind="proposal", label=label, aliases=aliases, candidate=candidate,
               proposal_kind="policy")
    g.add_node("claim:d:0", kind="claim", document="d", speaker="actor:x", stance="support",
               targets=["proposal:p"], themes=[])
    return g


@pytest.mark.parametrize("label,aliases", [
    ("Recruiting and keeping foster carers", ["foster carer recruitment"]),  # an alias says it
    ("Foster carer recruitment and retention", []),  # the label holds every word
    ("More foster carers", ["recruiting foster carers"]),  # plural and -ing forms folded
])
def test_a_gold_name_outside_the_taxonomy_matches_a_later_taxonomy_proposal_that_says_it(tmp_path, label, aliases):
    gold = read_gold(write(tmp_path, "d\tX\tsupport\tproposal:?foster carer recruitment\tx\n"))
    assert evaluate(_named_graph(label, aliases), gold).scores["overall"].tp == 1


@pytest.mark.parametrize("label,aliases", [
    ("National children's social care framework", ["national framework"]),  # 'foster' is missing
    ("Recruiting social workers", ["recruit social workers"]),  # most words, not all
])
def test_a_gold_name_outside_the_taxonomy_needs_every_word_in_one_name(tmp_path, label, aliases):
    gold = read_gold(write(tmp_path, "d\tX\tsupport\tproposal:?national framework for foster care\tx\n"
                                      "d\tX\tsupport\tproposal:?foster carer recruitment\tx\n"))
    ev = evaluate(_named_graph(label, aliases), gold)
    assert ev.scores["overall"].tp == 0 and len(ev.false_positives) == 1
