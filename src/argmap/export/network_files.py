"""Actor networks (:mod:`argmap.networks`) as files: GraphML, node-link JSON, a CSV edge list, a
Graphviz picture, and a series of time windows as one dynamic GEXF file.

* **GraphML** for Gephi and visone: every node and edge attribute is kept, each declared once with
  one type (``int``, ``double``, ``boolean`` or ``string``; lists are "; "-joined strings). Graph-
  level attributes are left out (Gephi reports them as errors; the JSON keeps them), zero weights
  never occur (Gephi drops such edges), and nodes in a coalition carry ``r``, ``g``, ``b`` so Gephi
  colours them as the picture does.
* **JSON**: networkx node-link data (``edges="edges"``) with the graph attributes (kind,
  normalisation, filters, ...); lists stay lists.
* **CSV**: one row per edge: source, target, their labels, weight, then the other edge attributes.
* **Picture** (``.svg``, ``.png``, ``.pdf``, or ``.dot`` for the source): Graphviz ``neato``,
  actors coloured by coalition (grey: in none), boxes for organisations, ellipses for people, notes
  for proposals; edge width grows with the absolute weight; negative (subtract) edges red and dashed.
* **GEXF** (windows only): one file whose nodes and edges carry spells, and whose weights and
  coalitions change over time, so Gephi's timeline plays the debate. Each window's values hold from
  its start to the next window's start (windows overlap when the step is shorter than the window;
  the slices do not), the last window's until its end: ``statements`` and ``coalition`` on nodes,
  ``window_weight`` on edges (whose static ``weight`` is the largest in absolute value). Gephi's
  GraphML reader has no notion of time, so the dynamic file is GEXF, Gephi's own format;
  ``.graphml`` windows are one file each.

Building text is pure; the ``write_*`` functions write atomically.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from argmap.atomic import write_bytes, write_text
from argmap.errors import ExportError
from argmap.export.common import clean_text
from argmap.export.csv_format import safe_cell
from argmap.export.dot import dot_quote, wrap

if TYPE_CHECKING:  # pragma: no cover
    from argmap.networks import Coalition
    from argmap.timeline import Window

LIST_SEPARATOR = "; "
#: Okabe-Ito colours (safe for colour-blind readers), then a few more; coalition n takes colour n-1.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442", "#999933",
           "#882255", "#44AA99", "#AA4499", "#117733")
NO_COALITION = "#D9D9D9"
NETWORK_SUFFIXES = (".graphml", ".json", ".csv", ".dot", ".svg", ".png", ".pdf")
PICTURE_SUFFIXES = (".svg", ".png", ".pdf")


def coalition_colour(number: int) -> str:
    """The fill colour of coalition ``number`` (0: no coalition)."""
    return PALETTE[(number - 1) % len(PALETTE)] if number > 0 else NO_COALITION


# ---------------------------------------------------------------- GraphML

def _flat(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set)):
        return clean_text(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, dict):
        return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return clean_text(str(value))


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attribute dicts whose every key has one type across all rows (int+float -> float; anything
    mixed with text -> text); None values dropped."""
    flat = [{k: _flat(v) for k, v in r.items() if v is not None} for r in rows]
    types: dict[str, set[type]] = {}
    for r in flat:
        for k, v in r.items():
            types.setdefault(k, set()).add(type(v))
    cast: dict[str, Any] = {}
    for k, ts in types.items():
        if len(ts) == 1:
            continue
        cast[k] = float if ts <= {int, float} else str
    return [{k: (cast[k](v) if k in cast else v) for k, v in r.items()} for r in flat]


def graphml_network(network: nx.Graph) -> nx.Graph:
    """A copy of ``network`` GraphML can hold for Gephi and visone (see the module docstring)."""
    nodes = sorted(network.nodes)
    node_attrs = _typed([_with_colour(dict(network.nodes[n])) for n in nodes])
    edges = sorted((min(a, b), max(a, b)) for a, b in network.edges)
    edge_attrs = _typed([dict(network.edges[a, b]) for a, b in edges])
    h = nx.Graph()
    for n, d in zip(nodes, node_attrs):
        h.add_node(n, **d)
    for (a, b), d in zip(edges, edge_attrs):
        if d.get("weight") == 0:
            continue
        h.add_edge(a, b, **d)
    return h


def _with_colour(d: dict[str, Any]) -> dict[str, Any]:
    if d.get("coalition"):
        hexa = coalition_colour(int(d["coalition"])).lstrip("#")
        d.update(r=int(hexa[0:2], 16), g=int(hexa[2:4], 16), b=int(hexa[4:6], 16))
    return d


