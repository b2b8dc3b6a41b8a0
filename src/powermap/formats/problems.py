"""Problems found in a file a user gave us, each with its file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from powermap.formats.yamlnodes import line_of


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class FileProblems(ValueError):
    """Every problem of one file; raised only when there is at least one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ProblemCollector:
    """Collects problems while reading one file, so all are reported at once."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def fail(self, node: Any, key: str | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line_of(node, key), field, message))
