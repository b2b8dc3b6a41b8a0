"""The International Criminal Court: when it can hear the case, and on what basis.

Sources: Rome Statute arts. 5-8 bis, 11, 12, 13, 15 bis, 15 ter, 17, 27, 68, 75, 126,
127 (https://www.icc-cpi.int/sites/default/files/RS-Eng.pdf); the knowledge base's
`rome_statute` and `kampala_aggression` records for who was a party when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from powermap.analysis.forums.common import (
    Draft,
    Window,
    ask_kind,
    gaps,
    incomplete_list_note,
    membership,
    names,
    participant,
    record_name,
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

ROME_IN_FORCE = dt.date(2002, 7, 1)
AGGRESSION_ACTIVATED = dt.date(2018, 7, 17)
CORE_CRIMES = frozenset({Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY, Crime.WAR_CRIMES})
VICTIM_ROLES = (
    VictimRole.VICTIM_PARTICIPANT,
    VictimRole.REPARATIONS_CLAIMANT,
    VictimRole.WITNESS,
)
STATUTE = "Rome Statute of the International Criminal Court (1998): https://www.icc-cpi.int/sites/default/files/RS-Eng.pdf"
BANGLADESH_MYANMAR = (
    "ICC Pre-Trial Chamber I, Decision on the Prosecution's Request for a Ruling on "
    "Jurisdiction under Article 19(3), ICC-RoC46(3)-01/18-37, 6 September 2018, paras. 64-73; "
    "Pre-Trial Chamber III, Decision authorising the investigation into the Situation in "
    "Bangladesh/Myanmar, ICC-01/19-27, 14 November 2019, paras. 43-62"
)
WITHDRAWAL_CASES = (
    "ICC Pre-Trial Chamber III, Decision authorising the investigation into the Situation in "
    "Burundi, ICC-01/17-9-Red, 25 October 2017, paras. 24-26; Pre-Trial Chamber I, decision "
    "on the jurisdiction challenge in Prosecutor v. Duterte, 23 October 2025, confirmed by "
    "the Appeals Chamber on 22 April 2026"
)
AL_BASHIR = (
    "ICC Appeals Chamber, Judgment in the Jordan Referral re Al-Bashir Appeal, "
    "ICC-02/05-01/09-397-Corr, 6 May 2019, paras. 101-117"
)
ASP_ACTIVATION = (
    "Assembly of States Parties, resolution ICC-ASP/16/Res.5, 14 December 2017, paras. 1-2 "
    "(aggression jurisdiction activated from 17 July 2018)"
)
VIA_CORE_CRIMES = {
    Crime.TORTURE: say(
        "Torture is tried at the ICC only as a crime against humanity (art. 7(1)(f)) or a war "
        "crime (art. 8(2)(a)(ii), (c)(i)): the widespread or systematic attack, or the armed "
        "conflict, must be shown."
    ),
    Crime.ENFORCED_DISAPPEARANCE: say(
        "Enforced disappearance is tried at the ICC only as a crime against humanity (art. "
        "7(1)(i)): the widespread or systematic attack, or the armed conflict, must be shown."
    ),
}


@dataclass(frozen=True, slots=True)
class Acceptance:
    """Days for which one state's acceptance (or a referral) gives the Court jurisdiction.

    `territorial` is the state whose territory it covers (None for nationality only);
    `nationality` is True when it also reaches the perpetrators' conduct anywhere.
    """

    window: Window
    bases: tuple[str, ...]
    reason: Message
    territorial: str | None = None
    nationality: bool = False


def find_icc(facts: Facts, kb: KnowledgeBase, today: dt.date) -> ForumFinding:
    """Whether the ICC can hear the case.

    Rule: the Court tries genocide, crimes against humanity, war crimes (arts. 5-8) and
    aggression (art. 8 bis) committed from 1 July 2002 (art. 11(1)), and for a state
    that joined later only from its entry into force (arts. 11(2), 126(2)), unless it
    accepted jurisdiction by an art. 12(3) declaration. It needs the territorial state or
    the accused's state of nationality to be a party (art. 12(2)), an art. 12(3)
    declaration, or a Security Council referral (art. 13(b)). Aggression has its own
    regime (see `aggression_status`). A case is admissible only if no state genuinely
    investigates it (art. 17); official capacity is no bar (art. 27).
    """
    draft = Draft(
        "icc", record_name(kb.bodies.get("icc"), "International Criminal Court"), ForumFamily.ICC
    )
    draft.roles(VICTIM_ROLES)
    draft.cite(STATUTE, *record_sources(kb.treaties.get("rome_statute")))
    whole = situation_window(facts, today)
    statuses = []
    if set(facts.crimes) - {Crime.AGGRESSION}:
        statuses.append(core_crimes_status(draft, facts, kb, whole, today))
    if Crime.AGGRESSION in facts.crimes:
        statuses.append(aggression_status(draft, facts, kb, whole, today))
    draft.status = min(statuses, key=lambda s: s.rank)
    note_complementarity(draft)
    note_immunities(draft, facts)
    suggest_icc_ask(draft, facts, kb)
    return draft.finish()


def core_crimes_status(
    draft: Draft, facts: Facts, kb: KnowledgeBase, whole: Window, today: dt.date
) -> ForumStatus:
    """Genocide, crimes against humanity and war crimes (arts. 11, 12, 13, 127).

    Available when a territorial or nationality state was a party, or had lodged an
    art. 12(3) declaration, on some day of the period, or a Security Council referral
    covers it; conditional (a declaration or referral is needed) otherwise; unavailable
    when the whole period is before 1 July 2002.
    """
    note_subject_matter(draft, facts)
    if whole.end < ROME_IN_FORCE:
        draft.reasons.append(
            say(
                "The whole period ends before %(date)s, when the Rome Statute entered into "
                "force: the Court has no jurisdiction over earlier crimes (art. 11(1)).",
                date=ROME_IN_FORCE.isoformat(),
            )
        )
        return ForumStatus.UNAVAILABLE
    window = Window(max(whole.start, ROME_IN_FORCE), whole.end)
    if whole.start < ROME_IN_FORCE:
        draft.conditions.append(
            say(
                "Crimes before %(date)s are outside the Court's jurisdiction (art. 11(1)).",
                date=ROME_IN_FORCE.isoformat(),
            )
        )
    found = [*state_acceptances(draft, facts, kb, window, today), *referrals(facts, kb, window)]
    if not found:
        note_routes_in(draft, facts, kb, window, today)
        return ForumStatus.CONDITIONAL
    for acceptance in found:
        draft.bases.extend(acceptance.bases)
        draft.reasons.append(acceptance.reason)
    for gap in gaps(window, [a.window for a in found]):
        draft.conditions.append(
            say(
                "No state party, declaration or referral covers %(period)s: crimes in that time "
                "are outside jurisdiction unless a state concerned lodges an art. 12(3) "
                "declaration or the Security Council refers the situation.",
                period=gap.words(),
            )
        )
    note_cross_border(draft, facts, kb, found)
    draft.strength += 85 if len(found) > 1 else 80
    return ForumStatus.AVAILABLE


def acceptance_windows(kb: KnowledgeBase, iso2: str, links: tuple[str, ...]) -> list[Acceptance]:
    """A state's membership of the Statute and its art. 12(3) declarations, as windows.

    `links` says how the state is tied to the crimes: `territorial` (art. 12(2)(a)),
    `nationality` (art. 12(2)(b)) or both.
    """
    found: list[Acceptance] = []
    name = state_name(kb, iso2)
    reach = REACH[links]
    territorial = iso2 if "territorial" in links else None
    party = membership(participant(kb, iso2, "rome_statute"))
    if party is not None:
        found.append(
            Acceptance(
                party,
                tuple(f"{link}:{iso2}" for link in links),
                say(
                    "%(state)s was a State Party %(period)s (entry into force, art. 126(2)); in "
                    "that time the Court has jurisdiction over crimes %(reach)s.",
                    state=name,
                    period=party.words(),
                    reach=reach,
                ),
                territorial,
                "nationality" in links,
            )
        )
    statute = kb.treaties.get("rome_statute")
    for declaration in statute.article_12_3_declarations if statute else []:
        if declaration.state != iso2 or not declaration.effective:
            continue
        span = Window(declaration.period_start, declaration.period_end or dt.date.max)
        found.append(
            Acceptance(
                span,
                (f"article_12_3:{iso2}",),
                say(
                    "%(state)s accepted the Court's jurisdiction by an art. 12(3) declaration "
                    "lodged %(date)s, covering %(period)s: over crimes %(reach)s.",
                    state=name,
                    date=str(declaration.lodged),
                    period=span.words(),
                    reach=reach,
                ),
                territorial,
                "nationality" in links,
            )
        )
    return found


REACH = {
    ("territorial",): say("on its territory (art. 12(2)(a))"),
    ("nationality",): say("by its nationals anywhere (art. 12(2)(b))"),
    ("territorial", "nationality"): say(
        "on its territory (art. 12(2)(a)) and by its nationals anywhere (art. 12(2)(b))"
    ),
}
"""Which crimes a state's acceptance reaches, by how the state is tied to them."""


