"""Comparing a graph's positions with a gold annotation: precision, recall and F1 per stance.

A position is (document, actor, stance, target), where target is ``proposal:<id>`` or, for
objections, ``theme:<id>`` (the ground). Gold files are TSV with the header
``document  actor  stance  target  evidence``; see tests/gold/README.md. A gold target
``proposal:?<name>`` (a proposal outside the taxonomy) matches a candidate proposal of the graph
whose label shares most of its words, or a taxonomy proposal whose label or one of whose aliases
holds every word of the name (plurals and -ing, -ed, -ment forms folded): the annotator named a
proposal the taxonomy did not describe when the gold was written, and a later taxonomy may.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from argmap.errors import ArgmapError
from argmap.inputs import read_input
from argmap.text import fold, slugify

STANCES = ("support", "object")
_STOP = {"the", "a", "an", "of", "to", "for", "and", "in", "on", "by", "from", "with"}


@dataclass(frozen=True)
class Position:
    document: str
    actor: str
    stance: str
    target: str

    def __str__(self) -> str:
        return f"{self.document}\t{self.actor}\t{self.stance}\t{self.target}"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Evaluation:
    scores: dict[str, Score]
    missed: list[Position] = field(default_factory=list)
    false_positives: list[tuple[Position, str]] = field(default_factory=list)  # with claim id

    def as_dict(self) -> dict:
        return {
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "missed": [p.__dict__ for p in self.missed],
            "false_positives": [{**p.__dict__, "claim": c} for p, c in self.false_positives],
        }


def read_gold(path: str | Path) -> list[Position]:
    """Read a gold TSV file; raise ArgmapError with the line number on a malformed row."""
    p = Path(path)
    try:
        text = read_input(p, "gold").decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArgmapError(f"gold file {p} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ArgmapError(f"cannot read gold file {p}: {exc.strerror or exc}") from None
    rows = list(csv.reader(text.splitlines(), delimiter="\t"))
    if not rows or [c.strip().lower() for c in rows[0][:4]] != ["document", "actor", "stance", "target"]:
        raise ArgmapError(f"gold file {p} must start with the header: document, actor, stance, target, evidence")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if len(row) < 4:
            raise ArgmapError(f"gold file {p} line {n}: expected at least 4 tab-separated fields")
        doc, actor, stance, target = (c.strip() for c in row[:4])
        if stance not in STANCES:
            raise ArgmapError(f"gold file {p} line {n}: stance must be support or object, not {stance!r}")
        if not target.startswith(("proposal:", "theme:")):
            raise ArgmapError(f"gold file {p} line {n}: target must start with proposal: or theme:")
        out.append(Position(doc, actor, stance, target))
    return out


def graph_positions(g: nx.MultiDiGraph) -> dict[Position, str]:
    """Positions the graph asserts (actor ids), each with one claim id as evidence."""
    out: dict[Position, str] = {}
    for node, d in sorted(g.nodes(data=True)):
        if d.get("kind") != "claim" or d.get("stance") not in STANCES or not d.get("speaker"):
            continue
        targets = [t for t in d.get("targets") or [] if isinstance(t, str)]
        if d["stance"] == "object":
            targets += [t for t in d.get("themes") or [] if isinstance(t, str)]
        for t in targets:
            out.setdefault(Position(d["document"], d["speaker"], d["stance"], t), node)
    return out


def evaluate(g: nx.MultiDiGraph, gold: Iterable[Position], *, documents: Iterable[str] | None = None) -> Evaluation:
    """Score the graph against gold positions (only documents in the gold, or ``documents``)."""
    gold = list(gold)
    docs = set(documents) if documents is not None else {p.document for p in gold}
    doc_alias = _doc_aliases(g)
    predicted = {p: c for p, c in graph_positions(g).items() if doc_alias.get(p.document, p.document) in docs}
    actor_names = _actor_names(g)
    candidate_labels = {n: d.get("label", "") for n, d in g.nodes(data=True)
                        if d.get("kind") == "proposal" and d.get("candidate")}
    names = _proposal_names(g)

    predicted = _align_granularity(g, predicted, {p.target for p in gold}, names)
    remaining = dict(predicted)
    scores = {s: Score() for s in (*STANCES, "overall")}
    missed = []
    for gp in gold:
        match = None
        for pp in remaining:
            if (doc_alias.get(pp.document, pp.document) == gp.document and pp.stance == gp.stance
                    and _actor_matches(gp.actor, actor_names.get(pp.actor, {pp.actor}))
                    and _target_matches(gp.target, pp.target, candidate_labels, names)):
                match = pp
                break
        if match is not None:
            del remaining[match]
            scores[gp.stance].tp += 1
            scores["overall"].tp += 1
        else:
            missed.append(gp)
            scores[gp.stance].fn += 1
            scores["overall"].fn += 1
    # several predicted positions can stand for one gold position (e.g. two candidate labels);
    # only unmatched predictions that no gold position covers count as false positives
    fps = []
    for pp, claim in sorted(remaining.items(), key=lambda kv: str(kv[0])):
        if any(doc_alias.get(pp.document, pp.document) == gp.document and pp.stance == gp.stance
               and _actor_matches(gp.actor, actor_names.get(pp.actor, {pp.actor}))
               and _target_matches(gp.target, pp.target, candidate_labels, names) for gp in gold):
            continue
        fps.append((pp, claim))
        scores[pp.stance].fp += 1
        scores["overall"].fp += 1
    return Evaluation(scores, missed, fps)


def _align_granularity(g: nx.MultiDiGraph, predicted: dict[Position, str], gold_targets: set[str],
                       names: dict[str, list[frozenset[str]]] | None = None) -> dict[Position, str]:
    """Score a policy document at the granularity the gold file uses.

    Older gold files annotate the review, the strategy and the bill as the reform as a whole. A
    predicted target that is a policy document (``proposal_kind = "document"``) which the gold file
    never uses, by its id or by a ``proposal:?<name>`` that names it, counts as its nearest ancestor
    that the gold file does use.
    """
    discovered = [t for t in gold_targets if t.startswith("proposal:?")]

    def used(target: str) -> bool:
        return target in gold_targets or any(_target_matches(t, target, {}, names) for t in discovered)

    def aligned(target: str) -> str:
        node = g.nodes.get(target) if target in g else None
        seen = set()
        while (node is not None and node.get("proposal_kind") == "document" and not used(target)
               and node.get("parent") and target not in seen):
            seen.add(target)
            target = node["parent"]
            node = g.nodes.get(target)
        return target

    out: dict[Position, str] = {}
    for pos, claim in predicted.items():
        out.setdefault(Position(pos.document, pos.actor, pos.stance, aligned(pos.target)), claim)
    return out


def _doc_aliases(g: nx.MultiDiGraph) -> dict[str, str]:
    """Graph document id -> the file-name stem gold files use."""
    out = {}
    for n, d in g.nodes(data=True):
        if d.get("kind") == "document":
            doc_id = n.removeprefix("doc:")
            out[doc_id] = Path(d.get("path") or doc_id).stem
    return out


def _actor_names(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    out = {}
    for n, d in g.nodes(data=True):
        if d.get("kind") == "actor":
            names = {d.get("label"), d.get("name"), *(d.get("aliases") or []), n.removeprefix("actor:")}
            out[n] = {fold(x) for x in names if isinstance(x, str) and x}
    return out


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
                         "baroness", "earl", "viscount", "countess", "cllr", "councillor", "the", "rt", "hon"})


def _actor_matches(gold_name: str, names: set[str]) -> bool:
    """Whether a gold actor name is one of a graph actor's names: exactly, without 'the', without
    honorifics ('Baroness Smith of Malvern' is 'Smith of Malvern'), or as the acronym of the
    other ('Association of School and College Leaders' is 'ASCL')."""
    g = fold(gold_name)
    g2 = g.removeprefix("the ")
    if g in names or g2 in names or slugify(gold_name) in names:
        return True
    if any(n.removeprefix("the ") == g2 for n in names):
        return True
    bare = _bare(g)
    return bool(bare) and any(_bare(n) == bare or _acronym(g) == n.replace(" ", "") or _acronym(n) == g.replace(" ", "")
                              for n in names)


def _bare(name: str) -> str:
    words = name.replace(".", " ").split()
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _acronym(name: str) -> str:
    """The initials of a name of three or more main words ('association of directors of children's services' -> 'adcs')."""
    words = [w for w in re.findall(r"[a-z0-9']+", name) if w not in _STOP]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _STOP}


