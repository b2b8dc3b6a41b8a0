"""The forum finder: real situations on the shipped knowledge base, and each rule on its
edge with tiny knowledge bases built in memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest

from powermap.analysis.forums import find_forums
from powermap.domain.forums import (
    LEGAL_INFORMATION_NOTICE,
    Crime,
    Facts,
    ForumFinding,
    ForumStatus,
    Period,
    SuspectRole,
    VictimRole,
)
from powermap.knowledge import KnowledgeBase, load_knowledge
from powermap.knowledge.models import (
    Art123Declaration,
    Jurisdiction,
    Mechanism,
    Participant,
    PartyCount,
    Referral,
    Source,
    Treaty,
)

AS_OF = dt.date(2026, 11, 25)
D = dt.date
SOURCE = Source(
    url="https://example.org/source", title="A test source", publisher="Test", accessed=AS_OF
)
DEFAULT_START, DEFAULT_END = D(2015, 1, 1), D(2015, 12, 31)
AVAILABLE, CONDITIONAL, UNAVAILABLE = (
    ForumStatus.AVAILABLE,
    ForumStatus.CONDITIONAL,
    ForumStatus.UNAVAILABLE,
)


# --- building facts and tiny knowledge bases -------------------------------------------


def facts(
    crimes: Iterable[str] = ("crimes_against_humanity",),
    territory: Iterable[str] = ("XA",),
    start: dt.date = DEFAULT_START,
    end: dt.date | None = DEFAULT_END,
    **kwargs: Any,
) -> Facts:
    """Facts with sensible defaults; keyword lists become tuples."""
    extra: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list | tuple) else v for k, v in kwargs.items()
    }
    if "suspect_roles" in extra:
        extra["suspect_roles"] = tuple(SuspectRole(r) for r in extra["suspect_roles"])
    return Facts(
        crimes=tuple(Crime(c) for c in crimes),
        territory=tuple(territory),
        period=Period(start, end),
        **extra,
    )


def party(
    state: str,
    in_force: dt.date,
    *,
    effective: dt.date | None = None,
    reservations: Iterable[str] = (),
    declarations: Iterable[str] = (),
    declaration_withdrawn: dt.date | None = None,
) -> Participant:
    """A participant that became bound on `in_force` (and withdrew on `effective`).

    Built through `model_validate` so that plain strings stand for the tokens, which
    pydantic checks, as the loader does."""
    return Participant.model_validate(
        {
            "state": state,
            "status": "withdrawn" if effective else "party",
            "date": in_force - dt.timedelta(days=60),
            "in_force": in_force,
            "withdrawal_notified": effective - dt.timedelta(days=365) if effective else None,
            "withdrawal_effective": effective,
            "reservations": list(reservations),
            "declarations": list(declarations),
            "declaration_withdrawn": declaration_withdrawn,
        }
    )


def treaty(
    treaty_id: str, *participants: Participant, declarations: Iterable[Art123Declaration] = ()
) -> Treaty:
    return Treaty(
        id=treaty_id,
        name={"en": treaty_id.replace("_", " ").title()},
        description="A treaty for tests.",
        adopted=D(1950, 1, 1),
        participants=list(participants),
        article_12_3_declarations=list(declarations),
        sources=[SOURCE],
        as_of=AS_OF,
    )


def jurisdiction(
    state: str,
    *,
    crimes: Iterable[str] = ("genocide", "crimes_against_humanity", "war_crimes"),
    link: str | None = "none",
    active: bool = True,
    passive: bool = False,
    not_before: dt.date | None = None,
    participation: Iterable[str] = ("complainant",),
) -> Jurisdiction:
    universal = [{"crimes": list(crimes), "link": link}] if link else []
    return Jurisdiction.model_validate(
        {
            "id": state,
            "crimes": list(crimes),
            "legal_basis": f"Criminal Code of {state}",
            "universal": universal,
            "active_nationality": active,
            "passive_personality": passive,
            "temporal": {"not_before": not_before} if not_before else None,
            "victim_participation": list(participation),
            "sources": [SOURCE],
            "as_of": AS_OF,
        }
    )


def tiny_kb(*records: Treaty | Jurisdiction) -> KnowledgeBase:
    """A knowledge base holding only these treaties and jurisdictions."""
    by_kind: dict[str, dict[str, Any]] = {"treaty": {}, "jurisdiction": {}}
    for record in records:
        kind = "treaty" if isinstance(record, Treaty) else "jurisdiction"
        by_kind[kind][record.id] = record
    return KnowledgeBase.build(by_kind, {}, {})


def finding(found: list[ForumFinding], forum_id: str) -> ForumFinding:
    matches = [f for f in found if f.id == forum_id]
    assert matches, f"{forum_id} not among {[f.id for f in found]}"
    return matches[0]


def text(f: ForumFinding) -> str:
    """Everything a finding says, for `in` checks."""
    return "\n".join([*f.bases, *f.conditions, *f.reasons, *f.sources])


# --- real situations on the shipped knowledge base -------------------------------------


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


ROHINGYA = facts(
    crimes=["genocide", "crimes_against_humanity", "war_crimes"],
    territory=["MM", "BD"],
    start=D(2016, 10, 9),
    end=D(2017, 12, 31),
    perpetrator_nationalities=["MM"],
    victim_nationalities=["MM"],
    suspect_locations=["MM"],
    victim_residences=["BD"],
    suspect_roles=["military_commander"],
    state_responsibility=True,
)
SYRIA = facts(
    crimes=["crimes_against_humanity", "war_crimes", "torture", "enforced_disappearance"],
    territory=["SY"],
    start=D(2011, 3, 15),
    end=D(2024, 12, 8),
    perpetrator_nationalities=["SY"],
    victim_nationalities=["SY"],
    suspect_locations=["SY", "DE", "FR"],
    victim_residences=["DE", "FR"],
    suspect_roles=["senior_official", "official"],
    state_responsibility=True,
)
UKRAINE = facts(
    crimes=["aggression", "war_crimes", "crimes_against_humanity", "torture"],
    territory=["UA"],
    start=D(2022, 2, 24),
    end=None,
    perpetrator_nationalities=["RU"],
    victim_nationalities=["UA"],
    suspect_locations=["RU"],
    suspect_roles=["head_of_state", "military_commander"],
    state_responsibility=True,
)
BURUNDI = facts(
    territory=["BI"],
    start=D(2015, 4, 26),
    end=D(2017, 10, 26),
    perpetrator_nationalities=["BI"],
    state_responsibility=True,
)

DARFUR = facts(
    ["genocide", "war_crimes"],
    ["SD"],
    D(2003, 2, 1),
    D(2008, 12, 31),
    perpetrator_nationalities=["SD"],
)
RWANDA = facts(
    ["genocide"],
    ["RW"],
    D(1994, 4, 7),
    D(1994, 7, 15),
    perpetrator_nationalities=["RW"],
    suspect_locations=["BE"],
    state_responsibility=True,
)

# (name, facts, forum id, status, bases that must be there, words the finding must say)
REAL_CASES = [
    (
        # ICC PTC I 2018 and PTC III 2019: deportation completed in Bangladesh, a party.
        "rohingya-icc-territorial-via-bangladesh",
        ROHINGYA,
        "icc",
        AVAILABLE,
        ["territorial:BD"],
        ["at least one element", "ICC-RoC46(3)-01/18-37"],
    ),
    (
        # The Gambia v. Myanmar: Genocide Convention art. IX, no reservation by Myanmar.
        "rohingya-icj-genocide-convention",
        ROHINGYA,
        "icj",
        AVAILABLE,
        ["genocide_convention_art_ix:MM", "erga_omnes_partes"],
        ["Gambia v. Myanmar"],
    ),
    (
        # Argentina's Rohingya case (BROUK): universal jurisdiction with no link, querella.
        "rohingya-argentina-universal",
        ROHINGYA,
        "national:AR",
        AVAILABLE,
        ["universal:none"],
        ["querell"],
    ),
    (
        "rohingya-myanmar-courts-unrecorded",
        ROHINGYA,
        "national:MM",
        CONDITIONAL,
        ["territorial:MM", "nationality:MM"],
        ["no record"],
    ),
    (
        # Syria signed but never ratified the Rome Statute; referral vetoed in 2014.
        "syria-icc-needs-declaration-or-referral",
        SYRIA,
        "icc",
        CONDITIONAL,
        ["article_12_3:SY", "unsc_referral"],
        ["art. 12(3)", "art. 13(b)"],
    ),
    (
        # Canada and the Netherlands v. Syria (2023): CAT art. 30(1).
        "syria-icj-torture-convention",
        SYRIA,
        "icj",
        AVAILABLE,
        ["cat_art_30:SY"],
        ["Belgium v. Senegal", "arbitration"],
    ),
    (
        # Koblenz (al-Khatib): VStGB § 1, no link needed; Nebenklage since 2024.
        "syria-germany-koblenz",
        SYRIA,
        "national:DE",
        AVAILABLE,
        ["universal:none"],
        ["Raslan"],
    ),
    (
        # France: torture needs presence (met), crimes against humanity need residence.
        "syria-france-presence-and-residence",
        SYRIA,
        "national:FR",
        AVAILABLE,
        ["universal:presence", "universal:residence"],
        ["habitually resides"],
    ),
    (
        "syria-no-cat-article-22",
        SYRIA,
        "treaty_body:cat_committee",
        UNAVAILABLE,
        [],
        ["art. 22 declaration"],
    ),
    (
        # Ukraine: art. 12(3) declaration of 2015, then a party from 2025-01-01.
        "ukraine-icc-declaration-then-party",
        UKRAINE,
        "icc",
        AVAILABLE,
        ["article_12_3:UA", "territorial:UA"],
        ["15 bis(5)", "stca_ukraine", "art. 27"],
    ),
    (
        "ukraine-aggression-tribunal-not-yet-operational",
        UKRAINE,
        "stca_ukraine",
        CONDITIONAL,
        ["mandate:stca_ukraine"],
        ["operational"],
    ),
    (
        # Russia ceased to be a party to the ECHR on 2022-09-16.
        "ukraine-ecthr-until-russia-left",
        UKRAINE,
        "ecthr",
        AVAILABLE,
        ["individual_complaint:RU"],
        ["2022-02-24 to 2022-09-15"],
    ),
    (
        "ukraine-lithuania-immunity-of-serving-head-of-state",
        UKRAINE,
        "national:LT",
        AVAILABLE,
        ["universal:none"],
        ["Personal immunity", "Arrest Warrant"],
    ),
    (
        # Burundi: withdrawal effective 2017-10-27; the whole period is before it.
        "burundi-icc-membership-period-kept",
        BURUNDI,
        "icc",
        AVAILABLE,
        ["territorial:BI", "nationality:BI"],
        ["2017-10-27", "art. 127(2)", "ICC-01/17-9-Red"],
    ),
    (
        # Darfur: Security Council referral of 2005 although Sudan is not a party.
        "darfur-icc-security-council-referral",
        DARFUR,
        "icc",
        AVAILABLE,
        ["unsc_referral:S/RES/1593 (2005)"],
        ["Darfur"],
    ),
    (
        "rwanda-icc-before-the-statute",
        RWANDA,
        "icc",
        UNAVAILABLE,
        [],
        ["art. 11(1)"],
    ),
    (
        "rwanda-ictr-closed",
        RWANDA,
        "ictr",
        UNAVAILABLE,
        ["mandate:ictr"],
        ["closed on 2015-12-31"],
    ),
    (
        "rwanda-irmct-only-former-indictees",
        RWANDA,
        "irmct",
        CONDITIONAL,
        ["mandate:irmct"],
        ["new indictments"],
    ),
    (
        # Belgium tried Rwandan genocide suspects present on its territory.
        "rwanda-belgium-presence",
        RWANDA,
        "national:BE",
        AVAILABLE,
        ["universal:presence"],
        ["presence"],
    ),
]


@pytest.mark.parametrize(
    ("situation", "forum_id", "status", "bases", "words"),
    [case[1:] for case in REAL_CASES],
    ids=[case[0] for case in REAL_CASES],
)
def test_it_finds_the_forums_of_real_situations(
    kb: KnowledgeBase,
    situation: Facts,
    forum_id: str,
    status: ForumStatus,
    bases: list[str],
    words: list[str],
) -> None:
    found = finding(find_forums(situation, kb, AS_OF), forum_id)
    assert found.status is status, text(found)
    for basis in bases:
        assert basis in found.bases
    for word in words:
        assert word in text(found), f"{word!r} missing from {forum_id}"


def test_it_suggests_asks_from_the_catalogue(kb: KnowledgeBase) -> None:
    rohingya = find_forums(ROHINGYA, kb, AS_OF)
    assert finding(rohingya, "icc").ask_kind == "article_15_communication"
    assert finding(rohingya, "icj").ask_kind == "icj_case"
    assert finding(rohingya, "national:AR").ask_kind == "universal_jurisdiction_complaint"
    assert finding(find_forums(SYRIA, kb, AS_OF), "icc").ask_kind == "article_12_3_declaration"
    for f in rohingya:
        assert f.ask_kind is None or f.ask_kind in kb.ask_kinds
        assert f.status is UNAVAILABLE or f.ask_title


def test_it_lists_applicant_states_for_the_icj(kb: KnowledgeBase) -> None:
    icj = finding(find_forums(ROHINGYA, kb, AS_OF), "icj")
    assert {"GM", "CA", "NL"} <= set(icj.candidate_states)
    assert "MM" not in icj.candidate_states
    assert "US" not in icj.candidate_states  # reservation to art. IX
    assert "BD" not in icj.candidate_states  # so has Bangladesh, where the victims live
    syria = finding(find_forums(SYRIA, kb, AS_OF), "icj")
    assert {"CA", "NL"} <= set(syria.candidate_states)
    assert syria.candidate_states[:2] == ("DE", "FR")  # where the victims live comes first


def test_it_gives_victims_their_roles(kb: KnowledgeBase) -> None:
    found = find_forums(SYRIA, kb, AS_OF)
    assert finding(found, "icj").victim_roles == (VictimRole.WITNESS,)
    assert VictimRole.CIVIL_PARTY in finding(found, "national:DE").victim_roles  # Nebenklage
    assert VictimRole.CIVIL_PARTY in finding(found, "national:FR").victim_roles  # partie civile
    icc = finding(find_forums(ROHINGYA, kb, AS_OF), "icc")
    assert icc.victim_roles == (
        VictimRole.VICTIM_PARTICIPANT,
        VictimRole.REPARATIONS_CLAIMANT,
        VictimRole.WITNESS,
    )


def test_it_lists_every_jurisdiction_of_the_knowledge_base(kb: KnowledgeBase) -> None:
    ids = {f.id for f in find_forums(ROHINGYA, kb, AS_OF)}
    assert {f"national:{iso2}" for iso2 in kb.jurisdictions} <= ids


def test_it_orders_findings_by_openness_then_strength(kb: KnowledgeBase) -> None:
    found = find_forums(UKRAINE, kb, AS_OF)
    ranks = [f.status.rank for f in found]
    assert ranks == sorted(ranks)
    for status in ForumStatus:
        strengths = [f.strength for f in found if f.status is status]
        assert strengths == sorted(strengths, reverse=True)


def test_it_keeps_related_options_apart(kb: KnowledgeBase) -> None:
    found = find_forums(SYRIA, kb, AS_OF)
    related = {f.id for f in found if f.related}
    assert {"mechanism:iiim", "sanctions:eu_global_human_rights"} <= related
    assert "icj" not in related


@pytest.mark.parametrize(
    ("territory", "start", "end", "today", "status", "words"),
    [
        # Philippines: withdrawal effective 2019-03-17; crimes after it are outside.
        ("PH", D(2016, 7, 1), D(2022, 6, 30), AS_OF, AVAILABLE, ["2019-03-17 to 2022-06-30"]),
        # Hungary: withdrawal effective 2026-06-02.
        ("HU", D(2026, 1, 1), D(2026, 12, 31), AS_OF, AVAILABLE, ["2026-06-02 to 2026-12-31"]),
        # Before it takes effect, the notice says to act in time.
        ("HU", D(2026, 1, 1), None, D(2026, 3, 1), AVAILABLE, ["takes effect on 2026-06-02"]),
        ("HU", D(2026, 6, 2), D(2026, 12, 31), AS_OF, CONDITIONAL, []),
    ],
    ids=["philippines", "hungary-after", "hungary-before", "hungary-after-only"],
)
def test_it_keeps_jurisdiction_for_the_membership_period(
    kb: KnowledgeBase,
    territory: str,
    start: dt.date,
    end: dt.date | None,
    today: dt.date,
    status: ForumStatus,
    words: list[str],
) -> None:
    situation = facts(territory=[territory], start=start, end=end)
    icc = finding(find_forums(situation, kb, today), "icc")
    assert icc.status is status, text(icc)
    for word in words:
        assert word in text(icc)


# --- each rule on its edge, with tiny knowledge bases ----------------------------------

ROME = "rome_statute"


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        (D(2010, 1, 1), D(2010, 5, 31), CONDITIONAL),  # the day before entry into force
        (D(2010, 1, 1), D(2010, 6, 1), AVAILABLE),  # ends on the first day of membership
        (D(2010, 6, 1), D(2010, 6, 1), AVAILABLE),
        (D(2017, 10, 26), D(2017, 12, 31), AVAILABLE),  # last day before withdrawal
        (D(2017, 10, 27), D(2017, 12, 31), CONDITIONAL),  # withdrawal effective that day
        (D(1999, 1, 1), D(2002, 6, 30), UNAVAILABLE),  # before the Statute (art. 11(1))
    ],
)
def test_it_reads_icc_membership_to_the_day(
    start: dt.date, end: dt.date, status: ForumStatus
) -> None:
    kb = tiny_kb(treaty(ROME, party("XA", D(2010, 6, 1), effective=D(2017, 10, 27))))
    icc = finding(find_forums(facts(start=start, end=end), kb, AS_OF), "icc")
    assert icc.status is status, text(icc)


def test_it_reaches_crimes_by_a_party_s_nationals_abroad() -> None:
    kb = tiny_kb(treaty(ROME, party("XB", D(2005, 1, 1))))
    situation = facts(territory=["XA"], perpetrator_nationalities=["XB"])
    icc = finding(find_forums(situation, kb, AS_OF), "icc")
    assert icc.status is AVAILABLE
    assert icc.bases == ("nationality:XB",)
    assert not any("at least one element" in c for c in icc.conditions)


def test_it_uses_article_12_3_declarations_for_their_period() -> None:
    declaration = Art123Declaration(
        state="XA", lodged=D(2015, 9, 8), period_start=D(2014, 2, 20), period_end=None
    )
    kb = tiny_kb(treaty(ROME, declarations=[declaration]))
    inside = finding(find_forums(facts(start=D(2014, 2, 20)), kb, AS_OF), "icc")
    assert inside.status is AVAILABLE
    assert inside.bases == ("article_12_3:XA",)
    before = facts(start=D(2013, 1, 1), end=D(2014, 2, 19))
    assert finding(find_forums(before, kb, AS_OF), "icc").status is CONDITIONAL


def test_it_notes_the_part_of_the_period_outside_jurisdiction() -> None:
    kb = tiny_kb(treaty(ROME, party("XA", D(2010, 6, 1))))
    icc = finding(find_forums(facts(start=D(2009, 1, 1), end=D(2011, 1, 1)), kb, AS_OF), "icc")
    assert icc.status is AVAILABLE
    assert any("2009-01-01 to 2010-05-31" in c for c in icc.conditions)


@pytest.mark.parametrize(
    ("aggressor_parties", "start", "status", "basis"),
    [
        (True, D(2019, 1, 1), AVAILABLE, "aggression:kampala"),
        (False, D(2019, 1, 1), CONDITIONAL, "unsc_referral"),  # art. 15 bis(5)
        (True, D(2017, 1, 1), UNAVAILABLE, None),  # before activation on 2018-07-17
    ],
)
def test_it_applies_the_aggression_regime(
    aggressor_parties: bool, start: dt.date, status: ForumStatus, basis: str | None
) -> None:
    victims = [party("XA", D(2003, 1, 1))]
    aggressor = [party("XB", D(2003, 1, 1))] if aggressor_parties else []
    kb = tiny_kb(
        treaty(ROME, *victims, *aggressor),
        treaty(
            "kampala_aggression",
            party("XA", D(2014, 1, 1)),
            *([party("XB", D(2014, 1, 1))] if aggressor_parties else []),
        ),
    )
    end = start + dt.timedelta(days=30)
    situation = facts(["aggression"], start=start, end=end, perpetrator_nationalities=["XB"])
    icc = finding(find_forums(situation, kb, AS_OF), "icc")
    assert icc.status is status, text(icc)
    if basis:
        assert basis in icc.bases


GENOCIDE = "genocide_convention"


@pytest.mark.parametrize(
    ("respondent", "status", "words"),
    [
        (party("XB", D(1960, 1, 1)), AVAILABLE, ["erga omnes", "2 states could"]),
        (party("XB", D(1960, 1, 1), reservations=["art_ix"]), UNAVAILABLE, ["reservation"]),
        (party("XB", D(2016, 1, 1)), UNAVAILABLE, ["not retroactive"]),
        (party("XB", D(1960, 1, 1), effective=D(2020, 1, 1)), UNAVAILABLE, ["no longer bound"]),
    ],
    ids=["open", "reservation", "joined-after", "left"],
)
def test_it_reads_the_genocide_convention_clause(
    respondent: Participant, status: ForumStatus, words: list[str]
) -> None:
    applicants = [
        party("XC", D(1960, 1, 1)),
        party("XD", D(1960, 1, 1)),
        party("XE", D(1960, 1, 1), reservations=["art_ix"]),  # excluded by reciprocity
    ]
    kb = tiny_kb(treaty(GENOCIDE, respondent, *applicants))
    situation = facts(["genocide"], perpetrator_nationalities=["XB"], state_responsibility=True)
    icj = finding(find_forums(situation, kb, AS_OF), "icj")
    assert icj.status is status, text(icj)
    for word in words:
        assert word in text(icj)
    if status is AVAILABLE:
        assert icj.candidate_states == ("XC", "XD")


@pytest.mark.parametrize(
    ("responsibility", "status"), [(True, AVAILABLE), (None, CONDITIONAL), (False, UNAVAILABLE)]
)
def test_it_asks_whether_state_conduct_is_at_issue(
    responsibility: bool | None, status: ForumStatus
) -> None:
    kb = tiny_kb(treaty(GENOCIDE, party("XB", D(1960, 1, 1)), party("XC", D(1960, 1, 1))))
    situation = facts(
        ["genocide"], perpetrator_nationalities=["XB"], state_responsibility=responsibility
    )
    assert finding(find_forums(situation, kb, AS_OF), "icj").status is status


@pytest.mark.parametrize(
    ("link", "located", "status", "basis"),
    [
        ("none", [], AVAILABLE, "universal:none"),
        ("presence", ["XZ"], AVAILABLE, "universal:presence"),
        ("presence", [], CONDITIONAL, "universal:presence"),  # presence required and absent
        ("presence_or_residence", ["XZ"], AVAILABLE, "universal:presence_or_residence"),
        ("residence", ["XZ"], CONDITIONAL, "universal:residence"),  # a visit is not residence
        ("residence", [], CONDITIONAL, "universal:residence"),
        (None, ["XZ"], UNAVAILABLE, None),  # no universal jurisdiction at all
    ],
)
def test_it_checks_the_universal_jurisdiction_link(
    link: str | None, located: list[str], status: ForumStatus, basis: str | None
) -> None:
    kb = tiny_kb(jurisdiction("XZ", link=link))
    situation = facts(perpetrator_nationalities=["XA"], suspect_locations=located)
    court = finding(find_forums(situation, kb, AS_OF), "national:XZ")
    assert court.status is status, text(court)
    if basis:
        assert basis in court.bases


def test_it_uses_nationality_and_passive_personality() -> None:
    kb = tiny_kb(jurisdiction("XZ", link=None, active=True, passive=True))
    by_perpetrator = facts(perpetrator_nationalities=["XZ"])
    assert finding(find_forums(by_perpetrator, kb, AS_OF), "national:XZ").bases == (
        "nationality:XZ",
    )
    by_victim = facts(perpetrator_nationalities=["XA"], victim_nationalities=["XZ"])
    court = finding(find_forums(by_victim, kb, AS_OF), "national:XZ")
    assert court.status is AVAILABLE
    assert court.bases == ("passive_personality:XZ",)


def test_it_refuses_crimes_its_law_does_not_cover() -> None:
    kb = tiny_kb(jurisdiction("XZ", crimes=["genocide"]))
    court = finding(find_forums(facts(["aggression"]), kb, AS_OF), "national:XZ")
    assert court.status is UNAVAILABLE
    assert "does not make aggression" in text(court)


@pytest.mark.parametrize(
    ("start", "end", "status", "condition"),
    [
        (D(2000, 1, 1), D(2001, 12, 31), UNAVAILABLE, False),  # wholly before the law
        (D(2001, 1, 1), D(2003, 1, 1), AVAILABLE, True),  # straddles it
        (D(2002, 6, 30), D(2003, 1, 1), AVAILABLE, False),  # starts on its first day
    ],
)
def test_it_applies_national_temporal_limits(
    start: dt.date, end: dt.date, status: ForumStatus, condition: bool
) -> None:
    kb = tiny_kb(jurisdiction("XZ", not_before=D(2002, 6, 30)))
    court = finding(find_forums(facts(start=start, end=end), kb, AS_OF), "national:XZ")
    assert court.status is status
    assert any("applies from 2002-06-30" in c for c in court.conditions) is condition


@pytest.mark.parametrize(
    ("roles", "nationality", "status", "says"),
    [
        (["head_of_state"], "XA", CONDITIONAL, "until they leave office"),
        (["head_of_state", "military_commander"], "XA", AVAILABLE, "other suspects"),
        (["foreign_minister"], "XZ", AVAILABLE, None),  # its own courts: no foreign immunity
        (["former_leader"], "XA", AVAILABLE, None),  # personal immunity ends with office
    ],
)
def test_it_applies_personal_immunities_before_foreign_courts(
    roles: list[str], nationality: str, status: ForumStatus, says: str | None
) -> None:
    kb = tiny_kb(jurisdiction("XZ"))
    situation = facts(perpetrator_nationalities=[nationality], suspect_roles=roles)
    court = finding(find_forums(situation, kb, AS_OF), "national:XZ")
    assert court.status is status, text(court)
    immunity = [c for c in court.conditions if "Personal immunity" in c]
    assert (says is not None and says in immunity[0]) if immunity else says is None


def test_it_does_not_let_immunities_bar_the_icc() -> None:
    kb = tiny_kb(treaty(ROME, party("XA", D(2003, 1, 1))))
    situation = facts(suspect_roles=["head_of_state"], perpetrator_nationalities=["XA"])
    icc = finding(find_forums(situation, kb, AS_OF), "icc")
    assert icc.status is AVAILABLE
    assert "art. 27" in text(icc)


def test_it_turns_victim_participation_into_roles() -> None:
    kb = tiny_kb(jurisdiction("XZ", participation=["private_accessory_prosecutor"]))
    court = finding(find_forums(facts(), kb, AS_OF), "national:XZ")
    assert court.victim_roles == (VictimRole.CIVIL_PARTY, VictimRole.WITNESS)


@pytest.mark.parametrize(
    ("effective", "start", "status"),
    [
        (D(2022, 9, 16), D(2022, 2, 24), AVAILABLE),
        (D(2022, 9, 16), D(2022, 9, 16), UNAVAILABLE),  # the day it ceased to be a party
    ],
)
def test_it_reads_regional_court_membership(
    effective: dt.date, start: dt.date, status: ForumStatus
) -> None:
    kb = tiny_kb(treaty("echr", party("XB", D(1998, 5, 5), effective=effective)))
    situation = facts(
        start=start, end=D(2023, 1, 1), perpetrator_nationalities=["XB"], state_responsibility=True
    )
    assert finding(find_forums(situation, kb, AS_OF), "ecthr").status is status


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2020, 6, 1), AVAILABLE),  # the withdrawal has not yet taken effect
        (D(2021, 3, 24), CONDITIONAL),  # twelve months later: through the Commission only
    ],
)
def test_it_lets_african_court_declarations_lapse_a_year_after_withdrawal(
    today: dt.date, status: ForumStatus
) -> None:
    member = party(
        "XB", D(2004, 1, 25), declarations=["art_34_6"], declaration_withdrawn=D(2020, 3, 24)
    )
    kb = tiny_kb(treaty("afchpr_protocol", member))
    situation = facts(
        start=D(2019, 1, 1),
        end=D(2019, 6, 1),
        perpetrator_nationalities=["XB"],
        state_responsibility=True,
    )
    assert finding(find_forums(situation, kb, today), "afchpr").status is status


def test_it_skips_regional_courts_the_state_never_joined() -> None:
    kb = tiny_kb(treaty("echr", party("XC", D(1990, 1, 1))))
    situation = facts(perpetrator_nationalities=["XB"], state_responsibility=True)
    assert "ecthr" not in {f.id for f in find_forums(situation, kb, AS_OF)}


def test_it_says_legal_information_not_advice() -> None:
    assert "legal information, not legal advice" in LEGAL_INFORMATION_NOTICE


@pytest.mark.parametrize(
    ("declarations", "status", "basis"),
    [
        (["art_31"], AVAILABLE, "individual_complaint:XB"),
        ([], AVAILABLE, "urgent_action:XB"),  # families can still ask for a search (art. 30)
    ],
)
def test_it_opens_the_disappearances_committee(
    declarations: list[str], status: ForumStatus, basis: str
) -> None:
    kb = tiny_kb(treaty("cped", party("XB", D(2011, 1, 1), declarations=declarations)))
    situation = facts(
        ["enforced_disappearance"], perpetrator_nationalities=["XB"], state_responsibility=True
    )
    committee = finding(find_forums(situation, kb, AS_OF), "treaty_body:ced_committee")
    assert committee.status is status
    assert committee.bases == (basis,)


@pytest.mark.parametrize(
    ("declarations", "status"), [(["art_22"], AVAILABLE), (["art_21"], UNAVAILABLE)]
)
def test_it_needs_the_article_22_declaration_for_torture_complaints(
    declarations: list[str], status: ForumStatus
) -> None:
    kb = tiny_kb(treaty("cat", party("XB", D(1990, 1, 1), declarations=declarations)))
    situation = facts(["torture"], perpetrator_nationalities=["XB"], state_responsibility=True)
    assert finding(find_forums(situation, kb, AS_OF), "treaty_body:cat_committee").status is status


def test_it_ignores_an_art_12_3_declaration_that_never_took_effect() -> None:
    """Palestine's 2009 declaration could not be acted on (OTP decision of 3 April 2012)."""
    from powermap.domain.forums import Crime, Facts, Period

    facts = Facts(crimes=(Crime.WAR_CRIMES,), territory=("PS",),
                  period=Period(dt.date(2008, 12, 27), dt.date(2009, 1, 18)))  # fmt: skip
    icc = next(
        f for f in find_forums(facts, load_knowledge(), dt.date(2026, 11, 25)) if f.id == "icc"
    )
    assert icc.status != "available"


