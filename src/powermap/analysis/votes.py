"""Vote forecasts: who sits on the deciding body, how each member is expected to vote,
and whether the ask passes under the body's decision rule.

A member's stance on the ask counts as a vote: +1 or +2 is yes, -1 or -2 is no, 0 or
unknown is undecided. The stance for an ask comes from the latest assessment made for
that ask; failing that, from the latest general assessment (see `read_stances`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from powermap.domain.actors import Assessment, WorkspaceContent
from powermap.domain.messages import joined, say, say_plural
from powermap.domain.strategy import Forecast, MemberVote, Outcome, StanceBasis, StanceView, Vote
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import State

# Every UN member sits in the General Assembly and its Main Committees (Charter art. 9 and
# 21); the knowledge base does not list them as members of these bodies.
UNIVERSAL_MEMBERSHIP = frozenset({"unga", "unga_third_committee", "unga_sixth_committee"})


class Tally(NamedTuple):
    """Votes cast: `vetoes` are the no votes of members whose no alone blocks."""

    yes: int
    no: int
    vetoes: int
    abstain: int
    seats: int


@dataclass(frozen=True, slots=True)
class Seat:
    """A member of a deciding body; `veto` when its negative vote alone blocks."""

    actor: str
    veto: bool = False


@dataclass(frozen=True, slots=True)
class VoteRule:
    token: str
    passes: Callable[[Tally], bool]
    text: str
    every_member_has_veto: bool = False
    permanent_members_have_veto: bool = False


def _majority_present_voting(t: Tally) -> bool:
    return t.yes > t.no


def _two_thirds_present_voting(t: Tally) -> bool:
    return t.yes > 0 and t.yes >= 2 * t.no


def _majority_of_members(t: Tally) -> bool:
    return t.yes > t.seats / 2


def _nine_and_no_veto(t: Tally) -> bool:
    return t.yes >= 9 and t.vetoes == 0


def _unanimity(t: Tally) -> bool:
    return t.no == 0 and t.yes > 0 and t.abstain < t.seats / 3


def _no_objection(t: Tally) -> bool:
    return t.no == 0 and t.yes > 0


def _qualified_majority(t: Tally) -> bool:
    return t.yes >= math.ceil(0.55 * t.seats)


RULES: dict[str, VoteRule] = {
    rule.token: rule
    for rule in (
        VoteRule(
            "simple_majority_present_voting",
            _majority_present_voting,
            say(
                "More yes than no votes among members present and voting; abstentions do "
                "not count and a tie fails (UN Charter art. 18(3); GA rules of procedure 86 "
                "and 126; the Human Rights Council follows the committee rules under GA res "
                "60/251 para. 11)."
            ),
        ),
        VoteRule(
            "two_thirds_present_voting",
            _two_thirds_present_voting,
            say(
                "At least two thirds of members present and voting say yes; abstentions do "
                "not count (UN Charter art. 18(2))."
            ),
        ),
        VoteRule(
            "majority_of_members",
            _majority_of_members,
            say("More than half of all members say yes; abstaining counts like voting no."),
        ),
        VoteRule(
            "nine_votes_no_p5_veto",
            _nine_and_no_veto,
            say(
                "Nine affirmative votes and no negative vote of a permanent member (UN "
                "Charter art. 27(3)); a permanent member's abstention is not a veto."
            ),
            permanent_members_have_veto=True,
        ),
        VoteRule(
            "unanimity",
            _unanimity,
            say(
                "No member votes against; members may abstain (constructive abstention, TEU "
                "art. 31(1)) unless abstainers reach one third of the members."
            ),
            every_member_has_veto=True,
        ),
        VoteRule(
            "consensus",
            _no_objection,
            say("Adopted when no member objects; any one member can block."),
            every_member_has_veto=True,
        ),
        VoteRule(
            "qualified_majority",
            _qualified_majority,
            say(  # xgettext:no-python-format
                "At least 55% of the members vote yes (TEU art. 16(4)); the second condition, "
                "65% of the EU population, is not checked here."
            ),
        ),
    )
}
"""Decision rules that are votes of members; other rules (officials, courts) are not."""


def vote_of(stance: int | None) -> Vote:
    """+1 or more is yes, -1 or less is no, 0 or unknown is undecided."""
    if stance is None or stance == 0:
        return Vote.UNDECIDED
    return Vote.YES if stance > 0 else Vote.NO


class Stances(Mapping[str, StanceView]):
    """Stances on one ask by actor id; each view is made when it is asked for.

    Large maps have tens of thousands of assessed actors, while a ranking explains only
    a few of them: the numbers are read in bulk with `numbers()`.
    """

    def __init__(
        self,
        specific: dict[str, Assessment],
        general: dict[str, Assessment],
        own: dict[str, int],
    ) -> None:
        self._specific, self._general, self._own = specific, general, own
        self._keys = own.keys() | general.keys() | specific.keys()

    def __getitem__(self, actor_id: str) -> StanceView:
        if actor_id in self._specific:
            return _view(self._specific[actor_id], StanceBasis.ASK)
        if actor_id in self._general:
            return _view(self._general[actor_id], StanceBasis.GENERAL)
        if actor_id in self._own:
            return StanceView(actor_id, self._own[actor_id], StanceBasis.GENERAL)
        raise KeyError(actor_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def numbers(self) -> dict[str, int]:
        """Actor id -> stance, without making the views."""
        numbers = dict(self._own)
        numbers |= {k: a.stance for k, a in self._general.items() if a.stance is not None}
        numbers |= {k: a.stance for k, a in self._specific.items() if a.stance is not None}
        return numbers


def read_stances(content: WorkspaceContent, ask_id: str | None) -> Stances:
    """Each actor's stance on the ask: an ask-specific assessment wins over a general one.

    Within each kind the latest assessment with a stance wins (by date, then by the order
    recorded). An actor's own `stance` field counts as a general stance when no general
    assessment exists. Actors with neither are absent (their stance is unknown).
    """
    specific: dict[str, Assessment] = {}
    general: dict[str, Assessment] = {}
    for a in content.assessments:
        if a.stance is None:
            continue
        if a.ask is None:
            _keep_latest(general, a)
        elif a.ask == ask_id:
            _keep_latest(specific, a)
    own = {actor.id: actor.stance for actor in content.actors if actor.stance is not None}
    return Stances(specific, general, own)


def _keep_latest(latest: dict[str, Assessment], assessment: Assessment) -> None:
    current = latest.get(assessment.actor)
    if current is None or assessment.date >= current.date:
        latest[assessment.actor] = assessment


def _view(a: Assessment, basis: StanceBasis) -> StanceView:
    return StanceView(a.actor, a.stance, basis, a.date, a.confidence, a.source_ref, a.note)


def stance_of(stances: Mapping[str, StanceView], actor_id: str) -> StanceView:
    return stances.get(actor_id) or StanceView(actor_id, None)


def body_seats(kb: KnowledgeBase, body_id: str, on: dt.date) -> list[Seat]:
    """The states sitting on a body on a date, as `state:XX` actors, with veto holders.

    Permanent members hold a veto under `nine_votes_no_p5_veto`; every member does under
    `unanimity` and `consensus`. Bodies of individuals (courts, committees of experts)
    have no state seats and give an empty list.
    """
    body = kb.bodies[body_id]
    rule = RULES.get(body.decision_rule)
    every = rule is not None and rule.every_member_has_veto
    permanent = rule is not None and rule.permanent_members_have_veto
    if body_id in UNIVERSAL_MEMBERSHIP:
        return [Seat(f"state:{s.id}", every) for s in kb.states.values() if _un_member(s, on)]
    return [
        Seat(f"state:{m.state}", every or (permanent and m.permanent))
        for m in kb.body_members(body_id, on)
    ]


def _un_member(state: State, on: dt.date) -> bool:
    since = state.un_member_since
    return state.un_member and (since is None or since <= on)


def forecast_vote(
    seats: Sequence[Seat],
    rule_token: str,
    stances: Mapping[str, StanceView],
    *,
    body: str,
    on: dt.date,
    rule_text: str = "",
    name: Callable[[str], str] = str,
) -> Forecast:
    """Count yes, no and undecided among the seats and apply the decision rule.

    The outcome is `likely_pass` when the ask passes even if every undecided member
    votes no, `likely_fail` when it fails even if every undecided member votes yes, and
    `uncertain` otherwise. An undecided member is pivotal when some way the other
    undecided members could vote makes its own vote decide the outcome. A veto risk is a
    veto holder whose stance is below zero. Only members vote: non-members can only
    influence them. `name` gives the words for an actor id in the explanations.
    """
    rule = RULES[rule_token]
    members = tuple(
        MemberVote(s.actor, vote_of(stance_of(stances, s.actor).stance),
                   stance_of(stances, s.actor), s.veto)
        for s in seats
    )  # fmt: skip
    count = _Count.of(members)
    outcome = _outcome(rule, count)
    pivotal = _pivotal(rule, count, members) if outcome is Outcome.UNCERTAIN else ()
    veto_risk = tuple(m.actor for m in members if m.veto_holder and (m.stance.stance or 0) < 0)
    vetoers = joined([name(a) for a in veto_risk], ", ")
    return Forecast(
        body=body, rule=rule_token, rule_text=rule_text or rule.text, on=on, members=members,
        yes=count.yes, no=count.no, undecided=count.undecided_total, outcome=outcome,
        pivotal=pivotal, veto_risk=veto_risk, to_pass=_to_pass(rule, count, vetoers),
        reasons=_reasons(rule, count, outcome, pivotal, vetoers),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Count:
    yes: int
    no: int
    vetoes: int
    undecided: int  # without a veto
    undecided_veto: int
    seats: int

    @classmethod
    def of(cls, members: Iterable[MemberVote]) -> _Count:
        members = list(members)
        return cls(
            yes=sum(m.vote is Vote.YES for m in members),
            no=sum(m.vote is Vote.NO for m in members),
            vetoes=sum(m.vote is Vote.NO and m.veto_holder for m in members),
            undecided=sum(m.vote is Vote.UNDECIDED and not m.veto_holder for m in members),
            undecided_veto=sum(m.vote is Vote.UNDECIDED and m.veto_holder for m in members),
            seats=len(members),
        )

    @property
    def undecided_total(self) -> int:
        return self.undecided + self.undecided_veto

    def tally(self, yes: int = 0, no: int = 0, vetoes: int = 0) -> Tally:
        """The tally if `yes`/`no` undecided members vote so and the rest abstain."""
        cast_yes, cast_no = self.yes + yes, self.no + no
        abstain = self.seats - cast_yes - cast_no
        return Tally(cast_yes, cast_no, self.vetoes + vetoes, abstain, self.seats)


def _outcome(rule: VoteRule, c: _Count) -> Outcome:
    all_no = c.tally(no=c.undecided_total, vetoes=c.undecided_veto)
    if rule.passes(all_no):
        return Outcome.LIKELY_PASS
    if not rule.passes(c.tally(yes=c.undecided_total)):
        return Outcome.LIKELY_FAIL
    return Outcome.UNCERTAIN


def _pivotal(rule: VoteRule, c: _Count, members: Sequence[MemberVote]) -> tuple[str, ...]:
    undecided = [m for m in members if m.vote is Vote.UNDECIDED]
    swing = {veto: _can_swing(rule, c, veto) for veto in {m.veto_holder for m in undecided}}
    return tuple(m.actor for m in undecided if swing[m.veto_holder])


def _can_swing(rule: VoteRule, c: _Count, veto: bool) -> bool:
    """Whether one undecided member (with or without a veto) can decide the outcome.

    The others: `a` vote yes, `b` (members without a veto) vote no, the rest abstain; a
    veto holder among the others never votes no, since that alone would decide. For each
    `b`, the smallest `a` that passes with the member's yes is the best chance that the
    member's no then fails (every rule is monotone in `a`).
    """
    if c.vetoes:
        return False
    others = c.undecided_total - 1
    others_without_veto = c.undecided - (0 if veto else 1)
    for b in range(others_without_veto + 1):
        top = others - b

        def yes_passes(a: int, b: int = b) -> bool:
            return rule.passes(c.tally(yes=a + 1, no=b))

        a = bisect.bisect_left(range(top + 1), True, key=yes_passes)
        if a <= top and not rule.passes(c.tally(yes=a, no=b + 1, vetoes=int(veto))):
            return True
    return False


def _to_pass(rule: VoteRule, c: _Count, vetoers: str) -> str:
    """What it takes to pass, in words and numbers."""
    if c.vetoes:
        return say("A negative vote by %(members)s would block it: each must abstain or vote "
                   "yes instead.", members=vetoers)  # fmt: skip
    if not rule.passes(c.tally(yes=c.undecided_total)):
        switch = _fewest(lambda k: rule.passes(_switch_no(c, k)), c.no)
        if switch is None:
            return say("It cannot pass with the current membership even if everyone votes yes.")
        if c.undecided_total:
            return say_plural(
                "It fails even if the %(count)d undecided member votes yes: %(switch)d of the "
                "%(against)d members now against must switch to yes.",
                "It fails even if the %(count)d undecided members vote yes: %(switch)d of the "
                "%(against)d members now against must switch to yes.",
                c.undecided_total, switch=switch, against=c.no,
            )  # fmt: skip
        return say("It fails as things stand: %(switch)d of the %(against)d members now against "
                   "must switch to yes.", switch=switch, against=c.no)  # fmt: skip
    if rule.passes(_secured(c, 0)):
        return say("It passes even if every undecided member votes no; keep the yes votes.")
    if_abstain = _fewest(lambda k: rule.passes(c.tally(yes=k)), c.undecided_total) or 0
    secure = _fewest(lambda k: rule.passes(_secured(c, k)), c.undecided_total) or 0
    if if_abstain == 0:
        return say("It passes if the undecided members abstain; to pass even if they vote no, "
                   "%(secure)d of the %(undecided)d undecided members must vote yes.",
                   secure=secure, undecided=c.undecided_total)  # fmt: skip
    return say_plural(
        "It needs %(count)d more yes vote if the other undecided members abstain; to pass "
        "even if they vote no, %(secure)d of the %(undecided)d undecided members must vote yes.",
        "It needs %(count)d more yes votes if the other undecided members abstain; to pass "
        "even if they vote no, %(secure)d of the %(undecided)d undecided members must vote yes.",
        if_abstain, secure=secure, undecided=c.undecided_total,
    )  # fmt: skip


def _switch_no(c: _Count, k: int) -> Tally:
    best = c.tally(yes=c.undecided_total)
    return Tally(best.yes + k, best.no - k, best.vetoes, best.abstain, best.seats)


def _secured(c: _Count, k: int) -> Tally:
    """`k` undecided vote yes (veto holders first), the rest vote no."""
    veto_no = max(0, c.undecided_veto - k)
    return c.tally(yes=k, no=c.undecided_total - k, vetoes=veto_no)


def _fewest(passes: Callable[[int], bool], most: int) -> int | None:
    return next((k for k in range(most + 1) if passes(k)), None)


def _reasons(
    rule: VoteRule,
    c: _Count,
    outcome: Outcome,
    pivotal: Sequence[str],
    vetoers: str,
) -> tuple[str, ...]:
    reasons = [
        say("Rule: %(rule)s", rule=rule.text),
        say("Of %(seats)d members, %(yes)d are expected to vote yes (stance +1 or +2), %(no)d "
            "no (stance -1 or -2) and %(undecided)d are undecided (stance 0 or not assessed).",
            seats=c.seats, yes=c.yes, no=c.no, undecided=c.undecided_total),
    ]  # fmt: skip
    if outcome is Outcome.LIKELY_PASS:
        reasons.append(say("It passes even if every undecided member votes no."))
    elif outcome is Outcome.LIKELY_FAIL:
        reasons.append(say("It fails even if every undecided member votes yes."))
    else:
        reasons.append(say_plural("The undecided members decide: %(count)d of them is pivotal.",
                                  "The undecided members decide: %(count)d of them are pivotal.",
                                  len(pivotal)))  # fmt: skip
    if vetoers:
        reasons.append(say("Veto risk: %(members)s hold a veto and lean against.",
                           members=vetoers))  # fmt: skip
    return tuple(reasons)


def forecast_for_body(
    kb: KnowledgeBase,
    body_id: str,
    stances: Mapping[str, StanceView],
    on: dt.date,
) -> Forecast | None:
    """The forecast for a body of the knowledge base, or None if it does not vote.

    Bodies decided by an official or a court, and bodies whose members are individuals
    rather than states, have no vote to forecast.
    """
    body = kb.bodies.get(body_id)
    if body is None or body.decision_rule not in RULES:
        return None
    seats = body_seats(kb, body_id, on)
    if not seats:
        return None
    text = body.decision_rule_text or RULES[body.decision_rule].text
    return forecast_vote(seats, body.decision_rule, stances, body=body_id, on=on, rule_text=text,
                         name=lambda actor: _state_name(kb, actor))  # fmt: skip


def _state_name(kb: KnowledgeBase, actor: str) -> str:
    state = kb.states.get(actor.removeprefix("state:")) if actor.startswith("state:") else None
    return state.display_name if state is not None else actor
