"""MkDocs hooks: the thin glue between MkDocs and the generator-independent code.

Everything of substance lives in plain Python modules under ``scripts/`` so that a move to
another MkDocs-compatible generator keeps it; this file only wires it in.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
