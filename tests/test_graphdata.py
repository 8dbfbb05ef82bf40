"""The merge to node-link data without networkx, and its JSON text (the same bytes as json.dumps)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.graph import (
    build_graph,
    dumps_graph,
    graph_from_node_link,
    graph_to_data,
    merge_candidates,
)
from argmap.graphdata import _Builder, dumps_data, graph_data, iter_json, write_graph_data
from argmap.model import Actor, ActorType, Claim, DocResult, Stance
from conftest import small_results

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                     st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20))
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                       max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _values, max_size=6))
def test_json_text_is_what_json_dumps_gives(data):
    expected = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert "".join(iter_json(data)) == expected


def test_graph_data_is_the_node_link_data_of_build_graph(taxonomy):
    data = graph_data(small_results(), taxonomy, meta={"model": "m"})
    assert dumps_data(data) == dumps_graph(build_graph(small_results(), taxonomy, meta={"model": "m"}))
    assert graph_to_data(graph_from_node_link(data)) == data


def test_writing_identical_bytes_leaves_the_file_alone(taxonomy, tmp_path):
    path = tmp_path / "g.json"
    data = graph_data(small_results(), taxonomy)
    assert write_graph_data(data, path)[0] is True
    before = path.stat().st_mtime_ns
    written, digest = write_graph_data(data, path)
    assert written is False and path.stat().st_mtime_ns == before and len(digest) == 64
    assert write_graph_data(graph_data(small_results()[:1], taxonomy), path)[0] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


def _candidate_results() -> list[DocResult]:
    actor = Actor("x", "X Group", ActorType.ORGANISATION, ())
    claims = [Claim(f"claim:d:{n}", "d", f"Claim {n}.", n * 10, n * 10 + 8, "x", Stance.SUPPORT, (cand,), ())
              for n, cand in enumerate(["candidate-reporting-duty", "candidate-mandatory-reporting-duty",
                                        "candidate-mandatory-reporting-duty", "candidate-pay-cap"], start=1)]
    cands = ({"id": "candidate-reporting-duty", "label": "reporting duty"},
             {"id": "candidate-mandatory-reporting-duty", "label": "mandatory reporting duty"},
             {"id": "candidate-pay-cap", "label": "pay cap"})
    return [DocResult({"id": "d", "path": "d.md", "sha256": "0" * 64}, (actor,), tuple(claims), cands)]


def test_candidates_naming_one_proposal_merge_as_on_a_networkx_graph(taxonomy):
    data = graph_data(_candidate_results(), taxonomy)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert "proposal:candidate-reporting-duty" not in nodes and "proposal:candidate-pay-cap" in nodes
    assert nodes["proposal:candidate-mandatory-reporting-duty"]["aliases"] == ["reporting duty"]
    assert nodes["claim:d:1"]["targets"] == ["proposal:candidate-mandatory-reporting-duty"]
    # the same as merging a networkx graph of the unmerged data
    b = _Builder()
    for res in _candidate_results():
        b.add_result(res)
    g = graph_from_node_link(b.finish({}))
    merge_candidates(g)
    merged = graph_to_data(g)
    assert {n["id"] for n in merged["nodes"]} == {n["id"] for n in data["nodes"] if n.get("kind") != "theme"
                                                 and not (n.get("kind") == "proposal" and not n.get("candidate"))}
    assert sorted((e["source"], e["target"]) for e in merged["edges"]) == \
        sorted((e["source"], e["target"]) for e in data["edges"])
