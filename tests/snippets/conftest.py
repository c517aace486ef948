from __future__ import annotations

import sys
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
if str(SNIPPETS) not in sys.path:
    sys.path.insert(0, str(SNIPPETS))
