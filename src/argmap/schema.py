"""The schemas of the taxonomy and the cue lexicon, as data, and the checks that apply them.

:func:`validate_taxonomy` and :func:`validate_cues` take parsed TOML and return every
:class:`Problem` found (an empty list: the file is good), one per mistake, each naming the
file, the entry, the field and what is allowed::

    mine.toml: actor 'basw': type must be one of "person", "organisation" (found "alien")
    mine.toml: proposal 'family-help': alias is not a known field of a proposal; allowed: id, label,
      name, aliases, keywords, parent, kind (did you mean aliases?)
    cues.toml: [verbs]: urge must be a list of plain words and phrases (letters, digits, spaces and
      ' ’ - – — . , : ; & % /; not patterns) (item 3 is "warn(s|ed)")

Loading a taxonomy (:func:`argmap.taxonomy.load_taxonomy`) or a cue lexicon
(:func:`argmap.lexicon.load_lexicon`) runs these checks first and raises :class:`SchemaError`
with all the problems, so nothing downstream ever sees a value of the wrong shape.

To add a taxonomy field, add a row to :data:`TAXONOMY_SECTIONS`. The cue lexicon's lists are
those of the shipped ``cues.toml`` (:func:`cue_keys`: the rules ask for each by name), plus the
pattern rows of :data:`CUE_PATTERNS` (the part-of-speech lists of ``[stance.pos]``); the checks
read only these tables.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from argmap.errors import TaxonomyError

MAX_SHOWN = 100  #: a SchemaError lists at most this many problems, then says how many more

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PROPOSAL_KINDS = ("policy", "document", "clause")
ACTOR_TYPES = ("person", "organisation")


@dataclass(frozen=True)
class Problem:
    """One mistake in a configuration file: where it is and what is allowed."""

    file: str
    entry: str  # "[meta]", "proposal 'family-help'", "proposal number 3", "top level", "[stance.support]"
    field: str  # "" when the problem is the entry itself
    message: str  # what is allowed, and what was found

    def __str__(self) -> str:
        from argmap.terminal import safe_line

        where = f"{self.entry}: {self.field} " if self.field else f"{self.entry}: "
        return safe_line(f"{self.file}: {where}{self.message}")  # one line, whatever the keys hold


class SchemaError(TaxonomyError):
    """A taxonomy or cue lexicon does not match its schema; ``problems`` lists every mistake,
    and the message has one line per problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:  # one more line of the same shape: file, entry, message
            hidden = len(self.problems) - MAX_SHOWN
            lines.append(f"{self.problems[MAX_SHOWN].file}: (not shown): {hidden} more problems like these")
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------- value checks

@dataclass(frozen=True)
class Check:
    """A kind of value: a test, and the words saying what is allowed."""

    allowed: str
    test: Callable[[Any], str | None]  # None when good, else what is wrong ("found 5", "item 2 is 5")


