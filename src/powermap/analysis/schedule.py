"""Plans: an ask kind's blueprint scheduled backward from the next suitable moment.

The rule:

1. The blueprint's steps form a DAG; each step takes its `lead_time_days`.
2. One step must land on the moment (the *anchor*: a vote, a filing, a session). Unless
   the group names it, it is the last short step (30 days or less) of the blueprint, a
   short follow-up that only waits for it excepted; failing that, the step that comes
   after most others. Steps that depend on the anchor are follow-ups, scheduled after it.
3. The anchor finishes on the last day of the moment's occurrence (the decision falls
   within the session, the month or on the day). Every earlier step finishes before the
   latest start of the steps that need it (as late as possible, ALAP); the earliest
   dates run forward from the plan's start (ASAP). Slack is the difference; the steps
   with none are the critical path.
4. The moment is the first suitable occurrence (from the ask kind's moments, or any that
   names the ask or its kind; only the group's chosen moment when it chose one) that
   leaves time for the whole critical path from today and, when the group set a
   deadline, ends on or before it. For a rotating presidency, a month held by a
   supportive state (stance +1 or more) within six months of the first feasible one is
   preferred.
5. With no suitable moment in time, the plan is scheduled to the deadline, or runs
   forward from today when there is none or it cannot be met, and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from graphlib import CycleError, TopologicalSorter

from powermap.domain.actors import Ask
from powermap.domain.messages import joined, say, say_plural
from powermap.domain.strategy import MomentOccurrence, NextAction, Plan, PlanOptions, PlanStep
from powermap.knowledge.models import AskKind, Step

EVENT_DAYS = 30
DEFAULT_LEAD_DAYS = 7
PREFER_SUPPORTIVE_WITHIN_DAYS = 183


@dataclass(frozen=True, slots=True)
class Blueprint:
    """The steps of an ask kind, checked to form a DAG, in a topological order."""

    steps: Mapping[str, Step]
    order: tuple[str, ...]
    dependents: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, kind: AskKind) -> Blueprint:
        steps = {s.id: s for s in kind.steps}
        for s in kind.steps:
            missing = set(s.depends_on) - steps.keys()
            if missing:
                raise ValueError(f"step {s.id!r} depends on unknown step(s) {sorted(missing)}")
        try:
            order = tuple(
                TopologicalSorter({s.id: s.depends_on for s in kind.steps}).static_order()
            )
        except CycleError as error:
            raise ValueError(f"the steps of {kind.id!r} form a cycle: {error.args[1]}") from error
        dependents = {sid: tuple(d for d in order if sid in steps[d].depends_on) for sid in order}
        return cls(steps, order, dependents)

    def ancestors(self, step_id: str) -> set[str]:
        found: set[str] = set()
        todo = list(self.steps[step_id].depends_on)
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.steps[current].depends_on)
        return found

    def descendants(self, step_id: str) -> set[str]:
        found: set[str] = set()
        todo = list(self.dependents[step_id])
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.dependents[current])
        return found


def lead(step: Step) -> int:
    return DEFAULT_LEAD_DAYS if step.lead_time_days is None else step.lead_time_days


def choose_anchor(blueprint: Blueprint) -> str:
    """The step that must land on the moment (rule 2 of the module docstring)."""
    steps = blueprint.steps

    def is_event(sid: str) -> bool:
        return lead(steps[sid]) <= EVENT_DAYS

    def short_follow_up(sid: str) -> bool:
        deps = steps[sid].depends_on
        return not blueprint.dependents[sid] and len(deps) == 1 and is_event(deps[0])

    events = [s for s in blueprint.order if is_event(s) and not short_follow_up(s)]
    pool = events or [s for s in blueprint.order if not blueprint.dependents[s]]
    position = {sid: i for i, sid in enumerate(blueprint.order)}
    return max(pool, key=lambda s: (len(blueprint.ancestors(s)), position[s]))


def plan_backwards(
    ask: Ask,
    kind: AskKind,
    occurrences: Sequence[MomentOccurrence],
    options: PlanOptions,
) -> Plan:
    """Schedule the ask kind's blueprint backward from the next suitable moment.

    See the module docstring for the rule. `occurrences` are the calendar's dated
    moments (knowledge base and workspace); `options.today` is the first possible day.
    """
    today = options.today or dt.datetime.now(dt.UTC).date()
    blueprint = Blueprint.of(kind)
    if not blueprint.order:
        raise ValueError(f"the ask kind {kind.id!r} has no steps to plan")
    anchor = options.anchor_step or choose_anchor(blueprint)
    if anchor not in blueprint.steps:
        raise ValueError(f"no step {anchor!r} in the ask kind {kind.id!r}")
    after = blueprint.descendants(anchor)
    needed = _critical_length(blueprint, after, _durations(blueprint, set(options.done)))
    suitable = suitable_occurrences(ask, kind, occurrences, options)
    moment, reasons, warnings = _pick_moment(suitable, today, needed, options)
    if moment is not None:
        decision = moment.end
    else:
        earliest = _earliest_decision(today, needed, options)
        decision = max(options.deadline or earliest, earliest)
    plan = _plan(ask, kind, blueprint, anchor, moment, decision, options)
    others = tuple(o for o in suitable if today <= o.start <= decision and o != moment)
    return replace(plan, reasons=(*reasons, *plan.reasons), warnings=tuple(warnings),
                   other_moments=others)  # fmt: skip


def _durations(blueprint: Blueprint, done: set[str]) -> dict[str, int]:
    """Days each step still takes: none for a step already done."""
    return {sid: 0 if sid in done else lead(blueprint.steps[sid]) for sid in blueprint.order}


def _critical_length(blueprint: Blueprint, after: set[str], days: Mapping[str, int]) -> int:
    """Days of the longest chain of steps that must finish by the anchor's end."""
    finish: dict[str, int] = {}
    for sid in blueprint.order:
        if sid in after:
            continue
        deps = [finish[d] for d in blueprint.steps[sid].depends_on if d in finish]
        finish[sid] = max(deps, default=0) + days[sid]
    return max(finish.values(), default=0)


