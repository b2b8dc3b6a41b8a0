"""The forum finder's pages: facts in (form or file), findings out, findings into asks."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from powermap.domain.messages import Message
from powermap.formats.facts_yaml import parse_facts
from powermap.store.models import Ask, AuditEntry
from powermap.web.forms.forums import FactsForm, facts_query

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "facts"
ROHINGYA = (EXAMPLES / "rohingya.yaml").read_text(encoding="utf-8")
DISCLAIMER = "legal information, not legal advice"


def rohingya_query() -> str:
    return facts_query(parse_facts(ROHINGYA, "rohingya.yaml"))


def results(client: Client, slug: str, query: str) -> str:
    response = client.get(f"/w/{slug}/forums/results/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def statuses(client: Client, slug: str, query: str) -> dict[str, str]:
    response = client.get(f"/w/{slug}/forums/results/?{query}")
    return {item["finding"].id: group["status"]
            for group in response.context["groups"] for item in group["findings"]}  # fmt: skip


def test_it_finds_the_forums_for_the_rohingya(carol: Client, slug: str) -> None:
    found = statuses(carol, slug, rohingya_query())
    assert found["icc"] == "available"
    assert found["icj"] == "available"
    assert found["national:AR"] == "available"
    page = results(carol, slug, rohingya_query())
    icc = page.split('data-forum="icc"', 1)[1].split("</article>", 1)[0]
    assert "territorial:BD" in icc and "Bangladesh (BD)" in icc
    assert "Victim participant" in icc  # victim roles by their labels, not their ids
    assert 'href="https://www.icc-cpi.int/' in icc  # sources are links


def test_it_explains_the_findings_in_the_readers_language(carol: Client, slug: str) -> None:
    """The finder's sentences are English in the core; the page says them in Arabic."""
    url = f"/w/{slug}/forums/results/?{rohingya_query()}"
    response = carol.get(url, HTTP_ACCEPT_LANGUAGE="ar")
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    icc = next(item["finding"] for group in response.context["groups"]
               for item in group["findings"] if item["finding"].id == "icc")  # fmt: skip
    complementarity = next(c for c in icc.conditions if c.startswith("Complementarity"))
    bangladesh = next(r for r in icc.reasons if r.startswith("Bangladesh (BD) was a State Party"))
    assert isinstance(complementarity, Message) and isinstance(bangladesh, Message)
    english = results(carol, slug, rohingya_query())
    for sentence in (complementarity, bangladesh, icc.ask_title):
        with translation.override("ar"):
            arabic = sentence.translated(translation.gettext, translation.ngettext, "ar")
        assert arabic != sentence
        assert escape(arabic) in page and escape(sentence) not in page
        assert escape(sentence) in english
    assert "التكامل" in page  # complementarity, as the catalogue says it
    # Names from the knowledge base are in Arabic too, inside the Arabic sentence.
    assert "بنغلاديش (BD)" in page and "Bangladesh (BD)" not in page


def test_it_orders_findings_from_most_to_least_open(carol: Client, slug: str) -> None:
    order = list(statuses(carol, slug, rohingya_query()).values())
    rank = {"available": 0, "conditional": 1, "unavailable": 2}
    assert order == sorted(order, key=rank.__getitem__)
    assert {"available", "conditional", "unavailable"} <= set(order)


def test_it_shows_the_disclaimer_at_the_top(carol: Client, slug: str) -> None:
    page = results(carol, slug, rohingya_query())
    assert DISCLAIMER in page.casefold()
    assert page.casefold().index(DISCLAIMER) < page.index("<h1>")
    form = carol.get(f"/w/{slug}/forums/").content.decode()
    assert DISCLAIMER in form.casefold()


def test_it_names_the_field_with_bad_input(carol: Client, slug: str) -> None:
    query = "crimes=genocde&territory=MM,Atlantis&period_start=2017-13-01"
    response = carol.get(f"/w/{slug}/forums/results/?{query}")
    errors = response.context["form"].errors
    assert set(errors) == {"crimes", "territory", "period_start"}
    page = response.content.decode()
    assert "Please correct these fields" in page
    assert ">Crimes</a>" in page and ">Territory</a>" in page and ">Period start</a>" in page
    assert "Unknown state: Atlantis" in page


def test_it_says_when_the_period_ends_before_it_starts(carol: Client, slug: str) -> None:
    query = "crimes=genocide&territory=MM&period_start=2017-01-01&period_end=2016-01-01"
    response = carol.get(f"/w/{slug}/forums/results/?{query}")
    assert list(response.context["form"].errors) == ["period_end"]


def test_it_accepts_state_names_as_well_as_codes(carol: Client, slug: str) -> None:
    query = "crimes=genocide&territory=myanmar, bd&period_start=2017-01-01"
    response = carol.get(f"/w/{slug}/forums/results/?{query}")
    assert "groups" in response.context
    assert "territory=MM%2CBD" in response.context["query"]


