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


def test_it_records_who_owns_a_step_and_when_it_was_done() -> None:
    import datetime as dt

    from powermap.domain.actors import StepProgress
    from powermap.store.actions.asks import do_set_step
    from powermap.store.models import AskStep

    workspace = do_create_workspace("w", "W")
    ask = do_create_ask(workspace, None, key="uj", kind="universal_jurisdiction_complaint",
                        title="Complaint")  # fmt: skip
    do_set_step(ask, None, "forum", owner=" Amina ", done_on=None)
    do_set_step(ask, None, "forum", owner="Amina", done_on=dt.date(2026, 3, 1))
    do_set_step(ask, None, "witnesses", owner="", done_on=dt.date(2026, 2, 1))
    assert AskStep.objects.filter(ask=ask).count() == 2  # one row per step
    assert workspace_content(owner_viewer(workspace)).asks[0].steps == (
        StepProgress("forum", "Amina", dt.date(2026, 3, 1)),
        StepProgress("witnesses", "", dt.date(2026, 2, 1)),
    )
    # Neither an owner nor a date: the row goes, the blueprint's suggestion applies again.
    assert do_set_step(ask, None, "witnesses", owner="", done_on=None) is None
    assert [s.step for s in workspace_content(owner_viewer(workspace)).asks[0].steps] == ["forum"]
    audit = AuditEntry.objects.filter(action="set_step").order_by("id")
    assert audit.count() == 4
    assert audit[1].detail == {"step": "forum", "owner": "Amina", "done_on": "2026-03-01"}


def test_it_deletes_an_ask_softly_and_restores_it() -> None:
    import datetime as dt

    from django.http import Http404

    from powermap.store.access import access_ask, access_deleted_ask, taken_ask_keys
    from powermap.store.actions.asks import do_delete_ask, do_restore_ask, do_set_step
    from powermap.store.actions.assessments import do_add_assessment

    workspace = do_create_workspace("w", "W")
    viewer = owner_viewer(workspace)
    ask = do_create_ask(workspace, None, key="a", kind="icj_case", title="A",
                        deadline=dt.date(2027, 1, 1), moment="day-human-rights")  # fmt: skip
    do_set_step(ask, None, "file", owner="Amina", done_on=None)
    actor = do_create_actor(workspace, None, key="x", name="X", kind="person")
    do_add_assessment(actor, None, ask=ask, influence=3, stance=1, date=dt.date(2026, 1, 1))
    do_delete_ask(ask, None)
    with pytest.raises(Http404):
        access_ask(viewer, "a")
    content = workspace_content(viewer)
    assert content.asks == () and content.assessments == ()  # nothing names a deleted ask
    assert "a" in taken_ask_keys(viewer)  # a new ask cannot take its id
    do_restore_ask(access_deleted_ask(viewer, "a"), None)
    restored = workspace_content(viewer)
    assert restored.asks[0].steps[0].owner == "Amina"
    assert (restored.asks[0].deadline, restored.asks[0].moment) == (
        dt.date(2027, 1, 1), "day-human-rights")  # fmt: skip
    assert len(restored.assessments) == 1
    with pytest.raises(Http404):
        access_deleted_ask(viewer, "a")  # no longer deleted
    actions = AuditEntry.objects.filter(object_key="a").values_list("action", flat=True)
    assert {"delete_ask", "restore_ask"} <= set(actions)
