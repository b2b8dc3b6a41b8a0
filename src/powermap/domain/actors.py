"""The power map's domain objects: actors, relationships and assessments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from powermap.domain.strategy import WorkspaceMoment
from powermap.domain.vocab import ActorKind, RelationType


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    tags: tuple[str, ...] = ()
    notes: str = ""
    confidential: bool = False
    reference: bool = False
    stance: int | None = None
    influence: int | None = None


@dataclass(frozen=True, slots=True)
class Relationship:
    source: str
    target: str
    type: RelationType
    strength: float = 0.5
    source_ref: str = ""
    note: str = ""
    confidential: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    actor: str
    influence: int | None
    stance: int | None
    date: dt.date
    ask: str | None = None
    confidence: float | None = None
    source_ref: str = ""
    note: str = ""
    confidential: bool = False


@dataclass(frozen=True, slots=True)
class StepProgress:
    """The group's progress on one step of an ask's plan: who owns it, when it was done.

    `step` is the id of a step of the ask kind's blueprint (knowledge base).
    """

    step: str
    owner: str = ""
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Ask:
    """A justice request: its kind (knowledge base), who decides, and the group's choices.

    `body` is a knowledge-base body id without prefix (`unsc`); `decider` is one actor id
    that decides alone instead (a prosecutor on the map). `pinned_targets` are always
    listed first, in this order; `excluded_targets` are never listed. `deadline` is the
    day by which the group wants the decision; `moment` the id of the calendar moment
    (knowledge base or workspace) the group chose to aim at; `steps` its progress on the
    plan, one entry per step.
    """

    id: str
    kind: str
    title: str
    body: str = ""
    notes: str = ""
    decider: str = ""
    pinned_targets: tuple[str, ...] = ()
    excluded_targets: tuple[str, ...] = ()
    deadline: dt.date | None = None
    moment: str = ""
    steps: tuple[StepProgress, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkspaceContent:
    """Everything a workspace holds, as the YAML file and the analysis see it."""

    name: str
    situation: str = ""
    actors: tuple[Actor, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    asks: tuple[Ask, ...] = field(default=())
    moments: tuple[WorkspaceMoment, ...] = ()
