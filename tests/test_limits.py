"""Safety limits on parser input: documents over --max-chars are refused with a reason, runs
longer than --max-sentence-chars are broken at spaces (same length, every offset kept)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.limits import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_SENTENCE_CHARS,
    Limits,
    TooLong,
    apply_limits,
    break_long_sentences,
    limit_documents,
    overlong_runs,
    parser_max_length,
)
from argmap.model import Document

WORDS = ("careful", "review", "of", "family", "help", "and", "the", "teams,", "said")


def run_of(n_chars: int) -> str:
    """A run of words with no sentence end, about ``n_chars`` long."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(n_chars // 5))[:n_chars].rstrip()


def doc(clean: str, **kw) -> Document:
    return Document(id="d", path="d.txt", text=clean, clean=clean, sha256="0" * 64, **kw)


def test_defaults_are_safe_and_far_above_real_articles():
    assert DEFAULT_MAX_CHARS == 1_000_000  # spaCy's own max_length
    assert DEFAULT_MAX_SENTENCE_CHARS == 2_000
    with pytest.raises(ValueError):
        Limits(max_chars=0)


def test_overlong_runs_end_at_sentence_ends_and_line_breaks():
    short = "One sentence. Another one! A third? Yes.\nA line\nanother line"
    assert overlong_runs(short, 20) == []
    text = "Short. " + "x " * 30 + "end.\n" + "y" * 10
    [(start, end)] = overlong_runs(text, 40)
    assert text[start:end] == "x " * 30 + "end"
    quoted = "He said \u201cno.\u201d " + "z " * 30
    assert overlong_runs(quoted, 50) == [(quoted.index("z"), len(quoted))]


def test_a_long_run_is_broken_into_pieces_at_most_the_limit():
    text = "Intro sentence. " + run_of(10_000) + ". Tail sentence.\n"
    out, broken = break_long_sentences(text, 500)
    assert broken and broken[0] >= 9_990
    assert len(out) == len(text)
    assert all(a == b or (a in " \t" and b == "\n") for a, b in zip(text, out))
    assert overlong_runs(out, 500) == []
    assert out.startswith("Intro sentence. ") and out.endswith(". Tail sentence.\n")


def test_breaks_prefer_clause_marks():
    text = run_of(3000)
    out, _ = break_long_sentences(text, 400)
    cuts = [m.start() for m in re.finditer("\n", out)]
    assert cuts and all(out[i - 1] == "," for i in cuts)


def test_a_word_longer_than_the_limit_stays_whole():
    word = "x" * 800
    text = f"{word} and then some words after it {word}"
    out, broken = break_long_sentences(text, 300)
    assert word in out.split("\n")[0] and out.count(word) == 2
    assert broken == [len(text)]
    assert out.replace("\n", " ") == text


def test_nothing_to_do_returns_the_same_text():
    text = "A normal article.\nWith two lines.\n"
    assert break_long_sentences(text, 100) == (text, [])


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("ab ,.;:!?\n\t\u201d"), max_size=400), limit=st.integers(1, 60))
def test_property_same_length_only_spaces_change_and_runs_fit(text, limit):
    out, broken = break_long_sentences(text, limit)
    assert len(out) == len(text)
    assert all(a == b or (a in " \t" and b == "\n") for a, b in zip(text, out))
    assert len(broken) == len(overlong_runs(text, limit))
    for start, end in overlong_runs(out, limit):  # what is still too long holds no place to break
        assert not any(ch in " \t" for ch in out[start + 1:min(end, start + limit + 1)])


def test_apply_limits_refuses_a_document_over_max_chars():
    with pytest.raises(TooLong) as info:
        apply_limits(doc("word " * 300), Limits(max_chars=1000))
    assert info.value.reason == ("text is 1,500 characters, over the 1,000-character limit "
                                 "(raise it with --max-chars)")


def test_apply_limits_notes_what_it_broke_and_keeps_the_text():
    text = "Start. " + run_of(5000) + ".\n"
    original = doc(text, notes=("decoded as Windows-1252",), offset_map=((3, 2),))
    limited = apply_limits(original, Limits(max_sentence_chars=1000))
    assert limited.text == original.text and limited.offset_map == original.offset_map
    assert len(limited.clean) == len(original.clean) and limited.clean != original.clean
    assert limited.notes[0] == "decoded as Windows-1252"
    assert limited.notes[1].startswith("1 sentence longer than 1,000 characters (longest 4,9")
    assert "--max-sentence-chars" in limited.notes[1] and "kept whole" in limited.notes[1]
    assert apply_limits(doc("Fine.\n")) == doc("Fine.\n")


def test_limit_documents_streams_and_reports_skips():
    docs = [doc("a " * 10), doc("b " * 1000), doc("c " * 10)]
    skipped = []
    out = list(limit_documents(docs, Limits(max_chars=100), on_skip=lambda p, r: skipped.append((p, r))))
    assert [d.clean[0] for d in out] == ["a", "c"]
    reason = "text is 2,000 characters, over the 100-character limit (raise it with --max-chars)"
    assert skipped == [("d.txt", reason)]


def test_parser_max_length_follows_max_chars():
    assert parser_max_length(Limits(), 1_000_000) == 1_000_001
    assert parser_max_length(Limits(max_chars=5_000_000), 1_000_000) == 5_000_001
    assert parser_max_length(Limits(max_chars=10), 1_000_000) == 1_000_000


@pytest.mark.model
def test_the_parser_never_sees_a_sentence_over_the_limit():
    from argmap.nlp.pipeline import ANALYSIS_COMPONENTS, build_pipeline

    nlp = build_pipeline()
    limited = apply_limits(doc("Opening line.\n" + run_of(20_000) + ".\n"), Limits(max_sentence_chars=1500))
    [parsed] = nlp.pipe([limited.clean], disable=list(ANALYSIS_COMPONENTS))
    longest = max(len(s.text) for s in parsed.sents)
    assert longest <= 1500
