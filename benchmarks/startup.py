"""Start-up of the window: time to first paint, memory with 100,000 entries, quick-add latency.

Each figure comes from a fresh process. The time to first paint is compared with a bare
PySide6 window holding one pyqtgraph plot, measured in the same run on the same machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

RUNS = 5
RATIO_GOAL = 1.0
RSS_GOAL_MB = 250.0
QUICK_ADD_GOAL_MS = 50.0

# Shared by the child scripts: on the first paint of a main window, run `on_paint(window)`.
_PAINT_HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            window = obj.window()
            if isinstance(window, QMainWindow) and window.isVisible():
                QApplication.instance().removeEventFilter(self)
                print(f"paint {time.time():.6f}", flush=True)
                QTimer.singleShot(0, lambda: on_paint(window))
        return False

app = QApplication(sys.argv[:1])
hook = FirstPaint()
app.installEventFilter(hook)
"""

BASELINE = (
    _PAINT_HOOK
    + """
import pyqtgraph as pg
def on_paint(window):
    os._exit(0)
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([0, 1, 2, 3], [1, 3, 2, 4])
window.setCentralWidget(plot)
window.resize(1280, 800)
window.show()
app.exec()
"""
)

APP = (
    _PAINT_HOOK
    + """
MODE = sys.argv[2]
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
def on_paint(window):
    if "overview" not in window.pages:  # painted before the data was loaded: wait for it
        QTimer.singleShot(1, lambda: on_paint(window))
        return
    print(f"ready {time.time():.6f}", flush=True)
    if MODE == "memory":
        window.show_page("hours")
        app.processEvents()
        print(f"rss {rss_mb():.1f}", flush=True)
    elif MODE == "quick-add":
        from careerplanner.domain.model import WorkEntry
        hours = window.show_page("hours")
        overview = window.pages["overview"]
        before = overview.refresh_count if hasattr(overview, "refresh_count") else None
        hours.quick_add.hours.setText("1.5")
        began = time.perf_counter()
        hours.quick_add.submit()
        window.show_page("overview")
        app.processEvents()
        elapsed = (time.perf_counter() - began) * 1000
        assert not window.stale, "the overview did not refresh"
        print(f"quick-add {elapsed:.1f}", flush=True)
    os._exit(0)
from careerplanner.__main__ import main
main(["--data-dir", sys.argv[1], "--size", "1280x800"])
"""
)


def _child(script: str, *args: str) -> dict[str, float]:
    """Run a child script; its printed "name value" lines, with paint as ms since launch."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=120
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        figures[name] = float(value)
    if "paint" not in figures:
        raise RuntimeError(f"the child did not paint: {done.stderr[-2000:]}")
    for name in ("paint", "ready"):
        if name in figures:
            figures[name] = (figures[name] - began) * 1000
    return figures


def _median_paint(script: str, *args: str) -> tuple[float, float]:
    """Medians of the first paint and of the Overview showing the data."""
    runs = [_child(script, *args) for _ in range(RUNS)]
    return (
        statistics.median(r["paint"] for r in runs),
        statistics.median(r.get("ready", r["paint"]) for r in runs),
    )


def _prepare(folder: Path, entries: int) -> Path:
    """A data folder with the sample plan, plus `entries` generated work entries."""
    from benchmarks.fixtures import large_entries
    from careerplanner.catalog import load_catalog
    from careerplanner.services import Services
    from careerplanner.storage import Database

    with Database.open(folder) as database:
        services = Services(database, load_catalog())
        services.plan.load_demo()
        if entries:
            services.hours.add_many(large_entries(entries, 10, date.today()))
    return folder


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        demo = _prepare(Path(temp) / "demo", 0)
        large = _prepare(Path(temp) / "large", 100_000)
        _child(BASELINE)  # warm the file cache
        _child(APP, str(demo), "paint")
        baseline = _median_paint(BASELINE)[0]
        print(f"bare PySide6 + pyqtgraph window, first paint: median {baseline:.0f} ms")
        for name, folder in (("demo data", demo), ("100,000 entries", large)):
            took, ready = _median_paint(APP, str(folder), "paint")
            ratio = took / baseline
            verdict = "ok" if ratio <= RATIO_GOAL else "OVER GOAL"
            print(
                f"CareerPlanner first paint, {name}: median {took:.0f} ms = {ratio:.2f}x "
                f"the bare window (goal <= {RATIO_GOAL:.1f}x) {verdict}; "
                f"Overview filled with the data at {ready:.0f} ms = {ready / baseline:.2f}x"
            )
        rss = _child(APP, str(large), "memory")["rss"]
        verdict = "ok" if rss < RSS_GOAL_MB else "OVER GOAL"
        print(
            f"resident memory, 100,000 entries, Hours page shown: {rss:.0f} MB "
            f"(goal < {RSS_GOAL_MB:.0f} MB) {verdict}"
        )
        quick = statistics.median(
            _child(APP, str(demo), "quick-add")["quick-add"] for _ in range(3)
        )
        verdict = "ok" if quick < QUICK_ADD_GOAL_MS else "OVER GOAL"
        print(
            f"quick-add one entry until the Overview shows it (demo data): median {quick:.1f} ms "
            f"(goal < {QUICK_ADD_GOAL_MS:.0f} ms) {verdict}"
        )


if __name__ == "__main__":
    main()
