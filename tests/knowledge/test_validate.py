"""Cross-references, consistency, sources, collection assertions and freshness."""

import datetime as dt

from powermap.knowledge import Report, check_knowledge
from tests.knowledge.tree import Tree, line_of

TODAY = dt.date(2026, 11, 25)


def check(tree: Tree, today: dt.date = TODAY) -> Report:
    return check_knowledge(tree.root, today=today)


def error_text(tree: Tree) -> str:
    return "\n".join(str(problem) for problem in check(tree).errors)


def test_it_finds_no_error_in_the_fixture_tree(tree: Tree) -> None:
    assert check(tree).errors == ()


def test_it_rejects_an_unknown_state_in_a_membership(tree: Tree) -> None:
    text = tree.replace("organisations/eu.yml", "{state: FR,", "{state: XX,")
    line = line_of(text, "state: XX")
    expected = f"organisations/eu.yml:{line}: records[0].members[1].state: unknown state `XX`"
    assert expected in error_text(tree)


def test_it_rejects_an_unknown_state_on_a_body(tree: Tree) -> None:
    tree.replace("bodies/bodies.yml", "{state: GH,", "{state: ZZ,")
    assert "records[1].members[0].state: unknown state `ZZ`" in error_text(tree)


def test_it_rejects_unknown_ids_of_every_kind(tree: Tree) -> None:
    tree.replace("bodies/bodies.yml", "members_from: eu", "members_from: nato")
    tree.replace("mechanisms/iiim.yml", "created_by: unga", "created_by: unhrc")
    tree.replace("ask_kinds/referral.yml", "moments: [", "moments: [no-such-day, ")
    tree.replace("arguments/treaty_duty.yml", "treaty: rome_statute", "treaty: rome")
    tree.replace("calendar/days.yml", "ask_kinds: [referral]", "ask_kinds: [refferal]")
    errors = error_text(tree)
    assert "unknown organisation `nato`" in errors
    assert "unknown body `unhrc`" in errors
    assert "unknown moment `no-such-day`" in errors
    assert "unknown treaty `rome`" in errors
    assert "unknown ask kind `refferal`" in errors


def test_it_rejects_a_cycle_in_ask_kind_steps(tree: Tree) -> None:
    tree.replace(
        "ask_kinds/referral.yml",
        "{id: draft, title: Draft}",
        "{id: draft, title: Draft, depends_on: [vote]}",
    )
    assert "steps form a cycle: draft -> vote -> lobby -> draft" in error_text(tree)


def test_it_rejects_a_step_that_depends_on_an_unknown_step(tree: Tree) -> None:
    tree.replace("ask_kinds/referral.yml", "depends_on: [draft]", "depends_on: [drafting]")
    assert "depends on unknown step `drafting`" in error_text(tree)


def test_it_rejects_a_plain_http_source(tree: Tree) -> None:
    tree.replace("jurisdictions/DE.yml", "https://example.org", "http://example.org")
    assert "records[0].sources[0].url: `http://example.org/source` is not an https" in (
        error_text(tree)
    )


def test_it_accepts_a_printed_document_as_source(tree: Tree) -> None:
    tree.replace(
        "jurisdictions/DE.yml",
        "url: https://example.org/source",
        "document: A/RES/71/248",
    )
    assert check(tree).errors == ()


def test_it_rejects_a_source_with_neither_url_nor_document(tree: Tree) -> None:
    tree.replace(
        "jurisdictions/DE.yml",
        "  - url: https://example.org/source\n    title",
        "  - title",
    )
    assert "needs `url` (https) or `document`" in error_text(tree)


def test_it_rejects_a_reservation_token_of_another_treaty(tree: Tree) -> None:
    tree.replace("treaties/cat.yml", "[art_21, art_22]", "[art_21, art_ix]")
    assert "token `art_ix` is not defined for treaty `cat`" in error_text(tree)


def test_it_rejects_party_status_after_the_withdrawal_took_effect(tree: Tree) -> None:
    tree.replace("treaties/rome_statute.yml", "status: withdrawn", "status: party")
    assert "status should be `withdrawn`" in error_text(tree)


def test_it_rejects_a_state_listed_twice(tree: Tree) -> None:
    tree.replace(
        "treaties/cat.yml",
        "declarations: [art_21, art_22]}",
        "declarations: [art_21, art_22]}\n      - {state: DE, status: none}",
    )
    assert "state `DE` is listed more than once" in error_text(tree)


def test_it_checks_collection_assertions(tree: Tree) -> None:
    text = tree.write(
        "bodies/_collection.yml",
        """\
        title: Bodies
        description: Bodies and forums.
        kind: body
        frequency_days: 90
        assertions:
          min_records: 5
          required_ids: [unsc, icc]
          members:
            - {body: hrc, count: 47}
            - {body: unsc, count: 15, permanent: 5}
        """,
    )
    errors = error_text(tree)
    assert "bodies/_collection.yml:" + str(line_of(text, "min_records")) in errors
    assert "4 records, expected at least 5" in errors
    assert "required record `icc` is missing" in errors
    assert "`hrc` has 2 members on 2026-11-01, expected 47" in errors
    assert "`unsc` has 1 permanent members, expected 5" in errors


def test_it_warns_but_does_not_fail_for_facts_older_than_12_months(tree: Tree) -> None:
    report = check(tree, today=dt.date(2027, 12, 1))
    assert report.errors == ()
    stale = [str(w) for w in report.warnings if "older than 12 months" in w.message]
    assert len(stale) == sum(report.counts.values())


