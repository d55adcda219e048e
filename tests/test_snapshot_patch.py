"""After every kind of write the patched snapshot equals a full read of the database, and the
plan is read in full only once (then again after an import)."""

from __future__ import annotations

import tempfile
from contextlib import suppress
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.domain.encoding import encode_entries
from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Goal,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.scenarios import Scenario
from careerplanner.services import Services
from careerplanner.storage import Database, reader

TODAY = date(2026, 11, 26)
FIELDS = ("start", "end", "hours", "activity", "setting", "supervision", "paid", "ids")


def _entry(day: int, hours: float, span: int) -> WorkEntry:
    start = TODAY - timedelta(days=day)
    end = start + timedelta(days=span) if span and day >= span else None
    return WorkEntry(start=start, end=end, hours=hours, setting=Setting.HOSPITAL)


def _pick(services: Services, index: int) -> WorkEntry | None:
    entries = services.hours.list()
    return entries[index % len(entries)] if entries else None


def _write(services: Services, op: tuple[Any, ...], removed: list[WorkEntry]) -> None:
    name, a, b, c = op
    entry = _pick(services, a)
    if name == "add":
        services.hours.add_many([_entry(a, b, c), _entry(a + 3, b / 2, 0)])
    elif name == "update" and entry is not None:
        services.hours.update(replace(entry, hours=b, start=TODAY - timedelta(days=c + 1)))
    elif name == "remove" and entry is not None:
        removed.extend(services.hours.remove_many([entry.id]))
    elif name == "restore" and removed:
        services.hours.restore([removed.pop()])
    elif name == "verify" and entry is not None:
        services.hours.verify([entry.id], "Dana Reyes", "CCM", TODAY)
    elif name == "unlock" and entry is not None:
        services.hours.unlock(entry.id, "typo in the hours")
    elif name == "license":
        lic = License(LicenseType.RN, TODAY - timedelta(days=400 + a), state="TX")
        services.education.add_license(replace(lic, renewal_assumed=bool(c % 2)))
    elif name == "ce":
        services.ce.add(CeActivity(TODAY - timedelta(days=a), b, CeTopic.ETHICS))
    elif name == "work":
        start = TODAY + timedelta(days=30 * a)
        services.work.add(
            WorkPeriod(0, start, start + timedelta(days=20), 10 * b, Activity.CASE_MANAGEMENT,
                       Setting.CLINIC, Supervision.RN)
        )  # fmt: skip
    elif name == "goal":
        services.goals.add(Goal(("CCM", "ACM-RN", "CMGT-BC")[a % 3]))
    elif name == "profile":
        services.profile.update(Profile(track=Track.NURSE, state="TX", weekly_hours=b * 10))
    elif name == "scenario":
        services.scenarios.create(Scenario(name=f"What if {a}", weekly_hours=20 + c))


def _same(patched: Plan, fresh: Plan) -> None:
    assert patched == fresh
    assert patched.encoded is not None
    expected = encode_entries(fresh.entries)
    for name in FIELDS:
        assert np.array_equal(getattr(patched.encoded, name), getattr(expected, name)), name
    assert patched.encoded.source == fresh.entries


WRITES = ["add", "update", "remove", "restore", "verify", "unlock"]
WRITES += ["license", "ce", "work", "goal", "profile", "scenario"]
ops = st.tuples(
    st.sampled_from(WRITES),
    st.integers(0, 40),
    st.sampled_from([0.5, 1.0, 2.5, 4.0]),
    st.integers(0, 6),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(writes=st.lists(ops, min_size=1, max_size=12))
def test_the_patched_snapshot_equals_a_full_read(catalog: Any, writes: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder)) as db:
        services = Services(db, catalog, today=lambda: TODAY)
        services.hours.add_many([_entry(d, 2.0, d % 3) for d in range(1, 30, 2)])
        services.plan.snapshot()
        removed: list[WorkEntry] = []
        for op in writes:
            with suppress(ValidationError, NotFoundError):  # refused: must still match
                _write(services, op, removed)
            with db.snapshot_connection() as connection:
                _same(services.plan.snapshot(), reader.read_plan(connection))
        assert services.plan.cache.reads == 1


def test_an_import_reads_the_plan_again(services: Any, tmp_path: Path) -> None:
    services.hours.add(_entry(3, 2.0, 0))
    services.plan.snapshot()
    services.hours.add(_entry(4, 2.0, 0))
    assert len(services.plan.snapshot().entries) == 2
    assert services.plan.cache.reads == 1
    path = tmp_path / "hours.csv"
    path.write_text("date,hours\n2026-01-05,3\n2026-01-06,2\n")
    services.records.import_hours(services.records.preview_hours_csv(path))
    assert [e.hours for e in services.plan.snapshot().entries[:2]] == [3.0, 2.0]
    assert len(services.plan.snapshot().entries) == 4
    assert services.plan.cache.reads == 2


def test_lists_come_from_a_current_snapshot_and_match_storage(services: Any) -> None:
    services.education.add_license(License(LicenseType.RN, date(2020, 5, 1), state="TX"))
    services.goals.add(Goal("CCM"))
    assert services.plan.cache.part("licenses") is None  # nothing read yet: no full read
    plan = services.plan.snapshot()
    assert services.education.licenses() is plan.licenses
    assert services.goals.list() is plan.goals
    added = services.ce.add(CeActivity(date(2026, 10, 1), 3.0, CeTopic.ETHICS))
    assert services.ce.list() == (added,) and services.plan.cache.reads == 1
    with services.db.session() as session:
        from careerplanner.storage import repositories as repo

        assert repo.list_all(session, repo.CE) == services.ce.list()
