"""Lookups on the knowledge base: treaty status, body members, reference actors."""

import datetime as dt

import pytest

from powermap.knowledge import KnowledgeBase, load_knowledge
from tests.knowledge.tree import Tree


@pytest.fixture
def kb(tree: Tree) -> KnowledgeBase:
    return load_knowledge(tree.root)


def test_it_looks_up_a_state_in_any_case(kb: KnowledgeBase) -> None:
    assert kb.state("gh").name_en == "Ghana"
    with pytest.raises(KeyError):
        kb.state("XX")


def test_it_gives_status_none_to_a_state_the_treaty_does_not_list(
    kb: KnowledgeBase,
) -> None:
    status = kb.treaty_status("GH", "rome_statute")
    assert (status.state, status.status, status.date) == ("GH", "none", None)


def test_it_says_party_before_a_withdrawal_took_effect(kb: KnowledgeBase) -> None:
    assert kb.treaty_status("BI", "rome_statute", on=dt.date(2017, 10, 26)).status == "party"


def test_it_says_withdrawn_once_the_withdrawal_took_effect(kb: KnowledgeBase) -> None:
    assert kb.treaty_status("BI", "rome_statute", on=dt.date(2017, 10, 27)).status == ("withdrawn")
    assert kb.treaty_status("BI", "rome_statute").status == "withdrawn"


def test_it_follows_signature_and_ratification_dates(kb: KnowledgeBase) -> None:
    on = {
        day: kb.treaty_status("DE", "rome_statute", on=dt.date.fromisoformat(day)).status
        for day in ("1998-01-01", "1999-06-01", "2001-01-01")
    }
    assert on == {
        "1998-01-01": "none",
        "1999-06-01": "signatory",
        "2001-01-01": "party",
    }


def test_it_excludes_a_member_whose_term_has_ended(kb: KnowledgeBase) -> None:
    members = {m.state for m in kb.body_members("hrc", on=dt.date(2026, 11, 25))}
    assert members == {"GH", "DE"}


def test_it_excludes_a_member_whose_term_has_not_started(kb: KnowledgeBase) -> None:
    members = {m.state for m in kb.body_members("hrc", on=dt.date(2024, 6, 1))}
    assert members == {"GH"}


def test_it_uses_the_body_as_of_date_by_default(kb: KnowledgeBase) -> None:
    assert {m.state for m in kb.body_members("hrc")} == {"GH", "DE"}


def test_it_resolves_members_from_an_organisation(kb: KnowledgeBase) -> None:
    members = kb.body_members("eu_council", on=dt.date(2026, 1, 1))
    assert {m.state for m in members} == {"DE", "FR"}
    assert kb.body_members("eu_council", on=dt.date(1950, 1, 1)) == []


def test_it_lists_reference_actors(kb: KnowledgeBase) -> None:
    actors = set(kb.reference_actors())
    assert ("state:DE", "Germany", "state") in actors
    assert ("body:hrc", "Human Rights Council", "igo_organ") in actors
    assert ("mechanism:iiim", "IIIM", "mechanism") in actors
    assert ("org:eu", "European Union", "igo") in actors


@pytest.mark.parametrize(
    ("ref", "kind", "rid"),
    [
        ("state:DE", "state", "DE"),
        ("DE", "state", "DE"),
        ("de", "state", "DE"),
        ("body:hrc", "body", "hrc"),
        ("hrc", "body", "hrc"),
        ("mechanism:iiim", "mechanism", "iiim"),
        ("org:eu", "organisation", "eu"),
        ("jurisdiction:DE", "jurisdiction", "DE"),
        ("treaty:cat", "treaty", "cat"),
    ],
)
def test_it_finds_records_by_reference(kb: KnowledgeBase, ref: str, kind: str, rid: str) -> None:
    found = kb.find(ref)
    assert found is not None
    assert (found[0], found[1].id) == (kind, rid)


def test_it_finds_nothing_for_an_unknown_reference(kb: KnowledgeBase) -> None:
    assert kb.find("body:nope") is None
    assert kb.find("state:hrc") is None


def test_it_is_read_only(kb: KnowledgeBase) -> None:
    with pytest.raises(TypeError):
        kb.states["XX"] = kb.states["DE"]  # type: ignore[index]  # proving it fails


def test_it_trusts_the_recorded_status_when_the_date_is_unknown(tree: Tree) -> None:
    tree.replace("treaties/cat.yml", "date: 1990-10-01", "date: null")
    kb = load_knowledge(tree.root)
    assert kb.treaty_status("DE", "cat", on=dt.date(2000, 1, 1)).status == "party"
