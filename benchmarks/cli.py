"""The command line against `python -c "import sqlalchemy.orm"`, measured in the same run:
`eligibility --json` on 10,000 entries, and `hours add` (a write-only command)."""

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

RUNS = 7
GOAL = 1.3


def _once(args: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, capture_output=True)
    return (time.perf_counter() - began) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        plan = large_plan(10_000, 10, date.today())
        with Database.open(folder) as database, database.session() as session:
            insert_plan(session, plan)
        app = ["-m", "careerplanner", "--data-dir", str(folder)]
        commands = {
            "eligibility --json, 10,000 entries": [*app, "eligibility", "--json"],
            "hours add, 10,000 entries": [
                *app,
                "hours",
                "add",
                "--date",
                str(date.today()),
                "--hours",
                "0.25",
            ],
        }
        baseline_args = ["-c", "import sqlalchemy.orm"]
        _once(baseline_args)  # warm the file cache
        times: dict[str, list[float]] = {name: [] for name in ["baseline", *commands]}
        for _ in range(RUNS):  # alternating, so a busy moment hits both sides alike
            times["baseline"].append(_once(baseline_args))
            for name, args in commands.items():
                times[name].append(_once(args))
    baseline = statistics.median(times["baseline"])
    print(f'python -c "import sqlalchemy.orm": median {baseline:.0f} ms')
    for name in commands:
        took = statistics.median(times[name])
        ratio = took / baseline
        print(
            f"careerplanner {name}: median {took:.0f} ms = {ratio:.2f}x "
            f"(goal <= {GOAL:.1f}x) {'ok' if ratio <= GOAL else 'OVER GOAL'}"
        )
