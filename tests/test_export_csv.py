"""CSV export: one row per claim, UTF-8, formula-safe."""

from __future__ import annotations

import csv
import io

from argmap.export import write_export
from argmap.export.csv_format import COLUMNS, safe_cell, to_csv


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_one_row_per_claim_with_header(small_graph, tmp_path):
    path = write_export(small_graph, "csv", tmp_path / "claims.csv")
    rows = _rows(path.read_bytes().decode("utf-8"))
    assert tuple(rows[0]) == COLUMNS
    claims = [n for n, d in small_graph.nodes(data=True) if d["kind"] == "claim"]
    assert len(rows) - 1 == len(claims)
    by_id = {r[0]: dict(zip(COLUMNS, r)) for r in rows[1:]}
    row = by_id["claim:doc-a:1"]
    assert row["actor"] == "actor:jo-bloggs" and row["actor_name"] == "Jo Bloggs"
    assert row["stance"] == "object"
    assert row["targets"] == "proposal:multi-agency-child-protection-teams"
    assert row["themes"] == "theme:funding"
    assert (row["document"], row["start"], row["end"]) == ("doc-a", "100", "154")
    assert row["text"] == 'Bloggs said the teams "cannot work without new money".'
    assert path.read_bytes().count(b"\r\n") == len(rows)  # CRLF rows, no doubled CRs


def test_formula_injection_is_defused(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = '=HYPERLINK("http://x","click")'
    g.nodes["claim:doc-a:2"]["text"] = "+1 more"
    g.nodes["claim:doc-a:3"]["text"] = "-2 less"
    g.nodes["claim:doc-b:1"]["text"] = "@SUM(A1)"
    g.nodes["actor:jo-bloggs"]["label"] = "=cmd|' /C calc'!A0"
    rows = {r[0]: r for r in _rows(to_csv(g))[1:]}
    text = COLUMNS.index("text")
    assert rows["claim:doc-a:1"][text] == "'=HYPERLINK(\"http://x\",\"click\")"
    assert rows["claim:doc-a:2"][text] == "'+1 more"
    assert rows["claim:doc-a:3"][text] == "'-2 less"
    assert rows["claim:doc-b:1"][text] == "'@SUM(A1)"
    assert rows["claim:doc-a:1"][COLUMNS.index("actor_name")].startswith("'=")


def test_safe_cell():
    assert safe_cell(None) == "" and safe_cell(5) == 5 and safe_cell(True) == "true"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("plain") == "plain"


def test_newlines_and_non_ascii_in_cells(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = 'caf\u00e9 "q", two\nlines \u00a3'
    rows = {r[0]: r for r in _rows(to_csv(g))[1:]}
    assert rows["claim:doc-a:1"][-1] == 'caf\u00e9 "q", two\nlines \u00a3'
