"""`powermap kb check`: every problem in the knowledge base, as errors and warnings.

Errors (the knowledge base must not be used): files that do not parse or validate,
duplicate ids, references that do not resolve, inconsistent facts, ask-kind steps that
are not a DAG, sources without an https URL or a document, and failed `_collection.yml`
assertions. Warnings (fix soon): facts whose `as_of` is older than 12 months or than the
folder's re-check cadence, dates in the future, unknown ratification or signature dates,
calendars whose listed sessions are all over, folders without `_collection.yml`.
"""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from powermap.knowledge.base import KnowledgeBase
from powermap.knowledge.consistency import (
    check_consistency,
    check_gaps,
    check_seats_by_group,
)
from powermap.knowledge.models import FOLDER_BY_KIND, Collection, Record, Source
from powermap.knowledge.problems import Problem, Report
from powermap.knowledge.read import COLLECTION_FILE, DATA_DIR, read_knowledge
from powermap.knowledge.references import check_references
from powermap.knowledge.yamlfile import PathPart

STALE_AFTER_DAYS = 365
"""Facts older than this (12 months) are always listed as warnings."""


def today_utc() -> dt.date:
    """Today's date in UTC (the knowledge base records dates, not times)."""
    return dt.datetime.now(tz=dt.UTC).date()


def check_knowledge(path: Path | str | None = None, today: dt.date | None = None) -> Report:
    """Read the knowledge base at `path` (default: the shipped one); check it all."""
    root = Path(path) if path is not None else DATA_DIR
    kb, read_problems = read_knowledge(root)
    checked = validate(kb, today=today)
    return Report(
        errors=(*read_problems, *checked.errors),
        warnings=checked.warnings,
        counts=kb.counts(),
        kb=kb,
    )


def validate(kb: KnowledgeBase, today: dt.date | None = None) -> Report:
    """Cross-reference, consistency, source, collection and freshness checks."""
    day = today or today_utc()
    errors = [
        *check_references(kb),
        *check_consistency(kb),
        *check_seats_by_group(kb),
        *check_sources(kb),
        *check_collections(kb),
    ]
    warnings = [
        *check_gaps(kb),
        *check_freshness(kb, day),
        *check_future_dates(kb, day),
        *check_upcoming_sessions(kb, day),
    ]
    if kb.root is not None:
        warnings.extend(missing_collections(kb, kb.root))
    return Report(errors=tuple(errors), warnings=tuple(warnings), counts=kb.counts(), kb=kb)


def record_sources(record: Record) -> Iterator[tuple[tuple[PathPart, ...], Source]]:
    """The record's sources, and those of treaty participants, with their paths."""
    for index, source in enumerate(record.sources):
        yield ("sources", index), source
    for p_index, participant in enumerate(getattr(record, "participants", [])):
        for index, source in enumerate(participant.sources or []):
            yield ("participants", p_index, "sources", index), source


def source_problem(source: Source) -> tuple[str, str] | None:
    """(field, message) when a source has no usable https URL or document."""
    if source.url is None and source.document is None:
        return "url", "a source needs `url` (https) or `document`"
    if source.url is not None and not source.url.startswith("https://"):
        return "url", f"`{source.url}` is not an https URL"
    if source.url is not None and any(char.isspace() for char in source.url):
        return "url", "the URL contains spaces"
    return None


def check_sources(kb: KnowledgeBase) -> list[Problem]:
    """Every source has an https URL or a document."""
    problems = []
    for kind, record in kb.all_records():
        for path, source in record_sources(record):
            found = source_problem(source)
            if found is not None:
                field, message = found
                problems.append(kb.problem(kind, record.id, (*path, field), message))
    return problems


def check_collections(kb: KnowledgeBase) -> list[Problem]:
    """The assertions of every `_collection.yml` hold."""
    problems = []
    for kind, collection in kb.collections.items():
        for path, message in collection_findings(kb, kind, collection):
            problems.append(kb.problem("_collection", kind, path, message))
    return [_unlabelled(p) for p in problems]


