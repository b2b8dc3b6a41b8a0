"""The only permission-checked reads.

Every view and command reaches workspace data through a `Viewer`: the user, the workspace
and their role there. Outsiders get 404 (the workspace's existence is not confirmed);
members whose role is too low get 403. Confidential records are visible only to the user
who created them and to the workspace's owners.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from powermap.domain.vocab import Role
from powermap.store.models import (
    Actor,
    Ask,
    AskStep,
    Assessment,
    AuditEntry,
    Membership,
    Moment,
    Relationship,
    Workspace,
)

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Viewer:
    """A user acting in one workspace with one role. `user` is None for the CLI owner."""

    workspace: Workspace
    role: Role
    user: Any = None

    @property
    def can_edit(self) -> bool:
        return self.role.at_least(Role.EDITOR)

    @property
    def is_owner(self) -> bool:
        return self.role is Role.OWNER

    def require(self, role: Role) -> None:
        if not self.role.at_least(role):
            raise PermissionDenied

    def confidential_filter(self, created_by_field: str) -> Q:
        """Rows this viewer may see, for a model with `confidential` and an author field."""
        if self.is_owner:
            return Q()
        mine = Q(**{created_by_field: self.user}) if self.user is not None else Q(pk__in=[])
        return Q(confidential=False) | mine


def access_workspace(user: User, slug: str, role: Role = Role.VIEWER) -> Viewer:
    if not user.is_authenticated:
        raise Http404
    memberships = Membership.objects.select_related("workspace")
    membership = get_object_or_404(memberships, user=user, workspace__slug=slug)
    viewer = Viewer(membership.workspace, membership.role_enum, user)
    viewer.require(role)
    return viewer


def owner_viewer(workspace: Workspace) -> Viewer:
    """The command line's view: whoever holds the passphrase owns the workspace."""
    return Viewer(workspace, Role.OWNER, None)


def workspaces_of(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user).select_related("workspace").order_by("workspace__name")
    )


def visible_actors(viewer: Viewer) -> QuerySet[Actor]:
    return Actor.objects.filter(
        viewer.confidential_filter("created_by"),
        workspace=viewer.workspace,
        deleted_at__isnull=True,
    )


def visible_relationships(viewer: Viewer) -> QuerySet[Relationship]:
    """Relationships this viewer may see, between two actors they may see."""
    return Relationship.objects.filter(
        viewer.confidential_filter("created_by"),
        _endpoint_filter(viewer, "source"),
        _endpoint_filter(viewer, "target"),
        workspace=viewer.workspace,
        deleted_at__isnull=True,
    ).select_related("source", "target", "provenance")


def _endpoint_filter(viewer: Viewer, end: str) -> Q:
    alive = Q(**{f"{end}__deleted_at__isnull": True})
    if viewer.is_owner:
        return alive
    mine = Q(**{f"{end}__created_by": viewer.user}) if viewer.user is not None else Q(pk__in=[])
    return alive & (Q(**{f"{end}__confidential": False}) | mine)


def visible_assessments(viewer: Viewer) -> QuerySet[Assessment]:
    """Assessments of visible actors, in general or on an ask that is not deleted."""
    return Assessment.objects.filter(
        viewer.confidential_filter("author"),
        Q(ask__isnull=True) | Q(ask__deleted_at__isnull=True),
        workspace=viewer.workspace,
        actor__in=visible_actors(viewer),
    ).select_related("actor", "ask", "provenance", "author")


def access_actor(viewer: Viewer, key: str, *, write: bool = False) -> Actor:
    if write:
        viewer.require(Role.EDITOR)
    return get_object_or_404(visible_actors(viewer), key=key)


def access_deleted_actor(viewer: Viewer, key: str) -> Actor:
    """A soft-deleted actor, for undo; editors only."""
    viewer.require(Role.EDITOR)
    hidden = Actor.objects.filter(viewer.confidential_filter("created_by"))
    return get_object_or_404(hidden, workspace=viewer.workspace, key=key, deleted_at__isnull=False)


def access_relationship(
    viewer: Viewer, relationship_id: int, *, write: bool = False
) -> Relationship:
    if write:
        viewer.require(Role.EDITOR)
    return get_object_or_404(visible_relationships(viewer), pk=relationship_id)


def taken_actor_keys(viewer: Viewer) -> set[str]:
    """Every actor id in the workspace, hidden ones included, so a new id never collides."""
    return set(Actor.objects.filter(workspace=viewer.workspace).values_list("key", flat=True))


def workspace_asks(viewer: Viewer) -> QuerySet[Ask]:
    """The workspace's asks that are not deleted (asks are never confidential)."""
    return Ask.objects.filter(workspace=viewer.workspace, deleted_at__isnull=True).order_by("key")


def taken_ask_keys(viewer: Viewer) -> set[str]:
    """Every ask id in the workspace, deleted ones included, so a new id never collides."""
    return set(Ask.objects.filter(workspace=viewer.workspace).values_list("key", flat=True))


def access_ask(viewer: Viewer, key: str, *, write: bool = False) -> Ask:
    """One ask of the workspace that is not deleted; editors only to write."""
    if write:
        viewer.require(Role.EDITOR)
    return get_object_or_404(workspace_asks(viewer), key=key)


def access_deleted_ask(viewer: Viewer, key: str) -> Ask:
    """A soft-deleted ask, for undo; editors only."""
    viewer.require(Role.EDITOR)
    return get_object_or_404(Ask, workspace=viewer.workspace, key=key, deleted_at__isnull=False)


def ask_steps(viewer: Viewer) -> QuerySet[AskStep]:
    """The group's progress on the steps of the workspace's asks that are not deleted."""
    return AskStep.objects.filter(ask__workspace=viewer.workspace, ask__deleted_at__isnull=True)


def workspace_members(viewer: Viewer) -> QuerySet[Membership]:
    viewer.require(Role.OWNER)
    return (
        Membership.objects.filter(workspace=viewer.workspace)
        .select_related("user")
        .order_by("user__username")
    )


def access_membership(viewer: Viewer, membership_id: int) -> Membership:
    return get_object_or_404(workspace_members(viewer), pk=membership_id)


def user_by_username(username: str) -> Any:
    """An account by name, for an owner adding a member (accounts are per database)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).first()


def workspace_moments(viewer: Viewer) -> QuerySet[Moment]:
    return Moment.objects.filter(workspace=viewer.workspace).order_by("date", "key")


def access_moment(viewer: Viewer, moment_id: int) -> Moment:
    viewer.require(Role.EDITOR)
    return get_object_or_404(workspace_moments(viewer), pk=moment_id)


def audit_entries(viewer: Viewer) -> QuerySet[AuditEntry]:
    viewer.require(Role.OWNER)
    return AuditEntry.objects.filter(workspace=viewer.workspace)


def workspace_by_slug(slug: str) -> Workspace:
    """For the command line, which holds the key and so acts as owner."""
    workspace = Workspace.objects.filter(slug=slug).first()
    if workspace is None:
        raise LookupError(slug)
    return workspace
