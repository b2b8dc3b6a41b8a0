"""How the target ranking holds up on large power maps, beside a networkx baseline.

    python benchmarks/targeting_scale.py [--sizes 5000:25000,100000:1000000] [--quick]

For each size (actors:relationships) the script builds a synthetic workspace in memory:
every state of the knowledge base as a reference actor, a survivor group with two
coalition partners, and people, NGOs, media and agencies; random relationships of every
type (a fifth of them pointing at states, as advocacy maps do) with strengths from 0.1 to
1; a general stance for a third of the actors. It then times, in the same process:

- ranking: `rank_targets` end to end for a Human Rights Council resolution (forecast of
  the 47 members, leverage, movability, strongest paths, the top 20 targets with their
  paths and arguments), as the `targets` command runs it;
- paths: powermap's strongest paths alone (arrays, one scipy csgraph Dijkstra run,
  parents read back from the distances, best paths to the top 20), on the map as the
  database loader gives it (each relationship end is its actor's own id string) and
  again as a YAML file parses (every end a string of its own, looked up by value);
- baseline: the straightforward networkx version of the same paths: a DiGraph built edge
  by edge with weight -log(strength), `multi_source_dijkstra` from the group's actors
  (distances and paths to everyone). The two must agree on every actor's strength.

The targets of the issue are printed with PASS or MISS: ranking under 100 ms at 5,000
actors / 25,000 relationships; at 100,000 actors / 1,000,000 relationships, ranking under
2 s and powermap's paths at least 10x faster than the networkx paths (the ratio for the
whole ranking is printed too). Figures are medians. No test asserts these timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import networkx as nx
import numpy as np

from powermap.analysis.paths import (
    BOTH_WAYS,
    HOP_COST,
    NOT_A_CHANNEL,
    best_paths,
    build_map_graph,
    strongest_paths,
)
from powermap.analysis.ranking import own_group, rank_targets
from powermap.domain.actors import Actor, Ask, Assessment, Relationship, WorkspaceContent
from powermap.domain.strategy import TargetingOptions
from powermap.domain.vocab import ActorKind, RelationType
from powermap.knowledge import KnowledgeBase, load_knowledge

DEFAULT_SIZES = ((5_000, 25_000), (100_000, 1_000_000))
QUICK_SIZES = ((5_000, 25_000),)
DAY = dt.date(2026, 11, 25)
ASK = Ask("hrc-resolution", "un_resolution_naming_perpetrators", "Resolution", body="hrc")
TOP = 20
SEED = 20261125

# How often each relationship type appears in the synthetic maps.
TYPE_WEIGHTS = {
    RelationType.KNOWS: 35, RelationType.INFLUENCES: 20, RelationType.WORKS_FOR: 10,
    RelationType.ALLIED_WITH: 10, RelationType.REPRESENTS: 5, RelationType.MEMBER_OF: 5,
    RelationType.FUNDS: 5, RelationType.REPORTS_TO: 5, RelationType.OPPOSES: 5,
}  # fmt: skip
OTHER_KINDS = (ActorKind.PERSON, ActorKind.NGO, ActorKind.MEDIA, ActorKind.GOVERNMENT_AGENCY,
               ActorKind.PARLIAMENT, ActorKind.DONOR)  # fmt: skip
STRENGTHS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)

# The targets.
RANKING_BUDGET_SMALL = 0.100
RANKING_BUDGET_LARGE = 2.0
MIN_RATIO = 10.0


def synthetic_map(
    kb: KnowledgeBase, actors: int, relationships: int, seed: int
) -> WorkspaceContent:
    """A reproducible random power map of about this many actors and relationships.

    Relationships come as `store.convert.workspace_content` returns them: ordered by
    source and target id, each end being the actor's own id string.
    """
    rng = random.Random(seed)  # noqa: S311  # reproducible benchmark data, not secrets
    codes = list(kb.states)
    ours = [Actor("survivors", "Survivors", ActorKind.VICTIM_GROUP),
            Actor("partner-1", "Partner 1", ActorKind.NGO, tags=("coalition",)),
            Actor("partner-2", "Partner 2", ActorKind.NGO, tags=("coalition",))]  # fmt: skip
    others = [Actor(f"a{i:06d}", f"Actor {i}", rng.choice(OTHER_KINDS))
              for i in range(actors - len(codes) - len(ours))]  # fmt: skip
    states = [Actor(f"state:{code}", "", ActorKind.STATE, reference=True) for code in codes]
    every = sorted([*ours, *states, *others], key=lambda a: a.id)
    ids = [a.id for a in every]
    state_rows = [ids.index(f"state:{code}") for code in codes]
    types = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()), k=relationships)
    rows = sorted(
        (rng.randrange(len(ids)), rng.choice(state_rows) if rng.random() < 0.2
         else rng.randrange(len(ids)), kind, rng.choice(STRENGTHS))
        for kind in types
    )  # fmt: skip
    rels = [Relationship(ids[s], ids[t], kind, strength) for s, t, kind, strength in rows]
    stances = [Assessment(a, None, rng.randint(-2, 2), DAY) for a in rng.sample(ids, len(ids) // 3)]
    return WorkspaceContent("benchmark", actors=tuple(every), relationships=tuple(rels),
                            assessments=tuple(stances), asks=(ASK,))  # fmt: skip


def as_parsed(content: WorkspaceContent) -> WorkspaceContent:
    """The same map with every relationship end a new string, as a parsed file gives it."""
    rels = tuple(replace(r, source=_fresh(r.source), target=_fresh(r.target))
                 for r in content.relationships)  # fmt: skip
    return replace(content, relationships=rels)


def _fresh(text: str) -> str:
    """A new string object with the same text."""
    return (text + " ")[:-1]


def timed(run: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    seconds, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - start)
    return seconds, result


def our_paths(content: WorkspaceContent, own: Sequence[str], top: Sequence[str]) -> Any:
    graph = build_map_graph([a.id for a in content.actors], content.relationships)
    reach = strongest_paths(graph, own)
    return reach, best_paths(reach, top, str)


def networkx_paths(
    content: WorkspaceContent, own: Sequence[str]
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The straightforward version: a DiGraph edge by edge, then multi-source Dijkstra."""
    graph = nx.DiGraph()
    graph.add_nodes_from(a.id for a in content.actors)
    for r in content.relationships:
        if r.type in NOT_A_CHANNEL or r.strength <= 0:
            continue
        weight = -math.log(min(r.strength, 1.0)) + HOP_COST
        pairs = [(r.source, r.target)] + ([(r.target, r.source)] if r.type in BOTH_WAYS else [])
        for u, v in pairs:
            if not graph.has_edge(u, v) or graph[u][v]["weight"] > weight:
                graph.add_edge(u, v, weight=weight)
    distances, paths = nx.multi_source_dijkstra(graph, set(own), weight="weight")
    return {node: math.exp(-d) for node, d in distances.items()}, paths


