"""Asks: the list, the forms, each ask's strategy (forecast, targets, plan), the group's
progress on the plan's steps, and deleting an ask (with undo)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from powermap.analysis.strategy import find_ask, moments_ahead, plan_ask, rank_ask
from powermap.domain.actors import WorkspaceContent
from powermap.domain.strategy import MomentOccurrence, Plan
from powermap.domain.vocab import Role
from powermap.knowledge import KnowledgeBase, load_knowledge
from powermap.reports.plan_timeline import Timeline, plan_timeline
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.asks import (
    PinChoice,
    do_create_ask,
    do_delete_ask,
    do_pin_target,
    do_restore_ask,
    do_set_step,
    do_update_ask,
)
from powermap.store.convert import workspace_content
from powermap.store.references import known_reference
from powermap.web.decorators import workspace_view
from powermap.web.forms.asks import AskForm, PinForm, StepForm, localized_name

ACTOR_CHOICES_LIMIT = 1000  # actors offered in the decider field's suggestions
MOMENT_CHOICES_DAYS = 730  # moments offered to aim at: the plan's horizon


def request_day(request: HttpRequest) -> dt.date:
    """`?today=YYYY-MM-DD` reasons as of another day (the CLI's --today); else today."""
    try:
        return dt.date.fromisoformat(request.GET.get("today", ""))
    except ValueError:
        return timezone.localdate()


@workspace_view()
def ask_list(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    return render(request, "web/asks/list.html",
                  {"viewer": viewer, "asks": access.workspace_asks(viewer)})  # fmt: skip


def _form(request: HttpRequest, viewer: Viewer, current_moment: str = "", **kwargs: Any) -> AskForm:
    visible = access.visible_actors(viewer)

    def actor_exists(key: str) -> bool:
        return known_reference(key) or visible.filter(key=key).exists()

    kb = load_knowledge()
    moments = _moment_choices(workspace_content(viewer), kb, timezone.localdate(), current_moment)
    return AskForm(request.POST or None, kb=kb, actor_exists=actor_exists, moments=moments,
                   **kwargs)  # fmt: skip


def _moment_choices(
    content: WorkspaceContent, kb: KnowledgeBase, today: dt.date, current: str
) -> list[tuple[str, str]]:
    """The calendar's moments ahead, each once, by its next date; the ask's own choice too."""
    names = _moment_names(content, kb)
    first: dict[str, MomentOccurrence] = {}
    for o in moments_ahead(content, kb, today, MOMENT_CHOICES_DAYS).occurrences:
        first.setdefault(o.moment, o)
    choices = [(mid, _("%(name)s (next on %(day)s)") % {"name": names.get(mid, o.name),
                                                         "day": o.start.isoformat()})
               for mid, o in first.items()]  # fmt: skip
    if current and current not in first:
        choices.append((current, names.get(current, current)))
    return choices


def _moment_names(content: WorkspaceContent, kb: KnowledgeBase) -> dict[str, str]:
    """Every moment's name: the knowledge base's in the page's language, then the group's."""
    names = {mid: localized_name(m) for mid, m in kb.moments.items()}
    return names | {m.id: m.name for m in content.moments}


def _render_form(
    request: HttpRequest, viewer: Viewer, form: AskForm, ask: Any = None
) -> HttpResponse:
    choices = access.visible_actors(viewer).order_by("name").values("key", "name")
    return render(request, "web/asks/form.html",
                  {"viewer": viewer, "form": form, "ask": ask,
                   "choices": choices[:ACTOR_CHOICES_LIMIT]})  # fmt: skip


@workspace_view(Role.EDITOR)
def ask_create(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = _form(request, viewer, taken_keys=access.taken_ask_keys(viewer))
    if request.method == "POST" and form.is_valid():
        ask = do_create_ask(viewer.workspace, request.user, **form.cleaned_data)
        messages.success(request, _("Added the ask %(title)s.") % {"title": ask.title})
        return redirect("pm-ask", viewer.workspace.slug, ask.key)
    return _render_form(request, viewer, form)


@workspace_view(Role.EDITOR)
def ask_edit(request: HttpRequest, viewer: Viewer, ask_key: str) -> HttpResponse:
    ask = access.access_ask(viewer, ask_key, write=True)
    initial = {"title": ask.title, "key": ask.key, "kind": ask.kind, "body": ask.body,
               "decider": ask.decider, "notes": ask.notes, "deadline": ask.deadline,
               "moment": ask.moment}  # fmt: skip
    form = _form(request, viewer, current_moment=ask.moment, initial=initial)
    form.fields["key"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "key"}
        do_update_ask(ask, request.user, **data)
        messages.success(request, _("Saved."))
        return redirect("pm-ask", viewer.workspace.slug, ask.key)
    return _render_form(request, viewer, form, ask)


@workspace_view()
def ask_detail(request: HttpRequest, viewer: Viewer, ask_key: str) -> HttpResponse:
    row = access.access_ask(viewer, ask_key)
    today, kb, content = request_day(request), load_knowledge(), workspace_content(viewer)
    ask = find_ask(content, row.key)
    if ask is None:  # removed between the two reads
        raise Http404
    plan, timeline, plan_problem = _plan(content, ask, kb, today)
    return render(request, "web/asks/detail.html", {
        "viewer": viewer, "ask": ask, "today": today,
        "ranking": rank_ask(content, ask, kb, on=today), "names": _names(content, kb),
        "plan": plan, "timeline": timeline, "plan_problem": plan_problem,
        "progress": {p.step: p for p in ask.steps}, "now": timezone.localdate(),
        "moment_name": _moment_names(content, kb).get(ask.moment, ask.moment),
    })  # fmt: skip


def _plan(
    content: WorkspaceContent, ask: Any, kb: KnowledgeBase, today: dt.date
) -> tuple[Plan | None, Timeline | None, str]:
    """The plan and its timeline, or why there is none."""
    try:
        plan = plan_ask(content, ask, kb, today=today)
    except (LookupError, ValueError) as error:
        return None, None, str(error)
    return plan, plan_timeline(plan, today), ""


def _names(content: WorkspaceContent, kb: KnowledgeBase) -> dict[str, str]:
    """Names of every actor the page may mention: the knowledge base's for reference
    actors (shown in the reader's language), else the map's."""
    references = {ref: name for ref, name, _kind in kb.reference_actors()}
    return {a.id: a.name for a in content.actors if a.name} | references


@require_POST
@workspace_view(Role.EDITOR)
def ask_pin(request: HttpRequest, viewer: Viewer, ask_key: str) -> HttpResponse:
    ask = access.access_ask(viewer, ask_key, write=True)
    form = PinForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Name an actor and pin, exclude or clear."))
    actor, choice = form.cleaned_data["actor"], PinChoice(form.cleaned_data["choice"])
    visible = access.visible_actors(viewer).filter(key=actor).exists() or known_reference(actor)
    if choice is not PinChoice.CLEAR and not visible:
        raise Http404
    do_pin_target(ask, request.user, actor, choice)
    done = {PinChoice.PIN: _("Pinned %(actor)s to the top."),
            PinChoice.EXCLUDE: _("Excluded %(actor)s from the targets."),
            PinChoice.CLEAR: _("The ranking decides about %(actor)s again.")}  # fmt: skip
    messages.success(request, done[choice] % {"actor": actor})
    return redirect("pm-ask", viewer.workspace.slug, ask.key)


@require_POST
@workspace_view(Role.EDITOR)
def ask_step(request: HttpRequest, viewer: Viewer, ask_key: str, step_id: str) -> HttpResponse:
    """Save who owns one step of the ask's plan, and whether and when it was done."""
    ask = access.access_ask(viewer, ask_key, write=True)
    kind = load_knowledge().ask_kinds.get(ask.kind)
    step = next((s for s in kind.steps if s.id == step_id), None) if kind else None
    if step is None:
        raise Http404
    form = StepForm(request.POST)
    if form.is_valid():
        do_set_step(ask, request.user, step.id, owner=form.cleaned_data["owner"],
                    done_on=form.done_day())  # fmt: skip
        title = step.display_title.in_language(get_language() or "")
        messages.success(request, _("Saved the step %(step)s.") % {"step": title})
    else:
        problems = " ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, _("The step was not saved: %(problems)s") % {"problems": problems})
    url = reverse("pm-ask", args=[viewer.workspace.slug, ask.key])
    return redirect(f"{url}#step-{step.id}")


@require_POST
@workspace_view(Role.EDITOR)
def ask_delete(request: HttpRequest, viewer: Viewer, ask_key: str) -> HttpResponse:
    ask = access.access_ask(viewer, ask_key, write=True)
    do_delete_ask(ask, request.user)
    messages.success(request, _("Deleted the ask %(title)s.") % {"title": ask.title or ask.key},
                     extra_tags=f"undo-ask:{ask.key}")  # fmt: skip
    return redirect("pm-asks", viewer.workspace.slug)


@require_POST
@workspace_view(Role.EDITOR)
def ask_restore(request: HttpRequest, viewer: Viewer, ask_key: str) -> HttpResponse:
    ask = access.access_deleted_ask(viewer, ask_key)
    do_restore_ask(ask, request.user)
    messages.success(request, _("Restored the ask %(title)s.") % {"title": ask.title or ask.key})
    return redirect("pm-ask", viewer.workspace.slug, ask.key)
