"""Work in short steps on the GUI thread while the event loop is idle.

`run_when_idle(parent, step, delay_ms)` calls `step()` from a zero-interval timer, once per
pass of the event loop, for as long as it returns True: input and paint events are handled
between two steps, so each step's own length bounds how long the window waits. The first step
comes `delay_ms` after the call. The timer belongs to `parent` and ends with it, or once
`parent` (a widget) is closed; a step that raises ends it too (the error goes on to the
application's handler).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

# After start-up: the entries' records are read ahead once the Overview has painted.
PREFETCH_DELAY_MS = 100


def run_when_idle(parent: QObject, step: Callable[[], bool], delay_ms: int = 0) -> QTimer:
    """Call `step` in idle moments until it returns False; the timer doing it is returned."""
    timer = QTimer(parent)
    timer.setInterval(0)

    def tick() -> None:
        owner = timer.parent()
        going = False
        try:
            going = not (isinstance(owner, QWidget) and not owner.isVisible()) and step()
        finally:
            if not going:
                timer.stop()
                timer.deleteLater()

    timer.timeout.connect(tick)
    QTimer.singleShot(delay_ms, timer, timer.start)
    return timer
