"""Write tests/data/engine_results.json: the rule engine's results on the cases of
engine_cases.py, as they are now. Run it only to record a deliberate change of results:
`.venv/bin/python tests/record_engine_results.py`."""

from __future__ import annotations

import json
from pathlib import Path

from engine_cases import FIXTURE, cases, record

from careerplanner.catalog import load_catalog


def main() -> None:
    catalog = load_catalog()
    recorded = {case.name: record(case, catalog) for case in cases()}
    path = Path(__file__).parent / FIXTURE
    lines = (json.dumps({name: rec}, sort_keys=True)[1:-1] for name, rec in recorded.items())
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(recorded)} cases written to {path}")


if __name__ == "__main__":
    main()
