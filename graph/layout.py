"""Node positions for the HTML graph, computed once in Python with numpy, so the page draws at once.

A force-directed layout (Fruchterman–Reingold, vectorized) places the best-connected core; every
other node is placed, in breadth-first order from the core, on a sunflower spiral around its
best-connected placed neighbour (citing documents fan out around what they cite, and each
document's own targets around it). The cost is quadratic in the core only and linear in the rest.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque

import numpy as np

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def force_directed(count: int, edges: np.ndarray, iterations: int = 60, seed: int = 7) -> np.ndarray:
    """Fruchterman–Reingold on ``count`` nodes with ideal distance 1; ``edges`` is an (m, 2) index array."""
    rng = np.random.default_rng(seed)
    side = math.sqrt(count)
    pos = rng.uniform(-side / 2, side / 2, size=(count, 2)).astype(np.float32)
    if count < 2:
        return np.zeros((count, 2), dtype=np.float32)
    temperature = side / 8
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        inverse = 1.0 / (dx * dx + dy * dy + 1e-3)  # repulsion k²/d along the unit vector, k = 1
        disp = np.stack([(dx * inverse).sum(axis=1), (dy * inverse).sum(axis=1)], axis=1)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = d * np.linalg.norm(d, axis=1, keepdims=True)  # attraction d²/k
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= pos * (0.05 / side)  # a little gravity keeps separate components in view
        length = np.linalg.norm(disp, axis=1, keepdims=True) + 1e-9
        pos += disp / length * np.minimum(length, temperature)
        temperature *= 0.95
    return pos


def spread(count: int, edges: list[tuple[int, int]], core_max: int, spacing: float) -> np.ndarray:
    """Positions (count, 2) for nodes 0..count-1, about ``spacing`` apart, for undirected ``edges``."""
    neighbours: list[set[int]] = [set() for _ in range(count)]
    for a, b in edges:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    degree = np.array([len(n) for n in neighbours])
    order = sorted(range(count), key=lambda i: (-degree[i], i))
    core = order[:core_max]
    index = {node: i for i, node in enumerate(core)}
    core_edges = np.array([(index[a], index[b]) for a in core for b in neighbours[a] if b in index and a < b],
                          dtype=int)  # fmt: skip
    pos = np.zeros((count, 2), dtype=np.float64)
    if core:
        pos[core] = force_directed(len(core), core_edges.reshape(-1, 2)) * spacing * 2.2
    placed = np.zeros(count, dtype=bool)
    placed[core] = True
    satellites = _satellites(neighbours, degree, core, placed)
    for anchor, members in satellites.items():
        _sunflower(pos, anchor, members, spacing)
    return pos


def _satellites(neighbours: list[set[int]], degree: np.ndarray, core: list[int], placed: np.ndarray) -> dict:
    """Anchor → the nodes placed around it, breadth-first from the core; unconnected nodes around -1."""
    groups: dict[int, list[int]] = defaultdict(list)
    queue = deque(core)
    while queue:
        node = queue.popleft()
        for other in sorted(neighbours[node], key=lambda m: (-degree[m], m)):
            if not placed[other]:
                placed[other] = True
                groups[node].append(other)
                queue.append(other)
    groups[-1] = [int(i) for i in np.flatnonzero(~placed)]
    return groups


def _sunflower(pos: np.ndarray, anchor: int, members: list[int], spacing: float) -> None:
    """Members on a Vogel spiral around the anchor: even density, no two on one spot."""
    if not members:
        return
    centre = pos[anchor] if anchor >= 0 else np.array([pos[:, 0].max() + spacing * 4, 0.0])
    i = np.arange(1, len(members) + 1)
    radius = spacing * 0.9 * np.sqrt(i + 2)
    pos[members, 0] = centre[0] + radius * np.cos(i * GOLDEN_ANGLE)
    pos[members, 1] = centre[1] + radius * np.sin(i * GOLDEN_ANGLE)
