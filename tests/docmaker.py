"""Small PDF and Word files built inside the tests (no fixtures from elsewhere).

:func:`make_pdf` writes a PDF 1.4 file by hand: one Helvetica text line per ``(text, x, y,
size)`` tuple, pages of A4 size; lines of a paragraph are placed one line spacing apart, as a word
processor would. :func:`wrap_page` lays out paragraphs that way. :func:`make_docx` uses
python-docx.
"""

from __future__ import annotations

import io
import textwrap

Line = tuple[str, float, float, float]  # text, x, y (baseline, from the bottom), font size

PAGE_HEIGHT = 842
TOP = 780


def wrap_page(paragraphs: list[str], *, width: int = 70, size: float = 11, leading: float = 14,
              gap: float = 10, header: str | None = None, footer: str | None = None,
              headings: tuple[int, ...] = ()) -> list[Line]:
    """Lines for one page: each paragraph wrapped at ``width`` characters, ``gap`` between paragraphs.

    Paragraphs whose index is in ``headings`` are set larger, on one line.
    """
    lines: list[Line] = []
    if header:
        lines.append((header, 72, 810, 8))
    y = TOP
    for i, para in enumerate(paragraphs):
        if i in headings:
            lines.append((para, 72, y, size * 1.6))
            y -= leading * 1.6 + gap
            continue
        for row in textwrap.wrap(para, width, break_on_hyphens=False):
            lines.append((row, 72, y, size))
            y -= leading
        y -= gap
    if footer:
        lines.append((footer, 72, 30, 8))
    return lines


def make_pdf(pages: list[list[Line]], *, images_only: bool = False) -> bytes:
    """A PDF whose pages hold these text lines (``images_only``: no text at all, like a scan)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        if images_only:
            stream = b"q 0.5 g 72 72 450 700 re f Q"  # a grey box: no text operators
        else:
            ops = []
            for text, x, y, size in lines:
                ops.append(f"BT /F1 {size:g} Tf {x:g} {y:g} Td ({_escape(text)}) Tj ET")
            stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 %d] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, PAGE_HEIGHT, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_docx(blocks: list[str | tuple[str, str]], *, header: str | None = None) -> bytes:
    """A .docx with these blocks: a string is a paragraph; ``("heading", text)`` a heading,
    ``("page", "")`` a page break, ``("table", "a|b")`` a one-row table, ``("lines", "a\\nb")``
    one paragraph with manual line breaks."""
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        kind, text = block
        if kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "page":
            document.add_page_break()
        elif kind == "table":
            cells = text.split("|")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells):
                cell.text = value
        elif kind == "lines":
            run = document.add_paragraph().add_run()
            for i, part in enumerate(text.split("\n")):
                if i:
                    run.add_break()
                run.add_text(part)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
