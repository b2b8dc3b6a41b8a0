"""National courts: territorial, nationality, passive personality and universal jurisdiction.

Sources: each state's `jurisdictions/` record (statutes, link rules, temporal limits,
victim participation); ICJ, Arrest Warrant of 11 April 2000 (DRC v. Belgium), Judgment of
14 February 2002, paras. 51-61, for personal immunities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from powermap.analysis.forums.common import (
    Draft,
    Window,
    any_of,
    ask_kind,
    crime_list,
    record_sources,
    situation_about,
    situation_window,
    state_name,
    then,
)
from powermap.domain.forums import (
    PERSONAL_IMMUNITY_ROLES,
    Crime,
    Facts,
    ForumFamily,
    ForumFinding,
    ForumStatus,
    SuspectRole,
    VictimRole,
)
from powermap.domain.messages import Message, joined, say
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import Jurisdiction

ARREST_WARRANT = (
    "ICJ, Arrest Warrant of 11 April 2000 (Democratic Republic of the Congo v. Belgium), "
    "Judgment of 14 February 2002, paras. 51-61: https://www.icj-cij.org/case/121"
)
FUNCTIONAL_IMMUNITY = (
    "Bundesgerichtshof (Germany), 3 StR 564/19, 28 January 2021 (no functional immunity of "
    "lower-ranking foreign officials for war crimes)"
)
ROLE_ORDER = (
    VictimRole.CIVIL_PARTY,
    VictimRole.VICTIM_PARTICIPANT,
    VictimRole.COMPLAINANT,
    VictimRole.REPARATIONS_CLAIMANT,
    VictimRole.WITNESS,
)
ROLES_BY_PARTICIPATION: dict[str, tuple[VictimRole, ...]] = {
    # A partie civile claims damages in the criminal case, so it is also a reparations claim.
    "civil_party": (VictimRole.CIVIL_PARTY, VictimRole.REPARATIONS_CLAIMANT),
    # Nebenklage, querella, målsägandebiträde...: the issue counts them as civil parties.
    "private_accessory_prosecutor": (VictimRole.CIVIL_PARTY,),
    "complainant": (VictimRole.COMPLAINANT,),
    "none": (),
}
PRESENCE_LINKS = frozenset({"presence", "presence_or_residence"})
MAX_CASES_SHOWN = 3
IMMUNE_ROLE_WORDS = {
    SuspectRole.HEAD_OF_STATE: say("head of state"),
    SuspectRole.HEAD_OF_GOVERNMENT: say("head of government"),
    SuspectRole.FOREIGN_MINISTER: say("foreign minister"),
}
"""The offices with personal immunity, as words within a sentence."""


@dataclass(frozen=True, slots=True)
class LinkCheck:
    """Whether one universal-jurisdiction link rule is met for some crimes."""

    crimes: tuple[Crime, ...]
    link: str
    met: bool
    text: Message


def find_national(facts: Facts, kb: KnowledgeBase, today: dt.date) -> list[ForumFinding]:
    """The courts of every state with a jurisdiction record, and of the territorial and
    perpetrators' states the knowledge base has no record for."""
    findings = [national_finding(facts, kb, today, j) for j in kb.jurisdictions.values()]
    for iso2 in dict.fromkeys([*facts.territory, *facts.perpetrator_nationalities]):
        if iso2 not in kb.jurisdictions:
            findings.append(unrecorded_state(facts, kb, iso2))
    return findings


def national_finding(
    facts: Facts, kb: KnowledgeBase, today: dt.date, jurisdiction: Jurisdiction
) -> ForumFinding:
    """Whether one state's courts can try the crimes.

    Rule: a state's courts can try crimes its law covers (as recorded in `crimes`) when
    they took place on its territory, when a perpetrator is its national (active
    nationality) or a victim is (passive personality, where its law provides it), or
    under universal jurisdiction when the link its law requires (none, presence,
    residence) is met. Its law must apply to the time of the conduct (`temporal`).
    Serving heads of state, heads of government and foreign ministers are immune before
    foreign courts while in office (Arrest Warrant, 2002).
    """
    iso2 = jurisdiction.id
    draft = Draft(f"national:{iso2}", courts_of(kb, iso2), ForumFamily.NATIONAL)
    draft.cite(f"{jurisdiction.legal_basis}", *record_sources(jurisdiction))
    covered = [c for c in facts.crimes if c.value in jurisdiction.crimes]
    if not covered:
        draft.reasons.append(
            say(
                "Its law, as recorded, does not make %(crimes)s crimes under international law; "
                "conduct may still be prosecutable as ordinary crimes.",
                crimes=crime_list(facts.crimes),
            )
        )
        return draft.finish()
    if not temporal_rule(draft, jurisdiction, situation_window(facts, today)):
        return draft.finish()
    direct = direct_links(draft, facts, kb, jurisdiction, covered)
    universal = universal_status(draft, facts, kb, jurisdiction, covered, direct=direct)
    draft.status = ForumStatus.AVAILABLE if direct else universal
    draft.status = immunity_status(draft, facts, kb, iso2, draft.status)
    describe_participation(draft, facts, kb, jurisdiction)
    suggest_national_ask(draft, facts, kb, iso2, extraterritorial=iso2 not in facts.territory)
    return draft.finish()


