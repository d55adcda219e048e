"""The start-up every user takes (no --screenshot): paint first, then open the data.

It runs in its own process, as `careerplanner` does, and reads the Overview once it is filled.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

CODE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget
from careerplanner.app import application, main_gui

app = application()
seen = []

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            window = obj.window()
            if isinstance(window, QMainWindow) and not seen:
                seen.append(window)
                overview = getattr(window, "pages", {}).get("overview")
                print("painted, overview built:", overview is not None, flush=True)
        return False

def in_total(window):
    from careerplanner.ui.overview.overview_cards import StatTile
    page = getattr(window, "pages", {}).get("overview")
    for tile in page.findChildren(StatTile) if page is not None else ():
        labels = tile.findChildren(QLabel)
        if labels and labels[0].text() == "In total":
            return labels[1].text()
    return None

began = time.monotonic()

def poll():
    total = in_total(seen[0]) if seen else None
    if total:
        print("in total:", total, flush=True)
        app.exit(0)
    elif time.monotonic() - began > 120:  # a guard, not a wait: fail rather than hang
        print("the Overview never showed its numbers", flush=True)
        app.exit(3)

hook = FirstPaint()
app.installEventFilter(hook)
timer = QTimer()
timer.timeout.connect(poll)
timer.start(10)
code = main_gui(["--data-dir", sys.argv[1]])
print("exit", code, flush=True)
"""


def test_the_window_paints_first_then_the_overview_shows_the_plan(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    demo = [sys.executable, "-m", "careerplanner", "--data-dir", str(data), "demo"]
    assert subprocess.run(demo, env=env, capture_output=True, timeout=120).returncode == 0
    done = subprocess.run(
        [sys.executable, "-c", CODE, str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "painted, overview built: False", done.stdout + done.stderr[-2000:]
    total = re.fullmatch(r"in total: ([\d,]+)", lines[1])
    assert total is not None and int(total[1].replace(",", "")) > 0, done.stdout
    assert lines[2] == "exit 0"
    assert not (data / ".careerplanner.lock").exists()  # the lock is given back on exit
