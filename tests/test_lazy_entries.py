"""`LazyEntries` behaves like the tuple of its records, read once and only when first needed;
through any sequence of writes a snapshot started from the stored columns equals a full
reload, and rows changed by another process before the records were read are the ones kept."""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from contextlib import suppress
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.encoding import encode_entries
from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.lazy_entries import LazyEntries
from careerplanner.domain.model import Plan, Profile, Setting, WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database, reader

TODAY = date(2026, 11, 26)
ARRAYS = ("start", "end", "hours", "activity", "setting", "supervision", "paid", "ids")


def _entry(day: int, hours: float, entry_id: int = 0) -> WorkEntry:
    return WorkEntry(start=TODAY - timedelta(days=day), hours=hours, id=entry_id)


class Reads:
    """A loader that counts its calls and returns `records`."""

    def __init__(self, records: tuple[WorkEntry, ...]) -> None:
        self.records = records
        self.calls = 0
        self.stale: list[LazyEntries] = []

    def __call__(self) -> tuple[WorkEntry, ...]:
        self.calls += 1
        return self.records

    def lazy(self, ids: list[int] | None = None) -> LazyEntries:
        ids = [e.id for e in self.records] if ids is None else ids
        return LazyEntries(np.array(ids, np.int64), self, self.stale.append)


records_lists = st.lists(
    st.tuples(st.integers(1, 400), st.sampled_from([0.5, 1.0, 7.5])), max_size=12
).map(lambda rows: tuple(_entry(d, h, i + 1) for i, (d, h) in enumerate(rows)))


@settings(derandomize=True, max_examples=60)
@given(records=records_lists, other=records_lists)
def test_it_behaves_like_the_tuple_of_its_records(
    records: tuple[WorkEntry, ...], other: tuple[WorkEntry, ...]
) -> None:
    reads = Reads(records)
    lazy = reads.lazy()
    assert len(lazy) == len(records) and bool(lazy) == bool(records) and reads.calls == 0
    assert lazy == records and records == lazy and hash(lazy) == hash(records)
    assert (lazy == other) == (records == other) and (lazy != other) == (records != other)
    assert lazy + other == records + other and other + lazy == other + records
    assert lazy + Reads(other).lazy() == records + other
    assert lazy[1:3] == records[1:3] and isinstance(lazy[1:3], tuple)
    assert list(lazy) == list(records) and list(reversed(lazy)) == list(reversed(records))
    assert repr(lazy) == repr(records) and pickle.loads(pickle.dumps(lazy)) == records
    for entry in other:
        assert (entry in lazy) == (entry in records)
        assert lazy.count(entry) == records.count(entry)
    if records:
        assert lazy[-1] is records[-1] and lazy.index(records[-1]) == records.index(records[-1])
    assert lazy != list(records)  # like a tuple: never equal to a list
    assert Plan(entries=lazy) == Plan(entries=records)
    assert hash(Plan(entries=lazy)) == hash(Plan(entries=records))
    assert reads.calls == 1 and reads.stale == []  # read once, and it was current


def test_rows_that_changed_meanwhile_are_the_records_and_the_holder_hears() -> None:
    reads = Reads((_entry(3, 1.0, 1), _entry(2, 1.0, 2), _entry(1, 2.0, 9)))
    lazy = reads.lazy([1, 2])
    assert len(lazy) == 2
    assert tuple(lazy) == reads.records and len(lazy) == 3
    assert reads.stale == [lazy]


def test_records_read_ahead_are_taken_only_with_the_expected_ids_and_only_once() -> None:
    reads = Reads((_entry(3, 1.0, 1), _entry(2, 1.0, 2)))
    lazy = reads.lazy()
    assert not lazy.offer(reads.records[:1]) and not lazy.offer(reads.records[::-1])
    assert not lazy.loaded
    ahead = [_entry(3, 1.0, 1), _entry(2, 1.0, 2)]
    assert lazy.offer(ahead) and lazy.loaded and lazy[0] is ahead[0]
    assert not lazy.offer(reads.records) and lazy[0] is ahead[0] and reads.calls == 0
    assert reads.stale == []


def test_an_index_out_of_range_raises_as_a_tuple_does() -> None:
    lazy = Reads((_entry(3, 1.0, 1),)).lazy()
    with pytest.raises(IndexError):
        lazy[1]
    assert lazy.__add__(1) is NotImplemented and lazy.__radd__([1]) is NotImplemented
    with pytest.raises(TypeError):
        lazy + [1]  # type: ignore[operator]  # noqa: RUF005 - a tuple refuses a list too


