"""The workspace file: every problem named with file, line and field; round trips."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powermap.domain.actors import (
    Actor,
    Ask,
    Assessment,
    Relationship,
    StepProgress,
    WorkspaceContent,
)
from powermap.domain.strategy import WorkspaceMoment
from powermap.domain.vocab import ActorKind, RelationType
from powermap.formats.workspace_yaml import WorkspaceFileError, dump_workspace, parse_workspace

GOOD = """\
format: powermap/1
workspace: {name: Test, situation: Somewhere}
actors:
  - {id: survivors, name: Survivors, kind: victim_group, tags: [own]}
relationships:
  - {from: survivors, to: state:GH, type: knows, strength: 0.9}
assessments:
  - {actor: state:GH, ask: hrc-mechanism, influence: 3, stance: 0, date: 2026-10-01}
asks:
  - {id: hrc-mechanism, kind: investigative_mechanism, body: hrc, title: A mechanism}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(WorkspaceFileError) as error:
        parse_workspace(text, "w.yml")
    return [str(p) for p in error.value.problems]


def test_it_reads_a_good_file() -> None:
    content = parse_workspace(GOOD)
    assert [a.id for a in content.actors] == ["survivors"]
    assert content.relationships[0].target == "state:GH"
    assert content.assessments[0].ask == "hrc-mechanism"
    assert content.assessments[0].date == dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    "change,expected",
    [
        ("format: powermap/1", "w.yml:1: format: must be 'powermap/1'"),
        ("strength: 0.9", "w.yml:6: relationships[0].strength: must be a number from 0 to 1"),
        ("stance: 0", "w.yml:8: assessments[0].stance: must be a whole number from -2 to 2"),
        ("date: 2026-10-01", "w.yml:8: assessments[0].date: must be a date written YYYY-MM-DD"),
        ("kind: victim_group", "w.yml:4: actors[0].kind: must be one of"),
        ("to: state:GH", "w.yml:6: relationships[0].to: unknown actor 'nobody'"),
        ("ask: hrc-mechanism,", "w.yml:8: assessments[0].ask: unknown ask 'other'"),
        ("tags: [own]", "w.yml:4: actors[0].colour: unknown key"),
        ("to: state:GH", "w.yml:6: relationships[0].to: malformed reference id 'state:Ghana'"),
    ],
)
def test_it_names_the_line_and_field_of_each_problem(change: str, expected: str) -> None:
    replacement = {
        "format: powermap/1": "format: powermap/9",
        "strength: 0.9": "strength: 1.5",
        "stance: 0": "stance: 5",
        "date: 2026-10-01": "date: 01/10/2026",
        "kind: victim_group": "kind: spaceship",
        "ask: hrc-mechanism,": "ask: other,",
        "tags: [own]": "tags: [own], colour: red",
    }
    if expected.endswith("'nobody'"):
        text = GOOD.replace("to: state:GH", "to: nobody")
    elif "malformed" in expected:
        text = GOOD.replace("to: state:GH", "to: state:Ghana")
    else:
        text = GOOD.replace(change, replacement[change])
    assert any(p.startswith(expected) for p in problems(text)), problems(text)


def test_it_lists_every_problem_at_once() -> None:
    text = GOOD.replace("strength: 0.9", "strength: 2").replace("stance: 0", "stance: 9")
    assert len(problems(text)) == 2


def test_it_reports_broken_yaml_with_its_line() -> None:
    found = problems("format: powermap/1\nactors: [\n  {id: a\n")
    assert found[0].startswith("w.yml:") and "not valid YAML" in found[0]


def test_it_refuses_duplicate_ids() -> None:
    text = GOOD.replace("actors:\n", "actors:\n  - {id: survivors, name: Again, kind: ngo}\n")
    assert any("duplicate id 'survivors'" in p for p in problems(text))


