"""A line break always ends a sentence.

Scraped articles put one paragraph, heading or list item per line; the parser alone happily runs
a heading into the next paragraph. Run before the parser, this sets sentence starts it respects.
"""

from __future__ import annotations

from spacy.tokens import Doc


def break_paragraphs(doc: Doc) -> Doc:
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws[len(tok.text):] or (tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
    return doc
