"""argmap: map a public policy debate from articles into an argument graph.

Importing argmap is cheap: spaCy is only imported when a model is loaded or a corpus built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "build_graph", "load_model", "read_graph", "write_graph"]

if TYPE_CHECKING:  # pragma: no cover
    from argmap.graph import build_graph, read_graph, write_graph
    from argmap.nlp.load import load_model


def __getattr__(name: str) -> Any:
    if name == "load_model":
        from argmap.nlp.load import load_model

        return load_model
    if name in {"read_graph", "write_graph", "build_graph"}:
        from argmap import graph

        return getattr(graph, name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
