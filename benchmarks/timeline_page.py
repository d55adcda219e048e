"""Timeline page: first show including the lazy import of pyqtgraph, and refresh after one entry.

Run in a fresh process (`python -m benchmarks timeline_page`) so the first-show figure
includes importing pyqtgraph.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from careerplanner.catalog import load_catalog
    from careerplanner.domain.model import Setting, Supervision, WorkEntry
    from careerplanner.services import Services
    from careerplanner.storage import Database

    app = QApplication.instance() or QApplication([])
    cold = "pyqtgraph" not in sys.modules
    with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder) / "data") as db:
        services = Services(db, load_catalog())
        services.plan.load_demo()
        started = time.perf_counter()
        from careerplanner.ui.timeline import TimelinePage

        page = TimelinePage(services)
        page.resize(1280, 800)
        page.show()
        page.repaint()
        app.processEvents()
        first = time.perf_counter() - started
        note = "including the import of pyqtgraph" if cold else "pyqtgraph already imported"
        print(f"first show of the Timeline page ({note}): {_ms(first)}")
        refreshes = []
        for run in range(RUNS):
            day = services.today() - timedelta(days=run + 1)
            entry = WorkEntry(
                start=day, hours=1, setting=Setting.HOSPITAL, supervision=Supervision.CCM
            )
            services.hours.add(entry)
            started = time.perf_counter()
            page.refresh()
            page.repaint()
            app.processEvents()
            refreshes.append(time.perf_counter() - started)
        print(
            f"refresh of the Timeline page after one new entry (sample plan), median of {RUNS}: "
            f"{_ms(statistics.median(refreshes))}"
        )
        page.close()


if __name__ == "__main__":
    main()
