"""Timeline refresh after one new entry: 10 years of data (10,000 entries) and 100,000 entries."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from datetime import date, timedelta

from benchmarks.fixtures import large_plan
from careerplanner.catalog import load_catalog
from careerplanner.domain.model import Plan, Setting, Supervision, WorkEntry
from careerplanner.domain.timeline import build_timeline

GOALS_MS = {10_000: 30.0, 100_000: 150.0}
RUNS = 7


def _with_new_entry(plan: Plan, today: date) -> Plan:
    entry = WorkEntry(
        start=today - timedelta(days=1),
        hours=7.5,
        setting=Setting.HOSPITAL,
        supervision=Supervision.CCM,
    )
    return replace(plan, entries=(*plan.entries, entry))


def main() -> None:
    catalog = load_catalog()
    today = date.today()
    for count, goal in GOALS_MS.items():
        plan = large_plan(count, 10, today)
        build_timeline(plan, catalog, today)  # warm-up
        runs = []
        for _ in range(RUNS):
            refreshed = _with_new_entry(plan, today)
            began = time.perf_counter()
            build_timeline(refreshed, catalog, today)
            runs.append((time.perf_counter() - began) * 1000)
        median = statistics.median(runs)
        verdict = "ok" if median < goal else "OVER GOAL"
        print(
            f"timeline refresh after one new entry, {count:,} entries / 10 years: "
            f"median {median:.1f} ms, max {max(runs):.1f} ms (goal < {goal:.0f} ms) {verdict}"
        )
