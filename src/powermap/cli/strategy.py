"""`powermap targets`, `plan`, `calendar`: whom to work on, what to do when."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from powermap.cli import runtime
from powermap.cli.runtime import fail
from powermap.cli.workspaces import workspace_option

if TYPE_CHECKING:
    from powermap.domain.actors import Ask, WorkspaceContent

ask_option = click.option("--ask", "ask_id", required=True, help="The ask's id in the workspace.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
today_option = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="Plan as if today were this day (YYYY-MM-DD); default: today.",
)  # fmt: skip
no_confidential_option = click.option(
    "--without-confidential", is_flag=True,
    help="Leave out everything marked confidential (for output you will share).",
)  # fmt: skip


def _today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.datetime.now(dt.UTC).date()


def _content(name: str, without_confidential: bool = False) -> WorkspaceContent:
    """Open the workspace and read everything its owner may see."""
    runtime.open_workspace(name)
    from powermap.store.access import owner_viewer
    from powermap.store.convert import workspace_content

    content = workspace_content(owner_viewer(runtime.workspace_row(name)))
    return _public(content) if without_confidential else content


def _public(content: WorkspaceContent) -> WorkspaceContent:
    hidden = {a.id for a in content.actors if a.confidential}
    return replace(
        content,
        actors=tuple(a for a in content.actors if a.id not in hidden),
        relationships=tuple(r for r in content.relationships if not r.confidential
                            and r.source not in hidden and r.target not in hidden),
        assessments=tuple(a for a in content.assessments
                          if not a.confidential and a.actor not in hidden),
    )  # fmt: skip


def _ask(content: WorkspaceContent, ask_id: str) -> Ask:
    from powermap.analysis.strategy import find_ask

    ask = find_ask(content, ask_id)
    if ask is None:
        known = ", ".join(a.id for a in content.asks) or "none yet"
        fail(f"No ask {ask_id!r} in this workspace (asks: {known}).")
    return ask


def _record_export(name: str, fmt: str) -> None:
    from powermap.store.actions.workspaces import do_record_export

    do_record_export(runtime.workspace_row(name), None, fmt)


@click.command()
@workspace_option
@ask_option
@json_option
@click.option("--pin", "pins", multiple=True, help="Actor id to list first (repeatable).")
@click.option("--exclude", "exclusions", multiple=True,
              help="Actor id never to list (repeatable).")  # fmt: skip
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@today_option
@no_confidential_option
def targets(
    name: str,
    ask_id: str,
    as_json: bool,
    pins: tuple[str, ...],
    exclusions: tuple[str, ...],
    limit: int,
    today: dt.datetime | None,
    without_confidential: bool,
) -> None:
    """Rank whom to work on for an ask, through whom, with which arguments.

    The ask's own pins and exclusions (set on its web page) apply too; --pin comes first.
    """
    content = _content(name, without_confidential)
    from powermap.analysis.strategy import rank_ask
    from powermap.knowledge import load_knowledge
    from powermap.reports.plan_text import targets_text
    from powermap.reports.targets_json import targets_json

    ranking = rank_ask(content, _ask(content, ask_id), load_knowledge(), on=_today(today),
                       pins=pins, exclusions=exclusions, limit=limit)  # fmt: skip
    if as_json:
        _record_export(name, "targets-json")
    click.echo(targets_json(ranking) if as_json else targets_text(ranking), nl=not as_json)
    if as_json:
        click.echo()


@click.command()
@workspace_option
@ask_option
@json_option
@click.option("--anchor", default=None, help="The step that must land on the moment.")
@click.option("--moment", default=None,
              help="Plan for this moment id only, instead of the one chosen for the ask.")  # fmt: skip
@click.option("--done", multiple=True,
              help="A step already done (repeatable), besides those saved as done.")  # fmt: skip
@click.option("--owner", "owners", multiple=True, metavar="STEP=WHO",
              help="Who owns a step (repeatable), instead of the owner saved for it.")  # fmt: skip
@today_option
def plan(
    name: str,
    ask_id: str,
    as_json: bool,
    anchor: str | None,
    moment: str | None,
    done: tuple[str, ...],
    owners: tuple[str, ...],
    today: dt.datetime | None,
) -> None:
    """Schedule an ask's steps backward from the next suitable moment.

    The group's progress saved with the ask (who owns each step, which are done), its
    chosen moment and its deadline apply; the options add to them or replace them.
    """
    content = _content(name)
    from powermap.analysis.strategy import plan_ask
    from powermap.knowledge import load_knowledge
    from powermap.reports.plan_text import plan_document, plan_text

    ask = _ask(content, ask_id)
    try:
        result = plan_ask(content, ask, load_knowledge(), today=_today(today),
                          owners=_owners(owners), done=done, anchor=anchor, moment=moment)  # fmt: skip
    except LookupError as error:
        fail(str(error))
    except ValueError as error:
        fail(f"Cannot plan {ask.id!r}: {error}")
    if as_json:
        _record_export(name, "plan-json")
        click.echo(json.dumps(plan_document(result), indent=2, ensure_ascii=False))
    else:
        click.echo(plan_text(result), nl=False)


def _owners(pairs: Sequence[str]) -> dict[str, str]:
    owners = {}
    for pair in pairs:
        step, sep, who = pair.partition("=")
        if not sep or not step or not who:
            fail(f"--owner takes STEP=WHO (got {pair!r}).")
        owners[step.strip()] = who.strip()
    return owners


@click.command()
@workspace_option
@click.option("--ics", "as_ics", is_flag=True, help="Print iCalendar for calendar apps.")
@click.option("--days", type=click.IntRange(1, 3660), default=365, show_default=True,
              help="How many days ahead.")  # fmt: skip
@today_option
def calendar(name: str, as_ics: bool, days: int, today: dt.datetime | None) -> None:
    """The strategic moments ahead: knowledge base and the workspace's own dates."""
    content = _content(name)
    from powermap.analysis.strategy import moments_ahead
    from powermap.knowledge import load_knowledge
    from powermap.reports.ics import calendar_ics
    from powermap.reports.plan_text import calendar_text

    found = moments_ahead(content, load_knowledge(), _today(today), days)
    if not as_ics:
        click.echo(calendar_text(found), nl=False)
        return
    _record_export(name, "calendar-ics")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    text = calendar_ics(found, name=f"powermap: {content.name}", stamp=stamp)
    click.echo(text.decode("utf-8"), nl=False)
