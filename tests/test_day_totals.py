"""The 24-hour check gives the same verdict on its small (plain Python) and large (numpy)
paths, and the small path is what a single new entry takes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.domain import day_totals
from careerplanner.domain.errors import ValidationError

BASE = date(2026, 3, 2)
span = st.tuples(
    st.integers(0, 9), st.integers(0, 3), st.sampled_from([0.25, 0.5, 1.0, 4.0, 8.0, 12.0])
).map(lambda t: (BASE + timedelta(days=t[0]), BASE + timedelta(days=t[0] + t[1]), t[2]))
day_range = st.tuples(st.integers(0, 12), st.integers(0, 4)).map(
    lambda t: (BASE + timedelta(days=t[0]), BASE + timedelta(days=t[0] + t[1]))
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    spans=st.lists(span, min_size=1, max_size=12),
    ranges=st.lists(day_range, min_size=1, max_size=3),
)
def test_both_paths_agree(spans: list[day_totals.Span], ranges: list[tuple[date, date]]) -> None:
    origin = min(a for a, _ in ranges).toordinal()
    size = max(b for _, b in ranges).toordinal() - origin + 1
    small = day_totals._first_over_small(spans, ranges, origin, size)
    large = day_totals._first_over_numpy(spans, ranges, origin, size)
    assert small == large


def test_a_day_over_24_hours_is_refused_with_its_total() -> None:
    spans = [(BASE, BASE, 16.0), (BASE, BASE + timedelta(days=1), 18.0)]
    day_totals.validate_day_totals(spans, [(BASE + timedelta(days=1), BASE + timedelta(days=1))])
    with pytest.raises(ValidationError) as caught:
        day_totals.validate_day_totals(spans, [(BASE, BASE)])
    assert caught.value.message == "2026-03-02 would have 25 h (more than 24 h in a day)"
