"""`careerplanner eligibility --json` on a 10,000-entry database: wall time, and the ratio to
`python -c "import sqlalchemy"` measured in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.fixtures import large_plan
from careerplanner.storage import Database
from careerplanner.storage.repositories import insert_plan

RUNS = 5


def _wall(*args: str) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        plan = large_plan(10_000, 10, date.today())
        with Database.open(folder) as database, database.session() as session:
            insert_plan(session, plan)
        eligibility = _wall(
            "-m", "careerplanner", "--data-dir", str(folder), "eligibility", "--json"
        )
        baseline = _wall("-c", "import sqlalchemy")
    print(
        f"careerplanner eligibility --json, 10,000 entries: median {eligibility:.0f} ms; "
        f'python -c "import sqlalchemy": {baseline:.0f} ms; ratio {eligibility / baseline:.2f}x'
    )
