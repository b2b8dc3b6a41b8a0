"""Headers, CSRF, throttling, deploy checks, the audit log."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from django.db import DatabaseError, transaction
from django.test import Client

from powermap.store.models import AuditEntry
from powermap.web import reauth
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


def test_it_keeps_workspace_pages_out_of_caches(carol: Client, slug: str) -> None:
    cache = carol.get(f"/w/{slug}/actors/brouk/")["Cache-Control"]
    assert "no-store" in cache and "private" in cache


def test_it_records_who_exported(alice: Client, slug: str) -> None:
    alice.get(f"/w/{slug}/export/")
    assert AuditEntry.objects.filter(action="export_workspace", username="alice").exists()


def test_it_refuses_uploads_that_are_too_large(alice: Client, slug: str, settings) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    big = SimpleUploadedFile("big.yml", b"format: powermap/1\n" + b"#" * 200)
    page = alice.post(f"/w/{slug}/import/", {"file": big}).content.decode()
    assert "too large" in page


@pytest.mark.parametrize(
    "env,message",
    [
        ({"DATABASE_URL": "sqlite:////tmp/plain.db"}, "DATABASE_URL must be postgres"),
        ({"POWERMAP_SERVER": "1"}, "needs SECRET_KEY"),
    ],
)
def test_it_refuses_unsafe_server_settings(env: dict[str, str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import powermap.settings"],
        capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", **env}, timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode != 0 and message in result.stderr


def test_an_export_needs_the_password_entered_in_the_last_minutes(
    alice: Client, slug: str
) -> None:
    """A session left open is not enough to take the whole workspace away."""
    session = alice.session
    session[reauth.SESSION_KEY] = int(time.time()) - reauth.RECENT_SECONDS - 1
    session.save()
    url = f"/w/{slug}/export/"
    asked = alice.get(url)
    assert asked["Content-Type"].startswith("text/html") and 'name="password"' in asked.text
    wrong = alice.post(url, {"password": "not-the-password"})
    assert "That is not your password." in wrong.text
    assert not AuditEntry.objects.filter(action="export_workspace").exists()
    right = alice.post(url, {"password": PASSWORD})
    assert right["Content-Type"].startswith("application/yaml") and b"actors:" in right.content
    assert AuditEntry.objects.filter(action="export_workspace", username="alice").count() == 1
    again = alice.get(url)  # the password was just entered: no second question
    assert again["Content-Type"].startswith("application/yaml")


def test_logging_in_counts_as_entering_the_password(alice: Client, slug: str) -> None:
    assert alice.get(f"/w/{slug}/export/")["Content-Type"].startswith("application/yaml")
