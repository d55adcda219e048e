"""A start-up from the stored entry columns builds no entry record: the Overview, the
start-up chores (backup, reminders, the schedule fill prompt) and the Timeline use the columns
only, and the records are read ahead once idle (for the Hours page), or when the page opens
first. A start that had to read the rows stores the columns once idle, and a close after a
change does too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from entry_copy import stored_copies
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from careerplanner.app import Running, _loaded, launch
from careerplanner.domain.catalog import Catalog
from careerplanner.domain.lazy_entries import LazyEntries
from careerplanner.domain.model import WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database, reader

TODAY = date(2026, 11, 26)


def _in_total(running: Running) -> str:
    from careerplanner.ui.overview.overview_cards import StatTile

    for tile in running.window.pages["overview"].findChildren(StatTile):
        labels = tile.findChildren(QLabel)
        if labels and labels[0].text() == "In total":
            return labels[1].text()
    raise AssertionError("the Overview shows no 'In total' tile")


def _start(qtbot: Any, folder: Path) -> Running:
    """Launch as the app does, and return once the start-up chores queued have all run."""
    running = launch(folder, today=lambda: TODAY)
    assert running is not None
    qtbot.addWidget(running.window)
    running.window.show()
    _loaded(running, "overview")
    done: list[bool] = []
    QTimer.singleShot(0, lambda: done.append(True))  # after the chores queued before it
    qtbot.waitUntil(lambda: bool(done))
    return running


@pytest.fixture
def sample(demo_dir: Path, catalog: Catalog) -> Path:
    """The sample plan with 30 more entries, not yet started (no stored columns)."""
    with Database.open(demo_dir) as database:
        services = Services(database, catalog, today=lambda: TODAY)
        services.hours.add_many(
            [WorkEntry(start=TODAY - timedelta(days=2 * d + 1), hours=2.5) for d in range(30)]
        )
    assert stored_copies(demo_dir) == 0
    return demo_dir


@pytest.fixture
def started_before(qtbot: Any, sample: Path) -> Iterator[Path]:
    """The folder after one earlier run of the app, which stored the columns once idle."""
    first = _start(qtbot, sample)
    assert first.services.plan.cache.reads == 1
    first.close()
    assert stored_copies(sample) == 1
    yield sample


def test_the_usual_start_builds_no_entry_record(qtbot: Any, started_before: Path) -> None:
    running = _start(qtbot, started_before)
    cache = running.services.plan.cache
    assert cache.reads == 1 and cache.entry_reads == 0
    total = _in_total(running)
    assert total.replace(",", "").replace(" h", "").replace(".", "").isdigit(), total
    running.window.show_page("timeline")  # projections and salary: the columns too
    assert cache.entry_reads == 0
    running.window.show_page("hours")  # the hours table needs the records: read them once
    qtbot.waitUntil(lambda: running.window.pages["hours"].model.rowCount() > 30)
    assert cache.entry_reads + cache.prefetch.handed == 1 and cache.reads == 1  # now or ahead
    running.close()


def _fresh(running: Running) -> tuple[WorkEntry, ...]:
    with running.services.db.snapshot_connection() as connection:
        return reader.read_entries(connection)


def test_once_idle_the_records_are_read_ahead_for_the_hours_page(
    qtbot: Any, started_before: Path
) -> None:
    running = _start(qtbot, started_before)
    cache = running.services.plan.cache
    entries = running.services.hours.list()
    assert isinstance(entries, LazyEntries)
    qtbot.waitUntil(lambda: entries.loaded)
    assert cache.prefetch.handed == 1 and cache.entry_reads == 0
    running.window.show_page("hours")
    model = running.window.pages["hours"].model
    qtbot.waitUntil(lambda: model.rowCount() == len(entries))
    assert tuple(model.entries()) == _fresh(running) and cache.entry_reads == 0
    running.close()


def test_the_hours_page_opened_mid_prefetch_shows_exactly_the_rows(
    qtbot: Any, started_before: Path
) -> None:
    running = launch(started_before, today=lambda: TODAY)
    assert running is not None
    qtbot.addWidget(running.window)
    running.window.show()
    plan, cache = running.services.plan, running.services.plan.cache
    cache.prefetch.rows = 7
    assert plan.prefetch_entries() and plan.prefetch_entries()  # 14 rows read ahead
    fresh = _fresh(running)
    assert len(fresh) > 14
    running.window.show_page("hours")  # the other rows are read now
    model = running.window.pages["hours"].model
    qtbot.waitUntil(lambda: model.rowCount() == len(fresh))
    assert tuple(model.entries()) == fresh  # the same rows, in the same order
    assert cache.entry_reads == 1 and cache.prefetch.slices == 2 and cache.prefetch.handed == 0
    assert not plan.prefetch_entries()
    running.close()


def test_a_close_after_a_change_stores_the_columns(qtbot: Any, started_before: Path) -> None:
    running = _start(qtbot, started_before)
    running.services.hours.add(WorkEntry(start=TODAY, hours=1.0))
    assert stored_copies(started_before) == 0  # the write's trigger dropped the copy
    count = len(running.services.hours.list())
    running.close()
    assert stored_copies(started_before) == 1
    with Database.open(started_before) as database:
        services = Services(database, running.services.catalog, today=lambda: TODAY)
        entries = services.plan.snapshot().entries
        assert len(entries) == count
        assert services.plan.cache.entry_reads == 0
