"""Discourse networks on small hand-built graphs, and their weights against a brute-force count."""

from __future__ import annotations

import math
from itertools import product

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import QueryError
from argmap.graph import build_graph
from argmap.model import Actor, ActorType, Claim, DocResult, Stance
from argmap.networks import (
    actor_network,
    coalitions,
    label_coalitions,
    normaliser,
    pairs,
    parse_day,
    polarisation,
    profiles,
    statements,
)
from argmap.queries import NoMatchError

P1, P2, P3 = "family-help", "pathfinder-rollout", "alternatively-qualified-staff"
PERSON, ORG = ActorType.PERSON, ActorType.ORGANISATION


def make_graph(taxonomy, docs, claims, actors):
    """docs: {doc: date or None}; claims: [(doc, actor or None, stance, targets, themes)];
    actors: {id: (type, affiliation or None)}."""
    results = []
    for doc, day in docs.items():
        meta = {"id": doc, "path": f"{doc}.md", "sha256": doc * 4, "title": doc.title()}
        if day:
            meta["date"] = day
        cs, used = [], set()
        for n, (d, actor, stance, targets, themes) in enumerate(c for c in claims if c[0] == doc):
            cs.append(Claim(f"claim:{doc}:{n + 1}", doc, f"claim {n + 1} of {doc}", n * 10, n * 10 + 5, actor,
                            Stance(stance), tuple(targets), tuple(themes)))
            if actor:
                used.add(actor)
                if actors[actor][1]:
                    used.add(actors[actor][1])
        acts = tuple(Actor(a, a.replace("-", " ").title(), actors[a][0], affiliation=actors[a][1])
                     for a in sorted(used))
        results.append(DocResult(meta, acts, tuple(cs)))
    return build_graph(results, taxonomy)


ACTORS = {"ann": (PERSON, "union"), "bob": (PERSON, None), "cat": (PERSON, None),
          "union": (ORG, None), "dept": (ORG, None)}


@pytest.fixture()
def camps(taxonomy):
    """Two camps: ann+union+bob support family help and the roll-out; dept and cat object to both."""
    docs = {"march": "2025-03-10", "april": "2025-04-20", "june": "2025-06-02", "undated": None}
    claims = [
        ("march", "ann", "support", [P1, P2], []),
        ("march", "ann", "support", [P1], []),  # repeated in the same document
        ("march", "union", "support", [P1], []),
        ("march", "dept", "object", [P1], ["funding"]),
        ("april", "bob", "support", [P1, P2], []),
        ("april", "cat", "object", [P1, P2], ["funding"]),
        ("april", "dept", "object", [P2], ["evaluation"]),
        ("june", "ann", "support", [P2], []),
        ("june", "cat", "support", [P3], []),
        ("june", None, "object", [P1], []),  # unattributed: no statement
        ("june", "bob", "neutral", [P1], []),  # neutral: no statement
        ("undated", "union", "object", [P3], []),
    ]
    return make_graph(taxonomy, docs, claims, ACTORS)


def w(net, a, b):
    return net.edges[f"actor:{a}", f"actor:{b}"]["weight"] if net.has_edge(f"actor:{a}", f"actor:{b}") else 0


def test_statements_skip_neutral_and_unattributed(camps):
    found = statements(camps)
    assert all(s.stance in ("support", "object") and s.actor.startswith("actor:") for s in found)
    assert len(found) == 13  # 15 claim-targets, less the unattributed and the neutral one
    assert {s.date.isoformat() if s.date else None for s in found} == {"2025-03-10", "2025-04-20", "2025-06-02", None}


def test_congruence_counts_same_stance_pairs(camps):
    net = actor_network(camps)
    # ann: support P1 (march, once per document), P2 (march), P2 (june); bob: support P1, P2 (april)
    assert w(net, "ann", "bob") == 1 * 1 + 2 * 1  # P1 once each; P2 twice for ann, once for bob
    assert w(net, "ann", "union") == 1
    assert w(net, "dept", "cat") == 1 + 1  # P1 object, P2 object
    assert w(net, "ann", "dept") == 0  # only opposite stances
    e = net.edges["actor:ann", "actor:bob"]
    assert (e["congruence"], e["conflict"], e["agree"], e["disagree"]) == (3, 0, [f"proposal:{P1}", f"proposal:{P2}"], [])
    assert net.graph["kind"] == "congruence" and net.nodes["actor:ann"]["statements"] == 3


def test_counts_multiply(taxonomy):
    docs = {"a": "2025-01-01", "b": "2025-02-01"}
    claims = [(d, actor, "support", [P1], []) for d in docs for actor in ("ann", "bob")]
    claims += [(d, "cat", "object", [P1], []) for d in docs]
    g = make_graph(taxonomy, docs, claims, ACTORS)
    assert w(actor_network(g), "ann", "bob") == 4  # two documents each: 2 x 2
    assert w(actor_network(g, "conflict"), "ann", "cat") == 4
    assert w(actor_network(g, duplicates="once"), "ann", "bob") == 1