def _target_matches(gold: str, predicted: str, candidate_labels: dict[str, str],
                    names: dict[str, list[frozenset[str]]] | None = None) -> bool:
    if gold == predicted:
        return True
    if not gold.startswith("proposal:?"):
        return False
    name = gold.removeprefix("proposal:?")
    if predicted in candidate_labels:
        gw, pw = _words(name), _words(candidate_labels[predicted])
        return bool(gw and pw) and len(gw & pw) / min(len(gw), len(pw)) >= 0.5
    wanted = _stems(name)
    return bool(wanted) and any(wanted <= known for known in (names or {}).get(predicted, ()))


def _proposal_names(g: nx.MultiDiGraph) -> dict[str, list[frozenset[str]]]:
    """The stemmed words of each taxonomy proposal's label and of each of its aliases."""
    return {n: [_stems(x) for x in (d.get("label", ""), *(d.get("aliases") or [])) if isinstance(x, str)]
            for n, d in g.nodes(data=True) if d.get("kind") == "proposal" and not d.get("candidate")}


_SUFFIXES = ("ments", "ment", "ings", "ing", "ies", "ed", "s")


def _stems(text: str) -> frozenset[str]:
    """Content words with the commonest English endings cut ('recruitment', 'recruiting' -> 'recruit';
    'carers' -> 'carer'), for comparing a gold name with a label that says it another way."""
    out = set()
    for w in _words(text.replace("\u2019s", "").replace("'s", "")):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith("ss"):
                w = w[:-len(suffix)] + ("y" if suffix == "ies" else "")
                break
        out.add(w)
    return frozenset(out)


def format_report(ev: Evaluation, *, show_errors: bool = True) -> str:
    """A plain-text report: the score table, then misses and false positives."""
    lines = [f"{'stance':<9}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'f1':>7}"]
    for name, s in ev.scores.items():
        lines.append(f"{name:<9}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}")
    if show_errors:
        lines.append("")
        lines.append(f"missed ({len(ev.missed)}):")
        lines += [f"  {p}" for p in ev.missed]
        lines.append(f"false positives ({len(ev.false_positives)}):")
        lines += [f"  {p}\t[{c}]" for p, c in ev.false_positives]
    return "\n".join(lines)
