"""The knowledge base in the UI: facts with their sources and age, actors to add."""

from __future__ import annotations

from django.test import Client

from powermap.store.models import Actor, Relationship


def test_it_lists_knowledge_by_area(carol: Client, slug: str) -> None:
    page = carol.get(f"/w/{slug}/kb/?area=state&q=germ").content.decode()
    assert "Germany" in page and "state:DE" in page and "France" not in page
    bodies = carol.get(f"/w/{slug}/kb/?area=body").content.decode()
    assert "body:hrc" in bodies
    assert carol.get(f"/w/{slug}/kb/?area=nonsense").status_code == 404


def test_it_shows_a_states_treaties_with_sources_and_age(carol: Client, slug: str) -> None:
    page = carol.get(f"/w/{slug}/kb/state:DE/").content.decode()
    assert "Rome Statute" in page and "party" in page and "2000-12-11" in page
    assert 'href="https://' in page  # each fact links to its source
    assert "days ago" in page or "day ago" in page
    assert "European Union" in page  # memberships


def test_it_shows_withdrawals_and_permanent_seats(carol: Client, slug: str) -> None:
    hungary = carol.get(f"/w/{slug}/kb/state:HU/").content.decode()
    assert "withdrawn" in hungary and "2026-06-02" in hungary
    france = carol.get(f"/w/{slug}/kb/state:FR/").content.decode()
    assert "permanent" in france


def test_it_adds_a_reference_actor_to_the_map(bob: Client, carol: Client, slug: str) -> None:
    assert carol.get(f"/w/{slug}/actors/state:KE/").status_code == 302  # to its facts
    assert carol.post(f"/w/{slug}/kb/state:KE/add/").status_code == 403
    assert bob.post(f"/w/{slug}/kb/state:KE/add/").status_code == 302
    kenya = Actor.objects.get(key="state:KE")
    assert (kenya.name, kenya.kind, kenya.reference) == ("Kenya", "state", True)
    assert bob.get(f"/w/{slug}/actors/state:KE/").status_code == 200
    assert bob.post(f"/w/{slug}/kb/state:XX/add/").status_code == 404


def test_it_links_to_a_knowledge_actor_not_yet_on_the_map(bob: Client, slug: str) -> None:
    bob.post(f"/w/{slug}/actors/brouk/link/",
             {"target": "body:european_parliament", "type": "influences", "strength": "0.3"})  # fmt: skip
    assert Relationship.objects.filter(source__key="brouk",
                                       target__key="body:european_parliament").exists()  # fmt: skip
    assert Actor.objects.get(key="body:european_parliament").reference


def test_it_warns_where_our_list_of_parties_is_incomplete(carol: Client, slug: str) -> None:
    """Kampala: 49 ratifications reported, fewer identified; an unlisted state may be one."""
    indonesia = carol.get(f"/w/{slug}/kb/state:ID/").content.decode()
    assert "not a party" in indonesia
    assert indonesia.count("Our list of parties is incomplete") == 2  # Kampala, Genocide Conv.
    germany = carol.get(f"/w/{slug}/kb/state:DE/").content.decode()
    assert "Our list of parties is incomplete" not in germany  # a party to both
