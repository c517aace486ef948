"""Find an installed Chromium for Playwright (never installs one).

Order of preference: the executable named by ``ICEGATE_CHROMIUM``; a Chromium on ``PATH``
(Debian's ``chromium-headless-shell`` first, then ``chromium`` and friends); Playwright's own
download. Installing a browser when none is found is the maintainer command
``python -m scripts.tools.browser``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ENV_VAR = "ICEGATE_CHROMIUM"
PATH_NAMES = (
    "chromium-headless-shell",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)


def system_chromium() -> str | None:
    """Return the Chromium named by the environment or found on PATH, if any.

    Returns:
        The executable's path, or None when neither names one.
    """
    named = os.environ.get(ENV_VAR)
    if named:
        return named
    for name in PATH_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def desktop_chromium() -> str | None:
    """Return a full (desktop) Chromium on ``PATH``, for Lighthouse, which measures one.

    Returns:
        The executable's path, or None when only the headless shell (or nothing) is there.
    """
    for name in PATH_NAMES[1:]:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_chromium() -> str | None:
    """Return Playwright's own Chromium if it has been downloaded.

    Returns:
        The executable's path, or None when Playwright has not installed one.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = Path(playwright.chromium.executable_path)
    return str(path) if path.exists() else None
