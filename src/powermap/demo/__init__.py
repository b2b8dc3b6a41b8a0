"""The demo world: the workspace `powermap demo` serves, reused by tests and browser tests.

`make_world()` builds it through the real actions (import, users, memberships), so the
demo exercises the same code a user's workspace does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

DEMO_SLUG = "demo"
PERSONAS = {"alice": "owner", "bob": "editor", "carol": "viewer", "charlie": None}


@dataclass
class World:
    workspace: Any
    users: dict[str, Any] = field(default_factory=dict)


def demo_text() -> str:
    return resources.files("powermap.demo").joinpath("demo.yml").read_text(encoding="utf-8")


def make_world(
    demo_password: str | None = None,
    personas_password: str | None = None,
    slug: str = DEMO_SLUG,
) -> World:
    """Create the demo workspace; add the demo login and/or the four test personas."""
    from powermap.domain.vocab import Role
    from powermap.formats.workspace_yaml import parse_workspace
    from powermap.store.actions.imports import do_import_workspace
    from powermap.store.actions.workspaces import (
        do_create_user,
        do_create_workspace,
        do_set_membership,
    )
    from powermap.store.references import known_reference, reference_info

    content = parse_workspace(demo_text(), "demo.yml", known_reference)
    workspace = do_create_workspace(slug, content.name, content.situation)
    world = World(workspace)
    if demo_password is not None:
        world.users["demo"] = do_create_user("demo", demo_password)
        do_set_membership(workspace, world.users["demo"], Role.OWNER)
    if personas_password is not None:
        for name, role in PERSONAS.items():
            world.users[name] = do_create_user(name, personas_password)
            if role:
                do_set_membership(workspace, world.users[name], Role(role))
    owner = world.users.get("demo") or world.users.get("alice")
    do_import_workspace(workspace, owner, content, reference_info)
    return world
