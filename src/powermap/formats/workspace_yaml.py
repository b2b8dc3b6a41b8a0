"""The workspace file, `format: powermap/1` (see docs/workspace-format.md).

`parse_workspace` checks a whole file and raises WorkspaceFileError listing every problem
with its file, line and field; nothing is returned unless the file is entirely valid, so
the importer can write all or nothing. `dump_workspace` writes the same format back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

import yaml

from powermap.domain.actors import (
    Actor,
    Ask,
    Assessment,
    Relationship,
    StepProgress,
    WorkspaceContent,
)
from powermap.domain.strategy import WorkspaceMoment
from powermap.domain.vocab import (
    INFLUENCE_MAX,
    INFLUENCE_MIN,
    STANCE_MAX,
    STANCE_MIN,
    ActorKind,
    RelationType,
    is_reference_id,
)
from powermap.formats.problems import FileProblems, ProblemCollector, load_yaml
from powermap.formats.yamlnodes import LineDict

FORMAT = "powermap/1"
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,119}$")
REFERENCE_PATTERN = re.compile(r"^(state:[A-Z]{2}|(body|mechanism|org):[a-z0-9_-]+)$")

ACTOR_KEYS = {"id", "name", "kind", "tags", "notes", "confidential"}
RELATIONSHIP_KEYS = {"from", "to", "type", "strength", "source", "note", "confidential"}
ASSESSMENT_KEYS = {
    "actor", "ask", "influence", "stance", "confidence", "date", "source", "note",
    "confidential",
}  # fmt: skip
ASK_KEYS = {
    "id", "kind", "body", "decider", "title", "notes", "pinned_targets", "excluded_targets",
    "deadline", "moment", "steps",
}  # fmt: skip
STEP_KEYS = {"step", "owner", "done"}
OWNER_MAX = 200
MOMENT_KEYS = {"id", "name", "date", "yearly", "lead_time_days", "description"}
TOP_KEYS = {"format", "workspace", "actors", "relationships", "assessments", "asks", "moments"}


class WorkspaceFileError(FileProblems):
    """Every problem of a workspace file."""


class _Checker(ProblemCollector):
    """Collects problems while reading one workspace file."""

    def __init__(self, file: str, known_reference: Callable[[str], bool] | None) -> None:
        super().__init__(file)
        self.known_reference = known_reference

    def mapping(self, node: Any, field: str, allowed: set[str]) -> bool:
        if not isinstance(node, dict):
            self.fail(node, None, field, "expected a mapping of keys to values")
            return False
        for key in node:
            if key not in allowed:
                self.fail(node, str(key), f"{field}.{key}", "unknown key")
        return True

    def text(self, node: LineDict, key: str, field: str, *, required: bool = False) -> str:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, None, f"{field}.{key}", "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(node, key, f"{field}.{key}", "must be text")
            return ""
        return str(value)

    def boolean(self, node: LineDict, key: str, field: str) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.fail(node, key, f"{field}.{key}", "must be true or false")
            return False
        return value

    def integer(self, node: LineDict, key: str, field: str, low: int, high: int) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(node, key, f"{field}.{key}", f"must be a whole number from {low} to {high}")
            return None
        return value

    def fraction(self, node: LineDict, key: str, field: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            self.fail(node, key, f"{field}.{key}", "must be a number from 0 to 1")
            return None
        return float(value)

    def actor_id(self, node: LineDict, key: str, field: str, listed: set[str]) -> str:
        value = self.text(node, key, field, required=True)
        if not value or value in listed:
            return value
        if not is_reference_id(value):
            self.fail(node, key, f"{field}.{key}", f"unknown actor {value!r}")
        else:
            self.reference(node, key, field, value)
        return value

    def reference(self, node: LineDict, key: str, field: str, value: str) -> None:
        if not REFERENCE_PATTERN.match(value):
            self.fail(node, key, f"{field}.{key}", f"malformed reference id {value!r}")
        elif self.known_reference is not None and not self.known_reference(value):
            self.fail(node, key, f"{field}.{key}", f"no such reference actor {value!r}")


def parse_workspace(
    text: str,
    file: str = "<workspace>",
    known_reference: Callable[[str], bool] | None = None,
) -> WorkspaceContent:
    """Read a workspace file; raise WorkspaceFileError naming every problem."""
    root = load_yaml(text, file, WorkspaceFileError)
    check = _Checker(file, known_reference)
    if not check.mapping(root, "(file)", TOP_KEYS):
        raise WorkspaceFileError(check.problems)
    if root.get("format") != FORMAT:
        check.fail(root, "format", "format", f"must be {FORMAT!r}")
    name, situation = _workspace_header(check, root.get("workspace"), root)
    actors = _actors(check, _list(check, root, "actors"))
    listed = {a.id for a in actors}
    asks = _asks(check, _list(check, root, "asks"), listed)
    ask_ids = {a.id for a in asks}
    relationships = _relationships(check, _list(check, root, "relationships"), listed)
    assessments = _assessments(check, _list(check, root, "assessments"), listed, ask_ids)
    if check.problems:
        raise WorkspaceFileError(check.problems)
    moments = _moments(check, _list(check, root, "moments"))
    if check.problems:
        raise WorkspaceFileError(check.problems)
    return WorkspaceContent(name, situation, actors, relationships, assessments, asks, moments)


def _list(check: _Checker, root: LineDict, key: str) -> list[Any]:
    value = root.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        check.fail(root, key, key, "must be a list")
        return []
    return value


def _workspace_header(check: _Checker, node: Any, root: LineDict) -> tuple[str, str]:
    if node is None:
        check.fail(root, None, "workspace", "is required")
        return "", ""
    if not check.mapping(node, "workspace", {"name", "situation"}):
        return "", ""
    return (
        check.text(node, "name", "workspace", required=True),
        check.text(node, "situation", "workspace"),
    )


def _unique_id(
    check: _Checker, node: LineDict, field: str, seen: set[str], key: str = "id"
) -> str:
    """The node's `key` (an id): required, of the id characters, not seen before."""
    value = check.text(node, key, field, required=True)
    if value and not ID_PATTERN.match(value):
        check.fail(node, key, f"{field}.{key}", "use letters, digits and _ . : - only")
    elif value in seen:
        check.fail(node, key, f"{field}.{key}", f"duplicate {key} {value!r}")
    seen.add(value)
    return value


