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
    from argmap.store import store_path

    path = Path(path)
    written, sha256 = write_graph_data(data, path)
    return Saved(written, ensure_store(data, path, sha256=sha256, graph_written=written), store_path(path))


def ensure_store(data: dict[str, Any], path: str | Path, *, sha256: str, graph_written: bool) -> bool:
    """Write the query store of the graph file ``path`` (holding ``data``, whose text has SHA-256
    ``sha256``) unless the store there already matches it; returns whether it was written.

    The store is written after the graph is in place, on its own: it always says which JSON it
    was made from, so a store left behind by an interruption is never used for another graph.
    """
    from argmap.store import StoreError, StoreIndex, source_info, store_path, write_store

    path = Path(path)
    spath = store_path(path)
    if not graph_written and spath.is_file():
        try:
            store = StoreIndex.open(spath)
        except StoreError:
            pass
        else:
            try:
                if store.matches(path):
                    return False
            finally:
                store.close()
    write_store(data, spath, source=source_info(path, sha256))
    return True


def maps_up_to_date(graph_path: str | Path, maps: Iterable[str | Path], *, graph_written: bool) -> bool:
    """Whether the map files drawn from a graph can stay as they are: the graph was not rewritten,
    its store matches it, and every map file is exactly as the store recorded it when it was
    drawn from this graph (:func:`record_maps`: size and modification time). Content-based, not
    a comparison of times: a fresh clone, a copied folder or a map drawn by ``argmap render``
    gets a new map."""
    if graph_written:
        return False
    recorded = _recorded_maps(graph_path)
    if not recorded:
        return False
    try:
        return all(recorded.get(Path(m).name) == _stat(m) for m in maps)
    except OSError:
        return False


def record_maps(graph_path: str | Path, maps: Iterable[str | Path]) -> None:
    """Note in the graph's store the map files just drawn from it (one small transaction; a
    store that cannot be updated only means the next build draws the map again)."""
    import json
    import sqlite3

    from argmap.store import store_path

    try:
        stamp = {Path(m).name: _stat(m) for m in maps}
        con = sqlite3.connect(store_path(graph_path), timeout=5)
        try:
            with con:
                con.execute("INSERT OR REPLACE INTO meta VALUES ('maps', ?)", (json.dumps(stamp),))
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        pass


def _recorded_maps(graph_path: str | Path) -> dict[str, list[int]]:
    from argmap.store import StoreError, StoreIndex, store_path

    try:
        store = StoreIndex.open(store_path(graph_path))
    except StoreError:
        return {}
    try:
        if not store.matches(graph_path):
            return {}
        maps = store.meta_value("maps")
        return maps if isinstance(maps, dict) else {}
    finally:
        store.close()


def _stat(path: str | Path) -> list[int]:
    st = Path(path).stat()
    if st.st_size == 0:
        raise OSError(f"{path} is empty")
    return [st.st_size, st.st_mtime_ns]
