"""Problems found in a file a user gave us, each with its file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from powermap.formats.yamlnodes import line_of, load_with_lines


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


def load_yaml(text: str, file: str, error: type[FileProblems]) -> Any:
    """Parse YAML with line numbers; a file that is not YAML raises `error` with its line."""
    try:
        return load_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise error([Problem(file, line, "(file)", f"not valid YAML: {exc}")]) from exc
    except ValueError as exc:  # PyYAML turns 2025-13-01 into a date and fails
        raise error([Problem(file, 0, "(file)", f"impossible value: {exc}")]) from exc
