"""Importing a whole workspace file: all of it in one transaction, or nothing.

The file is checked completely by `formats.workspace_yaml.parse_workspace` before this
runs, so a bad file never reaches the database. Import merges: actors and asks are
matched by id and updated, relationships by (from, to, type), and assessments already
present (same actor, ask, date, values, source and note) are not added twice, so
importing the same file again changes nothing. An ask's step progress in the file
replaces the ask's; a deleted ask or actor named in the file comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from powermap.domain.actors import WorkspaceContent
from powermap.domain.vocab import ActorKind, is_reference_id
from powermap.store.actions.actors import tags_for
from powermap.store.actions.assessments import refresh_current_position
from powermap.store.actions.audit import record
from powermap.store.models import (
    Actor,
    Ask,
    AskStep,
    Assessment,
    Moment,
    Relationship,
    Source,
    Workspace,
)

BATCH = 2000


@dataclass(frozen=True)
class ImportCounts:
    actors: int
    relationships: int
    assessments: int
    asks: int

    @property
    def records(self) -> int:
        return self.actors + self.relationships + self.assessments + self.asks


ReferenceInfo = Callable[[str], tuple[str, str] | None]


@transaction.atomic
def do_import_workspace(
    workspace: Workspace,
    user: Any,
    content: WorkspaceContent,
    reference_info: ReferenceInfo | None = None,
) -> ImportCounts:
    if content.situation and not workspace.situation:
        workspace.situation = content.situation
        workspace.save(update_fields=["situation"])
    sources = _sources(workspace, content)
    asks = _asks(workspace, content)
    actors = _actors(workspace, user, content, reference_info)
    n_rel = _relationships(workspace, user, content, actors, sources)
    n_ass = _assessments(workspace, user, content, actors, asks, sources)
    _moments(workspace, content)
    refresh_current_position(workspace)
    transaction.on_commit(optimize_planner)
    counts = ImportCounts(len(content.actors), n_rel, n_ass, len(content.asks))
    record(workspace, user, "import_workspace", "workspace", workspace.slug,
           actors=counts.actors, relationships=n_rel, assessments=n_ass, asks=counts.asks)  # fmt: skip
    return counts


def optimize_planner() -> None:
    """Let SQLite refresh its statistics after a bulk change, so lookups use indexes."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")


def _sources(workspace: Workspace, content: WorkspaceContent) -> dict[str, Source]:
    texts = {r.source_ref for r in content.relationships} | {
        a.source_ref for a in content.assessments
    }
    texts.discard("")
    existing = {s.text: s for s in Source.objects.filter(workspace=workspace)}
    Source.objects.bulk_create(
        [Source(workspace=workspace, text=t) for t in texts if t not in existing],
        batch_size=BATCH,
    )
    return {s.text: s for s in Source.objects.filter(workspace=workspace)}


def _moments(workspace: Workspace, content: WorkspaceContent) -> None:
    for moment in content.moments:
        Moment.objects.update_or_create(
            workspace=workspace, key=moment.id,
            defaults={"name": moment.name, "date": moment.date, "yearly": moment.yearly,
                      "lead_time_days": moment.lead_time_days,
                      "description": moment.description},
        )  # fmt: skip


def _asks(workspace: Workspace, content: WorkspaceContent) -> dict[str, Ask]:
    """Create or update the file's asks, their step progress replaced by the file's."""
    existing = {a.key: a for a in Ask.objects.filter(workspace=workspace)}
    for ask in content.asks:
        row = existing.get(ask.id) or Ask(workspace=workspace, key=ask.id)
        row.kind, row.body, row.title, row.notes = ask.kind, ask.body, ask.title, ask.notes
        row.decider, row.deadline, row.moment = ask.decider, ask.deadline, ask.moment
        row.pinned_targets = list(ask.pinned_targets)
        row.excluded_targets = list(ask.excluded_targets)
        row.deleted_at = None
        row.save()
        existing[ask.id] = row
    imported = [existing[a.id] for a in content.asks]
    AskStep.objects.filter(ask__in=imported).delete()
    AskStep.objects.bulk_create(
        [AskStep(ask=existing[a.id], step=p.step, owner=p.owner, done_on=p.done_on)
         for a in content.asks for p in a.steps],
        batch_size=BATCH,
    )  # fmt: skip
    return existing


