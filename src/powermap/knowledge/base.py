"""The loaded knowledge base: records by id per kind, and the lookups the app needs."""

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from yaml.nodes import Node

from powermap.knowledge.models import (
    Argument,
    AskKind,
    Body,
    BodyMember,
    Collection,
    Jurisdiction,
    Mechanism,
    Moment,
    Organisation,
    Participant,
    Record,
    SanctionsRegime,
    State,
    Treaty,
)
from powermap.knowledge.models.vocab import TreatyStatus
from powermap.knowledge.problems import Problem
from powermap.knowledge.yamlfile import PathPart, child, line_of

R = TypeVar("R", bound=Record)

ATTR_BY_KIND: dict[str, str] = {
    "state": "states",
    "organisation": "organisations",
    "treaty": "treaties",
    "body": "bodies",
    "mechanism": "mechanisms",
    "sanctions_regime": "sanctions_regimes",
    "jurisdiction": "jurisdictions",
    "ask_kind": "ask_kinds",
    "argument": "arguments",
    "moment": "moments",
}
"""The KnowledgeBase attribute holding each record kind."""


@dataclass(frozen=True)
class RecordOrigin:
    """Where a record (or a `_collection.yml`) came from, to locate its problems."""

    file: str
    node: Node | None
    defaults_node: Node | None = None
    label: str = ""

    def line(self, path: Sequence[PathPart] = ()) -> int | None:
        """The line of the field at `path` (in `defaults` when the record lacks it)."""
        in_defaults = bool(path) and child(self.node, path[0]) is None
        if in_defaults and child(self.defaults_node, path[0]) is not None:
            return line_of(self.defaults_node, path)
        return line_of(self.node, path)

    def problem(self, path: Sequence[PathPart], message: str, rid: str | None) -> Problem:
        """A problem at `path` inside this record."""
        field_path = format_path([self.label, *path] if self.label else path)
        return Problem(self.file, self.line(path), field_path, message, rid)


