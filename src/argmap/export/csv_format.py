"""CSV export: one row per claim, for spreadsheet users.

Columns: claim_id, actor, actor_name, stance, targets, themes, document, start, end, text.
Lists are joined with "; ". Text cells that a spreadsheet would run as a formula (starting
with = + - @, a tab or a carriage return) get a leading apostrophe, so opening the file
never executes anything. UTF-8, RFC 4180 quoting.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.atomic import write_bytes
from argmap.export.common import claims, clean_text, label, listed

COLUMNS = ("claim_id", "actor", "actor_name", "stance", "targets", "themes", "document",
           "start", "end", "text")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def safe_cell(value: Any) -> str | int:
    """A cell value that spreadsheets show as text: formulas defused, None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return value
    text = clean_text(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def claim_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One dict per claim, in document order, with the CSV's columns (values not yet defused)."""
    rows = []
    for n, d in claims(graph):
        speaker = d.get("speaker")
        rows.append({
            "claim_id": n,
            "actor": speaker or "",
            "actor_name": label(graph, speaker) if speaker else "",
            "stance": d.get("stance") or "",
            "targets": LIST_SEPARATOR.join(str(t) for t in listed(d.get("targets"))),
            "themes": LIST_SEPARATOR.join(str(t) for t in listed(d.get("themes"))),
            "document": d.get("document") or "",
            "start": d.get("start"),
            "end": d.get("end"),
            "text": d.get("text") or "",
        })
    return rows


def to_csv(graph: nx.MultiDiGraph) -> str:
    """The claims as CSV text (header row first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in claim_rows(graph):
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
    return buf.getvalue()


def write_csv(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the claims as CSV to ``path`` atomically (UTF-8, CRLF rows on every platform)."""
    write_bytes(path, to_csv(graph).encode("utf-8"))