@dataclass
class Result:
    actors: int
    relationships: int
    ranking: list[float]
    paths: list[float]
    parsed_paths: list[float]
    baseline: float
    agree: bool
    top: list[str]


def measure(kb: KnowledgeBase, actors: int, relationships: int, repeat: int) -> Result:
    build = time.perf_counter()
    content = synthetic_map(kb, actors, relationships, SEED)
    print(f"  built {len(content.actors):,} actors / {len(content.relationships):,} relationships "
          f"in {time.perf_counter() - build:.1f} s (not timed)", flush=True)  # fmt: skip
    options = TargetingOptions(on=DAY, limit=TOP)
    rank_targets(content, ASK, kb, options)  # warm-up: imports, caches
    ranking_s, ranking = timed(lambda: rank_targets(content, ASK, kb, options), repeat)
    own = own_group(content, options)
    top = [t.actor for t in ranking.targets]
    paths_s, (reach, _) = timed(lambda: our_paths(content, own, top), repeat)
    parsed_s, _ = timed(partial(our_paths, as_parsed(content), own, top), repeat)
    baseline_runs, (strengths, _) = timed(lambda: networkx_paths(content, own), max(repeat // 3, 1))
    baseline_s = statistics.median(baseline_runs)
    agree = all(abs(reach.strength_of(a.id) - strengths.get(a.id, 0.0)) < 1e-6
                for a in content.actors)  # fmt: skip
    return Result(actors, relationships, ranking_s, paths_s, parsed_s, baseline_s, agree, top)


def report(result: Result) -> list[tuple[str, bool]]:
    rank_median, paths_median = statistics.median(result.ranking), statistics.median(result.paths)
    ratio_paths = result.baseline / paths_median
    ratio_ranking = result.baseline / rank_median
    print(
        f"  ranking (rank_targets, top {TOP}): median {rank_median * 1000:,.1f} ms, "
        f"min {min(result.ranking) * 1000:,.1f} ms over {len(result.ranking)} runs"
    )
    parsed_median = statistics.median(result.parsed_paths)
    print(f"  paths (powermap, scipy):         median {paths_median * 1000:,.1f} ms")
    print(
        f"  paths (powermap, parsed file):   median {parsed_median * 1000:,.1f} ms "
        f"({result.baseline / parsed_median:,.1f}x faster than networkx)"
    )
    print(f"  paths (networkx baseline):       {result.baseline * 1000:,.1f} ms")
    print(f"  baseline / powermap paths:       {ratio_paths:,.1f}x")
    print(f"  baseline / whole ranking:        {ratio_ranking:,.1f}x")
    print(f"  strengths agree with networkx:   {'yes' if result.agree else 'NO'}")
    print(f"  best targets: {', '.join(result.top[:5])}")
    checks = [(f"strengths agree at {result.relationships:,} relationships", result.agree)]
    if result.actors <= 5_000:
        checks.append((f"ranking under {RANKING_BUDGET_SMALL * 1000:.0f} ms at "
                       f"{result.actors:,} actors", rank_median < RANKING_BUDGET_SMALL))  # fmt: skip
    if result.relationships >= 1_000_000:
        checks.append((f"ranking under {RANKING_BUDGET_LARGE:.0f} s at "
                       f"{result.relationships:,} relationships", rank_median < RANKING_BUDGET_LARGE))  # fmt: skip
        checks.append((f"paths at least {MIN_RATIO:.0f}x faster than networkx's "
                       f"({ratio_paths:.1f}x; whole ranking {ratio_ranking:.1f}x)",
                       ratio_paths >= MIN_RATIO))  # fmt: skip
    return checks


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for pair in text.split(","):
        actors, _, relationships = pair.partition(":")
        sizes.append((int(actors), int(relationships)))
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=parse_sizes, default=None,
                        help="actors:relationships,... (default 5000:25000,100000:1000000)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="only the small map")
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    print(f"powermap targeting benchmark: Python {platform.python_version()}, numpy "
          f"{np.__version__}, networkx {nx.__version__}, {platform.machine()}")  # fmt: skip
    kb = load_knowledge()
    checks = []
    for actors, relationships in sizes:
        print(f"\n{actors:,} actors, {relationships:,} relationships", flush=True)
        result = measure(kb, actors, relationships, repeat=10 if relationships < 100_000 else 3)
        checks += report(result)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory: {peak:,.0f} MB\n")
    for label, ok in checks:
        print(f"{'PASS' if ok else 'MISS'}  {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
