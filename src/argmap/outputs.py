"""Saving a built graph: its JSON, its query store and its map, each rewritten only when stale.

A rebuild that changes nothing rewrites nothing: the JSON is compared with the file already
there (:func:`argmap.graphdata.write_graph_data`), the store is kept while it matches the JSON,
and the map is redrawn only when :func:`maps_up_to_date` says it is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Saved:
    """What :func:`save_graph` did."""

    graph_written: bool  # False: the file already held these bytes
    store_written: bool
    store: Path


def save_graph(data: dict[str, Any], path: str | Path) -> Saved:
    """Write the graph JSON (unless unchanged) and its SQLite store (unless it already matches)."""
    from argmap.graphdata import write_graph_data
    from argmap.store import StoreError, StoreIndex, source_info, store_path, write_store

    path = Path(path)
    written, sha256 = write_graph_data(data, path)
    spath = store_path(path)
    if not written and spath.is_file():
        try:
            store = StoreIndex.open(spath)
        except StoreError:
            pass
        else:
            try:
                if store.matches(path):
                    return Saved(False, False, spath)
            finally:
                store.close()
    write_store(data, spath, source=source_info(path, sha256))
    return Saved(written, True, spath)


def maps_up_to_date(graph_path: str | Path, maps: Iterable[str | Path], *, graph_written: bool) -> bool:
    """Whether the map files drawn from a graph can stay as they are: the graph was not
    rewritten, and every map file exists, is not empty and is not older than the graph."""
    if graph_written:
        return False
    try:
        graph_time = Path(graph_path).stat().st_mtime_ns
        for m in maps:
            st = Path(m).stat()
            if st.st_size == 0 or st.st_mtime_ns < graph_time:
                return False
    except OSError:
        return False
    return True
