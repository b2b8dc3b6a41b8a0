"""Building blocks of every record kind: the strict base, ids, names, sources."""

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from powermap.domain.messages import Name

StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""ISO 3166-1 alpha-2 code in upper case, the id of a state."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]+$")]
"""A lower-case id (`[a-z0-9_-]`), the id of every record that is not a state."""

Text = Annotated[str, StringConstraints(min_length=1)]
"""Free text that must not be empty."""

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")]


def _require_english(names: dict[str, str]) -> dict[str, str]:
    if not names.get("en", "").strip():
        raise ValueError("a multilingual name needs a non-empty `en` entry")
    return names


Names = Annotated[dict[LanguageCode, Text], AfterValidator(_require_english)]
"""A multilingual name `{en: ..., fr: ..., ar: ..., ru: ..., uk: ...}`; needs `en`."""


class KBModel(BaseModel):
    """Strict, closed, immutable: a mistyped key or a wrongly typed value fails."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Source(KBModel):
    """Where a fact comes from; validate.py checks the https `url` or `document`."""

    url: Text | None = None
    document: Text | None = None
    title: Text
    publisher: Text
    accessed: date
    locator: str | None = None
    quote: str | None = None
    note: str | None = None

    @property
    def reference(self) -> str:
        """The URL, or the document symbol for a printed document."""
        return self.url or self.document or ""


Sources = Annotated[list[Source], Field(min_length=1)]


class Record(KBModel):
    """Fields of every record: an id, at least one source, the date last checked."""

    id: Slug
    sources: Sources
    as_of: date
    note: str | None = None


class NamedRecord(Record):
    """A record with a multilingual name and a description for advocates."""

    name: Names
    description: Text

    @property
    def name_en(self) -> str:
        """The English name."""
        return self.name["en"]

    @property
    def display_name(self) -> Name:
        """The name for people: English as a str, shown in the reader's language."""
        return Name(self.name["en"], self.name)
