"""Strongest paths from the group's own actors to everyone else on the map.

A path's strength is the product of the strengths of its relationships, so the strongest
path is the shortest path when each relationship weighs -log(strength). The graph is
built once per call from arrays (no Python call per relationship), and one multi-source
Dijkstra run (scipy's compiled csgraph, which reads the arrays as they are) from all of
the group's own actors gives every actor's best strength; the parent of each actor on a
best path is read back from the distances with array operations.

Which relationships carry a message: every type except `opposes`, from source to target
(the one who influences, represents, works for, is a member of or reports to something
has a way in to it); `knows`, `allied_with` and `funds` also carry it backwards (people
who know each other, allies, and a grantee who has its funder's ear).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import count, repeat
from operator import attrgetter

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_array
from scipy.sparse.csgraph import dijkstra

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
    listed = tuple(ids)
    same, lookup = _SameObject.of(listed), cache(lambda: _HashLookup.of(listed))
    source = _indices(relationships, "source", index, ids, same, lookup)
    target = _indices(relationships, "target", index, ids, same, lookup)
    code = _type_codes(relationships)
    strengths = np.fromiter(map(attrgetter("strength"), relationships), np.float64,
                            len(relationships))  # fmt: skip
    strength = np.minimum(strengths, 1.0)
    keep = strength > 0
    return MapGraph(tuple(ids), index, source[keep], target[keep], code[keep], strength[keep])


@dataclass(frozen=True, slots=True)
class _SameObject:
    """Positions found by object identity: `id()` reads no string and runs no `__hash__`.

    The database loader gives each relationship end the very string object of its
    actor's id, and enum members are singletons, so most lookups end here; whatever is
    not the same object (ids parsed from a file, types given as plain strings) is looked
    up by value afterwards. The objects must stay alive while the lookup is used. The
    addresses are scrambled (multiplied by an odd constant, a bijection) so that the
    buckets of `_HashLookup` fill evenly.
    """

    table: _HashLookup

    @classmethod
    def of(cls, objects: Sequence[object]) -> _SameObject:
        table = _HashLookup.of_keys(_scrambled(objects, len(objects)))
        if table is None:  # live objects have distinct addresses: one is listed twice
            raise ValueError("each object must be listed once")
        return cls(table)

    def find(self, objects: Iterable[object], size: int) -> IntArray:
        """Each object's position, or -1 where it is none of the objects themselves."""
        return self.table.find_keys(_scrambled(objects, size))


def _scrambled(objects: Iterable[object], size: int) -> npt.NDArray[np.uint64]:
    return _addresses(objects, size).view(np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def _addresses(objects: Iterable[object], size: int) -> npt.NDArray[np.int64]:
    """The objects' addresses (what CPython's `id()` returns), without calling `id()`.

    `id()` builds a Python int per object; on a million relationship ends that is most
    of the cost. An object array holds the same pointers, and while it holds them (it
    keeps the objects alive) its buffer can be read as 64-bit integers.
    """
    held = np.fromiter(objects, dtype=object, count=size)
    pointers = (ctypes.c_ssize_t * size).from_address(held.ctypes.data)
    return np.ctypeslib.as_array(pointers).astype(np.int64)


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
        return cls.of_keys(np.fromiter(map(hash, ids), np.int64, len(ids)).view(np.uint64))

    @classmethod
    def of_keys(cls, hashes: npt.NDArray[np.uint64]) -> _HashLookup | None:
        """A lookup of these 64-bit keys, or None when two are equal."""
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
        return self.find_keys(np.fromiter(map(hash, names), np.int64, size).view(np.uint64))

    def find_keys(self, wanted: npt.NDArray[np.uint64]) -> IntArray:
        """Each key's index, or -1 where it is not one of the keys."""
        size = wanted.size
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
    """The code of each relationship's type: enum members are found by identity, a type
    given as a plain string is looked up."""
    found = _TYPE_MEMBERS.find(map(attrgetter("type"), relationships), len(relationships))
    for i in np.flatnonzero(found < 0).tolist():
        found[i] = TYPE_CODES[RelationType(relationships[i].type)]
    return found.astype(np.int8)


_TYPE_MEMBERS = _SameObject.of(TYPES_BY_CODE)


def _indices(
    relationships: Sequence[Relationship],
    end: str,
    index: dict[str, int],
    ids: list[str],
    same: _SameObject,
    lookup: Callable[[], _HashLookup | None],
) -> IntArray:
    """The index of each relationship's `end` actor, adding actors not seen before.

    Ends that are the actors' own id objects are found by identity; when most are not
    (a map parsed from a file), every end is looked up by value in one pass, else only
    the few that were missed. `lookup` builds the by-value lookup only when needed.
    """
    size = len(relationships)
    found = same.find(map(attrgetter(end), relationships), size)
    missed = np.flatnonzero(found < 0)
    if missed.size > size // 4:
        found = _by_value(map(attrgetter(end), relationships), size, index, lookup())
    elif missed.size:
        names = [getattr(relationships[i], end) for i in missed.tolist()]
        found[missed] = _by_value(names, len(names), index, lookup())
    for i in np.flatnonzero(found < 0).tolist():
        actor_id = getattr(relationships[i], end)
        if actor_id not in index:
            index[actor_id] = len(ids)
            ids.append(actor_id)
        found[i] = index[actor_id]
    return found


def _by_value(
    names: Iterable[str], size: int, index: dict[str, int], lookup: _HashLookup | None
) -> IntArray:
    if lookup is not None:
        return lookup.find(names, size)
    return np.fromiter(map(index.get, names, repeat(-1)), np.int64, size)


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
    """Each actor's distance from the nearest start (inf where none reaches it).

    The channel edges become a sparse matrix in CSR form directly: sorted by source
    (nearly sorted already, as rows come ordered by source), with row offsets counted
    from the sources. Parallel edges stay as they are; Dijkstra keeps the shortest.
    """
    order = np.argsort(ch.source, kind="stable")
    offsets = np.zeros(size + 1, np.int64)
    np.cumsum(np.bincount(ch.source, minlength=size), out=offsets[1:])
    matrix: csr_array[np.float64, tuple[int, int]] = csr_array(
        (weight[order], ch.target[order], offsets), shape=(size, size)
    )
    distance = dijkstra(matrix, directed=True, indices=np.asarray(starts, np.int32),
                        return_predecessors=False, min_only=True)  # fmt: skip
    return np.asarray(distance, dtype=np.float64)


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
