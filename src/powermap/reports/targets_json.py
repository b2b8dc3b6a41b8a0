"""The target ranking as JSON: the contract of `powermap targets --json`.

Stable keys (others may be added, none removed): `ask`, `body`, `decision_rule`,
`forecast` {`yes`, `no`, `undecided`, `outcome`, `pivotal`, `veto_risk`}, `allies`
[{`actor`, `reasons`}], `targets` [{`actor`, `name`, `role`, `score`, `stance`,
`reasons`, `paths`, `arguments` [{`id`, `why`}]}], targets best first. A path is the
list of actor ids from one of the group's own actors to the target.
"""

from __future__ import annotations

import json
from typing import Any

from powermap.domain.strategy import (
    Ally,
    ArgumentChoice,
    Factor,
    Forecast,
    Path,
    Ranking,
    StanceView,
    Target,
)

SCORE_DIGITS = 3


def targets_document(ranking: Ranking) -> dict[str, Any]:
    """The ranking as plain data, in the contract's shape."""
    w = ranking.weights
    return {
        "ask": ranking.ask,
        "ask_kind": ranking.ask_kind,
        "body": ranking.body,
        "decision_rule": ranking.decision_rule,
        "decision_rule_text": ranking.decision_rule_text,
        "forecast": forecast_document(ranking.forecast) if ranking.forecast else None,
        "allies": [_ally(a) for a in ranking.allies],
        "targets": [_target(t) for t in ranking.targets],
        "own_group": list(ranking.own_group),
        "excluded": list(ranking.excluded),
        "weights": {
            "leverage": w.leverage,
            "movability": w.movability,
            "reachability": w.reachability,
            "reach_floor": w.reach_floor,
        },  # fmt: skip
        "notes": list(ranking.notes),
    }


def targets_json(ranking: Ranking) -> str:
    """The JSON text, indented, with non-ASCII names kept readable."""
    return json.dumps(targets_document(ranking), indent=2, ensure_ascii=False)


def forecast_document(f: Forecast) -> dict[str, Any]:
    return {
        "yes": f.yes,
        "no": f.no,
        "undecided": f.undecided,
        "outcome": f.outcome.value,
        "pivotal": list(f.pivotal),
        "veto_risk": list(f.veto_risk),
        "seats": f.seats,
        "on": f.on.isoformat(),
        "rule": f.rule,
        "to_pass": f.to_pass,
        "reasons": list(f.reasons),
        "members": [
            {"actor": m.actor, "vote": m.vote.value, "veto": m.veto_holder, **_stance(m.stance)}
            for m in f.members
        ],
    }


def _target(t: Target) -> dict[str, Any]:
    return {
        "actor": t.actor,
        "name": t.name,
        "role": t.role.value,
        "score": round(t.score, SCORE_DIGITS),
        "stance": t.stance.stance,
        "stance_basis": t.stance.basis.value,
        "pinned": t.pinned,
        "reasons": list(t.reasons),
        "factors": [_factor(f) for f in t.factors],
        "paths": [list(p.actor_ids) for p in t.paths],
        "path_details": [_path(p) for p in t.paths],
        "arguments": [_argument(a) for a in t.arguments],
    }


def _ally(a: Ally) -> dict[str, Any]:
    return {
        "actor": a.actor,
        "name": a.name,
        "role": a.role.value if a.role else None,
        "stance": a.stance.stance,
        "reasons": list(a.reasons),
        "paths": [list(p.actor_ids) for p in a.paths],
    }


def _factor(f: Factor) -> dict[str, Any]:
    return {"name": f.name, "value": round(f.value, SCORE_DIGITS), "weight": f.weight,
            "reasons": list(f.reasons)}  # fmt: skip


def _path(p: Path) -> dict[str, Any]:
    return {
        "strength": round(p.strength, SCORE_DIGITS),
        "steps": [
            {"actor": s.actor, "name": s.name, "relation": s.relation_words() or None,
             "strength": s.strength}
            for s in p.steps
        ],
    }  # fmt: skip


def _argument(a: ArgumentChoice) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "kind": a.kind, "why": a.why, "text": a.text}


def _stance(s: StanceView) -> dict[str, Any]:
    return {
        "stance": s.stance,
        "stance_basis": s.basis.value,
        "assessed_on": s.date.isoformat() if s.date else None,
    }
