"""Arguments for an actor: the knowledge base's arguments whose conditions all hold.

Conditions about treaties, organisations and seats are checked against the state the
actor stands for: the actor itself when it is a state (`state:XX`), else the state it
works for or represents (its strongest such relationship). Tags, kind, stance and past
positions are the actor's own, as recorded in the workspace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from powermap.domain.actors import Actor, Assessment, Relationship
from powermap.domain.strategy import ArgumentChoice, StanceView
from powermap.domain.vocab import RelationType
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import Argument, Condition

# Legal obligations persuade first, then the actor's own record, then interests.
KIND_ORDER = (
    "legal_obligation",
    "consistency",
    "national_interest",
    "domestic_constituency",
    "reputation",
    "cost_of_inaction",
)
PRINCIPAL_TYPES = frozenset({RelationType.WORKS_FOR, RelationType.REPRESENTS})


@dataclass(frozen=True, slots=True)
class Subject:
    """What the conditions are checked against for one actor."""

    actor: Actor
    name: str
    kind: str
    stance: StanceView
    state: str | None = None  # ISO2 of the state the actor is or stands for
    via: str = ""  # words saying how the actor stands for that state
    memberships: frozenset[str] = frozenset()  # ids the actor is `member_of` in the map
    history: tuple[Assessment, ...] = ()


@dataclass
class ArgumentContext:
    """The knowledge base, the date and caches shared by the actors of one ranking."""

    kb: KnowledgeBase
    on: dt.date
    ask_kind: str
    state_names: dict[str, str] = field(default_factory=dict)
    _status: dict[tuple[str, str], tuple[str, tuple[str, ...], dt.date | None]] = field(
        default_factory=dict
    )

    def treaty(self, iso2: str, treaty_id: str) -> tuple[str, tuple[str, ...], dt.date | None]:
        """(status on the date, declarations in force, date of ratification or accession)."""
        key = (iso2, treaty_id)
        if key not in self._status:
            p = self.kb.treaty_status(iso2, treaty_id, on=self.on)
            withdrawn = p.declaration_withdrawn is not None and p.declaration_withdrawn <= self.on
            declarations = () if withdrawn else tuple(p.declarations)
            self._status[key] = (p.status, declarations, p.date or p.in_force)
        return self._status[key]

    def state_name(self, iso2: str) -> str:
        if iso2 not in self.state_names:
            state = self.kb.states.get(iso2)
            self.state_names[iso2] = state.name_en if state else iso2
        return self.state_names[iso2]


def make_subject(
    actor: Actor,
    *,
    name: str,
    kind: str,
    stance: StanceView,
    links: Iterable[Relationship] = (),
    history: Sequence[Assessment] = (),
) -> Subject:
    """A subject from the actor and its outgoing relationships and assessments."""
    links = list(links)
    state, via = _principal(actor, links)
    memberships = frozenset(r.target for r in links if r.type is RelationType.MEMBER_OF)
    return Subject(actor, name, kind, stance, state, via, memberships, tuple(history))


def _principal(actor: Actor, links: Sequence[Relationship]) -> tuple[str | None, str]:
    if actor.id.startswith("state:"):
        return actor.id.removeprefix("state:"), ""
    principals = [r for r in links if r.type in PRINCIPAL_TYPES and r.target.startswith("state:")]
    if not principals:
        return None, ""
    best = max(principals, key=lambda r: r.strength)
    return best.target.removeprefix("state:"), f"{best.type.value.replace('_', ' ')} {best.target}"


def choose_arguments(
    subject: Subject, context: ArgumentContext, most: int = 3
) -> tuple[ArgumentChoice, ...]:
    """The arguments whose `applies_when` conditions all hold for the subject.

    An argument limited to some ask kinds is used only for those kinds. The order:
    arguments written for this ask kind first, then by kind (legal obligations first,
    cost of inaction last), then the more specific (more conditions) first.
    """
    chosen = []
    for argument in context.kb.arguments.values():
        if argument.ask_kinds and context.ask_kind not in argument.ask_kinds:
            continue
        reasons = _all_hold(argument.applies_when, subject, context)
        if reasons is not None:
            chosen.append((argument, reasons))
    chosen.sort(key=lambda pair: _order(pair[0], context.ask_kind))
    return tuple(_choice(argument, reasons, subject, context)
                 for argument, reasons in chosen[:most])  # fmt: skip


def _order(argument: Argument, ask_kind: str) -> tuple[int, int, int, str]:
    specific = 0 if ask_kind in argument.ask_kinds else 1
    kind = KIND_ORDER.index(argument.argument_kind)
    return specific, kind, -len(argument.applies_when), argument.id


def _choice(
    argument: Argument, reasons: Sequence[str], subject: Subject, context: ArgumentContext
) -> ArgumentChoice:
    why = "; ".join(reasons) if reasons else "applies to any actor"
    return ArgumentChoice(
        id=argument.id, title=argument.title, kind=argument.argument_kind,
        text=argument.text.replace("{actor}", _named(argument, subject, context)), why=why,
    )  # fmt: skip


def _named(argument: Argument, subject: Subject, context: ArgumentContext) -> str:
    """Who the argument's text speaks of: the state, when its conditions hold for the
    state a person or agency stands for (a diplomat is told what *their state* signed
    or where it sits), else the actor itself."""
    if subject.via and any(_about_state(c, subject) for c in argument.applies_when):
        return context.state_name(subject.state or "")
    return subject.name


def _about_state(c: Condition, subject: Subject) -> bool:
    if c.treaty is not None or c.regional_group is not None:
        return True
    if c.member_of is not None:
        return f"org:{c.member_of}" not in subject.memberships
    if c.body_member is not None:
        return f"body:{c.body_member}" not in subject.memberships
    return False


def _all_hold(
    conditions: Iterable[Condition], subject: Subject, context: ArgumentContext
) -> list[str] | None:
    reasons = []
    for condition in conditions:
        reason = condition_holds(condition, subject, context)
        if reason is None:
            return None
        reasons.append(reason)
    return reasons


def condition_holds(condition: Condition, subject: Subject, context: ArgumentContext) -> str | None:
    """Why the condition holds for the subject, or None when it does not."""
    c = condition
    if c.treaty is not None:
        return _treaty(c.treaty, c.status, c.declaration, subject, context)
    if c.member_of is not None:
        return _member_of(c.member_of, subject, context)
    if c.body_member is not None:
        return _body_member(c.body_member, subject, context)
    if c.actor_kind is not None:
        kinds = c.actor_kind
        return f"{subject.name} is of kind {subject.kind}" if subject.kind in kinds else None
    if c.regional_group is not None:
        return _regional_group(c.regional_group, subject, context)
    if c.has_tag is not None:
        return f"tagged '{c.has_tag}' in your map" if c.has_tag in subject.actor.tags else None
    if c.stance_at_least is not None:
        return _stance_at_least(c.stance_at_least, subject)
    if c.past_position is not None:
        return _past_position(c.past_position, subject)
    return None


def _as_state(subject: Subject, context: ArgumentContext) -> str:
    name = context.state_name(subject.state or "")
    return f"{name} (which it {subject.via})" if subject.via else name


def _treaty(
    treaty_id: str,
    status: str | None,
    declaration: str | None,
    subject: Subject,
    context: ArgumentContext,
) -> str | None:
    if subject.state is None or treaty_id not in context.kb.treaties:
        return None
    found, declarations, since = context.treaty(subject.state, treaty_id)
    treaty = context.kb.treaties[treaty_id].name_en
    if declaration is not None:
        if declaration not in declarations:
            return None
        return (
            f"{_as_state(subject, context)} made the {declaration} declaration under the {treaty}"
        )
    if found != status:
        return None
    when = f" since {since.isoformat()}" if since and status == "party" else ""
    return f"{_as_state(subject, context)} is {_status_words(found)} the {treaty}{when}"


def _status_words(status: str) -> str:
    return {"party": "a party to", "signatory": "a signatory of"}.get(status, f"{status} of")


def _member_of(org_id: str, subject: Subject, context: ArgumentContext) -> str | None:
    org = context.kb.organisations.get(org_id)
    if f"org:{org_id}" in subject.memberships:
        return f"your map records it as a member of {org.name_en if org else org_id}"
    if org is None or subject.state is None:
        return None
    if any(m.state == subject.state and m.is_member_on(context.on) for m in org.members):
        return f"{_as_state(subject, context)} is a member of {org.name_en}"
    return None


def _body_member(body_id: str, subject: Subject, context: ArgumentContext) -> str | None:
    body = context.kb.bodies.get(body_id)
    name = body.name_en if body else body_id
    if f"body:{body_id}" in subject.memberships:
        return f"your map records it as a member of the {name}"
    if body is None or subject.state is None:
        return None
    seats = context.kb.body_members(body_id, context.on)
    seat = next((m for m in seats if m.state == subject.state), None)
    if seat is None:
        return None
    term = "permanent member" if seat.permanent else _term(seat.term_start, seat.term_end)
    return f"{_as_state(subject, context)} sits on the {name} ({term})"


def _term(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"term {start.year}-{end.year}"
    return "member"


def _regional_group(group: str, subject: Subject, context: ArgumentContext) -> str | None:
    state = context.kb.states.get(subject.state or "")
    if state is None or state.regional_group != group:
        return None
    return f"{_as_state(subject, context)} belongs to the {group} regional group"


def _stance_at_least(least: int, subject: Subject) -> str | None:
    stance = subject.stance.stance
    if stance is None or stance < least:
        return None
    return f"its {subject.stance.describe()} is at least {least:+d}"


def _past_position(position: str, subject: Subject) -> str | None:
    def matches(a: Assessment) -> bool:
        return a.stance is not None and (
            a.stance >= 1 if position == "supportive" else a.stance <= -1
        )

    found = [a for a in subject.history if matches(a)]
    if not found:
        return None
    a = max(found, key=lambda a: a.date)
    scope = f"on ask {a.ask}" if a.ask else "in general"
    source = f" ({a.source_ref})" if a.source_ref else ""
    return f"recorded as {position} ({a.stance:+d}) {scope} on {a.date.isoformat()}{source}"


def histories(
    assessments: Iterable[Assessment], actor_ids: Iterable[str]
) -> Mapping[str, tuple[Assessment, ...]]:
    """The assessments of the given actors, by actor, in recorded order."""
    wanted = set(actor_ids)
    found: dict[str, list[Assessment]] = {a: [] for a in wanted}
    for a in assessments:
        if a.actor in wanted:
            found[a.actor].append(a)
    return {k: tuple(v) for k, v in found.items()}