def state_acceptances(
    draft: Draft, facts: Facts, kb: KnowledgeBase, window: Window, today: dt.date
) -> list[Acceptance]:
    """Acceptances by the territorial states (art. 12(2)(a)) and the perpetrators'
    states of nationality (art. 12(2)(b)) that reach into the period."""
    found: list[Acceptance] = []
    for iso2 in dict.fromkeys([*facts.territory, *facts.perpetrator_nationalities]):
        links = tuple(
            link
            for link, states in (
                ("territorial", facts.territory),
                ("nationality", facts.perpetrator_nationalities),
            )
            if iso2 in states
        )
        for acceptance in acceptance_windows(kb, iso2, links):
            hit = acceptance.window.clip(window)
            if hit is None:
                continue
            found.append(replace(acceptance, window=hit))
            note_withdrawal(draft, kb, iso2, today)
    return found


def referrals(facts: Facts, kb: KnowledgeBase, window: Window) -> list[Acceptance]:
    """Security Council referrals (art. 13(b)) whose situation matches the territory."""
    statute = kb.treaties.get("rome_statute")
    found = []
    for referral in statute.security_council_referrals if statute else ():
        hit = Window(referral.situation_from, dt.date.max).clip(window)
        states = sorted(set(referral.states) & set(facts.territory))
        if hit is None or not states:
            continue
        found.append(
            Acceptance(
                hit,
                (f"unsc_referral:{referral.resolution}",),
                say(
                    "The Security Council referred %(scope)s by %(resolution)s of %(date)s "
                    "(art. 13(b)); check that the facts fall within that scope.",
                    scope=referral.scope,
                    resolution=referral.resolution,
                    date=referral.adopted.isoformat(),
                ),
                states[0],
            )
        )
    return found


