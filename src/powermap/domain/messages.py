"""Sentences for people: written in English by the pure core, translated where shown.

The analysis explains every result in words (why a target ranks where it does, why a
court could hear a case, why the plan starts on a given day). It must not import
Django, yet the reader may be working in Arabic. So a sentence is built with `say`:

    say("%(state)s sits on the %(body)s", state=name, body=body_name)

which returns a `Message`: a `str` holding the English text (so JSON, the command line
and tests read it as before) that also keeps its gettext msgid and its values. The web
layer translates it when it renders (the `say` template filter): the msgid through the
active language's catalogue, then each value that is itself a Message. Django's
makemessages finds the msgids because our own makemessages command adds `say` and
`say_plural` to xgettext's keywords (web/management/commands/makemessages.py).

Values that are names of people and groups on a map are passed as they are. Names the
knowledge base records in several languages (states, bodies, treaties) are passed as a
`Name`, which shows itself in the reader's language. Any other value that needs
translating must be a Message too (`say("yes")`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]


class Message(str):
    """English text that remembers how to say itself in another language."""

    msgid: str
    plural: str
    number: int | None  # decides singular or plural (`count` is a str method)
    params: Mapping[str, object]
    parts: tuple[str, ...] | None  # a list joined by `msgid` (the separator), if given

    def __new__(
        cls,
        msgid: str,
        plural: str = "",
        number: int | None = None,
        params: Mapping[str, object] | None = None,
        parts: tuple[str, ...] | None = None,
    ) -> Message:
        values = dict(params or {})
        if parts is not None:
            text = msgid.join(parts)
        else:
            template = plural if plural and number != 1 else msgid
            text = template % values if values else template
        self = super().__new__(cls, text)
        self.msgid, self.plural, self.number, self.params, self.parts = (
            msgid, plural, number, values, parts,
        )  # fmt: skip
        return self

    def translated(self, gettext: Gettext, ngettext: Ngettext, language: str = "") -> str:
        """The text in the language these functions translate into (`language` is its code,
        for the names inside)."""
        if self.parts is not None:
            return self.msgid.join(
                str(_translated(p, gettext, ngettext, language)) for p in self.parts
            )
        if self.plural and self.number is not None:
            template = ngettext(self.msgid, self.plural, self.number)
        else:
            template = gettext(self.msgid)
        if not self.params:
            return template
        return template % {
            k: _translated(v, gettext, ngettext, language) for k, v in self.params.items()
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.msgid, self.plural, self.number, self.params, self.parts))


class Name(str):
    """A name in English (the str) that knows its other languages: `names["ar"]`."""

    names: Mapping[str, str]

    def __new__(cls, english: str, names: Mapping[str, str] | None = None) -> Name:
        self = super().__new__(cls, english)
        self.names = dict(names or {})
        return self

    def in_language(self, language: str) -> str:
        """The name in this language (`ar`, or `ar-eg` falling back to `ar`), else English."""
        code = language.lower()
        return self.names.get(code) or self.names.get(code.split("-")[0]) or str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Name, (str(self), self.names))


def _translated(value: object, gettext: Gettext, ngettext: Ngettext, language: str) -> object:
    if isinstance(value, Message):
        return value.translated(gettext, ngettext, language)
    if isinstance(value, Name):
        return value.in_language(language)
    return value


def say(msgid: str, /, **params: object) -> Message:
    """A sentence to show people: `msgid` has `%(name)s` placeholders for `params`."""
    return Message(msgid, params=params)


def say_plural(singular: str, plural: str, count: int, /, **params: object) -> Message:
    """A sentence whose wording depends on `count` (also given to it as `%(count)d`)."""
    return Message(singular, plural, count, {"count": count, **params})


def joined(parts: Iterable[str], separator: str = "; ") -> Message:
    """Sentences (or names) one after another, each translated where shown."""
    return Message(separator, parts=tuple(parts))
