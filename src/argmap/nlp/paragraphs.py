"""Sentence boundaries the model gets wrong: a line break always ends a sentence, and a title's
abbreviation never does.

Scraped articles put one paragraph, heading or list item per line; the parser alone happily runs
a heading into the next paragraph. Run before the parser, :func:`break_paragraphs` sets sentence
starts it respects. The parser does not respect a sentence start set to False, so titles written
with a full stop ("the hon. Member", "Cllr. Jane Doe") are kept whole by the tokenizer instead
(:func:`keep_titles`): their full stop is then no token that could end a sentence.
"""

from __future__ import annotations

from importlib import resources

from spacy.symbols import ORTH
from spacy.tokens import Doc

TITLES_FILE = "data/titles.txt"  # relative to the package, like the cache's parse fingerprint files


def titles() -> list[str]:
    """The titles kept whole (data/titles.txt: one a line, '#' comments)."""
    text = (resources.files("argmap") / TITLES_FILE).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def keep_titles(tokenizer) -> None:
    """Make each title of :func:`titles` one token."""
    for title in titles():
        tokenizer.add_special_case(title, [{ORTH: title}])


def break_paragraphs(doc: Doc) -> Doc:
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws[len(tok.text):] or (tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
    return doc
