"""Clock times through the one validation path, for any times and break: either refused with
a message, or stored with hours exactly (end - start - break) / 60 (run 3 times)."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.domain.validation import validate_entry

TIMES = st.builds(time, st.integers(0, 23), st.integers(0, 59))
DAY = date(2026, 11, 9)


@settings(max_examples=300, deadline=None)
@given(TIMES, TIMES, st.integers(-5, 24 * 60 + 5), st.floats(allow_nan=True))
def test_timed_entries_are_refused_or_exact(
    start: time, end: time, pause: int, typed_hours: float
) -> None:
    entry = WorkEntry(DAY, typed_hours, start_time=start, end_time=end, break_minutes=pause)
    span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    try:
        clean = validate_entry(entry, DAY)
    except ValidationError as error:
        assert span <= 0 or pause < 0 or pause >= span, error.message
        return
    assert 0 <= pause < span
    assert clean.hours == (span - pause) / 60
    assert (clean.start_time, clean.end_time, clean.break_minutes) == (start, end, pause)
