"""Reading a saved graph file into plain JSON data, with one-line errors; no networkx.

Both :func:`argmap.graph.read_graph` (which builds a networkx graph) and
:func:`argmap.queries.load_index` (which indexes the data directly, for fast queries) start here.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

from argmap.errors import GraphFileError

FORMAT = "argmap-graph"
FORMAT_VERSION = 1


def read_graph_json(path: str | Path) -> tuple[Any, str]:
    """The parsed JSON of a graph file and the name to use for it in errors."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise GraphFileError(f"graph file {p} not found; run 'argmap build' first or pass -g PATH") from None
    except IsADirectoryError:
        raise GraphFileError(f"graph path {p} is a directory, not a graph file") from None
    except OSError as exc:
        raise GraphFileError(f"cannot read graph file {p}: {exc.strerror or exc}") from None
    if not raw.strip():
        raise GraphFileError(f"graph file {p} is empty; rebuild it with 'argmap build'")
    # Parsing builds hundreds of thousands of small acyclic containers; the cyclic garbage
    # collector would scan them repeatedly for nothing (about a third of the load time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return json.loads(raw.decode("utf-8")), f"graph file {p}"
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphFileError(f"graph file {p} is not valid JSON ({exc}); it may be truncated - rebuild it") from None
    except RecursionError:
        raise GraphFileError(f"graph file {p} is not an argmap graph (nested too deeply); rebuild it") from None
    finally:
        if was_enabled:
            gc.enable()


def check_envelope(data: Any, source: str) -> dict[str, Any]:
    """Check the node-link envelope and format version; return the graph metadata."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) \
            or not isinstance(data.get("edges"), list):
        raise GraphFileError(f"{source} is not an argmap graph (no nodes/edges); rebuild it with 'argmap build'")
    meta = data.get("graph", {})
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise GraphFileError(f"{source} is not an argmap graph file; rebuild it with 'argmap build'")
    version = meta.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise GraphFileError(
            f"{source} has graph format version {version!r}; this argmap reads up to "
            f"{FORMAT_VERSION} (upgrade argmap or rebuild the graph)")
    return meta
