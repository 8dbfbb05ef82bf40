"""Read a corpus of articles: the only code that opens corpus files.

:func:`load_corpus` streams one :class:`~argmap.model.Document` at a time from .txt, .md, .html,
.pdf and .docx files (directories are searched recursively). Each file is decoded
(:mod:`argmap.decode`), stripped to its article text when it is HTML (:mod:`argmap.htmltext`),
read through its text layer when it is a PDF (:mod:`argmap.pdftext`) or its body when it is a
Word file (:mod:`argmap.docxtext`), its optional front matter
read, its noise blanked and glued words split (:mod:`argmap.clean`), and its author, role, date
and genre found (:mod:`argmap.byline`). A file that cannot be used is not an error: it is skipped
with a :class:`Skipped` record (a reason a user can act on) handed to ``on_skip``. Files met
while walking a folder that are not articles (README-type files, other formats such as images or
spreadsheets) are handed to ``on_skip`` too, with a reason for which :func:`is_ignored` is true:
every file under a folder is either read or listed (hidden files and folders excepted).

Limits: a file larger than ``max_bytes`` (:data:`DEFAULT_MAX_BYTES`, 20 MB; the CLI's
``--max-bytes``) is skipped, never truncated. Texts of at least :data:`MIN_WORDS_FOR_LANGUAGE`
words where fewer than :data:`MIN_ENGLISH_SHARE` of the words are common English words are skipped
as not English.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.byline import GENRE_LABELS, detect_author, find_byline
from argmap.clean import OffsetMap, clean_text, english_share, to_source
from argmap.dates import find_date
from argmap.decode import BinaryFile, declared_charset, decode_bytes
from argmap.errors import CorpusError
from argmap.htmltext import extract_html
from argmap.model import Document

if TYPE_CHECKING:  # pragma: no cover
    from argmap.cache import DocumentCache

__all__ = [
    "CACHE_DIR_NAME",
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "OffsetMap",
    "SkipDocument",
    "SkipLog",
    "Skipped",
    "assign_ids",
    "clean_text",
    "detect_author",
    "doc_id_for",
    "iter_corpus_files",
    "load_corpus",
    "parse_front_matter",
    "read_document",
    "read_documents",
    "to_source",
]

#: the reason given for README/SOURCES/LICENSE files met while walking a folder (not a problem)
DOCUMENTATION_REASON = ("corpus documentation (README/SOURCES/LICENSE), not an article; "
                        "name the file to read it anyway")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  #: 20 MB: larger files are skipped (CLI: --max-bytes)
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", *PDF_SUFFIXES, *DOCX_SUFFIXES})
HTML_SUFFIXES = frozenset({".html", ".htm"})
#: the start of the reason given for files of other formats met while walking a folder
OTHER_FORMAT_REASON = "not a format argmap reads"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
CACHE_DIR_NAME = ".argmap-cache"  #: argmap's own cache directory, never read as corpus
SKIP_DIRS = frozenset({CACHE_DIR_NAME, "__pycache__", "node_modules"})
#: File names (without suffix, any case) that document a corpus folder rather than being articles;
#: found while searching a directory, they are skipped with a reason (naming one directly reads it).
DOC_FILE_STEMS = frozenset({"readme", "sources", "license", "licence", "copying", "changelog"})
FRONT_MATTER_MAX_LINES = 60
MIN_WORDS_FOR_LANGUAGE = 40  #: shorter texts are not judged for language
MIN_ENGLISH_SHARE = 0.12  #: English prose runs at 0.25-0.40; French or German below 0.05
MAX_TITLE_LEN = 200  #: longer titles (front matter or first line) are shortened, with an ellipsis
MIN_LETTERS_FOR_SCRIPT = 100  #: shorter texts are not judged for their alphabet
MIN_LATIN_SHARE = 0.5  #: texts whose letters are mostly of another script are not English


@dataclass(frozen=True)
class Skipped:
    """A corpus file that was not read, and why."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


