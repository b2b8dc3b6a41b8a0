"""The command line against real encrypted workspace files, in subprocesses.

Subprocesses, not CliRunner, because each command sets Django up for one workspace
file, exactly as a user's shell does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.conftest import PASSPHRASE, run


def db(home: Path) -> Path:
    return home / "workspaces" / "w1.db"


def test_it_encrypts_the_database_file(home: Path) -> None:
    data = db(home).read_bytes()
    assert not data.startswith(b"SQLite format 3\x00")
    for text in (b"Rohingya", b"brouk", b"Survivors", b"state:GM", b"CREATE TABLE"):
        assert text not in data
    wal = db(home).with_suffix(".db-wal")
    if wal.exists():
        assert b"Rohingya" not in wal.read_bytes()


def test_it_never_writes_the_passphrase(home: Path) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            assert PASSPHRASE.encode() not in path.read_bytes(), path


def test_it_refuses_a_wrong_passphrase_cleanly(home: Path) -> None:
    before = db(home).read_bytes()
    result = run(home, "export", "--workspace", "w1", passphrase="not the passphrase")
    assert result.returncode == 2
    assert "Wrong passphrase" in result.stderr
    assert "ERROR CORE" not in result.stderr + result.stdout  # SQLCipher's own log
    assert "Traceback" not in result.stderr
    assert db(home).read_bytes() == before


def test_it_exports_what_it_imported(home: Path) -> None:
    result = run(home, "export", "--workspace", "w1")
    assert result.returncode == 0, result.stderr
    assert "format: powermap/1" in result.stdout
    assert "Burmese Rohingya Organisation UK" in result.stdout


def test_it_refuses_a_bad_file_whole(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "format: powermap/1\nworkspace: {name: x}\nactors:\n"
        "  - {id: new-ngo, name: New NGO, kind: ngo}\n"
        "  - {id: broken, name: Broken, kind: spaceship}\n",
        encoding="utf-8",
    )
    result = run(home, "import", str(bad), "--workspace", "w1")
    assert result.returncode == 1
    assert f"{bad}:5: actors[1].kind" in result.stderr
    assert "new-ngo" not in run(home, "export", "--workspace", "w1").stdout


def test_it_changes_the_passphrase(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "--workspace", "w1").returncode == 0
    new = "a new and longer passphrase"
    changed = run(tmp_path, "passphrase", "--workspace", "w1", POWERMAP_NEW_PASSPHRASE=new)
    assert changed.returncode == 0, changed.stderr
    assert run(tmp_path, "export", "--workspace", "w1").returncode == 2
    assert run(tmp_path, "export", "--workspace", "w1", passphrase=new).returncode == 0
    assert not list(tmp_path.rglob("*.salt.new"))


def test_it_refuses_short_passphrases(tmp_path: Path) -> None:
    result = run(tmp_path, "init", "--workspace", "w1", passphrase="short")
    assert result.returncode == 1 and "at least 10 characters" in result.stderr
    assert not (tmp_path / "workspaces" / "w1.db").exists()


def test_it_recovers_from_a_rekey_interrupted_before_the_salt_moved(tmp_path: Path) -> None:
    from powermap.store import crypto

    assert run(tmp_path, "init", "--workspace", "w1").returncode == 0
    path = tmp_path / "workspaces" / "w1.db"
    old_key = crypto.open_key(path, PASSPHRASE)
    new = "passphrase after the crash"
    real_replace = os.replace

    def crash_on_salt(src, dst):  # type: ignore[no-untyped-def]
        if str(src).endswith(".salt.new"):
            raise KeyboardInterrupt("power cut")
        real_replace(src, dst)

    import unittest.mock

    with unittest.mock.patch("powermap.store.crypto.os.replace", crash_on_salt), \
            pytest.raises(KeyboardInterrupt):  # fmt: skip
        crypto.rekey(path, old_key, new)
    # The database is now under the new key and the new salt waits in .salt.new.
    assert run(tmp_path, "export", "--workspace", "w1", passphrase=new).returncode == 0
    assert not crypto.pending_salt_path(path).exists()
    assert run(tmp_path, "export", "--workspace", "w1").returncode == 2


def test_it_creates_users_with_roles(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "--workspace", "w1").returncode == 0
    result = run(tmp_path, "createuser", "--workspace", "w1", "--username", "alice",
                 "--role", "editor", POWERMAP_USER_PASSWORD="a-long-Passphrase-7")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "alice is now editor" in result.stdout
    weak = run(tmp_path, "createuser", "--workspace", "w1", "--username", "bob",
               POWERMAP_USER_PASSWORD="123")  # fmt: skip
    assert weak.returncode == 1 and "Password refused" in weak.stderr


def test_it_refuses_to_overwrite_a_workspace(home: Path) -> None:
    result = run(home, "init", "--workspace", "w1")
    assert result.returncode == 1 and "already exists" in result.stderr
