"""The forum finder: the facts of a situation in, the forums that could hear a case out.

Nothing here is stored: the facts travel in the results page's query string (see
web/forms/forums.py), so the page can be bookmarked and printed. Only "Make this an ask"
writes, and it recomputes the finding from the facts rather than trusting the browser's
copy of its kind and title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from powermap.analysis.forums import find_forums
from powermap.domain.forums import (
    CRIME_LABELS,
    FORUM_FAMILY_LABELS,
    FORUM_STATUS_LABELS,
    LEGAL_INFORMATION_NOTICE,
    SUSPECT_ROLE_LABELS,
    VICTIM_ROLE_LABELS,
    Facts,
    ForumFinding,
    ForumStatus,
)
from powermap.domain.messages import Message
from powermap.domain.vocab import Role
from powermap.formats.facts_yaml import STATE_LIST_KEYS, FactsFileError, parse_facts
from powermap.formats.problems import Problem
from powermap.knowledge import KnowledgeBase, load_knowledge
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.forums import ask_title_for, do_create_ask_from_finding
from powermap.store.models import Ask
from powermap.web.decorators import workspace_view
from powermap.web.forms.forums import FactsFileForm, FactsForm, facts_query

STATUS_BADGES = {
    ForumStatus.AVAILABLE: gettext_lazy("Available"),
    ForumStatus.CONDITIONAL: gettext_lazy("Conditional"),
    ForumStatus.UNAVAILABLE: gettext_lazy("Unavailable"),
}
# The kinds of basis tokens (`kind:detail`, docs/forums.md) in words.
BASIS_LABELS = {
    "territorial": gettext_lazy("Territory"),
    "nationality": gettext_lazy("Perpetrators' nationality"),
    "passive_personality": gettext_lazy("Victims' nationality"),
    "universal": gettext_lazy("Universal jurisdiction"),
    "article_12_3": gettext_lazy("Declaration accepting the ICC's jurisdiction (art. 12(3))"),
    "unsc_referral": gettext_lazy("Security Council referral"),
    "aggression": gettext_lazy("Kampala amendments on aggression"),
    "genocide_convention_art_ix": gettext_lazy("Genocide Convention, art. IX"),
    "cat_art_30": gettext_lazy("Convention against Torture, art. 30(1)"),
    "cped_art_42": gettext_lazy("Convention on Enforced Disappearance, art. 42(1)"),
    "erga_omnes_partes": gettext_lazy("Obligations owed to all parties (erga omnes partes)"),
    "individual_complaint": gettext_lazy("Individual complaint"),
    "commission_referral": gettext_lazy("Referral by a commission"),
    "urgent_action": gettext_lazy("Urgent action"),
    "mandate": gettext_lazy("Mandate"),
    "thematic_sanctions": gettext_lazy("Thematic sanctions regime"),
}
CANDIDATES_SHOWN = 12  # the ICJ can have over a hundred possible applicants
UNIVERSAL_LINKS = {
    "none": gettext_lazy("no link to the state needed"),
    "presence": gettext_lazy("suspect present"),
    "presence_or_residence": gettext_lazy("suspect present or resident"),
    "residence": gettext_lazy("suspect resident"),
}


@workspace_view()
def forum_facts(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The facts form (prefilled from the query or the workspace), and the file upload."""
    kb = load_knowledge()
    upload = FactsFileForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and upload.is_valid():
        try:
            facts = _read_facts_file(upload.cleaned_data["file"], kb)
        except FactsFileError as error:
            problems = [str(p) for p in error.problems]
        else:
            return _results_redirect(viewer, facts)
    if request.GET:
        form = FactsForm(request.GET, states=_state_names(kb))
    else:
        situation = viewer.workspace.situation or viewer.workspace.name
        form = FactsForm(states=_state_names(kb), initial={"situation": situation[:300]})
    return _render_form(request, viewer, kb, form, upload, problems)