def test_it_reads_the_choices_made_for_an_ask() -> None:
    text = GOOD.replace("title: A mechanism}", "title: A mechanism,\n"
                        "     pinned_targets: [state:GH, survivors], excluded_targets: [state:DE]}")
    ask = parse_workspace(text).asks[0]
    assert ask.pinned_targets == ("state:GH", "survivors")
    assert ask.excluded_targets == ("state:DE",)
    bad = GOOD.replace("title: A mechanism}", "title: A mechanism, pinned_targets: [nobody],\n"
                       "     decider: survivors}")
    found = problems(bad)
    assert "w.yml:10: asks[0].pinned_targets: unknown actor 'nobody'" in found
    assert "w.yml:11: asks[0].decider: give a body or a decider, not both" in found


PROGRESS = GOOD.replace(
    "  - {id: hrc-mechanism, kind: investigative_mechanism, body: hrc, title: A mechanism}\n",
    """\
  - id: hrc-mechanism
    kind: investigative_mechanism
    deadline: 2027-03-31
    moment: hrc_sessions
    steps:
      - {step: draft, owner: Amina, done: 2026-09-01}
      - {step: lobby, owner: Bilal}
      - {step: vote, done: 2026-10-07}
""",
)


def test_it_reads_the_dates_and_progress_of_an_ask() -> None:
    ask = parse_workspace(PROGRESS).asks[0]
    assert (ask.deadline, ask.moment) == (dt.date(2027, 3, 31), "hrc_sessions")
    assert ask.steps == (
        StepProgress("draft", "Amina", dt.date(2026, 9, 1)),
        StepProgress("lobby", "Bilal"),
        StepProgress("vote", "", dt.date(2026, 10, 7)),
    )
    assert "deadline: 2027-03-31" in dump_workspace(parse_workspace(PROGRESS))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("deadline: 2027-03-31", "deadline: end of March",
         "w.yml:12: asks[0].deadline: must be a date written YYYY-MM-DD"),
        ("moment: hrc_sessions", "moment: the September session",
         "w.yml:13: asks[0].moment: use letters, digits and _ . : - only"),
        ("step: lobby", "step: draft", "w.yml:16: asks[0].steps[1].step: duplicate step 'draft'"),
        ("done: 2026-09-01", "done: yesterday",
         "w.yml:15: asks[0].steps[0].done: must be a date written YYYY-MM-DD"),
        ("{step: lobby, owner: Bilal}", "{step: lobby}",
         "w.yml:16: asks[0].steps[1]: give an owner, a done date or both"),
        ("{step: lobby, owner: Bilal}", "{step: lobby, owner: Bilal, when: soon}",
         "w.yml:16: asks[0].steps[1].when: unknown key"),
        ("{step: lobby, owner: Bilal}", "{owner: Bilal}",
         "w.yml:16: asks[0].steps[1].step: is required"),
        ("{step: lobby, owner: Bilal}", f"{{step: lobby, owner: {'x' * 201}}}",
         "w.yml:16: asks[0].steps[1].owner: at most 200 characters"),
    ],
)  # fmt: skip
def test_it_names_the_line_and_field_of_bad_dates_and_progress(
    old: str, new: str, expected: str
) -> None:
    found = problems(PROGRESS.replace(old, new))
    assert expected in found, found


def test_it_checks_reference_ids_against_the_knowledge_base() -> None:
    with pytest.raises(WorkspaceFileError) as error:
        parse_workspace(GOOD, "w.yml", known_reference=lambda ref: ref != "state:GH")
    assert "no such reference actor 'state:GH'" in str(error.value)


# Property: any workspace content survives dump -> parse unchanged.
words = st.text(alphabet=string.ascii_letters + " éالعربية", min_size=1, max_size=20).map(str.strip).filter(bool)
ids = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12).filter(
    lambda s: s[0].isalnum()
)


days = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))


