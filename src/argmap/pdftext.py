"""The text layer of a PDF, as paragraphs and pages (read with pypdf).

A PDF stores lines of positioned text, not paragraphs. argmap treats every line break as a
sentence break, so the lines are joined back into paragraphs: pypdf reports each line with the
position of its baseline, and a line is joined to the one above unless the gap between them is
more than :data:`PARAGRAPH_GAP` times the page's usual line spacing (or the text moves up, as at
the top of a new column). A hyphen at the end of a line is kept and the next line joined without
a space ("roll-" + "out" -> "roll-out").

What comes back:

- paragraphs separated by a blank line; pages separated by a form feed on its own line
  (``"\\n\\f\\n"``), or by ``" \\f"`` where a sentence runs on over the page break, so the page
  break is kept without breaking the sentence;
- running headers and footers (the same first or last line on several pages, page numbers
  ignored) and bare page numbers ("3", "Page 3 of 12") left out;
- a PDF with no text layer (a scan) raises :class:`NoText` with that reason; so do encrypted
  and unreadable files.

Offsets argmap stores for a PDF's claims point into this extracted text.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

PARAGRAPH_GAP = 1.4  #: a gap above this many usual line spacings starts a paragraph
MIN_CHARS_PER_PAGE = 20  #: fewer extracted characters per page on average: no text layer
RUNNING_MIN_PAGES = 2  #: a first/last line repeated on this many pages is a running header/footer

_PAGE_NUMBER = re.compile(r"(?i)^[-–—\s]*(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-–—\s]*$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


class NoText(ValueError):
    """No usable text in the file; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Extracted:
    """The text of a PDF or Word file and a note for the build summary."""

    text: str
    note: str


@dataclass
class _Line:
    text: str
    y: float | None  # baseline height on the page (PDF units, up is larger)
    size: float  # font size in PDF units


def extract_pdf(data: bytes) -> Extracted:
    """The text layer of the PDF in ``data``; raises :class:`NoText` when there is none."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every quirk of a file
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise NoText("encrypted PDF (a password is needed to read it)")
            except (PyPdfError, NotImplementedError) as exc:
                raise NoText(f"encrypted PDF ({_one_line(exc)})") from None
        pages = [_page_lines(page) for page in reader.pages]
    except NoText:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            AssertionError, ZeroDivisionError) as exc:
        raise NoText(f"cannot read the PDF ({exc.__class__.__name__}: {_one_line(exc)})") from None
    if not pages:
        raise NoText("PDF with no pages")
    chars = sum(len(line.text.strip()) for lines in pages for line in lines)
    if chars < MIN_CHARS_PER_PAGE * len(pages):
        n = len(pages)
        raise NoText(f"PDF without a text layer ({n} page{'s' if n != 1 else ''}, {chars} characters of "
                     "text): probably scanned; run OCR on it (e.g. ocrmypdf) first")
    pages = _drop_running_lines(pages)
    text = _join_pages([_paragraphs(lines) for lines in pages])
    n = len(pages)
    return Extracted(text, f"text extracted from PDF ({n} page{'s' if n != 1 else ''})")


def _page_lines(page) -> list[_Line]:
    """The page's lines in pypdf's reading order, each with its baseline and font size."""
    lines: list[_Line] = []
    current: list[str] = []
    where: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                _close(lines, current, where)
            if part:
                current.append(part)
                if part.strip() and not where:
                    y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                    scale = abs(cm[3] * tm[3]) or 1.0
                    where.append((y, size * scale))

    page.extract_text(visitor_text=visit)
    _close(lines, current, where)
    return lines


def _close(lines: list[_Line], current: list[str], where: list[tuple[float, float]]) -> None:
    text = " ".join("".join(current).split())
    if text:
        y, size = where[0] if where else (None, 0.0)
        lines.append(_Line(text, y, size))
    current.clear()
    where.clear()


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without bare page numbers and running headers/footers."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    edges: Counter[str] = Counter()
    if len(pages) >= RUNNING_MIN_PAGES:
        for lines in pages:
            edges.update({key(line) for line in (lines[:1] + lines[-1:])})
    running = {k for k, n in edges.items() if n >= RUNNING_MIN_PAGES}
    out = []
    for lines in pages:
        kept = list(lines)
        while kept and (_PAGE_NUMBER.match(kept[0].text) or key(kept[0]) in running):
            kept.pop(0)
        while kept and (_PAGE_NUMBER.match(kept[-1].text) or key(kept[-1]) in running):
            kept.pop()
        out.append(kept)
    return out


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join a page's lines into paragraphs (see the module docstring)."""
    gaps = [a.y - b.y for a, b in pairwise(lines) if a.y is not None and b.y is not None and a.y > b.y]
    spacing = statistics.median(gaps) if gaps else 0.0
    paragraphs: list[str] = []
    for prev, line in zip([None, *lines], lines):
        if prev is None or _new_paragraph(prev, line, spacing):
            paragraphs.append(line.text)
        elif paragraphs[-1].endswith("-") and not paragraphs[-1].endswith(" -"):
            paragraphs[-1] += line.text
        else:
            paragraphs[-1] += " " + line.text
    return paragraphs


def _new_paragraph(prev: _Line, line: _Line, spacing: float) -> bool:
    if prev.y is None or line.y is None or spacing <= 0:
        return True
    gap = prev.y - line.y
    if gap <= 0:  # back up the page: a new column or a text box
        return True
    if line.size and prev.size and abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True  # a heading and the text under it
    return gap > PARAGRAPH_GAP * spacing


def _join_pages(pages: list[list[str]]) -> str:
    out = ""
    for paragraphs in pages:
        body = "\n\n".join(paragraphs)
        if not out:
            out = body
        elif not body:
            out += "\n\f\n"
        elif _SENTENCE_END.search(out) or not body[:1].islower():
            out += "\n\f\n" + body
        else:  # the sentence runs on over the page break
            out += " \f" + body
    return out.strip("\n") + "\n"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or exc.__class__.__name__