def test_it_warns_when_not_a_party_rests_on_an_incomplete_list() -> None:
    applicant = party("XC", D(1960, 1, 1))
    situation = facts(["genocide"], perpetrator_nationalities=["XB"], state_responsibility=True)
    whole = treaty(GENOCIDE, applicant)
    short = whole.model_copy(
        update={"parties_reported": PartyCount(count=3, as_of=AS_OF, source=SOURCE)}
    )
    assert "incomplete" not in text(finding(find_forums(situation, tiny_kb(whole), AS_OF), "icj"))
    icj = finding(find_forums(situation, tiny_kb(short), AS_OF), "icj")
    assert icj.status is UNAVAILABLE
    assert "XB is not a party" in text(icj)
    assert "is incomplete (2 parties are not identified)" in text(icj)


def test_it_reads_security_council_referrals_from_the_knowledge_base() -> None:
    referral = Referral(resolution="S/RES/9999 (2030)", adopted=D(2030, 3, 1),
                        situation_from=D(2030, 1, 1), states=["XA"], scope="the situation in XA",
                        source=SOURCE)  # fmt: skip
    statute = treaty("rome_statute").model_copy(update={"security_council_referrals": [referral]})
    kb = tiny_kb(statute)
    covered = finding(find_forums(facts(start=D(2030, 2, 1), end=D(2030, 6, 1)), kb, AS_OF), "icc")
    assert covered.status is AVAILABLE
    assert "unsc_referral:S/RES/9999 (2030)" in covered.bases
    before = finding(find_forums(facts(start=D(2029, 1, 1), end=D(2029, 6, 1)), kb, AS_OF), "icc")
    assert before.status is not AVAILABLE  # the situation starts after these crimes


