"""Whom to work on for an ask, through whom, with which arguments: the target ranking.

Every actor gets three factors in [0, 1] (docs/strategy.md has the formula and a worked
example):

- leverage: what moving this actor is worth for the decision. A decider or a veto holder
  1.0, a pivotal voter 0.8, another voter 0.4, an implementer 0.3. An influencer gets the
  best `strength x worth` over its `influences`, `represents`, `works_for` and
  `member_of` relationships to actors with leverage, one or two steps away, where an
  actor's worth is its leverage times its movability. An actor whose influence the group
  assessed but who has no such relationship gets a share of it (0..5 -> 0..1): half when
  assessed for this ask, a quarter when assessed in general.
- movability: how far its stance on the ask can move. Undecided 1.0, unknown 0.8, soft
  support 0.6, soft opposition 0.5, hard opposition 0.1. Champions (+2) are allies to
  mobilise and are listed apart.
- reachability: the strength of the group's strongest path to it (paths.py), never less
  than `reach_floor`, so that an unreachable decider stays visible.

The score is the weighted geometric mean leverage^0.5 x movability^0.3 x reach^0.2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from powermap.analysis import arguments as args
from powermap.analysis.paths import (
    TYPES_BY_CODE,
    FloatArray,
    IntArray,
    MapGraph,
    Reach,
    best_paths,
    build_map_graph,
    strongest_paths,
)
from powermap.analysis.votes import RULES, Stances, forecast_for_body, read_stances, stance_of
from powermap.domain.actors import Actor, Ask, Assessment, Relationship, WorkspaceContent
from powermap.domain.messages import say, say_plural
from powermap.domain.strategy import (
    Ally,
    Factor,
    Forecast,
    Outcome,
    Path,
    Ranking,
    ScoreWeights,
    StanceView,
    Target,
    TargetingOptions,
    TargetRole,
    Vote,
)
from powermap.domain.vocab import (
    RELATION_LABELS,
    STANCE_LABELS,
    ActorKind,
    RelationType,
    gettext_noop,
)
from powermap.knowledge import KnowledgeBase

MOVABILITY: dict[int | None, float] = {None: 0.8, -2: 0.1, -1: 0.5, 0: 1.0, 1: 0.6, 2: 0.0}
DECIDER, VETO, PIVOTAL, VOTER, IMPLEMENTER = 1.0, 1.0, 0.8, 0.4, 0.3
ASK_INFLUENCE_SHARE, GENERAL_INFLUENCE_SHARE = 0.5, 0.25
INFLUENCE_TYPES = frozenset(
    {RelationType.INFLUENCES, RelationType.REPRESENTS, RelationType.WORKS_FOR,
     RelationType.MEMBER_OF}
)  # fmt: skip
OWN_TAGS = frozenset({"own-group", "coalition"})
NO_STANCE = 99  # marks "not assessed" in the stance array
OUTCOME_WORDS = {Outcome.LIKELY_PASS: gettext_noop("likely to pass"),
                 Outcome.LIKELY_FAIL: gettext_noop("likely to fail"),
                 Outcome.UNCERTAIN: gettext_noop("uncertain")}  # fmt: skip
VOTE_WORDS = {Vote.YES: gettext_noop("yes"), Vote.NO: gettext_noop("no"),
              Vote.UNDECIDED: gettext_noop("undecided")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Decision:
    """Who decides the ask: a body that votes, or named deciders, and by which rule."""

    body: str | None
    rule: str
    rule_text: str
    deciders: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DirectRole:
    role: TargetRole
    leverage: float
    reason: str
    worth: str  # "a veto holder", "a pivotal voter": how others' reasons name it


def today_utc() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def who_decides(
    ask: Ask, kb: KnowledgeBase, content: WorkspaceContent, options: TargetingOptions
) -> Decision:
    """The ask's body, else the ask kind's only body, else the actors of the decider kinds.

    Ask kinds name deciders as body ids or as actor kinds (`kind:prosecutor`). When the
    ask names no body and the kind lists bodies only, the first is used (with a note);
    when it lists kinds, every actor of those kinds on the map decides.
    """
    kind = kb.ask_kinds.get(ask.kind)
    rule = kind.decision_rule if kind else "varies"
    if options.deciders:
        return Decision(None, rule, say("As you chose."), options.deciders)
    body_id = ask.body.removeprefix("body:") if ask.body else None
    listed = list(kind.deciders) if kind else []
    bodies = [d for d in listed if not d.startswith("kind:")]
    notes: list[str] = []
    if body_id is None and bodies and len(bodies) == len(listed):
        body_id = bodies[0]
        if len(bodies) > 1:
            notes.append(say("The ask kind lists %(bodies)s; %(body)s is used. Set the ask's body "
                             "to choose another.", bodies=", ".join(bodies), body=body_id))  # fmt: skip
    if body_id is not None and body_id in kb.bodies:
        body = kb.bodies[body_id]
        text = body.decision_rule_text or body.decision_rule
        deciders = () if body.decision_rule in RULES else (f"body:{body_id}",)
        return Decision(body_id, body.decision_rule, text, deciders, tuple(notes))
    kinds = {d.removeprefix("kind:") for d in listed if d.startswith("kind:")}
    found = tuple(
        a.id for a in content.actors
        if actor_kind(a, kb) in kinds or a.id.removeprefix("body:") in bodies
    )  # fmt: skip
    if bodies:
        notes.append(say("Deciders: every actor on your map of kind %(kinds)s or body %(bodies)s.",
                         kinds=", ".join(sorted(kinds)) or "-", bodies=", ".join(bodies)))  # fmt: skip
    else:
        notes.append(say("Deciders: every actor on your map of kind %(kinds)s.",
                         kinds=", ".join(sorted(kinds)) or "-"))  # fmt: skip
    text = (kind.legal_basis or rule) if kind else rule
    return Decision(None, rule, text, found, tuple(notes))


def actor_kind(actor: Actor, kb: KnowledgeBase) -> str:
    """The actor's kind; a body of the knowledge base has the kind recorded there."""
    if actor.id.startswith("body:"):
        body = kb.bodies.get(actor.id.removeprefix("body:"))
        if body is not None:
            return body.actor_kind
    return actor.kind.value


