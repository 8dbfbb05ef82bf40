"""The build cache: parses (spaCy DocBin) and extraction results (DocResult records) per document.

Four stores live under one cache directory (``signatures/`` keeps the duplicate finder's MinHash
signature of each text, :class:`SignatureCache`; ``documents/`` keeps each file as read, decoded
and cleaned, :class:`DocumentCache`, keyed by the file's bytes, its path and id and argmap's source,
so that a rebuild does not clean every file again):

- ``parse/``: the linguistic parse of a text (tokens, tags, lemmas, morphology, dependencies,
  entities, sentence starts) as a one-Doc :class:`spacy.tokens.DocBin`, keyed by the text and the
  *parse fingerprint* (model package meta, spaCy and thinc versions, and argmap's own pre-parser
  code). A taxonomy or cue edit never touches it.
- ``results/``: the :class:`~argmap.model.DocResult` of a document (a :mod:`argmap.records`
  record), keyed by the whole document (text, path, metadata) and the *analysis fingerprint*
  (parse fingerprint, taxonomy and cue lexicon digests, and the digest of argmap's source).
  A rebuild where nothing changed reads only these and never loads spaCy.

Every entry is one file ``<store>/<key[:2]>/<key>`` holding a header line (magic, the key, the
SHA-256 of the payload) and the payload. Reading checks all three, and the caller checks the
payload itself (a parse must decode to one Doc with exactly the expected text; a record must
parse and name the expected document): a corrupt, truncated, stale or mislabelled entry is
counted as rejected and treated as missing, never trusted. Entries are written atomically;
failing to write the cache is never fatal.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from argmap.atomic import write_bytes
from argmap.model import DocResult, Document

CACHE_VERSION = "2"
MAGIC = b"ARGMAP-CACHE/" + CACHE_VERSION.encode() + b" "
PARSE_DIR = "parse"
RESULT_DIR = "results"
SIGNATURES_DIR = "signatures"
DOCUMENTS_DIR = "documents"
#: argmap modules and data that change a parse (the model is loaded with the titles its tokenizer
#: keeps whole, then a paragraph splitter runs before the parser); any edit to them changes the
#: parse fingerprint.
PARSE_CODE = ("nlp/load.py", "nlp/paragraphs.py", "nlp/pipeline.py", "nlp/attribute_table.py", "nlp/lemma_memo.py",
              "nlp/matmul.py", "cache.py", "data/titles.txt")


@dataclass
class CacheStats:
    """Counts for one store: hits, misses (absent), rejected (present but not trusted), writes."""

    hits: int = 0
    misses: int = 0
    rejected: int = 0
    written: int = 0
    write_errors: int = 0


class EntryStore:
    """A directory of checked cache entries, one file per key."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        self.stats = CacheStats()

    def path(self, key: str) -> Path:
        """Where the entry for ``key`` lives."""
        return self.dir / key[:2] / key

    def read(self, key: str) -> bytes | None:
        """The payload stored under ``key``, or None when absent or when its header does not check."""
        from argmap.errors import InputError
        from argmap.inputs import read_input

        try:
            raw = read_input(self.path(key), "cache entry")
        except OSError:
            self.stats.misses += 1
            return None
        except InputError:  # not a regular file, or absurdly large: not an entry argmap wrote
            self.stats.rejected += 1
            return None
        payload = unpack_entry(raw, key)
        if payload is None:
            self.stats.rejected += 1
        return payload

    def write(self, key: str, payload: bytes) -> None:
        """Store ``payload`` under ``key`` (atomically; an OSError is counted, not raised)."""
        try:
            # no fsync: an entry torn by a power cut fails its checksum and is recomputed
            write_bytes(self.path(key), pack_entry(key, payload), durable=False)
            self.stats.written += 1
        except OSError:
            self.stats.write_errors += 1

    def reject(self) -> None:
        """Count an entry whose payload the caller found invalid (it was counted as read)."""
        self.stats.rejected += 1

    def hit(self) -> None:
        self.stats.hits += 1


