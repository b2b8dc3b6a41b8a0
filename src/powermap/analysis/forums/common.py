"""Shared pieces of the forum rules: date windows, treaty membership, findings in progress.

Every sentence a finding says is a `Message` (`say`, powermap/domain/messages.py), so that
the web layer can show it in the reader's language; names (of states, bodies, treaties,
sources) stay as the knowledge base gives them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from powermap.domain.forums import (
    Crime,
    Facts,
    ForumFamily,
    ForumFinding,
    ForumStatus,
    VictimRole,
)
from powermap.domain.messages import Message, joined, say, say_plural
from powermap.knowledge import KnowledgeBase
from powermap.knowledge.models import NamedRecord, Participant, Record, Source

ONE_DAY = dt.timedelta(days=1)
SOURCES_PER_RECORD = 2  # the first sources of a record are its primary ones


@dataclass(frozen=True, slots=True)
class Window:
    """A span of days, both ends included."""

    start: dt.date
    end: dt.date

    def clip(self, other: Window) -> Window | None:
        """The days both windows share, or None."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Window(start, end) if start <= end else None

    def __str__(self) -> str:
        if self.end == dt.date.max:
            return f"from {self.start}"
        return f"{self.start} to {self.end}"

    def words(self) -> Message:
        """`from 2002-07-01` or `2002-07-01 to 2017-10-26`, to put in a sentence."""
        if self.end == dt.date.max:
            return say("from %(start)s", start=self.start.isoformat())
        return say("%(start)s to %(end)s", start=self.start.isoformat(), end=self.end.isoformat())


def situation_window(facts: Facts, today: dt.date) -> Window:
    """The period of the facts; an ongoing situation runs until today."""
    end = facts.period.end or max(today, facts.period.start)
    return Window(facts.period.start, end)


def gaps(whole: Window, covered: Iterable[Window]) -> list[Window]:
    """The parts of `whole` that no window in `covered` reaches."""
    result: list[Window] = []
    cursor = whole.start
    for part in sorted(covered, key=lambda w: w.start):
        if part.start > cursor:
            result.append(Window(cursor, min(part.start - ONE_DAY, whole.end)))
        if part.end >= cursor:
            cursor = part.end + ONE_DAY if part.end < dt.date.max else dt.date.max
        if cursor > whole.end:
            return result
    if cursor <= whole.end:
        result.append(Window(cursor, whole.end))
    return result


def participant(kb: KnowledgeBase, iso2: str, treaty_id: str) -> Participant | None:
    """A state's recorded participation in a treaty; None when the treaty is not loaded."""
    if treaty_id not in kb.treaties:
        return None
    return kb.treaty_status(iso2, treaty_id)


def membership(p: Participant | None) -> Window | None:
    """The days a treaty was in force for a state: entry into force to the day before the
    withdrawal took effect. None for states that never became parties.

    Uses `in_force` (the treaty binds a state only from then, e.g. Rome Statute art.
    126(2)), falling back to the ratification date where entry into force is unknown.
    """
    if p is None or p.status not in ("party", "withdrawn"):
        return None
    start = p.in_force or p.date or dt.date.min
    end = p.withdrawal_effective - ONE_DAY if p.withdrawal_effective else dt.date.max
    return Window(start, end) if start <= end else None


def bound_on(p: Participant | None, day: dt.date) -> bool:
    """True when the treaty was in force for the state on `day`."""
    window = membership(p)
    return window is not None and window.start <= day <= window.end


def state_name(kb: KnowledgeBase, iso2: str) -> str:
    """`Bangladesh (BD)`, or the bare code when the knowledge base lacks the state."""
    state = kb.states.get(iso2)
    return say("%(name)s (%(code)s)", name=state.display_name, code=iso2) if state else iso2


def names(kb: KnowledgeBase, codes: Iterable[str]) -> str:
    """Several states, comma-separated."""
    return joined([state_name(kb, code) for code in codes], ", ")


CRIME_WORDS: dict[Crime, Message] = {
    Crime.GENOCIDE: say("genocide"),
    Crime.CRIMES_AGAINST_HUMANITY: say("crimes against humanity"),
    Crime.WAR_CRIMES: say("war crimes"),
    Crime.TORTURE: say("torture"),
    Crime.ENFORCED_DISAPPEARANCE: say("enforced disappearance"),
    Crime.AGGRESSION: say("aggression"),
}
"""The crimes as words within a sentence (the labels in domain/forums.py are headings)."""


