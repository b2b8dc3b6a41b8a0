from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from powermap.store.actions.audit import record, set_deleted
from powermap.store.models import Actor, Tag, Workspace


def tags_for(workspace: Workspace, names: Iterable[str]) -> list[Tag]:
    """The workspace's tags with these names, creating the missing ones."""
    wanted = sorted({n.strip() for n in names if n.strip()})
    existing = {t.name: t for t in Tag.objects.filter(workspace=workspace, name__in=wanted)}
    missing = [Tag(workspace=workspace, name=n) for n in wanted if n not in existing]
    Tag.objects.bulk_create(missing)
    return list(Tag.objects.filter(workspace=workspace, name__in=wanted))


@transaction.atomic
def do_create_actor(
    workspace: Workspace, user: Any, *, key: str, name: str, kind: str,
    tags: Iterable[str] = (), notes: str = "", confidential: bool = False,
) -> Actor:  # fmt: skip
    actor = Actor.objects.create(
        workspace=workspace, key=key, name=name, kind=kind, notes=notes,
        confidential=confidential, created_by=user,
    )  # fmt: skip
    actor.tags.set(tags_for(workspace, tags))
    record(workspace, user, "create_actor", "actor", key, name=name, kind=kind)
    return actor


@transaction.atomic
def do_update_actor(
    actor: Actor, user: Any, *, name: str, kind: str, tags: Iterable[str],
    notes: str, confidential: bool,
) -> Actor:  # fmt: skip
    before = {"name": actor.name, "kind": actor.kind, "confidential": actor.confidential}
    if not actor.reference:  # a reference actor's name and kind come from the knowledge base
        actor.name, actor.kind = name, kind
    actor.notes, actor.confidential = notes, confidential
    actor.save()
    actor.tags.set(tags_for(actor.workspace, tags))
    record(actor.workspace, user, "update_actor", "actor", actor.key, before=before)
    return actor


@transaction.atomic
def do_delete_actor(actor: Actor, user: Any) -> None:
    """Soft delete: the actor and its relationships disappear but can be restored."""
    set_deleted(actor, user, "actor", deleted=True)


@transaction.atomic
def do_restore_actor(actor: Actor, user: Any) -> None:
    set_deleted(actor, user, "actor", deleted=False)


@transaction.atomic
def do_save_positions(
    workspace: Workspace, user: Any, positions: dict[int, tuple[float, float]]
) -> int:
    """Store where the user dragged actors in the network view; returns how many moved."""
    actors = list(Actor.objects.filter(workspace=workspace, pk__in=positions))
    for actor in actors:
        actor.layout_x, actor.layout_y = positions[actor.pk]
    Actor.objects.bulk_update(actors, ["layout_x", "layout_y"])
    record(workspace, user, "move_actors", "actor", "", count=len(actors))
    return len(actors)


@transaction.atomic
def do_add_reference_actor(workspace: Workspace, user: Any, key: str) -> Actor:
    """Put a knowledge-base actor (`state:DE`, `body:hrc`) on this workspace's map."""
    from powermap.store.references import reference_info

    info = reference_info(key)
    if info is None:
        raise LookupError(key)
    actor, created = Actor.objects.get_or_create(
        workspace=workspace, key=key,
        defaults={"name": info[0], "kind": info[1], "reference": True, "created_by": user},
    )  # fmt: skip
    if not created and actor.deleted_at is not None:
        actor.deleted_at = None
        actor.save(update_fields=["deleted_at"])
    record(workspace, user, "add_reference_actor", "actor", key)
    return actor