class SkipDocument(Exception):
    """Raised by :func:`read_document` when a file cannot be used; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class SkipLog:
    """Collects skipped files: pass an instance as ``on_skip``, then list ``items``."""

    items: list[Skipped] = field(default_factory=list)

    def __call__(self, skipped: Skipped) -> None:
        self.items.append(skipped)

    def __len__(self) -> int:
        return len(self.items)

    def as_dicts(self) -> list[dict[str, str]]:
        """The skips as ``[{"path", "reason"}]``, the shape of the graph's ``skipped`` attribute."""
        return [s.to_dict() for s in self.items]


OnSkip = Callable[[Skipped], None]


def is_ignored(reason: str) -> bool:
    """Whether a skip reason is for a file that is not an article (listed as ``ignored``, not a problem)."""
    return reason == DOCUMENTATION_REASON or reason.startswith(OTHER_FORMAT_REASON)


def other_format_reason(path: Path) -> str:
    """The reason a file of another format is not read, e.g. ``not a format argmap reads (.png)``."""
    suffix = path.suffix.lower() or "no extension"
    return f"{OTHER_FORMAT_REASON} ({suffix}; it reads {', '.join(sorted(SUFFIXES))})"


def iter_corpus_files(paths: Sequence[str | Path], *, on_skip: OnSkip | None = None,
                      skip_dirs: frozenset[str] = SKIP_DIRS) -> Iterator[tuple[Path, Path]]:
    """Yield ``(file, root)`` for every article file under ``paths``, sorted within each root.

    Directories are searched recursively, following symlinks but visiting each real directory
    once (so a symlink loop ends); hidden entries and ``skip_dirs`` are passed over. A file path is
    taken as given, whatever its suffix. Raises :class:`CorpusError` for a path that does not exist.
    """
    roots = _check_paths(paths)
    return _iter_files(roots, on_skip, skip_dirs)


def load_corpus(paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                on_skip: OnSkip | None = None) -> Iterator[Document]:
    """Stream the readable documents under ``paths``; unusable files go to ``on_skip``.

    Document ids are unique: when a file's id is taken by a file from another root, it is prefixed
    with its root's name (``doc_id_for(..., prefix=)``); if still taken, it is numbered ("-2").
    """
    files = iter_corpus_files(paths, on_skip=on_skip)
    return _documents(files, max_bytes, on_skip)


def read_document(path: str | Path, root: str | Path | None = None, *,
                  max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None,
                  cache: DocumentCache | None = None) -> Document:
    """Read one file into a Document; raises :class:`SkipDocument` when it cannot be used. With a
    ``cache``, a file read before with the same bytes at the same place is not decoded and
    cleaned again."""
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    data = _read_bytes(path, max_bytes)
    if cache is None:
        return _document(path, root, data, doc_id)
    doc_id = doc_id or doc_id_for(path, root)
    where = (display_path(path), display_path(root), doc_id)
    found = cache.get(where, hashlib.sha256(data).hexdigest())
    if found is None:
        found = _document(path, root, data, doc_id)
        cache.put(where, found)
    return found


