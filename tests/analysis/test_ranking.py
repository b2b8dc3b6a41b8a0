"""The target ranking on tiny hand-built maps (with the shipped knowledge base)."""

from __future__ import annotations

import datetime as dt

import pytest

from powermap.analysis.ranking import MOVABILITY, rank_targets
from powermap.domain.actors import Actor, Ask, Assessment, Relationship, WorkspaceContent
from powermap.domain.strategy import Ranking, TargetingOptions, TargetRole
from powermap.domain.vocab import ActorKind as K
from powermap.domain.vocab import RelationType as T
from powermap.knowledge import KnowledgeBase, load_knowledge

DAY = dt.date(2026, 11, 25)
US = Actor("us", "Survivors", K.VICTIM_GROUP)
DECIDE = Ask("decide", "public_statement", "A statement")  # decided by named actors below
UNSC = Ask("referral", "icc_referral_unsc", "Referral", body="unsc")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def actor(actor_id: str, kind: K = K.PERSON, tags: tuple[str, ...] = ()) -> Actor:
    return Actor(actor_id, actor_id.upper(), kind, tags=tags)


def stance(actor_id: str, value: int, ask: str | None = None) -> Assessment:
    return Assessment(actor_id, None, value, dt.date(2026, 1, 1), ask=ask)


def rank(
    kb: KnowledgeBase,
    actors: list[Actor],
    relationships: list[Relationship] = (),  # type: ignore[assignment]
    assessments: list[Assessment] = (),  # type: ignore[assignment]
    ask: Ask = DECIDE,
    **options: object,
) -> Ranking:
    content = WorkspaceContent("w", actors=(US, *actors), relationships=tuple(relationships),
                               assessments=tuple(assessments), asks=(ask,))  # fmt: skip
    return rank_targets(content, ask, kb, TargetingOptions(on=DAY, **options))  # type: ignore[arg-type]


def order(ranking: Ranking) -> list[str]:
    return [t.actor for t in ranking.targets]


def test_it_ranks_movable_deciders_above_hard_opponents(kb: KnowledgeBase) -> None:
    people = [actor(f"d{s + 2}") for s in range(-2, 2)]
    ranking = rank(
        kb, people,
        [Relationship("us", p.id, T.KNOWS, 0.5) for p in people],
        [stance(p.id, s) for p, s in zip(people, range(-2, 2), strict=True)],
        deciders=tuple(p.id for p in people),
    )  # fmt: skip
    # stance 0 (1.0) > +1 (0.6) > -1 (0.5) > -2 (0.1)
    assert order(ranking) == ["d2", "d3", "d1", "d0"]
    assert [t.factor("movability").value for t in ranking.targets] == [1.0, 0.6, 0.5, 0.1]


def test_it_lists_champions_as_allies_not_targets(kb: KnowledgeBase) -> None:
    ranking = rank(kb, [actor("champ"), actor("maybe")], [],
                   [stance("champ", 2), stance("maybe", 0)], deciders=("champ", "maybe"))  # fmt: skip
    assert order(ranking) == ["maybe"]
    assert [a.actor for a in ranking.allies] == ["champ"]
    assert "Champion" in ranking.allies[0].reasons[0]


def test_it_never_targets_our_own_group(kb: KnowledgeBase) -> None:
    partner = actor("partner", K.NGO, tags=("coalition",))
    ranking = rank(kb, [partner, actor("d")], deciders=("partner", "d", "us"))
    assert order(ranking) == ["d"]
    assert set(ranking.own_group) == {"us", "partner"}


def test_it_scores_with_the_documented_formula(kb: KnowledgeBase) -> None:
    ranking = rank(kb, [actor("a"), actor("d")],
                   [Relationship("us", "a", T.KNOWS, 0.8), Relationship("a", "d", T.KNOWS, 0.5)],
                   [stance("d", -1)], deciders=("d",))  # fmt: skip
    target = ranking.targets[0]
    assert target.actor == "d"
    expected = 1.0**0.5 * MOVABILITY[-1] ** 0.3 * 0.4**0.2
    assert target.score == pytest.approx(expected, abs=1e-4)
    assert target.factor("reachability").value == pytest.approx(0.4)
    assert f"Score {expected:.2f} = leverage 1.00^0.5 x movability 0.50^0.3" in target.reasons[-1]
    assert target.paths[0].actor_ids == ("us", "a", "d")


def test_it_keeps_an_unreachable_decider_with_advice(kb: KnowledgeBase) -> None:
    ranking = rank(kb, [actor("far")], deciders=("far",))
    target = ranking.targets[0]
    assert target.paths == ()
    assert target.factor("reachability").value == 0.0
    assert any("No known path" in r for r in target.reasons)
    assert target.score == pytest.approx(1.0**0.5 * 0.8**0.3 * 0.05**0.2, abs=1e-4)


@pytest.mark.parametrize(
    ("pins", "exclusions", "expected"),
    [
        ((), (), ["d1", "d2", "d3"]),
        (("d3",), (), ["d3", "d1", "d2"]),
        (("x", "d2"), (), ["x", "d2", "d1", "d3"]),  # a pin without leverage still comes first
        ((), ("d1",), ["d2", "d3"]),
        (("d2",), ("d2",), ["d1", "d3"]),  # exclusion wins over a pin
    ],
)
def test_it_respects_pins_and_exclusions(
    kb: KnowledgeBase, pins: tuple[str, ...], exclusions: tuple[str, ...], expected: list[str]
) -> None:
    people = [actor("d1"), actor("d2"), actor("d3"), actor("x")]
    strengths = {"d1": 0.9, "d2": 0.6, "d3": 0.3, "x": 0.9}
    ranking = rank(
        kb, people, [Relationship("us", p, T.KNOWS, s) for p, s in strengths.items()],
        deciders=("d1", "d2", "d3"), pins=pins, exclusions=exclusions,
    )  # fmt: skip
    assert order(ranking) == expected
    assert all(t.pinned == (t.actor in pins) for t in ranking.targets)


