"""DocResult records: one JSON object per document, the unit the map step writes and merge reads.

A record is what :mod:`argmap.build` extracts from one article (its metadata, actors, claims and
candidate proposals) as plain JSON, so the per-document step can run anywhere and its output be
merged later (``argmap extract`` writes them one per line, ``argmap merge`` reads them). The
parse cache's sibling, the result cache, stores the same records.

Record format (keys in this order only by convention; readers must not rely on it)::

    {"format": "argmap-docresult", "format_version": 1,
     "provenance": {"model": ..., "taxonomy": <digest>, "argmap_version": ...},   # optional
     "doc": {"id": ..., "path": ..., "sha256": ..., "title": ...},
     "actors": [{"id", "name", "type", "aliases", "role", "affiliation"}],
     "claims": [{"id", "doc_id", "text", "start", "end", "speaker", "stance", "targets", "themes",
                 "attribution", "stance_cues", "target_cues", "rule", "quoted"}],
     "candidates": [{"id", "label"}]}

Pure functions only, except :func:`iter_record_files`, which reads JSON-lines files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.model import Actor, ActorType, Claim, DocResult, Stance

RECORD_FORMAT = "argmap-docresult"
RECORD_VERSION = 1

_ACTOR_FIELDS = ("id", "name", "type", "aliases", "role", "affiliation")
_CLAIM_FIELDS = ("id", "doc_id", "text", "start", "end", "speaker", "stance", "targets", "themes",
                 "attribution", "stance_cues", "target_cues", "rule", "quoted")


class RecordError(ArgmapError):
    """A DocResult record is malformed or from an incompatible argmap."""


def result_to_data(result: DocResult, *, provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """A DocResult as a JSON-ready dict (the inverse of :func:`result_from_data`)."""
    data: dict[str, Any] = {"format": RECORD_FORMAT, "format_version": RECORD_VERSION}
    if provenance:
        data["provenance"] = dict(provenance)
    data["doc"] = dict(result.doc)
    data["actors"] = [_actor_data(a) for a in result.actors]
    data["claims"] = [_claim_data(c) for c in result.claims]
    data["candidates"] = [dict(c) for c in result.candidates]
    return data


def result_from_data(data: Any) -> DocResult:
    """Rebuild a DocResult from :func:`result_to_data` output; raise RecordError if it is not one."""
    if not isinstance(data, dict):
        raise RecordError("not a DocResult record (expected a JSON object)")
    if data.get("format") != RECORD_FORMAT:
        raise RecordError(f"not a DocResult record (format {data.get('format')!r})")
    version = data.get("format_version")
    if not isinstance(version, int) or version > RECORD_VERSION:
        raise RecordError(f"record format version {version!r}; this argmap reads up to {RECORD_VERSION} "
                          "(upgrade argmap or re-run 'argmap extract')")
    doc = data.get("doc")
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
        raise RecordError("record has no document id")
    try:
        actors = tuple(_actor(a) for a in _list(data, "actors"))
        claims = tuple(_claim(c) for c in _list(data, "claims"))
        candidates = tuple(_candidate(c) for c in _list(data, "candidates"))
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordError(f"record for document {doc['id']!r} is damaged ({_why(exc)})") from None
    return DocResult(doc=dict(doc), actors=actors, claims=claims, candidates=candidates)


def provenance_of(data: dict[str, Any]) -> dict[str, Any]:
    """The provenance dict of a record's data (empty if it has none)."""
    prov = data.get("provenance") if isinstance(data, dict) else None
    return dict(prov) if isinstance(prov, dict) else {}


