"""The forum finder's input (the facts of a situation) and its output (forum findings).

`Facts` is what a survivor group knows about a situation: the crimes, where and when
they happened, who the perpetrators and victims are, where suspects and victims are now.
`ForumFinding` is one forum that could hear a case, with its legal basis, what must still
happen, how victims can take part, and why, each with its sources. Both are plain frozen
dataclasses so the web view, the CLI and the reports render the same objects.

Labels are marked with `gettext_noop`; the web layer translates them when it renders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from powermap.domain.vocab import gettext_noop

LEGAL_INFORMATION_NOTICE = gettext_noop(
    "This is legal information, not legal advice. It applies general rules to the facts "
    "you gave and to the knowledge base as last checked; it cannot know everything that "
    "decides a real case. Before acting, and before any survivor gives evidence, ask a "
    "lawyer or an experienced organisation."
)
"""Said on every page and in every export of forum findings."""


class Crime(StrEnum):
    """The international crimes the finder reasons about (same ids as the knowledge base)."""

    GENOCIDE = "genocide"
    CRIMES_AGAINST_HUMANITY = "crimes_against_humanity"
    WAR_CRIMES = "war_crimes"
    TORTURE = "torture"
    ENFORCED_DISAPPEARANCE = "enforced_disappearance"
    AGGRESSION = "aggression"


CRIME_LABELS: dict[Crime, str] = {
    Crime.GENOCIDE: gettext_noop("Genocide"),
    Crime.CRIMES_AGAINST_HUMANITY: gettext_noop("Crimes against humanity"),
    Crime.WAR_CRIMES: gettext_noop("War crimes"),
    Crime.TORTURE: gettext_noop("Torture"),
    Crime.ENFORCED_DISAPPEARANCE: gettext_noop("Enforced disappearance"),
    Crime.AGGRESSION: gettext_noop("Aggression"),
}


class SuspectRole(StrEnum):
    """What the suspects are or were; personal immunities depend on it."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    FORMER_LEADER = "former_leader"
    MINISTER = "minister"
    SENIOR_OFFICIAL = "senior_official"
    MILITARY_COMMANDER = "military_commander"
    OFFICIAL = "official"
    ARMED_GROUP_MEMBER = "armed_group_member"
    PRIVATE_PERSON = "private_person"


SUSPECT_ROLE_LABELS: dict[SuspectRole, str] = {
    SuspectRole.HEAD_OF_STATE: gettext_noop("Serving head of state"),
    SuspectRole.HEAD_OF_GOVERNMENT: gettext_noop("Serving head of government"),
    SuspectRole.FOREIGN_MINISTER: gettext_noop("Serving foreign minister"),
    SuspectRole.FORMER_LEADER: gettext_noop(
        "Former head of state, head of government or foreign minister"
    ),
    SuspectRole.MINISTER: gettext_noop("Other minister"),
    SuspectRole.SENIOR_OFFICIAL: gettext_noop("Senior official"),
    SuspectRole.MILITARY_COMMANDER: gettext_noop("Military commander"),
    SuspectRole.OFFICIAL: gettext_noop("Official, soldier or police officer"),
    SuspectRole.ARMED_GROUP_MEMBER: gettext_noop("Member of a non-state armed group"),
    SuspectRole.PRIVATE_PERSON: gettext_noop("Private person"),
}

PERSONAL_IMMUNITY_ROLES: frozenset[SuspectRole] = frozenset(
    {SuspectRole.HEAD_OF_STATE, SuspectRole.HEAD_OF_GOVERNMENT, SuspectRole.FOREIGN_MINISTER}
)
"""The 'troika' that enjoys personal immunity before foreign courts while in office
(ICJ, Arrest Warrant of 11 April 2000, Judgment of 14 February 2002, paras. 51-55)."""


class ForumStatus(StrEnum):
    """How open a forum is. The order of the members is the order of the results."""

    AVAILABLE = "available"
    CONDITIONAL = "conditional"
    UNAVAILABLE = "unavailable"

    @property
    def rank(self) -> int:
        """0 for available, 1 for conditional, 2 for unavailable."""
        return list(ForumStatus).index(self)


FORUM_STATUS_LABELS: dict[ForumStatus, str] = {
    ForumStatus.AVAILABLE: gettext_noop("Available: a legal basis exists and no known bar"),
    ForumStatus.CONDITIONAL: gettext_noop("Conditional: open only if something happens first"),
    ForumStatus.UNAVAILABLE: gettext_noop("Unavailable"),
}


