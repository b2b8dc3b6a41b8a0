"""Checks that the facts inside one record agree with each other and with the schema."""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from powermap.knowledge.base import KnowledgeBase, status_on
from powermap.knowledge.models import (
    Argument,
    AskKind,
    Body,
    Organisation,
    State,
    Treaty,
)
from powermap.knowledge.models.vocab import TOKENS_BY_TREATY
from powermap.knowledge.problems import Problem
from powermap.knowledge.yamlfile import PathPart

Finding = tuple[tuple[PathPart, ...], str]
"""A field path inside the record and the message."""


def _repeated_states(field: str, items: list[Any]) -> Iterator[Finding]:
    counts = Counter(item.state for item in items)
    for index, item in enumerate(items):
        if counts[item.state] > 1:
            counts[item.state] = 0  # report each repeated state once
            yield (
                (field, index, "state"),
                f"state `{item.state}` is listed more than once",
            )


def _state_findings(state: State) -> Iterator[Finding]:
    if state.un_member and state.un_member_since is None:
        yield ("un_member_since",), "a UN member needs its date of admission"
    if not state.un_member and state.un_member_since is not None:
        yield ("un_member_since",), "an observer state has no date of admission"
    if state.regional_group is None and not state.note:
        yield (
            ("regional_group",),
            "a state in no regional group needs a `note` saying why",
        )


def _organisation_findings(organisation: Organisation) -> Iterator[Finding]:
    yield from _repeated_states("members", organisation.members)
    current = {member.state for member in organisation.members}
    for index, former in enumerate(organisation.former_members):
        if former.state in current:
            yield (
                ("former_members", index, "state"),
                f"`{former.state}` is both a member and a former member",
            )


def _treaty_findings(treaty: Treaty) -> Iterator[Finding]:
    yield from _repeated_states("participants", treaty.participants)
    allowed = TOKENS_BY_TREATY.get(treaty.id, frozenset())
    for index, participant in enumerate(treaty.participants):
        for field in ("reservations", "declarations"):
            for position, token in enumerate(getattr(participant, field)):
                if token not in allowed:
                    yield (
                        (("participants", index, field, position)),
                        f"token `{token}` is not defined for treaty `{treaty.id}`",
                    )
        effective = participant.withdrawal_effective
        path: tuple[PathPart, ...] = ("participants", index, "status")
        if participant.status == "party" and effective and effective <= treaty.as_of:
            yield (
                path,
                f"withdrawal took effect on {effective}: status should be `withdrawn`",
            )
        if participant.status == "withdrawn" and effective and effective > treaty.as_of:
            yield (
                path,
                f"withdrawal takes effect on {effective}: stays `party` until then",
            )


def _body_findings(body: Body) -> Iterator[Finding]:
    if body.seats_by_group and body.size and sum(body.seats_by_group.values()) != body.size:
        total = sum(body.seats_by_group.values())
        yield ("seats_by_group",), f"seats add up to {total}, but `size` is {body.size}"
    for index, member in enumerate(body.members or []):
        if member.permanent and (member.term_start or member.term_end):
            yield ("members", index), "a permanent member has no term dates"
    sitting = [m for m in body.members or [] if m.sits_on(body.as_of)]
    yield from _repeated_states("members", sitting)
    if body.size is not None and len(sitting) > body.size:
        yield (
            ("members",),
            f"{len(sitting)} members on {body.as_of}, but `size` is {body.size}",
        )


def _argument_findings(argument: Argument) -> Iterator[Finding]:
    for index, condition in enumerate(argument.applies_when):
        token, treaty_id = condition.declaration, condition.treaty
        if token and treaty_id and token not in TOKENS_BY_TREATY.get(treaty_id, ()):
            path = ("applies_when", index, "declaration")
            yield path, f"token `{token}` is not defined for treaty `{treaty_id}`"


