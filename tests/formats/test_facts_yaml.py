"""The facts file of the forum finder: valid files parse, bad ones name file, line and field."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from powermap.domain.forums import Crime, Facts, Period, SuspectRole
from powermap.formats.facts_yaml import FactsFileError, parse_facts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "facts"
KNOWN = {"MM", "BD", "NO", "DE", "SY", "UA", "RU", "BI"}

GOOD = """\
situation: Rohingya
crimes: [genocide, crimes_against_humanity]
territory: [MM, bd]
period: {start: 2016-10-01, end: 2017-12-31}
perpetrator_nationalities: [MM]
victim_nationalities: [MM]
suspect_locations: [MM]
victim_residences: [BD, BD]
suspect_roles: [head_of_state, military_commander]
state_responsibility: true
sources: ["A/HRC/39/64"]
"""


def parse(text: str) -> Facts:
    return parse_facts(textwrap.dedent(text), "facts.yaml", known_state=KNOWN.__contains__)


def problems(text: str) -> list[str]:
    with pytest.raises(FactsFileError) as caught:
        parse(text)
    return [str(p) for p in caught.value.problems]


def test_it_reads_a_valid_file() -> None:
    facts = parse(GOOD)
    assert facts.crimes == (Crime.GENOCIDE, Crime.CRIMES_AGAINST_HUMANITY)
    assert facts.territory == ("MM", "BD")  # upper-cased
    assert facts.period == Period(dt.date(2016, 10, 1), dt.date(2017, 12, 31))
    assert facts.victim_residences == ("BD",)  # repeats dropped
    assert facts.suspect_roles == (SuspectRole.HEAD_OF_STATE, SuspectRole.MILITARY_COMMANDER)
    assert facts.state_responsibility is True
    assert facts.situation == "Rohingya"
    assert facts.sources == ("A/HRC/39/64",)


def test_it_reads_a_minimal_file_with_an_ongoing_period() -> None:
    facts = parse("crimes: [aggression]\nterritory: [UA]\nperiod: {start: 2022-02-24}\n")
    assert facts.period.end is None
    assert facts.perpetrator_nationalities == ()
    assert facts.state_responsibility is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("crimes_against_humanity]", "genocde]"),
            "facts.yaml:2: crimes[1]: unknown value 'genocde'",
        ),
        (("[MM, bd]", "[MM, XX]"), "facts.yaml:3: territory[1]: unknown state code 'XX'"),
        (("[MM, bd]", "[MM, Burma]"), "territory[1]: 'Burma' is not an ISO 3166-1 alpha-2 code"),
        (
            ("end: 2017-12-31", "end: 2015-12-31"),
            "facts.yaml:4: period.end: 2015-12-31 is before period.start",
        ),
        (("end: 2017-12-31", "end: soon"), "period.end: must be a date written YYYY-MM-DD"),
        (("suspect_locations: [MM]", "suspect_locations: MM"), "suspect_locations: must be a list"),
        (("[head_of_state,", "[president,"), "suspect_roles[0]: unknown value 'president'"),
        (
            ("state_responsibility: true", "state_responsibility: maybe"),
            "state_responsibility: must be true or false",
        ),
        (("situation: Rohingya", "situaton: Rohingya"), "facts.yaml:1: situaton: unknown key"),
        (
            ("victim_residences: [BD, BD]", "victim_residences: [NO]"),
            'write Norway as "NO" in quotes',
        ),
    ],
    ids=[
        "unknown-crime",
        "unknown-state",
        "not-a-code",
        "reversed-dates",
        "not-a-date",
        "not-a-list",
        "unknown-role",
        "not-a-bool",
        "unknown-key",
        "unquoted-norway",
    ],
)
def test_it_refuses_bad_input_naming_the_field(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    found = problems(GOOD.replace(old, new))
    assert any(expected in p for p in found), found


def test_it_accepts_norway_in_quotes() -> None:
    assert parse(GOOD.replace("[BD, BD]", '["NO"]')).victim_residences == ("NO",)


def test_it_requires_crimes_territory_and_period() -> None:
    found = problems("situation: nothing else\n")
    assert any("crimes: is required" in p for p in found)
    assert any("territory: is required" in p for p in found)
    assert any("period: is required" in p for p in found)


def test_it_requires_at_least_one_crime() -> None:
    found = problems(GOOD.replace("[genocide, crimes_against_humanity]", "[]"))
    assert any("crimes: must list at least one value" in p for p in found)


def test_it_collects_every_problem_at_once() -> None:
    bad = GOOD.replace("genocide,", "genocde,").replace("[MM, bd]", "[MM, XX]")
    assert len(problems(bad)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crimes: [genocide\n", "(file): not valid YAML"),
        ("- just\n- a list\n", "(file): expected a mapping"),
        ("crimes: [genocide]\nterritory: [MM]\nperiod: {start: 2025-13-01}\n", "impossible value"),
    ],
)
def test_it_refuses_files_that_are_not_facts(text: str, expected: str) -> None:
    assert any(expected in p for p in problems(text))


def test_it_checks_codes_only_when_given_a_lookup() -> None:
    facts = parse_facts("crimes: [torture]\nterritory: [QQ]\nperiod: {start: 2020-01-01}\n")
    assert facts.territory == ("QQ",)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_it_reads_the_example_situations(path: Path) -> None:
    from powermap.knowledge import load_knowledge

    kb = load_knowledge()
    facts = parse_facts(path.read_text(encoding="utf-8"), str(path), lambda c: c in kb.states)
    assert facts.situation
    assert facts.sources


def test_it_ships_the_four_example_situations() -> None:
    assert {p.stem for p in EXAMPLES.glob("*.yaml")} >= {"rohingya", "syria", "ukraine", "burundi"}
