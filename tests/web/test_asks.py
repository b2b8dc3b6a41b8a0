"""Asks: the list, the forms, the strategy page (forecast, targets, plan) and the calendar."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation
from icalendar import Calendar as ICalendar

from powermap.store.models import Ask, AuditEntry

TODAY = "2026-11-25"


def ask_page(client: Client, slug: str, ask: str = "unsc-referral") -> str:
    response = client.get(f"/w/{slug}/asks/{ask}/?today={TODAY}")
    assert response.status_code == 200
    return response.content.decode()


def target_order(page: str) -> list[str]:
    return re.findall(r'<li class="target[^"]*" data-actor="([^"]+)"', page)


def test_it_lists_asks_with_kind_and_decider(carol: Client, slug: str) -> None:
    page = carol.get(f"/w/{slug}/asks/").content.decode()
    assert "Security Council referral of Myanmar to the ICC" in page
    assert "Security Council referral to the ICC" in page  # the kind, from the knowledge base
    assert "United Nations Security Council" in page  # the deciding body
    assert f'href="/w/{slug}/asks/uj-germany/"' in page
    assert f"/w/{slug}/asks/new/" not in page  # viewers do not get the button


def test_it_creates_an_ask_with_a_form_that_validates(bob: Client, slug: str) -> None:
    url = f"/w/{slug}/asks/new/"
    assert "Kind of ask" in bob.get(url).content.decode()
    unknown = bob.post(url, {"title": "Sanctions", "kind": "not-a-kind"})
    assert unknown.status_code == 200 and not Ask.objects.filter(title="Sanctions").exists()
    both = bob.post(url, {"title": "Complaint", "kind": "universal_jurisdiction_complaint",
                          "body": "unsc", "decider": "de-prosecutor"}).content.decode()  # fmt: skip
    assert "not both" in both
    nobody = bob.post(url, {"title": "Complaint", "kind": "universal_jurisdiction_complaint",
                            "decider": "no-such-actor"}).content.decode()  # fmt: skip
    assert "No actor with this id" in nobody
    response = bob.post(url, {"title": "Complaint in Germany, part two",
                              "kind": "universal_jurisdiction_complaint",
                              "decider": "de-prosecutor", "notes": "Second filing."})  # fmt: skip
    assert response.status_code == 302
    ask = Ask.objects.get(key="complaint-in-germany-part-two")
    assert (ask.kind, ask.decider, ask.body) == (
        "universal_jurisdiction_complaint",
        "de-prosecutor",
        "",
    )
    assert AuditEntry.objects.filter(action="create_ask", object_key=ask.key).count() == 1
    again = bob.post(url, {"title": "Other", "key": ask.key, "kind": "icj_case"}).content.decode()
    assert "Another ask already has this id" in again


def test_it_edits_an_ask(bob: Client, slug: str) -> None:
    url = f"/w/{slug}/asks/hrc-resolution/edit/"
    assert "Human Rights Council resolution" in bob.get(url).content.decode()
    response = bob.post(url, {"title": "A stronger resolution", "key": "renamed",
                              "kind": "un_resolution_naming_perpetrators", "body": "unga"})  # fmt: skip
    assert response.status_code == 302
    ask = Ask.objects.get(key="hrc-resolution")  # the id does not change
    assert (ask.title, ask.body) == ("A stronger resolution", "unga")
    assert AuditEntry.objects.filter(action="update_ask", object_key=ask.key).count() == 1
    assert "General Assembly" in ask_page(bob, slug, "hrc-resolution")


def test_it_forecasts_the_security_council_vote_with_china_as_veto_risk(
    alice: Client, slug: str
) -> None:
    response = alice.get(f"/w/{slug}/asks/unsc-referral/?today={TODAY}")
    forecast = response.context["ranking"].forecast
    china = next(m for m in forecast.members if m.actor == "state:CN")
    # China's general assessment says -1; the one made for this ask says -2 and wins.
    assert (china.stance.stance, china.stance.basis.value) == (-2, "ask")
    assert (forecast.yes, forecast.no, forecast.undecided, forecast.seats) == (3, 2, 10, 15)
    page = response.content.decode()
    assert '<svg viewBox="0 0 15 10"' in page  # one unit per seat
    assert '<rect class="yes" x="0" y="0" width="3"' in page
    assert '<rect class="no" x="13" y="0" width="2"' in page
    assert "3 yes" in page and "2 no" in page and "10 undecided" in page
    assert "likely to fail" in page
    veto_risks = page.split('<dd class="veto-risks">')[1].split("</dd>")[0]
    assert "China" in veto_risks and f"/w/{slug}/actors/state:CN/" in veto_risks
    assert "A negative vote by China" in page  # what it takes to pass


def test_it_orders_targets_by_score_and_explains_them(alice: Client, slug: str) -> None:
    response = alice.get(f"/w/{slug}/asks/unsc-referral/?today={TODAY}")
    targets = response.context["ranking"].targets
    assert [t.score for t in targets] == sorted((t.score for t in targets), reverse=True)
    page = response.content.decode()
    assert target_order(page) == [t.actor for t in targets]
    assert "veto holder" in page and "Holds a veto on the United Nations Security Council" in page
    # The UK desk officer is reached through BROUK: the path links to each actor.
    assert f'<a href="/w/{slug}/actors/brouk/">' in page
    assert f"/w/{slug}/network/?ego=uk-desk&amp;hops=1&amp;path=brouk%2Cuk-desk" in page
    assert "Why it applies:" in page  # arguments say why
    assert "Next three things to do" in page and 'class="step critical' in page


def test_it_pins_a_target_to_the_top_and_excludes_another(bob: Client, slug: str) -> None:
    before = target_order(ask_page(bob, slug))
    last, first = before[-1], before[0]
    url = f"/w/{slug}/asks/unsc-referral/pin/"
    assert bob.post(url, {"actor": last, "choice": "pin"}).status_code == 302
    assert bob.post(url, {"actor": first, "choice": "exclude"}).status_code == 302
    after = ask_page(bob, slug)
    assert target_order(after)[0] == last
    assert first not in target_order(after)
    assert "Include again" in after.split('<ul class="excluded">')[1]
    ask = Ask.objects.get(key="unsc-referral")
    assert (ask.pinned_targets, ask.excluded_targets) == ([last], [first])
    assert AuditEntry.objects.filter(action="pin_target", object_key="unsc-referral").count() == 2
    bob.post(url, {"actor": first, "choice": "clear"})
    assert first in target_order(ask_page(bob, slug))


def test_it_refuses_pins_of_unknown_actors(bob: Client, slug: str) -> None:
    url = f"/w/{slug}/asks/unsc-referral/pin/"
    assert bob.post(url, {"actor": "nobody", "choice": "pin"}).status_code == 404
    assert bob.post(url, {"actor": "brouk", "choice": "sideways"}).status_code == 400


def test_it_lets_only_editors_pin(carol: Client, charlie: Client, slug: str) -> None:
    url = f"/w/{slug}/asks/unsc-referral/pin/"
    assert carol.post(url, {"actor": "state:GB", "choice": "pin"}).status_code == 403
    assert "Pin to the top" not in ask_page(carol, slug)
    assert Ask.objects.get(key="unsc-referral").pinned_targets == []
    assert charlie.post(url, {"actor": "state:GB", "choice": "pin"}).status_code == 404


def test_it_hides_asks_from_outsiders_and_anonymous_visitors(charlie: Client, slug: str) -> None:
    assert charlie.get(f"/w/{slug}/asks/unsc-referral/").status_code == 404
    assert charlie.get(f"/w/{slug}/calendar.ics").status_code == 404
    assert Client().get(f"/w/{slug}/asks/unsc-referral/").status_code == 302
    assert Client().get(f"/w/{slug}/asks/nothing/").status_code == 302


def test_it_shows_no_plan_for_an_unknown_ask_kind(world, alice: Client, slug: str) -> None:  # type: ignore[no-untyped-def]
    from powermap.store.actions.asks import do_create_ask

    do_create_ask(
        world.workspace, world.users["alice"], key="odd", kind="no-such-kind", title="Odd"
    )
    assert "No plan: The ask kind &#x27;no-such-kind&#x27;" in ask_page(alice, slug, "odd")


def test_it_highlights_a_path_in_the_network_data(alice: Client, slug: str) -> None:
    url = f"/w/{slug}/network/data/?ego=state:GB&hops=1"
    alone = {node["key"] for node in alice.get(url).json()["nodes"]}
    assert "brouk" not in alone  # two steps away from the United Kingdom
    with_path = {
        node["key"] for node in alice.get(f"{url}&path=brouk,uk-desk,state:GB").json()["nodes"]
    }
    assert {"brouk", "uk-desk", "state:GB"} <= with_path


def test_it_shows_the_calendar_with_the_asks_each_moment_suits(carol: Client, slug: str) -> None:
    page = carol.get(f"/w/{slug}/calendar/?today={TODAY}&days=365").content.decode()
    assert "Security Council presidency" in page
    assert f'href="/w/{slug}/asks/unsc-referral/"' in page
    assert f"/w/{slug}/calendar.ics?today={TODAY}&amp;days=365" in page


def test_it_downloads_the_calendar_as_icalendar(carol: Client, slug: str) -> None:
    response = carol.get(f"/w/{slug}/calendar.ics?today={TODAY}&days=180")
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = ICalendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert events and all(str(e["UID"]).endswith("@powermap.invalid") for e in events)
    assert any("Security Council presidency" in str(e["SUMMARY"]) for e in events)
    assert AuditEntry.objects.filter(
        action="export_workspace", detail__format="calendar-ics"
    ).exists()


def test_it_adds_the_groups_own_dates_to_the_calendar(bob, carol, slug) -> None:  # type: ignore[no-untyped-def]
    from powermap.store.models import Moment

    page = bob.get(f"/w/{slug}/calendar/?today=2027-07-01&days=90").content.decode()
    assert "Rohingya Genocide Remembrance Day" in page  # the demo's own date, next August
    assert carol.post(f"/w/{slug}/calendar/", {"name": "X", "date": "2027-01-01"}).status_code == 403
    bob.post(f"/w/{slug}/calendar/", {"name": "Hearing in Buenos Aires", "date": "2027-03-15",
                                      "lead_time_days": "30"})  # fmt: skip
    moment = Moment.objects.get(key="hearing-in-buenos-aires")
    assert not moment.yearly and moment.lead_time_days == 30
    ics = bob.get(f"/w/{slug}/calendar.ics?today=2027-01-01&days=180").content.decode()
    assert "Hearing in Buenos Aires" in ics
    bob.post(f"/w/{slug}/calendar/moments/{moment.pk}/delete/")
    assert not Moment.objects.filter(pk=moment.pk).exists()


def step_row(page: str, step: str) -> str:
    return page.split(f'<tr id="step-{step}"')[1].split("</tr>")[0]


def progress_row(page: str, step: str) -> str:
    return page.split(f'<tr id="progress-{step}"')[1].split("</tr>")[0]


def test_it_records_who_owns_a_step_and_when_it_was_done(bob: Client, slug: str) -> None:
    from django.utils import timezone

    from powermap.store.models import AskStep

    url = f"/w/{slug}/asks/uj-germany/steps/forum/"
    assert f'action="{url}"' in ask_page(bob, slug, "uj-germany")
    response = bob.post(url, {"owner": "Amina", "done_on": "", "action": "save"})
    assert response.status_code == 302
    assert response["Location"] == f"/w/{slug}/asks/uj-germany/#step-forum"
    page = ask_page(bob, slug, "uj-germany")
    assert '<span class="tag owner">Amina</span>' in step_row(page, "forum")
    assert "Mark as done" in progress_row(page, "forum")
    bob.post(url, {"owner": "Amina", "done_on": "", "action": "done"})
    today = timezone.localdate()
    assert AskStep.objects.get(ask__key="uj-germany", step="forum").done_on == today
    page = ask_page(bob, slug, "uj-germany")
    assert f"done on {today.isoformat()}" in step_row(page, "forum")
    assert "Mark as not done" in progress_row(page, "forum")
    assert f'value="{today.isoformat()}"' in progress_row(page, "forum")
    bob.post(url, {"owner": "Amina", "done_on": "2026-01-15", "action": "save"})  # a correction
    assert AskStep.objects.get(step="forum").done_on.isoformat() == "2026-01-15"
    bob.post(url, {"owner": "Amina", "done_on": "2026-01-15", "action": "undone"})
    step = AskStep.objects.get(step="forum")
    assert (step.owner, step.done_on) == ("Amina", None)
    assert AuditEntry.objects.filter(action="set_step", object_key="uj-germany").count() == 4


def test_it_refuses_a_done_day_to_come_and_unknown_steps(bob: Client, slug: str) -> None:
    import datetime as dt

    from django.utils import timezone

    from powermap.store.models import AskStep

    url = f"/w/{slug}/asks/uj-germany/steps/forum/"
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = bob.post(url, {"owner": "", "done_on": tomorrow, "action": "save"}, follow=True)
    assert "The step was not saved: A step cannot be done on a day still to come." in (
        response.content.decode())  # fmt: skip
    assert not AskStep.objects.exists()
    assert bob.post(f"/w/{slug}/asks/uj-germany/steps/vote/", {"action": "done"}).status_code == 404
    assert bob.get(url).status_code == 405


def test_it_shows_progress_to_viewers_without_the_forms(
    bob: Client, carol: Client, charlie: Client, slug: str
) -> None:
    url = f"/w/{slug}/asks/uj-germany/steps/witnesses/"
    bob.post(url, {"owner": "Survivors' committee", "done_on": "2026-10-01", "action": "save"})
    page = ask_page(carol, slug, "uj-germany")
    row = step_row(page, "witnesses")
    assert "Survivors&#x27; committee" in row and "done on 2026-10-01" in row
    assert "/steps/" not in page and "Delete the ask" not in page
    assert carol.post(url, {"owner": "Carol", "action": "save"}).status_code == 403
    assert charlie.post(url, {"owner": "Charlie", "action": "save"}).status_code == 404


def test_it_plans_to_the_groups_deadline_and_chosen_moment(bob: Client, slug: str) -> None:
    url = f"/w/{slug}/asks/uj-germany/edit/"
    form = bob.get(url).content.decode()
    assert "Let powermap choose" in form and 'type="date"' in form
    assert '<option value="day-human-rights">Human Rights Day (next on ' in form
    response = bob.post(url, {"title": "Structural investigation", "kind":
                              "universal_jurisdiction_complaint", "decider": "de-prosecutor",
                              "deadline": "2027-03-01", "moment": "day-human-rights"})  # fmt: skip
    assert response.status_code == 302
    ask = Ask.objects.get(key="uj-germany")
    assert (ask.deadline.isoformat(), ask.moment) == ("2027-03-01", "day-human-rights")
    page = ask_page(bob, slug, "uj-germany")
    assert "decision wanted by 2027-03-01" in page and "aiming at Human Rights Day" in page
    # Human Rights Day, 10 December, is too soon: the plan is scheduled to the deadline.
    assert "Decision on 2027-03-01, the day you want it by (no suitable moment before it)." in page
    assert "the plan is scheduled to the deadline, 2027-03-01" in page
    assert "selected>Human Rights Day" in bob.get(url).content.decode()
    assert "2027-03-01" in bob.get(f"/w/{slug}/asks/").content.decode()
    bad = bob.post(url, {"title": "T", "kind": "icj_case", "moment": "no-such-moment"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()


def test_it_deletes_an_ask_and_undoes_it(bob: Client, carol: Client, slug: str) -> None:
    url = f"/w/{slug}/asks/unsc-referral/delete/"
    assert 'action="' + url + '"' in ask_page(bob, slug)
    assert carol.post(url).status_code == 403
    response = bob.post(url, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/w/{slug}/asks/"
    assert "Deleted the ask Security Council referral of Myanmar to the ICC." in page
    assert f'action="/w/{slug}/asks/unsc-referral/restore/"' in page  # the Undo button
    assert f'href="/w/{slug}/asks/unsc-referral/"' not in page
    assert bob.get(f"/w/{slug}/asks/unsc-referral/").status_code == 404
    assert "unsc-referral" not in bob.get(f"/w/{slug}/export/").content.decode()
    calendar = bob.get(f"/w/{slug}/calendar/?today={TODAY}&days=365").content.decode()
    assert f"/w/{slug}/asks/unsc-referral/" not in calendar
    assert bob.post(url).status_code == 404  # already deleted
    assert carol.post(f"/w/{slug}/asks/unsc-referral/restore/").status_code == 403
    restored = bob.post(f"/w/{slug}/asks/unsc-referral/restore/")
    assert restored["Location"] == f"/w/{slug}/asks/unsc-referral/"
    assert "Security Council" in ask_page(bob, slug)
    actions = AuditEntry.objects.filter(object_key="unsc-referral").values_list("action", flat=True)
    assert {"delete_ask", "restore_ask"} <= set(actions)


def test_it_gives_a_new_ask_a_fresh_id_when_a_deleted_one_has_it(bob: Client, slug: str) -> None:
    bob.post(f"/w/{slug}/asks/uj-germany/delete/")
    bob.post(f"/w/{slug}/asks/new/", {"title": "UJ Germany", "kind": "icj_case"})
    assert Ask.objects.filter(key="uj-germany-2", deleted_at__isnull=True).exists()
    taken = bob.post(
        f"/w/{slug}/asks/new/", {"title": "X", "key": "uj-germany", "kind": "icj_case"}
    )
    assert "Another ask already has this id" in taken.content.decode()


def test_it_explains_the_strategy_in_the_readers_language(alice: Client, slug: str) -> None:
    """Sentences of the analysis and the knowledge base's names come out in Arabic."""
    page = alice.get(f"/w/{slug}/asks/unsc-referral/?today={TODAY}",
                     HTTP_ACCEPT_LANGUAGE="ar").content.decode()  # fmt: skip
    assert 'lang="ar"' in page and 'dir="rtl"' in page
    assert "A negative vote by" not in page and "would block it" not in page
    assert "الصين" in page  # China, named in Arabic in the veto risks and the reasons
    assert "Pinned by you" not in page and "Movability" not in page


@pytest.mark.parametrize("language", ["fr", "ru", "uk"])
def test_it_reads_in_every_offered_language(alice: Client, slug: str, language: str) -> None:
    page = alice.get(f"/w/{slug}/asks/unsc-referral/?today={TODAY}",
                     HTTP_ACCEPT_LANGUAGE=language).content.decode()  # fmt: skip
    assert f'lang="{language}"' in page and 'dir="ltr"' in page
    with translation.override(language):
        heading = translation.gettext("Whom to work on")
    assert heading != "Whom to work on" and heading in page
    assert "Whom to work on" not in page and "would block it" not in page
