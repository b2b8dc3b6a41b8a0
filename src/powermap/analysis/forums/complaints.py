"""Regional human rights courts and UN treaty bodies: individual complaints against a state.

Sources: ECHR arts. 1, 34, 35, 41; ACHR arts. 44, 46, 61-63; Protocol to the African
Charter on the African Court arts. 5, 27, 34(6); CAT art. 22; CPED arts. 30, 31, 35;
ICCPR Optional Protocol arts. 1, 2, 5; the knowledge base's treaty records for who
accepted what and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from powermap.analysis.forums.common import (
    Draft,
    ask_kind,
    incomplete_list_note,
    membership,
    names,
    participant,
    record_name,
    record_sources,
    situation_window,
    state_name,
    then,
)
from powermap.domain.forums import (
    Crime,
    Facts,
    ForumFamily,
    ForumFinding,
    ForumStatus,
    VictimRole,
)
from powermap.domain.messages import Message, say
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import Participant

INDIVIDUAL_COMPLAINT_KIND = "individual_complaint"
"""Not in the shipped catalogue yet; used as soon as the knowledge base adds it."""

INGABIRE = (
    "African Court, Ingabire Victoire Umuhoza v. Rwanda, Ruling on the withdrawal of the "
    "art. 34(6) declaration, 3 June 2016 (effective twelve months after notice)"
)
COMPLAINANT_ROLES = (VictimRole.COMPLAINANT, VictimRole.REPARATIONS_CLAIMANT)


@dataclass(frozen=True, slots=True)
class ComplaintForum:
    """A court or committee that hears complaints against states that accepted it.

    `acceptance` is the declaration token that opens individual complaints (None when
    ratification suffices); `without_acceptance` is the status for a party that has not
    made it, with `route` saying why and `fallback_basis` naming the route that remains;
    `crimes` limits the forum to some crimes (None: all).
    """

    id: str
    body: str
    fallback_name: str
    family: ForumFamily
    treaty: str
    acceptance: str | None
    without_acceptance: ForumStatus
    route: Message | None
    steps: Message
    roles: tuple[VictimRole, ...]
    source: str
    crimes: frozenset[Crime] | None = None
    list_non_parties: bool = False
    via_commission: bool = False
    fallback_basis: str = ""


FORUMS = (
    ComplaintForum(
        id="ecthr",
        body="ecthr",
        fallback_name="European Court of Human Rights",
        family=ForumFamily.REGIONAL,
        treaty="echr",
        acceptance=None,
        without_acceptance=ForumStatus.UNAVAILABLE,
        route=None,
        steps=say(
            "Exhaust effective domestic remedies and apply within four months of the final "
            "decision (ECHR art. 35(1)); acts abroad count where the state had effective "
            "control over the area or the victims (art. 1)."
        ),
        roles=COMPLAINANT_ROLES,
        source="European Convention on Human Rights, arts. 1, 33, 34, 35, 41: "
        "https://www.echr.coe.int/documents/d/echr/convention_eng",
    ),
    ComplaintForum(
        id="iacthr",
        body="iacthr",
        fallback_name="Inter-American Court of Human Rights",
        family=ForumFamily.REGIONAL,
        treaty="achr",
        acceptance="art_62",
        without_acceptance=ForumStatus.UNAVAILABLE,
        route=say(
            "it has not accepted the Court's contentious jurisdiction (ACHR art. 62); a "
            "petition to the Inter-American Commission (art. 44) remains possible"
        ),
        steps=say(
            "Victims petition the Inter-American Commission first (ACHR art. 44), after "
            "exhausting domestic remedies and within six months (art. 46); only the Commission "
            "or a state can then refer the case to the Court (art. 61)."
        ),
        roles=(*COMPLAINANT_ROLES, VictimRole.WITNESS),
        source="American Convention on Human Rights, arts. 44, 46, 61-63: "
        "https://www.oas.org/dil/treaties_B-32_American_Convention_on_Human_Rights.htm",
        via_commission=True,
    ),
    ComplaintForum(
        id="afchpr",
        body="afchpr_court",
        fallback_name="African Court on Human and Peoples' Rights",
        family=ForumFamily.REGIONAL,
        treaty="afchpr_protocol",
        acceptance="art_34_6",
        without_acceptance=ForumStatus.CONDITIONAL,
        route=say(
            "it has no art. 34(6) declaration in force, so individuals must petition the "
            "African Commission, which may refer the case to the Court (Protocol art. 5(1)(a))"
        ),
        steps=say(
            "Exhaust local remedies and file within a reasonable time (African Charter art. "
            "56, Protocol art. 6)."
        ),
        roles=COMPLAINANT_ROLES,
        fallback_basis="commission_referral",
        source="Protocol to the African Charter on the Establishment of an African Court, arts. "
        "5, 27, 34(6): https://www.african-court.org/wpafc/basic-documents/",
    ),
    ComplaintForum(
        id="treaty_body:cat_committee",
        body="cat_committee",
        fallback_name="Committee against Torture",
        family=ForumFamily.TREATY_BODY,
        treaty="cat",
        acceptance="art_22",
        without_acceptance=ForumStatus.UNAVAILABLE,
        route=say("it has not made the art. 22 declaration accepting individual complaints"),
        steps=say(
            "Exhaust domestic remedies; the same matter must not be under another "
            "international procedure (CAT art. 22(5)). Views are not binding judgments."
        ),
        roles=(VictimRole.COMPLAINANT,),
        source="Convention against Torture, art. 22: https://www.ohchr.org/en/instruments-"
        "mechanisms/instruments/convention-against-torture-and-other-cruel-inhuman-or-degrading",
        crimes=frozenset({Crime.TORTURE}),
        list_non_parties=True,
    ),
    ComplaintForum(
        id="treaty_body:ced_committee",
        body="ced_committee",
        fallback_name="Committee on Enforced Disappearances",
        family=ForumFamily.TREATY_BODY,
        treaty="cped",
        acceptance="art_31",
        # Without art. 31 the urgent-action procedure (art. 30) still helps families search.
        without_acceptance=ForumStatus.AVAILABLE,
        route=say(
            "it has not made the art. 31 declaration, so individual complaints are closed; "
            "relatives can still ask for urgent action to search for a missing person (art. 30)"
        ),
        steps=say(
            "Only disappearances that began after the Convention entered into force for the "
            "state (art. 35); exhaust domestic remedies (art. 31(2)). Views are not binding."
        ),
        roles=(VictimRole.COMPLAINANT,),
        fallback_basis="urgent_action",
        source="International Convention for the Protection of All Persons from Enforced "
        "Disappearance, arts. 30, 31, 35: https://www.ohchr.org/en/instruments-mechanisms/"
        "instruments/international-convention-protection-all-persons-enforced",
        crimes=frozenset({Crime.ENFORCED_DISAPPEARANCE}),
        list_non_parties=True,
    ),
    ComplaintForum(
        id="treaty_body:hr_committee",
        body="hr_committee",
        fallback_name="Human Rights Committee",
        family=ForumFamily.TREATY_BODY,
        treaty="iccpr_op1",
        acceptance=None,
        without_acceptance=ForumStatus.UNAVAILABLE,
        route=None,
        steps=say(
            "Exhaust domestic remedies; the same matter must not be under another "
            "international procedure (Optional Protocol arts. 2, 5(2)). Views are not binding "
            "judgments."
        ),
        roles=(VictimRole.COMPLAINANT,),
        source="Optional Protocol to the ICCPR, arts. 1, 2, 5: https://www.ohchr.org/en/"
        "instruments-mechanisms/instruments/optional-protocol-international-covenant-civil-"
        "and-political",
        list_non_parties=True,
    ),
)


def find_complaint_forums(facts: Facts, kb: KnowledgeBase, today: dt.date) -> list[ForumFinding]:
    """Every regional court and treaty body relevant to the crimes and the respondents.

    Regional courts are listed only when a respondent has ever been a party to their
    treaty; treaty bodies whenever the crimes fall within their treaty (a user expects
    to see why they are closed)."""
    if facts.state_responsibility is False or not facts.perpetrator_nationalities:
        return []
    findings = []
    for forum in FORUMS:
        if forum.treaty not in kb.treaties:
            continue
        if forum.crimes is not None and not forum.crimes & set(facts.crimes):
            continue
        ever = [
            s
            for s in facts.perpetrator_nationalities
            if membership(participant(kb, s, forum.treaty))
        ]
        if ever or forum.list_non_parties:
            findings.append(complaint_finding(facts, kb, today, forum))
    return findings


def complaint_finding(
    facts: Facts, kb: KnowledgeBase, today: dt.date, forum: ComplaintForum
) -> ForumFinding:
    """Whether victims can complain about the perpetrators' states to this forum.

    Rule: the respondent must have been bound by the treaty at the time of the facts
    (ratione temporis) and, where the forum needs it, have accepted individual
    complaints by the declaration in `acceptance`; African Court declarations lapse
    twelve months after their withdrawal (Ingabire v. Rwanda, 2016).
    """
    draft = Draft(
        forum.id, record_name(kb.bodies.get(forum.body), forum.fallback_name), forum.family
    )
    draft.cite(forum.source, *record_sources(kb.treaties[forum.treaty], 1))
    statuses = [
        respondent_status(draft, facts, kb, today, forum, s)
        for s in facts.perpetrator_nationalities
    ]
    draft.status = min(statuses, key=lambda s: s.rank)
    if draft.status is ForumStatus.UNAVAILABLE:
        return draft.finish()
    draft.roles(forum.roles)
    draft.conditions.append(forum.steps)
    draft.strength += 55 if forum.family is ForumFamily.REGIONAL else 45
    if facts.state_responsibility is None:
        draft.conditions.append(
            say(
                "The facts do not say whether state conduct is at issue: a complaint must show "
                "the state's own acts or its failure to protect, investigate or punish."
            )
        )
        draft.status = ForumStatus.CONDITIONAL
        draft.strength -= 15
    respondents = names(kb, facts.perpetrator_nationalities)
    draft.ask_kind = ask_kind(kb, INDIVIDUAL_COMPLAINT_KIND)
    draft.ask_title = say(
        "Bring a complaint against %(states)s before the %(forum)s",
        states=respondents,
        forum=draft.name,
    )
    if all(b.startswith("urgent_action:") for b in draft.bases):
        draft.ask_title = say(
            "Ask the %(forum)s for urgent action to find the disappeared", forum=draft.name
        )
    return draft.finish()


def respondent_status(
    draft: Draft, facts: Facts, kb: KnowledgeBase, today: dt.date, forum: ComplaintForum, iso2: str
) -> ForumStatus:
    """One respondent: bound for (part of) the period, and accepting complaints."""
    p = participant(kb, iso2, forum.treaty)
    span = membership(p)
    name = state_name(kb, iso2)
    whole = situation_window(facts, today)
    treaty = kb.treaties[forum.treaty].display_name
    if p is None or span is None:
        draft.reasons.append(
            then(
                say("%(state)s is not a party to the %(treaty)s.", state=name, treaty=treaty),
                incomplete_list_note(kb, [iso2], forum.treaty),
            )
        )
        return ForumStatus.UNAVAILABLE
    hit = span.clip(whole)
    if hit is None:
        draft.reasons.append(
            say(
                "The %(treaty)s bound %(state)s only %(period)s, which does not reach the period.",
                treaty=treaty,
                state=name,
                period=span.words(),
            )
        )
        return ForumStatus.UNAVAILABLE
    if hit != whole:
        draft.conditions.append(
            say(
                "%(state)s: only facts %(period)s, while it was bound, can be examined.",
                state=name,
                period=hit.words(),
            )
        )
    if forum.acceptance is None:
        return _accepted(draft, name, treaty, span.start, iso2, "individual_complaint")
    if p.declaration_withdrawn is not None:
        draft.cite(INGABIRE)
    if accepts(p, forum.acceptance, today):
        draft.conditions.append(
            say(
                "%(state)s: check the date of its %(article)s declaration; facts before it may "
                "be outside the forum's reach.",
                state=name,
                article=article(forum.acceptance),
            )
        )
        # The Inter-American Court hears only cases the Commission (or a state) refers.
        basis, status = (
            ("commission_referral", ForumStatus.CONDITIONAL)
            if forum.via_commission
            else ("individual_complaint", ForumStatus.AVAILABLE)
        )
        return _accepted(draft, name, treaty, span.start, iso2, basis, status)
    left = p.withdrawal_effective is not None and p.withdrawal_effective <= today
    draft.reasons.append(
        say(
            "%(state)s was a party to the %(treaty)s, but %(reason)s.",
            state=name,
            treaty=treaty,
            reason=forum.route,
        )
        if left
        else say(
            "%(state)s is a party to the %(treaty)s, but %(reason)s.",
            state=name,
            treaty=treaty,
            reason=forum.route,
        )
    )
    if forum.fallback_basis:
        draft.bases.append(f"{forum.fallback_basis}:{iso2}")
    return forum.without_acceptance


def _accepted(
    draft: Draft,
    name: str,
    treaty: str,
    since: dt.date,
    iso2: str,
    basis: str,
    status: ForumStatus = ForumStatus.AVAILABLE,
) -> ForumStatus:
    draft.bases.append(f"{basis}:{iso2}")
    draft.reasons.append(
        say(
            "%(state)s has been bound by the %(treaty)s since %(date)s and accepts its "
            "jurisdiction.",
            state=name,
            treaty=treaty,
            date=since.isoformat(),
        )
    )
    return status


def accepts(p: Participant, token: str, today: dt.date) -> bool:
    """True when the declaration is in force today; a withdrawn African Court declaration
    lapses twelve months after notice (Ingabire v. Rwanda, 2016)."""
    if token not in p.declarations:
        return False
    withdrawn = p.declaration_withdrawn
    return withdrawn is None or today < _a_year_after(withdrawn)


def article(token: str) -> Message:
    """A declaration token as an article: `art_34_6` -> `art. 34(6)`."""
    number, *paragraphs = token.removeprefix("art_").split("_")
    return say("art. %(number)s", number=number + "".join(f"({p})" for p in paragraphs))


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
