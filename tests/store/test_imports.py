"""Importing whole workspaces: all or nothing, idempotent, and exported back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.extra.django import TestCase as HypothesisTestCase

from powermap.demo import demo_text
from powermap.formats.workspace_yaml import dump_workspace, parse_workspace
from powermap.store.access import owner_viewer
from powermap.store.actions.imports import do_import_workspace
from powermap.store.actions.workspaces import do_create_workspace
from powermap.store.convert import workspace_content
from powermap.store.models import Actor, Assessment, AuditEntry, Relationship
from powermap.store.references import reference_info
from tests.formats.test_workspace_yaml import contents


def canonical(content):  # type: ignore[no-untyped-def]
    """The file as the store exports it: sorted, tags sorted, reference names from ids."""
    return parse_workspace(dump_workspace(content))


@pytest.mark.django_db
def test_it_exports_the_demo_as_imported() -> None:
    workspace = do_create_workspace("w", "W")
    content = parse_workspace(demo_text())
    do_import_workspace(workspace, None, content, reference_info)
    exported = workspace_content(owner_viewer(workspace))
    assert {a.id for a in exported.actors} == {a.id for a in content.actors}
    assert len(exported.relationships) == len(content.relationships)
    assert sorted(exported.assessments, key=repr) == sorted(content.assessments, key=repr)


@pytest.mark.django_db
def test_it_changes_nothing_when_the_same_file_comes_twice() -> None:
    workspace = do_create_workspace("w", "W")
    content = parse_workspace(demo_text())
    do_import_workspace(workspace, None, content)
    counts = (Actor.objects.count(), Relationship.objects.count(), Assessment.objects.count())
    again = do_import_workspace(workspace, None, content)
    assert again.assessments == 0
    assert counts == (Actor.objects.count(), Relationship.objects.count(), Assessment.objects.count())


@pytest.mark.django_db(transaction=False)
def test_it_writes_nothing_when_an_import_fails_midway(monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = do_create_workspace("w", "W")
    audit_rows = AuditEntry.objects.count()

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr("powermap.store.actions.imports._assessments", explode)
    with pytest.raises(RuntimeError):
        do_import_workspace(workspace, None, parse_workspace(demo_text()))
    assert not Actor.objects.exists() and not Relationship.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


@pytest.mark.django_db
def test_it_caches_the_latest_general_position() -> None:
    workspace = do_create_workspace("w", "W")
    do_import_workspace(workspace, None, parse_workspace(demo_text()))
    china = Actor.objects.get(key="state:CN")
    # The general assessment says -1; the ask-specific -2 must not leak into the map.
    assert (china.stance, china.influence) == (-1, 5)
    # The only assessment of gm-pr is confidential: the map shows no position.
    assert Actor.objects.get(key="gm-pr").stance is None


class TestRoundTrip(HypothesisTestCase):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(contents())
    def test_it_exports_any_imported_workspace_unchanged(self, content) -> None:  # type: ignore[no-untyped-def]
        workspace = do_create_workspace("w", content.name, content.situation)
        do_import_workspace(workspace, None, content)
        exported = workspace_content(owner_viewer(workspace))
        assert dump_workspace(exported) == dump_workspace(canonical_store_order(content))


def canonical_store_order(content):  # type: ignore[no-untyped-def]
    """What the store gives back: actors by id with reference names filled in, tags
    sorted, relationships merged on (from, to, type) with the last one winning,
    assessments without exact duplicates, each list in a stable order."""
    from dataclasses import replace

    from powermap.domain.actors import WorkspaceContent

    actors = sorted(
        (replace(a, name=a.name or a.id, tags=tuple(sorted(a.tags))) for a in content.actors),
        key=lambda a: a.id,
    )
    merged = {}
    for rel in content.relationships:
        merged[(rel.source, rel.target, rel.type.value)] = rel
    rels = [merged[k] for k in sorted(merged)]
    seen, assessments = set(), []
    for a in content.assessments:
        key = (a.actor, a.ask, a.date, a.influence, a.stance, a.source_ref, a.note)
        if key not in seen:
            seen.add(key)
            assessments.append(a)
    assessments.sort(key=lambda a: a.actor)  # stable: same-actor rows keep file order by date
    assessments.sort(key=lambda a: (a.actor, a.date))
    asks = [replace(a, steps=tuple(sorted(a.steps, key=lambda p: p.step))) for a in content.asks]
    return WorkspaceContent(content.name, content.situation, tuple(actors), tuple(rels),
                            tuple(assessments), tuple(sorted(asks, key=lambda a: a.id)),
                            tuple(sorted(content.moments, key=lambda m: m.id)))  # fmt: skip


@pytest.mark.django_db
def test_it_brings_a_deleted_ask_back_with_the_files_dates_and_progress() -> None:
    import datetime as dt

    from powermap.domain.actors import StepProgress
    from powermap.store.actions.asks import do_create_ask, do_delete_ask, do_set_step

    workspace = do_create_workspace("w", "W")
    ask = do_create_ask(workspace, None, key="uj", kind="universal_jurisdiction_complaint",
                        title="Old", deadline=dt.date(2026, 1, 1), moment="old-moment")  # fmt: skip
    do_set_step(ask, None, "forum", owner="Amina", done_on=None)
    do_set_step(ask, None, "witnesses", owner="Bilal", done_on=None)
    do_delete_ask(ask, None)
    text = """\
format: powermap/1
workspace: {name: W}
asks:
  - id: uj
    kind: universal_jurisdiction_complaint
    title: New
    deadline: 2027-06-30
    steps:
      - {step: witnesses, done: 2026-11-01}
"""
    do_import_workspace(workspace, None, parse_workspace(text))
    imported = workspace_content(owner_viewer(workspace)).asks
    assert [(a.id, a.title, a.deadline, a.moment) for a in imported] == [
        ("uj", "New", dt.date(2027, 6, 30), "")]  # fmt: skip
    # The file's steps replace the ask's: Amina's step is gone, Bilal's is the file's.
    assert imported[0].steps == (StepProgress("witnesses", "", dt.date(2026, 11, 1)),)