def note_withdrawal(draft: Draft, kb: KnowledgeBase, iso2: str, today: dt.date) -> None:
    """A withdrawal leaves jurisdiction over crimes committed while the state was a party.

    Rule: art. 127(1) (effect one year after notification) and 127(2) (no prejudice to
    matters already under consideration). The Court used this for Burundi (investigation
    authorised two days before the withdrawal took effect) and the Philippines (preliminary
    examination opened before the withdrawal; PTC I 2025, Appeals Chamber 2026).
    """
    p = participant(kb, iso2, "rome_statute")
    if p is None or p.withdrawal_effective is None:
        return
    name = state_name(kb, iso2)
    if today < p.withdrawal_effective:
        draft.conditions.append(
            say(
                "%(state)s notified its withdrawal on %(notified)s; it takes effect on "
                "%(effective)s (art. 127(1)). Matters already under consideration by the Court "
                "before then stay within jurisdiction (art. 127(2)): send information to the "
                "Prosecutor before that date.",
                state=name,
                notified=str(p.withdrawal_notified),
                effective=p.withdrawal_effective.isoformat(),
            )
        )
        draft.strength += 5  # urgent: the window to act is closing
        return
    draft.conditions.append(
        say(
            "The withdrawal of %(state)s took effect on %(date)s. The Court keeps jurisdiction "
            "over crimes committed while it was a party, and has exercised it where a "
            "preliminary examination or investigation began before the withdrawal took effect "
            "(art. 127(2); Burundi 2017, Philippines 2025-2026). Whether a new matter can be "
            "opened after that date is not settled.",
            state=name,
            date=p.withdrawal_effective.isoformat(),
        )
    )
    draft.cite(WITHDRAWAL_CASES)


def note_cross_border(
    draft: Draft, facts: Facts, kb: KnowledgeBase, found: list[Acceptance]
) -> None:
    """Territorial jurisdiction reaches crimes with at least one element on a party's
    territory, such as deportation across its border (ICC PTC I, 6 September 2018;
    PTC III, 14 November 2019)."""
    anchored = {a.territorial for a in found if a.territorial}
    # Nationality jurisdiction reaches conduct anywhere: no cross-border limit then.
    national = any(a.nationality for a in found)
    outside = [s for s in facts.territory if s not in anchored]
    if not anchored or not outside or national:
        return
    draft.conditions.append(
        say(
            "Only territorial jurisdiction through %(parties)s is available: the Court can reach "
            "conduct in %(others)s only where at least one element of the crime took place on "
            "the territory of %(parties)s (for example deportation across its border, "
            "persecution or other inhumane acts linked to it).",
            parties=names(kb, sorted(anchored)),
            others=names(kb, outside),
        )
    )
    draft.cite(BANGLADESH_MYANMAR)