def test_it_warns_when_a_folder_is_due_for_re_check(tree: Tree) -> None:
    tree.write(
        "bodies/_collection.yml",
        """\
        title: Bodies
        description: Bodies and forums.
        kind: body
        frequency_days: 90
        """,
    )
    report = check(tree, today=dt.date(2027, 3, 1))
    due = [w for w in report.warnings if "due for re-check every 90 days" in w.message]
    assert {w.record_id for w in due} == {"unga", "hrc", "unsc", "eu_council"}


def test_it_does_not_warn_about_fresh_facts(tree: Tree) -> None:
    assert not [w for w in check(tree).warnings if "days old" in w.message]


def test_it_warns_but_does_not_fail_for_an_unknown_ratification_date(
    tree: Tree,
) -> None:
    text = tree.replace("treaties/cat.yml", "date: 1990-10-01", "date: null")
    report = check(tree)
    assert report.errors == ()
    gaps = [str(w) for w in report.warnings if "when it joined is unknown" in w.message]
    line = line_of(text, "date: null")
    assert gaps == [
        f"treaties/cat.yml:{line}: records[0].participants[0].date: a `party` without"
        " `date`: when it joined is unknown [cat]"
    ]


def test_it_rejects_withdrawn_without_an_effective_date(tree: Tree) -> None:
    tree.replace("treaties/rome_statute.yml", "        withdrawal_effective: 2017-10-27\n", "")
    assert "`withdrawn` needs `withdrawal_effective`" in error_text(tree)


def test_it_rejects_members_that_do_not_fill_the_seats_by_group(tree: Tree) -> None:
    tree.replace(
        "bodies/bodies.yml",
        "    size: 47\n",
        "    size: 47\n    seats_by_group: {African: 40, WEOG: 7}\n",
    )
    errors = error_text(tree)
    assert "records[1].seats_by_group.African: 1 African members on 2026-11-01, but 40" in errors
    assert "1 WEOG members on 2026-11-01, but 7 WEOG seats" in errors


def test_it_rejects_a_declaration_condition_on_the_wrong_treaty(tree: Tree) -> None:
    tree.replace(
        "arguments/treaty_duty.yml",
        "{treaty: rome_statute, status: party}",
        "{treaty: rome_statute, declaration: art_22}",
    )
    assert "token `art_22` is not defined for treaty `rome_statute`" in error_text(tree)


def test_it_warns_when_every_listed_session_is_over(tree: Tree) -> None:
    tree.replace(
        "calendar/days.yml",
        "    ask_kinds: [referral]\n",
        "    ask_kinds: [referral]\n  - id: hrc-sessions\n    name: {en: HRC sessions}\n"
        "    description: Three a year.\n    recurrence: sessions\n"
        "    sessions: [{name: HRC 61, start: 2026-02-23, end: 2026-03-31}]\n",
    )
    report = check(tree)
    assert report.errors == ()
    assert any("every listed session is over" in w.message for w in report.warnings)


def reported(count: int, on: str = "2026-01-01") -> str:
    return (f"    in_force: 1987-06-26\n    parties_reported:\n      count: {count}\n"
            f"      as_of: {on}\n      source: {{document: A/79/44, title: Report, publisher: UN,"
            " accessed: 2026-11-01}\n")  # fmt: skip


def test_it_counts_parties_not_identified_against_the_reported_count(tree: Tree) -> None:
    tree.replace("treaties/cat.yml", "    in_force: 1987-06-26\n", reported(3))
    report = check(tree)
    assert report.errors == ()
    assert report.kb.unidentified_parties("cat") == 2  # 3 reported, DE alone listed
    assert any("3 parties reported on 2026-01-01, 1 listed: 2 not identified" in w.message
               for w in report.warnings)  # fmt: skip


def test_it_counts_only_parties_that_had_joined_by_the_reported_day(tree: Tree) -> None:
    tree.replace("treaties/cat.yml", "    in_force: 1987-06-26\n", reported(1, "1989-01-01"))
    report = check(tree)  # DE joined in 1990: not yet counted in 1989
    assert report.kb.unidentified_parties("cat") == 1
    assert any("1 parties reported on 1989-01-01, 0 listed: 1 not identified" in w.message
               for w in report.warnings)  # fmt: skip


def test_it_warns_when_more_parties_are_listed_than_reported(tree: Tree) -> None:
    tree.replace("treaties/cat.yml", "    in_force: 1987-06-26\n", reported(0))
    report = check(tree)
    assert any("0 parties reported on 2026-01-01, but 1 listed" in w.message
               for w in report.warnings)  # fmt: skip


def test_a_whole_list_has_no_caveat(tree: Tree) -> None:
    tree.replace("treaties/cat.yml", "    in_force: 1987-06-26\n", reported(1))
    report = check(tree)
    assert report.kb.unidentified_parties("cat") == 0
    assert not [w for w in report.warnings if "parties reported" in w.message]


def test_it_rejects_a_mechanism_crimes_period_that_ends_before_it_starts(tree: Tree) -> None:
    tree.replace(
        "mechanisms/iiim.yml",
        "    crimes: [war_crimes]\n",
        "    crimes: [war_crimes]\n    crimes_from: 2011-03-01\n    crimes_to: 2010-12-31\n",
    )
    assert "`crimes_to` (2010-12-31) is before `crimes_from` (2011-03-01)" in error_text(tree)


def test_it_accepts_an_open_ended_mechanism_crimes_period(tree: Tree) -> None:
    tree.replace("mechanisms/iiim.yml", "    crimes: [war_crimes]\n",
                 "    crimes: [war_crimes]\n    crimes_from: 2011-03-01\n")  # fmt: skip
    assert check(tree).errors == ()