def pack_entry(key: str, payload: bytes) -> bytes:
    """An entry file's bytes: header line (magic, key, payload SHA-256), then the payload."""
    digest = hashlib.sha256(payload).hexdigest()
    return MAGIC + key.encode("ascii") + b" " + digest.encode("ascii") + b"\n" + payload


def unpack_entry(raw: bytes, key: str) -> bytes | None:
    """The payload of an entry file if its magic, key and checksum all match, else None."""
    head, sep, payload = raw.partition(b"\n")
    if not sep or not head.startswith(MAGIC):
        return None
    parts = head[len(MAGIC):].split(b" ")
    if len(parts) != 2 or parts[0] != key.encode("ascii"):
        return None
    if hashlib.sha256(payload).hexdigest().encode("ascii") != parts[1]:
        return None
    return payload


# ---------------------------------------------------------------- parses

class ParseCache:
    """Cached parses of texts for one parse fingerprint."""

    def __init__(self, directory: str | Path, fingerprint: str):
        self.store = EntryStore(Path(directory) / PARSE_DIR)
        self.fingerprint = fingerprint

    @property
    def stats(self) -> CacheStats:
        return self.store.stats

    def key(self, text: str) -> str:
        return _hash(CACHE_VERSION, "parse", self.fingerprint, text)

    def get(self, text: str) -> bytes | None:
        """The stored DocBin bytes for ``text`` (header checked; decode with :func:`doc_from_bytes`)."""
        return self.store.read(self.key(text))

    def put(self, text: str, payload: bytes) -> None:
        """Store DocBin bytes (from :func:`doc_to_bytes`) for ``text``."""
        self.store.write(self.key(text), payload)


def doc_to_bytes(doc: Any) -> bytes:
    """The parse of a spaCy Doc as DocBin bytes (argmap's own Doc extensions are not stored).

    The bytes are exactly what ``DocBin(store_user_data=False)`` with the Doc added would write;
    they are made from the Doc's arrays (its strings from the distinct values of each column
    rather than token by token), which is several times faster for the Docs argmap parses: no
    span groups and no categories. Any other Doc goes through DocBin itself."""
    from spacy.tokens import DocBin

    if len(doc.spans) or doc.cats or not len(doc):
        bin_ = DocBin(store_user_data=False)
        bin_.add(doc)
        return bin_.to_bytes()
    return _docbin_bytes(doc)


def _docbin_bytes(doc: Any) -> bytes:
    import zlib

    import numpy
    from spacy.attrs import SPACY
    from srsly.msgpack._packer import Packer

    attrs, string_columns, morph_column = _docbin_layout()
    tokens = doc.to_array(attrs)
    spaces = numpy.asarray(doc.to_array(SPACY).reshape((len(doc), 1)), dtype=bool)
    strings = doc.vocab.strings
    found = {strings[int(value)] for value in numpy.unique(tokens[:, string_columns])}
    # a token without morphology has the analysis "_", which DocBin keeps as its text, ""
    found |= {"" if strings[int(v)] == "_" else strings[int(v)] for v in numpy.unique(tokens[:, morph_column])}
    msg = {
        "version": "0.1",
        "attrs": attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray([len(doc)], dtype="int32").tobytes("C"),
        "strings": sorted(found),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
    }
    # srsly's packer looks up its registered encoders on every call; plain data needs none
    return zlib.compress(Packer(use_bin_type=True).pack(msg))


