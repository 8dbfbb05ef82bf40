"""PDF and Word input: text layers joined into paragraphs, page breaks kept, scans skipped with a
reason, and every file of a folder either read or listed (no model needed)."""

from __future__ import annotations

import pytest

from argmap.corpus import SkipDocument, SkipLog, is_ignored, load_corpus, read_document
from argmap.docxtext import extract_docx
from argmap.pdftext import NoText, extract_pdf
from docmaker import make_docx, make_pdf, wrap_page

P1 = ("The Association of Directors of Children's Services said the national roll-out of family help "
      "would stall unless the government found new money for the teams it expects every council to run.")
P2 = ("Its president warned that councils were already overspending on placements and could not "
      "reshuffle budgets that were stretched to breaking point.")
P3 = ("Kinship carers, the charity said, were still treated as an afterthought by the reforms, and "
      "deserved an allowance on the same terms as foster carers.")


def test_pdf_lines_are_joined_into_paragraphs():
    pdf = make_pdf([wrap_page(["Councils warn on family help", P1, P2], headings=(0,))])
    text = extract_pdf(pdf).text
    assert text == f"Councils warn on family help\n\n{P1}\n\n{P2}\n"


def test_pdf_page_breaks_are_kept_and_running_lines_dropped():
    pages = [wrap_page([P1, P2], header="Briefing: March 2025", footer="Page 1 of 2"),
             wrap_page([P3], header="Briefing: March 2025", footer="Page 2 of 2")]
    extracted = extract_pdf(make_pdf(pages))
    assert extracted.text == f"{P1}\n\n{P2}\n\f\n{P3}\n"
    assert extracted.note == "text extracted from PDF (2 pages)"
    assert "Briefing" not in extracted.text and "Page" not in extracted.text


def test_a_sentence_running_over_a_page_break_stays_one_sentence():
    first, rest = P1[:60].rsplit(" ", 1)[0], P1[len(P1[:60].rsplit(" ", 1)[0]) + 1:]
    text = extract_pdf(make_pdf([wrap_page([first]), wrap_page([rest])])).text
    assert text == f"{first} \f{rest}\n"
    assert "\n" not in text.rstrip("\n")  # no line break: the parser sees one sentence


def test_hyphen_at_the_end_of_a_line_joins_without_a_space():
    lines = [("The roll-", 72, 700, 11), ("out of family help is under way.", 72, 686, 11),
             ("A second paragraph starts lower down the page.", 72, 650, 11)]
    assert extract_pdf(make_pdf([lines])).text == (
        "The roll-out of family help is under way.\n\nA second paragraph starts lower down the page.\n")


def test_a_scanned_pdf_is_refused_with_the_reason():
    with pytest.raises(NoText, match=r"PDF without a text layer \(2 pages, 0 characters.*OCR"):
        extract_pdf(make_pdf([[], []], images_only=True))


def test_a_damaged_pdf_is_refused_in_one_line():
    pdf = make_pdf([wrap_page([P1])])
    with pytest.raises(NoText, match="cannot read the PDF") as info:
        extract_pdf(pdf[:40])
    assert "\n" not in info.value.reason


def test_docx_paragraphs_tables_and_page_breaks():
    data = make_docx([("heading", "Councils warn on family help"), P1, ("lines", "Line one\nLine two"),
                      ("table", "Cell one|Cell two"), ("page", ""), P2], header="Running header")
    extracted = extract_docx(data)
    assert extracted.text == (f"Councils warn on family help\n\n{P1}\n\nLine one\nLine two\n\n"
                              f"Cell one\n\nCell two\n\f\n{P2}\n")
    assert "Running header" not in extracted.text
    assert extracted.note == "text extracted from Word (.docx)"


def test_an_empty_or_damaged_docx_is_refused():
    with pytest.raises(NoText, match="no text"):
        extract_docx(make_docx([]))
    with pytest.raises(NoText, match="cannot read the Word file"):
        extract_docx(b"PK\x03\x04 not really a zip")


def test_corpus_reads_pdf_and_docx_with_offsets_into_the_extracted_text(tmp_path):
    (tmp_path / "briefing.pdf").write_bytes(make_pdf([wrap_page([P1, P2]), wrap_page([P3])]))
    (tmp_path / "evidence.docx").write_bytes(make_docx([P3, P2]))
    docs = {d.id: d for d in load_corpus([tmp_path])}
    assert set(docs) == {"briefing", "evidence"}
    pdf = docs["briefing"]
    assert pdf.text.startswith(P1) and pdf.encoding == "pdf" and pdf.notes == ("text extracted from PDF (2 pages)",)
    start = pdf.text.index("Kinship carers")
    assert pdf.clean[start:start + 14] == "Kinship carers"  # clean keeps the offsets of the text
    assert docs["evidence"].text == f"{P3}\n\n{P2}\n" and docs["evidence"].encoding == "docx"


def test_a_pdf_by_name_only_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "fake.pdf").write_text("just some text")
    with pytest.raises(SkipDocument, match="not a PDF file"):
        read_document(tmp_path / "fake.pdf")
    (tmp_path / "fake.docx").write_text("just some text")
    with pytest.raises(SkipDocument, match="not a Word .docx file"):
        read_document(tmp_path / "fake.docx")


def test_every_file_in_a_folder_is_read_or_listed(tmp_path):
    (tmp_path / "article.txt").write_text(P1 + "\n")
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]], images_only=True))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "README.md").write_text("about this folder\n")
    (tmp_path / ".hidden").write_text("passed over\n")
    log = SkipLog()
    docs = list(load_corpus([tmp_path], on_skip=log))
    assert [d.id for d in docs] == ["article"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in log.items}
    assert set(reasons) == {"scan.pdf", "photo.png", "old.doc", "README.md"}
    assert reasons["scan.pdf"].startswith("PDF without a text layer") and not is_ignored(reasons["scan.pdf"])
    assert reasons["photo.png"].startswith("not a format argmap reads (.png;") and is_ignored(reasons["photo.png"])
    assert is_ignored(reasons["old.doc"]) and is_ignored(reasons["README.md"])
