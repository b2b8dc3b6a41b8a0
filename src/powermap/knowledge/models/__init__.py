"""Pydantic models of the knowledge base records (strict, closed, immutable)."""

from powermap.knowledge.models.asks import Argument, AskKind, Condition, Precedent, Step
from powermap.knowledge.models.bodies import Body, BodyMember
from powermap.knowledge.models.calendar import Moment, Session
from powermap.knowledge.models.collection import Assertions, Collection, Envelope
from powermap.knowledge.models.common import KBModel, NamedRecord, Record, Source
from powermap.knowledge.models.mechanisms import Mechanism, SanctionsRegime
from powermap.knowledge.models.states import (
    FormerMember,
    Jurisdiction,
    NotableCase,
    Organisation,
    OrgMember,
    State,
    Temporal,
    Unit,
    UniversalRule,
)
from powermap.knowledge.models.treaties import (
    Art123Declaration,
    Participant,
    PartyCount,
    Referral,
    Treaty,
)

MODEL_BY_KIND: dict[str, type[Record]] = {
    "state": State,
    "organisation": Organisation,
    "treaty": Treaty,
    "body": Body,
    "mechanism": Mechanism,
    "sanctions_regime": SanctionsRegime,
    "jurisdiction": Jurisdiction,
    "ask_kind": AskKind,
    "argument": Argument,
    "moment": Moment,
}
"""The model that validates each record kind."""

FOLDER_BY_KIND: dict[str, str] = {
    "state": "states",
    "organisation": "organisations",
    "treaty": "treaties",
    "body": "bodies",
    "mechanism": "mechanisms",
    "sanctions_regime": "sanctions",
    "jurisdiction": "jurisdictions",
    "ask_kind": "ask_kinds",
    "argument": "arguments",
    "moment": "calendar",
}
"""The data folder that holds each record kind."""

KIND_BY_FOLDER: dict[str, str] = {folder: kind for kind, folder in FOLDER_BY_KIND.items()}

__all__ = [
    "FOLDER_BY_KIND",
    "KIND_BY_FOLDER",
    "MODEL_BY_KIND",
    "Argument",
    "Art123Declaration",
    "AskKind",
    "Assertions",
    "Body",
    "BodyMember",
    "Collection",
    "Condition",
    "Envelope",
    "FormerMember",
    "Jurisdiction",
    "KBModel",
    "Mechanism",
    "Moment",
    "NamedRecord",
    "NotableCase",
    "OrgMember",
    "Organisation",
    "Participant",
    "PartyCount",
    "Referral",
    "Precedent",
    "Record",
    "SanctionsRegime",
    "Session",
    "Source",
    "State",
    "Step",
    "Temporal",
    "Treaty",
    "Unit",
    "UniversalRule",
]