def _actors(check: _Checker, nodes: Iterable[Any]) -> tuple[Actor, ...]:
    actors, seen = [], set[str]()
    for i, node in enumerate(nodes):
        field = f"actors[{i}]"
        if not check.mapping(node, field, ACTOR_KEYS):
            continue
        actor_id = _unique_id(check, node, field, seen)
        if is_reference_id(actor_id):
            check.reference(node, "id", field, actor_id)
        kind = _kind(check, node, field, actor_id)
        tags = node.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) and t for t in tags):
            check.fail(node, "tags", f"{field}.tags", "must be a list of words")
            tags = []
        actors.append(
            Actor(
                id=actor_id,
                name=check.text(node, "name", field, required=not is_reference_id(actor_id)),
                kind=kind,
                tags=tuple(dict.fromkeys(tags)),
                notes=check.text(node, "notes", field),
                confidential=check.boolean(node, "confidential", field),
                reference=is_reference_id(actor_id),
            )
        )
    return tuple(actors)


def _kind(check: _Checker, node: LineDict, field: str, actor_id: str) -> ActorKind:
    value = node.get("kind")
    if value is None and actor_id.startswith("state:"):
        return ActorKind.STATE
    if value is None and is_reference_id(actor_id):
        return ActorKind.IGO_ORGAN
    try:
        return ActorKind(value if isinstance(value, str) else "")
    except ValueError:
        allowed = ", ".join(k.value for k in ActorKind)
        check.fail(node, "kind", f"{field}.kind", f"must be one of: {allowed}")
        return ActorKind.PERSON


def _relationships(
    check: _Checker, nodes: Iterable[Any], listed: set[str]
) -> tuple[Relationship, ...]:
    result = []
    for i, node in enumerate(nodes):
        field = f"relationships[{i}]"
        if not check.mapping(node, field, RELATIONSHIP_KEYS):
            continue
        try:
            rel_type = RelationType(node.get("type"))
        except ValueError:
            allowed = ", ".join(t.value for t in RelationType)
            check.fail(node, "type", f"{field}.type", f"must be one of: {allowed}")
            rel_type = RelationType.KNOWS
        strength = check.fraction(node, "strength", field)
        result.append(
            Relationship(
                source=check.actor_id(node, "from", field, listed),
                target=check.actor_id(node, "to", field, listed),
                type=rel_type,
                strength=0.5 if strength is None else strength,
                source_ref=check.text(node, "source", field),
                note=check.text(node, "note", field),
                confidential=check.boolean(node, "confidential", field),
            )
        )
    return tuple(result)


