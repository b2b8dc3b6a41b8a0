"""Writes to asks: create, update, and the group's pins and exclusions of targets."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db import transaction

from powermap.store.actions.audit import record
from powermap.store.models import Ask, Workspace


class PinChoice(StrEnum):
    """What the group decided about one actor in an ask's target ranking."""

    PIN = "pin"  # list it first, whatever its score
    EXCLUDE = "exclude"  # never list it
    CLEAR = "clear"  # let the ranking decide again


@transaction.atomic
def do_create_ask(
    workspace: Workspace, user: Any, *, key: str, kind: str, title: str,
    body: str = "", decider: str = "", notes: str = "",
) -> Ask:  # fmt: skip
    ask = Ask.objects.create(workspace=workspace, key=key, kind=kind, title=title,
                             body=body, decider=decider, notes=notes)  # fmt: skip
    record(workspace, user, "create_ask", "ask", key, kind=kind, body=body, decider=decider)
    return ask


@transaction.atomic
def do_update_ask(
    ask: Ask, user: Any, *, kind: str, title: str, body: str, decider: str, notes: str
) -> Ask:
    before = {"kind": ask.kind, "title": ask.title, "body": ask.body, "decider": ask.decider}
    ask.kind, ask.title, ask.body, ask.decider, ask.notes = kind, title, body, decider, notes
    ask.save()
    record(ask.workspace, user, "update_ask", "ask", ask.key, before=before)
    return ask


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