def _document(path: Path, root: Path, data: bytes, doc_id: str | None) -> Document:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES or suffix in DOCX_SUFFIXES:
        return _read_binary_document(path, root, data, suffix, doc_id)
    try:
        decoded = decode_bytes(data, declared=declared_charset(data) if suffix in HTML_SUFFIXES else None)
    except BinaryFile as exc:
        raise SkipDocument(f"binary file ({exc})") from None
    text, notes = decoded.text, [decoded.note] if decoded.note else []
    if not text.strip():
        raise SkipDocument("empty file")
    html_dates: list[tuple[str, str]] = []
    if suffix in HTML_SUFFIXES:
        article = extract_html(text)
        text, meta, start, html_dates = article.text, article.meta, 0, article.dates
        notes.append("text extracted from HTML")
        if not text.strip():
            raise SkipDocument("no article text found in the HTML")
    else:
        meta, start = parse_front_matter(text)
    clean, offset_map = clean_text(text, start=start, markdown=suffix in MARKDOWN_SUFFIXES)
    if not clean.strip():
        raise SkipDocument("nothing left after removing page furniture")
    script = foreign_script(clean)
    if script:
        raise SkipDocument(f"not English ({script})")
    share, words = english_share(clean)
    if words >= MIN_WORDS_FOR_LANGUAGE and share < MIN_ENGLISH_SHARE:
        raise SkipDocument(f"not English ({share:.0%} common English words among {words} words; "
                           f"at least {MIN_ENGLISH_SHARE:.0%} expected)")
    byline = find_byline(clean, meta)
    dating = find_date(front=None if suffix in HTML_SUFFIXES else meta, html=html_dates, text=clean, path=path)
    return Document(
        id=doc_id or doc_id_for(path, root), path=display_path(path), text=text, clean=clean,
        sha256=hashlib.sha256(data).hexdigest(), offset_map=offset_map,
        title=_first_line(meta["title"]) if meta.get("title") else _first_line(clean), date=dating.date,
        date_source=dating.source, date_problems=dating.problems,
        outlet=meta.get("outlet"), author=byline.name, author_role=byline.role, url=meta.get("url"),
        genre=meta.get("genre") or byline.genre, encoding=decoded.encoding, notes=tuple(notes))


def _read_binary_document(path: Path, root: Path, data: bytes, suffix: str, doc_id: str | None) -> Document:
    """A PDF or Word file: its extracted text is the document's text (offsets point into it)."""
    from argmap.pdftext import NoText

    try:
        if suffix in PDF_SUFFIXES:
            if not data.lstrip()[:5] == b"%PDF-":
                raise SkipDocument("not a PDF file (no %PDF- header), whatever its name")
            from argmap.pdftext import extract_pdf

            extracted = extract_pdf(data)
        else:
            if not data.startswith(b"PK"):
                raise SkipDocument("not a Word .docx file (not a ZIP package), whatever its name")
            from argmap.docxtext import extract_docx

            extracted = extract_docx(data)
    except NoText as exc:
        raise SkipDocument(exc.reason) from None
    text = extracted.text
    clean, offset_map = clean_text(text, start=0, markdown=False)
    if not clean.strip():
        raise SkipDocument("nothing left after removing page furniture")
    script = foreign_script(clean)
    if script:
        raise SkipDocument(f"not English ({script})")
    share, words = english_share(clean)
    if words >= MIN_WORDS_FOR_LANGUAGE and share < MIN_ENGLISH_SHARE:
        raise SkipDocument(f"not English ({share:.0%} common English words among {words} words; "
                           f"at least {MIN_ENGLISH_SHARE:.0%} expected)")
    byline = find_byline(clean, {})
    dating = find_date(text=clean, path=path)
    return Document(
        id=doc_id or doc_id_for(path, root), path=display_path(path), text=text, clean=clean,
        sha256=hashlib.sha256(data).hexdigest(), offset_map=offset_map, title=_first_line(clean),
        date=dating.date, date_source=dating.source, date_problems=dating.problems,
        author=byline.name, author_role=byline.role, genre=byline.genre,
        encoding=suffix.lstrip("."), notes=(extracted.note,))


