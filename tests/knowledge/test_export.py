"""The JSON export matches the contract consumers rely on."""

import json

from powermap.knowledge import load_knowledge
from powermap.knowledge.export import export_json
from tests.knowledge.tree import Tree

TOP_KEYS = {
    "as_of",
    "states",
    "organisations",
    "bodies",
    "mechanisms",
    "sanctions_regimes",
    "jurisdictions",
    "ask_kinds",
    "arguments",
    "calendar",
}
PARTICIPATION_KEYS = {
    "status",
    "date",
    "withdrawal_effective",
    "reservations",
    "declarations",
    "source",
}


def test_it_has_the_contract_keys(tree: Tree) -> None:
    data = export_json(load_knowledge(tree.root))
    assert set(data) >= TOP_KEYS
    assert data["as_of"] == "2026-11-01"
    state = next(s for s in data["states"] if s["iso2"] == "DE")
    assert {"iso2", "name", "un_member", "regional_group", "treaties"} <= set(state)
    assert state["name"] == "Germany"
    assert state["names"]["fr"] == "Allemagne"
    assert state["treaties"]["rome_statute"] == {
        **state["treaties"]["rome_statute"],
        "status": "party",
        "date": "2000-12-11",
        "withdrawal_effective": None,
        "source": "https://example.org/source",
    }
    assert state["treaties"]["cat"]["declarations"] == ["art_21", "art_22"]


def test_it_gives_every_state_every_treaty(tree: Tree) -> None:
    data = export_json(load_knowledge(tree.root))
    for state in data["states"]:
        assert set(state["treaties"]) == {"rome_statute", "cat"}
        for entry in state["treaties"].values():
            assert set(entry) >= PARTICIPATION_KEYS


def test_it_gives_status_none_where_a_state_never_participated(tree: Tree) -> None:
    data = export_json(load_knowledge(tree.root))
    ghana = next(s for s in data["states"] if s["iso2"] == "GH")
    assert ghana["treaties"]["rome_statute"]["status"] == "none"
    assert ghana["treaties"]["rome_statute"]["date"] is None
    assert ghana["treaties"]["rome_statute"]["reservations"] == []


def test_it_exports_bodies_mechanisms_and_calendar(tree: Tree) -> None:
    data = export_json(load_knowledge(tree.root))
    unsc = next(b for b in data["bodies"] if b["id"] == "unsc")
    assert unsc["name"] == "UN Security Council"
    assert unsc["decision_rule"] == "nine_votes_no_p5_veto"
    assert unsc["members"] == [
        {
            "iso2": "FR",
            "permanent": True,
            "term_start": None,
            "term_end": None,
            "note": None,
        }
    ]
    eu_council = next(b for b in data["bodies"] if b["id"] == "eu_council")
    assert {m["iso2"] for m in eu_council["members"]} == {"DE", "FR"}
    iiim = data["mechanisms"][0]
    assert (iiim["created_by"], iiim["instrument"], iiim["date"]) == (
        "unga",
        "A/RES/71/248",
        "2016-12-21",
    )
    assert iiim["sources"][0]["url"] == "https://example.org/source"
    moment = data["calendar"][0]
    assert (moment["recurrence"], moment["month"], moment["day"]) == ("yearly", 6, 26)


def test_it_is_json_serialisable(tree: Tree) -> None:
    assert json.loads(json.dumps(export_json(load_knowledge(tree.root))))