def network_graphml(network: nx.Graph) -> str:
    """The network as GraphML text."""
    buf = io.BytesIO()
    nx.write_graphml(graphml_network(network), buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue().decode("utf-8")


# ---------------------------------------------------------------- JSON and CSV

def network_json(network: nx.Graph) -> str:
    """The network as node-link JSON (graph attributes kept)."""
    data = nx.node_link_data(network, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


def network_csv(network: nx.Graph) -> str:
    """The edge list as CSV: source, target, their labels, weight, then the other edge attributes."""
    extra = sorted({k for *_, d in network.edges(data=True) for k in d} - {"weight"})
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["source", "target", "source_label", "target_label", "weight", *extra])
    for a, b in sorted((min(a, b), max(a, b)) for a, b in network.edges):
        d = network.edges[a, b]
        row = [a, b, network.nodes[a].get("label", a), network.nodes[b].get("label", b), _num(d.get("weight"))]
        row += [_cell(d.get(k)) for k in extra]
        writer.writerow([safe_cell(v) if not isinstance(v, float) else v for v in row])
    return buf.getvalue()


def _num(value: Any) -> Any:
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 6)
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return _num(value)


# ---------------------------------------------------------------- picture

def network_dot(network: nx.Graph, *, title: str | None = None) -> str:
    """DOT source of the network picture (nodes coloured by their ``coalition`` attribute)."""
    weights = [abs(float(w)) for *_, w in network.edges(data="weight", default=1.0)]
    top = max(weights, default=1.0) or 1.0
    small = network.number_of_edges() <= 60
    lines = ["graph network {",
             '  graph [layout=neato, overlap=false, splines=true, sep="+10", start=14, outputorder=edgesfirst,'
             ' fontname="Helvetica", fontsize=11, labelloc=b'
             + (f", label={dot_quote(title)}" if title else "") + "];",
             '  node [fontname="Helvetica", fontsize=10, style=filled, penwidth=0.8, color="#555555"];',
             '  edge [fontname="Helvetica", fontsize=8, color="#6b6b6b"];']
    for n in sorted(network.nodes):
        d = network.nodes[n]
        name = "\\n".join(dot_quote(line)[1:-1] for line in wrap(d.get("label", n), 22, 3))
        if d.get("node_type") == "proposal":
            attrs = f'shape=note, fillcolor="#FFFFFF", label="{name}"'
        else:
            shape = "ellipse" if d.get("actor_type") == "person" else "box"
            colour = coalition_colour(int(d.get("coalition") or 0))
            tip = f"{d.get('label', n)}: {d.get('statements', 0)} statements ({d.get('support', 0)} support, " \
                  f"{d.get('object', 0)} object)"
            attrs = f'shape={shape}, fillcolor="{colour}", label="{name}", tooltip={dot_quote(tip)}'
        lines.append(f"  {dot_quote(n)} [{attrs}];")
    for a, b in sorted((min(a, b), max(a, b)) for a, b in network.edges):
        d = network.edges[a, b]
        w = float(d.get("weight", 1.0))
        edge_attrs = [f"penwidth={0.8 + 5.2 * abs(w) / top:.2f}"]
        if w < 0 or d.get("stance") == "object":
            edge_attrs.append('color="#C0392B"')
        if w < 0:
            edge_attrs.append("style=dashed")
        if d.get("stance") == "mixed":
            edge_attrs.append('color="#8E44AD"')
        if small and network.graph.get("kind") != "affiliation":
            edge_attrs.append(f'label="{_num(round(w, 2))}"')
        lines.append(f"  {dot_quote(a)} -- {dot_quote(b)} [{', '.join(edge_attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def describe(network: nx.Graph, coalitions: Sequence[Coalition] = ()) -> str:
    """A one-line caption: kind, normalisation, size and coalitions."""
    kind = network.graph.get("kind", "congruence")
    norm = network.graph.get("normalization", "none")
    actors = sum(1 for _, d in network.nodes(data=True) if d.get("node_type", "actor") == "actor")
    text = f"{kind} network" + (f" ({norm} normalisation)" if norm != "none" else "")
    text += f": {actors} actors, {network.number_of_edges()} edges"
    if coalitions:
        text += f", {len(coalitions)} coalition{'s' if len(coalitions) != 1 else ''} (colours)"
    return text


# ---------------------------------------------------------------- writing by extension

def write_network(network: nx.Graph, path: str | Path, *, title: str | None = None) -> Path:
    """Write the network in the format ``path``'s extension names (see :data:`NETWORK_SUFFIXES`)."""
    from argmap.export.render import render

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in NETWORK_SUFFIXES:
        raise ExportError(f"cannot tell the network format from {str(path)!r}; end it in "
                          + ", ".join(NETWORK_SUFFIXES) + " (or .gexf with --window)")
    try:
        if suffix == ".graphml":
            write_text(path, network_graphml(network))
        elif suffix == ".json":
            write_text(path, network_json(network))
        elif suffix == ".csv":
            write_bytes(path, network_csv(network).encode("utf-8"))
        else:
            render(network_dot(network, title=title), path, suffix.lstrip("."))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def window_paths(path: str | Path, windows: Iterable[Window]) -> list[Path]:
    """One file per window: ``net.graphml`` -> ``net-2025-03-01.graphml``, ... (window starts)."""
    p = Path(path)
    return [p.with_name(f"{p.stem}-{w.start.isoformat()}{p.suffix}") for w in windows]


# ---------------------------------------------------------------- dynamic GEXF

def windows_gexf(windows: Sequence[Window]) -> str:
    """The series of windows as one dynamic GEXF 1.2 document (see the module docstring)."""
    if not windows:
        raise ExportError("no windows to write")
    slices = []
    for i, w in enumerate(windows):
        end = windows[i + 1].start if i + 1 < len(windows) else w.end
        slices.append((w, w.start.isoformat(), (end - timedelta(days=1)).isoformat()))
    from argmap.networks import coalition_of

    g = nx.Graph()
    g.graph["mode"] = "dynamic"
    spells: dict[Any, list[tuple[str, str]]] = {}
    values: dict[tuple[Any, str], list[tuple[Any, str, str]]] = {}
    static: dict[str, dict[str, Any]] = {}
    for w, lo, hi in slices:
        of = coalition_of(w.coalitions)
        for n, d in w.network.nodes(data=True):
            static.setdefault(n, {k: _flat(d.get(k)) for k in ("label", "node_type", "actor_type", "role")
                                  if d.get(k) is not None})
            spells.setdefault(n, []).append((lo, hi))
            values.setdefault((n, "statements"), []).append((int(d.get("statements", 0)), lo, hi))
            values.setdefault((n, "coalition"), []).append((of.get(n, 0), lo, hi))
        for a, b, d in w.network.edges(data=True):
            e = (min(a, b), max(a, b))
            spells.setdefault(e, []).append((lo, hi))
            values.setdefault((e, "window_weight"), []).append((float(d.get("weight", 1.0)), lo, hi))
    for n in sorted(static):
        g.add_node(n, **static[n], spells=_merge(spells[n]), statements=values[(n, "statements")],
                   coalition=values[(n, "coalition")])
    for e in sorted(k for k in spells if isinstance(k, tuple)):
        series = values[(e, "window_weight")]
        g.add_edge(*e, spells=_merge(spells[e]), weight=max((v for v, *_ in series), key=abs),
                   window_weight=series)
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps today's date; the last day the data covers keeps the file reproducible
    return re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{slices[-1][2]}"',
                  buf.getvalue().decode("utf-8"), count=1)


