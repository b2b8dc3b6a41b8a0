"""The shared entry point of the command line and the web: the ask's choices apply."""

from __future__ import annotations

import datetime as dt

from powermap.analysis.strategy import targeting_options
from powermap.domain.actors import Ask

DAY = dt.date(2026, 11, 25)


def test_it_puts_the_callers_pins_first_then_the_asks_own() -> None:
    ask = Ask("a", "icj_case", "A", pinned_targets=("x", "y"), excluded_targets=("z",))
    options = targeting_options(ask, on=DAY, pins=("y", "w"), exclusions=("v",), limit=5)
    assert options.pins == ("y", "w", "x")
    assert options.exclusions == ("v", "z")
    assert (options.on, options.limit, options.deciders) == (DAY, 5, ())


def test_it_lets_a_single_decider_replace_the_ask_kinds() -> None:
    ask = Ask("a", "universal_jurisdiction_complaint", "A", decider="de-prosecutor")
    assert targeting_options(ask, on=DAY).deciders == ("de-prosecutor",)


def test_it_plans_with_the_groups_saved_progress_and_dates() -> None:
    from powermap.analysis.strategy import plan_ask
    from powermap.domain.actors import StepProgress, WorkspaceContent
    from powermap.knowledge import load_knowledge

    saved = (StepProgress("forum", owner="Amina", done_on=DAY - dt.timedelta(days=3)),
             StepProgress("complaint", owner="Lawyers' collective"))  # fmt: skip
    ask = Ask("uj", "universal_jurisdiction_complaint", "UJ", deadline=dt.date(2027, 3, 1),
              moment="day-human-rights", steps=saved)  # fmt: skip
    content = WorkspaceContent("W", asks=(ask,))
    plan = plan_ask(content, ask, load_knowledge(), today=DAY)
    assert plan.step("forum").done and plan.step("forum").done_on == DAY - dt.timedelta(days=3)
    assert plan.step("complaint").owner == "Lawyers' collective"
    # The chosen moment (10 December) is too soon for the critical path: to the deadline.
    assert plan.moment is None and plan.decision_date == dt.date(2027, 3, 1)
    assert "the plan is scheduled to the deadline, 2027-03-01" in plan.warnings[0]
    # The caller's flags: an owner replaces the saved one, done adds, a moment replaces.
    flagged = plan_ask(content, ask, load_knowledge(), today=DAY, owners={"complaint": "Bilal"},
                       done=("witnesses",), moment="day-victims-of-torture")  # fmt: skip
    assert flagged.step("complaint").owner == "Bilal"
    assert flagged.step("witnesses").done and flagged.step("forum").done
    assert flagged.step("witnesses").done_on is None
    assert flagged.moment is None
    assert "Victims of Torture (2027-06-26), ends after the deadline" in flagged.warnings[0]
