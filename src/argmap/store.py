"""The query store: the graph in SQLite beside its JSON, so a question reads only what it needs.

``argmap build`` and ``argmap merge`` write ``<graph>.sqlite`` next to ``<graph>.json`` (atomically,
like every output). The node-link JSON stays the exchange format; the store is derived from it
and records which JSON it was made from (size, modification time and SHA-256), so a store that
does not match its JSON is never used. :func:`open_index` is what the query commands call: the
store when it matches, else the JSON (and the store is written then, for the next question).

Tables (format :data:`STORE_VERSION`; every node and edge attribute is kept, as JSON, so new
attributes need no schema change)::

    meta(key, value)                        format, version, the graph's attributes, its source file
    nodes(id, node, kind, label, data)      every node; data = its attributes as JSON
    edges(src, dst, kind, data)             every edge (src/dst = nodes.id), in file order
    claims(id, node, doc, document, start, speaker, stance, targets, themes)
                                            per claim what queries filter and sort on
    claims_on(proposal, claim, stance)      claims about each proposal, with their stance toward it
    raised(theme, claim)                    claims raising each theme
    listings(name, rows)                    the whole-graph listings (contested, actors, proposals,
                                            themes), computed by :mod:`argmap.queries` when written
    claim_text                              FTS5 over claim texts and target phrases (Porter stems)

Query results from a :class:`StoreIndex` are those of the in-memory
:class:`~argmap.queries.GraphIndex` of the same JSON: the store's rows are written from that
index, in its order. Nothing here imports networkx or spaCy.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from argmap.atomic import atomic_path
from argmap.errors import ArgmapError, GraphFileError
from argmap.queries import GraphIndex, listing_builders

STORE_FORMAT = "argmap-store"
STORE_VERSION = 1
STORE_SUFFIX = ".sqlite"
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
NO_STORE_ENV = "ARGMAP_NO_STORE"  # set to 1 to make queries read the JSON (and write no store)
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (id INTEGER PRIMARY KEY, node TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
                    data TEXT NOT NULL);
CREATE TABLE edges (src INTEGER NOT NULL, dst INTEGER NOT NULL, kind TEXT NOT NULL, data TEXT);
CREATE TABLE claims (id INTEGER PRIMARY KEY, node TEXT NOT NULL, doc TEXT NOT NULL, document TEXT,
                     start INTEGER, speaker TEXT, stance TEXT NOT NULL, ord INTEGER NOT NULL,
                     targets TEXT NOT NULL, themes TEXT NOT NULL);
CREATE TABLE claims_on (proposal TEXT NOT NULL, stance TEXT NOT NULL, ord INTEGER NOT NULL,
                        node TEXT NOT NULL, speaker TEXT, PRIMARY KEY (proposal, stance, ord)) WITHOUT ROWID;
CREATE TABLE raised (theme TEXT NOT NULL, stance TEXT NOT NULL, ord INTEGER NOT NULL,
                     node TEXT NOT NULL, speaker TEXT, PRIMARY KEY (theme, stance, ord)) WITHOUT ROWID;
CREATE TABLE asserted (actor TEXT NOT NULL, ord INTEGER NOT NULL, node TEXT NOT NULL, targets TEXT NOT NULL,
                       PRIMARY KEY (actor, ord)) WITHOUT ROWID;
CREATE TABLE affiliations (person TEXT NOT NULL, org TEXT NOT NULL);
CREATE TABLE listings (name TEXT PRIMARY KEY, rows TEXT NOT NULL);
CREATE VIRTUAL TABLE claim_text USING fts5(text, targets, content='', tokenize='{FTS_TOKENIZER}');
"""
_INDEXES = """
CREATE UNIQUE INDEX nodes_by_node ON nodes(node);
CREATE INDEX nodes_by_kind ON nodes(kind);
CREATE INDEX edges_by_src ON edges(src, kind);
CREATE INDEX edges_by_dst ON edges(dst, kind);
CREATE UNIQUE INDEX claims_by_node ON claims(node);
CREATE UNIQUE INDEX claims_by_ord ON claims(ord);
"""


