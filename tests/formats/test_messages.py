"""Sentences of the core: English as str, translated on demand, found by makemessages."""

from __future__ import annotations

import json
import pickle

from powermap.domain.messages import Message, Name, joined, say, say_plural

FRENCH = {
    "%(state)s sits on the %(body)s": "%(state)s siège au %(body)s",
    "yes": "oui",
    "%(count)d member must switch": "%(count)d membre doit changer",
    "%(count)d members must switch": "%(count)d membres doivent changer",
}


def gettext(text: str) -> str:
    return FRENCH.get(text, text)


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


def test_a_message_reads_as_its_english_text() -> None:
    m = say("%(state)s sits on the %(body)s", state="Ghana", body="Human Rights Council")
    assert m == "Ghana sits on the Human Rights Council" and isinstance(m, str)
    assert "Ghana" in m and json.dumps([m]) == '["Ghana sits on the Human Rights Council"]'


def test_it_translates_the_template_and_the_values_that_are_messages() -> None:
    m = say("%(state)s sits on the %(body)s", state="Ghana", body=say("yes"))
    assert m.translated(gettext, ngettext) == "Ghana siège au oui"
    assert say("no such text").translated(gettext, ngettext) == "no such text"


def test_it_chooses_the_plural_by_the_count() -> None:
    one = say_plural("%(count)d member must switch", "%(count)d members must switch", 1)
    three = say_plural("%(count)d member must switch", "%(count)d members must switch", 3)
    assert (one, three) == ("1 member must switch", "3 members must switch")
    assert three.translated(gettext, ngettext) == "3 membres doivent changer"


def test_a_joined_list_translates_each_part() -> None:
    both = joined([say("yes"), "Ghana"], "; ")
    assert both == "yes; Ghana" and both.translated(gettext, ngettext) == "oui; Ghana"
    assert joined([]) == ""


def test_a_message_survives_pickling_with_its_msgid() -> None:
    m = say("%(state)s sits on the %(body)s", state="Ghana", body="HRC")
    back = pickle.loads(pickle.dumps(m))  # noqa: S301  # our own object, just pickled
    assert isinstance(back, Message) and back == m
    assert back.translated(gettext, ngettext) == "Ghana siège au HRC"


def test_a_name_shows_itself_in_the_readers_language() -> None:
    ghana = Name("Ghana", {"en": "Ghana", "ar": "غانا"})
    m = say("%(state)s sits on the %(body)s", state=ghana, body="HRC")
    assert m == "Ghana sits on the HRC"
    assert m.translated(gettext, ngettext, "ar") == "Ghana siège au HRC".replace("Ghana", "غانا")
    assert m.translated(gettext, ngettext, "fr") == "Ghana siège au HRC"  # no French name
    assert ghana.in_language("ar-EG") == "غانا"
    assert joined([ghana, "Peru"], ", ").translated(gettext, ngettext, "ar") == "غانا, Peru"
    back = pickle.loads(pickle.dumps(ghana))  # noqa: S301  # our own object, just pickled
    assert isinstance(back, Name) and back.in_language("ar") == "غانا"
