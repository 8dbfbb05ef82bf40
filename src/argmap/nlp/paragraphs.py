"""Sentence boundaries the model gets wrong: a line break always ends a sentence, and a title's
abbreviation never does.

Scraped articles put one paragraph, heading or list item per line; the parser alone happily runs
a heading into the next paragraph. Run before the parser, :func:`break_paragraphs` sets sentence
starts it respects. The parser does not respect a sentence start set to False, so titles written
with a full stop ("the hon. Member", "Cllr. Jane Doe") are kept whole by the tokenizer instead
(:func:`keep_titles`): their full stop is then no token that could end a sentence. After the
parser, :func:`join_cut_names` joins back a name it cut in two in the middle of a line.
"""

from __future__ import annotations

from importlib import resources

from spacy.attrs import DEP, HEAD
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


CUT_NAME_WORDS = 3  # the most capitalised words the parser leaves as a sentence of their own


def join_cut_names(doc: Doc) -> Doc:
    """'Children | England opposes the clauses', 'Cristina | Odone': a sentence the parser ends in
    the middle of a line after a few capitalised words (no full stop, no line break) is the start of
    a name; its words become a compound of the next sentence's first word, one sentence again."""
    if not doc.has_annotation("DEP"):
        return doc  # no parse to repair
    sents = list(doc.sents)
    joins = [(a, b) for a, b in zip(sents, sents[1:]) if _cut_name(doc, a, b)]
    if not joins:
        return doc
    arr = doc.to_array([HEAD, DEP])
    compound = doc.vocab.strings.add("compound")
    for a, b in joins:
        root = a.root.i
        arr[root, 0] = (b.start - root) % (1 << 64)  # relative head offsets, as to_array gives them
        arr[root, 1] = compound
    doc.from_array([HEAD, DEP], arr)
    return doc


def _cut_name(doc: Doc, a, b) -> bool:
    words = [t for t in a if not t.is_space]
    if not words or len(words) > CUT_NAME_WORDS or "\n" in doc.text[words[-1].idx:b.start_char]:
        return False
    return all(t.is_title or t.is_upper and t.is_alpha for t in words) and (b[0].is_title or b[0].is_upper)