def _unlabelled(problem: Problem) -> Problem:
    return Problem(problem.file, problem.line, problem.field, problem.message)


def collection_findings(
    kb: KnowledgeBase, kind: str, collection: Collection
) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    """What fails among a collection's assertions, with the path of the assertion."""
    assertions, records = collection.assertions, kb.records(kind)
    if assertions.min_records is not None and len(records) < assertions.min_records:
        yield (
            ("assertions", "min_records"),
            f"{len(records)} records, expected at least {assertions.min_records}",
        )
    if assertions.max_records is not None and len(records) > assertions.max_records:
        yield (
            ("assertions", "max_records"),
            f"{len(records)} records, expected at most {assertions.max_records}",
        )
    for index, rid in enumerate(assertions.required_ids):
        if rid not in records:
            yield (
                ("assertions", "required_ids", index),
                f"required record `{rid}` is missing",
            )
    for index, expected in enumerate(assertions.members):
        path: tuple[PathPart, ...] = ("assertions", "members", index)
        body = kb.bodies.get(expected.body)
        if body is None:
            yield path, f"unknown body `{expected.body}`"
            continue
        members = kb.body_members(body.id)
        if len(members) != expected.count:
            yield (
                path,
                f"`{body.id}` has {len(members)} members on {body.as_of}, "
                f"expected {expected.count}",
            )
        permanent = sum(1 for m in members if m.permanent)
        if expected.permanent is not None and permanent != expected.permanent:
            yield (
                path,
                f"`{body.id}` has {permanent} permanent members, expected {expected.permanent}",
            )


def check_freshness(kb: KnowledgeBase, today: dt.date) -> list[Problem]:
    """Warnings for facts older than 12 months or than their folder's cadence."""
    warnings = []
    for kind, record in kb.all_records():
        age = (today - record.as_of).days
        collection = kb.collections.get(kind)
        cadence = collection.frequency_days if collection else STALE_AFTER_DAYS
        if age > STALE_AFTER_DAYS:
            message = f"as_of {record.as_of} is {age} days old (older than 12 months)"
        elif age > cadence:
            message = (
                f"as_of {record.as_of} is {age} days old: due for re-check every {cadence} days"
            )
        else:
            continue
        warnings.append(kb.problem(kind, record.id, ("as_of",), message))
    return warnings


def check_future_dates(kb: KnowledgeBase, today: dt.date) -> list[Problem]:
    """Warnings for `as_of` or `accessed` dates after today (typo or wrong clock)."""
    warnings = []
    for kind, record in kb.all_records():
        if record.as_of > today:
            warnings.append(
                kb.problem(
                    kind,
                    record.id,
                    ("as_of",),
                    f"as_of {record.as_of} is in the future",
                )
            )
        for path, source in record_sources(record):
            if source.accessed > today:
                message = f"accessed {source.accessed} is in the future"
                warnings.append(kb.problem(kind, record.id, (*path, "accessed"), message))
    return warnings


def check_upcoming_sessions(kb: KnowledgeBase, today: dt.date) -> list[Problem]:
    """Warnings for moments whose listed sessions are all over: add the next ones."""
    warnings = []
    for moment in kb.moments.values():
        if moment.sessions and all((s.end or s.start) < today for s in moment.sessions):
            last = max(s.end or s.start for s in moment.sessions)
            message = f"every listed session is over (last ended {last}): add the next"
            warnings.append(kb.problem("moment", moment.id, ("sessions",), message))
    return warnings


def missing_collections(kb: KnowledgeBase, root: Path) -> list[Problem]:
    """Warnings for data folders with records but no `_collection.yml`."""
    return [
        Problem(
            f"{FOLDER_BY_KIND[kind]}/{COLLECTION_FILE}",
            None,
            "",
            "missing: no assertions or re-check cadence for this folder",
        )
        for kind, count in kb.counts().items()
        if count and kind not in kb.collections
    ]
