"""The hours table model and its proxy: Qt's model checks, sorting, filtering and totals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import date, time

from hours_fixtures import entry
from PySide6.QtCore import Qt

from careerplanner.domain.model import Setting
from careerplanner.ui.hours.filtering import HoursFilter
from careerplanner.ui.hours.proxy import HoursFilterProxy
from careerplanner.ui.hours.table_model import (
    COL_DATE,
    COL_EMPLOYER,
    COL_HOURS,
    COL_SETTING,
    COL_VERIFIED,
    HoursTableModel,
)

ENTRIES = [
    replace(entry(2, 8), id=1),
    replace(entry(3, 6, setting=Setting.INSURANCE, employer="Gulf Coast Health Plan"), id=2),
    replace(entry(4, 4, notes="Discharge planning backlog"), id=3),
    replace(entry(5, 2, verified_by="Dana Ortiz", verified_on=date(2026, 3, 6)), id=4),
]


def _model() -> HoursTableModel:
    model = HoursTableModel()
    model.set_entries(ENTRIES)
    return model


def test_models_pass_the_qt_model_checks(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    qtmodeltester.check(model)
    proxy = HoursFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(HoursFilter(text="bayview"))
    qtmodeltester.check(proxy)


def test_cells_read_as_people_write_them() -> None:
    model = _model()
    assert model.index(0, COL_DATE).data() == "2026-03-02"
    assert model.index(1, COL_SETTING).data() == "Insurance"
    assert model.index(3, COL_VERIFIED).data() == "✔ Dana Ortiz"
    assert model.index(0, COL_HOURS).data(Qt.ItemDataRole.TextAlignmentRole)
    assert not model.flags(model.index(3, COL_HOURS)) & Qt.ItemFlag.ItemIsEditable


def test_the_hours_cell_of_a_timed_entry_shows_its_clock_times_on_hover() -> None:
    model = HoursTableModel()
    timed = entry(2, 7.5, start_time=time(8, 0), end_time=time(16, 0), break_minutes=30)
    model.set_entries([replace(timed, id=1), replace(entry(3, 8), id=2)])
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, COL_HOURS).data(tip) == "08:00–16:00, less a 30 min break: 7.5 h"
    assert model.index(1, COL_HOURS).data(tip) is None


def test_proxy_sorts_newest_first_and_by_any_column() -> None:
    proxy = HoursFilterProxy()
    proxy.setSourceModel(_model())
    assert proxy.index(0, COL_DATE).data() == "2026-03-05"
    proxy.sort(COL_HOURS, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_HOURS).data() for r in range(4)] == ["2", "4", "6", "8"]
    proxy.sort(COL_EMPLOYER, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, COL_EMPLOYER).data() == "Bayview Medical Center"


def test_proxy_filters_by_text_dates_setting_and_employer_and_totals_them() -> None:
    proxy = HoursFilterProxy()
    proxy.setSourceModel(_model())
    assert proxy.total_hours() == 20
    proxy.set_filter(HoursFilter(text="DISCHARGE"))
    assert proxy.rowCount() == 1 and proxy.total_hours() == 4
    proxy.set_filter(HoursFilter(text="insurance"))  # matches the setting in words
    assert proxy.rowCount() == 1
    proxy.set_filter(HoursFilter(since=date(2026, 3, 3), until=date(2026, 3, 4)))
    assert proxy.total_hours() == 10
    proxy.set_filter(HoursFilter(setting=Setting.HOSPITAL.value))
    assert proxy.rowCount() == 3
    proxy.set_filter(HoursFilter(employer="Gulf Coast Health Plan"))
    assert proxy.total_hours() == 6
    proxy.set_filter(HoursFilter())
    assert proxy.rowCount() == 4


def test_columns_taken_from_the_snapshot_equal_those_built_from_the_entries() -> None:
    import numpy as np

    from careerplanner.domain.encoding import encode_entries

    entries = (
        entry(5, 8.0, id=1),
        entry(6, 10.0, id=2, end=date(2026, 3, 9)),
        entry(20, 2.5, id=7),
    )
    shared, built = HoursTableModel(), HoursTableModel()
    shared.set_entries(entries, encode_entries(entries))
    built.set_entries(entries)
    for name in ("ids", "hours", "first", "last"):
        assert np.array_equal(getattr(shared.columns(), name), getattr(built.columns(), name))
    assert shared.columns().last.tolist() == [date(2026, 3, d).toordinal() for d in (5, 9, 20)]
    assert shared.columns().hours.tolist() == [8.0, 10.0, 2.5]
    other = HoursTableModel()
    other.set_entries(entries[:2], encode_entries(entries))  # not the same entries: not used
    assert other.columns().ids.tolist() == [1, 2]