def test_it_cuts_the_list_at_the_limit_after_the_pins(kb: KnowledgeBase) -> None:
    people = [actor(f"d{i}") for i in range(5)]
    ranking = rank(kb, people, deciders=tuple(p.id for p in people), pins=("d4",), limit=3)
    assert order(ranking) == ["d4", "d0", "d1"]  # equal scores: by id


def test_it_gives_influencers_leverage_through_whom_they_influence(kb: KnowledgeBase) -> None:
    people = [actor("d"), actor("aide"), actor("friend"), actor("champ"), actor("fan")]
    ranking = rank(
        kb, people,
        [Relationship("aide", "d", T.WORKS_FOR, 0.9),
         Relationship("friend", "aide", T.INFLUENCES, 0.5),
         Relationship("fan", "champ", T.INFLUENCES, 1.0)],
        [stance("d", 0), stance("champ", 2)],
        deciders=("d", "champ"),
    )  # fmt: skip
    by_id = {t.actor: t for t in ranking.targets}
    assert by_id["aide"].role is TargetRole.INFLUENCER
    assert by_id["aide"].factor("leverage").value == pytest.approx(0.9)
    assert by_id["friend"].factor("leverage").value == pytest.approx(0.45)  # two steps
    assert "works for D (0.90)" in by_id["aide"].reasons[0]
    assert "fan" not in by_id  # a champion needs no persuading, nor its influencer


def test_it_forecasts_the_council_and_gives_vetoes_and_votes(kb: KnowledgeBase) -> None:
    states = [actor(s, K.STATE) for s in ("state:CN", "state:DK", "state:DE")]
    ranking = rank(kb, states, [], [stance("state:CN", -2, ask="referral"), stance("state:CN", 1)],
                   ask=UNSC, limit=50)  # fmt: skip
    by_id = {t.actor: t for t in ranking.targets}
    assert ranking.forecast is not None
    assert ranking.forecast.veto_risk == ("state:CN",)  # the ask-specific stance wins
    assert by_id["state:CN"].role is TargetRole.VETO
    assert by_id["state:DK"].role is TargetRole.VOTER
    assert "state:DE" not in by_id  # not a member: no vote, and no influence mapped
    assert "body:unsc" not in by_id
    assert len([t for t in ranking.targets if t.role is TargetRole.VETO]) == 5


def test_it_marks_pivotal_voters_of_an_open_vote(kb: KnowledgeBase) -> None:
    hrc = Ask("res", "un_resolution_naming_perpetrators", "Resolution", body="hrc")
    ghana = Actor("state:GH", "", K.STATE, reference=True)
    ranking = rank(kb, [ghana], [], [stance("state:GH", 0)], ask=hrc, limit=60)
    ghana = next(t for t in ranking.targets if t.actor == "state:GH")
    assert ranking.forecast is not None and "state:GH" in ranking.forecast.pivotal
    assert ghana.factor("leverage").value == pytest.approx(0.8)
    assert ghana.reasons[0].startswith("Pivotal voter")
    assert ghana.name == "Ghana"  # named from the knowledge base when the map has no name


def test_it_finds_deciders_by_kind_when_the_ask_names_no_body(kb: KnowledgeBase) -> None:
    uj = Ask("uj", "universal_jurisdiction_complaint", "Complaint")
    ranking = rank(kb, [actor("pros", K.PROSECUTOR), actor("ngo", K.NGO)], ask=uj)
    assert order(ranking) == ["pros"]
    assert ranking.targets[0].role is TargetRole.DECIDER


def test_it_counts_implementers_that_report_to_the_decider(kb: KnowledgeBase) -> None:
    ranking = rank(kb, [actor("d"), actor("unit", K.MECHANISM)],
                   [Relationship("unit", "d", T.REPORTS_TO, 0.5)], deciders=("d",))  # fmt: skip
    unit = next(t for t in ranking.targets if t.actor == "unit")
    assert unit.role is TargetRole.IMPLEMENTER


def test_it_counts_assessed_influence_at_a_share(kb: KnowledgeBase) -> None:
    ranking = rank(kb, [actor("loud"), actor("d")], [],
                   [Assessment("loud", 4, 0, DAY, ask="decide")], deciders=("d",))  # fmt: skip
    loud = next(t for t in ranking.targets if t.actor == "loud")
    assert loud.factor("leverage").value == pytest.approx(0.4)
    assert "for this ask at 4/5" in loud.reasons[0]


def test_it_gives_each_target_arguments_that_apply(kb: KnowledgeBase) -> None:
    ranking = rank(kb, [actor("state:DE", K.STATE)], deciders=("state:DE",))
    ids = [a.id for a in ranking.targets[0].arguments]
    assert ids and len(ids) <= 3
    assert all(a.why for a in ranking.targets[0].arguments)


def test_it_makes_a_body_of_individuals_the_decider(kb: KnowledgeBase) -> None:
    ask = Ask("views", "public_statement", "Views", body="cat_committee")
    ranking = rank(kb, [actor("body:cat_committee", K.IGO_ORGAN)], ask=ask)
    assert ranking.forecast is None
    assert [(t.actor, t.role) for t in ranking.targets] == [
        ("body:cat_committee", TargetRole.DECIDER)
    ]
