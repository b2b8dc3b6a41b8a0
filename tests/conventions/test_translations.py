"""The Arabic catalogue is complete, keeps every placeholder, and is compiled."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "src" / "powermap" / "locale" / "ar" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def catalogue():  # type: ignore[no-untyped-def]
    with open(LOCALE / "django.po", "rb") as handle:
        return read_po(handle, locale="ar")


def test_it_translates_every_message_without_guesses() -> None:
    missing = [m.id for m in catalogue() if m.id and (m.fuzzy or not (
        m.string if isinstance(m.string, str) else all(m.string)))]  # fmt: skip
    assert missing == []


def test_it_keeps_every_placeholder() -> None:
    for message in catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = {p for text in ids for p in PLACEHOLDER.findall(text)}
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) <= allowed, (message.id, text)


def test_it_ships_the_compiled_catalogue_up_to_date() -> None:
    compiled = gettext.GNUTranslations(open(LOCALE / "django.mo", "rb"))  # noqa: SIM115
    for message in catalogue():
        if message.id and isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, message.id