def test_it_offers_a_un_country_regime_only_for_its_country(kb: KnowledgeBase) -> None:
    darfur = facts(["genocide"], territory=["SD"], perpetrator_nationalities=["SD"])
    found = {f.id: f for f in find_forums(darfur, kb, AS_OF)}
    assert "country_sanctions:unsc" in found["sanctions:un_sudan_1591"].bases
    assert "Sudan (SD)" in text(found["sanctions:un_sudan_1591"])
    assert "sanctions:un_libya_1970" not in found
    assert "sanctions:un_sanctions_committees" not in found  # a description, not a regime
    syria = {f.id for f in find_forums(SYRIA, kb, AS_OF)}
    assert not {i for i in syria if i.startswith("sanctions:un_")}


# --- the period of conduct a mechanism's mandate covers ---------------------------------

MECHANISM_WORKS_FROM = D(2000, 1, 1)


def mechanism(
    mechanism_id: str = "xt",
    *,
    mechanism_type: str = "hybrid_tribunal",
    crimes_from: dt.date | None = None,
    crimes_to: dt.date | None = None,
    operational_from: dt.date | None = MECHANISM_WORKS_FROM,
) -> Mechanism:
    """A mechanism for crimes against humanity in XA, working since 2000."""
    return Mechanism.model_validate(
        {
            "id": mechanism_id,
            "name": {"en": f"Tribunal {mechanism_id.upper()}"},
            "description": "A mechanism for tests.",
            "mechanism_type": mechanism_type,
            "created_by": "agreement",
            "instrument": "Agreement for tests",
            "date": D(1999, 1, 1),
            "operational_from": operational_from,
            "situation": ["XA"],
            "crimes": ["crimes_against_humanity"],
            "crimes_from": crimes_from,
            "crimes_to": crimes_to,
            "mandate": "Tries crimes in XA.",
            "shares_evidence": True,
            "victim_roles": ["witness"],
            "sources": [SOURCE],
            "as_of": AS_OF,
        }
    )


