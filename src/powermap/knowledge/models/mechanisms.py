"""Accountability mechanisms and sanctions regimes."""

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from powermap.knowledge.models.common import NamedRecord, Slug, StateCode, Text
from powermap.knowledge.models.vocab import (
    Crime,
    DecisionRule,
    MechanismType,
    VictimRole,
)

CreatorId = Slug
"""A body id, or `agreement` for mechanisms created by treaty or agreement."""

JurisdictionRef = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2}|[a-z0-9_-]+)$")]
"""An ISO2 state code, or an organisation or body id."""


class Mechanism(NamedRecord):
    """An accountability mechanism or tribunal, past or present."""

    mechanism_type: MechanismType
    created_by: CreatorId
    instrument: Text
    date: dt.date
    operational_from: dt.date | None = None
    closed: dt.date | None = None
    situation: list[StateCode] = Field(default_factory=list)
    crimes: list[Crime] = Field(default_factory=list)
    crimes_from: dt.date | None = None
    """The first day of the conduct its mandate covers (temporal jurisdiction); None when
    the creating instrument sets no start, or the start was not verified."""
    crimes_to: dt.date | None = None
    """The last day of the conduct its mandate covers; None for an open mandate
    (`since 2011`)."""
    mandate: Text
    shares_evidence: bool
    victim_roles: list[VictimRole] = Field(default_factory=list)

    @model_validator(mode="after")
    def _crimes_period_in_order(self) -> "Mechanism":
        start, end = self.crimes_from, self.crimes_to
        if start is not None and end is not None and end < start:
            raise ValueError(f"`crimes_to` ({end}) is before `crimes_from` ({start})")
        return self


class SanctionsRegime(NamedRecord):
    """A targeted sanctions regime that can list perpetrators."""

    jurisdiction: JurisdictionRef
    instrument: Text
    deciding_authority: Text
    decision_rule: DecisionRule
    decision_rule_text: Text | None = None
    grounds: Text | list[Text]
    evidence_submission: Text | list[Text] | None = None
    countries: list[StateCode] = Field(default_factory=list)
    """The countries a country regime covers (the UN's, e.g. Sudan for 1591); empty for a
    thematic regime that can list perpetrators anywhere."""
