"""The CE & Renewals page: CE activities with certificates, renewal progress, and reminders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.model import CeActivity
from careerplanner.domain.renewals import (
    renewal_statuses,
    undated_credentials,
)
from careerplanner.services.bus import ChangeKind
from careerplanner.ui.ce.ce_dialog import CeDialog, new_activity
from careerplanner.ui.ce.ce_widgets import CeTableModel, RenewalCard
from careerplanner.ui.common import deleting
from careerplanner.ui.common.deleting import delete_key
from careerplanner.ui.common.widgets import (
    Card,
    format_date,
    heading,
    muted,
)
from careerplanner.ui.overview.reminders_card import RemindersCard, clear_layout
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services


class CePage(Page):
    """CE activities (entered once), renewal progress per held credential, and reminders."""

    kinds = frozenset(
        {
            ChangeKind.CE,
            ChangeKind.GOALS,
            ChangeKind.LICENSES,
            ChangeKind.ENTRIES,
            ChangeKind.PROFILE,
            ChangeKind.REMINDERS,
        }
    )
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = CeTableModel(self)
        self.reminders = RemindersCard(services)
        self.renewals = QVBoxLayout()
        self.renewal_cards: list[RenewalCard] = []
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(24, 20, 24, 20)
        column.addWidget(heading("CE & Renewals"))
        column.addWidget(
            muted(
                "Continuing education you have done, and where each credential you hold stands "
                "in its renewal cycle. Enter an activity once: it counts toward every credential."
            )
        )
        column.addWidget(self.reminders)
        column.addLayout(self.renewals)
        column.addWidget(self._activities_card(), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def _activities_card(self) -> Card:
        card = Card("CE activities")
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add activity…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Delete…")
        self.open_button = QPushButton("Open certificate")
        for button, slot in (
            (self.add_button, self.new_entry),
            (self.edit_button, self.edit_selected),
            (self.remove_button, self.remove_selected),
            (self.open_button, self.open_certificate),
        ):
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        card.body.addLayout(buttons)
        self.table = QTableView()
        self.table.setAccessibleName("CE activities")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(260)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (CeTableModel.TITLE, CeTableModel.PROVIDER):  # the free text shares
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        delete_key(self.table, self.remove_selected)
        card.body.addWidget(self.table)
        self.empty_hint = muted("No CE yet. Add each course or conference as you complete it.")
        card.body.addWidget(self.empty_hint)
        return card

    # --- refresh ----------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.services.today()
        plan = self.services.plan.snapshot()
        statuses = renewal_statuses(plan, self.services.catalog, today)
        self.model.set_data(plan.ce, statuses)
        self.empty_hint.setVisible(not plan.ce)
        self.reminders.refresh()
        clear_layout(self.renewals)
        self.renewal_cards = [RenewalCard(status, today) for status in statuses]
        for card in self.renewal_cards:
            self.renewals.addWidget(card)
        for cert_id in undated_credentials(plan):
            undated = Card(f"{cert_id} renewal")
            undated.body.addWidget(
                muted(
                    f"{cert_id} is marked earned without a date: add the date you earned it "
                    "(or its expiry date) on the Certifications page to see its cycle."
                )
            )
            self.renewals.addWidget(undated)
        if not statuses and not undated_credentials(plan):
            self.renewals.addWidget(
                muted("When you mark a certification goal as earned, its renewal cycle shows here.")
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self.selected()
        self.edit_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None)
        self.open_button.setEnabled(current is not None and bool(current.certificate))

    def selected(self) -> CeActivity | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.activity(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # --- actions ----------------------------------------------------------------------------
    def new_entry(self) -> CeDialog:
        dialog = CeDialog(new_activity(self.services.today()), self._add, self)
        dialog.open()
        return dialog

    def edit_selected(self) -> CeDialog | None:
        activity = self.selected()
        if activity is None:
            return None
        dialog = CeDialog(activity, self._update, self)
        dialog.open()
        return dialog

    def _add(self, activity: CeActivity, certificate: Path | None, _drop: bool) -> None:
        self.services.ce_files.add(activity, certificate)
        self.status_message.emit("CE activity added")

    def _update(self, activity: CeActivity, certificate: Path | None, drop: bool) -> None:
        self.services.ce_files.update(activity, certificate, drop=drop)
        self.status_message.emit("CE activity saved")

    def confirm_remove(self, activity: CeActivity) -> bool:
        """Ask before removing (tests replace this)."""
        extra = " and its certificate file" if activity.certificate else ""
        what = f"“{activity.title or 'this activity'}” ({format_date(activity.date)}){extra}"
        return deleting.ask(self, f"Delete {what}?", deleting.FINAL)

    def remove_selected(self) -> None:
        activity = self.selected()
        if activity is None or not self.confirm_remove(activity):
            return
        self.services.ce_files.remove(activity.id)
        self.status_message.emit("CE activity deleted")

    def open_certificate(self) -> None:
        activity = self.selected()
        path = None if activity is None else self.services.ce_files.path(activity)
        if path is None:
            self.status_message.emit("The certificate file is missing from your data folder")
            return
        self.open_path(path)

    def open_path(self, path: Path) -> None:
        """Open a file with the system's viewer (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
