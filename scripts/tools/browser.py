"""Find a Chromium for Playwright, installing one when none is present.

Order of preference:

1. the executable named by the ``ICEGATE_CHROMIUM`` environment variable;
2. a Chromium on ``PATH``: Debian's ``chromium-headless-shell`` first, then ``chromium`` and
   friends;
3. Playwright's own download, if it was installed earlier;
4. as root on Debian: ``apt-get install chromium-headless-shell`` (``chromium`` if that fails);
5. otherwise: ``python -m playwright install chromium``.

Why the headless shell first: it is the same Blink engine without the desktop browser around
it, and it is what Playwright itself launches for headless runs, so the tests see the same
pages for much less processor time than the full ``chromium`` needs (the figures are in
maintaining/benchmarks.md).

Run ``python -m scripts.tools.browser`` to make sure a browser exists; it prints which one.
Finding one without installing (steps 1-3) is ``scripts.common.browser``, which the tests and
the drift check use; this module adds the installing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from scripts.common.browser import ENV_VAR, playwright_chromium, system_chromium
from scripts.common.browser import desktop_chromium as desktop_chromium  # bench.py imports it here

#: What root installs on Debian, in order: the headless shell (packaged with the browser since
#: bookworm's security updates), else the full browser.
DEBIAN_PACKAGES = ("chromium-headless-shell", "chromium")


def _can_use_apt() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None


def install_chromium() -> None:
    """Install a Chromium: Debian's package as root, else Playwright's download.

    Raises:
        subprocess.CalledProcessError: when the installer fails.
    """
    if _can_use_apt():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        for package in DEBIAN_PACKAGES:
            installed = subprocess.run(
                ["apt-get", "install", "-y", "-qq", package], env=env, check=False
            )
            if installed.returncode == 0:
                return
        raise subprocess.CalledProcessError(installed.returncode, installed.args)
    else:
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)


def ensure_chromium() -> str:
    """Return a usable Chromium, installing one first if needed.

    Returns:
        The executable's path.

    Raises:
        SystemExit: when no browser could be found or installed.
    """
    found = system_chromium() or playwright_chromium()
    if found:
        return found
    print("No Chromium found; installing one (see scripts/tools/browser.py).", file=sys.stderr)
    try:
        install_chromium()
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(f"Could not install Chromium: {error}") from None
    found = system_chromium() or playwright_chromium()
    if not found:
        raise SystemExit(f"Chromium was installed but cannot be found; set {ENV_VAR}.")
    return found


if __name__ == "__main__":
    print(f"Chromium for the tests: {ensure_chromium()}")