def courts_of(kb: KnowledgeBase, iso2: str) -> Message:
    """The forum's name: `Courts of Germany (DE)`."""
    return say("Courts of %(state)s", state=state_name(kb, iso2))


def temporal_rule(draft: Draft, jurisdiction: Jurisdiction, whole: Window) -> bool:
    """Its law on these crimes applies only to conduct after it took effect (nullum
    crimen sine lege); statutes of limitation are reported as recorded. False when the
    whole period is too early."""
    temporal = jurisdiction.temporal
    if temporal is None:
        return True
    if temporal.statute_of_limitations:
        draft.reasons.append(
            say("Limitation: %(limitation)s", limitation=temporal.statute_of_limitations)
        )
    start = temporal.not_before
    if start is None or start <= whole.start:
        return True
    if whole.end < start:
        draft.reasons.append(
            then(
                say(
                    "Its law on these crimes applies from %(date)s; the whole period is earlier.",
                    date=start.isoformat(),
                ),
                temporal.note,
            )
        )
        return False
    draft.conditions.append(
        then(
            say(
                "Its law on these crimes applies from %(date)s: earlier conduct is outside it "
                "(older law or ordinary crimes may reach it).",
                date=start.isoformat(),
            ),
            temporal.note,
        )
    )
    return True


def direct_links(
    draft: Draft, facts: Facts, kb: KnowledgeBase, jurisdiction: Jurisdiction, covered: list[Crime]
) -> bool:
    """Territorial, active nationality and passive personality jurisdiction: no further
    link is needed. True when at least one applies."""
    iso2 = jurisdiction.id
    crimes = crime_list(covered)
    found = False
    if iso2 in facts.territory:
        draft.bases.append(f"territorial:{iso2}")
        draft.reasons.append(
            say(
                "The conduct or its effects took place on its territory (%(crimes)s).",
                crimes=crimes,
            )
        )
        draft.strength += 70
        found = True
    if jurisdiction.active_nationality and iso2 in facts.perpetrator_nationalities:
        draft.bases.append(f"nationality:{iso2}")
        draft.reasons.append(
            say(
                "Perpetrators are its nationals and its law reaches its nationals abroad "
                "(%(crimes)s).",
                crimes=crimes,
            )
        )
        draft.strength += 65 if not found else 5
        found = True
    if jurisdiction.passive_personality and iso2 in facts.victim_nationalities:
        draft.bases.append(f"passive_personality:{iso2}")
        draft.reasons.append(
            say(
                "Victims are its nationals and its law reaches crimes against its nationals "
                "abroad (%(crimes)s).",
                crimes=crimes,
            )
        )
        draft.strength += 60 if not found else 5
        found = True
    if found and iso2 in facts.perpetrator_nationalities and facts.state_responsibility:
        draft.conditions.append(
            say(
                "Its own state's conduct is at issue: a case depends on its prosecutors and "
                "courts being willing and independent."
            )
        )
        draft.strength -= 30
    return found


