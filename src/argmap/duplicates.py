"""Duplicate articles in a corpus: the same text saved twice, or republished with other furniture.

A corpus gathered from the web often holds one article twice: saved under two file names, or
published by two outlets with their own headers, footers and "related stories". Read twice, its
claims count twice. :func:`drop_duplicates` filters a stream of Documents (in corpus order) and
keeps the first of each:

- **identical**: the cleaned texts are the same once runs of whitespace are collapsed (so an
  HTML page and a .txt copy of the same article match). The later file is never read into the
  graph.
- **near-duplicate**: the two texts share most of their word 5-grams ("shingles"): at least
  :data:`NEAR_SMALLER` of the shorter text's and at least :data:`NEAR_LARGER` of the longer
  one's. Two articles on the same story written separately share few 5-grams (below 0.1 in the
  test corpora); the same article with other page furniture shares nearly all of them; a short
  item quoted whole inside a long piece is not a duplicate (the long piece adds its own text).
  The later file is dropped unless ``keep_near=True`` (the CLI's ``--keep-near-duplicates``),
  and reported either way.

Shared shingles are estimated with MinHash (:data:`PERMUTATIONS` hash functions, a standard
error of about 0.04), and candidate pairs found by banding the signatures, so each document is
compared with the few earlier ones that look alike, not with all of them. Hashes are CRC-32
based and fixed, so the result does not depend on the process or the order of anything but the
corpus.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from argmap.model import Document

if TYPE_CHECKING:  # pragma: no cover - numpy is imported when a signature is first computed
    import numpy as np

SHINGLE_WORDS = 5  #: words per shingle
NEAR_SMALLER = 0.8  #: share of the shorter text's shingles found in the longer one
NEAR_LARGER = 0.6  #: share of the longer text's shingles found in the shorter one
MIN_SHINGLES = 20  #: texts with fewer shingles are compared only for identity
PERMUTATIONS = 128  #: MinHash functions
BANDS = 64  #: LSH bands (PERMUTATIONS / BANDS rows each)

_PRIME = (1 << 31) - 1
_WORD = re.compile(r"\w+")
_HASHES: tuple[Any, Any] | None = None


def _hash_functions() -> tuple[Any, Any]:
    """The MinHash functions' coefficients (numpy arrays), made on first use: a rebuild whose
    signatures all come from the cache never imports numpy."""
    global _HASHES
    if _HASHES is None:
        import numpy as np

        rng = np.random.default_rng(20240617)  # fixed: the same hash functions in every process
        a = rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
        b = rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
        _HASHES = (a, b)
    return _HASHES


@dataclass(frozen=True)
class Duplicate:
    """A document that repeats an earlier one: ``of`` is the earlier file's path.

    ``kind`` is ``identical`` or ``near``; ``shared`` the estimated share of the shorter text's
    5-grams found in the other (1.0 when identical); ``kept`` whether it was read all the same.
    """

    path: str
    of: str
    kind: str
    shared: float
    kept: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "of": self.of, "kind": self.kind, "shared": round(self.shared, 2),
                "kept": self.kept}

    def describe(self) -> str:
        """One line for the build summary."""
        return describe_duplicate(self.to_dict())


def describe_duplicate(d: dict[str, object]) -> str:
    """One line for an entry of a graph's ``duplicates`` list (see :meth:`Duplicate.to_dict`)."""
    if d["kind"] == "identical":
        return f"same text as {d['of']} (read once)"
    shared = float(d["shared"])  # type: ignore[arg-type]
    what = f"near-duplicate of {d['of']} ({shared:.0%} of the shorter text shared; "
    return what + ("both read, --keep-near-duplicates)" if d.get("kept")
                   else "read once; --keep-near-duplicates reads both)")


@dataclass(frozen=True)
class Signature:
    """What is kept of a document to compare it with later ones: its number of distinct
    shingles and its MinHash values (``PERMUTATIONS`` unsigned 64-bit integers, as bytes)."""

    path: str
    size: int  # number of distinct shingles
    minhash: bytes


class SignatureStore(Protocol):
    """Where signatures already computed are kept, by text key (:class:`argmap.cache.SignatureCache`)."""

    def get(self, key: str) -> tuple[int, bytes] | None: ...

    def put(self, key: str, size: int, minhash: bytes) -> None: ...


def text_key(clean: str) -> str:
    """The identity of a cleaned text: its SHA-256 once whitespace runs are collapsed."""
    return hashlib.sha256(" ".join(clean.split()).encode("utf-8")).hexdigest()


def shingles(text: str, words: int = SHINGLE_WORDS) -> np.ndarray:
    """The distinct hashes of the text's ``words``-word windows (lower-cased words)."""
    import numpy as np

    tokens = _WORD.findall(text.casefold())
    if len(tokens) < words:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    h = np.zeros(len(tokens) - words + 1, dtype=np.uint64)
    for i in range(words):  # polynomial combination of the window's word hashes, mod 2^31 - 1
        h = (h * np.uint64(1_000_003) + ids[i:len(ids) - words + 1 + i]) % np.uint64(_PRIME)
    return np.unique(h)


