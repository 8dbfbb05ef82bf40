"""The text of a Word (.docx) file, as paragraphs and pages (read with python-docx).

The body is read in order, paragraphs and tables alike (each table cell's paragraphs in row
order): one paragraph per line, separated by a blank line. Inside a paragraph a manual line
break becomes a line break and a tab a space; an explicit page break becomes a form feed
(``\\f``) on its own line when it stands between paragraphs, or inline where it falls in the
middle of one. Headers, footers, footnotes, comments and deleted text (tracked changes) are left
out; inserted text is kept. Offsets argmap stores for a Word file's claims point into this text.
"""

from __future__ import annotations

import io
import zipfile

from argmap.pdftext import Extracted, NoText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_docx(data: bytes) -> Extracted:
    """The body text of the .docx in ``data``; raises :class:`NoText` when there is none."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        paragraphs = [p for child in body.iterchildren() for p in _block_texts(child)]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise NoText(f"cannot read the Word file ({exc.__class__.__name__}: {_one_line(exc)})") from None
    except Exception as exc:
        if exc.__class__.__module__.startswith("lxml"):
            raise NoText(f"cannot read the Word file (damaged XML: {_one_line(exc)})") from None
        raise
    text = ""
    for para in paragraphs:
        if not para.strip(" \t"):
            continue
        if para.strip(" \n") == "\f":
            text = text.rstrip("\n") + ("\n\f\n" if text else "")
            continue
        text += ("" if text.endswith("\f\n") or not text else "\n\n") + para.strip(" ")
    text = text.strip("\n")
    if not text.replace("\f", "").strip():
        raise NoText("Word file with no text in its body")
    return Extracted(text + "\n", "text extracted from Word (.docx)")


def _block_texts(element) -> list[str]:
    """The paragraph texts of one body element (a paragraph, a table, or a content control)."""
    tag = element.tag
    if tag == _W + "p":
        return [_paragraph_text(element)]
    if tag == _W + "tbl":
        out = []
        for row in element.iter(_W + "tr"):
            for cell in row.iterchildren(_W + "tc"):
                for child in cell.iterchildren():
                    out += _block_texts(child)
        return out
    if tag == _W + "sdt":  # a content control wrapping paragraphs
        content = element.find(_W + "sdtContent")
        return [t for child in (content if content is not None else []) for t in _block_texts(child)]
    return []


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\f" if el.get(_W + "type") == "page" else "\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    text = "".join(parts)
    if text.strip(" \n") == "\f":
        return "\f"
    return text.replace("\f", " \f")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or exc.__class__.__name__
