"""Django settings, driven by the environment (healthchecks style).

Defaults give a working local, single-user install: an encrypted SQLite workspace
under $POWERMAP_HOME, served on 127.0.0.1. Set DATABASE_URL=postgres://... and
POWERMAP_SERVER=1 (with SECRET_KEY and ALLOWED_HOSTS) for a shared coalition server.
Every setting read here is documented in docs/settings.md.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from powermap.store import crypto


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE; fail loudly if that file is unreadable."""
    file_name = os.getenv(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.getenv(name) or None


BASE_DIR = Path(__file__).resolve().parent
SERVER_MODE = envbool("POWERMAP_SERVER", "0")
DEBUG = envbool("DEBUG", "0")

DATABASE_URL = envsecret("DATABASE_URL")
WORKSPACE_DB = os.getenv("POWERMAP_DB_PATH", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        # Any other server database would hold survivors' data unencrypted by us.
        raise ImproperlyConfigured("DATABASE_URL must be postgres://...; the local default is encrypted SQLite.")
else:
    DATABASES = {
        "default": {
            "ENGINE": "powermap.store.backends.sqlcipher",
            "NAME": WORKSPACE_DB or ":memory:",
            "OPTIONS": {
                # WAL lets the server read while it writes; a 64 MiB page cache spares
                # SQLCipher from decrypting the same pages again on large maps.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536",
                "transaction_mode": "IMMEDIATE",
            },
            "TEST": {"NAME": ":memory:"},
        }
    }

_db_key = crypto.key_for(WORKSPACE_DB) if WORKSPACE_DB else None
if SERVER_MODE and not envsecret("SECRET_KEY"):
    # A random per-process key would log everyone out on restart and break logins
    # across several app processes.
    raise ImproperlyConfigured("POWERMAP_SERVER=1 needs SECRET_KEY (or SECRET_KEY_FILE).")
SECRET_KEY = (
    envsecret("SECRET_KEY")
    or (crypto.secret_key_from(_db_key) if _db_key else None)
    or secrets.token_urlsafe(50)
)

ALLOWED_HOSTS = [
    host.strip() for host in os.getenv("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "powermap.store",
    "powermap.accounts",
    "powermap.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "powermap.urls"
WSGI_APPLICATION = "powermap.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# Accounts: Argon2 first, so every new or re-hashed password uses it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "pm-login"
LOGIN_REDIRECT_URL = "pm-home"
LOGOUT_REDIRECT_URL = "pm-login"

# Login throttling (django-axes): lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/auth/locked.html"
AXES_VERBOSE = False
# Do not keep a log of every login with address and browser: it would map who works
# on the case and from where.
AXES_DISABLE_ACCESS_LOG = True

# Sessions end after a working day, or when the browser closes.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True

# Security headers. No inline script, nothing from another host, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if SERVER_MODE:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", str(365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "0")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' HSTS preload list binds the whole domain to HTTPS for
        # years; that is the operator's decision, so we do not warn when it is off.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Internationalisation: every string a user reads goes through gettext.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = os.getenv("STATIC_ROOT") or None  # only a server needs collectstatic
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Nothing is logged that could hold workspace content; errors go to stderr.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
    # Django logs every 404 with its path, and our paths name actors: keep them out.
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Large uploads are refused before they reach the import parser.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", str(20 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Uploads stay in memory: a temporary file would put workspace data on disk unencrypted.
# The import view refuses files above DATA_UPLOAD_MAX_MEMORY_SIZE.
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]

with contextlib.suppress(ImportError):
    from powermap.local_settings import *  # noqa: F403  (optional site overrides, last)
