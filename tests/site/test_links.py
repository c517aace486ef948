"""Internal links and anchors in the built HTML all resolve (linkchecker over the served site)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

LINKCHECKER_CONFIG = """\
[checking]
threads=4
maxrequestspersecond=100
[filtering]
checkextern=0
[AnchorCheck]
"""


def test_every_internal_link_and_anchor_resolves(site_url: str, tmp_path: Path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG)
    config.chmod(0o644)
    tmp_path.chmod(0o755)
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert linkchecker, "linkchecker is not installed in this environment"
    result = subprocess.run(
        [linkchecker, "--config", str(config), "--no-status", site_url],
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    # Broken anchors are "warnings" to linkchecker; both counts must be zero.
    assert result.returncode == 0, report
    assert "0 warnings found" in result.stdout, report
    assert "0 errors found" in result.stdout, report
