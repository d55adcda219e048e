"""The scripts the GUI benchmarks run in fresh processes, and how their figures are read.

A child prints "name value" lines: `paint` and `ready` as epoch seconds (turned into ms since
launch here), the rest as they are. `ready` is when the Overview has painted its numbers.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

# On the first paint of a main window, run `on_paint(window)`.
_PAINT_HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

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

def peak_rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

def in_total(window):
    from careerplanner.ui.overview.overview_cards import StatTile
    for tile in window.pages["overview"].findChildren(StatTile):
        labels = tile.findChildren(QLabel)
        if labels and labels[0].text() == "In total":
            return labels[1].text()
    raise RuntimeError("the Overview shows no 'In total' tile")

def quick_add(window):
    from PySide6.QtTest import QTest
    hours = window.show_page("hours")
    app.processEvents()
    before = in_total(window)
    hours.quick_add.hours.setText("1.5")
    began = time.perf_counter()
    QTest.keyClick(hours.quick_add.hours, Qt.Key.Key_Return)
    window.show_page("overview")
    window.repaint()
    app.processEvents()
    elapsed = (time.perf_counter() - began) * 1000
    after = in_total(window)
    assert after != before, f"the Overview still shows {before}"
    return elapsed

def on_paint(window):
    if "overview" not in window.pages:  # painted before the data was loaded: wait for it
        QTimer.singleShot(1, lambda: on_paint(window))
        return
    window.repaint()
    print(f"ready {time.time():.6f}", flush=True)
    for _ in range(3):  # let the start-up chores (check, backup, reminders) run before measuring
        app.processEvents()
        QThreadPool.globalInstance().waitForDone()  # the file's check and the backup run there
    if MODE == "timeline":
        import pyqtgraph  # the import is measured by the bare window; this is the page
        began = time.perf_counter()
        window.show_page("timeline")
        window.repaint()
        app.processEvents()
        print(f"timeline {(time.perf_counter() - began) * 1000:.1f}", flush=True)
        print(f"rss {peak_rss_mb():.1f}", flush=True)
    elif MODE == "quick-add":
        for run in range(5):
            print(f"quick-add{run} {quick_add(window):.1f}", flush=True)
    os._exit(0)

from careerplanner.__main__ import main
main(["--data-dir", sys.argv[1], "--size", "1280x800"])
"""
)


def child(script: str, *args: str) -> dict[str, float]:
    """Run a child script; its printed figures, with paint and ready as ms since launch."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=300
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        figures[name] = float(value)
    if "paint" not in figures or done.returncode:
        raise RuntimeError(f"the child failed: {done.stderr[-2000:]}")
    for name in ("paint", "ready"):
        if name in figures:
            figures[name] = (figures[name] - began) * 1000
    return figures


def median_of(runs: list[dict[str, float]], name: str) -> float:
    return statistics.median(r[name] for r in runs)


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER GOAL"