def mechanism_kb(*mechanisms: Mechanism) -> KnowledgeBase:
    """A knowledge base holding only these mechanisms."""
    return KnowledgeBase.build({"mechanism": {m.id: m for m in mechanisms}}, {}, {})


@pytest.mark.parametrize(
    ("start", "end", "status", "says"),
    [
        # wholly after the mandate (the ICTR's 1994 for crimes of 2010): listed, unavailable
        (D(2010, 1, 1), D(2010, 12, 31), UNAVAILABLE,
         "The mandate of the Tribunal XT covers only conduct 1994-01-01 to 1994-12-31; the whole "
         "period of these facts is outside it."),
        # wholly before it
        (D(1990, 1, 1), D(1993, 12, 31), UNAVAILABLE, "covers only conduct 1994-01-01 to"),
        # straddling its start: the covered part is named
        (D(1993, 10, 1), D(1994, 7, 15), AVAILABLE,
         "The Tribunal XT covers conduct 1994-01-01 to 1994-07-15; the rest of the period is "
         "outside its mandate."),
        # straddling its end, ongoing
        (D(1994, 4, 7), None, AVAILABLE, "covers conduct 1994-04-07 to 1994-12-31; the rest"),
        # inside it: no condition
        (D(1994, 4, 7), D(1994, 7, 15), AVAILABLE, None),
    ],
)  # fmt: skip
def test_it_applies_a_tribunal_s_period_of_conduct(
    start: dt.date, end: dt.date | None, status: ForumStatus, says: str | None
) -> None:
    kb = mechanism_kb(mechanism(crimes_from=D(1994, 1, 1), crimes_to=D(1994, 12, 31)))
    found = finding(find_forums(facts(start=start, end=end), kb, AS_OF), "xt")
    assert found.status is status, text(found)
    assert "mandate:xt" in found.bases
    period = [line for line in (*found.conditions, *found.reasons) if "covers" in line]
    assert (says is not None and says in period[0]) if period else says is None


