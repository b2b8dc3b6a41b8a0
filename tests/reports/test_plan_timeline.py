"""The plan's timeline: every step on one scale of days, in the order to work on them."""

from __future__ import annotations

import datetime as dt

from powermap.domain.strategy import Plan, PlanStep
from powermap.reports.plan_timeline import plan_timeline

D = dt.date(2026, 1, 1)


def step(sid: str, earliest: int, latest: int, deadline: int, *after: str) -> PlanStep:
    return PlanStep(id=sid, title=sid.title(), owner="us", depends_on=after,
                    lead_time_days=deadline - latest, earliest_start=D + dt.timedelta(earliest),
                    latest_start=D + dt.timedelta(latest), deadline=D + dt.timedelta(deadline),
                    slack_days=latest - earliest, critical=latest == earliest)  # fmt: skip


def test_it_places_each_step_on_a_shared_scale() -> None:
    steps = (step("vote", 60, 60, 61, "lobby", "draft"), step("draft", 0, 20, 40),
             step("lobby", 0, 0, 60))  # fmt: skip
    plan = Plan(ask="a", ask_kind="k", title="A", anchor_step="vote", moment=None,
                decision_date=D + dt.timedelta(61), start_date=D, steps=steps,
                critical_path=("lobby", "vote"), next_actions=())  # fmt: skip
    timeline = plan_timeline(plan, today=D + dt.timedelta(10))
    assert (timeline.days, timeline.decision_x, timeline.today_x) == (61, 61, 10)
    assert [b.step.id for b in timeline.bars] == ["lobby", "draft", "vote"]
    draft = timeline.bars[1]
    assert (draft.slack_x, draft.slack_width, draft.x, draft.width) == (0, 20, 20, 20)
    assert [d.id for d in timeline.bars[2].depends_on] == ["lobby", "draft"]
    assert [s.id for s in timeline.critical_path] == ["lobby", "vote"]
    assert plan_timeline(plan, today=D - dt.timedelta(1)).today_x is None
