"""Hours page with 100,000 entries: time to show it, and time to apply a text filter.

Also its first show after the usual start, which read the entries' number columns from their
stored copy: that show reads the entries' records (`Plan.entries` is read on first use).
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
        shows, filters = [], []
        for _ in range(RUNS):
            page = HoursPage(services)
            page.resize(1280, 800)
            started = time.perf_counter()
            page.refresh()
            page.show()
            page.table.viewport().repaint()
            app.processEvents()
            shows.append(time.perf_counter() - started)
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
            f"apply the text filter 'clinic' ({shown:,} rows match), median of {RUNS}: "
            f"{_ms(statistics.median(filters))}"
        )
        services.plan.snapshot()
        assert services.plan.store_entry_columns()
        _first_show(app, Path(folder) / "data")


def _first_show(app: Any, folder: Path) -> None:
    """The first show in a fresh start from the stored columns, the records read on the way."""
    from careerplanner.catalog import load_catalog
    from careerplanner.services import Services
    from careerplanner.storage import Database
    from careerplanner.ui.hours import HoursPage

    shows = []
    for _ in range(RUNS):
        with Database.open(folder) as db:
            services = Services(db, load_catalog())
            services.plan.eligibility()  # the start-up: the Overview's figures
            assert services.plan.cache.entry_reads == 0
            started = time.perf_counter()  # building the page reads the records
            page = HoursPage(services)
            page.resize(1280, 800)
            page.refresh()
            page.show()
            page.table.viewport().repaint()
            app.processEvents()
            shows.append(time.perf_counter() - started)
            assert services.plan.cache.entry_reads == 1
            page.close()
            page.deleteLater()
            app.processEvents()
    print(
        f"first show of the Hours page after a start from the stored columns (reads the "
        f"{COUNT:,} records), median of {RUNS}: {_ms(statistics.median(shows))}"
    )


if __name__ == "__main__":
    main()