@pytest.mark.parametrize(
    ("start", "end", "offered", "condition"),
    [
        (D(2005, 1, 1), None, True, "covers conduct from 2011-01-01; the rest of the period"),
        (D(2005, 1, 1), D(2012, 6, 30), True, "covers conduct 2011-01-01 to 2012-06-30;"),
        (D(2017, 8, 25), None, True, None),  # all inside an open-ended mandate
        (D(2005, 1, 1), D(2010, 12, 31), False, None),  # wholly before: not offered
    ],
)
def test_it_offers_a_related_mechanism_only_for_the_period_it_covers(
    start: dt.date, end: dt.date | None, offered: bool, condition: str | None
) -> None:
    kb = mechanism_kb(
        mechanism(mechanism_type="investigative_mechanism", crimes_from=D(2011, 1, 1))
    )
    found = {f.id: f for f in find_forums(facts(start=start, end=end), kb, AS_OF)}
    assert ("mechanism:xt" in found) is offered
    if offered:
        related = found["mechanism:xt"]
        assert related.status is AVAILABLE
        period = [c for c in related.conditions if "covers conduct" in c]
        assert (condition is not None and condition in period[0]) if period else condition is None


def test_it_ignores_the_period_where_the_record_sets_none() -> None:
    kb = mechanism_kb(mechanism(mechanism_type="investigative_mechanism"))
    related = finding(find_forums(facts(start=D(1950, 1, 1), end=None), kb, AS_OF), "mechanism:xt")
    assert related.status is AVAILABLE
    assert not [c for c in related.conditions if "covers conduct" in c]


