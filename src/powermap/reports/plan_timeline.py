"""The plan as a timeline: one bar per step on a shared scale of days, for drawing.

Pure geometry, no markup: the web page draws each row as a small SVG whose view box is
`days` wide, so no style attribute is needed (the CSP forbids them). A step's bar runs
from its latest start to its deadline (when it must be worked on); its slack runs from
the earliest start to the latest start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from powermap.domain.strategy import Plan, PlanStep


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One step's row, in days from the timeline's first day."""

    step: PlanStep
    depends_on: tuple[PlanStep, ...]
    slack_x: int
    slack_width: int
    x: int
    width: int


@dataclass(frozen=True, slots=True)
class Timeline:
    first_day: dt.date
    last_day: dt.date
    days: int  # the width of every row's view box
    decision_x: int
    today_x: int | None  # None when today is outside the timeline
    bars: tuple[TimelineBar, ...]
    critical_path: tuple[PlanStep, ...]


def plan_timeline(plan: Plan, today: dt.date) -> Timeline:
    """Bars for every step, ordered by latest start, on a scale from the first to the last day."""
    first = min([plan.start_date, *(s.earliest_start for s in plan.steps)])
    last = max([plan.decision_date, *(s.deadline for s in plan.steps)])
    days = max((last - first).days, 1)

    def at(day: dt.date) -> int:
        return (day - first).days

    by_id = {s.id: s for s in plan.steps}
    bars = tuple(
        TimelineBar(
            step=s,
            depends_on=tuple(by_id[d] for d in s.depends_on if d in by_id),
            slack_x=at(s.earliest_start),
            slack_width=max(at(s.latest_start) - at(s.earliest_start), 0),
            x=at(s.latest_start),
            width=max(at(s.deadline) - at(s.latest_start), 1),
        )  # fmt: skip
        for s in sorted(plan.steps, key=lambda s: (s.latest_start, s.deadline, s.id))
    )
    return Timeline(
        first_day=first, last_day=last, days=days, decision_x=at(plan.decision_date),
        today_x=at(today) if first <= today <= last else None, bars=bars,
        critical_path=tuple(by_id[s] for s in plan.critical_path if s in by_id),
    )  # fmt: skip
