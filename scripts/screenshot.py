"""Regenerate docs/img/power-grid.png from a fresh `powermap demo` (needs Debian's chromium).

Usage: python scripts/screenshot.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

PORT = "8799"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
OUT = Path(__file__).resolve().parents[1] / "docs" / "img" / "power-grid.png"


def main() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_URL")}
    env["POWERMAP_HOME"] = tempfile.mkdtemp()
    demo = subprocess.Popen([sys.executable, "-m", "powermap", "demo", "--no-browser", "--port", PORT],
                            stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
    password = ""
    assert demo.stdout is not None
    for line in demo.stdout:
        if "password:" in line:
            password = line.split("password:")[1].strip()
        if "is running at" in line:
            break
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(f"http://127.0.0.1:{PORT}/login/")
            page.fill("#id_username", "demo")
            page.fill("#id_password", password)
            page.click("form.stacked button[type=submit]")
            page.goto(f"http://127.0.0.1:{PORT}/w/demo/grid/")
            page.locator("figure.grid-figure").screenshot(path=str(OUT))
            browser.close()
    finally:
        demo.terminate()


if __name__ == "__main__":
    main()
