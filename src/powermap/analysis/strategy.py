"""The strategy engine for one workspace: targets, plan and calendar of an ask.

The one place that turns a workspace's content and the group's choices into the inputs
of the analyses, so that the command line (`powermap targets`, `plan`, `calendar`) and
the web pages give the same answer. The rules themselves live in `ranking.py`,
`schedule.py` and `calendar.py`; docs/strategy.md explains them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from powermap.analysis.calendar import workspace_calendar
from powermap.analysis.ranking import rank_targets
from powermap.analysis.schedule import plan_backwards
from powermap.analysis.votes import read_stances
from powermap.domain.actors import Ask, WorkspaceContent
from powermap.domain.strategy import (
    Calendar,
    MomentOccurrence,
    Plan,
    PlanOptions,
    Ranking,
    TargetingOptions,
)
from powermap.knowledge import KnowledgeBase

DEFAULT_LIMIT = 20


def find_ask(content: WorkspaceContent, ask_id: str) -> Ask | None:
    """The workspace's ask with this id, or None."""
    return next((a for a in content.asks if a.id == ask_id), None)


def targeting_options(
    ask: Ask,
    *,
    on: dt.date,
    pins: Sequence[str] = (),
    exclusions: Sequence[str] = (),
    limit: int = DEFAULT_LIMIT,
) -> TargetingOptions:
    """The ranking options: the caller's pins first, then the ask's own, in order.

    Exclusions add up; the ask's single decider, when it has one, replaces the deciders
    the ask kind names.
    """
    return TargetingOptions(
        pins=tuple(dict.fromkeys((*pins, *ask.pinned_targets))),
        exclusions=tuple(dict.fromkeys((*exclusions, *ask.excluded_targets))),
        on=on, limit=limit, deciders=(ask.decider,) if ask.decider else (),
    )  # fmt: skip


def rank_ask(
    content: WorkspaceContent,
    ask: Ask,
    kb: KnowledgeBase,
    *,
    on: dt.date,
    pins: Sequence[str] = (),
    exclusions: Sequence[str] = (),
    limit: int = DEFAULT_LIMIT,
) -> Ranking:
    """Whom to work on for the ask, with the group's pins and exclusions applied."""
    options = targeting_options(ask, on=on, pins=pins, exclusions=exclusions, limit=limit)
    return rank_targets(content, ask, kb, options)


def moments_ahead(
    content: WorkspaceContent, kb: KnowledgeBase, start: dt.date, days: int
) -> Calendar:
    """The knowledge base's and the workspace's moments from `start`, for `days` days."""
    end = start + dt.timedelta(days=days)
    return workspace_calendar(kb, start, end, content.moments)


def plan_ask(
    content: WorkspaceContent,
    ask: Ask,
    kb: KnowledgeBase,
    *,
    today: dt.date,
    owners: Mapping[str, str] | None = None,
    done: Sequence[str] = (),
    anchor: str | None = None,
    moment: str | None = None,
) -> Plan:
    """The ask kind's blueprint scheduled backward from the next suitable moment.

    The group's saved progress on the ask (owners and done steps), its chosen moment
    and its deadline apply. The caller's `owners` replace saved ones for the same step,
    `done` adds to the steps saved as done, and `moment` replaces the chosen one.

    Raises LookupError when the ask kind is not in the knowledge base and ValueError
    when it cannot be planned (no steps, an unknown anchor step).
    """
    kind = kb.ask_kinds.get(ask.kind)
    if kind is None:
        raise LookupError(f"The ask kind {ask.kind!r} is not in the knowledge base.")
    done_on = {p.step: p.done_on for p in ask.steps if p.done_on is not None}
    options = PlanOptions(
        today=today, owners={p.step: p.owner for p in ask.steps if p.owner} | dict(owners or {}),
        done=tuple(dict.fromkeys((*done_on, *done))), done_on=done_on, anchor_step=anchor,
        moment=moment or ask.moment or None, deadline=ask.deadline,
        stances=dict(read_stances(content, ask.id).numbers()),
    )  # fmt: skip
    calendar = moments_ahead(content, kb, today, options.horizon_days)
    return plan_backwards(ask, kind, calendar.occurrences, options)


def asks_suited(
    occurrence: MomentOccurrence, asks: Sequence[Ask], kb: KnowledgeBase
) -> tuple[Ask, ...]:
    """The asks this moment suits: named by it, or one of their ask kind's moments."""
    return tuple(
        a for a in asks
        if occurrence.suits(a.id, a.kind)
        or (a.kind in kb.ask_kinds and occurrence.moment in kb.ask_kinds[a.kind].moments)
    )  # fmt: skip
