"""`export_json(kb)`: the whole knowledge base as one JSON-ready dict.

Contract (keys that consumers rely on; more keys may be added): `as_of`, `states` (each
with `iso2`, `name`, `un_member`, `regional_group` and `treaties`, an entry for every
treaty with `status`, `date`, `withdrawal_effective`, `reservations`, `declarations`,
`source`), `bodies` (with `members`), `mechanisms`, `sanctions_regimes`,
`jurisdictions`, `ask_kinds`, `arguments`, `calendar`, plus `organisations` and
`treaties`. Names are English strings; the multilingual map is kept under `names`.
"""

from typing import Any

from powermap.knowledge.base import KnowledgeBase
from powermap.knowledge.models import Body, Participant, Record, State, Treaty

JsonDict = dict[str, Any]


def export_json(kb: KnowledgeBase) -> JsonDict:
    """Every record, JSON-ready (dates as ISO strings), in the contract's shape."""
    return {
        "as_of": kb.as_of.isoformat() if kb.as_of else None,
        "states": [state_entry(kb, state) for state in kb.states.values()],
        "organisations": [record_entry(r) for r in kb.organisations.values()],
        "treaties": [record_entry(r) for r in kb.treaties.values()],
        "bodies": [body_entry(kb, body) for body in kb.bodies.values()],
        "mechanisms": [record_entry(r) for r in kb.mechanisms.values()],
        "sanctions_regimes": [record_entry(r) for r in kb.sanctions_regimes.values()],
        "jurisdictions": [jurisdiction_entry(kb, r) for r in kb.jurisdictions.values()],
        "ask_kinds": [record_entry(r) for r in kb.ask_kinds.values()],
        "arguments": [record_entry(r) for r in kb.arguments.values()],
        "calendar": [record_entry(r) for r in kb.moments.values()],
    }


def record_entry(record: Record) -> JsonDict:
    """All fields of a record, `id` first, `name` in English and `names` in full."""
    data: JsonDict = {"id": record.id, **record.model_dump(mode="json")}
    if isinstance(data.get("name"), dict):
        data["names"] = data["name"]
        data["name"] = data["names"]["en"]
    return data


def state_entry(kb: KnowledgeBase, state: State) -> JsonDict:
    """A state with its participation in every treaty (`none` where it has none)."""
    treaties = {
        treaty.id: participation_entry(treaty, kb.treaty_status(state.id, treaty.id))
        for treaty in kb.treaties.values()
    }
    return {
        "iso2": state.id,
        "name": state.name_en,
        "un_member": state.un_member,
        "regional_group": state.regional_group,
        "treaties": treaties,
        **{k: v for k, v in record_entry(state).items() if k != "name"},
    }


def participation_entry(treaty: Treaty, participant: Participant) -> JsonDict:
    """One state's status in one treaty, with the URL of the first source behind it."""
    data = participant.model_dump(mode="json", exclude={"state", "sources"})
    sources = participant.sources or treaty.sources
    return {
        "status": data.pop("status"),
        "date": data.pop("date"),
        "withdrawal_effective": data.pop("withdrawal_effective"),
        "reservations": data.pop("reservations"),
        "declarations": data.pop("declarations"),
        "source": sources[0].reference,
        **data,
    }


def body_entry(kb: KnowledgeBase, body: Body) -> JsonDict:
    """A body; `members` lists every recorded seat (or the organisation's members)."""
    data = record_entry(body)
    if body.members is not None:
        members = body.members
    elif body.members_from is not None and body.members_from in kb.organisations:
        members = kb.body_members(body.id)
    else:
        members = []
    data["members"] = [
        {"iso2": m.state, **m.model_dump(mode="json", exclude={"state"})} for m in members
    ]
    return data


def jurisdiction_entry(kb: KnowledgeBase, record: Record) -> JsonDict:
    """A national jurisdiction, with the state's ISO2 and English name."""
    state = kb.states.get(record.id)
    return {
        "iso2": record.id,
        "name": state.name_en if state else record.id,
        **record_entry(record),
    }
