from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from powermap.store.actions.audit import record
from powermap.store.actions.sources import source_for
from powermap.store.models import Actor, Ask, Assessment, Workspace


@transaction.atomic
def do_add_assessment(
    actor: Actor, user: Any, *, influence: int | None, stance: int | None, date: dt.date,
    ask: Ask | None = None, confidence: float | None = None, provenance: str = "",
    note: str = "", confidential: bool = False,
) -> Assessment:  # fmt: skip
    assessment = Assessment.objects.create(
        workspace=actor.workspace, actor=actor, ask=ask, influence=influence, stance=stance,
        confidence=confidence, date=date, provenance=source_for(actor.workspace, provenance),
        note=note, confidential=confidential, author=user,
    )  # fmt: skip
    refresh_current_position(actor.workspace, [actor.pk])
    record(actor.workspace, user, "add_assessment", "actor", actor.key,
           ask=ask.key if ask else None, influence=influence, stance=stance)  # fmt: skip
    return assessment


def refresh_current_position(workspace: Workspace, actor_ids: Iterable[int] | None = None) -> None:
    """Cache each actor's latest general influence and stance on the actor row.

    Only general (not ask-specific) and non-confidential assessments count, so the cached
    position never reveals a confidential judgement to someone who may see the actor.
    Each dimension takes its own latest value: a later stance-only assessment does not
    erase an earlier influence.
    """
    actors = Actor.objects.filter(workspace=workspace)
    rows = Assessment.objects.filter(workspace=workspace, ask__isnull=True, confidential=False)
    if actor_ids is not None:
        ids = list(actor_ids)
        actors, rows = actors.filter(pk__in=ids), rows.filter(actor_id__in=ids)
    latest: dict[int, list[int | None]] = {}
    ordered = rows.order_by("actor_id", "date", "recorded_at", "id")
    for actor_id, influence, stance in ordered.values_list("actor_id", "influence", "stance"):
        position = latest.setdefault(actor_id, [None, None])
        if influence is not None:
            position[0] = influence
        if stance is not None:
            position[1] = stance
    changed = []
    for actor in actors.only("pk", "influence", "stance"):
        influence, stance = latest.get(actor.pk, (None, None))
        if (actor.influence, actor.stance) != (influence, stance):
            actor.influence, actor.stance = influence, stance
            changed.append(actor)
    Actor.objects.bulk_update(changed, ["influence", "stance"], batch_size=2000)