def doc_id_for(path: str | Path, root: str | Path, prefix: str | None = None) -> str:
    """A stable, readable id: the path under ``root`` without its suffix, each segment made safe.

    ``../corpus/Reports/Café Notes.txt`` under ``../corpus`` -> ``reports/cafe_notes``.
    """
    path, root = Path(path), Path(root)
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    parts = [*rel.parts[:-1], rel.stem]
    if prefix:
        parts.insert(0, prefix)
    return "/".join(_safe_segment(p) for p in parts)


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Fields of a ``---`` delimited ``key: value`` block at the very top, and where it ends.

    Returns ``({}, 0)`` when there is none. Keys are lowercased; surrounding quotes are removed.
    """
    lines = iter(re.finditer(r"[^\n]*(?:\n|$)", text))  # lazily: at most FRONT_MATTER_MAX_LINES are read
    first = next(lines, None)
    if first is None or first.group(0).rstrip() != "---":
        return {}, 0
    fields: dict[str, str] = {}
    for n, m in enumerate(lines):
        line = m.group(0).strip()
        if line in ("---", "..."):
            return fields, m.end()
        if n >= FRONT_MATTER_MAX_LINES or not m.group(0):
            break
        kv = re.match(r"([A-Za-z][\w-]*)\s*:\s*(.*)$", line)
        if kv:
            value = kv.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            if value:
                fields[kv.group(1).lower()] = value
        elif line and not line.startswith(("#", "-")) and not m.group(0).startswith((" ", "\t")):
            break
    return {}, 0


# --- internals --------------------------------------------------------------------------------

def _check_paths(paths: Sequence[str | Path]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise CorpusError("no corpus path given")
    roots = [Path(p) for p in paths]
    for p in roots:
        if not p.exists():
            raise CorpusError(f"corpus path {p} does not exist")
    return roots


def _iter_files(roots: list[Path], on_skip: OnSkip | None,
                skip_dirs: frozenset[str]) -> Iterator[tuple[Path, Path]]:
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for p in roots:
        if p.is_dir():
            yield from _walk(p, seen_dirs, seen_files, on_skip, skip_dirs)
        elif _first_visit(p, seen_files):
            yield p, p.parent


def _walk(root: Path, seen_dirs: set[str], seen_files: set[str],
          on_skip: OnSkip | None, skip_dirs: frozenset[str]) -> Iterator[tuple[Path, Path]]:
    """Depth-first, in name order, with a stack of directory listings instead of recursion (so a
    folder nested thousands deep is walked like any other)."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    if _first_visit(root, seen_dirs):
        stack.append(_listing(root, on_skip))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name not in skip_dirs and _first_visit(path, seen_dirs):
                stack.append(_listing(path, on_skip))
        elif not _first_visit(path, seen_files):
            continue
        elif path.suffix.lower() not in SUFFIXES:
            if on_skip is not None:
                on_skip(Skipped(display_path(path), other_format_reason(path)))
        elif path.stem.lower() in DOC_FILE_STEMS:
            if on_skip is not None:
                on_skip(Skipped(display_path(path), DOCUMENTATION_REASON))
        else:
            yield path, root


def _listing(directory: Path, on_skip: OnSkip | None) -> Iterator[os.DirEntry[str]]:
    """The entries of ``directory`` sorted by name (none, reported, if it cannot be listed)."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        if on_skip is not None:
            on_skip(Skipped(display_path(directory), f"cannot list directory: {exc.strerror or exc}"))
        return iter(())
    return iter(entries)


def display_path(path: str | Path) -> str:
    """A path as text that can be printed and stored in JSON: bytes of the file name that are not
    UTF-8 are shown as ``\\xNN`` (the path on disk is unchanged)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _first_visit(path: Path, seen: set[str]) -> bool:
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _documents(files: Iterator[tuple[Path, Path]], max_bytes: int,
               on_skip: OnSkip | None) -> Iterator[Document]:
    return read_documents(assign_ids(files), max_bytes=max_bytes, on_skip=on_skip)


def assign_ids(files: Iterable[tuple[Path, Path]]) -> Iterator[tuple[Path, Path, str]]:
    """Each ``(file, root)`` with its document id, unique across roots: a file whose id another
    root's file took is prefixed with its root's name; if still taken, numbered ("-2"). Every
    file takes its id, readable or not, so ids do not depend on which files can be read (and
    an engine can assign them before its workers read anything)."""
    taken: dict[str, Path] = {}  # id -> root it came from
    for path, root in files:
        doc_id = doc_id_for(path, root)
        if doc_id in taken and taken[doc_id] != root:
            doc_id = doc_id_for(path, root, prefix=root.resolve().name or "root")
        base, n = doc_id, 2
        while doc_id in taken:
            doc_id, n = f"{base}-{n}", n + 1
        taken[doc_id] = root
        yield path, root, doc_id


