"""Special and hybrid tribunals for the situation, and related avenues that support cases:
investigative mechanisms that share evidence, and targeted sanctions.

Sources: the knowledge base's `mechanisms/` records (type, situation, crimes, the period of
conduct the mandate covers, dates, victim roles) and `sanctions/` records.
"""

from __future__ import annotations

import datetime as dt

from powermap.analysis.forums.common import (
    Draft,
    Window,
    ask_kind,
    names,
    record_sources,
    situation_about,
    situation_window,
)
from powermap.domain.forums import (
    Facts,
    ForumFamily,
    ForumFinding,
    ForumStatus,
    VictimRole,
)
from powermap.domain.messages import Message, say
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import Mechanism, SanctionsRegime

COURT_TYPES = frozenset(
    {
        "international_tribunal",
        "hybrid_tribunal",
        "internationalised_national_court",
        "special_tribunal",
        "residual_mechanism",
    }
)
SUPPORT_TYPES = frozenset(
    {"investigative_mechanism", "commission_of_inquiry", "fact_finding_mission"}
)


def find_tribunals(facts: Facts, kb: KnowledgeBase, today: dt.date) -> list[ForumFinding]:
    """Tribunals and mechanisms whose mandate covers the situation's places and crimes.

    A tribunal is listed even when its mandate does not reach the situation's period (as
    it is once closed), because a user would expect it: unavailable, with the reason. A
    related option (investigative mechanism, inquiry, fact-finding mission) is offered
    only while it works and only when its mandate reaches part of the period.
    """
    whole = situation_window(facts, today)
    findings = []
    for mechanism in kb.mechanisms.values():
        if not covers(facts, mechanism):
            continue
        if mechanism.mechanism_type in COURT_TYPES:
            findings.append(tribunal_finding(facts, kb, today, mechanism))
        elif (
            mechanism.mechanism_type in SUPPORT_TYPES
            and not _closed(mechanism, today)
            and reaches_period(mechanism, whole)
        ):
            findings.append(mechanism_finding(facts, kb, today, mechanism))
    return findings


def covers(facts: Facts, mechanism: Mechanism) -> bool:
    """The mandate names one of the territorial or perpetrators' states and one of the crimes."""
    places = set(facts.territory) | set(facts.perpetrator_nationalities)
    crimes = {c.value for c in facts.crimes}
    return bool(places & set(mechanism.situation)) and bool(crimes & set(mechanism.crimes))


def _closed(mechanism: Mechanism, today: dt.date) -> bool:
    return mechanism.closed is not None and mechanism.closed <= today


def mandate_window(mechanism: Mechanism) -> Window | None:
    """The days of conduct the mandate covers (`crimes_from` to `crimes_to`, both
    included, an open end running on); None when the record sets neither."""
    if mechanism.crimes_from is None and mechanism.crimes_to is None:
        return None
    return Window(mechanism.crimes_from or dt.date.min, mechanism.crimes_to or dt.date.max)


def reaches_period(mechanism: Mechanism, whole: Window) -> bool:
    """True when the mandate covers at least one day of the situation's period (or the
    record sets no period)."""
    span = mandate_window(mechanism)
    return span is None or span.clip(whole) is not None


def _span_words(span: Window) -> Message:
    """A mandate's period within a sentence; `until ...` when only its end is known."""
    if span.start == dt.date.min and span.end != dt.date.max:
        return say("until %(end)s", end=span.end.isoformat())
    return span.words()


def period_rule(draft: Draft, facts: Facts, mechanism: Mechanism, today: dt.date) -> bool:
    """A mechanism deals only with conduct in the period its creating instrument sets
    (the record's `crimes_from` and `crimes_to`; e.g. ICTR Statute arts. 1 and 7: 1994).

    False, with the reason, when the situation's period lies wholly outside it; a
    condition naming the covered part when only part of the period is inside. An ongoing
    situation runs until today, and the covered part of an open mandate is said `from`.
    """
    span = mandate_window(mechanism)
    if span is None:
        return True
    whole = situation_window(facts, today)
    hit = span.clip(whole)
    if hit is None:
        draft.reasons.append(
            say(
                "The mandate of the %(mechanism)s covers only conduct %(period)s; the whole "
                "period of these facts is outside it.",
                mechanism=mechanism.display_name,
                period=_span_words(span),
            )
        )
        return False
    if hit != whole:
        ongoing = facts.period.end is None and hit.end == whole.end and span.end == dt.date.max
        covered = Window(hit.start, dt.date.max) if ongoing else hit
        draft.conditions.append(
            say(
                "The %(mechanism)s covers conduct %(period)s; the rest of the period is "
                "outside its mandate.",
                mechanism=mechanism.display_name,
                period=covered.words(),
            )
        )
    return True


