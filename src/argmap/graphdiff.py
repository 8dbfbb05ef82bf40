"""What changed between two argument graphs: documents, actors, proposals and claims added and
removed, and every actor whose stance on a proposal changed.

Claims are compared by what they say, not by their ids (``claim:<doc>:<n>`` numbers shift when a
sentence is added above): a claim is the same in both graphs when its document, speaker, stance,
targets and text are. An actor's stance on a proposal is ``support``, ``object``, ``mixed`` (both)
or ``none`` (no claim), from all their claims on it. Pure function over two graphs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.queries import NEUTRAL, GraphIndex, index_of

if TYPE_CHECKING:  # pragma: no cover
    from argmap.queries import GraphLike


@dataclass(frozen=True)
class ClaimRef:
    """A claim as the diff shows it."""

    id: str
    document: str
    speaker: str | None
    stance: str
    targets: tuple[str, ...]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "document": self.document, "speaker": self.speaker, "stance": self.stance,
                "targets": list(self.targets), "text": self.text}


@dataclass(frozen=True)
class StanceDiff:
    """An actor's stance on a proposal in the old and the new graph."""

    actor: str
    name: str
    proposal: str
    label: str
    before: str  # support | object | mixed | none
    after: str

    def to_dict(self) -> dict[str, str]:
        return {"actor": self.actor, "name": self.name, "proposal": self.proposal, "label": self.label,
                "before": self.before, "after": self.after}


@dataclass(frozen=True)
class GraphDiff:
    """Everything that differs between two graphs (ids sorted; labels from the graph they are in)."""

    documents_added: tuple[str, ...]
    documents_removed: tuple[str, ...]
    actors_added: tuple[tuple[str, str], ...]  # (id, name)
    actors_removed: tuple[tuple[str, str], ...]
    proposals_added: tuple[tuple[str, str], ...]  # (id, label)
    proposals_removed: tuple[tuple[str, str], ...]
    claims_added: tuple[ClaimRef, ...]
    claims_removed: tuple[ClaimRef, ...]
    stance_changes: tuple[StanceDiff, ...]

    @property
    def empty(self) -> bool:
        """True when the graphs hold the same documents, actors, proposals, claims and stances."""
        return not any((self.documents_added, self.documents_removed, self.actors_added, self.actors_removed,
                        self.proposals_added, self.proposals_removed, self.claims_added, self.claims_removed,
                        self.stance_changes))

    def to_dict(self) -> dict[str, Any]:
        pairs = lambda rows: [{"id": i, "label": lab} for i, lab in rows]
        return {
            "documents": {"added": list(self.documents_added), "removed": list(self.documents_removed)},
            "actors": {"added": pairs(self.actors_added), "removed": pairs(self.actors_removed)},
            "proposals": {"added": pairs(self.proposals_added), "removed": pairs(self.proposals_removed)},
            "claims": {"added": [c.to_dict() for c in self.claims_added],
                       "removed": [c.to_dict() for c in self.claims_removed]},
            "stance_changes": [s.to_dict() for s in self.stance_changes],
        }


def diff_graphs(old: GraphLike, new: GraphLike) -> GraphDiff:
    """What changed from ``old`` to ``new``."""
    a, b = index_of(old), index_of(new)
    docs_a, docs_b = set(a.by_kind.get("document", [])), set(b.by_kind.get("document", []))
    actors_a, actors_b = set(a.by_kind.get("actor", [])), set(b.by_kind.get("actor", []))
    props_a, props_b = set(a.by_kind.get("proposal", [])), set(b.by_kind.get("proposal", []))
    claims_a, claims_b = _claims(a), _claims(b)
    return GraphDiff(
        documents_added=tuple(sorted(d.removeprefix("doc:") for d in docs_b - docs_a)),
        documents_removed=tuple(sorted(d.removeprefix("doc:") for d in docs_a - docs_b)),
        actors_added=_named(b, actors_b - actors_a), actors_removed=_named(a, actors_a - actors_b),
        proposals_added=_named(b, props_b - props_a), proposals_removed=_named(a, props_a - props_b),
        claims_added=tuple(sorted((claims_b[k] for k in claims_b.keys() - claims_a.keys()), key=_order)),
        claims_removed=tuple(sorted((claims_a[k] for k in claims_a.keys() - claims_b.keys()), key=_order)),
        stance_changes=_stance_changes(a, b),
    )


def _named(ix: GraphIndex, nodes: set[str]) -> tuple[tuple[str, str], ...]:
    return tuple((n, str(ix.nodes[n].get("name") or ix.label(n))) for n in sorted(nodes))


def _claims(ix: GraphIndex) -> dict[tuple[Any, ...], ClaimRef]:
    out: dict[tuple[Any, ...], ClaimRef] = {}
    for c in ix.by_kind.get("claim", []):
        d = ix.nodes[c]
        ref = ClaimRef(c, ix.doc_id(c), ix.speaker.get(c), ix.stance(c),
                       tuple(sorted(p for p, _ in ix.targets.get(c, ()))), " ".join(str(d.get("text") or "").split()))
        out.setdefault((ref.document, ref.speaker, ref.stance, ref.targets, ref.text), ref)
    return out


def _order(c: ClaimRef) -> tuple[str, int, str]:
    tail = c.id.rsplit(":", 1)[-1]
    return c.document, int(tail) if tail.isdigit() else 0, c.id


def _stances(ix: GraphIndex) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim, actor in ix.speaker.items():
        for p, st in ix.targets.get(claim, ()):
            if st != NEUTRAL:
                out[(actor, p)].add(st)
    return out


def _word(stances: set[str] | None) -> str:
    if not stances:
        return "none"
    return "mixed" if len(stances) > 1 else next(iter(stances))


def _stance_changes(a: GraphIndex, b: GraphIndex) -> tuple[StanceDiff, ...]:
    sa, sb = _stances(a), _stances(b)
    rows = []
    for actor, p in sorted(set(sa) | set(sb)):
        before, after = _word(sa.get((actor, p))), _word(sb.get((actor, p)))
        if before != after:
            ix = b if (actor, p) in sb else a
            rows.append(StanceDiff(actor, str(ix.nodes.get(actor, {}).get("name") or ix.label(actor)),
                                   p, ix.label(p), before, after))
    return tuple(rows)


__all__ = ["ClaimRef", "GraphDiff", "StanceDiff", "diff_graphs"]
