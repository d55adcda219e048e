"""Planned work periods: how the user works, or will work; the projection accrues from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplanner.domain.model import WorkPeriod
from careerplanner.domain.validation import check_no_overlap, validate_work_period
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.records import RecordStore
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database, reader
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CHANGE = ChangeKind.WORK


class WorkService(ServiceBase):
    """Each method is one transaction; a period that overlaps another is refused."""

    def __init__(
        self, db: Database, bus: ChangeBus, today: Today, cache: SnapshotCache | None = None
    ) -> None:
        super().__init__(db, bus, today, cache)
        self._store = RecordStore(
            self, reader.WORK_PERIODS, CHANGE, validate_work_period, _no_overlap
        )

    def list(self) -> tuple[WorkPeriod, ...]:
        """Every period, by first day."""
        return self._store.list()

    def get(self, period_id: int) -> WorkPeriod:
        return self._store.get(period_id)

    def add(self, period: WorkPeriod) -> WorkPeriod:
        return self._store.add(period)

    def update(self, period: WorkPeriod) -> WorkPeriod:
        return self._store.update(period)

    def remove(self, period_id: int) -> WorkPeriod:
        return self._store.remove(period_id)


def _no_overlap(session: Session, period: WorkPeriod) -> None:
    others = [p for p in repo.list_all(session, repo.WORK_PERIODS) if p.id != period.id]
    check_no_overlap([*others, period])
