"""DNA statements export: argmap's coding as the statement table of the Discourse Network Analyzer.

One row per claim and target proposal, for claims with a speaker and a support or object stance
(DNA's agreement is yes/no, so neutral and unattributed claims give no row). Columns, DNA's
variable names first:

* ``id``: ``<claim id>|<proposal id>``;
* ``person``: the speaker when a person; ``organization``: the speaker when an organisation, else
  the organisation the person speaks for (empty when none is known);
* ``concept``: the proposal's label; ``agreement``: 1 (support) or 0 (object);
* the document's ``title``, ``author``, ``source`` (its outlet), ``section`` (argmap's articles
  have none: empty), ``type`` (its genre: news, opinion, analysis) and ``date`` (``YYYY-MM-DD``);
* then what DNA keeps with a statement: ``sentence`` (the claim's text), ``document`` (argmap's
  document id), ``start`` and ``stop`` (character offsets in the document), and argmap's own
  ``claim``, ``proposal`` and ``themes`` (ids, "; "-joined).

UTF-8 CSV, RFC 4180 quoting, formula-safe cells (as the claims CSV): ``read.csv(..., encoding =
"UTF-8")`` in R gives a data frame shaped like ``rDNA::dna_getStatements()``'s.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import networkx as nx

from argmap.atomic import write_bytes
from argmap.export.common import claims, listed
from argmap.export.csv_format import safe_cell

COLUMNS = ("id", "person", "organization", "concept", "agreement", "title", "author", "source", "section",
           "type", "date", "sentence", "document", "start", "stop", "claim", "proposal", "themes")
AGREEMENT = {"support": 1, "object": 0}


def dna_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The statement rows, in document order (values not yet made formula-safe)."""
    rows = []
    for claim, d in claims(graph):
        stance, speaker = d.get("stance"), d.get("speaker")
        if stance not in AGREEMENT or not speaker or speaker not in graph:
            continue
        actor = graph.nodes[speaker]
        name = str(actor.get("name") or actor.get("label") or speaker)
        person = actor.get("actor_type") == "person"
        org = name if not person else _org(graph, speaker, actor)
        doc = graph.nodes.get(f"doc:{d.get('document')}", {})
        targets = [t for t in listed(d.get("targets")) if t in graph]
        for proposal in targets:
            rows.append({
                "id": f"{claim}|{proposal}", "person": name if person else "", "organization": org,
                "concept": str(graph.nodes[proposal].get("label") or proposal), "agreement": AGREEMENT[stance],
                "title": doc.get("label") or "", "author": doc.get("author") or "", "source": doc.get("outlet") or "",
                "section": "", "type": doc.get("genre") or "", "date": doc.get("date") or "",
                "sentence": " ".join(str(d.get("text") or "").split()), "document": d.get("document") or "",
                "start": d.get("start"), "stop": d.get("end"), "claim": claim, "proposal": proposal,
                "themes": "; ".join(str(t) for t in listed(d.get("themes"))),
            })
    return rows


def _org(graph: nx.MultiDiGraph, person: str, data: dict[str, Any]) -> str:
    org = data.get("affiliation")
    if not org:
        org = next((v for _, v, k in graph.out_edges(person, keys=True) if k == "affiliated_with"), None)
    if not org or org not in graph:
        return ""
    return str(graph.nodes[org].get("name") or graph.nodes[org].get("label") or org)


def to_dna(graph: nx.MultiDiGraph) -> str:
    """The statement table as CSV text (header row first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in dna_rows(graph):
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
    return buf.getvalue()


def write_dna(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the statement table to ``path`` atomically."""
    write_bytes(path, to_dna(graph).encode("utf-8"))
