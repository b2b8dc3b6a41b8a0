from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from powermap.domain.vocab import ACTOR_KIND_LABELS, STANCE_LABELS, ActorKind, Role
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.actors import do_save_positions
from powermap.web.decorators import workspace_view
from powermap.web.forms.actors import ActorFilterForm
from powermap.web.views.actors import filter_actors

# Above this many actors a full drawing is a hairball: we draw an ego view instead.
FULL_VIEW_LIMIT = 400
EGO_NODE_LIMIT = 600
MAX_HOPS = 3
MAX_PATH = 20  # actors of one highlighted path


@workspace_view()
def network(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = ActorFilterForm(request.GET)
    labels = {
        "kinds": {k.value: _(v) for k, v in ACTOR_KIND_LABELS.items()},
        "stances": {str(k): _(v) for k, v in STANCE_LABELS.items()},
    }
    return render(request, "web/network/network.html",
                  {"viewer": viewer, "form": form, "labels": labels,
                   "tags": viewer.workspace.tags.values_list("name", flat=True),
                   "ego": request.GET.get("ego", ""), "hops": request.GET.get("hops", "1"),
                   "path": _path_keys(request.GET.get("path")),
                   "without_path": _without(request, "path")})  # fmt: skip


def _without(request: HttpRequest, name: str) -> str:
    """The page's query string without one parameter."""
    query = request.GET.copy()
    query.pop(name, None)
    return query.urlencode()


@workspace_view()
def network_data(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    actors = filter_actors(access.visible_actors(viewer), ActorFilterForm(request.GET))
    ego_key = request.GET.get("ego", "").strip()
    hops = _hops(request.GET.get("hops"))
    total = actors.count()
    note = ""
    if not ego_key and total > FULL_VIEW_LIMIT:
        ego_key = _default_ego(actors)
        note = _("This map is large: showing the neighbourhood of one actor. Pick another.")
    if ego_key:
        ids = _ego_ids(viewer, actors, ego_key, hops) | _path_ids(actors, request.GET.get("path"))
        actors = actors.filter(pk__in=ids)
    nodes = list(actors.values("id", "key", "name", "kind", "stance", "influence",
                               "layout_x", "layout_y")[:EGO_NODE_LIMIT])  # fmt: skip
    node_ids = {n["id"] for n in nodes}
    rels = access.visible_relationships(viewer).filter(source_id__in=node_ids, target_id__in=node_ids)
    edges = rels.values("id", "source_id", "target_id", "type", "strength")
    return JsonResponse({
        "nodes": [_node(n) for n in nodes],
        "edges": [{"id": f"r{e['id']}", "source": f"a{e['source_id']}",
                   "target": f"a{e['target_id']}", "type": e["type"],
                   "strength": e["strength"]} for e in edges],
        "total": total, "ego": ego_key, "hops": hops, "note": note,
        "truncated": len(nodes) >= EGO_NODE_LIMIT,
    })  # fmt: skip


def _node(n: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"a{n['id']}", "key": n["key"], "name": n["name"], "kind": n["kind"],
            "stance": n["stance"], "influence": n["influence"],
            "x": n["layout_x"], "y": n["layout_y"]}  # fmt: skip


def _hops(value: str | None) -> int:
    try:
        return max(1, min(MAX_HOPS, int(value or 1)))
    except ValueError:
        return 1


def _default_ego(actors: Any) -> str:
    own = actors.filter(kind=ActorKind.VICTIM_GROUP.value).order_by("name").first()
    first = own or actors.order_by("-influence", "name").first()
    return first.key if first else ""


def _path_keys(path: str | None) -> list[str]:
    """The actor ids of a path to highlight (`?path=a,b,c`, from an ask's page)."""
    return [k for k in (path or "").split(",") if k][:MAX_PATH]


def _path_ids(actors: Any, path: str | None) -> set[int]:
    """The actors of the highlighted path, however far from the centre."""
    keys = _path_keys(path)
    return set(actors.filter(key__in=keys).values_list("id", flat=True)) if keys else set()


def _ego_ids(viewer: Viewer, actors: Any, ego_key: str, hops: int) -> set[int]:
    """The actor and everyone within `hops` relationships of it, in either direction.

    Two indexed lookups per hop (outgoing, incoming) rather than one OR query, which
    SQLite plans as a scan of every relationship in the workspace.
    """
    ego = actors.filter(key=ego_key).values_list("id", flat=True).first()
    if ego is None:
        return set()
    seen, frontier = {ego}, {ego}
    rels = access.visible_relationships(viewer)
    for _hop in range(hops):
        targets = rels.filter(source_id__in=frontier).values_list("target_id", flat=True)
        sources = rels.filter(target_id__in=frontier).values_list("source_id", flat=True)
        reached = (set(targets) | set(sources)) - seen
        if not reached or len(seen) > EGO_NODE_LIMIT:
            break
        seen |= reached
        frontier = reached
    return seen


@require_POST
@workspace_view(Role.EDITOR)
def save_positions(request: HttpRequest, viewer: Viewer) -> JsonResponse:
    try:
        payload = json.loads(request.body)
        positions = {int(k.removeprefix("a")): (float(x), float(y))
                     for k, (x, y) in payload["positions"].items()}  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse({"error": _("Positions must be {id: [x, y]}.")}, status=400)
    visible = set(access.visible_actors(viewer).filter(pk__in=list(positions))
                  .values_list("pk", flat=True))  # fmt: skip
    moved = do_save_positions(viewer.workspace, request.user,
                              {k: v for k, v in positions.items() if k in visible})  # fmt: skip
    return JsonResponse({"saved": moved})
