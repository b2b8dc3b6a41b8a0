"""Moments: recurring days, sessions and cycles to time an ask for."""

import datetime as dt

from pydantic import Field, model_validator

from powermap.knowledge.models.common import KBModel, NamedRecord, Slug, Text
from powermap.knowledge.models.vocab import Recurrence


class Session(KBModel):
    """A session with known dates."""

    name: Text
    start: dt.date
    end: dt.date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "Session":
        if self.end is not None and self.end < self.start:
            raise ValueError(f"`end` ({self.end}) is before `start` ({self.start})")
        return self


class Moment(NamedRecord):
    """A moment in the calendar when an ask can land."""

    body: Slug | None = None
    recurrence: Recurrence
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    sessions: list[Session] = Field(default_factory=list)
    typical: Text | None = None
    lead_time_days: int | None = Field(default=None, ge=0)
    ask_kinds: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _recurrence_is_complete(self) -> "Moment":
        if self.recurrence == "yearly":
            if self.month is None or self.day is None:
                raise ValueError("a `yearly` moment needs `month` and `day`")
            dt.date(2024, self.month, self.day)  # a leap year, so 29 February passes
        if self.recurrence == "cycle" and not (self.note or self.typical):
            raise ValueError("a `cycle` moment needs a `note` (or `typical`) saying when")
        return self
