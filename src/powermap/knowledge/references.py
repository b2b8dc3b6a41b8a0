"""Cross-references between records: every id a record mentions must resolve."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from powermap.knowledge.base import KnowledgeBase
from powermap.knowledge.models import (
    Argument,
    AskKind,
    Body,
    Jurisdiction,
    Mechanism,
    Moment,
    Organisation,
    Record,
    SanctionsRegime,
    Treaty,
)
from powermap.knowledge.problems import Problem
from powermap.knowledge.yamlfile import PathPart

KIND_LABEL = {"sanctions_regime": "sanctions regime", "ask_kind": "ask kind"}


@dataclass(frozen=True, slots=True)
class Ref:
    """A field of a record that names another record of one of `kinds`."""

    path: tuple[PathPart, ...]
    kinds: tuple[str, ...]
    target: str


def _states(field: str, items: list[Any]) -> Iterator[Ref]:
    for index, item in enumerate(items):
        yield Ref((field, index, "state"), ("state",), item.state)


def _listed(field: str, kind: str, ids: list[str]) -> Iterator[Ref]:
    for index, target in enumerate(ids):
        yield Ref((field, index), (kind,), target)


def _organisation_refs(record: Organisation) -> Iterator[Ref]:
    yield from _states("members", record.members)
    yield from _states("former_members", record.former_members)


def _treaty_refs(record: Treaty) -> Iterator[Ref]:
    yield from _states("participants", record.participants)
    yield from _states("article_12_3_declarations", record.article_12_3_declarations)
    for index, referral in enumerate(record.security_council_referrals):
        for position, state in enumerate(referral.states):
            yield Ref(("security_council_referrals", index, "states", position), ("state",), state)


def _body_refs(record: Body) -> Iterator[Ref]:
    if record.parent is not None:
        yield Ref(("parent",), ("body",), record.parent)
    if record.members_from is not None:
        yield Ref(("members_from",), ("organisation",), record.members_from)
    yield from _states("members", record.members or [])


def _mechanism_refs(record: Mechanism) -> Iterator[Ref]:
    if record.created_by != "agreement":
        yield Ref(("created_by",), ("body",), record.created_by)
    yield from _listed("situation", "state", record.situation)


def _sanctions_refs(record: SanctionsRegime) -> Iterator[Ref]:
    yield Ref(("jurisdiction",), ("state", "organisation", "body"), record.jurisdiction)
    yield from _listed("countries", "state", record.countries)


def _jurisdiction_refs(record: Jurisdiction) -> Iterator[Ref]:
    yield Ref(("id",), ("state",), record.id)


def _ask_kind_refs(record: AskKind) -> Iterator[Ref]:
    for index, decider in enumerate(record.deciders):
        if not decider.startswith("kind:"):
            yield Ref(("deciders", index), ("body",), decider)
    yield from _listed("moments", "moment", record.moments)
    for index, precedent in enumerate(record.precedents):
        if precedent.mechanism is not None:
            yield Ref(("precedents", index, "mechanism"), ("mechanism",), precedent.mechanism)


_CONDITION_TARGETS = {
    "treaty": "treaty",
    "member_of": "organisation",
    "body_member": "body",
}


def _argument_refs(record: Argument) -> Iterator[Ref]:
    for index, condition in enumerate(record.applies_when):
        for field, kind in _CONDITION_TARGETS.items():
            target = getattr(condition, field)
            if target is not None:
                yield Ref(("applies_when", index, field), (kind,), target)
    yield from _listed("ask_kinds", "ask_kind", record.ask_kinds)


def _moment_refs(record: Moment) -> Iterator[Ref]:
    if record.body is not None:
        yield Ref(("body",), ("body",), record.body)
    yield from _listed("ask_kinds", "ask_kind", record.ask_kinds)


_REFS_BY_KIND: dict[str, Callable[[Any], Iterator[Ref]]] = {
    "organisation": _organisation_refs,
    "treaty": _treaty_refs,
    "body": _body_refs,
    "mechanism": _mechanism_refs,
    "sanctions_regime": _sanctions_refs,
    "jurisdiction": _jurisdiction_refs,
    "ask_kind": _ask_kind_refs,
    "argument": _argument_refs,
    "moment": _moment_refs,
}


def references(kind: str, record: Record) -> Iterator[Ref]:
    """Every reference a record makes to another record."""
    refs_of = _REFS_BY_KIND.get(kind)
    if refs_of is not None:
        yield from refs_of(record)


def check_references(kb: KnowledgeBase) -> list[Problem]:
    """A problem for every reference that names no loaded record."""
    problems = []
    for kind, record in kb.all_records():
        for ref in references(kind, record):
            if not any(ref.target in kb.records(k) for k in ref.kinds):
                wanted = " or ".join(KIND_LABEL.get(k, k) for k in ref.kinds)
                message = f"unknown {wanted} `{ref.target}`"
                problems.append(kb.problem(kind, record.id, ref.path, message))
    return problems
