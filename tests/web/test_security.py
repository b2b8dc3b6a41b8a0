"""Headers, CSRF, throttling, deploy checks, the audit log."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.db import DatabaseError, transaction
from django.test import Client

from powermap.store.models import AuditEntry
from tests.conftest import PASSWORD


def test_it_sends_a_strict_content_security_policy(alice: Client, slug: str) -> None:
    response = alice.get(f"/w/{slug}/network/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "http" not in csp  # no outside host anywhere
    assert response["X-Frame-Options"] == "DENY"


def test_it_requires_csrf_on_forms(world, slug: str) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["bob"])
    response = client.post(f"/w/{slug}/actors/new/", {"name": "X", "kind": "ngo"})
    assert response.status_code == 403


def test_it_throttles_password_guessing(world) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "alice", "password": "wrong guess"})
    locked = client.post("/login/", {"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed log-in attempts" in locked.content.decode()


def test_it_logs_in_with_the_right_password(world) -> None:  # type: ignore[no-untyped-def]
    response = Client().post("/login/", {"username": "carol", "password": PASSWORD})
    assert response.status_code == 302


def test_it_ends_sessions(settings) -> None:  # type: ignore[no-untyped-def]
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_it_hashes_passwords_with_argon2() -> None:
    from django.conf import settings as live

    import powermap.settings as configured

    assert configured.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert live is not None


def test_it_refuses_to_rewrite_the_audit_log(world) -> None:  # type: ignore[no-untyped-def]
    entry = AuditEntry.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="nothing happened")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_it_shows_the_audit_log_to_owners(alice: Client, slug: str) -> None:
    page = alice.get(f"/w/{slug}/audit/").content.decode()
    assert "import_workspace" in page


def test_it_passes_the_deploy_checks_under_server_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        "POWERMAP_SERVER": "1", "DEBUG": "0", "ALLOWED_HOSTS": "powermap.example.org",
        "SECRET_KEY": "x" * 20 + "-a-long-random-secret-key-for-the-deploy-check-0123456789",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
        "DJANGO_SETTINGS_MODULE": "powermap.settings", "PATH": "/usr/bin:/bin",
    }  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
