"""Safety limits on the text argmap feeds to the parser: whole documents and single sentences.

Two limits protect a build from one pathological file, and neither ever changes silently:

- :data:`DEFAULT_MAX_CHARS` (CLI ``--max-chars``): a document whose text is longer is skipped,
  with a reason naming the option (spaCy refuses texts over its ``max_length``, and a book-sized
  text is not an article). Raising the option raises the parser's limit with it
  (:func:`parser_max_length`).
- :data:`DEFAULT_MAX_SENTENCE_CHARS` (CLI ``--max-sentence-chars``): a run of text with no
  sentence end or line break that is longer (a table flattened into one line, text without
  punctuation) is broken into pieces of at most that length before parsing, by turning a space
  into a line break (argmap starts a new sentence at every line break). The document keeps all
  its text; the break changes only what the parser sees, never the stored text or any offset,
  and a note on the document says how many runs were broken (shown in the build summary and
  kept in the graph's document node).

Real articles stay far below both: the longest sentence in the seed and sample corpora is about
350 characters, the longest article about 20,000.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator

from argmap.model import Document

DEFAULT_MAX_CHARS = 1_000_000  #: longer document texts are skipped (spaCy's own default max_length)
DEFAULT_MAX_SENTENCE_CHARS = 2_000  #: longer runs without a sentence end are broken for the parser

#: Where a sentence ends before parsing: a line break, or . ! ? (with closing quotes or brackets)
#: followed by whitespace (the spaces belong to the end).
_SENTENCE_END = re.compile(r"\n|[.!?][\"'\u201d\u2019)\]]*(?:[ \t]+|(?=\s))")
_BREAKABLE = " \t"
_CLAUSE_END = ",;:"


class TooLong(ValueError):
    """A document's text is over the character limit; ``reason`` says so in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Limits:
    """The limits for one build (defaults: the module constants)."""

    max_chars: int = DEFAULT_MAX_CHARS
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS

    def __post_init__(self) -> None:
        if self.max_chars < 1 or self.max_sentence_chars < 1:
            raise ValueError("limits must be positive")


def overlong_runs(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every run of ``text`` longer than ``limit`` with no sentence end in it."""
    runs = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() - start > limit:
            runs.append((start, m.start()))
        start = m.end()
    if len(text) - start > limit:
        runs.append((start, len(text)))
    return runs


def break_long_sentences(text: str, limit: int) -> tuple[str, list[int]]:
    """``text`` with every overlong run broken into pieces of at most ``limit`` characters.

    A break replaces one space or tab with a line break, so the result has the same length and
    every other character where it was. Each break falls after a clause mark (, ; :) in the
    second half of the window if there is one, else at the window's last space; a single word
    longer than ``limit`` stays whole (the piece holding it ends at the first space after it).
    Returns the new text and the lengths of the runs that were broken.
    """
    runs = overlong_runs(text, limit)
    if not runs:
        return text, []
    chars = list(text)
    for start, end in runs:
        piece = start
        while end - piece > limit:
            cut = _cut_point(text, piece, min(piece + limit, end), end)
            if cut is None:
                break
            chars[cut] = "\n"
            piece = cut + 1
    return "".join(chars), [end - start for start, end in runs]


def _cut_point(text: str, lo: int, hi: int, end: int) -> int | None:
    """Index of the space to turn into a line break for the piece starting at ``lo``."""
    half = lo + (hi - lo) // 2
    last_space = None
    for i in range(hi, lo, -1):
        if text[i] in _BREAKABLE:
            if i > half and text[i - 1] in _CLAUSE_END:
                return i
            if last_space is None:
                last_space = i
    if last_space is not None:
        return last_space
    for i in range(hi + 1, end):  # one word longer than the limit: break after it
        if text[i] in _BREAKABLE:
            return i
    return None


def apply_limits(document: Document, limits: Limits = Limits()) -> Document:
    """The document as the parser should see it under ``limits``.

    Raises :class:`TooLong` when its text is over ``limits.max_chars``; breaks overlong
    sentences in its ``clean`` text (see :func:`break_long_sentences`) and adds a note saying so.
    """
    size = len(document.clean)
    if size > limits.max_chars:
        raise TooLong(f"text is {size:,} characters, over the {limits.max_chars:,}-character "
                      "limit (raise it with --max-chars)")
    clean, broken = break_long_sentences(document.clean, limits.max_sentence_chars)
    if not broken:
        return document
    note = (f"{len(broken)} sentence{'s' if len(broken) != 1 else ''} longer than "
            f"{limits.max_sentence_chars:,} characters (longest {max(broken):,}) broken into pieces "
            "for the parser (--max-sentence-chars); the text is kept whole")
    return dataclasses.replace(document, clean=clean, notes=(*document.notes, note))


def limit_documents(documents: Iterable[Document], limits: Limits = Limits(), *,
                    on_skip: Callable[[str, str], None] | None = None) -> Iterator[Document]:
    """Apply :func:`apply_limits` to a stream; a document over the size limit goes to
    ``on_skip(path, reason)`` instead of the output."""
    for document in documents:
        try:
            yield apply_limits(document, limits)
        except TooLong as exc:
            if on_skip is not None:
                on_skip(document.path, exc.reason)


def parser_max_length(limits: Limits, current: int) -> int:
    """The ``nlp.max_length`` a pipeline needs so that no text within ``limits`` is refused."""
    return max(current, limits.max_chars + 1)