def note_routes_in(
    draft: Draft, facts: Facts, kb: KnowledgeBase, window: Window, today: dt.date
) -> None:
    """With no party and no declaration, only a declaration or a referral opens the Court."""
    states = list(dict.fromkeys([*facts.territory, *facts.perpetrator_nationalities]))
    # Possible bases: each needs a step (a declaration, a referral) the conditions name.
    draft.bases.extend([*(f"article_12_3:{s}" for s in states), "unsc_referral"])
    draft.reasons.append(
        say(
            "No territorial or nationality state (%(states)s) was a State Party or had accepted "
            "jurisdiction for %(period)s, and no Security Council referral covers it (arts. "
            "12(2), 13).",
            states=names(kb, states),
            period=window.words(),
        )
    )
    draft.conditions.append(
        say(
            "%(states)s could accept the Court's jurisdiction by an art. 12(3) declaration, "
            "which can reach back to %(date)s.",
            states=names(kb, states),
            date=ROME_IN_FORCE.isoformat(),
        )
    )
    draft.conditions.append(
        then(
            say("The Security Council could refer the situation under Chapter VII (art. 13(b))."),
            veto_note(facts, kb, today),
        )
    )
    draft.strength += 40


def veto_note(facts: Facts, kb: KnowledgeBase, today: dt.date) -> Message | None:
    """Permanent members among the perpetrators' states can veto a referral."""
    if "unsc" not in kb.bodies:
        return None
    permanent = {m.state for m in kb.body_members("unsc", today) if m.permanent}
    vetoes = [s for s in facts.perpetrator_nationalities if s in permanent]
    if not vetoes:
        return None
    return say(
        "%(states)s is a permanent member of the Council and can veto it (UN Charter art. 27(3)).",
        states=names(kb, vetoes),
    )


def aggression_status(
    draft: Draft, facts: Facts, kb: KnowledgeBase, whole: Window, today: dt.date
) -> ForumStatus:
    """The crime of aggression (arts. 8 bis, 15 bis, 15 ter; ICC-ASP/16/Res.5).

    Rule: only acts from 17 July 2018. Without a Security Council referral, the Court
    cannot try aggression committed by nationals of, or on the territory of, a state that
    is not a party (art. 15 bis(5)), nor of a party that has not ratified the Kampala
    amendments (ASP resolution of 2017, para. 2); art. 12(3) declarations do not change
    this. A Council referral (art. 15 ter) reaches any state.
    """
    draft.cite(ASP_ACTIVATION)
    if whole.end < AGGRESSION_ACTIVATED:
        draft.reasons.append(
            say(
                "Aggression: the Court's jurisdiction was activated only from %(date)s; the "
                "period ends before that.",
                date=AGGRESSION_ACTIVATED.isoformat(),
            )
        )
        return ForumStatus.UNAVAILABLE
    window = Window(max(whole.start, AGGRESSION_ACTIVATED), whole.end)
    states = list(dict.fromkeys([*facts.territory, *facts.perpetrator_nationalities]))
    shared = _kampala_window(kb, states, window)
    if shared is not None:
        draft.bases.append("aggression:kampala")
        draft.reasons.append(
            say(
                "Aggression: every state concerned (%(states)s) was a party to the Statute and "
                "to the Kampala amendments %(period)s (arts. 15 bis(4)-(5)).",
                states=names(kb, states),
                period=shared.words(),
            )
        )
        draft.conditions.append(
            say(
                "Aggression: the Prosecutor must first check whether the Security Council has "
                "determined an act of aggression and, if not after six months, needs the "
                "authorisation of the Pre-Trial Division (art. 15 bis(6)-(8)); a state may have "
                "opted out (art. 15 bis(4)), which the knowledge base does not record."
            )
        )
        return ForumStatus.AVAILABLE
    outside = [s for s in states if _kampala_window(kb, [s], window) is None]
    draft.reasons.append(
        then(
            say(
                "Aggression: %(states)s was not a party to both the Statute and the Kampala "
                "amendments, so without a Security Council referral the Court cannot try "
                "aggression by its nationals or on its territory (art. 15 bis(5); "
                "ICC-ASP/16/Res.5 para. 2).",
                states=names(kb, outside),
            ),
            joined(
                [
                    n
                    for n in (
                        incomplete_list_note(kb, outside, "kampala_aggression"),
                        special_tribunal_note(facts, kb),
                    )
                    if n
                ],
                " ",
            ),
        )
    )
    if not set(facts.crimes) - {Crime.AGGRESSION}:
        draft.bases.append("unsc_referral")  # the only possible basis left
    draft.conditions.append(
        then(
            say("Aggression: only a Security Council referral can open it (art. 15 ter)."),
            veto_note(facts, kb, today),
        )
    )
    return ForumStatus.CONDITIONAL


