"""`powermap init`, `createuser`, `passphrase`, `import`, `export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from powermap.cli import runtime
from powermap.cli.runtime import fail
from powermap.store import crypto

workspace_option = click.option("--workspace", "-w", "name", required=True,
                                help="Workspace name (lower-case letters, digits, - and _).")  # fmt: skip


@click.command()
@workspace_option
@click.option("--title", default="", help="A readable title for the workspace.")
def init(name: str, title: str) -> None:
    """Create a new encrypted workspace (asks for a passphrase)."""
    if runtime.server_mode():
        runtime.start_django(None, None)
        runtime.migrate()
    else:
        path = runtime.workspace_path(name)
        if path.exists():
            fail(f"A workspace named {name!r} already exists at {path}.")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        passphrase = runtime.new_passphrase_checked(
            runtime.read_passphrase(confirm=True, prompt="New passphrase")
        )
        key = crypto.derive_key(passphrase, crypto.write_new_salt(path))
        runtime.start_django(path, key)
        runtime.migrate()
    from powermap.store.actions.workspaces import do_create_workspace
    from powermap.store.models import Workspace

    if Workspace.objects.filter(slug=name).exists():
        fail(f"A workspace named {name!r} already exists.")
    do_create_workspace(name, title or name)
    click.echo(f"Created workspace {name!r}. Next: powermap createuser --workspace {name}")


@click.command()
@workspace_option
@click.option("--username", prompt=True)
@click.option("--role", type=click.Choice(["owner", "editor", "viewer"]), default="owner",
              show_default=True)  # fmt: skip
@click.option("--password", envvar="POWERMAP_USER_PASSWORD", default=None,
              help="Read from POWERMAP_USER_PASSWORD when set; otherwise asked.")  # fmt: skip
def createuser(name: str, username: str, role: str, password: str | None) -> None:
    """Create a user (or give an existing one a role) in a workspace."""
    runtime.open_workspace(name)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from powermap.domain.vocab import Role
    from powermap.store.actions.workspaces import do_create_user, do_set_membership

    workspace = runtime.workspace_row(name)
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        password = password or click.prompt("Password", hide_input=True, confirmation_prompt=True)
        try:
            validate_password(password)
        except ValidationError as error:
            fail("Password refused: " + " ".join(error.messages))
        user = do_create_user(username, password)
    do_set_membership(workspace, user, Role(role))
    click.echo(f"{username} is now {role} of {name!r}.")


@click.command()
@workspace_option
def passphrase(name: str) -> None:
    """Change a local workspace's passphrase (re-encrypts the file)."""
    if runtime.server_mode():
        fail("A server database has no passphrase: its encryption is the server's.")
    path = runtime.workspace_path(name)
    old_key = runtime.unlock(path, runtime.read_passphrase(prompt="Current passphrase"))
    new = runtime.new_passphrase_checked(_new_passphrase())
    crypto.rekey(path, old_key, new)
    click.echo("Passphrase changed.")


def _new_passphrase() -> str:
    import os

    value = os.getenv("POWERMAP_NEW_PASSPHRASE")
    if value:
        return value
    if not sys.stdin.isatty():
        fail("No new passphrase: set POWERMAP_NEW_PASSPHRASE or run in a terminal.", 2)
    entered: str = click.prompt("New passphrase", hide_input=True, confirmation_prompt=True)
    return entered


@click.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@workspace_option
def import_(file: Path, name: str) -> None:
    """Import a workspace file (all or nothing)."""
    from powermap.formats.workspace_yaml import WorkspaceFileError, parse_workspace

    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{file}: not UTF-8 text; nothing was imported.")
    runtime.open_workspace(name)
    from powermap.store.actions.imports import do_import_workspace
    from powermap.store.references import known_reference, reference_info

    try:
        content = parse_workspace(text, str(file), known_reference)
    except WorkspaceFileError as error:
        fail(f"Nothing was imported. Problems in the file:\n{error}")
    counts = do_import_workspace(runtime.workspace_row(name), None, content, reference_info)
    click.echo(f"Imported {counts.actors} actors, {counts.relationships} relationships, "
               f"{counts.assessments} new assessments and {counts.asks} asks.")  # fmt: skip


@click.command()
@workspace_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")  # fmt: skip
def export(name: str, output: Path | None) -> None:
    """Export a whole workspace as YAML."""
    runtime.open_workspace(name)
    from powermap.formats.workspace_yaml import dump_workspace
    from powermap.store.access import owner_viewer
    from powermap.store.actions.workspaces import do_record_export
    from powermap.store.convert import workspace_content

    workspace = runtime.workspace_row(name)
    text = dump_workspace(workspace_content(owner_viewer(workspace)))
    do_record_export(workspace, None, "yaml")
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
