"""Owners manage who works in the workspace, and with which role."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from powermap.domain.vocab import ROLE_LABELS, Role
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.workspaces import (
    do_create_user,
    do_remove_membership,
    do_set_membership,
)
from powermap.web.decorators import workspace_view

ROLE_CHOICES = [(r.value, label) for r, label in ROLE_LABELS.items()]


class MemberForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=ROLE_CHOICES)
    password = forms.CharField(
        label=gettext_lazy("Password for a new account"), required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=gettext_lazy("Only for a person who has no account yet. Give it to them in person."),
    )  # fmt: skip

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        user = access.user_by_username(data.get("username", ""))
        if user is None:
            if not data.get("password"):
                raise ValidationError(_("There is no such account: give a password to create it."))
            validate_password(data["password"])
        data["user"] = user
        return data


@workspace_view(Role.OWNER)
def member_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = data["user"] or do_create_user(data["username"], data["password"])
        do_set_membership(viewer.workspace, user, Role(data["role"]), by=request.user)
        messages.success(request, _("%(name)s is now a member.") % {"name": user.username})
        return redirect("pm-members", viewer.workspace.slug)
    return render(request, "web/members/list.html",
                  {"viewer": viewer, "form": form, "members": access.workspace_members(viewer),
                   "roles": ROLE_CHOICES})  # fmt: skip


@require_POST
@workspace_view(Role.OWNER)
def member_change(request: HttpRequest, viewer: Viewer, membership_id: int) -> HttpResponse:
    membership = access.access_membership(viewer, membership_id)
    role = request.POST.get("role", "")
    if role != "remove" and role not in {r.value for r in Role}:
        messages.error(request, _("Choose a role."))
        return redirect("pm-members", viewer.workspace.slug)
    try:
        if role == "remove":
            do_remove_membership(membership, request.user)
        else:
            if membership.role == Role.OWNER.value and role != Role.OWNER.value and \
                    access.workspace_members(viewer).filter(role=Role.OWNER.value).count() == 1:  # fmt: skip
                raise ValueError("last owner")
            do_set_membership(viewer.workspace, membership.user, Role(role), by=request.user)
    except ValueError:
        messages.error(request, _("A workspace keeps at least one owner."))
    return redirect("pm-members", viewer.workspace.slug)
