"""Large, realistic plans for benchmarks: N work entries spread over the last Y years."""

from __future__ import annotations

import random
from datetime import date, timedelta

from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Goal,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
)


def large_entries(count: int, years: int, today: date, seed: int = 7) -> list[WorkEntry]:
    """`count` entries of a few hours each, dated over the `years` before `today`."""
    rng = random.Random(seed)
    first = today - timedelta(days=365 * years)
    span = (today - first).days
    settings = list(Setting)
    supervisions = list(Supervision)
    most = min(3.0, 20 * span / count)  # keep every day under 24 h
    entries = []
    for i in range(count):
        start = first + timedelta(days=i * span // count)
        entries.append(
            WorkEntry(
                start=start,
                hours=round(rng.uniform(most / 6, most), 2),
                activity=Activity.CASE_MANAGEMENT if rng.random() < 0.9 else Activity.OTHER,
                setting=rng.choice(settings),
                supervision=rng.choice(supervisions),
                paid=rng.random() < 0.95,
                employer=rng.choice(["Mercy Hospital", "BlueCross", "County HHS"]),
                notes=f"entry {i}",
            )
        )
    return entries


def large_plan(count: int = 10_000, years: int = 10, today: date | None = None) -> Plan:
    today = today or date.today()
    return Plan(
        profile=Profile(track=Track.NURSE, state="TX", weekly_hours=30, ce_hours_per_year=12),
        degrees=(
            Degree(
                DegreeLevel.BACHELOR,
                DegreeField.NURSING,
                DegreeStatus.COMPLETED,
                end=today - timedelta(days=365 * years),
                accredited=True,
            ),
            Degree(
                DegreeLevel.MASTER,
                DegreeField.SOCIAL_WORK,
                DegreeStatus.PLANNED,
                end=today + timedelta(days=700),
                accredited=True,
            ),
        ),
        licenses=(License(LicenseType.RN, today - timedelta(days=365 * years)),),
        entries=tuple(large_entries(count, years, today)),
        ce=tuple(
            CeActivity(today - timedelta(days=90 * i), 3, list(CeTopic)[i % 3])
            for i in range(4 * years)
        ),
        goals=(Goal("CCM"), Goal("ACM-RN"), Goal("CMGT-BC")),
    )