def _merge(spells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent day spells joined: [(Jan 1, Jan 31), (Feb 1, Feb 28)] -> [(Jan 1, Feb 28)]."""
    from datetime import date

    out: list[tuple[str, str]] = []
    for lo, hi in sorted(spells):
        if out and date.fromisoformat(out[-1][1]) + timedelta(days=1) >= date.fromisoformat(lo):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def write_windows(windows: Sequence[Window], path: str | Path) -> list[Path]:
    """Write the series: ``.gexf`` -> one dynamic file; any network suffix -> one file per window."""
    p = Path(path)
    if p.suffix.lower() == ".gexf":
        try:
            write_text(p, windows_gexf(windows))
        except OSError as exc:
            raise ExportError(f"cannot write {p}: {exc.strerror or exc}") from None
        return [p]
    from argmap.networks import label_coalitions

    written = []
    for w, target in zip(windows, window_paths(p, windows)):
        written.append(write_network(label_coalitions(w.network, w.coalitions), target,
                                     title=f"{w.label}: {describe(w.network, w.coalitions)}"))
    return written


__all__ = ["NETWORK_SUFFIXES", "PALETTE", "coalition_colour", "describe", "graphml_network", "network_csv",
           "network_dot", "network_graphml", "network_json", "window_paths", "windows_gexf", "write_network",
           "write_windows"]
