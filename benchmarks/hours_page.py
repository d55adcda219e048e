"""Hours page with 100,000 entries: time to show it, and time to apply a text filter.

Also its first show after the usual start, which read the entries' number columns from their
stored copy: without reading ahead that show reads the entries' records (`Plan.entries` is read
on first use); the app reads them ahead in slices once idle (services/entry_prefetch.py), so
the page opened a moment later finds them in memory. Printed too: the page opened before or
halfway through the read ahead, and the longest slice (what the window waits at most).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNT = 100_000
RUNS = 5


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from benchmarks.fixtures import large_entries
    from careerplanner.catalog import load_catalog
    from careerplanner.services import Services
    from careerplanner.storage import Database
    from careerplanner.ui.hours import HoursPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder) / "data") as db:
        services = Services(db, load_catalog())
        started = time.perf_counter()
        services.hours.add_many(large_entries(COUNT, 40, date.today()))
        print(f"insert {COUNT:,} entries through services: {_ms(time.perf_counter() - started)}")
        started = time.perf_counter()
        entries = services.hours.list()
        loaded = time.perf_counter() - started
        print(f"load {len(entries):,} entries through services: {_ms(loaded)}")
        services.hours.list = lambda: entries  # type: ignore[method-assign]
        shows, filters, builds = [], [], []
        for _ in range(RUNS):
            built = time.perf_counter()
            page = HoursPage(services)
            page.resize(1280, 800)
            started = time.perf_counter()
            builds.append(started - built)
            page.refresh()
            page.show()
            page.table.viewport().repaint()
            app.processEvents()
            shows.append(time.perf_counter() - started)
            builds[-1] += shows[-1]
            started = time.perf_counter()
            page.filter_bar.text.setText("clinic")
            page.table.viewport().repaint()
            app.processEvents()
            filters.append(time.perf_counter() - started)
            shown = page.proxy.rowCount()
            page.close()
            page.deleteLater()
            app.processEvents()
        show = statistics.median(shows)
        print(f"show the Hours page (data loaded), median of {RUNS}: {_ms(show)}")
        print(
            f"build and show the Hours page (data loaded; as a first show is timed below), "
            f"median of {RUNS}: {_ms(statistics.median(builds))}"
        )
        print(
            f"apply the text filter 'clinic' ({shown:,} rows match), median of {RUNS}: "
            f"{_ms(statistics.median(filters))}"
        )
        services.plan.snapshot()
        assert services.plan.store_entry_columns()
        _first_show(app, Path(folder) / "data")


def _first_show(app: Any, folder: Path) -> None:
    """The first show (the page built, then shown) in a fresh start from the stored columns:
    opened at once (the page reads
    the records), halfway through the read ahead (the page reads the rest), and after it (the
    records in memory); and the read ahead's slices, on the GUI thread."""
    from careerplanner.services.entry_prefetch import SLICE_ROWS

    halves = {"at once": 0, "halfway": COUNT // SLICE_ROWS // 2, "after": COUNT}
    shows: dict[str, list[float]] = {when: [] for when in halves}
    slices: list[float] = []
    spans: list[float] = []
    for _ in range(RUNS):
        for when, stop in halves.items():
            shows[when].append(_show_after_start(app, folder, stop, slices, spans))
    for when, label in (
        ("at once", "opened at once (reads the records)"),
        ("halfway", "opened halfway through the read ahead (reads the rest)"),
        ("after", "opened once the read ahead is done (the records in memory)"),
    ):
        print(
            f"first show of the Hours page after a start from the stored columns, {label}, "
            f"median of {RUNS}: {_ms(statistics.median(shows[when]))}"
        )
    print(
        f"read ahead of the {COUNT:,} records once idle: {len(slices) // RUNS} steps on the "
        f"GUI thread (slices of {SLICE_ROWS:,} rows, then the hand-over), the longest "
        f"{_ms(max(slices))}, median "
        f"{_ms(statistics.median(slices))}; done {_ms(statistics.median(spans))} after it "
        f"began (median of {RUNS})"
    )


def _show_after_start(
    app: Any, folder: Path, stop: int, slices: list[float], spans: list[float]
) -> float:
    """One fresh start, the read ahead run from the event loop until `stop` slices are read
    (or it is done), then the time to show the Hours page. A read ahead that got done adds its
    slices' times to `slices` and its time from first to last to `spans`."""
    from PySide6.QtCore import QObject

    from careerplanner.catalog import load_catalog
    from careerplanner.services import Services
    from careerplanner.storage import Database
    from careerplanner.ui.common.idle import run_when_idle
    from careerplanner.ui.hours import HoursPage

    with Database.open(folder) as db:
        services = Services(db, load_catalog())
        services.plan.eligibility()  # the start-up: the Overview's figures
        cache = services.plan.cache
        assert cache.entry_reads == 0
        timed: list[float] = []
        going = [stop > 0]

        def step() -> bool:
            started = time.perf_counter()
            going[0] = cache.prefetch.slices < stop and services.plan.prefetch_entries()
            timed.append(time.perf_counter() - started)
            return going[0]

        owner = QObject()
        began = time.perf_counter()
        if stop:
            run_when_idle(owner, step)
        while going[0]:
            app.processEvents()
        if cache.prefetch.handed:
            slices.extend(timed)
            spans.append(time.perf_counter() - began)
        started = time.perf_counter()
        page = HoursPage(services)
        page.resize(1280, 800)
        page.refresh()
        page.show()
        page.table.viewport().repaint()
        app.processEvents()
        shown = time.perf_counter() - started
        assert cache.entry_reads + cache.prefetch.handed == 1
        assert page.model.rowCount() == COUNT
        page.close()
        page.deleteLater()
        app.processEvents()
        return shown


if __name__ == "__main__":
    main()
