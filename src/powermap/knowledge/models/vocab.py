"""Controlled vocabularies of the knowledge base, as Literal types.

Literal types (not enums) keep the YAML values and the Python values identical, and
they validate in pydantic's strict mode without any coercion. The same lists are
documented in docs/knowledge/schema.md; change both together.
"""

from typing import Literal, get_args

RecordKind = Literal[
    "state",
    "organisation",
    "treaty",
    "body",
    "mechanism",
    "sanctions_regime",
    "jurisdiction",
    "ask_kind",
    "argument",
    "moment",
]

RegionalGroup = Literal["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]

TreatyStatus = Literal["party", "signatory", "withdrawn", "none"]

TreatyToken = Literal[
    "art_ix",
    "art_30",
    "art_22",
    "art_21",
    "art_20_optout",
    "art_31",
    "art_32",
    "art_42",
    "art_62",
    "art_34_6",
]

DecisionRule = Literal[
    "consensus",
    "simple_majority_present_voting",
    "two_thirds_present_voting",
    "majority_of_members",
    "nine_votes_no_p5_veto",
    "unanimity",
    "qualified_majority",
    "single_official",
    "judicial",
]

ActorKind = Literal["igo", "igo_organ", "court", "prosecutor", "mechanism", "person"]

MechanismType = Literal[
    "investigative_mechanism",
    "commission_of_inquiry",
    "fact_finding_mission",
    "international_tribunal",
    "hybrid_tribunal",
    "internationalised_national_court",
    "residual_mechanism",
    "special_tribunal",
]

Crime = Literal[
    "genocide",
    "crimes_against_humanity",
    "war_crimes",
    "torture",
    "enforced_disappearance",
    "aggression",
]

VictimRole = Literal[
    "witness",
    "civil_party",
    "victim_participant",
    "complainant",
    "reparations_claimant",
]

UniversalLink = Literal["none", "presence", "presence_or_residence", "residence"]

VictimParticipation = Literal["civil_party", "private_accessory_prosecutor", "complainant", "none"]

UnitKind = Literal["police", "prosecutor", "joint"]

AskSize = Literal["small", "medium", "large"]

ArgumentKind = Literal[
    "legal_obligation",
    "consistency",
    "national_interest",
    "domestic_constituency",
    "reputation",
    "cost_of_inaction",
]

PastPosition = Literal["supportive", "opposed"]

Recurrence = Literal["yearly", "sessions", "monthly_rotation", "cycle"]

# Which reservation/declaration tokens make sense for which treaty (schema.md,
# "Controlled tokens"). A token used on another treaty is a data error.
TOKENS_BY_TREATY: dict[str, frozenset[str]] = {
    "genocide_convention": frozenset({"art_ix"}),
    "cat": frozenset({"art_30", "art_22", "art_21", "art_20_optout"}),
    "cped": frozenset({"art_31", "art_32", "art_42"}),
    "achr": frozenset({"art_62"}),
    "afchpr_protocol": frozenset({"art_34_6"}),
}

REGIONAL_GROUPS: tuple[str, ...] = get_args(RegionalGroup)
