"""Reading YAML with line numbers and YAML 1.2 booleans (Norway's `NO` is a string).

PyYAML implements YAML 1.1, where `NO`, `yes`, `on` and `off` are booleans: the state
code of Norway would silently become `False`. Our loader only treats `true` and `false`
as booleans, as YAML 1.2 does. Dates that do not exist (`2026-02-30`) are kept as
strings so that validation reports them with their line instead of crashing the load.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from powermap.knowledge.problems import Problem

_BOOL_TAG = "tag:yaml.org,2002:bool"

PathPart = str | int


# libyaml's parser is about ten times faster than the pure-Python one; the resolver and
# constructor stay in Python either way, so our overrides below apply to both.
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KBLoader(_SafeLoader):
    """SafeLoader with YAML 1.2 booleans and forgiving timestamps (see module doc)."""

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        """A date, or the plain string when the date does not exist (`2026-02-30`)."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


KBLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
KBLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
KBLoader.add_constructor("tag:yaml.org,2002:timestamp", KBLoader.construct_yaml_timestamp)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: the Python data and the node tree that knows the lines."""

    data: Any
    node: Node | None


def read_yaml(path: Path, rel: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; syntax errors and duplicate keys come back as problems."""
    try:
        loader = KBLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        message = f"cannot parse YAML: {_error_text(exc)}"
        return None, [Problem(rel, _error_line(exc), "", message)]
    problems = [
        Problem(rel, line, "", f"duplicate key `{key}` (the last one would win)")
        for line, key in duplicate_keys(node)
    ]
    return YamlDocument(data, node), problems


def _error_line(exc: Exception) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


def _error_text(exc: Exception) -> str:
    parts = [getattr(exc, "context", None), getattr(exc, "problem", None)]
    return " ".join(str(p) for p in parts if p) or str(exc)


def duplicate_keys(node: Node | None) -> list[tuple[int, str]]:
    """Every mapping key that appears twice in the same mapping, with its line."""
    found: list[tuple[int, str]] = []
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value in seen:
                found.append((key.start_mark.line + 1, key.value))
            seen.add(key.value if isinstance(key, ScalarNode) else "")
            found.extend(duplicate_keys(value))
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found.extend(duplicate_keys(item))
    return found


def child(node: Node | None, part: PathPart) -> Node | None:
    """The value node under a mapping key or at a sequence index, if there is one."""
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == part:
                found: Node = value
                return found
    if isinstance(node, SequenceNode) and isinstance(part, int):
        items: list[Node] = node.value
        return items[part] if 0 <= part < len(items) else None
    return None


def line_of(node: Node | None, path: Sequence[PathPart]) -> int | None:
    """The line of the deepest node reachable along `path` (1-based)."""
    if node is None:
        return None
    for part in path:
        nested = child(node, part)
        if nested is None:
            break
        node = nested
    return int(node.start_mark.line) + 1
