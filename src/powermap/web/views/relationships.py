from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from powermap.domain.vocab import Role
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.actors import do_add_reference_actor
from powermap.store.actions.relationships import (
    do_create_relationship,
    do_delete_relationship,
    do_update_relationship,
)
from powermap.store.models import Actor
from powermap.store.references import reference_choices, reference_info
from powermap.web.decorators import workspace_view
from powermap.web.forms.relationships import RelationshipForm


def _resolver(viewer: Viewer, user: Any) -> Callable[[str], Actor | None]:
    """Find the other actor by id or name; a knowledge-base actor joins the map if needed."""

    def resolve(text: str) -> Actor | None:
        actors = access.visible_actors(viewer)
        found = actors.filter(key=text).first() or actors.filter(name__iexact=text).first()
        if found is None and reference_info(text) and not access.taken_actor_keys(viewer) & {text}:
            found = do_add_reference_actor(viewer.workspace, user, text)
        return found

    return resolve


@workspace_view(Role.EDITOR)
def relationship_create(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    actor = access.access_actor(viewer, key, write=True)
    form = RelationshipForm(request.POST or None, resolve=_resolver(viewer, request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        target = data.pop("target")
        do_create_relationship(actor, target, request.user, **data)
        messages.success(request, _("Relationship added."))
        return redirect("pm-actor", viewer.workspace.slug, actor.key)
    choices = access.visible_actors(viewer).exclude(pk=actor.pk).order_by("name")[:2000]
    references = reference_choices()
    return render(request, "web/relationships/form.html",
                  {"viewer": viewer, "actor": actor, "form": form, "choices": choices,
                   "references": references})  # fmt: skip


@workspace_view(Role.EDITOR)
def relationship_edit(request: HttpRequest, viewer: Viewer, relationship_id: int) -> HttpResponse:
    rel = access.access_relationship(viewer, relationship_id, write=True)
    initial = {"target": rel.target.key, "type": rel.type, "strength": rel.strength,
               "provenance": rel.provenance.text if rel.provenance else "", "note": rel.note,
               "confidential": rel.confidential}  # fmt: skip
    form = RelationshipForm(request.POST or None, initial=initial, resolve=_resolver(viewer, request.user))
    form.fields["target"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "target"}
        do_update_relationship(rel, request.user, **data)
        messages.success(request, _("Saved."))
        return redirect("pm-actor", viewer.workspace.slug, rel.source.key)
    return render(request, "web/relationships/form.html",
                  {"viewer": viewer, "actor": rel.source, "form": form, "relationship": rel})  # fmt: skip


@workspace_view(Role.EDITOR)
def relationship_delete(request: HttpRequest, viewer: Viewer, relationship_id: int) -> HttpResponse:
    rel = access.access_relationship(viewer, relationship_id, write=True)
    if request.method == "POST":
        do_delete_relationship(rel, request.user)
        messages.success(request, _("Relationship deleted."))
        return redirect("pm-actor", viewer.workspace.slug, rel.source.key)
    return render(request, "web/relationships/delete.html", {"viewer": viewer, "relationship": rel})
