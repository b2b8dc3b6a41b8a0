"""The knowledge base shipped with powermap validates and honours the export contract.

These tests read `src/powermap/knowledge/data/`. A failure names the file, line and
field of each problem: fix the data (see docs/knowledge/adding-records.md), not the
test.
"""

from click.testing import CliRunner

from powermap.cli.kb import kb
from powermap.knowledge import check_knowledge, load_knowledge
from powermap.knowledge.export import export_json
from powermap.knowledge.models import FOLDER_BY_KIND
from powermap.knowledge.read import DATA_DIR


def test_it_validates_the_shipped_data_without_errors() -> None:
    report = check_knowledge()
    assert not report.errors, "\n".join(str(problem) for problem in report.errors)


def test_it_has_a_collection_file_for_every_data_folder() -> None:
    for folder in FOLDER_BY_KIND.values():
        if (DATA_DIR / folder).is_dir():
            assert (DATA_DIR / folder / "_collection.yml").is_file(), folder


def test_it_has_every_state_and_a_status_for_every_treaty() -> None:
    kb = load_knowledge()
    data = export_json(kb)
    assert {"DE", "FR", "VA", "PS"} <= {state["iso2"] for state in data["states"]}
    for state in data["states"]:
        assert set(state["treaties"]) == set(kb.treaties)


def test_it_caches_the_default_load() -> None:
    assert load_knowledge() is load_knowledge()


def test_it_checks_the_shipped_data_from_the_cli() -> None:
    result = CliRunner().invoke(kb, ["check"])
    assert result.exit_code == 0, result.output
