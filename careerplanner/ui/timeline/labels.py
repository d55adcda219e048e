"""Milestone labels laid out in lanes without collisions, repeats merged into one series.

Pure Python (no Qt, no chart library): positions are pixels measured by the caller.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from careerplanner.domain.timeline import Milestone
from careerplanner.domain.timeline_marks import KINDS

MAX_LANES = 10  # beyond this a label is shortened (and elided) rather than given a new lane
SERIES_KINDS = frozenset({"exam-window"})  # kinds that repeat: one label per certification
SERIES_NAMES = {"exam-window": "exam windows"}


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """A milestone's dot in a lane. `text` is its label ("" for a dot that shares its series'
    label, or is off screen); `left`..`right` is the pixel room the label may use."""

    mark: Milestone
    lane: int
    text: str
    left: float
    right: float
    dot: bool = True  # False for a repeat hidden under its series' label
    to_left: bool = False  # the label ends at its dot instead of starting there

    @property
    def shown(self) -> bool:
        return bool(self.text)


@dataclass
class _Unit:
    """What one label stands for: a single milestone, or a series of repeats."""

    marks: list[Milestone]
    text: str
    x: float
    last_x: float


def series_text(marks: Sequence[Milestone]) -> str:
    """ "CCM exam windows (April, August)": the one label of a series of repeats."""
    months = sorted({m.day.month for m in marks})
    kind = marks[0].kind
    names = ", ".join(calendar.month_name[m] for m in months)
    return f"{marks[0].cert or ''} {SERIES_NAMES.get(kind, kind)} ({names})".strip()


def _units(marks: Sequence[Milestone], to_pixels: Callable[[date], float]) -> list[_Unit]:
    units: list[_Unit] = []
    series: dict[tuple[str, str | None], list[Milestone]] = {}
    for mark in marks:
        if mark.kind in SERIES_KINDS:
            series.setdefault((mark.kind, mark.cert), []).append(mark)
        else:
            x = to_pixels(mark.day)
            units.append(_Unit([mark], mark.label, x, x))
    for members in series.values():
        members.sort(key=lambda m: m.day)
        first, last = to_pixels(members[0].day), to_pixels(members[-1].day)
        units.append(_Unit(members, series_text(members), first, last))
    order = {kind: i for i, kind in enumerate(KINDS)}
    units.sort(key=lambda u: (u.x, order.get(u.marks[0].kind, len(order)), u.text))
    return units


def place_labels(
    marks: Sequence[Milestone],
    to_pixels: Callable[[date], float],
    width_of: Callable[[str], float],
    view_width: float,
    padding: float = 10.0,
    max_lanes: int = MAX_LANES,
) -> tuple[PlacedLabel, ...]:
    """Every on-screen milestone labelled, no two labels of a lane overlapping.

    Labels are placed left to right, each in the first lane where it clears the previous label
    (to the right of its dot, or else to the left). When `max_lanes` lanes are full it
    goes to the lane that frees up first, and the label before it there is shortened to end
    before it. Repeats of a kind in `SERIES_KINDS` share one lane and one label. Only the
    marks on screen (0..view_width) take part; the rest are returned without a label or dot."""
    visible = [m for m in marks if 0 <= to_pixels(m.day) <= view_width]
    lanes: list[list[PlacedLabel]] = []
    ends: list[float] = []
    for unit in _units(visible, to_pixels):
        spans = _spans(unit, width_of(unit.text), view_width)
        lane, span = next(
            ((i, s) for i, end in enumerate(ends) for s in spans if s[0] >= end + padding),
            (None, spans[0]),
        )
        if lane is None and len(ends) < max_lanes:
            lanes.append([])
            ends.append(-padding)
            lane = len(ends) - 1
        if lane is None:  # every lane is taken here: cut the label that keeps the most room
            lane = max(range(len(lanes)), key=lambda i: _room_left(lanes[i], unit.x))
            span = (unit.x, min(unit.x + (spans[0][1] - spans[0][0]), view_width))
            _shorten(lanes[lane], unit.x - padding)
        to_left = span[0] < unit.x == span[1]
        lanes[lane].append(PlacedLabel(unit.marks[0], lane, unit.text, *span, True, to_left))
        lanes[lane] += [
            PlacedLabel(m, lane, "", 0.0, 0.0, not span[0] <= to_pixels(m.day) < span[1] + padding)
            for m in unit.marks[1:]
        ]
        ends[lane] = max(span[1], unit.last_x)
    placed = [p for lane in lanes for p in lane]
    placed += [PlacedLabel(m, 0, "", 0.0, 0.0, False) for m in marks if m not in visible]
    return tuple(placed)


def _spans(unit: _Unit, width: float, view_width: float) -> list[tuple[float, float]]:
    """Where a label may go: right of its dot, else (a single mark) left of it."""
    spans = []
    if unit.x + width <= view_width:
        spans.append((unit.x, unit.x + width))
    if len(unit.marks) == 1 and unit.x - width >= 0:
        spans.append((unit.x - width, unit.x))
    return spans or [(unit.x, view_width)]


def _room_left(lane: list[PlacedLabel], x: float) -> float:
    """How wide the lane's last label may stay if it must end before `x`; a label drawn to
    the left of its dot cannot be cut short, so its lane offers nothing."""
    last = next((p for p in reversed(lane) if p.shown), None)
    if last is None:
        return float("inf")
    return -float("inf") if last.to_left else x - last.left


def _shorten(lane: list[PlacedLabel], limit: float) -> None:
    """Make the last label of a lane end by `limit` (it is elided when drawn)."""
    for index in range(len(lane) - 1, -1, -1):
        place = lane[index]
        if place.shown:
            if not place.to_left:  # (one to the left of its dot ends there: nothing to cut)
                right = max(place.left, min(place.right, limit))
                lane[index] = replace(place, right=right)
            return