class StoreError(ArgmapError):
    """A store file is missing, damaged, from another argmap, or does not match its graph JSON."""


def store_path(graph_path: str | Path) -> Path:
    """Where the store of a graph file lives: ``graphs/argmap.json`` -> ``graphs/argmap.sqlite``."""
    p = Path(graph_path)
    if p.suffix.lower() == ".json":
        return p.with_suffix(STORE_SUFFIX)
    return p.with_name(p.name + STORE_SUFFIX)


def is_store_file(path: str | Path) -> bool:
    """Whether ``path`` is an SQLite file (a store given to ``-g`` directly)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


# ---------------------------------------------------------------- writing

def source_info(graph_path: str | Path, sha256: str | None = None) -> dict[str, Any]:
    """What identifies a graph file: name, size, modification time and SHA-256."""
    p = Path(graph_path)
    st = p.stat()
    return {"name": p.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sha256": sha256 or file_sha256(p)}


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_store(data: dict[str, Any], path: str | Path, *, source: dict[str, Any] | None = None,
                index: GraphIndex | None = None) -> Path:
    """Write the store of node-link ``data`` (a checked graph) to ``path``, atomically.

    ``source`` (from :func:`source_info`) ties the store to the JSON file it was made from;
    ``index`` reuses an index already built from ``data``. Returns ``path``.
    """
    ix = index if index is not None else GraphIndex.from_data(data)
    path = Path(path)
    with atomic_path(path) as tmp:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
                              "PRAGMA page_size=8192;")
            con.execute("BEGIN")
            for statement in (_SCHEMA + _INDEXES).split(";"):
                if statement.strip():
                    con.execute(statement)
            _fill(con, data, ix, source)
            con.execute("COMMIT")
            con.execute("PRAGMA optimize")
        finally:
            con.close()
    return path


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _fill(con: sqlite3.Connection, data: dict[str, Any], ix: GraphIndex, source: dict[str, Any] | None) -> None:
    meta = {"format": STORE_FORMAT, "version": STORE_VERSION, "graph": data.get("graph", {}),
            "source": source or {}, "tokenizer": FTS_TOKENIZER, "affiliation": ix.affiliation}
    con.executemany("INSERT INTO meta VALUES (?, ?)", ((k, _dumps(v)) for k, v in meta.items()))
    rowid: dict[str, int] = {}
    rows = []
    for i, item in enumerate(data["nodes"], start=1):
        n = item["id"]
        rowid[n] = i
        rows.append((i, n, ix.kind(n), ix.label(n), _dumps(item)))
    con.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?)", rows)
    del rows
    plain = {"kind", "key", "source", "target"}

    def edge_rows() -> Iterator[tuple[int, int, str, str | None]]:
        for e in data["edges"]:
            extra = {k: v for k, v in e.items() if k not in plain}
            yield (rowid[e["source"]], rowid[e["target"]], str(e.get("kind") or e.get("key")),
                   _dumps(extra) if extra else None)

    con.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)", edge_rows())

    claims = ix.by_kind.get("claim", [])
    order = {c: i for i, c in enumerate(sorted(claims, key=ix.claim_sort_key()))}

    def claim_rows() -> Iterator[tuple[Any, ...]]:
        for c in claims:
            start = ix.start(c)
            yield (rowid[c], c, ix.doc_id(c), ix.document.get(c), start if isinstance(start, int) else None,
                   ix.speaker.get(c), ix.stance(c), order[c], _dumps(ix.targets.get(c, [])),
                   _dumps(ix.themes.get(c, [])))

    con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claim_rows())
    con.executemany("INSERT INTO claims_on VALUES (?, ?, ?, ?, ?)",
                    ((p, st, order[c], c, ix.speaker.get(c)) for p, pairs in ix.claims_on.items()
                     for c, st in pairs if c in order))
    con.executemany("INSERT INTO raised VALUES (?, ?, ?, ?, ?)",
                    ((t, ix.stance(c), order[c], c, ix.speaker.get(c)) for t, cs in ix.claims_raising.items()
                     for c in cs if c in order))
    con.executemany("INSERT INTO affiliations VALUES (?, ?)",
                    ((p, o) for o, people in ix.members.items() for p in people))
    con.executemany("INSERT INTO asserted VALUES (?, ?, ?, ?)",
                    ((a, order[c], c, _dumps(ix.targets.get(c, []))) for a, cs in ix.claims_of.items()
                     for c in cs if c in order))
    con.executemany("INSERT INTO claim_text(rowid, text, targets) VALUES (?, ?, ?)",
                    ((rowid[c], claim_search_text(ix.nodes[c]), target_phrases(ix.nodes[c]))
                     for c in ix.by_kind.get("claim", [])))
    con.executemany("INSERT INTO listings VALUES (?, ?)",
                    ((name, _dumps(build(ix))) for name, build in listing_builders().items()))


def claim_search_text(attrs: dict[str, Any]) -> str:
    """The text of a claim as the full-text index sees it."""
    return str(attrs.get("text") or attrs.get("label") or "")


def target_phrases(attrs: dict[str, Any]) -> str:
    """The phrases a claim's targets were found by (``named: family help`` -> ``family help``),
    one per line; context cues (a sentence nearby) are not phrases and are left out."""
    out = []
    for cue in attrs.get("target_cues") or ():
        if isinstance(cue, str):
            kind, sep, phrase = cue.partition(": ")
            if sep and kind != "context" and phrase.strip():
                out.append(phrase.strip())
    return "\n".join(out)


# ---------------------------------------------------------------- reading

class _Lazy:
    """A read-only mapping filled on demand: ``load(key)`` for a miss (``_MISSING`` if absent).

    Supports what the query functions use on GraphIndex's dicts: ``get``, ``[]`` and ``in``.
    """

    __slots__ = ("_cache", "_load")

    def __init__(self, load: Callable[[Any], Any]) -> None:
        self._cache: dict[Any, Any] = {}
        self._load = load

    def _fetch(self, key: Any) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = self._load(key)
            return value

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._fetch(key)
        return default if value is _MISSING else value

    def __getitem__(self, key: Any) -> Any:
        value = self._fetch(key)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: Any) -> bool:
        return self._fetch(key) is not _MISSING

    def prime(self, key: Any, value: Any) -> None:
        self._cache[key] = value


_MISSING = object()
_scan = json.JSONDecoder().scan_once  # the C scanner: (text, index) -> (value, end); for many small values


_UNKNOWN = object()


class _Facts:
    """One fact about claims (speaker, document, targets ...), as the query functions read
    GraphIndex's dicts: ``get``, ``[]`` and ``in``. Values are loaded in bulk into ``values``
    (None: the claim has none); a claim not loaded yet is read on demand. Targets and themes are
    kept as their JSON text until first read."""

    __slots__ = ("_load", "_load_all", "_order", "_parse", "values")

    def __init__(self, load: Callable[[list[str]], None], parse: Callable[[str], Any] | None = None, *,
                 load_all: Callable[[], None] | None = None,
                 order: Callable[[tuple[str, Any]], Any] | None = None) -> None:
        self.values: dict[str, Any] = {}
        self._load = load
        self._parse = parse
        self._load_all = load_all
        self._order = order

    def items(self) -> list[tuple[str, Any]]:
        """Every claim that has this fact, with it (the whole table is read once): for code that
        scans the graph, such as the discourse networks. In key order, or ``order``'s."""
        if self._load_all is not None:
            self._load_all()
        pairs = [(k, self._value(k)) for k in list(self.values)]
        pairs = [(k, v) for k, v in pairs if v is not None]
        return sorted(pairs, key=self._order) if self._order is not None else sorted(pairs)

    def keys(self) -> list[str]:
        return [k for k, _ in self.items()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.items())

    def _value(self, key: str) -> Any:
        values = self.values
        v = values.get(key, _UNKNOWN)
        if v is _UNKNOWN:
            self._load([key])
            v = values.get(key, _UNKNOWN)
            if v is _UNKNOWN:  # not a claim
                v = values[key] = None
        if self._parse is not None and type(v) is str:
            v = values[key] = self._parse(v)
        return v

    def get(self, key: str, default: Any = None) -> Any:
        v = self.values.get(key, _UNKNOWN)  # the common case, a loaded plain value, without a call
        if v is _UNKNOWN or (self._parse is not None and type(v) is str):
            v = self._value(key)
        return default if v is None else v

    def __getitem__(self, key: str) -> Any:
        v = self._value(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._value(key) is not None


def _parse_pairs(text: str) -> list[tuple[str, str]] | None:
    return [tuple(x) for x in _scan(text, 0)[0]] or None  # type: ignore[misc]


def _parse_list(text: str) -> list[str] | None:
    return _scan(text, 0)[0] or None


# the columns of a claim's facts, as loaded by _FACT_SQL (after the node id)
_FACT_COLUMNS = "c.node, c.doc, c.document, c.start, c.speaker, c.stance, c.ord, c.targets, c.themes"


#: The table of a node kind's claim links, and its column naming the node.
_LINKS = {"proposal": ("claims_on", "proposal"), "theme": ("raised", "theme")}


class StoreIndex(GraphIndex):
    """A :class:`~argmap.queries.GraphIndex` that reads an argmap store on demand.

    Its lookups (``nodes``, ``speaker``, ``claims_on`` ...) are mappings backed by SQL and filled
    as questions need them: the claims of a proposal, theme or actor come from tables kept in
    reading order with their stance and speaker, so a question touches only the rows it needs;
    the whole-graph listings come from the ``listings`` table. Lists of claims may come in
    another order than from the in-memory index: the queries never depend on that order.
    """

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path
        self._kinds: dict[str, tuple[str, str]] = {}
        self.nodes = _Lazy(self._load_node)  # type: ignore[assignment]
        self.by_kind = _Lazy(self._load_kind)  # type: ignore[assignment]
        load, every = self._load_facts, self._load_all_facts
        # speaker: in the order of the asserts edges, as GraphIndex builds it (actor, then claim)
        self.speaker = _Facts(load, load_all=every, order=lambda kv: (kv[1], kv[0]))  # type: ignore[assignment]
        self.document = _Facts(load, load_all=every)  # type: ignore[assignment]
        self.targets = _Facts(load, _parse_pairs, load_all=every)  # type: ignore[assignment]
        self.themes = _Facts(load, _parse_list, load_all=every)  # type: ignore[assignment]
        self._doc, self._start, self._stance, self._ord = _Facts(load), _Facts(load), _Facts(load), _Facts(load)
        self._all_loaded = False
        # in the order of _FACT_COLUMNS after the node id
        self._columns = (self._doc, self.document, self._start, self.speaker, self._stance, self._ord,
                         self.targets, self.themes)
        self._full: set[str] = set()  # claims whose every fact is loaded
        self.claims_on = _Lazy(self._load_claims_on)  # type: ignore[assignment]
        self.claims_raising = _Lazy(lambda t: self._group_claims("raised", "theme", t, None) or _MISSING)  # type: ignore[assignment]
        self.claims_of = _Lazy(self._load_claims_of)  # type: ignore[assignment]
        self._affiliations: tuple[dict[str, str], dict[str, list[str]]] | None = None

    # -- opening

    @classmethod
    def open(cls, path: str | Path) -> StoreIndex:
        """Open a store read-only; StoreError if it is not one this argmap reads."""
        p = Path(path)
        if not p.is_file():
            raise StoreError(f"store {p} not found")
        try:
            con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            found = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('format', 'version')").fetchall())
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"store {p} is not an argmap store ({exc})") from None
        if found.get("format") != json.dumps(STORE_FORMAT):
            con.close()
            raise StoreError(f"store {p} is not an argmap store")
        version = json.loads(found.get("version", "null"))
        if not isinstance(version, int) or version != STORE_VERSION:
            con.close()
            raise StoreError(f"store {p} has format version {version!r}; this argmap reads {STORE_VERSION}")
        return cls(con, p)

    def meta_value(self, key: str) -> Any:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    @property
    def meta(self) -> dict[str, Any]:  # type: ignore[override]
        """The graph's attributes (read on first use)."""
        cached = self.__dict__.get("_meta")
        if cached is None:
            cached = self.__dict__["_meta"] = dict(self.meta_value("graph") or {})
        return cached

    @meta.setter
    def meta(self, value: dict[str, Any]) -> None:
        self.__dict__["_meta"] = dict(value)

    def matches(self, graph_path: str | Path) -> bool:
        """Whether this store was made from the graph file as it is now (same size and time,
        or else the same SHA-256)."""
        src = self.meta_value("source") or {}
        try:
            st = Path(graph_path).stat()
        except OSError:
            return False
        if src.get("size") != st.st_size:
            return False
        if src.get("mtime_ns") == st.st_mtime_ns:
            return True
        try:
            return src.get("sha256") == file_sha256(graph_path)
        except OSError:
            return False

    def close(self) -> None:
        self.con.close()

    # -- GraphIndex interface

    def kind(self, node: str) -> str:
        return self._kind_label(node)[0]

    def label(self, node: str) -> str:
        return self._kind_label(node)[1]

    def stance(self, claim: str) -> str:
        st = self._stance.get(claim)
        return super().stance(claim) if st is None else st

    def doc_id(self, claim: str) -> str:
        doc = self._doc.get(claim)
        return super().doc_id(claim) if doc is None else doc

    def start(self, claim: str) -> Any:
        if claim in self._ord:
            return self._start.get(claim)
        return super().start(claim)

    def claim_sort_key(self) -> Callable[[str], Any]:
        fallback = super().claim_sort_key()
        ranks = self._ord.values
        order = self._ord

        def key(claim: str) -> tuple[int, Any]:
            rank = ranks.get(claim)
            if rank is None:
                rank = order.get(claim)
            return (0, rank) if rank is not None else (1, fallback(claim))
        return key

    def claims_for(self, node: str, stance: str | None) -> list[str]:
        kind = self.kind(node)
        if kind == "proposal":
            return self._group_claims(*_LINKS["proposal"], node, stance)
        if kind == "theme" or node in self.claims_raising:
            return self._group_claims(*_LINKS["theme"], node, stance)
        return []

    def first_by_speaker(self, nodes: list[str], stance: str, n: int) -> dict[str | None, tuple[int, list[str]]] | None:
        """Grouped by speaker in SQL: each speaker's count and first ``n`` claims by reading order."""
        parts: list[str] = []
        params: list[str] = []
        for node in nodes:
            link = _LINKS.get(self.kind(node) or "")
            if link is None:
                return None
            table, column = link
            parts.append(f"SELECT node, speaker, ord FROM {table} WHERE {column} = ? AND stance = ?")
            params += [node, stance]
        if not parts:
            return {}
        sql = parts[0] if len(parts) == 1 else \
            "SELECT node, speaker, ord FROM (" + " UNION ".join(parts) + ")"  # a claim on several: once
        counts: dict[str | None, int] = defaultdict(int)
        firsts: dict[str | None, list[str]] = defaultdict(list)
        for node, who, _ord in self.con.execute(sql + " ORDER BY ord", params):
            counts[who] += 1
            if len(firsts[who]) < n:
                firsts[who].append(node)
        return {who: (count, firsts[who]) for who, count in counts.items()}

    def speakers_for(self, node: str, stance: str) -> set[str]:
        table, key = _LINKS["proposal" if self.kind(node) == "proposal" else "theme"]
        rows = self.con.execute(f"SELECT DISTINCT speaker FROM {table} WHERE {key} = ? AND stance = ? "
                                "AND speaker IS NOT NULL", (node, stance)).fetchall()
        return {r[0] for r in rows}

    def prefetch(self, nodes: Iterable[str]) -> None:
        """Load the attributes (and, for claims, the facts) of many nodes in one query each."""
        cache = self.nodes._cache  # type: ignore[attr-defined]
        wanted = [n for n in dict.fromkeys(nodes) if n not in cache]
        for chunk in _chunks(wanted, 5000):
            rows = self.con.execute(
                "SELECT node, kind, label, data FROM nodes WHERE node IN (SELECT value FROM json_each(?))",
                (_dumps(chunk),)).fetchall()
            for node, kind, label, data in rows:
                self._kinds[node] = (kind, label)
                cache[node] = json.loads(data)
            for node in chunk:
                cache.setdefault(node, _MISSING)
        self.prefetch_claims(n for n in wanted if self._kinds.get(n, ("",))[0] == "claim")

    def prefetch_claims(self, claims: Iterable[str]) -> None:
        """Load every fact (document, targets, themes ...) of many claims in one query each."""
        self._load_facts([c for c in dict.fromkeys(claims) if c not in self._full])

    def listing(self, name: str, build: Callable[[GraphIndex], Any]) -> Any:
        row = self.con.execute("SELECT rows FROM listings WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else build(self)

    @property
    def name_index(self) -> Any:  # type: ignore[override]
        cached = self.__dict__.get("_names")
        if cached is None:
            from argmap.match import NameIndex

            cached = self.__dict__["_names"] = NameIndex(_KindSource(self))
        return cached

    @property
    def adjacency(self) -> Any:  # type: ignore[override]
        return _Lazy(lambda n: self._neighbours(n, out=True)), _Lazy(lambda n: self._neighbours(n, out=False))

    # -- loaders

    def _load_node(self, node: str) -> Any:
        row = self.con.execute("SELECT kind, label, data FROM nodes WHERE node = ?", (node,)).fetchone()
        if row is None:
            return _MISSING
        self._kinds[node] = (row[0], row[1])
        return json.loads(row[2])

    def _kind_label(self, node: str) -> tuple[str, str]:
        hit = self._kinds.get(node)
        if hit is None:
            row = self.con.execute("SELECT kind, label FROM nodes WHERE node = ?", (node,)).fetchone()
            hit = self._kinds[node] = (row[0], row[1]) if row else ("", str(node))
        return hit

    def _load_kind(self, kind: str) -> Any:
        rows = self.con.execute("SELECT node, label, data FROM nodes WHERE kind = ? ORDER BY id", (kind,)).fetchall()
        if kind != "claim":  # few; their attributes are wanted too (names, labels)
            for node, label, data in rows:
                self._kinds[node] = (kind, label)
                self.nodes.prime(node, json.loads(data))  # type: ignore[attr-defined]
        return [r[0] for r in rows] if rows else _MISSING

    @property  # type: ignore[override]
    def affiliation(self) -> dict[str, str]:
        """Person -> organisation (few: read whole on first use)."""
        return self._affiliation_maps()[0]

    @property  # type: ignore[override]
    def members(self) -> dict[str, list[str]]:
        """Organisation -> its people."""
        return self._affiliation_maps()[1]

    def _load_all_facts(self) -> None:
        """Every claim's facts, in one pass over the claims table (for whole-graph scans)."""
        if self._all_loaded:
            return
        rows = self.con.execute(f"SELECT {_FACT_COLUMNS} FROM claims c ORDER BY c.id").fetchall()
        self._remember(rows, self._columns)
        self._full.update(r[0] for r in rows)
        self._all_loaded = True

    def _load_facts(self, claims: list[str]) -> None:
        if self._all_loaded:
            return
        for chunk in _chunks(claims, 5000):
            rows = self.con.execute(f"SELECT {_FACT_COLUMNS} FROM claims c WHERE c.node IN "
                                    "(SELECT value FROM json_each(?))", (_dumps(chunk),)).fetchall()
            self._remember(rows, self._columns)
            self._full.update(chunk)  # the ones not found are not claims: they have no facts

    def _remember(self, rows: list[tuple[Any, ...]], columns: tuple[_Facts, ...]) -> None:
        """Store rows of (node, value, value ...) into the fact columns they hold."""
        nodes = [r[0] for r in rows]
        for i, facts in enumerate(columns, start=1):
            facts.values.update(zip(nodes, [r[i] for r in rows], strict=True))

    def _group_claims(self, table: str, column: str, key: str, stance: str | None) -> list[str]:
        """The claims of one proposal (``claims_on``) or theme (``raised``), in reading order,
        remembering each one's speaker and rank (and, for a theme, the claim's stance)."""
        sql = f"SELECT node, speaker, ord, stance FROM {table} WHERE {column} = ?"
        params: tuple[str, ...] = (key,)
        if stance is not None:
            sql += " AND stance = ?"
            params += (stance,)
        rows = self.con.execute(sql + " ORDER BY ord", params).fetchall()
        self._remember(self._new(rows), (self.speaker, self._ord, self._stance) if table == "raised"
                       else (self.speaker, self._ord))
        return [r[0] for r in rows]

    def _new(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The rows of claims whose facts are not all loaded (a full load is never overwritten)."""
        full = self._full
        return [r for r in rows if r[0] not in full] if full else rows

    def _load_claims_on(self, proposal: str) -> Any:
        rows = self.con.execute("SELECT node, speaker, ord, stance FROM claims_on WHERE proposal = ? ORDER BY ord",
                                (proposal,)).fetchall()
        self._remember(self._new(rows), (self.speaker, self._ord))
        return [(r[0], r[3]) for r in rows] if rows else _MISSING

    def _load_claims_of(self, actor: str) -> Any:
        rows = self.con.execute("SELECT node, ord, targets FROM asserted WHERE actor = ? ORDER BY ord",
                                (actor,)).fetchall()
        self._remember(self._new(rows), (self._ord, self.targets))
        return [r[0] for r in rows] if rows else _MISSING

    def _affiliation_maps(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        if self._affiliations is None:
            rows = self.con.execute("SELECT person, org FROM affiliations ORDER BY rowid").fetchall()
            members: dict[str, list[str]] = {}
            for person, org in rows:
                members.setdefault(org, []).append(person)
            affiliation = self.meta_value("affiliation") or {}
            self._affiliations = (affiliation, members)
        return self._affiliations

    def _neighbours(self, node: str, *, out: bool) -> Any:
        near, far = ("src", "dst") if out else ("dst", "src")
        rows = self.con.execute(
            f"SELECT e.kind, b.node, b.kind, b.label FROM nodes a JOIN edges e ON e.{near} = a.id "
            f"JOIN nodes b ON b.id = e.{far} WHERE a.node = ? ORDER BY e.rowid", (node,)).fetchall()
        for _, other, kind, label in rows:
            self._kinds[other] = (kind, label)
        return [(k, other) for k, other, _, _ in rows] if rows else _MISSING


class _KindSource:
    """The nodes of one kind as (id, attributes) pairs, read when the name index first needs them."""

    def __init__(self, ix: StoreIndex) -> None:
        self.ix = ix

    def get(self, kind: str, default: Any = None) -> list[tuple[str, Any]]:
        ids = self.ix.by_kind.get(kind, [])
        return [(n, self.ix.nodes[n]) for n in ids]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


# ---------------------------------------------------------------- choosing an index for a query

def open_index(graph_path: str | Path) -> GraphIndex:
    """The index a query should use for ``graph_path``: its store when it matches the JSON;
    otherwise the JSON, read as before, and the store written beside it for next time (if the
    folder can be written). ``graph_path`` may also name a store itself.

    Set the environment variable ``ARGMAP_NO_STORE=1`` to read the JSON and leave the store alone.
    """
    from argmap.graphfile import read_graph_json

    path = Path(graph_path)
    if path.suffix.lower() == STORE_SUFFIX and is_store_file(path):
        try:
            return StoreIndex.open(path)
        except StoreError as exc:
            raise GraphFileError(str(exc)) from None
    if os.environ.get(NO_STORE_ENV, "").strip() not in ("", "0"):
        data, source = read_graph_json(path)
        return GraphIndex.from_data(data, source=source)
    spath = store_path(path)
    if path.is_file() and spath.is_file():
        try:
            ix = StoreIndex.open(spath)
        except StoreError:
            pass
        else:
            if ix.matches(path):
                return ix
            ix.close()
    data, source = read_graph_json(path)
    index = GraphIndex.from_data(data, source=source)
    try:
        write_store(data, spath, source=source_info(path), index=index)
    except (OSError, sqlite3.Error):
        pass  # a read-only folder or a full disk: answer from the JSON, as before the store existed
    return index


# ---------------------------------------------------------------- full-text search

def search_claims(index: GraphIndex, text: str, *, limit: int | None = 20, phrase: bool = True) -> list[str]:
    """Claim ids whose text or target phrases mention ``text``, best first (FTS5 BM25 rank).

    Words are matched on their Porter stems, whole words only, case and accents ignored
    ("fostering allowances" finds "fostering allowance"). ``phrase=True`` wants the words
    together, in that order; ``phrase=False`` wants them all, anywhere in the claim. An index
    read from JSON gets a temporary in-memory full-text table, so both give the same ids.
    """
    words = fts_words(text)
    if not words:
        return []
    quoted = [f'"{w}"' for w in words]
    match = " ".join(quoted) if not phrase else '"' + " ".join(w for w in words) + '"'
    con = index.con if isinstance(index, StoreIndex) else _memory_fts(index)
    sql = ("SELECT c.node FROM claim_text JOIN claims c ON c.id = claim_text.rowid "
           "WHERE claim_text MATCH ? ORDER BY rank, c.id")
    params: tuple[Any, ...] = (match,)
    if limit is not None:
        sql += " LIMIT ?"
        params += (max(0, limit),)
    return [r[0] for r in con.execute(sql, params)]


def fts_words(text: str) -> list[str]:
    """The words of ``text`` as FTS5's unicode61 tokenizer splits them (letters and digits)."""
    import re

    return re.findall(r"[^\W_]+", text if isinstance(text, str) else str(text))


def _memory_fts(index: GraphIndex) -> sqlite3.Connection:
    con = index.__dict__.get("_fts")
    if con is None:
        con = sqlite3.connect(":memory:", check_same_thread=False)
        con.executescript("CREATE TABLE claims (id INTEGER PRIMARY KEY, node TEXT NOT NULL);"
                          f"CREATE VIRTUAL TABLE claim_text USING fts5(text, targets, content='', tokenize='{FTS_TOKENIZER}');")
        claims = index.by_kind.get("claim", [])
        con.executemany("INSERT INTO claims VALUES (?, ?)", enumerate(claims, start=1))
        con.executemany("INSERT INTO claim_text(rowid, text, targets) VALUES (?, ?, ?)",
                        ((i, claim_search_text(index.nodes[c]), target_phrases(index.nodes[c]))
                         for i, c in enumerate(claims, start=1)))
        index.__dict__["_fts"] = con
    return con
