"""The argmap_paragraphs component: a line break always ends a sentence.

Scraped articles put one paragraph, heading or list item per line; the parser alone happily
runs a heading into the next paragraph. Placed before the parser, this sets sentence starts
that the parser then respects.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaker:
    def __call__(self, doc: Doc) -> Doc:
        for i, tok in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if "\n" in tok.text_with_ws[len(tok.text):] or (tok.is_space and "\n" in tok.text):
                nxt.is_sent_start = True
            elif not nxt.is_space and nxt.is_sent_start is None:
                # leave the parser free elsewhere
                continue
        return doc


@Language.factory("argmap_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraph_breaker(nlp: Language, name: str) -> ParagraphBreaker:
    return ParagraphBreaker()
