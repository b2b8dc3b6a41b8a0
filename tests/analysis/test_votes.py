"""Vote forecasts on tiny hand-built bodies: each decision rule, abstentions, vetoes, ties."""

from __future__ import annotations

import datetime as dt

import pytest

from powermap.analysis.votes import (
    RULES,
    Seat,
    Tally,
    body_seats,
    forecast_vote,
    read_stances,
    vote_of,
)
from powermap.domain.actors import Actor, Assessment, WorkspaceContent
from powermap.domain.strategy import Outcome, StanceBasis, StanceView, Vote
from powermap.domain.vocab import ActorKind
from powermap.knowledge import load_knowledge

DAY = dt.date(2026, 11, 25)


def body(*stances: int | None, vetoes: int = 0) -> tuple[list[Seat], dict[str, StanceView]]:
    """Seats m0, m1, ... with these stances; the first `vetoes` seats hold a veto."""
    seats = [Seat(f"m{i}", veto=i < vetoes) for i in range(len(stances))]
    views = {f"m{i}": StanceView(f"m{i}", s) for i, s in enumerate(stances) if s is not None}
    return seats, views


def forecast(rule: str, *stances: int | None, vetoes: int = 0):  # type: ignore[no-untyped-def]
    seats, views = body(*stances, vetoes=vetoes)
    return forecast_vote(seats, rule, views, body="test", on=DAY)


@pytest.mark.parametrize(
    ("stance", "vote"),
    [(-2, Vote.NO), (-1, Vote.NO), (0, Vote.UNDECIDED), (None, Vote.UNDECIDED),
     (1, Vote.YES), (2, Vote.YES)],
)  # fmt: skip
def test_it_turns_stances_into_votes(stance: int | None, vote: Vote) -> None:
    assert vote_of(stance) is vote


MAJORITY = "simple_majority_present_voting"
UNSC = "nine_votes_no_p5_veto"


@pytest.mark.parametrize(
    ("rule", "stances", "vetoes", "outcome"),
    [
        # majority of those present and voting: abstentions do not count, a tie fails
        (MAJORITY, (1, 1, 1, -1), 0, Outcome.LIKELY_PASS),
        (MAJORITY, (1, 1, -1, -1), 0, Outcome.LIKELY_FAIL),
        (MAJORITY, (1, 1, -1, 0), 0, Outcome.UNCERTAIN),
        (MAJORITY, (1, 0, 0, 0), 0, Outcome.UNCERTAIN),
        (MAJORITY, (1, -1, -1, -1, 0, 0), 0, Outcome.LIKELY_FAIL),
        # two thirds of those present and voting
        ("two_thirds_present_voting", (1, 1, -1), 0, Outcome.LIKELY_PASS),
        ("two_thirds_present_voting", (1, 1, -1, -1), 0, Outcome.LIKELY_FAIL),
        # an absolute majority of all members: abstaining counts against
        ("majority_of_members", (1, 1, 1, None, None), 0, Outcome.LIKELY_PASS),
        ("majority_of_members", (1, 1, None, None), 0, Outcome.UNCERTAIN),
        ("majority_of_members", (1, 1, -1, -1), 0, Outcome.LIKELY_FAIL),
        # nine votes and no veto of a permanent member
        (UNSC, (1,) * 9 + (0,) * 6, 5, Outcome.LIKELY_PASS),
        (UNSC, (-1,) + (1,) * 14, 5, Outcome.LIKELY_FAIL),
        (UNSC, (0,) + (1,) * 8 + (0,) * 6, 5, Outcome.UNCERTAIN),
        (UNSC, (1,) * 8 + (-1,) * 7, 5, Outcome.LIKELY_FAIL),
        # unanimity: one no blocks, abstentions do not unless a third abstains
        ("unanimity", (1, 1, 1), 3, Outcome.LIKELY_PASS),
        ("unanimity", (1, 1, -1), 3, Outcome.LIKELY_FAIL),
        ("unanimity", (1, 1, 0), 3, Outcome.UNCERTAIN),
        # qualified majority: 55% of members (15 of 27)
        ("qualified_majority", (1,) * 15 + (-1,) * 12, 0, Outcome.LIKELY_PASS),
        ("qualified_majority", (1,) * 14 + (-1,) * 13, 0, Outcome.LIKELY_FAIL),
    ],
)
def test_it_applies_the_decision_rule(
    rule: str, stances: tuple[int | None, ...], vetoes: int, outcome: Outcome
) -> None:
    assert forecast(rule, *stances, vetoes=vetoes).outcome is outcome


@pytest.mark.parametrize(
    ("rule", "tally", "passes"),
    [
        (MAJORITY, Tally(yes=5, no=5, vetoes=0, abstain=3, seats=13), False),
        (MAJORITY, Tally(yes=2, no=1, vetoes=0, abstain=44, seats=47), True),
        (UNSC, Tally(yes=11, no=0, vetoes=0, abstain=4, seats=15), True),  # P5 abstaining
        (UNSC, Tally(yes=13, no=2, vetoes=1, abstain=0, seats=15), False),
        (UNSC, Tally(yes=8, no=0, vetoes=0, abstain=7, seats=15), False),
        ("unanimity", Tally(yes=19, no=0, vetoes=0, abstain=8, seats=27), True),
        ("unanimity", Tally(yes=18, no=0, vetoes=0, abstain=9, seats=27), False),
        ("consensus", Tally(yes=5, no=1, vetoes=1, abstain=0, seats=6), False),
    ],
)
def test_it_counts_abstentions_as_each_rule_does(rule: str, tally: Tally, passes: bool) -> None:
    assert RULES[rule].passes(tally) is passes


