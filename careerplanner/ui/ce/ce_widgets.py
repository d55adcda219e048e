"""The parts of the CE & Renewals page: the CE activities table and a held credential's
renewal card."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from careerplanner.domain.labels import capitalized, member_label
from careerplanner.domain.model import CeActivity
from careerplanner.domain.renewals import RenewalStatus, credentials_for, describe_needed
from careerplanner.ui.common.widgets import (
    Card,
    describe_distance,
    format_date,
    format_hours,
    muted,
    progress_bar,
)

Index = QModelIndex | QPersistentModelIndex


class CeTableModel(QAbstractTableModel):
    """CE activities, newest first, with the credentials each one counts toward."""

    COLUMNS = ("Date", "Hours", "Topic", "Title", "Provider", "Counts toward", "Certificate")
    DATE, HOURS, TOPIC, TITLE, PROVIDER, COUNTS, CERTIFICATE = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activities: list[CeActivity] = []
        self.counts: list[str] = []

    def set_data(self, activities: Sequence[CeActivity], statuses: Sequence[RenewalStatus]) -> None:
        self.beginResetModel()
        self.activities = sorted(activities, key=lambda a: (a.date, a.id), reverse=True)
        self.counts = [", ".join(credentials_for(a, statuses)) for a in self.activities]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.activities)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.activities[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            format_date(a.date),
            format_hours(a.hours),
            member_label(a.topic),
            a.title,
            a.provider,
            self.counts[index.row()],
            "Attached" if a.certificate else "",
        )
        return values[column]

    def activity(self, row: int) -> CeActivity:
        return self.activities[row]


class RenewalCard(Card):
    """One held credential: its cycle, due date and a completed / needed bar per CE bucket."""

    def __init__(self, status: RenewalStatus, today: Any, parent: QWidget | None = None) -> None:
        super().__init__(f"{status.cert_id} — {status.name}", parent)
        due = "overdue" if status.overdue(today) else describe_distance(today, status.due)
        self.summary = muted(
            f"Cycle {format_date(status.cycle_start)} to {format_date(status.cycle_end)}. "
            f"Renewal due by {format_date(status.due)} ({due}); the window opens "
            f"{format_date(status.window_opens)}. {capitalized(describe_needed(status))}."
        )
        self.body.addWidget(self.summary)
        for bucket in status.buckets:
            line = muted(
                f"{bucket.label}: {format_hours(bucket.completed)} of "
                f"{format_hours(bucket.required)} h done"
                + (f" — {format_hours(bucket.needed)} h needed" if not bucket.met else " ✔"),
                wrap=False,
            )
            self.body.addWidget(line)
            self.body.addWidget(progress_bar(bucket.completed, bucket.required))
        if status.assumption:
            self.body.addWidget(muted(status.assumption))
