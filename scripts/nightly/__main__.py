"""``python -m scripts.nightly record|condense|publish``: see ``scripts.nightly.publish``."""

import sys

from scripts.nightly.publish import main

sys.exit(main())
