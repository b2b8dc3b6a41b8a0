"""The power grid's pictures: one dot per actor, or a count per cell for huge maps."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from powermap.analysis.grid import GridPoint
from powermap.reports.grid_svg import GridLabels, render_count_svg, render_grid_svg

LABELS = GridLabels(
    title="Grid <test>",
    stance_axis="Stance",
    influence_axis="Influence",
    stances={-2: "a", -1: "b", 0: "c", 1: "d", 2: "e"},
    influences={0: "0", 1: "1", 2: "2", 3: "3", 4: "4", 5: "5"},
)
SVG = "{http://www.w3.org/2000/svg}"


def test_a_count_per_cell_shaded_by_its_share_of_the_fullest() -> None:
    svg = render_count_svg({(2, 5): 1200, (-1, 0): 300, (0, 3): 0}, LABELS, lambda n: f"{n:,}")
    root = ET.fromstring(svg)  # noqa: S314  # our own output; well-formed, title escaped
    cells = {g.get("data-cell"): g for g in root.iter(f"{SVG}g")}
    assert set(cells) == {"2,5", "-1,0"}  # an empty cell has no count
    texts = {k: g.find(f"{SVG}text").text for k, g in cells.items()}  # type: ignore[union-attr]
    assert texts == {"2,5": "1,200", "-1,0": "300"}
    opacity = {k: float(g.find(f"{SVG}rect").get("fill-opacity")) for k, g in cells.items()}  # type: ignore[union-attr, arg-type]
    assert opacity["2,5"] > opacity["-1,0"] > 0


def test_a_dot_per_actor_links_to_it() -> None:
    svg = render_grid_svg([GridPoint("a&b", "A <b>", 1, 2)], LABELS, "/w/x/actors/")
    root = ET.fromstring(svg)  # noqa: S314  # our own output
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["/w/x/actors/a&b/"]
