"""Forum findings as JSON: the contract the CLI's `--json` prints and the web view reads.

```json
{"disclaimer": "This is legal information, not legal advice. ...",
 "as_of": "2026-11-25", "knowledge_as_of": "2026-11-25",
 "facts": {...},
 "forums": [{"id": "icc", "name": "International Criminal Court", "status": "available",
             "bases": ["territorial:BD"], "conditions": ["..."],
             "victim_roles": ["victim_participant", "reparations_claimant", "witness"],
             "reasons": ["..."], "sources": ["..."], "family": "icc", "related": false,
             "strength": 80, "ask_kind": "article_15_communication", "ask_title": "...",
             "candidate_states": []}]}
```

The keys of each forum are stable; new keys may be added, none renamed or removed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from powermap.domain.forums import LEGAL_INFORMATION_NOTICE, Facts, ForumFinding


def finding_json(finding: ForumFinding) -> dict[str, Any]:
    """One finding as a JSON-ready dict (the contract's keys first)."""
    return {
        "id": finding.id,
        "name": finding.name,
        "status": finding.status.value,
        "bases": list(finding.bases),
        "conditions": list(finding.conditions),
        "victim_roles": [role.value for role in finding.victim_roles],
        "reasons": list(finding.reasons),
        "sources": list(finding.sources),
        "family": finding.family.value,
        "related": finding.related,
        "strength": finding.strength,
        "ask_kind": finding.ask_kind,
        "ask_title": finding.ask_title,
        "candidate_states": list(finding.candidate_states),
    }


def facts_json(facts: Facts) -> dict[str, Any]:
    """The facts the findings were made from, in the shape of the facts file."""
    return {
        "situation": facts.situation,
        "crimes": [crime.value for crime in facts.crimes],
        "territory": list(facts.territory),
        "period": {
            "start": facts.period.start.isoformat(),
            "end": facts.period.end.isoformat() if facts.period.end else None,
        },
        "perpetrator_nationalities": list(facts.perpetrator_nationalities),
        "victim_nationalities": list(facts.victim_nationalities),
        "suspect_locations": list(facts.suspect_locations),
        "victim_residences": list(facts.victim_residences),
        "suspect_roles": [role.value for role in facts.suspect_roles],
        "state_responsibility": facts.state_responsibility,
        "sources": list(facts.sources),
    }


def forums_json(
    findings: Sequence[ForumFinding],
    facts: Facts,
    today: dt.date,
    knowledge_as_of: dt.date | None = None,
) -> dict[str, Any]:
    """The whole result: the disclaimer, the dates it depends on, the facts, the forums."""
    return {
        "disclaimer": LEGAL_INFORMATION_NOTICE,
        "as_of": today.isoformat(),
        "knowledge_as_of": knowledge_as_of.isoformat() if knowledge_as_of else None,
        "facts": facts_json(facts),
        "forums": [finding_json(f) for f in findings],
    }


def dumps_forums(
    findings: Sequence[ForumFinding],
    facts: Facts,
    today: dt.date,
    knowledge_as_of: dt.date | None = None,
    indent: int | None = 2,
) -> str:
    """`forums_json` as text (UTF-8 kept readable, not escaped)."""
    document = forums_json(findings, facts, today, knowledge_as_of)
    return json.dumps(document, ensure_ascii=False, indent=indent)
