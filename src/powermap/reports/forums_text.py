"""Forum findings as plain text, for the terminal (`powermap forums FACTS.yaml`).

Findings are grouped by status in the order given (most open first). Each shows its
bases, how victims can take part, the conditions still to meet, the reasons and sources,
and the suggested ask. The legal-information notice comes first and last.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence

from powermap.domain.forums import (
    CRIME_LABELS,
    FORUM_STATUS_LABELS,
    LEGAL_INFORMATION_NOTICE,
    VICTIM_ROLE_LABELS,
    Facts,
    ForumFinding,
    ForumStatus,
)

WIDTH = 88


def render_forums(
    findings: Sequence[ForumFinding],
    facts: Facts,
    today: dt.date,
    knowledge_as_of: dt.date | None = None,
) -> str:
    """The findings as a readable report."""
    lines = [*_header(facts, today, knowledge_as_of), ""]
    for status in ForumStatus:
        group = [f for f in findings if f.status is status]
        if not group:
            continue
        lines += [FORUM_STATUS_LABELS[status].upper(), "=" * len(FORUM_STATUS_LABELS[status]), ""]
        for finding in group:
            lines += [*render_finding(finding), ""]
    lines += _wrap(LEGAL_INFORMATION_NOTICE, "")
    return "\n".join(lines) + "\n"


def _header(facts: Facts, today: dt.date, knowledge_as_of: dt.date | None) -> list[str]:
    period = f"{facts.period.start} to {facts.period.end or 'ongoing'}"
    crimes = ", ".join(CRIME_LABELS[c].lower() for c in facts.crimes)
    title = facts.situation or "the situation described"
    checked = f"; knowledge base checked {knowledge_as_of}" if knowledge_as_of else ""
    return [
        f"Forums for {title}",
        *_wrap(f"Crimes: {crimes}. Territory: {', '.join(facts.territory)}. Period: {period}.", ""),
        f"As of {today}{checked}.",
        "",
        *_wrap(LEGAL_INFORMATION_NOTICE, ""),
    ]


def render_finding(finding: ForumFinding) -> list[str]:
    """One finding, indented under its name."""
    kind = " (related option)" if finding.related else ""
    lines = [f"[{finding.id}] {finding.name}{kind}"]
    if finding.bases:
        lines += _wrap("Basis: " + ", ".join(finding.bases), "  ")
    if finding.victim_roles:
        roles = "; ".join(VICTIM_ROLE_LABELS[r] for r in finding.victim_roles)
        lines += _wrap(f"Victims can take part as: {roles}", "  ")
    lines += _section("Conditions still to meet", finding.conditions)
    lines += _section("Why", finding.reasons)
    lines += _section("Sources", finding.sources)
    if finding.ask_title:
        kind_id = f" [{finding.ask_kind}]" if finding.ask_kind else ""
        lines += _wrap(f"Suggested ask{kind_id}: {finding.ask_title}", "  ")
    return lines


def _section(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    lines = [f"  {title}:"]
    for item in items:
        lines += _wrap(item, "    - ", "      ")
    return lines


def _wrap(text: str, indent: str, then: str | None = None) -> list[str]:
    # URLs must stay whole so that a terminal can open them.
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + "  " if then is None else then,
        break_long_words=False,
        break_on_hyphens=False,
    )
