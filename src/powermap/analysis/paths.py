"""Strongest paths from the group's own actors to everyone else on the map.

A path's strength is the product of the strengths of its relationships, so the strongest
path is the shortest path when each relationship weighs -log(strength). The graph is
built once per call from arrays (no Python call per relationship inside igraph), and one
Dijkstra run from a virtual source joined to all of the group's own actors gives every
actor's best strength; the parent of each actor on a best path is read back from the
distances with array operations.

Which relationships carry a message: every type except `opposes`, from source to target
(the one who influences, represents, works for, is a member of or reports to something
has a way in to it); `knows`, `allied_with` and `funds` also carry it backwards (people
who know each other, allies, and a grantee who has its funder's ear).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import count, repeat
from operator import attrgetter
from typing import Any

import igraph as ig  # type: ignore[import-untyped]  # python-igraph ships no type hints
import numpy as np
import numpy.typing as npt

from powermap.domain.actors import Relationship
from powermap.domain.strategy import Path, PathStep
from powermap.domain.vocab import RelationType

TYPE_CODES: dict[RelationType, int] = {t: i for i, t in enumerate(RelationType)}
TYPES_BY_CODE: tuple[RelationType, ...] = tuple(RelationType)
NOT_A_CHANNEL = frozenset({RelationType.OPPOSES})
BOTH_WAYS = frozenset({RelationType.KNOWS, RelationType.ALLIED_WITH, RelationType.FUNDS})

# A tiny cost per hop: among equally strong paths the shorter wins, and relationships of
# strength 1 cannot form zero-cost cycles when parents are read back from distances.
HOP_COST = 1e-9
TIGHT = 1e-11

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class MapGraph:
    """The power map as arrays: actor ids by index, one row per usable relationship."""

    ids: tuple[str, ...]
    index: Mapping[str, int]
    source: IntArray
    target: IntArray
    type_code: npt.NDArray[np.int8]
    strength: FloatArray

    @property
    def size(self) -> int:
        return len(self.ids)

    def of_types(self, types: frozenset[RelationType]) -> BoolArray:
        """A mask of the relationships of these types."""
        codes = np.array([TYPE_CODES[t] for t in types], dtype=np.int8)
        return np.isin(self.type_code, codes)


def build_map_graph(actor_ids: Sequence[str], relationships: Sequence[Relationship]) -> MapGraph:
    """Index the actors and turn the relationships into arrays.

    Actors named only by a relationship are added after `actor_ids`. Relationships of
    strength 0 or less are left out (they carry nothing); strengths above 1 count as 1.
    Each field is read in one C-level pass (`map` with `attrgetter`), which creates no
    Python object per relationship, so the garbage collector stays idle on large maps.
    """
    index = dict(zip(dict.fromkeys(actor_ids), count()))
    ids = list(index)
    lookup = _HashLookup.of(ids)
    source = _indices(relationships, "source", index, ids, lookup)
    target = _indices(relationships, "target", index, ids, lookup)
    code = _type_codes(relationships)
    strengths = np.fromiter(map(attrgetter("strength"), relationships), np.float64,
                            len(relationships))  # fmt: skip
    strength = np.minimum(strengths, 1.0)
    keep = strength > 0
    return MapGraph(tuple(ids), index, source[keep], target[keep], code[keep], strength[keep])


@dataclass(frozen=True, slots=True)
class _HashLookup:
    """Actor indices found by the ids' hashes with array operations.

    A dictionary lookup per relationship end costs a cache miss or two at random places
    in memory; on a million relationships that is most of the time spent. Hashing the
    ids instead reads each string once, in order, and the search runs in numpy: the
    sorted hashes are split into buckets by their top bits (a quarter of an id per bucket
    on average), so most ends are found with one probe. It is used only when no two actor
    ids share a hash; an end whose hash matches no actor is looked up by name. (An id
    missing from the list could share its 64-bit hash with a listed one: the chance is
    about one in 10^14 per missing id on a 100,000-actor map.)
    """

    hashes: npt.NDArray[np.uint64]  # sorted
    order: IntArray  # the actor index of each sorted hash
    starts: IntArray  # where each bucket begins in `hashes`, plus the end
    shift: int

    @classmethod
    def of(cls, ids: Sequence[str]) -> _HashLookup | None:
        hashes = np.fromiter(map(hash, ids), np.int64, len(ids)).view(np.uint64)
        order = np.argsort(hashes, kind="stable")
        ordered = hashes[order]
        if ordered.size and (ordered[1:] == ordered[:-1]).any():
            return None  # a collision among the ids themselves: use the dictionary
        bits = max(int(ordered.size).bit_length() + 2, 1)
        shift = 64 - min(bits, 32)
        buckets = np.arange((1 << (64 - shift)) + 1, dtype=np.uint64)
        starts = np.searchsorted(ordered >> np.uint64(shift), buckets).astype(np.int64)
        return cls(ordered, order, starts, shift)

    def find(self, names: Iterable[str], size: int) -> IntArray:
        """Each name's index, or -1 where no actor has its hash."""
        wanted = np.fromiter(map(hash, names), np.int64, size).view(np.uint64)
        found = np.full(size, -1, np.int64)
        bucket = (wanted >> np.uint64(self.shift)).astype(np.int64)
        probe, end = self.starts[bucket], self.starts[bucket + 1]
        todo = np.flatnonzero(probe < end)
        while todo.size:
            at = probe[todo]
            hit = self.hashes[at] == wanted[todo]
            found[todo[hit]] = self.order[at[hit]]
            probe[todo] += 1
            todo = todo[~hit & (probe[todo] < end[todo])]
        return found


