"""What every service shares: the database, today's date, and publishing after commit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from careerplanner.services.bus import Change, ChangeBus
from careerplanner.storage import Database

Today = Callable[[], date]


class ServiceBase:
    def __init__(self, db: Database, bus: ChangeBus, today: Today) -> None:
        self._db = db
        self._bus = bus
        self._today = today

    def _publish(self, *kinds: str) -> None:
        self._bus.publish(Change.of(*kinds))
