"""Strategic moments as dated occurrences in a window of time.

The knowledge base records moments four ways; each becomes concrete dates here:

- `yearly`: the day in every year of the window (29 February falls on 28 February in
  other years).
- `sessions`: the known sessions. When the known sessions end before the window does,
  each regular session (not a "special" one) is carried forward by whole years and
  marked *estimated* (UN bodies keep a yearly rhythm, but the dates must be checked
  before planning).
- `monthly_rotation` (the Security Council presidency): the known months, then rule 18
  of the Council's provisional rules of procedure: the presidency passes each month to
  the next member in the English alphabetical order of names, among the members sitting
  that month. Computed months are marked estimated.
- `cycle`: the known sessions only; otherwise the moment is listed as undated with when
  it usually falls.

A workspace adds its own dates (such as the anniversary of the atrocity), yearly or once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence

from powermap.domain.messages import joined, say, say_plural
from powermap.domain.strategy import (
    Calendar,
    MomentOccurrence,
    MomentSource,
    UndatedMoment,
    WorkspaceMoment,
)
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import Moment, Session

HOLDER = re.compile(r"\(([A-Z]{2})\)")
SAME_SESSION_DAYS = 45  # a projection this close to a known session is that session


def workspace_calendar(
    kb: KnowledgeBase,
    start: dt.date,
    end: dt.date,
    workspace_moments: Iterable[WorkspaceMoment] = (),
) -> Calendar:
    """Every moment of the knowledge base and the workspace between `start` and `end`.

    Occurrences are sorted by date then name; moments with no dates in the window and
    no rule to compute them are listed as undated.
    """
    occurrences: list[MomentOccurrence] = []
    undated: list[UndatedMoment] = []
    for moment in kb.moments.values():
        found = moment_occurrences(moment, kb, start, end)
        occurrences.extend(found)
        if not found and moment.recurrence in ("sessions", "cycle"):
            undated.append(_undated(moment))
    for own in workspace_moments:
        occurrences.extend(workspace_occurrences(own, start, end))
    occurrences.sort(key=lambda o: (o.start, o.name))
    return Calendar(start, end, tuple(occurrences), tuple(undated))


def _undated(moment: Moment) -> UndatedMoment:
    return UndatedMoment(moment.id, moment.display_name, moment.typical or "", moment.body,
                         moment.note or "")  # fmt: skip


def moment_occurrences(
    moment: Moment, kb: KnowledgeBase, start: dt.date, end: dt.date
) -> list[MomentOccurrence]:
    """The dated occurrences of one knowledge-base moment that overlap the window."""
    if moment.recurrence == "yearly":
        found: Iterable[MomentOccurrence] = _yearly(moment, start, end)
    elif moment.recurrence == "monthly_rotation":
        found = _rotation(moment, kb, start, end)
    elif moment.recurrence == "sessions":
        found = [*_sessions(moment, moment.sessions), *_projected(moment, end)]
    else:
        found = _sessions(moment, moment.sessions)
    return sorted((o for o in found if o.end >= start and o.start <= end),
                  key=lambda o: (o.start, o.name))  # fmt: skip


def _occurrence(
    moment: Moment,
    name: str,
    first: dt.date,
    last: dt.date,
    *,
    holder: str | None = None,
    estimated: bool = False,
    note: str = "",
) -> MomentOccurrence:
    return MomentOccurrence(
        moment=moment.id, name=name, start=first, end=last, body=moment.body,
        estimated=estimated, holder=holder, lead_time_days=moment.lead_time_days,
        ask_kinds=tuple(moment.ask_kinds), description=moment.description, note=note,
    )  # fmt: skip


def on_day(year: int, month: int, day: int) -> dt.date:
    """The date, with 29 February moved to 28 February outside leap years."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


def _yearly(moment: Moment, start: dt.date, end: dt.date) -> Iterator[MomentOccurrence]:
    if moment.month is None or moment.day is None:
        return  # the knowledge-base model refuses such a record
    for year in range(start.year, end.year + 1):
        day = on_day(year, moment.month, moment.day)
        yield _occurrence(moment, moment.display_name, day, day)


def _sessions(moment: Moment, sessions: Sequence[Session]) -> Iterator[MomentOccurrence]:
    for s in sessions:
        holder = HOLDER.search(s.name)
        yield _occurrence(
            moment, say("%(moment)s: %(session)s", moment=moment.display_name, session=s.name),
            s.start, s.end or s.start,
            holder=f"state:{holder.group(1)}" if holder else None, note=s.note or "",
        )  # fmt: skip


