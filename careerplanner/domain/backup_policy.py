"""Which automatic backups to keep: the last 7 daily, 4 weekly and 12 monthly ones.

Going from the newest backup to the oldest, a backup is kept when it is the newest of a day
not yet kept (up to 7 days), else the newest of an ISO week not yet covered by a kept backup
(up to 4 weeks), else the newest of a month not yet covered (up to 12 months). A kept backup
covers its day, its week and its month, so the three tiers reach further and further back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

DAILY = 7
WEEKLY = 4
MONTHLY = 12


def backups_to_keep(
    stamps: Iterable[datetime], daily: int = DAILY, weekly: int = WEEKLY, monthly: int = MONTHLY
) -> set[datetime]:
    """The times (of `stamps`) whose backups are kept; the others may be deleted."""
    kept: set[datetime] = set()
    days: set[tuple[int, int, int]] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    counts = {"daily": 0, "weekly": 0, "monthly": 0}
    for stamp in sorted(set(stamps), reverse=True):
        day = (stamp.year, stamp.month, stamp.day)
        iso = stamp.isocalendar()
        week = (iso.year, iso.week)
        month = (stamp.year, stamp.month)
        if day in days:
            continue
        if counts["daily"] < daily:
            tier = "daily"
        elif week not in weeks and counts["weekly"] < weekly:
            tier = "weekly"
        elif month not in months and counts["monthly"] < monthly:
            tier = "monthly"
        else:
            continue
        counts[tier] += 1
        kept.add(stamp)
        days.add(day)
        weeks.add(week)
        months.add(month)
    return kept


def backups_to_delete(stamps: Iterable[datetime]) -> list[datetime]:
    """The times whose backups thinning removes, oldest first."""
    stamps = list(stamps)
    keep = backups_to_keep(stamps)
    return sorted(s for s in set(stamps) if s not in keep)
