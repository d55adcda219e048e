"""The plan snapshot is read once per change, and a write by another process is noticed."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from careerplanner.domain.model import WorkEntry


def test_snapshot_is_reused_until_a_change(services: Any) -> None:
    services.plan.snapshot()  # the first connection creates the WAL file
    first = services.plan.snapshot()
    assert services.plan.snapshot() is first
    assert services.plan.eligibility() is services.plan.eligibility()
    services.hours.add(WorkEntry(start=date(2026, 11, 2), hours=8))
    second = services.plan.snapshot()
    assert second is not first and len(second.entries) == len(first.entries) + 1


def test_a_write_by_another_process_is_seen(services: Any) -> None:
    first = services.plan.snapshot()
    with sqlite3.connect(services.db.path) as other:
        other.execute(
            "INSERT INTO work_entry (start, hours, activity, setting, supervision, paid, "
            "employer, notes, verified_by, verified_credential, created_at) "
            "VALUES ('2026-11-03', 5, 'case-management', 'hospital', 'rn', 1, '', '', '', '', "
            "'2026-11-26 10:00:00')"
        )
    assert len(services.plan.snapshot().entries) == len(first.entries) + 1