def _actors(
    workspace: Workspace, user: Any, content: WorkspaceContent, reference_info: ReferenceInfo | None
) -> dict[str, int]:
    """Create or update the file's actors; return every actor's id by key."""
    existing = {a.key: a for a in Actor.objects.filter(workspace=workspace)}
    new, changed = [], []
    for actor in content.actors:
        row = existing.get(actor.id)
        if row is None:
            row = Actor(workspace=workspace, key=actor.id, created_by=user)
            new.append(row)
        else:
            changed.append(row)
        row.name, row.kind = actor.name or actor.id, actor.kind.value
        row.notes, row.confidential = actor.notes, actor.confidential
        row.reference, row.deleted_at = actor.reference, None
        if actor.reference:
            _name_reference(row, reference_info)
        existing[actor.id] = row
    new += _unlisted_references(workspace, user, content, existing, reference_info)
    Actor.objects.bulk_create(new, batch_size=BATCH)
    Actor.objects.bulk_update(
        changed, ["name", "kind", "notes", "confidential", "reference", "deleted_at"],
        batch_size=BATCH,
    )  # fmt: skip
    ids = dict(Actor.objects.filter(workspace=workspace).values_list("key", "pk"))
    _set_tags(workspace, content, ids)
    return ids


def _name_reference(row: Actor, reference_info: ReferenceInfo | None) -> None:
    info = reference_info(row.key) if reference_info else None
    if info is not None:
        row.name, row.kind = info


def _unlisted_references(
    workspace: Workspace, user: Any, content: WorkspaceContent, existing: dict[str, Actor],
    reference_info: ReferenceInfo | None,
) -> list[Actor]:  # fmt: skip
    """Reference actors used by relationships or assessments without being listed."""
    used = {r.source for r in content.relationships} | {r.target for r in content.relationships}
    used |= {a.actor for a in content.assessments}
    rows = []
    for key in sorted(k for k in used if is_reference_id(k) and k not in existing):
        kind = ActorKind.STATE if key.startswith("state:") else ActorKind.IGO_ORGAN
        row = Actor(workspace=workspace, key=key, name=key, kind=kind.value, reference=True,
                    created_by=user)  # fmt: skip
        _name_reference(row, reference_info)
        existing[key] = row
        rows.append(row)
    return rows


def _set_tags(workspace: Workspace, content: WorkspaceContent, actors: dict[str, int]) -> None:
    tags = {t.name: t for t in tags_for(workspace, (t for a in content.actors for t in a.tags))}
    through = Actor.tags.through
    ids = [actors[a.id] for a in content.actors]
    for start in range(0, len(ids), BATCH):
        through.objects.filter(actor_id__in=ids[start : start + BATCH]).delete()
    through.objects.bulk_create(
        [through(actor_id=actors[a.id], tag_id=tags[t].pk) for a in content.actors for t in a.tags],
        batch_size=BATCH,
    )


def _relationships(
    workspace: Workspace, user: Any, content: WorkspaceContent, actors: dict[str, int],
    sources: dict[str, Source],
) -> int:  # fmt: skip
    existing = {
        (r.source_id, r.target_id, r.type): r
        for r in Relationship.objects.filter(workspace=workspace, deleted_at__isnull=True)
    }
    new, changed = [], []
    for rel in content.relationships:
        key = (actors[rel.source], actors[rel.target], rel.type.value)
        row = existing.get(key)
        if row is None:
            row = Relationship(workspace=workspace, source_id=key[0], target_id=key[1],
                               type=key[2], created_by=user)  # fmt: skip
            new.append(row)
            existing[key] = row
        else:
            changed.append(row)
        row.strength, row.note, row.confidential = rel.strength, rel.note, rel.confidential
        source = sources.get(rel.source_ref)
        row.provenance_id = source.pk if source else None
    Relationship.objects.bulk_create(new, batch_size=BATCH)
    Relationship.objects.bulk_update(
        changed, ["strength", "note", "confidential", "provenance"], batch_size=BATCH
    )
    return len(content.relationships)


def _assessments(
    workspace: Workspace, user: Any, content: WorkspaceContent, actors: dict[str, int],
    asks: dict[str, Ask], sources: dict[str, Source],
) -> int:  # fmt: skip
    def identity(
        actor_id: int, ask_id: int | None, a: Any, source_id: int | None
    ) -> tuple[Any, ...]:
        return (actor_id, ask_id, a.date, a.influence, a.stance, source_id, a.note)

    seen = {
        identity(row.actor_id, row.ask_id, row, row.provenance_id)
        for row in Assessment.objects.filter(workspace=workspace)
    }
    new = []
    for a in content.assessments:
        source = sources.get(a.source_ref)
        ask = asks[a.ask] if a.ask else None
        key = identity(actors[a.actor], ask.pk if ask else None, a, source.pk if source else None)
        if key in seen:
            continue
        seen.add(key)
        new.append(Assessment(
            workspace=workspace, actor_id=actors[a.actor], ask=ask, influence=a.influence,
            stance=a.stance, confidence=a.confidence, date=a.date,
            provenance_id=source.pk if source else None, note=a.note,
            confidential=a.confidential, author=user,
        ))  # fmt: skip
    Assessment.objects.bulk_create(new, batch_size=BATCH)
    return len(new)
