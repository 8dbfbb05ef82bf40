"""The explorer's actor network and timeline views, from :mod:`argmap.networks` and :mod:`argmap.timeline`.

:func:`network_view` is the actor congruence network (who takes the same stance on the same
proposals, as ``argmap network`` computes it), its coalitions and the polarisation figure
(``argmap coalitions``), laid out for drawing. :func:`timeline_view` is, for each proposal with
dated claims, support and objection per month and the actors whose stance changed
(``argmap timeline``). Each returns None when the graph has nothing to show (no two actors who
agree; no dated claim).
"""

from __future__ import annotations

from typing import Any

from argmap.export.layout import force_layout
from argmap.queries import GraphIndex

NETWORK_EDGE_LIMIT = 800  #: the strongest ties drawn in the actor network (the rest are counted)


def network_view(ix: GraphIndex) -> dict[str, Any] | None:
    """The congruence network with its coalitions, positions and the polarisation, or None."""
    from argmap import networks

    net = networks.actor_network(ix, "congruence")
    if net.number_of_edges() == 0:
        return None
    groups = networks.coalitions(net)
    of = networks.coalition_of(groups)
    ties = sorted(net.edges(data=True), key=lambda e: (-float(e[2].get("weight", 0)), e[0], e[1]))
    drawn = ties[:NETWORK_EDGE_LIMIT]
    nodes = sorted(net.nodes, key=lambda n: (of.get(n, 99), n))
    boxes = {n: (max(18.0, len(str(net.nodes[n].get("label", n))[:32]) * 3.45), 22.0) for n in nodes}
    layout = force_layout(nodes, [(a, b, float(d.get("weight", 1))) for a, b, d in drawn], boxes=boxes)
    return {
        "title": "Actor congruence network",
        "nodes": {n: {"coalition": of.get(n, 0), "statements": int(net.nodes[n].get("statements", 0)),
                      "support": int(net.nodes[n].get("support", 0)), "object": int(net.nodes[n].get("object", 0))}
                  for n in nodes},
        "edges": [{"a": a, "b": b, "weight": float(d.get("weight", 0)), "conflict": int(d.get("conflict", 0)),
                   "agree": list(d.get("agree", ())), "disagree": list(d.get("disagree", ()))} for a, b, d in drawn],
        "ties": len(ties),
        "layout": {n: list(xy) for n, xy in layout.items()},
        "coalitions": [{"id": c.id, "members": list(c.members), "weight": c.weight,
                        "agreements": [{"proposal": a.proposal, "stance": a.stance, "members": list(a.members)}
                                       for a in c.agreements]} for c in groups],
        "polarisation": networks.polarisation(ix, groups).to_dict(),
        "help": networks.NETWORK_HELP.split(";")[0] + ".",
        "polarisation_help": networks.POLARISATION_HELP,
    }


def timeline_view(ix: GraphIndex) -> dict[str, Any] | None:
    """Support and objection per month for each proposal with dated claims, or None."""
    from argmap.timeline import TIMELINE_HELP, timeline

    by_proposal: dict[str, Any] = {}
    for p in sorted(ix.by_kind.get("proposal", ())):
        if not any(st != "neutral" for _, st in ix.claims_on.get(p, ())):
            continue
        t = timeline(ix, p)
        if not any(r.supporters or r.objectors for r in t.rows):
            continue
        by_proposal[p] = {
            "months": [{"month": r.month, "supporters": list(r.supporters), "objectors": list(r.objectors),
                        "support_claims": r.support_claims, "object_claims": r.object_claims,
                        "changed": list(r.changed)} for r in t.rows],
            "changes": [{"actor": c.actor, "before": c.before, "before_month": c.before_month,
                         "after": c.after, "month": c.month} for c in t.changes],
            "undated": t.undated,
        }
    if not by_proposal:
        return None
    return {"title": "Timeline", "proposals": by_proposal, "help": TIMELINE_HELP}
