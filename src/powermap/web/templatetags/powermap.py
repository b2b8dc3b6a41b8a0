from __future__ import annotations

from django import template
from django.utils.translation import gettext

from powermap.domain.vocab import STANCE_LABELS

register = template.Library()


@register.filter
def stance_label(value: int | None) -> str:
    """`+1 Supportive`, translated; an en dash for no stance."""
    if value is None:
        return "–"
    return f"{value:+d} {gettext(STANCE_LABELS[value])}" if value else f"0 {gettext(STANCE_LABELS[0])}"


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key, "")
