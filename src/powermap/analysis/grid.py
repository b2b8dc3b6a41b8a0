"""The power grid: influence (vertical) against stance (horizontal), one dot per actor.

Actors in the same cell are packed in rows inside the cell, in a stable order, so the
picture does not jump between visits and every dot stays clickable.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from powermap.domain.vocab import INFLUENCE_MAX, INFLUENCE_MIN, STANCE_MAX, STANCE_MIN

STANCES = range(STANCE_MIN, STANCE_MAX + 1)
INFLUENCES = range(INFLUENCE_MIN, INFLUENCE_MAX + 1)


@dataclass(frozen=True, slots=True)
class GridPoint:
    key: str
    name: str
    stance: int
    influence: int


class PlacedDot(NamedTuple):
    """A NamedTuple, not a frozen dataclass: a big map places tens of thousands of them."""

    point: GridPoint
    x: float
    y: float
    radius: float


@dataclass(frozen=True, slots=True)
class GridGeometry:
    """Where the plotting area sits inside the SVG and how big a cell is."""

    left: float = 150.0
    top: float = 20.0
    cell_width: float = 150.0
    cell_height: float = 80.0

    @property
    def width(self) -> float:
        return self.cell_width * len(STANCES)

    @property
    def height(self) -> float:
        return self.cell_height * len(INFLUENCES)

    def cell_origin(self, stance: int, influence: int) -> tuple[float, float]:
        column = stance - STANCE_MIN
        row = INFLUENCE_MAX - influence  # high influence at the top
        return self.left + column * self.cell_width, self.top + row * self.cell_height


def place_dots(points: Iterable[GridPoint], geometry: GridGeometry) -> list[PlacedDot]:
    """Lay out every point inside its (stance, influence) cell.

    A cell with n dots gets a grid of ceil(sqrt(n * w/h)) columns; the dot radius
    shrinks with the spacing so that dots never overlap.
    """
    cells: dict[tuple[int, int], list[GridPoint]] = defaultdict(list)
    for point in points:
        cells[(point.stance, point.influence)].append(point)
    placed = []
    for (stance, influence), members in cells.items():
        members.sort(key=lambda p: (p.name.casefold(), p.key))
        placed += _pack(members, *geometry.cell_origin(stance, influence), geometry)
    return placed


def _pack(
    members: list[GridPoint], x0: float, y0: float, geometry: GridGeometry
) -> list[PlacedDot]:
    pad = 8.0
    width, height = geometry.cell_width - 2 * pad, geometry.cell_height - 2 * pad
    count = len(members)
    columns = max(1, math.ceil(math.sqrt(count * width / height)))
    rows = math.ceil(count / columns)
    step_x, step_y = width / columns, height / max(rows, 1)
    radius = max(0.8, min(7.0, 0.42 * min(step_x, step_y)))
    return [
        PlacedDot(
            point,
            x0 + pad + (i % columns + 0.5) * step_x,
            y0 + pad + (i // columns + 0.5) * step_y,
            radius,
        )
        for i, point in enumerate(members)
    ]
