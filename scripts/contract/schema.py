"""Write ``portal/contract.schema.json`` from the contract's definition, for editors.

Run ``python -m scripts.contract.schema`` after changing ``scripts/contract/model.py``;
``--check`` exits 1 when the committed schema is out of date (a test runs the same check).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from scripts.common.files import atomic_write
from scripts.contract.model import SCHEMA_PATH, Contract


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``portal/contract.yml``, generated from the models."""
    schema = Contract.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(contract_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema file, or with ``--check`` say whether it is up to date."""
    parser = argparse.ArgumentParser(prog="python -m scripts.contract.schema", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if out of date")
    arguments = parser.parse_args(argv)
    text = schema_text()
    current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
    if arguments.check:
        if current != text:
            print(f"{SCHEMA_PATH} is out of date: run python -m scripts.contract.schema")
            return 1
        print(f"{SCHEMA_PATH} is up to date")
        return 0
    atomic_write(SCHEMA_PATH, text)
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
