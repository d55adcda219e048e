"""Rule engine + projection for all six certifications on 10,000 and 100,000 entries over 10
years, with three planned work periods (a job, a leave gap, a new job) and an RN license assumed
renewed. evaluate() runs on every start-up and after every quick-add."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from datetime import date, timedelta

from benchmarks.fixtures import large_plan
from careerplanner.catalog import load_catalog
from careerplanner.domain.model import Activity, Plan, Setting, Supervision, WorkPeriod
from careerplanner.domain.rules import evaluate

GOALS_MS = {10_000: 50.0, 100_000: 15.0}  # 100k: the aim of issue 12's engine round
RUNS = 20


def with_three_periods(plan: Plan, today: date) -> Plan:
    """The current job until 4 months on, 2 months off, a hospital job, then part time."""
    cm = Activity.CASE_MANAGEMENT
    periods = (
        WorkPeriod(1, today - timedelta(days=400), today + timedelta(days=120), 38, cm,
                   Setting.INSURANCE, Supervision.RN),
        WorkPeriod(2, today + timedelta(days=181), today + timedelta(days=900), 40, cm,
                   Setting.HOSPITAL, Supervision.CCM),
        WorkPeriod(3, today + timedelta(days=901), None, 20, cm, Setting.CLINIC,
                   Supervision.RN, paid=False),
    )  # fmt: skip
    licenses = tuple(replace(lic, expires=today + timedelta(days=200)) for lic in plan.licenses)
    return replace(plan, work_periods=periods, licenses=licenses)


def main() -> None:
    catalog = load_catalog()
    today = date.today()
    for count, goal in GOALS_MS.items():
        plan = with_three_periods(large_plan(count, 10, today), today)
        evaluate(plan, catalog, today)  # warm-up
        runs = []
        for _ in range(RUNS):
            began = time.perf_counter()
            evaluate(plan, catalog, today)
            runs.append((time.perf_counter() - began) * 1000)
        median = statistics.median(runs)
        verdict = "ok" if median < goal else "OVER GOAL"
        print(
            f"evaluate all six with projection, {count:,} entries / 10 years / 3 work periods: "
            f"median {median:.1f} ms, max {max(runs):.1f} ms (goal < {goal:.0f} ms) {verdict}"
        )
