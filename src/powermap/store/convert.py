"""The one place where database rows become domain objects (for export and analysis)."""

from __future__ import annotations

from collections import defaultdict

from powermap.domain.actors import (
    Actor,
    Ask,
    Assessment,
    Relationship,
    StepProgress,
    WorkspaceContent,
)
from powermap.domain.strategy import WorkspaceMoment
from powermap.domain.vocab import ActorKind, RelationType, is_reference_id
from powermap.store import models
from powermap.store.access import (
    Viewer,
    ask_steps,
    taken_actor_keys,
    visible_actors,
    visible_assessments,
    visible_relationships,
    workspace_asks,
)


def workspace_content(viewer: Viewer) -> WorkspaceContent:
    """Everything in the workspace that this viewer may see, in a stable order."""
    workspace = viewer.workspace
    tags: dict[int, list[str]] = defaultdict(list)
    through = models.Actor.tags.through.objects.filter(actor__workspace=workspace)
    for actor_id, tag in through.values_list("actor_id", "tag__name").order_by("tag__name"):
        tags[actor_id].append(tag)
    rows = visible_actors(viewer).order_by("key")
    actors = tuple(
        Actor(
            id=a.key, name=a.name, kind=ActorKind(a.kind), tags=tuple(tags[a.pk]),
            notes=a.notes, confidential=a.confidential, reference=a.reference,
            stance=a.stance, influence=a.influence,
        )
        for a in rows
    )  # fmt: skip
    keys = dict(zip((a.pk for a in rows), (a.id for a in actors), strict=True))
    return WorkspaceContent(
        name=workspace.name,
        situation=workspace.situation,
        actors=actors,
        relationships=tuple(_relationships(viewer, keys)),
        assessments=tuple(_assessments(viewer)),
        asks=tuple(_asks(viewer, {a.id for a in actors})),
        moments=tuple(
            WorkspaceMoment(id=m.key, name=m.name, date=m.date, yearly=m.yearly,
                            lead_time_days=m.lead_time_days, description=m.description)
            for m in models.Moment.objects.filter(workspace=workspace).order_by("key")
        ),
    )


def _asks(viewer: Viewer, visible: set[str]) -> list[Ask]:
    """The asks, naming only actors this viewer may see (or reference actors not on the map),
    each with the group's progress on its steps, by step id.

    A pin or exclusion of a confidential or deleted actor must not reveal its id.
    """
    on_map = taken_actor_keys(viewer)
    steps: dict[int, list[StepProgress]] = defaultdict(list)
    for s in ask_steps(viewer):
        steps[s.ask_id].append(StepProgress(step=s.step, owner=s.owner, done_on=s.done_on))

    def shown(key: str) -> bool:
        return key in visible or (is_reference_id(key) and key not in on_map)

    return [
        Ask(id=a.key, kind=a.kind, title=a.title, body=a.body, notes=a.notes,
            decider=a.decider if shown(a.decider) else "",
            pinned_targets=tuple(k for k in a.pinned_targets if shown(k)),
            excluded_targets=tuple(k for k in a.excluded_targets if shown(k)),
            deadline=a.deadline, moment=a.moment,
            steps=tuple(sorted(steps[a.pk], key=lambda p: p.step)))
        for a in workspace_asks(viewer)
    ]  # fmt: skip


def _relationships(viewer: Viewer, keys: dict[int, str]) -> list[Relationship]:
    """The visible relationships, each end being its actor's own id string (`keys`, by
    primary key): no join for the ids, and the analysis finds ends by identity."""
    rows = (
        visible_relationships(viewer)
        .select_related(None)
        .order_by("source__key", "target__key", "type", "id")
        .values_list("source_id", "target_id", "type", "strength", "provenance__text",
                     "note", "confidential")
    )  # fmt: skip
    types = {t.value: t for t in RelationType}
    return [
        Relationship(source=keys[source], target=keys[target], type=types[kind],
                     strength=strength, source_ref=ref or "", note=note,
                     confidential=confidential)
        for source, target, kind, strength, ref, note, confidential in rows
    ]  # fmt: skip


def _assessments(viewer: Viewer) -> list[Assessment]:
    rows = visible_assessments(viewer).order_by("actor__key", "date", "recorded_at", "id")
    return [
        Assessment(
            actor=a.actor.key, influence=a.influence, stance=a.stance, date=a.date,
            ask=a.ask.key if a.ask else None, confidence=a.confidence,
            source_ref=a.provenance.text if a.provenance else "", note=a.note,
            confidential=a.confidential,
        )
        for a in rows
    ]  # fmt: skip