def _assessments(
    check: _Checker, nodes: Iterable[Any], listed: set[str], ask_ids: set[str]
) -> tuple[Assessment, ...]:
    result = []
    for i, node in enumerate(nodes):
        field = f"assessments[{i}]"
        if not check.mapping(node, field, ASSESSMENT_KEYS):
            continue
        ask = check.text(node, "ask", field) or None
        if ask is not None and ask not in ask_ids:
            check.fail(node, "ask", f"{field}.ask", f"unknown ask {ask!r}")
        influence = check.integer(node, "influence", field, INFLUENCE_MIN, INFLUENCE_MAX)
        stance = check.integer(node, "stance", field, STANCE_MIN, STANCE_MAX)
        if node.get("influence") is None and node.get("stance") is None:
            check.fail(node, None, field, "give an influence, a stance or both")
        result.append(
            Assessment(
                actor=check.actor_id(node, "actor", field, listed),
                influence=influence,
                stance=stance,
                date=_required_date(check, node, "date", field),
                ask=ask,
                confidence=check.fraction(node, "confidence", field),
                source_ref=check.text(node, "source", field),
                note=check.text(node, "note", field),
                confidential=check.boolean(node, "confidential", field),
            )
        )
    return tuple(result)


def _optional_date(check: _Checker, node: LineDict, key: str, field: str) -> dt.date | None:
    return None if node.get(key) is None else _date(check, node, key, field)


def _required_date(check: _Checker, node: LineDict, key: str, field: str) -> dt.date:
    return _date(check, node, key, field) or dt.date.min


def _date(check: _Checker, node: LineDict, key: str, field: str) -> dt.date | None:
    """A date written YYYY-MM-DD, or None after reporting the problem."""
    value = node.get(key)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    check.fail(node, key, f"{field}.{key}", "must be a date written YYYY-MM-DD")
    return None


def _asks(check: _Checker, nodes: Iterable[Any], listed: set[str]) -> tuple[Ask, ...]:
    result, seen = [], set[str]()
    for i, node in enumerate(nodes):
        field = f"asks[{i}]"
        if not check.mapping(node, field, ASK_KEYS):
            continue
        decider = check.actor_id(node, "decider", field, listed) if "decider" in node else ""
        if decider and node.get("body"):
            check.fail(node, "decider", f"{field}.decider", "give a body or a decider, not both")
        result.append(
            Ask(
                id=_unique_id(check, node, field, seen),
                kind=check.text(node, "kind", field, required=True),
                title=check.text(node, "title", field),
                body=check.text(node, "body", field),
                notes=check.text(node, "notes", field),
                decider=decider,
                pinned_targets=_actor_ids(check, node, "pinned_targets", field, listed),
                excluded_targets=_actor_ids(check, node, "excluded_targets", field, listed),
                deadline=_optional_date(check, node, "deadline", field),
                moment=_moment_id(check, node, field),
                steps=_steps(check, node, field),
            )
        )
    return tuple(result)


def _moment_id(check: _Checker, node: LineDict, field: str) -> str:
    value = check.text(node, "moment", field)
    if value and not ID_PATTERN.match(value):
        check.fail(node, "moment", f"{field}.moment", "use letters, digits and _ . : - only")
    return value


def _steps(check: _Checker, node: LineDict, field: str) -> tuple[StepProgress, ...]:
    """The group's progress on the ask's steps: one entry per step, owner and/or done date."""
    nodes = node.get("steps")
    if nodes is None:
        return ()
    if not isinstance(nodes, list):
        check.fail(node, "steps", f"{field}.steps", "must be a list")
        return ()
    result, seen = [], set[str]()
    for i, item in enumerate(nodes):
        where = f"{field}.steps[{i}]"
        if not check.mapping(item, where, STEP_KEYS):
            continue
        step = _unique_id(check, item, where, seen, key="step")
        owner = check.text(item, "owner", where)
        if len(owner) > OWNER_MAX:
            check.fail(item, "owner", f"{where}.owner", f"at most {OWNER_MAX} characters")
        done = _optional_date(check, item, "done", where)
        if not owner and item.get("done") is None:
            check.fail(item, None, where, "give an owner, a done date or both")
        result.append(StepProgress(step=step, owner=owner, done_on=done))
    return tuple(result)


