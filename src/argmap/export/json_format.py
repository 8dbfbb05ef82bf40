"""JSON export: networkx node-link JSON, argmap's native graph format (it reads back losslessly)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from argmap.errors import GraphFileError
from argmap.graph import dumps_graph, graph_from_data, write_graph


def to_json(graph: nx.MultiDiGraph) -> str:
    """The graph as deterministic node-link JSON text (the same bytes ``argmap build`` writes)."""
    return dumps_graph(graph)


def from_json(text: str, *, source: str = "JSON export") -> nx.MultiDiGraph:
    """Read a graph back from :func:`to_json` text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphFileError(f"{source} is not valid JSON ({exc})") from None
    return graph_from_data(data, source=source)


def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as JSON to ``path`` atomically."""
    write_graph(graph, path)