def tribunal_finding(
    facts: Facts, kb: KnowledgeBase, today: dt.date, mechanism: Mechanism
) -> ForumFinding:
    """A special, hybrid or international tribunal for this situation.

    Rule: available when it operates (operational date passed, not closed); conditional
    while it is being set up (no operational date recorded, or one in the future), and
    for a residual mechanism, which only tries persons already indicted (IRMCT Statute
    art. 1; S/RES/1966 (2010)); unavailable once closed, and unavailable when the period of
    conduct its statute covers (`period_rule`) misses the situation's period. Its personal
    reach is in its statute, which the knowledge base summarises only in words.
    """
    draft = Draft(mechanism.id, mechanism.display_name, ForumFamily.SPECIAL_TRIBUNAL)
    draft.cite(mechanism.instrument, *record_sources(mechanism))
    draft.bases.append(f"mandate:{mechanism.id}")
    draft.reasons.append(say("Mandate: %(mandate)s", mandate=mechanism.mandate))
    draft.reasons.append(mechanism.description)
    draft.roles([VictimRole(r) for r in mechanism.victim_roles])
    about = situation_about(facts, kb)
    in_period = period_rule(draft, facts, mechanism, today)
    if _closed(mechanism, today):
        draft.reasons.append(say("It closed on %(date)s.", date=str(mechanism.closed)))
        draft.status = ForumStatus.UNAVAILABLE
        return draft.finish()
    if not in_period:
        draft.status = ForumStatus.UNAVAILABLE
        return draft.finish()
    started = mechanism.operational_from
    if started is None or started > today:
        draft.status = ForumStatus.CONDITIONAL
        draft.conditions.append(
            say(
                "It can hear cases only from %(date)s; the knowledge base records no "
                "operational start before today. Check its statute for its temporal and "
                "personal jurisdiction.",
                date=started.isoformat(),
            )
            if started
            else say(
                "It can hear cases only once it is operational; the knowledge base records no "
                "operational start before today. Check its statute for its temporal and "
                "personal jurisdiction."
            )
        )
        draft.strength = 45
        draft.ask_kind = ask_kind(kb, "ad_hoc_tribunal")
        draft.ask_title = say(
            "Ask states to join, fund and staff the %(tribunal)s", tribunal=mechanism.display_name
        )
        return draft.finish()
    draft.conditions.append(say("Check its statute for its temporal and personal jurisdiction."))
    if mechanism.mechanism_type == "residual_mechanism":
        # It carries on the closed tribunals' cases and cannot indict anyone new.
        draft.status = ForumStatus.CONDITIONAL
        draft.conditions.append(
            say(
                "A residual mechanism tries only persons the former tribunals indicted; it "
                "cannot bring new indictments (except for contempt)."
            )
        )
        draft.strength = 40
    else:
        draft.status = ForumStatus.AVAILABLE
        draft.strength = 75
    draft.ask_kind = ask_kind(kb, "share_information_investigators")
    draft.ask_title = say(
        "Give evidence on %(about)s to the %(body)s", about=about, body=mechanism.display_name
    )
    return draft.finish()


