"""Loading: every schema problem is reported with its file, line and field."""

import datetime as dt

import pytest

from powermap.knowledge import KnowledgeError, check_knowledge, load_knowledge
from tests.knowledge.tree import Tree, line_of

UNSOURCED = """\
kind: state
records:
  - id: DE
    name: {en: Germany}
    un_member: true
    un_member_since: 1973-09-18
    regional_group: WEOG
    as_of: 2026-11-01
"""


def errors_of(tree: Tree) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tree.root)
    return str(caught.value)


def test_it_loads_a_valid_tree(tree: Tree) -> None:
    kb = load_knowledge(tree.root)
    assert kb.state("de").name_en == "Germany"
    assert kb.counts()["body"] == 4


def test_it_reports_a_record_without_sources_with_file_and_line(tree: Tree) -> None:
    text = tree.write("states/states.yml", UNSOURCED)
    message = errors_of(tree)
    assert f"states/states.yml:{line_of(text, 'id: DE')}: records[0].sources:" in message
    assert "Field required" in message


def test_it_reports_an_empty_source_list(tree: Tree) -> None:
    text = tree.write("states/states.yml", UNSOURCED + "    sources: []\n")
    message = errors_of(tree)
    assert f"states/states.yml:{line_of(text, 'sources: []')}: records[0].sources" in message


def test_it_reports_a_record_without_as_of(tree: Tree) -> None:
    text = tree.replace("calendar/days.yml", "  as_of: 2026-11-01\n", "")
    message = errors_of(tree)
    line = line_of(text, "id: day-victims-of-torture")
    assert f"calendar/days.yml:{line}: records[0].as_of: Field required" in message


def test_it_reports_a_date_that_does_not_exist(tree: Tree) -> None:
    text = tree.replace("treaties/cat.yml", "date: 1990-10-01", "date: 1990-02-30")
    message = errors_of(tree)
    line = line_of(text, "1990-02-30")
    assert f"treaties/cat.yml:{line}: records[0].participants[0].date:" in message
    assert "valid date" in message


def test_it_rejects_a_date_written_as_a_string(tree: Tree) -> None:
    tree.replace("mechanisms/iiim.yml", "date: 2016-12-21", 'date: "21 December 2016"')
    assert "records[0].date: Input should be a valid date" in errors_of(tree)


def test_it_points_at_defaults_when_the_problem_comes_from_them(tree: Tree) -> None:
    text = tree.replace("mechanisms/iiim.yml", "accessed: 2026-11-01", "accessed: soon")
    message = errors_of(tree)
    line = line_of(text, "accessed: soon")
    assert f"mechanisms/iiim.yml:{line}: records[0].sources[0].accessed" in message


def test_it_rejects_unknown_keys(tree: Tree) -> None:
    text = tree.replace("bodies/bodies.yml", "    size: 15\n", "    sise: 15\n")
    message = errors_of(tree)
    line = line_of(text, "sise: 15")
    assert f"bodies/bodies.yml:{line}: records[2].sise: Extra inputs" in message


def test_it_rejects_a_word_outside_a_vocabulary(tree: Tree) -> None:
    tree.replace("mechanisms/iiim.yml", "crimes: [war_crimes]", "crimes: [piracy]")
    assert "records[0].crimes[0]: Input should be" in errors_of(tree)


def test_it_rejects_a_duplicate_id(tree: Tree) -> None:
    tree.write(
        "organisations/eu_again.yml",
        (tree.root / "organisations/eu.yml").read_text(encoding="utf-8"),
    )
    message = errors_of(tree)
    assert "duplicate organisation id `eu`" in message
    assert "organisations/eu.yml:" in message


def test_it_reports_a_yaml_syntax_error_with_its_line(tree: Tree) -> None:
    tree.write("calendar/broken.yml", "kind: moment\nrecords: [\n  {id: x\n")
    assert "calendar/broken.yml:" in errors_of(tree)


def test_it_reports_a_kind_in_the_wrong_folder(tree: Tree) -> None:
    tree.replace("calendar/days.yml", "kind: moment", "kind: body")
    assert "calendar/days.yml:1: kind:" in errors_of(tree)


def test_it_reports_a_duplicate_key(tree: Tree) -> None:
    text = tree.replace("calendar/days.yml", "    day: 26\n", "    day: 26\n    day: 27\n")
    assert f"calendar/days.yml:{line_of(text, 'day: 27')}:" in errors_of(tree)


def test_it_keeps_norway_a_string_even_unquoted(tree: Tree) -> None:
    tree.replace("states/states.yml", 'id: "NO"', "id: NO")
    assert load_knowledge(tree.root).state("NO").name_en == "Norway"


def test_it_skips_files_starting_with_an_underscore(tree: Tree) -> None:
    tree.write("states/_draft.yml", "this: is not a data file\n")
    assert load_knowledge(tree.root).counts()["state"] == 6


def test_it_lists_every_problem_at_once(tree: Tree) -> None:
    tree.replace("calendar/days.yml", "  as_of: 2026-11-01\n", "")
    tree.replace("mechanisms/iiim.yml", "crimes: [war_crimes]", "crimes: [piracy]")
    report = check_knowledge(tree.root, today=dt.date(2026, 11, 25))
    files = {problem.file for problem in report.errors}
    assert {"calendar/days.yml", "mechanisms/iiim.yml"} <= files
