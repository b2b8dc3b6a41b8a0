"""Template filters for the strategy pages: knowledge-base names and analysis words."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.translation import gettext, gettext_noop

from powermap.knowledge import load_knowledge
from powermap.web.forms.asks import localized_name

register = template.Library()

# Words of the analysis results, translated at render time.
LABELS = {
    "decider": gettext_noop("decider"),
    "voter": gettext_noop("voter"),
    "veto": gettext_noop("veto holder"),
    "influencer": gettext_noop("influencer"),
    "implementer": gettext_noop("implementer"),
    "likely_pass": gettext_noop("likely to pass"),
    "likely_fail": gettext_noop("likely to fail"),
    "uncertain": gettext_noop("uncertain: the undecided members decide"),
    "not_a_vote": gettext_noop("not a vote"),
    "yes": gettext_noop("yes"),
    "no": gettext_noop("no"),
    "undecided": gettext_noop("undecided"),
    "leverage": gettext_noop("leverage"),
    "movability": gettext_noop("movability"),
    "reachability": gettext_noop("reachability"),
    "legal_obligation": gettext_noop("legal obligation"),
    "consistency": gettext_noop("consistency"),
    "national_interest": gettext_noop("national interest"),
    "domestic_constituency": gettext_noop("domestic constituency"),
    "reputation": gettext_noop("reputation"),
    "cost_of_inaction": gettext_noop("cost of inaction"),
}


@register.filter
def strategy_label(value: object) -> str:
    """A role, outcome, vote or factor name (`veto`, `likely_fail`) in words."""
    key = str(getattr(value, "value", value))
    return gettext(LABELS[key]) if key in LABELS else key


@register.filter
def ask_kind_name(kind_id: str) -> str:
    """The name of an ask kind of the knowledge base, or its id if it is not there."""
    kind = load_knowledge().ask_kinds.get(kind_id)
    return localized_name(kind) if kind else kind_id


@register.filter
def body_name(body_id: str) -> str:
    """The name of a knowledge-base body (`unsc`, `body:unsc`), or the id."""
    body = load_knowledge().bodies.get(body_id.removeprefix("body:"))
    return localized_name(body) if body else body_id


@register.filter
def translated(text: str) -> str:
    """A vocabulary word marked with gettext_noop, in the page's language."""
    return gettext(text) if text else ""


@register.filter
def days_before(day: dt.date, days: int) -> dt.date:
    """The day `days` days earlier: when to start preparing for a moment."""
    return day - dt.timedelta(days=int(days))