def test_it_says_until_when_only_the_end_of_a_mandate_is_recorded() -> None:
    kb = mechanism_kb(mechanism(crimes_to=D(2000, 12, 31)))
    found = finding(find_forums(facts(start=D(2005, 1, 1), end=D(2005, 2, 1)), kb, AS_OF), "xt")
    assert found.status is UNAVAILABLE
    assert "covers only conduct until 2000-12-31" in text(found)


def test_it_rejects_a_mandate_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="`crimes_to` .* is before `crimes_from`"):
        mechanism(crimes_from=D(2011, 1, 1), crimes_to=D(2010, 1, 1))


def test_it_reads_mandate_periods_from_the_knowledge_base(kb: KnowledgeBase) -> None:
    """Rwanda 2010 is outside the ICTR's 1994, and the IRMCT cannot indict anyone new;
    the IIMM covers Myanmar from 2011, so not 2005-2009, and fully from 2017."""
    rwanda_2010 = facts(["genocide"], ["RW"], D(2010, 1, 1), D(2010, 12, 31))
    found = {f.id: f for f in find_forums(rwanda_2010, kb, AS_OF)}
    assert found["ictr"].status is UNAVAILABLE
    assert "covers only conduct 1994-01-01 to 1994-12-31" in text(found["ictr"])
    assert found["irmct"].status is not AVAILABLE
    assert "new indictments" in text(found["irmct"])
    myanmar = facts(["genocide"], ["MM"], D(2017, 8, 25), None)
    iimm = finding(find_forums(myanmar, kb, AS_OF), "mechanism:iimm")
    assert iimm.status is AVAILABLE
    assert not [c for c in iimm.conditions if "covers conduct" in c]
    before = facts(["genocide"], ["MM"], D(2005, 1, 1), D(2009, 12, 31))
    assert "mechanism:iimm" not in {f.id for f in find_forums(before, kb, AS_OF)}
    straddling = facts(["genocide"], ["MM"], D(2005, 1, 1), None)
    iimm = finding(find_forums(straddling, kb, AS_OF), "mechanism:iimm")
    assert any("covers conduct from 2011-01-01" in c for c in iimm.conditions)
