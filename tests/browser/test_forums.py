"""A user describes a situation, reads the forums that could hear it, and makes an ask."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
RANK = {"available": 0, "conditional": 1, "unavailable": 2}


def test_it_finds_forums_and_makes_an_ask(page, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.click("header.top nav >> text=Forums")
    page.wait_for_url("**/w/demo/forums/")
    page.fill("#id_situation", "the crimes against the Rohingya")
    page.check("input[name=crimes][value=genocide]")
    page.check("input[name=crimes][value=crimes_against_humanity]")
    page.fill("#id_territory", "MM, Bangladesh")
    page.fill("#id_period_start", "2016-10-09")
    page.fill("#id_period_end", "2017-12-31")
    page.fill("#id_perpetrator_nationalities", "MM")
    page.fill("#id_victim_nationalities", "MM")
    page.fill("#id_suspect_locations", "MM")
    page.fill("#id_victim_residences", "BD")
    page.check("input[name=suspect_roles][value=military_commander]")
    page.check("input[name=state_responsibility][value=yes]")
    page.click("form.facts button[type=submit]")
    page.wait_for_url("**/forums/results/?**")
    results = page.url

    assert "legal information, not legal advice" in page.inner_text(".notice").casefold()
    statuses = page.eval_on_selector_all("article.finding", "els => els.map(e => e.dataset.status)")
    assert statuses == sorted(statuses, key=RANK.__getitem__)
    assert statuses[0] == "available" and "conditional" in statuses
    icc = page.locator('article.finding[data-forum="icc"]')
    assert icc.get_attribute("data-status") == "available"
    assert "territorial:BD" in icc.inner_text()
    page.screenshot(path=str(tmp_path / "forums.png"), full_page=True)

    # The printable variant: same findings, without the menu and the forms.
    page.click("text=Printable version")
    page.wait_for_url("**print=1")
    assert not page.is_visible("header.top")
    assert not page.locator("form.make-ask").first.is_visible()
    page.go_back()

    page.click('article.finding[data-forum="icc"] form.make-ask button')
    page.wait_for_load_state()
    assert "Added the ask" in page.inner_text(".messages")
    page.goto(results)
    assert "Already an ask" in page.locator('article.finding[data-forum="icc"]').inner_text()
    assert page.csp_errors == []
