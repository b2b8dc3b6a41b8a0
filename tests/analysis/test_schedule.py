"""Plans scheduled backward from moments, and the calendar that supplies the moments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from powermap.analysis.calendar import moment_occurrences, on_day, workspace_calendar
from powermap.analysis.schedule import Blueprint, choose_anchor, plan_backwards
from powermap.domain.actors import Ask
from powermap.domain.messages import Name
from powermap.domain.strategy import (
    MomentOccurrence,
    MomentSource,
    PlanOptions,
    WorkspaceMoment,
)
from powermap.knowledge import KnowledgeBase, load_knowledge
from powermap.knowledge.models import AskKind, Moment

TODAY = dt.date(2026, 1, 1)
ASK = Ask("ask", "k", "Our ask")
SOURCE = {"url": "https://example.org/", "title": "t", "publisher": "p", "accessed": TODAY}


def d(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


def kind(*steps: tuple[str, int, tuple[str, ...]], moments: tuple[str, ...] = ("m",)) -> AskKind:
    """An ask kind from (id, lead time, depends on) triples."""
    return AskKind.model_validate({
        "id": "k", "name": {"en": "K"}, "description": "d", "size": "small",
        "decision_rule": "varies", "moments": list(moments), "sources": [SOURCE], "as_of": TODAY,
        "steps": [{"id": s, "title": s.title(), "lead_time_days": n, "depends_on": list(deps),
                   "who": f"owner of {s}"} for s, n, deps in steps],
    })  # fmt: skip


def moment(start: int, end: int | None = None, **extra: Any) -> MomentOccurrence:
    return MomentOccurrence("m", f"M on day {start}", d(start), d(end if end is not None else start),
                            **extra)  # fmt: skip


# a (10) -> b (20) -> vote (5); c (5) -> vote; vote -> follow (30)
BLUEPRINT = kind(("a", 10, ()), ("b", 20, ("a",)), ("c", 5, ()), ("vote", 5, ("b", "c")),
                 ("follow", 30, ("vote",)))  # fmt: skip


def plan(blueprint: AskKind = BLUEPRINT, moments: list[MomentOccurrence] | None = None,
         **options: Any):  # type: ignore[no-untyped-def]  # fmt: skip
    found = [moment(100)] if moments is None else moments
    return plan_backwards(ASK, blueprint, found, PlanOptions(today=TODAY, **options))


def test_it_lands_the_anchor_on_the_moment_and_works_backward() -> None:
    result = plan()
    dates = {s.id: (s.latest_start, s.deadline) for s in result.steps}
    assert result.anchor_step == "vote" and result.decision_date == d(100)
    assert dates["vote"] == (d(95), d(100))
    assert dates["b"] == (d(75), d(95))
    assert dates["a"] == (d(65), d(75))
    assert dates["c"] == (d(90), d(95))
    assert result.start_date == d(65)


def test_it_computes_slack_and_the_critical_path() -> None:
    result = plan()
    assert result.critical_path == ("a", "b", "vote")
    assert result.step("c").slack_days == 25
    assert result.step("c").earliest_start == d(65)


def test_it_schedules_follow_ups_after_the_decision() -> None:
    follow = plan().step("follow")
    assert follow.after_decision and not follow.critical
    assert (follow.earliest_start, follow.deadline) == (d(100), d(130))


@pytest.mark.parametrize(
    ("moments", "decision", "warning"),
    [
        # day 20 is too soon for the 35 days the critical path needs: the next one is taken
        ([moment(20), moment(60), moment(90)], d(60), None),
        # a session: the decision falls on its last day
        ([moment(50, 80)], d(80), None),
        # nothing in time: forward from today
        ([moment(20)], d(35), "is 20 days away but the critical path needs 35"),
        ([], d(35), "No suitable moment"),
        # moments of other ask kinds do not count
        ([MomentOccurrence("other", "Other", d(60), d(60))], d(35), "No suitable moment"),
    ],
)
def test_it_picks_the_first_moment_that_leaves_enough_time(
    moments: list[MomentOccurrence], decision: dt.date, warning: str | None
) -> None:
    result = plan(moments=moments)
    assert result.decision_date == decision
    if warning is None:
        assert result.moment is not None and not result.warnings
    else:
        assert result.moment is None and warning in result.warnings[0]
        assert result.start_date == TODAY


def test_it_accepts_moments_that_name_the_ask_or_its_kind() -> None:
    own = MomentOccurrence("anniv", "Anniversary", d(70), d(70), source=MomentSource.WORKSPACE,
                           asks=("ask",))  # fmt: skip
    assert plan(moments=[own]).moment == own


def test_it_prefers_a_month_presided_by_a_supporter() -> None:
    months = [moment(40, 69, holder="state:RU"), moment(70, 99, holder="state:FR")]
    result = plan(moments=months, stances={"state:RU": -2, "state:FR": 1})
    assert result.moment is not None and result.moment.holder == "state:FR"
    assert any("state:FR holds the presidency" in r for r in result.reasons)
    assert plan(moments=months).moment == months[0]


def test_it_warns_when_a_moment_is_estimated_or_needs_more_lead_time() -> None:
    soon = moment(60, estimated=True, note="guessed", lead_time_days=90)
    warnings = " ".join(plan(moments=[soon]).warnings)
    assert "estimated" in warnings and "90 days ahead" in warnings


def test_it_counts_done_steps_as_taking_no_time() -> None:
    result = plan(moments=[moment(20), moment(60)], done=("a", "b"))
    assert result.decision_date == d(20)
    assert [n.step for n in result.next_actions] == ["c", "vote", "follow"]
    assert result.step("a").done and not result.step("a").critical


def test_it_lists_the_next_three_things_to_do() -> None:
    actions = plan().next_actions
    assert [a.step for a in actions] == ["a", "c", "b"]
    assert "critical path" in actions[0].why and "slack" in actions[1].why
    assert actions[2].why.startswith("Once “A” is done.")  # named by its title
    assert actions[0].owner == "owner of a"


def test_it_takes_owners_and_an_anchor_from_the_group() -> None:
    result = plan(owners={"a": "Amina"}, anchor_step="b")
    assert result.step("a").owner == "Amina"
    assert result.anchor_step == "b" and result.step("vote").after_decision


@pytest.mark.parametrize(
    ("moments", "deadline", "decision", "warning"),
    [
        # a moment ending on the deadline is in time
        ([moment(100)], 100, d(100), None),
        # only moments ending by the deadline count: day 120 is too late, day 60 is taken
        ([moment(60), moment(120)], 100, d(60), None),
        # none by the deadline: scheduled to the deadline, saying why
        ([moment(20), moment(120)], 100, d(100),
         "The next suitable moment, M on day 20 (2026-01-21), is 20 days away but the critical path needs 35: the plan "
         "is scheduled to the deadline, 2026-04-11."),
        ([moment(120)], 100, d(100),
         "The next suitable moment, M on day 120 (2026-05-01), ends after the deadline: the "
         "plan is scheduled to the deadline, 2026-04-11."),
        ([], 100, d(100), "No suitable moment is known before the deadline: the plan is "
                          "scheduled to the deadline, 2026-04-11."),
        # a deadline the critical path cannot meet: forward from today, by how much it misses
        ([moment(100)], 20, d(35), "The deadline, 2026-01-21, is 20 days away but the critical "
                                   "path needs 35: the plan runs forward from today and misses "
                                   "it by 15 days."),
        ([], -5, d(35), "The deadline, 2025-12-27, has passed: the plan runs forward from today."),
    ],
)  # fmt: skip
def test_it_aims_only_at_moments_that_end_by_the_deadline(
    moments: list[MomentOccurrence], deadline: int, decision: dt.date, warning: str | None
) -> None:
    result = plan(moments=moments, deadline=d(deadline))
    assert result.decision_date == decision
    if warning is None:
        assert result.moment is not None and result.moment.end <= d(deadline)
        assert not result.warnings
        assert f"It ends by the group's deadline, {d(deadline).isoformat()}." in result.reasons
    else:
        assert result.moment is None and result.warnings == (warning,)
        assert result.step("vote").deadline == decision
        assert result.start_date >= TODAY


def test_it_prefers_no_supportive_presidency_after_the_deadline() -> None:
    months = [moment(40, 69, holder="state:RU"), moment(70, 99, holder="state:FR")]
    result = plan(moments=months, stances={"state:RU": -2, "state:FR": 1}, deadline=d(80))
    assert result.moment == months[0]


def test_it_aims_at_the_moment_the_group_chose_even_if_the_kind_does_not_name_it() -> None:
    own = MomentOccurrence("hearing", "Hearing", d(70), d(70), source=MomentSource.WORKSPACE)
    assert plan(moments=[moment(50), own], moment="hearing").moment == own
    missing = plan(moments=[moment(50)], moment="nowhere")
    assert missing.moment is None
    assert "The chosen moment 'nowhere' has no known date" in missing.warnings[0]


def test_it_says_when_a_step_was_done() -> None:
    result = plan(done=("a",), done_on={"a": d(-3)})
    assert (result.step("a").done, result.step("a").done_on) == (True, d(-3))
    assert result.step("b").done_on is None


@pytest.mark.parametrize(
    ("steps", "error"),
    [
        ((("a", 1, ("b",)), ("b", 1, ("a",))), "cycle"),
        ((("a", 1, ("zzz",)),), "unknown step"),
    ],
)
def test_it_refuses_a_blueprint_that_is_not_a_dag(
    steps: tuple[tuple[str, int, tuple[str, ...]], ...], error: str
) -> None:
    with pytest.raises(ValueError, match=error):
        plan(kind(*steps))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.mark.parametrize(
    ("ask_kind", "anchor"),
    [
        ("icc_referral_unsc", "vote"),
        ("universal_jurisdiction_complaint", "file"),  # not the civil-party follow-up
        ("public_statement", "statement"),  # not amplifying it afterwards
        ("commission_of_inquiry", "adopt"),
        ("investigative_mechanism", "adopt"),
        ("article_15_communication", "submit"),
        ("icj_case", "file"),
    ],
)
def test_it_guesses_the_step_that_lands_on_the_moment(
    kb: KnowledgeBase, ask_kind: str, anchor: str
) -> None:
    assert choose_anchor(Blueprint.of(kb.ask_kinds[ask_kind])) == anchor


def test_it_plans_every_shipped_ask_kind(kb: KnowledgeBase) -> None:
    calendar = workspace_calendar(kb, TODAY, d(730))
    for ask_kind in kb.ask_kinds.values():
        result = plan_backwards(Ask("x", ask_kind.id, "X"), ask_kind, calendar.occurrences,
                                PlanOptions(today=TODAY))  # fmt: skip
        assert result.start_date >= TODAY
        assert result.critical_path and len(result.next_actions) == min(3, len(result.steps))


# The calendar


def kb_moment(**fields: Any) -> Moment:
    return Moment.model_validate({"id": "m", "name": {"en": "M"}, "description": "d",
                                  "sources": [SOURCE], "as_of": TODAY, **fields})  # fmt: skip


def test_it_repeats_yearly_moments_and_moves_29_february(kb: KnowledgeBase) -> None:
    leap = kb_moment(recurrence="yearly", month=2, day=29)
    days = [
        o.start for o in moment_occurrences(leap, kb, dt.date(2027, 1, 1), dt.date(2028, 12, 31))
    ]
    assert days == [dt.date(2027, 2, 28), dt.date(2028, 2, 29)]
    assert on_day(2026, 2, 29) == dt.date(2026, 2, 28)


def test_it_carries_regular_sessions_forward_as_estimates(kb: KnowledgeBase) -> None:
    sessions = kb_moment(recurrence="sessions", sessions=[
        {"name": "S1", "start": dt.date(2025, 3, 1), "end": dt.date(2025, 3, 20)},
        {"name": "Special session", "start": dt.date(2025, 7, 1)},
        {"name": "S2", "start": dt.date(2025, 9, 10), "end": dt.date(2025, 9, 30)},
    ])  # fmt: skip
    found = moment_occurrences(sessions, kb, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert [(o.start, o.end, o.estimated) for o in found] == [
        (dt.date(2026, 3, 1), dt.date(2026, 3, 20), True),
        (dt.date(2026, 9, 10), dt.date(2026, 9, 30), True),
    ]
    assert "S1" in found[0].note


def test_it_rotates_the_council_presidency_by_rule_18(kb: KnowledgeBase) -> None:
    months = moment_occurrences(kb.moments["unsc_presidency"], kb,
                                dt.date(2027, 11, 1), dt.date(2028, 2, 28))  # fmt: skip
    holders = [(o.start, o.holder, o.estimated) for o in months]
    assert holders[:2] == [(dt.date(2027, 11, 1), "state:CD", False),
                           (dt.date(2027, 12, 1), "state:FR", False)]  # fmt: skip
    # after France, the next member in English alphabetical order sitting in January 2028
    assert holders[2][0] == dt.date(2028, 1, 1) and holders[2][2] is True
    after_france = sorted(
        kb.state(m.state).name_en for m in kb.body_members("unsc", dt.date(2028, 1, 1))
    )
    expected = next(n for n in after_france if n > "France")
    assert kb.state(holders[2][1].removeprefix("state:")).name_en == expected  # type: ignore[union-attr]


def test_it_merges_the_workspace_dates_into_the_calendar(kb: KnowledgeBase) -> None:
    anniversary = WorkspaceMoment("anniv", "Anniversary", dt.date(2017, 8, 25), asks=("ask",))
    calendar = workspace_calendar(kb, TODAY, d(365), [anniversary])
    own = [o for o in calendar.occurrences if o.moment == "anniv"]
    assert [(o.start, o.name, o.source) for o in own] == [
        (dt.date(2026, 8, 25), "Anniversary (9 years)", MomentSource.WORKSPACE)
    ]
    assert calendar.occurrences == tuple(
        sorted(calendar.occurrences, key=lambda o: (o.start, o.name))
    )
    assert {u.moment for u in calendar.undated} >= {"eu_fac"}


def test_it_gives_each_step_in_the_readers_language() -> None:
    blueprint = AskKind.model_validate({
        "id": "k", "name": {"en": "K"}, "description": "d", "size": "small",
        "decision_rule": "varies", "moments": ["m"], "sources": [SOURCE], "as_of": TODAY,
        "steps": [{"id": "a", "title": "Draft", "title_translations": {"fr": "Rédiger"},
                   "lead_time_days": 5, "who": "Lawyers", "who_translations": {"ar": "المحامون"}}],
    })  # fmt: skip
    step = plan(blueprint).step("a")
    assert (step.title, step.owner) == ("Draft", "Lawyers")  # English where no language is asked
    assert isinstance(step.title, Name) and step.title.in_language("fr") == "Rédiger"
    assert isinstance(step.owner, Name) and step.owner.in_language("ar") == "المحامون"
    assert step.title.in_language("ru") == "Draft"  # no Russian: English
    assert plan(blueprint, owners={"a": "Amina"}).step("a").owner == "Amina"  # the group's own