def read_documents(entries: Iterable[tuple[Path, Path, str]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                   on_skip: OnSkip | None = None, cache: DocumentCache | None = None) -> Iterator[Document]:
    """Read ``(file, root, document id)`` entries (from :func:`assign_ids`); unusable files go to
    ``on_skip``; a ``cache`` keeps each file as read (see :func:`read_document`)."""
    for path, root, doc_id in entries:
        try:
            doc = read_document(path, root, max_bytes=max_bytes, doc_id=doc_id, cache=cache)
        except SkipDocument as exc:
            if on_skip is not None:
                on_skip(Skipped(display_path(path), exc.reason))
            continue
        yield doc


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SkipDocument("not a regular file")
        if info.st_size > max_bytes:
            raise SkipDocument(_too_big(info.st_size, max_bytes))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SkipDocument(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # grew since stat
        raise SkipDocument(_too_big(len(data), max_bytes))
    if not data:
        raise SkipDocument("empty file")
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {_size(size)}, over the {_size(limit)} limit (raise it with --max-bytes)"


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n:,} bytes"
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def _safe_segment(segment: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", segment).encode("ascii", "ignore").decode("ascii").lower()
    safe = re.sub(r"_+", "_", re.sub(r"[^a-z0-9_.-]", "_", ascii_)).strip("_.")
    return safe or "x" + hashlib.sha1(segment.encode("utf-8")).hexdigest()[:8]


#: Words a page puts over its headline to label the section or the field ("News", "Title",
#: "Agenda item"), not a title.
SECTION_LABELS = frozenset({"news", "latest news", "title", "headline", "agenda item", "press release",
                            "press releases", "news release", "statement", "article"})


def _first_line(clean: str) -> str | None:
    """The first line of a text, as its title; a line that only labels the page's section ('Blog',
    'Opinion') over another line is page furniture, and the next line is the title."""
    lines = [" ".join(ln.split()) for ln in clean.splitlines() if ln.strip()]
    if len(lines) > 1 and (lines[0].lower() in GENRE_LABELS or lines[0].lower() in SECTION_LABELS):
        lines = lines[1:]
    if not lines:
        return None
    line = lines[0]
    return line if len(line) <= MAX_TITLE_LEN else line[:MAX_TITLE_LEN].rsplit(" ", 1)[0] + "…"


# characters outside the Latin letters' blocks (letters among them make a text foreign)
_OUTSIDE_LATIN = re.compile("[^\u0000-\u024f\u1e00-\u1eff]")


def foreign_script(text: str, sample: int = 20000) -> str | None:
    """Why ``text`` is not in the Latin alphabet ("most letters are CJK; 2% Latin"), or None.

    Judged on letters, not words, so that scripts written without spaces (Chinese, Japanese,
    Thai) are caught; at least :data:`MIN_LETTERS_FOR_SCRIPT` letters, of which fewer than
    :data:`MIN_LATIN_SHARE` Latin.
    """
    if not any(ch.isalpha() for ch in _OUTSIDE_LATIN.findall(text, 0, sample)):
        return None  # the usual case, found without looking at every letter
    letters = [ch for ch in text[:sample] if ch.isalpha()]
    if len(letters) < MIN_LETTERS_FOR_SCRIPT:
        return None
    latin = sum(1 for ch in letters if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")
    share = latin / len(letters)
    if share >= MIN_LATIN_SHARE:
        return None
    scripts: dict[str, int] = {}
    for ch in letters:
        if not (ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"):
            name = unicodedata.name(ch, "UNKNOWN").split()[0]
            scripts[name] = scripts.get(name, 0) + 1
    main = max(scripts, key=lambda k: scripts[k])
    return f"most letters are {main.title() if main != 'CJK' else main}; {share:.0%} Latin"
