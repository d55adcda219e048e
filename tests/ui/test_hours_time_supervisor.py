"""The hours table's Time and Supervisor columns: their exact texts, sorting both ways against a
sort done here, the text filter on a supervisor's name, a rename showing, widths kept by name."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hours_fixtures import entry, hours_services  # noqa: F401
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt

from careerplanner.app import Running
from careerplanner.domain.logbook import Credential, Supervisor
from careerplanner.domain.model import WorkEntry
from careerplanner.ui.hours import HoursPage
from careerplanner.ui.hours.filtering import HoursFilter
from careerplanner.ui.hours.proxy import HoursFilterProxy
from careerplanner.ui.hours.shown_columns import KEY as SHOWN_KEY
from careerplanner.ui.hours.table_model import (
    COL_DATE,
    COL_HOURS,
    COL_SUPERVISION,
    COL_SUPERVISOR,
    COL_TIME,
    EDITABLE,
    ENTRY_ROLE,
    HEADERS,
    HoursTableModel,
)
from careerplanner.ui.hours.table_view import HEADER_KEY, OLD_HEADER_KEY

DANA = Supervisor("Dana Lee", Credential.RN, license_number="RN-55", state="OR", id=1)
ALEX = Supervisor("alex Kim", Credential.NONE, id=2)  # lower case: sorts first without case
BEA = Supervisor("Bea Novak", Credential.OTHER_LICENSED, id=3)
SUPERVISORS = {s.id: s for s in (DANA, ALEX, BEA)}
TIP = Qt.ItemDataRole.ToolTipRole


def _timed(day: int, start: time, end: time, pause: int, hours: float, **fields: Any) -> WorkEntry:
    return entry(day, hours, start_time=start, end_time=end, break_minutes=pause, **fields)


ENTRIES = [
    replace(_timed(2, time(7), time(15, 30), 30, 8, supervisor_id=1), id=1),
    replace(_timed(3, time(9), time(17), 0, 8, supervisor_id=2), id=2),
    replace(entry(4, 6), id=3),
    replace(_timed(5, time(7), time(11), 0, 4, supervisor_id=3), id=4),
    replace(entry(6, 12, end=date(2026, 3, 8), supervisor_id=1), id=5),
    replace(_timed(9, time(13), time(17, 45), 15, 4.5), id=6),
    replace(entry(10, 3, supervisor_id=2), id=7),
]


def _model() -> HoursTableModel:
    model = HoursTableModel()
    model.set_supervisors(SUPERVISORS.values())
    model.set_entries(ENTRIES)
    return model


def _proxy(model: HoursTableModel) -> HoursFilterProxy:
    proxy = HoursFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def _ids(proxy: HoursFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(ENTRY_ROLE).id for r in range(proxy.rowCount())]


def test_time_and_supervisor_texts() -> None:
    model = _model()
    times = [model.index(r, COL_TIME).data() for r in range(7)]
    assert times == [
        "07:00–15:30 (30 min)",
        "09:00–17:00",
        "",
        "07:00–11:00",
        "",
        "13:00–17:45 (15 min)",
        "",
    ]
    names = [model.index(r, COL_SUPERVISOR).data() for r in range(7)]
    assert names == ["Dana Lee, RN", "alex Kim", "", "Bea Novak", "Dana Lee, RN", "", "alex Kim"]
    assert HEADERS[COL_HOURS + 1] == "Time" and HEADERS[COL_SUPERVISION + 1] == "Supervisor"


def test_time_and_supervisor_tooltips_and_headers() -> None:
    model = _model()
    assert model.index(0, COL_TIME).data(TIP) == "07:00–15:30, less a 30 min break: 8 h"
    assert model.index(1, COL_TIME).data(TIP) == "09:00–17:00: 8 h"
    assert model.index(2, COL_TIME).data(TIP) is None
    assert model.index(0, COL_SUPERVISOR).data(TIP) == (
        "Supervised by Dana Lee (RN), license RN-55 (OR)"
    )
    assert model.index(1, COL_SUPERVISOR).data(TIP) == "Supervised by alex Kim (no credential)"
    assert model.index(3, COL_SUPERVISOR).data(TIP) == "Supervised by Bea Novak (other licensed)"
    assert model.index(2, COL_SUPERVISOR).data(TIP) is None
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(COL_TIME, horizontal, TIP) == (
        "Clock times, the break in brackets; empty for an entry without times (Edit… to change)"
    )
    assert model.headerData(COL_SUPERVISOR, horizontal, TIP) == (
        "The supervisor named on the entry, with their credential (Edit… to change)"
    )


def test_time_and_supervisor_are_read_only_in_the_table() -> None:
    model = _model()
    model.set_editor(lambda old, new: True)
    assert COL_TIME not in EDITABLE and COL_SUPERVISOR not in EDITABLE
    editable = Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_TIME)) & editable
    assert not model.flags(model.index(0, COL_SUPERVISOR)) & editable
    assert model.flags(model.index(0, COL_HOURS)) & editable
    assert not model.setData(model.index(0, COL_TIME), "08:00–09:00", Qt.ItemDataRole.EditRole)


def _time_key(e: WorkEntry) -> tuple[int, int, int]:
    at = 24 * 60 if e.start_time is None else e.start_time.hour * 60 + e.start_time.minute
    return at, e.start.toordinal(), e.id


def _supervisor_key(e: WorkEntry) -> tuple[int, str, int, int, int]:
    s = SUPERVISORS.get(e.supervisor_id) if e.supervisor_id is not None else None
    named = (0, s.name.casefold(), s.id) if s is not None else (1, "", 0)
    return (*named, e.start.toordinal(), e.id)


@pytest.mark.parametrize(
    ("column", "key"), [(COL_TIME, _time_key), (COL_SUPERVISOR, _supervisor_key)]
)
def test_sorting_both_ways_matches_a_sort_done_here(column: int, key: Any) -> None:
    proxy = _proxy(_model())
    ascending = [e.id for e in sorted(ENTRIES, key=key)]
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy) == ascending
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    assert _ids(proxy) == ascending[::-1]


NAMED = [*SUPERVISORS.values(), Supervisor("ALEX KIM", Credential.CCM, id=4)]  # a tie without case
rows = st.lists(
    st.tuples(
        st.integers(1, 28),  # the day in March
        st.one_of(st.none(), st.integers(0, 20 * 60)),  # the start minute, or no clock times
        st.one_of(st.none(), st.sampled_from([s.id for s in NAMED])),
    ),
    max_size=25,
)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(rows=rows)
def test_any_mixed_table_sorts_like_a_sort_done_here(rows: list[Any]) -> None:
    entries = [
        replace(entry(day, 4), id=n + 1, supervisor_id=sid)
        if at is None
        else replace(
            _timed(day, time(at // 60, at % 60), time(23, 59), 0, 4), id=n + 1, supervisor_id=sid
        )
        for n, (day, at, sid) in enumerate(rows)
    ]
    model = HoursTableModel()
    model.set_supervisors(NAMED)
    model.set_entries(entries)
    proxy = _proxy(model)
    by_id = {s.id: s for s in NAMED}

    def supervisor_key(e: WorkEntry) -> tuple[object, ...]:
        s = by_id.get(e.supervisor_id) if e.supervisor_id is not None else None
        named = (0, s.name.casefold(), s.id) if s is not None else (1, "", 0)
        return (*named, e.start.toordinal(), e.id)

    for column, key in ((COL_TIME, _time_key), (COL_SUPERVISOR, supervisor_key)):
        ascending = [e.id for e in sorted(entries, key=key)]
        proxy.sort(column, Qt.SortOrder.AscendingOrder)
        assert _ids(proxy) == ascending
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
        assert _ids(proxy) == ascending[::-1]


def test_sort_orders_in_words() -> None:
    proxy = _proxy(_model())
    proxy.sort(COL_TIME, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_TIME).data() for r in range(7)] == [
        "07:00–15:30 (30 min)",
        "07:00–11:00",
        "09:00–17:00",
        "13:00–17:45 (15 min)",
        "",
        "",
        "",
    ]
    proxy.sort(COL_SUPERVISOR, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_SUPERVISOR).data() for r in range(7)]
    assert names == ["alex Kim", "alex Kim", "Bea Novak", "Dana Lee, RN", "Dana Lee, RN", "", ""]


def test_text_filter_finds_a_supervisors_name(qtmodeltester: Any) -> None:
    model = _model()
    proxy = _proxy(model)
    proxy.set_filter(HoursFilter(text="Lee"))
    assert sorted(_ids(proxy)) == [1, 5]
    proxy.set_filter(HoursFilter(text="kim"))
    assert sorted(_ids(proxy)) == [2, 7]
    proxy.sort(COL_SUPERVISOR, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(HoursFilter())
    proxy.sort(COL_TIME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)


def test_renaming_a_supervisor_shows_sorts_and_filters_anew() -> None:
    model = _model()
    proxy = _proxy(model)
    proxy.sort(COL_SUPERVISOR, Qt.SortOrder.AscendingOrder)
    model.set_supervisors([replace(DANA, name="Ada Lee-Park"), ALEX, BEA])
    assert proxy.index(0, COL_SUPERVISOR).data() == "Ada Lee-Park, RN"
    assert _ids(proxy)[:2] == [1, 5]
    proxy.set_filter(HoursFilter(text="park"))
    assert sorted(_ids(proxy)) == [1, 5]


def test_the_page_shows_supervisors_and_times_from_the_services(
    qtbot: Any,
    hours_services: Any,  # noqa: F811
) -> None:
    lee = hours_services.supervisors.add(Supervisor("Dana Lee", Credential.RN))
    hours_services.hours.add(
        entry(2, start_time=time(7), end_time=time(15, 30), break_minutes=30, supervisor_id=lee.id)
    )
    hours_services.hours.add(entry(3, 6))
    page = HoursPage(hours_services)
    qtbot.addWidget(page)
    rows = [
        [page.proxy.index(r, c).data() for c in (COL_DATE, COL_HOURS, COL_TIME, COL_SUPERVISOR)]
        for r in range(2)
    ]
    assert rows == [
        ["2026-03-03", "6", "", ""],
        ["2026-03-02", "8", "07:00–15:30 (30 min)", "Dana Lee, RN"],
    ]


def test_a_renamed_supervisor_shows_after_the_change(qtbot: Any, running: Running) -> None:
    services = running.services
    kim = services.supervisors.add(Supervisor("Sam Kim", Credential.LCSW))
    services.hours.add(WorkEntry(date(2026, 3, 2), 4.0, supervisor_id=kim.id))
    page = running.window.show_page("hours")
    assert isinstance(page, HoursPage)
    assert "supervisor's name" in page.filter_bar.text.toolTip()
    page.filter_bar.text.setText("kim")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert page.proxy.index(0, COL_SUPERVISOR).data() == "Sam Kim, LCSW"
    services.supervisors.update(replace(kim, name="Sam Kimura", credential=Credential.CCM))
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, COL_SUPERVISOR).data() == "Sam Kimura, CCM"


def test_saved_widths_follow_the_column_names(
    qtbot: Any,
    hours_services: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(OLD_HEADER_KEY, b"state by position from before the new columns")
    settings.setValue(HEADER_KEY, json.dumps({"Employer": 190, "Supervisor": 133, "Gone": 50}))
    settings.setValue(SHOWN_KEY, json.dumps({"Time": True, "Supervisor": True}))
    hours_services.hours.add(entry(2))
    page = HoursPage(hours_services, settings=settings)
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    assert header.sectionSize(HEADERS.index("Employer")) == 190
    assert header.sectionSize(COL_SUPERVISOR) == 133
    assert settings.value(OLD_HEADER_KEY) is None
    header.resizeSection(COL_TIME, 151)
    saved = json.loads(str(settings.value(HEADER_KEY)))
    assert (saved["Time"], saved["Supervisor"], saved["Employer"]) == (151, 133, 190)
    assert list(saved) == list(HEADERS)


def test_notes_come_last_and_take_the_room_left(
    qtbot: Any,
    hours_services: Any,  # noqa: F811
) -> None:
    hours_services.hours.add(entry(2, notes="Discharge planning for a long-stay patient"))
    page = HoursPage(hours_services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    assert HEADERS[-1] == "Notes"
    assert page.table.horizontalScrollBar().maximum() == 0  # no times, no supervisor: it fits
    shown = [i for i in range(len(HEADERS)) if not header.isSectionHidden(i)]
    used = sum(header.sectionSize(i) for i in shown)
    assert used == page.table.viewport().width()  # Notes fills the rest, exactly
    assert header.sectionSize(HEADERS.index("Notes")) >= header.minimumSectionSize()


def test_the_entry_dialogs_chooser_names_supervisors_as_the_table_does(qtbot: Any) -> None:
    from careerplanner.ui.hours.clock_fields import ClockFields

    people = [
        Supervisor("Dana Lee", Credential.RN, id=1),
        Supervisor("Sam Kim", Credential.OTHER_LICENSED, id=2),
        Supervisor("Jo Bell", Credential.NONE, id=3),
    ]
    combo = ClockFields(people).supervisor
    qtbot.addWidget(combo)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == [
        "(none named)",
        "Dana Lee, RN",
        "Sam Kim, other licensed",
        "Jo Bell, no credential",
    ]
    assert [combo.itemData(i) for i in range(combo.count())] == [None, 1, 2, 3]
