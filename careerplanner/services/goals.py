"""Certification goals: one per certification of the catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.model import Goal
from careerplanner.domain.validation import check_one_goal_per_cert, validate_goal
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.records import RecordStore
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database, reader
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class GoalService(ServiceBase):
    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        today: Today,
        catalog: Catalog,
        cache: SnapshotCache | None = None,
    ) -> None:
        super().__init__(db, bus, today, cache)
        self._store = RecordStore(
            self,
            reader.GOALS,
            ChangeKind.GOALS,
            lambda g: validate_goal(g, catalog.ids),
            _one_per_cert,
        )

    def list(self) -> tuple[Goal, ...]:
        return self._store.list()

    def get(self, goal_id: int) -> Goal:
        return self._store.get(goal_id)

    def add(self, goal: Goal) -> Goal:
        return self._store.add(goal)

    def update(self, goal: Goal) -> Goal:
        return self._store.update(goal)

    def remove(self, goal_id: int) -> Goal:
        return self._store.remove(goal_id)


def _one_per_cert(session: Session, goal: Goal) -> None:
    others = [g for g in repo.list_all(session, repo.GOALS) if g.id != goal.id]
    check_one_goal_per_cert([*others, goal])
