"""Filling a year of a 5-day schedule (Mon–Fri 08:00–16:30, 30 min break: 261 entries) into a
fresh database, through the service, one transaction; and quick-add with a supervisor on the
demo data until the Overview's eligibility is read again."""

from __future__ import annotations

import statistics
import tempfile
import time as clock
from datetime import date, time
from pathlib import Path

from careerplanner.catalog import load_catalog
from careerplanner.domain.logbook import Credential, Employer, Schedule, Supervisor
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database

RUNS = 5
TODAY = date(2026, 11, 26)


def _fill_once(catalog: object) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as temp, Database.open(Path(temp)) as db:
        services = Services(db, catalog, today=lambda: TODAY)  # type: ignore[arg-type]
        boss = services.supervisors.add(Supervisor("Ann Lee", Credential.CCM))
        site = services.employers.add(Employer("Mercy Hospital", Setting.HOSPITAL))
        services.schedules.add(
            Schedule(
                "mon-fri",
                time(8),
                time(16, 30),
                date(2025, 11, 27),
                break_minutes=30,
                supervisor_id=boss.id,
                employer_id=site.id,
            )
        )
        began = clock.perf_counter()
        result = services.schedules.fill(TODAY)
        return (clock.perf_counter() - began) * 1000, len(result.entries)


def _quick_add_once(catalog: object) -> float:
    with tempfile.TemporaryDirectory() as temp, Database.open(Path(temp)) as db:
        services = Services(db, catalog, today=lambda: TODAY)  # type: ignore[arg-type]
        services.plan.load_demo()
        boss = services.supervisors.add(Supervisor("Ann Lee", Credential.CCM))
        services.plan.eligibility()  # the Overview as shown before the add
        began = clock.perf_counter()
        services.hours.add(WorkEntry(TODAY, 2.0, supervisor_id=boss.id))
        services.plan.eligibility()
        return (clock.perf_counter() - began) * 1000


def main() -> None:
    catalog = load_catalog()
    fills = [_fill_once(catalog) for _ in range(RUNS)]
    adds = [_quick_add_once(catalog) for _ in range(RUNS)]
    print(
        f"schedule fill, a year of Mon–Fri ({fills[0][1]} entries): median "
        f"{statistics.median(f for f, _ in fills):.0f} ms (target < 1000 ms)"
    )
    print(
        f"quick-add with a supervisor, then the Overview's eligibility, demo data: median "
        f"{statistics.median(adds):.1f} ms (target < 50 ms)"
    )