def format_path(path: Sequence[PathPart]) -> str:
    """`("records", 3, "sources", 0)` -> `records[3].sources[0]`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _frozen(records: Mapping[str, R]) -> Mapping[str, R]:
    return MappingProxyType(dict(sorted(records.items())))


@dataclass(frozen=True)
class KnowledgeBase:
    """Read-only records by id for every kind, with where each came from."""

    states: Mapping[str, State]
    organisations: Mapping[str, Organisation]
    treaties: Mapping[str, Treaty]
    bodies: Mapping[str, Body]
    mechanisms: Mapping[str, Mechanism]
    sanctions_regimes: Mapping[str, SanctionsRegime]
    jurisdictions: Mapping[str, Jurisdiction]
    ask_kinds: Mapping[str, AskKind]
    arguments: Mapping[str, Argument]
    moments: Mapping[str, Moment]
    collections: Mapping[str, Collection] = field(default_factory=dict)
    origins: Mapping[tuple[str, str], RecordOrigin] = field(
        default_factory=dict, repr=False, compare=False
    )
    root: Path | None = None

    @classmethod
    def build(
        cls,
        records: Mapping[str, Mapping[str, Record]],
        collections: Mapping[str, Collection],
        origins: Mapping[tuple[str, str], RecordOrigin],
        root: Path | None = None,
    ) -> "KnowledgeBase":
        """Freeze records grouped by kind (`{"state": {"DE": State, ...}, ...}`)."""
        by_attr = {attr: _frozen(records.get(kind, {})) for kind, attr in ATTR_BY_KIND.items()}
        return cls(
            **by_attr,  # type: ignore[arg-type]  # each kind maps to its own record type
            collections=MappingProxyType(dict(collections)),
            origins=MappingProxyType(dict(origins)),
            root=root,
        )

    def records(self, kind: str) -> Mapping[str, Record]:
        """The records of one kind (`state`, `body`, ...) by id."""
        records: Mapping[str, Record] = getattr(self, ATTR_BY_KIND[kind])
        return records

    def all_records(self) -> Iterator[tuple[str, Record]]:
        """Every record with its kind, kind by kind in a stable order."""
        for kind in ATTR_BY_KIND:
            for record in self.records(kind).values():
                yield kind, record

    def counts(self) -> dict[str, int]:
        """Number of records per kind."""
        return {kind: len(self.records(kind)) for kind in ATTR_BY_KIND}

    @property
    def as_of(self) -> dt.date | None:
        """The latest `as_of` among all records (None for an empty knowledge base)."""
        return max((record.as_of for _, record in self.all_records()), default=None)

    def problem(self, kind: str, rid: str, path: Sequence[PathPart], message: str) -> Problem:
        """A problem located at a field of a loaded record."""
        origin = self.origins.get((kind, rid))
        if origin is None:
            return Problem(f"<{kind}>", None, format_path(path), message, rid)
        return origin.problem(path, message, rid)

    def state(self, iso2: str) -> State:
        """The state with this ISO 3166-1 alpha-2 code (any case); KeyError if none."""
        return self.states[iso2.upper()]

    def treaty_status(self, iso2: str, treaty_id: str, on: dt.date | None = None) -> Participant:
        """A state's participation in a treaty, as recorded or on the date `on`.

        States the treaty does not list get a participant with status `none`. With `on`,
        the status follows the dates: `withdrawn` from `withdrawal_effective`, `party`
        from `date`, `signatory` from `signed`, else `none`.
        """
        code = iso2.upper()
        treaty = self.treaties[treaty_id]
        found = next((p for p in treaty.participants if p.state == code), None)
        if found is None:
            return Participant(state=code, status="none")
        if on is None:
            return found
        return found.model_copy(update={"status": status_on(found, on)})

    def unidentified_parties(self, treaty_id: str) -> int:
        """How many parties the treaty's reported count has beyond those we list (0 when
        the list is whole or no count is recorded), as of the count's date."""
        treaty = self.treaties[treaty_id]
        reported = treaty.parties_reported
        if reported is None:
            return 0
        listed = sum(status_on(p, reported.as_of) == "party" for p in treaty.participants)
        return max(reported.count - reported.not_states - listed, 0)

    def body_members(self, body_id: str, on: dt.date | None = None) -> list[BodyMember]:
        """The states sitting on a body on `on` (default: the body record's `as_of`).

        For bodies with `members_from`, the members are the organisation's members on
        that date (suspended members excluded), with their accession as `term_start`.
        """
        body = self.bodies[body_id]
        day = on or body.as_of
        if body.members_from is not None:
            # An unknown organisation is reported by the reference check; no members here.
            organisation = self.organisations.get(body.members_from)
            if organisation is None:
                return []
            return [
                BodyMember(state=m.state, term_start=m.since)
                for m in organisation.members
                if m.is_member_on(day)
            ]
        return [m for m in body.members or [] if m.sits_on(day)]

    def reference_actors(self) -> Iterator[tuple[str, str, str]]:
        """`(ref_id, name, actor_kind)` for every reference actor; the name is English as a
        str and knows its other languages (`Name`)."""
        for state in self.states.values():
            yield f"state:{state.id}", state.display_name, "state"
        for body in self.bodies.values():
            yield f"body:{body.id}", body.display_name, body.actor_kind
        for mechanism in self.mechanisms.values():
            yield f"mechanism:{mechanism.id}", mechanism.display_name, "mechanism"
        for organisation in self.organisations.values():
            yield f"org:{organisation.id}", organisation.display_name, "igo"

    def find(self, ref: str) -> tuple[str, Record] | None:
        """The record a reference names (`state:DE`, `DE`, `body:hrc`, `hrc`, ...)."""
        prefix, _, rid = ref.strip().rpartition(":")
        kinds = REF_PREFIXES.get(prefix) if prefix else tuple(ATTR_BY_KIND)
        for kind in kinds or ():
            records = self.records(kind)
            for candidate in (rid, rid.upper()):
                if candidate in records:
                    return kind, records[candidate]
        return None


REF_PREFIXES: dict[str, tuple[str, ...]] = {
    **{kind: (kind,) for kind in ATTR_BY_KIND},
    **{attr: (kind,) for kind, attr in ATTR_BY_KIND.items()},
    "org": ("organisation",),
    "sanctions": ("sanctions_regime",),
    "ask": ("ask_kind",),
    "calendar": ("moment",),
}
"""Prefixes accepted by `KnowledgeBase.find`: reference-actor ids and kind names."""


def status_on(participant: Participant, on: dt.date) -> TreatyStatus:
    """The status a participation had on a date, from its dates.

    A participant recorded as `none` (e.g. a signature that was withdrawn) stays `none`.
    Where the deciding date is unknown (null), the recorded status is trusted.
    """
    p = participant
    if p.status == "none":
        return "none"
    if _reached(on, p.withdrawal_effective, unknown=p.status == "withdrawn"):
        return "withdrawn"
    if _reached(on, p.date or p.in_force, unknown=p.status in ("party", "withdrawn")):
        return "party"
    if _reached(on, p.signed, unknown=p.status == "signatory"):
        return "signatory"
    return "none"


def _reached(on: dt.date, day: dt.date | None, *, unknown: bool) -> bool:
    return unknown if day is None else on >= day
