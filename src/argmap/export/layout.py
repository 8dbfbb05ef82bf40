"""Node positions for drawing a weighted network: a force-directed layout computed once, in Python.

The explorer draws its overview from positions computed here, so the page does no layout work
when it opens and the same graph always gives the same picture. :func:`force_layout` is a
Fruchterman-Reingold spring layout (edges pull, every pair of nodes pushes, a weak pull to the
centre keeps separate pieces together) started from a deterministic circle; it is vectorised
with numpy (a dependency of spaCy, so always installed with argmap) and costs O(n²) memory per
step, so graphs above :data:`FORCE_LIMIT` nodes get :func:`ring_layout` instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

FORCE_LIMIT = 800  #: more nodes than this in one piece: ring_layout (force_layout costs n² time and memory per step)
BUDGET_NODES = 250  #: pieces bigger than this get proportionally fewer layout steps (each costs n²)
MIN_STEPS = 40
SPACING = 150.0  #: the target distance between linked nodes, in drawing units (pixels at zoom 1)


def force_layout(nodes: Sequence[str], edges: Iterable[tuple[str, str, float]], *,
                 boxes: Mapping[str, tuple[float, float]] | None = None,
                 iterations: int = 300) -> dict[str, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` for ``nodes`` linked by ``edges`` ``(a, b, weight)``.

    Deterministic: the result depends only on the order of ``nodes`` and on the edges. Each
    connected piece is laid out on its own (linked nodes about :data:`SPACING` apart, then pushed
    apart until no two of their ``boxes`` overlap: half width and half height in drawing units,
    default 10 x 10), and the pieces are packed in rows, biggest first. Coordinates are rounded
    to one decimal and centred on (0, 0).
    """
    nodes = list(dict.fromkeys(nodes))
    edges = list(edges)
    boxes = boxes or {}
    pieces = [_piece(part, edges, boxes, iterations) for part in components(nodes, edges)]
    placed = _pack(pieces, boxes)
    if not placed:
        return {}
    xs = [x for x, _ in placed.values()]
    ys = [y for _, y in placed.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (round(placed[v][0] - cx, 1), round(placed[v][1] - cy, 1)) for v in nodes}


def components(nodes: Sequence[str], edges: Iterable[tuple[str, str, float]]) -> list[list[str]]:
    """The connected pieces of the graph, each in the order of ``nodes``, biggest first."""
    parent = {v: v for v in nodes}

    def root(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for a, b, _ in edges:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for v in nodes:
        groups.setdefault(root(v), []).append(v)
    return sorted(groups.values(), key=lambda g: -len(g))


def _pack(pieces: list[dict[str, tuple[float, float]]], boxes: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Place laid-out pieces side by side in rows (shelf packing), the first one top left."""
    frames = []
    for piece in pieces:
        x0 = min(x - boxes.get(v, (10.0, 10.0))[0] for v, (x, _) in piece.items())
        x1 = max(x + boxes.get(v, (10.0, 10.0))[0] for v, (x, _) in piece.items())
        y0 = min(y - boxes.get(v, (10.0, 10.0))[1] for v, (_, y) in piece.items())
        y1 = max(y + boxes.get(v, (10.0, 10.0))[1] for v, (_, y) in piece.items())
        frames.append((x0, y0, x1 - x0, y1 - y0))
    gap = SPACING * 0.4
    row_width = max([frames[0][2]] + [math.sqrt(sum(w * h for *_, w, h in frames)) * 1.3]) if frames else 0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for piece, (x0, y0, w, h) in zip(pieces, frames, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for v, (px, py) in piece.items():
            out[v] = (px - x0 + x, py - y0 + y)
        x += w + gap
        row_height = max(row_height, h)
    return out


def _piece(nodes: list[str], edges: list[tuple[str, str, float]], boxes: Mapping[str, tuple[float, float]],
           iterations: int) -> dict[str, tuple[float, float]]:
    """The layout of one connected piece (unrounded, not centred)."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n > FORCE_LIMIT:
        return ring_layout(nodes)
    import numpy as np

    index = {v: i for i, v in enumerate(nodes)}
    weight = np.zeros((n, n))
    for a, b, w in edges:
        i, j = index.get(a), index.get(b)
        if i is None or j is None or i == j:
            continue
        weight[i, j] += w
        weight[j, i] += w
    weight = np.sqrt(weight)  # many claims pull harder, but not linearly harder

    # start on a circle, nodes in their given order, with a little deterministic wobble
    angle = np.arange(n) * (2 * math.pi / n)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * math.sqrt(n) * 0.5
    pos += np.stack([np.sin(np.arange(n) * 12.9898), np.cos(np.arange(n) * 78.233)], axis=1) * 0.05

    iterations = _budget(iterations, n)
    k = 2.0 / math.sqrt(n)  # ideal distance in layout units
    temperature = math.sqrt(n) * 0.1
    cool = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.sqrt((delta ** 2).sum(axis=2)), 0.01)
        repulse = (k * k) / dist
        np.fill_diagonal(repulse, 0.0)
        attract = weight * dist * dist / k
        disp = (((repulse - attract) / dist)[:, :, None] * delta).sum(axis=1)
        disp -= pos * 0.05 * k  # gravity: keeps components together
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature - cool, cool)
    pos = _scaled(pos, edges_of(weight))
    half = np.array([boxes.get(v, (10.0, 10.0)) for v in nodes], dtype=float)
    pos = remove_overlaps(pos, half, passes=_budget(800, n))
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, pos.tolist(), strict=True)}