def mechanism_finding(
    facts: Facts, kb: KnowledgeBase, today: dt.date, mechanism: Mechanism
) -> ForumFinding:
    """A related option: a mechanism that collects evidence (and, where recorded, shares
    it with prosecutors) or takes victims' claims. It does not try anyone. Only the part
    of the period its mandate covers (`period_rule`) is within its reach."""
    draft = Draft(f"mechanism:{mechanism.id}", mechanism.display_name, ForumFamily.MECHANISM)
    draft.cite(mechanism.instrument, *record_sources(mechanism))
    draft.bases.append(f"mandate:{mechanism.id}")
    draft.reasons.append(say("Mandate: %(mandate)s", mandate=mechanism.mandate))
    draft.roles([VictimRole(r) for r in mechanism.victim_roles])
    if not period_rule(draft, facts, mechanism, today):
        return draft.finish()  # unavailable: find_tribunals does not offer it
    started = mechanism.operational_from
    draft.status = ForumStatus.CONDITIONAL if started and started > today else ForumStatus.AVAILABLE
    if started and started > today:
        draft.conditions.append(say("It starts work on %(date)s.", date=started.isoformat()))
    about = situation_about(facts, kb)
    if mechanism.shares_evidence:
        draft.reasons.append(
            say(
                "It shares evidence with prosecutors and courts, so testimony given to it can "
                "support cases in the forums above."
            )
        )
        draft.strength = 30
        draft.ask_kind = ask_kind(kb, "share_information_investigators")
        draft.ask_title = say(
            "Give evidence on %(about)s to the %(body)s", about=about, body=mechanism.display_name
        )
    else:
        draft.strength = 25
        draft.ask_title = say(
            "Register victims' claims or cases with the %(body)s", body=mechanism.display_name
        )
    return draft.finish()


def find_sanctions(facts: Facts, kb: KnowledgeBase, today: dt.date) -> list[ForumFinding]:
    """Sanctions regimes that could list the perpetrators, as related options.

    Rule: a thematic regime (no `countries`; a state's or the EU's) lists perpetrators
    anywhere on human rights grounds. A country regime (the UN's) is offered when its
    countries include a state where the crimes happened or whose nationals committed them.
    The UN's general description of its committees is not a regime of its own.
    """
    del today  # listings are political decisions; no date rule applies
    involved = {*facts.territory, *facts.perpetrator_nationalities}
    return [
        sanctions_finding(facts, kb, regime)
        for regime in kb.sanctions_regimes.values()
        if (set(regime.countries) & involved)
        or (not regime.countries and regime.jurisdiction != "unsc")
    ]


def sanctions_finding(facts: Facts, kb: KnowledgeBase, regime: SanctionsRegime) -> ForumFinding:
    """One thematic sanctions regime: available, as a related option (it punishes no one
    in court but freezes assets and bars travel)."""
    draft = Draft(
        f"sanctions:{regime.id}", regime.display_name, ForumFamily.SANCTIONS, ForumStatus.AVAILABLE
    )
    draft.cite(regime.instrument, *record_sources(regime, 1))
    covered = sorted(set(regime.countries) & {*facts.territory, *facts.perpetrator_nationalities})
    if regime.countries:
        draft.bases.append(f"country_sanctions:{regime.jurisdiction}")
        draft.reasons.append(
            say(
                "The regime covers %(states)s, a state of this situation.",
                states=names(kb, covered),
            )  # fmt: skip
        )
    else:
        draft.bases.append(f"thematic_sanctions:{regime.jurisdiction}")
    grounds = regime.grounds if isinstance(regime.grounds, str) else "; ".join(regime.grounds)
    draft.reasons.append(say("Grounds: %(grounds)s", grounds=grounds))
    draft.reasons.append(say("Decided by: %(authority)s.", authority=regime.deciding_authority))
    if regime.evidence_submission:
        submission = regime.evidence_submission
        text = submission if isinstance(submission, str) else "; ".join(submission)
        draft.reasons.append(say("How to submit evidence: %(how)s", how=text))
    draft.conditions.append(
        say(
            "Listings are political decisions that need solid, person-specific evidence and "
            "can be challenged in court."
        )
    )
    draft.strength = 20
    whose = names(kb, facts.perpetrator_nationalities)
    draft.ask_kind = ask_kind(kb, "targeted_sanctions")
    draft.ask_title = (
        say(
            "Ask for perpetrators from %(states)s to be listed under the %(regime)s",
            states=whose,
            regime=regime.display_name,
        )
        if whose
        else say(
            "Ask for the perpetrators to be listed under the %(regime)s", regime=regime.display_name
        )
    )
    return draft.finish()
