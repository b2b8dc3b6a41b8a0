from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Subquery

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
    erase an earlier influence. One UPDATE with correlated subqueries does it in SQL.
    """
    latest = Assessment.objects.filter(
        actor_id=OuterRef("pk"), ask__isnull=True, confidential=False
    ).order_by("-date", "-recorded_at", "-id")
    actors = Actor.objects.filter(workspace=workspace)
    if actor_ids is not None:
        actors = actors.filter(pk__in=list(actor_ids))
    actors.update(
        influence=Subquery(latest.filter(influence__isnull=False).values("influence")[:1]),
        stance=Subquery(latest.filter(stance__isnull=False).values("stance")[:1]),
    )
