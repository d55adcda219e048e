"""New entries reach the hours table as inserted rows: the same rows as a fresh table, in the
chosen order and filter, the selection kept, and a reset for any other kind of change."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import date

import pytest
from hours_fixtures import entry
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from careerplanner.domain.encoding import EncodedEntries, encode_entries
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.ui.hours.filtering import HoursFilter
from careerplanner.ui.hours.proxy import HoursFilterProxy
from careerplanner.ui.hours.table_model import COL_DATE, COL_HOURS, COL_VERIFIED, HoursTableModel

SHOWN = tuple(
    replace(e, id=i)
    for i, e in enumerate(
        [
            entry(2, 8),
            entry(3, 6, setting=Setting.INSURANCE, employer="Gulf Coast Health Plan"),
            entry(4, 4, notes="Discharge planning backlog"),
            entry(4, 3),
            entry(9, 2, end=date(2026, 3, 11)),
        ],
        start=1,
    )
)
NEW = (
    [entry(1, 1.5, id=10)],  # before every row
    [entry(4, 2.5, id=11, notes="discharge call")],  # among the rows of one day
    [entry(14, 5, id=12, employer="Harbor Clinic")],  # after every row
    [entry(6, 1, id=13), entry(6, 2, id=14)],  # a block of two
)
FILTERS = (HoursFilter(), HoursFilter(text="discharge"), HoursFilter(since=date(2026, 3, 5)))
SORTS = (
    (COL_DATE, Qt.SortOrder.DescendingOrder),
    (COL_DATE, Qt.SortOrder.AscendingOrder),
    (COL_HOURS, Qt.SortOrder.AscendingOrder),
)


def shown(entries: tuple[WorkEntry, ...], f: HoursFilter, sort: tuple[int, Qt.SortOrder]):  # type: ignore[no-untyped-def]
    model = HoursTableModel()
    model.set_entries(entries, encode_entries(entries))
    proxy = HoursFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(*sort)
    proxy.set_filter(f)
    return model, proxy


def cells(proxy: HoursFilterProxy) -> list[list[object]]:
    return [
        [proxy.index(r, c).data() for c in range(COL_VERIFIED + 1)] for r in range(proxy.rowCount())
    ]


def with_added(added: list[WorkEntry]) -> EncodedEntries:
    """The shown entries patched with `added`, as a write leaves the snapshot."""
    return encode_entries(SHOWN).patched(set(), tuple(added))


@pytest.mark.parametrize("added", NEW)
@pytest.mark.parametrize("f", FILTERS)
@pytest.mark.parametrize("sort", SORTS)
def test_added_rows_match_a_fresh_table(added, f, sort) -> None:  # type: ignore[no-untyped-def]
    model, proxy = shown(SHOWN, f, sort)
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    after = with_added(added)
    model.set_entries(after.source, after)
    _, fresh = shown(after.source, f, sort)
    assert cells(proxy) == cells(fresh)
    assert proxy.total_hours() == fresh.total_hours()
    at = after.source.index(added[0])
    assert resets == [] and inserted == [(at, at + len(added) - 1)]
    assert model.columns().employer_set == {e.employer for e in after.source}


def test_the_selection_stays_on_its_entry(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = shown(SHOWN, HoursFilter(), SORTS[0])
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    selection = QItemSelectionModel(proxy)
    dates = [proxy.index(r, COL_DATE).data() for r in range(proxy.rowCount())]
    row = dates.index("2026-03-03")
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(proxy.index(row, 0), flags)
    proxy_inserts: list[tuple[int, int]] = []
    proxy.rowsInserted.connect(lambda _p, a, b: proxy_inserts.append((a, b)))
    after = with_added([entry(14, 5, id=12)])
    model.set_entries(after.source, after)
    assert proxy_inserts == [(0, 0)]  # newest first
    (kept,) = selection.selectedRows()
    assert kept.row() == row + 1 and kept.data() == "2026-03-03"
    qtmodeltester.check(proxy)


def test_a_row_filtered_out_is_inserted_nowhere() -> None:
    model, proxy = shown(SHOWN, HoursFilter(text="discharge"), SORTS[0])
    signals: list[str] = []
    proxy.rowsInserted.connect(lambda *_: signals.append("inserted"))
    proxy.modelReset.connect(lambda: signals.append("reset"))
    after = with_added([entry(1, 1.5, id=10)])
    model.set_entries(after.source, after)
    assert signals == [] and proxy.rowCount() == 1
    assert proxy.index(0, COL_DATE).data() == "2026-03-04" and proxy.total_hours() == 4


def test_an_edit_or_a_read_again_resets_the_table() -> None:
    model, _ = shown(SHOWN, HoursFilter(), SORTS[0])
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    edited = encode_entries(SHOWN).patched({2}, (replace(SHOWN[1], hours=7),))
    model.set_entries(edited.source, edited)  # same rows, one changed
    assert resets == [True]
    read_again = (*(replace(e) for e in edited.source), entry(20, 1, id=15))
    columns = encode_entries(read_again)
    model.set_entries(read_again, columns)  # same ids, other objects
    assert resets == [True, True]
    assert model.index(1, COL_HOURS).data() == "7" and model.rowCount() == 6
    model.set_entries(read_again, columns)  # the very same: nothing to do
    assert resets == [True, True]
    assert model.rowCount(QModelIndex()) == 6
