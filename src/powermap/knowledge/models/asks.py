"""The justice asks catalogue and the arguments that serve them."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from powermap.domain.messages import Name
from powermap.knowledge.models.common import (
    KBModel,
    LanguageCode,
    NamedRecord,
    Record,
    Slug,
    Text,
)
from powermap.knowledge.models.vocab import (
    ArgumentKind,
    AskSize,
    DecisionRule,
    PastPosition,
    RegionalGroup,
    TreatyStatus,
    TreatyToken,
)

DeciderRef = Annotated[str, StringConstraints(pattern=r"^(kind:[a-z_]+|[a-z0-9_-]+)$")]
"""A body id, or an actor kind prefixed `kind:` (e.g. `kind:state`)."""

Days = Annotated[int, Field(ge=0)]


class Step(KBModel):
    """One step of an ask's blueprint; steps form a DAG through `depends_on`.

    `title` and `who` are English; `title_translations` and `who_translations` give them
    in other languages (`{fr: ..., ar: ...}`), shown in the reader's language.
    """

    id: Slug
    title: Text
    title_translations: dict[LanguageCode, Text] = Field(default_factory=dict)
    depends_on: list[Slug] = Field(default_factory=list)
    lead_time_days: Days | None = None
    who: Text | None = None
    who_translations: dict[LanguageCode, Text] = Field(default_factory=dict)
    note: str | None = None

    @property
    def display_title(self) -> Name:
        return Name(self.title, {"en": self.title, **self.title_translations})

    @property
    def display_who(self) -> Name | None:
        if self.who is None:
            return None
        return Name(self.who, {"en": self.who, **self.who_translations})


class Precedent(KBModel):
    """A past case where an ask of this kind succeeded (or instructively failed)."""

    name: Text
    year: int | None = Field(default=None, ge=1900, le=2100)
    mechanism: Slug | None = None
    note: str | None = None


class AskKind(NamedRecord):
    """A kind of justice ask, with who decides it and the blueprint to get there."""

    size: AskSize
    deciders: list[DeciderRef] = Field(default_factory=list)
    decision_rule: DecisionRule | Literal["varies"]
    legal_basis: Text | None = None
    prerequisites: list[Text] = Field(default_factory=list)
    lead_time_days: Days | None = None
    precedents: list[Precedent] = Field(default_factory=list)
    moments: list[Slug] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)


# Each condition must have exactly one of these shapes (keys other than `note`).
CONDITION_SHAPES: tuple[frozenset[str], ...] = (
    frozenset({"treaty", "status"}),
    frozenset({"treaty", "declaration"}),
    frozenset({"member_of"}),
    frozenset({"body_member"}),
    frozenset({"actor_kind"}),
    frozenset({"regional_group"}),
    frozenset({"has_tag"}),
    frozenset({"stance_at_least"}),
    frozenset({"past_position"}),
)


class Condition(KBModel):
    """One condition of `applies_when`; all conditions of an argument must hold."""

    treaty: Slug | None = None
    status: TreatyStatus | None = None
    declaration: TreatyToken | None = None
    member_of: Slug | None = None
    body_member: Slug | None = None
    actor_kind: list[Text] | None = None
    regional_group: RegionalGroup | None = None
    has_tag: Text | None = None
    stance_at_least: int | None = Field(default=None, ge=-2, le=2)
    past_position: PastPosition | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _has_one_shape(self) -> "Condition":
        keys = {k for k, v in self if v is not None and k != "note"}
        if frozenset(keys) not in CONDITION_SHAPES:
            shapes = "; ".join("+".join(sorted(s)) for s in CONDITION_SHAPES)
            raise ValueError(f"condition keys {sorted(keys)} match no shape ({shapes})")
        return self


class Argument(Record):
    """A persuasive argument, and the conditions under which it applies to an actor."""

    title: Text
    argument_kind: ArgumentKind
    text: Text
    description: Text | None = None
    applies_when: list[Condition] = Field(default_factory=list)
    ask_kinds: list[Slug] = Field(default_factory=list)