@lru_cache(maxsize=1)
def _docbin_layout() -> tuple[list[int], list[int], int]:
    """DocBin's attribute columns, which of them hold strings (DocBin keeps their texts), and
    which holds the morphology."""
    from spacy.attrs import IDS
    from spacy.tokens import DocBin

    attrs = DocBin().attrs
    named = {IDS[name] for name in ("ORTH", "TAG", "LEMMA", "NORM", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")}
    return attrs, [i for i, attr in enumerate(attrs) if attr in named], attrs.index(IDS["MORPH"])


def doc_from_bytes(payload: bytes, vocab: Any, text: str) -> Any | None:
    """Decode DocBin bytes into a Doc, or None unless they hold exactly one Doc whose text is ``text``."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(payload).get_docs(vocab))
    except Exception:  # noqa: BLE001 - whatever fails to decode is not trusted
        return None
    if len(docs) != 1 or docs[0].text != text:
        return None
    from argmap.nlp.text import TEXT_KEY

    docs[0].user_data[TEXT_KEY] = text  # checked equal: doc_text need not build it again
    return docs[0]


# ---------------------------------------------------------------- results

class ResultCache:
    """Cached DocResults for one analysis fingerprint."""

    def __init__(self, directory: str | Path, fingerprint: str):
        self.store = EntryStore(Path(directory) / RESULT_DIR)
        self.fingerprint = fingerprint

    @property
    def stats(self) -> CacheStats:
        return self.store.stats

    def key(self, document: Document) -> str:
        return _hash(CACHE_VERSION, "result", self.fingerprint, document_digest(document))

    def get(self, document: Document) -> tuple[DocResult, int] | None:
        """``(DocResult, tokens)`` cached for ``document``, or None (absent, damaged, not this document's)."""
        from argmap.records import RecordError, loads_record

        payload = self.store.read(self.key(document))
        if payload is None:
            return None
        try:
            result, provenance = loads_record(payload)
        except RecordError:
            self.store.reject()
            return None
        tokens = provenance.get("tokens")
        if (result.doc.get("id") != document.id or result.doc.get("sha256") != document.sha256
                or not isinstance(tokens, int)):
            self.store.reject()
            return None
        self.store.hit()
        return result, tokens

    def put(self, document: Document, result: DocResult, *, tokens: int) -> None:
        """Store the DocResult of ``document`` (and its token count, for build statistics)."""
        from argmap.records import dumps_result

        self.store.write(self.key(document), dumps_result(result, provenance={"tokens": tokens}).encode("utf-8"))


# ---------------------------------------------------------------- duplicate signatures

class SignatureCache:
    """MinHash signatures of texts (:mod:`argmap.duplicates`), keyed by the text's identity and
    the duplicate finder's code: a rebuild finds repeats without computing them again."""

    def __init__(self, directory: str | Path):
        self.store = EntryStore(Path(directory) / SIGNATURES_DIR)
        self.fingerprint = source_digest(("duplicates.py",))

    def key(self, text_key: str) -> str:
        return _hash(CACHE_VERSION, "signature", self.fingerprint, text_key)

    def get(self, text_key: str) -> tuple[int, bytes] | None:
        """``(number of shingles, MinHash bytes)`` for a text key, or None."""
        from argmap.duplicates import PERMUTATIONS

        payload = self.store.read(self.key(text_key))
        if payload is None:
            return None
        if len(payload) != 8 + 8 * PERMUTATIONS:
            self.store.reject()
            return None
        self.store.hit()
        return int.from_bytes(payload[:8], "little"), payload[8:]

    def put(self, text_key: str, size: int, minhash: bytes) -> None:
        self.store.write(self.key(text_key), size.to_bytes(8, "little") + minhash)


# ---------------------------------------------------------------- documents as read

class DocumentCache:
    """Documents as :func:`argmap.corpus.read_document` made them from a file's bytes (decoded,
    front matter and byline read, page furniture cleaned), keyed by those bytes, the file's path,
    root and id, and argmap's source: reading is a pure function of these (a file over the size
    limit is skipped before any look-up)."""

    def __init__(self, directory: str | Path):
        self.store = EntryStore(Path(directory) / DOCUMENTS_DIR)
        self.fingerprint = source_digest()

    @property
    def stats(self) -> CacheStats:
        return self.store.stats

    def key(self, where: tuple[str, ...], data_sha256: str) -> str:
        return _hash(CACHE_VERSION, "document", self.fingerprint, *where, data_sha256)

    def get(self, where: tuple[str, ...], data_sha256: str) -> Document | None:
        """The Document read before from the same bytes at the same place, or None."""
        import zlib

        payload = self.store.read(self.key(where, data_sha256))
        if payload is None:
            return None
        try:
            fields = json.loads(zlib.decompress(payload))
            document = Document(**{**fields, "offset_map": tuple(tuple(pair) for pair in fields["offset_map"]),
                                   "notes": tuple(fields["notes"]), "date_problems": tuple(fields["date_problems"])})
        except (ValueError, TypeError, KeyError, zlib.error):
            self.store.reject()
            return None
        if document.sha256 != data_sha256:
            self.store.reject()
            return None
        self.store.hit()
        return document

    def put(self, where: tuple[str, ...], document: Document) -> None:
        import zlib

        data = json.dumps(asdict(document), ensure_ascii=True).encode("ascii")  # lone surrogates survive
        self.store.write(self.key(where, document.sha256), zlib.compress(data))


def document_digest(document: Document) -> str:
    """A digest of everything in a Document that extraction reads (text, offsets, metadata)."""
    data = asdict(document)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8",
                                                                                      "surrogatepass")).hexdigest()


# ---------------------------------------------------------------- fingerprints

def model_meta(model: str | None = None) -> dict[str, Any]:
    """The meta.json of the spaCy model that ``model`` resolves to (without importing spaCy)."""
    import os

    from argmap.errors import ModelNotFoundError
    from argmap.modelname import check_model_name
    from argmap.nlp.load import ENV_VAR, resolve_model_name

    check_model_name(model or os.environ.get(ENV_VAR) or None)
    name = resolve_model_name(model)
    if Path(name).is_dir():
        meta_path = Path(name) / "meta.json"
    else:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModelNotFoundError(f"spaCy model {name!r} is not installed")
        meta_path = Path(spec.origin).parent / "meta.json"
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"name": name, "unreadable_meta": str(meta_path)}


