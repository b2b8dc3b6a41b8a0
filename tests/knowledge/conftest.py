"""Fixtures of the knowledge-base tests (pure: no Django, no database)."""

from pathlib import Path

import pytest

from tests.knowledge.tree import FILES, Tree


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    """A valid knowledge base of a few records of every kind."""
    built = Tree(tmp_path / "data")
    for rel, text in FILES.items():
        built.write(rel, text)
    return built


@pytest.fixture(autouse=True)
def _fast_password_hashing() -> None:
    """Overrides the autouse fixture of tests/conftest.py, which needs pytest-django.

    The knowledge tests are pure (no Django, no database) and run with
    `-p no:django`, where the `settings` fixture that fixture asks for does not exist.
    """