def own_group(content: WorkspaceContent, options: TargetingOptions) -> tuple[str, ...]:
    """Who "we" are: victim and survivor groups, and actors tagged `own-group` or `coalition`."""
    if options.own_group:
        return options.own_group
    return tuple(
        a.id for a in content.actors
        if a.kind is ActorKind.VICTIM_GROUP or (a.tags and not OWN_TAGS.isdisjoint(a.tags))
    )  # fmt: skip


def direct_roles(
    decision: Decision, forecast: Forecast | None, body_name: str = ""
) -> dict[str, DirectRole]:
    """Deciders, voters and veto holders, with their leverage and why."""
    roles: dict[str, DirectRole] = {}
    for actor in decision.deciders:
        roles[actor] = DirectRole(TargetRole.DECIDER, DECIDER,
                                  say("Decides the ask (%(rule)s)", rule=decision.rule_text),
                                  say("a decider"))  # fmt: skip
    if forecast is not None:
        roles |= _voter_roles(forecast, body_name)
    return roles


def implementer_roles(
    graph: MapGraph, decision: Decision, roles: Mapping[str, DirectRole]
) -> dict[str, DirectRole]:
    """Actors that report to a decider or to the deciding body carry out the decision."""
    deciding = {*roles, *([f"body:{decision.body}"] if decision.body else [])}
    ends = [graph.index[a] for a in deciding if a in graph.index]
    edges = np.flatnonzero(graph.of_types(frozenset({RelationType.REPORTS_TO}))
                           & np.isin(graph.target, ends))  # fmt: skip
    found: dict[str, DirectRole] = {}
    for edge in edges.tolist():
        source, target = graph.ids[graph.source[edge]], graph.ids[graph.target[edge]]
        if source not in roles and source not in found:
            found[source] = DirectRole(
                TargetRole.IMPLEMENTER, IMPLEMENTER,
                say("Reports to %(actor)s, so it carries out or feeds the decision", actor=target),
                say("an implementer"),
            )  # fmt: skip
    return found


