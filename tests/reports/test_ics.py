"""The iCalendar export, read back with the icalendar package as a calendar app would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from icalendar import Calendar as ICalendar

from powermap.analysis.calendar import workspace_calendar
from powermap.domain.strategy import (
    Calendar,
    MomentOccurrence,
    MomentSource,
    NextAction,
    Plan,
    PlanStep,
    WorkspaceMoment,
)
from powermap.knowledge import load_knowledge
from powermap.reports.ics import calendar_ics, plan_ics

STAMP = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 12, 10)


def events(data: bytes) -> list[Any]:
    return list(ICalendar.from_ical(data).walk("VEVENT"))


def one_calendar(*occurrences: MomentOccurrence) -> Calendar:
    return Calendar(DAY, DAY + dt.timedelta(days=365), occurrences)


@pytest.mark.parametrize(
    ("occurrence", "summary", "end"),
    [
        (MomentOccurrence("day", "Human Rights Day", DAY, DAY), "Human Rights Day",
         DAY + dt.timedelta(days=1)),
        (MomentOccurrence("s", "Session", DAY, dt.date(2026, 12, 20), estimated=True),
         "Session (estimated)", dt.date(2026, 12, 21)),
        (MomentOccurrence("anniv", "Anniversary (9 years)", DAY, DAY,
                          source=MomentSource.WORKSPACE), "Anniversary (9 years)",
         DAY + dt.timedelta(days=1)),
    ],
)  # fmt: skip
def test_it_writes_all_day_events(occurrence: MomentOccurrence, summary: str, end: dt.date) -> None:
    data = calendar_ics(one_calendar(occurrence), name="Ours", stamp=STAMP)
    parsed = ICalendar.from_ical(data)
    assert str(parsed["PRODID"]).startswith("-//powermap")
    assert str(parsed["VERSION"]) == "2.0"
    [event] = events(data)
    assert str(event["SUMMARY"]) == summary
    assert event["DTSTART"].dt == DAY
    assert event["DTEND"].dt == end  # DTEND is exclusive
    assert event["DTSTAMP"].dt == STAMP
    assert str(event["UID"]) == f"{occurrence.moment}-{DAY:%Y%m%d}@powermap.invalid"


def test_it_says_when_to_prepare_and_what_the_moment_suits() -> None:
    occurrence = MomentOccurrence("m", "M", DAY, DAY, lead_time_days=60,
                                  ask_kinds=("public_statement",), note="Check dates.")  # fmt: skip
    [event] = events(calendar_ics(one_calendar(occurrence), name="Ours", stamp=STAMP))
    text = str(event["DESCRIPTION"])
    assert "Prepare from 2026-10-11 (60 days ahead)." in text
    assert "public_statement" in text and "Check dates." in text


def test_it_exports_a_whole_year_with_unique_stable_uids() -> None:
    kb = load_knowledge()
    own = WorkspaceMoment("anniv", "Anniversary of the clearance operations", dt.date(2017, 8, 25))
    calendar = workspace_calendar(kb, DAY, DAY + dt.timedelta(days=365), [own])
    first = calendar_ics(calendar, name="Ours", stamp=STAMP)
    found = events(first)
    uids = [str(e["UID"]) for e in found]
    assert len(found) == len(calendar.occurrences) > 20
    assert len(set(uids)) == len(uids)
    assert "anniv-20270825@powermap.invalid" in uids
    assert calendar_ics(calendar, name="Ours", stamp=STAMP) == first
    assert b"\r\n" in first  # RFC 5545 line endings


def test_it_exports_a_plan_as_events() -> None:
    step = PlanStep("draft", "Draft", "Lawyer", (), 10, DAY, DAY, DAY + dt.timedelta(days=10), 0,
                    critical=True)  # fmt: skip
    plan = Plan("ask", "kind", "Our ask", "draft", None, DAY + dt.timedelta(days=10), DAY,
                (step,), ("draft",), (NextAction("draft", "Draft", "Lawyer", DAY, "now"),))  # fmt: skip
    [event] = events(plan_ics(plan, name="Plan", stamp=STAMP))
    assert str(event["SUMMARY"]) == "Draft [Lawyer]"
    assert event["DTSTART"].dt == DAY
    assert event["DTEND"].dt == DAY + dt.timedelta(days=10)
