"""Where a license stands on a day: planned, active, expiring soon, or expired.

"Soon" is the reminders' horizon: a license that expires within it is also a reminder due.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from careerplanner.domain.model import License
from careerplanner.domain.reminders import HORIZON_DAYS


class Standing(Enum):
    PLANNED = "planned"  # issued after today
    NO_EXPIRY = "no expiry"  # active, with no expiry date recorded
    ACTIVE = "active"
    EXPIRING = "expiring"  # expires within HORIZON_DAYS days (today included)
    EXPIRED = "expired"


def license_standing(lic: License, today: date) -> Standing:
    if lic.issued > today:
        return Standing.PLANNED
    if lic.expires is None:
        return Standing.NO_EXPIRY
    if lic.expires < today:
        return Standing.EXPIRED
    if (lic.expires - today).days <= HORIZON_DAYS:
        return Standing.EXPIRING
    return Standing.ACTIVE
