"""Find and read the articles a graph was built from, so the explorer can show each claim's paragraph.

The graph keeps each document's path (as given to ``argmap build``) and the SHA-256 of its bytes,
not its text. :func:`document_texts` reads a document from its recorded path when the file is
still there with the same bytes; otherwise it looks for a file with those bytes under the folders
it is given (a corpus that moved). Files are read by :func:`argmap.corpus.read_document`, the
corpus reader, so the text is the one every stored offset points into. A document that cannot be
found, or whose file has changed since the build, gets a reason instead of a text.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from argmap.corpus import DEFAULT_MAX_BYTES, SkipDocument, iter_corpus_files, read_document
from argmap.errors import CorpusError


def document_texts(documents: Mapping[str, Mapping[str, Any]], *, bases: Iterable[str | Path] = (),
                   search: Iterable[str | Path] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """``(texts, missing)`` for document nodes ``{node id: attributes}`` (``path``, ``sha256``).

    A relative recorded path is tried as given, then under each of ``bases``; then files under
    the ``search`` folders are matched by their bytes' SHA-256. ``texts`` maps node id to the
    document's text; ``missing`` maps node id to a one-line reason.
    """
    texts: dict[str, str] = {}
    missing: dict[str, str] = {}
    bases = [Path(b) for b in bases]
    by_digest: dict[str, Path] | None = None
    for node, d in documents.items():
        recorded = str(d.get("path") or "")
        digest = str(d.get("sha256") or "")
        reason = "no file recorded" if not recorded else f"{recorded} not found"
        tried: list[Path] = []
        if recorded:
            p = Path(recorded)
            tried = [p] + ([b / p for b in bases] if not p.is_absolute() else [])
        for path in tried:
            text, why = _read(path, digest)
            if text is not None:
                texts[node] = text
                break
            if why:
                reason = why
        else:
            if digest:
                if by_digest is None:
                    by_digest = _digests(search)
                path = by_digest.get(digest)
                text, why = _read(path, digest) if path else (None, None)
                if text is not None:
                    texts[node] = text
                    continue
            missing[node] = reason
    return texts, missing


def _read(path: Path, digest: str) -> tuple[str | None, str | None]:
    """(text, None), or (None, reason) when the file exists but cannot be used, or (None, None)."""
    try:
        if not path.is_file():
            return None, None
    except OSError:
        return None, None
    try:
        doc = read_document(path)
    except SkipDocument as exc:
        return None, f"{path}: {exc.reason}"
    if digest and doc.sha256 != digest:
        return None, f"{path} has changed since the graph was built"
    return doc.text, None


def _digests(folders: Iterable[str | Path]) -> dict[str, Path]:
    """SHA-256 of every article file under ``folders`` -> its path (first one wins)."""
    out: dict[str, Path] = {}
    for folder in folders:
        try:
            files = list(iter_corpus_files([folder]))
        except CorpusError:
            continue
        for path, _ in files:
            try:
                info = path.stat()
                if not stat.S_ISREG(info.st_mode) or info.st_size > DEFAULT_MAX_BYTES:
                    continue  # a FIFO would block the read, a device would never end it
                out.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
            except OSError:
                continue
    return out