def universal_status(
    draft: Draft,
    facts: Facts,
    kb: KnowledgeBase,
    jurisdiction: Jurisdiction,
    covered: list[Crime],
    *,
    direct: bool,
) -> ForumStatus:
    """Universal jurisdiction: available when a rule's link is met for some crime,
    conditional when a rule exists but its link (presence, residence) is not yet met."""
    checks = link_checks(facts, kb, jurisdiction, covered)
    for check in checks:
        # An unmet link is still a basis in law; its condition says what must happen.
        draft.bases.append(f"universal:{check.link}")
        line = say(
            "Universal jurisdiction over %(crimes)s: %(rule)s",
            crimes=crime_list(check.crimes),
            rule=check.text,
        )
        (draft.reasons if check.met else draft.conditions).append(line)
    if jurisdiction.prosecutorial_discretion and checks:
        draft.reasons.append(
            say(
                "Prosecutorial discretion: %(discretion)s",
                discretion=jurisdiction.prosecutorial_discretion,
            )
        )
    met = [c for c in checks if c.met]
    if met and direct:
        return ForumStatus.AVAILABLE
    if met:
        draft.strength += 45 + (15 if any(c.link in PRESENCE_LINKS for c in met) else 0)
        if jurisdiction.id not in facts.suspect_locations:
            draft.conditions.append(
                say(
                    "No suspect is known to be in %(state)s: prosecutors usually open a full case "
                    "only when a suspect is present or expected, though a structural "
                    "investigation can preserve evidence, and arrest needs presence.",
                    state=state_name(kb, jurisdiction.id),
                )
            )
            draft.strength -= 10
        return ForumStatus.AVAILABLE
    if checks:
        draft.strength += 0 if direct else 30  # a direct link already set the strength
        return ForumStatus.CONDITIONAL
    if not direct:
        draft.reasons.append(
            say(
                "No territorial, nationality or universal basis for %(crimes)s: its recorded "
                "universal-jurisdiction rules do not cover these crimes.",
                crimes=crime_list(covered),
            )
        )
    return ForumStatus.UNAVAILABLE


def link_checks(
    facts: Facts, kb: KnowledgeBase, jurisdiction: Jurisdiction, covered: list[Crime]
) -> list[LinkCheck]:
    """For each crime, the best universal rule: a met rule wins over an unmet one, and
    among unmet rules the one asking least. Crimes are grouped by the rule chosen."""
    located = jurisdiction.id in facts.suspect_locations
    chosen: dict[tuple[str, bool, str | None], list[Crime]] = {}
    for crime in covered:
        options = [
            (link_met(rule.link, located=located), rule.link, rule.note)
            for rule in jurisdiction.universal
            if crime.value in rule.crimes
        ]
        if not options:
            continue
        met, link, note = min(options, key=lambda o: (not o[0], LINK_ORDER.index(o[1])))
        chosen.setdefault((link, met, note), []).append(crime)
    name = state_name(kb, jurisdiction.id)
    return [
        LinkCheck(tuple(crimes), link, met, link_text(link, name, note, located=located))
        for (link, met, note), crimes in chosen.items()
    ]


LINK_ORDER = ("none", "presence_or_residence", "presence", "residence")


def link_met(link: str, *, located: bool) -> bool:
    """Whether one link requirement is met, given whether a suspect is (or travels) there.

    `none`: always met. `presence` and `presence_or_residence`: met when a suspect is, or
    travels, there. `residence`: never certain from the facts, since a visit is not
    residence, so it stays a condition.
    """
    return link == "none" or (link in PRESENCE_LINKS and located)


def link_text(link: str, name: str, note: str | None, *, located: bool) -> Message:
    """The link requirement explained, with the record's note in brackets."""
    text = _link_text(link, name, located=located)
    return joined([text, f"({note})"], " ") if note else text


def _link_text(link: str, name: str, *, located: bool) -> Message:
    if link == "none":
        return say("its law requires no link to %(state)s.", state=name)
    if link in PRESENCE_LINKS:
        if located:
            return say("its law requires a suspect's presence, and a suspect is or travels there.")
        if link == "presence_or_residence":
            return say("only if a suspect is present in or lives in %(state)s.", state=name)
        return say("only if a suspect is present in %(state)s.", state=name)
    if located:
        return say(
            "only if a suspect habitually resides in %(state)s; the facts place a suspect "
            "there, but a visit is not residence.",
            state=name,
        )
    return say("only if a suspect comes to live in %(state)s.", state=name)


def immunity_status(
    draft: Draft, facts: Facts, kb: KnowledgeBase, iso2: str, status: ForumStatus
) -> ForumStatus:
    """Personal immunity of serving heads of state, heads of government and foreign
    ministers bars foreign courts while they hold office, even for international crimes
    (Arrest Warrant, 2002, paras. 51-58); it ends with the office (para. 61).

    Only the suspects holding those offices are shielded: the forum stays open for the
    others, and becomes conditional (on leaving office) when every suspect is shielded.
    """
    immune = [r for r in facts.suspect_roles if r in PERSONAL_IMMUNITY_ROLES]
    if status is ForumStatus.UNAVAILABLE or iso2 in facts.perpetrator_nationalities:
        return status
    if not immune:
        return status
    draft.cite(ARREST_WARRANT)
    roles = any_of([IMMUNE_ROLE_WORDS[r] for r in immune])
    if len(immune) < len(facts.suspect_roles):
        draft.conditions.append(
            say(
                "Personal immunity: a serving %(roles)s cannot be prosecuted before the courts of "
                "%(state)s while in office; a case can proceed against the other suspects.",
                roles=roles,
                state=state_name(kb, iso2),
            )
        )
        return status
    draft.conditions.append(
        say(
            "Personal immunity: every suspect named is a serving %(roles)s, immune before the "
            "courts of %(state)s until they leave office.",
            roles=roles,
            state=state_name(kb, iso2),
        )
    )
    draft.strength -= 20
    return ForumStatus.CONDITIONAL


