"""Find a document's publication date, say where it came from, and refuse impossible ones.

Places looked at, first found wins (:func:`find_date`):

1. the front matter's ``date`` (or ``published``);
2. the HTML head and body, in the order :func:`argmap.htmltext.extract_html` ranks them:
   ``article:published_time``, JSON-LD ``datePublished``, other date ``<meta>`` tags, then a
   ``<time datetime>`` element;
3. a dateline or byline date in the first lines of the text ("8 May 2025", "By Jo Bell, 12 March
   2025", "Wednesday, June 1, 2022");
4. an ISO date in the file name (``2025-03-14-family-help.md``, ``20250314_report.txt``).

A date that looks like one but cannot be ("2024-13-45", "31 February 2025", a year before 1800 or
after 2200) is reported in ``problems`` and not stored; the search goes on to the next place. A
document with no date is kept; it is flagged ``undated`` in the graph. No NLP model, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any

from argmap.byline import DATE as WRITTEN_DATE
from argmap.byline import TOP_LINES, iso_date

MIN_YEAR, MAX_YEAR = 1800, 2200
FRONT_MATTER_KEYS = ("date", "published")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s_.]|[+-]\d\d:?\d\d$|Z)")
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)"
                          r"|(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_BYLINE = re.compile(r"^\s*(by|written by|words by)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Dating:
    """A document's date (ISO ``YYYY-MM-DD``) and where it was found, or None; impossible dates met."""

    date: str | None = None
    source: str | None = None
    problems: tuple[str, ...] = ()

    def graph_fields(self) -> dict[str, Any]:
        """What the document's graph node records: ``date_source`` (and ``date``) or ``undated``,
        plus ``date_problems`` when an impossible date was ignored."""
        out: dict[str, Any] = {"date": self.date, "date_source": self.source} if self.date else {"undated": True}
        if self.problems:
            out["date_problems"] = list(self.problems)
        return out


class _Impossible(ValueError):
    """A value shaped like a date that no calendar has."""


def check_date(raw: str) -> str | None:
    """The ISO date ``raw`` writes (an ISO date or date-time, or a date in words), or None if it
    is not a date; raises ValueError with the reason if it looks like a date but cannot be one."""
    text = raw.strip()
    m = _ISO.match(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    if (w := WRITTEN_DATE.fullmatch(text.rstrip(".")) or WRITTEN_DATE.match(text)):
        iso = iso_date(w.group(0))
        m = _ISO.fullmatch(iso)
        if not m:
            raise _Impossible(f"{text!r} is not a calendar date")
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    return None


def _valid(y: int, m: int, d: int, text: str) -> str:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise _Impossible(f"{text!r} has an implausible year ({y})")
    try:
        return date(y, m, d).isoformat()
    except ValueError as exc:
        raise _Impossible(f"{text!r} is not a calendar date ({exc})") from None


def find_date(*, front: Mapping[str, str] | None = None, html: Sequence[tuple[str, str]] = (),
              text: str = "", path: str | PurePath | None = None) -> Dating:
    """The first valid date among the front matter, the HTML dates (``(source, value)`` pairs in
    rank order), a dateline or byline near the top of ``text``, and the file name of ``path``."""
    problems: list[str] = []
    for source, raw in _candidates(front or {}, html, text, path):
        try:
            found = check_date(raw)
        except ValueError as exc:
            problems.append(f"impossible date in the {source} ignored: {exc}")
            continue
        if found:
            return Dating(found, source, tuple(problems))
        if source == "front matter":
            problems.append(f"front matter date {raw.strip()!r} is not a date (YYYY-MM-DD expected); ignored")
    return Dating(None, None, tuple(problems))


def _candidates(front: Mapping[str, str], html: Sequence[tuple[str, str]], text: str,
                path: str | PurePath | None):
    for key in FRONT_MATTER_KEYS:
        if front.get(key, "").strip():
            yield "front matter", front[key]
            break
    yield from html
    lines = [ln.strip().strip("*_ ") for ln in text.splitlines() if ln.strip()][:TOP_LINES]
    for line in lines:
        if len(line) <= 80 and (m := WRITTEN_DATE.search(line)):
            yield ("byline" if _BYLINE.match(line) else "dateline"), m.group(0)
    if path is not None:
        name = PurePath(path).name
        for m in _ISO_IN_NAME.finditer(name):
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            yield "file name", f"{y}-{mo}-{d}"


__all__ = ["Dating", "check_date", "find_date"]
