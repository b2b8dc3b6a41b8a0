"""Encryption at rest: turning a passphrase into the SQLCipher key, and holding it.

The passphrase is never written anywhere. We derive a 256-bit raw key from it with
Argon2id once per process (deliberately slow, so guessing is slow) and hand SQLCipher the
raw key, which skips SQLCipher's own per-connection key derivation (~70 ms each). The salt
is not secret; it sits beside the database in `<name>.salt`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

# Argon2id parameters: RFC 9106's second recommended option (64 MiB, 3 passes), which
# takes a few hundred milliseconds on a small laptop. Changing them makes every existing
# workspace unreadable, so they are recorded in the salt file's first line.
ARGON2_PARAMS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}
KEY_BYTES = 32
SALT_BYTES = 16
SALT_FORMAT = "powermap-argon2id-v1"

_keys: dict[str, bytes] = {}


class WrongPassphrase(Exception):
    """The passphrase does not open this workspace."""


def derive_key(passphrase: str, salt: bytes) -> bytes:
    if not passphrase:
        raise ValueError("empty passphrase")
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        hash_len=KEY_BYTES,
        type=Type.ID,
        **ARGON2_PARAMS,
    )


def salt_path(db_path: Path) -> Path:
    return db_path.with_suffix(db_path.suffix + ".salt")


def read_salt(db_path: Path) -> bytes:
    return _read_salt_file(salt_path(db_path))


def _read_salt_file(path: Path) -> bytes:
    lines = path.read_text(encoding="ascii").split()
    if len(lines) != 2 or lines[0] != SALT_FORMAT:
        raise ValueError(f"unreadable salt file {path}")
    return bytes.fromhex(lines[1])


def _write_salt_file(path: Path, salt: bytes) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="ascii") as handle:
        handle.write(f"{SALT_FORMAT}\n{salt.hex()}\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_new_salt(db_path: Path) -> bytes:
    salt = os.urandom(SALT_BYTES)
    _write_salt_file(salt_path(db_path), salt)
    return salt


def key_pragma(key: bytes) -> str:
    """The PRAGMA that hands SQLCipher a raw key (no per-connection derivation)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def remember_key(db_path: str | os.PathLike[str], key: bytes) -> None:
    """Hold the key in this process's memory for the database backend to use."""
    _keys[str(db_path)] = key


def key_for(db_path: str | os.PathLike[str]) -> bytes | None:
    return _keys.get(str(db_path))


def forget_keys() -> None:
    _keys.clear()


def random_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def secret_key_from(key: bytes) -> str:
    """Django's SECRET_KEY for a local workspace, derived from its key, never stored.

    Sessions and CSRF tokens then survive a restart without a secret on disk.
    """
    return hmac.new(key, b"powermap django SECRET_KEY", hashlib.sha256).hexdigest() * 2


def check_key(db_path: Path, key: bytes) -> None:
    """Raise WrongPassphrase unless `key` opens the database at `db_path`."""
    import sqlcipher3

    # Read-only, so that trying a wrong passphrase cannot change the file (a writable
    # connection would checkpoint a leftover write-ahead log on close).
    conn = sqlcipher3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        quiet(conn)
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise WrongPassphrase(str(db_path)) from exc
    finally:
        conn.close()


def quiet(conn: object) -> None:
    """Silence SQLCipher's own log: a failed key would print errors to the terminal."""
    conn.execute("PRAGMA cipher_log_level = NONE")  # type: ignore[attr-defined]


def open_key(db_path: Path, passphrase: str) -> bytes:
    """The key this passphrase gives for the database, or WrongPassphrase.

    If a rekey was interrupted, a `.salt.new` file may exist beside the old salt: the
    database then opens with one of the two, and we finish the switch.
    """
    pending = pending_salt_path(db_path)
    if pending.exists():
        key = derive_key(passphrase, _read_salt_file(pending))
        try:
            check_key(db_path, key)
        except WrongPassphrase:
            pass
        else:
            os.replace(pending, salt_path(db_path))
            return key
    key = derive_key(passphrase, read_salt(db_path))
    check_key(db_path, key)
    return key


def pending_salt_path(db_path: Path) -> Path:
    return db_path.with_suffix(db_path.suffix + ".salt.new")


def rekey(db_path: Path, old_key: bytes, new_passphrase: str) -> bytes:
    """Re-encrypt the database under a new passphrase; return the new key.

    Crash-safe in three steps: the new salt is written to `.salt.new` first; SQLCipher's
    `PRAGMA rekey` rewrites every page in one transaction; then `.salt.new` replaces the
    salt. A crash at any point leaves a database that opens with the old passphrase
    (before the rekey committed) or the new one (after), and `open_key` tries both.
    """
    import sqlcipher3

    check_key(db_path, old_key)
    new_salt = os.urandom(SALT_BYTES)
    new_key = derive_key(new_passphrase, new_salt)
    _write_salt_file(pending_salt_path(db_path), new_salt)
    conn = sqlcipher3.connect(str(db_path))
    try:
        quiet(conn)
        conn.execute(key_pragma(old_key))
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    os.replace(pending_salt_path(db_path), salt_path(db_path))
    return new_key
