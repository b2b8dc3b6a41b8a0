"""`powermap kb`: check, show and export the curated knowledge base."""

import datetime as dt
import json
from gettext import gettext as _
from pathlib import Path

import click
import yaml

from powermap.knowledge import (
    KnowledgeBase,
    KnowledgeError,
    check_knowledge,
    load_knowledge,
)
from powermap.knowledge.export import export_json
from powermap.knowledge.models import FOLDER_BY_KIND, Record
from powermap.knowledge.problems import Report
from powermap.knowledge.validate import today_utc

data_option = click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help=_("Use this data folder instead of the knowledge base shipped with powermap."),
)


@click.group(help=_("Check, show and export the curated knowledge base."))
def kb() -> None:
    """The `kb` command group."""


@kb.command(
    short_help=_("Validate every record and list the problems."),
    help=_("Validate every record: errors fail, facts older than 12 months warn."),
)
@data_option
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=_("Judge freshness as if today were this date (YYYY-MM-DD)."),
)
def check(data_path: Path | None, today: dt.datetime | None) -> None:
    """Print counts per area, then errors and warnings; exit 1 on errors."""
    report = check_knowledge(data_path, today=today.date() if today else None)
    echo_counts(report)
    for problem in report.errors:
        click.echo(_("error: {problem}").format(problem=problem))
    for problem in report.warnings:
        click.echo(_("warning: {problem}").format(problem=problem))
    click.echo(
        _("{errors} error(s), {warnings} warning(s)").format(
            errors=len(report.errors), warnings=len(report.warnings)
        )
    )
    if report.errors:
        raise click.exceptions.Exit(1)


def echo_counts(report: Report) -> None:
    """One line per area: folder name and number of records."""
    click.echo(_("Records per area:"))
    for kind, count in report.counts.items():
        click.echo(f"  {FOLDER_BY_KIND[kind]:<15} {count:>5}")


@kb.command(
    short_help=_("Show one record with its sources and age."),
    help=_("Show one record as YAML: state:DE, DE, body:hrc, hrc, mechanism:iiim ..."),
)
@click.argument("ref")
@data_option
def show(ref: str, data_path: Path | None) -> None:
    """Print the record with its sources, where it is kept and how old it is."""
    knowledge = check_knowledge(data_path).kb
    found = knowledge.find(ref) if knowledge is not None else None
    if knowledge is None or found is None:
        message = _(
            "Unknown knowledge record: {ref}. Use an id such as state:DE, DE, "
            "body:hrc, mechanism:iiim or org:eu."
        ).format(ref=ref)
        click.echo(message, err=True)
        raise click.exceptions.Exit(2)
    kind, record = found
    click.echo(record_yaml(knowledge, kind, record))


def record_yaml(knowledge: KnowledgeBase, kind: str, record: Record) -> str:
    """The record as YAML, headed by comments on its kind, file and age."""
    origin = knowledge.origins.get((kind, record.id))
    where = f"{origin.file}:{origin.line()}" if origin else "?"
    age = (today_utc() - record.as_of).days
    header = [
        "# " + _("{kind} {id}, from {where}").format(kind=kind, id=record.id, where=where),
        "# " + _("as_of {date}: {days} days ago").format(date=record.as_of, days=age),
    ]
    data = record.model_dump(exclude_none=True)
    # The facts first, then when they were checked and where they come from.
    checked = {"as_of": data.pop("as_of"), "sources": data.pop("sources")}
    ordered = {"kind": kind, **data, **checked}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=88)
    return "\n".join([*header, body.rstrip()])


@kb.command(help=_("Print the whole knowledge base as one JSON object."))
@click.option(
    "--json",
    "output_format",
    flag_value="json",
    default="json",
    help=_("JSON output (the only format for now)."),
)
@click.option("--indent", type=int, default=2, show_default=True, help=_("JSON indentation."))
@data_option
def export(output_format: str, indent: int, data_path: Path | None) -> None:
    """Print `export_json()`; exit 1 when the knowledge base has errors."""
    try:
        knowledge = load_knowledge(data_path)
    except KnowledgeError as exc:
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(1) from exc
    click.echo(json.dumps(export_json(knowledge), ensure_ascii=False, indent=indent or None))