def test_conflict_and_subtract(camps):
    conflict = actor_network(camps, "conflict")
    assert w(conflict, "ann", "dept") == 1 * 1 + 2 * 1  # P1: 1x1; P2: ann 2 x dept 1
    assert w(conflict, "ann", "bob") == 0
    sub = actor_network(camps, "subtract")
    assert w(sub, "ann", "bob") == 3 and w(sub, "ann", "dept") == -3
    assert all(d["weight"] != 0 for *_, d in sub.edges(data=True))


def test_duplicates_settings(camps):
    include = actor_network(camps, duplicates="include")
    assert include.nodes["actor:ann"]["statements"] == 4  # the repeated claim counts
    assert w(include, "ann", "union") == 2
    once = actor_network(camps, duplicates="once")
    assert once.nodes["actor:ann"]["statements"] == 2 and w(once, "ann", "bob") == 2
    with pytest.raises(QueryError, match="duplicates"):
        actor_network(camps, duplicates="twice")


def test_normalisations_on_a_known_pair(camps):
    # ann: {P1+:1, P2+:2}; bob: {P1+:1, P2+:1}; congruence 3
    assert w(actor_network(camps, normalization="average"), "ann", "bob") == pytest.approx(3 / ((3 + 2) / 2))
    assert w(actor_network(camps, normalization="jaccard"), "ann", "bob") == pytest.approx(3 / (1 + 2))
    assert w(actor_network(camps, normalization="cosine"), "ann", "bob") == pytest.approx(3 / (math.sqrt(5) * math.sqrt(2)))
    with pytest.raises(QueryError, match="does not apply"):
        actor_network(camps, normalization="activity")


def test_filters(camps):
    march = actor_network(camps, until="2025-03")
    assert set(march.nodes) == {"actor:ann", "actor:union", "actor:dept"}
    later = actor_network(camps, since="2025-04-01")
    assert "actor:union" not in later  # its only later statement is undated, left out by a date filter
    assert later.graph["undated_left_out"] == 1 and actor_network(camps).graph["undated_left_out"] == 0
    assert set(actor_network(camps, proposals=["roll-out of the pathfinder reforms"]).nodes) == \
        {"actor:ann", "actor:bob", "actor:cat", "actor:dept"}
    funding = actor_network(camps, themes=["funding"])
    assert set(funding.nodes) == {"actor:dept", "actor:cat"} and w(funding, "dept", "cat") == 1
    people = actor_network(camps, actor_types=["person"])
    assert {d["actor_type"] for _, d in people.nodes(data=True)} == {"person"}
    assert set(actor_network(camps, documents=["april"]).nodes) == {"actor:bob", "actor:cat", "actor:dept"}
    assert actor_network(camps, min_weight=2).number_of_edges() == 2  # ann-bob 3, cat-dept 2
    with pytest.raises(NoMatchError):
        actor_network(camps, proposals=["space travel"])
    with pytest.raises(QueryError, match="actor type"):
        actor_network(camps, actor_types=["robot"])
    with pytest.raises(QueryError, match="after"):
        actor_network(camps, since="2025-05", until="2025-04")


def test_two_mode_and_affiliation(camps):
    two = actor_network(camps, "two-mode")
    e = two.edges["actor:cat", f"proposal:{P1}"]
    assert (e["support"], e["object"], e["stance"]) == (0, 1, "object")
    assert two.nodes[f"proposal:{P1}"]["node_type"] == "proposal"
    assert nx.is_bipartite(two)
    act = actor_network(camps, "two-mode", normalization="activity")
    assert sum(d["weight"] for _, _, d in act.edges("actor:ann", data=True)) == pytest.approx(1.0)
    aff = actor_network(camps, "affiliation")
    assert list(aff.edges) == [("actor:ann", "actor:union")]


def test_coalitions_find_the_two_camps(camps):
    net = actor_network(camps)
    found = coalitions(net)
    assert [set(c.members) for c in found] == [{"actor:ann", "actor:bob", "actor:union"}, {"actor:cat", "actor:dept"}]
    first = found[0]
    assert first.id == 1 and first.agreements[0].proposal == f"proposal:{P1}" and first.agreements[0].stance == "support"
    assert first.agreements[0].label == "Family help services"
    assert coalitions(net) == found  # fixed seed: the same answer every time
    assert label_coalitions(net, found).nodes["actor:cat"]["coalition"] == 2
    with pytest.raises(QueryError, match="congruence or subtract"):
        coalitions(actor_network(camps, "conflict"))


def test_polarisation_of_two_camps_is_high(camps):
    pol = polarisation(camps)
    # every agreement is inside a camp; every disagreement runs between them
    assert pol.value == 1.0 and pol.agreement_inside == pol.agreement_total and pol.conflict_across == pol.conflict_total
    assert polarisation(camps, []).value == 0.0  # no coalitions: no agreement inside any


