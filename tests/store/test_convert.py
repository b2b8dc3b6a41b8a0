"""Reading a workspace for the analysis: what each viewer sees, in the shape it needs."""

from __future__ import annotations

import pytest

from powermap.demo import demo_text
from powermap.formats.workspace_yaml import parse_workspace
from powermap.store.access import owner_viewer
from powermap.store.actions.imports import do_import_workspace
from powermap.store.actions.workspaces import do_create_workspace
from powermap.store.convert import workspace_content


@pytest.mark.django_db
def test_each_relationship_end_is_its_actors_own_id_object() -> None:
    """The path search finds ends by identity; a copy of the id would fall back to hashing."""
    workspace = do_create_workspace("w", "W")
    parsed = parse_workspace(demo_text())
    do_import_workspace(workspace, None, parsed)
    content = workspace_content(owner_viewer(workspace))
    ids = {id(a.id): a.id for a in content.actors}
    assert content.relationships
    assert all(ids.get(id(r.source)) is r.source and ids.get(id(r.target)) is r.target
               for r in content.relationships)  # fmt: skip
    by_file = {(r.source, r.target, r.type, r.strength, r.note) for r in parsed.relationships}
    assert {(r.source, r.target, r.type, r.strength, r.note)
            for r in content.relationships} == by_file  # fmt: skip
