"""States, the organisations they belong to, and their national jurisdiction."""

import datetime as dt

from pydantic import Field, model_validator

from powermap.domain.messages import Name
from powermap.knowledge.models.common import (
    KBModel,
    NamedRecord,
    Names,
    Record,
    StateCode,
    Text,
)
from powermap.knowledge.models.vocab import (
    Crime,
    RegionalGroup,
    UnitKind,
    UniversalLink,
    VictimParticipation,
)


class State(Record):
    """A UN member or observer state; its id is the ISO 3166-1 alpha-2 code."""

    id: StateCode
    name: Names
    un_member: bool
    un_member_since: dt.date | None = None
    regional_group: RegionalGroup | None
    description: Text | None = None

    @property
    def name_en(self) -> str:
        """The English name."""
        return self.name["en"]

    @property
    def display_name(self) -> Name:
        """The name for people: English as a str, shown in the reader's language."""
        return Name(self.name["en"], self.name)


class OrgMember(KBModel):
    """A state's membership of an organisation."""

    state: StateCode
    since: dt.date | None = None
    suspended: bool = False
    suspended_since: dt.date | None = None
    note: str | None = None

    def is_member_on(self, on: dt.date) -> bool:
        """True when the state had joined and was not suspended on `on`."""
        if self.since is not None and on < self.since:
            return False
        if not self.suspended:
            return True
        return self.suspended_since is not None and on < self.suspended_since


class FormerMember(KBModel):
    """A state that left (or was expelled from) an organisation."""

    state: StateCode
    since: dt.date | None = None
    left: dt.date
    note: str | None = None


class Organisation(NamedRecord):
    """A membership organisation that matters for advocacy (EU, AU, OAS...)."""

    members: list[OrgMember] = Field(default_factory=list)
    former_members: list[FormerMember] = Field(default_factory=list)


class UniversalRule(KBModel):
    """The link a state requires to try foreigners for crimes committed abroad."""

    crimes: list[Crime] = Field(min_length=1)
    link: UniversalLink
    note: str | None = None


class Temporal(KBModel):
    """From when the law applies and whether the crimes can become time-barred."""

    not_before: dt.date | None = None
    statute_of_limitations: str | None = None
    note: str | None = None


class Unit(KBModel):
    """A specialised police or prosecution unit for international crimes."""

    name: Text
    kind: UnitKind
    note: str | None = None


class NotableCase(KBModel):
    """A case that shows how the jurisdiction works in practice."""

    name: Text
    year: int | None = Field(default=None, ge=1900, le=2100)
    note: str | None = None


class Jurisdiction(Record):
    """A state's jurisdiction over international crimes; its id is the state's ISO2."""

    id: StateCode
    description: Text | None = None
    crimes: list[Crime] = Field(default_factory=list)
    legal_basis: Text
    universal: list[UniversalRule] = Field(default_factory=list)
    active_nationality: bool
    passive_personality: bool
    temporal: Temporal | None = None
    prosecutorial_discretion: str | None = None
    victim_participation: list[VictimParticipation] = Field(default_factory=list)
    victim_participation_text: str | None = None
    units: list[Unit] = Field(default_factory=list)
    immunities: str | None = None
    notable_cases: list[NotableCase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _none_stands_alone(self) -> "Jurisdiction":
        if "none" in self.victim_participation and len(self.victim_participation) > 1:
            raise ValueError("victim_participation `none` cannot be combined with others")
        return self
