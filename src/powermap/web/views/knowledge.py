"""The knowledge base as every workspace sees it: read-only facts with sources and age."""

from __future__ import annotations

from typing import Any

import yaml
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_POST

from powermap.domain.vocab import Role
from powermap.knowledge import load_knowledge
from powermap.knowledge.base import ATTR_BY_KIND
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.actors import do_add_reference_actor
from powermap.web.decorators import workspace_view

# Knowledge kinds that are actors on a map, and the prefix of their reference ids.
ACTOR_PREFIX = {"state": "state", "body": "body", "mechanism": "mechanism", "organisation": "org"}
AREAS = list(ATTR_BY_KIND)
TREATY_STATUS_LABELS = {
    "party": gettext_noop("party"),
    "signatory": gettext_noop("signatory"),
    "withdrawn": gettext_noop("withdrawn"),
    "none": gettext_noop("not a party"),
}


def _ref(kind: str, rid: str) -> str:
    return f"{ACTOR_PREFIX.get(kind, kind)}:{rid}"


def _name(record: Any) -> str:
    name = getattr(record, "name_en", None) or getattr(record, "title", None)
    return str(name or record.id)


@workspace_view()
def kb_index(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    kb = load_knowledge()
    area = request.GET.get("area") or "state"
    if area not in ATTR_BY_KIND:
        raise Http404
    query = request.GET.get("q", "").strip().casefold()
    rows = [
        {"ref": _ref(area, rid), "name": _name(r), "id": rid, "as_of": r.as_of,
         "age": (timezone.localdate() - r.as_of).days}
        for rid, r in kb.records(area).items()
        if not query or query in rid.casefold() or query in _name(r).casefold()
    ]  # fmt: skip
    rows.sort(key=lambda row: row["name"].casefold())
    return render(request, "web/knowledge/index.html",
                  {"viewer": viewer, "rows": rows, "area": area, "areas": AREAS,
                   "q": request.GET.get("q", ""), "counts": kb.counts(), "kb_as_of": kb.as_of})  # fmt: skip


@workspace_view()
def kb_record(request: HttpRequest, viewer: Viewer, ref: str) -> HttpResponse:
    kb = load_knowledge()
    found = kb.find(ref)
    if found is None:
        raise Http404
    kind, record = found
    canonical = _ref(kind, record.id)
    on_map = access.visible_actors(viewer).filter(key=canonical).first()
    context = {
        "viewer": viewer, "kind": kind, "record": record, "ref": canonical,
        "name": _name(record), "age": (timezone.localdate() - record.as_of).days,
        "is_actor": kind in ACTOR_PREFIX, "on_map": on_map,
        "details": yaml.safe_dump(
            record.model_dump(mode="json", exclude={"sources", "name"}, exclude_none=True),
            allow_unicode=True, sort_keys=False, width=100,
        ),
    }  # fmt: skip
    if kind == "state":
        context |= _state_facts(kb, record.id)
    return render(request, "web/knowledge/record.html", context)


def _incomplete(missing: int) -> str:
    """Why "not a party" may be wrong: our list of parties is known to be short."""
    if not missing:
        return ""
    return ngettext(
        "Our list of parties is incomplete: %(count)d party is not identified. Check the "
        "depositary before relying on this.",
        "Our list of parties is incomplete: %(count)d parties are not identified. Check the "
        "depositary before relying on this.",
        missing,
    ) % {"count": missing}


def _state_facts(kb: Any, iso2: str) -> dict[str, Any]:
    today = timezone.localdate()
    treaties = []
    for treaty_id, treaty in sorted(kb.treaties.items()):
        participant = kb.treaty_status(iso2, treaty_id, on=today)
        missing = kb.unidentified_parties(treaty_id) if participant.status == "none" else 0
        treaties.append({"id": treaty_id, "name": _name(treaty), "p": participant,
                         "status": _(TREATY_STATUS_LABELS[participant.status]),
                         "caveat": _incomplete(missing),
                         "source": treaty.sources[0].url if treaty.sources else None,
                         "as_of": treaty.as_of})  # fmt: skip
    memberships = [
        _name(org) for org in kb.organisations.values()
        if any(m.state == iso2 and m.is_member_on(today) for m in org.members)
    ]  # fmt: skip
    seats = [
        {"ref": f"body:{bid}", "name": _name(body), "member": m}
        for bid, body in sorted(kb.bodies.items())
        for m in body.members or []
        if m.state == iso2 and m.sits_on(today)
    ]  # fmt: skip
    return {"treaties": treaties, "memberships": sorted(memberships), "seats": seats}


@require_POST
@workspace_view(Role.EDITOR)
def kb_add_to_map(request: HttpRequest, viewer: Viewer, ref: str) -> HttpResponse:
    try:
        actor = do_add_reference_actor(viewer.workspace, request.user, ref)
    except LookupError:
        raise Http404 from None
    messages.success(request, _("Added %(name)s to the map.") % {"name": actor.name})
    return redirect("pm-actor", viewer.workspace.slug, actor.key)
