"""Rule engine + projection for all six certifications on 10,000 entries over 10 years."""

from __future__ import annotations

import statistics
import time
from datetime import date

from benchmarks.fixtures import large_plan
from careerplanner.catalog import load_catalog
from careerplanner.domain.rules import evaluate

GOAL_MS = 50.0


def main() -> None:
    catalog = load_catalog()
    today = date.today()
    plan = large_plan(10_000, 10, today)
    evaluate(plan, catalog, today)  # warm-up
    runs = []
    for _ in range(20):
        began = time.perf_counter()
        evaluate(plan, catalog, today)
        runs.append((time.perf_counter() - began) * 1000)
    median = statistics.median(runs)
    verdict = "ok" if median < GOAL_MS else "OVER GOAL"
    print(
        f"evaluate all six with projection, 10,000 entries / 10 years: median {median:.1f} ms, "
        f"max {max(runs):.1f} ms (goal < {GOAL_MS:.0f} ms) {verdict}"
    )
