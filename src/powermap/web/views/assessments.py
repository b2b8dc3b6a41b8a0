from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from powermap.domain.vocab import Role
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.assessments import do_add_assessment
from powermap.web.decorators import workspace_view
from powermap.web.forms.assessments import AssessmentForm


@workspace_view(Role.EDITOR)
def assessment_create(request: HttpRequest, viewer: Viewer, key: str) -> HttpResponse:
    actor = access.access_actor(viewer, key, write=True)
    asks = {a.key: a for a in access.workspace_asks(viewer)}
    form = AssessmentForm(request.POST or None,
                          asks=[(k, a.title or k) for k, a in asks.items()])  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["ask"] = asks.get(data.pop("ask") or "")
        do_add_assessment(actor, request.user, **data)
        messages.success(request, _("Assessment recorded."))
        return redirect("pm-actor", viewer.workspace.slug, actor.key)
    return render(request, "web/assessments/form.html",
                  {"viewer": viewer, "actor": actor, "form": form})  # fmt: skip
