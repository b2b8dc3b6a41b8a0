"""Running the real `powermap` command in subprocesses, as a user's shell does.

Subprocesses, not CliRunner, because each command sets Django up for one workspace file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from powermap.demo import demo_text

PASSPHRASE = "correct horse battery staple"


def run(home: Path, *args: str, passphrase: str = PASSPHRASE, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_URL")}
    environment |= {"POWERMAP_HOME": str(home), "POWERMAP_PASSPHRASE": passphrase} | env
    return subprocess.run(
        [sys.executable, "-m", "powermap", *args],
        capture_output=True, text=True, env=environment, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted workspace `w1` holding the demo."""
    home = tmp_path_factory.mktemp("home")
    assert run(home, "init", "--workspace", "w1").returncode == 0
    demo = home / "demo.yml"
    demo.write_text(demo_text(), encoding="utf-8")
    result = run(home, "import", str(demo), "--workspace", "w1")
    assert result.returncode == 0, result.stderr
    return home
