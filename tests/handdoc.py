"""Hand-built spaCy Docs for rule tests: no model, milliseconds each.

A Doc is written one token per line::

    Jane    PROPN NNP compound 1 B-PERSON
    Doe     PROPN NNP nsubj    2 I-PERSON
    warned  VERB  VBD ROOT     2 O lemma=warn
    .       PUNCT .   punct    2 O

columns: text, coarse part of speech, fine tag, dependency, head (index of the head token, itself
for the root), entity (BIO), then optional ``lemma=...`` and ``nospace``. ``\\n`` is a line-break
token; the parse decides the sentences, so each line needs its own ROOT (the line break hangs off the
line before). A space follows every token except before punctuation, after an opening quote or a
line break, and after a token marked ``nospace`` (the parts of 'Sacks-Jones').

Run ``python tests/handdoc.py "Some sentence."`` (with the spaCy model installed) to print the
spec the model would give, as a starting point to check and edit by hand.
"""

from __future__ import annotations

import sys

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# an English vocabulary (no model): a bare Vocab() has no lexical attributes, so is_punct,
# is_alpha, is_title, like_num and is_stop would all be False on hand-built Docs
VOCAB = spacy.blank("en").vocab
_NO_SPACE_BEFORE = {".", ",", ";", ":", "?", "!", ")", "\u201d", "\u2019", "'s", "\u2019s", "n't", "%", "\n"}
_NO_SPACE_AFTER = {"\u201c", "\u2018", "(", "\n"}


def hand_doc(spec: str, vocab: Vocab = VOCAB) -> Doc:
    """A Doc from a token table (see the module docstring)."""
    rows = [line.split() for line in spec.strip("\n").splitlines() if line.strip()]
    words, pos, tags, deps, heads, ents, lemmas, glued = [], [], [], [], [], [], [], []
    for row in rows:
        text = "\n" if row[0] == "\\n" else row[0]
        words.append(text)
        pos.append(row[1])
        tags.append(row[2])
        deps.append(row[3])
        heads.append(int(row[4]))
        ents.append(row[5] if len(row) > 5 and not row[5].startswith("lemma=") and row[5] != "nospace" else "O")
        glued.append("nospace" in row[5:])
        lemma = next((c.removeprefix("lemma=") for c in row[5:] if c.startswith("lemma=")), text.lower())
        lemmas.append(lemma)
    spaces = [not (i + 1 < len(words) and words[i + 1] in _NO_SPACE_BEFORE) and w not in _NO_SPACE_AFTER
              and i + 1 < len(words) and not glued[i] for i, w in enumerate(words)]
    sent_starts = [i == 0 or words[i - 1] == "\n" for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads, ents=ents,
              lemmas=lemmas)
    for i, start in enumerate(sent_starts):
        if start and i > 0 and not doc[i].is_sent_start:  # (a parsed Doc's sentences come from its trees)
            raise ValueError(f"token {i} ({words[i]!r}) follows a line break, but its head is on the line before: "
                             "give each line its own ROOT")
    return doc


def spec_of(doc: Doc) -> str:
    """The token table of a Doc (for writing tests)."""
    out = []
    for t in doc:
        text = "\\n" if t.text == "\n" else t.text.replace(" ", "_") or "_"
        ent = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O"
        lemma = f" lemma={t.lemma_}" if t.lemma_.lower() != t.text.lower() else ""
        out.append(f"{text:<14} {t.pos_:<5} {t.tag_:<4} {t.dep_:<9} {t.head.i:<3} {ent}{lemma}")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover - a tool for writing tests
    from argmap.nlp.load import load_model

    nlp = load_model()
    print(spec_of(nlp(" ".join(sys.argv[1:]))))