def model_label(meta: dict[str, Any]) -> str:
    """The model name recorded in graphs: ``<lang>_<name>-<version>``."""
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


def parse_fingerprint(meta: dict[str, Any]) -> str:
    """What a parse depends on: the model's meta, spaCy/thinc versions and argmap's pre-parser code."""
    versions = [_version(p) for p in ("spacy", "thinc")]
    return _hash("parse-fp", json.dumps(meta, sort_keys=True), *versions, source_digest(PARSE_CODE))


def analysis_fingerprint(parse_fp: str, taxonomy_digest: str, cues: str | Path | None) -> str:
    """What a DocResult depends on beyond its document: the parse, taxonomy, cue lexicon and code."""
    from argmap.errors import TaxonomyError
    from argmap.inputs import read_input

    try:
        cues_digest = hashlib.sha256(read_input(cues, "cues", error=TaxonomyError)).hexdigest() if cues else "shipped"
    except OSError as exc:
        raise TaxonomyError(f"cannot read cue lexicon {cues}: {exc.strerror or exc}") from None
    return _hash("analysis-fp", parse_fp, taxonomy_digest, cues_digest, source_digest())


def source_digest(files: tuple[str, ...] | None = None) -> str:
    """SHA-256 over argmap's own source and data files (all of them, or the given relative paths)."""
    root = Path(__file__).resolve().parent
    if files is None:
        paths = sorted(p for p in root.rglob("*") if p.suffix in {".py", ".toml"} and p.is_file()
                       and "__pycache__" not in p.parts)
    else:
        paths = [root / f for f in files]
    h = hashlib.sha256()
    for p in paths:
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")
        h.update(b"\0")
    return h.hexdigest()


def _version(dist: str) -> str:
    """A package's version: from its ``about.py`` when it has one (spaCy and thinc do; reading
    it is much faster than a scan of the installed distributions), else from its metadata."""
    spec = importlib.util.find_spec(dist)
    if spec is not None and spec.origin:
        try:
            about = (Path(spec.origin).parent / "about.py").read_text(encoding="utf-8")
        except OSError:
            about = ""
        m = re.search(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", about, flags=re.MULTILINE)
        if m:
            return m.group(1)
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "none"


def _hash(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()