class ForumFamily(StrEnum):
    """The kind of forum, so that a page can group findings."""

    ICC = "icc"
    ICJ = "icj"
    NATIONAL = "national"
    REGIONAL = "regional"
    TREATY_BODY = "treaty_body"
    SPECIAL_TRIBUNAL = "special_tribunal"
    MECHANISM = "mechanism"
    SANCTIONS = "sanctions"

    @property
    def related(self) -> bool:
        """True for avenues that support cases but do not hear them."""
        return self in (ForumFamily.MECHANISM, ForumFamily.SANCTIONS)


FORUM_FAMILY_LABELS: dict[ForumFamily, str] = {
    ForumFamily.ICC: gettext_noop("International Criminal Court"),
    ForumFamily.ICJ: gettext_noop("International Court of Justice"),
    ForumFamily.NATIONAL: gettext_noop("National courts"),
    ForumFamily.REGIONAL: gettext_noop("Regional human rights courts"),
    ForumFamily.TREATY_BODY: gettext_noop("UN treaty bodies"),
    ForumFamily.SPECIAL_TRIBUNAL: gettext_noop("Special and hybrid tribunals"),
    ForumFamily.MECHANISM: gettext_noop("Investigative mechanisms (related option)"),
    ForumFamily.SANCTIONS: gettext_noop("Targeted sanctions (related option)"),
}


class VictimRole(StrEnum):
    """How victims can take part in a forum (same ids as the knowledge base)."""

    WITNESS = "witness"
    CIVIL_PARTY = "civil_party"
    VICTIM_PARTICIPANT = "victim_participant"
    COMPLAINANT = "complainant"
    REPARATIONS_CLAIMANT = "reparations_claimant"


VICTIM_ROLE_LABELS: dict[VictimRole, str] = {
    VictimRole.WITNESS: gettext_noop("Witness"),
    VictimRole.CIVIL_PARTY: gettext_noop(
        "Civil party or private accessory prosecutor (e.g. Nebenklage, querella)"
    ),
    VictimRole.VICTIM_PARTICIPANT: gettext_noop("Victim participant (Rome Statute art. 68(3))"),
    VictimRole.COMPLAINANT: gettext_noop("Complainant or petitioner"),
    VictimRole.REPARATIONS_CLAIMANT: gettext_noop("Reparations claimant"),
}


@dataclass(frozen=True, slots=True)
class Period:
    """When the crimes happened; `end` None means the situation is ongoing."""

    start: dt.date
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"period end {self.end} is before its start {self.start}")


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts of a situation, validated (see formats/facts_yaml.py for the file).

    State codes are ISO 3166-1 alpha-2 in upper case. `state_responsibility` None means
    the facts do not say whether state conduct is at issue.
    """

    crimes: tuple[Crime, ...]
    territory: tuple[str, ...]
    period: Period
    perpetrator_nationalities: tuple[str, ...] = ()
    victim_nationalities: tuple[str, ...] = ()
    suspect_locations: tuple[str, ...] = ()
    victim_residences: tuple[str, ...] = ()
    suspect_roles: tuple[SuspectRole, ...] = ()
    state_responsibility: bool | None = None
    situation: str = ""
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.crimes:
            raise ValueError("the facts need at least one crime")
        if not self.territory:
            raise ValueError("the facts need at least one territory")


@dataclass(frozen=True, slots=True)
class ForumFinding:
    """One forum that could (or, where a user would expect it, could not) hear a case.

    `bases` are tokens `kind:detail` (e.g. `territorial:BD`, `universal:presence`).
    `strength` is a rough ordering aid within a status (0-100), not a probability.
    `ask_kind` is an ask kind id of the knowledge base (None when the catalogue has no
    fitting kind) and `ask_title` a suggested title, so that a finding can become an ask.
    `candidate_states` lists states that could bring the case (ICJ applicants).
    """

    id: str
    name: str
    family: ForumFamily
    status: ForumStatus
    bases: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    victim_roles: tuple[VictimRole, ...] = ()
    reasons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    ask_kind: str | None = None
    ask_title: str = ""
    strength: int = 0
    candidate_states: tuple[str, ...] = ()

    @property
    def related(self) -> bool:
        """True for avenues that support cases (mechanisms, sanctions) but do not hear them."""
        return self.family.related

    def sort_key(self) -> tuple[int, int, str]:
        """Most open first, then strongest, then by id for a stable order."""
        return (self.status.rank, -self.strength, self.id)
