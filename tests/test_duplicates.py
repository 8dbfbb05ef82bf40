"""Duplicates: identical texts read once, near-duplicates (other page furniture) found and reported
(no model needed)."""

from __future__ import annotations

import re

import pytest

from argmap.corpus import load_corpus
from argmap.duplicates import Duplicate, drop_duplicates, overlap, signature
from conftest import ROOT, SAMPLE_CORPUS

ARTICLE = SAMPLE_CORPUS / "family-help-rollout-funding.md"


def _body() -> str:
    text = ARTICLE.read_text(encoding="utf-8")
    return text.split("---", 2)[2].strip()  # without its front matter


def _republished(body: str) -> str:
    """The same article as another outlet would put it out: other title, menus, share links, footer."""
    paragraphs = body.split("\n\n")
    return "\n\n".join([
        "Home | News | Opinion | Jobs | Events",
        "Family help roll-out faces funding gap, directors say",
        "By our social affairs staff",
        *paragraphs[1:6],
        "Advertisement",
        *paragraphs[6:],
        "Related stories: Ofsted chief calls for kinship reform; Care leavers housing pledge",
        "Sign up to our weekly newsletter",
        "© 2025 The Other Outlet. All rights reserved.",
    ]) + "\n"


def _docs(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found: list[Duplicate] = []
    docs = list(drop_duplicates(load_corpus([tmp_path]), on_duplicate=found.append))
    return docs, found


def test_identical_texts_are_read_once_and_listed_as_duplicates_of_the_first(tmp_path):
    body = _body()
    docs, found = _docs(tmp_path, {"a.md": body, "b.md": re.sub(r"\n\n", "\n\n\n", body) + "\n  \n",
                                   "c.md": body})
    assert [d.id for d in docs] == ["a"]
    assert [(d.path.rsplit("/", 1)[-1], d.of.rsplit("/", 1)[-1], d.kind) for d in found] == [
        ("b.md", "a.md", "identical"), ("c.md", "a.md", "identical")]
    assert found[0].describe() == f"same text as {tmp_path / 'a.md'} (read once)"


def test_the_same_article_with_other_page_furniture_is_a_near_duplicate(tmp_path):
    docs, found = _docs(tmp_path, {"a.md": _body(), "b.md": _republished(_body())})
    assert [d.id for d in docs] == ["a"]
    (dup,) = found
    assert dup.kind == "near" and dup.of.endswith("a.md") and dup.shared >= 0.8 and not dup.kept
    assert "--keep-near-duplicates reads both" in dup.describe()


def test_keep_near_reads_both_and_still_reports(tmp_path):
    for name, text in {"a.md": _body(), "b.md": _republished(_body())}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found: list[Duplicate] = []
    docs = list(drop_duplicates(load_corpus([tmp_path]), keep_near=True, on_duplicate=found.append))
    assert [d.id for d in docs] == ["a", "b"]
    assert [d.kept for d in found] == [True]


def test_a_short_item_quoted_whole_inside_a_longer_piece_is_not_a_duplicate(tmp_path):
    body = _body()
    short = "\n\n".join(body.split("\n\n")[:5])
    other = (SAMPLE_CORPUS / "opinion-kinship-carers-afterthought.md").read_text(encoding="utf-8")
    longer = other.split("---", 2)[2] + "\n\n" + short
    docs, found = _docs(tmp_path, {"a.md": short, "b.md": longer})
    assert [d.id for d in docs] == ["a", "b"] and found == []


def test_no_two_articles_of_the_test_corpora_look_alike():
    """Real articles on one debate share phrases, never most of their text."""
    folders = [SAMPLE_CORPUS, *(ROOT / "tests" / name for name in
                                ("articles", "heldout", "unseen", "final", "blind", "sealed"))]
    found: list[Duplicate] = []
    docs = list(drop_duplicates(load_corpus(folders), on_duplicate=found.append))
    assert len(docs) > 35 and found == []
    sigs = [signature(d.path, d.clean) for d in docs]
    worst = max(overlap(a, b)[0] for i, a in enumerate(sigs) for b in sigs[i + 1:])
    assert worst < 0.3  # far below the 0.8 that makes a near-duplicate


@pytest.mark.parametrize("size", [0, 3])
def test_very_short_texts_are_compared_only_for_identity(tmp_path, size):
    words = " ".join(["word"] * size) or "Short."
    docs, found = _docs(tmp_path, {"a.txt": words + " one\n", "b.txt": words + " two\n"})
    assert len(docs) == 2 and found == []
