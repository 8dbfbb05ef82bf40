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
    """'Children | England opposes the clauses', 'Josh | MacAlister was appointed', 'Kinship | 's |
    CEO Jane Doe said': a sentence the parser ends in the middle of a line after a few capitalised
    words (no full stop, no line break) is the start of a name; its words become a compound of the
    noun that opens the next sentence (or, before a possessive "'s", that noun's owner), one
    sentence again."""
    if not doc.has_annotation("DEP"):
        return doc  # no parse to repair
    sents = list(doc.sents)
    arr = doc.to_array([HEAD, DEP])
    changed = False
    i = 0
    while i < len(sents) - 1:
        joined = _join_at(doc, sents, i, arr)
        changed = changed or joined > 0
        i += max(joined, 1)
    if changed:
        doc.from_array([HEAD, DEP], arr)
    return doc


def _join_at(doc: Doc, sents: list, i: int, arr) -> int:
    """Join the cut name that sentence ``i`` is to what follows it, in ``arr``; how many sentence
    boundaries that took away (0 when it is no cut name)."""
    a, b = sents[i], sents[i + 1]
    if not _cut_name(doc, a, b):
        return 0
    after = sents[i + 2] if i + 2 < len(sents) else None
    if len(b) == 1 and b[0].tag_ == "POS" and after is not None and _same_line(doc, b, after) and _nominal(after[0]):
        _attach(arr, b[0].i, a.root.i, doc.vocab.strings.add("case"))  # 'Kinship | 's | CEO': Kinship owns the CEO
        _attach(arr, a.root.i, after.start, doc.vocab.strings.add("poss"))
        return 2
    if _nominal(b[0]):
        _attach(arr, a.root.i, b.start, doc.vocab.strings.add("compound"))
        return 1
    return 0


def _attach(arr, child: int, head: int, label: int) -> None:
    arr[child, 0] = (head - child) % (1 << 64)  # relative head offsets, as to_array gives them
    arr[child, 1] = label


def _cut_name(doc: Doc, a, b) -> bool:
    """A few capitalised words the parser left as a sentence on the line of the next one."""
    words = [t for t in a if not t.is_space]
    return 0 < len(words) <= CUT_NAME_WORDS and _same_line(doc, a, b) and \
        all(t.text[:1].isupper() and t.is_alpha for t in words)


def _same_line(doc: Doc, a, b) -> bool:
    """Whether sentence ``b`` goes on on the line where ``a``'s last word stands."""
    last = next((t for t in reversed(a) if not t.is_space), None)
    return last is not None and "\n" not in doc.text[last.idx:b.start_char]


def _nominal(tok) -> bool:
    """A noun by its tag (this runs before the attribute ruler gives parts of speech)."""
    return tok.tag_ in {"NN", "NNS", "NNP", "NNPS"}
