"""The Timeline page: pick a goal, a scenario and one to compare with; the chart and its facts.

The chart module (and with it pyqtgraph) is imported when the page is first built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.services.bus import PLAN_INPUTS, ChangeKind
from careerplanner.ui.common.widgets import heading, muted
from careerplanner.ui.pages import Page
from careerplanner.ui.timeline.scenario_dialog import ScenarioDialog
from careerplanner.ui.timeline.side_panel import TimelineSidePanel

if TYPE_CHECKING:
    from careerplanner.services import Services
    from careerplanner.ui.timeline.chart import TimelineChart

PLAN_AS_IS = "Plan as is"
NO_COMPARISON = "Nothing"
NOTHING = 0  # the compare box's data for "no comparison"; scenarios are names, "" the plan
HINT = "Drag to pan · scroll to zoom · hover for details · click a legend entry to hide it"
EMPTY_TEXT = (
    "Your timeline appears once there is something to draw. Log some case-management hours, "
    "add a degree or license, or pick a certification goal, and this page will show your "
    "hours growing toward each requirement, the dates you become eligible, and your "
    "projected salary."
)


class TimelinePage(Page):
    kinds = PLAN_INPUTS | {ChangeKind.SCENARIOS}
    navigate_requested = Signal(str)
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from careerplanner.ui.timeline.chart import PRESETS, TimelineChart

        self.services = services
        self.chart: TimelineChart = TimelineChart()
        self.chart.milestone_clicked.connect(self.select_goal)
        self.side = TimelineSidePanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_state())
        self.stack.addWidget(self._content(PRESETS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(heading("Timeline"))
        layout.addWidget(self.stack, 1)
        self.refresh()

    # --- layout --------------------------------------------------------------------------
    def _empty_state(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        text = QLabel(EMPTY_TEXT)
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        for label, page in (("Log hours", "hours"), ("Pick a goal", "certifications")):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, p=page: self.navigate_requested.emit(p))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    def _content(self, presets: tuple[str, ...]) -> QWidget:
        """Two toolbar rows (what to draw; scenario actions and the range), then the chart."""
        self.goal = QComboBox()
        self.scenario = QComboBox()
        self.compare_with = QComboBox()
        for combo in (self.goal, self.scenario, self.compare_with):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.goal.currentIndexChanged.connect(lambda _i: self.redraw())
        self.scenario.currentIndexChanged.connect(lambda _i: self._scenario_changed())
        self.compare_with.currentIndexChanged.connect(lambda _i: self.redraw())
        top = QHBoxLayout()
        for label, widget in (
            ("Goal", self.goal),
            ("Scenario", self.scenario),
            ("Compare with", self.compare_with),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(widget, 1)
            top.addSpacing(8)
        second = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (
            ("New…", self.new_scenario),
            ("Edit…", self.edit_scenario),
            ("Copy…", self.copy_scenario),
            ("Rename…", self.rename_scenario),
            ("Delete", self.delete_scenario),
        ):
            button = QPushButton(name)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[name.rstrip("…")] = button
            second.addWidget(button)
        second.addStretch(1)
        second.addWidget(QLabel("Show"))
        self.presets = QButtonGroup(self)
        for preset in presets:
            preset_button = QToolButton()  # compact: four of them fit beside the scenario actions
            preset_button.setText("All" if preset == "all" else preset)
            preset_button.setCheckable(True)
            preset_button.setChecked(preset == self.chart.preset)
            preset_button.clicked.connect(lambda _c=False, p=preset: self.chart.set_range(p))
            self.presets.addButton(preset_button)
            second.addWidget(preset_button)
        body = QHBoxLayout()
        chart_column = QVBoxLayout()
        chart_column.addWidget(self.chart, 1)
        chart_column.addWidget(muted(HINT))
        body.addLayout(chart_column, 2)
        body.addWidget(self.side, 1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addLayout(body, 1)
        return box

    # --- refreshing ----------------------------------------------------------------------
    def refresh(self) -> None:
        empty = self.services.plan.is_empty()
        self.stack.setCurrentIndex(0 if empty else 1)
        if empty:
            return
        self._fill_selectors()
        self.redraw()

    def _fill_selectors(self) -> None:
        goals = [g.cert_id for g in self.services.goals.list()]
        certs = [c.id for c in self.services.catalog.certifications]
        names = [s.name for s in self.services.scenarios.list()]
        _refill(
            self.goal,
            [
                (f"★ {c} (goal)" if c in goals else c, c)
                for c in [*goals, *(c for c in certs if c not in goals)]
            ],
        )
        _refill(self.scenario, [(PLAN_AS_IS, ""), *((n, n) for n in names)])
        self._fill_compare(names)

    def _fill_compare(self, names: list[str] | None = None) -> None:
        """Everything but the selected scenario itself: comparing it with itself says nothing."""
        if names is None:
            names = [s.name for s in self.services.scenarios.list()]
        shown = self.scenario.currentData()
        choices = [(PLAN_AS_IS, ""), *((n, n) for n in names)]
        _refill(
            self.compare_with,
            [(NO_COMPARISON, NOTHING), *(c for c in choices if c[1] != shown)],
        )

    def _scenario_changed(self) -> None:
        self._fill_compare()
        self.redraw()

    def redraw(self) -> None:
        """Draw the selected goal and scenario (and the one compared with) from the services."""
        if self.stack.currentIndex() == 0 or self.goal.count() == 0:
            return
        name, cert = self.scenario.currentData() or None, self.goal.currentData()
        for button in ("Edit", "Copy", "Rename", "Delete"):
            self.buttons[button].setEnabled(name is not None)
        scenarios = self.services.scenarios
        data = scenarios.timeline(name, cert_id=cert)
        other = self.compare_with.currentData() or None
        compare = None
        if self.compare_with.currentData() != NOTHING:
            compare = scenarios.timeline(other, cert_id=cert)
            rows = scenarios.compare(name, other).rows
            self.side.set_comparison(name or PLAN_AS_IS, other or PLAN_AS_IS, rows)
        else:
            self.side.set_comparison("", "", None)
        overlay = scenarios.actual_vs_plan(name) if name is not None else None
        self.chart.set_data(
            data, compare=compare, compare_name=other or PLAN_AS_IS, overlay=overlay
        )
        self.side.set_overlay(name, overlay)
        self.side.set_assumptions(data.assumptions)

    def select_goal(self, cert_id: str) -> None:
        index = self.goal.findData(cert_id)
        if index >= 0:
            self.goal.setCurrentIndex(index)

    def select_scenario(self, name: str | None, compare: str | bool | None = False) -> None:
        """Select a scenario (None: the plan as is) and what to compare it with (False: nothing)."""
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(name or "")))
        self._fill_compare()
        self.compare_with.setCurrentIndex(
            0 if compare is False else max(0, self.compare_with.findData(compare or ""))
        )

    # --- scenario actions ----------------------------------------------------------------
    def new_scenario(self) -> ScenarioDialog:
        dialog = ScenarioDialog(self.services, parent=self)
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()
        return dialog

    def edit_scenario(self) -> ScenarioDialog | None:
        name = self.scenario.currentData() or None
        if name is None:
            return None
        dialog = ScenarioDialog(self.services, self.services.scenarios.get(name), parent=self)
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.open()
        return dialog

    def _after_save(self, dialog: ScenarioDialog) -> None:
        if dialog.saved is not None:
            self.refresh()
            self.select_scenario(dialog.saved.name)
            self.status_message.emit(f"Saved the scenario “{dialog.saved.name}”.")

    def copy_scenario(self, new_name: str | None = None) -> None:
        name = self.scenario.currentData() or None
        if name is None:
            return
        new_name = new_name or self._ask("Copy scenario", "Name of the copy", f"{name} (copy)")
        if new_name and self._attempt(lambda: self.services.scenarios.copy(name, new_name)):
            self.select_scenario(new_name.strip())

    def rename_scenario(self, new_name: str | None = None) -> None:
        name = self.scenario.currentData() or None
        if name is None:
            return
        new_name = new_name or self._ask("Rename scenario", "New name", name)
        if new_name and self._attempt(lambda: self.services.scenarios.rename(name, new_name)):
            self.select_scenario(new_name.strip())

    def delete_scenario(self, confirm: bool = True) -> None:
        name = self.scenario.currentData() or None
        if name is None:
            return
        if (
            confirm
            and QMessageBox.question(
                self, "Delete scenario", f"Delete the scenario “{name}”? Your plan is not changed."
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._attempt(lambda: self.services.scenarios.delete(name))

    def _ask(self, title: str, label: str, text: str) -> str:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else ""

    def _attempt(self, action: Any) -> bool:
        try:
            action()
        except (ValidationError, NotFoundError) as error:
            QMessageBox.warning(self, "Scenario", str(error))
            return False
        self.refresh()  # the main window refreshes too, but only the page that is showing
        return True


def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace the items, keeping the selection when it is still there (no signals)."""
    current = combo.currentData() if combo.count() else object()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