def describe_participation(
    draft: Draft, facts: Facts, kb: KnowledgeBase, jurisdiction: Jurisdiction
) -> None:
    """Victim roles from the record, witnesses always; units, precedents and immunity
    notes as reasons; victims living there strengthen the forum."""
    roles: list[VictimRole] = [VictimRole.WITNESS]
    for participation in jurisdiction.victim_participation:
        roles.extend(ROLES_BY_PARTICIPATION[participation])
    draft.roles(sorted(set(roles), key=ROLE_ORDER.index))
    if VictimRole.CIVIL_PARTY in draft.victim_roles:
        draft.strength += 5
    if jurisdiction.victim_participation_text:
        draft.reasons.append(
            say("Victims' role: %(text)s", text=jurisdiction.victim_participation_text)
        )
    units = "; ".join(u.name for u in jurisdiction.units)
    if jurisdiction.id in facts.victim_residences:
        name = state_name(kb, jurisdiction.id)
        draft.reasons.append(
            say(
                "Victims live in %(state)s: they can report and give evidence to %(units)s.",
                state=name,
                units=units,
            )
            if units
            else say("Victims live in %(state)s: they can report and give evidence.", state=name)
        )
        draft.strength += 5
    elif units:
        draft.reasons.append(say("Specialised units: %(units)s.", units=units))
    # The most recent cases show best how the law works today.
    cases = sorted(jurisdiction.notable_cases, key=lambda c: -(c.year or 0))[:MAX_CASES_SHOWN]
    if cases:
        listed = "; ".join(f"{c.name} ({c.year})" if c.year else c.name for c in cases)
        draft.reasons.append(say("Precedents: %(cases)s.", cases=listed))
    if facts.suspect_roles and jurisdiction.immunities:
        draft.reasons.append(say("Immunities: %(text)s", text=jurisdiction.immunities))
        draft.cite(FUNCTIONAL_IMMUNITY)


def suggest_national_ask(
    draft: Draft, facts: Facts, kb: KnowledgeBase, iso2: str, *, extraterritorial: bool
) -> None:
    """A universal-jurisdiction complaint for crimes abroad; information to investigators
    for crimes on the state's own territory."""
    if draft.status is ForumStatus.UNAVAILABLE:
        return
    about = situation_about(facts, kb)
    if extraterritorial:
        draft.ask_kind = ask_kind(kb, "universal_jurisdiction_complaint")
        draft.ask_title = say(
            "File a criminal complaint in %(state)s about %(about)s",
            state=state_name(kb, iso2),
            about=about,
        )
    else:
        draft.ask_kind = ask_kind(kb, "share_information_investigators")
        draft.ask_title = say(
            "Give evidence to investigators in %(state)s about %(about)s",
            state=state_name(kb, iso2),
            about=about,
        )


def unrecorded_state(facts: Facts, kb: KnowledgeBase, iso2: str) -> ForumFinding:
    """A territorial or perpetrators' state whose law the knowledge base does not record:
    territorial and nationality jurisdiction exist in principle, but whether its law
    covers these crimes, and whether its courts would act, must be checked."""
    draft = Draft(f"national:{iso2}", courts_of(kb, iso2), ForumFamily.NATIONAL)
    if iso2 in facts.territory:
        draft.bases.append(f"territorial:{iso2}")
    if iso2 in facts.perpetrator_nationalities:
        draft.bases.append(f"nationality:{iso2}")
    draft.status = ForumStatus.CONDITIONAL
    draft.reasons.append(
        say(
            "Every state may try crimes on its territory or by its nationals; the knowledge "
            "base has no record of this state's law on international crimes."
        )
    )
    draft.conditions.append(
        say(
            "Check whether its law covers these crimes and whether its courts are independent "
            "and willing to act."
        )
    )
    if iso2 in facts.perpetrator_nationalities and facts.state_responsibility:
        draft.conditions.append(
            say("Its own state's conduct is at issue: its officials may be the suspects.")
        )
    draft.roles([VictimRole.WITNESS])
    draft.strength = 20
    draft.status = immunity_status(draft, facts, kb, iso2, draft.status)
    suggest_national_ask(draft, facts, kb, iso2, extraterritorial=iso2 not in facts.territory)
    return draft.finish()
