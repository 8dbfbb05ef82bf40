"""The parse cache: one spaCy DocBin file per document, keyed by text hash and model.

An entry stores only the linguistic parse (tokens, tags, dependencies, entities, sentence
starts); argmap's own analysis always re-runs, so a taxonomy or lexicon edit never needs a
re-parse. Entries are validated when read (format, key, and the text itself); anything corrupt
or stale is ignored and replaced.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from argmap.atomic import write_bytes

CACHE_VERSION = "1"
MAGIC = b"ARGMAP-PARSE-CACHE\n"


class ParseCache:
    """A directory of cached parses for one model."""

    def __init__(self, directory: str | Path, model_id: str):
        self.dir = Path(directory)
        self.model_id = model_id
        self.hits = 0
        self.misses = 0
        self.rejected = 0

    def key(self, text: str) -> str:
        h = hashlib.sha256()
        for part in (CACHE_VERSION, self.model_id, text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.spacy"

    def get(self, text: str, vocab):
        """The cached Doc for ``text``, or None (missing, corrupt or stale)."""
        from spacy.tokens import DocBin

        key = self.key(text)
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            if not raw.startswith(MAGIC) or raw[len(MAGIC):len(MAGIC) + 64].decode("ascii") != key:
                raise ValueError("bad header")
            docs = list(DocBin().from_bytes(raw[len(MAGIC) + 64:]).get_docs(vocab))
            if len(docs) != 1 or docs[0].text != text:
                raise ValueError("stale entry")
        except Exception:  # noqa: BLE001 - any failure means: do not trust it, re-parse
            self.rejected += 1
            self.misses += 1
            return None
        self.hits += 1
        return docs[0]

    def put(self, text: str, doc) -> None:
        """Store the parse of ``text`` (atomically; errors writing the cache are not fatal)."""
        from spacy.tokens import DocBin

        key = self.key(text)
        bin_ = DocBin(store_user_data=False)
        bin_.add(doc)
        try:
            write_bytes(self._path(key), MAGIC + key.encode("ascii") + bin_.to_bytes())
        except OSError:
            pass


def model_id(nlp) -> str:
    """Identifies a model and its parse-relevant configuration for cache keys."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}|{','.join(nlp.pipe_names)}"