def suitable_occurrences(
    ask: Ask, kind: AskKind, occurrences: Sequence[MomentOccurrence], options: PlanOptions
) -> list[MomentOccurrence]:
    """Occurrences of the kind's moments, or of moments naming the ask or its kind.

    When the group chose a moment (`options.moment`), only that moment's occurrences,
    whether or not the knowledge base links it to the ask kind.
    """
    if options.moment is not None:
        found = [o for o in occurrences if o.moment == options.moment]
    else:
        found = [o for o in occurrences if o.moment in kind.moments or o.suits(ask.id, kind.id)]
    return sorted(found, key=lambda o: (o.end, o.name))


def _earliest_decision(today: dt.date, needed: int, options: PlanOptions) -> dt.date:
    """The first day the decision can fall: the critical path done, not before `not_before`."""
    return max(today + dt.timedelta(days=needed), options.not_before or today)


def _pick_moment(
    suitable: Sequence[MomentOccurrence], today: dt.date, needed: int, options: PlanOptions
) -> tuple[MomentOccurrence | None, list[str], list[str]]:
    horizon = today + dt.timedelta(days=options.horizon_days)
    last = min(horizon, options.deadline or horizon)
    earliest = _earliest_decision(today, needed, options)
    feasible = [o for o in suitable if earliest <= o.end <= last]
    if not feasible:
        return None, [], _no_moment_warnings(suitable, today, needed, options)
    chosen, why = _prefer_supportive(feasible, options.stances)
    reasons: list[str] = [say("Decision planned within %(moment)s (%(span)s): the first suitable moment "
                   "that leaves the %(days)d days the critical path needs.",
                   moment=chosen.name, span=_span(chosen), days=needed)]  # fmt: skip
    if options.deadline is not None:
        reasons.append(say("It ends by the group's deadline, %(deadline)s.",
                           deadline=options.deadline.isoformat()))  # fmt: skip
    reasons.extend(why)
    warnings: list[str] = []
    if chosen.estimated:
        warnings.append(say("The dates of %(moment)s are estimated: %(note)s",
                            moment=chosen.name, note=chosen.note))  # fmt: skip
    lead_days = chosen.lead_time_days or 0
    if (chosen.start - today).days < lead_days:
        warnings.append(say("%(moment)s is advised to be prepared %(lead)d days ahead; only "
                            "%(left)d days remain.", moment=chosen.name, lead=lead_days,
                            left=(chosen.start - today).days))  # fmt: skip
    return chosen, reasons, warnings


