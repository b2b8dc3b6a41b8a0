from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from powermap.domain.vocab import Role
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.actors import (
    do_create_actor,
    do_delete_actor,
    do_restore_actor,
    do_update_actor,
)
from powermap.store.models import Actor
from powermap.store.references import reference_info
from powermap.web.decorators import workspace_view
from powermap.web.forms.actors import ActorFilterForm, ActorForm

PAGE_SIZE = 50


def filter_actors(actors: QuerySet[Actor], form: ActorFilterForm) -> QuerySet[Actor]:
    if not form.is_valid():
        return actors
    data = form.cleaned_data
    if data["q"]:
        actors = actors.filter(Q(name__icontains=data["q"]) | Q(key__icontains=data["q"]))
    if data["kind"]:
        actors = actors.filter(kind=data["kind"])
    if data["tag"]:
        actors = actors.filter(tags__name=data["tag"])
    if data["stance"] != "":
        actors = actors.filter(stance=int(data["stance"]))
    if data["influence"] != "":
        actors = actors.filter(influence__gte=int(data["influence"]))
    return actors


@workspace_view()
def actor_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = ActorFilterForm(request.GET)
    actors = filter_actors(access.visible_actors(viewer), form).order_by("name", "key")
    page = Paginator(actors.prefetch_related("tags"), PAGE_SIZE).get_page(request.GET.get("page"))
    tags = viewer.workspace.tags.values_list("name", flat=True)
    return render(request, "web/actors/list.html",
                  {"viewer": viewer, "form": form, "page": page, "tags": tags,
                   "query": _query_without_page(request)})  # fmt: skip


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@workspace_view()
def actor_detail(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    try:
        actor = access.access_actor(viewer, key)
    except Http404:
        # A knowledge-base actor this viewer has not on the map (absent, or hidden from
        # them): show its public facts instead, without saying which.
        if reference_info(key) is None:
            raise
        return redirect("pm-kb-record", viewer.workspace.slug, key)
    relationships = access.visible_relationships(viewer).filter(Q(source=actor) | Q(target=actor))
    assessments = access.visible_assessments(viewer).filter(actor=actor)
    return render(request, "web/actors/detail.html",
                  {"viewer": viewer, "actor": actor, "relationships": relationships,
                   "assessments": assessments})  # fmt: skip


@workspace_view(Role.EDITOR)
def actor_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = ActorForm(request.POST or None, taken_keys=access.taken_actor_keys(viewer))
    if request.method == "POST" and form.is_valid():
        actor = do_create_actor(viewer.workspace, request.user, **form.cleaned_data)
        messages.success(request, _("Added %(name)s.") % {"name": actor.name})
        return redirect("pm-actor", viewer.workspace.slug, actor.key)
    return render(request, "web/actors/form.html", {"viewer": viewer, "form": form})


@workspace_view(Role.EDITOR)
def actor_edit(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    actor = access.access_actor(viewer, key, write=True)
    initial = {"name": actor.name, "key": actor.key, "kind": actor.kind, "notes": actor.notes,
               "confidential": actor.confidential,
               "tags": ", ".join(actor.tags.values_list("name", flat=True))}  # fmt: skip
    form = ActorForm(request.POST or None, initial=initial)
    form.fields["key"].disabled = True
    if actor.reference:
        form.fields["name"].disabled = form.fields["kind"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "key"}
        do_update_actor(actor, request.user, **data)
        messages.success(request, _("Saved."))
        return redirect("pm-actor", viewer.workspace.slug, actor.key)
    return render(request, "web/actors/form.html",
                  {"viewer": viewer, "form": form, "actor": actor})  # fmt: skip


@workspace_view(Role.EDITOR)
def actor_delete(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    actor = access.access_actor(viewer, key, write=True)
    if request.method == "POST":
        do_delete_actor(actor, request.user)
        messages.success(request, _("Deleted %(name)s.") % {"name": actor.name},
                         extra_tags=f"undo:{actor.key}")  # fmt: skip
        return redirect("pm-actors", viewer.workspace.slug)
    return render(request, "web/actors/delete.html", {"viewer": viewer, "actor": actor})


@require_POST
@workspace_view(Role.EDITOR)
def actor_restore(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    actor = access.access_deleted_actor(viewer, key)
    do_restore_actor(actor, request.user)
    messages.success(request, _("Restored %(name)s.") % {"name": actor.name})
    return redirect("pm-actor", viewer.workspace.slug, actor.key)
