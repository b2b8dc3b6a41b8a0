"""The International Court of Justice: state responsibility through compromissory clauses.

Sources: Statute of the ICJ arts. 36(1), 41, 63; Genocide Convention art. IX; Convention
against Torture art. 30(1); Convention on Enforced Disappearance art. 42(1); the
knowledge base's treaty records for parties and reservations; the judgments cited below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from powermap.analysis.forums.common import (
    Draft,
    Window,
    all_of,
    ask_kind,
    bound_on,
    crime_list,
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
from powermap.domain.messages import Message, say, say_plural
from powermap.knowledge import KnowledgeBase

ICJ_STATUTE = "Statute of the International Court of Justice, arts. 36(1), 41, 63: https://www.icj-cij.org/statute"
GAMBIA_V_MYANMAR = (
    "ICJ, Application of the Genocide Convention (The Gambia v. Myanmar), Preliminary "
    "Objections, Judgment of 22 July 2022, paras. 63-77 (dispute), 106-114 (standing of any "
    "party, obligations erga omnes partes): https://www.icj-cij.org/case/178"
)
BELGIUM_V_SENEGAL = (
    "ICJ, Questions relating to the Obligation to Prosecute or Extradite (Belgium v. "
    "Senegal), Judgment of 20 July 2012, paras. 56-63 (art. 30 steps), 68-70 (standing): "
    "https://www.icj-cij.org/case/144"
)
BOSNIA_V_SERBIA = (
    "ICJ, Application of the Genocide Convention (Bosnia and Herzegovina v. Serbia and "
    "Montenegro), Judgment of 26 February 2007, paras. 155-179 (a state's own responsibility "
    "for genocide): https://www.icj-cij.org/case/91"
)
CROATIA_V_SERBIA = (
    "ICJ, Application of the Genocide Convention (Croatia v. Serbia), Judgment of 3 February "
    "2015, paras. 95-100 (no retroactive obligations): https://www.icj-cij.org/case/118"
)
RESERVATION_CASES = (
    "ICJ, Armed Activities on the Territory of the Congo (New Application: 2002) (DRC v. "
    "Rwanda), Judgment of 3 February 2006, paras. 64-70; Sudan v. United Arab Emirates, "
    "Order of 5 May 2025 (removed for manifest lack of jurisdiction)"
)
SHOWN_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Clause:
    """A treaty clause giving the ICJ jurisdiction over disputes under the treaty."""

    treaty: str
    reservation: str
    crimes: frozenset[Crime]
    label: Message
    preconditions: Message | None = None

    @property
    def basis(self) -> str:
        return f"{self.treaty}_{self.reservation}"


CLAUSES = (
    Clause(
        "genocide_convention",
        "art_ix",
        frozenset({Crime.GENOCIDE}),
        say("Genocide Convention art. IX"),
    ),
    Clause(
        "cat",
        "art_30",
        frozenset({Crime.TORTURE}),
        say("Convention against Torture art. 30(1)"),
        say(
            "Convention against Torture art. 30(1): the dispute must first go through "
            "negotiation, then a request for arbitration and six months without agreement on it "
            "(Belgium v. Senegal, 2012, paras. 56-63)."
        ),
    ),
    Clause(
        "cped",
        "art_42",
        frozenset({Crime.ENFORCED_DISAPPEARANCE}),
        say("Convention on Enforced Disappearance art. 42(1)"),
        say(
            "Convention on Enforced Disappearance art. 42(1): negotiation, or the Convention's "
            "procedures, then arbitration requested and six months without agreement on it."
        ),
    ),
)


def find_icj(facts: Facts, kb: KnowledgeBase, today: dt.date) -> ForumFinding:
    """Whether a state could take the perpetrators' state to the ICJ.

    Rule: the ICJ decides disputes between states, here on a treaty's compromissory
    clause (Statute art. 36(1)): Genocide Convention art. IX, CAT art. 30(1), CPED art.
    42(1). The respondent must have been bound by the treaty at the time of the conduct
    (Croatia v. Serbia, 2015) and still be bound, without a reservation to the clause;
    any other party without such a reservation may apply, because the obligations are
    owed to all parties (erga omnes partes: Belgium v. Senegal, 2012; The Gambia v.
    Myanmar, 2022, para. 108). A state can itself be responsible for genocide (Bosnia v.
    Serbia, 2007). The respondents are the perpetrators' states of nationality.
    """
    draft = Draft(
        "icj", record_name(kb.bodies.get("icj"), "International Court of Justice"), ForumFamily.ICJ
    )
    draft.roles([VictimRole.WITNESS])
    draft.cite(ICJ_STATUTE, BOSNIA_V_SERBIA)
    if not _state_conduct_at_issue(draft, facts):
        return draft.finish()
    clauses = [c for c in CLAUSES if c.crimes & set(facts.crimes) and c.treaty in kb.treaties]
    if not clauses:
        draft.reasons.append(
            say(
                "No treaty in the knowledge base with an ICJ clause covers %(crimes)s; other "
                "routes (declarations under Statute art. 36(2), special agreements, other "
                "treaties such as CERD art. 22) are not recorded.",
                crimes=crime_list(facts.crimes),
            )
        )
        return draft.finish()
    whole = situation_window(facts, today)
    opened = [
        c.label
        for c in clauses
        for respondent in facts.perpetrator_nationalities
        if clause_open(draft, facts, kb, c, respondent, whole, today)
    ]
    if opened:
        _open(draft, facts, kb, opened)
    return draft.finish()


def _state_conduct_at_issue(draft: Draft, facts: Facts) -> bool:
    if facts.state_responsibility is False:
        draft.reasons.append(
            say(
                "The facts say state conduct is not at issue: the ICJ decides only disputes "
                "between states, such as a state's responsibility for the crimes."
            )
        )
        return False
    if not facts.perpetrator_nationalities:
        draft.reasons.append(
            say("No perpetrators' state is given, so there is no respondent state.")
        )
        return False
    return True


def clause_open(
    draft: Draft,
    facts: Facts,
    kb: KnowledgeBase,
    clause: Clause,
    respondent: str,
    whole: Window,
    today: dt.date,
) -> bool:
    """One clause against one respondent: True (and the basis recorded) when it is open."""
    p = participant(kb, respondent, clause.treaty)
    span = membership(p)
    treaty = kb.treaties[clause.treaty]
    name = state_name(kb, respondent)
    draft.cite(*record_sources(treaty, 1))
    if p is None or span is None:
        draft.reasons.append(
            then(
                say(
                    "%(state)s is not a party to the %(treaty)s.", state=name, treaty=treaty.display_name
                ),
                incomplete_list_note(kb, [respondent], clause.treaty),
            )
        )
        return False
    if not bound_on(p, today):
        draft.reasons.append(
            say(
                "%(state)s is no longer bound by the %(treaty)s (%(clause)s).",
                state=name,
                treaty=treaty.display_name,
                clause=clause.label,
            )
        )
        return False
    hit = span.clip(whole)
    if hit is None:
        draft.reasons.append(
            say(
                "The %(treaty)s binds %(state)s only from %(date)s, after the period; its "
                "obligations are not retroactive (Croatia v. Serbia, 2015).",
                treaty=treaty.display_name,
                state=name,
                date=span.start.isoformat(),
            )
        )
        draft.cite(CROATIA_V_SERBIA)
        return False
    if clause.reservation in p.reservations:
        draft.reasons.append(
            say(
                "%(state)s made a reservation to %(clause)s: it cannot be brought before the "
                "ICJ under it without its consent.",
                state=name,
                clause=clause.label,
            )
        )
        draft.cite(RESERVATION_CASES)
        return False
    applicants = candidate_applicants(facts, kb, clause, respondent, today)
    if not applicants:
        draft.reasons.append(
            say(
                "No other party to the %(treaty)s can invoke %(clause)s.",
                treaty=treaty.display_name,
                clause=clause.label,
            )
        )
        return False
    _record_clause(draft, facts, kb, clause, respondent, span, hit, whole, applicants)
    return True


def _record_clause(
    draft: Draft,
    facts: Facts,
    kb: KnowledgeBase,
    clause: Clause,
    respondent: str,
    span: Window,
    hit: Window,
    whole: Window,
    applicants: list[str],
) -> None:
    draft.bases.extend([f"{clause.basis}:{respondent}", "erga_omnes_partes"])
    draft.reasons.append(
        _erga_omnes_reason(
            state_name(kb, respondent),
            kb.treaties[clause.treaty].display_name,
            span.start,
            clause.label,
            names(kb, applicants[:SHOWN_CANDIDATES]),
            len(applicants),
        )
    )
    draft.cite(GAMBIA_V_MYANMAR if clause.treaty == "genocide_convention" else BELGIUM_V_SENEGAL)
    if hit != whole:
        draft.conditions.append(
            say(
                "Under %(clause)s, only conduct %(period)s can be judged.",
                clause=clause.label,
                period=hit.words(),
            )
        )
        draft.cite(CROATIA_V_SERBIA)
    if clause.preconditions:
        draft.conditions.append(clause.preconditions)
    draft.candidate_states.extend(applicants)


def _erga_omnes_reason(
    name: str, treaty: str, since: dt.date, label: Message, shown: str, count: int
) -> Message:
    """The respondent is bound without a reservation, so any other party (`count` of
    them, the first `shown` by name) can apply."""
    params = {"state": name, "treaty": treaty, "date": since.isoformat(), "clause": label}
    if count > SHOWN_CANDIDATES:
        return say_plural(
            "%(state)s has been bound by the %(treaty)s since %(date)s, without a reservation "
            "to %(clause)s. Any other party without such a reservation can bring the case, "
            "because the obligations are owed to all parties: %(count)d state could, e.g. "
            "%(shown)s and %(more)d more.",
            "%(state)s has been bound by the %(treaty)s since %(date)s, without a reservation "
            "to %(clause)s. Any other party without such a reservation can bring the case, "
            "because the obligations are owed to all parties: %(count)d states could, e.g. "
            "%(shown)s and %(more)d more.",
            count,
            shown=shown,
            more=count - SHOWN_CANDIDATES,
            **params,
        )
    return say_plural(
        "%(state)s has been bound by the %(treaty)s since %(date)s, without a reservation to "
        "%(clause)s. Any other party without such a reservation can bring the case, because "
        "the obligations are owed to all parties: %(count)d state could, e.g. %(shown)s.",
        "%(state)s has been bound by the %(treaty)s since %(date)s, without a reservation to "
        "%(clause)s. Any other party without such a reservation can bring the case, because "
        "the obligations are owed to all parties: %(count)d states could, e.g. %(shown)s.",
        count,
        shown=shown,
        **params,
    )


def candidate_applicants(
    facts: Facts, kb: KnowledgeBase, clause: Clause, respondent: str, today: dt.date
) -> list[str]:
    """Parties bound today without a reservation to the clause (a reserving applicant
    would meet the same reservation by reciprocity). Victims' host states come first."""
    treaty = kb.treaties[clause.treaty]
    found = [
        q.state
        for q in treaty.participants
        if q.state != respondent and bound_on(q, today) and clause.reservation not in q.reservations
    ]
    hosts = [s for s in facts.victim_residences if s in found]
    return [*hosts, *sorted(s for s in found if s not in hosts)]


