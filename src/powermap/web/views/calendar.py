"""The strategic calendar: moments ahead from the knowledge base and the workspace."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from powermap.analysis.strategy import asks_suited, moments_ahead
from powermap.domain.strategy import Calendar
from powermap.domain.vocab import Role
from powermap.knowledge import load_knowledge
from powermap.reports.ics import calendar_ics as render_ics
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.moments import do_add_moment, do_delete_moment
from powermap.store.actions.workspaces import do_record_export
from powermap.store.convert import workspace_content
from powermap.web.decorators import workspace_view
from powermap.web.views.asks import request_day

DAY_CHOICES = (90, 180, 365, 730)


def _days(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("days", "365"))
    except ValueError:
        return 365
    return days if days in DAY_CHOICES else 365


class MomentForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    yearly = forms.BooleanField(label=gettext_lazy("Every year (an anniversary)"), required=False,
                                initial=True)  # fmt: skip
    lead_time_days = forms.IntegerField(
        label=gettext_lazy("Days of preparation"), min_value=0, max_value=3650, required=False
    )
    description = forms.CharField(label=gettext_lazy("Description"), required=False,
                                  widget=forms.Textarea)  # fmt: skip


@workspace_view()
def calendar(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = MomentForm(request.POST or None)
    if request.method == "POST":
        viewer.require(Role.EDITOR)
        if form.is_valid():
            data = form.cleaned_data
            taken = set(access.workspace_moments(viewer).values_list("key", flat=True))
            key, n = slugify(data["name"])[:100] or "moment", 2
            while key in taken:
                key, n = f"{slugify(data['name'])[:100] or 'moment'}-{n}", n + 1
            do_add_moment(viewer.workspace, request.user, key=key, **data)
            messages.success(request, _("Added %(name)s to the calendar.") % {"name": data["name"]})
            return redirect("pm-calendar", viewer.workspace.slug)
    content, kb = workspace_content(viewer), load_knowledge()
    today, days = request_day(request), _days(request)
    found = moments_ahead(content, kb, today, days)
    rows = [(o, asks_suited(o, content.asks, kb)) for o in found.occurrences]
    return render(request, "web/calendar/calendar.html",
                  {"viewer": viewer, "calendar": found, "rows": rows, "days": days,
                   "day_choices": DAY_CHOICES, "today": today, "form": form,
                   "own": access.workspace_moments(viewer)})  # fmt: skip


@require_POST
@workspace_view(Role.EDITOR)
def moment_delete(request: HttpRequest, viewer: Viewer, moment_id: int) -> HttpResponse:
    moment = access.access_moment(viewer, moment_id)
    do_delete_moment(moment, request.user)
    messages.success(request, _("Removed %(name)s from the calendar.") % {"name": moment.name})
    return redirect("pm-calendar", viewer.workspace.slug)


@workspace_view()
def calendar_ics(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    found: Calendar = moments_ahead(workspace_content(viewer), load_knowledge(),
                                    request_day(request), _days(request))  # fmt: skip
    do_record_export(viewer.workspace, request.user, "calendar-ics")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = render_ics(found, name=f"powermap: {viewer.workspace.name}", stamp=stamp)
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{viewer.workspace.slug}-calendar.ics"'
    return response
