"""The strategy calendar as iCalendar (RFC 5545), for calendar apps to import.

Each occurrence is an all-day event (DTSTART and DTEND as dates, DTEND the day after the
last day, as RFC 5545 counts it). UIDs are stable, so importing a newer export updates
events instead of duplicating them. Estimated dates say so in the summary.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar as ICalendar
from icalendar import Event

from powermap.domain.strategy import Calendar, MomentOccurrence, Plan

PRODID = "-//powermap//strategy calendar//EN"
UID_DOMAIN = "powermap.invalid"  # a reserved domain: the UID names no real host


def calendar_ics(calendar: Calendar, *, name: str, stamp: dt.datetime) -> bytes:
    """The calendar's occurrences as one VCALENDAR; `stamp` is the DTSTAMP (UTC)."""
    ical = _new(name)
    for occurrence in calendar.occurrences:
        ical.add_component(_event(occurrence, stamp))
    data: bytes = ical.to_ical()
    return data


def plan_ics(plan: Plan, *, name: str, stamp: dt.datetime) -> bytes:
    """The plan's steps as events from latest start to deadline, and the decision day."""
    ical = _new(name)
    for step in plan.steps:
        event = Event()
        event.add("uid", f"{plan.ask}-{step.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", step.latest_start)
        event.add("dtend", max(step.deadline, step.latest_start + dt.timedelta(days=1)))
        event.add("summary", f"{step.title} [{step.owner}]")
        event.add("description", f"Start by {step.latest_start}, finish by {step.deadline}; "
                                 f"slack {step.slack_days} days. Ask: {plan.title}.")  # fmt: skip
        event.add("transp", "TRANSPARENT")
        ical.add_component(event)
    data: bytes = ical.to_ical()
    return data


def _new(name: str) -> ICalendar:
    ical = ICalendar()
    ical.add("prodid", PRODID)
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("x-wr-calname", name)
    return ical


def _event(o: MomentOccurrence, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"{o.moment}-{o.start:%Y%m%d}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", o.start)
    event.add("dtend", o.end + dt.timedelta(days=1))
    event.add("summary", f"{o.name} (estimated)" if o.estimated else o.name)
    event.add("description", _description(o))
    event.add("categories", [o.source.value, *([o.body] if o.body else [])])
    event.add("transp", "TRANSPARENT")  # a moment does not make anyone busy
    return event


def _description(o: MomentOccurrence) -> str:
    parts = [o.description]
    if o.lead_time_days:
        prepare = o.start - dt.timedelta(days=o.lead_time_days)
        parts.append(f"Prepare from {prepare.isoformat()} ({o.lead_time_days} days ahead).")
    if o.ask_kinds:
        parts.append("Suits: " + ", ".join(o.ask_kinds) + ".")
    if o.note:
        parts.append(o.note)
    return "\n\n".join(p for p in parts if p)
