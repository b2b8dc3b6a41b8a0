from __future__ import annotations

from django.test import Client

from powermap.store.models import AuditEntry, Membership


def test_it_lists_members_for_owners(alice: Client, slug: str) -> None:
    page = alice.get(f"/w/{slug}/members/").content.decode()
    assert "bob" in page and "carol" in page and "charlie" not in page


def test_it_adds_an_existing_account_and_creates_a_new_one(alice: Client, slug: str) -> None:
    alice.post(f"/w/{slug}/members/", {"username": "charlie", "role": "viewer"})
    assert Membership.objects.get(user__username="charlie").role == "viewer"
    missing = alice.post(f"/w/{slug}/members/", {"username": "dana", "role": "editor"})
    assert "give a password" in missing.content.decode()
    weak = alice.post(f"/w/{slug}/members/", {"username": "dana", "role": "editor", "password": "1"})
    assert not Membership.objects.filter(user__username="dana").exists()
    assert weak.status_code == 200
    alice.post(f"/w/{slug}/members/",
               {"username": "dana", "role": "editor", "password": "a-Strong-passphrase-26"})  # fmt: skip
    assert Membership.objects.get(user__username="dana").role == "editor"


def test_it_changes_roles_and_removes_members(world, alice: Client, slug: str) -> None:  # type: ignore[no-untyped-def]
    carol = Membership.objects.get(user__username="carol")
    alice.post(f"/w/{slug}/members/{carol.pk}/", {"role": "editor"})
    carol.refresh_from_db()
    assert carol.role == "editor"
    alice.post(f"/w/{slug}/members/{carol.pk}/", {"role": "remove"})
    assert not Membership.objects.filter(pk=carol.pk).exists()
    assert AuditEntry.objects.filter(action="remove_membership", object_key="carol").exists()


def test_it_keeps_the_last_owner(alice: Client, slug: str) -> None:
    own = Membership.objects.get(user__username="alice")
    page = alice.post(f"/w/{slug}/members/{own.pk}/", {"role": "viewer"}, follow=True)
    assert "at least one owner" in page.content.decode()
    alice.post(f"/w/{slug}/members/{own.pk}/", {"role": "remove"})
    own.refresh_from_db()
    assert own.role == "owner"
