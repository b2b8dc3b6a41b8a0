"""Controlled vocabularies of the power map, with their labels.

Labels are marked with `gettext_noop` so Django's makemessages extracts them; the web
layer translates them when it renders. The core stays free of Django.
"""

from __future__ import annotations

from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Mark a string for translation without translating it here."""
    return message


class ActorKind(StrEnum):
    PERSON = "person"
    STATE = "state"
    GOVERNMENT_AGENCY = "government_agency"
    PARLIAMENT = "parliament"
    IGO = "igo"
    IGO_ORGAN = "igo_organ"
    COURT = "court"
    PROSECUTOR = "prosecutor"
    MECHANISM = "mechanism"
    NGO = "ngo"
    MEDIA = "media"
    DONOR = "donor"
    VICTIM_GROUP = "victim_group"
    COMPANY = "company"


ACTOR_KIND_LABELS: dict[ActorKind, str] = {
    ActorKind.PERSON: gettext_noop("Person"),
    ActorKind.STATE: gettext_noop("State or government"),
    ActorKind.GOVERNMENT_AGENCY: gettext_noop("Ministry or agency"),
    ActorKind.PARLIAMENT: gettext_noop("Parliament"),
    ActorKind.IGO: gettext_noop("Intergovernmental organisation"),
    ActorKind.IGO_ORGAN: gettext_noop("Intergovernmental body or organ"),
    ActorKind.COURT: gettext_noop("Court"),
    ActorKind.PROSECUTOR: gettext_noop("Prosecutor"),
    ActorKind.MECHANISM: gettext_noop("Investigative mechanism"),
    ActorKind.NGO: gettext_noop("NGO"),
    ActorKind.MEDIA: gettext_noop("Media"),
    ActorKind.DONOR: gettext_noop("Donor"),
    ActorKind.VICTIM_GROUP: gettext_noop("Victim or survivor group"),
    ActorKind.COMPANY: gettext_noop("Company"),
}


class RelationType(StrEnum):
    MEMBER_OF = "member_of"
    WORKS_FOR = "works_for"
    REPRESENTS = "represents"
    INFLUENCES = "influences"
    FUNDS = "funds"
    ALLIED_WITH = "allied_with"
    OPPOSES = "opposes"
    REPORTS_TO = "reports_to"
    KNOWS = "knows"


# Edge semantics in one place (FtM's `edge:` block): the label read from source to
# target, the label read backwards, and whether direction matters.
RELATION_LABELS: dict[RelationType, tuple[str, str, bool]] = {
    RelationType.MEMBER_OF: (gettext_noop("member of"), gettext_noop("has member"), True),
    RelationType.WORKS_FOR: (gettext_noop("works for"), gettext_noop("employs"), True),
    RelationType.REPRESENTS: (
        gettext_noop("represents"),
        gettext_noop("is represented by"),
        True,
    ),
    RelationType.INFLUENCES: (
        gettext_noop("influences"),
        gettext_noop("is influenced by"),
        True,
    ),
    RelationType.FUNDS: (gettext_noop("funds"), gettext_noop("is funded by"), True),
    RelationType.ALLIED_WITH: (
        gettext_noop("allied with"),
        gettext_noop("allied with"),
        False,
    ),
    RelationType.OPPOSES: (gettext_noop("opposes"), gettext_noop("is opposed by"), True),
    RelationType.REPORTS_TO: (
        gettext_noop("reports to"),
        gettext_noop("is reported to by"),
        True,
    ),
    RelationType.KNOWS: (gettext_noop("knows"), gettext_noop("knows"), False),
}

STANCE_MIN, STANCE_MAX = -2, 2
INFLUENCE_MIN, INFLUENCE_MAX = 0, 5

STANCE_LABELS: dict[int, str] = {
    -2: gettext_noop("Strongly opposed"),
    -1: gettext_noop("Opposed"),
    0: gettext_noop("Neutral or undecided"),
    1: gettext_noop("Supportive"),
    2: gettext_noop("Champion"),
}

INFLUENCE_LABELS: dict[int, str] = {
    0: gettext_noop("None"),
    1: gettext_noop("Marginal"),
    2: gettext_noop("Some"),
    3: gettext_noop("Considerable"),
    4: gettext_noop("High"),
    5: gettext_noop("Decisive"),
}


class Role(StrEnum):
    """A user's role in one workspace; each includes the rights of the ones below it."""

    VIEWER = "viewer"
    EDITOR = "editor"
    OWNER = "owner"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


_ROLE_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.OWNER: 2}

ROLE_LABELS: dict[Role, str] = {
    Role.VIEWER: gettext_noop("Viewer"),
    Role.EDITOR: gettext_noop("Editor"),
    Role.OWNER: gettext_noop("Owner"),
}

REFERENCE_PREFIXES = ("state:", "body:", "mechanism:", "org:")


def is_reference_id(actor_id: str) -> bool:
    """Reference actors stand for a state or an international body of the knowledge base."""
    return actor_id.startswith(REFERENCE_PREFIXES)