def _prefer_supportive(
    feasible: Sequence[MomentOccurrence], stances: Mapping[str, int | None]
) -> tuple[MomentOccurrence, list[str]]:
    """A rotating presidency held by a supporter, if one comes soon after the first."""
    first = feasible[0]
    if first.holder is None or (stances.get(first.holder) or 0) >= 1:
        return first, []
    limit = first.end + dt.timedelta(days=PREFER_SUPPORTIVE_WITHIN_DAYS)
    for o in feasible[1:]:
        if o.moment == first.moment and o.end <= limit and (stances.get(o.holder or "") or 0) >= 1:
            return o, [say("%(holder)s holds the presidency then and supports the ask (stance "
                           "%(stance)s); %(first)s comes earlier but %(first_holder)s does not.",
                           holder=o.holder or "", stance=f"{stances[o.holder or '']:+d}",
                           first=first.name, first_holder=first.holder)]  # fmt: skip
    return first, []


def _no_moment_warnings(
    suitable: Sequence[MomentOccurrence], today: dt.date, needed: int, options: PlanOptions
) -> list[str]:
    """Why no moment was chosen, and what the plan does instead (rule 5)."""
    horizon = today + dt.timedelta(days=options.horizon_days)
    deadline, outcome = options.deadline, say("the plan runs forward from today.")
    if deadline is not None and deadline < today:
        return [say("The deadline, %(deadline)s, has passed: %(outcome)s",
                    deadline=deadline.isoformat(), outcome=outcome)]  # fmt: skip
    earliest = _earliest_decision(today, needed, options)
    if deadline is not None and deadline < earliest:
        return [say("The deadline, %(deadline)s, is %(away)d days away but the critical path "
                    "needs %(needed)d: the plan runs forward from today and misses it by "
                    "%(late)d days.", deadline=deadline.isoformat(),
                    away=(deadline - today).days, needed=needed,
                    late=(earliest - deadline).days)]  # fmt: skip
    if deadline is not None:
        outcome = say("the plan is scheduled to the deadline, %(deadline)s.",
                      deadline=deadline.isoformat())  # fmt: skip
    last = min(horizon, deadline or horizon)
    upcoming = [o for o in suitable if today <= o.end <= last]
    if upcoming:
        nearest = upcoming[0]
        return [say("The next suitable moment, %(moment)s (%(span)s), is %(away)d days away "
                    "but the critical path needs %(needed)d: %(outcome)s", moment=nearest.name,
                    span=_span(nearest), away=(nearest.end - today).days, needed=needed,
                    outcome=outcome)]  # fmt: skip
    later = [o for o in suitable if last < o.end <= horizon]
    if deadline is not None and later:
        return [say("The next suitable moment, %(moment)s (%(span)s), ends after the "
                    "deadline: %(outcome)s", moment=later[0].name, span=_span(later[0]),
                    outcome=outcome)]  # fmt: skip
    if options.moment is not None and not suitable:
        return [say("The chosen moment %(moment)s has no known date in the planning window: "
                    "%(outcome)s", moment=repr(options.moment), outcome=outcome)]  # fmt: skip
    if deadline is None:
        return [say("No suitable moment is known in the planning window: %(outcome)s",
                    outcome=outcome)]  # fmt: skip
    return [say("No suitable moment is known before the deadline: %(outcome)s", outcome=outcome)]


def _span(o: MomentOccurrence) -> str:
    if o.start == o.end:
        return o.start.isoformat()
    return say("%(start)s to %(end)s", start=o.start.isoformat(), end=o.end.isoformat())


@dataclass
class _Window:
    earliest_start: dt.date
    latest_start: dt.date
    deadline: dt.date