def _budget(steps: int, n: int) -> int:
    """Fewer steps for big pieces: each step costs n² (full quality up to BUDGET_NODES nodes)."""
    return max(MIN_STEPS, min(steps, int(steps * (BUDGET_NODES / n) ** 2)))


def remove_overlaps(pos, half, *, pad: float = 6.0, passes: int = 800, max_step: float = 30.0):
    """Push apart boxes (centres ``pos``, half sizes ``half``; numpy arrays n x 2) until none
    overlap (or ``passes`` run out), each pair along the axis where it overlaps least, no node
    moving more than ``max_step`` per pass."""
    import numpy as np

    pos = pos.copy()
    n = len(pos)
    tie = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(float)  # who goes which way on a tie
    for _ in range(passes):
        delta = pos[:, None, :] - pos[None, :, :]
        need = half[:, None, :] + half[None, :, :] + pad
        over = need - np.abs(delta)
        clash = (over[:, :, 0] > 0) & (over[:, :, 1] > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        along_x = over[:, :, 0] < over[:, :, 1]
        sign = np.sign(delta)
        sign = np.where(sign == 0, tie[:, :, None], sign)
        push = np.zeros_like(delta)
        push[:, :, 0] = np.where(clash & along_x, over[:, :, 0] * sign[:, :, 0], 0.0)
        push[:, :, 1] = np.where(clash & ~along_x, over[:, :, 1] * sign[:, :, 1], 0.0)
        step = push.sum(axis=1) * 0.5
        length = np.maximum(np.hypot(step[:, 0], step[:, 1]), 1e-9)
        pos += step * (np.minimum(length, max_step) / length)[:, None]
    return pos


def edges_of(weight) -> list[tuple[int, int]]:
    """The linked pairs (i < j) of a symmetric weight matrix."""
    import numpy as np

    ii, jj = np.nonzero(np.triu(weight, 1))
    return list(zip(ii.tolist(), jj.tolist(), strict=True))


def ring_layout(nodes: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Positions on a spiral, in the given order (for graphs too big for the force layout)."""
    out = {}
    for i, v in enumerate(nodes):
        r = SPACING * 0.6 * math.sqrt(i + 1)
        a = i * 2.399963  # the golden angle: even spacing without rings lining up
        out[v] = (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
    return out


def _scaled(pos, linked: list[tuple[int, int]]):
    """Scale layout units to drawing units: the median linked pair ends up SPACING apart."""
    import numpy as np

    lengths = sorted(float(np.hypot(*(pos[i] - pos[j]))) for i, j in linked)
    if lengths:
        typical = lengths[len(lengths) // 2]
    else:
        typical = float(np.hypot(*(pos.max(axis=0) - pos.min(axis=0)))) / max(math.sqrt(len(pos)), 1)
    return pos * (SPACING / typical if typical > 1e-9 else 1.0)
