"""Starting and checking a taxonomy for another debate: a commented skeleton, a check of a file
(the schema of :mod:`argmap.schema`, then aliases that collide or shadow each other), and
entries appended from the command line.

Alias checks follow how :mod:`argmap.taxonomy` matches names: case, plurals, hyphens and spaces
are ignored, and when phrases overlap the longest wins. So

- two entries of one section (two proposals, two themes, two actors) with the same name once
  folded **collide**: the first in the file always wins and the other is never found by it;
  this is a problem;
- a name that is part of a longer name of another entry is **shadowed** inside it ("family
  help" within "family help practices"): only the longer one's entry is found there. This is
  often meant (a specific proposal inside a general one) and is reported as a note, except
  between a proposal and its own parent or children, where it is the design.

Appending never rewrites what is in the file (comments and layout stay as they are): the new
entry's TOML is added at the end, the whole text is checked, and only a text without problems
replaces the file, in one atomic rename.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.atomic import write_text
from argmap.errors import TaxonomyError
from argmap.schema import Problem, SchemaError, parse_toml, validate_taxonomy
from argmap.text import fold, slugify

SHIPPED = "argmap:children_social_care.toml"  #: how the shipped taxonomy is named in messages

#: what each section calls its names: (TOML key of the label, TOML key of the other names,
#: whether the label itself is matched) as :mod:`argmap.taxonomy` reads them
NAME_FIELDS = {"proposal": ("label", "aliases", True), "theme": ("label", "terms", False),
               "actor": ("name", "aliases", True)}


@dataclass(frozen=True)
class Finding:
    """A problem (the file must be fixed) or a note (worth knowing) about a taxonomy."""

    line: str
    problem: bool = True

    def __str__(self) -> str:
        return self.line if self.problem else f"note: {self.line}"


# ---------------------------------------------------------------- checking

def check_text(text: str, source: str) -> list[Finding]:
    """Every problem and note in a taxonomy's TOML text (an empty list: nothing to say)."""
    try:
        data = parse_toml(text.encode("utf-8"), source, "taxonomy")
    except SchemaError as exc:
        return [Finding(str(p)) for p in exc.problems]
    problems = validate_taxonomy(data, source)
    if problems:
        return [Finding(str(p)) for p in problems]
    return alias_findings(data, source)


def shipped_text() -> str:
    """The text of the shipped taxonomy."""
    from importlib import resources

    return (resources.files("argmap") / "data" / SHIPPED.split(":", 1)[1]).read_text(encoding="utf-8")


def entry_counts(text: str) -> str:
    """``12 proposals, 8 themes, 3 actors`` for a taxonomy text that parses."""
    import tomllib

    data = tomllib.loads(text)
    return ", ".join(f"{len(data.get(k) or [])} {k}{'' if len(data.get(k) or []) == 1 else 's'}"
                     for k in ("proposal", "theme", "actor"))


