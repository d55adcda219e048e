"""`run_when_idle` calls its step from the event loop until the step says it is done, or the
widget it belongs to is closed, or the step raises."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from careerplanner.ui.common.idle import run_when_idle


class Steps:
    """A step that asks for `wanted` calls in all, counting them."""

    def __init__(self, wanted: int) -> None:
        self.wanted, self.calls = wanted, 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls < self.wanted


def _shown(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_steps_run_until_the_last_says_it_is_done(qtbot: Any) -> None:
    widget, steps = _shown(qtbot), Steps(5)
    run_when_idle(widget, steps)
    assert steps.calls == 0  # from the event loop, not now
    qtbot.waitUntil(lambda: steps.calls == 5)
    after = Steps(3)
    run_when_idle(widget, after)  # more passes of the event loop: no sixth step
    qtbot.waitUntil(lambda: after.calls == 3)
    assert steps.calls == 5


def test_closing_the_widget_ends_the_steps(qtbot: Any) -> None:
    widget, steps = _shown(qtbot), Steps(10**9)
    run_when_idle(widget, steps)
    qtbot.waitUntil(lambda: steps.calls >= 3)
    widget.close()
    called = steps.calls
    after = Steps(1)
    other = _shown(qtbot)
    run_when_idle(other, after)
    qtbot.waitUntil(lambda: after.calls == 1)
    assert steps.calls == called  # the next tick saw the widget closed


def test_a_step_that_raises_ends_the_steps(qtbot: Any) -> None:
    widget, calls = _shown(qtbot), []

    def step() -> bool:
        calls.append(1)
        raise RuntimeError("the file went away")

    with qtbot.capture_exceptions() as raised:
        run_when_idle(widget, step)
        qtbot.waitUntil(lambda: bool(raised))
        after = Steps(3)
        run_when_idle(widget, after)
        qtbot.waitUntil(lambda: after.calls == 3)
    assert len(calls) == 1 and str(raised[0][1]) == "the file went away"
