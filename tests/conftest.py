"""Shared fixtures: the demo world with the four personas.

alice owns the demo workspace, bob edits, carol views, charlie is an outsider.
"""

from __future__ import annotations

import pytest
from django.test import Client

from powermap.demo import World, make_world

PASSWORD = "persona-Passw0rd-2026"


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world(personas_password=PASSWORD)


@pytest.fixture
def slug(world: World) -> str:
    return world.workspace.slug


def client_for(world: World, name: str) -> Client:
    client = Client()
    client.force_login(world.users[name])
    return client


@pytest.fixture
def alice(world: World) -> Client:
    return client_for(world, "alice")


@pytest.fixture
def bob(world: World) -> Client:
    return client_for(world, "bob")


@pytest.fixture
def carol(world: World) -> Client:
    return client_for(world, "carol")


@pytest.fixture
def charlie(world: World) -> Client:
    return client_for(world, "charlie")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
