"""Treaties and each state's participation in them."""

import datetime as dt

from pydantic import Field, model_validator

from powermap.knowledge.models.common import KBModel, NamedRecord, Source, StateCode
from powermap.knowledge.models.vocab import TreatyStatus, TreatyToken


class Participant(KBModel):
    """One state's signature, ratification or withdrawal (`none` when never involved).

    A withdrawal notified but not yet effective keeps status `party` with both
    withdrawal dates set; `withdrawn` means it has taken effect.
    """

    state: StateCode
    status: TreatyStatus
    signed: dt.date | None = None
    date: dt.date | None = None
    in_force: dt.date | None = None
    withdrawal_notified: dt.date | None = None
    withdrawal_effective: dt.date | None = None
    reservations: list[TreatyToken] = Field(default_factory=list)
    declarations: list[TreatyToken] = Field(default_factory=list)
    declaration_withdrawn: dt.date | None = None
    sources: list[Source] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _withdrawn_has_a_date(self) -> "Participant":
        if self.status == "withdrawn" and self.withdrawal_effective is None:
            raise ValueError("`withdrawn` needs `withdrawal_effective`")
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Participant":
        pairs = [
            ("signed", self.signed, "date", self.date),
            ("date", self.date, "withdrawal_notified", self.withdrawal_notified),
            (
                "withdrawal_notified",
                self.withdrawal_notified,
                "withdrawal_effective",
                self.withdrawal_effective,
            ),
        ]
        for early_name, early, late_name, late in pairs:
            if early is not None and late is not None and late < early:
                raise ValueError(f"`{late_name}` ({late}) is before `{early_name}` ({early})")
        return self


class Art123Declaration(KBModel):
    """A declaration under Rome Statute art. 12(3) accepting the ICC's jurisdiction."""

    state: StateCode
    lodged: dt.date
    period_start: dt.date
    period_end: dt.date | None = None
    effective: bool = True
    """False for a declaration the Court or the Prosecutor found could not be acted on."""
    note: str | None = None


class Referral(KBModel):
    """A Security Council referral of a situation to the ICC (Rome Statute art. 13(b))."""

    resolution: str
    adopted: dt.date
    situation_from: dt.date
    """The first day of the referred situation (crimes before it are outside)."""
    states: list[StateCode] = Field(min_length=1)
    """The states whose territory the situation covers."""
    scope: str
    """The situation as the resolution names it, in a few words."""
    source: Source
    note: str | None = None


class PartyCount(KBModel):
    """How many parties an authoritative source counts, to tell whether our list is whole."""

    count: int = Field(ge=0)
    as_of: dt.date
    source: Source
    not_states: int = Field(default=0, ge=0)
    """Parties among `count` that are not among the knowledge base's 195 states (the Cook
    Islands, a party to the Rome Statute); they are not missing from the list."""
    note: str | None = None


class Treaty(NamedRecord):
    """A treaty; states not listed in `participants` have status `none`.

    `parties_reported` is the count of parties a depositary or treaty body gives on a
    date. When our list has fewer, some parties are not identified: a state shown as
    not a party may have joined, and everything that shows the status says so.
    """

    adopted: dt.date
    in_force: dt.date | None = None
    parties_reported: PartyCount | None = None
    participants: list[Participant] = Field(default_factory=list)
    article_12_3_declarations: list[Art123Declaration] = Field(default_factory=list)
    security_council_referrals: list[Referral] = Field(default_factory=list)
