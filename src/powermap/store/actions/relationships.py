from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from powermap.store.actions.audit import record
from powermap.store.actions.sources import source_for
from powermap.store.models import Actor, Relationship


@transaction.atomic
def do_create_relationship(
    source: Actor, target: Actor, user: Any, *, type: str, strength: float,
    provenance: str = "", note: str = "", confidential: bool = False,
) -> Relationship:  # fmt: skip
    rel = Relationship.objects.create(
        workspace=source.workspace, source=source, target=target, type=type,
        strength=strength, provenance=source_for(source.workspace, provenance), note=note,
        confidential=confidential, created_by=user,
    )  # fmt: skip
    record(source.workspace, user, "create_relationship", "relationship",
           f"{source.key} {type} {target.key}", strength=strength)  # fmt: skip
    return rel


@transaction.atomic
def do_update_relationship(
    rel: Relationship, user: Any, *, type: str, strength: float, provenance: str,
    note: str, confidential: bool,
) -> Relationship:  # fmt: skip
    before = {"type": rel.type, "strength": rel.strength}
    rel.type, rel.strength, rel.note, rel.confidential = type, strength, note, confidential
    rel.provenance = source_for(rel.workspace, provenance)
    rel.save()
    record(rel.workspace, user, "update_relationship", "relationship",
           f"{rel.source.key} {rel.type} {rel.target.key}", before=before)  # fmt: skip
    return rel


@transaction.atomic
def do_delete_relationship(rel: Relationship, user: Any) -> None:
    rel.deleted_at = timezone.now()
    rel.save(update_fields=["deleted_at"])
    record(rel.workspace, user, "delete_relationship", "relationship",
           f"{rel.source.key} {rel.type} {rel.target.key}")  # fmt: skip
