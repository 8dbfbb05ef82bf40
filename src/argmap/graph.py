"""The argument graph: build it from extraction results, and read and write it as JSON.

The graph is a networkx MultiDiGraph. Node ids are readable and stable
(``doc:<id>``, ``actor:<slug>``, ``claim:<doc>:<n>``, ``proposal:<id>``, ``theme:<id>``);
every node has ``kind`` and ``label``; every edge has ``kind`` (also used as its key).
The file is networkx node-link JSON (``edges="edges"``) with graph attributes for provenance.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.errors import GraphFileError
from argmap.graphdata import (  # noqa: F401 - re-exported: the node id helpers live with the merge
    STANCE_EDGE,
    actor_node,
    candidate_merges,
    doc_node,
    dumps_data,
    graph_data,
    proposal_node,
    theme_node,
    write_graph_data,
)
from argmap.graphfile import FORMAT, FORMAT_VERSION, check_envelope, read_graph_json  # noqa: F401
from argmap.model import DocResult
from argmap.taxonomy import Taxonomy

# node attribute names
KIND = "kind"
LABEL = "label"


def build_graph(
    results: Iterable[DocResult],
    taxonomy: Taxonomy,
    *,
    meta: dict[str, Any] | None = None,
) -> nx.MultiDiGraph:
    """Merge per-document extraction results into one argument graph.

    Every taxonomy proposal and theme becomes a node (so queries can name them even when no
    claim touches them); candidate proposals found by discovery are added with ``candidate=True``.
    Nodes and edges are in sorted order, so the JSON is byte-identical across runs. The merge
    itself is :func:`argmap.graphdata.graph_data`, which builds the node-link data this graph is
    made from (and which large merges write without building a networkx graph at all).
    """
    return graph_from_node_link(graph_data(results, taxonomy, meta=meta))


def merge_candidates(g: nx.MultiDiGraph) -> None:
    """Candidate proposals that name one thing in other words ('reporting duty', 'mandatory
    reporting duty') become one node, in a networkx graph (:func:`build_graph` does it already;
    the choice is :func:`argmap.graphdata.candidate_merges`)."""
    cands = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "proposal" and d.get("candidate"))
    plan = candidate_merges({n: str(g.nodes[n].get("label", "")) for n in cands},
                            {n: sum(1 for _ in g.in_edges(n)) for n in cands})
    for old in sorted(plan):
        new = plan[old]
        label = g.nodes[old].get("label")
        aliases = g.nodes[new].setdefault("aliases", [])
        if label and label not in aliases:
            aliases.append(label)
            aliases.sort()
        for claim, _, key, data in list(g.in_edges(old, keys=True, data=True)):
            g.remove_edge(claim, old, key=key)
            if not g.has_edge(claim, new, key):
                g.add_edge(claim, new, key=key, **data)
            targets = g.nodes[claim].get("targets") or []
            g.nodes[claim]["targets"] = list(dict.fromkeys(new if t == old else t for t in targets))
        g.remove_node(old)


def graph_from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The networkx graph of node-link data built by argmap (not checked: see :func:`graph_from_data`)."""
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


# ---------------------------------------------------------------- JSON I/O

def graph_to_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dict for a graph."""
    return nx.node_link_data(g, edges="edges")


def graph_from_data(data: Any, *, source: str = "graph") -> nx.MultiDiGraph:
    """Rebuild a graph from node-link data, checking that it is an argmap graph we can read."""
    check_envelope(data, source)
    for kind in ("nodes", "edges"):
        if not all(isinstance(item, dict) for item in data[kind]):
            raise GraphFileError(f"{source} is damaged: its {kind} are not all objects; rebuild it")
    if not all(isinstance(item.get("id"), str) for item in data["nodes"]):
        raise GraphFileError(f"{source} is damaged: a node has no id; rebuild it")
    try:
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as exc:
        raise GraphFileError(f"{source} is damaged ({exc.__class__.__name__}: {exc}); rebuild it") from None
    for n, d in g.nodes(data=True):
        if not isinstance(d, dict) or "kind" not in d:
            raise GraphFileError(f"{source} is damaged: node {n!r} has no kind; rebuild it")
    return g


def dumps_graph(g: nx.MultiDiGraph) -> str:
    """The graph as deterministic JSON text (``json.dumps`` with ``indent=1, sort_keys=True``)."""
    return dumps_data(graph_to_data(g))


def write_graph(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph to ``path`` atomically (the previous file survives any failure)."""
    write_graph_data(graph_to_data(g), path)


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph`; raise GraphFileError with one clear line if it can't."""
    data, source = read_graph_json(path)
    return graph_from_data(data, source=source)
