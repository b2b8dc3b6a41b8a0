"""The docs are complete: every environment variable and every command is documented.

Datasette's test_docs.py idea. No database: these tests read source files and walk the
click command tree.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import click
import pytest

from powermap.cli import main

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "powermap"
DOCS = ROOT / "docs"

# Where settings are read: Django's settings, the command line, and where the command line
# finds its home folder (POWERMAP_HOME is read in paths.py on the CLI's behalf).
PYTHON_SOURCES = [SRC / "settings.py", SRC / "paths.py", *sorted((SRC / "cli").glob("*.py"))]
# The test runner script reads its own variables with ${NAME:-default}.
SHELL_SOURCES = [ROOT / "scripts" / "test"]

# Calls whose first argument names an environment variable.
READERS = {"getenv", "envbool", "envint", "envsecret"}
ENVIRON_METHODS = {"get", "setdefault", "pop"}
SHELL_VARIABLE = re.compile(r"\$\{([A-Z][A-Z0-9_]*)")
HEADING = re.compile(r"^###\s+`?([A-Z][A-Z0-9_]*)`?\s*$", re.MULTILINE)


def _name(node: ast.expr) -> str:
    """The last part of a called name: `os.getenv` -> getenv, `os.environ.get` -> get."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _is_environ(node: ast.expr) -> bool:
    return _name(node) == "environ"


def _strings(node: ast.expr) -> list[str]:
    """String constants in a name argument: "X", or ("X", "Y") / ["X", "Y"] for envvar."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List):
        return [s for element in node.elts for s in _strings(element)]
    return []  # computed names (f-strings, loop variables) cannot be checked statically


def _reads(tree: ast.AST) -> Iterator[tuple[str, str, int]]:
    """(variable, how it is read, line) for every environment read in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = _name(node.func)
            is_reader = called in READERS
            is_environ_method = (
                isinstance(node.func, ast.Attribute)
                and called in ENVIRON_METHODS
                and _is_environ(node.func.value)
            )
            if (is_reader or is_environ_method) and node.args:
                for name in _strings(node.args[0]):
                    yield name, called, node.lineno
            for keyword in node.keywords:
                if keyword.arg == "envvar":
                    for name in _strings(keyword.value):
                        yield name, "envvar", node.lineno
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            for name in _strings(node.slice):
                yield name, "environ[]", node.lineno


def environment_reads() -> list[tuple[str, str, str]]:
    """(variable, how, where) for every variable read by the settings, the CLI and scripts."""
    found = []
    for path in PYTHON_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, how, line in _reads(tree):
            found.append((name, how, f"{path.relative_to(ROOT)}:{line}"))
    for path in SHELL_SOURCES:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name in SHELL_VARIABLE.findall(text):
                found.append((name, "shell", f"{path.relative_to(ROOT)}:{number}"))
    return found


def documented_settings() -> set[str]:
    return set(HEADING.findall((DOCS / "settings.md").read_text(encoding="utf-8")))


def is_documented(name: str, documented: set[str], secrets: set[str]) -> bool:
    """`### X` documents X; for an envsecret X it also documents X_FILE."""
    if name in documented:
        return True
    base = name.removesuffix("_FILE")
    return name.endswith("_FILE") and base in secrets and base in documented


def test_it_finds_the_environment_reads() -> None:
    # Guards against a scanner that silently finds nothing and so passes everything.
    names = {name for name, _how, _where in environment_reads()}
    assert {"POWERMAP_HOME", "POWERMAP_PASSPHRASE", "SECRET_KEY", "DATABASE_URL",
            "POWERMAP_USER_PASSWORD", "POWERMAP_TEST_POSTGRES"} <= names  # fmt: skip


def test_it_documents_every_environment_variable() -> None:
    reads = environment_reads()
    secrets = {name for name, how, _where in reads if how == "envsecret"}
    documented = documented_settings()
    missing = sorted(
        {f"{name} (read at {where})" for name, _how, where in reads
         if not is_documented(name, documented, secrets)}
    )  # fmt: skip
    assert not missing, "Add a `### NAME` section to docs/settings.md for: " + ", ".join(missing)


def test_it_documents_only_variables_that_exist() -> None:
    # A heading for a variable nothing reads any more is a stale promise to the reader.
    code = "".join(p.read_text(encoding="utf-8") for p in [*SRC.rglob("*.py"), *SHELL_SOURCES])
    stale = sorted(name for name in documented_settings() if name not in code)
    assert not stale, "docs/settings.md documents variables nothing reads: " + ", ".join(stale)


def command_paths(
    command: click.Command, ctx: click.Context, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every visible command and subcommand under `command`, as name paths."""
    if not isinstance(command, click.Group):
        return
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        if sub is None or sub.hidden:
            continue
        yield (*path, name)
        yield from command_paths(sub, click.Context(sub, info_name=name, parent=ctx), (*path, name))


def all_commands() -> list[tuple[str, ...]]:
    return list(command_paths(main, click.Context(main, info_name="powermap")))


def test_it_finds_the_commands() -> None:
    assert {("init",), ("serve",), ("demo",), ("import",), ("export",)} <= set(all_commands())


@pytest.mark.parametrize("path", all_commands(), ids=" ".join)
def test_it_documents_every_command(path: tuple[str, ...]) -> None:
    # `## powermap init` for commands, `### powermap kb check` for subcommands.
    heading = "#" * (1 + len(path)) + " powermap " + " ".join(path)
    lines = (DOCS / "cli.md").read_text(encoding="utf-8").splitlines()
    assert heading in lines, f"docs/cli.md has no heading {heading!r}"


def _cli_docs_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_keeps_the_cli_reference_up_to_date() -> None:
    expected = _cli_docs_script().render()
    actual = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/cli.md is out of date: run `python scripts/cli_docs.py > docs/cli.md`"
    )


def test_it_shows_a_valid_example_workspace_file() -> None:
    from powermap.formats.workspace_yaml import parse_workspace

    text = (DOCS / "workspace-format.md").read_text(encoding="utf-8")
    example = text.split("## A full example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    content = parse_workspace(example, "docs/workspace-format.md")
    assert content.actors and content.relationships and content.assessments and content.asks