def _open(draft: Draft, facts: Facts, kb: KnowledgeBase, opened: list[Message]) -> None:
    respondents = names(kb, facts.perpetrator_nationalities)
    draft.status = ForumStatus.AVAILABLE
    draft.strength = 70
    draft.conditions.append(
        say(
            "A dispute must exist when the case is filed: the applicant should first put its "
            "claim to %(states)s (The Gambia v. Myanmar, 2022, paras. 63-77). Where a case is "
            "already pending, other parties can intervene (Statute art. 63).",
            states=respondents,
        )
    )
    draft.reasons.append(
        say(
            "Victims are not parties at the ICJ: they take part by giving evidence through the "
            "applicant state; the Court can order provisional measures quickly (Statute art. "
            "41)."
        )
    )
    if facts.state_responsibility is None:
        draft.status = ForumStatus.CONDITIONAL
        draft.strength = 50
        draft.conditions.append(
            say(
                "The facts do not say whether state conduct is at issue: this assumes the crimes "
                "are attributable to %(states)s, or that it failed to prevent or punish them.",
                states=respondents,
            )
        )
    draft.ask_kind = ask_kind(kb, "icj_case")
    draft.ask_title = say(
        "Ask a state party to bring %(states)s before the ICJ under %(clauses)s",
        states=respondents,
        clauses=all_of(list(dict.fromkeys(opened))),
    )