@pytest.mark.parametrize(
    ("rule", "stances", "vetoes", "pivotal"),
    [
        # any undecided member can swing an open majority vote
        (MAJORITY, (1, -1, 0, 0), 0, ("m2", "m3")),
        # nothing swings a vote that is already decided
        (MAJORITY, (1, 1, 1, 0), 0, ()),
        # eight yes and no veto risk: each undecided elected member can bring the ninth
        (UNSC, (1, 1, 1, 1, 1, 1, 1, 1, 0, 0, -1, -1, -1, -1, -1), 5, ("m8", "m9")),
        # nine yes already: only the undecided permanent member's veto decides
        (UNSC, (0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0), 5, ("m0",)),
        # a known veto decides: nobody else is pivotal
        (UNSC, (-2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 5, ()),
        # under unanimity every undecided member can block
        ("unanimity", (1, 0, 1, 0), 4, ("m1", "m3")),
    ],
)
def test_it_names_the_pivotal_members(
    rule: str, stances: tuple[int, ...], vetoes: int, pivotal: tuple[str, ...]
) -> None:
    assert forecast(rule, *stances, vetoes=vetoes).pivotal == pivotal


def test_it_flags_only_veto_holders_leaning_against_as_veto_risks() -> None:
    result = forecast(UNSC, -1, 0, 1, 1, -2, *(1,) * 8, -1, -1, vetoes=5)
    assert result.veto_risk == ("m0", "m4")
    assert "m0, m4" in result.to_pass
    assert result.outcome is Outcome.LIKELY_FAIL


def test_it_counts_yes_no_and_undecided() -> None:
    result = forecast(MAJORITY, 2, 1, 0, None, -1, -2)
    assert (result.yes, result.no, result.undecided, result.seats) == (2, 2, 2, 6)


@pytest.mark.parametrize(
    ("stances", "words"),
    [
        ((1, 0, 0, 0), "passes if the undecided members abstain"),
        ((1, -1, -1, 0, 0, 0), "needs 2 more yes votes"),
        ((1, 1, 1, -1), "passes even if every undecided member votes no"),
        ((1, -1, -1, -1), "2 of the 3 members now against must switch"),  # 2-2 is a tie
        ((1, -1, -1, -1, 0), "even if the 1 undecided member votes yes"),
    ],
)
def test_it_says_what_it_takes_to_pass(stances: tuple[int, ...], words: str) -> None:
    assert words in forecast(MAJORITY, *stances).to_pass


def test_it_lets_an_ask_specific_assessment_win_over_a_later_general_one() -> None:
    content = WorkspaceContent(
        name="w",
        actors=(Actor("state:GH", "Ghana", ActorKind.STATE),),
        assessments=(
            Assessment("state:GH", None, -1, dt.date(2025, 1, 1), ask="hrc"),
            Assessment("state:GH", None, 2, dt.date(2026, 1, 1)),
            Assessment("state:GH", None, 1, dt.date(2026, 6, 1), ask="other"),
        ),
    )
    assert read_stances(content, "hrc")["state:GH"].stance == -1
    assert read_stances(content, "hrc")["state:GH"].basis is StanceBasis.ASK
    assert read_stances(content, "unrelated")["state:GH"].stance == 2
    assert read_stances(content, "other")["state:GH"].stance == 1


def test_it_takes_the_latest_general_assessment() -> None:
    content = WorkspaceContent(
        name="w",
        actors=(Actor("a", "A", ActorKind.NGO, stance=0),),
        assessments=(
            Assessment("a", None, 1, dt.date(2026, 1, 1)),
            Assessment("a", None, -1, dt.date(2025, 1, 1)),
            Assessment("a", 3, None, dt.date(2027, 1, 1)),  # no stance: ignored
        ),
    )
    assert read_stances(content, None)["a"].stance == 1


def test_it_lets_only_members_vote() -> None:
    seats, views = body(1, 0, 0)
    views["state:XX"] = StanceView("state:XX", -2)  # a non-member who opposes
    result = forecast_vote(seats, MAJORITY, views, body="test", on=DAY)
    assert (result.yes, result.no, result.undecided) == (1, 0, 2)
    assert "state:XX" not in {m.actor for m in result.members}


def test_it_reads_members_and_vetoes_from_the_knowledge_base() -> None:
    kb = load_knowledge()
    council = body_seats(kb, "unsc", DAY)
    assert len(council) == 15
    assert {s.actor for s in council if s.veto} == {
        "state:CN", "state:FR", "state:GB", "state:RU", "state:US"
    }  # fmt: skip
    assert len(body_seats(kb, "unga", DAY)) == 193
    assert len(body_seats(kb, "hrc", DAY)) == 47
    eu = body_seats(kb, "eu_council", DAY)
    assert len(eu) == 27 and all(s.veto for s in eu)