def _voter_roles(f: Forecast, body_name: str) -> dict[str, DirectRole]:
    body = body_name or f.body
    pivotal = set(f.pivotal)
    tally = say("%(yes)d yes, %(no)d no, %(undecided)d undecided: %(outcome)s", yes=f.yes, no=f.no,
                undecided=f.undecided, outcome=say(OUTCOME_WORDS[f.outcome]))  # fmt: skip
    roles = {}
    for m in f.members:
        if m.veto_holder:
            roles[m.actor] = DirectRole(
                TargetRole.VETO, VETO,
                say("Holds a veto on the %(body)s (a no vote alone blocks; %(tally)s)", body=body,
                    tally=tally),
                say("a veto holder"),
            )  # fmt: skip
        elif m.actor in pivotal:
            roles[m.actor] = DirectRole(
                TargetRole.VOTER, PIVOTAL,
                say("Pivotal voter: sits on the %(body)s, undecided, and the vote hinges on the "
                    "undecided members (%(tally)s)", body=body, tally=tally),
                say("a pivotal voter"),
            )  # fmt: skip
        else:
            roles[m.actor] = DirectRole(
                TargetRole.VOTER, VOTER,
                say("Votes on the %(body)s, expected %(vote)s (%(tally)s)", body=body,
                    vote=say(VOTE_WORDS[m.vote]), tally=tally),
                say("a voter"),
            )  # fmt: skip
    return roles


@dataclass(frozen=True, slots=True)
class Influence:
    """Each actor's best influence on actors worth moving, one or two steps away."""

    leverage: FloatArray
    first_edge: IntArray  # best one-step relationship (index into the graph), or -1
    second_edge: IntArray  # first relationship of the best two-step chain, or -1
    one_step: FloatArray
    two_steps: FloatArray


def influence_leverage(graph: MapGraph, worth: FloatArray) -> Influence:
    """Best `strength x worth` over influence relationships, one or two steps out.

    The worth of an actor is its own leverage times its movability; a two-step chain
    multiplies both strengths. A chain that comes back to the actor does not count.
    """
    edges = np.flatnonzero(graph.of_types(INFLUENCE_TYPES))
    src, dst, strength = graph.source[edges], graph.target[edges], graph.strength[edges]
    one, first = _best_per_source(graph.size, src, strength * worth[dst], edges)
    loops_back = graph.target[np.maximum(first[dst], 0)] == src
    two_value = np.where(loops_back, 0.0, strength * one[dst])
    two, second = _best_per_source(graph.size, src, two_value, edges)
    return Influence(np.maximum(one, two), first, second, one, two)


def _best_per_source(
    size: int, src: IntArray, value: FloatArray, edges: IntArray
) -> tuple[FloatArray, IntArray]:
    best, edge = np.zeros(size), np.full(size, -1, np.int64)
    order = np.argsort(value, kind="stable")
    order = order[value[order] > 0]
    best[src[order]] = value[order]  # the last write per source is its maximum
    edge[src[order]] = edges[order]
    return best, edge


@dataclass
class _Map:
    """Everything one ranking computes once, by actor index."""

    content: WorkspaceContent
    kb: KnowledgeBase
    ask: Ask
    on: dt.date
    options: TargetingOptions
    decision: Decision
    forecast: Forecast | None
    stances: Stances
    roles: dict[str, DirectRole]
    actors: dict[str, Actor]
    graph: MapGraph
    reach: Reach
    own: tuple[str, ...]
    references: dict[str, str]

    def name(self, actor_id: str) -> str:
        """The knowledge base's name of a reference actor (shown in the reader's language),
        else the map's name, else the id."""
        if actor_id in self.references:
            return self.references[actor_id]
        actor = self.actors.get(actor_id)
        return actor.name if actor is not None and actor.name else actor_id


