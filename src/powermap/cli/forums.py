"""`powermap forums FACTS.yaml`: which forums could hear a case, and how victims take part."""

from __future__ import annotations

import datetime as dt
from gettext import gettext as _
from pathlib import Path

import click

from powermap.analysis.forums import find_forums
from powermap.cli.kb import data_option
from powermap.formats.facts_yaml import FactsFileError, parse_facts
from powermap.knowledge import KnowledgeError, load_knowledge
from powermap.knowledge.validate import today_utc
from powermap.reports.forums_json import dumps_forums
from powermap.reports.forums_text import render_forums


@click.command(
    short_help=_("Find the forums that could hear a case, from the facts of a situation."),
    help=_(
        "Read the facts of a situation (a YAML file: crimes, territory, period, "
        "perpetrators' and victims' nationalities, where suspects and victims are) and "
        "list every forum that could hear a case: its legal basis, the conditions still to "
        "meet, how victims can take part, with reasons and sources. Legal information, "
        "not legal advice. See docs/forums.md for the file format and the rules."
    ),
)
@click.argument("facts_file", metavar="FACTS.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=_("Print the findings as JSON."))
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=_("Judge what is in force as if today were this date (YYYY-MM-DD)."),
)
@data_option
def forums(
    facts_file: Path, as_json: bool, today: dt.datetime | None, data_path: Path | None
) -> None:
    """Print the findings; exit 1 naming the field when the facts file is wrong."""
    try:
        text = facts_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(
            _("cannot read {file}: {error}").format(file=facts_file, error=exc)
        ) from exc
    try:
        kb = load_knowledge(data_path)
    except KnowledgeError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        facts = parse_facts(text, str(facts_file), known_state=lambda code: code in kb.states)
    except FactsFileError as exc:
        raise click.ClickException(str(exc)) from exc
    day = today.date() if today else today_utc()
    findings = find_forums(facts, kb, day)
    if as_json:
        click.echo(dumps_forums(findings, facts, day, kb.as_of))
    else:
        click.echo(render_forums(findings, facts, day, kb.as_of), nl=False)
