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
from powermap.domain.messages import joined, say
from powermap.domain.strategy import ArgumentChoice, StanceView
from powermap.domain.vocab import ACTOR_KIND_LABELS, RELATION_LABELS, ActorKind, RelationType
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
KINDS = frozenset(k.value for k in ActorKind)


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
            self.state_names[iso2] = state.display_name if state else iso2
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
    via = say("%(relation)s %(actor)s", relation=say(RELATION_LABELS[best.type][0]),
              actor=best.target)  # fmt: skip
    return best.target.removeprefix("state:"), via


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
    why = joined(reasons, "; ") if reasons else say("applies to any actor")
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
        if subject.kind not in kinds:
            return None
        label = ACTOR_KIND_LABELS.get(ActorKind(subject.kind)) if subject.kind in KINDS else None
        return say("%(actor)s is of kind %(kind)s", actor=subject.name,
                   kind=say(label) if label else subject.kind)  # fmt: skip
    if c.regional_group is not None:
        return _regional_group(c.regional_group, subject, context)
    if c.has_tag is not None:
        if c.has_tag not in subject.actor.tags:
            return None
        return say("tagged '%(tag)s' in your map", tag=c.has_tag)
    if c.stance_at_least is not None:
        return _stance_at_least(c.stance_at_least, subject)
    if c.past_position is not None:
        return _past_position(c.past_position, subject)
    return None


def _as_state(subject: Subject, context: ArgumentContext) -> str:
    name = context.state_name(subject.state or "")
    return say("%(state)s (which it %(via)s)", state=name, via=subject.via) if subject.via else name


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
    treaty = context.kb.treaties[treaty_id].display_name
    if declaration is not None:
        if declaration not in declarations:
            return None
        return say("%(state)s made the %(declaration)s declaration under the %(treaty)s",
                   state=_as_state(subject, context), declaration=declaration, treaty=treaty)  # fmt: skip
    if found != status:
        return None
    values = {"state": _as_state(subject, context), "treaty": treaty}
    if found == "party" and since:
        return say("%(state)s is a party to the %(treaty)s since %(date)s",
                   date=since.isoformat(), **values)  # fmt: skip
    if found == "party":
        return say("%(state)s is a party to the %(treaty)s", **values)
    if found == "signatory":
        return say("%(state)s is a signatory of the %(treaty)s", **values)
    return say("%(state)s is %(status)s of the %(treaty)s", status=found, **values)


def _member_of(org_id: str, subject: Subject, context: ArgumentContext) -> str | None:
    org = context.kb.organisations.get(org_id)
    if f"org:{org_id}" in subject.memberships:
        return say("your map records it as a member of %(org)s", org=org.display_name if org else org_id)
    if org is None or subject.state is None:
        return None
    if any(m.state == subject.state and m.is_member_on(context.on) for m in org.members):
        return say("%(state)s is a member of %(org)s", state=_as_state(subject, context),
                   org=org.display_name)  # fmt: skip
    return None


def _body_member(body_id: str, subject: Subject, context: ArgumentContext) -> str | None:
    body = context.kb.bodies.get(body_id)
    name = body.display_name if body else body_id
    if f"body:{body_id}" in subject.memberships:
        return say("your map records it as a member of the %(body)s", body=name)
    if body is None or subject.state is None:
        return None
    seats = context.kb.body_members(body_id, context.on)
    seat = next((m for m in seats if m.state == subject.state), None)
    if seat is None:
        return None
    term = say("permanent member") if seat.permanent else _term(seat.term_start, seat.term_end)
    return say("%(state)s sits on the %(body)s (%(term)s)", state=_as_state(subject, context),
               body=name, term=term)  # fmt: skip


def _term(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return say("term %(start)s-%(end)s", start=start.year, end=end.year)
    return say("member")


def _regional_group(group: str, subject: Subject, context: ArgumentContext) -> str | None:
    state = context.kb.states.get(subject.state or "")
    if state is None or state.regional_group != group:
        return None
    return say("%(state)s belongs to the %(group)s regional group",
               state=_as_state(subject, context), group=group)  # fmt: skip


def _stance_at_least(least: int, subject: Subject) -> str | None:
    stance = subject.stance.stance
    if stance is None or stance < least:
        return None
    return say("its %(stance)s is at least %(least)s", stance=subject.stance.describe(),
               least=f"{least:+d}")  # fmt: skip


def _past_position(position: str, subject: Subject) -> str | None:
    def matches(a: Assessment) -> bool:
        return a.stance is not None and (
            a.stance >= 1 if position == "supportive" else a.stance <= -1
        )

    found = [a for a in subject.history if matches(a)]
    if not found:
        return None
    a = max(found, key=lambda a: a.date)
    words = say("supportive") if position == "supportive" else say("opposed")
    values = {"position": words, "stance": f"{a.stance:+d}", "date": a.date.isoformat()}
    text = (say("recorded as %(position)s (%(stance)s) on ask %(ask)s on %(date)s", ask=a.ask,
                **values) if a.ask
            else say("recorded as %(position)s (%(stance)s) in general on %(date)s", **values))  # fmt: skip
    return say("%(text)s (%(source)s)", text=text, source=a.source_ref) if a.source_ref else text


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