def rank_targets(
    content: WorkspaceContent,
    ask: Ask,
    kb: KnowledgeBase,
    options: TargetingOptions | None = None,
) -> Ranking:
    """Rank the actors to work on for an ask (the rule is in this module's docstring).

    Pinned actors come first in the order given; excluded actors are never listed; the
    group's own actors and the deciding body itself are not targets; champions are
    returned as allies. Targets are ordered by score, best first (ties by id).
    """
    options = options or TargetingOptions()
    m = _prepare(content, ask, kb, options)
    factors = _Factors.compute(m)
    chosen = _choose(m, factors)
    paths = best_paths(m.reach, chosen, m.name, options.max_paths)
    context = args.ArgumentContext(kb, m.on, ask.kind)
    history = args.histories(content.assessments, chosen)
    links = _links(m.graph, chosen)
    targets = tuple(
        _target(m, factors, a, paths.get(a, ()), context, history.get(a, ()), links.get(a, []))
        for a in chosen
    )
    return Ranking(
        ask=ask.id, ask_kind=ask.kind, body=m.decision.body, decision_rule=m.decision.rule,
        decision_rule_text=m.decision.rule_text, forecast=m.forecast, targets=targets,
        allies=_allies(m, factors), own_group=m.own, excluded=options.exclusions,
        weights=options.weights, notes=_notes(m),
    )  # fmt: skip