def dumps_result(result: DocResult, *, provenance: dict[str, Any] | None = None) -> str:
    """One record as a single line of JSON (no newline; deterministic key order)."""
    return json.dumps(result_to_data(result, provenance=provenance), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def loads_record(line: str | bytes) -> tuple[DocResult, dict[str, Any]]:
    """Parse one line of JSON into ``(DocResult, provenance)``; RecordError if it is not a record."""
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecordError(f"not JSON ({exc})") from None
    return result_from_data(data), provenance_of(data)


def loads_result(line: str | bytes) -> DocResult:
    """Parse one line of JSON into a DocResult."""
    return loads_record(line)[0]


def iter_record_files(paths: Iterable[str | Path]) -> Iterator[tuple[DocResult, dict[str, Any], str]]:
    """Yield ``(result, provenance, where)`` for every record in JSON-lines files, in file order.

    Blank lines are skipped. ``where`` is ``"file:line"``. Raises RecordError naming the file and
    line of the first bad record, or a file that cannot be read, is not a regular file, or is over
    its size limit (:mod:`argmap.inputs`).
    """
    from argmap.inputs import iter_lines

    for path in paths:
        p = Path(path)
        lines = iter_lines(p, "records", error=RecordError)
        while True:
            try:
                n, line = next(lines)
            except StopIteration:
                break
            except FileNotFoundError:
                raise RecordError(f"records file {p} not found") from None
            except IsADirectoryError:
                raise RecordError(f"records path {p} is a directory, not a JSON-lines file") from None
            except OSError as exc:
                raise RecordError(f"cannot read records file {p}: {exc.strerror or exc}") from None
            if not line.strip():
                continue
            where = f"{p}:{n}"
            try:
                result, prov = loads_record(line)
            except RecordError as exc:
                raise RecordError(f"{where}: {exc}") from None
            yield result, prov, where


def reference_problems(result: DocResult, proposals: Iterable[str], themes: Iterable[str]) -> list[str]:
    """What in ``result`` does not resolve: unknown proposal or theme ids, speakers not among its actors.

    ``proposals`` and ``themes`` are the ids a taxonomy defines; a record's own candidate
    proposals also count as proposals. An empty list means the record can be merged.
    """
    known_p = set(proposals) | {c["id"] for c in result.candidates}
    known_t = set(themes)
    actors = {a.id for a in result.actors}
    problems = []
    for c in result.claims:
        problems += [f"{c.id}: unknown proposal {t!r}" for t in c.targets if t not in known_p]
        problems += [f"{c.id}: unknown theme {t!r}" for t in c.themes if t not in known_t]
        if c.speaker is not None and c.speaker not in actors:
            problems.append(f"{c.id}: speaker {c.speaker!r} is not among the document's actors")
        if c.doc_id != result.doc["id"]:
            problems.append(f"{c.id}: belongs to document {c.doc_id!r}, not {result.doc['id']!r}")
    return problems


# ---------------------------------------------------------------- helpers

def _actor_data(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "type": ActorType(a.type).value, "aliases": list(a.aliases),
            "role": a.role, "affiliation": a.affiliation}


def _claim_data(c: Claim) -> dict[str, Any]:
    return {"id": c.id, "doc_id": c.doc_id, "text": c.text, "start": c.start, "end": c.end,
            "speaker": c.speaker, "stance": Stance(c.stance).value, "targets": list(c.targets),
            "themes": list(c.themes), "attribution": c.attribution, "stance_cues": list(c.stance_cues),
            "target_cues": list(c.target_cues), "rule": c.rule, "quoted": c.quoted}


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TypeError(f"{key} is not a list")
    return value


def _fields(d: Any, names: tuple[str, ...], what: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise TypeError(f"{what} is not an object")
    missing = [n for n in names if n not in d]
    if missing:
        raise KeyError(f"{what} lacks {', '.join(missing)}")
    return d


def _str(value: Any, what: str, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} is not a string")
    return value


def _strs(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{what} is not a list of strings")
    return tuple(value)


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} is not an integer")
    return value


def _actor(d: Any) -> Actor:
    d = _fields(d, _ACTOR_FIELDS, "actor")
    return Actor(id=_str(d["id"], "actor id"), name=_str(d["name"], "actor name"), type=ActorType(d["type"]),
                 aliases=_strs(d["aliases"], "actor aliases"), role=_str(d["role"], "actor role", optional=True),
                 affiliation=_str(d["affiliation"], "actor affiliation", optional=True))


def _claim(d: Any) -> Claim:
    d = _fields(d, _CLAIM_FIELDS, "claim")
    if not isinstance(d["quoted"], bool):
        raise TypeError("claim quoted is not true/false")
    return Claim(id=_str(d["id"], "claim id"), doc_id=_str(d["doc_id"], "claim doc_id"),
                 text=_str(d["text"], "claim text"), start=_int(d["start"], "claim start"),
                 end=_int(d["end"], "claim end"), speaker=_str(d["speaker"], "claim speaker", optional=True),
                 stance=Stance(d["stance"]), targets=_strs(d["targets"], "claim targets"),
                 themes=_strs(d["themes"], "claim themes"), attribution=_str(d["attribution"], "attribution"),
                 stance_cues=_strs(d["stance_cues"], "stance_cues"),
                 target_cues=_strs(d["target_cues"], "target_cues"), rule=_str(d["rule"], "claim rule"),
                 quoted=d["quoted"])


def _candidate(d: Any) -> dict[str, Any]:
    d = _fields(d, ("id", "label"), "candidate")
    _str(d["id"], "candidate id")
    _str(d["label"], "candidate label")
    return dict(d)


def _why(exc: Exception) -> str:
    text = str(exc.args[0]) if exc.args else exc.__class__.__name__
    return text.strip("'\"")