def crime_list(crimes: Iterable[Crime]) -> Message:
    """`genocide, crimes against humanity`: the comma, too, in the reader's language."""
    words = [CRIME_WORDS[c] for c in crimes]
    result = words[0] if words else joined([])
    for word in words[1:]:
        result = say("%(first)s, %(second)s", first=result, second=word)
    return result


def any_of(items: Sequence[str]) -> str:
    """`a or b or c`: each `or` is said in the reader's language."""
    result = items[0]
    for item in items[1:]:
        result = say("%(first)s or %(second)s", first=result, second=item)
    return result


def all_of(items: Sequence[str]) -> str:
    """`a and b and c`: each `and` is said in the reader's language."""
    result = items[0]
    for item in items[1:]:
        result = say("%(first)s and %(second)s", first=result, second=item)
    return result


def then(sentence: Message, note: str | None) -> Message:
    """A sentence followed, where there is one, by a note (another whole sentence)."""
    return joined([sentence, note], " ") if note else sentence


def incomplete_list_note(kb: KnowledgeBase, iso2s: Iterable[str], treaty_id: str) -> str | None:
    """A warning when a "not a party" answer rests on a list of parties known to be short.

    Only for states the list shows as never involved (a listed signatory or a withdrawn
    party is known); None when the treaty's list is whole.
    """
    missing = kb.unidentified_parties(treaty_id) if treaty_id in kb.treaties else 0
    unlisted = [s for s in iso2s if kb.treaty_status(s, treaty_id).status == "none"]
    if not missing or not unlisted:
        return None
    return say_plural(
        "Our list of parties to the %(treaty)s is incomplete (%(count)d party is not "
        "identified): check the depositary before ruling this out.",
        "Our list of parties to the %(treaty)s is incomplete (%(count)d parties are not "
        "identified): check the depositary before ruling this out.",
        missing, treaty=kb.treaties[treaty_id].display_name,
    )  # fmt: skip


def situation_about(facts: Facts, kb: KnowledgeBase) -> str:
    """What an ask is about: the situation as the facts name it, else where it happened."""
    return facts.situation or say("crimes in %(states)s", states=names(kb, facts.territory))


def record_name(record: NamedRecord | None, fallback: str) -> str:
    """A record's English name, or `fallback` when the record is missing."""
    return record.display_name if record is not None else fallback


def cite(source: Source) -> str:
    """One source as a line: title, publisher, locator and where to find it."""
    locator = f", {source.locator}" if source.locator else ""
    return f"{source.title} ({source.publisher}{locator}): {source.reference}"


def record_sources(record: Record | None, limit: int = SOURCES_PER_RECORD) -> list[str]:
    """The first sources of a knowledge-base record, cited."""
    if record is None:
        return []
    return [cite(s) for s in record.sources[:limit]]


def ask_kind(kb: KnowledgeBase, kind_id: str) -> str | None:
    """The ask kind id when the knowledge base's catalogue has it, else None."""
    return kind_id if kind_id in kb.ask_kinds else None


@dataclass
class Draft:
    """A finding being built by one rule; `finish()` freezes it."""

    id: str
    name: str
    family: ForumFamily
    status: ForumStatus = ForumStatus.UNAVAILABLE
    bases: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    victim_roles: list[VictimRole] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ask_kind: str | None = None
    ask_title: str = ""
    strength: int = 0
    candidate_states: list[str] = field(default_factory=list)

    def cite(self, *lines: str) -> None:
        """Add sources (legal provisions, decisions, record sources)."""
        self.sources.extend(lines)

    def roles(self, roles: Sequence[VictimRole]) -> None:
        """Add victim roles, keeping the first order given."""
        self.victim_roles.extend(r for r in roles if r not in self.victim_roles)

    def finish(self) -> ForumFinding:
        """The frozen finding, with repeated lines removed."""
        return ForumFinding(
            id=self.id,
            name=self.name,
            family=self.family,
            status=self.status,
            bases=_unique(self.bases),
            conditions=_unique(self.conditions),
            victim_roles=tuple(self.victim_roles),
            reasons=_unique(self.reasons),
            sources=_unique(self.sources),
            ask_kind=self.ask_kind,
            ask_title=self.ask_title,
            strength=max(0, min(100, self.strength)),
            candidate_states=_unique(self.candidate_states),
        )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
