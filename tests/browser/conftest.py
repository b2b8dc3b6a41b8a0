"""Browser tests: the real `powermap demo` command, driven in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@dataclass
class Demo:
    url: str
    username: str
    password: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_URL")}
    env["POWERMAP_HOME"] = str(tmp_path_factory.mktemp("demo-home"))
    process = subprocess.Popen(
        [sys.executable, "-m", "powermap", "demo", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    password, lines = "", []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if "password:" in line:
            password = line.split("password:")[1].strip()
        if "is running at" in line:
            break
    assert password, "".join(lines)
    # Keep reading the server's output, or a full pipe would block the server.
    threading.Thread(target=lines.extend, args=(process.stdout,), daemon=True).start()
    yield Demo(f"http://127.0.0.1:{port}", "demo", password)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: scripts/test installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, demo: Demo):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.csp_errors = []
    page.on("console", lambda m: page.csp_errors.append(m.text)
            if "Content Security Policy" in m.text else None)  # fmt: skip
    page.goto(f"{demo.url}/login/")
    page.fill("#id_username", demo.username)
    page.fill("#id_password", demo.password)
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/w/demo/")
    yield page
    context.close()