def _type_codes(relationships: Sequence[Relationship]) -> npt.NDArray[np.int8]:
    """The code of each relationship's type, matched by identity with the enum members.

    Enum members are singletons, so their `id` finds them without calling the enum's
    Python-level `__hash__` a million times; a type given as a plain string is looked up.
    """
    member_ids = np.array([id(t) for t in TYPES_BY_CODE], dtype=np.int64)
    order = np.argsort(member_ids)
    found = np.fromiter(map(id, map(attrgetter("type"), relationships)), np.int64,
                        len(relationships))  # fmt: skip
    at = np.minimum(np.searchsorted(member_ids[order], found), len(order) - 1)
    code = order[at].astype(np.int8)
    for i in np.flatnonzero(member_ids[order][at] != found).tolist():
        code[i] = TYPE_CODES[RelationType(relationships[i].type)]
    return code


def _indices(
    relationships: Sequence[Relationship],
    end: str,
    index: dict[str, int],
    ids: list[str],
    lookup: _HashLookup | None,
) -> IntArray:
    """The index of each relationship's `end` actor, adding actors not seen before."""
    names = map(attrgetter(end), relationships)
    if lookup is not None:
        found = lookup.find(names, len(relationships))
    else:
        found = np.fromiter(map(index.get, names, repeat(-1)), np.int64, len(relationships))
    for i in np.flatnonzero(found < 0).tolist():
        actor_id = getattr(relationships[i], end)
        if actor_id not in index:
            index[actor_id] = len(ids)
            ids.append(actor_id)
        found[i] = index[actor_id]
    return found


@dataclass(frozen=True, slots=True)
class Channels:
    """Directed channel edges: forward relationships plus the backward two-way ones."""

    source: IntArray
    target: IntArray
    strength: FloatArray
    relation: npt.NDArray[np.int8]
    backwards: BoolArray

    @classmethod
    def of(cls, graph: MapGraph) -> Channels:
        usable = ~graph.of_types(NOT_A_CHANNEL)
        back = graph.of_types(BOTH_WAYS) & usable
        return cls(
            source=np.concatenate([graph.source[usable], graph.target[back]]),
            target=np.concatenate([graph.target[usable], graph.source[back]]),
            strength=np.concatenate([graph.strength[usable], graph.strength[back]]),
            relation=np.concatenate([graph.type_code[usable], graph.type_code[back]]),
            backwards=np.concatenate(
                [np.zeros(int(usable.sum()), np.bool_), np.ones(int(back.sum()), np.bool_)]
            ),
        )


@dataclass(frozen=True, slots=True)
class Reach:
    """Best path strength from the group to every actor, and the tree of best paths."""

    graph: MapGraph
    channels: Channels
    own: tuple[int, ...]
    strength: FloatArray  # 1 for our own actors, 0 when unreachable
    parent_edge: IntArray  # the channel edge into each actor on its best path; -1 if none

    def strength_of(self, actor_id: str) -> float:
        i = self.graph.index.get(actor_id)
        return 0.0 if i is None else float(self.strength[i])

    def chain(self, node: int) -> list[int] | None:
        """Channel edges from one of ours to `node`, in order; None when unreachable."""
        if self.strength[node] <= 0:
            return None
        edges: list[int] = []
        while (edge := int(self.parent_edge[node])) >= 0:
            edges.append(edge)
            node = int(self.channels.source[edge])
        return edges[::-1]


def strongest_paths(graph: MapGraph, own: Sequence[str]) -> Reach:
    """Best path strengths from any of `own` to every actor (one Dijkstra run).

    The rule: the strength of a path is the product of its relationships' strengths;
    an actor's reachability is the strength of its strongest path, 1 for our own actors
    and 0 for actors no chain of relationships reaches.
    """
    channels = Channels.of(graph)
    starts = tuple(dict.fromkeys(graph.index[a] for a in own if a in graph.index))
    if not starts:
        none = np.zeros(graph.size)
        return Reach(graph, channels, (), none, np.full(graph.size, -1, np.int64))
    weight = -np.log(channels.strength) + HOP_COST
    distance = _dijkstra(graph.size, channels, weight, starts)
    parent = _parent_edges(channels, weight, distance, starts)
    strength = np.where(np.isfinite(distance), np.exp(-distance), 0.0)
    strength[list(starts)] = 1.0
    return Reach(graph, channels, starts, strength, parent)


