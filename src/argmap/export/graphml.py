"""GraphML export for Gephi, yEd and Cytoscape users.

GraphML holds only scalar attributes, so list values are joined with "; ", dict values (and
lists of dicts) become JSON text, None values are dropped, and characters XML cannot carry
are removed. Node ids, edge keys and every scalar attribute are kept as they are, so
``networkx.read_graphml`` gives back the same nodes and edges.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.atomic import write_text
from argmap.export.common import clean_text

LIST_SEPARATOR = "; "


def flatten_value(value: Any) -> str | int | float | bool | None:
    """A value GraphML can store: scalars kept, lists joined, dicts as JSON, None stays None."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (list, tuple, set)):
        items = sorted(value, key=str) if isinstance(value, set) else list(value)
        if all(isinstance(x, (str, int, float, bool)) for x in items):
            return clean_text(LIST_SEPARATOR.join(str(x) for x in items))
        return clean_text(json.dumps(items, ensure_ascii=False, sort_keys=True, default=str))
    if isinstance(value, dict):
        return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
    return clean_text(str(value))


def flatten_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes with every value flattened and the None ones dropped."""
    out = {}
    for key, value in attrs.items():
        flat = flatten_value(value)
        if flat is not None:
            out[str(key)] = flat
    return out


def graphml_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph whose attributes GraphML can hold."""
    h = nx.MultiDiGraph()
    h.graph.update(flatten_attrs(graph.graph))
    for n, d in graph.nodes(data=True):
        h.add_node(n, **flatten_attrs(d))
    for u, v, k, d in graph.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **flatten_attrs(d))
    return h


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """The graph as GraphML text."""
    buf = io.BytesIO()
    nx.write_graphml(graphml_graph(graph), buf, encoding="utf-8", prettyprint=True,
                     named_key_ids=True)
    return buf.getvalue().decode("utf-8")


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as GraphML to ``path`` atomically."""
    write_text(path, to_graphml(graph))
