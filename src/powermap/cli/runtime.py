"""Opening a workspace from the command line: find it, unlock it, start Django."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from powermap import paths
from powermap.store import crypto

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
EXIT_BAD_PASSPHRASE = 2


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def server_mode() -> bool:
    return bool(os.getenv("DATABASE_URL") or os.getenv("DATABASE_URL_FILE"))


def home() -> Path:
    return paths.home()


def workspace_path(name: str) -> Path:
    if not NAME_RE.match(name):
        fail(f"Workspace names use lower-case letters, digits, - and _ (got {name!r}).")
    return home() / "workspaces" / f"{name}.db"


def read_passphrase(confirm: bool = False, prompt: str = "Passphrase") -> str:
    """POWERMAP_PASSPHRASE when set (scripts, tests), else asked without echo."""
    from_env = os.getenv("POWERMAP_PASSPHRASE")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        fail("No passphrase: set POWERMAP_PASSPHRASE or run in a terminal.", EXIT_BAD_PASSPHRASE)
    value: str = click.prompt(prompt, hide_input=True, confirmation_prompt=confirm)
    return value


MIN_PASSPHRASE = 10


def new_passphrase_checked(passphrase: str) -> str:
    """Refuse passphrases too short to resist guessing on a seized laptop."""
    if len(passphrase) < MIN_PASSPHRASE:
        fail(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters; "
             "several unrelated words are easy to remember and hard to guess.")  # fmt: skip
    return passphrase


def unlock(path: Path, passphrase: str) -> bytes:
    """Derive the key and prove it opens the file; exit 2 and touch nothing if not."""
    if not path.exists():
        fail(f"No workspace at {path}. Create it with `powermap init --workspace NAME`.")
    try:
        key = crypto.open_key(path, passphrase)
    except crypto.WrongPassphrase:
        fail("Wrong passphrase: this workspace was not opened and nothing was changed.",
             EXIT_BAD_PASSPHRASE)  # fmt: skip
    return key


def start_django(db_path: Path | None, key: bytes | None) -> None:
    """Point the settings at this workspace file and set Django up."""
    if db_path is not None and key is not None:
        crypto.remember_key(str(db_path), key)
        os.environ["POWERMAP_DB_PATH"] = str(db_path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "powermap.settings")
    import atexit

    import django
    from django.db import connections

    django.setup()
    # Close connections on the way out: SQLite then folds the write-ahead log back into
    # the workspace file, which is left whole and alone.
    atexit.register(connections.close_all)


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from powermap.store.actions.imports import optimize_planner

    optimize_planner()


def open_workspace(name: str, passphrase: str | None = None) -> None:
    """Open workspace NAME (local file or server row), with Django ready and migrated."""
    if server_mode():
        start_django(None, None)
    else:
        path = workspace_path(name)
        key = unlock(path, passphrase or read_passphrase())
        start_django(path, key)
    migrate()


def workspace_row(name: str):  # type: ignore[no-untyped-def]
    from powermap.store.access import workspace_by_slug

    try:
        return workspace_by_slug(name)
    except LookupError:
        fail(f"No workspace named {name!r} in this database.")
