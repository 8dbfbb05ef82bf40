"""A timeline (:func:`argmap.timeline.timeline`) as a chart drawn by Graphviz: PNG, SVG or PDF.

A diverging bar chart in one Graphviz HTML-like table: one column per month, the number of
supporting actors as a green bar above the axis and of objecting actors as a red bar below it,
each bar labelled with its count; under a month, how many actors changed their stance that month
(↺ n), and under the chart one line per change (who, from what, to what). Graphviz is the only drawing tool argmap needs, so the chart adds no dependency;
:func:`argmap.export.render.render` runs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ExportError
from argmap.export.dot import html_nonempty, html_text

if TYPE_CHECKING:  # pragma: no cover
    from argmap.timeline import Timeline

SUPPORT_COLOUR = "#2E8B57"
OBJECT_COLOUR = "#C0392B"
CHANGE_COLOUR = "#6C3483"
COLUMN_WIDTH = 46  # points
BAR_WIDTH = 26
MAX_BAR = 150  # points for the tallest bar
CHART_SUFFIXES = (".png", ".svg", ".pdf", ".dot")
MAX_CHANGE_LINES = 12


def _cell(height: float, colour: str | None = None, text: str = "", width: int = BAR_WIDTH) -> str:
    h = max(1, round(height))
    fill = f' BGCOLOR="{colour}"' if colour else ""
    body = f'<FONT POINT-SIZE="8" COLOR="white">{html_text(text)}</FONT>' if text and h >= 11 else ""
    return f'<TR><TD WIDTH="{width}" HEIGHT="{h}" FIXEDSIZE="TRUE"{fill}>{body}</TD></TR>'


def _label(text: str, *, size: int = 8, colour: str = "#333333") -> str:
    return (f'<TR><TD HEIGHT="12" WIDTH="{COLUMN_WIDTH}" FIXEDSIZE="TRUE"><FONT POINT-SIZE="{size}" '
            f'COLOR="{colour}">{html_nonempty(html_text(text))}</FONT></TD></TR>')


def _column(support: int, objection: int, top: int, bottom: int, unit: float, month: str,
            changed: int, marks: bool) -> str:
    rows: list[str] = []
    if top:
        rows.append(_label(str(support) if support and support * unit < 11 else ""))
        if top - support:
            rows.append(_cell((top - support) * unit))
        if support:
            rows.append(_cell(support * unit, SUPPORT_COLOUR, str(support)))
    rows.append(f'<TR><TD WIDTH="{COLUMN_WIDTH}" HEIGHT="1" FIXEDSIZE="TRUE" BGCOLOR="#333333"></TD></TR>')
    if bottom:
        if objection:
            rows.append(_cell(objection * unit, OBJECT_COLOUR, str(objection)))
        if bottom - objection:
            rows.append(_cell((bottom - objection) * unit))
        rows.append(_label(str(objection) if objection and objection * unit < 11 else ""))
    rows.append(_label(month, size=9))
    if marks:  # every column gets the row, so equal heights keep the axes in line
        rows.append(_label(f"\u21ba {changed}" if changed else "", size=8, colour=CHANGE_COLOUR))
    return f'<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{"".join(rows)}</TABLE></TD>'



def timeline_dot(t: Timeline) -> str:
    """DOT source of the chart (one plaintext node with an HTML-like table)."""
    if not t.rows:
        raise ExportError(f"nothing to draw: no dated claim on {', '.join(lab for _, lab in t.targets)}")
    top = max(len(r.supporters) for r in t.rows)
    bottom = max(len(r.objectors) for r in t.rows)
    unit = min(18.0, MAX_BAR / max(top, bottom, 1))
    title = "Support and objection per month: " + "; ".join(lab for _, lab in t.targets)
    marks = any(r.changed for r in t.rows)
    cols = "".join(_column(len(r.supporters), len(r.objectors), top, bottom, unit, r.month, len(r.changed), marks)
                   for r in t.rows)
    width = len(t.rows)
    legend = (f'<FONT POINT-SIZE="9" COLOR="{SUPPORT_COLOUR}">&#9632; supporting actors</FONT>   '
              f'<FONT POINT-SIZE="9" COLOR="{OBJECT_COLOUR}">&#9632; objecting actors</FONT>   '
              f'<FONT POINT-SIZE="9" COLOR="{CHANGE_COLOUR}">\u21ba stance changed</FONT>')
    if t.undated:
        legend += f'   <FONT POINT-SIZE="9">({t.undated} undated claim{"s" if t.undated != 1 else ""} not shown)</FONT>'
    notes = "".join(
        f'<TR><TD COLSPAN="{width}" ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{CHANGE_COLOUR}">'
        f'{html_text(_change_line(c))}</FONT></TD></TR>' for c in t.changes[:MAX_CHANGE_LINES])
    if len(t.changes) > MAX_CHANGE_LINES:
        notes += (f'<TR><TD COLSPAN="{width}" ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="{CHANGE_COLOUR}">'
                  f'... {len(t.changes) - MAX_CHANGE_LINES} more changes</FONT></TD></TR>')
    table = (f'<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="0">'
             f'<TR><TD COLSPAN="{width}"><FONT POINT-SIZE="11">{html_text(title)}</FONT></TD></TR>'
             f'<TR>{cols}</TR><TR><TD COLSPAN="{width}">{legend}</TD></TR>{notes}</TABLE>')
    return ('graph timeline {\n  graph [bgcolor=white, margin=0.2];\n'
            '  node [shape=plaintext, fontname="Helvetica"];\n'
            f"  chart [label=<{table}>];\n}}\n")


def _change_line(c: Any) -> str:
    return f"\u21ba {c.month}  {c.name}: {c.before} ({c.before_month}) \u2192 {c.after}"


def write_timeline_chart(t: Timeline, path: str | Path) -> Path:
    """Draw the chart to ``path`` (.png, .svg, .pdf; .dot writes the source)."""
    from argmap.export.render import render

    p = Path(path)
    if p.suffix.lower() not in CHART_SUFFIXES:
        raise ExportError(f"cannot tell the chart format from {str(p)!r}; end it in " + ", ".join(CHART_SUFFIXES))
    return render(timeline_dot(t), p, p.suffix.lower().lstrip("."))


__all__ = ["CHART_SUFFIXES", "timeline_dot", "write_timeline_chart"]
