"""Results of the strategy analyses: vote forecasts, targets, allies, plans and moments.

Pure, frozen dataclasses (standard library only). Each result carries its explanation:
the rule applied, the numbers and the relationships used, in words a group can check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from powermap.domain.messages import joined, say
from powermap.domain.vocab import RELATION_LABELS, RelationType


class StanceBasis(StrEnum):
    """Where a stance on an ask comes from (the first that exists wins)."""

    ASK = "ask"  # the latest assessment made for this ask
    GENERAL = "general"  # the latest general assessment
    UNKNOWN = "unknown"  # nothing recorded: counted as undecided


@dataclass(frozen=True, slots=True)
class StanceView:
    """An actor's stance on one ask, with the assessment it comes from."""

    actor: str
    stance: int | None
    basis: StanceBasis = StanceBasis.UNKNOWN
    date: dt.date | None = None
    confidence: float | None = None
    source_ref: str = ""
    note: str = ""

    def describe(self) -> str:
        """`stance +1, assessed for this ask on 2026-10-01 (confidence 0.7)`."""
        if self.stance is None:
            return say("stance unknown (no assessment recorded)")
        ask = self.basis is StanceBasis.ASK
        values = {"stance": f"{self.stance:+d}", "date": self.date.isoformat() if self.date else "",
                  "confidence": f"{self.confidence:.1f}" if self.confidence is not None else ""}  # fmt: skip
        match (ask, self.date is not None, self.confidence is not None):
            case (True, True, True):
                return say("stance %(stance)s, assessed for this ask on %(date)s (confidence "
                           "%(confidence)s)", **values)  # fmt: skip
            case (True, True, False):
                return say("stance %(stance)s, assessed for this ask on %(date)s", **values)
            case (True, False, _):
                return say("stance %(stance)s, assessed for this ask", **values)
            case (False, True, True):
                return say("stance %(stance)s, assessed in general on %(date)s (confidence "
                           "%(confidence)s)", **values)  # fmt: skip
            case (False, True, False):
                return say("stance %(stance)s, assessed in general on %(date)s", **values)
            case _:
                return say("stance %(stance)s, assessed in general", **values)


class Vote(StrEnum):
    YES = "yes"
    NO = "no"
    UNDECIDED = "undecided"


class Outcome(StrEnum):
    LIKELY_PASS = "likely_pass"  # noqa: S105  # an outcome, not a password
    LIKELY_FAIL = "likely_fail"  # fails even if every undecided member votes yes
    UNCERTAIN = "uncertain"  # the undecided members decide
    NOT_A_VOTE = "not_a_vote"  # the decider does not vote (an official, a court)


@dataclass(frozen=True, slots=True)
class MemberVote:
    """How one member of the deciding body is expected to vote, and why."""

    actor: str
    vote: Vote
    stance: StanceView
    veto_holder: bool = False


@dataclass(frozen=True, slots=True)
class Forecast:
    """A vote forecast for one body and one ask."""

    body: str
    rule: str
    rule_text: str
    on: dt.date
    members: tuple[MemberVote, ...]
    yes: int
    no: int
    undecided: int
    outcome: Outcome
    pivotal: tuple[str, ...] = ()
    veto_risk: tuple[str, ...] = ()
    to_pass: str = ""
    reasons: tuple[str, ...] = ()

    @property
    def seats(self) -> int:
        return len(self.members)


class TargetRole(StrEnum):
    DECIDER = "decider"
    VOTER = "voter"
    VETO = "veto"
    INFLUENCER = "influencer"
    IMPLEMENTER = "implementer"


@dataclass(frozen=True, slots=True)
class PathStep:
    """One actor on a path, and the relationship that led to it from the previous one."""

    actor: str
    name: str
    relation: RelationType | None = None  # None for the first actor (one of ours)
    strength: float = 1.0
    backwards: bool = False  # the relationship points from this actor to the previous

    def relation_words(self) -> str:
        """How the previous actor relates to this one: `knows`, `is funded by`, ..."""
        if self.relation is None:
            return ""
        forward, backward, _ = RELATION_LABELS[self.relation]
        return backward if self.backwards else forward


@dataclass(frozen=True, slots=True)
class Path:
    """A chain of relationships from one of the group's own actors to a target.

    Its strength is the product of the strengths of its relationships.
    """

    steps: tuple[PathStep, ...]
    strength: float

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(step.actor for step in self.steps)

    @property
    def intermediaries(self) -> tuple[PathStep, ...]:
        return self.steps[1:-1]

    def describe(self) -> str:
        """`survivors -> press (knows, 0.5) -> state:GH (influences, 0.2)`."""
        parts: list[str] = [self.steps[0].name] if self.steps else []
        for step in self.steps[1:]:
            words = step.relation_words()
            parts.append(say("%(actor)s (%(relation)s, %(strength)s)", actor=step.name,
                             relation=say(words) if words else "",
                             strength=f"{step.strength:.2f}"))  # fmt: skip
        return joined(parts, " -> ")


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor of a target's score: its value in [0, 1], its weight, and why."""

    name: str
    value: float
    weight: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArgumentChoice:
    """An argument from the knowledge base that applies to an actor, and why it does."""

    id: str
    title: str
    kind: str
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class Target:
    """An actor to work on for an ask: role, score with its factors, paths, arguments."""

    actor: str
    name: str
    role: TargetRole
    score: float
    stance: StanceView
    factors: tuple[Factor, ...]
    reasons: tuple[str, ...]
    paths: tuple[Path, ...] = ()
    arguments: tuple[ArgumentChoice, ...] = ()
    pinned: bool = False

    def factor(self, name: str) -> Factor:
        return next(f for f in self.factors if f.name == name)


