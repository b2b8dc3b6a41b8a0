"""`targets`, `plan` and `calendar` against a real encrypted demo workspace, in subprocesses.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar as ICalendar

from tests.cli.conftest import run

TODAY = "2026-11-25"


def targets(home: Path, ask: str, *extra: str) -> dict[str, object]:
    result = run(home, "targets", "--workspace", "w1", "--ask", ask, "--json", "--today", TODAY,
                 *extra)  # fmt: skip
    assert result.returncode == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_it_prints_targets_in_the_json_contract(home: Path) -> None:
    doc = targets(home, "hrc-resolution")
    assert {"ask", "body", "decision_rule", "forecast", "allies", "targets"} <= doc.keys()
    assert (doc["ask"], doc["body"]) == ("hrc-resolution", "hrc")
    forecast = doc["forecast"]
    assert isinstance(forecast, dict)
    assert {"yes", "no", "undecided", "outcome", "pivotal", "veto_risk"} <= forecast.keys()
    assert forecast["yes"] + forecast["no"] + forecast["undecided"] == 47
    assert forecast["outcome"] in {"likely_pass", "likely_fail", "uncertain"}
    rows = doc["targets"]
    assert isinstance(rows, list) and rows
    for row in rows:
        assert {
            "actor",
            "name",
            "role",
            "score",
            "stance",
            "reasons",
            "paths",
            "arguments",
        } <= row.keys()
        assert row["role"] in {"decider", "voter", "veto", "influencer", "implementer"}
        assert all({"id", "why"} <= a.keys() for a in row["arguments"])
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    ghana = rows[0]
    assert ghana["actor"] == "state:GH" and ghana["paths"] == [["survivors", "press", "state:GH"]]
    assert all({"actor", "reasons"} <= a.keys() for a in doc["allies"])  # type: ignore[union-attr]


def test_it_forecasts_the_veto_in_the_security_council(home: Path) -> None:
    doc = targets(home, "unsc-referral")
    forecast = doc["forecast"]
    assert isinstance(forecast, dict)
    assert forecast["outcome"] == "likely_fail"
    assert "state:CN" in forecast["veto_risk"]


def test_it_respects_pins_and_exclusions(home: Path) -> None:
    doc = targets(home, "hrc-resolution", "--pin", "legal-ngo", "--exclude", "state:GH")
    actors = [row["actor"] for row in doc["targets"]]  # type: ignore[union-attr]
    assert actors[0] == "legal-ngo" and "state:GH" not in actors


def test_it_can_leave_out_what_is_confidential(home: Path) -> None:
    everything = json.dumps(targets(home, "unsc-referral", "--limit", "50"))
    shared = json.dumps(targets(home, "unsc-referral", "--limit", "50", "--without-confidential"))
    direct = '["survivors", "gm-pr"]'  # a path over a confidential relationship
    assert direct in everything
    assert direct not in shared


def test_it_prints_a_plan(home: Path) -> None:
    result = run(home, "plan", "--workspace", "w1", "--ask", "unsc-referral", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "Next three things to do:" in result.stdout
    assert "Critical path: map -> penholder -> capitals -> vote" in result.stdout


def test_it_prints_a_plan_as_json(home: Path) -> None:
    result = run(home, "plan", "--workspace", "w1", "--ask", "uj-germany", "--json",
                 "--today", TODAY, "--owner", "forum=Amina", "--done", "witnesses")  # fmt: skip
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["anchor_step"] == "file" and len(plan["next_actions"]) == 3
    steps = {s["id"]: s for s in plan["steps"]}
    assert steps["forum"]["owner"] == "Amina" and steps["witnesses"]["done"]
    assert dt.date.fromisoformat(plan["start_date"]) >= dt.date.fromisoformat(TODAY)


def test_it_prints_the_calendar_as_icalendar(home: Path) -> None:
    result = run(home, "calendar", "--workspace", "w1", "--ics", "--days", "365", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    events = list(ICalendar.from_ical(result.stdout).walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert len(events) > 20
    assert any("Human Rights Day" in s for s in summaries)
    assert any("Security Council presidency" in s for s in summaries)


def test_it_prints_the_calendar_as_text(home: Path) -> None:
    result = run(home, "calendar", "--workspace", "w1", "--today", TODAY, "--days", "30")
    assert result.returncode == 0, result.stderr
    assert "2026-12-10: Human Rights Day" in result.stdout
    assert "Without known dates:" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("targets", "--ask", "nope"), "No ask 'nope'"),
        (("plan", "--ask", "nope"), "No ask 'nope'"),
        (("plan", "--ask", "uj-germany", "--anchor", "nope"), "no step 'nope'"),
        (("plan", "--ask", "uj-germany", "--owner", "forum"), "STEP=WHO"),
    ],
)
def test_it_explains_mistakes(home: Path, args: tuple[str, ...], message: str) -> None:
    result = run(home, *args, "--workspace", "w1")
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


PROGRESS = """\
format: powermap/1
workspace: {name: Progress}
asks:
  - id: uj
    kind: universal_jurisdiction_complaint
    title: Complaint
    deadline: 2027-03-01
    steps:
      - {step: forum, owner: Amina, done: 2026-11-20}
      - {step: complaint, owner: Lawyers}
"""


def test_it_plans_with_the_progress_saved_with_the_ask(home: Path) -> None:
    assert run(home, "init", "--workspace", "w2").returncode == 0
    (home / "progress.yml").write_text(PROGRESS, encoding="utf-8")
    result = run(home, "import", str(home / "progress.yml"), "--workspace", "w2")
    assert result.returncode == 0, result.stderr

    def plan(*flags: str) -> dict[str, dict[str, object]]:
        result = run(home, "plan", "--workspace", "w2", "--ask", "uj", "--json",
                     "--today", TODAY, *flags)  # fmt: skip
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        assert document["decision_date"] == "2027-03-01"  # the deadline: no moment before it
        assert "scheduled to the deadline, 2027-03-01" in document["warnings"][0]
        return {s["id"]: s for s in document["steps"]}

    saved = plan()
    assert (saved["forum"]["done"], saved["forum"]["done_on"]) == (True, "2026-11-20")
    assert saved["complaint"]["owner"] == "Lawyers" and not saved["witnesses"]["done"]
    flagged = plan("--owner", "complaint=Bilal", "--done", "witnesses")
    assert flagged["complaint"]["owner"] == "Bilal"
    assert flagged["witnesses"]["done"] and flagged["forum"]["done"]
    text = run(home, "plan", "--workspace", "w2", "--ask", "uj", "--today", TODAY).stdout
    assert "forum: Choose the forum" in text and "(done on 2026-11-20)" in text