def check_file(path: str | Path) -> list[Finding]:
    """Every problem and note in a taxonomy file."""
    from argmap.inputs import read_input

    path = Path(path)
    try:
        raw = read_input(path, "taxonomy", error=TaxonomyError)  # a regular file, within its size limit
    except OSError as exc:
        return [Finding(str(Problem(str(path), "whole file", "", f"cannot be read: {exc.strerror or exc}")))]
    except TaxonomyError as exc:
        return [Finding(str(Problem(str(path), "whole file", "", str(exc))))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [Finding(str(Problem(str(path), "whole file", "", f"is not UTF-8 text ({exc.reason} at byte "
                                    f"{exc.start}); a taxonomy must be UTF-8 TOML")))]
    return check_text(text, str(path))


def _key(name: str) -> str:
    """The form two names must share to be matched as one: folded, no hyphens or spaces, no final s."""
    return re.sub(r"[-\s]", "", fold(name)).removesuffix("s")


def _words(name: str) -> str:
    return " " + " ".join(re.findall(r"[\w']+", fold(name))) + " "


def _names(section: str, item: dict[str, Any]) -> list[str]:
    label_key, alias_key, label_matched = NAME_FIELDS[section]
    aliases = [a for a in item.get(alias_key) or [] if isinstance(a, str) and a.strip()]
    label = item.get(label_key)
    if section == "theme" and not aliases and isinstance(label, str):
        return [label]  # a theme without terms is found by its label
    return ([label] if label_matched and isinstance(label, str) and label.strip() else []) + aliases


def _related(data: dict[str, Any]) -> set[frozenset[str]]:
    """Pairs of proposals where one is an ancestor of the other (through ``parent``)."""
    parents = {p.get("id"): p.get("parent") for p in data.get("proposal") or [] if isinstance(p, dict)}
    pairs: set[frozenset[str]] = set()
    for pid in parents:
        seen, up = {pid}, parents.get(pid)
        while isinstance(up, str) and up not in seen:
            pairs.add(frozenset((pid, up)))
            seen.add(up)
            up = parents.get(up)
    return pairs


def alias_findings(data: dict[str, Any], source: str) -> list[Finding]:
    """Names that collide (a problem) or shadow each other (a note), section by section."""
    out: list[Finding] = []
    related = _related(data)
    for section in NAME_FIELDS:
        seen: dict[str, tuple[str, str]] = {}  # key -> (entry id, name as written)
        names: list[tuple[str, str]] = []  # (entry id, name)
        for item in data.get(section) or []:
            eid = item.get("id")
            own: set[str] = set()
            for name in _names(section, item):
                key = _key(name)
                if not key:
                    continue
                if key in own:  # a variant of its own name ("team" and "teams"): harmless
                    continue
                own.add(key)
                if key in seen and seen[key][0] != eid:
                    first, written = seen[key]
                    out.append(Finding(f"{source}: {section} {eid!r}: {name!r} collides with {written!r} of "
                                       f"{section} {first!r} (case, plurals and hyphens are ignored): the first "
                                       f"in the file wins, so {eid!r} is never found by it; remove or reword one"))
                    continue
                seen.setdefault(key, (eid, name))
                names.append((eid, name))
        for (a, short), (b, long) in ((x, y) for x in names for y in names):
            if a == b or frozenset((a, b)) in related or len(_words(short)) >= len(_words(long)):
                continue
            if _words(short) in _words(long):
                out.append(Finding(f"{source}: {section} {a!r}: {short!r} is shadowed inside {long!r} of "
                                   f"{section} {b!r}: where an article writes {long!r}, only {b!r} is found",
                                   problem=False))
    return out


# ---------------------------------------------------------------- writing

def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (JSON's escapes are TOML's, DEL aside)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def entry_toml(section: str, fields: dict[str, Any]) -> str:
    """A ``[[section]]`` table with these fields (strings, booleans, lists of strings), in order."""
    lines = [f"[[{section}]]"]
    for key, value in fields.items():
        if value is None or value == [] or value == ():
            continue
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, (list, tuple)):
            lines.append(f"{key} = [{', '.join(toml_string(str(v)) for v in value)}]")
        else:
            lines.append(f"{key} = {toml_string(str(value))}")
    return "\n".join(lines) + "\n"


