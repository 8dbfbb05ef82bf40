"""Sentence boundaries the model gets wrong: a line break always ends a sentence, and a title's
abbreviation never does.

Scraped articles put one paragraph, heading or list item per line; the parser alone happily runs
a heading into the next paragraph. Run before the parser, :func:`break_paragraphs` sets sentence
starts it respects. The parser does not respect a sentence start set to False, so titles written
with a full stop ("the hon. Member", "Cllr. Jane Doe") are kept whole by the tokenizer instead
(:func:`keep_titles`): their full stop is then no token that could end a sentence.
"""

from __future__ import annotations

from spacy.symbols import ORTH
from spacy.tokens import Doc

#: Titles written with a full stop before a name, which the English tokenizer splits off (it
#: already keeps "Mr.", "Dr.", "Prof." ...). Words that may end a sentence ("etc.", "No.") are not here.
TITLES = ("hon.", "Hon.", "Rt.", "Cllr.", "Supt.", "Insp.", "Sgt.", "Det.", "Capt.", "Col.", "Revd.", "Lt.",
          "Maj.", "Cmdr.")


def keep_titles(tokenizer) -> None:
    """Make each of :data:`TITLES` one token."""
    for title in TITLES:
        tokenizer.add_special_case(title, [{ORTH: title}])


def break_paragraphs(doc: Doc) -> Doc:
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws[len(tok.text):] or (tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
    return doc
