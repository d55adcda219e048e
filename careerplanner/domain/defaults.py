"""The profile a new user starts with, before anything is saved: a plausible pace, not zero.

Skipping the first-run wizard keeps these, so projections work from the first day.
"""

from __future__ import annotations

from careerplanner.domain.model import Profile

DEFAULT_WEEKLY_HOURS = 30.0
DEFAULT_CE_HOURS = 12.0
NEW_USER_PROFILE = Profile(weekly_hours=DEFAULT_WEEKLY_HOURS, ce_hours_per_year=DEFAULT_CE_HOURS)
