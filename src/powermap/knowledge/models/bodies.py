"""Bodies and forums: organs, courts, officials and their members."""

import datetime as dt

from pydantic import Field, model_validator

from powermap.knowledge.models.common import KBModel, NamedRecord, Slug, StateCode, Text
from powermap.knowledge.models.vocab import ActorKind, DecisionRule, RegionalGroup


class BodyMember(KBModel):
    """A state's seat on a body; permanent members have null terms."""

    state: StateCode
    permanent: bool = False
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _term_in_order(self) -> "BodyMember":
        start, end = self.term_start, self.term_end
        if start is not None and end is not None and end < start:
            raise ValueError(f"`term_end` ({end}) is before `term_start` ({start})")
        return self

    def sits_on(self, on: dt.date) -> bool:
        """True when `on` falls inside the term (open ends count as open)."""
        if self.term_start is not None and on < self.term_start:
            return False
        return self.term_end is None or on <= self.term_end


class Body(NamedRecord):
    """A body or forum: who decides, by which rule, and how outsiders engage it."""

    actor_kind: ActorKind
    parent: Slug | None = None
    can_decide: list[Text] = Field(default_factory=list)
    decision_rule: DecisionRule
    decision_rule_text: Text | None = None
    engagement: list[Text] = Field(default_factory=list)
    members: list[BodyMember] | None = None
    members_from: Slug | None = None
    size: int | None = Field(default=None, ge=1)
    seats_by_group: dict[RegionalGroup, int] | None = None

    @model_validator(mode="after")
    def _one_source_of_members(self) -> "Body":
        if self.members is not None and self.members_from is not None:
            raise ValueError("give either `members` or `members_from`, not both")
        return self
