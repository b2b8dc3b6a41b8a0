"""Walk every URL pattern as every persona and check who may see and do what.

A view added without a permission check, or without an entry in EXPECTED, fails here.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import client_for

# URL name -> expected status for (anonymous, alice owner, bob editor, carol viewer,
# charlie outsider), for a GET request.
EXPECTED = {
    "pm-home": (302, 302, 302, 302, 200),
    "pm-login": (200, 302, 302, 302, 302),
    "pm-logout": (405, 405, 405, 405, 405),
    "set_language": (302, 302, 302, 302, 302),
    "pm-actors": (302, 200, 200, 200, 404),
    "pm-actor-create": (302, 200, 200, 403, 404),
    "pm-actor": (302, 200, 200, 200, 404),
    "pm-actor-edit": (302, 200, 200, 403, 404),
    "pm-actor-delete": (302, 200, 200, 403, 404),
    "pm-actor-restore": (405, 405, 405, 405, 405),
    "pm-assessment-create": (302, 200, 200, 403, 404),
    "pm-relationship-create": (302, 200, 200, 403, 404),
    "pm-relationship-edit": (302, 200, 200, 403, 404),
    "pm-relationship-delete": (302, 200, 200, 403, 404),
    "pm-grid": (302, 200, 200, 200, 404),
    "pm-network": (302, 200, 200, 200, 404),
    "pm-network-data": (302, 200, 200, 200, 404),
    "pm-network-positions": (405, 405, 405, 405, 405),
    "pm-export": (302, 200, 200, 200, 404),
    "pm-import": (302, 200, 403, 403, 404),
    "pm-audit": (302, 200, 403, 403, 404),
    "pm-kb": (302, 200, 200, 200, 404),
    "pm-members": (302, 200, 403, 403, 404),
    "pm-moment-delete": (405, 405, 405, 405, 405),
    "pm-member-change": (405, 405, 405, 405, 405),
    "pm-kb-record": (302, 200, 200, 200, 404),
    "pm-kb-add": (405, 405, 405, 405, 405),
    "pm-forums": (302, 200, 200, 200, 404),
    "pm-forums-results": (302, 302, 302, 302, 404),  # no facts given: back to the form
    "pm-forums-ask": (405, 405, 405, 405, 405),
    "pm-asks": (302, 200, 200, 200, 404),
    "pm-ask-create": (302, 200, 200, 403, 404),
    "pm-ask": (302, 200, 200, 200, 404),
    "pm-ask-edit": (302, 200, 200, 403, 404),
    "pm-ask-pin": (405, 405, 405, 405, 405),
    "pm-ask-step": (405, 405, 405, 405, 405),
    "pm-ask-delete": (405, 405, 405, 405, 405),
    "pm-ask-restore": (405, 405, 405, 405, 405),
    "pm-calendar": (302, 200, 200, 200, 404),
    "pm-calendar-ics": (302, 200, 200, 200, 404),
}
# POST-only views: expected status of a POST with an empty body.
EXPECTED_POST = {
    "pm-actor-restore": (302, 404, 404, 403, 404),  # nothing deleted yet: 404 for editors
    "pm-network-positions": (302, 400, 400, 403, 404),
    "pm-logout": (302, 302, 302, 302, 302),
    "pm-kb-add": (302, 302, 302, 403, 404),
    "pm-forums-ask": (302, 400, 400, 403, 404),  # no facts given: a bad request
    "pm-ask-pin": (302, 400, 400, 403, 404),  # no actor named: a bad request
    "pm-ask-step": (302, 302, 302, 403, 404),  # nothing chosen: back to the ask, not saved
    "pm-ask-delete": (302, 302, 404, 403, 404),  # alice deletes it: gone for bob
    "pm-ask-restore": (302, 404, 404, 403, 404),  # nothing deleted yet: 404 for editors
}
PERSONAS = (None, "alice", "bob", "carol", "charlie")


def all_patterns(resolver: URLResolver | None = None, prefix: str = "") -> list[tuple[str, str]]:
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found += all_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((entry.name, prefix + str(entry.pattern)))
    return found


def concrete(route: str, world, relationship_id: int) -> str:  # type: ignore[no-untyped-def]
    return (
        "/" + route.replace("<slug:slug>", world.workspace.slug)
        .replace("<str:key>", "brouk")
        .replace("<int:relationship_id>", str(relationship_id))
        .replace("<str:ref>", "state:DE")
        .replace("<int:moment_id>", "999999")
        .replace("<str:ask_key>", "unsc-referral")
        .replace("<str:step_id>", "vote")
        .replace("<int:membership_id>", str(world.workspace.memberships.get(user__username="carol").pk))
    )


def test_it_knows_every_url_pattern() -> None:
    names = {name for name, _ in all_patterns()}
    assert names == set(EXPECTED), "add new URLs to EXPECTED with their permissions"


@pytest.mark.parametrize("name,route", all_patterns())
def test_it_checks_permissions_on_every_url(world, name: str, route: str) -> None:  # type: ignore[no-untyped-def]
    rel = world.workspace.relationships.filter(source__key="brouk").first()
    url = concrete(route, world, rel.pk)
    for persona, expected in zip(PERSONAS, EXPECTED[name], strict=True):
        client = Client() if persona is None else client_for(world, persona)
        status = client.get(url).status_code
        assert status == expected, f"GET {url} as {persona or 'anonymous'}: {status}"
    for persona, expected in zip(PERSONAS, EXPECTED_POST.get(name, ()), strict=False):
        client = Client() if persona is None else client_for(world, persona)
        status = client.post(url).status_code
        assert status == expected, f"POST {url} as {persona or 'anonymous'}: {status}"
