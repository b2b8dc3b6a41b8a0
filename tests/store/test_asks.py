"""Ask actions write one audit row each; exports never name actors the reader cannot see."""

from __future__ import annotations

import pytest

from powermap.domain.vocab import Role
from powermap.store.access import Viewer, owner_viewer
from powermap.store.actions.actors import do_create_actor, do_delete_actor
from powermap.store.actions.asks import PinChoice, do_create_ask, do_pin_target, do_update_ask
from powermap.store.actions.workspaces import do_create_user, do_create_workspace
from powermap.store.convert import workspace_content
from powermap.store.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_creates_and_updates_an_ask_with_one_audit_row_each() -> None:
    workspace = do_create_workspace("w", "W")
    ask = do_create_ask(workspace, None, key="uj", kind="universal_jurisdiction_complaint",
                        title="Complaint", decider="prosecutor")  # fmt: skip
    do_update_ask(ask, None, kind="icj_case", title="Case", body="icj", decider="", notes="n")
    ask.refresh_from_db()
    assert (ask.kind, ask.title, ask.body, ask.decider, ask.notes) == (
        "icj_case",
        "Case",
        "icj",
        "",
        "n",
    )
    actions = list(AuditEntry.objects.filter(object_key="uj").values_list("action", flat=True))
    assert sorted(actions) == ["create_ask", "update_ask"]


def test_it_pins_newest_first_and_keeps_pins_and_exclusions_apart() -> None:
    workspace = do_create_workspace("w", "W")
    ask = do_create_ask(workspace, None, key="a", kind="icj_case", title="A")
    do_pin_target(ask, None, "x", PinChoice.PIN)
    do_pin_target(ask, None, "y", PinChoice.PIN)
    assert ask.pinned_targets == ["y", "x"]
    do_pin_target(ask, None, "x", PinChoice.EXCLUDE)
    assert (ask.pinned_targets, ask.excluded_targets) == (["y"], ["x"])
    do_pin_target(ask, None, "x", PinChoice.CLEAR)
    ask.refresh_from_db()
    assert (ask.pinned_targets, ask.excluded_targets) == (["y"], [])
    assert AuditEntry.objects.filter(action="pin_target").count() == 4


def test_it_names_only_visible_actors_in_an_ask() -> None:
    workspace = do_create_workspace("w", "W")
    author, other = (
        do_create_user("author", "pw-123456789"),
        do_create_user("other", "pw-123456789"),
    )
    do_create_actor(
        workspace, author, key="secret", name="Witness", kind="person", confidential=True
    )
    gone = do_create_actor(workspace, author, key="gone", name="Gone", kind="person")
    do_delete_actor(gone, author)
    ask = do_create_ask(workspace, author, key="a", kind="icj_case", title="A", decider="secret")
    for key in ("secret", "gone", "state:DE"):
        do_pin_target(ask, author, key, PinChoice.PIN)
    do_pin_target(ask, author, "secret", PinChoice.EXCLUDE)
    owner = workspace_content(owner_viewer(workspace)).asks[0]
    assert (owner.decider, owner.pinned_targets, owner.excluded_targets) == (
        "secret", ("state:DE",), ("secret",))  # fmt: skip
    viewer = workspace_content(Viewer(workspace, Role.VIEWER, other)).asks[0]
    assert (viewer.decider, viewer.pinned_targets, viewer.excluded_targets) == (
        "",
        ("state:DE",),
        (),
    )
