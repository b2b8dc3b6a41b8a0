"""House rules that a tool can check, so that nobody has to remember them."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "powermap"
TEMPLATES = sorted((PACKAGE / "web" / "templates").rglob("*.html"))
VENDOR = PACKAGE / "web" / "static" / "web" / "vendor"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_it_has_no_inline_script_or_style(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script> breaks the CSP"
    assert not re.search(r"\sstyle=", text), "style= attributes break the CSP"
    assert not re.search(r"\son[a-z]+=", text), "inline event handlers break the CSP"
    assert not re.search(r"(src|href)=\"(https?:)?//", text), "nothing loads from another host"


def test_it_ships_vendored_files_with_matching_hashes() -> None:
    manifest = tomllib.loads((VENDOR / "MANIFEST.toml").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["file"]}
    for entry in manifest["file"]:
        data = (VENDOR / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        assert (VENDOR / entry["path"]).parent.joinpath("LICENSE").exists()
    shipped = {str(p.relative_to(VENDOR)) for p in VENDOR.rglob("*.*js")}
    assert shipped <= listed, "every vendored script is in MANIFEST.toml"


def test_it_has_no_pending_migrations(db) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_it_keeps_the_import_boundaries() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, check=False,
                            cwd=PACKAGE.parents[1])  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_keeps_queries_out_of_views() -> None:
    """Views read through store/access.py, which checks permissions (Zulip's rule)."""
    bad = re.compile(r"\.objects\.(get|filter|all)\(")
    for view in (PACKAGE / "web" / "views").glob("*.py"):
        for number, line in enumerate(view.read_text(encoding="utf-8").splitlines(), 1):
            if bad.search(line) and "access-checked" not in line:
                pytest.fail(f"{view.name}:{number}: query outside store/access.py: {line.strip()}")


def test_it_writes_only_through_actions() -> None:
    bad = re.compile(r"\.(save|delete)\(\)|\.objects\.(create|update|bulk_create)\(")
    for folder in ("web", "cli"):
        for module in (PACKAGE / folder).rglob("*.py"):
            for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
                assert not bad.search(line), f"{module.name}:{number}: write outside store/actions"


def test_it_is_ruff_clean() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "src", "tests", "--output-format", "concise"],
                            capture_output=True, text=True, check=False, cwd=PACKAGE.parents[1])  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_it_type_checks_the_pure_core_strictly() -> None:
    mypy = Path(sys.executable).with_name("mypy")
    core = [f"src/powermap/{part}" for part in ("domain", "formats", "knowledge", "analysis", "reports")]
    result = subprocess.run([str(mypy), "--strict", *core], capture_output=True, text=True,
                            check=False, cwd=PACKAGE.parents[1])  # fmt: skip
    assert result.returncode == 0, result.stdout