@st.composite
def progress(draw: st.DrawFn) -> tuple[StepProgress, ...]:
    """Progress on some steps: each has an owner, a done date or both."""
    steps = []
    for step in draw(st.lists(ids, max_size=3, unique=True)):
        owner = draw(st.just("") | words)
        done = draw(days) if not owner else draw(st.none() | days)
        steps.append(StepProgress(step=step, owner=owner, done_on=done))
    return tuple(steps)


@st.composite
def contents(draw: st.DrawFn) -> WorkspaceContent:
    actor_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    refs = draw(st.lists(st.sampled_from(["state:DE", "state:GH", "body:hrc"]), unique=True))
    actors = tuple(
        Actor(id=i, name=draw(words), kind=draw(st.sampled_from(list(ActorKind))),
              tags=tuple(draw(st.lists(ids, max_size=3, unique=True))),
              notes=draw(st.just("") | words), confidential=draw(st.booleans()))
        for i in actor_ids
    ) + tuple(Actor(id=r, name="", kind=ActorKind.STATE if r.startswith("state") else ActorKind.IGO_ORGAN,
                    reference=True) for r in refs)  # fmt: skip
    everyone = [a.id for a in actors]
    someone = st.lists(st.sampled_from(everyone), max_size=3, unique=True).map(tuple)
    asks = tuple(Ask(id=i, kind="targeted_sanctions", title=draw(words),
                     decider=draw(st.just("") | st.sampled_from(everyone)),
                     pinned_targets=draw(someone), excluded_targets=draw(someone),
                     deadline=draw(st.none() | days), moment=draw(st.just("") | ids),
                     steps=draw(progress()))
                 for i in draw(st.lists(ids, max_size=2, unique=True)))  # fmt: skip
    rels = tuple(
        Relationship(source=draw(st.sampled_from(everyone)), target=draw(st.sampled_from(everyone)),
                     type=draw(st.sampled_from(list(RelationType))),
                     strength=draw(st.sampled_from([0.0, 0.25, 0.5, 1.0])),
                     source_ref=draw(st.just("") | words), confidential=draw(st.booleans()))
        for _ in range(draw(st.integers(0, 5)))
    )  # fmt: skip
    assessments = tuple(
        Assessment(actor=draw(st.sampled_from(everyone)),
                   influence=draw(st.none() | st.integers(0, 5)), stance=draw(st.integers(-2, 2)),
                   date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
                   ask=draw(st.none() | st.sampled_from([a.id for a in asks] or [None])),
                   confidence=draw(st.none() | st.sampled_from([0.1, 0.5, 1.0])),
                   note=draw(st.just("") | words))
        for _ in range(draw(st.integers(0, 5)))
    )  # fmt: skip
    moments = tuple(
        WorkspaceMoment(id=i, name=draw(words), date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
                        yearly=draw(st.booleans()), lead_time_days=draw(st.none() | st.integers(0, 365)),
                        description=draw(st.just("") | words))
        for i in draw(st.lists(ids, max_size=2, unique=True))
    )  # fmt: skip
    return WorkspaceContent(draw(words), draw(st.just("") | words), actors, rels, assessments, asks,
                            moments)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(contents())
def test_it_round_trips_any_workspace(content: WorkspaceContent) -> None:
    assert parse_workspace(dump_workspace(content)) == content


def test_it_reports_an_impossible_date_instead_of_crashing() -> None:
    found = problems(GOOD.replace("date: 2026-10-01", "date: 2025-13-01"))
    assert "impossible value" in found[0]


def test_it_reads_the_groups_own_dates() -> None:
    text = GOOD + "moments:\n  - {id: anniversary, name: Anniversary of the attacks, date: 2017-08-25, lead_time_days: 60}\n"
    moment = parse_workspace(text).moments[0]
    assert (moment.id, moment.date, moment.yearly, moment.lead_time_days) == (
        "anniversary", dt.date(2017, 8, 25), True, 60)
    bad = GOOD + "moments:\n  - {id: x, name: X, date: soon, yearly: maybe}\n"
    found = problems(bad)
    assert any("moments[0].date" in p for p in found) and any("moments[0].yearly" in p for p in found)
