from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from powermap.analysis.grid import GridPoint
from powermap.domain.vocab import INFLUENCE_LABELS, STANCE_LABELS
from powermap.reports.grid_svg import GridLabels, render_grid_svg, render_grid_table
from powermap.store import access
from powermap.store.access import Viewer
from powermap.web.decorators import workspace_view
from powermap.web.forms.actors import ActorFilterForm
from powermap.web.views.actors import filter_actors

TABLE_INLINE_LIMIT = 2000


@workspace_view()
def grid(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = ActorFilterForm(request.GET)
    actors = filter_actors(access.visible_actors(viewer), form)
    rows = actors.values_list("key", "name", "stance", "influence").order_by("name")
    points, unplaced = [], []
    for key, name, stance, influence in rows:
        if stance is None or influence is None:
            unplaced.append((key, name))
        else:
            points.append(GridPoint(key, name, stance, influence))
    prefix = reverse("pm-actor", args=[viewer.workspace.slug, "KEY"]).removesuffix("KEY/")
    labels = _labels()
    # On a large map the table comes as its own page, so neither view pays for the other.
    as_table = request.GET.get("view") == "table"
    inline = len(points) <= TABLE_INLINE_LIMIT
    svg = "" if as_table else render_grid_svg(points, labels, prefix)
    table = "" if not (as_table or inline) else render_grid_table(
        points, labels, prefix, (_("Actor"), _("Influence"), _("Stance"))
    )
    table_query = request.GET.copy()
    table_query["view"] = "table"
    return render(request, "web/grid/grid.html",
                  {"viewer": viewer, "form": form, "points": points, "unplaced": unplaced,
                   "svg": mark_safe(svg),  # noqa: S308  (escaped by the renderer)
                   "table": mark_safe(table),  # noqa: S308  (escaped by the renderer)
                   "as_table": as_table, "table_query": table_query.urlencode(),
                   "tags": viewer.workspace.tags.values_list("name", flat=True)})  # fmt: skip


def _labels() -> GridLabels:
    return GridLabels(
        title=_("Power grid: influence against stance"),
        stance_axis=_("Stance: from strongly opposed to champion"),
        influence_axis=_("Influence"),
        stances={v: _(label) for v, label in STANCE_LABELS.items()},
        influences={v: _(label) for v, label in INFLUENCE_LABELS.items()},
    )
