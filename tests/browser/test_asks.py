"""A user opens an ask, reads the forecast and the targets, and follows a path to the network."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser


def test_it_shows_the_strategy_and_highlights_a_path_on_the_network(
    page, demo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page.click("nav >> text=Asks")
    page.click("text=Security Council referral of Myanmar to the ICC")
    page.wait_for_url("**/asks/unsc-referral/")

    bar = page.locator(".vote-bar svg")
    assert bar.get_attribute("viewBox") == "0 0 15 10"  # one unit per Council seat
    box = bar.bounding_box()
    assert box is not None and box["width"] > 300
    widths = {
        c: page.get_attribute(f".vote-bar rect.{c}", "width") for c in ("yes", "no", "undecided")
    }
    assert sum(int(w) for w in widths.values()) == 15
    assert "China" in page.inner_text("dd.veto-risks")
    assert page.locator("li.target").count() >= 1
    page.screenshot(path=str(tmp_path / "ask.png"))

    link = page.locator("a.show-path").first
    path = parse_qs(urlparse(link.get_attribute("href")).query)["path"][0].split(",")
    link.click()
    page.wait_for_url("**/network/**")
    page.wait_for_selector("#network[data-ready]")
    on_path = page.evaluate("window.powermapNetwork.nodes('.on-path').map(n => n.data('key'))")
    assert set(on_path) == set(path)
    edges = page.evaluate("window.powermapNetwork.edges('.on-path').length")
    assert edges >= len(path) - 1
    page.screenshot(path=str(tmp_path / "network-path.png"))
    assert page.csp_errors == []


def test_it_marks_a_step_of_the_plan_done_and_keeps_it(page, demo) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{demo.url}/w/demo/asks/uj-germany/")
    assert page.locator("tr#step-witnesses .badge.done").count() == 0
    form = page.locator("tr#progress-witnesses form")
    form.locator("input[name=owner]").fill("Survivors' committee")
    with page.expect_navigation():
        form.locator("button[value=done]").click()
    page.wait_for_url("**/asks/uj-germany/#step-witnesses")
    page.reload()
    row = page.locator("tr#step-witnesses")
    assert "done on" in row.locator(".badge.done").inner_text()
    assert row.locator(".tag.owner").inner_text() == "Survivors' committee"
    assert page.locator("tr#progress-witnesses button[value=undone]").is_visible()
    assert page.csp_errors == []
