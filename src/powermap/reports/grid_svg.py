"""Render the power grid as a standalone SVG (it prints, and needs no script)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from powermap.analysis.grid import (
    INFLUENCES,
    STANCES,
    GridGeometry,
    GridPoint,
    place_dots,
)

# One colour per stance, from a colour-blind-safe diverging palette (ColorBrewer RdBu).
STANCE_COLOURS = {-2: "#b2182b", -1: "#ef8a62", 0: "#9e9e9e", 1: "#67a9cf", 2: "#2166ac"}


@dataclass(frozen=True)
class GridLabels:
    """Translated words for the picture; the caller translates, the renderer escapes."""

    title: str
    stance_axis: str
    influence_axis: str
    stances: dict[int, str]
    influences: dict[int, str]


def render_grid_svg(
    points: Sequence[GridPoint],
    labels: GridLabels,
    href_prefix: str,
    geometry: GridGeometry | None = None,
) -> str:
    """Each dot links to `href_prefix` + the actor's id + `/`."""
    geometry = geometry or GridGeometry()
    width = geometry.left + geometry.width + 10
    height = geometry.top + geometry.height + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="power-grid" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" aria-labelledby="grid-title">'
        f'<title id="grid-title">{escape(labels.title)}</title>'
    ]
    parts += _cells(labels, geometry)
    prefix = escape(href_prefix)
    for point, x, y, radius in place_dots(points, geometry):
        key = escape(point.key)
        parts.append(
            f'<a href="{prefix}{key}/" class="dot" data-key="{key}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
            f'fill="{STANCE_COLOURS[point.stance]}"><title>{escape(point.name)}</title></circle></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_count_svg(
    counts: Mapping[tuple[int, int], int],
    labels: GridLabels,
    number: Callable[[int], str] = str,
    geometry: GridGeometry | None = None,
) -> str:
    """The grid for maps too large to draw a dot per actor: each cell, keyed by
    `(stance, influence)`, says how many actors it holds, and is shaded in its stance's
    colour by its share of the fullest cell. `number` formats a count for the reader."""
    geometry = geometry or GridGeometry()
    width = geometry.left + geometry.width + 10
    height = geometry.top + geometry.height + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="power-grid counts" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" aria-labelledby="grid-title">'
        f'<title id="grid-title">{escape(labels.title)}</title>'
    ]
    parts += _cells(labels, geometry)
    fullest = max(counts.values(), default=0)
    for (stance, influence), count in sorted(counts.items()):
        if count <= 0 or stance not in STANCE_COLOURS or influence not in INFLUENCES:
            continue
        x, y = geometry.cell_origin(stance, influence)
        share = 0.15 + 0.75 * count / fullest
        parts.append(
            f'<g class="count" data-cell="{stance},{influence}">'
            f'<rect x="{x + 1:.0f}" y="{y + 1:.0f}" width="{geometry.cell_width - 2:.0f}" '
            f'height="{geometry.cell_height - 2:.0f}" fill="{STANCE_COLOURS[stance]}" '
            f'fill-opacity="{share:.2f}"/>'
            f'<text x="{x + geometry.cell_width / 2:.0f}" y="{y + geometry.cell_height / 2 + 6:.0f}" '
            f'text-anchor="middle" font-size="18" font-weight="bold">{escape(number(count))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _cells(labels: GridLabels, g: GridGeometry) -> list[str]:
    out = []
    for stance in STANCES:
        for influence in INFLUENCES:
            x, y = g.cell_origin(stance, influence)
            out.append(
                f'<rect class="cell" x="{x:.0f}" y="{y:.0f}" width="{g.cell_width:.0f}" '
                f'height="{g.cell_height:.0f}" fill="none" stroke="#d0d0d0"/>'
            )
    bottom = g.top + g.height
    for stance in STANCES:
        x, _ = g.cell_origin(stance, 0)
        out.append(
            f'<text x="{x + g.cell_width / 2:.0f}" y="{bottom + 18:.0f}" '
            f'text-anchor="middle" font-size="12">{escape(labels.stances[stance])}</text>'
        )
    for influence in INFLUENCES:
        _, y = g.cell_origin(0, influence)
        out.append(
            f'<text x="{g.left - 8:.0f}" y="{y + g.cell_height / 2 + 4:.0f}" '
            f'text-anchor="end" font-size="12">{influence} {escape(labels.influences[influence])}</text>'
        )
    out.append(
        f'<text x="{g.left + g.width / 2:.0f}" y="{bottom + 44:.0f}" text-anchor="middle" '
        f'font-size="13" font-weight="bold">{escape(labels.stance_axis)}</text>'
    )
    out.append(
        f'<text x="14" y="{g.top + g.height / 2:.0f}" text-anchor="middle" font-size="13" '
        f'font-weight="bold" transform="rotate(-90 14 {g.top + g.height / 2:.0f})">'
        f"{escape(labels.influence_axis)}</text>"
    )
    return out


def render_grid_table(
    points: Sequence[GridPoint], labels: GridLabels, href_prefix: str,
    headers: tuple[str, str, str],
) -> str:  # fmt: skip
    """The grid as a table for screen readers: one row per actor, strongest first.

    Built here rather than in a template: at 10,000 actors the template engine took
    most of the page's time.
    """
    rows = sorted(points, key=lambda p: (-p.influence, -p.stance, p.name.casefold()))
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    prefix = escape(href_prefix)
    stance = {value: f"{value:+d} {escape(label)}" for value, label in labels.stances.items()}
    body = "".join(
        f'<tr><td><a href="{prefix}{escape(p.key)}/">{escape(p.name)}</a></td>'
        f"<td>{p.influence}</td><td>{stance[p.stance]}</td></tr>"
        for p in rows
    )
    return f"<table><caption>{escape(labels.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
