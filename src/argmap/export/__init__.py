"""Exports of the argument graph, one module per format, listed in the FORMATS registry.

Each format module has a pure function from the graph to text (``to_<format>``) and a writer
(``write_<format>``). The registry names the format, says what it is for, gives its default
file extension and where its function lives; the function is imported only when used, so
listing the formats (the CLI does it at start-up) costs nothing.

    >>> from argmap.export import FORMATS, export_text
    >>> sorted(FORMATS)
    ['aif', 'argdown', 'csv', 'dna', 'dot', 'graphml', 'html', 'json']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ExportError

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Format:
    """One export format: its name, what it is for, its file extension and its function."""

    name: str
    description: str
    extension: str  # default file extension, with the dot
    function: str  # "module:function" inside argmap.export; the function maps a graph to text

    def load(self) -> Callable[[nx.MultiDiGraph], str]:
        """The conversion function (imported on first use)."""
        module, _, func = self.function.partition(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), func)

    def convert(self, graph: nx.MultiDiGraph) -> str:
        """The graph in this format."""
        return self.load()(graph)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "networkx node-link JSON, argmap's native graph file (reads back losslessly)",
           ".json", "json_format:to_json"),
    Format("aif", "Argument Interchange Format JSON for AIFdb/OVA: I-nodes, RA/CA schemes, "
           "locutions and participants", ".json", "aif:to_aif"),
    Format("graphml", "GraphML for Gephi, yEd and Cytoscape (lists flattened, empty values dropped)",
           ".graphml", "graphml:to_graphml"),
    Format("argdown", "Argdown document: statements with +/- relations, actors and themes as tags",
           ".argdown", "argdown:to_argdown"),
    Format("dot", "Graphviz DOT source of the argument map", ".dot", "dot:to_dot"),
    Format("csv", "one row per claim, for spreadsheets (UTF-8, formula-safe)", ".csv",
           "csv_format:to_csv"),
    Format("html", "the interactive explorer: one self-contained page (see 'argmap explore')", ".html",
           "explore:export_html"),
    Format("dna", "DNA statements CSV for rDNA: one row per claim and target (person, organization, "
           "concept, agreement, document title/author/source/section/type/date, sentence, offsets)",
           ".csv", "dna:to_dna"),
)}


def get_format(name: str) -> Format:
    """The registered format called ``name``; ExportError naming the choices if there is none."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ExportError(
            f"unknown export format {name!r}; choose one of: {', '.join(sorted(FORMATS))}"
        ) from None


def export_text(graph: nx.MultiDiGraph, name: str) -> str:
    """The graph exported in the format called ``name``."""
    return get_format(name).convert(graph)


def write_export(graph: nx.MultiDiGraph, name: str, path: str | Path) -> Path:
    """Export the graph to ``path`` (atomically: the old file survives any failure)."""
    from argmap.atomic import write_bytes

    data = export_text(graph, name).encode("utf-8")  # bytes: no newline translation
    path = Path(path)
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


__all__ = ["FORMATS", "Format", "export_text", "get_format", "write_export"]