def signature(path: str, text: str) -> Signature:
    """The MinHash signature of a text's shingles."""
    import numpy as np

    sh = shingles(text)
    if len(sh) == 0:
        return Signature(path, 0, bytes(8 * PERMUTATIONS))
    a, b = _hash_functions()
    table = (a[:, None] * sh[None, :] + b[:, None]) % np.uint64(_PRIME)
    return Signature(path, len(sh), table.min(axis=1).astype(np.uint64).tobytes())


def overlap(a: Signature, b: Signature) -> tuple[float, float]:
    """Estimated shares of (the smaller, the larger) signature's shingles that the two share."""
    if not a.size or not b.size:
        return 0.0, 0.0
    same = sum(1 for x, y in zip(memoryview(a.minhash).cast("Q"), memoryview(b.minhash).cast("Q"), strict=True)
               if x == y)
    jaccard = same / PERMUTATIONS
    common = jaccard * (a.size + b.size) / (1 + jaccard)
    small, large = sorted((a.size, b.size))
    return min(1.0, common / small), min(1.0, common / large)


def is_near_duplicate(a: Signature, b: Signature) -> tuple[bool, float]:
    """Whether two texts are one article with other furniture, and the shorter one's shared share."""
    if min(a.size, b.size) < MIN_SHINGLES:
        return False, 0.0
    of_smaller, of_larger = overlap(a, b)
    return of_smaller >= NEAR_SMALLER and of_larger >= NEAR_LARGER, of_smaller


class DuplicateFinder:
    """Remembers the documents seen so far and says which earlier one a new document repeats."""

    def __init__(self, signatures: SignatureStore | None = None) -> None:
        self._texts: dict[str, str] = {}  # text key -> first path
        self._signatures: list[Signature] = []
        self._bands: dict[tuple[int, bytes], list[int]] = defaultdict(list)
        self._store = signatures

    def check(self, document: Document) -> Duplicate | None:
        """The earlier document this one repeats, or None (then it is remembered)."""
        key = text_key(document.clean)
        first = self._texts.get(key)
        if first is not None:
            return Duplicate(document.path, first, "identical", 1.0)
        return self.check_fingerprint(document.path, key, self._signature(document.path, key, document.clean))

    def _signature(self, path: str, key: str, text: str) -> Signature:
        stored = self._store.get(key) if self._store is not None else None
        if stored is not None:
            return Signature(path, stored[0], stored[1])
        sig = signature(path, text)
        if self._store is not None:
            self._store.put(key, sig.size, sig.minhash)
        return sig

    def check_fingerprint(self, path: str, key: str, sig: Signature) -> Duplicate | None:
        """:meth:`check` for a document read elsewhere: its path, :func:`text_key` and
        :func:`signature` (what an engine's workers send back to the driver)."""
        first = self._texts.get(key)
        if first is not None:
            return Duplicate(path, first, "identical", 1.0)
        self._texts[key] = path
        if sig.size < MIN_SHINGLES:
            return None
        bands = self._band_keys(sig)
        found = self._near(sig, bands)
        self._signatures.append(sig)
        for band in bands:
            self._bands[band].append(len(self._signatures) - 1)
        return found

    def _near(self, sig: Signature, bands: list[tuple[int, bytes]]) -> Duplicate | None:
        candidates = sorted({i for band in bands for i in self._bands.get(band, ())})
        for i in candidates:  # earliest first
            near, shared = is_near_duplicate(self._signatures[i], sig)
            if near:
                return Duplicate(sig.path, self._signatures[i].path, "near", shared)
        return None

    @staticmethod
    def _band_keys(sig: Signature) -> list[tuple[int, bytes]]:
        width = 8 * (PERMUTATIONS // BANDS)  # bytes per band
        return [(b, sig.minhash[b * width:(b + 1) * width]) for b in range(BANDS)]


def drop_duplicates(documents: Iterable[Document], *, keep_near: bool = False,
                    on_duplicate: Callable[[Duplicate], None] | None = None,
                    signatures: SignatureStore | None = None) -> Iterator[Document]:
    """The documents without repeats (the first of each is kept); each repeat goes to ``on_duplicate``.

    With ``keep_near`` a near-duplicate is still reported but also kept. Identical texts are
    always read once. ``signatures`` keeps the signatures computed, for the next build.
    """
    finder = DuplicateFinder(signatures)
    for document in documents:
        dup = finder.check(document)
        if dup is None:
            yield document
            continue
        if dup.kind == "near" and keep_near:
            dup = Duplicate(dup.path, dup.of, dup.kind, dup.shared, kept=True)
            if on_duplicate is not None:
                on_duplicate(dup)
            yield document
            continue
        if on_duplicate is not None:
            on_duplicate(dup)
