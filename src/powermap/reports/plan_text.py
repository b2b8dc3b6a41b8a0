"""Plain-text renderings for the command line: the plan, the targets and the calendar.

Also the plan as plain data (`plan_document`) for `powermap plan --json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from powermap.domain.strategy import (
    Calendar,
    MomentOccurrence,
    Plan,
    PlanStep,
    Ranking,
    Target,
)

INDENT = "    "


def plan_text(plan: Plan) -> str:
    """The plan: moment, next three things to do, the steps with their dates, why."""
    lines = [f"Plan for {plan.title} ({plan.ask}, {plan.ask_kind})", ""]
    lines.append(f"Decision: {plan.decision_date.isoformat()}"
                 + (f" within {plan.moment.name}" if plan.moment else " (no moment)"))  # fmt: skip
    lines.append(f"Start: {plan.start_date.isoformat()}")
    lines += ["", "Next three things to do:"]
    for n, action in enumerate(plan.next_actions, 1):
        lines.append(f"  {n}. {action.title} [{action.owner}]: {action.why}")
    lines += ["", "Steps (earliest start / latest start / deadline):"]
    lines += [_step_line(s, plan) for s in plan.steps]
    lines += ["", "Critical path: " + " -> ".join(plan.critical_path)]
    lines += _section("Why", plan.reasons)
    lines += _section("Warnings", plan.warnings)
    lines += _section("Other suitable moments before the decision",
                      (f"{_span(o)}: {o.name}" for o in plan.other_moments))  # fmt: skip
    return "\n".join(lines) + "\n"


def _step_line(s: PlanStep, plan: Plan) -> str:
    done = f"done on {s.done_on.isoformat()}" if s.done_on else "done"
    marks = [m for m, on in (("critical", s.critical), ("decision", s.id == plan.anchor_step),
                             ("after the decision", s.after_decision), (done, s.done)) if on]  # fmt: skip
    flag = f" ({', '.join(marks)})" if marks else ""
    deps = f" after {', '.join(s.depends_on)}" if s.depends_on else ""
    return (f"  {s.id}: {s.title} [{s.owner}]{flag}\n{INDENT}{s.earliest_start} / "
            f"{s.latest_start} / {s.deadline}, {s.lead_time_days} days, slack "
            f"{s.slack_days}{deps}")  # fmt: skip


def _section(title: str, items: Iterable[str]) -> list[str]:
    items = list(items)
    return ["", f"{title}:", *(f"  - {item}" for item in items)] if items else []


def _span(o: MomentOccurrence) -> str:
    return o.start.isoformat() if o.start == o.end else f"{o.start} to {o.end}"


def plan_document(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (dates as ISO text) for `powermap plan --json`."""
    return {
        "ask": plan.ask,
        "ask_kind": plan.ask_kind,
        "title": plan.title,
        "anchor_step": plan.anchor_step,
        "moment": _occurrence(plan.moment) if plan.moment else None,
        "decision_date": plan.decision_date.isoformat(),
        "start_date": plan.start_date.isoformat(),
        "critical_path": list(plan.critical_path),
        "next_actions": [
            {"step": a.step, "title": a.title, "owner": a.owner,
             "start_by": a.start_by.isoformat(), "why": a.why}
            for a in plan.next_actions
        ],
        "steps": [_step(s) for s in plan.steps],
        "reasons": list(plan.reasons),
        "warnings": list(plan.warnings),
        "other_moments": [_occurrence(o) for o in plan.other_moments],
    }  # fmt: skip


def _step(s: PlanStep) -> dict[str, Any]:
    return {
        "id": s.id, "title": s.title, "owner": s.owner, "depends_on": list(s.depends_on),
        "lead_time_days": s.lead_time_days, "earliest_start": s.earliest_start.isoformat(),
        "latest_start": s.latest_start.isoformat(), "deadline": s.deadline.isoformat(),
        "slack_days": s.slack_days, "critical": s.critical,
        "after_decision": s.after_decision, "done": s.done,
        "done_on": s.done_on.isoformat() if s.done_on else None,
    }  # fmt: skip


def _occurrence(o: MomentOccurrence) -> dict[str, Any]:
    return {
        "moment": o.moment, "name": o.name, "start": o.start.isoformat(),
        "end": o.end.isoformat(), "source": o.source.value, "estimated": o.estimated,
        "holder": o.holder, "note": o.note,
    }  # fmt: skip


def targets_text(ranking: Ranking) -> str:
    """The ranking for reading: forecast, targets with reasons, paths, arguments, allies."""
    lines = [f"Targets for {ranking.ask} ({ranking.ask_kind})",
             f"Decision: {ranking.body or 'no single body'}, {ranking.decision_rule_text}"]  # fmt: skip
    f = ranking.forecast
    if f is not None:
        lines += ["", f"Forecast: {f.yes} yes, {f.no} no, {f.undecided} undecided of {f.seats}: "
                      f"{f.outcome.value.replace('_', ' ')}", f"  {f.to_pass}"]  # fmt: skip
        if f.veto_risk:
            lines.append(f"  Veto risk: {', '.join(f.veto_risk)}")
    lines += ["", "Targets, best first:"]
    for n, target in enumerate(ranking.targets, 1):
        lines += _target_lines(n, target)
    lines += _section("Allies to mobilise",
                      (f"{a.name} ({a.actor}): {a.reasons[0]}" for a in ranking.allies))  # fmt: skip
    lines += _section("Notes", ranking.notes)
    return "\n".join(lines) + "\n"


def _target_lines(n: int, t: Target) -> list[str]:
    stance = "unknown" if t.stance.stance is None else f"{t.stance.stance:+d}"
    pin = ", pinned" if t.pinned else ""
    lines = [f"{n:>3}. {t.name} ({t.actor}): {t.role.value}, score {t.score:.2f}, "
             f"stance {stance}{pin}"]  # fmt: skip
    lines += [f"{INDENT}- {reason}" for reason in t.reasons]
    lines += [f"{INDENT}path: {p.describe()}" for p in t.paths[1:]]
    lines += [f"{INDENT}argument {a.id}: {a.why}" for a in t.arguments]
    return lines


def calendar_text(calendar: Calendar) -> str:
    """One line per occurrence, then the moments without dates."""
    lines = [f"Calendar {calendar.start.isoformat()} to {calendar.end.isoformat()}", ""]
    for o in calendar.occurrences:
        mark = " (estimated)" if o.estimated else ""
        prepare = _prepare_from(o)
        lines.append(f"{_span(o)}: {o.name}{mark}{prepare}")
    lines += _section("Without known dates",
                      (f"{u.name}: {u.typical or 'dates not published'}" for u in calendar.undated))  # fmt: skip
    return "\n".join(lines) + "\n"


def _prepare_from(o: MomentOccurrence) -> str:
    if not o.lead_time_days:
        return ""
    return f"; prepare from {(o.start - dt.timedelta(days=o.lead_time_days)).isoformat()}"
