"""Writes that start from the forum finder: turning a finding into an ask."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from powermap.domain.forums import ForumFinding
from powermap.store.actions.asks import do_create_ask
from powermap.store.models import Ask, Workspace

TITLE_MAX = Ask._meta.get_field("title").max_length or 300
KEY_MAX = 100  # below the column's 120, leaving room for a "-2" suffix


def ask_key_for(finding: ForumFinding) -> str:
    """A readable id: the forum and the ask kind, e.g. `icc-article-15-communication`."""
    return slugify(f"{finding.id}-{finding.ask_kind}".replace(":", "-").replace("_", "-"))[:KEY_MAX]


def ask_title_for(finding: ForumFinding) -> str:
    """The suggested title, cut to fit the column."""
    title = finding.ask_title or finding.name
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"


@transaction.atomic
def do_create_ask_from_finding(
    workspace: Workspace, user: Any, finding: ForumFinding, *, body: str = "", notes: str = ""
) -> Ask:
    """Add the finding's suggested ask (its kind and title) to the workspace.

    A free id is chosen from the forum and the kind; the write itself, with its audit
    row, is `do_create_ask`'s. `body` is the deciding body where the caller knows it;
    `notes` records where the ask came from. Raises ValueError for a finding without a
    suggested ask kind.
    """
    if not finding.ask_kind:
        raise ValueError(f"finding {finding.id} suggests no ask kind")
    base = ask_key_for(finding)
    taken = set(
        Ask.objects.filter(workspace=workspace, key__startswith=base).values_list("key", flat=True)
    )
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return do_create_ask(workspace, user, key=key, kind=finding.ask_kind,
                         title=ask_title_for(finding), body=body, notes=notes)  # fmt: skip
