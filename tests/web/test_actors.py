from __future__ import annotations

from django.test import Client

from powermap.store.actions.actors import do_create_actor
from powermap.store.models import Actor, AuditEntry


def test_it_lists_and_filters_actors(alice: Client, slug: str) -> None:
    page = alice.get(f"/w/{slug}/").content.decode()
    assert "Burmese Rohingya Organisation UK" in page
    only_ngos = alice.get(f"/w/{slug}/?kind=ngo").content.decode()
    assert "Burmese Rohingya Organisation UK" in only_ngos
    assert "Documentation fund" not in only_ngos
    assert "Burmese" in alice.get(f"/w/{slug}/?q=rohingya+organisation").content.decode()
    tagged = alice.get(f"/w/{slug}/?tag=diaspora").content.decode()
    assert "Burmese" in tagged and "Documentation fund" not in tagged
    champions = alice.get(f"/w/{slug}/?stance=2").content.decode()
    assert "state:CA" in champions or "Canada" in champions or "/actors/state:CA/" in champions
    assert "/actors/state:CN/" not in champions
    strong = alice.get(f"/w/{slug}/?influence=5").content.decode()
    assert "/actors/state:CN/" in strong and "/actors/brouk/" not in strong


def test_it_creates_an_actor_with_a_form_that_validates(bob: Client, slug: str) -> None:
    bad = bob.post(f"/w/{slug}/actors/new/", {"name": "", "kind": "alien"})
    assert bad.status_code == 200 and Actor.objects.filter(name="").count() == 0
    response = bob.post(f"/w/{slug}/actors/new/",
                        {"name": "Ms Amina Rahman", "kind": "person", "tags": "diplomat, ally"})  # fmt: skip
    assert response.status_code == 302
    actor = Actor.objects.get(key="ms-amina-rahman")
    assert sorted(actor.tags.values_list("name", flat=True)) == ["ally", "diplomat"]
    assert AuditEntry.objects.filter(action="create_actor", object_key=actor.key).exists()
    duplicate = bob.post(f"/w/{slug}/actors/new/",
                         {"name": "Other", "key": "ms-amina-rahman", "kind": "person"})  # fmt: skip
    assert "Another actor already has this id" in duplicate.content.decode()


def test_it_edits_an_actor(bob: Client, slug: str) -> None:
    response = bob.post(f"/w/{slug}/actors/brouk/edit/",
                        {"name": "BROUK", "kind": "ngo", "notes": "Renamed", "tags": "x"})  # fmt: skip
    assert response.status_code == 302
    assert Actor.objects.get(key="brouk").name == "BROUK"


def test_it_keeps_reference_names_read_only(bob: Client, slug: str) -> None:
    bob.post(f"/w/{slug}/actors/state:CN/edit/", {"name": "Renamed", "kind": "ngo", "notes": "n"})
    china = Actor.objects.get(key="state:CN")
    assert china.kind == "state" and china.notes == "n"


def test_it_deletes_softly_and_undoes(bob: Client, slug: str) -> None:
    confirm = bob.get(f"/w/{slug}/actors/brouk/delete/")
    assert "Delete" in confirm.content.decode()
    after = bob.post(f"/w/{slug}/actors/brouk/delete/", follow=True).content.decode()
    assert "/actors/brouk/restore/" in after  # the undo button
    assert bob.get(f"/w/{slug}/actors/brouk/").status_code == 404
    assert bob.post(f"/w/{slug}/actors/brouk/restore/").status_code == 302
    assert bob.get(f"/w/{slug}/actors/brouk/").status_code == 200


def test_it_hides_confidential_records_from_other_members(world, alice: Client, bob: Client,
                                                          carol: Client, slug: str) -> None:  # type: ignore[no-untyped-def]
    do_create_actor(world.workspace, world.users["bob"], key="source-x", name="Witness X",
                    kind="person", confidential=True)  # fmt: skip
    assert bob.get(f"/w/{slug}/actors/source-x/").status_code == 200
    assert alice.get(f"/w/{slug}/actors/source-x/").status_code == 200  # owner
    assert carol.get(f"/w/{slug}/actors/source-x/").status_code == 404
    assert "Witness X" not in carol.get(f"/w/{slug}/").content.decode()
    assert "source-x" not in carol.get(f"/w/{slug}/export/").content.decode()
    assert "source-x" in alice.get(f"/w/{slug}/export/").content.decode()
    # the demo's confidential relationship and assessment (made by the owner at import)
    assert "Met privately" not in carol.get(f"/w/{slug}/export/").content.decode()
    assert "Met privately" in alice.get(f"/w/{slug}/export/").content.decode()
    assert "High-Level Week" not in carol.get(f"/w/{slug}/actors/gm-pr/").content.decode()


def test_it_shows_the_assessment_history(bob: Client, slug: str) -> None:
    url = f"/w/{slug}/actors/state:GH/assess/"
    assert "Give a stance" in bob.post(url, {"date": "2026-11-01"}).content.decode()
    bob.post(url, {"stance": "1", "influence": "2", "date": "2026-11-20", "provenance": "Meeting"})
    page = bob.get(f"/w/{slug}/actors/state:GH/").content.decode()
    assert "2026-11-20" in page and "2026-10-01" in page  # the old one is kept
    assert Actor.objects.get(key="state:GH").stance == 1


def test_it_adds_edits_and_deletes_relationships(bob: Client, slug: str) -> None:
    url = f"/w/{slug}/actors/brouk/link/"
    assert "No actor with this id" in bob.post(url, {"target": "nobody", "type": "knows",
                                                      "strength": "0.5"}).content.decode()  # fmt: skip
    bob.post(url, {"target": "Documentation fund (fictional)", "type": "knows", "strength": "0.4"})
    from powermap.store.models import Relationship

    rel = Relationship.objects.get(source__key="brouk", target__key="fund")
    bob.post(f"/w/{slug}/relationships/{rel.pk}/edit/", {"type": "funds", "strength": "0.8"})
    rel.refresh_from_db()
    assert (rel.type, rel.strength) == ("funds", 0.8)
    bob.post(f"/w/{slug}/relationships/{rel.pk}/delete/")
    assert "Documentation fund" not in bob.get(f"/w/{slug}/actors/brouk/").content.decode()
