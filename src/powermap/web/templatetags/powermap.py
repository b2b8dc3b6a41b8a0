from __future__ import annotations

from django import template
from django.utils.translation import get_language, gettext, ngettext

from powermap.domain.messages import Message, Name
from powermap.domain.vocab import STANCE_LABELS

register = template.Library()


@register.filter
def stance_label(value: int | None) -> str:
    """`+1 Supportive`, translated; an en dash for no stance."""
    if value is None:
        return "–"
    return (
        f"{value:+d} {gettext(STANCE_LABELS[value])}" if value else f"0 {gettext(STANCE_LABELS[0])}"
    )


@register.filter
def say(value: object) -> object:
    """A sentence or a knowledge-base name in the reader's language; others as they are."""
    if isinstance(value, Message):
        return value.translated(gettext, ngettext, get_language() or "")
    if isinstance(value, Name):
        return value.in_language(get_language() or "")
    return value


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key, "")