def _projected(moment: Moment, end: dt.date) -> Iterator[MomentOccurrence]:
    """Known sessions carried forward by whole years, after the last known one."""
    known = sorted(moment.sessions, key=lambda s: s.start)
    if not known:
        return
    taken = [s.start for s in known]
    regular = [s for s in known if "special" not in s.name.lower()]
    for s in reversed(regular):  # the most recent sessions set the pattern
        years = 1
        while (first := add_years(s.start, years)) <= end:
            if first > known[-1].start and _free(first, taken):
                taken.append(first)
                length = (s.end or s.start) - s.start
                yield _occurrence(
                    moment, moment.display_name, first, first + length,
                    estimated=True,
                    note=say_plural(
                        "Carried forward from %(session)s (%(date)s) by %(count)d year; check "
                        "the official calendar before planning.",
                        "Carried forward from %(session)s (%(date)s) by %(count)d years; check "
                        "the official calendar before planning.",
                        years, session=s.name, date=s.start.isoformat(),
                    ),
                )  # fmt: skip
            years += 1


def _free(day: dt.date, taken: Sequence[dt.date]) -> bool:
    return all(abs((day - other).days) > SAME_SESSION_DAYS for other in taken)


def add_years(day: dt.date, years: int) -> dt.date:
    return on_day(day.year + years, day.month, day.day)


def _rotation(
    moment: Moment, kb: KnowledgeBase, start: dt.date, end: dt.date
) -> Iterator[MomentOccurrence]:
    """Known presidencies, then rule 18 month by month after the last known one."""
    known = list(_sessions(moment, moment.sessions))
    yield from known
    if moment.body is None or moment.body not in kb.bodies:
        return
    last = max(known, key=lambda o: o.start, default=None)
    month = _next_month(last.start) if last else dt.date(start.year, start.month, 1)
    holder = last.holder if last else None
    while month <= end:
        holder, note = _next_president(kb, moment.body, month, holder)
        if holder is None:
            return
        name = kb.state(holder.removeprefix("state:")).display_name
        yield _occurrence(
            moment, say("%(moment)s: %(month)s %(state)s (%(code)s)", moment=moment.display_name,
                        month=f"{month:%Y-%m}", state=name, code=holder.removeprefix("state:")),
            month, _next_month(month) - dt.timedelta(days=1), estimated=True, holder=holder,
            note=note,
        )  # fmt: skip
        month = _next_month(month)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _next_president(
    kb: KnowledgeBase, body_id: str, month: dt.date, previous: str | None
) -> tuple[str | None, str]:
    """Rule 18: the member whose English name follows the previous president's."""
    seats = kb.body_members(body_id, month)
    names = sorted((kb.state(m.state).name_en, f"state:{m.state}") for m in seats)
    if not names:
        return None, ""
    notes = [say("Computed from rule 18 (English alphabetical order) and the %(count)d members "
                 "the knowledge base lists for %(month)s; check the Council's programme of work.",
                 count=len(names), month=f"{month:%Y-%m}")]  # fmt: skip
    size = kb.bodies[body_id].size
    if size is not None and len(names) < size:
        notes.append(say("Only %(known)d of %(size)d seats are known for that month.",
                         known=len(names), size=size))  # fmt: skip
    note = joined(notes, " ")
    if previous is None or previous.removeprefix("state:") not in kb.states:
        return names[0][1], joined([*notes, say("No known presidency to continue from.")], " ")
    after = kb.state(previous.removeprefix("state:")).name_en
    following = [actor for name, actor in names if name > after]
    return (following or [names[0][1]])[0], note


def workspace_occurrences(
    moment: WorkspaceMoment, start: dt.date, end: dt.date
) -> list[MomentOccurrence]:
    """A workspace date in the window: every year for a yearly one, else once."""
    if moment.yearly:
        days = [
            on_day(y, moment.date.month, moment.date.day) for y in range(start.year, end.year + 1)
        ]
    else:
        days = [moment.date]
    return [
        MomentOccurrence(
            moment=moment.id, name=_anniversary(moment, day), start=day, end=day,
            source=MomentSource.WORKSPACE, lead_time_days=moment.lead_time_days,
            ask_kinds=moment.ask_kinds, asks=moment.asks, description=moment.description,
        )
        for day in days
        if start <= day <= end
    ]  # fmt: skip


def _anniversary(moment: WorkspaceMoment, day: dt.date) -> str:
    years = day.year - moment.date.year
    if moment.yearly and years > 0:
        return say_plural("%(name)s (%(count)d year)", "%(name)s (%(count)d years)", years,
                          name=moment.name)  # fmt: skip
    return moment.name
