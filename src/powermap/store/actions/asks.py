"""Writes to asks: create, update, delete and restore, the group's pins and exclusions
of targets, and its progress on the plan's steps."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from django.db import transaction

from powermap.store.actions.audit import record, set_deleted
from powermap.store.models import Ask, AskStep, Workspace


class PinChoice(StrEnum):
    """What the group decided about one actor in an ask's target ranking."""

    PIN = "pin"  # list it first, whatever its score
    EXCLUDE = "exclude"  # never list it
    CLEAR = "clear"  # let the ranking decide again


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@transaction.atomic
def do_create_ask(
    workspace: Workspace, user: Any, *, key: str, kind: str, title: str,
    body: str = "", decider: str = "", notes: str = "", deadline: dt.date | None = None,
    moment: str = "",
) -> Ask:  # fmt: skip
    ask = Ask.objects.create(workspace=workspace, key=key, kind=kind, title=title,
                             body=body, decider=decider, notes=notes, deadline=deadline,
                             moment=moment)  # fmt: skip
    record(workspace, user, "create_ask", "ask", key, kind=kind, body=body, decider=decider,
           deadline=_day(deadline), moment=moment)  # fmt: skip
    return ask


@transaction.atomic
def do_update_ask(
    ask: Ask, user: Any, *, kind: str, title: str, body: str, decider: str, notes: str,
    deadline: dt.date | None = None, moment: str = "",
) -> Ask:  # fmt: skip
    """The ask takes these values; a deadline or moment not given is cleared."""
    before = {"kind": ask.kind, "title": ask.title, "body": ask.body, "decider": ask.decider,
              "deadline": _day(ask.deadline), "moment": ask.moment}  # fmt: skip
    ask.kind, ask.title, ask.body, ask.decider, ask.notes = kind, title, body, decider, notes
    ask.deadline, ask.moment = deadline, moment
    ask.save()
    record(ask.workspace, user, "update_ask", "ask", ask.key, before=before)
    return ask


@transaction.atomic
def do_delete_ask(ask: Ask, user: Any) -> None:
    """Soft delete: the ask disappears from lists, exports and plans but can be restored."""
    set_deleted(ask, user, "ask", deleted=True)


@transaction.atomic
def do_restore_ask(ask: Ask, user: Any) -> None:
    set_deleted(ask, user, "ask", deleted=False)


@transaction.atomic
def do_set_step(
    ask: Ask, user: Any, step: str, *, owner: str, done_on: dt.date | None
) -> AskStep | None:
    """Record who owns one step of the ask's plan and when it was done (None: not done).

    With neither an owner nor a done date the step's row is removed, so the plan falls
    back to the blueprint's suggestion; returns the row, or None when removed.
    """
    owner = owner.strip()
    row: AskStep | None = None
    if owner or done_on is not None:
        row, _created = AskStep.objects.update_or_create(
            ask=ask, step=step, defaults={"owner": owner, "done_on": done_on}
        )
    else:
        AskStep.objects.filter(ask=ask, step=step).delete()
    record(ask.workspace, user, "set_step", "ask", ask.key, step=step, owner=owner,
           done_on=_day(done_on))  # fmt: skip
    return row


@transaction.atomic
def do_pin_target(ask: Ask, user: Any, actor_key: str, choice: PinChoice) -> Ask:
    """Pin an actor to the top of the ask's targets, exclude it, or clear either.

    A new pin goes first, above earlier pins; pinning an excluded actor includes it again
    and excluding a pinned one unpins it.
    """
    pinned = [k for k in ask.pinned_targets if k != actor_key]
    excluded = [k for k in ask.excluded_targets if k != actor_key]
    if choice is PinChoice.PIN:
        pinned.insert(0, actor_key)
    elif choice is PinChoice.EXCLUDE:
        excluded.append(actor_key)
    ask.pinned_targets, ask.excluded_targets = pinned, excluded
    ask.save(update_fields=["pinned_targets", "excluded_targets"])
    record(ask.workspace, user, "pin_target", "ask", ask.key, actor=actor_key,
           choice=choice.value)  # fmt: skip
    return ask
