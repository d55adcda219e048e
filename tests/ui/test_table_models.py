"""The CE, records and import-preview table models: Qt's model checks, with the text each cell
shows, and the same checks again after the rows are replaced."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from careerplanner.domain.model import CeActivity, CeTopic
from careerplanner.ui.ce.ce_widgets import CeTableModel
from careerplanner.ui.education.record_section import TONES, RecordTableModel
from careerplanner.ui.files.import_parts import RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _row(model: RecordTableModel | CeTableModel | RowsModel, row: int) -> list[object]:
    return [model.data(model.index(row, c), DISPLAY) for c in range(model.columnCount())]


def test_ce_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CeTableModel()
    qtmodeltester.check(model)  # empty
    older = CeActivity(date(2026, 2, 1), 1.5, CeTopic.ETHICS, "Ethics", "NASW", "cert.pdf", id=1)
    newer = CeActivity(date(2026, 3, 4), 1234.0, CeTopic.ETHICS, "Law", "Board", id=2)
    model.set_data([older, newer], [])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.rowCount(model.index(0, 0)) == 0
    assert _row(model, 0) == ["Mar 4, 2026", "1,234", "Ethics", "Law", "Board", "", ""]
    assert _row(model, 1) == ["Feb 1, 2026", "1.5", "Ethics", "Ethics", "NASW", "", "Attached"]
    assert model.activity(1) == older
    align = model.data(model.index(0, CeTableModel.HOURS), Qt.ItemDataRole.TextAlignmentRole)
    assert align == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(QModelIndex(), DISPLAY) is None


def test_record_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RecordTableModel(["License", "Expires"])
    qtmodeltester.check(model)
    model.set_rows(["rn", "lsw"], [("RN", "Jan 1, 2027"), ("LSW", "—")], ["expired", ""])
    qtmodeltester.check(model)
    assert [_row(model, 0), _row(model, 1)] == [["RN", "Jan 1, 2027"], ["LSW", "—"]]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Expires"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    brush = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == TONES["expired"][0]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    model.set_rows([], [], [])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_rows_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel(["Line", "Hours", "Problem"])
    qtmodeltester.check(model)
    model.set_rows([[12345, 2000, "over 24 h"], [7, 8.5, ""]])
    qtmodeltester.check(model)
    assert _row(model, 0) == ["12345", "2,000", "over 24 h"]  # the line number as the file has it
    assert _row(model, 1) == ["7", "8.5", ""]
    assert model.texts(2) == ["over 24 h", ""]