def _ask_kind_findings(ask_kind: AskKind) -> Iterator[Finding]:
    ids = [step.id for step in ask_kind.steps]
    known = set(ids)
    for index, step in enumerate(ask_kind.steps):
        if ids.count(step.id) > 1 and ids.index(step.id) != index:
            yield ("steps", index, "id"), f"step id `{step.id}` is used twice"
        for position, dependency in enumerate(step.depends_on):
            if dependency not in known:
                yield (
                    ("steps", index, "depends_on", position),
                    f"step `{step.id}` depends on unknown step `{dependency}`",
                )
    cycle = find_cycle({step.id: step.depends_on for step in ask_kind.steps})
    if cycle:
        yield ("steps",), "steps form a cycle: " + " -> ".join(cycle)


def find_cycle(graph: dict[str, list[str]]) -> list[str]:
    """One dependency cycle (first node repeated at the end), or [] for a DAG."""
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> list[str]:
        state[node] = "open"
        for nxt in graph.get(node, []):
            if state.get(nxt) == "open":
                return [*trail[trail.index(nxt) :], node, nxt] if nxt in trail else [node, nxt]
            if nxt in graph and nxt not in state:
                found = visit(nxt, [*trail, node])
                if found:
                    return found
        state[node] = "done"
        return []

    for start in graph:
        if start not in state:
            found = visit(start, [])
            if found:
                return found
    return []


def _treaty_gaps(treaty: Treaty) -> Iterator[Finding]:
    if (reported := treaty.parties_reported) is not None:
        listed = _parties_on(treaty, reported.as_of) + reported.not_states
        if listed < reported.count:
            yield ("parties_reported", "count"), (
                f"{reported.count} parties reported on {reported.as_of}, {listed} listed: "
                f"{reported.count - listed} not identified (shown with a caveat)"
            )
        elif listed > reported.count:
            yield ("parties_reported", "count"), (
                f"{reported.count} parties reported on {reported.as_of}, but {listed} listed "
                "as parties on that day: check the dates and the count"
            )
    for index, participant in enumerate(treaty.participants):
        path: tuple[PathPart, ...] = ("participants", index)
        if participant.status == "party" and participant.date is None:
            yield (*path, "date"), "a `party` without `date`: when it joined is unknown"
        if participant.status == "signatory" and participant.signed is None:
            yield (*path, "signed"), "a `signatory` without `signed` date"


def _parties_on(treaty: Treaty, day: dt.date) -> int:
    return sum(status_on(p, day) == "party" for p in treaty.participants)


_FINDINGS_BY_KIND: dict[str, Callable[[Any], Iterator[Finding]]] = {
    "state": _state_findings,
    "organisation": _organisation_findings,
    "treaty": _treaty_findings,
    "body": _body_findings,
    "ask_kind": _ask_kind_findings,
    "argument": _argument_findings,
}


_GAPS_BY_KIND: dict[str, Callable[[Any], Iterator[Finding]]] = {
    "treaty": _treaty_gaps,
}


def check_consistency(kb: KnowledgeBase) -> list[Problem]:
    """Errors inside single records: repeats, tokens, dates against status, DAGs."""
    return _run(kb, _FINDINGS_BY_KIND)


def check_seats_by_group(kb: KnowledgeBase) -> list[Problem]:
    """Members sitting on a body's `as_of` date fill its `seats_by_group` exactly."""
    problems = []
    for body in kb.bodies.values():
        if not body.seats_by_group:
            continue
        filled = Counter(
            kb.states[m.state].regional_group
            for m in kb.body_members(body.id)
            if m.state in kb.states
        )
        for group, seats in body.seats_by_group.items():
            if filled[group] != seats:
                message = (
                    f"{filled[group]} {group} members on {body.as_of}, but {seats} {group} seats"
                )
                path = ("seats_by_group", group)
                problems.append(kb.problem("body", body.id, path, message))
    return problems


def check_gaps(kb: KnowledgeBase) -> list[Problem]:
    """Warnings for facts we should have but do not (unknown ratification dates)."""
    return _run(kb, _GAPS_BY_KIND)


def _run(kb: KnowledgeBase, checks: dict[str, Callable[[Any], Iterator[Finding]]]) -> list[Problem]:
    problems = []
    for kind, record in kb.all_records():
        findings = checks.get(kind)
        for path, message in findings(record) if findings else ():
            problems.append(kb.problem(kind, record.id, path, message))
    return problems