def _kampala_window(kb: KnowledgeBase, states: list[str], window: Window) -> Window | None:
    shared: Window | None = window
    for iso2 in states:
        for treaty_id in ("rome_statute", "kampala_aggression"):
            span = membership(participant(kb, iso2, treaty_id))
            shared = span.clip(shared) if span and shared else None
    return shared


def special_tribunal_note(facts: Facts, kb: KnowledgeBase) -> Message | None:
    """Points to a special tribunal for aggression when the knowledge base has one."""
    places = set(facts.territory) | set(facts.perpetrator_nationalities)
    tribunals = [
        m
        for m in kb.mechanisms.values()
        if m.mechanism_type == "special_tribunal"
        and "aggression" in m.crimes
        and places & set(m.situation)
    ]
    if not tribunals:
        return None
    listed = joined(
        [say("%(name)s (%(code)s)", name=m.display_name, code=m.id) for m in tribunals], "; "
    )
    return say("See instead: %(tribunals)s.", tribunals=listed)


def note_subject_matter(draft: Draft, facts: Facts) -> None:
    """Torture and enforced disappearance are ICC crimes only as crimes against humanity
    or war crimes (arts. 7, 8)."""
    for crime, condition in VIA_CORE_CRIMES.items():
        if crime in facts.crimes:
            draft.conditions.append(condition)
    if not set(facts.crimes) & CORE_CRIMES:
        draft.strength -= 10


def note_complementarity(draft: Draft) -> None:
    """A case is inadmissible where a state with jurisdiction genuinely investigates or
    prosecutes it (art. 17); the Court also selects cases by gravity (art. 17(1)(d))."""
    if draft.status is ForumStatus.UNAVAILABLE:
        return
    draft.conditions.append(
        say(
            "Complementarity: the case is admissible only if no state with jurisdiction is "
            "genuinely investigating or prosecuting it, and it must be grave enough (art. 17)."
        )
    )


def note_immunities(draft: Draft, facts: Facts) -> None:
    """Official capacity, including as head of state, is no bar before the Court (art. 27)."""
    leaders = set(facts.suspect_roles) & (PERSONAL_IMMUNITY_ROLES | {SuspectRole.FORMER_LEADER})
    if not leaders:
        return
    draft.reasons.append(
        say(
            "Immunities do not bar the ICC: official capacity, even as head of state, is no "
            "defence (art. 27). The Court still depends on states to arrest suspects (arts. "
            "86-89) and cannot try anyone in their absence (art. 63)."
        )
    )
    draft.cite(AL_BASHIR)


def suggest_icc_ask(draft: Draft, facts: Facts, kb: KnowledgeBase) -> None:
    """An art. 15 communication where the Court can act; otherwise the missing step."""
    about = situation_about(facts, kb)
    if draft.status is ForumStatus.AVAILABLE:
        draft.ask_kind = ask_kind(kb, "article_15_communication")
        draft.ask_title = say(
            "Send an article 15 communication to the ICC Prosecutor on %(about)s", about=about
        )
    elif any(b.startswith("article_12_3:") for b in draft.bases):
        draft.ask_kind = ask_kind(kb, "article_12_3_declaration")
        draft.ask_title = say(
            "Ask %(states)s to accept ICC jurisdiction over %(about)s (art. 12(3))",
            states=names(kb, [*facts.territory]),
            about=about,
        )
    elif draft.status is ForumStatus.CONDITIONAL:
        draft.ask_kind = ask_kind(kb, "icc_referral_unsc")
        draft.ask_title = say("Ask the Security Council to refer %(about)s to the ICC", about=about)
