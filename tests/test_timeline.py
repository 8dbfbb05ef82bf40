"""Time windows and month-by-month timelines on small hand-built graphs."""

from __future__ import annotations

from datetime import date

import pytest

from argmap.errors import QueryError
from argmap.graphdiff import diff_graphs
from argmap.queries import NoMatchError
from argmap.timeline import Period, parse_period, timeline, windows
from test_networks import ACTORS, P1, P2, P3, make_graph


@pytest.fixture()
def moving(taxonomy):
    """bob objects to the roll-out in January, is mixed in March, supports it in May; cat supports
    it throughout; dept objects in January only; one undated document."""
    docs = {"jan": "2025-01-20", "mar": "2025-03-05", "may": "2025-05-31", "undated": None}
    claims = [
        ("jan", "bob", "object", [P2], ["funding"]),
        ("jan", "cat", "support", [P2], []),
        ("jan", "dept", "object", [P2, P1], ["evaluation"]),
        ("mar", "bob", "support", [P2], []),
        ("mar", "bob", "object", [P2], ["funding"]),
        ("mar", "cat", "support", [P2], []),
        ("may", "bob", "support", [P2], []),
        ("may", "cat", "support", [P2, P3], []),
        ("undated", "ann", "object", [P2], ["funding"]),
    ]
    return make_graph(taxonomy, docs, claims, ACTORS)


def test_parse_period():
    assert parse_period("6M") == Period(6, "M") and parse_period(" 2w ") == Period(2, "W")
    assert Period(1, "M").add(date(2025, 1, 31)) == date(2025, 2, 28)
    assert Period(1, "Y").add(date(2024, 2, 29)) == date(2025, 2, 28)
    for bad in ("6", "M", "0M", "6 months", "-1M"):
        with pytest.raises(QueryError, match="not a period"):
            parse_period(bad)


def test_timeline_months_and_stance_changes(moving):
    t = timeline(moving, "pathfinder roll-out")
    assert t.targets == (("proposal:pathfinder-rollout", "National roll-out of the pathfinder reforms"),)
    assert [r.month for r in t.rows] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    jan, feb, mar, _, may = t.rows
    assert (len(jan.supporters), len(jan.objectors)) == (1, 2)
    assert feb.supporters == feb.objectors == () and feb.support_claims == 0
    assert mar.supporters == ("actor:bob", "actor:cat") and mar.objectors == ("actor:bob",)
    assert [(c.actor, c.before, c.after, c.before_month, c.month) for c in t.changes] == [
        ("actor:bob", "object", "mixed", "2025-01", "2025-03"),
        ("actor:bob", "mixed", "support", "2025-03", "2025-05")]
    assert mar.changed == ("actor:bob",) and may.changed == ("actor:bob",)
    assert t.undated == 1  # ann's claim cannot be placed in a month
    assert t.to_dict()["months"][0]["object"] == 2


def test_timeline_of_a_theme(moving):
    t = timeline(moving, "funding")
    assert [(r.month, r.object_claims, r.support_claims) for r in t.rows] == [("2025-01", 1, 0), ("2025-02", 0, 0),
                                                                            ("2025-03", 1, 0)]
    assert t.changes == ()


def test_timeline_filters_and_errors(moving):
    assert [r.month for r in timeline(moving, "roll-out", since="2025-03").rows] == ["2025-03", "2025-04", "2025-05"]
    assert timeline(moving, "roll-out", actor_types=["organisation"]).rows[0].objectors == ("actor:dept",)
    with pytest.raises(NoMatchError):
        timeline(moving, "moon landings")
    assert timeline(moving, "home education").rows == ()  # a proposal nobody mentions


def test_windows_cover_every_dated_statement(moving):
    ws = windows(moving, window="2M", step="1M")
    assert [(w.start.isoformat(), w.end.isoformat()) for w in ws] == [
        ("2025-01-01", "2025-03-01"), ("2025-02-01", "2025-04-01"), ("2025-03-01", "2025-05-01"),
        ("2025-04-01", "2025-06-01")]
    first = ws[0]
    assert first.summary() == {"start": "2025-01-01", "end": "2025-02-28", "statements": 4, "actors": 3,
                               "edges": 1, "coalitions": 1, "polarisation": 1.0}
    assert first.network.has_edge("actor:bob", "actor:dept")  # both object to the roll-out in January;
    # cat, who supports it, is their only opponent: all agreement inside, all conflict across
    assert ws[2].network.graph["start"] == "2025-03-01"
    assert first.to_dict()["coalitions"][0]["members"] == [{"id": "actor:bob", "name": "Bob"},
                                                          {"id": "actor:dept", "name": "Dept"}]
    assert all("actor:ann" not in w.network for w in ws)  # undated: in no window


def test_windows_of_other_kinds_and_errors(moving, taxonomy):
    ws = windows(moving, window="1Y", step="1Y", kind="conflict")
    assert len(ws) == 1 and ws[0].network.graph["kind"] == "conflict"
    assert ws[0].network.has_edge("actor:cat", "actor:dept")
    assert len(windows(moving, window="10D", step="10D")) == 14  # 20 Jan .. 31 May in 10-day steps
    undated = make_graph(taxonomy, {"x": None}, [("x", "bob", "support", [P1], [])], ACTORS)
    with pytest.raises(QueryError, match="no dated statements"):
        windows(undated)


def test_diff_graphs(moving, taxonomy):
    docs = {"jan": "2025-01-20", "jun": "2025-06-10"}
    claims = [
        ("jan", "bob", "object", [P2], ["funding"]),
        ("jan", "cat", "support", [P2], []),
        ("jan", "dept", "support", [P2, P1], []),
        ("jun", "eve", "support", [P3], []),
    ]
    new = make_graph(taxonomy, docs, claims, {**ACTORS, "eve": ACTORS["bob"]})
    d = diff_graphs(moving, new)
    assert d.documents_added == ("jun",) and d.documents_removed == ("mar", "may", "undated")
    assert d.actors_added == (("actor:eve", "Eve"),)
    assert [a for a, _ in d.actors_removed] == ["actor:ann", "actor:union"]
    assert d.proposals_added == d.proposals_removed == ()
    assert {(c.speaker, c.stance) for c in d.claims_added} == {("actor:dept", "support"), ("actor:eve", "support")}
    assert ("actor:dept", "object") in {(c.speaker, c.stance) for c in d.claims_removed}
    changes = {(s.actor, s.proposal): (s.before, s.after) for s in d.stance_changes}
    assert changes[("actor:dept", "proposal:pathfinder-rollout")] == ("object", "support")
    assert changes[("actor:bob", "proposal:pathfinder-rollout")] == ("mixed", "object")
    assert changes[("actor:eve", "proposal:alternatively-qualified-staff")] == ("none", "support")
    assert ("actor:cat", "proposal:pathfinder-rollout") not in changes
    assert diff_graphs(new, new).empty and not d.empty
    assert d.to_dict()["stance_changes"][0]["before"] in ("support", "object", "mixed", "none")


def test_one_import_point():
    from argmap import graphdiff, networks
    from argmap import timeline as timeline_module

    assert networks.timeline is timeline_module.timeline and networks.windows is timeline_module.windows
    assert networks.diff_graphs is graphdiff.diff_graphs
    with pytest.raises(AttributeError):
        networks.no_such_function  # noqa: B018
