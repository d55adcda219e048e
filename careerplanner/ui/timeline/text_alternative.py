"""The timeline's numbers as text for screen readers: hours, thresholds and milestones."""

from __future__ import annotations

from careerplanner.domain.dates import fmt_day
from careerplanner.domain.timeline import TimelineData


def timeline_rows(data: TimelineData) -> list[tuple[str, str]]:
    """(label, value) pairs that say what the chart draws, in the order a reader needs them."""
    rows: list[tuple[str, str]] = []
    logged = [p for p in data.hours if not p.projected]
    ahead = [p for p in data.hours if p.projected]
    if logged:
        rows.append(
            (f"Countable hours on {fmt_day(logged[-1].day)}", f"{logged[-1].cumulative:,.0f} h")
        )
    if ahead:
        rows.append((f"Projected by {fmt_day(ahead[-1].day)}", f"{ahead[-1].cumulative:,.0f} h"))
    rows += [(t.label, f"{t.hours:,.0f} h needed") for t in data.thresholds]
    rows += [(fmt_day(m.day), m.label) for m in data.milestones]
    return rows