def _found(value: Any) -> str:
    """A short, printable rendering of a TOML value for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return '"' + "".join(c if c.isprintable() else repr(c)[1:-1] for c in text) + '"'
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return f"a {type(value).__name__}"


def _is(test: Callable[[Any], bool]) -> Callable[[Any], str | None]:
    """A value test from a predicate: None when it holds, else ``found <value>``."""
    return lambda value: None if test(value) else f"found {_found(value)}"


def _nonblank(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _wordlike(value: Any) -> bool:
    """A string with at least one letter, digit or symbol such as "£" (a name or phrase made only
    of punctuation and spaces would match nothing, or everything)."""
    return isinstance(value, str) and any(unicodedata.category(ch)[0] in "LNSM" for ch in value)


def _list_of(test: Callable[[Any], bool]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"found {_found(value)}"
        for i, item in enumerate(value, start=1):
            if not test(item):
                return f"item {i} is {_found(item)}"
        return None

    return check


def _choice(*values: str) -> Check:
    return Check("one of " + ", ".join(f'"{v}"' for v in values), _is(lambda v: isinstance(v, str) and v in values))


TEXT = Check("a non-empty string", _is(_nonblank))
NAME = Check("a string with at least one letter, digit or symbol", _is(_wordlike))
NAMES = Check("a list of strings, each with at least one letter, digit or symbol", _list_of(_wordlike))
_HOST = re.compile(r"(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$")
SITES = Check('a list of web site host names such as "example.org.uk" (no "https://", no path)',
              _list_of(lambda v: isinstance(v, str) and bool(_HOST.match(v))))
#: Punctuation a cue word or phrase may hold: cues are plain text matched as written, not patterns.
CUE_PUNCTUATION = "'\u2019-\u2013\u2014.,:;&%/"
WORDS = Check(f"a list of plain words and phrases (letters, digits, spaces and {' '.join(CUE_PUNCTUATION)}; "
              "not patterns)", _list_of(lambda v: _nonblank(v) and all(
                  c.isalnum() or c.isspace() or c in CUE_PUNCTUATION or unicodedata.category(c).startswith("M")
                  for c in v)))
BOOL = Check("true or false", _is(lambda v: isinstance(v, bool)))
IDENT = Check("lowercase letters, digits and hyphens, starting with a letter or digit",
              _is(lambda v: isinstance(v, str) and bool(ID_PATTERN.match(v))))
VERSION = Check("a string or a whole number",
                _is(lambda v: isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool))))


@dataclass(frozen=True)
class Field:
    """One field of a table: its name, the kind of value, whether it must be there, and (for
    fields that name another entry) the section whose ids it must name."""

    name: str
    check: Check
    required: bool = False
    ref: str | None = None  # the value must be the id of an entry of this section
    tree: bool = False  # following the reference from entry to entry must never loop


@dataclass(frozen=True)
class Section:
    """A top-level part of the taxonomy: a table (``[meta]``) or an array of tables (``[[proposal]]``)."""

    name: str
    many: bool  # an array of tables
    fields: tuple[Field, ...]
    about: str


#: The taxonomy schema: every section and field a taxonomy may hold.
TAXONOMY_SECTIONS: dict[str, Section] = {s.name: s for s in (
    Section("meta", False, (
        Field("name", TEXT),
        Field("title", TEXT),
        Field("version", VERSION),
        Field("general_proposal", Check("the id of a [[proposal]]", _is(_nonblank)), ref="proposal"),
    ), "the taxonomy's name and the proposal that stands for the reform as a whole"),
    Section("proposal", True, (
        Field("id", IDENT, required=True),
        Field("label", NAME),
        Field("name", NAME),  # the same as label
        Field("aliases", NAMES),
        Field("keywords", NAMES),
        Field("parent", Check("a proposal id", _is(_nonblank)), ref="proposal", tree=True),
        Field("kind", _choice(*PROPOSAL_KINDS)),
    ), "a policy, document or clause people argue for or against"),
    Section("theme", True, (
        Field("id", IDENT, required=True),
        Field("label", NAME),
        Field("name", NAME),  # the same as label
        Field("terms", NAMES),
        Field("absorbs", NAMES),
        Field("condition", BOOL),
    ), "a ground on which people argue (funding, evaluation, ...)"),
    Section("actor", True, (
        Field("id", IDENT, required=True),
        Field("name", NAME),
        Field("label", NAME),  # the same as name
        Field("type", _choice(*ACTOR_TYPES)),
        Field("aliases", NAMES),
        Field("sites", SITES),  # the web sites it publishes on: a page there with no byline is its own
        Field("work", Check("a proposal id", _is(_nonblank)), ref="proposal"),  # the review it speaks through
    ), "a person or organisation argmap should always recognise"),
)}


@dataclass(frozen=True)
class CueKey:
    """One list of the cue lexicon: ``[table] key = [...]`` (with ``pattern``, every key of the
    table that matches the regular expression ``key``)."""

    table: str  # dotted: "stance.support"
    key: str
    required: bool = True
    check: Check = WORDS
    about: str = ""
    pattern: bool = False


UD_TAGS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
           "PUNCT", "SCONJ", "SYM", "VERB", "X")
_TAG = "(?:" + "|".join(UD_TAGS) + ")"

#: Lists of the cue lexicon beyond the shipped file's own: rows whose key is a pattern.
CUE_PATTERNS: tuple[CueKey, ...] = (
    CueKey("stance.pos", f"{_TAG}(?:_{_TAG})*", required=False, pattern=True,
           about="spaCy universal part-of-speech tags joined by _, e.g. VERB_ADJ"),
)


@lru_cache(maxsize=1)
def cue_keys() -> tuple[CueKey, ...]:
    """The cue lexicon schema: every list of the shipped ``cues.toml`` (the extraction rules ask
    for each by name, so a lexicon given with ``--cues`` must hold them all), plus
    :data:`CUE_PATTERNS`. Adding a list to the shipped file adds it here."""
    from importlib import resources

    shipped = tomllib.loads((resources.files("argmap") / "data" / "cues.toml").read_text(encoding="utf-8"))
    patterned = {k.table for k in CUE_PATTERNS}
    rows: list[CueKey] = []

    def walk(node: dict[str, Any], path: str) -> None:
        for key, value in node.items():
            sub = f"{path}.{key}" if path else key
            if isinstance(value, dict):
                walk(value, sub)
            elif path not in patterned:
                rows.append(CueKey(path, key, about=f"the rules ask for {sub}"))

    walk(shipped, "")
    return (*rows, *CUE_PATTERNS)


# ---------------------------------------------------------------- the taxonomy

def validate_taxonomy(data: Any, source: str) -> list[Problem]:
    """Every problem in parsed taxonomy TOML ``data`` (an empty list when it is good)."""
    problems: list[Problem] = []

    def add(entry: str, field: str, message: str) -> None:
        problems.append(Problem(source, entry, field, message))

    if not isinstance(data, dict):
        add("top level", "", "must be a TOML document of tables")
        return problems
    for key in data:
        if key not in TAXONOMY_SECTIONS:
            add("top level", str(key), "is not a known section; allowed: "
                + ", ".join(_section_syntax(s) for s in TAXONOMY_SECTIONS.values()) + _did_you_mean(key, TAXONOMY_SECTIONS))
    ids: dict[str, dict[str, str]] = {name: {} for name in TAXONOMY_SECTIONS}  # section -> id -> entry name
    refs: list[tuple[str, str, str, Field, str]] = []  # (section, entry name, entry id, field, value)
    parents: dict[str, str] = {}
    for section in TAXONOMY_SECTIONS.values():
        if section.name not in data:
            continue
        value = data[section.name]
        if section.many:
            if not isinstance(value, list):
                add("top level", section.name, f"must be an array of tables ({_section_syntax(section)}, "
                    f"one per entry) (found {_found(value)})")
                continue
            items = list(enumerate(value, start=1))
        else:
            if not isinstance(value, dict):
                add("top level", section.name, f"must be a table ({_section_syntax(section)}) (found {_found(value)})")
                continue
            items = [(0, value)]
        for number, item in items:
            entry = _entry_name(section, number, item)
            if not isinstance(item, dict):
                add(entry, "", f"must be a table of fields (found {_found(item)})")
                continue
            _check_fields(section, item, entry, add)
            if section.many and "label" in item and "name" in item and item["label"] != item["name"]:
                add(entry, "name", "and label are the same field and differ here; give one of them")
            if section.name == "theme":
                _check_absorbed(item, entry, data.get("theme"), add)
            eid = item.get("id") if isinstance(item.get("id"), str) else ""
            if section.many and ID_PATTERN.match(eid):
                if eid in ids[section.name]:
                    add(f"{entry} (number {number})", "id",
                        f"is a duplicate: {ids[section.name][eid]} has it too; ids must be unique")
                else:
                    ids[section.name][eid] = f"{section.name} number {number}"
            for f in section.fields:
                ref = item.get(f.name)
                if f.ref and isinstance(ref, str) and ref.strip():
                    refs.append((section.name, entry, eid, f, ref))
                    if f.tree and eid:
                        parents.setdefault(eid, ref)
    reported: set[frozenset[str]] = set()
    for section_name, entry, eid, f, ref in refs:
        if ref not in ids[f.ref or ""]:
            add(entry, f.name, f"{ref[:40]!r} is not a {f.ref} id; it must name the id of a [[{f.ref}]]")
        elif f.tree and section_name == f.ref:
            cycle = _cycle(eid, parents)
            if cycle and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                add(entry, f.name, "forms a cycle: " + " -> ".join(repr(c) for c in cycle)
                    + "; a proposal cannot be its own ancestor")
    return problems


def _check_absorbed(item: dict, entry: str, themes: Any, add) -> None:
    """The words a theme absorbs must be terms of another theme (they take a match away, they make none)."""
    absorbed = item.get("absorbs")
    if not isinstance(absorbed, list) or not isinstance(themes, list):
        return
    others = {t.lower() for other in themes if isinstance(other, dict) and other is not item
              for t in (other.get("terms") if isinstance(other.get("terms"), list) else []) if isinstance(t, str)}
    missing = [w for w in absorbed if isinstance(w, str) and w.lower() not in others]
    if missing:
        add(entry, "absorbs", f"{missing[0][:40]!r} is no other theme's term; each absorbed word must be one")


def _cycle(start: str, parents: dict[str, str]) -> list[str]:
    """The loop of parent links starting at ``start`` (``[start, ..., start]``), or []."""
    path = [start]
    node = parents.get(start)
    while node is not None and node not in path:
        path.append(node)
        node = parents.get(node)
    return [*path, start] if node == start else []


def _section_syntax(section: Section) -> str:
    return f"[[{section.name}]]" if section.many else f"[{section.name}]"


def _entry_name(section: Section, number: int, item: Any) -> str:
    if not section.many:
        return f"[{section.name}]"
    eid = item.get("id") if isinstance(item, dict) else None
    if isinstance(eid, str) and ID_PATTERN.match(eid):
        return f"{section.name} '{eid}'"
    return f"{section.name} number {number}"


def _check_fields(section: Section, item: dict[str, Any], entry: str,
                  add: Callable[[str, str, str], None]) -> None:
    known = {f.name: f for f in section.fields}
    for key in item:
        if key not in known:
            add(entry, str(key), f"is not a known field of {_a(section.name)}; allowed: "
                + ", ".join(known) + _did_you_mean(key, known))
    for f in section.fields:
        if f.name not in item:
            if f.required:
                if f.name == "id":
                    add(entry, "", f"has no id; add id = \"...\" ({IDENT.allowed})")
                else:
                    add(entry, f.name, f"is missing; it must be {f.check.allowed}")
            continue
        found = f.check.test(item[f.name])
        if found is not None:
            add(entry, f.name, f"must be {f.check.allowed} ({found})")


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _did_you_mean(key: Any, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(key), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


# ---------------------------------------------------------------- the cue lexicon

def validate_cues(data: Any, source: str, keys: tuple[CueKey, ...] | None = None) -> list[Problem]:
    """Every problem in parsed cue lexicon TOML ``data`` against ``keys`` (default:
    :func:`cue_keys`); an empty list when it is good."""
    problems: list[Problem] = []

    def add(entry: str, field: str, message: str) -> None:
        problems.append(Problem(source, entry, field, message))

    tables: dict[str, dict[str, CueKey]] = {}
    patterns: dict[str, list[CueKey]] = {}
    for k in keys if keys is not None else cue_keys():
        tables.setdefault(k.table, {})
        if k.pattern:
            patterns.setdefault(k.table, []).append(k)
        else:
            tables[k.table][k.key] = k

    def spec_of(path: str, key: str) -> CueKey | None:
        if key in tables.get(path, {}):
            return tables[path][key]
        return next((k for k in patterns.get(path, []) if re.fullmatch(k.key, key)), None)
    prefixes = {".".join(t.split(".")[:i]) for t in tables for i in range(1, t.count(".") + 2)}
    if not isinstance(data, dict):
        add("top level", "", "must be a TOML document of tables")
        return problems
    if not data:
        add("whole file", "", "is empty; a cue lexicon needs the tables "
            + ", ".join(f"[{t}]" for t in tables if any(k.required for k in tables[t].values())))
        return problems
    broken: set[str] = set()  # table paths that exist but are not tables

    def walk(node: dict[str, Any], path: str) -> None:
        for key, value in node.items():
            sub = f"{path}.{key}" if path else str(key)
            entry = f"[{path}]" if path else "top level"
            if isinstance(value, dict):
                if sub in prefixes:
                    walk(value, sub)
                else:
                    add(entry, str(key), "is not a known table; known tables: "
                        + ", ".join(f"[{t}]" for t in tables) + _did_you_mean(sub, tables))
                continue
            spec = spec_of(path, str(key))
            if spec is not None:
                found = spec.check.test(value)
                if found is not None:
                    add(entry, str(key), f"must be {spec.check.allowed} ({found})")
            elif sub in prefixes:
                broken.add(sub)
                add(entry, str(key), f"must be a table ([{sub}]) (found {_found(value)})")
            elif path in tables:
                allowed = [*tables[path], *(k.about for k in patterns.get(path, []))]
                add(entry, str(key), "is not a known list of this table; allowed: "
                    + ", ".join(allowed) + _did_you_mean(key, tables[path]))
            else:
                add(entry, str(key), "is not a known entry; known tables: "
                    + ", ".join(f"[{t}]" for t in tables) + _did_you_mean(sub, prefixes))

    walk(data, "")
    for table, specs in tables.items():
        if any(table == b or table.startswith(b + ".") for b in broken):
            continue
        node: Any = data
        for part in table.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        required = [k.key for k in specs.values() if k.required]
        if node is None:
            if required:
                add(f"[{table}]", "", f"is missing; it must hold {', '.join(required)} (lists of words)")
            continue
        for key in required:
            if key not in node:
                add(f"[{table}]", key, f"is missing; it must be {specs[key].check.allowed} ({specs[key].about})")
    _check_pos(data, add)
    return problems


def _check_pos(data: dict[str, Any], add: Callable[[str, str, str], None]) -> None:
    """A word limited to parts of speech in two lists of ``[stance.pos]`` (the later one would win)."""
    table = data.get("stance", {}).get("pos") if isinstance(data.get("stance"), dict) else None
    if not isinstance(table, dict):
        return
    seen: dict[str, str] = {}
    for key, words in table.items():
        for word in words if isinstance(words, list) else []:
            if isinstance(word, str) and word.lower() in seen:
                add("[stance.pos]", str(key), f"lists {word!r}, already limited by {seen[word.lower()]}; "
                    "a word has one list of parts of speech")
            elif isinstance(word, str):
                seen[word.lower()] = str(key)


# ---------------------------------------------------------------- files

def parse_toml(raw: bytes, source: str, what: str) -> dict[str, Any]:
    """Parsed TOML, or a SchemaError with one problem saying where the syntax is wrong."""
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SchemaError([Problem(source, "whole file", "", f"is not UTF-8 text ({exc.reason} at byte "
                                   f"{exc.start}); a {what} must be UTF-8 TOML")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError([Problem(source, "whole file", "", f"is not valid TOML: {exc}")]) from None
    except RecursionError:
        raise SchemaError([Problem(source, "whole file", "", "is not valid TOML: nested too deeply")]) from None


def check_file(path: str | Path, kind: str) -> list[Problem]:
    """Every problem in a taxonomy (``kind="taxonomy"``) or cue lexicon (``kind="cues"``) file,
    syntax and size included, without building anything (what ``argmap taxonomy check`` needs)."""
    from argmap.inputs import read_input

    what = {"taxonomy": "taxonomy", "cues": "cue lexicon"}[kind]
    try:
        raw = read_input(path, kind, error=TaxonomyError)
    except OSError as exc:
        return [Problem(str(path), "whole file", "", f"cannot be read: {exc.strerror or exc}")]
    except TaxonomyError as exc:
        return [Problem(str(path), "whole file", "", str(exc))]
    try:
        data = parse_toml(raw, str(path), what)
    except SchemaError as exc:
        return exc.problems
    return validate_taxonomy(data, str(path)) if kind == "taxonomy" else validate_cues(data, str(path))
