"""Where powermap keeps its files on this machine."""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """$POWERMAP_HOME, or the platform's user data folder (e.g. ~/.local/share/powermap)."""
    from platformdirs import user_data_path

    return Path(os.getenv("POWERMAP_HOME") or user_data_path("powermap", appauthor=False))