def _actor_ids(
    check: _Checker, node: LineDict, key: str, field: str, listed: set[str]
) -> tuple[str, ...]:
    """A list of actor ids (listed in the file, or reference ids); repeats are dropped."""
    value = node.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        check.fail(node, key, f"{field}.{key}", "must be a list of actor ids")
        return ()
    for actor_id in value:
        if actor_id in listed:
            continue
        if not is_reference_id(actor_id):
            check.fail(node, key, f"{field}.{key}", f"unknown actor {actor_id!r}")
        else:
            check.reference(node, key, f"{field}", actor_id)
    return tuple(dict.fromkeys(value))


def _moments(check: _Checker, nodes: Iterable[Any]) -> tuple[WorkspaceMoment, ...]:
    """The group's own dates (anniversaries, local elections), merged into the calendar."""
    result, seen = [], set[str]()
    for i, node in enumerate(nodes):
        field = f"moments[{i}]"
        if not check.mapping(node, field, MOMENT_KEYS):
            continue
        yearly = node.get("yearly", True)
        if not isinstance(yearly, bool):
            check.fail(node, "yearly", f"{field}.yearly", "must be true or false")
            yearly = True
        result.append(
            WorkspaceMoment(
                id=_unique_id(check, node, field, seen),
                name=check.text(node, "name", field, required=True),
                date=_required_date(check, node, "date", field),
                yearly=yearly,
                lead_time_days=check.integer(node, "lead_time_days", field, 0, 3650),
                description=check.text(node, "description", field),
            )
        )
    return tuple(result)


def dump_workspace(content: WorkspaceContent) -> str:
    """Write a workspace as `format: powermap/1` YAML, omitting empty optional fields."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "workspace": _compact({"name": content.name, "situation": content.situation}),
        "actors": [_actor_doc(a) for a in content.actors],
        "relationships": [_relationship_doc(r) for r in content.relationships],
        "assessments": [_assessment_doc(a) for a in content.assessments],
        "asks": [_ask_doc(a) for a in content.asks],
        "moments": [_moment_doc(m) for m in content.moments],
    }  # fmt: skip
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def _ask_doc(a: Ask) -> dict[str, Any]:
    return _compact({"id": a.id, "kind": a.kind, "body": a.body, "decider": a.decider,
                     "title": a.title, "notes": a.notes,
                     "pinned_targets": list(a.pinned_targets),
                     "excluded_targets": list(a.excluded_targets),
                     "deadline": a.deadline, "moment": a.moment,
                     "steps": [_compact({"step": p.step, "owner": p.owner, "done": p.done_on})
                               for p in a.steps]})  # fmt: skip


def _moment_doc(m: WorkspaceMoment) -> dict[str, Any]:
    doc = _compact({"id": m.id, "name": m.name, "date": m.date,
                    "lead_time_days": m.lead_time_days, "description": m.description})  # fmt: skip
    if not m.yearly:  # yearly is the default; only a one-off date says so
        doc["yearly"] = False
    return doc


def _compact(doc: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional fields; 0 and 0.0 are values (a neutral stance), not empty."""
    return {k: v for k, v in doc.items() if not (v is None or v is False or v in ("", []))}


def _actor_doc(actor: Actor) -> dict[str, Any]:
    return _compact(
        {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind.value,
            "tags": list(actor.tags),
            "notes": actor.notes,
            "confidential": actor.confidential,
        }
    )


def _relationship_doc(rel: Relationship) -> dict[str, Any]:
    doc = {"from": rel.source, "to": rel.target, "type": rel.type.value}
    return doc | _compact(
        {"strength": rel.strength, "source": rel.source_ref, "note": rel.note,
         "confidential": rel.confidential}
    )  # fmt: skip


def _assessment_doc(a: Assessment) -> dict[str, Any]:
    doc: dict[str, Any] = {"actor": a.actor}
    return doc | _compact(
        {"ask": a.ask, "influence": a.influence, "stance": a.stance,
         "confidence": a.confidence, "date": a.date, "source": a.source_ref,
         "note": a.note, "confidential": a.confidential}
    )  # fmt: skip
