"""The start-up prompt to log last week's scheduled hours.

"Log last week's scheduled hours? 4 days, 32 h" with Review (a checkbox per day: untick a
day not worked, sick or a holiday), Log (fill, the unticked days skipped) and Skip (every
day marked skipped, never asked again). Closing the prompt asks again next time. The days
come from `schedules.fill(..., dry_run=True)`, so the prompt and the fill agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.ui.common.widgets import FieldError, format_hours, heading, muted

if TYPE_CHECKING:
    from careerplanner.services import Services


def last_sunday(today: date) -> date:
    """The Sunday that ended last week (today itself when today is a Sunday's next Monday)."""
    return today - timedelta(days=today.weekday() + 1)


def summary(entries: tuple[WorkEntry, ...]) -> str:
    days = len({e.start for e in entries})
    return f"{days} day{'' if days == 1 else 's'}, {format_hours(sum(e.hours for e in entries))} h"


class FillPrompt(QDialog):
    def __init__(self, services: Services, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.through = last_sunday(today)
        self.pending = services.schedules.fill(self.through, dry_run=True).entries
        self.result_text = ""
        self.setWindowTitle("Scheduled hours")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Log last week's scheduled hours?", level=2))
        self.count = muted(summary(self.pending))
        layout.addWidget(self.count)
        self.days = QWidget()
        column = QVBoxLayout(self.days)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[date, QCheckBox] = {}
        for entry in self.pending:
            box = self.boxes.get(entry.start) or QCheckBox()
            self.boxes[entry.start] = box
            box.setChecked(True)
            box.setText(_describe(entry))
            box.toggled.connect(self._update)
            column.addWidget(box)
        column.addWidget(muted("Untick a day you did not work (sick, a holiday): it is skipped."))
        self.days.setVisible(False)
        layout.addWidget(self.days)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.review = QPushButton("Review")
        self.review.setCheckable(True)
        self.review.toggled.connect(self.days.setVisible)
        self.log = QPushButton("Log")
        self.log.setDefault(True)
        self.skip = QPushButton("Skip")
        self.skip.setToolTip("Mark these days as not worked; you will not be asked again")
        row.addWidget(self.review)
        row.addStretch(1)
        row.addWidget(self.skip)
        row.addWidget(self.log)
        layout.addLayout(row)
        self.log.clicked.connect(self.log_days)
        self.skip.clicked.connect(self.skip_days)

    def skipped(self) -> list[date]:
        return [day for day, box in self.boxes.items() if not box.isChecked()]

    def _update(self) -> None:
        kept = tuple(e for e in self.pending if self.boxes[e.start].isChecked())
        self.count.setText(summary(kept))

    def log_days(self) -> None:
        self._fill(self.skipped())

    def skip_days(self) -> None:
        self._fill(list(self.boxes))

    def _fill(self, skip: list[date]) -> None:
        try:
            result = self.services.schedules.fill(self.through, skip)
        except ValidationError as error:
            self.error.show_error(error.message)
            return
        self.result_text = f"Logged {summary(result.entries)} from your schedule"
        if result.skipped:
            self.result_text += f"; {len(result.skipped)} skipped"
        self.accept()


def _describe(entry: WorkEntry) -> str:
    assert entry.start_time is not None and entry.end_time is not None
    times = f"{entry.start_time:%H:%M}–{entry.end_time:%H:%M}"
    where = f" · {entry.employer}" if entry.employer else ""
    return f"{entry.start:%a %b} {entry.start.day}: {times}, {format_hours(entry.hours)} h{where}"


def offer_fill(window: Any, services: Services, today: date) -> FillPrompt | None:
    """Open the prompt when scheduled days up to last Sunday wait to be logged."""
    prompt = FillPrompt(services, today, window)
    if not prompt.pending:
        prompt.deleteLater()
        return None
    prompt.accepted.connect(lambda: window.show_status(prompt.result_text))
    prompt.open()
    return prompt