def test_it_keeps_the_facts_through_the_query_string() -> None:
    facts = parse_facts(ROHINGYA, "rohingya.yaml")
    states = {code: [] for code in ("MM", "BD", "MY")}
    form = FactsForm(QueryDict(facts_query(facts)), states=states)
    assert form.is_valid(), form.errors
    assert form.facts() == facts


def test_it_reads_an_uploaded_facts_file(carol: Client, slug: str) -> None:
    upload = SimpleUploadedFile("rohingya.yaml", ROHINGYA.encode())
    response = carol.post(f"/w/{slug}/forums/", {"file": upload})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/w/{slug}/forums/results/?")
    assert statuses(carol, slug, response["Location"].split("?", 1)[1])["icc"] == "available"


def test_it_lists_the_problems_of_a_bad_facts_file(carol: Client, slug: str) -> None:
    bad = "crimes: [genocide, genocde]\nterritory: [MM, XX]\nperiod: {start: 2016-10-09}\n"
    upload = SimpleUploadedFile("facts.yaml", bad.encode())
    page = carol.post(f"/w/{slug}/forums/", {"file": upload}).content.decode()
    assert "facts.yaml:1: crimes[1]: unknown value" in page
    assert "facts.yaml:2: territory[1]: unknown state code" in page


def test_it_prefills_the_form_from_the_workspace(carol: Client, slug: str) -> None:
    page = carol.get(f"/w/{slug}/forums/").content.decode()
    assert "clearance operations" in page  # the demo workspace's situation
    assert '<datalist id="states">' in page and '<option value="BD">Bangladesh</option>' in page


def test_it_has_a_printable_version(carol: Client, slug: str) -> None:
    page = results(carol, slug, rohingya_query() + "&print=1")
    assert '<body class="printable">' in page  # print.css hides the menu and the forms
    assert "Print command" in page
    assert "print=1" in results(carol, slug, rohingya_query())  # the link to this variant


def test_it_lets_a_viewer_see_but_not_make_an_ask(carol: Client, slug: str) -> None:
    page = results(carol, slug, rohingya_query())
    assert "Make this an ask" not in page
    response = carol.post(f"/w/{slug}/forums/ask/", {"facts": rohingya_query(), "finding": "icc"})
    assert response.status_code == 403
    assert not Ask.objects.filter(kind="article_15_communication").exists()


def test_it_makes_an_ask_from_a_finding(bob: Client, slug: str) -> None:
    assert "Make this an ask" in results(bob, slug, rohingya_query())
    before = Ask.objects.count()
    response = bob.post(f"/w/{slug}/forums/ask/", {"facts": rohingya_query(), "finding": "icc"})
    assert response.status_code == 302
    ask = Ask.objects.get(kind="article_15_communication")
    assert ask.title.startswith("Send an article 15 communication to the ICC Prosecutor")
    assert ask.body == "icc_otp"  # the catalogue's only decider for this kind
    assert ask.key == "icc-article-15-communication"
    assert "territorial:BD" in ask.notes
    assert response["Location"] == f"/w/{slug}/asks/{ask.key}/"  # the new ask's page
    assert bob.get(response["Location"]).status_code == 200
    assert AuditEntry.objects.filter(action="create_ask", object_key=ask.key).count() == 1
    # Asking again does not add a second copy, and the page says it is already an ask.
    bob.post(f"/w/{slug}/forums/ask/", {"facts": rohingya_query(), "finding": "icc"})
    assert Ask.objects.count() == before + 1
    assert "Already an ask in this workspace" in results(bob, slug, rohingya_query())


def test_it_makes_an_ask_for_a_national_court(bob: Client, slug: str) -> None:
    bob.post(f"/w/{slug}/forums/ask/", {"facts": rohingya_query(), "finding": "national:AR"})
    ask = Ask.objects.get(key="national-ar-universal-jurisdiction-complaint")
    assert ask.kind == "universal_jurisdiction_complaint" and "Argentina" in ask.title
    assert ask.body == ""  # the catalogue names no single deciding body


def test_it_refuses_a_finding_that_is_not_in_the_results(bob: Client, slug: str) -> None:
    query = rohingya_query()
    assert (
        bob.post(f"/w/{slug}/forums/ask/", {"facts": query, "finding": "nope"}).status_code == 400
    )
    unavailable = {"facts": query, "finding": "treaty_body:hr_committee"}  # suggests no ask
    assert bob.post(f"/w/{slug}/forums/ask/", unavailable).status_code == 400


def test_it_hides_forums_from_outsiders(charlie: Client, slug: str) -> None:
    assert charlie.get(f"/w/{slug}/forums/").status_code == 404
    assert charlie.get(f"/w/{slug}/forums/results/?{rohingya_query()}").status_code == 404
    response = charlie.post(f"/w/{slug}/forums/ask/", {"facts": rohingya_query(), "finding": "icc"})
    assert response.status_code == 404
    assert Client().get(f"/w/{slug}/forums/").status_code == 302
