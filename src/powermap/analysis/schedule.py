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
   names the ask or its kind) that leaves time for the whole critical path from today.
   For a rotating presidency, a month held by a supportive state (stance +1 or more)
   within six months of the first feasible one is preferred.
5. With no suitable moment in time, the plan runs forward from today and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from graphlib import CycleError, TopologicalSorter

from powermap.domain.actors import Ask
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
        decision = max(today + dt.timedelta(days=needed), options.not_before or today)
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
    """Occurrences of the kind's moments, or of moments naming the ask or its kind."""
    found = [
        o for o in occurrences
        if (o.moment in kind.moments or o.suits(ask.id, kind.id))
        and (options.moment is None or o.moment == options.moment)
    ]  # fmt: skip
    return sorted(found, key=lambda o: (o.end, o.name))


def _pick_moment(
    suitable: Sequence[MomentOccurrence], today: dt.date, needed: int, options: PlanOptions
) -> tuple[MomentOccurrence | None, list[str], list[str]]:
    horizon = today + dt.timedelta(days=options.horizon_days)
    earliest = max(today + dt.timedelta(days=needed), options.not_before or today)
    feasible = [o for o in suitable if earliest <= o.end <= horizon]
    upcoming = [o for o in suitable if today <= o.end <= horizon]
    if not feasible:
        return None, [], _no_moment_warnings(upcoming, today, needed)
    chosen, why = _prefer_supportive(feasible, options.stances)
    reasons = [f"Decision planned within {chosen.name} ({_span(chosen)}): the first suitable "
               f"moment that leaves the {needed} days the critical path needs."]  # fmt: skip
    reasons.extend(why)
    warnings = []
    if chosen.estimated:
        warnings.append(f"The dates of {chosen.name} are estimated: {chosen.note}")
    lead_days = chosen.lead_time_days or 0
    if (chosen.start - today).days < lead_days:
        warnings.append(f"{chosen.name} is advised to be prepared {lead_days} days ahead; only "
                        f"{(chosen.start - today).days} days remain.")  # fmt: skip
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
            return o, [f"{o.holder} holds the presidency then and supports the ask "
                       f"(stance {stances[o.holder or '']:+d}); {first.name} comes earlier but "
                       f"{first.holder} does not."]  # fmt: skip
    return first, []


def _no_moment_warnings(
    upcoming: Sequence[MomentOccurrence], today: dt.date, needed: int
) -> list[str]:
    if not upcoming:
        return ["No suitable moment is known in the planning window: the plan runs forward "
                "from today."]  # fmt: skip
    nearest = upcoming[0]
    return [f"The next suitable moment, {nearest.name} ({_span(nearest)}), is "
            f"{(nearest.end - today).days} days away but the critical path needs {needed}: "
            "the plan runs forward from today."]  # fmt: skip


def _span(o: MomentOccurrence) -> str:
    if o.start == o.end:
        return o.start.isoformat()
    return f"{o.start.isoformat()} to {o.end.isoformat()}"


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
        id=step.id, title=step.title, owner=options.owners.get(step.id) or step.who or "unassigned",
        depends_on=tuple(step.depends_on), lead_time_days=lead(step),
        earliest_start=w.earliest_start, latest_start=w.latest_start, deadline=w.deadline,
        slack_days=slack, critical=not after and not done and slack == 0, after_decision=after,
        done=done,
    )  # fmt: skip


def _lead_reason(kind: AskKind, anchor: Step, decision: dt.date, start: dt.date) -> str:
    text = (f"The step '{anchor.title}' ({anchor.id}) lands on {decision.isoformat()}; work "
            f"must start by {start.isoformat()} ({(decision - start).days} days before).")  # fmt: skip
    if kind.lead_time_days:
        text += (f" The knowledge base's typical lead time for this kind of ask is "
                 f"{kind.lead_time_days} days.")  # fmt: skip
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
    return tuple(_action(s, s in ready) for s in [*ready, *waiting][:most])


def _urgency(step: PlanStep) -> tuple[dt.date, bool, str]:
    return step.latest_start, not step.critical, step.id


def _action(step: PlanStep, ready: bool) -> NextAction:
    if step.critical:
        why = f"On the critical path: start by {step.latest_start.isoformat()} (no slack)."
    elif step.after_decision:
        why = f"After the decision: start on {step.earliest_start.isoformat()}."
    else:
        why = f"Start by {step.latest_start.isoformat()} ({step.slack_days} days of slack)."
    if not ready:
        why = (
            f"Once {', '.join(step.depends_on)} {'is' if len(step.depends_on) == 1 else 'are'} done. "
            + why
        )
    return NextAction(step.id, step.title, step.owner, step.latest_start, why)
