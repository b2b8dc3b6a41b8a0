"""The strategic calendar: moments ahead from the knowledge base and the workspace."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from powermap.analysis.strategy import asks_suited, moments_ahead
from powermap.domain.strategy import Calendar
from powermap.knowledge import load_knowledge
from powermap.reports.ics import calendar_ics as render_ics
from powermap.store.access import Viewer
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


@workspace_view()
def calendar(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    content, kb = workspace_content(viewer), load_knowledge()
    today, days = request_day(request), _days(request)
    found = moments_ahead(content, kb, today, days)
    rows = [(o, asks_suited(o, content.asks, kb)) for o in found.occurrences]
    return render(request, "web/calendar/calendar.html",
                  {"viewer": viewer, "calendar": found, "rows": rows, "days": days,
                   "day_choices": DAY_CHOICES, "today": today})  # fmt: skip


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
