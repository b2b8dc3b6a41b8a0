"""The `powermap` command: one module per command group."""

from __future__ import annotations

import os

import click

from powermap import __version__
from powermap.cli import forums, kb, serving, strategy, workspaces


@click.group()
@click.version_option(__version__, prog_name="powermap")
def main() -> None:
    """powermap: power maps and justice advocacy plans for survivor groups."""
    # Files powermap creates (workspaces, salts, exports) are readable by this user only.
    os.umask(0o077)


for command in (
    workspaces.init,
    workspaces.createuser,
    workspaces.passphrase,
    workspaces.import_,
    workspaces.export,
    serving.serve,
    serving.demo,
    kb.kb,
    forums.forums,
    strategy.targets,
    strategy.plan,
    strategy.calendar,
):
    main.add_command(command)
