"""Strongest paths on tiny hand-built maps, and agreement with networkx on random ones."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from powermap.analysis.paths import (
    BOTH_WAYS,
    HOP_COST,
    NOT_A_CHANNEL,
    _HashLookup,
    best_paths,
    build_map_graph,
    strongest_paths,
)
from powermap.domain.actors import Relationship
from powermap.domain.vocab import RelationType as T


def rel(source: str, target: str, type_: T = T.KNOWS, strength: float = 0.5) -> Relationship:
    return Relationship(source, target, type_, strength)


def reach_of(relationships: list[Relationship], own: tuple[str, ...] = ("us",)):  # type: ignore[no-untyped-def]
    actors = sorted({r.source for r in relationships} | {r.target for r in relationships})
    return strongest_paths(build_map_graph(actors, relationships), own)


def paths_to(relationships: list[Relationship], actor: str, most: int = 3) -> list[list[str]]:
    found = best_paths(reach_of(relationships), [actor], str, most)[actor]
    return [list(p.actor_ids) for p in found]


CHAIN = [
    rel("us", "a", strength=0.9),
    rel("a", "b", T.INFLUENCES, 0.8),
    rel("b", "c", T.WORKS_FOR, 0.5),
    rel("us", "c", T.KNOWS, 0.3),
]


@pytest.mark.parametrize(
    ("relationships", "actor", "strength", "path"),
    [
        # through three intermediaries beats a weak direct link: 0.9 x 0.8 x 0.5 = 0.36
        (CHAIN, "c", 0.36, ["us", "a", "b", "c"]),
        (CHAIN, "b", 0.72, ["us", "a", "b"]),
        # `influences` carries a message forwards only
        ([rel("x", "us", T.INFLUENCES, 0.9)], "x", 0.0, []),
        # `knows` carries it both ways
        ([rel("x", "us", T.KNOWS, 0.9)], "x", 0.9, ["us", "x"]),
        # a grantee has its funder's ear
        ([rel("donor", "us", T.FUNDS, 0.6)], "donor", 0.6, ["us", "donor"]),
        # opposition is not a channel
        ([rel("us", "x", T.OPPOSES, 1.0)], "x", 0.0, []),
        # strength 1 links, even in a loop, give strength 1
        ([rel("us", "a", T.KNOWS, 1.0), rel("a", "b", T.KNOWS, 1.0), rel("b", "a", T.KNOWS, 1.0)],
         "b", 1.0, ["us", "a", "b"]),
        # strength 0 carries nothing
        ([rel("us", "x", T.KNOWS, 0.0)], "x", 0.0, []),
    ],
)  # fmt: skip
def test_it_finds_the_strongest_path(
    relationships: list[Relationship], actor: str, strength: float, path: list[str]
) -> None:
    reach = reach_of(relationships)
    assert reach.strength_of(actor) == pytest.approx(strength, abs=1e-6)
    found = best_paths(reach, [actor], str)[actor]
    assert (list(found[0].actor_ids) if found else []) == path
    if found:
        assert found[0].strength == pytest.approx(strength, abs=1e-9)


def test_it_gives_an_unreachable_actor_no_path() -> None:
    relationships = [rel("us", "a"), rel("b", "c")]
    reach = reach_of(relationships)
    assert reach.strength_of("c") == 0.0
    assert best_paths(reach, ["c"], str)["c"] == ()
    assert reach.strength_of("nobody") == 0.0


def test_it_names_the_intermediaries() -> None:
    path = best_paths(reach_of(CHAIN), ["c"], str.upper)["c"][0]
    assert [s.name for s in path.intermediaries] == ["A", "B"]
    assert path.describe() == "US -> A (knows, 0.90) -> B (influences, 0.80) -> C (works for, 0.50)"


def test_it_starts_from_the_best_of_our_own_actors() -> None:
    relationships = [rel("us", "x", strength=0.2), rel("partner", "x", strength=0.7)]
    reach = reach_of(relationships, own=("us", "partner"))
    assert reach.strength_of("x") == pytest.approx(0.7)
    assert reach.strength_of("us") == reach.strength_of("partner") == 1.0


def test_it_offers_other_paths_through_other_intermediaries() -> None:
    relationships = [
        rel("us", "a", strength=0.9), rel("a", "t", strength=0.9),
        rel("us", "b", strength=0.8), rel("b", "t", strength=0.5),
        rel("us", "c", strength=0.6), rel("c", "t", strength=0.2),
    ]  # fmt: skip
    assert paths_to(relationships, "t") == [["us", "a", "t"], ["us", "b", "t"], ["us", "c", "t"]]
    assert paths_to(relationships, "t", most=2) == [["us", "a", "t"], ["us", "b", "t"]]


def test_it_never_offers_a_path_that_passes_through_the_target() -> None:
    relationships = [rel("us", "t", strength=0.9), rel("t", "x", strength=0.9),
                     rel("x", "t", T.INFLUENCES, 0.9)]  # fmt: skip
    assert paths_to(relationships, "t") == [["us", "t"]]


def test_it_adds_actors_named_only_by_relationships_and_drops_empty_ones() -> None:
    graph = build_map_graph(["us"], [rel("us", "new", strength=0.4), rel("us", "x", strength=0)])
    assert graph.ids == ("us", "new", "x")
    assert graph.source.tolist() == [0] and graph.target.tolist() == [1]


def test_it_falls_back_to_names_when_two_ids_share_a_hash() -> None:
    assert hash(-1) == hash(-2)  # CPython reserves -1, so both hash to -2
    assert _HashLookup.of([-1, -2]) is None  # type: ignore[list-item]
    assert _HashLookup.of(["a", "b"]) is not None


def _networkx_strengths(relationships: list[Relationship], own: list[str]) -> dict[str, float]:
    graph = nx.DiGraph()
    for r in relationships:
        if r.type in NOT_A_CHANNEL or r.strength <= 0:
            continue
        pairs = [(r.source, r.target)] + ([(r.target, r.source)] if r.type in BOTH_WAYS else [])
        for u, v in pairs:
            weight = -math.log(r.strength) + HOP_COST
            if not graph.has_edge(u, v) or graph[u][v]["weight"] > weight:
                graph.add_edge(u, v, weight=weight)
    graph.add_nodes_from(own)
    distances = nx.multi_source_dijkstra_path_length(graph, own)
    return {node: math.exp(-d) for node, d in distances.items()}


@pytest.mark.parametrize("seed", range(5))
def test_it_agrees_with_networkx_on_random_maps(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311  # reproducible test maps, not secrets
    actors = [f"a{i}" for i in range(60)]
    relationships = [
        rel(
            rng.choice(actors),
            rng.choice(actors),
            rng.choice(list(T)),
            rng.choice([0.1, 0.5, 0.9, 1.0]),
        )
        for _ in range(150)
    ]
    own = actors[:3]
    reach = strongest_paths(build_map_graph(actors, relationships), own)
    expected = _networkx_strengths(relationships, own)
    for actor in actors:
        assert reach.strength_of(actor) == pytest.approx(expected.get(actor, 0.0), abs=1e-6)
    for actor, paths in best_paths(reach, actors, str, 1).items():
        if paths:
            assert paths[0].strength == pytest.approx(expected[actor], abs=1e-6)
            assert paths[0].actor_ids[0] in own