def _prepare(
    content: WorkspaceContent, ask: Ask, kb: KnowledgeBase, options: TargetingOptions
) -> _Map:
    on = options.on or today_utc()
    decision = who_decides(ask, kb, content, options)
    stances = read_stances(content, ask.id)
    forecast = forecast_for_body(kb, decision.body, stances, on) if decision.body else None
    if decision.body and forecast is None and not decision.deciders:
        # A body of individuals (a treaty committee) votes, but nobody can forecast how.
        decision = replace(decision, deciders=(f"body:{decision.body}",))
    body = kb.bodies.get(decision.body or "")
    roles = direct_roles(decision, forecast, body.display_name if body else "")
    ids = [a.id for a in content.actors]
    graph = build_map_graph([*ids, *roles, *options.pins], content.relationships)
    roles |= implementer_roles(graph, decision, roles)
    own = own_group(content, options)
    return _Map(
        content=content, kb=kb, ask=ask, on=on, options=options, decision=decision,
        forecast=forecast, stances=stances, roles=roles,
        actors={a.id: a for a in content.actors}, graph=graph,
        reach=strongest_paths(graph, own), own=own,
        references={ref: name for ref, name, _ in kb.reference_actors()},
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Factors:
    direct: FloatArray
    movability: FloatArray
    stance: npt.NDArray[np.int8]
    influence: Influence
    assessed: FloatArray
    leverage: FloatArray
    score: FloatArray

    @classmethod
    def compute(cls, m: _Map) -> _Factors:
        n, index = m.graph.size, m.graph.index
        direct = np.zeros(n)
        for actor, role in m.roles.items():
            direct[index[actor]] = role.leverage
        stance = np.full(n, NO_STANCE, np.int8)
        movability = np.full(n, MOVABILITY[None])
        for actor, number in m.stances.numbers().items():
            if actor in index:
                stance[index[actor]] = number
                movability[index[actor]] = MOVABILITY[number]
        influence = influence_leverage(m.graph, direct * movability)
        assessed = _assessed_influence(m)
        leverage = np.maximum(np.maximum(direct, influence.leverage), assessed)
        w = m.options.weights
        reach = np.maximum(m.reach.strength, w.reach_floor)
        score = leverage**w.leverage * movability**w.movability * reach**w.reachability
        return cls(direct, movability, stance, influence, assessed, leverage, score)


def _assessed_influence(m: _Map) -> FloatArray:
    """The latest assessed influence (0..5 -> 0..1) at a share: ask-specific ones first."""
    latest: dict[str, tuple[bool, dt.date, int]] = {}
    for a in m.content.assessments:
        if a.influence is None or (a.ask is not None and a.ask != m.ask.id):
            continue
        key = (a.ask is not None, a.date, a.influence)
        if a.actor not in latest or key[:2] >= latest[a.actor][:2]:
            latest[a.actor] = key
    assessed = np.zeros(m.graph.size)
    for actor, (for_ask, _, influence) in latest.items():
        if actor in m.graph.index:
            share = ASK_INFLUENCE_SHARE if for_ask else GENERAL_INFLUENCE_SHARE
            assessed[m.graph.index[actor]] = share * influence / 5
    return assessed


def _choose(m: _Map, f: _Factors) -> list[str]:
    """Pins first, then the best-scoring candidates up to the limit (ties by id)."""
    index, ids = m.graph.index, m.graph.ids
    blocked = np.zeros(m.graph.size, np.bool_)
    never = {*m.own, *m.options.exclusions, *m.options.pins}
    if m.forecast is not None:
        never.add(f"body:{m.forecast.body}")  # the forum: its members are the targets
    blocked[[index[a] for a in never if a in index]] = True
    candidates = np.flatnonzero(~blocked & (f.leverage > 0) & (f.stance != 2))
    pins = [a for a in m.options.pins if a in index and a not in m.options.exclusions]
    room = max(m.options.limit - len(pins), 0)
    if room == 0 or candidates.size == 0:
        return pins[: m.options.limit]
    scores = f.score[candidates]
    if candidates.size > room:
        cut = np.partition(scores, -room)[-room]
        candidates, scores = candidates[scores >= cut], scores[scores >= cut]
    ranked = sorted(zip(scores.tolist(), candidates.tolist(), strict=True),
                    key=lambda pair: (-pair[0], ids[pair[1]]))  # fmt: skip
    return pins + [ids[i] for _, i in ranked[:room]]


def _target(
    m: _Map,
    f: _Factors,
    actor: str,
    paths: tuple[Path, ...],
    context: args.ArgumentContext,
    history: Sequence[Assessment],
    links: Sequence[Relationship],
) -> Target:
    i = m.graph.index[actor]
    role, leverage_reasons = _leverage_reasons(m, f, i)
    stance = stance_of(m.stances, actor)
    factors = (
        Factor("leverage", float(f.leverage[i]), m.options.weights.leverage, leverage_reasons),
        Factor("movability", float(f.movability[i]), m.options.weights.movability,
               (_movability_reason(stance, float(f.movability[i])),)),
        Factor("reachability", float(m.reach.strength[i]), m.options.weights.reachability,
               (_reach_reason(paths, m.options.weights),)),
    )  # fmt: skip
    pinned = actor in m.options.pins
    reasons = [*leverage_reasons, factors[1].reasons[0], factors[2].reasons[0],
               _score_reason(float(f.score[i]), factors, m.options.weights)]  # fmt: skip
    if pinned:
        reasons.insert(0, say("Pinned by you: listed first whatever its score."))
    subject = args.make_subject(
        m.actors.get(actor) or Actor(actor, m.name(actor), ActorKind.STATE, reference=True),
        name=m.name(actor), kind=_kind_of(m, actor), stance=stance, links=links, history=history,
    )  # fmt: skip
    return Target(
        actor=actor, name=m.name(actor), role=role, score=round(float(f.score[i]), 4),
        stance=stance, factors=factors, reasons=tuple(reasons), paths=paths,
        arguments=args.choose_arguments(subject, context, m.options.max_arguments),
        pinned=pinned,
    )  # fmt: skip


def _kind_of(m: _Map, actor: str) -> str:
    found = m.actors.get(actor)
    if found is not None:
        return actor_kind(found, m.kb)
    return "state" if actor.startswith("state:") else "igo_organ"


def _leverage_reasons(m: _Map, f: _Factors, i: int) -> tuple[TargetRole, tuple[str, ...]]:
    """The role that gives the actor its leverage, and every source of leverage in words."""
    actor = m.graph.ids[i]
    direct = m.roles.get(actor)
    reasons: list[str] = []
    if direct is not None:
        reasons.append(say("%(reason)s: leverage %(leverage)s.", reason=direct.reason,
                           leverage=f"{direct.leverage:.2f}"))  # fmt: skip
    if f.influence.leverage[i] > 0:
        reasons.append(_influence_reason(m, f, i))
    if f.assessed[i] > 0 and f.assessed[i] >= max(f.direct[i], f.influence.leverage[i]):
        reasons.append(_assessed_reason(m, actor, float(f.assessed[i])))
    if not reasons:
        reasons.append(say("No leverage found on your map for this ask."))
    if direct is not None and f.direct[i] >= f.influence.leverage[i]:
        return direct.role, tuple(reasons)
    return TargetRole.INFLUENCER, tuple(reasons)


def _assessed_reason(m: _Map, actor: str, value: float) -> str:
    specific = any(a.actor == actor and a.ask == m.ask.id and a.influence is not None
                   for a in m.content.assessments)  # fmt: skip
    share = ASK_INFLUENCE_SHARE if specific else GENERAL_INFLUENCE_SHARE
    values = {
        "assessed": f"{value / share * 5:.0f}",
        "share": f"{share:g}",
        "value": f"{value:.2f}",
    }
    if specific:
        return say("You assessed its influence for this ask at %(assessed)s/5, but the map shows "
                   "no relationship to a decider: counted at %(share)s of it, %(value)s.", **values)  # fmt: skip
    return say("You assessed its influence in general at %(assessed)s/5, but the map shows no "
               "relationship to a decider: counted at %(share)s of it, %(value)s.", **values)  # fmt: skip


def _influence_reason(m: _Map, f: _Factors, i: int) -> str:
    inf = f.influence
    two = inf.two_steps[i] > inf.one_step[i]
    edge = int(inf.second_edge[i] if two else inf.first_edge[i])
    mid = int(m.graph.target[edge])
    text = say("%(relation)s %(actor)s (%(strength)s)", relation=_relation(m, edge),
               actor=m.name(m.graph.ids[mid]), strength=f"{m.graph.strength[edge]:.2f}")  # fmt: skip
    if two:
        edge2 = int(inf.first_edge[mid])
        text = say("%(first)s, which %(relation)s %(actor)s (%(strength)s)", first=text,
                   relation=_relation(m, edge2), actor=m.name(m.graph.ids[m.graph.target[edge2]]),
                   strength=f"{m.graph.strength[edge2]:.2f}")  # fmt: skip
        mid = int(m.graph.target[edge2])
    worth = m.roles[m.graph.ids[mid]].worth if m.graph.ids[mid] in m.roles else say("an actor")
    value = f.direct[mid] * f.movability[mid]
    return say("Influencer: %(path)s, %(worth)s worth %(value)s (leverage %(direct)s x movability "
               "%(movability)s): leverage %(leverage)s.", path=text, worth=worth,
               value=f"{value:.2f}", direct=f"{f.direct[mid]:.2f}",
               movability=f"{f.movability[mid]:.2f}", leverage=f"{inf.leverage[i]:.2f}")  # fmt: skip


def _relation(m: _Map, edge: int) -> str:
    return say(RELATION_LABELS[TYPES_BY_CODE[int(m.graph.type_code[edge])]][0])


def _movability_reason(stance: StanceView, value: float) -> str:
    label = STANCE_LABELS.get(stance.stance, "") if stance.stance is not None else ""
    words = {1.0: say("undecided: the most movable"), 0.8: say("unknown: find out where it stands"),
             0.6: say("soft support: secure it"), 0.5: say("soft opposition: worth trying"),
             0.1: say("hard opposition: unlikely to move")}  # fmt: skip
    values = {"value": f"{value:.2f}", "stance": stance.describe(), "words": words.get(value, "")}
    if label:
        return say("Movability %(value)s: %(stance)s (%(label)s), %(words)s.", label=say(label),
                   **values)  # fmt: skip
    return say("Movability %(value)s: %(stance)s, %(words)s.", **values)


def _reach_reason(paths: Sequence[Path], weights: ScoreWeights) -> str:
    if not paths:
        return say("No known path from your group: find someone who knows them (counted at the "
                   "floor of %(floor)s).", floor=f"{weights.reach_floor:.2f}")  # fmt: skip
    best = paths[0]
    names = ", ".join(s.name for s in best.intermediaries) or say("no intermediary (direct)")
    return say("Reachability %(strength)s through %(names)s: %(path)s.",
               strength=f"{best.strength:.2f}", names=names, path=best.describe())  # fmt: skip


def _score_reason(score: float, factors: Sequence[Factor], w: ScoreWeights) -> str:
    lev, mov, reach = (factor.value for factor in factors)
    return say("Score %(score)s = leverage %(leverage)s^%(lw)s x movability %(movability)s^%(mw)s "
               "x reachability %(reach)s^%(rw)s.", score=f"{score:.2f}", leverage=f"{lev:.2f}",
               lw=f"{w.leverage:g}", movability=f"{mov:.2f}", mw=f"{w.movability:g}",
               reach=f"{max(reach, w.reach_floor):.2f}", rw=f"{w.reachability:g}")  # fmt: skip


def _links(graph: MapGraph, actors: Sequence[str]) -> dict[str, list[Relationship]]:
    """The relationships going out of these actors, rebuilt from the graph's arrays."""
    starts = [graph.index[a] for a in actors]
    found: dict[str, list[Relationship]] = {}
    for edge in np.flatnonzero(np.isin(graph.source, starts)).tolist():
        source = graph.ids[graph.source[edge]]
        found.setdefault(source, []).append(Relationship(
            source, graph.ids[graph.target[edge]], TYPES_BY_CODE[int(graph.type_code[edge])],
            float(graph.strength[edge]),
        ))  # fmt: skip
    return found


def _allies(m: _Map, f: _Factors) -> tuple[Ally, ...]:
    """Champions (stance +2) other than the group itself, most leverage first."""
    never = {*m.own, *m.options.exclusions}
    champions = [i for i in np.flatnonzero(f.stance == 2).tolist() if m.graph.ids[i] not in never]
    champions.sort(key=lambda i: (-f.leverage[i], -m.reach.strength[i], m.graph.ids[i]))
    chosen = [m.graph.ids[i] for i in champions[: m.options.limit]]
    paths = best_paths(m.reach, chosen, m.name, m.options.max_paths)
    return tuple(_ally(m, f, actor, paths.get(actor, ())) for actor in chosen)


def _ally(m: _Map, f: _Factors, actor: str, paths: tuple[Path, ...]) -> Ally:
    i = m.graph.index[actor]
    stance = stance_of(m.stances, actor)
    role, reasons = _leverage_reasons(m, f, i) if f.leverage[i] > 0 else (None, ())
    return Ally(
        actor=actor, name=m.name(actor), role=role, stance=stance,
        reasons=(say("Champion: %(stance)s: mobilise it rather than persuade it.",
                     stance=stance.describe()),
                 *reasons, _reach_reason(paths, m.options.weights)),
        paths=paths,
    )  # fmt: skip


def _notes(m: _Map) -> tuple[str, ...]:
    notes = list(m.decision.notes)
    if m.forecast is not None:
        notes.append(say("%(body)s decides by its members' votes: the members are the targets, "
                         "not the body itself.", body=m.decision.body or ""))  # fmt: skip
    if m.forecast is not None:
        missing = [v.actor for v in m.forecast.members if v.actor not in m.actors]
        if missing:
            notes.append(say_plural(
                "%(count)d member is not on your map yet and counts as undecided with no known "
                "path.",
                "%(count)d members are not on your map yet and count as undecided with no known "
                "path.", len(missing)))  # fmt: skip
    if m.forecast is not None and m.forecast.outcome is Outcome.LIKELY_FAIL:
        notes.append(say("The vote is likely to fail as things stand: %(to_pass)s",
                         to_pass=m.forecast.to_pass))  # fmt: skip
    notes.append(say("Your group: %(own)s (victim groups and actors tagged own-group or "
                     "coalition).", own=", ".join(m.own) or say("none found")))  # fmt: skip
    return tuple(notes)