def _fresh(services: Services) -> Plan:
    with services.db.snapshot_connection() as connection:
        return reader.read_plan(connection)


def _same_columns(plan: Plan, fresh: Plan) -> None:
    """The plan's columns are the file's, and reading them did not need its records."""
    assert plan.encoded is not None and len(plan.entries) == len(fresh.entries)
    expected = encode_entries(fresh.entries)
    for name in ARRAYS:
        assert np.array_equal(getattr(plan.encoded, name), getattr(expected, name)), name
    assert plan.encoded.source is plan.entries


def _outside(folder: Path, day: int) -> None:
    """Another process adds an entry."""
    connection = sqlite3.connect(folder / "careerplanner.sqlite3")
    with connection:
        connection.execute(
            "INSERT INTO work_entry (start, hours, activity, setting, supervision, paid, "
            "employer, notes, verified_by, verified_credential) VALUES (?, 1.5, "
            "'case-management', 'clinic', 'rn', 1, '', '', '', '')",
            ((TODAY - timedelta(days=day)).isoformat(),),
        )
    connection.close()


class Run:
    """One sequence of writes on a data folder whose entry columns are stored."""

    def __init__(self, folder: Path, catalog: Catalog) -> None:
        self.folder, self.catalog = folder, catalog
        self.services = self._open()

    def _open(self) -> Services:
        return Services(Database.open(self.folder), self.catalog, today=lambda: TODAY)

    def do(self, name: str, a: int, b: float) -> None:
        hours, plan = self.services.hours, self.services.plan
        entries = hours.list()  # unread until something looks at a record
        if name == "add-last":
            hours.add(_entry(0, b))
        elif name == "add-earlier":
            hours.add_many([_entry(a + 1, b), _entry(a + 2, b)])
        elif name == "look" and entries:
            assert entries[a % len(entries)].hours > 0
        elif name == "update" and entries:
            hours.update(replace(entries[a % len(entries)], hours=b))
        elif name == "remove" and entries:
            hours.remove(entries[a % len(entries)].id)
        elif name == "outside-then-look":
            unread = isinstance(entries, LazyEntries) and not entries.loaded
            _outside(self.folder, a)
            if unread:  # its records are the rows as they are now, one more than its columns
                assert tuple(entries) == _fresh(self.services).entries
        elif name == "profile":
            self.services.profile.update(Profile(name="Maya", weekly_hours=b * 10))
        elif name == "store":
            plan.store_entry_columns()
        elif name == "reopen":
            plan.store_entry_columns()
            self.services.close()
            self.services = self._open()


OPS = ["add-last", "add-earlier", "look", "update", "remove", "outside-then-look"]
OPS += ["profile", "store", "reopen"]
ops = st.tuples(st.sampled_from(OPS), st.integers(0, 30), st.sampled_from([0.5, 2.0, 6.0]))


@settings(
    max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(writes=st.lists(ops, min_size=1, max_size=10))
def test_a_snapshot_from_the_stored_columns_equals_a_full_reload(
    catalog: Catalog, writes: list[Any]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = Run(Path(folder), catalog)
        first.services.hours.add_many([_entry(d, 2.0) for d in range(3, 40, 3)])
        first.services.plan.snapshot()
        assert first.services.plan.store_entry_columns()
        first.services.close()
        run = Run(Path(folder), catalog)
        assert isinstance(run.services.plan.snapshot().entries, LazyEntries)
        for name, a, b in writes:
            with suppress(ValidationError, NotFoundError):  # refused: must still match
                run.do(name, a, b)
            _same_columns(run.services.plan.snapshot(), _fresh(run.services))
        assert run.services.plan.snapshot() == _fresh(run.services)  # the records too
        run.services.close()


def test_a_quick_add_keeps_the_records_unread(services: Services) -> None:
    services.hours.add_many([_entry(d, 2.0) for d in (9, 5, 7)])
    services.plan.snapshot()
    assert services.plan.store_entry_columns()
    services.close()
    again = Services(Database.open(services.db.data_dir), services.catalog, lambda: TODAY)
    first = again.plan.snapshot()
    added = again.hours.add(_entry(1, 1.0))
    edited = again.hours.update(replace(added, hours=3.0, start=TODAY - timedelta(days=20)))
    plan = again.plan.snapshot()
    assert isinstance(plan.entries, LazyEntries) and not plan.entries.loaded
    assert plan is not first and again.plan.cache.entry_reads == 0
    assert [e.start for e in plan.entries] == sorted(e.start for e in _fresh(again).entries)
    assert edited in plan.entries and again.plan.cache.entry_reads == 1
    assert plan.entries[-1].setting is Setting.OTHER
    again.close()
