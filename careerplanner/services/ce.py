"""Continuing-education activities."""

from __future__ import annotations

from careerplanner.domain.model import CeActivity
from careerplanner.domain.validation import validate_ce
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.records import RecordStore
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database, reader


class CeService(ServiceBase):
    def __init__(
        self, db: Database, bus: ChangeBus, today: Today, cache: SnapshotCache | None = None
    ) -> None:
        super().__init__(db, bus, today, cache)
        self._store = RecordStore(self, reader.CE, ChangeKind.CE, lambda c: validate_ce(c, today()))

    def list(self) -> tuple[CeActivity, ...]:
        return self._store.list()

    def get(self, activity_id: int) -> CeActivity:
        return self._store.get(activity_id)

    def add(self, activity: CeActivity) -> CeActivity:
        return self._store.add(activity)

    def update(self, activity: CeActivity) -> CeActivity:
        return self._store.update(activity)

    def remove(self, activity_id: int) -> CeActivity:
        return self._store.remove(activity_id)
