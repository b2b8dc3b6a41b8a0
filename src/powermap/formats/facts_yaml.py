"""The facts of a situation, as the forum finder reads them (see docs/forums.md).

```yaml
situation: Rohingya, Myanmar and Bangladesh     # optional title
crimes: [genocide, crimes_against_humanity]
territory: [MM, BD]                # where conduct or its effects took place
period: {start: 2016-10-01, end: 2017-12-31}    # end may be left out: ongoing
perpetrator_nationalities: [MM]
victim_nationalities: [MM]
suspect_locations: [MM]            # where suspects are now or travel to
victim_residences: [BD]            # where victims live now
suspect_roles: [head_of_state, military_commander]
state_responsibility: true
sources: ["https://..."]           # optional: where these facts come from
```

`parse_facts` checks the whole text and raises FactsFileError listing every problem with
its file, line and field; it returns Facts only when the file is entirely valid. State
codes are checked with the `known_state` callable the caller passes, so this module does
not depend on the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from powermap.domain.forums import Crime, Facts, Period, SuspectRole
from powermap.formats.problems import FileProblems, Problem, ProblemCollector, load_yaml
from powermap.formats.yamlnodes import LineDict

STATE_LIST_KEYS = (
    "territory",
    "perpetrator_nationalities",
    "victim_nationalities",
    "suspect_locations",
    "victim_residences",
)
TOP_KEYS = {
    "situation",
    "crimes",
    "period",
    "suspect_roles",
    "state_responsibility",
    "sources",
    *STATE_LIST_KEYS,
}
PERIOD_KEYS = {"start", "end"}

E = TypeVar("E", Crime, SuspectRole)


class FactsFileError(FileProblems):
    """Every problem of a facts file, each with its file, line and field."""


class _Checker(ProblemCollector):
    """Collects problems while reading one facts file."""

    def __init__(self, file: str, known_state: Callable[[str], bool] | None) -> None:
        super().__init__(file)
        self.known_state = known_state

    def items(self, root: LineDict, key: str, *, required: bool) -> list[Any]:
        value = root.get(key)
        if value is None:
            if required:
                self.fail(root, key, key, "is required")
            return []
        if not isinstance(value, list):
            # A single value is a common slip (`territory: MM`); say how to write a list.
            self.fail(root, key, key, f"must be a list, e.g. {key}: [{value}]")
            return []
        if required and not value:
            self.fail(root, key, key, "must list at least one value")
        return value

    def states(self, root: LineDict, key: str, *, required: bool = False) -> tuple[str, ...]:
        codes: list[str] = []
        for i, value in enumerate(self.items(root, key, required=required)):
            code = self.state(root, key, f"{key}[{i}]", value)
            if code and code not in codes:
                codes.append(code)
        return tuple(codes)

    def state(self, root: LineDict, key: str, field: str, value: Any) -> str:
        if value is False:
            # YAML 1.1 reads an unquoted NO (Norway) as false.
            self.fail(root, key, field, 'write Norway as "NO" in quotes (YAML reads NO as false)')
            return ""
        if not isinstance(value, str) or len(value) != 2 or not value.isalpha():
            self.fail(root, key, field, f"{value!r} is not an ISO 3166-1 alpha-2 code such as DE")
            return ""
        code = value.upper()
        if self.known_state is not None and not self.known_state(code):
            self.fail(root, key, field, f"unknown state code {value!r}")
            return ""
        return code

    def choices(self, root: LineDict, key: str, kind: type[E], *, required: bool) -> tuple[E, ...]:
        chosen: list[E] = []
        allowed = ", ".join(member.value for member in kind)
        for i, value in enumerate(self.items(root, key, required=required)):
            try:
                member = kind(value)
            except ValueError:
                self.fail(
                    root, key, f"{key}[{i}]", f"unknown value {value!r}; use one of: {allowed}"
                )
                continue
            if member not in chosen:
                chosen.append(member)
        return tuple(chosen)

    def date(self, node: LineDict, key: str, *, required: bool) -> dt.date | None:
        value = node.get(key)
        field = f"period.{key}"
        if value is None:
            if required:
                self.fail(node, key, field, "is required")
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(node, key, field, "must be a date written YYYY-MM-DD")
        return None

    def unknown_keys(self, node: LineDict, allowed: set[str], prefix: str = "") -> None:
        for key in node:
            if key not in allowed:
                self.fail(node, str(key), f"{prefix}{key}", "unknown key")


def parse_facts(
    text: str,
    file: str = "<facts>",
    known_state: Callable[[str], bool] | None = None,
) -> Facts:
    """Read the facts of a situation; raise FactsFileError naming every problem."""
    root = _load(text, file)
    check = _Checker(file, known_state)
    check.unknown_keys(root, TOP_KEYS)
    crimes = check.choices(root, "crimes", Crime, required=True)
    states = {key: check.states(root, key, required=key == "territory") for key in STATE_LIST_KEYS}
    roles = check.choices(root, "suspect_roles", SuspectRole, required=False)
    period = _period(check, root)
    responsibility = _optional_bool(check, root, "state_responsibility")
    situation = _text(check, root, "situation")
    sources = tuple(_text_list(check, root, "sources"))
    if check.problems or period is None:
        raise FactsFileError(check.problems)
    return Facts(
        crimes=crimes,
        territory=states["territory"],
        period=period,
        perpetrator_nationalities=states["perpetrator_nationalities"],
        victim_nationalities=states["victim_nationalities"],
        suspect_locations=states["suspect_locations"],
        victim_residences=states["victim_residences"],
        suspect_roles=roles,
        state_responsibility=responsibility,
        situation=situation,
        sources=sources,
    )


def _load(text: str, file: str) -> LineDict:
    root = load_yaml(text, file, FactsFileError)
    if not isinstance(root, LineDict):
        raise FactsFileError([Problem(file, 1, "(file)", "expected a mapping of keys to values")])
    return root


def _period(check: _Checker, root: LineDict) -> Period | None:
    node = root.get("period")
    if node is None:
        check.fail(root, None, "period", "is required, e.g. period: {start: 2016-10-01}")
        return None
    if not isinstance(node, LineDict):
        check.fail(root, "period", "period", "must be a mapping with start and end")
        return None
    check.unknown_keys(node, PERIOD_KEYS, "period.")
    start = check.date(node, "start", required=True)
    end = check.date(node, "end", required=False)
    if start is None:
        return None
    if end is not None and end < start:
        check.fail(node, "end", "period.end", f"{end} is before period.start {start}")
        return None
    return Period(start, end)


def _optional_bool(check: _Checker, root: LineDict, key: str) -> bool | None:
    value = root.get(key)
    if value is None or isinstance(value, bool):
        return value
    check.fail(root, key, key, "must be true or false (or left out when unknown)")
    return None


def _text(check: _Checker, root: LineDict, key: str) -> str:
    value = root.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        check.fail(root, key, key, "must be text")
        return ""
    return str(value)


def _text_list(check: _Checker, root: LineDict, key: str) -> list[str]:
    values = check.items(root, key, required=False)
    if not all(isinstance(v, str) and v.strip() for v in values):
        check.fail(root, key, key, "must be a list of texts (URLs or references)")
        return []
    return [str(v) for v in values]
