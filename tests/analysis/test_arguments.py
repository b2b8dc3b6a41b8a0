"""Choosing arguments: each condition shape, the state an actor stands for, the order."""

from __future__ import annotations

import datetime as dt

import pytest

from powermap.analysis.arguments import (
    ArgumentContext,
    Subject,
    choose_arguments,
    condition_holds,
    histories,
    make_subject,
)
from powermap.domain.actors import Actor, Assessment, Relationship
from powermap.domain.strategy import StanceView
from powermap.domain.vocab import ActorKind as K
from powermap.domain.vocab import RelationType as T
from powermap.knowledge import KnowledgeBase, load_knowledge
from powermap.knowledge.models import Condition

DAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def subject(
    actor_id: str,
    kind: K = K.STATE,
    *,
    stance: int | None = None,
    tags: tuple[str, ...] = (),
    links: tuple[Relationship, ...] = (),
    history: tuple[Assessment, ...] = (),
) -> Subject:
    actor = Actor(actor_id, actor_id, kind, tags=tags)
    return make_subject(actor, name=actor_id, kind=kind.value,
                        stance=StanceView(actor_id, stance), links=links, history=history)  # fmt: skip


def holds(kb: KnowledgeBase, condition: dict[str, object], who: Subject) -> str | None:
    context = ArgumentContext(kb, DAY, "icj_case")
    return condition_holds(Condition.model_validate(condition), who, context)


PAST = (Assessment("state:US", None, 1, dt.date(2022, 3, 21), source_ref="determination"),)


@pytest.mark.parametrize(
    ("condition", "who", "expected"),
    [
        ({"treaty": "rome_statute", "status": "party"}, subject("state:DE"), "party to the Rome"),
        ({"treaty": "rome_statute", "status": "party"}, subject("state:US"), None),
        ({"treaty": "rome_statute", "status": "signatory"}, subject("state:US"), "signatory"),
        ({"treaty": "cped", "declaration": "art_31"}, subject("state:FR"), "art_31 declaration"),
        ({"treaty": "cped", "declaration": "art_31"}, subject("state:DE"), None),
        ({"member_of": "eu"}, subject("state:DE"), "member of"),
        ({"member_of": "eu"}, subject("state:US"), None),
        ({"member_of": "eu"},
         subject("ngo", K.NGO, links=(Relationship("ngo", "org:eu", T.MEMBER_OF),)),
         "your map records it"),
        ({"body_member": "unsc"}, subject("state:FR"), "permanent member"),
        ({"body_member": "unsc"}, subject("state:DE"), None),
        ({"actor_kind": ["parliament"]}, subject("bundestag", K.PARLIAMENT), "of kind Parliament"),
        ({"actor_kind": ["parliament"]}, subject("state:DE"), None),
        ({"regional_group": "WEOG"}, subject("state:DE"), "WEOG regional group"),
        ({"regional_group": "African"}, subject("state:DE"), None),
        ({"has_tag": "diaspora"}, subject("state:DE", tags=("diaspora",)), "tagged 'diaspora'"),
        ({"has_tag": "diaspora"}, subject("state:DE"), None),
        ({"stance_at_least": 0}, subject("state:DE", stance=0), "at least +0"),
        ({"stance_at_least": 1}, subject("state:DE", stance=0), None),
        ({"stance_at_least": 0}, subject("state:DE"), None),  # unknown is not enough
        ({"past_position": "supportive"}, subject("state:US", history=PAST), "determination"),
        ({"past_position": "opposed"}, subject("state:US", history=PAST), None),
    ],
)  # fmt: skip
def test_it_checks_each_condition(
    kb: KnowledgeBase, condition: dict[str, object], who: Subject, expected: str | None
) -> None:
    reason = holds(kb, condition, who)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason


def test_it_checks_state_conditions_on_the_state_a_person_works_for(kb: KnowledgeBase) -> None:
    desk = subject("desk", K.PERSON, links=(Relationship("desk", "state:DE", T.WORKS_FOR, 0.9),))
    reason = holds(kb, {"treaty": "rome_statute", "status": "party"}, desk)
    assert reason is not None and "Germany" in reason and "works for state:DE" in reason
    lone = subject("ngo", K.NGO)
    assert holds(kb, {"treaty": "rome_statute", "status": "party"}, lone) is None


def test_it_uses_only_arguments_made_for_the_ask_kind(kb: KnowledgeBase) -> None:
    france = subject("state:FR")
    icj = [a.id for a in choose_arguments(france, ArgumentContext(kb, DAY, "icj_case"), 50)]
    unsc = [
        a.id for a in choose_arguments(france, ArgumentContext(kb, DAY, "icc_referral_unsc"), 50)
    ]
    assert "genocide_convention_erga_omnes_standing" in icj
    assert "genocide_convention_erga_omnes_standing" not in unsc
    assert "unsc_member_primary_responsibility" in unsc


def test_it_puts_arguments_for_the_ask_kind_and_legal_obligations_first(kb: KnowledgeBase) -> None:
    chosen = choose_arguments(subject("state:DE"), ArgumentContext(kb, DAY, "icj_case"), 50)
    kinds = [(bool(kb.arguments[a.id].ask_kinds), a.kind) for a in chosen]
    specific = [k for s, k in kinds if s]
    assert kinds == sorted(kinds, key=lambda k: not k[0]) and specific[0] == "legal_obligation"


def test_it_writes_the_actor_into_the_argument_and_says_why(kb: KnowledgeBase) -> None:
    chosen = choose_arguments(subject("state:DE"), ArgumentContext(kb, DAY, "icj_case"), 3)
    assert len(chosen) == 3
    assert all("{actor}" not in a.text for a in chosen)
    assert all(a.why for a in chosen)


def test_it_collects_each_actors_assessments(kb: KnowledgeBase) -> None:
    assessments = [
        Assessment("a", 1, 1, DAY),
        Assessment("b", 1, 1, DAY),
        Assessment("a", 2, 0, DAY),
    ]
    found = histories(assessments, ["a", "c"])
    assert [a.influence for a in found["a"]] == [1, 2]
    assert found["c"] == ()


def test_it_names_the_state_when_the_argument_holds_through_it(kb: KnowledgeBase) -> None:
    envoy = subject("Ms Envoy", K.PERSON,
                    links=(Relationship("Ms Envoy", "state:FR", T.REPRESENTS, 0.9),))  # fmt: skip
    unsc = ArgumentContext(kb, DAY, "icc_referral_unsc")
    chosen = {a.id: a for a in choose_arguments(envoy, unsc, 50)}
    council = chosen["unsc_member_primary_responsibility"]
    assert council.text.startswith("France is a member of the Security Council")
    assert "represents state:FR" in council.why


def test_it_names_the_actor_when_the_map_records_its_own_membership(kb: KnowledgeBase) -> None:
    seat = Relationship("Delegation", "body:unsc", T.MEMBER_OF, 1.0)
    works = Relationship("Delegation", "state:FR", T.WORKS_FOR, 0.9)
    delegation = subject("Delegation", K.GOVERNMENT_AGENCY, links=(seat, works))
    chosen = choose_arguments(delegation, ArgumentContext(kb, DAY, "icc_referral_unsc"), 50)
    council = next(a for a in chosen if a.id == "unsc_member_primary_responsibility")
    assert council.text.startswith("Delegation is a member of the Security Council")