@workspace_view()
def forum_results(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The findings for the facts in the query, most open first; `?print=1` to print."""
    if not request.GET:
        return redirect("pm-forums", viewer.workspace.slug)
    kb = load_knowledge()
    form = FactsForm(request.GET, states=_state_names(kb))
    if not form.is_valid():
        return _render_form(request, viewer, kb, form, FactsFileForm(), [])
    facts, today = form.facts(), timezone.localdate()
    findings = find_forums(facts, kb, today)
    asks = {(a.kind, a.title): a for a in access.workspace_asks(viewer)}
    labels = _state_labels(kb)
    context = {
        "viewer": viewer, "facts": _facts_summary(facts, labels), "query": facts_query(facts),
        "groups": _groups(findings, labels, asks, viewer),
        "notice": _(LEGAL_INFORMATION_NOTICE), "today": today, "kb_as_of": kb.as_of,
        "print": request.GET.get("print") == "1",
    }  # fmt: skip
    return render(request, "web/forums/results.html", context)


@require_POST
@workspace_view(Role.EDITOR)
def forum_make_ask(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """Add a finding's suggested ask to the workspace, then show the ask."""
    kb = load_knowledge()
    form = FactsForm(QueryDict(request.POST.get("facts", "")), states=_state_names(kb))
    if not form.is_valid():
        return HttpResponseBadRequest(_("The facts of this request are not valid."))
    facts, today = form.facts(), timezone.localdate()
    wanted = request.POST.get("finding", "")
    finding = next((f for f in find_forums(facts, kb, today) if f.id == wanted), None)
    if finding is None or not finding.ask_kind:
        return HttpResponseBadRequest(_("This finding suggests no ask."))
    ask = _ask_for(request, viewer, kb, facts, finding)
    url = _ask_url(viewer, ask)
    if url is None:
        messages.info(
            request, _("Asks have no page of their own yet; export the workspace to see them.")
        )
        return redirect("pm-actors", viewer.workspace.slug)
    return redirect(url)


def _ask_for(
    request: HttpRequest, viewer: Viewer, kb: KnowledgeBase, facts: Facts, finding: ForumFinding
) -> Ask:
    """The workspace's ask for this finding: the one already there, or a new one."""
    same = access.workspace_asks(viewer).filter(kind=finding.ask_kind, title=ask_title_for(finding))
    ask = same.first()
    if ask is not None:
        messages.info(
            request, _("This ask is already in the workspace: %(title)s") % {"title": ask}
        )
        return ask
    results = reverse("pm-forums-results", args=[viewer.workspace.slug])
    notes = _ask_notes(finding, timezone.localdate(), f"{results}?{facts_query(facts)}")
    ask = do_create_ask_from_finding(viewer.workspace, request.user, finding,
                                     body=_decider(kb, finding.ask_kind or ""), notes=notes)  # fmt: skip
    messages.success(request, _("Added the ask: %(title)s") % {"title": ask})
    return ask


def _read_facts_file(upload: Any, kb: KnowledgeBase) -> Facts:
    """Parse an uploaded facts file with the command's parser; FactsFileError if wrong."""
    name = str(upload.name)
    if upload.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        raise FactsFileError([_problem(name, _("the file is too large"))])
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        raise FactsFileError([_problem(name, _("the file is not UTF-8 text"))]) from None
    return parse_facts(text, name, known_state=lambda code: code in kb.states)


def _problem(file: str, message: str) -> Problem:
    return Problem(file, 0, "(file)", message)


def _results_redirect(viewer: Viewer, facts: Facts) -> HttpResponse:
    url = reverse("pm-forums-results", args=[viewer.workspace.slug])
    return redirect(f"{url}?{facts_query(facts)}")


def _render_form(
    request: HttpRequest, viewer: Viewer, kb: KnowledgeBase, form: FactsForm,
    upload: FactsFileForm, problems: list[str],
) -> HttpResponse:  # fmt: skip
    options = sorted(_state_names(kb).items(), key=lambda item: item[1][0].casefold())
    return render(request, "web/forums/form.html",
                  {"viewer": viewer, "form": form, "upload": upload, "problems": problems,
                   "state_options": [(code, names[0]) for code, names in options],
                   "notice": _(LEGAL_INFORMATION_NOTICE)})  # fmt: skip


def _state_names(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Each state's names: in the current language first, then in English."""
    language = (get_language() or "en").split("-")[0]
    return {
        code: list(dict.fromkeys([state.name.get(language) or state.name_en, state.name_en]))
        for code, state in kb.states.items()
    }


def _state_labels(kb: KnowledgeBase) -> dict[str, str]:
    """`Name (CODE)` for every state, in the current language."""
    return {code: f"{names[0]} ({code})" for code, names in _state_names(kb).items()}


def _facts_summary(facts: Facts, labels: dict[str, str]) -> dict[str, Any]:
    states = {key: [labels.get(c, c) for c in getattr(facts, key)] for key in STATE_LIST_KEYS}
    responsibility = {True: _("Yes"), False: _("No"), None: _("Not known")}
    return {
        "situation": facts.situation, "period": facts.period, "sources": facts.sources,
        "crimes": [_(CRIME_LABELS[c]) for c in facts.crimes],
        "suspect_roles": [_(SUSPECT_ROLE_LABELS[r]) for r in facts.suspect_roles],
        "state_responsibility": responsibility[facts.state_responsibility], **states,
    }  # fmt: skip


def _groups(
    findings: Sequence[ForumFinding], labels: dict[str, str], asks: dict[tuple[str, str], Ask],
    viewer: Viewer,
) -> list[dict[str, Any]]:  # fmt: skip
    """The findings by status, most open first, each ready for the template."""
    groups = []
    for status in ForumStatus:
        items = [_item(f, labels, asks, viewer) for f in findings if f.status is status]
        groups.append({"status": status.value, "label": _(FORUM_STATUS_LABELS[status]),
                       "badge": STATUS_BADGES[status], "findings": items})  # fmt: skip
    return groups


def _item(
    finding: ForumFinding, states: dict[str, str], asks: dict[tuple[str, str], Ask],
    viewer: Viewer,
) -> dict[str, Any]:  # fmt: skip
    ask = asks.get((finding.ask_kind or "", ask_title_for(finding)))
    candidates = [states.get(code, code) for code in finding.candidate_states]
    return {
        "finding": finding, "anchor": "forum-" + finding.id.replace(":", "-"),
        "family": _(FORUM_FAMILY_LABELS[finding.family]),
        "bases": [(_basis_label(token, states), token) for token in finding.bases],
        "victim_roles": [_(VICTIM_ROLE_LABELS[r]) for r in finding.victim_roles],
        "candidates": candidates[:CANDIDATES_SHOWN], "more_candidates": candidates[CANDIDATES_SHOWN:],
        "ask": ask, "ask_url": _ask_url(viewer, ask) if ask else None,
    }  # fmt: skip


def _basis_label(token: str, states: dict[str, str]) -> str:
    kind, _sep, detail = token.partition(":")
    label = str(BASIS_LABELS.get(kind, kind))
    if kind == "universal":
        detail = str(UNIVERSAL_LINKS.get(detail, detail))
    elif detail.upper() in states:
        detail = states[detail.upper()]
    return f"{label}: {detail}" if detail else label


def _decider(kb: KnowledgeBase, ask_kind: str) -> str:
    """The deciding body, when the catalogue names exactly one decider and it is a body."""
    kind = kb.ask_kinds.get(ask_kind)
    deciders = list(kind.deciders) if kind else []
    return deciders[0] if len(deciders) == 1 and deciders[0] in kb.bodies else ""


def _said(text: str) -> str:
    """A sentence of the forum finder in the current language (names stay as they are)."""
    return text.translated(_, ngettext) if isinstance(text, Message) else text


def _ask_notes(finding: ForumFinding, today: dt.date, results_url: str) -> str:
    lines = [
        _("Suggested by the forum finder on %(date)s: %(forum)s (%(status)s).")
        % {"date": today.isoformat(), "forum": _said(finding.name),
           "status": STATUS_BADGES[finding.status]},
        _("Legal basis: %(bases)s") % {"bases": ", ".join(finding.bases) or "-"},
    ]  # fmt: skip
    if finding.conditions:
        lines += [_("Conditions still to meet:"), *(f"- {_said(c)}" for c in finding.conditions)]
    lines += [_("The findings: %(url)s") % {"url": results_url}, _(LEGAL_INFORMATION_NOTICE)]
    return "\n".join(lines)


def _ask_url(viewer: Viewer, ask: Ask) -> str | None:
    """The ask's page, else the asks list, if the app has them; None otherwise."""
    slug = viewer.workspace.slug
    for name, args in (
        ("pm-ask", [slug, ask.key]),
        ("pm-ask", [slug, ask.pk]),
        ("pm-asks", [slug]),
    ):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None