def append_entry(path: str | Path, section: str, fields: dict[str, Any]) -> tuple[str, list[Finding]]:
    """Append one entry to the taxonomy file at ``path``: returns its id and the notes about the
    new file. The file is replaced only when the result has no problem; otherwise
    :class:`TaxonomyError` lists them (one per line) and the file is untouched."""
    from argmap.inputs import read_input

    path = Path(path)
    try:
        text = read_input(path, "taxonomy", error=TaxonomyError).decode("utf-8")
    except OSError as exc:
        raise TaxonomyError(f"cannot read taxonomy {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise TaxonomyError(f"taxonomy {path} is not UTF-8 text") from None
    before = [f for f in check_text(text, str(path)) if f.problem]
    if before:
        raise TaxonomyError(f"{path} has problems already; fix them first:\n" + "\n".join(map(str, before)))
    label_key = NAME_FIELDS[section][0]
    eid = fields.get("id") or slugify(str(fields.get(label_key) or ""), max_len=50)
    fields = {"id": eid, **{k: v for k, v in fields.items() if k != "id"}}
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    new = text + separator + entry_toml(section, fields)
    findings = check_text(new, str(path))
    problems = [f for f in findings if f.problem]
    if problems:
        raise TaxonomyError(f"not added to {path}:\n" + "\n".join(map(str, problems)))
    write_text(path, new)
    before_notes = {f.line for f in check_text(text, str(path))}
    return str(fields["id"]), [f for f in findings if f.line not in before_notes]


def skeleton(name: str) -> str:
    """A commented taxonomy to start a debate with (it passes :func:`check_text` as it is)."""
    slug = slugify(name, max_len=50)
    return SKELETON.replace("NAME_SLUG", slug).replace("NAME_TEXT", toml_string(name))


SKELETON = '''\
# argmap taxonomy for the debate NAME_SLUG
#
# A taxonomy tells argmap what a debate is about: the proposals people argue for or against,
# the grounds (themes) they argue on, and people and organisations it should always recognise.
# argmap finds a proposal in a text by its label and aliases, a ground by its terms. Matching
# ignores case, plurals and hyphens; where names overlap, the longest wins.
#
#   check it:     argmap taxonomy check NAME_SLUG.toml
#   add to it:    argmap taxonomy add-proposal NAME_SLUG.toml --label "..." --alias "..."
#                 argmap taxonomy add-theme NAME_SLUG.toml --label "..." --term "..."
#   use it:       argmap build my-articles/ --taxonomy NAME_SLUG.toml
#
# Every entry's id: lowercase letters, digits and hyphens, unique in its section.

[meta]
name = NAME_TEXT
# The proposal that "the reform", "the plans" or "the review" stand for when an article names
# nothing more precise.
general_proposal = "reform"

# ---------------------------------------------------------------- proposals
# [[proposal]]
# id = "..."
# label = "..."           how maps and answers name it (also matched in articles)
# aliases = ["..."]       other names articles use ("the levy", "a sugar tax")
# keywords = ["..."]      optional: words of its topic, used when an article's headline and
#                         opening argue about it without naming it
# parent = "..."          optional: the id of the policy or document it is part of
# kind = "policy"         optional: "policy" (the default), "document" (a bill, a white paper)
#                         or "clause" (a part of a document)

[[proposal]]
id = "reform"
label = "The reform as a whole"
aliases = ["the reform", "the reforms", "the plans"]

# A document and one of its clauses (remove the leading "# " to use them):
# [[proposal]]
# id = "example-bill"
# label = "The Example Bill"
# aliases = ["the bill"]
# kind = "document"
#
# [[proposal]]
# id = "example-bill-clause-1"
# label = "Clause 1 of the Example Bill"
# aliases = ["clause 1"]
# parent = "example-bill"
# kind = "clause"

# ---------------------------------------------------------------- themes (grounds)
# [[theme]]
# id = "..."
# label = "..."           how maps and answers name it
# terms = ["..."]         words and phrases that show a claim argues on this ground
# condition = true        optional: "it will only work with <this>" counts as an objection on
#                         this ground (funding, staff, evidence); false by default
# absorbs = ["..."]       optional: other themes' terms that, when this ground is raised too,
#                         belong to it (profit absorbs "financial": "the financial interests of
#                         investors" is about profit, not about funding)

[[theme]]
id = "funding"
label = "Funding and resources"
terms = ["funding", "money", "cost", "budget", "resources"]
condition = true

# ---------------------------------------------------------------- actors
# People and organisations argmap should always recognise, under every name articles use
# (others are found by their names in the text):
# [[actor]]
# id = "..."
# name = "..."
# type = "organisation"   or "person"
# aliases = ["..."]
'''
