"""`powermap kb check|show|export` through click's CliRunner."""

import json
import re

from click.testing import CliRunner

from powermap.cli import main
from powermap.cli.kb import kb
from tests.knowledge.tree import Tree


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(kb, list(args))
    return result.exit_code, result.output


def test_it_is_registered_on_the_powermap_command() -> None:
    assert "kb" in main.commands, "src/powermap/cli/__init__.py must add kb.kb to main"


def test_it_checks_a_valid_tree(tree: Tree) -> None:
    code, output = run("check", "--data", str(tree.root), "--today", "2026-11-25")
    assert code == 0, output
    assert re.search(r"states +6\n", output)
    assert "0 error(s)" in output


def test_it_fails_the_check_with_file_line_and_field(tree: Tree) -> None:
    tree.replace("organisations/eu.yml", "{state: FR,", "{state: XX,")
    code, output = run("check", "--data", str(tree.root))
    assert code == 1
    assert "error: organisations/eu.yml:" in output
    assert "records[0].members[1].state: unknown state `XX`" in output


def test_it_lists_stale_facts_as_warnings(tree: Tree) -> None:
    code, output = run("check", "--data", str(tree.root), "--today", "2028-01-01")
    assert code == 0
    assert "warning: states/states.yml:" in output
    assert "older than 12 months" in output


def test_it_shows_a_record_with_sources_and_age(tree: Tree) -> None:
    for ref in ("state:DE", "DE"):
        code, output = run("show", ref, "--data", str(tree.root))
        assert code == 0, output
        assert "id: DE" in output
        assert "url: https://example.org/source" in output
        assert "days ago" in output
        assert "states/states.yml:" in output


def test_it_shows_a_body_by_bare_id(tree: Tree) -> None:
    code, output = run("show", "hrc", "--data", str(tree.root))
    assert code == 0
    assert "kind: body" in output
    assert "decision_rule: simple_majority_present_voting" in output


def test_it_exits_2_for_an_unknown_record(tree: Tree) -> None:
    code, output = run("show", "body:nope", "--data", str(tree.root))
    assert code == 2
    assert "Unknown knowledge record: body:nope" in output


def test_it_exports_json(tree: Tree) -> None:
    code, output = run("export", "--json", "--data", str(tree.root))
    assert code == 0
    data = json.loads(output)
    assert data["as_of"] == "2026-11-01"
    assert {s["iso2"] for s in data["states"]} >= {"DE", "GH"}


def test_it_refuses_to_export_a_broken_tree(tree: Tree) -> None:
    tree.replace("organisations/eu.yml", "{state: FR,", "{state: XX,")
    code, output = run("export", "--json", "--data", str(tree.root))
    assert code == 1
    assert "unknown state `XX`" in output
