"""Problems found in the knowledge base, the report that lists them, and the error."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from gettext import gettext as _
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powermap.knowledge.base import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem, located by file (under the data folder), line and field path."""

    file: str
    line: int | None
    field: str
    message: str
    record_id: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        label = f" [{self.record_id}]" if self.record_id else ""
        field_path = f" {self.field}:" if self.field else ""
        return f"{where}:{field_path} {self.message}{label}"


@dataclass(frozen=True)
class Report:
    """What a check found: errors make the knowledge base unusable, warnings do not."""

    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    kb: "KnowledgeBase | None" = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors


class KnowledgeError(Exception):
    """The knowledge base does not load or validate; the message lists every problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        header = _("{count} problem(s) in the knowledge base:").format(count=len(self.problems))
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))
