"""The `_collection.yml` of each data folder, and the envelope of every data file."""

from typing import Any

from pydantic import Field

from powermap.knowledge.models.common import KBModel, Slug, Text
from powermap.knowledge.models.vocab import RecordKind


class MemberCount(KBModel):
    """How many states a body has on the body record's `as_of` date."""

    body: Slug
    count: int = Field(ge=0)
    permanent: int | None = Field(default=None, ge=0)
    note: str | None = None


class Assertions(KBModel):
    """Checks on a whole folder, so that a lost file or a dropped member fails."""

    min_records: int | None = Field(default=None, ge=0)
    max_records: int | None = Field(default=None, ge=0)
    required_ids: list[str] = Field(default_factory=list)
    members: list[MemberCount] = Field(default_factory=list)


class Collection(KBModel):
    """Metadata of one data folder (zavod style): what it holds, when to re-check."""

    title: Text
    summary: Text | None = None
    description: Text
    kind: RecordKind
    frequency_days: int = Field(ge=1)
    maintainer: Text | None = None
    assertions: Assertions = Field(default_factory=Assertions)
    note: str | None = None


class Envelope(KBModel):
    """The outer shape of every data file: a kind, optional defaults, the records."""

    kind: RecordKind
    defaults: dict[str, Any] = Field(default_factory=dict)
    records: list[dict[str, Any]] = Field(min_length=1)
    note: str | None = None