def test_polarisation_without_conflict_is_zero(taxonomy):
    g = make_graph(taxonomy, {"d": "2025-01-01"}, [("d", "ann", "support", [P1], []), ("d", "bob", "support", [P1], [])],
                   ACTORS)
    assert polarisation(g).value == 0.0 and polarisation(g).conflict_total == 0


def test_parse_day():
    assert parse_day("2024-02", end=True).isoformat() == "2024-02-29"
    assert parse_day("2025", end=True).isoformat() == "2025-12-31"
    assert parse_day("2025-06-15").isoformat() == "2025-06-15"
    for bad in ("June", "2025-13", "2025-02-30"):
        with pytest.raises(QueryError, match="not a date"):
            parse_day(bad)


# ---------------------------------------------------------------- brute force on random graphs

SPEAKERS = ["ann", "bob", "cat", "union", "dept"]
TARGETS = [P1, P2, P3]


@st.composite
def random_debates(draw):
    docs = {f"d{i}": f"2025-0{i + 1}-15" for i in range(draw(st.integers(1, 4)))}
    speakers = draw(st.lists(st.sampled_from(SPEAKERS), min_size=2, max_size=5, unique=True))
    claim = st.tuples(st.sampled_from(sorted(docs)), st.sampled_from([*speakers, None]),
                      st.sampled_from(["support", "object", "object", "support", "neutral"]),
                      st.lists(st.sampled_from(TARGETS), min_size=0, max_size=3, unique=True), st.just([]))
    return docs, draw(st.lists(claim, min_size=6, max_size=40))


def brute_force(claims, kind, duplicates, normalization):
    """Weights by enumerating pairs of statements, straight from the claim list (not the graph)."""
    stmts = set()
    for n, (doc, actor, stance, targets, _) in enumerate(claims):
        if actor is None or stance == "neutral":
            continue
        for p in targets:
            unit = {"include": (doc, n), "document": (doc,), "once": ()}[duplicates]
            stmts.add((unit, actor, p, stance))
    vec = {a: {} for a in SPEAKERS}
    for _, actor, p, stance in stmts:
        vec[actor][(p, stance)] = vec[actor].get((p, stance), 0) + 1
    out = {}
    for a, b in product(SPEAKERS, SPEAKERS):
        if a >= b:
            continue
        same = sum(1 for s in stmts for t in stmts if s[1] == a and t[1] == b and s[2] == t[2] and s[3] == t[3])
        opp = sum(1 for s in stmts for t in stmts if s[1] == a and t[1] == b and s[2] == t[2] and s[3] != t[3])
        raw = {"congruence": same, "conflict": opp, "subtract": same - opp}[kind]
        va, vb = vec[a], vec[b]
        keys = set(va) | set(vb)
        norm = {
            "none": 1,
            "average": (sum(va.values()) + sum(vb.values())) / 2,
            "jaccard": sum(va.get(k, 0) * vb.get(k, 0) if va.get(k) and vb.get(k) else va.get(k, 0) + vb.get(k, 0)
                           for k in keys),
            "cosine": math.sqrt(sum(x * x for x in va.values())) * math.sqrt(sum(x * x for x in vb.values())),
        }[normalization]
        out[(a, b)] = raw / norm if raw else 0
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(debate=random_debates(), kind=st.sampled_from(["congruence", "conflict", "subtract"]),
       duplicates=st.sampled_from(["document", "include", "once"]),
       normalization=st.sampled_from(["none", "average", "jaccard", "cosine"]))
def test_weights_match_a_brute_force_count(taxonomy, debate, kind, duplicates, normalization):
    docs, claims = debate
    g = make_graph(taxonomy, docs, claims, ACTORS)
    net = actor_network(g, kind, duplicates=duplicates, normalization=normalization)
    expected = brute_force(claims, kind, duplicates, normalization)
    for (a, b), weight in expected.items():
        assert w(net, a, b) == pytest.approx(weight), (a, b)
    active = {s.actor for s in statements(g)}
    assert set(net.nodes) == active
    prof = profiles(statements(g), duplicates)
    by_python = pairs(prof, normalization, method="python")
    by_matrix = pairs(prof, normalization, method="numpy")
    assert [(p.a, p.b, p.congruence, p.conflict) for p in by_python] == \
        [(p.a, p.b, p.congruence, p.conflict) for p in by_matrix]
    for x, y in zip(by_python, by_matrix):  # both denominators equal the per-pair definition
        assert x.norm == pytest.approx(y.norm) == pytest.approx(normaliser(prof[x.a], prof[x.b], normalization))
    assert {n: sum(c.values()) for n, c in profiles(statements(g), duplicates).items()} == \
        {n: net.nodes[n]["statements"] for n in net.nodes}