def _dijkstra(size: int, ch: Channels, weight: FloatArray, starts: Sequence[int]) -> FloatArray:
    """Distances from a virtual node (index `size`) joined at no cost to every start.

    igraph reads edges and weights as Python sequences. Plain `array.array` copies of
    the numpy arrays (one memcpy each) and a `zip` iterator (which reuses its pair) keep
    that to one small object at a time instead of lists of millions of numbers.
    """
    virtual = np.full(len(starts), size, np.int64)
    source = _as_array("q", np.concatenate([ch.source, virtual]))
    target = _as_array("q", np.concatenate([ch.target, np.asarray(starts, np.int64)]))
    weights = _as_array("d", np.concatenate([weight, np.zeros(len(starts))]))
    graph = ig.Graph(n=size + 1, edges=zip(source, target, strict=True), directed=True)
    row = graph.distances(source=[size], weights=weights, mode="out")[0]
    return np.asarray(row[:size], dtype=np.float64)


def _as_array(typecode: str, values: npt.NDArray[np.int64] | FloatArray) -> array[Any]:
    copy = array(typecode)
    copy.frombytes(values.astype(np.int64 if typecode == "q" else np.float64).tobytes())
    return copy


def _parent_edges(
    ch: Channels, weight: FloatArray, distance: FloatArray, starts: Sequence[int]
) -> IntArray:
    """For each reached actor, one channel edge that ends a shortest path to it."""
    edges = np.flatnonzero(np.isfinite(distance[ch.source]))
    through = distance[ch.source[edges]] + weight[edges]
    edges = edges[np.abs(through - distance[ch.target[edges]]) <= TIGHT]
    parent = np.full(distance.shape[0], -1, np.int64)
    parent[ch.target[edges]] = edges
    parent[list(starts)] = -1
    return parent


def path_of(reach: Reach, edges: Sequence[int], name: Callable[[str], str]) -> Path:
    """The domain Path along channel edges (which start at one of our own actors)."""
    ch, ids = reach.channels, reach.graph.ids
    first = ids[int(ch.source[edges[0]])] if edges else ""
    steps = [PathStep(first, name(first))]
    strength = 1.0
    for edge in edges:
        actor = ids[int(ch.target[edge])]
        edge_strength = float(ch.strength[edge])
        strength *= edge_strength
        steps.append(
            PathStep(actor, name(actor), TYPES_BY_CODE[int(ch.relation[edge])],
                     edge_strength, bool(ch.backwards[edge]))
        )  # fmt: skip
    return Path(tuple(steps), strength)


def best_paths(
    reach: Reach, actor_ids: Sequence[str], name: Callable[[str], str], most: int = 3
) -> dict[str, tuple[Path, ...]]:
    """Up to `most` strong paths to each actor: the best one, then the best through each
    other last intermediary. Unreachable actors get no path.
    """
    nodes = [reach.graph.index[a] for a in actor_ids if a in reach.graph.index]
    incoming = _incoming(reach, nodes)
    found: dict[str, tuple[Path, ...]] = {}
    for node in nodes:
        chains = _chains_to(reach, node, incoming.get(node, []), most)
        found[reach.graph.ids[node]] = tuple(path_of(reach, c, name) for c in chains)
    return found


def _incoming(reach: Reach, nodes: Sequence[int]) -> dict[int, list[int]]:
    """Channel edges into the nodes from reached actors, strongest first."""
    ch = reach.channels
    edges = np.flatnonzero(np.isin(ch.target, nodes) & (reach.strength[ch.source] > 0))
    value = reach.strength[ch.source[edges]] * ch.strength[edges]
    by_node: dict[int, list[int]] = {}
    for edge in edges[np.argsort(-value, kind="stable")].tolist():
        by_node.setdefault(int(ch.target[edge]), []).append(edge)
    return by_node


def _chains_to(reach: Reach, node: int, incoming: Sequence[int], most: int) -> list[list[int]]:
    best = reach.chain(node)
    if not best:
        return []
    chains, last_hops = [best], {int(reach.channels.source[best[-1]])}
    for edge in incoming:
        if len(chains) >= most:
            break
        before = int(reach.channels.source[edge])
        head = reach.chain(before)
        if before in last_hops or head is None or _visits(reach, head, node):
            continue
        last_hops.add(before)
        chains.append([*head, edge])
    return chains


def _visits(reach: Reach, edges: Sequence[int], node: int) -> bool:
    return any(int(reach.channels.source[e]) == node for e in edges)