def _schedule(
    blueprint: Blueprint,
    anchor: str,
    after: set[str],
    days: Mapping[str, int],
    decision: dt.date,
) -> dict[str, _Window]:
    """ALAP finishes back from the decision, ASAP starts from the plan's start."""
    latest_finish: dict[str, dt.date] = {}
    for sid in reversed(blueprint.order):
        if sid in after:
            continue
        needed_by = [latest_finish[d] - _days(days[d]) for d in blueprint.dependents[sid]
                     if d in latest_finish]  # fmt: skip
        latest_finish[sid] = decision if sid == anchor else min(needed_by, default=decision)
    start = min(latest_finish[s] - _days(days[s]) for s in latest_finish)
    windows: dict[str, _Window] = {}
    for sid in blueprint.order:
        deps = blueprint.steps[sid].depends_on
        if sid in after:
            begin = max([decision, *(windows[d].deadline for d in deps)])
            windows[sid] = _Window(begin, begin, begin + _days(days[sid]))
            continue
        earliest = max([start, *(windows[d].earliest_start + _days(days[d]) for d in deps)])
        windows[sid] = _Window(earliest, latest_finish[sid] - _days(days[sid]), latest_finish[sid])
    return windows


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _plan(
    ask: Ask,
    kind: AskKind,
    blueprint: Blueprint,
    anchor: str,
    moment: MomentOccurrence | None,
    decision: dt.date,
    options: PlanOptions,
) -> Plan:
    after = blueprint.descendants(anchor)
    windows = _schedule(
        blueprint, anchor, after, _durations(blueprint, set(options.done)), decision
    )
    steps = tuple(
        _step(blueprint.steps[sid], windows[sid], sid in after, options) for sid in blueprint.order
    )
    start = min(s.latest_start for s in steps if not s.after_decision)
    return Plan(
        ask=ask.id, ask_kind=kind.id, title=ask.title, anchor_step=anchor, moment=moment,
        decision_date=decision, start_date=start, steps=steps,
        critical_path=tuple(s.id for s in steps if s.critical),
        next_actions=next_actions(steps),
        reasons=(_lead_reason(kind, blueprint.steps[anchor], decision, start),),
    )  # fmt: skip


def _step(step: Step, w: _Window, after: bool, options: PlanOptions) -> PlanStep:
    slack = (w.latest_start - w.earliest_start).days
    done = step.id in options.done
    return PlanStep(
        id=step.id, title=step.display_title,
        owner=options.owners.get(step.id) or step.display_who or say("unassigned"),
        depends_on=tuple(step.depends_on), lead_time_days=lead(step),
        earliest_start=w.earliest_start, latest_start=w.latest_start, deadline=w.deadline,
        slack_days=slack, critical=not after and not done and slack == 0, after_decision=after,
        done=done, done_on=options.done_on.get(step.id) if done else None,
    )  # fmt: skip


def _lead_reason(kind: AskKind, anchor: Step, decision: dt.date, start: dt.date) -> str:
    text = say("The step '%(title)s' (%(step)s) lands on %(decision)s; work must start by "
               "%(start)s (%(days)d days before).", title=anchor.display_title, step=anchor.id,
               decision=decision.isoformat(), start=start.isoformat(),
               days=(decision - start).days)  # fmt: skip
    if kind.lead_time_days:
        typical = say("The knowledge base's typical lead time for this kind of ask is %(days)d "
                      "days.", days=kind.lead_time_days)  # fmt: skip
        return joined([text, typical], " ")
    return text


def next_actions(steps: Sequence[PlanStep], most: int = 3) -> tuple[NextAction, ...]:
    """The next things to do: steps whose dependencies are done, latest start first.

    Ready steps come first (critical ones before others with the same date); if fewer
    than `most` are ready, the steps that follow are added, also latest start first.
    """
    done = {s.id for s in steps if s.done}
    todo = [s for s in steps if not s.done]
    ready = [s for s in todo if set(s.depends_on) <= done]
    ready.sort(key=_urgency)
    waiting = sorted((s for s in todo if s not in ready), key=_urgency)
    titles = {s.id: s.title for s in steps}
    return tuple(_action(s, s in ready, titles) for s in [*ready, *waiting][:most])


def _urgency(step: PlanStep) -> tuple[dt.date, bool, str]:
    return step.latest_start, not step.critical, step.id


def _action(step: PlanStep, ready: bool, titles: Mapping[str, str]) -> NextAction:
    if step.critical:
        why = say("On the critical path: start by %(date)s (no slack).",
                  date=step.latest_start.isoformat())  # fmt: skip
    elif step.after_decision:
        why = say("After the decision: start on %(date)s.", date=step.earliest_start.isoformat())
    else:
        why = say("Start by %(date)s (%(slack)d days of slack).",
                  date=step.latest_start.isoformat(), slack=step.slack_days)  # fmt: skip
    if not ready:
        waits_for = [f"“{titles.get(d, d)}”" for d in step.depends_on]
        once = say_plural("Once %(steps)s is done.", "Once %(steps)s are done.",
                          len(waits_for), steps=joined(waits_for, ", "))  # fmt: skip
        why = joined([once, why], " ")
    return NextAction(step.id, step.title, step.owner, step.latest_start, why)