@dataclass(frozen=True, slots=True)
class Ally:
    """A champion of the ask (stance +2) to mobilise rather than persuade."""

    actor: str
    name: str
    role: TargetRole | None
    stance: StanceView
    reasons: tuple[str, ...]
    paths: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """Weights of the weighted geometric mean that scores targets (they sum to 1).

    `reach_floor` is the reachability an actor with no known path still gets, so that
    an unreachable decider stays on the list (with the advice to find a way in).
    """

    leverage: float = 0.5
    movability: float = 0.3
    reachability: float = 0.2
    reach_floor: float = 0.05


@dataclass(frozen=True, slots=True)
class TargetingOptions:
    """What the group decided about the ranking: pins, exclusions, limits, weights."""

    pins: tuple[str, ...] = ()  # always listed first, in this order
    exclusions: tuple[str, ...] = ()  # never listed as targets or allies
    on: dt.date | None = None  # the date for memberships and treaties (default: today)
    limit: int = 20
    max_paths: int = 3
    max_arguments: int = 3
    weights: ScoreWeights = field(default_factory=ScoreWeights)
    own_group: tuple[str, ...] = ()  # override who "we" are (default: see ranking)
    deciders: tuple[str, ...] = ()  # override the deciders named by the ask kind


@dataclass(frozen=True, slots=True)
class Ranking:
    """The answer to "whom to work on for this ask": forecast, targets and allies."""

    ask: str
    ask_kind: str
    body: str | None
    decision_rule: str
    decision_rule_text: str
    forecast: Forecast | None
    targets: tuple[Target, ...]
    allies: tuple[Ally, ...]
    own_group: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    weights: ScoreWeights = field(default_factory=ScoreWeights)
    notes: tuple[str, ...] = ()


# Calendar and plan


class MomentSource(StrEnum):
    KNOWLEDGE = "knowledge"
    WORKSPACE = "workspace"


@dataclass(frozen=True, slots=True)
class WorkspaceMoment:
    """A date of the group's own, such as the anniversary of the atrocity."""

    id: str
    name: str
    date: dt.date
    yearly: bool = True
    lead_time_days: int | None = None
    ask_kinds: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class MomentOccurrence:
    """One dated occurrence of a moment (a day, a session, a presidency month)."""

    moment: str
    name: str
    start: dt.date
    end: dt.date
    source: MomentSource = MomentSource.KNOWLEDGE
    body: str | None = None
    estimated: bool = False
    holder: str | None = None  # the state holding a rotating presidency
    lead_time_days: int | None = None
    ask_kinds: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    description: str = ""
    note: str = ""

    def suits(self, ask_id: str, ask_kind: str) -> bool:
        return ask_id in self.asks or ask_kind in self.ask_kinds


@dataclass(frozen=True, slots=True)
class UndatedMoment:
    """A moment whose dates are not known yet (only when it usually falls)."""

    moment: str
    name: str
    typical: str
    body: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Calendar:
    start: dt.date
    end: dt.date
    occurrences: tuple[MomentOccurrence, ...]
    undated: tuple[UndatedMoment, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """What the group knows about its plan: who owns which step, what is done."""

    today: dt.date | None = None
    owners: Mapping[str, str] = field(default_factory=dict)  # step id -> owner
    done: tuple[str, ...] = ()  # step ids already completed
    done_on: Mapping[str, dt.date] = field(default_factory=dict)  # step id -> day it was done
    anchor_step: str | None = None  # the step that must land on the moment
    moment: str | None = None  # force one moment id
    not_before: dt.date | None = None  # no decision before this day
    deadline: dt.date | None = None  # no decision after this day, if it can be met
    horizon_days: int = 730
    stances: Mapping[str, int | None] = field(default_factory=dict)  # presidency holders


@dataclass(frozen=True, slots=True)
class PlanStep:
    """A step of the plan with its window: start between the two dates, finish by deadline."""

    id: str
    title: str
    owner: str
    depends_on: tuple[str, ...]
    lead_time_days: int
    earliest_start: dt.date
    latest_start: dt.date
    deadline: dt.date
    slack_days: int
    critical: bool = False
    after_decision: bool = False
    done: bool = False
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class NextAction:
    step: str
    title: str
    owner: str
    start_by: dt.date
    why: str


@dataclass(frozen=True, slots=True)
class Plan:
    """An ask kind's blueprint scheduled backward from a strategic moment."""

    ask: str
    ask_kind: str
    title: str
    anchor_step: str
    moment: MomentOccurrence | None
    decision_date: dt.date
    start_date: dt.date
    steps: tuple[PlanStep, ...]
    critical_path: tuple[str, ...]
    next_actions: tuple[NextAction, ...]
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    other_moments: tuple[MomentOccurrence, ...] = ()

    def step(self, step_id: str) -> PlanStep:
        return next(s for s in self.steps if s.id == step_id)
