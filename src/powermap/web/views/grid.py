from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from powermap.analysis.grid import GridPoint
from powermap.domain.vocab import INFLUENCE_LABELS, STANCE_LABELS
from powermap.reports.grid_svg import (
    GridLabels,
    render_count_svg,
    render_grid_svg,
    render_grid_table,
)
from powermap.store import access
from powermap.store.access import Viewer
from powermap.web.decorators import workspace_view
from powermap.web.forms.actors import ActorFilterForm
from powermap.web.views.actors import filter_actors

TABLE_INLINE_LIMIT = 2000
DOT_LIMIT = 20_000  # above this many placed actors the grid counts actors per cell


@workspace_view()
def grid(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = ActorFilterForm(request.GET)
    actors = filter_actors(access.visible_actors(viewer), form)
    # One grouped query says how many actors sit in each cell and how many have no place.
    cells = actors.values_list("stance", "influence").annotate(n=Count("pk")).order_by()
    counts = {(s, i): n for s, i, n in cells if s is not None and i is not None}
    unplaced = sum(n for s, i, n in cells if s is None or i is None)
    # On a large map the table comes as its own page, so neither view pays for the other.
    as_table = request.GET.get("view") == "table"
    table_query = request.GET.copy()
    table_query["view"] = "table"
    context = {"viewer": viewer, "form": form, "as_table": as_table,
               "table_query": table_query.urlencode(), "unplaced": unplaced,
               "tags": viewer.workspace.tags.values_list("name", flat=True)}  # fmt: skip
    total = sum(counts.values())
    if total > DOT_LIMIT and not as_table:
        # Too many dots to draw or to read: how many actors sit in each cell.
        svg = render_count_svg(counts, _labels(counts_title=True), _number)
        return render(request, "web/grid/grid.html",
                      context | {"svg": mark_safe(svg), "counted": total})  # noqa: S308  (escaped by the renderer)  # fmt: skip
    placed = actors.filter(stance__isnull=False, influence__isnull=False)
    rows = placed.values_list("key", "name", "stance", "influence").order_by("name")
    labels = _labels()
    points = [GridPoint(key, name, stance, influence) for key, name, stance, influence in rows]
    prefix = reverse("pm-actor", args=[viewer.workspace.slug, "KEY"]).removesuffix("KEY/")
    inline = len(points) <= TABLE_INLINE_LIMIT
    svg = "" if as_table else render_grid_svg(points, labels, prefix)
    table = "" if not (as_table or inline) else render_grid_table(
        points, labels, prefix, (_("Actor"), _("Influence"), _("Stance"))
    )
    return render(request, "web/grid/grid.html", context | {
        "svg": mark_safe(svg),  # noqa: S308  (escaped by the renderer)
        "table": mark_safe(table),  # noqa: S308  (escaped by the renderer)
    })  # fmt: skip


def _number(count: int) -> str:
    return number_format(count, force_grouping=True)


def _labels(counts_title: bool = False) -> GridLabels:
    return GridLabels(
        title=_("Power grid: how many actors sit in each cell") if counts_title
        else _("Power grid: influence against stance"),
        stance_axis=_("Stance: from strongly opposed to champion"),
        influence_axis=_("Influence"),
        stances={v: _(label) for v, label in STANCE_LABELS.items()},
        influences={v: _(label) for v, label in INFLUENCE_LABELS.items()},
    )
