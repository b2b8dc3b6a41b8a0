"""`powermap serve` and `powermap demo`: the web UI on this machine."""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import webbrowser

import click

from powermap.cli import runtime
from powermap.store import crypto


def serve_options(function):  # type: ignore[no-untyped-def]
    function = click.option("--port", default=8765, show_default=True, type=int)(function)
    function = click.option("--host", default="127.0.0.1", show_default=True,
                            help="Keep 127.0.0.1 unless you run a shared server behind TLS.")(function)  # fmt: skip
    return click.option("--no-browser", is_flag=True, help="Do not open a browser.")(function)


def run_server(host: str, port: int, open_browser: bool, path: str = "/") -> None:
    from waitress import serve as waitress_serve

    from powermap.wsgi import application

    url = f"http://{host}:{port}{path}"
    click.echo(f"powermap is running at {url}  (stop with Ctrl+C)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=[url]).start()
    proxy = {}
    if os.getenv("POWERMAP_SERVER") and os.getenv("TRUSTED_PROXY"):
        # Behind a TLS proxy, trust its X-Forwarded-Proto so Django knows the request
        # came over HTTPS (waitress drops the header from anyone else).
        proxy = {"trusted_proxy": os.getenv("TRUSTED_PROXY"),
                 "trusted_proxy_headers": {"x-forwarded-proto"}}  # fmt: skip
    waitress_serve(application, host=host, port=port, threads=8, ident="powermap",
                   _quiet=True, **proxy)  # fmt: skip


@click.command()
@click.option("--workspace", "-w", "name", required=True, help="Workspace to open.")
@serve_options
def serve(name: str, port: int, host: str, no_browser: bool) -> None:
    """Serve a workspace's web UI on this machine."""
    runtime.open_workspace(name)
    run_server(host, port, not no_browser)


@click.command()
@serve_options
def demo(port: int, host: str, no_browser: bool) -> None:
    """Build a fresh demo workspace from the public record and serve it."""
    for variable in ("DATABASE_URL", "DATABASE_URL_FILE"):
        os.environ.pop(variable, None)  # the demo always runs on the embedded database
    folder = runtime.home() / "demo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, mode=0o700)
    path = folder / "demo.db"
    # The demo holds only public data; a fresh random key each run means nothing to keep.
    runtime.start_django(path, crypto.random_key())
    runtime.migrate()
    from powermap.demo import make_world

    password = secrets.token_urlsafe(9)
    world = make_world(demo_password=password)
    click.echo(f"Demo workspace: {world.workspace.name}")
    click.echo(f"Log in as: demo   password: {password}")
    run_server(host, port, not no_browser, path=f"/w/{world.workspace.slug}/")
