from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from powermap.domain.vocab import Role
from powermap.store.actions.audit import record
from powermap.store.models import Membership, Workspace


@transaction.atomic
def do_create_workspace(slug: str, name: str, situation: str = "", user: Any = None) -> Workspace:
    workspace = Workspace.objects.create(slug=slug, name=name or slug, situation=situation)
    if user is not None:
        Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER.value)
    record(workspace, user, "create_workspace", "workspace", slug)
    return workspace


@transaction.atomic
def do_create_user(username: str, password: str, email: str = "") -> Any:
    user = get_user_model().objects.create_user(username=username, password=password, email=email)
    record(None, None, "create_user", "user", username)
    return user


@transaction.atomic
def do_set_membership(workspace: Workspace, user: Any, role: Role, by: Any = None) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        workspace=workspace, user=user, defaults={"role": role.value}
    )
    record(workspace, by, "set_membership", "user", user.username, role=role.value)
    return membership


@transaction.atomic
def do_record_export(workspace: Workspace, user: Any, fmt: str) -> None:
    """Exports carry decrypted data out of powermap: owners can see who took one."""
    record(workspace, user, "export_workspace", "workspace", workspace.slug, format=fmt)


@transaction.atomic
def do_remove_membership(membership: Membership, by: Any) -> None:
    """Take a user out of a workspace; the last owner cannot be removed."""
    owners = Membership.objects.filter(workspace=membership.workspace, role=Role.OWNER.value)
    if membership.role == Role.OWNER.value and owners.count() == 1:
        raise ValueError("last owner")
    record(membership.workspace, by, "remove_membership", "user", membership.user.username)
    membership.delete()
