"""`powermap forums FACTS.yaml [--json]` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from powermap.cli.forums import forums

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "facts"
TODAY = "2026-11-25"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(forums, list(args))
    return result.exit_code, result.output


def test_it_prints_the_forums_as_text() -> None:
    code, output = run(str(EXAMPLES / "rohingya.yaml"), "--today", TODAY)
    assert code == 0, output
    assert output.index("AVAILABLE") < output.index("CONDITIONAL")
    assert "[icc] International Criminal Court" in output
    assert "Basis: territorial:BD" in output
    assert "Suggested ask [article_15_communication]" in output
    assert output.count("legal information, not legal advice") == 2  # first and last


def test_it_prints_the_json_contract() -> None:
    code, output = run(str(EXAMPLES / "syria.yaml"), "--json", "--today", TODAY)
    assert code == 0, output
    document = json.loads(output)
    assert "legal information, not legal advice" in document["disclaimer"]
    assert document["as_of"] == TODAY
    assert document["facts"]["territory"] == ["SY"]
    forums = {f["id"]: f for f in document["forums"]}
    icj = forums["icj"]
    for key in (
        "id",
        "name",
        "status",
        "bases",
        "conditions",
        "victim_roles",
        "reasons",
        "sources",
    ):
        assert key in icj
    assert icj["status"] == "available"
    assert icj["ask_kind"] == "icj_case"
    assert {"CA", "NL"} <= set(icj["candidate_states"])
    assert forums["icc"]["status"] == "conditional"
    assert "civil_party" in forums["national:DE"]["victim_roles"]
    statuses = [f["status"] for f in document["forums"]]
    order = ["available", "conditional", "unavailable"]
    assert statuses == sorted(statuses, key=order.index)


def test_it_uses_today_for_withdrawals(tmp_path: Path) -> None:
    facts = tmp_path / "hungary.yaml"
    facts.write_text("crimes: [war_crimes]\nterritory: [HU]\nperiod: {start: 2026-01-01}\n")
    code, output = run(str(facts), "--json", "--today", "2026-03-01")
    assert code == 0, output
    icc = next(f for f in json.loads(output)["forums"] if f["id"] == "icc")
    assert any("takes effect on 2026-06-02" in c for c in icc["conditions"])


def test_it_refuses_bad_facts_naming_the_field(tmp_path: Path) -> None:
    facts = tmp_path / "bad.yaml"
    facts.write_text(
        "crimes: [genocide, genocde]\nterritory: [MM, XX]\n"
        "period: {start: 2017-12-31, end: 2016-10-01}\n"
    )
    code, output = run(str(facts))
    assert code == 1
    assert "bad.yaml:1: crimes[1]: unknown value 'genocde'" in output
    assert "territory[1]: unknown state code 'XX'" in output
    assert "period.end: 2016-10-01 is before period.start" in output


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "nowhere.yaml"))
    assert code == 1
    assert "cannot read" in output
