"""Every shipped catalogue is complete, keeps every placeholder, and is compiled."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

SOURCE = Path(__file__).resolve().parents[2] / "src" / "powermap"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def folder(language: str) -> Path:
    return SOURCE / "locale" / language / "LC_MESSAGES"


def catalogue(language: str):  # type: ignore[no-untyped-def]
    with open(folder(language) / "django.po", "rb") as handle:
        return read_po(handle, locale=language)


def test_every_offered_language_has_a_catalogue() -> None:
    assert LANGUAGES and all((folder(code) / "django.po").exists() for code in LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_translates_every_message_without_guesses(language: str) -> None:
    missing = [m.id for m in catalogue(language) if m.id and (m.fuzzy or not (
        m.string if isinstance(m.string, str) else all(m.string)))]  # fmt: skip
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_keeps_every_placeholder(language: str) -> None:
    for message in catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = {p for text in ids for p in PLACEHOLDER.findall(text)}
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) <= allowed, (message.id, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_ships_the_compiled_catalogue_up_to_date(language: str) -> None:
    with open(folder(language) / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalogue(language):
        if message.id and isinstance(message.id, str):
            # The same text can have another translation in a context (`pgettext`).
            found = (compiled.pgettext(message.context, message.id) if message.context
                     else compiled.gettext(message.id))  # fmt: skip
            assert found == message.string, message.id


def core_sentences() -> set[str]:
    """The msgids the pure core passes to `say` and `say_plural`, read from the source."""
    found = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"say", "say_plural"} and node.args
                    and isinstance(node.args[0], ast.Constant)):  # fmt: skip
                found.add(str(node.args[0].value))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_extracts_the_cores_sentences_into_the_catalogue(language: str) -> None:
    """`say(...)` is found only by our makemessages command, not Django's own."""
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue(language)}
    assert core_sentences() - ids == set()
