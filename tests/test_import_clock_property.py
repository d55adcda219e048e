"""CSV rows with start and end times and a break, for any times: the entry read keeps its
clock times only when they make its hours exactly (end - start - break), on one day; else it
keeps the hours alone. Either way it passes the one validation path (run 3 times)."""

from __future__ import annotations

import tempfile
from datetime import date, time
from pathlib import Path

from catalog_stub import stub_catalog
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.domain.validation import validate_entry
from careerplanner.services import Services
from careerplanner.storage import Database

TODAY = date(2026, 11, 26)
TIMES = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@settings(max_examples=40, deadline=None)
@given(TIMES, TIMES, st.integers(0, 90))
def test_imported_clock_times_are_consistent_or_dropped(start: time, end: time, pause: int) -> None:
    span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "log.csv"
        path.write_text(
            "Date,Start time,End time,Break minutes\n"
            f"2026-11-02,{start:%H:%M},{end:%H:%M},{pause}\n"
        )
        with Database.open(Path(tmp) / "data") as db:
            preview = Services(db, stub_catalog(), today=lambda: TODAY).records.preview_hours_csv(
                path
            )
    if preview.rows == []:  # 0 h or less: a day off, or a problem named for the row
        assert span - pause <= 0 or span <= 0
        return
    (row,) = preview.rows
    assert validate_entry(row, TODAY) == row
    if row.start_time is not None:
        assert 0 <= row.break_minutes < span
        assert row.hours == (span - row.break_minutes) / 60
        assert (row.start_time, row.end_time) == (start, end)
    else:
        assert span <= 0 or pause >= span
