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
from argmap.inputs import read_input

FORMAT = "argmap-graph"
FORMAT_VERSION = 1


def read_graph_json(path: str | Path) -> tuple[Any, str]:
    """The parsed JSON of a graph file and the name to use for it in errors."""
    p = Path(path)
    try:
        raw = read_input(p, "graph", error=GraphFileError)
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
    check_nodes(data["nodes"], source)
    return meta


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _is_strs(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is_opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


STANCES = ("support", "object", "neutral")

#: What each kind of node must hold: attribute -> (test, what it must be, required). Checked on
#: every read (a pass over the nodes, a few per cent of the load time), so a damaged or hand-made
#: graph is refused with one line instead of being queried or exported.
NODE_FIELDS: dict[str, dict[str, tuple[Any, str, bool]]] = {
    "claim": {
        "text": (_is_str, "a string", True),
        "stance": (lambda v: v in STANCES, "support, object or neutral", True),
        "start": (_is_count, "a whole number of 0 or more", True),
        "end": (_is_count, "a whole number of 0 or more", True),
        "document": (_is_str, "a document id", True),
        "speaker": (_is_opt_str, "an actor id or null", False),
        "targets": (_is_strs, "a list of proposal ids", False),
        "themes": (_is_strs, "a list of theme ids", False),
        "stance_cues": (_is_strs, "a list of strings", False),
        "target_cues": (_is_strs, "a list of strings", False),
        "quoted": (lambda v: isinstance(v, bool), "true or false", False),
    },
    "actor": {
        "name": (_is_str, "a string", False),
        "actor_type": (lambda v: v in ("person", "organisation"), "person or organisation", False),
        "aliases": (_is_strs, "a list of strings", False),
        "documents": (_is_strs, "a list of document ids", False),
    },
    "proposal": {"aliases": (_is_strs, "a list of strings", False)},
    "theme": {"aliases": (_is_strs, "a list of strings", False)},
    "document": {"path": (_is_opt_str, "a string", False), "notes": (_is_strs, "a list of strings", False)},
}


def _plain_claim(item: dict[str, Any]) -> bool:
    """The common case, checked fast: a claim exactly as argmap writes it."""
    get = item.get
    start, end = get("start"), get("end")
    return (type(get("text")) is str and get("stance") in STANCES and type(start) is int and type(end) is int
            and 0 <= start <= end and type(get("document")) is str and type(get("label")) is str
            and type(get("quoted")) is bool and type(get("speaker")) in (str, type(None))
            and all(type(get(k)) is list and all(type(x) is str for x in get(k))
                    for k in ("targets", "themes", "stance_cues", "target_cues")))


def check_nodes(nodes: list[Any], source: str) -> None:
    """Raise GraphFileError (one line) at the first node whose attributes are not what argmap
    writes: a claim's stance, offsets, text; labels; lists of ids. Nodes of other kinds pass."""
    for item in nodes:
        if not isinstance(item, dict):
            continue  # the readers report these themselves
        kind = item.get("kind")
        if kind == "claim" and _plain_claim(item):
            continue
        fields = NODE_FIELDS.get(kind)  # type: ignore[arg-type]
        label = item.get("label")
        if label is not None and not isinstance(label, str):
            raise GraphFileError(f"{source} is damaged: node {_node_name(item)} has a label that is not a string; "
                                 "rebuild it")
        if not fields:
            continue
        for name, (test, allowed, required) in fields.items():
            if name not in item:
                if required:
                    raise GraphFileError(f"{source} is damaged: {item['kind']} {_node_name(item)} has no {name}; "
                                         "rebuild it")
                continue
            if not test(item[name]):
                raise GraphFileError(f"{source} is damaged: {item['kind']} {_node_name(item)} has {name} "
                                     f"{_short(item[name])}, not {allowed}; rebuild it")
        if item.get("kind") == "claim" and item["start"] > item["end"]:
            raise GraphFileError(f"{source} is damaged: claim {_node_name(item)} starts after it ends; rebuild it")


def _node_name(item: dict[str, Any]) -> str:
    return _short(item.get("id"), 100)


def _short(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= limit else text[:limit - 3] + "..."
