"""A scenario's periods in memory: an overlap is refused, as the work service refuses it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity, Setting, Supervision, WorkPeriod
from careerplanner.ui.education.planned_work import MemoryPeriods

DAY0 = date(2027, 1, 1)


def period(first: int, length: int | None, hours: float = 30) -> WorkPeriod:
    start = DAY0 + timedelta(days=first)
    end = None if length is None else start + timedelta(days=length)
    return WorkPeriod(
        0, start, end, hours, Activity.CASE_MANAGEMENT, Setting.HOSPITAL, Supervision.RN
    )


def overlaps(a: WorkPeriod, b: WorkPeriod) -> bool:
    far = date.max
    return a.start <= (b.end or far) and b.start <= (a.end or far)


spans = st.lists(
    st.tuples(st.integers(0, 400), st.one_of(st.none(), st.integers(0, 120))),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(spans)
def test_adds_are_kept_exactly_when_they_overlap_nothing(
    wanted: list[tuple[int, int | None]],
) -> None:
    store = MemoryPeriods(())
    kept: list[WorkPeriod] = []
    for first, length in wanted:
        candidate = period(first, length)
        before = store.list()
        if any(overlaps(candidate, k) for k in kept):
            with pytest.raises(ValidationError, match="work periods cannot overlap"):
                store.add(candidate)
            assert store.list() == before  # a refused add changes nothing
        else:
            store.add(candidate)
            kept.append(candidate)
    assert [(p.start, p.end) for p in store.list()] == sorted((k.start, k.end) for k in kept)


def test_an_edit_may_move_a_period_but_not_onto_another() -> None:
    store = MemoryPeriods((period(0, 30), period(31, None)))
    first, second = store.list()
    store.update(replace(first, end=first.start + timedelta(days=10)))
    with pytest.raises(ValidationError, match="overlaps"):
        store.update(replace(second, start=first.start))
    assert [p.end for p in store.list()] == [date(2027, 1, 11), None]


def test_zero_hours_are_refused() -> None:
    with pytest.raises(ValidationError, match="weekly hours"):
        MemoryPeriods(()).add(period(0, None, hours=0))
