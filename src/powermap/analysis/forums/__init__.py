"""The forum finder: which forums could hear a case, on what basis, and how victims take part.

`find_forums(facts, kb, today)` applies one family of rules per module and returns every
finding, most open first:

- `icc.py`: the International Criminal Court (Rome Statute arts. 11-13, 15 bis, 15 ter,
  17, 27, 127);
- `icj.py`: the International Court of Justice on compromissory clauses (Genocide
  Convention art. IX, CAT art. 30(1), CPED art. 42(1));
- `national.py`: national courts (territorial, nationality, passive personality and
  universal jurisdiction, personal immunities);
- `complaints.py`: regional human rights courts and UN treaty bodies;
- `tribunals.py`: special and hybrid tribunals, and related options (investigative
  mechanisms, targeted sanctions).

Each rule's docstring states the rule and its legal source; docs/forums.md collects them.
"""

from __future__ import annotations

import datetime as dt

from powermap.analysis.forums.complaints import find_complaint_forums
from powermap.analysis.forums.icc import find_icc
from powermap.analysis.forums.icj import find_icj
from powermap.analysis.forums.national import find_national
from powermap.analysis.forums.tribunals import find_sanctions, find_tribunals
from powermap.domain.forums import Facts, ForumFinding
from powermap.knowledge import KnowledgeBase

__all__ = ["find_forums"]


def find_forums(facts: Facts, kb: KnowledgeBase, today: dt.date) -> list[ForumFinding]:
    """Every forum that could hear a case on these facts, most open first.

    Order: available, then conditional, then unavailable; within each, the stronger
    finding first (`ForumFinding.strength`), then by id. `today` decides what is in force
    now (withdrawals, declarations, tribunals in operation) and ends an ongoing period.
    """
    findings = [
        find_icc(facts, kb, today),
        find_icj(facts, kb, today),
        *find_national(facts, kb, today),
        *find_complaint_forums(facts, kb, today),
        *find_tribunals(facts, kb, today),
        *find_sanctions(facts, kb, today),
    ]
    return sorted(findings, key=ForumFinding.sort_key)
