"""A user logs in, adds an actor, and finds it on the grid and in the network."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_it_creates_an_actor_and_finds_it_on_the_grid_and_network(page, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.click("text=Add an actor")
    page.fill("#id_name", "Ambassador Kofi Mensah")
    page.select_option("#id_kind", "person")
    page.fill("#id_tags", "diplomat")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/actors/ambassador-kofi-mensah/")

    page.click("text=Record an assessment")
    page.select_option("#id_stance", "1")
    page.select_option("#id_influence", "4")
    page.click("form.stacked button[type=submit]")
    page.click("text=Add a relationship")
    page.fill("#id_target", "state:GH")
    page.select_option("#id_type", "represents")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/actors/ambassador-kofi-mensah/")

    page.goto(f"{demo.url}/w/demo/grid/")
    dot = page.locator('a.dot[data-key="ambassador-kofi-mensah"] circle')
    assert dot.count() == 1
    page.screenshot(path=str(tmp_path / "grid.png"), full_page=True)

    page.goto(f"{demo.url}/w/demo/network/?ego=ambassador-kofi-mensah&hops=1")
    page.wait_for_selector("#network[data-ready]")
    keys = page.evaluate("window.powermapNetwork.nodes().map(n => n.data('key'))")
    assert set(keys) == {"ambassador-kofi-mensah", "state:GH"}
    page.screenshot(path=str(tmp_path / "network.png"))
    assert (tmp_path / "network.png").stat().st_size > 5000
    assert page.csp_errors == []


def test_it_saves_dragged_positions(page, demo) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{demo.url}/w/demo/network/?ego=uk-desk&hops=1")
    page.wait_for_selector("#network[data-ready]")
    # Move the node the way Cytoscape does at the end of a drag: a new position, then
    # the `dragfree` event that our graph-view.js listens to.
    drag = """() => { const n = window.powermapNetwork.$('node[key = "uk-desk"]');
        n.position({x: n.position('x') + 80, y: n.position('y') + 40}); n.emit('dragfree');
        return n.position(); }"""
    with page.expect_response("**/network/positions/", timeout=10000) as saved:
        moved = page.evaluate(drag)
    assert saved.value.status == 200  # reading the body can stall in Playwright; the reload checks it
    page.reload()
    page.wait_for_selector("#network[data-ready]")
    again = page.evaluate("() => window.powermapNetwork.$('node[key = \"uk-desk\"]').position()")
    assert abs(again["x"] - moved["x"]) < 1 and abs(again["y"] - moved["y"]) < 1


def test_it_renders_arabic_right_to_left(page, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.select_option("#language-select", "ar")
    page.click("form.language button")
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    assert "الجهات الفاعلة" in page.inner_text("h1")
    # In a right-to-left page the navigation starts at the right edge.
    brand = page.locator("a.brand").bounding_box()
    assert brand["x"] > 640
    page.screenshot(path=str(tmp_path / "arabic.png"))
